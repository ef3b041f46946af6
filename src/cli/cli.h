/* The summit command line: one file per verb, each a descriptor in the
 * table of verbs.c; main.c finds the verb and opens the event for it. */
#ifndef SUMMIT_CLI_H
#define SUMMIT_CLI_H

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
};

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
int cli_usage(const struct cli *cli);
/* A kind named on the command line, or NULL after saying so. */
const struct kind *cli_kind(const struct cli *cli, const char *name);

/* Output of records: an aligned table for people, TSV, JSON or CSV. */
enum output_format { OUTPUT_TABLE, OUTPUT_TSV, OUTPUT_JSON, OUTPUT_CSV };
int output_format_parse(const char *name, enum output_format *format);
struct output;
struct output *output_begin(FILE *out, enum output_format format,
                            const char *const *columns, size_t ncolumns);
/* Values NULL when not set; types help JSON (see kind.h), or NULL for text. */
void output_row(struct output *o, const char *const *values, const struct field *fields);
/* Prints what is buffered and frees o; non-zero when writing failed. */
int output_end(struct output *o);
/* Frees o after a failure; rows already streamed stay printed. */
void output_discard(struct output *o);
/* A JSON string literal, quoted and escaped. */
void output_json_string(FILE *out, const char *s);

/* Prints the records of kind that match filters (list, show). */
int list_records(struct cli *cli, const struct kind *kind,
                 const struct record_filter *filters, size_t nfilters,
                 enum output_format format);

/* Every verb's descriptor. */
extern const struct verb verb_add, verb_check, verb_export, verb_help, verb_import, verb_init,
    verb_invitation, verb_list, verb_load, verb_publish, verb_remove, verb_set, verb_show,
    verb_status, verb_version;

#endif
