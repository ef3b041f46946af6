/* Shared by the checks (src/core/check*.c) only: the event as they read it,
 * loaded once per run over the model (summit/model.h), and the helpers
 * that date, name and report a problem. */
#ifndef SUMMIT_CHECK_INTERNAL_H
#define SUMMIT_CHECK_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "internal.h"
#include "summit/check.h"
#include "summit/error.h"
#include "summit/model.h"
#include "summit/when.h"

/* A delegation's place in a session it must attend. */
struct att {
	size_t dlg, sess;
	long long start;
};

struct trip {
	long long id, vehicle, origin, destination, depart, arrive, capacity;
	char *kind, *code, *driver;
};

struct named {
	long long id;
	char *name;
};

struct travel {
	long long a, b, minutes;
};

struct check_ctx {
	struct summit_db *db;
	const struct check_options *opt;
	check_fn fn;
	void *fnctx;
	check_late_fn late; /* set: late-arrival gives its findings here */
	void *late_ctx;
	struct summit_err *err;
	const struct check_kind *current;
	int status;

	char today[WHEN_DATE_LEN], currency[16];
	long today_num, first_num, last_num;
	long long event_start, event_end;
	/* The event's settings, with this run's options applied. */
	struct model_settings settings;

	struct model m;
	/* The model's arrays, named short: delegations and sessions by id,
	 * scheduled sessions only; flights by delegation, then time. */
	struct model_delegation *dlg;
	size_t ndlg;
	struct model_session *sess;
	size_t nsess;
	struct model_flight *arr;
	size_t narr;
	struct att *att; /* required attendance, by delegation then start */
	size_t natt;
	struct trip *trip; /* by id */
	size_t ntrip;
	struct named *place, *venue_place; /* venue_place: id venue, name unused */
	size_t nplace, nvenue;
	long long *venue_place_id;
	struct travel *travel;
	size_t ntravel;
	size_t cap_trip, cap_place, cap_travel, cap_venue;
};

/* The checks, check_<id> for each X of CHECK_KIND_LIST. */
#define CHECK_KIND_DECLARE(ID, id, name, severity, summary)                              \
	int check_##id(struct check_ctx *c);
CHECK_KIND_LIST(CHECK_KIND_DECLARE)
#undef CHECK_KIND_DECLARE

/* Runs sql with optional text parameters and calls row for each row. */
int check_query(struct check_ctx *c, const char *sql, const char *p1, const char *p2,
                int (*row)(struct check_ctx *c, sqlite3_stmt *st, void *arg), void *arg);
char *check_column_text(sqlite3_stmt *st, int i);
long check_day_num(const char *date);
void check_local_time(struct check_ctx *c, long long t, char out[WHEN_TIME_LEN]);
/* "HH:MM" of a UTC time, in out. */
const char *check_hhmm(struct check_ctx *c, long long t, char out[WHEN_TIME_LEN]);
void check_money(struct check_ctx *c, long long cents, char *out, size_t size);

/* Reports one problem of the current kind; days are day numbers, 0: none. */
int check_emit(struct check_ctx *c, long first, long last,
               const struct check_subject *subjects, size_t nsubjects, const char *fmt,
               ...) SUMMIT_PRINTF(6, 7);

struct check_subject check_subj_dlg(const struct model_delegation *d);
struct check_subject check_subj_sess(const struct model_session *s);
struct check_subject check_subj_room(const struct model_session *s);
struct check_subject check_subj_trip(const struct trip *t);
struct check_subject check_subj_vehicle(const struct trip *t);
/* "Mali (MLI)" */
const char *check_dlg_label(const struct model_delegation *d, char *buf, size_t size);

int check_cmp_ll(long long a, long long b);
/* qsort, which may not be given a NULL array even when it is empty. */
void check_sort(void *base, size_t n, size_t size,
                int (*cmp)(const void *, const void *));
struct model_delegation *check_find_dlg(struct check_ctx *c, long long id);
struct trip *check_find_trip(struct check_ctx *c, long long id);
const char *check_place_name(struct check_ctx *c, long long id);
long long check_venue_place(struct check_ctx *c, long long venue);
/* Minutes by road between two places, either way, or -1 when unknown. */
long long check_travel_minutes(struct check_ctx *c, long long a, long long b);

/* The end of the run of flights of the delegation at arr[from]. */
size_t check_flight_run(struct check_ctx *c, size_t from);

/* Overlaps: sort by group and start, then sweep, comparing each span only
 * with those of its group still running when it starts (O(n log n) plus
 * the overlaps found). */
struct span {
	long long group, start, end;
	size_t idx;
};
typedef int (*overlap_fn)(struct check_ctx *c, const struct span *a,
                          const struct span *b);
int check_sweep(struct check_ctx *c, struct span *v, size_t n, overlap_fn fn);
/* The overlap of two spans as "on DATE from HH:MM to HH:MM". */
const char *check_overlap_text(struct check_ctx *c, const struct span *a,
                               const struct span *b, char *buf, size_t size, long *day);

/* People's names by id, for the checks that name them. */
struct person_name {
	long long id;
	char *name;
};
struct person_names {
	struct person_name *v;
	size_t n, cap;
};
int check_row_person(struct check_ctx *c, sqlite3_stmt *st, void *arg);
/* The name of a person in a list sorted by id, or NULL. */
const char *check_person_name(const struct person_names *p, long long id);
void check_free_person_names(struct person_names *p);

#endif
