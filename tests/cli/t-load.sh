#!/bin/sh
# The Bamako 2007 sample event loads, holds what the brief describes, and
# goes out and back in through CSV unchanged.
. "$TESTLIB"

run summit load "$SAMPLE"
expect_rc 0 "the sample event loads"
expect_out "loaded" "load says how many records it read"
check "the loaded file is private" test "$(stat -c %a "$db")" = 600

count() { sqlite3 "$db" "$1"; }
check "at least 40 delegations" test "$(count "SELECT count(*) FROM delegations")" -ge 40
check "participants and observers" test "$(count "SELECT count(DISTINCT status) FROM delegations WHERE status IN ('participant','observer')")" = 2
check "states and organisations" test "$(count "SELECT count(*) FROM delegations WHERE kind = 'igo' AND code IN ('AU','ECOWAS','UNDP')")" = 3
run summit show delegations CIV
expect_out "Côte d'Ivoire" "Côte d'Ivoire is written as it is"
run summit show delegations STP
expect_out "São Tomé and Príncipe" "São Tomé and Príncipe is written as it is"
run summit show invitations ISR
expect_out "via         USA" "Israel's invitation goes through the United States"
run summit invitation history ISR --format tsv
expect_out "$(printf '\tsent\tdelivered\t')" "its history shows the delivery"
check "some invitations were declined" test "$(count "SELECT count(*) FROM invitations WHERE state = 'declined'")" -ge 2
check "some are unanswered" test "$(count "SELECT count(*) FROM invitations WHERE state IN ('sent','delivered','acknowledged')")" -ge 2
run summit show rooms "Salle Plénière"
expect_out "venue     Centre International de Conférences de Bamako" "the plenary hall is at the CICB"
check "several rooms for working groups" test "$(count "SELECT count(*) FROM rooms")" -ge 4
check "working groups run in parallel" test "$(count "SELECT count(*) FROM sessions a JOIN sessions b ON a.id < b.id AND a.kind = 'working-group' AND b.kind = 'working-group' AND a.start < b.\"end\" AND b.start < a.\"end\"")" -ge 1
check "civil-society meetings on the margins" test "$(count "SELECT count(*) FROM sessions WHERE kind = 'civil-society'")" -ge 2
check "the programme covers four days" test "$(count "SELECT count(DISTINCT date(start, 'unixepoch')) FROM sessions")" = 4
for hotel in Sofitel Salam Kempinski; do
	check "the $hotel hotel is there" test "$(count "SELECT count(*) FROM hotels WHERE name LIKE '%$hotel%'")" = 1
done
check "hotels are under five minutes from the venue" test "$(count "SELECT max(t.minutes) FROM travel t JOIN places a ON a.id = t.origin JOIN places b ON b.id = t.destination WHERE a.kind = 'hotel' AND b.kind = 'venue'")" -lt 5
run summit list places kind=airport --format tsv
expect_out "Bamako-Sénou" "the airport is Bamako-Sénou"
check "buses and cars" test "$(count "SELECT count(DISTINCT kind) FROM vehicles WHERE kind IN ('bus','car')")" = 2
check "some arrive after the opening began" test "$(count "SELECT count(*) FROM arrivals WHERE direction = 'arrival' AND time > (SELECT min(start) FROM sessions)")" -ge 1
check "pledges fall short of the budget" test "$(count "SELECT (SELECT sum(amount) FROM pledges) < (SELECT sum(amount) FROM costs)")" = 1
check "tasks have deadlines" test "$(count "SELECT count(*) FROM tasks WHERE due IS NOT NULL")" -ge 10

# Out to CSV and back into a new event: the same records.
run summit export csv --dir "$tmp/out"
expect_rc 0 "the event exports as a directory of CSV files"
run "$SUMMIT" --db "$tmp/copy.db" load "$tmp/out"
expect_rc 0 "the exported directory loads into a new event"
for kind in event delegations people invitations history venues rooms sessions places travel \
	hotels blocks allocations vehicles trips arrivals partners costs pledges tasks \
	accreditations badge-history; do
	if [ "$kind" = event ]; then
		a=$(summit show event --format tsv)
		b=$("$SUMMIT" --db "$tmp/copy.db" show event --format tsv)
	else
		a=$(summit list "$kind" --format tsv)
		b=$("$SUMMIT" --db "$tmp/copy.db" list "$kind" --format tsv)
	fi
	expect_same "$a" "$b" "$kind come back the same after export and load"
done

# Refusals leave nothing behind.
run summit load "$SAMPLE"
expect_rc 1 "load refuses to overwrite an event file"
expect_err "already exists" "and says so"
mkdir "$tmp/empty"
run "$SUMMIT" --db "$tmp/none.db" load "$tmp/empty"
expect_rc 1 "a directory without event.csv is refused"
expect_err "event.csv" "the message names event.csv"
check "no file is left behind" test ! -e "$tmp/none.db"
cp -r "$SAMPLE" "$tmp/typo"
mv "$tmp/typo/people.csv" "$tmp/typo/peoples.csv"
run "$SUMMIT" --db "$tmp/none.db" load "$tmp/typo"
expect_rc 1 "a misnamed file is refused"
expect_err "peoples.csv: no kind of record has that name" "the message names the file"
check "no file is left behind" test ! -e "$tmp/none.db"

done_testing
