#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "summit/doc.h"
#include "summit/order.h"

#ifdef SUMMIT_HELPER
struct scope {
	const char *delegation, *badge, *hotel, *vehicle, *day, *path, *room;
	bool all, sheet;
	long width;
	struct order_options order;
};

/* Which options each document takes, so a stray one is a usage error. */
static const struct {
	const char *name, *options;
} documents[] = {
    {"badges", "delegation badge all sheet"},
    {"rooming", "hotel"},
    {"manifests", "vehicle day"},
    {"welcome", "day"},
    {"programme", "day"},
    {"seating", "room width letter host french"},
};

static int print_list(struct cli *cli, const char *what, const struct scope *s,
                      struct summit_err *err)
{
	struct report_doc doc = {0};
	int status;
	if (strcmp(what, "rooming") == 0)
		status = report_rooming(cli->db, s->hotel, &doc, err);
	else if (strcmp(what, "manifests") == 0)
		status = report_manifests(cli->db, s->vehicle, s->day, &doc, err);
	else
		status = report_welcome(cli->db, s->day, &doc, err);
	if (!status)
		status = doc_write_pdf(&doc, strcmp(what, "rooming") != 0, s->path, err);
	report_free(&doc);
	return status;
}

static int run_print(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"delegation", required_argument, NULL, 'D'},
	    {"badge", required_argument, NULL, 'b'},
	    {"all", no_argument, NULL, 'a'},
	    {"sheet", no_argument, NULL, 's'},
	    {"hotel", required_argument, NULL, 'H'},
	    {"vehicle", required_argument, NULL, 'v'},
	    {"day", required_argument, NULL, 'd'},
	    {"room", required_argument, NULL, 'r'},
	    {"width", required_argument, NULL, 'w'},
	    {"letter", required_argument, NULL, 'l'},
	    {"host", required_argument, NULL, 'h'},
	    {"french", no_argument, NULL, 'f'},
	    {0},
	};
	struct scope s = {.width = 10};
	order_options_init(&s.order);
	s.order.host = ORDER_HOST_FIRST;
	char *end;
	const char *given[8];
	int ngiven = 0, c;
	while ((c = cli_getopt(cli, argc, argv, "o:", options)) != -1) {
		if (c == '?')
			return EXIT_USAGE;
		/* Which were given, for the documents that take none of them. */
		for (const struct option *o = options; c != 'o' && o->name && ngiven < 8;
		     o++)
			if (o->val == c)
				given[ngiven++] = o->name;
		switch (c) {
		case 'o':
			s.path = optarg;
			break;
		case 'D':
			s.delegation = optarg;
			break;
		case 'b':
			s.badge = optarg;
			break;
		case 'a':
			s.all = true;
			break;
		case 's':
			s.sheet = true;
			break;
		case 'H':
			s.hotel = optarg;
			break;
		case 'v':
			s.vehicle = optarg;
			break;
		case 'd':
			s.day = optarg;
			break;
		case 'r':
			s.room = optarg;
			break;
		case 'w':
			s.width = strtol(optarg, &end, 10);
			if (*end || s.width < 1 || s.width > 60)
				return cli_error(
				    cli, EXIT_USAGE,
				    "--width: got \"%s\", expected seats a row, 1 to 60",
				    optarg);
			break;
		case 'l':
			if (strlen(optarg) != 1 || optarg[0] < 'A' || optarg[0] > 'Z')
				return cli_error(
				    cli, EXIT_USAGE,
				    "--letter: got \"%s\", expected one capital A to Z",
				    optarg);
			s.order.letter = optarg[0];
			break;
		case 'h':
			if (strcmp(optarg, "first") == 0)
				s.order.host = ORDER_HOST_FIRST;
			else if (strcmp(optarg, "last") == 0)
				s.order.host = ORDER_HOST_LAST;
			else if (strcmp(optarg, "in-order") == 0)
				s.order.host = ORDER_HOST_IN_ORDER;
			else
				return cli_error(
				    cli, EXIT_USAGE,
				    "--host: got \"%s\", expected first, last or "
				    "in-order",
				    optarg);
			break;
		case 'f':
			s.order.french = true;
			break;
		}
	}
	if (optind + 1 != argc)
		return cli_usage(cli);
	const char *what = argv[optind], *allowed = NULL;
	for (size_t i = 0; i < sizeof documents / sizeof documents[0]; i++)
		if (strcmp(documents[i].name, what) == 0)
			allowed = documents[i].options;
	if (!allowed)
		return cli_error(cli, EXIT_USAGE,
		                 "unknown document \"%s\", expected badges, seating, "
		                 "rooming, manifests, welcome or programme",
		                 what);
	for (int i = 0; i < ngiven; i++)
		if (!text_has_word(allowed, given[i]))
			return cli_error(cli, EXIT_USAGE, "--%s does not go with %s",
			                 given[i], what);
	if (!s.path)
		return cli_error(cli, EXIT_USAGE,
		                 "a PDF goes to a file: add -o FILE.pdf");
	struct summit_err err;
	err_clear(&err);
	int status;
	long long n = 0;
	if (strcmp(what, "badges") == 0) {
		struct doc_badge_options o = {s.delegation, s.badge, s.all, s.sheet};
		status = doc_print_badges(cli->db, &o, s.path, &n, &err);
	} else if (strcmp(what, "seating") == 0) {
		status = doc_print_seating(cli->db, &s.order, s.room, (int)s.width,
		                           s.path, &err);
	} else if (strcmp(what, "programme") == 0) {
		status = doc_print_programme(cli->db, s.day, s.path, &err);
	} else {
		status = print_list(cli, what, &s, &err);
	}
	doc_cleanup();
	if (status)
		return cli_fail(cli, &err);
	if (n)
		cli_print(stdout, "wrote %lld badge%s to %s\n", n, n == 1 ? "" : "s",
		          s.path);
	else
		cli_print(stdout, "wrote the %s to %s\n", what, s.path);
	return EXIT_OK;
}
#endif

const struct verb verb_print = {
    .name = "print",
    .usage = "badges|seating|rooming|manifests|welcome|programme [SCOPE] -o FILE.pdf",
    .summary = "the printed documents of the protocol office, as PDF",
    .help = "badges [--delegation CODE | --badge NUMBER] [--all] [--sheet]: A6 badges,\n"
            "  one a page or four to an A4 sheet (--sheet): name, delegation, the\n"
            "  category as a band of its colour (participant blue, observer green,\n"
            "  press orange, staff grey, security red) and the badge number as a QR\n"
            "  code, which a desk's scanner reads into `summit checkin`. Approved,\n"
            "  printed and collected badges, or every one with --all.\n"
            "seating [--room NAME] [--width SEATS] [--letter A-Z] [--host first|last|\n"
            "  in-order] [--french]: the plenary seating plan in protocol order (as\n"
            "  `summit order`), rows of --width seats (10) from the podium, the host\n"
            "  first unless told, marked; then a folded name card per delegation.\n"
            "rooming [--hotel NAME]: per hotel, each delegation's guests, nights and\n"
            "  rooms.\n"
            "manifests [--vehicle CODE] [--day DATE]: per vehicle and day, its trips\n"
            "  with times, places, riders and the flights met.\n"
            "welcome [--day DATE]: per day, the flights landing, the parties on them\n"
            "  and who meets them (both on A4 landscape).\n"
            "programme [--day DATE]: the day's sessions as a grid, rooms across and\n"
            "  hours down, on A4 landscape (every day without --day).\n"
            "Examples:\n"
            "  summit print badges --delegation SEN -o senegal-badges.pdf\n"
            "  summit print seating --room \"Salle Plénière\" --letter K -o seating.pdf\n"
            "  summit print rooming --hotel \"Hôtel Salam\" -o salam.pdf\n"
            "  summit print manifests --day 2007-11-14 -o drivers.pdf\n"
            "  summit print programme --day 2007-11-15 -o programme.pdf",
    .db = VERB_OPENS_DB,
    .helper = "summit-print",
#ifdef SUMMIT_HELPER
    .run = run_print,
#endif
};
