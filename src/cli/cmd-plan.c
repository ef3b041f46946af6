#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "summit/planner.h"

/* The planners need GLPK: they run in the helper summit-plan (cli.h), so
 * no other verb loads it. */
#ifdef SUMMIT_HELPER

static int parse_minutes(const struct cli *cli, const char *option, const char *arg,
                         int *out)
{
	char *end;
	errno = 0;
	long n = strtol(arg, &end, 10);
	if (errno || end == arg || *end || n < 0 || n > 24 * 60)
		return cli_error(cli, EXIT_USAGE,
		                 "%s: got \"%s\", expected minutes from 0 to 1440",
		                 option, arg);
	*out = (int)n;
	return 0;
}

struct rooming_out {
	struct output *out;
};

static int rooming_row(const struct planner_rooming *r, void *ctx)
{
	struct rooming_out *o = ctx;
	char nights[64], rooms[32];
	snprintf(nights, sizeof nights, "%lld (%s to %s)", r->nights, r->first_night,
	         r->last_night);
	snprintf(rooms, sizeof rooms, "%lld", r->rooms);
	const char *row[] = {r->hotel, r->code, r->name, r->head ? r->head : "",
	                     nights,   rooms};
	output_row(o->out, row, NULL);
	return 0;
}

static int write_rooming(struct cli *cli, const void *hotel, FILE *out,
                         struct summit_err *err)
{
	static const char *const cols[] = {"hotel", "delegation", "name",
	                                   "head",  "nights",     "rooms"};
	struct rooming_out o = {output_begin(out, OUTPUT_CSV, cols, 6)};
	int status = planner_rooming_list(cli->db, *(const long long *)hotel, rooming_row,
	                                  &o, err);
	int ended = output_end(o.out);
	return status  ? status
	       : ended ? err_set(err, SUMMIT_FAILED, "cannot write the rooming list")
	               : SUMMIT_OK;
}

static int run_rooming(struct cli *cli, int argc, char **argv)
{
	static const struct option long_options[] = {
	    {"hotel", required_argument, NULL, 'h'},
	    {"output", required_argument, NULL, 'o'},
	    {NULL, 0, NULL, 0}};
	const char *hotel = NULL, *path = NULL;
	int c;
	optind = 1;
	while ((c = cli_getopt(cli, argc, argv, "o:", long_options)) != -1) {
		if (c == 'h')
			hotel = optarg;
		else if (c == 'o')
			path = optarg;
		else
			return EXIT_USAGE;
	}
	if (optind != argc)
		return cli_usage(cli);
	struct summit_err err = {0};
	long long id = 0;
	if (hotel && record_find(cli->db, &kind_hotels, hotel, &id, &err))
		return cli_fail(cli, &err);
	return cli_write_to(cli, write_rooming, &id, path);
}

static int run_undo(struct cli *cli, int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return cli_usage(cli);
	struct summit_err err = {0};
	long long plan, changes;
	const char *name;
	if (planner_undo(cli->db, &plan, &name, &changes, &err))
		return cli_fail(cli, &err);
	cli_print(stdout, "undid plan %lld (%s): %lld change%s put back\n", plan, name,
	          changes, changes == 1 ? "" : "s");
	return EXIT_OK;
}

typedef int (*planner_fn)(struct summit_db *, const struct planner_options *,
                          struct planner_plan *, struct summit_err *);

static int run_planner(struct cli *cli, const char *name, planner_fn fn, int argc,
                       char **argv)
{
	static const struct option long_options[] = {
	    {"apply", no_argument, NULL, 'a'},
	    {"start-over", no_argument, NULL, 's'},
	    {"format", required_argument, NULL, 'F'},
	    {"time-limit", required_argument, NULL, 't'},
	    {"window", required_argument, NULL, 'w'},
	    {"pickup-margin", required_argument, NULL, 'p'},
	    {"departure-margin", required_argument, NULL, 'd'},
	    {"minister-cars", no_argument, NULL, 'm'},
	    {"lead", required_argument, NULL, 'l'},
	    {"spread", required_argument, NULL, 'S'},
	    {"people-per-room", required_argument, NULL, 'r'},
	    {NULL, 0, NULL, 0}};
	struct planner_options o;
	struct summit_err err;
	err_clear(&err);
	if (planner_options_init(cli->db, &o, &err))
		return cli_fail(cli, &err);
	enum output_format format = OUTPUT_TABLE;
	bool apply = false;
	int c;
	optind = 1;
	while ((c = cli_getopt(cli, argc, argv, "", long_options)) != -1) {
		char *end;
		switch (c) {
		case 'a':
			apply = true;
			break;
		case 's':
			o.start_over = true;
			break;
		case 'F':
			if (cli_format(cli, optarg, OUTPUT_TEXT, &format))
				return EXIT_REFUSED;
			break;
		case 't':
			errno = 0;
			o.time_limit = strtod(optarg, &end);
			if (errno || end == optarg || *end || !(o.time_limit > 0) ||
			    o.time_limit > 3600)
				return cli_error(cli, EXIT_USAGE,
				                 "--time-limit: got \"%s\", expected "
				                 "seconds above 0, at "
				                 "most 3600",
				                 optarg);
			break;
		case 'w':
			if (parse_minutes(cli, "--window", optarg, &o.window))
				return EXIT_USAGE;
			break;
		case 'p':
			if (parse_minutes(cli, "--pickup-margin", optarg,
			                  &o.pickup_margin))
				return EXIT_USAGE;
			break;
		case 'd':
			if (parse_minutes(cli, "--departure-margin", optarg,
			                  &o.departure_margin))
				return EXIT_USAGE;
			break;
		case 'm':
			o.minister_cars = true;
			break;
		case 'l':
			if (parse_minutes(cli, "--lead", optarg, &o.shuttle_lead))
				return EXIT_USAGE;
			break;
		case 'S':
			if (parse_minutes(cli, "--spread", optarg, &o.shuttle_spread))
				return EXIT_USAGE;
			break;
		case 'r':
			errno = 0;
			o.people_per_room = strtod(optarg, &end);
			if (errno || end == optarg || *end || !(o.people_per_room >= 1) ||
			    o.people_per_room > 10)
				return cli_error(cli, EXIT_USAGE,
				                 "--people-per-room: got \"%s\", "
				                 "expected a number from 1 "
				                 "to 10, like 2 or 1.5",
				                 optarg);
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind != argc)
		return cli_usage(cli);
	err_clear(&err);
	struct planner_plan plan;
	planner_plan_init(&plan, name);
	if (fn(cli->db, &o, &plan, &err)) {
		planner_plan_free(&plan);
		return cli_fail(cli, &err);
	}
	long long applied = 0;
	if (apply && plan.n && planner_apply(cli->db, &plan, &applied, &err)) {
		planner_plan_free(&plan);
		return cli_fail(cli, &err);
	}
	int rc = plan_print(cli, &plan, format, applied);
	planner_plan_free(&plan);
	return rc;
}

/* Links GLPK's solver into this helper (planner_internal.h): the core
 * reaches it by a weak reference. */
bool planner_mip_linked(void);

static int run_plan(struct cli *cli, int argc, char **argv)
{
	(void)planner_mip_linked();
	if (argc < 2)
		return cli_usage(cli);
	const char *what = argv[1];
	if (strcmp(what, "hotels") == 0)
		return run_planner(cli, "hotels", planner_hotels, argc - 1, argv + 1);
	if (strcmp(what, "pickups") == 0)
		return run_planner(cli, "pickups", planner_pickups, argc - 1, argv + 1);
	if (strcmp(what, "shuttles") == 0)
		return run_planner(cli, "shuttles", planner_shuttles, argc - 1, argv + 1);
	if (strcmp(what, "undo") == 0)
		return run_undo(cli, argc - 1, argv + 1);
	if (strcmp(what, "rooming") == 0)
		return run_rooming(cli, argc - 1, argv + 1);
	return cli_error(
	    cli, EXIT_USAGE,
	    "unknown planner \"%s\", expected hotels, pickups, shuttles, undo or "
	    "rooming",
	    what);
}

#endif

const struct verb verb_plan = {
    "plan",
    "hotels|pickups|shuttles [--apply] [--start-over] [--format table|tsv|json] "
    "[OPTIONS] | undo "
    "| "
    "rooming [--hotel NAME] [-o FILE]",
    "propose hotel nights, airport pickups or shuttles, apply them, undo the last plan",
    "A planner proposes: it prints the records it would add, change and remove,\n"
    "what it could not place (per place and day), and its quality against a bound\n"
    "it computed, as a number and a gap. --apply writes the plan in one transaction,\n"
    "through the same rules as `summit add`; `summit plan undo` puts the last\n"
    "applied plan back, refused when a record it touched changed since. Existing\n"
    "records are kept unless --start-over; records with locked=yes never move.\n\n"
    "hotels: rooms for every expected delegation with flights, for each night in\n"
    "town (three rooms for four people, or --people-per-room N), one hotel for the whole "
    "stay\n"
    "where possible (split only when no hotel has room, and said so), within each\n"
    "block per night; heads of state and government, then ministers, in hotels\n"
    "with preferred=yes; otherwise the shortest travel to the venue weighted by\n"
    "size. An integer program solved by GLPK within --time-limit seconds (5) from\n"
    "a greedy start, then a local search; the bound is its LP relaxation.\n\n"
    "pickups: a trip from the airport for every arrival without a pickup and to\n"
    "the airport for every departure without one. Landings of one delegation\n"
    "within --window minutes (30) share vehicles by capacity; heads of state and\n"
    "government ride a dedicated car (ministers too with --minister-cars); a pickup\n"
    "leaves --pickup-margin minutes (30) after the last landing, a departure trip\n"
    "reaches the airport --departure-margin minutes (120) before the flight; a\n"
    "vehicle is taken only when free, counting the drive back. The bound is the\n"
    "fewest trips any plan needs.\n\n"
    "shuttles: each day, runs from every hotel to the venue so that its guests\n"
    "arrive --lead minutes (15) before the first session they must attend, and\n"
    "back after the last, on the vehicles free at the time, the largest first,\n"
    "in rounds within --spread minutes (60) of that time. A\n"
    "hotel's day that has shuttles already is kept unless --start-over. The bound\n"
    "is each hotel's guests, morning and evening, over the largest vehicle.\n\n"
    "rooming: the rooming list of each hotel (or --hotel NAME) as CSV: hotel,\n"
    "delegation, name, head, nights, rooms.\n\n"
    "  summit plan hotels\n"
    "  summit plan hotels --apply\n"
    "  summit plan pickups --window 45 --apply\n"
    "  summit plan undo\n"
    "  summit plan rooming --hotel \"Hôtel Salam\" -o salam.csv",
    VERB_OPENS_DB,
    .helper = "summit-plan",
#ifdef SUMMIT_HELPER
    .run = run_plan,
#endif
};
