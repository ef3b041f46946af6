/* Accreditation and check-in: a person's badge (number, category, state and
 * its history) and each scan at the venue. Invited, accepted, accredited and
 * attended are four different figures, read here for every front end. */
#ifndef SUMMIT_ACCREDITATION_H
#define SUMMIT_ACCREDITATION_H

#include <stdbool.h>

#include "summit/when.h"

struct summit_db;
struct summit_err;

bool accreditation_can_move(const char *from, const char *to);
/* The states `from` may move to, space-separated (a static string). */
const char *accreditation_next_states(const char *from);

struct accreditation_move {
	const char *badge; /* the badge number */
	const char *state; /* the new state */
	const char *note;  /* may be NULL */
	const char *at;    /* local time, NULL for now */
};

/* Moves the badge and writes its history row; inside a transaction. */
int accreditation_move(struct summit_db *db, const struct accreditation_move *move,
                       struct summit_err *err);

/* Verifies that every badge's history ends in its state (after a load). */
int accreditation_check_histories(struct summit_db *db, struct summit_err *err);
/* The kinds' hooks (kind.c): the rule of a badge-history row read from a
 * file, and a new badge's first history row. */
int accreditation_check_history(struct summit_db *db, long long self,
                                const char *const *values, struct summit_err *err);
int accreditation_after_insert(struct summit_db *db, long long id,
                               struct summit_err *err);

struct checkin_scan {
	const char *key; /* a badge number, or a person's name (case and accents aside) */
	const char *at;  /* local time, NULL for now */
	const char *room; /* a room's door, NULL for the entrance */
	const char *desk; /* which desk scanned, may be NULL */
};

struct checkin_result {
	char badge[64], name[256], delegation[32], delegation_name[256];
	char category[16], at[WHEN_TIME_LEN], room[128];
	bool again;            /* the person had already come in that day */
	long long people_day;  /* people in on the scan's day, this scan included */
	long long people_room; /* people scanned at that room's door that day */
};

/* Records one scan; refuses (SUMMIT_INVALID) a revoked or not yet approved
 * badge and (SUMMIT_NOT_FOUND) a key that names no badge, or several people.
 * Inside a transaction: one per scan. */
int checkin_record(struct summit_db *db, const struct checkin_scan *scan,
                   struct checkin_result *out, struct summit_err *err);

struct badge_row {
	const char *badge, *state, *category, *name, *title, *delegation,
	    *delegation_name;
};

/* Calls fn for each badge (by delegation name, then the person's name) of
 * the delegation with code `delegation` (NULL: all), or only `badge`;
 * only approved, printed and collected ones unless `all`. The row is valid
 * during the call; a non-zero return from fn stops and is returned. */
typedef int (*badge_fn)(const struct badge_row *row, void *ctx);
int accreditation_each(struct summit_db *db, const char *delegation, const char *badge,
                       bool all, badge_fn fn, void *ctx, struct summit_err *err);

/* The four stages, for delegations and for people. */
enum attendance_stage {
	STAGE_INVITED,    /* an invitation went out (sent or any later state) */
	STAGE_ACCEPTED,   /* the invitation is accepted */
	STAGE_ACCREDITED, /* a badge approved, printed or collected */
	STAGE_ATTENDED,   /* checked in at least once by the time asked */
	STAGE_COUNT
};
extern const char *const attendance_stage_names[];

/* A delegation attended by `by`: one of its members' badges was scanned at
 * or before it. SQL over a delegations row aliased d, `by` a UTC instant;
 * attendance_read counts with it and the list of the accepted delegations
 * not in yet (browse.c) filters with it, so the figure and its list agree. */
#define ATTENDANCE_SQL_ATTENDED(d, by)                                                   \
	"EXISTS (SELECT 1 FROM people p JOIN accreditations a ON a.person = p.id"        \
	" JOIN checkins c ON c.badge = a.id WHERE p.delegation = " d ".id"               \
	" AND c.at <= " by ")"

#define ATTENDANCE_GROUPS 7 /* 3 statuses + 4 kinds of delegation */

struct attendance_group {
	char name[32]; /* "participant", ..., "state", ... */
	long long delegations[STAGE_COUNT];
};

struct attendance_absent {
	char code[32], name[256];
};

struct attendance {
	char by[WHEN_TIME_LEN]; /* the time counted up to */
	long long delegations[STAGE_COUNT];
	/* People: invited and accepted count the members of such delegations. */
	long long people[STAGE_COUNT];
	struct attendance_group groups[ATTENDANCE_GROUPS];
	/* Delegations that accepted and had nobody checked in by `by`. */
	struct attendance_absent *absent;
	long long nabsent;
};

/* Reads the figures up to `by` (local time; NULL for now). Release with
 * attendance_clear. */
int attendance_read(struct summit_db *db, const char *by, struct attendance *out,
                    struct summit_err *err);
void attendance_clear(struct attendance *a);

struct attendance_day {
	char day[WHEN_DATE_LEN];
	long long delegations, people;
};

struct attendance_session {
	long long id;
	char title[256], room[128], start[WHEN_TIME_LEN];
	long long people; /* scanned at the room's door during the session */
};

/* Per day of the event, and per session held in a room with door scans.
 * The caller frees *days and *sessions. */
int attendance_by_day(struct summit_db *db, struct attendance_day **days,
                      long long *ndays, struct summit_err *err);
int attendance_by_session(struct summit_db *db, struct attendance_session **sessions,
                          long long *nsessions, struct summit_err *err);

#endif
