/* The main of a helper executable (see "Helper executables" in cli.h):
 * summit execs it as `summit-VERB --db FILE [--today DATE] VERB ARGS...`
 * and it runs that one verb, whose descriptor it is built with
 * (-DSUMMIT_HELPER_VERB=verb_NAME). */
#include <string.h>
#include <unistd.h>

#include "cli.h"

extern const struct verb SUMMIT_HELPER_VERB;

int main(int argc, char **argv)
{
	cli_start();
	struct cli cli;
	const struct verb *verb = &SUMMIT_HELPER_VERB;
	char usage[160];
	snprintf(usage, sizeof usage,
	         "usage: %s [--db FILE] [--today DATE] %s ARGS... (run by summit)\n",
	         argv[0], verb->name);
	int code = cli_global_options(&cli, argc, argv, usage);
	if (code >= 0)
		return code;
	if (optind >= argc || strcmp(argv[optind], verb->name) != 0) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	cli.verb = verb;
	return cli_run_verb(&cli, argc - optind, argv + optind);
}
