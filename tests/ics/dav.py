#!/usr/bin/python3
"""Reads a CalDAV collection back as a subscriber's program would:
dav.py URL lists its resources (PROPFIND, Depth 1), GETs each one, parses
it with python3-icalendar and prints, sorted, one line per event:
RESOURCE UID SEQUENCE START END SUMMARY with times in UTC."""
import re
import sys
import urllib.parse
import urllib.request

import icalendar
import pytz

url = sys.argv[1]
req = urllib.request.Request(url, method="PROPFIND",
                             headers={"Depth": "1",
                                      "Content-Type": "application/xml; charset=utf-8"},
                             data=b'<?xml version="1.0"?><propfind xmlns="DAV:">'
                                  b'<prop><getetag/></prop></propfind>')
body = urllib.request.urlopen(req, timeout=20).read().decode()
path = urllib.parse.urlparse(url).path
lines = []
for href in re.findall(r"<[^>]*href>([^<]*)</[^>]*href>", body):
    # Xandikos writes each href as an escaped absolute URL.
    if href.startswith("http%3A") or href.startswith("https%3A"):
        href = urllib.parse.urlparse(urllib.parse.unquote(href)).path
    if href.rstrip("/") == path.rstrip("/"):
        continue
    full = urllib.parse.urljoin(url, href)
    data = urllib.request.urlopen(full, timeout=20).read()
    cal = icalendar.Calendar.from_ical(data)
    for ev in cal.walk("VEVENT"):
        def utc(prop):
            v = ev[prop].dt
            if hasattr(v, "astimezone"):
                return v.astimezone(pytz.utc).strftime("%Y-%m-%d %H:%M")
            return v.strftime("%Y-%m-%d")
        lines.append("\t".join([urllib.parse.unquote(href.rsplit("/", 1)[1]),
                                str(ev["UID"]), str(ev["SEQUENCE"]), utc("DTSTART"),
                                utc("DTEND"), str(ev["SUMMARY"])]))
print("\n".join(sorted(lines)))
