/* iCalendar: exports as calendar programs need them (zones, UIDs,
 * SEQUENCE, folding), replies to invitations and sessions from a file. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* One integer from the event file, as stored (UTC seconds for times). */
static long long stored(struct fixture *fx, const char *sql)
{
	sqlite3 *conn;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open_v2(fx->path, &conn, SQLITE_OPEN_READONLY, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(conn, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(conn);
	return v;
}

static int setup_paris(void **state)
{
	return fixture_setup_zone(state, "Europe/Paris");
}

static void add_rooms(struct fixture *fx)
{
	fixture_add(fx, &kind_venues, "name=Centre Kléber", NULL);
	fixture_add(fx, &kind_rooms, "name=Salle Kléber", "venue=Centre Kléber",
	            "capacity=100", NULL);
}

/* The calendar of scope/key as text; the caller frees it. */
static char *export(struct fixture *fx, enum ics_scope scope, const char *key)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	assert_non_null(out);
	assert_int_equal(ics_export(fx->db, scope, key, out, &fx->err), 0);
	fclose(out);
	return text;
}

static int with_transaction(struct fixture *fx, int status)
{
	if (status)
		db_rollback(fx->db);
	else
		assert_int_equal(db_commit(fx->db, &fx->err), 0);
	return status;
}

static void test_times_carry_the_zone(void **state)
{
	struct fixture *fx = *state;
	add_rooms(fx);
	fixture_add(fx, &kind_sessions, "title=Ouverture", "kind=ceremony",
	            "room=Salle Kléber", "start=2007-11-14 10:00", "end=2007-11-14 12:00",
	            NULL);
	char *text = export(fx, ICS_PROGRAMME, NULL);
	assert_non_null(
	    strstr(text, "\r\nDTSTART;TZID=Europe/Paris:20071114T100000\r\n"));
	assert_non_null(strstr(text, "\r\nDTEND;TZID=Europe/Paris:20071114T120000\r\n"));
	assert_non_null(strstr(text, "\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"));
	assert_null(strstr(text, "freeassociation"));
	assert_null(strstr(text, "20071114T100000Z"));
	assert_non_null(strstr(text, "\r\nSTATUS:CONFIRMED\r\n"));
	assert_non_null(strstr(text, "\r\nCATEGORIES:ceremony\r\n"));
	free(text);
}

static void test_lines_are_folded_whole(void **state)
{
	struct fixture *fx = *state;
	add_rooms(fx);
	fixture_add(
	    fx, &kind_sessions,
	    "title=Séance réservée : démocratie, développement, sécurité, élections, "
	    "libertés, société civile et médias en Afrique de l'Ouest",
	    "kind=plenary", "room=Salle Kléber", "start=2007-11-15 10:00",
	    "end=2007-11-15 12:00", NULL);
	char *text = export(fx, ICS_PROGRAMME, NULL);
	int folded = 0;
	for (char *line = text; *line;) {
		char *end = strstr(line, "\r\n");
		assert_non_null(end); /* every line ends with CRLF */
		assert_true(end - line <= 75);
		/* A folded line never begins in the middle of a character. */
		if (line[0] == ' ') {
			folded++;
			assert_false(((unsigned char)line[1] & 0xC0) == 0x80);
		}
		line = end + 2;
	}
	assert_true(folded > 0);
	free(text);
}

static void test_uid_stays_and_sequence_grows(void **state)
{
	struct fixture *fx = *state;
	add_rooms(fx);
	long long id = fixture_add(fx, &kind_sessions, "title=Plénière", "kind=plenary",
	                           "room=Salle Kléber", "start=2007-11-15 10:00",
	                           "end=2007-11-15 12:00", NULL);
	char *before = export(fx, ICS_ROOM, "Salle Kléber");
	char uid[128];
	snprintf(uid, sizeof uid, "\r\nUID:session-%lld@", id);
	assert_non_null(strstr(before, uid));
	assert_non_null(strstr(before, "\r\nSEQUENCE:0\r\n"));
	char *changes[SESSION_FIELD_COUNT] = {0};
	changes[SESSION_START] = "2007-11-15 11:00";
	changes[SESSION_END] = "2007-11-15 13:00";
	assert_int_equal(db_begin(fx->db, &fx->err), 0);
	assert_int_equal(with_transaction(fx, record_update(fx->db, &kind_sessions, id,
	                                                    changes, 0, &fx->err)),
	                 0);
	char *after = export(fx, ICS_ROOM, "Salle Kléber");
	assert_non_null(strstr(after, uid));
	assert_non_null(strstr(after, "\r\nSEQUENCE:1\r\n"));
	assert_non_null(strstr(after, "DTSTART;TZID=Europe/Paris:20071115T110000"));
	free(before);
	free(after);
}

static void test_unknown_subject(void **state)
{
	struct fixture *fx = *state;
	FILE *out = fopen("/dev/null", "w");
	assert_int_equal(ics_export(fx->db, ICS_DELEGATION, "XXX", out, &fx->err),
	                 SUMMIT_NOT_FOUND);
	fclose(out);
}

static void test_file_stem(void **state)
{
	(void)state;
	char *s = ics_file_stem("Salle Plénière");
	assert_string_equal(s, "Salle-Plénière");
	free(s);
	s = ics_file_stem("../etc/passwd");
	assert_string_equal(s, "etc-passwd");
	free(s);
	s = ics_file_stem("BUS-1");
	assert_string_equal(s, "BUS-1");
	free(s);
}

static long long sessions(struct fixture *fx)
{
	return record_count(fx->db, &kind_sessions);
}

static void test_import_sessions(void **state)
{
	struct fixture *fx = *state;
	add_rooms(fx);
	const char *good = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
	                   "BEGIN:VEVENT\r\nUID:x@t\r\nDTSTAMP:20071001T000000Z\r\n"
	                   "DTSTART:20071115T090000Z\r\nDTEND:20071115T100000Z\r\n"
	                   "SUMMARY:Réunion\r\nLOCATION:Salle Kléber\r\nEND:VEVENT\r\n"
	                   "END:VCALENDAR\r\n";
	long long n;
	assert_int_equal(db_begin(fx->db, &fx->err), 0);
	assert_int_equal(with_transaction(fx, ics_import_sessions(fx->db, "good.ics",
	                                                          good, &n, &fx->err)),
	                 0);
	assert_int_equal(n, 1);
	assert_int_equal(sessions(fx), 1);
	/* 09:00 UTC is 10:00 in Paris in November. */
	assert_string_equal(fixture_value(fx, &kind_sessions, 1, SESSION_START),
	                    "2007-11-15 10:00");

	const char *bad = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
	                  "BEGIN:VEVENT\r\nUID:y@t\r\nDTSTAMP:20071001T000000Z\r\n"
	                  "DTSTART:20071116T090000Z\r\nDTEND:20071116T100000Z\r\n"
	                  "SUMMARY:Ailleurs\r\nLOCATION:Salle 9\r\nEND:VEVENT\r\n"
	                  "END:VCALENDAR\r\n";
	assert_int_equal(db_begin(fx->db, &fx->err), 0);
	assert_int_equal(with_transaction(fx, ics_import_sessions(fx->db, "bad.ics", bad,
	                                                          &n, &fx->err)),
	                 SUMMIT_INVALID);
	assert_non_null(strstr(fx->err.msg, "bad.ics:10: LOCATION: got \"Salle 9\""));
	assert_int_equal(sessions(fx), 1);
}

static void note(const struct ics_reply *reply, void *ctx)
{
	snprintf(ctx, 64, "%s %s %d", reply->delegation, reply->state, reply->changed);
}

static void test_invitation_and_reply(void **state)
{
	struct fixture *fx = *state;
	db_set_today(fx->db, "2007-07-02", NULL);
	fixture_add(fx, &kind_delegations, "code=SEN", "name=Sénégal", "kind=state",
	            "status=participant", "email=protocole@sen.example", NULL);
	long long id = fixture_add(fx, &kind_invitations, "delegation=SEN", NULL);
	db_set_today(fx->db, NULL, NULL);
	struct invitation_move sent = {
	    .delegation = "SEN", .state = "sent", .at = "2007-07-16 10:00"};
	assert_int_equal(db_begin(fx->db, &fx->err), 0);
	assert_int_equal(with_transaction(fx, invitation_move(fx->db, &sent, &fx->err)),
	                 0);

	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	assert_int_equal(
	    ics_export_invitation(fx->db, "SEN", "host@mali.example", out, &fx->err), 0);
	fclose(out);
	assert_non_null(strstr(text, "\r\nMETHOD:REQUEST\r\n"));
	assert_non_null(strstr(text, "ORGANIZER"));
	assert_non_null(strstr(text, "mailto:host@mali.example"));
	assert_non_null(strstr(text, "PARTSTAT=NEEDS-ACTION"));
	assert_non_null(strstr(text, "RSVP=TRUE"));
	char uid[128];
	const char *u = strstr(text, "\r\nUID:");
	assert_non_null(u);
	snprintf(uid, sizeof uid, "%.*s", (int)(strstr(u + 2, "\r\n") - u - 6), u + 6);
	free(text);
	char want[64];
	snprintf(want, sizeof want, "invitation-%lld@", id);
	assert_int_equal(strncmp(uid, want, strlen(want)), 0);

	char *reply =
	    xasprintf("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
	              "METHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:%s\r\n"
	              "DTSTAMP:20070801T120000Z\r\n"
	              "ATTENDEE;PARTSTAT=DECLINED:mailto:PROTOCOLE@sen.example\r\n"
	              "END:VEVENT\r\nEND:VCALENDAR\r\n",
	              uid);
	char said[64] = "";
	assert_int_equal(db_begin(fx->db, &fx->err), 0);
	assert_int_equal(with_transaction(fx, ics_import_reply(fx->db, "r.ics", reply,
	                                                       note, said, &fx->err)),
	                 0);
	free(reply);
	assert_string_equal(said, "SEN declined 1");
	assert_string_equal(fixture_value(fx, &kind_invitations, id, INVITATION_STATE),
	                    "declined");

	/* A reply to nothing this event sent changes nothing. */
	const char *stray = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
	                    "METHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:meeting-1@elsewhere\r\n"
	                    "DTSTAMP:20070802T120000Z\r\n"
	                    "ATTENDEE;PARTSTAT=ACCEPTED:mailto:protocole@sen.example\r\n"
	                    "END:VEVENT\r\nEND:VCALENDAR\r\n";
	assert_int_equal(db_begin(fx->db, &fx->err), 0);
	assert_int_equal(with_transaction(fx, ics_import_reply(fx->db, "s.ics", stray,
	                                                       NULL, NULL, &fx->err)),
	                 SUMMIT_INVALID);
	assert_non_null(strstr(fx->err.msg, "matches no invitation"));
	assert_string_equal(fixture_value(fx, &kind_invitations, id, INVITATION_STATE),
	                    "declined");
}

/* The night clocks go back in Paris (2007-10-28, 03:00 CEST becomes 02:00
 * CET), 02:30 happens twice: 00:30 UTC and 01:30 UTC. Each instant from a
 * file stays itself. */
static void test_import_keeps_instants_in_the_repeated_hour(void **state)
{
	struct fixture *fx = *state;
	add_rooms(fx);
	const struct kind *event = &kind_event;
	char **changes = xcalloc(event->nfields, sizeof *changes);
	changes[EVENT_FIRST_DAY] = "2007-10-27";
	assert_int_equal(db_begin(fx->db, &fx->err), 0);
	assert_int_equal(
	    with_transaction(fx, record_update(fx->db, event, 1, changes, 0, &fx->err)),
	    0);
	free(changes);
	const char *text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
	                   "BEGIN:VEVENT\r\nUID:a@t\r\nDTSTAMP:20071001T000000Z\r\n"
	                   "DTSTART:20071028T003000Z\r\nDTEND:20071028T013000Z\r\n"
	                   "SUMMARY:Veille\r\nLOCATION:Salle Kléber\r\nEND:VEVENT\r\n"
	                   "BEGIN:VEVENT\r\nUID:b@t\r\nDTSTAMP:20071001T000000Z\r\n"
	                   "DTSTART:20071028T013000Z\r\nDTEND:20071028T020000Z\r\n"
	                   "SUMMARY:Après\r\nLOCATION:Salle Kléber\r\nEND:VEVENT\r\n"
	                   "END:VCALENDAR\r\n";
	long long n;
	assert_int_equal(db_begin(fx->db, &fx->err), 0);
	assert_int_equal(with_transaction(fx, ics_import_sessions(fx->db, "fold.ics",
	                                                          text, &n, &fx->err)),
	                 0);
	assert_int_equal(n, 2);
	/* 2007-10-28 00:30 and 01:30 UTC, 01:30 and 02:00 UTC. */
	assert_int_equal(stored(fx, "SELECT start FROM sessions WHERE title = 'Veille'"),
	                 1193531400);
	assert_int_equal(
	    stored(fx, "SELECT \"end\" FROM sessions WHERE title = 'Veille'"),
	    1193535000);
	assert_int_equal(stored(fx, "SELECT start FROM sessions WHERE title = 'Après'"),
	                 1193535000);
	assert_int_equal(stored(fx, "SELECT \"end\" FROM sessions WHERE title = 'Après'"),
	                 1193536800);
	/* Outside the fold, a session is entered as local time as before. */
	assert_string_equal(fixture_value(fx, &kind_sessions, 2, SESSION_END),
	                    "2007-10-28 03:00");
}

/* An invited delegation with an address and a sent invitation; returns
 * the invitation's UID. The caller frees it. */
static char *invite(struct fixture *fx, const char *code, const char *email,
                    const char *today)
{
	db_set_today(fx->db, today, NULL);
	char *c = xasprintf("code=%s", code), *e = xasprintf("email=%s", email);
	char *d = xasprintf("delegation=%s", code);
	fixture_add(fx, &kind_delegations, c, "name=Délégation", "kind=state",
	            "status=participant", e, NULL);
	long long id = fixture_add(fx, &kind_invitations, d, NULL);
	struct invitation_move sent = {.delegation = code, .state = "sent"};
	assert_int_equal(db_begin(fx->db, &fx->err), 0);
	assert_int_equal(with_transaction(fx, invitation_move(fx->db, &sent, &fx->err)),
	                 0);
	db_set_today(fx->db, NULL, NULL);
	free(c), free(e), free(d);
	char *uid = NULL;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	assert_int_equal(
	    ics_export_invitation(fx->db, code, "host@mali.example", out, &fx->err), 0);
	fclose(out);
	const char *u = strstr(text, "\r\nUID:");
	assert_non_null(u);
	uid = xasprintf("%.*s", (int)(strstr(u + 2, "\r\n") - u - 6), u + 6);
	free(text);
	char want[64];
	snprintf(want, sizeof want, "invitation-%lld@", id);
	assert_int_equal(strncmp(uid, want, strlen(want)), 0);
	return uid;
}

static int reply(struct fixture *fx, const char *uid, const char *stamp,
                 const char *attendees, char *said)
{
	char *text = xasprintf("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
	                       "METHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:%s\r\n%s\r\n%s"
	                       "END:VEVENT\r\nEND:VCALENDAR\r\n",
	                       uid, stamp, attendees);
	assert_int_equal(db_begin(fx->db, &fx->err), 0);
	int status = with_transaction(
	    fx, ics_import_reply(fx->db, "r.ics", text, note, said, &fx->err));
	free(text);
	return status;
}

/* RFC 5545 wants DTSTAMP in UTC; with a TZID it is read in that zone. */
static void test_reply_stamp_with_a_zone(void **state)
{
	struct fixture *fx = *state;
	char *uid = invite(fx, "USA", "protocol@usa.example", "1997-02-01");
	char said[64] = "";
	assert_int_equal(
	    reply(fx, uid, "DTSTAMP;TZID=America/New_York:19970301T120000",
	          "ATTENDEE;PARTSTAT=ACCEPTED:mailto:protocol@usa.example\r\n", said),
	    0);
	assert_string_equal(said, "USA accepted 1");
	/* Noon in New York that day is 17:00 UTC. */
	assert_int_equal(stored(fx, "SELECT max(at) FROM history"), 857235600);
	assert_int_equal(
	    reply(fx, uid, "DTSTAMP;TZID=Mars/Olympus:19970302T120000",
	          "ATTENDEE;PARTSTAT=DECLINED:mailto:protocol@usa.example\r\n", said),
	    SUMMIT_INVALID);
	assert_non_null(
	    strstr(fx->err.msg, "DTSTAMP: got TZID=Mars/Olympus, an unknown"));
	free(uid);
}

/* Codes may be 32 characters long: a reply is recorded against its own
 * delegation, not one whose code is its first 31 characters. */
static void test_reply_to_a_long_code(void **state)
{
	struct fixture *fx = *state;
	char *shorter = invite(fx, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "a31@example.org",
	                       "2007-07-02");
	char *longer = invite(fx, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB", "a32@example.org",
	                      "2007-07-02");
	char said[64] = "";
	assert_int_equal(reply(fx, longer, "DTSTAMP:20070801T120000Z",
	                       "ATTENDEE;PARTSTAT=DECLINED:mailto:a32@example.org\r\n",
	                       said),
	                 0);
	assert_string_equal(said, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB declined 1");
	assert_string_equal(fixture_value(fx, &kind_invitations, 2, INVITATION_STATE),
	                    "declined");
	assert_string_equal(fixture_value(fx, &kind_invitations, 1, INVITATION_STATE),
	                    "sent");
	free(shorter);
	free(longer);
}

/* Exchange lists the organiser before the delegate who answers. */
static void test_reply_with_other_attendees(void **state)
{
	struct fixture *fx = *state;
	char *uid = invite(fx, "SEN", "protocole@sen.example", "2007-07-02");
	char said[64] = "";
	assert_int_equal(
	    reply(
	        fx, uid, "DTSTAMP:20070801T120000Z",
	        "ATTENDEE;PARTSTAT=ACCEPTED;CN=Host:mailto:host@mali.example\r\n"
	        "ATTENDEE;PARTSTAT=DECLINED;CN=Sénégal:mailto:protocole@sen.example\r\n",
	        said),
	    0);
	assert_string_equal(said, "SEN declined 1");
	assert_string_equal(fixture_value(fx, &kind_invitations, 1, INVITATION_STATE),
	                    "declined");
	/* None of them the invitation's address: refused, naming the first. */
	assert_int_equal(reply(fx, uid, "DTSTAMP:20070802T120000Z",
	                       "ATTENDEE;PARTSTAT=ACCEPTED:mailto:host@mali.example\r\n"
	                       "ATTENDEE;PARTSTAT=ACCEPTED:mailto:other@sen.example\r\n",
	                       said),
	                 SUMMIT_INVALID);
	assert_non_null(strstr(fx->err.msg,
	                       "ATTENDEE: got \"host@mali.example\", expected "
	                       "the address of SEN's invitation"));
	free(uid);
}

static void why(const struct ics_reply *r, void *ctx)
{
	snprintf(ctx, 160, "%s %s %d %s", r->delegation, r->state, r->changed,
	         r->changed ? "" : r->why);
}

/* A tentative answer to an acknowledged invitation moves nothing, and says
 * why no history row is written. */
static void test_tentative_to_acknowledged(void **state)
{
	struct fixture *fx = *state;
	char *uid = invite(fx, "SEN", "protocole@sen.example", "2007-07-02");
	struct invitation_move ack = {
	    .delegation = "SEN", .state = "acknowledged", .at = "2007-07-16 10:00"};
	assert_int_equal(db_begin(fx->db, &fx->err), 0);
	assert_int_equal(with_transaction(fx, invitation_move(fx->db, &ack, &fx->err)),
	                 0);
	long long rows = stored(fx, "SELECT count(*) FROM history");
	char *text =
	    xasprintf("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
	              "METHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:%s\r\n"
	              "DTSTAMP:20070801T120000Z\r\n"
	              "ATTENDEE;PARTSTAT=TENTATIVE:mailto:protocole@sen.example\r\n"
	              "END:VEVENT\r\nEND:VCALENDAR\r\n",
	              uid);
	char said[160] = "";
	assert_int_equal(db_begin(fx->db, &fx->err), 0);
	assert_int_equal(with_transaction(fx, ics_import_reply(fx->db, "r.ics", text, why,
	                                                       said, &fx->err)),
	                 0);
	free(text);
	assert_string_equal(said,
	                    "SEN tentative 0 the invitation is acknowledged already, "
	                    "which is all a tentative answer records: no history "
	                    "row written");
	assert_int_equal(stored(fx, "SELECT count(*) FROM history"), rows);
	free(uid);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_times_carry_the_zone, setup_paris,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_lines_are_folded_whole, setup_paris,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_uid_stays_and_sequence_grows,
	                                    setup_paris, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_unknown_subject, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test(test_file_stem),
	    cmocka_unit_test_setup_teardown(test_import_sessions, setup_paris,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_invitation_and_reply, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(
	        test_import_keeps_instants_in_the_repeated_hour, setup_paris,
	        fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_reply_stamp_with_a_zone, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_reply_to_a_long_code, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_reply_with_other_attendees,
	                                    fixture_setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_tentative_to_acknowledged, fixture_setup,
	                                    fixture_teardown),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	when_cleanup();
	return failed;
}
