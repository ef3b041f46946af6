#!/bin/sh
# iCalendar exports read by real calendar software: python3-icalendar
# checks every file and its times against the database, calcurse and khal
# import a delegation's file and list the day at the right local times, in
# Africa/Bamako and in Europe/Paris across the end of summer time.
. "$TESTLIB"
here=$(dirname "$TESTLIB")/..
check_py() { /usr/bin/python3 "$here/ics/check.py" "$@"; }

# The UTC times the database holds for the sessions, as check.py prints them.
db_sessions() {
	sqlite3 -separator "$(printf '\t')" "$db" "SELECT 'session-' || id,
	  strftime('%Y-%m-%d %H:%M', start, 'unixepoch'),
	  strftime('%Y-%m-%d %H:%M', \"end\", 'unixepoch') FROM sessions ${1-} ORDER BY id"
}
ics_sessions() {
	grep '^VEVENT	session-' | awk -F '\t' '{ sub(/@.*/, "", $2); print $2 "\t" $4 "\t" $5 }' | sort -t - -k 2n
}

# khal with its own configuration, local time in zone $1.
khal_setup() {
	rm -rf "$tmp/khal" && mkdir -p "$tmp/khal/cal"
	cat >"$tmp/khal/conf" <<EOC
[calendars]
[[c]]
path = $tmp/khal/cal
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = $1
default_timezone = $1
[sqlite]
path = $tmp/khal/db
EOC
}
khal_run() { khal -c "$tmp/khal/conf" "$@"; }
khal_day() { khal_run list --format '{start-time}-{end-time} {title}' "$1" 1d; }
calcurse_day() {
	TZ=$2 calcurse -D "${3:-$tmp/calcurse}" --input-datefmt 4 -Q --from "$1" --days 1 \
		--format-apt '%S-%E %m\n'
}

# --- Europe/Paris, across the last Sunday of October -------------------
. "$here/ics/paris.sh"

run summit export ics -o "$tmp/prog.ics"
expect_rc 0 "the whole programme is exported"
run check_py "$tmp/prog.ics" --name
expect_rc 0 "python3-icalendar reads it: CRLF, 75-octet lines, TZIDs, UID, DTSTAMP, SEQUENCE"
expect_out "X-WR-CALNAME	Réunion de Paris: programme" "the calendar has a name"
check "the programme's times are the database's, in UTC" \
	test "$(printf '%s\n' "$out" | ics_sessions)" = "$(db_sessions)"
expect_out "session-1@reunion-de-paris.summit	0	2007-10-27 08:00	2007-10-27 10:00" \
	"10:00 on Saturday 27 October is 08:00 UTC (summer time)"
expect_out "session-2@reunion-de-paris.summit	0	2007-10-29 09:00	2007-10-29 10:30" \
	"10:00 on Monday 29 October is 09:00 UTC (winter time)"
check "the VTIMEZONE is the plain Olson name" grep -q '^TZID:Europe/Paris' "$tmp/prog.ics"
check "the zone's summer time is in it" grep -q '^TZOFFSETTO:+0200' "$tmp/prog.ics"
check "no TZID with libical's prefix" test "$(grep -c freeassociation "$tmp/prog.ics")" -eq 0

run summit export ics --delegation CIV -o "$tmp/civ.ics"
expect_rc 0 "Côte d'Ivoire's calendar is exported"
run check_py "$tmp/civ.ics"
expect_rc 0 "and valid"
expect_out "session-2@" "it holds the bilateral it is listed for"
check "not the session for participants only (it is an observer)" test "$(grep -c 'session-3@' "$tmp/civ.ics")" -eq 0
expect_out "Hotel: Hôtel Lutetia (3 rooms)" "its hotel night"
expect_out "Arrival: AF 703" "its flight"
expect_out "Pickup: VAN-1, Aéroport Charles-de-Gaulle to Hôtel Lutetia" "its airport pickup"
check "nothing of France's flight, hotel or riders" \
	test "$(grep -c -e 'AF 007' -e 'Duvivier' -e '1 room)' -e 'French head' "$tmp/civ.ics")" -eq 0
run check_py "$tmp/civ.ics" --describe
expect_out "Riders: Aya Kouassi (CIV), Koffi N'Guessan (CIV)." "its own riders are named, no one else"
expect_out "CATEGORIES	bilateral" "the session kind is a category"

# calcurse reads the file in the machine's zone: Paris.
mkdir -p "$tmp/calcurse"
run env TZ=Europe/Paris calcurse -D "$tmp/calcurse" -i "$tmp/civ.ics"
expect_rc 0 "calcurse imports it without skipping anything"
run calcurse_day 2007-10-27 Europe/Paris
expect_out "10:00-12:00 Ouverture" "calcurse shows the opening at 10:00 on 27 October"
run calcurse_day 2007-10-29 Europe/Paris
expect_out "10:00-11:30 Bilatérale France - Côte d'Ivoire" \
	"and the bilateral at 10:00 on 29 October, after the clocks went back"

khal_setup Europe/Paris
run khal_run import --batch -a c "$tmp/civ.ics"
expect_rc 0 "khal imports it"
run khal_day 2007-10-27
expect_out "10:00-12:00 Ouverture" "khal shows the opening at 10:00"
run khal_day 2007-10-29
expect_out "10:00-11:30 Bilatérale France - Côte d'Ivoire" "and the bilateral at 10:00"

# A change, exported again, updates what was imported.
uid_before=$(grep '^UID:session-2@' "$tmp/civ.ics")
summit set sessions 2 "start=2007-10-29 15:00" "end=2007-10-29 16:00" >/dev/null
summit export ics --delegation CIV -o "$tmp/civ2.ics"
run check_py "$tmp/civ2.ics"
expect_out "session-2@reunion-de-paris.summit	1	2007-10-29 14:00	2007-10-29 15:00" \
	"the moved session keeps its UID and its SEQUENCE grows"
expect_out "session-1@reunion-de-paris.summit	0	" "an unchanged session keeps SEQUENCE 0"
check "the UID line is the same" grep -q "^$uid_before" "$tmp/civ2.ics"
khal_run import --batch -a c "$tmp/civ2.ics" >/dev/null 2>&1
run khal_day 2007-10-29
expect_out "15:00-16:00 Bilatérale" "khal shows the new time"
check "and not the old one as well" test "$(printf '%s\n' "$out" | grep -c Bilatérale)" -eq 1
run env TZ=Europe/Paris calcurse -D "$tmp/calcurse2" -i "$tmp/civ2.ics"
run calcurse_day 2007-10-29 Europe/Paris "$tmp/calcurse2"
expect_out "15:00-16:00 Bilatérale" "calcurse reads the new time"

summit set sessions 1 status=cancelled >/dev/null
run sh -c "\"$SUMMIT\" --db \"$db\" export ics | /usr/bin/python3 \"$here/ics/check.py\" /dev/stdin"
expect_out "session-1@reunion-de-paris.summit	1	2007-10-27 08:00	2007-10-27 10:00	CANCELLED	Ouverture" \
	"a cancelled session stays, as CANCELLED, with a new SEQUENCE"

# Renaming the event changes no UID: calendars would show each event twice.
uids() { grep '^UID:' "$1" | sort; }
summit export ics --delegation CIV -o "$tmp/before-rename.ics"
summit set event "name=Réunion ministérielle de Paris" >/dev/null
summit export ics --delegation CIV -o "$tmp/after-rename.ics"
check "renaming the event keeps every UID" \
	test "$(uids "$tmp/after-rename.ics")" = "$(uids "$tmp/before-rename.ics")"
check "while the calendar takes the new name" \
	grep -q "^X-WR-CALNAME:Réunion ministérielle de Paris" "$tmp/after-rename.ics"
# Moved to a new file through CSV, the event keeps its calendars' UIDs.
summit export csv --dir "$tmp/moved" >/dev/null
"$SUMMIT" --db "$tmp/moved.db" load "$tmp/moved" >/dev/null
"$SUMMIT" --db "$tmp/moved.db" export ics --delegation CIV -o "$tmp/moved.ics"
check "an event exported as CSV and loaded again keeps its UIDs" \
	test "$(uids "$tmp/moved.ics")" = "$(uids "$tmp/before-rename.ics")"
# A file from before summit kept the UIDs' domain: they come from the
# name as before, and stay when it is renamed.
cp "$db" "$tmp/v1.db"
current=$(sqlite3 "$db" "PRAGMA user_version")
for column in pickup_margin arrival_days pickup_window immigration_margin \
	departure_margin shuttle_lead minister_cars; do
	sqlite3 "$tmp/v1.db" "ALTER TABLE event DROP COLUMN $column"
done
sqlite3 "$tmp/v1.db" "ALTER TABLE delegations DROP COLUMN in_town;
	ALTER TABLE sessions DROP COLUMN expected"
sqlite3 "$tmp/v1.db" "DROP TABLE \"session-history\"; ALTER TABLE blocks DROP COLUMN rate;
	DROP TABLE checkins; DROP TABLE \"badge-history\"; DROP TABLE accreditations;
	ALTER TABLE event DROP COLUMN uid_domain; DROP INDEX sessions_room;
	DROP INDEX trips_vehicle; DROP INDEX arrivals_delegation; DROP INDEX arrivals_pickup;
	ALTER TABLE delegations DROP COLUMN name_fr; ALTER TABLE hotels DROP COLUMN preferred;
	ALTER TABLE allocations DROP COLUMN locked; ALTER TABLE trips DROP COLUMN locked;
	DROP TABLE plan_values; DROP TABLE plan_changes; DROP TABLE plans;
	PRAGMA user_version = 1"
"$SUMMIT" --db "$tmp/v1.db" export ics --delegation CIV -o "$tmp/v1.ics"
check "an older file is brought to the current schema" \
	test "$(sqlite3 "$tmp/v1.db" "PRAGMA user_version")" = "$current"
check "with the indexes a room's or a vehicle's schedule is read by" \
	test "$(sqlite3 "$tmp/v1.db" "SELECT count(*) FROM sqlite_master WHERE name IN
		('sessions_room', 'trips_vehicle', 'arrivals_delegation', 'arrivals_pickup')")" = 4
check "and its UIDs come from the event's name" \
	grep -q "^UID:session-2@reunion-ministerielle-de-paris.summit" "$tmp/v1.ics"
"$SUMMIT" --db "$tmp/v1.db" set event "name=Paris 2007" >/dev/null
"$SUMMIT" --db "$tmp/v1.db" export ics --delegation CIV -o "$tmp/v1-renamed.ics"
check "which a rename keeps" test "$(uids "$tmp/v1-renamed.ics")" = "$(uids "$tmp/v1.ics")"

run summit export ics --room "Salle Kléber"
expect_rc 0 "a room's calendar"
check "holds its sessions only" test "$(printf '%s\n' "$out" | grep -c '^UID:session')" -eq 2
summit export ics --vehicle VAN-1 -o "$tmp/van.ics"
run check_py "$tmp/van.ics" --describe
expect_rc 0 "a vehicle's calendar"
expect_out "Riders: Aya Kouassi (CIV), Koffi N'Guessan (CIV), Hélène Duvivier (FRA)" "the driver sees every rider"
expect_out "LOCATION	Aéroport Charles-de-Gaulle" "and the pick-up place"
expect_out "AF 703 (CIV) with the French head" "and the trip's note"
run summit export ics --person 3
expect_rc 0 "a person's calendar"
expect_out "Koffi N'Guessan" "it is named after the person"
expect_out "UID:trip-1@" "with the trips the person rides"
run summit export ics --tasks -o "$tmp/tasks.ics"
run check_py "$tmp/tasks.ics"
expect_out "VTODO	task-1@reunion-de-paris.summit	0		2007-07-15	NEEDS-ACTION	Envoyer les invitations" \
	"tasks are to-dos with their due dates"
expect_out "COMPLETED	Réserver les hôtels" "a done task is completed"

run summit export ics --delegation XXX
expect_rc 1 "an unknown delegation is refused"
expect_err "XXX" "naming it"
run summit export ics --delegation CIV --room "Salle Kléber"
expect_rc 2 "two scopes at once are a usage error"
run summit export csv sessions
expect_rc 0 "export csv still works"
expect_out "id,title,kind,room,start,end" "with its columns"

# --- The Bamako sample, Africa/Bamako ----------------------------------
rm -f "$db"
"$SUMMIT" --db "$db" load "$SAMPLE" >/dev/null
run summit export ics --all-delegations "$tmp/del"
expect_rc 0 "every delegation's calendar is written"
ndel=$(sqlite3 "$db" 'SELECT count(*) FROM delegations')
check "one file per delegation" test "$(ls "$tmp/del" | wc -l)" -eq "$ndel"
bad=
for f in "$tmp"/del/*.ics; do check_py "$f" >/dev/null 2>"$tmp/why" || bad="$bad $(basename "$f"): $(cat "$tmp/why")"; done
check "python3-icalendar accepts every one" test -z "$bad"
# The batch writes each session once and reuses its text: every file must
# still be what exporting that one delegation writes.
differ=
for code in $(sqlite3 "$db" 'SELECT code FROM delegations ORDER BY code'); do
	summit export ics --delegation "$code" | grep -v '^DTSTAMP' >"$tmp/one.ics"
	grep -v '^DTSTAMP' "$tmp/del/$code.ics" | cmp -s - "$tmp/one.ics" || differ="$differ $code"
done
check "each file is the delegation's own calendar (but for DTSTAMP)" test -z "$differ"
check "one DTSTAMP for the whole batch" \
	test "$(cat "$tmp"/del/*.ics | grep '^DTSTAMP' | sort -u | wc -l)" -eq 1
run summit export ics --all-rooms "$tmp/rooms"
check "one file per room" test "$(ls "$tmp/rooms" | wc -l)" -eq 7
check "named after the room" test -f "$tmp/rooms/Salle-Plénière.ics"
run summit export ics --all-vehicles "$tmp/veh"
check "one file per vehicle, by code" test -f "$tmp/veh/BUS-1.ics"
run check_py "$tmp/veh/BUS-3.ics"
expect_rc 0 "a driver's calendar is valid"
summit export ics -o "$tmp/bamako.ics"
run check_py "$tmp/bamako.ics"
check "the sample programme's times are the database's" \
	test "$(printf '%s\n' "$out" | ics_sessions)" = "$(db_sessions)"

run check_py "$tmp/del/SEN.ics"
expect_out "session-1@community-of-democracies-ministerial.summit	0	2007-11-14 10:00	2007-11-14 12:00" \
	"Bamako is UTC+0: 10:00 is 10:00 UTC"
check "Senegal's file says nothing of where Ghana sleeps" \
	test "$(grep -c -e 'GHA)' -e 'Kufuor' "$tmp/del/SEN.ics")" -eq 0
rm -rf "$tmp/calcurse" && mkdir -p "$tmp/calcurse"
run env TZ=Africa/Bamako calcurse -D "$tmp/calcurse" -i "$tmp/del/SEN.ics"
expect_rc 0 "calcurse imports Senegal's file"
run calcurse_day 2007-11-14 Africa/Bamako
expect_out "10:00-12:00 Opening ceremony" "and lists the opening at 10:00"
expect_out "17:30-18:15 Bilateral: Senegal - Ghana" "and its bilateral"
khal_setup Africa/Bamako
run khal_run import --batch -a c "$tmp/del/SEN.ics"
expect_rc 0 "khal imports Senegal's file"
run khal_day 2007-11-14
expect_out "10:00-12:00 Opening ceremony" "khal lists the opening at 10:00"
expect_out "17:30-18:15 Bilateral: Senegal - Ghana" "and the bilateral"

done_testing
