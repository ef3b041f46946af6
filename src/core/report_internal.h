/* Reading records into a report: shared by the post-event report and the
 * printed lists. */
#ifndef SUMMIT_REPORT_INTERNAL_H
#define SUMMIT_REPORT_INTERNAL_H

#include <sqlite3.h>

#include "summit/report.h"

/* A column's text, "" for NULL. */
const char *report_col(sqlite3_stmt *st, int c);
/* Steps to the statement's one row (SUMMIT_OK); without one, finalizes it
 * and says there is no event. */
int report_one_row(struct summit_db *db, sqlite3_stmt *st, struct summit_err *err);
/* Appends every row of st to the last table, each column's text in order;
 * finalizes st. */
int report_table_rows(struct summit_db *db, struct report_doc *r, sqlite3_stmt *st,
                      long long *nrows, struct summit_err *err);
/* Takes back the last block (a table that stayed empty). */
void report_drop_last(struct report_doc *r);

#endif
