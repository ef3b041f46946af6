/* The loop of the terminal UI: tabs of views, a stack inside each, the
 * help, the colours, and the look for other planners' changes. */
#include "tui.h"

#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* How long getch waits before looking at the file again. */
#define POLL_MS 1000

static struct view *view_invitations_tab(struct tui *tui)
{
	return view_invitations_open(tui, NULL);
}

static struct view *view_problems_tab(struct tui *tui)
{
	return view_problems_open(tui, -1);
}

static const struct {
	const char *name, *brief;
	struct view *(*open)(struct tui *tui);
} tabs[] = {
    {"Dashboard", "Dash", view_dashboard_open},
    {"Delegations", "Deleg", view_delegations_open},
    {"Invitations", "Invit", view_invitations_tab},
    {"Programme", "Prog", view_programme_open},
    {"Hotels", "Hotel", view_hotels_open},
    {"Transport", "Trans", view_transport_open},
    {"Budget", "Budg", view_budget_open},
    {"Tasks", "Tasks", view_tasks_open},
    {"Problems", "Probl", view_problems_tab},
    {"Records", "Rec", view_kinds_open},
};
#define NTABS (int)(sizeof tabs / sizeof tabs[0])
_Static_assert(sizeof tabs / sizeof tabs[0] <= TUI_TABS, "TUI_TABS too small");

static const struct key_help global_keys[] = {
    {"Tab S-Tab 1-9 0", "next, previous or numbered view"},
    {"j k arrows", "move; PgUp PgDn g G: by pages, to the ends"},
    {"Enter", "open what is selected"},
    {"q / Esc", "back to the previous screen; q on the first leaves"},
    {"Q  Ctrl-C", "leave summit"},
    {"Ctrl-Z", "suspend summit (fg in the shell brings it back)"},
    {"R  Ctrl-L", "reload from the file (other planners' changes)"},
    {"/  w", "find in the view as you type; read the selected line whole"},
    {"u", "undo the last save or removal (if nobody changed it since)"},
    {":", "run a summit verb, e.g. :export ics --delegation SEN"},
    {"mouse", "click selects, a second click opens, the wheel scrolls"},
    {"?", "this help"},
    {NULL, NULL},
};

/* ---- colours as roles ---- */

static attr_t role_attrs[ROLE_COUNT];

static void colors_init(struct tui *tui)
{
	const char *no_color = getenv("NO_COLOR");
	tui->color = has_colors() && !(no_color && *no_color);
	static const attr_t mono[ROLE_COUNT] = {
	    [ROLE_NORMAL] = A_NORMAL,
	    [ROLE_TABS] = A_REVERSE,
	    [ROLE_TAB] = A_BOLD,
	    [ROLE_HEADER] = A_BOLD,
	    [ROLE_CURSOR] = A_REVERSE,
	    [ROLE_WARN] = A_BOLD,
	    [ROLE_GOOD] = A_NORMAL,
	    [ROLE_ERROR] = A_BOLD,
	    [ROLE_DIM] = A_DIM,
	    /* Blocks underlined, so the reversed selection stands out. */
	    [ROLE_BLOCK] = A_UNDERLINE,
	    [ROLE_STATUS] = A_REVERSE,
	};
	memcpy(role_attrs, mono, sizeof role_attrs);
	if (!tui->color)
		return;
	start_color();
	use_default_colors();
	static const struct {
		enum role role;
		short fg, bg;
		attr_t extra;
	} pairs[] = {
	    {ROLE_TABS, COLOR_WHITE, COLOR_BLUE, 0},
	    {ROLE_TAB, COLOR_BLACK, COLOR_CYAN, A_BOLD},
	    {ROLE_HEADER, COLOR_YELLOW, -1, A_BOLD},
	    {ROLE_CURSOR, COLOR_BLACK, COLOR_CYAN, 0},
	    {ROLE_WARN, COLOR_RED, -1, A_BOLD},
	    {ROLE_GOOD, COLOR_GREEN, -1, 0},
	    {ROLE_ERROR, COLOR_RED, -1, A_BOLD},
	    {ROLE_DIM, COLOR_BLUE, -1, A_BOLD},
	    {ROLE_BLOCK, COLOR_BLACK, COLOR_GREEN, 0},
	    {ROLE_STATUS, COLOR_WHITE, COLOR_BLUE, 0},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		init_pair((short)(i + 1), pairs[i].fg, pairs[i].bg);
		role_attrs[pairs[i].role] = COLOR_PAIR(i + 1) | pairs[i].extra;
	}
}

attr_t role_attr(enum role role)
{
	return role_attrs[role];
}

/* ---- drawing text by columns ---- */

int tui_put(int y, int x, int width, const char *text, enum role role, bool pad)
{
	if (width <= 0 || y < 0 || y >= LINES)
		return 0;
	if (!text)
		text = "";
	/* Control characters would move the cursor or talk to the terminal:
	 * shown escaped by the one filter; a line's breaks as spaces. */
	char buf[1024];
	char *safe = text_sanitize(text, TEXT_KEEP_LINES);
	size_t n = 0;
	for (const char *p = safe; *p && n < sizeof buf - 1; p++)
		buf[n++] = *p == '\n' || *p == '\t' ? ' ' : *p;
	buf[n] = 0;
	free(safe);
	int used;
	size_t bytes = text_fit(buf, width, &used);
	attr_t attr = role_attr(role);
	attron(attr);
	mvaddnstr(y, x, buf, (int)bytes);
	if (pad && used < width)
		mvhline(y, x + used, ' ', width - used);
	attroff(attr);
	return pad ? width : used;
}

int tui_putf(int y, int x, int width, enum role role, bool pad, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char buf[1024];
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return tui_put(y, x, width, buf, role, pad);
}

void tui_fit(char *out, size_t size, const char *text, int width, bool right)
{
	char *safe = text_sanitize(text, TEXT_KEEP_LINES);
	text = safe;
	int used;
	size_t bytes = text_fit(text, width, &used);
	if (bytes + (size_t)(width - used) + 1 > size)
		bytes = 0, used = 0;
	size_t n = 0;
	if (right)
		for (int i = used; i < width; i++)
			out[n++] = ' ';
	memcpy(out + n, text, bytes);
	n += bytes;
	if (!right)
		for (int i = used; i < width; i++)
			out[n++] = ' ';
	out[n] = 0;
	for (size_t i = 0; i < n; i++)
		if (out[i] == '\n' || out[i] == '\t')
			out[i] = ' ';
	free(safe);
}

void tui_fill(int y, int x, int width, enum role role)
{
	if (width <= 0)
		return;
	attr_t attr = role_attr(role);
	attron(attr);
	mvhline(y, x, ' ', width);
	attroff(attr);
}

bool tui_ask_day(struct tui *tui, long first, long last, long *day)
{
	char today[WHEN_DATE_LEN], typed[64], a[WHEN_DATE_LEN], b[WHEN_DATE_LEN];
	if (when_today(tui->db, today, NULL) != SUMMIT_OK)
		today[0] = 0;
	if (!tui_prompt(tui, "Go to the day (YYYY-MM-DD, Enter: today):", today, typed,
	                sizeof typed))
		return false;
	int y, m, d;
	when_format_day(first, a);
	when_format_day(last, b);
	if (!when_parse_date(typed, &y, &m, &d)) {
		tui_message(tui, ROLE_ERROR,
		            "Go to: got \"%s\", expected a date as YYYY-MM-DD.", typed);
		return false;
	}
	long n = when_day_number(y, m, d);
	if (n < first || n > last) {
		tui_message(tui, ROLE_WARN,
		            "%s is not among the days shown here, %s to %s.", typed, a,
		            b);
		return false;
	}
	*day = n;
	return true;
}

void tui_hour(struct summit_db *db, long long utc, char out[6])
{
	char when[WHEN_TIME_LEN];
	when_format_local(db, utc, when);
	snprintf(out, 6, "%s", when + 11);
}

void tui_money(long long cents, char *out, size_t size)
{
	text_money(cents, NULL, out, size);
}

/* ---- the stack of views ---- */

void tui_push(struct tui *tui, struct view *view)
{
	if (!view)
		return;
	if (tui->depth == (int)(sizeof tui->stack / sizeof tui->stack[0])) {
		tui_message(tui, ROLE_WARN, "too many screens open: press q to go back");
		view_close(view);
		return;
	}
	tui->stack[tui->depth++] = view;
	view->height = LINES - 3;
	view_load(view);
}

/* Closes every view of every tab, none read again. */
static void tui_close_all(struct tui *tui)
{
	while (tui->depth)
		view_close(tui->stack[--tui->depth]);
	for (int t = 0; t < TUI_TABS; t++)
		while (tui->kept_depth[t])
			view_close(tui->kept[t][--tui->kept_depth[t]]);
}

static void tui_pop(struct tui *tui)
{
	if (tui->depth > 0)
		view_close(tui->stack[--tui->depth]);
	struct view *top = tui->depth ? tui->stack[tui->depth - 1] : NULL;
	if (top && top->stale) {
		top->stale = false;
		view_load(top);
	}
}

static struct view *tab_open(struct tui *tui, int tab)
{
	return tabs[tab].open(tui);
}

/* Each tab keeps its screens (day, filters, cursor, sort) for the whole
 * run: leaving one puts its stack aside, coming back brings it back, read
 * again if the file changed meanwhile. The current tab's number goes back
 * to its first screen. */
static void tui_switch(struct tui *tui, int tab)
{
	if (tab == tui->tab && tui->depth) {
		while (tui->depth > 1)
			tui_pop(tui);
		return;
	}
	if (tui->depth) {
		memcpy(tui->kept[tui->tab], tui->stack, sizeof tui->stack);
		tui->kept_depth[tui->tab] = tui->depth;
	}
	tui->tab = tab;
	tui->depth = tui->kept_depth[tab];
	tui->kept_depth[tab] = 0;
	memcpy(tui->stack, tui->kept[tab], sizeof tui->stack);
	if (!tui->depth) {
		tui_push(tui, tab_open(tui, tab));
		return;
	}
	struct view *top = tui->stack[tui->depth - 1];
	if (top->stale) {
		top->stale = false;
		view_load(top);
	}
}

void tui_message(struct tui *tui, enum role role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tui->message, sizeof tui->message, fmt, ap);
	va_end(ap);
	tui->message_role = role;
}

void tui_reload(struct tui *tui)
{
	/* Only the view on top shows; those under it read the file again when
	 * they come back (a dashboard runs every check). */
	for (int i = 0; i + 1 < tui->depth; i++)
		tui->stack[i]->stale = true;
	for (int t = 0; t < TUI_TABS; t++)
		for (int i = 0; i < tui->kept_depth[t]; i++)
			tui->kept[t][i]->stale = true;
	struct view *top = tui->depth ? tui->stack[tui->depth - 1] : NULL;
	if (top)
		view_load(top);
	tui->data_version = db_data_version(tui->db);
}

/* ---- the frame: tabs, title, body, status line ---- */

static void draw_tabs(struct tui *tui)
{
	tui_fill(0, 0, COLS, ROLE_TABS);
	/* Full names when they fit, else brief ones, else only the current
	 * tab's name among the numbers (each tab: " N name"). */
	int full = 0, brief = 0;
	for (int i = 0; i < NTABS; i++) {
		full += text_width(tabs[i].name) + 3;
		brief += text_width(tabs[i].brief) + 3;
	}
	int x = 0;
	for (int i = 0; i < NTABS && x < COLS; i++) {
		const char *name = full <= COLS                     ? tabs[i].name
		                   : brief <= COLS || i == tui->tab ? tabs[i].brief
		                                                    : "";
		char label[48];
		snprintf(label, sizeof label, "%d%s%s", (i + 1) % 10, *name ? " " : "",
		         name);
		x += tui_put(0, x, COLS - x, " ", ROLE_TABS, false);
		x += tui_put(0, x, COLS - x, label, i == tui->tab ? ROLE_TAB : ROLE_TABS,
		             false);
	}
}

static void draw_status(struct tui *tui)
{
	tui_fill(LINES - 1, 0, COLS, ROLE_STATUS);
	if (tui->message[0]) {
		/* A long message takes the lines it needs over the view's last
		 * ones, so nothing of it is cut. */
		struct wrap_row rows[4];
		int n = tui_wrap(tui->message, COLS, rows, LINES / 3 < 4 ? LINES / 3 : 4);
		tui_put_wrapped(LINES - n, 0, n, COLS, tui->message,
		                tui->message_role == ROLE_NORMAL ? ROLE_STATUS
		                                                 : tui->message_role);
		return;
	}
	/* The key bar: the current view's own keys first. */
	const struct view *view = tui->depth ? tui->stack[tui->depth - 1] : NULL;
	char bar[512];
	snprintf(bar, sizeof bar, "? help  %s%sq back  / find  w read  u undo  : verb",
	         view && view->ops->bar ? view->ops->bar : "Enter open", "  ");
	tui_put(LINES - 1, 0, COLS, bar, ROLE_STATUS, true);
}

void tui_draw(struct tui *tui)
{
	erase();
	if (LINES < 6 || COLS < 20) {
		mvaddstr(0, 0, "summit: window too small");
		refresh();
		return;
	}
	draw_tabs(tui);
	if (tui->depth) {
		struct view *view = tui->stack[tui->depth - 1];
		char crumbs[512] = "";
		size_t n = 0;
		for (int i = 0; i < tui->depth && n < sizeof crumbs; i++)
			n += (size_t)snprintf(crumbs + n, sizeof crumbs - n, "%s%s",
			                      i ? " > " : "", tui->stack[i]->title);
		/* Keep the end of a long trail, where the current screen is. */
		const char *shown = crumbs;
		while (text_width(shown) > COLS - 1 && *shown)
			shown++;
		while (((unsigned char)*shown & 0xc0) == 0x80)
			shown++;
		tui_put(1, 0, COLS, shown, ROLE_HEADER, true);
		view_draw(view, 2, LINES - 3, COLS);
	}
	draw_status(tui);
	refresh();
}

void tui_redraw(struct tui *tui)
{
	tui_draw(tui);
	if (tui->underlay)
		tui->underlay(tui->underlay_data);
}

/* ---- keys ---- */

/* Ctrl-Z: the terminal is raw, so the UI stops itself as the shell's job
 * control expects, and draws itself again when it continues. */
static void suspend(void)
{
	def_prog_mode();
	endwin();
	raise(SIGTSTP);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
}

/* Reloads when another planner committed; true when it did. The notice
 * does not hide what the planner's own last action said. */
static bool notice_changes(struct tui *tui)
{
	if (db_data_version(tui->db) == tui->data_version)
		return false;
	tui_reload(tui);
	if (!tui->message[0])
		tui_message(tui, ROLE_NORMAL,
		            "The event was changed by another planner: reloaded.");
	return true;
}

static int tui_getch_raw(struct tui *tui);

void tui_key_done(struct tui *tui)
{
	if (!tui->key_log || tui->key == ERR || tui->key == KEY_RESIZE)
		return;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	fprintf(tui->key_log, "%d %lld\n", tui->key,
	        (long long)(now.tv_sec - tui->key_at.tv_sec) * 1000000 +
	            (now.tv_nsec - tui->key_at.tv_nsec) / 1000);
	fflush(tui->key_log);
	tui->key = ERR;
}

int tui_getch(struct tui *tui)
{
	/* The key before this one has been answered (the screen drawn). */
	tui_key_done(tui);
	int key = tui_getch_raw(tui);
	tui->key = key;
	clock_gettime(CLOCK_MONOTONIC, &tui->key_at);
	return key;
}

static int tui_getch_raw(struct tui *tui)
{
	for (;;) {
		int key = getch();
		if (key == 26 /* Ctrl-Z */) {
			suspend();
			return KEY_RESIZE; /* redraw */
		}
		if (key != ERR)
			return key;
		/* Another planner committed: show it without a key press. */
		if (notice_changes(tui))
			return KEY_RESIZE; /* redraw, as for a resize */
	}
}

static void show_help(struct tui *tui)
{
	struct view *view = tui->depth ? tui->stack[tui->depth - 1] : NULL;
	for (;;) {
		tui_draw(tui);
		int n = 0;
		for (const struct key_help *k = global_keys; k->keys; k++)
			n++;
		if (view && view->ops->keys)
			for (const struct key_help *k = view->ops->keys; k->keys; k++)
				n++;
		int h = n + 5 < LINES ? n + 5 : LINES, w = COLS > 76 ? 76 : COLS;
		int y = (LINES - h) / 2, x = (COLS - w) / 2, line = y + 1;
		char title[200];
		snprintf(title, sizeof title, "Keys of %s",
		         view ? view->ops->name : "summit");
		tui_box(y, x, h, w, title);
		if (view && view->ops->keys)
			for (const struct key_help *k = view->ops->keys;
			     k->keys && line < y + h - 1; k++, line++) {
				tui_put(line, x + 2, 16, k->keys, ROLE_HEADER, true);
				tui_put(line, x + 19, w - 21, k->what, ROLE_NORMAL, true);
			}
		line++;
		for (const struct key_help *k = global_keys; k->keys && line < y + h - 1;
		     k++, line++) {
			tui_put(line, x + 2, 16, k->keys, ROLE_HEADER, true);
			tui_put(line, x + 19, w - 21, k->what, ROLE_NORMAL, true);
		}
		refresh();
		int key = tui_getch(tui);
		if (key != KEY_RESIZE)
			return;
	}
}

/* Splits line into words, "..." and '...' quoting spaces; NULL-ended. */
static int split_words(char *line, char **words, int max)
{
	int n = 0;
	char *p = line;
	while (*p && n < max - 1) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		char *out = p;
		words[n++] = out;
		char quote = 0;
		for (; *p && (quote || (*p != ' ' && *p != '\t')); p++) {
			if (!quote && (*p == '"' || *p == '\''))
				quote = *p;
			else if (quote && *p == quote)
				quote = 0;
			else
				*out++ = *p;
		}
		if (*p)
			p++;
		*out = 0;
	}
	words[n] = NULL;
	return n;
}

/* : runs a verb as `summit --db FILE VERB ARGS` in the terminal, then
 * comes back to the UI, read again. */
static void run_verb(struct tui *tui)
{
	char line[1024];
	if (!tui_prompt(tui, ":summit", "", line, sizeof line) || !line[0])
		return;
	char copy[1024];
	snprintf(copy, sizeof copy, "%s", line);
	char *words[64], *argv[70];
	int n = split_words(copy, words, 64), k = 0;
	argv[k++] = "summit";
	argv[k++] = "--db";
	argv[k++] = (char *)tui->db_path;
	for (int i = 0; i < n; i++)
		argv[k++] = words[i];
	argv[k] = NULL;
	def_prog_mode();
	endwin();
	printf("$ summit %s\n", line);
	fflush(stdout);
	/* Ctrl-C stops the verb, not the UI. */
	void (*was)(int) = signal(SIGINT, SIG_IGN);
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		execv("/proc/self/exe", argv);
		_exit(127);
	}
	int status = 0;
	if (pid > 0)
		waitpid(pid, &status, 0);
	signal(SIGINT, was);
	int code = pid < 0 ? -1 : WIFEXITED(status) ? WEXITSTATUS(status) : 128;
	printf("\n[summit %s: exit %d] Press Enter to go back to the UI.",
	       words[0] ? words[0] : "", code);
	fflush(stdout);
	for (int c = getchar(); c != EOF && c != '\n' && c != '\r'; c = getchar())
		;
	reset_prog_mode();
	clearok(curscr, TRUE);
	tui_reload(tui);
	tui_message(tui, code ? ROLE_ERROR : ROLE_GOOD, "summit %s: exit %d%s", line,
	            code, code ? " (its messages were on the screen)" : "");
}

/* A click: on the tabs, a tab; on a line, its selection (a second click
 * opens it); the wheel moves as the arrows do. */
static void mouse(struct tui *tui)
{
	MEVENT ev;
	if (getmouse(&ev) != OK || !tui->depth)
		return;
	struct view *view = tui->stack[tui->depth - 1];
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		int key = ev.bstate & BUTTON4_PRESSED ? KEY_UP : KEY_DOWN;
		for (int i = 0; i < 3; i++)
			view_key(view, key);
		return;
	}
	if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
		return;
	if (ev.y == 0) {
		/* The tabs' labels as draw_tabs lays them out. */
		int full = 0, brief = 0;
		for (int i = 0; i < NTABS; i++) {
			full += text_width(tabs[i].name) + 3;
			brief += text_width(tabs[i].brief) + 3;
		}
		for (int i = 0, x = 0; i < NTABS; i++) {
			const char *name = full <= COLS ? tabs[i].name
			                   : brief <= COLS || i == tui->tab
			                       ? tabs[i].brief
			                       : "";
			int w = 2 + (*name ? 1 + text_width(name) : 0);
			if (ev.x >= x && ev.x < x + w) {
				tui_switch(tui, i);
				return;
			}
			x += w;
		}
		return;
	}
	if (view_click(view, ev.y))
		view_key(view, '\r');
}

static void handle_key(struct tui *tui, int key)
{
	struct view *view = tui->stack[tui->depth - 1];
	if (key != KEY_RESIZE && key != ERR)
		tui->message[0] = 0;
	if (key == KEY_RESIZE)
		return;
	if (key == KEY_MOUSE) {
		mouse(tui);
		return;
	}
	if (view_key(view, key))
		return;
	switch (key) {
	case 'u':
		undo_last(tui);
		break;
	case ':':
		run_verb(tui);
		break;
	case 'q':
	case 27: /* Esc */
		if (tui->depth > 1)
			tui_pop(tui);
		else if (key == 'q')
			tui->quit = true;
		break;
	case 'Q':
	case 3: /* Ctrl-C: the terminal is raw, so it arrives as a key */
		tui->quit = true;
		break;
	case '\t':
		tui_switch(tui, (tui->tab + 1) % NTABS);
		break;
	case KEY_BTAB:
		tui_switch(tui, (tui->tab + NTABS - 1) % NTABS);
		break;
	case 'R':
	case 12: /* Ctrl-L */
		tui_reload(tui);
		clearok(curscr, TRUE);
		tui_message(tui, ROLE_NORMAL, "Reloaded from the file.");
		break;
	case '?':
	case KEY_F(1):
		show_help(tui);
		break;
	default:
		/* 1 is the first view, 0 the tenth. */
		if (key >= '0' && key <= '9' && (key - '0' + 9) % 10 < NTABS)
			tui_switch(tui, (key - '0' + 9) % 10);
		else
			tui_message(tui, ROLE_NORMAL,
			            "That key does nothing here: ? lists "
			            "the keys.");
	}
}

int tui_run(struct summit_db *db, const char *path)
{
	struct tui tui = {.db = db, .db_path = path, .key = ERR};
	if (!initscr()) {
		fputs("summit: cannot start the terminal UI\n", stderr);
		return 1;
	}
	raw(); /* Ctrl-S saves a form, so no flow control */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(POLL_MS);
	curs_set(0);
	colors_init(&tui);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED,
	          NULL);
	mouseinterval(0);
	tui.data_version = db_data_version(db);
	tui.tab = -1;
	tui_switch(&tui, 0);
	/* For make bench: each key's time in the process, from its arrival
	 * to the screen drawn again, one "KEY MICROSECONDS" line per key. */
	const char *log_path = getenv("SUMMIT_KEY_LOG");
	tui.key_log = log_path && *log_path ? fopen(log_path, "a") : NULL;
	while (!tui.quit && tui.depth) {
		/* Between keys too, so a busy planner sees others' changes. */
		notice_changes(&tui);
		tui_draw(&tui);
		handle_key(&tui, tui_getch(&tui));
	}
	tui_key_done(&tui);
	if (tui.key_log)
		fclose(tui.key_log);
	tui_close_all(&tui);
	undo_clear(&tui);
	endwin();
	return 0;
}
