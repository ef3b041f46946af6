#!/bin/sh
# Changes made outside a form (tagged records, a pickup for several
# arrivals, an undo) say what they newly break, as a form and `summit set`
# do: the change is saved and the message names the new problem.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/tui.sh"
summit load "$SAMPLE" >/dev/null || { echo "Bail out! cannot load the sample"; exit 1; }

# Liberia's two parties (2 and 8 people) onto a car with four seats.
summit set arrivals 26 pickup= >/dev/null
summit set arrivals 27 pickup= >/dev/null
summit add trips vehicle=CAR-1 kind=pickup "origin=Bamako-Sénou International Airport" \
	"destination=Sofitel L'Amitié" "depart=2007-11-13 15:35" "arrive=2007-11-13 16:05" >/dev/null
car=$(sql "SELECT max(id) FROM trips")
tui_start --today 2007-11-07
keys 0 /
type_text "arrivals"
keys Enter Enter
keys f
type_text "arrivals without"
keys Enter
expect_screen "arrivals without a pickup" "the arrivals nobody meets"
keys t t P
expect_screen "Pickup for LBR" "P offers a trip for both"
type_text "#$car"
keys Enter
expect_screen "2 arrivals are met by trip #$car; warning: Trip #$car from Bamako-Sénou" \
	"linking both onto a car too small says so at once"
expect_screen "people, but CAR-1 seats 4" "naming the car and its seats"
check "and they are linked all the same" \
	test "$(sql "SELECT count(*) FROM arrivals WHERE id IN (26, 27) AND pickup = $car")" = 2
tui_stop

# Two sessions set to a room too small for them.
tui_start --today 2007-11-07
keys 0 /
type_text "sessions"
keys Enter Enter
expect_screen "Records of every kind > Sessions" "the sessions"
keys t t S
expect_screen "Set which field of the 2 sessions?" "S asks which field"
keys r Enter
expect_screen "room for all of them:" "the room"
type_text "Salle Baoulé"
keys Enter
expect_screen "Set room on 2 sessions; warning: " "the change is saved, with a warning"
expect_screen "in Salle Baoulé, which seats 40" "naming the room too small"
check "both moved" \
	test "$(sql "SELECT count(*) FROM sessions s JOIN rooms r ON r.id = s.room WHERE s.id IN (1, 2) AND r.name = 'Salle Baoulé'")" = 2
tui_stop

# An undo that brings back a room another session has taken since.
tui_start --today 2007-11-07
keys 0 /
type_text "sessions"
keys Enter Enter
keys /
type_text "Senegal - Ghana"
keys Enter e
expect_screen "session #5" "the bilateral's form"
keys Down Down
keys C-u
type_text "Salle Bagoé"
keys C-s
expect_screen "Saved session #5" "moved to Salle Bagoé"
summit add sessions "title=Press briefing" kind=side-event "room=Salle Baoulé" \
	"start=2007-11-14 17:30" "end=2007-11-14 18:00" >/dev/null 2>&1
keys u
expect_screen "Undone: the change of the session; warning: Salle Baoulé is booked for" \
	"undoing into a room taken meanwhile says so"
check "and the session is back in its room" \
	test "$(sql "SELECT r.name FROM sessions s JOIN rooms r ON r.id = s.room WHERE s.id = 5")" = "Salle Baoulé"
tui_stop

# Accepting an invitation: São Tomé, whose flight is known, has no hotel.
summit add arrivals delegation=STP "airport=Bamako-Sénou International Airport" \
	"time=2007-11-13 10:00" party=3 >/dev/null
tui_start --today 2007-11-07
keys 2 /
type_text "STP"
keys Enter Enter m
expect_screen "Move STP's invitation from delivered to" "m offers the next states"
keys Down Enter Enter Enter Enter
expect_screen "The invitation of STP is now accepted; warning: São Tomé and Príncipe (STP) is" \
	"accepting says the delegation now needs a hotel"
tui_stop

done_testing
