#!/bin/sh
# Crash tests (issue 12): each command below is killed with SIGKILL at
# every one of its write and sync calls (tests/fault/faultshim.so counts
# them and raises SIGKILL before call N), and at random moments; after
# each kill the event file passes PRAGMA integrity_check and holds exactly
# what it held before the command or what the command makes of it, and an
# export directory is absent or whole. Prints TAP; `make crash` runs it.
#
#   CRASH_STEP=N    kill at every Nth call only (default 1: every call)
#   CRASH_RANDOM=N  random-moment kills per command (default 20)
#   CRASH_ONLY=NAME one command only
#
# The commands are the table in tests/crash/lib.sh: a new one is one line.
. "$TESTLIB"
. "$(dirname "$0")/lib.sh"
step=${CRASH_STEP:-1}
randoms=${CRASH_RANDOM:-20}

commands | while read -r name kind args; do
	[ -n "${CRASH_ONLY:-}" ] && [ "$CRASH_ONLY" != "$name" ] && continue
	eval "set -- $args"
	fresh "$kind"
	before=$(state "$kind")
	start=$(date +%s%N)
	"$SUMMIT" --db "$db" "$@" >/dev/null 2>&1
	rc=$?
	ms=$((($(date +%s%N) - start) / 1000000))
	after=$(state "$kind")
	check "$name: runs to the end without a fault" test "$rc" -eq 0
	rm -rf "$work/after" && { [ "$kind" != files ] || cp -R "$out" "$work/after"; }
	fresh "$kind"
	SUMMIT_FAULT=count SUMMIT_FAULT_LOG="$work/count" LD_PRELOAD="$FAULTSHIM" \
		"$SUMMIT" --db "$db" "$@" >/dev/null 2>&1
	n=$(cat "$work/count")
	bad=0 kills=0 seen_before=0 seen_after=0
	at=1
	while [ "$at" -le "$n" ]; do
		fresh "$kind"
		SUMMIT_FAULT=kill SUMMIT_FAULT_AT=$at LD_PRELOAD="$FAULTSHIM" \
			"$SUMMIT" --db "$db" "$@" >/dev/null 2>&1
		now=$(state "$kind")
		kills=$((kills + 1))
		if [ "$kind" = files ]; then
			files_whole || bad=$((bad + 1))
		elif [ "$now" = "$before" ]; then seen_before=$((seen_before + 1))
		elif [ "$now" = "$after" ]; then seen_after=$((seen_after + 1))
		else bad=$((bad + 1)); [ $bad -le 3 ] && echo "# $name: killed at call $at: neither before nor after"
		fi
		at=$((at + step))
	done
	if [ "$kind" = files ]; then
		check "$name: killed at $kills of its $n write and sync calls, every file whole or absent each time" test "$bad" -eq 0
	else
		check "$name: killed at $kills of its $n write and sync calls, all or nothing each time ($seen_before before, $seen_after after)" test "$bad" -eq 0
	fi
	bad=0 r=0
	while [ "$r" -lt "$randoms" ]; do
		fresh "$kind"
		# A moment within the command's run time, in microseconds.
		delay=$(awk -v seed="$r$$" -v ms="$ms" 'BEGIN { srand(seed); printf "%.4f", rand() * ms / 1000 }')
		"$SUMMIT" --db "$db" "$@" >/dev/null 2>&1 &
		pid=$!
		sleep "$delay"
		kill -KILL "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		now=$(state "$kind")
		if [ "$kind" = files ]; then
			files_whole || bad=$((bad + 1))
		elif [ "$now" != "$before" ] && [ "$now" != "$after" ]; then
			bad=$((bad + 1))
			echo "# $name: killed after ${delay}s: neither before nor after"
		fi
		r=$((r + 1))
	done
	what="all or nothing each time"
	[ "$kind" = files ] && what="every file whole or absent each time"
	check "$name: killed at $randoms random moments within its ${ms} ms, $what" test "$bad" -eq 0
	echo "$test_count $test_failed" >"$tmp/counts"
done
read -r test_count test_failed <"$tmp/counts"
done_testing
