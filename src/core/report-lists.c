/* The lists the protocol office prints: rooming lists, driver manifests
 * and the airport welcome list. */
#include "summit/report.h"

#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "report_internal.h"
#include "summit/kind.h"
#include "summit/record.h"
#include "summit/when.h"

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
		report_add(r, REPORT_TITLE, "Rooming list: %s", report_col(hotels, 1));
		if (*report_col(hotels, 2))
			report_add(r, REPORT_PARAGRAPH, "%s", report_col(hotels, 2));
		static const char *const heads[] = {"delegation", "guests", "nights",
		                                    ">rooms a night", ">room-nights"};
		report_table(r, 5, heads);
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, sqlite3_column_int64(hotels, 0));
		long long total = 0;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			char nights[64], rooms[24], sum[24];
			snprintf(nights, sizeof nights, "%s to %s (%lld)",
			         report_col(st, 1), report_col(st, 2),
			         sqlite3_column_int64(st, 3));
			snprintf(rooms, sizeof rooms, "%lld",
			         sqlite3_column_int64(st, 4));
			snprintf(sum, sizeof sum, "%lld", sqlite3_column_int64(st, 5));
			total += sqlite3_column_int64(st, 5);
			const char *cells[] = {report_col(st, 0), report_col(st, 6),
			                       nights, rooms, sum};
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
			report_add(r, REPORT_TITLE, "Driver manifest: %s, %s",
			           report_col(st, 1), current_day);
			report_add(
			    r, REPORT_PARAGRAPH, "%s, %lld seats. Driver: %s%s%s%s%s.",
			    report_col(st, 2), sqlite3_column_int64(st, 3),
			    *report_col(st, 4) ? report_col(st, 4) : "not named",
			    *report_col(st, 5) ? ", " : "", report_col(st, 5),
			    *report_col(st, 6) ? ", plate " : "", report_col(st, 6));
			static const char *const heads[] = {
			    "depart",  "arrive",  "from", "to",
			    ">riders", "flights", "who"};
			report_table(r, 7, heads);
		}
		char n[24];
		snprintf(n, sizeof n, "%lld", sqlite3_column_int64(st, 14));
		const char *cells[] = {
		    depart + 11,        arrive + 11, report_col(st, 9),
		    report_col(st, 10), n,           report_col(st, 13),
		    report_col(st, 12)};
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
		snprintf(head, sizeof head, "%s%s%s%s", report_col(st, 5),
		         *report_col(st, 6) ? " (" : "", report_col(st, 6),
		         *report_col(st, 6) ? ")" : "");
		if (sqlite3_column_type(st, 7) == SQLITE_NULL) {
			snprintf(met, sizeof met, "NO PICKUP");
		} else {
			char dep[WHEN_TIME_LEN];
			when_format_local(db, sqlite3_column_int64(st, 9), dep);
			snprintf(met, sizeof met, "%s%s%s, leaves %s", report_col(st, 7),
			         *report_col(st, 8) ? ", " : "", report_col(st, 8),
			         dep + 11);
		}
		const char *cells[] = {at + 11,
		                       report_col(st, 1),
		                       report_col(st, 2),
		                       report_col(st, 3),
		                       party,
		                       head,
		                       met};
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
