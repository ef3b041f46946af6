/* Moving in lists, and pages of lines that lead somewhere: the summaries
 * and detail screens are built from these. */
#include "tui.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void cursor_clamp(struct cursor *c, int height)
{
	if (height < 1)
		height = 1;
	if (c->line >= c->count)
		c->line = c->count - 1;
	if (c->line < 0)
		c->line = 0;
	if (c->top > c->line)
		c->top = c->line;
	if (c->line >= c->top + height)
		c->top = c->line - height + 1;
	if (c->top > c->count - height)
		c->top = c->count - height;
	if (c->top < 0)
		c->top = 0;
}

bool cursor_key(struct cursor *c, int key, int height)
{
	switch (key) {
	case KEY_DOWN:
	case 'j':
	case 14: /* Ctrl-N */
		c->line++;
		break;
	case KEY_UP:
	case 'k':
	case 16: /* Ctrl-P */
		c->line--;
		break;
	case KEY_NPAGE:
	case ' ':
	case 6: /* Ctrl-F */
		c->line += height;
		c->top += height;
		break;
	case KEY_PPAGE:
	case 2: /* Ctrl-B */
		c->line -= height;
		c->top -= height;
		break;
	case KEY_HOME:
	case 'g':
		c->line = 0;
		break;
	case KEY_END:
	case 'G':
		c->line = c->count - 1;
		break;
	default:
		return false;
	}
	cursor_clamp(c, height);
	return true;
}

/* ---- pages ---- */

struct page_line *page_add(struct page *page, enum role role, const char *fmt, ...)
{
	if (page->count == page->cap) {
		page->cap = page->cap ? page->cap * 2 : 64;
		page->lines = xrealloc(page->lines, page->cap * sizeof *page->lines);
	}
	struct page_line *line = &page->lines[page->count++];
	memset(line, 0, sizeof *line);
	va_list ap;
	va_start(ap, fmt);
	struct strbuf sb = {0};
	char buf[2048];
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	strbuf_add(&sb, buf);
	line->text = strbuf_take(&sb);
	line->role = role;
	line->target.field = line->target.field2 = -1;
	page->cursor.count = (long long)page->count;
	return line;
}

void page_clear(struct page *page)
{
	for (size_t i = 0; i < page->count; i++) {
		free(page->lines[i].text);
		free(page->lines[i].fold);
	}
	page->count = 0;
	page->cursor.count = 0;
}

/* Puts the selection on a selectable line, looking first in direction. */
static void settle(struct page *page, int direction)
{
	long long n = (long long)page->count;
	if (!n)
		return;
	for (int pass = 0; pass < 2; pass++, direction = -direction)
		for (long long i = page->cursor.line; i >= 0 && i < n; i += direction)
			if (page->lines[i].selectable) {
				page->cursor.line = i;
				return;
			}
}

void page_draw(struct page *page, int top, int x, int height, int cols)
{
	page->height = height;
	page->y = top;
	cursor_clamp(&page->cursor, height);
	settle(page, 1);
	cursor_clamp(&page->cursor, height);
	for (int i = 0; i < height; i++) {
		long long k = page->cursor.top + i;
		if (k >= (long long)page->count)
			break;
		struct page_line *line = &page->lines[k];
		bool selected = line->selectable && k == page->cursor.line;
		tui_put(top + i, x, cols, line->text, selected ? ROLE_CURSOR : line->role,
		        selected);
	}
	if (page->cursor.top + height < (long long)page->count)
		tui_put(top + height - 1, x + cols - 8, 8, "  more v", ROLE_DIM, true);
}

const struct target *page_selected(struct page *page)
{
	if (page->cursor.line < 0 || page->cursor.line >= (long long)page->count)
		return NULL;
	struct page_line *line = &page->lines[page->cursor.line];
	return line->selectable ? &line->target : NULL;
}

void page_keep(struct page *page, const char *previous)
{
	if (!previous)
		return;
	for (size_t i = 0; i < page->count; i++)
		if (page->lines[i].selectable &&
		    strcmp(page->lines[i].text, previous) == 0) {
			page->cursor.line = (long long)i;
			return;
		}
}

bool page_key(struct tui *tui, struct page *page, int key)
{
	int height = page->height > 0 ? page->height : LINES - 3;
	long long before = page->cursor.line;
	int direction = key == KEY_UP || key == 'k' || key == KEY_PPAGE ||
	                        key == KEY_HOME || key == 'g' || key == 16 || key == 2
	                    ? -1
	                    : 1;
	if (cursor_key(&page->cursor, key, height)) {
		/* Step over lines that lead nowhere. */
		long long n = (long long)page->count;
		long long i = page->cursor.line;
		if (key == KEY_DOWN || key == 'j' || key == KEY_UP || key == 'k' ||
		    key == 14 || key == 16) {
			i = before + direction;
			while (i >= 0 && i < n && !page->lines[i].selectable)
				i += direction;
			if (i < 0 || i >= n) {
				/* Nothing more to select: scroll to show the rest. */
				page->cursor.line = before;
				page->cursor.top += direction;
				if (page->cursor.top > n - height)
					page->cursor.top = n - height;
				if (page->cursor.top < 0)
					page->cursor.top = 0;
				if (before < page->cursor.top ||
				    before >= page->cursor.top + height)
					page->cursor.top -= direction;
				return true;
			}
			page->cursor.line = i;
		}
		settle(page, direction);
		cursor_clamp(&page->cursor, height);
		return true;
	}
	if (key == '\r' || key == '\n' || key == KEY_ENTER) {
		const struct target *t = page_selected(page);
		if (t && t->type != TARGET_NONE)
			target_open(tui, t);
		return true;
	}
	return false;
}

/* ---- targets ---- */

struct target target_record(const struct kind *kind, long long id)
{
	return (struct target){
	    .type = TARGET_RECORD, .kind = kind, .id = id, .field = -1, .field2 = -1};
}

struct target target_list(const struct kind *kind, const char *cond, const char *param,
                          int field, const char *value)
{
	struct target t = {
	    .type = TARGET_LIST, .kind = kind, .cond = cond, .field = -1, .field2 = -1};
	snprintf(t.param, sizeof t.param, "%s", param ? param : "");
	if (field >= 0) {
		t.field = field;
		snprintf(t.value, sizeof t.value, "%s", value ? value : "");
	}
	return t;
}

void target_open(struct tui *tui, const struct target *t)
{
	switch (t->type) {
	case TARGET_NONE:
		break;
	case TARGET_RECORD:
		if (t->kind == &kind_delegations)
			tui_push(tui, view_delegation_open(tui, t->id));
		else
			tui_push(tui, view_record_open(tui, t->kind, t->id));
		break;
	case TARGET_LIST: {
		struct list_options o = {
		    .cond = t->cond,
		    .param = t->param[0] ? t->param : NULL,
		    .filter_field = t->field >= 0 ? t->kind->fields[t->field].name : NULL,
		    .filter_value = t->field >= 0 ? t->value : NULL,
		    .filter2_field =
		        t->field2 >= 0 ? t->kind->fields[t->field2].name : NULL,
		    .filter2_value = t->field2 >= 0 ? t->value2 : NULL,
		};
		if (t->kind == &kind_delegations)
			o.open = view_delegation_open;
		tui_push(tui, view_list_open(tui, t->kind, &o));
		break;
	}
	case TARGET_VIEW:
		tui_push(tui, t->open(tui, t->id));
		break;
	}
}

bool page_record_key(struct tui *tui, struct page *page, int key)
{
	const struct target *t = page_selected(page);
	if ((key != 'e' && key != 'd' && key != 'C') || !t || t->type != TARGET_RECORD)
		return false;
	if (key == 'C')
		return form_export_ics(tui, t->kind, t->id);
	if (key == 'e')
		form_run(tui, t->kind, t->id, NULL);
	else
		form_delete(tui, t->kind, t->id);
	return true;
}

void record_text(struct summit_db *db, const struct kind *kind, long long id,
                 struct strbuf *out)
{
	struct record rec = {0};
	if (record_get(db, kind, id, &rec, NULL) != SUMMIT_OK)
		return;
	for (size_t i = 0; i < kind->nfields; i++)
		if (rec.values[i] && *rec.values[i])
			strbuf_addf(out, "%s: %s\n", kind->fields[i].name, rec.values[i]);
	record_clear(&rec);
}
