/* Plan: runs a planner, lists what it proposes for review (Space leaves a
 * change out or takes it back), applies the rest in one transaction and
 * undoes the last applied plan. The other views reload at once, so the
 * Hotels, Transport and dashboard figures move with it. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

#include "summit/planner.h"

struct planview {
	struct planner_plan plan;
	bool has_plan;
	char last[256]; /* what the last apply or undo did */
};

static const struct key_help plan_keys[] = {
    {"h p s", "propose hotel nights, airport pickups or shuttles"},
    {"Space", "leave the selected change out, or take it back"},
    {"+ -", "take every change, or leave every one out"},
    {"a", "apply the changes taken, in one transaction"},
    {"u", "undo the last applied plan"},
    {"w", "the selected change whole"},
    {NULL, NULL},
};

static const char *const op_names[] = {"add", "change", "remove"};

static void plan_load(struct view *view)
{
	struct planview *p = view->data;
	struct page *page = &view->page;
	if (p->last[0])
		page_add(page, ROLE_GOOD, "  %s", p->last);
	if (!p->has_plan) {
		page_add(page, ROLE_DIM,
		         "  h proposes hotel nights, p airport pickups and "
		         "departures, s shuttles;");
		page_add(page, ROLE_DIM,
		         "  nothing is written until a applies the plan, and u "
		         "undoes the last one.");
		return;
	}
	const struct planner_plan *pl = &p->plan;
	page_add(page, ROLE_HEADER,
	         "  plan %s: %lld to add, %lld to change, %lld to remove", pl->planner,
	         planner_count(pl, PLANNER_ADD), planner_count(pl, PLANNER_CHANGE),
	         planner_count(pl, PLANNER_REMOVE));
	if (pl->has_bound)
		page_add(page, ROLE_NORMAL,
		         "  quality %.0f against a bound of %.0f, a gap of %.1f%%",
		         pl->value, pl->bound, 100 * planner_gap(pl));
	for (size_t i = 0; i < pl->nshort; i++)
		page_add(page, ROLE_WARN, "  short: %s", pl->shortfalls[i]);
	for (size_t i = 0; i < pl->nnotes; i++)
		page_add(page, ROLE_DIM, "  note: %s", pl->notes[i]);
	if (!pl->n)
		page_add(page, ROLE_DIM, "  Nothing to change.");
	for (size_t i = 0; i < pl->n; i++) {
		const struct planner_change *c = &pl->v[i];
		struct page_line *line =
		    page_add(page, c->skip ? ROLE_DIM : ROLE_NORMAL,
		             "  [%c] %-6s %-10s %s", c->skip ? ' ' : 'x', op_names[c->op],
		             c->kind->singular, c->what ? c->what : "");
		line->selectable = true;
		line->index = (long long)i;
	}
}

static void propose(struct view *view, const char *name,
                    int (*fn)(struct summit_db *, const struct planner_options *,
                              struct planner_plan *, struct summit_err *))
{
	struct planview *p = view->data;
	struct summit_err err;
	err_clear(&err);
	struct planner_options o;
	if (p->has_plan)
		planner_plan_free(&p->plan);
	p->has_plan = false;
	p->last[0] = '\0';
	planner_plan_init(&p->plan, name);
	if (planner_options_init(view->tui->db, &o, &err) ||
	    fn(view->tui->db, &o, &p->plan, &err)) {
		planner_plan_free(&p->plan);
		tui_message(view->tui, ROLE_ERROR, "%s", err.msg);
		return;
	}
	p->has_plan = true;
	tui_message(view->tui, ROLE_NORMAL,
	            "plan %s proposed: Space leaves a change out, a applies the rest",
	            name);
	view->page.cursor.line = 0;
	view_load(view);
}

static long long selected(struct view *view)
{
	struct page *page = &view->page;
	if (!page->count || page->cursor.line < 0 ||
	    page->cursor.line >= (long long)page->count ||
	    !page->lines[page->cursor.line].selectable)
		return -1;
	return page->lines[page->cursor.line].index;
}

static bool plan_key(struct view *view, int key)
{
	struct planview *p = view->data;
	struct tui *tui = view->tui;
	switch (key) {
	case 'h':
		propose(view, "hotels", planner_hotels);
		return true;
	case 'p':
		propose(view, "pickups", planner_pickups);
		return true;
	case 's':
		propose(view, "shuttles", planner_shuttles);
		return true;
	case ' ': {
		long long i = selected(view);
		if (!p->has_plan || i < 0)
			return true;
		p->plan.v[i].skip = !p->plan.v[i].skip;
		view_load(view);
		return true;
	}
	case '+':
	case '-':
		for (size_t i = 0; p->has_plan && i < p->plan.n; i++)
			p->plan.v[i].skip = key == '-';
		view_load(view);
		return true;
	case 'a': {
		if (!p->has_plan) {
			tui_message(tui, ROLE_WARN,
			            "no plan to apply: h, p or s proposes one");
			return true;
		}
		long long n = planner_count(&p->plan, PLANNER_ADD) +
		              planner_count(&p->plan, PLANNER_CHANGE) +
		              planner_count(&p->plan, PLANNER_REMOVE);
		char question[160];
		snprintf(question, sizeof question, "Apply %lld change%s of plan %s?", n,
		         n == 1 ? "" : "s", p->plan.planner);
		if (!n ||
		    !tui_confirm(tui, question,
		                 "In one transaction, through the rules every change "
		                 "follows; u undoes it."))
			return true;
		struct summit_err err;
		err_clear(&err);
		long long id;
		if (planner_apply(tui->db, &p->plan, &id, &err)) {
			tui_message(tui, ROLE_ERROR, "%s", err.msg);
			return true;
		}
		snprintf(p->last, sizeof p->last, "applied plan %lld (%s): %lld change%s",
		         id, p->plan.planner, n, n == 1 ? "" : "s");
		planner_plan_free(&p->plan);
		p->has_plan = false;
		tui_message(tui, ROLE_GOOD, "%s", p->last);
		tui_reload(tui);
		return true;
	}
	case 'u': {
		if (!tui_confirm(
		        tui, "Undo the last applied plan?",
		        "What it added is removed, what it changed or removed is put "
		        "back; refused if a record it touched changed since."))
			return true;
		struct summit_err err;
		err_clear(&err);
		long long id, n;
		const char *name;
		if (planner_undo(tui->db, &id, &name, &n, &err)) {
			tui_message(tui, ROLE_ERROR, "%s", err.msg);
			return true;
		}
		snprintf(p->last, sizeof p->last,
		         "undid plan %lld (%s): %lld change%s put back", id, name, n,
		         n == 1 ? "" : "s");
		if (p->has_plan)
			planner_plan_free(&p->plan);
		p->has_plan = false;
		tui_message(tui, ROLE_GOOD, "%s", p->last);
		tui_reload(tui);
		return true;
	}
	}
	return false;
}

static void plan_detail(struct view *view, struct strbuf *out)
{
	struct planview *p = view->data;
	long long i = selected(view);
	if (!p->has_plan || i < 0)
		return;
	const struct planner_change *c = &p->plan.v[i];
	char *values = planner_change_values(c);
	strbuf_addf(out, "%s %s%s\n%s\n%s", op_names[c->op], c->kind->singular,
	            c->op == PLANNER_ADD ? "" : " (an existing record)",
	            c->what ? c->what : "", values);
	free(values);
}

static void plan_close(struct view *view)
{
	struct planview *p = view->data;
	if (p->has_plan)
		planner_plan_free(&p->plan);
}

static const struct view_ops plan_ops = {
    .name = "Plan",
    .private_size = sizeof(struct planview),
    .keys = plan_keys,
    .load = plan_load,
    .key = plan_key,
    .detail = plan_detail,
    .close = plan_close,
};

struct view *view_plan_open(struct tui *tui)
{
	return view_open(tui, &plan_ops, NULL);
}
