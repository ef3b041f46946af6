#!/bin/sh
# Printing from the terminal UI: one key where the records are shown; the
# document is made by the print helper on the same file and the UI says
# where it went, or why not.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/tui.sh"
summit load "$SAMPLE" >/dev/null || { echo "Bail out! cannot load the sample"; exit 1; }
cd "$tmp" || exit 1

tui_start --today 2007-11-07
expect_screen "7 days left" "the UI opens on the sample event"

# The programme of the day shown, as a grid.
keys 4
expect_screen "Wednesday 2007-11-14, day 1 of 4" "the programme opens on the first day"
keys Right
expect_screen "Thursday 2007-11-15" "the next day"
keys P
expect_screen "Print the programme (PDF) to file: programme-2007-11-15.pdf" \
	"P asks where to print the day's programme, with a name ready"
keys C-u
type_text "$tmp/day2.pdf"
keys Enter
expect_screen "Printed: wrote the programme to $tmp/day2.pdf" "the UI says where it went"
check "the file reads the day's programme" \
	contains "$(pdftotext "$tmp/day2.pdf" - 2>/dev/null)" "programme of 2007-11-15"

# The seating plan of the selected session's room, in protocol order.
keys Left
expect_screen "Wednesday 2007-11-14" "back to the first day, the opening selected"
keys O
expect_screen "Print the seating (PDF) to file: seating-Salle-Plénière.pdf" \
	"O offers the seating plan of the selected session's room"
keys C-u
type_text "$tmp/plenary.pdf"
keys Enter
expect_screen "Printed: wrote the seating to $tmp/plenary.pdf" "it is printed"
check "the file is the plenary's seating plan, the host first" \
	contains "$(pdftotext "$tmp/plenary.pdf" - 2>/dev/null | tr '\n' ' ')" \
	"seating plan, Salle Plénière (from the letter A) PODIUM 1  MLI Mali (host)"

# A delegation's badges from its page.
keys 2
expect_screen "1 of 61 delegations" "the list of delegations"
keys /
type_text "Senegal"
keys Enter
expect_line "SEN " "Senegal" "found"
keys Enter
expect_screen "Abdoulaye Wade" "its page"
keys B
expect_screen "Print the badges (PDF) to file: badges-SEN.pdf" "B offers to print its badges"
keys Enter
expect_screen "Printed: wrote 5 badges to badges-SEN.pdf" "the badges are printed"
check "each decodes to its number" test "$(pdftoppm -png -r 150 -f 1 -l 1 "$tmp/badges-SEN.pdf" "$tmp/b" &&
	zbarimg -q "$tmp"/b-*.png 2>/dev/null | grep -c '^QR-Code:BKO-')" -eq 1

# A refusal is said, and nothing is written.
keys 5
expect_screen "Hôtel Salam" "the hotels"
keys P
expect_screen "Print the rooming (PDF) to file: rooming.pdf" "P offers the rooming list"
keys C-u
type_text "$tmp/no/such/dir/rooming.pdf"
keys Enter
expect_screen "Not printed: cannot write $tmp/no/such/dir/rooming.pdf" "a file that cannot be written is refused"
keys P Enter
expect_screen "Printed: wrote the rooming to rooming.pdf" "and a good one is written"
check "the rooming list names its hotels" \
	contains "$(pdftotext "$tmp/rooming.pdf" - 2>/dev/null)" "Rooming list: Hôtel Salam"

# The day's welcome list and manifests from Transport.
keys 6
expect_screen "2007-11-14, day 3 of 7" "Transport opens on the opening day"
keys W Enter
expect_screen "Printed: wrote the welcome to welcome-2007-11-14.pdf" "W prints the airport welcome list"
check "it lists the day's flights" \
	contains "$(pdftotext "$tmp/welcome-2007-11-14.pdf" - 2>/dev/null)" "Airport welcome list: 2007-11-14"
keys M Enter
expect_screen "Printed: wrote the manifests to manifests-2007-11-14.pdf" "M prints the day's manifests"
check "a driver's page for that day" \
	contains "$(pdftotext "$tmp/manifests-2007-11-14.pdf" - 2>/dev/null)" ", 2007-11-14"

# The post-event report from the dashboard, as PDF or Markdown.
keys 1 W
expect_screen "Write the report (PDF; .md for Markdown) to file: report.pdf" \
	"W on the dashboard offers the report"
keys Enter
expect_screen "Printed: wrote the report to report.pdf" "it is written"
check "the PDF is the report" \
	contains "$(pdftotext "$tmp/report.pdf" - 2>/dev/null)" "Community of Democracies Ministerial: the report"
keys W C-u
type_text "$tmp/report.md"
keys Enter
expect_screen "Printed: wrote the report to $tmp/report.md" "a .md file"
check "is the report as Markdown" grep -q "^## Changes to the programme" "$tmp/report.md"
tui_stop
done_testing
