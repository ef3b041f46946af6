#include "summit/accreditation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "summit/db.h"
#include "summit/kind.h"
#include "summit/record.h"
#include "summit/text.h"
#include "summit/when.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *const attendance_stage_names[] = {"invited", "accepted", "accredited",
                                              "attended"};

/* A badge's category unless set: the press, observers (and guests), or
 * participants, after its delegation. Needs a.category and d.kind, d.status. */
#define CATEGORY_SQL                                                                     \
	"coalesce(a.category, CASE WHEN d.kind = 'press' THEN 'press'"                   \
	" WHEN d.status IN ('observer', 'guest') THEN 'observer'"                        \
	" ELSE 'participant' END)"
/* The states in which a badge lets its holder in. */
#define VALID_SQL "('approved', 'printed', 'collected')"

static const struct {
	const char *from, *to;
} transitions[] = {
    {"requested", "approved revoked"},        {"approved", "printed revoked"},
    {"printed", "collected printed revoked"}, /* printed again when lost */
    {"collected", "printed revoked"},         {"revoked", "requested"},
};

const char *accreditation_next_states(const char *from)
{
	for (size_t i = 0; i < COUNT(transitions); i++)
		if (strcmp(transitions[i].from, from) == 0)
			return transitions[i].to;
	return "";
}

bool accreditation_can_move(const char *from, const char *to)
{
	return text_has_word(accreditation_next_states(from), to);
}

int accreditation_check_history(struct summit_db *db, long long self,
                                const char *const *v, struct summit_err *err)
{
	(void)db;
	(void)self;
	if (v[BADGE_HISTORY_OLD_STATE] &&
	    !accreditation_can_move(v[BADGE_HISTORY_OLD_STATE],
	                            v[BADGE_HISTORY_NEW_STATE]))
		return err_field(
		    err, "new_state",
		    "got %s after %s, a move that is not allowed, expected one "
		    "of: %s",
		    v[BADGE_HISTORY_NEW_STATE], v[BADGE_HISTORY_OLD_STATE],
		    accreditation_next_states(v[BADGE_HISTORY_OLD_STATE]));
	return SUMMIT_OK;
}

static int add_history(struct summit_db *db, const char *badge, const char *at,
                       const char *old, const char *new, const char *note,
                       struct summit_err *err)
{
	char now[WHEN_TIME_LEN];
	if (!at) {
		when_format_local(db, when_now(db), now);
		at = now;
	}
	char *values[BADGE_HISTORY_FIELD_COUNT] = {
	    NULL, (char *)badge, (char *)at, (char *)old, (char *)new, (char *)note};
	return record_insert(db, &kind_badge_history, values, NULL, err);
}

int accreditation_after_insert(struct summit_db *db, long long id, struct summit_err *err)
{
	if (db->loading_badge_history)
		return SUMMIT_OK;
	struct record rec = {0};
	int status = record_get(db, &kind_accreditations, id, &rec, err);
	if (!status)
		status = add_history(db, rec.values[ACCREDITATION_BADGE], NULL, NULL,
		                     rec.values[ACCREDITATION_STATE], "recorded", err);
	record_clear(&rec);
	return status;
}

int accreditation_move(struct summit_db *db, const struct accreditation_move *move,
                       struct summit_err *err)
{
	long long id;
	int status = record_find(db, &kind_accreditations, move->badge, &id, err);
	if (status == SUMMIT_NOT_FOUND)
		return err_set(err, SUMMIT_NOT_FOUND,
		               "no badge %s: accredit a person with `summit add "
		               "accreditations badge=%s person=ID`",
		               move->badge, move->badge);
	if (status)
		return status;
	struct record rec = {0};
	if ((status = record_get(db, &kind_accreditations, id, &rec, err)))
		return status;
	char old[32];
	snprintf(old, sizeof old, "%s", rec.values[ACCREDITATION_STATE]);
	record_clear(&rec);
	if (!accreditation_can_move(old, move->state))
		return err_field(
		    err, "state",
		    "badge %s is %s and cannot become %s, expected one of: %s",
		    move->badge, old, move->state, accreditation_next_states(old));
	long long at = when_now(db), last = 0;
	if (move->at && (status = when_parse_local(db, move->at, &at, err))) {
		if (err)
			snprintf(err->field, sizeof err->field, "at");
		return status;
	}
	/* The history reads oldest first: a move cannot predate the last one. */
	if ((status = db_int(db,
	                     "SELECT coalesce(max(at), 0) FROM \"badge-history\""
	                     " WHERE badge = ?",
	                     id, 0, 0, &last, err)))
		return status;
	if (at < last) {
		char when[WHEN_TIME_LEN], then[WHEN_TIME_LEN];
		when_format_local(db, at, when);
		when_format_local(db, last, then);
		return err_field(
		    err, "at",
		    "got %s, before the badge's last change at %s, expected a "
		    "later time",
		    when, then);
	}
	/* The state is a fixed field: only this verb changes it. */
	sqlite3_stmt *st;
	status = db_prepare(db,
	                    "UPDATE accreditations SET state = ?, revision = revision + 1"
	                    " WHERE id = ?",
	                    &st, err);
	if (status)
		return status;
	sqlite3_bind_text(st, 1, move->state, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		status = db_step_error(db, rc, err);
	sqlite3_finalize(st);
	if (status)
		return status;
	char at_text[WHEN_TIME_LEN];
	when_format_local(db, at, at_text);
	return add_history(db, move->badge, at_text, old, move->state, move->note, err);
}

int accreditation_check_histories(struct summit_db *db, struct summit_err *err)
{
	sqlite3_stmt *st;
	// clang-format off
	int status = db_prepare(db,
	    "SELECT a.badge, a.state, h.new_state FROM accreditations a"
	    " JOIN \"badge-history\" h ON h.id = (SELECT id FROM \"badge-history\""
	    "   WHERE badge = a.id ORDER BY at DESC, id DESC LIMIT 1)"
	    " WHERE h.new_state <> a.state ORDER BY a.badge",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	struct strbuf bad = {0};
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW)
		if (n++ < 5)
			strbuf_addf(&bad, "%s%s is %s but its history ends %s",
			            n > 1 ? "; " : "", sqlite3_column_text(st, 0),
			            sqlite3_column_text(st, 1),
			            sqlite3_column_text(st, 2));
	sqlite3_finalize(st);
	if (n)
		status = err_set(err, SUMMIT_INVALID,
		                 "the badge history does not match the accreditations: "
		                 "%s%s; expected each badge's last history row to give "
		                 "its state",
		                 bad.buf, n > 5 ? "; ..." : "");
	strbuf_free(&bad);
	return status;
}

/* ---- check-in ---- */

static void copy_col(char *out, size_t size, sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	snprintf(out, size, "%s", s ? (const char *)s : "");
}

/* "%key%"-free LIKE pattern of the folded key, so a name matches whole. */
static char *like_pattern(const char *folded)
{
	struct strbuf sb = {0};
	for (const char *p = folded; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			strbuf_add(&sb, "\\");
		strbuf_addn(&sb, p, 1);
	}
	strbuf_add(&sb, "");
	return strbuf_take(&sb);
}

// clang-format off
#define BADGE_SELECT \
	"SELECT a.id, a.badge, a.state, p.name, d.code, d.name, " CATEGORY_SQL \
	" FROM accreditations a JOIN people p ON p.id = a.person" \
	" JOIN delegations d ON d.id = p.delegation"
// clang-format on

/* The badge a scan names: its number, else the one person of that name. */
static int find_badge(struct summit_db *db, const char *key, long long *id, char *state,
                      size_t state_size, struct checkin_result *out,
                      struct summit_err *err)
{
	/* What a scanner or a hand typed is repeated in messages: never a
	 * control character. */
	if (!text_valid_utf8(key) || text_has_control(key, false))
		return err_set(err, SUMMIT_INVALID,
		               "got a scan with control characters or bytes that are not "
		               "UTF-8, expected a badge number or a name");
	sqlite3_stmt *st;
	int status =
	    db_prepare(db, BADGE_SELECT " WHERE a.badge = ? COLLATE NOCASE", &st, err);
	if (status)
		return status;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return db_step_error(db, rc, err);
		char *folded = text_fold(key);
		if (!folded)
			return err_set(
			    err, SUMMIT_INVALID,
			    "got a scan that is not UTF-8 text, expected a badge "
			    "number or a name");
		char *pattern = like_pattern(folded);
		free(folded);
		// clang-format off
		status = db_prepare(db,
		    "SELECT a.id, a.badge, a.state, p.name, d.code, d.name, "
		    CATEGORY_SQL ", p.id FROM people p"
		    " JOIN delegations d ON d.id = p.delegation"
		    " LEFT JOIN accreditations a ON a.person = p.id"
		    " WHERE summit_fold(p.name) LIKE ? ESCAPE '\\' ORDER BY p.id",
		    &st, err);
		// clang-format on
		if (status) {
			free(pattern);
			return status;
		}
		sqlite3_bind_text(st, 1, pattern, -1, free);
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE) {
			sqlite3_finalize(st);
			return err_set(
			    err, SUMMIT_NOT_FOUND,
			    "unknown badge \"%s\": no badge has that number and "
			    "nobody that name, expected a badge number or a "
			    "person's full name",
			    key);
		}
		if (rc != SQLITE_ROW) {
			sqlite3_finalize(st);
			return db_step_error(db, rc, err);
		}
		if (sqlite3_column_type(st, 0) == SQLITE_NULL) {
			status = err_set(err, SUMMIT_INVALID,
			                 "%s (%s, person %lld) has no badge: refused, "
			                 "accredit them first",
			                 sqlite3_column_text(st, 3),
			                 sqlite3_column_text(st, 4),
			                 sqlite3_column_int64(st, 7));
			sqlite3_finalize(st);
			return status;
		}
	}
	*id = sqlite3_column_int64(st, 0);
	copy_col(out->badge, sizeof out->badge, st, 1);
	copy_col(state, state_size, st, 2);
	copy_col(out->name, sizeof out->name, st, 3);
	copy_col(out->delegation, sizeof out->delegation, st, 4);
	copy_col(out->delegation_name, sizeof out->delegation_name, st, 5);
	copy_col(out->category, sizeof out->category, st, 6);
	/* Two people of one name: the desk must scan the badge. */
	struct strbuf others = {0};
	long long more = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (more++ < 4)
			strbuf_addf(&others, "%s%s (%s)", others.len ? ", " : "",
			            sqlite3_column_text(st, 1)
			                ? (const char *)sqlite3_column_text(st, 1)
			                : "no badge",
			            sqlite3_column_text(st, 4));
	sqlite3_finalize(st);
	if (more > 4)
		strbuf_addf(&others, " and %lld more", more - 4);
	if (others.len)
		status =
		    err_set(err, SUMMIT_NOT_FOUND,
		            "\"%s\" names more than one person: %s (%s), %s; expected "
		            "the badge number",
		            key, out->badge, out->delegation, others.buf);
	strbuf_free(&others);
	return status;
}

int checkin_record(struct summit_db *db, const struct checkin_scan *scan,
                   struct checkin_result *out, struct summit_err *err)
{
	memset(out, 0, sizeof *out);
	if (!db_has_event(db))
		return err_no_event(err);
	long long id = 0; /* set by find_badge; -O1 cannot tell */
	char state[32];
	int status = find_badge(db, scan->key, &id, state, sizeof state, out, err);
	if (status)
		return status;
	if (strcmp(state, "revoked") == 0)
		return err_set(err, SUMMIT_INVALID,
		               "REVOKED badge %s (%s, %s): refused, do not let them in",
		               out->badge, out->name, out->delegation);
	if (strcmp(state, "requested") == 0)
		return err_set(
		    err, SUMMIT_INVALID,
		    "badge %s (%s, %s) is only requested, not approved: refused",
		    out->badge, out->name, out->delegation);
	long long at = when_now(db);
	if (scan->at && (status = when_parse_local(db, scan->at, &at, err))) {
		if (err)
			snprintf(err->field, sizeof err->field, "at");
		return status;
	}
	when_format_local(db, at, out->at);
	char day[WHEN_DATE_LEN];
	snprintf(day, sizeof day, "%.10s", out->at);
	long long start, end, before = 0;
	if ((status = when_day_bounds(db, day, &start, &end, err)))
		return status;
	if ((status = db_int(db,
	                     "SELECT count(*) FROM checkins WHERE badge = ? AND at >= ?"
	                     " AND at < ?",
	                     id, start, end, &before, err)))
		return status;
	out->again = before > 0;
	char *values[CHECKIN_FIELD_COUNT] = {NULL, out->badge, out->at,
	                                     (char *)scan->room, (char *)scan->desk};
	if ((status = record_insert(db, &kind_checkins, values, NULL, err)))
		return status;
	if ((status = db_int(db,
	                     "SELECT count(DISTINCT badge) FROM checkins WHERE at >= ?"
	                     " AND at < ?",
	                     start, end, 0, &out->people_day, err)))
		return status;
	if (scan->room) {
		long long room;
		if ((status = record_find(db, &kind_rooms, scan->room, &room, err)))
			return status;
		snprintf(out->room, sizeof out->room, "%s", scan->room);
		status =
		    db_int(db,
		           "SELECT count(DISTINCT badge) FROM checkins WHERE room = ?"
		           " AND at >= ? AND at < ?",
		           room, start, end, &out->people_room, err);
	}
	return status;
}

/* ---- attendance ---- */

static int group_index(struct attendance *a, const char *name)
{
	for (int i = 0; i < ATTENDANCE_GROUPS && a->groups[i].name[0]; i++)
		if (strcmp(a->groups[i].name, name) == 0)
			return i;
	return -1;
}

static void add_groups(struct attendance *a, const char *field, int *n)
{
	const struct kind *k = &kind_delegations;
	const struct field *f = &k->fields[kind_field_index(k, field)];
	for (const char *const *c = f->choices; *c && *n < ATTENDANCE_GROUPS; c++, (*n)++)
		snprintf(a->groups[*n].name, sizeof a->groups[*n].name, "%s", *c);
}

int attendance_read(struct summit_db *db, const char *by, struct attendance *a,
                    struct summit_err *err)
{
	memset(a, 0, sizeof *a);
	long long until = when_now(db);
	if (by && when_parse_local(db, by, &until, err))
		return err_field(err, "by",
		                 "got \"%s\", expected a time YYYY-MM-DD HH:MM", by);
	when_format_local(db, until, a->by);
	int n = 0;
	add_groups(a, "status", &n);
	add_groups(a, "kind", &n);
	sqlite3_stmt *st;
	// clang-format off
	int status = db_prepare(db,
	    "SELECT d.code, d.name, d.status, d.kind,"
	    " coalesce(i.state IN ('sent', 'delivered', 'acknowledged', 'accepted',"
	    "   'declined'), 0),"
	    " coalesce(i.state = 'accepted', 0),"
	    " EXISTS (SELECT 1 FROM people p JOIN accreditations a ON a.person = p.id"
	    "   WHERE p.delegation = d.id AND a.state IN " VALID_SQL "),"
	    " " ATTENDANCE_SQL_ATTENDED("d", "?1") ","
	    " (SELECT count(*) FROM people p WHERE p.delegation = d.id),"
	    " (SELECT count(*) FROM people p JOIN accreditations a ON a.person = p.id"
	    "   WHERE p.delegation = d.id AND a.state IN " VALID_SQL "),"
	    " (SELECT count(DISTINCT a.id) FROM people p"
	    "   JOIN accreditations a ON a.person = p.id"
	    "   JOIN checkins c ON c.badge = a.id"
	    "   WHERE p.delegation = d.id AND c.at <= ?1)"
	    " FROM delegations d LEFT JOIN invitations i ON i.delegation = d.id"
	    " ORDER BY d.code",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, until);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		bool stage[STAGE_COUNT];
		for (int s = 0; s < STAGE_COUNT; s++)
			stage[s] = sqlite3_column_int(st, 4 + s) != 0;
		long long members = sqlite3_column_int64(st, 8);
		int gs = group_index(a, (const char *)sqlite3_column_text(st, 2));
		int gk = group_index(a, (const char *)sqlite3_column_text(st, 3));
		for (int s = 0; s < STAGE_COUNT; s++) {
			if (!stage[s])
				continue;
			a->delegations[s]++;
			if (gs >= 0)
				a->groups[gs].delegations[s]++;
			if (gk >= 0)
				a->groups[gk].delegations[s]++;
		}
		if (stage[STAGE_INVITED])
			a->people[STAGE_INVITED] += members;
		if (stage[STAGE_ACCEPTED])
			a->people[STAGE_ACCEPTED] += members;
		a->people[STAGE_ACCREDITED] += sqlite3_column_int64(st, 9);
		a->people[STAGE_ATTENDED] += sqlite3_column_int64(st, 10);
		if (stage[STAGE_ACCEPTED] && !stage[STAGE_ATTENDED]) {
			a->absent =
			    xrealloc(a->absent, (a->nabsent + 1) * sizeof *a->absent);
			struct attendance_absent *x = &a->absent[a->nabsent++];
			copy_col(x->code, sizeof x->code, st, 0);
			copy_col(x->name, sizeof x->name, st, 1);
		}
	}
	if (rc != SQLITE_DONE)
		status = db_step_error(db, rc, err);
	sqlite3_finalize(st);
	return status;
}

void attendance_clear(struct attendance *a)
{
	free(a->absent);
	a->absent = NULL;
	a->nabsent = 0;
}

int attendance_by_day(struct summit_db *db, struct attendance_day **days,
                      long long *ndays, struct summit_err *err)
{
	*days = NULL;
	*ndays = 0;
	if (!db_has_event(db))
		return err_no_event(err);
	int y, m, d;
	when_parse_date(db->first_day, &y, &m, &d);
	long first = when_day_number(y, m, d);
	when_parse_date(db->last_day, &y, &m, &d);
	long last = when_day_number(y, m, d);
	sqlite3_stmt *st;
	// clang-format off
	int status = db_prepare(db,
	    "SELECT count(DISTINCT p.delegation), count(DISTINCT a.id) FROM checkins c"
	    " JOIN accreditations a ON a.id = c.badge JOIN people p ON p.id = a.person"
	    " WHERE c.at >= ? AND c.at < ?",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	*days = xcalloc((size_t)(last - first + 1), sizeof **days);
	for (long day = first; day <= last && !status; day++) {
		struct attendance_day *x = &(*days)[(*ndays)++];
		when_format_day(day, x->day);
		long long start, end;
		if ((status = when_day_bounds(db, x->day, &start, &end, err)))
			break;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, start);
		sqlite3_bind_int64(st, 2, end);
		int rc = sqlite3_step(st);
		if (rc != SQLITE_ROW) {
			status = db_step_error(db, rc, err);
			break;
		}
		x->delegations = sqlite3_column_int64(st, 0);
		x->people = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return status;
}

/* A door scan counts for a session from half an hour before it begins. */
#define DOOR_EARLY_SECONDS 1800

int attendance_by_session(struct summit_db *db, struct attendance_session **sessions,
                          long long *nsessions, struct summit_err *err)
{
	*sessions = NULL;
	*nsessions = 0;
	sqlite3_stmt *st;
	// clang-format off
	int status = db_prepare(db,
	    "SELECT s.id, s.title, r.name, s.start,"
	    " (SELECT count(DISTINCT c.badge) FROM checkins c WHERE c.room = s.room"
	    "   AND c.at >= s.start - ? AND c.at < s.\"end\")"
	    " FROM sessions s JOIN rooms r ON r.id = s.room"
	    " WHERE s.status <> 'cancelled'"
	    "   AND EXISTS (SELECT 1 FROM checkins c WHERE c.room = s.room)"
	    " ORDER BY s.start, r.name",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	sqlite3_bind_int(st, 1, DOOR_EARLY_SECONDS);
	long long cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*nsessions == cap) {
			cap = cap ? 2 * cap : 16;
			*sessions = xrealloc(*sessions, (size_t)cap * sizeof **sessions);
		}
		struct attendance_session *x = &(*sessions)[(*nsessions)++];
		x->id = sqlite3_column_int64(st, 0);
		copy_col(x->title, sizeof x->title, st, 1);
		copy_col(x->room, sizeof x->room, st, 2);
		when_format_local(db, sqlite3_column_int64(st, 3), x->start);
		x->people = sqlite3_column_int64(st, 4);
	}
	if (rc != SQLITE_DONE)
		status = db_step_error(db, rc, err);
	sqlite3_finalize(st);
	return status;
}

int accreditation_each(struct summit_db *db, const char *delegation, const char *badge,
                       bool all, badge_fn fn, void *ctx, struct summit_err *err)
{
	long long only = 0;
	int status;
	if (delegation &&
	    (status = record_find(db, &kind_delegations, delegation, &only, err)))
		return status;
	sqlite3_stmt *st;
	// clang-format off
	status = db_prepare(db,
	    "SELECT a.badge, a.state, " CATEGORY_SQL ", p.name, coalesce(p.title, ''),"
	    " d.code, d.name FROM accreditations a JOIN people p ON p.id = a.person"
	    " JOIN delegations d ON d.id = p.delegation"
	    " WHERE (?1 = 0 OR d.id = ?1) AND (?2 IS NULL OR a.badge = ?2)"
	    "  AND (?3 OR a.state IN " VALID_SQL ")"
	    " ORDER BY d.name, p.name, a.badge",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, only);
	if (badge)
		sqlite3_bind_text(st, 2, badge, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, all);
	int rc = SQLITE_DONE;
	long long n = 0;
	while (!status && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct badge_row row = {
		    (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2),
		    (const char *)sqlite3_column_text(st, 3),
		    (const char *)sqlite3_column_text(st, 4),
		    (const char *)sqlite3_column_text(st, 5),
		    (const char *)sqlite3_column_text(st, 6),
		};
		n++;
		status = fn(&row, ctx);
	}
	if (!status && rc != SQLITE_DONE)
		status = db_step_error(db, rc, err);
	sqlite3_finalize(st);
	if (!status && badge && !n)
		status =
		    err_set(err, SUMMIT_NOT_FOUND,
		            "no badge %s%s, expected the number of an approved, printed "
		            "or collected badge (or --all)",
		            badge, all ? "" : " that can be printed");
	return status;
}
