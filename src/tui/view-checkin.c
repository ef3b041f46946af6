/* Check-in mode for a desk at the venue: a keyboard-wedge scanner types the
 * badge number then Enter (a planner may type a name instead); each scan is
 * one transaction (checkin_record), the person who just came in or the
 * refusal stands out, and the counts and the latest scans, every desk's,
 * follow the file live. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

#define RECENT 8

struct scan_line {
	char at[WHEN_TIME_LEN], badge[64], name[256], delegation[32], desk[64];
};

struct checkin_view {
	struct edit input;
	char result[1024];
	enum role result_role;
	struct attendance att;
	struct scan_line recent[RECENT];
	int nrecent;
	long long scans;
	char error[800];
};

static const struct key_help checkin_keys[] = {
    {"text Enter", "check in the badge number or the name typed (or scanned)"},
    {"Esc", "leave check-in mode"},
    {NULL, NULL},
};

/* The latest scans of every desk, newest first, as `summit list checkins`
 * names them. */
static int recent_row(const struct record *rec, void *ctx)
{
	struct checkin_view *c = ctx;
	struct scan_line *l = &c->recent[c->nrecent % RECENT];
	c->nrecent++;
	snprintf(l->at, sizeof l->at, "%s",
	         rec->values[CHECKIN_AT] ? rec->values[CHECKIN_AT] : "");
	snprintf(l->badge, sizeof l->badge, "%s",
	         rec->values[CHECKIN_BADGE] ? rec->values[CHECKIN_BADGE] : "");
	snprintf(l->desk, sizeof l->desk, "%s",
	         rec->values[CHECKIN_DESK] ? rec->values[CHECKIN_DESK] : "");
	l->name[0] = l->delegation[0] = 0;
	return 0;
}

static void checkin_load(struct view *view)
{
	struct checkin_view *c = view->data;
	struct summit_db *db = view->tui->db;
	struct summit_err err;
	err_clear(&err);
	c->error[0] = 0;
	attendance_clear(&c->att);
	if (attendance_read(db, NULL, &c->att, &err)) {
		snprintf(c->error, sizeof c->error, "%s", err.msg);
		return;
	}
	const struct kind *checkins = &kind_checkins;
	c->scans = record_count(db, checkins);
	c->nrecent = 0;
	long long from = c->scans > RECENT ? c->scans - RECENT : 0;
	if (record_each_range(db, checkins, NULL, 0, from, RECENT, recent_row, c, &err))
		snprintf(c->error, sizeof c->error, "%s", err.msg);
	/* Each badge's holder, for the lines. */
	const struct kind *acc = &kind_accreditations;
	for (int i = 0; i < c->nrecent && i < RECENT; i++) {
		struct scan_line *l = &c->recent[i];
		long long id;
		struct record rec = {0};
		if (record_find(db, acc, l->badge, &id, NULL) ||
		    record_get(db, acc, id, &rec, NULL))
			continue;
		long long person;
		struct record p = {0};
		if (!record_find(db, &kind_people, rec.values[ACCREDITATION_PERSON],
		                 &person, NULL) &&
		    !record_get(db, &kind_people, person, &p, NULL)) {
			snprintf(l->name, sizeof l->name, "%s",
			         p.values[PERSON_NAME] ? p.values[PERSON_NAME] : "");
			snprintf(l->delegation, sizeof l->delegation, "%s",
			         p.values[PERSON_DELEGATION] ? p.values[PERSON_DELEGATION]
			                                     : "");
		}
		record_clear(&p);
		record_clear(&rec);
	}
}

static void scan(struct view *view)
{
	struct checkin_view *c = view->data;
	struct summit_db *db = view->tui->db;
	char key[sizeof c->input.text];
	/* A scanner may send spaces around the number. */
	const char *s = c->input.text;
	while (*s == ' ')
		s++;
	snprintf(key, sizeof key, "%s", s);
	for (size_t n = strlen(key); n && key[n - 1] == ' '; n--)
		key[n - 1] = 0;
	edit_set(&c->input, "");
	if (!key[0])
		return;
	struct checkin_scan sc = {.key = key, .desk = getenv("SUMMIT_DESK")};
	struct checkin_result r;
	struct summit_err err;
	err_clear(&err);
	int status = db_begin(db, &err);
	if (!status) {
		status = checkin_record(db, &sc, &r, &err);
		status = db_end(db, status, &err);
	}
	if (status) {
		snprintf(c->result, sizeof c->result, "REFUSED  %s", err.msg);
		c->result_role = ROLE_ERROR;
		beep();
	} else {
		snprintf(c->result, sizeof c->result, "IN  %.5s  %s  %s (%s), %s%s",
		         r.at + 11, r.badge, r.name, r.delegation, r.category,
		         r.again ? ", again today" : "");
		c->result_role = ROLE_GOOD;
	}
	tui_reload(view->tui);
}

static void checkin_draw(struct view *view, int top, int height, int cols)
{
	struct checkin_view *c = view->data;
	int y = top, end = top + height;
	tui_put(y++, 0, cols,
	        "Scan a badge, or type a badge number or a name, then Enter:",
	        ROLE_HEADER, true);
	tui_put(y, 0, 2, "> ", ROLE_NORMAL, false);
	int input_y = y++;
	/* The result on two lines, so a refusal is read whole. */
	int used;
	size_t first = text_fit(c->result, cols, &used);
	if (c->result[first]) /* break at the last space that fits */
		for (size_t i = first; i > 0; i--)
			if (c->result[i] == ' ') {
				first = i;
				break;
			}
	char head[sizeof c->result];
	snprintf(head, sizeof head, "%.*s", (int)first, c->result);
	tui_put(y++, 0, cols, head, c->result_role, true);
	if (y < end)
		tui_put(y++, 0, cols, c->result + first + (c->result[first] == ' '),
		        c->result_role, true);
	if (c->error[0]) {
		tui_put(y++, 0, cols, c->error, ROLE_ERROR, true);
	} else if (y < end) {
		char line[256];
		snprintf(line, sizeof line, "%-14s", "");
		for (int i = 0; i < STAGE_COUNT; i++)
			snprintf(line + strlen(line), sizeof line - strlen(line), " %11s",
			         attendance_stage_names[i]);
		tui_put(y++, 0, cols, line, ROLE_HEADER, true);
		if (y < end)
			tui_putf(y++, 0, cols, ROLE_NORMAL, true,
			         "%-14s %11lld %11lld %11lld %11lld", "delegations",
			         c->att.delegations[0], c->att.delegations[1],
			         c->att.delegations[2], c->att.delegations[3]);
		if (y < end)
			tui_putf(y++, 0, cols, ROLE_NORMAL, true,
			         "%-14s %11lld %11lld %11lld %11lld", "people",
			         c->att.people[0], c->att.people[1], c->att.people[2],
			         c->att.people[3]);
		for (int g = 0; g < 3 && y < end; g++)
			tui_putf(y++, 0, cols, ROLE_NORMAL, true,
			         "%-14s %11lld %11lld %11lld %11lld",
			         c->att.groups[g].name, c->att.groups[g].delegations[0],
			         c->att.groups[g].delegations[1],
			         c->att.groups[g].delegations[2],
			         c->att.groups[g].delegations[3]);
		if (y < end)
			tui_putf(y++, 0, cols, c->att.nabsent ? ROLE_WARN : ROLE_GOOD,
			         true, "accepted, not in yet: %lld delegation%s",
			         c->att.nabsent, c->att.nabsent == 1 ? "" : "s");
		if (y < end)
			tui_putf(y++, 0, cols, ROLE_HEADER, true,
			         "Latest scans (%lld in all)", c->scans);
		int shown = c->nrecent < RECENT ? c->nrecent : RECENT;
		for (int i = shown - 1; i >= 0 && y < end; i--) {
			struct scan_line *l = &c->recent[i];
			tui_putf(y++, 0, cols, ROLE_NORMAL, true, "%s  %-10s %s (%s)%s%s",
			         l->at, l->badge, l->name, l->delegation,
			         l->desk[0] ? "  " : "", l->desk);
		}
	}
	while (y < end)
		tui_fill(y++, 0, cols, ROLE_NORMAL);
	edit_draw(&c->input, input_y, 2, cols - 2, ROLE_NORMAL, true);
}

static bool checkin_key(struct view *view, int key)
{
	struct checkin_view *c = view->data;
	switch (key) {
	case '\r':
	case '\n':
	case KEY_ENTER:
		scan(view);
		return true;
	case 27: /* Esc leaves */
	case KEY_RESIZE:
		return false;
	}
	if (key == '\t' || key == KEY_BTAB || key == KEY_F(1))
		return false;
	return edit_key(&c->input, key);
}

static void checkin_close(struct view *view)
{
	struct checkin_view *c = view->data;
	attendance_clear(&c->att);
}

static const struct view_ops checkin_ops = {
    .name = "Check-in",
    .private_size = sizeof(struct checkin_view),
    .keys = checkin_keys,
    .load = checkin_load,
    .draw = checkin_draw,
    .key = checkin_key,
    .close = checkin_close,
};

struct view *view_checkin_open(struct tui *tui)
{
	return view_open(tui, &checkin_ops, NULL);
}
