/* The plenary seating plan and the delegations' name cards, from the
 * order of precedence (order.h), on A4 landscape. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_internal.h"
#include "internal.h"
#include "summit/doc.h"
#include "summit/kind.h"
#include "summit/order.h"
#include "summit/record.h"

#define MARGIN (12 * DOC_MM)

static void plan_page(struct doc_pdf *pdf, const char *title,
                      const struct order_list *list, const struct order_seat *seats,
                      int width)
{
	cairo_t *cr = pdf->cr;
	double w = pdf->width - 2 * MARGIN;
	doc_text(pdf, title, 14, true, w, DOC_LEFT);
	doc_draw_text(pdf, MARGIN, MARGIN);
	double y = MARGIN + doc_text_height(pdf) + 4 * DOC_MM;
	/* The podium at the front, the rows behind it. */
	cairo_set_source_rgb(cr, 0.25, 0.25, 0.3);
	cairo_rectangle(cr, MARGIN + w / 4, y, w / 2, 9 * DOC_MM);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	doc_text(pdf, "PODIUM", 11, true, w / 2, DOC_CENTER);
	doc_draw_text(pdf, MARGIN + w / 4, y + (9 * DOC_MM - doc_text_height(pdf)) / 2);
	y += 14 * DOC_MM;
	int rows = list->n ? seats[list->n - 1].row : 0;
	double row_h = rows ? (pdf->height - MARGIN - y) / rows : 0;
	if (row_h > 22 * DOC_MM)
		row_h = 22 * DOC_MM;
	double seat_w = (w - 12 * DOC_MM) / width;
	for (size_t i = 0; i < list->n; i++) {
		const struct order_seat *s = &seats[i];
		const struct order_entry *e = &list->v[s->entry];
		double x = MARGIN + 12 * DOC_MM + (s->seat - 1) * seat_w;
		double sy = y + (s->row - 1) * row_h;
		if (s->seat == 1) {
			char label[16];
			snprintf(label, sizeof label, "%d", s->row);
			cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
			doc_text(pdf, label, 8, false, 10 * DOC_MM, DOC_RIGHT);
			doc_draw_text(pdf, MARGIN, sy + 2);
		}
		cairo_rectangle(cr, x + 1, sy + 1, seat_w - 2, row_h - 2);
		if (e->host)
			cairo_set_source_rgb(cr, 0.98, 0.88, 0.60);
		else
			cairo_set_source_rgb(cr, 0.93, 0.95, 0.98);
		cairo_fill_preserve(cr);
		cairo_set_source_rgb(cr, 0.4, 0.45, 0.6);
		cairo_set_line_width(cr, 0.5);
		cairo_stroke(cr);
		cairo_save(cr);
		cairo_rectangle(cr, x + 1, sy + 1, seat_w - 2, row_h - 2);
		cairo_clip(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
		char text[400];
		snprintf(text, sizeof text, "%s\n%s%s", e->code, e->name,
		         e->host ? "\n(host)" : "");
		doc_text(pdf, text, 7, false, seat_w - 5, DOC_CENTER);
		doc_draw_text(pdf, x + 2.5, sy + 3);
		cairo_restore(cr);
	}
}

/* A card folded along the middle: the name upright on the lower half and
 * upside down on the upper, so both sides of the table read it. */
static void name_card(struct doc_pdf *pdf, const char *name)
{
	cairo_t *cr = pdf->cr;
	double w = pdf->width - 2 * MARGIN, half = pdf->height / 2;
	cairo_set_source_rgb(cr, 0.7, 0.7, 0.7);
	cairo_set_line_width(cr, 0.3);
	cairo_move_to(cr, 0, half);
	cairo_line_to(cr, pdf->width, half);
	cairo_stroke(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	doc_text(pdf, name, 54, true, w, DOC_CENTER);
	double h = doc_text_height(pdf);
	doc_draw_text(pdf, MARGIN, half + (half - h) / 2);
	cairo_save(cr);
	cairo_translate(cr, pdf->width, pdf->height);
	cairo_rotate(cr, 3.14159265358979323846);
	doc_draw_text(pdf, MARGIN, half + (half - h) / 2);
	cairo_restore(cr);
}

int doc_print_seating(struct summit_db *db, const struct order_options *order,
                      const char *room, int width, const char *path,
                      struct summit_err *err)
{
	long long id;
	int status;
	if (room && (status = record_find(db, &kind_rooms, room, &id, err)))
		return status;
	struct order_list list;
	if ((status = order_delegations(db, order, &list, err)))
		return status;
	struct order_seat *seats = NULL;
	if ((status = order_seating(&list, width, &seats, err))) {
		order_list_free(&list);
		return status;
	}
	char title[512] = "Seating plan";
	sqlite3_stmt *st;
	if (!db_prepare(db, "SELECT name FROM event WHERE id = 1", &st, NULL)) {
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(title, sizeof title,
			         "%s: seating plan%s%s (from the letter %c)",
			         sqlite3_column_text(st, 0), room ? ", " : "",
			         room ? room : "", order->letter);
		sqlite3_finalize(st);
	}
	struct doc_pdf pdf;
	if (!(status = doc_open(&pdf, path, DOC_A4_LONG, DOC_A4_SHORT, err))) {
		plan_page(&pdf, title, &list, seats, width);
		for (size_t i = 0; i < list.n; i++) {
			doc_new_page(&pdf);
			name_card(&pdf, list.v[i].name);
		}
		status = doc_close(&pdf, SUMMIT_OK, err);
	}
	free(seats);
	order_list_free(&list);
	return status;
}
