#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int fixture_setup_zone(void **state, const char *zone)
{
	struct fixture *fx = xcalloc(1, sizeof *fx);
	snprintf(fx->dir, sizeof fx->dir, "/tmp/summit-unit.XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->path, sizeof fx->path, "%s/event.db", fx->dir);
	if (db_create(fx->path, &fx->db, &fx->err) != SUMMIT_OK)
		return -1;
	const struct kind *event = &kind_event;
	char *values[EVENT_FIELD_COUNT] = {
	    [EVENT_NAME] = "Test Ministerial", [EVENT_COUNTRY] = "Mali",
	    [EVENT_CITY] = "Bamako",           [EVENT_FIRST_DAY] = "2007-11-14",
	    [EVENT_LAST_DAY] = "2007-11-17",   [EVENT_TIMEZONE] = (char *)zone,
	    [EVENT_CURRENCY] = "XOF"};
	assert_int_equal(event->nfields, EVENT_FIELD_COUNT);
	if (db_begin(fx->db, &fx->err) ||
	    record_insert(fx->db, event, values, NULL, &fx->err) ||
	    db_commit(fx->db, &fx->err))
		return -1;
	*state = fx;
	return 0;
}

int fixture_setup(void **state)
{
	return fixture_setup_zone(state, "Africa/Bamako");
}

int fixture_teardown(void **state)
{
	struct fixture *fx = *state;
	db_close(fx->db);
	char *cmd = xasprintf("rm -rf '%s'", fx->dir);
	int rc = system(cmd);
	free(cmd);
	free(fx);
	return rc == 0 ? 0 : -1;
}

static int add_words(struct fixture *fx, const struct kind *kind, va_list ap,
                     long long *id)
{
	char *words[32];
	int n = 0;
	for (const char *w; (w = va_arg(ap, const char *)) && n < 32;)
		words[n++] = (char *)w;
	char **values = xcalloc(kind->nfields, sizeof *values);
	int status = record_values_from_words(kind, words, n, values, &fx->err);
	if (!status && fx->batch) {
		status = record_insert(fx->db, kind, values, id, &fx->err);
	} else if (!status && !(status = db_begin(fx->db, &fx->err))) {
		status = record_insert(fx->db, kind, values, id, &fx->err);
		status = db_end(fx->db, status, &fx->err);
	}
	record_values_free(kind, values);
	free(values);
	return status;
}

void fixture_begin(struct fixture *fx)
{
	assert_int_equal(db_begin(fx->db, &fx->err), SUMMIT_OK);
	fx->batch = true;
}

void fixture_commit(struct fixture *fx)
{
	fx->batch = false;
	if (db_commit(fx->db, &fx->err))
		fail_msg("committing the fixture: %s", fx->err.msg);
}

long long fixture_add(struct fixture *fx, const struct kind *kind, ...)
{
	va_list ap;
	va_start(ap, kind);
	long long id = 0;
	int status = add_words(fx, kind, ap, &id);
	va_end(ap);
	if (status)
		fail_msg("adding %s refused: %s: %s", kind->singular, fx->err.field,
		         fx->err.msg);
	return id;
}

int fixture_try_add(struct fixture *fx, const struct kind *kind, ...)
{
	va_list ap;
	va_start(ap, kind);
	long long id;
	int status = add_words(fx, kind, ap, &id);
	va_end(ap);
	return status;
}

const char *fixture_value(struct fixture *fx, const struct kind *kind, long long id,
                          int field)
{
	static char value[1024];
	struct record rec = {0};
	assert_int_equal(record_get(fx->db, kind, id, &rec, &fx->err), SUMMIT_OK);
	assert_true(field >= 0 && (size_t)field < kind->nfields);
	snprintf(value, sizeof value, "%s", rec.values[field] ? rec.values[field] : "");
	record_clear(&rec);
	return value;
}
