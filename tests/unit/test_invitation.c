/* Invitation states: allowed moves, history rows, their order. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

static void test_transitions(void **state)
{
	(void)state;
	assert_true(invitation_can_move("draft", "sent"));
	assert_false(invitation_can_move("draft", "accepted"));
	assert_true(invitation_can_move("declined", "sent"));
	assert_false(invitation_can_move("declined", "accepted"));
	assert_false(invitation_can_move("sent", "sen"));
	assert_true(invitation_can_move("acknowledged", "withdrawn"));
	assert_false(invitation_can_move("withdrawn", "accepted"));
}

struct rows {
	char text[1024];
};

static int collect(const struct record *rec, void *ctx)
{
	struct rows *r = ctx;
	size_t n = strlen(r->text);
	snprintf(r->text + n, sizeof r->text - n, "%s|%s>%s|%s|%s\n",
	         rec->values[HISTORY_AT],
	         rec->values[HISTORY_OLD_STATE] ? rec->values[HISTORY_OLD_STATE] : "",
	         rec->values[HISTORY_NEW_STATE],
	         rec->values[HISTORY_CHANNEL] ? rec->values[HISTORY_CHANNEL] : "",
	         rec->values[HISTORY_NOTE] ? rec->values[HISTORY_NOTE] : "");
	return 0;
}

static int move(struct fixture *fx, const char *code, const char *to, const char *at,
                const char *channel, const char *via, const char *note)
{
	struct invitation_move m = {code, to, channel, via, note, at};
	assert_int_equal(db_begin(fx->db, &fx->err), 0);
	int status = invitation_move(fx->db, &m, &fx->err);
	if (status)
		db_rollback(fx->db);
	else
		assert_int_equal(db_commit(fx->db, &fx->err), 0);
	return status;
}

static void test_israel_through_united_states(void **state)
{
	struct fixture *fx = *state;
	db_set_today(fx->db, "2007-07-02", NULL);
	fixture_add(fx, &kind_delegations, "code=USA", "name=United States", "kind=state",
	            "status=participant", NULL);
	fixture_add(fx, &kind_delegations, "code=ISR", "name=Israel", "kind=state",
	            "status=participant", NULL);
	long long id = fixture_add(fx, &kind_invitations, "delegation=ISR", NULL);
	db_set_today(fx->db, NULL, NULL);
	assert_int_equal(move(fx, "ISR", "sent", "2007-07-16 10:00", "diplomatic note",
	                      "USA", "through the US embassy"),
	                 0);
	assert_int_equal(
	    move(fx, "ISR", "accepted", "2007-07-10 10:00", NULL, NULL, NULL),
	    SUMMIT_INVALID);
	assert_string_equal(fx->err.field, "at");
	assert_int_equal(
	    move(fx, "ISR", "delivered", "2007-07-20 09:00", NULL, NULL, NULL), 0);
	assert_int_equal(
	    move(fx, "ISR", "accepted", "2007-08-01 12:00", NULL, NULL, "yes"), 0);
	assert_int_equal(move(fx, "ISR", "sent", "2007-08-02 12:00", NULL, NULL, NULL),
	                 SUMMIT_INVALID);
	assert_non_null(strstr(fx->err.msg,
	                       "cannot become sent, expected one of: declined "
	                       "withdrawn"));
	assert_string_equal(fixture_value(fx, &kind_invitations, id, INVITATION_STATE),
	                    "accepted");
	assert_string_equal(fixture_value(fx, &kind_invitations, id, INVITATION_VIA),
	                    "USA");

	struct rows r = {""};
	const struct kind *history = &kind_history;
	struct record_filter by = {HISTORY_DELEGATION, "ISR"};
	assert_int_equal(record_each(fx->db, history, &by, 1, collect, &r, &fx->err), 0);
	/* The first row's time of day comes from the clock. */
	const char *rest = strchr(r.text, '\n') + 1;
	assert_memory_equal(r.text, "2007-07-02 ", 11);
	assert_string_equal(rest,
	                    "2007-07-16 10:00|draft>sent|diplomatic note|through the US "
	                    "embassy\n"
	                    "2007-07-20 09:00|sent>delivered|diplomatic note|\n"
	                    "2007-08-01 12:00|delivered>accepted|diplomatic note|yes\n");
}

static void test_unknown_delegation(void **state)
{
	struct fixture *fx = *state;
	assert_int_equal(move(fx, "XYZ", "sent", NULL, NULL, NULL, NULL),
	                 SUMMIT_NOT_FOUND);
	assert_non_null(strstr(fx->err.msg, "XYZ has no invitation"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_transitions),
	    cmocka_unit_test_setup_teardown(test_israel_through_united_states,
	                                    fixture_setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_unknown_delegation, fixture_setup,
	                                    fixture_teardown),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	when_cleanup();
	return failed;
}
