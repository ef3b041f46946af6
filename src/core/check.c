#include "summit/check.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "summit/db.h"
#include "summit/error.h"
#include "summit/when.h"
#include "summit/xalloc.h"

const struct check_kind check_kinds[CHECK_KINDS] = {
    {"room-double-booked", CHECK_ERROR, "a room booked for two sessions at once"},
    {"room-too-small", CHECK_ERROR,
     "a session expecting more people than its room seats"},
    {"session-outside-event", CHECK_ERROR, "a session outside the event's days"},
    {"delegation-double-booked", CHECK_ERROR,
     "a delegation expected in two sessions at once that it must both attend"},
    {"late-arrival", CHECK_ERROR,
     "a delegation landing too late for a session it must attend"},
    {"shuttle-late", CHECK_ERROR,
     "a hotel's shuttles reaching the venue after a session its guests must attend "
     "starts"},
    {"hotel-overbooked", CHECK_ERROR,
     "a night on which a hotel allocates more rooms "
     "than its block"},
    {"no-hotel", CHECK_ERROR,
     "an expected delegation, or a person, in town on a night with no hotel"},
    {"hotel-split", CHECK_WARNING, "a delegation split across hotels"},
    {"no-pickup", CHECK_WARNING, "an arrival with no pickup"},
    {"pickup-early", CHECK_ERROR,
     "a pickup leaving the airport before the flight lands plus the margin"},
    {"vehicle-too-small", CHECK_ERROR,
     "a trip with more riders than its vehicle's seats"},
    {"vehicle-double-booked", CHECK_ERROR, "a vehicle on two trips at once"},
    {"driver-double-booked", CHECK_ERROR, "a driver on two trips at once"},
    {"trip-too-short", CHECK_ERROR,
     "a trip shorter than the travel time between its places"},
    {"invitation-unanswered", CHECK_WARNING,
     "an invitation not answered after its deadline"},
    {"arrival-details-missing", CHECK_WARNING,
     "an expected delegation without arrival details shortly before the event"},
    {"head-without-car", CHECK_WARNING,
     "a head of state or government without a "
     "dedicated car"},
    {"pledges-short", CHECK_WARNING, "pledges below the budget's needs"},
    {"pledge-not-received", CHECK_WARNING, "pledged money not yet received"},
    {"task-overdue", CHECK_WARNING, "a task past its deadline"},
};

const struct check_kind *check_kind_find(const char *name)
{
	for (size_t i = 0; i < CHECK_KINDS; i++)
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
	o->pickup_margin = CHECK_PICKUP_MARGIN;
	o->arrival_days = CHECK_ARRIVAL_DAYS;
}

/* The event as the checks read it, loaded once per run. */
struct dlg {
	long long id, size;
	char *code, *name, *status, *rank, *head, *state; /* state NULL: no invitation */
	bool expected, host, guest;
};

enum attendance { ATT_ALL, ATT_PARTICIPANTS, ATT_LIST };

struct sess {
	long long id, room, start, end, capacity, venue;
	char *title, *kind, *room_name;
	enum attendance attendance;
	bool plenary;            /* plenary or ceremony */
	size_t *listed, nlisted; /* delegation indexes */
};

/* A delegation's place in a session. */
struct att {
	size_t dlg, sess;
	long long start;
};

struct arr {
	long long id, delegation, person, time, airport, party, pickup; /* 0: none */
	bool departure;
	char *flight;
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

struct ctx {
	struct summit_db *db;
	const struct check_options *opt;
	check_fn fn;
	void *fnctx;
	struct summit_err *err;
	const struct check_kind *current;
	int status;

	char today[WHEN_DATE_LEN], country[256], currency[16];
	long today_num, first_num, last_num;
	long long event_start, event_end;
	/* UTC starts of local days from day0 on, to find a time's date fast. */
	long day0;
	long long *day_start;
	size_t ndays;

	struct dlg *dlg;
	size_t ndlg;
	struct sess *sess;
	size_t nsess;
	struct att *att; /* required attendance, by delegation then start */
	size_t natt;
	struct arr *arr; /* by delegation, then time */
	size_t narr;
	struct trip *trip; /* by id */
	size_t ntrip;
	struct named *place, *venue_place; /* venue_place: id venue, name unused */
	size_t nplace, nvenue;
	long long *venue_place_id;
	struct travel *travel;
	size_t ntravel;
	size_t cap_dlg, cap_sess, cap_arr, cap_trip, cap_place, cap_travel, cap_venue;
};

static char *column_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? xstrdup((const char *)t) : NULL;
}

/* Runs sql with optional text parameters and calls row for each row. */
static int query(struct ctx *c, const char *sql, const char *p1, const char *p2,
                 int (*row)(struct ctx *c, sqlite3_stmt *st, void *arg), void *arg)
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

static long day_num(const char *date)
{
	int y, m, d;
	if (!when_parse_date(date, &y, &m, &d))
		return 0;
	return when_day_number(y, m, d);
}

/* The local day number of a UTC time. */
static long local_day(struct ctx *c, long long t)
{
	if (c->ndays > 1 && t >= c->day_start[0] && t < c->day_start[c->ndays - 1]) {
		size_t lo = 0, hi = c->ndays - 1; /* day_start[lo] <= t < day_start[hi] */
		while (hi - lo > 1) {
			size_t mid = (lo + hi) / 2;
			if (c->day_start[mid] <= t)
				lo = mid;
			else
				hi = mid;
		}
		return c->day0 + (long)lo;
	}
	char buf[WHEN_TIME_LEN];
	when_format_local(c->db, t, buf);
	buf[10] = '\0';
	return day_num(buf);
}

static void local_time(struct ctx *c, long long t, char out[WHEN_TIME_LEN])
{
	when_format_local(c->db, t, out);
}

/* "HH:MM" of a UTC time. */
static const char *hhmm(struct ctx *c, long long t, char out[WHEN_TIME_LEN])
{
	local_time(c, t, out);
	return out + 11;
}

static void format_day(long n, char out[WHEN_DATE_LEN])
{
	when_format_day(n, out);
}

static void money(struct ctx *c, long long cents, char *out, size_t size)
{
	if (cents % 100)
		snprintf(out, size, "%lld.%02lld%s%s", cents / 100, llabs(cents % 100),
		         *c->currency ? " " : "", c->currency);
	else
		snprintf(out, size, "%lld%s%s", cents / 100, *c->currency ? " " : "",
		         c->currency);
}

/* Reports one problem of the current kind; days are day numbers, 0: none. */
SUMMIT_PRINTF(6, 7)
static int emit(struct ctx *c, long first, long last,
                const struct check_subject *subjects, size_t nsubjects, const char *fmt,
                ...)
{
	if (c->status)
		return c->status;
	struct check_problem p = {c->current, subjects, nsubjects, "", "", NULL};
	if (first) {
		format_day(first, p.first_day);
		format_day(last ? last : first, p.last_day);
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
static struct check_subject subj_dlg(const struct dlg *d)
{
	return (struct check_subject){&kind_delegations, d->id, d->code, d->name};
}

static struct check_subject subj_sess(const struct sess *s)
{
	return (struct check_subject){&kind_sessions, s->id, NULL, s->title};
}

static struct check_subject subj_room(const struct sess *s)
{
	return (struct check_subject){&kind_rooms, s->room, s->room_name, NULL};
}

static struct check_subject subj_trip(const struct trip *t)
{
	return (struct check_subject){&kind_trips, t->id, NULL, NULL};
}

static struct check_subject subj_vehicle(const struct trip *t)
{
	return (struct check_subject){&kind_vehicles, t->vehicle, t->code, NULL};
}

/* "Mali (MLI)" */
static const char *dlg_label(const struct dlg *d, char *buf, size_t size)
{
	snprintf(buf, size, "%s (%s)", d->name, d->code);
	return buf;
}

static int cmp_ll(long long a, long long b)
{
	return a < b ? -1 : a > b;
}

/* Records sorted by id, each beginning with its long long id: the one
 * with id, or NULL. */
static int cmp_id(const void *key, const void *record)
{
	return cmp_ll(*(const long long *)key, *(const long long *)record);
}

static void *find_id(void *base, size_t n, size_t size, long long id)
{
	return n ? bsearch(&id, base, n, size, cmp_id) : NULL;
}

static struct dlg *find_dlg(struct ctx *c, long long id)
{
	return find_id(c->dlg, c->ndlg, sizeof *c->dlg, id);
}

static struct sess *find_sess(struct ctx *c, long long id)
{
	return find_id(c->sess, c->nsess, sizeof *c->sess, id);
}

static struct trip *find_trip(struct ctx *c, long long id)
{
	return find_id(c->trip, c->ntrip, sizeof *c->trip, id);
}

static const char *place_name(struct ctx *c, long long id)
{
	const struct named *p = find_id(c->place, c->nplace, sizeof *c->place, id);
	return p ? p->name : "?";
}

static long long venue_place(struct ctx *c, long long venue)
{
	for (size_t i = 0; i < c->nvenue; i++)
		if (c->venue_place[i].id == venue)
			return c->venue_place_id[i];
	return 0;
}

/* qsort, which may not be given a NULL array even when it is empty. */
static void sort(void *base, size_t n, size_t size,
                 int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

static int cmp_travel(const void *a, const void *b)
{
	const struct travel *x = a, *y = b;
	int r = cmp_ll(x->a, y->a);
	return r ? r : cmp_ll(x->b, y->b);
}

/* Minutes by road between two places, either way, or -1 when unknown. */
static long long travel_minutes(struct ctx *c, long long a, long long b)
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
#define GROW(arr, n, cap)                                                                \
	do {                                                                             \
		if ((n) == (cap)) {                                                      \
			(cap) = (cap) ? (cap)*2 : 64;                                    \
			(arr) = xrealloc((arr), (cap) * sizeof *(arr));                  \
		}                                                                        \
	} while (0)

static int row_event(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	snprintf(c->country, sizeof c->country, "%s", sqlite3_column_text(st, 0));
	const unsigned char *cur = sqlite3_column_text(st, 1);
	snprintf(c->currency, sizeof c->currency, "%s", cur ? (const char *)cur : "");
	return SUMMIT_OK;
}

static int row_dlg(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	GROW(c->dlg, c->ndlg, c->cap_dlg);
	struct dlg *d = &c->dlg[c->ndlg++];
	d->id = sqlite3_column_int64(st, 0);
	d->code = column_text(st, 1);
	d->name = column_text(st, 2);
	d->status = column_text(st, 3);
	d->size = sqlite3_column_int64(st, 4);
	d->rank = column_text(st, 5);
	d->head = column_text(st, 6);
	d->state = column_text(st, 7);
	d->expected = !d->state || strcmp(d->state, "accepted") == 0;
	d->host = strcasecmp(d->name, c->country) == 0;
	d->guest = strcmp(d->status, "guest") == 0;
	return SUMMIT_OK;
}

static int row_sess(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	GROW(c->sess, c->nsess, c->cap_sess);
	struct sess *s = &c->sess[c->nsess++];
	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(st, 0);
	s->title = column_text(st, 1);
	s->kind = column_text(st, 2);
	s->room = sqlite3_column_int64(st, 3);
	s->start = sqlite3_column_int64(st, 4);
	s->end = sqlite3_column_int64(st, 5);
	const char *att = (const char *)sqlite3_column_text(st, 6);
	s->attendance = strcmp(att, "list") == 0           ? ATT_LIST
	                : strcmp(att, "participants") == 0 ? ATT_PARTICIPANTS
	                                                   : ATT_ALL;
	s->room_name = column_text(st, 7);
	s->capacity = sqlite3_column_int64(st, 8);
	s->venue = sqlite3_column_int64(st, 9);
	s->plenary = strcmp(s->kind, "plenary") == 0 || strcmp(s->kind, "ceremony") == 0;
	return SUMMIT_OK;
}

static int row_listed(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	struct sess *s = find_sess(c, sqlite3_column_int64(st, 0));
	struct dlg *d = find_dlg(c, sqlite3_column_int64(st, 1));
	if (s && d) {
		if ((s->nlisted & (s->nlisted - 1)) == 0) /* 0, 1, 2, 4...: grow */
			s->listed =
			    xrealloc(s->listed, (s->nlisted ? s->nlisted * 2 : 1) *
			                            sizeof *s->listed);
		s->listed[s->nlisted++] = (size_t)(d - c->dlg);
	}
	return SUMMIT_OK;
}

static int row_arr(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	GROW(c->arr, c->narr, c->cap_arr);
	struct arr *a = &c->arr[c->narr++];
	a->id = sqlite3_column_int64(st, 0);
	a->delegation = sqlite3_column_int64(st, 1);
	a->person = sqlite3_column_int64(st, 2);
	a->departure = strcmp((const char *)sqlite3_column_text(st, 3), "departure") == 0;
	a->time = sqlite3_column_int64(st, 4);
	a->flight = column_text(st, 5);
	a->airport = sqlite3_column_int64(st, 6);
	a->party = sqlite3_column_int64(st, 7);
	a->pickup = sqlite3_column_int64(st, 8);
	return SUMMIT_OK;
}

static int row_trip(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	GROW(c->trip, c->ntrip, c->cap_trip);
	struct trip *t = &c->trip[c->ntrip++];
	t->id = sqlite3_column_int64(st, 0);
	t->vehicle = sqlite3_column_int64(st, 1);
	t->kind = column_text(st, 2);
	t->origin = sqlite3_column_int64(st, 3);
	t->destination = sqlite3_column_int64(st, 4);
	t->depart = sqlite3_column_int64(st, 5);
	t->arrive = sqlite3_column_int64(st, 6);
	t->code = column_text(st, 7);
	t->capacity = sqlite3_column_int64(st, 8);
	t->driver = column_text(st, 9);
	return SUMMIT_OK;
}

static int row_place(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	GROW(c->place, c->nplace, c->cap_place);
	c->place[c->nplace].id = sqlite3_column_int64(st, 0);
	c->place[c->nplace++].name = column_text(st, 1);
	return SUMMIT_OK;
}

static int row_travel(struct ctx *c, sqlite3_stmt *st, void *arg)
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

static int row_venue(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	size_t old = c->cap_venue;
	GROW(c->venue_place, c->nvenue, c->cap_venue);
	if (c->cap_venue != old)
		c->venue_place_id =
		    xrealloc(c->venue_place_id, c->cap_venue * sizeof *c->venue_place_id);
	c->venue_place[c->nvenue].id = sqlite3_column_int64(st, 0);
	c->venue_place[c->nvenue].name = column_text(st, 1);
	c->venue_place_id[c->nvenue++] = 0;
	return SUMMIT_OK;
}

struct venue_places {
	struct named *v;
	size_t n, cap;
};

static int row_venue_place(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)c;
	struct venue_places *vp = arg;
	GROW(vp->v, vp->n, vp->cap);
	vp->v[vp->n].id = sqlite3_column_int64(st, 0);
	vp->v[vp->n++].name = column_text(st, 1);
	return SUMMIT_OK;
}

/* Each venue's place, by the rule in check.h. */
static int load_venue_places(struct ctx *c)
{
	struct venue_places vp = {0};
	int status = query(c, "SELECT id, name FROM venues ORDER BY id", NULL, NULL,
	                   row_venue, NULL);
	if (!status)
		status = query(
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
	return r ? r : cmp_ll(x->start, y->start);
}

static int cmp_arr(const void *a, const void *b)
{
	const struct arr *x = a, *y = b;
	int r = cmp_ll(x->delegation, y->delegation);
	if (!r)
		r = cmp_ll(x->time, y->time);
	return r ? r : cmp_ll(x->id, y->id);
}

/* Does delegation d attend session s, and must it? */
static bool attends(const struct sess *s, const struct dlg *d, bool *required)
{
	*required = false;
	if (!d->expected)
		return false;
	switch (s->attendance) {
	case ATT_LIST:
		*required = true;
		return true; /* called for listed ones only */
	case ATT_PARTICIPANTS:
		if (strcmp(d->status, "participant") != 0)
			return false;
		*required = s->plenary;
		return true;
	case ATT_ALL:
		*required = s->plenary && !d->guest;
		return true;
	}
	return false;
}

static int load(struct ctx *c)
{
	int status = query(c, "SELECT country, currency FROM event WHERE id = 1", NULL,
	                   NULL, row_event, NULL);
	if (!status)
		status =
		    query(c,
		          "SELECT d.id, d.code, d.name, d.status, d.size, d.rank, d.head,"
		          " i.state FROM delegations d"
		          " LEFT JOIN invitations i ON i.delegation = d.id ORDER BY d.id",
		          NULL, NULL, row_dlg, NULL);
	if (!status)
		status =
		    query(c,
		          "SELECT s.id, s.title, s.kind, s.room, s.start, s.\"end\","
		          " s.attendance, r.name, r.capacity, r.venue FROM sessions s"
		          " JOIN rooms r ON r.id = s.room"
		          " WHERE s.status <> 'cancelled' ORDER BY s.id",
		          NULL, NULL, row_sess, NULL);
	if (!status)
		status = query(c, "SELECT owner, ref FROM session_delegations", NULL,
		               NULL, row_listed, NULL);
	if (!status)
		status =
		    query(c,
		          "SELECT id, delegation, coalesce(person, 0), direction, time,"
		          " flight, airport, party, coalesce(pickup, 0) FROM arrivals",
		          NULL, NULL, row_arr, NULL);
	if (!status)
		status = query(
		    c,
		    "SELECT t.id, t.vehicle, t.kind, t.origin, t.destination,"
		    " t.depart, t.arrive, v.code, v.capacity, coalesce(v.driver, '')"
		    " FROM trips t JOIN vehicles v ON v.id = t.vehicle ORDER BY t.id",
		    NULL, NULL, row_trip, NULL);
	if (!status)
		status = query(c, "SELECT id, name FROM places ORDER BY id", NULL, NULL,
		               row_place, NULL);
	if (!status)
		status = query(c, "SELECT origin, destination, minutes FROM travel", NULL,
		               NULL, row_travel, NULL);
	if (!status)
		status = load_venue_places(c);
	if (status)
		return status;
	sort(c->travel, c->ntravel, sizeof *c->travel, cmp_travel);
	sort(c->arr, c->narr, sizeof *c->arr, cmp_arr);

	/* Who must attend what: listed delegations, and the expected ones at
	 * plenaries and ceremonies. */
	size_t cap = 0;
	for (size_t i = 0; i < c->nsess; i++) {
		struct sess *s = &c->sess[i];
		bool required;
		if (s->attendance == ATT_LIST) {
			for (size_t k = 0; k < s->nlisted; k++)
				if (attends(s, &c->dlg[s->listed[k]], &required) &&
				    required) {
					GROW(c->att, c->natt, cap);
					c->att[c->natt++] =
					    (struct att){s->listed[k], i, s->start};
				}
		} else if (s->plenary) {
			for (size_t k = 0; k < c->ndlg; k++)
				if (attends(s, &c->dlg[k], &required) && required) {
					GROW(c->att, c->natt, cap);
					c->att[c->natt++] = (struct att){k, i, s->start};
				}
		}
	}
	sort(c->att, c->natt, sizeof *c->att, cmp_att);
	return SUMMIT_OK;
}

static void unload(struct ctx *c)
{
	for (size_t i = 0; i < c->ndlg; i++) {
		struct dlg *d = &c->dlg[i];
		free(d->code), free(d->name), free(d->status), free(d->rank);
		free(d->head), free(d->state);
	}
	for (size_t i = 0; i < c->nsess; i++) {
		struct sess *s = &c->sess[i];
		free(s->title), free(s->kind), free(s->room_name), free(s->listed);
	}
	for (size_t i = 0; i < c->narr; i++)
		free(c->arr[i].flight);
	for (size_t i = 0; i < c->ntrip; i++)
		free(c->trip[i].kind), free(c->trip[i].code), free(c->trip[i].driver);
	for (size_t i = 0; i < c->nplace; i++)
		free(c->place[i].name);
	for (size_t i = 0; i < c->nvenue; i++)
		free(c->venue_place[i].name);
	free(c->dlg), free(c->sess), free(c->att), free(c->arr), free(c->trip);
	free(c->place), free(c->venue_place), free(c->venue_place_id), free(c->travel);
	free(c->day_start);
}

/* Overlaps: sort by group and start, then sweep, comparing each span only
 * with those of its group still running when it starts (O(n log n) plus
 * the overlaps found). */
struct span {
	long long group, start, end;
	size_t idx;
};

static int cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	int r = cmp_ll(x->group, y->group);
	if (!r)
		r = cmp_ll(x->start, y->start);
	if (!r)
		r = cmp_ll(x->end, y->end);
	return r ? r : (x->idx > y->idx) - (x->idx < y->idx);
}

typedef int (*overlap_fn)(struct ctx *c, const struct span *a, const struct span *b);

static int sweep(struct ctx *c, struct span *v, size_t n, overlap_fn fn)
{
	sort(v, n, sizeof *v, cmp_span);
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
static const char *overlap_text(struct ctx *c, const struct span *a, const struct span *b,
                                char *buf, size_t size, long *day)
{
	long long from = a->start > b->start ? a->start : b->start;
	long long to = a->end < b->end ? a->end : b->end;
	char f[WHEN_TIME_LEN], t[WHEN_TIME_LEN];
	local_time(c, from, f);
	local_time(c, to, t);
	*day = local_day(c, from);
	if (strncmp(f, t, 10) == 0)
		snprintf(buf, size, "on %.10s from %s to %s", f, f + 11, t + 11);
	else
		snprintf(buf, size, "from %s to %s", f, t);
	return buf;
}

/* room-double-booked */
static int room_overlap(struct ctx *c, const struct span *a, const struct span *b)
{
	const struct sess *x = &c->sess[a->idx], *y = &c->sess[b->idx];
	char when[80];
	long day;
	overlap_text(c, a, b, when, sizeof when, &day);
	struct check_subject s[] = {subj_room(x), subj_sess(x), subj_sess(y)};
	return emit(c, day, day, s, 3, "%s is booked for \"%s\" and \"%s\" at once %s",
	            x->room_name, x->title, y->title, when);
}

static int check_room_double_booked(struct ctx *c)
{
	struct span *v = xmalloc((c->nsess ? c->nsess : 1) * sizeof *v);
	for (size_t i = 0; i < c->nsess; i++)
		v[i] =
		    (struct span){c->sess[i].room, c->sess[i].start, c->sess[i].end, i};
	sweep(c, v, c->nsess, room_overlap);
	free(v);
	return c->status;
}

/* room-too-small */
static int check_room_too_small(struct ctx *c)
{
	/* Sessions open to all or to participants expect the same people
	 * whatever the session, given whether it is a plenary: count those
	 * four cases once. */
	long long open_people[2][2] = {{0}}, open_dlgs[2][2] = {{0}};
	for (int a = 0; a < 2; a++)
		for (int p = 0; p < 2; p++) {
			struct sess probe = {.attendance = a ? ATT_PARTICIPANTS : ATT_ALL,
			                     .plenary = p};
			for (size_t k = 0; k < c->ndlg; k++) {
				bool required;
				if (attends(&probe, &c->dlg[k], &required)) {
					open_people[a][p] +=
					    required ? c->dlg[k].size : 1;
					open_dlgs[a][p]++;
				}
			}
		}
	for (size_t i = 0; i < c->nsess && !c->status; i++) {
		struct sess *s = &c->sess[i];
		long long people = 0, delegations = 0;
		bool required;
		if (s->attendance == ATT_LIST) {
			for (size_t k = 0; k < s->nlisted; k++)
				if (attends(s, &c->dlg[s->listed[k]], &required)) {
					people += c->dlg[s->listed[k]].size;
					delegations++;
				}
		} else {
			int a = s->attendance == ATT_PARTICIPANTS;
			people = open_people[a][s->plenary];
			delegations = open_dlgs[a][s->plenary];
		}
		if (people <= s->capacity)
			continue;
		long day = local_day(c, s->start);
		struct check_subject sub[] = {subj_sess(s), subj_room(s)};
		emit(c, day, day, sub, 2,
		     "\"%s\" expects %lld people from %lld delegation%s in %s, which "
		     "seats %lld",
		     s->title, people, delegations, delegations == 1 ? "" : "s",
		     s->room_name, s->capacity);
	}
	return c->status;
}

/* session-outside-event */
static int check_session_outside_event(struct ctx *c)
{
	char from[WHEN_DATE_LEN], to[WHEN_DATE_LEN];
	format_day(c->first_num, from);
	format_day(c->last_num, to);
	for (size_t i = 0; i < c->nsess && !c->status; i++) {
		struct sess *s = &c->sess[i];
		if (s->start >= c->event_start && s->end <= c->event_end)
			continue;
		char a[WHEN_TIME_LEN], b[WHEN_TIME_LEN];
		local_time(c, s->start, a);
		local_time(c, s->end, b);
		struct check_subject sub[] = {subj_sess(s), subj_room(s)};
		emit(c, local_day(c, s->start), local_day(c, s->end - 1), sub, 2,
		     "\"%s\" (%s to %s) falls outside the event's days, %s to %s",
		     s->title, a, b, from, to);
	}
	return c->status;
}

/* delegation-double-booked */
static int dlg_overlap(struct ctx *c, const struct span *a, const struct span *b)
{
	const struct sess *x = &c->sess[a->idx], *y = &c->sess[b->idx];
	const struct dlg *d = &c->dlg[a->group];
	char when[80], label[300];
	long day;
	overlap_text(c, a, b, when, sizeof when, &day);
	struct check_subject s[] = {subj_dlg(d), subj_sess(x), subj_sess(y)};
	return emit(c, day, day, s, 3,
	            "%s must attend both \"%s\" and \"%s\", which overlap %s",
	            dlg_label(d, label, sizeof label), x->title, y->title, when);
}

static int check_delegation_double_booked(struct ctx *c)
{
	struct span *v = xmalloc((c->natt ? c->natt : 1) * sizeof *v);
	for (size_t i = 0; i < c->natt; i++) {
		const struct sess *s = &c->sess[c->att[i].sess];
		v[i] = (struct span){(long long)c->att[i].dlg, s->start, s->end,
		                     c->att[i].sess};
	}
	sweep(c, v, c->natt, dlg_overlap);
	free(v);
	return c->status;
}

/* The first arrival (landing) of each delegation's arrivals [from, to). */
static const struct arr *first_landing(struct ctx *c, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (!c->arr[i].departure)
			return &c->arr[i];
	return NULL;
}

/* The end of the run of arrivals of the delegation at arr[from]. */
static size_t arr_run(struct ctx *c, size_t from)
{
	size_t to = from;
	while (to < c->narr && c->arr[to].delegation == c->arr[from].delegation)
		to++;
	return to;
}

/* late-arrival */
struct person_name {
	long long id;
	char *name;
};

struct person_names {
	struct person_name *v;
	size_t n, cap;
};

static int row_person(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)c;
	struct person_names *p = arg;
	GROW(p->v, p->n, p->cap);
	p->v[p->n].id = sqlite3_column_int64(st, 0);
	p->v[p->n++].name = column_text(st, 1);
	return SUMMIT_OK;
}

/* The name of a person in a list sorted by id, or NULL. */
static const char *person_name(const struct person_names *p, long long id)
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

static void free_person_names(struct person_names *p)
{
	for (size_t j = 0; j < p->n; j++)
		free(p->v[j].name);
	free(p->v);
}

/* Reports the sessions delegation d (its required ones from att[k] on)
 * that a landing `a` makes it miss; `head` names a head travelling apart. */
static int late_for(struct ctx *c, const struct dlg *d, size_t k, const struct arr *a,
                    const char *head)
{
	size_t di = (size_t)(d - c->dlg), missed = 0;
	const struct sess *first = NULL;
	long long reach = 0;
	for (size_t j = k; j < c->natt && c->att[j].dlg == di; j++) {
		const struct sess *s = &c->sess[c->att[j].sess];
		long long m = travel_minutes(c, a->airport, venue_place(c, s->venue));
		long long at = a->time + (m > 0 ? m : 0) * 60;
		if (at <= s->start)
			continue;
		if (!missed++)
			first = s, reach = at;
	}
	if (!missed)
		return SUMMIT_OK;
	char land[WHEN_TIME_LEN], r[WHEN_TIME_LEN], st[WHEN_TIME_LEN], label[300];
	char who[600], more[80] = "";
	local_time(c, a->time, land);
	if (missed > 1)
		snprintf(more, sizeof more, "; %s misses %zu sessions %s must attend",
		         head ? "the head" : "it", missed,
		         head ? "the delegation" : "it");
	dlg_label(d, label, sizeof label);
	if (head)
		snprintf(who, sizeof who, "%s, head of %s,", head, label);
	else
		snprintf(who, sizeof who, "%s", label);
	const char *venue = venue_place(c, first->venue)
	                        ? place_name(c, venue_place(c, first->venue))
	                        : first->room_name;
	struct check_subject sub[] = {
	    subj_dlg(d), subj_sess(first), {&kind_arrivals, a->id, NULL, a->flight}};
	long day = local_day(c, a->time);
	return emit(
	    c, day, day, sub, 3,
	    "%s lands at %s on %.10s%s%s%s and cannot reach %s before \"%s\" starts "
	    "at %s (at %s at the earliest)%s",
	    who, land + 11, land, a->flight ? " (" : "", a->flight ? a->flight : "",
	    a->flight ? ")" : "", venue, first->title, hhmm(c, first->start, st),
	    hhmm(c, reach, r), more);
}

/* late-arrival: the main party's first landing, and a head of delegation
 * travelling apart who lands after it. */
static int check_late_arrival(struct ctx *c)
{
	struct person_names heads = {0};
	int status = query(c,
	                   "SELECT id, name FROM people WHERE role = 'head' AND id IN"
	                   " (SELECT person FROM arrivals) ORDER BY id",
	                   NULL, NULL, row_person, &heads);
	size_t k = 0; /* walks c->att, sorted by delegation index = id order */
	for (size_t from = 0; !status && from < c->narr && !c->status;) {
		size_t to = arr_run(c, from), start = from;
		struct dlg *d = find_dlg(c, c->arr[from].delegation);
		from = to;
		if (!d || !d->expected || d->host)
			continue;
		const struct arr *party = NULL;
		for (size_t i = start; i < to && !party; i++)
			if (!c->arr[i].departure && !c->arr[i].person)
				party = &c->arr[i];
		if (!party)
			party = first_landing(c, start, to);
		if (!party)
			continue;
		size_t di = (size_t)(d - c->dlg);
		while (k < c->natt && c->att[k].dlg < di)
			k++;
		late_for(c, d, k, party, NULL);
		for (size_t i = start; i < to && !c->status; i++) {
			const struct arr *a = &c->arr[i];
			const char *head =
			    a->person ? person_name(&heads, a->person) : NULL;
			if (head && !a->departure && a->time > party->time && a != party)
				late_for(c, d, k, a, head);
		}
	}
	free_person_names(&heads);
	return status ? status : c->status;
}

/* A delegation's hotel nights, as sorted day numbers. */
struct nights {
	long *night;
	size_t n, cap;
};

static bool has_night(const struct nights *n, long night)
{
	size_t lo = 0, hi = n->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (n->night[mid] < night)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n->n && n->night[lo] == night;
}

struct alloc_row {
	long long delegation, hotel;
	long night;
};

struct allocs {
	struct alloc_row *v;
	size_t n, cap;
};

static int row_alloc(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)c;
	struct allocs *a = arg;
	GROW(a->v, a->n, a->cap);
	a->v[a->n++] =
	    (struct alloc_row){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
	                       day_num((const char *)sqlite3_column_text(st, 2))};
	return SUMMIT_OK;
}

static int load_allocs(struct ctx *c, struct allocs *a)
{
	memset(a, 0, sizeof *a);
	return query(c,
	             "SELECT delegation, hotel, night FROM allocations"
	             " ORDER BY delegation, night",
	             NULL, NULL, row_alloc, a);
}

/* The night a landing needs first: before 06:00, the night before. */
static long arrival_night(struct ctx *c, long long t)
{
	char buf[WHEN_TIME_LEN];
	local_time(c, t, buf);
	long day = local_day(c, t);
	return strcmp(buf + 11, "06:00") < 0 ? day - 1 : day;
}

/* Reports each run of nights in [from, to) that `nights` lacks and `skip`
 * (when not NULL) does not cover. */
static int missing_nights(struct ctx *c, long from, long to, const struct nights *nights,
                          long skip_from, long skip_to, const struct dlg *d,
                          const char *person, long long person_id)
{
	char label[300];
	for (long n = from; n < to && !c->status; n++) {
		if (has_night(nights, n) || (n >= skip_from && n < skip_to))
			continue;
		long end = n;
		while (end + 1 < to && !has_night(nights, end + 1) &&
		       !(end + 1 >= skip_from && end + 1 < skip_to))
			end++;
		char a[WHEN_DATE_LEN], b[WHEN_DATE_LEN], span[64];
		format_day(n, a);
		format_day(end, b);
		if (end == n)
			snprintf(span, sizeof span, "night of %s", a);
		else
			snprintf(span, sizeof span, "nights of %s to %s", a, b);
		if (person) {
			struct check_subject s[] = {
			    {&kind_people, person_id, NULL, person}, subj_dlg(d)};
			emit(c, n, end, s, 2,
			     "%s of %s is in town on the %s, when the delegation "
			     "has no hotel room",
			     person, dlg_label(d, label, sizeof label), span);
		} else {
			struct check_subject s[] = {subj_dlg(d)};
			emit(c, n, end, s, 1,
			     "%s is in town on the %s but has no hotel room",
			     dlg_label(d, label, sizeof label), span);
		}
		n = end;
	}
	return c->status;
}

/* no-hotel */
static int check_no_hotel(struct ctx *c)
{
	struct allocs al;
	struct person_names people = {0};
	int status = load_allocs(c, &al);
	if (!status)
		status = query(c,
		               "SELECT id, name FROM people WHERE id IN"
		               " (SELECT person FROM arrivals) ORDER BY id",
		               NULL, NULL, row_person, &people);
	struct nights nights = {0};
	size_t ai = 0;
	for (size_t from = 0; !status && from < c->narr && !c->status;) {
		size_t to = arr_run(c, from);
		struct dlg *d = find_dlg(c, c->arr[from].delegation);
		size_t start = from;
		from = to;
		if (!d || !d->expected || d->host)
			continue;
		nights.n = 0;
		while (ai < al.n && al.v[ai].delegation < d->id)
			ai++;
		for (; ai < al.n && al.v[ai].delegation == d->id; ai++) {
			GROW(nights.night, nights.n, nights.cap);
			nights.night[nights.n++] = al.v[ai].night;
		}
		/* The main party: rows without a person, if there are any. */
		bool has_main = false;
		for (size_t i = start; i < to; i++)
			has_main |= c->arr[i].person == 0;
		long long in = 0, out = 0;
		for (size_t i = start; i < to; i++) {
			const struct arr *a = &c->arr[i];
			if (has_main && a->person)
				continue;
			if (!a->departure && (!in || a->time < in))
				in = a->time;
			if (a->departure && a->time > out)
				out = a->time;
		}
		long main_in = in ? arrival_night(c, in) : 0;
		long main_out = out ? local_day(c, out) : c->last_num + 1;
		if (in)
			missing_nights(c, main_in, main_out, &nights, 0, 0, d, NULL, 0);
		/* People travelling apart, outside the main party's stay. */
		for (size_t i = start; i < to && has_main && !c->status; i++) {
			const struct arr *a = &c->arr[i];
			if (!a->person || a->departure)
				continue;
			long long pout = 0;
			for (size_t j = start; j < to; j++)
				if (c->arr[j].person == a->person && c->arr[j].departure)
					pout = c->arr[j].time;
			long pin = arrival_night(c, a->time);
			long pend = pout ? local_day(c, pout) : main_out;
			const char *name = person_name(&people, a->person);
			if (!name)
				name = "?";
			missing_nights(c, pin, pend, &nights, in ? main_in : 0,
			               in ? main_out : 0, d, name, a->person);
		}
	}
	free_person_names(&people);
	free(nights.night);
	free(al.v);
	return status ? status : c->status;
}

/* hotel-overbooked */
static int row_overbooked(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	const char *hotel = (const char *)sqlite3_column_text(st, 1);
	const char *night = (const char *)sqlite3_column_text(st, 2);
	long long allocated = sqlite3_column_int64(st, 3),
	          block = sqlite3_column_int64(st, 4);
	long long delegations = sqlite3_column_int64(st, 5);
	struct check_subject s[] = {
	    {&kind_hotels, sqlite3_column_int64(st, 0), hotel, NULL}};
	long n = day_num(night);
	if (block == 0)
		return emit(
		    c, n, n, s, 1,
		    "%s holds no rooms for the night of %s but %lld are allocated to "
		    "%lld delegation%s",
		    hotel, night, allocated, delegations, delegations == 1 ? "" : "s");
	return emit(
	    c, n, n, s, 1,
	    "%s holds %lld rooms for the night of %s but %lld are allocated to %lld "
	    "delegation%s",
	    hotel, block, night, allocated, delegations, delegations == 1 ? "" : "s");
}

static int check_hotel_overbooked(struct ctx *c)
{
	return query(c,
	             "SELECT h.id, h.name, a.night, sum(a.rooms),"
	             " coalesce((SELECT b.rooms FROM blocks b WHERE b.hotel = a.hotel"
	             " AND b.night = a.night), 0) AS block, count(*)"
	             " FROM allocations a JOIN hotels h ON h.id = a.hotel"
	             " GROUP BY a.hotel, a.night HAVING sum(a.rooms) > block"
	             " ORDER BY h.name, a.night",
	             NULL, NULL, row_overbooked, NULL);
}

/* hotel-split */
struct split {
	long long delegation;
	struct check_subject s[8];
	char *names[7];
	size_t n;
	long first, last;
};

static int flush_split(struct ctx *c, struct split *sp)
{
	if (sp->n > 1) {
		struct dlg *d = find_dlg(c, sp->delegation);
		char label[300];
		struct strbuf hotels = {0};
		for (size_t i = 0; i < sp->n; i++)
			strbuf_addf(&hotels, "%s%s",
			            i == 0           ? ""
			            : i + 1 == sp->n ? " and "
			                             : ", ",
			            sp->names[i]);
		sp->s[sp->n] = subj_dlg(d);
		emit(c, sp->first, sp->last, sp->s, sp->n + 1, "%s is split across %s",
		     dlg_label(d, label, sizeof label), hotels.buf);
		strbuf_free(&hotels);
	}
	for (size_t i = 0; i < sp->n; i++)
		free(sp->names[i]);
	sp->n = 0;
	return c->status;
}

static int row_split(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	struct split *sp = arg;
	long long delegation = sqlite3_column_int64(st, 0);
	if (delegation != sp->delegation && flush_split(c, sp))
		return c->status;
	if (!find_dlg(c, delegation))
		return SUMMIT_OK;
	long first = day_num((const char *)sqlite3_column_text(st, 3));
	long last = day_num((const char *)sqlite3_column_text(st, 4));
	if (sp->n == 0 || delegation != sp->delegation)
		sp->first = first, sp->last = last;
	sp->delegation = delegation;
	if (first < sp->first)
		sp->first = first;
	if (last > sp->last)
		sp->last = last;
	if (sp->n < 7) {
		sp->names[sp->n] = column_text(st, 2);
		sp->s[sp->n] = (struct check_subject){
		    &kind_hotels, sqlite3_column_int64(st, 1), sp->names[sp->n], NULL};
		sp->n++;
	}
	return SUMMIT_OK;
}

static int check_hotel_split(struct ctx *c)
{
	struct split sp = {0};
	int status = query(c,
	                   "SELECT a.delegation, h.id, h.name, min(a.night), max(a.night)"
	                   " FROM allocations a JOIN hotels h ON h.id = a.hotel"
	                   " GROUP BY a.delegation, a.hotel"
	                   " ORDER BY a.delegation, min(a.night), h.name",
	                   NULL, NULL, row_split, &sp);
	if (!status)
		flush_split(c, &sp);
	for (size_t i = 0; i < sp.n; i++)
		free(sp.names[i]);
	return status ? status : c->status;
}

/* shuttle-late */
struct shuttle {
	long long origin, destination;
	long day;
	long long arrive;
};

static int cmp_shuttle(const void *a, const void *b)
{
	const struct shuttle *x = a, *y = b;
	int r = cmp_ll(x->origin, y->origin);
	if (!r)
		r = cmp_ll(x->destination, y->destination);
	if (!r)
		r = (x->day > y->day) - (x->day < y->day);
	return r ? r : cmp_ll(x->arrive, y->arrive);
}

struct hotel_place {
	long long hotel, place;
	char *name;
};

struct hotel_places {
	struct hotel_place *v;
	size_t n, cap;
};

static int row_hotel(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)c;
	struct hotel_places *h = arg;
	GROW(h->v, h->n, h->cap);
	h->v[h->n++] = (struct hotel_place){
	    sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), column_text(st, 2)};
	return SUMMIT_OK;
}

/* One hotel's guests on one morning: the earliest session they must attend. */
struct morning {
	long long hotel;
	long day;
	size_t sess; /* its earliest required session */
	size_t dlg;  /* a delegation that must attend it */
};

static int cmp_morning(const void *a, const void *b)
{
	const struct morning *x = a, *y = b;
	int r = cmp_ll(x->hotel, y->hotel);
	if (!r)
		r = (x->day > y->day) - (x->day < y->day);
	return r ? r : (x->dlg > y->dlg) - (x->dlg < y->dlg);
}

static int check_shuttle_late(struct ctx *c)
{
	struct allocs al;
	struct hotel_places hp = {0};
	int status = load_allocs(c, &al);
	if (!status)
		status = query(
		    c, "SELECT id, coalesce(place, 0), name FROM hotels ORDER BY id",
		    NULL, NULL, row_hotel, &hp);
	/* The first shuttle arrival per origin, destination and day. */
	struct shuttle *sh = xmalloc((c->ntrip ? c->ntrip : 1) * sizeof *sh);
	size_t nsh = 0;
	for (size_t i = 0; i < c->ntrip; i++)
		if (strcmp(c->trip[i].kind, "shuttle") == 0)
			sh[nsh++] = (struct shuttle){
			    c->trip[i].origin, c->trip[i].destination,
			    local_day(c, c->trip[i].depart), c->trip[i].arrive};
	sort(sh, nsh, sizeof *sh, cmp_shuttle);

	/* For each delegation's night at a hotel, its first session the next day. */
	struct morning *m = xmalloc((al.n ? al.n : 1) * sizeof *m);
	size_t nm = 0;
	for (size_t i = 0; !status && i < al.n; i++) {
		struct dlg *d = find_dlg(c, al.v[i].delegation);
		long day = al.v[i].night + 1;
		if (!d || !d->expected || day < c->first_num || day > c->last_num)
			continue;
		size_t di = (size_t)(d - c->dlg);
		/* att is sorted by delegation then start: find the first that day. */
		size_t lo = 0, hi = c->natt;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (c->att[mid].dlg < di ||
			    (c->att[mid].dlg == di &&
			     local_day(c, c->att[mid].start) < day))
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == c->natt || c->att[lo].dlg != di ||
		    local_day(c, c->att[lo].start) != day)
			continue;
		m[nm++] = (struct morning){al.v[i].hotel, day, c->att[lo].sess, di};
	}
	sort(m, nm, sizeof *m, cmp_morning);
	for (size_t i = 0; !status && i < nm && !c->status;) {
		/* Group one hotel's morning; find its earliest session. */
		size_t j = i, best = i;
		while (j < nm && m[j].hotel == m[i].hotel && m[j].day == m[i].day) {
			if (c->sess[m[j].sess].start < c->sess[m[best].sess].start)
				best = j;
			j++;
		}
		const struct sess *s = &c->sess[m[best].sess];
		const struct hotel_place *h = NULL;
		for (size_t k = 0; k < hp.n; k++)
			if (hp.v[k].hotel == m[i].hotel)
				h = &hp.v[k];
		long long venue = venue_place(c, s->venue);
		if (h && h->place && venue) {
			struct shuttle key = {h->place, venue, m[i].day, 0};
			size_t lo = 0, hi = nsh;
			while (lo < hi) {
				size_t mid = (lo + hi) / 2;
				if (cmp_shuttle(&sh[mid], &key) < 0)
					lo = mid + 1;
				else
					hi = mid;
			}
			bool any = lo < nsh && sh[lo].origin == h->place &&
			           sh[lo].destination == venue && sh[lo].day == m[i].day;
			long long first = any ? sh[lo].arrive : 0;
			if (!any || first > s->start) {
				size_t late = 0;
				for (size_t k = i; k < j; k++)
					late += !any || c->sess[m[k].sess].start < first;
				char label[300], st[WHEN_TIME_LEN], at[WHEN_TIME_LEN],
				    date[WHEN_DATE_LEN], others[64] = "";
				format_day(m[i].day, date);
				if (late > 1)
					snprintf(
					    others, sizeof others,
					    " and %zu other delegation%s staying there",
					    late - 1, late == 2 ? "" : "s");
				struct check_subject sub[] = {
				    {&kind_hotels, h->hotel, h->name, NULL},
				    subj_sess(s),
				    subj_dlg(&c->dlg[m[best].dlg])};
				const char *dl =
				    dlg_label(&c->dlg[m[best].dlg], label, sizeof label);
				if (any)
					emit(
					    c, m[i].day, m[i].day, sub, 3,
					    "The first shuttle from %s reaches %s at %s "
					    "on %s, after "
					    "\"%s\" starts at %s, which %s%s must attend",
					    h->name, place_name(c, venue),
					    hhmm(c, first, at), date, s->title,
					    hhmm(c, s->start, st), dl, others);
				else
					emit(c, m[i].day, m[i].day, sub, 3,
					     "No shuttle runs from %s to %s on %s, when "
					     "\"%s\" starts at "
					     "%s, which %s%s must attend",
					     h->name, place_name(c, venue), date,
					     s->title, hhmm(c, s->start, st), dl, others);
			}
		}
		i = j;
	}
	for (size_t k = 0; k < hp.n; k++)
		free(hp.v[k].name);
	free(hp.v);
	free(m);
	free(sh);
	free(al.v);
	return status ? status : c->status;
}

/* no-pickup */
static int check_no_pickup(struct ctx *c)
{
	for (size_t i = 0; i < c->narr && !c->status; i++) {
		const struct arr *a = &c->arr[i];
		if (a->departure || a->pickup)
			continue;
		struct dlg *d = find_dlg(c, a->delegation);
		char land[WHEN_TIME_LEN], label[300];
		local_time(c, a->time, land);
		struct check_subject s[] = {subj_dlg(d),
		                            {&kind_arrivals, a->id, NULL, a->flight}};
		long day = local_day(c, a->time);
		emit(c, day, day, s, 2,
		     "%s: %lld %s on %s landing at %s on %.10s %s no pickup",
		     dlg_label(d, label, sizeof label), a->party,
		     a->party == 1 ? "person" : "people",
		     a->flight ? a->flight : "a flight", land + 11, land,
		     a->party == 1 ? "has" : "have");
	}
	return c->status;
}

/* pickup-early */
static int check_pickup_early(struct ctx *c)
{
	long long margin = c->opt->pickup_margin * 60LL;
	for (size_t i = 0; i < c->narr && !c->status; i++) {
		const struct arr *a = &c->arr[i];
		const struct trip *t = a->pickup ? find_trip(c, a->pickup) : NULL;
		if (a->departure || !t || t->depart >= a->time + margin)
			continue;
		struct dlg *d = find_dlg(c, a->delegation);
		char land[WHEN_TIME_LEN], dep[WHEN_TIME_LEN], label[300], gap[64];
		local_time(c, a->time, land);
		long long minutes = (t->depart - a->time) / 60;
		if (minutes < 0)
			snprintf(gap, sizeof gap, "%lld minutes before", -minutes);
		else
			snprintf(gap, sizeof gap, "%lld minute%s after", minutes,
			         minutes == 1 ? "" : "s");
		struct check_subject s[] = {subj_trip(t),
		                            subj_vehicle(t),
		                            subj_dlg(d),
		                            {&kind_arrivals, a->id, NULL, a->flight}};
		long day = local_day(c, t->depart);
		emit(c, day, day, s, 4,
		     "Trip #%lld (%s) leaves %s at %s on %.10s, %s %s%s%s lands; it "
		     "should "
		     "leave at least %d minutes after landing",
		     t->id, t->code, place_name(c, t->origin), hhmm(c, t->depart, dep),
		     land, gap, dlg_label(d, label, sizeof label),
		     a->flight ? " on " : "", a->flight ? a->flight : "",
		     c->opt->pickup_margin);
	}
	return c->status;
}

/* vehicle-too-small */
static int row_too_small(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	const struct trip *t = find_trip(c, sqlite3_column_int64(st, 0));
	if (!t)
		return SUMMIT_OK;
	long long riders = sqlite3_column_int64(st, 1),
	          party = sqlite3_column_int64(st, 2);
	long long people = riders > party ? riders : party;
	if (people <= t->capacity)
		return SUMMIT_OK;
	char dep[WHEN_TIME_LEN];
	local_time(c, t->depart, dep);
	struct check_subject s[] = {subj_trip(t), subj_vehicle(t)};
	long day = local_day(c, t->depart);
	return emit(
	    c, day, day, s, 2,
	    "Trip #%lld from %s to %s on %.10s at %s carries %lld people, but %s seats "
	    "%lld",
	    t->id, place_name(c, t->origin), place_name(c, t->destination), dep, dep + 11,
	    people, t->code, t->capacity);
}

static int check_vehicle_too_small(struct ctx *c)
{
	return query(c,
	             "SELECT t.id, coalesce(r.n, 0), coalesce(p.n, 0) FROM trips t"
	             " LEFT JOIN (SELECT owner, count(*) AS n FROM trip_riders"
	             "  GROUP BY owner) r ON r.owner = t.id"
	             " LEFT JOIN (SELECT pickup, sum(party) AS n FROM arrivals"
	             "  WHERE pickup IS NOT NULL GROUP BY pickup) p ON p.pickup = t.id"
	             " WHERE r.n IS NOT NULL OR p.n IS NOT NULL ORDER BY t.id",
	             NULL, NULL, row_too_small, NULL);
}

/* vehicle-double-booked, driver-double-booked */
static int vehicle_overlap(struct ctx *c, const struct span *a, const struct span *b)
{
	const struct trip *x = &c->trip[a->idx], *y = &c->trip[b->idx];
	char when[80];
	long day;
	overlap_text(c, a, b, when, sizeof when, &day);
	struct check_subject s[] = {subj_vehicle(x), subj_trip(x), subj_trip(y)};
	return emit(c, day, day, s, 3,
	            "%s is on trip #%lld (%s to %s) and trip #%lld (%s to %s) at once %s",
	            x->code, x->id, place_name(c, x->origin),
	            place_name(c, x->destination), y->id, place_name(c, y->origin),
	            place_name(c, y->destination), when);
}

static int check_vehicle_double_booked(struct ctx *c)
{
	struct span *v = xmalloc((c->ntrip ? c->ntrip : 1) * sizeof *v);
	for (size_t i = 0; i < c->ntrip; i++)
		v[i] = (struct span){c->trip[i].vehicle, c->trip[i].depart,
		                     c->trip[i].arrive, i};
	sweep(c, v, c->ntrip, vehicle_overlap);
	free(v);
	return c->status;
}

static int driver_overlap(struct ctx *c, const struct span *a, const struct span *b)
{
	const struct trip *x = &c->trip[a->idx], *y = &c->trip[b->idx];
	if (x->vehicle == y->vehicle)
		return SUMMIT_OK; /* vehicle-double-booked says it */
	char when[80];
	long day;
	overlap_text(c, a, b, when, sizeof when, &day);
	struct check_subject s[] = {subj_vehicle(x), subj_vehicle(y), subj_trip(x),
	                            subj_trip(y)};
	return emit(c, day, day, s, 4,
	            "%s drives %s (trip #%lld) and %s (trip #%lld) at once %s", x->driver,
	            x->code, x->id, y->code, y->id, when);
}

static int cmp_trip_driver(const void *a, const void *b)
{
	const struct trip *const *x = a, *const *y = b;
	return strcmp((*x)->driver, (*y)->driver);
}

static int check_driver_double_booked(struct ctx *c)
{
	/* Number the drivers by name, then sweep as for vehicles. */
	const struct trip **by = xmalloc((c->ntrip ? c->ntrip : 1) * sizeof *by);
	for (size_t i = 0; i < c->ntrip; i++)
		by[i] = &c->trip[i];
	sort(by, c->ntrip, sizeof *by, cmp_trip_driver);
	struct span *v = xmalloc((c->ntrip ? c->ntrip : 1) * sizeof *v);
	size_t n = 0;
	long long driver = 0;
	for (size_t i = 0; i < c->ntrip; i++) {
		if (!*by[i]->driver)
			continue;
		if (i == 0 || strcmp(by[i]->driver, by[i - 1]->driver) != 0)
			driver++;
		v[n++] = (struct span){driver, by[i]->depart, by[i]->arrive,
		                       (size_t)(by[i] - c->trip)};
	}
	sweep(c, v, n, driver_overlap);
	free(v);
	free(by);
	return c->status;
}

/* trip-too-short */
static int check_trip_too_short(struct ctx *c)
{
	for (size_t i = 0; i < c->ntrip && !c->status; i++) {
		const struct trip *t = &c->trip[i];
		long long need = travel_minutes(c, t->origin, t->destination);
		long long planned = (t->arrive - t->depart) / 60;
		if (need < 0 || (t->arrive - t->depart) >= need * 60)
			continue;
		char dep[WHEN_TIME_LEN];
		local_time(c, t->depart, dep);
		struct check_subject s[] = {subj_trip(t), subj_vehicle(t)};
		long day = local_day(c, t->depart);
		emit(c, day, day, s, 2,
		     "Trip #%lld (%s) from %s to %s on %.10s at %s is planned in %lld "
		     "minute%s, "
		     "but the road takes %lld",
		     t->id, t->code, place_name(c, t->origin),
		     place_name(c, t->destination), dep, dep + 11, planned,
		     planned == 1 ? "" : "s", need);
	}
	return c->status;
}

/* invitation-unanswered */
static int row_unanswered(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	struct dlg *d = find_dlg(c, sqlite3_column_int64(st, 0));
	const char *state = (const char *)sqlite3_column_text(st, 1);
	const char *deadline = (const char *)sqlite3_column_text(st, 2);
	long late = c->today_num - day_num(deadline);
	char label[300];
	struct check_subject s[] = {{&kind_invitations, d->id, d->code, d->name}};
	if (strcmp(state, "draft") == 0)
		return emit(
		    c, 0, 0, s, 1,
		    "The invitation to %s is still a draft, %ld day%s after its answer "
		    "deadline %s",
		    dlg_label(d, label, sizeof label), late, late == 1 ? "" : "s",
		    deadline);
	return emit(
	    c, 0, 0, s, 1,
	    "%s has not answered its invitation (%s) by its deadline %s, %ld day%s "
	    "ago",
	    dlg_label(d, label, sizeof label), state, deadline, late,
	    late == 1 ? "" : "s");
}

static int check_invitation_unanswered(struct ctx *c)
{
	return query(c,
	             "SELECT delegation, state, deadline FROM invitations"
	             " WHERE state IN ('draft', 'sent', 'delivered', 'acknowledged')"
	             " AND deadline IS NOT NULL AND deadline < ?"
	             " ORDER BY deadline, (SELECT code FROM delegations d"
	             "  WHERE d.id = delegation)",
	             c->today, NULL, row_unanswered, NULL);
}

/* arrival-details-missing */
static int check_arrival_details_missing(struct ctx *c)
{
	long days_left = c->first_num - c->today_num;
	if (days_left > c->opt->arrival_days)
		return SUMMIT_OK;
	size_t ai = 0;
	for (size_t i = 0; i < c->ndlg && !c->status; i++) {
		const struct dlg *d = &c->dlg[i];
		while (ai < c->narr && c->arr[ai].delegation < d->id)
			ai++;
		bool has = false;
		for (size_t j = ai; j < c->narr && c->arr[j].delegation == d->id; j++)
			has |= !c->arr[j].departure;
		if (has || !d->expected || d->host)
			continue;
		char label[300], when[80];
		if (days_left > 0)
			snprintf(when, sizeof when, "%ld day%s before the event",
			         days_left, days_left == 1 ? "" : "s");
		else
			snprintf(when, sizeof when, "and the event has begun");
		struct check_subject s[] = {subj_dlg(d)};
		emit(c, 0, 0, s, 1, "%s %s but has no arrival details yet, %s",
		     dlg_label(d, label, sizeof label),
		     d->state ? "has accepted" : "is expected", when);
	}
	return c->status;
}

/* head-without-car */
static int row_head(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	struct dlg *d = find_dlg(c, sqlite3_column_int64(st, 0));
	if (!d || !d->expected || d->host)
		return SUMMIT_OK;
	long long person = sqlite3_column_int64(st, 1);
	const char *name = (const char *)sqlite3_column_text(st, 2);
	const char *rank = (const char *)sqlite3_column_text(st, 3);
	const char *role =
	    strcmp(rank, "head-of-state") == 0 ? "head of state" : "head of government";
	char label[300];
	if (person) {
		struct check_subject s[] = {{&kind_people, person, NULL, name},
		                            subj_dlg(d)};
		return emit(c, 0, 0, s, 2, "%s, %s of %s, has no dedicated car", name,
		            role, dlg_label(d, label, sizeof label));
	}
	struct check_subject s[] = {subj_dlg(d)};
	return emit(c, 0, 0, s, 1,
	            "The %s of %s%s%s%s is not among its people, so no car carries them",
	            role, dlg_label(d, label, sizeof label), name ? " (" : "",
	            name ? name : "", name ? ")" : "");
}

static int check_head_without_car(struct ctx *c)
{
	/* A dedicated car: a car whose trips carry only that delegation's people.
	 * From the cars to their trips and riders (CROSS JOIN keeps that order),
	 * not through every rider of every bus. */
	return query(
	    c,
	    "WITH car AS (SELECT t.vehicle, r.ref, p.delegation FROM vehicles v"
	    "  CROSS JOIN trips t ON t.vehicle = v.id"
	    "  CROSS JOIN trip_riders r ON r.owner = t.id JOIN people p ON p.id = r.ref"
	    "  WHERE v.kind = 'car'),"
	    " own AS (SELECT vehicle FROM car GROUP BY vehicle"
	    "  HAVING min(delegation) = max(delegation)),"
	    " head AS (SELECT p.delegation, p.id, p.name, coalesce(p.rank, d.rank) AS "
	    "rank"
	    "  FROM people p JOIN delegations d ON d.id = p.delegation"
	    "  WHERE p.rank IN ('head-of-state', 'head-of-government')"
	    "  OR (p.role = 'head' AND p.rank IS NULL"
	    "   AND d.rank IN ('head-of-state', 'head-of-government')))"
	    /* IN over a subquery that does not depend on h: SQLite builds the
	     * set of people with a car of their own once, not once a head. */
	    " SELECT h.delegation, h.id, h.name, h.rank FROM head h WHERE h.id NOT IN"
	    "  (SELECT car.ref FROM car JOIN own ON own.vehicle = car.vehicle)"
	    " UNION ALL SELECT d.id, 0, d.head, d.rank FROM delegations d"
	    "  WHERE d.rank IN ('head-of-state', 'head-of-government')"
	    "  AND NOT EXISTS (SELECT 1 FROM head h WHERE h.delegation = d.id)"
	    " ORDER BY 1, 2",
	    NULL, NULL, row_head, NULL);
}

/* pledges-short */
static int row_short(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	long long need = sqlite3_column_int64(st, 0),
	          pledged = sqlite3_column_int64(st, 1);
	if (pledged >= need)
		return SUMMIT_OK;
	char a[64], b[64], d[64];
	money(c, pledged, a, sizeof a);
	money(c, need, b, sizeof b);
	money(c, need - pledged, d, sizeof d);
	return emit(c, 0, 0, NULL, 0, "Pledges total %s against a budget of %s: %s short",
	            a, b, d);
}

static int check_pledges_short(struct ctx *c)
{
	return query(c,
	             "SELECT (SELECT coalesce(sum(amount), 0) FROM costs),"
	             " (SELECT coalesce(sum(amount), 0) FROM pledges)",
	             NULL, NULL, row_short, NULL);
}

/* pledge-not-received */
static int row_not_received(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	long long id = sqlite3_column_int64(st, 0);
	const char *partner = (const char *)sqlite3_column_text(st, 1);
	bool cash = strcmp((const char *)sqlite3_column_text(st, 2), "cash") == 0;
	long long amount = sqlite3_column_int64(st, 3),
	          received = sqlite3_column_int64(st, 4);
	const char *cost = (const char *)sqlite3_column_text(st, 5);
	char a[64], r[64], o[64], what[300] = "";
	money(c, amount, a, sizeof a);
	money(c, received, r, sizeof r);
	money(c, amount - received, o, sizeof o);
	if (cost)
		snprintf(what, sizeof what, " for %s", cost);
	struct check_subject s[] = {
	    {&kind_pledges, id, NULL, NULL},
	    {&kind_partners, sqlite3_column_int64(st, 6), partner, NULL}};
	if (received == 0)
		return emit(c, 0, 0, s, 2, "%s pledged %s%s%s; nothing %s yet", partner,
		            a, cash ? "" : " in kind", what,
		            cash ? "received" : "delivered");
	return emit(c, 0, 0, s, 2,
	            "%s has %s %s of the %s it pledged%s%s: %s outstanding", partner,
	            cash ? "paid" : "delivered", r, a, cash ? "" : " in kind", what, o);
}

static int check_pledge_not_received(struct ctx *c)
{
	return query(c,
	             "SELECT p.id, pa.name, p.kind, p.amount, p.received, co.name, pa.id"
	             " FROM pledges p JOIN partners pa ON pa.id = p.partner"
	             " LEFT JOIN costs co ON co.id = p.cost WHERE p.received < p.amount"
	             " ORDER BY pa.name, p.id",
	             NULL, NULL, row_not_received, NULL);
}

/* task-overdue */
static int row_overdue(struct ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	const char *title = (const char *)sqlite3_column_text(st, 1);
	const char *owner = (const char *)sqlite3_column_text(st, 2);
	const char *due = (const char *)sqlite3_column_text(st, 3);
	const char *state = (const char *)sqlite3_column_text(st, 4);
	long late = c->today_num - day_num(due);
	struct check_subject s[] = {
	    {&kind_tasks, sqlite3_column_int64(st, 0), NULL, title}};
	return emit(c, 0, 0, s, 1,
	            "\"%s\"%s%s%s was due on %s and is still %s, %ld day%s late", title,
	            owner ? " (" : "", owner ? owner : "", owner ? ")" : "", due,
	            strcmp(state, "open") == 0 ? "open" : "in progress", late,
	            late == 1 ? "" : "s");
}

static int check_task_overdue(struct ctx *c)
{
	return query(
	    c,
	    "SELECT id, title, owner, due, state FROM tasks"
	    " WHERE state IN ('open', 'in-progress') AND due < ? ORDER BY due, id",
	    c->today, NULL, row_overdue, NULL);
}

/* The checks, one per kind, in the order of check_kinds[]. */
static int (*const check_table[CHECK_KINDS])(struct ctx *c) = {
    check_room_double_booked,
    check_room_too_small,
    check_session_outside_event,
    check_delegation_double_booked,
    check_late_arrival,
    check_shuttle_late,
    check_hotel_overbooked,
    check_no_hotel,
    check_hotel_split,
    check_no_pickup,
    check_pickup_early,
    check_vehicle_too_small,
    check_vehicle_double_booked,
    check_driver_double_booked,
    check_trip_too_short,
    check_invitation_unanswered,
    check_arrival_details_missing,
    check_head_without_car,
    check_pledges_short,
    check_pledge_not_received,
    check_task_overdue,
};

static bool selected(const struct check_options *o, const struct check_kind *k)
{
	if (!o->nonly)
		return true;
	for (size_t i = 0; i < o->nonly; i++)
		if (strcmp(o->only[i], k->name) == 0)
			return true;
	return false;
}

static int prepare_days(struct ctx *c)
{
	struct summit_db *db = c->db;
	c->first_num = day_num(db->first_day);
	c->last_num = day_num(db->last_day);
	c->today_num = day_num(c->today);
	/* Local midnights from a month before the event to a month after. */
	c->day0 = c->first_num - 31;
	c->ndays = (size_t)(c->last_num + 32 - c->day0 + 1);
	c->day_start = xmalloc(c->ndays * sizeof *c->day_start);
	for (size_t i = 0; i < c->ndays; i++) {
		char date[WHEN_DATE_LEN];
		long long end;
		format_day(c->day0 + (long)i, date);
		int status = when_day_bounds(db, date, &c->day_start[i], &end, c->err);
		if (status)
			return status;
	}
	c->event_start = c->day_start[c->first_num - c->day0];
	c->event_end = c->day_start[c->last_num + 1 - c->day0];
	return SUMMIT_OK;
}

int check_run(struct summit_db *db, const struct check_options *options, check_fn fn,
              void *fnctx, struct summit_err *err)
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
	struct ctx c = {.db = db, .opt = options, .fn = fn, .fnctx = fnctx, .err = err};
	int status = db_refresh_event(db, err);
	if (!status && !db_has_event(db))
		status = err_no_event(err);
	if (!status)
		status = when_today(c.today, err);
	if (!status)
		status = prepare_days(&c);
	if (!status)
		status = load(&c);
	for (size_t i = 0; !status && i < CHECK_KINDS; i++) {
		if (!selected(options, &check_kinds[i]))
			continue;
		c.current = &check_kinds[i];
		status = check_table[i](&c);
		if (!status)
			status = c.status;
	}
	unload(&c);
	if (own)
		sqlite3_exec(db->conn, "COMMIT", NULL, NULL, NULL);
	return status;
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
