#!/bin/sh
# summit plan pickups: properties of the plan on a crafted event (no vehicle
# over capacity or on two trips at once, nobody picked up before landing
# plus the margin, departures in time, a dedicated car for the head of
# state, a delegation's close landings together, locked trips untouched,
# exact shortfalls), and on the sample event, hotels then pickups leave
# `summit check` no hotel or transport error.
. "$TESTLIB"

sql() { sqlite3 "$db" "$1"; }

build() {
	new_event
	{
		summit add places name=BKO kind=airport
		summit add places name=CICB kind=venue
		summit add places name=Hotel kind=hotel
		summit add travel origin=BKO destination=Hotel minutes=30
		summit add travel origin=Hotel destination=CICB minutes=5
		summit add venues name=CICB
		summit add hotels name=Hotel place=Hotel
		summit add blocks hotel=Hotel night=2007-11-13 rooms=40
		summit add delegations code=AAA name=Aland kind=state status=participant size=6 rank=head-of-state
		summit add delegations code=BBB name=Borduria kind=state status=participant size=10
		summit add delegations code=CCC name=Carpania kind=state status=participant size=3
		summit add people delegation=AAA "name=President of Aland" role=head rank=head-of-state
		for i in 1 2 3 4 5; do summit add people delegation=AAA "name=Aland $i"; done
		for i in 1 2 3 4 5 6 7 8 9 10; do summit add people delegation=BBB "name=Borduria $i"; done
		for i in 1 2 3; do summit add people delegation=CCC "name=Carpania $i"; done
		for d in AAA BBB CCC; do
			summit add allocations hotel=Hotel delegation=$d night=2007-11-13 rooms=2
		done
		summit add arrivals delegation=AAA flight="AF 1" airport=BKO "time=2007-11-13 10:00" party=6
		summit add arrivals delegation=BBB flight="AF 1" airport=BKO "time=2007-11-13 10:00" party=6
		summit add arrivals delegation=BBB flight="KQ 2" airport=BKO "time=2007-11-13 10:20" party=4
		summit add arrivals delegation=CCC flight="AF 1" airport=BKO "time=2007-11-13 10:00" party=3
		for d in AAA BBB CCC; do
			summit add arrivals delegation=$d direction=departure flight="AF 9" airport=BKO "time=2007-11-14 18:00" party=3
		done
		summit add vehicles code=BUS-1 kind=bus capacity=30 driver=Bakary
		summit add vehicles code=VAN-1 kind=van capacity=8 driver=Moussa
		summit add vehicles code=CAR-1 kind=car capacity=4 driver=Sekou
		summit add vehicles code=CAR-2 kind=car capacity=4 driver=Awa
	} >/dev/null || { echo "Bail out! cannot build the event"; exit 1; }
}

over_capacity() {
	sql "SELECT count(*) FROM trips t JOIN vehicles v ON v.id = t.vehicle
		WHERE (SELECT count(*) FROM trip_riders r WHERE r.owner = t.id) > v.capacity
		OR (SELECT coalesce(sum(party), 0) FROM arrivals a WHERE a.pickup = t.id) > v.capacity"
}
two_at_once() {
	sql "SELECT count(*) FROM trips a JOIN trips b ON a.vehicle = b.vehicle AND a.id < b.id
		AND a.depart < b.arrive AND b.depart < a.arrive"
}
too_early() {
	sql "SELECT count(*) FROM arrivals a JOIN trips t ON t.id = a.pickup
		WHERE a.direction = 'arrival' AND t.depart < a.time + 20 * 60"
}
transport_errors() {
	summit check --format tsv | grep -c -e '^error.*vehicle-' -e '^error.*driver-' \
		-e '^error.*pickup-early' -e '^error.*trip-too-short' -e '^error.*no-hotel' \
		-e '^error.*hotel-overbooked'
}

build
before=$(snapshot)
run summit plan pickups
expect_rc 0 "plan pickups proposes"
expect_same "$before" "$(snapshot)" "proposing writes nothing"
run summit plan pickups --apply
expect_rc 0 "plan pickups --apply"
check "every flight has its trip" test "$(sql "SELECT count(*) FROM arrivals WHERE pickup IS NULL")" -eq 0
check "no vehicle carries more than it seats" test "$(over_capacity)" -eq 0
check "no vehicle is on two trips at once" test "$(two_at_once)" -eq 0
check "nobody is picked up before landing plus the margin" test "$(too_early)" -eq 0
check "the departure reaches the airport 120 minutes before the flight" \
	test "$(sql "SELECT count(*) FROM arrivals a JOIN trips t ON t.id = a.pickup WHERE a.direction = 'departure' AND t.arrive <= a.time - 120 * 60 AND t.origin = (SELECT id FROM places WHERE name = 'Hotel')")" -eq 3
head_car=$(sql "SELECT DISTINCT v.kind || ' ' || (SELECT count(DISTINCT p.delegation) FROM trips u JOIN trip_riders q ON q.owner = u.id JOIN people p ON p.id = q.ref WHERE u.vehicle = v.id)
	FROM trip_riders r JOIN trips t ON t.id = r.owner JOIN vehicles v ON v.id = t.vehicle
	WHERE r.ref = (SELECT id FROM people WHERE name = 'President of Aland')")
check "the head of state rides a car that carries only Aland ($head_car)" test "$head_car" = "car 1"
check "Borduria's landings 20 minutes apart share one trip" \
	test "$(sql "SELECT count(DISTINCT pickup) FROM arrivals a JOIN delegations d ON d.id = a.delegation WHERE d.code = 'BBB' AND a.direction = 'arrival'")" -eq 1
check "check finds no transport error" test "$(transport_errors)" -eq 0
run summit check --only head-without-car
check "and no head without a car" sh -c "! printf '%s\n' \"\$1\" | grep -q head-without-car" - "$out"

# a narrower window splits Borduria's landings
run summit plan undo
expect_rc 0 "undo the pickups"
check "undo leaves no trip" test "$(sql "SELECT count(*) FROM trips")" -eq 0
check "and no flight linked" test "$(sql "SELECT count(*) FROM arrivals WHERE pickup IS NOT NULL")" -eq 0
summit plan pickups --window 10 --apply >/dev/null
check "--window 10: Borduria's landings ride apart" \
	test "$(sql "SELECT count(DISTINCT pickup) FROM arrivals a JOIN delegations d ON d.id = a.delegation WHERE d.code = 'BBB' AND a.direction = 'arrival'")" -eq 2
check "still no vehicle on two trips at once" test "$(two_at_once)" -eq 0

# a locked trip keeps its vehicle and time, even when starting over
id=$(sql "SELECT pickup FROM arrivals a JOIN delegations d ON d.id = a.delegation WHERE d.code = 'BBB' AND a.direction = 'arrival' LIMIT 1")
summit set trips "$id" locked=yes >/dev/null
locked=$(sql "SELECT id, revision, vehicle, depart FROM trips WHERE locked = 'yes'")
run summit plan pickups --start-over --apply
expect_rc 0 "start over around a locked trip"
expect_same "$locked" "$(sql "SELECT id, revision, vehicle, depart FROM trips WHERE locked = 'yes'")" \
	"the locked trip is untouched"
check "no vehicle on two trips at once around it" test "$(two_at_once)" -eq 0
check "every flight still has its trip" test "$(sql "SELECT count(*) FROM arrivals WHERE pickup IS NULL")" -eq 0

# no car for the head: the shortfall says so exactly
build
summit remove vehicles CAR-1 >/dev/null
summit remove vehicles CAR-2 >/dev/null
run summit plan pickups
expect_out "short: BKO, 2007-11-13 10:00-12:00: 1 car short for heads of delegation (AAA)" \
	"a missing car for a head is stated per airport and hours"
expect_out "short: BKO, 2007-11-14 14:00-16:00: 1 car short for heads of delegation (AAA)" \
	"and for its departure, at the hours the car leaves the hotel"
check "no other car is short" test "$(printf '%s\n' "$out" | grep -c 'car.* short')" -eq 2
# two vehicles for three parties landing together: seats short, exactly
summit remove vehicles VAN-1 >/dev/null
summit add vehicles code=VAN-1 kind=van capacity=6 >/dev/null
summit remove vehicles BUS-1 >/dev/null
run summit plan pickups
# 13 people land on AF 1 at 10:00 (AAA 6, BBB 6 + 4 at 10:20, CCC 3); one van of 6.
expect_out "1 car short for heads of delegation (AAA)" "the car is still short"
seats=$(printf '%s\n' "$out" | sed -n 's/^short: BKO, 2007-11-13 10:00-12:00: \([0-9]*\) seats short.*/\1/p')
check "seats short: 13 people, 6 seats ($seats)" test "$seats" = 13

# ---- the sample: hotels then pickups, and check has no hotel or transport error ----
rm -f "$db" "$db-wal" "$db-shm"
"$SUMMIT" --db "$db" load "$SAMPLE" >/dev/null
summit plan hotels --apply >/dev/null
run summit plan pickups --apply
expect_rc 0 "plan pickups --apply on the sample"
check "the sample's flights all have a trip" \
	test "$(sql "SELECT count(*) FROM arrivals WHERE pickup IS NULL")" -eq 0
check "check finds no hotel or transport error on the sample" test "$(transport_errors)" -eq 0

# A head's car locked by hand is his pickup: starting over plans his
# party around it, and gives him no second vehicle.
wade="SELECT t.id FROM trips t JOIN trip_riders r ON r.owner = t.id JOIN people p ON p.id = r.ref
	WHERE p.name = 'Abdoulaye Wade' AND t.kind = 'pickup'"
car=$(sql "$wade")
summit set trips "$car" locked=yes >/dev/null
run summit plan pickups --start-over --apply
expect_rc 0 "start over around the head's locked car"
check "the head rides his locked car and no other pickup" test "$(sql "$wade")" = "$car"
check "his party is met by another vehicle" test "$(sql "SELECT count(*) FROM arrivals a
	JOIN delegations d ON d.id = a.delegation WHERE d.code = 'SEN' AND a.direction = 'arrival'
	AND a.pickup IS NOT NULL AND a.pickup <> $car")" -ge 1
check "and nobody is on two vehicles at once" test "$(two_at_once)" -eq 0
check "check still finds no transport error" test "$(transport_errors)" -eq 0
# Flying alone and earlier, the head's flight is met by that kept car.
summit set arrivals 28 party=1 "time=2007-11-13 12:00" pickup= >/dev/null 2>&1
run summit plan pickups --start-over --apply
expect_out "met by its kept trip #$car" "the head's own flight goes to his kept car"
check "it is linked to it" test "$(sql "SELECT pickup FROM arrivals WHERE id = 28")" = "$car"
check "and no flight is left without a pickup" \
	test "$(sql "SELECT count(*) FROM arrivals WHERE pickup IS NULL")" -eq 0

done_testing
