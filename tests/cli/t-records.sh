#!/bin/sh
# Every kind of record can be added, shown, changed, listed and removed from
# the command line; the database holds what was said.
. "$TESTLIB"
new_event

add() {
	run summit add "$@"
	expect_rc 0 "add $1"
}

add delegations code=MLI name=Mali kind=state status=participant size=12 \
	head="Soumeylou Boubèye Maïga" rank=minister
add delegations code=CIV "name=Côte d'Ivoire" kind=state status=participant size=6
add delegations code=STP "name=São Tomé and Príncipe" kind=state status=observer
expect_out "added delegation STP" "add names the new record by its code"
add people delegation=MLI "name=Moctar Ouane" role=head rank=minister needs=halal
expect_out "added person #1" "add names a numbered record by its number"
add people delegation=CIV "name=Aya Koné" role=interpreter
add invitations delegation=MLI deadline=2007-10-15
add venues name=CICB city=Bamako
add rooms "name=Salle des Banquets" venue=CICB capacity=600 booths=6
add rooms "name=Salle 1" venue=CICB capacity=80
add sessions "title=Opening plenary" kind=plenary "room=Salle des Banquets" \
	"start=2007-11-14 09:00" "end=2007-11-14 12:30"
add sessions "title=Bilateral Mali–Côte d'Ivoire" kind=bilateral "room=Salle 1" \
	"start=2007-11-15 15:00" "end=2007-11-15 16:00" attendance=list "delegations=MLI CIV"
add places name=Bamako-Sénou kind=airport
add places "name=Hôtel Salam" kind=hotel
add travel origin=Bamako-Sénou "destination=Hôtel Salam" minutes=30
add hotels "name=Hôtel Salam" "place=Hôtel Salam" stars=4
add blocks "hotel=Hôtel Salam" night=2007-11-13 rooms=40
add allocations "hotel=Hôtel Salam" delegation=MLI night=2007-11-13 rooms=6
add vehicles code=CAR-1 kind=car capacity=3 "driver=Oumar Traoré"
add trips vehicle=CAR-1 kind=pickup origin=Bamako-Sénou "destination=Hôtel Salam" \
	"depart=2007-11-13 21:00" "arrive=2007-11-13 21:35" "riders=1"
add arrivals delegation=MLI person=1 flight="AF 796" airport=Bamako-Sénou \
	"time=2007-11-13 20:15" party=3 pickup=1
add partners "name=Union européenne" kind=organisation
add costs name=Interprétation category=services amount=45000000
add pledges "partner=Union européenne" amount=30000000.50 received=10000000 cost=Interprétation
add tasks "title=Invitations out" owner=Protocol due=2007-07-31

# What the database holds, read back through the CLI and with sqlite3.
run summit list sessions --format tsv
expect_out "$(printf '2\tBilateral Mali–Côte d'"'"'Ivoire\tbilateral\tSalle 1\t2007-11-15 15:00\t2007-11-15 16:00\tlist\tMLI CIV\tscheduled\t')" \
	"a session lists its room, local times and delegations"
check "times are stored as UTC seconds" \
	test "$(sqlite3 "$db" "SELECT start FROM sessions WHERE id = 1")" = 1195030800
run summit show pledges 1
expect_out "amount       30 000 000.50" "money keeps its hundredths, grouped as people read it"
run summit list pledges --format tsv
expect_out "$(printf '\t30000000.50\t')" "scripts get the amount without spaces"
run summit list trips --format json
expect_out '"riders": [1]' "JSON gives riders as a list of numbers"
run summit list people delegation=CIV
expect_out "Aya Koné" "list filters by a reference"
check "the filter keeps only that delegation" test "$(printf '%s\n' "$out" | wc -l)" -eq 2

# Tables align names with accents.
run summit list delegations
expect_out "São Tomé and Príncipe  state" "accented names are followed by aligned columns"
expect_out "Côte d'Ivoire          state" "shorter accented names are padded by their width"

# Changing every kind.
change() {
	run summit set "$@"
	expect_rc 0 "set $1"
}
change delegations MLI size=14 head=
change people 1 "title=Minister of Foreign Affairs"
change invitations MLI channel="note verbale"
change venues CICB "address=Avenue de l'Union Africaine"
change rooms "Salle 1" capacity=90
change sessions 1 "end=2007-11-14 13:00"
change places Bamako-Sénou "address=Route de l'aéroport"
change travel 1 minutes=35
change hotels "Hôtel Salam" stars=5
change blocks 1 rooms=45
change allocations 1 rooms=7
change vehicles CAR-1 "driver=Fatoumata Diarra"
change trips 1 "arrive=2007-11-13 21:40"
change arrivals 1 "flight=AF 798"
change partners "Union européenne" contact=delegation@example.org
change costs Interprétation amount=46000000
change pledges 1 received=30000000.50
change tasks 1 state=done
change event "name=Ministerial of the Community of Democracies"
check "a change is in the database" \
	test "$(sqlite3 "$db" "SELECT size || '/' || coalesce(head, '-') FROM delegations WHERE code = 'MLI'")" = "14/-"
check "a change bumps the record's revision" \
	test "$(sqlite3 "$db" "SELECT revision FROM rooms WHERE name = 'Salle 1'")" = 2
run summit show sessions 1
expect_out "end          2007-11-14 13:00" "show gives the new end"

run summit set rooms "Salle 1" capacity=-5
expect_rc 1 "set refuses a bad value"
expect_err "capacity: got \"-5\", expected a whole number above 0" "and says why"
run summit set rooms "Salle 9" capacity=5
expect_rc 1 "set refuses an unknown record"
expect_err 'no room with name "Salle 9"' "and names it"

# Removing: refused while referred to, then in dependency order.
run summit remove rooms "Salle 1"
expect_rc 1 "a room used by a session is not removed"
expect_err "room Salle 1 is still used by 1 session (#2)" "the message names the session"
remove() {
	run summit remove "$@"
	expect_rc 0 "remove $1"
}
remove pledges 1
remove costs Interprétation
remove partners "Union européenne"
remove arrivals 1
remove trips 1
remove vehicles CAR-1
remove allocations 1
remove blocks 1
remove hotels "Hôtel Salam"
remove travel 1
remove places "Hôtel Salam"
remove places Bamako-Sénou
remove sessions 2
remove sessions 1
remove rooms "Salle 1"
remove rooms "Salle des Banquets"
remove venues CICB
remove invitations MLI
remove tasks 1
remove people 1
remove people 2
remove delegations MLI
check "removing an invitation removed its history" \
	test "$(sqlite3 "$db" "SELECT count(*) FROM history")" = 0
for kind in delegations people invitations venues rooms sessions places travel hotels \
	blocks allocations vehicles trips arrivals partners costs pledges tasks; do
	run summit list "$kind" --format tsv
	rows=$(printf '%s\n' "$out" | wc -l)
	case $kind in
	delegations) want=3 ;; # header, CIV, STP
	*) want=1 ;;
	esac
	check "list $kind --format tsv prints a header and what is left" test "$rows" -eq "$want"
done
run summit remove event x
expect_rc 1 "the event itself is not removed"
expect_err "the event itself cannot be removed" "and the message says so"

done_testing
