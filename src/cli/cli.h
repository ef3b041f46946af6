/* The summit command line: one file per verb, each a descriptor in the
 * table of verbs.c; main.c finds the verb and opens the event for it. */
#ifndef SUMMIT_CLI_H
#define SUMMIT_CLI_H

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "summit/summit.h"

enum exit_code {
	EXIT_OK = 0,
	EXIT_REFUSED = 1, /* bad input, a rule of the event, a failed file */
	EXIT_USAGE = 2,
};

enum verb_db {
	VERB_OPENS_DB,   /* needs an existing event file */
	VERB_CREATES_DB, /* makes a new one */
	VERB_NO_DB,
};

struct cli {
	const char *db_path;
	const char *today;    /* --today as given, or NULL */
	struct summit_db *db; /* open for VERB_OPENS_DB verbs */
	const struct verb *verb;
};

struct verb {
	const char *name;
	const char *usage; /* arguments after the verb */
	const char *summary;
	const char *help; /* paragraphs, examples */
	enum verb_db db;
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *helper; /* the executable that runs this verb, or NULL */
};

/* Helper executables. A dependency only one verb needs (libcurl and
 * libxml2 for publish) stays out of every other verb's start-up, as git
 * keeps libcurl in git-remote-https: the verb's descriptor stays in
 * verbs[] for `summit help`, with .helper naming an executable, and summit
 * execs that helper (from $SUMMIT_LIBEXEC, else beside the summit binary,
 * else pkglibexecdir) as `HELPER --db FILE [--today DATE] VERB ARGS...`.
 * The verb's file compiles its run function only under SUMMIT_HELPER:
 *
 *	#ifdef SUMMIT_HELPER
 *	static int run_publish(struct cli *cli, int argc, char **argv) { ... }
 *	#endif
 *	const struct verb verb_publish = { ..., .helper = "summit-publish",
 *	#ifdef SUMMIT_HELPER
 *	    .run = run_publish,
 *	#endif
 *	};
 *
 * and a new helper is a few lines in Makefile.am, like summit-publish's:
 * pkglibexec_PROGRAMS, its sources (HELPER_SOURCES and the verb's file),
 * CPPFLAGS with -DSUMMIT_HELPER -DSUMMIT_HELPER_VERB=verb_NAME, and LDADD
 * with the libraries only it needs. */

/* Locale and umask, first thing in every main. */
void cli_start(void);
/* Reads the global options (--db, --today, --version, --help) into cli;
 * returns an exit code when they are all there is to do, else -1 with
 * optind at the verb. */
int cli_global_options(struct cli *cli, int argc, char **argv, const char *usage);
/* Fixes "today" on db: --today, else $SUMMIT_TODAY, else the clock's;
 * EXIT_OK, or EXIT_REFUSED after saying what was wrong. Every verb that
 * opens or creates an event file calls it; with db NULL it only checks the
 * date, before a file is created. */
int cli_set_today(const struct cli *cli, struct summit_db *db);
/* Opens the event file when cli->verb needs it, runs the verb on argv
 * (argv[0] is the verb's name) and closes the file. */
int cli_run_verb(struct cli *cli, int argc, char **argv);

extern const struct verb *const verbs[];
const struct verb *verb_find(const char *name);

/* printf for text from the data: what it writes goes through
 * text_sanitize (newlines and tabs kept), so no value sends a terminal
 * control sequence. Messages go the same way. */
int cli_print(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Messages: "summit: ..." on stderr. */
int cli_error(const struct cli *cli, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Reports a core failure; returns the exit code for it. */
int cli_fail(const struct cli *cli, const struct summit_err *err);

/* Writes what (by write) to standard output without a path, or to a
 * temporary file renamed over path, so an interrupted or failed write never
 * leaves half a file where a good one was. A failure to write names the
 * file and the system's reason once; a refusal says why. */
typedef int (*cli_writer)(struct cli *cli, const void *what, FILE *out,
                          struct summit_err *err);
int cli_write_to(struct cli *cli, cli_writer write, const void *what, const char *path);
/* Says on stderr what db_warning tells of the open event file. */
void cli_warn_about_db(const struct cli *cli);
int cli_usage(const struct cli *cli);
/* getopt_long for a verb: an unknown option, or one missing its value, is
 * reported as "summit: VERB: ..." with the usage line, and returns '?'. */
int cli_getopt(const struct cli *cli, int argc, char **argv, const char *shortopts,
               const struct option *longopts);
/* A kind named on the command line, or NULL after saying so. */
const struct kind *cli_kind(const struct cli *cli, const char *name);

/* A change in one transaction (BEGIN IMMEDIATE), watched (change_run): the
 * problems it newly causes are added to *warnings as "warning: ..." lines,
 * for cli_warn to print once the verb has said what it saved. */
int cli_change(struct cli *cli, const struct kind *kind, change_fn change, void *ctx,
               struct strbuf *warnings, struct summit_err *err);
/* Prints the warnings on stderr and frees them. */
void cli_warn(struct strbuf *warnings);

/* The verbs that move a record along its states (invitation,
 * accreditation): each action word names the state it moves to. */
struct cli_action {
	const char *action, *state;
};
/* The state action moves to; NULL after a usage error that lists the
 * actions, and "history". */
const char *cli_action_state(const struct cli *cli, const struct cli_action *actions,
                             size_t n, const char *action);

/* Output of records: an aligned table for people, TSV, JSON or CSV. */
enum output_format { OUTPUT_TABLE, OUTPUT_TSV, OUTPUT_JSON, OUTPUT_CSV };
/* The formats a verb offers, as a mask of (1 << OUTPUT_...). */
#define OUTPUT_ALL                                                                       \
	((1u << OUTPUT_TABLE) | (1u << OUTPUT_TSV) | (1u << OUTPUT_JSON) |               \
	 (1u << OUTPUT_CSV))
#define OUTPUT_TEXT ((1u << OUTPUT_TABLE) | (1u << OUTPUT_TSV) | (1u << OUTPUT_JSON))
int output_format_parse(const char *name, enum output_format *format);
/* --format NAME for a verb: one of the names in allowed ("text" is taken
 * for "table"); otherwise says which ones and returns EXIT_REFUSED. */
int cli_format(const struct cli *cli, const char *name, unsigned allowed,
               enum output_format *format);
struct output;
struct output *output_begin(FILE *out, enum output_format format,
                            const char *const *columns, size_t ncolumns);
/* Values NULL when not set; types help JSON (see kind.h), or NULL for text. */
void output_row(struct output *o, const char *const *values, const struct field *fields);
/* Prints what is buffered and frees o; non-zero when writing failed. */
int output_end(struct output *o);
/* Frees o after a failure; rows already streamed stay printed. */
void output_discard(struct output *o);
/* value as a person reads it in a table or `show`: money grouped
 * ("763 000 000"), anything else as it is; may return buf. */
const char *output_display(const struct field *f, const char *value, char *buf,
                           size_t size);
/* A JSON string literal, quoted and escaped. */
void output_json_string(FILE *out, const char *s);

/* Prints the records of kind that match filters (list, show). */
int list_records(struct cli *cli, const struct kind *kind,
                 const struct record_filter *filters, size_t nfilters,
                 enum output_format format);

/* Prints a planner's plan (plan-output.c); applied is the number it was
 * kept under, or 0 when it was only proposed. */
struct planner_plan;
int plan_print(const struct cli *cli, const struct planner_plan *plan,
               enum output_format format, long long applied);

/* Every verb's descriptor. */
extern const struct verb verb_accreditation, verb_checkin, verb_report, verb_print;
extern const struct verb verb_add, verb_check, verb_export, verb_help, verb_import,
    verb_init, verb_invitation, verb_list, verb_load, verb_publish, verb_remove, verb_set,
    verb_show, verb_status, verb_version;
extern const struct verb verb_order, verb_plan, verb_arrival;

#endif
