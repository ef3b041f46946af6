/* Badges and check-in in the core: allowed moves, the category that follows
 * the delegation, a scan by name without case or accents, and attendance by
 * day and by door. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

static void test_transitions(void **state)
{
	(void)state;
	assert_true(accreditation_can_move("requested", "approved"));
	assert_false(accreditation_can_move("requested", "printed"));
	assert_true(accreditation_can_move("printed", "printed"));
	assert_true(accreditation_can_move("collected", "revoked"));
	assert_false(accreditation_can_move("revoked", "approved"));
	assert_false(accreditation_can_move("approved", "print"));
}

static int scan(struct fixture *fx, const char *key, const char *at, const char *room,
                struct checkin_result *r)
{
	struct checkin_scan s = {.key = key, .at = at, .room = room};
	assert_int_equal(db_begin(fx->db, &fx->err), 0);
	int status = checkin_record(fx->db, &s, r, &fx->err);
	return db_end(fx->db, status, &fx->err);
}

static void approve(struct fixture *fx, const char *badge)
{
	struct accreditation_move m = {.badge = badge, .state = "approved"};
	assert_int_equal(db_begin(fx->db, &fx->err), 0);
	assert_int_equal(
	    db_end(fx->db, accreditation_move(fx->db, &m, &fx->err), &fx->err), 0);
}

static void add_people(struct fixture *fx)
{
	fixture_begin(fx);
	fixture_add(fx, &kind_delegations, "code=CIV", "name=Côte d'Ivoire", "kind=state",
	            "status=participant", NULL);
	fixture_add(fx, &kind_delegations, "code=AFP", "name=AFP", "kind=press",
	            "status=guest", NULL);
	fixture_add(fx, &kind_people, "delegation=CIV", "name=Aïssata Kéïta", NULL);
	fixture_add(fx, &kind_people, "delegation=AFP", "name=Marc Lenoir", NULL);
	fixture_add(fx, &kind_venues, "name=CICB", NULL);
	fixture_add(fx, &kind_rooms, "name=Plénière", "venue=CICB", "capacity=50", NULL);
	fixture_add(fx, &kind_sessions, "title=Opening", "kind=ceremony", "room=Plénière",
	            "start=2007-11-14 09:00", "end=2007-11-14 10:00", NULL);
	fixture_add(fx, &kind_accreditations, "badge=B-1", "person=1", NULL);
	fixture_add(fx, &kind_accreditations, "badge=B-2", "person=2", NULL);
	fixture_commit(fx);
}

static void test_checkin_by_name(void **state)
{
	struct fixture *fx = *state;
	add_people(fx);
	struct checkin_result r;
	assert_int_equal(scan(fx, "B-1", "2007-11-14 08:00", NULL, &r), SUMMIT_INVALID);
	assert_non_null(strstr(fx->err.msg, "only requested"));
	approve(fx, "B-1");
	approve(fx, "B-2");
	assert_int_equal(scan(fx, "AISSATA KEITA", "2007-11-14 08:00", NULL, &r), 0);
	assert_string_equal(r.badge, "B-1");
	assert_string_equal(r.category, "participant");
	assert_false(r.again);
	assert_int_equal(r.people_day, 1);
	assert_int_equal(scan(fx, "b-2", "2007-11-14 08:55", "Plénière", &r), 0);
	assert_string_equal(r.category, "press");
	assert_int_equal(r.people_room, 1);
	assert_int_equal(scan(fx, "B-1", "2007-11-14 12:00", NULL, &r), 0);
	assert_true(r.again);
	assert_int_equal(scan(fx, "Nobody", NULL, NULL, &r), SUMMIT_NOT_FOUND);
}

static void test_attendance(void **state)
{
	struct fixture *fx = *state;
	add_people(fx);
	approve(fx, "B-1");
	approve(fx, "B-2");
	struct checkin_result r;
	assert_int_equal(scan(fx, "B-1", "2007-11-14 08:00", NULL, &r), 0);
	assert_int_equal(scan(fx, "B-2", "2007-11-15 08:00", NULL, &r), 0);
	assert_int_equal(scan(fx, "B-2", "2007-11-14 08:40", "Plénière", &r), 0);
	struct attendance_day *days;
	long long n;
	assert_int_equal(attendance_by_day(fx->db, &days, &n, &fx->err), 0);
	assert_int_equal(n, 4);
	assert_string_equal(days[0].day, "2007-11-14");
	assert_int_equal(days[0].delegations, 2);
	assert_int_equal(days[1].people, 1);
	assert_int_equal(days[3].people, 0);
	free(days);
	struct attendance_session *s;
	assert_int_equal(attendance_by_session(fx->db, &s, &n, &fx->err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(s[0].title, "Opening");
	assert_int_equal(s[0].people, 1);
	free(s);
	struct attendance a;
	assert_int_equal(attendance_read(fx->db, "2007-11-14 08:30", &a, &fx->err), 0);
	assert_int_equal(a.delegations[STAGE_ACCREDITED], 2);
	assert_int_equal(a.delegations[STAGE_ATTENDED], 1);
	assert_int_equal(a.people[STAGE_ATTENDED], 1);
	attendance_clear(&a);
}

/* The list behind the dashboard's "accepted, not in yet" holds the
 * delegations attendance_read names, by the same time. */
static void test_not_in_yet(void **state)
{
	struct fixture *fx = *state;
	add_people(fx);
	fixture_begin(fx);
	fixture_add(fx, &kind_invitations, "delegation=CIV", "state=accepted", NULL);
	fixture_add(fx, &kind_invitations, "delegation=AFP", "state=accepted", NULL);
	fixture_commit(fx);
	approve(fx, "B-1");
	struct checkin_result r;
	assert_int_equal(scan(fx, "B-1", "2007-11-14 08:00", NULL, &r), 0);
	struct browse b = {.kind = &kind_delegations,
	                   .cond = browse_cond_find("accepted-not-in")};
	assert_non_null(b.cond);
	const char *times[] = {"2007-11-14 07:59", "2007-11-14 08:00", NULL};
	for (int t = 0; times[t]; t++) {
		struct attendance a;
		assert_int_equal(attendance_read(fx->db, times[t], &a, &fx->err), 0);
		b.param = times[t];
		long long n;
		assert_int_equal(browse_count(fx->db, &b, &n, &fx->err), 0);
		assert_int_equal(n, a.nabsent);
		assert_int_equal(n, t == 0 ? 2 : 1);
		attendance_clear(&a);
	}
	/* Without a time: now, which is after the scan. */
	b.param = NULL;
	long long id, n;
	assert_int_equal(browse_count(fx->db, &b, &n, &fx->err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(record_find(fx->db, &kind_delegations, "AFP", &id, &fx->err), 0);
	assert_int_equal(browse_position(fx->db, &b, id, &fx->err), 0);
	b.param = "after lunch";
	assert_int_equal(browse_count(fx->db, &b, &n, &fx->err), SUMMIT_INVALID);
	assert_non_null(strstr(fx->err.msg, "expected a time YYYY-MM-DD HH:MM"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_transitions),
	    cmocka_unit_test_setup_teardown(test_checkin_by_name, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_attendance, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_not_in_yet, fixture_setup,
	                                    fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
