/* Pickers for a referenced record: narrowed with each key typed, without
 * regard to case or accents, each choice with the facts it depends on.
 * A kind's records are searched in SQL a screenful at a time; a short
 * list worked out once (the rooms and whether they are free then, the
 * trips a flight can take) is filtered in memory. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

void picker_add(struct picker *p, const char *key, const char *label)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 32;
		p->options = xrealloc(p->options, p->cap * sizeof *p->options);
	}
	struct pick_option *o = &p->options[p->n++];
	o->key = xstrdup(key);
	o->label = xstrdup(label);
	o->fold = text_fold(label);
	if (!o->fold)
		o->fold = xstrdup(label);
}

void picker_free(struct picker *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->options[i].key);
		free(p->options[i].label);
		free(p->options[i].fold);
	}
	free(p->options);
	p->options = NULL;
	p->n = p->cap = 0;
}

/* The key, a name, and the short facts of a record: its references (a
 * person's delegation) and numbers (a room's capacity). */
void picker_label(struct summit_db *db, const struct kind *kind, long long id, char *key,
                  size_t key_size, struct strbuf *label)
{
	struct record rec = {0};
	key[0] = 0;
	if (record_get(db, kind, id, &rec, NULL) != SUMMIT_OK)
		return;
	if (kind->fields[kind->key].type == FIELD_ID)
		snprintf(key, key_size, "%lld", id);
	else
		snprintf(key, key_size, "%s",
		         rec.values[kind->key] ? rec.values[kind->key] : "");
	char cell[64];
	tui_fit(cell, sizeof cell, key, 12, false);
	strbuf_add(label, cell);
	bool named = false;
	for (size_t i = 0; i < kind->nfields; i++) {
		const struct field *f = &kind->fields[i];
		const char *v = rec.values[i];
		if (i == kind->key || !v || !*v)
			continue;
		if (f->type == FIELD_TEXT && !named) {
			strbuf_addf(label, " %s", v);
			named = true;
		} else if (f->type == FIELD_REF || f->type == FIELD_INT) {
			strbuf_addf(label, "  %s %s", f->name, v);
		}
	}
	record_clear(&rec);
}

struct sql_ctx {
	struct picker *p;
	struct summit_db *db;
};

static int sql_row(const struct browse_row *row, void *data)
{
	struct sql_ctx *c = data;
	char key[256];
	struct strbuf label = {0};
	picker_label(c->db, c->p->kind, row->id, key, sizeof key, &label);
	if (key[0])
		picker_add(c->p, key, label.buf ? label.buf : key);
	strbuf_free(&label);
	return 0;
}

/* The options matching typed: from SQL (a screenful), or the fixed list
 * filtered into shown[]. */
static size_t narrow(struct tui *tui, struct picker *p, const char *typed,
                     struct picker *found, size_t *shown, size_t rows)
{
	if (p->kind) {
		picker_free(found);
		found->kind = p->kind;
		struct browse b = {
		    .kind = p->kind, .search = typed, .sort = BROWSE_SORT_NATURAL};
		struct sql_ctx c = {found, tui->db};
		browse_each(tui->db, &b, 0, (long long)rows, sql_row, &c, NULL);
		for (size_t i = 0; i < found->n; i++)
			shown[i] = i;
		return found->n;
	}
	char *folded = text_fold(typed);
	size_t n = 0;
	for (size_t i = 0; i < p->n && n < rows; i++)
		if (!folded || strstr(p->options[i].fold, folded))
			shown[n++] = i;
	free(folded);
	return n;
}

bool picker_run(struct tui *tui, struct picker *p, const char *title, char *out,
                size_t size)
{
	struct edit e;
	edit_set(&e, "");
	struct picker found = {0};
	/* A screenful: never the whole table per key. */
	size_t rows = (size_t)(LINES > 8 ? LINES : 8),
	       *shown = xcalloc(rows, sizeof *shown);
	struct cursor c = {0};
	bool ok = false;
	curs_set(1);
	for (;;) {
		size_t n = narrow(tui, p, e.text, &found, shown, rows);
		struct picker *from = p->kind ? &found : p;
		c.count = (long long)n;
		tui_redraw(tui);
		int w = COLS > 84 ? 80 : COLS - 2, h = LINES - 4;
		if (w < 20 || h < 5)
			break;
		int y = 2, x = (COLS - w) / 2, body = h - 4;
		cursor_clamp(&c, body);
		tui_box(y, x, h, w, title);
		tui_put(y + 1, x + 2, 8, "Narrow:", ROLE_HEADER, true);
		if (!n)
			tui_put(y + 3, x + 2, w - 4,
			        p->empty ? p->empty
			                 : "Nothing matches: Backspace widens.",
			        ROLE_DIM, true);
		for (int i = 0; i < body && c.top + i < (long long)n; i++) {
			long long k = c.top + i;
			tui_put(y + 2 + i, x + 1, w - 2, from->options[shown[k]].label,
			        k == c.line ? ROLE_CURSOR : ROLE_NORMAL, true);
		}
		tui_put(y + h - 2, x + 2, w - 4,
		        "type to narrow   Up/Down choose   Enter take   Esc back",
		        ROLE_DIM, true);
		edit_draw(&e, y + 1, x + 10, w - 12, ROLE_NORMAL, true);
		refresh();
		int key = tui_getch(tui);
		if (key == '\r' || key == '\n' || key == KEY_ENTER) {
			if (n) {
				snprintf(out, size, "%s",
				         from->options[shown[c.line]].key);
				ok = true;
			}
			break;
		}
		if (key == 27 || key == 7 || key == 3)
			break;
		if (key == KEY_DOWN || key == KEY_UP || key == KEY_NPAGE ||
		    key == KEY_PPAGE || key == 14 || key == 16) {
			cursor_key(&c, key, body);
			continue;
		}
		if (edit_key(&e, key))
			c.line = c.top = 0;
	}
	curs_set(0);
	picker_free(&found);
	free(shown);
	return ok;
}
