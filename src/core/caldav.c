#include "summit/caldav.h"

#include <curl/curl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "summit/ics.h"
#include "summit/record.h"

struct http {
	CURL *curl;
	struct strbuf body; /* the last response */
	long status;
	char curl_error[CURL_ERROR_SIZE];
	struct strbuf published; /* "\nSEGMENT\n" for each collection published */
};

static size_t collect(char *data, size_t size, size_t n, void *ctx)
{
	strbuf_addn(&((struct http *)ctx)->body, data, size * n);
	return size * n;
}

/* One request; fills h->status and h->body. */
static int request(struct http *h, const char *method, const char *url,
                   const char *content_type, const char *depth, const char *body,
                   struct summit_err *err)
{
	strbuf_free(&h->body);
	h->body = (struct strbuf){0};
	struct curl_slist *headers = NULL;
	char line[128];
	if (content_type) {
		snprintf(line, sizeof line, "Content-Type: %s", content_type);
		headers = curl_slist_append(headers, line);
	}
	if (depth) {
		snprintf(line, sizeof line, "Depth: %s", depth);
		headers = curl_slist_append(headers, line);
	}
	curl_easy_setopt(h->curl, CURLOPT_URL, url);
	curl_easy_setopt(h->curl, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(h->curl, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(h->curl, CURLOPT_NOBODY, 0L);
	if (body) {
		curl_easy_setopt(h->curl, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(h->curl, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
	} else {
		curl_easy_setopt(h->curl, CURLOPT_POSTFIELDS, NULL);
		curl_easy_setopt(h->curl, CURLOPT_POSTFIELDSIZE, 0L);
		curl_easy_setopt(h->curl, CURLOPT_HTTPGET, 1L);
		curl_easy_setopt(h->curl, CURLOPT_CUSTOMREQUEST, method);
	}
	CURLcode rc = curl_easy_perform(h->curl);
	curl_slist_free_all(headers);
	if (rc != CURLE_OK)
		return err_set(err, SUMMIT_FAILED, "%s %s: %s", method, url,
		               h->curl_error[0] ? h->curl_error : curl_easy_strerror(rc));
	curl_easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE, &h->status);
	return SUMMIT_OK;
}

static int refused(struct http *h, const char *method, const char *url,
                   const char *expected, struct summit_err *err)
{
	if (h->status == 401 || h->status == 403)
		return err_set(err, SUMMIT_FAILED,
		               "%s %s: the server refused access (HTTP %ld), expected "
		               "credentials in a netrc file or SUMMIT_CALDAV_USER and "
		               "SUMMIT_CALDAV_PASSWORD",
		               method, url, h->status);
	return err_set(err, SUMMIT_FAILED, "%s %s: got HTTP %ld, expected %s", method,
	               url, h->status, expected);
}

/* --- what the server holds ------------------------------------------- */

struct held {
	char *name;   /* the resource's last path segment, unescaped */
	char *digest; /* its X-SUMMIT-DIGEST, or "" */
	bool keep;
};

struct collection {
	struct http *h;
	const char *url;
	struct held *items;
	size_t n, cap;
	struct caldav_report *report;
	struct summit_err *err;
};

/* The text of the first element named `local` (any namespace prefix)
 * within [p, end), or NULL. */
static const char *element(const char *p, const char *end, const char *local,
                           const char **text_end)
{
	size_t n = strlen(local);
	for (const char *q = p; q && q < end; q = strchr(q + 1, '<')) {
		q = strchr(q, '<');
		if (!q || q >= end)
			break;
		if (q[1] == '/')
			continue;
		const char *name = q + 1, *gt = strchr(q, '>');
		if (!gt || gt >= end)
			break;
		const char *colon = memchr(name, ':', (size_t)(gt - name));
		const char *space = strpbrk(name, " \t\r\n/>");
		if (colon && space && colon < space)
			name = colon + 1;
		if (strncmp(name, local, n) == 0 && strchr(" \t\r\n/>", name[n])) {
			if (gt[-1] == '/') { /* empty element */
				*text_end = gt + 1;
				return gt + 1;
			}
			const char *close = gt + 1;
			for (;;) {
				close = strstr(close, "</");
				if (!close || close >= end)
					return NULL;
				const char *cn = close + 2, *cgt = strchr(cn, '>');
				const char *ccolon =
				    cgt ? memchr(cn, ':', (size_t)(cgt - cn)) : NULL;
				if (ccolon)
					cn = ccolon + 1;
				if (cgt && (size_t)(cgt - cn) == n &&
				    strncmp(cn, local, n) == 0)
					break;
				close += 2;
			}
			*text_end = close;
			return gt + 1;
		}
	}
	return NULL;
}

static void held_add(struct collection *c, const char *href, size_t hlen,
                     const char *digest, size_t dlen)
{
	while (hlen && href[hlen - 1] == '/')
		return; /* the collection itself */
	const char *slash = href;
	for (size_t i = 0; i < hlen; i++)
		if (href[i] == '/')
			slash = href + i + 1;
	char *raw = xstrndup(slash, hlen - (size_t)(slash - href));
	int len = 0;
	char *name = curl_easy_unescape(c->h->curl, raw, 0, &len);
	free(raw);
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->items = xrealloc(c->items, c->cap * sizeof *c->items);
	}
	c->items[c->n++] = (struct held){.name = xstrdup(name ? name : ""),
	                                 .digest = xstrndup(digest, dlen)};
	curl_free(name);
}

/* Reads each resource's href and digest from a calendar-query REPORT. */
static int read_held(struct collection *c)
{
	static const char query[] =
	    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<C:calendar-query xmlns:D=\"DAV:\" "
	    "xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
	    "<D:prop><C:calendar-data/></D:prop>"
	    "<C:filter><C:comp-filter name=\"VCALENDAR\"/></C:filter>"
	    "</C:calendar-query>";
	int status = request(c->h, "REPORT", c->url, "application/xml; charset=utf-8",
	                     "1", query, c->err);
	if (status)
		return status;
	if (c->h->status != 207)
		return refused(c->h, "REPORT", c->url, "207", c->err);
	const char *body = c->h->body.buf ? c->h->body.buf : "";
	const char *end = body + c->h->body.len, *stop;
	for (const char *r = element(body, end, "response", &stop); r;
	     r = element(stop, end, "response", &stop)) {
		const char *hend, *href = element(r, stop, "href", &hend);
		if (!href)
			continue;
		const char *digest = "", *d = NULL;
		size_t dlen = 0;
		for (const char *p = r; p && p < stop; p++) {
			p = strstr(p, "X-SUMMIT-DIGEST:");
			if (!p || p >= stop)
				break;
			d = p + 16;
			break;
		}
		if (d) {
			digest = d;
			while (d[dlen] && ((d[dlen] >= '0' && d[dlen] <= '9') ||
			                   (d[dlen] >= 'a' && d[dlen] <= 'f')))
				dlen++;
		}
		held_add(c, href, (size_t)(hend - href), digest, dlen);
	}
	return SUMMIT_OK;
}

/* --- publishing ------------------------------------------------------ */

static uint64_t fnv1a(const char *s, size_t n, uint64_t h)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

/* A digest of the event's text without its DTSTAMP, which changes on
 * every export. */
static void digest_of(const char *text, char out[17])
{
	uint64_t h = 14695981039346656037u;
	for (const char *p = text; *p;) {
		const char *eol = strstr(p, "\r\n");
		size_t len = eol ? (size_t)(eol - p) + 2 : strlen(p);
		if (strncmp(p, "DTSTAMP", 7) != 0)
			h = fnv1a(p, len, h);
		p += len;
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static int put_resource(const char *uid, const char *text, void *data)
{
	struct collection *c = data;
	char digest[17];
	digest_of(text, digest);
	for (size_t i = 0; i < c->n; i++) {
		struct held *held = &c->items[i];
		if (held->keep || strlen(held->name) != strlen(uid) + 4 ||
		    strncmp(held->name, uid, strlen(uid)) != 0)
			continue;
		held->keep = true;
		if (strcmp(held->digest, digest) == 0) {
			c->report->unchanged++;
			return 0;
		}
		break;
	}
	/* The digest goes just before the component's END line. */
	const char *endline = strstr(text, "END:VEVENT\r\n");
	if (!endline)
		endline = strstr(text, "END:VTODO\r\n");
	if (!endline)
		return err_set(c->err, SUMMIT_FAILED, "event %s has no END line", uid);
	char *body = xasprintf("%.*sX-SUMMIT-DIGEST:%s\r\n%s", (int)(endline - text),
	                       text, digest, endline);
	char *name = xasprintf("%s.ics", uid);
	char *escaped = curl_easy_escape(c->h->curl, name, 0);
	char *url = xasprintf("%s%s", c->url, escaped);
	curl_free(escaped);
	free(name);
	int status =
	    request(c->h, "PUT", url, "text/calendar; charset=utf-8", NULL, body, c->err);
	if (!status && c->h->status != 201 && c->h->status != 204 && c->h->status != 200)
		status = refused(c->h, "PUT", url, "201 or 204", c->err);
	free(url);
	free(body);
	if (!status)
		c->report->put++;
	return status;
}

static int ensure_collection(struct http *h, const char *url, const char *display,
                             struct caldav_report *report, struct summit_err *err)
{
	int status = request(h, "PROPFIND", url, "application/xml; charset=utf-8", "0",
	                     "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
	                     "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:resourcetype/>"
	                     "</D:prop></D:propfind>",
	                     err);
	if (status)
		return status;
	if (h->status == 207)
		return SUMMIT_OK;
	if (h->status != 404)
		return refused(h, "PROPFIND", url, "207 or 404", err);
	/* The display name is XML text: escape what XML reserves. */
	struct strbuf name = {0};
	for (const char *p = display; *p; p++)
		if (*p == '&')
			strbuf_add(&name, "&amp;");
		else if (*p == '<')
			strbuf_add(&name, "&lt;");
		else if (*p == '>')
			strbuf_add(&name, "&gt;");
		else
			strbuf_addn(&name, p, 1);
	char *body = xasprintf(
	    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<C:mkcalendar xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
	    "<D:set><D:prop><D:displayname>%s</D:displayname>"
	    "<C:supported-calendar-component-set><C:comp name=\"VEVENT\"/>"
	    "<C:comp name=\"VTODO\"/></C:supported-calendar-component-set>"
	    "</D:prop></D:set></C:mkcalendar>",
	    name.buf ? name.buf : "");
	strbuf_free(&name);
	status = request(h, "MKCALENDAR", url, "application/xml; charset=utf-8", NULL,
	                 body, err);
	free(body);
	if (!status && h->status != 201)
		status = refused(h, "MKCALENDAR", url, "201", err);
	if (!status)
		report->created++;
	return status;
}

static int publish_one(struct http *h, struct summit_db *db, const char *base,
                       const char *prefix, enum ics_scope scope, const char *key,
                       struct caldav_report *report, struct summit_err *err)
{
	char *stem = ics_file_stem(key ? key : prefix);
	char *segment = key ? xasprintf("%s-%s", prefix, stem) : xstrdup(prefix);
	free(stem);
	strbuf_addf(&h->published, "\n%s\n", segment);
	char *escaped = curl_easy_escape(h->curl, segment, 0);
	free(segment);
	char *url = xasprintf("%s%s/", base, escaped);
	curl_free(escaped);
	char *display = ics_calendar_name(db, scope, key);
	struct collection c = {.h = h, .url = url, .report = report, .err = err};
	int status = ensure_collection(h, url, display, report, err);
	free(display);
	if (!status)
		status = read_held(&c);
	if (!status)
		status = ics_each_resource(db, scope, key, put_resource, &c, err);
	/* What the server holds and the event no longer has goes. */
	for (size_t i = 0; i < c.n && !status; i++) {
		if (c.items[i].keep)
			continue;
		char *name = curl_easy_escape(h->curl, c.items[i].name, 0);
		char *item = xasprintf("%s%s", url, name);
		curl_free(name);
		status = request(h, "DELETE", item, NULL, NULL, NULL, err);
		if (!status && h->status != 204 && h->status != 200 && h->status != 404)
			status = refused(h, "DELETE", item, "204", err);
		free(item);
		if (!status)
			report->deleted++;
	}
	for (size_t i = 0; i < c.n; i++) {
		free(c.items[i].name);
		free(c.items[i].digest);
	}
	free(c.items);
	free(url);
	if (!status)
		report->calendars++;
	return status;
}

/* Collections of subjects the event no longer has (a vehicle removed, a
 * room renamed) go too: only those named as summit names them. */
static int remove_stale(struct http *h, const char *base, const char *only,
                        struct caldav_report *report, struct summit_err *err)
{
	int status =
	    request(h, "PROPFIND", base, "application/xml; charset=utf-8", "1",
	            "<?xml version=\"1.0\" encoding=\"utf-8\"?><D:propfind "
	            "xmlns:D=\"DAV:\"><D:prop><D:resourcetype/></D:prop></D:propfind>",
	            err);
	if (status)
		return status;
	if (h->status != 207)
		return refused(h, "PROPFIND", base, "207", err);
	static const struct {
		const char *what, *prefix;
	} prefixes[] = {
	    {"delegations", "delegation-"}, {"rooms", "room-"}, {"vehicles", "vehicle-"}};
	char *body = strbuf_take(&h->body);
	const char *end = body + strlen(body), *stop;
	for (const char *r = element(body, end, "response", &stop); r && !status;
	     r = element(stop, end, "response", &stop)) {
		const char *hend, *href = element(r, stop, "href", &hend);
		if (!href || hend - href < 2 || hend[-1] != '/')
			continue;
		const char *seg = hend - 2;
		while (seg > href && seg[-1] != '/')
			seg--;
		char *raw = xstrndup(seg, (size_t)(hend - 1 - seg));
		int len = 0;
		char *name = curl_easy_unescape(h->curl, raw, 0, &len);
		free(raw);
		bool ours = false;
		for (size_t i = 0; i < 3 && name; i++)
			ours |= (!only || strcmp(only, prefixes[i].what) == 0) &&
			        strncmp(name, prefixes[i].prefix,
			                strlen(prefixes[i].prefix)) == 0;
		char *needle = name ? xasprintf("\n%s\n", name) : NULL;
		if (ours && !strstr(h->published.buf ? h->published.buf : "", needle)) {
			char *escaped = curl_easy_escape(h->curl, name, 0);
			char *url = xasprintf("%s%s/", base, escaped);
			curl_free(escaped);
			status = request(h, "DELETE", url, NULL, NULL, NULL, err);
			if (!status && h->status != 204 && h->status != 200 &&
			    h->status != 404)
				status = refused(h, "DELETE", url, "204", err);
			if (!status)
				report->removed++;
			free(url);
		}
		free(needle);
		curl_free(name);
	}
	free(body);
	return status;
}

struct each_subject {
	struct http *h;
	struct summit_db *db;
	const char *base, *prefix;
	enum ics_scope scope;
	struct caldav_report *report;
	struct summit_err *err;
	int status;
};

static int publish_subject(const struct record *rec, void *data)
{
	struct each_subject *s = data;
	s->status = publish_one(s->h, s->db, s->base, s->prefix, s->scope,
	                        rec->values[rec->kind->key], s->report, s->err);
	return s->status ? 1 : 0;
}

/* Whether url is plain http to another machine, where a password would
 * cross the network in the clear; host gets its host name. */
static bool cleartext_remote(const char *url, char *host, size_t size)
{
	bool remote = false;
	CURLU *u = curl_url();
	char *scheme = NULL, *name = NULL;
	if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &name, 0) == CURLUE_OK) {
		snprintf(host, size, "%s", name);
		remote = strcmp(scheme, "http") == 0 && strcmp(name, "localhost") != 0 &&
		         strncmp(name, "127.", 4) != 0 && strcmp(name, "[::1]") != 0;
	}
	curl_free(scheme);
	curl_free(name);
	curl_url_cleanup(u);
	return remote;
}

int caldav_publish(struct summit_db *db, const struct caldav_options *opt,
                   struct caldav_report *report, struct summit_err *err)
{
	*report = (struct caldav_report){0};
	int status = ics_check_subject(db, ICS_PROGRAMME, NULL, err);
	if (status)
		return status;
	if (strncmp(opt->url, "http://", 7) != 0 && strncmp(opt->url, "https://", 8) != 0)
		return err_field(err, "url",
		                 "got \"%s\", expected an http:// or https:// URL",
		                 opt->url);
	char host[256] = "";
	bool cleartext = cleartext_remote(opt->url, host, sizeof host);
	if (cleartext && opt->user)
		return err_field(err, "url",
		                 "refusing to send the password over plain http to %s, "
		                 "expected an https:// URL (http only to this machine)",
		                 host);
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return err_set(err, SUMMIT_FAILED, "libcurl could not start");
	struct http h = {.curl = curl_easy_init()};
	if (!h.curl) {
		curl_global_cleanup();
		return err_set(err, SUMMIT_FAILED, "libcurl could not start");
	}
	curl_easy_setopt(h.curl, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(h.curl, CURLOPT_WRITEDATA, &h);
	curl_easy_setopt(h.curl, CURLOPT_ERRORBUFFER, h.curl_error);
	curl_easy_setopt(h.curl, CURLOPT_USERAGENT, "summit");
	curl_easy_setopt(h.curl, CURLOPT_HTTPAUTH,
	                 (long)(CURLAUTH_BASIC | CURLAUTH_DIGEST));
	curl_easy_setopt(h.curl, CURLOPT_NOSIGNAL, 1L);
	if (opt->user) {
		curl_easy_setopt(h.curl, CURLOPT_USERNAME, opt->user);
		curl_easy_setopt(h.curl, CURLOPT_PASSWORD,
		                 opt->password ? opt->password : "");
	} else if (!cleartext) {
		/* A netrc password goes to https servers or this machine only. */
		curl_easy_setopt(h.curl, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
		if (opt->netrc)
			curl_easy_setopt(h.curl, CURLOPT_NETRC_FILE, opt->netrc);
	}
	size_t n = strlen(opt->url);
	char *base =
	    opt->url[n - 1] == '/' ? xstrdup(opt->url) : xasprintf("%s/", opt->url);
	/* The base collection is made when missing (a new account on Radicale). */
	status =
	    request(&h, "PROPFIND", base, "application/xml; charset=utf-8", "0",
	            "<?xml version=\"1.0\" encoding=\"utf-8\"?><D:propfind "
	            "xmlns:D=\"DAV:\"><D:prop><D:resourcetype/></D:prop></D:propfind>",
	            err);
	if (!status && h.status == 404) {
		status = request(&h, "MKCOL", base, NULL, NULL, NULL, err);
		if (!status && h.status != 201)
			status = refused(&h, "MKCOL", base, "201", err);
	} else if (!status && h.status != 207) {
		status = refused(&h, "PROPFIND", base, "207", err);
	}
	static const struct {
		const char *what, *prefix, *kind;
		enum ics_scope scope;
	} calendars[] = {
	    {"programme", "programme", NULL, ICS_PROGRAMME},
	    {"delegations", "delegation", "delegations", ICS_DELEGATION},
	    {"rooms", "room", "rooms", ICS_ROOM},
	    {"vehicles", "vehicle", "vehicles", ICS_VEHICLE},
	};
	for (size_t i = 0; i < sizeof calendars / sizeof calendars[0] && !status; i++) {
		if (opt->only && strcmp(opt->only, calendars[i].what) != 0)
			continue;
		if (!calendars[i].kind) {
			status = publish_one(&h, db, base, calendars[i].prefix,
			                     calendars[i].scope, NULL, report, err);
			continue;
		}
		struct each_subject s = {.h = &h,
		                         .db = db,
		                         .base = base,
		                         .prefix = calendars[i].prefix,
		                         .scope = calendars[i].scope,
		                         .report = report,
		                         .err = err};
		status = record_each(db, kind_find(calendars[i].kind), NULL, 0,
		                     publish_subject, &s, err);
		if (s.status)
			status = s.status;
	}
	if (!status && (!opt->only || strcmp(opt->only, "programme") != 0))
		status = remove_stale(&h, base, opt->only, report, err);
	free(base);
	strbuf_free(&h.body);
	strbuf_free(&h.published);
	curl_easy_cleanup(h.curl);
	curl_global_cleanup();
	return status;
}
