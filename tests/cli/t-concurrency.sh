#!/bin/sh
# Two planners on one file, and a planner whose import is killed halfway.
. "$TESTLIB"
new_event

# Two writers at once: every change lands, none fails on a busy file.
writer() {
	i=1
	while [ $i -le 30 ]; do
		code=$(printf '%s%03d' "$1" $i)
		summit add delegations code="$code" name="Delegation $code" kind=state \
			status=participant >/dev/null 2>>"$tmp/writer-$1.err" || echo fail >>"$tmp/failed"
		i=$((i + 1))
	done
}
writer A &
pid_a=$!
writer B &
pid_b=$!
wait $pid_a $pid_b
check "no write failed while the other planner wrote" test ! -e "$tmp/failed"
check "nothing was said about a busy file" test ! -s "$tmp/writer-A.err" -a ! -s "$tmp/writer-B.err"
check "both planners' 60 delegations are in the file" \
	test "$(sqlite3 "$db" "SELECT count(*) FROM delegations")" = 60

# A reader is not blocked by a writer's long import (WAL).
awk 'BEGIN { print "delegation,name"; for (i = 1; i <= 20000; i++) printf "A001,Person %d\n", i }' \
	>"$tmp/people.csv"
summit import people "$tmp/people.csv" >/dev/null &
pid=$!
run summit list delegations code=B030 --format tsv
expect_out "B030" "a planner reads while another imports"
wait $pid
check "the import finished" test "$(sqlite3 "$db" "SELECT count(*) FROM people")" = 20000

# An import killed halfway leaves the file as it was before it began.
awk 'BEGIN { print "delegation,name"; for (i = 1; i <= 60000; i++) printf "B001,Person %d\n", i }' \
	>"$tmp/more.csv"
before=$(sqlite3 "$db" "SELECT count(*) FROM people")
summit import people "$tmp/more.csv" >/dev/null 2>&1 &
pid=$!
# Kill it once it has begun writing to the write-ahead log.
n=0
while [ ! -s "$db-wal" ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
check "the write-ahead log is private too" test "$(stat -c %a "$db-wal" 2>&1)" = 600
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
after=$(sqlite3 "$db" "SELECT count(*) FROM people")
check "a killed import added all or nothing ($before then $after)" \
	test "$after" = "$before" -o "$after" = $((before + 60000))
check "the file is intact after the kill" \
	test "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok
run summit add delegations code=AFTER name=After kind=state status=participant
expect_rc 0 "the file takes changes again after the kill"
check "the file is still private" test "$(stat -c %a "$db")" = 600

done_testing
