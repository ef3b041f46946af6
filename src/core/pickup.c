/* Meeting an arrival with a trip: the draft of the trip and the link. */
#include "summit/pickup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "summit/browse.h"
#include "summit/error.h"
#include "summit/kind.h"
#include "summit/plan.h"
#include "summit/record.h"
#include "summit/when.h"
#include "summit/xalloc.h"

struct riders {
	struct summit_db *db;
	struct strbuf ids;
	long long left;
};

static int add_rider(const struct browse_row *row, void *ctx)
{
	struct riders *r = ctx;
	if (r->left-- > 0)
		strbuf_addf(&r->ids, "%s%lld", r->ids.buf ? " " : "", row->id);
	return 0;
}

/* The people the arrival brings: its person, else the first of its
 * delegation up to the party's size. */
static void party_ids(struct summit_db *db, const struct record *arrival,
                      struct strbuf *out)
{
	const char *person = arrival->values[ARRIVAL_PERSON];
	if (person && *person) {
		strbuf_add(out, person);
		return;
	}
	struct record_filter by = {PERSON_DELEGATION,
	                           arrival->values[ARRIVAL_DELEGATION]};
	struct browse b = {.kind = &kind_people, .filters = &by, .nfilters = 1};
	struct riders r = {
	    db,
	    {0},
	    atoll(arrival->values[ARRIVAL_PARTY] ? arrival->values[ARRIVAL_PARTY] : "1")};
	browse_each(db, &b, 0, -1, add_rider, &r, NULL);
	if (r.ids.buf)
		strbuf_add(out, r.ids.buf);
	strbuf_free(&r.ids);
}

static int first_hotel(const struct plan_stay *s, void *ctx)
{
	char **hotel = ctx;
	if (!*hotel)
		*hotel = xstrdup(s->hotel);
	return 0;
}

/* Minutes from origin to destination, or 0 when not known. */
static long long travel_minutes(struct summit_db *db, const char *origin,
                                const char *destination)
{
	struct record_filter by[2] = {{TRAVEL_ORIGIN, origin},
	                              {TRAVEL_DESTINATION, destination}};
	struct browse b = {.kind = &kind_travel, .filters = by, .nfilters = 2};
	struct riders r = {db, {0}, 1};
	browse_each(db, &b, 0, 1, add_rider, &r, NULL);
	long long minutes = 0;
	if (r.ids.buf) {
		struct record rec = {0};
		if (record_get(db, &kind_travel, atoll(r.ids.buf), &rec, NULL) ==
		    SUMMIT_OK)
			minutes = atoll(rec.values[TRAVEL_MINUTES]);
		record_clear(&rec);
	}
	strbuf_free(&r.ids);
	return minutes;
}

int pickup_draft(struct summit_db *db, long long arrival, int margin_minutes,
                 char ***values, struct summit_err *err)
{
	struct record rec = {0};
	int status = record_get(db, &kind_arrivals, arrival, &rec, err);
	if (status)
		return status;
	char **v = xcalloc(kind_trips.nfields, sizeof *v);
	v[TRIP_KIND] = xstrdup("pickup");
	long long landing;
	struct summit_err why;
	err_clear(&why);
	if (when_parse_local(db, rec.values[ARRIVAL_TIME], &landing, &why) == SUMMIT_OK) {
		char when[WHEN_TIME_LEN];
		long long depart = landing + margin_minutes * 60LL;
		when_format_local(db, depart, when);
		v[TRIP_DEPART] = xstrdup(when);
		v[TRIP_ORIGIN] = xstrdup(rec.values[ARRIVAL_AIRPORT]);
		/* The hotel the delegation sleeps in, when it is a place. */
		long long delegation;
		char *hotel = NULL;
		long long place;
		if (record_find(db, &kind_delegations, rec.values[ARRIVAL_DELEGATION],
		                &delegation, NULL) == SUMMIT_OK)
			plan_stays(db, 0, delegation, first_hotel, &hotel, NULL);
		if (hotel &&
		    record_find(db, &kind_places, hotel, &place, NULL) == SUMMIT_OK) {
			v[TRIP_DESTINATION] = hotel;
			long long minutes = travel_minutes(db, v[TRIP_ORIGIN], hotel);
			when_format_local(db, depart + (minutes ? minutes : 30) * 60,
			                  when);
			v[TRIP_ARRIVE] = xstrdup(when);
		} else {
			free(hotel);
		}
	}
	struct strbuf riders = {0};
	party_ids(db, &rec, &riders);
	v[TRIP_RIDERS] = riders.buf ? strbuf_take(&riders) : NULL;
	v[TRIP_NOTE] = xasprintf(
	    "%s%s%s", rec.values[ARRIVAL_FLIGHT] ? rec.values[ARRIVAL_FLIGHT] : "",
	    rec.values[ARRIVAL_FLIGHT] ? " " : "", rec.values[ARRIVAL_DELEGATION]);
	record_clear(&rec);
	*values = v;
	return SUMMIT_OK;
}

int pickup_link(struct summit_db *db, long long arrival, long long trip,
                struct summit_err *err)
{
	struct record a = {0}, t = {0};
	int status = record_get(db, &kind_arrivals, arrival, &a, err);
	if (!status)
		status = record_get(db, &kind_trips, trip, &t, err);
	if (!status) {
		/* The trip's riders, then the party's not among them. */
		struct strbuf party = {0}, riders = {0};
		party_ids(db, &a, &party);
		const char *have = t.values[TRIP_RIDERS] ? t.values[TRIP_RIDERS] : "";
		strbuf_add(&riders, have);
		char *copy = xstrdup(party.buf ? party.buf : "");
		for (char *save = NULL, *w = strtok_r(copy, " ", &save); w;
		     w = strtok_r(NULL, " ", &save)) {
			bool there = false;
			char *list = xstrdup(have);
			for (char *s2 = NULL, *x = strtok_r(list, " ", &s2); x && !there;
			     x = strtok_r(NULL, " ", &s2))
				there = strcmp(x, w) == 0;
			free(list);
			if (!there)
				strbuf_addf(&riders, "%s%s",
				            riders.buf && *riders.buf ? " " : "", w);
		}
		free(copy);
		char **tv = xcalloc(kind_trips.nfields, sizeof *tv);
		tv[TRIP_RIDERS] = riders.buf ? riders.buf : "";
		status = record_update(db, &kind_trips, trip, tv, 0, err);
		free(tv);
		strbuf_free(&party);
		strbuf_free(&riders);
	}
	if (!status) {
		char **av = xcalloc(kind_arrivals.nfields, sizeof *av);
		char id[24];
		snprintf(id, sizeof id, "%lld", trip);
		av[ARRIVAL_PICKUP] = id;
		status = record_update(db, &kind_arrivals, arrival, av, 0, err);
		free(av);
	}
	record_clear(&a);
	record_clear(&t);
	return status;
}
