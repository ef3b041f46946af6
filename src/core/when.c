#include "summit/when.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Reads exactly `width` digits. */
static bool digits(const char *s, int width, int *out)
{
	int v = 0;
	for (int i = 0; i < width; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static bool parse_date_prefix(const char *s, int *y, int *m, int *d)
{
	return digits(s, 4, y) && s[4] == '-' && digits(s + 5, 2, m) && s[7] == '-' &&
	       digits(s + 8, 2, d) && *y >= 1900 && *m >= 1 && *m <= 12 && *d >= 1 &&
	       *d <= days_in_month(*y, *m);
}

bool when_parse_date(const char *text, int *year, int *month, int *day)
{
	return strlen(text) == 10 && parse_date_prefix(text, year, month, day);
}

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
long when_day_number(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void when_format_day(long z, char out[WHEN_DATE_LEN])
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1);
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);
	int y = (int)(yoe + era * 400 + (m <= 2));
	char buf[48];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y % 10000, m, d);
	memcpy(out, buf, WHEN_DATE_LEN - 1);
	out[WHEN_DATE_LEN - 1] = '\0';
}

bool when_zone_exists(const char *zone)
{
	return icaltimezone_get_builtin_timezone(zone) != NULL;
}

static int need_zone(struct summit_db *db, struct summit_err *err)
{
	if (!db->zone)
		return err_set(err, SUMMIT_INVALID,
		               "the event has no time zone yet: create the event first");
	return SUMMIT_OK;
}

static long long local_to_utc(icaltimezone *zone, int y, int mo, int d, int h, int mi,
                              int s)
{
	struct icaltimetype t = icaltime_null_time();
	t.year = y, t.month = mo, t.day = d;
	t.hour = h, t.minute = mi, t.second = s;
	t.is_date = 0;
	icaltime_set_timezone(&t, zone);
	return (long long)icaltime_as_timet_with_zone(t, zone);
}

/* "YYYY-MM-DDTHH:MMZ" or "...:SSZ": an instant, the same in every zone. */
static bool parse_utc(const char *text, long long *utc)
{
	int y, mo, d, h, mi, s = 0;
	size_t n = strlen(text);
	if ((n != 17 && n != 20) || !parse_date_prefix(text, &y, &mo, &d) ||
	    text[10] != 'T' || !digits(text + 11, 2, &h) || text[13] != ':' ||
	    !digits(text + 14, 2, &mi) || h > 23 || mi > 59 || text[n - 1] != 'Z' ||
	    (n == 20 && (text[16] != ':' || !digits(text + 17, 2, &s) || s > 59)))
		return false;
	*utc = when_day_number(y, mo, d) * 86400LL + h * 3600 + mi * 60 + s;
	return true;
}

int when_parse_local(struct summit_db *db, const char *text, long long *utc,
                     struct summit_err *err)
{
	int status = need_zone(db, err);
	if (status)
		return status;
	int y, mo, d, h, mi, s = 0;
	size_t n = strlen(text);
	if (parse_utc(text, utc))
		return SUMMIT_OK;
	bool ok = (n == 16 || n == 19) && parse_date_prefix(text, &y, &mo, &d) &&
	          (text[10] == ' ' || text[10] == 'T') && digits(text + 11, 2, &h) &&
	          text[13] == ':' && digits(text + 14, 2, &mi) && h < 24 && mi < 60 &&
	          (n == 16 || (text[16] == ':' && digits(text + 17, 2, &s) && s < 60));
	if (!ok)
		return err_set(
		    err, SUMMIT_INVALID,
		    "got \"%s\", expected a time as YYYY-MM-DD HH:MM (%s time)", text,
		    db->zone_name);
	*utc = local_to_utc(db->zone, y, mo, d, h, mi, s);
	/* A time skipped when clocks go forward does not round-trip. */
	struct icaltimetype back =
	    icaltime_from_timet_with_zone((time_t)*utc, 0, db->zone);
	if (back.year != y || back.month != mo || back.day != d || back.hour != h ||
	    back.minute != mi)
		return err_set(err, SUMMIT_INVALID,
		               "got \"%s\", a time that does not exist in %s (the clocks "
		               "skip it), expected a time that does",
		               text, db->zone_name);
	return SUMMIT_OK;
}

void when_format_local(struct summit_db *db, long long utc, char out[WHEN_TIME_LEN])
{
	struct icaltimetype t = icaltime_from_timet_with_zone(
	    (time_t)utc, 0, db->zone ? db->zone : icaltimezone_get_utc_timezone());
	char buf[80];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", t.year % 10000, t.month,
	         t.day, t.hour, t.minute);
	memcpy(out, buf, WHEN_TIME_LEN - 1);
	out[WHEN_TIME_LEN - 1] = '\0';
}

void when_format_exact(struct summit_db *db, long long utc, char out[WHEN_EXACT_LEN])
{
	char local[WHEN_TIME_LEN];
	when_format_local(db, utc, local);
	long long back;
	/* The minute it names, as the local text does. */
	long long minute = utc - ((utc % 60) + 60) % 60;
	if (db->zone && when_parse_local(db, local, &back, NULL) == 0 && back == minute) {
		snprintf(out, WHEN_EXACT_LEN, "%s", local);
		return;
	}
	char day[WHEN_DATE_LEN];
	long days = (long)((minute >= 0 ? minute : minute - 86399) / 86400);
	long long rest = minute - days * 86400LL;
	when_format_day(days, day);
	char buf[48];
	snprintf(buf, sizeof buf, "%sT%02d:%02dZ", day, (int)(rest / 3600),
	         (int)(rest / 60 % 60));
	memcpy(out, buf, WHEN_EXACT_LEN - 1);
	out[WHEN_EXACT_LEN - 1] = '\0';
}

int when_day_bounds(struct summit_db *db, const char *date, long long *start,
                    long long *end, struct summit_err *err)
{
	int status = need_zone(db, err);
	if (status)
		return status;
	return when_zone_day_bounds(db->zone_name, date, start, end, err);
}

int when_zone_day_bounds(const char *zone_name, const char *date, long long *start,
                         long long *end, struct summit_err *err)
{
	icaltimezone *zone = icaltimezone_get_builtin_timezone(zone_name);
	int y, m, d;
	if (!zone)
		return err_set(err, SUMMIT_INVALID, "unknown time zone \"%s\"",
		               zone_name);
	if (!when_parse_date(date, &y, &m, &d))
		return err_set(err, SUMMIT_INVALID,
		               "got \"%s\", expected a date as YYYY-MM-DD", date);
	char next[WHEN_DATE_LEN];
	when_format_day(when_day_number(y, m, d) + 1, next);
	*start = local_to_utc(zone, y, m, d, 0, 0, 0);
	when_parse_date(next, &y, &m, &d);
	*end = local_to_utc(zone, y, m, d, 0, 0, 0);
	return SUMMIT_OK;
}

static long long clock_now(struct summit_db *db)
{
	return db->clock ? db->clock : (long long)time(NULL);
}

int when_today(struct summit_db *db, char out[WHEN_DATE_LEN], struct summit_err *err)
{
	(void)err;
	if (db->today[0]) {
		memcpy(out, db->today, WHEN_DATE_LEN);
		return SUMMIT_OK;
	}
	char now[WHEN_TIME_LEN];
	when_format_local(db, clock_now(db), now);
	snprintf(out, WHEN_DATE_LEN, "%.10s", now);
	return SUMMIT_OK;
}

long long when_now(struct summit_db *db)
{
	long long now = clock_now(db), start, end;
	if (!db->today[0] || when_day_bounds(db, db->today, &start, &end, NULL))
		return now;
	char clock[WHEN_TIME_LEN];
	when_format_local(db, now, clock);
	int h = atoi(clock + 11), m = atoi(clock + 14);
	return start + h * 3600 + m * 60 + now % 60;
}

void when_cleanup(void)
{
	icaltimezone_free_builtin_timezones();
}
