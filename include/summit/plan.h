/* The figures the planning screens draw: a day's programme with overlaps
 * and expected attendance, hotel nights against their blocks, a day's
 * trips and arrivals, the sessions a delegation attends, budget lines.
 * Each calls fn once per row; the row is valid during the call only, and
 * a non-zero return from fn stops and is returned. */
#ifndef SUMMIT_PLAN_H
#define SUMMIT_PLAN_H

#include <stdbool.h>

struct summit_db;
struct summit_err;

struct plan_session {
	long long id, room_id;
	const char *title, *kind, *room, *status;
	long long start, end;         /* UTC seconds */
	int start_minute, end_minute; /* since the day's local midnight */
	long long capacity, expected; /* seats, and the sizes of who attends */
	bool overlap; /* another session in the same room at the same time */
};
typedef int (*plan_session_fn)(const struct plan_session *s, void *ctx);
/* The sessions starting on date (YYYY-MM-DD), by start time. */
int plan_day_sessions(struct summit_db *db, const char *date, plan_session_fn fn,
                      void *ctx, struct summit_err *err);
/* The sessions delegation (an id) attends: all, participants, or listed. */
int plan_delegation_sessions(struct summit_db *db, long long delegation,
                             plan_session_fn fn, void *ctx, struct summit_err *err);

struct plan_night {
	long long hotel_id;
	const char *hotel, *night;
	long long block, allocated; /* rooms held, rooms given to delegations */
};
typedef int (*plan_night_fn)(const struct plan_night *n, void *ctx);
int plan_hotel_nights(struct summit_db *db, plan_night_fn fn, void *ctx,
                      struct summit_err *err);

struct plan_stay {
	long long hotel_id, delegation_id;
	const char *hotel, *code, *name, *first_night, *last_night;
	long long nights, rooms; /* nights allocated, most rooms on one night */
};
typedef int (*plan_stay_fn)(const struct plan_stay *s, void *ctx);
/* Who sleeps where: one row per hotel and delegation (hotel 0: every hotel;
 * delegation 0: every delegation). */
int plan_stays(struct summit_db *db, long long hotel, long long delegation,
               plan_stay_fn fn, void *ctx, struct summit_err *err);

struct plan_trip {
	long long id, vehicle_id;
	const char *vehicle, *kind, *origin, *destination, *driver;
	long long depart, arrive;
	long long riders, capacity;
};
typedef int (*plan_trip_fn)(const struct plan_trip *t, void *ctx);
/* The trips departing on date, by vehicle and time (vehicle 0: all). */
int plan_day_trips(struct summit_db *db, const char *date, long long vehicle,
                   plan_trip_fn fn, void *ctx, struct summit_err *err);

struct plan_flight {
	long long id, delegation_id, pickup;
	const char *delegation, *direction, *flight, *airport, *person;
	const char *pickup_vehicle; /* NULL without a pickup */
	long long time, pickup_depart;
	long long party;
};
typedef int (*plan_flight_fn)(const struct plan_flight *f, void *ctx);
/* Arrivals and departures on date (NULL: every date) of delegation (0:
 * all), by time. */
int plan_flights(struct summit_db *db, const char *date, long long delegation,
                 plan_flight_fn fn, void *ctx, struct summit_err *err);

struct plan_budget_line {
	long long id;
	const char *name, *category;
	long long amount, pledged, received; /* hundredths */
};
typedef int (*plan_budget_fn)(const struct plan_budget_line *l, void *ctx);
/* Each cost with the pledges that cover it; then one line (id 0) for the
 * pledges that cover no line. */
int plan_budget(struct summit_db *db, plan_budget_fn fn, void *ctx,
                struct summit_err *err);

/* Whole days from the event's first to last day, and its hours in use:
 * the dates with sessions, trips or flights, from first to last. */
int plan_days(struct summit_db *db, char (*first)[11], char (*last)[11],
              struct summit_err *err);

#endif
