#!/bin/sh
# summit arrival delay: a late flight moves its pickup and nothing else;
# a trip shared with another flight is split; a head's car moves with its
# flight; the trips' revisions (and so their calendars' SEQUENCE) grow;
# check still finds no transport error; undo puts everything back.
. "$TESTLIB"

sql() { sqlite3 "$db" "$1"; }

new_event
{
	summit add places name=BKO kind=airport
	summit add places name=CICB kind=venue
	summit add places name=Hotel kind=hotel
	summit add travel origin=BKO destination=Hotel minutes=30
	summit add hotels name=Hotel place=Hotel
	summit add blocks hotel=Hotel night=2007-11-13 rooms=40
	summit add delegations code=AAA name=Aland kind=state status=participant size=3 rank=head-of-state
	summit add delegations code=BBB name=Borduria kind=state status=participant size=10
	summit add delegations code=CCC name=Carpania kind=state status=participant size=3
	summit add people delegation=AAA "name=President of Aland" role=head rank=head-of-state
	summit add people delegation=AAA "name=Aland 1"
	summit add people delegation=AAA "name=Aland 2"
	for i in 1 2 3 4 5 6; do summit add people delegation=BBB "name=Borduria $i"; done
	for d in AAA BBB CCC; do
		summit add allocations hotel=Hotel delegation=$d night=2007-11-13 rooms=2
		summit add arrivals delegation=$d direction=departure flight="AF 9" airport=BKO "time=2007-11-14 18:00" party=3
	done
	summit add arrivals delegation=AAA flight="AF 1" airport=BKO "time=2007-11-13 10:00" party=3
	summit add arrivals delegation=BBB flight="AF 1" airport=BKO "time=2007-11-13 10:00" party=6
	summit add arrivals delegation=BBB flight="KQ 2" airport=BKO "time=2007-11-13 10:20" party=4
	summit add arrivals delegation=CCC flight="SN 3" airport=BKO "time=2007-11-13 14:00" party=3
	summit add vehicles code=BUS-1 kind=bus capacity=30 driver=Bakary
	summit add vehicles code=VAN-1 kind=van capacity=8 driver=Moussa
	summit add vehicles code=VAN-2 kind=van capacity=8 driver=Fanta
	summit add vehicles code=CAR-1 kind=car capacity=4 driver=Sekou
	summit plan pickups --apply
} >/dev/null || { echo "Bail out! cannot build the event"; exit 1; }

arr() { sql "SELECT a.id FROM arrivals a JOIN delegations d ON d.id = a.delegation WHERE d.code = '$1' AND a.flight = '$2'"; }
trips() { sql "SELECT id || ':' || revision || ':' || vehicle || ':' || depart FROM trips ORDER BY id"; }
two_at_once() {
	sql "SELECT count(*) FROM trips a JOIN trips b ON a.vehicle = b.vehicle AND a.id < b.id
		AND a.depart < b.arrive AND b.depart < a.arrive"
}
transport_errors() {
	summit check --format tsv | grep -c -e '^error.*vehicle-' -e '^error.*driver-' \
		-e '^error.*pickup-early' -e '^error.*trip-too-short'
}

# ---- a flight alone on its trip: the trip moves, nothing else ----
ccc=$(arr CCC "SN 3")
trip=$(sql "SELECT pickup FROM arrivals WHERE id = $ccc")
before=$(trips)
rev=$(sql "SELECT revision FROM trips WHERE id = $trip")
summit export ics --vehicle "$(sql "SELECT v.code FROM trips t JOIN vehicles v ON v.id = t.vehicle WHERE t.id = $trip")" -o "$tmp/before.ics" >/dev/null
run summit arrival delay "$ccc" 45
expect_rc 0 "arrival delay"
expect_out "SN 3 lands now at 2007-11-13 14:45" "says the flight moved"
expect_out "trip #$trip" "and names the trip it moved"
check "the pickup now leaves after the new landing plus the margin" \
	test "$(sql "SELECT t.depart - a.time FROM arrivals a JOIN trips t ON t.id = a.pickup WHERE a.id = $ccc")" -ge 1200
check "the trip's revision grew" test "$(sql "SELECT revision FROM trips WHERE id = $trip")" -gt "$rev"
changed=$(printf '%s\n%s\n' "$before" "$(trips)" | sort | uniq -u | cut -d: -f1 | sort -u)
check "only that trip changed" test "$changed" = "$trip"
summit export ics --vehicle "$(sql "SELECT v.code FROM trips t JOIN vehicles v ON v.id = t.vehicle WHERE t.id = $trip")" -o "$tmp/after.ics" >/dev/null
seq_before=$(grep -A30 "trip-$trip@" "$tmp/before.ics" | grep -m1 '^SEQUENCE' | tr -d '\r')
seq_after=$(grep -A30 "trip-$trip@" "$tmp/after.ics" | grep -m1 '^SEQUENCE' | tr -d '\r')
check "its calendar's SEQUENCE grew ($seq_before, $seq_after)" test "${seq_before#SEQUENCE:}" -lt "${seq_after#SEQUENCE:}"
check "no transport error after the delay" test "$(transport_errors)" -eq 0

# ---- a small delay the trip already covers: nothing moves ----
bbb1=$(arr BBB "AF 1")
before=$(trips)
run summit arrival delay "$bbb1" 10
expect_out "still meets the flight" "a 10-minute delay within the trip's wait moves no trip"
expect_same "$before" "$(trips)" "and no trip changed"

# ---- a shared trip: the late flight gets one of its own ----
bbb2=$(arr BBB "KQ 2")
shared=$(sql "SELECT pickup FROM arrivals WHERE id = $bbb2")
check "Borduria's two flights share a trip" test "$(sql "SELECT pickup FROM arrivals WHERE id = $bbb1")" = "$shared"
depart=$(sql "SELECT depart FROM trips WHERE id = $shared")
run summit arrival delay "$bbb2" 60
expect_rc 0 "delay one of two flights on a trip"
check "the late flight rides a new trip" test "$(sql "SELECT pickup FROM arrivals WHERE id = $bbb2")" != "$shared"
check "the other keeps the trip and its time" \
	test "$(sql "SELECT t.depart FROM arrivals a JOIN trips t ON t.id = a.pickup WHERE a.id = $bbb1")" = "$depart"
check "the new trip leaves after the new landing plus the margin" \
	test "$(sql "SELECT t.depart - a.time FROM arrivals a JOIN trips t ON t.id = a.pickup WHERE a.id = $bbb2")" -ge 1200
check "no vehicle on two trips at once" test "$(two_at_once)" -eq 0
check "no transport error" test "$(transport_errors)" -eq 0

# ---- a head's car moves with the flight ----
aaa=$(arr AAA "AF 1")
car=$(sql "SELECT t.id FROM trips t JOIN trip_riders r ON r.owner = t.id JOIN people p ON p.id = r.ref WHERE p.name = 'President of Aland' AND t.kind = 'pickup'")
run summit arrival delay "$aaa" 90
expect_rc 0 "delay the head of state's flight"
check "the head's car leaves after the new landing" \
	test "$(sql "SELECT t.depart - a.time FROM trips t, arrivals a WHERE t.id = $car AND a.id = $aaa")" -ge 1200
check "no transport error" test "$(transport_errors)" -eq 0

# ---- undo, refusals ----
before=$(sql "SELECT time FROM arrivals WHERE id = $aaa")
run summit plan undo
expect_rc 0 "undo the last delay"
check "the flight is back at its time" test "$(sql "SELECT time FROM arrivals WHERE id = $aaa")" -lt "$before"
run summit arrival delay "$aaa" 0
expect_rc 2 "a delay of 0 is a usage error"
run summit arrival delay 999 30
expect_rc 1 "an unknown flight is refused"
before=$(snapshot)
run summit arrival delay "$ccc" -30 --dry-run
expect_out "lands now at 2007-11-13 14:15" "an early flight (negative minutes) is planned too"
expect_rc 0 "--dry-run"
expect_same "$before" "$(snapshot)" "--dry-run writes nothing"

done_testing
