#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "summit/doc.h"

#ifdef SUMMIT_HELPER
static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);
	return n >= t && strcmp(s + n - t, tail) == 0;
}

static int write_markdown(struct cli *cli, const void *doc, FILE *out,
                          struct summit_err *err)
{
	(void)cli;
	(void)err; /* a failed write is the stream's error, named by cli_write_to */
	return report_write_markdown(doc, out) ? SUMMIT_FAILED : SUMMIT_OK;
}

static int run_report(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"output", required_argument, NULL, 'o'},
	    {0},
	};
	const char *format = NULL, *path = NULL;
	int c;
	while ((c = cli_getopt(cli, argc, argv, "f:o:", options)) != -1) {
		if (c == 'f')
			format = optarg;
		else if (c == 'o')
			path = optarg;
		else
			return EXIT_USAGE;
	}
	if (optind != argc)
		return cli_usage(cli);
	if (!format)
		format = path && ends_with(path, ".pdf") ? "pdf" : "markdown";
	bool pdf = strcmp(format, "pdf") == 0;
	if (!pdf && strcmp(format, "markdown") != 0)
		return cli_error(cli, EXIT_USAGE,
		                 "--format: got \"%s\", expected markdown or pdf",
		                 format);
	if (pdf && !path)
		return cli_error(cli, EXIT_USAGE,
		                 "a PDF goes to a file: add -o FILE.pdf");
	struct report_doc doc = {0};
	struct summit_err err;
	err_clear(&err);
	int status = report_event(cli->db, &doc, &err);
	if (!status && pdf) {
		status = doc_write_pdf(&doc, false, path, &err);
	} else if (!status) {
		int code = cli_write_to(cli, write_markdown, &doc, path);
		report_free(&doc);
		if (code != EXIT_OK)
			return code;
		if (path)
			cli_print(stdout, "wrote the report to %s\n", path);
		return EXIT_OK;
	}
	report_free(&doc);
	if (pdf)
		doc_cleanup();
	if (status)
		return cli_fail(cli, &err);
	if (path)
		cli_print(stdout, "wrote the report to %s\n", path);
	return EXIT_OK;
}
#endif

const struct verb verb_report = {
    .name = "report",
    .usage = "[--format markdown|pdf] [-o FILE]",
    .summary = "the post-event report, as Markdown or PDF",
    .help = "What a host sends to its ministry and to the next host: invitations and\n"
            "their outcome (\"Of the 12 states invited, 6 attended\"), by status and\n"
            "kind, with the channels used and who went through whom; attendance by\n"
            "day and, where rooms had door scans, by session; the heads of state and\n"
            "government and when they first checked in; late arrivals (check's\n"
            "late-arrival) and what they changed: the sessions missed, the room-nights\n"
            "held before they landed, the trips that met them; the programme as\n"
            "held (cancellations); hotel room-nights held against used; transport\n"
            "(trips, riders); the budget (need, pledged, received, shortfall); and the\n"
            "problems `summit check` still finds. Markdown goes to the standard output\n"
            "or -o FILE; a PDF (A4) needs -o, and -o FILE.pdf alone means PDF.\n"
            "Examples:\n"
            "  summit report > report.md\n"
            "  summit report --format pdf -o report.pdf",
    .db = VERB_OPENS_DB,
    .helper = "summit-report",
#ifdef SUMMIT_HELPER
    .run = run_report,
#endif
};
