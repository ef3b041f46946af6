#!/bin/sh
# The same rules on every path of a change, on the sample event: add, set
# and import refuse an impossible change with the field's message and leave
# the file alone; a change that creates a problem `summit check` reports is
# saved and the new problem is printed on stderr right after it, exit 0.
. "$TESTLIB"

rm -f "$db"
summit load "$SAMPLE" >/dev/null || { echo "Bail out! cannot load the sample"; exit 1; }
export SUMMIT_TODAY=2007-11-07

# Refused: a second head, a pickup on another day, a trip moved before its flight.
before=$(snapshot)
run summit add people delegation=SEN "name=Macky Sall" role=head
expect_rc 1 "add: a second head of a delegation is refused"
expect_err "summit: add: role: got head, but SEN already has a head, Abdoulaye Wade (person #12), expected another role, or Abdoulaye Wade's role changed first" \
	"naming the head it has"
run summit set people 13 role=head
expect_rc 1 "set: likewise"
run summit set arrivals 1 pickup=3
expect_rc 1 "set: a pickup the next morning, hours after the flight, is refused"
expect_err "summit: set: pickup: got trip #3, which leaves at 2007-11-13 04:00, more than 6 hours after the flight lands at 2007-11-12 19:40, expected a trip that leaves soon after it lands" \
	"with both times"
run summit set trips 1 "depart=2007-11-12 19:00" "arrive=2007-11-12 19:30"
expect_rc 1 "set: a pickup moved before its flight lands is refused"
expect_err "summit: set: depart: got 2007-11-12 19:00, but the trip meets arrival #1 (flight AF 796), which lands at 2007-11-12 19:40, expected a time after it lands (within 6 hours)" \
	"naming the arrival"
printf 'delegation,flight,airport,time,pickup\nCHL,LAN 1,Bamako-Sénou International Airport,2007-11-12 21:00,2\n' \
	>"$tmp/arrivals.csv"
run summit import arrivals "$tmp/arrivals.csv"
expect_rc 1 "import: a pickup that leaves before the flight lands is refused"
expect_err "arrivals.csv:2: column pickup: got trip #2, which leaves at 20:25, before the flight lands at 21:00, expected a trip that leaves after it lands" \
	"at its line and column"
expect_same "$before" "$(snapshot)" "no refused change touched the file"

# Saved with a warning: a room booked twice, through add, set and import.
run summit add sessions title=Briefing kind=side-event "room=Salle Bani" \
	"start=2007-11-15 12:00" "end=2007-11-15 12:45"
expect_rc 0 "add: a session in a taken room is saved"
expect_out "added session #38" "and said so"
expect_same 'warning: Salle Bani is booked for "Working group 2: elections and electoral governance (first sitting)" and "Briefing" at once on 2007-11-15 from 12:00 to 12:45' \
	"$err" "with the one new problem on stderr"
run summit set sessions 38 "start=2007-11-15 12:15"
expect_rc 0 "set: moving it within the same clash"
expect_same "" "$err" "warns of nothing new"
run summit set sessions 38 "start=2007-11-15 14:00" "end=2007-11-15 15:00"
expect_rc 0 "set: moving it onto the second sitting"
expect_same 'warning: Salle Bani is booked for "Briefing" and "Working group 2: elections and electoral governance (second sitting)" at once on 2007-11-15 from 14:30 to 15:00' \
	"$err" "warns of that clash only"
printf 'title,kind,room,start,end\nA,side-event,Salle Bani,2007-11-16 15:00,2007-11-16 16:00\nB,side-event,Salle Plénière,2007-11-16 07:00,2007-11-16 07:30\n' \
	>"$tmp/sessions.csv"
run summit import sessions "$tmp/sessions.csv"
expect_rc 0 "import: the rows are saved"
expect_out "imported 2 sessions" "all of them"
expect_same 'warning: Salle Bani is booked for "Drafting committee: Bamako Declaration" and "A" at once on 2007-11-16 from 15:00 to 16:00' \
	"$err" "one line per new problem"
run summit list sessions --format tsv
expect_out "Briefing" "the sessions are in the file"

# A hotel block exceeded.
run summit add allocations "hotel=Hôtel Salam" delegation=SEN night=2007-11-14 rooms=40
expect_rc 0 "add: an allocation beyond the block is saved"
check "and the block exceeded is named" contains "$err" "warning: Hôtel Salam"

done_testing
