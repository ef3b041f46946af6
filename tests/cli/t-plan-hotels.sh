#!/bin/sh
# summit plan hotels: properties of the plan on crafted events (blocks never
# exceeded, one hotel per stay unless no hotel can hold it, heads in the
# preferred hotel, exact shortfalls, locked nights untouched), apply and
# undo, and on the sample event no hotel error left for `summit check`.
. "$TESTLIB"

sql() { sqlite3 "$db" "$1"; }

# Two hotels near the venue; Far is preferred for heads.
build() {
	new_event
	{
		summit add places name=BKO kind=airport
		summit add places name=CICB kind=venue
		summit add places name=Near kind=hotel
		summit add places name=Far kind=hotel
		summit add travel origin=Near destination=CICB minutes=5
		summit add travel origin=Far destination=CICB minutes=25
		summit add venues name=CICB
		summit add hotels name=Near place=Near
		summit add hotels name=Far place=Far preferred=yes
		for n in 13 14 15; do
			summit add blocks hotel=Near night=2007-11-$n rooms=10
			summit add blocks hotel=Far night=2007-11-$n rooms="$1"
		done
		# size 8: 6 rooms; size 4: 3 rooms
		summit add delegations code=AAA name=Aland kind=state status=participant size=8 rank=head-of-state
		summit add delegations code=BBB name=Borduria kind=state status=participant size=8
		summit add delegations code=CCC name=Carpania kind=state status=participant size=4
		for d in AAA BBB CCC; do
			summit add arrivals delegation=$d airport=BKO "time=2007-11-13 10:00" party=2
			summit add arrivals delegation=$d direction=departure airport=BKO "time=2007-11-16 10:00" party=2
		done
	} >/dev/null || { echo "Bail out! cannot build the event"; exit 1; }
}

over_block() {
	sql "SELECT count(*) FROM blocks b WHERE b.rooms < (SELECT coalesce(sum(rooms), 0)
		FROM allocations a WHERE a.hotel = b.hotel AND a.night = b.night)"
}
hotels_of() { sql "SELECT count(DISTINCT a.hotel) FROM allocations a JOIN delegations d ON d.id = a.delegation WHERE d.code = '$1'"; }
nights_of() { sql "SELECT group_concat(night || ':' || rooms, ' ') FROM (SELECT night, sum(rooms) AS rooms FROM allocations a JOIN delegations d ON d.id = a.delegation WHERE d.code = '$1' GROUP BY night ORDER BY night)"; }

# ---- enough rooms: 15 needed a night, 10 + 6 held ----
build 6
before=$(snapshot)
run summit plan hotels
expect_rc 0 "plan hotels proposes"
expect_out "plan hotels: 9 to add, 0 to change, 0 to remove" "a night for each delegation's 3 nights"
expect_out "gap of" "and states its gap to the bound"
expect_same "$before" "$(snapshot)" "proposing writes nothing"
run summit plan hotels --apply
expect_rc 0 "plan hotels --apply"
expect_out "applied as plan" "says it applied the plan"
check "no block is exceeded" test "$(over_block)" -eq 0
check "the head of state sleeps in the preferred hotel" \
	test "$(sql "SELECT DISTINCT h.name FROM allocations a JOIN hotels h ON h.id = a.hotel JOIN delegations d ON d.id = a.delegation WHERE d.code = 'AAA'")" = Far
for d in AAA BBB CCC; do
	check "$d has one hotel for its whole stay" test "$(hotels_of $d)" -eq 1
done
check "rooms for every night in town, three for four people" \
	test "$(nights_of BBB)" = "2007-11-13:6 2007-11-14:6 2007-11-15:6"
run summit check
check "check finds no hotel error" sh -c "! printf '%s\n' \"\$1\" | grep -q -e no-hotel -e hotel-overbooked" - "$out"
run summit plan hotels
expect_out "plan hotels: 0 to add, 0 to change, 0 to remove" "a second run keeps what the first made"

# undo puts the file back as it was
run summit plan undo
expect_rc 0 "plan undo"
expect_out "undid plan 1 (hotels): 9 changes put back" "says what it undid"
check "after undo, no allocation is left" test "$(sql "SELECT count(*) FROM allocations")" -eq 0
run summit plan undo
expect_rc 1 "nothing left to undo is refused"
expect_err "no applied plan to undo" "and says so"

# undo refused when a record the plan made changed since
summit plan hotels --apply >/dev/null
id=$(sql "SELECT min(id) FROM allocations")
summit set allocations "$id" rooms=1 >/dev/null
before=$(snapshot)
run summit plan undo
expect_rc 1 "undo refused over a change made since"
expect_err "changed since plan" "naming the record that changed"
expect_same "$before" "$(snapshot)" "and the file is unchanged"

# ---- no hotel holds BBB whole: it is split, and said so ----
build 5
run summit plan hotels --apply
expect_rc 0 "a tight event is planned"
check "no block is exceeded when tight" test "$(over_block)" -eq 0
check "every delegation still has its rooms every night" \
	test "$(nights_of AAA) $(nights_of BBB) $(nights_of CCC)" = "2007-11-13:6 2007-11-14:6 2007-11-15:6 2007-11-13:6 2007-11-14:6 2007-11-15:6 2007-11-13:3 2007-11-14:3 2007-11-15:3"
split=$(printf '%s\n' "$out" | grep -c "split across hotels")
check "exactly one delegation is split, and the plan says so" test "$split" -eq 1
check "only that one sleeps in two hotels" \
	test "$(( $(hotels_of AAA) + $(hotels_of BBB) + $(hotels_of CCC) ))" -eq 4

check "nothing is short when the rooms suffice" sh -c "! printf '%s\n' \"\$1\" | grep -q '^short:'" - "$out"

# ---- short: 15 needed, 10 + 2 held on the night of the 14th ----
build 5
summit set blocks "$(sql "SELECT b.id FROM blocks b JOIN hotels h ON h.id = b.hotel WHERE h.name = 'Far' AND night = '2007-11-14'")" rooms=2 >/dev/null
run summit plan hotels --apply
expect_rc 0 "a short event is planned as far as it goes"
shorts=$(printf '%s\n' "$out" | grep '^short:')
check "shortfalls only on the night of 2007-11-14" test "$(printf '%s\n' "$shorts" | grep -vc '2007-11-14')" -eq 0
total=$(printf '%s\n' "$shorts" | sed -n 's/.*: \([0-9]*\) rooms\{0,1\} short.*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
check "exactly 3 rooms short on that night ($total)" test "$total" -eq 3
check "every room held that night is given" \
	test "$(sql "SELECT sum(rooms) FROM allocations WHERE night = '2007-11-14'")" -eq 12
check "and no block is exceeded" test "$(over_block)" -eq 0

# ---- locked nights stay as they are, even with --start-over ----
build 6
summit add allocations hotel=Near delegation=AAA night=2007-11-13 rooms=6 locked=yes >/dev/null
summit add allocations hotel=Near delegation=CCC night=2007-11-13 rooms=3 >/dev/null
locked=$(sql "SELECT id, revision, hotel, rooms FROM allocations WHERE locked = 'yes'")
run summit plan hotels --start-over --apply
expect_rc 0 "start over around a locked night"
expect_same "$locked" "$(sql "SELECT id, revision, hotel, rooms FROM allocations WHERE locked = 'yes'")" \
	"the locked allocation is untouched"
check "no block is exceeded around it" test "$(over_block)" -eq 0
check "AAA's other nights join its locked hotel" test "$(hotels_of AAA)" -eq 1

# ---- refusals ----
run summit plan hotels --time-limit 0
expect_rc 2 "a time limit of 0 is a usage error"
run summit plan boats
expect_rc 2 "an unknown planner is a usage error"
expect_err "expected hotels, pickups" "naming the planners"

# ---- rooming list ----
run summit plan rooming --hotel Near
expect_rc 0 "rooming list"
check "rooming list header" test "$(printf '%s\n' "$out" | head -1 | tr -d '\r')" = "hotel,delegation,name,head,nights,rooms"
check "one line per delegation in the hotel" test "$(printf '%s\n' "$out" | sed 1d | cut -d, -f1 | sort -u | tr -d '\r')" = Near

# ---- the sample event: no hotel error once planned ----
rm -f "$db" "$db-wal" "$db-shm"
"$SUMMIT" --db "$db" load "$SAMPLE" >/dev/null
run summit check
check "the sample starts with a no-hotel error" contains "$out" "no-hotel"
run summit plan hotels --apply
expect_rc 0 "plan hotels --apply on the sample"
run summit check
check "then check finds no hotel error on the sample" sh -c "! printf '%s\n' \"\$1\" | grep -q -e no-hotel -e hotel-overbooked" - "$out"
check "and no block is exceeded" test "$(over_block)" -eq 0

done_testing
