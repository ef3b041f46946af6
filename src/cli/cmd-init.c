#include <unistd.h>

#include "cli.h"

/* Creates the event file and its event record in one go: on any refusal no
 * file is left behind. */
static int run_init(struct cli *cli, int argc, char **argv)
{
	const struct kind *kind = &kind_event;
	if (argc < 2)
		return cli_usage(cli);
	if (cli_set_today(cli, NULL)) /* before any file is made */
		return EXIT_REFUSED;
	char **values = xcalloc(kind->nfields, sizeof *values);
	struct summit_err err;
	err_clear(&err);
	int status = record_values_from_words(kind, argv + 1, argc - 1, values, &err);
	struct summit_db *db = NULL;
	if (!status)
		status = db_create_staged(cli->db_path, &db, &err);
	if (!status) {
		cli_set_today(cli, db); /* checked above */
		status = db_begin(db, &err);
		if (!status)
			status = record_insert(db, kind, values, NULL, &err);
		status = db_end(db, status, &err);
		if (status)
			db_close(db);
		else
			status = db_install(db, &err);
	}
	record_values_free(kind, values);
	free(values);
	if (status)
		return cli_fail(cli, &err);
	cli_print(stdout, "created %s\n", cli->db_path);
	return EXIT_OK;
}

const struct verb verb_init = {
    .name = "init",
    .usage = "name=NAME country=COUNTRY city=CITY first_day=DATE last_day=DATE "
             "timezone=ZONE [currency=CODE]",
    .summary = "create a new event file",
    .help = "Creates the event file named by --db (mode 0600) holding one event.\n"
            "Example:\n"
            "  summit --db cdm.db init name=\"Community of Democracies Ministerial\" \\\n"
            "    country=Mali city=Bamako first_day=2007-11-14 last_day=2007-11-17 \\\n"
            "    timezone=Africa/Bamako currency=XOF",
    .db = VERB_CREATES_DB,
    .run = run_init,
};
