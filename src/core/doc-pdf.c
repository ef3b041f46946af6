#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <fcntl.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc_internal.h"
#include "summit/cleanup.h"
#include "summit/doc.h"
#include "summit/error.h"
#include "summit/xalloc.h"

#define MARGIN 42.0 /* points: 15 mm */
#define PAD    4.0

static cairo_status_t write_out(void *closure, const unsigned char *data,
                                unsigned int length)
{
	struct doc_pdf *pdf = closure;
	while (length) {
		ssize_t n = write(pdf->fd, data, length);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			pdf->write_errno = n < 0 ? errno : EIO;
			return CAIRO_STATUS_WRITE_ERROR;
		}
		data += n;
		length -= (unsigned int)n;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* Gives up the staged file: the one at path, if any, stays as it was. */
static void discard(struct doc_pdf *pdf)
{
	if (pdf->fd >= 0)
		close(pdf->fd);
	if (pdf->staged) {
		unlink(pdf->staged);
		cleanup_forget(pdf->staged);
	}
	free(pdf->staged);
	free(pdf->path);
	memset(pdf, 0, sizeof *pdf);
	pdf->fd = -1;
}

int doc_open(struct doc_pdf *pdf, const char *path, double width, double height,
             struct summit_err *err)
{
	memset(pdf, 0, sizeof *pdf);
	/* Written beside path and renamed over it once whole, so a crash, a
	 * full disk or a failed document leaves the last good file in place
	 * (and no half-written one for the printer). */
	const char *slash = strrchr(path, '/');
	pdf->path = xstrdup(path);
	pdf->staged =
	    slash ? xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1)
	          : xasprintf(".%s.XXXXXX", path);
	pdf->fd = mkostemp(pdf->staged, O_CLOEXEC);
	if (pdf->fd < 0) {
		int status = err_set(err, SUMMIT_FAILED, "cannot write %s: %s", path,
		                     strerror(errno));
		free(pdf->staged);
		pdf->staged = NULL;
		discard(pdf);
		return status;
	}
	cleanup_add(pdf->staged); /* 0600, as summit's umask makes every file */
	pdf->surface = cairo_pdf_surface_create_for_stream(write_out, pdf, width, height);
	pdf->cr = cairo_create(pdf->surface);
	pdf->width = width;
	pdf->height = height;
	pdf->layout = pango_cairo_create_layout(pdf->cr);
	pdf->page = 1;
	if (cairo_status(pdf->cr) != CAIRO_STATUS_SUCCESS) {
		int status = err_set(err, SUMMIT_FAILED, "cannot write %s: %s", path,
		                     cairo_status_to_string(cairo_status(pdf->cr)));
		doc_close(pdf, status, NULL);
		return status;
	}
	return SUMMIT_OK;
}

int doc_close(struct doc_pdf *pdf, int status, struct summit_err *err)
{
	if (pdf->layout)
		g_object_unref(pdf->layout);
	cairo_status_t st = pdf->cr ? cairo_status(pdf->cr) : CAIRO_STATUS_SUCCESS;
	if (pdf->cr)
		cairo_destroy(pdf->cr);
	if (pdf->surface) {
		cairo_surface_finish(pdf->surface);
		if (st == CAIRO_STATUS_SUCCESS)
			st = cairo_surface_status(pdf->surface);
		cairo_surface_destroy(pdf->surface);
	}
	pdf->layout = NULL;
	pdf->cr = NULL;
	pdf->surface = NULL;
	/* A failed write is told by its errno ("No space left on device"). */
	const char *why = pdf->write_errno             ? strerror(pdf->write_errno)
	                  : st != CAIRO_STATUS_SUCCESS ? cairo_status_to_string(st)
	                                               : NULL;
	if (!status && !why) {
		int synced = fsync(pdf->fd), closed = close(pdf->fd);
		pdf->fd = -1;
		if (synced != 0 || closed != 0 || rename(pdf->staged, pdf->path) != 0)
			why = strerror(errno);
	}
	if (!status && why)
		status =
		    err_set(err, SUMMIT_FAILED, "cannot write %s: %s", pdf->path, why);
	if (!status) {
		cleanup_forget(pdf->staged);
		free(pdf->staged);
		pdf->staged = NULL;
	}
	discard(pdf);
	return status;
}

void doc_text(struct doc_pdf *pdf, const char *text, double size, bool bold, double width,
              enum doc_align align)
{
	PangoFontDescription *font = pango_font_description_new();
	pango_font_description_set_family(font, "DejaVu Sans");
	pango_font_description_set_weight(font,
	                                  bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
	pango_layout_set_font_description(pdf->layout, font);
	pango_font_description_free(font);
	pango_layout_set_width(pdf->layout, width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_wrap(pdf->layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(pdf->layout, align == DOC_RIGHT    ? PANGO_ALIGN_RIGHT
	                                        : align == DOC_CENTER ? PANGO_ALIGN_CENTER
	                                                              : PANGO_ALIGN_LEFT);
	pango_layout_set_text(pdf->layout, text, -1);
}

double doc_text_height(struct doc_pdf *pdf)
{
	int w, h;
	pango_layout_get_size(pdf->layout, &w, &h);
	return (double)h / PANGO_SCALE;
}

double doc_text_width(struct doc_pdf *pdf)
{
	int w, h;
	pango_layout_get_size(pdf->layout, &w, &h);
	return (double)w / PANGO_SCALE;
}

void doc_draw_text(struct doc_pdf *pdf, double x, double y)
{
	cairo_move_to(pdf->cr, x, y);
	pango_cairo_show_layout(pdf->cr, pdf->layout);
}

void doc_new_page(struct doc_pdf *pdf)
{
	cairo_show_page(pdf->cr);
	pdf->page++;
}

/* ---- documents of blocks ---- */

struct flow {
	struct doc_pdf *pdf;
	double y, left, width, bottom;
};

static void footer(struct flow *f)
{
	char n[32];
	snprintf(n, sizeof n, "%d", f->pdf->page);
	cairo_set_source_rgb(f->pdf->cr, 0.4, 0.4, 0.4);
	doc_text(f->pdf, n, 8, false, f->width, DOC_CENTER);
	doc_draw_text(f->pdf, f->left, f->pdf->height - MARGIN / 2 - 8);
	cairo_set_source_rgb(f->pdf->cr, 0, 0, 0);
}

static void break_page(struct flow *f)
{
	footer(f);
	doc_new_page(f->pdf);
	f->y = MARGIN;
}

/* Makes room for h points, on a new page if need be. */
static void need(struct flow *f, double h)
{
	if (f->y + h > f->bottom && f->y > MARGIN)
		break_page(f);
}

static void paragraph(struct flow *f, const char *text, double size, bool bold,
                      double before, double after)
{
	f->y += before;
	doc_text(f->pdf, text, size, bold, f->width, DOC_LEFT);
	double h = doc_text_height(f->pdf);
	/* A heading keeps at least a line of what follows on its page. */
	need(f, h + (bold ? 3 * size : 0));
	doc_text(f->pdf, text, size, bold, f->width, DOC_LEFT);
	doc_draw_text(f->pdf, f->left, f->y);
	f->y += h + after;
}

#define TABLE_SIZE 9.0

static double row_height(struct flow *f, const struct report_block *b, size_t row,
                         const double *widths, bool bold)
{
	double h = 0;
	for (size_t c = 0; c < b->ncols; c++) {
		doc_text(f->pdf, b->cells[row * b->ncols + c], TABLE_SIZE, bold,
		         widths[c] - 2 * PAD, DOC_LEFT);
		double ch = doc_text_height(f->pdf);
		if (ch > h)
			h = ch;
	}
	return h + 2 * PAD;
}

static void draw_row(struct flow *f, const struct report_block *b, size_t row,
                     const double *widths, bool bold, double h)
{
	cairo_t *cr = f->pdf->cr;
	if (bold) {
		cairo_set_source_rgb(cr, 0.88, 0.90, 0.94);
		cairo_rectangle(cr, f->left, f->y, f->width, h);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
	}
	double x = f->left;
	for (size_t c = 0; c < b->ncols; c++) {
		bool right = c < 8 && b->numeric[c];
		doc_text(f->pdf, b->cells[row * b->ncols + c], TABLE_SIZE, bold,
		         widths[c] - 2 * PAD, right ? DOC_RIGHT : DOC_LEFT);
		doc_draw_text(f->pdf, x + PAD, f->y + PAD);
		x += widths[c];
	}
	cairo_set_line_width(cr, 0.4);
	cairo_set_source_rgb(cr, 0.7, 0.7, 0.7);
	cairo_move_to(cr, f->left, f->y + h);
	cairo_line_to(cr, f->left + f->width, f->y + h);
	cairo_stroke(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	f->y += h;
}

/* Column widths from the widest text of each (its first rows), narrowed
 * to the page in proportion when they do not fit. */
static void column_widths(struct flow *f, const struct report_block *b, double *widths)
{
	double total = 0;
	size_t rows = b->nrows < 300 ? b->nrows : 300;
	for (size_t c = 0; c < b->ncols; c++) {
		double w = 0;
		for (size_t r = 0; r < rows; r++) {
			doc_text(f->pdf, b->cells[r * b->ncols + c], TABLE_SIZE, r == 0,
			         -1, DOC_LEFT);
			double tw = doc_text_width(f->pdf);
			if (tw > w)
				w = tw;
		}
		widths[c] = w + 2 * PAD + 1;
		total += widths[c];
	}
	if (total <= f->width)
		return;
	/* Narrow only the columns wider than an equal share. */
	double share = f->width / (double)b->ncols, fixed = 0, wide = 0;
	for (size_t c = 0; c < b->ncols; c++)
		if (widths[c] <= share)
			fixed += widths[c];
		else
			wide += widths[c];
	for (size_t c = 0; c < b->ncols; c++)
		if (widths[c] > share)
			widths[c] = widths[c] * (f->width - fixed) / wide;
}

static void table(struct flow *f, const struct report_block *b)
{
	double *widths = xcalloc(b->ncols, sizeof *widths);
	column_widths(f, b, widths);
	double head = row_height(f, b, 0, widths, true);
	f->y += 4;
	need(f, head + 2 * (TABLE_SIZE + 2 * PAD));
	draw_row(f, b, 0, widths, true, head);
	for (size_t r = 1; r < b->nrows; r++) {
		double h = row_height(f, b, r, widths, false);
		if (f->y + h > f->bottom) {
			break_page(f);
			draw_row(f, b, 0, widths, true, head);
		}
		draw_row(f, b, r, widths, false, h);
	}
	f->y += 10;
	free(widths);
}

int doc_write_pdf(const struct report_doc *doc, bool landscape, const char *path,
                  struct summit_err *err)
{
	struct doc_pdf pdf;
	double w = landscape ? DOC_A4_LONG : DOC_A4_SHORT;
	double h = landscape ? DOC_A4_SHORT : DOC_A4_LONG;
	int status = doc_open(&pdf, path, w, h, err);
	if (status)
		return status;
	struct flow f = {&pdf, MARGIN, MARGIN, w - 2 * MARGIN, h - MARGIN};
	for (size_t i = 0; i < doc->count; i++) {
		const struct report_block *b = &doc->blocks[i];
		switch (b->type) {
		case REPORT_TITLE:
			paragraph(&f, b->text, 18, true, 0, 8);
			break;
		case REPORT_HEADING:
			paragraph(&f, b->text, 13, true, 8, 4);
			break;
		case REPORT_PARAGRAPH:
			paragraph(&f, b->text, 10, false, 0, 6);
			break;
		case REPORT_TABLE:
			table(&f, b);
			break;
		case REPORT_PAGE:
			if (f.y > MARGIN)
				break_page(&f);
			break;
		}
	}
	footer(&f);
	return doc_close(&pdf, SUMMIT_OK, err);
}

void doc_cleanup(void)
{
	/* fontconfig's own caches stay: FcFini, at exit or here, aborts now
	 * and then (FcCacheFini: fcCacheChains[i] == NULL) while pango's font
	 * caches still hold patterns; tests/lsan.supp names them instead. */
	pango_cairo_font_map_set_default(NULL);
}
