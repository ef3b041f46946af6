#include "summit/order.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "summit/db.h"
#include "summit/text.h"

/* Ranks of a head of delegation, in precedence order; anything else after. */
static const char *const precedence[] = {"head-of-state",   "head-of-government",
                                         "vice-president",  "minister",
                                         "deputy-minister", "ambassador"};
#define NPRECEDENCE (sizeof precedence / sizeof precedence[0])

void order_options_init(struct order_options *o)
{
	memset(o, 0, sizeof *o);
	o->letter = 'A';
	o->host = ORDER_HOST_IN_ORDER;
}

char order_draw_letter(unsigned long seed)
{
	/* A fixed mixing (splitmix64), so a seed draws the same letter on
	 * every machine. */
	unsigned long long z = (unsigned long long)seed + 0x9e3779b97f4a7c15ULL;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	return (char)('A' + (int)(z % 26));
}

struct sortable {
	struct order_entry e;
	int group; /* status then kind */
	int rank;
	int from_letter; /* 0 from the drawn letter on, 1 before it */
	char *folded;
};

static int status_order(const char *status)
{
	return strcmp(status, "participant") == 0 ? 0
	       : strcmp(status, "observer") == 0  ? 1
	                                          : 2;
}

static int rank_order(const char *rank)
{
	for (size_t i = 0; rank && i < NPRECEDENCE; i++)
		if (strcmp(rank, precedence[i]) == 0)
			return (int)i;
	return (int)NPRECEDENCE;
}

static int cmp_sortable(const void *a, const void *b)
{
	const struct sortable *x = a, *y = b;
	if (x->group != y->group)
		return x->group - y->group;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	if (x->from_letter != y->from_letter)
		return x->from_letter - y->from_letter;
	int r = strcmp(x->folded, y->folded);
	return r ? r : strcmp(x->e.code, y->e.code);
}

static char *column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? xstrdup((const char *)s) : NULL;
}

int order_delegations(struct summit_db *db, const struct order_options *o,
                      struct order_list *list, struct summit_err *err)
{
	memset(list, 0, sizeof *list);
	if (!db_has_event(db))
		return err_no_event(err);
	if (o->letter < 'A' || o->letter > 'Z')
		return err_field(err, "letter", "got \"%c\", expected a letter A to Z",
		                 o->letter);
	/* Expected: an accepted invitation, or none at all (check.h). */
	// clang-format off
	static const char sql[] =
	    "SELECT d.id, d.code, CASE WHEN ? AND d.name_fr IS NOT NULL AND d.name_fr <> ''"
	    "  THEN d.name_fr ELSE d.name END, d.status, d.kind, d.rank,"
	    " d.name = (SELECT country FROM event WHERE id = 1) COLLATE NOCASE"
	    " FROM delegations d LEFT JOIN invitations i ON i.delegation = d.id"
	    " WHERE i.id IS NULL OR i.state = 'accepted'";
	// clang-format on
	sqlite3_stmt *st;
	int status = db_prepare(db, sql, &st, err);
	if (status)
		return status;
	sqlite3_bind_int(st, 1, o->french);
	struct sortable *v = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xrealloc(v, cap * sizeof *v);
		}
		struct sortable *s = &v[n++];
		memset(s, 0, sizeof *s);
		s->e.id = sqlite3_column_int64(st, 0);
		s->e.code = column_dup(st, 1);
		s->e.name = column_dup(st, 2);
		s->e.status = column_dup(st, 3);
		s->e.kind = column_dup(st, 4);
		s->e.rank = column_dup(st, 5);
		s->e.host = sqlite3_column_int(st, 6) != 0;
		s->group =
		    status_order(s->e.status) * 2 + (strcmp(s->e.kind, "state") != 0);
		s->rank = rank_order(s->e.rank);
		s->folded = text_fold(s->e.name);
		if (!s->folded)
			s->folded = xstrdup(s->e.name);
		/* Names whose first letter comes before the drawn one go last. */
		char first = (char)(s->folded[0] >= 'a' && s->folded[0] <= 'z'
		                        ? s->folded[0] - 'a' + 'A'
		                        : s->folded[0]);
		s->from_letter = first < o->letter;
	}
	if (rc != SQLITE_DONE)
		status = db_step_error(db, rc, err);
	sqlite3_finalize(st);
	if (n)
		if (n)
			qsort(v, n, sizeof *v, cmp_sortable);
	list->v = xmalloc((n ? n : 1) * sizeof *list->v);
	size_t host = n;
	for (size_t i = 0; i < n; i++) {
		list->v[i] = v[i].e;
		if (v[i].e.host && host == n)
			host = i;
		free(v[i].folded);
	}
	list->n = n;
	free(v);
	if (host < n && o->host != ORDER_HOST_IN_ORDER) {
		struct order_entry h = list->v[host];
		if (o->host == ORDER_HOST_FIRST) {
			memmove(&list->v[1], &list->v[0], host * sizeof h);
			list->v[0] = h;
		} else {
			memmove(&list->v[host], &list->v[host + 1],
			        (n - host - 1) * sizeof h);
			list->v[n - 1] = h;
		}
	}
	if (status)
		order_list_free(list);
	return status;
}

void order_list_free(struct order_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		struct order_entry *e = &list->v[i];
		free(e->code);
		free(e->name);
		free(e->status);
		free(e->kind);
		free(e->rank);
	}
	free(list->v);
	memset(list, 0, sizeof *list);
}

int order_seating(const struct order_list *list, int width, struct order_seat **seats,
                  struct summit_err *err)
{
	*seats = NULL;
	if (width <= 0)
		return err_field(err, "width", "got %d, expected seats per row above 0",
		                 width);
	*seats = xmalloc((list->n ? list->n : 1) * sizeof **seats);
	for (size_t i = 0; i < list->n; i++)
		(*seats)[i] = (struct order_seat){(int)(i / (size_t)width) + 1,
		                                  (int)(i % (size_t)width) + 1, i};
	return SUMMIT_OK;
}
