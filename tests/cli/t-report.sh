#!/bin/sh
# The post-event report, as Markdown and PDF, read as its reader would:
# a moratorium-sized event (12 states invited, 6 came, one invitation
# through an intermediary) reads "Of the 12 states invited, 6 attended".
. "$TESTLIB"
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

done_testing
