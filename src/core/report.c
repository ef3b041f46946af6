#include "summit/report.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "report_internal.h"
#include "summit/db.h"

/* ---- building ---- */

static struct report_block *new_block(struct report_doc *r, enum report_block_type type)
{
	if (r->count == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 32;
		r->blocks = xrealloc(r->blocks, r->cap * sizeof *r->blocks);
	}
	struct report_block *b = &r->blocks[r->count++];
	memset(b, 0, sizeof *b);
	b->type = type;
	return b;
}

void report_add(struct report_doc *r, enum report_block_type type, const char *fmt, ...)
{
	struct report_block *b = new_block(r, type);
	if (type == REPORT_PAGE || type == REPORT_TABLE)
		return;
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(&b->text, fmt, ap) < 0)
		b->text = xstrdup("");
	va_end(ap);
}

void report_table(struct report_doc *r, size_t ncols, const char *const *headers)
{
	struct report_block *b = new_block(r, REPORT_TABLE);
	b->ncols = ncols;
	for (size_t c = 0; c < ncols && c < 8; c++)
		b->numeric[c] = headers[c][0] == '>';
	const char *shown[16];
	for (size_t c = 0; c < ncols && c < 16; c++)
		shown[c] = headers[c] + (headers[c][0] == '>');
	report_row(r, shown);
}

void report_row(struct report_doc *r, const char *const *cells)
{
	struct report_block *b = &r->blocks[r->count - 1];
	if (b->nrows == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->cells = xrealloc(b->cells, b->cap * b->ncols * sizeof *b->cells);
	}
	for (size_t c = 0; c < b->ncols; c++)
		b->cells[b->nrows * b->ncols + c] = xstrdup(cells[c] ? cells[c] : "");
	b->nrows++;
}

void report_free(struct report_doc *r)
{
	for (size_t i = 0; i < r->count; i++) {
		struct report_block *b = &r->blocks[i];
		free(b->text);
		for (size_t k = 0; k < b->nrows * b->ncols; k++)
			free(b->cells[k]);
		free(b->cells);
	}
	free(r->blocks);
	memset(r, 0, sizeof *r);
}

/* ---- Markdown ---- */

static void md_cell(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|' || *s == '\\')
			fputc('\\', out);
		fputc(*s, out);
	}
}

int report_write_markdown(const struct report_doc *r, FILE *out)
{
	for (size_t i = 0; i < r->count; i++) {
		const struct report_block *b = &r->blocks[i];
		switch (b->type) {
		case REPORT_TITLE:
			fprintf(out, "# %s\n\n", b->text);
			break;
		case REPORT_HEADING:
			fprintf(out, "## %s\n\n", b->text);
			break;
		case REPORT_PARAGRAPH:
			fprintf(out, "%s\n\n", b->text);
			break;
		case REPORT_PAGE:
			break;
		case REPORT_TABLE:
			for (size_t row = 0; row < b->nrows; row++) {
				for (size_t c = 0; c < b->ncols; c++) {
					fputs(c ? " | " : "| ", out);
					md_cell(out, b->cells[row * b->ncols + c]);
				}
				fputs(" |\n", out);
				if (row == 0) {
					for (size_t c = 0; c < b->ncols; c++)
						fputs(c < 8 && b->numeric[c] ? "| --: "
						                             : "| --- ",
						      out);
					fputs("|\n", out);
				}
			}
			fputc('\n', out);
			break;
		}
	}
	fflush(out);
	return ferror(out) ? -1 : 0;
}

/* ---- reading ---- */

const char *report_col(sqlite3_stmt *st, int c)
{
	const unsigned char *s = sqlite3_column_text(st, c);
	return s ? (const char *)s : "";
}

/* The statement's one row, or the event's absence; finalized on failure. */
int report_one_row(struct summit_db *db, sqlite3_stmt *st, struct summit_err *err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return SUMMIT_OK;
	int status = rc == SQLITE_DONE ? err_no_event(err) : db_step_error(db, rc, err);
	sqlite3_finalize(st);
	return status;
}

/* A table straight from a statement: each column's text, in order; ncols
 * from the statement. */
int report_table_rows(struct summit_db *db, struct report_doc *r, sqlite3_stmt *st,
                      long long *nrows, struct summit_err *err)
{
	int n = sqlite3_column_count(st), rc;
	const char *cells[16];
	long long count = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int c = 0; c < n && c < 16; c++)
			cells[c] = report_col(st, c);
		report_row(r, cells);
		count++;
	}
	int status = rc == SQLITE_DONE ? SUMMIT_OK : db_step_error(db, rc, err);
	sqlite3_finalize(st);
	if (nrows)
		*nrows = count;
	return status;
}

/* Takes back the last block (a table that stayed empty). */
void report_drop_last(struct report_doc *r)
{
	struct report_block *b = &r->blocks[--r->count];
	free(b->text);
	for (size_t k = 0; k < b->nrows * b->ncols; k++)
		free(b->cells[k]);
	free(b->cells);
}
