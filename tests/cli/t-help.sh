#!/bin/sh
# Help and the man page come from the same table of verbs.
. "$TESTLIB"

run "$SUMMIT" help
expect_rc 0 "help runs without an event file"
verbs="init load add set remove show list import export invitation status help version"
for verb in $verbs; do
	expect_out "  $verb " "help lists $verb"
	run "$SUMMIT" help "$verb"
	expect_out "usage: summit $verb" "help $verb shows its usage"
	run "$SUMMIT" help
done
for kind in event delegations people invitations history venues rooms sessions places \
	travel hotels blocks allocations vehicles trips arrivals partners costs pledges tasks; do
	expect_out "  $kind " "help lists the kind $kind"
done
run "$SUMMIT" help sessions
expect_out "attendance   one of all, participants, list" "help KIND lists fields and choices"
expect_out "room         a room; required" "help KIND names references"
run "$SUMMIT" help nonsense
expect_rc 2 "help on an unknown word is a usage error"

man="$(dirname "$SUMMIT")/../man/summit.1"
if [ -f "$man" ]; then
	for verb in $verbs; do
		check "the man page documents $verb" grep -q "^\.B summit $verb\$" "$man"
	done
	check "the man page lists the fields of sessions" grep -q '^\.SS sessions' "$man"
else
	fail "the man page is built" "missing: $man"
fi

done_testing
