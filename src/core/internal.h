/* Shared by the modules of libsummit only; front ends use include/summit. */
#ifndef SUMMIT_INTERNAL_H
#define SUMMIT_INTERNAL_H

#include <libical/ical.h>
#include <sqlite3.h>
#include <stdbool.h>

#include "summit/error.h"

/* Makes room for one more element of arr (n used of cap), doubling. */
#define GROW(arr, n, cap)                                                                \
	do {                                                                             \
		if ((n) == (cap)) {                                                      \
			(cap) = (cap) ? (cap)*2 : 64;                                    \
			(arr) = xrealloc((arr), (cap) * sizeof *(arr));                  \
		}                                                                        \
	} while (0)

/* In records sorted by id, each beginning with its long long id: the one
 * with id, or NULL (model.c). */
void *db_find_id(const void *records, size_t n, size_t size, long long id);

struct summit_db {
	sqlite3 *conn;
	char *path;       /* the file SQLite has open, named in messages */
	char *staged_for; /* db_create_staged: where db_install puts it */
	char warning[320];
	/* The event's zone, read when a transaction begins or the event changes. */
	icaltimezone *zone;
	char zone_name[64];
	char first_day[11], last_day[11];
	bool in_transaction;
	/* when_today's fixed date ("" for the clock's), and the clock (0: the
	 * system's); see db_set_today and db_set_clock. */
	char today[11];
	long long clock;
	/* While loading a directory whose history.csv tells the invitations'
	 * stories, new invitations do not write their own first history row. */
	bool loading_history;
	/* Statements prepared once and reused (db_cached). */
	struct stmt_cache *cache;
	/* Records found by key in this write transaction (db_memo_find). */
	struct key_memo *memo;
	/* Between ics_batch_begin and ics_batch_end (ics.c). */
	struct ics_batch *ics_batch;
	/* Commits made by this connection, which PRAGMA data_version does not
	 * count, and the problems kept for them (check_kept.c). */
	long long commits;
	struct check_kept *check_kept;
	/* The same for badges while badge-history.csv is loaded. */
	bool loading_badge_history;
	/* The folded text a list is searched in (browse_search.c). */
	struct search_index *search;
};

/* Frees the kept problems (check_kept.c). */
void check_kept_free(struct summit_db *db);

/* The refusal of anything that needs the event before `summit init`. */
int err_no_event(struct summit_err *err);

/* Reads the event's zone and days into db; fine when there is no event. */
int db_refresh_event(struct summit_db *db, struct summit_err *err);

/* Prepare a statement or report SQLite's message as SUMMIT_FAILED. */
int db_prepare(struct summit_db *db, const char *sql, sqlite3_stmt **st,
               struct summit_err *err);
/* The statements run once per row of a load (a lookup, a uniqueness
 * check, an INSERT) are prepared once per connection and kept under a key
 * the caller chooses (a kind or field descriptor, or a string literal)
 * and a use. db_cached finds one, reset with its bindings cleared; else
 * db_cache prepares sql and keeps it. The cache owns st: never finalize
 * it; give it back with db_release before the same statement is asked for
 * again (so never for a statement whose rows are read while others run). */
bool db_cached(struct summit_db *db, const void *key, int use, sqlite3_stmt **st);
int db_cache(struct summit_db *db, const void *key, int use, const char *sql,
             sqlite3_stmt **st, struct summit_err *err);
/* Inside a write transaction no other planner can change the file, so
 * the id found for a kind's key stays right until this connection updates
 * or deletes a record: a load then looks each delegation code or room
 * name up once, not once per row that names it. Only found ids are kept;
 * db_memo_clear forgets them all (record_update, record_delete, and every
 * begin, commit and rollback). */
bool db_memo_find(struct summit_db *db, const void *kind, const char *key, long long *id);
void db_memo_keep(struct summit_db *db, const void *kind, const char *key, long long id);
void db_memo_clear(struct summit_db *db);
/* Resets a cached statement, which ends its read of the file. */
void db_release(sqlite3_stmt *st);
/* Turns a failed step into a message; constraint failures are SUMMIT_INVALID,
 * and a full disk, a read-only file or an I/O error is named as such. */
int db_step_error(struct summit_db *db, int rc, struct summit_err *err);
/* The integer of the one row of sql, whose parameters (up to three, as
 * many as it has) are bound to a, b and c. */
int db_int(struct summit_db *db, const char *sql, long long a, long long b, long long c,
           long long *out, struct summit_err *err);
/* Steps st through its rows, calling row for each (a non-zero return stops
 * and is returned), then finalizes st. */
int db_each_row(struct summit_db *db, sqlite3_stmt *st,
                int (*row)(sqlite3_stmt *st, void *ctx), void *ctx,
                struct summit_err *err);

struct field;
struct kind;
struct strbuf;
/* The column of a field in its kind's table (record.c). */
const char *record_column(const struct field *f);
/* Appends an SQL expression giving the key text of the `kind` record whose
 * id is the expression id_sql (record.c). */
void record_key_expr(struct strbuf *sb, const struct kind *kind, const char *id_sql);

/* Search as one types (browse_search.c): finds text in the records of
 * kind, from their folded text read once per version of the file, and
 * marks them for the SQL function summit_search_hit(id); false when the
 * text could not be read (search in SQL then). */
bool browse_search_hits(struct summit_db *db, const struct kind *kind, const char *text,
                        long long *nhits);
void browse_search_free(struct summit_db *db);

#endif
