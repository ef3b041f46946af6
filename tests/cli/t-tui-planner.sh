#!/bin/sh
# A planner's day in the terminal UI: views keep their place for the whole
# run, the day views open on today, search in every view, text that does
# not fit can be read whole, and the comforts (key bar, jumps, undo).
. "$TESTLIB"
. "$(dirname "$TESTLIB")/tui.sh"
summit load "$SAMPLE" >/dev/null || { echo "Bail out! cannot load the sample"; exit 1; }

# ---- views keep their state; day views open on today or the opening ----
tui_start --today 2007-11-07
expect_screen "7 days left" "the UI opens on the sample event"
keys 6
expect_screen "2007-11-14, day 3 of" \
	"a week before, Transport opens on the opening day, not on the first arrival"
keys Right
expect_screen "2007-11-15, day 4 of" "Right goes to the next day"
keys 4
expect_screen "Wednesday 2007-11-14, day 1 of 4" "Programme opens on the opening day"
keys Right Right
expect_screen "Friday 2007-11-16, day 3 of 4" "two days on"
keys 6
expect_screen "2007-11-15, day 4 of" "Transport is still on the day it was left on"
keys 4
expect_screen "Friday 2007-11-16, day 3 of 4" "and so is the Programme"
keys 2 /
type_text "ivo"
keys Enter
expect_screen "1 of 1 delegations  search \"ivo\"" "a search in Delegations"
keys Enter
expect_screen "Invitation: accepted" "a delegation's page opened from it"
keys 3 2
expect_screen "Delegations > Côte d'Ivoire (CIV)" \
	"coming back to Delegations brings back the page left open"
keys 2
expect_screen "1 of 1 delegations  search \"ivo\"" \
	"its number again goes back to its list, the search kept"
tui_stop

tui_start --today 2007-11-15
expect_screen "days since the opening" "the UI opens during the event"
keys 4
expect_screen "Thursday 2007-11-15, day 2 of 4" "during the event, Programme opens on today"
keys 6
expect_screen "2007-11-15, day 4 of" "and so does Transport"
tui_stop

done_testing
