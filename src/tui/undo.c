/* u: the last change taken back, through the record's revision, so a
 * record another planner changed since is left alone (the refusal says
 * so). One level: a form's save, a removal. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

void undo_clear(struct tui *tui)
{
	struct undo *u = &tui->undo;
	if (u->values && u->kind)
		for (size_t i = 0; i < u->kind->nfields; i++)
			free(u->values[i]);
	free(u->values);
	memset(u, 0, sizeof *u);
}

void undo_note(struct tui *tui, enum undo_op op, const struct kind *kind, long long id,
               char *const *values)
{
	undo_clear(tui);
	struct undo *u = &tui->undo;
	struct record rec = {0};
	if (op != UNDO_DELETE && record_get(tui->db, kind, id, &rec, NULL) == SUMMIT_OK)
		u->revision = rec.revision;
	record_clear(&rec);
	u->op = op;
	u->kind = kind;
	u->id = id;
	if (values) {
		u->values = xcalloc(kind->nfields, sizeof *u->values);
		for (size_t i = 0; i < kind->nfields; i++)
			u->values[i] = values[i] ? xstrdup(values[i]) : NULL;
	}
}

static int take_back(struct summit_db *db, void *ctx, struct summit_err *err)
{
	struct undo *u = ctx;
	long long id;
	if (u->op == UNDO_INSERT)
		return record_delete(db, u->kind, u->id, u->revision, err);
	if (u->op == UNDO_UPDATE)
		return record_update(db, u->kind, u->id, u->values, u->revision, err);
	return record_insert(db, u->kind, u->values, &id, err);
}

void undo_last(struct tui *tui)
{
	struct undo *u = &tui->undo;
	if (u->op == UNDO_NONE) {
		tui_message(tui, ROLE_DIM, "Nothing to undo.");
		return;
	}
	struct summit_err err;
	err_clear(&err);
	struct strbuf warnings = {0};
	int status =
	    change_run(tui->db, u->kind, take_back, u, tui_keep_warning, &warnings, &err);
	static const char *const what[] = {"", "the new %s", "the change of the %s",
	                                   "the removal of the %s"};
	char done[200];
	snprintf(done, sizeof done, what[u->op], u->kind->singular);
	if (status) {
		strbuf_free(&warnings);
		tui_message(tui, ROLE_ERROR, "Cannot undo %s: %s", done, err.msg);
		undo_clear(tui);
		return;
	}
	undo_clear(tui);
	tui_reload(tui);
	tui_done(tui, &warnings, "Undone: %s", done);
}
