#!/bin/sh
# Fault injection (issue 12): each command of tests/crash/lib.sh runs with
# a full disk (ENOSPC), a failing disk (EIO) and a short write at every
# one of its write and sync calls in turn (tests/fault/faultshim.so). Each
# time it either refuses with one clear message, exit 1 and the event as
# it was (an export directory absent, every written file whole), or, when
# the fault hits a call that does not matter any more (a sync after the
# rename), succeeds with the whole result. Prints TAP; `make fault` runs it.
#
#   FAULT_STEP=N     every Nth call only (default 1: every call)
#   FAULT_MODES=...  default "enospc eio short"
#   CRASH_ONLY=NAME  one command only
. "$TESTLIB"
. "$(dirname "$0")/../crash/lib.sh"
step=${FAULT_STEP:-1}
modes=${FAULT_MODES:-enospc eio short}

commands | while read -r name kind args; do
	[ -n "${CRASH_ONLY:-}" ] && [ "$CRASH_ONLY" != "$name" ] && continue
	eval "set -- $args"
	fresh "$kind"
	before=$(state "$kind")
	"$SUMMIT" --db "$db" "$@" >/dev/null 2>&1
	after=$(state "$kind")
	rm -rf "$work/after" && { [ "$kind" != files ] || cp -R "$out" "$work/after"; }
	fresh "$kind"
	SUMMIT_FAULT=count SUMMIT_FAULT_LOG="$work/count" LD_PRELOAD="$FAULTSHIM" \
		"$SUMMIT" --db "$db" "$@" >/dev/null 2>&1
	n=$(cat "$work/count")
	for mode in $modes; do
		points=0 refused=0 whole=0 bad=0
		at=1
		while [ "$at" -le "$n" ]; do
			fresh "$kind"
			SUMMIT_FAULT=$mode SUMMIT_FAULT_AT=$at LD_PRELOAD="$FAULTSHIM" \
				"$SUMMIT" --db "$db" "$@" >/dev/null 2>"$work/stderr"
			rc=$?
			now=$(state "$kind")
			points=$((points + 1))
			lines=$(wc -l <"$work/stderr")
			why=
			if [ "$kind" = files ] && ! files_whole >/dev/null; then
				why="a file is not whole"
			elif [ "$rc" -eq 0 ]; then
				[ "$now" = "$after" ] || why="exit 0 but not the whole result"
				[ -z "$why" ] && whole=$((whole + 1))
			elif [ "$rc" -ne 1 ]; then
				why="exit $rc"
			elif [ "$lines" -ne 1 ] || ! grep -q '^summit: ' "$work/stderr"; then
				why="$lines lines of messages"
			elif grep -q 'cannot write.*cannot write' "$work/stderr"; then
				why="a message says cannot write twice"
			elif [ "$kind" != files ] && [ "$now" != "$before" ]; then
				why="refused, but the event or directory changed"
			fi
			if [ -n "$why" ]; then
				bad=$((bad + 1))
				[ $bad -le 3 ] && echo "# $name, $mode at call $at: $why: $(head -c 300 "$work/stderr")"
			elif [ "$rc" -ne 0 ]; then
				refused=$((refused + 1))
			fi
			at=$((at + step))
		done
		check "$name, $mode: $points injection points, $refused refused cleanly, $whole completed whole" test "$bad" -eq 0
	done
	echo "$test_count $test_failed" >"$tmp/counts"
done
read -r test_count test_failed <"$tmp/counts"
done_testing
