#!/usr/bin/python3
"""Answers an iTIP request as a delegate's calendar program would, with
python3-icalendar: reply.py REQUEST.ics PARTSTAT DTSTAMP [ATTENDEE [UID]]
writes a METHOD:REPLY on standard output (DTSTAMP as YYYYMMDDTHHMMSSZ)."""
import sys

import icalendar

request = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
event = next(iter(request.walk("VEVENT")))
attendee = event["ATTENDEE"]
reply = icalendar.Calendar()
reply.add("PRODID", "-//delegate//calendar//EN")
reply.add("VERSION", "2.0")
reply.add("METHOD", "REPLY")
answer = icalendar.Event()
answer["UID"] = sys.argv[5] if len(sys.argv) > 5 else str(event["UID"])
answer["SEQUENCE"] = event["SEQUENCE"]
answer["DTSTAMP"] = icalendar.vText(sys.argv[3])
answer["DTSTART"] = event["DTSTART"]
answer["ORGANIZER"] = event["ORGANIZER"]
who = icalendar.vCalAddress(sys.argv[4] if len(sys.argv) > 4 else str(attendee))
who.params["PARTSTAT"] = sys.argv[2]
answer["ATTENDEE"] = who
answer["COMMENT"] = "Reply from the delegation"
answer["SUMMARY"] = event["SUMMARY"]
reply.add_component(answer)
sys.stdout.buffer.write(reply.to_ical())
