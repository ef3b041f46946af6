/* Delegations: the list (sorted, filtered by status, kind and invitation
 * state, searched with /), and one delegation's page: its people, its
 * invitation and history, hotel nights, flights and the sessions it
 * attends. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

struct delegation {
	long long id;
	char code[64];
};

static const struct key_help delegation_keys[] = {
    {"Enter", "open the record or list on the line"},
    {"e", "edit the delegation"},
    {"m", "move its invitation on (with channel and note)"},
    {"p", "add a person to it"},
    {"A", "add an arrival or departure"},
    {"n", "give it hotel rooms for a range of nights (its hotel remembered)"},
    {"i", "add its invitation (when it has none)"},
    {"d", "remove the delegation (asks first)"},
    {"C", "export its calendar as .ics"},
    {"P", "the selected arrival's pickup: a trip that fits, or a new one"},
    {"B", "print its badges (PDF)"},
    {NULL, NULL},
};

static struct page_line *add_link(struct page *page, enum role role, struct target target,
                                  const char *fmt, const char *a, const char *b)
{
	struct page_line *line = page_add(page, role, fmt, a ? a : "", b ? b : "");
	line->selectable = true;
	line->target = target;
	return line;
}

struct load_ctx {
	struct summit_db *db;
	struct page *page;
	const struct kind *kind;
	long long n;
};

static int person_line(const struct browse_row *row, void *data)
{
	struct load_ctx *c = data;
	struct record rec = {0};
	if (record_get(c->db, c->kind, row->id, &rec, NULL))
		return 0;
	char name[200], title[200];
	tui_fit(name, sizeof name, rec.values[PERSON_NAME], 28, false);
	tui_fit(title, sizeof title,
	        rec.values[PERSON_TITLE] ? rec.values[PERSON_TITLE] : "", 24, false);
	struct page_line *line =
	    page_add(c->page, ROLE_NORMAL, "    %s %s %-10s %s", name, title,
	             rec.values[PERSON_ROLE] ? rec.values[PERSON_ROLE] : "",
	             rec.values[PERSON_NEEDS] ? rec.values[PERSON_NEEDS] : "");
	line->selectable = true;
	line->target = target_record(c->kind, row->id);
	record_clear(&rec);
	c->n++;
	return 0;
}

static int history_line(const struct browse_row *row, void *data)
{
	struct load_ctx *c = data;
	struct record rec = {0};
	if (record_get(c->db, c->kind, row->id, &rec, NULL))
		return 0;
	struct page_line *line = page_add(
	    c->page, ROLE_DIM, "    %s  %s -> %s  %s  %s", rec.values[HISTORY_AT],
	    rec.values[HISTORY_OLD_STATE] ? rec.values[HISTORY_OLD_STATE] : "(new)",
	    rec.values[HISTORY_NEW_STATE],
	    rec.values[HISTORY_CHANNEL] ? rec.values[HISTORY_CHANNEL] : "",
	    rec.values[HISTORY_NOTE] ? rec.values[HISTORY_NOTE] : "");
	line->selectable = true;
	line->target = target_record(c->kind, row->id);
	record_clear(&rec);
	return 0;
}

static int stay_line(const struct plan_stay *s, void *data)
{
	struct load_ctx *c = data;
	struct page_line *line =
	    page_add(c->page, ROLE_NORMAL,
	             "    %s: nights of %s to %s, %lld night%s, up to %lld room%s",
	             s->hotel, s->first_night, s->last_night, s->nights,
	             s->nights == 1 ? "" : "s", s->rooms, s->rooms == 1 ? "" : "s");
	line->selectable = true;
	line->target =
	    target_list(&kind_allocations, NULL, NULL, ALLOCATION_DELEGATION, s->code);
	c->n++;
	return 0;
}

static int flight_line(const struct plan_flight *f, void *data)
{
	struct load_ctx *c = data;
	char when[WHEN_TIME_LEN], pickup[64] = "";
	when_format_local(c->db, f->time, when);
	bool arrival = strcmp(f->direction, "arrival") == 0;
	if (f->pickup_vehicle) {
		char hour[6];
		tui_hour(c->db, f->pickup_depart, hour);
		snprintf(pickup, sizeof pickup, "%s at %s", f->pickup_vehicle, hour);
	}
	struct page_line *line =
	    page_add(c->page, arrival && !f->pickup_vehicle ? ROLE_WARN : ROLE_NORMAL,
	             "    %s %-9s %-8s party %-3lld %s%s", when, f->direction,
	             f->flight ? f->flight : "", f->party,
	             f->pickup_vehicle ? "pickup "
	             : arrival         ? "! NO PICKUP"
	                               : "",
	             pickup);
	if (f->person) {
		char *with = xasprintf("%s (%s)", line->text, f->person);
		free(line->text);
		line->text = with;
	}
	line->selectable = true;
	line->target = target_record(&kind_arrivals, f->id);
	c->n++;
	return 0;
}

static int session_line(const struct plan_session *s, void *data)
{
	struct load_ctx *c = data;
	char start[WHEN_TIME_LEN], end[6];
	when_format_local(c->db, s->start, start);
	tui_hour(c->db, s->end, end);
	bool cancelled = strcmp(s->status, "cancelled") == 0;
	struct page_line *line =
	    page_add(c->page, cancelled ? ROLE_DIM : ROLE_NORMAL, "    %s-%s %s (%s)%s",
	             start, end, s->title, s->room, cancelled ? " cancelled" : "");
	line->selectable = true;
	line->target = target_record(&kind_sessions, s->id);
	c->n++;
	return 0;
}

static void delegation_load(struct view *view)
{
	struct delegation *d = view->data;
	struct summit_db *db = view->tui->db;
	struct page *page = &view->page;
	const struct kind *kind = &kind_delegations;
	struct record rec = {0};
	struct summit_err err;
	err_clear(&err);
	if (record_get(db, kind, d->id, &rec, &err)) {
		page_add(page, ROLE_ERROR, "%s (it may have been removed)", err.msg);
		return;
	}
	snprintf(d->code, sizeof d->code, "%s", rec.values[DELEGATION_CODE]);
	snprintf(view->title, sizeof view->title, "%s (%s)", rec.values[DELEGATION_NAME],
	         rec.values[DELEGATION_CODE]);
	struct page_line *line =
	    page_add(page, ROLE_HEADER, "%s (%s)", rec.values[DELEGATION_NAME],
	             rec.values[DELEGATION_CODE]);
	line->selectable = true;
	line->target = target_record(kind, d->id);
	page_add(page, ROLE_NORMAL, "  %s, %s; %s expected%s%s%s%s%s",
	         rec.values[DELEGATION_KIND], rec.values[DELEGATION_STATUS],
	         rec.values[DELEGATION_SIZE] ? rec.values[DELEGATION_SIZE] : "1",
	         rec.values[DELEGATION_HEAD] ? "; head " : "",
	         rec.values[DELEGATION_HEAD] ? rec.values[DELEGATION_HEAD] : "",
	         rec.values[DELEGATION_RANK] ? " (" : "",
	         rec.values[DELEGATION_RANK] ? rec.values[DELEGATION_RANK] : "",
	         rec.values[DELEGATION_RANK] ? ")" : "");
	if (rec.values[DELEGATION_EMAIL])
		page_add(page, ROLE_NORMAL, "  %s", rec.values[DELEGATION_EMAIL]);

	/* The invitation and its history. */
	const struct kind *inv = &kind_invitations;
	struct record ir = {0};
	long long inv_id;
	page_add(page, ROLE_NORMAL, "%s", "");
	if (record_find(db, inv, d->code, &inv_id, NULL) == SUMMIT_OK &&
	    record_get(db, inv, inv_id, &ir, NULL) == SUMMIT_OK) {
		struct strbuf sb = {0};
		strbuf_addf(&sb, "Invitation: %s, %s", ir.values[INVITATION_STATE],
		            ir.values[INVITATION_CHANNEL]);
		if (ir.values[INVITATION_VIA])
			strbuf_addf(&sb, " through %s", ir.values[INVITATION_VIA]);
		if (ir.values[INVITATION_DEADLINE])
			strbuf_addf(&sb, ", answer by %s",
			            ir.values[INVITATION_DEADLINE]);
		add_link(page, ROLE_HEADER, target_record(inv, inv_id), "%s%s", sb.buf,
		         "");
		strbuf_free(&sb);
		/* Selectable, so w reads it whole. */
		if (ir.values[INVITATION_NOTE])
			add_link(page, ROLE_NORMAL, target_record(inv, inv_id), "  %s%s",
			         ir.values[INVITATION_NOTE], "");
		const struct kind *history = &kind_history;
		struct record_filter by = {HISTORY_DELEGATION, d->code};
		struct browse b = {.kind = history, .filters = &by, .nfilters = 1};
		struct load_ctx c = {db, page, history, 0};
		browse_each(db, &b, 0, -1, history_line, &c, NULL);
		record_clear(&ir);
	} else {
		page_add(page, ROLE_WARN, "Invitation: none yet (i adds it)");
	}

	/* People. */
	const struct kind *people = &kind_people;
	struct record_filter by = {PERSON_DELEGATION, d->code};
	struct browse b = {.kind = people, .filters = &by, .nfilters = 1};
	long long n = 0;
	browse_count(db, &b, &n, NULL);
	page_add(page, ROLE_NORMAL, "%s", "");
	char heading[64];
	if (n)
		snprintf(heading, sizeof heading, "People: %lld", n);
	else
		snprintf(heading, sizeof heading, "People: none yet (p adds one)");
	add_link(page, ROLE_HEADER,
	         target_list(&kind_people, NULL, NULL, PERSON_DELEGATION, d->code),
	         "%s%s", heading, "");
	struct load_ctx c = {db, page, people, 0};
	browse_each(db, &b, 0, -1, person_line, &c, NULL);

	page_add(page, ROLE_NORMAL, "%s", "");
	add_link(
	    page, ROLE_HEADER,
	    target_list(&kind_allocations, NULL, NULL, ALLOCATION_DELEGATION, d->code),
	    "Hotel nights%s%s", "", "");
	c = (struct load_ctx){db, page, NULL, 0};
	plan_stays(db, 0, d->id, stay_line, &c, NULL);
	if (!c.n)
		page_add(page, ROLE_WARN, "    none yet (n gives rooms for a night)");

	page_add(page, ROLE_NORMAL, "%s", "");
	add_link(page, ROLE_HEADER,
	         target_list(&kind_arrivals, NULL, NULL, ARRIVAL_DELEGATION, d->code),
	         "Arrivals and departures%s%s", "", "");
	c = (struct load_ctx){db, page, NULL, 0};
	plan_flights(db, NULL, d->id, flight_line, &c, NULL);
	if (!c.n)
		page_add(page, ROLE_WARN, "    none yet (A adds a flight)");

	page_add(page, ROLE_NORMAL, "%s", "");
	page_add(page, ROLE_HEADER, "Sessions it attends");
	c = (struct load_ctx){db, page, NULL, 0};
	plan_delegation_sessions(db, d->id, session_line, &c, NULL);
	if (!c.n)
		page_add(page, ROLE_DIM, "    none");
	record_clear(&rec);
}

/* A form for a record of kind with its delegation field filled in. */
static void add_for(struct view *view, const struct kind *kind, int delegation_field)
{
	struct delegation *d = view->data;
	char **prefill = xcalloc(kind->nfields, sizeof *prefill);
	prefill[delegation_field] = d->code;
	form_run(view->tui, kind, 0, prefill);
	free(prefill);
}

static bool delegation_key(struct view *view, int key)
{
	struct delegation *d = view->data;
	struct tui *tui = view->tui;
	switch (key) {
	case 'e':
		form_run(tui, &kind_delegations, d->id, NULL);
		return true;
	case 'm':
		form_invitation_move(tui, d->code);
		return true;
	case 'p':
		add_for(view, &kind_people, PERSON_DELEGATION);
		return true;
	case 'A':
		add_for(view, &kind_arrivals, ARRIVAL_DELEGATION);
		return true;
	case 'n':
		form_allocate(tui, d->id);
		return true;
	case 'i':
		add_for(view, &kind_invitations, INVITATION_DELEGATION);
		return true;
	case 'd':
		if (form_delete(tui, &kind_delegations, d->id))
			view_load(view);
		return true;
	case 'C':
		return form_export_ics(tui, &kind_delegations, d->id);
	case 'P': {
		const struct target *sel = page_selected(&view->page);
		if (sel && sel->type == TARGET_RECORD && sel->kind == &kind_arrivals)
			tui_pickup(tui, sel->id);
		else
			tui_message(tui, ROLE_DIM,
			            "P meets an arrival: select one first.");
		return true;
	}
	case 'B': {
		const char *args[] = {"--delegation", d->code, NULL};
		char file[96];
		snprintf(file, sizeof file, "badges-%s.pdf", d->code);
		tui_print(tui, "badges", args, file);
		return true;
	}
	}
	return false;
}

static void delegation_init(struct view *view, const void *arg)
{
	struct delegation *d = view->data;
	d->id = *(const long long *)arg;
}

static const struct view_ops delegation_ops = {
    .name = "a delegation",
    .private_size = sizeof(struct delegation),
    .keys = delegation_keys,
    .init = delegation_init,
    .load = delegation_load,
    .key = delegation_key,
    .bar = "e edit  m invitation  p person  A flight  n rooms  P pickup  C ics",
};

struct view *view_delegation_open(struct tui *tui, long long id)
{
	struct view *view = view_open(tui, &delegation_ops, &id);
	snprintf(view->title, sizeof view->title, "Delegation");
	return view;
}

struct view *view_delegations_open(struct tui *tui)
{
	struct list_options o = {.open = view_delegation_open, .title = "Delegations"};
	return view_list_open(tui, &kind_delegations, &o);
}
