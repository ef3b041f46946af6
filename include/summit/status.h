/* The readiness figures for the morning meeting: the same numbers for
 * `summit status` and the TUI's dashboard. */
#ifndef SUMMIT_STATUS_H
#define SUMMIT_STATUS_H

#include <stddef.h>

#include "summit/check.h"
#include "summit/when.h"

struct summit_db;
struct summit_err;

struct event_status {
	char name[256], city[128], country[128], currency[16];
	char first_day[WHEN_DATE_LEN], last_day[WHEN_DATE_LEN], today[WHEN_DATE_LEN];
	long days_left;  /* until the first day; negative once it began */
	long event_days; /* first day to last, both counted */
	long long delegations, participants, observers, guests, people;
	long long invitations[INVITATION_STATE_COUNT];
	long long accepted, accepted_with_hotel, accepted_with_arrival;
	/* Expected delegations check's no-hotel names (in town on a night
	 * without a room), and accepted ones without arrival details, those
	 * living in town aside (model.h). */
	long long accepted_without_hotel, accepted_without_arrival;
	long long sessions, sessions_cancelled;
	long long arrivals, arrivals_without_pickup, trips, vehicles;
	long long budget_cents, pledged_cents, received_cents;
	long long tasks_open, tasks_overdue;
	/* What `summit check` finds with its default thresholds. */
	struct check_counts problems;
};

/* Reads the figures and runs the checks; today comes from when_today. */
int status_read(struct summit_db *db, struct event_status *status,
                struct summit_err *err);
/* The same but for what comes from the checks, left at 0: the problems
 * and the accepted delegations without a hotel. */
int status_read_figures(struct summit_db *db, struct event_status *status,
                        struct summit_err *err);
/* Those from the problems kept for the TUI (check_kept_run), which runs
 * every check only when the file changed since. */
int status_read_kept_problems(struct summit_db *db, struct event_status *status,
                              struct summit_err *err);

/* Where today stands: "7 days left", "it opens today", "day 2 of 4",
 * "it closed 3 days ago". */
void status_when(const struct event_status *status, char *out, size_t size);

#endif
