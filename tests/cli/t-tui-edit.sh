#!/bin/sh
# Changing the event from the terminal UI: the form (a refused value shown
# by its field, nothing saved until it is valid), an invitation moved on,
# removals, a reference picked from a list, and two planners on one file.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/tui.sh"
summit load "$SAMPLE" >/dev/null || { echo "Bail out! cannot load the sample"; exit 1; }

tui_start --today 2007-11-07
expect_screen "7 days left" "the UI opens on the sample event"

# Add a delegation through the form, with a bad size first.
keys 2
expect_screen "1 of 61 delegations" "the list of delegations"
keys a
expect_screen "Add a delegation" "a opens an empty form"
type_text "TGO"
keys Tab
type_text "Togo — 東京 Délégation"
keys Tab Right Tab Right Tab Tab Tab C-u
type_text "zero"
keys C-s
expect_screen '^ got "zero", expected a whole number above 0' \
	"a bad size is refused, the message next to the field"
expect_screen "Not saved: size needs a change." "the form says why it did not save"
check "nothing was saved" test "$(sql "SELECT count(*) FROM delegations WHERE code = 'TGO'")" = 0
keys C-u
type_text "7"
keys C-s
expect_screen "Saved delegation TGO." "a valid form is saved"
check "the file holds the new delegation" \
	test "$(sql "SELECT name, kind, status, size FROM delegations WHERE code = 'TGO'")" = \
	"Togo — 東京 Délégation|state|participant|7"
expect_screen "TGO       Togo — 東京 Délégation  state         participant      7 -" \
	"the list shows it, wide characters aligned"

# A code another delegation has is refused the same way.
keys a
expect_screen "Add a delegation" "a opens another form"
type_text "MLI"
keys Tab
type_text "Mali again"
keys Tab Right Tab Right C-s
expect_screen "already taken by another delegation" "a duplicate code is refused by the code field"
keys Escape
expect_screen "Leave without saving?" "leaving a changed form asks first"
keys y
expect_screen "of 62 delegations" "and the form is gone"
check "the duplicate was not saved" test "$(sql "SELECT count(*) FROM delegations WHERE name = 'Mali again'")" = 0

# An invitation added and moved on from the delegation's page.
keys /
type_text "TGO"
keys Enter Enter
expect_screen "Invitation: none yet (i adds it)" "a new delegation has no invitation"
keys i
expect_screen "Add an invitation" "i opens the invitation's form"
expect_screen "delegation* TGO" "with the delegation filled in"
keys C-s
expect_screen "Invitation: draft, direct" "the invitation is a draft"
keys m
expect_screen "Move TGO's invitation from draft to" "m offers the next states"
keys Enter
expect_screen "Channel:" "then asks for the channel"
keys C-u
type_text "diplomatic note"
keys Enter
expect_screen "Through" "then for an intermediary"
keys Enter
expect_screen "Note:" "then for a note"
type_text "Note verbale 123"
keys Enter
expect_screen "The invitation of TGO is now sent." "the invitation moved"
check "the file holds the new state" \
	test "$(sql "SELECT i.state, i.channel FROM invitations i JOIN delegations d ON d.id = i.delegation WHERE d.code = 'TGO'")" = "sent|diplomatic note"
check "and the history row with its note" \
	test "$(sql "SELECT h.old_state, h.new_state, h.note FROM history h JOIN invitations i ON i.id = h.delegation JOIN delegations d ON d.id = i.delegation WHERE d.code = 'TGO' ORDER BY h.id DESC LIMIT 1")" = "draft|sent|Note verbale 123"
expect_screen "draft -> sent  diplomatic note  Note verbale 123" "the page shows the move"

# Another planner changes the delegation while this one edits it.
keys e
expect_screen "Edit delegation TGO" "e opens the delegation's form"
summit set delegations TGO size=9 >/dev/null
keys Tab End
type_text " (updated)"
keys C-s
expect_screen "changed by someone else since you opened it" \
	"saving over another planner's change is refused"
check "the other planner's change stands" \
	test "$(sql "SELECT name, size FROM delegations WHERE code = 'TGO'")" = "Togo — 東京 Délégation|9"
keys C-r
expect_screen "Reloaded from the file." "Ctrl-R reloads the record"
expect_line 'size ' "9" "with the other planner's size"
keys End
type_text " (updated)"
keys C-s
expect_screen "Saved delegation TGO." "the change made on the fresh record is saved"
check "both changes are in the file" \
	test "$(sql "SELECT name, size FROM delegations WHERE code = 'TGO'")" = "Togo — 東京 Délégation (updated)|9"
keys q c

# A removal is refused while other records use the delegation.
keys /
type_text "MLI"
keys Enter
expect_screen "1 of 1 delegations" "the search finds MLI"
keys d
expect_screen "Cannot remove delegation MLI" "removing a delegation in use is refused"
expect_screen "is still used by" "the refusal names what uses it"
keys n
check "MLI is still in the file" test "$(sql "SELECT count(*) FROM delegations WHERE code = 'MLI'")" = 1

# Another planner adds one: it shows without a key press.
keys c
summit add delegations code=ZZZ "name=Zed Observers" kind=press status=guest >/dev/null
expect_screen "of 63 delegations" "another planner's new delegation shows within seconds"
keys /
type_text "ZZZ"
keys Enter d
expect_screen "Remove delegation ZZZ?" "removing an unused delegation asks first"
expect_screen "No other record refers to it." "and says nothing refers to it"
keys y
expect_screen "Removed delegation ZZZ." "y removes it"
check "ZZZ is gone from the file" test "$(sql "SELECT count(*) FROM delegations WHERE code = 'ZZZ'")" = 0

# Another planner changes a delegation while this one is asked to remove it.
summit add delegations code=ZZY "name=Zed Press" kind=press status=guest >/dev/null
keys c
expect_screen "of 63 delegations" "another new delegation shows"
keys /
type_text "ZZY"
keys Enter d
expect_screen "Remove delegation ZZY?" "removing asks first"
summit set delegations ZZY "name=Zed Press Agency" >/dev/null
keys y
expect_screen "Not removed: this delegation was changed by someone else since you opened it" \
	"a record changed while the question was open is not removed"
check "the other planner's change stands" \
	test "$(sql "SELECT name FROM delegations WHERE code = 'ZZY'")" = "Zed Press Agency"
summit remove delegations ZZY >/dev/null

# Any kind, from the Records view: a room, its venue picked from a list.
keys 0
expect_screen "Records of every kind" "the Records view"
keys j j j j j j
keys Enter
expect_screen "of 7 rooms" "Enter lists the rooms"
keys a
expect_screen "Add a room" "a opens a room's form"
type_text "Salle Test"
keys Tab C-t
expect_screen "Choose a venue" "Ctrl-T offers the venues"
keys Enter Tab
type_text "30"
keys C-s
expect_screen "Saved room Salle Test." "the room is saved"
check "with the venue picked" \
	test "$(sql "SELECT v.name, r.capacity FROM rooms r JOIN venues v ON v.id = r.venue WHERE r.name = 'Salle Test'")" = \
	"Centre International de Conférences de Bamako (CICB)|30"

# The list as CSV.
keys x
expect_screen "Export what is shown as CSV to file: rooms.csv" "x asks where to write the list"
keys C-u
type_text "$tmp/rooms.csv"
keys Enter
expect_screen "Wrote 8 rooms to $tmp/rooms.csv." "and writes it"
check "the CSV file has every room, the new one too" \
	test "$(grep -c 'Centre International' "$tmp/rooms.csv")" = 8

# And back from CSV: a bad row refuses the whole file.
printf 'name,venue,capacity\nSalle A,CICB,40\nSalle B,CICB,many\n' >"$tmp/bad.csv"
printf 'name,venue,capacity\nSalle A,Centre International de Conférences de Bamako (CICB),40\nSalle B,Centre International de Conférences de Bamako (CICB),25\n' >"$tmp/rooms-in.csv"
keys I
expect_screen "Import rooms from CSV file:" "I asks for a CSV file"
type_text "$tmp/bad.csv"
keys Enter
expect_screen "Nothing imported:" "a bad file is refused"
check "and adds nothing" test "$(sql "SELECT count(*) FROM rooms")" = 8
keys I
type_text "$tmp/rooms-in.csv"
keys Enter
expect_screen "Imported 2 rooms" "a good file is imported"
expect_screen "of 10 rooms" "and the list shows its rows"

# Calendars as .ics, the same files `summit export ics` writes (but for
# their DTSTAMP, the time of writing).
same_calendar() { # FILE SCOPE KEY
	summit export ics "$2" "$3" | grep -v '^DTSTAMP' >"$tmp/cli.ics"
	grep -v '^DTSTAMP' "$1" | cmp -s - "$tmp/cli.ics"
}
keys /
type_text "Plénière"
keys Enter C
expect_screen "Export its calendar (.ics) to file: $tmp/Salle-Plénière.ics" \
	"C on a room offers to write its calendar, where the last export went"
keys C-u
type_text "$tmp/room.ics"
keys Enter
expect_screen "Wrote the calendar of Salle Plénière to $tmp/room.ics." "and writes it"
check "the room's calendar, as summit export ics --room writes it" \
	same_calendar "$tmp/room.ics" --room "Salle Plénière"
check "with the sessions held there" \
	test "$(grep -c '^BEGIN:VEVENT' "$tmp/room.ics")" = \
	"$(sql "SELECT count(*) FROM sessions s JOIN rooms r ON r.id = s.room WHERE r.name = 'Salle Plénière'")"

keys 4
expect_screen "Programme" "the programme"
keys C
expect_screen "Export its calendar (.ics) to file: $tmp/Salle-Plénière.ics" \
	"C in the programme offers the calendar of the selected session's room"
keys C-u
type_text "$tmp/room2.ics"
keys Enter
expect_screen "Wrote the calendar of Salle Plénière to $tmp/room2.ics." "and writes it"
check "the same calendar as from the room's list" \
	same_calendar "$tmp/room2.ics" --room "Salle Plénière"

keys 2 /
type_text "ivo"
keys Enter Enter
expect_screen "Côte d'Ivoire (CIV)" "a delegation's page"
keys C
expect_screen "Export its calendar (.ics) to file: $tmp/CIV.ics" "C offers the delegation's calendar"
keys C-u
type_text "$tmp/civ.ics"
keys Enter
expect_screen "Wrote the calendar of CIV to $tmp/civ.ics." "and writes it"
check "the delegation's calendar, as summit export ics --delegation writes it" \
	same_calendar "$tmp/civ.ics" --delegation CIV
: >"$tmp/civ.ics"
keys C C-u
type_text "$tmp/civ.ics"
keys Enter
expect_screen "Overwrite $tmp/civ.ics?" "an existing file is not overwritten without asking"
keys n
expect_no_screen "Overwrite" "n leaves it"
check "as it was" test ! -s "$tmp/civ.ics"
keys C C-u
type_text "$tmp/civ.ics"
keys Enter
expect_screen "Overwrite $tmp/civ.ics?" "asked again"
keys y
expect_screen "Wrote the calendar of CIV to $tmp/civ.ics." "y writes the new calendar over it"
check "the calendar of today, as summit export ics --delegation writes it" \
	same_calendar "$tmp/civ.ics" --delegation CIV
keys q

keys 6
expect_screen "seats" "Transport shows the vehicles"
keys G k C
expect_screen "Export its calendar (.ics) to file: " "C on a vehicle offers its calendar"
vehicle=$(screen_line "Export its calendar" | sed 's/.*to file: \([^ ]*\/\)\{0,1\}\([^ /]*\)\.ics.*/\2/')
check "named by the vehicle's code" test -n "$(sql "SELECT code FROM vehicles WHERE code = '$vehicle'")"
keys C-u
type_text "$tmp/vehicle.ics"
keys Enter
expect_screen "Wrote the calendar of $vehicle to $tmp/vehicle.ics." "and writes it"
check "the vehicle's calendar, as summit export ics --vehicle writes it" \
	same_calendar "$tmp/vehicle.ics" --vehicle "$vehicle"

keys C-c
expect_exit 0 "Ctrl-C leaves summit"
check "nothing went to stderr" test ! -s "$tmp/tui-stderr"
tui_stop

# From a shell: Ctrl-Z suspends summit as job control expects, fg brings
# it back drawn again.
tui_shell
expect_screen 'prompt$' "a shell in the terminal"
type_text "'$SUMMIT' --db '$db' --today 2007-11-07 2>'$tmp/tui-stderr'"
keys Enter
expect_screen "days left" "summit opens from the shell"
keys C-z
expect_screen "Stopped" "Ctrl-Z suspends it and the shell says so"
expect_no_screen "days left" "leaving the terminal to the shell"
type_text "fg"
keys Enter
expect_screen "days left" "fg brings it back"
expect_no_screen "Stopped" "drawn again over the shell's lines"
keys Q
expect_screen 'prompt$' "Q gives the terminal back to the shell"
check "and says nothing on stderr" test ! -s "$tmp/tui-stderr"
check "the file is sound" test "$(sql "PRAGMA integrity_check")" = ok

done_testing
