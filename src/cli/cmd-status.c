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

/* Invited, accepted, accredited and attended side by side, for all the
 * delegations, their people, and each status and kind; then who accepted
 * and has not come in yet. */
static void print_attendance(const struct attendance *a)
{
	printf("attendance   ");
	for (int i = 0; i < STAGE_COUNT; i++)
		printf(" %11s", attendance_stage_names[i]);
	printf("   (by %s)\n", a->by);
	printf("  %-13s", "delegations");
	for (int i = 0; i < STAGE_COUNT; i++)
		printf(" %11lld", a->delegations[i]);
	printf("\n  %-13s", "people");
	for (int i = 0; i < STAGE_COUNT; i++)
		printf(" %11lld", a->people[i]);
	putchar('\n');
	for (int g = 0; g < ATTENDANCE_GROUPS; g++) {
		printf("  %-13s", a->groups[g].name);
		for (int i = 0; i < STAGE_COUNT; i++)
			printf(" %11lld", a->groups[g].delegations[i]);
		putchar('\n');
	}
	printf("not in yet    %lld accepted delegation%s", a->nabsent,
	       a->nabsent == 1 ? "" : "s");
	int col = 40;
	const char *sep = ":";
	for (long long i = 0; i < a->nabsent; i++) {
		int n = (int)strlen(a->absent[i].code) + 2;
		if (col + n > 78) {
			printf("%s\n             ", sep);
			col = 13;
		} else {
			fputs(sep, stdout);
		}
		printf(" %s", a->absent[i].code);
		col += n;
		sep = ",";
	}
	putchar('\n');
}

static void print_text(const struct event_status *s, const struct attendance *a)
{
	char need[64], pledged[64], received[64];
	money(need, sizeof need, s->budget_cents, s->currency);
	money(pledged, sizeof pledged, s->pledged_cents, s->currency);
	money(received, sizeof received, s->received_cents, s->currency);
	printf("%s\n%s, %s, %s to %s\n", s->name, s->city, s->country, s->first_day,
	       s->last_day);
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
	print_attendance(a);
	printf("programme     %lld sessions (%lld cancelled)\n", s->sessions,
	       s->sessions_cancelled);
	printf("transport     %lld arrivals, %lld without pickup; %lld trips, %lld "
	       "vehicles\n",
	       s->arrivals, s->arrivals_without_pickup, s->trips, s->vehicles);
	printf("budget        need %s, pledged %s, received %s\n", need, pledged,
	       received);
	printf("tasks         %lld open, %lld overdue\n", s->tasks_open,
	       s->tasks_overdue);
	print_problems(&s->problems);
}

static void print_json(const struct event_status *s, const struct attendance *a)
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
	printf("}},\n \"attendance\": {\"by\": \"%s\"", a->by);
	for (int i = 0; i < STAGE_COUNT; i++)
		printf(", \"%s\": %lld", attendance_stage_names[i], a->delegations[i]);
	for (int i = 0; i < STAGE_COUNT; i++)
		printf(", \"people_%s\": %lld", attendance_stage_names[i], a->people[i]);
	for (int g = 0; g < ATTENDANCE_GROUPS; g++) {
		printf(", \"%s\": {", a->groups[g].name);
		for (int i = 0; i < STAGE_COUNT; i++)
			printf("%s\"%s\": %lld", i ? ", " : "", attendance_stage_names[i],
			       a->groups[g].delegations[i]);
		putchar('}');
	}
	printf(", \"not_in_yet\": [");
	for (long long i = 0; i < a->nabsent; i++) {
		printf("%s", i ? ", " : "");
		output_json_string(stdout, a->absent[i].code);
	}
	printf("]}}\n");
}

static int run_status(struct cli *cli, int argc, char **argv)
{
	enum output_format format = OUTPUT_TABLE;
	const char *by = NULL;
	static const struct option options[] = {{"format", required_argument, NULL, 'f'},
	                                        {"by", required_argument, NULL, 'b'},
	                                        {0}};
	int c;
	while ((c = getopt_long(argc, argv, "f:b:", options, NULL)) != -1)
		if (c == 'b')
			by = optarg;
		else if (c != 'f' ||
		         (strcmp(optarg, "text") != 0 && strcmp(optarg, "json") != 0))
			return cli_usage(cli);
		else
			format = strcmp(optarg, "json") == 0 ? OUTPUT_JSON : OUTPUT_TABLE;
	if (optind != argc)
		return cli_usage(cli);
	struct event_status s;
	struct summit_err err;
	err_clear(&err);
	struct attendance a;
	if (status_read(cli->db, &s, &err) || attendance_read(cli->db, by, &a, &err))
		return cli_fail(cli, &err);
	if (format == OUTPUT_JSON)
		print_json(&s, &a);
	else
		print_text(&s, &a);
	attendance_clear(&a);
	return EXIT_OK;
}

const struct verb verb_status = {
    .name = "status",
    .usage = "[--format text|json] [--by TIME]",
    .summary = "the event's readiness figures on one screen",
    .help = "Days left, invitations by state, accepted delegations without hotel or\n"
            "arrival details (the host delegation, named as the event's country,\n"
            "needs neither), arrivals without pickup, budget need against pledges,\n"
            "open and overdue tasks, and the problems `summit check` finds (with its\n"
            "default thresholds), by severity and kind. \"Today\" is --today or\n"
            "$SUMMIT_TODAY when set.\n"
            "Attendance: delegations invited (an invitation went out), accepted,\n"
            "accredited (a badge approved, printed or collected) and attended (a\n"
            "member checked in by --by TIME, else now), for all, their people, and\n"
            "each status and kind; then the accepted delegations nobody of which has\n"
            "checked in yet.\n"
            "Example:\n"
            "  summit --today 2007-11-07 status\n"
            "  summit status --by \"2007-11-14 10:00\"",
    .db = VERB_OPENS_DB,
    .run = run_status,
};
