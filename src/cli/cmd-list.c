#include <getopt.h>
#include <string.h>

#include "cli.h"

struct listing {
	struct output *out;
	const char **row;
	/* Sessions only: the ids day= and delegation= keep, sorted; NULL when
	 * not asked for. */
	struct id_set *keep[2];
};

/* Record ids gathered from a core query, then looked up by bsearch. */
struct id_set {
	long long *ids;
	size_t n, cap;
};

static int add_session(const struct plan_session *s, void *ctx)
{
	struct id_set *set = ctx;
	if (set->n == set->cap) {
		set->cap = set->cap ? 2 * set->cap : 64;
		set->ids = xrealloc(set->ids, set->cap * sizeof *set->ids);
	}
	set->ids[set->n++] = s->id;
	return 0;
}

static int compare_ids(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

static bool in_set(const struct id_set *set, long long id)
{
	return !set || bsearch(&id, set->ids, set->n, sizeof id, compare_ids);
}

static int print_record(const struct record *rec, void *ctx)
{
	struct listing *l = ctx;
	if (!in_set(l->keep[0], rec->id) || !in_set(l->keep[1], rec->id))
		return 0;
	for (size_t i = 0; i < rec->kind->nfields; i++)
		l->row[i] = rec->values[i];
	output_row(l->out, l->row, rec->kind->fields);
	return 0;
}

static int list_kept(struct cli *cli, const struct kind *kind,
                     const struct record_filter *filters, size_t nfilters,
                     enum output_format format, struct id_set *const keep[2])
{
	const char **names = xcalloc(kind->nfields, sizeof *names);
	for (size_t i = 0; i < kind->nfields; i++)
		names[i] = kind->fields[i].name;
	struct listing l = {output_begin(stdout, format, names, kind->nfields),
	                    xcalloc(kind->nfields, sizeof *l.row),
	                    {keep[0], keep[1]}};
	struct summit_err err;
	err_clear(&err);
	int status =
	    record_each(cli->db, kind, filters, nfilters, print_record, &l, &err);
	int failed = 0;
	if (status)
		output_discard(l.out);
	else
		failed = output_end(l.out);
	free(l.row);
	free(names);
	if (status)
		return cli_fail(cli, &err);
	return failed ? cli_error(cli, EXIT_REFUSED, "cannot write the output") : EXIT_OK;
}

int list_records(struct cli *cli, const struct kind *kind,
                 const struct record_filter *filters, size_t nfilters,
                 enum output_format format)
{
	return list_kept(cli, kind, filters, nfilters, format,
	                 (struct id_set *const[2]){NULL, NULL});
}

/* Takes the sessions' own words day=DATE and delegation=CODE out of words
 * (they are not fields) and fills keep[] with the sessions they select: those
 * starting on that day, those the delegation is expected at. */
static int session_words(struct cli *cli, char **words, int *nwords,
                         struct id_set keep[2], bool asked[2])
{
	int kept = 0;
	for (int w = 0; w < *nwords; w++) {
		struct summit_err err;
		err_clear(&err);
		int status = SUMMIT_OK;
		if (strncmp(words[w], "day=", 4) == 0) {
			int y, m, d;
			if (!when_parse_date(words[w] + 4, &y, &m, &d))
				return cli_error(
				    cli, EXIT_REFUSED,
				    "day: got \"%s\", expected a date as YYYY-MM-DD",
				    words[w] + 4);
			asked[0] = true;
			status = plan_day_sessions(cli->db, words[w] + 4, add_session,
			                           &keep[0], &err);
		} else if (strncmp(words[w], "delegation=", 11) == 0) {
			long long id;
			asked[1] = true;
			status = record_find(cli->db, &kind_delegations, words[w] + 11,
			                     &id, &err);
			if (!status)
				status = plan_delegation_sessions(
				    cli->db, id, add_session, &keep[1], &err);
		} else {
			words[kept++] = words[w];
			continue;
		}
		if (status)
			return cli_fail(cli, &err);
	}
	*nwords = kept;
	for (int i = 0; i < 2; i++)
		if (keep[i].n)
			qsort(keep[i].ids, keep[i].n, sizeof *keep[i].ids, compare_ids);
	return EXIT_OK;
}

static int run_list(struct cli *cli, int argc, char **argv)
{
	enum output_format format = OUTPUT_TABLE;
	static const struct option options[] = {{"format", required_argument, NULL, 'f'},
	                                        {0}};
	int c;
	while ((c = cli_getopt(cli, argc, argv, "f:", options)) != -1) {
		if (c != 'f')
			return EXIT_USAGE;
		if (cli_format(cli, optarg, OUTPUT_ALL, &format))
			return EXIT_REFUSED;
	}
	if (optind >= argc)
		return cli_usage(cli);
	const struct kind *kind = cli_kind(cli, argv[optind]);
	if (!kind)
		return EXIT_USAGE;
	int nfilters = argc - optind - 1;
	char **words = argv + optind + 1;
	struct id_set keep[2] = {{0}};
	bool asked[2] = {false, false};
	if (kind == &kind_sessions) {
		int code = session_words(cli, words, &nfilters, keep, asked);
		if (code) {
			free(keep[0].ids);
			free(keep[1].ids);
			return code;
		}
	}
	struct record_filter *filters = xcalloc((size_t)nfilters + 1, sizeof *filters);
	char **values = xcalloc(kind->nfields, sizeof *values);
	struct summit_err err;
	err_clear(&err);
	int code = EXIT_OK;
	if (record_values_from_words(kind, words, nfilters, values, &err)) {
		code = cli_fail(cli, &err);
	} else {
		nfilters = 0;
		for (size_t i = 0; i < kind->nfields; i++)
			if (values[i])
				filters[nfilters++] =
				    (struct record_filter){(int)i, values[i]};
		code = list_kept(cli, kind, filters, (size_t)nfilters, format,
		                 (struct id_set *const[2]){asked[0] ? &keep[0] : NULL,
		                                           asked[1] ? &keep[1] : NULL});
	}
	free(keep[0].ids);
	free(keep[1].ids);
	record_values_free(kind, values);
	free(values);
	free(filters);
	return code;
}

const struct verb verb_list = {
    .name = "list",
    .usage = "KIND [FIELD=VALUE...] [--format table|tsv|json|csv]  |  "
             "list sessions [day=DATE] [delegation=CODE] [FIELD=VALUE...]",
    .summary = "list records",
    .help = "Prints an aligned table, or TSV (a header row, then one row per record;\n"
            "tabs and newlines in values as \\t and \\n), JSON or CSV for scripts.\n"
            "FIELD=VALUE keeps the records whose field has that value; for a list\n"
            "field, those that list it (sessions delegations=ISR: the sessions that\n"
            "name ISR in their list).\n"
            "Sessions also take day=DATE, the sessions starting that day, and\n"
            "delegation=CODE, every session the delegation is expected at: the\n"
            "plenaries and ceremonies open to all, those for participants when it\n"
            "is one, and those that list it (the sessions in its calendar).\n"
            "Examples:\n"
            "  summit list delegations status=observer\n"
            "  summit list people delegation=MLI --format tsv\n"
            "  summit list sessions day=2007-11-15\n"
            "  summit list sessions delegation=ISR --format json",
    .db = VERB_OPENS_DB,
    .run = run_list,
};
