/* Invitations by state: a row of states with their counts, Left and Right
 * to pick one, the invitations in it below, and m to move one on with a
 * channel and a note (the history row is written by the core). */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

struct invitations {
	int state; /* index in invitation_states, or -1 for all */
	long long counts[INVITATION_STATE_COUNT], total;
	struct view *list;
};

static const struct key_help invitations_keys[] = {
    {"Left Right h l", "the previous or next state (or all)"},
    {"m", "move the invitation on: state, channel, note"},
    {"Enter", "open the delegation, with the invitation's history"},
    {"a e d", "add, edit or remove an invitation"},
    {"/ f s", "search, filter, sort the list"},
    {NULL, NULL},
};

static struct view *open_delegation_of(struct tui *tui, long long invitation)
{
	struct record rec = {0};
	long long id = 0;
	if (record_get(tui->db, &kind_invitations, invitation, &rec, NULL) == SUMMIT_OK)
		record_find(tui->db, &kind_delegations, rec.values[INVITATION_DELEGATION],
		            &id, NULL);
	record_clear(&rec);
	return id ? view_delegation_open(tui, id)
	          : view_record_open(tui, &kind_invitations, invitation);
}

static void invitations_open_list(struct view *view)
{
	struct invitations *v = view->data;
	view_close(v->list);
	struct list_options o = {
	    .cond = v->state >= 0 ? "state" : NULL,
	    .param = v->state >= 0 ? invitation_states[v->state] : NULL,
	    .open = open_delegation_of,
	};
	v->list = view_list_open(view->tui, &kind_invitations, &o);
	v->list->height = view->height - 1;
}

static void invitations_load(struct view *view)
{
	struct invitations *v = view->data;
	const struct kind *kind = &kind_invitations;
	v->total = 0;
	for (int i = 0; i < INVITATION_STATE_COUNT; i++) {
		struct browse b = {.kind = kind,
		                   .cond = browse_cond_find("state"),
		                   .param = invitation_states[i]};
		v->counts[i] = 0;
		browse_count(view->tui->db, &b, &v->counts[i], NULL);
		v->total += v->counts[i];
	}
	if (!v->list)
		invitations_open_list(view);
	v->list->height = view->height - 1;
	view_load(v->list);
}

static void invitations_draw(struct view *view, int top, int height, int cols)
{
	struct invitations *v = view->data;
	/* Short names when the full ones do not fit. */
	static const char *const brief[] = {"draft",   "sent",  "deliv.", "ackn.",
	                                    "accept.", "decl.", "withdr."};
	int full = 8 + INVITATION_STATE_COUNT * 6;
	for (int i = 0; i < INVITATION_STATE_COUNT; i++)
		full += text_width(invitation_states[i]);
	const char *const *names = full <= cols ? invitation_states : brief;
	int x = 0;
	char label[64];
	snprintf(label, sizeof label, " all %lld ", v->total);
	x += tui_put(top, x, cols - x, label, v->state < 0 ? ROLE_CURSOR : ROLE_NORMAL,
	             false);
	for (int i = 0; i < INVITATION_STATE_COUNT && x < cols; i++) {
		snprintf(label, sizeof label, " %s %lld ", names[i], v->counts[i]);
		x += tui_put(top, x, cols - x, label,
		             v->state == i ? ROLE_CURSOR : ROLE_NORMAL, false);
	}
	view_draw(v->list, top + 1, height - 1, cols);
}

static bool invitations_key(struct view *view, int key)
{
	struct invitations *v = view->data;
	int states = INVITATION_STATE_COUNT;
	switch (key) {
	case KEY_LEFT:
	case 'h':
		v->state = v->state < 0 ? states - 1 : v->state - 1;
		invitations_open_list(view);
		invitations_load(view);
		return true;
	case KEY_RIGHT:
	case 'l':
		v->state = v->state == states - 1 ? -1 : v->state + 1;
		invitations_open_list(view);
		invitations_load(view);
		return true;
	}
	return view_key(v->list, key);
}

static void invitations_close(struct view *view)
{
	struct invitations *v = view->data;
	view_close(v->list);
}

static bool invitations_click(struct view *view, int y)
{
	struct invitations *v = view->data;
	return view_click(v->list, y);
}

static void invitations_init(struct view *view, const void *arg)
{
	struct invitations *v = view->data;
	const char *state = arg;
	v->state = -1;
	for (int i = 0; state && i < INVITATION_STATE_COUNT; i++)
		if (strcmp(invitation_states[i], state) == 0)
			v->state = i;
}

static const struct view_ops invitations_ops = {
    .name = "Invitations",
    .private_size = sizeof(struct invitations),
    .keys = invitations_keys,
    .init = invitations_init,
    .load = invitations_load,
    .draw = invitations_draw,
    .key = invitations_key,
    .close = invitations_close,
    .click = invitations_click,
    .bar = "Left Right state  m move on  Enter open  / find",
};

struct view *view_invitations_open(struct tui *tui, const char *state)
{
	return view_open(tui, &invitations_ops, state);
}
