#include <errno.h>
#include <string.h>

#include "cli.h"

static int run_import(struct cli *cli, int argc, char **argv)
{
	if (argc != 3)
		return cli_usage(cli);
	const struct kind *kind = cli_kind(cli, argv[1]);
	if (!kind)
		return EXIT_USAGE;
	if (kind == kind_event())
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
	long long rows = 0;
	int status = db_begin(cli->db, &err);
	if (!status) {
		status = csv_import(cli->db, kind, in, is_stdin ? "<stdin>" : path, &rows,
		                    &err);
		status = db_end(cli->db, status, &err);
	}
	if (!is_stdin)
		fclose(in);
	if (status)
		return cli_fail(cli, &err);
	printf("imported %lld %s from %s\n", rows,
	       rows == 1 ? kind->singular : kind->plural, path);
	return EXIT_OK;
}

const struct verb verb_import = {
    .name = "import",
    .usage = "KIND FILE.csv",
    .summary = "add records from a CSV file, all or nothing",
    .help = "The first row names the columns, in any order (see `summit help KIND`);\n"
            "FILE - reads standard input. Any bad row is reported as\n"
            "FILE:LINE: column NAME: what was wrong, expected what\n"
            "and nothing is added.\n"
            "Example:\n"
            "  summit import people delegates-from-embassy.csv",
    .db = VERB_OPENS_DB,
    .run = run_import,
};
