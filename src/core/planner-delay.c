/* summit arrival delay: a flight moves; only what it touches is planned
 * again. Its pickup (or departure trip) moves by the delay, on the same
 * vehicle when that is free then, else on another free one that holds the
 * party; a trip it shares with other flights is split, the others keeping
 * theirs; a head's dedicated car riding beside it moves with it. Each trip
 * changed grows its revision, so its calendars' SEQUENCE grows. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "planner_internal.h"
#include "summit/db.h"
#include "summit/kind.h"
#include "summit/record.h"
#include "summit/when.h"

struct dtrip {
	long long id, revision, vehicle, origin, destination, depart, arrive;
	bool locked;
	char *riders; /* space-separated people ids */
};

struct dveh {
	long long id, capacity;
	char *code;
};

static char *dup_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

static int load_trip(struct summit_db *db, long long id, struct dtrip *t,
                     struct summit_err *err)
{
	// clang-format off
	static const char sql[] =
	    "SELECT t.id, t.revision, t.vehicle, t.origin, t.destination, t.depart, t.arrive,"
	    " t.locked = 'yes',"
	    " (SELECT group_concat(ref, ' ') FROM (SELECT ref FROM trip_riders"
	    "   WHERE owner = t.id ORDER BY ref))"
	    " FROM trips t WHERE t.id = ?";
	// clang-format on
	sqlite3_stmt *st;
	int status = db_prepare(db, sql, &st, err);
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		*t = (struct dtrip){sqlite3_column_int64(st, 0),
		                    sqlite3_column_int64(st, 1),
		                    sqlite3_column_int64(st, 2),
		                    sqlite3_column_int64(st, 3),
		                    sqlite3_column_int64(st, 4),
		                    sqlite3_column_int64(st, 5),
		                    sqlite3_column_int64(st, 6),
		                    sqlite3_column_int(st, 7) != 0,
		                    dup_text(st, 8)};
	else
		status = err_set(err, SUMMIT_NOT_FOUND, "no trip #%lld", id);
	sqlite3_finalize(st);
	return status;
}

/* Is the vehicle (or its driver) free over [from, to), apart from the
 * trips in `except`? */
static bool vehicle_free(struct summit_db *db, long long vehicle, long long from,
                         long long to, const long long *except, size_t nexcept)
{
	// clang-format off
	static const char sql[] =
	    "SELECT t.id FROM trips t JOIN vehicles v ON v.id = t.vehicle"
	    " WHERE (t.vehicle = ?1 OR (v.driver IS NOT NULL AND v.driver <> ''"
	    "  AND v.driver = (SELECT driver FROM vehicles WHERE id = ?1)))"
	    " AND t.depart < ?3 AND ?2 < t.arrive + 60 * coalesce((SELECT minutes FROM travel r"
	    "  WHERE min(r.origin, r.destination) = min(t.origin, t.destination)"
	    "  AND max(r.origin, r.destination) = max(t.origin, t.destination)), 0)";
	// clang-format on
	sqlite3_stmt *st;
	if (db_prepare(db, sql, &st, NULL))
		return false;
	sqlite3_bind_int64(st, 1, vehicle);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, to);
	bool free_ = true;
	while (free_ && sqlite3_step(st) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		bool excepted = false;
		for (size_t i = 0; i < nexcept; i++)
			excepted |= except[i] == id;
		free_ = excepted;
	}
	sqlite3_finalize(st);
	return free_;
}

/* A free vehicle holding seats over the span: the smallest, cars only for
 * a car. 0 when none. */
static long long free_vehicle(struct summit_db *db, long long seats, bool car,
                              long long from, long long to, const long long *except,
                              size_t nexcept, long long *capacity)
{
	sqlite3_stmt *st;
	if (db_prepare(db,
	               "SELECT id, capacity FROM vehicles WHERE capacity >= ?"
	               " AND (? = 0 OR kind = 'car') ORDER BY kind = 'car', capacity, id",
	               &st, NULL))
		return 0;
	sqlite3_bind_int64(st, 1, seats);
	sqlite3_bind_int(st, 2, car);
	long long found = 0;
	while (!found && sqlite3_step(st) == SQLITE_ROW)
		if (vehicle_free(db, sqlite3_column_int64(st, 0), from, to, except,
		                 nexcept)) {
			found = sqlite3_column_int64(st, 0);
			*capacity = sqlite3_column_int64(st, 1);
		}
	sqlite3_finalize(st);
	return found;
}

static char *vehicle_code(struct summit_db *db, long long id)
{
	sqlite3_stmt *st;
	char *code = NULL;
	if (!db_prepare(db, "SELECT code FROM vehicles WHERE id = ?", &st, NULL)) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			code = dup_text(st, 0);
		sqlite3_finalize(st);
	}
	return code ? code : xstrdup("?");
}

static long long minutes_back(struct summit_db *db, const struct dtrip *t)
{
	struct planner_travel *travel;
	long long m = 0;
	if (!planner_travel_load(db, &travel, NULL))
		m = planner_travel_minutes(travel, t->origin, t->destination);
	planner_travel_free(travel);
	return m > 0 ? m * 60 : 0;
}

/* Moves trip t by shift seconds: on its vehicle when free, else another. */
static void move_trip(struct summit_db *db, struct planner_plan *plan,
                      const struct dtrip *t, long long shift, long long seats, bool car,
                      const long long *except, size_t nexcept, const char *why)
{
	long long depart = t->depart + shift, arrive = t->arrive + shift;
	long long back = minutes_back(db, t);
	long long vehicle = t->vehicle, capacity = 0;
	if (!vehicle_free(db, vehicle, depart, arrive + back, except, nexcept))
		vehicle = free_vehicle(db, seats, car, depart, arrive + back, except,
		                       nexcept, &capacity);
	char dep[WHEN_TIME_LEN], arr[WHEN_TIME_LEN];
	when_format_local(db, depart, dep);
	when_format_local(db, arrive, arr);
	if (!vehicle) {
		char *code = vehicle_code(db, t->vehicle);
		planner_shortfall(
		    plan,
		    "trip #%lld cannot move to %s: %s is busy then and no other %s "
		    "for %lld is free",
		    t->id, dep, code, car ? "car" : "vehicle", seats);
		free(code);
		return;
	}
	char **v = planner_values(&kind_trips);
	v[TRIP_DEPART] = xstrdup(dep);
	v[TRIP_ARRIVE] = xstrdup(arr);
	char *code = vehicle_code(db, vehicle);
	if (vehicle != t->vehicle)
		v[TRIP_VEHICLE] = xstrdup(code);
	planner_change(
	    plan, &kind_trips, t->id, t->revision, v,
	    xasprintf("trip #%lld %s to %s on %s%s (%s)", t->id, dep, arr + 11, code,
	              vehicle != t->vehicle ? ", its own vehicle being busy" : "", why));
	free(code);
}

/* The flight's own change: its new time, and its new trip when it has one
 * (change number `trip`, or -1). Last, so the trip it names comes first. */
static void change_flight(struct planner_plan *plan, const struct record *a,
                          const char *moved, bool departure, long trip)
{
	const char *flight =
	    a->values[ARRIVAL_FLIGHT] ? a->values[ARRIVAL_FLIGHT] : "flight";
	char **v = planner_values(&kind_arrivals);
	v[ARRIVAL_TIME] = xstrdup(moved);
	if (trip >= 0)
		v[ARRIVAL_PICKUP] = xstrdup("");
	size_t i = planner_change(plan, &kind_arrivals, a->id, a->revision, v,
	                          xasprintf("%s %s %s now at %s%s",
	                                    a->values[ARRIVAL_DELEGATION], flight,
	                                    departure ? "leaves" : "lands", moved,
	                                    trip >= 0 ? ", on a trip of its own" : ""));
	if (trip >= 0) {
		plan->v[i].ref_field = ARRIVAL_PICKUP;
		plan->v[i].ref_change = (size_t)trip;
	}
}

int planner_delay(struct summit_db *db, const struct planner_options *opt,
                  long long arrival, int minutes, struct planner_plan *plan,
                  struct summit_err *err)
{
	if (!db_has_event(db))
		return err_no_event(err);
	if (minutes == 0 || minutes < -24 * 60 || minutes > 24 * 60)
		return err_field(
		    err, "minutes",
		    "got %d, expected minutes from -1440 to 1440 other than 0", minutes);
	struct record a = {0};
	int status = record_get(db, &kind_arrivals, arrival, &a, err);
	if (status)
		return status;
	long long when;
	status = when_parse_local(db, a.values[ARRIVAL_TIME], &when, err);
	if (status) {
		record_clear(&a);
		return status;
	}
	long long shift = (long long)minutes * 60;
	char moved[WHEN_TIME_LEN];
	when_format_local(db, when + shift, moved);
	const char *flight =
	    a.values[ARRIVAL_FLIGHT] ? a.values[ARRIVAL_FLIGHT] : "flight";
	bool departure = strcmp(a.values[ARRIVAL_DIRECTION], "departure") == 0;
	long long party = atoll(a.values[ARRIVAL_PARTY]);
	char why[160];
	snprintf(why, sizeof why, "%s of %s %+d minutes", flight,
	         a.values[ARRIVAL_DELEGATION], minutes);

	long new_trip = -1;
	long long pickup = a.values[ARRIVAL_PICKUP] ? atoll(a.values[ARRIVAL_PICKUP]) : 0;
	if (!pickup) {
		planner_note(plan,
		             "the flight has no trip: `summit plan pickups` plans one");
		change_flight(plan, &a, moved, departure, -1);
		record_clear(&a);
		return SUMMIT_OK;
	}
	struct dtrip t;
	status = load_trip(db, pickup, &t, err);
	if (status) {
		record_clear(&a);
		return status;
	}
	if (t.locked) {
		planner_note(plan, "trip #%lld is locked: it stays at its time", t.id);
		change_flight(plan, &a, moved, departure, -1);
		free(t.riders);
		record_clear(&a);
		return SUMMIT_OK;
	}
	/* A pickup must still leave after landing plus the margin, a
	 * departure trip still reach the airport the margin before take-off:
	 * the trip moves only as far as it has to. */
	long long need = departure ? when + shift - (long long)opt->departure_margin * 60
	                           : when + shift + (long long)opt->pickup_margin * 60;
	long long trip_shift = departure ? (need < t.arrive ? need - t.arrive : 0)
	                                 : (need > t.depart ? need - t.depart : 0);

	/* The other flights on the trip, and the head's car beside it. */
	sqlite3_stmt *st;
	long long others = 0;
	status = db_prepare(
	    db, "SELECT count(*) FROM arrivals WHERE pickup = ? AND id <> ?", &st, err);
	if (!status) {
		sqlite3_bind_int64(st, 1, t.id);
		sqlite3_bind_int64(st, 2, a.id);
		if (sqlite3_step(st) == SQLITE_ROW)
			others = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	long long car_trip = 0;
	if (!status) {
		/* A car at the same time carrying only this delegation (or this
		 * person), not linked to a flight: the head's. */
		// clang-format off
		status = db_prepare(db,
		    "SELECT t.id FROM trips t JOIN vehicles v ON v.id = t.vehicle"
		    " WHERE v.kind = 'car' AND t.id <> ?1 AND t.depart = ?2 AND t.origin = ?3"
		    " AND t.destination = ?4 AND t.locked <> 'yes'"
		    " AND NOT EXISTS (SELECT 1 FROM arrivals x WHERE x.pickup = t.id)"
		    " AND EXISTS (SELECT 1 FROM trip_riders r WHERE r.owner = t.id"
		    "  AND (?6 = 0 OR r.ref = ?6))"
		    " AND NOT EXISTS (SELECT 1 FROM trip_riders r JOIN people p ON p.id = r.ref"
		    "  WHERE r.owner = t.id AND p.delegation <> (SELECT delegation FROM arrivals"
		    "   WHERE id = ?5))", &st, err);
		// clang-format on
		if (!status) {
			sqlite3_bind_int64(st, 1, t.id);
			sqlite3_bind_int64(st, 2, t.depart);
			sqlite3_bind_int64(st, 3, t.origin);
			sqlite3_bind_int64(st, 4, t.destination);
			sqlite3_bind_int64(st, 5, a.id);
			sqlite3_bind_int64(st, 6,
			                   a.values[ARRIVAL_PERSON]
			                       ? atoll(a.values[ARRIVAL_PERSON])
			                       : 0);
			if (sqlite3_step(st) == SQLITE_ROW)
				car_trip = sqlite3_column_int64(st, 0);
			sqlite3_finalize(st);
		}
	}
	if (status || !trip_shift) {
		if (!status) {
			planner_note(
			    plan, "trip #%lld still meets the flight: it stays as it is",
			    t.id);
			change_flight(plan, &a, moved, departure, -1);
		}
		free(t.riders);
		record_clear(&a);
		return status;
	}
	long long except[2] = {t.id, car_trip};
	size_t nexcept = car_trip ? 2 : 1;
	if (!others) {
		move_trip(db, plan, &t, trip_shift, party, false, except, nexcept, why);
	} else {
		/* Shared with other flights: they keep the trip, this flight's
		 * people ride a trip of their own. */
		long long back = minutes_back(db, &t), capacity = 0;
		long long depart = t.depart + trip_shift, arrive = t.arrive + trip_shift;
		long long vehicle = free_vehicle(db, party, false, depart, arrive + back,
		                                 except, nexcept, &capacity);
		char dep[WHEN_TIME_LEN], arr[WHEN_TIME_LEN];
		when_format_local(db, depart, dep);
		when_format_local(db, arrive, arr);
		if (!vehicle) {
			planner_shortfall(
			    plan,
			    "%s, %s: no vehicle for %lld free to carry %s apart from "
			    "trip #%lld",
			    a.values[ARRIVAL_AIRPORT], dep, party, flight, t.id);
		} else {
			/* Its people: the riders of its delegation on the trip. */
			struct strbuf mine = {0}, rest = {0};
			strbuf_add(&mine, "");
			strbuf_add(&rest, "");
			// clang-format off
			status = db_prepare(db,
			    "SELECT r.ref, p.delegation = (SELECT delegation FROM arrivals WHERE id = ?2)"
			    "  AND (?3 = 0 OR r.ref = ?3)"
			    " FROM trip_riders r JOIN people p ON p.id = r.ref WHERE r.owner = ?1"
			    " ORDER BY r.ref", &st, err);
			// clang-format on
			if (!status) {
				sqlite3_bind_int64(st, 1, t.id);
				sqlite3_bind_int64(st, 2, a.id);
				sqlite3_bind_int64(st, 3,
				                   a.values[ARRIVAL_PERSON]
				                       ? atoll(a.values[ARRIVAL_PERSON])
				                       : 0);
				while (sqlite3_step(st) == SQLITE_ROW) {
					struct strbuf *to =
					    sqlite3_column_int(st, 1) ? &mine : &rest;
					strbuf_addf(to, "%s%lld", to->len ? " " : "",
					            sqlite3_column_int64(st, 0));
				}
				sqlite3_finalize(st);
			}
			char *code = vehicle_code(db, vehicle);
			char **tv = planner_values(&kind_trips);
			tv[TRIP_VEHICLE] = xstrdup(code);
			tv[TRIP_KIND] = xstrdup(departure ? "departure" : "pickup");
			tv[TRIP_ORIGIN] = xasprintf("#%lld", t.origin);
			tv[TRIP_DESTINATION] = xasprintf("#%lld", t.destination);
			tv[TRIP_DEPART] = xstrdup(dep);
			tv[TRIP_ARRIVE] = xstrdup(arr);
			if (mine.len)
				tv[TRIP_RIDERS] = xstrdup(mine.buf);
			tv[TRIP_NOTE] =
			    xasprintf("%s (%s)", flight, a.values[ARRIVAL_DELEGATION]);
			new_trip = (long)planner_add(
			    plan, &kind_trips, tv,
			    xasprintf("%s %s to %s for %s apart from trip #%lld "
			              "(%s)",
			              code, dep, arr + 11, flight, t.id, why));
			char **rv = planner_values(&kind_trips);
			rv[TRIP_RIDERS] = xstrdup(rest.buf);
			planner_change(
			    plan, &kind_trips, t.id, t.revision, rv,
			    xasprintf("trip #%lld keeps its time for the other flights, "
			              "without %s's people",
			              t.id, a.values[ARRIVAL_DELEGATION]));
			strbuf_free(&mine);
			strbuf_free(&rest);
			free(code);
		}
	}
	if (car_trip) {
		struct dtrip car;
		if (!load_trip(db, car_trip, &car, NULL)) {
			move_trip(db, plan, &car, trip_shift, 1, true, except, nexcept,
			          why);
			free(car.riders);
		}
	}
	change_flight(plan, &a, moved, departure, new_trip);
	free(t.riders);
	record_clear(&a);
	return SUMMIT_OK;
}
