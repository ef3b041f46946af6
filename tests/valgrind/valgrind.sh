#!/bin/sh
# The CLI tests with every summit run under valgrind's memcheck (issue 12):
# `make valgrind` in a build without the sanitizers. The tests keep their
# own checks; afterwards the logs are added up, and the run fails on any
# memcheck error or any definitely lost block.
#   valgrind.sh TEST.sh...   (SUMMIT, SAMPLE, TESTLIB, FAULTSHIM as for make check;
#   VALGRIND_JOBS=N test scripts at once, default 2)
set -u
if ! command -v valgrind >/dev/null; then
	echo "make valgrind needs valgrind (apt-get install valgrind)" >&2
	exit 1
fi
logs=$(mktemp -d "${TMPDIR:-/tmp}/summit-valgrind.XXXXXX")
real=$SUMMIT
supp=$(cd "$(dirname "$0")" && pwd)/fontconfig.supp
cat >"$logs/summit" <<WRAP
#!/bin/sh
exec valgrind -q --trace-children=yes --leak-check=full --show-leak-kinds=definite \\
	--errors-for-leak-kinds=definite --num-callers=30 --suppressions="$supp" \\
	--log-file="$logs/vg.%p.log" "$real" "\$@"
WRAP
chmod +x "$logs/summit"
SUMMIT="$logs/summit"
export SUMMIT
export logs
printf '%s\n' "$@" | xargs -P "${VALGRIND_JOBS:-2}" -I{} sh -c '
	tap="$logs/$(basename "$1").tap"
	if sh "$1" >"$tap" 2>&1; then
		echo "PASS: $1"
	else
		echo "FAIL: $1 ($(grep -c "^not ok" "$tap") failed, see $tap)"
		touch "$logs/failed"
	fi' sh {}
failed_tests=0
[ -e "$logs/failed" ] && failed_tests=1
runs=$(ls "$logs"/vg.*.log 2>/dev/null | wc -l)
errors=$(cat "$logs"/vg.*.log 2>/dev/null | awk '/ERROR SUMMARY:/ { n += $4 } END { print n + 0 }')
lost=$(grep -l 'definitely lost' "$logs"/vg.*.log 2>/dev/null | wc -l)
# -q prints nothing for a clean run: any line is a finding.
noisy=$(for f in "$logs"/vg.*.log; do [ -s "$f" ] && echo "$f"; done | wc -l)
echo "valgrind: $runs summit runs, $noisy with findings, $errors errors counted, $lost with definite leaks"
for f in $(for f in "$logs"/vg.*.log; do [ -s "$f" ] && echo "$f"; done | head -3); do
	echo "--- $f"
	head -40 "$f"
done
echo "logs in $logs"
[ "$failed_tests" -eq 0 ] && [ "$noisy" -eq 0 ]
