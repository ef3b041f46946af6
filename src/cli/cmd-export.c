#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* Writes to a temporary file renamed over the target, so an interrupted
 * export never leaves half a file where a good one was. */
static int export_kind(struct cli *cli, const struct kind *kind, const char *path)
{
	struct summit_err err;
	err_clear(&err);
	if (!path) {
		if (csv_export(cli->db, kind, stdout, &err) || fflush(stdout))
			return cli_error(cli, EXIT_REFUSED, "cannot write: %s", err.msg);
		return EXIT_OK;
	}
	char *tmp = xasprintf("%s.tmp", path);
	FILE *out = fopen(tmp, "w");
	int status = SUMMIT_FAILED;
	if (out) {
		status = csv_export(cli->db, kind, out, &err);
		if (fclose(out) != 0 && !status)
			status = err_set(&err, SUMMIT_FAILED, "%s", strerror(errno));
		if (!status && rename(tmp, path) != 0)
			status = err_set(&err, SUMMIT_FAILED, "%s", strerror(errno));
	} else {
		err_set(&err, SUMMIT_FAILED, "%s", strerror(errno));
	}
	if (status)
		unlink(tmp);
	free(tmp);
	if (status)
		return cli_error(cli, EXIT_REFUSED, "cannot write %s: %s", path, err.msg);
	return EXIT_OK;
}

static int run_export(struct cli *cli, int argc, char **argv)
{
	const char *output = NULL, *dir = NULL;
	static const struct option options[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"dir", required_argument, NULL, 'd'},
	    {0},
	};
	int c;
	while ((c = getopt_long(argc, argv, "o:", options, NULL)) != -1) {
		if (c == 'o')
			output = optarg;
		else if (c == 'd')
			dir = optarg;
		else
			return cli_usage(cli);
	}
	if (optind >= argc || strcmp(argv[optind], "csv") != 0)
		return cli_error(cli, EXIT_USAGE, "expected a format: csv");
	if (dir) {
		if (optind + 1 != argc || output)
			return cli_usage(cli);
		struct summit_err err;
		err_clear(&err);
		if (csv_export_directory(cli->db, dir, &err))
			return cli_fail(cli, &err);
		return EXIT_OK;
	}
	if (optind + 2 != argc)
		return cli_usage(cli);
	const struct kind *kind = cli_kind(cli, argv[optind + 1]);
	return kind ? export_kind(cli, kind, output) : EXIT_USAGE;
}

const struct verb verb_export = {
    .name = "export",
    .usage = "csv KIND [-o FILE]  |  export csv --dir DIR",
    .summary = "write records as CSV",
    .help = "Writes the columns `summit import` reads, to standard output or FILE;\n"
            "--dir writes one file per kind plus event.csv, which `summit load` reads\n"
            "back into a new event.\n"
            "Examples:\n"
            "  summit export csv delegations -o delegations.csv\n"
            "  summit export csv --dir backup-2007-11-07",
    .db = VERB_OPENS_DB,
    .run = run_export,
};
