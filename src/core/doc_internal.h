/* Shared by the doc-*.c modules only: a PDF being drawn, one pango layout
 * reused for every piece of text. */
#ifndef SUMMIT_DOC_INTERNAL_H
#define SUMMIT_DOC_INTERNAL_H

#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdbool.h>

struct summit_err;

#define DOC_MM       (72.0 / 25.4)
#define DOC_A4_SHORT (210 * DOC_MM)
#define DOC_A4_LONG  (297 * DOC_MM)

struct doc_pdf {
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoLayout *layout;
	double width, height;
	int page;
	char *path, *staged; /* the file asked for; where it is written first */
	int fd;              /* staged's, or -1 */
	int write_errno;     /* of the first failed write */
};

enum doc_align { DOC_LEFT, DOC_CENTER, DOC_RIGHT };

/* Starts a document for path; on failure nothing is left to close. */
int doc_open(struct doc_pdf *pdf, const char *path, double width, double height,
             struct summit_err *err);
/* With status SUMMIT_OK, finishes the file and puts it at path (a failed
 * write is reported); else drops it, leaving path as it was. Returns the
 * outcome. */
int doc_close(struct doc_pdf *pdf, int status, struct summit_err *err);
void doc_new_page(struct doc_pdf *pdf);
/* Sets the layout's text: size in points, wrapped at width (<= 0: none). */
void doc_text(struct doc_pdf *pdf, const char *text, double size, bool bold, double width,
              enum doc_align align);
double doc_text_height(struct doc_pdf *pdf);
double doc_text_width(struct doc_pdf *pdf);
/* Draws the layout's text with its top left at (x, y). */
void doc_draw_text(struct doc_pdf *pdf, double x, double y);

#endif
