/* The morning summary: days left, invitations by state, accepted
 * delegations with and without hotel and arrival details, pickups, the
 * budget, what `summit check` finds and overdue tasks, live from the file
 * (status_read); under them the attendance picture as `summit status`
 * reads it (attendance_read). Every figure opens, with Enter, the records
 * behind it. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

/* Columns 0 and 1 side by side when they fit, else one under the other;
 * column 2 (attendance) under both, the whole width. */
#define COLUMN_WIDE 2

struct item {
	int column, row;
	bool heading, warn, selectable;
	char label[64], value[32];
	/* A row of the attendance table: a figure per stage, or in its
	 * heading the stages' names. */
	bool stages;
	char cells[STAGE_COUNT][16];
	struct target target;
};

struct dashboard {
	struct event_status status;
	struct item items[80];
	int count, selected, top;
	/* The layout of the last draw, for the keys: two columns or one, and
	 * the column Down left for the attendance table (Up goes back). */
	bool two;
	int came_from;
	char error[800];
	/* The problems are counted after the first screen is up (every check
	 * runs), unless they are still known from before. */
	int errors_item, warnings_item;
	bool checking, drawn;
};

static const struct key_help dashboard_keys[] = {
    {"Enter", "list the records behind the figure"},
    {"h l  Left Right", "the other column"},
    {"g G  Home End", "the first or the last figure (accepted, not in yet)"},
    {"I", "check-in mode for a desk at the venue"},
    {"W", "write the post-event report (PDF; a .md file for Markdown)"},
    {NULL, NULL},
};

static struct item *add(struct dashboard *d, int column, int *row, const char *label)
{
	/* The items are the lines of this file's load: never more. */
	if (d->count == (int)(sizeof d->items / sizeof d->items[0]))
		abort();
	struct item *it = &d->items[d->count++];
	memset(it, 0, sizeof *it);
	it->column = column;
	it->row = (*row)++;
	it->target.field = it->target.field2 = -1;
	snprintf(it->label, sizeof it->label, "%s", label);
	return it;
}

static void heading(struct dashboard *d, int column, int *row, const char *label)
{
	add(d, column, row, label)->heading = true;
}

static struct item *figure(struct dashboard *d, int column, int *row, const char *label,
                           long long value, struct target target)
{
	struct item *it = add(d, column, row, label);
	snprintf(it->value, sizeof it->value, "%lld", value);
	it->selectable = true;
	it->target = target;
	return it;
}

static struct item *money(struct dashboard *d, int column, int *row, const char *label,
                          long long cents, struct target target)
{
	struct item *it = figure(d, column, row, label, 0, target);
	tui_money(cents, it->value, sizeof it->value);
	return it;
}

static struct target view_target(struct view *(*open)(struct tui *, long long))
{
	return (struct target){
	    .type = TARGET_VIEW, .open = open, .field = -1, .field2 = -1};
}

static struct view *open_invitations(struct tui *tui, long long state)
{
	return view_invitations_open(tui, state >= 0 ? invitation_states[state] : NULL);
}

static struct view *open_problems(struct tui *tui, long long severity)
{
	return view_problems_open(tui, (int)severity);
}

/* check's own list, so the figure and the list behind it agree. */
static struct view *open_no_hotel(struct tui *tui, long long unused)
{
	(void)unused;
	return view_problems_open_kind(tui, "no-hotel");
}

static struct view *open_programme(struct tui *tui, long long unused)
{
	(void)unused;
	return view_programme_open(tui);
}

static struct view *open_budget(struct tui *tui, long long unused)
{
	(void)unused;
	return view_budget_open(tui);
}

static struct view *open_checkin(struct tui *tui, long long unused)
{
	(void)unused;
	return view_checkin_open(tui);
}

static struct item *stage_row(struct dashboard *d, int *row, const char *label,
                              const long long figures[STAGE_COUNT], struct target target)
{
	struct item *it = add(d, COLUMN_WIDE, row, label);
	it->stages = it->selectable = true;
	for (int i = 0; i < STAGE_COUNT; i++)
		snprintf(it->cells[i], sizeof it->cells[i], "%lld", figures[i]);
	it->target = target;
	return it;
}

/* A group of attendance_read is a delegation status or a kind: its list is
 * the delegations with that value. */
static int group_field(const char *name)
{
	const struct field *f = &kind_delegations.fields[DELEGATION_STATUS];
	for (const char *const *c = f->choices; *c; c++)
		if (strcmp(*c, name) == 0)
			return DELEGATION_STATUS;
	return DELEGATION_KIND;
}

/* Invited, accepted, accredited and attended across, for the same rows as
 * `summit status`, and who accepted and is not in yet. */
static void attendance_section(struct dashboard *d, const struct attendance *a)
{
	int row = 0;
	char label[64];
	snprintf(label, sizeof label, "Attendance, by %s", a->by);
	heading(d, COLUMN_WIDE, &row, label);
	struct item *it = add(d, COLUMN_WIDE, &row, "");
	it->heading = it->stages = true;
	for (int i = 0; i < STAGE_COUNT; i++)
		snprintf(it->cells[i], sizeof it->cells[i], "%s",
		         attendance_stage_names[i]);
	stage_row(d, &row, "delegations", a->delegations,
	          target_list(&kind_delegations, NULL, NULL, -1, NULL));
	/* Who came in, person by person, is what check-in mode shows. */
	stage_row(d, &row, "people", a->people, view_target(open_checkin));
	for (int g = 0; g < ATTENDANCE_GROUPS; g++) {
		const char *name = a->groups[g].name;
		stage_row(
		    d, &row, name, a->groups[g].delegations,
		    target_list(&kind_delegations, NULL, NULL, group_field(name), name));
	}
	/* The list reads "now" again, as this figure did. */
	it = add(d, COLUMN_WIDE, &row, "accepted, not in yet");
	it->stages = it->selectable = true;
	snprintf(it->cells[STAGE_ACCEPTED], sizeof it->cells[0], "%lld", a->nabsent);
	it->target = target_list(&kind_delegations, "accepted-not-in", NULL, -1, NULL);
	/* Before the opening nobody is expected in yet. */
	it->warn = a->nabsent > 0 && d->status.days_left <= 0;
}

static void dashboard_load(struct view *view)
{
	struct dashboard *d = view->data;
	struct event_status *s = &d->status;
	struct summit_err err;
	err_clear(&err);
	d->count = 0;
	d->error[0] = 0;
	if (status_read_figures(view->tui->db, s, &err)) {
		snprintf(d->error, sizeof d->error, "%s", err.msg);
		return;
	}
	d->checking = !check_kept_counts(view->tui->db);
	d->drawn = false;
	if (d->checking)
		ungetch(KEY_RESIZE); /* draw, then run the checks (dashboard_draw) */
	else if (status_read_kept_problems(view->tui->db, s, &err)) {
		snprintf(d->error, sizeof d->error, "%s", err.msg);
		return;
	}
	struct attendance att;
	if (attendance_read(view->tui->db, NULL, &att, &err)) {
		snprintf(d->error, sizeof d->error, "%s", err.msg);
		return;
	}
	int left = 0, right = 0;
	heading(d, 0, &left, "Invitations");
	for (int i = 0; i < INVITATION_STATE_COUNT; i++) {
		struct item *it =
		    figure(d, 0, &left, invitation_states[i], s->invitations[i],
		           view_target(open_invitations));
		it->target.id = i;
	}
	heading(d, 0, &left, "Delegations");
	figure(d, 0, &left, "all", s->delegations,
	       target_list(&kind_delegations, NULL, NULL, -1, NULL));
	figure(
	    d, 0, &left, "participants", s->participants,
	    target_list(&kind_delegations, NULL, NULL, DELEGATION_STATUS, "participant"));
	figure(d, 0, &left, "observers", s->observers,
	       target_list(&kind_delegations, NULL, NULL, DELEGATION_STATUS, "observer"));
	figure(d, 0, &left, "guests", s->guests,
	       target_list(&kind_delegations, NULL, NULL, DELEGATION_STATUS, "guest"));
	figure(d, 0, &left, "people", s->people,
	       target_list(&kind_people, NULL, NULL, -1, NULL));
	heading(d, 0, &left, "Readiness");
	struct item *it = figure(d, 0, &left, "errors (summit check)", s->problems.errors,
	                         view_target(open_problems));
	it->target.id = CHECK_ERROR;
	it->warn = s->problems.errors > 0;
	d->errors_item = (int)(it - d->items);
	it = figure(d, 0, &left, "warnings", s->problems.warnings,
	            view_target(open_problems));
	it->target.id = CHECK_WARNING;
	d->warnings_item = (int)(it - d->items);
	if (d->checking) {
		snprintf(d->items[d->errors_item].value, sizeof it->value, "...");
		snprintf(d->items[d->warnings_item].value, sizeof it->value, "...");
	}
	figure(d, 0, &left, "open tasks", s->tasks_open,
	       target_list(&kind_tasks, "open", NULL, -1, NULL));
	figure(d, 0, &left, "overdue tasks", s->tasks_overdue,
	       target_list(&kind_tasks, "overdue", NULL, -1, NULL))
	    ->warn = s->tasks_overdue > 0;

	heading(d, 1, &right, "Accepted delegations");
	figure(d, 1, &right, "accepted", s->accepted,
	       target_list(&kind_delegations, "accepted", NULL, -1, NULL));
	figure(d, 1, &right, "with a hotel", s->accepted_with_hotel,
	       target_list(&kind_delegations, "accepted-with-hotel", NULL, -1, NULL));
	it = figure(d, 1, &right, "without a hotel", s->accepted_without_hotel,
	            view_target(open_no_hotel));
	it->warn = s->accepted_without_hotel > 0;
	if (d->checking) /* as check's no-hotel finds them */
		snprintf(it->value, sizeof it->value, "...");
	figure(d, 1, &right, "with arrival details", s->accepted_with_arrival,
	       target_list(&kind_delegations, "accepted-with-arrival", NULL, -1, NULL));
	figure(d, 1, &right, "without arrival details", s->accepted_without_arrival,
	       target_list(&kind_delegations, "accepted-without-arrival", NULL, -1, NULL))
	    ->warn = s->accepted_without_arrival > 0;
	/* Who accepted and came; the whole picture is under Attendance. */
	struct item *in =
	    figure(d, 1, &right, "checked in", 0, view_target(open_checkin));
	snprintf(in->value, sizeof in->value, "%lld of %lld", s->accepted - att.nabsent,
	         s->accepted);
	heading(d, 1, &right, "Transport");
	figure(d, 1, &right, "arrivals", s->arrivals,
	       target_list(&kind_arrivals, NULL, NULL, ARRIVAL_DIRECTION, "arrival"));
	figure(d, 1, &right, "without a pickup", s->arrivals_without_pickup,
	       target_list(&kind_arrivals, "without-pickup", NULL, -1, NULL))
	    ->warn = s->arrivals_without_pickup > 0;
	figure(d, 1, &right, "trips", s->trips,
	       target_list(&kind_trips, NULL, NULL, -1, NULL));
	figure(d, 1, &right, "vehicles", s->vehicles,
	       target_list(&kind_vehicles, NULL, NULL, -1, NULL));
	char label[64];
	snprintf(label, sizeof label, "Budget%s%s", s->currency[0] ? ", " : "",
	         s->currency);
	heading(d, 1, &right, label);
	money(d, 1, &right, "need", s->budget_cents, view_target(open_budget));
	money(d, 1, &right, "pledged", s->pledged_cents,
	      target_list(&kind_pledges, NULL, NULL, -1, NULL));
	money(d, 1, &right, "received", s->received_cents,
	      target_list(&kind_pledges, "received", NULL, -1, NULL));
	long long gap = s->budget_cents - s->pledged_cents;
	money(d, 1, &right, "not yet pledged", gap > 0 ? gap : 0,
	      view_target(open_budget))
	    ->warn = gap > 0;
	heading(d, 1, &right, "Programme");
	snprintf(label, sizeof label, "sessions (%lld cancelled)", s->sessions_cancelled);
	figure(d, 1, &right, label, s->sessions, view_target(open_programme));
	attendance_section(d, &att);
	attendance_clear(&att);
	if (d->selected >= d->count || !d->items[d->selected].selectable)
		d->selected = 1;
}

/* Once the first screen is up: every check, then the figures again. */
static void count_problems(struct view *view)
{
	struct dashboard *d = view->data;
	struct summit_err err;
	err_clear(&err);
	if (status_read_kept_problems(view->tui->db, &d->status, &err)) {
		d->checking = false;
		snprintf(d->error, sizeof d->error, "%s", err.msg);
		return;
	}
	dashboard_load(view); /* from the problems now kept */
}

/* The screen row of an item from the top of the figures: column 1 beside
 * column 0 or under it, the attendance table under both. */
static int item_row(const struct dashboard *d, const struct item *it, int left_rows,
                    int right_rows)
{
	if (it->column == 0)
		return it->row;
	if (it->column == 1)
		return it->row + (d->two ? 0 : left_rows);
	return it->row + (d->two ? (left_rows > right_rows ? left_rows : right_rows) + 1
	                         : left_rows + right_rows);
}

/* "  label   fig   fig   fig   fig": the stages' columns as in `summit
 * status`, narrower on a narrow terminal. */
static void draw_stages(const struct item *it, int y, int width, enum role role)
{
	int cell = 11, label = 20; /* "accepted, not in yet" whole */
	if (2 + label + STAGE_COUNT * cell > width)
		cell = (width - 2 - label) / STAGE_COUNT;
	if (cell < 7) {
		cell = (width - 2 - 13) / STAGE_COUNT;
		if (cell < 4)
			cell = 4;
	}
	label = width - 2 - STAGE_COUNT * cell;
	if (label > 20)
		label = 20;
	char line[512], text[160], value[64];
	size_t n = 0;
	tui_fit(text, sizeof text, it->label, label > 0 ? label : 0, false);
	n += (size_t)snprintf(line, sizeof line, "  %s", text);
	int cells = STAGE_COUNT; /* the last ones may be blank */
	while (cells > 0 && !it->cells[cells - 1][0])
		cells--;
	for (int i = 0; i < cells && n < sizeof line; i++) {
		tui_fit(value, sizeof value, it->cells[i], cell - 1, true);
		n += (size_t)snprintf(line + n, sizeof line - n, " %s", value);
	}
	if (it->warn && n < sizeof line)
		snprintf(line + n, sizeof line - n, " !");
	tui_put(y, 0, width, line, role, true);
}

static void dashboard_draw(struct view *view, int top, int height, int cols)
{
	struct dashboard *d = view->data;
	struct event_status *s = &d->status;
	/* Drawn once already with the problems still to count (and a redraw
	 * asked for): count them now. */
	if (d->checking && d->drawn)
		count_problems(view);
	d->drawn = d->checking;
	if (d->error[0]) {
		tui_put(top, 0, cols, d->error, ROLE_ERROR, true);
		return;
	}
	tui_putf(top, 0, cols, ROLE_HEADER, true, "%s, %s, %s", s->name, s->city,
	         s->country);
	char when[64], dates[256];
	status_when(s, when, sizeof when);
	snprintf(dates, sizeof dates, "%s to %s, today %s: %s", s->first_day, s->last_day,
	         s->today, when);
	int used = tui_put(top + 1, 0, cols, dates, ROLE_NORMAL, false);
	/* Two columns when they fit, else one under the other. */
	d->two = cols >= 72;
	int width = d->two ? cols / 2 - 1 : cols;
	int left_rows = 0, right_rows = 0, rows = 0;
	for (int i = 0; i < d->count; i++) {
		const struct item *it = &d->items[i];
		if (it->column == 0)
			left_rows = it->row + 1;
		else if (it->column == 1)
			right_rows = it->row + 1;
	}
	for (int i = 0; i < d->count; i++) {
		int r = item_row(d, &d->items[i], left_rows, right_rows) + 1;
		if (r > rows)
			rows = r;
	}
	/* The selection stays in sight, with the heading above it when it is
	 * the first of its section; the page never scrolls past its end. */
	int body = height - 2;
	if (body < 1)
		body = 1;
	int sel = item_row(d, &d->items[d->selected], left_rows, right_rows);
	int from = sel;
	if (d->selected > 0 && d->items[d->selected - 1].heading &&
	    d->items[d->selected - 1].column == d->items[d->selected].column)
		from = item_row(d, &d->items[d->selected - 1], left_rows, right_rows);
	if (from != sel && d->selected > 1 && d->items[d->selected - 2].heading &&
	    d->items[d->selected - 2].column == d->items[d->selected].column)
		from = item_row(d, &d->items[d->selected - 2], left_rows, right_rows);
	if (d->top > rows - body)
		d->top = rows - body;
	if (d->top < 0)
		d->top = 0;
	if (from < d->top)
		d->top = from;
	if (sel >= d->top + body)
		d->top = sel - body + 1;
	/* Say there is more than the screen holds, where the dates leave room. */
	const char *more = d->top + body < rows ? "more below"
	                   : d->top > 0         ? "more above"
	                                        : "";
	int more_width = (int)strlen(more);
	tui_fill(top + 1, used, cols - used, ROLE_NORMAL);
	if (*more && used + 2 + more_width <= cols)
		tui_put(top + 1, cols - more_width, more_width, more, ROLE_DIM, false);
	for (int i = 0; i < d->count; i++) {
		struct item *it = &d->items[i];
		int row = item_row(d, it, left_rows, right_rows) - d->top;
		if (row < 0 || row >= body)
			continue;
		int y = top + 2 + row;
		int x = d->two && it->column == 1 ? cols / 2 + 1 : 0;
		int w = it->column == COLUMN_WIDE ? cols : width;
		enum role role = i == d->selected ? ROLE_CURSOR
		                 : it->warn       ? ROLE_WARN
		                                  : ROLE_NORMAL;
		if (it->stages) {
			draw_stages(it, y, w, it->heading ? ROLE_HEADER : role);
			continue;
		}
		if (it->heading) {
			tui_put(y, x, w, it->label, ROLE_HEADER, true);
			continue;
		}
		char line[256], label[160], value[64];
		tui_fit(label, sizeof label, it->label, w - 16, false);
		tui_fit(value, sizeof value, it->value, 12, true);
		snprintf(line, sizeof line, "  %s%s%s", label, value,
		         it->warn ? " !" : "");
		tui_put(y, x, w, line, role, true);
	}
}

/* Up and Down within a column; in two columns Down past the end of either
 * goes to the attendance table under them, and Up from its top back. */
static void move_selection(struct dashboard *d, int direction)
{
	int column = d->items[d->selected].column;
	for (int i = d->selected + direction; i >= 0 && i < d->count; i += direction) {
		const struct item *it = &d->items[i];
		if (!it->selectable || (d->two && it->column != column))
			continue;
		d->selected = i;
		return;
	}
	if (!d->two)
		return;
	int to = direction > 0 && column != COLUMN_WIDE   ? COLUMN_WIDE
	         : direction < 0 && column == COLUMN_WIDE ? d->came_from
	                                                  : -1;
	if (to < 0)
		return;
	int best = -1;
	for (int i = 0; i < d->count; i++)
		if (d->items[i].selectable && d->items[i].column == to &&
		    (best < 0 || direction < 0))
			best = i; /* the first going down, the last going up */
	if (best < 0)
		return;
	if (to == COLUMN_WIDE)
		d->came_from = column;
	d->selected = best;
}

static void other_column(struct dashboard *d)
{
	struct item *cur = &d->items[d->selected];
	if (cur->column == COLUMN_WIDE)
		return;
	int best = -1;
	for (int i = 0; i < d->count; i++) {
		struct item *it = &d->items[i];
		if (!it->selectable || it->column == cur->column ||
		    it->column == COLUMN_WIDE)
			continue;
		if (best < 0 ||
		    abs(it->row - cur->row) < abs(d->items[best].row - cur->row))
			best = i;
	}
	if (best >= 0)
		d->selected = best;
}

static bool dashboard_key(struct view *view, int key)
{
	struct dashboard *d = view->data;
	if (!d->count)
		return false;
	switch (key) {
	case KEY_DOWN:
	case 'j':
		move_selection(d, 1);
		return true;
	case KEY_UP:
	case 'k':
		move_selection(d, -1);
		return true;
	case KEY_LEFT:
	case KEY_RIGHT:
	case 'h':
	case 'l':
		other_column(d);
		return true;
	case KEY_HOME:
	case 'g':
	case KEY_END:
	case 'G': {
		bool last = key == KEY_END || key == 'G';
		for (int i = 0; i < d->count; i++)
			if (d->items[i].selectable) {
				d->selected = i;
				if (!last)
					break;
			}
		return true;
	}
	case '\r':
	case '\n':
	case KEY_ENTER:
		target_open(view->tui, &d->items[d->selected].target);
		return true;
	case 'W':
		tui_report(view->tui);
		return true;
	case 'I':
		tui_push(view->tui, view_checkin_open(view->tui));
		return true;
	}
	return false;
}

static void dashboard_init(struct view *view, const void *arg)
{
	(void)arg;
	struct dashboard *d = view->data;
	d->selected = 1;
}

static const struct view_ops dashboard_ops = {
    .name = "Dashboard",
    .private_size = sizeof(struct dashboard),
    .keys = dashboard_keys,
    .init = dashboard_init,
    .load = dashboard_load,
    .draw = dashboard_draw,
    .key = dashboard_key,
    .bar = "Enter the records behind a figure  h l column",
};

struct view *view_dashboard_open(struct tui *tui)
{
	return view_open(tui, &dashboard_ops, NULL);
}
