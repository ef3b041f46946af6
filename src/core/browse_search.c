/* Search as one types over a list (browse.c): the searched text of every
 * record of a kind, folded (text_fold) and lower-cased, read once per
 * version of the file, so each letter typed scans memory instead of
 * folding 40,000 names in SQL again. What matches is what browse.c's SQL
 * search matches: a text or code field, or the key of a referenced record,
 * that contains the text without regard to case or accents; a record's
 * number whole. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "summit/db.h"
#include "summit/kind.h"
#include "summit/text.h"
#include "summit/xalloc.h"

struct search_index {
	const struct kind *kind;
	long long data_version, commits;
	size_t n;
	long long *ids;    /* in the order read */
	size_t *offsets;   /* of each record's text in buf */
	struct strbuf buf; /* the fields, each ended by '\n' */
	/* The last search: its text and a bit per id that matched. */
	char *text;
	unsigned char *hit;
	long long max_id, nhits;
};

void browse_search_free(struct summit_db *db)
{
	struct search_index *s = db->search;
	if (!s)
		return;
	free(s->ids);
	free(s->offsets);
	strbuf_free(&s->buf);
	free(s->text);
	free(s->hit);
	free(s);
	db->search = NULL;
}

/* Folded as summit_fold does, and lower-cased as LIKE compares ASCII. */
static void add_folded(struct strbuf *sb, const char *s)
{
	char *folded = NULL;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p >= 0x80) {
			folded = text_fold(s);
			break;
		}
	size_t from = sb->len;
	strbuf_add(sb, folded ? folded : s);
	free(folded);
	for (size_t i = from; i < sb->len; i++)
		if (sb->buf[i] >= 'A' && sb->buf[i] <= 'Z')
			sb->buf[i] = (char)(sb->buf[i] - 'A' + 'a');
}

/* A reference is searched by its record's key, unless that is a number. */
static bool key_is_text(const struct kind *kind)
{
	const struct field *key = &kind->fields[kind->key];
	if (key->type == FIELD_REF)
		return key_is_text(key->ref);
	return key->type != FIELD_ID;
}

static void search_hit(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const struct search_index *s =
	    ((struct summit_db *)sqlite3_user_data(ctx))->search;
	long long id = sqlite3_value_int64(argv[0]);
	sqlite3_result_int(ctx, s && s->hit && id > 0 && id <= s->max_id &&
	                            (s->hit[id / 8] >> (id % 8) & 1));
}

static struct search_index *build(struct summit_db *db, const struct kind *kind)
{
	struct strbuf sql = {0};
	strbuf_add(&sql, "SELECT t.id");
	int ncols = 0;
	for (size_t i = 0; i < kind->nfields; i++) {
		const struct field *f = &kind->fields[i];
		if (f->type == FIELD_REF && key_is_text(f->ref)) {
			char *id_sql = xasprintf("t.\"%s\"", f->name);
			strbuf_add(&sql, ", ");
			record_key_expr(&sql, f->ref, id_sql);
			free(id_sql);
			ncols++;
		} else if (f->type == FIELD_TEXT || f->type == FIELD_CODE) {
			strbuf_addf(&sql, ", t.\"%s\"", record_column(f));
			ncols++;
		}
	}
	strbuf_addf(&sql, " FROM \"%s\" t", kind->table);
	struct search_index *s = xcalloc(1, sizeof *s);
	s->kind = kind;
	s->data_version = db_data_version(db);
	s->commits = db->commits;
	sqlite3_stmt *st;
	int status = db_prepare(db, sql.buf, &st, NULL);
	strbuf_free(&sql);
	if (status) {
		free(s);
		return NULL;
	}
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (s->n == cap) {
			cap = cap ? 2 * cap : 1024;
			s->ids = xrealloc(s->ids, cap * sizeof *s->ids);
			s->offsets = xrealloc(s->offsets, cap * sizeof *s->offsets);
		}
		long long id = sqlite3_column_int64(st, 0);
		s->ids[s->n] = id;
		s->offsets[s->n++] = s->buf.len;
		if (id > s->max_id)
			s->max_id = id;
		for (int c = 1; c <= ncols; c++) {
			const unsigned char *v = sqlite3_column_text(st, c);
			if (v)
				add_folded(&s->buf, (const char *)v);
			strbuf_add(&s->buf, "\n");
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db->search = s;
		browse_search_free(db);
		return NULL;
	}
	return s;
}

bool browse_search_hits(struct summit_db *db, const struct kind *kind, const char *text,
                        long long *nhits)
{
	struct search_index *s = db->search;
	if (s && (s->kind != kind || s->commits != db->commits ||
	          s->data_version != db_data_version(db))) {
		browse_search_free(db);
		s = NULL;
	}
	if (!s) {
		if (!(s = build(db, kind)))
			return false;
		db->search = s;
		sqlite3_create_function(db->conn, "summit_search_hit", 1, SQLITE_UTF8, db,
		                        search_hit, NULL, NULL);
	}
	if (s->text && strcmp(s->text, text) == 0) {
		*nhits = s->nhits;
		return true;
	}
	struct strbuf want = {0};
	add_folded(&want, text);
	/* A record's number matches whole. */
	long long number = 0;
	const char *d = text;
	for (; *d >= '0' && *d <= '9' && number < 1000000000000LL; d++)
		number = number * 10 + (*d - '0');
	if (*d || d == text)
		number = 0;
	free(s->text);
	s->text = xstrdup(text);
	free(s->hit);
	s->hit = xcalloc((size_t)(s->max_id / 8 + 1), 1);
	s->nhits = 0;
	for (size_t i = 0; i < s->n; i++) {
		const char *fields = s->buf.buf + s->offsets[i];
		const char *end = i + 1 < s->n ? s->buf.buf + s->offsets[i + 1]
		                               : s->buf.buf + s->buf.len;
		bool match = s->ids[i] == number || !want.len;
		/* Within one field: a match may not run across its end. */
		for (const char *p = fields; !match && p < end;) {
			const char *found =
			    memmem(p, (size_t)(end - p), want.buf, want.len);
			if (!found)
				break;
			match = !memchr(found, '\n', want.len);
			p = found + 1;
		}
		if (match) {
			s->hit[s->ids[i] / 8] |= (unsigned char)(1u << (s->ids[i] % 8));
			s->nhits++;
		}
	}
	strbuf_free(&want);
	*nhits = s->nhits;
	return true;
}
