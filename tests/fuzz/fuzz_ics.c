/* The .ics importers: the first line says "sessions" or "reply", the rest
 * is the calendar file. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore_reply(const struct ics_reply *reply, void *ctx)
{
	(void)ctx;
	/* What the CLI prints of it must be a string. */
	if (strlen(reply->delegation) + strlen(reply->state) > 64)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size), *rest;
	const char *what = fuzz_first_line(text, &rest);
	bool sessions = what && strcmp(what, "sessions") == 0;
	bool reply = what && strcmp(what, "reply") == 0;
	if (sessions || reply) {
		struct summit_db *db = fuzz_event();
		struct summit_err err;
		err_clear(&err);
		long long count;
		if (db_begin(db, &err) == 0) {
			if (sessions)
				ics_import_sessions(db, "fuzz.ics", rest, &count, &err);
			else
				ics_import_reply(db, "fuzz.ics", rest, ignore_reply, NULL,
				                 &err);
			db_rollback(db);
		}
	}
	free(text);
	return 0;
}
