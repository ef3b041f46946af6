#include "summit/report.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "summit/accreditation.h"
#include "summit/check.h"
#include "summit/db.h"
#include "summit/kind.h"
#include "summit/record.h"
#include "summit/when.h"

/* ---- building ---- */

static struct report_block *new_block(struct report_doc *r, enum report_block_type type)
{
	if (r->count == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 32;
		r->blocks = xrealloc(r->blocks, r->cap * sizeof *r->blocks);
	}
	struct report_block *b = &r->blocks[r->count++];
	memset(b, 0, sizeof *b);
	b->type = type;
	return b;
}

void report_add(struct report_doc *r, enum report_block_type type, const char *fmt, ...)
{
	struct report_block *b = new_block(r, type);
	if (type == REPORT_PAGE || type == REPORT_TABLE)
		return;
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(&b->text, fmt, ap) < 0)
		b->text = xstrdup("");
	va_end(ap);
}

void report_table(struct report_doc *r, size_t ncols, const char *const *headers)
{
	struct report_block *b = new_block(r, REPORT_TABLE);
	b->ncols = ncols;
	for (size_t c = 0; c < ncols && c < 8; c++)
		b->numeric[c] = headers[c][0] == '>';
	const char *shown[16];
	for (size_t c = 0; c < ncols && c < 16; c++)
		shown[c] = headers[c] + (headers[c][0] == '>');
	report_row(r, shown);
}

void report_row(struct report_doc *r, const char *const *cells)
{
	struct report_block *b = &r->blocks[r->count - 1];
	if (b->nrows == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->cells = xrealloc(b->cells, b->cap * b->ncols * sizeof *b->cells);
	}
	for (size_t c = 0; c < b->ncols; c++)
		b->cells[b->nrows * b->ncols + c] = xstrdup(cells[c] ? cells[c] : "");
	b->nrows++;
}

void report_free(struct report_doc *r)
{
	for (size_t i = 0; i < r->count; i++) {
		struct report_block *b = &r->blocks[i];
		free(b->text);
		for (size_t k = 0; k < b->nrows * b->ncols; k++)
			free(b->cells[k]);
		free(b->cells);
	}
	free(r->blocks);
	memset(r, 0, sizeof *r);
}

/* ---- Markdown ---- */

static void md_cell(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|' || *s == '\\')
			fputc('\\', out);
		fputc(*s, out);
	}
}

int report_write_markdown(const struct report_doc *r, FILE *out)
{
	for (size_t i = 0; i < r->count; i++) {
		const struct report_block *b = &r->blocks[i];
		switch (b->type) {
		case REPORT_TITLE:
			fprintf(out, "# %s\n\n", b->text);
			break;
		case REPORT_HEADING:
			fprintf(out, "## %s\n\n", b->text);
			break;
		case REPORT_PARAGRAPH:
			fprintf(out, "%s\n\n", b->text);
			break;
		case REPORT_PAGE:
			break;
		case REPORT_TABLE:
			for (size_t row = 0; row < b->nrows; row++) {
				for (size_t c = 0; c < b->ncols; c++) {
					fputs(c ? " | " : "| ", out);
					md_cell(out, b->cells[row * b->ncols + c]);
				}
				fputs(" |\n", out);
				if (row == 0) {
					for (size_t c = 0; c < b->ncols; c++)
						fputs(c < 8 && b->numeric[c] ? "| --: "
						                             : "| --- ",
						      out);
					fputs("|\n", out);
				}
			}
			fputc('\n', out);
			break;
		}
	}
	fflush(out);
	return ferror(out) ? -1 : 0;
}

/* ---- reading ---- */

static const char *col(sqlite3_stmt *st, int c)
{
	const unsigned char *s = sqlite3_column_text(st, c);
	return s ? (const char *)s : "";
}

/* "1 500 000 XOF" from hundredths. */
static void money(char *out, size_t size, long long cents, const char *currency)
{
	char digits[32], grouped[48];
	long long whole = (cents < 0 ? -cents : cents) / 100;
	snprintf(digits, sizeof digits, "%lld", whole);
	size_t n = strlen(digits), k = 0;
	for (size_t i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			grouped[k++] = ' ';
		grouped[k++] = digits[i];
	}
	grouped[k] = 0;
	long long part = (cents < 0 ? -cents : cents) % 100;
	char frac[8] = "";
	if (part)
		snprintf(frac, sizeof frac, ".%02lld", part);
	snprintf(out, size, "%s%s%s%s%s", cents < 0 ? "-" : "", grouped, frac,
	         *currency ? " " : "", currency);
}

static int one_row(struct summit_db *db, sqlite3_stmt *st, struct summit_err *err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return SUMMIT_OK;
	int status = rc == SQLITE_DONE ? err_no_event(err) : db_step_error(db, rc, err);
	sqlite3_finalize(st);
	return status;
}

/* A table straight from a statement: each column's text, in order; ncols
 * from the statement. */
static int table_rows(struct summit_db *db, struct report_doc *r, sqlite3_stmt *st,
                      long long *nrows, struct summit_err *err)
{
	int n = sqlite3_column_count(st), rc;
	const char *cells[16];
	long long count = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int c = 0; c < n && c < 16; c++)
			cells[c] = col(st, c);
		report_row(r, cells);
		count++;
	}
	int status = rc == SQLITE_DONE ? SUMMIT_OK : db_step_error(db, rc, err);
	sqlite3_finalize(st);
	if (nrows)
		*nrows = count;
	return status;
}

/* Takes back the last block (a table that stayed empty). */
static void drop_last(struct report_doc *r)
{
	struct report_block *b = &r->blocks[--r->count];
	free(b->text);
	for (size_t k = 0; k < b->nrows * b->ncols; k++)
		free(b->cells[k]);
	free(b->cells);
}

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
	if (status || (status = one_row(db, st, err)))
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
	if (status || (status = table_rows(db, r, st, NULL, err)))
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
		           "%s's invitation went through %s (%s); it is %s.", col(st, 0),
		           col(st, 1), col(st, 2), col(st, 3));
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
	if (status || (status = table_rows(db, r, st, NULL, err)))
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
	if (status || (status = table_rows(db, r, st, &n, err)))
		return status;
	if (!n)
		drop_last(r);
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
		const char *cells[] = {col(st, 0), col(st, 1), col(st, 2), at};
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
		drop_last(r);
	return status;
}

static int section_programme(struct summit_db *db, struct report_doc *r,
                             struct summit_err *err)
{
	report_add(r, REPORT_HEADING, "Late arrivals");
	static const char *const late[] = {"late-arrival"};
	long long n;
	int status = problems_of(db, r, late, 1, &n, err);
	if (status)
		return status;
	if (!n)
		report_add(r, REPORT_PARAGRAPH,
		           "No delegation arrived after its first session.");

	sqlite3_stmt *st;
	// clang-format off
	status = db_prepare(db,
	    "SELECT count(*), coalesce(sum(status = 'cancelled'), 0) FROM sessions",
	    &st, err);
	// clang-format on
	if (status || (status = one_row(db, st, err)))
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
	if (status || (status = table_rows(db, r, st, NULL, err)))
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
		const char *cells[] = {col(st, 0), col(st, 1), at};
		report_row(r, cells);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SUMMIT_OK : db_step_error(db, rc, err);
}

static int section_logistics(struct summit_db *db, struct report_doc *r,
                             struct summit_err *err)
{
	report_add(r, REPORT_HEADING, "Hotel nights");
	static const char *const heads[] = {"hotel", ">room-nights held", ">used",
	                                    ">unused"};
	report_table(r, 4, heads);
	sqlite3_stmt *st;
	// clang-format off
	int status = db_prepare(db,
	    "SELECT name, held, used, max(held - used, 0) FROM ("
	    " SELECT h.name AS name,"
	    "  (SELECT coalesce(sum(rooms), 0) FROM blocks b WHERE b.hotel = h.id) AS held,"
	    "  (SELECT coalesce(sum(rooms), 0) FROM allocations a WHERE a.hotel = h.id)"
	    "   AS used"
	    " FROM hotels h) ORDER BY name",
	    &st, err);
	// clang-format on
	if (status || (status = table_rows(db, r, st, NULL, err)))
		return status;
	// clang-format off
	status = db_prepare(db,
	    "SELECT (SELECT coalesce(sum(rooms), 0) FROM blocks),"
	    " (SELECT coalesce(sum(rooms), 0) FROM allocations)",
	    &st, err);
	// clang-format on
	if (status || (status = one_row(db, st, err)))
		return status;
	long long held = sqlite3_column_int64(st, 0), used = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	report_add(r, REPORT_PARAGRAPH,
	           "%lld room-nights were held in blocks and %lld given to delegations: "
	           "%lld unused.",
	           held, used, held > used ? held - used : 0);

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
	if (status || (status = table_rows(db, r, st, NULL, err)))
		return status;
	// clang-format off
	status = db_prepare(db,
	    "SELECT (SELECT count(*) FROM trips), (SELECT count(*) FROM trip_riders),"
	    " (SELECT count(DISTINCT ref) FROM trip_riders)",
	    &st, err);
	// clang-format on
	if (status || (status = one_row(db, st, err)))
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
	sqlite3_stmt *st;
	// clang-format off
	int status = db_prepare(db,
	    "SELECT coalesce((SELECT currency FROM event WHERE id = 1), ''),"
	    " (SELECT coalesce(sum(amount), 0) FROM costs),"
	    " (SELECT coalesce(sum(amount), 0) FROM pledges),"
	    " (SELECT coalesce(sum(received), 0) FROM pledges)",
	    &st, err);
	// clang-format on
	if (status || (status = one_row(db, st, err)))
		return status;
	char currency[16];
	snprintf(currency, sizeof currency, "%s", col(st, 0));
	long long need = sqlite3_column_int64(st, 1),
	          pledged = sqlite3_column_int64(st, 2),
	          received = sqlite3_column_int64(st, 3);
	sqlite3_finalize(st);
	char a[64], b[64], c[64], d[64];
	money(a, sizeof a, need, currency);
	money(b, sizeof b, pledged, currency);
	money(c, sizeof c, received, currency);
	money(d, sizeof d, need > received ? need - received : 0, currency);
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
		money(b, sizeof b, sqlite3_column_int64(st, 1), currency);
		money(c, sizeof c, sqlite3_column_int64(st, 2), currency);
		const char *cells[] = {col(st, 0), b, c};
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
	if (status || (status = one_row(db, st, err)))
		return status;
	report_add(r, REPORT_TITLE, "%s: the report", col(st, 0));
	report_add(r, REPORT_PARAGRAPH, "%s, %s, %s to %s.", col(st, 1), col(st, 2),
	           col(st, 3), col(st, 4));
	sqlite3_finalize(st);
	if ((status = section_invitations(db, r, err)) ||
	    (status = section_attendance(db, r, err)) ||
	    (status = section_heads(db, r, err)) ||
	    (status = section_programme(db, r, err)) ||
	    (status = section_logistics(db, r, err)) ||
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

static int day_bounds_or_all(struct summit_db *db, const char *day, long long *from,
                             long long *to, struct summit_err *err)
{
	*from = -(1LL << 62);
	*to = 1LL << 62;
	if (!day)
		return SUMMIT_OK;
	int status = when_day_bounds(db, day, from, to, err);
	if (status && err)
		snprintf(err->field, sizeof err->field, "--day");
	return status;
}

int report_rooming(struct summit_db *db, const char *hotel, struct report_doc *r,
                   struct summit_err *err)
{
	long long only = 0;
	int status;
	if (hotel && (status = record_find(db, &kind_hotels, hotel, &only, err)))
		return status;
	sqlite3_stmt *hotels;
	// clang-format off
	status = db_prepare(db,
	    "SELECT id, name, coalesce(address, '') FROM hotels"
	    " WHERE ?1 = 0 OR id = ?1 ORDER BY name",
	    &hotels, err);
	// clang-format on
	if (status)
		return status;
	sqlite3_bind_int64(hotels, 1, only);
	sqlite3_stmt *st;
	// clang-format off
	status = db_prepare(db,
	    "SELECT d.name || ' (' || d.code || ')', min(a.night), max(a.night), count(*),"
	    " max(a.rooms), sum(a.rooms),"
	    " (SELECT group_concat(name, ', ') FROM (SELECT name FROM people"
	    "   WHERE delegation = d.id ORDER BY id))"
	    " FROM allocations a JOIN delegations d ON d.id = a.delegation"
	    " WHERE a.hotel = ? GROUP BY d.id ORDER BY d.name",
	    &st, err);
	// clang-format on
	if (status) {
		sqlite3_finalize(hotels);
		return status;
	}
	int rc;
	bool first = true;
	while ((rc = sqlite3_step(hotels)) == SQLITE_ROW) {
		if (!first)
			report_add(r, REPORT_PAGE, " ");
		first = false;
		report_add(r, REPORT_TITLE, "Rooming list: %s", col(hotels, 1));
		if (*col(hotels, 2))
			report_add(r, REPORT_PARAGRAPH, "%s", col(hotels, 2));
		static const char *const heads[] = {"delegation", "guests", "nights",
		                                    ">rooms a night", ">room-nights"};
		report_table(r, 5, heads);
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, sqlite3_column_int64(hotels, 0));
		long long total = 0;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			char nights[64], rooms[24], sum[24];
			snprintf(nights, sizeof nights, "%s to %s (%lld)", col(st, 1),
			         col(st, 2), sqlite3_column_int64(st, 3));
			snprintf(rooms, sizeof rooms, "%lld",
			         sqlite3_column_int64(st, 4));
			snprintf(sum, sizeof sum, "%lld", sqlite3_column_int64(st, 5));
			total += sqlite3_column_int64(st, 5);
			const char *cells[] = {col(st, 0), col(st, 6), nights, rooms,
			                       sum};
			report_row(r, cells);
		}
		if (rc != SQLITE_DONE)
			break;
		report_add(r, REPORT_PARAGRAPH, "%lld room-nights in all.", total);
	}
	if (rc != SQLITE_DONE)
		status = db_step_error(db, rc, err);
	sqlite3_finalize(st);
	sqlite3_finalize(hotels);
	return status;
}

int report_manifests(struct summit_db *db, const char *vehicle, const char *day,
                     struct report_doc *r, struct summit_err *err)
{
	long long only = 0, from, to;
	int status;
	if (vehicle && (status = record_find(db, &kind_vehicles, vehicle, &only, err)))
		return status;
	if ((status = day_bounds_or_all(db, day, &from, &to, err)))
		return status;
	sqlite3_stmt *st;
	// clang-format off
	status = db_prepare(db,
	    "SELECT v.id, v.code, v.kind, v.capacity, coalesce(v.driver, ''),"
	    " coalesce(v.phone, ''), coalesce(v.plate, ''), t.depart, t.arrive,"
	    " o.name, e.name, t.kind,"
	    " (SELECT group_concat(name, ', ') FROM (SELECT p.name FROM trip_riders tr"
	    "   JOIN people p ON p.id = tr.ref WHERE tr.owner = t.id ORDER BY p.name)),"
	    " (SELECT group_concat(flight, ', ') FROM (SELECT coalesce(a.flight, '?')"
	    "   || ' ' || d.code AS flight FROM arrivals a"
	    "   JOIN delegations d ON d.id = a.delegation"
	    "   WHERE a.pickup = t.id ORDER BY a.time)),"
	    " (SELECT count(*) FROM trip_riders tr WHERE tr.owner = t.id)"
	    " FROM trips t JOIN vehicles v ON v.id = t.vehicle"
	    " JOIN places o ON o.id = t.origin JOIN places e ON e.id = t.destination"
	    " WHERE (?1 = 0 OR v.id = ?1) AND t.depart >= ?2 AND t.depart < ?3"
	    " ORDER BY v.code, t.depart",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, only);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, to);
	long long vehicle_id = -1;
	char current_day[WHEN_DATE_LEN] = "";
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char depart[WHEN_TIME_LEN], arrive[WHEN_TIME_LEN];
		when_format_local(db, sqlite3_column_int64(st, 7), depart);
		when_format_local(db, sqlite3_column_int64(st, 8), arrive);
		/* A page for each vehicle's day. */
		if (sqlite3_column_int64(st, 0) != vehicle_id ||
		    strncmp(current_day, depart, 10) != 0) {
			if (vehicle_id >= 0)
				report_add(r, REPORT_PAGE, " ");
			vehicle_id = sqlite3_column_int64(st, 0);
			snprintf(current_day, sizeof current_day, "%.10s", depart);
			report_add(r, REPORT_TITLE, "Driver manifest: %s, %s", col(st, 1),
			           current_day);
			report_add(r, REPORT_PARAGRAPH,
			           "%s, %lld seats. Driver: %s%s%s%s%s.", col(st, 2),
			           sqlite3_column_int64(st, 3),
			           *col(st, 4) ? col(st, 4) : "not named",
			           *col(st, 5) ? ", " : "", col(st, 5),
			           *col(st, 6) ? ", plate " : "", col(st, 6));
			static const char *const heads[] = {
			    "depart",  "arrive",  "from", "to",
			    ">riders", "flights", "who"};
			report_table(r, 7, heads);
		}
		char n[24];
		snprintf(n, sizeof n, "%lld", sqlite3_column_int64(st, 14));
		const char *cells[] = {depart + 11, arrive + 11, col(st, 9), col(st, 10),
		                       n,           col(st, 13), col(st, 12)};
		report_row(r, cells);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_step_error(db, rc, err);
	if (vehicle_id < 0)
		report_add(r, REPORT_PARAGRAPH, "No trips%s%s.", day ? " on " : "",
		           day ? day : "");
	return SUMMIT_OK;
}

int report_welcome(struct summit_db *db, const char *day, struct report_doc *r,
                   struct summit_err *err)
{
	long long from, to;
	int status = day_bounds_or_all(db, day, &from, &to, err);
	if (status)
		return status;
	sqlite3_stmt *st;
	// clang-format off
	status = db_prepare(db,
	    "SELECT a.time, coalesce(a.flight, ''), ap.name, d.name || ' (' || d.code || ')',"
	    " a.party, coalesce(p.name, d.head, ''), coalesce(p.rank, d.rank, ''),"
	    " v.code, coalesce(v.driver, ''), t.depart"
	    " FROM arrivals a JOIN delegations d ON d.id = a.delegation"
	    " JOIN places ap ON ap.id = a.airport"
	    " LEFT JOIN people p ON p.id = a.person"
	    " LEFT JOIN trips t ON t.id = a.pickup LEFT JOIN vehicles v ON v.id = t.vehicle"
	    " WHERE a.direction = 'arrival' AND a.time >= ? AND a.time < ?"
	    " ORDER BY a.time, d.name",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	char current_day[WHEN_DATE_LEN] = "";
	long long n = 0, people = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char at[WHEN_TIME_LEN];
		when_format_local(db, sqlite3_column_int64(st, 0), at);
		if (strncmp(current_day, at, 10) != 0) {
			if (n)
				report_add(r, REPORT_PARAGRAPH, "%lld people to meet.",
				           people);
			if (current_day[0])
				report_add(r, REPORT_PAGE, " ");
			snprintf(current_day, sizeof current_day, "%.10s", at);
			report_add(r, REPORT_TITLE, "Airport welcome list: %s",
			           current_day);
			static const char *const heads[] = {
			    "lands",  "flight",        "airport", "delegation",
			    ">party", "head of party", "met by"};
			report_table(r, 7, heads);
			people = 0;
		}
		char party[24], met[160], head[300];
		snprintf(party, sizeof party, "%lld", sqlite3_column_int64(st, 4));
		people += sqlite3_column_int64(st, 4);
		snprintf(head, sizeof head, "%s%s%s%s", col(st, 5),
		         *col(st, 6) ? " (" : "", col(st, 6), *col(st, 6) ? ")" : "");
		if (sqlite3_column_type(st, 7) == SQLITE_NULL) {
			snprintf(met, sizeof met, "NO PICKUP");
		} else {
			char dep[WHEN_TIME_LEN];
			when_format_local(db, sqlite3_column_int64(st, 9), dep);
			snprintf(met, sizeof met, "%s%s%s, leaves %s", col(st, 7),
			         *col(st, 8) ? ", " : "", col(st, 8), dep + 11);
		}
		const char *cells[] = {at + 11, col(st, 1), col(st, 2), col(st, 3),
		                       party,   head,       met};
		report_row(r, cells);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_step_error(db, rc, err);
	if (n)
		report_add(r, REPORT_PARAGRAPH, "%lld people to meet.", people);
	else
		report_add(r, REPORT_PARAGRAPH, "No arrivals%s%s.", day ? " on " : "",
		           day ? day : "");
	return SUMMIT_OK;
}
