#include "cli.h"

struct insert {
	const struct kind *kind;
	char **values;
	long long id;
};

static int insert(struct summit_db *db, void *ctx, struct summit_err *err)
{
	struct insert *in = ctx;
	return record_insert(db, in->kind, in->values, &in->id, err);
}

static int run_add(struct cli *cli, int argc, char **argv)
{
	if (argc < 3)
		return cli_usage(cli);
	const struct kind *kind = cli_kind(cli, argv[1]);
	if (!kind)
		return EXIT_USAGE;
	if (kind == &kind_event)
		return cli_error(cli, EXIT_USAGE,
		                 "the event is created with `summit init`");
	if (kind->import_only)
		return cli_error(cli, EXIT_USAGE, "rows of %s are written by %s",
		                 kind->plural, kind->written_by);
	struct insert in = {kind, xcalloc(kind->nfields, sizeof *in.values), 0};
	char **values = in.values;
	struct summit_err err;
	err_clear(&err);
	struct strbuf warnings = {0};
	int status = record_values_from_words(kind, argv + 2, argc - 2, values, &err);
	if (!status)
		status = cli_change(cli, kind, insert, &in, &warnings, &err);
	long long id = in.id;
	record_values_free(kind, values);
	free(values);
	if (status)
		return cli_fail(cli, &err);
	struct record rec = {0};
	if (record_get(cli->db, kind, id, &rec, &err) == SUMMIT_OK)
		cli_print(stdout, "added %s %s%s\n", kind->singular,
		          kind->fields[kind->key].type == FIELD_ID ? "#" : "",
		          rec.values[kind->key]);
	record_clear(&rec);
	cli_warn(&warnings);
	return EXIT_OK;
}

const struct verb verb_add = {
    .name = "add",
    .usage = "KIND FIELD=VALUE...",
    .summary = "add a record",
    .help = "Adds one record; fields not named take their default. See `summit help\n"
            "KIND` for the fields. Times are in the event's time zone. A record the\n"
            "event's rules refuse (a second head of a delegation, a pickup that leaves\n"
            "before its flight lands) is not added. One that creates a problem\n"
            "`summit check` reports (a room booked twice) is added, and each new\n"
            "problem is printed on stderr as \"warning: ...\"; the exit status is 0.\n"
            "Examples:\n"
            "  summit add delegations code=CIV \"name=Côte d'Ivoire\" kind=state \\\n"
            "    status=participant size=8\n"
            "  summit add sessions \"title=Working group 1\" kind=working-group \\\n"
            "    room=\"Salle 1\" \"start=2007-11-15 09:00\" \"end=2007-11-15 12:30\"",
    .db = VERB_OPENS_DB,
    .run = run_add,
};
