#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "summit/caldav.h"

#ifdef SUMMIT_HELPER
static int run_publish(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
	    {"netrc", required_argument, NULL, 'n'},
	    {"only", required_argument, NULL, 'o'},
	    {0},
	};
	struct caldav_options opt = {0};
	int c;
	while ((c = cli_getopt(cli, argc, argv, "", options)) != -1) {
		if (c == 'n')
			opt.netrc = optarg;
		else if (c == 'o')
			opt.only = optarg;
		else
			return EXIT_USAGE;
	}
	if (optind + 1 != argc)
		return cli_usage(cli);
	opt.url = argv[optind];
	static const char *const onlies[] = {"programme", "delegations", "rooms",
	                                     "vehicles"};
	bool known = !opt.only;
	for (size_t i = 0; i < 4 && !known; i++)
		known = strcmp(opt.only, onlies[i]) == 0;
	if (!known)
		return cli_error(
		    cli, EXIT_USAGE,
		    "--only: got \"%s\", expected programme, delegations, rooms or "
		    "vehicles",
		    opt.only);
	/* A password on the command line shows in `ps` and the shell's
	 * history: only the netrc file or the environment may carry it. */
	const char *host = strstr(opt.url, "://");
	const char *slash = host ? strchr(host + 3, '/') : NULL;
	const char *at = host ? strchr(host + 3, '@') : NULL;
	if (at && (!slash || at < slash))
		return cli_error(
		    cli, EXIT_USAGE,
		    "the URL holds credentials: put them in a netrc file (--netrc "
		    "FILE) or in SUMMIT_CALDAV_USER and SUMMIT_CALDAV_PASSWORD");
	const char *user = getenv("SUMMIT_CALDAV_USER");
	if (user && *user) {
		opt.user = user;
		opt.password = getenv("SUMMIT_CALDAV_PASSWORD");
	}
	struct caldav_report r;
	struct summit_err err;
	err_clear(&err);
	int status = caldav_publish(cli->db, &opt, &r, &err);
	if (status) {
		if (r.calendars || r.put || r.deleted)
			fprintf(stderr,
			        "summit: publish: %lld calendars done before the failure "
			        "(%lld "
			        "events sent, %lld deleted)\n",
			        r.calendars, r.put, r.deleted);
		return cli_fail(cli, &err);
	}
	printf("published %lld calendars (%lld new): %lld events sent, %lld unchanged, "
	       "%lld deleted\n",
	       r.calendars, r.created, r.put, r.unchanged, r.deleted);
	if (r.removed)
		printf("removed %lld calendar%s of subjects the event no longer has\n",
		       r.removed, r.removed == 1 ? "" : "s");
	return EXIT_OK;
}
#endif

/* Runs in summit-publish, so libcurl and libxml2 stay out of the other
 * verbs' start-up (see cli.h). */
const struct verb verb_publish = {
    .name = "publish",
    .usage = "URL [--netrc FILE] [--only programme|delegations|rooms|vehicles]",
    .summary = "put the calendars on a CalDAV server",
    .help = "Publishes the programme and each delegation's, room's and vehicle's\n"
            "calendar (as `summit export ics` writes them) under URL, one collection\n"
            "per subject (programme/, delegation-CODE/, room-NAME/, vehicle-CODE/),\n"
            "made when missing, each event a resource named by its UID. Only events\n"
            "that changed since the last publish are sent, and events that are gone\n"
            "are deleted, as are the collections of delegations, rooms and vehicles\n"
            "the event no longer has; delegates subscribe instead of receiving files.\n"
            "Credentials come from a netrc-style file (--netrc FILE, else ~/.netrc)\n"
            "or from SUMMIT_CALDAV_USER and SUMMIT_CALDAV_PASSWORD; never from the\n"
            "command line or the event file; they go to https:// URLs, or to plain\n"
            "http:// on this machine only.\n"
            "Examples:\n"
            "  summit publish https://cal.example.org/bamako/ --netrc ~/.summit-netrc\n"
            "  summit publish http://127.0.0.1:5232/protocol/ --only delegations",
    .db = VERB_OPENS_DB,
    .helper = "summit-publish",
#ifdef SUMMIT_HELPER
    .run = run_publish,
#endif
};
