#include "summit/csvio.h"

#include <csv.h>
#include <stdarg.h>
#include <stdbool.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include "internal.h"
#include "summit/cleanup.h"
#include "summit/record.h"

struct import {
	struct summit_db *db;
	const struct kind *kind;
	const char *name;
	long line;       /* physical line being fed to the parser */
	long row_line;   /* where the current row began */
	long next_line;  /* where the next row begins, blank lines aside */
	int *columns;    /* field index of each column, from the header */
	size_t ncolumns; /* 0 until the header is read */
	char **values;   /* the current row, by field index */
	size_t nfield;   /* fields seen in the current row */
	long long rows;
	int status;
	struct summit_err *err;
	/* csv_import_all: where bad rows go, and how many there were. */
	csv_bad_row_fn bad_row;
	void *bad_row_ctx;
	long long bad_rows;
};

SUMMIT_PRINTF(4, 5)
static int fail(struct import *im, long line, const char *column, const char *fmt, ...)
{
	char msg[sizeof im->err->msg];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (column && *column)
		err_set(im->err, SUMMIT_INVALID, "%s:%ld: column %s: %s", im->name, line,
		        column, msg);
	else
		err_set(im->err, SUMMIT_INVALID, "%s:%ld: %s", im->name, line, msg);
	im->status = SUMMIT_INVALID;
	return im->status;
}

/* A spreadsheet runs a cell that begins with one of these as a formula
 * (OWASP, CSV injection). */
static bool formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* "-3", "+1.50": a number is no formula, and stays a number. */
static bool plain_number(const char *s)
{
	s += *s == '-' || *s == '+';
	size_t whole = strspn(s, "0123456789");
	if (!whole)
		return false;
	s += whole;
	if (*s == '.' && s[1])
		s += 1 + strspn(s + 1, "0123456789");
	return *s == '\0';
}

/* A cell that would start a formula, or that begins with the quote which
 * protects one, is written after a single quote, which import removes. */
static bool protected_cell(const char *value)
{
	return (formula_start(value[0]) && !plain_number(value)) || value[0] == '\'';
}

/* A row that is refused: the end of the import, or with csv_import_all one
 * more message and on to the next row. */
static void fail_row(struct import *im, long line, const char *column, const char *msg)
{
	fail(im, line, column, "%s", msg);
	if (!im->bad_row)
		return;
	im->bad_row(im->err, im->bad_row_ctx);
	im->bad_rows++;
	im->status = SUMMIT_OK;
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct import *im = ctx;
	if (im->status)
		return;
	const char *text = data ? data : "";
	if (im->nfield == 0) {
		/* A first field with newlines began that many lines earlier. */
		long newlines = 0;
		for (size_t i = 0; i < len; i++)
			newlines += text[i] == '\n';
		im->row_line = im->line - newlines;
	}
	/* Refused before it is counted: the header's names array holds
	 * exactly nfield entries, and the clean-up frees that many. */
	if (memchr(text, '\0', len)) {
		fail(im, im->row_line, NULL, "a NUL byte in a field, expected text");
		return;
	}
	size_t at = im->nfield++;
	if (im->ncolumns == 0) {
		/* Header row: remember names for now, mapped in on_row. */
		im->values = xrealloc(im->values, im->nfield * sizeof *im->values);
		im->values[at] = xstrndup(text, len);
		return;
	}
	if (at >= im->ncolumns)
		return; /* counted, reported at the end of the row */
	int f = im->columns[at];
	free(im->values[f]);
	char *value = im->values[f] = xstrndup(text, len); /* text has no NUL */
	/* A cell csv_write_field protected reads as what it protects. */
	if (value[0] == '\'' && value[1] && protected_cell(value + 1))
		memmove(value, value + 1, strlen(value));
	/* A cell written on Windows breaks its lines with CRLF: kept as LF,
	 * since a CR on its own would return a terminal's cursor. */
	char *in = im->values[f], *out = in;
	for (; *in; in++)
		if (!(in[0] == '\r' && in[1] == '\n'))
			*out++ = *in;
	*out = '\0';
}

static void read_header(struct import *im)
{
	const struct kind *kind = im->kind;
	size_t n = im->nfield;
	char **names = im->values;
	im->columns = xcalloc(n, sizeof *im->columns);
	struct strbuf known = {0};
	for (size_t k = 0; k < kind->nfields; k++)
		strbuf_addf(&known, "%s%s", k ? ", " : "", kind->fields[k].name);
	for (size_t i = 0; i < n && !im->status; i++) {
		/* "Name" and " name " are the name column, as a spreadsheet
		 * user would expect. */
		char *name = names[i];
		size_t lead = strspn(name, " "), len = strlen(name + lead);
		memmove(name, name + lead, len + 1);
		while (len && name[len - 1] == ' ')
			name[--len] = 0;
		for (char *p = name; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		int f = kind_field_index(kind, name);
		if (f < 0) {
			fail(im, im->row_line, NULL,
			     "unknown column \"%s\", expected columns among: %s", name,
			     known.buf);
			break;
		}
		for (size_t j = 0; j < i; j++)
			if (im->columns[j] == f)
				fail(im, im->row_line, name,
				     "appears twice, expected once");
		im->columns[i] = f;
	}
	for (size_t k = 0; k < kind->nfields && !im->status; k++) {
		bool present = false;
		for (size_t i = 0; i < n; i++)
			present |= im->columns[i] == (int)k;
		if (!present && kind->fields[k].flags & FIELD_REQUIRED)
			fail(im, im->row_line, kind->fields[k].name,
			     "missing from the header, expected it since every row needs "
			     "it");
	}
	strbuf_free(&known);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	im->ncolumns = n;
	im->values = xcalloc(kind->nfields, sizeof *im->values);
}

static void on_row(int terminator, void *ctx)
{
	(void)terminator;
	struct import *im = ctx;
	if (im->status)
		return;
	if (im->ncolumns == 0) {
		read_header(im);
	} else if (im->nfield != im->ncolumns) {
		char msg[96];
		snprintf(msg, sizeof msg, "%zu fields, expected %zu as in the header",
		         im->nfield, im->ncolumns);
		fail_row(im, im->row_line, NULL, msg);
	} else if (im->kind->singleton && im->rows > 0) {
		fail(im, im->row_line, NULL,
		     "a second %s, expected exactly one row: one file holds one %s",
		     im->kind->singular, im->kind->singular);
	} else {
		struct summit_err why;
		err_clear(&why);
		int status = record_insert(im->db, im->kind, im->values, NULL, &why);
		if (status == SUMMIT_INVALID || status == SUMMIT_NOT_FOUND)
			fail_row(im, im->row_line, why.field, why.msg);
		else if (status)
			im->status = err_set(im->err, status, "%s:%ld: %s", im->name,
			                     im->row_line, why.msg);
		else
			im->rows++;
	}
	if (im->values && im->ncolumns)
		for (size_t k = 0; k < im->kind->nfields; k++) {
			free(im->values[k]);
			im->values[k] = NULL;
		}
	im->nfield = 0;
	im->next_line = im->line + 1;
}

/* The separator of a header line: the most frequent of comma, semicolon
 * and tab outside quotes, comma when none appears. */
static unsigned char header_delimiter(const char *line)
{
	static const unsigned char candidates[] = {',', ';', '\t'};
	size_t counts[3] = {0};
	bool quoted = false;
	for (const char *p = line; *p && (quoted || *p != '\n'); p++) {
		if (*p == '"')
			quoted = !quoted;
		for (int i = 0; i < 3 && !quoted; i++)
			counts[i] += (unsigned char)*p == candidates[i];
	}
	int best = 0;
	for (int i = 1; i < 3; i++)
		if (counts[i] > counts[best])
			best = i;
	return candidates[best];
}

int csv_import_all(struct summit_db *db, const struct kind *kind, FILE *in,
                   const char *name, long long *rows, csv_bad_row_fn fn, void *ctx,
                   struct summit_err *err)
{
	struct csv_parser parser;
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL) != 0)
		return err_set(err, SUMMIT_FAILED, "out of memory");
	struct import im = {.db = db,
	                    .kind = kind,
	                    .name = name,
	                    .err = err,
	                    .next_line = 1,
	                    .bad_row = fn,
	                    .bad_row_ctx = ctx};
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	while (!im.status && (len = getline(&line, &cap, in)) > 0) {
		/* Spreadsheets write a byte-order mark before the header. */
		size_t skip =
		    ++im.line == 1 && strncmp(line, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
		if (im.line == 1)
			csv_set_delim(&parser, header_delimiter(line + skip));
		if (csv_parse(&parser, line + skip, (size_t)len - skip, on_field, on_row,
		              &im) != (size_t)len - skip &&
		    !im.status)
			fail(&im, im.line, NULL, "%s, expected RFC 4180 CSV",
			     csv_error(&parser) == CSV_EPARSE
			         ? "a quote in an unquoted field or text after a "
			           "closing quote"
			         : csv_strerror(csv_error(&parser)));
	}
	if (!im.status && ferror(in))
		err_set(err, im.status = SUMMIT_FAILED, "%s: %s", name, strerror(errno));
	if (!im.status && csv_fini(&parser, on_field, on_row, &im) != 0 && !im.status)
		fail(&im, im.nfield ? im.row_line : im.next_line, NULL,
		     "a quoted field is not closed, expected a closing quote");
	if (!im.status && im.ncolumns == 0)
		fail(&im, 1, NULL, "empty, expected a header row naming the columns");
	if (!im.status && im.bad_rows)
		im.status =
		    err_set(err, SUMMIT_INVALID, "%s: %lld row%s refused, expected none",
		            name, im.bad_rows, im.bad_rows == 1 ? "" : "s");
	/* Rules on the file as a whole (history: each invitation's story ends
	 * in its state). */
	struct summit_err why;
	if (!im.status && kind->after_import &&
	    (im.status = kind->after_import(db, &why)))
		err_set(err, im.status, "%s: %s", name, why.msg);
	free(line);
	csv_free(&parser);
	if (im.values) {
		size_t n = im.ncolumns ? kind->nfields : im.nfield;
		for (size_t k = 0; k < n; k++)
			free(im.values[k]);
		free(im.values);
	}
	free(im.columns);
	if (rows)
		*rows = im.rows;
	return im.status;
}

int csv_import(struct summit_db *db, const struct kind *kind, FILE *in, const char *name,
               long long *rows, struct summit_err *err)
{
	return csv_import_all(db, kind, in, name, rows, NULL, NULL, err);
}

void csv_write_field(FILE *out, const char *value)
{
	if (!value)
		return;
	bool protect = protected_cell(value);
	if (!value[strcspn(value, ",\"\r\n")] && value[0] != ' ' && !protect) {
		fputs(value, out);
		return;
	}
	putc('"', out);
	if (protect)
		putc('\'', out);
	for (const char *p = value; *p; p++) {
		if (*p == '"')
			putc('"', out);
		putc(*p, out);
	}
	putc('"', out);
}

struct export_ctx {
	FILE *out;
	long long rows;
};

static int write_row(const struct record *rec, void *data)
{
	struct export_ctx *ctx = data;
	FILE *out = ctx->out;
	ctx->rows++;
	for (size_t i = 0; i < rec->kind->nfields; i++) {
		if (i)
			putc(',', out);
		csv_write_field(out, rec->values[i]);
	}
	fputs("\r\n", out);
	return ferror(out) ? -1 : 0;
}

static int export_kind(struct summit_db *db, const struct kind *kind, FILE *out,
                       long long *rows, struct summit_err *err)
{
	for (size_t i = 0; i < kind->nfields; i++)
		fprintf(out, "%s%s", i ? "," : "", kind->fields[i].name);
	fputs("\r\n", out);
	struct export_ctx ctx = {.out = out};
	int status = record_each(db, kind, NULL, 0, write_row, &ctx, err);
	if (status < 0 || ferror(out))
		return err_set(err, SUMMIT_FAILED, "cannot write: %s", strerror(errno));
	if (rows)
		*rows = ctx.rows;
	return status;
}

int csv_export(struct summit_db *db, const struct kind *kind, FILE *out,
               struct summit_err *err)
{
	return export_kind(db, kind, out, NULL, err);
}

static char *kind_path(const char *dir, const struct kind *kind)
{
	return xasprintf("%s/%s.csv", dir, kind->plural);
}

/* Files in the directory that no kind reads are most likely misnamed. */
static int check_file_names(const char *dir, struct summit_err *err)
{
	DIR *d = opendir(dir);
	if (!d)
		return err_set(err, SUMMIT_FAILED, "cannot read %s: %s", dir,
		               strerror(errno));
	int status = SUMMIT_OK;
	struct dirent *e;
	while (!status && (e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".csv") != 0)
			continue;
		char *stem = xstrndup(e->d_name, n - 4);
		if (!kind_find(stem) || strcmp(kind_find(stem)->plural, stem) != 0) {
			struct strbuf names = {0};
			for (size_t k = 0; k < kind_count; k++)
				strbuf_addf(&names, "%s%s.csv", k ? ", " : "",
				            kinds[k]->plural);
			status =
			    err_set(err, SUMMIT_INVALID,
			            "%s/%s: no kind of record has that name, expected "
			            "one of: %s",
			            dir, e->d_name, names.buf);
			strbuf_free(&names);
		}
		free(stem);
	}
	closedir(d);
	return status;
}

/* --- Directories: MANIFEST ------------------------------------------ */

/* An export directory lists its files in MANIFEST, each with its rows, its
 * size and a checksum, so that load notices a set cut short (a file missing,
 * cut mid-row or at a row's end). A hand-made directory has none. */
#define MANIFEST_NAME   "MANIFEST"
#define MANIFEST_HEADER "# summit export: FILE ROWS BYTES FNV-1a-64"

struct file_sum {
	long long bytes;
	unsigned long long fnv;
};

/* FNV-1a 64 over the file's bytes: a check against truncation and damage,
 * not against someone who edits the files on purpose. */
static int sum_file(const char *path, struct file_sum *sum)
{
	FILE *in = fopen(path, "rb");
	if (!in)
		return -1;
	sum->bytes = 0;
	sum->fnv = 0xcbf29ce484222325ULL;
	unsigned char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
		for (size_t i = 0; i < n; i++)
			sum->fnv = (sum->fnv ^ buf[i]) * 0x100000001b3ULL;
		sum->bytes += (long long)n;
	}
	int failed = ferror(in);
	fclose(in);
	return failed ? -1 : 0;
}

struct manifest_entry {
	const struct kind *kind;
	long long rows;
	struct file_sum sum;
	bool seen;
};

/* Reads DIR/MANIFEST into entries (indexed by kind), when there is one. */
static int read_manifest(const char *dir, struct manifest_entry *entries, bool *present,
                         struct summit_err *err)
{
	char *path = xasprintf("%s/%s", dir, MANIFEST_NAME);
	FILE *in = fopen(path, "r");
	*present = in != NULL;
	if (!in) {
		int status = errno == ENOENT
		                 ? SUMMIT_OK
		                 : err_set(err, SUMMIT_FAILED, "cannot read %s: %s", path,
		                           strerror(errno));
		free(path);
		return status;
	}
	int status = SUMMIT_OK;
	char *line = NULL;
	size_t cap = 0;
	long number = 0;
	while (!status && getline(&line, &cap, in) > 0) {
		number++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		char name[128];
		long long rows, bytes;
		unsigned long long fnv;
		const struct kind *kind = NULL;
		if (sscanf(line, "%127s %lld %lld %llx", name, &rows, &bytes, &fnv) ==
		    4) {
			size_t n = strlen(name);
			if (n > 4 && strcmp(name + n - 4, ".csv") == 0) {
				name[n - 4] = '\0';
				kind = kind_find(name);
				if (kind && strcmp(kind->plural, name) != 0)
					kind = NULL;
			}
		}
		if (!kind) {
			status =
			    err_set(err, SUMMIT_INVALID,
			            "%s:%ld: expected FILE ROWS BYTES CHECKSUM for a "
			            "file of a kind, as `summit export csv --dir` "
			            "writes",
			            path, number);
			break;
		}
		size_t k = 0;
		while (kinds[k] != kind)
			k++;
		entries[k] = (struct manifest_entry){
		    .kind = kind, .rows = rows, .sum = {bytes, fnv}, .seen = true};
	}
	if (!status && ferror(in))
		status = err_set(err, SUMMIT_FAILED, "cannot read %s: %s", path,
		                 strerror(errno));
	free(line);
	fclose(in);
	free(path);
	return status;
}

/* Every file the manifest lists is there whole, and no other. */
static int check_manifest(const char *dir, const struct manifest_entry *entries,
                          struct summit_err *err)
{
	int status = SUMMIT_OK;
	for (size_t k = 0; k < kind_count && !status; k++) {
		char *path = kind_path(dir, kinds[k]);
		struct file_sum sum;
		bool exists = access(path, F_OK) == 0;
		if (!entries[k].seen && exists)
			status =
			    err_set(err, SUMMIT_INVALID,
			            "%s is not in %s/%s, which lists every file of "
			            "the export: remove it, or export the event again",
			            path, dir, MANIFEST_NAME);
		else if (entries[k].seen && !exists)
			status = err_set(err, SUMMIT_INVALID,
			                 "%s is missing: %s/%s lists it, so the set is "
			                 "incomplete; export the event again",
			                 path, dir, MANIFEST_NAME);
		else if (entries[k].seen && sum_file(path, &sum) != 0)
			status = err_set(err, SUMMIT_FAILED, "cannot read %s: %s", path,
			                 strerror(errno));
		else if (entries[k].seen && (sum.bytes != entries[k].sum.bytes ||
		                             sum.fnv != entries[k].sum.fnv))
			status = err_set(
			    err, SUMMIT_INVALID,
			    "%s has %lld bytes and checksum %016llx, but %s/%s "
			    "expects %lld bytes and %016llx: the file was cut "
			    "short or changed; export the event again (or, "
			    "for files edited on purpose, remove %s)",
			    path, sum.bytes, sum.fnv, dir, MANIFEST_NAME,
			    entries[k].sum.bytes, entries[k].sum.fnv, MANIFEST_NAME);
		free(path);
	}
	return status;
}

int csv_load_directory(struct summit_db *db, const char *dir, struct summit_err *err)
{
	int status = check_file_names(dir, err);
	if (status)
		return status;
	struct manifest_entry *entries = xcalloc(kind_count, sizeof *entries);
	bool manifest;
	status = read_manifest(dir, entries, &manifest, err);
	if (!status && manifest)
		status = check_manifest(dir, entries, err);
	char *history = kind_path(dir, &kind_history);
	struct stat sb;
	db->loading_history = stat(history, &sb) == 0;
	free(history);
	char *badges = kind_path(dir, &kind_badge_history);
	db->loading_badge_history = stat(badges, &sb) == 0;
	free(badges);
	for (size_t k = 0; k < kind_count && !status; k++) {
		char *path = kind_path(dir, kinds[k]);
		FILE *in = fopen(path, "r");
		if (!in && (errno != ENOENT || k == 0))
			status = err_set(err, k == 0 ? SUMMIT_INVALID : SUMMIT_FAILED,
			                 "cannot read %s: %s%s", path, strerror(errno),
			                 k == 0 ? " (every event directory has event.csv)"
			                        : "");
		long long rows = 0;
		if (in) {
			status = csv_import(db, kinds[k], in, path, &rows, err);
			fclose(in);
		}
		if (!status && k == 0 && rows != 1)
			status = err_set(err, SUMMIT_INVALID,
			                 "%s: %lld rows, expected exactly one event",
			                 path, rows);
		if (!status && manifest && entries[k].seen && rows != entries[k].rows)
			status = err_set(err, SUMMIT_INVALID,
			                 "%s: %lld rows, but %s/%s expects %lld", path,
			                 rows, dir, MANIFEST_NAME, entries[k].rows);
		free(path);
	}
	db->loading_history = false;
	db->loading_badge_history = false;
	free(entries);
	return status;
}

/* --- Directories: export ------------------------------------------- */

/* A name export writes (a kind's file or the manifest). */
static bool export_file_name(const char *name)
{
	if (strcmp(name, MANIFEST_NAME) == 0)
		return true;
	size_t n = strlen(name);
	if (n < 5 || strcmp(name + n - 4, ".csv") != 0)
		return false;
	char *stem = xstrndup(name, n - 4);
	const struct kind *kind = kind_find(stem);
	bool ok = kind && strcmp(kind->plural, stem) == 0;
	free(stem);
	return ok;
}

/* Whether dir exists, and then that it holds only what an export writes,
 * so that replacing it loses nothing else. */
static int check_target(const char *dir, bool *exists, struct summit_err *err)
{
	struct stat sb;
	*exists = lstat(dir, &sb) == 0;
	if (!*exists)
		return errno == ENOENT
		           ? SUMMIT_OK
		           : err_set(err, SUMMIT_FAILED, "cannot write %s: %s", dir,
		                     strerror(errno));
	if (!S_ISDIR(sb.st_mode))
		return err_set(err, SUMMIT_INVALID,
		               "%s exists and is not a directory: choose another --dir",
		               dir);
	DIR *d = opendir(dir);
	if (!d)
		return err_set(err, SUMMIT_FAILED, "cannot read %s: %s", dir,
		               strerror(errno));
	int status = SUMMIT_OK;
	struct dirent *e;
	while (!status && (e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
		    !export_file_name(e->d_name))
			status = err_set(err, SUMMIT_INVALID,
			                 "%s holds %s, which an export does not write: "
			                 "choose a new directory, or an earlier export's",
			                 dir, e->d_name);
	closedir(d);
	return status;
}

/* Removes what an export wrote into dir (a staged or a replaced set). */
static void remove_export(const char *dir)
{
	for (size_t k = 0; k < kind_count; k++) {
		char *path = kind_path(dir, kinds[k]);
		unlink(path);
		cleanup_forget(path);
		free(path);
	}
	char *manifest = xasprintf("%s/%s", dir, MANIFEST_NAME);
	unlink(manifest);
	cleanup_forget(manifest);
	free(manifest);
	rmdir(dir);
	cleanup_forget(dir);
}

static int sync_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	int saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

/* Writes one file of the staged set, synced to the disk; messages name it
 * by the path it will have, shown. */
static int write_export_file(struct summit_db *db, const struct kind *kind,
                             const char *path, const char *shown, long long *rows,
                             struct summit_err *err)
{
	cleanup_add(path);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	FILE *out = fd < 0 ? NULL : fdopen(fd, "w");
	if (!out) {
		int status = err_set(err, SUMMIT_FAILED, "cannot write %s: %s", shown,
		                     strerror(errno));
		if (fd >= 0)
			close(fd);
		return status;
	}
	int status = export_kind(db, kind, out, rows, err);
	if (status && ferror(out))
		err_set(err, status, "cannot write %s: %s", shown, strerror(errno));
	if (!status && (fflush(out) != 0 || fsync(fd) != 0))
		status = err_set(err, SUMMIT_FAILED, "cannot write %s: %s", shown,
		                 strerror(errno));
	if (fclose(out) != 0 && !status)
		status = err_set(err, SUMMIT_FAILED, "cannot write %s: %s", shown,
		                 strerror(errno));
	return status;
}

static int write_manifest(const char *path, const char *dir, const char *shown,
                          const long long *rows, struct summit_err *err)
{
	struct strbuf text = {0};
	strbuf_addf(&text, "%s\n", MANIFEST_HEADER);
	int status = SUMMIT_OK;
	for (size_t k = 0; k < kind_count && !status; k++) {
		char *file = kind_path(dir, kinds[k]);
		struct file_sum sum;
		if (sum_file(file, &sum) != 0)
			status = err_set(err, SUMMIT_FAILED, "cannot read %s: %s", file,
			                 strerror(errno));
		else
			strbuf_addf(&text, "%s.csv %lld %lld %016llx\n", kinds[k]->plural,
			            rows[k], sum.bytes, sum.fnv);
		free(file);
	}
	cleanup_add(path);
	int fd = status ? -1 : open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (!status && fd < 0)
		status = err_set(err, SUMMIT_FAILED, "cannot write %s: %s", shown,
		                 strerror(errno));
	if (!status) {
		size_t done = 0;
		while (done < text.len && !status) {
			ssize_t n = write(fd, text.buf + done, text.len - done);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				status =
				    err_set(err, SUMMIT_FAILED, "cannot write %s: %s",
				            shown, strerror(n < 0 ? errno : EIO));
			else
				done += (size_t)n;
		}
		if (!status && fsync(fd) != 0)
			status = err_set(err, SUMMIT_FAILED, "cannot write %s: %s", shown,
			                 strerror(errno));
		if (close(fd) != 0 && !status)
			status = err_set(err, SUMMIT_FAILED, "cannot write %s: %s", shown,
			                 strerror(errno));
	}
	strbuf_free(&text);
	return status;
}

/* The set is written into a hidden sibling directory, synced, and renamed
 * to dir (exchanged with an earlier export there), so dir holds a whole
 * export or none: an interruption or a full disk leaves it as it was. */
int csv_export_directory(struct summit_db *db, const char *dir, struct summit_err *err)
{
	bool exists;
	int status = check_target(dir, &exists, err);
	if (status)
		return status;
	size_t len = strlen(dir);
	while (len > 1 && dir[len - 1] == '/')
		len--;
	const char *base = dir;
	for (size_t i = 0; i < len; i++)
		if (dir[i] == '/' && i + 1 < len)
			base = dir + i + 1;
	char *target = xstrndup(dir, len);
	char *parent = base == dir       ? xstrdup(".")
	               : base == dir + 1 ? xstrdup("/")
	                                 : xstrndup(dir, (size_t)(base - dir) - 1);
	char *staged = xasprintf("%s/.%s.XXXXXX", parent, target + (base - dir));
	if (!mkdtemp(staged)) {
		status = err_set(err, SUMMIT_FAILED, "cannot create %s: %s", dir,
		                 strerror(errno));
		goto out;
	}
	cleanup_add(staged);
	long long *rows = xcalloc(kind_count, sizeof *rows);
	/* One read transaction: the files are one moment of the event, even
	 * while other planners change it. */
	int rc = sqlite3_exec(db->conn, "BEGIN", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		status = db_step_error(db, rc, err);
	for (size_t k = 0; k < kind_count && !status; k++) {
		char *path = kind_path(staged, kinds[k]);
		char *shown = kind_path(target, kinds[k]);
		status = write_export_file(db, kinds[k], path, shown, &rows[k], err);
		free(shown);
		free(path);
	}
	if (rc == SQLITE_OK)
		sqlite3_exec(db->conn, "COMMIT", NULL, NULL, NULL);
	char *manifest = xasprintf("%s/%s", staged, MANIFEST_NAME);
	char *shown = xasprintf("%s/%s", target, MANIFEST_NAME);
	if (!status)
		status = write_manifest(manifest, staged, shown, rows, err);
	free(shown);
	free(manifest);
	free(rows);
	if (!status && sync_path(staged) != 0)
		status = err_set(err, SUMMIT_FAILED, "cannot write %s: %s", target,
		                 strerror(errno));
	if (!status) {
		/* An empty directory is replaced; an earlier export is swapped
		 * out whole, then removed. */
		rc =
		    exists
		        ? renameat2(AT_FDCWD, staged, AT_FDCWD, target, RENAME_EXCHANGE)
		        : renameat2(AT_FDCWD, staged, AT_FDCWD, target, RENAME_NOREPLACE);
		if (rc != 0)
			status = err_set(err, SUMMIT_FAILED, "cannot write %s: %s",
			                 target, strerror(errno));
	}
	if (!status) {
		for (size_t k = 0; k < kind_count; k++) {
			char *path = kind_path(staged, kinds[k]);
			cleanup_forget(path);
			free(path);
		}
		char *m = xasprintf("%s/%s", staged, MANIFEST_NAME);
		cleanup_forget(m);
		free(m);
		cleanup_forget(staged);
		sync_path(parent);
		/* The earlier export, now under the staged name. */
		if (exists)
			remove_export(staged);
	} else {
		remove_export(staged);
	}
out:
	free(staged);
	free(parent);
	free(target);
	return status;
}
