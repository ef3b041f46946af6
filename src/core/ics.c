#include "summit/ics.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "internal.h"
#include "summit/db.h"
#include "summit/model.h"
#include "summit/record.h"
#include "summit/when.h"
#include "ics_internal.h"

/* Where the components of a calendar go: a file, one component after the
 * other, or one resource per component (CalDAV). */
struct sink {
	struct summit_db *db;
	int (*emit)(struct sink *sink, icalcomponent *comp);
	FILE *out;
	/* For resources: the calendar shell's text around its components. */
	char *head, *tail;
	ics_resource_fn fn;
	void *ctx;
	struct summit_err *err;
	/* The same for every component: computed once per calendar. */
	char *domain;
	struct icaltimetype stamp;
};

/* Calendars written in a row from one snapshot (ics_batch_begin): the
 * text of each session once serialized, by session id. */
struct ics_batch {
	char *domain;
	struct icaltimetype stamp;
	bool own_transaction;
	size_t size, used; /* size is a power of 2 */
	struct batch_text {
		long long id;
		char *text;
	} * texts;
};

static struct batch_text *batch_slot(struct ics_batch *b, long long id)
{
	size_t i = ((size_t)id * 11400714819323198485u) >> 9 & (b->size - 1);
	while (b->texts[i].text && b->texts[i].id != id)
		i = (i + 1) & (b->size - 1);
	return &b->texts[i];
}

/* Keeps text (owned from now on) as session id's. */
static void batch_keep(struct ics_batch *b, long long id, char *text)
{
	if (2 * (b->used + 1) > b->size) {
		struct ics_batch bigger = *b;
		bigger.size = b->size ? b->size * 2 : 1024;
		bigger.texts = xcalloc(bigger.size, sizeof *bigger.texts);
		for (size_t i = 0; i < b->size; i++)
			if (b->texts[i].text)
				*batch_slot(&bigger, b->texts[i].id) = b->texts[i];
		free(b->texts);
		*b = bigger;
	}
	*batch_slot(b, id) = (struct batch_text){id, text};
	b->used++;
}

int ics_batch_begin(struct summit_db *db, struct summit_err *err)
{
	struct ics_batch *b = xcalloc(1, sizeof *b);
	b->own_transaction = !db->in_transaction;
	if (b->own_transaction &&
	    sqlite3_exec(db->conn, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		free(b);
		return err_set(err, SUMMIT_FAILED, "database: %s",
		               sqlite3_errmsg(db->conn));
	}
	b->domain = ics_uid_domain(db);
	b->stamp = icaltime_from_timet_with_zone((time_t)when_now(db), 0,
	                                         icaltimezone_get_utc_timezone());
	db->ics_batch = b;
	return SUMMIT_OK;
}

void ics_batch_end(struct summit_db *db)
{
	struct ics_batch *b = db->ics_batch;
	if (!b)
		return;
	if (b->own_transaction)
		sqlite3_exec(db->conn, "COMMIT", NULL, NULL, NULL);
	for (size_t i = 0; i < b->size; i++)
		free(b->texts[i].text);
	free(b->texts);
	free(b->domain);
	free(b);
	db->ics_batch = NULL;
}

char *ics_file_stem(const char *key)
{
	char *s = xstrdup(key);
	size_t j = 0;
	for (size_t i = 0; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		bool keep = c >= 0x80 || (c >= 'a' && c <= 'z') ||
		            (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		            c == '_' || (c == '.' && j > 0);
		if (keep)
			s[j++] = (char)c;
		else if (j > 0 && s[j - 1] != '-')
			s[j++] = '-';
	}
	while (j > 0 && s[j - 1] == '-')
		j--;
	s[j] = '\0';
	if (j == 0) {
		free(s);
		s = xstrdup("calendar");
	}
	return s;
}

/* "community-of-democracies-ministerial.summit" from the event's name. */
static char *domain_of_name(const char *name)
{
	/* Lower-case ASCII letters and digits, one '-' between words. */
	struct strbuf sb = {0};
	/* Latin-1 letters (U+00C0 to U+00FF) lose their accents. */
	static const char latin1[] = "aaaaaaaceeeeiiiidnooooo-ouuuuyts"
	                             "aaaaaaaceeeeiiiidnooooo-ouuuuyty";
	for (const char *p = name ? name : "event"; *p; p++) {
		char c = *p;
		unsigned char u = (unsigned char)p[0], v = (unsigned char)p[1];
		if ((u == 0xC3) && v >= 0x80 && v <= 0xBF) {
			c = latin1[v - 0x80];
			p++;
		}
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			strbuf_addn(&sb, &c, 1);
		else if ((unsigned char)c < 0x80 && sb.len && sb.buf[sb.len - 1] != '-')
			strbuf_add(&sb, "-");
	}
	while (sb.len && sb.buf[sb.len - 1] == '-')
		sb.buf[--sb.len] = '\0';
	char *stem = strbuf_take(&sb);
	char *domain = xasprintf("%s.summit", *stem ? stem : "event");
	free(stem);
	return domain;
}

char *ics_uid_domain(struct summit_db *db)
{
	/* The domain kept when the event was first written, else one from its
	 * name: stable across exports, distinct between events. */
	char *domain = NULL;
	sqlite3_stmt *st;
	if (db_prepare(db, "SELECT uid_domain, name FROM event WHERE id = 1", &st,
	               NULL) == SUMMIT_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			domain = sqlite3_column_type(st, 0) == SQLITE_TEXT
			             ? xstrdup((const char *)sqlite3_column_text(st, 0))
			             : domain_of_name(
			                   (const char *)sqlite3_column_text(st, 1));
		sqlite3_finalize(st);
	}
	return domain ? domain : domain_of_name("event");
}

int ics_keep_uid_domain(struct summit_db *db, struct summit_err *err)
{
	char *domain = ics_uid_domain(db);
	sqlite3_stmt *st;
	int status = db_prepare(
	    db, "UPDATE event SET uid_domain = ?1 WHERE id = 1 AND uid_domain IS NULL",
	    &st, err);
	if (!status) {
		sqlite3_bind_text(st, 1, domain, -1, SQLITE_TRANSIENT);
		int rc = sqlite3_step(st);
		if (rc != SQLITE_DONE)
			status = db_step_error(db, rc, err);
		sqlite3_finalize(st);
	}
	free(domain);
	return status;
}

struct icaltimetype ics_local_time(struct summit_db *db, long long utc)
{
	struct icaltimetype t = icaltime_from_timet_with_zone((time_t)utc, 0, db->zone);
	/* libical 3.0 leaves the result tagged UTC: tag it with the zone. */
	icaltime_set_timezone(&t, db->zone);
	return t;
}

void ics_add_owned(icalcomponent *c, icalproperty *(*make)(const char *), char *text)
{
	icalcomponent_add_property(c, make(text));
	free(text);
}

void ics_add_time(struct summit_db *db, icalcomponent *c, icalproperty_kind kind,
                  long long utc)
{
	icalproperty *p = icalproperty_new(kind);
	icalproperty_set_value(p, icalvalue_new_datetime(ics_local_time(db, utc)));
	icalproperty_add_parameter(p, icalparameter_new_tzid(db->zone_name));
	icalcomponent_add_property(c, p);
}

static void add_date(icalcomponent *c, icalproperty_kind kind, const char *date)
{
	struct icaltimetype t = icaltime_from_string(date);
	t.is_date = 1;
	icalproperty *p = icalproperty_new(kind);
	icalproperty_set_value(p, icalvalue_new_date(t));
	icalcomponent_add_property(c, p);
}

void ics_add_stamp(struct summit_db *db, icalcomponent *c)
{
	struct icaltimetype now = icaltime_from_timet_with_zone(
	    (time_t)when_now(db), 0, icaltimezone_get_utc_timezone());
	icalcomponent_add_property(c, icalproperty_new_dtstamp(now));
}

icalcomponent *ics_new_calendar(struct summit_db *db, const char *name,
                                const char *method)
{
	icalcomponent *cal = icalcomponent_vanew(
	    ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
	    icalproperty_new_prodid("-//summit//summit " PACKAGE_VERSION "//EN"),
	    icalproperty_new_calscale("GREGORIAN"), (void *)0);
	if (method)
		icalcomponent_add_property(
		    cal, icalproperty_new_method(icalproperty_string_to_method(method)));
	(void)name; /* written by calendar_name_line: libical leaves an
	             * x-property's commas unescaped */
	icalproperty *tzname = icalproperty_new_x(db->zone_name);
	icalproperty_set_x_name(tzname, "X-WR-TIMEZONE");
	icalcomponent_add_property(cal, tzname);
	/* The built-in zone's TZID has a libical prefix that calendar programs
	 * misread: carry the plain Olson name instead. */
	icalcomponent *tz = icalcomponent_new_clone(icaltimezone_get_component(db->zone));
	icalproperty *tzid = icalcomponent_get_first_property(tz, ICAL_TZID_PROPERTY);
	if (tzid)
		icalproperty_set_tzid(tzid, db->zone_name);
	else
		icalcomponent_add_property(tz, icalproperty_new_tzid(db->zone_name));
	icalcomponent_add_component(cal, tz);
	return cal;
}

static void add_text(icalcomponent *c, icalproperty *(*make)(const char *), const char *s)
{
	if (s && *s)
		icalcomponent_add_property(c, make(s));
}

static icalcomponent *new_item(struct sink *sink, icalcomponent_kind kind,
                               const char *what, long long id, long long revision)
{
	icalcomponent *c = icalcomponent_new(kind);
	ics_add_owned(c, icalproperty_new_uid,
	              xasprintf("%s-%lld@%s", what, id, sink->domain));
	icalcomponent_add_property(c, icalproperty_new_dtstamp(sink->stamp));
	icalcomponent_add_property(c, icalproperty_new_sequence((int)(revision - 1)));
	return c;
}

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? (const char *)s : "";
}

struct each {
	struct sink *sink;
	int (*row)(struct sink *, sqlite3_stmt *, long long);
	long long extra;
};

static int each_one(sqlite3_stmt *st, void *data)
{
	const struct each *e = data;
	return e->row(e->sink, st, e->extra);
}

/* Runs sql with ?1 bound to subject (when > 0) and ?2 to extra (when > 0
 * and sql has it), and calls row for each row with extra. */
static int each_row(struct sink *sink, const char *sql, long long subject,
                    int (*row)(struct sink *, sqlite3_stmt *, long long), long long extra)
{
	sqlite3_stmt *st;
	int status = db_prepare(sink->db, sql, &st, sink->err);
	if (status)
		return status;
	if (subject > 0)
		sqlite3_bind_int64(st, 1, subject);
	if (extra > 0 && sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_int64(st, 2, extra);
	return db_each_row(sink->db, st, each_one, &(struct each){sink, row, extra},
	                   sink->err);
}

/* --- sessions -------------------------------------------------------- */

#define SESSION_COLUMNS                                                                  \
	"SELECT s.id, s.revision, s.title, s.kind, r.name, v.name, s.start, s.\"end\","  \
	" s.status, s.description, s.attendance,"                                        \
	" (SELECT group_concat(code, ' ') FROM (SELECT d.code FROM session_delegations"  \
	"   l JOIN delegations d ON d.id = l.ref WHERE l.owner = s.id ORDER BY d.code))" \
	" FROM sessions s JOIN rooms r ON r.id = s.room JOIN venues v ON v.id = "        \
	"r.venue "

static icalcomponent *session_component(struct sink *sink, sqlite3_stmt *st)
{
	struct summit_db *db = sink->db;
	icalcomponent *c =
	    new_item(sink, ICAL_VEVENT_COMPONENT, "session", sqlite3_column_int64(st, 0),
	             sqlite3_column_int64(st, 1));
	ics_add_time(db, c, ICAL_DTSTART_PROPERTY, sqlite3_column_int64(st, 6));
	ics_add_time(db, c, ICAL_DTEND_PROPERTY, sqlite3_column_int64(st, 7));
	icalcomponent_add_property(c, icalproperty_new_summary(col(st, 2)));
	ics_add_owned(c, icalproperty_new_location,
	              xasprintf("%s, %s", col(st, 4), col(st, 5)));
	struct strbuf desc = {0};
	strbuf_add(&desc, col(st, 9));
	const char *att = col(st, 10);
	const char *who = strcmp(att, "all") == 0            ? "all delegations"
	                  : strcmp(att, "participants") == 0 ? "participating delegations"
	                                                     : NULL;
	if (desc.len)
		strbuf_add(&desc, "\n");
	if (who)
		strbuf_addf(&desc, "Open to %s.", who);
	else
		strbuf_addf(&desc, "Delegations: %s.", col(st, 11));
	icalcomponent_add_property(c, icalproperty_new_description(desc.buf));
	strbuf_free(&desc);
	icalcomponent_add_property(c, icalproperty_new_categories(col(st, 3)));
	bool cancelled = strcmp(col(st, 8), "cancelled") == 0;
	icalcomponent_add_property(
	    c, icalproperty_new_status(cancelled ? ICAL_STATUS_CANCELLED
	                                         : ICAL_STATUS_CONFIRMED));
	return c;
}

static int session_row(struct sink *sink, sqlite3_stmt *st, long long unused)
{
	(void)unused;
	icalcomponent *c = session_component(sink, st);
	int status = sink->emit(sink, c);
	icalcomponent_free(c);
	return status;
}

static int emit_to_file(struct sink *sink, icalcomponent *comp);

/* In a batch, a session's text comes from the batch once it was written
 * for an earlier calendar; else it is read, built and kept. */
static int batch_session_row(struct sink *sink, sqlite3_stmt *ids, long long unused)
{
	(void)unused;
	struct ics_batch *b = sink->db->ics_batch;
	long long id = sqlite3_column_int64(ids, 0);
	struct batch_text *kept = b->size ? batch_slot(b, id) : NULL;
	char *text = kept && kept->text ? kept->text : NULL;
	if (!text) {
		static const char one[] = SESSION_COLUMNS "WHERE s.id = ?1";
		sqlite3_stmt *st;
		int status = SUMMIT_OK;
		if (!db_cached(sink->db, one, 0, &st))
			status = db_cache(sink->db, one, 0, one, &st, sink->err);
		if (status)
			return status;
		sqlite3_bind_int64(st, 1, id);
		int rc = sqlite3_step(st);
		if (rc != SQLITE_ROW) {
			status = db_step_error(sink->db, rc, sink->err);
			db_release(st);
			return status;
		}
		icalcomponent *c = session_component(sink, st);
		db_release(st);
		text = icalcomponent_as_ical_string_r(c);
		icalcomponent_free(c);
		if (!text)
			return err_set(sink->err, SUMMIT_FAILED,
			               "libical could not write the calendar");
		batch_keep(b, id, text);
	}
	if (fputs(text, sink->out) == EOF)
		return err_set(sink->err, SUMMIT_FAILED, "cannot write the calendar");
	return SUMMIT_OK;
}

static int emit_sessions(struct sink *sink, enum ics_scope scope, long long subject)
{
	const char *where;
	switch (scope) {
	case ICS_PROGRAMME:
		where = "";
		break;
	case ICS_ROOM:
		where = "WHERE s.room = ?1 ";
		break;
	case ICS_DELEGATION:
	case ICS_PERSON:
		/* ?1 is the delegation. */
		where = "WHERE " MODEL_SQL_DELEGATION_SESSIONS " ";
		break;
	default:
		return SUMMIT_OK;
	}
	bool batch = sink->db->ics_batch && sink->emit == emit_to_file;
	char *sql =
	    xasprintf("%s%sORDER BY s.start, s.id",
	              batch ? "SELECT s.id FROM sessions s " : SESSION_COLUMNS, where);
	int status =
	    each_row(sink, sql, subject, batch ? batch_session_row : session_row, 0);
	free(sql);
	return status;
}

/* --- hotel nights ---------------------------------------------------- */

static int night_row(struct sink *sink, sqlite3_stmt *st, long long unused)
{
	(void)unused;
	icalcomponent *c =
	    new_item(sink, ICAL_VEVENT_COMPONENT, "allocation",
	             sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1));
	/* A night is a date, not a time: all-day, so no zone applies. */
	const char *night = col(st, 4);
	int y, m, d;
	when_parse_date(night, &y, &m, &d);
	char next[WHEN_DATE_LEN];
	when_format_day(when_day_number(y, m, d) + 1, next);
	add_date(c, ICAL_DTSTART_PROPERTY, night);
	add_date(c, ICAL_DTEND_PROPERTY, next);
	ics_add_owned(c, icalproperty_new_summary,
	              xasprintf("Hotel: %s (%lld room%s)", col(st, 2),
	                        sqlite3_column_int64(st, 5),
	                        sqlite3_column_int64(st, 5) == 1 ? "" : "s"));
	ics_add_owned(c, icalproperty_new_location,
	              *col(st, 3) ? xasprintf("%s, %s", col(st, 2), col(st, 3))
	                          : xstrdup(col(st, 2)));
	ics_add_owned(c, icalproperty_new_description,
	              xasprintf("Night of %s to %s at %s.", night, next, col(st, 2)));
	icalcomponent_add_property(c, icalproperty_new_categories("hotel"));
	icalcomponent_add_property(c, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	int status = sink->emit(sink, c);
	icalcomponent_free(c);
	return status;
}

static int emit_nights(struct sink *sink, long long delegation)
{
	return each_row(sink,
	                "SELECT a.id, a.revision, h.name, h.address, a.night, a.rooms"
	                " FROM allocations a JOIN hotels h ON h.id = a.hotel"
	                " WHERE a.delegation = ?1 ORDER BY a.night, h.name",
	                delegation, night_row, 0);
}

/* --- flights --------------------------------------------------------- */

static int flight_row(struct sink *sink, sqlite3_stmt *st, long long unused)
{
	(void)unused;
	struct summit_db *db = sink->db;
	bool arrival = strcmp(col(st, 2), "arrival") == 0;
	icalcomponent *c =
	    new_item(sink, ICAL_VEVENT_COMPONENT, "arrival", sqlite3_column_int64(st, 0),
	             sqlite3_column_int64(st, 1));
	long long at = sqlite3_column_int64(st, 5);
	bool has_trip = sqlite3_column_type(st, 8) != SQLITE_NULL;
	long long start = at, end = at;
	/* From landing to the pickup's arrival; from the ride to take-off. */
	if (has_trip && arrival && sqlite3_column_int64(st, 9) > at)
		end = sqlite3_column_int64(st, 9);
	if (has_trip && !arrival && sqlite3_column_int64(st, 8) < at)
		start = sqlite3_column_int64(st, 8);
	ics_add_time(db, c, ICAL_DTSTART_PROPERTY, start);
	ics_add_time(db, c, ICAL_DTEND_PROPERTY, end);
	const char *flight = *col(st, 3) ? col(st, 3) : "flight";
	ics_add_owned(c, icalproperty_new_summary,
	              xasprintf("%s: %s%s%s", arrival ? "Arrival" : "Departure", flight,
	                        *col(st, 7) ? ", " : "", col(st, 7)));
	icalcomponent_add_property(c, icalproperty_new_location(col(st, 4)));
	char when[WHEN_TIME_LEN];
	when_format_local(db, at, when);
	struct strbuf desc = {0};
	strbuf_addf(&desc, "%s %s at %s, %s, party of %lld.", flight,
	            arrival ? "lands" : "takes off", when + 11, col(st, 4),
	            sqlite3_column_int64(st, 6));
	if (has_trip) {
		char dep[WHEN_TIME_LEN];
		when_format_local(db, sqlite3_column_int64(st, 8), dep);
		strbuf_addf(&desc, "\n%s: %s from %s to %s at %s.",
		            arrival ? "Pickup" : "Ride to the airport", col(st, 10),
		            col(st, 11), col(st, 12), dep + 11);
	}
	icalcomponent_add_property(c, icalproperty_new_description(desc.buf));
	strbuf_free(&desc);
	icalcomponent_add_property(c, icalproperty_new_categories(col(st, 2)));
	int status = sink->emit(sink, c);
	icalcomponent_free(c);
	return status;
}

static int emit_flights(struct sink *sink, long long delegation, long long person)
{
	/* A person sees the flights of the whole delegation and their own. */
	const char *sql =
	    "SELECT a.id, a.revision, a.direction, a.flight, p.name, a.time, a.party,"
	    " pe.name, t.depart, t.arrive, v.code, o.name, d.name"
	    " FROM arrivals a JOIN places p ON p.id = a.airport"
	    " LEFT JOIN people pe ON pe.id = a.person"
	    " LEFT JOIN trips t ON t.id = a.pickup"
	    " LEFT JOIN vehicles v ON v.id = t.vehicle"
	    " LEFT JOIN places o ON o.id = t.origin LEFT JOIN places d ON d.id = "
	    "t.destination"
	    " WHERE a.delegation = ?1 AND (?2 IS NULL OR a.person IS NULL OR a.person = "
	    "?2)"
	    " ORDER BY a.time, a.id";
	return each_row(sink, sql, delegation, flight_row, person);
}

/* --- trips ----------------------------------------------------------- */

/* extra: 0 for a vehicle's calendar (every rider named), else the
 * delegation whose riders alone are named. */
static int trip_row(struct sink *sink, sqlite3_stmt *st, long long delegation)
{
	struct summit_db *db = sink->db;
	long long id = sqlite3_column_int64(st, 0);
	icalcomponent *c = new_item(sink, ICAL_VEVENT_COMPONENT, "trip", id,
	                            sqlite3_column_int64(st, 1));
	ics_add_time(db, c, ICAL_DTSTART_PROPERTY, sqlite3_column_int64(st, 5));
	ics_add_time(db, c, ICAL_DTEND_PROPERTY, sqlite3_column_int64(st, 6));
	const char *kind = col(st, 2);
	ics_add_owned(c, icalproperty_new_summary,
	              xasprintf("%c%s: %s, %s to %s", kind[0] - 'a' + 'A', kind + 1,
	                        col(st, 7), col(st, 3), col(st, 4)));
	ics_add_owned(c, icalproperty_new_location,
	              *col(st, 11) ? xasprintf("%s, %s", col(st, 3), col(st, 11))
	                           : xstrdup(col(st, 3)));

	struct strbuf desc = {0};
	strbuf_addf(&desc, "Pick-up at %s. Vehicle %s (%s)", col(st, 3), col(st, 7),
	            col(st, 8));
	if (*col(st, 9))
		strbuf_addf(&desc, ", driver %s", col(st, 9));
	if (*col(st, 10))
		strbuf_addf(&desc, ", %s", col(st, 10));
	strbuf_add(&desc, ".");
	static const char riders[] = "SELECT p.name, d.code FROM trip_riders t"
	                             " JOIN people p ON p.id = t.ref"
	                             " JOIN delegations d ON d.id = p.delegation"
	                             " WHERE t.owner = ?1 AND (?2 IS NULL OR d.id = ?2)"
	                             " ORDER BY d.code, p.name";
	sqlite3_stmt *r;
	int status = SUMMIT_OK;
	if (!db_cached(db, riders, 0, &r))
		status = db_cache(db, riders, 0, riders, &r, sink->err);
	if (status) {
		strbuf_free(&desc);
		icalcomponent_free(c);
		return status;
	}
	sqlite3_bind_int64(r, 1, id);
	if (delegation > 0)
		sqlite3_bind_int64(r, 2, delegation);
	int n = 0;
	while (sqlite3_step(r) == SQLITE_ROW)
		strbuf_addf(&desc, "%s%s (%s)", n++ ? ", " : "\nRiders: ", col(r, 0),
		            col(r, 1));
	db_release(r);
	if (n)
		strbuf_add(&desc, ".");
	/* The note names other delegations' flights: only the driver's
	 * calendar carries it. */
	if (delegation <= 0 && *col(st, 12))
		strbuf_addf(&desc, "\n%s", col(st, 12));
	icalcomponent_add_property(c, icalproperty_new_description(desc.buf));
	strbuf_free(&desc);
	icalcomponent_add_property(c, icalproperty_new_categories(kind));
	status = sink->emit(sink, c);
	icalcomponent_free(c);
	return status;
}

#define TRIP_COLUMNS                                                                     \
	"SELECT t.id, t.revision, t.kind, o.name, d.name, t.depart, t.arrive, v.code,"   \
	" v.kind, v.driver, v.phone, o.address, t.note"                                  \
	" FROM trips t JOIN vehicles v ON v.id = t.vehicle"                              \
	" JOIN places o ON o.id = t.origin JOIN places d ON d.id = t.destination "

static int emit_trips(struct sink *sink, enum ics_scope scope, long long subject,
                      long long delegation)
{
	const char *where;
	if (scope == ICS_VEHICLE)
		where = "WHERE t.vehicle = ?1 ";
	else if (scope == ICS_DELEGATION)
		/* The delegation's trips found from its people and arrivals by
		 * index, not by asking every trip about its riders. */
		where = "WHERE t.id IN (SELECT r.owner FROM trip_riders r"
		        " JOIN people p ON p.id = r.ref WHERE p.delegation = ?1"
		        " UNION SELECT pickup FROM arrivals WHERE delegation = ?1) ";
	else
		where =
		    "WHERE t.id IN (SELECT owner FROM trip_riders WHERE ref = ?1"
		    " UNION SELECT pickup FROM arrivals WHERE person = ?1"
		    " OR (person IS NULL AND delegation = (SELECT delegation FROM people"
		    " WHERE id = ?1))) ";
	char *sql = xasprintf("%s%sORDER BY t.depart, t.id", TRIP_COLUMNS, where);
	int status =
	    each_row(sink, sql, subject, trip_row, scope == ICS_VEHICLE ? 0 : delegation);
	free(sql);
	return status;
}

/* --- tasks ----------------------------------------------------------- */

static int task_row(struct sink *sink, sqlite3_stmt *st, long long unused)
{
	(void)unused;
	icalcomponent *c =
	    new_item(sink, ICAL_VTODO_COMPONENT, "task", sqlite3_column_int64(st, 0),
	             sqlite3_column_int64(st, 1));
	icalcomponent_add_property(c, icalproperty_new_summary(col(st, 2)));
	add_date(c, ICAL_DUE_PROPERTY, col(st, 4));
	const char *state = col(st, 5);
	icalproperty_status s = strcmp(state, "done") == 0        ? ICAL_STATUS_COMPLETED
	                        : strcmp(state, "cancelled") == 0 ? ICAL_STATUS_CANCELLED
	                        : strcmp(state, "in-progress") == 0
	                            ? ICAL_STATUS_INPROCESS
	                            : ICAL_STATUS_NEEDSACTION;
	icalcomponent_add_property(c, icalproperty_new_status(s));
	struct strbuf desc = {0};
	if (*col(st, 3))
		strbuf_addf(&desc, "Owner: %s.", col(st, 3));
	if (*col(st, 6))
		strbuf_addf(&desc, "%s%s", desc.len ? "\n" : "", col(st, 6));
	add_text(c, icalproperty_new_description, desc.buf);
	strbuf_free(&desc);
	icalcomponent_add_property(c, icalproperty_new_categories("task"));
	int status = sink->emit(sink, c);
	icalcomponent_free(c);
	return status;
}

/* --- calendars ------------------------------------------------------- */

static const struct kind *scope_kind(enum ics_scope scope)
{
	switch (scope) {
	case ICS_DELEGATION:
		return &kind_delegations;
	case ICS_ROOM:
		return &kind_rooms;
	case ICS_VEHICLE:
		return &kind_vehicles;
	case ICS_PERSON:
		return &kind_people;
	default:
		return NULL;
	}
}

int ics_check_subject(struct summit_db *db, enum ics_scope scope, const char *key,
                      struct summit_err *err)
{
	if (!db_has_event(db))
		return err_no_event(err);
	const struct kind *kind = scope_kind(scope);
	if (!kind)
		return SUMMIT_OK;
	long long id;
	return record_find(db, kind, key, &id, err);
}

static long long one_number(struct summit_db *db, const char *sql, long long arg)
{
	sqlite3_stmt *st;
	long long v = 0;
	if (db_prepare(db, sql, &st, NULL))
		return 0;
	sqlite3_bind_int64(st, 1, arg);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static char *one_text(struct summit_db *db, const char *sql, long long arg)
{
	sqlite3_stmt *st;
	char *v = NULL;
	if (db_prepare(db, sql, &st, NULL))
		return xstrdup("");
	sqlite3_bind_int64(st, 1, arg);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = xstrdup(col(st, 0));
	sqlite3_finalize(st);
	return v ? v : xstrdup("");
}

char *ics_calendar_name(struct summit_db *db, enum ics_scope scope, const char *key)
{
	char *event = one_text(db, "SELECT name FROM event WHERE id = ?1", 1);
	long long id = 0;
	const struct kind *kind = scope_kind(scope);
	if (kind)
		record_find(db, kind, key, &id, NULL);
	char *name = NULL, *what = NULL;
	switch (scope) {
	case ICS_PROGRAMME:
		name = xasprintf("%s: programme", event);
		break;
	case ICS_TASKS:
		name = xasprintf("%s: planning tasks", event);
		break;
	case ICS_DELEGATION:
		what = one_text(db, "SELECT name FROM delegations WHERE id = ?1", id);
		name = xasprintf("%s: %s (%s)", event, what, key);
		break;
	case ICS_ROOM:
		name = xasprintf("%s: %s", event, key);
		break;
	case ICS_VEHICLE:
		what = one_text(
		    db, "SELECT coalesce(driver, '') FROM vehicles WHERE id = ?1", id);
		name = *what ? xasprintf("%s: %s (%s)", event, key, what)
		             : xasprintf("%s: %s", event, key);
		break;
	case ICS_PERSON:
		what = one_text(db, "SELECT name FROM people WHERE id = ?1", id);
		name = xasprintf("%s: %s", event, what);
		break;
	}
	free(what);
	free(event);
	return name;
}

static int emit_scope_now(struct sink *sink, enum ics_scope scope, const char *key);

/* One read transaction, so a calendar is one consistent snapshot even while
 * another planner writes (in WAL mode it does not hold them up). */
static int emit_scope(struct sink *sink, enum ics_scope scope, const char *key)
{
	struct ics_batch *batch = sink->db->ics_batch;
	bool own = !batch && !sink->db->in_transaction &&
	           sqlite3_exec(sink->db->conn, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
	sink->domain = batch ? batch->domain : ics_uid_domain(sink->db);
	sink->stamp =
	    batch ? batch->stamp
	          : icaltime_from_timet_with_zone((time_t)when_now(sink->db), 0,
	                                          icaltimezone_get_utc_timezone());
	int status = emit_scope_now(sink, scope, key);
	if (!batch)
		free(sink->domain);
	if (own)
		sqlite3_exec(sink->db->conn, status ? "ROLLBACK" : "COMMIT", NULL, NULL,
		             NULL);
	return status;
}

static int emit_scope_now(struct sink *sink, enum ics_scope scope, const char *key)
{
	struct summit_db *db = sink->db;
	long long id = 0;
	const struct kind *kind = scope_kind(scope);
	int status;
	if (kind && (status = record_find(db, kind, key, &id, sink->err)))
		return status;
	switch (scope) {
	case ICS_PROGRAMME:
		return emit_sessions(sink, scope, 0);
	case ICS_ROOM:
		return emit_sessions(sink, scope, id);
	case ICS_VEHICLE:
		return emit_trips(sink, scope, id, 0);
	case ICS_TASKS:
		return each_row(
		    sink,
		    "SELECT id, revision, title, owner, due, state, note FROM tasks"
		    " ORDER BY due, id",
		    0, task_row, 0);
	case ICS_DELEGATION:
		if ((status = emit_sessions(sink, scope, id)) ||
		    (status = emit_nights(sink, id)) ||
		    (status = emit_flights(sink, id, 0)))
			return status;
		return emit_trips(sink, scope, id, id);
	case ICS_PERSON: {
		long long delegation =
		    one_number(db, "SELECT delegation FROM people WHERE id = ?1", id);
		if ((status = emit_sessions(sink, scope, delegation)) ||
		    (status = emit_nights(sink, delegation)) ||
		    (status = emit_flights(sink, delegation, id)))
			return status;
		return emit_trips(sink, scope, id, delegation);
	}
	}
	return SUMMIT_OK;
}

/* Drops, in place, what no calendar line may carry (RFC 5545 3.3.11): C0
 * controls other than the line ends and tab, DEL and C1 controls; and the
 * bidirectional overrides that would reorder a name on screen. libical
 * escapes newlines in text, and the data's own input checks refuse the
 * rest; this keeps a file written before those checks just as clean. */
void ics_strip_controls(char *text)
{
	unsigned char *in = (unsigned char *)text, *out = in;
	for (; *in; in++) {
		if (*in == 0x7f ||
		    (*in < 0x20 && *in != '\r' && *in != '\n' && *in != '\t'))
			continue;
		if (*in == 0xc2 && in[1] >= 0x80 && in[1] <= 0x9f) {
			in++;
			continue;
		}
		if (*in == 0xe2 && ((in[1] == 0x80 && in[2] >= 0xaa && in[2] <= 0xae) ||
		                    (in[1] == 0x81 && in[2] >= 0xa6 && in[2] <= 0xa9))) {
			in += 2; /* a bidirectional override or isolate */
			continue;
		}
		*out++ = *in;
	}
	*out = '\0';
}

/* "X-WR-CALNAME:" and value as TEXT (RFC 5545 3.3.11: backslash, comma,
 * semicolon and newline escaped), folded at 75 octets between characters. */
static char *calendar_name_line(const char *value)
{
	struct strbuf sb = {0};
	strbuf_add(&sb, "X-WR-CALNAME:");
	size_t line = sb.len;
	for (const unsigned char *p = (const unsigned char *)value; *p;) {
		char piece[4];
		size_t n;
		if (*p == '\\' || *p == ',' || *p == ';' || *p == '\n') {
			piece[0] = '\\', piece[1] = *p == '\n' ? 'n' : (char)*p, n = 2;
			p++;
		} else if (*p < 0x20 || *p == 0x7f) {
			piece[0] = ' ', n = 1;
			p++;
		} else {
			size_t len = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : *p >= 0xc0 ? 2 : 1;
			for (n = 0; n < len && p[n]; n++)
				piece[n] = (char)p[n];
			p += n;
		}
		if (line + n > 75) {
			strbuf_add(&sb, "\r\n ");
			line = 1;
		}
		strbuf_addn(&sb, piece, n);
		line += n;
	}
	strbuf_add(&sb, "\r\n");
	char *text = strbuf_take(&sb);
	ics_strip_controls(text);
	return text;
}

/* The calendar's text before and after its components. */
static int split_shell(icalcomponent *cal, char **head, char **tail,
                       struct summit_err *err)
{
	char *text = icalcomponent_as_ical_string_r(cal);
	if (text)
		ics_strip_controls(text);
	char *end = text ? strstr(text, "END:VCALENDAR") : NULL;
	if (!end) {
		free(text);
		return err_set(err, SUMMIT_FAILED,
		               "libical could not write the calendar");
	}
	*tail = xstrdup(end);
	*end = '\0';
	*head = xstrdup(text);
	free(text);
	return SUMMIT_OK;
}

static int emit_to_file(struct sink *sink, icalcomponent *comp)
{
	char *text = icalcomponent_as_ical_string_r(comp);
	if (text)
		ics_strip_controls(text);
	int ok = text && fputs(text, sink->out) != EOF;
	free(text);
	if (!ok)
		return err_set(sink->err, SUMMIT_FAILED, "cannot write the calendar");
	return SUMMIT_OK;
}

int ics_export(struct summit_db *db, enum ics_scope scope, const char *key, FILE *out,
               struct summit_err *err)
{
	int status = ics_check_subject(db, scope, key, err);
	if (status)
		return status;
	char *name = ics_calendar_name(db, scope, key);
	icalcomponent *cal = ics_new_calendar(db, name, NULL);
	struct sink sink = {.db = db, .emit = emit_to_file, .out = out, .err = err};
	status = split_shell(cal, &sink.head, &sink.tail, err);
	icalcomponent_free(cal);
	if (status) {
		free(name);
		return status;
	}
	/* The name goes after BEGIN:VCALENDAR. */
	char *line = calendar_name_line(name);
	char *rest = strstr(sink.head, "\r\n");
	if (rest) {
		rest += 2;
		char *head =
		    xasprintf("%.*s%s%s", (int)(rest - sink.head), sink.head, line, rest);
		free(sink.head);
		sink.head = head;
	}
	free(line);
	free(name);
	if (fputs(sink.head, out) == EOF)
		status = err_set(err, SUMMIT_FAILED, "cannot write the calendar");
	if (!status)
		status = emit_scope(&sink, scope, key);
	if (!status && fputs(sink.tail, out) == EOF)
		status = err_set(err, SUMMIT_FAILED, "cannot write the calendar");
	free(sink.head);
	free(sink.tail);
	return status;
}

static int emit_resource(struct sink *sink, icalcomponent *comp)
{
	char *text = icalcomponent_as_ical_string_r(comp);
	if (text)
		ics_strip_controls(text);
	char *whole = xasprintf("%s%s%s", sink->head, text ? text : "", sink->tail);
	free(text);
	icalproperty *uid = icalcomponent_get_first_property(comp, ICAL_UID_PROPERTY);
	int status = sink->fn(uid ? icalproperty_get_uid(uid) : "", whole, sink->ctx);
	free(whole);
	return status;
}

int ics_each_resource(struct summit_db *db, enum ics_scope scope, const char *key,
                      ics_resource_fn fn, void *ctx, struct summit_err *err)
{
	int status = ics_check_subject(db, scope, key, err);
	if (status)
		return status;
	icalcomponent *cal = ics_new_calendar(db, NULL, NULL);
	struct sink sink = {
	    .db = db, .emit = emit_resource, .fn = fn, .ctx = ctx, .err = err};
	status = split_shell(cal, &sink.head, &sink.tail, err);
	icalcomponent_free(cal);
	if (!status)
		status = emit_scope(&sink, scope, key);
	free(sink.head);
	free(sink.tail);
	return status;
}
