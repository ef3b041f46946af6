/* Generic storage: validation, defaults, revisions, references. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

static long long add_room(struct fixture *fx)
{
	fixture_add(fx, &kind_venues, "name=CICB", NULL);
	return fixture_add(fx, &kind_rooms, "name=Salle 1", "venue=CICB", "capacity=80",
	                   NULL);
}

static void test_defaults_and_text(void **state)
{
	struct fixture *fx = *state;
	long long id =
	    fixture_add(fx, &kind_delegations, "code=CIV", "name=Côte d'Ivoire",
	                "kind=state", "status=participant", NULL);
	assert_string_equal(fixture_value(fx, &kind_delegations, id, DELEGATION_NAME),
	                    "Côte d'Ivoire");
	assert_string_equal(fixture_value(fx, &kind_delegations, id, DELEGATION_SIZE),
	                    "1");
	assert_string_equal(fixture_value(fx, &kind_delegations, id, DELEGATION_HEAD),
	                    "");
}

static void test_refuses_bad_values(void **state)
{
	struct fixture *fx = *state;
	assert_int_equal(fixture_try_add(fx, &kind_delegations, "code=MLI", "name=Mali",
	                                 "kind=state", "status=participant", "size=0",
	                                 NULL),
	                 SUMMIT_INVALID);
	assert_string_equal(fx->err.field, "size");
	assert_string_equal(fx->err.msg, "got \"0\", expected a whole number above 0");
	assert_int_equal(fixture_try_add(fx, &kind_delegations, "code=MLI", "name=Mali",
	                                 "kind=country", "status=participant", NULL),
	                 SUMMIT_INVALID);
	assert_string_equal(fx->err.field, "kind");
	assert_non_null(
	    strstr(fx->err.msg, "expected one of: state igo civil-society press"));
	assert_int_equal(fixture_try_add(fx, &kind_delegations, "code=MLI", "kind=state",
	                                 "status=participant", NULL),
	                 SUMMIT_INVALID);
	assert_string_equal(fx->err.field, "name");
	assert_int_equal(fixture_try_add(fx, &kind_delegations, "code=MLI", "name=\xff",
	                                 "kind=state", "status=participant", NULL),
	                 SUMMIT_INVALID);
	assert_non_null(strstr(fx->err.msg, "UTF-8"));
	assert_int_equal(record_count(fx->db, &kind_delegations), 0);
}

static void test_unique_code(void **state)
{
	struct fixture *fx = *state;
	fixture_add(fx, &kind_delegations, "code=MLI", "name=Mali", "kind=state",
	            "status=participant", NULL);
	assert_int_equal(fixture_try_add(fx, &kind_delegations, "code=MLI",
	                                 "name=Mali again", "kind=state",
	                                 "status=observer", NULL),
	                 SUMMIT_INVALID);
	assert_string_equal(fx->err.field, "code");
	assert_non_null(strstr(fx->err.msg, "already taken by another delegation"));
}

static void test_composite_unique(void **state)
{
	struct fixture *fx = *state;
	fixture_add(fx, &kind_hotels, "name=Hôtel Salam", NULL);
	fixture_add(fx, &kind_blocks, "hotel=Hôtel Salam", "night=2007-11-13", "rooms=40",
	            NULL);
	assert_int_equal(fixture_try_add(fx, &kind_blocks, "hotel=Hôtel Salam",
	                                 "night=2007-11-13", "rooms=10", NULL),
	                 SUMMIT_INVALID);
	assert_string_equal(
	    fx->err.msg, "another block has the same hotel and night, expected one block "
	                 "per hotel and night");
}

static void test_session_rules(void **state)
{
	struct fixture *fx = *state;
	add_room(fx);
	assert_int_equal(fixture_try_add(fx, &kind_sessions, "title=Opening",
	                                 "kind=plenary", "room=Salle 1",
	                                 "start=2007-11-14 10:00", "end=2007-11-14 09:00",
	                                 NULL),
	                 SUMMIT_INVALID);
	assert_string_equal(fx->err.field, "end");
	assert_int_equal(fixture_try_add(fx, &kind_sessions, "title=Early",
	                                 "kind=plenary", "room=Salle 1",
	                                 "start=2007-11-13 10:00", "end=2007-11-13 11:00",
	                                 NULL),
	                 SUMMIT_INVALID);
	assert_string_equal(fx->err.field, "start");
	assert_int_equal(fixture_try_add(fx, &kind_sessions, "title=Late", "kind=plenary",
	                                 "room=Salle 1", "start=2007-11-17 23:00",
	                                 "end=2007-11-18 01:00", NULL),
	                 SUMMIT_INVALID);
	assert_string_equal(fx->err.field, "end");
	assert_int_equal(fixture_try_add(fx, &kind_sessions, "title=WG",
	                                 "kind=working-group", "room=Salle 1",
	                                 "start=2007-11-15 09:00", "end=2007-11-15 12:00",
	                                 "attendance=list", NULL),
	                 SUMMIT_INVALID);
	assert_string_equal(fx->err.field, "delegations");
	/* The last minute of the last day is still within the event. */
	fixture_add(fx, &kind_sessions, "title=Closing", "kind=ceremony", "room=Salle 1",
	            "start=2007-11-17 22:00", "end=2007-11-18 00:00", NULL);
}

static void test_reference_lists(void **state)
{
	struct fixture *fx = *state;
	add_room(fx);
	fixture_add(fx, &kind_delegations, "code=MLI", "name=Mali", "kind=state",
	            "status=participant", NULL);
	fixture_add(fx, &kind_delegations, "code=SEN", "name=Sénégal", "kind=state",
	            "status=participant", NULL);
	long long id =
	    fixture_add(fx, &kind_sessions, "title=Bilateral", "kind=bilateral",
	                "room=Salle 1", "start=2007-11-15 09:00", "end=2007-11-15 10:00",
	                "attendance=list", "delegations=SEN MLI SEN", NULL);
	assert_string_equal(fixture_value(fx, &kind_sessions, id, SESSION_DELEGATIONS),
	                    "SEN MLI");
	assert_int_equal(fixture_try_add(fx, &kind_sessions, "title=Other",
	                                 "kind=bilateral", "room=Salle 1",
	                                 "start=2007-11-15 09:00", "end=2007-11-15 10:00",
	                                 "attendance=list", "delegations=SEN XYZ", NULL),
	                 SUMMIT_INVALID);
	assert_string_equal(fx->err.field, "delegations");
	assert_non_null(strstr(fx->err.msg, "got \"XYZ\", no such delegation"));
}

static void test_update_and_revision(void **state)
{
	struct fixture *fx = *state;
	long long id =
	    fixture_add(fx, &kind_delegations, "code=MLI", "name=Mali", "kind=state",
	                "status=participant", "head=A. T. Touré", NULL);
	const struct kind *kind = &kind_delegations;
	char *changes[DELEGATION_FIELD_COUNT] = {0};
	changes[DELEGATION_SIZE] = "12";
	changes[DELEGATION_HEAD] = "";
	assert_int_equal(db_begin(fx->db, &fx->err), SUMMIT_OK);
	assert_int_equal(record_update(fx->db, kind, id, changes, 1, &fx->err),
	                 SUMMIT_OK);
	assert_int_equal(db_commit(fx->db, &fx->err), SUMMIT_OK);
	assert_string_equal(fixture_value(fx, &kind_delegations, id, DELEGATION_SIZE),
	                    "12");
	assert_string_equal(fixture_value(fx, &kind_delegations, id, DELEGATION_HEAD),
	                    "");
	/* Someone else's change since revision 1 is not overwritten. */
	changes[DELEGATION_SIZE] = "13";
	assert_int_equal(record_update(fx->db, kind, id, changes, 1, &fx->err),
	                 SUMMIT_CONFLICT);
	assert_string_equal(fixture_value(fx, &kind_delegations, id, DELEGATION_SIZE),
	                    "12");
	/* Nor removed: the planner decided on what revision 1 said. */
	assert_int_equal(record_delete(fx->db, kind, id, 1, &fx->err), SUMMIT_CONFLICT);
	assert_string_equal(fx->err.msg, "this delegation was changed by someone else "
	                                 "since you opened it: reload it and make your "
	                                 "change again");
	assert_int_equal(record_count(fx->db, kind), 1);
	assert_int_equal(record_delete(fx->db, kind, id, 2, &fx->err), SUMMIT_OK);
	assert_int_equal(record_count(fx->db, kind), 0);
}

static void test_fixed_state(void **state)
{
	struct fixture *fx = *state;
	fixture_add(fx, &kind_delegations, "code=MLI", "name=Mali", "kind=state",
	            "status=participant", NULL);
	long long id = fixture_add(fx, &kind_invitations, "delegation=MLI", NULL);
	char *changes[INVITATION_FIELD_COUNT] = {0};
	changes[INVITATION_STATE] = "accepted";
	assert_int_equal(
	    record_update(fx->db, &kind_invitations, id, changes, 0, &fx->err),
	    SUMMIT_INVALID);
	assert_string_equal(fx->err.field, "state");
	assert_string_equal(fixture_value(fx, &kind_invitations, id, INVITATION_STATE),
	                    "draft");
}

static void test_delete_names_users(void **state)
{
	struct fixture *fx = *state;
	long long room = add_room(fx);
	fixture_add(fx, &kind_sessions, "title=Opening", "kind=plenary", "room=Salle 1",
	            "start=2007-11-14 09:00", "end=2007-11-14 10:00", NULL);
	fixture_add(fx, &kind_sessions, "title=WG", "kind=working-group", "room=Salle 1",
	            "start=2007-11-14 11:00", "end=2007-11-14 12:00", NULL);
	assert_int_equal(record_delete(fx->db, &kind_rooms, room, 0, &fx->err),
	                 SUMMIT_INVALID);
	assert_string_equal(fx->err.msg,
	                    "room Salle 1 is still used by 2 sessions (#1, #2): "
	                    "change or remove those first");
	assert_int_equal(record_count(fx->db, &kind_rooms), 1);
}

static int count_rows(const struct record *rec, void *ctx)
{
	(void)rec;
	++*(int *)ctx;
	return 0;
}

/* Within one transaction a key found once is remembered (a load looks
 * each code up once): a rename or a removal must make it forgotten. */
static void test_find_after_change(void **state)
{
	struct fixture *fx = *state;
	const struct kind *dlg = &kind_delegations;
	long long mli = fixture_add(fx, dlg, "code=MLI", "name=Mali", "kind=state",
	                            "status=participant", NULL);
	assert_int_equal(db_begin(fx->db, &fx->err), SUMMIT_OK);
	long long id = 0;
	assert_int_equal(record_find(fx->db, dlg, "MLI", &id, &fx->err), SUMMIT_OK);
	assert_int_equal(id, mli);
	char **changes = xcalloc(dlg->nfields, sizeof *changes);
	changes[DELEGATION_CODE] = "MAL";
	assert_int_equal(record_update(fx->db, dlg, mli, changes, 0, &fx->err),
	                 SUMMIT_OK);
	free(changes);
	assert_int_equal(record_find(fx->db, dlg, "MLI", &id, &fx->err),
	                 SUMMIT_NOT_FOUND);
	assert_int_equal(record_find(fx->db, dlg, "MAL", &id, &fx->err), SUMMIT_OK);
	assert_int_equal(id, mli);
	assert_int_equal(record_delete(fx->db, dlg, mli, 0, &fx->err), SUMMIT_OK);
	assert_int_equal(record_find(fx->db, dlg, "MAL", &id, &fx->err),
	                 SUMMIT_NOT_FOUND);
	char key[32];
	snprintf(key, sizeof key, "#%lld", mli);
	assert_int_equal(record_find(fx->db, dlg, key, &id, &fx->err), SUMMIT_NOT_FOUND);
	db_rollback(fx->db);
	/* Rolled back: the old code again, with the statements kept. */
	assert_int_equal(record_find(fx->db, dlg, "MLI", &id, &fx->err), SUMMIT_OK);
	assert_int_equal(id, mli);
	assert_int_equal(record_find(fx->db, dlg, "MAL", &id, &fx->err),
	                 SUMMIT_NOT_FOUND);
}

static void test_filters(void **state)
{
	struct fixture *fx = *state;
	fixture_add(fx, &kind_delegations, "code=MLI", "name=Mali", "kind=state",
	            "status=participant", NULL);
	fixture_add(fx, &kind_delegations, "code=AU", "name=African Union", "kind=igo",
	            "status=observer", NULL);
	fixture_add(fx, &kind_delegations, "code=UNDP", "name=UNDP", "kind=igo",
	            "status=observer", NULL);
	const struct kind *kind = &kind_delegations;
	struct record_filter by = {DELEGATION_STATUS, "observer"};
	int n = 0;
	assert_int_equal(record_each(fx->db, kind, &by, 1, count_rows, &n, &fx->err), 0);
	assert_int_equal(n, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_defaults_and_text, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_refuses_bad_values, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_unique_code, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_composite_unique, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_session_rules, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_reference_lists, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_update_and_revision, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_fixed_state, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_delete_names_users, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_find_after_change, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_filters, fixture_setup,
	                                    fixture_teardown),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	when_cleanup();
	return failed;
}
