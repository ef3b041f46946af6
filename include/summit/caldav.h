/* Publishing the event's calendars on a CalDAV server (RFC 4791) with
 * libcurl: one collection per subject, one resource per event named by its
 * UID. Only what changed is sent: each event carries a digest of its
 * content (X-SUMMIT-DIGEST), compared with what the server holds; events
 * that are gone are deleted, and so are the collections (named
 * delegation-, room-, vehicle-) of subjects the event no longer has. */
#ifndef SUMMIT_CALDAV_H
#define SUMMIT_CALDAV_H

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

int caldav_publish(struct summit_db *db, const struct caldav_options *opt,
                   struct caldav_report *report, struct summit_err *err);

#endif
