#include "cli.h"

static int run_remove(struct cli *cli, int argc, char **argv)
{
	if (argc != 3)
		return cli_usage(cli);
	const struct kind *kind = cli_kind(cli, argv[1]);
	if (!kind)
		return EXIT_USAGE;
	struct summit_err err;
	err_clear(&err);
	int status = db_begin(cli->db, &err);
	if (!status) {
		long long id;
		status = record_find(cli->db, kind, argv[2], &id, &err);
		if (!status)
			status = record_delete(cli->db, kind, id, 0, &err);
		status = db_end(cli->db, status, &err);
	}
	if (status)
		return cli_fail(cli, &err);
	cli_print(stdout, "removed %s %s\n", kind->singular, argv[2]);
	return EXIT_OK;
}

const struct verb verb_remove = {
    .name = "remove",
    .usage = "KIND KEY",
    .summary = "remove a record",
    .help = "Refuses while other records refer to it, and names them: a room that\n"
            "sessions use stays until they move. Removing an invitation removes its\n"
            "history.\n"
            "Example:\n"
            "  summit remove rooms \"Salle 6\"",
    .db = VERB_OPENS_DB,
    .run = run_remove,
};
