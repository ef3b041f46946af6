#!/bin/sh
# The printed documents, checked as a person reads them: pdftotext for the
# names, times and counts in order, pdftoppm for every page, zbarimg for each
# badge's QR code, accents and non-Latin scripts as written.
. "$TESTLIB"
summit load "$SAMPLE" >/dev/null || { echo "Bail out! cannot load the sample"; exit 1; }
summit add people delegation=SEN "name=Сергей Лавров" >/dev/null   # person 183
summit add people delegation=SEN "name=王毅" >/dev/null             # person 184
summit add accreditations badge=BKO-0183 person=183 >/dev/null
summit add accreditations badge=BKO-0184 person=184 category=press >/dev/null
summit accreditation approve BKO-0183 >/dev/null
summit accreditation approve BKO-0184 >/dev/null

pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
# renders FILE: every page to PNG at 150 dpi, as $tmp/p-N.png.
renders() {
	rm -f "$tmp"/p-*.png
	pdftoppm -png -r 150 "$1" "$tmp/p" && test "$(ls "$tmp"/p-*.png | wc -l)" -eq "$(pages "$1")"
}

# Badges of one delegation, one a page.
run summit print badges --delegation SEN -o "$tmp/sen.pdf"
expect_rc 0 "the badges of a delegation print"
expected=$(sqlite3 "$db" "SELECT count(*) FROM accreditations a JOIN people p ON p.id = a.person
	JOIN delegations d ON d.id = p.delegation
	WHERE d.code = 'SEN' AND a.state IN ('approved', 'printed', 'collected')")
expect_out "wrote $expected badges to $tmp/sen.pdf" "counting the approved and printed ones"
check "one page a badge" test "$(pages "$tmp/sen.pdf")" -eq "$expected"
check "every page renders" renders "$tmp/sen.pdf"
decoded=$(for f in "$tmp"/p-*.png; do zbarimg -q "$f" 2>/dev/null; done | sort | tr '\n' ' ')
wanted=$(sqlite3 "$db" "SELECT 'QR-Code:' || a.badge FROM accreditations a JOIN people p ON p.id = a.person
	JOIN delegations d ON d.id = p.delegation
	WHERE d.code = 'SEN' AND a.state IN ('approved', 'printed', 'collected') ORDER BY 1" | tr '\n' ' ')
expect_same "$decoded" "$wanted" "each badge's QR code decodes to its badge number"
text=$(pdftotext "$tmp/sen.pdf" -)
check "the head of delegation's name is on a badge" contains "$text" "Abdoulaye Wade"
check "a Cyrillic name comes out as written" contains "$text" "Сергей Лавров"
check "a Chinese name comes out as written" contains "$text" "王毅"
check "the category is on the badge" contains "$text" "PRESS"
check "so is the delegation" contains "$text" "Senegal"
check "a requested badge is not printed" test "$(printf '%s' "$text" | grep -c 'BKO-0009')" -eq 0

run summit print badges --badge BKO-0001 --sheet -o "$tmp/one.pdf"
expect_rc 0 "one badge prints on a sheet"
check "the page is A4" contains "$(pdfinfo "$tmp/one.pdf")" "595.276 x 841.89 pts (A4)"
run summit print badges --badge BKO-0009 -o "$tmp/none.pdf"
expect_rc 1 "a requested badge is refused alone"
expect_err "no badge BKO-0009 that can be printed" "saying why"
check "and no file is left" test ! -e "$tmp/none.pdf"
run summit print badges --all --badge BKO-0009 -o "$tmp/req.pdf"
expect_rc 0 "--all prints it"

# The programme of a day, a grid on A4 landscape.
run summit print programme --day 2007-11-15 -o "$tmp/prog.pdf"
expect_rc 0 "the day's programme prints"
check "on A4 landscape" contains "$(pdfinfo "$tmp/prog.pdf")" "841.89 x 595.276 pts (A4)"
check "its page renders" renders "$tmp/prog.pdf"
text=$(pdftotext -raw "$tmp/prog.pdf" -)
check "it is titled with the day" contains "$text" "programme of 2007-11-15"
check "the plenary is there with its times" contains "$text" "09:00-10:45 Plenary 2:"
check "a cancelled session says so" contains "$text" "(cancelled)"
check "the rooms head the columns" contains "$text" "Salle Plénière"
run summit print programme --day 2007-12-01 -o "$tmp/x.pdf"
expect_rc 1 "a day outside the event is refused"
expect_err "--day: got 2007-12-01, expected a day of the event (2007-11-14 to 2007-11-17)" \
	"naming the option and the event's days"

# Rooming lists, manifests, the welcome list.
run summit print rooming --hotel "Hôtel Salam" -o "$tmp/salam.pdf"
expect_rc 0 "a hotel's rooming list prints"
check "its pages render" renders "$tmp/salam.pdf"
text=$(pdftotext -layout "$tmp/salam.pdf" -)
check "titled with the hotel" contains "$text" "Rooming list: Hôtel Salam"
first=$(sqlite3 "$db" "SELECT d.name FROM allocations a JOIN delegations d ON d.id = a.delegation
	JOIN hotels h ON h.id = a.hotel WHERE h.name = 'Hôtel Salam' ORDER BY d.name LIMIT 1")
check "with its delegations" contains "$text" "$first"
total=$(sqlite3 "$db" "SELECT sum(a.rooms) FROM allocations a JOIN hotels h ON h.id = a.hotel
	WHERE h.name = 'Hôtel Salam'")
check "and its room-nights counted" contains "$text" "$total room-nights in all."
run summit print rooming --hotel Ritz -o "$tmp/ritz.pdf"
expect_rc 1 "an unknown hotel is refused"

run summit print manifests --vehicle BUS-1 --day 2007-11-14 -o "$tmp/bus.pdf"
expect_rc 0 "a vehicle's manifest for a day prints"
check "its pages render" renders "$tmp/bus.pdf"
text=$(pdftotext -layout "$tmp/bus.pdf" -)
check "titled with the vehicle and the day" contains "$text" "Driver manifest: BUS-1, 2007-11-14"
times=$(sqlite3 "$db" "SELECT time(t.depart, 'unixepoch') FROM trips t JOIN vehicles v ON v.id = t.vehicle
	WHERE v.code = 'BUS-1' AND date(t.depart, 'unixepoch') = '2007-11-14' ORDER BY t.depart" |
	cut -c1-5 | tr '\n' ' ')
shown=$(printf '%s\n' "$text" | grep -o '^ *[0-2][0-9]:[0-5][0-9]' | tr -d ' ' | tr '\n' ' ')
expect_same "$shown" "$times" "its trips' departures in order (Bamako is UTC)"

run summit print welcome --day 2007-11-13 -o "$tmp/welcome.pdf"
expect_rc 0 "the airport welcome list of a day prints"
check "its pages render" renders "$tmp/welcome.pdf"
text=$(pdftotext -layout "$tmp/welcome.pdf" -)
check "titled with the day" contains "$text" "Airport welcome list: 2007-11-13"
check "a flight without a pickup stands out" contains "$text" "NO PICKUP"
party=$(sqlite3 "$db" "SELECT sum(party) FROM arrivals WHERE direction = 'arrival'
	AND date(time, 'unixepoch') = '2007-11-13'")
check "the people to meet are counted" contains "$text" "$party people to meet."

# The plenary seating plan from protocol order, then a name card each.
run summit print seating --room "Salle Plénière" --letter K -o "$tmp/seating.pdf"
expect_rc 0 "the seating plan prints"
check "its pages render" renders "$tmp/seating.pdf"
codes=$(summit order --letter K --host first --format tsv | sed 1d | cut -f2 | tr '\n' ' ')
shown=$(pdftotext -raw -f 1 -l 1 "$tmp/seating.pdf" - | sed 's/^[0-9]* //' |
	grep -x -F "$(printf '%s\n' $codes)" | tr '\n' ' ')
expect_same "$shown" "$codes" "the seats follow the order of precedence, the host first"
check "the host's seat is marked" contains "$(pdftotext -f 1 -l 1 "$tmp/seating.pdf" -)" "(host)"
ncodes=$(printf '%s\n' $codes | wc -l)
check "then one name card a delegation" test "$(pages "$tmp/seating.pdf")" -eq $((ncodes + 1))
check "a card bears the delegation's name" \
	contains "$(pdftotext -f 2 -l 2 "$tmp/seating.pdf" -)" "Mali"
run summit print seating --width 0 -o "$tmp/s.pdf"
expect_rc 2 "a row of no seats is a usage error"
run summit print seating --room "Salle 99" -o "$tmp/s.pdf"
expect_rc 1 "an unknown room is refused"

run summit print mystery -o "$tmp/s.pdf"
expect_rc 2 "an unknown document is a usage error"
run summit print badges --hotel X -o "$tmp/s.pdf"
expect_rc 2 "an option of another document is a usage error"
expect_err "--hotel does not go with badges" "naming it"
run summit print badges --colour red -o "$tmp/s.pdf"
expect_rc 2 "an unknown option is a usage error"
expect_err 'summit: print: unknown option "--colour"' "named as the other verbs name it"
run summit print seating --room
expect_rc 2 "an option without its value too"
expect_err "summit: print: --room needs a value" "saying which"
run summit print badges
expect_rc 2 "a PDF needs -o"

done_testing
