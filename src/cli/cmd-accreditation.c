#include <getopt.h>
#include <string.h>

#include "cli.h"

/* Each action names the state it moves the badge to. */
static const struct cli_action actions[] = {
    {"approve", "approved"}, {"print", "printed"},     {"collect", "collected"},
    {"revoke", "revoked"},   {"request", "requested"},
};

static int show_history(struct cli *cli, const char *badge, enum output_format format)
{
	const struct kind *history = &kind_badge_history;
	long long id;
	if (record_find(cli->db, &kind_accreditations, badge, &id, NULL))
		return cli_error(cli, EXIT_REFUSED, "no badge %s", badge);
	struct record_filter by = {BADGE_HISTORY_BADGE, badge};
	return list_records(cli, history, &by, 1, format);
}

static int move_badge(struct summit_db *db, void *move, struct summit_err *err)
{
	return accreditation_move(db, move, err);
}

static int run_accreditation(struct cli *cli, int argc, char **argv)
{
	struct accreditation_move move = {0};
	enum output_format format = OUTPUT_TABLE;
	static const struct option options[] = {
	    {"note", required_argument, NULL, 'n'},
	    {"at", required_argument, NULL, 'a'},
	    {"format", required_argument, NULL, 'f'},
	    {0},
	};
	int c;
	while ((c = cli_getopt(cli, argc, argv, "n:a:f:", options)) != -1) {
		switch (c) {
		case 'n':
			move.note = optarg;
			break;
		case 'a':
			move.at = optarg;
			break;
		case 'f':
			if (cli_format(cli, optarg, OUTPUT_ALL, &format))
				return EXIT_REFUSED;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 2)
		return cli_usage(cli);
	const char *action = argv[optind];
	move.badge = argv[optind + 1];
	if (strcmp(action, "history") == 0)
		return show_history(cli, move.badge, format);
	move.state =
	    cli_action_state(cli, actions, sizeof actions / sizeof actions[0], action);
	if (!move.state)
		return EXIT_USAGE;
	struct summit_err err;
	err_clear(&err);
	struct strbuf warnings = {0};
	if (cli_change(cli, &kind_accreditations, move_badge, &move, &warnings, &err))
		return cli_fail(cli, &err);
	cli_print(stdout, "badge %s: %s\n", move.badge, move.state);
	cli_warn(&warnings);
	return EXIT_OK;
}

const struct verb verb_accreditation = {
    .name = "accreditation",
    .usage = "approve|print|collect|revoke|request BADGE [--note TEXT] [--at TIME]  |  "
             "accreditation history BADGE",
    .summary = "move a badge to its next state, or show its history",
    .help = "A badge is added with `summit add accreditations badge=NUMBER person=ID`\n"
            "(category=participant|observer|press|staff|security, else it follows the\n"
            "delegation: press, observer for observers and guests, participant). It\n"
            "starts requested. Allowed moves: requested to approved or revoked;\n"
            "approved to printed or revoked; printed to collected, printed again (a\n"
            "lost badge) or revoked; collected to printed or revoked; revoked to\n"
            "requested. Each move is written to the badge's history with its time\n"
            "(now, or --at in the event's zone) and the note.\n"
            "Examples:\n"
            "  summit accreditation approve BKO-0042\n"
            "  summit accreditation revoke BKO-0042 --note \"reported stolen\"\n"
            "  summit accreditation history BKO-0042",
    .db = VERB_OPENS_DB,
    .run = run_accreditation,
};
