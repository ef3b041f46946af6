#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "tui_run.h"
#include "config.h"

static const char usage_text[] =
    "usage: summit [--db FILE] [--today DATE] VERB [ARGS...]\n"
    "       summit [--db FILE] [--today DATE]      (the terminal UI)\n"
    "       summit help [VERB | KIND]\n";

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
	if (cli_set_today(cli, cli->db)) {
		db_close(cli->db);
		return EXIT_REFUSED;
	}
	cli_warn_about_db(cli);
	if (!db_has_event(cli->db)) {
		db_close(cli->db);
		return cli_error(cli, EXIT_REFUSED,
		                 "%s holds no event yet: create it with `summit init`",
		                 cli->db_path);
	}
	int code = tui_run(cli->db, cli->db_path);
	db_close(cli->db);
	when_cleanup();
	return code;
}

/* The directory of the running binary: in the build tree, its helpers
 * sit beside it. */
static bool own_dir(char *dir, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", dir, size - 1);
	if (n <= 0)
		return false;
	dir[n] = '\0';
	char *slash = strrchr(dir, '/');
	if (!slash)
		return false;
	*slash = '\0';
	return true;
}

/* A verb with a helper runs in it, so its libraries stay out of every
 * other verb's start-up: $SUMMIT_LIBEXEC when set, else beside this
 * binary, else the installed pkglibexecdir. */
static int exec_helper(struct cli *cli, char **argv)
{
	char path[4096], dir[4096];
	const char *libexec = getenv("SUMMIT_LIBEXEC");
	if (libexec && *libexec)
		snprintf(path, sizeof path, "%s/%s", libexec, cli->verb->helper);
	else if (own_dir(dir, sizeof dir) &&
	         snprintf(path, sizeof path, "%s/%s", dir, cli->verb->helper) > 0 &&
	         access(path, X_OK) == 0)
		;
	else
		snprintf(path, sizeof path, "%s/%s", PKGLIBEXECDIR, cli->verb->helper);

	size_t argc = 0;
	while (argv[argc])
		argc++;
	char **args = xcalloc(argc + 6, sizeof *args);
	size_t n = 0;
	args[n++] = (char *)cli->verb->helper;
	args[n++] = "--db";
	args[n++] = (char *)cli->db_path;
	if (cli->today) {
		args[n++] = "--today";
		args[n++] = (char *)cli->today;
	}
	for (size_t i = 0; i < argc; i++)
		args[n++] = argv[i];
	execv(path, args);
	int code = cli_error(cli, EXIT_REFUSED, "cannot run its helper %s: %s", path,
	                     strerror(errno));
	free(args);
	return code;
}

int main(int argc, char **argv)
{
	cli_start();
	struct cli cli;
	int code = cli_global_options(&cli, argc, argv, usage_text);
	if (code >= 0)
		return code;
	if (optind >= argc)
		return open_tui(&cli);
	cli.verb = verb_find(argv[optind]);
	if (!cli.verb)
		return cli_error(&cli, EXIT_USAGE,
		                 "unknown verb \"%s\": see `summit help`", argv[optind]);
	if (cli.verb->helper)
		return exec_helper(&cli, argv + optind);
	return cli_run_verb(&cli, argc - optind, argv + optind);
}
