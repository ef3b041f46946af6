/* Lists a page at a time (browse.c) and the planning figures (plan.c). */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "summit/browse.h"
#include "summit/plan.h"

static long long add_delegation(struct fixture *fx, const char *code, const char *name,
                                const char *status, const char *size)
{
	char c[64], n[128], s[64], z[64];
	snprintf(c, sizeof c, "code=%s", code);
	snprintf(n, sizeof n, "name=%s", name);
	snprintf(s, sizeof s, "status=%s", status);
	snprintf(z, sizeof z, "size=%s", size);
	return fixture_add(fx, &kind_delegations, c, n, "kind=state", s, z, NULL);
}

struct ids {
	long long id[64];
	int n;
	int warned;
};

static int collect(const struct browse_row *row, void *ctx)
{
	struct ids *ids = ctx;
	ids->id[ids->n++] = row->id;
	ids->warned += row->warn;
	return 0;
}

static long long count(struct fixture *fx, const struct browse *b)
{
	long long n = -1;
	assert_int_equal(browse_count(fx->db, b, &n, &fx->err), SUMMIT_OK);
	return n;
}

static void test_fold(void **state)
{
	(void)state;
	const char *cases[][2] = {
	    {"São Tomé and Príncipe", "sao tome and principe"},
	    {"CÔTE D'IVOIRE", "cote d'ivoire"},
	    {"Dembélé", "dembele"},
	    {"Ǖ", "u"},         /* decomposed twice: U with diaeresis and macron */
	    {"e\xcc\x81", "e"}, /* an accent typed on its own */
	    {"Ελλάδα", "ελλαδα"},
	    {"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *folded = text_fold(cases[i][0]);
		assert_non_null(folded);
		assert_string_equal(folded, cases[i][1]);
		free(folded);
	}
	assert_null(text_fold("caf\xe9")); /* Latin-1, not UTF-8 */
}

static void test_filter_search_sort_page(void **state)
{
	struct fixture *fx = *state;
	long long civ = add_delegation(fx, "CIV", "Côte d'Ivoire", "observer", "6");
	long long mli = add_delegation(fx, "MLI", "Mali", "participant", "20");
	long long sen = add_delegation(fx, "SEN", "Senegal", "participant", "15");
	long long tur = add_delegation(fx, "TUR", "Türkiye", "observer", "3");
	fixture_add(fx, &kind_invitations, "delegation=MLI", NULL);
	const struct kind *kind = &kind_delegations;

	struct record_filter observers = {DELEGATION_STATUS, "observer"};
	struct browse b = {.kind = kind, .filters = &observers, .nfilters = 1};
	assert_int_equal(count(fx, &b), 2);

	/* Search: any text or code field, case and accents aside. */
	b = (struct browse){.kind = kind, .search = "ivo"};
	struct ids ids = {0};
	assert_int_equal(browse_each(fx->db, &b, 0, 10, collect, &ids, &fx->err), 0);
	assert_int_equal(ids.n, 1);
	assert_int_equal(ids.id[0], civ);
	const char *civ_searches[] = {"cote", "CÔTE", "côte d", "COTE D'IVOIRE"};
	for (size_t i = 0; i < sizeof civ_searches / sizeof *civ_searches; i++) {
		b.search = civ_searches[i];
		ids = (struct ids){0};
		browse_each(fx->db, &b, 0, 10, collect, &ids, &fx->err);
		assert_int_equal(ids.n, 1);
		assert_int_equal(ids.id[0], civ);
	}
	b.search = "TURKIYE";
	assert_int_equal(count(fx, &b), 1);
	b.search = "tür";
	assert_int_equal(count(fx, &b), 1);
	b.search = "côté"; /* the accents the planner types go too */
	assert_int_equal(count(fx, &b), 1);
	b.search = "100%";
	assert_int_equal(count(fx, &b), 0); /* % is a character, not a wildcard */
	/* The folded text is kept between letters: a match stays within a
	 * field ("SEN" then "Senegal" hold no "nsen"), a filter still applies,
	 * and a record added since is found. */
	b.search = "nsen";
	assert_int_equal(count(fx, &b), 0);
	b.search = "se";
	assert_int_equal(count(fx, &b), 1);
	b = (struct browse){
	    .kind = kind, .filters = &observers, .nfilters = 1, .search = "e"};
	assert_int_equal(count(fx, &b), 2);
	b = (struct browse){.kind = kind, .search = "ghan"};
	assert_int_equal(count(fx, &b), 0);
	long long gha = add_delegation(fx, "GHA", "Ghana", "observer", "4");
	ids = (struct ids){0};
	browse_each(fx->db, &b, 0, 10, collect, &ids, &fx->err);
	assert_int_equal(ids.n, 1);
	assert_int_equal(ids.id[0], gha);
	assert_int_equal(count(fx, &b), 1);
	struct record_filter observer = {DELEGATION_STATUS, "observer"};
	b.filters = &observer;
	b.nfilters = 1;
	assert_int_equal(count(fx, &b), 1);
	assert_int_equal(db_begin(fx->db, &fx->err), SUMMIT_OK);
	assert_int_equal(record_delete(fx->db, kind, gha, 0, &fx->err), SUMMIT_OK);
	assert_int_equal(db_end(fx->db, SUMMIT_OK, &fx->err), SUMMIT_OK);

	/* Sorted by size, largest first, read a page at a time. */
	b = (struct browse){.kind = kind, .sort = DELEGATION_SIZE, .descending = true};
	ids = (struct ids){0};
	browse_each(fx->db, &b, 1, 2, collect, &ids, &fx->err);
	assert_int_equal(ids.n, 2);
	assert_int_equal(ids.id[0], sen);
	assert_int_equal(ids.id[1], civ);
	assert_int_equal(browse_position(fx->db, &b, tur, &fx->err), 3);
	assert_int_equal(browse_position(fx->db, &b, mli, &fx->err), 0);

	/* The invitation's state, as a condition and as a column. */
	b = (struct browse){
	    .kind = kind, .cond = browse_cond_find("invitation"), .param = "draft"};
	ids = (struct ids){0};
	browse_each(fx->db, &b, 0, -1, collect, &ids, &fx->err);
	assert_int_equal(ids.n, 1);
	assert_int_equal(ids.id[0], mli);
	assert_string_equal(browse_extra_name(kind), "invitation");

	/* People by their delegation's code, and by their number. */
	long long ami =
	    fixture_add(fx, &kind_people, "delegation=MLI", "name=Aminata", NULL);
	fixture_add(fx, &kind_people, "delegation=SEN", "name=Ousmane", NULL);
	b = (struct browse){.kind = &kind_people, .search = "mli"};
	ids = (struct ids){0};
	browse_each(fx->db, &b, 0, -1, collect, &ids, &fx->err);
	assert_int_equal(ids.n, 1);
	assert_int_equal(ids.id[0], ami);
	char number[24];
	snprintf(number, sizeof number, "%lld", ami);
	b.search = number;
	assert_int_equal(count(fx, &b), 1);

	/* A filter on a reference names a record that must exist. */
	struct record_filter bad = {PERSON_DELEGATION, "XXX"};
	b = (struct browse){.kind = &kind_people, .filters = &bad, .nfilters = 1};
	long long n;
	assert_int_equal(browse_count(fx->db, &b, &n, &fx->err), SUMMIT_INVALID);
	assert_string_equal(fx->err.field, "delegation");
}

static void test_conditions_and_warnings(void **state)
{
	struct fixture *fx = *state;
	db_set_today(fx->db, "2007-11-07", NULL);
	fixture_add(fx, &kind_tasks, "title=Book the hall", "due=2007-10-01", NULL);
	fixture_add(fx, &kind_tasks, "title=Print badges", "due=2007-11-10", NULL);
	fixture_add(fx, &kind_tasks, "title=Hire buses", "due=2007-10-02", "state=done",
	            NULL);
	struct browse b = {.kind = &kind_tasks, .cond = browse_cond_find("overdue")};
	assert_int_equal(count(fx, &b), 1);
	b.cond = browse_cond_find("open");
	assert_int_equal(count(fx, &b), 2);
	/* Every row says whether it needs attention: here, overdue. */
	b.cond = NULL;
	struct ids ids = {0};
	browse_each(fx->db, &b, 0, -1, collect, &ids, &fx->err);
	assert_int_equal(ids.n, 3);
	assert_int_equal(ids.warned, 1);
	db_set_today(fx->db, NULL, NULL);
}

struct sessions {
	int n;
	char title[8][64];
	bool overlap[8];
	long long expected[8];
	int start[8];
};

static int collect_session(const struct plan_session *s, void *ctx)
{
	struct sessions *ss = ctx;
	snprintf(ss->title[ss->n], sizeof ss->title[0], "%s", s->title);
	ss->overlap[ss->n] = s->overlap;
	ss->expected[ss->n] = s->expected;
	ss->start[ss->n] = s->start_minute;
	ss->n++;
	return 0;
}

static void test_programme_day(void **state)
{
	struct fixture *fx = *state;
	add_delegation(fx, "MLI", "Mali", "participant", "20");
	add_delegation(fx, "SEN", "Senegal", "participant", "15");
	add_delegation(fx, "CIV", "Côte d'Ivoire", "observer", "6");
	add_delegation(fx, "BRA", "Brazil", "participant", "4");
	/* Brazil declined: not expected anywhere. */
	long long bra;
	assert_int_equal(record_find(fx->db, &kind_invitations, "BRA", &bra, NULL),
	                 SUMMIT_NOT_FOUND);
	fixture_add(fx, &kind_invitations, "delegation=BRA", NULL);
	struct invitation_move move = {.delegation = "BRA", .state = "sent"};
	assert_int_equal(db_begin(fx->db, &fx->err), 0);
	assert_int_equal(invitation_move(fx->db, &move, &fx->err), 0);
	move.state = "declined";
	assert_int_equal(invitation_move(fx->db, &move, &fx->err), 0);
	assert_int_equal(db_commit(fx->db, &fx->err), 0);
	fixture_add(fx, &kind_venues, "name=CICB", NULL);
	fixture_add(fx, &kind_rooms, "name=Salle 1", "venue=CICB", "capacity=30", NULL);
	fixture_add(fx, &kind_rooms, "name=Salle 2", "venue=CICB", "capacity=100", NULL);
	fixture_add(fx, &kind_sessions, "title=Plenary", "kind=plenary", "room=Salle 2",
	            "start=2007-11-14 09:00", "end=2007-11-14 12:00", NULL);
	fixture_add(fx, &kind_sessions, "title=Group A", "kind=working-group",
	            "room=Salle 1", "start=2007-11-14 10:00", "end=2007-11-14 11:00",
	            "attendance=participants", NULL);
	fixture_add(fx, &kind_sessions, "title=Bilateral", "kind=bilateral",
	            "room=Salle 1", "start=2007-11-14 10:30", "end=2007-11-14 11:30",
	            "attendance=list", "delegations=MLI CIV", NULL);
	fixture_add(fx, &kind_sessions, "title=Next day", "kind=plenary", "room=Salle 2",
	            "start=2007-11-15 09:00", "end=2007-11-15 10:00", NULL);
	struct sessions ss = {0};
	assert_int_equal(
	    plan_day_sessions(fx->db, "2007-11-14", collect_session, &ss, &fx->err), 0);
	assert_int_equal(ss.n, 3);
	assert_string_equal(ss.title[0], "Plenary");
	assert_int_equal(ss.start[0], 9 * 60);
	assert_false(ss.overlap[0]);
	assert_int_equal(ss.expected[0], 20 + 15 + 6);
	assert_string_equal(ss.title[1], "Group A");
	assert_true(ss.overlap[1]);
	/* An open working group: one person from each participant that may
	 * come (model.h), as check counts it. */
	assert_int_equal(ss.expected[1], 2);
	assert_true(ss.overlap[2]);
	assert_int_equal(ss.expected[2], 26);

	/* The sessions Côte d'Ivoire attends: everyone's, and its own list. */
	long long civ;
	record_find(fx->db, &kind_delegations, "CIV", &civ, NULL);
	ss = (struct sessions){0};
	plan_delegation_sessions(fx->db, civ, collect_session, &ss, &fx->err);
	assert_int_equal(ss.n, 3);
	assert_string_equal(ss.title[1], "Bilateral");
}

struct nights {
	int n;
	long long block[8], allocated[8];
};

static int collect_night(const struct plan_night *night, void *ctx)
{
	struct nights *ns = ctx;
	ns->block[ns->n] = night->block;
	ns->allocated[ns->n] = night->allocated;
	ns->n++;
	return 0;
}

static int collect_line(const struct plan_budget_line *l, void *ctx)
{
	long long *sums = ctx;
	if (l->id) {
		sums[0] += l->amount;
		sums[1] += l->pledged;
	} else {
		sums[2] = l->pledged;
	}
	return 0;
}

static void test_hotels_and_budget(void **state)
{
	struct fixture *fx = *state;
	add_delegation(fx, "MLI", "Mali", "participant", "20");
	add_delegation(fx, "SEN", "Senegal", "participant", "15");
	fixture_add(fx, &kind_hotels, "name=Salam", NULL);
	fixture_add(fx, &kind_blocks, "hotel=Salam", "night=2007-11-13", "rooms=10",
	            NULL);
	fixture_add(fx, &kind_allocations, "hotel=Salam", "delegation=MLI",
	            "night=2007-11-13", "rooms=8", NULL);
	fixture_add(fx, &kind_allocations, "hotel=Salam", "delegation=SEN",
	            "night=2007-11-13", "rooms=4", NULL);
	fixture_add(fx, &kind_allocations, "hotel=Salam", "delegation=SEN",
	            "night=2007-11-14", "rooms=4", NULL);
	struct nights ns = {0};
	assert_int_equal(plan_hotel_nights(fx->db, collect_night, &ns, &fx->err), 0);
	assert_int_equal(ns.n, 2);
	assert_int_equal(ns.block[0], 10);
	assert_int_equal(ns.allocated[0], 12); /* beyond the block */
	assert_int_equal(ns.block[1], 0);      /* no block that night */

	fixture_add(fx, &kind_costs, "name=Hall", "amount=1000", NULL);
	fixture_add(fx, &kind_costs, "name=Buses", "amount=500.50", NULL);
	fixture_add(fx, &kind_partners, "name=UNDP", NULL);
	fixture_add(fx, &kind_pledges, "partner=UNDP", "amount=300", "cost=Hall", NULL);
	fixture_add(fx, &kind_pledges, "partner=UNDP", "amount=50", NULL);
	long long sums[3] = {0};
	assert_int_equal(plan_budget(fx->db, collect_line, sums, &fx->err), 0);
	assert_int_equal(sums[0], 150050);
	assert_int_equal(sums[1], 30000);
	assert_int_equal(sums[2], 5000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fold),
	    cmocka_unit_test_setup_teardown(test_filter_search_sort_page, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_conditions_and_warnings, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_programme_day, fixture_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_hotels_and_budget, fixture_setup,
	                                    fixture_teardown),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	when_cleanup();
	return failed;
}
