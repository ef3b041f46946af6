#include <getopt.h>
#include <string.h>

#include "cli.h"

/* Each action names the state it moves the invitation to. */
static const struct cli_action actions[] = {
    {"send", "sent"},       {"deliver", "delivered"}, {"acknowledge", "acknowledged"},
    {"accept", "accepted"}, {"decline", "declined"},  {"withdraw", "withdrawn"},
};

static int show_history(struct cli *cli, const char *code, enum output_format format)
{
	const struct kind *history = &kind_history;
	struct summit_err err;
	err_clear(&err);
	long long id;
	if (record_find(cli->db, &kind_invitations, code, &id, &err))
		return cli_error(cli, EXIT_REFUSED, "delegation %s has no invitation",
		                 code);
	struct record_filter by = {HISTORY_DELEGATION, code};
	return list_records(cli, history, &by, 1, format);
}

static int move_invitation(struct summit_db *db, void *move, struct summit_err *err)
{
	return invitation_move(db, move, err);
}

static int run_invitation(struct cli *cli, int argc, char **argv)
{
	struct invitation_move move = {0};
	enum output_format format = OUTPUT_TABLE;
	static const struct option options[] = {
	    {"channel", required_argument, NULL, 'c'},
	    {"via", required_argument, NULL, 'v'},
	    {"note", required_argument, NULL, 'n'},
	    {"at", required_argument, NULL, 'a'},
	    {"format", required_argument, NULL, 'f'},
	    {0},
	};
	int c;
	while ((c = cli_getopt(cli, argc, argv, "c:v:n:a:f:", options)) != -1) {
		switch (c) {
		case 'c':
			move.channel = optarg;
			break;
		case 'v':
			move.via = optarg;
			break;
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
	move.delegation = argv[optind + 1];
	if (strcmp(action, "history") == 0)
		return show_history(cli, move.delegation, format);
	move.state =
	    cli_action_state(cli, actions, sizeof actions / sizeof actions[0], action);
	if (!move.state)
		return EXIT_USAGE;
	struct summit_err err;
	err_clear(&err);
	struct strbuf warnings = {0};
	if (cli_change(cli, &kind_invitations, move_invitation, &move, &warnings, &err))
		return cli_fail(cli, &err);
	cli_print(stdout, "invitation of %s: %s\n", move.delegation, move.state);
	cli_warn(&warnings);
	return EXIT_OK;
}

const struct verb verb_invitation = {
    .name = "invitation",
    .usage = "send|deliver|acknowledge|accept|decline|withdraw CODE [--channel TEXT] "
             "[--via CODE] [--note TEXT] [--at TIME]  |  invitation history CODE",
    .summary = "move an invitation to its next state, or show its history",
    .help = "Each move is written to the invitation's history with its time (now, or\n"
            "--at in the event's zone), the channel and the note. Allowed moves: draft\n"
            "to sent or withdrawn; sent to delivered, acknowledged, accepted, declined\n"
            "or withdrawn; delivered to acknowledged, accepted, declined or withdrawn;\n"
            "acknowledged to accepted, declined or withdrawn; accepted to declined or\n"
            "withdrawn; declined or withdrawn to sent again. Accepting makes the\n"
            "delegation expected: a room it now overfills, or nights in town without a\n"
            "hotel, are printed as \"warning: ...\" on stderr, as `summit set` does.\n"
            "Examples:\n"
            "  summit invitation send ISR --channel \"diplomatic note\" --via USA \\\n"
            "    --note \"handed to the US embassy\"\n"
            "  summit invitation accept SEN --note \"note verbale of 3 Sept\"\n"
            "  summit invitation history ISR",
    .db = VERB_OPENS_DB,
    .run = run_invitation,
};
