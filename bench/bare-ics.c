/* The limit for `summit export ics`: the same rows read from the same file
 * with SQLite, and the same properties built with libical one event at a
 * time, serialized and written, each event freed before the next (the
 * flat-memory way FIELD-NOTES measured). No checks, no messages, no reuse
 * of one event's text in another file: what is left is libical's work.
 *
 * usage: bare-ics EVENT.db                 the programme on stdout
 *        bare-ics EVENT.db --all-delegations DIR   DIR/CODE.ics each */
#include <libical/ical.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static sqlite3 *conn;
static icaltimezone *zone;
static const char *zone_name;
static struct icaltimetype stamp;
static char domain[256];
static FILE *out;

static void die(const char *what)
{
	fprintf(stderr, "bare-ics: %s: %s\n", what, sqlite3_errmsg(conn));
	exit(1);
}

static sqlite3_stmt *prepare(const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(conn, sql, -1, &st, NULL) != SQLITE_OK)
		die(sql);
	return st;
}

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? (const char *)s : "";
}

static void add_time(icalcomponent *c, icalproperty_kind kind, long long utc)
{
	struct icaltimetype t = icaltime_from_timet_with_zone((time_t)utc, 0, zone);
	icaltime_set_timezone(&t, zone);
	icalproperty *p = icalproperty_new(kind);
	icalproperty_set_value(p, icalvalue_new_datetime(t));
	icalproperty_add_parameter(p, icalparameter_new_tzid(zone_name));
	icalcomponent_add_property(c, p);
}

static void add_date(icalcomponent *c, icalproperty_kind kind, const char *date, int plus)
{
	struct icaltimetype t = icaltime_from_string(date);
	t.is_date = 1;
	icaltime_adjust(&t, plus, 0, 0, 0);
	icalproperty *p = icalproperty_new(kind);
	icalproperty_set_value(p, icalvalue_new_date(t));
	icalcomponent_add_property(c, p);
}

static icalcomponent *item(const char *what, long long id, long long revision)
{
	char uid[320];
	snprintf(uid, sizeof uid, "%s-%lld@%s", what, id, domain);
	icalcomponent *c = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	icalcomponent_add_property(c, icalproperty_new_uid(uid));
	icalcomponent_add_property(c, icalproperty_new_dtstamp(stamp));
	icalcomponent_add_property(c, icalproperty_new_sequence((int)(revision - 1)));
	return c;
}

static long long events;

/* One event: serialized, written and freed before the next. */
static void emit(icalcomponent *c)
{
	char *text = icalcomponent_as_ical_string_r(c);
	fputs(text, out);
	free(text);
	icalcomponent_free(c);
	events++;
}

static void calendar_begin(void)
{
	icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//bare-ics//EN"));
	icalcomponent *tz = icalcomponent_new_clone(icaltimezone_get_component(zone));
	icalproperty *tzid = icalcomponent_get_first_property(tz, ICAL_TZID_PROPERTY);
	icalproperty_set_tzid(tzid, zone_name);
	icalcomponent_add_component(cal, tz);
	char *text = icalcomponent_as_ical_string_r(cal);
	*strstr(text, "END:VCALENDAR") = '\0';
	fputs(text, out);
	free(text);
	icalcomponent_free(cal);
}

#define SESSIONS                                                                         \
	"SELECT s.id, s.revision, s.title, s.kind, r.name, v.name, s.start, s.\"end\","  \
	" s.status, s.description, s.attendance,"                                        \
	" (SELECT group_concat(code, ' ') FROM (SELECT d.code FROM session_delegations"  \
	"   l JOIN delegations d ON d.id = l.ref WHERE l.owner = s.id ORDER BY d.code))" \
	" FROM sessions s JOIN rooms r ON r.id = s.room JOIN venues v ON v.id = "        \
	"r.venue "

static void sessions(sqlite3_stmt *st)
{
	char text[4096];
	while (sqlite3_step(st) == SQLITE_ROW) {
		icalcomponent *c = item("session", sqlite3_column_int64(st, 0),
		                        sqlite3_column_int64(st, 1));
		add_time(c, ICAL_DTSTART_PROPERTY, sqlite3_column_int64(st, 6));
		add_time(c, ICAL_DTEND_PROPERTY, sqlite3_column_int64(st, 7));
		icalcomponent_add_property(c, icalproperty_new_summary(col(st, 2)));
		snprintf(text, sizeof text, "%s, %s", col(st, 4), col(st, 5));
		icalcomponent_add_property(c, icalproperty_new_location(text));
		const char *att = col(st, 10);
		if (strcmp(att, "all") == 0)
			snprintf(text, sizeof text, "%s%sOpen to all delegations.",
			         col(st, 9), *col(st, 9) ? "\n" : "");
		else if (strcmp(att, "participants") == 0)
			snprintf(text, sizeof text,
			         "%s%sOpen to participating delegations.", col(st, 9),
			         *col(st, 9) ? "\n" : "");
		else
			snprintf(text, sizeof text, "%s%sDelegations: %s.", col(st, 9),
			         *col(st, 9) ? "\n" : "", col(st, 11));
		icalcomponent_add_property(c, icalproperty_new_description(text));
		icalcomponent_add_property(c, icalproperty_new_categories(col(st, 3)));
		icalcomponent_add_property(
		    c, icalproperty_new_status(strcmp(col(st, 8), "cancelled") == 0
		                                   ? ICAL_STATUS_CANCELLED
		                                   : ICAL_STATUS_CONFIRMED));
		emit(c);
	}
	sqlite3_reset(st);
}

static void nights(sqlite3_stmt *st)
{
	char text[1024];
	while (sqlite3_step(st) == SQLITE_ROW) {
		icalcomponent *c = item("allocation", sqlite3_column_int64(st, 0),
		                        sqlite3_column_int64(st, 1));
		add_date(c, ICAL_DTSTART_PROPERTY, col(st, 4), 0);
		add_date(c, ICAL_DTEND_PROPERTY, col(st, 4), 1);
		long long rooms = sqlite3_column_int64(st, 5);
		snprintf(text, sizeof text, "Hotel: %s (%lld room%s)", col(st, 2), rooms,
		         rooms == 1 ? "" : "s");
		icalcomponent_add_property(c, icalproperty_new_summary(text));
		icalcomponent_add_property(c, icalproperty_new_location(col(st, 2)));
		snprintf(text, sizeof text, "Night of %s at %s.", col(st, 4), col(st, 2));
		icalcomponent_add_property(c, icalproperty_new_description(text));
		icalcomponent_add_property(c, icalproperty_new_categories("hotel"));
		icalcomponent_add_property(
		    c, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
		emit(c);
	}
	sqlite3_reset(st);
}

static void flights(sqlite3_stmt *st)
{
	char text[1024];
	while (sqlite3_step(st) == SQLITE_ROW) {
		icalcomponent *c = item("arrival", sqlite3_column_int64(st, 0),
		                        sqlite3_column_int64(st, 1));
		add_time(c, ICAL_DTSTART_PROPERTY, sqlite3_column_int64(st, 5));
		add_time(c, ICAL_DTEND_PROPERTY, sqlite3_column_int64(st, 5));
		snprintf(text, sizeof text, "%s: %s", col(st, 2), col(st, 3));
		icalcomponent_add_property(c, icalproperty_new_summary(text));
		icalcomponent_add_property(c, icalproperty_new_location(col(st, 4)));
		snprintf(text, sizeof text, "%s at %s, party of %lld.", col(st, 3),
		         col(st, 4), sqlite3_column_int64(st, 6));
		icalcomponent_add_property(c, icalproperty_new_description(text));
		icalcomponent_add_property(c, icalproperty_new_categories(col(st, 2)));
		emit(c);
	}
	sqlite3_reset(st);
}

static void trips(sqlite3_stmt *st, sqlite3_stmt *riders, long long delegation)
{
	char text[1024];
	while (sqlite3_step(st) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		icalcomponent *c = item("trip", id, sqlite3_column_int64(st, 1));
		add_time(c, ICAL_DTSTART_PROPERTY, sqlite3_column_int64(st, 5));
		add_time(c, ICAL_DTEND_PROPERTY, sqlite3_column_int64(st, 6));
		snprintf(text, sizeof text, "%s: %s, %s to %s", col(st, 2), col(st, 7),
		         col(st, 3), col(st, 4));
		icalcomponent_add_property(c, icalproperty_new_summary(text));
		icalcomponent_add_property(c, icalproperty_new_location(col(st, 3)));
		size_t n =
		    (size_t)snprintf(text, sizeof text, "Pick-up at %s. Vehicle %s (%s).",
		                     col(st, 3), col(st, 7), col(st, 8));
		sqlite3_bind_int64(riders, 1, id);
		sqlite3_bind_int64(riders, 2, delegation);
		for (int k = 0; sqlite3_step(riders) == SQLITE_ROW && n < sizeof text;
		     k++)
			n += (size_t)snprintf(text + n, sizeof text - n, "%s%s (%s)",
			                      k ? ", " : "\nRiders: ", col(riders, 0),
			                      col(riders, 1));
		sqlite3_reset(riders);
		icalcomponent_add_property(c, icalproperty_new_description(text));
		icalcomponent_add_property(c, icalproperty_new_categories(col(st, 2)));
		emit(c);
	}
	sqlite3_reset(st);
}

int main(int argc, char **argv)
{
	if (argc != 2 && !(argc == 4 && strcmp(argv[2], "--all-delegations") == 0)) {
		fputs("usage: bare-ics EVENT.db [--all-delegations DIR]\n", stderr);
		return 2;
	}
	if (sqlite3_open_v2(argv[1], &conn, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die(argv[1]);
	sqlite3_exec(conn, "BEGIN", NULL, NULL, NULL);
	sqlite3_stmt *ev = prepare("SELECT timezone, coalesce(uid_domain, 'event.summit')"
	                           " FROM event");
	if (sqlite3_step(ev) != SQLITE_ROW)
		die("no event");
	zone_name = strdup(col(ev, 0));
	snprintf(domain, sizeof domain, "%s", col(ev, 1));
	sqlite3_finalize(ev);
	zone = icaltimezone_get_builtin_timezone(zone_name);
	stamp =
	    icaltime_from_timet_with_zone(time(NULL), 0, icaltimezone_get_utc_timezone());

	if (argc == 2) {
		out = stdout;
		calendar_begin();
		sqlite3_stmt *st = prepare(SESSIONS "ORDER BY s.start, s.id");
		sessions(st);
		sqlite3_finalize(st);
		fputs("END:VCALENDAR\r\n", out);
	} else {
		sqlite3_stmt *dl =
		    prepare("SELECT id, code FROM delegations ORDER BY code");
		sqlite3_stmt *ss = prepare(
		    SESSIONS
		    "WHERE s.attendance = 'all' OR (s.attendance = 'participants' AND"
		    " (SELECT status FROM delegations WHERE id = ?1) = 'participant')"
		    " OR s.id IN (SELECT owner FROM session_delegations WHERE ref = ?1)"
		    " ORDER BY s.start, s.id");
		sqlite3_stmt *ns =
		    prepare("SELECT a.id, a.revision, h.name, h.address, a.night,"
		            " a.rooms FROM allocations a JOIN hotels h ON h.id ="
		            " a.hotel WHERE a.delegation = ?1 ORDER BY a.night, h.name");
		sqlite3_stmt *fs =
		    prepare("SELECT a.id, a.revision, a.direction, a.flight, p.name,"
		            " a.time, a.party FROM arrivals a JOIN places p ON p.id ="
		            " a.airport WHERE a.delegation = ?1 ORDER BY a.time, a.id");
		sqlite3_stmt *ts =
		    prepare("SELECT t.id, t.revision, t.kind, o.name, d.name, t.depart, "
		            "t.arrive, v.code,"
		            " v.kind FROM trips t JOIN vehicles v ON v.id = t.vehicle"
		            " JOIN places o ON o.id = t.origin JOIN places d ON d.id = "
		            "t.destination"
		            " WHERE t.id IN (SELECT r.owner FROM trip_riders r JOIN "
		            "people p ON p.id = r.ref"
		            " WHERE p.delegation = ?1 UNION SELECT pickup FROM arrivals "
		            "WHERE delegation = ?1)"
		            " ORDER BY t.depart, t.id");
		sqlite3_stmt *rs =
		    prepare("SELECT p.name, d.code FROM trip_riders t"
		            " JOIN people p ON p.id = t.ref"
		            " JOIN delegations d ON d.id = p.delegation"
		            " WHERE t.owner = ?1 AND d.id = ?2 ORDER BY d.code, p.name");
		while (sqlite3_step(dl) == SQLITE_ROW) {
			long long id = sqlite3_column_int64(dl, 0);
			char path[4096];
			snprintf(path, sizeof path, "%s/%s.ics", argv[3], col(dl, 1));
			if (!(out = fopen(path, "w"))) {
				perror(path);
				return 1;
			}
			calendar_begin();
			sqlite3_stmt *each[] = {ss, ns, fs, ts};
			for (int i = 0; i < 4; i++)
				sqlite3_bind_int64(each[i], 1, id);
			sessions(ss);
			nights(ns);
			flights(fs);
			trips(ts, rs, id);
			fputs("END:VCALENDAR\r\n", out);
			fclose(out);
		}
		sqlite3_stmt *all[] = {dl, ss, ns, fs, ts, rs};
		for (int i = 0; i < 6; i++)
			sqlite3_finalize(all[i]);
	}
	sqlite3_exec(conn, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(conn);
	fprintf(stderr, "bare-ics: %lld events\n", events);
	icaltimezone_free_builtin_timezones();
	return 0;
}
