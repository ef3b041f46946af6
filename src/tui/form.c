/* One form for every kind, built from its descriptor in kind.h: the same
 * validation as the command line (record_insert, record_update), each
 * refusal shown next to its field, and nothing saved until all is valid.
 * An edit carries the revision it opened, so a record someone else changed
 * meanwhile is refused rather than overwritten. */
#include "tui.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct form {
	struct tui *tui;
	const struct kind *kind;
	long long id, revision;
	struct edit *edits; /* one per field */
	char **original;    /* values when opened (edit), by field */
	char **errors;      /* message next to each field, or NULL */
	bool *readonly;
	bool *hidden;
	int focus, top;
	char message[1400];
	bool modified;
	const struct form_hook *hook;
};

static bool field_readonly(const struct form *f, size_t i)
{
	const struct field *fl = &f->kind->fields[i];
	return fl->type == FIELD_ID || (fl->flags & FIELD_FIXED);
}

static void form_load(struct form *f, char *const *prefill)
{
	const struct kind *kind = f->kind;
	struct record rec = {0};
	struct summit_err err;
	err_clear(&err);
	if (f->id && record_get(f->tui->db, kind, f->id, &rec, &err) == SUMMIT_OK)
		f->revision = rec.revision;
	for (size_t i = 0; i < kind->nfields; i++) {
		const struct field *fl = &kind->fields[i];
		free(f->original[i]);
		f->original[i] = NULL;
		const char *value = NULL;
		if (f->id && rec.values)
			value = rec.values[i];
		else if (prefill && prefill[i])
			value = prefill[i];
		else if (!f->id)
			value = fl->fallback;
		if (f->id)
			f->original[i] = xstrdup(value ? value : "");
		edit_set(&f->edits[i], value);
		f->readonly[i] = field_readonly(f, i);
		f->hidden[i] = !f->id && fl->type == FIELD_ID;
		free(f->errors[i]);
		f->errors[i] = NULL;
	}
	record_clear(&rec);
	if (f->id && err.msg[0])
		snprintf(f->message, sizeof f->message, "%s", err.msg);
}

static int label_width(const struct form *f)
{
	int w = 8;
	for (size_t i = 0; i < f->kind->nfields; i++)
		if (text_width(f->kind->fields[i].name) + 2 > w)
			w = text_width(f->kind->fields[i].name) + 2;
	return w;
}

/* What the focused field expects, for the line under the form. */
static void field_hint(const struct form *f, const struct field *fl, char *out,
                       size_t size)
{
	struct strbuf sb = {0};
	if (f->readonly[f->focus]) {
		strbuf_add(&sb, fl->type == FIELD_ID ? "The record's number."
		                                     : "Changed by its own key: ");
		if (fl->type != FIELD_ID)
			strbuf_add(&sb, fl->help ? fl->help : "");
	} else {
		if (fl->help)
			strbuf_addf(&sb, "%s. ", fl->help);
		switch (fl->type) {
		case FIELD_ENUM:
			strbuf_add(&sb, "Left/Right:");
			for (const char *const *c = fl->choices; *c; c++)
				strbuf_addf(&sb, " %s", *c);
			break;
		case FIELD_REF:
		case FIELD_REFLIST:
			strbuf_addf(&sb, "%s of %s; Ctrl-T picks from a list.",
			            fl->type == FIELD_REFLIST ? "Space-separated keys"
			                                      : "The key",
			            fl->ref->plural);
			break;
		case FIELD_DATE:
			strbuf_add(&sb, "YYYY-MM-DD.");
			break;
		case FIELD_TIME:
			strbuf_add(&sb, "YYYY-MM-DD HH:MM, the event's time.");
			break;
		case FIELD_MONEY:
			strbuf_add(&sb, "An amount like 1 500 000, 1500000 or 1500.50.");
			break;
		case FIELD_INT:
			strbuf_add(&sb, "A whole number.");
			break;
		default:
			break;
		}
	}
	snprintf(out, size, "%s", sb.buf ? sb.buf : "");
	strbuf_free(&sb);
}

/* The screen lines each field takes: its own, and one for its message. */
static int field_lines(const struct form *f, size_t i)
{
	return f->hidden[i] ? 0 : f->errors[i] ? 2 : 1;
}

/* The form over the views; focus places the terminal's cursor in the
 * field (not when a dialog is drawn over the form). */
static void form_paint(struct form *f, bool focus_cursor)
{
	const struct kind *kind = f->kind;
	int y0 = 1, h = LINES - 2, w = COLS;
	if (h < 8 || w < 30) {
		/* Too small to lay the fields out: say so rather than garble. */
		erase();
		tui_put_wrapped(0, 0, LINES, COLS,
		                "The window is too small for this form: make it larger "
		                "(Esc leaves the form).",
		                ROLE_WARN);
		curs_set(0);
		return;
	}
	char title[200];
	bool numbered = kind->fields[kind->key].type == FIELD_ID;
	if (!f->id)
		snprintf(title, sizeof title, "Add %s %s",
		         strchr("aeiou", kind->singular[0]) ? "an" : "a", kind->singular);
	else if (numbered)
		snprintf(title, sizeof title, "Edit %s #%lld", kind->singular, f->id);
	else
		snprintf(title, sizeof title, "Edit %s %s", kind->singular,
		         f->original[kind->key] ? f->original[kind->key] : "");
	tui_box(y0, 0, h, w, title);
	int lw = label_width(f);
	/* The message wrapped whole, up to three lines. */
	struct wrap_row rows[3];
	int nmessage = f->message[0] ? tui_wrap(f->message, w - 4, rows, 3) : 1;
	int body = h - 4 - nmessage; /* box, message, hint line, keys line */
	/* Keep the focused field in view, from the top when all fits (after
	 * the window grew back). */
	f->top = 0;
	int need = 0;
	for (int i = f->top; i <= f->focus; i++)
		need += field_lines(f, (size_t)i);
	while (need > body && f->top < f->focus)
		need -= field_lines(f, (size_t)f->top++);
	int y = y0 + 1;
	if (f->message[0])
		tui_put_wrapped(y, 2, nmessage, w - 4, f->message, ROLE_ERROR);
	y += nmessage;
	int cursor_y = -1, cursor_x = 0;
	for (size_t i = (size_t)f->top; i < kind->nfields && y < y0 + 1 + nmessage + body;
	     i++) {
		if (f->hidden[i])
			continue;
		const struct field *fl = &kind->fields[i];
		bool focus = (int)i == f->focus;
		char label[80];
		snprintf(label, sizeof label, "%s%s", fl->name,
		         fl->flags & FIELD_REQUIRED ? "*" : "");
		tui_put(y, 2, lw, label, focus ? ROLE_HEADER : ROLE_NORMAL, true);
		enum role role = f->readonly[i] ? ROLE_DIM
		                 : focus        ? ROLE_CURSOR
		                                : ROLE_NORMAL;
		if (focus && !f->readonly[i]) {
			edit_draw(&f->edits[i], y, 2 + lw, w - 4 - lw, role, false);
			cursor_y = y;
			char before[1024];
			snprintf(before, sizeof before, "%.*s", (int)f->edits[i].pos,
			         f->edits[i].text);
			int bw = text_width(before);
			cursor_x = 2 + lw + (bw < w - 5 - lw ? bw : w - 5 - lw);
		} else {
			tui_put(y, 2 + lw, w - 4 - lw, f->edits[i].text, role, true);
		}
		y++;
		if (f->errors[i] && y < y0 + h - 3) {
			tui_putf(y, 2 + lw, w - 4 - lw, ROLE_ERROR, true, "^ %s",
			         f->errors[i]);
			y++;
		}
	}
	char hint[600];
	field_hint(f, &kind->fields[f->focus], hint, sizeof hint);
	tui_put(y0 + h - 3, 2, w - 4, hint, ROLE_DIM, true);
	tui_put(y0 + h - 2, 2, w - 4,
	        "Ctrl-S save   Up/Down/Tab fields   Ctrl-R reload   Esc cancel",
	        ROLE_HEADER, true);
	if (cursor_y >= 0 && focus_cursor) {
		curs_set(1);
		move(cursor_y, cursor_x);
	} else {
		curs_set(0);
	}
}

static void form_underlay(void *data)
{
	form_paint(data, false);
}

static void form_draw(struct form *f)
{
	tui_draw(f->tui);
	form_paint(f, true);
	refresh();
}

static void form_move(struct form *f, int direction)
{
	int n = (int)f->kind->nfields, i = f->focus;
	for (int step = 0; step < n; step++) {
		i = (i + direction + n) % n;
		if (!f->hidden[i]) {
			f->focus = i;
			return;
		}
	}
}

static void cycle_choice(struct form *f, int direction)
{
	const struct field *fl = &f->kind->fields[f->focus];
	int n = 0, at = -1;
	for (; fl->choices[n]; n++)
		if (strcmp(fl->choices[n], f->edits[f->focus].text) == 0)
			at = n;
	/* An optional field may also be left empty (position n). */
	int slots = fl->flags & FIELD_REQUIRED ? n : n + 1;
	if (at < 0)
		at = direction > 0 ? slots - 1 : 0;
	at = (at + direction + slots) % slots;
	edit_set(&f->edits[f->focus], at < n ? fl->choices[at] : "");
	f->modified = true;
}

/* The time typed into field i of the form, as UTC; false when it does
 * not read as one. */
static bool form_time(struct form *f, int i, long long *utc)
{
	struct summit_err err;
	err_clear(&err);
	return i >= 0 && f->edits[i].text[0] &&
	       when_parse_local(f->tui->db, f->edits[i].text, utc, &err) == SUMMIT_OK;
}

struct rooms_ctx {
	struct picker *p;
	long long session, start, end;
	long long *busy; /* room ids taken then */
	size_t nbusy;
};

static int busy_room(const struct plan_session *s, void *data)
{
	struct rooms_ctx *c = data;
	if (s->id != c->session && strcmp(s->status, "cancelled") != 0 &&
	    s->start < c->end && c->start < s->end) {
		c->busy = xrealloc(c->busy, (c->nbusy + 1) * sizeof *c->busy);
		c->busy[c->nbusy++] = s->room_id;
	}
	return 0;
}

static int room_option(const struct record *rec, void *data)
{
	struct rooms_ctx *c = data;
	bool busy = false;
	for (size_t i = 0; i < c->nbusy; i++)
		busy |= c->busy[i] == rec->id;
	char name[200];
	tui_fit(name, sizeof name, rec->values[ROOM_NAME], 24, false);
	char *label = xasprintf("%s %5s seats  %s", name, rec->values[ROOM_CAPACITY],
	                        !c->end ? ""
	                        : busy  ? "! taken then"
	                                : "free then");
	picker_add(c->p, rec->values[ROOM_NAME], label);
	free(label);
	return 0;
}

/* The rooms with their seats and, for a session's times, whether each is
 * free then. */
static void rooms_picker(struct form *f, struct picker *p)
{
	struct rooms_ctx c = {.p = p, .session = f->id};
	if (f->kind == &kind_sessions && form_time(f, SESSION_START, &c.start) &&
	    form_time(f, SESSION_END, &c.end)) {
		char when[WHEN_TIME_LEN];
		when_format_local(f->tui->db, c.start, when);
		when[10] = 0;
		plan_day_sessions(f->tui->db, when, busy_room, &c, NULL);
	} else {
		c.end = 0;
	}
	record_each(f->tui->db, &kind_rooms, NULL, 0, room_option, &c, NULL);
	free(c.busy);
}

/* The trips an arrival can be met by: from its airport, leaving after it
 * lands on its day, with date, time and free seats. */
static void trips_picker(struct form *f, struct picker *p)
{
	long long landing;
	p->empty = "No trip leaves this airport after the landing that day: "
	           "P on the arrival makes one.";
	if (form_time(f, ARRIVAL_TIME, &landing))
		pickup_trip_options(f->tui, p, f->edits[ARRIVAL_AIRPORT].text, landing);
}

/* Ctrl-T: a picker for the focused reference, narrowed as one types,
 * starting from everything (not from what the field holds). */
static void pick_reference(struct form *f)
{
	const struct field *fl = &f->kind->fields[f->focus];
	if (f->readonly[f->focus] || (fl->type != FIELD_REF && fl->type != FIELD_REFLIST))
		return;
	struct picker p = {0};
	if (fl->ref == &kind_rooms)
		rooms_picker(f, &p);
	else if (f->kind == &kind_arrivals && f->focus == ARRIVAL_PICKUP)
		trips_picker(f, &p);
	else
		p.kind = fl->ref;
	char title[120], key[1024];
	snprintf(title, sizeof title, "Choose a %s", fl->ref->singular);
	if (picker_run(f->tui, &p, title, key, sizeof key)) {
		struct edit *e = &f->edits[f->focus];
		struct strbuf value = {0};
		/* A list gets the choice added; a reference is replaced. */
		if (fl->type == FIELD_REFLIST && e->text[0])
			strbuf_addf(&value, "%s ", e->text);
		strbuf_add(&value, key);
		edit_set(e, value.buf);
		strbuf_free(&value);
		f->modified = true;
	}
	picker_free(&p);
}

struct save_job {
	struct form *f;
	char *const *values;
	long long id; /* the record's, new ones' once inserted */
};

static int save_values(struct summit_db *db, void *ctx, struct summit_err *err)
{
	struct save_job *job = ctx;
	struct form *f = job->f;
	if (f->id)
		return record_update(db, f->kind, f->id, job->values, f->revision, err);
	int status = record_insert(db, f->kind, job->values, &job->id, err);
	/* What goes with the new record, in its transaction. */
	if (!status && f->hook)
		status = f->hook->after_insert(db, job->id, f->hook->ctx, err);
	return status;
}

/* Tries to write the record; on refusal puts the message by its field. The
 * problems the change newly causes (change.h) go to *warnings. */
static long long form_save(struct form *f, struct strbuf *warnings)
{
	const struct kind *kind = f->kind;
	char **values = xcalloc(kind->nfields, sizeof *values);
	for (size_t i = 0; i < kind->nfields; i++) {
		free(f->errors[i]);
		f->errors[i] = NULL;
		const char *text = f->edits[i].text;
		if (f->id)
			values[i] =
			    strcmp(text, f->original[i]) == 0 ? NULL : (char *)text;
		else
			values[i] = *text ? (char *)text : NULL;
	}
	f->message[0] = 0;
	struct summit_err err;
	err_clear(&err);
	struct save_job job = {f, values, f->id};
	int status = change_run(f->tui->db, kind, save_values, &job, tui_keep_warning,
	                        warnings, &err);
	long long id = job.id;
	if (status == SUMMIT_OK) {
		if (!f->id) {
			undo_note(f->tui, UNDO_INSERT, kind, id, NULL);
		} else {
			/* What the fields held before, for those changed. */
			for (size_t i = 0; i < kind->nfields; i++)
				values[i] = values[i] ? f->original[i] : NULL;
			undo_note(f->tui, UNDO_UPDATE, kind, id, values);
		}
	}
	free(values);
	if (status == SUMMIT_OK)
		return id;
	strbuf_free(warnings);
	*warnings = (struct strbuf){0};
	int at = err.field[0] ? kind_field_index(kind, err.field) : -1;
	if (at >= 0 && !f->hidden[at]) {
		f->errors[at] = xstrdup(err.msg);
		f->focus = at;
		snprintf(f->message, sizeof f->message, "Not saved: %s needs a change.",
		         err.field);
	} else if (status == SUMMIT_CONFLICT) {
		snprintf(f->message, sizeof f->message,
		         "Not saved: %s. Ctrl-R reloads it (your changes are lost).",
		         err.msg);
	} else {
		snprintf(f->message, sizeof f->message, "Not saved: %s", err.msg);
	}
	return 0;
}

long long form_run(struct tui *tui, const struct kind *kind, long long id,
                   char *const *prefill)
{
	return form_run_hooked(tui, kind, id, prefill, NULL);
}

long long form_run_hooked(struct tui *tui, const struct kind *kind, long long id,
                          char *const *prefill, const struct form_hook *hook)
{
	struct form f = {.tui = tui, .kind = kind, .id = id, .hook = hook};
	size_t n = kind->nfields;
	f.edits = xcalloc(n, sizeof *f.edits);
	f.original = xcalloc(n, sizeof *f.original);
	f.errors = xcalloc(n, sizeof *f.errors);
	f.readonly = xcalloc(n, sizeof *f.readonly);
	f.hidden = xcalloc(n, sizeof *f.hidden);
	form_load(&f, prefill);
	f.focus = -1;
	form_move(&f, 1);
	/* Start on the first field that can be typed into. */
	for (size_t k = 0; k < n && f.readonly[f.focus]; k++)
		form_move(&f, 1);
	long long saved = 0;
	bool done = false;
	/* Dialogs opened from the form (pickers, questions) show it beneath. */
	void (*underlay)(void *) = tui->underlay;
	void *underlay_data = tui->underlay_data;
	tui->underlay = form_underlay;
	tui->underlay_data = &f;
	while (!done) {
		form_draw(&f);
		int key = tui_getch(tui);
		const struct field *fl = &kind->fields[f.focus];
		switch (key) {
		case KEY_RESIZE:
			break;
		case 19: /* Ctrl-S */
		case KEY_F(2): {
			struct strbuf warnings = {0};
			long long now = form_save(&f, &warnings);
			saved = now ? now : saved;
			done = now != 0;
			/* Saved, but check now finds something new: say so
			 * before the planner leaves the record. */
			if (now && warnings.len &&
			    tui_confirm(tui, "Saved, with new problems. Edit it again?",
			                warnings.buf)) {
				f.id = now;
				form_load(&f, NULL);
				f.modified = false;
				snprintf(f.message, sizeof f.message, "Saved. %s",
				         warnings.buf);
				done = false;
			}
			strbuf_free(&warnings);
			break;
		}
		case 27: /* Esc */
		case 7:  /* Ctrl-G */
			if (!f.modified ||
			    tui_confirm(tui, "Leave without saving?",
			                "What you typed in this form will be lost."))
				done = true;
			break;
		case 18: /* Ctrl-R */
			form_load(&f, prefill);
			f.modified = false;
			snprintf(f.message, sizeof f.message, "Reloaded from the file.");
			break;
		case 20: /* Ctrl-T */
			pick_reference(&f);
			break;
		case '\t':
		case KEY_DOWN:
		case '\r':
		case '\n':
		case KEY_ENTER:
			form_move(&f, 1);
			break;
		case KEY_BTAB:
		case KEY_UP:
			form_move(&f, -1);
			break;
		case KEY_LEFT:
		case KEY_RIGHT:
			if (fl->type == FIELD_ENUM && !f.readonly[f.focus]) {
				cycle_choice(&f, key == KEY_RIGHT ? 1 : -1);
				break;
			}
			/* fall through */
		default: {
			/* Moving in the text (End, Home, arrows) changes nothing. */
			char before[sizeof f.edits[0].text];
			snprintf(before, sizeof before, "%s", f.edits[f.focus].text);
			if (!f.readonly[f.focus] && edit_key(&f.edits[f.focus], key) &&
			    strcmp(before, f.edits[f.focus].text) != 0) {
				f.modified = true;
				free(f.errors[f.focus]);
				f.errors[f.focus] = NULL;
			}
		}
		}
	}
	tui->underlay = underlay;
	tui->underlay_data = underlay_data;
	curs_set(0);
	for (size_t i = 0; i < n; i++) {
		free(f.original[i]);
		free(f.errors[i]);
	}
	free(f.edits);
	free(f.original);
	free(f.errors);
	free(f.readonly);
	free(f.hidden);
	if (saved) {
		tui_reload(tui);
		struct record rec = {0};
		if (record_get(tui->db, kind, saved, &rec, NULL) == SUMMIT_OK &&
		    kind->fields[kind->key].type != FIELD_ID)
			tui_message(tui, ROLE_GOOD, "Saved %s %s.", kind->singular,
			            rec.values[kind->key]);
		else
			tui_message(tui, ROLE_GOOD, "Saved %s #%lld.", kind->singular,
			            saved);
		record_clear(&rec);
	}
	return saved;
}

/* Records of other kinds removed along with this one (an invitation's
 * history), in words. */
static void describe_cascade(struct summit_db *db, const struct kind *kind,
                             const char *key, struct strbuf *out)
{
	for (size_t k = 0; k < kind_count; k++)
		for (size_t i = 0; i < kinds[k]->nfields; i++) {
			const struct field *fl = &kinds[k]->fields[i];
			if (!(fl->flags & FIELD_CASCADE) || fl->ref != kind)
				continue;
			struct record_filter by = {(int)i, key};
			struct browse b = {
			    .kind = kinds[k], .filters = &by, .nfilters = 1};
			long long n = 0;
			if (browse_count(db, &b, &n, NULL) == SUMMIT_OK && n)
				strbuf_addf(out, " Its %lld %s row%s go%s with it.", n,
				            kinds[k]->singular, n == 1 ? "" : "s",
				            n == 1 ? "es" : "");
		}
}

bool form_delete(struct tui *tui, const struct kind *kind, long long id)
{
	struct summit_db *db = tui->db;
	struct summit_err err;
	err_clear(&err);
	struct record rec = {0};
	if (record_get(db, kind, id, &rec, &err)) {
		tui_message(tui, ROLE_ERROR, "%s", err.msg);
		return false;
	}
	char name[300];
	if (kind->fields[kind->key].type == FIELD_ID)
		snprintf(name, sizeof name, "%s #%lld", kind->singular, id);
	else
		snprintf(name, sizeof name, "%s %s", kind->singular,
		         rec.values[kind->key]);
	/* Ask the core first, inside a transaction rolled back: it names what
	 * still refers to the record. */
	int status = db_begin(db, &err);
	if (!status) {
		status = record_delete(db, kind, id, rec.revision, &err);
		db_rollback(db);
	}
	if (status) {
		char question[400];
		snprintf(question, sizeof question, "Cannot remove %s", name);
		tui_popup(tui, question, err.msg);
		tui_message(tui, ROLE_ERROR, "Not removed: %s", err.msg);
		record_clear(&rec);
		return false;
	}
	struct strbuf detail = {0};
	strbuf_add(&detail, "No other record refers to it.");
	char number[24];
	snprintf(number, sizeof number, "#%lld", id);
	describe_cascade(db, kind,
	                 kind->fields[kind->key].type == FIELD_ID ? number
	                                                          : rec.values[kind->key],
	                 &detail);
	char question[400];
	snprintf(question, sizeof question, "Remove %s?", name);
	bool yes = tui_confirm(tui, question, detail.buf);
	strbuf_free(&detail);
	bool removed = false;
	if (yes) {
		status = db_begin(db, &err);
		if (!status)
			/* Not if someone changed it while the question was open. */
			status = db_end(
			    db, record_delete(db, kind, id, rec.revision, &err), &err);
		if (status) {
			tui_message(tui, ROLE_ERROR, "Not removed: %s", err.msg);
		} else {
			/* Put back as it was (but for its number) by u. */
			char **values = xcalloc(kind->nfields, sizeof *values);
			for (size_t i = 0; i < kind->nfields; i++)
				if (kind->fields[i].type != FIELD_ID)
					values[i] = rec.values[i];
			undo_note(tui, UNDO_DELETE, kind, id, values);
			free(values);
			tui_reload(tui);
			tui_message(tui, ROLE_GOOD, "Removed %s. u puts it back.", name);
			removed = true;
		}
	}
	record_clear(&rec);
	return removed;
}

static int move_invitation(struct summit_db *db, void *move, struct summit_err *err)
{
	return invitation_move(db, move, err);
}

bool form_invitation_move(struct tui *tui, const char *delegation)
{
	struct summit_db *db = tui->db;
	const struct kind *kind = &kind_invitations;
	struct summit_err err;
	err_clear(&err);
	long long id;
	struct record rec = {0};
	if (record_find(db, kind, delegation, &id, &err) ||
	    record_get(db, kind, id, &rec, &err)) {
		tui_message(tui, ROLE_ERROR,
		            "%s has no invitation yet: i on its page adds one",
		            delegation);
		return false;
	}
	const char *state = rec.values[INVITATION_STATE];
	char next[200];
	snprintf(next, sizeof next, "%s", invitation_next_states(state));
	const char *choices[16];
	int n = 0;
	for (char *save = NULL, *w = strtok_r(next, " ", &save); w && n < 15;
	     w = strtok_r(NULL, " ", &save))
		choices[n++] = w;
	choices[n] = NULL;
	bool moved = false;
	char title[200], channel[256], via[64], note[512];
	snprintf(title, sizeof title, "Move %s's invitation from %s to", delegation,
	         state);
	int k = n ? tui_choose(tui, title, choices, 0) : -1;
	const char *cur_channel = rec.values[INVITATION_CHANNEL];
	const char *cur_via = rec.values[INVITATION_VIA];
	if (!n)
		tui_message(tui, ROLE_ERROR, "An invitation %s moves nowhere.", state);
	if (k >= 0 && tui_prompt(tui, "Channel:", cur_channel, channel, sizeof channel) &&
	    tui_prompt(tui, "Through (a delegation's code, empty for none):", cur_via,
	               via, sizeof via) &&
	    tui_prompt(tui, "Note:", "", note, sizeof note)) {
		struct invitation_move move = {
		    .delegation = delegation,
		    .state = choices[k],
		    .channel = channel,
		    .via = via,
		    .note = note[0] ? note : NULL,
		};
		struct strbuf warnings = {0};
		int status = change_run(db, &kind_invitations, move_invitation, &move,
		                        tui_keep_warning, &warnings, &err);
		if (status) {
			strbuf_free(&warnings);
			tui_message(tui, ROLE_ERROR, "Not moved: %s", err.msg);
		} else {
			tui_reload(tui);
			tui_done(tui, &warnings, "The invitation of %s is now %s",
			         delegation, choices[k]);
			moved = true;
		}
	}
	record_clear(&rec);
	return moved;
}

/* Asks for the name of a new file and creates it; NULL when cancelled or
 * refused (an existing file is never overwritten). */
/* The file the planner names, under the directory of the last export
 * (chosen once, kept for the run); asks before writing over a file, as
 * re-exporting a calendar is how delegates' copies are updated. */
static FILE *new_file(struct tui *tui, const char *label, const char *name, char *path,
                      size_t size)
{
	char initial[1024];
	snprintf(initial, sizeof initial, "%s%s%s", tui->export_dir,
	         tui->export_dir[0] ? "/" : "", name);
	if (!tui_prompt(tui, label, initial, path, size) || !path[0])
		return NULL;
	FILE *out = fopen(path, "wx");
	if (!out && errno == EEXIST) {
		char question[700];
		snprintf(question, sizeof question, "Overwrite %s?", path);
		if (!tui_confirm(tui, question,
		                 "The file exists already: y writes the new export "
		                 "over it, n leaves it as it is."))
			return NULL;
		out = fopen(path, "w");
	}
	if (!out) {
		tui_message(tui, ROLE_ERROR, "Cannot create %s: %s.", path,
		            strerror(errno));
		return NULL;
	}
	const char *slash = strrchr(path, '/');
	snprintf(tui->export_dir, sizeof tui->export_dir, "%.*s",
	         slash ? (int)(slash - path) : 0, path);
	return out;
}

/* Closes out and says how the export of what to path went. */
static void export_done(struct tui *tui, FILE *out, const char *path, int status,
                        struct summit_err *err, const char *what)
{
	if (fclose(out) && !status)
		status = err_set(err, SUMMIT_FAILED, "writing %s failed", path);
	if (status) {
		remove(path);
		tui_message(tui, ROLE_ERROR, "%s", err->msg);
	} else {
		tui_message(tui, ROLE_GOOD, "Wrote %s to %s.", what, path);
	}
}

void form_export(struct tui *tui, const struct browse *b)
{
	const struct kind *kind = b->kind;
	char path[1024], initial[128];
	snprintf(initial, sizeof initial, "%s.csv", kind->plural);
	FILE *out = new_file(tui, "Export what is shown as CSV to file:", initial, path,
	                     sizeof path);
	if (!out)
		return;
	struct summit_err err;
	err_clear(&err);
	long long rows = 0;
	int status = csv_export_browse(tui->db, b, out, &rows, &err);
	char what[200];
	snprintf(what, sizeof what, "%lld %s", rows,
	         rows == 1 ? kind->singular : kind->plural);
	export_done(tui, out, path, status, &err, what);
}

bool form_export_ics(struct tui *tui, const struct kind *kind, long long id)
{
	enum ics_scope scope;
	if (kind == &kind_delegations)
		scope = ICS_DELEGATION;
	else if (kind == &kind_rooms)
		scope = ICS_ROOM;
	else if (kind == &kind_vehicles)
		scope = ICS_VEHICLE;
	else
		return false;
	struct summit_err err;
	err_clear(&err);
	struct record rec = {0};
	if (record_get(tui->db, kind, id, &rec, &err)) {
		tui_message(tui, ROLE_ERROR, "%s", err.msg);
		return true;
	}
	/* The key the calendar is exported by. */
	const char *key = rec.values[kind->key];
	char *stem = ics_file_stem(key);
	char path[1024], initial[300], what[300];
	snprintf(initial, sizeof initial, "%s.ics", stem);
	snprintf(what, sizeof what, "the calendar of %s", key);
	free(stem);
	FILE *out = new_file(tui, "Export its calendar (.ics) to file:", initial, path,
	                     sizeof path);
	if (out)
		export_done(tui, out, path, ics_export(tui->db, scope, key, out, &err),
		            &err, what);
	record_clear(&rec);
	return true;
}

struct import_job {
	const struct kind *kind;
	FILE *in;
	const char *path;
	long long rows;
};

static int import_file(struct summit_db *db, void *ctx, struct summit_err *err)
{
	struct import_job *job = ctx;
	return csv_import(db, job->kind, job->in, job->path, &job->rows, err);
}

void form_import(struct tui *tui, const struct kind *kind)
{
	char path[512], label[128];
	snprintf(label, sizeof label, "Import %s from CSV file:", kind->plural);
	if (!tui_prompt(tui, label, "", path, sizeof path) || !path[0])
		return;
	FILE *in = fopen(path, "r");
	if (!in) {
		tui_message(tui, ROLE_ERROR, "Cannot read %s.", path);
		return;
	}
	struct summit_err err;
	err_clear(&err);
	struct strbuf warnings = {0};
	/* All or nothing, as `summit import`, and watched the same way. */
	struct import_job job = {kind, in, path, 0};
	int status = change_run(tui->db, kind, import_file, &job, tui_keep_warning,
	                        &warnings, &err);
	fclose(in);
	if (status) {
		strbuf_free(&warnings);
		tui_message(tui, ROLE_ERROR, "Nothing imported: %s", err.msg);
		return;
	}
	tui_reload(tui);
	tui_done(tui, &warnings, "Imported %lld %s", job.rows,
	         job.rows == 1 ? kind->singular : kind->plural);
}
