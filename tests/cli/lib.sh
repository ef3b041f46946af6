# Helpers for the CLI tests: each test script drives the built summit
# ($SUMMIT) and prints TAP. Source it first thing.
set -u

test_count=0
test_failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/summit-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
db="$tmp/event.db"
export LANG=C.UTF-8
unset SUMMIT_DB SUMMIT_TODAY

# summit with the test's event file.
summit() { "$SUMMIT" --db "$db" "$@"; }

# run CMD...: runs it, keeping $rc, $out (stdout) and $err (stderr).
run() {
	"$@" >"$tmp/stdout" 2>"$tmp/stderr"
	rc=$?
	out=$(cat "$tmp/stdout")
	err=$(cat "$tmp/stderr")
}

pass() {
	test_count=$((test_count + 1))
	echo "ok $test_count - $1"
}

fail() {
	test_count=$((test_count + 1))
	test_failed=$((test_failed + 1))
	echo "not ok $test_count - $1"
	shift
	for line in "$@"; do printf '%s\n' "$line" | sed 's/^/# /'; done
}

# check DESCRIPTION CONDITION...: passes when the shell condition holds.
check() {
	desc=$1
	shift
	if "$@"; then pass "$desc"; else fail "$desc" "condition: $*" "rc=${rc-} out=${out-}" "err=${err-}"; fi
}

expect_rc() { check "$2 (exit $1)" test "$rc" -eq "$1"; }
expect_out() { check "$2" contains "$out" "$1"; }
expect_err() { check "$2" contains "$err" "$1"; }
expect_same() { check "$3" test "$1" = "$2"; }
contains() { case "$1" in *"$2"*) return 0 ;; *) return 1 ;; esac; }

# The database's whole content, to show a refused change left it alone.
snapshot() { sqlite3 "$db" .dump; }

# A small event to start from.
new_event() {
	rm -f "$db" "$db-wal" "$db-shm"
	"$SUMMIT" --db "$db" init "name=Test Ministerial" country=Mali city=Bamako \
		first_day=2007-11-14 last_day=2007-11-17 timezone="${1:-Africa/Bamako}" \
		currency=XOF >/dev/null || { echo "Bail out! cannot create an event"; exit 1; }
}

done_testing() {
	echo "1..$test_count"
	[ "$test_failed" -eq 0 ]
}
