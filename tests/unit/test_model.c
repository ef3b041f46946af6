/* One model of who is expected where: on the sample event and on the
 * generated large one, the figure the Programme shows for every session is
 * the one check uses, and the dashboard's counts are check's lists. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

struct event {
	char dir[64], path[96];
	struct summit_db *db;
	struct summit_err err;
};

/* A new event file at e->path loaded from the CSV files in dir. */
static void load(struct event *e, const char *dir)
{
	snprintf(e->dir, sizeof e->dir, "/tmp/summit-model.XXXXXX");
	assert_non_null(mkdtemp(e->dir));
	snprintf(e->path, sizeof e->path, "%s/event.db", e->dir);
	assert_int_equal(db_create(e->path, &e->db, &e->err), 0);
	assert_int_equal(db_begin(e->db, &e->err), 0);
	if (csv_load_directory(e->db, dir, &e->err))
		fail_msg("loading %s: %s", dir, e->err.msg);
	assert_int_equal(db_commit(e->db, &e->err), 0);
}

static void unload(struct event *e)
{
	db_close(e->db);
	char *cmd = xasprintf("rm -rf '%s'", e->dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

/* Runs SQL on the file, as another program would. */
static void sql(struct event *e, const char *statement)
{
	sqlite3 *conn;
	assert_int_equal(sqlite3_open(e->path, &conn), SQLITE_OK);
	sqlite3_busy_timeout(conn, 5000);
	assert_int_equal(sqlite3_exec(conn, statement, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(conn);
}

/* What the Programme shows: every session's expected and seats, by id. */
struct shown {
	long long *expected, *capacity;
	bool *cancelled;
	long long max_id;
	size_t sessions;
};

static int keep_session(const struct plan_session *s, void *ctx)
{
	struct shown *p = ctx;
	assert_true(s->id > 0 && s->id <= p->max_id);
	p->expected[s->id] = s->expected;
	p->capacity[s->id] = s->capacity;
	p->cancelled[s->id] = strcmp(s->status, "cancelled") == 0;
	p->sessions++;
	return 0;
}

/* What check says: the people it counts for each session it flags. */
struct flagged {
	long long *people; /* 0: not flagged */
	long long max_id;
	size_t n;
};

static int keep_flagged(const struct check_problem *p, void *ctx)
{
	struct flagged *f = ctx;
	long long session = 0, people = 0;
	for (size_t i = 0; i < p->nsubjects; i++)
		if (p->subjects[i].kind == &kind_sessions)
			session = p->subjects[i].id;
	const char *at = strstr(p->message, " expects ");
	assert_non_null(at);
	people = atoll(at + strlen(" expects "));
	assert_true(session > 0 && session <= f->max_id);
	assert_int_equal(f->people[session], 0); /* once each */
	f->people[session] = people;
	f->n++;
	return 0;
}

static long long max_session(struct event *e)
{
	sqlite3 *conn;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(e->path, &conn), SQLITE_OK);
	assert_int_equal(
	    sqlite3_prepare_v2(conn, "SELECT max(id) FROM sessions", -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long max = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(conn);
	return max;
}

/* For every day and session: flagged by check exactly when the Programme
 * shows more expected than seats, with the same figure. Returns how many
 * sessions were compared. */
static size_t compare_programme(struct event *e, long long *flags)
{
	long long max = max_session(e);
	struct shown shown = {xcalloc(max + 1, sizeof(long long)),
	                      xcalloc(max + 1, sizeof(long long)),
	                      xcalloc(max + 1, sizeof(bool)), max, 0};
	char first[11], last[11];
	assert_int_equal(plan_days(e->db, &first, &last, &e->err), 0);
	int y, m, d;
	assert_true(when_parse_date(first, &y, &m, &d));
	long from = when_day_number(y, m, d);
	assert_true(when_parse_date(last, &y, &m, &d));
	long to = when_day_number(y, m, d);
	for (long day = from; day <= to; day++) {
		char date[WHEN_DATE_LEN];
		when_format_day(day, date);
		assert_int_equal(
		    plan_day_sessions(e->db, date, keep_session, &shown, &e->err), 0);
	}
	struct flagged flagged = {xcalloc(max + 1, sizeof(long long)), max, 0};
	const char *only = "room-too-small";
	struct check_options o;
	check_options_init(&o);
	o.only = &only;
	o.nonly = 1;
	assert_int_equal(check_run(e->db, &o, keep_flagged, &flagged, &e->err), 0);
	size_t over = 0;
	for (long long id = 1; id <= max; id++) {
		bool over_capacity =
		    !shown.cancelled[id] && shown.expected[id] > shown.capacity[id];
		if (over_capacity != (flagged.people[id] != 0))
			fail_msg("session #%lld: the Programme shows %lld/%lld, check %s",
			         id, shown.expected[id], shown.capacity[id],
			         flagged.people[id] ? "flags it" : "does not");
		if (over_capacity) {
			assert_int_equal(flagged.people[id], shown.expected[id]);
			over++;
		}
	}
	*flags = (long long)over;
	size_t n = shown.sessions;
	free(shown.expected), free(shown.capacity), free(shown.cancelled);
	free(flagged.people);
	return n;
}

/* check's lists, by kind: the no-hotel delegations and the arrivals
 * without a pickup. */
struct lists {
	long long no_hotel[1024];
	size_t nno_hotel;
	long long no_pickup, no_arrival;
};

static int keep_lists(const struct check_problem *p, void *ctx)
{
	struct lists *l = ctx;
	if (p->kind == &check_kinds[CHECK_KIND_NO_PICKUP])
		l->no_pickup++;
	if (p->kind == &check_kinds[CHECK_KIND_ARRIVAL_DETAILS_MISSING])
		l->no_arrival++;
	if (p->kind != &check_kinds[CHECK_KIND_NO_HOTEL])
		return 0;
	for (size_t i = 0; i < p->nsubjects; i++) {
		if (p->subjects[i].kind != &kind_delegations)
			continue;
		bool seen = false;
		for (size_t j = 0; j < l->nno_hotel; j++)
			seen |= l->no_hotel[j] == p->subjects[i].id;
		if (!seen && l->nno_hotel < 1024)
			l->no_hotel[l->nno_hotel++] = p->subjects[i].id;
	}
	return 0;
}

/* A week before the opening, when arrival details are due. */
static void compare_dashboard(struct event *e, long long hotel, long long pickup,
                              long long arrival)
{
	struct lists lists = {0};
	assert_int_equal(check_run(e->db, NULL, keep_lists, &lists, &e->err), 0);
	struct event_status s;
	assert_int_equal(status_read(e->db, &s, &e->err), 0);
	assert_int_equal(s.accepted_without_hotel, (long long)lists.nno_hotel);
	assert_int_equal(s.arrivals_without_pickup, lists.no_pickup);
	assert_int_equal(s.accepted_without_arrival, lists.no_arrival);
	assert_int_equal(s.accepted_without_arrival, arrival);
	assert_int_equal(s.accepted_without_hotel, hotel);
	assert_int_equal(s.arrivals_without_pickup, pickup);
}

static void test_sample(void **state)
{
	(void)state;
	struct event e = {0};
	load(&e, getenv("SAMPLE"));
	db_set_today(e.db, "2007-11-07", NULL);
	/* Mozambique has no hotel (CNSC lives in town); NLD and IDEA land
	 * without a pickup; every delegation from abroad gave its flights. */
	compare_dashboard(&e, 1, 2, 0);
	sql(&e, "UPDATE delegations SET in_town = 'no' WHERE code = 'CNSC'");
	compare_dashboard(&e, 1, 2, 1);
	sql(&e, "UPDATE delegations SET in_town = 'yes' WHERE code = 'CNSC'");
	long long over;
	assert_int_equal(compare_programme(&e, &over), 37);
	assert_int_equal(over, 0);
	/* Rooms of 20 seats: most sessions are too small, check and the
	 * Programme agree on each. */
	sql(&e, "UPDATE rooms SET capacity = 20");
	assert_int_equal(compare_programme(&e, &over), 37);
	assert_true(over > 20);
	/* A planner's number wins over the rule. */
	sql(&e, "UPDATE sessions SET expected = 19 WHERE kind = 'plenary'");
	long long fewer;
	compare_programme(&e, &fewer);
	assert_true(fewer < over);
	unload(&e);
}

static void test_large(void **state)
{
	(void)state;
	char dir[64] = "/tmp/summit-large.XXXXXX";
	assert_non_null(mkdtemp(dir));
	/* A quarter of the people and sessions: the same delegations, days,
	 * hotels and planted problems, in a quarter of the time. */
	char *cmd = xasprintf("'%s/../generate-large.sh' '%s' 0.25 2>/dev/null",
	                      getenv("SAMPLE"), dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	struct event e = {0};
	load(&e, dir);
	db_set_today(e.db, "2027-11-01", NULL);
	compare_dashboard(&e, 1, 2, 1);
	long long over;
	size_t n = compare_programme(&e, &over);
	assert_int_equal(n, 1000);
	assert_int_equal(over, 0);
	sql(&e, "UPDATE rooms SET capacity = 30");
	compare_programme(&e, &over);
	assert_true(over > 100);
	unload(&e);
	cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sample),
	    cmocka_unit_test(test_large),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	when_cleanup();
	return failed;
}
