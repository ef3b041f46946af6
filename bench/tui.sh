#!/bin/sh
# How fast the terminal UI answers on a climate-conference-sized event
# (sample-data/generate-large.sh: 40,000 people, 4,000 sessions, 20,000
# trips), against the sample event measured in the same run. Drives the
# real program in tmux: the time from launch to the first full screen, from
# a key to each planning view and to its next day, and from a key press to
# the screen that answers it in the list of every person (the largest
# table).
#
#   bench/tui.sh      (SUMMIT=path/to/summit, SAMPLE=sample-data/bamako-2007;
#                      LARGE_DB=FILE LARGE_TODAY=DATE: an event already loaded)
#
# Not part of `make check`: figures depend on the machine. `make bench`
# runs it.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
SUMMIT=${SUMMIT:-$here/src/summit}
SAMPLE=${SAMPLE:-$here/sample-data/bamako-2007}
presses=${PRESSES:-20}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/summit-bench.XXXXXX")
sock="${BENCH_TMUX:-summit-bench}-$$"
TMUX_TMPDIR=$tmp
export TMUX_TMPDIR LANG=C.UTF-8
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT

now() { date +%s%N; }
screen() { tmux -L "$sock" capture-pane -p -t bench 2>/dev/null; }
# Polls every few milliseconds until the screen shows $1; prints the
# milliseconds since $2 (nanoseconds), or fails after 60 s.
until_shown() {
	while :; do
		case $(screen) in *"$1"*) break ;; esac
		[ $(($(now) - $2)) -lt 60000000000 ] || { echo "timeout waiting for: $1" >&2; exit 1; }
	done
	echo $((($(now) - $2) / 1000000))
}
# Until the screen no longer shows $1; the milliseconds since $2.
until_gone() {
	while :; do
		case $(screen) in *"$1"*) ;; *) break ;; esac
		[ $(($(now) - $2)) -lt 60000000000 ] || { echo "timeout waiting for: $1 to go" >&2; exit 1; }
	done
	echo $((($(now) - $2) / 1000000))
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# Until the screen's second line (the title of the view) starts with $1.
until_title() {
	while :; do
		case $(screen | sed -n 2p) in "$1"*) break ;; esac
		[ $(($(now) - $2)) -lt 60000000000 ] || { echo "timeout waiting for: $1" >&2; exit 1; }
	done
	echo $((($(now) - $2) / 1000000))
}
# Until the screen's third line (a view's day) is no longer $1.
until_changed() {
	while :; do
		[ "$(screen | sed -n 3p)" != "$1" ] && break
		[ $(($(now) - $2)) -lt 60000000000 ] || { echo "timeout waiting for the next day" >&2; exit 1; }
	done
	echo $((($(now) - $2) / 1000000))
}
# view KEY TITLE [days]: prints the time to open the view, and to its
# next day (Right) when it has days.
view() {
	t=$(now)
	tmux -L "$sock" send-keys -t bench "$1"
	printf '%s ' "$(until_title "$2" "$t")"
	if [ -n "${3:-}" ]; then
		day=$(screen | sed -n 3p)
		t=$(now)
		tmux -L "$sock" send-keys -t bench Right
		printf '%s ' "$(until_changed "$day" "$t")"
	fi
}

# The baseline: the sample event. The large one: generated.
"$SUMMIT" --db "$tmp/small.db" load "$SAMPLE" >/dev/null
if [ -n "${LARGE_DB:-}" ]; then
	cp "$LARGE_DB" "$tmp/large.db"
else
	sh "$here/sample-data/generate-large.sh" "$tmp/large" >/dev/null 2>&1
	"$SUMMIT" --db "$tmp/large.db" load "$tmp/large" >/dev/null
fi

# measure NAME DB TODAY TRANSPORT-NEXT-DAY: prints "NAME people first-screen programme
# programme-next-day hotels transport transport-next-day problems key-median
# key-max sorted-median end search-median"
measure() {
	total=$(sqlite3 "$2" "SELECT count(*) FROM people")
	start=$(now)
	tmux -L "$sock" -f /dev/null -u new-session -d -s bench -x 80 -y 24 \
		"env TERM=tmux-256color SUMMIT_KEY_LOG='$tmp/$1.keys' '$SUMMIT' --db '$2' --today $3"
	first=$(until_shown "days left" "$start")
	# The problems are counted after the first screen: until they show.
	counted=$(until_gone "..." "$start")
	views=$(view 4 Programme days; view 5 Hotels; view 6 Transport days;
		view 9 Problems)
	# The list of every person: Records, then people.
	tmux -L "$sock" send-keys -t bench 0
	until_shown "Records of every kind" "$(now)" >/dev/null
	tmux -L "$sock" send-keys -t bench j j Enter
	until_shown "1 of $total people" "$(now)" >/dev/null
	: >"$tmp/keys"
	i=1
	while [ $i -le "$presses" ]; do
		t=$(now)
		tmux -L "$sock" send-keys -t bench j
		until_shown "$((i + 1)) of $total people" "$t" >>"$tmp/keys"
		i=$((i + 1))
	done
	t=$(now)
	tmux -L "$sock" send-keys -t bench G
	end=$(until_shown "$total of $total people" "$t")
	# Sorted by name: every page is an ORDER BY over the whole table.
	tmux -L "$sock" send-keys -t bench s
	until_shown "Sort by" "$(now)" >/dev/null
	tmux -L "$sock" send-keys -t bench j j j Enter
	until_shown "name ^" "$(now)" >/dev/null
	: >"$tmp/sorted"
	i=1
	while [ $i -le "$presses" ]; do
		t=$(now)
		tmux -L "$sock" send-keys -t bench j
		until_shown "$((i + 1)) of $total people" "$t" >>"$tmp/sorted"
		i=$((i + 1))
	done
	# Search as one types: each key re-counts and re-reads the list.
	tmux -L "$sock" send-keys -t bench c /
	until_shown "/" "$(now)" >/dev/null
	: >"$tmp/search"
	typed=
	for letter in t r a o r e; do
		typed=$typed$letter
		t=$(now)
		tmux -L "$sock" send-keys -t bench "$letter"
		until_shown "search \"$typed\"" "$t" >>"$tmp/search"
	done
	tmux -L "$sock" kill-server
	sleep 0.2
	echo "$1 $total $first $counted $views $(median <"$tmp/keys") $(sort -n "$tmp/keys" | tail -n 1) $(median <"$tmp/sorted") $end $(median <"$tmp/search")"
}

small=$(measure sample "$tmp/small.db" 2007-11-07)
large=$(measure large "$tmp/large.db" "${LARGE_TODAY:-2027-11-01}")
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
echo "machine: $(nproc 2>/dev/null || echo '?') CPUs, ${cpu:-unknown CPU}, $(uname -sr)"
echo "$small
$large" | awk '
	{ for (i = 1; i <= NF; i++) v[NR, i] = $i }
	function row(label, i) {
		printf "%-30s %12d %12d %8s\n", label, v[1, i], v[2, i],
			(v[1, i] > 0 ? sprintf("%.1fx", v[2, i] / v[1, i]) : "-")
	}
	END {
		printf "%-30s %12s %12s %8s\n", "milliseconds", v[1, 1] " (" v[1, 2] ")", v[2, 1] " (" v[2, 2] ")", "ratio"
		row("first screen (dashboard)", 3)
		row("dashboard with its problems", 4)
		row("key 4: programme", 5)
		row("programme, next day", 6)
		row("key 5: hotels", 7)
		row("key 6: transport", 8)
		row("transport, next day", 9)
		row("key 9: problems (all checks)", 10)
		row("people list: key j, median", 11)
		row("people list: key j, slowest", 12)
		row("key j, sorted by name", 13)
		row("key G (to the last row)", 14)
		row("search, a letter typed", 15)
		print "(each figure includes tmux and capture-pane polling, a few ms)"
	}'
# The same keys timed inside the process (SUMMIT_KEY_LOG: from a key's
# arrival to the screen drawn again), without tmux's share.
for name in sample large; do
	sort -k2 -n "$tmp/$name.keys" | awk -v name="$name" '
		{ v[NR] = $2 / 1000 }
		END { printf "in the process, %s: %d keys, median %.1f ms, 90%% %.1f ms, slowest %.1f ms\n",
			name, NR, v[int((NR + 1) / 2)], v[int(NR * 0.9) + 1], v[NR] }'
done
