/* The hotels' checks: nights over the block or without a room,
 * delegations split across hotels, shuttles too late for the morning. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "internal.h"
#include "summit/xalloc.h"

struct nights {
	long *night;
	size_t n, cap;
};

static bool has_night(const struct nights *n, long night)
{
	size_t lo = 0, hi = n->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (n->night[mid] < night)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n->n && n->night[lo] == night;
}

struct alloc_row {
	long long delegation, hotel;
	long night;
};

struct allocs {
	struct alloc_row *v;
	size_t n, cap;
};

static int row_alloc(struct check_ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)c;
	struct allocs *a = arg;
	GROW(a->v, a->n, a->cap);
	a->v[a->n++] =
	    (struct alloc_row){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
	                       check_day_num((const char *)sqlite3_column_text(st, 2))};
	return SUMMIT_OK;
}

static int load_allocs(struct check_ctx *c, struct allocs *a)
{
	memset(a, 0, sizeof *a);
	return check_query(c,
	                   "SELECT delegation, hotel, night FROM allocations"
	                   " ORDER BY delegation, night",
	                   NULL, NULL, row_alloc, a);
}

static int missing_nights(struct check_ctx *c, long from, long to,
                          const struct nights *nights, long skip_from, long skip_to,
                          const struct model_delegation *d, const char *person,
                          long long person_id)
{
	char label[300];
	for (long n = from; n < to && !c->status; n++) {
		if (has_night(nights, n) || (n >= skip_from && n < skip_to))
			continue;
		long end = n;
		while (end + 1 < to && !has_night(nights, end + 1) &&
		       !(end + 1 >= skip_from && end + 1 < skip_to))
			end++;
		char a[WHEN_DATE_LEN], b[WHEN_DATE_LEN], span[64];
		when_format_day(n, a);
		when_format_day(end, b);
		if (end == n)
			snprintf(span, sizeof span, "night of %s", a);
		else
			snprintf(span, sizeof span, "nights of %s to %s", a, b);
		if (person) {
			struct check_subject s[] = {
			    {&kind_people, person_id, NULL, person}, check_subj_dlg(d)};
			check_emit(c, n, end, s, 2,
			           "%s of %s is in town on the %s, when the delegation "
			           "has no hotel room",
			           person, check_dlg_label(d, label, sizeof label), span);
		} else {
			struct check_subject s[] = {check_subj_dlg(d)};
			check_emit(c, n, end, s, 1,
			           "%s is in town on the %s but has no hotel room",
			           check_dlg_label(d, label, sizeof label), span);
		}
		n = end;
	}
	return c->status;
}

/* no-hotel */
int check_no_hotel(struct check_ctx *c)
{
	struct allocs al;
	struct person_names people = {0};
	int status = load_allocs(c, &al);
	if (!status)
		status = check_query(c,
		                     "SELECT id, name FROM people WHERE id IN"
		                     " (SELECT person FROM arrivals) ORDER BY id",
		                     NULL, NULL, check_row_person, &people);
	struct nights nights = {0};
	size_t ai = 0;
	for (size_t from = 0; !status && from < c->narr && !c->status;) {
		size_t to = check_flight_run(c, from);
		struct model_delegation *d = check_find_dlg(c, c->arr[from].delegation);
		size_t start = from;
		from = to;
		if (!d || !model_needs_logistics(d))
			continue;
		nights.n = 0;
		while (ai < al.n && al.v[ai].delegation < d->id)
			ai++;
		for (; ai < al.n && al.v[ai].delegation == d->id; ai++) {
			GROW(nights.night, nights.n, nights.cap);
			nights.night[nights.n++] = al.v[ai].night;
		}
		/* The main party's stay (model.h), then people travelling apart
		 * outside it. */
		bool has_main = false;
		for (size_t i = start; i < to; i++)
			has_main |= c->arr[i].person == 0;
		long main_in, main_out;
		bool in = model_nights_in_town(&c->m, d->id, 0, &main_in, &main_out);
		if (in)
			missing_nights(c, main_in, main_out, &nights, 0, 0, d, NULL, 0);
		for (size_t i = start; i < to && has_main && !c->status; i++) {
			const struct model_flight *a = &c->arr[i];
			long pin, pend;
			bool seen = false; /* one report per person */
			for (size_t j = start; j < i && !seen; j++)
				seen =
				    c->arr[j].person == a->person && !c->arr[j].departure;
			if (!a->person || a->departure || seen ||
			    !model_nights_in_town(&c->m, d->id, a->person, &pin, &pend))
				continue;
			const char *name = check_person_name(&people, a->person);
			missing_nights(c, pin, pend, &nights, in ? main_in : 0,
			               in ? main_out : 0, d, name ? name : "?",
			               a->person);
		}
	}
	check_free_person_names(&people);
	free(nights.night);
	free(al.v);
	return status ? status : c->status;
}

/* hotel-overbooked */
static int row_overbooked(struct check_ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)arg;
	const char *hotel = (const char *)sqlite3_column_text(st, 1);
	const char *night = (const char *)sqlite3_column_text(st, 2);
	long long allocated = sqlite3_column_int64(st, 3),
	          block = sqlite3_column_int64(st, 4);
	long long delegations = sqlite3_column_int64(st, 5);
	struct check_subject s[] = {
	    {&kind_hotels, sqlite3_column_int64(st, 0), hotel, NULL}};
	long n = check_day_num(night);
	if (block == 0)
		return check_emit(
		    c, n, n, s, 1,
		    "%s holds no rooms for the night of %s but %lld are allocated to "
		    "%lld delegation%s",
		    hotel, night, allocated, delegations, delegations == 1 ? "" : "s");
	return check_emit(
	    c, n, n, s, 1,
	    "%s holds %lld rooms for the night of %s but %lld are allocated to %lld "
	    "delegation%s",
	    hotel, block, night, allocated, delegations, delegations == 1 ? "" : "s");
}

int check_hotel_overbooked(struct check_ctx *c)
{
	return check_query(
	    c,
	    "SELECT h.id, h.name, a.night, sum(a.rooms),"
	    " coalesce((SELECT b.rooms FROM blocks b WHERE b.hotel = a.hotel"
	    " AND b.night = a.night), 0) AS block, count(*)"
	    " FROM allocations a JOIN hotels h ON h.id = a.hotel"
	    " GROUP BY a.hotel, a.night HAVING sum(a.rooms) > block"
	    " ORDER BY h.name, a.night",
	    NULL, NULL, row_overbooked, NULL);
}

/* hotel-split */
struct split {
	long long delegation;
	struct check_subject s[8];
	char *names[7];
	size_t n;
	long first, last;
};

static int flush_split(struct check_ctx *c, struct split *sp)
{
	if (sp->n > 1) {
		struct model_delegation *d = check_find_dlg(c, sp->delegation);
		char label[300];
		struct strbuf hotels = {0};
		for (size_t i = 0; i < sp->n; i++)
			strbuf_addf(&hotels, "%s%s",
			            i == 0           ? ""
			            : i + 1 == sp->n ? " and "
			                             : ", ",
			            sp->names[i]);
		sp->s[sp->n] = check_subj_dlg(d);
		check_emit(c, sp->first, sp->last, sp->s, sp->n + 1,
		           "%s is split across %s",
		           check_dlg_label(d, label, sizeof label), hotels.buf);
		strbuf_free(&hotels);
	}
	for (size_t i = 0; i < sp->n; i++)
		free(sp->names[i]);
	sp->n = 0;
	return c->status;
}

static int row_split(struct check_ctx *c, sqlite3_stmt *st, void *arg)
{
	struct split *sp = arg;
	long long delegation = sqlite3_column_int64(st, 0);
	if (delegation != sp->delegation && flush_split(c, sp))
		return c->status;
	if (!check_find_dlg(c, delegation))
		return SUMMIT_OK;
	long first = check_day_num((const char *)sqlite3_column_text(st, 3));
	long last = check_day_num((const char *)sqlite3_column_text(st, 4));
	if (sp->n == 0 || delegation != sp->delegation)
		sp->first = first, sp->last = last;
	sp->delegation = delegation;
	if (first < sp->first)
		sp->first = first;
	if (last > sp->last)
		sp->last = last;
	if (sp->n < 7) {
		sp->names[sp->n] = check_column_text(st, 2);
		sp->s[sp->n] = (struct check_subject){
		    &kind_hotels, sqlite3_column_int64(st, 1), sp->names[sp->n], NULL};
		sp->n++;
	}
	return SUMMIT_OK;
}

int check_hotel_split(struct check_ctx *c)
{
	struct split sp = {0};
	int status =
	    check_query(c,
	                "SELECT a.delegation, h.id, h.name, min(a.night), max(a.night)"
	                " FROM allocations a JOIN hotels h ON h.id = a.hotel"
	                " GROUP BY a.delegation, a.hotel"
	                " ORDER BY a.delegation, min(a.night), h.name",
	                NULL, NULL, row_split, &sp);
	if (!status)
		flush_split(c, &sp);
	for (size_t i = 0; i < sp.n; i++)
		free(sp.names[i]);
	return status ? status : c->status;
}

/* shuttle-late */
struct shuttle {
	long long origin, destination;
	long day;
	long long arrive;
};

static int cmp_shuttle(const void *a, const void *b)
{
	const struct shuttle *x = a, *y = b;
	int r = check_cmp_ll(x->origin, y->origin);
	if (!r)
		r = check_cmp_ll(x->destination, y->destination);
	if (!r)
		r = (x->day > y->day) - (x->day < y->day);
	return r ? r : check_cmp_ll(x->arrive, y->arrive);
}

struct hotel_place {
	long long hotel, place;
	char *name;
};

struct hotel_places {
	struct hotel_place *v;
	size_t n, cap;
};

static int row_hotel(struct check_ctx *c, sqlite3_stmt *st, void *arg)
{
	(void)c;
	struct hotel_places *h = arg;
	GROW(h->v, h->n, h->cap);
	h->v[h->n++] =
	    (struct hotel_place){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
	                         check_column_text(st, 2)};
	return SUMMIT_OK;
}

/* One hotel's guests on one morning: the earliest session they must attend. */
struct morning {
	long long hotel;
	long day;
	size_t sess; /* its earliest required session */
	size_t dlg;  /* a delegation that must attend it */
};

static int cmp_morning(const void *a, const void *b)
{
	const struct morning *x = a, *y = b;
	int r = check_cmp_ll(x->hotel, y->hotel);
	if (!r)
		r = (x->day > y->day) - (x->day < y->day);
	return r ? r : (x->dlg > y->dlg) - (x->dlg < y->dlg);
}

int check_shuttle_late(struct check_ctx *c)
{
	struct allocs al;
	struct hotel_places hp = {0};
	int status = load_allocs(c, &al);
	if (!status)
		status = check_query(
		    c, "SELECT id, coalesce(place, 0), name FROM hotels ORDER BY id",
		    NULL, NULL, row_hotel, &hp);
	/* The first shuttle arrival per origin, destination and day. */
	struct shuttle *sh = xmalloc((c->ntrip ? c->ntrip : 1) * sizeof *sh);
	size_t nsh = 0;
	for (size_t i = 0; i < c->ntrip; i++)
		if (strcmp(c->trip[i].kind, "shuttle") == 0)
			sh[nsh++] = (struct shuttle){
			    c->trip[i].origin, c->trip[i].destination,
			    model_local_day(&c->m, c->trip[i].depart), c->trip[i].arrive};
	check_sort(sh, nsh, sizeof *sh, cmp_shuttle);

	/* For each delegation's night at a hotel, its first session the next day. */
	struct morning *m = xmalloc((al.n ? al.n : 1) * sizeof *m);
	size_t nm = 0;
	for (size_t i = 0; !status && i < al.n; i++) {
		struct model_delegation *d = check_find_dlg(c, al.v[i].delegation);
		long day = al.v[i].night + 1;
		if (!d || !d->expected || day < c->first_num || day > c->last_num)
			continue;
		size_t di = (size_t)(d - c->dlg);
		/* att is sorted by delegation then start: find the first that day. */
		size_t lo = 0, hi = c->natt;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (c->att[mid].dlg < di ||
			    (c->att[mid].dlg == di &&
			     model_local_day(&c->m, c->att[mid].start) < day))
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == c->natt || c->att[lo].dlg != di ||
		    model_local_day(&c->m, c->att[lo].start) != day)
			continue;
		m[nm++] = (struct morning){al.v[i].hotel, day, c->att[lo].sess, di};
	}
	check_sort(m, nm, sizeof *m, cmp_morning);
	for (size_t i = 0; !status && i < nm && !c->status;) {
		/* Group one hotel's morning; find its earliest session. */
		size_t j = i, best = i;
		while (j < nm && m[j].hotel == m[i].hotel && m[j].day == m[i].day) {
			if (c->sess[m[j].sess].start < c->sess[m[best].sess].start)
				best = j;
			j++;
		}
		const struct model_session *s = &c->sess[m[best].sess];
		const struct hotel_place *h = NULL;
		for (size_t k = 0; k < hp.n; k++)
			if (hp.v[k].hotel == m[i].hotel)
				h = &hp.v[k];
		long long venue = check_venue_place(c, s->venue);
		if (h && h->place && venue) {
			struct shuttle key = {h->place, venue, m[i].day, 0};
			size_t lo = 0, hi = nsh;
			while (lo < hi) {
				size_t mid = (lo + hi) / 2;
				if (cmp_shuttle(&sh[mid], &key) < 0)
					lo = mid + 1;
				else
					hi = mid;
			}
			bool any = lo < nsh && sh[lo].origin == h->place &&
			           sh[lo].destination == venue && sh[lo].day == m[i].day;
			long long first = any ? sh[lo].arrive : 0;
			if (!any || first > s->start) {
				size_t late = 0;
				for (size_t k = i; k < j; k++)
					late += !any || c->sess[m[k].sess].start < first;
				char label[300], st[WHEN_TIME_LEN], at[WHEN_TIME_LEN],
				    date[WHEN_DATE_LEN], others[64] = "";
				when_format_day(m[i].day, date);
				if (late > 1)
					snprintf(
					    others, sizeof others,
					    " and %zu other delegation%s staying there",
					    late - 1, late == 2 ? "" : "s");
				struct check_subject sub[] = {
				    {&kind_hotels, h->hotel, h->name, NULL},
				    check_subj_sess(s),
				    check_subj_dlg(&c->dlg[m[best].dlg])};
				const char *dl = check_dlg_label(&c->dlg[m[best].dlg],
				                                 label, sizeof label);
				if (any)
					check_emit(
					    c, m[i].day, m[i].day, sub, 3,
					    "The first shuttle from %s reaches %s at %s "
					    "on %s, after "
					    "\"%s\" starts at %s, which %s%s must attend",
					    h->name, check_place_name(c, venue),
					    check_hhmm(c, first, at), date, s->title,
					    check_hhmm(c, s->start, st), dl, others);
				else
					check_emit(
					    c, m[i].day, m[i].day, sub, 3,
					    "No shuttle runs from %s to %s on %s, when "
					    "\"%s\" starts at "
					    "%s, which %s%s must attend",
					    h->name, check_place_name(c, venue), date,
					    s->title, check_hhmm(c, s->start, st), dl,
					    others);
			}
		}
		i = j;
	}
	for (size_t k = 0; k < hp.n; k++)
		free(hp.v[k].name);
	free(hp.v);
	free(m);
	free(sh);
	free(al.v);
	return status ? status : c->status;
}
