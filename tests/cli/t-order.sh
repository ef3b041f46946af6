#!/bin/sh
# summit order: protocol precedence and the plenary seating plan, checked
# as properties of the order on the sample event.
. "$TESTLIB"

"$SUMMIT" --db "$db" load "$SAMPLE" >/dev/null || { echo "Bail out! load"; exit 1; }

run summit order --letter K --format tsv
expect_rc 0 "order prints"
# place, code, name, rank, status, kind
rows=$(printf '%s\n' "$out" | sed 1d)
groups=$(printf '%s\n' "$rows" | awk -F'\t' '{ g = ($5 == "participant" ? 0 : $5 == "observer" ? 1 : 2) * 2 + ($6 != "state"); print g }')
check "participants before observers, states before organisations" \
	test "$groups" = "$(printf '%s\n' "$groups" | sort -n)"
rank_of() { awk -F'\t' '{ split("head-of-state head-of-government vice-president minister deputy-minister ambassador", r, " "); n = 7; for (i = 1; i <= 6; i++) if ($4 == r[i]) n = i; print n }'; }
states=$(printf '%s\n' "$rows" | awk -F'\t' '$5 == "participant" && $6 == "state"')
ranks=$(printf '%s\n' "$states" | rank_of)
check "within participating states, by rank of the head" \
	test "$ranks" = "$(printf '%s\n' "$ranks" | sort -n)"
heads=$(printf '%s\n' "$states" | awk -F'\t' '$4 == "head-of-state" { print $3 }')
first=$(printf '%s\n' "$heads" | head -1)
check "the heads of state start from the letter drawn (K: Liberia)" test "$first" = "Liberia"
after=$(printf '%s\n' "$heads" | awk '{ print (substr($0, 1, 1) >= "K") ? 0 : 1 }')
check "names from K on first, then A to J, each alphabetical" \
	test "$after" = "$(printf '%s\n' "$after" | sort -n)"
expected=$(sqlite3 "$db" "SELECT count(*) FROM delegations d LEFT JOIN invitations i ON i.delegation = d.id WHERE i.id IS NULL OR i.state = 'accepted'")
check "every expected delegation has one place ($expected)" test "$(printf '%s\n' "$rows" | wc -l)" -eq "$expected"
check "a declined delegation takes no place" sh -c "! printf '%s\n' \"\$1\" | grep -q \"\$(sqlite3 '$db' \"SELECT d.code FROM delegations d JOIN invitations i ON i.delegation = d.id WHERE i.state = 'declined' LIMIT 1\")	\"" - "$rows"

run summit order --seed 2007
a=$out
run summit order --seed 2007
expect_out "letter drawn by lot (seed 2007):" "a seeded draw prints its letter"
expect_same "$a" "$out" "the same seed draws the same order"

run summit order --letter K --host first --format tsv
check "--host first seats Mali first" test "$(printf '%s\n' "$out" | sed -n 2p | cut -f2)" = MLI
run summit order --letter K --host last --format tsv
check "--host last seats Mali last" test "$(printf '%s\n' "$out" | tail -1 | cut -f2)" = MLI

summit set delegations CIV "name_fr=Côte d'Ivoire" >/dev/null
summit set delegations DEU name_fr=Allemagne >/dev/null
run summit order --french --letter A --format tsv
pos_deu=$(printf '%s\n' "$out" | awk -F'\t' '$2 == "DEU" { print $1 }')
pos_can=$(printf '%s\n' "$out" | awk -F'\t' '$2 == "CAN" { print $1 }')
check "--french sorts Germany as Allemagne, before Canada" test "$pos_deu" -lt "$pos_can"

run summit order --letter K --seating 10 --format csv
out=$(printf "%s\n" "$out" | tr -d "\r")
expect_rc 0 "seating plan as CSV"
check "CSV header row,seat,code,name" test "$(printf '%s\n' "$out" | head -1)" = "row,seat,code,name"
seats=$(printf '%s\n' "$out" | sed 1d)
check "rows of at most 10 seats" test "$(printf '%s\n' "$seats" | awk -F, '$2 > 10' | wc -l)" -eq 0
check "one seat per delegation" test "$(printf '%s\n' "$seats" | wc -l)" -eq "$expected"
check "no seat given twice" test "$(printf '%s\n' "$seats" | cut -d, -f1,2 | sort | uniq -d | wc -l)" -eq 0
run summit order --letter K --seating 10
check "text seating plan: row 1 starts with Liberia" contains "$(printf '%s\n' "$out" | head -1)" "row  1  LBR"

run summit order --letter 7
expect_rc 2 "a letter that is not A-Z is a usage error"
expect_err "expected one letter A to Z" "and says what was expected"
run summit order --seating 0
expect_rc 2 "a seating width of 0 is refused"
run summit order --letter K --seed 3
expect_rc 2 "--letter and --seed together are refused"

done_testing
