/* What is not ready: the problems `summit check` finds, grouped by kind,
 * errors first in the warning colour, the whole sentence and the records
 * of the selected one under the list. Enter opens the record a problem is
 * about (a choice when it names several). */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

struct subject {
	const struct kind *kind;
	long long id;
	char *text;
};

struct problem {
	const struct check_kind *kind;
	char *message;
	struct subject *subjects;
	size_t nsubjects;
};

struct problems {
	struct page *page;
	struct problem *items;
	size_t count, cap;
	int severity;                  /* CHECK_ERROR, CHECK_WARNING, or -1: both */
	const struct check_kind *only; /* or NULL */
	long long errors, warnings;
};

/* The lines under the list: the whole sentence and the subjects. */
#define DETAIL_LINES 4

static const struct key_help problems_keys[] = {
    {"Enter", "open the record the problem is about"},
    {"e", "edit the (first) record it is about"},
    {"f", "only one kind of problem"},
    {"v", "errors, warnings, or both"},
    {"c", "every problem again"},
    {NULL, NULL},
};

static void problems_clear(struct problems *p)
{
	for (size_t i = 0; i < p->count; i++) {
		for (size_t j = 0; j < p->items[i].nsubjects; j++)
			free(p->items[i].subjects[j].text);
		free(p->items[i].subjects);
		free(p->items[i].message);
	}
	p->count = 0;
}

static int keep_problem(const struct check_problem *cp, void *data)
{
	struct problems *p = data;
	if (cp->kind->severity == CHECK_ERROR)
		p->errors++;
	else
		p->warnings++;
	if (p->severity >= 0 && cp->kind->severity != (enum check_severity)p->severity)
		return 0;
	if (p->count == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->items = xrealloc(p->items, p->cap * sizeof *p->items);
	}
	struct problem *it = &p->items[p->count++];
	it->kind = cp->kind;
	it->message = xstrdup(cp->message);
	it->nsubjects = cp->nsubjects;
	it->subjects = xcalloc(cp->nsubjects ? cp->nsubjects : 1, sizeof *it->subjects);
	for (size_t i = 0; i < cp->nsubjects; i++) {
		it->subjects[i].kind = cp->subjects[i].kind;
		it->subjects[i].id = cp->subjects[i].id;
		it->subjects[i].text = check_subject_text(&cp->subjects[i]);
	}
	return 0;
}

/* Adds a page line and notes which problem it shows. */
static struct page_line *line_for(struct problems *p, long long item, enum role role,
                                  const char *text)
{
	struct page_line *line = page_add(p->page, role, "%s", text);
	line->index = item;
	return line;
}

static void problems_load(struct view *view)
{
	struct problems *p = view->data;
	p->page = &view->page;
	problems_clear(p);
	p->errors = p->warnings = 0;
	struct summit_err err;
	err_clear(&err);
	/* Kept from the dashboard's run while the file has not changed. */
	if (check_kept_run(view->tui->db, p->only ? p->only->name : NULL, keep_problem, p,
	                   &err)) {
		line_for(p, -1, ROLE_ERROR, err.msg);
		return;
	}
	char text[600];
	snprintf(text, sizeof text, "%lld error%s, %lld warning%s%s%s%s%s", p->errors,
	         p->errors == 1 ? "" : "s", p->warnings, p->warnings == 1 ? "" : "s",
	         p->only ? " of kind " : "", p->only ? p->only->name : "",
	         p->severity >= 0 ? ", showing the " : "",
	         p->severity == CHECK_ERROR     ? "errors"
	         : p->severity == CHECK_WARNING ? "warnings"
	                                        : "");
	line_for(p, -1, p->errors ? ROLE_WARN : ROLE_GOOD, text);
	if (!p->count) {
		line_for(p, -1, ROLE_DIM, "");
		line_for(p, -1, ROLE_DIM,
		         "  Nothing to show: everything checked is ready.");
		return;
	}
	/* Errors first; the problems come grouped by kind already. */
	for (int severity = CHECK_ERROR; severity <= CHECK_WARNING; severity++) {
		const struct check_kind *kind = NULL;
		for (size_t i = 0; i < p->count; i++) {
			const struct problem *it = &p->items[i];
			if ((int)it->kind->severity != severity)
				continue;
			if (it->kind != kind) {
				kind = it->kind;
				snprintf(text, sizeof text, "%s %s: %s",
				         check_severity_name(kind->severity), kind->name,
				         kind->summary);
				line_for(p, -1, ROLE_HEADER, text);
			}
			snprintf(text, sizeof text, "  %s", it->message);
			struct page_line *line = line_for(
			    p, (long long)i,
			    severity == CHECK_ERROR ? ROLE_WARN : ROLE_NORMAL, text);
			line->selectable = true;
			if (it->nsubjects && it->subjects[0].kind)
				line->target = target_record(it->subjects[0].kind,
				                             it->subjects[0].id);
		}
	}
}

static const struct problem *selected_problem(struct problems *p)
{
	if (!page_selected(p->page))
		return NULL;
	long long i = p->page->lines[p->page->cursor.line].index;
	return i >= 0 ? &p->items[i] : NULL;
}

static void problems_draw(struct view *view, int top, int height, int cols)
{
	struct problems *p = view->data;
	int list = height > 2 * DETAIL_LINES ? height - DETAIL_LINES : height;
	view_draw_page(view, top, list, cols);
	const struct problem *it = selected_problem(p);
	if (list == height || !it)
		return;
	tui_fill(top + list, 0, cols, ROLE_DIM);
	tui_put_wrapped(top + list, 0, 2, cols, it->message, ROLE_NORMAL);
	char about[1024] = "";
	size_t used = 0;
	for (size_t i = 0; i < it->nsubjects && used < sizeof about; i++)
		used += (size_t)snprintf(about + used, sizeof about - used, "%s%s",
		                         i ? "; " : "about ", it->subjects[i].text);
	tui_put_wrapped(top + list + 2, 0, DETAIL_LINES - 2, cols, about, ROLE_DIM);
}

static void open_subject(struct tui *tui, const struct problem *it)
{
	size_t n = 0;
	const char *choices[16];
	const struct subject *subjects[16];
	for (size_t i = 0; i < it->nsubjects && n < 15; i++)
		if (it->subjects[i].kind) {
			subjects[n] = &it->subjects[i];
			choices[n++] = it->subjects[i].text;
		}
	choices[n] = NULL;
	int chosen =
	    n > 1 ? tui_choose(tui, "Open which record?", choices, 0) : (int)n - 1;
	if (chosen < 0) {
		if (!n)
			tui_message(tui, ROLE_DIM,
			            "This problem is about no single record.");
		return;
	}
	struct target t = target_record(subjects[chosen]->kind, subjects[chosen]->id);
	target_open(tui, &t);
}

static void choose_kind(struct view *view)
{
	struct problems *p = view->data;
	const char *choices[CHECK_KIND_COUNT + 1];
	int selected = 0;
	for (size_t k = 0; k < CHECK_KIND_COUNT; k++) {
		choices[k] = check_kinds[k].name;
		if (p->only == &check_kinds[k])
			selected = (int)k;
	}
	choices[CHECK_KIND_COUNT] = NULL;
	int k = tui_choose(view->tui, "Only problems of kind", choices, selected);
	if (k < 0)
		return;
	p->only = &check_kinds[k];
	p->page->cursor.line = 0;
	view_load(view);
}

static bool problems_key(struct view *view, int key)
{
	struct problems *p = view->data;
	const struct problem *it;
	switch (key) {
	case '\r':
	case '\n':
	case KEY_ENTER:
		if ((it = selected_problem(p)))
			open_subject(view->tui, it);
		return true;
	case 'f':
		choose_kind(view);
		return true;
	case 'v':
		p->severity = p->severity < 0              ? CHECK_ERROR
		              : p->severity == CHECK_ERROR ? CHECK_WARNING
		                                           : -1;
		p->page->cursor.line = 0;
		view_load(view);
		return true;
	case 'c':
		p->severity = -1;
		p->only = NULL;
		view_load(view);
		return true;
	}
	return key == 'e' && page_record_key(view->tui, p->page, key);
}

static void problems_close(struct view *view)
{
	struct problems *p = view->data;
	problems_clear(p);
	free(p->items);
}

static void problems_init(struct view *view, const void *arg)
{
	struct problems *p = view->data;
	p->severity = *(const int *)arg;
	p->page = &view->page;
	snprintf(view->title, sizeof view->title, "Problems: what is not ready");
}

static const struct view_ops problems_ops = {
    .name = "Problems",
    .private_size = sizeof(struct problems),
    .keys = problems_keys,
    .init = problems_init,
    .load = problems_load,
    .draw = problems_draw,
    .key = problems_key,
    .close = problems_close,
    .bar = "Enter open  f kind  v errors/warnings  c all",
};

struct view *view_problems_open(struct tui *tui, int severity)
{
	return view_open(tui, &problems_ops, &severity);
}

struct view *view_problems_open_kind(struct tui *tui, const char *kind)
{
	struct view *view = view_problems_open(tui, -1);
	struct problems *p = view->data;
	p->only = check_kind_find(kind);
	return view;
}
