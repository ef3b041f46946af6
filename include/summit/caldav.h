/* Publishing the event's calendars on a CalDAV server (RFC 4791) with
 * libcurl: one collection per subject, one resource per event named by its
 * UID. Only what changed is sent: each event carries a digest of its
 * content (X-SUMMIT-DIGEST), compared with what the server holds; events
 * that are gone are deleted, and so are the collections (named
 * delegation-, room-, vehicle-) of subjects the event no longer has. */
#ifndef SUMMIT_CALDAV_H
#define SUMMIT_CALDAV_H

#include <stddef.h>

struct summit_db;
struct summit_err;

struct caldav_options {
	const char *url;   /* the base collection, e.g. http://host/user/ */
	const char *netrc; /* a netrc-style file, or NULL for ~/.netrc */
	/* From the environment (SUMMIT_CALDAV_USER, SUMMIT_CALDAV_PASSWORD),
	 * never the command line; NULL to use the netrc file. */
	const char *user, *password;
	/* Which calendars: "delegations", "rooms", "vehicles", "programme";
	 * NULL for all of them. */
	const char *only;
};

struct caldav_report {
	long long calendars; /* collections published */
	long long created;   /* collections made */
	long long put;       /* events sent, new or changed */
	long long unchanged; /* events the server held already */
	long long deleted;   /* events removed because they are gone */
	long long removed;   /* calendars of subjects the event no longer has */
};

/* Calls fn for each response of a WebDAV multistatus answer (RFC 4918):
 * its href, its status (the response's own, else its first propstat's; 0
 * when it gives none) and its calendar data ("" when none). A non-zero
 * return from fn stops and is returned; -1 when xml is not XML. */
typedef int (*caldav_response_fn)(const char *href, long status, const char *data,
                                  void *ctx);
int caldav_each_response(const char *xml, size_t len, caldav_response_fn fn, void *ctx);

int caldav_publish(struct summit_db *db, const struct caldav_options *opt,
                   struct caldav_report *report, struct summit_err *err);

#endif
