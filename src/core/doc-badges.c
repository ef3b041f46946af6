/* Badges: A6 portrait, one a page or four on an A4 sheet. The name is the
 * largest text, the category a band of its colour across the foot, the QR
 * code carries the badge number alone (what a desk's scanner types). */
#include <qrencode.h>
#include <stdio.h>
#include <string.h>

#include "doc_internal.h"
#include "internal.h"
#include "summit/accreditation.h"
#include "summit/doc.h"

#define A6_W (105 * DOC_MM)
#define A6_H (148 * DOC_MM)

static const struct {
	const char *category;
	double r, g, b;
} colours[] = {
    {"participant", 0.08, 0.30, 0.62}, {"observer", 0.10, 0.50, 0.25},
    {"press", 0.90, 0.50, 0.00},       {"staff", 0.35, 0.35, 0.35},
    {"security", 0.75, 0.08, 0.08},
};

struct badges {
	struct doc_pdf pdf;
	char event[512];
	bool sheet;
	long long count;
	struct summit_err *err;
};

/* The QR code's dark modules as one path: a module is side/width points. */
static int draw_qr(struct badges *b, const char *text, double x, double y, double side)
{
	QRcode *qr = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
	if (!qr)
		return err_set(b->err, SUMMIT_FAILED,
		               "cannot make the QR code of badge %s", text);
	cairo_t *cr = b->pdf.cr;
	double m = side / (qr->width + 8); /* a quiet zone of 4 modules */
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_rectangle(cr, x, y, side, side);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	for (int row = 0; row < qr->width; row++)
		for (int c = 0; c < qr->width; c++)
			if (qr->data[row * qr->width + c] & 1)
				cairo_rectangle(cr, x + (c + 4) * m, y + (row + 4) * m, m,
				                m);
	cairo_fill(cr);
	QRcode_free(qr);
	return SUMMIT_OK;
}

static int draw_badge(const struct badge_row *row, void *ctx)
{
	struct badges *b = ctx;
	cairo_t *cr = b->pdf.cr;
	int slot = (int)(b->count % 4);
	if (b->count > 0 && (!b->sheet || slot == 0))
		doc_new_page(&b->pdf);
	double x0 = b->sheet ? (slot % 2) * A6_W : 0,
	       y0 = b->sheet ? (slot / 2) * A6_H : 0;
	double pad = 8 * DOC_MM, w = A6_W - 2 * pad;
	if (b->sheet) { /* cutting lines */
		cairo_set_line_width(cr, 0.3);
		cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
		cairo_rectangle(cr, x0, y0, A6_W, A6_H);
		cairo_stroke(cr);
	}
	cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
	doc_text(&b->pdf, b->event, 9, false, w, DOC_CENTER);
	doc_draw_text(&b->pdf, x0 + pad, y0 + pad);
	double y = y0 + pad + doc_text_height(&b->pdf) + 10 * DOC_MM;
	cairo_set_source_rgb(cr, 0, 0, 0);
	doc_text(&b->pdf, row->name, 22, true, w, DOC_CENTER);
	doc_draw_text(&b->pdf, x0 + pad, y);
	y += doc_text_height(&b->pdf) + 2 * DOC_MM;
	if (*row->title) {
		doc_text(&b->pdf, row->title, 9, false, w, DOC_CENTER);
		doc_draw_text(&b->pdf, x0 + pad, y);
		y += doc_text_height(&b->pdf) + 2 * DOC_MM;
	}
	doc_text(&b->pdf, row->delegation_name, 14, false, w, DOC_CENTER);
	doc_draw_text(&b->pdf, x0 + pad, y);

	/* The QR code and the number under it, above the band. */
	double band = 18 * DOC_MM, side = 34 * DOC_MM;
	double qy = y0 + A6_H - band - side - 9 * DOC_MM;
	int status = draw_qr(b, row->badge, x0 + (A6_W - side) / 2, qy, side);
	if (status)
		return status;
	doc_text(&b->pdf, row->badge, 10, false, w, DOC_CENTER);
	doc_draw_text(&b->pdf, x0 + pad, qy + side + 1 * DOC_MM);

	double r = 0.3, g = 0.3, bl = 0.3;
	for (size_t i = 0; i < sizeof colours / sizeof colours[0]; i++)
		if (strcmp(colours[i].category, row->category) == 0)
			r = colours[i].r, g = colours[i].g, bl = colours[i].b;
	cairo_set_source_rgb(cr, r, g, bl);
	cairo_rectangle(cr, x0, y0 + A6_H - band, A6_W, band);
	cairo_fill(cr);
	char upper[32];
	size_t i = 0;
	for (; row->category[i] && i + 1 < sizeof upper; i++)
		upper[i] = (char)(row->category[i] >= 'a' && row->category[i] <= 'z'
		                      ? row->category[i] - 32
		                      : row->category[i]);
	upper[i] = 0;
	cairo_set_source_rgb(cr, 1, 1, 1);
	doc_text(&b->pdf, upper, 18, true, w, DOC_CENTER);
	doc_draw_text(&b->pdf, x0 + pad,
	              y0 + A6_H - band + (band - doc_text_height(&b->pdf)) / 2);
	b->count++;
	return SUMMIT_OK;
}

int doc_print_badges(struct summit_db *db, const struct doc_badge_options *o,
                     const char *path, long long *count, struct summit_err *err)
{
	struct badges b = {.sheet = o->sheet, .err = err};
	sqlite3_stmt *st;
	int status =
	    db_prepare(db, "SELECT name, city FROM event WHERE id = 1", &st, err);
	if (status)
		return status;
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(b.event, sizeof b.event, "%s, %s", sqlite3_column_text(st, 0),
		         sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	if ((status = doc_open(&b.pdf, path, o->sheet ? DOC_A4_SHORT : A6_W,
	                       o->sheet ? DOC_A4_LONG : A6_H, err)))
		return status;
	status =
	    accreditation_each(db, o->delegation, o->badge, o->all, draw_badge, &b, err);
	if (!status && b.count == 0)
		status = err_set(
		    err, SUMMIT_NOT_FOUND,
		    "no badge to print: none is approved, printed or collected%s%s "
		    "(--all prints every state)",
		    o->delegation ? " in " : "", o->delegation ? o->delegation : "");
	*count = b.count;
	return doc_close(&b.pdf, status, err);
}
