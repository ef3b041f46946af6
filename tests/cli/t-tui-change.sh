#!/bin/sh
# A change made in the TUI's form goes through the same rules as the
# command line: an impossible one is refused by its field, one that
# creates a problem is saved and the form says so before the planner
# leaves the record.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/tui.sh"
summit load "$SAMPLE" >/dev/null || { echo "Bail out! cannot load the sample"; exit 1; }
sql() { sqlite3 "$db" "$1"; }

tui_start --today 2007-11-07
expect_screen "7 days left" "the UI opens on the sample event"
keys 4
expect_screen "Wednesday 2007-11-14, day 1 of 4" "the Programme, on the first day"
keys a
expect_screen "Add a session" "a opens a session's form"
type_text "Briefing"
keys Tab Right Tab
type_text "Salle Plénière"
keys Tab C-u
type_text "2007-11-14 10:30"
keys Tab C-u
type_text "2007-11-14 11:00"
keys C-s
expect_screen "Saved, with new problems. Edit it again?" \
	"a session in a taken room is saved, and the form says so at once"
expect_screen 'warning: Salle Plénière is booked for "Opening ceremony" and' \
	"naming the new problem"
check "the session is in the file" \
	test "$(sql "SELECT count(*) FROM sessions WHERE title = 'Briefing'")" = 1
keys y
expect_screen "Edit session #38" "y goes back to the saved session"
expect_screen "Saved. warning: Salle Plénière is booked" "with the problem on its message line"
keys Up C-u
type_text "2007-11-14 12:00"
keys Tab C-u
type_text "2007-11-14 12:30"
keys C-s
expect_screen "Saved session #38." "moved to a free hour, it saves without a word"
check "the move is in the file" \
	test "$(sql "SELECT count(*) FROM sessions WHERE title = 'Briefing' AND start = strftime('%s', '2007-11-14 12:00')")" = 1

# A second head of a delegation is refused by the role field.
keys 2
expect_screen "of 61 delegations" "the list of delegations"
keys /
type_text "Senegal"
keys Enter Enter
expect_screen "Senegal (SEN)" "Senegal's page"
keys p
expect_screen "Add a person" "p opens a person's form"
expect_screen "delegation* SEN" "for Senegal"
keys Tab
type_text "Macky Sall"
keys Tab Tab Left
keys C-s
expect_screen "got head, but SEN already has a head, Abdoulaye Wade" \
	"a second head is refused, next to the role"
expect_screen "Not saved: role needs a change." "and nothing is saved"
check "no second head in the file" \
	test "$(sql "SELECT count(*) FROM people WHERE name = 'Macky Sall'")" = 0
keys Escape y

# An import from the Records view is watched the same way.
printf 'title,kind,room,start,end\nDebrief,side-event,Salle Bani,2007-11-15 12:30,2007-11-15 13:30\n' \
	>"$tmp/sessions.csv"
keys 0
expect_screen "Records of every kind" "the Records view"
keys j j j j j j j Enter
expect_screen "of 38 sessions" "Enter lists the sessions"
keys I
expect_screen "Import sessions from CSV file:" "I asks for a CSV file"
type_text "$tmp/sessions.csv"
keys Enter
expect_screen 'Imported 1 session; warning: Salle Bani is booked for' \
	"the import is saved and its new problem named"
check "the imported session is in the file" \
	test "$(sql "SELECT count(*) FROM sessions WHERE title = 'Debrief'")" = 1

tui_stop
done_testing
