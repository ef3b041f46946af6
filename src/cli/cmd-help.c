#include <string.h>

#include "cli.h"
#include "config.h"

static void describe_field(const struct field *f, char *out, size_t size)
{
	static const char *const type_names[] = {
	    [FIELD_ID] = "number",    [FIELD_TEXT] = "text",
	    [FIELD_CODE] = "code",    [FIELD_INT] = "whole number",
	    [FIELD_MONEY] = "amount", [FIELD_DATE] = "date",
	    [FIELD_TIME] = "time",    [FIELD_ZONE] = "time zone",
	    [FIELD_ENUM] = "one of",  [FIELD_REF] = "",
	    [FIELD_REFLIST] = "",
	};
	size_t n = (size_t)snprintf(out, size, "%s", type_names[f->type]);
	if (f->type == FIELD_ENUM)
		for (const char *const *c = f->choices; *c && n < size; c++)
			n += (size_t)snprintf(out + n, size - n, "%s%s",
			                      c == f->choices ? " " : ", ", *c);
	if (f->type == FIELD_REF)
		n += (size_t)snprintf(out + n, size - n, "a %s", f->ref->singular);
	if (f->type == FIELD_REFLIST)
		n += (size_t)snprintf(out + n, size - n, "%s, space-separated",
		                      f->ref->plural);
	if (f->flags & FIELD_POSITIVE && n < size)
		n += (size_t)snprintf(out + n, size - n, " above 0");
	if (f->flags & FIELD_NONNEG && n < size)
		n += (size_t)snprintf(out + n, size - n, ", 0 or more");
	if (f->flags & FIELD_REQUIRED && n < size)
		n += (size_t)snprintf(out + n, size - n, "; required");
	if (f->flags & FIELD_UNIQUE && n < size)
		n += (size_t)snprintf(out + n, size - n, "; unique");
	if (f->fallback && n < size)
		n += (size_t)snprintf(out + n, size - n, "; default %s", f->fallback);
	if (f->help && n < size)
		snprintf(out + n, size - n, "; %s", f->help);
}

static void help_kind(const struct kind *kind)
{
	printf("%s: %s\nFields (the columns of %s.csv):\n", kind->plural, kind->help,
	       kind->plural);
	for (size_t i = 0; i < kind->nfields; i++) {
		char what[512];
		describe_field(&kind->fields[i], what, sizeof what);
		printf("  %-12s %s\n", kind->fields[i].name, what);
	}
}

static void help_all(void)
{
	printf("summit: plan the logistics of an intergovernmental meeting.\n\n"
	       "usage: summit [--db FILE] [--today DATE] VERB [ARGS...]\n\n"
	       "The event file is --db FILE, else $SUMMIT_DB, else ./summit.db.\n\n"
	       "Verbs:\n");
	for (const struct verb *const *v = verbs; *v; v++)
		printf("  %-11s %s\n", (*v)->name, (*v)->summary);
	printf("\nKinds of record:\n");
	for (size_t k = 0; k < kind_count; k++)
		printf("  %-11s %s\n", kinds[k]->plural, kinds[k]->help);
	printf("\n`summit help VERB` and `summit help KIND` say more.\n"
	       "Exit status: 0 done, 1 refused (bad input, a rule of the event), 2 "
	       "usage.\n");
}

/* The VERBS and KINDS sections of summit(1), from the same tables. */
static void help_man(void)
{
	printf(".SH VERBS\n");
	for (const struct verb *const *v = verbs; *v; v++) {
		printf(".TP\n.B summit %s\n.I %s\n.br\n%s.\n.IP\n.nf\n", (*v)->name,
		       (*v)->usage, (*v)->summary);
		for (const char *p = (*v)->help; *p; p++) {
			if (*p == '\\')
				fputs("\\e", stdout);
			else if (*p == '.' && (p == (*v)->help || p[-1] == '\n'))
				fputs("\\&.", stdout);
			else
				putchar(*p);
		}
		printf("\n.fi\n");
	}
	printf(".SH KINDS OF RECORD\n");
	for (size_t k = 0; k < kind_count; k++) {
		printf(".SS %s\n%s.\n", kinds[k]->plural, kinds[k]->help);
		for (size_t i = 0; i < kinds[k]->nfields; i++) {
			char what[512];
			describe_field(&kinds[k]->fields[i], what, sizeof what);
			printf(".TP\n.B %s\n%s\n", kinds[k]->fields[i].name, what);
		}
	}
}

static int run_help(struct cli *cli, int argc, char **argv)
{
	if (argc == 1) {
		help_all();
		return EXIT_OK;
	}
	if (argc != 2)
		return cli_usage(cli);
	if (strcmp(argv[1], "--man") == 0) {
		help_man();
		return EXIT_OK;
	}
	const struct verb *v = verb_find(argv[1]);
	if (v) {
		printf("usage: summit %s %s\n\n%s.\n\n%s\n", v->name, v->usage,
		       v->summary, v->help);
		return EXIT_OK;
	}
	const struct kind *kind = kind_find(argv[1]);
	if (kind) {
		help_kind(kind);
		return EXIT_OK;
	}
	return cli_error(cli, EXIT_USAGE, "no verb or kind \"%s\": see `summit help`",
	                 argv[1]);
}

const struct verb verb_help = {
    .name = "help",
    .usage = "[VERB | KIND]",
    .summary = "explain a verb, or the fields of a kind of record",
    .help = "Examples:\n"
            "  summit help invitation\n"
            "  summit help sessions",
    .db = VERB_NO_DB,
    .run = run_help,
};

static int run_version(struct cli *cli, int argc, char **argv)
{
	(void)cli, (void)argc, (void)argv;
	printf("summit %s (event file schema %d)\n", PACKAGE_VERSION,
	       db_schema_version());
	return EXIT_OK;
}

const struct verb verb_version = {
    .name = "version",
    .usage = "",
    .summary = "print summit's version",
    .help = "Also: summit --version",
    .db = VERB_NO_DB,
    .run = run_version,
};
