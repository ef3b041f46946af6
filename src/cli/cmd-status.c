#include <getopt.h>
#include <string.h>

#include "cli.h"

/* "problems      3 errors, 15 warnings: late-arrival 2, ..." wrapped
 * under the figures' column. */
static void print_problems(const struct check_counts *p)
{
	int col =
	    printf("problems      %lld error%s, %lld warning%s", p->errors,
	           p->errors == 1 ? "" : "s", p->warnings, p->warnings == 1 ? "" : "s");
	const char *sep = ":";
	for (size_t i = 0; i < CHECK_KIND_COUNT; i++) {
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
	text_money(s->budget_cents, s->currency, need, sizeof need);
	text_money(s->pledged_cents, s->currency, pledged, sizeof pledged);
	text_money(s->received_cents, s->currency, received, sizeof received);
	cli_print(stdout, "%s\n%s, %s, %s to %s\n", s->name, s->city, s->country,
	          s->first_day, s->last_day);
	char when[64];
	status_when(s, when, sizeof when);
	printf("%s (today is %s)\n\n", when, s->today);
	printf("delegations   %lld (%lld participants, %lld observers, %lld guests), "
	       "%lld people\n",
	       s->delegations, s->participants, s->observers, s->guests, s->people);
	printf("invitations  ");
	for (int i = 0; i < INVITATION_STATE_COUNT; i++)
		printf(" %s %lld%s", invitation_states[i], s->invitations[i],
		       i + 1 < INVITATION_STATE_COUNT ? "," : "\n");
	printf("accepted      %lld: %lld without hotel, %lld without arrival details\n",
	       s->accepted, s->accepted_without_hotel, s->accepted_without_arrival);
	print_attendance(a);
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

static void print_json(const struct event_status *s, const struct attendance *a)
{
	printf("{\"today\": \"%s\", \"first_day\": \"%s\", \"last_day\": \"%s\", "
	       "\"days_left\": %ld,\n",
	       s->today, s->first_day, s->last_day, s->days_left);
	printf(" \"delegations\": %lld, \"participants\": %lld, \"observers\": %lld, "
	       "\"guests\": %lld, \"people\": %lld,\n",
	       s->delegations, s->participants, s->observers, s->guests, s->people);
	printf(" \"invitations\": {");
	for (int i = 0; i < INVITATION_STATE_COUNT; i++)
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
	for (size_t i = 0; i < CHECK_KIND_COUNT; i++)
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

/* One figure a row, named as in the JSON ("invitations.accepted"), for
 * scripts that cut and grep. */
static void print_tsv(const struct event_status *s, const struct attendance *a)
{
	struct output *o =
	    output_begin(stdout, OUTPUT_TSV, (const char *const[]){"figure", "value"}, 2);
	char value[64], name[96];
#define ROW(label, ...)                                                                  \
	do {                                                                             \
		snprintf(value, sizeof value, __VA_ARGS__);                              \
		output_row(o, (const char *const[]){label, value}, NULL);                \
	} while (0)
	ROW("today", "%s", s->today);
	ROW("first_day", "%s", s->first_day);
	ROW("last_day", "%s", s->last_day);
	ROW("days_left", "%ld", s->days_left);
	ROW("delegations", "%lld", s->delegations);
	ROW("participants", "%lld", s->participants);
	ROW("observers", "%lld", s->observers);
	ROW("guests", "%lld", s->guests);
	ROW("people", "%lld", s->people);
	for (int i = 0; i < INVITATION_STATE_COUNT; i++) {
		snprintf(name, sizeof name, "invitations.%s", invitation_states[i]);
		ROW(name, "%lld", s->invitations[i]);
	}
	ROW("accepted", "%lld", s->accepted);
	ROW("accepted_without_hotel", "%lld", s->accepted_without_hotel);
	ROW("accepted_without_arrival", "%lld", s->accepted_without_arrival);
	ROW("sessions", "%lld", s->sessions);
	ROW("sessions_cancelled", "%lld", s->sessions_cancelled);
	ROW("arrivals", "%lld", s->arrivals);
	ROW("arrivals_without_pickup", "%lld", s->arrivals_without_pickup);
	ROW("trips", "%lld", s->trips);
	ROW("vehicles", "%lld", s->vehicles);
	ROW("budget", "%.2f", s->budget_cents / 100.0);
	ROW("pledged", "%.2f", s->pledged_cents / 100.0);
	ROW("received", "%.2f", s->received_cents / 100.0);
	ROW("tasks_open", "%lld", s->tasks_open);
	ROW("tasks_overdue", "%lld", s->tasks_overdue);
	ROW("problems.errors", "%lld", s->problems.errors);
	ROW("problems.warnings", "%lld", s->problems.warnings);
	for (size_t i = 0; i < CHECK_KIND_COUNT; i++) {
		snprintf(name, sizeof name, "problems.%s", check_kinds[i].name);
		ROW(name, "%lld", s->problems.by_kind[i]);
	}
	ROW("attendance.by", "%s", a->by);
	for (int i = 0; i < STAGE_COUNT; i++) {
		snprintf(name, sizeof name, "attendance.%s", attendance_stage_names[i]);
		ROW(name, "%lld", a->delegations[i]);
		snprintf(name, sizeof name, "attendance.people_%s",
		         attendance_stage_names[i]);
		ROW(name, "%lld", a->people[i]);
	}
	for (int g = 0; g < ATTENDANCE_GROUPS; g++)
		for (int i = 0; i < STAGE_COUNT; i++) {
			snprintf(name, sizeof name, "attendance.%s.%s", a->groups[g].name,
			         attendance_stage_names[i]);
			ROW(name, "%lld", a->groups[g].delegations[i]);
		}
	ROW("attendance.not_in_yet", "%lld", a->nabsent);
#undef ROW
	output_end(o);
}

static int run_status(struct cli *cli, int argc, char **argv)
{
	enum output_format format = OUTPUT_TABLE;
	const char *by = NULL;
	static const struct option options[] = {{"format", required_argument, NULL, 'f'},
	                                        {"by", required_argument, NULL, 'b'},
	                                        {0}};
	int c;
	while ((c = cli_getopt(cli, argc, argv, "f:b:", options)) != -1) {
		if (c == 'b') {
			by = optarg;
			continue;
		}
		if (c != 'f')
			return EXIT_USAGE;
		if (cli_format(cli, optarg, OUTPUT_TEXT, &format))
			return EXIT_REFUSED;
	}
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
	else if (format == OUTPUT_TSV)
		print_tsv(&s, &a);
	else
		print_text(&s, &a);
	attendance_clear(&a);
	return fflush(stdout) ? cli_error(cli, EXIT_REFUSED, "cannot write the output")
	                      : EXIT_OK;
}

const struct verb verb_status = {
    .name = "status",
    .usage = "[--format table|tsv|json] [--by TIME]",
    .summary = "the event's readiness figures on one screen",
    .help = "Days left, invitations by state, accepted delegations without hotel\n"
            "(the delegations check's no-hotel names) or arrival details (those living\n"
            "in town, the host and in_town=yes, need neither), arrivals without\n"
            "pickup, budget need against pledges, open and overdue tasks, and the\n"
            "problems `summit check` finds (with the event's settings), by severity and\n"
            "kind. \"Today\" is --today or $SUMMIT_TODAY when set, else the clock's\n"
            "date in the event's time zone.\n"
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
