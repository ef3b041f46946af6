#include "summit/caldav.h"

#include <curl/curl.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdbool.h>
#include <limits.h>
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
	if (h->status == 403)
		return err_set(err, SUMMIT_FAILED,
		               "%s %s: the server does not allow it (HTTP 403 "
		               "Forbidden), expected a URL where this account may "
		               "create and write calendars",
		               method, url);
	if (h->status == 401)
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

/* The last segment of href's path, unescaped ("" when none); *is_collection
 * tells whether href ends with '/'. The caller frees it. */
static char *last_segment(CURL *curl, const char *href, bool *is_collection)
{
	size_t n = strlen(href);
	*is_collection = n && href[n - 1] == '/';
	if (*is_collection)
		n--;
	size_t start = n;
	while (start && href[start - 1] != '/')
		start--;
	char *raw = xstrndup(href + start, n - start);
	int len = 0;
	char *unescaped = curl_easy_unescape(curl, raw, 0, &len);
	char *name = xstrdup(unescaped ? unescaped : "");
	curl_free(unescaped);
	free(raw);
	return name;
}

/* "HTTP/1.1 404 Not Found" gives 404; 0 when it is not a status line. */
static long status_code(const xmlChar *line)
{
	const char *s = line ? (const char *)line : "";
	s += strspn(s, " \t\r\n");
	if (strncmp(s, "HTTP/", 5) != 0)
		return 0;
	s = strchr(s, ' ');
	if (!s)
		return 0;
	char *end;
	long code = strtol(s + 1, &end, 10);
	return code >= 100 && code <= 599 && end == s + 4 ? code : 0;
}

int caldav_each_response(const char *xml, size_t len, caldav_response_fn fn, void *ctx)
{
	if (len > INT_MAX)
		return -1;
	xmlDocPtr doc =
	    xmlReadMemory(xml ? xml : "", (int)len, "answer.xml", NULL,
	                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc)
		return -1;
	xmlXPathContextPtr x = xmlXPathNewContext(doc);
	xmlXPathRegisterNs(x, BAD_CAST "D", BAD_CAST "DAV:");
	xmlXPathRegisterNs(x, BAD_CAST "C", BAD_CAST "urn:ietf:params:xml:ns:caldav");
	xmlXPathObjectPtr responses =
	    xmlXPathEvalExpression(BAD_CAST "/D:multistatus/D:response", x);
	xmlNodeSetPtr nodes = responses ? responses->nodesetval : NULL;
	int status = 0;
	for (int i = 0; nodes && i < nodes->nodeNr && !status; i++) {
		x->node = nodes->nodeTab[i];
		xmlXPathObjectPtr href =
		    xmlXPathEvalExpression(BAD_CAST "string(D:href)", x);
		xmlXPathObjectPtr data =
		    xmlXPathEvalExpression(BAD_CAST "string(.//C:calendar-data)", x);
		/* A response's own status (RFC 4918 14.24) says the resource
		 * itself is missing; without one, its first propstat's. */
		xmlXPathObjectPtr own =
		    xmlXPathEvalExpression(BAD_CAST "string(D:status)", x);
		xmlXPathObjectPtr prop =
		    xmlXPathEvalExpression(BAD_CAST "string(D:propstat/D:status)", x);
		long code = status_code(own ? own->stringval : NULL);
		if (!code)
			code = status_code(prop ? prop->stringval : NULL);
		if (href && href->stringval && *href->stringval)
			status = fn(
			    (const char *)href->stringval, code,
			    data && data->stringval ? (const char *)data->stringval : "",
			    ctx);
		xmlXPathFreeObject(href);
		xmlXPathFreeObject(data);
		xmlXPathFreeObject(own);
		xmlXPathFreeObject(prop);
	}
	xmlXPathFreeObject(responses);
	xmlXPathFreeContext(x);
	xmlFreeDoc(doc);
	return status;
}

/* Calls fn for each response of the multistatus answer h holds to method
 * on url, parsed whole first (fn may make requests with h, reusing its
 * body). */
static int each_response(struct http *h, const char *method, const char *url,
                         caldav_response_fn fn, void *ctx, struct summit_err *err)
{
	if (h->status != 207)
		return refused(h, method, url, "207", err);
	int status = caldav_each_response(h->body.buf, h->body.len, fn, ctx);
	if (status < 0)
		return err_set(err, SUMMIT_FAILED,
		               "%s %s: got an answer that is not XML, expected a "
		               "multistatus",
		               method, url);
	return status;
}

/* Keeps a resource of the collection with the digest its data carries. */
static int held_add(const char *href, long code, const char *data, void *ctx)
{
	(void)code;
	struct collection *c = ctx;
	bool is_collection;
	char *name = last_segment(c->h->curl, href, &is_collection);
	if (is_collection) { /* the collection itself */
		free(name);
		return 0;
	}
	const char *digest = strstr(data, "X-SUMMIT-DIGEST:");
	digest = digest ? digest + 16 : "";
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->items = xrealloc(c->items, c->cap * sizeof *c->items);
	}
	c->items[c->n++] = (struct held){
	    .name = name, .digest = xstrndup(digest, strspn(digest, "0123456789abcdef"))};
	return 0;
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
	return status ? status
	              : each_response(c->h, "REPORT", c->url, held_add, c, c->err);
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

static int note_missing(const char *href, long code, const char *data, void *ctx)
{
	(void)href, (void)data;
	if (code == 404)
		*(bool *)ctx = true;
	return 0;
}

/* Whether the collection at url exists: a 404, or (Xandikos) a 207 whose
 * response says 404, is missing. */
static int collection_exists(struct http *h, const char *url, bool *exists,
                             struct summit_err *err)
{
	int status = request(h, "PROPFIND", url, "application/xml; charset=utf-8", "0",
	                     "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
	                     "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:resourcetype/>"
	                     "</D:prop></D:propfind>",
	                     err);
	if (status)
		return status;
	bool missing = h->status == 404;
	if (h->status == 207)
		status = each_response(h, "PROPFIND", url, note_missing, &missing, err);
	else if (h->status != 404)
		status = refused(h, "PROPFIND", url, "207 or 404", err);
	*exists = !missing;
	return status;
}

static int ensure_collection(struct http *h, const char *url, const char *display,
                             struct caldav_report *report, struct summit_err *err)
{
	bool exists;
	int status = collection_exists(h, url, &exists, err);
	if (status || exists)
		return status;
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

struct stale {
	struct http *h;
	const char *base, *only;
	const char *published; /* "\nNAME\n" of each collection published now */
	struct caldav_report *report;
	struct summit_err *err;
};

/* Deletes a collection named as summit names them but not published now. */
static int remove_if_stale(const char *href, long code, const char *data, void *ctx)
{
	(void)data, (void)code;
	struct stale *s = ctx;
	static const struct {
		const char *what, *prefix;
	} prefixes[] = {
	    {"delegations", "delegation-"}, {"rooms", "room-"}, {"vehicles", "vehicle-"}};
	bool is_collection;
	char *name = last_segment(s->h->curl, href, &is_collection);
	bool ours = false;
	for (size_t i = 0; i < 3 && is_collection && *name; i++)
		ours |=
		    (!s->only || strcmp(s->only, prefixes[i].what) == 0) &&
		    strncmp(name, prefixes[i].prefix, strlen(prefixes[i].prefix)) == 0;
	char *needle = xasprintf("\n%s\n", name);
	int status = SUMMIT_OK;
	if (ours && !strstr(s->published, needle)) {
		char *escaped = curl_easy_escape(s->h->curl, name, 0);
		char *url = xasprintf("%s%s/", s->base, escaped);
		curl_free(escaped);
		status = request(s->h, "DELETE", url, NULL, NULL, NULL, s->err);
		if (!status && s->h->status != 204 && s->h->status != 200 &&
		    s->h->status != 404)
			status = refused(s->h, "DELETE", url, "204", s->err);
		if (!status)
			s->report->removed++;
		free(url);
	}
	free(needle);
	free(name);
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
	/* The answer is parsed before the first DELETE reuses h's body. */
	struct stale s = {h,      base, only, h->published.buf ? h->published.buf : "",
	                  report, err};
	return each_response(h, "PROPFIND", base, remove_if_stale, &s, err);
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
	bool exists;
	status = collection_exists(&h, base, &exists, err);
	if (!status && !exists) {
		status = request(&h, "MKCOL", base, NULL, NULL, NULL, err);
		if (!status && h.status != 201)
			status = refused(&h, "MKCOL", base, "201", err);
	}
	static const struct {
		const char *what, *prefix;
		const struct kind *kind;
		enum ics_scope scope;
	} calendars[] = {
	    {"programme", "programme", NULL, ICS_PROGRAMME},
	    {"delegations", "delegation", &kind_delegations, ICS_DELEGATION},
	    {"rooms", "room", &kind_rooms, ICS_ROOM},
	    {"vehicles", "vehicle", &kind_vehicles, ICS_VEHICLE},
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
		status =
		    record_each(db, calendars[i].kind, NULL, 0, publish_subject, &s, err);
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
