#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "summit/order.h"

static int parse_letter(const struct cli *cli, const char *arg, char *letter)
{
	if (strlen(arg) != 1 ||
	    !((*arg >= 'A' && *arg <= 'Z') || (*arg >= 'a' && *arg <= 'z')))
		return cli_error(cli, EXIT_USAGE,
		                 "--letter: got \"%s\", expected one letter A to Z", arg);
	*letter = (char)(*arg >= 'a' ? *arg - 'a' + 'A' : *arg);
	return 0;
}

static int parse_number(const struct cli *cli, const char *option, const char *arg,
                        long min, long *out)
{
	char *end;
	errno = 0;
	long n = strtol(arg, &end, 10);
	if (errno || end == arg || *end || n < min)
		return cli_error(cli, EXIT_USAGE,
		                 "%s: got \"%s\", expected a whole number of %ld or more",
		                 option, arg, min);
	*out = n;
	return 0;
}

/* A seating plan as text: one line per row, each seat its code. */
static void print_seating_text(const struct order_list *list,
                               const struct order_seat *seats, int width)
{
	int w = 3;
	for (size_t i = 0; i < list->n; i++)
		if (text_width(list->v[i].code) > w)
			w = text_width(list->v[i].code);
	for (size_t i = 0; i < list->n; i++) {
		const struct order_seat *s = &seats[i];
		if (s->seat == 1)
			printf("row %2d ", s->row);
		const char *code = list->v[s->entry].code;
		bool last = s->seat == width || i + 1 == list->n;
		printf(" %s%*s", code, last ? 0 : w - text_width(code), "");
		if (last)
			putchar('\n');
	}
}

static int run_order(struct cli *cli, int argc, char **argv)
{
	static const struct option long_options[] = {
	    {"letter", required_argument, NULL, 'l'},
	    {"seed", required_argument, NULL, 's'},
	    {"french", no_argument, NULL, 'f'},
	    {"host", required_argument, NULL, 'H'},
	    {"seating", required_argument, NULL, 'w'},
	    {"format", required_argument, NULL, 'F'},
	    {NULL, 0, NULL, 0}};
	struct order_options o;
	order_options_init(&o);
	enum output_format format = OUTPUT_TABLE;
	long width = 0, seed = -1;
	bool have_letter = false;
	int c;
	optind = 1;
	while ((c = cli_getopt(cli, argc, argv, "", long_options)) != -1) {
		switch (c) {
		case 'l':
			if (parse_letter(cli, optarg, &o.letter))
				return EXIT_USAGE;
			have_letter = true;
			break;
		case 's':
			if (parse_number(cli, "--seed", optarg, 0, &seed))
				return EXIT_USAGE;
			break;
		case 'f':
			o.french = true;
			break;
		case 'H':
			if (strcmp(optarg, "first") == 0)
				o.host = ORDER_HOST_FIRST;
			else if (strcmp(optarg, "last") == 0)
				o.host = ORDER_HOST_LAST;
			else if (strcmp(optarg, "in-order") == 0)
				o.host = ORDER_HOST_IN_ORDER;
			else
				return cli_error(cli, EXIT_USAGE,
				                 "--host: got \"%s\", expected first, "
				                 "last or in-order",
				                 optarg);
			break;
		case 'w':
			if (parse_number(cli, "--seating", optarg, 1, &width))
				return EXIT_USAGE;
			break;
		case 'F':
			if (cli_format(cli, optarg, OUTPUT_ALL, &format))
				return EXIT_REFUSED;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind != argc)
		return cli_usage(cli);
	if (have_letter && seed >= 0)
		return cli_error(cli, EXIT_USAGE,
		                 "--letter and --seed: give one, not both");
	if (seed >= 0) {
		o.letter = order_draw_letter((unsigned long)seed);
		/* The draw is part of the record: say it, away from the data. */
		fprintf(format == OUTPUT_TABLE ? stdout : stderr,
		        "letter drawn by lot (seed %ld): %c\n", seed, o.letter);
	}
	struct summit_err err = {0};
	struct order_list list;
	if (order_delegations(cli->db, &o, &list, &err))
		return cli_fail(cli, &err);
	int rc = EXIT_OK;
	if (width > 0) {
		struct order_seat *seats;
		if (order_seating(&list, (int)width, &seats, &err)) {
			order_list_free(&list);
			return cli_fail(cli, &err);
		}
		if (format == OUTPUT_TABLE) {
			print_seating_text(&list, seats, (int)width);
		} else {
			static const char *const cols[] = {"row", "seat", "code", "name"};
			struct output *out = output_begin(stdout, format, cols, 4);
			for (size_t i = 0; i < list.n; i++) {
				char row[24], seat[24];
				snprintf(row, sizeof row, "%d", seats[i].row);
				snprintf(seat, sizeof seat, "%d", seats[i].seat);
				const struct order_entry *e = &list.v[seats[i].entry];
				const char *v[] = {row, seat, e->code, e->name};
				output_row(out, v, NULL);
			}
			if (output_end(out))
				rc = cli_error(cli, EXIT_REFUSED,
				               "cannot write the seating plan");
		}
		free(seats);
	} else {
		static const char *const cols[] = {"place", "code",   "name",
		                                   "rank",  "status", "kind"};
		struct output *out = output_begin(stdout, format, cols, 6);
		for (size_t i = 0; i < list.n; i++) {
			char place[24];
			snprintf(place, sizeof place, "%zu", i + 1);
			const struct order_entry *e = &list.v[i];
			const char *v[] = {place,   e->code,   e->name,
			                   e->rank, e->status, e->kind};
			output_row(out, v, NULL);
		}
		if (output_end(out))
			rc = cli_error(cli, EXIT_REFUSED, "cannot write the order");
	}
	order_list_free(&list);
	return rc;
}

const struct verb verb_order = {
    "order",
    "[--letter X | --seed N] [--french] [--host first|last|in-order] [--seating WIDTH] "
    "[--format table|tsv|json|csv]",
    "the order of precedence of the expected delegations, or a plenary seating plan",
    "Orders the expected delegations as protocol seats and calls them: participants\n"
    "before observers and guests, states before organisations, then by the rank of\n"
    "the head of delegation (head of state, head of government, vice-president,\n"
    "minister, deputy minister, ambassador, other), then alphabetically by name\n"
    "starting from a letter drawn by lot (--letter, or --seed N, which draws one\n"
    "and prints it). --french sorts by the French name (name_fr) where given.\n"
    "--host first or last puts the host delegation there. --seating WIDTH lays\n"
    "the order out in rows of WIDTH seats, from the front row, left to right; with\n"
    "--format csv, one line per seat: row, seat, code, name.\n\n"
    "  summit order --seed 2007\n"
    "  summit order --letter K --host first --seating 10\n"
    "  summit order --letter K --seating 10 --format csv > seating.csv",
    VERB_OPENS_DB,
    run_order,
};
