#!/bin/sh
# The command line's common rules on the sample event: exit codes and
# messages, format names, money as people read it, references typed
# without regard to case and accents, CSV files as spreadsheets write them,
# the programme by day and by delegation, and removal with what depends on it.
. "$TESTLIB"

summit load "$SAMPLE" >/dev/null || { echo "Bail out! cannot load the sample"; exit 1; }

# ---- exit codes: 2 when the words are off, 1 when a value is refused ----
run summit list rooms --colour
expect_rc 2 "an unknown option is a usage error"
expect_err 'summit: list: unknown option "--colour"' "named after summit: and the verb"
expect_err "usage: summit list" "with the usage line"
run summit list rooms --format
expect_rc 2 "an option without its value is a usage error"
expect_err "summit: list: --format needs a value" "and says which"
run "$SUMMIT" --db "$db" --frobnicate status
expect_rc 2 "an unknown global option is a usage error"
expect_err 'summit: unknown option "--frobnicate"' "with the summit: prefix"
run summit add rooms "name=Salle 9" capacity
expect_rc 2 "a word without = is a usage error"
run summit set rooms "Salle Bani" colour=red
expect_rc 2 "an unknown field is a usage error"
run summit check --day 2007-13-01
expect_rc 1 "a bad date for --day is refused, not a usage error"
run summit --today 2007-02-30 status
expect_rc 1 "a bad --today is refused"
run summit list rooms --format xml
expect_rc 1 "an unknown format is refused"
expect_err '--format: got "xml", expected table, tsv, json or csv' "naming the formats"

# ---- one set of format names ----
for verb in "list rooms" "show delegations SEN" "check" "status"; do
	# shellcheck disable=SC2086
	run summit --today 2007-11-07 $verb --format table
	check "$verb takes --format table" test "$rc" -le 1 -a -n "$out"
done
run summit --today 2007-11-07 check --format text
check "check still takes --format text for table" test "$rc" -le 1
run summit --today 2007-11-07 status --format tsv
expect_rc 0 "status prints TSV"
expect_out "$(printf 'figure\tvalue')" "with a header row"
expect_out "$(printf 'today\t2007-11-07')" "today as a row"
expect_out "$(printf 'accepted_without_hotel\t')" "the same figures as the JSON"
expect_out "$(printf 'invitations.accepted\t')" "invitations by state"

# ---- money grouped as shown, and accepted as shown ----
run summit --today 2007-11-07 status
expect_out "need 763 000 000 XOF, pledged 652 000 000 XOF" "status groups the amounts"
run summit --today 2007-11-07 check --only pledges-short
expect_out "Pledges total 652 000 000 XOF against a budget of 763 000 000 XOF" \
	"check groups the amounts as status does"
run summit list costs
expect_out "140 000 000" "a list groups amounts"
run summit list costs --format tsv
expect_out "$(printf '\t140000000\t')" "TSV keeps the digits alone"
run summit set pledges 1 "amount=180 000 000.50"
expect_rc 0 "an amount typed as shown is accepted"
check "and stored exactly" test "$(sqlite3 "$db" 'SELECT amount FROM pledges WHERE id = 1')" = 18000000050
run summit set pledges 1 "amount=18 00 000"
expect_rc 1 "groups that are not of three digits are refused"

# ---- references without regard to case and accents ----
run summit show hotels "hotel salam"
expect_out "Hôtel Salam" "a hotel typed without accent or capitals is found"
run summit show rooms "Salle Pleniere"
expect_out "Salle Plénière" "a room typed without accents is found"
run summit show delegations isr
expect_out "ISR" "a code in lower case is found"
run summit show hotels Salam
expect_rc 1 "a part of a name is not taken for the name"
expect_err 'did you mean "Hôtel Salam"?' "but it is suggested"
run summit add allocations "hotel=sofitel l'amitie" delegation=sen night=2007-11-14 rooms=1
expect_rc 0 "a reference in a field is matched the same way"
run summit add allocations hotel=salam delegation=SEN night=2007-11-14 rooms=1
expect_err 'no such hotel (did you mean "Hôtel Salam"?)' "and a miss in a field suggests too"

# ---- CSV as spreadsheets write it ----
printf 'Delegation;NAME;Role\r\nMLI;Awa Traoré;member\r\nSEN;Ndèye Fall;member\r\n' >"$tmp/fr.csv"
run summit import people "$tmp/fr.csv"
expect_rc 0 "a semicolon-separated file with headers in any case imports"
expect_out "imported 2 people" "both rows"
printf 'delegation\tname\nCIV\tKouassi Yao\n' >"$tmp/tab.csv"
run summit import people "$tmp/tab.csv"
expect_out "imported 1 person" "a tab-separated file imports"
before=$(snapshot)
{
	echo "delegation,name,role"
	echo "MLI,Fine,member"
	echo "XXX,Nobody,member"
	echo "SEN,,member"
	echo "CIV,Jean,boss"
	for i in $(seq 1 22); do echo "ZZ$i,Someone,member"; done
} >"$tmp/bad.csv"
run summit import people "$tmp/bad.csv"
expect_rc 1 "a file with bad rows is refused"
expect_err "bad.csv:3: column delegation" "the first bad row is named"
expect_err "bad.csv:4: column name: missing" "and the second"
expect_err "bad.csv:5: column role" "and the third, in one run"
expect_err "and 5 more bad rows" "past twenty, the rest are counted"
expect_err "25 rows refused" "with the total"
check "nothing was imported" test "$(snapshot)" = "$before"

# ---- the programme by day and by delegation ----
run summit list sessions delegation=ISR --format tsv
check "ISR is expected at the 23 sessions of its calendar" \
	test "$(printf '%s\n' "$out" | sed 1d | wc -l)" -eq 23
run summit export ics --delegation ISR
check "as many as its calendar holds" \
	test "$(printf '%s\n' "$out" | grep -c '^SUMMARY:.*' )" -ge 23
run summit list sessions day=2007-11-15 --format tsv
days=$(printf '%s\n' "$out" | sed 1d | cut -f5 | cut -c1-10 | sort -u)
expect_same "$days" "2007-11-15" "day= keeps the sessions starting that day"
run summit list sessions day=2007-11-15 kind=working-group --format tsv
check "day= goes with the other filters" \
	test "$(printf '%s\n' "$out" | sed 1d | cut -f3 | sort -u)" = working-group
run summit list sessions day=15-11-2007
expect_rc 1 "a bad day is refused"
run summit list sessions delegation=XXX
expect_rc 1 "an unknown delegation is refused"

# ---- remove --cascade ----
run summit remove delegations ISR
expect_rc 1 "a delegation in use is not removed"
expect_err "still used by 3 people" "and what uses it is named"
before=$(snapshot)
run summit remove --cascade --dry-run delegations ISR
expect_rc 0 "--dry-run says what would go"
expect_out "removed person #" "its people"
expect_out "removed invitation ISR" "its invitation"
expect_out "removed arrival #" "its flights"
expect_out "riders without person #" "and the trips that carried them"
check "--dry-run changes nothing" test "$(snapshot)" = "$before"
run summit remove --cascade --dry-run delegations USA
expect_out "changed invitation ISR: via without delegation USA" \
	"an invitation delivered through a removed delegation only loses its via"
run summit remove --cascade delegations ISR
expect_rc 0 "--cascade removes it"
check "the delegation is gone" test "$(sqlite3 "$db" "SELECT count(*) FROM delegations WHERE code = 'ISR'")" -eq 0
check "its people are gone" test "$(sqlite3 "$db" "SELECT count(*) FROM people p WHERE NOT EXISTS (SELECT 1 FROM delegations d WHERE d.id = p.delegation)")" -eq 0
check "no trip carries a removed person" test "$(sqlite3 "$db" "SELECT count(*) FROM trip_riders r WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.id = r.ref)")" -eq 0
check "the file is sound" test "$(sqlite3 "$db" 'PRAGMA foreign_key_check' | wc -l)" -eq 0

done_testing
