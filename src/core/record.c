#include "summit/record.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "summit/text.h"
#include "summit/db.h"
#include "summit/when.h"

/* A field's value as SQLite stores it. */
struct dbval {
	int type; /* SQLITE_NULL, SQLITE_INTEGER or SQLITE_TEXT */
	long long i;
	const char *s;  /* borrowed from the user's text */
	long long *ids; /* FIELD_REFLIST, owned */
	size_t nids;
};

const char *record_column(const struct field *f)
{
	return f->type == FIELD_ID ? "id" : f->name;
}

/* ---- what a field expects, for messages ---- */

static void describe_expected(struct summit_db *db, const struct field *f, char *out,
                              size_t size)
{
	const struct kind *ref = f->ref;
	switch (f->type) {
	case FIELD_ID:
		snprintf(out, size, "a record number above 0");
		break;
	case FIELD_TEXT:
		snprintf(out, size, "UTF-8 text");
		break;
	case FIELD_CODE:
		snprintf(out, size,
		         "a code of letters, digits, '-', '_' or '.' (at most 32)");
		break;
	case FIELD_INT:
		snprintf(out, size, "a whole number%s",
		         f->flags & FIELD_POSITIVE ? " above 0"
		         : f->flags & FIELD_NONNEG ? " of 0 or more"
		                                   : "");
		break;
	case FIELD_MONEY:
		snprintf(out, size, "an amount like 1500 or 1500.50");
		break;
	case FIELD_DATE:
		snprintf(out, size, "a date as YYYY-MM-DD");
		break;
	case FIELD_TIME:
		snprintf(out, size, "a time as YYYY-MM-DD HH:MM (%s time)",
		         db->zone_name[0] ? db->zone_name : "the event's");
		break;
	case FIELD_ZONE:
		snprintf(out, size,
		         "a time-zone name such as Africa/Bamako or Europe/Paris");
		break;
	case FIELD_ENUM: {
		size_t n = (size_t)snprintf(out, size, "one of:");
		for (const char *const *c = f->choices; *c && n < size; c++)
			n += (size_t)snprintf(out + n, size - n, " %s", *c);
		break;
	}
	case FIELD_REF:
		snprintf(out, size, "the %s of an existing %s",
		         ref->fields[ref->key].type == FIELD_ID
		             ? "number"
		             : ref->fields[ref->key].name,
		         ref->singular);
		break;
	case FIELD_REFLIST:
		snprintf(out, size, "the %ss of existing %s, separated by spaces",
		         ref->fields[ref->key].type == FIELD_ID
		             ? "number"
		             : ref->fields[ref->key].name,
		         ref->plural);
		break;
	}
}

static int invalid(struct summit_db *db, const struct field *f, const char *text,
                   const char *why, struct summit_err *err)
{
	char expected[256];
	describe_expected(db, f, expected, sizeof expected);
	/* The value quoted as it can be shown: "Togo\x1b[2J". */
	char *shown = text_sanitize(text, 0);
	int status = err_field(err, f->name, "got \"%s\"%s%s, expected %s", shown,
	                       why ? ", " : "", why ? why : "", expected);
	free(shown);
	return status;
}

/* ---- parsing the user's text ---- */

static bool parse_whole(const char *s, long long *out)
{
	if (!*s)
		return false;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || s[0] == ' ' || s[0] == '+')
		return false;
	*out = v;
	return true;
}

/* Bytes of a separator between groups of three digits at s: a space, a
 * no-break space or a narrow no-break space, as amounts are shown. */
static size_t group_separator(const char *s)
{
	if (*s == ' ')
		return 1;
	if (strncmp(s, "\xc2\xa0", 2) == 0)
		return 2;
	if (strncmp(s, "\xe2\x80\xaf", 3) == 0)
		return 3;
	return 0;
}

/* "1500", "1500.50", or grouped as summit shows it: "763 000 000". */
static bool parse_money(const char *s, long long *cents)
{
	const char *p = s;
	bool negative = *p == '-';
	p += negative;
	long long whole = 0;
	int ndigits = 0, group = 0;
	bool grouped = false;
	for (;; p++, ndigits++, group++) {
		size_t sep = ndigits ? group_separator(p) : 0;
		if (sep) {
			if ((grouped && group != 3) || (!grouped && group > 3))
				return false;
			grouped = true;
			group = 0;
			p += sep;
		}
		if (*p < '0' || *p > '9') {
			if (sep)
				return false;
			break;
		}
		if (whole > 9999999999999LL)
			return false;
		whole = whole * 10 + (*p - '0');
	}
	if (!ndigits || (grouped && group != 3))
		return false;
	long long frac = 0;
	if (*p == '.') {
		p++;
		int fd = 0;
		for (; *p >= '0' && *p <= '9' && fd < 2; p++, fd++)
			frac = frac * 10 + (*p - '0');
		if (!fd)
			return false;
		if (fd == 1)
			frac *= 10;
	}
	if (*p)
		return false;
	*cents = (negative ? -1 : 1) * (whole * 100 + frac);
	return true;
}

static void format_money(long long cents, char *out, size_t size)
{
	const char *sign = cents < 0 ? "-" : "";
	long long a = cents < 0 ? -cents : cents;
	if (a % 100)
		snprintf(out, size, "%s%lld.%02lld", sign, a / 100, a % 100);
	else
		snprintf(out, size, "%s%lld", sign, a / 100);
}

static bool valid_code(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 32)
		return false;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' || *s == '.'))
			return false;
	return true;
}

/* The records whose key is key without regard to case and accents
 * ("hotel salam", "ISR" typed "isr"), or failing that, those whose key holds
 * it: up to two ids in ids[], their keys in "A" or "B" form in names. */
static int fold_matches(struct summit_db *db, const struct kind *kind, const char *key,
                        bool containing, long long ids[2], struct strbuf *names)
{
	const struct field *f = &kind->fields[kind->key];
	char *folded = text_fold(key);
	if (!folded)
		return 0;
	/* summit_fold leaves ASCII as it is and LIKE sets its case aside, as
	 * the search of the lists does. */
	char *sql = xasprintf("SELECT id, \"%s\" FROM \"%s\" WHERE summit_fold(\"%s\")"
	                      " LIKE ?1 ESCAPE '\\' ORDER BY \"%s\" LIMIT 3",
	                      f->name, kind->table, f->name, f->name);
	sqlite3_stmt *st;
	int n = 0;
	if (sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL) == SQLITE_OK) {
		/* LIKE's own characters stand for themselves. */
		struct strbuf pattern = {0};
		strbuf_add(&pattern, containing ? "%" : "");
		for (const char *p = folded; *p; p++)
			strbuf_addf(&pattern, "%s%c", strchr("%_\\", *p) ? "\\" : "", *p);
		strbuf_add(&pattern, containing ? "%" : "");
		sqlite3_bind_text(st, 1, pattern.buf, -1, SQLITE_TRANSIENT);
		strbuf_free(&pattern);
		while (sqlite3_step(st) == SQLITE_ROW) {
			if (n < 2)
				ids[n] = sqlite3_column_int64(st, 0);
			if (names)
				strbuf_addf(names, "%s\"%s\"",
				            n ? (n == 2 ? " or " : ", ") : "",
				            (const char *)sqlite3_column_text(st, 1));
			n++;
		}
	}
	sqlite3_finalize(st);
	free(sql);
	free(folded);
	return n;
}

static int resolve(struct summit_db *db, const struct field *f, const char *key,
                   long long *id, struct summit_err *err)
{
	const struct kind *ref = f->ref;
	struct summit_err why;
	int status = record_find(db, ref, key, id, &why);
	if (status == SUMMIT_NOT_FOUND) {
		/* record_find's message ends with its suggestion, if any. */
		const char *hint = strstr(why.msg, ": ");
		char text[sizeof why.msg];
		snprintf(text, sizeof text, "no such %s%s%s%s", ref->singular,
		         hint ? " (" : "", hint ? hint + 2 : "", hint ? ")" : "");
		return invalid(db, f, key, text, err);
	}
	if (status && err)
		*err = why;
	return status;
}

static void dbval_clear(struct dbval *v)
{
	free(v->ids);
	memset(v, 0, sizeof *v);
}

/* Checks one value and converts it for SQLite; text NULL or "" is unset. */
static int encode(struct summit_db *db, const struct field *f, const char *text,
                  struct dbval *out, struct summit_err *err)
{
	memset(out, 0, sizeof *out);
	out->type = SQLITE_NULL;
	if (!text || !*text) {
		if (f->flags & FIELD_REQUIRED) {
			char expected[256];
			describe_expected(db, f, expected, sizeof expected);
			return err_field(err, f->name, "missing, expected %s", expected);
		}
		return SUMMIT_OK;
	}
	if (!text_valid_utf8(text))
		return err_field(err, f->name, "not valid UTF-8, expected UTF-8 text");
	if (text_has_control(text, f->type == FIELD_TEXT && !(f->flags & FIELD_ONE_LINE)))
		return invalid(db, f, text,
		               "with control or bidirectional-override characters", err);
	if (strlen(text) > 4000)
		return err_field(err, f->name, "%zu bytes long, expected at most 4000",
		                 strlen(text));

	out->type = SQLITE_INTEGER;
	switch (f->type) {
	case FIELD_ID:
		if (!parse_whole(text, &out->i) || out->i <= 0)
			return invalid(db, f, text, NULL, err);
		return SUMMIT_OK;
	case FIELD_INT:
		if (!parse_whole(text, &out->i) || out->i > 1000000000 ||
		    out->i < -1000000000)
			return invalid(db, f, text, NULL, err);
		if ((f->flags & FIELD_POSITIVE && out->i <= 0) ||
		    (f->flags & FIELD_NONNEG && out->i < 0))
			return invalid(db, f, text, NULL, err);
		return SUMMIT_OK;
	case FIELD_MONEY:
		if (!parse_money(text, &out->i) ||
		    (f->flags & FIELD_NONNEG && out->i < 0))
			return invalid(db, f, text, NULL, err);
		return SUMMIT_OK;
	case FIELD_TIME: {
		struct summit_err why;
		if (when_parse_local(db, text, &out->i, &why))
			return err_field(err, f->name, "%s", why.msg);
		return SUMMIT_OK;
	}
	case FIELD_REF:
		return resolve(db, f, text, &out->i, err);
	case FIELD_REFLIST: {
		char *copy = xstrdup(text), *save = NULL;
		int status = SUMMIT_OK;
		for (char *w = strtok_r(copy, " \t\n", &save); w && !status;
		     w = strtok_r(NULL, " \t\n", &save)) {
			long long id;
			status = resolve(db, f, w, &id, err);
			if (status)
				break;
			bool seen = false;
			for (size_t i = 0; i < out->nids; i++)
				seen |= out->ids[i] == id;
			if (seen)
				continue;
			out->ids = xrealloc(out->ids, (out->nids + 1) * sizeof *out->ids);
			out->ids[out->nids++] = id;
		}
		free(copy);
		if (status)
			dbval_clear(out);
		out->type = SQLITE_NULL;
		return status;
	}
	case FIELD_DATE: {
		int y, m, d;
		if (!when_parse_date(text, &y, &m, &d))
			return invalid(db, f, text, NULL, err);
		break;
	}
	case FIELD_ZONE:
		if (!when_zone_exists(text))
			return invalid(db, f, text, "an unknown time zone", err);
		break;
	case FIELD_ENUM: {
		bool known = false;
		for (const char *const *c = f->choices; *c; c++)
			known |= strcmp(*c, text) == 0;
		if (!known)
			return invalid(db, f, text, NULL, err);
		break;
	}
	case FIELD_CODE:
		if (!valid_code(text))
			return invalid(db, f, text, NULL, err);
		break;
	case FIELD_TEXT:
		break;
	}
	out->type = SQLITE_TEXT;
	out->s = text;
	return SUMMIT_OK;
}

static void bind(sqlite3_stmt *st, int index, const struct dbval *v)
{
	if (v->type == SQLITE_INTEGER)
		sqlite3_bind_int64(st, index, v->i);
	else if (v->type == SQLITE_TEXT)
		sqlite3_bind_text(st, index, v->s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, index);
}

/* ---- SQL built from the descriptors (identifiers only, never values) ---- */

void record_key_expr(struct strbuf *sb, const struct kind *kind, const char *id_sql)
{
	const struct field *key = &kind->fields[kind->key];
	if (key->type == FIELD_ID) {
		strbuf_addf(sb, "(%s)", id_sql);
	} else if (key->type == FIELD_REF) {
		char *inner = xasprintf("(SELECT \"%s\" FROM \"%s\" WHERE id = %s)",
		                        key->name, kind->table, id_sql);
		record_key_expr(sb, key->ref, inner);
		free(inner);
	} else {
		strbuf_addf(sb, "(SELECT \"%s\" FROM \"%s\" WHERE id = %s)", key->name,
		            kind->table, id_sql);
	}
}

static void add_column_expr(struct strbuf *sb, const struct field *f, const char *alias)
{
	char *id_sql;
	switch (f->type) {
	case FIELD_REF:
		id_sql = xasprintf("%s.\"%s\"", alias, f->name);
		record_key_expr(sb, f->ref, id_sql);
		free(id_sql);
		break;
	case FIELD_REFLIST:
		strbuf_add(sb, "(SELECT group_concat(k, ' ') FROM (SELECT ");
		record_key_expr(sb, f->ref, "l.ref");
		strbuf_addf(
		    sb, " AS k FROM \"%s\" l WHERE l.owner = %s.id ORDER BY l.rowid))",
		    f->link, alias);
		break;
	default:
		strbuf_addf(sb, "%s.\"%s\"", alias, record_column(f));
	}
}

static const struct field *order_field(const struct kind *kind)
{
	if (kind->fields[kind->key].type != FIELD_ID)
		return &kind->fields[kind->key];
	for (size_t i = 0; i < kind->nfields; i++)
		if (kind->fields[i].type == FIELD_TIME ||
		    kind->fields[i].type == FIELD_DATE)
			return &kind->fields[i];
	return &kind->fields[kind->key];
}

static char *select_sql(const struct kind *kind, const char *where, const char *order)
{
	struct strbuf sb = {0};
	strbuf_add(&sb, "SELECT t.id, t.revision");
	for (size_t i = 0; i < kind->nfields; i++) {
		strbuf_add(&sb, ", ");
		add_column_expr(&sb, &kind->fields[i], "t");
	}
	strbuf_addf(&sb, " FROM \"%s\" t", kind->table);
	if (where)
		strbuf_addf(&sb, " WHERE %s", where);
	if (order)
		strbuf_addf(&sb, " ORDER BY %s", order);
	return strbuf_take(&sb);
}

static void decode_row(struct summit_db *db, const struct kind *kind, sqlite3_stmt *st,
                       struct record *rec)
{
	rec->kind = kind;
	rec->id = sqlite3_column_int64(st, 0);
	rec->revision = sqlite3_column_int64(st, 1);
	for (size_t i = 0; i < kind->nfields; i++) {
		int col = (int)i + 2;
		const struct field *f = &kind->fields[i];
		char buf[64];
		if (sqlite3_column_type(st, col) == SQLITE_NULL) {
			rec->values[i] = NULL;
		} else if (f->type == FIELD_TIME) {
			when_format_local(db, sqlite3_column_int64(st, col), buf);
			rec->values[i] = xstrdup(buf);
		} else if (f->type == FIELD_MONEY) {
			format_money(sqlite3_column_int64(st, col), buf, sizeof buf);
			rec->values[i] = xstrdup(buf);
		} else {
			rec->values[i] =
			    xstrdup((const char *)sqlite3_column_text(st, col));
		}
	}
}

static void free_values(const struct kind *kind, char **values)
{
	for (size_t i = 0; i < kind->nfields; i++)
		free(values[i]);
}

void record_clear(struct record *rec)
{
	if (rec->values) {
		free_values(rec->kind, rec->values);
		free(rec->values);
	}
	memset(rec, 0, sizeof *rec);
}

/* ---- the statements of every row, prepared once per connection ---- */

enum stmt_use {
	STMT_EXISTS,      /* kind: is there a record with this id */
	STMT_FIND,        /* kind: the id of the record with this key */
	STMT_INSERT,      /* kind */
	STMT_UPDATE,      /* kind */
	STMT_UNIQUE,      /* field: does another record have this value */
	STMT_LINK_DELETE, /* field (a list): the links of an owner */
	STMT_LINK_INSERT, /* field (a list): one link */
};

static char *stmt_sql(const struct kind *kind, const struct field *f, enum stmt_use use)
{
	const struct field *key = &kind->fields[kind->key];
	struct strbuf sb = {0}, qs = {0};
	switch (use) {
	case STMT_EXISTS:
		return xasprintf("SELECT 1 FROM \"%s\" WHERE id = ?", kind->table);
	case STMT_FIND:
		return xasprintf("SELECT id FROM \"%s\" WHERE \"%s\" = ?", kind->table,
		                 key->name);
	case STMT_UNIQUE:
		return xasprintf("SELECT 1 FROM \"%s\" WHERE \"%s\" = ? AND id <> ?",
		                 kind->table, record_column(f));
	case STMT_LINK_DELETE:
		return xasprintf("DELETE FROM \"%s\" WHERE owner = ?", f->link);
	case STMT_LINK_INSERT:
		return xasprintf("INSERT INTO \"%s\" (owner, ref) VALUES (?, ?)",
		                 f->link);
	case STMT_INSERT:
		strbuf_addf(&sb, "INSERT INTO \"%s\" (", kind->table);
		for (size_t i = 0; i < kind->nfields; i++) {
			f = &kind->fields[i];
			if (f->type == FIELD_REFLIST)
				continue;
			strbuf_addf(&sb, "%s\"%s\"", qs.len ? ", " : "",
			            record_column(f));
			strbuf_add(&qs, qs.len ? ", ?" : "?");
		}
		if (kind->singleton) {
			strbuf_add(&sb, ", id");
			strbuf_add(&qs, ", 1");
		}
		strbuf_addf(&sb, ") VALUES (%s)", qs.buf);
		strbuf_free(&qs);
		return strbuf_take(&sb);
	case STMT_UPDATE:
		strbuf_addf(&sb, "UPDATE \"%s\" SET revision = revision + 1",
		            kind->table);
		for (size_t i = 0; i < kind->nfields; i++) {
			f = &kind->fields[i];
			if (f->type != FIELD_REFLIST && f->type != FIELD_ID)
				strbuf_addf(&sb, ", \"%s\" = ?", f->name);
		}
		strbuf_add(&sb, " WHERE id = ?");
		return strbuf_take(&sb);
	}
	return NULL;
}

/* The statement for a use of kind (or of its field f), from the
 * connection's cache: a load runs the same few for every row, and
 * compiling them each time was most of its work. Give it back with
 * db_release. */
static int stmt_for(struct summit_db *db, const struct kind *kind, const struct field *f,
                    enum stmt_use use, sqlite3_stmt **st, struct summit_err *err)
{
	const void *key = f ? (const void *)f : (const void *)kind;
	if (db_cached(db, key, (int)use, st))
		return SUMMIT_OK;
	char *sql = stmt_sql(kind, f, use);
	int status = db_cache(db, key, (int)use, sql, st, err);
	free(sql);
	return status;
}

/* ---- finding ---- */

static int exists(struct summit_db *db, const struct kind *kind, long long id,
                  struct summit_err *err)
{
	sqlite3_stmt *st;
	int status = stmt_for(db, kind, NULL, STMT_EXISTS, &st, err);
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	db_release(st);
	if (rc == SQLITE_ROW)
		return SUMMIT_OK;
	if (rc != SQLITE_DONE)
		return db_step_error(db, rc, err);
	return err_set(err, SUMMIT_NOT_FOUND, "no %s #%lld", kind->singular, id);
}

static int find_by_key(struct summit_db *db, const struct kind *kind,
                       const struct field *f, const char *key, long long *id,
                       struct summit_err *err);

int record_find(struct summit_db *db, const struct kind *kind, const char *key,
                long long *id, struct summit_err *err)
{
	const struct field *f = &kind->fields[kind->key];
	if (kind->singleton) {
		*id = 1;
		return exists(db, kind, 1, err) == SUMMIT_OK ? SUMMIT_OK
		                                             : err_no_event(err);
	}
	if (db_memo_find(db, kind, key, id))
		return SUMMIT_OK;
	int status = find_by_key(db, kind, f, key, id, err);
	if (!status)
		db_memo_keep(db, kind, key, *id);
	return status;
}

static int find_by_key(struct summit_db *db, const struct kind *kind,
                       const struct field *f, const char *key, long long *id,
                       struct summit_err *err)
{
	if (key[0] == '#' || f->type == FIELD_ID) {
		const char *digits = key + (key[0] == '#');
		if (!parse_whole(digits, id) || *id <= 0)
			return err_set(err, SUMMIT_NOT_FOUND,
			               "no %s \"%s\": expected a number", kind->singular,
			               key);
		return exists(db, kind, *id, err);
	}
	struct dbval v = {.type = SQLITE_TEXT, .s = key};
	if (f->type == FIELD_REF) {
		int status = record_find(db, f->ref, key, &v.i, err);
		if (status == SUMMIT_NOT_FOUND)
			return err_set(err, SUMMIT_NOT_FOUND, "no %s for \"%s\"",
			               kind->singular, key);
		if (status)
			return status;
		v.type = SQLITE_INTEGER;
	}
	sqlite3_stmt *st;
	int status = stmt_for(db, kind, NULL, STMT_FIND, &st, err);
	if (status)
		return status;
	bind(st, 1, &v);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		status = SUMMIT_OK;
	} else if (rc == SQLITE_DONE &&
	           (f->type == FIELD_TEXT || f->type == FIELD_CODE)) {
		/* Typed as people read it: one record alike but for case and
		 * accents is the one meant; otherwise say which ones come close. */
		long long ids[2];
		struct strbuf names = {0};
		int n = fold_matches(db, kind, key, false, ids, &names);
		if (n == 1) {
			*id = ids[0];
			status = SUMMIT_OK;
		} else if (n > 1) {
			status =
			    err_set(err, SUMMIT_NOT_FOUND,
			            "no %s with %s \"%s\": it could be %s, expected one "
			            "of them as written",
			            kind->singular, f->name, key, names.buf);
		} else if (fold_matches(db, kind, key, true, ids, &names) > 0) {
			status = err_set(err, SUMMIT_NOT_FOUND,
			                 "no %s with %s \"%s\": did you mean %s?",
			                 kind->singular, f->name, key, names.buf);
		} else {
			status = err_set(err, SUMMIT_NOT_FOUND, "no %s with %s \"%s\"",
			                 kind->singular, f->name, key);
		}
		strbuf_free(&names);
	} else if (rc == SQLITE_DONE) {
		status = err_set(err, SUMMIT_NOT_FOUND, "no %s with %s \"%s\"",
		                 kind->singular, f->name, key);
	} else {
		status = db_step_error(db, rc, err);
	}
	db_release(st);
	return status;
}

int record_get(struct summit_db *db, const struct kind *kind, long long id,
               struct record *rec, struct summit_err *err)
{
	char *sql = select_sql(kind, "t.id = ?", NULL);
	sqlite3_stmt *st;
	int status = db_prepare(db, sql, &st, err);
	free(sql);
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		rec->values = xcalloc(kind->nfields, sizeof *rec->values);
		decode_row(db, kind, st, rec);
	} else if (rc == SQLITE_DONE) {
		status =
		    err_set(err, SUMMIT_NOT_FOUND, "no %s #%lld", kind->singular, id);
	} else {
		status = db_step_error(db, rc, err);
	}
	sqlite3_finalize(st);
	return status;
}

int record_each_range(struct summit_db *db, const struct kind *kind,
                      const struct record_filter *filters, size_t nfilters,
                      long long offset, long long limit, record_fn fn, void *ctx,
                      struct summit_err *err)
{
	struct strbuf where = {0};
	struct dbval *vals = xcalloc(nfilters + 1, sizeof *vals);
	int status = SUMMIT_OK;
	for (size_t i = 0; i < nfilters && !status; i++) {
		const struct field *f = &kind->fields[filters[i].field];
		status = encode(db, f, filters[i].value, &vals[i], err);
		if (status)
			break;
		strbuf_add(&where, i ? " AND " : "");
		if (f->type == FIELD_REFLIST)
			strbuf_addf(
			    &where,
			    "EXISTS (SELECT 1 FROM \"%s\" l WHERE l.owner = t.id AND "
			    "l.ref = ?)",
			    f->link);
		else if (vals[i].type == SQLITE_NULL)
			strbuf_addf(&where, "t.\"%s\" IS ?", record_column(f));
		else
			strbuf_addf(&where, "t.\"%s\" = ?", record_column(f));
		if (f->type == FIELD_REFLIST) {
			vals[i].type = vals[i].nids ? SQLITE_INTEGER : SQLITE_NULL;
			vals[i].i = vals[i].nids ? vals[i].ids[0] : 0;
		}
	}
	/* By the key's text (a code, not an id), so the order is the same in
	 * every file that holds the same records. */
	struct strbuf by = {0};
	add_column_expr(&by, order_field(kind), "t");
	strbuf_add(&by, ", t.id");
	char *order = strbuf_take(&by);
	char *ordered = xasprintf("%s LIMIT %lld OFFSET %lld", order, limit, offset);
	char *sql = select_sql(kind, where.len ? where.buf : NULL, ordered);
	free(ordered);
	free(order);
	strbuf_free(&where);
	sqlite3_stmt *st = NULL;
	if (!status)
		status = db_prepare(db, sql, &st, err);
	free(sql);
	for (size_t i = 0; i < nfilters && !status; i++)
		bind(st, (int)i + 1, &vals[i]);
	struct record rec = {.values = xcalloc(kind->nfields, sizeof *rec.values)};
	int rc;
	while (!status && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		decode_row(db, kind, st, &rec);
		status = fn(&rec, ctx);
		free_values(kind, rec.values);
	}
	if (!status && rc != SQLITE_DONE)
		status = db_step_error(db, rc, err);
	free(rec.values);
	sqlite3_finalize(st);
	for (size_t i = 0; i < nfilters; i++)
		dbval_clear(&vals[i]);
	free(vals);
	return status;
}

int record_each(struct summit_db *db, const struct kind *kind,
                const struct record_filter *filters, size_t nfilters, record_fn fn,
                void *ctx, struct summit_err *err)
{
	return record_each_range(db, kind, filters, nfilters, 0, -1, fn, ctx, err);
}

long long record_count(struct summit_db *db, const struct kind *kind)
{
	char *sql = xasprintf("SELECT count(*) FROM \"%s\"", kind->table);
	sqlite3_stmt *st;
	long long n = -1;
	if (db_prepare(db, sql, &st, NULL) == SUMMIT_OK && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	free(sql);
	return n;
}

/* ---- writing ---- */

static int check_unique(struct summit_db *db, const struct kind *kind,
                        const struct field *f, const struct dbval *v, const char *text,
                        long long self, struct summit_err *err)
{
	sqlite3_stmt *st;
	int status = stmt_for(db, kind, f, STMT_UNIQUE, &st, err);
	if (status)
		return status;
	bind(st, 1, v);
	sqlite3_bind_int64(st, 2, self);
	int rc = sqlite3_step(st);
	db_release(st);
	if (rc == SQLITE_ROW)
		return err_field(
		    err, f->name,
		    "got \"%s\", already taken by another %s, expected a %s no "
		    "other %s has",
		    text, kind->singular, f->type == FIELD_ID ? "number" : f->name,
		    kind->singular);
	return rc == SQLITE_DONE ? SUMMIT_OK : db_step_error(db, rc, err);
}

/* Says which rule a failed UNIQUE constraint stands for, in the user's
 * words: the columns of a multi-column one, or the kind's own rule. */
static int constraint_error(struct summit_db *db, const struct kind *kind, int rc,
                            struct summit_err *err)
{
	const char *msg = sqlite3_errmsg(db->conn);
	const char *prefix = "UNIQUE constraint failed: ";
	if (rc != SQLITE_CONSTRAINT_UNIQUE || strncmp(msg, prefix, strlen(prefix)) != 0)
		return db_step_error(db, rc, err);
	if (strncmp(msg + strlen(prefix), "index ", 6) == 0)
		return err_set(err, SUMMIT_INVALID, "%s",
		               kind->unique_rule ? kind->unique_rule : msg);
	struct strbuf cols = {0};
	char first[64] = "";
	for (const char *p = msg + strlen(prefix), *dot; (dot = strchr(p, '.'));) {
		const char *end = strstr(dot, ", ");
		int n = (int)(end ? (size_t)(end - dot - 1) : strlen(dot + 1));
		if (!first[0])
			snprintf(first, sizeof first, "%.*s", n, dot + 1);
		strbuf_addf(&cols, "%s%.*s", cols.len ? " and " : "", n, dot + 1);
		p = end ? end + 2 : dot + 1 + n;
	}
	err_field(err, first, "another %s has the same %s, expected one %s per %s",
	          kind->singular, cols.buf, kind->singular, cols.buf);
	strbuf_free(&cols);
	return SUMMIT_INVALID;
}

/* The links of owner's list field f; a new owner has none to delete. */
static int write_links(struct summit_db *db, const struct kind *kind,
                       const struct field *f, long long owner, bool fresh,
                       const struct dbval *v, struct summit_err *err)
{
	sqlite3_stmt *sd = NULL, *si = NULL;
	int status =
	    fresh ? SUMMIT_OK : stmt_for(db, kind, f, STMT_LINK_DELETE, &sd, err);
	if (!status)
		status = stmt_for(db, kind, f, STMT_LINK_INSERT, &si, err);
	if (!status && sd) {
		sqlite3_bind_int64(sd, 1, owner);
		int rc = sqlite3_step(sd);
		if (rc != SQLITE_DONE)
			status = db_step_error(db, rc, err);
	}
	for (size_t i = 0; i < v->nids && !status; i++) {
		sqlite3_reset(si);
		sqlite3_bind_int64(si, 1, owner);
		sqlite3_bind_int64(si, 2, v->ids[i]);
		int rc = sqlite3_step(si);
		if (rc != SQLITE_DONE)
			status = db_step_error(db, rc, err);
	}
	if (sd)
		db_release(sd);
	if (si)
		db_release(si);
	return status;
}

/* An owned copy without surrounding blanks, or of fallback when nothing
 * is left: "Ghana " and "Ghana" are one name, in a form or a CSV file. */
static char *trimmed_or(const char *value, const char *fallback)
{
	const char *blanks = " \t\r\n";
	if (value) {
		value += strspn(value, blanks);
		size_t n = strlen(value);
		while (n && strchr(blanks, value[n - 1]))
			n--;
		if (n)
			return xstrndup(value, n);
	}
	return fallback ? xstrdup(fallback) : NULL;
}

/* Validates values (user form, defaults applied) into vals[]; then the
 * kind's own rule and uniqueness. */
static int validate(struct summit_db *db, const struct kind *kind, char *const *values,
                    struct dbval *vals, long long self, struct summit_err *err)
{
	for (size_t i = 0; i < kind->nfields; i++) {
		int status = encode(db, &kind->fields[i], values[i], &vals[i], err);
		if (status)
			return status;
	}
	if (kind->check) {
		int status = kind->check(db, self, (const char *const *)values, err);
		if (status)
			return status;
	}
	for (size_t i = 0; i < kind->nfields; i++) {
		const struct field *f = &kind->fields[i];
		if ((f->flags & FIELD_UNIQUE || f->type == FIELD_ID) &&
		    vals[i].type != SQLITE_NULL) {
			int status =
			    check_unique(db, kind, f, &vals[i], values[i], self, err);
			if (status)
				return status;
		}
	}
	return SUMMIT_OK;
}

/* Runs the kind's INSERT or UPDATE, binding the stored fields in order
 * and then `extra` ids. */
static int write_row(struct summit_db *db, const struct kind *kind, enum stmt_use use,
                     const struct dbval *vals, bool skip_id, long long *extra, int nextra,
                     struct summit_err *err)
{
	sqlite3_stmt *st;
	int status = stmt_for(db, kind, NULL, use, &st, err);
	if (status)
		return status;
	int index = 1;
	for (size_t i = 0; i < kind->nfields; i++) {
		const struct field *f = &kind->fields[i];
		if (f->type == FIELD_REFLIST || (f->type == FIELD_ID && skip_id))
			continue;
		bind(st, index++, &vals[i]);
	}
	for (int i = 0; i < nextra; i++)
		sqlite3_bind_int64(st, index++, extra[i]);
	int rc = sqlite3_step(st);
	status = rc == SQLITE_DONE ? SUMMIT_OK : constraint_error(db, kind, rc, err);
	db_release(st);
	return status;
}

static int write_all_links(struct summit_db *db, const struct kind *kind, long long id,
                           bool fresh, const struct dbval *vals, struct summit_err *err)
{
	for (size_t i = 0; i < kind->nfields; i++) {
		if (kind->fields[i].type != FIELD_REFLIST)
			continue;
		int status =
		    write_links(db, kind, &kind->fields[i], id, fresh, &vals[i], err);
		if (status)
			return status;
	}
	return SUMMIT_OK;
}

int record_insert(struct summit_db *db, const struct kind *kind, char *const *values,
                  long long *id_out, struct summit_err *err)
{
	if (!kind->singleton && !db_has_event(db))
		return err_no_event(err);
	char **given = xcalloc(kind->nfields, sizeof *given);
	for (size_t i = 0; i < kind->nfields; i++)
		given[i] = trimmed_or(values[i], kind->fields[i].fallback);
	struct dbval *vals = xcalloc(kind->nfields, sizeof *vals);
	int status = validate(db, kind, given, vals, 0, err);

	if (!status)
		status = write_row(db, kind, STMT_INSERT, vals, false, NULL, 0, err);
	long long id = sqlite3_last_insert_rowid(db->conn);
	if (!status)
		status = write_all_links(db, kind, id, true, vals, err);
	if (!status && kind->after_insert)
		status = kind->after_insert(db, id, err);
	if (!status && id_out)
		*id_out = id;
	for (size_t i = 0; i < kind->nfields; i++)
		dbval_clear(&vals[i]);
	free(vals);
	free_values(kind, given);
	free(given);
	return status;
}

static int changed_meanwhile(const struct kind *kind, struct summit_err *err)
{
	return err_set(err, SUMMIT_CONFLICT,
	               "this %s was changed by someone else since you opened it: "
	               "reload it and make your change again",
	               kind->singular);
}

int record_update(struct summit_db *db, const struct kind *kind, long long id,
                  char *const *changes, long long revision, struct summit_err *err)
{
	db_memo_clear(db); /* a key may change */
	int status = kind->before_update ? kind->before_update(db, id, err) : SUMMIT_OK;
	if (status)
		return status;
	struct record cur = {0};
	status = record_get(db, kind, id, &cur, err);
	if (status)
		return status;
	if (revision > 0 && cur.revision != revision) {
		record_clear(&cur);
		return changed_meanwhile(kind, err);
	}
	char **merged = xcalloc(kind->nfields, sizeof *merged);
	for (size_t i = 0; i < kind->nfields; i++) {
		const struct field *f = &kind->fields[i];
		merged[i] =
		    trimmed_or(changes[i] ? changes[i] : cur.values[i], f->fallback);
		const char *was = cur.values[i] ? cur.values[i] : "";
		if (!status && changes[i] &&
		    (f->type == FIELD_ID || f->flags & FIELD_FIXED) &&
		    strcmp(merged[i] ? merged[i] : "", was) != 0)
			status = err_field(err, f->name,
			                   f->type == FIELD_ID
			                       ? "a record keeps its number, expected "
			                         "no change"
			                       : "changes only with its own verb (%s), "
			                         "expected no change here",
			                   f->help ? f->help : "see summit help");
	}
	struct dbval *vals = xcalloc(kind->nfields, sizeof *vals);
	if (!status)
		status = validate(db, kind, merged, vals, id, err);
	if (!status)
		status = write_row(db, kind, STMT_UPDATE, vals, true, &id, 1, err);
	if (!status)
		status = write_all_links(db, kind, id, false, vals, err);
	if (!status && kind->after_update)
		status = kind->after_update(db, id, (const char *const *)cur.values, err);
	for (size_t i = 0; i < kind->nfields; i++)
		dbval_clear(&vals[i]);
	free(vals);
	free_values(kind, merged);
	free(merged);
	record_clear(&cur);
	return status;
}

/* Adds "3 sessions (#4, #7, #9)" for the records of `other` whose field f
 * points at id; returns how many. */
static long long describe_users(struct summit_db *db, const struct kind *other,
                                const struct field *f, long long id, struct strbuf *out,
                                struct summit_err *err)
{
	struct strbuf sql = {0};
	strbuf_add(&sql, "SELECT ");
	if (f->type == FIELD_REFLIST) {
		record_key_expr(&sql, other, "l.owner");
		strbuf_addf(&sql, " FROM \"%s\" l WHERE l.ref = ? ORDER BY 1", f->link);
	} else {
		record_key_expr(&sql, other, "t.id");
		strbuf_addf(&sql, " FROM \"%s\" t WHERE t.\"%s\" = ? ORDER BY 1",
		            other->table, f->name);
	}
	sqlite3_stmt *st;
	long long n = 0;
	if (db_prepare(db, sql.buf, &st, err)) {
		strbuf_free(&sql);
		return -1;
	}
	strbuf_free(&sql);
	sqlite3_bind_int64(st, 1, id);
	struct strbuf names = {0};
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n < 5) {
			const char *k = (const char *)sqlite3_column_text(st, 0);
			bool numeric = other->fields[other->key].type == FIELD_ID;
			strbuf_addf(&names, "%s%s%s", n ? ", " : "", numeric ? "#" : "",
			            k ? k : "?");
		}
		n++;
	}
	sqlite3_finalize(st);
	if (n) {
		strbuf_addf(out, "%s%lld %s%s (%s%s)", out->len ? ", " : "", n,
		            n == 1 ? other->singular : other->plural,
		            f->type == FIELD_REFLIST ? " listing it" : "", names.buf,
		            n > 5 ? ", ..." : "");
	}
	strbuf_free(&names);
	return n;
}

int record_delete(struct summit_db *db, const struct kind *kind, long long id,
                  long long revision, struct summit_err *err)
{
	if (kind->singleton)
		return err_set(err, SUMMIT_INVALID,
		               "the %s itself cannot be removed: remove its file instead",
		               kind->singular);
	db_memo_clear(db); /* its key, and those of the records it cascades to */
	struct record cur = {0};
	int status = record_get(db, kind, id, &cur, err);
	if (status)
		return status;
	if (revision > 0 && cur.revision != revision) {
		record_clear(&cur);
		return changed_meanwhile(kind, err);
	}
	struct strbuf users = {0};
	for (size_t k = 0; k < kind_count && !status; k++) {
		for (size_t i = 0; i < kinds[k]->nfields; i++) {
			const struct field *f = &kinds[k]->fields[i];
			if (f->ref != kind || f->flags & FIELD_CASCADE)
				continue;
			if (describe_users(db, kinds[k], f, id, &users, err) < 0) {
				status = SUMMIT_FAILED;
				break;
			}
		}
	}
	if (!status && users.len)
		status = err_set(
		    err, SUMMIT_INVALID,
		    "%s %s%s is still used by %s: change or remove those first",
		    kind->singular, kind->fields[kind->key].type == FIELD_ID ? "#" : "",
		    cur.values[kind->key], users.buf);
	strbuf_free(&users);
	record_clear(&cur);
	if (status)
		return status;
	char *sql = xasprintf("DELETE FROM \"%s\" WHERE id = ?", kind->table);
	sqlite3_stmt *st;
	status = db_prepare(db, sql, &st, err);
	free(sql);
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SUMMIT_OK : db_step_error(db, rc, err);
}

int record_values_from_words(const struct kind *kind, char **words, int nwords,
                             char **values, struct summit_err *err)
{
	for (int w = 0; w < nwords; w++) {
		const char *eq = strchr(words[w], '=');
		if (!eq || eq == words[w])
			return err_set(
			    err, SUMMIT_USAGE,
			    "\"%s\": expected FIELD=VALUE (see summit help %s)", words[w],
			    kind->plural);
		char *name = xstrndup(words[w], (size_t)(eq - words[w]));
		int i = kind_field_index(kind, name);
		if (i < 0) {
			struct strbuf known = {0};
			for (size_t k = 0; k < kind->nfields; k++)
				strbuf_addf(&known, "%s%s", k ? ", " : "",
				            kind->fields[k].name);
			err_set(err, SUMMIT_USAGE,
			        "a%s %s has no field \"%s\", expected one of: %s",
			        strchr("aeiou", kind->singular[0]) ? "n" : "",
			        kind->singular, name, known.buf);
			strbuf_free(&known);
			free(name);
			return SUMMIT_USAGE;
		}
		free(name);
		if (values[i])
			return err_field(err, kind->fields[i].name,
			                 "given twice, expected once");
		values[i] = xstrdup(eq + 1);
	}
	return SUMMIT_OK;
}

void record_values_free(const struct kind *kind, char **values)
{
	free_values(kind, values);
}
