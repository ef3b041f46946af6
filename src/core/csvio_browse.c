/* A list as the planner sees it (filtered, searched, sorted) written as
 * CSV, in the columns csv_import reads: "export what is shown". */
#include <errno.h>
#include <string.h>

#include "summit/browse.h"
#include "summit/csvio.h"
#include "summit/error.h"
#include "summit/record.h"

struct shown {
	struct summit_db *db;
	const struct kind *kind;
	FILE *out;
};

static int write_shown(const struct browse_row *row, void *ctx)
{
	struct shown *s = ctx;
	struct record rec = {0};
	if (record_get(s->db, s->kind, row->id, &rec, NULL) != SUMMIT_OK)
		return 0;
	for (size_t i = 0; i < s->kind->nfields; i++) {
		if (i)
			putc(',', s->out);
		csv_write_field(s->out, rec.values[i]);
	}
	fputs("\r\n", s->out);
	record_clear(&rec);
	return ferror(s->out) ? -1 : 0;
}

int csv_export_browse(struct summit_db *db, const struct browse *b, FILE *out,
                      long long *rows, struct summit_err *err)
{
	const struct kind *kind = b->kind;
	for (size_t i = 0; i < kind->nfields; i++)
		fprintf(out, "%s%s", i ? "," : "", kind->fields[i].name);
	fputs("\r\n", out);
	struct shown s = {db, kind, out};
	int status = browse_each(db, b, 0, -1, write_shown, &s, err);
	if (status < 0 || ferror(out))
		return err_set(err, SUMMIT_FAILED, "cannot write: %s", strerror(errno));
	if (!status && rows)
		browse_count(db, b, rows, err);
	return status;
}
