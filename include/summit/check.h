/* Readiness checks: everything about an event that is wrong or not done yet,
 * each problem with a severity, a kind, the records involved and one
 * sentence for a planner. Each kind of problem is one small function in
 * src/core/check.c; front ends receive the problems through a callback.
 *
 * Who is expected where (the rules the checks share):
 * - A delegation is expected when its invitation is accepted, or when it
 *   has no invitation at all (the host, or an event that does not track
 *   invitations). The host delegation is the one named as the event's
 *   country: it lives in town and needs no hotel, flight or car.
 * - A session open to all is for the expected delegations; one open to
 *   participants for those whose status is participant; a list session for
 *   the listed delegations that are expected. Cancelled sessions count for
 *   nothing.
 * - A delegation must attend the sessions that list it, and plenaries and
 *   ceremonies open to it, unless it is a guest (guests attend those only
 *   when listed). It comes in full (its size) to sessions it must attend;
 *   to the open working groups and side events it may attend, it sends at
 *   least one person.
 * - A delegation is in town from its first arrival to its last departure
 *   (its main party: the arrivals without a person, when there are any);
 *   with no departure, through the night of the event's last day. Landing
 *   before 06:00 needs the night before. A person travelling apart is in
 *   town from their own arrival to their own departure.
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

/* One kind of problem and its severity. */
struct check_kind {
	const char *name; /* e.g. "room-double-booked" */
	enum check_severity severity;
	const char *summary;
};

#define CHECK_KINDS 21
extern const struct check_kind check_kinds[CHECK_KINDS];
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

#define CHECK_PICKUP_MARGIN 20 /* minutes */
#define CHECK_ARRIVAL_DAYS  7

struct check_options {
	/* A pickup leaves the airport at least this long after landing. */
	int pickup_margin;
	/* Arrival details are due this many days before the first day. */
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
	long long by_kind[CHECK_KINDS]; /* as check_kinds[] */
};
int check_count(struct summit_db *db, const struct check_options *options,
                struct check_counts *counts, struct summit_err *err);

#endif
