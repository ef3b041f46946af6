#!/bin/sh
# The Plan view, opened with L from Hotels (or Transport): it proposes a
# plan, leaves a change out with Space, applies the rest in one
# transaction after asking, and undoes it; the dashboard's figures move.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/tui.sh"
summit load "$SAMPLE" >/dev/null || { echo "Bail out! cannot load the sample"; exit 1; }
moz() { sql "SELECT count(*) FROM allocations a JOIN delegations d ON d.id = a.delegation WHERE d.code = 'MOZ'"; }

tui_start --today 2007-11-07
expect_screen "7 days left" "the UI opens on the sample event"
n=0
while :; do
	without=$(screen_line "without a hotel" | sed -n 's/.*without a hotel *\([0-9][0-9]*\).*/\1/p')
	[ -n "$without" ] || [ $n -ge 100 ] && break
	sleep 0.1
	n=$((n + 1))
done
keys 5
expect_screen "Rooms given to delegations" "Hotels"
keys L
expect_screen "h proposes hotel nights" "L opens the Plan view"
keys h
expect_screen "plan hotels: 5 to add, 0 to change, 0 to remove" "h proposes Mozambique's five nights"
expect_screen "[x] add    allocation MOZ at" "each change is listed, taken"
check "proposing writes nothing" test "$(moz)" -eq 0
keys Space
expect_screen "plan hotels: 4 to add" "Space leaves the selected change out"
expect_screen "[ ] add    allocation MOZ" "and marks it so"
keys a
expect_screen "Apply 4 changes of plan hotels?" "a asks before applying"
keys n
check "n applies nothing" test "$(moz)" -eq 0
keys Space
expect_screen "plan hotels: 5 to add" "Space again takes the change back"
keys a
expect_screen "Apply 5 changes of plan hotels?" "a asks again"
keys y
expect_screen "applied plan 1 (hotels): 5 changes" "and applies the five"
check "the five nights are written" test "$(moz)" -eq 5
keys q 1
expect_screen "without a hotel" "back on the dashboard"
# The dashboard draws before it counts: wait for the figure.
n=0
while :; do
	now=$(screen_line "without a hotel" | sed -n 's/.*without a hotel *\([0-9][0-9]*\).*/\1/p')
	[ -n "$now" ] && [ "$now" -lt "$without" ] && break
	[ $n -ge 100 ] && break
	sleep 0.1
	n=$((n + 1))
done
check "the dashboard's count of delegations without a hotel moved ($without to $now)" \
	test "${now:-x}" -lt "${without:-0}"
keys 6 L p
expect_screen "plan pickups:" "from Transport, L then p proposes pickups"
keys u
expect_screen "Undo the last applied plan?" "u asks before undoing"
keys y
expect_screen "undid plan 1 (hotels): 5 changes put back" "and undoes the hotel plan"
check "Mozambique's nights are gone again" test "$(moz)" -eq 0
tui_stop

done_testing
