#!/bin/sh
# The programme as held: every move of a session to another room or time,
# and every cancellation, is kept when it is made (session-history) and
# told by the report; unused hotel blocks are priced at their rate.
. "$TESTLIB"
rm -f "$db"
summit load "$SAMPLE" >/dev/null || { echo "Bail out! cannot load the sample"; exit 1; }
export SUMMIT_TODAY=2007-11-13

# The sample's own record of the weeks before.
run summit report
expect_rc 0 "the sample's report"
expect_out "4 sessions changed after they were first in the programme: 2 moved to another room, 1 to another time, 1 cancelled." \
	"it counts the sample's changes"
expect_out "| Civil society forum: human rights defenders | moved from Salle Sankarani to Salle Bagoé | 2007-10-29 11:30 | Salle Sankarani given to working group 4 |" \
	"a room change, when and why"
expect_out "| Bilateral: Mali - Pakistan | cancelled | 2007-11-05 10:00 |" "a cancellation"
expect_out "| Press conference of the Chair | start moved from 17:00 to 17:45, end from 17:45 to 18:30 |" \
	"a new start and end are one move"

# A change made now is kept with the time it was made.
history() { sqlite3 "$db" "SELECT session, field, old, new FROM \"session-history\" ORDER BY id"; }
before=$(history)
summit set sessions 9 "room=Salle Niger" >/dev/null
summit set sessions 11 "room=Salle Bani" >/dev/null
check "moving a session into another room keeps the change" \
	test "$(history | tail -2)" = "9|room|Salle Bani|Salle Niger
11|room|Salle Niger|Salle Bani"
summit set sessions 9 "title=Working group 2: elections (first sitting)" \
	"description=Moved for the larger room" >/dev/null
check "a new title or description is not a change of the programme" \
	test "$(history | wc -l)" -eq 7
run summit report
expect_out "| Working group 2: elections (first sitting) | moved from Salle Bani to Salle Niger | 2007-11-13 " \
	"the report tells it, dated today"
expect_out "6 sessions changed after they were first in the programme: 4 moved to another room" \
	"and counts it"

# A restored session says so.
summit set sessions 19 status=scheduled >/dev/null
check "restoring the cancelled session keeps the change" \
	test "$(history | tail -1)" = "19|status|cancelled|scheduled"
run summit report
expect_out "| Bilateral: Mali - Pakistan | restored to the programme |" "the report says it came back"

# A change the rules refuse leaves no trace.
before=$(history)
run summit set sessions 9 "room=Nowhere"
expect_rc 1 "a room that does not exist is refused"
check "and no change is kept" test "$(history)" = "$before"

# Removing a session takes its history with it.
summit remove sessions 37 >/dev/null 2>&1 || summit remove sessions 37 --force >/dev/null
check "a removed session's changes go with it" \
	test "$(sqlite3 "$db" "SELECT count(*) FROM \"session-history\" WHERE session = 37")" -eq 0

# The history travels with the event.
summit export csv --dir "$tmp/again" >/dev/null
rm -f "$tmp/again.db"
"$SUMMIT" --db "$tmp/again.db" load "$tmp/again" >/dev/null
check "export and load keep every change" test "$(sqlite3 "$tmp/again.db" \
	"SELECT session, field, old, new FROM \"session-history\" ORDER BY id")" = "$(history)"

# Unused blocks, priced: each night's empty rooms at that block's rate,
# summed here from the tables themselves.
expected=$(sqlite3 "$db" "SELECT sum(max(b.rooms - coalesce((SELECT sum(a.rooms) FROM allocations a
	WHERE a.hotel = b.hotel AND a.night = b.night), 0), 0) * b.rate) / 100 FROM blocks b")
grouped=$(printf '%s' "$expected" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\| \)/\1 \2\3/' -e 'ta')
run summit report
expect_out "which would have cost $grouped XOF." "the cost of the unused rooms is the sum over the blocks"
expect_out "| Sofitel L'Amitié | 650 | 587 | 63 | 9 135 000 XOF |" "per hotel"
# An overbooked night does not hide an empty one.
summit set blocks 2 rooms=200 >/dev/null
run summit report
expect_out "| Sofitel L'Amitié | 720 | 587 | 133 | 19 285 000 XOF |" \
	"70 more empty rooms on one night cost 70 times its rate"
summit add blocks "hotel=Hôtel Salam" night=2007-11-18 rooms=10 >/dev/null
run summit report
expect_out "10 of the empty room-nights are not in that sum: their blocks have no rate." \
	"a block without a rate is named, not priced at nothing"
run summit set blocks 2 rate=-5
expect_rc 1 "a negative rate is refused"
run summit set blocks 2 rate=lots
expect_rc 1 "so is a rate that is not an amount"
expect_err "rate" "naming the field"

run summit report --format pdf -o "$tmp/report.pdf"
expect_rc 0 "the report as PDF"
pdftotext -layout "$tmp/report.pdf" "$tmp/report.txt"
check "holds the changes to the programme" grep -q "Changes to the programme" "$tmp/report.txt"
check "and the cost of the unused rooms" grep -q "cost of the unused" "$tmp/report.txt"

done_testing
