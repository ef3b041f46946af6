#!/bin/sh
# summit check lists what is wrong, where and how badly, in text, TSV and
# JSON; --only and --day narrow; the exit status tells whether an error is
# among them; the sample event shows its handful of planted problems.
. "$TESTLIB"
new_event

quiet() { "$@" >/dev/null || { echo "Bail out! $*"; exit 1; }; }
quiet summit add delegations code=SEN name=Senegal kind=state status=participant size=4
quiet summit add delegations code=CIV "name=Côte d'Ivoire" kind=state status=participant size=3
quiet summit add invitations delegation=SEN state=accepted
quiet summit add invitations delegation=CIV state=sent deadline=2007-10-31
quiet summit add venues name=CICB
quiet summit add rooms "name=Salle 2" venue=CICB capacity=30
quiet summit add sessions "title=Working group 1" kind=working-group "room=Salle 2" \
	"start=2007-11-15 10:00" "end=2007-11-15 12:00" attendance=participants
quiet summit add sessions "title=Side event: press freedom" kind=side-event "room=Salle 2" \
	"start=2007-11-15 11:00" "end=2007-11-15 13:00"
quiet summit add tasks "title=Print the badges" owner=Protocol due=2007-11-06

# Text: one line per problem, then the count; an error makes the exit 1.
run summit --today 2007-11-07 check
expect_rc 1 "an error among the problems"
expect_out "Salle 2 is booked for \"Working group 1\" and \"Side event: press freedom\" at once on 2007-11-15 from 11:00 to 12:00" \
	"the double booking names the room and both sessions by their titles"
expect_out "error    room-double-booked" "its severity and kind come first"
expect_out "Côte d'Ivoire (CIV) has not answered its invitation (sent) by its deadline 2007-10-31, 7 days ago" \
	"the unanswered invitation names the delegation by name and code"
expect_out "Senegal (SEN) has accepted but has no arrival details yet, 7 days before the event" \
	"an accepted delegation without arrival details a week before"
expect_out "\"Print the badges\" (Protocol) was due on 2007-11-06 and is still open, 1 day late" \
	"the overdue task"
expect_out "1 error, 3 warnings" "the count of problems ends the list"

# TSV: a header, then severity, kind, subjects, message.
run summit --today 2007-11-07 check --format tsv
expect_rc 1 "TSV keeps the exit status"
check "TSV starts with its header" test "$(printf '%s\n' "$out" | head -1)" = "$(printf 'severity\tkind\tsubjects\tmessage')"
expect_out "$(printf 'error\troom-double-booked\troom Salle 2; session #1 (Working group 1); session #2 (Side event: press freedom)\tSalle 2 is booked')" \
	"TSV names the records by kind, key and name"
check "TSV has a row per problem" test "$(printf '%s\n' "$out" | wc -l)" -eq 5
check "every TSV row has four columns" test "$(printf '%s\n' "$out" | awk -F'\t' 'NF != 4' | wc -l)" -eq 0

# JSON: an array of problems with their subjects.
run summit --today 2007-11-07 check --format json
expect_rc 1 "JSON keeps the exit status"
printf '%s\n' "$out" >"$tmp/check.json"
check "the JSON is valid" test "$(sqlite3 :memory: "SELECT json_valid(readfile('$tmp/check.json'))")" = 1
check "the JSON holds four problems" test "$(sqlite3 :memory: "SELECT json_array_length(readfile('$tmp/check.json'))")" = 4
check "the JSON names the delegation's code" test "$(sqlite3 :memory: "SELECT json_extract(readfile('$tmp/check.json'), '\$[1].subjects[0].key')")" = CIV
check "the JSON gives the day of the double booking" test "$(sqlite3 :memory: "SELECT json_extract(readfile('$tmp/check.json'), '\$[0].first_day')")" = 2007-11-15

# Narrowing.
run summit --today 2007-11-07 check --only task-overdue
expect_rc 0 "only warnings: exit 0"
expect_out "Print the badges" "--only keeps that kind"
check "--only drops the others" test "$(printf '%s\n' "$out" | grep -c 'room-double-booked\|invitation')" -eq 0
run summit --today 2007-11-07 check --only task-overdue,room-double-booked --format tsv
check "--only takes a list" test "$(printf '%s\n' "$out" | wc -l)" -eq 3
run summit --today 2007-11-07 check --day 2007-11-15 --format tsv
expect_rc 1 "the day holds the error"
check "--day keeps that day's problems" test "$(printf '%s\n' "$out" | wc -l)" -eq 2
run summit --today 2007-11-07 check --day 2007-11-16
expect_rc 0 "a day without problems"
expect_out "No problems found." "says there is none"
run summit --today 2007-11-07 check --arrival-days 6 --only arrival-details-missing
expect_out "No problems found." "--arrival-days moves when arrival details are due"

# Bad values are refused (exit 1); a bad option's name is a usage error (2).
run summit check --only room-double
expect_rc 1 "an unknown kind is refused"
expect_err "--only: got \"room-double\", expected one of: room-double-booked" "and lists the kinds"
kinds=$(printf '%s\n' "$err" | sed 's/.*expected one of: //' | tr -d ',')
run summit help check
missing=
for k in $kinds; do contains "$out" "$k" || missing="$missing $k"; done
check "summit help check names every kind of problem" test -z "$missing"
check "there are 21 kinds" test "$(echo $kinds | wc -w)" -eq 21
run summit check --day 2007-13-01
expect_rc 1 "a bad date is refused"
expect_err "--day: got \"2007-13-01\", expected a date as YYYY-MM-DD" "and says what a date is"
run summit check --pickup-margin soon
expect_rc 1 "a bad margin is refused"
expect_err "expected a whole number of minutes" "and says what it expects"
run summit check --format xml
expect_rc 1 "an unknown format is refused"
expect_err "--format: got \"xml\", expected table, tsv or json" "and the formats are named"
run summit check --frobnicate
expect_rc 2 "an unknown option is a usage error"
expect_err "summit: check: unknown option \"--frobnicate\"" "and says so after summit:"

# A clean event.
new_event
run summit check
expect_rc 0 "an empty event has no problem"
expect_out "No problems found." "and says so"

# The sample event a week before: its handful of planted problems, exactly.
rm -f "$db"
quiet summit load "$SAMPLE"
run summit --today 2007-11-07 check --format tsv
expect_rc 1 "the sample has errors"
printf '%s\n' "$out" | cut -f1-3 >"$tmp/found"
cat >"$tmp/expected" <<'EOF'
severity	kind	subjects
error	late-arrival	delegation BEN (Benin); session #1 (Opening ceremony); arrival #58 (Special flight (Benin))
error	late-arrival	delegation TZA (United Republic of Tanzania); session #1 (Opening ceremony); arrival #59 (KQ 512)
error	no-hotel	delegation MOZ (Mozambique)
warning	no-pickup	delegation NLD (Netherlands); arrival #53 (SN 237)
warning	no-pickup	delegation IDEA (International Institute for Democracy and Electoral Assistance); arrival #54 (AT 573)
warning	invitation-unanswered	invitation ARG (Argentina)
warning	invitation-unanswered	invitation GIN (Guinea)
warning	invitation-unanswered	invitation NAM (Namibia)
warning	invitation-unanswered	invitation STP (São Tomé and Príncipe)
warning	invitation-unanswered	invitation URY (Uruguay)
warning	pledges-short	
warning	pledge-not-received	pledge #4; partner European Union
warning	pledge-not-received	pledge #3; partner Government of the United States
warning	pledge-not-received	pledge #9; partner Open Society Initiative for West Africa
warning	task-overdue	task #11 (Recruit a second interpreter for the Portuguese booth)
warning	task-overdue	task #13 (Chase the invitations without an answer)
warning	task-overdue	task #14 (Collect outstanding pledges)
EOF
check "the sample shows exactly its planted problems" cmp -s "$tmp/found" "$tmp/expected"
[ -n "${VERBOSE-}" ] && diff "$tmp/expected" "$tmp/found"
run summit --today 2007-11-07 check
expect_out "Benin (BEN) lands at 10:40 on 2007-11-14 (Special flight (Benin)) and cannot reach CICB before \"Opening ceremony\" starts at 10:00" \
	"Benin's head of state misses the opening"
expect_out "Mozambique (MOZ) is in town on the nights of 2007-11-13 to 2007-11-17 but has no hotel room" \
	"Mozambique has no hotel"
expect_out "European Union pledged 120 000 000 XOF for Simultaneous interpretation; nothing received yet" \
	"the European Union's pledge is not in"
expect_out "3 errors, 14 warnings" "a handful of problems"

# status gives the same figures.
run summit --today 2007-11-07 status
expect_out "problems      3 errors, 14 warnings: late-arrival 2, no-hotel 1, no-pickup 2," \
	"status counts the same problems"
# Mali, the host, and CNSC, Malian civil society, live in town: neither
# hotel nor flight is missing for them.
expect_out "accepted      52: 1 without hotel, 0 without arrival details" \
	"status counts who still needs a hotel or arrival details, those in town aside"
run summit --today 2007-11-07 status --format json
printf '%s\n' "$out" >"$tmp/status.json"
check "status JSON counts the errors" test "$(sqlite3 :memory: "SELECT json_extract(readfile('$tmp/status.json'), '\$.problems.errors')")" = 3
check "status JSON counts the accepted without a hotel" test "$(sqlite3 :memory: "SELECT json_extract(readfile('$tmp/status.json'), '\$.accepted_without_hotel')")" = 1
check "status JSON counts each kind" test "$(sqlite3 :memory: "SELECT json_extract(readfile('$tmp/status.json'), '\$.problems.kinds.invitation-unanswered')")" = 5

# Were CNSC not living in town, its arrival details would be missing; once
# the event has begun, the sentence says so.
run summit --today 2007-11-15 check --only arrival-details-missing
expect_out "No problems found." "a delegation living in town needs no arrival details"
quiet summit set delegations CNSC in_town=no
run summit --today 2007-11-15 check --only arrival-details-missing
expect_out "Conseil National de la Société Civile du Mali (CNSC) has accepted but has no arrival details yet, and the event has begun" \
	"the wording follows today"
quiet summit set delegations CNSC in_town=yes

# Today is the event's date, whatever the machine's zone: on a server in
# Pacific/Kiritimati (UTC+14) it is still yesterday in Bamako for half the
# day. (The unit tests fix the clock; here it is the real one.)
bamako=$(TZ=Africa/Bamako date +%F)
run env TZ=Pacific/Kiritimati "$SUMMIT" --db "$db" status --format json
expect_out "\"today\": \"$bamako\"" "status's today is Bamako's date on a Kiritimati server"

done_testing
