/* summit plan shuttles: each day, runs from every hotel to the venue so its
 * guests reach the venue a lead time before the first session they must
 * attend, and back after the last, on the vehicles free at the time, with
 * as few trips as it can: the largest vehicles first, as many rounds as they
 * can make within --spread minutes (60) of the target, then the next largest. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "planner_internal.h"
#include "summit/db.h"
#include "summit/kind.h"
#include "summit/model.h"
#include "summit/when.h"

struct sveh {
	long long id, capacity;
	char *code;
	struct span_list {
		struct {
			long long from, to;
		} * v;
		size_t n, cap;
	} busy;
};

struct snight {
	long long delegation, hotel, rooms;
	long night;
};

struct shotel {
	long long id, place;
	char *name, *place_name;
};

/* One hotel's guests on one day. */
struct sneed {
	size_t hotel;
	long day;
	long long first_start, last_end, people;
	char codes[200];
};

static char *text_col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

static bool is_free(const struct sveh *v, long long from, long long to)
{
	for (size_t i = 0; i < v->busy.n; i++)
		if (v->busy.v[i].from < to && from < v->busy.v[i].to)
			return false;
	return true;
}

static void occupy(struct sveh *v, long long from, long long to)
{
	GROW(v->busy.v, v->busy.n, v->busy.cap);
	v->busy.v[v->busy.n].from = from;
	v->busy.v[v->busy.n++].to = to;
}

struct sctx {
	struct summit_db *db;
	const struct planner_options *opt;
	struct planner_plan *plan;
	struct model m; /* delegations and scheduled sessions (model.h) */
	long *sess_day; /* each session's local day */
	struct sveh *v;
	size_t nv, capv;
	struct snight *n;
	size_t nn, capn;
	struct shotel *h;
	size_t nh, caph;
	long long venue;
	char *venue_name;
	struct planner_travel *travel;
	long long trips, bound, max_capacity;
};

static int load(struct sctx *c, struct summit_err *err)
{
	sqlite3_stmt *st;
	int rc;
	int status =
	    model_load(c->db, &c->m, MODEL_SESSIONS | MODEL_SCHEDULED, 0, 0, err);
	if (status)
		return status;
	c->sess_day = xcalloc(c->m.nsessions + 1, sizeof *c->sess_day);
	for (size_t k = 0; k < c->m.nsessions; k++)
		c->sess_day[k] = model_local_day(&c->m, c->m.sessions[k].start);

	status = db_prepare(
	    c->db, "SELECT id, code, capacity FROM vehicles ORDER BY capacity DESC, id",
	    &st, err);
	while (!status && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		GROW(c->v, c->nv, c->capv);
		struct sveh *v = &c->v[c->nv++];
		memset(v, 0, sizeof *v);
		v->id = sqlite3_column_int64(st, 0);
		v->code = text_col(st, 1);
		v->capacity = sqlite3_column_int64(st, 2);
		if (v->capacity > c->max_capacity)
			c->max_capacity = v->capacity;
	}
	if (!status && rc != SQLITE_DONE)
		status = db_step_error(c->db, rc, err);
	sqlite3_finalize(st);
	if (status)
		return status;

	// clang-format off
	status = db_prepare(c->db,
	    "SELECT h.id, h.place, h.name, p.name FROM hotels h JOIN places p ON p.id = h.place"
	    " ORDER BY h.id", &st, err);
	// clang-format on
	while (!status && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		GROW(c->h, c->nh, c->caph);
		c->h[c->nh++] = (struct shotel){sqlite3_column_int64(st, 0),
		                                sqlite3_column_int64(st, 1),
		                                text_col(st, 2), text_col(st, 3)};
	}
	if (!status && rc != SQLITE_DONE)
		status = db_step_error(c->db, rc, err);
	sqlite3_finalize(st);
	if (status)
		return status;

	status = db_prepare(
	    c->db, "SELECT delegation, hotel, rooms, night FROM allocations", &st, err);
	while (!status && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		GROW(c->n, c->nn, c->capn);
		int y, m, dd;
		when_parse_date((const char *)sqlite3_column_text(st, 3), &y, &m, &dd);
		c->n[c->nn++] = (struct snight){
		    sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
		    sqlite3_column_int64(st, 2), when_day_number(y, m, dd)};
	}
	if (!status && rc != SQLITE_DONE)
		status = db_step_error(c->db, rc, err);
	sqlite3_finalize(st);
	if (status)
		return status;

	c->venue = planner_venue_place(c->db);
	if (c->venue) {
		status =
		    db_prepare(c->db, "SELECT name FROM places WHERE id = ?", &st, err);
		if (!status) {
			sqlite3_bind_int64(st, 1, c->venue);
			if (sqlite3_step(st) == SQLITE_ROW)
				c->venue_name = text_col(st, 0);
			sqlite3_finalize(st);
		}
	}
	if (!status)
		status = planner_travel_load(c->db, &c->travel, err);
	return status;
}

static int cmp_need(const void *a, const void *b)
{
	const struct sneed *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return (x->hotel > y->hotel) - (x->hotel < y->hotel);
}

/* The guests of each hotel each day, and when they must be at the venue. */
static struct sneed *needs(struct sctx *c, size_t *count)
{
	struct sneed *v = NULL;
	size_t n = 0, cap = 0;
	/* Each delegation's total rooms a night, to share its people out when
	 * it sleeps in several hotels. */
	for (size_t i = 0; i < c->nn; i++) {
		const struct snight *a = &c->n[i];
		const struct model_delegation *d =
		    model_delegation_find(&c->m, a->delegation);
		if (!d || !d->expected)
			continue;
		long day = a->night + 1;
		long long first = 0, last = 0;
		for (size_t k = 0; k < c->m.nsessions; k++) {
			const struct model_session *s = &c->m.sessions[k];
			bool required;
			if (c->sess_day[k] != day || s->cancelled ||
			    !model_attends(s, d, &required) || !required)
				continue;
			if (!first || s->start < first)
				first = s->start;
			if (s->end > last)
				last = s->end;
		}
		if (!first)
			continue;
		size_t hi = c->nh;
		for (size_t k = 0; k < c->nh; k++)
			if (c->h[k].id == a->hotel)
				hi = k;
		if (hi == c->nh)
			continue;
		long long rooms = 0;
		for (size_t k = 0; k < c->nn; k++)
			if (c->n[k].delegation == a->delegation &&
			    c->n[k].night == a->night)
				rooms += c->n[k].rooms;
		long long people =
		    rooms ? (d->size * a->rooms + rooms - 1) / rooms : d->size;
		struct sneed *e = NULL;
		for (size_t k = 0; k < n; k++)
			if (v[k].hotel == hi && v[k].day == day)
				e = &v[k];
		if (!e) {
			GROW(v, n, cap);
			e = &v[n++];
			memset(e, 0, sizeof *e);
			e->hotel = hi;
			e->day = day;
		}
		if (!e->first_start || first < e->first_start)
			e->first_start = first;
		if (last > e->last_end)
			e->last_end = last;
		e->people += people;
		size_t len = strlen(e->codes);
		if (len + strlen(d->code) + 6 < sizeof e->codes)
			snprintf(e->codes + len, sizeof e->codes - len, "%s%s",
			         len ? " " : "", d->code);
		else if (!strstr(e->codes, "..."))
			snprintf(e->codes + len, sizeof e->codes - len, " ...");
	}
	if (n)
		qsort(v, n, sizeof *v, cmp_need);
	*count = n;
	return v;
}

static void add_trip(struct sctx *c, const struct sveh *v, long long origin_place,
                     const char *origin, const char *destination, long long depart,
                     long long arrive, const char *note)
{
	(void)origin_place;
	const struct kind *kind = &kind_trips;
	char **val = planner_values(kind);
	char dep[WHEN_TIME_LEN], arr[WHEN_TIME_LEN];
	when_format_local(c->db, depart, dep);
	when_format_local(c->db, arrive, arr);
	val[TRIP_VEHICLE] = xstrdup(v->code);
	val[TRIP_KIND] = xstrdup("shuttle");
	val[TRIP_ORIGIN] = xstrdup(origin);
	val[TRIP_DESTINATION] = xstrdup(destination);
	val[TRIP_DEPART] = xstrdup(dep);
	val[TRIP_ARRIVE] = xstrdup(arr);
	val[TRIP_NOTE] = xstrdup(note);
	planner_add(c->plan, kind, val,
	            xasprintf("%s shuttle %s to %s, %s to %s, %s", v->code, origin,
	                      destination, dep, arr + 11, note));
	c->trips++;
}

/* Runs of `people` on one route: each arrives by `at` (morning) or leaves
 * at `at` (evening); rounds step away from it while the fleet is short. */
static long long plan_runs(struct sctx *c, const struct sneed *e, bool morning,
                           long long drive)
{
	const struct shotel *h = &c->h[e->hotel];
	long long left = e->people;
	long long at =
	    morning ? e->first_start - (long long)c->opt->shuttle_lead * 60 : e->last_end;
	long long step = 2 * drive + 5 * 60;
	char note[260];
	snprintf(note, sizeof note, "%s: %s", morning ? "morning" : "evening", e->codes);
	/* Vehicles come largest first: each size in turn, round by round. */
	for (size_t first = 0; first < c->nv && left > 0;) {
		size_t end = first;
		while (end < c->nv && c->v[end].capacity == c->v[first].capacity)
			end++;
		for (long long shift = 0;
		     left > 0 && shift <= (long long)c->opt->shuttle_spread * 60;
		     shift += step) {
			long long arrive = morning ? at - shift : at + shift + drive;
			long long depart = arrive - drive;
			for (size_t k = first; k < end && left > 0; k++) {
				struct sveh *v = &c->v[k];
				/* Busy from leaving until back where it began. */
				if (!is_free(v, depart, arrive + drive))
					continue;
				occupy(v, depart, arrive + drive);
				if (morning)
					add_trip(c, v, h->place, h->place_name,
					         c->venue_name, depart, arrive, note);
				else
					add_trip(c, v, c->venue, c->venue_name,
					         h->place_name, depart, arrive, note);
				left -= v->capacity;
			}
		}
		first = end;
	}
	return left > 0 ? left : 0;
}

static void free_ctx(struct sctx *c)
{
	model_free(&c->m);
	free(c->sess_day);
	for (size_t i = 0; i < c->nv; i++) {
		free(c->v[i].code);
		free(c->v[i].busy.v);
	}
	free(c->v);
	free(c->n);
	for (size_t i = 0; i < c->nh; i++) {
		free(c->h[i].name);
		free(c->h[i].place_name);
	}
	free(c->h);
	free(c->venue_name);
	planner_travel_free(c->travel);
}

int planner_shuttles(struct summit_db *db, const struct planner_options *opt,
                     struct planner_plan *plan, struct summit_err *err)
{
	if (!db_has_event(db))
		return err_no_event(err);
	struct sctx c = {.db = db, .opt = opt, .plan = plan};
	plan->measure =
	    "shuttle trips added; the bound: each hotel's guests each morning "
	    "and evening over the largest vehicle's seats";
	int status = load(&c, err);
	if (!status && !c.venue)
		status = err_set(
		    err, SUMMIT_INVALID,
		    "no place of kind venue, expected one for the shuttles to reach: "
		    "`summit add places name=... kind=venue`");
	if (status) {
		free_ctx(&c);
		return status;
	}
	/* Trips that stay hold their vehicles; with --start-over the
	 * unlocked shuttles go. */
	const struct kind *tkind = &kind_trips;
	// clang-format off
	sqlite3_stmt *st;
	status = db_prepare(db,
	    "SELECT id, revision, vehicle, depart, arrive, kind = 'shuttle' AND locked <> 'yes',"
	    " origin, destination, (SELECT name FROM places WHERE id = origin)"
	    " FROM trips ORDER BY id", &st, err);
	// clang-format on
	int rc;
	while (!status && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0),
		          vehicle = sqlite3_column_int64(st, 2);
		if (opt->start_over && sqlite3_column_int(st, 5)) {
			planner_remove(
			    plan, tkind, id, sqlite3_column_int64(st, 1),
			    xasprintf("trip #%lld (shuttle from %s)", id,
			              (const char *)sqlite3_column_text(st, 8)));
			continue;
		}
		long long back = planner_travel_minutes(
		    c.travel, sqlite3_column_int64(st, 6), sqlite3_column_int64(st, 7));
		for (size_t k = 0; k < c.nv; k++)
			if (c.v[k].id == vehicle)
				occupy(&c.v[k], sqlite3_column_int64(st, 3),
				       sqlite3_column_int64(st, 4) +
				           (back > 0 ? back : 0) * 60);
	}
	if (!status && rc != SQLITE_DONE)
		status = db_step_error(db, rc, err);
	sqlite3_finalize(st);
	if (status) {
		free_ctx(&c);
		return status;
	}
	/* Without --start-over, a hotel's day that already has shuttles is
	 * left as it is. */
	size_t nneed;
	struct sneed *need = needs(&c, &nneed);
	long kept = 0;
	for (size_t i = 0; i < nneed; i++) {
		const struct sneed *e = &need[i];
		const struct shotel *h = &c.h[e->hotel];
		if (!opt->start_over) {
			sqlite3_stmt *q;
			long long from, to;
			char date[WHEN_DATE_LEN];
			when_format_day(e->day, date);
			if (when_day_bounds(db, date, &from, &to, NULL) ||
			    db_prepare(db,
			               "SELECT count(*) FROM trips WHERE kind = 'shuttle'"
			               " AND origin = ? AND destination = ? AND depart "
			               ">= ? AND depart < ?",
			               &q, err))
				continue;
			sqlite3_bind_int64(q, 1, h->place);
			sqlite3_bind_int64(q, 2, c.venue);
			sqlite3_bind_int64(q, 3, from);
			sqlite3_bind_int64(q, 4, to);
			bool has = sqlite3_step(q) == SQLITE_ROW &&
			           sqlite3_column_int64(q, 0) > 0;
			sqlite3_finalize(q);
			if (has) {
				kept++;
				continue;
			}
		}
		long long drive = planner_travel_minutes(c.travel, h->place, c.venue);
		if (drive < 0) {
			planner_note(plan,
			             "%s: no travel time to %s, so no shuttle is planned",
			             h->name, c.venue_name);
			continue;
		}
		drive *= 60;
		if (c.max_capacity > 0)
			c.bound +=
			    2 * ((e->people + c.max_capacity - 1) / c.max_capacity);
		char date[WHEN_DATE_LEN];
		when_format_day(e->day, date);
		for (int m = 1; m >= 0; m--) {
			long long short_by = plan_runs(&c, e, m, drive);
			if (!short_by)
				continue;
			char at[WHEN_TIME_LEN];
			when_format_local(db,
			                  m ? e->first_start -
			                          (long long)opt->shuttle_lead * 60
			                    : e->last_end,
			                  at);
			planner_shortfall(
			    plan, "%s, %s %s: %lld seat%s short %s %s at %s", h->name,
			    date, m ? "morning" : "evening", short_by,
			    short_by == 1 ? "" : "s", m ? "to reach" : "to leave",
			    c.venue_name, at + 11);
		}
	}
	if (kept)
		planner_note(plan,
		             "%ld hotel day%s with shuttles already planned left as %s "
		             "(--start-over plans them again)",
		             kept, kept == 1 ? "" : "s",
		             kept == 1 ? "it is" : "they are");
	free(need);
	plan->value = (double)c.trips;
	plan->bound = (double)c.bound;
	plan->has_bound = true;
	free_ctx(&c);
	return SUMMIT_OK;
}
