/* The view framework: a view's life (open, load, close), its private
 * state, its page of lines with the scrolling and the selection, and the
 * search. A view itself is only its load, its lines and its keys. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

struct view *view_open(struct tui *tui, const struct view_ops *ops, const void *arg)
{
	struct view *view = xcalloc(1, sizeof *view);
	view->ops = ops;
	view->tui = tui;
	view->data = ops->private_size ? xcalloc(1, ops->private_size) : NULL;
	view->page.height = LINES - 3;
	snprintf(view->title, sizeof view->title, "%s", ops->name);
	if (ops->init)
		ops->init(view, arg);
	return view;
}

void view_close(struct view *view)
{
	if (!view)
		return;
	if (view->ops->close)
		view->ops->close(view);
	page_clear(&view->page);
	free(view->page.lines);
	free(view->tags);
	free(view->data);
	free(view);
}

void view_load(struct view *view)
{
	struct page *page = &view->page;
	char *previous =
	    page_selected(page) ? xstrdup(page->lines[page->cursor.line].text) : NULL;
	page_clear(page);
	view->ops->load(view);
	page_keep(page, previous);
	free(previous);
}

static int compare_id(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return x < y ? -1 : x > y;
}

bool view_tagged(const struct view *view, const struct kind *kind, long long id)
{
	return view->ntags && kind == view->tag_kind &&
	       bsearch(&id, view->tags, view->ntags, sizeof id, compare_id);
}

void view_tag(struct view *view, const struct kind *kind, long long id)
{
	if (kind != view->tag_kind)
		view->ntags = 0;
	view->tag_kind = kind;
	long long *at = view->ntags
	                    ? bsearch(&id, view->tags, view->ntags, sizeof id, compare_id)
	                    : NULL;
	if (at) {
		size_t i = (size_t)(at - view->tags);
		memmove(at, at + 1, (view->ntags - i - 1) * sizeof id);
		view->ntags--;
	} else {
		if (view->ntags == view->tags_cap) {
			view->tags_cap = view->tags_cap ? 2 * view->tags_cap : 16;
			view->tags = xrealloc(view->tags, view->tags_cap * sizeof id);
		}
		size_t i = 0;
		while (i < view->ntags && view->tags[i] < id)
			i++;
		memmove(view->tags + i + 1, view->tags + i,
		        (view->ntags - i) * sizeof id);
		view->tags[i] = id;
		view->ntags++;
	}
	if (view->ntags)
		tui_message(view->tui, ROLE_NORMAL,
		            "%zu %s tagged: d removes them, S sets a field%s, T untags.",
		            view->ntags, view->ntags == 1 ? kind->singular : kind->plural,
		            kind == &kind_arrivals ? ", P gives them one pickup" : "");
}

void view_draw_page(struct view *view, int top, int height, int cols)
{
	struct page *page = &view->page;
	page_draw(page, top, 0, height, cols);
	/* Tagged lines are marked in their first column. */
	for (int i = 0; i < height && view->ntags; i++) {
		long long k = page->cursor.top + i;
		if (k >= (long long)page->count)
			break;
		const struct target *t = &page->lines[k].target;
		if (t->type == TARGET_RECORD && view_tagged(view, t->kind, t->id))
			tui_put(top + i, 0, 1, "*", ROLE_WARN, false);
	}
}

/* ---- work on every tagged record ---- */

/* A name for record id of kind, in messages. */
static void record_name(struct summit_db *db, const struct kind *kind, long long id,
                        char *out, size_t size)
{
	struct record rec = {0};
	if (kind->fields[kind->key].type != FIELD_ID &&
	    record_get(db, kind, id, &rec, NULL) == SUMMIT_OK)
		snprintf(out, size, "%s %s", kind->singular, rec.values[kind->key]);
	else
		snprintf(out, size, "%s #%lld", kind->singular, id);
	record_clear(&rec);
}

/* The tagged records and, for a change, the values to set on each; failed
 * is the one refused. */
struct bulk_job {
	const struct kind *kind;
	const long long *ids;
	size_t n, failed;
	char *const *values;
};

static int remove_each(struct summit_db *db, void *ctx, struct summit_err *err)
{
	struct bulk_job *job = ctx;
	int status = SUMMIT_OK;
	for (size_t i = 0; i < job->n && !status; i++)
		status = record_delete(db, job->kind, job->ids[i], 0, err);
	return status;
}

static int set_each(struct summit_db *db, void *ctx, struct summit_err *err)
{
	struct bulk_job *job = ctx;
	int status = SUMMIT_OK;
	for (size_t i = 0; i < job->n && !status; i++) {
		status = record_update(db, job->kind, job->ids[i], job->values, 0, err);
		job->failed = i;
	}
	return status;
}

/* Removes every tagged record, or none, in one transaction. */
static void bulk_remove(struct view *view)
{
	struct tui *tui = view->tui;
	const struct kind *kind = view->tag_kind;
	char question[200];
	snprintf(question, sizeof question, "Remove the %zu tagged %s?", view->ntags,
	         view->ntags == 1 ? kind->singular : kind->plural);
	if (!tui_confirm(tui, question,
	                 "All of them or, if one is still used by other records, "
	                 "none."))
		return;
	struct summit_err err;
	err_clear(&err);
	struct strbuf warnings = {0};
	struct bulk_job job = {kind, view->tags, view->ntags, 0, NULL};
	int status = change_run(tui->db, kind, remove_each, &job, tui_keep_warning,
	                        &warnings, &err);
	if (status) {
		strbuf_free(&warnings);
		tui_message(tui, ROLE_ERROR, "Nothing removed: %s", err.msg);
		return;
	}
	size_t n = view->ntags;
	view->ntags = 0;
	undo_clear(tui); /* u takes back one record's change, not these */
	tui_reload(tui);
	tui_done(tui, &warnings, "Removed %zu %s", n,
	         n == 1 ? kind->singular : kind->plural);
}

/* Sets one field to one value on every tagged record, in one transaction. */
static void bulk_set(struct view *view)
{
	struct tui *tui = view->tui;
	const struct kind *kind = view->tag_kind;
	const char *names[64];
	int fields[64], n = 0;
	for (size_t i = 0; i < kind->nfields && n < 63; i++)
		if (kind->fields[i].type != FIELD_ID &&
		    !(kind->fields[i].flags & FIELD_FIXED)) {
			names[n] = kind->fields[i].name;
			fields[n++] = (int)i;
		}
	names[n] = NULL;
	char title[200];
	snprintf(title, sizeof title, "Set which field of the %zu %s?", view->ntags,
	         kind->plural);
	int k = tui_choose(tui, title, names, 0);
	if (k < 0)
		return;
	char label[200], value[1024];
	snprintf(label, sizeof label, "%s for all of them:", names[k]);
	if (!tui_prompt(tui, label, "", value, sizeof value))
		return;
	char **values = xcalloc(kind->nfields, sizeof *values);
	values[fields[k]] = value;
	struct summit_err err;
	err_clear(&err);
	struct strbuf warnings = {0};
	struct bulk_job job = {kind, view->tags, view->ntags, 0, values};
	int status =
	    change_run(tui->db, kind, set_each, &job, tui_keep_warning, &warnings, &err);
	free(values);
	if (status) {
		strbuf_free(&warnings);
		char name[300];
		record_name(tui->db, kind, view->tags[job.failed], name, sizeof name);
		tui_message(tui, ROLE_ERROR, "Nothing changed: %s: %s", name, err.msg);
		return;
	}
	undo_clear(tui);
	tui_reload(tui);
	tui_done(tui, &warnings, "Set %s on %zu %s", names[k], view->ntags,
	         view->ntags == 1 ? kind->singular : kind->plural);
}

static bool bulk_key(struct view *view, int key)
{
	if (!view->ntags)
		return false;
	switch (key) {
	case 'd':
	case KEY_DC:
		bulk_remove(view);
		return true;
	case 'S':
		bulk_set(view);
		return true;
	case 'P':
		if (view->tag_kind != &kind_arrivals)
			return false;
		if (tui_pickup_many(view->tui, view->tags, view->ntags))
			view->ntags = 0;
		return true;
	case 'T':
		view->ntags = 0;
		tui_message(view->tui, ROLE_NORMAL, "Nothing tagged.");
		return true;
	}
	return false;
}

void view_draw(struct view *view, int top, int height, int cols)
{
	view->height = height;
	if (view->ops->draw)
		view->ops->draw(view, top, height, cols);
	else
		view_draw_page(view, top, height, cols);
}

/* The next selectable line from `from` on (wrapping) whose text holds
 * folded, or -1. */
static long long find_line(struct page *page, long long from, const char *folded)
{
	long long n = (long long)page->count;
	for (long long i = 0; i < n; i++) {
		long long k = (from + i) % n;
		struct page_line *line = &page->lines[k];
		if (!line->selectable)
			continue;
		/* Folded once, not at every key typed. */
		if (!line->fold)
			line->fold = text_fold(line->text);
		if (line->fold && strstr(line->fold, folded))
			return k;
	}
	return -1;
}

/* Moves the selection to the first line from `from` holding text; false
 * when none does. */
static bool page_find(struct page *page, long long from, const char *text)
{
	if (!*text)
		return true;
	char *folded = text_fold(text);
	long long k = folded ? find_line(page, from, folded) : -1;
	free(folded);
	if (k < 0)
		return false;
	page->cursor.line = k;
	cursor_clamp(&page->cursor, page->height);
	return true;
}

void view_search(struct view *view)
{
	struct tui *tui = view->tui;
	struct page *page = &view->page;
	struct edit e;
	edit_set(&e, "");
	long long from = page->cursor.line, start = from;
	bool found = true;
	curs_set(1);
	for (;;) {
		if (view->ops->search)
			view->ops->search(view, e.text);
		else
			found = page_find(page, from, e.text);
		tui_draw(tui);
		tui_put(LINES - 1, 0, 2, "/", ROLE_HEADER, true);
		edit_draw(&e, LINES - 1, 1, COLS - 1, found ? ROLE_NORMAL : ROLE_ERROR,
		          true);
		refresh();
		int key = tui_getch(tui);
		if (key == '\r' || key == '\n' || key == KEY_ENTER)
			break;
		if (key == 27 || key == 7 || key == 3) {
			edit_set(&e, "");
			if (view->ops->search)
				view->ops->search(view, "");
			else
				page->cursor.line = start;
			break;
		}
		/* Down, Ctrl-N: the next line holding it. */
		if (!view->ops->search && (key == KEY_DOWN || key == 14)) {
			from = page->cursor.line + 1;
			continue;
		}
		if (view->ops->search && key == KEY_DOWN)
			break;
		if (edit_key(&e, key))
			from = start;
	}
	curs_set(0);
	if (!view->ops->search && e.text[0] && !found)
		tui_message(tui, ROLE_WARN, "Nothing here holds \"%s\".", e.text);
}

/* w: what is selected, whole, wrapped in a box. */
static void view_detail(struct view *view)
{
	struct strbuf sb = {0};
	if (view->ops->detail) {
		view->ops->detail(view, &sb);
	} else if (page_selected(&view->page)) {
		const struct page_line *line = &view->page.lines[view->page.cursor.line];
		strbuf_addf(&sb, "%s\n", line->text);
		if (line->target.type == TARGET_RECORD) {
			strbuf_add(&sb, "\n");
			record_text(view->tui->db, line->target.kind, line->target.id,
			            &sb);
		}
	}
	if (sb.buf)
		tui_popup(view->tui, "The whole text (w)", sb.buf);
	else
		tui_message(view->tui, ROLE_DIM, "Nothing selected to read.");
	strbuf_free(&sb);
}

bool view_key(struct view *view, int key)
{
	struct tui *tui = view->tui;
	if (bulk_key(view, key))
		return true;
	/* Space tags the record on the selected line. */
	const struct target *sel = page_selected(&view->page);
	if (key == ' ' && sel && sel->type == TARGET_RECORD) {
		view_tag(view, sel->kind, sel->id);
		return true;
	}
	if (view->ops->key && view->ops->key(view, key))
		return true;
	if (key == 'w') {
		view_detail(view);
		return true;
	}
	if (key == '/' && (view->ops->search || view->page.count)) {
		view_search(view);
		return true;
	}
	if (!view->page.count)
		return false;
	return page_key(tui, &view->page, key) ||
	       (view->ops->record_keys && page_record_key(tui, &view->page, key));
}

bool view_click(struct view *view, int y)
{
	if (view->ops->click)
		return view->ops->click(view, y);
	struct page *page = &view->page;
	long long k = page->cursor.top + (y - page->y);
	if (y < page->y || y >= page->y + page->height || k >= (long long)page->count ||
	    !page->lines[k].selectable)
		return false;
	bool again = page->cursor.line == k;
	page->cursor.line = k;
	return again;
}
