#!/bin/sh
# CSV in and out: RFC 4180 quoting, columns in any order, a byte-order mark,
# accents; export then import gives back the same records; TSV listings.
. "$TESTLIB"
new_event Europe/Paris
export SUMMIT_TODAY=2007-07-02
first_db=$db
tab=$(printf '\t')
cr=$(printf '\r')

# sql QUERY: one value from the test's event file.
sql() { sqlite3 "$db" "$1"; }
# imported KIND FILE WHAT: imports FILE, expects success.
imported() {
	run summit import "$1" "$2"
	expect_rc 0 "import $1: $3"
}

# ---- RFC 4180 quoting ----
cat >"$tmp/delegations.csv" <<'EOF'
code,name,kind,status,head,size,email
CIV,Côte d'Ivoire,state,participant,"Ouattara, Alassane",6,
STP,São Tomé and Príncipe,state,observer,"Fradique ""Fradi"" de Menezes",2,
MLI,Mali,state,participant,"Amadou Toumani Touré
Président de la République",12,protocole@example.ml
EOF
imported delegations "$tmp/delegations.csv" "quoted fields"
expect_out "imported 3 delegations from $tmp/delegations.csv" "import says how many records it added"
run summit list delegations --format tsv
expect_out "CIV${tab}Côte d'Ivoire${tab}state${tab}participant${tab}Ouattara, Alassane${tab}${tab}6${tab}" \
	"a comma inside quotes is part of the field"
expect_out "STP${tab}São Tomé and Príncipe${tab}state${tab}observer${tab}Fradique \"Fradi\" de Menezes${tab}" \
	"a doubled quote inside quotes is one quote"
expect_out 'Amadou Toumani Touré\nPrésident de la République' "a newline inside quotes is kept (TSV escapes it)"
check "the newline is in the database as a newline" \
	test "$(sql "SELECT head FROM delegations WHERE code = 'MLI'")" = "$(printf 'Amadou Toumani Touré\nPrésident de la République')"
check "the field after a quoted newline is read too" \
	test "$(sql "SELECT size || ' ' || email FROM delegations WHERE code = 'MLI'")" = "12 protocole@example.ml"
check "an empty field is not set" test "$(sql "SELECT count(*) FROM delegations WHERE email IS NULL")" = 2
run summit show delegations STP --format json
expect_out '"head": "Fradique \"Fradi\" de Menezes"' "JSON escapes the quotes"
run summit show delegations MLI --format json
expect_out '"head": "Amadou Toumani Touré\nPrésident de la République"' "JSON escapes the newline"

# Accents survive, byte for byte.
check "Côte d'Ivoire is stored as written" test "$(sql "SELECT name FROM delegations WHERE code = 'CIV'")" = "Côte d'Ivoire"
check "São Tomé and Príncipe is stored as written" \
	test "$(sql "SELECT name FROM delegations WHERE code = 'STP'")" = "São Tomé and Príncipe"
run summit list delegations status=observer --format json
expect_out '"name": "São Tomé and Príncipe"' "JSON keeps the accents as UTF-8"
run summit show delegations CIV
expect_out "name     Côte d'Ivoire" "show keeps the accents"

# Every field quoted, CRLF line ends, an empty quoted field.
printf '"code","name","kind","status","size"\r\n"SEN","Sénégal","state","participant",""\r\n"GIN","Guinée","state","guest","3"\r\n' \
	>"$tmp/quoted.csv"
imported delegations "$tmp/quoted.csv" "every field quoted, CRLF line ends"
run summit list delegations --format tsv
expect_out "SEN${tab}Sénégal${tab}state${tab}participant${tab}${tab}${tab}1${tab}" \
	"an empty quoted field takes the default"
expect_out "GIN${tab}Guinée${tab}state${tab}guest${tab}${tab}${tab}3${tab}" "a quoted number is read"
check "no carriage return is kept from CRLF line ends" \
	test "$(sql "SELECT count(*) FROM delegations WHERE email LIKE '%' || char(13) || '%' OR size IS NULL OR code LIKE '%' || char(13)")" = 0

# Columns in any order.
cat >"$tmp/order.csv" <<'EOF'
email,size,status,kind,name,code
,4,guest,igo,Organisation internationale de la Francophonie,OIF
EOF
imported delegations "$tmp/order.csv" "columns in another order"
run summit show delegations OIF --format tsv
expect_out "OIF${tab}Organisation internationale de la Francophonie${tab}igo${tab}guest${tab}${tab}${tab}4${tab}" \
	"each value lands in its column whatever the order"
cat >"$tmp/people.csv" <<'EOF'
needs,name,role,delegation
"halal, no stairs",Moctar Ouane,head,MLI
,Aya Koné,interpreter,CIV
,Fradique de Menezes,head,STP
EOF
imported people "$tmp/people.csv" "columns in another order, a reference among them"
run summit list people --format tsv
expect_out "1${tab}MLI${tab}Moctar Ouane${tab}${tab}head${tab}${tab}halal, no stairs${tab}" \
	"people columns land where they belong"
expect_out "2${tab}CIV${tab}Aya Koné${tab}${tab}interpreter${tab}" "the accented name is kept"

# A byte-order mark before the header, as spreadsheets write it.
printf '\357\273\277code,name,kind,status\nBEN,Bénin,state,participant\n' >"$tmp/bom.csv"
imported delegations "$tmp/bom.csv" "a UTF-8 byte-order mark on the header"
check "the first column after the mark is read as code" \
	test "$(sql "SELECT name FROM delegations WHERE code = 'BEN'")" = "Bénin"
printf '\357\273\277"code","name","kind","status"\r\n"NER","Niger","state","participant"\r\n' >"$tmp/bom-quoted.csv"
imported delegations "$tmp/bom-quoted.csv" "a byte-order mark before a quoted header"
check "the quoted first column after the mark is read as code" \
	test "$(sql "SELECT name FROM delegations WHERE code = 'NER'")" = "Niger"

# A header alone, a last row without its newline, blank lines.
printf 'code,name,kind,status\n' >"$tmp/header.csv"
imported delegations "$tmp/header.csv" "a header and no rows"
expect_out "imported 0 delegations" "nothing is added from a header alone"
printf 'code,name,kind,status\nTGO,Togo,state,participant' >"$tmp/nonl.csv"
imported delegations "$tmp/nonl.csv" "a last row without a newline"
check "the last row without a newline is read" test "$(sql "SELECT name FROM delegations WHERE code = 'TGO'")" = Togo
printf 'code,name,kind,status\n\nGHA,Ghana,state,participant\n\n' >"$tmp/blank.csv"
imported delegations "$tmp/blank.csv" "blank lines"
check "blank lines are skipped" test "$(sql "SELECT name FROM delegations WHERE code = 'GHA'")" = Ghana

# import KIND - reads standard input.
cat >"$tmp/tasks.csv" <<'EOF'
title,due,owner
"Invitations out, second wave",2007-08-15,Protocol
Book the hotels,2007-09-01,Logistics
EOF
run summit import tasks - <"$tmp/tasks.csv"
expect_rc 0 "import tasks - reads standard input"
expect_out "imported 2 tasks from -" "and says so"
check "the tasks from standard input are in the event" \
	test "$(sql "SELECT group_concat(title, '|') FROM (SELECT title FROM tasks ORDER BY id)")" = "Invitations out, second wave|Book the hotels"

# ---- the TSV listing: a header row, tabs and newlines escaped ----
summit add tasks "title=$(printf 'Badges\tand lanyards')" due=2007-10-01 \
	"note=$(printf 'first line\nsecond line')" 'owner=C:\protocol' >/dev/null
run summit list tasks --format tsv
check "TSV starts with the header row" \
	test "$(printf '%s\n' "$out" | sed -n 1p)" = "id${tab}title${tab}owner${tab}due${tab}state${tab}note"
check "TSV has one line per record after the header" test "$(printf '%s\n' "$out" | wc -l)" -eq 4
expect_out "3${tab}Badges\\tand lanyards${tab}C:\\\\protocol${tab}2007-10-01${tab}open${tab}first line\\nsecond line" \
	"TSV escapes tabs, newlines and backslashes"
run summit list tasks --format json
expect_out '"title": "Badges\tand lanyards"' "JSON escapes the tab"
expect_out '"owner": "C:\\protocol"' "JSON escapes the backslash"
run summit list venues --format tsv
expect_same "name${tab}city${tab}address" "$out" "TSV of an empty kind is its header row"

# ---- export ----
run summit export csv delegations
expect_rc 0 "export csv delegations"
check "the export starts with the header, CRLF-terminated" \
	test "$(printf '%s\n' "$out" | sed -n 1p)" = "code,name,kind,status,head,rank,size,email,name_fr,in_town${cr}"
expect_out "CIV,Côte d'Ivoire,state,participant,\"Ouattara, Alassane\",,6,,,no${cr}" "a field with a comma is quoted"
expect_out '"Fradique ""Fradi"" de Menezes"' "a quote is doubled inside quotes"
expect_out "$(printf 'MLI,Mali,state,participant,"Amadou Toumani Touré\nPrésident de la République",,12,protocole@example.ml,,no\r')" \
	"a field with a newline is quoted and keeps it"
stdout_export=$out
run summit list delegations --format csv
expect_same "$stdout_export" "$out" "list --format csv writes what export writes"

echo "an older file" >"$tmp/export.csv"
run summit export csv delegations -o "$tmp/export.csv"
expect_rc 0 "export csv -o FILE"
expect_same "" "$out" "export -o writes nothing on standard output"
check "export -o writes the file, replacing what was there" test "$(cat "$tmp/export.csv")" = "$stdout_export"
check "export -o leaves no temporary file" test ! -e "$tmp/export.csv.tmp"
run summit export csv tasks --output "$tmp/tasks-out.csv"
check "export --output writes the file too" test -s "$tmp/tasks-out.csv"

# ---- export, then import into a fresh event: the same records ----
summit add people delegation=MLI "name=Soumeylou Boubèye Maïga" role=member >/dev/null
{
	summit add invitations delegation=MLI deadline=2007-10-15 "note=by hand, in Bamako"
	summit add invitations delegation=CIV "channel=note verbale" via=MLI
	summit add invitations delegation=STP
	summit add invitations delegation=SEN
	summit invitation send MLI --at "2007-07-16 10:00"
	summit invitation accept MLI --at "2007-09-03 16:00"
	summit invitation send CIV --at "2007-07-16 11:00" --via MLI
	summit invitation send STP --at "2007-07-16 12:00"
	summit invitation decline STP --at "2007-08-01 09:30" --note "no one available"
	summit add venues name=CICB city=Bamako "address=ACI 2000, Bamako"
	summit add rooms "name=Salle des Banquets" venue=CICB capacity=600 booths=6
	summit add rooms "name=Salle 1" venue=CICB capacity=80
	summit add sessions "title=Opening plenary" kind=plenary "room=Salle des Banquets" \
		"start=2007-11-14 09:00" "end=2007-11-14 12:30" "description=Speeches, then photo"
	summit add sessions "title=Bilateral Mali–Côte d'Ivoire" kind=bilateral "room=Salle 1" \
		"start=2007-11-15 15:00" "end=2007-11-15 16:00" attendance=list "delegations=MLI CIV"
	summit add sessions "title=Closing" kind=ceremony "room=Salle des Banquets" \
		"start=2007-11-17 17:45" "end=2007-11-17 23:59" status=cancelled
	summit add places name=Bamako-Sénou kind=airport
	summit add places "name=Hôtel Salam" kind=hotel "address=Route de Koulikoro"
	summit add places name=CICB kind=venue
	summit add travel origin=Bamako-Sénou "destination=Hôtel Salam" minutes=30
	summit add travel "origin=Hôtel Salam" destination=CICB minutes=10
	summit add hotels "name=Hôtel Salam" "place=Hôtel Salam" stars=4
	summit add blocks "hotel=Hôtel Salam" night=2007-11-13 rooms=40
	summit add allocations "hotel=Hôtel Salam" delegation=MLI night=2007-11-13 rooms=6
	summit add vehicles code=BUS-1 kind=bus capacity=30 "driver=Oumar Traoré" phone="+223 20 22 00 00"
	summit add trips vehicle=BUS-1 kind=pickup origin=Bamako-Sénou "destination=Hôtel Salam" \
		"depart=2007-11-13 21:00" "arrive=2007-11-13 21:35" "riders=3 1 2"
	summit add arrivals delegation=MLI person=1 flight="AF 796" airport=Bamako-Sénou \
		"time=2007-11-13 20:15" party=3 pickup=1
	summit add partners "name=Union européenne" kind=organisation
	summit add partners "name=Fondation Aga Khan" kind=foundation
	summit add costs name=Interprétation category=services amount=45000000
	summit add costs name=Transport amount=1500.50
	summit add pledges "partner=Union européenne" amount=1500.50 received=0.5 cost=Interprétation
	summit add pledges "partner=Fondation Aga Khan" kind=in-kind amount=1500 cost=Transport \
		"description=Two buses, with drivers"
} >/dev/null || { echo "Bail out! cannot build the event to export"; exit 1; }

kinds="delegations people invitations venues rooms sessions places travel hotels blocks
allocations vehicles trips arrivals partners costs pledges tasks"
for kind in $kinds; do
	summit export csv "$kind" -o "$tmp/rt-$kind.csv"
done
run cat "$tmp/rt-pledges.csv"
expect_out "1,Union européenne,cash,1500.50,0.50,Interprétation,${cr}" "pledges export money with its hundredths"
expect_out "2,Fondation Aga Khan,in-kind,1500,0,Transport,\"Two buses, with drivers\"${cr}" \
	"whole amounts export without hundredths"
run cat "$tmp/rt-trips.csv"
expect_out ",2007-11-13 21:00,2007-11-13 21:35,3 1 2," "trips export riders as a list, in their order"
run cat "$tmp/rt-sessions.csv"
expect_out ",2007-11-14 09:00,2007-11-14 12:30,all,,scheduled,\"Speeches, then photo\"" \
	"sessions export times in the event's zone"
expect_out ",list,MLI CIV,scheduled," "sessions export their delegations"
run cat "$tmp/rt-invitations.csv"
expect_out "MLI,accepted,direct,,2007-10-15,\"by hand, in Bamako\"" "invitations export their state"

db="$tmp/copy.db"
new_event Europe/Paris
for kind in $kinds; do
	imported "$kind" "$tmp/rt-$kind.csv" "the export into a fresh event"
done
for kind in $kinds; do
	check "export then import gives back the same $kind" \
		test "$("$SUMMIT" --db "$first_db" list "$kind" --format tsv)" = "$("$SUMMIT" --db "$db" list "$kind" --format tsv)"
done
check "sessions keep their instants (UTC seconds), not only their text" \
	test "$(sqlite3 "$first_db" "SELECT group_concat(start || '-' || \"end\") FROM sessions")" = \
	"$(sql "SELECT group_concat(start || '-' || \"end\") FROM sessions")"
check "pledges keep their hundredths" test "$(sql "SELECT amount || '/' || received FROM pledges WHERE id = 1")" = "150050/50"
check "trips keep their riders" test "$(sql "SELECT group_concat(ref, ' ') FROM (SELECT ref FROM trip_riders WHERE owner = 1 ORDER BY rowid)")" = "3 1 2"
check "the invitation states came back" \
	test "$(sql "SELECT group_concat(code || '=' || state, ' ') FROM (SELECT d.code, i.state FROM invitations i JOIN delegations d ON d.id = i.delegation ORDER BY d.code)")" = "CIV=sent MLI=accepted SEN=draft STP=declined"
for kind in $kinds; do
	a=$("$SUMMIT" --db "$first_db" export csv "$kind")
	b=$("$SUMMIT" --db "$db" export csv "$kind")
	check "exporting $kind again gives the same file" test "$a" = "$b"
done

# The whole event through a directory: export --dir, then load.
run "$SUMMIT" --db "$first_db" export csv --dir "$tmp/dump"
expect_rc 0 "export csv --dir"
check "export --dir writes event.csv and a file per kind" \
	test -f "$tmp/dump/event.csv" -a -f "$tmp/dump/history.csv" -a -f "$tmp/dump/pledges.csv"
run "$SUMMIT" --db "$tmp/loaded.db" load "$tmp/dump"
expect_rc 0 "load reads the directory back"
for kind in event $kinds history; do
	if [ "$kind" = event ]; then
		a=$("$SUMMIT" --db "$first_db" show event --format tsv)
		b=$("$SUMMIT" --db "$tmp/loaded.db" show event --format tsv)
	else
		a=$("$SUMMIT" --db "$first_db" list "$kind" --format tsv)
		b=$("$SUMMIT" --db "$tmp/loaded.db" list "$kind" --format tsv)
	fi
	check "export --dir then load gives back the same $kind" test "$a" = "$b"
done

# Blanks around a value are not part of it ("Ghana " is Ghana), from the
# command line as from a file; blanks inside stay.
db="$tmp/blanks.db"
new_event
summit add delegations code=GHA "name=Ghana " kind=state status=participant \
	"head=$(printf '\tJohn Kufuor')" >/dev/null
summit add delegations code=TGO "name= Togo" kind=state status=participant "head=a${tab}b" >/dev/null
check "a leading space is dropped" \
	test "$(sql "SELECT name FROM delegations WHERE code = 'TGO'")" = "Togo"
check "a trailing space is dropped" \
	test "$(sql "SELECT name FROM delegations WHERE code = 'GHA'")" = "Ghana"
check "a leading tab is dropped" \
	test "$(sql "SELECT head FROM delegations WHERE code = 'GHA'")" = "John Kufuor"
check "a tab inside a value stays" \
	test "$(sql "SELECT head FROM delegations WHERE code = 'TGO'")" = "a${tab}b"
summit export csv delegations -o "$tmp/blanks.csv"
before=$(summit list delegations --format tsv)
db="$tmp/blanks-copy.db"
new_event
printf 'code,name,kind,status\nBEN," Bénin ",state,participant\n' >"$tmp/quoted-blanks.csv"
imported delegations "$tmp/blanks.csv" "values with blanks inside"
check "export then import gives back the same delegations" \
	test "$(summit list delegations --format tsv)" = "$before"
imported delegations "$tmp/quoted-blanks.csv" "a quoted value with blanks around it"
check "blanks around a quoted value are dropped too" \
	test "$(sql "SELECT name FROM delegations WHERE code = 'BEN'")" = "Bénin"

done_testing
