#include "summit/status.h"

#include <stdio.h>
#include <string.h>

#include "internal.h"
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

int status_read(struct summit_db *db, struct event_status *s, struct summit_err *err)
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
		return err_set(
		    err, SUMMIT_NOT_FOUND,
		    "the file holds no event yet: create it with `summit init`");
	}
	snprintf(s->name, sizeof s->name, "%s", sqlite3_column_text(st, 0));
	snprintf(s->city, sizeof s->city, "%s", sqlite3_column_text(st, 1));
	snprintf(s->country, sizeof s->country, "%s", sqlite3_column_text(st, 2));
	snprintf(s->currency, sizeof s->currency, "%s", sqlite3_column_text(st, 3));
	snprintf(s->first_day, sizeof s->first_day, "%s", sqlite3_column_text(st, 4));
	snprintf(s->last_day, sizeof s->last_day, "%s", sqlite3_column_text(st, 5));
	sqlite3_finalize(st);
	if ((status = when_today(s->today, err)))
		return status;
	int y, m, d;
	when_parse_date(s->first_day, &y, &m, &d);
	long first = when_day_number(y, m, d);
	when_parse_date(s->today, &y, &m, &d);
	s->days_left = first - when_day_number(y, m, d);

	for (int i = 0; i < STATUS_INVITATION_STATES && !status; i++)
		status = figure(db, "SELECT count(*) FROM invitations WHERE state = ?",
		                invitation_states[i], &s->invitations[i], err);
	const char *accepted =
	    "SELECT count(*) FROM invitations i WHERE i.state = 'accepted'";
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
	    {accepted, NULL, &s->accepted},
	    {"SELECT count(*) FROM invitations i WHERE i.state = 'accepted' AND EXISTS"
	     " (SELECT 1 FROM allocations a WHERE a.delegation = i.delegation)",
	     NULL, &s->accepted_with_hotel},
	    {"SELECT count(*) FROM invitations i WHERE i.state = 'accepted' AND EXISTS"
	     " (SELECT 1 FROM arrivals a WHERE a.delegation = i.delegation"
	     "  AND a.direction = 'arrival')",
	     NULL, &s->accepted_with_arrival},
	    {"SELECT count(*) FROM invitations i WHERE i.state = 'accepted'"
	     " AND NOT EXISTS (SELECT 1 FROM allocations a"
	     "  WHERE a.delegation = i.delegation) AND " SQL_NOT_HOST("i.delegation"),
	     NULL, &s->accepted_without_hotel},
	    {"SELECT count(*) FROM invitations i WHERE i.state = 'accepted'"
	     " AND NOT EXISTS (SELECT 1 FROM arrivals a WHERE a.delegation = i.delegation"
	     "  AND a.direction = 'arrival') AND " SQL_NOT_HOST("i.delegation"),
	     NULL, &s->accepted_without_arrival},
	    {"SELECT count(*) FROM sessions", NULL, &s->sessions},
	    {"SELECT count(*) FROM sessions WHERE status = ?", "cancelled",
	     &s->sessions_cancelled},
	    {"SELECT count(*) FROM arrivals WHERE direction = 'arrival'", NULL,
	     &s->arrivals},
	    {"SELECT count(*) FROM arrivals WHERE direction = 'arrival' AND pickup IS "
	     "NULL",
	     NULL, &s->arrivals_without_pickup},
	    {"SELECT count(*) FROM trips", NULL, &s->trips},
	    {"SELECT count(*) FROM vehicles", NULL, &s->vehicles},
	    {"SELECT coalesce(sum(amount), 0) FROM costs", NULL, &s->budget_cents},
	    {"SELECT coalesce(sum(amount), 0) FROM pledges", NULL, &s->pledged_cents},
	    {"SELECT coalesce(sum(received), 0) FROM pledges", NULL, &s->received_cents},
	    {"SELECT count(*) FROM tasks WHERE state IN ('open', 'in-progress')", NULL,
	     &s->tasks_open},
	    {"SELECT count(*) FROM tasks WHERE state IN ('open', 'in-progress')"
	     " AND due < ?",
	     s->today, &s->tasks_overdue},
	};
	for (size_t i = 0; i < sizeof figures / sizeof figures[0] && !status; i++)
		status =
		    figure(db, figures[i].sql, figures[i].param, figures[i].out, err);
	if (!status)
		status = check_count(db, NULL, &s->problems, err);
	return status;
}
