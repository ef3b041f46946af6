/* One model of who is expected where and when. check, status, the
 * dashboard, the Programme, the exports and the planners all read these
 * definitions, so every screen gives the same figure.
 *
 * - A delegation is expected when its invitation is accepted, or when it
 *   has no invitation at all (an event that does not track invitations).
 * - The host is the delegation named as the event's country.
 * - A delegation lives in town when it is the host or its field in_town
 *   says yes (a local civil society group): it needs no hotel, flight or
 *   car.
 * - Who may attend a session: open to all, every expected delegation; to
 *   participants, the expected ones whose status is participant; a list,
 *   the listed delegations that are expected. Cancelled sessions expect
 *   nobody.
 * - Who must attend: the delegations a session lists, and those a plenary
 *   or ceremony is open to, guests aside (guests must attend only where
 *   they are listed).
 * - A session's expected attendance: the number the planner set on it
 *   (field expected) when there is one; else every delegation that must
 *   attend in full (its size) and one person from each delegation that may
 *   attend without having to (an open working group or side event).
 * - A delegation's nights in town: from its first landing to its last
 *   take-off, counting its main party (the flights without a person, when
 *   there are any); with no departure, through the night of the event's
 *   last day. A landing before 06:00 needs the night before. A person
 *   travelling apart is in town from their own landing to their own
 *   take-off, or to the main party's departure.
 * - Settings: what decides a problem or a plan is a field of the event
 *   (model_settings); a front end's option overrides it for one run.
 */
#ifndef SUMMIT_MODEL_H
#define SUMMIT_MODEL_H

#include <stdbool.h>
#include <stddef.h>

struct summit_db;
struct summit_err;

/* How far a flight's pickup (or its trip to the airport) may be from the
 * flight on another date, in seconds: a delayed flight or a night landing
 * is met after midnight, never by the next day's run. The rule of every
 * change (kind.c) and the trips the UI offers for an arrival use it. */
#define MODEL_PICKUP_WINDOW (6 * 3600)

/* The event's settings, in minutes unless said otherwise; the defaults are
 * the fallbacks of the event's fields (kind.c). */
struct model_settings {
	int pickup_margin;      /* a pickup leaves this long after landing */
	int arrival_days;       /* days before the first day arrival details are due */
	int pickup_window;      /* landings this close share a pickup */
	int immigration_margin; /* from landing to the arrivals hall */
	int departure_margin;   /* at the airport before a departure flight */
	int shuttle_lead;       /* shuttles reach the venue before the first session */
	bool minister_cars;     /* ministers get dedicated cars too */
};

/* Reads the settings from the event (the defaults without an event). */
int model_settings_read(struct summit_db *db, struct model_settings *settings,
                        struct summit_err *err);

/* The delegations' rules above as SQL over a delegations row aliased by
 * the string literal d: the model's loader and the lists (browse.c) use
 * the same text, so a figure and its list cannot disagree. */
#define MODEL_SQL_EXPECTED(d)                                                            \
	"NOT EXISTS (SELECT 1 FROM invitations i WHERE i.delegation = " d ".id"          \
	" AND i.state <> 'accepted')"
#define MODEL_SQL_HOST(d)                                                                \
	"(" d ".name = (SELECT country FROM event WHERE id = 1) COLLATE NOCASE)"
#define MODEL_SQL_IN_TOWN(d) "(" d ".in_town = 'yes' OR " MODEL_SQL_HOST(d) ")"
/* Expected and not in town: needs a hotel, flights and cars. */
#define MODEL_SQL_NEEDS_LOGISTICS(d)                                                     \
	"(" MODEL_SQL_EXPECTED(d) " AND NOT " MODEL_SQL_IN_TOWN(d) ")"

/* The sessions a delegation may attend, its calendar: those open to all,
 * those for participants when it is one, those that list it. SQL over a
 * sessions row aliased s, the delegation's id being the parameter ?1; the
 * delegation's page, `list sessions delegation=` and its .ics use it. */
#define MODEL_SQL_DELEGATION_SESSIONS                                                    \
	"(s.attendance = 'all'"                                                          \
	" OR (s.attendance = 'participants'"                                             \
	"     AND (SELECT status FROM delegations WHERE id = ?1) = 'participant')"       \
	" OR EXISTS (SELECT 1 FROM session_delegations l"                                \
	"            WHERE l.owner = s.id AND l.ref = ?1))"

enum model_attendance { MODEL_ALL, MODEL_PARTICIPANTS, MODEL_LIST };

struct model_delegation {
	long long id, size;
	char *code, *name, *status, *rank, *head;
	char *state; /* the invitation's, or NULL without one */
	bool expected, host, in_town, guest, participant;
};

struct model_session {
	long long id, room, start, end, capacity, venue;
	long long expected_set; /* the planner's number, or 0 */
	char *title, *kind, *room_name;
	enum model_attendance attendance;
	bool plenary; /* plenary or ceremony */
	bool cancelled;
	size_t *listed, nlisted; /* indexes into model.delegations */
};

struct model_flight {
	long long id, delegation, person, time, airport, party, pickup; /* 0: none */
	bool departure;
	char *flight;
};

enum model_part {
	MODEL_SESSIONS = 1 << 0,
	MODEL_FLIGHTS = 1 << 1,
	MODEL_SCHEDULED = 1 << 2, /* with MODEL_SESSIONS: leave out cancelled ones */
};

/* The event's records the definitions read. Everything is owned by the
 * model and freed by model_free. */
struct model {
	struct summit_db *db;
	long first_day, last_day;             /* day numbers (when_day_number) */
	struct model_delegation *delegations; /* by id */
	size_t ndelegations;
	struct model_session *sessions; /* by id */
	size_t nsessions;
	struct model_flight *flights; /* by delegation, then time, then id */
	size_t nflights;
	/* UTC starts of the local days from day0 on, to date a time quickly. */
	long day0;
	long long *day_start;
	size_t ndays;
	/* The attendance of open sessions, which does not depend on the
	 * session: [participants only][plenary]. */
	long long open_people[2][2], open_delegations[2][2];
	size_t cap[3];
};

/* Loads the delegations, and the parts asked for: the sessions starting in
 * [from, to) (UTC; from >= to: all of them) with their lists, and the
 * flights. Reads within the caller's transaction, if any. */
int model_load(struct summit_db *db, struct model *m, unsigned parts, long long from,
               long long to, struct summit_err *err);
void model_free(struct model *m);

/* By id, or NULL. */
const struct model_delegation *model_delegation_find(const struct model *m, long long id);
const struct model_session *model_session_find(const struct model *m, long long id);

/* Whether delegation d may attend session s, and (required) must. */
bool model_attends(const struct model_session *s, const struct model_delegation *d,
                   bool *required);

/* The people a session expects, by the rule above; *delegations (when not
 * NULL) is how many delegations they come from (0 when the planner's
 * number is used). */
long long model_session_expected(const struct model *m, const struct model_session *s,
                                 long long *delegations);

/* A delegation that needs a hotel, flights and cars: expected, not in town. */
bool model_needs_logistics(const struct model_delegation *d);

/* The local day number of a UTC time in the event's zone. */
long model_local_day(const struct model *m, long long utc);
/* The night a landing at utc needs first: before 06:00, the night before. */
long model_arrival_night(const struct model *m, long long utc);

/* The flights of delegation d: [*from, *to) in m->flights. */
void model_flights_of(const struct model *m, long long delegation, size_t *from,
                      size_t *to);

/* The nights in town of d's main party (or of one person when person is
 * not 0): nights [*first, *end) as day numbers. False when it has no
 * landing to count from (MODEL_FLIGHTS must have been loaded). */
bool model_nights_in_town(const struct model *m, long long delegation, long long person,
                          long *first, long *end);

#endif
