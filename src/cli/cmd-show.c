#include <getopt.h>

#include "cli.h"

static int run_show(struct cli *cli, int argc, char **argv)
{
	enum output_format format = OUTPUT_TABLE;
	static const struct option options[] = {{"format", required_argument, NULL, 'f'},
	                                        {0}};
	int c;
	while ((c = cli_getopt(cli, argc, argv, "f:", options)) != -1) {
		if (c != 'f')
			return EXIT_USAGE;
		if (cli_format(cli, optarg, OUTPUT_ALL, &format))
			return EXIT_REFUSED;
	}
	if (optind >= argc)
		return cli_usage(cli);
	const struct kind *kind = cli_kind(cli, argv[optind]);
	if (!kind)
		return EXIT_USAGE;
	bool is_event = kind == &kind_event;
	if (argc - optind != (is_event ? 1 : 2))
		return cli_usage(cli);
	struct summit_err err;
	err_clear(&err);
	long long id;
	struct record rec = {0};
	int status =
	    record_find(cli->db, kind, is_event ? "" : argv[optind + 1], &id, &err);
	if (!status)
		status = record_get(cli->db, kind, id, &rec, &err);
	if (status)
		return cli_fail(cli, &err);
	int code = EXIT_OK;
	if (format != OUTPUT_TABLE) {
		char number[24];
		snprintf(number, sizeof number, "%lld", id);
		struct record_filter by_id = {kind_field_index(kind, "id"), number};
		if (by_id.field < 0)
			by_id =
			    (struct record_filter){(int)kind->key, rec.values[kind->key]};
		code = list_records(cli, kind, &by_id, is_event ? 0 : 1, format);
	} else {
		int width = 0;
		for (size_t i = 0; i < kind->nfields; i++)
			if (text_width(kind->fields[i].name) > width)
				width = text_width(kind->fields[i].name);
		for (size_t i = 0; i < kind->nfields; i++) {
			char money[48];
			const char *shown = output_display(
			    &kind->fields[i], rec.values[i], money, sizeof money);
			cli_print(stdout, "%-*s  %s\n", width, kind->fields[i].name,
			          shown ? shown : "");
		}
		printf("%-*s  %lld\n", width, "revision", rec.revision);
	}
	record_clear(&rec);
	return code;
}

const struct verb verb_show = {
    .name = "show",
    .usage = "KIND KEY [--format table|tsv|json|csv]  |  show event",
    .summary = "show one record, field by field",
    .help = "Examples:\n"
            "  summit show delegations ISR\n"
            "  summit show sessions 3 --format json\n"
            "  summit show event",
    .db = VERB_OPENS_DB,
    .run = run_show,
};
