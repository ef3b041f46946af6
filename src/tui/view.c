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

void view_draw_page(struct view *view, int top, int height, int cols)
{
	page_draw(&view->page, top, 0, height, cols);
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
static long long find_line(const struct page *page, long long from, const char *folded)
{
	long long n = (long long)page->count;
	for (long long i = 0; i < n; i++) {
		long long k = (from + i) % n;
		if (!page->lines[k].selectable)
			continue;
		char *text = text_fold(page->lines[k].text);
		bool hit = text && strstr(text, folded);
		free(text);
		if (hit)
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
