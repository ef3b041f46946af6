/* Shared by ics.c and ics_itip.c, and the event's hooks in kind.c. */
#ifndef SUMMIT_ICS_INTERNAL_H
#define SUMMIT_ICS_INTERNAL_H

#include <libical/ical.h>

struct summit_db;

/* The part after '@' in every UID of the event; the caller frees it. */
char *ics_uid_domain(struct summit_db *db);
/* A VCALENDAR with VERSION, PRODID, the optional METHOD, and the event
 * zone's VTIMEZONE under its plain Olson name (ics_export writes the
 * X-WR-CALNAME `name` into the text itself, escaped as TEXT). */
icalcomponent *ics_new_calendar(struct summit_db *db, const char *name,
                                const char *method);
struct icaltimetype ics_local_time(struct summit_db *db, long long utc);
/* Adds the property make(text) to c, then frees text. */
void ics_add_owned(icalcomponent *c, icalproperty *(*make)(const char *), char *text);
/* A date-time property in the event's zone, with its TZID. */
void ics_add_time(struct summit_db *db, icalcomponent *c, icalproperty_kind kind,
                  long long utc);
void ics_add_stamp(struct summit_db *db, icalcomponent *c);
/* Drops from serialized text, in place, the control characters no
 * calendar line may carry (all but CR, LF and tab; DEL; C1) and the
 * bidirectional overrides and isolates. */
void ics_strip_controls(char *text);

/* Keeps the event's calendar UID domain: the event's hook (kind.c) runs it
 * when the event is written and before a rename, so UIDs outlive the name
 * they came from. */
struct summit_err;
int ics_keep_uid_domain(struct summit_db *db, struct summit_err *err);

#endif
