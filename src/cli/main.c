#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "tui_run.h"
#include "config.h"

static const char usage_text[] =
    "usage: summit [--db FILE] [--today DATE] VERB [ARGS...]\n"
    "       summit [--db FILE] [--today DATE]      (the terminal UI)\n"
    "       summit help [VERB | KIND]\n";

/* Widths and accents need a UTF-8 locale even when the environment has
 * none (a bare CI machine runs with LANG unset). */
static void set_locale(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
}

/* An interrupted load or export removes its temporary files, then dies of
 * the signal as it would have. */
static void on_interrupt(int sig)
{
	cleanup_run();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void set_signals(void)
{
	struct sigaction sa = {.sa_handler = on_interrupt};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* Past `ulimit -f` a write fails with EFBIG, which is reported, rather
	 * than a silent kill. */
	signal(SIGXFSZ, SIG_IGN);
}

static void warn_about_db(const struct cli *cli)
{
	const char *warning = db_warning(cli->db);
	if (warning)
		fprintf(stderr, "summit: warning: %s\n", warning);
}

/* No verb: the terminal UI on the event, when there is a terminal. */
static int open_tui(struct cli *cli)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs(usage_text, stderr);
		fputs(
		    "summit: without a verb summit opens its terminal UI, which needs a "
		    "terminal on stdin and stdout; give a verb (see `summit help`)\n",
		    stderr);
		return EXIT_USAGE;
	}
	struct summit_err err;
	err_clear(&err);
	if (db_open(cli->db_path, &cli->db, &err))
		return cli_fail(cli, &err);
	warn_about_db(cli);
	if (!db_has_event(cli->db)) {
		db_close(cli->db);
		return cli_error(cli, EXIT_REFUSED,
		                 "%s holds no event yet: create it with `summit init`",
		                 cli->db_path);
	}
	int code = tui_run(cli->db);
	db_close(cli->db);
	when_cleanup();
	return code;
}

int main(int argc, char **argv)
{
	set_locale();
	umask(077);
	struct cli cli = {.db_path = getenv("SUMMIT_DB")};
	if (!cli.db_path || !*cli.db_path)
		cli.db_path = "summit.db";

	static const struct option options[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"today", required_argument, NULL, 't'},
	    {"version", no_argument, NULL, 'V'},
	    {"help", no_argument, NULL, 'h'},
	    {0},
	};
	int c;
	while ((c = getopt_long(argc, argv, "+d:t:Vh", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			cli.db_path = optarg;
			break;
		case 't': {
			int y, m, d;
			if (!when_parse_date(optarg, &y, &m, &d))
				return cli_error(
				    &cli, EXIT_USAGE,
				    "--today: got \"%s\", expected a date as "
				    "YYYY-MM-DD",
				    optarg);
			/* One place for "today": the core reads SUMMIT_TODAY. */
			setenv("SUMMIT_TODAY", optarg, 1);
			break;
		}
		case 'V':
			printf("summit %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		default:
			fputs(usage_text, stderr);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return open_tui(&cli);
	cli.verb = verb_find(argv[optind]);
	if (!cli.verb)
		return cli_error(&cli, EXIT_USAGE,
		                 "unknown verb \"%s\": see `summit help`", argv[optind]);
	argc -= optind;
	argv += optind;
	optind = 0; /* 0, not 1: GNU getopt then forgets the global options' scan */

	set_signals();
	struct summit_err err;
	err_clear(&err);
	int status = SUMMIT_OK;
	if (cli.verb->db == VERB_OPENS_DB)
		status = db_open(cli.db_path, &cli.db, &err);
	if (status)
		return cli_fail(&cli, &err);
	if (cli.db)
		warn_about_db(&cli);
	int code = cli.verb->run(&cli, argc, argv);
	db_close(cli.db);
	when_cleanup();
	return code;
}
