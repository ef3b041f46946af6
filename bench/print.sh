#!/bin/sh
# How long `summit print badges` takes for the 40,000 people of a
# climate-conference-sized event (sample-data/generate-large.sh), each with
# an approved badge, against the sample event's badges printed in the same
# run: the time of each, the time a badge, the size of the PDF, and the
# ratio of the two per-badge times (near 1 means the cost grows with the
# number of badges and nothing else). Checks that the file has a page a
# badge and that a badge's QR code decodes.
#
# usage: SUMMIT=src/summit SAMPLE=sample-data/bamako-2007 bench/print.sh
#        (or `make bench`)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
summit=${SUMMIT:-$here/src/summit}
sample=${SAMPLE:-$here/sample-data/bamako-2007}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/summit-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LANG=C.UTF-8
unset SUMMIT_DB SUMMIT_TODAY

now() { date +%s%N; }
ms() { echo $((($(now) - $1) / 1000000)); }

"$here/sample-data/generate-large.sh" "$tmp/large" 2>/dev/null
# Every person of the large event gets an approved badge.
awk -F, 'NR == 1 { print "badge,person,state"; next } { printf "L-%06d,%s,approved\n", $1, $1 }' \
	"$tmp/large/people.csv" >"$tmp/large/accreditations.csv"
"$summit" --db "$tmp/large.db" load "$tmp/large" >/dev/null
"$summit" --db "$tmp/sample.db" load "$sample" >/dev/null

t0=$(now)
small=$("$summit" --db "$tmp/sample.db" print badges -o "$tmp/sample.pdf" | awk '{ print $2 }')
small_ms=$(ms "$t0")
t0=$(now)
large=$("$summit" --db "$tmp/large.db" print badges -o "$tmp/large.pdf" | awk '{ print $2 }')
large_ms=$(ms "$t0")

pages=$(pdfinfo "$tmp/large.pdf" | awk '/^Pages:/ { print $2 }')
[ "$pages" -eq "$large" ] || { echo "print.sh: $pages pages for $large badges" >&2; exit 1; }
pdftoppm -png -r 150 -f "$pages" -l "$pages" "$tmp/large.pdf" "$tmp/last"
qr=$(zbarimg -q "$tmp"/last-*.png 2>/dev/null || true)
case $qr in QR-Code:L-*) ;; *) echo "print.sh: the last badge's QR code did not decode" >&2; exit 1 ;; esac

echo "machine: $(nproc) cores, $(uname -m), $(awk '/MemTotal/ { print int($2 / 1024) " MB" }' /proc/meminfo)"
echo "sample: $small badges in $small_ms ms ($(awk -v t="$small_ms" -v n="$small" 'BEGIN { printf "%.2f", t / n }') ms a badge)"
echo "large:  $large badges in $large_ms ms ($(awk -v t="$large_ms" -v n="$large" 'BEGIN { printf "%.2f", t / n }') ms a badge), $(($(stat -c %s "$tmp/large.pdf") / 1048576)) MB of PDF"
echo "ratio of the times a badge, large / sample: $(awk -v a="$large_ms" -v n="$large" -v b="$small_ms" -v m="$small" 'BEGIN { printf "%.2f", (a / n) / (b / m) }')"
echo "the last badge's QR code reads $qr"
