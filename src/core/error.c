#include "summit/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int err_set(struct summit_err *err, int status, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		err->status = status;
		err->field[0] = '\0';
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
	}
	return status;
}

int err_field(struct summit_err *err, const char *field, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		err->status = SUMMIT_INVALID;
		snprintf(err->field, sizeof err->field, "%s", field);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
	}
	return SUMMIT_INVALID;
}

void err_clear(struct summit_err *err)
{
	if (err)
		err->status = SUMMIT_OK, err->field[0] = err->msg[0] = '\0';
}
