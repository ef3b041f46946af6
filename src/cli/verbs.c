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
	if (err->field[0])
		return cli_error(cli, EXIT_REFUSED, "%s: %s", err->field, err->msg);
	return cli_error(cli, EXIT_REFUSED, "%s", err->msg);
}

int cli_usage(const struct cli *cli)
{
	fprintf(stderr, "usage: summit %s %s\n", cli->verb->name, cli->verb->usage);
	return EXIT_USAGE;
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
