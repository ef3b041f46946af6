/* One SQLite file is one event. The schema is versioned with
 * PRAGMA user_version; opening a file migrates it in one transaction. */
#ifndef SUMMIT_DB_H
#define SUMMIT_DB_H

#include <stdbool.h>

struct summit_db;
struct summit_err;

/* Creates a new event file (mode 0600) with the current schema; refuses a
 * path that exists. */
int db_create(const char *path, struct summit_db **db, struct summit_err *err);
/* Creates a new event in a private temporary file beside path, for a load
 * that may be interrupted: db_install moves it to path once it is whole;
 * db_close without db_install removes it. Refuses a path that exists, and
 * says what an empty or event-less file left by an older summit is. */
int db_create_staged(const char *path, struct summit_db **db, struct summit_err *err);
/* Folds the staged file's journal into it, closes db and renames the file
 * to its path (never over a file that appeared meanwhile). db is closed
 * in every case; on failure nothing is left at path. */
int db_install(struct summit_db *db, struct summit_err *err);
/* Opens an existing event file and migrates it if it is older. A file
 * other users can read is made private when it is ours: db_warning says so. */
int db_open(const char *path, struct summit_db **db, struct summit_err *err);
/* What the user should know about the opened file, or NULL. */
const char *db_warning(const struct summit_db *db);
void db_close(struct summit_db *db);

/* A write transaction (BEGIN IMMEDIATE, so two planners queue instead of
 * failing halfway). Every change goes between db_begin and db_commit. */
int db_begin(struct summit_db *db, struct summit_err *err);
int db_commit(struct summit_db *db, struct summit_err *err);
void db_rollback(struct summit_db *db);
/* Ends the transaction: commits when status is SUMMIT_OK, else rolls back.
 * Returns the final status. */
int db_end(struct summit_db *db, int status, struct summit_err *err);

/* "Today" for this connection (see when_today): a date YYYY-MM-DD, or NULL
 * or "" for the clock's date in the event's zone. */
int db_set_today(struct summit_db *db, const char *date, struct summit_err *err);
/* The clock, UTC seconds, instead of the system's (0: the system's), so a
 * test can say what time it is. */
void db_set_clock(struct summit_db *db, long long now);

int db_schema_version(void);
/* Changes whenever another connection commits a change to the file
 * (PRAGMA data_version), so a screen knows when to reload. */
long long db_data_version(struct summit_db *db);
/* True once the event record exists. */
bool db_has_event(struct summit_db *db);
/* The event file's path, for a helper run on the same file. */
const char *db_file(struct summit_db *db);

#endif
