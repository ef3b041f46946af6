/* The morning summary: days left, invitations by state, accepted
 * delegations with and without hotel and arrival details, pickups, the
 * budget, what `summit check` finds and overdue tasks, live from the file
 * (status_read). Every figure opens, with Enter, the records behind it. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

struct item {
	int column, row;
	bool heading, warn, selectable;
	char label[64], value[32];
	struct target target;
};

struct dashboard {
	struct event_status status;
	struct item items[64];
	int count, selected, top;
	char error[800];
	/* The problems are counted after the first screen is up (every check
	 * runs), unless they are still known from before. */
	int errors_item, warnings_item;
	bool checking, drawn;
};

static const struct key_help dashboard_keys[] = {
    {"Enter", "list the records behind the figure"},
    {"h l  Left Right", "the other column"},
    {"I", "check-in mode for a desk at the venue"},
    {NULL, NULL},
};

static struct item *add(struct dashboard *d, int column, int *row, const char *label)
{
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
	/* Who accepted and came: the whole picture is in check-in mode. */
	struct attendance att;
	if (!attendance_read(view->tui->db, NULL, &att, NULL)) {
		struct item *in =
		    figure(d, 1, &right, "checked in", 0, view_target(open_checkin));
		snprintf(in->value, sizeof in->value, "%lld of %lld",
		         s->accepted - att.nabsent, s->accepted);
		attendance_clear(&att);
	}
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
	const char *when = s->days_left > 1    ? "days left"
	                   : s->days_left == 1 ? "day left"
	                   : s->days_left == 0 ? "it opens today"
	                                       : "days since the opening";
	if (s->days_left > 0)
		tui_putf(top + 1, 0, cols, ROLE_NORMAL, true,
		         "%s to %s, today %s: %ld %s", s->first_day, s->last_day,
		         s->today, s->days_left, when);
	else if (s->days_left == 0)
		tui_putf(top + 1, 0, cols, ROLE_NORMAL, true, "%s to %s, today %s: %s",
		         s->first_day, s->last_day, s->today, when);
	else
		tui_putf(top + 1, 0, cols, ROLE_NORMAL, true,
		         "%s to %s, today %s: %ld %s", s->first_day, s->last_day,
		         s->today, -s->days_left, when);
	/* Two columns when they fit, else one under the other. */
	bool two = cols >= 72;
	int width = two ? cols / 2 - 1 : cols;
	int left_rows = 0;
	for (int i = 0; i < d->count; i++)
		if (d->items[i].column == 0)
			left_rows = d->items[i].row + 1;
	int body = height - 2;
	int row_of_selected = d->items[d->selected].row +
	                      (!two && d->items[d->selected].column ? left_rows : 0);
	if (row_of_selected < d->top)
		d->top = row_of_selected;
	if (row_of_selected >= d->top + body)
		d->top = row_of_selected - body + 1;
	if (two)
		d->top = 0;
	for (int i = 0; i < d->count; i++) {
		struct item *it = &d->items[i];
		int row = it->row + (!two && it->column ? left_rows : 0) - d->top;
		if (row < 0 || row >= body)
			continue;
		int y = top + 2 + row, x = two && it->column ? cols / 2 + 1 : 0;
		if (it->heading) {
			tui_put(y, x, width, it->label, ROLE_HEADER, true);
			continue;
		}
		char line[256], label[160], value[64];
		tui_fit(label, sizeof label, it->label, width - 16, false);
		tui_fit(value, sizeof value, it->value, 12, true);
		snprintf(line, sizeof line, "  %s%s%s", label, value,
		         it->warn ? " !" : "");
		tui_put(y, x, width, line,
		        i == d->selected ? ROLE_CURSOR
		        : it->warn       ? ROLE_WARN
		                         : ROLE_NORMAL,
		        true);
	}
}

static void move_selection(struct dashboard *d, int direction)
{
	for (int i = d->selected + direction; i >= 0 && i < d->count; i += direction)
		if (d->items[i].selectable) {
			d->selected = i;
			return;
		}
}

static void other_column(struct dashboard *d)
{
	struct item *cur = &d->items[d->selected];
	int best = -1;
	for (int i = 0; i < d->count; i++) {
		struct item *it = &d->items[i];
		if (!it->selectable || it->column == cur->column)
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
	case '\r':
	case '\n':
	case KEY_ENTER:
		target_open(view->tui, &d->items[d->selected].target);
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
