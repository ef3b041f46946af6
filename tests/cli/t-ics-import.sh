#!/bin/sh
# Sessions from an .ics file drafted in another calendar program: each
# VEVENT a session in the room its LOCATION names, times in whatever zone
# the file gives; bad files refused with file and line, changing nothing.
. "$TESTLIB"
here=$(dirname "$TESTLIB")/..
. "$here/ics/paris.sh"

# ics LINE...: a file with CRLF line ends, as calendar programs write them.
ics() { printf '%s\r\n' "$@"; }
head='BEGIN:VCALENDAR VERSION:2.0 PRODID:-//other//calendar//EN'

ics $head BEGIN:VEVENT UID:a@other DTSTAMP:20070901T000000Z \
	"DTSTART;TZID=Europe/Paris:20071028T140000" "DTEND;TZID=Europe/Paris:20071028T153000" \
	"SUMMARY:Atelier : sécurité régionale" "LOCATION:Salle Côte d'Ivoire" \
	CATEGORIES:working-group "DESCRIPTION:Salle de 40 places" END:VEVENT \
	BEGIN:VEVENT UID:b@other DTSTAMP:20070901T000000Z \
	DTSTART:20071027T130000Z DURATION:PT1H "SUMMARY:Réunion du bureau" \
	"LOCATION:Salle Kléber, Centre de conférences Kléber" CATEGORIES:Work END:VEVENT \
	BEGIN:VEVENT UID:c@other DTSTAMP:20070901T000000Z \
	DTSTART:20071030T090000 DTEND:20071030T100000 "SUMMARY:Petit-déjeuner de presse" \
	"LOCATION:Salle Kléber" STATUS:CANCELLED CATEGORIES:side-event END:VEVENT \
	END:VCALENDAR >"$tmp/draft.ics"

run summit import sessions "$tmp/draft.ics"
expect_rc 0 "a drafted programme is imported"
expect_out "imported 3 sessions from $tmp/draft.ics" "every event became a session"
run summit list sessions --format tsv
expect_out "Atelier : sécurité régionale	working-group	Salle Côte d'Ivoire	2007-10-28 14:00	2007-10-28 15:30	all		scheduled	Salle de 40 places" \
	"a time with TZID keeps its local time, the kind comes from CATEGORIES"
expect_out "Réunion du bureau	plenary	Salle Kléber	2007-10-27 15:00	2007-10-27 16:00" \
	"a UTC time is shown in Paris summer time; DURATION gives the end; no kind: plenary"
expect_out "Petit-déjeuner de presse	side-event	Salle Kléber	2007-10-30 09:00	2007-10-30 10:00	all		cancelled" \
	"a floating time is the event's clock, STATUS:CANCELLED is kept"

# Refusals, each naming file and line, each leaving the event as it was.
before=$(snapshot)
ics $head BEGIN:VEVENT UID:d@other DTSTAMP:20070901T000000Z \
	DTSTART:20071029T140000 DTEND:20071029T150000 SUMMARY:Ailleurs \
	"LOCATION:Salle des Fêtes" END:VEVENT END:VCALENDAR >"$tmp/room.ics"
run summit import sessions "$tmp/room.ics"
expect_rc 1 "an unknown room is refused"
expect_err "room.ics:10: LOCATION: got \"Salle des Fêtes\", an unknown room, expected one of: Salle Côte d'Ivoire, Salle Kléber" \
	"with the file, the line and the rooms there are"

ics $head BEGIN:VEVENT UID:e@other DTSTAMP:20070901T000000Z \
	DTSTART:20071029T140000 DTEND:20071029T150000 SUMMARY:Bon \
	"LOCATION:Salle Kléber" END:VEVENT \
	BEGIN:VEVENT UID:f@other DTSTAMP:20070901T000000Z \
	DTSTART:20071105T100000 DTEND:20071105T110000 "SUMMARY:Trop tard" \
	"LOCATION:Salle Kléber" END:VEVENT END:VCALENDAR >"$tmp/late.ics"
run summit import sessions "$tmp/late.ics"
expect_rc 1 "a session after the event's last day is refused"
expect_err "late.ics:16: DTEND: got 2007-11-05 11:00, after the event's last day 2007-10-30" \
	"at the line of its time"
expect_same "$before" "$(snapshot)" "and the good event before it is not added"

ics $head BEGIN:VEVENT UID:h@other DTSTAMP:20070901T000000Z \
	"DTSTART;VALUE=DATE:20071029" "DTEND;VALUE=DATE:20071030" SUMMARY:Journée \
	"LOCATION:Salle Kléber" END:VEVENT END:VCALENDAR >"$tmp/allday.ics"
run summit import sessions "$tmp/allday.ics"
expect_rc 1 "a whole-day event is refused"
expect_err "allday.ics:7: DTSTART: got a whole day, expected a start time" "it needs times"

ics $head BEGIN:VEVENT UID:i@other DTSTAMP:20070901T000000Z \
	DTSTART:20071029T140000 DTEND:20071029T150000 "this is no property" SUMMARY:Cassé \
	"LOCATION:Salle Kléber" END:VEVENT END:VCALENDAR >"$tmp/bad.ics"
run summit import sessions "$tmp/bad.ics"
expect_rc 1 "a malformed file is refused"
expect_err "bad.ics:9: malformed iCalendar" "naming the line"
printf 'id,title\n1,x\n' >"$tmp/notics.ics"
run summit import sessions "$tmp/notics.ics"
expect_rc 1 "a file that is not iCalendar is refused"
expect_err "notics.ics:1: not an iCalendar file" "and says so"
expect_same "$before" "$(snapshot)" "none of the refused files changed anything"

# A room booked twice is what check reports: saved, with a warning.
ics $head BEGIN:VEVENT UID:g@other DTSTAMP:20070901T000000Z \
	"DTSTART;TZID=Europe/Paris:20071027T110000" "DTEND;TZID=Europe/Paris:20071027T113000" \
	SUMMARY:Conflit "LOCATION:Salle Kléber" END:VEVENT END:VCALENDAR >"$tmp/overlap.ics"
run summit import sessions "$tmp/overlap.ics"
expect_rc 0 "a session while the room is taken is saved"
expect_out "imported 1 session from $tmp/overlap.ics" "and said so"
expect_err "warning: Salle Kléber is booked for \"Ouverture\" and \"Conflit\" at once on 2007-10-27 from 11:00 to 11:30" \
	"with the new problem named right after it"

# What summit exports, another event can import.
summit export ics -o "$tmp/prog.ics"
db2="$tmp/other.db"
"$SUMMIT" --db "$db2" init "name=Copie" country=France city=Paris first_day=2007-10-26 \
	last_day=2007-10-30 timezone=Europe/Paris >/dev/null
"$SUMMIT" --db "$db2" add venues "name=Centre de conférences Kléber" >/dev/null
"$SUMMIT" --db "$db2" add rooms "name=Salle Kléber" "venue=Centre de conférences Kléber" capacity=9 >/dev/null
"$SUMMIT" --db "$db2" add rooms "name=Salle Côte d'Ivoire" "venue=Centre de conférences Kléber" capacity=9 >/dev/null
run "$SUMMIT" --db "$db2" import sessions "$tmp/prog.ics"
expect_rc 0 "an exported programme imports into another event"
expect_out "imported 7 sessions" "every session"
a=$(summit list sessions --format tsv | cut -f 2-6,9 | sort)
b=$("$SUMMIT" --db "$db2" list sessions --format tsv | cut -f 2-6,9 | sort)
expect_same "$a" "$b" "with the same titles, kinds, rooms, times and status"

done_testing
