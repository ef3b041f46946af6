#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum check_format { CHECK_TEXT, CHECK_TSV, CHECK_JSON };

struct report {
	enum check_format format;
	struct output *tsv;
	long long errors, warnings;
	/* text: lines kept to align the kinds */
	char **severity_kind, **messages;
	const char **kinds;
	size_t n, cap;
};

/* "delegation BEN (Benin); session #1 (Opening ceremony)" */
static char *subjects_text(const struct check_problem *p)
{
	struct strbuf sb = {0};
	strbuf_add(&sb, "");
	for (size_t i = 0; i < p->nsubjects; i++) {
		char *text = check_subject_text(&p->subjects[i]);
		strbuf_addf(&sb, "%s%s", i ? "; " : "", text);
		free(text);
	}
	return strbuf_take(&sb);
}

static void print_json(const struct check_problem *p, bool first)
{
	fputs(first ? "\n {" : ",\n {", stdout);
	fputs("\"severity\": ", stdout);
	output_json_string(stdout, check_severity_name(p->kind->severity));
	fputs(", \"kind\": ", stdout);
	output_json_string(stdout, p->kind->name);
	fputs(", \"subjects\": [", stdout);
	for (size_t i = 0; i < p->nsubjects; i++) {
		const struct check_subject *s = &p->subjects[i];
		fputs(i ? ", {\"kind\": " : "{\"kind\": ", stdout);
		output_json_string(stdout, s->kind->singular);
		printf(", \"id\": %lld, \"key\": ", s->id);
		if (s->key)
			output_json_string(stdout, s->key);
		else
			fputs("null", stdout);
		fputs(", \"name\": ", stdout);
		if (s->name)
			output_json_string(stdout, s->name);
		else
			fputs("null", stdout);
		putchar('}');
	}
	fputs("], \"first_day\": ", stdout);
	if (*p->first_day)
		output_json_string(stdout, p->first_day);
	else
		fputs("null", stdout);
	fputs(", \"last_day\": ", stdout);
	if (*p->last_day)
		output_json_string(stdout, p->last_day);
	else
		fputs("null", stdout);
	fputs(", \"message\": ", stdout);
	output_json_string(stdout, p->message);
	putchar('}');
}

static int report_problem(const struct check_problem *p, void *ctx)
{
	struct report *r = ctx;
	bool first = r->errors + r->warnings == 0;
	if (p->kind->severity == CHECK_ERROR)
		r->errors++;
	else
		r->warnings++;
	if (r->format == CHECK_JSON) {
		print_json(p, first);
	} else if (r->format == CHECK_TSV) {
		char *subjects = subjects_text(p);
		const char *row[] = {check_severity_name(p->kind->severity),
		                     p->kind->name, subjects, p->message};
		output_row(r->tsv, row, NULL);
		free(subjects);
	} else {
		if (r->n == r->cap) {
			r->cap = r->cap ? r->cap * 2 : 32;
			r->severity_kind =
			    xrealloc(r->severity_kind, r->cap * sizeof *r->severity_kind);
			r->messages = xrealloc(r->messages, r->cap * sizeof *r->messages);
			r->kinds = xrealloc(r->kinds, r->cap * sizeof *r->kinds);
		}
		r->severity_kind[r->n] = xstrdup(check_severity_name(p->kind->severity));
		r->kinds[r->n] = p->kind->name;
		r->messages[r->n++] = xstrdup(p->message);
	}
	return 0;
}

static void print_text(struct report *r)
{
	int width = 0;
	for (size_t i = 0; i < r->n; i++)
		if ((int)strlen(r->kinds[i]) > width)
			width = (int)strlen(r->kinds[i]);
	for (size_t i = 0; i < r->n; i++) {
		cli_print(stdout, "%-7s  %-*s  %s\n", r->severity_kind[i], width,
		          r->kinds[i], r->messages[i]);
		free(r->severity_kind[i]);
		free(r->messages[i]);
	}
	if (r->n)
		putchar('\n');
	if (r->errors + r->warnings == 0)
		puts("No problems found.");
	else
		printf("%lld error%s, %lld warning%s\n", r->errors,
		       r->errors == 1 ? "" : "s", r->warnings,
		       r->warnings == 1 ? "" : "s");
	free(r->severity_kind);
	free(r->messages);
	free(r->kinds);
}

static int number_option(struct cli *cli, const char *name, const char *text, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (errno || end == text || *end || v < 0 || v > 100000)
		return cli_error(
		    cli, EXIT_REFUSED, "--%s: got \"%s\", expected a whole number of %s",
		    name, text, strcmp(name, "pickup-margin") == 0 ? "minutes" : "days");
	*out = (int)v;
	return EXIT_OK;
}

static int unknown_kind(struct cli *cli, const char *name)
{
	struct strbuf names = {0};
	for (size_t i = 0; i < CHECK_KIND_COUNT; i++)
		strbuf_addf(&names, "%s%s", i ? ", " : "", check_kinds[i].name);
	cli_error(cli, EXIT_REFUSED, "--only: got \"%s\", expected one of: %s", name,
	          names.buf);
	strbuf_free(&names);
	return EXIT_REFUSED;
}

static int run_check(struct cli *cli, int argc, char **argv)
{
	struct check_options opt;
	check_options_init(&opt);
	struct report r = {CHECK_TEXT};
	const char **only = xcalloc((size_t)argc + CHECK_KIND_COUNT, sizeof *only);
	char *copies[64];
	size_t ncopies = 0;
	static const struct option options[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"only", required_argument, NULL, 'o'},
	    {"day", required_argument, NULL, 'd'},
	    {"pickup-margin", required_argument, NULL, 'p'},
	    {"arrival-days", required_argument, NULL, 'a'},
	    {0},
	};
	int c, code = EXIT_OK;
	while (code == EXIT_OK &&
	       (c = cli_getopt(cli, argc, argv, "f:o:d:p:a:", options)) != -1) {
		int y, m, d;
		switch (c) {
		case 'f': {
			enum output_format f = OUTPUT_TABLE;
			code = cli_format(cli, optarg, OUTPUT_TEXT, &f);
			r.format = f == OUTPUT_TSV    ? CHECK_TSV
			           : f == OUTPUT_JSON ? CHECK_JSON
			                              : CHECK_TEXT;
			break;
		}
		case 'o': {
			/* Several kinds: repeated, or separated by commas. */
			if (ncopies == sizeof copies / sizeof copies[0]) {
				code = cli_usage(cli);
				break;
			}
			char *list = copies[ncopies++] = xstrdup(optarg), *save = NULL;
			for (char *k = strtok_r(list, ",", &save); k && code == EXIT_OK;
			     k = strtok_r(NULL, ",", &save)) {
				if (!check_kind_find(k))
					code = unknown_kind(cli, k);
				else if (opt.nonly < (size_t)argc + CHECK_KIND_COUNT)
					only[opt.nonly++] = k;
			}
			break;
		}
		case 'd':
			if (!when_parse_date(optarg, &y, &m, &d))
				code = cli_error(
				    cli, EXIT_REFUSED,
				    "--day: got \"%s\", expected a date as YYYY-MM-DD",
				    optarg);
			opt.day = optarg;
			break;
		case 'p':
			code = number_option(cli, "pickup-margin", optarg,
			                     &opt.pickup_margin);
			break;
		case 'a':
			code =
			    number_option(cli, "arrival-days", optarg, &opt.arrival_days);
			break;
		default:
			code = EXIT_USAGE;
		}
	}
	if (code == EXIT_OK && optind != argc)
		code = cli_usage(cli);
	if (code == EXIT_OK) {
		opt.only = only;
		static const char *const columns[] = {"severity", "kind", "subjects",
		                                      "message"};
		if (r.format == CHECK_TSV)
			r.tsv = output_begin(stdout, OUTPUT_TSV, columns, 4);
		else if (r.format == CHECK_JSON)
			fputs("[", stdout);
		struct summit_err err;
		err_clear(&err);
		int status = check_run(cli->db, &opt, report_problem, &r, &err);
		int failed = 0;
		if (r.format == CHECK_TSV)
			failed = output_end(r.tsv);
		else if (r.format == CHECK_JSON)
			fputs(r.errors + r.warnings ? "\n]\n" : "]\n", stdout);
		else
			print_text(&r);
		failed |= fflush(stdout) != 0;
		if (status)
			code = cli_fail(cli, &err);
		else if (failed)
			code = cli_error(cli, EXIT_REFUSED, "cannot write the output");
		else
			code = r.errors ? EXIT_REFUSED : EXIT_OK;
	}
	for (size_t i = 0; i < ncopies; i++)
		free(copies[i]);
	free(only);
	return code;
}

const struct verb verb_check = {
    .name = "check",
    .usage = "[--format table|tsv|json] [--only KIND,...] [--day DATE] "
             "[--pickup-margin MINUTES] [--arrival-days DAYS]",
    .summary = "list every problem: what is wrong, where, how badly",
    .help = "Lists each problem with its severity (error: will go wrong as planned;\n"
            "warning: not ready yet), its kind, the records involved and one sentence.\n"
            "Exit status 0 when no error is listed, 1 otherwise. --format tsv prints a\n"
            "header row, then severity, kind, subjects and message; --format json an\n"
            "array of problems. --only keeps some kinds; --day the problems on a date\n"
            "(leaving out those tied to no date: invitations, pledges, tasks).\n"
            "--pickup-margin is the minutes a pickup waits after landing, --arrival-days\n"
            "the days before the event when arrival details are due, for this run\n"
            "instead of the event's settings pickup_margin and arrival_days (20 and 7\n"
            "unless set: summit set event pickup_margin=30). \"Today\" is --today or\n"
            "$SUMMIT_TODAY when set, else the clock's date in the event's time zone.\n"
            "Kinds: room-double-booked, room-too-small, session-outside-event,\n"
            "delegation-double-booked, late-arrival, shuttle-late, hotel-overbooked,\n"
            "no-hotel, hotel-split, no-pickup, pickup-early, vehicle-too-small,\n"
            "vehicle-double-booked, driver-double-booked, trip-too-short,\n"
            "invitation-unanswered, arrival-details-missing, head-without-car,\n"
            "pledges-short, pledge-not-received, task-overdue.\n"
            "A delegation is expected when it accepted its invitation or has none; it\n"
            "must attend the sessions that list it and the plenaries and ceremonies\n"
            "open to it (guests only when listed), and comes in full to those; to open\n"
            "working groups and side events it sends at least one person. A session's\n"
            "own expected number, when set, is used instead (the Programme shows the\n"
            "same figure). The host (named as the event's country) and delegations\n"
            "with in_town=yes live in town: they need no hotel, flight or car.\n"
            "Examples:\n"
            "  summit --today 2007-11-07 check\n"
            "  summit check --only no-pickup,pickup-early --day 2007-11-13\n"
            "  summit check --format tsv | cut -f1,2,4",
    .db = VERB_OPENS_DB,
    .run = run_check,
};
