#include <string.h>

#include "cli.h"

struct cascade_report {
	struct cli *cli;
	long long removed, changed;
};

/* One line per record the removal takes or changes, before it happens. */
static int report_effect(const struct record_effect *e, void *ctx)
{
	struct cascade_report *r = ctx;
	struct record rec = {0};
	struct summit_err err;
	if (record_get(r->cli->db, e->kind, e->id, &rec, &err))
		return 0;
	const char *hash = e->kind->fields[e->kind->key].type == FIELD_ID ? "#" : "";
	if (e->field) {
		printf("changed %s %s%s: %s without %s\n", e->kind->singular, hash,
		       rec.values[e->kind->key], e->field->name, e->lost);
		r->changed++;
	} else {
		printf("removed %s %s%s\n", e->kind->singular, hash,
		       rec.values[e->kind->key]);
		r->removed++;
	}
	record_clear(&rec);
	return 0;
}

static int run_remove(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
	    {"cascade", no_argument, NULL, 'c'},
	    {"dry-run", no_argument, NULL, 'n'},
	    {0},
	};
	bool cascade = false, dry_run = false;
	int c;
	while ((c = cli_getopt(cli, argc, argv, "", options)) != -1) {
		if (c == 'c')
			cascade = true;
		else if (c == 'n')
			dry_run = true;
		else
			return EXIT_USAGE;
	}
	if (argc - optind != 2 || (dry_run && !cascade))
		return cli_usage(cli);
	const struct kind *kind = cli_kind(cli, argv[optind]);
	if (!kind)
		return EXIT_USAGE;
	const char *key = argv[optind + 1];
	struct summit_err err;
	err_clear(&err);
	struct cascade_report report = {cli};
	int status = db_begin(cli->db, &err);
	if (!status) {
		long long id;
		status = record_find(cli->db, kind, key, &id, &err);
		if (!status && cascade)
			status = record_delete_cascade(cli->db, kind, id, report_effect,
			                               &report, &err);
		else if (!status)
			status = record_delete(cli->db, kind, id, 0, &err);
		if (!status && dry_run) {
			db_rollback(cli->db);
			printf(
			    "nothing removed (--dry-run): %lld record%s would go, %lld "
			    "would change\n",
			    report.removed, report.removed == 1 ? "" : "s",
			    report.changed);
			return EXIT_OK;
		}
		status = db_end(cli->db, status, &err);
	}
	if (status)
		return cli_fail(cli, &err);
	if (!cascade)
		cli_print(stdout, "removed %s %s\n", kind->singular, key);
	return EXIT_OK;
}

const struct verb verb_remove = {
    .name = "remove",
    .usage = "KIND KEY [--cascade [--dry-run]]",
    .summary = "remove a record",
    .help = "Refuses while other records refer to it, and names them: a room that\n"
            "sessions use stays until they move. Removing an invitation removes its\n"
            "history.\n"
            "--cascade also removes every record that cannot stay without it (a\n"
            "delegation's people, invitation and its history, hotel nights and\n"
            "flights), and takes it out of the records that only name it (a trip's\n"
            "riders, an invitation delivered through it); each is printed, and all\n"
            "of it is one transaction. --dry-run prints the same and changes nothing.\n"
            "Examples:\n"
            "  summit remove rooms \"Salle Baoulé\"\n"
            "  summit remove --cascade --dry-run delegations ISR",
    .db = VERB_OPENS_DB,
    .run = run_remove,
};
