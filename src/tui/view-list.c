/* A list of any kind of record, a screen at a time: sorted, filtered and
 * searched in SQL, so 40,000 people draw as fast as 40. Every record the
 * command line can add, change or remove is reachable from here. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

#define MAX_FILTERS 6
#define MAX_COLUMNS 24
#define COL_EXTRA   -2

struct list {
	const struct kind *kind;
	struct record_filter filters[MAX_FILTERS];
	char *values[MAX_FILTERS];
	size_t nfilters;
	const struct browse_cond *cond;
	char *param;
	char search[1024];
	int sort;
	bool descending;
	struct cursor cursor;
	long long count;
	struct view *(*open)(struct tui *tui, long long id);
	long long selected; /* the id under the cursor when last drawn */
	int rows_y;         /* the screen row of the first record shown */
	char error[800];
};

static const struct key_help list_keys[] = {
    {"Enter", "open the record"},
    {"a", "add a record (the filters fill its form)"},
    {"e", "edit the record"},
    {"d", "remove the record (asks first)"},
    {"/", "search as you type; Esc clears"},
    {"f", "filter by a field or a condition"},
    {"c", "clear filters and search"},
    {"s  r", "sort by a column; reverse the order"},
    {"m", "move the invitation on (delegations, invitations)"},
    {"t  space", "tag the record (then d, S set a field, P one pickup, T untag)"},
    {"P", "an arrival's pickup: a trip that fits, or a new one filled in"},
    {"x", "export the list as shown (filters, search, order) as CSV"},
    {"C", "export the calendar (.ics) of the delegation, room or vehicle"},
    {"I", "import records from a CSV file (all or none)"},
    {NULL, NULL},
};

static struct browse list_browse(const struct list *l)
{
	return (struct browse){
	    .kind = l->kind,
	    .filters = l->filters,
	    .nfilters = l->nfilters,
	    .cond = l->cond,
	    .param = l->param,
	    .search = l->search,
	    .sort = l->sort,
	    .descending = l->descending,
	};
}

static void list_load(struct view *view)
{
	struct list *l = view->data;
	struct browse b = list_browse(l);
	struct summit_err err;
	err_clear(&err);
	l->error[0] = 0;
	if (browse_count(view->tui->db, &b, &l->count, &err)) {
		l->count = 0;
		snprintf(l->error, sizeof l->error, "%s", err.msg);
	}
	l->cursor.count = l->count;
	cursor_clamp(&l->cursor, view->height - 2);
}

/* ---- columns ---- */

struct column {
	int field; /* index, or COL_EXTRA */
	int width;
	bool right;
};

static int natural_width(const struct field *f)
{
	switch (f->type) {
	case FIELD_ID:
		return 5;
	case FIELD_CODE:
		return 9;
	case FIELD_INT:
		return 6;
	case FIELD_MONEY:
		return 13;
	case FIELD_DATE:
		return 10;
	case FIELD_TIME:
		return 16;
	case FIELD_ZONE:
		return 16;
	case FIELD_ENUM: {
		int w = text_width(f->name);
		for (const char *const *c = f->choices; *c; c++)
			if (text_width(*c) > w)
				w = text_width(*c);
		return w > 16 ? 16 : w;
	}
	case FIELD_REF: {
		const struct kind *ref = f->ref;
		const struct field *key = &ref->fields[ref->key];
		return key->type == FIELD_CODE  ? 9
		       : key->type == FIELD_ID  ? 6
		       : key->type == FIELD_REF ? 9
		                                : 20;
	}
	case FIELD_REFLIST:
		return 14;
	case FIELD_TEXT:
		return 20;
	}
	return 10;
}

static int plan_columns(const struct list *l, int cols, struct column *out)
{
	const struct kind *kind = l->kind;
	const char *extra = browse_extra_name(kind);
	int n = 0, used = browse_warn_label(kind) ? 2 : 0;
	int extra_width = extra ? 13 : 0;
	used += extra_width;
	int ntext = 0;
	for (size_t i = 0; i < kind->nfields && n < MAX_COLUMNS - 1; i++) {
		const struct field *f = &kind->fields[i];
		int w = natural_width(f);
		if (text_width(f->name) > w && f->type != FIELD_TEXT)
			w = text_width(f->name);
		/* Long notes only when there is room to spare. */
		bool note = f->type == FIELD_TEXT && i != kind->key && ntext >= 1;
		/* On a narrow screen the first text (a name) takes what is left. */
		if (f->type == FIELD_TEXT && !ntext && used + w + 1 > cols &&
		    cols - used - 1 >= 6)
			w = cols - used - 1;
		if (used + w + 1 > cols || (note && used + w + 1 > cols - 10))
			continue;
		out[n++] = (struct column){
		    (int)i, w, f->type == FIELD_INT || f->type == FIELD_MONEY};
		used += w + 1;
		ntext += f->type == FIELD_TEXT;
	}
	if (extra)
		out[n++] = (struct column){COL_EXTRA, extra_width - 1, false};
	/* Share what is left among the text columns, the first (a name, a
	 * title) taking half. */
	int spare = cols - used;
	bool first = true;
	for (int k = 0; k < n && spare > 0 && ntext; k++)
		if (out[k].field >= 0 && kind->fields[out[k].field].type == FIELD_TEXT) {
			int more = first && ntext > 1 ? spare / 2 : spare / ntext;
			ntext--;
			first = false;
			out[k].width += more;
			spare -= more;
		}
	return n;
}

struct draw_ctx {
	struct view *view;
	struct list *list;
	struct column *columns;
	int ncolumns, y, cols;
	long long index;
};

static int draw_row(const struct browse_row *row, void *data)
{
	struct draw_ctx *d = data;
	struct list *l = d->list;
	struct record rec = {0};
	if (record_get(d->view->tui->db, l->kind, row->id, &rec, NULL))
		return 0;
	struct strbuf line = {0};
	if (d->view->ntags)
		strbuf_add(&line, view_tagged(d->view, l->kind, row->id) ? "* " : "  ");
	if (browse_warn_label(l->kind))
		strbuf_add(&line, row->warn ? "! " : "  ");
	for (int k = 0; k < d->ncolumns; k++) {
		const struct column *c = &d->columns[k];
		const char *value =
		    c->field == COL_EXTRA ? row->extra : rec.values[c->field];
		if (c->field == COL_EXTRA && !value)
			value = "-";
		char cell[1200];
		tui_fit(cell, sizeof cell, value, c->width, c->right);
		strbuf_addf(&line, "%s%s", cell, k + 1 < d->ncolumns ? " " : "");
	}
	bool selected = d->index == l->cursor.line;
	if (selected)
		l->selected = row->id;
	tui_put(d->y++, 0, d->cols, line.buf ? line.buf : "",
	        selected    ? ROLE_CURSOR
	        : row->warn ? ROLE_WARN
	                    : ROLE_NORMAL,
	        true);
	d->index++;
	strbuf_free(&line);
	record_clear(&rec);
	return 0;
}

static void list_draw(struct view *view, int top, int height, int cols)
{
	struct list *l = view->data;
	struct column columns[MAX_COLUMNS];
	/* A column for the tags while there are some. */
	int tag_w = view->ntags ? 2 : 0;
	int n = plan_columns(l, cols - tag_w, columns);
	int rows = height - 2;
	cursor_clamp(&l->cursor, rows);
	/* Headings. */
	struct strbuf head = {0};
	if (tag_w)
		strbuf_add(&head, "  ");
	if (browse_warn_label(l->kind))
		strbuf_add(&head, "  ");
	for (int k = 0; k < n; k++) {
		const char *name = columns[k].field == COL_EXTRA
		                       ? browse_extra_name(l->kind)
		                       : l->kind->fields[columns[k].field].name;
		bool sorted = columns[k].field == l->sort;
		char label[128], cell[600];
		snprintf(label, sizeof label, "%s%s", name,
		         sorted ? (l->descending ? " v" : " ^") : "");
		tui_fit(cell, sizeof cell, label, columns[k].width, columns[k].right);
		strbuf_addf(&head, "%s%s", cell, k + 1 < n ? " " : "");
	}
	tui_put(top, 0, cols, head.buf ? head.buf : "", ROLE_HEADER, true);
	strbuf_free(&head);
	/* Only the rows on the screen are read. */
	struct draw_ctx d = {view, l, columns, n, top + 1, cols, l->cursor.top};
	l->rows_y = top + 1;
	struct browse b = list_browse(l);
	struct summit_err err;
	err_clear(&err);
	l->selected = 0;
	if (l->error[0])
		tui_put(top + 1, 0, cols, l->error, ROLE_ERROR, true);
	else if (browse_each(view->tui->db, &b, l->cursor.top, rows, draw_row, &d, &err))
		tui_put(top + 1, 0, cols, err.msg, ROLE_ERROR, true);
	else if (!l->count)
		tui_putf(top + 1, 2, cols - 2, ROLE_DIM, false, "No %s here%s.",
		         l->kind->plural,
		         l->nfilters || l->cond || l->search[0]
		             ? " (c clears the filters)"
		             : ": a adds one");
	/* What is shown, in words. */
	struct strbuf info = {0};
	strbuf_addf(&info, "%lld of %lld %s", l->count ? l->cursor.line + 1 : 0, l->count,
	            l->kind->plural);
	for (size_t i = 0; i < l->nfilters; i++)
		strbuf_addf(&info, "  %s=%s", l->kind->fields[l->filters[i].field].name,
		            l->filters[i].value && *l->filters[i].value
		                ? l->filters[i].value
		                : "(none)");
	if (l->cond)
		strbuf_addf(&info, "  %s%s%s", l->cond->label, l->param ? " " : "",
		            l->param && !l->cond->param_today ? l->param : "");
	if (l->search[0])
		strbuf_addf(&info, "  search \"%s\"", l->search);
	if (view->ntags)
		strbuf_addf(&info, "  %zu tagged", view->ntags);
	if (browse_warn_label(l->kind))
		strbuf_addf(&info, "  (! %s)", browse_warn_label(l->kind));
	tui_put(top + height - 1, 0, cols, info.buf, ROLE_DIM, true);
	strbuf_free(&info);
}

/* ---- keys ---- */

static void list_set_filter(struct list *l, int field, const char *value)
{
	for (size_t i = 0; i < l->nfilters; i++)
		if (l->filters[i].field == field) {
			free(l->values[i]);
			l->values[i] = xstrdup(value ? value : "");
			l->filters[i].value = l->values[i];
			return;
		}
	if (l->nfilters == MAX_FILTERS)
		return;
	l->values[l->nfilters] = xstrdup(value ? value : "");
	l->filters[l->nfilters] = (struct record_filter){field, l->values[l->nfilters]};
	l->nfilters++;
}

static void list_clear(struct list *l)
{
	for (size_t i = 0; i < l->nfilters; i++)
		free(l->values[i]);
	l->nfilters = 0;
	l->cond = NULL;
	free(l->param);
	l->param = NULL;
	l->search[0] = 0;
}

static void choose_filter(struct view *view)
{
	struct list *l = view->data;
	const struct kind *kind = l->kind;
	const char *names[64];
	int what[64], n = 0;
	for (size_t i = 0; i < kind->nfields && n < 40; i++) {
		const struct field *f = &kind->fields[i];
		if (f->type == FIELD_ENUM || f->type == FIELD_REF ||
		    f->type == FIELD_CODE || f->type == FIELD_DATE ||
		    f->type == FIELD_REFLIST) {
			names[n] = f->name;
			what[n++] = (int)i;
		}
	}
	for (size_t c = 0; c < browse_cond_count && n < 63; c++)
		if (browse_conds[c].kind == kind) {
			names[n] = browse_conds[c].label;
			what[n++] = -100 - (int)c;
		}
	names[n] = NULL;
	int k = tui_choose(view->tui, "Filter by", names, 0);
	if (k < 0)
		return;
	char value[256];
	if (what[k] <= -100) {
		const struct browse_cond *c = &browse_conds[-100 - what[k]];
		char today[WHEN_DATE_LEN];
		const char *param = NULL;
		if (c->choices) {
			int v = tui_choose(view->tui, c->label, c->choices, 0);
			if (v < 0)
				return;
			param = c->choices[v];
		} else if (c->param_today) {
			when_today(view->tui->db, today, NULL);
			param = today;
		}
		l->cond = c;
		free(l->param);
		l->param = param ? xstrdup(param) : NULL;
	} else {
		const struct field *f = &kind->fields[what[k]];
		if (f->type == FIELD_ENUM) {
			int v = tui_choose(view->tui, f->name, f->choices, 0);
			if (v < 0)
				return;
			snprintf(value, sizeof value, "%s", f->choices[v]);
		} else {
			char label[128];
			snprintf(label, sizeof label, "%s (empty: not set):", f->name);
			if (!tui_prompt(view->tui, label, "", value, sizeof value))
				return;
		}
		list_set_filter(l, what[k], value);
	}
	l->cursor.line = l->cursor.top = 0;
	list_load(view);
	if (l->error[0]) {
		tui_message(view->tui, ROLE_ERROR, "%s", l->error);
		/* Take the bad filter back. */
		if (what[k] > -100 && l->nfilters)
			free(l->values[--l->nfilters]);
		list_load(view);
	}
}

static void choose_sort(struct view *view)
{
	struct list *l = view->data;
	const char *names[64];
	int what[64], n = 0;
	names[n] = "natural order";
	what[n++] = BROWSE_SORT_NATURAL;
	for (size_t i = 0; i < l->kind->nfields && n < 60; i++)
		if (l->kind->fields[i].type != FIELD_REFLIST) {
			names[n] = l->kind->fields[i].name;
			what[n++] = (int)i;
		}
	if (browse_extra_name(l->kind)) {
		names[n] = browse_extra_name(l->kind);
		what[n++] = BROWSE_SORT_EXTRA;
	}
	names[n] = NULL;
	int k = tui_choose(view->tui, "Sort by", names, 0);
	if (k >= 0) {
		l->sort = what[k];
		l->cursor.line = l->cursor.top = 0;
	}
}

/* Narrows the list with each key typed. */
static void list_search(struct view *view, const char *text)
{
	struct list *l = view->data;
	snprintf(l->search, sizeof l->search, "%s", text);
	l->cursor.line = l->cursor.top = 0;
	list_load(view);
}

static const char *selected_key(struct list *l, struct summit_db *db, char *out,
                                size_t size)
{
	struct record rec = {0};
	out[0] = 0;
	if (l->selected &&
	    record_get(db, l->kind, l->selected, &rec, NULL) == SUMMIT_OK) {
		int f = kind_field_index(l->kind, "delegation");
		if (l->kind == &kind_delegations)
			f = DELEGATION_CODE;
		if (f >= 0 && rec.values[f])
			snprintf(out, size, "%s", rec.values[f]);
	}
	record_clear(&rec);
	return out;
}

static void add_record(struct view *view)
{
	struct list *l = view->data;
	char **prefill = xcalloc(l->kind->nfields, sizeof *prefill);
	for (size_t i = 0; i < l->nfilters; i++)
		prefill[l->filters[i].field] = (char *)l->filters[i].value;
	long long id = form_run(view->tui, l->kind, 0, prefill);
	free(prefill);
	if (id) {
		/* Show the new record, even when the filters would hide it. */
		struct browse b = list_browse(l);
		long long at = browse_position(view->tui->db, &b, id, NULL);
		if (at < 0) {
			list_clear(l);
			list_load(view);
			b = list_browse(l);
			at = browse_position(view->tui->db, &b, id, NULL);
		}
		if (at >= 0)
			l->cursor.line = at;
	}
}

static bool list_key(struct view *view, int key)
{
	struct list *l = view->data;
	struct tui *tui = view->tui;
	/* t or space tags the record under the cursor and moves on. */
	if ((key == 't' || key == ' ') && l->selected) {
		view_tag(view, l->kind, l->selected);
		cursor_key(&l->cursor, KEY_DOWN, view->height - 2);
		return true;
	}
	if (cursor_key(&l->cursor, key, view->height - 2))
		return true;
	char code[128];
	switch (key) {
	case '\r':
	case '\n':
	case KEY_ENTER:
		if (l->selected)
			tui_push(tui, l->open
			                  ? l->open(tui, l->selected)
			                  : view_record_open(tui, l->kind, l->selected));
		return true;
	case 'a':
		if (l->kind->import_only)
			tui_message(tui, ROLE_ERROR, "Rows of %s are written by %s.",
			            l->kind->plural, l->kind->written_by);
		else if (l->kind == &kind_event)
			tui_message(tui, ROLE_ERROR, "The event is not added by hand.");
		else
			add_record(view);
		return true;
	case 'e':
		if (l->selected)
			form_run(tui, l->kind, l->selected, NULL);
		return true;
	case 'd':
	case KEY_DC:
		if (l->selected)
			form_delete(tui, l->kind, l->selected);
		return true;
	case 'f':
		choose_filter(view);
		return true;
	case 'c':
		list_clear(l);
		list_load(view);
		return true;
	case 's':
		choose_sort(view);
		return true;
	case 'r':
		l->descending = !l->descending;
		return true;
	case 'x': {
		struct browse b = list_browse(l);
		form_export(tui, &b);
		return true;
	}
	case 'C':
		return l->selected && form_export_ics(tui, l->kind, l->selected);
	case 'I':
		if (l->kind == &kind_event)
			tui_message(tui, ROLE_ERROR,
			            "The event is not imported: use summit load.");
		else
			form_import(tui, l->kind);
		list_load(view);
		return true;
	case 'P':
		if (l->kind == &kind_arrivals && l->selected) {
			tui_pickup(tui, l->selected);
			return true;
		}
		return false;
	case 'm':
		if (l->kind == &kind_delegations || l->kind == &kind_invitations) {
			if (selected_key(l, tui->db, code, sizeof code)[0])
				form_invitation_move(tui, code);
			return true;
		}
		return false;
	}
	return false;
}

static bool list_click(struct view *view, int y)
{
	struct list *l = view->data;
	long long k = l->cursor.top + (y - l->rows_y);
	if (y < l->rows_y || y >= l->rows_y + view->height - 2 || k >= l->count)
		return false;
	bool again = k == l->cursor.line;
	l->cursor.line = k;
	return again;
}

static void list_detail(struct view *view, struct strbuf *out)
{
	struct list *l = view->data;
	if (l->selected)
		record_text(view->tui->db, l->kind, l->selected, out);
}

static void list_close(struct view *view)
{
	list_clear(view->data);
}

static void list_init(struct view *view, const void *arg)
{
	struct list *l = view->data;
	const struct list_options *o = arg;
	const struct kind *kind = o->kind;
	l->kind = kind;
	l->sort = BROWSE_SORT_NATURAL;
	l->open = o->open;
	if (o->filter_field && kind_field_index(kind, o->filter_field) >= 0)
		list_set_filter(l, kind_field_index(kind, o->filter_field),
		                o->filter_value);
	if (o->filter2_field && kind_field_index(kind, o->filter2_field) >= 0)
		list_set_filter(l, kind_field_index(kind, o->filter2_field),
		                o->filter2_value);
	if (o->cond) {
		l->cond = browse_cond_find(o->cond);
		if (l->cond && l->cond->param_today) {
			char today[WHEN_DATE_LEN];
			when_today(view->tui->db, today, NULL);
			l->param = xstrdup(today);
		} else if (o->param) {
			l->param = xstrdup(o->param);
		}
	}
	snprintf(view->title, sizeof view->title, "%s",
	         o->title ? o->title : kind->plural);
	char *t = view->title;
	t[0] = (char)(t[0] >= 'a' && t[0] <= 'z' ? t[0] - 32 : t[0]);
}

static const struct view_ops list_ops = {
    .name = "a list",
    .private_size = sizeof(struct list),
    .keys = list_keys,
    .init = list_init,
    .load = list_load,
    .draw = list_draw,
    .key = list_key,
    .search = list_search,
    .detail = list_detail,
    .click = list_click,
    .bar = "Enter open  a add  e edit  d remove  t tag  f filter  s sort  x csv",
    .close = list_close,
};

struct view *view_list_open(struct tui *tui, const struct kind *kind,
                            const struct list_options *o)
{
	struct list_options with = {0};
	if (o)
		with = *o;
	with.kind = kind;
	return view_open(tui, &list_ops, &with);
}
