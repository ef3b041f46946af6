#include "summit/browse.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "summit/accreditation.h"
#include "summit/model.h"
#include "summit/record.h"
#include "summit/text.h"
#include "summit/when.h"

#define ENUM(...) ((const char *const[]){__VA_ARGS__, NULL})

static const char accepted[] = "EXISTS (SELECT 1 FROM invitations i WHERE i.delegation = "
                               "t.id AND i.state = 'accepted')";

/* status.c counts its figures with these too, so a figure and its list
 * agree. */
const struct browse_cond browse_conds[] = {
    {"invitation", &kind_delegations, "invitation",
     "EXISTS (SELECT 1 FROM invitations i WHERE i.delegation = t.id AND i.state = ?)",
     invitation_states},
    {"accepted", &kind_delegations, "accepted", accepted},
    {"accepted-with-hotel", &kind_delegations, "accepted, with a hotel",
     "EXISTS (SELECT 1 FROM invitations i WHERE i.delegation = t.id AND i.state = "
     "'accepted') AND EXISTS (SELECT 1 FROM allocations a WHERE a.delegation = t.id)"},
    {"in-town", &kind_delegations, "living in town", MODEL_SQL_IN_TOWN("t")},
    {"accepted-with-arrival", &kind_delegations, "accepted, with arrival details",
     "EXISTS (SELECT 1 FROM invitations i WHERE i.delegation = t.id AND i.state = "
     "'accepted') AND EXISTS (SELECT 1 FROM arrivals a WHERE a.delegation = t.id AND "
     "a.direction = 'arrival')"},
    {"accepted-without-arrival", &kind_delegations, "accepted, without arrival details",
     "EXISTS (SELECT 1 FROM invitations i WHERE i.delegation = t.id AND i.state = "
     "'accepted') AND NOT EXISTS (SELECT 1 FROM arrivals a WHERE a.delegation = t.id "
     "AND a.direction = 'arrival') AND NOT " MODEL_SQL_IN_TOWN("t")},
    /* status's "not in yet" (attendance_read), by the same definition. */
    {"accepted-not-in", &kind_delegations, "accepted, not in yet",
     "EXISTS (SELECT 1 FROM invitations i WHERE i.delegation = t.id AND i.state = "
     "'accepted') AND NOT " ATTENDANCE_SQL_ATTENDED("t", "?"),
     NULL, false, true},
    {"without-pickup", &kind_arrivals, "arrivals without a pickup",
     "t.direction = 'arrival' AND t.pickup IS NULL"},
    {"open", &kind_tasks, "open", "t.state IN ('open', 'in-progress')"},
    {"overdue", &kind_tasks, "overdue",
     "t.state IN ('open', 'in-progress') AND t.due < ?", NULL, true},
    {"received", &kind_pledges, "with something received", "t.received > 0"},
    {"outstanding", &kind_pledges, "not all received", "t.received < t.amount"},
    {"state", &kind_invitations, "state", "t.state = ?", invitation_states},
};
const size_t browse_cond_count = sizeof browse_conds / sizeof browse_conds[0];

const struct browse_cond *browse_cond_find(const char *name)
{
	for (size_t i = 0; i < browse_cond_count; i++)
		if (strcmp(browse_conds[i].name, name) == 0)
			return &browse_conds[i];
	return NULL;
}

/* Per kind: an extra column and what makes a row need attention. */
static const struct {
	const struct kind *kind;
	const char *extra_name, *extra, *warn_label, *warn;
} kind_extras[] = {
    {&kind_delegations, "invitation",
     "(SELECT i.state FROM invitations i WHERE i.delegation = t.id)", NULL, NULL},
    {&kind_arrivals, NULL, NULL, "no pickup",
     "t.direction = 'arrival' AND t.pickup IS NULL"},
    {&kind_tasks, NULL, NULL, "overdue",
     "t.state IN ('open', 'in-progress') AND t.due < ?1"},
    {&kind_pledges, NULL, NULL, "not all received", "t.received < t.amount"},
    {&kind_allocations, NULL, NULL, "beyond the hotel's block",
     "(SELECT sum(a.rooms) FROM allocations a WHERE a.hotel = t.hotel AND a.night = "
     "t.night) > coalesce((SELECT b.rooms FROM blocks b WHERE b.hotel = t.hotel AND "
     "b.night = t.night), 0)"},
};

static int extras_index(const struct kind *kind)
{
	for (size_t i = 0; i < sizeof kind_extras / sizeof kind_extras[0]; i++)
		if (kind_extras[i].kind == kind)
			return (int)i;
	return -1;
}

const char *browse_extra_name(const struct kind *kind)
{
	int i = extras_index(kind);
	return i < 0 ? NULL : kind_extras[i].extra_name;
}

const char *browse_warn_label(const struct kind *kind)
{
	int i = extras_index(kind);
	return i < 0 ? NULL : kind_extras[i].warn_label;
}

/* ---- building the query (identifiers from the descriptors, values bound) ---- */

struct param {
	bool is_int;
	long long i;
	const char *s;
};

struct query {
	struct strbuf where;
	struct param params[40];
	int nparams;
	char today[WHEN_DATE_LEN];
	char *pattern; /* the search's LIKE pattern, owned */
	bool searched; /* in memory (browse_search.c), with nhits records */
	long long nhits;
};

/* Parameter ?1 is always today's date, so expressions may use it. */
static int add_param(struct query *q, struct param p)
{
	if (q->nparams < (int)(sizeof q->params / sizeof q->params[0]))
		q->params[q->nparams++] = p;
	return q->nparams;
}

static void value_expr(struct strbuf *sb, const struct field *f)
{
	if (f->type == FIELD_REF) {
		char *id_sql = xasprintf("t.\"%s\"", f->name);
		record_key_expr(sb, f->ref, id_sql);
		free(id_sql);
	} else {
		strbuf_addf(sb, "t.\"%s\"", record_column(f));
	}
}

static void add_and(struct query *q)
{
	strbuf_add(&q->where, q->where.len ? " AND " : " WHERE ");
}

static int add_filter(struct summit_db *db, struct query *q, const struct kind *kind,
                      const struct record_filter *filter, struct summit_err *err)
{
	const struct field *f = &kind->fields[filter->field];
	const char *v = filter->value;
	add_and(q);
	if (!v || !*v) {
		if (f->type == FIELD_REFLIST)
			strbuf_addf(
			    &q->where,
			    "NOT EXISTS (SELECT 1 FROM \"%s\" l WHERE l.owner = t.id)",
			    f->link);
		else
			strbuf_addf(&q->where, "t.\"%s\" IS NULL", record_column(f));
		return SUMMIT_OK;
	}
	struct param p = {.s = v};
	if (f->type == FIELD_REF || f->type == FIELD_REFLIST) {
		int status = record_find(db, f->ref, v, &p.i, err);
		if (status == SUMMIT_NOT_FOUND)
			return err_field(err, f->name,
			                 "got \"%s\", expected an existing %s", v,
			                 f->ref->singular);
		if (status)
			return status;
		p.is_int = true;
	}
	int n = add_param(q, p);
	if (f->type == FIELD_REFLIST)
		strbuf_addf(
		    &q->where,
		    "EXISTS (SELECT 1 FROM \"%s\" l WHERE l.owner = t.id AND l.ref = "
		    "?%d)",
		    f->link, n);
	else
		strbuf_addf(&q->where, "t.\"%s\" = ?%d", record_column(f), n);
	return SUMMIT_OK;
}

/* Replaces the single ? of a condition with its parameter's number. */
static int add_cond(struct summit_db *db, struct query *q, const struct browse_cond *c,
                    const char *param, struct summit_err *err)
{
	add_and(q);
	const char *mark = strchr(c->where, '?');
	if (!mark) {
		strbuf_addf(&q->where, "(%s)", c->where);
		return SUMMIT_OK;
	}
	int n;
	if (c->param_today) {
		n = 1;
	} else if (c->param_time) {
		long long at = when_now(db);
		if (param && *param && when_parse_local(db, param, &at, err))
			return err_field(err, c->name,
			                 "got \"%s\", expected a time YYYY-MM-DD HH:MM",
			                 param);
		n = add_param(q, (struct param){.is_int = true, .i = at});
	} else {
		n = add_param(q, (struct param){.s = param ? param : ""});
	}
	strbuf_add(&q->where, "(");
	strbuf_addn(&q->where, c->where, (size_t)(mark - c->where));
	strbuf_addf(&q->where, "?%d%s)", n, mark + 1);
	return SUMMIT_OK;
}

/* The ids of the `kind` records whose key matches parameter n: a subquery
 * SQLite runs once, not once per row; false when the key is a number. */
static bool key_matches(struct strbuf *sb, const struct kind *kind, int n)
{
	const struct field *key = &kind->fields[kind->key];
	if (key->type == FIELD_ID)
		return false;
	strbuf_addf(sb, "(SELECT id FROM \"%s\" WHERE ", kind->table);
	if (key->type == FIELD_REF) {
		strbuf_addf(sb, "\"%s\" IN ", key->name);
		if (!key_matches(sb, key->ref, n))
			strbuf_add(sb, "(SELECT NULL)");
	} else {
		strbuf_addf(sb, "summit_fold(\"%s\") LIKE ?%d ESCAPE '\\'", key->name, n);
	}
	strbuf_add(sb, ")");
	return true;
}

/* Matches text in any text or code field, or a referenced record's key,
 * without regard to case or accents (summit_fold on both sides). */
static void add_search(struct summit_db *db, struct query *q, const struct kind *kind,
                       const char *text)
{
	/* From the folded text kept in memory when it can be read. */
	if (browse_search_hits(db, kind, text, &q->nhits)) {
		add_and(q);
		strbuf_add(&q->where, "summit_search_hit(t.id)");
		q->searched = true;
		return;
	}
	struct strbuf pattern = {0};
	char *folded = text_fold(text);
	strbuf_add(&pattern, "%");
	for (const char *p = folded ? folded : text; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			strbuf_addn(&pattern, "\\", 1);
		strbuf_addn(&pattern, p, 1);
	}
	strbuf_add(&pattern, "%");
	free(folded);
	q->pattern = strbuf_take(&pattern);
	int n = add_param(q, (struct param){.s = q->pattern});
	add_and(q);
	strbuf_add(&q->where, "(");
	bool first = true;
	for (size_t i = 0; i < kind->nfields; i++) {
		const struct field *f = &kind->fields[i];
		if (f->type == FIELD_REF) {
			/* By the referenced record's key, e.g. a delegation's code. */
			struct strbuf sub = {0};
			if (key_matches(&sub, f->ref, n)) {
				strbuf_addf(&q->where, "%st.\"%s\" IN %s",
				            first ? "" : " OR ", f->name, sub.buf);
				first = false;
			}
			strbuf_free(&sub);
			continue;
		}
		if (f->type == FIELD_ID) {
			/* A record's number matches whole, without a scan as text. */
			long long id = 0;
			const char *d = text;
			for (; *d >= '0' && *d <= '9' && id < 1000000000000LL; d++)
				id = id * 10 + (*d - '0');
			if (*d || d == text)
				continue;
			int m = add_param(q, (struct param){.is_int = true, .i = id});
			strbuf_addf(&q->where, "%st.id = ?%d", first ? "" : " OR ", m);
			first = false;
			continue;
		}
		if (f->type != FIELD_TEXT && f->type != FIELD_CODE)
			continue;
		strbuf_add(&q->where, first ? "summit_fold(" : " OR summit_fold(");
		value_expr(&q->where, f);
		strbuf_addf(&q->where, ") LIKE ?%d ESCAPE '\\'", n);
		first = false;
	}
	if (first)
		strbuf_add(&q->where, "0");
	strbuf_add(&q->where, ")");
}

static void query_free(struct query *q)
{
	free(q->pattern);
	strbuf_free(&q->where);
}

static int query_build(struct summit_db *db, const struct browse *b, struct query *q,
                       struct summit_err *err)
{
	memset(q, 0, sizeof *q);
	int status = when_today(db, q->today, err);
	if (status)
		return status;
	add_param(q, (struct param){.s = q->today});
	for (size_t i = 0; i < b->nfilters && !status; i++)
		status = add_filter(db, q, b->kind, &b->filters[i], err);
	if (!status && b->cond)
		status = add_cond(db, q, b->cond, b->param, err);
	if (!status && b->search && *b->search)
		add_search(db, q, b->kind, b->search);
	if (!status && !q->where.len)
		strbuf_add(&q->where, " WHERE 1");
	if (!status && q->nparams >= (int)(sizeof q->params / sizeof q->params[0]))
		status = err_set(err, SUMMIT_INVALID, "too many filters, expected fewer");
	if (status)
		query_free(q);
	return status;
}

static void add_order(struct strbuf *sb, const struct browse *b)
{
	const struct kind *kind = b->kind;
	const char *dir = b->descending ? " DESC" : "";
	int extras = extras_index(kind);
	if (b->sort == BROWSE_SORT_EXTRA && extras >= 0 && kind_extras[extras].extra) {
		strbuf_addf(sb, "%s%s, ", kind_extras[extras].extra, dir);
	} else if (b->sort >= 0 && (size_t)b->sort < kind->nfields &&
	           kind->fields[b->sort].type != FIELD_REFLIST) {
		value_expr(sb, &kind->fields[b->sort]);
		strbuf_addf(sb, "%s, ", dir);
	} else {
		/* As record_each: by the key, else the first date or time. */
		const struct field *f = &kind->fields[kind->key];
		if (f->type == FIELD_ID)
			for (size_t i = 0; i < kind->nfields; i++)
				if (kind->fields[i].type == FIELD_TIME ||
				    kind->fields[i].type == FIELD_DATE) {
					f = &kind->fields[i];
					break;
				}
		value_expr(sb, f);
		strbuf_addf(sb, "%s, ", dir);
	}
	strbuf_addf(sb, "t.id%s", dir);
}

static int prepare(struct summit_db *db, const char *sql, const struct query *q,
                   sqlite3_stmt **st, struct summit_err *err)
{
	int status = db_prepare(db, sql, st, err);
	if (status)
		return status;
	for (int i = 0; i < q->nparams; i++) {
		if (q->params[i].is_int)
			sqlite3_bind_int64(*st, i + 1, q->params[i].i);
		else
			sqlite3_bind_text(*st, i + 1, q->params[i].s, -1,
			                  SQLITE_TRANSIENT);
	}
	return SUMMIT_OK;
}

int browse_count(struct summit_db *db, const struct browse *b, long long *count,
                 struct summit_err *err)
{
	struct query q;
	int status = query_build(db, b, &q, err);
	if (status)
		return status;
	/* A search alone: its hits are the count. */
	if (q.searched && !b->nfilters && !b->cond) {
		*count = q.nhits;
		query_free(&q);
		return SUMMIT_OK;
	}
	char *sql =
	    xasprintf("SELECT count(*) FROM \"%s\" t%s", b->kind->table, q.where.buf);
	sqlite3_stmt *st;
	status = prepare(db, sql, &q, &st, err);
	free(sql);
	if (!status) {
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			*count = sqlite3_column_int64(st, 0);
		else
			status = db_step_error(db, rc, err);
		sqlite3_finalize(st);
	}
	query_free(&q);
	return status;
}

static char *select_sql(const struct browse *b, const struct query *q)
{
	int extras = extras_index(b->kind);
	struct strbuf sb = {0};
	strbuf_addf(
	    &sb, "SELECT t.id, %s, %s FROM \"%s\" t%s ORDER BY ",
	    extras >= 0 && kind_extras[extras].extra ? kind_extras[extras].extra : "NULL",
	    extras >= 0 && kind_extras[extras].warn ? kind_extras[extras].warn : "0",
	    b->kind->table, q->where.buf);
	add_order(&sb, b);
	return strbuf_take(&sb);
}

int browse_each(struct summit_db *db, const struct browse *b, long long offset,
                long long limit, browse_fn fn, void *ctx, struct summit_err *err)
{
	struct query q;
	int status = query_build(db, b, &q, err);
	if (status)
		return status;
	char *base = select_sql(b, &q);
	char *sql = xasprintf("%s LIMIT %lld OFFSET %lld", base, limit, offset);
	free(base);
	sqlite3_stmt *st;
	status = prepare(db, sql, &q, &st, err);
	free(sql);
	if (!status) {
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			struct browse_row row = {
			    .id = sqlite3_column_int64(st, 0),
			    .extra = (const char *)sqlite3_column_text(st, 1),
			    .warn = sqlite3_column_int(st, 2) != 0,
			};
			if ((status = fn(&row, ctx)))
				break;
		}
		if (!status && rc != SQLITE_DONE)
			status = db_step_error(db, rc, err);
		sqlite3_finalize(st);
	}
	query_free(&q);
	return status;
}

long long browse_position(struct summit_db *db, const struct browse *b, long long id,
                          struct summit_err *err)
{
	struct query q;
	if (query_build(db, b, &q, err))
		return -1;
	struct strbuf sb = {0};
	strbuf_addf(&sb,
	            "SELECT pos FROM (SELECT t.id AS id, row_number() OVER (ORDER BY ");
	add_order(&sb, b);
	int n = add_param(&q, (struct param){.is_int = true, .i = id});
	strbuf_addf(&sb, ") - 1 AS pos FROM \"%s\" t%s) WHERE id = ?%d", b->kind->table,
	            q.where.buf, n);
	sqlite3_stmt *st;
	long long pos = -1;
	if (!prepare(db, sb.buf, &q, &st, err)) {
		if (sqlite3_step(st) == SQLITE_ROW)
			pos = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	strbuf_free(&sb);
	query_free(&q);
	return pos;
}
