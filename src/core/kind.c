#include "summit/kind.h"

#include <stdlib.h>
#include <string.h>

#include "summit/error.h"
#include "summit/record.h"
#include "summit/when.h"
#include "internal.h"

#define COUNT(a)  (sizeof(a) / sizeof((a)[0]))
#define ENUM(...) ((const char *const[]){__VA_ARGS__, NULL})

static const char *const ranks[] = {
    "head-of-state",   "head-of-government", "vice-president", "minister",
    "deputy-minister", "ambassador",         "official",       NULL};
const char *const invitation_states[] = {"draft",        "sent",     "delivered",
                                         "acknowledged", "accepted", "declined",
                                         "withdrawn",    NULL};

#define REQ FIELD_REQUIRED

static const struct field event_fields[] = {
    {"name", FIELD_TEXT, REQ, .help = "the meeting's name"},
    {"country", FIELD_TEXT, REQ, .help = "the host country"},
    {"city", FIELD_TEXT, REQ, .help = "where it meets"},
    {"first_day", FIELD_DATE, REQ, .help = "first day of the meeting"},
    {"last_day", FIELD_DATE, REQ, .help = "last day of the meeting"},
    {"timezone", FIELD_ZONE, REQ, .help = "Olson name, e.g. Africa/Bamako"},
    {"currency", FIELD_CODE, 0, .help = "of the budget, e.g. XOF"},
    {"uid_domain", FIELD_TEXT, 0,
     .help = "what calendar UIDs end with after '@'; kept from the first name, so "
             "a rename changes no UID"},
};

/* New days or a new zone must still hold every session; a UID domain is
 * one word, as the ones summit makes from the name. */
static int check_event(struct summit_db *db, const char *const *v, struct summit_err *err)
{
	if (v[7] && (!*v[7] || strspn(v[7], "abcdefghijklmnopqrstuvwxyz"
	                                    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_") !=
	                           strlen(v[7])))
		return err_field(err, "uid_domain",
		                 "got \"%s\", expected letters, digits, '.', '-' or '_', "
		                 "like bamako-2007.summit",
		                 v[7]);
	if (strcmp(v[3], v[4]) > 0)
		return err_field(err, "last_day",
		                 "got %s, before the first day %s, expected a date on or "
		                 "after it",
		                 v[4], v[3]);
	long long first, last, ignored;
	if (when_zone_day_bounds(v[5], v[3], &first, &ignored, NULL) ||
	    when_zone_day_bounds(v[5], v[4], &ignored, &last, NULL))
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
		                 sqlite3_column_int64(st, 1), v[3], v[4],
		                 n == 1 ? "it" : "them");
	sqlite3_finalize(st);
	return status;
}

static const struct field delegation_fields[] = {
    {"code", FIELD_CODE, REQ | FIELD_UNIQUE,
     .help = "ISO 3166 alpha-3 for a state, an acronym for an organisation"},
    {"name", FIELD_TEXT, REQ, .help = "as it is written, accents and all"},
    {"kind", FIELD_ENUM, REQ, ENUM("state", "igo", "civil-society", "press")},
    {"status", FIELD_ENUM, REQ, ENUM("participant", "observer", "guest")},
    {"head", FIELD_TEXT, 0, .help = "head of delegation"},
    {"rank", FIELD_ENUM, 0, ranks, .help = "rank of the head of delegation"},
    {"size", FIELD_INT, FIELD_POSITIVE, .fallback = "1", .help = "people expected"},
    {"email", FIELD_TEXT, FIELD_ONE_LINE, .help = "contact address for invitations"},
};

static const struct field person_fields[] = {
    {"id", FIELD_ID, 0},
    {"delegation", FIELD_REF, REQ, .ref = "delegations"},
    {"name", FIELD_TEXT, REQ},
    {"title", FIELD_TEXT, 0},
    {"role", FIELD_ENUM, 0, ENUM("head", "member", "security", "interpreter", "liaison"),
     .fallback = "member"},
    {"rank", FIELD_ENUM, 0, ranks},
    {"needs", FIELD_TEXT, 0, .help = "accessibility, diet"},
    {"email", FIELD_TEXT, FIELD_ONE_LINE},
};

static const struct field invitation_fields[] = {
    {"delegation", FIELD_REF, REQ | FIELD_UNIQUE, .ref = "delegations"},
    {"state", FIELD_ENUM, FIELD_FIXED, invitation_states, .fallback = "draft",
     .help = "changed with `summit invitation`"},
    {"channel", FIELD_TEXT, 0, .fallback = "direct", .help = "how it travels"},
    {"via", FIELD_REF, 0, .ref = "delegations",
     .help = "the delegation that delivers it for the host"},
    {"deadline", FIELD_DATE, 0, .help = "answer expected by"},
    {"note", FIELD_TEXT, 0},
};

static const struct field history_fields[] = {
    {"id", FIELD_ID, 0},
    {"delegation", FIELD_REF, REQ | FIELD_CASCADE, .ref = "invitations"},
    {"at", FIELD_TIME, REQ},
    {"old_state", FIELD_ENUM, 0, invitation_states},
    {"new_state", FIELD_ENUM, REQ, invitation_states},
    {"channel", FIELD_TEXT, 0},
    {"note", FIELD_TEXT, 0},
};

static const struct field venue_fields[] = {
    {"name", FIELD_TEXT, REQ | FIELD_UNIQUE},
    {"city", FIELD_TEXT, 0},
    {"address", FIELD_TEXT, 0},
};

static const struct field room_fields[] = {
    {"name", FIELD_TEXT, REQ | FIELD_UNIQUE},
    {"venue", FIELD_REF, REQ, .ref = "venues"},
    {"capacity", FIELD_INT, REQ | FIELD_POSITIVE, .help = "seats"},
    {"booths", FIELD_INT, FIELD_NONNEG, .fallback = "0", .help = "interpretation booths"},
};

static const struct field session_fields[] = {
    {"id", FIELD_ID, 0},
    {"title", FIELD_TEXT, REQ},
    {"kind", FIELD_ENUM, REQ,
     ENUM("plenary", "working-group", "bilateral", "side-event", "ceremony",
          "civil-society")},
    {"room", FIELD_REF, REQ, .ref = "rooms"},
    {"start", FIELD_TIME, REQ},
    {"end", FIELD_TIME, REQ},
    {"attendance", FIELD_ENUM, 0, ENUM("all", "participants", "list"), .fallback = "all",
     .help = "who attends: everyone, participants only, or the listed delegations"},
    {"delegations", FIELD_REFLIST, 0, .ref = "delegations",
     .link = "session_delegations"},
    {"status", FIELD_ENUM, 0, ENUM("scheduled", "cancelled"), .fallback = "scheduled"},
    {"description", FIELD_TEXT, 0},
};

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

static int check_session(struct summit_db *db, const char *const *v,
                         struct summit_err *err)
{
	int status = check_order(db, v[4], v[5], "end", err);
	if (status)
		return status;
	long long start, end, first, last, ignored;
	when_parse_local(db, v[4], &start, NULL);
	when_parse_local(db, v[5], &end, NULL);
	if (when_day_bounds(db, db->first_day, &first, &ignored, err) ||
	    when_day_bounds(db, db->last_day, &ignored, &last, err))
		return SUMMIT_INVALID;
	if (start < first)
		return err_field(
		    err, "start",
		    "got %s, before the event's first day %s, expected a time "
		    "within the event",
		    v[4], db->first_day);
	if (end > last)
		return err_field(err, "end",
		                 "got %s, after the event's last day %s, expected a time "
		                 "within the event",
		                 v[5], db->last_day);
	bool listed = v[7] && *v[7];
	if (strcmp(v[6], "list") == 0 && !listed)
		return err_field(
		    err, "delegations",
		    "empty while attendance is list, expected the codes of the "
		    "delegations that attend");
	if (strcmp(v[6], "list") != 0 && listed)
		return err_field(
		    err, "delegations",
		    "given while attendance is %s, expected none (or attendance=list)",
		    v[6]);
	return SUMMIT_OK;
}

static const struct field place_fields[] = {
    {"name", FIELD_TEXT, REQ | FIELD_UNIQUE},
    {"kind", FIELD_ENUM, REQ, ENUM("airport", "hotel", "venue", "other")},
    {"address", FIELD_TEXT, 0},
};

static const struct field travel_fields[] = {
    {"id", FIELD_ID, 0},
    {"origin", FIELD_REF, REQ, .ref = "places"},
    {"destination", FIELD_REF, REQ, .ref = "places"},
    {"minutes", FIELD_INT, REQ | FIELD_POSITIVE, .help = "by road, either way"},
};

static int check_travel(struct summit_db *db, const char *const *v,
                        struct summit_err *err)
{
	(void)db;
	if (strcmp(v[1], v[2]) == 0)
		return err_field(err, "destination",
		                 "got %s, the origin itself, expected another place",
		                 v[2]);
	return SUMMIT_OK;
}

static const struct field hotel_fields[] = {
    {"name", FIELD_TEXT, REQ | FIELD_UNIQUE},
    {"place", FIELD_REF, 0, .ref = "places", .help = "where its shuttles stop"},
    {"address", FIELD_TEXT, 0},
    {"stars", FIELD_INT, FIELD_POSITIVE},
};

static int check_hotel(struct summit_db *db, const char *const *v, struct summit_err *err)
{
	(void)db;
	if (v[3] && atoi(v[3]) > 5)
		return err_field(err, "stars", "got %s, expected 1 to 5", v[3]);
	return SUMMIT_OK;
}

static const struct field block_fields[] = {
    {"id", FIELD_ID, 0},
    {"hotel", FIELD_REF, REQ, .ref = "hotels"},
    {"night", FIELD_DATE, REQ, .help = "the date the night begins"},
    {"rooms", FIELD_INT, REQ | FIELD_POSITIVE, .help = "rooms held for the event"},
};

static const struct field allocation_fields[] = {
    {"id", FIELD_ID, 0},
    {"hotel", FIELD_REF, REQ, .ref = "hotels"},
    {"delegation", FIELD_REF, REQ, .ref = "delegations"},
    {"night", FIELD_DATE, REQ},
    {"rooms", FIELD_INT, REQ | FIELD_POSITIVE},
};

static const struct field vehicle_fields[] = {
    {"code", FIELD_CODE, REQ | FIELD_UNIQUE, .help = "e.g. BUS-1"},
    {"kind", FIELD_ENUM, REQ, ENUM("bus", "minibus", "van", "car")},
    {"capacity", FIELD_INT, REQ | FIELD_POSITIVE, .help = "passenger seats"},
    {"driver", FIELD_TEXT, 0},
    {"phone", FIELD_TEXT, 0},
    {"plate", FIELD_TEXT, 0},
};

static const struct field trip_fields[] = {
    {"id", FIELD_ID, 0},
    {"vehicle", FIELD_REF, REQ, .ref = "vehicles"},
    {"kind", FIELD_ENUM, 0, ENUM("pickup", "departure", "shuttle", "transfer"),
     .fallback = "transfer"},
    {"origin", FIELD_REF, REQ, .ref = "places"},
    {"destination", FIELD_REF, REQ, .ref = "places"},
    {"depart", FIELD_TIME, REQ},
    {"arrive", FIELD_TIME, REQ},
    {"riders", FIELD_REFLIST, 0, .ref = "people", .link = "trip_riders",
     .help = "ids of the people carried"},
    {"note", FIELD_TEXT, 0},
};

static int check_trip(struct summit_db *db, const char *const *v, struct summit_err *err)
{
	if (strcmp(v[3], v[4]) == 0)
		return err_field(err, "destination",
		                 "got %s, the origin itself, expected another place",
		                 v[4]);
	return check_order(db, v[5], v[6], "arrive", err);
}

static const struct field arrival_fields[] = {
    {"id", FIELD_ID, 0},
    {"delegation", FIELD_REF, REQ, .ref = "delegations"},
    {"person", FIELD_REF, 0, .ref = "people", .help = "when one person travels apart"},
    {"direction", FIELD_ENUM, 0, ENUM("arrival", "departure"), .fallback = "arrival"},
    {"flight", FIELD_TEXT, 0},
    {"airport", FIELD_REF, REQ, .ref = "places"},
    {"time", FIELD_TIME, REQ, .help = "landing or take-off"},
    {"party", FIELD_INT, FIELD_POSITIVE, .fallback = "1", .help = "people on the flight"},
    {"pickup", FIELD_REF, 0, .ref = "trips", .help = "the trip that meets or takes them"},
};

static const struct field partner_fields[] = {
    {"name", FIELD_TEXT, REQ | FIELD_UNIQUE},
    {"kind", FIELD_ENUM, 0, ENUM("state", "organisation", "company", "foundation")},
    {"contact", FIELD_TEXT, 0},
};

static const struct field cost_fields[] = {
    {"name", FIELD_TEXT, REQ | FIELD_UNIQUE, .help = "a budget line"},
    {"category", FIELD_TEXT, 0},
    {"amount", FIELD_MONEY, REQ | FIELD_NONNEG},
    {"note", FIELD_TEXT, 0},
};

static const struct field pledge_fields[] = {
    {"id", FIELD_ID, 0},
    {"partner", FIELD_REF, REQ, .ref = "partners"},
    {"kind", FIELD_ENUM, 0, ENUM("cash", "in-kind"), .fallback = "cash"},
    {"amount", FIELD_MONEY, REQ | FIELD_NONNEG, .help = "pledged (in kind: its value)"},
    {"received", FIELD_MONEY, FIELD_NONNEG, .fallback = "0"},
    {"cost", FIELD_REF, 0, .ref = "costs", .help = "the budget line it covers"},
    {"description", FIELD_TEXT, 0},
};

static const struct field task_fields[] = {
    {"id", FIELD_ID, 0},
    {"title", FIELD_TEXT, REQ},
    {"owner", FIELD_TEXT, 0},
    {"due", FIELD_DATE, REQ},
    {"state", FIELD_ENUM, 0, ENUM("open", "in-progress", "done", "cancelled"),
     .fallback = "open"},
    {"note", FIELD_TEXT, 0},
};

#define KIND(var, pl, si, fl, keyidx, ...)                                               \
	static const struct kind var = {.plural = pl,                                    \
	                                .singular = si,                                  \
	                                .table = pl,                                     \
	                                .fields = fl,                                    \
	                                .nfields = COUNT(fl),                            \
	                                .key = keyidx,                                   \
	                                __VA_ARGS__}

KIND(event_kind, "event", "event", event_fields, 0, .check = check_event,
     .help = "the meeting itself: one per file");
KIND(delegation_kind, "delegations", "delegation", delegation_fields, 0,
     .help = "a state or an organisation taking part");
KIND(person_kind, "people", "person", person_fields, 0,
     .help = "a member of a delegation");
KIND(invitation_kind, "invitations", "invitation", invitation_fields, 0,
     .help = "one per delegation, with its channel and state");
KIND(history_kind, "history", "history", history_fields, 0, .import_only = true,
     .check = invitation_check_history, .help = "every change of an invitation's state");
KIND(venue_kind, "venues", "venue", venue_fields, 0, .help = "a conference centre");
KIND(room_kind, "rooms", "room", room_fields, 0, .help = "a meeting room of a venue");
KIND(session_kind, "sessions", "session", session_fields, 0, .check = check_session,
     .help = "a meeting in the programme");
KIND(place_kind, "places", "place", place_fields, 0,
     .help = "airport, hotel, venue: where vehicles stop");
KIND(travel_kind, "travel", "travel", travel_fields, 0, .check = check_travel,
     .unique_rule = "another row joins the same two places, expected one row per pair "
                    "of places (it covers both directions)",
     .help = "minutes by road between two places");
KIND(hotel_kind, "hotels", "hotel", hotel_fields, 0, .check = check_hotel,
     .help = "where delegations sleep");
KIND(block_kind, "blocks", "block", block_fields, 0,
     .help = "rooms a hotel holds for the event, per night");
KIND(allocation_kind, "allocations", "allocation", allocation_fields, 0,
     .help = "rooms given to a delegation, per night");
KIND(vehicle_kind, "vehicles", "vehicle", vehicle_fields, 0,
     .help = "a bus, van or car with its driver");
KIND(trip_kind, "trips", "trip", trip_fields, 0, .check = check_trip,
     .help = "a vehicle's run from place to place");
KIND(arrival_kind, "arrivals", "arrival", arrival_fields, 0,
     .help = "a flight in or out, with its pickup");
KIND(partner_kind, "partners", "partner", partner_fields, 0,
     .help = "who supports the event");
KIND(cost_kind, "costs", "cost", cost_fields, 0, .help = "a line of the budget");
KIND(pledge_kind, "pledges", "pledge", pledge_fields, 0,
     .help = "what a partner promised and what arrived");
KIND(task_kind, "tasks", "task", task_fields, 0, .help = "a planning deadline");

const struct kind *const kinds[] = {
    &event_kind,   &delegation_kind, &person_kind,     &invitation_kind, &history_kind,
    &venue_kind,   &room_kind,       &session_kind,    &place_kind,      &travel_kind,
    &hotel_kind,   &block_kind,      &allocation_kind, &vehicle_kind,    &trip_kind,
    &arrival_kind, &partner_kind,    &cost_kind,       &pledge_kind,     &task_kind,
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

const struct kind *kind_event(void)
{
	return &event_kind;
}

int kind_field_index(const struct kind *kind, const char *name)
{
	for (size_t i = 0; i < kind->nfields; i++)
		if (strcmp(kind->fields[i].name, name) == 0)
			return (int)i;
	return -1;
}
