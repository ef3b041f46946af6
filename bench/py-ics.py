"""The peer for `summit export ics` (the programme): what a planner would
write with python3-icalendar instead, from the same file, with the same
properties as summit's sessions, the calendar built and then written.

usage: /usr/bin/python3 bench/py-ics.py EVENT.db > programme.ics
"""
import datetime
import sqlite3
import sys
import zoneinfo

import icalendar

db = sqlite3.connect(sys.argv[1])
zone_name, domain = db.execute(
    "SELECT timezone, coalesce(uid_domain, 'event.summit') FROM event").fetchone()
zone = zoneinfo.ZoneInfo(zone_name)
stamp = datetime.datetime.now(datetime.timezone.utc)
cal = icalendar.Calendar()
cal.add("version", "2.0")
cal.add("prodid", "-//py-ics//EN")
rows = db.execute(
    "SELECT s.id, s.revision, s.title, s.kind, r.name, v.name, s.start, s.\"end\","
    " s.status, s.description, s.attendance,"
    " (SELECT group_concat(code, ' ') FROM (SELECT d.code FROM session_delegations"
    "   l JOIN delegations d ON d.id = l.ref WHERE l.owner = s.id ORDER BY d.code))"
    " FROM sessions s JOIN rooms r ON r.id = s.room JOIN venues v ON v.id = r.venue"
    " ORDER BY s.start, s.id")
for (sid, rev, title, kind, room, venue, start, end, status, desc, att,
     codes) in rows:
    ev = icalendar.Event()
    ev.add("uid", "session-%d@%s" % (sid, domain))
    ev.add("dtstamp", stamp)
    ev.add("sequence", rev - 1)
    ev.add("dtstart", datetime.datetime.fromtimestamp(start, zone))
    ev.add("dtend", datetime.datetime.fromtimestamp(end, zone))
    ev.add("summary", title)
    ev.add("location", "%s, %s" % (room, venue))
    who = {"all": "Open to all delegations.",
           "participants": "Open to participating delegations."}.get(
               att, "Delegations: %s." % codes)
    ev.add("description", (desc + "\n" if desc else "") + who)
    ev.add("categories", kind)
    ev.add("status", "CANCELLED" if status == "cancelled" else "CONFIRMED")
    cal.add_component(ev)
sys.stdout.buffer.write(cal.to_ical())
