/* What summit and its helper executables share: the global options,
 * running a verb on the event file, and the messages. */
#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"

void cli_start(void)
{
	/* Widths and accents need a UTF-8 locale even when the environment
	 * has none (a bare CI machine runs with LANG unset). */
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	umask(077);
	/* Past `ulimit -f` a write fails with EFBIG, which is reported, rather
	 * than a silent kill (in the terminal UI too). */
	signal(SIGXFSZ, SIG_IGN);
}

int cli_global_options(struct cli *cli, int argc, char **argv, const char *usage)
{
	*cli = (struct cli){.db_path = getenv("SUMMIT_DB")};
	if (!cli->db_path || !*cli->db_path)
		cli->db_path = "summit.db";
	static const struct option options[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"today", required_argument, NULL, 't'},
	    {"version", no_argument, NULL, 'V'},
	    {"help", no_argument, NULL, 'h'},
	    {0},
	};
	int c;
	opterr = 0; /* the messages below say "summit:", not the program's path */
	while ((c = getopt_long(argc, argv, "+d:t:Vh", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			cli->db_path = optarg;
			break;
		case 't': {
			int y, m, d;
			if (!when_parse_date(optarg, &y, &m, &d))
				return cli_error(
				    cli, EXIT_REFUSED,
				    "--today: got \"%s\", expected a date as "
				    "YYYY-MM-DD",
				    optarg);
			cli->today = optarg;
			break;
		}
		case 'V':
			printf("summit %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		case 'h':
			fputs(usage, stdout);
			return EXIT_OK;
		default:
			cli_error(cli, EXIT_USAGE,
			          optopt && strchr("dt", optopt)
			              ? "%s needs a value"
			              : "unknown option \"%s\"",
			          argv[optind - 1]);
			fputs(usage, stderr);
			return EXIT_USAGE;
		}
	}
	return -1;
}

int cli_set_today(const struct cli *cli, struct summit_db *db)
{
	const char *env = getenv("SUMMIT_TODAY");
	const char *today = cli->today ? cli->today : env;
	struct summit_err err;
	err_clear(&err);
	int y, m, d;
	if (!db && today && *today && !when_parse_date(today, &y, &m, &d))
		err_set(&err, SUMMIT_INVALID, "got \"%s\", expected a date as YYYY-MM-DD",
		        today);
	if (err.msg[0] || (db && db_set_today(db, today, &err)))
		return cli_error(cli, EXIT_REFUSED, "%s: %s",
		                 cli->today ? "--today" : "SUMMIT_TODAY", err.msg);
	return EXIT_OK;
}

/* An interrupted load or export removes its temporary files, then dies of
 * the signal as it would have. Verbs only: the terminal UI leaves these
 * signals to ncurses, which restores the terminal. */
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
}

void cli_warn_about_db(const struct cli *cli)
{
	const char *warning = db_warning(cli->db);
	if (warning)
		fprintf(stderr, "summit: warning: %s\n", warning);
}

int cli_run_verb(struct cli *cli, int argc, char **argv)
{
	optind = 0; /* 0, not 1: GNU getopt then forgets the global options' scan */
	set_signals();
	struct summit_err err;
	err_clear(&err);
	if (cli->verb->db == VERB_OPENS_DB && db_open(cli->db_path, &cli->db, &err))
		return cli_fail(cli, &err);
	if (cli->db && cli_set_today(cli, cli->db)) {
		db_close(cli->db);
		return EXIT_REFUSED;
	}
	if (cli->db)
		cli_warn_about_db(cli);
	int code = cli->verb->run(cli, argc, argv);
	db_close(cli->db);
	when_cleanup();
	return code;
}

/* Everything the CLI prints from the data goes through text_sanitize. */
static int print_safe(FILE *out, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (len < 0)
		return -1;
	char *text = xmalloc((size_t)len + 1);
	vsnprintf(text, (size_t)len + 1, fmt, ap);
	char *safe = text_sanitize(text, TEXT_KEEP_LINES);
	int n = fputs(safe, out) == EOF ? -1 : (int)strlen(safe);
	free(safe);
	free(text);
	return n;
}

int cli_print(FILE *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = print_safe(out, fmt, ap);
	va_end(ap);
	return n;
}

int cli_error(const struct cli *cli, int code, const char *fmt, ...)
{
	fputs("summit: ", stderr);
	if (cli && cli->verb)
		fprintf(stderr, "%s: ", cli->verb->name);
	va_list ap;
	va_start(ap, fmt);
	print_safe(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

int cli_fail(const struct cli *cli, const struct summit_err *err)
{
	int code = err->status == SUMMIT_USAGE ? EXIT_USAGE : EXIT_REFUSED;
	if (err->field[0])
		return cli_error(cli, code, "%s: %s", err->field, err->msg);
	return cli_error(cli, code, "%s", err->msg);
}

int cli_usage(const struct cli *cli)
{
	fprintf(stderr, "usage: summit %s %s\n", cli->verb->name, cli->verb->usage);
	return EXIT_USAGE;
}

int cli_getopt(const struct cli *cli, int argc, char **argv, const char *shortopts,
               const struct option *longopts)
{
	opterr = 0;
	int c = getopt_long(argc, argv, shortopts, longopts, NULL);
	if (c != '?')
		return c;
	const char *word = argv[optind - 1];
	bool needs_value = optopt && strchr(shortopts, optopt);
	for (const struct option *o = longopts; o && o->name; o++)
		if (o->has_arg == required_argument && strncmp(word, "--", 2) == 0 &&
		    strcmp(word + 2, o->name) == 0)
			needs_value = true;
	if (needs_value)
		cli_error(cli, EXIT_USAGE, "%s needs a value", word);
	else
		cli_error(cli, EXIT_USAGE, "unknown option \"%s\"", word);
	cli_usage(cli);
	return '?';
}

const struct kind *cli_kind(const struct cli *cli, const char *name)
{
	const struct kind *kind = kind_find(name);
	if (!kind) {
		struct strbuf names = {0};
		for (size_t k = 1; k < kind_count; k++)
			strbuf_addf(&names, "%s%s", k > 1 ? ", " : "", kinds[k]->plural);
		cli_error(cli, EXIT_USAGE, "unknown kind \"%s\", expected one of: %s",
		          name, names.buf);
		strbuf_free(&names);
	}
	return kind;
}

int cli_write_to(struct cli *cli, cli_writer write, const void *what, const char *path)
{
	struct summit_err err;
	err_clear(&err);
	int status, write_errno = 0;
	char *tmp = NULL;
	if (!path) {
		status = write(cli, what, stdout, &err);
		if (ferror(stdout) || fflush(stdout))
			write_errno = errno ? errno : EIO;
	} else {
		tmp = xasprintf("%s.tmp", path);
		cleanup_add(tmp);
		FILE *out = fopen(tmp, "w");
		if (!out) {
			write_errno = errno;
			status = SUMMIT_FAILED;
		} else {
			status = write(cli, what, out, &err);
			if (ferror(out) || fflush(out) != 0)
				write_errno = errno ? errno : EIO;
			/* On the disk before the rename makes it the file. */
			if (!write_errno && fileno(out) >= 0 && fsync(fileno(out)) != 0)
				write_errno = errno;
			if (fclose(out) != 0 && !write_errno)
				write_errno = errno;
			if (!status && !write_errno && rename(tmp, path) != 0)
				write_errno = errno;
			if (status || write_errno)
				unlink(tmp);
		}
		cleanup_forget(tmp);
		free(tmp);
	}
	if (write_errno)
		return cli_error(cli, EXIT_REFUSED, "cannot write %s: %s",
		                 path ? path : "the output", strerror(write_errno));
	return status ? cli_fail(cli, &err) : EXIT_OK;
}

const char *cli_action_state(const struct cli *cli, const struct cli_action *actions,
                             size_t n, const char *action)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(actions[i].action, action) == 0)
			return actions[i].state;
	struct strbuf expected = {0};
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&expected, "%s%s", i ? ", " : "", actions[i].action);
	cli_error(cli, EXIT_USAGE, "unknown action \"%s\", expected %s or history",
	          action, expected.buf ? expected.buf : "");
	strbuf_free(&expected);
	return NULL;
}
