#!/bin/sh
# `make bench`: summit against what it is built on and against a peer, on
# the generated event at scales 0.25, 1 and 4 (sample-data/generate-large.sh,
# generated once per run). Each comparison runs summit and its baseline in
# the same run, interleaved, RUNS times, and takes medians of CPU time
# (user + system, what the machine's other load disturbs least) and of
# wall time; the ratio is of the CPU medians. Where valgrind is installed,
# callgrind's instruction counts back the ratios that wall time blurs.
# Writes bench/RESULTS.md (RESULTS=FILE elsewhere) and prints it.
#
# usage: BUILD=builddir bench/run.sh   (make bench sets BUILD)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${BUILD:-.}" && pwd)
summit=$build/src/summit
runs=${RUNS:-5}
results=${RESULTS:-$here/bench/RESULTS.md}
scales=${SCALES:-0.25 1 4}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/summit-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LANG=C.UTF-8
unset SUMMIT_DB SUMMIT_TODAY
today=2027-11-01 # a week before, as the generator's planted problems assume
for p in "$summit" "$build/bench/bare-load" "$build/bench/bare-ics" "$build/bench/bare-start" \
	"$build/bench/timed"; do
	[ -x "$p" ] || { echo "bench: $p is missing: run make bench" >&2; exit 1; }
done

now() { date +%s%N; }
# timed FILE CMD...: runs CMD once (output discarded, exit status ignored:
# check exits 1 on the planted errors) and appends "wall cpu" in ms.
timed() {
	f=$1
	shift
	"$build/bench/timed" "$@" >>"$f"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR ? v[int((NR + 1) / 2)] : 0) }'; }
# The medians of a series, to a tenth of a millisecond.
wall() { cut -d' ' -f1 "$tmp/t.$1" | median | awk '{ printf "%.1f", $1 }'; }
cpu() { cut -d' ' -f2 "$tmp/t.$1" | median | awk '{ printf "%.1f", $1 }'; }
# verdict VALUE OP TARGET: "met" or by how much it is missed.
verdict() {
	awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
		if (v == "" || v == "-") { print "not measured"; exit }
		ok = op == "<=" ? v <= t : v >= t
		if (ok) print "met"
		else if (op == "<=") printf "missed by %.0f%%\n", (v / t - 1) * 100
		else printf "missed: %.1f, not %s\n", v, t }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
# Instructions callgrind counts for CMD, or "-" without valgrind.
instructions() {
	if ! command -v valgrind >/dev/null 2>&1; then
		echo -
		return
	fi
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
		sed -n 's/.*Collected : *\([0-9]*\).*/\1/p; s/.*I *refs: *\([0-9,]*\).*/\1/p' |
		tr -d , | tail -n 1
}

md() { printf '%s\n' "$*" >>"$tmp/md"; }
: >"$tmp/md"
cpu_name=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
md "# summit benchmarks"
md ""
md "Written by \`make bench\` (bench/run.sh) on $(date -u '+%Y-%m-%d %H:%M UTC')."
md "Machine: $(nproc) CPUs, ${cpu_name:-unknown CPU}, $(uname -sr); load average" \
	"$(cut -d' ' -f1-3 /proc/loadavg) at the start."
md "Medians of $runs interleaved runs; ratios are of CPU time (user + system)."
md ""

# ---- the events, generated and loaded once ----
empty=$tmp/empty.db
"$summit" --db "$tmp/init.db" init "name=x" country=x city=x first_day=2027-11-08 \
	last_day=2027-11-19 timezone=Africa/Nairobi >/dev/null
sqlite3 "$tmp/init.db" .schema | grep -v '^CREATE TABLE sqlite_' | sqlite3 "$empty"
for s in $scales; do
	t0=$(now)
	sh "$here/sample-data/generate-large.sh" "$tmp/L$s" "$s" 2>"$tmp/generated.$s"
	t1=$(now)
	echo "generated scale $s in $(((t1 - t0) / 1000000)) ms: $(cat "$tmp/generated.$s")" >&2
	"$summit" --db "$tmp/L$s.db" load "$tmp/L$s" >/dev/null
done

# ---- each comparison at scale 1: summit and its baseline, interleaved ----
i=0
while [ $i -lt "$runs" ]; do
	rm -f "$tmp/b.db-wal" "$tmp/b.db-shm"
	cp "$empty" "$tmp/b.db"
	timed "$tmp/t.bare-load" "$build/bench/bare-load" "$tmp/b.db" "$tmp/L1"
	rm -f "$tmp/s.db"
	timed "$tmp/t.load" "$summit" --db "$tmp/s.db" load "$tmp/L1"
	timed "$tmp/t.bare-prog" "$build/bench/bare-ics" "$tmp/L1.db"
	timed "$tmp/t.prog" "$summit" --db "$tmp/L1.db" export ics
	timed "$tmp/t.py-prog" /usr/bin/python3 "$here/bench/py-ics.py" "$tmp/L1.db"
	rm -rf "$tmp/bd" "$tmp/sd" && mkdir "$tmp/bd"
	timed "$tmp/t.bare-all" "$build/bench/bare-ics" "$tmp/L1.db" --all-delegations "$tmp/bd"
	timed "$tmp/t.all" "$summit" --db "$tmp/L1.db" export ics --all-delegations "$tmp/sd"
	j=0
	while [ $j -lt 20 ]; do
		timed "$tmp/t.bare-start" "$build/bench/bare-start"
		timed "$tmp/t.start" "$summit" --version
		j=$((j + 1))
	done
	i=$((i + 1))
done
events_summit=$(cat "$tmp"/sd/*.ics | grep -c '^BEGIN:VEVENT')
events_bare=$(cat "$tmp"/bd/*.ics | grep -c '^BEGIN:VEVENT')
rows() { for t in $(sqlite3 "$1" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"); do
	printf '%s %s\n' "$t" "$(sqlite3 "$1" "SELECT count(*) FROM \"$t\"")"; done; }
same_rows=no
[ "$(rows "$tmp/s.db")" = "$(rows "$tmp/b.db")" ] && same_rows=yes
libs_summit=$(LD_DEBUG=libs "$summit" --version 2>&1 | grep -c 'calling init:' || :)
libs_bare=$(LD_DEBUG=libs "$build/bench/bare-start" 2>&1 | grep -c 'calling init:' || :)

md "## Against the limits and a peer (scale 1: 40,000 people, 4,000 sessions)"
md ""
md "| what | summit CPU ms | wall ms | baseline | CPU ms | wall ms | ratio | target | |"
md "|---|---|---|---|---|---|---|---|---|"
row() { # name key base-name base-key target-ratio
	x=$(ratio "$(cpu "$2")" "$(cpu "$4")")
	md "| $1 | $(cpu "$2") | $(wall "$2") | $3 | $(cpu "$4") | $(wall "$4") |" \
		"${x}x | within ${5}x | $(verdict "$x" "<=" "$5") |"
}
row "\`load\`" load "bench/bare-load (same rows: $same_rows)" bare-load 1.5
row "\`export ics\` programme" prog "bench/bare-ics" bare-prog 1.25
row "\`export ics --all-delegations\` ($events_summit events)" all \
	"bench/bare-ics ($events_bare events)" bare-all 1.25
x=$(ratio "$(cpu py-prog)" "$(cpu prog)")
md "| \`export ics\` programme | $(cpu prog) | $(wall prog) | python3-icalendar (bench/py-ics.py) |" \
	"$(cpu py-prog) | $(wall py-prog) | ${x}x faster | >= 10x faster | $(verdict "$x" ">=" 10) |"
md "| start-up, \`summit --version\` ($libs_summit shared objects initialised) | $(cpu start) |" \
	"$(wall start) | bench/bare-start: SQLite, libical, ncursesw ($libs_bare) | $(cpu bare-start) |" \
	"$(wall bare-start) | $(ratio "$(cpu start)" "$(cpu bare-start)")x | <= 4 ms CPU |" \
	"$(verdict "$(cpu start)" "<=" 4) |"
md ""
md "Start-up figures are per run, the median of $((runs * 20)) runs each (bench/timed:"
md "wait4's rusage and a monotonic clock around one fork and exec)."
md ""

# ---- growth: every command at every scale ----
md "## Growth from scale 0.25 to 4 (16 times the people, sessions and trips)"
md ""
header="| command |"
sep="|---|"
for s in $scales; do
	header="$header scale $s CPU ms | wall ms |"
	sep="$sep---|---|"
done
md "$header growth 0.25 to 4 (CPU) |"
md "$sep---|"
growth_runs=${GROWTH_RUNS:-3}
grow() { # name cmd... (SCALE and RUN in the command: each scale and run)
	name=$1
	shift
	line="| $name |"
	first= last=
	for s in $scales; do
		rm -f "$tmp/t.grow"
		k=0
		while [ $k -lt "$growth_runs" ]; do
			rm -rf "$tmp/gd"
			# shellcheck disable=SC2046
			timed "$tmp/t.grow" $(echo "$@" | sed "s|SCALE|$s|g; s|RUN|$k|g")
			k=$((k + 1))
		done
		c=$(cpu grow)
		line="$line $c | $(wall grow) |"
		[ -n "$first" ] || first=$c
		last=$c
	done
	md "$line $(ratio "$last" "$first")x |"
}
grow "\`load\`" "$summit" --db "$tmp/g-SCALE-RUN.db" load "$tmp/LSCALE"
grow "\`check\`" "$summit" --db "$tmp/LSCALE.db" --today $today check
grow "\`status\`" "$summit" --db "$tmp/LSCALE.db" --today $today status
grow "\`list people --format tsv\`" "$summit" --db "$tmp/LSCALE.db" list people --format tsv
grow "\`export ics\` programme" "$summit" --db "$tmp/LSCALE.db" export ics
grow "\`export ics --all-delegations\`" "$summit" --db "$tmp/LSCALE.db" export ics \
	--all-delegations "$tmp/gd"
grow "\`export ics --all-vehicles\`" "$summit" --db "$tmp/LSCALE.db" export ics \
	--all-vehicles "$tmp/gd"
md ""
md "16x the data: linear growth is 16x; \`check\`, \`status\` and the exports"
md "also pay a constant start (the zone, the schema), which shows at scale 0.25."
md ""

# ---- memory at the largest scale ----
big=$(echo "$scales" | awk '{ print $NF }')
md "## Memory at scale $big (maximum resident set)"
md ""
md "| command | MB |"
md "|---|---|"
rss() { # name cmd...
	name=$1
	shift
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -o "$tmp/rss" -f '%M' "$@" >/dev/null 2>&1 || :
		kb=$(tail -n 1 "$tmp/rss")
		md "| $name | $(awk -v k="${kb:-0}" 'BEGIN { printf "%.1f", k / 1024 }') |"
	fi
}
rm -rf "$tmp/gd"
rss "\`load\`" "$summit" --db "$tmp/m.db" load "$tmp/L$big"
rss "\`check\`" "$summit" --db "$tmp/L$big.db" --today $today check
rss "\`export ics\` programme" "$summit" --db "$tmp/L$big.db" export ics
rss "\`export ics --all-delegations\`" "$summit" --db "$tmp/L$big.db" export ics \
	--all-delegations "$tmp/gd"
[ -x /usr/bin/time ] || md "(GNU time, /usr/bin/time, is not installed: no figures.)"
md ""

# ---- instruction counts, which the machine's other load does not change ----
if [ -z "${NO_CALLGRIND:-}" ] && command -v valgrind >/dev/null 2>&1; then
	small=$(echo "$scales" | awk '{ print $1 }')
	md "## Instructions (callgrind), scale $small"
	md ""
	md "| what | summit | baseline | ratio |"
	md "|---|---|---|---|"
	rm -f "$tmp/s.db" "$tmp/b.db-wal" "$tmp/b.db-shm"
	cp "$empty" "$tmp/b.db"
	a=$(instructions "$summit" --db "$tmp/s.db" load "$tmp/L$small")
	b=$(instructions "$build/bench/bare-load" "$tmp/b.db" "$tmp/L$small")
	md "| \`load\` / bare-load | $a | $b | $(ratio "$a" "$b")x |"
	a=$(instructions "$summit" --db "$tmp/L$small.db" export ics)
	b=$(instructions "$build/bench/bare-ics" "$tmp/L$small.db")
	md "| \`export ics\` programme / bare-ics | $a | $b | $(ratio "$a" "$b")x |"
	rm -rf "$tmp/sd" "$tmp/bd" && mkdir "$tmp/bd"
	a=$(instructions "$summit" --db "$tmp/L$small.db" export ics --all-delegations "$tmp/sd")
	b=$(instructions "$build/bench/bare-ics" "$tmp/L$small.db" --all-delegations "$tmp/bd")
	md "| \`export ics --all-delegations\` / bare-ics | $a | $b | $(ratio "$a" "$b")x |"
	a=$(instructions "$summit" --version)
	b=$(instructions "$build/bench/bare-start")
	md "| \`summit --version\` / bare-start | $a | $b | $(ratio "$a" "$b")x |"
	md ""
fi

# ---- the terminal UI, in tmux ----
if command -v tmux >/dev/null 2>&1; then
	md "## The terminal UI (wall ms, tmux polling included)"
	md ""
	for s in $scales; do
		[ "$s" = 0.25 ] && continue
		md "Scale $s, against the sample event in the same run:"
		md ""
		md '```'
		LARGE_DB="$tmp/L$s.db" LARGE_TODAY=$today SUMMIT="$summit" \
			SAMPLE="$here/sample-data/bamako-2007" PRESSES=${PRESSES:-10} \
			sh "$here/bench/tui.sh" >"$tmp/tui" 2>&1 || echo "(bench/tui.sh failed)" >>"$tmp/tui"
		cat "$tmp/tui" >>"$tmp/md"
		md '```'
		md ""
		# The large event's column of a row of the table.
		large() { awk -v r="$1" 'index($0, r) == 1 { print $(NF - 1) }' "$tmp/tui"; }
		md "Scale $s: first screen $(large 'first screen') ms (target < 150:" \
			"$(verdict "$(large 'first screen')" "<=" 150)), a letter of search" \
			"$(large 'search, a letter') ms (target < 10: $(verdict "$(large 'search, a letter')" "<=" 10))."
		md ""
	done
fi

md "## Notes"
md ""
md "- The baselines are bare C programs on the same libraries (bench/bare-*.c): the"
md "  same rows into the same schema with the same pragmas, prepared statements reused,"
md "  one transaction (bare-load); the same properties built with libical one event at"
md "  a time, serialized, written and freed (bare-ics). They check nothing and say"
md "  nothing, so what separates summit from them is its own work: validation,"
md "  messages, the rules of each kind."
md "- \`--all-delegations\` is faster than its baseline: the baseline builds and"
md "  serializes every one of its events, while summit serializes each session once"
md "  for all 200 files (the public programme is in every one) and writes its text"
md "  again; the rest (nights, flights, trips) is built per file as the baseline does."
md "- CPU time is what the other processes on a shared machine disturb least; wall"
md "  time is shown beside it, and the load average at the start says how busy the"
md "  machine was. The instruction counts do not depend on it at all."
md ""
cp "$tmp/md" "$results"
cat "$results"
