/* A fresh event file per test, for the unit tests of libsummit. */
#ifndef SUMMIT_TEST_FIXTURE_H
#define SUMMIT_TEST_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "summit/summit.h"

struct fixture {
	char dir[64];
	char path[96];
	struct summit_db *db;
	struct summit_err err;
};

/* cmocka setup/teardown: an event from 2007-11-14 to 17 in `zone`. */
int fixture_setup_zone(void **state, const char *zone);
int fixture_setup(void **state); /* Africa/Bamako */
int fixture_teardown(void **state);

/* Adds a record from "field=value" words (NULL-terminated); returns its id
 * and fails the test when refused. */
long long fixture_add(struct fixture *fx, const struct kind *kind, ...);
/* The same, but returns the status and leaves the message in fx->err. */
int fixture_try_add(struct fixture *fx, const struct kind *kind, ...);
/* One field of a record, as text ("" when unset); static storage. */
const char *fixture_value(struct fixture *fx, const struct kind *kind, long long id,
                          int field);

#endif
