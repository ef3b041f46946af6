#include "summit/db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "schema.sql.h"
#include "summit/text.h"
#include "summit/when.h"

static const char *const migrations[] = {schema_v1, schema_v2, schema_v3, schema_v4};
#define MIGRATION_COUNT ((int)(sizeof migrations / sizeof migrations[0]))

int db_schema_version(void)
{
	return MIGRATION_COUNT;
}

static int exec(struct summit_db *db, const char *sql, struct summit_err *err)
{
	char *msg = NULL;
	if (sqlite3_exec(db->conn, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int status = err_set(err, SUMMIT_FAILED, "database: %s",
		                     msg ? msg : sqlite3_errmsg(db->conn));
		sqlite3_free(msg);
		return status;
	}
	return SUMMIT_OK;
}

int db_prepare(struct summit_db *db, const char *sql, sqlite3_stmt **st,
               struct summit_err *err)
{
	if (sqlite3_prepare_v2(db->conn, sql, -1, st, NULL) != SQLITE_OK)
		return err_set(err, SUMMIT_FAILED, "database: %s",
		               sqlite3_errmsg(db->conn));
	return SUMMIT_OK;
}

int db_step_error(struct summit_db *db, int rc, struct summit_err *err)
{
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return err_set(err, SUMMIT_INVALID, "refused by the database: %s",
		               sqlite3_errmsg(db->conn));
	if (rc == SQLITE_FULL)
		return err_set(err, SUMMIT_FAILED,
		               "the disk is full: nothing was changed, free some space "
		               "and try again");
	if (rc == SQLITE_BUSY)
		return err_set(err, SUMMIT_FAILED,
		               "another planner kept the event busy for too long: "
		               "nothing was changed, try again");
	return err_set(err, SUMMIT_FAILED, "database: %s", sqlite3_errmsg(db->conn));
}

/* Marks a SQLite file as a summit event ('SUMT'), so another program's
 * database is refused instead of receiving summit's tables. */
#define SUMMIT_APPLICATION_ID 0x53554d54

static int pragma_int(struct summit_db *db, const char *pragma)
{
	sqlite3_stmt *st;
	int value = -1;
	if (sqlite3_prepare_v2(db->conn, pragma, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		value = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return value;
}

/* Each pending migration in one transaction with the version bump, so a
 * file is always at exactly one schema version. */
static int migrate(struct summit_db *db, struct summit_err *err)
{
	int version = pragma_int(db, "PRAGMA user_version");
	if (version < 0)
		return err_set(err, SUMMIT_FAILED, "not an event file: %s",
		               sqlite3_errmsg(db->conn));
	if (version > MIGRATION_COUNT)
		return err_set(err, SUMMIT_FAILED,
		               "this event file has schema version %d, newer than this "
		               "summit knows (%d): use a newer summit",
		               version, MIGRATION_COUNT);
	for (; version < MIGRATION_COUNT; version++) {
		int status = exec(db, "BEGIN IMMEDIATE", err);
		if (status)
			return status;
		char pragma[48];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version + 1);
		if ((status = exec(db, migrations[version], err)) ||
		    (status = exec(db, pragma, err)) ||
		    (status = exec(db, "COMMIT", err))) {
			sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
			return status;
		}
	}
	return SUMMIT_OK;
}

/* summit_fold(text): text without case or accents (text_fold), so a
 * search for "cote" finds "Côte d'Ivoire"; NULL stays NULL. */
static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *s = sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	/* ASCII has no accents and LIKE sets its case aside: as it is, which
	 * keeps a search over every row quick. */
	const unsigned char *p = s;
	while (*p && *p < 0x80)
		p++;
	if (!*p) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	char *folded = text_fold((const char *)s);
	if (folded)
		sqlite3_result_text(ctx, folded, -1, free);
	else
		sqlite3_result_value(ctx, argv[0]);
}

static int connect(const char *path, bool creating, struct summit_db **out,
                   struct summit_err *err)
{
	struct summit_db *db = xcalloc(1, sizeof *db);
	if (sqlite3_open_v2(path, &db->conn, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		int status =
		    err_set(err, SUMMIT_FAILED, "cannot open %s: %s", path,
		            db->conn ? sqlite3_errmsg(db->conn) : "out of memory");
		db_close(db);
		return status;
	}
	sqlite3_extended_result_codes(db->conn, 1);
	sqlite3_busy_timeout(db->conn, 10000);
	sqlite3_create_function(db->conn, "summit_fold", 1,
	                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                        NULL, sql_fold, NULL, NULL);
	/* WAL lets planners read while one writes; synchronous=FULL makes a
	 * committed change survive a power cut. */
	int status = exec(db, "PRAGMA foreign_keys = ON", err);
	/* Read before anything is written to the file. */
	if (!status && !creating &&
	    pragma_int(db, "PRAGMA application_id") != SUMMIT_APPLICATION_ID)
		status =
		    err_set(err, SUMMIT_FAILED, "%s is not a summit event file", path);
	if (!status && creating) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d",
		         SUMMIT_APPLICATION_ID);
		status = exec(db, sql, err);
	}
	if (!status)
		status = exec(db, "PRAGMA journal_mode = WAL", err);
	if (!status)
		status = exec(db, "PRAGMA synchronous = FULL", err);
	if (!status)
		status = migrate(db, err);
	if (!status)
		status = db_refresh_event(db, err);
	if (status) {
		if (err && strstr(err->msg, "not a database"))
			err_set(err, status, "%s is not a summit event file", path);
		db_close(db);
		return status;
	}
	*out = db;
	return SUMMIT_OK;
}

int db_create(const char *path, struct summit_db **out, struct summit_err *err)
{
	/* Created here rather than by SQLite so that it is private from the
	 * first byte; SQLite gives its -wal and -shm files the same mode. */
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return err_set(
			    err, SUMMIT_INVALID,
			    "%s already exists: an event file is created only once "
			    "(remove it or choose another --db)",
			    path);
		return err_set(err, SUMMIT_FAILED, "cannot create %s: %s", path,
		               strerror(errno));
	}
	close(fd);
	int status = connect(path, true, out, err);
	if (status)
		unlink(path);
	return status;
}

int db_open(const char *path, struct summit_db **out, struct summit_err *err)
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		return err_set(err, SUMMIT_FAILED,
		               "no event file at %s: create one with `summit init` or "
		               "`summit load DIR`, or name another with --db",
		               path);
	return connect(path, false, out, err);
}

void db_close(struct summit_db *db)
{
	if (!db)
		return;
	sqlite3_close_v2(db->conn);
	free(db);
}

int db_begin(struct summit_db *db, struct summit_err *err)
{
	int rc = sqlite3_exec(db->conn, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_step_error(db, rc, err);
	db->in_transaction = true;
	/* Another planner may have changed the event's zone or days. */
	int status = db_refresh_event(db, err);
	if (status)
		db_rollback(db);
	return status;
}

int db_commit(struct summit_db *db, struct summit_err *err)
{
	int rc = sqlite3_exec(db->conn, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		int status = db_step_error(db, rc, err);
		db_rollback(db);
		return status;
	}
	db->in_transaction = false;
	return SUMMIT_OK;
}

void db_rollback(struct summit_db *db)
{
	if (sqlite3_get_autocommit(db->conn) == 0)
		sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
	db->in_transaction = false;
}

int db_end(struct summit_db *db, int status, struct summit_err *err)
{
	if (status) {
		db_rollback(db);
		return status;
	}
	return db_commit(db, err);
}

int db_refresh_event(struct summit_db *db, struct summit_err *err)
{
	sqlite3_stmt *st;
	int status = db_prepare(
	    db, "SELECT timezone, first_day, last_day FROM event WHERE id = 1", &st, err);
	if (status)
		return status;
	db->zone = NULL;
	db->zone_name[0] = db->first_day[0] = db->last_day[0] = '\0';
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(db->zone_name, sizeof db->zone_name, "%s",
		         (const char *)sqlite3_column_text(st, 0));
		snprintf(db->first_day, sizeof db->first_day, "%s",
		         (const char *)sqlite3_column_text(st, 1));
		snprintf(db->last_day, sizeof db->last_day, "%s",
		         (const char *)sqlite3_column_text(st, 2));
		db->zone = icaltimezone_get_builtin_timezone(db->zone_name);
	} else if (rc != SQLITE_DONE) {
		status = db_step_error(db, rc, err);
	}
	sqlite3_finalize(st);
	if (!status && db->zone_name[0] && !db->zone)
		status = err_set(err, SUMMIT_FAILED,
		                 "the event's time zone %s is unknown on this machine "
		                 "(apt-get install tzdata)",
		                 db->zone_name);
	return status;
}

int db_each_row(struct summit_db *db, sqlite3_stmt *st,
                int (*row)(sqlite3_stmt *st, void *ctx), void *ctx,
                struct summit_err *err)
{
	int rc, status = SUMMIT_OK;
	while (!status && (rc = sqlite3_step(st)) == SQLITE_ROW)
		status = row(st, ctx);
	if (!status && rc != SQLITE_DONE)
		status = db_step_error(db, rc, err);
	sqlite3_finalize(st);
	return status;
}

int err_no_event(struct summit_err *err)
{
	return err_set(err, SUMMIT_NOT_FOUND,
	               "the file holds no event yet: create it with `summit init`");
}

bool db_has_event(struct summit_db *db)
{
	return db->zone_name[0] != '\0';
}

long long db_data_version(struct summit_db *db)
{
	sqlite3_stmt *st;
	long long version = -1;
	if (db_prepare(db, "PRAGMA data_version", &st, NULL) == SUMMIT_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return version;
}
