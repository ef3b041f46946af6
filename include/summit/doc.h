/* Printed documents (PDF) drawn with cairo and pango, QR codes with
 * libqrencode. Linked only into the print and report helpers, so these
 * libraries stay out of every other verb's start-up. Text is laid out by
 * pango, so accents and non-Latin scripts come out as written (fonts:
 * DejaVu, with fontconfig's fallbacks for other scripts). */
#ifndef SUMMIT_DOC_H
#define SUMMIT_DOC_H

#include <stdbool.h>

#include "summit/report.h"

struct summit_db;
struct summit_err;

/* Writes a document of blocks (report.h) to a PDF file: A4, portrait or
 * landscape, tables cut across pages with their header row repeated. */
int doc_write_pdf(const struct report_doc *doc, bool landscape, const char *path,
                  struct summit_err *err);

struct doc_badge_options {
	const char *delegation; /* only its people, or NULL */
	const char *badge;      /* only this badge, or NULL */
	bool all;               /* every badge, not only approved and printed ones */
	bool sheet;             /* four A6 badges on each A4 sheet, else one a page */
};

/* Badges: A6, the person's name, delegation, category band in its colour and
 * the QR code of the badge number. *count gets the number printed. */
int doc_print_badges(struct summit_db *db, const struct doc_badge_options *options,
                     const char *path, long long *count, struct summit_err *err);

/* The programme of a day (or every day, a page each) as a grid: rooms
 * across, hours down, A4 landscape. */
int doc_print_programme(struct summit_db *db, const char *day, const char *path,
                        struct summit_err *err);

/* Frees the fonts pango keeps for the process; once, after the last
 * document. */
void doc_cleanup(void);

struct order_options;

/* The plenary seating plan in protocol order (order.h): rows of `width`
 * seats facing the podium, the host's place marked, titled with the room
 * (may be NULL); then a name card per delegation (A4 landscape, folded:
 * the name on both faces). */
int doc_print_seating(struct summit_db *db, const struct order_options *order,
                      const char *room, int width, const char *path,
                      struct summit_err *err);

#endif
