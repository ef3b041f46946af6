/* CSV import of every kind: the first line names the kind ("people"), the
 * rest is the file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *eol = memchr(data, '\n', size);
	if (!eol || eol == data || (size_t)(eol - data) > 32)
		return 0;
	char name[33];
	memcpy(name, data, (size_t)(eol - data));
	name[eol - data] = '\0';
	const struct kind *kind = kind_find(name);
	size_t len = size - (size_t)(eol + 1 - data);
	if (!kind || len == 0)
		return 0;
	struct summit_db *db = fuzz_event();
	/* The bytes as they are, NULs included: a file is not a string. */
	FILE *in = fmemopen((void *)(eol + 1), len, "r");
	if (!in)
		return 0;
	struct summit_err err;
	err_clear(&err);
	long long rows;
	if (db_begin(db, &err) == 0) {
		csv_import(db, kind, in, "fuzz.csv", &rows, &err);
		db_rollback(db);
	}
	fclose(in);
	return 0;
}
