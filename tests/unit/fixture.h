/* A fresh event file per test, for the unit tests of libsummit. */
#ifndef SUMMIT_TEST_FIXTURE_H
#define SUMMIT_TEST_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "summit/summit.h"

struct fixture {
	char dir[64];
	char path[96];
	struct summit_db *db;
	struct summit_err err;
	bool batch; /* between fixture_begin and fixture_commit */
};

/* cmocka setup/teardown: an event from 2007-11-14 to 17 in `zone`. */
int fixture_setup_zone(void **state, const char *zone);
int fixture_setup(void **state); /* Africa/Bamako */
int fixture_teardown(void **state);

/* Adds the records of a test's starting event in one transaction (one
 * fdatasync, not one per row): fixture_add between these two does not
 * commit on its own. */
void fixture_begin(struct fixture *fx);
void fixture_commit(struct fixture *fx);

/* Adds a record from "field=value" words (NULL-terminated); returns its id
 * and fails the test when refused. */
long long fixture_add(struct fixture *fx, const struct kind *kind, ...);
/* The same, but returns the status and leaves the message in fx->err. */
int fixture_try_add(struct fixture *fx, const struct kind *kind, ...);
/* One field of a record, as text ("" when unset); static storage. */
const char *fixture_value(struct fixture *fx, const struct kind *kind, long long id,
                          int field);

#endif
