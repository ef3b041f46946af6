#include "cli.h"

static int run_load(struct cli *cli, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage(cli);
	if (cli_set_today(cli, NULL)) /* before any file is made */
		return EXIT_REFUSED;
	struct summit_err err;
	err_clear(&err);
	struct summit_db *db;
	/* Built beside the file and renamed into place once whole, so an
	 * interrupted load leaves no file, and a retry works. */
	int status = db_create_staged(cli->db_path, &db, &err);
	if (status)
		return cli_fail(cli, &err);
	cli_set_today(cli, db); /* checked above */
	status = db_begin(db, &err);
	if (!status)
		status = csv_load_directory(db, argv[1], &err);
	status = db_end(db, status, &err);
	long long total = 0;
	for (size_t k = 1; k < kind_count && !status; k++)
		total += record_count(db, kinds[k]);
	if (status)
		db_close(db);
	else
		status = db_install(db, &err);
	if (status)
		return cli_fail(cli, &err);
	cli_print(stdout, "loaded %lld records from %s into %s\n", total, argv[1],
	          cli->db_path);
	return EXIT_OK;
}

const struct verb verb_load = {
    .name = "load",
    .usage = "DIR",
    .summary = "create a new event file from a directory of CSV files",
    .help = "Reads DIR/event.csv and DIR/KIND.csv for every kind present (the files\n"
            "`summit export csv --dir` writes), all or nothing: on any bad row no file\n"
            "is created, and an interrupted load leaves no file. A directory with a\n"
            "MANIFEST (as export writes) must hold every file and row it lists. See "
            "`summit help KIND` for the columns.\n"
            "Example:\n"
            "  summit --db bamako.db load sample-data/bamako-2007",
    .db = VERB_CREATES_DB,
    .run = run_load,
};
