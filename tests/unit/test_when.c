/* Dates and times in the event's zone, with and without daylight saving. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fixture.h"

static long long utc(int y, int m, int d, int h, int mi)
{
	return when_day_number(y, m, d) * 86400LL + h * 3600 + mi * 60;
}

static int setup_paris(void **state)
{
	return fixture_setup_zone(state, "Europe/Paris");
}

static void test_dates(void **state)
{
	(void)state;
	int y, m, d;
	assert_true(when_parse_date("2008-02-29", &y, &m, &d));
	assert_false(when_parse_date("2007-02-29", &y, &m, &d));
	assert_false(when_parse_date("2007-13-01", &y, &m, &d));
	assert_false(when_parse_date("2007-11-1", &y, &m, &d));
	assert_false(when_parse_date("14/11/2007", &y, &m, &d));
	assert_int_equal(when_day_number(1970, 1, 1), 0);
	char day[WHEN_DATE_LEN];
	when_format_day(when_day_number(2007, 11, 14) + 20, day);
	assert_string_equal(day, "2007-12-04");
}

static void test_bamako_is_utc(void **state)
{
	struct fixture *fx = *state;
	long long t;
	assert_int_equal(when_parse_local(fx->db, "2007-11-14 09:30", &t, &fx->err), 0);
	assert_int_equal(t, utc(2007, 11, 14, 9, 30));
	char text[WHEN_TIME_LEN];
	when_format_local(fx->db, t, text);
	assert_string_equal(text, "2007-11-14 09:30");
	assert_int_equal(when_parse_local(fx->db, "2007-11-14T09:30:00", &t, &fx->err),
	                 0);
	assert_int_not_equal(when_parse_local(fx->db, "2007-11-14 9:30", &t, &fx->err),
	                     0);
	assert_non_null(
	    strstr(fx->err.msg, "expected a time as YYYY-MM-DD HH:MM (Africa/Bamako"));
	assert_int_not_equal(when_parse_local(fx->db, "2007-11-14 24:00", &t, &fx->err),
	                     0);
}

static void test_paris_across_october(void **state)
{
	struct fixture *fx = *state;
	long long t;
	/* Summer time (UTC+2) on Saturday, winter time (UTC+1) on Monday. */
	assert_int_equal(when_parse_local(fx->db, "2007-10-27 12:00", &t, &fx->err), 0);
	assert_int_equal(t, utc(2007, 10, 27, 10, 0));
	assert_int_equal(when_parse_local(fx->db, "2007-10-29 12:00", &t, &fx->err), 0);
	assert_int_equal(t, utc(2007, 10, 29, 11, 0));
	char text[WHEN_TIME_LEN];
	when_format_local(fx->db, utc(2007, 10, 28, 0, 30), text);
	assert_string_equal(text, "2007-10-28 02:30");
	when_format_local(fx->db, utc(2007, 10, 28, 1, 30), text);
	assert_string_equal(text, "2007-10-28 02:30");
	/* The day of the change has 25 hours. */
	long long start, end;
	assert_int_equal(when_day_bounds(fx->db, "2007-10-28", &start, &end, &fx->err),
	                 0);
	assert_int_equal(end - start, 25 * 3600);
}

static void test_paris_gap_in_march(void **state)
{
	struct fixture *fx = *state;
	long long t;
	assert_int_equal(when_parse_local(fx->db, "2008-03-30 02:30", &t, &fx->err),
	                 SUMMIT_INVALID);
	assert_non_null(strstr(fx->err.msg, "does not exist in Europe/Paris"));
	assert_int_equal(when_parse_local(fx->db, "2008-03-30 03:30", &t, &fx->err), 0);
	assert_int_equal(t, utc(2008, 3, 30, 1, 30));
}

static void test_today_is_settable(void **state)
{
	struct fixture *fx = *state;
	char today[WHEN_DATE_LEN];
	assert_int_equal(db_set_today(fx->db, "2007-11-07", &fx->err), 0);
	assert_int_equal(when_today(fx->db, today, &fx->err), 0);
	assert_string_equal(today, "2007-11-07");
	assert_int_equal(db_set_today(fx->db, "next week", &fx->err), SUMMIT_INVALID);
	assert_string_equal(fx->err.msg,
	                    "got \"next week\", expected a date as YYYY-MM-DD");
	assert_int_equal(db_set_today(fx->db, NULL, &fx->err), 0);
	assert_int_equal(when_today(fx->db, today, &fx->err), 0);
	assert_int_equal(strlen(today), 10);
}

/* On a server whose zone is Pacific/Kiritimati (UTC+14), at 12:00 UTC on
 * 1 December it is already 2 December there, but still 1 December in
 * Bamako: today is the event's. */
static void test_today_in_the_event_zone(void **state)
{
	struct fixture *fx = *state;
	setenv("TZ", "Pacific/Kiritimati", 1);
	tzset();
	db_set_clock(fx->db, utc(2026, 12, 1, 12, 0));
	char today[WHEN_DATE_LEN], now[WHEN_TIME_LEN];
	assert_int_equal(when_today(fx->db, today, &fx->err), 0);
	assert_string_equal(today, "2026-12-01");
	when_format_local(fx->db, when_now(fx->db), now);
	assert_string_equal(now, "2026-12-01 12:00");
	/* A fixed today keeps the clock's time of day, in the event's zone. */
	db_set_today(fx->db, "2007-11-07", NULL);
	when_format_local(fx->db, when_now(fx->db), now);
	assert_string_equal(now, "2007-11-07 12:00");
	unsetenv("TZ");
	tzset();
}

/* The same instant, for an event in Kiritimati itself. */
static void test_today_in_kiritimati(void **state)
{
	struct fixture *fx = *state;
	db_set_clock(fx->db, utc(2026, 12, 1, 12, 0));
	char today[WHEN_DATE_LEN];
	assert_int_equal(when_today(fx->db, today, &fx->err), 0);
	assert_string_equal(today, "2026-12-02");
}

static int setup_kiritimati(void **state)
{
	return fixture_setup_zone(state, "Pacific/Kiritimati");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dates),
	    cmocka_unit_test_setup_teardown(test_bamako_is_utc, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_paris_across_october, setup_paris,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_paris_gap_in_march, setup_paris,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_today_is_settable, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_today_in_the_event_zone, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_today_in_kiritimati, setup_kiritimati,
	                                    fixture_teardown),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	when_cleanup();
	return failed;
}
