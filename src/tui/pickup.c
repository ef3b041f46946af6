/* Meeting arrivals: one key from an arrival to its pickup trip, picked
 * among the compatible ones or drafted from the flight (pickup_draft),
 * and linked in the same transaction (pickup_link). */
#include "tui.h"

#include <stdlib.h>
#include <string.h>

struct trips_ctx {
	struct picker *p;
	struct summit_db *db;
	const char *airport;
	long long landing;
};

static int trip_option(const struct plan_trip *t, void *data)
{
	struct trips_ctx *c = data;
	/* From the airport, once the flight is in, and not hours later: the
	 * rule a change of the arrival's pickup must pass. */
	if (strcmp(t->origin, c->airport) != 0 || t->depart < c->landing ||
	    t->depart > c->landing + MODEL_PICKUP_WINDOW)
		return 0;
	char when[WHEN_TIME_LEN], key[24];
	when_format_local(c->db, t->depart, when);
	snprintf(key, sizeof key, "%lld", t->id);
	long long free_seats = t->capacity - t->riders;
	char *label =
	    xasprintf("#%-4lld %s %-7s -> %s, %lld free of %lld", t->id, when, t->vehicle,
	              t->destination, free_seats > 0 ? free_seats : 0, t->capacity);
	picker_add(c->p, key, label);
	free(label);
	return 0;
}

void pickup_trip_options(struct tui *tui, struct picker *p, const char *airport,
                         long long landing)
{
	struct trips_ctx c = {p, tui->db, airport, landing};
	char when[WHEN_TIME_LEN];
	when_format_local(tui->db, landing, when);
	when[10] = 0;
	plan_day_trips(tui->db, when, 0, trip_option, &c, NULL);
}

static int link_new_trip(struct summit_db *db, long long trip, void *ctx,
                         struct summit_err *err)
{
	const long long *arrival = ctx;
	return pickup_link(db, *arrival, trip, err);
}

struct link_job {
	const long long *arrivals;
	size_t n;
	long long trip;
};

static int link_each(struct summit_db *db, void *ctx, struct summit_err *err)
{
	struct link_job *job = ctx;
	int status = SUMMIT_OK;
	for (size_t i = 0; i < job->n && !status; i++)
		status = pickup_link(db, job->arrivals[i], job->trip, err);
	return status;
}

/* Links each arrival to trip, all in one transaction; a trip its riders
 * overfill is said at once, as the trip's form would. */
static bool link_all(struct tui *tui, const long long *arrivals, size_t n, long long trip)
{
	struct summit_err err;
	err_clear(&err);
	struct strbuf warnings = {0};
	struct link_job job = {arrivals, n, trip};
	int status = change_run(tui->db, &kind_trips, link_each, &job, tui_keep_warning,
	                        &warnings, &err);
	if (status) {
		strbuf_free(&warnings);
		tui_message(tui, ROLE_ERROR, "Not linked: %s", err.msg);
		return false;
	}
	undo_clear(tui);
	tui_reload(tui);
	if (n == 1)
		tui_done(tui, &warnings, "The arrival is met by trip #%lld", trip);
	else
		tui_done(tui, &warnings, "%zu arrivals are met by trip #%lld", n, trip);
	return true;
}

/* The trips an arrival can take, a new one first; its key, or "". */
static bool choose_trip(struct tui *tui, long long arrival, bool offer_new, char *key,
                        size_t size)
{
	struct record rec = {0};
	if (record_get(tui->db, &kind_arrivals, arrival, &rec, NULL) != SUMMIT_OK)
		return false;
	struct picker p = {0};
	if (offer_new)
		picker_add(&p, "", "+ a new trip, filled in from the flight");
	long long landing;
	struct summit_err err;
	err_clear(&err);
	if (when_parse_local(tui->db, rec.values[ARRIVAL_TIME], &landing, &err) ==
	    SUMMIT_OK)
		pickup_trip_options(tui, &p, rec.values[ARRIVAL_AIRPORT], landing);
	char title[200];
	snprintf(title, sizeof title, "Pickup for %s %s at %s",
	         rec.values[ARRIVAL_DELEGATION],
	         rec.values[ARRIVAL_FLIGHT] ? rec.values[ARRIVAL_FLIGHT] : "",
	         rec.values[ARRIVAL_TIME] + 11);
	p.empty = "No trip leaves the airport after this landing that day.";
	bool ok = picker_run(tui, &p, title, key, size);
	picker_free(&p);
	record_clear(&rec);
	return ok;
}

bool tui_pickup(struct tui *tui, long long arrival)
{
	char key[64];
	if (!choose_trip(tui, arrival, true, key, sizeof key))
		return false;
	if (key[0])
		return link_all(tui, &arrival, 1, atoll(key));
	/* The event's pickup margin, as check reads it. */
	struct model_settings settings;
	char **values = NULL;
	struct summit_err err;
	err_clear(&err);
	if (model_settings_read(tui->db, &settings, &err) ||
	    pickup_draft(tui->db, arrival, settings.pickup_margin, &values, &err)) {
		tui_message(tui, ROLE_ERROR, "%s", err.msg);
		return false;
	}
	struct form_hook hook = {link_new_trip, &arrival};
	long long trip = form_run_hooked(tui, &kind_trips, 0, values, &hook);
	for (size_t i = 0; i < kind_trips.nfields; i++)
		free(values[i]);
	free(values);
	if (trip)
		tui_message(tui, ROLE_GOOD, "Saved trip #%lld; the arrival is met by it.",
		            trip);
	return trip != 0;
}

bool tui_pickup_many(struct tui *tui, const long long *arrivals, size_t n)
{
	char key[64];
	if (!n || !choose_trip(tui, arrivals[0], false, key, sizeof key) || !key[0])
		return false;
	return link_all(tui, arrivals, n, atoll(key));
}
