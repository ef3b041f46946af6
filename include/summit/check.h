/* Readiness checks: everything about an event that is wrong or not done yet,
 * each problem with a severity, a kind, the records involved and one
 * sentence for a planner. The kinds are one list (CHECK_KIND_LIST); each
 * is one function, check_<id>, in the src/core/check-*.c of its domain
 * (programme, hotels, transport, invitations and budget), reading the
 * event loaded once (src/core/check_internal.h). Who is expected where,
 * the nights in town and the settings are the model's (summit/model.h).
 * Front ends receive the problems through a callback.
 *
 * - The venue's place is the place of kind venue with the venue's name, or
 *   the only place of kind venue, or one whose name the venue's name holds.
 */
#ifndef SUMMIT_CHECK_H
#define SUMMIT_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "summit/kind.h"
#include "summit/when.h"

struct summit_db;
struct summit_err;

enum check_severity {
	CHECK_ERROR,   /* will go wrong as planned */
	CHECK_WARNING, /* not ready yet */
};

/* Every kind of problem, in the order they are reported:
 * X(ID, id, name, severity, summary). The table check_kinds[], its count
 * and the functions check_<id> all come from this one list, so a new
 * check is one line here and one function. */
#define CHECK_KIND_LIST(X)                                                               \
	X(ROOM_DOUBLE_BOOKED, room_double_booked, "room-double-booked", CHECK_ERROR,     \
	  "a room booked for two sessions at once")                                      \
	X(ROOM_TOO_SMALL, room_too_small, "room-too-small", CHECK_ERROR,                 \
	  "a session expecting more people than its room seats")                         \
	X(SESSION_OUTSIDE_EVENT, session_outside_event, "session-outside-event",         \
	  CHECK_ERROR, "a session outside the event's days")                             \
	X(DELEGATION_DOUBLE_BOOKED, delegation_double_booked,                            \
	  "delegation-double-booked", CHECK_ERROR,                                       \
	  "a delegation expected in two sessions at once that it must both attend")      \
	X(LATE_ARRIVAL, late_arrival, "late-arrival", CHECK_ERROR,                       \
	  "a delegation landing too late for a session it must attend")                  \
	X(SHUTTLE_LATE, shuttle_late, "shuttle-late", CHECK_ERROR,                       \
	  "a hotel's shuttles reaching the venue after a session its guests must "       \
	  "attend starts")                                                               \
	X(HOTEL_OVERBOOKED, hotel_overbooked, "hotel-overbooked", CHECK_ERROR,           \
	  "a night on which a hotel allocates more rooms than its block")                \
	X(NO_HOTEL, no_hotel, "no-hotel", CHECK_ERROR,                                   \
	  "an expected delegation, or a person, in town on a night with no hotel")       \
	X(HOTEL_SPLIT, hotel_split, "hotel-split", CHECK_WARNING,                        \
	  "a delegation split across hotels")                                            \
	X(NO_PICKUP, no_pickup, "no-pickup", CHECK_WARNING, "an arrival with no pickup") \
	X(PICKUP_EARLY, pickup_early, "pickup-early", CHECK_ERROR,                       \
	  "a pickup leaving the airport before the flight lands plus the margin")        \
	X(VEHICLE_TOO_SMALL, vehicle_too_small, "vehicle-too-small", CHECK_ERROR,        \
	  "a trip with more riders than its vehicle's seats")                            \
	X(VEHICLE_DOUBLE_BOOKED, vehicle_double_booked, "vehicle-double-booked",         \
	  CHECK_ERROR, "a vehicle on two trips at once")                                 \
	X(DRIVER_DOUBLE_BOOKED, driver_double_booked, "driver-double-booked",            \
	  CHECK_ERROR, "a driver on two trips at once")                                  \
	X(TRIP_TOO_SHORT, trip_too_short, "trip-too-short", CHECK_ERROR,                 \
	  "a trip shorter than the travel time between its places")                      \
	X(INVITATION_UNANSWERED, invitation_unanswered, "invitation-unanswered",         \
	  CHECK_WARNING, "an invitation not answered after its deadline")                \
	X(ARRIVAL_DETAILS_MISSING, arrival_details_missing, "arrival-details-missing",   \
	  CHECK_WARNING,                                                                 \
	  "an expected delegation without arrival details shortly before the event")     \
	X(HEAD_WITHOUT_CAR, head_without_car, "head-without-car", CHECK_WARNING,         \
	  "a head of state or government (a minister, with minister_cars) without a "    \
	  "dedicated car")                                                               \
	X(PLEDGES_SHORT, pledges_short, "pledges-short", CHECK_WARNING,                  \
	  "pledges below the budget's needs")                                            \
	X(PLEDGE_NOT_RECEIVED, pledge_not_received, "pledge-not-received",               \
	  CHECK_WARNING, "pledged money not yet received")                               \
	X(TASK_OVERDUE, task_overdue, "task-overdue", CHECK_WARNING,                     \
	  "a task past its deadline")

/* CHECK_KIND_ROOM_DOUBLE_BOOKED, ...: the index of a kind in check_kinds[]. */
enum check_kind_id {
#define CHECK_KIND_ENUM(ID, id, name, severity, summary) CHECK_KIND_##ID,
	CHECK_KIND_LIST(CHECK_KIND_ENUM)
#undef CHECK_KIND_ENUM
	    CHECK_KIND_COUNT
};

struct check_ctx;

/* One kind of problem and its severity. */
struct check_kind {
	const char *name; /* e.g. "room-double-booked" */
	enum check_severity severity;
	const char *summary;
	int (*run)(struct check_ctx *c); /* finds and reports its problems */
};

extern const struct check_kind check_kinds[CHECK_KIND_COUNT];
/* By name; NULL when unknown. */
const struct check_kind *check_kind_find(const char *name);
const char *check_severity_name(enum check_severity severity);

/* A record a problem is about. */
struct check_subject {
	const struct kind *kind;
	long long id;
	const char *key;  /* its code or name, or NULL when it is named by #id */
	const char *name; /* a longer name or title, or NULL */
};

/* "delegation BEN (Benin)", "session #1 (Opening ceremony)"; the caller
 * frees it. */
char *check_subject_text(const struct check_subject *subject);

/* Everything points into storage valid only during the callback. */
struct check_problem {
	const struct check_kind *kind;
	const struct check_subject *subjects;
	size_t nsubjects;
	/* The event-zone days it concerns, or "" when it concerns none. */
	char first_day[WHEN_DATE_LEN], last_day[WHEN_DATE_LEN];
	const char *message;
};

struct check_options {
	/* For this run, instead of the event's settings (model.h), when >= 0:
	 * the minutes a pickup leaves the airport after landing, and the days
	 * before the first day by which arrival details are due. */
	int pickup_margin;
	int arrival_days;
	/* Only these kinds (names), or all when nonly is 0. */
	const char *const *only;
	size_t nonly;
	/* Only problems concerning this date (YYYY-MM-DD), or NULL. */
	const char *day;
};

void check_options_init(struct check_options *options);

/* Called for each problem, in the order of check_kinds[]; a non-zero
 * return stops the run and is returned. */
typedef int (*check_fn)(const struct check_problem *problem, void *ctx);

/* Runs the checks in one read transaction; "today" comes from when_today. */
int check_run(struct summit_db *db, const struct check_options *options, check_fn fn,
              void *ctx, struct summit_err *err);

struct check_counts {
	long long errors, warnings;
	long long by_kind[CHECK_KIND_COUNT]; /* as check_kinds[] */
};
int check_count(struct summit_db *db, const struct check_options *options,
                struct check_counts *counts, struct summit_err *err);

/* The late arrivals of late-arrival, as data for a document (the
 * post-event report): one rule, the check's. A late arrival is a landing
 * of a delegation's main party (its first landing without a person, else
 * its first landing), or of its head travelling apart and landing after
 * it, from which the delegation reaches, by the travel times, the venue
 * of sessions it must attend (model.h) only after they start. Times are
 * UTC; everything points into storage valid only during the callback. */
struct check_late_session {
	long long id, start;
	long long reach; /* at its venue at the earliest */
	const char *title, *room;
	const char *venue; /* the venue's place, or the room when it has none */
};

struct check_late {
	long long delegation, arrival; /* ids */
	long long person;              /* the head travelling apart; 0: the main party */
	const char *code, *name;       /* the delegation's */
	const char *head;              /* the head's name, when person is set */
	const char *flight;            /* or NULL */
	long long airport, landed;
	/* The first night the landing needs a room for (model_arrival_night). */
	char night[WHEN_DATE_LEN];
	const struct check_late_session *missed; /* by start, at least one */
	size_t nmissed;
};

/* A non-zero return stops the walk and is returned. */
typedef int (*check_late_fn)(const struct check_late *late, void *ctx);

/* Calls fn for each late arrival, by delegation id then landing, in one
 * read transaction as check_run. */
int check_late_arrivals(struct summit_db *db, check_late_fn fn, void *ctx,
                        struct summit_err *err);

/* For a screen that shows the problems again and again (the TUI): the
 * problems of the last full run with the default thresholds are kept
 * while the file has not changed (PRAGMA data_version, and this
 * connection's own commits) and today is the same day. check_kept_run
 * gives them to fn as check_run would (only those of kind `only` when it
 * is set), running the checks only when the file changed since;
 * check_kept_counts counts them, or is NULL when they are not known and a
 * check_kept_run would have to run every check. */
int check_kept_run(struct summit_db *db, const char *only, check_fn fn, void *ctx,
                   struct summit_err *err);
const struct check_counts *check_kept_counts(struct summit_db *db);

#endif
