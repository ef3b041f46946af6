/* Rooms for a delegation over a range of nights in one go: the hotel it
 * already sleeps in (or the last one given in this run), the nights of
 * the event by default, one allocation per night in one transaction. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

static int first_hotel(const struct plan_stay *s, void *ctx)
{
	char *hotel = ctx;
	if (!hotel[0])
		snprintf(hotel, 256, "%s", s->hotel);
	return 0;
}

static long day_of(const char *date)
{
	int y, m, d;
	return when_parse_date(date, &y, &m, &d) ? when_day_number(y, m, d) : -1;
}

bool form_allocate(struct tui *tui, long long delegation)
{
	struct summit_db *db = tui->db;
	struct record rec = {0}, event = {0};
	if (record_get(db, &kind_delegations, delegation, &rec, NULL) != SUMMIT_OK)
		return false;
	char code[128];
	snprintf(code, sizeof code, "%s", rec.values[DELEGATION_CODE]);
	record_clear(&rec);
	char hotel[256] = "";
	plan_stays(db, 0, delegation, first_hotel, hotel, NULL);
	if (!hotel[0])
		snprintf(hotel, sizeof hotel, "%s", tui->last_hotel);
	/* The nights before each day of the event, by default. */
	char range[64] = "";
	if (record_get(db, &kind_event, 1, &event, NULL) == SUMMIT_OK) {
		char first[WHEN_DATE_LEN], last[WHEN_DATE_LEN];
		when_format_day(day_of(event.values[EVENT_FIRST_DAY]) - 1, first);
		when_format_day(day_of(event.values[EVENT_LAST_DAY]) - 1, last);
		snprintf(range, sizeof range, "%s %s", first, last);
	}
	record_clear(&event);
	char label[300], chosen[256], nights[128], rooms[32];
	snprintf(label, sizeof label, "Rooms for %s at hotel:", code);
	if (!tui_prompt(tui, label, hotel, chosen, sizeof chosen) ||
	    !tui_prompt(tui, "Nights, the first and the last:", range, nights,
	                sizeof nights) ||
	    !tui_prompt(tui, "Rooms each night:", "1", rooms, sizeof rooms))
		return false;
	char from[64] = "", to[64] = "";
	if (sscanf(nights, "%63s %63s", from, to) < 1) {
		tui_message(tui, ROLE_ERROR, "Nights: expected two dates like %s.",
		            range);
		return false;
	}
	if (!to[0])
		snprintf(to, sizeof to, "%s", from);
	long a = day_of(from), b = day_of(to);
	if (a < 0 || b < 0 || b < a || b - a > 366) {
		tui_message(tui, ROLE_ERROR,
		            "Nights: got \"%s\", expected the first and the last night "
		            "as YYYY-MM-DD YYYY-MM-DD.",
		            nights);
		return false;
	}
	char **values = xcalloc(kind_allocations.nfields, sizeof *values);
	char night[WHEN_DATE_LEN];
	values[ALLOCATION_HOTEL] = chosen;
	values[ALLOCATION_DELEGATION] = code;
	values[ALLOCATION_NIGHT] = night;
	values[ALLOCATION_ROOMS] = rooms;
	struct summit_err err;
	err_clear(&err);
	int status = db_begin(db, &err);
	if (!status) {
		for (long d = a; d <= b && !status; d++) {
			when_format_day(d, night);
			long long id;
			status = record_insert(db, &kind_allocations, values, &id, &err);
		}
		status = db_end(db, status, &err);
	}
	free(values);
	if (status) {
		tui_message(tui, ROLE_ERROR, "Nothing given: %s", err.msg);
		return false;
	}
	snprintf(tui->last_hotel, sizeof tui->last_hotel, "%s", chosen);
	tui_reload(tui);
	tui_message(tui, ROLE_GOOD, "%s: %s room%s at %s for %ld night%s, %s to %s.",
	            code, rooms, strcmp(rooms, "1") ? "s" : "", chosen, b - a + 1,
	            b > a ? "s" : "", from, to);
	return true;
}
