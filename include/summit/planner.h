/* Automatic planning. A planner reads the event and proposes a plan: the
 * records to add, change and remove, what it could not place (exactly, per
 * place and day), and its quality against a bound it computed. Nothing is
 * written until planner_apply, which makes every change in one transaction
 * through the record functions, so every rule of the event applies, and
 * keeps what it replaced so planner_undo can put the last plan back.
 * Records marked locked=yes are never moved; existing records are kept
 * unless the planner is asked to start over.
 *
 * Who is expected where follows check.h: expected delegations (accepted, or
 * no invitation), the host living in town, a delegation in town from the
 * night of its first landing (before 06:00: the night before) to its last
 * departure, or through the event's last night. */
#ifndef SUMMIT_PLANNER_H
#define SUMMIT_PLANNER_H

#include <stdbool.h>
#include <stddef.h>

struct kind;
struct summit_db;
struct summit_err;

enum planner_op { PLANNER_ADD, PLANNER_CHANGE, PLANNER_REMOVE };

struct planner_change {
	enum planner_op op;
	const struct kind *kind;
	long long id, revision; /* CHANGE and REMOVE: the record as read */
	/* kind->nfields values in the user's form: ADD, the new record; CHANGE,
	 * the changed fields (NULL keeps one); REMOVE, NULL. Owned. */
	char **values;
	char *what; /* one line for a planner to review, owned */
	/* A REF field (>= 0) that takes the id of the record added by change
	 * number ref_change of the same plan, once that one is applied. */
	int ref_field;
	size_t ref_change;
	bool skip; /* left out by the reviewer: planner_apply passes it by */
};

struct planner_plan {
	const char *planner; /* "hotels", "pickups", "shuttles", "delay" */
	struct planner_change *v;
	size_t n, cap;
	char **shortfalls; /* "Sofitel: 17 rooms short on the night of ..." */
	size_t nshort, capshort;
	char **notes; /* how it was solved, what it left alone */
	size_t nnotes, capnotes;
	const char *measure; /* what value and bound count */
	double value, bound; /* the plan's cost and a lower bound on any plan's */
	bool has_bound;
};

void planner_plan_init(struct planner_plan *plan, const char *planner);
void planner_plan_free(struct planner_plan *plan);
/* The gap to the bound, (value - bound) / bound, 0 when both are 0. */
double planner_gap(const struct planner_plan *plan);
long long planner_count(const struct planner_plan *plan, enum planner_op op);

/* The fields of a change as the user form of the whole record would read:
 * for each field with a value, "name=value" (for a table or JSON). */
char *planner_change_values(const struct planner_change *change);

/* Applies the changes not skipped in one transaction; *plan_id gets the
 * number the plan is kept under (for undo). A change refused by a rule of
 * the event refuses the whole plan, naming the change. */
int planner_apply(struct summit_db *db, struct planner_plan *plan, long long *plan_id,
                  struct summit_err *err);

/* Undoes the last applied plan not yet undone, in one transaction: what it
 * added is removed, what it changed or removed is put back. Refused
 * (SUMMIT_CONFLICT) when a record it touched changed since, naming it.
 * *changes gets how many changes were undone. */
int planner_undo(struct summit_db *db, long long *plan_id, const char **planner_name,
                 long long *changes, struct summit_err *err);

/* ---- the planners ---- */

struct planner_options {
	bool start_over;      /* remove what the planner made before (not locked) */
	double time_limit;    /* seconds for the solver and the local search */
	int window;           /* pickups: minutes within which landings share a car */
	int pickup_margin;    /* pickups: minutes from landing to leaving the airport */
	int departure_margin; /* pickups: minutes at the airport before a flight */
	bool minister_cars;   /* pickups: ministers get a dedicated car too */
	int shuttle_lead;   /* shuttles: minutes at the venue before the first session */
	int shuttle_spread; /* shuttles: minutes rounds may spread from the target */
	double people_per_room; /* hotels: > 0 sets rooms = ceil(size / it) */
};

/* Defaults: keep what exists, 5 s, the event's settings (model.h: the
 * pickup window, a pickup leaving after the immigration margin and never
 * before the pickup margin, the departure margin, the shuttles' lead,
 * cars for ministers), shuttle rounds within 60 minutes, three rooms for
 * four people. A front end's option then overrides one for a run. */
int planner_options_init(struct summit_db *db, struct planner_options *options,
                         struct summit_err *err);

/* Rooms per delegation per night: with people_per_room > 0, its size over
 * that, rounded up; else one room each for three in four of its people
 * (heads and ministers alone, staff two to a room); at least one. */
long long planner_rooms_for(long long size, double people_per_room);

/* Hotel nights for every expected delegation with flights, one hotel per
 * whole stay where possible, within each block per night: heads of state
 * and government, then ministers, in preferred hotels, else the shortest
 * travel to the venue weighted by size. An integer program (GLPK) behind
 * the time limit, with a greedy start and fallback and a local search. */
int planner_hotels(struct summit_db *db, const struct planner_options *options,
                   struct planner_plan *plan, struct summit_err *err);

/* A pickup for every arrival without one and a trip to the airport for
 * every departure without one, by delegation and window, on vehicles free
 * at the time (including the drive back), a dedicated car for heads of
 * state and government. Each flight is linked to its trip. */
int planner_pickups(struct summit_db *db, const struct planner_options *options,
                    struct planner_plan *plan, struct summit_err *err);

/* Shuttles each day between every hotel and the venue: its guests (by
 * their allocations) reach the venue shuttle_lead minutes before the first
 * session they must attend and leave after the last, on vehicles free at
 * the time, the largest first, in as few trips as it can. */
int planner_shuttles(struct summit_db *db, const struct planner_options *options,
                     struct planner_plan *plan, struct summit_err *err);

/* Flight `arrival` moves by minutes (late > 0, early < 0): a plan that
 * moves it and only what it touches. Its trip moves as far as the flight
 * needs, on its vehicle when free then, else on another free one; a trip
 * it shares with other flights keeps them, and it rides one of its own; a
 * head's dedicated car beside it moves too. */
int planner_delay(struct summit_db *db, const struct planner_options *options,
                  long long arrival, int minutes, struct planner_plan *plan,
                  struct summit_err *err);

/* One hotel's guests on one rooming list line. */
struct planner_rooming {
	const char *hotel, *code, *name, *head, *first_night, *last_night;
	long long nights, rooms;
};
typedef int (*planner_rooming_fn)(const struct planner_rooming *r, void *ctx);
/* The rooming list of hotel (an id; 0: every hotel), by hotel then
 * delegation, from the allocations in the file. */
int planner_rooming_list(struct summit_db *db, long long hotel, planner_rooming_fn fn,
                         void *ctx, struct summit_err *err);

#endif
