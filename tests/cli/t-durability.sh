#!/bin/sh
# Durability (issue 12, faults 5-8): an interrupted or failing load or
# export leaves no half file or directory, a truncated export is noticed,
# a full or failing disk is named as such, and the file stays private.
# tests/fault/faultshim.so is the fault injector (see its header).
. "$TESTLIB"

# faulty MODE N CMD...: CMD with the Nth write or sync call failing (enospc,
# eio, short) or interrupted (kill, term, int).
faulty() {
	f_mode=$1 f_at=$2
	shift 2
	SUMMIT_FAULT=$f_mode SUMMIT_FAULT_AT=$f_at LD_PRELOAD="$FAULTSHIM" \
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" "$@"
}
# calls CMD...: how many write and sync calls CMD makes.
calls() {
	faulty count 0 env SUMMIT_FAULT_LOG="$tmp/calls" "$@" >/dev/null 2>&1
	cat "$tmp/calls"
}
d="$tmp/d"
mkdir "$d"
new="$d/new.db"
# Nothing in the directory: no event file, no -wal or -shm, no hidden temporary.
empty_dir() { test -z "$(ls -A "$1")"; }
no_event_file() { test ! -e "$new" && test ! -e "$new-wal" && test ! -e "$new-shm"; }

# ---- 5: an interrupted load leaves no event file, and a retry works ----
for sig in term int; do
	rm -rf "$d" && mkdir "$d"
	run faulty "$sig" 100 "$SUMMIT" --db "$new" load "$SAMPLE"
	check "load stopped by SIG$(echo $sig | tr a-z A-Z) dies of it" test "$rc" -gt 128
	check "load stopped by SIG$(echo $sig | tr a-z A-Z) leaves nothing in the directory" empty_dir "$d"
	run "$SUMMIT" --db "$new" load "$SAMPLE"
	expect_rc 0 "a retry after SIG$(echo $sig | tr a-z A-Z) loads"
done
for at in 1 100 300; do
	rm -rf "$d" && mkdir "$d"
	run faulty kill "$at" "$SUMMIT" --db "$new" load "$SAMPLE"
	check "load killed (SIGKILL) at write $at leaves no event file" no_event_file
	run "$SUMMIT" --db "$new" load "$SAMPLE"
	expect_rc 0 "a retry after SIGKILL at write $at loads"
done
for at in 1 100 300; do
	rm -rf "$d" && mkdir "$d"
	run faulty enospc "$at" "$SUMMIT" --db "$new" load "$SAMPLE"
	expect_rc 1 "load on a disk that fills at write $at is refused"
	expect_err "the disk is full" "load on a full disk says the disk is full"
	check "load on a full disk leaves nothing, not even $new-wal" empty_dir "$d"
done
rm -rf "$d" && mkdir "$d"
: >"$new"
run "$SUMMIT" --db "$new" load "$SAMPLE"
expect_rc 1 "load over an empty file left by an older summit is refused"
expect_err "$new exists and is empty, as an interrupted \`summit load\`" "and the message says what the file is"
expect_err "remove it (rm $new) and run the command again" "and how to retry"
run "$SUMMIT" --db "$new" list delegations
expect_err "$new is empty" "any verb says the file is empty, not that it is damaged"
rm "$new"
"$SUMMIT" --db "$new" init "name=Half" country=Mali city=Bamako first_day=2007-11-14 \
	last_day=2007-11-17 timezone=Africa/Bamako >/dev/null
sqlite3 "$new" "DELETE FROM event"
run "$SUMMIT" --db "$new" load "$SAMPLE"
expect_rc 1 "load over a file with no event is refused"
expect_err "$new exists but holds no event, as an interrupted \`summit load\` of an older summit leaves it" \
	"and the message says what the file is"

# ---- 6: a directory export is whole or absent; load checks its MANIFEST ----
"$SUMMIT" --db "$db" load "$SAMPLE" >/dev/null
run summit export csv --dir "$tmp/exp"
expect_rc 0 "the event exports as a directory"
check "the export has a MANIFEST" test -f "$tmp/exp/MANIFEST"
expect_same "$(grep -c '\.csv ' "$tmp/exp/MANIFEST")" "$(ls "$tmp/exp" | grep -c '\.csv$')" \
	"the MANIFEST lists every file of the export"
cut_set() { rm -rf "$tmp/cut" && cp -R "$tmp/exp" "$tmp/cut"; }
cut_set
sed -i '$d' "$tmp/cut/people.csv"
rm -rf "$d" && mkdir "$d"
run "$SUMMIT" --db "$new" load "$tmp/cut"
expect_rc 1 "a set with people.csv cut at a row's end is refused"
expect_err "$tmp/cut/people.csv has" "the message names the cut file"
expect_err "but $tmp/cut/MANIFEST expects" "and the manifest it was checked against"
check "and no event file is made" empty_dir "$d"
cut_set
head -c 3000 "$tmp/exp/trips.csv" >"$tmp/cut/trips.csv"
run "$SUMMIT" --db "$new" load "$tmp/cut"
expect_err "$tmp/cut/trips.csv has 3000 bytes" "a file cut mid-row is refused, naming it"
cut_set
rm "$tmp/cut/sessions.csv"
run "$SUMMIT" --db "$new" load "$tmp/cut"
expect_err "$tmp/cut/sessions.csv is missing: $tmp/cut/MANIFEST lists it" "a missing file is refused, naming it"
cut_set
rm "$tmp/cut/MANIFEST"
run "$SUMMIT" --db "$new" load "$tmp/cut"
expect_rc 0 "a directory without a MANIFEST (made by hand) still loads"
rm -f "$new"

# The first 9 calls make the -shm of the open file; the last three sync the
# staged directory, rename it and sync its parent.
rm -rf "$tmp/x" && mkdir "$tmp/x"
n=$(calls "$SUMMIT" --db "$db" export csv --dir "$tmp/x/backup")
check "export --dir makes at least 40 write and sync calls" test "$n" -ge 40
for mode in enospc eio; do
	for at in 10 $((n / 2)) $((n - 2)) $((n - 1)); do
		rm -rf "$tmp/x" && mkdir "$tmp/x"
		run faulty "$mode" "$at" "$SUMMIT" --db "$db" export csv --dir "$tmp/x/backup"
		expect_rc 1 "export --dir with $mode at write $at is refused"
		expect_err "cannot write $tmp/x/backup" "and the message names the directory or its file"
		check "export --dir with $mode at write $at leaves no directory, whole or part" empty_dir "$tmp/x"
	done
done
rm -rf "$tmp/x" && mkdir "$tmp/x"
summit export csv --dir "$tmp/x/backup"
before=$(cd "$tmp/x/backup" && md5sum *)
summit set delegations SEN size=99 >/dev/null
for sig in term kill; do
	run faulty "$sig" 30 "$SUMMIT" --db "$db" export csv --dir "$tmp/x/backup"
	expect_same "$(cd "$tmp/x/backup" && md5sum *)" "$before" \
		"an export over an earlier one stopped by SIG$(echo $sig | tr a-z A-Z) leaves the earlier one whole"
	[ $sig = term ] && check "SIGTERM leaves no temporary directory" test "$(ls -A "$tmp/x")" = backup
done
# SIGKILL cannot clean up: its hidden .backup.XXXXXX stays.
rm -rf "$tmp"/x/.backup.*
run summit export csv --dir "$tmp/x/backup"
expect_rc 0 "an export replaces an earlier export"
check "with the new figures" grep -q ',99,' "$tmp/x/backup/delegations.csv"
check "and nothing else is left beside it" test "$(ls -A "$tmp/x")" = backup
mkdir "$tmp/mine" && echo keep >"$tmp/mine/notes.txt"
run summit export csv --dir "$tmp/mine"
expect_rc 1 "an export into a directory holding other files is refused"
expect_err "$tmp/mine holds notes.txt, which an export does not write" "the message names the file"
check "which is kept" test "$(cat "$tmp/mine/notes.txt")" = keep

# ---- 7: a full disk, a failing disk, a file size limit, said once ----
run faulty enospc 1 "$SUMMIT" --db "$db" status
expect_rc 1 "status with a full disk is refused"
expect_err "the disk is full ($db)" "and says the disk is full"
check "not that the file is no event file" test "${err#*not a summit event file}" = "$err"
run faulty eio 1 "$SUMMIT" --db "$db" list delegations
expect_err "an I/O error on $db (Input/output error)" "a failing disk is named as an I/O error"
run faulty rofs 0 "$SUMMIT" --db "$db" set event last_day=2007-11-18
expect_rc 1 "a change on a read-only disk is refused"
expect_err "$db cannot be written" "and the message says it cannot be written"
expect_err "(a read-only file, directory or disk): nothing was changed" "and why, and that nothing changed"
rm -rf "$d" && mkdir "$d"
run faulty rofs 0 "$SUMMIT" --db "$new" load "$SAMPLE"
expect_err "$new cannot be written (a read-only file, directory or disk)" "a load onto a read-only disk says so"
check "and leaves nothing" empty_dir "$d"
snap=$(snapshot)
run faulty enospc 5 "$SUMMIT" --db "$db" import people "$SAMPLE/people.csv"
expect_rc 1 "an import on a disk that fills up is refused"
expect_err "the disk is full" "and says so"
expect_same "$(snapshot)" "$snap" "and the event is as it was"
check "and intact" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
run faulty enospc 10 "$SUMMIT" --db "$db" export csv delegations -o "$tmp/dl.csv"
expect_rc 1 "export -o on a full disk is refused"
expect_err "cannot write $tmp/dl.csv: No space left on device" "naming the file and the reason"
check "saying \"cannot write\" once" test "$(printf '%s' "$err" | grep -o 'cannot write' | wc -l)" -eq 1
check "leaving no file" test ! -e "$tmp/dl.csv" -a ! -e "$tmp/dl.csv.tmp"
rm -rf "$d" && mkdir "$d"
run sh -c 'ulimit -f 20 && exec "$0" --db "$1" load "$2"' "$SUMMIT" "$new" "$SAMPLE"
expect_rc 1 "load past \`ulimit -f\` ends with a refusal, not SIGXFSZ"
expect_err "reached the largest file this shell allows (ulimit -f)" "and says why"
check "and leaves nothing" empty_dir "$d"

# A document is written beside its file and renamed over it once whole: a
# full disk or a stop halfway leaves the last good one, and nothing hidden.
rm -rf "$d" && mkdir "$d"
for doc in "print programme --day 2007-11-15|$d/programme.pdf" "report|$d/report.md" \
	"plan rooming|$d/rooming.csv"; do
	words=${doc%%|*} file=${doc#*|}
	rm -f "$tmp/calls"
	# shellcheck disable=SC2086 # the verb's words; this run writes the good file
	n=$(calls "$SUMMIT" --db "$db" $words -o "$file")
	good=$(cksum <"$file")
	for at in $((n - 1)) "$n"; do
		# shellcheck disable=SC2086
		run faulty enospc "$at" "$SUMMIT" --db "$db" $words -o "$file"
		expect_rc 1 "$words on a disk that fills at write $at of $n is refused"
		expect_err "cannot write $file: No space left on device" "naming the file and the reason"
		check "the last good $file is kept whole" test "$(cksum <"$file")" = "$good"
		check "with nothing beside it" test "$(ls -A "$d" | grep -c "^\.")" -eq 0
	done
	# shellcheck disable=SC2086
	run faulty term $((n / 2)) "$SUMMIT" --db "$db" $words -o "$file"
	check "$words stopped by SIGTERM halfway dies of it" test "$rc" -gt 128
	check "leaving the last good $file" test "$(cksum <"$file")" = "$good"
	check "and nothing beside it" test "$(ls -A "$d" | grep -c "^\.\|tmp")" -eq 0
done
rm -f "$d/programme.pdf"
"$SUMMIT" --db "$db" print programme --day 2007-11-15 -o "$d/programme.pdf" >/dev/null
check "a document holds names: it is private to its owner, as the event is" \
	test "$(stat -c %a "$d/programme.pdf")" = 600
run "$SUMMIT" --db "$db" print badges --delegation TZA --badge NONE -o "$d/programme.pdf"
expect_rc 1 "a document that cannot be made is refused"
check "and the file it would have replaced is still there" test -s "$d/programme.pdf"

# ---- 8: a readable file is made private, with its -wal and -shm ----
for mode in 644 640 604; do
	chmod "$mode" "$db"
	run summit list delegations
	expect_rc 0 "a file with mode $mode opens"
	expect_err "warning: $db was readable by other users (mode $mode): it is private now (0600)" \
		"with a warning (mode $mode)"
	check "and it is 0600 afterwards" test "$(stat -c %a "$db")" = 600
done
run summit list delegations
check "a private file opens without a warning" test -z "$err"
# Another program holds the file open, with -wal and -shm made readable.
chmod 644 "$db"
fifo="$tmp/hold"
mkfifo "$fifo"
sqlite3 "$db" <"$fifo" >/dev/null &
holder=$!
exec 3>"$fifo"
echo "SELECT count(*) FROM delegations;" >&3
i=0
while [ ! -e "$db-shm" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
check "the -shm file of the other program is readable by others" test "$(stat -c %a "$db-shm")" = 644
run summit list delegations
check "summit makes -wal private" test "$(stat -c %a "$db-wal")" = 600
check "and -shm" test "$(stat -c %a "$db-shm")" = 600
exec 3>&-
wait $holder
if [ "$(id -u)" = 0 ] && chown nobody "$db" 2>/dev/null; then
	chmod 644 "$db"
	run summit list delegations
	expect_err "$db is readable by other users (mode 644) and is not yours to change: ask its owner to run chmod 600 $db" \
		"a readable file of another user: the warning says whose it is to fix"
	chown 0 "$db" && chmod 600 "$db"
fi

done_testing
