/* Building plans, for the planner modules of libsummit (planner-*.c). */
#ifndef SUMMIT_PLANNER_INTERNAL_H
#define SUMMIT_PLANNER_INTERNAL_H

#include "summit/planner.h"
#include <stdbool.h>

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

/* A mixed integer program, arrays 1-based (GLPK's convention): minimise
 * obj.x subject to each row's sum <= row_hi (== row_hi when row_fixed), a
 * column binary or in [0, col_hi]; warm (or NULL) a feasible start. */
struct planner_mip {
	int nrows, ncols, nz;
	const double *row_hi;
	const bool *row_fixed;
	const double *obj, *col_hi;
	const bool *binary;
	const int *ia, *ja;
	const double *ar;
	const double *warm;
	double deadline; /* planner_clock() seconds */
};
enum planner_mip_result {
	PLANNER_MIP_NONE,     /* not even the LP relaxation in time */
	PLANNER_MIP_BOUND,    /* *bound only */
	PLANNER_MIP_FEASIBLE, /* *bound, and x[] with *value */
	PLANNER_MIP_OPTIMAL,
};
/* planner-mip.c, in summit-plan only: a weak reference, NULL where the
 * program does not link GLPK (then the planners use their heuristics). */
enum planner_mip_result planner_mip_solve(const struct planner_mip *m, double *x,
                                          double *value, double *bound)
    __attribute__((weak));
/* Called by summit-plan so that planner-mip.c (and GLPK) is linked in. */
bool planner_mip_linked(void);

#endif
