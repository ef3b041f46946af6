#!/bin/sh
# Publishing to a CalDAV server: a Radicale started here on 127.0.0.1,
# read back with PROPFIND and GET; a change published again leaves one
# updated event, not two; removed events are deleted; credentials come from
# a netrc file or the environment only.
. "$TESTLIB"
here=$(dirname "$TESTLIB")/..
dav() { /usr/bin/python3 "$here/ics/dav.py" "$@"; }

pids=
trap 'for p in $pids; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT
free_port() {
	/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# radicale NAME [AUTH LINES]: starts a server, sets $port.
radicale() {
	port=$(free_port)
	mkdir -p "$tmp/$1"
	{
		printf '[server]\nhosts = 127.0.0.1:%s\n[storage]\nfilesystem_folder = %s\n' \
			"$port" "$tmp/$1/store"
		printf '[logging]\nlevel = warning\n[auth]\n'
		shift
		if [ $# -gt 0 ]; then printf '%s\n' "$@"; else printf 'type = none\n'; fi
	} >"$tmp/radicale.conf"
	/usr/bin/python3 -m radicale --config "$tmp/radicale.conf" >"$tmp/radicale.log" 2>&1 &
	pids="$pids $!"
	# Up to ten seconds for it to listen.
	i=0
	while [ $i -lt 100 ]; do
		/usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" \
			2>/dev/null && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "Bail out! Radicale did not start: $(cat "$tmp/radicale.log")"
	exit 1
}

. "$here/ics/paris.sh"
radicale open
base="http://127.0.0.1:$port/planner/"

run summit publish "$base"
expect_rc 0 "the calendars are published"
expect_out "published 6 calendars (6 new): 18 events sent, 0 unchanged, 0 deleted" \
	"programme, 2 delegations, 2 rooms, 1 vehicle, every event once each"
run dav "${base}delegation-CIV/"
expect_rc 0 "the server gives back Côte d'Ivoire's calendar"
expect_out "session-2@reunion-de-paris.summit.ics	session-2@reunion-de-paris.summit	0	2007-10-29 09:00	2007-10-29 10:30	Bilatérale France - Côte d'Ivoire" \
	"each event is a resource named by its UID, at the right time"
expect_out "trip-1@reunion-de-paris.summit.ics	trip-1@" "with its trip"
check "and nothing of France's" test "$(printf '%s\n' "$out" | grep -c 'arrival-2@')" -eq 0
check "five events" test "$(printf '%s\n' "$out" | wc -l)" -eq 5
run dav "${base}room-Salle-Kl%C3%A9ber/"
expect_out "session-1@reunion-de-paris.summit	0	2007-10-27 08:00" "a room's collection"

run summit publish "$base"
expect_out "published 6 calendars (0 new): 0 events sent, 18 unchanged, 0 deleted" \
	"publishing again sends nothing that did not change"

summit set sessions 2 "start=2007-10-29 15:00" "end=2007-10-29 16:00" >/dev/null
summit remove sessions 1 >/dev/null
run summit publish "$base"
expect_rc 0 "a change is published"
expect_out "4 events sent, 10 unchanged, 4 deleted" \
	"the moved session goes to its 4 calendars, the removed one leaves its 4"
run dav "${base}delegation-CIV/"
expect_out "session-2@reunion-de-paris.summit	1	2007-10-29 14:00	2007-10-29 15:00	Bilatérale" \
	"the server holds the updated event with its new SEQUENCE"
check "once, not twice" test "$(printf '%s\n' "$out" | grep -c 'session-2@')" -eq 1
check "and the removed session is gone" test "$(printf '%s\n' "$out" | grep -c 'session-1@')" -eq 0
run dav "${base}programme/"
check "the programme holds two sessions now" test "$(printf '%s\n' "$out" | wc -l)" -eq 2

summit add vehicles code=CAR-9 kind=car capacity=3 >/dev/null
summit publish "$base" >/dev/null
run dav "${base}vehicle-CAR-9/"
expect_rc 0 "a new vehicle gets its calendar, empty for now"
summit remove vehicles CAR-9 >/dev/null
run summit publish "$base"
expect_out "removed 1 calendar of subjects the event no longer has" \
	"a removed vehicle's calendar is removed"
run /usr/bin/python3 -c "import urllib.request, sys
try:
    urllib.request.urlopen(sys.argv[1], timeout=5)
except urllib.error.HTTPError as e:
    print(e.code)" "${base}vehicle-CAR-9/"
expect_out "404" "the server no longer has it"
run dav "${base}vehicle-VAN-1/"
expect_out "trip-1@" "the others stay"

run summit publish "http://planner:secret@127.0.0.1:$port/planner/"
expect_rc 2 "credentials on the command line are refused"
expect_err "netrc" "pointing to the netrc file or the environment"
run summit publish "http://127.0.0.1:$(free_port)/planner/"
expect_rc 1 "a server that does not answer"
expect_err "PROPFIND http://127.0.0.1:" "is reported"

# The Bamako sample's rooms, in Africa/Bamako.
"$SUMMIT" --db "$tmp/bamako.db" load "$SAMPLE" >/dev/null
run "$SUMMIT" --db "$tmp/bamako.db" publish "http://127.0.0.1:$port/bamako/" --only rooms
expect_rc 0 "the sample's room calendars are published"
expect_out "published 7 calendars (7 new)" "one per room"
run dav "http://127.0.0.1:$port/bamako/room-Salle-Pl%C3%A9ni%C3%A8re/"
expect_out "session-1@community-of-democracies-ministerial.summit	0	2007-11-14 10:00	2007-11-14 12:00	Opening ceremony" \
	"the opening is read back at 10:00 Bamako time (UTC)"
sessions=$(sqlite3 "$tmp/bamako.db" "SELECT count(*) FROM sessions s JOIN rooms r ON r.id = s.room WHERE r.name = 'Salle Plénière'")
check "the room holds as many events as sessions" test "$(printf '%s\n' "$out" | wc -l)" -eq "$sessions"

# A server that asks who is there.
printf 'planner:s3cret\n' >"$tmp/users"
radicale locked "type = htpasswd" "htpasswd_filename = $tmp/users" "htpasswd_encryption = plain"
base="http://127.0.0.1:$port/planner/"
run env HOME="$tmp" "$SUMMIT" --db "$db" publish "$base" --only vehicles
expect_rc 1 "without credentials the server refuses"
expect_err "refused access (HTTP 401)" "and the message says where credentials go"
printf 'machine 127.0.0.1\nlogin planner\npassword s3cret\n' >"$tmp/netrc"
run summit publish "$base" --only vehicles --netrc "$tmp/netrc"
expect_rc 0 "a netrc file gives them"
expect_out "published 1 calendars (1 new): 1 events sent" "the vehicle's calendar"
run env SUMMIT_CALDAV_USER=planner SUMMIT_CALDAV_PASSWORD=s3cret "$SUMMIT" --db "$db" \
	publish "$base" --only vehicles
expect_rc 0 "so does the environment"
expect_out "0 events sent, 1 unchanged" "and nothing changed"
# A password never crosses the network in the clear.
run env SUMMIT_CALDAV_USER=planner SUMMIT_CALDAV_PASSWORD=s3cret "$SUMMIT" --db "$db" \
	publish "http://cal.example.org/planner/" --only vehicles
expect_rc 1 "a password for plain http to another machine is refused"
expect_err "refusing to send the password over plain http to cal.example.org, expected an https:// URL" \
	"saying why and what is expected"
check "the database holds no password" test "$(sqlite3 "$db" .dump | grep -c s3cret)" -eq 0

done_testing
