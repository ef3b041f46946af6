/* The limit for `summit load`: the same CSV files into the same schema with
 * the same pragmas, by a bare C program using the same libraries (libcsv,
 * SQLite, libical), one transaction, each INSERT and each reference
 * lookup prepared once and reused. No validation beyond SQLite's own
 * constraints, no messages: what is left is the cost of the work itself.
 *
 * usage: bare-load EVENT.db DIR   (EVENT.db: summit's schema, no rows; the
 * bench script makes it from an empty summit event with sqlite3 .schema) */
#include <csv.h>
#include <libical/ical.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* How a CSV column goes into its table: text as it is, a whole number,
 * money in hundredths, a local time as UTC seconds, a reference by key,
 * or a space-separated list of references into a link table. */
enum how { TEXT, INT, MONEY, TIME, REF, LIST };
struct column {
	const char *name; /* in the CSV header and the table */
	enum how how;
	const char *ref, *key; /* REF, LIST: the table and key column referred to */
	const char *link;      /* LIST: the link table (owner, ref) */
};
struct file {
	const char *table;
	struct column cols[10];
};

/* clang-format off */
static const struct file files[] = {
    {"event", {{"name"}, {"country"}, {"city"}, {"first_day"}, {"last_day"}, {"timezone"},
               {"currency"}}},
    {"delegations", {{"code"}, {"name"}, {"kind"}, {"status"}, {"head"}, {"rank"},
                     {"size", INT}}},
    {"people", {{"id", INT}, {"delegation", REF, "delegations", "code"}, {"name"},
                {"role"}, {"rank"}}},
    {"invitations", {{"delegation", REF, "delegations", "code"}, {"state"}, {"channel"},
                     {"deadline"}}},
    {"venues", {{"name"}, {"city"}}},
    {"rooms", {{"name"}, {"venue", REF, "venues", "name"}, {"capacity", INT},
               {"booths", INT}}},
    {"sessions", {{"id", INT}, {"title"}, {"kind"}, {"room", REF, "rooms", "name"},
                  {"start", TIME}, {"end", TIME}, {"attendance"},
                  {"delegations", LIST, "delegations", "code", "session_delegations"}}},
    {"places", {{"name"}, {"kind"}}},
    {"travel", {{"origin", REF, "places", "name"}, {"destination", REF, "places", "name"},
                {"minutes", INT}}},
    {"hotels", {{"name"}, {"place", REF, "places", "name"}, {"stars", INT}}},
    {"blocks", {{"hotel", REF, "hotels", "name"}, {"night"}, {"rooms", INT}}},
    {"allocations", {{"hotel", REF, "hotels", "name"},
                     {"delegation", REF, "delegations", "code"}, {"night"},
                     {"rooms", INT}}},
    {"vehicles", {{"code"}, {"kind"}, {"capacity", INT}, {"driver"}}},
    {"trips", {{"id", INT}, {"vehicle", REF, "vehicles", "code"}, {"kind"},
               {"origin", REF, "places", "name"}, {"destination", REF, "places", "name"},
               {"depart", TIME}, {"arrive", TIME},
               {"riders", LIST, "people", "id", "trip_riders"}, {"note"}}},
    {"arrivals", {{"id", INT}, {"delegation", REF, "delegations", "code"},
                  {"person", INT}, {"direction"}, {"flight"},
                  {"airport", REF, "places", "name"}, {"time", TIME}, {"party", INT},
                  {"pickup", INT}}},
    {"partners", {{"name"}, {"kind"}}},
    {"costs", {{"name"}, {"category"}, {"amount", MONEY}}},
    {"pledges", {{"partner", REF, "partners", "name"}, {"kind"}, {"amount", MONEY},
                 {"received", MONEY}, {"cost", REF, "costs", "name"}}},
    {"tasks", {{"title"}, {"owner"}, {"due"}, {"state"}}},
};
/* clang-format on */

static sqlite3 *conn;
static icaltimezone *zone;

static void die(const char *what)
{
	fprintf(stderr, "bare-load: %s: %s\n", what, sqlite3_errmsg(conn));
	exit(1);
}

static sqlite3_stmt *prepare(const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(conn, sql, -1, &st, NULL) != SQLITE_OK)
		die(sql);
	return st;
}

static void step(sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		die(sqlite3_sql(st));
	sqlite3_reset(st);
}

/* One lookup statement per referred table and key, kept. */
static struct lookup {
	const char *table, *key;
	sqlite3_stmt *st;
} lookups[32];

static long long lookup(const char *table, const char *key, const char *value)
{
	struct lookup *l = lookups;
	while (l->table && (strcmp(l->table, table) || strcmp(l->key, key)))
		l++;
	if (!l->table) {
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT id FROM \"%s\" WHERE \"%s\" = ?", table,
		         key);
		*l = (struct lookup){table, key, prepare(sql)};
	}
	sqlite3_bind_text(l->st, 1, value, -1, SQLITE_STATIC);
	if (sqlite3_step(l->st) != SQLITE_ROW) {
		fprintf(stderr, "bare-load: no %s with %s %s\n", table, key, value);
		exit(1);
	}
	long long id = sqlite3_column_int64(l->st, 0);
	sqlite3_reset(l->st);
	return id;
}

static long long local_time(const char *s)
{
	struct icaltimetype t = icaltime_null_time();
	if (sscanf(s, "%d-%d-%d %d:%d", &t.year, &t.month, &t.day, &t.hour, &t.minute) !=
	    5) {
		fprintf(stderr, "bare-load: bad time %s\n", s);
		exit(1);
	}
	return icaltime_as_timet_with_zone(t, zone);
}

/* summit writes an invitation's first history row as it is inserted. */
static sqlite3_stmt *history;

/* The file being read: its columns in header order and the row so far. */
static struct reader {
	const struct file *file;
	const struct column *col[16];
	char *value[16];
	int ncols, field;
	long line;
	sqlite3_stmt *insert, *link[16];
} rd;

static void on_field(void *data, size_t len, void *ctx)
{
	(void)ctx;
	if (rd.field < 16) {
		free(rd.value[rd.field]);
		rd.value[rd.field] = strndup(data, len);
	}
	rd.field++;
}

static void header(void)
{
	struct strbuf {
		char s[1024];
	} cols = {""}, qs = {""};
	for (int i = 0; i < rd.field; i++) {
		const struct column *c = rd.file->cols;
		while (c->name && strcmp(c->name, rd.value[i]))
			c++;
		if (!c->name) {
			fprintf(stderr, "bare-load: %s: unknown column %s\n",
			        rd.file->table, rd.value[i]);
			exit(1);
		}
		rd.col[i] = c;
		if (c->how == LIST) {
			char sql[128];
			snprintf(sql, sizeof sql,
			         "INSERT INTO \"%s\" (owner, ref) VALUES (?, ?)",
			         c->link);
			rd.link[i] = prepare(sql);
			continue;
		}
		snprintf(cols.s + strlen(cols.s), sizeof cols.s - strlen(cols.s),
		         "%s\"%s\"", *cols.s ? ", " : "", c->name);
		snprintf(qs.s + strlen(qs.s), sizeof qs.s - strlen(qs.s), "%s?",
		         *qs.s ? ", " : "");
	}
	rd.ncols = rd.field;
	char sql[2200];
	snprintf(sql, sizeof sql, "INSERT INTO \"%s\" (%s) VALUES (%s)", rd.file->table,
	         cols.s, qs.s);
	rd.insert = prepare(sql);
}

static void row(void)
{
	int index = 1;
	for (int i = 0; i < rd.ncols; i++) {
		const struct column *c = rd.col[i];
		const char *v = i < rd.field ? rd.value[i] : "";
		if (c->how == LIST)
			continue;
		if (!*v)
			sqlite3_bind_null(rd.insert, index);
		else if (c->how == TEXT)
			sqlite3_bind_text(rd.insert, index, v, -1, SQLITE_STATIC);
		else if (c->how == INT)
			sqlite3_bind_int64(rd.insert, index, strtoll(v, NULL, 10));
		else if (c->how == MONEY)
			sqlite3_bind_int64(rd.insert, index,
			                   (long long)(strtod(v, NULL) * 100 + 0.5));
		else if (c->how == TIME)
			sqlite3_bind_int64(rd.insert, index, local_time(v));
		else
			sqlite3_bind_int64(rd.insert, index, lookup(c->ref, c->key, v));
		index++;
	}
	step(rd.insert);
	long long owner = sqlite3_last_insert_rowid(conn);
	for (int i = 0; i < rd.ncols; i++) {
		if (rd.col[i]->how != LIST || i >= rd.field)
			continue;
		char *save = NULL;
		for (char *w = strtok_r(rd.value[i], " ", &save); w;
		     w = strtok_r(NULL, " ", &save)) {
			sqlite3_bind_int64(rd.link[i], 1, owner);
			if (strcmp(rd.col[i]->key, "id") == 0)
				sqlite3_bind_int64(rd.link[i], 2, strtoll(w, NULL, 10));
			else
				sqlite3_bind_int64(
				    rd.link[i], 2,
				    lookup(rd.col[i]->ref, rd.col[i]->key, w));
			step(rd.link[i]);
		}
	}
	if (strcmp(rd.file->table, "invitations") == 0) {
		if (!history)
			history = prepare(
			    "INSERT INTO history (delegation, at, old_state, "
			    "new_state, channel, note) SELECT id, ?, NULL, state, "
			    "channel, 'recorded' FROM invitations WHERE id = ?");
		sqlite3_bind_int64(history, 1, (long long)time(NULL));
		sqlite3_bind_int64(history, 2, owner);
		step(history);
	}
}

static void on_row(int c, void *ctx)
{
	(void)c;
	(void)ctx;
	if (rd.line++ == 0)
		header();
	else
		row();
	rd.field = 0;
}

static void load(const char *dir, const struct file *file)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s.csv", dir, file->table);
	FILE *in = fopen(path, "rb");
	if (!in)
		return;
	rd = (struct reader){.file = file};
	struct csv_parser p;
	csv_init(&p, CSV_APPEND_NULL);
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_row, NULL) != n) {
			fprintf(stderr, "bare-load: %s: %s\n", path,
			        csv_strerror(csv_error(&p)));
			exit(1);
		}
	csv_fini(&p, on_field, on_row, NULL);
	csv_free(&p);
	fclose(in);
	sqlite3_finalize(rd.insert);
	for (int i = 0; i < 16; i++) {
		sqlite3_finalize(rd.link[i]);
		free(rd.value[i]);
	}
	if (strcmp(file->table, "event") == 0) {
		sqlite3_stmt *st = prepare("SELECT timezone FROM event");
		if (sqlite3_step(st) != SQLITE_ROW)
			die("no event");
		zone = icaltimezone_get_builtin_timezone(
		    (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: bare-load EVENT.db DIR\n", stderr);
		return 2;
	}
	if (sqlite3_open_v2(argv[1], &conn, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		die(argv[1]);
	/* summit's pragmas (db.c). */
	if (sqlite3_exec(conn,
	                 "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;"
	                 "PRAGMA synchronous = FULL; BEGIN IMMEDIATE",
	                 NULL, NULL, NULL) != SQLITE_OK)
		die("pragmas");
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		load(argv[2], &files[i]);
	if (sqlite3_exec(conn, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		die("commit");
	for (struct lookup *l = lookups; l->table; l++)
		sqlite3_finalize(l->st);
	sqlite3_finalize(history);
	/* Every statement finalized, so the WAL is checkpointed and removed. */
	if (sqlite3_close(conn) != SQLITE_OK)
		die("close");
	icaltimezone_free_builtin_timezones();
	return 0;
}
