#include "summit/check.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "internal.h"
#include "summit/text.h"
#include "summit/db.h"
#include "summit/error.h"
#include "summit/when.h"
#include "summit/xalloc.h"

const struct check_kind check_kinds[CHECK_KIND_COUNT] = {
#define CHECK_KIND_ENTRY(ID, id, name, severity, summary)                                \
	{name, severity, summary, check_##id},
    CHECK_KIND_LIST(CHECK_KIND_ENTRY)
#undef CHECK_KIND_ENTRY
};

const struct check_kind *check_kind_find(const char *name)
{
	for (size_t i = 0; i < CHECK_KIND_COUNT; i++)
		if (strcmp(check_kinds[i].name, name) == 0)
			return &check_kinds[i];
	return NULL;
}

const char *check_severity_name(enum check_severity severity)
{
	return severity == CHECK_ERROR ? "error" : "warning";
}

char *check_subject_text(const struct check_subject *s)
{
	char id[32];
	snprintf(id, sizeof id, "#%lld", s->id);
	return xasprintf("%s %s%s%s%s", s->kind->singular, s->key ? s->key : id,
	                 s->name ? " (" : "", s->name ? s->name : "", s->name ? ")" : "");
}

void check_options_init(struct check_options *o)
{
	memset(o, 0, sizeof *o);
	o->pickup_margin = -1; /* the event's settings */
	o->arrival_days = -1;
}

char *check_column_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? xstrdup((const char *)t) : NULL;
}

/* Runs sql with optional text parameters and calls row for each row. */
int check_query(struct check_ctx *c, const char *sql, const char *p1, const char *p2,
                int (*row)(struct check_ctx *c, sqlite3_stmt *st, void *arg), void *arg)
{
	sqlite3_stmt *st;
	int status = db_prepare(c->db, sql, &st, c->err);
	if (status)
		return status;
	if (p1)
		sqlite3_bind_text(st, 1, p1, -1, SQLITE_STATIC);
	if (p2)
		sqlite3_bind_text(st, 2, p2, -1, SQLITE_STATIC);
	int rc = SQLITE_DONE;
	while (!status && (rc = sqlite3_step(st)) == SQLITE_ROW)
		status = row(c, st, arg);
	if (!status && rc != SQLITE_DONE)
		status = db_step_error(c->db, rc, c->err);
	sqlite3_finalize(st);
	return status;
}

long check_day_num(const char *date)
{
	int y, m, d;
	if (!when_parse_date(date, &y, &m, &d))
		return 0;
	return when_day_number(y, m, d);
}

void check_local_time(struct check_ctx *c, long long t, char out[WHEN_TIME_LEN])
{
	when_format_local(c->db, t, out);
}

/* "HH:MM" of a UTC time. */
const char *check_hhmm(struct check_ctx *c, long long t, char out[WHEN_TIME_LEN])
{
	check_local_time(c, t, out);
	return out + 11;
}

void check_money(struct check_ctx *c, long long cents, char *out, size_t size)
{
	text_money(cents, c->currency, out, size);
}

/* Reports one problem of the current kind; days are day numbers, 0: none. */
int check_emit(struct check_ctx *c, long first, long last,
               const struct check_subject *subjects, size_t nsubjects, const char *fmt,
               ...)
{
	if (c->status)
		return c->status;
	struct check_problem p = {c->current, subjects, nsubjects, "", "", NULL};
	if (first) {
		when_format_day(first, p.first_day);
		when_format_day(last ? last : first, p.last_day);
	}
	if (c->opt->day && (!first || strcmp(c->opt->day, p.first_day) < 0 ||
	                    strcmp(c->opt->day, p.last_day) > 0))
		return SUMMIT_OK;
	va_list ap;
	va_start(ap, fmt);
	char *msg;
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	if (!msg)
		return c->status = err_set(c->err, SUMMIT_FAILED, "out of memory");
	p.message = msg;
	c->status = c->fn(&p, c->fnctx);
	free(msg);
	return c->status;
}

/* Subjects. */
struct check_subject check_subj_dlg(const struct model_delegation *d)
{
	return (struct check_subject){&kind_delegations, d->id, d->code, d->name};
}

struct check_subject check_subj_sess(const struct model_session *s)
{
	return (struct check_subject){&kind_sessions, s->id, NULL, s->title};
}

struct check_subject check_subj_room(const struct model_session *s)
{
	return (struct check_subject){&kind_rooms, s->room, s->room_name, NULL};
}

struct check_subject check_subj_trip(const struct trip *t)
{
	return (struct check_subject){&kind_trips, t->id, NULL, NULL};
}

struct check_subject check_subj_vehicle(const struct trip *t)
{
	return (struct check_subject){&kind_vehicles, t->vehicle, t->code, NULL};
}

/* "Mali (MLI)" */
const char *check_dlg_label(const struct model_delegation *d, char *buf, size_t size)
{
	snprintf(buf, size, "%s (%s)", d->name, d->code);
	return buf;
}

int check_cmp_ll(long long a, long long b)
{
	return a < b ? -1 : a > b;
}

struct model_delegation *check_find_dlg(struct check_ctx *c, long long id)
{
	return db_find_id(c->dlg, c->ndlg, sizeof *c->dlg, id);
}

struct trip *check_find_trip(struct check_ctx *c, long long id)
{
	return db_find_id(c->trip, c->ntrip, sizeof *c->trip, id);
}

const char *check_place_name(struct check_ctx *c, long long id)
{
	const struct named *p = db_find_id(c->place, c->nplace, sizeof *c->place, id);
	return p ? p->name : "?";
}

long long check_venue_place(struct check_ctx *c, long long venue)
{
	for (size_t i = 0; i < c->nvenue; i++)
		if (c->venue_place[i].id == venue)
			return c->venue_place_id[i];
	return 0;
}

/* qsort, which may not be given a NULL array even when it is empty. */
void check_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

static int cmp_travel(const void *a, const void *b)
{
	const struct travel *x = a, *y = b;
	int r = check_cmp_ll(x->a, y->a);
	return r ? r : check_cmp_ll(x->b, y->b);
}

/* Minutes by road between two places, either way, or -1 when unknown. */
long long check_travel_minutes(struct check_ctx *c, long long a, long long b)
{
	if (a == b)
		return 0;
	struct travel key = {a, b, 0};
	if (!c->ntravel)
		return -1;
	struct travel *t = bsearch(&key, c->travel, c->ntravel, sizeof key, cmp_travel);
	return t ? t->minutes : -1;
}

/* Loading. */
static int row_event(struct check_ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	const unsigned char *cur = sqlite3_column_text(st, 0);
	snprintf(c->currency, sizeof c->currency, "%s", cur ? (const char *)cur : "");
	return SUMMIT_OK;
}

static int row_trip(struct check_ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	GROW(c->trip, c->ntrip, c->cap_trip);
	struct trip *t = &c->trip[c->ntrip++];
	t->id = sqlite3_column_int64(st, 0);
	t->vehicle = sqlite3_column_int64(st, 1);
	t->kind = check_column_text(st, 2);
	t->origin = sqlite3_column_int64(st, 3);
	t->destination = sqlite3_column_int64(st, 4);
	t->depart = sqlite3_column_int64(st, 5);
	t->arrive = sqlite3_column_int64(st, 6);
	t->code = check_column_text(st, 7);
	t->capacity = sqlite3_column_int64(st, 8);
	t->driver = check_column_text(st, 9);
	return SUMMIT_OK;
}

static int row_place(struct check_ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	GROW(c->place, c->nplace, c->cap_place);
	c->place[c->nplace].id = sqlite3_column_int64(st, 0);
	c->place[c->nplace++].name = check_column_text(st, 1);
	return SUMMIT_OK;
}

static int row_travel(struct check_ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	long long a = sqlite3_column_int64(st, 0), b = sqlite3_column_int64(st, 1),
	          m = sqlite3_column_int64(st, 2);
	GROW(c->travel, c->ntravel, c->cap_travel);
	c->travel[c->ntravel++] = (struct travel){a, b, m};
	GROW(c->travel, c->ntravel, c->cap_travel);
	c->travel[c->ntravel++] = (struct travel){b, a, m};
	return SUMMIT_OK;
}

static int row_venue(struct check_ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	size_t old = c->cap_venue;
	GROW(c->venue_place, c->nvenue, c->cap_venue);
	if (c->cap_venue != old)
		c->venue_place_id =
		    xrealloc(c->venue_place_id, c->cap_venue * sizeof *c->venue_place_id);
	c->venue_place[c->nvenue].id = sqlite3_column_int64(st, 0);
	c->venue_place[c->nvenue].name = check_column_text(st, 1);
	c->venue_place_id[c->nvenue++] = 0;
	return SUMMIT_OK;
}

struct venue_places {
	struct named *v;
	size_t n, cap;
};

static int row_venue_place(struct check_ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)c;
	struct venue_places *vp = arg;
	GROW(vp->v, vp->n, vp->cap);
	vp->v[vp->n].id = sqlite3_column_int64(st, 0);
	vp->v[vp->n++].name = check_column_text(st, 1);
	return SUMMIT_OK;
}

/* Each venue's place, by the rule in check.h. */
static int load_venue_places(struct check_ctx *c)
{
	struct venue_places vp = {0};
	int status = check_query(c, "SELECT id, name FROM venues ORDER BY id", NULL, NULL,
	                         row_venue, NULL);
	if (!status)
		status = check_query(
		    c, "SELECT id, name FROM places WHERE kind = 'venue' ORDER BY id",
		    NULL, NULL, row_venue_place, &vp);
	for (size_t i = 0; !status && i < c->nvenue; i++) {
		const char *name = c->venue_place[i].name;
		long long found = vp.n == 1 ? vp.v[0].id : 0;
		for (size_t j = 0; j < vp.n; j++)
			if (strcmp(vp.v[j].name, name) == 0)
				found = vp.v[j].id;
		for (size_t j = 0; !found && j < vp.n; j++)
			if (strstr(name, vp.v[j].name))
				found = vp.v[j].id;
		c->venue_place_id[i] = found;
	}
	for (size_t j = 0; j < vp.n; j++)
		free(vp.v[j].name);
	free(vp.v);
	return status;
}

static int cmp_att(const void *a, const void *b)
{
	const struct att *x = a, *y = b;
	int r = x->dlg < y->dlg ? -1 : x->dlg > y->dlg;
	return r ? r : check_cmp_ll(x->start, y->start);
}

static void add_att(struct check_ctx *c, size_t *cap, size_t dlg, size_t sess)
{
	GROW(c->att, c->natt, *cap);
	c->att[c->natt++] = (struct att){dlg, sess, c->sess[sess].start};
}

static int load(struct check_ctx *c)
{
	int status = model_load(
	    c->db, &c->m, MODEL_SESSIONS | MODEL_SCHEDULED | MODEL_FLIGHTS, 0, 0, c->err);
	if (status)
		return status;
	c->dlg = c->m.delegations, c->ndlg = c->m.ndelegations;
	c->sess = c->m.sessions, c->nsess = c->m.nsessions;
	c->arr = c->m.flights, c->narr = c->m.nflights;
	c->first_num = c->m.first_day;
	c->last_num = c->m.last_day;
	c->today_num = check_day_num(c->today);
	c->event_start = c->m.day_start[c->first_num - c->m.day0];
	c->event_end = c->m.day_start[c->last_num + 1 - c->m.day0];

	status = check_query(c, "SELECT currency FROM event WHERE id = 1", NULL, NULL,
	                     row_event, NULL);
	// clang-format off
	if (!status)
		status = check_query(c,
		    "SELECT t.id, t.vehicle, t.kind, t.origin, t.destination, t.depart,"
		    "       t.arrive, v.code, v.capacity, coalesce(v.driver, '')"
		    "  FROM trips t JOIN vehicles v ON v.id = t.vehicle"
		    " ORDER BY t.id",
		    NULL, NULL, row_trip, NULL);
	// clang-format on
	if (!status)
		status = check_query(c, "SELECT id, name FROM places ORDER BY id", NULL,
		                     NULL, row_place, NULL);
	if (!status)
		status = check_query(c, "SELECT origin, destination, minutes FROM travel",
		                     NULL, NULL, row_travel, NULL);
	if (!status)
		status = load_venue_places(c);
	if (status)
		return status;
	check_sort(c->travel, c->ntravel, sizeof *c->travel, cmp_travel);

	/* Who must attend what: listed delegations, and the expected ones at
	 * plenaries and ceremonies (model_attends). */
	size_t cap = 0;
	for (size_t i = 0; i < c->nsess; i++) {
		struct model_session *s = &c->sess[i];
		bool required;
		if (s->attendance == MODEL_LIST) {
			for (size_t k = 0; k < s->nlisted; k++)
				if (model_attends(s, &c->dlg[s->listed[k]], &required) &&
				    required)
					add_att(c, &cap, s->listed[k], i);
		} else if (s->plenary) {
			for (size_t k = 0; k < c->ndlg; k++)
				if (model_attends(s, &c->dlg[k], &required) && required)
					add_att(c, &cap, k, i);
		}
	}
	check_sort(c->att, c->natt, sizeof *c->att, cmp_att);
	return SUMMIT_OK;
}

static void unload(struct check_ctx *c)
{
	for (size_t i = 0; i < c->ntrip; i++)
		free(c->trip[i].kind), free(c->trip[i].code), free(c->trip[i].driver);
	for (size_t i = 0; i < c->nplace; i++)
		free(c->place[i].name);
	for (size_t i = 0; i < c->nvenue; i++)
		free(c->venue_place[i].name);
	free(c->att), free(c->trip);
	free(c->place), free(c->venue_place), free(c->venue_place_id), free(c->travel);
	model_free(&c->m);
}

static int cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	int r = check_cmp_ll(x->group, y->group);
	if (!r)
		r = check_cmp_ll(x->start, y->start);
	if (!r)
		r = check_cmp_ll(x->end, y->end);
	return r ? r : (x->idx > y->idx) - (x->idx < y->idx);
}

int check_sweep(struct check_ctx *c, struct span *v, size_t n, overlap_fn fn)
{
	check_sort(v, n, sizeof *v, cmp_span);
	size_t *active = xmalloc((n ? n : 1) * sizeof *active), nactive = 0;
	for (size_t i = 0; i < n && !c->status; i++) {
		if (i && v[i].group != v[i - 1].group)
			nactive = 0;
		size_t kept = 0;
		for (size_t j = 0; j < nactive; j++)
			if (v[active[j]].end > v[i].start)
				active[kept++] = active[j];
		nactive = kept;
		for (size_t j = 0; j < nactive && !c->status; j++)
			fn(c, &v[active[j]], &v[i]);
		active[nactive++] = i;
	}
	free(active);
	return c->status;
}

/* The overlap of two spans as "on DATE from HH:MM to HH:MM". */
const char *check_overlap_text(struct check_ctx *c, const struct span *a,
                               const struct span *b, char *buf, size_t size, long *day)
{
	long long from = a->start > b->start ? a->start : b->start;
	long long to = a->end < b->end ? a->end : b->end;
	char f[WHEN_TIME_LEN], t[WHEN_TIME_LEN];
	check_local_time(c, from, f);
	check_local_time(c, to, t);
	*day = model_local_day(&c->m, from);
	if (strncmp(f, t, 10) == 0)
		snprintf(buf, size, "on %.10s from %s to %s", f, f + 11, t + 11);
	else
		snprintf(buf, size, "from %s to %s", f, t);
	return buf;
}

/* The end of the run of arrivals of the delegation at arr[from]. */
size_t check_flight_run(struct check_ctx *c, size_t from)
{
	size_t to = from;
	while (to < c->narr && c->arr[to].delegation == c->arr[from].delegation)
		to++;
	return to;
}

int check_row_person(struct check_ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)c;
	struct person_names *p = arg;
	GROW(p->v, p->n, p->cap);
	p->v[p->n].id = sqlite3_column_int64(st, 0);
	p->v[p->n++].name = check_column_text(st, 1);
	return SUMMIT_OK;
}

/* The name of a person in a list sorted by id, or NULL. */
const char *check_person_name(const struct person_names *p, long long id)
{
	size_t lo = 0, hi = p->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (p->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < p->n && p->v[lo].id == id ? p->v[lo].name : NULL;
}

void check_free_person_names(struct person_names *p)
{
	for (size_t j = 0; j < p->n; j++)
		free(p->v[j].name);
	free(p->v);
}

static bool selected(const struct check_options *o, const struct check_kind *k)
{
	if (!o->nonly)
		return true;
	for (size_t i = 0; i < o->nonly; i++)
		if (strcmp(o->only[i], k->name) == 0)
			return true;
	return false;
}

/* check_run; with late set (check_late_arrivals), late-arrival hands what
 * it finds to late instead of writing its message. */
static int run(struct summit_db *db, const struct check_options *options, check_fn fn,
               void *fnctx, check_late_fn late, void *late_ctx, struct summit_err *err)
{
	struct check_options defaults;
	if (!options) {
		check_options_init(&defaults);
		options = &defaults;
	}
	for (size_t i = 0; i < options->nonly; i++)
		if (!check_kind_find(options->only[i]))
			return err_field(err, "only",
			                 "got \"%s\", expected a kind of problem",
			                 options->only[i]);
	int y, m, d;
	if (options->day && !when_parse_date(options->day, &y, &m, &d))
		return err_field(err, "day", "got \"%s\", expected a date as YYYY-MM-DD",
		                 options->day);
	/* One read transaction, so every check sees the same event. */
	bool own = !db->in_transaction;
	if (own && sqlite3_exec(db->conn, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return err_set(err, SUMMIT_FAILED, "cannot read the event: %s",
		               sqlite3_errmsg(db->conn));
	struct check_ctx c = {.db = db,
	                      .opt = options,
	                      .fn = fn,
	                      .fnctx = fnctx,
	                      .late = late,
	                      .late_ctx = late_ctx,
	                      .err = err};
	int status = db_refresh_event(db, err);
	if (!status && !db_has_event(db))
		status = err_no_event(err);
	if (!status)
		status = when_today(db, c.today, err);
	if (!status)
		status = model_settings_read(db, &c.settings, err);
	if (options->pickup_margin >= 0)
		c.settings.pickup_margin = options->pickup_margin;
	if (options->arrival_days >= 0)
		c.settings.arrival_days = options->arrival_days;
	if (!status)
		status = load(&c);
	for (size_t i = 0; !status && i < CHECK_KIND_COUNT; i++) {
		if (!selected(options, &check_kinds[i]))
			continue;
		c.current = &check_kinds[i];
		status = check_kinds[i].run(&c);
		if (!status)
			status = c.status;
	}
	unload(&c);
	if (own)
		sqlite3_exec(db->conn, "COMMIT", NULL, NULL, NULL);
	return status;
}

int check_run(struct summit_db *db, const struct check_options *options, check_fn fn,
              void *fnctx, struct summit_err *err)
{
	return run(db, options, fn, fnctx, NULL, NULL, err);
}

int check_late_arrivals(struct summit_db *db, check_late_fn fn, void *ctx,
                        struct summit_err *err)
{
	static const char *const only[] = {"late-arrival"};
	struct check_options o;
	check_options_init(&o);
	o.only = only;
	o.nonly = 1;
	return run(db, &o, NULL, NULL, fn, ctx, err);
}

static int count_one(const struct check_problem *p, void *ctx)
{
	struct check_counts *counts = ctx;
	if (p->kind->severity == CHECK_ERROR)
		counts->errors++;
	else
		counts->warnings++;
	counts->by_kind[p->kind - check_kinds]++;
	return 0;
}

int check_count(struct summit_db *db, const struct check_options *options,
                struct check_counts *counts, struct summit_err *err)
{
	memset(counts, 0, sizeof *counts);
	return check_run(db, options, count_one, counts, err);
}
