#include "summit/programme.h"

#include <stdio.h>
#include <string.h>

#include "summit/kind.h"
#include "summit/record.h"
#include "summit/when.h"

/* The fields whose changes a delegate would notice on the day. */
static const int kept_fields[] = {SESSION_ROOM, SESSION_START, SESSION_END,
                                  SESSION_STATUS};

int programme_after_update(struct summit_db *db, long long id, const char *const *was,
                           struct summit_err *err)
{
	struct record now = {0};
	int status = record_get(db, &kind_sessions, id, &now, err);
	char at[WHEN_TIME_LEN], session[24];
	when_format_local(db, when_now(db), at);
	snprintf(session, sizeof session, "%lld", id);
	for (size_t i = 0; !status && i < sizeof kept_fields / sizeof *kept_fields; i++) {
		int f = kept_fields[i];
		const char *old = was[f] ? was[f] : "",
		           *new = now.values[f] ? now.values[f] : "";
		if (strcmp(old, new) == 0)
			continue;
		char *values[SESSION_HISTORY_FIELD_COUNT] = {
		    NULL,        session,     at,  (char *)kind_sessions.fields[f].name,
		    (char *)old, (char *)new, NULL};
		status = record_insert(db, &kind_session_history, values, NULL, err);
	}
	record_clear(&now);
	return status;
}
