/* The day's programme as a grid on A4 landscape: rooms across, hours down,
 * each session a box from its start to its end; a day with many rooms
 * takes several pages of eight rooms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_internal.h"
#include "internal.h"
#include "summit/db.h"
#include "summit/doc.h"
#include "summit/when.h"

#define ROOMS_A_PAGE 8
#define MARGIN       (12 * DOC_MM)

struct slot {
	long long room;
	long long start, end; /* minutes from local midnight */
	char title[256], kind[32], times[16];
	bool cancelled;
};

struct room {
	long long id;
	char name[128];
};

static void draw_page(struct doc_pdf *pdf, const char *event, const char *day,
                      const struct room *rooms, int nrooms, const struct slot *slots,
                      size_t nslots, int first_hour, int last_hour, int part, int parts)
{
	cairo_t *cr = pdf->cr;
	double w = pdf->width - 2 * MARGIN;
	char title[600];
	snprintf(title, sizeof title, "%s: programme of %s%s", event, day,
	         parts > 1 ? "" : "");
	if (parts > 1)
		snprintf(title + strlen(title), sizeof title - strlen(title),
		         " (%d of %d)", part, parts);
	doc_text(pdf, title, 14, true, w, DOC_LEFT);
	doc_draw_text(pdf, MARGIN, MARGIN);
	double top = MARGIN + doc_text_height(pdf) + 6 * DOC_MM + 12;
	double hours_w = 14 * DOC_MM, col_w = (w - hours_w) / nrooms;
	double hour_h = (pdf->height - MARGIN - top) / (last_hour - first_hour);
	/* Room names over their columns. */
	for (int i = 0; i < nrooms; i++) {
		doc_text(pdf, rooms[i].name, 9, true, col_w - 4, DOC_CENTER);
		doc_draw_text(pdf, MARGIN + hours_w + i * col_w + 2, top - 14);
	}
	cairo_set_line_width(cr, 0.3);
	for (int h = first_hour; h <= last_hour; h++) {
		double y = top + (h - first_hour) * hour_h;
		cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
		cairo_move_to(cr, MARGIN + hours_w, y);
		cairo_line_to(cr, MARGIN + w, y);
		cairo_stroke(cr);
		if (h < last_hour) {
			char label[16];
			snprintf(label, sizeof label, "%02d:00", h);
			cairo_set_source_rgb(cr, 0, 0, 0);
			doc_text(pdf, label, 8, false, hours_w - 4, DOC_RIGHT);
			doc_draw_text(pdf, MARGIN, y - 4);
		}
	}
	for (int i = 0; i <= nrooms; i++) {
		double x = MARGIN + hours_w + i * col_w;
		cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
		cairo_move_to(cr, x, top);
		cairo_line_to(cr, x, top + (last_hour - first_hour) * hour_h);
		cairo_stroke(cr);
	}
	for (size_t s = 0; s < nslots; s++) {
		int c = -1;
		for (int i = 0; i < nrooms; i++)
			if (rooms[i].id == slots[s].room)
				c = i;
		if (c < 0)
			continue;
		double x = MARGIN + hours_w + c * col_w + 1.5;
		double y = top + (slots[s].start - first_hour * 60) * hour_h / 60;
		double h = (slots[s].end - slots[s].start) * hour_h / 60;
		cairo_rectangle(cr, x, y + 0.5, col_w - 3, h - 1);
		if (slots[s].cancelled)
			cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
		else
			cairo_set_source_rgb(cr, 0.85, 0.90, 0.98);
		cairo_fill_preserve(cr);
		cairo_set_source_rgb(cr, 0.3, 0.4, 0.6);
		cairo_stroke(cr);
		char text[400];
		snprintf(text, sizeof text, "%s  %s%s", slots[s].times, slots[s].title,
		         slots[s].cancelled ? " (cancelled)" : "");
		cairo_save(cr);
		cairo_rectangle(cr, x, y, col_w - 3, h);
		cairo_clip(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
		doc_text(pdf, text, 7.5, false, col_w - 7, DOC_LEFT);
		doc_draw_text(pdf, x + 2, y + 2);
		cairo_restore(cr);
	}
}

static int one_day(struct summit_db *db, struct doc_pdf *pdf, const char *event,
                   const char *day, bool *first_page, struct summit_err *err)
{
	long long from, to;
	int status = when_day_bounds(db, day, &from, &to, err);
	if (status)
		return status;
	sqlite3_stmt *st;
	// clang-format off
	status = db_prepare(db,
	    "SELECT s.room, r.name, s.start, s.\"end\", s.title, s.kind, s.status"
	    " FROM sessions s JOIN rooms r ON r.id = s.room"
	    " WHERE s.start >= ? AND s.start < ? ORDER BY r.name, s.start",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	struct slot *slots = NULL;
	struct room *rooms = NULL;
	size_t nslots = 0, cap = 0;
	int nrooms = 0, rc;
	long long lo = 8 * 60, hi = 18 * 60;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (nslots == cap) {
			cap = cap ? 2 * cap : 32;
			slots = xrealloc(slots, cap * sizeof *slots);
			rooms = xrealloc(rooms, cap * sizeof *rooms);
		}
		struct slot *s = &slots[nslots++];
		s->room = sqlite3_column_int64(st, 0);
		if (!nrooms || rooms[nrooms - 1].id != s->room) {
			rooms[nrooms].id = s->room;
			snprintf(rooms[nrooms].name, sizeof rooms[nrooms].name, "%s",
			         sqlite3_column_text(st, 1));
			nrooms++;
		}
		long long start = sqlite3_column_int64(st, 2),
		          end = sqlite3_column_int64(st, 3);
		s->start = (start - from) / 60;
		s->end = (end < to ? end - from : to - from) / 60;
		char a[WHEN_TIME_LEN], b[WHEN_TIME_LEN];
		when_format_local(db, start, a);
		when_format_local(db, end, b);
		snprintf(s->times, sizeof s->times, "%.5s-%.5s", a + 11, b + 11);
		snprintf(s->title, sizeof s->title, "%s", sqlite3_column_text(st, 4));
		snprintf(s->kind, sizeof s->kind, "%s", sqlite3_column_text(st, 5));
		s->cancelled =
		    strcmp((const char *)sqlite3_column_text(st, 6), "cancelled") == 0;
		if (s->start < lo)
			lo = s->start;
		if (s->end > hi)
			hi = s->end;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(slots);
		free(rooms);
		return db_step_error(db, rc, err);
	}
	int first_hour = (int)(lo / 60), last_hour = (int)((hi + 59) / 60);
	int parts = nrooms ? (nrooms + ROOMS_A_PAGE - 1) / ROOMS_A_PAGE : 1;
	for (int p = 0; p < parts; p++) {
		if (!*first_page)
			doc_new_page(pdf);
		*first_page = false;
		int n = nrooms - p * ROOMS_A_PAGE;
		if (n > ROOMS_A_PAGE)
			n = ROOMS_A_PAGE;
		if (n <= 0) {
			struct room none = {0, "no sessions"};
			draw_page(pdf, event, day, &none, 1, NULL, 0, first_hour,
			          last_hour, 1, 1);
		} else {
			draw_page(pdf, event, day, rooms + p * ROOMS_A_PAGE, n, slots,
			          nslots, first_hour, last_hour, p + 1, parts);
		}
	}
	free(slots);
	free(rooms);
	return SUMMIT_OK;
}

int doc_print_programme(struct summit_db *db, const char *day, const char *path,
                        struct summit_err *err)
{
	if (!db_has_event(db))
		return err_no_event(err);
	int y, m, d;
	if (day && !when_parse_date(day, &y, &m, &d))
		return err_field(err, "--day", "got \"%s\", expected a date YYYY-MM-DD",
		                 day);
	if (day && (strcmp(day, db->first_day) < 0 || strcmp(day, db->last_day) > 0))
		return err_field(err, "--day",
		                 "got %s, expected a day of the event (%s to %s)", day,
		                 db->first_day, db->last_day);
	char event[256] = "";
	sqlite3_stmt *st;
	int status = db_prepare(db, "SELECT name FROM event WHERE id = 1", &st, err);
	if (status)
		return status;
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(event, sizeof event, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	struct doc_pdf pdf;
	if ((status = doc_open(&pdf, path, DOC_A4_LONG, DOC_A4_SHORT, err)))
		return status;
	bool first = true;
	if (day) {
		status = one_day(db, &pdf, event, day, &first, err);
	} else {
		when_parse_date(db->first_day, &y, &m, &d);
		long a = when_day_number(y, m, d);
		when_parse_date(db->last_day, &y, &m, &d);
		long b = when_day_number(y, m, d);
		for (long n = a; n <= b && !status; n++) {
			char date[WHEN_DATE_LEN];
			when_format_day(n, date);
			status = one_day(db, &pdf, event, date, &first, err);
		}
	}
	return doc_close(&pdf, status, err);
}
