#!/usr/bin/python3
"""Reads an iCalendar file as calendar software would (python3-icalendar)
and checks what summit promises of it: CRLF lines folded at 75 octets
without splitting a UTF-8 character, a VTIMEZONE for every TZID, every
date-time with its TZID, and UID, DTSTAMP, SEQUENCE and SUMMARY on every
item. Prints one line per item, tab-separated:
KIND UID SEQUENCE START END STATUS SUMMARY
with times in UTC as YYYY-MM-DD HH:MM (dates as YYYY-MM-DD). Exits 1 with
the reason on the first broken promise."""
import datetime
import sys

import icalendar
import pytz


def fail(msg):
    print("check.py: %s" % msg, file=sys.stderr)
    sys.exit(1)


def when(prop, zones, what):
    value = prop.dt
    if isinstance(value, datetime.datetime):
        tzid = prop.params.get("TZID")
        if not tzid:
            fail("%s %s has no TZID" % (what, prop.to_ical().decode()))
        if tzid not in zones:
            fail("%s TZID=%s has no VTIMEZONE" % (what, tzid))
        if value.tzinfo is None:
            fail("%s TZID=%s was not understood" % (what, tzid))
        return value.astimezone(pytz.utc).strftime("%Y-%m-%d %H:%M")
    return value.strftime("%Y-%m-%d")


def main():
    raw = open(sys.argv[1], "rb").read()
    if not raw.endswith(b"\r\n"):
        fail("the file does not end with CRLF")
    for n, line in enumerate(raw.split(b"\r\n")[:-1], 1):
        if b"\n" in line or b"\r" in line:
            fail("line %d does not end with CRLF" % n)
        if len(line) > 75:
            fail("line %d has %d octets, more than 75" % (n, len(line)))
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail("line %d splits a UTF-8 character" % n)
    cal = icalendar.Calendar.from_ical(raw)
    zones = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
    if "--name" in sys.argv:
        print("X-WR-CALNAME\t%s" % cal.get("X-WR-CALNAME"))
    if "--method" in sys.argv:
        print("METHOD\t%s" % cal.get("METHOD"))
    for item in cal.walk():
        if item.name not in ("VEVENT", "VTODO"):
            continue
        for required in ("UID", "DTSTAMP", "SEQUENCE", "SUMMARY"):
            if required not in item:
                fail("%s %s has no %s" % (item.name, item.get("UID"), required))
        uid = str(item["UID"])
        if item.name == "VEVENT":
            start = when(item["DTSTART"], zones, uid)
            end = when(item["DTEND"], zones, uid)
        else:
            start = ""
            end = when(item["DUE"], zones, uid)
        print("\t".join([item.name, uid, str(item["SEQUENCE"]), start, end,
                         str(item.get("STATUS", "")), str(item["SUMMARY"])]))
        if "--describe" in sys.argv:
            for prop in ("LOCATION", "DESCRIPTION", "CATEGORIES"):
                if prop in item:
                    value = item[prop]
                    if prop == "CATEGORIES":
                        value = ",".join(str(c) for c in value.cats)
                    print("%s\t%s" % (prop, str(value).replace("\n", " | ")))
        if "--attendees" in sys.argv:
            for att in ([item["ATTENDEE"]] if not isinstance(item.get("ATTENDEE"), list)
                        else item["ATTENDEE"]):
                print("ATTENDEE\t%s\t%s\t%s\t%s" % (att, att.params.get("ROLE"),
                      att.params.get("PARTSTAT"), att.params.get("RSVP")))
            print("ORGANIZER\t%s" % item.get("ORGANIZER"))


main()
