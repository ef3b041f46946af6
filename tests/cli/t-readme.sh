#!/bin/sh
# Every command-line example of the README runs as written on the sample
# event, in the order the README gives them, with the files a planner
# would have received (a CSV list from the embassies, a reply to an
# invitation, a programme drafted elsewhere) made here first.
. "$TESTLIB"

readme="$(dirname "$SAMPLE")/../README"
work="$tmp/work"
mkdir -p "$work/bin"
ln -s "$(dirname "$SAMPLE")" "$work/sample-data"
ln -s "$SUMMIT" "$work/bin/summit"
cd "$work" || exit 1
PATH="$work/bin:$PATH"
unset -f summit # lib.sh's, which names the test's own file
unset SUMMIT_DB SUMMIT_TODAY

# The examples: indented lines of the command-line section that run summit
# (or set its environment), continuation lines joined, comments dropped.
awk '/^The command line by example/ { on = 1 } /^Building by hand/ { on = 0 }
	on && /^    [^ ]/ {
		line = substr($0, 5)
		while (line ~ /\\$/ && (getline next_line) > 0) {
			sub(/\\$/, "", line)
			sub(/^ +/, " ", next_line)
			line = line next_line
		}
		sub(/  +# .*$/, "", line)
		print line
	}' "$readme" | grep -E '^(summit|export) ' | grep -v '^summit \[' >"$tmp/examples"
check "the README has command-line examples" test "$(wc -l <"$tmp/examples")" -gt 30

printf 'Delegation;Name;Role;Title\r\nNAM;Peya Mushelenga;member;Deputy Minister\r\nSEN;Aminata Sall;interpreter;\r\n' \
	>people-from-the-embassies.csv
cat >draft-programme.ics <<'ICS'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//drafting office//EN
BEGIN:VEVENT
UID:press-briefing-1@drafts.example
DTSTAMP:20071101T090000Z
DTSTART;TZID=Africa/Bamako:20071116T080000
DTEND;TZID=Africa/Bamako:20071116T083000
SUMMARY:Press briefing
LOCATION:Salle Bani
CATEGORIES:side-event
END:VEVENT
END:VCALENDAR
ICS

# Lines that need what a test machine has not: a CalDAV server on the
# Internet, the large generator and the benchmarks (make bench runs those).
skipped='summit publish https://cal.example.org/'
n=0
while IFS= read -r example; do
	n=$((n + 1))
	case $example in "$skipped"*) continue ;; esac
	case $example in
	*"import ics-reply inbox/"*)
		# Namibia's calendar program answers the invitation it was sent.
		mkdir -p inbox
		/usr/bin/python3 "$(dirname "$TESTLIB")/../ics/reply.py" outbox/NAM.ics ACCEPTED \
			20071101T120000Z >inbox/NAM.ics || fail "reply.py answers the invitation"
		;;
	esac
	eval "run $example"
	case $example in
	*"remove rooms"*)
		expect_rc 1 "README: $example (refused, as it says)"
		expect_err "still used by" "README: $example says why"
		;;
	*"Macky Sall"* | *"pickup=3"*)
		expect_rc 1 "README: $example (refused, as it says)"
		;;
	*"Briefing on the electoral calendar"*)
		expect_rc 0 "README: $example (saved)"
		expect_err "warning: Salle Bani is booked for" "README: $example warns"
		;;
	*"checkin BKO-0004"*)
		expect_rc 1 "README: $example (refused: revoked, as it says)"
		expect_err "REVOKED badge BKO-0004" "README: $example says why"
		;;
	*" check"*)
		check "README: $example (exit 0 or 1, as check's status says)" test "$rc" -le 1
		check "README: $example prints what it found" test -n "$out"
		;;
	export*)
		eval "$example"
		;;
	*)
		expect_rc 0 "README: $example"
		;;
	esac
done <"$tmp/examples"
check "every example was read" test "$n" -eq "$(wc -l <"$tmp/examples")"

# What the examples did, as a planner would check it.
run summit show invitations URY
expect_out "accepted" "README: Uruguay's invitation was delivered, then accepted"
run summit show invitations NAM
expect_out "accepted" "README: Namibia's reply was recorded"
run summit list sessions day=2007-11-16 --format tsv
expect_out "Press briefing" "README: the drafted session joined the programme"
run summit show delegations TUN
expect_rc 1 "README: Tunisia was removed with --cascade"
check "README: the calendars were written" test -s calendars/SEN.ics -a -s senegal.ics
run summit show sessions 12
expect_out "expected     35" "README: the working group expects its registrations"
run summit show event
expect_out "pickup_margin       30" "README: the event's pickup margin is set"
check "README: the backup holds every kind" test -s backup/delegations.csv -a -s backup/trips.csv

done_testing
