#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "summit/planner.h"

static int run_delay(struct cli *cli, int argc, char **argv)
{
	/* By hand rather than getopt: MINUTES may be negative (early). */
	enum output_format format = OUTPUT_TABLE;
	bool dry_run = false;
	const char *pos[2];
	int npos = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--dry-run") == 0) {
			dry_run = true;
		} else if (strcmp(argv[i], "--format") == 0 ||
		           strncmp(argv[i], "--format=", 9) == 0) {
			const char *f = argv[i][8] == '=' ? argv[i] + 9
			                : i + 1 < argc    ? argv[++i]
			                                  : "";
			if (output_format_parse(f, &format) || format == OUTPUT_CSV)
				return cli_error(
				    cli, EXIT_USAGE,
				    "--format: got \"%s\", expected table, tsv or json",
				    f);
		} else if (strncmp(argv[i], "--", 2) == 0 || npos == 2) {
			return cli_usage(cli);
		} else {
			pos[npos++] = argv[i];
		}
	}
	if (npos != 2)
		return cli_usage(cli);
	struct summit_err err = {0};
	long long id;
	if (record_find(cli->db, &kind_arrivals, pos[0], &id, &err))
		return cli_fail(cli, &err);
	char *end;
	errno = 0;
	long minutes = strtol(pos[1], &end, 10);
	if (errno || end == pos[1] || *end || minutes == 0 || minutes < -1440 ||
	    minutes > 1440)
		return cli_error(
		    cli, EXIT_USAGE,
		    "MINUTES: got \"%s\", expected minutes late (or, negative, early) "
		    "from -1440 to 1440, not 0",
		    pos[1]);
	struct planner_options o;
	if (planner_options_init(cli->db, &o, &err))
		return cli_fail(cli, &err);
	struct planner_plan plan;
	planner_plan_init(&plan, "delay");
	long long applied = 0;
	if (planner_delay(cli->db, &o, id, (int)minutes, &plan, &err) ||
	    (!dry_run && planner_apply(cli->db, &plan, &applied, &err))) {
		planner_plan_free(&plan);
		return cli_fail(cli, &err);
	}
	int rc = plan_print(cli, &plan, format, applied);
	planner_plan_free(&plan);
	return rc;
}

static int run_arrival(struct cli *cli, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "delay") == 0)
		return run_delay(cli, argc - 1, argv + 1);
	return cli_usage(cli);
}

const struct verb verb_arrival = {
    "arrival",
    "delay ID MINUTES [--dry-run] [--format table|tsv|json]",
    "a flight landing (or leaving) late or early: move it and only what it touches",
    "Moves flight ID (an arrival or a departure) by MINUTES (negative: early) and\n"
    "plans again only what that touches, in one transaction: its trip moves as far\n"
    "as the flight needs (a pickup still leaves the pickup margin after landing, a\n"
    "departure trip still reaches the airport the departure margin before take-off),\n"
    "on its vehicle when that is free then, else on another free one; a trip it\n"
    "shares with other flights keeps them and this flight gets one of its own; a\n"
    "head's dedicated car beside it moves too. Each trip changed grows its revision,\n"
    "so the calendars' SEQUENCE grows on the next export or publish. It prints what\n"
    "it changed; `summit plan undo` puts it back; --dry-run only says what it would\n"
    "do.\n\n"
    "  summit arrival delay 12 45\n"
    "  summit arrival delay 12 -20 --dry-run",
    VERB_OPENS_DB,
    run_arrival,
};
