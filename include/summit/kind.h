/* The kinds of record an event holds, described as data: every front end,
 * the CSV files and the generic storage code read these descriptors, so a
 * field is declared once. */
#ifndef SUMMIT_KIND_H
#define SUMMIT_KIND_H

#include <stdbool.h>
#include <stddef.h>

enum field_type {
	FIELD_ID,      /* the record's number */
	FIELD_TEXT,    /* free UTF-8 text on one line */
	FIELD_CODE,    /* a short identifier: letters, digits, - and _ */
	FIELD_INT,     /* a whole number */
	FIELD_MONEY,   /* a decimal amount, stored in hundredths */
	FIELD_DATE,    /* YYYY-MM-DD */
	FIELD_TIME,    /* YYYY-MM-DD HH:MM in the event's zone, stored as UTC */
	FIELD_ZONE,    /* an Olson time-zone name */
	FIELD_ENUM,    /* one of choices[] */
	FIELD_REF,     /* another record, by its key */
	FIELD_REFLIST, /* several other records, space-separated keys */
};

enum field_flag {
	FIELD_REQUIRED = 1 << 0,
	FIELD_POSITIVE = 1 << 1, /* > 0 */
	FIELD_NONNEG = 1 << 2,   /* >= 0 */
	FIELD_UNIQUE = 1 << 3,
	FIELD_FIXED = 1 << 4,    /* set on creation, changed only by its own verb */
	FIELD_CASCADE = 1 << 5,  /* a REF to the owner: removed with it */
	FIELD_ONE_LINE = 1 << 6, /* TEXT without line breaks or tabs (addresses) */
};

struct summit_db;
struct summit_err;

struct field {
	const char *name;
	enum field_type type;
	unsigned flags;
	const char *const *choices; /* FIELD_ENUM: NULL-terminated */
	const struct kind *ref;     /* FIELD_REF(LIST): the kind referred to */
	const char *link;           /* FIELD_REFLIST: join table */
	const char *fallback;       /* value when none is given, or NULL */
	const char *help;
};

/* Checks across fields and records, once each value is valid on its own;
 * values[] are in the user's form (see record.h); self is the record being
 * changed, 0 for a new one. Every path of a change (add, set, import, load,
 * the TUI's forms) reaches it through record_insert and record_update. */
typedef int (*kind_check_fn)(struct summit_db *db, long long self,
                             const char *const *values, struct summit_err *err);
/* A kind's own step around a write, inside the change's transaction. */
typedef int (*kind_hook_fn)(struct summit_db *db, long long id, struct summit_err *err);
/* After a change: was[] holds the record's values before it, in the user's
 * form (record_get's). */
typedef int (*kind_update_fn)(struct summit_db *db, long long id, const char *const *was,
                              struct summit_err *err);
/* Run once a whole file of the kind has been read (csv_import). */
typedef int (*kind_file_fn)(struct summit_db *db, struct summit_err *err);

struct kind {
	const char *plural;
	const char *singular;
	const char *table;
	const char *help;
	const struct field *fields;
	size_t nfields;
	size_t key;              /* index of the field that names a record */
	bool import_only;        /* rows written by other verbs (history) */
	const char *written_by;  /* import_only: what writes them, for the user */
	bool singleton;          /* one record, number 1, never removed (the event) */
	const char *unique_rule; /* the message when its unique index refuses */
	/* Kind-specific behaviour; each may be NULL. */
	kind_check_fn check;
	kind_hook_fn before_update; /* before the row is read and changed */
	kind_hook_fn after_insert;
	kind_update_fn after_update;
	kind_file_fn after_import;
	/* The errors `summit check` finds (its kinds' names, NULL-terminated)
	 * that a change of this kind can newly cause: what change.h watches. */
	const char *const *affects;
};

/* The fields of each kind, declared once: kind.c expands these lists into
 * the field tables, and the enums below name the same positions, so code
 * says values[DELEGATION_EMAIL], never values[7]. Each entry is
 * F(ENUM_NAME, "name", type, flags, choices or designated initializers);
 * ENUM(...) and the choice arrays are expanded in kind.c only. */
// clang-format off
#define EVENT_FIELDS(F) \
	F(EVENT_NAME, "name", FIELD_TEXT, FIELD_REQUIRED, .help = "the meeting's name") \
	F(EVENT_COUNTRY, "country", FIELD_TEXT, FIELD_REQUIRED, \
	  .help = "the host country") \
	F(EVENT_CITY, "city", FIELD_TEXT, FIELD_REQUIRED, .help = "where it meets") \
	F(EVENT_FIRST_DAY, "first_day", FIELD_DATE, FIELD_REQUIRED, \
	  .help = "first day of the meeting") \
	F(EVENT_LAST_DAY, "last_day", FIELD_DATE, FIELD_REQUIRED, \
	  .help = "last day of the meeting") \
	F(EVENT_TIMEZONE, "timezone", FIELD_ZONE, FIELD_REQUIRED, \
	  .help = "Olson name, e.g. Africa/Bamako") \
	F(EVENT_CURRENCY, "currency", FIELD_CODE, 0, .help = "of the budget, e.g. XOF") \
	F(EVENT_UID_DOMAIN, "uid_domain", FIELD_TEXT, 0, \
	  .help = "what calendar UIDs end with after '@'; kept from the first name, " \
	          "so a rename changes no UID") \
	F(EVENT_PICKUP_MARGIN, "pickup_margin", FIELD_INT, FIELD_NONNEG, \
	  .fallback = "20", \
	  .help = "minutes after landing before a pickup may leave the airport") \
	F(EVENT_ARRIVAL_DAYS, "arrival_days", FIELD_INT, FIELD_NONNEG, \
	  .fallback = "7", \
	  .help = "days before the first day by which arrival details are due") \
	F(EVENT_PICKUP_WINDOW, "pickup_window", FIELD_INT, FIELD_NONNEG, \
	  .fallback = "30", \
	  .help = "minutes between landings one pickup may wait for (planners)") \
	F(EVENT_IMMIGRATION_MARGIN, "immigration_margin", FIELD_INT, FIELD_NONNEG, \
	  .fallback = "30", \
	  .help = "minutes from landing to the arrivals hall (planners)") \
	F(EVENT_DEPARTURE_MARGIN, "departure_margin", FIELD_INT, FIELD_NONNEG, \
	  .fallback = "120", \
	  .help = "minutes at the airport before a departure flight (planners)") \
	F(EVENT_SHUTTLE_LEAD, "shuttle_lead", FIELD_INT, FIELD_NONNEG, \
	  .fallback = "15", \
	  .help = "minutes before a day's first session the shuttles reach the " \
	          "venue (planners)") \
	F(EVENT_MINISTER_CARS, "minister_cars", FIELD_ENUM, 0, ENUM("yes", "no"), \
	  .fallback = "no", \
	  .help = "yes: ministers need a dedicated car too, not only heads of state " \
	          "and government")

#define DELEGATION_FIELDS(F) \
	F(DELEGATION_CODE, "code", FIELD_CODE, FIELD_REQUIRED | FIELD_UNIQUE, \
	  .help = "ISO 3166 alpha-3 for a state, an acronym for an organisation") \
	F(DELEGATION_NAME, "name", FIELD_TEXT, FIELD_REQUIRED, \
	  .help = "as it is written, accents and all") \
	F(DELEGATION_KIND, "kind", FIELD_ENUM, FIELD_REQUIRED, \
	  ENUM("state", "igo", "civil-society", "press")) \
	F(DELEGATION_STATUS, "status", FIELD_ENUM, FIELD_REQUIRED, \
	  ENUM("participant", "observer", "guest")) \
	F(DELEGATION_HEAD, "head", FIELD_TEXT, 0, .help = "head of delegation") \
	F(DELEGATION_RANK, "rank", FIELD_ENUM, 0, ranks, \
	  .help = "rank of the head of delegation") \
	F(DELEGATION_SIZE, "size", FIELD_INT, FIELD_POSITIVE, \
	  .fallback = "1", \
	  .help = "people expected") \
	F(DELEGATION_EMAIL, "email", FIELD_TEXT, FIELD_ONE_LINE, \
	  .help = "contact address for invitations") \
	F(DELEGATION_NAME_FR, "name_fr", FIELD_TEXT, 0, \
	  .help = "the name in French, for `summit order --french`") \
	F(DELEGATION_IN_TOWN, "in_town", FIELD_ENUM, 0, ENUM("yes", "no"), \
	  .fallback = "no", \
	  .help = "yes: lives in town (as the host does), needs no hotel, flight or car")

#define PERSON_FIELDS(F) \
	F(PERSON_ID, "id", FIELD_ID, 0) \
	F(PERSON_DELEGATION, "delegation", FIELD_REF, FIELD_REQUIRED, \
	  .ref = &kind_delegations) \
	F(PERSON_NAME, "name", FIELD_TEXT, FIELD_REQUIRED) \
	F(PERSON_TITLE, "title", FIELD_TEXT, 0) \
	F(PERSON_ROLE, "role", FIELD_ENUM, 0, \
	  ENUM("head", "member", "security", "interpreter", "liaison"), \
	  .fallback = "member") \
	F(PERSON_RANK, "rank", FIELD_ENUM, 0, ranks) \
	F(PERSON_NEEDS, "needs", FIELD_TEXT, 0, .help = "accessibility, diet") \
	F(PERSON_EMAIL, "email", FIELD_TEXT, FIELD_ONE_LINE)

#define INVITATION_FIELDS(F) \
	F(INVITATION_DELEGATION, "delegation", FIELD_REF, FIELD_REQUIRED | FIELD_UNIQUE, \
	  .ref = &kind_delegations) \
	F(INVITATION_STATE, "state", FIELD_ENUM, FIELD_FIXED, invitation_states, \
	  .fallback = "draft", \
	  .help = "changed with `summit invitation`") \
	F(INVITATION_CHANNEL, "channel", FIELD_TEXT, 0, \
	  .fallback = "direct", \
	  .help = "how it travels") \
	F(INVITATION_VIA, "via", FIELD_REF, 0, \
	  .ref = &kind_delegations, \
	  .help = "the delegation that delivers it for the host") \
	F(INVITATION_DEADLINE, "deadline", FIELD_DATE, 0, .help = "answer expected by") \
	F(INVITATION_NOTE, "note", FIELD_TEXT, 0)

#define HISTORY_FIELDS(F) \
	F(HISTORY_ID, "id", FIELD_ID, 0) \
	F(HISTORY_DELEGATION, "delegation", FIELD_REF, FIELD_REQUIRED | FIELD_CASCADE, \
	  .ref = &kind_invitations) \
	F(HISTORY_AT, "at", FIELD_TIME, FIELD_REQUIRED) \
	F(HISTORY_OLD_STATE, "old_state", FIELD_ENUM, 0, invitation_states) \
	F(HISTORY_NEW_STATE, "new_state", FIELD_ENUM, FIELD_REQUIRED, invitation_states) \
	F(HISTORY_CHANNEL, "channel", FIELD_TEXT, 0) \
	F(HISTORY_NOTE, "note", FIELD_TEXT, 0)

#define VENUE_FIELDS(F) \
	F(VENUE_NAME, "name", FIELD_TEXT, FIELD_REQUIRED | FIELD_UNIQUE) \
	F(VENUE_CITY, "city", FIELD_TEXT, 0) \
	F(VENUE_ADDRESS, "address", FIELD_TEXT, 0)

#define ROOM_FIELDS(F) \
	F(ROOM_NAME, "name", FIELD_TEXT, FIELD_REQUIRED | FIELD_UNIQUE) \
	F(ROOM_VENUE, "venue", FIELD_REF, FIELD_REQUIRED, .ref = &kind_venues) \
	F(ROOM_CAPACITY, "capacity", FIELD_INT, FIELD_REQUIRED | FIELD_POSITIVE, \
	  .help = "seats") \
	F(ROOM_BOOTHS, "booths", FIELD_INT, FIELD_NONNEG, \
	  .fallback = "0", \
	  .help = "interpretation booths")

#define SESSION_FIELDS(F) \
	F(SESSION_ID, "id", FIELD_ID, 0) \
	F(SESSION_TITLE, "title", FIELD_TEXT, FIELD_REQUIRED) \
	F(SESSION_KIND, "kind", FIELD_ENUM, FIELD_REQUIRED, \
	  ENUM("plenary", "working-group", "bilateral", "side-event", "ceremony", "civil-society")) \
	F(SESSION_ROOM, "room", FIELD_REF, FIELD_REQUIRED, .ref = &kind_rooms) \
	F(SESSION_START, "start", FIELD_TIME, FIELD_REQUIRED) \
	F(SESSION_END, "end", FIELD_TIME, FIELD_REQUIRED) \
	F(SESSION_ATTENDANCE, "attendance", FIELD_ENUM, 0, \
	  ENUM("all", "participants", "list"), \
	  .fallback = "all", \
	  .help = "who attends: everyone, participants only, or the listed delegations") \
	F(SESSION_DELEGATIONS, "delegations", FIELD_REFLIST, 0, \
	  .ref = &kind_delegations, \
	  .link = "session_delegations") \
	F(SESSION_STATUS, "status", FIELD_ENUM, 0, ENUM("scheduled", "cancelled"), \
	  .fallback = "scheduled") \
	F(SESSION_DESCRIPTION, "description", FIELD_TEXT, 0) \
	F(SESSION_EXPECTED, "expected", FIELD_INT, FIELD_POSITIVE, \
	  .help = "people expected, when the planner knows (registrations); " \
	          "without it, who must attend in full and one person from each " \
	          "delegation that may")

#define PLACE_FIELDS(F) \
	F(PLACE_NAME, "name", FIELD_TEXT, FIELD_REQUIRED | FIELD_UNIQUE) \
	F(PLACE_KIND, "kind", FIELD_ENUM, FIELD_REQUIRED, \
	  ENUM("airport", "hotel", "venue", "other")) \
	F(PLACE_ADDRESS, "address", FIELD_TEXT, 0)

#define TRAVEL_FIELDS(F) \
	F(TRAVEL_ID, "id", FIELD_ID, 0) \
	F(TRAVEL_ORIGIN, "origin", FIELD_REF, FIELD_REQUIRED, .ref = &kind_places) \
	F(TRAVEL_DESTINATION, "destination", FIELD_REF, FIELD_REQUIRED, \
	  .ref = &kind_places) \
	F(TRAVEL_MINUTES, "minutes", FIELD_INT, FIELD_REQUIRED | FIELD_POSITIVE, \
	  .help = "by road, either way")

#define HOTEL_FIELDS(F) \
	F(HOTEL_NAME, "name", FIELD_TEXT, FIELD_REQUIRED | FIELD_UNIQUE) \
	F(HOTEL_PLACE, "place", FIELD_REF, 0, \
	  .ref = &kind_places, \
	  .help = "where its shuttles stop") \
	F(HOTEL_ADDRESS, "address", FIELD_TEXT, 0) \
	F(HOTEL_STARS, "stars", FIELD_INT, FIELD_POSITIVE) \
	F(HOTEL_PREFERRED, "preferred", FIELD_ENUM, 0, ENUM("no", "yes"), \
	  .fallback = "no", \
	  .help = "yes: `summit plan hotels` puts heads of state and government, then " \
	          "ministers, here first")

#define BLOCK_FIELDS(F) \
	F(BLOCK_ID, "id", FIELD_ID, 0) \
	F(BLOCK_HOTEL, "hotel", FIELD_REF, FIELD_REQUIRED, .ref = &kind_hotels) \
	F(BLOCK_NIGHT, "night", FIELD_DATE, FIELD_REQUIRED, \
	  .help = "the date the night begins") \
	F(BLOCK_ROOMS, "rooms", FIELD_INT, FIELD_REQUIRED | FIELD_POSITIVE, \
	  .help = "rooms held for the event") \
	F(BLOCK_RATE, "rate", FIELD_MONEY, FIELD_NONNEG, \
	  .help = "the price of one room that night, in the event's currency: what " \
	          "an unused room costs")

#define ALLOCATION_FIELDS(F) \
	F(ALLOCATION_ID, "id", FIELD_ID, 0) \
	F(ALLOCATION_HOTEL, "hotel", FIELD_REF, FIELD_REQUIRED, .ref = &kind_hotels) \
	F(ALLOCATION_DELEGATION, "delegation", FIELD_REF, FIELD_REQUIRED, \
	  .ref = &kind_delegations) \
	F(ALLOCATION_NIGHT, "night", FIELD_DATE, FIELD_REQUIRED) \
	F(ALLOCATION_ROOMS, "rooms", FIELD_INT, FIELD_REQUIRED | FIELD_POSITIVE) \
	F(ALLOCATION_LOCKED, "locked", FIELD_ENUM, 0, ENUM("no", "yes"), \
	  .fallback = "no", \
	  .help = "yes: planners never move or remove it")

#define VEHICLE_FIELDS(F) \
	F(VEHICLE_CODE, "code", FIELD_CODE, FIELD_REQUIRED | FIELD_UNIQUE, \
	  .help = "e.g. BUS-1") \
	F(VEHICLE_KIND, "kind", FIELD_ENUM, FIELD_REQUIRED, \
	  ENUM("bus", "minibus", "van", "car")) \
	F(VEHICLE_CAPACITY, "capacity", FIELD_INT, FIELD_REQUIRED | FIELD_POSITIVE, \
	  .help = "passenger seats") \
	F(VEHICLE_DRIVER, "driver", FIELD_TEXT, 0) \
	F(VEHICLE_PHONE, "phone", FIELD_TEXT, 0) \
	F(VEHICLE_PLATE, "plate", FIELD_TEXT, 0)

#define TRIP_FIELDS(F) \
	F(TRIP_ID, "id", FIELD_ID, 0) \
	F(TRIP_VEHICLE, "vehicle", FIELD_REF, FIELD_REQUIRED, .ref = &kind_vehicles) \
	F(TRIP_KIND, "kind", FIELD_ENUM, 0, \
	  ENUM("pickup", "departure", "shuttle", "transfer"), \
	  .fallback = "transfer") \
	F(TRIP_ORIGIN, "origin", FIELD_REF, FIELD_REQUIRED, .ref = &kind_places) \
	F(TRIP_DESTINATION, "destination", FIELD_REF, FIELD_REQUIRED, .ref = &kind_places) \
	F(TRIP_DEPART, "depart", FIELD_TIME, FIELD_REQUIRED) \
	F(TRIP_ARRIVE, "arrive", FIELD_TIME, FIELD_REQUIRED) \
	F(TRIP_RIDERS, "riders", FIELD_REFLIST, 0, \
	  .ref = &kind_people, \
	  .link = "trip_riders", \
	  .help = "ids of the people carried") \
	F(TRIP_NOTE, "note", FIELD_TEXT, 0) \
	F(TRIP_LOCKED, "locked", FIELD_ENUM, 0, ENUM("no", "yes"), \
	  .fallback = "no", \
	  .help = "yes: planners never move or remove it")

#define ARRIVAL_FIELDS(F) \
	F(ARRIVAL_ID, "id", FIELD_ID, 0) \
	F(ARRIVAL_DELEGATION, "delegation", FIELD_REF, FIELD_REQUIRED, \
	  .ref = &kind_delegations) \
	F(ARRIVAL_PERSON, "person", FIELD_REF, 0, \
	  .ref = &kind_people, \
	  .help = "when one person travels apart") \
	F(ARRIVAL_DIRECTION, "direction", FIELD_ENUM, 0, ENUM("arrival", "departure"), \
	  .fallback = "arrival") \
	F(ARRIVAL_FLIGHT, "flight", FIELD_TEXT, 0) \
	F(ARRIVAL_AIRPORT, "airport", FIELD_REF, FIELD_REQUIRED, .ref = &kind_places) \
	F(ARRIVAL_TIME, "time", FIELD_TIME, FIELD_REQUIRED, .help = "landing or take-off") \
	F(ARRIVAL_PARTY, "party", FIELD_INT, FIELD_POSITIVE, \
	  .fallback = "1", \
	  .help = "people on the flight") \
	F(ARRIVAL_PICKUP, "pickup", FIELD_REF, 0, \
	  .ref = &kind_trips, \
	  .help = "the trip that meets or takes them")

#define PARTNER_FIELDS(F) \
	F(PARTNER_NAME, "name", FIELD_TEXT, FIELD_REQUIRED | FIELD_UNIQUE) \
	F(PARTNER_KIND, "kind", FIELD_ENUM, 0, \
	  ENUM("state", "organisation", "company", "foundation")) \
	F(PARTNER_CONTACT, "contact", FIELD_TEXT, 0)

#define COST_FIELDS(F) \
	F(COST_NAME, "name", FIELD_TEXT, FIELD_REQUIRED | FIELD_UNIQUE, \
	  .help = "a budget line") \
	F(COST_CATEGORY, "category", FIELD_TEXT, 0) \
	F(COST_AMOUNT, "amount", FIELD_MONEY, FIELD_REQUIRED | FIELD_NONNEG) \
	F(COST_NOTE, "note", FIELD_TEXT, 0)

#define PLEDGE_FIELDS(F) \
	F(PLEDGE_ID, "id", FIELD_ID, 0) \
	F(PLEDGE_PARTNER, "partner", FIELD_REF, FIELD_REQUIRED, .ref = &kind_partners) \
	F(PLEDGE_KIND, "kind", FIELD_ENUM, 0, ENUM("cash", "in-kind"), .fallback = "cash") \
	F(PLEDGE_AMOUNT, "amount", FIELD_MONEY, FIELD_REQUIRED | FIELD_NONNEG, \
	  .help = "pledged (in kind: its value)") \
	F(PLEDGE_RECEIVED, "received", FIELD_MONEY, FIELD_NONNEG, .fallback = "0") \
	F(PLEDGE_COST, "cost", FIELD_REF, 0, \
	  .ref = &kind_costs, \
	  .help = "the budget line it covers") \
	F(PLEDGE_DESCRIPTION, "description", FIELD_TEXT, 0)

#define ACCREDITATION_FIELDS(F) \
	F(ACCREDITATION_BADGE, "badge", FIELD_CODE, FIELD_REQUIRED | FIELD_UNIQUE, \
	  .help = "the badge number, printed as a QR code") \
	F(ACCREDITATION_PERSON, "person", FIELD_REF, FIELD_REQUIRED | FIELD_UNIQUE, \
	  .ref = &kind_people) \
	F(ACCREDITATION_STATE, "state", FIELD_ENUM, FIELD_FIXED, accreditation_states, \
	  .fallback = "requested", \
	  .help = "changed with `summit accreditation`") \
	F(ACCREDITATION_CATEGORY, "category", FIELD_ENUM, 0, badge_categories, \
	  .help = "when not set: press, observer or participant after the delegation") \
	F(ACCREDITATION_NOTE, "note", FIELD_TEXT, 0)

#define BADGE_HISTORY_FIELDS(F) \
	F(BADGE_HISTORY_ID, "id", FIELD_ID, 0) \
	F(BADGE_HISTORY_BADGE, "badge", FIELD_REF, FIELD_REQUIRED | FIELD_CASCADE, \
	  .ref = &kind_accreditations) \
	F(BADGE_HISTORY_AT, "at", FIELD_TIME, FIELD_REQUIRED) \
	F(BADGE_HISTORY_OLD_STATE, "old_state", FIELD_ENUM, 0, accreditation_states) \
	F(BADGE_HISTORY_NEW_STATE, "new_state", FIELD_ENUM, FIELD_REQUIRED, \
	  accreditation_states) \
	F(BADGE_HISTORY_NOTE, "note", FIELD_TEXT, 0)

#define CHECKIN_FIELDS(F) \
	F(CHECKIN_ID, "id", FIELD_ID, 0) \
	F(CHECKIN_BADGE, "badge", FIELD_REF, FIELD_REQUIRED | FIELD_CASCADE, \
	  .ref = &kind_accreditations) \
	F(CHECKIN_AT, "at", FIELD_TIME, FIELD_REQUIRED) \
	F(CHECKIN_ROOM, "room", FIELD_REF, 0, .ref = &kind_rooms, \
	  .help = "a room's door; none for the entrance") \
	F(CHECKIN_DESK, "desk", FIELD_TEXT, 0, .help = "which desk scanned")

#define SESSION_HISTORY_FIELDS(F) \
	F(SESSION_HISTORY_ID, "id", FIELD_ID, 0) \
	F(SESSION_HISTORY_SESSION, "session", FIELD_REF, FIELD_REQUIRED | FIELD_CASCADE, \
	  .ref = &kind_sessions) \
	F(SESSION_HISTORY_AT, "at", FIELD_TIME, FIELD_REQUIRED) \
	F(SESSION_HISTORY_FIELD, "field", FIELD_ENUM, FIELD_REQUIRED, \
	  ENUM("room", "start", "end", "status")) \
	F(SESSION_HISTORY_OLD, "old", FIELD_TEXT, 0) \
	F(SESSION_HISTORY_NEW, "new", FIELD_TEXT, 0) \
	F(SESSION_HISTORY_NOTE, "note", FIELD_TEXT, 0)

#define TASK_FIELDS(F) \
	F(TASK_ID, "id", FIELD_ID, 0) \
	F(TASK_TITLE, "title", FIELD_TEXT, FIELD_REQUIRED) \
	F(TASK_OWNER, "owner", FIELD_TEXT, 0) \
	F(TASK_DUE, "due", FIELD_DATE, FIELD_REQUIRED) \
	F(TASK_STATE, "state", FIELD_ENUM, 0, \
	  ENUM("open", "in-progress", "done", "cancelled"), \
	  .fallback = "open") \
	F(TASK_NOTE, "note", FIELD_TEXT, 0)
// clang-format on

/* The descriptors, in kinds[] order; code names them directly, and
 * kind_find() is for names the user types. */
extern const struct kind kind_event;
extern const struct kind kind_delegations;
extern const struct kind kind_people;
extern const struct kind kind_invitations;
extern const struct kind kind_history;
extern const struct kind kind_venues;
extern const struct kind kind_rooms;
extern const struct kind kind_sessions;
extern const struct kind kind_places;
extern const struct kind kind_travel;
extern const struct kind kind_hotels;
extern const struct kind kind_blocks;
extern const struct kind kind_allocations;
extern const struct kind kind_vehicles;
extern const struct kind kind_trips;
extern const struct kind kind_arrivals;
extern const struct kind kind_partners;
extern const struct kind kind_costs;
extern const struct kind kind_pledges;
extern const struct kind kind_tasks;
extern const struct kind kind_accreditations;
extern const struct kind kind_badge_history;
extern const struct kind kind_checkins;
extern const struct kind kind_session_history;

#define KIND_FIELD_ENUM(id, ...) id,
// clang-format off
enum event_field { EVENT_FIELDS(KIND_FIELD_ENUM) EVENT_FIELD_COUNT };
enum delegation_field { DELEGATION_FIELDS(KIND_FIELD_ENUM) DELEGATION_FIELD_COUNT };
enum person_field { PERSON_FIELDS(KIND_FIELD_ENUM) PERSON_FIELD_COUNT };
enum invitation_field { INVITATION_FIELDS(KIND_FIELD_ENUM) INVITATION_FIELD_COUNT };
enum history_field { HISTORY_FIELDS(KIND_FIELD_ENUM) HISTORY_FIELD_COUNT };
enum venue_field { VENUE_FIELDS(KIND_FIELD_ENUM) VENUE_FIELD_COUNT };
enum room_field { ROOM_FIELDS(KIND_FIELD_ENUM) ROOM_FIELD_COUNT };
enum session_field { SESSION_FIELDS(KIND_FIELD_ENUM) SESSION_FIELD_COUNT };
enum place_field { PLACE_FIELDS(KIND_FIELD_ENUM) PLACE_FIELD_COUNT };
enum travel_field { TRAVEL_FIELDS(KIND_FIELD_ENUM) TRAVEL_FIELD_COUNT };
enum hotel_field { HOTEL_FIELDS(KIND_FIELD_ENUM) HOTEL_FIELD_COUNT };
enum block_field { BLOCK_FIELDS(KIND_FIELD_ENUM) BLOCK_FIELD_COUNT };
enum allocation_field { ALLOCATION_FIELDS(KIND_FIELD_ENUM) ALLOCATION_FIELD_COUNT };
enum vehicle_field { VEHICLE_FIELDS(KIND_FIELD_ENUM) VEHICLE_FIELD_COUNT };
enum trip_field { TRIP_FIELDS(KIND_FIELD_ENUM) TRIP_FIELD_COUNT };
enum arrival_field { ARRIVAL_FIELDS(KIND_FIELD_ENUM) ARRIVAL_FIELD_COUNT };
enum partner_field { PARTNER_FIELDS(KIND_FIELD_ENUM) PARTNER_FIELD_COUNT };
enum cost_field { COST_FIELDS(KIND_FIELD_ENUM) COST_FIELD_COUNT };
enum pledge_field { PLEDGE_FIELDS(KIND_FIELD_ENUM) PLEDGE_FIELD_COUNT };
enum task_field { TASK_FIELDS(KIND_FIELD_ENUM) TASK_FIELD_COUNT };
enum accreditation_field { ACCREDITATION_FIELDS(KIND_FIELD_ENUM) ACCREDITATION_FIELD_COUNT };
enum badge_history_field { BADGE_HISTORY_FIELDS(KIND_FIELD_ENUM) BADGE_HISTORY_FIELD_COUNT };
enum checkin_field { CHECKIN_FIELDS(KIND_FIELD_ENUM) CHECKIN_FIELD_COUNT };
enum session_history_field { SESSION_HISTORY_FIELDS(KIND_FIELD_ENUM) SESSION_HISTORY_FIELD_COUNT };
// clang-format on

/* Every kind, in an order where a kind comes after those it refers to;
 * event first. */
extern const struct kind *const kinds[];
extern const size_t kind_count;

/* By plural or singular name; NULL when unknown. */
const struct kind *kind_find(const char *name);
/* Index of the field, or -1. */
int kind_field_index(const struct kind *kind, const char *name);

/* The states of an invitation, in their order: X(ID, "name"). The names
 * (invitation_states[], NULL-terminated) and the count come from it. */
#define INVITATION_STATE_LIST(X)                                                         \
	X(DRAFT, "draft")                                                                \
	X(SENT, "sent")                                                                  \
	X(DELIVERED, "delivered")                                                        \
	X(ACKNOWLEDGED, "acknowledged")                                                  \
	X(ACCEPTED, "accepted")                                                          \
	X(DECLINED, "declined")                                                          \
	X(WITHDRAWN, "withdrawn")
enum invitation_state {
#define INVITATION_STATE_ENUM(ID, name) INVITATION_STATE_##ID,
	INVITATION_STATE_LIST(INVITATION_STATE_ENUM)
#undef INVITATION_STATE_ENUM
	    INVITATION_STATE_COUNT
};
extern const char *const invitation_states[INVITATION_STATE_COUNT + 1];
/* Badge states and categories, for the accreditation module. */
extern const char *const accreditation_states[];
extern const char *const badge_categories[];

#endif
