/* The value parsers (dates, times, money, whole numbers, codes, zones,
 * references, enumerations): "KIND\nFIELD\nVALUE", set on the first record
 * of the kind in the sample event, as `summit set` would, and rolled back.
 * The time and date parsers also see the value directly. Durations are
 * whole minutes or days (travel times, the event's margins). */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int first(const struct record *rec, void *ctx)
{
	*(long long *)ctx = rec->id;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size), *rest, *value;
	const char *name = fuzz_first_line(text, &rest);
	const char *field = name ? fuzz_first_line(rest, &value) : NULL;
	const struct kind *kind = field ? kind_find(name) : NULL;
	int f = kind ? kind_field_index(kind, field) : -1;
	struct summit_db *db = fuzz_event();
	struct summit_err err;
	err_clear(&err);
	if (f >= 0 && kind->fields[f].type != FIELD_ID && !kind->import_only) {
		long long id = 0;
		record_each(db, kind, NULL, 0, first, &id, &err);
		char **changes = calloc(kind->nfields, sizeof *changes);
		if (!changes)
			abort();
		changes[f] = value;
		if (id && db_begin(db, &err) == 0) {
			record_update(db, kind, id, changes, 0, &err);
			db_rollback(db);
		}
		free(changes);
	}
	if (field) {
		long long utc;
		int y, m, d;
		char back[WHEN_TIME_LEN];
		if (when_parse_local(db, value, &utc, &err) == 0)
			when_format_local(db, utc, back);
		when_parse_date(value, &y, &m, &d);
	}
	free(text);
	return 0;
}
