#include <stdarg.h>
#include <string.h>

#include "cli.h"

const struct verb *const verbs[] = {
    &verb_init,   &verb_load,    &verb_add,        &verb_set,
    &verb_remove, &verb_show,    &verb_list,       &verb_import,
    &verb_export, &verb_publish, &verb_invitation, &verb_status,
    &verb_check,  &verb_help,    &verb_version,    NULL,
};

const struct verb *verb_find(const char *name)
{
	for (const struct verb *const *v = verbs; *v; v++)
		if (strcmp((*v)->name, name) == 0)
			return *v;
	return NULL;
}

int cli_error(const struct cli *cli, int code, const char *fmt, ...)
{
	fputs("summit: ", stderr);
	if (cli && cli->verb)
		fprintf(stderr, "%s: ", cli->verb->name);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
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
	bool needs_value = false;
	for (const struct option *o = longopts; o && o->name; o++)
		if (o->has_arg == required_argument && strncmp(word, "--", 2) == 0 &&
		    strcmp(word + 2, o->name) == 0)
			needs_value = true;
	if (optopt && strchr(shortopts, optopt) && optopt != ':')
		needs_value = true;
	if (needs_value)
		cli_error(cli, EXIT_USAGE, "%s needs a value", word);
	else
		cli_error(cli, EXIT_USAGE, "unknown option \"%s\"", word);
	cli_usage(cli);
	return '?';
}

int cli_format(const struct cli *cli, const char *name, unsigned allowed,
               enum output_format *format)
{
	static const char *const names[] = {"table", "tsv", "json", "csv"};
	enum output_format f;
	if (strcmp(name, "text") == 0)
		name = "table";
	if (output_format_parse(name, &f) == 0 && (allowed & (1u << f))) {
		*format = f;
		return EXIT_OK;
	}
	struct strbuf known = {0};
	int n = 0, total = 0;
	for (int i = 0; i < 4; i++)
		total += (allowed >> i) & 1;
	for (int i = 0; i < 4; i++)
		if (allowed & (1u << i))
			strbuf_addf(&known, "%s%s",
			            n++ ? (n == total ? " or " : ", ") : "", names[i]);
	cli_error(cli, EXIT_REFUSED, "--format: got \"%s\", expected %s", name,
	          known.buf);
	strbuf_free(&known);
	return EXIT_REFUSED;
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
