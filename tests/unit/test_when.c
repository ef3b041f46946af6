/* Dates and times in the event's zone, with and without daylight saving. */
#include <stdlib.h>
#include <string.h>

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
	(void)state;
	char today[WHEN_DATE_LEN];
	struct summit_err err;
	setenv("SUMMIT_TODAY", "2007-11-07", 1);
	assert_int_equal(when_today(today, &err), 0);
	assert_string_equal(today, "2007-11-07");
	setenv("SUMMIT_TODAY", "next week", 1);
	assert_int_equal(when_today(today, &err), SUMMIT_INVALID);
	unsetenv("SUMMIT_TODAY");
	assert_int_equal(when_today(today, &err), 0);
	assert_int_equal(strlen(today), 10);
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
	    cmocka_unit_test(test_today_is_settable),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	when_cleanup();
	return failed;
}
