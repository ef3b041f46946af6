#include "summit/model.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "summit/db.h"
#include "summit/error.h"
#include "summit/when.h"
#include "summit/xalloc.h"

static const struct model_settings default_settings = {
    .pickup_margin = 20,
    .arrival_days = 7,
    .pickup_window = 30,
    .immigration_margin = 30,
    .departure_margin = 120,
    .shuttle_lead = 15,
    .minister_cars = false,
};

int model_settings_read(struct summit_db *db, struct model_settings *s,
                        struct summit_err *err)
{
	*s = default_settings;
	sqlite3_stmt *st;
	// clang-format off
	int status = db_prepare(db,
	    "SELECT pickup_margin, arrival_days, pickup_window, immigration_margin,"
	    "       departure_margin, shuttle_lead, minister_cars = 'yes'"
	    "  FROM event WHERE id = 1",
	    &st, err);
	// clang-format on
	if (status)
		return status;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		s->pickup_margin = sqlite3_column_int(st, 0);
		s->arrival_days = sqlite3_column_int(st, 1);
		s->pickup_window = sqlite3_column_int(st, 2);
		s->immigration_margin = sqlite3_column_int(st, 3);
		s->departure_margin = sqlite3_column_int(st, 4);
		s->shuttle_lead = sqlite3_column_int(st, 5);
		s->minister_cars = sqlite3_column_int(st, 6) != 0;
	} else if (rc != SQLITE_DONE) {
		status = db_step_error(db, rc, err);
	}
	sqlite3_finalize(st);
	return status;
}

static char *column_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? xstrdup((const char *)t) : NULL;
}

static long day_num(const char *date)
{
	int y, m, d;
	return when_parse_date(date, &y, &m, &d) ? when_day_number(y, m, d) : 0;
}

static int cmp_ll(long long a, long long b)
{
	return a < b ? -1 : a > b;
}

static int cmp_id(const void *key, const void *record)
{
	return cmp_ll(*(const long long *)key, *(const long long *)record);
}

void *db_find_id(const void *records, size_t n, size_t size, long long id)
{
	return n ? bsearch(&id, records, n, size, cmp_id) : NULL;
}

const struct model_delegation *model_delegation_find(const struct model *m, long long id)
{
	return db_find_id(m->delegations, m->ndelegations, sizeof *m->delegations, id);
}

const struct model_session *model_session_find(const struct model *m, long long id)
{
	return db_find_id(m->sessions, m->nsessions, sizeof *m->sessions, id);
}

bool model_attends(const struct model_session *s, const struct model_delegation *d,
                   bool *required)
{
	*required = false;
	if (!d->expected || s->cancelled)
		return false;
	switch (s->attendance) {
	case MODEL_LIST:
		*required = true;
		return true; /* asked about listed delegations only */
	case MODEL_PARTICIPANTS:
		if (!d->participant)
			return false;
		*required = s->plenary;
		return true;
	case MODEL_ALL:
		*required = s->plenary && !d->guest;
		return true;
	}
	return false;
}

bool model_needs_logistics(const struct model_delegation *d)
{
	return d->expected && !d->in_town;
}

long long model_session_expected(const struct model *m, const struct model_session *s,
                                 long long *delegations)
{
	long long people = 0, count = 0;
	if (s->cancelled) {
		people = 0;
	} else if (s->expected_set > 0) {
		people = s->expected_set;
	} else if (s->attendance == MODEL_LIST) {
		for (size_t k = 0; k < s->nlisted; k++) {
			const struct model_delegation *d = &m->delegations[s->listed[k]];
			bool required;
			if (model_attends(s, d, &required)) {
				people += required ? d->size : 1;
				count++;
			}
		}
	} else {
		int p = s->attendance == MODEL_PARTICIPANTS;
		people = m->open_people[p][s->plenary];
		count = m->open_delegations[p][s->plenary];
	}
	if (delegations)
		*delegations = count;
	return people;
}

long model_local_day(const struct model *m, long long t)
{
	if (m->ndays > 1 && t >= m->day_start[0] && t < m->day_start[m->ndays - 1]) {
		size_t lo = 0, hi = m->ndays - 1; /* day_start[lo] <= t < day_start[hi] */
		while (hi - lo > 1) {
			size_t mid = (lo + hi) / 2;
			if (m->day_start[mid] <= t)
				lo = mid;
			else
				hi = mid;
		}
		return m->day0 + (long)lo;
	}
	char buf[WHEN_TIME_LEN];
	when_format_local(m->db, t, buf);
	buf[10] = '\0';
	return day_num(buf);
}

long model_arrival_night(const struct model *m, long long t)
{
	char buf[WHEN_TIME_LEN];
	when_format_local(m->db, t, buf);
	long day = model_local_day(m, t);
	return strcmp(buf + 11, "06:00") < 0 ? day - 1 : day;
}

void model_flights_of(const struct model *m, long long delegation, size_t *from,
                      size_t *to)
{
	size_t lo = 0, hi = m->nflights;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (m->flights[mid].delegation < delegation)
			lo = mid + 1;
		else
			hi = mid;
	}
	*from = lo;
	while (lo < m->nflights && m->flights[lo].delegation == delegation)
		lo++;
	*to = lo;
}

bool model_nights_in_town(const struct model *m, long long delegation, long long person,
                          long *first, long *end)
{
	size_t from, to;
	model_flights_of(m, delegation, &from, &to);
	bool has_main = false;
	for (size_t i = from; i < to; i++)
		has_main |= m->flights[i].person == 0;
	long long in = 0, out = 0, main_out = 0;
	for (size_t i = from; i < to; i++) {
		const struct model_flight *f = &m->flights[i];
		if (has_main && !f->person && f->departure && f->time > main_out)
			main_out = f->time;
		if (person ? f->person != person : has_main && f->person)
			continue;
		if (!f->departure && (!in || f->time < in))
			in = f->time;
		if (f->departure && f->time > out)
			out = f->time;
	}
	if (!in)
		return false;
	if (person && !out)
		out = main_out;
	*first = model_arrival_night(m, in);
	*end = out ? model_local_day(m, out) : m->last_day + 1;
	return true;
}

/* Loading. */
static int each_row(struct summit_db *db, sqlite3_stmt *st,
                    int (*row)(struct model *m, sqlite3_stmt *st), struct model *m,
                    struct summit_err *err)
{
	int rc, status = SUMMIT_OK;
	while (!status && (rc = sqlite3_step(st)) == SQLITE_ROW)
		status = row(m, st);
	if (!status && rc != SQLITE_DONE)
		status = db_step_error(db, rc, err);
	sqlite3_finalize(st);
	return status;
}

static int row_delegation(struct model *m, sqlite3_stmt *st)
{
	GROW(m->delegations, m->ndelegations, m->cap[0]);
	struct model_delegation *d = &m->delegations[m->ndelegations++];
	d->id = sqlite3_column_int64(st, 0);
	d->code = column_text(st, 1);
	d->name = column_text(st, 2);
	d->status = column_text(st, 3);
	d->size = sqlite3_column_int64(st, 4);
	d->rank = column_text(st, 5);
	d->head = column_text(st, 6);
	d->state = column_text(st, 7);
	d->expected = sqlite3_column_int(st, 8) != 0;
	d->host = sqlite3_column_int(st, 9) != 0;
	d->in_town = sqlite3_column_int(st, 10) != 0;
	d->guest = strcmp(d->status, "guest") == 0;
	d->participant = strcmp(d->status, "participant") == 0;
	return SUMMIT_OK;
}

static int row_session(struct model *m, sqlite3_stmt *st)
{
	GROW(m->sessions, m->nsessions, m->cap[1]);
	struct model_session *s = &m->sessions[m->nsessions++];
	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(st, 0);
	s->title = column_text(st, 1);
	s->kind = column_text(st, 2);
	s->room = sqlite3_column_int64(st, 3);
	s->start = sqlite3_column_int64(st, 4);
	s->end = sqlite3_column_int64(st, 5);
	const char *att = (const char *)sqlite3_column_text(st, 6);
	s->attendance = strcmp(att, "list") == 0           ? MODEL_LIST
	                : strcmp(att, "participants") == 0 ? MODEL_PARTICIPANTS
	                                                   : MODEL_ALL;
	s->room_name = column_text(st, 7);
	s->capacity = sqlite3_column_int64(st, 8);
	s->venue = sqlite3_column_int64(st, 9);
	s->expected_set = sqlite3_column_int64(st, 10);
	s->cancelled = sqlite3_column_int(st, 11) != 0;
	s->plenary = strcmp(s->kind, "plenary") == 0 || strcmp(s->kind, "ceremony") == 0;
	return SUMMIT_OK;
}

static int row_listed(struct model *m, sqlite3_stmt *st)
{
	struct model_session *s =
	    (struct model_session *)model_session_find(m, sqlite3_column_int64(st, 0));
	const struct model_delegation *d =
	    model_delegation_find(m, sqlite3_column_int64(st, 1));
	if (s && d) {
		if ((s->nlisted & (s->nlisted - 1)) == 0) /* 0, 1, 2, 4...: grow */
			s->listed =
			    xrealloc(s->listed, (s->nlisted ? s->nlisted * 2 : 1) *
			                            sizeof *s->listed);
		s->listed[s->nlisted++] = (size_t)(d - m->delegations);
	}
	return SUMMIT_OK;
}

static int row_flight(struct model *m, sqlite3_stmt *st)
{
	GROW(m->flights, m->nflights, m->cap[2]);
	struct model_flight *f = &m->flights[m->nflights++];
	f->id = sqlite3_column_int64(st, 0);
	f->delegation = sqlite3_column_int64(st, 1);
	f->person = sqlite3_column_int64(st, 2);
	f->departure = sqlite3_column_int(st, 3) != 0;
	f->time = sqlite3_column_int64(st, 4);
	f->flight = column_text(st, 5);
	f->airport = sqlite3_column_int64(st, 6);
	f->party = sqlite3_column_int64(st, 7);
	f->pickup = sqlite3_column_int64(st, 8);
	return SUMMIT_OK;
}

static int query(struct model *m, const char *sql, long long from, long long to,
                 int (*row)(struct model *m, sqlite3_stmt *st), struct summit_err *err)
{
	sqlite3_stmt *st;
	int status = db_prepare(m->db, sql, &st, err);
	if (status)
		return status;
	/* Statements without parameters ignore these. */
	if (sqlite3_bind_parameter_count(st) >= 2) {
		sqlite3_bind_int64(st, 1, from);
		sqlite3_bind_int64(st, 2, to);
	}
	return each_row(m->db, st, row, m, err);
}

// clang-format off
static const char delegations_sql[] =
    "SELECT d.id, d.code, d.name, d.status, d.size, d.rank, d.head, i.state,"
    "       " MODEL_SQL_EXPECTED("d") ", " MODEL_SQL_HOST("d") ","
    "       " MODEL_SQL_IN_TOWN("d")
    "  FROM delegations d LEFT JOIN invitations i ON i.delegation = d.id"
    " ORDER BY d.id";

/* ?1 >= ?2: every session; ?3: the cancelled ones too. */
static const char sessions_sql[] =
    "SELECT s.id, s.title, s.kind, s.room, s.start, s.\"end\", s.attendance,"
    "       r.name, r.capacity, r.venue, coalesce(s.expected, 0),"
    "       s.status = 'cancelled'"
    "  FROM sessions s JOIN rooms r ON r.id = s.room"
    " WHERE (?1 >= ?2 OR (s.start >= ?1 AND s.start < ?2))"
    "   AND (?3 OR s.status <> 'cancelled')"
    " ORDER BY s.id";

static const char listed_sql[] =
    "SELECT l.owner, l.ref FROM session_delegations l"
    "  JOIN sessions s ON s.id = l.owner"
    " WHERE (?1 >= ?2 OR (s.start >= ?1 AND s.start < ?2))"
    "   AND (?3 OR s.status <> 'cancelled')";

static const char flights_sql[] =
    "SELECT id, delegation, coalesce(person, 0), direction = 'departure', time,"
    "       flight, airport, party, coalesce(pickup, 0)"
    "  FROM arrivals ORDER BY delegation, time, id";
// clang-format on

static int load_sessions(struct model *m, const char *sql, long long from, long long to,
                         bool cancelled, int (*row)(struct model *, sqlite3_stmt *),
                         struct summit_err *err)
{
	sqlite3_stmt *st;
	int status = db_prepare(m->db, sql, &st, err);
	if (status)
		return status;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	sqlite3_bind_int(st, 3, cancelled);
	return each_row(m->db, st, row, m, err);
}

/* Local midnights from a month before the event to a month after. */
static int load_days(struct model *m, struct summit_err *err)
{
	m->first_day = day_num(m->db->first_day);
	m->last_day = day_num(m->db->last_day);
	m->day0 = m->first_day - 31;
	m->ndays = (size_t)(m->last_day + 32 - m->day0 + 1);
	m->day_start = xmalloc(m->ndays * sizeof *m->day_start);
	for (size_t i = 0; i < m->ndays; i++) {
		char date[WHEN_DATE_LEN];
		long long end;
		when_format_day(m->day0 + (long)i, date);
		int status = when_day_bounds(m->db, date, &m->day_start[i], &end, err);
		if (status)
			return status;
	}
	return SUMMIT_OK;
}

int model_load(struct summit_db *db, struct model *m, unsigned parts, long long from,
               long long to, struct summit_err *err)
{
	memset(m, 0, sizeof *m);
	m->db = db;
	if (!db_has_event(db))
		return err_no_event(err);
	bool cancelled = !(parts & MODEL_SCHEDULED);
	int status = load_days(m, err);
	if (!status)
		status = query(m, delegations_sql, 0, 0, row_delegation, err);
	if (!status && (parts & MODEL_SESSIONS))
		status =
		    load_sessions(m, sessions_sql, from, to, cancelled, row_session, err);
	if (!status && (parts & MODEL_SESSIONS))
		status =
		    load_sessions(m, listed_sql, from, to, cancelled, row_listed, err);
	if (!status && (parts & MODEL_FLIGHTS))
		status = query(m, flights_sql, 0, 0, row_flight, err);
	if (status) {
		model_free(m);
		return status;
	}
	/* Open sessions expect the same people whatever the session, given
	 * whether it is a plenary: count those four cases once. */
	for (int p = 0; p < 2; p++)
		for (int plenary = 0; plenary < 2; plenary++) {
			struct model_session probe = {.attendance = p ? MODEL_PARTICIPANTS
			                                              : MODEL_ALL,
			                              .plenary = plenary};
			for (size_t k = 0; k < m->ndelegations; k++) {
				bool required;
				if (model_attends(&probe, &m->delegations[k],
				                  &required)) {
					m->open_people[p][plenary] +=
					    required ? m->delegations[k].size : 1;
					m->open_delegations[p][plenary]++;
				}
			}
		}
	return SUMMIT_OK;
}

void model_free(struct model *m)
{
	for (size_t i = 0; i < m->ndelegations; i++) {
		struct model_delegation *d = &m->delegations[i];
		free(d->code), free(d->name), free(d->status), free(d->rank);
		free(d->head), free(d->state);
	}
	for (size_t i = 0; i < m->nsessions; i++) {
		struct model_session *s = &m->sessions[i];
		free(s->title), free(s->kind), free(s->room_name), free(s->listed);
	}
	for (size_t i = 0; i < m->nflights; i++)
		free(m->flights[i].flight);
	free(m->delegations), free(m->sessions), free(m->flights), free(m->day_start);
	memset(m, 0, sizeof *m);
}
