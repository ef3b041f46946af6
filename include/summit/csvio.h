/* CSV files of records (RFC 4180, UTF-8, a header row naming columns in any
 * order), read with libcsv. The functions do not open transactions: an
 * import inside db_begin/db_commit is all-or-nothing. */
#ifndef SUMMIT_CSVIO_H
#define SUMMIT_CSVIO_H

#include <stdio.h>

#include "summit/kind.h"

struct summit_db;
struct summit_err;

/* Adds every row of `in` (named `name` in messages) as a record of kind.
 * On bad input err->msg reads "NAME:LINE: column COL: what, expected". */
int csv_import(struct summit_db *db, const struct kind *kind, FILE *in, const char *name,
               long long *rows, struct summit_err *err);
/* Writes every record of kind, header first, in the columns csv_import reads. */
int csv_export(struct summit_db *db, const struct kind *kind, FILE *out,
               struct summit_err *err);

/* One field, quoted when it needs to be. A text that a spreadsheet would
 * run as a formula (=, +, -, @, tab or CR first, numbers aside) is written
 * after a single quote, as OWASP advises, and so is one that begins with a
 * quote; csv_import removes that quote again, so the value round-trips. */
void csv_write_field(FILE *out, const char *value);

/* A directory of CSV files, one per kind (event.csv first), as one event. */
int csv_load_directory(struct summit_db *db, const char *dir, struct summit_err *err);
int csv_export_directory(struct summit_db *db, const char *dir, struct summit_err *err);

#endif
