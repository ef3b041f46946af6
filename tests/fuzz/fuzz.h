/* Shared by the libFuzzer harnesses: one event file, loaded once from the
 * sample event, and a transaction rolled back after each input, so every
 * input meets the same event and nothing accumulates. */
#ifndef SUMMIT_FUZZ_H
#define SUMMIT_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "summit/summit.h"

/* The sample event, opened once (FUZZ_SAMPLE names its directory). */
struct summit_db *fuzz_event(void);
/* data as a NUL-terminated string (a NUL inside ends it early); the
 * caller frees it. */
char *fuzz_text(const uint8_t *data, size_t size);
/* Splits off the first line of text (the harness's selector): returns it,
 * NUL-terminated in place, and sets *rest past it; NULL without one. */
char *fuzz_first_line(char *text, char **rest);

#endif
