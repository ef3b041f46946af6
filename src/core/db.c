#include "summit/db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "schema.sql.h"
#include "summit/cleanup.h"
#include "summit/text.h"
#include "summit/when.h"
#include "summit/xalloc.h"

static const char *const migrations[] = {schema_v1, schema_v2, schema_v3,
                                         schema_v4, schema_v5, schema_v6};
#define MIGRATION_COUNT ((int)(sizeof migrations / sizeof migrations[0]))

int db_schema_version(void)
{
	return MIGRATION_COUNT;
}

/* SQLite's code told as what happened to the file, so that a full disk, a
 * read-only file or a failing disk is never taken for a damaged event. */
static int db_error(struct summit_db *db, int rc, struct summit_err *err)
{
	const char *path = db->path ? db->path : "the event file";
	int sys = sqlite3_system_errno(db->conn);
	switch (rc & 0xff) {
	case SQLITE_CONSTRAINT:
		return err_set(err, SUMMIT_INVALID, "refused by the database: %s",
		               sqlite3_errmsg(db->conn));
	case SQLITE_BUSY:
		return err_set(err, SUMMIT_FAILED,
		               "another planner kept the event busy for too long: "
		               "nothing was changed, try again");
	case SQLITE_IOERR:
		if (sys == EFBIG)
			return err_set(err, SUMMIT_FAILED,
			               "%s reached the largest file this shell allows "
			               "(ulimit -f): nothing was changed",
			               path);
		if (sys != ENOSPC && sys != EDQUOT)
			return err_set(err, SUMMIT_FAILED,
			               "an I/O error on %s (%s): nothing was changed; "
			               "check the disk",
			               path, strerror(sys ? sys : EIO));
		/* The disk filled up during a sync. */
		__attribute__((fallthrough));
	case SQLITE_FULL:
		return err_set(err, SUMMIT_FAILED,
		               "the disk is full (%s): nothing was changed, free some "
		               "space and try again",
		               path);
	case SQLITE_READONLY:
		return err_set(err, SUMMIT_FAILED,
		               "%s cannot be written (a read-only file, directory or "
		               "disk): nothing was changed",
		               path);
	case SQLITE_CANTOPEN:
		/* The file is there: its -wal or -shm could not be made. */
		if (access(path, F_OK) == 0 &&
		    (sys == ENOENT || sys == EROFS || sys == EACCES))
			return err_set(
			    err, SUMMIT_FAILED,
			    "%s cannot be written, nor its -wal and -shm files "
			    "made beside it (a read-only file, directory or "
			    "disk): nothing was changed",
			    path);
		return err_set(err, SUMMIT_FAILED, "cannot open %s: %s", path,
		               strerror(sys ? sys : EACCES));
	case SQLITE_NOTADB:
		return err_set(err, SUMMIT_FAILED, "%s is not a summit event file", path);
	case SQLITE_CORRUPT:
		return err_set(err, SUMMIT_FAILED,
		               "%s is damaged (%s): restore it from a copy or from "
		               "`summit export csv --dir`",
		               path, sqlite3_errmsg(db->conn));
	case SQLITE_NOMEM:
		return err_set(err, SUMMIT_FAILED, "out of memory");
	}
	return err_set(err, SUMMIT_FAILED, "database: %s", sqlite3_errmsg(db->conn));
}

static int exec(struct summit_db *db, const char *sql, struct summit_err *err)
{
	int rc = sqlite3_exec(db->conn, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? SUMMIT_OK : db_error(db, rc, err);
}

int db_prepare(struct summit_db *db, const char *sql, sqlite3_stmt **st,
               struct summit_err *err)
{
	int rc = sqlite3_prepare_v2(db->conn, sql, -1, st, NULL);
	return rc == SQLITE_OK ? SUMMIT_OK : db_error(db, rc, err);
}

/* Open addressing on (key, use); a load uses a few dozen statements. */
struct stmt_cache {
	size_t size, used; /* size is a power of 2 */
	struct cached_stmt {
		const void *key;
		int use;
		sqlite3_stmt *st;
	} * slots;
};

static struct cached_stmt *cache_slot(struct stmt_cache *c, const void *key, int use)
{
	size_t h = ((size_t)(uintptr_t)key >> 4) * 31 + (size_t)use;
	size_t i = (h * 11400714819323198485u) >> 7 & (c->size - 1);
	while (c->slots[i].st && (c->slots[i].key != key || c->slots[i].use != use))
		i = (i + 1) & (c->size - 1);
	return &c->slots[i];
}

bool db_cached(struct summit_db *db, const void *key, int use, sqlite3_stmt **st)
{
	if (!db->cache)
		return false;
	struct cached_stmt *slot = cache_slot(db->cache, key, use);
	if (!slot->st)
		return false;
	*st = slot->st;
	sqlite3_reset(*st);
	sqlite3_clear_bindings(*st);
	return true;
}

int db_cache(struct summit_db *db, const void *key, int use, const char *sql,
             sqlite3_stmt **st, struct summit_err *err)
{
	int status = db_prepare(db, sql, st, err);
	if (status)
		return status;
	if (!db->cache)
		db->cache = xcalloc(1, sizeof *db->cache);
	struct stmt_cache *c = db->cache;
	if (2 * (c->used + 1) > c->size) {
		struct stmt_cache bigger = {.size = c->size ? c->size * 2 : 64,
		                            .used = c->used};
		bigger.slots = xcalloc(bigger.size, sizeof *bigger.slots);
		for (size_t i = 0; i < c->size; i++)
			if (c->slots[i].st)
				*cache_slot(&bigger, c->slots[i].key, c->slots[i].use) =
				    c->slots[i];
		free(c->slots);
		*c = bigger;
	}
	*cache_slot(c, key, use) = (struct cached_stmt){key, use, *st};
	c->used++;
	return SUMMIT_OK;
}

void db_release(sqlite3_stmt *st)
{
	sqlite3_reset(st);
}

struct key_memo {
	size_t size, used; /* size is a power of 2 */
	struct memo_entry {
		const void *kind;
		char *key;
		long long id;
	} * slots;
};

static struct memo_entry *memo_slot(struct key_memo *m, const void *kind, const char *key)
{
	size_t h = (size_t)(uintptr_t)kind;
	for (const char *p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u; /* FNV-1a */
	size_t i = h & (m->size - 1);
	while (m->slots[i].key &&
	       (m->slots[i].kind != kind || strcmp(m->slots[i].key, key)))
		i = (i + 1) & (m->size - 1);
	return &m->slots[i];
}

bool db_memo_find(struct summit_db *db, const void *kind, const char *key, long long *id)
{
	if (!db->in_transaction || !db->memo || !db->memo->used)
		return false;
	struct memo_entry *e = memo_slot(db->memo, kind, key);
	if (!e->key)
		return false;
	*id = e->id;
	return true;
}

void db_memo_keep(struct summit_db *db, const void *kind, const char *key, long long id)
{
	if (!db->in_transaction)
		return;
	if (!db->memo)
		db->memo = xcalloc(1, sizeof *db->memo);
	struct key_memo *m = db->memo;
	if (2 * (m->used + 1) > m->size) {
		struct key_memo bigger = {.size = m->size ? m->size * 2 : 256,
		                          .used = m->used};
		bigger.slots = xcalloc(bigger.size, sizeof *bigger.slots);
		for (size_t i = 0; i < m->size; i++)
			if (m->slots[i].key)
				*memo_slot(&bigger, m->slots[i].kind, m->slots[i].key) =
				    m->slots[i];
		free(m->slots);
		*m = bigger;
	}
	struct memo_entry *e = memo_slot(m, kind, key);
	if (e->key) {
		e->id = id;
		return;
	}
	*e = (struct memo_entry){kind, xstrdup(key), id};
	m->used++;
}

void db_memo_clear(struct summit_db *db)
{
	struct key_memo *m = db->memo;
	if (!m || !m->used)
		return;
	for (size_t i = 0; i < m->size; i++) {
		free(m->slots[i].key);
		m->slots[i].key = NULL;
	}
	m->used = 0;
}

static void cache_free(struct stmt_cache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->size; i++)
		sqlite3_finalize(c->slots[i].st);
	free(c->slots);
	free(c);
}

int db_step_error(struct summit_db *db, int rc, struct summit_err *err)
{
	return db_error(db, rc, err);
}

/* Marks a SQLite file as a summit event ('SUMT'), so another program's
 * database is refused instead of receiving summit's tables. */
#define SUMMIT_APPLICATION_ID 0x53554d54

static int pragma_int(struct summit_db *db, const char *pragma, int *value,
                      struct summit_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->conn, pragma, -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*value = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? SUMMIT_OK : db_error(db, rc, err);
}

/* Each pending migration in one transaction with the version bump, so a
 * file is always at exactly one schema version. */
static int migrate(struct summit_db *db, struct summit_err *err)
{
	int version;
	int status = pragma_int(db, "PRAGMA user_version", &version, err);
	if (status)
		return status;
	if (version > MIGRATION_COUNT)
		return err_set(err, SUMMIT_FAILED,
		               "this event file has schema version %d, newer than this "
		               "summit knows (%d): use a newer summit",
		               version, MIGRATION_COUNT);
	for (; version < MIGRATION_COUNT; version++) {
		status = exec(db, "BEGIN IMMEDIATE", err);
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

/* -wal, -shm and -journal: SQLite gives them the mode of the event file,
 * and they hold the same data. */
static const char *const sidecars[] = {"-wal", "-shm", "-journal"};

/* Makes the sidecar files of path that are ours private, as the file. */
static void make_sidecars_private(const char *path)
{
	for (size_t i = 0; i < sizeof sidecars / sizeof sidecars[0]; i++) {
		char *side = xasprintf("%s%s", path, sidecars[i]);
		struct stat sb;
		/* Run as root, SQLite gives them the file's owner: ours to fix. */
		if (stat(side, &sb) == 0 && (sb.st_mode & 077) &&
		    (sb.st_uid == geteuid() || geteuid() == 0))
			chmod(side, 0600);
		free(side);
	}
}

/* Opens path; messages call it name (a staged file by the name it will
 * have). */
static int connect(const char *path, const char *name, bool creating,
                   struct summit_db **out, struct summit_err *err)
{
	struct summit_db *db = xcalloc(1, sizeof *db);
	db->path = xstrdup(name);
	int rc = sqlite3_open_v2(path, &db->conn, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		int status = db->conn ? db_error(db, rc, err)
		                      : err_set(err, SUMMIT_FAILED, "out of memory");
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
	int app_id = 0;
	if (!status && !creating &&
	    !(status = pragma_int(db, "PRAGMA application_id", &app_id, err)) &&
	    app_id != SUMMIT_APPLICATION_ID)
		status =
		    err_set(err, SUMMIT_FAILED, "%s is not a summit event file", name);
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
		db_close(db);
		return status;
	}
	make_sidecars_private(path);
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
	int status = connect(path, path, true, out, err);
	if (status)
		unlink(path);
	return status;
}

/* A file at path that a new event must not replace, told as what it is:
 * an interrupted load or init of an older summit left an empty file, or one
 * with summit's tables and no event. */
static int refuse_existing(const char *path, const struct stat *sb,
                           struct summit_err *err)
{
	if (S_ISREG(sb->st_mode) && sb->st_size == 0)
		return err_set(err, SUMMIT_INVALID,
		               "%s exists and is empty, as an interrupted `summit load` "
		               "or `summit init` of an older summit leaves it: it holds "
		               "nothing, remove it (rm %s) and run the command again",
		               path, path);
	sqlite3 *conn = NULL;
	bool half = false;
	if (sqlite3_open_v2(path, &conn, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
		sqlite3_stmt *st = NULL;
		/* Summit's application id, then whether the event row exists. */
		if (sqlite3_prepare_v2(conn,
		                       "SELECT (SELECT application_id FROM "
		                       "pragma_application_id) = ?1 "
		                       "AND NOT EXISTS (SELECT 1 FROM event)",
		                       -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_int(st, 1, SUMMIT_APPLICATION_ID);
			half =
			    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
		}
		sqlite3_finalize(st);
	}
	sqlite3_close_v2(conn);
	if (half)
		return err_set(err, SUMMIT_INVALID,
		               "%s exists but holds no event, as an interrupted `summit "
		               "load` of an older summit leaves it: remove it (rm %s "
		               "%s-wal %s-shm) and run the command again",
		               path, path, path, path);
	return err_set(err, SUMMIT_INVALID,
	               "%s already exists: an event file is created only once "
	               "(remove it or choose another --db)",
	               path);
}

static void forget_staged(const char *staged)
{
	cleanup_forget(staged);
	for (size_t i = 0; i < sizeof sidecars / sizeof sidecars[0]; i++) {
		char *side = xasprintf("%s%s", staged, sidecars[i]);
		cleanup_forget(side);
		free(side);
	}
}

static void remove_staged(const char *staged)
{
	unlink(staged);
	for (size_t i = 0; i < sizeof sidecars / sizeof sidecars[0]; i++) {
		char *side = xasprintf("%s%s", staged, sidecars[i]);
		unlink(side);
		free(side);
	}
	forget_staged(staged);
}

int db_create_staged(const char *path, struct summit_db **out, struct summit_err *err)
{
	struct stat sb;
	if (lstat(path, &sb) == 0)
		return refuse_existing(path, &sb, err);
	/* Beside path, so that the rename stays on one file system; hidden,
	 * and private from the first byte (mkstemp makes it 0600). */
	const char *slash = strrchr(path, '/');
	char *staged =
	    slash ? xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1)
	          : xasprintf(".%s.XXXXXX", path);
	int fd = mkostemp(staged, O_CLOEXEC);
	if (fd < 0) {
		int status = err_set(err, SUMMIT_FAILED, "cannot create %s: %s", path,
		                     strerror(errno));
		free(staged);
		return status;
	}
	close(fd);
	cleanup_add(staged);
	for (size_t i = 0; i < sizeof sidecars / sizeof sidecars[0]; i++) {
		char *side = xasprintf("%s%s", staged, sidecars[i]);
		cleanup_add(side);
		free(side);
	}
	int status = connect(staged, path, true, out, err);
	if (status) {
		remove_staged(staged);
		free(staged);
		return status;
	}
	(*out)->staged_for = staged;
	return SUMMIT_OK;
}

static void sync_directory_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path) + 1) : xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

int db_install(struct summit_db *db, struct summit_err *err)
{
	char *staged = db->staged_for;
	char *path = xstrdup(db->path);
	db->staged_for = NULL;
	/* Back to a rollback journal for the move: the WAL folds into the file,
	 * which is then whole on its own (synchronous=FULL syncs it). The next
	 * open sets WAL again. */
	int status = exec(db, "PRAGMA journal_mode = DELETE", err);
	sqlite3_close_v2(db->conn);
	db->conn = NULL;
	if (!status &&
	    renameat2(AT_FDCWD, staged, AT_FDCWD, path, RENAME_NOREPLACE) != 0) {
		if (errno == EEXIST)
			status = err_set(err, SUMMIT_INVALID,
			                 "%s appeared while the event was being made: "
			                 "nothing was replaced, remove it or choose "
			                 "another --db",
			                 path);
		else
			status = err_set(err, SUMMIT_FAILED, "cannot create %s: %s", path,
			                 strerror(errno));
	}
	if (status)
		remove_staged(staged);
	else {
		forget_staged(staged);
		sync_directory_of(path);
	}
	free(staged);
	free(path);
	db_close(db);
	return status;
}

/* A file others can read is made private when it is ours, and said so. */
static void check_private(char *warning, size_t size, const char *path,
                          const struct stat *sb)
{
	if (!S_ISREG(sb->st_mode) || !(sb->st_mode & 077))
		return;
	unsigned mode = sb->st_mode & 0777;
	if (sb->st_uid == geteuid() && chmod(path, 0600) == 0)
		snprintf(warning, size,
		         "%s was readable by other users (mode %03o): it is private "
		         "now (0600)",
		         path, mode);
	else
		snprintf(warning, size,
		         "%s is readable by other users (mode %03o) and is not yours "
		         "to change: ask its owner to run chmod 600 %s",
		         path, mode, path);
}

int db_open(const char *path, struct summit_db **out, struct summit_err *err)
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		return err_set(err, SUMMIT_FAILED,
		               "no event file at %s: create one with `summit init` or "
		               "`summit load DIR`, or name another with --db",
		               path);
	if (S_ISREG(sb.st_mode) && sb.st_size == 0)
		return err_set(err, SUMMIT_FAILED,
		               "%s is empty, as an interrupted `summit load` or `summit "
		               "init` of an older summit leaves it: it holds nothing, "
		               "remove it and run the command again",
		               path);
	/* Before SQLite opens it, so that -wal and -shm are born private. */
	char warning[sizeof((struct summit_db *)0)->warning] = "";
	check_private(warning, sizeof warning, path, &sb);
	int status = connect(path, path, false, out, err);
	if (!status)
		memcpy((*out)->warning, warning, sizeof warning);
	return status;
}

const char *db_warning(const struct summit_db *db)
{
	return db->warning[0] ? db->warning : NULL;
}

void db_close(struct summit_db *db)
{
	if (!db)
		return;
	cache_free(db->cache);
	check_kept_free(db);
	browse_search_free(db);
	db_memo_clear(db);
	if (db->memo)
		free(db->memo->slots);
	free(db->memo);
	sqlite3_close_v2(db->conn);
	if (db->staged_for) {
		remove_staged(db->staged_for);
		free(db->staged_for);
	}
	free(db->path);
	free(db);
}

int db_begin(struct summit_db *db, struct summit_err *err)
{
	int rc = sqlite3_exec(db->conn, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_step_error(db, rc, err);
	db->in_transaction = true;
	db_memo_clear(db);
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
	db->commits++;
	db_memo_clear(db);
	return SUMMIT_OK;
}

void db_rollback(struct summit_db *db)
{
	if (sqlite3_get_autocommit(db->conn) == 0)
		sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
	db->in_transaction = false;
	db_memo_clear(db);
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

int db_int(struct summit_db *db, const char *sql, long long a, long long b, long long c,
           long long *out, struct summit_err *err)
{
	sqlite3_stmt *st;
	int status = db_prepare(db, sql, &st, err);
	if (status)
		return status;
	int n = sqlite3_bind_parameter_count(st);
	if (n >= 1)
		sqlite3_bind_int64(st, 1, a);
	if (n >= 2)
		sqlite3_bind_int64(st, 2, b);
	if (n >= 3)
		sqlite3_bind_int64(st, 3, c);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else
		status = db_step_error(db, rc, err);
	sqlite3_finalize(st);
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

int db_set_today(struct summit_db *db, const char *date, struct summit_err *err)
{
	int y, m, d;
	if (date && *date && !when_parse_date(date, &y, &m, &d))
		return err_set(err, SUMMIT_INVALID,
		               "got \"%s\", expected a date as YYYY-MM-DD", date);
	snprintf(db->today, sizeof db->today, "%s", date ? date : "");
	return SUMMIT_OK;
}

void db_set_clock(struct summit_db *db, long long now)
{
	db->clock = now;
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

const char *db_file(struct summit_db *db)
{
	const char *path = sqlite3_db_filename(db->conn, "main");
	return path ? path : "";
}
