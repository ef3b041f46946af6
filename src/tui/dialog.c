/* Small dialogs over the screen: a line of text, a choice, a yes or no;
 * and the line editor the forms use. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

void tui_box(int y, int x, int h, int w, const char *title)
{
	for (int i = 0; i < h; i++)
		tui_fill(y + i, x, w, ROLE_NORMAL);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	if (title) {
		int used = tui_putf(y, x + 2, w - 4, ROLE_HEADER, false, " %s ", title);
		(void)used;
	}
}

/* ---- wrapping ---- */

int tui_wrap(const char *text, int cols, struct wrap_row *rows, int max)
{
	int n = 0;
	const char *p = text ? text : "";
	if (cols < 1)
		cols = 1;
	while (*p && n < max) {
		size_t line = strcspn(p, "\n");
		int used;
		size_t fit = text_fit(p, cols, &used);
		if (fit > line)
			fit = line;
		if (fit < line) {
			/* Break at the last space that fits, else mid-word. */
			size_t cut = fit;
			while (cut && p[cut] != ' ')
				cut--;
			if (cut)
				fit = cut;
			else if (!fit)
				fit = 1;
		}
		rows[n++] = (struct wrap_row){(size_t)(p - text), fit};
		p += fit;
		if (*p == '\n')
			p++;
		else
			while (*p == ' ')
				p++;
	}
	return n;
}

int tui_put_wrapped(int y, int x, int lines, int cols, const char *text, enum role role)
{
	struct wrap_row rows[64];
	int n = tui_wrap(text, cols, rows, lines < 64 ? lines : 64);
	for (int i = 0; i < n; i++) {
		char part[1024];
		snprintf(part, sizeof part, "%.*s", (int)rows[i].len,
		         text + rows[i].start);
		tui_put(y + i, x, cols, part, role, true);
	}
	return n;
}

void tui_popup(struct tui *tui, const char *title, const char *text)
{
	struct wrap_row *rows = xcalloc(4096, sizeof *rows);
	struct cursor c = {0};
	for (;;) {
		tui_redraw(tui);
		int w = COLS > 84 ? 80 : COLS - 2;
		if (w < 10 || LINES < 5)
			break;
		int n = tui_wrap(text, w - 4, rows, 4096);
		int h = n + 4 < LINES - 1 ? n + 4 : LINES - 1;
		int body = h - 4;
		c.count = n;
		cursor_clamp(&c, body);
		int y = (LINES - h) / 2, x = (COLS - w) / 2;
		tui_box(y, x, h, w, title);
		for (int i = 0; i < body && c.top + i < n; i++) {
			const struct wrap_row *r = &rows[c.top + i];
			char part[1024];
			snprintf(part, sizeof part, "%.*s", (int)r->len, text + r->start);
			tui_put(y + 1 + i, x + 2, w - 4, part, ROLE_NORMAL, true);
		}
		tui_put(y + h - 2, x + 2, w - 4,
		        c.top + body < n ? "j k: scroll    any other key: back"
		                         : "any key: back",
		        ROLE_HEADER, true);
		refresh();
		int key = tui_getch(tui);
		if (key == KEY_RESIZE)
			continue;
		/* Scroll by the page, not the selected line. */
		if (key == 'j' || key == KEY_DOWN || key == ' ' || key == KEY_NPAGE) {
			long long step = key == 'j' || key == KEY_DOWN ? 1 : body;
			c.top += step;
			if (c.top > n - body)
				c.top = n - body > 0 ? n - body : 0;
			c.line = c.top;
			continue;
		}
		if (key == 'k' || key == KEY_UP || key == KEY_PPAGE) {
			long long step = key == 'k' || key == KEY_UP ? 1 : body;
			c.top = c.top > step ? c.top - step : 0;
			c.line = c.top;
			continue;
		}
		break;
	}
	free(rows);
}

/* ---- the line editor ---- */

void edit_set(struct edit *e, const char *text)
{
	snprintf(e->text, sizeof e->text, "%s", text ? text : "");
	e->pos = strlen(e->text);
}

static bool continuation(char c)
{
	return ((unsigned char)c & 0xc0) == 0x80;
}

bool edit_key(struct edit *e, int key)
{
	size_t len = strlen(e->text);
	switch (key) {
	case KEY_BACKSPACE:
	case 127:
	case 8:
		if (e->pos) {
			size_t start = e->pos - 1;
			while (start && continuation(e->text[start]))
				start--;
			memmove(e->text + start, e->text + e->pos, len - e->pos + 1);
			e->pos = start;
		}
		return true;
	case KEY_DC:
		if (e->pos < len) {
			size_t end = e->pos + 1;
			while (end < len && continuation(e->text[end]))
				end++;
			memmove(e->text + e->pos, e->text + end, len - end + 1);
		}
		return true;
	case KEY_LEFT:
		while (e->pos && continuation(e->text[--e->pos]))
			;
		return true;
	case KEY_RIGHT:
		if (e->pos < len)
			for (e->pos++; e->pos < len && continuation(e->text[e->pos]);
			     e->pos++)
				;
		return true;
	case KEY_HOME:
	case 1: /* Ctrl-A */
		e->pos = 0;
		return true;
	case KEY_END:
	case 5: /* Ctrl-E */
		e->pos = len;
		return true;
	case 21: /* Ctrl-U */
		memmove(e->text, e->text + e->pos, len - e->pos + 1);
		e->pos = 0;
		return true;
	case 11: /* Ctrl-K */
		e->text[e->pos] = 0;
		return true;
	}
	/* A byte of typed text (UTF-8 arrives a byte at a time). */
	if ((key >= 0x20 && key < 0x7f) || (key >= 0x80 && key <= 0xff)) {
		if (len + 1 < sizeof e->text) {
			memmove(e->text + e->pos + 1, e->text + e->pos, len - e->pos + 1);
			e->text[e->pos++] = (char)key;
		}
		return true;
	}
	return false;
}

void edit_draw(const struct edit *e, int y, int x, int width, enum role role, bool focus)
{
	if (width <= 1)
		return;
	char before[1024];
	snprintf(before, sizeof before, "%.*s", (int)e->pos, e->text);
	/* Scroll so the cursor stays inside the field. */
	const char *start = e->text;
	while (text_width(before + (start - e->text)) > width - 1) {
		start++;
		while (continuation(*start))
			start++;
	}
	tui_put(y, x, width, start, role, true);
	if (focus) {
		int cx = x + text_width(before + (start - e->text));
		move(y, cx);
	}
}

/* ---- dialogs ---- */

bool tui_prompt(struct tui *tui, const char *label, const char *initial, char *out,
                size_t size)
{
	struct edit e;
	edit_set(&e, initial);
	curs_set(1);
	bool done = false, ok = false;
	while (!done) {
		tui_redraw(tui);
		int lw = tui_put(LINES - 1, 0, COLS, label, ROLE_HEADER, false);
		lw += tui_put(LINES - 1, lw, COLS - lw, " ", ROLE_NORMAL, false);
		edit_draw(&e, LINES - 1, lw, COLS - lw, ROLE_NORMAL, true);
		refresh();
		int key = tui_getch(tui);
		if (key == '\r' || key == '\n' || key == KEY_ENTER)
			done = ok = true;
		else if (key == 27 || key == 7 /* Ctrl-G */ || key == 3 /* Ctrl-C */)
			done = true;
		else
			edit_key(&e, key);
	}
	curs_set(0);
	if (ok)
		snprintf(out, size, "%s", e.text);
	return ok;
}

int tui_choose(struct tui *tui, const char *title, const char *const *choices,
               int selected)
{
	int n = 0, w = text_width(title) + 6;
	for (; choices[n]; n++)
		if (text_width(choices[n]) + 6 > w)
			w = text_width(choices[n]) + 6;
	struct cursor c = {.count = n,
	                   .line = selected >= 0 && selected < n ? selected : 0};
	for (;;) {
		tui_redraw(tui);
		int h = n + 2 < LINES - 2 ? n + 2 : LINES - 2;
		int bw = w < COLS ? w : COLS;
		int y = (LINES - h) / 2, x = (COLS - bw) / 2;
		cursor_clamp(&c, h - 2);
		tui_box(y, x, h, bw, title);
		for (int i = 0; i < h - 2 && c.top + i < n; i++) {
			long long k = c.top + i;
			tui_putf(y + 1 + i, x + 1, bw - 2,
			         k == c.line ? ROLE_CURSOR : ROLE_NORMAL, true, " %s",
			         choices[k]);
		}
		refresh();
		int key = tui_getch(tui);
		if (key == '\r' || key == '\n' || key == KEY_ENTER)
			return (int)c.line;
		if (key == 27 || key == 'q' || key == 7 || key == 3)
			return -1;
		if (cursor_key(&c, key, h - 2))
			continue;
		/* A letter jumps to the next choice beginning with it. */
		for (int i = 1; i <= n && key > ' ' && key < 0x7f; i++) {
			int k = (int)(c.line + i) % n;
			if (choices[k][0] == key) {
				c.line = k;
				break;
			}
		}
	}
}

/* The question over what it is about (a form stays underneath), the
 * detail wrapped; only y or n (or Esc) answer it, so keys typed on are
 * not taken for an answer or into a field. */
bool tui_confirm(struct tui *tui, const char *question, const char *detail)
{
	bool nudge = false;
	for (;;) {
		tui_redraw(tui);
		int w = COLS > 70 ? 70 : COLS;
		struct wrap_row rows[8];
		int n = tui_wrap(detail, w - 4, rows, LINES - 6 < 8 ? LINES - 6 : 8);
		if (n < 0)
			n = 0;
		int h = n + 4;
		int y = (LINES - h) / 2, x = (COLS - w) / 2;
		tui_box(y, x, h, w, question);
		for (int i = 0; i < n; i++) {
			char part[1024];
			snprintf(part, sizeof part, "%.*s", (int)rows[i].len,
			         detail + rows[i].start);
			tui_put(y + 1 + i, x + 2, w - 4, part, ROLE_NORMAL, true);
		}
		tui_put(y + h - 2, x + 2, w - 4,
		        nudge ? "Please answer y (yes) or n (no); Esc: no"
		              : "y: yes    n or Esc: no",
		        nudge ? ROLE_WARN : ROLE_HEADER, true);
		refresh();
		int key = tui_getch(tui);
		if (key == 'y' || key == 'Y')
			return true;
		if (key == 'n' || key == 'N' || key == 27 || key == 7 || key == 3)
			return false;
		nudge = key != KEY_RESIZE;
	}
}
