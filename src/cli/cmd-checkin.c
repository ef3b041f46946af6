#include <getopt.h>
#include <string.h>

#include "cli.h"

static int run_checkin(struct cli *cli, int argc, char **argv)
{
	struct checkin_scan scan = {0};
	static const struct option options[] = {
	    {"at", required_argument, NULL, 'a'},
	    {"room", required_argument, NULL, 'r'},
	    {"desk", required_argument, NULL, 'd'},
	    {0},
	};
	int c;
	while ((c = cli_getopt(cli, argc, argv, "a:r:d:", options)) != -1) {
		switch (c) {
		case 'a':
			scan.at = optarg;
			break;
		case 'r':
			scan.room = optarg;
			break;
		case 'd':
			scan.desk = optarg;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 1)
		return cli_usage(cli);
	scan.key = argv[optind];
	struct checkin_result r;
	struct summit_err err;
	err_clear(&err);
	int status = db_begin(cli->db, &err);
	if (!status) {
		status = checkin_record(cli->db, &scan, &r, &err);
		status = db_end(cli->db, status, &err);
	}
	if (status)
		return cli_fail(cli, &err);
	cli_print(stdout, "%s  %s  %s (%s), %s%s\n", r.at, r.badge, r.name, r.delegation,
	          r.category, r.again ? ", again today" : "");
	if (r.room[0])
		cli_print(stdout, "%lld in at %s's door today, %lld at the venue\n",
		          r.people_room, r.room, r.people_day);
	else
		printf("%lld in today\n", r.people_day);
	return EXIT_OK;
}

const struct verb verb_checkin = {
    .name = "checkin",
    .usage = "BADGE|NAME [--at TIME] [--room ROOM] [--desk NAME]",
    .summary = "record a person's arrival at the venue, by badge or by name",
    .help = "The key is a badge number, or a person's full name matched without\n"
            "regard to case or accents (\"cheick modibo diarra\" finds Cheick Modibo\n"
            "Diarra). The scan is dated now (the clock's time on --today's day), or\n"
            "--at in the event's zone. --room records a scan at a room's door, which\n"
            "counts the people of the sessions held there. A revoked badge, one only\n"
            "requested, an unknown key, or a name two people share are refused (exit\n"
            "1) and nothing is recorded. Each scan is its own transaction, so several\n"
            "desks can scan into one event file at once.\n"
            "Examples:\n"
            "  summit checkin BKO-0042\n"
            "  summit checkin \"Moctar Ouane\" --desk entrance-2\n"
            "  summit checkin BKO-0042 --room \"Salle des Banquets\"",
    .db = VERB_OPENS_DB,
    .run = run_checkin,
};
