#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Columns wider than this are cut in tables (TSV and JSON keep all). */
#define TABLE_MAX_WIDTH 40

struct output {
	FILE *out;
	enum output_format format;
	size_t ncolumns;
	const char *const *columns;
	char **cells; /* table: every row, kept to measure the columns */
	size_t nrows, cap;
	long long json_rows;
	bool started; /* header written */
};

int output_format_parse(const char *name, enum output_format *format)
{
	static const char *const names[] = {"table", "tsv", "json", "csv"};
	for (int i = 0; i < 4; i++)
		if (strcmp(names[i], name) == 0) {
			*format = (enum output_format)i;
			return 0;
		}
	return -1;
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

/* Backslashes doubled, then tab, newline and CR as \t, \n, \r, and any
 * other control character escaped by text_sanitize. */
static void put_tsv(FILE *out, const char *s)
{
	struct strbuf sb = {0};
	strbuf_add(&sb, "");
	for (; s && *s; s++)
		strbuf_addn(&sb, *s == '\\' ? "\\\\" : s, *s == '\\' ? 2 : 1);
	char *safe = text_sanitize(sb.buf, 0);
	fputs(safe, out);
	free(safe);
	strbuf_free(&sb);
}

void output_json_string(FILE *out, const char *s)
{
	putc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p == '\t')
			fputs("\\t", out);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\u%04x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			fprintf(out, "\\u%04x", p[1]), p++; /* C1 controls */
		else if (*p == 0xe2 && ((p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae) ||
		                        (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)))
			fprintf(out, "\\u%04x",
			        0x2000 | (p[1] & 0x3f) << 6 | (p[2] & 0x3f)),
			    p += 2; /* bidirectional overrides and isolates */
		else
			putc(*p, out);
	}
	putc('"', out);
}

static void put_json_value(FILE *out, const char *value, const struct field *f)
{
	if (!value) {
		fputs("null", out);
		return;
	}
	enum field_type type = f ? f->type : FIELD_TEXT;
	if (type == FIELD_ID || type == FIELD_INT || type == FIELD_MONEY ||
	    (type == FIELD_REF && f->ref->fields[f->ref->key].type == FIELD_ID)) {
		fputs(value, out);
	} else if (type == FIELD_REFLIST) {
		putc('[', out);
		char *copy = xstrdup(value), *save = NULL;
		bool numeric = f->ref->fields[f->ref->key].type == FIELD_ID;
		int n = 0;
		for (char *w = strtok_r(copy, " ", &save); w;
		     w = strtok_r(NULL, " ", &save)) {
			fputs(n++ ? ", " : "", out);
			if (numeric)
				fputs(w, out);
			else
				output_json_string(out, w);
		}
		free(copy);
		putc(']', out);
	} else {
		output_json_string(out, value);
	}
}

const char *output_display(const struct field *f, const char *value, char *buf,
                           size_t size)
{
	if (!value || !f || f->type != FIELD_MONEY)
		return value;
	/* The stored form is "-1250.5" or "763000000": exact in hundredths. */
	char *end;
	long long whole = strtoll(value, &end, 10), cents = 0;
	if (*end == '.') {
		cents = (end[1] - '0') * 10 + (end[2] ? end[2] - '0' : 0);
		if (value[0] == '-')
			cents = -cents;
	}
	text_money(whole * 100 + cents, NULL, buf, size);
	return buf;
}

struct output *output_begin(FILE *out, enum output_format format,
                            const char *const *columns, size_t ncolumns)
{
	struct output *o = xcalloc(1, sizeof *o);
	o->out = out;
	o->format = format;
	o->columns = columns;
	o->ncolumns = ncolumns;
	return o;
}

/* Written with the first row, or at the end: a refused listing prints
 * nothing at all. */
static void start(struct output *o)
{
	if (o->started)
		return;
	o->started = true;
	if (o->format == OUTPUT_TSV || o->format == OUTPUT_CSV) {
		for (size_t i = 0; i < o->ncolumns; i++) {
			fputs(i ? (o->format == OUTPUT_TSV ? "\t" : ",") : "", o->out);
			fputs(o->columns[i], o->out);
		}
		fputs(o->format == OUTPUT_CSV ? "\r\n" : "\n", o->out);
	} else if (o->format == OUTPUT_JSON) {
		fputs("[", o->out);
	}
}

void output_row(struct output *o, const char *const *values, const struct field *fields)
{
	FILE *out = o->out;
	start(o);
	switch (o->format) {
	case OUTPUT_TSV:
		for (size_t i = 0; i < o->ncolumns; i++) {
			fputs(i ? "\t" : "", out);
			put_tsv(out, values[i]);
		}
		putc('\n', out);
		break;
	case OUTPUT_CSV:
		for (size_t i = 0; i < o->ncolumns; i++) {
			fputs(i ? "," : "", out);
			csv_write_field(out, values[i]);
		}
		fputs("\r\n", out);
		break;
	case OUTPUT_JSON:
		fputs(o->json_rows++ ? ",\n {" : "\n {", out);
		for (size_t i = 0; i < o->ncolumns; i++) {
			fputs(i ? ", " : "", out);
			output_json_string(out, o->columns[i]);
			fputs(": ", out);
			put_json_value(out, values[i], fields ? &fields[i] : NULL);
		}
		putc('}', out);
		break;
	case OUTPUT_TABLE:
		if (o->nrows + 1 > o->cap) {
			o->cap = o->cap ? o->cap * 2 : 64;
			o->cells =
			    xrealloc(o->cells, o->cap * o->ncolumns * sizeof *o->cells);
		}
		for (size_t i = 0; i < o->ncolumns; i++) {
			/* One line per row: newlines in text show as spaces;
			 * other control characters as escapes. */
			char money[48];
			const char *shown = output_display(
			    fields ? &fields[i] : NULL, values[i], money, sizeof money);
			char *cell = text_sanitize(shown, TEXT_KEEP_LINES);
			for (char *p = cell; *p; p++)
				if (*p == '\n' || *p == '\t')
					*p = ' ';
			o->cells[o->nrows * o->ncolumns + i] = cell;
		}
		o->nrows++;
		break;
	}
}

static void put_cell(FILE *out, const char *cell, int width, bool last)
{
	int used;
	size_t bytes = text_fit(cell, width, &used);
	if (bytes < strlen(cell)) {
		bytes = text_fit(cell, width - 1, &used);
		fwrite(cell, 1, bytes, out);
		fputs("…", out);
		used++;
	} else {
		fwrite(cell, 1, bytes, out);
	}
	if (!last)
		fprintf(out, "%*s", width - used + 2, "");
}

static void print_table(struct output *o)
{
	int *width = xcalloc(o->ncolumns, sizeof *width);
	for (size_t i = 0; i < o->ncolumns; i++)
		width[i] = text_width(o->columns[i]);
	for (size_t r = 0; r < o->nrows; r++)
		for (size_t i = 0; i < o->ncolumns; i++) {
			int w = text_width(o->cells[r * o->ncolumns + i]);
			if (w > width[i])
				width[i] = w > TABLE_MAX_WIDTH ? TABLE_MAX_WIDTH : w;
		}
	for (size_t i = 0; i < o->ncolumns; i++)
		put_cell(o->out, o->columns[i], width[i], i + 1 == o->ncolumns);
	putc('\n', o->out);
	for (size_t r = 0; r < o->nrows; r++) {
		for (size_t i = 0; i < o->ncolumns; i++) {
			put_cell(o->out, o->cells[r * o->ncolumns + i], width[i],
			         i + 1 == o->ncolumns);
			free(o->cells[r * o->ncolumns + i]);
		}
		putc('\n', o->out);
	}
	free(width);
}

void output_discard(struct output *o)
{
	if (o->format == OUTPUT_TABLE)
		for (size_t i = 0; i < o->nrows * o->ncolumns; i++)
			free(o->cells[i]);
	free(o->cells);
	free(o);
}

int output_end(struct output *o)
{
	start(o);
	if (o->format == OUTPUT_TABLE)
		print_table(o);
	else if (o->format == OUTPUT_JSON)
		fputs(o->json_rows ? "\n]\n" : "]\n", o->out);
	free(o->cells);
	int failed = fflush(o->out) != 0 || ferror(o->out);
	free(o);
	return failed;
}

static int keep_warning(const struct check_problem *p, void *ctx)
{
	strbuf_addf(ctx, "warning: %s\n", p->message);
	return 0;
}

int cli_change(struct cli *cli, const struct kind *kind, change_fn change, void *ctx,
               struct strbuf *warnings, struct summit_err *err)
{
	int status = change_run(cli->db, kind, change, ctx, keep_warning, warnings, err);
	if (status) {
		strbuf_free(warnings);
		*warnings = (struct strbuf){0};
	}
	return status;
}

void cli_warn(struct strbuf *warnings)
{
	if (warnings->len)
		cli_print(stderr, "%s", warnings->buf);
	strbuf_free(warnings);
}
