#include <getopt.h>
#include <string.h>

#include "cli.h"

struct listing {
	struct output *out;
	const char **row;
};

static int print_record(const struct record *rec, void *ctx)
{
	struct listing *l = ctx;
	for (size_t i = 0; i < rec->kind->nfields; i++)
		l->row[i] = rec->values[i];
	output_row(l->out, l->row, rec->kind->fields);
	return 0;
}

int list_records(struct cli *cli, const struct kind *kind,
                 const struct record_filter *filters, size_t nfilters,
                 enum output_format format)
{
	const char **names = xcalloc(kind->nfields, sizeof *names);
	for (size_t i = 0; i < kind->nfields; i++)
		names[i] = kind->fields[i].name;
	struct listing l = {output_begin(stdout, format, names, kind->nfields),
	                    xcalloc(kind->nfields, sizeof *l.row)};
	struct summit_err err;
	err_clear(&err);
	int status =
	    record_each(cli->db, kind, filters, nfilters, print_record, &l, &err);
	int failed = 0;
	if (status)
		output_discard(l.out);
	else
		failed = output_end(l.out);
	free(l.row);
	free(names);
	if (status)
		return cli_fail(cli, &err);
	return failed ? cli_error(cli, EXIT_REFUSED, "cannot write the output") : EXIT_OK;
}

static int run_list(struct cli *cli, int argc, char **argv)
{
	enum output_format format = OUTPUT_TABLE;
	static const struct option options[] = {{"format", required_argument, NULL, 'f'},
	                                        {0}};
	int c;
	while ((c = getopt_long(argc, argv, "f:", options, NULL)) != -1) {
		if (c != 'f' || output_format_parse(optarg, &format))
			return c == 'f'
			           ? cli_error(cli, EXIT_USAGE,
			                       "--format: got \"%s\", expected table, "
			                       "tsv, json or csv",
			                       optarg)
			           : cli_usage(cli);
	}
	if (optind >= argc)
		return cli_usage(cli);
	const struct kind *kind = cli_kind(cli, argv[optind]);
	if (!kind)
		return EXIT_USAGE;
	int nfilters = argc - optind - 1;
	struct record_filter *filters = xcalloc((size_t)nfilters + 1, sizeof *filters);
	char **values = xcalloc(kind->nfields, sizeof *values);
	struct summit_err err;
	err_clear(&err);
	int code = EXIT_OK;
	if (record_values_from_words(kind, argv + optind + 1, nfilters, values, &err)) {
		code = cli_fail(cli, &err);
	} else {
		nfilters = 0;
		for (size_t i = 0; i < kind->nfields; i++)
			if (values[i])
				filters[nfilters++] =
				    (struct record_filter){(int)i, values[i]};
		code = list_records(cli, kind, filters, (size_t)nfilters, format);
	}
	record_values_free(kind, values);
	free(values);
	free(filters);
	return code;
}

const struct verb verb_list = {
    .name = "list",
    .usage = "KIND [FIELD=VALUE...] [--format table|tsv|json|csv]",
    .summary = "list records",
    .help = "Prints an aligned table, or TSV (a header row, then one row per record;\n"
            "tabs and newlines in values as \\t and \\n), JSON or CSV for scripts.\n"
            "FIELD=VALUE keeps the records whose field has that value; for a list\n"
            "field, those that list it.\n"
            "Examples:\n"
            "  summit list delegations status=observer\n"
            "  summit list people delegation=MLI --format tsv\n"
            "  summit list sessions delegations=ISR --format json",
    .db = VERB_OPENS_DB,
    .run = run_list,
};
