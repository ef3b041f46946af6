/* Lists of records a screen at a time: filtered, searched and sorted in
 * SQL with LIMIT and OFFSET, so a screen never reads more rows than it
 * shows, whatever the size of the event. */
#ifndef SUMMIT_BROWSE_H
#define SUMMIT_BROWSE_H

#include <stdbool.h>
#include <stddef.h>

#include "summit/kind.h"
#include "summit/record.h"

struct summit_db;
struct summit_err;

/* A named condition beyond field = value, such as "accepted delegations
 * without a hotel": the records behind a figure of the dashboard. */
struct browse_cond {
	const char *name;
	const struct kind *kind;    /* the kind it applies to */
	const char *label;          /* for people: "without a hotel" */
	const char *where;          /* SQL on alias t, at most one ? */
	const char *const *choices; /* values the parameter takes, or NULL */
	bool param_today;           /* the parameter is today's date */
	/* The parameter is a local time (YYYY-MM-DD HH:MM), bound as its UTC
	 * instant; absent or empty: now (when_now). */
	bool param_time;
};

extern const struct browse_cond browse_conds[];
extern const size_t browse_cond_count;
const struct browse_cond *browse_cond_find(const char *name);

#define BROWSE_SORT_NATURAL -1 /* the order of `summit list` */
#define BROWSE_SORT_EXTRA   -2 /* by the extra column */

struct browse {
	const struct kind *kind;
	/* field = value in the user's form; NULL or "" is "not set". */
	const struct record_filter *filters;
	size_t nfilters;
	const struct browse_cond *cond; /* or NULL */
	const char *param;              /* the condition's parameter */
	const char *search;             /* a text or code field contains it */
	int sort;                       /* a field's index, or BROWSE_SORT_* */
	bool descending;
};

struct browse_row {
	long long id;
	const char *extra; /* the kind's extra column (see browse_extra_name) */
	bool warn;         /* the record needs attention (overdue, no pickup) */
};
typedef int (*browse_fn)(const struct browse_row *row, void *ctx);

/* The name of the column a kind's lists show beyond its fields (a
 * delegation's invitation state), or NULL. */
const char *browse_extra_name(const struct kind *kind);
/* What makes a row of kind need attention, in words, or NULL. */
const char *browse_warn_label(const struct kind *kind);

int browse_count(struct summit_db *db, const struct browse *b, long long *count,
                 struct summit_err *err);
/* Calls fn for `limit` rows after the first `offset`; row is valid during
 * the call only. A non-zero return from fn stops and is returned. */
int browse_each(struct summit_db *db, const struct browse *b, long long offset,
                long long limit, browse_fn fn, void *ctx, struct summit_err *err);
/* The position of record id in the list, or -1 when it is not in it. */
long long browse_position(struct summit_db *db, const struct browse *b, long long id,
                          struct summit_err *err);

#endif
