/* The terminal UI: a stack of views over one event file. Each screen is
 * one implementation of struct view_ops (one file per view); tui.c runs
 * the loop, the tabs, the colours and the help; form.c edits any kind of
 * record. No view keeps more rows than it shows. */
#ifndef SUMMIT_TUI_H
#define SUMMIT_TUI_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdbool.h>
#include <time.h>

#include "summit/summit.h"
#include "tui_run.h"

/* Colours are roles; tui.c maps them to colour pairs, or to attributes
 * alone when the terminal has no colours or NO_COLOR is set. */
enum role {
	ROLE_NORMAL,
	ROLE_TABS,   /* the bar of views */
	ROLE_TAB,    /* the current view in it */
	ROLE_HEADER, /* column headings, section titles */
	ROLE_CURSOR, /* the selected line */
	ROLE_WARN,   /* needs attention: overlap, over capacity, unassigned */
	ROLE_GOOD,   /* done, covered */
	ROLE_ERROR,  /* a refused value */
	ROLE_DIM,    /* help text, empty slots */
	ROLE_BLOCK,  /* a session or a filled bar */
	ROLE_STATUS, /* the bottom line */
	ROLE_COUNT
};

struct view;
struct tui;

struct key_help {
	const char *keys, *what;
};

/* ---- moving in a list (page.c) ---- */

struct cursor {
	long long count, top, line;
};
/* Moves for the usual keys (arrows, j/k, pages, g/G, Home/End); true when
 * the key was one of them. */
bool cursor_key(struct cursor *c, int key, int height);
void cursor_clamp(struct cursor *c, int height);

/* ---- pages of lines: detail views, summaries ---- */

enum target_type { TARGET_NONE, TARGET_RECORD, TARGET_LIST, TARGET_VIEW };
struct target {
	enum target_type type;
	const struct kind *kind;
	long long id;                 /* TARGET_RECORD */
	const char *cond;             /* TARGET_LIST: a browse condition's name */
	char param[64];               /* its parameter */
	int field, field2;            /* TARGET_LIST: filters, or -1 */
	char value[128], value2[128]; /* their values */
	struct view *(*open)(struct tui *tui, long long id); /* TARGET_VIEW */
};

struct page_line {
	char *text;
	char *fold; /* text without case or accents, made by the first search */
	enum role role;
	bool selectable;
	long long index; /* the view's own number for what the line shows */
	struct target target;
};

struct page {
	struct page_line *lines;
	size_t count, cap;
	struct cursor cursor;
	int height; /* rows it had when last drawn */
	int y;      /* and the screen row it started on */
};
/* A view is its load, its lines and its keys: the framework (view.c) owns
 * the view, its private state, its page of lines with the scrolling and
 * the selection, and the search. Only load is required. */
struct view_ops {
	const char *name;
	/* Bytes of the view's own state, view->data: zeroed at opening, freed
	 * at closing by the framework. */
	size_t private_size;
	const struct key_help *keys; /* NULL-terminated */
	/* Sets the state up from what the opener passed (may be NULL). */
	void (*init)(struct view *view, const void *arg);
	/* Reads what the view needs from the database: on opening, and
	 * whenever the file changed. A page view adds its lines to
	 * view->page (emptied before; the selection stays on the same text). */
	void (*load)(struct view *view);
	/* Draws the body, lines top..top+height-1, cols wide; NULL draws the
	 * page. A view with lines of its own around the page draws them and
	 * calls view_draw_page for the rest. */
	void (*draw)(struct view *view, int top, int height, int cols);
	/* The view's own keys, asked first; true when the key was its. The
	 * framework then moves in the page, opens with Enter and searches
	 * with /. */
	bool (*key)(struct view *view, int key);
	/* Narrows the view to what matches text (a list does it in SQL);
	 * NULL: / moves the selection to the next page line holding text. */
	void (*search)(struct view *view, const char *text);
	/* The whole text of what is selected, for w (NULL: the selected
	 * line and the record it leads to, every field whole). */
	void (*detail)(struct view *view, struct strbuf *out);
	/* Frees what the state holds besides itself and the page. */
	void (*close)(struct view *view);
	/* A click on screen row y: selects what is there; true when it was
	 * selected already (the click then opens it). NULL: the page's. */
	bool (*click)(struct view *view, int y);
	/* e edits and d removes the record on the selected line, C exports
	 * its calendar, when the view's own keys did not take them. */
	bool record_keys;
	/* The view's keys in the key bar, shortest first ("a add  e edit"). */
	const char *bar;
};

struct view {
	const struct view_ops *ops;
	struct tui *tui;
	void *data; /* ops->private_size bytes */
	struct page page;
	char title[160];
	int height; /* of the body when last drawn */
	bool stale; /* the file changed while it was under another view */
	/* Tagged records (space, or t in a list), sorted ids of tag_kind. */
	const struct kind *tag_kind;
	long long *tags;
	size_t ntags, tags_cap;
};

/* The last change, for u: undone only while the record is still at the
 * revision the change left it at (nobody changed it since). */
enum undo_op { UNDO_NONE, UNDO_INSERT, UNDO_UPDATE, UNDO_DELETE };
struct undo {
	enum undo_op op;
	const struct kind *kind;
	long long id, revision;
	char **values; /* UPDATE: the fields to put back; DELETE: the record */
};

/* Room for the tabs of views (tui.c's tabs[]). */
#define TUI_TABS 16

struct tui {
	struct summit_db *db;
	struct view *stack[32]; /* the current tab's screens */
	int depth;
	struct view *kept[TUI_TABS][32]; /* the other tabs' screens */
	int kept_depth[TUI_TABS];
	int tab;
	bool quit;
	bool color;
	char message[1024];
	enum role message_role;
	/* Drawn over the views by tui_redraw (a form under its dialogs). */
	void (*underlay)(void *data);
	void *underlay_data;
	char export_dir[512]; /* where the last export went: the next goes there */
	char last_hotel[256]; /* the hotel rooms were last given in */
	struct undo undo;
	const char *db_path; /* for : (a verb run as summit would) */
	/* $SUMMIT_KEY_LOG: each key's time from its arrival to the next
	 * wait for a key (the screen answered), for make bench. */
	FILE *key_log;
	int key;
	struct timespec key_at;
	long long data_version;
};

/* ---- the loop and the stack of views (tui.c) ---- */

/* Puts view on top of the stack and loads it (the UI owns it from then
 * on). */
void tui_push(struct tui *tui, struct view *view);
void tui_message(struct tui *tui, enum role role, const char *fmt, ...)
    SUMMIT_PRINTF(3, 4);

/* Changes outside a form are watched as a form's are (watch.c), through
 * change_run with tui_keep_warning: "warning: MESSAGE" into a strbuf. */
int tui_keep_warning(const struct check_problem *p, void *ctx);
/* Says a change is done ("DONE."), or done with its new problems in the
 * warning colour; frees *warnings. */
void tui_done(struct tui *tui, struct strbuf *warnings, const char *fmt, ...)
    SUMMIT_PRINTF(3, 4);
/* Reloads the view on top and marks those under it to reload when they
 * come back (after a change). */
void tui_reload(struct tui *tui);
/* Redraws the whole screen (views, bars) without reading keys. */
void tui_draw(struct tui *tui);
/* tui_draw, then what a dialog opened over (a form), so a question shows
 * what it is about. */
void tui_redraw(struct tui *tui);
/* getch with the periodic look for other planners' changes. */
int tui_getch(struct tui *tui);
/* Logs the time the last key took (see key_log). */
void tui_key_done(struct tui *tui);

/* ---- the view framework (view.c) ---- */

/* A new view of ops, its state set up by ops->init(view, arg), titled
 * ops->name unless init titles it; tui_push loads it. */
struct view *view_open(struct tui *tui, const struct view_ops *ops, const void *arg);
void view_close(struct view *view);
/* Reads the view again, the selection kept on the same line. */
void view_load(struct view *view);
void view_draw(struct view *view, int top, int height, int cols);
/* The view's keys, then the page's; true when the key did something. */
bool view_key(struct view *view, int key);
void view_draw_page(struct view *view, int top, int height, int cols);
/* A click on row y (see view_ops.click). */
bool view_click(struct view *view, int y);
/* Tags or untags a record; tags of another kind are dropped first. */
void view_tag(struct view *view, const struct kind *kind, long long id);
bool view_tagged(const struct view *view, const struct kind *kind, long long id);
/* / : asks for text, as one types narrowing the view (ops->search) or
 * moving to the next line holding it. */
void view_search(struct view *view);

/* ---- drawing ---- */

attr_t role_attr(enum role role);
/* Writes text at (y, x) in at most `width` columns, padded with spaces
 * when pad; returns the columns used. Widths go through text_fit. */
int tui_put(int y, int x, int width, const char *text, enum role role, bool pad);
int tui_putf(int y, int x, int width, enum role role, bool pad, const char *fmt, ...)
    SUMMIT_PRINTF(6, 7);
/* Text padded or cut to exactly `width` columns, into out. */
void tui_fit(char *out, size_t size, const char *text, int width, bool right);
void tui_fill(int y, int x, int width, enum role role);

/* ---- editing a line of text (dialog.c) ---- */

struct edit {
	char text[1024];
	size_t pos; /* bytes before the cursor */
};
void edit_set(struct edit *e, const char *text);
/* Typing, Backspace, Delete, Left, Right, Home, End, Ctrl-U, Ctrl-K;
 * true when the key was one of them. */
bool edit_key(struct edit *e, int key);
/* Draws the text scrolled so the cursor shows; places the terminal's
 * cursor there when focus. */
void edit_draw(const struct edit *e, int y, int x, int width, enum role role, bool focus);
/* A framed box over the screen, cleared. */
void tui_box(int y, int x, int h, int w, const char *title);

/* ---- dialogs (dialog.c) ---- */

/* Asks for a line of text on the bottom line; false when cancelled. */
bool tui_prompt(struct tui *tui, const char *label, const char *initial, char *out,
                size_t size);
/* Offers choices[] (NULL-terminated) in a box; the index, or -1. */
int tui_choose(struct tui *tui, const char *title, const char *const *choices,
               int selected);
/* A yes/no question in a box, with a longer explanation. */
bool tui_confirm(struct tui *tui, const char *question, const char *detail);
/* Text in a box, wrapped whole (scrolled when longer than the screen),
 * until a key is pressed. */
void tui_popup(struct tui *tui, const char *title, const char *text);

/* ---- wrapping (dialog.c) ---- */

struct wrap_row {
	size_t start, len; /* bytes of the text */
};
/* Cuts text into rows of at most cols columns at spaces and newlines; the
 * number of rows (at most max). */
int tui_wrap(const char *text, int cols, struct wrap_row *rows, int max);
/* Draws text wrapped into up to `lines` rows; the rows used. */
int tui_put_wrapped(int y, int x, int lines, int cols, const char *text, enum role role);

/* ---- pages of lines (page.c) ---- */

struct page_line *page_add(struct page *page, enum role role, const char *fmt, ...)
    SUMMIT_PRINTF(3, 4);
void page_clear(struct page *page);
/* Lines from (top, x), height rows of cols columns. */
void page_draw(struct page *page, int top, int x, int height, int cols);
/* Movement over the selectable lines, Enter on a target. */
bool page_key(struct tui *tui, struct page *page, int key);
/* The target of the selected line, or NULL. */
const struct target *page_selected(struct page *page);
/* e edits and d removes the record on the selected line; C exports the
 * calendar of a delegation, room or vehicle there. */
bool page_record_key(struct tui *tui, struct page *page, int key);
/* Keeps the selection on the same text after a reload. */
void page_keep(struct page *page, const char *previous);
/* Every field of a record, "name: value" a line, values whole. */
void record_text(struct summit_db *db, const struct kind *kind, long long id,
                 struct strbuf *out);

/* Opens what a target names. */
void target_open(struct tui *tui, const struct target *target);
struct target target_record(const struct kind *kind, long long id);
/* field: an index in kind->fields that must equal value, or -1. */
struct target target_list(const struct kind *kind, const char *cond, const char *param,
                          int field, const char *value);

/* ---- pickers (picker.c) ---- */

struct pick_option {
	char *key, *label, *fold; /* fold: the label without case or accents */
};
/* What to choose from: the records of kind, searched in SQL as one types,
 * or (kind NULL) the options added with picker_add. */
struct picker {
	const struct kind *kind;
	struct pick_option *options;
	size_t n, cap;
	const char *empty; /* said when nothing matches */
};
void picker_add(struct picker *p, const char *key, const char *label);
void picker_free(struct picker *p);
/* The key of record id and a label with its facts (name, references,
 * numbers). */
void picker_label(struct summit_db *db, const struct kind *kind, long long id, char *key,
                  size_t key_size, struct strbuf *label);
/* Asks for a choice, narrowed as one types; its key into out. */
bool picker_run(struct tui *tui, struct picker *p, const char *title, char *out,
                size_t size);

/* ---- forms and records (form.c) ---- */

/* Adds a record of kind (id 0) or edits record id; prefill[] (may be NULL)
 * gives initial values by field index. Returns the record's id when saved,
 * 0 when cancelled. */
long long form_run(struct tui *tui, const struct kind *kind, long long id,
                   char *const *prefill);
/* Run inside the transaction that adds the form's record, after it. */
struct form_hook {
	int (*after_insert)(struct summit_db *db, long long id, void *ctx,
	                    struct summit_err *err);
	void *ctx;
};
long long form_run_hooked(struct tui *tui, const struct kind *kind, long long id,
                          char *const *prefill, const struct form_hook *hook);
/* Asks, saying what refers to the record, then removes it. */
bool form_delete(struct tui *tui, const struct kind *kind, long long id);
/* Moves delegation's invitation on (choice of state, channel, note). */
bool form_invitation_move(struct tui *tui, const char *delegation);
/* Writes the records of a list as it is shown (filters, search, order) to
 * a CSV file the planner names. */
void form_export(struct tui *tui, const struct browse *b);
/* Writes the calendar of a delegation, room or vehicle to an .ics file the
 * planner names; false (nothing done) for a kind without a calendar. */
bool form_export_ics(struct tui *tui, const struct kind *kind, long long id);
/* Adds the rows of a CSV file the planner names, all or none. */
void form_import(struct tui *tui, const struct kind *kind);

/* Remembers a change for u; values (kind->nfields, may be NULL) are
 * copied. */
void undo_note(struct tui *tui, enum undo_op op, const struct kind *kind, long long id,
               char *const *values);
/* u: takes the last change back (undo.c). */
void undo_last(struct tui *tui);
void undo_clear(struct tui *tui);

/* Gives a delegation rooms over a range of nights (allocate.c). */
bool form_allocate(struct tui *tui, long long delegation);

/* ---- meeting arrivals (pickup.c) ---- */

/* The trips leaving airport after landing on its day, with date, time and
 * free seats, as options of p (keys: trip ids). */
void pickup_trip_options(struct tui *tui, struct picker *p, const char *airport,
                         long long landing);
/* P: the arrival's pickup in one step: a compatible trip picked, or a new
 * one drafted from the flight; linked in the same transaction. */
bool tui_pickup(struct tui *tui, long long arrival);
/* The same for several arrivals at once, onto one trip picked. */
bool tui_pickup_many(struct tui *tui, const long long *arrivals, size_t n);

/* ---- the views ---- */

struct view *view_dashboard_open(struct tui *tui);
struct view *view_delegations_open(struct tui *tui);
struct view *view_delegation_open(struct tui *tui, long long id);
struct view *view_invitations_open(struct tui *tui, const char *state);
struct view *view_programme_open(struct tui *tui);
struct view *view_hotels_open(struct tui *tui);
struct view *view_transport_open(struct tui *tui);
struct view *view_budget_open(struct tui *tui);
struct view *view_tasks_open(struct tui *tui);
struct view *view_plan_open(struct tui *tui);
/* What `summit check` finds; severity: CHECK_ERROR, CHECK_WARNING or -1. */
struct view *view_problems_open(struct tui *tui, int severity);
/* The problems of one kind (a check_kinds[] name). */
struct view *view_problems_open_kind(struct tui *tui, const char *kind);
struct view *view_kinds_open(struct tui *tui);
/* Prints a document (`summit print WHAT ARGS... -o FILE`, in its helper)
 * to a file the planner names, starting from `initial`; says how it went.
 * args is NULL-terminated. */
void tui_print(struct tui *tui, const char *what, const char *const *args,
               const char *initial);
/* Writes the post-event report (`summit report -o FILE`: PDF for .pdf,
 * else Markdown) to a file the planner names; says how it went. */
void tui_report(struct tui *tui);
/* Check-in mode for a desk: scans in, who came in, live counts. */
struct view *view_checkin_open(struct tui *tui);
struct view *view_record_open(struct tui *tui, const struct kind *kind, long long id);

/* A list of any kind, a screen at a time. filter_field/value and cond may
 * be NULL. */
struct list_options {
	const struct kind *kind; /* set by view_list_open */
	const char *filter_field, *filter_value;
	const char *filter2_field, *filter2_value;
	const char *cond, *param;
	/* Enter opens this instead of the generic record page. */
	struct view *(*open)(struct tui *tui, long long id);
	const char *title;
};
struct view *view_list_open(struct tui *tui, const struct kind *kind,
                            const struct list_options *options);

/* D: asks for a date (Enter alone: today) and gives its day number within
 * first..last; false when cancelled or outside them (said). */
bool tui_ask_day(struct tui *tui, long first, long last, long *day);

/* A short "HH:MM" of a UTC time in the event's zone. */
void tui_hour(struct summit_db *db, long long utc, char out[6]);
/* Money in hundredths as "1 500 000" or "1 500.50". */
void tui_money(long long cents, char *out, size_t size);

#endif
