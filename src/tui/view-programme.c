/* The programme of one day: a grid of rooms across the day's hours with
 * the sessions as blocks, overlaps and rooms too small for who is expected
 * in the warning colour, and the agenda of the day beside or below it. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

struct slot {
	long long id, room_id;
	char *title, *room, *status;
	int start, end; /* minutes since midnight */
	char from[6], to[6];
	long long capacity, expected;
	bool overlap;
};

struct room_row {
	long long id;
	char *name;
	long long capacity;
};

struct programme {
	long day, first, last; /* day numbers */
	char date[WHEN_DATE_LEN];
	struct slot *slots;
	size_t nslots;
	struct room_row *rooms;
	size_t nrooms;
	int room_top;
	char error[800];
};

static const struct key_help programme_keys[] = {
    {"Left Right h l", "the previous or next day"},
    {"[ ]", "the first or last day"},
    {"D", "go to a date; D Enter: today"},
    {"w", "the selected session's line and record, whole"},
    {"j k", "the next or previous session"},
    {"Enter", "open the session"},
    {"a e d", "add a session on this day, edit or remove the selected one"},
    {"C", "export the calendar of the selected session's room as .ics"},
    {"P", "print the day's programme as a grid (PDF)"},
    {"O",
     "print the seating plan of the selected session's room, in protocol order (PDF)"},
    {NULL, NULL},
};

static bool problem(const struct slot *s)
{
	return strcmp(s->status, "cancelled") != 0 &&
	       (s->overlap || s->expected > s->capacity);
}

static void programme_free(struct programme *p)
{
	for (size_t i = 0; i < p->nslots; i++) {
		free(p->slots[i].title);
		free(p->slots[i].room);
		free(p->slots[i].status);
	}
	free(p->slots);
	p->slots = NULL;
	p->nslots = 0;
	for (size_t i = 0; i < p->nrooms; i++)
		free(p->rooms[i].name);
	free(p->rooms);
	p->rooms = NULL;
	p->nrooms = 0;
}

struct load_ctx {
	struct programme *p;
	struct summit_db *db;
};

static int add_slot(const struct plan_session *s, void *data)
{
	struct load_ctx *c = data;
	struct programme *p = c->p;
	p->slots = xrealloc(p->slots, (p->nslots + 1) * sizeof *p->slots);
	struct slot *slot = &p->slots[p->nslots++];
	*slot = (struct slot){
	    .id = s->id,
	    .room_id = s->room_id,
	    .title = xstrdup(s->title),
	    .room = xstrdup(s->room),
	    .status = xstrdup(s->status),
	    .start = s->start_minute,
	    .end = s->end_minute,
	    .capacity = s->capacity,
	    .expected = s->expected,
	    .overlap = s->overlap,
	};
	tui_hour(c->db, s->start, slot->from);
	tui_hour(c->db, s->end, slot->to);
	return 0;
}

static int add_room(const struct record *rec, void *data)
{
	struct programme *p = data;
	p->rooms = xrealloc(p->rooms, (p->nrooms + 1) * sizeof *p->rooms);
	p->rooms[p->nrooms++] = (struct room_row){
	    .id = rec->id,
	    .name = xstrdup(rec->values[ROOM_NAME]),
	    .capacity = atoll(rec->values[ROOM_CAPACITY]),
	};
	return 0;
}

/* The agenda: a page line per session, its index in slots. */
static void agenda_line(struct page *page, struct slot *s, long long index)
{
	char room[100];
	tui_fit(room, sizeof room, s->room, 14, false);
	struct strbuf why = {0};
	if (strcmp(s->status, "cancelled") == 0)
		strbuf_add(&why, " (cancelled)");
	else {
		if (s->overlap)
			strbuf_add(&why, " (overlaps another session in the room)");
		if (s->expected > s->capacity)
			strbuf_add(&why, " (more expected than seats)");
	}
	/* The figures before the title, so a narrow screen keeps them. */
	struct page_line *line = page_add(
	    page,
	    problem(s)                            ? ROLE_WARN
	    : strcmp(s->status, "cancelled") == 0 ? ROLE_DIM
	                                          : ROLE_NORMAL,
	    "%s-%s %s %4lld/%-4lld %s %s%s", s->from, s->to, room, s->expected,
	    s->capacity, problem(s) ? "!" : " ", s->title, why.buf ? why.buf : "");
	strbuf_free(&why);
	line->selectable = true;
	line->index = index;
	line->target = target_record(&kind_sessions, s->id);
}

/* The session on the selected agenda line, or NULL. */
static struct slot *selected_slot(struct view *view)
{
	struct programme *p = view->data;
	if (!page_selected(&view->page))
		return NULL;
	long long i = view->page.lines[view->page.cursor.line].index;
	return i >= 0 && i < (long long)p->nslots ? &p->slots[i] : NULL;
}

static void programme_load(struct view *view)
{
	struct programme *p = view->data;
	struct summit_db *db = view->tui->db;
	programme_free(p);
	p->error[0] = 0;
	when_format_day(p->day, p->date);
	struct summit_err err;
	err_clear(&err);
	struct load_ctx c = {p, db};
	if (record_each(db, &kind_rooms, NULL, 0, add_room, p, &err) ||
	    plan_day_sessions(db, p->date, add_slot, &c, &err))
		snprintf(p->error, sizeof p->error, "%s", err.msg);
	for (size_t i = 0; i < p->nslots; i++)
		agenda_line(&view->page, &p->slots[i], (long long)i);
}

static void grid_draw(struct programme *p, int top, int height, int cols,
                      long long selected)
{
	int name_w = cols >= 100 ? 22 : 13;
	/* The hours the day uses, at least 8:00 to 19:00. */
	int from = 8 * 60, to = 19 * 60;
	for (size_t i = 0; i < p->nslots; i++) {
		if (p->slots[i].start < from)
			from = p->slots[i].start / 60 * 60;
		if (p->slots[i].end > to)
			to = (p->slots[i].end + 59) / 60 * 60;
	}
	if (to > 24 * 60)
		to = 24 * 60;
	/* Room at the end for the last hour's label. */
	int hours = (to - from) / 60, width = cols - name_w - 3;
	if (hours < 1 || width < hours)
		return;
	int per_hour = width / hours;
	if (per_hour < 1)
		per_hour = 1;
#define X(minute) (name_w + 1 + ((minute)-from) * per_hour / 60)
	tui_fill(top, 0, cols, ROLE_NORMAL);
	tui_put(top, 0, name_w, "room", ROLE_HEADER, true);
	for (int h = 0; h < hours; h++)
		tui_putf(top, X(from + h * 60), per_hour, ROLE_HEADER, false, "%02d",
		         from / 60 + h);
	tui_putf(top, X(to), 2, ROLE_HEADER, false, "%02d", to / 60);
	int rows = height - 1;
	/* Keep the selected session's room in view. */
	int selected_room = -1;
	for (size_t r = 0; r < p->nrooms; r++)
		for (size_t i = 0; i < p->nslots; i++)
			if (p->slots[i].id == selected &&
			    p->slots[i].room_id == p->rooms[r].id)
				selected_room = (int)r;
	if (selected_room >= 0 && selected_room < p->room_top)
		p->room_top = selected_room;
	if (selected_room >= p->room_top + rows)
		p->room_top = selected_room - rows + 1;
	for (int i = 0; i < rows && p->room_top + i < (int)p->nrooms; i++) {
		struct room_row *room = &p->rooms[p->room_top + i];
		int y = top + 1 + i;
		char name[200];
		if (name_w >= 20) {
			tui_fit(name, sizeof name, room->name, name_w - 5, false);
			tui_putf(y, 0, name_w, ROLE_NORMAL, true, "%s%4lld", name,
			         room->capacity);
		} else {
			tui_put(y, 0, name_w, room->name, ROLE_NORMAL, true);
		}
		for (int h = 0; h < hours; h++)
			tui_put(y, X(from + h * 60), 1, ".", ROLE_DIM, false);
		for (size_t k = 0; k < p->nslots; k++) {
			struct slot *s = &p->slots[k];
			if (s->room_id != room->id)
				continue;
			int x0 = X(s->start < from ? from : s->start);
			int x1 = X(s->end > to ? to : s->end);
			if (x1 <= x0)
				x1 = x0 + 1;
			if (x1 > cols)
				x1 = cols;
			bool cancelled = strcmp(s->status, "cancelled") == 0;
			enum role role = s->id == selected ? ROLE_CURSOR
			                 : cancelled       ? ROLE_DIM
			                 : problem(s)      ? ROLE_WARN
			                                   : ROLE_BLOCK;
			/* ">" marks the selection without colour too. */
			char label[300];
			snprintf(label, sizeof label, "%s%s%s",
			         s->id == selected ? ">" : "", problem(s) ? "!" : "",
			         s->title);
			tui_put(y, x0, x1 - x0, label, role, true);
		}
	}
	/* Say where rooms are hidden, and how many. */
	int below = (int)p->nrooms - p->room_top - rows;
	if (p->room_top > 0)
		tui_putf(top, cols - 14 > name_w ? cols - 14 : name_w, 14, ROLE_DIM, true,
		         " ^ %d more", p->room_top);
	if (below > 0)
		tui_putf(top + rows + 1, 0, cols, ROLE_DIM, true,
		         "  v %d more room%s below (j k move through the sessions)",
		         below, below == 1 ? "" : "s");
#undef X
}

static void programme_draw(struct view *view, int top, int height, int cols)
{
	struct programme *p = view->data;
	char first[WHEN_DATE_LEN], last[WHEN_DATE_LEN];
	when_format_day(p->first, first);
	when_format_day(p->last, last);
	static const char *const weekdays[] = {
	    "Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"};
	long weekday = ((p->day % 7) + 7) % 7; /* 1970-01-01 was a Thursday */
	tui_putf(top, 0, cols, ROLE_HEADER, true, "%s %s, day %ld of %ld   %zu session%s",
	         weekdays[weekday], p->date, p->day - p->first + 1,
	         p->last - p->first + 1, p->nslots, p->nslots == 1 ? "" : "s");
	if (p->error[0]) {
		tui_put(top + 1, 0, cols, p->error, ROLE_ERROR, true);
		return;
	}
	struct slot *chosen = selected_slot(view);
	long long selected = chosen ? chosen->id : 0;
	/* The grid takes the whole width (its hours as wide as they can be),
	 * the agenda the lines below it; a line under the grid says how many
	 * rooms it hides. */
	int grid_rows = (int)p->nrooms + 1;
	int max_grid = (height - 1) / 2;
	if (grid_rows > max_grid)
		grid_rows = max_grid;
	int ay = top + 1 + grid_rows + 1;
	int arows = top + height - ay;
	tui_fill(ay - 1, 0, cols, ROLE_NORMAL);
	grid_draw(p, top + 1, grid_rows, cols, selected);
	if (!p->nslots) {
		tui_put(ay, 0, cols, "No session on this day: a adds one.", ROLE_DIM,
		        true);
		return;
	}
	page_draw(&view->page, ay, 0, arows, cols);
}

static bool programme_key(struct view *view, int key)
{
	struct programme *p = view->data;
	struct tui *tui = view->tui;
	long day = p->day;
	switch (key) {
	case KEY_LEFT:
	case 'h':
		day = p->day > p->first ? p->day - 1 : p->day;
		break;
	case KEY_RIGHT:
	case 'l':
		day = p->day < p->last ? p->day + 1 : p->day;
		break;
	case '[':
		day = p->first;
		break;
	case 'D':
		tui_ask_day(tui, p->first, p->last, &day);
		break;
	case ']':
		day = p->last;
		break;
	case 'P': {
		const char *args[] = {"--day", p->date, NULL};
		char file[64];
		snprintf(file, sizeof file, "programme-%s.pdf", p->date);
		tui_print(tui, "programme", args, file);
		return true;
	}
	case 'O': {
		struct slot *s = selected_slot(view);
		if (!s) {
			tui_message(tui, ROLE_ERROR,
			            "No session selected: no room to seat.");
			return true;
		}
		const char *args[] = {"--room", s->room, NULL};
		/* seating-Salle-Plénière.pdf */
		char file[300];
		snprintf(file, sizeof file, "seating-%s.pdf", s->room);
		for (char *c = file; *c; c++)
			if (*c == ' ' || *c == '/')
				*c = '-';
		tui_print(tui, "seating", args, file);
		return true;
	}
	case 'C': {
		struct slot *s = selected_slot(view);
		if (s)
			form_export_ics(tui, &kind_rooms, s->room_id);
		return true;
	}
	case 'a': {
		const struct kind *kind = &kind_sessions;
		char **prefill = xcalloc(kind->nfields, sizeof *prefill);
		char start[WHEN_TIME_LEN + 8], end[WHEN_TIME_LEN + 8];
		snprintf(start, sizeof start, "%s 09:00", p->date);
		snprintf(end, sizeof end, "%s 10:00", p->date);
		prefill[SESSION_START] = start;
		prefill[SESSION_END] = end;
		form_run(tui, kind, 0, prefill);
		free(prefill);
		return true;
	}
	default:
		return false;
	}
	if (day != p->day) {
		p->day = day;
		view->page.cursor.line = view->page.cursor.top = 0;
		p->room_top = 0;
		view_load(view);
	}
	return true;
}

static long day_number(const char *date)
{
	int y, m, d;
	if (!when_parse_date(date, &y, &m, &d))
		return 0;
	return when_day_number(y, m, d);
}

static void programme_init(struct view *view, const void *arg)
{
	(void)arg;
	struct programme *p = view->data;
	struct record event = {0};
	if (record_get(view->tui->db, &kind_event, 1, &event, NULL) == SUMMIT_OK) {
		p->first = day_number(event.values[EVENT_FIRST_DAY]);
		p->last = day_number(event.values[EVENT_LAST_DAY]);
	}
	record_clear(&event);
	/* Open on today when the event is under way. */
	char today[WHEN_DATE_LEN];
	long now =
	    when_today(view->tui->db, today, NULL) == SUMMIT_OK ? day_number(today) : 0;
	p->day = now >= p->first && now <= p->last ? now : p->first;
}

static void programme_close(struct view *view)
{
	programme_free(view->data);
}

static const struct view_ops programme_ops = {
    .name = "Programme",
    .private_size = sizeof(struct programme),
    .keys = programme_keys,
    .init = programme_init,
    .load = programme_load,
    .draw = programme_draw,
    .key = programme_key,
    .close = programme_close,
    .record_keys = true,
    .bar = "Left Right day  D date  Enter open  a add  e edit  C ics",
};

struct view *view_programme_open(struct tui *tui)
{
	return view_open(tui, &programme_ops, NULL);
}
