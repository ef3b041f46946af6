#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* --- iCalendar ------------------------------------------------------- */

struct ics_job {
	enum ics_scope scope;
	const char *key;
	const char *organizer; /* an invitation when set */
};

static int write_csv(struct cli *cli, const void *kind, FILE *out, struct summit_err *err)
{
	return csv_export(cli->db, kind, out, err);
}

static int write_ics(struct cli *cli, const void *what, FILE *out, struct summit_err *err)
{
	const struct ics_job *job = what;
	if (job->organizer)
		return ics_export_invitation(cli->db, job->key, job->organizer, out, err);
	return ics_export(cli->db, job->scope, job->key, out, err);
}

struct each_ctx {
	struct cli *cli;
	const char *dir;
	struct ics_job job;
	int code;
	long long files, skipped;
	struct strbuf skipped_codes;
};

static int export_one(const struct record *rec, void *data)
{
	struct each_ctx *ctx = data;
	const char *key = rec->values[rec->kind->key];
	ctx->job.key = key;
	if (ctx->job.organizer) {
		/* An invitation needs an address to go to. */
		if (!rec->values[DELEGATION_EMAIL] || !*rec->values[DELEGATION_EMAIL]) {
			ctx->skipped++;
			strbuf_addf(&ctx->skipped_codes, " %s", key);
			return 0;
		}
		long long id;
		if (record_find(ctx->cli->db, &kind_invitations, key, &id, NULL))
			return 0;
		/* A withdrawn invitation is not sent again by accident. */
		struct record inv = {0};
		bool withdrawn =
		    record_get(ctx->cli->db, &kind_invitations, id, &inv, NULL) == 0 &&
		    strcmp(inv.values[INVITATION_STATE], "withdrawn") == 0;
		record_clear(&inv);
		if (withdrawn)
			return 0;
	}
	char *stem = ics_file_stem(key);
	char *path = xasprintf("%s/%s.ics", ctx->dir, stem);
	free(stem);
	int code = cli_write_to(ctx->cli, write_ics, &ctx->job, path);
	free(path);
	if (code) {
		ctx->code = code;
		return 1;
	}
	ctx->files++;
	return 0;
}

static int export_ics_all(struct cli *cli, const struct kind *kind, const char *dir,
                          const struct ics_job *job)
{
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return cli_error(cli, EXIT_REFUSED, "cannot create %s: %s", dir,
		                 strerror(errno));
	struct each_ctx ctx = {.cli = cli, .dir = dir, .job = *job};
	struct summit_err err;
	err_clear(&err);
	/* One snapshot, and each session serialized once for all the files. */
	int status = ics_batch_begin(cli->db, &err);
	if (status)
		return cli_fail(cli, &err);
	status = record_each(cli->db, kind, NULL, 0, export_one, &ctx, &err);
	ics_batch_end(cli->db);
	if (ctx.code) {
		strbuf_free(&ctx.skipped_codes);
		return ctx.code;
	}
	if (status && status != 1) {
		strbuf_free(&ctx.skipped_codes);
		return cli_fail(cli, &err);
	}
	cli_print(stdout, "wrote %lld calendar%s in %s\n", ctx.files,
	          ctx.files == 1 ? "" : "s", dir);
	if (ctx.skipped)
		fprintf(stderr,
		        "summit: export: no email, so no invitation for:%s (summit set "
		        "delegations CODE email=...)\n",
		        ctx.skipped_codes.buf);
	strbuf_free(&ctx.skipped_codes);
	return EXIT_OK;
}

static int export_ics(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"delegation", required_argument, NULL, 'D'},
	    {"room", required_argument, NULL, 'R'},
	    {"vehicle", required_argument, NULL, 'V'},
	    {"person", required_argument, NULL, 'P'},
	    {"tasks", no_argument, NULL, 'T'},
	    {"all-delegations", required_argument, NULL, 'd'},
	    {"all-rooms", required_argument, NULL, 'r'},
	    {"all-vehicles", required_argument, NULL, 'v'},
	    {"invitations", required_argument, NULL, 'I'},
	    {"organizer", required_argument, NULL, 'O'},
	    {0},
	};
	struct ics_job job = {.scope = ICS_PROGRAMME};
	const char *output = NULL, *dir = NULL, *all = NULL, *organizer = NULL;
	int scopes = 0, c;
	optind = 0;
	while ((c = cli_getopt(cli, argc, argv, "o:", options)) != -1) {
		switch (c) {
		case 'o':
			output = optarg;
			break;
		case 'D':
			job.scope = ICS_DELEGATION, job.key = optarg, scopes++;
			break;
		case 'R':
			job.scope = ICS_ROOM, job.key = optarg, scopes++;
			break;
		case 'V':
			job.scope = ICS_VEHICLE, job.key = optarg, scopes++;
			break;
		case 'P':
			job.scope = ICS_PERSON, job.key = optarg, scopes++;
			break;
		case 'T':
			job.scope = ICS_TASKS, scopes++;
			break;
		case 'd':
			all = "delegations", dir = optarg, scopes++;
			break;
		case 'r':
			all = "rooms", dir = optarg, scopes++;
			break;
		case 'v':
			all = "vehicles", dir = optarg, scopes++;
			break;
		case 'I':
			all = "delegations", dir = optarg, scopes++;
			job.organizer = "";
			break;
		case 'O':
			organizer = optarg;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind != argc || scopes > 1)
		return cli_usage(cli);
	if (all && output)
		return cli_error(cli, EXIT_USAGE,
		                 "-o writes one file: the --all forms write to DIR");
	if (job.organizer) {
		if (!organizer)
			return cli_error(
			    cli, EXIT_USAGE,
			    "--invitations needs --organizer ADDRESS, the host's address "
			    "replies go to");
		job.organizer = organizer;
	} else if (organizer) {
		return cli_error(cli, EXIT_USAGE, "--organizer goes with --invitations");
	}
	struct summit_err err;
	err_clear(&err);
	if (ics_check_subject(cli->db, job.scope, job.key, &err))
		return cli_fail(cli, &err);
	if (all) {
		const struct kind *kind = &kind_delegations;
		job.scope = ICS_DELEGATION;
		if (strcmp(all, "rooms") == 0)
			job.scope = ICS_ROOM, kind = &kind_rooms;
		else if (strcmp(all, "vehicles") == 0)
			job.scope = ICS_VEHICLE, kind = &kind_vehicles;
		return export_ics_all(cli, kind, dir, &job);
	}
	return cli_write_to(cli, write_ics, &job, output);
}

static int run_export(struct cli *cli, int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "ics") == 0)
		return export_ics(cli, argc - 1, argv + 1);
	const char *output = NULL, *dir = NULL;
	static const struct option options[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"dir", required_argument, NULL, 'd'},
	    {0},
	};
	int c;
	while ((c = cli_getopt(cli, argc, argv, "o:", options)) != -1) {
		if (c == 'o')
			output = optarg;
		else if (c == 'd')
			dir = optarg;
		else
			return EXIT_USAGE;
	}
	if (optind >= argc || strcmp(argv[optind], "csv") != 0)
		return cli_error(cli, EXIT_USAGE, "expected a format: csv or ics");
	if (dir) {
		if (optind + 1 != argc || output)
			return cli_usage(cli);
		struct summit_err err;
		err_clear(&err);
		if (csv_export_directory(cli->db, dir, &err))
			return cli_fail(cli, &err);
		return EXIT_OK;
	}
	if (optind + 2 != argc)
		return cli_usage(cli);
	const struct kind *kind = cli_kind(cli, argv[optind + 1]);
	return kind ? cli_write_to(cli, write_csv, kind, output) : EXIT_USAGE;
}

const struct verb verb_export = {
    .name = "export",
    .usage =
        "csv KIND [-o FILE]  |  export csv --dir DIR\n"
        "       summit export ics [--delegation CODE | --room NAME | --vehicle CODE |\n"
        "         --person ID | --tasks] [-o FILE]\n"
        "       summit export ics --all-delegations DIR | --all-rooms DIR |\n"
        "         --all-vehicles DIR\n"
        "       summit export ics --invitations DIR --organizer ADDRESS",
    .summary = "write records as CSV, schedules as iCalendar",
    .help = "Writes the columns `summit import` reads, to standard output or FILE;\n"
            "--dir writes one file per kind plus event.csv, which `summit load` reads\n"
            "back into a new event, and a MANIFEST of their rows and checksums that\n"
            "load checks. DIR appears whole or not at all; an earlier export there is\n"
            "replaced, a directory holding other files is refused.\n"
            "A cell a spreadsheet would run as a formula (=, +, -, @ or a tab\n"
            "first, numbers aside) is written after a single quote, which\n"
            "`summit import` takes off again.\n"
            "Examples:\n"
            "  summit export csv delegations -o delegations.csv\n"
            "  summit export csv --dir backup-2007-11-07\n"
            "\n"
            "ics writes an iCalendar (RFC 5545) file for calendar programs: the whole\n"
            "programme when no scope is given; a delegation's sessions, hotel nights,\n"
            "flights and trips; a room's sessions; a vehicle's trips with pick-up\n"
            "place and riders; a person's schedule; or the planning tasks as to-dos.\n"
            "Times carry the event's time zone. Every record keeps its UID from one\n"
            "export to the next and its SEQUENCE grows when it changes, so importing\n"
            "a new export updates the events instead of adding them twice. A\n"
            "cancelled session stays, with STATUS:CANCELLED. A delegation's file says\n"
            "nothing of other delegations beyond the public programme.\n"
            "--all-delegations, --all-rooms and --all-vehicles write one file per\n"
            "subject in DIR (CODE.ics, or the room's name). --invitations writes\n"
            "DIR/CODE.ics, an iTIP request (METHOD:REQUEST) to each invited\n"
            "delegation (not withdrawn) at its email from the host's ADDRESS; `summit "
            "import ics-reply`\n"
            "reads the answers.\n"
            "Examples:\n"
            "  summit export ics --delegation SEN -o senegal.ics\n"
            "  summit export ics --all-vehicles drivers/\n"
            "  summit export ics --invitations outbox/ --organizer protocole@gouv.ml",
    .db = VERB_OPENS_DB,
    .run = run_export,
};
