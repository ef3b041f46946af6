#!/bin/sh
# summit plan shuttles: everyone at the venue in time for the first session
# they must attend and taken back after the last, no vehicle on two trips at
# once, few trips against the bound, exact shortfalls on a short fleet; and
# the whole sample planned (hotels, pickups, shuttles) leaves `summit check`
# no hotel or transport error.
. "$TESTLIB"

sql() { sqlite3 "$db" "$1"; }

build() {
	new_event
	{
		summit add places name=CICB kind=venue
		summit add places name=Near kind=hotel
		summit add places name=Far kind=hotel
		summit add travel origin=Near destination=CICB minutes=5
		summit add travel origin=Far destination=CICB minutes=10
		summit add venues name=CICB
		summit add rooms name=Plenary venue=CICB capacity=200
		summit add hotels name=Near place=Near
		summit add hotels name=Far place=Far
		summit add delegations code=AAA name=Aland kind=state status=participant size=30
		summit add delegations code=BBB name=Borduria kind=state status=participant size=40
		summit add delegations code=CCC name=Carpania kind=state status=participant size=20
		summit add sessions title=Plenary kind=plenary room=Plenary "start=2007-11-14 09:00" "end=2007-11-14 12:00"
		summit add sessions title=Plenary kind=plenary room=Plenary "start=2007-11-15 09:00" "end=2007-11-15 12:00"
		summit add sessions title=Early kind=working-group room=Plenary "start=2007-11-15 08:00" "end=2007-11-15 08:45" attendance=list delegations=AAA
		for n in 13 14; do
			summit add allocations hotel=Near delegation=AAA night=2007-11-$n rooms=20
			summit add allocations hotel=Near delegation=BBB night=2007-11-$n rooms=30
			summit add allocations hotel=Far delegation=CCC night=2007-11-$n rooms=15
		done
	} >/dev/null || { echo "Bail out! cannot build the event"; exit 1; }
}

two_at_once() {
	sql "SELECT count(*) FROM trips a JOIN trips b ON a.vehicle = b.vehicle AND a.id < b.id
		AND a.depart < b.arrive AND b.depart < a.arrive"
}
# seats on the shuttles from (or to) a hotel on a day, morning or evening
seats() {
	if [ "$3" = morning ]; then o=$1 d=CICB; else o=CICB d=$1; fi
	sql "SELECT coalesce(sum(v.capacity), 0) FROM trips t JOIN vehicles v ON v.id = t.vehicle
		WHERE t.kind = 'shuttle' AND t.origin = (SELECT id FROM places WHERE name = '$o')
		AND t.destination = (SELECT id FROM places WHERE name = '$d')
		AND date(t.depart, 'unixepoch') = '$2'"
}
# the latest a hotel's first shuttle reaches the venue that morning
latest_first() {
	sql "SELECT strftime('%H:%M', max(t.arrive), 'unixepoch') FROM trips t
		WHERE t.kind = 'shuttle' AND t.origin = (SELECT id FROM places WHERE name = '$1')
		AND date(t.depart, 'unixepoch') = '$2'"
}

build
summit add vehicles code=BUS-1 kind=bus capacity=50 >/dev/null
summit add vehicles code=BUS-2 kind=bus capacity=50 >/dev/null
summit add vehicles code=VAN-1 kind=van capacity=8 >/dev/null
run summit plan shuttles --apply
expect_rc 0 "plan shuttles --apply"
check "Near's 70 guests have seats on the 14th" test "$(seats Near 2007-11-14 morning)" -ge 70
check "Far's 20 guests have seats on the 14th" test "$(seats Far 2007-11-14 morning)" -ge 20
check "and back in the evening" test "$(seats Near 2007-11-14 evening)" -ge 70
check "every shuttle to the venue on the 14th arrives by 08:45" \
	test "$(latest_first Near 2007-11-14)" \< "08:46"
check "on the 15th, Near's shuttles arrive by 07:45, for Aland's 08:00 session" \
	test "$(latest_first Near 2007-11-15)" \< "07:46"
check "the evening shuttles leave after the session ends" \
	test "$(sql "SELECT count(*) FROM trips WHERE kind = 'shuttle' AND origin = (SELECT id FROM places WHERE name = 'CICB') AND strftime('%H:%M', depart, 'unixepoch') < '12:00'")" -eq 0
check "no vehicle is on two trips at once" test "$(two_at_once)" -eq 0
gap=$(printf '%s\n' "$out" | sed -n 's/.*a gap of \([0-9.]*\)%.*/\1/p')
check "within 10% of the bound ($gap%)" awk "BEGIN { exit !($gap <= 10) }"
run summit check --format tsv
check "check finds no shuttle-late or vehicle error" \
	sh -c "! printf '%s\n' \"\$1\" | grep -q -e shuttle-late -e vehicle-" - "$out"
run summit plan shuttles
expect_out "plan shuttles: 0 to add" "a second run keeps the days already planned"
run summit plan shuttles --start-over
expect_out "0 to change, 12 to remove" "--start-over replaces the planned shuttles"

# a short fleet: one van of 8 making rounds within 60 minutes
build
summit add vehicles code=VAN-1 kind=van capacity=8 >/dev/null
run summit plan shuttles
expect_rc 0 "a short fleet is planned as far as it goes"
# Near: rounds 15 minutes apart (2 x 5 + 5), at 0, 15, 30, 45 and 60 minutes: 40 seats.
expect_out "short: Near, 2007-11-14 morning: 30 seats short to reach CICB at 08:45" \
	"Near's shortfall is exact: 70 guests, 40 seats"
expect_out "short: Far, 2007-11-14 morning: 20 seats short to reach CICB at 08:45" \
	"Far's too, the van being busy at Near"

run summit plan shuttles --spread 30
expect_out "short: Near, 2007-11-14 morning: 46 seats short to reach CICB at 08:45" \
	"--spread 30 leaves three rounds: 24 seats"
run summit plan shuttles --lead 1441
expect_rc 2 "a lead over a day is a usage error"

# ---- the sample: hotels, pickups, shuttles, and check has no hotel or transport error ----
rm -f "$db" "$db-wal" "$db-shm"
"$SUMMIT" --db "$db" load "$SAMPLE" >/dev/null
summit plan hotels --apply >/dev/null
summit plan pickups --apply >/dev/null
run summit plan shuttles --apply
expect_rc 0 "plan shuttles --apply on the sample"
run summit check --format tsv
errors=$(printf '%s\n' "$out" | grep '^error' | grep -c -e no-hotel -e hotel- -e shuttle- -e pickup- \
	-e vehicle- -e driver- -e trip-)
check "no hotel or transport error on the planned sample" test "$errors" -eq 0

done_testing
