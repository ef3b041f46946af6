/* Hotels: for each hotel and night, the rooms given to delegations as a
 * bar against the block it holds (beyond the block in the warning
 * colour), then the delegations that sleep there. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

struct hotels {
	int cols;          /* the width the bars were built for */
	long long current; /* the hotel whose heading was added last */
};

static const struct key_help hotels_keys[] = {
    {"Enter", "open the hotel, the night's allocations or the delegation"},
    {"n", "give rooms to a delegation (in the selected hotel and night)"},
    {"b", "add a block of rooms for a night"},
    {"L", "plan: propose hotel nights (or pickups, shuttles), apply, undo"},
    {"e d", "edit or remove the selected hotel"},
    {"C", "export the selected delegation's calendar as .ics"},
    {"P", "print the selected hotel's rooming list, or every hotel's (PDF)"},
    {NULL, NULL},
};

struct load_ctx {
	struct page *page;
	struct hotels *h;
	int bar;
};

static void hotel_heading(struct load_ctx *c, long long id, const char *name)
{
	if (c->h->current == id)
		return;
	if (c->h->current)
		page_add(c->page, ROLE_NORMAL, "%s", "");
	c->h->current = id;
	struct page_line *line = page_add(c->page, ROLE_HEADER, "%s", name);
	line->selectable = true;
	line->target = target_record(&kind_hotels, id);
}

static int night_line(const struct plan_night *n, void *data)
{
	struct load_ctx *c = data;
	hotel_heading(c, n->hotel_id, n->hotel);
	int width = c->bar;
	long long most = n->block > n->allocated ? n->block : n->allocated;
	int filled = most ? (int)(n->allocated * width / most) : 0;
	int held = most ? (int)(n->block * width / most) : 0;
	char bar[512];
	int k = 0;
	for (int i = 0; i < width && k < (int)sizeof bar - 1; i++)
		bar[k++] = i < filled ? (i < held ? '#' : '!') : i < held ? '.' : ' ';
	bar[k] = 0;
	bool over = n->allocated > n->block;
	struct page_line *line =
	    page_add(c->page,
	             over                       ? ROLE_WARN
	             : n->allocated == n->block ? ROLE_GOOD
	                                        : ROLE_NORMAL,
	             "  %s [%s] %4lld/%-4lld%s", n->night, bar, n->allocated, n->block,
	             over ? " ! beyond the block" : "");
	line->selectable = true;
	line->target =
	    target_list(&kind_allocations, NULL, NULL, ALLOCATION_HOTEL, n->hotel);
	line->target.field2 = ALLOCATION_NIGHT;
	snprintf(line->target.value2, sizeof line->target.value2, "%s", n->night);
	return 0;
}

static int stay_line(const struct plan_stay *s, void *data)
{
	struct load_ctx *c = data;
	if (c->h->current != -s->hotel_id) {
		c->h->current = -s->hotel_id;
		page_add(c->page, ROLE_NORMAL, "%s", "");
		struct page_line *line =
		    page_add(c->page, ROLE_HEADER, "Delegations at %s", s->hotel);
		line->selectable = true;
		line->target = target_list(&kind_allocations, NULL, NULL,
		                           ALLOCATION_HOTEL, s->hotel);
	}
	char name[200];
	tui_fit(name, sizeof name, s->name, 30, false);
	struct page_line *line = page_add(
	    c->page, ROLE_NORMAL, "  %-6s %s %s to %s, %lld night%s, up to %lld room%s",
	    s->code, name, s->first_night, s->last_night, s->nights,
	    s->nights == 1 ? "" : "s", s->rooms, s->rooms == 1 ? "" : "s");
	line->selectable = true;
	line->target = target_record(&kind_delegations, s->delegation_id);
	return 0;
}

static void hotels_load(struct view *view)
{
	struct hotels *h = view->data;
	h->current = 0;
	int cols = h->cols ? h->cols : COLS;
	struct load_ctx c = {&view->page, h, cols - 40 > 60 ? 60 : cols - 40};
	if (c.bar < 10)
		c.bar = 10;
	struct summit_err err;
	err_clear(&err);
	page_add(&view->page, ROLE_DIM,
	         "Rooms given to delegations against the block held, per night");
	if (plan_hotel_nights(view->tui->db, night_line, &c, &err) ||
	    plan_stays(view->tui->db, 0, 0, stay_line, &c, &err))
		page_add(&view->page, ROLE_ERROR, "%s", err.msg);
	if (view->page.count == 1)
		page_add(&view->page, ROLE_DIM, "No hotel blocks yet: b adds one.");
}

static void hotels_draw(struct view *view, int top, int height, int cols)
{
	struct hotels *h = view->data;
	if (h->cols != cols) {
		h->cols = cols;
		view_load(view);
	}
	view_draw_page(view, top, height, cols);
}

/* The hotel and night of the selected line, when it has them. */
static void selected_hotel(struct page *page, char **prefill, const struct kind *kind)
{
	const struct target *t = page_selected(page);
	if (!t || t->type != TARGET_LIST || t->field < 0)
		return;
	bool block = kind == &kind_blocks;
	prefill[block ? BLOCK_HOTEL : ALLOCATION_HOTEL] = (char *)t->value;
	if (t->field2 >= 0)
		prefill[block ? BLOCK_NIGHT : ALLOCATION_NIGHT] = (char *)t->value2;
}

static bool hotels_key(struct view *view, int key)
{
	struct tui *tui = view->tui;
	if (key == 'L') {
		tui_push(tui, view_plan_open(tui));
		return true;
	}
	if (key == 'n' || key == 'b') {
		const struct kind *kind = key == 'n' ? &kind_allocations : &kind_blocks;
		char **prefill = xcalloc(kind->nfields, sizeof *prefill);
		selected_hotel(&view->page, prefill, kind);
		form_run(tui, kind, 0, prefill);
		free(prefill);
		return true;
	}
	if (key == 'P') {
		/* The hotel on the selected line, or every hotel. */
		const struct target *t = page_selected(&view->page);
		struct record rec = {0};
		const char *hotel = NULL;
		if (t && t->type == TARGET_RECORD && t->kind == &kind_hotels &&
		    !record_get(tui->db, &kind_hotels, t->id, &rec, NULL))
			hotel = rec.values[HOTEL_NAME];
		else if (t && t->type == TARGET_LIST && t->field >= 0)
			hotel = t->value;
		const char *args[] = {"--hotel", hotel, NULL};
		tui_print(tui, "rooming", hotel ? args : NULL, "rooming.pdf");
		record_clear(&rec);
		return true;
	}
	return false;
}

static const struct view_ops hotels_ops = {
    .name = "Hotels",
    .private_size = sizeof(struct hotels),
    .keys = hotels_keys,
    .load = hotels_load,
    .draw = hotels_draw,
    .key = hotels_key,
    .record_keys = true,
    .bar = "Enter open  n rooms  b block  e edit",
};

struct view *view_hotels_open(struct tui *tui)
{
	return view_open(tui, &hotels_ops, NULL);
}
