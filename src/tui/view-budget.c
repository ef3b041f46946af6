/* The budget: each line with what partners pledged for it and what was
 * received, the gaps in the warning colour, the totals; then every pledge.
 * And the tasks, by due date, the overdue ones highlighted. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

struct budget {
	struct page *page;
	int cols;      /* the width the lines were laid out for */
	bool category; /* room for the category column */
	long long need, pledged, received;
	char currency[16];
};

static const struct key_help budget_keys[] = {
    {"Enter", "open the budget line or pledge"},
    {"c", "add a budget line (cost)"},
    {"p", "add a pledge"},
    {"P", "add a partner"},
    {"e d", "edit or remove the selected record"},
    {NULL, NULL},
};

static void amount(char *out, size_t size, long long cents)
{
	char money[48];
	tui_money(cents, money, sizeof money);
	tui_fit(out, size, money, 12, true);
}

static int budget_line(const struct plan_budget_line *l, void *data)
{
	struct budget *b = data;
	char name[200], category[100], need[64], pledged[64], received[64], gap[64];
	long long missing = l->amount - l->pledged;
	b->need += l->amount;
	b->pledged += l->pledged;
	b->received += l->received;
	amount(need, sizeof need, l->amount);
	amount(pledged, sizeof pledged, l->pledged);
	amount(received, sizeof received, l->received);
	amount(gap, sizeof gap, missing > 0 ? missing : 0);
	if (!l->id) {
		if (!l->pledged)
			return 0;
		tui_fit(name, sizeof name, "pledges for no line", b->category ? 36 : 22,
		        false);
		page_add(b->page, ROLE_DIM, "  %s %12s %s %s", name, "", pledged,
		         received);
		return 0;
	}
	tui_fit(name, sizeof name, l->name, 22, false);
	tui_fit(category, sizeof category, l->category ? l->category : "", 13, false);
	if (!b->category)
		category[0] = 0;
	struct page_line *line =
	    page_add(b->page, missing > 0 ? ROLE_WARN : ROLE_NORMAL,
	             "  %s %s%s%s %s %s %s%s", name, category, b->category ? " " : "",
	             need, pledged, received, gap, missing > 0 ? " !" : "");
	line->selectable = true;
	line->target = target_record(&kind_costs, l->id);
	return 0;
}

/* Amounts come in the user's form ("1500.50"): back to hundredths, without
 * the locale's idea of a decimal point. */
static long long cents(const char *text)
{
	long long whole = 0, frac = 0;
	const char *p = text ? text : "";
	bool negative = *p == '-';
	p += negative;
	for (; *p >= '0' && *p <= '9'; p++)
		whole = whole * 10 + (*p - '0');
	if (*p == '.' && p[1] >= '0' && p[1] <= '9') {
		frac = (p[1] - '0') * 10;
		if (p[2] >= '0' && p[2] <= '9')
			frac += p[2] - '0';
	}
	return (negative ? -1 : 1) * (whole * 100 + frac);
}

static int pledge_line(const struct record *rec, void *data)
{
	struct budget *b = data;
	char partner[200], kind[20], pledged[64], received[64], cost[200];
	tui_fit(partner, sizeof partner, rec->values[PLEDGE_PARTNER], 22, false);
	tui_fit(kind, sizeof kind, rec->values[PLEDGE_KIND], 13, false);
	long long a = cents(rec->values[PLEDGE_AMOUNT]),
	          r = cents(rec->values[PLEDGE_RECEIVED]);
	amount(pledged, sizeof pledged, a);
	amount(received, sizeof received, r);
	tui_fit(cost, sizeof cost,
	        rec->values[PLEDGE_COST] ? rec->values[PLEDGE_COST] : "(no line)", 20,
	        false);
	struct page_line *line =
	    page_add(b->page, r < a ? ROLE_NORMAL : ROLE_GOOD, "  %s %s %s %s %s%s",
	             partner, kind, pledged, received, cost, r < a ? "" : " received");
	line->selectable = true;
	line->target = target_record(&kind_pledges, rec->id);
	return 0;
}

static void budget_load(struct view *view)
{
	struct budget *b = view->data;
	struct summit_db *db = view->tui->db;
	b->page = &view->page;
	struct record event = {0};
	b->currency[0] = 0;
	if (record_get(db, &kind_event, 1, &event, NULL) == SUMMIT_OK) {
		const char *c = event.values[EVENT_CURRENCY];
		snprintf(b->currency, sizeof b->currency, "%s", c ? c : "");
	}
	record_clear(&event);
	b->cols = COLS;
	b->category = b->cols >= 100;
	if (b->category)
		page_add(b->page, ROLE_HEADER, "  %-22s %-13s %12s %12s %12s %12s",
		         "Budget line", "category", "need", "pledged", "received",
		         "unpledged");
	else
		page_add(b->page, ROLE_HEADER, "  %-22s %12s %12s %12s %12s",
		         "Budget line", "need", "pledged", "received", "unpledged");
	/* The totals are the sums of the lines, the pledges for no line too. */
	b->need = b->pledged = b->received = 0;
	struct summit_err err;
	err_clear(&err);
	if (plan_budget(db, budget_line, b, &err)) {
		page_add(b->page, ROLE_ERROR, "%s", err.msg);
		return;
	}
	char need[64], pledged[64], received[64], gap[64], total[64];
	amount(need, sizeof need, b->need);
	amount(pledged, sizeof pledged, b->pledged);
	amount(received, sizeof received, b->received);
	long long missing = b->need - b->pledged;
	amount(gap, sizeof gap, missing > 0 ? missing : 0);
	snprintf(total, sizeof total, "Total, %s", b->currency);
	if (b->category)
		page_add(b->page, missing > 0 ? ROLE_WARN : ROLE_GOOD,
		         "  %-22s %-13s %s %s %s %s", "Total", b->currency, need, pledged,
		         received, gap);
	else
		page_add(b->page, missing > 0 ? ROLE_WARN : ROLE_GOOD,
		         "  %-22s %s %s %s %s", total, need, pledged, received, gap);
	page_add(b->page, ROLE_NORMAL, "%s", "");
	page_add(b->page, ROLE_HEADER, "  %-22s %-13s %12s %12s %s", "Pledge of", "kind",
	         "amount", "received", "for");
	size_t before = b->page->count;
	record_each(db, &kind_pledges, NULL, 0, pledge_line, b, NULL);
	if (b->page->count == before)
		page_add(b->page, ROLE_DIM, "  No pledge yet: p adds one.");
}

static void budget_draw(struct view *view, int top, int height, int cols)
{
	struct budget *b = view->data;
	if (b->cols != cols)
		view_load(view);
	view_draw_page(view, top, height, cols);
}

static bool budget_key(struct view *view, int key)
{
	struct tui *tui = view->tui;
	const struct kind *kind = key == 'c'   ? &kind_costs
	                          : key == 'p' ? &kind_pledges
	                          : key == 'P' ? &kind_partners
	                                       : NULL;
	if (!kind)
		return false;
	form_run(tui, kind, 0, NULL);
	return true;
}

static const struct view_ops budget_ops = {
    .name = "Budget",
    .private_size = sizeof(struct budget),
    .keys = budget_keys,
    .load = budget_load,
    .draw = budget_draw,
    .key = budget_key,
    .record_keys = true,
    .bar = "c line  p pledge  P partner  e edit",
};

struct view *view_budget_open(struct tui *tui)
{
	return view_open(tui, &budget_ops, NULL);
}

struct view *view_tasks_open(struct tui *tui)
{
	struct list_options o = {.title = "Tasks by due date"};
	return view_list_open(tui, &kind_tasks, &o);
}
