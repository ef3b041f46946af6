/* The transport's checks: late landings, pickups, vehicles and drivers,
 * trips, arrival details, cars for heads of state and government. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "internal.h"
#include "summit/xalloc.h"

static const struct model_flight *first_landing(struct check_ctx *c, size_t from,
                                                size_t to)
{
	for (size_t i = from; i < to; i++)
		if (!c->arr[i].departure)
			return &c->arr[i];
	return NULL;
}

/* Writes late-arrival's message for one late landing. */
static int late_message(struct check_ctx *c, const struct model_delegation *d,
                        const struct check_late *l)
{
	const struct check_late_session *first = &l->missed[0];
	char land[WHEN_TIME_LEN], r[WHEN_TIME_LEN], st[WHEN_TIME_LEN], label[300];
	char who[600], more[80] = "";
	check_local_time(c, l->landed, land);
	if (l->nmissed > 1)
		snprintf(more, sizeof more, "; %s misses %zu sessions %s must attend",
		         l->head ? "the head" : "it", l->nmissed,
		         l->head ? "the delegation" : "it");
	check_dlg_label(d, label, sizeof label);
	if (l->head)
		snprintf(who, sizeof who, "%s, head of %s,", l->head, label);
	else
		snprintf(who, sizeof who, "%s", label);
	struct check_subject sub[] = {check_subj_dlg(d),
	                              {&kind_sessions, first->id, NULL, first->title},
	                              {&kind_arrivals, l->arrival, NULL, l->flight}};
	long day = model_local_day(&c->m, l->landed);
	return check_emit(
	    c, day, day, sub, 3,
	    "%s lands at %s on %.10s%s%s%s and cannot reach %s before \"%s\" starts "
	    "at %s (at %s at the earliest)%s",
	    who, land + 11, land, l->flight ? " (" : "", l->flight ? l->flight : "",
	    l->flight ? ")" : "", first->venue, first->title,
	    check_hhmm(c, first->start, st), check_hhmm(c, first->reach, r), more);
}

/* The rule of a late arrival, for the check's message and for
 * check_late_arrivals: the sessions d must attend (c->att from k) that
 * start before landing a lets it reach their venue. */
static int late_for(struct check_ctx *c, const struct model_delegation *d, size_t k,
                    const struct model_flight *a, const char *head)
{
	size_t di = (size_t)(d - c->dlg), n = 0, cap = 0;
	struct check_late_session *missed = NULL;
	for (size_t j = k; j < c->natt && c->att[j].dlg == di; j++) {
		const struct model_session *s = &c->sess[c->att[j].sess];
		long long place = check_venue_place(c, s->venue);
		long long m = check_travel_minutes(c, a->airport, place);
		long long at = a->time + (m > 0 ? m : 0) * 60;
		if (at <= s->start)
			continue;
		GROW(missed, n, cap);
		missed[n++] = (struct check_late_session){
		    .id = s->id,
		    .start = s->start,
		    .reach = at,
		    .title = s->title,
		    .room = s->room_name,
		    .venue = place ? check_place_name(c, place) : s->room_name};
	}
	if (!n)
		return SUMMIT_OK;
	struct check_late late = {.delegation = d->id,
	                          .arrival = a->id,
	                          .person = head ? a->person : 0,
	                          .code = d->code,
	                          .name = d->name,
	                          .head = head,
	                          .flight = a->flight,
	                          .airport = a->airport,
	                          .landed = a->time,
	                          .missed = missed,
	                          .nmissed = n};
	when_format_day(model_arrival_night(&c->m, a->time), late.night);
	int status;
	if (c->late) {
		status = c->late(&late, c->late_ctx);
		if (status && !c->status)
			c->status = status;
	} else {
		status = late_message(c, d, &late);
	}
	free(missed);
	return status;
}

/* late-arrival: the main party's first landing, and a head of delegation
 * travelling apart who lands after it. */
int check_late_arrival(struct check_ctx *c)
{
	struct person_names heads = {0};
	int status =
	    check_query(c,
	                "SELECT id, name FROM people WHERE role = 'head' AND id IN"
	                " (SELECT person FROM arrivals) ORDER BY id",
	                NULL, NULL, check_row_person, &heads);
	size_t k = 0; /* walks c->att, sorted by delegation index = id order */
	for (size_t from = 0; !status && from < c->narr && !c->status;) {
		size_t to = check_flight_run(c, from), start = from;
		struct model_delegation *d = check_find_dlg(c, c->arr[from].delegation);
		from = to;
		if (!d || !model_needs_logistics(d))
			continue;
		const struct model_flight *party = NULL;
		for (size_t i = start; i < to && !party; i++)
			if (!c->arr[i].departure && !c->arr[i].person)
				party = &c->arr[i];
		if (!party)
			party = first_landing(c, start, to);
		if (!party)
			continue;
		size_t di = (size_t)(d - c->dlg);
		while (k < c->natt && c->att[k].dlg < di)
			k++;
		late_for(c, d, k, party, NULL);
		for (size_t i = start; i < to && !c->status; i++) {
			const struct model_flight *a = &c->arr[i];
			const char *head =
			    a->person ? check_person_name(&heads, a->person) : NULL;
			if (head && !a->departure && a->time > party->time && a != party)
				late_for(c, d, k, a, head);
		}
	}
	check_free_person_names(&heads);
	return status ? status : c->status;
}

/* no-pickup */
int check_no_pickup(struct check_ctx *c)
{
	for (size_t i = 0; i < c->narr && !c->status; i++) {
		const struct model_flight *a = &c->arr[i];
		if (a->departure || a->pickup)
			continue;
		struct model_delegation *d = check_find_dlg(c, a->delegation);
		char land[WHEN_TIME_LEN], label[300];
		check_local_time(c, a->time, land);
		struct check_subject s[] = {check_subj_dlg(d),
		                            {&kind_arrivals, a->id, NULL, a->flight}};
		long day = model_local_day(&c->m, a->time);
		check_emit(c, day, day, s, 2,
		           "%s: %lld %s on %s landing at %s on %.10s %s no pickup",
		           check_dlg_label(d, label, sizeof label), a->party,
		           a->party == 1 ? "person" : "people",
		           a->flight ? a->flight : "a flight", land + 11, land,
		           a->party == 1 ? "has" : "have");
	}
	return c->status;
}

/* pickup-early */
int check_pickup_early(struct check_ctx *c)
{
	long long margin = c->settings.pickup_margin * 60LL;
	for (size_t i = 0; i < c->narr && !c->status; i++) {
		const struct model_flight *a = &c->arr[i];
		const struct trip *t = a->pickup ? check_find_trip(c, a->pickup) : NULL;
		if (a->departure || !t || t->depart >= a->time + margin)
			continue;
		struct model_delegation *d = check_find_dlg(c, a->delegation);
		char land[WHEN_TIME_LEN], dep[WHEN_TIME_LEN], label[300], gap[64];
		check_local_time(c, a->time, land);
		long long minutes = (t->depart - a->time) / 60;
		if (minutes < 0)
			snprintf(gap, sizeof gap, "%lld minutes before", -minutes);
		else
			snprintf(gap, sizeof gap, "%lld minute%s after", minutes,
			         minutes == 1 ? "" : "s");
		struct check_subject s[] = {check_subj_trip(t),
		                            check_subj_vehicle(t),
		                            check_subj_dlg(d),
		                            {&kind_arrivals, a->id, NULL, a->flight}};
		long day = model_local_day(&c->m, t->depart);
		check_emit(
		    c, day, day, s, 4,
		    "Trip #%lld (%s) leaves %s at %s on %.10s, %s %s%s%s lands; it "
		    "should "
		    "leave at least %d minutes after landing",
		    t->id, t->code, check_place_name(c, t->origin),
		    check_hhmm(c, t->depart, dep), land, gap,
		    check_dlg_label(d, label, sizeof label), a->flight ? " on " : "",
		    a->flight ? a->flight : "", c->settings.pickup_margin);
	}
	return c->status;
}

/* vehicle-too-small */
static int row_too_small(struct check_ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	const struct trip *t = check_find_trip(c, sqlite3_column_int64(st, 0));
	if (!t)
		return SUMMIT_OK;
	long long riders = sqlite3_column_int64(st, 1),
	          party = sqlite3_column_int64(st, 2);
	long long people = riders > party ? riders : party;
	if (people <= t->capacity)
		return SUMMIT_OK;
	char dep[WHEN_TIME_LEN];
	check_local_time(c, t->depart, dep);
	struct check_subject s[] = {check_subj_trip(t), check_subj_vehicle(t)};
	long day = model_local_day(&c->m, t->depart);
	return check_emit(
	    c, day, day, s, 2,
	    "Trip #%lld from %s to %s on %.10s at %s carries %lld people, but %s seats "
	    "%lld",
	    t->id, check_place_name(c, t->origin), check_place_name(c, t->destination),
	    dep, dep + 11, people, t->code, t->capacity);
}

int check_vehicle_too_small(struct check_ctx *c)
{
	return check_query(
	    c,
	    "SELECT t.id, coalesce(r.n, 0), coalesce(p.n, 0) FROM trips t"
	    " LEFT JOIN (SELECT owner, count(*) AS n FROM trip_riders"
	    "  GROUP BY owner) r ON r.owner = t.id"
	    " LEFT JOIN (SELECT pickup, sum(party) AS n FROM arrivals"
	    "  WHERE pickup IS NOT NULL GROUP BY pickup) p ON p.pickup = t.id"
	    " WHERE r.n IS NOT NULL OR p.n IS NOT NULL ORDER BY t.id",
	    NULL, NULL, row_too_small, NULL);
}

/* vehicle-double-booked, driver-double-booked */
static int vehicle_overlap(struct check_ctx *c, const struct span *a,
                           const struct span *b)
{
	const struct trip *x = &c->trip[a->idx], *y = &c->trip[b->idx];
	char when[80];
	long day;
	check_overlap_text(c, a, b, when, sizeof when, &day);
	struct check_subject s[] = {check_subj_vehicle(x), check_subj_trip(x),
	                            check_subj_trip(y)};
	return check_emit(
	    c, day, day, s, 3,
	    "%s is on trip #%lld (%s to %s) and trip #%lld (%s to %s) at once %s",
	    x->code, x->id, check_place_name(c, x->origin),
	    check_place_name(c, x->destination), y->id, check_place_name(c, y->origin),
	    check_place_name(c, y->destination), when);
}

int check_vehicle_double_booked(struct check_ctx *c)
{
	struct span *v = xmalloc((c->ntrip ? c->ntrip : 1) * sizeof *v);
	for (size_t i = 0; i < c->ntrip; i++)
		v[i] = (struct span){c->trip[i].vehicle, c->trip[i].depart,
		                     c->trip[i].arrive, i};
	check_sweep(c, v, c->ntrip, vehicle_overlap);
	free(v);
	return c->status;
}

static int driver_overlap(struct check_ctx *c, const struct span *a, const struct span *b)
{
	const struct trip *x = &c->trip[a->idx], *y = &c->trip[b->idx];
	if (x->vehicle == y->vehicle)
		return SUMMIT_OK; /* vehicle-double-booked says it */
	char when[80];
	long day;
	check_overlap_text(c, a, b, when, sizeof when, &day);
	struct check_subject s[] = {check_subj_vehicle(x), check_subj_vehicle(y),
	                            check_subj_trip(x), check_subj_trip(y)};
	return check_emit(c, day, day, s, 4,
	                  "%s drives %s (trip #%lld) and %s (trip #%lld) at once %s",
	                  x->driver, x->code, x->id, y->code, y->id, when);
}

static int cmp_trip_driver(const void *a, const void *b)
{
	const struct trip *const *x = a, *const *y = b;
	return strcmp((*x)->driver, (*y)->driver);
}

int check_driver_double_booked(struct check_ctx *c)
{
	/* Number the drivers by name, then sweep as for vehicles. */
	const struct trip **by = xmalloc((c->ntrip ? c->ntrip : 1) * sizeof *by);
	for (size_t i = 0; i < c->ntrip; i++)
		by[i] = &c->trip[i];
	check_sort(by, c->ntrip, sizeof *by, cmp_trip_driver);
	struct span *v = xmalloc((c->ntrip ? c->ntrip : 1) * sizeof *v);
	size_t n = 0;
	long long driver = 0;
	for (size_t i = 0; i < c->ntrip; i++) {
		if (!*by[i]->driver)
			continue;
		if (i == 0 || strcmp(by[i]->driver, by[i - 1]->driver) != 0)
			driver++;
		v[n++] = (struct span){driver, by[i]->depart, by[i]->arrive,
		                       (size_t)(by[i] - c->trip)};
	}
	check_sweep(c, v, n, driver_overlap);
	free(v);
	free(by);
	return c->status;
}

/* trip-too-short */
int check_trip_too_short(struct check_ctx *c)
{
	for (size_t i = 0; i < c->ntrip && !c->status; i++) {
		const struct trip *t = &c->trip[i];
		long long need = check_travel_minutes(c, t->origin, t->destination);
		long long planned = (t->arrive - t->depart) / 60;
		if (need < 0 || (t->arrive - t->depart) >= need * 60)
			continue;
		char dep[WHEN_TIME_LEN];
		check_local_time(c, t->depart, dep);
		struct check_subject s[] = {check_subj_trip(t), check_subj_vehicle(t)};
		long day = model_local_day(&c->m, t->depart);
		check_emit(
		    c, day, day, s, 2,
		    "Trip #%lld (%s) from %s to %s on %.10s at %s is planned in %lld "
		    "minute%s, "
		    "but the road takes %lld",
		    t->id, t->code, check_place_name(c, t->origin),
		    check_place_name(c, t->destination), dep, dep + 11, planned,
		    planned == 1 ? "" : "s", need);
	}
	return c->status;
}

/* arrival-details-missing */
int check_arrival_details_missing(struct check_ctx *c)
{
	long days_left = c->first_num - c->today_num;
	if (days_left > c->settings.arrival_days)
		return SUMMIT_OK;
	size_t ai = 0;
	for (size_t i = 0; i < c->ndlg && !c->status; i++) {
		const struct model_delegation *d = &c->dlg[i];
		while (ai < c->narr && c->arr[ai].delegation < d->id)
			ai++;
		bool has = false;
		for (size_t j = ai; j < c->narr && c->arr[j].delegation == d->id; j++)
			has |= !c->arr[j].departure;
		if (has || !model_needs_logistics(d))
			continue;
		char label[300], when[80];
		if (days_left > 0)
			snprintf(when, sizeof when, "%ld day%s before the event",
			         days_left, days_left == 1 ? "" : "s");
		else
			snprintf(when, sizeof when, "and the event has begun");
		struct check_subject s[] = {check_subj_dlg(d)};
		check_emit(c, 0, 0, s, 1, "%s %s but has no arrival details yet, %s",
		           check_dlg_label(d, label, sizeof label),
		           d->state ? "has accepted" : "is expected", when);
	}
	return c->status;
}

/* head-without-car */
static int row_head(struct check_ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	struct model_delegation *d = check_find_dlg(c, sqlite3_column_int64(st, 0));
	if (!d || !model_needs_logistics(d))
		return SUMMIT_OK;
	long long person = sqlite3_column_int64(st, 1);
	const char *name = (const char *)sqlite3_column_text(st, 2);
	const char *rank = (const char *)sqlite3_column_text(st, 3);
	const char *role = strcmp(rank, "head-of-state") == 0 ? "head of state"
	                   : strcmp(rank, "head-of-government") == 0
	                       ? "head of government"
	                       : "minister";
	char label[300];
	if (person) {
		struct check_subject s[] = {{&kind_people, person, NULL, name},
		                            check_subj_dlg(d)};
		return check_emit(c, 0, 0, s, 2, "%s, %s of %s, has no dedicated car",
		                  name, role, check_dlg_label(d, label, sizeof label));
	}
	struct check_subject s[] = {check_subj_dlg(d)};
	return check_emit(
	    c, 0, 0, s, 1,
	    "The %s of %s%s%s%s is not among its people, so no car carries them", role,
	    check_dlg_label(d, label, sizeof label), name ? " (" : "", name ? name : "",
	    name ? ")" : "");
}

int check_head_without_car(struct check_ctx *c)
{
	/* A dedicated car: a car whose trips carry only that delegation's people.
	 * From the cars to their trips and riders (CROSS JOIN keeps that order),
	 * not through every rider of every bus. ?1 is a third rank that needs
	 * one: minister when the event's minister_cars says so. IN over a
	 * subquery that does not depend on h: SQLite builds the set of people
	 * with a car of their own once, not once a head. */
	// clang-format off
	return check_query(c,
	    "WITH car AS ("
	    "       SELECT t.vehicle, r.ref, p.delegation FROM vehicles v"
	    "        CROSS JOIN trips t ON t.vehicle = v.id"
	    "        CROSS JOIN trip_riders r ON r.owner = t.id"
	    "         JOIN people p ON p.id = r.ref"
	    "        WHERE v.kind = 'car'),"
	    "     own AS ("
	    "       SELECT vehicle FROM car GROUP BY vehicle"
	    "       HAVING min(delegation) = max(delegation)),"
	    "     head AS ("
	    "       SELECT p.delegation, p.id, p.name, coalesce(p.rank, d.rank) AS rank"
	    "         FROM people p JOIN delegations d ON d.id = p.delegation"
	    "        WHERE p.rank IN ('head-of-state', 'head-of-government', ?1)"
	    "           OR (p.role = 'head' AND p.rank IS NULL"
	    "               AND d.rank IN ('head-of-state', 'head-of-government', ?1)))"
	    " SELECT h.delegation, h.id, h.name, h.rank FROM head h"
	    "  WHERE h.id NOT IN (SELECT car.ref FROM car JOIN own ON own.vehicle = car.vehicle)"
	    " UNION ALL"
	    " SELECT d.id, 0, d.head, d.rank FROM delegations d"
	    "  WHERE d.rank IN ('head-of-state', 'head-of-government', ?1)"
	    "    AND NOT EXISTS (SELECT 1 FROM head h WHERE h.delegation = d.id)"
	    " ORDER BY 1, 2",
	    c->settings.minister_cars ? "minister" : "head-of-state", NULL, row_head, NULL);
	// clang-format on
}
