#!/bin/sh
# How fast the terminal UI answers on a large event, against the sample
# event measured in the same run. Drives the real program in tmux: the time
# from launch to the first full screen, and from a key press to the screen
# that answers it, in the list of every person (the largest table).
#
#   bench/tui.sh [PEOPLE]      (default 40000; SUMMIT=path/to/summit)
#
# Not part of `make check`: figures depend on the machine. `make bench`
# runs it.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
SUMMIT=${SUMMIT:-$here/src/summit}
SAMPLE=${SAMPLE:-$here/sample-data/bamako-2007}
people=${1:-40000}
presses=${PRESSES:-20}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/summit-bench.XXXXXX")
sock="summit-bench-$$"
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
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# The baseline: the sample event. The large one: the sample and 200 more
# delegations with invitations and flights, and $people people among them.
awk 'BEGIN { print "code,name,kind,status,size"
	for (i = 1; i <= 200; i++) printf "D%03d,Delegation number %d,state,participant,%d\n", i, i, 200 }' \
	>"$tmp/delegations.csv"
awk 'BEGIN { print "delegation,state,channel"
	for (i = 1; i <= 200; i++) printf "D%03d,%s,direct\n", i, i % 3 ? "draft" : "draft" }' \
	>"$tmp/invitations.csv"
awk -v n="$people" 'BEGIN { print "delegation,name,title,role"
	for (i = 1; i <= n; i++)
		printf "D%03d,Person %06d Ndiaye-Traoré,Adviser,member\n", (i % 200) + 1, i }' \
	>"$tmp/people.csv"
awk 'BEGIN { print "delegation,direction,flight,airport,time,party"
	for (i = 1; i <= 200; i++)
		printf "D%03d,arrival,XX %d,Bamako-Sénou International Airport,2007-11-13 %02d:%02d,%d\n",
			i, i, i % 24, i % 60, 200 }' >"$tmp/arrivals.csv"

"$SUMMIT" --db "$tmp/small.db" load "$SAMPLE" >/dev/null
cp "$tmp/small.db" "$tmp/large.db"
for kind in delegations invitations people arrivals; do
	"$SUMMIT" --db "$tmp/large.db" import "$kind" "$tmp/$kind.csv" >/dev/null
done

# measure NAME DB: prints "NAME first-screen key-median key-max sorted-median end"
measure() {
	total=$(sqlite3 "$2" "SELECT count(*) FROM people")
	start=$(now)
	tmux -L "$sock" -f /dev/null -u new-session -d -s bench -x 80 -y 24 \
		"env TERM=tmux-256color '$SUMMIT' --db '$2' --today 2007-11-07"
	first=$(until_shown "days left" "$start")
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
	echo "$1 $total $first $(median <"$tmp/keys") $(sort -n "$tmp/keys" | tail -n 1) $(median <"$tmp/sorted") $end $(median <"$tmp/search")"
}

small=$(measure sample "$tmp/small.db")
large=$(measure large "$tmp/large.db")
echo "$small
$large" | awk '
	{ name[NR] = $1; n[NR] = $2; first[NR] = $3; key[NR] = $4; worst[NR] = $5; sorted[NR] = $6; end[NR] = $7; search[NR] = $8 }
	function ratio(a, b) { return b > 0 ? sprintf("%.1fx", a / b) : "-" }
	END {
		printf "%-26s %12s %12s %8s\n", "milliseconds", name[1] " (" n[1] ")", name[2] " (" n[2] ")", "ratio"
		printf "%-26s %12d %12d %8s\n", "first screen", first[1], first[2], ratio(first[2], first[1])
		printf "%-26s %12d %12d %8s\n", "key j, median", key[1], key[2], ratio(key[2], key[1])
		printf "%-26s %12d %12d %8s\n", "key j, slowest", worst[1], worst[2], ratio(worst[2], worst[1])
		printf "%-26s %12d %12d %8s\n", "key G (to the last row)", end[1], end[2], ratio(end[2], end[1])
		printf "%-26s %12d %12d %8s\n", "key j, sorted by name", sorted[1], sorted[2], ratio(sorted[2], sorted[1])
		printf "%-26s %12d %12d %8s\n", "search, a letter typed", search[1], search[2], ratio(search[2], search[1])
		print "(each figure includes tmux and capture-pane polling, a few ms)"
	}'
