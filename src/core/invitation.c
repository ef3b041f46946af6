#include "summit/invitation.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "summit/kind.h"
#include "summit/record.h"
#include "summit/text.h"
#include "summit/when.h"

static const struct {
	const char *from, *to;
} transitions[] = {
    {"draft", "sent withdrawn"},
    {"sent", "delivered acknowledged accepted declined withdrawn"},
    {"delivered", "acknowledged accepted declined withdrawn"},
    {"acknowledged", "accepted declined withdrawn"},
    {"accepted", "declined withdrawn"},
    {"declined", "sent"},
    {"withdrawn", "sent"},
};

const char *invitation_next_states(const char *from)
{
	for (size_t i = 0; i < sizeof transitions / sizeof transitions[0]; i++)
		if (strcmp(transitions[i].from, from) == 0)
			return transitions[i].to;
	return "";
}

bool invitation_can_move(const char *from, const char *to)
{
	return text_has_word(invitation_next_states(from), to);
}

/* The rule for a history row imported from a file. */
int invitation_check_history(struct summit_db *db, long long self, const char *const *v,
                             struct summit_err *err)
{
	(void)db;
	(void)self;
	const char *old = v[HISTORY_OLD_STATE], *new = v[HISTORY_NEW_STATE];
	if (old && !invitation_can_move(old, new))
		return err_field(
		    err, "new_state",
		    "got %s after %s, a move that is not allowed, expected one "
		    "of: %s",
		    new, old, invitation_next_states(old));
	return SUMMIT_OK;
}

static int add_history(struct summit_db *db, const char *code, const char *at,
                       const char *old, const char *new, const char *channel,
                       const char *note, struct summit_err *err)
{
	const struct kind *history = &kind_history;
	char now[WHEN_TIME_LEN];
	if (!at) {
		when_format_local(db, when_now(db), now);
		at = now;
	}
	char *values[HISTORY_FIELD_COUNT] = {
	    [HISTORY_DELEGATION] = (char *)code, [HISTORY_AT] = (char *)at,
	    [HISTORY_OLD_STATE] = (char *)old,   [HISTORY_NEW_STATE] = (char *)new,
	    [HISTORY_CHANNEL] = (char *)channel, [HISTORY_NOTE] = (char *)note};
	return record_insert(db, history, values, NULL, err);
}

int invitation_after_insert(struct summit_db *db, long long id, struct summit_err *err)
{
	if (db->loading_history)
		return SUMMIT_OK;
	struct record inv = {0};
	int status = record_get(db, &kind_invitations, id, &inv, err);
	if (!status)
		status = add_history(db, inv.values[INVITATION_DELEGATION], NULL, NULL,
		                     inv.values[INVITATION_STATE],
		                     inv.values[INVITATION_CHANNEL], "recorded", err);
	record_clear(&inv);
	return status;
}

int invitation_move(struct summit_db *db, const struct invitation_move *move,
                    struct summit_err *err)
{
	const struct kind *kind = &kind_invitations;
	long long id;
	int status = record_find(db, kind, move->delegation, &id, err);
	if (status == SUMMIT_NOT_FOUND)
		return err_set(
		    err, SUMMIT_NOT_FOUND,
		    "delegation %s has no invitation: add one with `summit add "
		    "invitations delegation=%s`",
		    move->delegation, move->delegation);
	if (status)
		return status;
	struct record inv = {0};
	if ((status = record_get(db, kind, id, &inv, err)))
		return status;
	char old[32];
	snprintf(old, sizeof old, "%s", inv.values[INVITATION_STATE]);
	if (!invitation_can_move(old, move->state)) {
		const char *next = invitation_next_states(old);
		status = err_field(err, "state",
		                   "the invitation of %s is %s and cannot become %s, "
		                   "expected one of: %s",
		                   move->delegation, old, move->state, next);
		record_clear(&inv);
		return status;
	}
	long long at = when_now(db), last = 0;
	if (move->at && (status = when_parse_local(db, move->at, &at, err))) {
		if (err)
			snprintf(err->field, sizeof err->field, "at");
		record_clear(&inv);
		return status;
	}
	/* The history reads oldest first: a move cannot predate the last one. */
	if ((status = db_int(db, "SELECT max(at) FROM history WHERE delegation = ?", id,
	                     0, 0, &last, err))) {
		record_clear(&inv);
		return status;
	}
	if (at < last) {
		char when[WHEN_TIME_LEN], then[WHEN_TIME_LEN];
		when_format_local(db, at, when);
		when_format_local(db, last, then);
		record_clear(&inv);
		return err_field(
		    err, "at",
		    "got %s, before the invitation's last change at %s, expected "
		    "a later time",
		    when, then);
	}
	char *changes[INVITATION_FIELD_COUNT] = {0};
	changes[INVITATION_CHANNEL] = (char *)move->channel;
	changes[INVITATION_VIA] = (char *)move->via;
	if (!status)
		status = record_update(db, kind, id, changes, 0, err);
	if (!status) {
		/* The state is a fixed field: only this verb changes it. */
		sqlite3_stmt *st;
		status = db_prepare(db, "UPDATE invitations SET state = ? WHERE id = ?",
		                    &st, err);
		if (!status) {
			sqlite3_bind_text(st, 1, move->state, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 2, id);
			int rc = sqlite3_step(st);
			if (rc != SQLITE_DONE)
				status = db_step_error(db, rc, err);
			sqlite3_finalize(st);
		}
	}
	record_clear(&inv);
	if (status)
		return status;
	struct record now = {0};
	if ((status = record_get(db, kind, id, &now, err)))
		return status;
	char at_text[WHEN_EXACT_LEN];
	when_format_exact(db, at, at_text);
	status = add_history(db, move->delegation, at_text, old, move->state,
	                     now.values[INVITATION_CHANNEL], move->note, err);
	record_clear(&now);
	return status;
}

int invitation_check_histories(struct summit_db *db, struct summit_err *err)
{
	struct strbuf bad = {0};
	sqlite3_stmt *st;
	/* The latest row of each invitation's history, compared with its state. */
	int status = db_prepare(
	    db,
	    "SELECT d.code, i.state, h.new_state FROM invitations i"
	    " JOIN delegations d ON d.id = i.delegation"
	    " JOIN history h ON h.id = (SELECT id FROM history WHERE delegation = i.id"
	    "   ORDER BY at DESC, id DESC LIMIT 1)"
	    " WHERE h.new_state <> i.state ORDER BY d.code",
	    &st, err);
	if (status)
		return status;
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n++ < 5)
			strbuf_addf(&bad, "%s%s is %s but its history ends %s",
			            n > 1 ? "; " : "", sqlite3_column_text(st, 0),
			            sqlite3_column_text(st, 1),
			            sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	if (n)
		status =
		    err_set(err, SUMMIT_INVALID,
		            "the history does not match the invitations: %s%s; expected "
		            "each invitation's last history row to give its state",
		            bad.buf, n > 5 ? "; ..." : "");
	strbuf_free(&bad);
	return status;
}
