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

void undo_last(struct tui *tui)
{
	struct undo *u = &tui->undo;
	if (u->op == UNDO_NONE) {
		tui_message(tui, ROLE_DIM, "Nothing to undo.");
		return;
	}
	struct summit_err err;
	err_clear(&err);
	long long id = u->id;
	int status = db_begin(tui->db, &err);
	if (!status) {
		if (u->op == UNDO_INSERT)
			status =
			    record_delete(tui->db, u->kind, u->id, u->revision, &err);
		else if (u->op == UNDO_UPDATE)
			status = record_update(tui->db, u->kind, u->id, u->values,
			                       u->revision, &err);
		else
			status = record_insert(tui->db, u->kind, u->values, &id, &err);
		status = db_end(tui->db, status, &err);
	}
	static const char *const what[] = {"", "the new %s", "the change of the %s",
	                                   "the removal of the %s"};
	char done[200];
	snprintf(done, sizeof done, what[u->op], u->kind->singular);
	if (status) {
		tui_message(tui, ROLE_ERROR, "Cannot undo %s: %s", done, err.msg);
		undo_clear(tui);
		return;
	}
	undo_clear(tui);
	tui_reload(tui);
	tui_message(tui, ROLE_GOOD, "Undone: %s.", done);
}
