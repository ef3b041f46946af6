#include <errno.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

/* The whole file as one string; NULL after saying why. */
static char *read_whole(const struct cli *cli, const char *path)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *in = is_stdin ? stdin : fopen(path, "rb");
	if (!in) {
		cli_error(cli, EXIT_REFUSED, "cannot read %s: %s", path, strerror(errno));
		return NULL;
	}
	struct strbuf sb = {0};
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		strbuf_addn(&sb, buf, n);
	int failed = ferror(in);
	if (!is_stdin)
		fclose(in);
	if (failed) {
		strbuf_free(&sb);
		cli_error(cli, EXIT_REFUSED, "cannot read %s", path);
		return NULL;
	}
	return strbuf_take(&sb);
}

struct replies {
	struct strbuf said;
};

static void note_reply(const struct ics_reply *reply, void *data)
{
	struct replies *r = data;
	strbuf_addf(&r->said, "%s %s%s%s%s\n", reply->delegation, reply->state,
	            reply->changed ? "" : " (", reply->changed ? "" : reply->why,
	            reply->changed ? "" : ")");
}

/* Every reply in one transaction: one bad file and none is recorded. */
static int import_replies(struct cli *cli, int nfiles, char **files)
{
	struct summit_err err;
	err_clear(&err);
	struct replies r = {0};
	int status = db_begin(cli->db, &err);
	for (int i = 0; i < nfiles && !status; i++) {
		char *text = read_whole(cli, files[i]);
		if (!text) {
			db_rollback(cli->db);
			strbuf_free(&r.said);
			return EXIT_REFUSED;
		}
		status = ics_import_reply(cli->db, files[i], text, note_reply, &r, &err);
		free(text);
	}
	if (!status)
		status = db_commit(cli->db, &err);
	else
		db_rollback(cli->db);
	if (status) {
		strbuf_free(&r.said);
		fprintf(stderr, "summit: import: %s\n", err.msg);
		fputs("summit: import: no reply recorded\n", stderr);
		return EXIT_REFUSED;
	}
	if (r.said.buf)
		cli_print(stdout, "%s", r.said.buf);
	strbuf_free(&r.said);
	return EXIT_OK;
}

struct ics_file {
	const char *name, *text;
	long long rows;
};

static int import_ics(struct summit_db *db, void *ctx, struct summit_err *err)
{
	struct ics_file *f = ctx;
	return ics_import_sessions(db, f->name, f->text, &f->rows, err);
}

static int import_ics_sessions(struct cli *cli, const char *path)
{
	char *text = read_whole(cli, path);
	if (!text)
		return EXIT_REFUSED;
	struct summit_err err;
	err_clear(&err);
	struct ics_file file = {strcmp(path, "-") == 0 ? "<stdin>" : path, text, 0};
	struct strbuf warnings = {0};
	int status = cli_change(cli, &kind_sessions, import_ics, &file, &warnings, &err);
	free(text);
	if (status) {
		fprintf(stderr, "summit: import: %s\n", err.msg);
		return EXIT_REFUSED;
	}
	cli_print(stdout, "imported %lld session%s from %s\n", file.rows,
	          file.rows == 1 ? "" : "s", path);
	cli_warn(&warnings);
	return EXIT_OK;
}

/* Bad rows shown in full before the rest are only counted: enough to fix a
 * file in one go, not a screenful of the same mistake. */
#define IMPORT_SHOWN_ROWS 20

struct bad_rows {
	struct cli *cli;
	long long count;
};

static void print_bad_row(const struct summit_err *why, void *ctx)
{
	struct bad_rows *b = ctx;
	if (b->count++ < IMPORT_SHOWN_ROWS)
		cli_error(b->cli, EXIT_REFUSED, "%s", why->msg);
}

struct csv_file {
	const struct kind *kind;
	FILE *in;
	const char *name;
	long long rows;
	struct bad_rows *bad;
};

static int import_csv(struct summit_db *db, void *ctx, struct summit_err *err)
{
	struct csv_file *f = ctx;
	return csv_import_all(db, f->kind, f->in, f->name, &f->rows, print_bad_row,
	                      f->bad, err);
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);
	return n >= m && strcasecmp(s + n - m, tail) == 0;
}

static int run_import(struct cli *cli, int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "ics-reply") == 0)
		return import_replies(cli, argc - 2, argv + 2);
	if (argc != 3)
		return cli_usage(cli);
	if (strcmp(argv[1], "sessions") == 0 && ends_with(argv[2], ".ics"))
		return import_ics_sessions(cli, argv[2]);
	const struct kind *kind = cli_kind(cli, argv[1]);
	if (!kind)
		return EXIT_USAGE;
	if (kind == &kind_event)
		return cli_error(cli, EXIT_USAGE,
		                 "the event comes with `summit init` or `summit load`");
	const char *path = argv[2];
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *in = is_stdin ? stdin : fopen(path, "r");
	if (!in)
		return cli_error(cli, EXIT_REFUSED, "cannot read %s: %s", path,
		                 strerror(errno));
	struct summit_err err;
	err_clear(&err);
	struct strbuf warnings = {0};
	struct bad_rows bad = {cli};
	struct csv_file file = {kind, in, is_stdin ? "<stdin>" : path, 0, &bad};
	int status = cli_change(cli, kind, import_csv, &file, &warnings, &err);
	if (!is_stdin)
		fclose(in);
	if (bad.count > IMPORT_SHOWN_ROWS)
		cli_error(cli, EXIT_REFUSED, "and %lld more bad rows",
		          bad.count - IMPORT_SHOWN_ROWS);
	if (status && bad.count)
		return cli_error(cli, EXIT_REFUSED, "%s; nothing was imported", err.msg);
	if (status)
		return cli_fail(cli, &err);
	cli_print(stdout, "imported %lld %s from %s\n", file.rows,
	          file.rows == 1 ? kind->singular : kind->plural, path);
	cli_warn(&warnings);
	return EXIT_OK;
}

const struct verb verb_import = {
    .name = "import",
    .usage = "KIND FILE.csv  |  import sessions FILE.ics  |  import ics-reply FILE...",
    .summary = "add records from a CSV or iCalendar file, all or nothing",
    .help = "The first row names the columns, in any order and any case (see\n"
            "`summit help KIND`), separated by commas, or by semicolons or tabs as\n"
            "spreadsheets in French and other locales write them; FILE - reads\n"
            "standard input. Every bad row is reported (the first 20 in full) as\n"
            "FILE:LINE: column NAME: what was wrong, expected what\n"
            "and nothing is added. A cell `summit export csv` protected from\n"
            "spreadsheets ('=..., '+..., '-..., '@...) reads without its quote.\n"
            "Rows that are valid but create a problem `summit check` reports (a room\n"
            "booked twice, a hotel block exceeded) are saved, and each new problem is\n"
            "printed on stderr as \"warning: ...\"; the exit status stays 0.\n"
            "Example:\n"
            "  summit import people delegates-from-embassy.csv\n"
            "\n"
            "sessions FILE.ics adds a session per VEVENT of a programme drafted in\n"
            "another calendar program: SUMMARY is the title, LOCATION a room's name\n"
            "(or \"room, venue\"), CATEGORIES the kind when one names a session kind\n"
            "(else plenary), DESCRIPTION and STATUS:CANCELLED are kept. An unknown\n"
            "room, a time outside the event's days, or a malformed file is refused\n"
            "as FILE:LINE: PROPERTY: why, and nothing is added.\n"
            "ics-reply reads iTIP answers (METHOD:REPLY) to the invitations of\n"
            "`summit export ics --invitations` and moves each invitation, found by\n"
            "UID and attendee, to accepted or declined; TENTATIVE makes it\n"
            "acknowledged, with \"tentative\" in its history. The history row is dated\n"
            "by the reply's DTSTAMP. A reply that matches no invitation, or a file that\n"
            "is not a reply, is refused and no reply of the command is recorded.\n"
            "Examples:\n"
            "  summit import sessions draft-programme.ics\n"
            "  summit import ics-reply inbox/*.ics",
    .db = VERB_OPENS_DB,
    .run = run_import,
};
