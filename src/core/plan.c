#include "summit/plan.h"

#include <string.h>

#include "internal.h"
#include "summit/model.h"
#include "summit/when.h"

static const char *text(sqlite3_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st, col);
}

/* The sessions' rows; who is expected comes from the model (model.h),
 * the one rule check uses too. */
// clang-format off
#define SESSION_COLUMNS \
	"SELECT s.id, s.room, s.title, s.kind, r.name, s.status, s.start, s.\"end\"," \
	"       r.capacity," \
	"       s.status <> 'cancelled' AND EXISTS (" \
	"         SELECT 1 FROM sessions o" \
	"          WHERE o.room = s.room AND o.id <> s.id AND o.status <> 'cancelled'" \
	"            AND o.start < s.\"end\" AND s.start < o.\"end\")" \
	"  FROM sessions s JOIN rooms r ON r.id = s.room "
// clang-format on

/* Hands each row of a query, as a plan_* struct, to the caller's fn. */
struct relay {
	void (*fn)(void); /* a plan_*_fn */
	void *ctx;
	long long day_start;       /* sessions: minutes are counted from it */
	const struct model *model; /* sessions: who is expected */
};
#define RELAY(fn, ctx, day_start)                                                        \
	(&(struct relay){(void (*)(void))(fn), (ctx), (day_start), NULL})

static int session_row(sqlite3_stmt *st, void *data)
{
	const struct relay *r = data;
	struct plan_session s = {
	    .id = sqlite3_column_int64(st, 0),
	    .room_id = sqlite3_column_int64(st, 1),
	    .title = text(st, 2),
	    .kind = text(st, 3),
	    .room = text(st, 4),
	    .status = text(st, 5),
	    .start = sqlite3_column_int64(st, 6),
	    .end = sqlite3_column_int64(st, 7),
	    .capacity = sqlite3_column_int64(st, 8),
	    .overlap = sqlite3_column_int(st, 9) != 0,
	};
	const struct model_session *ms = model_session_find(r->model, s.id);
	s.expected = ms ? model_session_expected(r->model, ms, NULL) : 0;
	s.start_minute = (int)((s.start - r->day_start) / 60);
	s.end_minute = (int)((s.end - r->day_start) / 60);
	return ((plan_session_fn)r->fn)(&s, r->ctx);
}

/* Relays st's sessions with the expected attendance of the model's
 * sessions starting in [from, to) (from >= to: all). */
static int each_session(struct summit_db *db, sqlite3_stmt *st, long long day_start,
                        long long from, long long to, plan_session_fn fn, void *ctx,
                        struct summit_err *err)
{
	struct model m;
	int status = model_load(db, &m, MODEL_SESSIONS, from, to, err);
	if (status) {
		sqlite3_finalize(st);
		return status;
	}
	struct relay r = {(void (*)(void))fn, ctx, day_start, &m};
	status = db_each_row(db, st, session_row, &r, err);
	model_free(&m);
	return status;
}

int plan_day_sessions(struct summit_db *db, const char *date, plan_session_fn fn,
                      void *ctx, struct summit_err *err)
{
	long long start, end;
	int status = when_day_bounds(db, date, &start, &end, err);
	sqlite3_stmt *st;
	// clang-format off
	if (!status)
		status = db_prepare(db,
		    SESSION_COLUMNS
		    " WHERE s.start >= ? AND s.start < ?"
		    " ORDER BY s.start, r.name, s.id",
		    &st, err);
	// clang-format on
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, start);
	sqlite3_bind_int64(st, 2, end);
	return each_session(db, st, start, start, end, fn, ctx, err);
}

int plan_delegation_sessions(struct summit_db *db, long long delegation,
                             plan_session_fn fn, void *ctx, struct summit_err *err)
{
	sqlite3_stmt *st;
	// clang-format off
	int status = db_prepare(db,
	    SESSION_COLUMNS
	    " WHERE " MODEL_SQL_DELEGATION_SESSIONS
	    " ORDER BY s.start, s.id",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, delegation);
	return each_session(db, st, 0, 0, 0, fn, ctx, err);
}

static int night_row(sqlite3_stmt *st, void *data)
{
	const struct relay *r = data;
	struct plan_night n = {
	    .hotel_id = sqlite3_column_int64(st, 0),
	    .hotel = text(st, 1),
	    .night = text(st, 2),
	    .block = sqlite3_column_int64(st, 3),
	    .allocated = sqlite3_column_int64(st, 4),
	};
	return ((plan_night_fn)r->fn)(&n, r->ctx);
}

int plan_hotel_nights(struct summit_db *db, plan_night_fn fn, void *ctx,
                      struct summit_err *err)
{
	sqlite3_stmt *st;
	// clang-format off
	int status = db_prepare(db,
	    "SELECT h.id, h.name, n.night,"
	    "       coalesce((SELECT b.rooms FROM blocks b"
	    "                  WHERE b.hotel = h.id AND b.night = n.night), 0),"
	    "       coalesce((SELECT sum(a.rooms) FROM allocations a"
	    "                  WHERE a.hotel = h.id AND a.night = n.night), 0)"
	    "  FROM hotels h"
	    "  JOIN (SELECT hotel, night FROM blocks"
	    "        UNION SELECT hotel, night FROM allocations) n ON n.hotel = h.id"
	    " ORDER BY h.name, n.night",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	return db_each_row(db, st, night_row, RELAY(fn, ctx, 0), err);
}

static int stay_row(sqlite3_stmt *st, void *data)
{
	const struct relay *r = data;
	struct plan_stay s = {
	    .hotel_id = sqlite3_column_int64(st, 0),
	    .delegation_id = sqlite3_column_int64(st, 1),
	    .hotel = text(st, 2),
	    .code = text(st, 3),
	    .name = text(st, 4),
	    .first_night = text(st, 5),
	    .last_night = text(st, 6),
	    .nights = sqlite3_column_int64(st, 7),
	    .rooms = sqlite3_column_int64(st, 8),
	};
	return ((plan_stay_fn)r->fn)(&s, r->ctx);
}

int plan_stays(struct summit_db *db, long long hotel, long long delegation,
               plan_stay_fn fn, void *ctx, struct summit_err *err)
{
	sqlite3_stmt *st;
	// clang-format off
	int status = db_prepare(db,
	    "SELECT h.id, d.id, h.name, d.code, d.name, min(a.night), max(a.night),"
	    "       count(DISTINCT a.night), max(a.rooms)"
	    "  FROM allocations a"
	    "  JOIN hotels h ON h.id = a.hotel"
	    "  JOIN delegations d ON d.id = a.delegation"
	    " WHERE (?1 = 0 OR h.id = ?1) AND (?2 = 0 OR d.id = ?2)"
	    " GROUP BY h.id, d.id"
	    " ORDER BY h.name, d.code",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, hotel);
	sqlite3_bind_int64(st, 2, delegation);
	return db_each_row(db, st, stay_row, RELAY(fn, ctx, 0), err);
}

static int trip_row(sqlite3_stmt *st, void *data)
{
	const struct relay *r = data;
	struct plan_trip t = {
	    .id = sqlite3_column_int64(st, 0),
	    .vehicle_id = sqlite3_column_int64(st, 1),
	    .vehicle = text(st, 2),
	    .kind = text(st, 3),
	    .origin = text(st, 4),
	    .destination = text(st, 5),
	    .driver = text(st, 6),
	    .depart = sqlite3_column_int64(st, 7),
	    .arrive = sqlite3_column_int64(st, 8),
	    .riders = sqlite3_column_int64(st, 9),
	    .capacity = sqlite3_column_int64(st, 10),
	};
	return ((plan_trip_fn)r->fn)(&t, r->ctx);
}

int plan_day_trips(struct summit_db *db, const char *date, long long vehicle,
                   plan_trip_fn fn, void *ctx, struct summit_err *err)
{
	long long start, end;
	int status = when_day_bounds(db, date, &start, &end, err);
	sqlite3_stmt *st;
	// clang-format off
	if (!status)
		status = db_prepare(db,
		    "SELECT t.id, v.id, v.code, t.kind, o.name, d.name, v.driver,"
		    "       t.depart, t.arrive,"
		    "       (SELECT count(*) FROM trip_riders r WHERE r.owner = t.id),"
		    "       v.capacity"
		    "  FROM trips t"
		    "  JOIN vehicles v ON v.id = t.vehicle"
		    "  JOIN places o ON o.id = t.origin"
		    "  JOIN places d ON d.id = t.destination"
		    " WHERE t.depart >= ?1 AND t.depart < ?2 AND (?3 = 0 OR v.id = ?3)"
		    " ORDER BY v.code, t.depart, t.id",
		    &st, err);
	// clang-format on
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, start);
	sqlite3_bind_int64(st, 2, end);
	sqlite3_bind_int64(st, 3, vehicle);
	return db_each_row(db, st, trip_row, RELAY(fn, ctx, 0), err);
}

static int flight_row(sqlite3_stmt *st, void *data)
{
	const struct relay *r = data;
	struct plan_flight f = {
	    .id = sqlite3_column_int64(st, 0),
	    .delegation_id = sqlite3_column_int64(st, 1),
	    .pickup = sqlite3_column_int64(st, 2),
	    .delegation = text(st, 3),
	    .direction = text(st, 4),
	    .flight = text(st, 5),
	    .airport = text(st, 6),
	    .person = text(st, 7),
	    .pickup_vehicle = text(st, 8),
	    .time = sqlite3_column_int64(st, 9),
	    .pickup_depart = sqlite3_column_int64(st, 10),
	    .party = sqlite3_column_int64(st, 11),
	};
	return ((plan_flight_fn)r->fn)(&f, r->ctx);
}

int plan_flights(struct summit_db *db, const char *date, long long delegation,
                 plan_flight_fn fn, void *ctx, struct summit_err *err)
{
	long long start = -(1LL << 60), end = 1LL << 60;
	int status = date ? when_day_bounds(db, date, &start, &end, err) : SUMMIT_OK;
	sqlite3_stmt *st;
	// clang-format off
	if (!status)
		status = db_prepare(db,
		    "SELECT a.id, a.delegation, a.pickup, d.code, a.direction, a.flight,"
		    "       p.name, pe.name, v.code, a.time, t.depart, a.party"
		    "  FROM arrivals a"
		    "  JOIN delegations d ON d.id = a.delegation"
		    "  JOIN places p ON p.id = a.airport"
		    "  LEFT JOIN people pe ON pe.id = a.person"
		    "  LEFT JOIN trips t ON t.id = a.pickup"
		    "  LEFT JOIN vehicles v ON v.id = t.vehicle"
		    " WHERE a.time >= ?1 AND a.time < ?2 AND (?3 = 0 OR d.id = ?3)"
		    " ORDER BY a.time, d.code, a.id",
		    &st, err);
	// clang-format on
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, start);
	sqlite3_bind_int64(st, 2, end);
	sqlite3_bind_int64(st, 3, delegation);
	return db_each_row(db, st, flight_row, RELAY(fn, ctx, 0), err);
}

static int budget_row(sqlite3_stmt *st, void *data)
{
	const struct relay *r = data;
	struct plan_budget_line l = {
	    .id = sqlite3_column_int64(st, 0),
	    .name = text(st, 1),
	    .category = text(st, 2),
	    .amount = sqlite3_column_int64(st, 3),
	    .pledged = sqlite3_column_int64(st, 4),
	    .received = sqlite3_column_int64(st, 5),
	};
	return ((plan_budget_fn)r->fn)(&l, r->ctx);
}

int plan_budget(struct summit_db *db, plan_budget_fn fn, void *ctx,
                struct summit_err *err)
{
	sqlite3_stmt *st;
	/* Each cost with the pledges for it, then one line for the others. */
	// clang-format off
	int status = db_prepare(db,
	    "SELECT * FROM ("
	    "  SELECT c.id AS id, c.name AS name, c.category AS category, c.amount,"
	    "         coalesce((SELECT sum(p.amount) FROM pledges p WHERE p.cost = c.id), 0),"
	    "         coalesce((SELECT sum(p.received) FROM pledges p WHERE p.cost = c.id), 0)"
	    "    FROM costs c"
	    "  UNION ALL"
	    "  SELECT 0, NULL, NULL, 0, coalesce(sum(amount), 0), coalesce(sum(received), 0)"
	    "    FROM pledges WHERE cost IS NULL)"
	    " ORDER BY id = 0, category, name",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	return db_each_row(db, st, budget_row, RELAY(fn, ctx, 0), err);
}

int plan_days(struct summit_db *db, char (*first)[11], char (*last)[11],
              struct summit_err *err)
{
	snprintf(*first, sizeof *first, "%s", db->first_day);
	snprintf(*last, sizeof *last, "%s", db->last_day);
	sqlite3_stmt *st;
	// clang-format off
	int status = db_prepare(db,
	    "SELECT min(x), max(x) FROM ("
	    "  SELECT min(start) AS x FROM sessions UNION ALL"
	    "  SELECT max(start) FROM sessions UNION ALL"
	    "  SELECT min(depart) FROM trips UNION ALL"
	    "  SELECT max(depart) FROM trips UNION ALL"
	    "  SELECT min(time) FROM arrivals UNION ALL"
	    "  SELECT max(time) FROM arrivals)",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		char when[WHEN_TIME_LEN];
		when_format_local(db, sqlite3_column_int64(st, 0), when);
		if (strncmp(when, *first, 10) < 0)
			snprintf(*first, sizeof *first, "%.10s", when);
		when_format_local(db, sqlite3_column_int64(st, 1), when);
		if (strncmp(when, *last, 10) > 0)
			snprintf(*last, sizeof *last, "%.10s", when);
	}
	sqlite3_finalize(st);
	return SUMMIT_OK;
}
