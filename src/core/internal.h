/* Shared by the modules of libsummit only; front ends use include/summit. */
#ifndef SUMMIT_INTERNAL_H
#define SUMMIT_INTERNAL_H

#include <libical/ical.h>
#include <sqlite3.h>
#include <stdbool.h>

#include "summit/error.h"

struct summit_db {
	sqlite3 *conn;
	/* The event's zone, read when a transaction begins or the event changes. */
	icaltimezone *zone;
	char zone_name[64];
	char first_day[11], last_day[11];
	bool in_transaction;
	/* While loading a directory whose history.csv tells the invitations'
	 * stories, new invitations do not write their own first history row. */
	bool loading_history;
};

/* The refusal of anything that needs the event before `summit init`. */
int err_no_event(struct summit_err *err);

/* Reads the event's zone and days into db; fine when there is no event. */
int db_refresh_event(struct summit_db *db, struct summit_err *err);

/* Prepare a statement or report SQLite's message as SUMMIT_FAILED. */
int db_prepare(struct summit_db *db, const char *sql, sqlite3_stmt **st,
               struct summit_err *err);
/* Turns a failed step into a message; constraint failures are SUMMIT_INVALID. */
int db_step_error(struct summit_db *db, int rc, struct summit_err *err);
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

#endif
