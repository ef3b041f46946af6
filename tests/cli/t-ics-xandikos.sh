#!/bin/sh
# Real servers and clients for faults of issue 12: publishing to Xandikos
# (Debian's CalDAV server, started here on 127.0.0.1), which answers
# PROPFIND for a missing collection with 207 and a 404 inside; a server
# that forbids (403) is said to forbid, not to want credentials; and an
# invitation is an all-day event over the meeting's days in calcurse and
# khal, not a block from midnight to midnight.
. "$TESTLIB"
here=$(dirname "$TESTLIB")/..
dav() { /usr/bin/python3 "$here/ics/dav.py" "$@"; }

pids=
trap 'for p in $pids; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT
free_port() {
	/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# listening PORT LOG: waits (up to 20 s) until something listens on PORT.
listening() {
	i=0
	while [ $i -lt 200 ]; do
		/usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1', $1), 1)" \
			2>/dev/null && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "Bail out! the server did not start: $(cat "$2")"
	exit 1
}

if ! command -v xandikos >/dev/null 2>&1; then
	echo "1..0 # SKIP xandikos is not installed"
	exit 0
fi

. "$here/ics/paris.sh"

# ---- Xandikos ----
port=$(free_port)
xandikos --defaults -d "$tmp/xandikos" -l 127.0.0.1 -p "$port" >"$tmp/xandikos.log" 2>&1 &
pids="$pids $!"
listening "$port" "$tmp/xandikos.log"
base="http://127.0.0.1:$port/user/calendars/"
run summit publish "$base"
expect_rc 0 "the calendars are published to Xandikos"
expect_out "published 6 calendars (6 new): 18 events sent, 0 unchanged, 0 deleted" \
	"each missing collection is made (MKCALENDAR) after its 207 with a 404 inside"
run dav "${base}delegation-CIV/"
expect_rc 0 "Xandikos gives back Côte d'Ivoire's calendar"
expect_out "session-2@reunion-de-paris.summit	0	2007-10-29 09:00	2007-10-29 10:30	Bilatérale France - Côte d'Ivoire" \
	"with each event at its time"
run summit publish "$base"
expect_rc 0 "publishing again"
expect_out "published 6 calendars (0 new): 0 events sent, 18 unchanged, 0 deleted" \
	"finds the collections there and sends nothing that did not change"
summit set sessions 2 "title=Bilatérale France - Côte d'Ivoire (reportée)" >/dev/null
run summit publish "$base" --only delegations
expect_out "published 2 calendars (0 new): 2 events sent, 9 unchanged, 0 deleted" \
	"a change sends that event only, to both delegations it concerns"
run dav "${base}delegation-CIV/"
expect_out "session-2@reunion-de-paris.summit	1	2007-10-29 09:00	2007-10-29 10:30	Bilatérale France - Côte d'Ivoire (reportée)" \
	"and Xandikos holds it updated, SEQUENCE 1"
check "still five events, not six" test "$(printf '%s\n' "$out" | wc -l)" -eq 5

# ---- a server that forbids ----
port=$(free_port)
cat >"$tmp/forbid.py" <<'EOF'
import http.server
import sys

class Forbid(http.server.BaseHTTPRequestHandler):
    def answer(self, code):
        self.send_response(code)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_PROPFIND(self):
        self.answer(404)

    def do_MKCOL(self):
        self.answer(403)

    def log_message(self, *args):
        pass

http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Forbid).serve_forever()
EOF
/usr/bin/python3 "$tmp/forbid.py" "$port" >"$tmp/forbid.log" 2>&1 &
pids="$pids $!"
listening "$port" "$tmp/forbid.log"
run summit publish "http://127.0.0.1:$port/planner/"
expect_rc 1 "a 403 is refused"
expect_err "MKCOL http://127.0.0.1:$port/planner/: the server does not allow it (HTTP 403 Forbidden)" \
	"and said to be forbidden"
check "not blamed on missing credentials" test "${err#*credentials}" = "$err"

# ---- an invitation in calendar programs ----
summit set delegations CIV email=protocole@example.ci >/dev/null
summit add invitations delegation=CIV >/dev/null
run summit export ics --invitations "$tmp/inv" --organizer protocole@example.fr
expect_rc 0 "the invitation is written"
check "its days are dates" grep -q '^DTSTART;VALUE=DATE:20071026' "$tmp/inv/CIV.ics"
check "ending the day after the last" grep -q '^DTEND;VALUE=DATE:20071031' "$tmp/inv/CIV.ics"
mkdir -p "$tmp/calcurse"
run env TZ=Europe/Paris calcurse -D "$tmp/calcurse" -i "$tmp/inv/CIV.ics"
expect_rc 0 "calcurse imports it"
expect_out "0 apps / 1 event" "as an all-day event, not an appointment"
cal_day() {
	TZ=Europe/Paris calcurse -D "$tmp/calcurse" --input-datefmt 4 -Q --from "$1" --days 1 \
		--format-event '%m\n' --format-apt '%S-%E %m\n'
}
run cal_day 2007-10-26
expect_out "* Réunion de Paris" "calcurse shows it on the first day"
run cal_day 2007-10-30
expect_out "* Réunion de Paris" "and on the last"
run cal_day 2007-10-31
check "and not the day after" test -z "$out"
mkdir -p "$tmp/khal/cal"
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
local_timezone = Europe/Paris
default_timezone = Europe/Paris
[sqlite]
path = $tmp/khal/db
EOC
run khal -c "$tmp/khal/conf" import --batch -a c "$tmp/inv/CIV.ics"
expect_rc 0 "khal imports it"
run khal -c "$tmp/khal/conf" list --format '{start} {end} {title}' 2007-10-26 6d
expect_out "2007-10-26 2007-10-30 Réunion de Paris" "khal shows the four days, all day"
check "with no time of day" test "${out#*00:00}" = "$out"

echo "1..$test_count"
exit $((test_failed > 0))
