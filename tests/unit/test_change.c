/* The same rules on every path of a change: impossible changes refused by
 * the kinds' rules (record_insert, record_update, csv_import), possible
 * ones that create a problem saved and reported by a watch (change.h). */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

#define ADD(...)     fixture_add(fx, __VA_ARGS__, NULL)
#define TRY_ADD(...) fixture_try_add(fx, __VA_ARGS__, NULL)

/* Senegal lands at Sénou on 13 Nov at 10:00 and is met by trip 1. */
static void base(struct fixture *fx)
{
	ADD(&kind_delegations, "code=SEN", "name=Senegal", "kind=state",
	    "status=participant", "size=4");
	ADD(&kind_people, "delegation=SEN", "name=Cheikh Tidiane Gadio", "role=head");
	ADD(&kind_people, "delegation=SEN", "name=Awa Diop");
	ADD(&kind_venues, "name=CICB");
	ADD(&kind_rooms, "name=Salle Bani", "venue=CICB", "capacity=40");
	ADD(&kind_rooms, "name=Salle 2", "venue=CICB", "capacity=40");
	ADD(&kind_places, "name=Sénou", "kind=airport");
	ADD(&kind_places, "name=Hôtel Salam", "kind=hotel");
	ADD(&kind_hotels, "name=Hôtel Salam", "place=Hôtel Salam");
	ADD(&kind_blocks, "hotel=Hôtel Salam", "night=2007-11-14", "rooms=5");
	ADD(&kind_vehicles, "code=VAN-1", "kind=van", "capacity=8", "driver=Siaka");
	ADD(&kind_vehicles, "code=VAN-2", "kind=van", "capacity=8", "driver=Modibo");
	ADD(&kind_trips, "vehicle=VAN-1", "kind=pickup", "origin=Sénou",
	    "destination=Hôtel Salam", "depart=2007-11-13 10:30",
	    "arrive=2007-11-13 11:00");
	ADD(&kind_arrivals, "delegation=SEN", "flight=AF 796", "airport=Sénou",
	    "time=2007-11-13 10:00", "party=2", "pickup=1");
	ADD(&kind_sessions, "title=Working group 1", "kind=working-group",
	    "room=Salle Bani", "start=2007-11-15 11:00", "end=2007-11-15 13:00");
}

static int setup(void **state)
{
	setenv("SUMMIT_TODAY", "2007-11-07", 1);
	int rc = fixture_setup(state);
	if (rc == 0)
		base(*state);
	return rc;
}

static void expect_refusal(struct fixture *fx, int status, const char *field,
                           const char *msg)
{
	assert_int_equal(status, SUMMIT_INVALID);
	assert_string_equal(fx->err.field, field);
	assert_string_equal(fx->err.msg, msg);
}

/* Updates record id of kind from "field=value" words, NULL-terminated. */
static int try_set(struct fixture *fx, const struct kind *kind, long long id, ...)
{
	char *words[8];
	int n = 0;
	va_list ap;
	va_start(ap, id);
	for (const char *w; (w = va_arg(ap, const char *)) && n < 8;)
		words[n++] = (char *)w;
	va_end(ap);
	char **values = xcalloc(kind->nfields, sizeof *values);
	int status = record_values_from_words(kind, words, n, values, &fx->err);
	if (!status && !(status = db_begin(fx->db, &fx->err)))
		status =
		    db_end(fx->db, record_update(fx->db, kind, id, values, 0, &fx->err),
		           &fx->err);
	record_values_free(kind, values);
	free(values);
	return status;
}

/* ---- refusals ---- */

static void test_pickup_before_landing(void **state)
{
	struct fixture *fx = *state;
	ADD(&kind_trips, "vehicle=VAN-2", "kind=pickup", "origin=Sénou",
	    "destination=Hôtel Salam", "depart=2007-11-13 09:30",
	    "arrive=2007-11-13 10:00");
	expect_refusal(fx,
	               TRY_ADD(&kind_arrivals, "delegation=SEN", "flight=SN 201",
	                       "airport=Sénou", "time=2007-11-13 10:00", "pickup=2"),
	               "pickup",
	               "got trip #2, which leaves at 09:30, before the flight lands at "
	               "10:00, expected a trip that leaves after it lands");
	/* set: the existing arrival moved after its pickup leaves. */
	expect_refusal(fx, try_set(fx, &kind_arrivals, 1, "time=2007-11-13 10:45", NULL),
	               "pickup",
	               "got trip #1, which leaves at 10:30, before the flight lands at "
	               "10:45, expected a trip that leaves after it lands");
	assert_string_equal(fixture_value(fx, &kind_arrivals, 1, ARRIVAL_TIME),
	                    "2007-11-13 10:00");
	assert_int_equal(record_count(fx->db, &kind_arrivals), 1);
}

static void test_pickup_from_another_place(void **state)
{
	struct fixture *fx = *state;
	ADD(&kind_trips, "vehicle=VAN-2", "kind=transfer", "origin=Hôtel Salam",
	    "destination=Sénou", "depart=2007-11-13 11:00", "arrive=2007-11-13 11:30");
	expect_refusal(fx, try_set(fx, &kind_arrivals, 1, "pickup=2", NULL), "pickup",
	               "got trip #2, which leaves from Hôtel Salam, expected a trip "
	               "from the flight's airport Sénou");
	assert_string_equal(fixture_value(fx, &kind_arrivals, 1, ARRIVAL_PICKUP), "1");
}

static void test_pickup_on_another_day(void **state)
{
	struct fixture *fx = *state;
	ADD(&kind_trips, "vehicle=VAN-2", "kind=pickup", "origin=Sénou",
	    "destination=Hôtel Salam", "depart=2007-11-16 11:50",
	    "arrive=2007-11-16 12:20");
	expect_refusal(fx, try_set(fx, &kind_arrivals, 1, "pickup=2", NULL), "pickup",
	               "got trip #2, which leaves at 2007-11-16 11:50, more than 6 hours "
	               "after the flight lands at 2007-11-13 10:00, expected a trip that "
	               "leaves soon after it lands");
	/* A night landing is met after midnight, on the next date. */
	ADD(&kind_trips, "vehicle=VAN-2", "kind=pickup", "origin=Sénou",
	    "destination=Hôtel Salam", "depart=2007-11-14 00:20",
	    "arrive=2007-11-14 00:50");
	assert_int_equal(TRY_ADD(&kind_arrivals, "delegation=SEN", "flight=SN 209",
	                         "airport=Sénou", "time=2007-11-13 23:40", "pickup=3"),
	                 SUMMIT_OK);
}

static void test_departure_trip(void **state)
{
	struct fixture *fx = *state;
	ADD(&kind_trips, "vehicle=VAN-2", "kind=departure", "origin=Hôtel Salam",
	    "destination=Sénou", "depart=2007-11-17 15:00", "arrive=2007-11-17 15:30");
	/* It reaches the airport after take-off. */
	expect_refusal(
	    fx,
	    TRY_ADD(&kind_arrivals, "delegation=SEN", "direction=departure",
	            "flight=AF 797", "airport=Sénou", "time=2007-11-17 15:00",
	            "pickup=2"),
	    "pickup",
	    "got trip #2, which reaches the airport at 15:30, after the flight "
	    "leaves at 15:00, expected a trip that arrives before it leaves");
	/* A departure's trip goes to the airport, not from it. */
	expect_refusal(fx,
	               TRY_ADD(&kind_arrivals, "delegation=SEN", "direction=departure",
	                       "flight=AF 797", "airport=Sénou", "time=2007-11-13 18:00",
	                       "pickup=1"),
	               "pickup",
	               "got trip #1, which goes to Hôtel Salam, expected a trip to the "
	               "flight's airport Sénou");
	assert_int_equal(TRY_ADD(&kind_arrivals, "delegation=SEN", "direction=departure",
	                         "flight=AF 797", "airport=Sénou",
	                         "time=2007-11-17 17:00", "pickup=2"),
	                 SUMMIT_OK);
}

/* The trip side: a trip that meets a flight cannot be moved away from it. */
static void test_trip_keeps_its_flight(void **state)
{
	struct fixture *fx = *state;
	expect_refusal(fx,
	               try_set(fx, &kind_trips, 1, "depart=2007-11-13 09:40",
	                       "arrive=2007-11-13 10:10", NULL),
	               "depart",
	               "got 2007-11-13 09:40, but the trip meets arrival #1 (flight AF "
	               "796), which lands at 2007-11-13 10:00, expected a time after it "
	               "lands (within 6 hours), or another pickup for that flight first");
	expect_refusal(fx,
	               try_set(fx, &kind_trips, 1, "depart=2007-11-14 10:30",
	                       "arrive=2007-11-14 11:00", NULL),
	               "depart",
	               "got 2007-11-14 10:30, but the trip meets arrival #1 (flight AF "
	               "796), which lands at 2007-11-13 10:00, expected a time after it "
	               "lands (within 6 hours), or another pickup for that flight first");
	expect_refusal(
	    fx,
	    try_set(fx, &kind_trips, 1, "origin=Hôtel Salam", "destination=Sénou", NULL),
	    "origin",
	    "got Hôtel Salam, but the trip meets arrival #1 (flight AF 796) "
	    "at Sénou, expected Sénou, or another pickup for that flight "
	    "first");
	assert_string_equal(fixture_value(fx, &kind_trips, 1, TRIP_DEPART),
	                    "2007-11-13 10:30");
	/* Later the same day is fine. */
	assert_int_equal(try_set(fx, &kind_trips, 1, "depart=2007-11-13 10:40",
	                         "arrive=2007-11-13 11:10", NULL),
	                 SUMMIT_OK);
}

static void test_second_head(void **state)
{
	struct fixture *fx = *state;
	expect_refusal(
	    fx, TRY_ADD(&kind_people, "delegation=SEN", "name=Macky Sall", "role=head"),
	    "role",
	    "got head, but SEN already has a head, Cheikh Tidiane Gadio "
	    "(person #1), expected another role, or Cheikh Tidiane Gadio's "
	    "role changed first");
	expect_refusal(fx, try_set(fx, &kind_people, 2, "role=head", NULL), "role",
	               "got head, but SEN already has a head, Cheikh Tidiane Gadio "
	               "(person #1), expected another role, or Cheikh Tidiane Gadio's "
	               "role changed first");
	assert_string_equal(fixture_value(fx, &kind_people, 2, PERSON_ROLE), "member");
	/* The head itself may be changed, and another head follows a demotion. */
	assert_int_equal(try_set(fx, &kind_people, 1, "title=Minister", NULL), SUMMIT_OK);
	assert_int_equal(try_set(fx, &kind_people, 1, "role=member", NULL), SUMMIT_OK);
	assert_int_equal(try_set(fx, &kind_people, 2, "role=head", NULL), SUMMIT_OK);
}

/* import and load read rows through the same rules. */
static void test_import_refuses(void **state)
{
	struct fixture *fx = *state;
	const char *text = "delegation,flight,airport,time,pickup\n"
	                   "SEN,SN 201,Sénou,2007-11-13 09:00,1\n"
	                   "SEN,SN 203,Sénou,2007-11-13 11:00,1\n";
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	assert_int_equal(db_begin(fx->db, &fx->err), 0);
	long long rows = 0;
	int status =
	    csv_import(fx->db, &kind_arrivals, in, "arrivals.csv", &rows, &fx->err);
	db_end(fx->db, status, &fx->err);
	fclose(in);
	assert_int_equal(status, SUMMIT_INVALID);
	assert_non_null(strstr(fx->err.msg, "arrivals.csv:3"));
	assert_non_null(strstr(fx->err.msg, "got trip #1, which leaves at 10:30, before "
	                                    "the flight lands at 11:00"));
	assert_int_equal(record_count(fx->db, &kind_arrivals), 1);
}

/* ---- warnings ---- */

struct seen {
	char text[2048];
	int n;
};

static int collect(const struct check_problem *p, void *ctx)
{
	struct seen *s = ctx;
	size_t used = strlen(s->text);
	snprintf(s->text + used, sizeof s->text - used, "%s: %s\n", p->kind->name,
	         p->message);
	s->n++;
	return 0;
}

/* Adds a record inside a watch, committing it; the new problems go to s. */
static void watched_add(struct fixture *fx, struct seen *s, const struct kind *kind, ...)
{
	char *words[16];
	int n = 0;
	va_list ap;
	va_start(ap, kind);
	for (const char *w; (w = va_arg(ap, const char *)) && n < 16;)
		words[n++] = (char *)w;
	va_end(ap);
	memset(s, 0, sizeof *s);
	char **values = xcalloc(kind->nfields, sizeof *values);
	assert_int_equal(record_values_from_words(kind, words, n, values, &fx->err), 0);
	assert_int_equal(db_begin(fx->db, &fx->err), 0);
	struct change_watch *w;
	assert_int_equal(change_watch_start(fx->db, kind, &w, &fx->err), 0);
	int status = record_insert(fx->db, kind, values, NULL, &fx->err);
	if (status)
		fail_msg("adding %s refused: %s", kind->singular, fx->err.msg);
	assert_int_equal(change_watch_finish(w, collect, s, &fx->err), 0);
	assert_int_equal(db_commit(fx->db, &fx->err), 0);
	record_values_free(kind, values);
	free(values);
}

static void test_warn_room_booked_twice(void **state)
{
	struct fixture *fx = *state;
	struct seen s;
	long long before = record_count(fx->db, &kind_sessions);
	watched_add(fx, &s, &kind_sessions, "title=Side event", "kind=side-event",
	            "room=Salle Bani", "start=2007-11-15 12:00", "end=2007-11-15 14:00",
	            NULL);
	assert_string_equal(s.text, "room-double-booked: Salle Bani is booked for "
	                            "\"Working group 1\" and \"Side event\" at once on "
	                            "2007-11-15 from 12:00 to 13:00\n");
	/* Saved all the same. */
	assert_int_equal(record_count(fx->db, &kind_sessions), before + 1);
	/* A problem already there is not new: a third session elsewhere. */
	watched_add(fx, &s, &kind_sessions, "title=Press briefing", "kind=side-event",
	            "room=Salle 2", "start=2007-11-15 12:00", "end=2007-11-15 13:00",
	            NULL);
	assert_int_equal(s.n, 0);
}

static void test_warn_block_exceeded(void **state)
{
	struct fixture *fx = *state;
	struct seen s;
	/* SEN's nights without a hotel shrink: nothing new. */
	watched_add(fx, &s, &kind_allocations, "hotel=Hôtel Salam", "delegation=SEN",
	            "night=2007-11-14", "rooms=4", NULL);
	assert_string_equal(s.text, "");
	ADD(&kind_delegations, "code=GHA", "name=Ghana", "kind=state",
	    "status=participant");
	watched_add(fx, &s, &kind_allocations, "hotel=Hôtel Salam", "delegation=GHA",
	            "night=2007-11-14", "rooms=2", NULL);
	assert_int_equal(s.n, 1);
	assert_memory_equal(s.text, "hotel-overbooked: ", 18);
}

static void test_warn_vehicle_on_two_trips(void **state)
{
	struct fixture *fx = *state;
	struct seen s;
	watched_add(fx, &s, &kind_trips, "vehicle=VAN-1", "kind=transfer",
	            "origin=Hôtel Salam", "destination=Sénou", "depart=2007-11-13 10:45",
	            "arrive=2007-11-13 11:15", NULL);
	assert_int_equal(s.n, 1);
	assert_memory_equal(s.text, "vehicle-double-booked: ", 23);
}

/* Every kind's watched problems are problems check knows. */
static void test_affects_names_checks(void **state)
{
	(void)state;
	for (size_t k = 0; k < kind_count; k++)
		for (size_t i = 0; kinds[k]->affects && kinds[k]->affects[i]; i++) {
			const struct check_kind *c =
			    check_kind_find(kinds[k]->affects[i]);
			assert_non_null(c);
			assert_int_equal(c->severity, CHECK_ERROR);
		}
	assert_non_null(kind_sessions.affects);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_pickup_before_landing, setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_pickup_from_another_place, setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_pickup_on_another_day, setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_departure_trip, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_trip_keeps_its_flight, setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_second_head, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_import_refuses, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_warn_room_booked_twice, setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_warn_block_exceeded, setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_warn_vehicle_on_two_trips, setup,
	                                    fixture_teardown),
	    cmocka_unit_test(test_affects_names_checks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
