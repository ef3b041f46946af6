#!/bin/sh
# How long each planner takes on a climate-conference-sized event
# (sample-data/generate-large.sh) and how far its plan is from the bound it
# computes. Each planner starts over (so it plans everything), proposes
# only, and must finish within 10 s. The generator gives one room per two
# people, so hotels runs with --people-per-room 2 (GLPK within the default
# 5 s: its LP relaxation takes 1-4 s, more on a busy machine); its hotels
# are up to 34 minutes from the venue, so shuttles spread their rounds over
# 120 minutes.
#
# usage: SUMMIT=src/summit bench/plan.sh   (or `make bench`)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
summit=${SUMMIT:-$here/src/summit}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/summit-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LANG=C.UTF-8
unset SUMMIT_DB

now() { date +%s%N; }
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
echo "machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $(uname -sr)"
"$here/sample-data/generate-large.sh" "$tmp/event" 2>/dev/null
"$summit" --db "$tmp/event.db" load "$tmp/event" >/dev/null

failed=0
for planner in "hotels --people-per-room 2" pickups "shuttles --spread 120"; do
	t0=$(now)
	# shellcheck disable=SC2086 # the planner's options are words
	"$summit" --db "$tmp/event.db" plan $planner --start-over --format tsv \
		>"$tmp/plan.tsv" 2>"$tmp/summary" || failed=1
	t1=$(now)
	ms=$(((t1 - t0) / 1000000))
	name=${planner%% *}
	changes=$(sed -n 's/^plan [a-z]*: //p' "$tmp/summary")
	quality=$(sed -n 's/^quality: //p' "$tmp/summary")
	[ -n "$quality" ] || quality="no bound ($(sed -n 's/^note: GLPK//p' "$tmp/summary"))"
	short=$(grep -c '^short:' "$tmp/summary") || true
	echo "plan $name: $ms ms; $changes; $quality; $short shortfalls"
	if [ "$ms" -ge 10000 ]; then
		echo "FAIL: plan $name took $ms ms, expected under 10 s" >&2
		failed=1
	fi
done
exit "$failed"
