#include <getopt.h>
#include <string.h>

#include "cli.h"

static void money(char *out, size_t size, long long cents, const char *currency)
{
	snprintf(out, size, "%lld%s%s", cents / 100, *currency ? " " : "", currency);
}

/* "problems      3 errors, 15 warnings: late-arrival 2, ..." wrapped
 * under the figures' column. */
static void print_problems(const struct check_counts *p)
{
	int col =
	    printf("problems      %lld error%s, %lld warning%s", p->errors,
	           p->errors == 1 ? "" : "s", p->warnings, p->warnings == 1 ? "" : "s");
	const char *sep = ":";
	for (size_t i = 0; i < CHECK_KINDS; i++) {
		if (!p->by_kind[i])
			continue;
		char item[64];
		int n = snprintf(item, sizeof item, " %s %lld", check_kinds[i].name,
		                 p->by_kind[i]);
		if (col + (int)strlen(sep) + n > 78) {
			printf("%s\n             ", sep);
			col = 13;
		} else {
			fputs(sep, stdout);
			col += (int)strlen(sep);
		}
		fputs(item, stdout);
		col += n;
		sep = ",";
	}
	putchar('\n');
	if (p->errors + p->warnings)
		puts("              (`summit check` lists them)");
}

static void print_text(const struct event_status *s)
{
	char need[64], pledged[64], received[64];
	money(need, sizeof need, s->budget_cents, s->currency);
	money(pledged, sizeof pledged, s->pledged_cents, s->currency);
	money(received, sizeof received, s->received_cents, s->currency);
	cli_print(stdout, "%s\n%s, %s, %s to %s\n", s->name, s->city, s->country,
	          s->first_day, s->last_day);
	if (s->days_left > 0)
		printf("%ld days left (today is %s)\n\n", s->days_left, s->today);
	else
		printf("under way or over (today is %s)\n\n", s->today);
	printf("delegations   %lld (%lld participants, %lld observers, %lld guests), "
	       "%lld people\n",
	       s->delegations, s->participants, s->observers, s->guests, s->people);
	printf("invitations  ");
	for (int i = 0; i < STATUS_INVITATION_STATES; i++)
		printf(" %s %lld%s", invitation_states[i], s->invitations[i],
		       i + 1 < STATUS_INVITATION_STATES ? "," : "\n");
	printf("accepted      %lld: %lld without hotel, %lld without arrival details\n",
	       s->accepted, s->accepted_without_hotel, s->accepted_without_arrival);
	printf("programme     %lld sessions (%lld cancelled)\n", s->sessions,
	       s->sessions_cancelled);
	printf("transport     %lld arrivals, %lld without pickup; %lld trips, %lld "
	       "vehicles\n",
	       s->arrivals, s->arrivals_without_pickup, s->trips, s->vehicles);
	cli_print(stdout, "budget        need %s, pledged %s, received %s\n", need,
	          pledged, received);
	printf("tasks         %lld open, %lld overdue\n", s->tasks_open,
	       s->tasks_overdue);
	print_problems(&s->problems);
}

static void print_json(const struct event_status *s)
{
	printf("{\"today\": \"%s\", \"first_day\": \"%s\", \"last_day\": \"%s\", "
	       "\"days_left\": %ld,\n",
	       s->today, s->first_day, s->last_day, s->days_left);
	printf(" \"delegations\": %lld, \"participants\": %lld, \"observers\": %lld, "
	       "\"guests\": %lld, \"people\": %lld,\n",
	       s->delegations, s->participants, s->observers, s->guests, s->people);
	printf(" \"invitations\": {");
	for (int i = 0; i < STATUS_INVITATION_STATES; i++)
		printf("%s\"%s\": %lld", i ? ", " : "", invitation_states[i],
		       s->invitations[i]);
	printf("},\n \"accepted\": %lld, \"accepted_without_hotel\": %lld, "
	       "\"accepted_without_arrival\": %lld,\n",
	       s->accepted, s->accepted_without_hotel, s->accepted_without_arrival);
	printf(
	    " \"sessions\": %lld, \"sessions_cancelled\": %lld, \"arrivals\": %lld, "
	    "\"arrivals_without_pickup\": %lld, \"trips\": %lld, \"vehicles\": %lld,\n",
	    s->sessions, s->sessions_cancelled, s->arrivals, s->arrivals_without_pickup,
	    s->trips, s->vehicles);
	printf(" \"budget\": %.2f, \"pledged\": %.2f, \"received\": %.2f, "
	       "\"tasks_open\": %lld, \"tasks_overdue\": %lld,\n",
	       s->budget_cents / 100.0, s->pledged_cents / 100.0,
	       s->received_cents / 100.0, s->tasks_open, s->tasks_overdue);
	printf(" \"problems\": {\"errors\": %lld, \"warnings\": %lld, \"kinds\": {",
	       s->problems.errors, s->problems.warnings);
	for (size_t i = 0; i < CHECK_KINDS; i++)
		printf("%s\"%s\": %lld", i ? ", " : "", check_kinds[i].name,
		       s->problems.by_kind[i]);
	printf("}}}\n");
}

static int run_status(struct cli *cli, int argc, char **argv)
{
	enum output_format format = OUTPUT_TABLE;
	static const struct option options[] = {{"format", required_argument, NULL, 'f'},
	                                        {0}};
	int c;
	while ((c = getopt_long(argc, argv, "f:", options, NULL)) != -1)
		if (c != 'f' ||
		    (strcmp(optarg, "text") != 0 && strcmp(optarg, "json") != 0))
			return cli_usage(cli);
		else
			format = strcmp(optarg, "json") == 0 ? OUTPUT_JSON : OUTPUT_TABLE;
	if (optind != argc)
		return cli_usage(cli);
	struct event_status s;
	struct summit_err err;
	err_clear(&err);
	if (status_read(cli->db, &s, &err))
		return cli_fail(cli, &err);
	if (format == OUTPUT_JSON)
		print_json(&s);
	else
		print_text(&s);
	return EXIT_OK;
}

const struct verb verb_status = {
    .name = "status",
    .usage = "[--format text|json]",
    .summary = "the event's readiness figures on one screen",
    .help = "Days left, invitations by state, accepted delegations without hotel or\n"
            "arrival details (the host delegation, named as the event's country,\n"
            "needs neither), arrivals without pickup, budget need against pledges,\n"
            "open and overdue tasks, and the problems `summit check` finds (with its\n"
            "default thresholds), by severity and kind. \"Today\" is --today or\n"
            "$SUMMIT_TODAY when set.\n"
            "Example:\n"
            "  summit --today 2007-11-07 status",
    .db = VERB_OPENS_DB,
    .run = run_status,
};
