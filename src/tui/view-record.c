/* One record of any kind, field by field, with the records it refers to
 * and those that refer to it, each a key away. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

struct record_view {
	const struct kind *kind;
	long long id;
	char key[256];
};

static const struct key_help record_keys[] = {
    {"Enter", "open the record or list on the line"},
    {"e", "edit this record"},
    {"d", "remove this record (asks first)"},
    {"C", "export its calendar as .ics (delegation, room, vehicle)"},
    {NULL, NULL},
};

static void record_load(struct view *view)
{
	struct record_view *r = view->data;
	struct summit_db *db = view->tui->db;
	struct record rec = {0};
	struct summit_err err;
	err_clear(&err);
	if (record_get(db, r->kind, r->id, &rec, &err)) {
		page_add(&view->page, ROLE_ERROR, "%s (it may have been removed)",
		         err.msg);
		return;
	}
	const struct kind *kind = r->kind;
	if (kind->fields[kind->key].type == FIELD_ID)
		snprintf(r->key, sizeof r->key, "#%lld", r->id);
	else
		snprintf(r->key, sizeof r->key, "%s", rec.values[kind->key]);
	int width = 8;
	for (size_t i = 0; i < kind->nfields; i++)
		if (text_width(kind->fields[i].name) > width)
			width = text_width(kind->fields[i].name);
	for (size_t i = 0; i < kind->nfields; i++) {
		const struct field *f = &kind->fields[i];
		char name[80];
		tui_fit(name, sizeof name, f->name, width, false);
		const char *value = rec.values[i] ? rec.values[i] : "";
		struct page_line *line =
		    page_add(&view->page, ROLE_NORMAL, "  %s  %s", name, value);
		if (f->type == FIELD_REF && rec.values[i]) {
			long long id;
			const struct kind *ref = f->ref;
			if (record_find(db, ref, value, &id, NULL) == SUMMIT_OK) {
				line->selectable = true;
				line->target = target_record(ref, id);
			}
		}
	}
	page_add(&view->page, ROLE_DIM, "  revision %lld", rec.revision);
	/* Who refers to this record. */
	bool heading = false;
	for (size_t k = 0; k < kind_count; k++)
		for (size_t i = 0; i < kinds[k]->nfields; i++) {
			const struct field *f = &kinds[k]->fields[i];
			if (f->ref != kind)
				continue;
			struct record_filter by = {(int)i, r->key};
			struct browse b = {
			    .kind = kinds[k], .filters = &by, .nfilters = 1};
			long long n = 0;
			if (browse_count(db, &b, &n, NULL) || !n)
				continue;
			if (!heading) {
				page_add(&view->page, ROLE_NORMAL, "%s", "");
				page_add(&view->page, ROLE_HEADER, "Referred to by");
				heading = true;
			}
			struct page_line *line = page_add(
			    &view->page, ROLE_NORMAL, "  %lld %s (%s)", n,
			    n == 1 ? kinds[k]->singular : kinds[k]->plural, f->name);
			line->selectable = true;
			line->target = target_list(kinds[k], NULL, NULL, (int)i, r->key);
		}
	record_clear(&rec);
}

static bool record_key(struct view *view, int key)
{
	struct record_view *r = view->data;
	switch (key) {
	case 'e':
		form_run(view->tui, r->kind, r->id, NULL);
		return true;
	case 'd':
		if (form_delete(view->tui, r->kind, r->id))
			view_load(view);
		return true;
	case 'C':
		return form_export_ics(view->tui, r->kind, r->id);
	case 'P':
		if (r->kind == &kind_arrivals) {
			tui_pickup(view->tui, r->id);
			return true;
		}
		return false;
	case 'm':
		if (r->kind == &kind_invitations) {
			form_invitation_move(view->tui, r->key);
			return true;
		}
		return false;
	}
	return false;
}

static void record_init(struct view *view, const void *arg)
{
	struct record_view *r = view->data;
	*r = *(const struct record_view *)arg;
	struct record rec = {0};
	if (record_get(view->tui->db, r->kind, r->id, &rec, NULL) == SUMMIT_OK &&
	    r->kind->fields[r->kind->key].type != FIELD_ID)
		snprintf(view->title, sizeof view->title, "%s %s", r->kind->singular,
		         rec.values[r->kind->key]);
	else
		snprintf(view->title, sizeof view->title, "%s #%lld", r->kind->singular,
		         r->id);
	record_clear(&rec);
}

static const struct view_ops record_ops = {
    .name = "a record",
    .private_size = sizeof(struct record_view),
    .keys = record_keys,
    .init = record_init,
    .load = record_load,
    .key = record_key,
};

struct view *view_record_open(struct tui *tui, const struct kind *kind, long long id)
{
	struct record_view r = {.kind = kind, .id = id};
	return view_open(tui, &record_ops, &r);
}

/* ---- every kind, for the Records tab ---- */

static const struct key_help kinds_keys[] = {
    {"Enter", "list the records of the kind (the event: its record)"},
    {"a", "add a record of the kind"},
    {NULL, NULL},
};

static void kinds_load(struct view *view)
{
	struct page *page = &view->page;
	page_add(page, ROLE_HEADER, "%-14s %8s  %s", "kind", "records", "what it holds");
	for (size_t i = 0; i < kind_count; i++) {
		const struct kind *kind = kinds[i];
		struct page_line *l = page_add(
		    page, ROLE_NORMAL, "%-14s %8lld  %s", kind->plural,
		    record_count(view->tui->db, kind), kind->help ? kind->help : "");
		l->selectable = true;
		if (kind == &kind_event)
			l->target = target_record(kind, 1);
		else
			l->target = target_list(kind, NULL, NULL, -1, NULL);
	}
}

static bool kinds_key(struct view *view, int key)
{
	const struct target *t = page_selected(&view->page);
	if (key == 'a' && t) {
		if (t->kind->import_only)
			tui_message(view->tui, ROLE_ERROR,
			            "Rows of %s are written by %s.", t->kind->plural,
			            t->kind->written_by);
		else if (t->kind == &kind_event)
			tui_message(view->tui, ROLE_ERROR,
			            "The event is not added by hand.");
		else
			form_run(view->tui, t->kind, 0, NULL);
		return true;
	}
	return false;
}

static void kinds_init(struct view *view, const void *arg)
{
	(void)arg;
	snprintf(view->title, sizeof view->title, "Records of every kind");
}

static const struct view_ops kinds_ops = {
    .name = "Records",
    .keys = kinds_keys,
    .init = kinds_init,
    .load = kinds_load,
    .key = kinds_key,
};

struct view *view_kinds_open(struct tui *tui)
{
	return view_open(tui, &kinds_ops, NULL);
}
