/* What every planner shares: the plan, applying it in one transaction and
 * undoing the last one. */
#include "summit/planner.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "summit/db.h"
#include "summit/kind.h"
#include "summit/model.h"
#include "summit/record.h"

static const char *const op_names[] = {"add", "change", "remove"};

int planner_options_init(struct summit_db *db, struct planner_options *o,
                         struct summit_err *err)
{
	memset(o, 0, sizeof *o);
	o->time_limit = 5;
	o->shuttle_spread = 60;
	struct model_settings s;
	int status = model_settings_read(db, &s, err);
	if (status)
		return status;
	o->window = s.pickup_window;
	/* Out of immigration, and no earlier than check allows. */
	o->pickup_margin =
	    s.immigration_margin > s.pickup_margin ? s.immigration_margin : s.pickup_margin;
	o->departure_margin = s.departure_margin;
	o->shuttle_lead = s.shuttle_lead;
	o->minister_cars = s.minister_cars;
	return SUMMIT_OK;
}

long long planner_rooms_for(long long size, double people_per_room)
{
	long long rooms = size - size / 4;
	if (people_per_room > 0) {
		rooms = (long long)((double)size / people_per_room);
		if ((double)rooms * people_per_room < (double)size)
			rooms++; /* rounded up */
	}
	return rooms > 0 ? rooms : 1;
}

void planner_plan_init(struct planner_plan *plan, const char *planner)
{
	memset(plan, 0, sizeof *plan);
	plan->planner = planner;
}

void planner_plan_free(struct planner_plan *plan)
{
	for (size_t i = 0; i < plan->n; i++) {
		struct planner_change *c = &plan->v[i];
		if (c->values) {
			for (size_t f = 0; f < c->kind->nfields; f++)
				free(c->values[f]);
			free(c->values);
		}
		free(c->what);
	}
	free(plan->v);
	for (size_t i = 0; i < plan->nshort; i++)
		free(plan->shortfalls[i]);
	free(plan->shortfalls);
	for (size_t i = 0; i < plan->nnotes; i++)
		free(plan->notes[i]);
	free(plan->notes);
	memset(plan, 0, sizeof *plan);
}

double planner_gap(const struct planner_plan *plan)
{
	if (!plan->has_bound)
		return 0;
	double denom = plan->bound > 1e-9    ? plan->bound
	               : plan->bound < -1e-9 ? -plan->bound
	                                     : 1;
	double gap = (plan->value - plan->bound) / denom;
	return gap > 0 ? gap : 0;
}

long long planner_count(const struct planner_plan *plan, enum planner_op op)
{
	long long n = 0;
	for (size_t i = 0; i < plan->n; i++)
		n += plan->v[i].op == op && !plan->v[i].skip;
	return n;
}

char *planner_change_values(const struct planner_change *c)
{
	struct strbuf sb = {0};
	strbuf_add(&sb, "");
	for (size_t f = 0; c->values && f < c->kind->nfields; f++)
		if (c->values[f])
			strbuf_addf(&sb, "%s%s=%s", sb.len ? " " : "",
			            c->kind->fields[f].name, c->values[f]);
	return strbuf_take(&sb);
}

/* ---- applying ---- */

static int keep_change(struct summit_db *db, long long plan, long long seq,
                       const struct planner_change *c, long long record,
                       struct summit_err *err)
{
	// clang-format off
	static const char sql[] =
	    "INSERT INTO plan_changes (plan, seq, kind, op, record, revision)"
	    " VALUES (?, ?, ?, ?, ?, coalesce((SELECT revision FROM \"%s\" WHERE id = ?), 0))";
	// clang-format on
	char *text = xasprintf(sql, c->kind->table);
	sqlite3_stmt *st;
	int status = db_prepare(db, text, &st, err);
	free(text);
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_int64(st, 2, seq);
	sqlite3_bind_text(st, 3, c->kind->plural, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, op_names[c->op], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, record);
	sqlite3_bind_int64(st, 6, record);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SUMMIT_OK : db_step_error(db, rc, err);
}

/* The values a change replaces: the changed fields, or all for a removal. */
static int keep_old_values(struct summit_db *db, long long plan, long long seq,
                           const struct planner_change *c, struct summit_err *err)
{
	struct record old = {0};
	int status = record_get(db, c->kind, c->id, &old, err);
	if (status)
		return status;
	if (c->revision > 0 && old.revision != c->revision) {
		record_clear(&old);
		return err_set(err, SUMMIT_CONFLICT,
		               "%s #%lld changed since the plan was made: make the plan "
		               "again",
		               c->kind->singular, c->id);
	}
	sqlite3_stmt *st;
	status = db_prepare(db,
	                    "INSERT INTO plan_values (plan, seq, field, value)"
	                    " VALUES (?, ?, ?, ?)",
	                    &st, err);
	for (size_t f = 0; !status && f < c->kind->nfields; f++) {
		if (c->op == PLANNER_CHANGE && !c->values[f])
			continue;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, plan);
		sqlite3_bind_int64(st, 2, seq);
		sqlite3_bind_text(st, 3, c->kind->fields[f].name, -1, SQLITE_STATIC);
		if (old.values[f])
			sqlite3_bind_text(st, 4, old.values[f], -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(st, 4);
		int rc = sqlite3_step(st);
		if (rc != SQLITE_DONE)
			status = db_step_error(db, rc, err);
	}
	sqlite3_finalize(st);
	record_clear(&old);
	return status;
}

/* Names the change a rule refused: "change 3 (add allocation: ...): ". */
static int refused(struct summit_err *err, size_t i, const struct planner_change *c,
                   int status)
{
	if (!err)
		return status;
	char *msg = xasprintf("change %zu (%s %s: %s): %s%s%s", i + 1, op_names[c->op],
	                      c->kind->singular, c->what ? c->what : "", err->field,
	                      err->field[0] ? ": " : "", err->msg);
	size_t len = strlen(msg);
	if (len >= sizeof err->msg)
		len = sizeof err->msg - 1;
	memcpy(err->msg, msg, len);
	err->msg[len] = '\0';
	free(msg);
	err->field[0] = '\0';
	return status;
}

int planner_apply(struct summit_db *db, struct planner_plan *plan, long long *plan_id,
                  struct summit_err *err)
{
	long long *ids = xcalloc(plan->n ? plan->n : 1, sizeof *ids);
	int status = db_begin(db, err);
	if (status) {
		free(ids);
		return status;
	}
	sqlite3_stmt *st;
	status = db_prepare(db, "INSERT INTO plans (planner, applied) VALUES (?, ?)", &st,
	                    err);
	if (!status) {
		sqlite3_bind_text(st, 1, plan->planner, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, (long long)time(NULL));
		int rc = sqlite3_step(st);
		if (rc != SQLITE_DONE)
			status = db_step_error(db, rc, err);
		sqlite3_finalize(st);
	}
	long long id = sqlite3_last_insert_rowid(db->conn);
	long long seq = 0;
	for (size_t i = 0; !status && i < plan->n; i++) {
		struct planner_change *c = &plan->v[i];
		if (c->skip)
			continue;
		if (c->ref_field >= 0) {
			if (c->ref_change >= i || !ids[c->ref_change]) {
				status = err_set(
				    err, SUMMIT_INVALID,
				    "change %zu refers to a record the plan does not "
				    "add (was it left out?): leave it out too",
				    i + 1);
				break;
			}
			free(c->values[c->ref_field]);
			c->values[c->ref_field] = xasprintf("#%lld", ids[c->ref_change]);
		}
		seq++;
		long long record = c->id;
		if (c->op == PLANNER_ADD) {
			status = record_insert(db, c->kind, c->values, &record, err);
			ids[i] = record;
			if (!status)
				status = keep_change(db, id, seq, c, record, err);
		} else {
			/* Kept first: a removed record's values are gone after. */
			status = keep_change(db, id, seq, c, record, err);
			if (!status)
				status = keep_old_values(db, id, seq, c, err);
			if (!status && c->op == PLANNER_CHANGE)
				status = record_update(db, c->kind, c->id, c->values,
				                       c->revision, err);
			else if (!status)
				status =
				    record_delete(db, c->kind, c->id, c->revision, err);
			if (!status && c->op == PLANNER_CHANGE) {
				/* The revision after the change guards the undo. */
				char *sql = xasprintf(
				    "UPDATE plan_changes SET revision ="
				    " (SELECT revision FROM \"%s\" WHERE id = ?)"
				    " WHERE plan = ? AND seq = ?",
				    c->kind->table);
				status = db_prepare(db, sql, &st, err);
				free(sql);
				if (!status) {
					sqlite3_bind_int64(st, 1, c->id);
					sqlite3_bind_int64(st, 2, id);
					sqlite3_bind_int64(st, 3, seq);
					int rc = sqlite3_step(st);
					if (rc != SQLITE_DONE)
						status = db_step_error(db, rc, err);
					sqlite3_finalize(st);
				}
			}
		}
		if (status)
			refused(err, i, c, status);
	}
	free(ids);
	status = db_end(db, status, err);
	if (!status && plan_id)
		*plan_id = id;
	return status;
}

/* ---- undoing ---- */

struct undo_step {
	long long seq, record, revision;
	const struct kind *kind;
	enum planner_op op;
};

static int load_old_values(struct summit_db *db, long long plan,
                           const struct undo_step *u, char **values,
                           struct summit_err *err)
{
	sqlite3_stmt *st;
	int status = db_prepare(db,
	                        "SELECT field, value FROM plan_values"
	                        " WHERE plan = ? AND seq = ?",
	                        &st, err);
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_int64(st, 2, u->seq);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int f =
		    kind_field_index(u->kind, (const char *)sqlite3_column_text(st, 0));
		if (f < 0)
			continue;
		const unsigned char *v = sqlite3_column_text(st, 1);
		free(values[f]);
		/* "" clears a field that had no value. */
		values[f] = xstrdup(v ? (const char *)v : "");
	}
	if (rc != SQLITE_DONE)
		status = db_step_error(db, rc, err);
	sqlite3_finalize(st);
	return status;
}

static int undo_step(struct summit_db *db, long long plan, const struct undo_step *u,
                     struct summit_err *err)
{
	if (u->op == PLANNER_ADD) {
		int status = record_delete(db, u->kind, u->record, u->revision, err);
		if (status == SUMMIT_NOT_FOUND)
			return err_set(err, SUMMIT_CONFLICT,
			               "%s #%lld that the plan added was removed since: "
			               "nothing was undone",
			               u->kind->singular, u->record);
		return status;
	}
	char **values = xcalloc(u->kind->nfields, sizeof *values);
	int status = load_old_values(db, plan, u, values, err);
	if (!status && u->op == PLANNER_CHANGE) {
		status = record_update(db, u->kind, u->record, values, u->revision, err);
	} else if (!status) {
		for (size_t f = 0; f < u->kind->nfields; f++)
			if (values[f] && !*values[f]) {
				free(values[f]);
				values[f] = NULL;
			}
		long long id;
		status = record_insert(db, u->kind, values, &id, err);
	}
	for (size_t f = 0; f < u->kind->nfields; f++)
		free(values[f]);
	free(values);
	return status;
}

int planner_undo(struct summit_db *db, long long *plan_id, const char **planner_name,
                 long long *changes, struct summit_err *err)
{
	static char name[32];
	int status = db_begin(db, err);
	if (status)
		return status;
	sqlite3_stmt *st;
	status = db_prepare(db,
	                    "SELECT id, planner FROM plans WHERE undone IS NULL"
	                    " ORDER BY id DESC LIMIT 1",
	                    &st, err);
	long long plan = 0;
	if (!status) {
		if (sqlite3_step(st) == SQLITE_ROW) {
			plan = sqlite3_column_int64(st, 0);
			snprintf(name, sizeof name, "%s", sqlite3_column_text(st, 1));
		}
		sqlite3_finalize(st);
		if (!plan)
			status = err_set(
			    err, SUMMIT_NOT_FOUND,
			    "no applied plan to undo: `summit plan hotels --apply` "
			    "(or pickups) applies one");
	}
	struct undo_step *steps = NULL;
	size_t n = 0, cap = 0;
	if (!status)
		status =
		    db_prepare(db,
		               "SELECT seq, kind, op, record, revision FROM plan_changes"
		               " WHERE plan = ? ORDER BY seq DESC",
		               &st, err);
	if (!status) {
		sqlite3_bind_int64(st, 1, plan);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				steps = xrealloc(steps, cap * sizeof *steps);
			}
			const char *op = (const char *)sqlite3_column_text(st, 2);
			steps[n++] = (struct undo_step){
			    sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 3),
			    sqlite3_column_int64(st, 4),
			    kind_find((const char *)sqlite3_column_text(st, 1)),
			    strcmp(op, "add") == 0      ? PLANNER_ADD
			    : strcmp(op, "change") == 0 ? PLANNER_CHANGE
			                                : PLANNER_REMOVE};
		}
		if (rc != SQLITE_DONE)
			status = db_step_error(db, rc, err);
		sqlite3_finalize(st);
	}
	for (size_t i = 0; !status && i < n; i++) {
		if (!steps[i].kind) {
			status = err_set(err, SUMMIT_FAILED,
			                 "plan %lld names an unknown kind", plan);
			break;
		}
		status = undo_step(db, plan, &steps[i], err);
		if (status == SUMMIT_CONFLICT && err &&
		    !strstr(err->msg, "nothing was undone")) {
			char msg[sizeof err->msg];
			snprintf(
			    msg, sizeof msg,
			    "%s #%lld changed since plan %lld was applied, so undoing "
			    "it would lose that change: nothing was undone",
			    steps[i].kind->singular, steps[i].record, plan);
			snprintf(err->msg, sizeof err->msg, "%s", msg);
		}
	}
	free(steps);
	if (!status) {
		status =
		    db_prepare(db, "UPDATE plans SET undone = ? WHERE id = ?", &st, err);
		if (!status) {
			sqlite3_bind_int64(st, 1, (long long)time(NULL));
			sqlite3_bind_int64(st, 2, plan);
			int rc = sqlite3_step(st);
			if (rc != SQLITE_DONE)
				status = db_step_error(db, rc, err);
			sqlite3_finalize(st);
		}
	}
	status = db_end(db, status, err);
	if (!status) {
		*plan_id = plan;
		*planner_name = name;
		*changes = (long long)n;
	}
	return status;
}

/* ---- building plans ---- */

#include <stdarg.h>

#include "planner_internal.h"
#include "summit/when.h"

static size_t push(struct planner_plan *plan, struct planner_change c)
{
	if (plan->n == plan->cap) {
		plan->cap = plan->cap ? plan->cap * 2 : 64;
		plan->v = xrealloc(plan->v, plan->cap * sizeof *plan->v);
	}
	c.ref_field = -1;
	plan->v[plan->n] = c;
	return plan->n++;
}

char **planner_values(const struct kind *kind)
{
	return xcalloc(kind->nfields, sizeof(char *));
}

size_t planner_add(struct planner_plan *plan, const struct kind *kind, char **values,
                   char *what)
{
	return push(plan, (struct planner_change){PLANNER_ADD, kind, 0, 0, values, what});
}

size_t planner_change(struct planner_plan *plan, const struct kind *kind, long long id,
                      long long revision, char **values, char *what)
{
	return push(plan, (struct planner_change){PLANNER_CHANGE, kind, id, revision,
	                                          values, what});
}

size_t planner_remove(struct planner_plan *plan, const struct kind *kind, long long id,
                      long long revision, char *what)
{
	return push(plan, (struct planner_change){PLANNER_REMOVE, kind, id, revision,
	                                          NULL, what});
}

static void push_text(char ***v, size_t *n, size_t *cap, const char *fmt, va_list ap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*v = xrealloc(*v, *cap * sizeof **v);
	}
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0)
		s = xstrdup("?");
	(*v)[(*n)++] = s;
}

void planner_shortfall(struct planner_plan *plan, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	push_text(&plan->shortfalls, &plan->nshort, &plan->capshort, fmt, ap);
	va_end(ap);
}

void planner_note(struct planner_plan *plan, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	push_text(&plan->notes, &plan->nnotes, &plan->capnotes, fmt, ap);
	va_end(ap);
}

double planner_clock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct planner_travel {
	struct {
		long long a, b, minutes;
	} * v;
	size_t n;
};

static int cmp_pair(const void *x, const void *y)
{
	const long long *a = x, *b = y;
	if (a[0] != b[0])
		return a[0] < b[0] ? -1 : 1;
	return (a[1] > b[1]) - (a[1] < b[1]);
}

int planner_travel_load(struct summit_db *db, struct planner_travel **out,
                        struct summit_err *err)
{
	struct planner_travel *t = xcalloc(1, sizeof *t);
	sqlite3_stmt *st;
	int status =
	    db_prepare(db,
	               "SELECT min(origin, destination), max(origin, destination),"
	               " minutes FROM travel ORDER BY 1, 2",
	               &st, err);
	size_t cap = 0;
	int rc;
	while (!status && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (t->n == cap) {
			cap = cap ? cap * 2 : 64;
			t->v = xrealloc(t->v, cap * sizeof *t->v);
		}
		t->v[t->n].a = sqlite3_column_int64(st, 0);
		t->v[t->n].b = sqlite3_column_int64(st, 1);
		t->v[t->n++].minutes = sqlite3_column_int64(st, 2);
	}
	if (!status && rc != SQLITE_DONE)
		status = db_step_error(db, rc, err);
	sqlite3_finalize(st);
	*out = t;
	return status;
}

long long planner_travel_minutes(const struct planner_travel *t, long long a, long long b)
{
	if (a == b)
		return 0;
	long long key[2] = {a < b ? a : b, a < b ? b : a};
	size_t lo = 0, hi = t->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		long long here[2] = {t->v[mid].a, t->v[mid].b};
		if (cmp_pair(here, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < t->n && t->v[lo].a == key[0] && t->v[lo].b == key[1])
		return t->v[lo].minutes;
	return -1;
}

void planner_travel_free(struct planner_travel *t)
{
	if (t)
		free(t->v);
	free(t);
}

long long planner_venue_place(struct summit_db *db)
{
	// clang-format off
	static const char sql[] =
	    "SELECT p.id FROM places p WHERE p.kind = 'venue'"
	    " ORDER BY EXISTS (SELECT 1 FROM venues v WHERE v.name = p.name) DESC,"
	    "  EXISTS (SELECT 1 FROM venues v WHERE instr(v.name, p.name) > 0) DESC, p.id"
	    " LIMIT 1";
	// clang-format on
	sqlite3_stmt *st;
	long long id = 0;
	if (db_prepare(db, sql, &st, NULL) == SUMMIT_OK && sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

long planner_local_day(struct summit_db *db, long long utc, int *minute)
{
	char buf[WHEN_TIME_LEN];
	when_format_local(db, utc, buf);
	int y, m, d;
	char date[WHEN_DATE_LEN];
	memcpy(date, buf, 10);
	date[10] = '\0';
	when_parse_date(date, &y, &m, &d);
	if (minute)
		*minute = atoi(buf + 11) * 60 + atoi(buf + 14);
	return when_day_number(y, m, d);
}
