/* Documents as data: the post-event report and the printed lists (rooming,
 * manifests, welcome, seating) are built here as titled blocks of text and
 * tables, so Markdown (here) and PDF (doc.h, in summit's print helper) show
 * the same content. Every text is the records' own, control characters
 * having been refused when they were entered. */
#ifndef SUMMIT_REPORT_H
#define SUMMIT_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "summit/xalloc.h"

struct summit_db;
struct summit_err;

enum report_block_type {
	REPORT_TITLE,     /* the document's title */
	REPORT_HEADING,   /* a section */
	REPORT_PARAGRAPH, /* a sentence or two */
	REPORT_TABLE,     /* rows under a header row */
	REPORT_PAGE,      /* a new page (a hotel, a vehicle's day): no text */
};

struct report_block {
	enum report_block_type type;
	char *text;   /* NULL for tables and pages */
	size_t ncols; /* REPORT_TABLE */
	size_t nrows; /* header row included */
	size_t cap;
	char **cells;    /* nrows * ncols, row by row */
	bool numeric[8]; /* columns aligned right (first 8) */
};

struct report_doc {
	struct report_block *blocks;
	size_t count, cap;
};

void report_add(struct report_doc *r, enum report_block_type type, const char *fmt, ...)
    SUMMIT_PRINTF(3, 4);
/* Starts a table; headers has ncols entries. A header beginning with '>'
 * marks a column of figures (aligned right; the '>' is not shown). */
void report_table(struct report_doc *r, size_t ncols, const char *const *headers);
/* Appends a row of ncols cells (NULL shows empty) to the last table. */
void report_row(struct report_doc *r, const char *const *cells);
void report_free(struct report_doc *r);

/* What the host sends to its ministry and to the next host: invitations
 * and their outcome, attendance by day and session, heads present, late
 * arrivals, the programme as held, hotel nights, transport, budget, open
 * problems. */
int report_event(struct summit_db *db, struct report_doc *r, struct summit_err *err);

/* The lists the protocol office prints; a NULL scope means every hotel,
 * vehicle or day. A scope that names nothing is refused (SUMMIT_NOT_FOUND). */
int report_rooming(struct summit_db *db, const char *hotel, struct report_doc *r,
                   struct summit_err *err);
int report_manifests(struct summit_db *db, const char *vehicle, const char *day,
                     struct report_doc *r, struct summit_err *err);
int report_welcome(struct summit_db *db, const char *day, struct report_doc *r,
                   struct summit_err *err);

/* Markdown (CommonMark with pipe tables); non-zero when writing failed. */
int report_write_markdown(const struct report_doc *r, FILE *out);

#endif
