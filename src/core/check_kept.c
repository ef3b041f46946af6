/* The problems of the last full run of the checks, kept for a screen that
 * shows them again and again (check.h: check_kept_run). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "summit/check.h"
#include "summit/db.h"
#include "summit/when.h"
#include "summit/xalloc.h"

struct kept_problem {
	const struct check_kind *kind;
	struct check_subject *subjects;
	size_t nsubjects;
	char first_day[WHEN_DATE_LEN], last_day[WHEN_DATE_LEN];
	char *message;
};

struct check_kept {
	bool valid;
	/* What the file and the day were when the problems were found. */
	long long data_version, commits;
	char today[WHEN_DATE_LEN];
	struct kept_problem *items;
	size_t count, cap;
	struct check_counts counts;
};

static void clear(struct check_kept *k)
{
	for (size_t i = 0; i < k->count; i++) {
		struct kept_problem *p = &k->items[i];
		for (size_t j = 0; j < p->nsubjects; j++) {
			free((char *)p->subjects[j].key);
			free((char *)p->subjects[j].name);
		}
		free(p->subjects);
		free(p->message);
	}
	k->count = 0;
	k->valid = false;
	memset(&k->counts, 0, sizeof k->counts);
}

void check_kept_free(struct summit_db *db)
{
	if (!db->check_kept)
		return;
	clear(db->check_kept);
	free(db->check_kept->items);
	free(db->check_kept);
	db->check_kept = NULL;
}

static int keep(const struct check_problem *cp, void *data)
{
	struct check_kept *k = data;
	if (k->count == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 64;
		k->items = xrealloc(k->items, k->cap * sizeof *k->items);
	}
	struct kept_problem *p = &k->items[k->count++];
	p->kind = cp->kind;
	p->nsubjects = cp->nsubjects;
	p->subjects = xcalloc(cp->nsubjects ? cp->nsubjects : 1, sizeof *p->subjects);
	for (size_t i = 0; i < cp->nsubjects; i++) {
		p->subjects[i] = cp->subjects[i];
		p->subjects[i].key =
		    cp->subjects[i].key ? xstrdup(cp->subjects[i].key) : NULL;
		p->subjects[i].name =
		    cp->subjects[i].name ? xstrdup(cp->subjects[i].name) : NULL;
	}
	memcpy(p->first_day, cp->first_day, sizeof p->first_day);
	memcpy(p->last_day, cp->last_day, sizeof p->last_day);
	p->message = xstrdup(cp->message);
	if (cp->kind->severity == CHECK_ERROR)
		k->counts.errors++;
	else
		k->counts.warnings++;
	k->counts.by_kind[cp->kind - check_kinds]++;
	return 0;
}

/* The kept problems when they are still those of the file as it is now. */
static struct check_kept *fresh(struct summit_db *db)
{
	struct check_kept *k = db->check_kept;
	char today[WHEN_DATE_LEN];
	if (!k || !k->valid || when_today(db, today, NULL) ||
	    strcmp(today, k->today) != 0 || k->commits != db->commits ||
	    k->data_version != db_data_version(db))
		return NULL;
	return k;
}

const struct check_counts *check_kept_counts(struct summit_db *db)
{
	struct check_kept *k = fresh(db);
	return k ? &k->counts : NULL;
}

int check_kept_run(struct summit_db *db, const char *only, check_fn fn, void *ctx,
                   struct summit_err *err)
{
	if (only && !check_kind_find(only))
		return err_field(err, "only", "got \"%s\", expected a kind of problem",
		                 only);
	struct check_kept *k = fresh(db);
	if (!k) {
		if (!db->check_kept)
			db->check_kept = xcalloc(1, sizeof *db->check_kept);
		k = db->check_kept;
		clear(k);
		/* Read before the run: a change committed meanwhile makes the
		 * next call run the checks again rather than trust these. */
		k->data_version = db_data_version(db);
		k->commits = db->commits;
		int status = when_today(db, k->today, err);
		if (!status)
			status = check_run(db, NULL, keep, k, err);
		if (status) {
			clear(k);
			return status;
		}
		k->valid = true;
	}
	for (size_t i = 0; i < k->count; i++) {
		const struct kept_problem *p = &k->items[i];
		if (only && strcmp(p->kind->name, only) != 0)
			continue;
		struct check_problem cp = {.kind = p->kind,
		                           .subjects = p->subjects,
		                           .nsubjects = p->nsubjects,
		                           .message = p->message};
		memcpy(cp.first_day, p->first_day, sizeof cp.first_day);
		memcpy(cp.last_day, p->last_day, sizeof cp.last_day);
		int status = fn(&cp, ctx);
		if (status)
			return status;
	}
	return SUMMIT_OK;
}
