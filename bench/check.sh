#!/bin/sh
# How long `summit check` takes on a climate-conference-sized event
# (sample-data/generate-large.sh), against baselines measured in the same
# run on the same file: listing the 40,000 people as TSV, and sqlite3
# counting the rows of every table. Prints the machine, the times (best of
# RUNS) and the ratios; fails when check takes a second or more.
#
# usage: SUMMIT=src/summit bench/check.sh   (or `make bench`)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
summit=${SUMMIT:-$here/src/summit}
runs=${RUNS:-5}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/summit-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LANG=C.UTF-8
unset SUMMIT_DB

now() { date +%s%N; }
# best CMD...: the fastest of $runs runs, in milliseconds.
best() {
	b=
	i=0
	while [ "$i" -lt "$runs" ]; do
		t0=$(now)
		"$@" >/dev/null
		t1=$(now)
		t=$(((t1 - t0) / 1000000))
		if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
		i=$((i + 1))
	done
	echo "$b"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b ? a / b : 0 }'; }

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
echo "machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $(uname -sr)"

t0=$(now)
"$here/sample-data/generate-large.sh" "$tmp/event" 2>"$tmp/generated"
t1=$(now)
echo "generate: $(cat "$tmp/generated") in $(((t1 - t0) / 1000000)) ms"
t0=$(now)
"$summit" --db "$tmp/event.db" load "$tmp/event" >/dev/null
t1=$(now)
echo "load: $(((t1 - t0) / 1000000)) ms"

# A week before the event, as the generator's planted problems assume.
check_ms=$(best "$summit" --db "$tmp/event.db" --today 2027-11-01 check --format tsv)
found=$("$summit" --db "$tmp/event.db" --today 2027-11-01 check --format tsv | tail -n +2 | wc -l) || true
list_ms=$(best "$summit" --db "$tmp/event.db" list people --format tsv)
count_sql=
for t in delegations people sessions session_delegations hotels allocations vehicles \
	trips trip_riders arrivals; do
	count_sql="$count_sql SELECT '$t', count(*) FROM $t;"
done
count_ms=$(best sqlite3 "$tmp/event.db" "$count_sql")

echo "summit check: $check_ms ms ($found problems), best of $runs"
echo "baseline summit list people --format tsv: $list_ms ms"
echo "baseline sqlite3 counting rows: $count_ms ms"
echo "ratio check / list people: $(ratio "$check_ms" "$list_ms")"
echo "ratio check / sqlite3 count: $(ratio "$check_ms" "$count_ms")"
if [ "$check_ms" -ge 1000 ]; then
	echo "FAIL: summit check took $check_ms ms, expected well under a second" >&2
	exit 1
fi
