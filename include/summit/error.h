/* How libsummit reports failure: a status code and a message the front end
 * shows as it sees fit. The core never prints. */
#ifndef SUMMIT_ERROR_H
#define SUMMIT_ERROR_H

#include "summit/xalloc.h"

enum summit_status {
	SUMMIT_OK = 0,
	SUMMIT_INVALID,   /* bad input or a rule of the event refused it */
	SUMMIT_NOT_FOUND, /* no such record */
	SUMMIT_CONFLICT,  /* changed by someone else meanwhile */
	SUMMIT_FAILED,    /* the database or a file failed */
	SUMMIT_USAGE,     /* the request is malformed: an unknown field, no '=' */
};

struct summit_err {
	int status;     /* what err_set or err_field returned */
	char field[64]; /* the column or field at fault, or "" */
	char msg[768];  /* one sentence: what was wrong, what was expected */
};

/* Fill err (which may be NULL) and return status. */
int err_set(struct summit_err *err, int status, const char *fmt, ...) SUMMIT_PRINTF(3, 4);
int err_field(struct summit_err *err, const char *field, const char *fmt, ...)
    SUMMIT_PRINTF(3, 4);
void err_clear(struct summit_err *err);

#endif
