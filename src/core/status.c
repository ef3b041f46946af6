#include "summit/status.h"

#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "summit/browse.h"
#include "summit/check.h"
#include "summit/kind.h"

/* One figure: a query with at most one bound text parameter. */
static int figure(struct summit_db *db, const char *sql, const char *param,
                  long long *out, struct summit_err *err)
{
	sqlite3_stmt *st;
	int status = db_prepare(db, sql, &st, err);
	if (status)
		return status;
	if (param)
		sqlite3_bind_text(st, 1, param, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else
		status = db_step_error(db, rc, err);
	sqlite3_finalize(st);
	return status;
}

struct counting {
	struct event_status *s;
	long long last; /* the delegation no-hotel named last */
};

/* Counts what check finds, and the delegations its no-hotel list names
 * (it reports one delegation's nights and people one after the other). */
static int count_problem(const struct check_problem *p, void *ctx)
{
	struct counting *c = ctx;
	struct event_status *s = c->s;
	if (p->kind->severity == CHECK_ERROR)
		s->problems.errors++;
	else
		s->problems.warnings++;
	s->problems.by_kind[p->kind - check_kinds]++;
	if (p->kind != &check_kinds[CHECK_KIND_NO_HOTEL])
		return 0;
	for (size_t i = 0; i < p->nsubjects; i++)
		if (p->subjects[i].kind == &kind_delegations &&
		    p->subjects[i].id != c->last) {
			s->accepted_without_hotel++;
			c->last = p->subjects[i].id;
		}
	return 0;
}

int status_read(struct summit_db *db, struct event_status *s, struct summit_err *err)
{
	int status = status_read_figures(db, s, err);
	if (!status)
		status =
		    check_run(db, NULL, count_problem, &(struct counting){s, 0}, err);
	return status;
}

int status_read_kept_problems(struct summit_db *db, struct event_status *s,
                              struct summit_err *err)
{
	memset(&s->problems, 0, sizeof s->problems);
	s->accepted_without_hotel = 0;
	return check_kept_run(db, NULL, count_problem, &(struct counting){s, 0}, err);
}

int status_read_figures(struct summit_db *db, struct event_status *s,
                        struct summit_err *err)
{
	memset(s, 0, sizeof *s);
	sqlite3_stmt *st;
	int status =
	    db_prepare(db,
	               "SELECT name, city, country, coalesce(currency, ''), first_day,"
	               " last_day FROM event WHERE id = 1",
	               &st, err);
	if (status)
		return status;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return err_no_event(err);
	}
	snprintf(s->name, sizeof s->name, "%s", sqlite3_column_text(st, 0));
	snprintf(s->city, sizeof s->city, "%s", sqlite3_column_text(st, 1));
	snprintf(s->country, sizeof s->country, "%s", sqlite3_column_text(st, 2));
	snprintf(s->currency, sizeof s->currency, "%s", sqlite3_column_text(st, 3));
	snprintf(s->first_day, sizeof s->first_day, "%s", sqlite3_column_text(st, 4));
	snprintf(s->last_day, sizeof s->last_day, "%s", sqlite3_column_text(st, 5));
	sqlite3_finalize(st);
	if ((status = when_today(db, s->today, err)))
		return status;
	int y, m, d;
	when_parse_date(s->first_day, &y, &m, &d);
	long first = when_day_number(y, m, d);
	when_parse_date(s->today, &y, &m, &d);
	s->days_left = first - when_day_number(y, m, d);
	when_parse_date(s->last_day, &y, &m, &d);
	s->event_days = when_day_number(y, m, d) - first + 1;

	for (int i = 0; i < INVITATION_STATE_COUNT && !status; i++)
		status = figure(db, "SELECT count(*) FROM invitations WHERE state = ?",
		                invitation_states[i], &s->invitations[i], err);
	struct {
		const char *sql, *param;
		long long *out;
	} figures[] = {
	    {"SELECT count(*) FROM delegations", NULL, &s->delegations},
	    {"SELECT count(*) FROM delegations WHERE status = ?", "participant",
	     &s->participants},
	    {"SELECT count(*) FROM delegations WHERE status = ?", "observer",
	     &s->observers},
	    {"SELECT count(*) FROM delegations WHERE status = ?", "guest", &s->guests},
	    {"SELECT count(*) FROM people", NULL, &s->people},
	    {"SELECT count(*) FROM sessions", NULL, &s->sessions},
	    {"SELECT count(*) FROM sessions WHERE status = ?", "cancelled",
	     &s->sessions_cancelled},
	    {"SELECT count(*) FROM arrivals WHERE direction = 'arrival'", NULL,
	     &s->arrivals},
	    {"SELECT count(*) FROM trips", NULL, &s->trips},
	    {"SELECT count(*) FROM vehicles", NULL, &s->vehicles},
	    {"SELECT coalesce(sum(amount), 0) FROM costs", NULL, &s->budget_cents},
	    {"SELECT coalesce(sum(amount), 0) FROM pledges", NULL, &s->pledged_cents},
	    {"SELECT coalesce(sum(received), 0) FROM pledges", NULL, &s->received_cents},
	};
	for (size_t i = 0; i < sizeof figures / sizeof figures[0] && !status; i++)
		status =
		    figure(db, figures[i].sql, figures[i].param, figures[i].out, err);
	/* The figures a planner opens as lists are counted by the lists'
	 * own conditions, so a figure and its list cannot disagree. */
	struct {
		const char *cond;
		long long *out;
	} listed[] = {
	    {"accepted", &s->accepted},
	    {"accepted-with-hotel", &s->accepted_with_hotel},
	    {"accepted-with-arrival", &s->accepted_with_arrival},
	    {"accepted-without-arrival", &s->accepted_without_arrival},
	    {"without-pickup", &s->arrivals_without_pickup},
	    {"open", &s->tasks_open},
	    {"overdue", &s->tasks_overdue},
	};
	for (size_t i = 0; i < sizeof listed / sizeof listed[0] && !status; i++) {
		const struct browse_cond *cond = browse_cond_find(listed[i].cond);
		struct browse b = {.kind = cond->kind, .cond = cond};
		status = browse_count(db, &b, listed[i].out, err);
	}
	return status;
}

void status_when(const struct event_status *s, char *out, size_t size)
{
	long day = 1 - s->days_left, after = day - s->event_days;
	if (s->days_left > 0)
		snprintf(out, size, "%ld day%s left", s->days_left,
		         s->days_left == 1 ? "" : "s");
	else if (s->days_left == 0)
		snprintf(out, size, "it opens today");
	else if (after <= 0)
		snprintf(out, size, "day %ld of %ld", day, s->event_days);
	else if (after == 1)
		snprintf(out, size, "it closed yesterday");
	else
		snprintf(out, size, "it closed %ld days ago", after);
}
