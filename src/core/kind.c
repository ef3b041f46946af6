#include "summit/kind.h"
#include "summit/model.h"
#include "summit/programme.h"

#include <stdlib.h>
#include <string.h>

#include "summit/accreditation.h"
#include "summit/error.h"
#include "summit/invitation.h"
#include "summit/record.h"
#include "summit/when.h"
#include "ics_internal.h"
#include "internal.h"

#define COUNT(a)  (sizeof(a) / sizeof((a)[0]))
#define ENUM(...) ((const char *const[]){__VA_ARGS__, NULL})

static const char *const ranks[] = {
    "head-of-state",   "head-of-government", "vice-president", "minister",
    "deputy-minister", "ambassador",         "official",       NULL};
const char *const invitation_states[INVITATION_STATE_COUNT + 1] = {
#define INVITATION_STATE_NAME(ID, name) name,
    INVITATION_STATE_LIST(INVITATION_STATE_NAME)
#undef INVITATION_STATE_NAME
        NULL};
const char *const accreditation_states[] = {"requested", "approved", "printed",
                                            "collected", "revoked",  NULL};
const char *const badge_categories[] = {"participant", "observer", "press",
                                        "staff",       "security", NULL};

#define KIND_FIELD_ROW(id, name, ...) {name, __VA_ARGS__},

static const struct field event_fields[] = {EVENT_FIELDS(KIND_FIELD_ROW)};

/* New days or a new zone must still hold every session; a UID domain is
 * one word, as the ones summit makes from the name. */
static int check_event(struct summit_db *db, long long self, const char *const *v,
                       struct summit_err *err)
{
	(void)self;
	if (v[EVENT_UID_DOMAIN] &&
	    (!*v[EVENT_UID_DOMAIN] ||
	     strspn(v[EVENT_UID_DOMAIN], "abcdefghijklmnopqrstuvwxyz"
	                                 "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_") !=
	         strlen(v[EVENT_UID_DOMAIN])))
		return err_field(err, "uid_domain",
		                 "got \"%s\", expected letters, digits, '.', '-' or '_', "
		                 "like bamako-2007.summit",
		                 v[EVENT_UID_DOMAIN]);
	if (strcmp(v[EVENT_FIRST_DAY], v[EVENT_LAST_DAY]) > 0)
		return err_field(err, "last_day",
		                 "got %s, before the first day %s, expected a date on or "
		                 "after it",
		                 v[EVENT_LAST_DAY], v[EVENT_FIRST_DAY]);
	long long first, last, ignored;
	if (when_zone_day_bounds(v[EVENT_TIMEZONE], v[EVENT_FIRST_DAY], &first, &ignored,
	                         NULL) ||
	    when_zone_day_bounds(v[EVENT_TIMEZONE], v[EVENT_LAST_DAY], &ignored, &last,
	                         NULL))
		return SUMMIT_OK; /* reported field by field */
	sqlite3_stmt *st;
	int status = db_prepare(db,
	                        "SELECT count(*), min(id) FROM sessions"
	                        " WHERE start < ? OR \"end\" > ?",
	                        &st, err);
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, first);
	sqlite3_bind_int64(st, 2, last);
	long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (n > 0)
		status = err_set(err, SUMMIT_INVALID,
		                 "%lld session%s (%s#%lld) would fall outside %s to %s, "
		                 "expected days that hold the programme: move %s first",
		                 n, n == 1 ? "" : "s", n == 1 ? "" : "the first ",
		                 sqlite3_column_int64(st, 1), v[EVENT_FIRST_DAY],
		                 v[EVENT_LAST_DAY], n == 1 ? "it" : "them");
	sqlite3_finalize(st);
	return status;
}

/* The event's zone and days are cached in db; its UID domain is kept from
 * the first name, and before a rename, so calendars keep their UIDs. */
static int event_after_insert(struct summit_db *db, long long id, struct summit_err *err)
{
	(void)id;
	int status = db_refresh_event(db, err);
	return status ? status : ics_keep_uid_domain(db, err);
}

static int event_before_update(struct summit_db *db, long long id, struct summit_err *err)
{
	(void)id;
	return ics_keep_uid_domain(db, err);
}

static int event_after_update(struct summit_db *db, long long id, const char *const *was,
                              struct summit_err *err)
{
	(void)id;
	(void)was;
	return db_refresh_event(db, err);
}

static const struct field delegation_fields[] = {DELEGATION_FIELDS(KIND_FIELD_ROW)};

static const struct field person_fields[] = {PERSON_FIELDS(KIND_FIELD_ROW)};

static long long key_id(struct summit_db *db, const struct kind *kind, const char *key)
{
	long long id = 0;
	if (!key || !*key || record_find(db, kind, key, &id, NULL))
		return 0;
	return id;
}

/* A delegation has one head. */
static int check_person(struct summit_db *db, long long self, const char *const *v,
                        struct summit_err *err)
{
	if (strcmp(v[PERSON_ROLE], "head") != 0)
		return SUMMIT_OK;
	sqlite3_stmt *st;
	int status = db_prepare(db,
	                        "SELECT id, name FROM people"
	                        " WHERE delegation = ?1 AND role = 'head' AND id != ?2"
	                        " ORDER BY id LIMIT 1",
	                        &st, err);
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, key_id(db, &kind_delegations, v[PERSON_DELEGATION]));
	sqlite3_bind_int64(st, 2, self);
	if (sqlite3_step(st) == SQLITE_ROW)
		status =
		    err_field(err, "role",
		              "got head, but %s already has a head, %s (person #%lld), "
		              "expected another role, or %s's role changed first",
		              v[PERSON_DELEGATION], sqlite3_column_text(st, 1),
		              sqlite3_column_int64(st, 0), sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	return status;
}

static const struct field invitation_fields[] = {INVITATION_FIELDS(KIND_FIELD_ROW)};

static const struct field history_fields[] = {HISTORY_FIELDS(KIND_FIELD_ROW)};

static const struct field venue_fields[] = {VENUE_FIELDS(KIND_FIELD_ROW)};

static const struct field room_fields[] = {ROOM_FIELDS(KIND_FIELD_ROW)};

static const struct field session_fields[] = {SESSION_FIELDS(KIND_FIELD_ROW)};

/* Fails unless `to` is strictly after `from` (both user-form times). */
static int check_order(struct summit_db *db, const char *from, const char *to,
                       const char *to_field, struct summit_err *err)
{
	long long a, b;
	if (when_parse_local(db, from, &a, NULL) || when_parse_local(db, to, &b, NULL))
		return SUMMIT_OK; /* reported field by field */
	if (b <= a)
		return err_field(err, to_field,
		                 "got %s, not after %s, expected a later time", to, from);
	return SUMMIT_OK;
}

static int check_session(struct summit_db *db, long long self, const char *const *v,
                         struct summit_err *err)
{
	(void)self;
	int status = check_order(db, v[SESSION_START], v[SESSION_END], "end", err);
	if (status)
		return status;
	long long start, end, first, last, ignored;
	when_parse_local(db, v[SESSION_START], &start, NULL);
	when_parse_local(db, v[SESSION_END], &end, NULL);
	if (when_day_bounds(db, db->first_day, &first, &ignored, err) ||
	    when_day_bounds(db, db->last_day, &ignored, &last, err))
		return SUMMIT_INVALID;
	if (start < first)
		return err_field(
		    err, "start",
		    "got %s, before the event's first day %s, expected a time "
		    "within the event",
		    v[SESSION_START], db->first_day);
	if (end > last)
		return err_field(err, "end",
		                 "got %s, after the event's last day %s, expected a time "
		                 "within the event",
		                 v[SESSION_END], db->last_day);
	bool listed = v[SESSION_DELEGATIONS] && *v[SESSION_DELEGATIONS];
	if (strcmp(v[SESSION_ATTENDANCE], "list") == 0 && !listed)
		return err_field(
		    err, "delegations",
		    "empty while attendance is list, expected the codes of the "
		    "delegations that attend");
	if (strcmp(v[SESSION_ATTENDANCE], "list") != 0 && listed)
		return err_field(
		    err, "delegations",
		    "given while attendance is %s, expected none (or attendance=list)",
		    v[SESSION_ATTENDANCE]);
	return SUMMIT_OK;
}

static const struct field place_fields[] = {PLACE_FIELDS(KIND_FIELD_ROW)};

static const struct field travel_fields[] = {TRAVEL_FIELDS(KIND_FIELD_ROW)};

static int check_travel(struct summit_db *db, long long self, const char *const *v,
                        struct summit_err *err)
{
	(void)self;
	(void)db;
	if (strcmp(v[TRAVEL_ORIGIN], v[TRAVEL_DESTINATION]) == 0)
		return err_field(err, "destination",
		                 "got %s, the origin itself, expected another place",
		                 v[TRAVEL_DESTINATION]);
	return SUMMIT_OK;
}

static const struct field hotel_fields[] = {HOTEL_FIELDS(KIND_FIELD_ROW)};

static int check_hotel(struct summit_db *db, long long self, const char *const *v,
                       struct summit_err *err)
{
	(void)self;
	(void)db;
	if (v[HOTEL_STARS] && atoi(v[HOTEL_STARS]) > 5)
		return err_field(err, "stars", "got %s, expected 1 to 5", v[HOTEL_STARS]);
	return SUMMIT_OK;
}

static const struct field block_fields[] = {BLOCK_FIELDS(KIND_FIELD_ROW)};

static const struct field allocation_fields[] = {ALLOCATION_FIELDS(KIND_FIELD_ROW)};

static const struct field vehicle_fields[] = {VEHICLE_FIELDS(KIND_FIELD_ROW)};

static const struct field trip_fields[] = {TRIP_FIELDS(KIND_FIELD_ROW)};

/* ---- pickups: a trip linked to an arrival or a departure ---- */

/* Where and when a trip runs, as stored. */
struct leg {
	long long origin, destination, depart, arrive;
};

enum misfit { FITS, WRONG_PLACE, WRONG_DAY, WRONG_TIME };

/* An arrival's pickup leaves its airport after landing, the same day or
 * within the window; a departure's trip reaches its airport before
 * take-off, the same day or within the window. */
static enum misfit pickup_misfit(struct summit_db *db, bool arrival, long long airport,
                                 long long flight, const struct leg *trip)
{
	if ((arrival ? trip->origin : trip->destination) != airport)
		return WRONG_PLACE;
	long long at = arrival ? trip->depart : trip->arrive;
	if (arrival ? at < flight : at > flight)
		return WRONG_TIME;
	/* Another date is fine only within the window: a night flight met
	 * after midnight, never the next day's run. */
	char a[WHEN_TIME_LEN], b[WHEN_TIME_LEN];
	when_format_local(db, at, a);
	when_format_local(db, flight, b);
	if (strncmp(a, b, 10) != 0 && (arrival ? at > flight + MODEL_PICKUP_WINDOW
	                                       : at < flight - MODEL_PICKUP_WINDOW))
		return WRONG_DAY;
	return FITS;
}

static void place_name(struct summit_db *db, long long id, char *out, size_t size)
{
	sqlite3_stmt *st;
	snprintf(out, size, "place #%lld", id);
	if (db_prepare(db, "SELECT name FROM places WHERE id = ?1", &st, NULL))
		return;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* The arrival side: its pickup must fit the flight. */
static int check_arrival(struct summit_db *db, long long self, const char *const *v,
                         struct summit_err *err)
{
	(void)self;
	long long trip = key_id(db, &kind_trips, v[ARRIVAL_PICKUP]);
	long long airport = key_id(db, &kind_places, v[ARRIVAL_AIRPORT]);
	long long flight;
	if (!trip || !airport || when_parse_local(db, v[ARRIVAL_TIME], &flight, NULL))
		return SUMMIT_OK; /* no pickup, or reported field by field */
	sqlite3_stmt *st;
	int status = db_prepare(db,
	                        "SELECT origin, destination, depart, arrive FROM trips"
	                        " WHERE id = ?1",
	                        &st, err);
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, trip);
	struct leg leg = {0};
	if (sqlite3_step(st) == SQLITE_ROW)
		leg = (struct leg){
		    sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
		    sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3)};
	sqlite3_finalize(st);
	bool arrival = strcmp(v[ARRIVAL_DIRECTION], "arrival") == 0;
	char place[256], at[WHEN_TIME_LEN], when[WHEN_TIME_LEN];
	when_format_local(db, arrival ? leg.depart : leg.arrive, at);
	when_format_local(db, flight, when);
	switch (pickup_misfit(db, arrival, airport, flight, &leg)) {
	case FITS:
		return SUMMIT_OK;
	case WRONG_PLACE:
		place_name(db, arrival ? leg.origin : leg.destination, place,
		           sizeof place);
		return err_field(err, "pickup",
		                 arrival
		                     ? "got trip #%lld, which leaves from %s, expected a "
		                       "trip from the flight's airport %s"
		                     : "got trip #%lld, which goes to %s, expected a "
		                       "trip to the flight's airport %s",
		                 trip, place, v[ARRIVAL_AIRPORT]);
	case WRONG_DAY:
		return err_field(err, "pickup",
		                 arrival
		                     ? "got trip #%lld, which leaves at %s, another day "
		                       "and more than 6 hours after the flight lands at "
		                       "%s, expected a trip that leaves soon after it "
		                       "lands"
		                     : "got trip #%lld, which reaches the airport at %s, "
		                       "another day and more than 6 hours before the "
		                       "flight leaves at %s, expected a trip shortly "
		                       "before it leaves",
		                 trip, at, when);
	case WRONG_TIME:
		return err_field(err, "pickup",
		                 arrival
		                     ? "got trip #%lld, which leaves at %s, before the "
		                       "flight lands at %s, expected a trip that leaves "
		                       "after it lands"
		                     : "got trip #%lld, which reaches the airport at %s, "
		                       "after the flight leaves at %s, expected a trip "
		                       "that arrives before it leaves",
		                 trip, at + 11, when + 11);
	}
	return SUMMIT_OK;
}

/* The trip side: a changed trip must still fit the flights it meets. */
static int check_trip_flights(struct summit_db *db, long long self, const struct leg *leg,
                              const char *const *v, struct summit_err *err)
{
	sqlite3_stmt *st;
	int status = db_prepare(db,
	                        "SELECT id, direction = 'arrival', airport, time,"
	                        " coalesce(flight, '') FROM arrivals"
	                        " WHERE pickup = ?1 ORDER BY time, id",
	                        &st, err);
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, self);
	while (!status && sqlite3_step(st) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		bool arrival = sqlite3_column_int(st, 1);
		long long airport = sqlite3_column_int64(st, 2);
		long long flight = sqlite3_column_int64(st, 3);
		const char *name = (const char *)sqlite3_column_text(st, 4);
		char place[256], when[WHEN_TIME_LEN];
		when_format_local(db, flight, when);
		place_name(db, airport, place, sizeof place);
		const char *what = arrival ? "lands" : "leaves";
		switch (pickup_misfit(db, arrival, airport, flight, leg)) {
		case FITS:
			break;
		case WRONG_PLACE:
			status = err_field(
			    err, arrival ? "origin" : "destination",
			    "got %s, but the trip %s arrival #%lld (flight %s) at %s, "
			    "expected %s, or another pickup for that flight first",
			    v[arrival ? TRIP_ORIGIN : TRIP_DESTINATION],
			    arrival ? "meets" : "takes", id, name, place, place);
			break;
		case WRONG_DAY:
		case WRONG_TIME:
			status = err_field(
			    err, arrival ? "depart" : "arrive",
			    "got %s, but the trip %s arrival #%lld (flight %s), which %s "
			    "at %s, expected a time %s that day (or within 6 hours), or "
			    "another pickup for that flight first",
			    v[arrival ? TRIP_DEPART : TRIP_ARRIVE],
			    arrival ? "meets" : "takes", id, name, what, when,
			    arrival ? "after it lands" : "before it leaves");
			break;
		}
	}
	sqlite3_finalize(st);
	return status;
}

static int check_trip(struct summit_db *db, long long self, const char *const *v,
                      struct summit_err *err)
{
	if (strcmp(v[TRIP_ORIGIN], v[TRIP_DESTINATION]) == 0)
		return err_field(err, "destination",
		                 "got %s, the origin itself, expected another place",
		                 v[TRIP_DESTINATION]);
	int status = check_order(db, v[TRIP_DEPART], v[TRIP_ARRIVE], "arrive", err);
	if (status || !self)
		return status;
	struct leg leg = {key_id(db, &kind_places, v[TRIP_ORIGIN]),
	                  key_id(db, &kind_places, v[TRIP_DESTINATION])};
	if (when_parse_local(db, v[TRIP_DEPART], &leg.depart, NULL) ||
	    when_parse_local(db, v[TRIP_ARRIVE], &leg.arrive, NULL))
		return SUMMIT_OK;
	return check_trip_flights(db, self, &leg, v, err);
}

static const struct field arrival_fields[] = {ARRIVAL_FIELDS(KIND_FIELD_ROW)};

static const struct field partner_fields[] = {PARTNER_FIELDS(KIND_FIELD_ROW)};

static const struct field cost_fields[] = {COST_FIELDS(KIND_FIELD_ROW)};

static const struct field pledge_fields[] = {PLEDGE_FIELDS(KIND_FIELD_ROW)};

static const struct field task_fields[] = {TASK_FIELDS(KIND_FIELD_ROW)};
static const struct field accreditation_fields[] = {ACCREDITATION_FIELDS(KIND_FIELD_ROW)};
static const struct field badge_history_fields[] = {BADGE_HISTORY_FIELDS(KIND_FIELD_ROW)};
static const struct field checkin_fields[] = {CHECKIN_FIELDS(KIND_FIELD_ROW)};
static const struct field session_history_fields[] = {
    SESSION_HISTORY_FIELDS(KIND_FIELD_ROW)};

#define KIND(var, pl, si, fl, keyidx, ...)                                               \
	const struct kind var = {.plural = pl,                                           \
	                         .singular = si,                                         \
	                         .table = pl,                                            \
	                         .fields = fl,                                           \
	                         .nfields = COUNT(fl),                                   \
	                         .key = keyidx,                                          \
	                         __VA_ARGS__}

KIND(kind_event, "event", "event", event_fields, 0, .singleton = true,
     .check = check_event, .after_insert = event_after_insert,
     .before_update = event_before_update, .after_update = event_after_update,
     .affects = ENUM("session-outside-event", "late-arrival", "no-hotel"),
     .help = "the meeting itself: one per file");
KIND(kind_delegations, "delegations", "delegation", delegation_fields, 0,
     .affects = ENUM("room-too-small", "delegation-double-booked", "late-arrival",
                     "shuttle-late", "no-hotel"),
     .help = "a state or an organisation taking part");
KIND(kind_people, "people", "person", person_fields, 0, .check = check_person,
     .affects = ENUM("no-hotel"), .help = "a member of a delegation");
KIND(kind_invitations, "invitations", "invitation", invitation_fields, 0,
     .after_insert = invitation_after_insert,
     /* Accepting makes a delegation expected: at sessions, in hotels. */
     .affects = ENUM("room-too-small", "no-hotel"),
     .help = "one per delegation, with its channel and state");
KIND(kind_history, "history", "history", history_fields, 0, .import_only = true,
     .written_by = "`summit invitation`", .check = invitation_check_history,
     .after_import = invitation_check_histories,
     .help = "every change of an invitation's state");
KIND(kind_venues, "venues", "venue", venue_fields, 0, .help = "a conference centre");
KIND(kind_rooms, "rooms", "room", room_fields, 0, .affects = ENUM("room-too-small"),
     .help = "a meeting room of a venue");
KIND(kind_sessions, "sessions", "session", session_fields, 0, .check = check_session,
     .after_update = programme_after_update,
     .affects = ENUM("room-double-booked", "room-too-small", "session-outside-event",
                     "delegation-double-booked", "late-arrival", "shuttle-late"),
     .help = "a meeting in the programme");
KIND(kind_places, "places", "place", place_fields, 0,
     .affects = ENUM("late-arrival", "shuttle-late", "trip-too-short"),
     .help = "airport, hotel, venue: where vehicles stop");
KIND(kind_travel, "travel", "travel", travel_fields, 0, .check = check_travel,
     .unique_rule = "another row joins the same two places, expected one row per pair "
                    "of places (it covers both directions)",
     .affects = ENUM("late-arrival", "shuttle-late", "trip-too-short"),
     .help = "minutes by road between two places");
KIND(kind_hotels, "hotels", "hotel", hotel_fields, 0, .check = check_hotel,
     .affects = ENUM("shuttle-late", "trip-too-short"),
     .help = "where delegations sleep");
KIND(kind_blocks, "blocks", "block", block_fields, 0, .affects = ENUM("hotel-overbooked"),
     .help = "rooms a hotel holds for the event, per night");
KIND(kind_allocations, "allocations", "allocation", allocation_fields, 0,
     .affects = ENUM("hotel-overbooked", "no-hotel", "shuttle-late"),
     .help = "rooms given to a delegation, per night");
KIND(kind_vehicles, "vehicles", "vehicle", vehicle_fields, 0,
     .affects = ENUM("vehicle-too-small", "driver-double-booked"),
     .help = "a bus, van or car with its driver");
KIND(kind_trips, "trips", "trip", trip_fields, 0, .check = check_trip,
     .affects = ENUM("pickup-early", "vehicle-too-small", "vehicle-double-booked",
                     "driver-double-booked", "trip-too-short", "late-arrival",
                     "shuttle-late"),
     .help = "a vehicle's run from place to place");
KIND(kind_arrivals, "arrivals", "arrival", arrival_fields, 0, .check = check_arrival,
     .affects = ENUM("pickup-early", "late-arrival", "no-hotel"),
     .help = "a flight in or out, with its pickup");
KIND(kind_partners, "partners", "partner", partner_fields, 0,
     .help = "who supports the event");
KIND(kind_costs, "costs", "cost", cost_fields, 0, .help = "a line of the budget");
KIND(kind_pledges, "pledges", "pledge", pledge_fields, 0,
     .help = "what a partner promised and what arrived");
KIND(kind_tasks, "tasks", "task", task_fields, 0, .help = "a planning deadline");
KIND(kind_accreditations, "accreditations", "accreditation", accreditation_fields, 0,
     .after_insert = accreditation_after_insert,
     .help = "a person's badge: number, category and state");
KIND(kind_badge_history, "badge-history", "badge-history", badge_history_fields, 0,
     .import_only = true, .written_by = "`summit accreditation`",
     .check = accreditation_check_history, .after_import = accreditation_check_histories,
     .help = "every change of a badge's state");
KIND(kind_checkins, "checkins", "checkin", checkin_fields, 0, .import_only = true,
     .written_by = "`summit checkin` and check-in mode",
     .help = "a badge scanned at the venue's entrance or a room's door");
KIND(kind_session_history, "session-history", "session-history", session_history_fields,
     0, .import_only = true,
     .written_by = "every change of a session's room, times or status",
     .help = "every move of a session to another room or time, and its cancellation");

const struct kind *const kinds[] = {
    &kind_event,          &kind_delegations,   &kind_people,   &kind_invitations,
    &kind_history,        &kind_venues,        &kind_rooms,    &kind_sessions,
    &kind_places,         &kind_travel,        &kind_hotels,   &kind_blocks,
    &kind_allocations,    &kind_vehicles,      &kind_trips,    &kind_arrivals,
    &kind_partners,       &kind_costs,         &kind_pledges,  &kind_tasks,
    &kind_accreditations, &kind_badge_history, &kind_checkins, &kind_session_history,
};
const size_t kind_count = COUNT(kinds);

const struct kind *kind_find(const char *name)
{
	for (size_t i = 0; i < kind_count; i++)
		if (strcmp(kinds[i]->plural, name) == 0 ||
		    strcmp(kinds[i]->singular, name) == 0)
			return kinds[i];
	return NULL;
}

int kind_field_index(const struct kind *kind, const char *name)
{
	for (size_t i = 0; i < kind->nfields; i++)
		if (strcmp(kind->fields[i].name, name) == 0)
			return (int)i;
	return -1;
}
