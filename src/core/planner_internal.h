/* Building plans, for the planner modules of libsummit (planner-*.c). */
#ifndef SUMMIT_PLANNER_INTERNAL_H
#define SUMMIT_PLANNER_INTERNAL_H

#include "summit/planner.h"
#include "summit/xalloc.h"

/* Each takes ownership of values (kind->nfields strings, NULL where not
 * set) and returns the change's index. */
size_t planner_add(struct planner_plan *plan, const struct kind *kind, char **values,
                   char *what);
size_t planner_change(struct planner_plan *plan, const struct kind *kind, long long id,
                      long long revision, char **values, char *what);
size_t planner_remove(struct planner_plan *plan, const struct kind *kind, long long id,
                      long long revision, char *what);
/* A fresh values array for kind (every entry NULL). */
char **planner_values(const struct kind *kind);
void planner_shortfall(struct planner_plan *plan, const char *fmt, ...)
    SUMMIT_PRINTF(2, 3);
void planner_note(struct planner_plan *plan, const char *fmt, ...) SUMMIT_PRINTF(2, 3);

/* Seconds on a monotonic clock, for the planners' deadlines. */
double planner_clock(void);

/* Minutes by road between two places (either way), or -1 when unknown. */
struct planner_travel;
struct summit_db;
struct summit_err;
int planner_travel_load(struct summit_db *db, struct planner_travel **travel,
                        struct summit_err *err);
long long planner_travel_minutes(const struct planner_travel *travel, long long a,
                                 long long b);
void planner_travel_free(struct planner_travel *travel);
/* The place of the event's venue (check.h's rule), or 0. */
long long planner_venue_place(struct summit_db *db);

/* The day number (days since 1970) of a UTC instant in the event's zone,
 * and the minutes since that local midnight. */
long planner_local_day(struct summit_db *db, long long utc, int *minute);

#endif
