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

# ---- nothing is cut without a way to read it ----
tui_start --today 2007-11-07
expect_screen "7 days left" "the UI again"
keys 2 /
type_text "israel"
keys Enter Enter
expect_screen "Israel (ISR)" "Israel's page"
expect_no_screen "diplomatic relations with Israel since 1973" \
	"at 80 columns the invitation's note is cut"
keys /
type_text "relations"
keys Enter
expect_screen "Delivered through the United States" "/ finds the line that holds the words"
keys w
expect_screen "The whole text (w)" "w opens the whole text of the selected line"
expect_screen "relations with Israel since 1973" "the note, whole, wrapped"
keys q
expect_no_screen "The whole text (w)" "any key closes it"

# The two-planner refusal, whole at 80 columns.
keys e
expect_screen "Edit delegation ISR" "the delegation's form"
summit set delegations ISR size=9 >/dev/null
keys Tab End
type_text " (x)"
keys C-s
expect_screen "Ctrl-R reloads it (your changes are" \
	"the refusal is wrapped, not cut: it says how to go on"
expect_screen "lost)." "to its end"
keys C-r Escape
expect_no_screen "Edit delegation ISR" "Esc leaves the reloaded form"

# The Programme: the selection is marked without colour, hidden rooms too.
tui_stop
TUI_ENV="NO_COLOR=1" TUI_LINES=16 tui_start --today 2007-11-07
keys 4
expect_screen "Wednesday 2007-11-14" "the Programme without colour"
expect_screen "v 1 more room below" "where rooms are hidden, a line says how many"
expect_line "room " "^ 1 more" "above the grid too"
expect_screen ">Opening c" "the selected session is marked in the grid"
esc=$(printf '\033')
check "and reversed, while the other sessions are not" \
	test "$(screen_styled | grep -c "$esc\[7m")" -ge 1
keys j j j j
expect_line "Salle Baoulé" ">Bil" "the mark follows the selection"
tui_stop

# ---- dialog faults ----
tui_start --today 2007-11-07
expect_screen "7 days left" "the UI again"
keys 2 e
expect_screen "Edit delegation ARG" "a form"
keys Tab End Escape
expect_no_screen "Edit delegation ARG" "End alone changes nothing: Esc leaves without a question"
keys e Tab
type_text "x"
keys Escape
expect_screen "Leave without saving?" "a change, then Esc, asks"
expect_screen "Edit delegation ARG" "the question leaves the form it is about in view"
keys q
expect_screen "Please answer y (yes) or n (no)" "q is not taken for an answer"
keys q n
expect_no_screen "Leave without saving?" "n answers no"
expect_line "name*" "Argentinax" "and no q went into the field"
keys Escape y
expect_no_screen "Edit delegation ARG" "y leaves"
check "nothing was saved" test "$(sql "SELECT name FROM delegations WHERE code = 'ARG'")" = Argentina
keys d
expect_screen "Cannot remove delegation ARG" "removing a delegation in use is refused"
expect_no_screen "y: yes" "and no yes/no is offered where there is no choice"
keys n
expect_no_screen "Cannot remove delegation ARG" "a key closes it"

# x exports what the list shows.
keys 8 f
expect_screen "Filter by" "a filter on the tasks"
keys o Enter
expect_screen "of 9 tasks  open" "filtered to the open tasks"
listed=$(screen | sed -n 's/.* of \([0-9]*\) tasks.*/\1/p' | head -n 1)
keys x C-u
type_text "$tmp/tasks.csv"
keys Enter
expect_screen "Wrote $listed tasks to $tmp/tasks.csv." "x says how many it wrote"
rows=$(($(grep -c '^[0-9]' "$tmp/tasks.csv")))
check "the file holds the tasks shown, not all 22" test "$rows" = "$listed" -a "$listed" = 9

# The form at a tiny size, then grown back.
keys 2 e
expect_screen "Edit delegation ARG" "a form"
tmux -L "$sock" resize-window -t summit -x 40 -y 7
expect_screen "too small for this form" "at a tiny size the form says so instead of garbling"
tmux -L "$sock" resize-window -t summit -x 80 -y 24
expect_line "code" "ARG" "grown back, the form shows its fields from the first"
keys Escape
tui_stop

done_testing
