#!/bin/sh
# Bad input to every importer and every verb: each refusal exits 1 (refused)
# or 2 (usage), says what was wrong where (file, line, column, what was
# expected) and leaves the event file exactly as it was.
. "$TESTLIB"
new_event

# refused EXIT MESSAGE WHAT CMD...: runs CMD; expects exit EXIT, MESSAGE on
# stderr and the database as it was before. A change that should not have
# happened is undone, so that one failure does not spill into later cases.
# The file's bytes tell first (summit checkpoints and removes its WAL on
# exit): the same bytes are the same content; only when they differ are the
# two dumps compared. A copy is kept of the state the refusals start from,
# taken again when the test itself changed the event since the last one.
db_sum() { cksum "$db" "$db-wal" 2>/dev/null; }
r_sum=
refused() {
	r_rc=$1 r_msg=$2 r_what=$3
	shift 3
	r_now=$(db_sum)
	if [ "$r_now" != "$r_sum" ]; then
		rm -f "$tmp/before.db"
		sqlite3 "$db" ".backup '$tmp/before.db'"
		r_sum=$r_now
	fi
	run "$@"
	expect_rc "$r_rc" "$r_what"
	expect_err "$r_msg" "$r_what: the message says so"
	if [ "$(db_sum)" = "$r_sum" ]; then
		pass "$r_what: the database is unchanged"
		return
	fi
	r_before=$(sqlite3 "$tmp/before.db" .dump)
	r_after=$(snapshot)
	check "$r_what: the database is unchanged" same_db
	same_db || sqlite3 "$db" ".restore '$tmp/before.db'"
	r_sum=
}
same_db() { test "$r_after" = "$r_before"; }

# bad_import KIND LINE MESSAGE WHAT: imports $tmp/bad.csv (written just
# before); expects a refusal reported as bad.csv:LINE: MESSAGE.
bad_import() {
	refused 1 "$tmp/bad.csv:$2: $3" "import $1: $4" summit import "$1" "$tmp/bad.csv"
}
csv() { cat >"$tmp/bad.csv"; }
no_such_code() { test -z "$(sqlite3 "$db" "SELECT code FROM $1 WHERE code = '$2'")"; }

# An event with one record or more of every kind, for references.
export SUMMIT_TODAY=2007-07-02
{
	summit add delegations code=MLI name=Mali kind=state status=participant size=12
	summit add delegations code=SEN name=Sénégal kind=state status=participant
	summit add delegations code=CIV "name=Côte d'Ivoire" kind=state status=observer
	summit add people delegation=MLI "name=Moctar Ouane" role=head
	summit add people delegation=SEN "name=Cheikh Tidiane Gadio" role=head
	summit add invitations delegation=MLI deadline=2007-10-15
	summit add invitations delegation=SEN
	summit invitation send SEN --at "2007-07-16 10:00"
	summit add venues name=CICB city=Bamako
	summit add rooms "name=Salle 1" venue=CICB capacity=80 booths=2
	summit add sessions "title=Opening plenary" kind=plenary "room=Salle 1" \
		"start=2007-11-14 09:00" "end=2007-11-14 12:30"
	summit add sessions "title=Mali–Sénégal" kind=bilateral "room=Salle 1" \
		"start=2007-11-15 15:00" "end=2007-11-15 16:00" attendance=list "delegations=MLI SEN"
	summit add places name=BKO kind=airport
	summit add places "name=Hôtel Salam" kind=hotel
	summit add travel origin=BKO "destination=Hôtel Salam" minutes=30
	summit add hotels "name=Hôtel Salam" "place=Hôtel Salam" stars=4
	summit add blocks "hotel=Hôtel Salam" night=2007-11-13 rooms=40
	summit add allocations "hotel=Hôtel Salam" delegation=MLI night=2007-11-13 rooms=6
	summit add vehicles code=BUS-1 kind=bus capacity=30
	summit add trips vehicle=BUS-1 kind=pickup origin=BKO "destination=Hôtel Salam" \
		"depart=2007-11-13 21:00" "arrive=2007-11-13 21:40" "riders=1 2"
	summit add arrivals delegation=MLI person=1 flight="AF 796" airport=BKO \
		"time=2007-11-13 20:15" party=3 pickup=1
	summit add partners "name=Union européenne" kind=organisation
	summit add costs name=Interprétation amount=45000000
	summit add pledges "partner=Union européenne" amount=1500.50 cost=Interprétation
	summit add tasks "title=Invitations out" due=2007-07-31
} >/dev/null || { echo "Bail out! cannot build the fixture"; exit 1; }

# ---- import, kind by kind: one bad row after good ones ----

csv <<'EOF'
code,name,kind,status,size
GHA,Ghana,state,participant,5
TGO,Togo,state,participant,-3
EOF
bad_import delegations 3 'column size: got "-3", expected a whole number above 0' "a negative size"
check "import delegations: the good row before the bad one is not kept" no_such_code delegations GHA

csv <<'EOF'
code,name,kind,status,size
GHA,Ghana,state,participant,0
EOF
bad_import delegations 2 'column size: got "0", expected a whole number above 0' "a size of zero"

csv <<'EOF'
code,name,kind,status
GHA,Ghana,state,participant
TGO,Togo,state,participant
GHA,Ghana again,state,observer
EOF
bad_import delegations 4 'column code: got "GHA", already taken by another delegation' \
	"a code twice in the file"

csv <<'EOF'
code,name,kind,status
GHA,Ghana,state,participant
MLI,Mali again,state,participant
EOF
bad_import delegations 3 'column code: got "MLI", already taken by another delegation' \
	"a code already in the event"

csv <<'EOF'
code,name,kind,status
GHA,Ghana,state,participant
TGO,Togo,nation,participant
EOF
bad_import delegations 3 'column kind: got "nation", expected one of: state igo civil-society press' \
	"an unknown kind"

csv <<'EOF'
code,name,kind,status,rank
GHA,Ghana,state,participant,minister
TGO,Togo,state,participant,king
EOF
bad_import delegations 3 'column rank: got "king", expected one of: head-of-state head-of-government' \
	"an unknown rank"

csv <<'EOF'
code,name,kind,status
GHA,Ghana,state,participant
G H,Togo,state,participant
EOF
bad_import delegations 3 "column code: got \"G H\", expected a code of letters, digits" \
	"a code with spaces"

csv <<'EOF'
code,name,kind,status,colour
GHA,Ghana,state,participant,red
EOF
bad_import delegations 1 'unknown column "colour", expected columns among: code, name, kind, status, head, rank, size, email' \
	"an unknown column"

csv <<'EOF'
code,kind,status
GHA,state,participant
EOF
bad_import delegations 1 'column name: missing from the header, expected it' "a missing required column"

csv <<'EOF'
code,name,kind,status,code
GHA,Ghana,state,participant,GHA
EOF
bad_import delegations 1 'column code: appears twice, expected once' "a column named twice"

csv <<'EOF'
code,name,kind,status
GHA,Ghana,state,participant
TGO,,state,participant
EOF
bad_import delegations 3 'column name: missing, expected UTF-8 text' "an empty required value"

csv <<'EOF'
code,name,kind,status
GHA,Ghana,state,participant
TGO,Togo,state
EOF
bad_import delegations 3 '3 fields, expected 4 as in the header' "a row with too few fields"

csv <<'EOF'
code,name,kind,status
GHA,Ghana,state,participant
TGO,Togo,state,participant,extra
EOF
bad_import delegations 3 '5 fields, expected 4 as in the header' "a row with too many fields"

csv <<'EOF'
code,name,kind,status
GHA,Ghana,state,participant
TGO,"Togo,state,participant
EOF
bad_import delegations 3 'a quoted field is not closed, expected a closing quote' "an unclosed quote"

csv <<'EOF'
code,name,kind,status
GHA,Ghana,state,participant
TGO,"Togo,state,participant
BEN,Bénin,state,participant
NER,Niger,state,participant
EOF
bad_import delegations 3 'a quoted field is not closed, expected a closing quote' \
	"an unclosed quote names the line where the field opens, not the end of the file"

csv <<'EOF'
code,name,kind,status
GHA,Ghana,state,participant
TGO,To"go,state,participant
EOF
bad_import delegations 3 'a quote in an unquoted field or text after a closing quote, expected RFC 4180 CSV' \
	"a quote inside an unquoted field"

csv <<'EOF'
code,name,kind,status
GHA,"Ghana"x,state,participant
EOF
bad_import delegations 2 'a quote in an unquoted field or text after a closing quote' \
	"text after a closing quote"

printf 'code,name,kind,status\nGHA,Ghana,state,participant\nTGO,To\377go,state,participant\n' >"$tmp/bad.csv"
bad_import delegations 3 'column name: not valid UTF-8, expected UTF-8 text' "bad UTF-8"

printf 'code,name,kind,status\nGHA,Ghana,state,participant\nTGO,To\000go,state,participant\n' >"$tmp/bad.csv"
bad_import delegations 3 'a NUL byte in a field, expected text' "a NUL byte"

printf 'code,name,kind,status\nGHA,Ghana,state,participant\nTGO,Togo,state,participant,%s\n' \
	"$(printf '\001')" >"$tmp/bad.csv"
bad_import delegations 3 '5 fields, expected 4' "a control character in an extra field"

printf 'code,name,kind,status\nGHA,Ghana,state,participant\nTGO,Togo\001,state,participant\n' >"$tmp/bad.csv"
bad_import delegations 3 'column name: got "Togo' "a control character in a name"

long=$(printf '%05000d' 0)
printf 'code,name,kind,status\nGHA,%s,state,participant\n' "$long" >"$tmp/bad.csv"
bad_import delegations 2 'column name: 5000 bytes long, expected at most 4000' "a value too long"

csv <<'EOF'
code,name,kind,status,head
GHA,Ghana,state,participant,"John Kufuor
President"
TGO,Togo,nation,participant,
EOF
bad_import delegations 4 'column kind: got "nation"' "the line counts the lines of a quoted newline"

printf 'code,name,kind,status\r\nGHA,Ghana,state,participant\r\nTGO,Togo,nation,participant\r\n' >"$tmp/bad.csv"
bad_import delegations 3 'column kind: got "nation"' "CRLF lines are counted once"

: >"$tmp/bad.csv"
bad_import delegations 1 'empty, expected a header row naming the columns' "an empty file"

# people
csv <<'EOF'
delegation,name,role
MLI,Modibo Sidibé,member
SEN,Aminata Touré,member
XXX,Nobody,member
EOF
bad_import people 4 'column delegation: got "XXX", no such delegation, expected the code of an existing delegation' \
	"an unknown delegation"
check "import people: the good rows are not kept" \
	test "$(sqlite3 "$db" "SELECT count(*) FROM people")" = 2

csv <<'EOF'
delegation,name,role
MLI,Modibo Sidibé,member
SEN,Aminata Touré,chef
EOF
bad_import people 3 'column role: got "chef", expected one of: head member security interpreter liaison' \
	"an unknown role"

csv <<'EOF'
id,delegation,name
10,MLI,Modibo Sidibé
x,SEN,Aminata Touré
EOF
bad_import people 3 'column id: got "x", expected a record number above 0' "a number that is not one"

csv <<'EOF'
id,delegation,name
10,MLI,Modibo Sidibé
1,SEN,Aminata Touré
EOF
bad_import people 3 'column id: got "1"' "a number another person has"

# invitations
csv <<'EOF'
delegation,channel
CIV,direct
XXX,direct
EOF
bad_import invitations 3 'column delegation: got "XXX", no such delegation' "an unknown delegation"
check "import invitations: the good row is not kept, nor its history" \
	test "$(sqlite3 "$db" "SELECT count(*) FROM invitations")/$(sqlite3 "$db" "SELECT count(*) FROM history")" = 2/3

csv <<'EOF'
delegation,channel
CIV,direct
MLI,note verbale
EOF
bad_import invitations 3 'column delegation: got "MLI", already taken by another invitation' \
	"a second invitation for a delegation"

csv <<'EOF'
delegation,deadline
CIV,2007-13-01
EOF
bad_import invitations 2 'column deadline: got "2007-13-01", expected a date as YYYY-MM-DD' "a bad deadline"

csv <<'EOF'
delegation,state
CIV,maybe
EOF
bad_import invitations 2 'column state: got "maybe", expected one of: draft sent delivered acknowledged accepted declined withdrawn' \
	"an unknown state"

csv <<'EOF'
delegation,via
CIV,XXX
EOF
bad_import invitations 2 'column via: got "XXX", no such delegation' "an unknown intermediary"

# history
csv <<'EOF'
delegation,at,old_state,new_state,note
SEN,2007-07-20 10:00,sent,delivered,by hand
SEN,2007-07-21 10:00,delivered,draft,back to draft
EOF
bad_import history 3 'column new_state: got draft after delivered, a move that is not allowed, expected one of: acknowledged accepted declined withdrawn' \
	"a move that is not allowed"

csv <<'EOF'
delegation,at,old_state,new_state
SEN,2007-07-21,sent,delivered
EOF
bad_import history 2 'column at: got "2007-07-21", expected a time as YYYY-MM-DD HH:MM (Africa/Bamako time)' \
	"a date where a time is expected"

csv <<'EOF'
delegation,at,old_state,new_state
CIV,2007-07-21 10:00,,draft
EOF
bad_import history 2 'column delegation: got "CIV", no such invitation, expected the delegation of an existing invitation' \
	"a delegation without an invitation"

csv <<'EOF'
delegation,at,old_state,new_state
SEN,2007-07-21 10:00,sent,lost
EOF
bad_import history 2 'column new_state: got "lost", expected one of: draft sent' "an unknown state"

csv <<'EOF'
delegation,at,new_state
SEN,2007-07-21 10:00,accepted
EOF
refused 1 "SEN" "import history: rows that leave the invitation's history ending in another state than the invitation" \
	summit import history "$tmp/bad.csv"

# venues
csv <<'EOF'
name,city
Palais des Congrès,Bamako
CICB,Bamako
EOF
bad_import venues 3 'column name: got "CICB", already taken by another venue' "a name already taken"

csv <<'EOF'
city,address
Bamako,ACI 2000
EOF
bad_import venues 1 'column name: missing from the header' "a missing name column"

# rooms
csv <<'EOF'
name,venue,capacity
Salle 2,CICB,40
Salle 3,CICB,0
EOF
bad_import rooms 3 'column capacity: got "0", expected a whole number above 0' "a capacity of zero"

csv <<'EOF'
name,venue,capacity
Salle 2,CICB,40
Salle 3,CICB,-12
EOF
bad_import rooms 3 'column capacity: got "-12", expected a whole number above 0' "a negative capacity"

csv <<'EOF'
name,venue,capacity,booths
Salle 2,CICB,40,-1
EOF
bad_import rooms 2 'column booths: got "-1", expected a whole number of 0 or more' "negative booths"

csv <<'EOF'
name,venue,capacity
Salle 2,CICB,12.5
EOF
bad_import rooms 2 'column capacity: got "12.5", expected a whole number above 0' "a capacity with decimals"

csv <<'EOF'
name,venue,capacity
Salle 2,CICB,40
Salle 3,Palais,40
EOF
bad_import rooms 3 'column venue: got "Palais", no such venue, expected the name of an existing venue' \
	"an unknown venue"

# sessions
csv <<'EOF'
title,kind,room,start,end
Working group 1,working-group,Salle 1,2007-11-15 09:00,2007-11-15 12:00
Working group 2,working-group,Salle 1,2007-11-15 11:00,2007-11-15 10:00
EOF
bad_import sessions 3 'column end: got 2007-11-15 10:00, not after 2007-11-15 11:00, expected a later time' \
	"an end before the start"

csv <<'EOF'
title,kind,room,start,end
Working group 1,working-group,Salle 1,2007-11-15 09:00,2007-11-15 09:00
EOF
bad_import sessions 2 'column end: got 2007-11-15 09:00, not after 2007-11-15 09:00' "an end equal to the start"

csv <<'EOF'
title,kind,room,start,end
Working group 1,working-group,Salle 1,2007-11-15 09:00,2007-11-15 12:00
Closing,ceremony,Salle 1,2007-11-20 09:00,2007-11-20 10:00
EOF
bad_import sessions 3 "column end: got 2007-11-20 10:00, after the event's last day 2007-11-17, expected a time within the event" \
	"a session after the event"

csv <<'EOF'
title,kind,room,start,end
Preparatory meeting,working-group,Salle 1,2007-11-13 09:00,2007-11-13 12:00
EOF
bad_import sessions 2 "column start: got 2007-11-13 09:00, before the event's first day 2007-11-14" \
	"a session before the event"

csv <<'EOF'
title,kind,room,start,end,attendance,delegations
Working group 1,working-group,Salle 1,2007-11-15 09:00,2007-11-15 12:00,participants,
Bilateral,bilateral,Salle 1,2007-11-16 09:00,2007-11-16 10:00,list,
EOF
bad_import sessions 3 'column delegations: empty while attendance is list, expected the codes of the delegations that attend' \
	"attendance=list without delegations"

csv <<'EOF'
title,kind,room,start,end,attendance,delegations
Working group 1,working-group,Salle 1,2007-11-15 09:00,2007-11-15 12:00,all,MLI
EOF
bad_import sessions 2 'column delegations: given while attendance is all, expected none (or attendance=list)' \
	"delegations without attendance=list"

csv <<'EOF'
title,kind,room,start,end,attendance,delegations
Bilateral,bilateral,Salle 1,2007-11-16 09:00,2007-11-16 10:00,list,MLI XXX
EOF
bad_import sessions 2 'column delegations: got "XXX", no such delegation' "an unknown delegation in the list"

csv <<'EOF'
title,kind,room,start,end
Working group 1,working-group,Salle 1,2007-11-15 9h00,2007-11-15 12:00
EOF
bad_import sessions 2 'column start: got "2007-11-15 9h00", expected a time as YYYY-MM-DD HH:MM (Africa/Bamako time)' \
	"a bad time"

csv <<'EOF'
title,kind,room,start,end
Working group 1,working-group,Salle 1,2007-11-31 09:00,2007-11-31 12:00
EOF
bad_import sessions 2 'column start: got "2007-11-31 09:00", expected a time as YYYY-MM-DD HH:MM' \
	"a day that does not exist"

csv <<'EOF'
title,kind,room,start,end
Working group 1,working-group,Salle 9,2007-11-15 09:00,2007-11-15 12:00
EOF
bad_import sessions 2 'column room: got "Salle 9", no such room, expected the name of an existing room' \
	"an unknown room"

csv <<'EOF'
title,kind,room,start,end
Reception,party,Salle 1,2007-11-15 19:00,2007-11-15 22:00
EOF
bad_import sessions 2 'column kind: got "party", expected one of: plenary working-group bilateral side-event ceremony civil-society' \
	"an unknown kind"

csv <<'EOF'
title,kind,room,start,end,status
Working group 1,working-group,Salle 1,2007-11-15 09:00,2007-11-15 12:00,postponed
EOF
bad_import sessions 2 'column status: got "postponed", expected one of: scheduled cancelled' "an unknown status"

# places
csv <<'EOF'
name,kind
Palais des Congrès,venue
Spaceport,spaceport
EOF
bad_import places 3 'column kind: got "spaceport", expected one of: airport hotel venue other' "an unknown kind"

csv <<'EOF'
name,kind
Palais des Congrès,venue
BKO,airport
EOF
bad_import places 3 'column name: got "BKO", already taken by another place' "a name already taken"

# travel
csv <<'EOF'
origin,destination,minutes
BKO,Hôtel Salam,-5
EOF
bad_import travel 2 'column minutes: got "-5", expected a whole number above 0' "negative minutes"

csv <<'EOF'
origin,destination,minutes
BKO,CICB,20
EOF
bad_import travel 2 'column destination: got "CICB", no such place, expected the name of an existing place' \
	"an unknown place"

csv <<'EOF'
origin,destination,minutes
BKO,BKO,20
EOF
bad_import travel 2 'column destination: got BKO, the origin itself, expected another place' \
	"a place to itself"

csv <<'EOF'
origin,destination,minutes
BKO,Hôtel Salam,35
EOF
bad_import travel 2 'another row joins the same two places, expected one row per pair of places' "a pair already given"

# hotels
csv <<'EOF'
name,place,stars
Hôtel de l'Amitié,,4
Hôtel Mandé,Nowhere,3
EOF
bad_import hotels 3 'column place: got "Nowhere", no such place, expected the name of an existing place' \
	"an unknown place"

csv <<'EOF'
name,stars
Hôtel de l'Amitié,7
EOF
bad_import hotels 2 'column stars: got 7, expected 1 to 5' "seven stars"

csv <<'EOF'
name,stars
Hôtel de l'Amitié,0
EOF
bad_import hotels 2 'column stars: got "0", expected a whole number above 0' "zero stars"

csv <<'EOF'
name,stars
Hôtel de l'Amitié,4
Hôtel Mandé,12
EOF
bad_import hotels 3 'column stars: got' "twelve stars"

# blocks
csv <<'EOF'
hotel,night,rooms
Hôtel Salam,2007-11-14,40
Hôtel Salam,2007-02-30,40
EOF
bad_import blocks 3 'column night: got "2007-02-30", expected a date as YYYY-MM-DD' "a bad night"

csv <<'EOF'
hotel,night,rooms
Hôtel Salam,2007-11-14,0
EOF
bad_import blocks 2 'column rooms: got "0", expected a whole number above 0' "zero rooms"

csv <<'EOF'
hotel,night,rooms
Hôtel Salam,2007-11-14,40
Hôtel Salam,2007-11-13,40
EOF
bad_import blocks 3 'column hotel: another block has the same hotel and night, expected one block per hotel and night' \
	"a second block for a night"

csv <<'EOF'
hotel,night,rooms
Hôtel Mandé,2007-11-14,40
EOF
bad_import blocks 2 'column hotel: got "Hôtel Mandé", no such hotel' "an unknown hotel"

# allocations
csv <<'EOF'
hotel,delegation,night,rooms
Hôtel Salam,SEN,2007-11-13,2
Hôtel Salam,XXX,2007-11-13,2
EOF
bad_import allocations 3 'column delegation: got "XXX", no such delegation' "an unknown delegation"

csv <<'EOF'
hotel,delegation,night,rooms
Hôtel Salam,SEN,2007-11-13,-2
EOF
bad_import allocations 2 'column rooms: got "-2", expected a whole number above 0' "negative rooms"

csv <<'EOF'
hotel,delegation,night,rooms
Hôtel Salam,SEN,13/11/2007,2
EOF
bad_import allocations 2 'column night: got "13/11/2007", expected a date as YYYY-MM-DD' "a bad night"

csv <<'EOF'
hotel,delegation,night,rooms
Hôtel Salam,MLI,2007-11-13,3
EOF
bad_import allocations 2 'column hotel: another allocation has the same hotel and delegation and night' \
	"a second allocation for a night"

# vehicles
csv <<'EOF'
code,kind,capacity
BUS-2,bus,50
BUS-1,bus,40
EOF
bad_import vehicles 3 'column code: got "BUS-1", already taken by another vehicle' "a code already taken"

csv <<'EOF'
code,kind,capacity
CAR-1,car,0
EOF
bad_import vehicles 2 'column capacity: got "0", expected a whole number above 0' "a capacity of zero"

csv <<'EOF'
code,kind,capacity
TRK-1,truck,2
EOF
bad_import vehicles 2 'column kind: got "truck", expected one of: bus minibus van car' "an unknown kind"

# trips
csv <<'EOF'
vehicle,origin,destination,depart,arrive
BUS-1,Hôtel Salam,BKO,2007-11-18 10:00,2007-11-18 10:40
BUS-1,BKO,Hôtel Salam,2007-11-18 12:00,2007-11-18 11:00
EOF
bad_import trips 3 'column arrive: got 2007-11-18 11:00, not after 2007-11-18 12:00, expected a later time' \
	"arriving before departing"

csv <<'EOF'
vehicle,origin,destination,depart,arrive,riders
BUS-1,BKO,Hôtel Salam,2007-11-13 22:00,2007-11-13 22:40,1 99
EOF
bad_import trips 2 'column riders: got "99", no such person' "an unknown rider"

csv <<'EOF'
vehicle,origin,destination,depart,arrive
CAR-9,BKO,Hôtel Salam,2007-11-13 22:00,2007-11-13 22:40
EOF
bad_import trips 2 'column vehicle: got "CAR-9", no such vehicle, expected the code of an existing vehicle' \
	"an unknown vehicle"

csv <<'EOF'
vehicle,kind,origin,destination,depart,arrive
BUS-1,joyride,BKO,Hôtel Salam,2007-11-13 22:00,2007-11-13 22:40
EOF
bad_import trips 2 'column kind: got "joyride", expected one of: pickup departure shuttle transfer' "an unknown kind"

csv <<'EOF'
vehicle,origin,destination,depart,arrive
BUS-1,BKO,Hôtel Salam,2007-11-13 22:00,22:40
EOF
bad_import trips 2 'column arrive: got "22:40", expected a time as YYYY-MM-DD HH:MM' "a time without its date"

# arrivals
csv <<'EOF'
delegation,airport,time,party
SEN,BKO,2007-11-13 18:00,2
SEN,BKO,2007-11-13 25:00,2
EOF
bad_import arrivals 3 'column time: got "2007-11-13 25:00", expected a time as YYYY-MM-DD HH:MM (Africa/Bamako time)' \
	"an hour that does not exist"

csv <<'EOF'
delegation,airport,time,party
SEN,BKO,2007-11-13 18:00,0
EOF
bad_import arrivals 2 'column party: got "0", expected a whole number above 0' "an empty party"

csv <<'EOF'
delegation,airport,time,pickup
SEN,BKO,2007-11-13 18:00,99
EOF
bad_import arrivals 2 'column pickup: got "99", no such trip, expected the number of an existing trip' \
	"an unknown pickup"

csv <<'EOF'
delegation,airport,time,direction
SEN,BKO,2007-11-13 18:00,inbound
EOF
bad_import arrivals 2 'column direction: got "inbound", expected one of: arrival departure' "an unknown direction"

csv <<'EOF'
delegation,airport,time
SEN,Hôtel Mandé,2007-11-13 18:00
EOF
bad_import arrivals 2 'column airport: got "Hôtel Mandé", no such place' "an unknown airport"

# partners
csv <<'EOF'
name,kind
Union africaine,organisation
OIF,club
EOF
bad_import partners 3 'column kind: got "club", expected one of: state organisation company foundation' \
	"an unknown kind"

csv <<'EOF'
name,kind
Union européenne,organisation
EOF
bad_import partners 2 'column name: got "Union européenne", already taken by another partner' "a name already taken"

# costs
csv <<'EOF'
name,amount
Hébergement,100000
Restauration,12,5
EOF
bad_import costs 3 '3 fields, expected 2 as in the header' "an unquoted decimal comma"

csv <<'EOF'
name,amount
Hébergement,-5
EOF
bad_import costs 2 'column amount: got "-5", expected an amount like 1500 or 1500.50' "a negative amount"

csv <<'EOF'
name,amount
Hébergement,12.345
EOF
bad_import costs 2 'column amount: got "12.345", expected an amount like 1500 or 1500.50' "three decimals"

csv <<'EOF'
name,amount
Interprétation,5
EOF
bad_import costs 2 'column name: got "Interprétation", already taken by another cost' "a name already taken"

# pledges
csv <<'EOF'
partner,amount
Union européenne,2000
Union européenne,abc
EOF
bad_import pledges 3 'column amount: got "abc", expected an amount like 1500 or 1500.50' "an amount that is not one"

csv <<'EOF'
partner,amount
Banque mondiale,2000
EOF
bad_import pledges 2 'column partner: got "Banque mondiale", no such partner, expected the name of an existing partner' \
	"an unknown partner"

csv <<'EOF'
partner,amount,cost
Union européenne,2000,Transport
EOF
bad_import pledges 2 'column cost: got "Transport", no such cost' "an unknown cost"

csv <<'EOF'
partner,kind,amount
Union européenne,loan,2000
EOF
bad_import pledges 2 'column kind: got "loan", expected one of: cash in-kind' "an unknown kind"

csv <<'EOF'
partner,amount,received
Union européenne,2000,-1
EOF
bad_import pledges 2 'column received: got "-1", expected an amount' "a negative amount received"

# tasks
csv <<'EOF'
title,due
Book the hotels,2007-08-31
Print the badges,31/10/2007
EOF
bad_import tasks 3 'column due: got "31/10/2007", expected a date as YYYY-MM-DD' "a bad date"

csv <<'EOF'
title,due,state
Print the badges,2007-10-31,finished
EOF
bad_import tasks 2 'column state: got "finished", expected one of: open in-progress done cancelled' "an unknown state"

csv <<'EOF'
title,owner
Print the badges,Protocol
EOF
bad_import tasks 1 'column due: missing from the header' "a missing due column"

# ---- import: the verb itself ----
refused 2 "usage: summit import KIND FILE.csv" "import without a file" summit import delegations
refused 2 'unknown kind "bogus", expected one of: delegations, people' "import of an unknown kind" \
	summit import bogus "$tmp/bad.csv"
refused 2 "the event comes with \`summit init\` or \`summit load\`" "import event" \
	summit import event "$tmp/bad.csv"
refused 1 "cannot read $tmp/missing.csv: No such file or directory" "import of a missing file" \
	summit import delegations "$tmp/missing.csv"
printf 'code,name,kind,status\nGHA,Ghana,state,participant\nTGO,Togo,nation,participant\n' >"$tmp/stdin.csv"
refused 1 "<stdin>:3: column kind: got \"nation\"" "import from standard input names it" \
	summit import delegations - <"$tmp/stdin.csv"

# ---- add ----
refused 2 "usage: summit add KIND FIELD=VALUE..." "add without arguments" summit add
refused 2 "usage: summit add KIND FIELD=VALUE..." "add without fields" summit add rooms
refused 2 'unknown kind "bogus", expected one of: delegations, people, invitations' "add of an unknown kind" \
	summit add bogus name=x
refused 2 "the event is created with \`summit init\`" "add event" summit add event name=x
refused 2 "rows of history are written by \`summit invitation\`" "add history" \
	summit add history delegation=MLI
refused 2 "rows of checkins are written by \`summit checkin\` and check-in mode" \
	"add checkins names what writes them" summit add checkins badge=B1
refused 2 "rows of session-history are written by every change of a session's room" \
	"add session-history too" summit add session-history session=1
refused 2 'a room has no field "colour", expected one of: name, venue, capacity, booths' \
	"add with an unknown field" summit add rooms "name=Salle 2" venue=CICB capacity=40 colour=red
refused 2 '"capacity": expected FIELD=VALUE' "add with a word that is not FIELD=VALUE" \
	summit add rooms "name=Salle 2" venue=CICB capacity
check "add: the message points to a command that works (summit help rooms)" contains "$err" "summit help rooms)"
refused 1 'capacity: got "-5", expected a whole number above 0' "add with a negative capacity" \
	summit add rooms "name=Salle 2" venue=CICB capacity=-5
refused 1 'capacity: given twice, expected once' "add with a field twice" \
	summit add rooms "name=Salle 2" venue=CICB capacity=5 capacity=6
refused 1 'venue: got "Palais", no such venue, expected the name of an existing venue' \
	"add with an unknown reference" summit add rooms "name=Salle 2" venue=Palais capacity=5
refused 1 'name: got "Salle 1", already taken by another room' "add with a name taken" \
	summit add rooms "name=Salle 1" venue=CICB capacity=5
refused 1 'name: missing, expected UTF-8 text' "add without a required field" \
	summit add rooms venue=CICB capacity=5
refused 1 'kind: got "nation", expected one of: state igo civil-society press' "add with a bad enum" \
	summit add delegations code=GHA name=Ghana kind=nation status=participant
refused 1 'name: not valid UTF-8, expected UTF-8 text' "add with bad UTF-8" \
	summit add delegations code=GHA "name=$(printf 'Gh\377ana')" kind=state status=participant
refused 1 'due: got "2007-02-29", expected a date as YYYY-MM-DD' "add with a day that does not exist" \
	summit add tasks title=x due=2007-02-29
refused 1 'start: got "2007-11-15 09:60", expected a time as YYYY-MM-DD HH:MM (Africa/Bamako time)' \
	"add with a bad time" summit add sessions title=x kind=plenary "room=Salle 1" \
	"start=2007-11-15 09:60" "end=2007-11-15 12:00"
refused 1 "end: got 2007-11-15 08:00, not after 2007-11-15 09:00, expected a later time" \
	"add a session ending before it starts" summit add sessions title=x kind=plenary "room=Salle 1" \
	"start=2007-11-15 09:00" "end=2007-11-15 08:00"
refused 1 "start: got 2007-11-12 09:00, before the event's first day 2007-11-14" \
	"add a session before the event" summit add sessions title=x kind=plenary "room=Salle 1" \
	"start=2007-11-12 09:00" "end=2007-11-12 10:00"
refused 1 "delegations: empty while attendance is list" "add a listed session without delegations" \
	summit add sessions title=x kind=bilateral "room=Salle 1" attendance=list \
	"start=2007-11-15 09:00" "end=2007-11-15 10:00"
refused 1 "arrive: got 2007-11-13 20:00, not after 2007-11-13 21:00, expected a later time" \
	"add a trip arriving before it departs" summit add trips vehicle=BUS-1 origin=BKO \
	"destination=Hôtel Salam" "depart=2007-11-13 21:00" "arrive=2007-11-13 20:00"
refused 1 'stars: got' "add a hotel with twelve stars names the field" \
	summit add hotels "name=Hôtel Mandé" stars=12
check "add: twelve stars are refused by summit's own rule, not by SQLite" contains "$err" "expected 1 to 5"

# ---- set ----
refused 2 "usage: summit set KIND KEY FIELD=VALUE..." "set without arguments" summit set
refused 2 "usage: summit set KIND KEY FIELD=VALUE..." "set without fields" summit set rooms "Salle 1"
refused 2 "usage: summit set KIND KEY FIELD=VALUE..." "set event without fields" summit set event
refused 2 'unknown kind "bogus"' "set of an unknown kind" summit set bogus x a=b
refused 2 "rows of history are not changed by hand: they are written by \`summit invitation\`" \
	"set history" summit set history 1 note=x
refused 2 "rows of badge-history are not changed by hand: they are written by \`summit accreditation\`" \
	"set badge-history" summit set badge-history 1 note=x
refused 1 'no room with name "Salle 9"' "set of an unknown record" summit set rooms "Salle 9" capacity=5
refused 2 'a room has no field "colour"' "set of an unknown field" summit set rooms "Salle 1" colour=red
refused 1 'capacity: got "many", expected a whole number above 0' "set with a bad value" \
	summit set rooms "Salle 1" capacity=many
refused 1 'name: missing, expected UTF-8 text' "set clearing a required field" summit set rooms "Salle 1" name=
refused 1 'code: got "MLI", already taken by another delegation' "set to a code taken" \
	summit set delegations SEN code=MLI
refused 1 'id: a record keeps its number, expected no change' "set of a record's number" \
	summit set people 1 id=7
refused 1 'state: changes only with its own verb' "set of an invitation's state" \
	summit set invitations MLI state=accepted
refused 1 'end: got 2007-11-14 08:00, not after 2007-11-14 09:00' "set a session's end before its start" \
	summit set sessions 1 "end=2007-11-14 08:00"
refused 1 'last_day: got 2007-11-10, before the first day 2007-11-14' "set the event's last day before its first" \
	summit set event last_day=2007-11-10
refused 1 'timezone: got "Mars/Olympus_Mons", an unknown time zone' "set the event's zone to a bad one" \
	summit set event timezone=Mars/Olympus_Mons
refused 1 'session' "set the event's days so that sessions fall outside them" \
	summit set event first_day=2007-11-16
refused 1 "uid_domain: got \"bamako 2007\", expected letters, digits, '.', '-' or '_', like bamako-2007.summit" \
	"set the event's calendar UID domain to two words" summit set event "uid_domain=bamako 2007"

# ---- remove ----
refused 2 "usage: summit remove KIND KEY" "remove without arguments" summit remove
refused 2 "usage: summit remove KIND KEY" "remove without a key" summit remove rooms
refused 2 'unknown kind "bogus"' "remove of an unknown kind" summit remove bogus x
refused 1 'no room with name "Salle 9"' "remove of an unknown record" summit remove rooms "Salle 9"
refused 1 'no session "first": expected a number' "remove with a key that is not a number" \
	summit remove sessions first
refused 1 'no session #99' "remove of a number no record has" summit remove sessions 99
refused 1 "the event itself cannot be removed" "remove of the event" summit remove event x
refused 1 "room Salle 1 is still used by 2 sessions (#1, #2): change or remove those first" \
	"remove a room sessions use" summit remove rooms "Salle 1"
refused 1 "venue CICB is still used by 1 room (Salle 1)" "remove a venue with rooms" summit remove venues CICB
refused 1 "delegation MLI is still used by 1 person (#1), 1 invitation (MLI)" \
	"remove a delegation with people and an invitation" summit remove delegations MLI
check "remove: the message names the sessions listing the delegation" contains "$err" "1 session"
check "remove: the message names the allocations" contains "$err" "1 allocation (#1)"
check "remove: the message names the arrivals" contains "$err" "1 arrival (#1)"
refused 1 "is still used by 1 trip" "remove a person a trip carries" summit remove people 2
refused 1 "place BKO is still used by" "remove a place trips and travel use" summit remove places BKO
check "remove: the message names the travel" contains "$err" "1 travel (#1)"
check "remove: the message names the trips" contains "$err" "1 trip (#1)"
refused 1 "vehicle BUS-1 is still used by 1 trip (#1)" "remove a vehicle with trips" summit remove vehicles BUS-1
refused 1 "is still used by 1 arrival (#1)" "remove a trip an arrival is picked up by" summit remove trips 1
refused 1 "hotel Hôtel Salam is still used by 1 block (#1), 1 allocation (#1)" "remove a hotel with blocks" \
	summit remove hotels "Hôtel Salam"
refused 1 "partner Union européenne is still used by 1 pledge (#1)" "remove a partner with pledges" \
	summit remove partners "Union européenne"
refused 1 "cost Interprétation is still used by 1 pledge (#1)" "remove a cost pledges cover" \
	summit remove costs Interprétation

# ---- show and list ----
refused 2 "usage: summit show KIND KEY" "show without arguments" summit show
refused 2 "usage: summit show KIND KEY" "show without a key" summit show rooms
refused 2 'unknown kind "bogus"' "show of an unknown kind" summit show bogus x
refused 1 '--format: got "xml", expected table, tsv, json or csv' "show with an unknown format" summit show rooms "Salle 1" --format xml
refused 1 'no room with name "Salle 9"' "show of an unknown record" summit show rooms "Salle 9"
refused 1 'no delegation with code "XXX"' "show of an unknown code" summit show delegations XXX
refused 2 "usage: summit list KIND" "list without a kind" summit list
refused 2 'unknown kind "bogus"' "list of an unknown kind" summit list bogus
refused 1 '--format: got "xml", expected table, tsv, json or csv' "list with an unknown format" \
	summit list rooms --format xml
refused 2 'a room has no field "colour"' "list filtered by an unknown field" summit list rooms colour=red
refused 1 'capacity: got "many", expected a whole number above 0' "list filtered by a bad value" \
	summit list rooms capacity=many
check "list: a refused filter prints no half listing" test -z "$out"
refused 1 'delegation: got "XXX", no such delegation' "list filtered by an unknown reference" \
	summit list people delegation=XXX

# ---- invitation ----
refused 1 "state: the invitation of MLI is draft and cannot become accepted, expected one of: sent withdrawn" \
	"invitation draft to accepted" summit invitation accept MLI
refused 1 "the invitation of MLI is draft and cannot become delivered" "invitation draft to delivered" \
	summit invitation deliver MLI
refused 1 "the invitation of SEN is sent and cannot become sent, expected one of: delivered acknowledged accepted declined withdrawn" \
	"invitation sent twice" summit invitation send SEN
refused 1 "delegation CIV has no invitation: add one with \`summit add invitations delegation=CIV\`" \
	"invitation of a delegation without one" summit invitation send CIV
refused 1 "delegation XXX has no invitation" "invitation of an unknown delegation" summit invitation send XXX
refused 1 'at: got "2007-07-20 24:00", expected a time as YYYY-MM-DD HH:MM (Africa/Bamako time)' \
	"invitation with a bad --at" summit invitation deliver SEN --at "2007-07-20 24:00"
refused 1 "at: got 2007-07-10 10:00, before the invitation's last change at 2007-07-16 10:00" \
	"invitation dated before its last change" summit invitation deliver SEN --at "2007-07-10 10:00"
refused 1 'via: got "XXX", no such delegation' "invitation through an unknown delegation" \
	summit invitation deliver SEN --via XXX --at "2007-07-20 10:00"
refused 2 'unknown action "approve", expected send, deliver, acknowledge, accept, decline, withdraw or history' \
	"invitation with an unknown action" summit invitation approve MLI
refused 2 "usage: summit invitation" "invitation without a code" summit invitation send
refused 2 "usage: summit invitation" "invitation without arguments" summit invitation
refused 2 "usage: summit invitation" "invitation with two codes" summit invitation send MLI SEN
refused 2 "usage: summit invitation" "invitation with an unknown option" summit invitation send MLI --urgent
refused 1 "delegation CIV has no invitation" "invitation history of a delegation without one" \
	summit invitation history CIV
summit invitation withdraw MLI --at "2007-07-20 10:00" >/dev/null
refused 1 "the invitation of MLI is withdrawn and cannot become accepted, expected one of: sent" \
	"invitation withdrawn to accepted" summit invitation accept MLI

# ---- export ----
refused 2 "expected a format: csv" "export without a format" summit export
refused 2 "expected a format: csv" "export in an unknown format" summit export xml rooms
refused 2 "usage: summit export csv KIND" "export without a kind" summit export csv
refused 2 'unknown kind "bogus"' "export of an unknown kind" summit export csv bogus
refused 2 "usage: summit export csv KIND" "export of a kind and a directory" \
	summit export csv rooms --dir "$tmp/out"
refused 1 "cannot write $tmp/no/such/dir/rooms.csv: No such file or directory" \
	"export into a missing directory" summit export csv rooms -o "$tmp/no/such/dir/rooms.csv"
refused 1 "cannot create $tmp/no/such: No such file or directory" "export --dir under a missing directory" \
	summit export csv --dir "$tmp/no/such"
echo "keep me" >"$tmp/kept.csv"
chmod a-w "$tmp"
run summit export csv rooms -o "$tmp/kept.csv"
chmod u+w "$tmp"
if [ "$(id -u)" -ne 0 ]; then
	expect_rc 1 "export that cannot write its file"
	check "export: the file that was there is left as it was" test "$(cat "$tmp/kept.csv")" = "keep me"
fi

# ---- --today, verbs and options ----
refused 1 '--today: got "2007-13-45", expected a date as YYYY-MM-DD' "--today with a bad date" \
	summit --today 2007-13-45 status
refused 1 '--today: got "yesterday", expected a date as YYYY-MM-DD' "--today with a word" \
	summit --today yesterday invitation send MLI
refused 2 'unknown verb "frobnicate"' "an unknown verb" summit frobnicate
refused 1 '--format: got "xml", expected table, tsv or json' "status with an unknown format" summit status --format xml
run env SUMMIT_TODAY=2007-02-30 "$SUMMIT" --db "$db" status
expect_rc 1 "SUMMIT_TODAY with a bad date"
expect_err 'SUMMIT_TODAY: got "2007-02-30", expected a date as YYYY-MM-DD' "SUMMIT_TODAY: the message says so"

# ---- load: no event file is left behind on any refusal ----
good="$tmp/good"
run summit export csv --dir "$good"
expect_rc 0 "the fixture exports to a directory"
run "$SUMMIT" --db "$tmp/loaded.db" load "$good"
expect_rc 0 "and that directory loads (so the refusals below are the bad files')"

new="$tmp/new.db"
no_file() { test ! -e "$new" && test ! -e "$new-wal" && test ! -e "$new-shm" && test ! -e "$new-journal"; }
# bad_load DIR EXIT MESSAGE WHAT
bad_load() {
	run "$SUMMIT" --db "$new" load "$1"
	expect_rc "$2" "load: $4"
	expect_err "$3" "load: $4: the message says so"
	check "load: $4: no event file is left behind" no_file
}
# The files are edited by hand below, so without the export's MANIFEST.
copy() { rm -rf "$tmp/dir" && cp -R "$good" "$tmp/dir" && rm "$tmp/dir/MANIFEST"; }

copy
n=$(($(wc -l <"$tmp/dir/delegations.csv") + 1))
printf 'TGO,Togo,state,nation,,,1,,,\r\n' >>"$tmp/dir/delegations.csv"
bad_load "$tmp/dir" 1 "$tmp/dir/delegations.csv:$n: column status: got \"nation\", expected one of: participant observer guest" \
	"a bad row in delegations.csv"
check "load: the message starts with the file name" contains "$err" "summit: load: $tmp/dir/delegations.csv:$n:"

copy
printf 'id,title,kind,room,start,end\r\n1,Opening,plenary,Salle 1,2007-11-14 09:00,2007-11-14 08:00\r\n' \
	>"$tmp/dir/sessions.csv"
bad_load "$tmp/dir" 1 "$tmp/dir/sessions.csv:2: column end: got 2007-11-14 08:00, not after 2007-11-14 09:00" \
	"a session ending before it starts"

copy
printf 'id,delegation,at,old_state,new_state\n1,MLI,2007-07-02 09:00,,draft\n2,MLI,2007-07-03 09:00,draft,accepted\n' \
	>"$tmp/dir/history.csv"
bad_load "$tmp/dir" 1 "$tmp/dir/history.csv:3: column new_state: got accepted after draft, a move that is not allowed, expected one of: sent withdrawn" \
	"a move that is not allowed in history.csv"

copy
printf 'id,delegation,at,old_state,new_state\n1,MLI,2007-07-02 09:00,,draft\n2,MLI,2007-07-03 09:00,draft,sent\n3,SEN,2007-07-02 09:00,,draft\n4,SEN,2007-07-16 10:00,draft,sent\n' \
	>"$tmp/dir/history.csv"
bad_load "$tmp/dir" 1 "history.csv: the history does not match the invitations: MLI is withdrawn but its history ends sent" \
	"a history that does not end in the invitation's state"

copy
rm "$tmp/dir/event.csv"
bad_load "$tmp/dir" 1 "cannot read $tmp/dir/event.csv: No such file or directory (every event directory has event.csv)" \
	"a directory without event.csv"

copy
tail -n 1 "$good/event.csv" >>"$tmp/dir/event.csv"
bad_load "$tmp/dir" 1 "$tmp/dir/event.csv" "an event.csv with two events"
check "load: two events are refused as such" contains "$err" "a second event, expected exactly one row"

copy
printf 'name,country,city,first_day,last_day,timezone\nX,Mali,Bamako,2007-11-14,2007-11-17,Africa/Nowhere\n' \
	>"$tmp/dir/event.csv"
bad_load "$tmp/dir" 1 "$tmp/dir/event.csv:2: column timezone: got \"Africa/Nowhere\", an unknown time zone" \
	"an event with an unknown time zone"

copy
mv "$tmp/dir/people.csv" "$tmp/dir/persons.csv"
bad_load "$tmp/dir" 1 "$tmp/dir/persons.csv: no kind of record has that name, expected one of: event.csv, delegations.csv" \
	"a misnamed file"

copy
printf 'code,name,kind,status\nGHA,Gh\377ana,state,participant\n' >"$tmp/dir/delegations.csv"
bad_load "$tmp/dir" 1 "$tmp/dir/delegations.csv:2: column name: not valid UTF-8" "bad UTF-8 in a file"

bad_load "$tmp/nowhere" 1 "cannot read $tmp/nowhere" "a missing directory"

run "$SUMMIT" --db "$new" load
expect_rc 2 "load without a directory"
expect_err "usage: summit load DIR" "load without a directory: the usage"
check "load without a directory: no file" no_file
refused 1 "$db already exists: an event file is created only once" "load over an existing event file" \
	summit load "$good"

# ---- init: no file left behind ----
bad_init() {
	i_rc=$1 i_msg=$2 i_what=$3
	shift 3
	run "$SUMMIT" --db "$new" init "$@"
	expect_rc "$i_rc" "init: $i_what"
	expect_err "$i_msg" "init: $i_what: the message says so"
	check "init: $i_what: no file is left behind" no_file
}
bad_init 1 'timezone: got "Africa/Atlantis", an unknown time zone, expected a time-zone name such as Africa/Bamako' \
	"a bad time zone" name=X country=Mali city=Bamako first_day=2007-11-14 last_day=2007-11-17 \
	timezone=Africa/Atlantis
bad_init 1 'first_day: got "2007-11-31", expected a date as YYYY-MM-DD' "a bad first day" \
	name=X country=Mali city=Bamako first_day=2007-11-31 last_day=2007-12-02 timezone=Africa/Bamako
bad_init 1 'last_day: got 2007-11-10, before the first day 2007-11-14' "a last day before the first" \
	name=X country=Mali city=Bamako first_day=2007-11-14 last_day=2007-11-10 timezone=Africa/Bamako
bad_init 1 'country: missing' "a missing field" name=X city=Bamako first_day=2007-11-14 \
	last_day=2007-11-17 timezone=Africa/Bamako
bad_init 2 'an event has no field "venue"' "an unknown field" name=X country=Mali city=Bamako \
	first_day=2007-11-14 last_day=2007-11-17 timezone=Africa/Bamako venue=CICB
bad_init 1 'currency: got "F CFA", expected a code' "a currency that is not a code" name=X country=Mali \
	city=Bamako first_day=2007-11-14 last_day=2007-11-17 timezone=Africa/Bamako "currency=F CFA"
bad_init 2 "usage: summit init name=NAME" "no arguments"
refused 1 "$db already exists" "init over an existing event file" summit init name=X country=Mali \
	city=Bamako first_day=2007-11-14 last_day=2007-11-17 timezone=Africa/Bamako

# ---- files that are not event files ----
printf 'code,name\nMLI,Mali\n' >"$tmp/text.db"
cp "$tmp/text.db" "$tmp/text.orig"
run "$SUMMIT" --db "$tmp/text.db" list delegations
expect_rc 1 "a text file is not opened as an event file"
expect_err "$tmp/text.db is not a summit event file" "a text file: the message says so"
check "a text file is left as it was" cmp -s "$tmp/text.db" "$tmp/text.orig"

sqlite3 "$tmp/other.sqlite" "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine');"
other_before=$(sqlite3 "$tmp/other.sqlite" .dump)
run "$SUMMIT" --db "$tmp/other.sqlite" list delegations
expect_rc 1 "another program's SQLite database is not opened as an event file"
expect_err "$tmp/other.sqlite is not a summit event file" "another SQLite database: the message says so"
check "another SQLite database is left as it was (no summit tables added)" \
	test "$(sqlite3 "$tmp/other.sqlite" .dump)" = "$other_before"

cp "$db" "$tmp/newer.db"
sqlite3 "$tmp/newer.db" "PRAGMA user_version = 99"
run "$SUMMIT" --db "$tmp/newer.db" list delegations
expect_rc 1 "an event file from a newer summit is refused"
expect_err "schema version 99, newer than this summit knows" "a newer event file: the message says so"

run "$SUMMIT" --db "$tmp/absent.db" list delegations
expect_rc 1 "a missing event file"
expect_err "no event file at $tmp/absent.db" "a missing event file: the message says so"
check "a missing event file is not created by opening it" test ! -e "$tmp/absent.db"

done_testing
