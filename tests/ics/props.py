#!/usr/bin/python3
"""Lists what a calendar program reads in an iCalendar file
(python3-icalendar): one line per component, its name and then the names
of its properties in order, so a test sees any property that should not
be there; then each X-WR-CALNAME value, as the program shows it."""
import sys

import icalendar

cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for comp in cal.walk():
    if comp.name in ("STANDARD", "DAYLIGHT", "VTIMEZONE"):
        continue
    names = []
    for name, value in comp.property_items(recursive=False):
        if name not in ("BEGIN", "END"):
            names.append(name)
    print(comp.name, " ".join(sorted(names)))
for value in cal.get("X-WR-CALNAME", []) if isinstance(cal.get("X-WR-CALNAME"), list) else [cal.get("X-WR-CALNAME")]:
    if value is not None:
        print("X-WR-CALNAME", str(value))
