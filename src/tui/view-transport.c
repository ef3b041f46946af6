/* Transport, one day at a time: the arrivals with their pickups, those
 * without one highlighted; the vehicles and their trips; the departures. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

struct transport {
	long day, first, last;
	char date[WHEN_DATE_LEN];
	struct page *page;
	long long vehicle; /* heading added last */
	int flights, unassigned;
};

static const struct key_help transport_keys[] = {
    {"Left Right h l", "the previous or next day"},
    {"Enter", "open the vehicle, trip or flight"},
    {"n", "the next arrival without a pickup"},
    {"D", "go to a date; D Enter: today"},
    {"P", "its pickup: pick a trip that fits, or a new one filled in"},
    {"t", "add a trip on this day"},
    {"A", "add an arrival or departure"},
    {"L", "plan: propose pickups or shuttles (or hotel nights), apply, undo"},
    {"e d", "edit or remove the selected record"},
    {"C", "export the selected vehicle's calendar as .ics"},
    {"W M", "print the day's airport welcome list, or its driver manifests (PDF)"},
    {NULL, NULL},
};

struct load_ctx {
	struct transport *t;
	struct summit_db *db;
	const char *direction;
};

static int trip_line(const struct plan_trip *trip, void *data)
{
	struct load_ctx *c = data;
	struct page *page = c->t->page;
	if (c->t->vehicle != trip->vehicle_id) {
		c->t->vehicle = trip->vehicle_id;
		struct page_line *line =
		    page_add(page, ROLE_HEADER, "  %s, %lld seats%s%s", trip->vehicle,
		             trip->capacity, trip->driver ? ", " : "",
		             trip->driver ? trip->driver : "");
		line->selectable = true;
		line->target = target_record(&kind_vehicles, trip->vehicle_id);
	}
	char from[6], to[6];
	tui_hour(c->db, trip->depart, from);
	tui_hour(c->db, trip->arrive, to);
	bool full = trip->riders > trip->capacity;
	struct page_line *line =
	    page_add(page, full ? ROLE_WARN : ROLE_NORMAL,
	             "    %s-%s %-9s %3lld/%-3lld%s %s -> %s", from, to, trip->kind,
	             trip->riders, trip->capacity, full ? " ! over its seats:" : "",
	             trip->origin, trip->destination);
	line->selectable = true;
	line->target = target_record(&kind_trips, trip->id);
	return 0;
}

static int flight_line(const struct plan_flight *f, void *data)
{
	struct load_ctx *c = data;
	if (strcmp(f->direction, c->direction) != 0)
		return 0;
	char hour[6], pickup[64] = "";
	tui_hour(c->db, f->time, hour);
	bool arrival = strcmp(f->direction, "arrival") == 0;
	if (f->pickup_vehicle) {
		char at[6];
		tui_hour(c->db, f->pickup_depart, at);
		snprintf(pickup, sizeof pickup, "%s %s at %s",
		         arrival ? "met by" : "taken by", f->pickup_vehicle, at);
	} else {
		snprintf(pickup, sizeof pickup, "%s",
		         arrival ? "! NO PICKUP" : "no transfer");
	}
	c->t->flights++;
	if (arrival && !f->pickup_vehicle)
		c->t->unassigned++;
	struct page_line *line =
	    page_add(c->t->page, arrival && !f->pickup_vehicle ? ROLE_WARN : ROLE_NORMAL,
	             "  %s %-8s %-6s party %-3lld %s%s%s", hour,
	             f->flight ? f->flight : "-", f->delegation, f->party, pickup,
	             f->person ? "  " : "", f->person ? f->person : "");
	line->selectable = true;
	line->target = target_record(&kind_arrivals, f->id);
	return 0;
}

static void transport_load(struct view *view)
{
	struct transport *t = view->data;
	struct summit_db *db = view->tui->db;
	t->page = &view->page;
	when_format_day(t->day, t->date);
	t->vehicle = 0;
	struct summit_err err;
	err_clear(&err);
	struct load_ctx c = {t, db, "arrival"};
	size_t heading = t->page->count;
	page_add(t->page, ROLE_HEADER, "Arrivals");
	t->flights = t->unassigned = 0;
	plan_flights(db, t->date, 0, flight_line, &c, NULL);
	free(t->page->lines[heading].text);
	t->page->lines[heading].text =
	    t->unassigned ? xasprintf("Arrivals: %d, %d without a pickup", t->flights,
	                              t->unassigned)
	                  : xasprintf("Arrivals: %d", t->flights);
	if (t->unassigned)
		t->page->lines[heading].role = ROLE_WARN;
	page_add(t->page, ROLE_NORMAL, "%s", "");
	page_add(t->page, ROLE_HEADER, "Vehicles and their trips");
	size_t before = t->page->count;
	if (plan_day_trips(db, t->date, 0, trip_line, &c, &err))
		page_add(t->page, ROLE_ERROR, "%s", err.msg);
	if (t->page->count == before)
		page_add(t->page, ROLE_DIM, "  No trip on this day (t adds one).");
	page_add(t->page, ROLE_NORMAL, "%s", "");
	heading = t->page->count;
	page_add(t->page, ROLE_HEADER, "Departures");
	c.direction = "departure";
	t->flights = 0;
	plan_flights(db, t->date, 0, flight_line, &c, NULL);
	free(t->page->lines[heading].text);
	t->page->lines[heading].text = xasprintf("Departures: %d", t->flights);
}

static void transport_draw(struct view *view, int top, int height, int cols)
{
	struct transport *t = view->data;
	tui_putf(top, 0, cols, ROLE_HEADER, true, "%s, day %ld of %ld (Left/Right: days)",
	         t->date, t->day - t->first + 1, t->last - t->first + 1);
	view_draw_page(view, top + 1, height - 1, cols);
}

static bool transport_key(struct view *view, int key)
{
	struct transport *t = view->data;
	struct tui *tui = view->tui;
	long day = t->day;
	if (key == 'W' || key == 'M') {
		const char *args[] = {"--day", t->date, NULL};
		char file[64];
		snprintf(file, sizeof file, "%s-%s.pdf",
		         key == 'W' ? "welcome" : "manifests", t->date);
		tui_print(tui, key == 'W' ? "welcome" : "manifests", args, file);
		return true;
	}
	if (key == KEY_LEFT || key == 'h')
		day = t->day > t->first ? t->day - 1 : t->day;
	else if (key == KEY_RIGHT || key == 'l')
		day = t->day < t->last ? t->day + 1 : t->day;
	else if (key == 'L') {
		tui_push(tui, view_plan_open(tui));
		return true;
	} else if (key == 'D')
		tui_ask_day(tui, t->first, t->last, &day);
	else if (key == 'P') {
		const struct target *sel = page_selected(t->page);
		if (sel && sel->type == TARGET_RECORD && sel->kind == &kind_arrivals)
			tui_pickup(tui, sel->id);
		else
			tui_message(tui, ROLE_DIM,
			            "P meets an arrival: select one first.");
		return true;
	} else if (key == 'n') {
		/* The next arrival nobody meets, wrapping around. */
		long long n = (long long)t->page->count;
		for (long long i = 1; i <= n; i++) {
			long long k = (t->page->cursor.line + i) % n;
			struct page_line *line = &t->page->lines[k];
			if (line->role == ROLE_WARN && line->selectable &&
			    line->target.kind == &kind_arrivals) {
				t->page->cursor.line = k;
				cursor_clamp(&t->page->cursor, t->page->height);
				return true;
			}
		}
		tui_message(tui, ROLE_GOOD, "Every arrival of this day has a pickup.");
		return true;
	} else if (key == 't' || key == 'A') {
		const struct kind *kind = key == 't' ? &kind_trips : &kind_arrivals;
		char **prefill = xcalloc(kind->nfields, sizeof *prefill);
		char a[WHEN_TIME_LEN + 8], b[WHEN_TIME_LEN + 8];
		snprintf(a, sizeof a, "%s 08:00", t->date);
		snprintf(b, sizeof b, "%s 08:30", t->date);
		if (key == 't') {
			prefill[TRIP_DEPART] = a;
			prefill[TRIP_ARRIVE] = b;
		} else {
			prefill[ARRIVAL_TIME] = a;
		}
		form_run(tui, kind, 0, prefill);
		free(prefill);
		return true;
	} else
		return false;
	if (day != t->day) {
		t->day = day;
		t->page->cursor.line = t->page->cursor.top = 0;
		view_load(view);
	}
	return true;
}

static long day_number(const char *date)
{
	int y, m, d;
	return when_parse_date(date, &y, &m, &d) ? when_day_number(y, m, d) : 0;
}

static void transport_init(struct view *view, const void *arg)
{
	(void)arg;
	struct transport *t = view->data;
	char first[WHEN_DATE_LEN], last[WHEN_DATE_LEN], today[WHEN_DATE_LEN];
	plan_days(view->tui->db, &first, &last, NULL);
	t->first = day_number(first);
	t->last = day_number(last);
	t->page = &view->page;
	long now =
	    when_today(view->tui->db, today, NULL) == SUMMIT_OK ? day_number(today) : 0;
	/* Today when it is a day with transport, else the opening day (the
	 * days of arrivals before it are a Left away). */
	struct record event = {0};
	long opening = t->first;
	if (record_get(view->tui->db, &kind_event, 1, &event, NULL) == SUMMIT_OK)
		opening = day_number(event.values[EVENT_FIRST_DAY]);
	record_clear(&event);
	if (opening < t->first || opening > t->last)
		opening = t->first;
	t->day = now >= t->first && now <= t->last ? now : opening;
}

static const struct view_ops transport_ops = {
    .name = "Transport",
    .private_size = sizeof(struct transport),
    .keys = transport_keys,
    .init = transport_init,
    .load = transport_load,
    .draw = transport_draw,
    .key = transport_key,
    .record_keys = true,
    .bar = "Left Right day  D date  n unmet  P pickup  t trip  A flight",
};

struct view *view_transport_open(struct tui *tui)
{
	return view_open(tui, &transport_ops, NULL);
}
