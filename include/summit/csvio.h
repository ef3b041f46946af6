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
 * On bad input err->msg reads "NAME:LINE: column COL: what, expected".
 * Columns are separated by commas, or by semicolons or tabs when the
 * header row is (as spreadsheets in French and other locales write them);
 * column names are taken without regard to case. */
int csv_import(struct summit_db *db, const struct kind *kind, FILE *in, const char *name,
               long long *rows, struct summit_err *err);
/* The same, going on past bad rows so a file's every mistake shows in one
 * run: each refused row's message goes to fn, and the import then fails
 * with a count ("3 rows refused"); the caller rolls back. A bad header still
 * stops at once. */
typedef void (*csv_bad_row_fn)(const struct summit_err *why, void *ctx);
int csv_import_all(struct summit_db *db, const struct kind *kind, FILE *in,
                   const char *name, long long *rows, csv_bad_row_fn fn, void *ctx,
                   struct summit_err *err);
/* Writes every record of kind, header first, in the columns csv_import reads. */
int csv_export(struct summit_db *db, const struct kind *kind, FILE *out,
               struct summit_err *err);

struct browse;
/* Writes the records of a list as browse_each gives them (its filters,
 * search and order), header first; *rows (may be NULL) gets how many. */
int csv_export_browse(struct summit_db *db, const struct browse *b, FILE *out,
                      long long *rows, struct summit_err *err);

/* One field, quoted when it needs to be. A text that a spreadsheet would
 * run as a formula (=, +, -, @, tab or CR first, numbers aside) is written
 * after a single quote, as OWASP advises, and so is one that begins with a
 * quote; csv_import removes that quote again, so the value round-trips. */
void csv_write_field(FILE *out, const char *value);

/* A directory of CSV files, one per kind (event.csv first), as one event. */
int csv_load_directory(struct summit_db *db, const char *dir, struct summit_err *err);
int csv_export_directory(struct summit_db *db, const char *dir, struct summit_err *err);

#endif
