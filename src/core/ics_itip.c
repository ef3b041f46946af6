/* Invitations as iTIP requests, their replies, and sessions read from
 * another calendar program's file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ics_internal.h"
#include "internal.h"
#include "summit/db.h"
#include "summit/ics.h"
#include "summit/invitation.h"
#include "summit/record.h"
#include "summit/text.h"
#include "summit/when.h"

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? (const char *)s : "";
}

static const char *strip_mailto(const char *address)
{
	return strncasecmp(address, "mailto:", 7) == 0 ? address + 7 : address;
}

/* Whether an address can go into a CAL-ADDRESS: libical writes the value
 * raw, so a line break in it would start a property of its own
 * ("X-INJECTED:1"), and a space, quote or control has no place in a
 * mailto: URI either. */
static bool plain_address(const char *address)
{
	for (const unsigned char *p = (const unsigned char *)address; *p; p++)
		if (*p <= ' ' || *p == 0x7f || *p == '"' || *p == '<' || *p == '>' ||
		    (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0xa0))
			return false;
	return true;
}

/* A parameter value (CN) with no control characters: libical quotes it and
 * encodes newlines and quotes (RFC 6868); the rest is not text. The caller
 * frees it. */
static char *plain_parameter(const char *value)
{
	char *copy = xstrdup(value);
	for (unsigned char *p = (unsigned char *)copy; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return copy;
}

/* A date as an iCalendar DATE value, `after` days later. */
static bool day_value(const char *date, int after, struct icaltimetype *t)
{
	int y, m, d;
	if (!when_parse_date(date, &y, &m, &d))
		return false;
	char day[WHEN_DATE_LEN];
	when_format_day(when_day_number(y, m, d) + after, day);
	when_parse_date(day, &y, &m, &d);
	*t = icaltime_null_date();
	t->year = y, t->month = m, t->day = d;
	return true;
}

int ics_export_invitation(struct summit_db *db, const char *code, const char *organizer,
                          FILE *out, struct summit_err *err)
{
	if (!db_has_event(db))
		return err_no_event(err);
	if (!organizer || !*strip_mailto(organizer) || strchr(organizer, '@') == NULL ||
	    !plain_address(organizer)) {
		char *shown = text_sanitize(organizer, 0);
		int status =
		    err_field(err, "organizer",
		              "got \"%s\", expected the host's address (no spaces "
		              "or control characters)",
		              shown);
		free(shown);
		return status;
	}
	sqlite3_stmt *st;
	int status = db_prepare(
	    db,
	    "SELECT i.id, d.name, d.email, d.status, e.name, e.city, e.country,"
	    " e.first_day, e.last_day, e.revision, i.channel, v.name"
	    " FROM delegations d JOIN event e ON e.id = 1"
	    " LEFT JOIN invitations i ON i.delegation = d.id"
	    " LEFT JOIN delegations v ON v.id = i.via WHERE d.code = ?1",
	    &st, err);
	if (status)
		return status;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE
		           ? err_set(err, SUMMIT_NOT_FOUND, "no delegation \"%s\"", code)
		           : db_step_error(db, rc, err);
	}
	if (sqlite3_column_type(st, 0) == SQLITE_NULL) {
		sqlite3_finalize(st);
		return err_set(
		    err, SUMMIT_NOT_FOUND,
		    "delegation %s has no invitation: add one with `summit add "
		    "invitations delegation=%s`",
		    code, code);
	}
	if (*col(st, 2) && !plain_address(col(st, 2))) {
		char *shown = text_sanitize(col(st, 2), 0);
		sqlite3_finalize(st);
		status = err_field(err, "email",
		                   "delegation %s: got \"%s\", not an address that can "
		                   "go into a calendar, expected one without spaces or "
		                   "control characters (summit set delegations %s "
		                   "email=...)",
		                   code, shown, code);
		free(shown);
		return status;
	}
	if (!*col(st, 2)) {
		sqlite3_finalize(st);
		return err_field(
		    err, "email",
		    "delegation %s has no email, expected the address its "
		    "invitation goes to (summit set delegations %s email=...)",
		    code, code);
	}
	/* The meeting's days, as all-day dates (DTEND the day after the last,
	 * RFC 5545 3.6.1): midnight to midnight reads as a 48-hour block in
	 * calcurse and khal. */
	struct icaltimetype first, last;
	if (!day_value(col(st, 7), 0, &first) || !day_value(col(st, 8), 1, &last)) {
		status = err_set(err, SUMMIT_INVALID,
		                 "the event's days \"%s\" to \"%s\" are "
		                 "not dates, expected YYYY-MM-DD",
		                 col(st, 7), col(st, 8));
		sqlite3_finalize(st);
		return status;
	}
	char *domain = ics_uid_domain(db);
	char *uid = xasprintf("invitation-%lld@%s", sqlite3_column_int64(st, 0), domain);
	free(domain);

	icalcomponent *cal = ics_new_calendar(db, NULL, "REQUEST");
	icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	free(uid);
	ics_add_stamp(db, ev);
	/* The meeting's revision: it grows when its name or days change. */
	icalcomponent_add_property(
	    ev, icalproperty_new_sequence((int)(sqlite3_column_int64(st, 9) - 1)));
	icalcomponent_add_property(ev, icalproperty_new_dtstart(first));
	icalcomponent_add_property(ev, icalproperty_new_dtend(last));
	icalcomponent_add_property(ev, icalproperty_new_summary(col(st, 4)));
	ics_add_owned(ev, icalproperty_new_location,
	              xasprintf("%s, %s", col(st, 5), col(st, 6)));
	ics_add_owned(ev, icalproperty_new_description,
	              *col(st, 11)
	                  ? xasprintf("Invitation of %s to the %s, %s to %s, delivered "
	                              "through %s.",
	                              col(st, 1), col(st, 4), col(st, 7), col(st, 8),
	                              col(st, 11))
	                  : xasprintf("Invitation of %s to the %s, %s to %s.", col(st, 1),
	                              col(st, 4), col(st, 7), col(st, 8)));
	icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CONFIRMED));

	char *org = xasprintf("mailto:%s", strip_mailto(organizer));
	icalproperty *p = icalproperty_new_organizer(org);
	free(org);
	char *cn = plain_parameter(col(st, 6));
	icalproperty_add_parameter(p, icalparameter_new_cn(cn));
	free(cn);
	icalcomponent_add_property(ev, p);
	char *att = xasprintf("mailto:%s", strip_mailto(col(st, 2)));
	p = icalproperty_new_attendee(att);
	free(att);
	cn = plain_parameter(col(st, 1));
	icalproperty_add_parameter(p, icalparameter_new_cn(cn));
	free(cn);
	/* Observers and guests are welcome; participants are expected. */
	bool participant = strcmp(col(st, 3), "participant") == 0;
	icalproperty_add_parameter(
	    p, icalparameter_new_role(participant ? ICAL_ROLE_REQPARTICIPANT
	                                          : ICAL_ROLE_OPTPARTICIPANT));
	icalproperty_add_parameter(p,
	                           icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
	icalproperty_add_parameter(p, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
	icalcomponent_add_property(ev, p);
	sqlite3_finalize(st);

	icalcomponent_add_component(cal, ev);
	char *text = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (text)
		ics_strip_controls(text);
	if (!text || fputs(text, out) == EOF)
		status = err_set(err, SUMMIT_FAILED, "cannot write the invitation");
	free(text);
	return status;
}

/* --- reading files --------------------------------------------------- */

/* The line where the n-th (from 0) VEVENT begins, and within it the first
 * line of property prop (or the BEGIN line when prop is NULL or absent). */
static long event_line(const char *text, int n, const char *prop)
{
	long line = 1, begin = 0;
	int seen = -1;
	size_t plen = prop ? strlen(prop) : 0;
	for (const char *p = text; *p;) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (len >= 12 && strncasecmp(p, "BEGIN:VEVENT", 12) == 0 && ++seen == n) {
			begin = line;
			if (!prop)
				return line;
		} else if (begin && len >= 10 && strncasecmp(p, "END:VEVENT", 10) == 0) {
			return begin;
		} else if (begin && len > plen && strncasecmp(p, prop, plen) == 0 &&
		           (p[plen] == ':' || p[plen] == ';')) {
			return line;
		}
		if (!eol)
			break;
		p = eol + 1;
		line++;
	}
	return begin ? begin : 1;
}

static int at_line(struct summit_err *err, const char *name, long line, const char *field,
                   const char *msg)
{
	char copy[64]; /* field may be err->field itself */
	snprintf(copy, sizeof copy, "%s", field);
	if (err)
		snprintf(err->field, sizeof err->field, "%s", copy);
	return err_set(err, SUMMIT_INVALID, "%s:%ld: %s%s%s", name, line, copy,
	               *copy ? ": " : "", msg);
}

/* Parses text into a VCALENDAR, refusing what libical had to skip. */
static int parse_calendar(const char *name, const char *text, icalcomponent **cal,
                          struct summit_err *err)
{
	*cal = icalparser_parse_string(text);
	if (!*cal || icalcomponent_isa(*cal) != ICAL_VCALENDAR_COMPONENT) {
		if (*cal)
			icalcomponent_free(*cal);
		*cal = NULL;
		return err_set(err, SUMMIT_INVALID,
		               "%s:1: not an iCalendar file, expected BEGIN:VCALENDAR",
		               name);
	}
	if (icalcomponent_count_errors(*cal) == 0)
		return SUMMIT_OK;
	/* Name the first event holding an error, and libical's reason. */
	int n = 0;
	long line = 1;
	const char *why = "a line libical could not read";
	icalproperty *e = icalcomponent_get_first_property(*cal, ICAL_XLICERROR_PROPERTY);
	if (e)
		why = icalproperty_get_xlicerror(e);
	for (icalcomponent *c =
	         icalcomponent_get_first_component(*cal, ICAL_ANY_COMPONENT);
	     c && !e; c = icalcomponent_get_next_component(*cal, ICAL_ANY_COMPONENT)) {
		bool is_event = icalcomponent_isa(c) == ICAL_VEVENT_COMPONENT;
		e = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);
		if (e) {
			why = icalproperty_get_xlicerror(e);
			if (is_event)
				line = event_line(text, n, NULL);
		}
		n += is_event;
	}
	/* libical ends its reason with the text it could not read: find that
	 * line from the event on. */
	const char *bad = strrchr(why, ':');
	if (bad && bad[1] == ' ' && bad[2]) {
		size_t blen = strlen(bad + 2);
		long l = 1;
		for (const char *p = text; *p; l++) {
			const char *eol = strchr(p, '\n');
			size_t len = eol ? (size_t)(eol - p) : strlen(p);
			if (len && p[len - 1] == '\r')
				len--;
			if (l >= line && len == blen && strncmp(p, bad + 2, blen) == 0) {
				line = l;
				break;
			}
			if (!eol)
				break;
			p = eol + 1;
		}
	}
	char *msg = xasprintf("malformed iCalendar (%s), expected RFC 5545 lines", why);
	int status = at_line(err, name, line, "", msg);
	free(msg);
	icalcomponent_free(*cal);
	*cal = NULL;
	return status;
}

static long long to_utc(struct summit_db *db, struct icaltimetype t)
{
	const icaltimezone *zone = t.zone;
	if (icaltime_is_utc(t))
		zone = icaltimezone_get_utc_timezone();
	else if (!zone)
		zone = db->zone; /* floating: the event's own clock */
	return (long long)icaltime_as_timet_with_zone(t, zone);
}

/* --- replies --------------------------------------------------------- */

/* DTSTAMP is UTC (RFC 5545 3.8.7.2), but some programs write a TZID: the
 * time is then read in that zone, the file's VTIMEZONE or an Olson name. */
static int stamp_utc(icalcomponent *cal, icalproperty *stamp, long long *utc, char *msg,
                     size_t size)
{
	struct icaltimetype t = icalproperty_get_dtstamp(stamp);
	icalparameter *tzid =
	    icalproperty_get_first_parameter(stamp, ICAL_TZID_PARAMETER);
	const icaltimezone *zone = icaltimezone_get_utc_timezone();
	if (tzid && !icaltime_is_utc(t)) {
		const char *name = icalparameter_get_tzid(tzid);
		zone = name ? icalcomponent_get_timezone(cal, name) : NULL;
		if (!zone && name)
			zone = icaltimezone_get_builtin_timezone(name);
		if (!zone) {
			snprintf(msg, size,
			         "got TZID=%s, an unknown time zone, expected an Olson "
			         "name or a VTIMEZONE in the file",
			         name ? name : "");
			return SUMMIT_INVALID;
		}
	}
	if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t)) {
		snprintf(msg, size, "got no valid time, expected YYYYMMDDTHHMMSSZ");
		return SUMMIT_INVALID;
	}
	*utc = (long long)icaltime_as_timet_with_zone(t, zone);
	return SUMMIT_OK;
}

static int reply_event(struct summit_db *db, const char *name, const char *text, int n,
                       icalcomponent *cal, icalcomponent *ev, const char *domain,
                       ics_reply_fn fn, void *ctx, struct summit_err *err)
{
	char msg[1024];
	const char *uid = icalcomponent_get_uid(ev);
	const char *at = uid ? strrchr(uid, '@') : NULL;
	long long id = 0;
	char tail;
	if (!uid || !at || strcmp(at + 1, domain) != 0 ||
	    sscanf(uid, "invitation-%lld%c", &id, &tail) != 2 || tail != '@') {
		snprintf(
		    msg, sizeof msg,
		    "got \"%s\", which matches no invitation of this event, expected "
		    "invitation-N@%s",
		    uid ? uid : "", domain);
		return at_line(err, name, event_line(text, n, "UID"), "UID", msg);
	}
	sqlite3_stmt *st;
	int status =
	    db_prepare(db,
	               "SELECT d.code, d.email, i.state FROM invitations i"
	               " JOIN delegations d ON d.id = i.delegation WHERE i.id = ?1",
	               &st, err);
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		snprintf(
		    msg, sizeof msg,
		    "got \"%s\", which matches no invitation of this event (none has "
		    "number %lld), expected the UID of an invitation sent",
		    uid, id);
		return at_line(err, name, event_line(text, n, "UID"), "UID", msg);
	}
	char code[33], email[256], state[32]; /* a code has up to 32 characters */
	snprintf(code, sizeof code, "%s", col(st, 0));
	snprintf(email, sizeof email, "%s", col(st, 1));
	snprintf(state, sizeof state, "%s", col(st, 2));
	sqlite3_finalize(st);

	/* A reply may list other attendees too (Exchange puts the organiser
	 * first, RFC 5546 3.2.3): the answer is the invitation's address's. */
	icalproperty *first =
	    icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY);
	icalproperty *att = NULL;
	for (icalproperty *p = first; p && *email && !att;
	     p = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY)) {
		const char *address = icalproperty_get_attendee(p);
		if (address &&
		    strcasecmp(strip_mailto(address), strip_mailto(email)) == 0)
			att = p;
	}
	const char *who = att ? strip_mailto(icalproperty_get_attendee(att))
	                  : first && icalproperty_get_attendee(first)
	                      ? strip_mailto(icalproperty_get_attendee(first))
	                      : "";
	if (!att) {
		snprintf(msg, sizeof msg,
		         "got \"%s\", expected the address of %s's invitation (%s)", who,
		         code, *email ? email : "none recorded");
		return at_line(err, name, event_line(text, n, "ATTENDEE"), "ATTENDEE",
		               msg);
	}
	icalparameter *ps =
	    icalproperty_get_first_parameter(att, ICAL_PARTSTAT_PARAMETER);
	icalparameter_partstat answer =
	    ps ? icalparameter_get_partstat(ps) : ICAL_PARTSTAT_NONE;
	const char *said, *target;
	switch (answer) {
	case ICAL_PARTSTAT_ACCEPTED:
		said = "accepted", target = "accepted";
		break;
	case ICAL_PARTSTAT_DECLINED:
		said = "declined", target = "declined";
		break;
	case ICAL_PARTSTAT_TENTATIVE:
		/* Not yet an answer: the invitation is acknowledged, and the
		 * history says it was a tentative one. */
		said = "tentative", target = "acknowledged";
		break;
	default:
		snprintf(msg, sizeof msg,
		         "got PARTSTAT=%s, expected ACCEPTED, DECLINED or TENTATIVE",
		         ps ? icalparameter_get_xvalue(ps)
		                  ? icalparameter_get_xvalue(ps)
		                  : icalparameter_as_ical_string(ps)
		            : "(none)");
		return at_line(err, name, event_line(text, n, "ATTENDEE"), "PARTSTAT",
		               msg);
	}
	icalproperty *stamp = icalcomponent_get_first_property(ev, ICAL_DTSTAMP_PROPERTY);
	if (!stamp)
		return at_line(err, name, event_line(text, n, NULL), "DTSTAMP",
		               "missing, expected the time of the reply");
	long long stamped;
	if (stamp_utc(cal, stamp, &stamped, msg, sizeof msg))
		return at_line(err, name, event_line(text, n, "DTSTAMP"), "DTSTAMP", msg);
	struct ics_reply reply = {.changed = strcmp(state, target) != 0,
	                          .why = "already recorded"};
	if (!reply.changed && answer == ICAL_PARTSTAT_TENTATIVE)
		reply.why = "the invitation is acknowledged already, which is all a "
		            "tentative answer records: no history row written";
	snprintf(reply.delegation, sizeof reply.delegation, "%s", code);
	snprintf(reply.state, sizeof reply.state, "%s", said);
	if (reply.changed) {
		char when[WHEN_EXACT_LEN];
		when_format_exact(db, stamped, when);
		const char *comment = NULL;
		icalproperty *c =
		    icalcomponent_get_first_property(ev, ICAL_COMMENT_PROPERTY);
		if (c)
			comment = icalproperty_get_comment(c);
		char *note = xasprintf("iTIP reply: %s, from %s%s%s", said, who,
		                       comment ? ": " : "", comment ? comment : "");
		struct invitation_move move = {
		    .delegation = code, .state = target, .note = note, .at = when};
		status = invitation_move(db, &move, err);
		free(note);
		if (status) {
			snprintf(msg, sizeof msg, "%s", err ? err->msg : "refused");
			return at_line(err, name, event_line(text, n, NULL),
			               err ? err->field : "", msg);
		}
	}
	if (fn)
		fn(&reply, ctx);
	return SUMMIT_OK;
}

int ics_import_reply(struct summit_db *db, const char *name, const char *text,
                     ics_reply_fn fn, void *ctx, struct summit_err *err)
{
	if (!db_has_event(db))
		return err_no_event(err);
	icalcomponent *cal;
	int status = parse_calendar(name, text, &cal, err);
	if (status)
		return status;
	icalproperty *m = icalcomponent_get_first_property(cal, ICAL_METHOD_PROPERTY);
	if (!m || icalproperty_get_method(m) != ICAL_METHOD_REPLY) {
		status = err_set(
		    err, SUMMIT_INVALID,
		    "%s: got %s%s, not a reply, expected METHOD:REPLY (an answer "
		    "to an invitation)",
		    name, m ? "METHOD:" : "no METHOD",
		    m ? icalproperty_method_to_string(icalproperty_get_method(m)) : "");
		icalcomponent_free(cal);
		return status;
	}
	char *domain = ics_uid_domain(db);
	int n = 0;
	for (icalcomponent *ev =
	         icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	     ev && !status;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), n++)
		status = reply_event(db, name, text, n, cal, ev, domain, fn, ctx, err);
	if (!status && n == 0)
		status =
		    err_set(err, SUMMIT_INVALID,
		            "%s: no VEVENT, expected the reply to an invitation", name);
	free(domain);
	icalcomponent_free(cal);
	return status;
}

/* --- sessions -------------------------------------------------------- */

static const char *const session_kinds[] = {
    "plenary",  "working-group", "bilateral", "side-event",
    "ceremony", "civil-society", NULL};

static const char *kind_of(icalcomponent *ev)
{
	for (icalproperty *p =
	         icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY);
	     p; p = icalcomponent_get_next_property(ev, ICAL_CATEGORIES_PROPERTY)) {
		const char *v = icalproperty_get_categories(p);
		for (int i = 0; v && session_kinds[i]; i++)
			if (strcasecmp(v, session_kinds[i]) == 0)
				return session_kinds[i];
	}
	return "plenary";
}

/* The room LOCATION names: the whole value, or what precedes ", venue". */
static int find_room(struct summit_db *db, const char *location, char **room)
{
	sqlite3_stmt *st;
	if (db_prepare(db,
	               "SELECT r.name FROM rooms r JOIN venues v ON v.id = r.venue"
	               " WHERE r.name = ?1 OR r.name || ', ' || v.name = ?1",
	               &st, NULL))
		return SUMMIT_FAILED;
	sqlite3_bind_text(st, 1, location, -1, SQLITE_STATIC);
	int found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		*room = xstrdup(col(st, 0));
	sqlite3_finalize(st);
	return found ? SUMMIT_OK : SUMMIT_NOT_FOUND;
}

static char *room_names(struct summit_db *db)
{
	struct strbuf sb = {0};
	sqlite3_stmt *st;
	if (!db_prepare(db, "SELECT name FROM rooms ORDER BY name", &st, NULL)) {
		while (sqlite3_step(st) == SQLITE_ROW)
			strbuf_addf(&sb, "%s%s", sb.len ? ", " : "", col(st, 0));
		sqlite3_finalize(st);
	}
	if (!sb.len)
		strbuf_add(&sb, "(none: add rooms first)");
	return strbuf_take(&sb);
}

static int session_event(struct summit_db *db, const char *name, const char *text, int n,
                         icalcomponent *ev, struct summit_err *err)
{
	char msg[1024];
	const char *title = icalcomponent_get_summary(ev);
	if (!title || !*title)
		return at_line(err, name, event_line(text, n, NULL), "SUMMARY",
		               "missing, expected the session's title");
	icalproperty *ps = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
	if (!ps)
		return at_line(err, name, event_line(text, n, NULL), "DTSTART",
		               "missing, expected the session's start");
	struct icaltimetype start = icalcomponent_get_dtstart(ev);
	struct icaltimetype end = icalcomponent_get_dtend(ev);
	if (start.is_date)
		return at_line(err, name, event_line(text, n, "DTSTART"), "DTSTART",
		               "got a whole day, expected a start time");
	icalparameter *tzid = icalproperty_get_first_parameter(ps, ICAL_TZID_PARAMETER);
	if (tzid && !start.zone) {
		snprintf(msg, sizeof msg,
		         "got TZID=%s, an unknown time zone, expected an Olson name or a "
		         "VTIMEZONE in the file",
		         icalparameter_get_tzid(tzid));
		return at_line(err, name, event_line(text, n, "DTSTART"), "DTSTART", msg);
	}
	if (icaltime_is_null_time(end))
		return at_line(err, name, event_line(text, n, NULL), "DTEND",
		               "missing, expected DTEND or DURATION");
	long long s = to_utc(db, start), e = to_utc(db, end);
	const char *location = icalcomponent_get_location(ev);
	char *room = NULL;
	if (!location || !*location || find_room(db, location, &room)) {
		char *rooms = room_names(db);
		snprintf(msg, sizeof msg,
		         "got \"%s\", an unknown room, expected one of: %s",
		         location ? location : "", rooms);
		free(rooms);
		return at_line(err, name, event_line(text, n, "LOCATION"), "LOCATION",
		               msg);
	}
	icalproperty *st_prop =
	    icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY);
	bool cancelled =
	    st_prop && icalproperty_get_status(st_prop) == ICAL_STATUS_CANCELLED;
	/* The instants as they are, even in the hour repeated in autumn. */
	char from[WHEN_EXACT_LEN], to[WHEN_EXACT_LEN];
	when_format_exact(db, s, from);
	when_format_exact(db, e, to);
	const char *desc = icalcomponent_get_description(ev);
	char *values[SESSION_FIELD_COUNT] = {
	    [SESSION_TITLE] = (char *)title,
	    [SESSION_KIND] = (char *)kind_of(ev),
	    [SESSION_ROOM] = room,
	    [SESSION_START] = from,
	    [SESSION_END] = to,
	    [SESSION_STATUS] = cancelled ? "cancelled" : NULL,
	    [SESSION_DESCRIPTION] = desc && *desc ? (char *)desc : NULL};
	struct summit_err inner;
	err_clear(&inner);
	int status = record_insert(db, &kind_sessions, values, NULL, &inner);
	free(room);
	if (status) {
		static const char *const props[SESSION_FIELD_COUNT] = {
		    [SESSION_TITLE] = "SUMMARY",
		    [SESSION_KIND] = "CATEGORIES",
		    [SESSION_ROOM] = "LOCATION",
		    [SESSION_START] = "DTSTART",
		    [SESSION_END] = "DTEND",
		    [SESSION_STATUS] = "STATUS",
		    [SESSION_DESCRIPTION] = "DESCRIPTION"};
		const char *prop = NULL;
		int f = kind_field_index(&kind_sessions, inner.field);
		if (f >= 0 && f < SESSION_FIELD_COUNT)
			prop = props[f];
		snprintf(msg, sizeof msg, "%s", inner.msg);
		return at_line(err, name, event_line(text, n, prop),
		               prop ? prop : inner.field, msg);
	}
	return SUMMIT_OK;
}

int ics_import_sessions(struct summit_db *db, const char *name, const char *text,
                        long long *count, struct summit_err *err)
{
	*count = 0;
	if (!db_has_event(db))
		return err_no_event(err);
	icalcomponent *cal;
	int status = parse_calendar(name, text, &cal, err);
	if (status)
		return status;
	int n = 0;
	for (icalcomponent *ev =
	         icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	     ev && !status;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), n++)
		status = session_event(db, name, text, n, ev, err);
	if (!status && n == 0)
		status =
		    err_set(err, SUMMIT_INVALID,
		            "%s: no VEVENT, expected the sessions of a programme", name);
	if (!status)
		*count = n;
	icalcomponent_free(cal);
	return status;
}
