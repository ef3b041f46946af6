#include "cli.h"

struct update {
	const struct kind *kind;
	const char *key;
	char **changes;
};

static int update(struct summit_db *db, void *ctx, struct summit_err *err)
{
	struct update *up = ctx;
	long long id;
	int status = record_find(db, up->kind, up->key, &id, err);
	return status ? status : record_update(db, up->kind, id, up->changes, 0, err);
}

static int run_set(struct cli *cli, int argc, char **argv)
{
	if (argc < 3)
		return cli_usage(cli);
	const struct kind *kind = cli_kind(cli, argv[1]);
	if (!kind)
		return EXIT_USAGE;
	/* The event is one record: it takes no key. */
	int first = kind == &kind_event ? 2 : 3;
	if (argc <= first || kind->import_only)
		return kind->import_only
		           ? cli_error(cli, EXIT_USAGE,
		                       "rows of %s are not changed by hand: they are "
		                       "written by %s",
		                       kind->plural, kind->written_by)
		           : cli_usage(cli);
	char **changes = xcalloc(kind->nfields, sizeof *changes);
	struct summit_err err;
	err_clear(&err);
	struct strbuf warnings = {0};
	struct update up = {kind, first == 2 ? "" : argv[2], changes};
	int status =
	    record_values_from_words(kind, argv + first, argc - first, changes, &err);
	if (!status)
		status = cli_change(cli, kind, update, &up, &warnings, &err);
	record_values_free(kind, changes);
	free(changes);
	if (status)
		return cli_fail(cli, &err);
	cli_print(stdout, "changed %s%s%s\n", kind->singular, first == 2 ? "" : " ",
	          first == 2 ? "" : argv[2]);
	cli_warn(&warnings);
	return EXIT_OK;
}

const struct verb verb_set = {
    .name = "set",
    .usage = "KIND KEY FIELD=VALUE...  |  set event FIELD=VALUE...",
    .summary = "change fields of a record",
    .help = "KEY is the record's code or name, or its number (as `list` shows it, or\n"
            "#N for any kind). An empty value clears an optional field. The same\n"
            "rules as `add` apply: a refused change leaves the record as it was; a\n"
            "change that creates a problem `summit check` reports is saved, with\n"
            "\"warning: ...\" on stderr for each new problem.\n"
            "Examples:\n"
            "  summit set delegations MLI size=24 rank=head-of-state\n"
            "  summit set sessions 12 room=\"Salle 2\"\n"
            "  summit set event last_day=2007-11-18",
    .db = VERB_OPENS_DB,
    .run = run_set,
};
