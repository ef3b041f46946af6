/* Removing a record with everything that cannot stay without it, for
 * `summit remove --cascade`: a delegation goes with its people, invitation,
 * hotel nights and flights, and the records that only name it lose the
 * reference. Generic over the kinds' reference fields, so a new kind that
 * refers to a delegation is covered without a line here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "summit/error.h"
#include "summit/kind.h"
#include "summit/record.h"
#include "internal.h"

/* Removal chains are short (delegation, person, arrival); a longer one is a
 * cycle in the kinds, which a bounded depth turns into a refusal. */
#define CASCADE_DEPTH 8

struct referrers {
	long long *ids;
	char **lists; /* FIELD_REFLIST: the list without the removed key */
	size_t n, cap;
	const char *key; /* the removed record's key, to drop from lists */
	const struct field *field;
};

static int collect(const struct record *rec, void *ctx)
{
	struct referrers *r = ctx;
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->ids = xrealloc(r->ids, r->cap * sizeof *r->ids);
		r->lists = xrealloc(r->lists, r->cap * sizeof *r->lists);
	}
	r->lists[r->n] = NULL;
	if (r->field->type == FIELD_REFLIST) {
		int i = kind_field_index(rec->kind, r->field->name);
		struct strbuf rest = {0};
		strbuf_add(&rest, "");
		char *copy = xstrdup(rec->values[i] ? rec->values[i] : ""), *save = NULL;
		for (char *w = strtok_r(copy, " ", &save); w;
		     w = strtok_r(NULL, " ", &save))
			if (strcmp(w, r->key) != 0)
				strbuf_addf(&rest, "%s%s", rest.len ? " " : "", w);
		free(copy);
		r->lists[r->n] = strbuf_take(&rest);
	}
	r->ids[r->n++] = rec->id;
	return 0;
}

static void referrers_free(struct referrers *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->lists[i]);
	free(r->lists);
	free(r->ids);
}

/* Points the field of record id at nothing, or at the list without key. */
static int clear_reference(struct summit_db *db, const struct kind *kind,
                           const struct field *f, long long id, const char *list,
                           struct summit_err *err)
{
	char **changes = xcalloc(kind->nfields, sizeof *changes);
	changes[kind_field_index(kind, f->name)] = (char *)(list ? list : "");
	int status = record_update(db, kind, id, changes, 0, err);
	free(changes);
	return status;
}

static int cascade(struct summit_db *db, const struct kind *kind, long long id,
                   record_effect_fn fn, void *ctx, int depth, struct summit_err *err)
{
	if (depth > CASCADE_DEPTH)
		return err_set(err, SUMMIT_INVALID,
		               "removing %s #%lld would go on without end, expected a "
		               "shorter chain of records",
		               kind->singular, id);
	struct record rec = {0};
	int status = record_get(db, kind, id, &rec, err);
	if (status)
		return status;
	char by_id[32];
	snprintf(by_id, sizeof by_id, "#%lld", id);
	char *lost = xasprintf("%s %s%s", kind->singular,
	                       kind->fields[kind->key].type == FIELD_ID ? "#" : "",
	                       rec.values[kind->key]);
	for (size_t k = 0; k < kind_count && !status; k++) {
		const struct kind *other = kinds[k];
		for (size_t i = 0; i < other->nfields && !status; i++) {
			const struct field *f = &other->fields[i];
			if (f->ref != kind)
				continue;
			struct referrers r = {.key = rec.values[kind->key], .field = f};
			struct record_filter filter = {(int)i, by_id};
			status = record_each(db, other, &filter, 1, collect, &r, err);
			for (size_t j = 0; j < r.n && !status; j++) {
				bool removed =
				    f->type != FIELD_REFLIST &&
				    f->flags & (FIELD_REQUIRED | FIELD_CASCADE);
				if (removed) {
					status = cascade(db, other, r.ids[j], fn, ctx,
					                 depth + 1, err);
					continue;
				}
				struct record_effect e = {other, r.ids[j], f, lost};
				status = fn ? fn(&e, ctx) : 0;
				if (!status)
					status = clear_reference(db, other, f, r.ids[j],
					                         r.lists[j], err);
			}
			referrers_free(&r);
		}
	}
	if (!status) {
		struct record_effect e = {kind, id, NULL};
		status = fn ? fn(&e, ctx) : 0;
	}
	/* History rows go with their invitation inside SQLite (ON DELETE
	 * CASCADE); the rest was removed above, so nothing refers to it now. */
	if (!status)
		status = record_delete(db, kind, id, 0, err);
	free(lost);
	record_clear(&rec);
	return status;
}

int record_delete_cascade(struct summit_db *db, const struct kind *kind, long long id,
                          record_effect_fn fn, void *ctx, struct summit_err *err)
{
	return cascade(db, kind, id, fn, ctx, 0, err);
}
