#include "summit/change.h"

#include <stdlib.h>
#include <string.h>

#include "summit/db.h"
#include "summit/error.h"
#include "summit/kind.h"
#include "summit/xalloc.h"

/* A problem seen before the change. */
struct seen {
	char *identity;
	char first_day[WHEN_DATE_LEN], last_day[WHEN_DATE_LEN];
};

struct change_watch {
	struct summit_db *db;
	struct check_options options;
	struct seen *before; /* sorted by identity */
	size_t n, cap;
};

/* A problem is the same problem after a change when its kind and records
 * are, and its days lie within the days it had: its sentence may change
 * with the names in it, and a stay without a hotel may shrink into two. */
static char *identity(const struct check_problem *p)
{
	struct strbuf sb = {0};
	strbuf_add(&sb, p->kind->name);
	for (size_t i = 0; i < p->nsubjects; i++)
		strbuf_addf(&sb, "|%s#%lld", p->subjects[i].kind->singular,
		            p->subjects[i].id);
	return strbuf_take(&sb);
}

static int by_identity(const void *a, const void *b)
{
	return strcmp(((const struct seen *)a)->identity,
	              ((const struct seen *)b)->identity);
}

static int remember(const struct check_problem *p, void *ctx)
{
	struct change_watch *w = ctx;
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->before = xrealloc(w->before, w->cap * sizeof *w->before);
	}
	struct seen *s = &w->before[w->n++];
	s->identity = identity(p);
	memcpy(s->first_day, p->first_day, sizeof s->first_day);
	memcpy(s->last_day, p->last_day, sizeof s->last_day);
	return 0;
}

static bool covers(const struct seen *s, const struct check_problem *p)
{
	return strcmp(s->first_day, p->first_day) <= 0 &&
	       strcmp(p->last_day, s->last_day) <= 0;
}

/* Whether p was there before: one of the entries with its identity
 * covers its days. */
static bool known(const struct change_watch *w, const struct check_problem *p)
{
	struct seen key = {.identity = identity(p)};
	const struct seen *hit =
	    w->n ? bsearch(&key, w->before, w->n, sizeof key, by_identity) : NULL;
	bool found = false;
	if (hit) {
		const struct seen *first = hit, *end = w->before + w->n;
		while (first > w->before && by_identity(first - 1, &key) == 0)
			first--;
		for (; !found && first < end && by_identity(first, &key) == 0; first++)
			found = covers(first, p);
	}
	free(key.identity);
	return found;
}

int change_watch_start(struct summit_db *db, const struct kind *kind,
                       struct change_watch **watch, struct summit_err *err)
{
	*watch = NULL;
	if (!kind->affects || !kind->affects[0])
		return SUMMIT_OK;
	struct change_watch *w = xcalloc(1, sizeof *w);
	w->db = db;
	check_options_init(&w->options);
	w->options.only = kind->affects;
	while (kind->affects[w->options.nonly])
		w->options.nonly++;
	int status = check_run(db, &w->options, remember, w, err);
	if (status) {
		change_watch_free(w);
		return status;
	}
	if (w->n)
		qsort(w->before, w->n, sizeof *w->before, by_identity);
	*watch = w;
	return SUMMIT_OK;
}

struct after {
	struct change_watch *w;
	check_fn fn;
	void *ctx;
};

static int report_new(const struct check_problem *p, void *ctx)
{
	struct after *a = ctx;
	return known(a->w, p) ? 0 : a->fn(p, a->ctx);
}

int change_watch_finish(struct change_watch *w, check_fn fn, void *ctx,
                        struct summit_err *err)
{
	if (!w)
		return SUMMIT_OK;
	struct after a = {w, fn, ctx};
	int status = check_run(w->db, &w->options, report_new, &a, err);
	change_watch_free(w);
	return status;
}

void change_watch_free(struct change_watch *w)
{
	if (!w)
		return;
	for (size_t i = 0; i < w->n; i++)
		free(w->before[i].identity);
	free(w->before);
	free(w);
}

int change_run(struct summit_db *db, const struct kind *kind, change_fn write, void *ctx,
               check_fn fn, void *fnctx, struct summit_err *err)
{
	int status = db_begin(db, err);
	if (status)
		return status;
	struct change_watch *watch = NULL;
	status = change_watch_start(db, kind, &watch, err);
	if (!status)
		status = write(db, ctx, err);
	if (!status) {
		status = change_watch_finish(watch, fn, fnctx, err);
		watch = NULL;
	}
	change_watch_free(watch);
	return db_end(db, status, err);
}
