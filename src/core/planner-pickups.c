/* summit plan pickups: trips between the airport and the hotels for every
 * flight without one. Landings of one delegation close together share
 * vehicles; a head of state or government rides a dedicated car; a vehicle
 * (and its driver) is taken only when free, counting the drive back. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "planner_internal.h"
#include "summit/db.h"
#include "summit/kind.h"
#include "summit/model.h"
#include "summit/when.h"

#define UNKNOWN_MINUTES 60

struct pdlg {
	long long id;
	char *code;
	bool dedicated; /* its head rides alone in a car */
	long long head; /* the head's person id, or 0 */
};

struct pperson {
	long long id, delegation;
};

struct parr {
	long long id, revision, delegation, person, airport, time, party, pickup;
	bool departure;
	char *flight;
	bool planned; /* needs a trip */
};

struct pveh {
	long long id, capacity;
	char *code;
	bool car;
	size_t res; /* its driver (or itself): what must be free */
	/* The one delegation its trips carry (0: none yet, -1: several): a
	 * head's car is dedicated only while it carries nobody else. */
	long long owner;
	bool owner_head;
};

struct span {
	long long from, to;
};

struct resource {
	struct span *v;
	size_t n, cap;
};

struct ptrip {
	long long id, revision;
	long long vehicle, depart, arrive, origin, destination;
	bool locked, planners;          /* a pickup or departure trip */
	long long rider_min, rider_max; /* delegations of its riders, or 0 */
	bool removed;                   /* by --start-over */
};

/* A rider of a pickup or departure trip, by person. */
struct pcarried {
	long long person, trip;
};

struct pstay {
	long long delegation, hotel_place;
	long night;
};

struct pctx {
	struct summit_db *db;
	const struct planner_options *opt;
	struct planner_plan *plan;
	struct pdlg *d;
	size_t nd;
	struct pperson *p;
	size_t np;
	struct parr *a;
	size_t na;
	struct pveh *v;
	size_t nv;
	char *last_driver;
	/* people with a flight of their own, each way, sorted */
	long long *apart[2];
	size_t napart[2];
	struct resource *res;
	size_t nres;
	struct ptrip *t;
	size_t nt;
	struct pcarried *carried;
	size_t ncarried;
	struct pstay *s;
	size_t ns;
	struct planner_travel *travel;
	long long venue;
	char **place_names; /* by place id, up to nplaces */
	long long nplaces;
	long long max_capacity;
	long long trips_added, bound;
	long long no_hotel;
	bool unknown_travel;
	/* trips this plan adds that others on the same run may join */
	struct open_trip {
		size_t change, vehicle;
		long long origin, destination, depart, arrive, room;
		bool head_car;
	} * open;
	size_t nopen, capopen;
	/* people per run (origin, destination, time), for the bound */
	struct run {
		long long origin, destination, depart, people;
		long long left; /* people of the run not planned yet */
	} * runs;
	size_t nruns, capruns;
	/* shortfalls, per airport, day and two-hour slot */
	struct pshort {
		long long airport;
		long day;
		int slot;
		long long cars, seats;
		char car_codes[160], seat_codes[160];
	} * sh;
	size_t nsh, capsh;
};

static char *text_col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? xstrdup((const char *)s) : NULL;
}

static int step_all(struct pctx *c, const char *sql,
                    void (*row)(struct pctx *, sqlite3_stmt *), struct summit_err *err)
{
	sqlite3_stmt *st;
	int status = db_prepare(c->db, sql, &st, err);
	if (status)
		return status;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		row(c, st);
	if (rc != SQLITE_DONE)
		status = db_step_error(c->db, rc, err);
	sqlite3_finalize(st);
	return status;
}

static size_t cap_d, cap_p, cap_a, cap_v, cap_t, cap_s, cap_c;

static void row_dlg(struct pctx *c, sqlite3_stmt *st)
{
	GROW(c->d, c->nd, cap_d);
	struct pdlg *d = &c->d[c->nd++];
	d->id = sqlite3_column_int64(st, 0);
	d->code = text_col(st, 1);
	const char *rank = (const char *)sqlite3_column_text(st, 2);
	d->dedicated = rank && (strcmp(rank, "head-of-state") == 0 ||
	                        strcmp(rank, "head-of-government") == 0 ||
	                        (c->opt->minister_cars && strcmp(rank, "minister") == 0));
	d->head = 0;
}

static struct pdlg *find_dlg(struct pctx *c, long long id)
{
	return db_find_id(c->d, c->nd, sizeof *c->d, id);
}

static void row_person(struct pctx *c, sqlite3_stmt *st)
{
	GROW(c->p, c->np, cap_p);
	c->p[c->np++] =
	    (struct pperson){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1)};
	struct pdlg *d = find_dlg(c, sqlite3_column_int64(st, 1));
	/* The head: role head, or a person holding a head's rank. */
	if (d && !d->head && sqlite3_column_int(st, 2))
		d->head = sqlite3_column_int64(st, 0);
	if (d && !d->dedicated && sqlite3_column_int(st, 3))
		d->dedicated = true;
}

static void row_arr(struct pctx *c, sqlite3_stmt *st)
{
	GROW(c->a, c->na, cap_a);
	struct parr *a = &c->a[c->na++];
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, 0);
	a->revision = sqlite3_column_int64(st, 1);
	a->delegation = sqlite3_column_int64(st, 2);
	a->person = sqlite3_column_int64(st, 3);
	a->departure = sqlite3_column_int(st, 4) != 0;
	a->airport = sqlite3_column_int64(st, 5);
	a->time = sqlite3_column_int64(st, 6);
	a->party = sqlite3_column_int64(st, 7);
	a->pickup = sqlite3_column_int64(st, 8);
	a->flight = text_col(st, 9);
}

static void row_veh(struct pctx *c, sqlite3_stmt *st)
{
	GROW(c->v, c->nv, cap_v);
	struct pveh *v = &c->v[c->nv++];
	*v = (struct pveh){0}; /* no owner yet */
	v->id = sqlite3_column_int64(st, 0);
	v->code = text_col(st, 1);
	v->car = strcmp((const char *)sqlite3_column_text(st, 2), "car") == 0;
	v->capacity = sqlite3_column_int64(st, 3);
	/* Vehicles sharing a driver share the driver's time (the query
	 * orders them by driver). */
	const char *driver = (const char *)sqlite3_column_text(st, 4);
	if (driver && *driver && c->last_driver && strcmp(driver, c->last_driver) == 0) {
		v->res = c->nres - 1;
	} else {
		v->res = c->nres++;
		free(c->last_driver);
		c->last_driver = driver && *driver ? xstrdup(driver) : NULL;
	}
	if (v->capacity > c->max_capacity)
		c->max_capacity = v->capacity;
}

static void row_trip(struct pctx *c, sqlite3_stmt *st)
{
	GROW(c->t, c->nt, cap_t);
	struct ptrip *t = &c->t[c->nt++];
	t->id = sqlite3_column_int64(st, 0);
	t->revision = sqlite3_column_int64(st, 1);
	t->vehicle = sqlite3_column_int64(st, 2);
	t->depart = sqlite3_column_int64(st, 3);
	t->arrive = sqlite3_column_int64(st, 4);
	t->origin = sqlite3_column_int64(st, 5);
	t->destination = sqlite3_column_int64(st, 6);
	t->locked = sqlite3_column_int(st, 7) != 0;
	t->planners = sqlite3_column_int(st, 8) != 0;
	t->rider_min = sqlite3_column_int64(st, 9);
	t->rider_max = sqlite3_column_int64(st, 10);
	t->removed = false;
}

static void row_carried(struct pctx *c, sqlite3_stmt *st)
{
	GROW(c->carried, c->ncarried, cap_c);
	c->carried[c->ncarried++] =
	    (struct pcarried){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1)};
}

static void row_stay(struct pctx *c, sqlite3_stmt *st)
{
	GROW(c->s, c->ns, cap_s);
	int y, m, dd;
	const char *night = (const char *)sqlite3_column_text(st, 1);
	when_parse_date(night, &y, &m, &dd);
	c->s[c->ns++] =
	    (struct pstay){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 2),
	                   when_day_number(y, m, dd)};
}

static void row_place(struct pctx *c, sqlite3_stmt *st)
{
	long long id = sqlite3_column_int64(st, 0);
	if (id >= c->nplaces) {
		long long n = id + 64;
		c->place_names =
		    xrealloc(c->place_names, (size_t)n * sizeof *c->place_names);
		memset(c->place_names + c->nplaces, 0,
		       (size_t)(n - c->nplaces) * sizeof *c->place_names);
		c->nplaces = n;
	}
	c->place_names[id] = text_col(st, 1);
}

static const char *place_name(struct pctx *c, long long id)
{
	return id > 0 && id < c->nplaces && c->place_names[id] ? c->place_names[id] : "?";
}

static int load(struct pctx *c, struct summit_err *err)
{
	cap_d = cap_p = cap_a = cap_v = cap_t = cap_s = cap_c = 0;
	// clang-format off
	int status = step_all(c,
	    "SELECT d.id, d.code, d.rank FROM delegations d"
	    " WHERE " MODEL_SQL_NEEDS_LOGISTICS("d") " ORDER BY d.id", row_dlg, err);
	if (!status)
		status = step_all(c,
		    "SELECT p.id, p.delegation,"
		    "  p.role = 'head' OR p.rank IN ('head-of-state', 'head-of-government'),"
		    "  p.rank IN ('head-of-state', 'head-of-government')"
		    " FROM people p ORDER BY p.delegation,"
		    "  p.rank IN ('head-of-state', 'head-of-government') DESC,"
		    "  p.role = 'head' DESC, p.id", row_person, err);
	if (!status)
		status = step_all(c,
		    "SELECT id, revision, delegation, coalesce(person, 0),"
		    "  direction = 'departure', airport, time, party, coalesce(pickup, 0), flight"
		    " FROM arrivals ORDER BY delegation, airport, direction, time, id",
		    row_arr, err);
	if (!status)
		status = step_all(c,
		    "SELECT v.id, v.code, v.kind, v.capacity, v.driver"
		    " FROM vehicles v ORDER BY coalesce(v.driver, ''), v.id", row_veh, err);
	if (!status)
		status = step_all(c,
		    "SELECT id, revision, vehicle, depart, arrive, origin, destination,"
		    "  locked = 'yes', kind IN ('pickup', 'departure'),"
		    "  coalesce((SELECT min(p.delegation) FROM trip_riders r JOIN people p ON p.id = r.ref"
		    "   WHERE r.owner = t.id), 0),"
		    "  coalesce((SELECT max(p.delegation) FROM trip_riders r JOIN people p ON p.id = r.ref"
		    "   WHERE r.owner = t.id), 0)"
		    " FROM trips t ORDER BY id",
		    row_trip, err);
	if (!status)
		status = step_all(c,
		    "SELECT r.ref, r.owner FROM trip_riders r JOIN trips t ON t.id = r.owner"
		    " WHERE t.kind IN ('pickup', 'departure') ORDER BY r.ref, r.owner",
		    row_carried, err);
	if (!status)
		status = step_all(c,
		    "SELECT a.delegation, a.night, coalesce(h.place, 0) FROM allocations a"
		    " JOIN hotels h ON h.id = a.hotel ORDER BY a.delegation, a.night, a.rooms DESC",
		    row_stay, err);
	if (!status)
		status = step_all(c, "SELECT id, name FROM places", row_place, err);
	// clang-format on
	if (!status)
		status = planner_travel_load(c->db, &c->travel, err);
	c->venue = planner_venue_place(c->db);
	return status;
}

/* ---- vehicles' time ---- */

static bool is_free(const struct resource *r, long long from, long long to)
{
	/* Spans do not overlap: sorted by start, so by end too. */
	size_t lo = 0, hi = r->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (r->v[mid].to <= from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == r->n || r->v[lo].from >= to;
}

static void occupy(struct resource *r, long long from, long long to)
{
	GROW(r->v, r->n, r->cap);
	size_t i = r->n;
	while (i > 0 && r->v[i - 1].from > from)
		i--;
	memmove(&r->v[i + 1], &r->v[i], (r->n - i) * sizeof *r->v);
	r->v[i] = (struct span){from, to};
	r->n++;
}

static long long minutes_between(struct pctx *c, long long a, long long b)
{
	long long m = planner_travel_minutes(c->travel, a, b);
	if (m < 0) {
		c->unknown_travel = true;
		return UNKNOWN_MINUTES;
	}
	return m;
}

static void own(struct pveh *v, long long delegation, bool head)
{
	if (v->owner == 0 || v->owner == delegation)
		v->owner = delegation;
	else
		v->owner = -1;
	v->owner_head |= head;
}

/* A free vehicle for `seats` over the span, for delegation. A head's car
 * (car) is one that carries nobody else, its own first. Otherwise the
 * smallest vehicle that holds them, a car only when nothing else does and
 * never one a head keeps; failing that the largest free one. */
static long pick_vehicle(struct pctx *c, long long seats, bool car, long long delegation,
                         long long from, long long to)
{
	long best = -1, largest = -1;
	for (size_t i = 0; i < c->nv; i++) {
		const struct pveh *v = &c->v[i];
		if (car && (!v->car || (v->owner != 0 && v->owner != delegation)))
			continue;
		if (!car && v->car && v->owner_head && v->owner != delegation)
			continue;
		if (!is_free(&c->res[v->res], from, to))
			continue;
		if (car) {
			if (best < 0 ||
			    (v->owner == delegation && c->v[best].owner != delegation))
				best = (long)i;
			continue;
		}
		if (v->capacity >= seats &&
		    (best < 0 || (c->v[best].car && !v->car) ||
		     (c->v[best].car == v->car && v->capacity < c->v[best].capacity)))
			best = (long)i;
		if (largest < 0 || v->capacity > c->v[largest].capacity)
			largest = (long)i;
	}
	return best >= 0 ? best : largest;
}

/* ---- shortfalls ---- */

static void short_of(struct pctx *c, long long airport, long long when, long long cars,
                     long long seats, const char *code)
{
	int minute;
	long day = planner_local_day(c->db, when, &minute);
	int slot = minute / 120;
	struct pshort *s = NULL;
	for (size_t i = 0; i < c->nsh; i++)
		if (c->sh[i].airport == airport && c->sh[i].day == day &&
		    c->sh[i].slot == slot)
			s = &c->sh[i];
	if (!s) {
		GROW(c->sh, c->nsh, c->capsh);
		s = &c->sh[c->nsh++];
		memset(s, 0, sizeof *s);
		s->airport = airport;
		s->day = day;
		s->slot = slot;
	}
	s->cars += cars;
	s->seats += seats;
	char *codes = cars ? s->car_codes : s->seat_codes;
	size_t len = strlen(codes), size = sizeof s->car_codes;
	if (!strstr(codes, code) && len + strlen(code) + 3 < size)
		snprintf(codes + len, size - len, "%s%s", len ? ", " : "", code);
}

static int cmp_short(const void *a, const void *b)
{
	const struct pshort *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->slot != y->slot)
		return x->slot - y->slot;
	return (x->airport > y->airport) - (x->airport < y->airport);
}

static void report_shortfalls(struct pctx *c)
{
	if (c->nsh)
		qsort(c->sh, c->nsh, sizeof *c->sh, cmp_short);
	for (size_t i = 0; i < c->nsh; i++) {
		const struct pshort *s = &c->sh[i];
		char day[WHEN_DATE_LEN];
		when_format_day(s->day, day);
		if (s->cars)
			planner_shortfall(
			    c->plan,
			    "%s, %s %02d:00-%02d:00: %lld car%s short for heads of "
			    "delegation (%s)",
			    place_name(c, s->airport), day, s->slot * 2, s->slot * 2 + 2,
			    s->cars, s->cars == 1 ? "" : "s", s->car_codes);
		if (s->seats)
			planner_shortfall(
			    c->plan, "%s, %s %02d:00-%02d:00: %lld seat%s short (%s)",
			    place_name(c, s->airport), day, s->slot * 2, s->slot * 2 + 2,
			    s->seats, s->seats == 1 ? "" : "s", s->seat_codes);
	}
}

/* ---- planning one group of flights ---- */

/* The place a delegation sleeps on night, or the venue. */
static long long hotel_place(struct pctx *c, long long delegation, long night)
{
	size_t lo = 0, hi = c->ns;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->s[mid].delegation < delegation ||
		    (c->s[mid].delegation == delegation && c->s[mid].night < night))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < c->ns && c->s[lo].delegation == delegation && c->s[lo].night == night &&
	    c->s[lo].hotel_place)
		return c->s[lo].hotel_place;
	/* The nearest night it has a hotel. */
	long long best = 0;
	long gap = 0;
	for (size_t i = lo; i < c->ns && c->s[i].delegation == delegation; i++)
		if (c->s[i].hotel_place && (!best || c->s[i].night - night < gap)) {
			best = c->s[i].hotel_place;
			gap = c->s[i].night - night;
			break;
		}
	for (size_t i = lo; i-- > 0 && c->s[i].delegation == delegation;)
		if (c->s[i].hotel_place && (!best || night - c->s[i].night < gap)) {
			best = c->s[i].hotel_place;
			break;
		}
	return best;
}

static int cmp_id(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

static void index_apart(struct pctx *c)
{
	for (int w = 0; w < 2; w++) {
		c->apart[w] = xmalloc((c->na + 1) * sizeof(long long));
		c->napart[w] = 0;
	}
	for (size_t i = 0; i < c->na; i++)
		if (c->a[i].person)
			c->apart[c->a[i].departure][c->napart[c->a[i].departure]++] =
			    c->a[i].person;
	for (int w = 0; w < 2; w++)
		if (c->napart[w])
			qsort(c->apart[w], c->napart[w], sizeof(long long), cmp_id);
}

struct leg {
	size_t vehicle;
	long long seats;
	struct strbuf riders;
	size_t change;  /* index of its add in the plan */
	long long room; /* seats left for linking flights */
	long open;      /* the open trip it joins, or -1 for a new one */
};

static void time_text(struct pctx *c, long long t, char out[WHEN_TIME_LEN])
{
	when_format_local(c->db, t, out);
}

static size_t add_trip(struct pctx *c, const struct pveh *v, bool departure,
                       long long origin, long long destination, long long depart,
                       long long arrive, const char *riders, const char *note)
{
	const struct kind *kind = &kind_trips;
	char **val = planner_values(kind);
	char dep[WHEN_TIME_LEN], arr[WHEN_TIME_LEN];
	time_text(c, depart, dep);
	time_text(c, arrive, arr);
	val[kind_field_index(kind, "vehicle")] = xstrdup(v->code);
	val[kind_field_index(kind, "kind")] = xstrdup(departure ? "departure" : "pickup");
	val[kind_field_index(kind, "origin")] = xstrdup(place_name(c, origin));
	val[kind_field_index(kind, "destination")] = xstrdup(place_name(c, destination));
	val[kind_field_index(kind, "depart")] = xstrdup(dep);
	val[kind_field_index(kind, "arrive")] = xstrdup(arr);
	if (riders && *riders)
		val[kind_field_index(kind, "riders")] = xstrdup(riders);
	val[kind_field_index(kind, "note")] = xstrdup(note);
	char *what = xasprintf("%s %s %s to %s, %s to %s, %s", v->code,
	                       departure ? "departure" : "pickup", place_name(c, origin),
	                       place_name(c, destination), dep, arr + 11, note);
	c->trips_added++;
	return planner_add(c->plan, kind, val, what);
}

static int cmp_run(const void *a, const void *b);

/* Dry: only counts the group's people on its run (same places, same
 * time), for the bound and so the first vehicle on a run can hold them
 * all. */
static struct ptrip *find_trip(struct pctx *c, long long id);

/* The trip the plan keeps that already carries person on this flight's way:
 * from the airport after the landing, or to it before the take-off, within
 * the window a pickup is linked in (a locked car kept for a head); 0 if none. */
static long long already_carried(struct pctx *c, long long person, long long airport,
                                 bool departure, long long landing)
{
	size_t lo = 0, hi = c->ncarried;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->carried[mid].person < person)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < c->ncarried && c->carried[lo].person == person; lo++) {
		const struct ptrip *t = find_trip(c, c->carried[lo].trip);
		if (!t || t->removed || !t->planners)
			continue;
		if (departure ? t->destination == airport && t->arrive <= landing &&
		                    t->arrive >= landing - MODEL_PICKUP_WINDOW
		              : t->origin == airport && t->depart >= landing &&
		                    t->depart <= landing + MODEL_PICKUP_WINDOW)
			return t->id;
	}
	return 0;
}

static void plan_group(struct pctx *c, size_t from, size_t to, bool dry)
{
	struct parr *first = &c->a[from];
	struct pdlg *d = find_dlg(c, first->delegation);
	bool departure = first->departure;
	long long last_landing = first->time, earliest = first->time, passengers = 0;
	for (size_t i = from; i < to; i++) {
		if (c->a[i].time > last_landing)
			last_landing = c->a[i].time;
		if (c->a[i].time < earliest)
			earliest = c->a[i].time;
		passengers += c->a[i].party;
	}
	int minute;
	long day = planner_local_day(c->db, departure ? earliest : last_landing, &minute);
	long night = departure ? day - 1 : (minute < 6 * 60 ? day - 1 : day);
	long long hotel = hotel_place(c, d->id, night);
	if (!hotel) {
		hotel = c->venue;
		c->no_hotel += !dry;
	}
	if (!hotel)
		return;
	long long airport = first->airport;
	long long origin = departure ? hotel : airport,
	          destination = departure ? airport : hotel;
	long long drive = minutes_between(c, origin, destination) * 60;
	long long depart, arrive;
	if (departure) {
		arrive = earliest - (long long)c->opt->departure_margin * 60;
		depart = arrive - drive;
	} else {
		depart = last_landing + (long long)c->opt->pickup_margin * 60;
		arrive = depart + drive;
	}
	/* Busy until it is back where it started. */
	long long busy_to = arrive + drive;
	long long seats = passengers - (d->dedicated ? 1 : 0);
	if (dry) {
		GROW(c->runs, c->nruns, c->capruns);
		c->runs[c->nruns++] = (struct run){origin, destination, depart, seats};
		return;
	}
	/* Those still to come on this run, this group included. */
	struct run key = {origin, destination, depart, 0};
	struct run *run =
	    c->nruns ? bsearch(&key, c->runs, c->nruns, sizeof *c->runs, cmp_run) : NULL;

	/* Who rides: the people flying apart, then the delegation's others. */
	long long *riders = xmalloc((size_t)(c->np + 1) * sizeof *riders);
	size_t nr = 0;
	bool has_main = false;
	for (size_t i = from; i < to; i++)
		has_main |= c->a[i].person == 0;
	for (size_t i = from; i < to; i++)
		if (c->a[i].person)
			riders[nr++] = c->a[i].person;
	if (has_main) {
		/* The delegation's people without a flight of their own this way. */
		long long main_party = 0;
		for (size_t i = from; i < to; i++)
			if (!c->a[i].person)
				main_party += c->a[i].party;
		size_t k = 0, hi = c->np;
		while (k < hi) {
			size_t mid = (k + hi) / 2;
			if (c->p[mid].delegation < d->id)
				k = mid + 1;
			else
				hi = mid;
		}
		for (; k < c->np && c->p[k].delegation == d->id && main_party > 0; k++) {
			if (c->napart[departure] &&
			    bsearch(&c->p[k].id, c->apart[departure],
			            c->napart[departure], sizeof(long long), cmp_id))
				continue;
			riders[nr++] = c->p[k].id;
			main_party--;
		}
	}
	/* The head first, if among them. */
	bool head_here = false;
	for (size_t k = 0; k < nr; k++)
		if (d->head && riders[k] == d->head) {
			riders[k] = riders[0];
			riders[0] = d->head;
			head_here = true;
		}
	/* A head with no person record rides with the main party. */
	if (!d->head && has_main)
		head_here = true;
	/* A head a kept trip meets already (his car, locked by hand) rides
	 * there: no second car, and his party without him. */
	long long held =
	    d->dedicated && head_here && d->head && nr && riders[0] == d->head
	        ? already_carried(c, d->head, airport, departure,
	                          departure ? earliest : last_landing)
	        : 0;
	if (held) {
		memmove(riders, riders + 1, --nr * sizeof *riders);
		passengers--;
		head_here = false;
	}

	char note[200];
	snprintf(note, sizeof note, "%s (%s)", first->flight ? first->flight : "flight",
	         d->code);

	struct leg *legs = xcalloc((size_t)(passengers + 2), sizeof *legs);
	for (long long k = 0; k < passengers + 2; k++)
		legs[k].open = -1;
	size_t nlegs = 0, next_rider = 0;
	long long left = passengers;
	if (d->dedicated && head_here) {
		c->bound++;
		long vi = pick_vehicle(c, 1, true, d->id, depart, busy_to);
		if (vi < 0) {
			short_of(c, airport, depart, 1, 0, d->code);
		} else {
			/* The head alone: the flight's party is counted with the
			 * vehicle it is linked to. */
			struct leg *l = &legs[nlegs++];
			l->vehicle = (size_t)vi;
			l->seats = 1;
			left -= 1;
			occupy(&c->res[c->v[vi].res], depart, busy_to);
			own(&c->v[vi], d->id, true);
		}
	}
	/* The first vehicle holds the whole party where one can, as the
	 * flights linked to it count their whole party. */
	long long on_run = run ? run->left : left;
	if (run)
		run->left -= left;
	/* Another delegation's vehicle on the same run with room for all. */
	for (size_t k = 0; k < c->nopen && left > 0; k++) {
		struct open_trip *o = &c->open[k];
		if (o->head_car || o->origin != origin || o->destination != destination ||
		    o->depart != depart || o->room < passengers)
			continue;
		struct leg *l = &legs[nlegs++];
		l->vehicle = o->vehicle;
		l->seats = left;
		l->open = (long)k;
		left = 0;
	}
	long long want = on_run > passengers ? on_run : passengers;
	while (left > 0) {
		long vi = pick_vehicle(c, want > left ? want : left, false, d->id, depart,
		                       busy_to);
		want = 0;
		if (vi < 0) {
			short_of(c, airport, depart, 0, left, d->code);
			break;
		}
		struct leg *l = &legs[nlegs++];
		l->vehicle = (size_t)vi;
		l->open = -1;
		l->seats = c->v[vi].capacity < left ? c->v[vi].capacity : left;
		left -= l->seats;
		occupy(&c->res[c->v[vi].res], depart, busy_to);
		own(&c->v[vi], d->id, false);
	}
	/* Riders in order across the legs, the head in the first. */
	for (size_t k = 0; k < nlegs; k++) {
		struct leg *l = &legs[k];
		strbuf_add(&l->riders, "");
		for (long long s = 0; s < l->seats && next_rider < nr; s++)
			strbuf_addf(&l->riders, "%s%lld", l->riders.len ? " " : "",
			            riders[next_rider++]);
		if (l->open >= 0) {
			/* Joined: its riders and flight go on the trip already planned.
			 */
			struct open_trip *o = &c->open[l->open];
			struct planner_change *ch = &c->plan->v[o->change];
			const struct kind *tk = ch->kind;
			int rf = kind_field_index(tk, "riders"),
			    nf = kind_field_index(tk, "note");
			char *riders_now = ch->values[rf];
			ch->values[rf] =
			    riders_now && *riders_now && l->riders.len
			        ? xasprintf("%s %s", riders_now, l->riders.buf)
			        : xstrdup(l->riders.len ? l->riders.buf
			                  : riders_now  ? riders_now
			                                : "");
			free(riders_now);
			/* "AF 1 (AAA)" becomes "AF 1 (AAA, BBB)". */
			char **texts[] = {&ch->values[nf], &ch->what};
			for (int k2 = 0; k2 < 2; k2++) {
				char *was = *texts[k2];
				size_t len = strlen(was);
				if (len && was[len - 1] == ')')
					*texts[k2] = xasprintf(
					    "%.*s, %s)", (int)(len - 1), was, d->code);
				else
					*texts[k2] = xasprintf("%s, %s", was, d->code);
				free(was);
			}
			l->change = o->change;
			l->room = o->room;
		} else {
			l->change =
			    add_trip(c, &c->v[l->vehicle], departure, origin, destination,
			             depart, arrive, l->riders.buf, note);
			l->room = c->v[l->vehicle].capacity;
			GROW(c->open, c->nopen, c->capopen);
			c->open[c->nopen++] = (struct open_trip){
			    l->change,
			    l->vehicle,
			    origin,
			    destination,
			    depart,
			    arrive,
			    l->room,
			    d->dedicated && head_here && k == 0 && c->v[l->vehicle].car};
			l->open = (long)c->nopen - 1;
		}
		strbuf_free(&l->riders);
	}
	/* Each flight to the trip with most room left that holds its party
	 * (a head's car last, so its flight's party rides with the others). */
	const struct kind *akind = &kind_arrivals;
	for (size_t i = from; i < to && nlegs; i++) {
		struct parr *a = &c->a[i];
		long best = -1;
		for (size_t k = 0; k < nlegs; k++) {
			bool car_leg = d->dedicated && head_here && k == 0 && nlegs > 1;
			if (car_leg)
				continue;
			if (best < 0 || legs[k].room > legs[best].room)
				best = (long)k;
		}
		if (best < 0)
			best = 0;
		legs[best].room -= a->party;
		c->open[legs[best].open].room = legs[best].room;
		char **val = planner_values(akind);
		int field = kind_field_index(akind, "pickup");
		val[field] = xstrdup("");
		char when[WHEN_TIME_LEN];
		time_text(c, a->time, when);
		size_t ch =
		    planner_change(c->plan, akind, a->id, a->revision, val,
		                   xasprintf("%s %s %s at %s: %s by %s", d->code,
		                             a->flight ? a->flight : "flight",
		                             departure ? "leaving" : "landing", when,
		                             departure ? "to the airport" : "picked up",
		                             c->v[legs[best].vehicle].code));
		c->plan->v[ch].ref_field = field;
		c->plan->v[ch].ref_change = legs[best].change;
	}
	/* The head flew alone and his kept car meets him: his flight goes to it. */
	for (size_t i = from; i < to && !nlegs && held; i++) {
		struct parr *a = &c->a[i];
		if (a->pickup == held)
			continue;
		char **val = planner_values(akind);
		val[kind_field_index(akind, "pickup")] = xasprintf("%lld", held);
		planner_change(c->plan, akind, a->id, a->revision, val,
		               xasprintf("%s %s: met by its kept trip #%lld", d->code,
		                         a->flight ? a->flight : "flight", held));
	}
	free(legs);
	free(riders);
}

static void free_ctx(struct pctx *c)
{
	for (size_t i = 0; i < c->nd; i++)
		free(c->d[i].code);
	free(c->d);
	free(c->p);
	for (size_t i = 0; i < c->na; i++)
		free(c->a[i].flight);
	free(c->a);
	for (size_t i = 0; i < c->nv; i++)
		free(c->v[i].code);
	free(c->v);
	free(c->last_driver);
	free(c->apart[0]);
	free(c->apart[1]);
	for (size_t i = 0; i < c->nres; i++)
		free(c->res[i].v);
	free(c->res);
	free(c->t);
	free(c->carried);
	free(c->s);
	for (long long i = 0; i < c->nplaces; i++)
		free(c->place_names[i]);
	free(c->place_names);
	planner_travel_free(c->travel);
	free(c->sh);
	free(c->open);
	free(c->runs);
}

static int cmp_run(const void *a, const void *b)
{
	const struct run *x = a, *y = b;
	if (x->origin != y->origin)
		return x->origin < y->origin ? -1 : 1;
	if (x->destination != y->destination)
		return x->destination < y->destination ? -1 : 1;
	return (x->depart > y->depart) - (x->depart < y->depart);
}

/* Beside the heads' cars, each run (same places, same time) needs at least
 * its people over the largest vehicle's seats. */
static long long run_bound(struct pctx *c)
{
	if (c->nruns)
		qsort(c->runs, c->nruns, sizeof *c->runs, cmp_run);
	long long trips = 0;
	for (size_t i = 0; i < c->nruns;) {
		long long people = 0;
		size_t j = i;
		while (j < c->nruns && cmp_run(&c->runs[i], &c->runs[j]) == 0)
			people += c->runs[j++].people;
		if (c->max_capacity > 0)
			trips += (people + c->max_capacity - 1) / c->max_capacity;
		i = j;
	}
	return trips;
}

static struct ptrip *find_trip(struct pctx *c, long long id)
{
	return db_find_id(c->t, c->nt, sizeof *c->t, id);
}

static long vehicle_index(struct pctx *c, long long id)
{
	for (size_t i = 0; i < c->nv; i++)
		if (c->v[i].id == id)
			return (long)i;
	return -1;
}

int planner_pickups(struct summit_db *db, const struct planner_options *opt,
                    struct planner_plan *plan, struct summit_err *err)
{
	if (!db_has_event(db))
		return err_no_event(err);
	struct pctx c = {.db = db, .opt = opt, .plan = plan};
	plan->measure = "vehicle trips added; the bound: a car for each head, then the "
	                "people of each run (same places, same time) over the largest "
	                "vehicle's seats";
	int status = load(&c, err);
	if (status) {
		free_ctx(&c);
		return status;
	}
	c.res = xcalloc(c.nres + 1, sizeof *c.res);
	index_apart(&c);
	/* Trips the plan keeps hold their vehicles; with --start-over the
	 * planners' own unlocked trips go. */
	for (size_t i = 0; i < c.nt; i++) {
		struct ptrip *t = &c.t[i];
		if (opt->start_over && t->planners && !t->locked) {
			t->removed = true;
			continue;
		}
		long vi = vehicle_index(&c, t->vehicle);
		if (vi < 0)
			continue;
		long long back = minutes_between(&c, t->destination, t->origin) * 60;
		occupy(&c.res[c.v[vi].res], t->depart, t->arrive + back);
		if (t->rider_min) {
			bool one = t->rider_min == t->rider_max;
			struct pdlg *d = one ? find_dlg(&c, t->rider_min) : NULL;
			own(&c.v[vi], one ? t->rider_min : -1,
			    d && d->dedicated && c.v[vi].car);
		}
	}
	c.unknown_travel = false;
	for (size_t i = 0; i < c.na; i++) {
		struct parr *a = &c.a[i];
		struct ptrip *t = a->pickup ? find_trip(&c, a->pickup) : NULL;
		bool loose = !a->pickup || (t && t->removed);
		a->planned = loose && find_dlg(&c, a->delegation);
	}
	/* Windows: a delegation's flights at one airport, one way, within
	 * the window of the first. */
	size_t first_change = plan->n;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < c.na;) {
			if (!c.a[i].planned) {
				i++;
				continue;
			}
			size_t j = i + 1;
			while (j < c.na && c.a[j].planned &&
			       c.a[j].delegation == c.a[i].delegation &&
			       c.a[j].airport == c.a[i].airport &&
			       c.a[j].departure == c.a[i].departure &&
			       c.a[j].time - c.a[i].time <= (long long)opt->window * 60)
				j++;
			plan_group(&c, i, j, pass == 0);
			i = j;
		}
		if (pass == 0) {
			/* One entry a run, its people summed. */
			if (c.nruns)
				qsort(c.runs, c.nruns, sizeof *c.runs, cmp_run);
			size_t m = 0;
			for (size_t k = 0; k < c.nruns; k++) {
				if (m && cmp_run(&c.runs[m - 1], &c.runs[k]) == 0)
					c.runs[m - 1].people += c.runs[k].people;
				else
					c.runs[m++] = c.runs[k];
			}
			c.nruns = m;
			for (size_t k = 0; k < m; k++)
				c.runs[k].left = c.runs[k].people;
		}
	}
	(void)first_change;
	/* Flights that lose their trip and found none keep no dangling link;
	 * then the old trips go. */
	const struct kind *akind = &kind_arrivals, *tkind = &kind_trips;
	for (size_t i = 0; opt->start_over && i < c.na; i++) {
		struct parr *a = &c.a[i];
		struct ptrip *t = a->pickup ? find_trip(&c, a->pickup) : NULL;
		if (!t || !t->removed)
			continue;
		bool relinked = false;
		for (size_t k = 0; k < plan->n && !relinked; k++)
			relinked = plan->v[k].op == PLANNER_CHANGE &&
			           plan->v[k].kind == akind && plan->v[k].id == a->id;
		if (relinked)
			continue;
		char **val = planner_values(akind);
		val[kind_field_index(akind, "pickup")] = xstrdup("");
		planner_change(
		    plan, akind, a->id, a->revision, val,
		    xasprintf("flight #%lld loses its trip #%lld", a->id, t->id));
	}
	for (size_t i = 0; i < c.nt; i++)
		if (c.t[i].removed)
			planner_remove(plan, tkind, c.t[i].id, c.t[i].revision,
			               xasprintf("trip #%lld (%s)", c.t[i].id,
			                         place_name(&c, c.t[i].origin)));
	report_shortfalls(&c);
	if (c.no_hotel)
		planner_note(plan,
		             "%lld group%s of flights without a hotel night taken to the "
		             "venue (plan hotels first)",
		             c.no_hotel, c.no_hotel == 1 ? "" : "s");
	if (c.unknown_travel)
		planner_note(plan,
		             "travel times not known between some places: counted as %d "
		             "minutes",
		             UNKNOWN_MINUTES);
	plan->value = (double)c.trips_added;
	plan->bound = (double)(c.bound + run_bound(&c));
	plan->has_bound = true;
	free_ctx(&c);
	return SUMMIT_OK;
}
