#!/bin/sh
# sample-data/generate-large.sh writes the same climate-conference-sized
# event every time; it loads, and summit check finds exactly the problems
# the generator plants (the benchmark in bench/ times it; nothing is timed
# here).
. "$TESTLIB"
generate="$(dirname "$SAMPLE")/generate-large.sh"

run "$generate" "$tmp/a"
expect_rc 0 "the generator runs"
expect_err "wrote 200 delegations, 40000 people, 4000 sessions, 120 hotels, 600 vehicles, 20000 trips" \
	"it says what it wrote"
"$generate" "$tmp/b" 2>/dev/null
check "it writes the same files every time" \
	test "$(cd "$tmp/a" && cksum *.csv)" = "$(cd "$tmp/b" && cksum *.csv)"
rm -rf "$tmp/b"

run summit load "$tmp/a"
expect_rc 0 "the large event loads"
count() { sqlite3 "$db" "SELECT count(*) FROM $1"; }
check "200 delegations" test "$(count delegations)" -eq 200
check "40,000 people" test "$(count people)" -eq 40000
check "4,000 sessions" test "$(count sessions)" -eq 4000
check "over 12 days" test "$(sqlite3 "$db" "SELECT julianday(last_day) - julianday(first_day) + 1 FROM event")" = 12.0
check "120 hotels" test "$(count hotels)" -eq 120
check "600 vehicles" test "$(count vehicles)" -eq 600
check "20,000 trips" test "$(count trips)" -eq 20000

run summit --today 2027-11-01 check --format tsv
expect_rc 1 "the planted errors are found"
# by_kind FILE: the problems in $out counted by severity and kind.
by_kind() { printf '%s\n' "$out" | tail -n +2 | cut -f1,2 | sort | uniq -c | sed 's/^ *//' | sort >"$1"; }
by_kind "$tmp/found"
sort >"$tmp/expected" <<'END'
1 error	hotel-overbooked
1 error	late-arrival
1 error	no-hotel
1 error	pickup-early
1 error	room-double-booked
1 error	shuttle-late
1 error	trip-too-short
1 error	vehicle-double-booked
1 warning	arrival-details-missing
1 warning	head-without-car
1 warning	pledge-not-received
1 warning	pledges-short
2 error	delegation-double-booked
2 warning	no-pickup
2 warning	task-overdue
3 warning	invitation-unanswered
END
check "exactly the planted problems, by kind" cmp -s "$tmp/found" "$tmp/expected"
expect_out "Hotel 007 holds 164 rooms for the night of 2027-11-10 but 167 are allocated to 2 delegations" \
	"the overbooked hotel night"
expect_out "State 120 (S120) lands at 10:00 on 2027-11-08" "the delegation landing after the opening"
expect_out "José Sato, head of state of State 021 (S021), has no dedicated car" \
	"the head of state without a car, accents and all"

# A scale multiplies people, sessions and trips; the planted problems stay.
rm -rf "$tmp/a"
run "$generate" "$tmp/small" 0.25
expect_rc 0 "the generator takes a scale"
expect_err "wrote 200 delegations, 10019 people, 1000 sessions, 120 hotels, 210 vehicles, 7218 trips" \
	"a quarter of the people and sessions"
small="$tmp/small.db"
run "$SUMMIT" --db "$small" load "$tmp/small"
expect_rc 0 "the event at scale 0.25 loads"
run "$SUMMIT" --db "$small" --today 2027-11-01 check --format tsv
expect_rc 1 "the planted errors are found at scale 0.25"
by_kind "$tmp/found-small"
check "the same planted problems at scale 0.25, by kind" cmp -s "$tmp/found-small" "$tmp/expected"
expect_out "State 120 (S120) lands at 10:00 on 2027-11-08" "the same late arrival at scale 0.25"
for bad in 0 -1 abc 1.2.3 9; do
	run "$generate" "$tmp/bad" "$bad"
	expect_rc 2 "a scale of \"$bad\" is a usage error"
	expect_err "SCALE: got \"$bad\", expected a number from 0.25 to 8" "the message names the scale $bad"
done
check "a refused scale writes nothing" test ! -e "$tmp/bad"

done_testing
