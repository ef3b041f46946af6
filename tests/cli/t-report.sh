#!/bin/sh
# The post-event report, as Markdown and PDF, read as its reader would:
# a moratorium-sized event (12 states invited, 6 came, one invitation
# through an intermediary) reads "Of the 12 states invited, 6 attended".
. "$TESTLIB"
not_contains() { ! contains "$1" "$2"; }
new_event
export SUMMIT_TODAY=2007-07-01
states="MLI SEN CIV GHA BFA NER GIN MRT TCD BEN TGO CMR"
for code in $states USA; do
	summit add delegations code=$code "name=State $code" kind=state status=participant >/dev/null
done
summit set delegations CIV "name=Côte d'Ivoire" >/dev/null
summit add delegations code=WA "name=Wassenaar Arrangement" kind=igo status=observer >/dev/null
for code in $states; do summit add invitations delegation=$code >/dev/null; done
unset SUMMIT_TODAY
for code in $states; do
	if [ $code = CIV ]; then
		summit invitation send $code --channel "note verbale" --via USA --at "2007-07-10 10:00" >/dev/null
	else
		summit invitation send $code --at "2007-07-10 10:00" >/dev/null
	fi
done
for code in MLI SEN CIV GHA BFA NER GIN MRT; do
	summit invitation accept $code --at "2007-09-01 10:00" >/dev/null
done
i=0
for code in MLI SEN CIV GHA BFA NER GIN MRT; do
	i=$((i + 1))
	summit add people delegation=$code "name=Head $code" rank=head-of-state >/dev/null
	summit add accreditations badge=B$i person=$i >/dev/null
	summit accreditation approve B$i >/dev/null
done
summit set people 3 "name=Aïssata Kéïta" >/dev/null
# Six came: the first six accredited; two accepted and stayed away.
for i in 1 2 3 4 5 6; do summit checkin B$i --at "2007-11-14 08:0$i" >/dev/null; done
summit add venues name=CICB >/dev/null
summit add rooms name=Plénière venue=CICB capacity=100 >/dev/null
summit add sessions title=Opening kind=ceremony room=Plénière "start=2007-11-14 09:00" \
	"end=2007-11-14 10:00" >/dev/null
summit add sessions "title=Working lunch" kind=bilateral room=Plénière \
	"start=2007-11-15 12:00" "end=2007-11-15 13:00" status=cancelled >/dev/null
summit checkin B1 --room Plénière --at "2007-11-14 08:50" >/dev/null
summit checkin B2 --room Plénière --at "2007-11-14 09:10" >/dev/null
summit add costs name=Venue amount=1000000 >/dev/null
summit add partners "name=Government of Mali" >/dev/null
summit add pledges "partner=Government of Mali" amount=600000 received=400000 >/dev/null

run summit report
expect_rc 0 "the report is written as Markdown"
expect_out "Of the 12 states invited, 6 attended (8 had accepted)." \
	"it reads like its source: invited is not attending"
expect_out "| state | 12 | 8 | 8 | 6 |" "the figures by kind"
expect_out "Côte d'Ivoire's invitation went through State USA (note verbale); it is accepted." \
	"the channel through an intermediary"
expect_out "| State GIN | GIN |" "who accepted and did not come is named"
expect_out "| 2007-11-14 | 6 | 6 |" "attendance by day"
expect_out "| Opening | Plénière | 2007-11-14 09:00 | 2 |" "attendance by session from door scans"
expect_out "| Aïssata Kéïta | Côte d'Ivoire | head-of-state | 2007-11-14 08:03 |" \
	"heads of state present, with when they came, accents as written"
expect_out "| Head GIN | State GIN | head-of-state | did not check in |" "and those absent"
expect_out "6 of the 8 heads of state and government listed checked in." "counted"
expect_out "| Working lunch | Plénière | 2007-11-15 12:00 |" "the cancelled session"
expect_out "| shortfall (need - received) | 600 000 XOF |" "the budget's shortfall"
expect_out "No delegation arrived too late for a session it had to attend." \
	"without arrivals, nobody is late"
order=$(printf '%s\n' "$out" | grep '^## ' | tr '\n' '/')
expect_same "$order" "## Invitations and their outcome/## Attendance by day and session/## Heads of state and government/## Late arrivals/## The programme as held/## Changes to the programme/## Hotel nights/## Transport/## Budget/## Open problems at the end/" \
	"the sections in the order a reader expects"

run summit report --format pdf -o "$tmp/report.pdf"
expect_rc 0 "the report is written as PDF"
pdftotext -layout "$tmp/report.pdf" "$tmp/report.txt"
text=$(cat "$tmp/report.txt")
check "the PDF reads the same sentence" contains "$text" "Of the 12 states invited, 6 attended (8 had accepted)."
check "with the accented name as written" contains "$text" "Aïssata Kéïta"
check "and the budget" contains "$text" "600 000 XOF"
pages=$(pdfinfo "$tmp/report.pdf" | awk '/^Pages:/ { print $2 }')
pdftoppm -png -r 50 "$tmp/report.pdf" "$tmp/page"
check "every page renders" test "$(ls "$tmp"/page-*.png | wc -l)" -eq "$pages"
first=$(sed -n '/Invitations and their outcome/=' "$tmp/report.txt" | head -1)
last=$(sed -n '/Open problems at the end/=' "$tmp/report.txt" | head -1)
check "the sections come in order in the PDF" test "$first" -lt "$last"

# Late arrivals and what they changed, by late-arrival's rule: landed, plus
# the road from the airport, after a session the delegation had to attend
# began. SEN lands at 10:40 (at the venue 11:10): it misses the opening
# (09:00) and the general debate (11:00), and two nights of two rooms were
# held for it before; its head, travelling apart, lands later still. GHA
# lands at 08:50 and misses the opening only, met by nobody. NER is listed
# at an 08:00 bilateral and lands at 07:50; BFA, not listed there, lands
# at 08:30 and is at the venue at 09:00 sharp: it is late for nothing.
summit add places name=BKO kind=airport >/dev/null
summit add places name=CICB kind=venue >/dev/null
summit add places "name=Hôtel Salam" kind=hotel >/dev/null
summit add travel origin=BKO destination=CICB minutes=30 >/dev/null
summit add hotels "name=Hôtel Salam" "place=Hôtel Salam" >/dev/null
for night in 2007-11-12 2007-11-13 2007-11-14; do
	summit add blocks "hotel=Hôtel Salam" night=$night rooms=10 >/dev/null
	summit add allocations "hotel=Hôtel Salam" delegation=SEN night=$night rooms=2 >/dev/null
done
summit add allocations "hotel=Hôtel Salam" delegation=GHA night=2007-11-14 rooms=1 >/dev/null
summit add sessions "title=General debate" kind=plenary room=Plénière \
	"start=2007-11-14 11:00" "end=2007-11-14 12:00" >/dev/null 2>&1
summit add sessions "title=Breakfast bilateral" kind=bilateral room=Plénière \
	"start=2007-11-14 08:00" "end=2007-11-14 08:45" attendance=list delegations=NER \
	>/dev/null 2>&1
summit add vehicles code=VAN-1 kind=van capacity=8 driver=Moussa >/dev/null
summit add trips vehicle=VAN-1 kind=pickup origin=BKO destination=CICB \
	"depart=2007-11-14 11:05" "arrive=2007-11-14 11:35" >/dev/null
summit add arrivals delegation=SEN "flight=AF 796" airport=BKO \
	"time=2007-11-14 10:40" party=3 pickup=1 >/dev/null 2>&1
summit set people 2 role=head >/dev/null 2>&1
summit add arrivals delegation=SEN person=2 "flight=SN 201" airport=BKO \
	"time=2007-11-14 12:00" party=1 >/dev/null 2>&1
summit add arrivals delegation=GHA "flight=KQ 510" airport=BKO \
	"time=2007-11-14 08:50" party=2 >/dev/null 2>&1
summit add arrivals delegation=NER "flight=ET 935" airport=BKO \
	"time=2007-11-14 07:50" party=2 >/dev/null 2>&1
summit add arrivals delegation=BFA "flight=HC 301" airport=BKO \
	"time=2007-11-14 08:30" party=2 >/dev/null 2>&1

run summit report
expect_rc 0 "the report with late arrivals"
late=$(printf '%s\n' "$out" | sed -n '/^## Late arrivals/,/^## The programme as held/p')
check "the section says how many came late and what it cost" contains "$late" \
	"3 delegations arrived late: they missed 3 sessions (4 absences in all) and left 4 room-nights unused."
check "Senegal: its landing, when it could be at the venue, what it missed, the nights, its pickup" \
	contains "$late" "| State SEN (SEN) | 2007-11-14 10:40, AF 796 | 11:10 | Opening (2007-11-14 09:00); General debate (2007-11-14 11:00) | 4 | trip #1 (VAN-1, 11:05) |"
check "and says it in a sentence" contains "$late" \
	'State SEN (SEN) landed at 10:40 on 2007-11-14 (AF 796) and could reach CICB at 11:10 at the earliest, after "Opening" (09:00) and "General debate" (11:00) had begun. Hôtel Salam held 4 room-nights for it (the nights of 2007-11-12 to 2007-11-13) that nobody slept in. Trip #1 (VAN-1, leaving at 11:05) met the flight.'
check "the unused nights per hotel, for pricing" contains "$late" \
	"| State SEN (SEN) | Hôtel Salam | 2007-11-12 to 2007-11-13 | 4 | no rate |"
check "its head, travelling apart and later, missed the same sessions (counted once)" \
	contains "$late" "| Head SEN, head of State SEN (SEN) | 2007-11-14 12:00, SN 201 | 12:30 | Opening (2007-11-14 09:00); General debate (2007-11-14 11:00) |  | none |"
check "Ghana missed the opening, met by nobody, no night wasted" contains "$late" \
	"| State GHA (GHA) | 2007-11-14 08:50, KQ 510 | 09:20 | Opening (2007-11-14 09:00) | 0 | none |"
check "Ghana's sentence" contains "$late" \
	'State GHA (GHA) landed at 08:50 on 2007-11-14 (KQ 510) and could reach CICB at 09:20 at the earliest, after "Opening" (09:00) had begun. No room-night was held for it before the night of 2007-11-14. No pickup met the flight.'
check "Niger missed the bilateral that lists it, not the opening" contains "$late" \
	"| State NER (NER) | 2007-11-14 07:50, ET 935 | 08:20 | Breakfast bilateral (2007-11-14 08:00) | 0 | none |"
check "Burkina Faso, not listed at the 08:00 bilateral and at the venue at 09:00, is not late" \
	not_contains "$late" "BFA"
check "the problems of check are not repeated there" not_contains "$late" "late-arrival"

run summit report --format pdf -o "$tmp/late.pdf"
expect_rc 0 "the report with late arrivals as PDF"
pdftotext "$tmp/late.pdf" - | tr -s ' \n' '  ' >"$tmp/late.txt"
text=$(cat "$tmp/late.txt")
check "the PDF holds the summary" contains "$text" \
	"3 delegations arrived late: they missed 3 sessions (4 absences in all) and left 4 room-nights unused."
check "the PDF holds Senegal's sentence" contains "$text" \
	'State SEN (SEN) landed at 10:40 on 2007-11-14 (AF 796) and could reach CICB at 11:10 at the earliest, after "Opening" (09:00) and "General debate" (11:00) had begun. Hôtel Salam held 4 room-nights for it (the nights of 2007-11-12 to 2007-11-13) that nobody slept in. Trip #1 (VAN-1, leaving at 11:05) met the flight.'
check "and Ghana's" contains "$text" \
	'State GHA (GHA) landed at 08:50 on 2007-11-14 (KQ 510) and could reach CICB at 09:20 at the earliest, after "Opening" (09:00) had begun.'
check "and Niger's, the bilateral that listed it" contains "$text" \
	'State NER (NER) landed at 07:50 on 2007-11-14 (ET 935) and could reach CICB at 08:20 at the earliest, after "Breakfast bilateral" (08:00) had begun.'
check "and the head travelling apart" contains "$text" "Head SEN, head of State SEN (SEN), landed at 12:00"

# Ghana's flight came in earlier after all: it is no longer late.
ghana=$(sqlite3 "$db" "SELECT a.id FROM arrivals a JOIN delegations d ON d.id = a.delegation WHERE d.code = 'GHA'")
summit set arrivals "$ghana" "time=2007-11-14 08:20" >/dev/null 2>&1
run summit report
late=$(printf '%s\n' "$out" | sed -n '/^## Late arrivals/,/^## The programme as held/p')
check "an earlier landing takes Ghana out of the section" not_contains "$late" "GHA"
check "and out of the count" contains "$late" \
	"2 delegations arrived late: they missed 3 sessions and left 4 room-nights unused."

# Priced at the blocks' rates: two rooms on each of two nights.
summit set blocks 1 rate=50000 >/dev/null
run summit report
late=$(printf '%s\n' "$out" | sed -n '/^## Late arrivals/,/^## The programme as held/p')
check "a night without a rate is said, not priced at nothing" contains "$late" \
	"| State SEN (SEN) | Hôtel Salam | 2007-11-12 to 2007-11-13 | 4 | 100 000 XOF, 2 without a rate |"
summit set blocks 2 rate=60000 >/dev/null
run summit report
late=$(printf '%s\n' "$out" | sed -n '/^## Late arrivals/,/^## The programme as held/p')
check "the empty nights cost what their blocks charge" contains "$late" \
	"| State SEN (SEN) | Hôtel Salam | 2007-11-12 to 2007-11-13 | 4 | 220 000 XOF |"
check "the summary says what they cost" contains "$late" \
	"left 4 room-nights unused (220 000 XOF at the blocks' rates)."
check "and Senegal's sentence" contains "$late" \
	"(the nights of 2007-11-12 to 2007-11-13) that nobody slept in: 220 000 XOF."

run summit report -o "$tmp/report.md"
expect_rc 0 "-o FILE writes Markdown to a file"
check "the file holds the report" grep -q "Of the 12 states invited, 6 attended" "$tmp/report.md"
run summit report --format pdf
expect_rc 2 "a PDF needs a file"
run summit report --format html
expect_rc 2 "an unknown format is a usage error"
expect_err "expected markdown or pdf" "naming the formats"
run summit report --format pdf -o "$tmp/no/such/dir/r.pdf"
expect_rc 1 "an unwritable file is refused"
expect_err "cannot write $tmp/no/such/dir/r.pdf" "naming it"

# The sample event: Benin's special flight lands at 10:40 and Tanzania's
# KQ 512 at 11:50 on the first day, 30 minutes from the CICB, after the
# opening ceremony began at 10:00; both have rooms from that night on.
rm -f "$db" "$db-wal" "$db-shm"
summit load "$SAMPLE" >/dev/null || { echo "Bail out! cannot load the sample"; exit 1; }
run summit report
late=$(printf '%s\n' "$out" | sed -n '/^## Late arrivals/,/^## The programme as held/p')
check "on the sample event, two delegations were late for the opening" contains "$late" \
	"2 delegations arrived late: they missed 1 session (2 absences in all) and left 0 room-nights unused."
check "Benin, met by the head's car and a minibus" contains "$late" \
	"| Benin (BEN) | 2007-11-14 10:40, Special flight (Benin) | 11:10 | Opening ceremony (2007-11-14 10:00) | 0 | trip #40 (CAR-4, 11:00); trip #41 (MIN-3, 11:00) |"
check "Benin's sentence names both trips that met its flight" contains "$late" \
	'Benin (BEN) landed at 10:40 on 2007-11-14 (Special flight (Benin)) and could reach CICB at 11:10 at the earliest, after "Opening ceremony" (10:00) had begun. No room-night was held for it before the night of 2007-11-14. Trip #40 (CAR-4, leaving at 11:00) and trip #41 (MIN-3, leaving at 11:00) met the flight.'
check "Tanzania, met by a van" contains "$late" \
	"| United Republic of Tanzania (TZA) | 2007-11-14 11:50, KQ 512 | 12:20 | Opening ceremony (2007-11-14 10:00) | 0 | trip #42 (VAN-3, 12:35) |"
check "nobody else" test "$(printf '%s\n' "$late" | grep -c '^| [^-d]')" -eq 2

done_testing
