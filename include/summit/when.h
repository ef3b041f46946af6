/* Dates and times. Times are stored as UTC seconds and entered and shown
 * in the event's time zone, converted with libical's zone data (tzdata). */
#ifndef SUMMIT_WHEN_H
#define SUMMIT_WHEN_H

#include <stdbool.h>

struct summit_db;
struct summit_err;

#define WHEN_TIME_LEN 17 /* "YYYY-MM-DD HH:MM" and its NUL */
#define WHEN_DATE_LEN 11

/* A real calendar date as YYYY-MM-DD. */
bool when_parse_date(const char *text, int *year, int *month, int *day);
/* Days from 1970-01-01 to the date (negative before). */
long when_day_number(int year, int month, int day);
/* The date `days` after 1970-01-01, as YYYY-MM-DD. */
void when_format_day(long days, char out[WHEN_DATE_LEN]);
bool when_zone_exists(const char *zone);

/* "YYYY-MM-DD HH:MM" (or with T, optional :SS) in the event's zone, or an
 * instant in UTC as "YYYY-MM-DDTHH:MM[:SS]Z". */
int when_parse_local(struct summit_db *db, const char *text, long long *utc,
                     struct summit_err *err);
void when_format_local(struct summit_db *db, long long utc, char out[WHEN_TIME_LEN]);
#define WHEN_EXACT_LEN 18 /* "YYYY-MM-DDTHH:MMZ" and its NUL */
/* The minute of utc in a form when_parse_local reads back as that very
 * instant: the local time, or the UTC form in the hour repeated when the
 * clocks go back (where the local text names two instants). */
void when_format_exact(struct summit_db *db, long long utc, char out[WHEN_EXACT_LEN]);
/* The UTC instants of local midnight at the start of a date and of the next. */
int when_day_bounds(struct summit_db *db, const char *date, long long *start,
                    long long *end, struct summit_err *err);

/* The same in a zone named by its Olson name. */
int when_zone_day_bounds(const char *zone, const char *date, long long *start,
                         long long *end, struct summit_err *err);

/* Today's date in the event's zone (UTC before there is an event): the
 * date the front end fixed with db_set_today (--today, $SUMMIT_TODAY),
 * else the date of the clock (db_set_clock) there. One place, reached
 * through the connection and not the process environment, so a test can
 * fix "today" and "now". */
int when_today(struct summit_db *db, char out[WHEN_DATE_LEN], struct summit_err *err);

/* Now as UTC seconds: the clock's, or with a fixed today, that date at the
 * clock's time of day in the event's zone. */
long long when_now(struct summit_db *db);

/* Frees the zone data libical cached; call once at exit. */
void when_cleanup(void);

#endif
