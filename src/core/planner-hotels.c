/* summit plan hotels: rooms per delegation per night, one hotel per whole
 * stay where possible. The compact integer program of the field notes:
 * one binary per delegation and hotel that can hold its whole stay, one
 * "unplaced" slack per delegation, one capacity row per hotel and night;
 * GLPK (planner-mip.c) solves it behind a deadline from a greedy start, a local search
 * improves the result, and whatever no single hotel can hold is split
 * across hotels, last, and said so. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "planner_internal.h"
#include "summit/db.h"
#include "summit/kind.h"
#include "summit/model.h"
#include "summit/when.h"

/* Costs: people x minutes to the venue, plus what a head outside the
 * preferred hotels costs, and what leaving a delegation out costs. */
#define COST_HEAD_NOT_PREFERRED     100000.0
#define COST_MINISTER_NOT_PREFERRED 10000.0
#define COST_AWAY_FROM_KEPT         20000.0
#define COST_UNKNOWN_MINUTES        60
#define COST_UNPLACED               10000000.0

struct hdlg {
	long long id, size, rooms;
	char *code;
	int prio;             /* 0 head of state or government, 1 minister, 2 other */
	long first, last;     /* nights [first, last) as day numbers */
	long long *need;      /* rooms still needed, per night from first */
	long long kept_hotel; /* a hotel it keeps nights in, or 0 */
	long best_hotel;      /* cheapest hotel index ignoring room, for shortfalls */
	long hotel;           /* whole-stay choice, index, or -1 */
};

struct hhotel {
	long long id, place;
	char *name;
	bool preferred;
	long long minutes;
};

struct existing {
	long long id, revision, hotel, delegation, rooms;
	long night;
	bool locked;
};

struct placed {
	long long delegation, hotel, rooms;
	long night;
};

struct hctx {
	struct summit_db *db;
	const struct planner_options *opt;
	struct planner_plan *plan;
	struct hdlg *d;
	size_t nd;
	struct hhotel *h;
	size_t nh;
	struct existing *ex;
	size_t nex;
	long n0, nn;    /* nights [n0, n0 + nn) */
	long long *cap; /* residual rooms per hotel and night: h * nn + (n - n0) */
	bool any_preferred;
	double *cost; /* per delegation and hotel */
	struct placed *out;
	size_t nout, capout;
	double deadline;
	bool tight; /* the greedy packs rather than minds the cost */
};

#define CAP(c, hi, night)                                                                \
	((c)->cap[(size_t)(hi) * (size_t)(c)->nn + (size_t)((night) - (c)->n0)])

static char *dup_col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

static long day_of(const char *date)
{
	int y, m, d;
	return when_parse_date(date, &y, &m, &d) ? when_day_number(y, m, d) : 0;
}

static void format_night(long n, char out[WHEN_DATE_LEN])
{
	when_format_day(n, out);
}

static struct hdlg *find_dlg(struct hctx *c, long long id)
{
	return db_find_id(c->d, c->nd, sizeof *c->d, id);
}

static long find_hotel(struct hctx *c, long long id)
{
	for (size_t i = 0; i < c->nh; i++)
		if (c->h[i].id == id)
			return (long)i;
	return -1;
}

/* ---- loading ---- */

static int load_delegations(struct hctx *c, struct summit_err *err)
{
	// clang-format off
	static const char sql[] =
	    "SELECT d.id, d.code, d.size, d.rank FROM delegations d"
	    " WHERE " MODEL_SQL_NEEDS_LOGISTICS("d") " ORDER BY d.id";
	// clang-format on
	sqlite3_stmt *st;
	int status = db_prepare(c->db, sql, &st, err);
	if (status)
		return status;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->nd == cap) {
			cap = cap ? cap * 2 : 64;
			c->d = xrealloc(c->d, cap * sizeof *c->d);
		}
		struct hdlg *d = &c->d[c->nd++];
		memset(d, 0, sizeof *d);
		d->id = sqlite3_column_int64(st, 0);
		d->code = dup_col(st, 1);
		d->size = sqlite3_column_int64(st, 2);
		d->rooms = planner_rooms_for(d->size, c->opt->people_per_room);
		const char *rank = (const char *)sqlite3_column_text(st, 3);
		d->prio = !rank ? 2
		          : strcmp(rank, "head-of-state") == 0 ||
		                  strcmp(rank, "head-of-government") == 0
		              ? 0
		          : strcmp(rank, "minister") == 0 ? 1
		                                          : 2;
		d->hotel = -1;
	}
	if (rc != SQLITE_DONE)
		status = db_step_error(c->db, rc, err);
	sqlite3_finalize(st);
	return status;
}

/* Each delegation's nights and rooms per night: its main party's nights in
 * town (model.h), and a room a night for each person travelling apart on
 * nights outside them. */
static int load_stays(struct hctx *c, struct summit_err *err)
{
	struct model m;
	int status = model_load(c->db, &m, MODEL_FLIGHTS, 0, 0, err);
	if (status)
		return status;
	for (size_t i = 0; i < c->nd; i++) {
		struct hdlg *d = &c->d[i];
		long main_first = 0, main_end = 0;
		bool has_main =
		    model_nights_in_town(&m, d->id, 0, &main_first, &main_end);
		long first = has_main ? main_first : 0, last = has_main ? main_end : 0;
		size_t from, to;
		model_flights_of(&m, d->id, &from, &to);
		for (size_t k = from; k < to; k++) {
			long pf, pe;
			const struct model_flight *f = &m.flights[k];
			if (!f->person || f->departure ||
			    !model_nights_in_town(&m, d->id, f->person, &pf, &pe))
				continue;
			if (!first || pf < first)
				first = pf;
			if (pe > last)
				last = pe;
		}
		if (!first || last <= first)
			continue;
		d->first = first;
		d->last = last;
		d->need = xcalloc((size_t)(last - first), sizeof *d->need);
		for (long n = first; n < last; n++)
			if (has_main && n >= main_first && n < main_end)
				d->need[n - first] = d->rooms;
		for (size_t k = from; k < to; k++) {
			long pf, pe;
			const struct model_flight *f = &m.flights[k];
			if (!f->person || f->departure ||
			    !model_nights_in_town(&m, d->id, f->person, &pf, &pe))
				continue;
			for (long n = pf; n < pe; n++)
				if (!(has_main && n >= main_first && n < main_end))
					d->need[n - first]++;
		}
	}
	model_free(&m);
	return status;
}

static int load_hotels(struct hctx *c, struct summit_err *err)
{
	struct planner_travel *travel;
	int status = planner_travel_load(c->db, &travel, err);
	long long venue = planner_venue_place(c->db);
	sqlite3_stmt *st;
	if (!status)
		status =
		    db_prepare(c->db,
		               "SELECT id, name, coalesce(place, 0), preferred = 'yes'"
		               " FROM hotels ORDER BY id",
		               &st, err);
	if (status) {
		planner_travel_free(travel);
		return status;
	}
	size_t cap = 0;
	int rc;
	long unknown = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->nh == cap) {
			cap = cap ? cap * 2 : 16;
			c->h = xrealloc(c->h, cap * sizeof *c->h);
		}
		struct hhotel *h = &c->h[c->nh++];
		h->id = sqlite3_column_int64(st, 0);
		h->name = dup_col(st, 1);
		h->place = sqlite3_column_int64(st, 2);
		h->preferred = sqlite3_column_int(st, 3) != 0;
		c->any_preferred |= h->preferred;
		h->minutes = h->place && venue
		                 ? planner_travel_minutes(travel, h->place, venue)
		                 : -1;
		if (h->minutes < 0) {
			h->minutes = COST_UNKNOWN_MINUTES;
			unknown++;
		}
	}
	if (rc != SQLITE_DONE)
		status = db_step_error(c->db, rc, err);
	sqlite3_finalize(st);
	planner_travel_free(travel);
	if (unknown)
		planner_note(
		    c->plan,
		    "%ld hotel%s without a travel time to the venue counted as %d "
		    "minutes away",
		    unknown, unknown == 1 ? "" : "s", COST_UNKNOWN_MINUTES);
	return status;
}

static int load_existing(struct hctx *c, struct summit_err *err)
{
	sqlite3_stmt *st;
	int status = db_prepare(
	    c->db,
	    "SELECT id, revision, hotel, delegation, night, rooms,"
	    " locked = 'yes' FROM allocations ORDER BY delegation, hotel, night",
	    &st, err);
	if (status)
		return status;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->nex == cap) {
			cap = cap ? cap * 2 : 256;
			c->ex = xrealloc(c->ex, cap * sizeof *c->ex);
		}
		c->ex[c->nex++] =
		    (struct existing){sqlite3_column_int64(st, 0),
		                      sqlite3_column_int64(st, 1),
		                      sqlite3_column_int64(st, 2),
		                      sqlite3_column_int64(st, 3),
		                      sqlite3_column_int64(st, 5),
		                      day_of((const char *)sqlite3_column_text(st, 4)),
		                      sqlite3_column_int(st, 6) != 0};
	}
	if (rc != SQLITE_DONE)
		status = db_step_error(c->db, rc, err);
	sqlite3_finalize(st);
	return status;
}

static int load_blocks(struct hctx *c, struct summit_err *err)
{
	/* The nights that matter: every block and every stay. */
	long lo = 0, hi = 0;
	sqlite3_stmt *st;
	int status =
	    db_prepare(c->db, "SELECT hotel, night, rooms FROM blocks", &st, err);
	if (status)
		return status;
	struct blk {
		long long hotel, rooms;
		long night;
	} *b = NULL;
	size_t nb = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (nb == cap) {
			cap = cap ? cap * 2 : 256;
			b = xrealloc(b, cap * sizeof *b);
		}
		b[nb] =
		    (struct blk){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 2),
		                 day_of((const char *)sqlite3_column_text(st, 1))};
		if (!lo || b[nb].night < lo)
			lo = b[nb].night;
		if (b[nb].night + 1 > hi)
			hi = b[nb].night + 1;
		nb++;
	}
	if (rc != SQLITE_DONE)
		status = db_step_error(c->db, rc, err);
	sqlite3_finalize(st);
	for (size_t i = 0; i < c->nd; i++) {
		if (!c->d[i].need)
			continue;
		if (!lo || c->d[i].first < lo)
			lo = c->d[i].first;
		if (c->d[i].last > hi)
			hi = c->d[i].last;
	}
	for (size_t i = 0; i < c->nex; i++) {
		if (!lo || c->ex[i].night < lo)
			lo = c->ex[i].night;
		if (c->ex[i].night + 1 > hi)
			hi = c->ex[i].night + 1;
	}
	c->n0 = lo;
	c->nn = hi > lo ? hi - lo : 1;
	c->cap = xcalloc(c->nh * (size_t)c->nn + 1, sizeof *c->cap);
	for (size_t i = 0; i < nb; i++) {
		long hidx = find_hotel(c, b[i].hotel);
		if (hidx >= 0)
			CAP(c, hidx, b[i].night) += b[i].rooms;
	}
	free(b);
	return status;
}

/* ---- the model ---- */

/* Kept allocations use their block's rooms and cover their nights. */
static void subtract_kept(struct hctx *c)
{
	for (size_t i = 0; i < c->nex; i++) {
		struct existing *e = &c->ex[i];
		if (c->opt->start_over && !e->locked)
			continue;
		long hidx = find_hotel(c, e->hotel);
		if (hidx >= 0)
			CAP(c, hidx, e->night) -= e->rooms;
		struct hdlg *d = find_dlg(c, e->delegation);
		if (!d || !d->need)
			continue;
		if (e->night >= d->first && e->night < d->last) {
			long long *need = &d->need[e->night - d->first];
			*need = *need > e->rooms ? *need - e->rooms : 0;
		}
		d->kept_hotel = e->hotel;
	}
}

static bool wants_room(const struct hdlg *d)
{
	if (!d->need)
		return false;
	for (long n = d->first; n < d->last; n++)
		if (d->need[n - d->first] > 0)
			return true;
	return false;
}

static long long room_nights(const struct hdlg *d)
{
	long long sum = 0;
	for (long n = d->first; n < d->last; n++)
		sum += d->need[n - d->first];
	return sum;
}

static bool fits(struct hctx *c, const struct hdlg *d, size_t h)
{
	for (long n = d->first; n < d->last; n++)
		if (d->need[n - d->first] > CAP(c, h, n))
			return false;
	return true;
}

static void take(struct hctx *c, const struct hdlg *d, size_t h, int sign)
{
	for (long n = d->first; n < d->last; n++)
		CAP(c, h, n) -= sign * d->need[n - d->first];
}

static void set_costs(struct hctx *c)
{
	c->cost = xmalloc((c->nd * c->nh + 1) * sizeof *c->cost);
	for (size_t i = 0; i < c->nd; i++) {
		struct hdlg *d = &c->d[i];
		d->best_hotel = -1;
		for (size_t h = 0; h < c->nh; h++) {
			double cost = (double)d->size * (double)c->h[h].minutes;
			if (c->any_preferred && !c->h[h].preferred)
				cost += d->prio == 0   ? COST_HEAD_NOT_PREFERRED
				        : d->prio == 1 ? COST_MINISTER_NOT_PREFERRED
				                       : 0;
			if (d->kept_hotel && c->h[h].id != d->kept_hotel)
				cost += COST_AWAY_FROM_KEPT;
			c->cost[i * c->nh + h] = cost;
			if (d->best_hotel < 0 ||
			    cost < c->cost[i * c->nh + (size_t)d->best_hotel])
				d->best_hotel = (long)h;
		}
	}
}

static double unplaced_cost(const struct hdlg *d)
{
	return COST_UNPLACED + 1000.0 * (double)room_nights(d);
}

static double total_cost(struct hctx *c)
{
	double sum = 0;
	for (size_t i = 0; i < c->nd; i++) {
		if (!wants_room(&c->d[i]))
			continue;
		sum += c->d[i].hotel >= 0 ? c->cost[i * c->nh + (size_t)c->d[i].hotel]
		                          : unplaced_cost(&c->d[i]);
	}
	return sum;
}

static int cmp_greedy(const void *a, const void *b, void *arg)
{
	struct hctx *c = arg;
	const struct hdlg *x = &c->d[*(const size_t *)a], *y = &c->d[*(const size_t *)b];
	/* Packing tight, the largest go first whoever they are. */
	if (c->tight && x->rooms != y->rooms)
		return x->rooms > y->rooms ? -1 : 1;
	if (x->prio != y->prio)
		return x->prio - y->prio;
	long long rx = room_nights(x), ry = room_nights(y);
	if (rx != ry)
		return rx > ry ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

/* The fewest rooms a hotel would have left on any night of d's stay. */
static long long slack(struct hctx *c, const struct hdlg *d, size_t h)
{
	long long least = -1;
	for (long n = d->first; n < d->last; n++) {
		long long left = CAP(c, h, n) - d->need[n - d->first];
		if (least < 0 || left < least)
			least = left;
	}
	return least;
}

/* Heads first, then the largest, each into the cheapest hotel with room
 * for its whole stay; or (tight) into the hotel it fills best, which packs
 * a full event where the cheapest choice leaves some out. */
static void greedy(struct hctx *c, bool tight)
{
	size_t *order = xmalloc((c->nd + 1) * sizeof *order);
	size_t n = 0;
	for (size_t i = 0; i < c->nd; i++)
		if (wants_room(&c->d[i]))
			order[n++] = i;
	c->tight = tight;
	if (n)
		qsort_r(order, n, sizeof *order, cmp_greedy, c);
	c->tight = false;
	for (size_t k = 0; k < n; k++) {
		struct hdlg *d = &c->d[order[k]];
		long best = -1;
		long long best_slack = 0;
		for (size_t h = 0; h < c->nh; h++) {
			if (!fits(c, d, h))
				continue;
			long long sl = tight ? slack(c, d, h) : 0;
			double cost = c->cost[order[k] * c->nh + h];
			if (best < 0 || sl < best_slack ||
			    (sl == best_slack &&
			     cost < c->cost[order[k] * c->nh + (size_t)best])) {
				best = (long)h;
				best_slack = sl;
			}
		}
		d->hotel = best;
		if (best >= 0)
			take(c, d, (size_t)best, 1);
	}
	free(order);
}

/* Both greedy plans; keeps the cheaper. */
static void greedy_best(struct hctx *c)
{
	greedy(c, false);
	double loose = total_cost(c);
	long *choice = xmalloc((c->nd + 1) * sizeof *choice);
	for (size_t i = 0; i < c->nd; i++) {
		choice[i] = c->d[i].hotel;
		if (c->d[i].hotel >= 0)
			take(c, &c->d[i], (size_t)c->d[i].hotel, -1);
		c->d[i].hotel = -1;
	}
	greedy(c, true);
	if (total_cost(c) > loose) {
		for (size_t i = 0; i < c->nd; i++) {
			if (c->d[i].hotel >= 0)
				take(c, &c->d[i], (size_t)c->d[i].hotel, -1);
			c->d[i].hotel = choice[i];
		}
		for (size_t i = 0; i < c->nd; i++)
			if (c->d[i].hotel >= 0)
				take(c, &c->d[i], (size_t)c->d[i].hotel, 1);
	}
	free(choice);
}

/* A delegation left out takes the place of one that moves to another
 * hotel with room (an ejection chain of one). */
static void repair(struct hctx *c)
{
	for (size_t i = 0; i < c->nd && planner_clock() < c->deadline; i++) {
		struct hdlg *d = &c->d[i];
		if (!wants_room(d) || d->hotel >= 0)
			continue;
		for (size_t h = 0; h < c->nh && d->hotel < 0; h++) {
			for (size_t j = 0; j < c->nd && d->hotel < 0; j++) {
				struct hdlg *e = &c->d[j];
				if (e->hotel != (long)h)
					continue;
				take(c, e, h, -1);
				if (fits(c, d, h)) {
					take(c, d, h, 1);
					for (size_t h2 = 0; h2 < c->nh; h2++)
						if (h2 != h && fits(c, e, h2)) {
							take(c, e, h2, 1);
							e->hotel = (long)h2;
							d->hotel = (long)h;
							break;
						}
					if (d->hotel < 0)
						take(c, d, h, -1);
				}
				if (d->hotel < 0)
					take(c, e, h, 1);
			}
		}
	}
}

/* Moves one delegation at a time to a cheaper hotel with room, and places
 * one left out when a hotel now has room, until nothing improves. */
static void local_search(struct hctx *c)
{
	bool improved = true;
	while (improved && planner_clock() < c->deadline) {
		improved = false;
		for (size_t i = 0; i < c->nd; i++) {
			struct hdlg *d = &c->d[i];
			if (!wants_room(d))
				continue;
			double now = d->hotel >= 0 ? c->cost[i * c->nh + (size_t)d->hotel]
			                           : unplaced_cost(d);
			if (d->hotel >= 0)
				take(c, d, (size_t)d->hotel, -1);
			long best = d->hotel;
			double best_cost = now;
			for (size_t h = 0; h < c->nh; h++)
				if (c->cost[i * c->nh + h] < best_cost && fits(c, d, h)) {
					best = (long)h;
					best_cost = c->cost[i * c->nh + h];
				}
			if (best != d->hotel)
				improved = true;
			d->hotel = best;
			if (best >= 0)
				take(c, d, (size_t)best, 1);
		}
	}
}

/* Solves the compact model (planner-mip.c, where linked); keeps the greedy
 * plan unless the solver finds a cheaper one. Sets the plan's bound from
 * the LP relaxation. */
static void solve_mip(struct hctx *c, double mip_deadline)
{
	if (!planner_mip_solve) {
		planner_note(c->plan,
		             "greedy plan and local search, with no bound (`summit plan "
		             "hotels` solves the integer program)");
		return;
	}
	/* Rows: one per delegation (its hotel, or unplaced), then one per
	 * hotel and night a column uses. Columns: x[d][h] for each pair that
	 * fits the whole stay, then one slack per delegation. */
	size_t *row_of = xcalloc(c->nd + 1, sizeof *row_of);
	int nrows = 0;
	for (size_t i = 0; i < c->nd; i++)
		if (wants_room(&c->d[i]))
			row_of[i] = (size_t)++nrows;
	if (!nrows) {
		free(row_of);
		return;
	}
	int ndlg_rows = nrows;
	size_t caprows = (size_t)nrows + 64;
	double *row_hi = xcalloc(caprows + 1, sizeof *row_hi);
	bool *row_fixed = xcalloc(caprows + 1, sizeof *row_fixed);
	for (int r = 1; r <= nrows; r++) {
		row_hi[r] = 1;
		row_fixed[r] = true;
	}
	int *cap_row = xcalloc(c->nh * (size_t)c->nn + 1, sizeof *cap_row);
	/* The hotels' state before the greedy took its rooms. */
	for (size_t i = 0; i < c->nd; i++)
		if (c->d[i].hotel >= 0)
			take(c, &c->d[i], (size_t)c->d[i].hotel, -1);
	size_t ncols = 0, capcols = 0, nz = 0, capnz = 1;
	struct col {
		size_t d, h;
	} *cols = NULL;
	int *ia = xmalloc(2 * sizeof *ia), *ja = xmalloc(2 * sizeof *ja);
	double *ar = xmalloc(2 * sizeof *ar);
	for (size_t i = 0; i < c->nd; i++) {
		if (!row_of[i])
			continue;
		for (size_t h = 0; h < c->nh; h++) {
			if (!fits(c, &c->d[i], h))
				continue;
			if (ncols == capcols) {
				capcols = capcols ? capcols * 2 : 256;
				cols = xrealloc(cols, capcols * sizeof *cols);
			}
			cols[ncols++] = (struct col){i, h};
			size_t need = 1 + (size_t)(c->d[i].last - c->d[i].first);
			while (nz + need + 1 > capnz) {
				capnz *= 2;
				ia = xrealloc(ia, (capnz + 1) * sizeof *ia);
				ja = xrealloc(ja, (capnz + 1) * sizeof *ja);
				ar = xrealloc(ar, (capnz + 1) * sizeof *ar);
			}
			nz++;
			ia[nz] = (int)row_of[i];
			ja[nz] = (int)ncols;
			ar[nz] = 1;
			for (long n = c->d[i].first; n < c->d[i].last; n++) {
				long long r = c->d[i].need[n - c->d[i].first];
				if (r <= 0)
					continue;
				size_t k = h * (size_t)c->nn + (size_t)(n - c->n0);
				if (!cap_row[k]) {
					if ((size_t)nrows + 1 > caprows) {
						caprows *= 2;
						row_hi =
						    xrealloc(row_hi, (caprows + 1) *
						                         sizeof *row_hi);
						row_fixed = xrealloc(
						    row_fixed,
						    (caprows + 1) * sizeof *row_fixed);
					}
					cap_row[k] = ++nrows;
					row_hi[nrows] = (double)c->cap[k];
					row_fixed[nrows] = false;
				}
				nz++;
				ia[nz] = cap_row[k];
				ja[nz] = (int)ncols;
				ar[nz] = (double)r;
			}
		}
	}
	for (size_t i = 0; i < c->nd; i++)
		if (c->d[i].hotel >= 0)
			take(c, &c->d[i], (size_t)c->d[i].hotel, 1);
	/* One more entry per delegation row: its "unplaced" slack. */
	capnz = nz + (size_t)ndlg_rows + 1;
	ia = xrealloc(ia, (capnz + 1) * sizeof *ia);
	ja = xrealloc(ja, (capnz + 1) * sizeof *ja);
	ar = xrealloc(ar, (capnz + 1) * sizeof *ar);
	int total = (int)ncols + ndlg_rows, first_slack = (int)ncols + 1;
	double *obj = xcalloc((size_t)total + 1, sizeof *obj);
	double *col_hi = xcalloc((size_t)total + 1, sizeof *col_hi);
	double *warm = xcalloc((size_t)total + 1, sizeof *warm);
	double *x = xcalloc((size_t)total + 1, sizeof *x);
	bool *binary = xcalloc((size_t)total + 1, sizeof *binary);
	for (size_t k = 0; k < ncols; k++) {
		binary[k + 1] = true;
		col_hi[k + 1] = 1;
		obj[k + 1] = c->cost[cols[k].d * c->nh + cols[k].h];
		warm[k + 1] = c->d[cols[k].d].hotel == (long)cols[k].h;
	}
	for (size_t i = 0; i < c->nd; i++) {
		if (!row_of[i])
			continue;
		int col = first_slack + (int)row_of[i] - 1;
		col_hi[col] = 1;
		obj[col] = unplaced_cost(&c->d[i]);
		warm[col] = c->d[i].hotel < 0;
		nz++;
		ia[nz] = (int)row_of[i];
		ja[nz] = col;
		ar[nz] = 1;
	}
	struct planner_mip m = {nrows, total,  (int)nz,     row_hi, row_fixed,
	                        obj,   col_hi, binary,      ia,     ja,
	                        ar,    warm,   mip_deadline};
	double greedy_cost = total_cost(c), value = 0, bound = 0;
	enum planner_mip_result r = planner_mip_solve(&m, x, &value, &bound);
	if (r >= PLANNER_MIP_BOUND) {
		c->plan->bound = bound;
		c->plan->has_bound = true;
	}
	if (r >= PLANNER_MIP_FEASIBLE && value < greedy_cost - 1e-6) {
		for (size_t i = 0; i < c->nd; i++)
			if (c->d[i].hotel >= 0) {
				take(c, &c->d[i], (size_t)c->d[i].hotel, -1);
				c->d[i].hotel = -1;
			}
		for (size_t k = 0; k < ncols; k++)
			if (x[k + 1] > 0.5) {
				c->d[cols[k].d].hotel = (long)cols[k].h;
				take(c, &c->d[cols[k].d], cols[k].h, 1);
			}
		planner_note(c->plan, "GLPK's branch and cut %s the greedy plan",
		             r == PLANNER_MIP_OPTIMAL ? "solved the model, improving"
		                                      : "improved");
	} else if (r >= PLANNER_MIP_BOUND) {
		planner_note(c->plan, "GLPK %s; the greedy plan stands",
		             r == PLANNER_MIP_OPTIMAL
		                 ? "found nothing better"
		                 : "found no better plan before the deadline");
	} else {
		planner_note(c->plan,
		             "GLPK's LP relaxation did not finish before the deadline; "
		             "the greedy plan stands");
	}
	free(ia);
	free(ja);
	free(ar);
	free(obj);
	free(col_hi);
	free(warm);
	free(x);
	free(binary);
	free(row_hi);
	free(row_fixed);
	free(cap_row);
	free(cols);
	free(row_of);
}

/* ---- what the model could not place: split, then say what is short ---- */

static void emit(struct hctx *c, long long delegation, size_t h, long night,
                 long long rooms)
{
	if (rooms <= 0)
		return;
	if (c->nout == c->capout) {
		c->capout = c->capout ? c->capout * 2 : 256;
		c->out = xrealloc(c->out, c->capout * sizeof *c->out);
	}
	c->out[c->nout++] = (struct placed){delegation, c->h[h].id, rooms, night};
}

struct short_night {
	long hotel, night;
	long long rooms;
	size_t d;
};

static int cmp_short(const void *a, const void *b)
{
	const struct short_night *x = a, *y = b;
	if (x->hotel != y->hotel)
		return x->hotel < y->hotel ? -1 : 1;
	if (x->night != y->night)
		return x->night < y->night ? -1 : 1;
	return (x->d > y->d) - (x->d < y->d);
}

/* "4 rooms at Near for 3 nights, 2 at Far for 2 nights" from what was
 * emitted for one delegation since `from`. */
static void describe_parts(struct hctx *c, size_t from, struct strbuf *sb, size_t *hotels)
{
	*hotels = 0;
	for (size_t h = 0; h < c->nh; h++) {
		long long most = 0, nights = 0;
		for (size_t k = from; k < c->nout; k++) {
			if (c->out[k].hotel != c->h[h].id)
				continue;
			/* A night may come in two parts: count it once, in full. */
			bool seen = false;
			long long rooms = 0;
			for (size_t j = from; j < c->nout; j++)
				if (c->out[j].hotel == c->out[k].hotel &&
				    c->out[j].night == c->out[k].night) {
					seen |= j < k;
					rooms += c->out[j].rooms;
				}
			if (seen)
				continue;
			nights++;
			if (rooms > most)
				most = rooms;
		}
		if (!nights)
			continue;
		strbuf_addf(sb, "%s%lld room%s at %s for %lld night%s",
		            (*hotels)++ ? ", " : "", most, most == 1 ? "" : "s",
		            c->h[h].name, nights, nights == 1 ? "" : "s");
	}
}

static void split_and_short(struct hctx *c)
{
	struct short_night *sh = NULL;
	size_t nsh = 0, capsh = 0;
	size_t *order = xmalloc((c->nd + 1) * sizeof *order);
	size_t norder = 0;
	for (size_t i = 0; i < c->nd; i++) {
		struct hdlg *d = &c->d[i];
		if (!wants_room(d))
			continue;
		if (d->hotel >= 0) {
			for (long n = d->first; n < d->last; n++)
				emit(c, d->id, (size_t)d->hotel, n,
				     d->need[n - d->first]);
			continue;
		}
		order[norder++] = i;
	}
	/* Heads first, then the largest, as the greedy places them. */
	if (norder)
		qsort_r(order, norder, sizeof *order, cmp_greedy, c);
	for (size_t k = 0; k < norder; k++) {
		size_t i = order[k];
		struct hdlg *d = &c->d[i];
		size_t from = c->nout;
		/* Parts for the whole stay in the hotel with the most room on
		 * its fullest night, then night by night. */
		long nights = d->last - d->first;
		long long *left = xmalloc((size_t)nights * sizeof *left);
		memcpy(left, d->need, (size_t)nights * sizeof *left);
		for (;;) {
			long best = -1;
			long long best_room = 0;
			for (size_t h = 0; h < c->nh; h++) {
				long long room = -1;
				for (long n = 0; n < nights; n++)
					if (left[n] > 0 &&
					    (room < 0 || CAP(c, h, d->first + n) < room))
						room = CAP(c, h, d->first + n);
				if (room > best_room ||
				    (room == best_room && room > 0 && best >= 0 &&
				     c->cost[i * c->nh + h] <
				         c->cost[i * c->nh + (size_t)best])) {
					best = (long)h;
					best_room = room;
				}
			}
			if (best < 0 || best_room <= 0)
				break;
			for (long n = 0; n < nights; n++) {
				long long r = left[n] < best_room ? left[n] : best_room;
				if (r <= 0)
					continue;
				emit(c, d->id, (size_t)best, d->first + n, r);
				CAP(c, (size_t)best, d->first + n) -= r;
				left[n] -= r;
			}
		}
		/* Night by night where no hotel has room every night. */
		for (long n = 0; n < nights; n++) {
			for (size_t h = 0; h < c->nh && left[n] > 0; h++) {
				long long r = CAP(c, h, d->first + n);
				if (r <= 0)
					continue;
				if (r > left[n])
					r = left[n];
				emit(c, d->id, h, d->first + n, r);
				CAP(c, h, d->first + n) -= r;
				left[n] -= r;
			}
			if (left[n] > 0) {
				if (nsh == capsh) {
					capsh = capsh ? capsh * 2 : 64;
					sh = xrealloc(sh, capsh * sizeof *sh);
				}
				sh[nsh++] = (struct short_night){
				    d->best_hotel, d->first + n, left[n], i};
			}
		}
		struct strbuf parts = {0};
		size_t hotels;
		describe_parts(c, from, &parts, &hotels);
		if (hotels > 1)
			planner_note(
			    c->plan,
			    "%s split across hotels, as no hotel has its %lld rooms free "
			    "every night of its stay: %s",
			    d->code, d->rooms, parts.buf);
		strbuf_free(&parts);
		free(left);
	}
	free(order);
	if (nsh)
		qsort(sh, nsh, sizeof *sh, cmp_short);
	for (size_t i = 0; i < nsh;) {
		size_t j = i;
		long long rooms = 0;
		struct strbuf who = {0};
		while (j < nsh && sh[j].hotel == sh[i].hotel &&
		       sh[j].night == sh[i].night) {
			rooms += sh[j].rooms;
			strbuf_addf(&who, "%s%s %lld", j > i ? ", " : "",
			            c->d[sh[j].d].code, sh[j].rooms);
			j++;
		}
		char night[WHEN_DATE_LEN];
		format_night(sh[i].night, night);
		planner_shortfall(
		    c->plan, "%s: %lld room%s short on the night of %s (%s)",
		    sh[i].hotel >= 0 ? c->h[sh[i].hotel].name : "every hotel", rooms,
		    rooms == 1 ? "" : "s", night, who.buf);
		strbuf_free(&who);
		i = j;
	}
	free(sh);
}

/* ---- from the placed rooms to changes ---- */

static int cmp_placed(const void *a, const void *b)
{
	const struct placed *x = a, *y = b;
	if (x->delegation != y->delegation)
		return x->delegation < y->delegation ? -1 : 1;
	if (x->hotel != y->hotel)
		return x->hotel < y->hotel ? -1 : 1;
	return (x->night > y->night) - (x->night < y->night);
}

static char *alloc_what(struct hctx *c, long long delegation, long long hotel, long night,
                        long long rooms)
{
	struct hdlg *d = find_dlg(c, delegation);
	long h = find_hotel(c, hotel);
	char date[WHEN_DATE_LEN];
	format_night(night, date);
	return xasprintf("%s at %s, night of %s, %lld room%s", d ? d->code : "?",
	                 h >= 0 ? c->h[h].name : "?", date, rooms, rooms == 1 ? "" : "s");
}

static char **alloc_values(struct hctx *c, const struct kind *kind,
                           const struct placed *p)
{
	char **v = planner_values(kind);
	struct hdlg *d = find_dlg(c, p->delegation);
	long h = find_hotel(c, p->hotel);
	char date[WHEN_DATE_LEN];
	format_night(p->night, date);
	v[kind_field_index(kind, "hotel")] = xstrdup(c->h[h].name);
	v[kind_field_index(kind, "delegation")] = xstrdup(d->code);
	v[kind_field_index(kind, "night")] = xstrdup(date);
	v[kind_field_index(kind, "rooms")] = xasprintf("%lld", p->rooms);
	return v;
}

static void make_changes(struct hctx *c)
{
	const struct kind *kind = &kind_allocations;
	if (c->nout)
		qsort(c->out, c->nout, sizeof *c->out, cmp_placed);
	/* A split may give one hotel's night in two parts: one record. */
	size_t m = 0;
	for (size_t i = 0; i < c->nout; i++) {
		if (m && cmp_placed(&c->out[m - 1], &c->out[i]) == 0)
			c->out[m - 1].rooms += c->out[i].rooms;
		else
			c->out[m++] = c->out[i];
	}
	c->nout = m;
	/* With --start-over, the unlocked allocations are compared with the
	 * new plan: the same night stays, a different one changes or goes. */
	bool *used = xcalloc(c->nout + 1, sizeof *used);
	if (c->opt->start_over) {
		for (size_t i = 0; i < c->nex; i++) {
			struct existing *e = &c->ex[i];
			if (e->locked)
				continue;
			struct placed key = {e->delegation, e->hotel, 0, e->night};
			struct placed *p = c->nout ? bsearch(&key, c->out, c->nout,
			                                     sizeof *c->out, cmp_placed)
			                           : NULL;
			if (p && p->rooms == e->rooms) {
				used[p - c->out] = true;
			} else if (p) {
				used[p - c->out] = true;
				char **v = planner_values(kind);
				v[kind_field_index(kind, "rooms")] =
				    xasprintf("%lld", p->rooms);
				planner_change(c->plan, kind, e->id, e->revision, v,
				               alloc_what(c, e->delegation, e->hotel,
				                          e->night, p->rooms));
			} else {
				planner_remove(c->plan, kind, e->id, e->revision,
				               alloc_what(c, e->delegation, e->hotel,
				                          e->night, e->rooms));
			}
		}
	}
	for (size_t i = 0; i < c->nout; i++)
		if (!used[i])
			planner_add(c->plan, kind, alloc_values(c, kind, &c->out[i]),
			            alloc_what(c, c->out[i].delegation, c->out[i].hotel,
			                       c->out[i].night, c->out[i].rooms));
	free(used);
}

static void free_ctx(struct hctx *c)
{
	for (size_t i = 0; i < c->nd; i++) {
		free(c->d[i].code);
		free(c->d[i].need);
	}
	free(c->d);
	for (size_t i = 0; i < c->nh; i++)
		free(c->h[i].name);
	free(c->h);
	free(c->ex);
	free(c->cap);
	free(c->cost);
	free(c->out);
}

int planner_hotels(struct summit_db *db, const struct planner_options *opt,
                   struct planner_plan *plan, struct summit_err *err)
{
	if (!db_has_event(db))
		return err_no_event(err);
	if (!(opt->time_limit > 0) || opt->time_limit > 3600)
		return err_field(err, "time-limit",
		                 "got %g, expected seconds above 0, at most 3600",
		                 opt->time_limit);
	double start = planner_clock();
	struct hctx c = {.db = db, .opt = opt, .plan = plan};
	c.deadline = start + opt->time_limit;
	plan->measure =
	    "people x minutes from hotel to venue, plus 100000 for a head of "
	    "state or government and 10000 for a minister outside the preferred "
	    "hotels, plus 10000000 for a delegation the plan does not hold whole";
	int status = load_delegations(&c, err);
	if (!status)
		status = load_stays(&c, err);
	if (!status)
		status = load_hotels(&c, err);
	if (!status)
		status = load_existing(&c, err);
	if (!status)
		status = load_blocks(&c, err);
	if (status) {
		free_ctx(&c);
		return status;
	}
	subtract_kept(&c);
	set_costs(&c);
	size_t wanting = 0, no_flights = 0;
	for (size_t i = 0; i < c.nd; i++) {
		wanting += wants_room(&c.d[i]);
		no_flights += !c.d[i].need;
	}
	if (no_flights)
		planner_note(
		    plan,
		    "%zu expected delegation%s without flights left out: %s nights "
		    "in town are not known yet",
		    no_flights, no_flights == 1 ? "" : "s",
		    no_flights == 1 ? "its" : "their");
	/* No hotel could hold these whole even empty: they are split whatever
	 * the plan, so their cost is the same in it and in the bound. */
	double forced = 0;
	size_t nforced = 0;
	for (size_t i = 0; i < c.nd; i++) {
		if (!wants_room(&c.d[i]))
			continue;
		bool any = false;
		for (size_t h = 0; h < c.nh && !any; h++)
			any = fits(&c, &c.d[i], h);
		if (!any) {
			forced += unplaced_cost(&c.d[i]);
			nforced++;
		}
	}
	if (wanting && c.nh) {
		greedy_best(&c);
		repair(&c);
		solve_mip(&c, start + opt->time_limit * 0.7);
		repair(&c);
		local_search(&c);
	}
	plan->value = total_cost(&c) - forced;
	if (!wanting) {
		/* Nothing to place: nothing to gain either. */
		plan->bound = plan->value;
		plan->has_bound = true;
	} else if (plan->has_bound) {
		plan->bound -= forced;
	}
	size_t nsplit = 0;
	for (size_t i = 0; i < c.nd; i++)
		nsplit += wants_room(&c.d[i]) && c.d[i].hotel < 0;
	if (nsplit > nforced)
		planner_note(
		    plan,
		    "the gap counts %zu delegation%s the plan could not hold whole at "
		    "10000000 each, which the LP relaxation places in fractions instead",
		    nsplit - nforced, nsplit - nforced == 1 ? "" : "s");
	if (nforced)
		planner_note(
		    plan,
		    "%zu delegation%s larger than any hotel's free rooms on some night "
		    "of %s stay, split whatever the plan and not counted in its quality",
		    nforced, nforced == 1 ? "" : "s", nforced == 1 ? "its" : "their");
	split_and_short(&c);
	make_changes(&c);
	free_ctx(&c);
	return SUMMIT_OK;
}

/* ---- rooming lists ---- */

int planner_rooming_list(struct summit_db *db, long long hotel, planner_rooming_fn fn,
                         void *ctx, struct summit_err *err)
{
	// clang-format off
	static const char sql[] =
	    "SELECT h.name, d.code, d.name, d.head, min(a.night), max(a.night), count(*),"
	    "  max(a.rooms)"
	    " FROM allocations a JOIN hotels h ON h.id = a.hotel"
	    " JOIN delegations d ON d.id = a.delegation"
	    " WHERE ? = 0 OR a.hotel = ?"
	    " GROUP BY a.hotel, a.delegation ORDER BY h.name, d.code";
	// clang-format on
	sqlite3_stmt *st;
	int status = db_prepare(db, sql, &st, err);
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, hotel);
	sqlite3_bind_int64(st, 2, hotel);
	int rc;
	while (!status && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct planner_rooming r = {(const char *)sqlite3_column_text(st, 0),
		                            (const char *)sqlite3_column_text(st, 1),
		                            (const char *)sqlite3_column_text(st, 2),
		                            (const char *)sqlite3_column_text(st, 3),
		                            (const char *)sqlite3_column_text(st, 4),
		                            (const char *)sqlite3_column_text(st, 5),
		                            sqlite3_column_int64(st, 6),
		                            sqlite3_column_int64(st, 7)};
		status = fn(&r, ctx);
	}
	if (!status && rc != SQLITE_DONE)
		status = db_step_error(db, rc, err);
	sqlite3_finalize(st);
	return status;
}
