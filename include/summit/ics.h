/* iCalendar (RFC 5545) built with libical: the schedules of an event per
 * scope, invitations as iTIP requests (RFC 5546), replies to them and
 * sessions read from another calendar. Times carry the event's zone as a
 * plain Olson TZID with its VTIMEZONE; UIDs are stable per record and
 * SEQUENCE follows the record's revision, so a re-export updates what a
 * calendar program imported before. */
#ifndef SUMMIT_ICS_H
#define SUMMIT_ICS_H

#include <stdbool.h>
#include <stdio.h>

struct summit_db;
struct summit_err;

enum ics_scope {
	ICS_PROGRAMME,  /* every session: the public programme */
	ICS_DELEGATION, /* its sessions, hotel nights, flights, trips (key: code) */
	ICS_ROOM,       /* the sessions in a room (key: name) */
	ICS_VEHICLE,    /* a vehicle's trips with pick-up place and riders (key: code) */
	ICS_PERSON,     /* one person's schedule (key: id) */
	ICS_TASKS,      /* planning tasks as VTODO */
};

/* Checks that key names a record of the scope (none for programme/tasks). */
int ics_check_subject(struct summit_db *db, enum ics_scope scope, const char *key,
                      struct summit_err *err);

/* Writes the whole calendar, one component at a time (memory stays flat
 * whatever the size of the event). */
int ics_export(struct summit_db *db, enum ics_scope scope, const char *key, FILE *out,
               struct summit_err *err);

/* Many calendars of one event (export --all-delegations): between these
 * two calls they are one snapshot (one read transaction) with one
 * DTSTAMP, and a session that is in many of them is written once, its text
 * reused in every file it is in. ics_batch_end frees that text. */
int ics_batch_begin(struct summit_db *db, struct summit_err *err);
void ics_batch_end(struct summit_db *db);

/* Each component of a calendar as a complete VCALENDAR of its own (with the
 * VTIMEZONE), as CalDAV stores it: fn gets the UID and the text, valid
 * during the call. A non-zero return from fn stops and is returned. */
typedef int (*ics_resource_fn)(const char *uid, const char *text, void *ctx);
int ics_each_resource(struct summit_db *db, enum ics_scope scope, const char *key,
                      ics_resource_fn fn, void *ctx, struct summit_err *err);
/* The calendar's display name (X-WR-CALNAME); the caller frees it. */
char *ics_calendar_name(struct summit_db *db, enum ics_scope scope, const char *key);

/* An iTIP METHOD:REQUEST for the delegation's invitation: ORGANIZER is
 * organizer (an address, mailto: optional), ATTENDEE the delegation's email.
 * Refuses a delegation without invitation or email. */
int ics_export_invitation(struct summit_db *db, const char *code, const char *organizer,
                          FILE *out, struct summit_err *err);

/* What one reply did. */
struct ics_reply {
	char delegation[33]; /* a code has up to 32 characters */
	char state[16];      /* accepted, declined or tentative */
	bool changed;        /* false when the invitation was in that state already */
	const char *why;     /* when not changed, why (a static string) */
};
typedef void (*ics_reply_fn)(const struct ics_reply *reply, void *ctx);

/* Reads an iTIP METHOD:REPLY from text (name is the file, for messages) and
 * moves each matching invitation, with a history row at the reply's
 * DTSTAMP. Inside a transaction; any refusal leaves it to be rolled back. */
int ics_import_reply(struct summit_db *db, const char *name, const char *text,
                     ics_reply_fn fn, void *ctx, struct summit_err *err);

/* Adds a session per VEVENT of text: LOCATION names a room, CATEGORIES may
 * give the kind (plenary when none names one), STATUS:CANCELLED cancels.
 * Refuses an unknown room, a time outside the event's days, a room already
 * taken then, or a malformed file, with "NAME:LINE: ...". Inside a
 * transaction. */
int ics_import_sessions(struct summit_db *db, const char *name, const char *text,
                        long long *count, struct summit_err *err);

/* A file name for a subject: its key with characters unsafe in a path or
 * URL replaced by '-'. The caller frees it. */
char *ics_file_stem(const char *key);

#endif
