/* The programme's checks: rooms booked twice or too small, sessions
 * outside the event, delegations expected in two places at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "internal.h"
#include "summit/xalloc.h"

/* room-double-booked */
static int room_overlap(struct check_ctx *c, const struct span *a, const struct span *b)
{
	const struct model_session *x = &c->sess[a->idx], *y = &c->sess[b->idx];
	char when[80];
	long day;
	check_overlap_text(c, a, b, when, sizeof when, &day);
	struct check_subject s[] = {check_subj_room(x), check_subj_sess(x),
	                            check_subj_sess(y)};
	return check_emit(c, day, day, s, 3,
	                  "%s is booked for \"%s\" and \"%s\" at once %s", x->room_name,
	                  x->title, y->title, when);
}

int check_room_double_booked(struct check_ctx *c)
{
	struct span *v = xmalloc((c->nsess ? c->nsess : 1) * sizeof *v);
	for (size_t i = 0; i < c->nsess; i++)
		v[i] =
		    (struct span){c->sess[i].room, c->sess[i].start, c->sess[i].end, i};
	check_sweep(c, v, c->nsess, room_overlap);
	free(v);
	return c->status;
}

/* room-too-small */
int check_room_too_small(struct check_ctx *c)
{
	for (size_t i = 0; i < c->nsess && !c->status; i++) {
		const struct model_session *s = &c->sess[i];
		long long delegations;
		long long people = model_session_expected(&c->m, s, &delegations);
		if (people <= s->capacity)
			continue;
		long day = model_local_day(&c->m, s->start);
		struct check_subject sub[] = {check_subj_sess(s), check_subj_room(s)};
		if (s->expected_set)
			check_emit(c, day, day, sub, 2,
			           "\"%s\" expects %lld people in %s, which seats %lld",
			           s->title, people, s->room_name, s->capacity);
		else
			check_emit(
			    c, day, day, sub, 2,
			    "\"%s\" expects %lld people from %lld delegation%s in %s, "
			    "which seats %lld",
			    s->title, people, delegations, delegations == 1 ? "" : "s",
			    s->room_name, s->capacity);
	}
	return c->status;
}

/* session-outside-event */
int check_session_outside_event(struct check_ctx *c)
{
	char from[WHEN_DATE_LEN], to[WHEN_DATE_LEN];
	when_format_day(c->first_num, from);
	when_format_day(c->last_num, to);
	for (size_t i = 0; i < c->nsess && !c->status; i++) {
		struct model_session *s = &c->sess[i];
		if (s->start >= c->event_start && s->end <= c->event_end)
			continue;
		char a[WHEN_TIME_LEN], b[WHEN_TIME_LEN];
		check_local_time(c, s->start, a);
		check_local_time(c, s->end, b);
		struct check_subject sub[] = {check_subj_sess(s), check_subj_room(s)};
		check_emit(c, model_local_day(&c->m, s->start),
		           model_local_day(&c->m, s->end - 1), sub, 2,
		           "\"%s\" (%s to %s) falls outside the event's days, %s to %s",
		           s->title, a, b, from, to);
	}
	return c->status;
}

/* delegation-double-booked */
static int dlg_overlap(struct check_ctx *c, const struct span *a, const struct span *b)
{
	const struct model_session *x = &c->sess[a->idx], *y = &c->sess[b->idx];
	const struct model_delegation *d = &c->dlg[a->group];
	char when[80], label[300];
	long day;
	check_overlap_text(c, a, b, when, sizeof when, &day);
	struct check_subject s[] = {check_subj_dlg(d), check_subj_sess(x),
	                            check_subj_sess(y)};
	return check_emit(
	    c, day, day, s, 3, "%s must attend both \"%s\" and \"%s\", which overlap %s",
	    check_dlg_label(d, label, sizeof label), x->title, y->title, when);
}

int check_delegation_double_booked(struct check_ctx *c)
{
	struct span *v = xmalloc((c->natt ? c->natt : 1) * sizeof *v);
	for (size_t i = 0; i < c->natt; i++) {
		const struct model_session *s = &c->sess[c->att[i].sess];
		v[i] = (struct span){(long long)c->att[i].dlg, s->start, s->end,
		                     c->att[i].sess};
	}
	check_sweep(c, v, c->natt, dlg_overlap);
	free(v);
	return c->status;
}
