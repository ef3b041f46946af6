/* The post-event report: what the host sends to its ministry and to the
 * next host, from the records as they stand at the end. */
#include "summit/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "report_internal.h"
#include "summit/accreditation.h"
#include "summit/check.h"
#include "summit/db.h"
#include "summit/text.h"
#include "summit/when.h"

#define INVITED_SQL "('sent', 'delivered', 'acknowledged', 'accepted', 'declined')"
#define CHECKED_IN_SQL(d)                                                                \
	"EXISTS (SELECT 1 FROM people p JOIN accreditations a ON a.person = p.id"        \
	" JOIN checkins c ON c.badge = a.id WHERE p.delegation = " d ")"

static int section_invitations(struct summit_db *db, struct report_doc *r,
                               struct summit_err *err)
{
	sqlite3_stmt *st;
	// clang-format off
	int status = db_prepare(db,
	    "SELECT count(*), coalesce(sum(" CHECKED_IN_SQL("d.id") "), 0),"
	    " coalesce(sum(i.state = 'accepted'), 0)"
	    " FROM delegations d JOIN invitations i ON i.delegation = d.id"
	    " WHERE d.kind = 'state' AND i.state IN " INVITED_SQL,
	    &st, err);
	// clang-format on
	if (status || (status = report_one_row(db, st, err)))
		return status;
	long long invited = sqlite3_column_int64(st, 0),
	          came = sqlite3_column_int64(st, 1),
	          accepted = sqlite3_column_int64(st, 2);
	sqlite3_finalize(st);
	report_add(r, REPORT_HEADING, "Invitations and their outcome");
	report_add(r, REPORT_PARAGRAPH,
	           "Of the %lld state%s invited, %lld attended (%lld had accepted).",
	           invited, invited == 1 ? "" : "s", came, accepted);
	struct attendance a;
	if ((status = attendance_read(db, NULL, &a, err)))
		return status;
	static const char *const heads[] = {"delegations", ">invited", ">accepted",
	                                    ">accredited", ">attended"};
	report_table(r, 5, heads);
	char v[STAGE_COUNT][24];
	const char *cells[5];
	for (int g = -1; g < ATTENDANCE_GROUPS; g++) {
		const long long *n = g < 0 ? a.delegations : a.groups[g].delegations;
		cells[0] = g < 0 ? "all" : a.groups[g].name;
		for (int s = 0; s < STAGE_COUNT; s++) {
			snprintf(v[s], sizeof v[s], "%lld", n[s]);
			cells[1 + s] = v[s];
		}
		report_row(r, cells);
	}
	cells[0] = "people";
	for (int s = 0; s < STAGE_COUNT; s++) {
		snprintf(v[s], sizeof v[s], "%lld", a.people[s]);
		cells[1 + s] = v[s];
	}
	report_row(r, cells);
	attendance_clear(&a);

	static const char *const state_heads[] = {"invitations", ">count"};
	report_table(r, 2, state_heads);
	// clang-format off
	status = db_prepare(db,
	    "SELECT state, count(*) FROM invitations GROUP BY state"
	    " ORDER BY min(CASE state WHEN 'draft' THEN 0 WHEN 'sent' THEN 1"
	    "  WHEN 'delivered' THEN 2 WHEN 'acknowledged' THEN 3 WHEN 'accepted' THEN 4"
	    "  WHEN 'declined' THEN 5 ELSE 6 END)",
	    &st, err);
	// clang-format on
	if (status || (status = report_table_rows(db, r, st, NULL, err)))
		return status;

	/* The channels used, the intermediaries first. */
	// clang-format off
	status = db_prepare(db,
	    "SELECT d.name, v.name, i.channel, i.state FROM invitations i"
	    " JOIN delegations d ON d.id = i.delegation"
	    " JOIN delegations v ON v.id = i.via ORDER BY d.name",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		report_add(r, REPORT_PARAGRAPH,
		           "%s's invitation went through %s (%s); it is %s.",
		           report_col(st, 0), report_col(st, 1), report_col(st, 2),
		           report_col(st, 3));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_step_error(db, rc, err);
	static const char *const channel_heads[] = {"channel", ">invitations"};
	report_table(r, 2, channel_heads);
	// clang-format off
	status = db_prepare(db,
	    "SELECT i.channel || CASE WHEN i.via IS NULL THEN ''"
	    "  ELSE ', through ' || v.name END, count(*)"
	    " FROM invitations i LEFT JOIN delegations v ON v.id = i.via"
	    " GROUP BY 1 ORDER BY count(*) DESC, 1",
	    &st, err);
	// clang-format on
	if (status || (status = report_table_rows(db, r, st, NULL, err)))
		return status;
	/* Those who did not come though they accepted, and those who said no. */
	static const char *const absent_heads[] = {"accepted, did not attend", "code"};
	long long n;
	report_table(r, 2, absent_heads);
	// clang-format off
	status = db_prepare(db,
	    "SELECT d.name, d.code FROM delegations d"
	    " JOIN invitations i ON i.delegation = d.id"
	    " WHERE i.state = 'accepted' AND NOT " CHECKED_IN_SQL("d.id")
	    " ORDER BY d.name",
	    &st, err);
	// clang-format on
	if (status || (status = report_table_rows(db, r, st, &n, err)))
		return status;
	if (!n)
		report_drop_last(r);
	return SUMMIT_OK;
}

static int section_attendance(struct summit_db *db, struct report_doc *r,
                              struct summit_err *err)
{
	report_add(r, REPORT_HEADING, "Attendance by day and session");
	struct attendance_day *days;
	long long ndays;
	int status = attendance_by_day(db, &days, &ndays, err);
	if (status)
		return status;
	static const char *const heads[] = {"day", ">delegations", ">people"};
	report_table(r, 3, heads);
	for (long long i = 0; i < ndays; i++) {
		char d[24], p[24];
		snprintf(d, sizeof d, "%lld", days[i].delegations);
		snprintf(p, sizeof p, "%lld", days[i].people);
		const char *cells[] = {days[i].day, d, p};
		report_row(r, cells);
	}
	free(days);
	struct attendance_session *sessions;
	long long nsessions;
	if ((status = attendance_by_session(db, &sessions, &nsessions, err)))
		return status;
	if (!nsessions) {
		report_add(r, REPORT_PARAGRAPH,
		           "No room had door scans, so attendance per session was not "
		           "counted.");
		return SUMMIT_OK;
	}
	static const char *const session_heads[] = {"session", "room", "start",
	                                            ">people at the door"};
	report_table(r, 4, session_heads);
	for (long long i = 0; i < nsessions; i++) {
		char p[24];
		snprintf(p, sizeof p, "%lld", sessions[i].people);
		const char *cells[] = {sessions[i].title, sessions[i].room,
		                       sessions[i].start, p};
		report_row(r, cells);
	}
	free(sessions);
	return SUMMIT_OK;
}

/* First check-in of each head of state or government, local time. */
static int section_heads(struct summit_db *db, struct report_doc *r,
                         struct summit_err *err)
{
	sqlite3_stmt *st;
	// clang-format off
	int status = db_prepare(db,
	    "SELECT p.name, d.name, p.rank,"
	    " (SELECT min(c.at) FROM accreditations a JOIN checkins c ON c.badge = a.id"
	    "   WHERE a.person = p.id)"
	    " FROM people p JOIN delegations d ON d.id = p.delegation"
	    " WHERE p.rank IN ('head-of-state', 'head-of-government')"
	    " ORDER BY p.rank DESC, d.name, p.name",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	report_add(r, REPORT_HEADING, "Heads of state and government");
	static const char *const heads[] = {"name", "delegation", "rank", "first in"};
	report_table(r, 4, heads);
	long long present = 0, all = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char at[WHEN_TIME_LEN] = "did not check in";
		all++;
		if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
			when_format_local(db, sqlite3_column_int64(st, 3), at);
			present++;
		}
		const char *cells[] = {report_col(st, 0), report_col(st, 1),
		                       report_col(st, 2), at};
		report_row(r, cells);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_step_error(db, rc, err);
	report_add(r, REPORT_PARAGRAPH,
	           "%lld of the %lld heads of state and government listed checked in.",
	           present, all);
	return SUMMIT_OK;
}

struct problems {
	struct report_doc *r;
	long long n;
};

static int add_problem(const struct check_problem *p, void *ctx)
{
	struct problems *x = ctx;
	const char *cells[] = {check_severity_name(p->kind->severity), p->kind->name,
	                       p->message};
	report_row(x->r, cells);
	x->n++;
	return 0;
}

static int problems_of(struct summit_db *db, struct report_doc *r,
                       const char *const *only, size_t nonly, long long *n,
                       struct summit_err *err)
{
	struct check_options o;
	check_options_init(&o);
	o.only = only;
	o.nonly = nonly;
	static const char *const heads[] = {"severity", "kind", "what"};
	report_table(r, 3, heads);
	struct problems x = {r, 0};
	int status = check_run(db, &o, add_problem, &x, err);
	*n = x.n;
	if (!status && !x.n)
		report_drop_last(r);
	return status;
}

/* ---- late arrivals and what they changed ---- */

/* One late landing (check_late_arrivals) as the report shows it. */
struct late_row {
	char *cells[6]; /* as late_heads */
	char *sentence;
};

/* The event's currency, "" when it has none. */
static int event_currency(struct summit_db *db, char out[16], struct summit_err *err)
{
	sqlite3_stmt *st;
	int status = db_prepare(
	    db, "SELECT coalesce(currency, '') FROM event WHERE id = 1", &st, err);
	if (status || (status = report_one_row(db, st, err)))
		return status;
	snprintf(out, 16, "%s", report_col(st, 0));
	sqlite3_finalize(st);
	return SUMMIT_OK;
}

/* Room-nights held for a late delegation before it landed, per hotel. */
struct late_unused {
	char *cells[5]; /* as unused_heads */
};

struct late_ctx {
	struct summit_db *db;
	struct summit_err *err;
	sqlite3_stmt *nights, *pickups;
	struct late_row *rows;
	size_t nrows, cap_rows;
	struct late_unused *unused;
	size_t nunused, cap_unused;
	long long (*missed)[2]; /* delegation, session: counted once each */
	size_t nmissed, cap_missed;
	long long delegations, last_delegation, room_nights;
	long long cost; /* of those room-nights, at their blocks' rates */
	char currency[16];
};

/* "HH:MM" on the day of ref, else "YYYY-MM-DD HH:MM". */
static const char *late_time(struct summit_db *db, long long t, long long ref,
                             char out[WHEN_TIME_LEN])
{
	char day[WHEN_TIME_LEN];
	when_format_local(db, ref, day);
	when_format_local(db, t, out);
	return strncmp(day, out, 10) == 0 ? out + 11 : out;
}

/* The allocations for the delegation before the night its landing needed:
 * paid for, slept in by nobody. Adds them per hotel to x->unused and to the
 * sentence; *total is their room-nights. */
static int late_nights(struct late_ctx *x, const struct check_late *l, const char *who,
                       long long *total, struct strbuf *sentence)
{
	sqlite3_stmt *st = x->nights;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, l->delegation);
	sqlite3_bind_text(st, 2, l->night, -1, SQLITE_TRANSIENT);
	int rc;
	*total = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *hotel = report_col(st, 0), *first = report_col(st, 2),
		           *last = report_col(st, 3);
		long long n = sqlite3_column_int64(st, 1),
		          cost = sqlite3_column_int64(st, 4),
		          unpriced = sqlite3_column_int64(st, 5);
		/* Nights whose block has no rate are not priced at nothing. */
		char paid[96];
		text_money(cost, x->currency, paid, sizeof paid);
		if (unpriced == n)
			snprintf(paid, sizeof paid, "no rate");
		else if (unpriced)
			snprintf(paid + strlen(paid), sizeof paid - strlen(paid),
			         ", %lld without a rate", unpriced);
		char *nights = strcmp(first, last) == 0
		                   ? xasprintf("%s", first)
		                   : xasprintf("%s to %s", first, last);
		strbuf_addf(sentence,
		            " %s held %lld room-night%s for it (the night%s of %s) that "
		            "nobody slept in%s%s.",
		            hotel, n, n == 1 ? "" : "s", strcmp(first, last) ? "s" : "",
		            nights, unpriced < n ? ": " : "", unpriced < n ? paid : "");
		GROW(x->unused, x->nunused, x->cap_unused);
		struct late_unused *u = &x->unused[x->nunused++];
		u->cells[0] = xstrdup(who);
		u->cells[1] = xstrdup(hotel);
		u->cells[2] = nights;
		u->cells[3] = xasprintf("%lld", n);
		u->cells[4] = xstrdup(paid);
		x->cost += cost;
		*total += n;
	}
	if (rc != SQLITE_DONE)
		return db_step_error(x->db, rc, x->err);
	if (!*total)
		strbuf_addf(sentence,
		            " No room-night was held for it before the night of %s.",
		            l->night);
	return SUMMIT_OK;
}

/* The trips that met the landing: every pickup of the delegation's
 * arrivals on it (the head on the party's flight rides apart), or only the
 * head's for a head travelling apart. */
static int late_pickups(struct late_ctx *x, const struct check_late *l,
                        struct strbuf *cell, struct strbuf *sentence)
{
	sqlite3_stmt *st = x->pickups;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, l->delegation);
	sqlite3_bind_int64(st, 2, l->landed);
	sqlite3_bind_int64(st, 3, l->airport);
	sqlite3_bind_int64(st, 4, l->person);
	int rc, n = 0;
	/* "Trip #1 (...), trip #2 (...) and trip #3 (...)": the last one waits. */
	struct strbuf trips = {0};
	char *last = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char at[WHEN_TIME_LEN];
		const char *dep =
		    late_time(x->db, sqlite3_column_int64(st, 2), l->landed, at);
		strbuf_addf(cell, "%strip #%lld (%s, %s)", n ? "; " : "",
		            sqlite3_column_int64(st, 0), report_col(st, 1), dep);
		if (last)
			strbuf_addf(&trips, "%s%s", n > 1 ? ", " : "", last);
		free(last);
		last = xasprintf("%s #%lld (%s, leaving at %s)", n ? "trip" : "Trip",
		                 sqlite3_column_int64(st, 0), report_col(st, 1), dep);
		n++;
	}
	if (rc != SQLITE_DONE) {
		free(last);
		strbuf_free(&trips);
		return db_step_error(x->db, rc, x->err);
	}
	if (n > 1) {
		strbuf_addf(sentence, " %s and %s met the flight.", trips.buf, last);
	} else if (n) {
		strbuf_addf(sentence, " %s met the flight.", last);
	} else {
		strbuf_add(cell, "none");
		strbuf_add(sentence, " No pickup met the flight.");
	}
	free(last);
	strbuf_free(&trips);
	return SUMMIT_OK;
}

static int late_add(const struct check_late *l, void *ctx)
{
	struct late_ctx *x = ctx;
	char landed[WHEN_TIME_LEN], reach[WHEN_TIME_LEN], at[WHEN_TIME_LEN];
	when_format_local(x->db, l->landed, landed);
	/* at the venue: its time, with the date only when it is another day */
	const char *reach_at = late_time(x->db, l->missed[0].reach, l->landed, reach);
	if (l->delegation != x->last_delegation)
		x->delegations++, x->last_delegation = l->delegation;

	char *who = l->head ? xasprintf("%s, head of %s (%s)", l->head, l->name, l->code)
	                    : xasprintf("%s (%s)", l->name, l->code);
	struct strbuf sentence = {0}, missed = {0}, met = {0};
	strbuf_addf(&sentence,
	            "%s%s landed at %s on %.10s%s%s%s and could reach %s at %s at the "
	            "earliest, after ",
	            who, l->head ? "," : "", landed + 11, landed, l->flight ? " (" : "",
	            l->flight ? l->flight : "", l->flight ? ")" : "", l->missed[0].venue,
	            reach_at);
	for (size_t i = 0; i < l->nmissed; i++) {
		const struct check_late_session *s = &l->missed[i];
		when_format_local(x->db, s->start, at);
		strbuf_addf(&missed, "%s%s (%s)", i ? "; " : "", s->title, at);
		strbuf_addf(&sentence, "%s\"%s\" (%s)",
		            !i                    ? ""
		            : i + 1 == l->nmissed ? " and "
		                                  : ", ",
		            s->title, late_time(x->db, s->start, l->landed, at));
		GROW(x->missed, x->nmissed, x->cap_missed);
		x->missed[x->nmissed][0] = l->delegation;
		x->missed[x->nmissed++][1] = s->id;
	}
	strbuf_addf(&sentence, " had begun.");

	/* The rooms are the delegation's: a head travelling apart leaves
	 * none empty that the party did not sleep in. */
	long long unused = 0;
	int status = SUMMIT_OK;
	if (!l->head) {
		status = late_nights(x, l, who, &unused, &sentence);
		x->room_nights += unused;
	}
	if (!status)
		status = late_pickups(x, l, &met, &sentence);

	GROW(x->rows, x->nrows, x->cap_rows);
	struct late_row *row = &x->rows[x->nrows++];
	row->cells[0] = who;
	row->cells[1] =
	    l->flight ? xasprintf("%s, %s", landed, l->flight) : xstrdup(landed);
	row->cells[2] = xstrdup(reach_at);
	row->cells[3] = strbuf_take(&missed);
	row->cells[4] = l->head ? xstrdup("") : xasprintf("%lld", unused);
	row->cells[5] = strbuf_take(&met);
	row->sentence = strbuf_take(&sentence);
	return status;
}

static int cmp_pair(const void *a, const void *b)
{
	const long long *x = a, *y = b;
	return x[0] != y[0] ? (x[0] > y[0]) - (x[0] < y[0])
	                    : (x[1] > y[1]) - (x[1] < y[1]);
}

static int cmp_id(const void *a, const void *b)
{
	const long long *x = a, *y = b;
	return (*x > *y) - (*x < *y);
}

static void late_free(struct late_ctx *x)
{
	for (size_t i = 0; i < x->nrows; i++) {
		for (size_t c = 0; c < 6; c++)
			free(x->rows[i].cells[c]);
		free(x->rows[i].sentence);
	}
	for (size_t i = 0; i < x->nunused; i++)
		for (size_t c = 0; c < 5; c++)
			free(x->unused[i].cells[c]);
	free(x->rows), free(x->unused), free(x->missed);
	sqlite3_finalize(x->nights);
	sqlite3_finalize(x->pickups);
}

/* Late arrivals, by late-arrival's rule (check_late_arrivals), and what
 * each changed: the sessions it missed, the room-nights held for it
 * before it landed, the trips that met it. */
static int section_late(struct summit_db *db, struct report_doc *r,
                        struct summit_err *err)
{
	report_add(r, REPORT_HEADING, "Late arrivals");
	struct late_ctx x = {.db = db, .err = err};
	int status = event_currency(db, x.currency, err);
	// clang-format off
	if (!status)
		status = db_prepare(db,
	    "SELECT h.name, sum(a.rooms), min(a.night), max(a.night),"
	    " coalesce(sum(a.rooms * b.rate), 0),"
	    " coalesce(sum(CASE WHEN b.rate IS NULL THEN a.rooms END), 0)"
	    "  FROM allocations a JOIN hotels h ON h.id = a.hotel"
	    "  LEFT JOIN blocks b ON b.hotel = a.hotel AND b.night = a.night"
	    " WHERE a.delegation = ?1 AND a.night < ?2"
	    " GROUP BY h.id ORDER BY h.name",
	    &x.nights, err);
	if (!status)
		status = db_prepare(db,
		    "SELECT DISTINCT t.id, v.code, t.depart"
		    "  FROM arrivals a JOIN trips t ON t.id = a.pickup"
		    "  JOIN vehicles v ON v.id = t.vehicle"
		    " WHERE a.delegation = ?1 AND a.direction = 'arrival'"
		    "   AND a.time = ?2 AND a.airport = ?3 AND (?4 = 0 OR a.person = ?4)"
		    " ORDER BY t.depart, t.id",
		    &x.pickups, err);
	// clang-format on
	if (!status)
		status = check_late_arrivals(db, late_add, &x, err);
	if (status) {
		late_free(&x);
		return status;
	}
	if (!x.nrows) {
		report_add(
		    r, REPORT_PARAGRAPH,
		    "No delegation arrived too late for a session it had to attend.");
		late_free(&x);
		return SUMMIT_OK;
	}
	if (x.nmissed > 1)
		qsort(x.missed, x.nmissed, sizeof *x.missed, cmp_pair);
	/* Places: a delegation missing a session; sessions: each once. */
	size_t places = 0, sessions = 0;
	for (size_t i = 0; i < x.nmissed; i++)
		places += !i || cmp_pair(x.missed[i - 1], x.missed[i]) != 0;
	long long *ids = xcalloc(x.nmissed + 1, sizeof *ids);
	for (size_t i = 0; i < x.nmissed; i++)
		ids[i] = x.missed[i][1];
	qsort(ids, x.nmissed, sizeof *ids, cmp_id);
	for (size_t i = 0; i < x.nmissed; i++)
		sessions += !i || ids[i - 1] != ids[i];
	free(ids);
	char paid[96] = "";
	if (x.cost) {
		char money[48];
		text_money(x.cost, x.currency, money, sizeof money);
		snprintf(paid, sizeof paid, " (%s at the blocks' rates)", money);
	}
	char between[96] = "";
	if (places != sessions)
		snprintf(between, sizeof between, " (%zu absences in all)", places);
	report_add(r, REPORT_PARAGRAPH,
	           "%lld delegation%s arrived late: %s missed %zu session%s%s and "
	           "left %lld room-night%s unused%s.",
	           x.delegations, x.delegations == 1 ? "" : "s",
	           x.delegations == 1 ? "it" : "they", sessions, sessions == 1 ? "" : "s",
	           between, x.room_nights, x.room_nights == 1 ? "" : "s", paid);
	static const char *const late_heads[] = {"delegation",          "landed",
	                                         "at the venue",        "missed",
	                                         ">room-nights unused", "met by"};
	report_table(r, 6, late_heads);
	for (size_t i = 0; i < x.nrows; i++)
		report_row(r, (const char *const *)x.rows[i].cells);
	if (x.nunused) {
		static const char *const unused_heads[] = {
		    "delegation", "hotel", "nights before it landed",
		    ">room-nights unused", ">cost"};
		report_table(r, 5, unused_heads);
		for (size_t i = 0; i < x.nunused; i++)
			report_row(r, (const char *const *)x.unused[i].cells);
	}
	for (size_t i = 0; i < x.nrows; i++)
		report_add(r, REPORT_PARAGRAPH, "%s", x.rows[i].sentence);
	late_free(&x);
	return SUMMIT_OK;
}

static int section_programme(struct summit_db *db, struct report_doc *r,
                             struct summit_err *err)
{
	sqlite3_stmt *st;
	// clang-format off
	int status = db_prepare(db,
	    "SELECT count(*), coalesce(sum(status = 'cancelled'), 0) FROM sessions",
	    &st, err);
	// clang-format on
	if (status || (status = report_one_row(db, st, err)))
		return status;
	long long all = sqlite3_column_int64(st, 0),
	          cancelled = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	report_add(r, REPORT_HEADING, "The programme as held");
	report_add(r, REPORT_PARAGRAPH, "%lld sessions were held, %lld cancelled.",
	           all - cancelled, cancelled);
	static const char *const kinds_heads[] = {"kind", "room", ">held", ">cancelled"};
	report_table(r, 4, kinds_heads);
	// clang-format off
	status = db_prepare(db,
	    "SELECT s.kind, r.name, sum(s.status <> 'cancelled'), sum(s.status = 'cancelled')"
	    " FROM sessions s JOIN rooms r ON r.id = s.room"
	    " GROUP BY s.kind, r.name ORDER BY s.kind, r.name",
	    &st, err);
	// clang-format on
	if (status || (status = report_table_rows(db, r, st, NULL, err)))
		return status;
	if (!cancelled)
		return SUMMIT_OK;
	static const char *const heads[] = {"cancelled", "room", "start"};
	report_table(r, 3, heads);
	// clang-format off
	status = db_prepare(db,
	    "SELECT s.title, r.name, s.start FROM sessions s JOIN rooms r ON r.id = s.room"
	    " WHERE s.status = 'cancelled' ORDER BY s.start",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char at[WHEN_TIME_LEN];
		when_format_local(db, sqlite3_column_int64(st, 2), at);
		const char *cells[] = {report_col(st, 0), report_col(st, 1), at};
		report_row(r, cells);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SUMMIT_OK : db_step_error(db, rc, err);
}

/* "moved from Salle Bani to Salle Djoliba", "start moved from 17:00 to
 * 17:45": one change of the programme, as a reader of the report says it;
 * appended to out after ", " when out already holds the same moment's
 * change of another field. */
static void describe_change(const char *field, const char *old, const char *new,
                            char *out, size_t size)
{
	size_t used = strlen(out);
	if (used)
		snprintf(out + used, size - used, ", ");
	used = strlen(out);
	if (strcmp(field, "status") == 0) {
		snprintf(out + used, size - used, "%s",
		         strcmp(new, "cancelled") == 0 ? "cancelled"
		                                       : "restored to the programme");
		return;
	}
	bool room = strcmp(field, "room") == 0;
	/* A time on the same day: the hours only. */
	size_t skip =
	    !room && strlen(old) == 16 && strlen(new) == 16 && strncmp(old, new, 11) == 0
	        ? 11
	        : 0;
	snprintf(out + used, size - used, "%s%s%s %s to %s", room ? "" : field,
	         room ? "" : " ", used && !room ? "from" : "moved from",
	         *old ? old + skip : "(none)", *new ? new + skip : "(none)");
}

/* The programme's changes after it was first entered: rooms, times,
 * cancellations (session-history). */
static int section_changes(struct summit_db *db, struct report_doc *r,
                           struct summit_err *err)
{
	sqlite3_stmt *st;
	// clang-format off
	int status = db_prepare(db,
	    "SELECT count(DISTINCT CASE WHEN field = 'room' THEN session END),"
	    " count(DISTINCT CASE WHEN field IN ('start', 'end') THEN session END),"
	    " count(DISTINCT CASE WHEN field = 'status' AND new = 'cancelled'"
	    "  THEN session END),"
	    " count(DISTINCT session) FROM \"session-history\"",
	    &st, err);
	// clang-format on
	if (status || (status = report_one_row(db, st, err)))
		return status;
	long long rooms = sqlite3_column_int64(st, 0),
	          times = sqlite3_column_int64(st, 1),
	          cancelled = sqlite3_column_int64(st, 2),
	          all = sqlite3_column_int64(st, 3);
	sqlite3_finalize(st);
	report_add(r, REPORT_HEADING, "Changes to the programme");
	if (!all) {
		report_add(r, REPORT_PARAGRAPH,
		           "No session changed room or time, and none was cancelled, "
		           "once it was in the programme.");
		return SUMMIT_OK;
	}
	report_add(r, REPORT_PARAGRAPH,
	           "%lld session%s changed after %s first in the programme: %lld "
	           "moved to another room, %lld to another time, %lld cancelled.",
	           all, all == 1 ? "" : "s", all == 1 ? "it was" : "they were", rooms,
	           times, cancelled);
	// clang-format off
	status = db_prepare(db,
	    "SELECT s.title, h.field, coalesce(h.old, ''), coalesce(h.new, ''), h.at,"
	    " coalesce(h.note, ''), h.session FROM \"session-history\" h"
	    " JOIN sessions s ON s.id = h.session ORDER BY s.start, s.id, h.at, h.id",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	static const char *const heads[] = {"session", "change", "on", "why"};
	report_table(r, 4, heads);
	/* A row per session and moment: a new start and end are one move. */
	char title[400] = "", change[1200] = "", on[WHEN_TIME_LEN] = "", note[600] = "";
	long long session = 0, at = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_int64(st, 6) != session ||
		    sqlite3_column_int64(st, 4) != at) {
			if (session) {
				const char *cells[] = {title, change, on, note};
				report_row(r, cells);
			}
			session = sqlite3_column_int64(st, 6);
			at = sqlite3_column_int64(st, 4);
			snprintf(title, sizeof title, "%s", report_col(st, 0));
			snprintf(note, sizeof note, "%s", report_col(st, 5));
			when_format_local(db, at, on);
			change[0] = 0;
		}
		describe_change(report_col(st, 1), report_col(st, 2), report_col(st, 3),
		                change, sizeof change);
	}
	if (session) {
		const char *cells[] = {title, change, on, note};
		report_row(r, cells);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SUMMIT_OK : db_step_error(db, rc, err);
}

/* Room-nights per hotel: held in blocks, given to delegations, and what the
 * unused rooms of each night's block cost at that block's rate. */
static int section_hotels(struct summit_db *db, struct report_doc *r,
                          struct summit_err *err)
{
	sqlite3_stmt *st;
	// clang-format off
	int status = db_prepare(db,
	    "WITH per_block AS ("
	    " SELECT b.hotel, b.rooms, b.rate, max(b.rooms - coalesce((SELECT sum(a.rooms)"
	    "   FROM allocations a WHERE a.hotel = b.hotel AND a.night = b.night), 0), 0)"
	    "   AS unused FROM blocks b)"
	    " SELECT h.name, coalesce(sum(pb.rooms), 0),"
	    "  (SELECT coalesce(sum(rooms), 0) FROM allocations a WHERE a.hotel = h.id),"
	    "  coalesce(sum(pb.unused), 0), coalesce(sum(pb.unused * pb.rate), 0),"
	    "  coalesce(sum(CASE WHEN pb.rate IS NULL THEN pb.unused END), 0)"
	    " FROM hotels h LEFT JOIN per_block pb ON pb.hotel = h.id"
	    " GROUP BY h.id ORDER BY h.name",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	report_add(r, REPORT_HEADING, "Hotel nights");
	static const char *const heads[] = {"hotel", ">room-nights held", ">used",
	                                    ">unused", ">cost of the unused"};
	report_table(r, 5, heads);
	long long held = 0, used = 0, unused = 0, cost = 0, unpriced = 0;
	char currency[16];
	if ((status = event_currency(db, currency, err))) {
		sqlite3_finalize(st);
		return status;
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char v[4][48];
		long long n[4];
		for (int c = 0; c < 4; c++)
			n[c] = sqlite3_column_int64(st, 1 + c);
		for (int c = 0; c < 3; c++)
			snprintf(v[c], sizeof v[c], "%lld", n[c]);
		text_money(n[3], currency, v[3], sizeof v[3]);
		const char *cells[] = {report_col(st, 0), v[0], v[1], v[2], v[3]};
		report_row(r, cells);
		held += n[0];
		used += n[1];
		unused += n[2];
		cost += n[3];
		unpriced += sqlite3_column_int64(st, 5);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_step_error(db, rc, err);
	char paid[48];
	text_money(cost, currency, paid, sizeof paid);
	report_add(r, REPORT_PARAGRAPH,
	           "%lld room-nights were held in blocks and %lld given to delegations; "
	           "%lld rooms of the blocks stayed empty on their night, which would "
	           "have cost %s.",
	           held, used, unused, paid);
	if (unpriced)
		report_add(r, REPORT_PARAGRAPH,
		           "%lld of the empty room-nights are not in that sum: their "
		           "blocks have no rate.",
		           unpriced);
	return SUMMIT_OK;
}

static int section_transport(struct summit_db *db, struct report_doc *r,
                             struct summit_err *err)
{
	sqlite3_stmt *st;
	int status;
	report_add(r, REPORT_HEADING, "Transport");
	static const char *const t_heads[] = {"vehicles", ">count", ">trips", ">riders"};
	report_table(r, 4, t_heads);
	// clang-format off
	status = db_prepare(db,
	    "SELECT v.kind, count(DISTINCT v.id), count(t.id),"
	    " coalesce(sum((SELECT count(*) FROM trip_riders tr WHERE tr.owner = t.id)), 0)"
	    " FROM vehicles v LEFT JOIN trips t ON t.vehicle = v.id"
	    " GROUP BY v.kind ORDER BY v.kind",
	    &st, err);
	// clang-format on
	if (status || (status = report_table_rows(db, r, st, NULL, err)))
		return status;
	// clang-format off
	status = db_prepare(db,
	    "SELECT (SELECT count(*) FROM trips), (SELECT count(*) FROM trip_riders),"
	    " (SELECT count(DISTINCT ref) FROM trip_riders)",
	    &st, err);
	// clang-format on
	if (status || (status = report_one_row(db, st, err)))
		return status;
	report_add(r, REPORT_PARAGRAPH,
	           "%lld trips carried %lld riders (%lld different people).",
	           sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
	           sqlite3_column_int64(st, 2));
	sqlite3_finalize(st);
	return SUMMIT_OK;
}

static int section_budget(struct summit_db *db, struct report_doc *r,
                          struct summit_err *err)
{
	char currency[16];
	int status = event_currency(db, currency, err);
	if (status)
		return status;
	sqlite3_stmt *st;
	// clang-format off
	status = db_prepare(db,
	    "SELECT (SELECT coalesce(sum(amount), 0) FROM costs),"
	    " (SELECT coalesce(sum(amount), 0) FROM pledges),"
	    " (SELECT coalesce(sum(received), 0) FROM pledges)",
	    &st, err);
	// clang-format on
	if (status || (status = report_one_row(db, st, err)))
		return status;
	long long need = sqlite3_column_int64(st, 0),
	          pledged = sqlite3_column_int64(st, 1),
	          received = sqlite3_column_int64(st, 2);
	sqlite3_finalize(st);
	char a[64], b[64], c[64], d[64];
	text_money(need, currency, a, sizeof a);
	text_money(pledged, currency, b, sizeof b);
	text_money(received, currency, c, sizeof c);
	text_money(need > received ? need - received : 0, currency, d, sizeof d);
	report_add(r, REPORT_HEADING, "Budget");
	static const char *const heads[] = {"", ">amount"};
	report_table(r, 2, heads);
	const char *rows[][2] = {{"need", a},
	                         {"pledged", b},
	                         {"received", c},
	                         {"shortfall (need - received)", d}};
	for (size_t i = 0; i < 4; i++)
		report_row(r, rows[i]);
	static const char *const p_heads[] = {"partner", ">pledged", ">received"};
	report_table(r, 3, p_heads);
	// clang-format off
	status = db_prepare(db,
	    "SELECT p.name, coalesce(sum(pl.amount), 0), coalesce(sum(pl.received), 0)"
	    " FROM partners p LEFT JOIN pledges pl ON pl.partner = p.id"
	    " GROUP BY p.id ORDER BY p.name",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		text_money(sqlite3_column_int64(st, 1), currency, b, sizeof b);
		text_money(sqlite3_column_int64(st, 2), currency, c, sizeof c);
		const char *cells[] = {report_col(st, 0), b, c};
		report_row(r, cells);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SUMMIT_OK : db_step_error(db, rc, err);
}

int report_event(struct summit_db *db, struct report_doc *r, struct summit_err *err)
{
	sqlite3_stmt *st;
	int status =
	    db_prepare(db,
	               "SELECT name, city, country, first_day, last_day FROM event"
	               " WHERE id = 1",
	               &st, err);
	if (status || (status = report_one_row(db, st, err)))
		return status;
	report_add(r, REPORT_TITLE, "%s: the report", report_col(st, 0));
	report_add(r, REPORT_PARAGRAPH, "%s, %s, %s to %s.", report_col(st, 1),
	           report_col(st, 2), report_col(st, 3), report_col(st, 4));
	sqlite3_finalize(st);
	if ((status = section_invitations(db, r, err)) ||
	    (status = section_attendance(db, r, err)) ||
	    (status = section_heads(db, r, err)) || (status = section_late(db, r, err)) ||
	    (status = section_programme(db, r, err)) ||
	    (status = section_changes(db, r, err)) ||
	    (status = section_hotels(db, r, err)) ||
	    (status = section_transport(db, r, err)) ||
	    (status = section_budget(db, r, err)))
		return status;
	report_add(r, REPORT_HEADING, "Open problems at the end");
	long long n;
	if ((status = problems_of(db, r, NULL, 0, &n, err)))
		return status;
	if (!n)
		report_add(r, REPORT_PARAGRAPH,
		           "`summit check` found nothing left open.");
	return SUMMIT_OK;
}

/* ---- the printed lists ---- */
