/* The checks of invitations and the budget: unanswered invitations,
 * pledges short or not received, overdue tasks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "internal.h"
#include "summit/xalloc.h"

/* invitation-unanswered */
static int row_unanswered(struct check_ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	struct model_delegation *d = check_find_dlg(c, sqlite3_column_int64(st, 0));
	const char *state = (const char *)sqlite3_column_text(st, 1);
	const char *deadline = (const char *)sqlite3_column_text(st, 2);
	long late = c->today_num - check_day_num(deadline);
	char label[300];
	struct check_subject s[] = {{&kind_invitations, d->id, d->code, d->name}};
	if (strcmp(state, "draft") == 0)
		return check_emit(
		    c, 0, 0, s, 1,
		    "The invitation to %s is still a draft, %ld day%s after its answer "
		    "deadline %s",
		    check_dlg_label(d, label, sizeof label), late, late == 1 ? "" : "s",
		    deadline);
	return check_emit(
	    c, 0, 0, s, 1,
	    "%s has not answered its invitation (%s) by its deadline %s, %ld day%s "
	    "ago",
	    check_dlg_label(d, label, sizeof label), state, deadline, late,
	    late == 1 ? "" : "s");
}

int check_invitation_unanswered(struct check_ctx *c)
{
	return check_query(
	    c,
	    "SELECT delegation, state, deadline FROM invitations"
	    " WHERE state IN ('draft', 'sent', 'delivered', 'acknowledged')"
	    " AND deadline IS NOT NULL AND deadline < ?"
	    " ORDER BY deadline, (SELECT code FROM delegations d"
	    "  WHERE d.id = delegation)",
	    c->today, NULL, row_unanswered, NULL);
}

/* pledges-short */
static int row_short(struct check_ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	long long need = sqlite3_column_int64(st, 0),
	          pledged = sqlite3_column_int64(st, 1);
	if (pledged >= need)
		return SUMMIT_OK;
	char a[64], b[64], d[64];
	check_money(c, pledged, a, sizeof a);
	check_money(c, need, b, sizeof b);
	check_money(c, need - pledged, d, sizeof d);
	return check_emit(c, 0, 0, NULL, 0,
	                  "Pledges total %s against a budget of %s: %s short", a, b, d);
}

int check_pledges_short(struct check_ctx *c)
{
	return check_query(c,
	                   "SELECT (SELECT coalesce(sum(amount), 0) FROM costs),"
	                   " (SELECT coalesce(sum(amount), 0) FROM pledges)",
	                   NULL, NULL, row_short, NULL);
}

/* pledge-not-received */
static int row_not_received(struct check_ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	long long id = sqlite3_column_int64(st, 0);
	const char *partner = (const char *)sqlite3_column_text(st, 1);
	bool cash = strcmp((const char *)sqlite3_column_text(st, 2), "cash") == 0;
	long long amount = sqlite3_column_int64(st, 3),
	          received = sqlite3_column_int64(st, 4);
	const char *cost = (const char *)sqlite3_column_text(st, 5);
	char a[64], r[64], o[64], what[300] = "";
	check_money(c, amount, a, sizeof a);
	check_money(c, received, r, sizeof r);
	check_money(c, amount - received, o, sizeof o);
	if (cost)
		snprintf(what, sizeof what, " for %s", cost);
	struct check_subject s[] = {
	    {&kind_pledges, id, NULL, NULL},
	    {&kind_partners, sqlite3_column_int64(st, 6), partner, NULL}};
	if (received == 0)
		return check_emit(c, 0, 0, s, 2, "%s pledged %s%s%s; nothing %s yet",
		                  partner, a, cash ? "" : " in kind", what,
		                  cash ? "received" : "delivered");
	return check_emit(
	    c, 0, 0, s, 2, "%s has %s %s of the %s it pledged%s%s: %s outstanding",
	    partner, cash ? "paid" : "delivered", r, a, cash ? "" : " in kind", what, o);
}

int check_pledge_not_received(struct check_ctx *c)
{
	return check_query(
	    c,
	    "SELECT p.id, pa.name, p.kind, p.amount, p.received, co.name, pa.id"
	    " FROM pledges p JOIN partners pa ON pa.id = p.partner"
	    " LEFT JOIN costs co ON co.id = p.cost WHERE p.received < p.amount"
	    " ORDER BY pa.name, p.id",
	    NULL, NULL, row_not_received, NULL);
}

/* task-overdue */
static int row_overdue(struct check_ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	const char *title = (const char *)sqlite3_column_text(st, 1);
	const char *owner = (const char *)sqlite3_column_text(st, 2);
	const char *due = (const char *)sqlite3_column_text(st, 3);
	const char *state = (const char *)sqlite3_column_text(st, 4);
	long late = c->today_num - check_day_num(due);
	struct check_subject s[] = {
	    {&kind_tasks, sqlite3_column_int64(st, 0), NULL, title}};
	return check_emit(c, 0, 0, s, 1,
	                  "\"%s\"%s%s%s was due on %s and is still %s, %ld day%s late",
	                  title, owner ? " (" : "", owner ? owner : "", owner ? ")" : "",
	                  due, strcmp(state, "open") == 0 ? "open" : "in progress", late,
	                  late == 1 ? "" : "s");
}

int check_task_overdue(struct check_ctx *c)
{
	return check_query(
	    c,
	    "SELECT id, title, owner, due, state FROM tasks"
	    " WHERE state IN ('open', 'in-progress') AND due < ? ORDER BY due, id",
	    c->today, NULL, row_overdue, NULL);
}
