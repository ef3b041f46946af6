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
expect_screen "today 2007-11-15: day 2 of 4" "the UI opens during the event, on its day"
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

# ---- arrival to pickup in one step ----
tui_start --today 2007-11-07
expect_screen "7 days left" "the UI again"
keys 6 Left n
expect_screen "NLD    party 4   ! NO PICKUP" "n finds NLD's arrival, which nobody meets"
keys P
expect_screen "Pickup for NLD SN 237 at 21:05" "P offers its pickup"
expect_screen "+ a new trip, filled in from the flight" "a new trip first"
expect_screen "#25   2007-11-13 21:50 VAN-3   -> Sofitel L'Amitié, 4 free of 7" \
	"then the trips that fit, with date, time and free seats"
check "only the trips from its airport after its landing that day" \
	test "$(screen | grep -c '^ *│#')" = 1
keys Enter
expect_screen "Add a trip" "Enter on a new trip opens its form"
expect_line "origin*" "Bamako-Sénou International Airport" "from the flight's airport"
expect_line "destination*" "Hôtel Salam" "to the delegation's hotel"
expect_line "depart*" "2007-11-13 21:25" "at the landing plus the pickup margin"
nld=$(sql "SELECT group_concat(p.id, ' ') FROM people p JOIN delegations d ON d.id = p.delegation WHERE d.code = 'NLD'")
expect_line "riders" "$nld" "with the party as riders"
type_text "VAN-1"
keys C-s
expect_screen "the arrival is met by it" "one save makes the trip and links it"
trip=$(sql "SELECT a.pickup FROM arrivals a JOIN delegations d ON d.id = a.delegation WHERE d.code = 'NLD' AND a.direction = 'arrival'")
check "the arrival's pickup is the new trip" \
	test "$(sql "SELECT v.code || ' ' || t.kind FROM trips t JOIN vehicles v ON v.id = t.vehicle WHERE t.id = '$trip'")" = "VAN-1 pickup"
expect_screen "NLD    party 4   met by VAN-1 at 21:25" "Transport shows it met"

# Several arrivals onto one trip: tag them, P, pick.
tui_stop
summit set arrivals 26 pickup= >/dev/null
summit set arrivals 27 pickup= >/dev/null
tui_start --today 2007-11-07
keys 0 /
type_text "arrivals"
keys Enter Enter
expect_screen "Records of every kind > Arrivals" "the arrivals"
keys f
type_text "arrivals without"
keys Enter
expect_screen "arrivals without a pickup" "filtered to those nobody meets"
keys t t
expect_line "26 " "* !" "t tags an arrival, marked in its own column"
expect_screen "2 arrivals tagged: d removes them, S sets a field, P gives them one pickup" \
	"and says what can be done with them"
keys P
expect_screen "Pickup for LBR" "P offers a trip for all of them"
type_text "15:20 van-1"
keys Enter
expect_screen "2 arrivals are met by trip #" "both are linked at once"
check "both arrivals have the same pickup" \
	test "$(sql "SELECT count(DISTINCT pickup) || ' ' || count(pickup) FROM arrivals WHERE id IN (26, 27)")" = "1 2"
tui_stop

# ---- bulk: tag tasks, set a field on all, remove all ----
tui_start --today 2007-11-07
keys 8 t t
expect_screen "2 tagged" "two tasks tagged"
keys S
expect_screen "Set which field of the 2 tasks?" "S asks which field"
keys s Enter
expect_screen "state for all of them:" "then the value"
type_text "done"
keys Enter
expect_screen "Set state on 2 tasks." "and sets it on both"
check "in the file" test "$(sql "SELECT count(*) FROM tasks WHERE id IN (SELECT id FROM tasks ORDER BY due, id LIMIT 2) AND state = 'done'")" = 2
before=$(sql "SELECT count(*) FROM tasks")
keys d
expect_screen "Remove the 2 tagged tasks?" "d asks once for all of them"
keys y
expect_screen "Removed 2 tasks." "and removes them together"
check "in the file" test "$(sql "SELECT count(*) FROM tasks")" = $((before - 2))

# ---- rooms over a range of nights, the hotel remembered ----
keys 2 /
type_text "israel"
keys Enter Enter
expect_screen "Israel (ISR)" "Israel's page"
sql "DELETE FROM allocations WHERE delegation = (SELECT id FROM delegations WHERE code = 'ISR')"
keys R n
expect_screen "Rooms for ISR at hotel:" "n asks for the hotel"
keys C-u
type_text "Hôtel Salam"
keys Enter
expect_screen "Nights, the first and the last: 2007-11-13 2007-11-16" "the event's nights by default"
keys Enter
expect_screen "Rooms each night: 1" "then the rooms"
keys C-u
type_text "3"
keys Enter
expect_screen "ISR: 3 rooms at Hôtel Salam for 4 nights, 2007-11-13 to 2007-11-16." \
	"one allocation per night, in one go"
check "four nights in the file" \
	test "$(sql "SELECT count(*), sum(rooms) FROM allocations WHERE delegation = (SELECT id FROM delegations WHERE code = 'ISR')")" = "4|12"
keys n
expect_screen "Rooms for ISR at hotel: Hôtel Salam" "the next time its hotel is remembered"
keys Escape
tui_stop

# ---- pickers narrow as one types, with the facts a choice needs ----
tui_start --today 2007-11-07
keys 4 a
expect_screen "Add a session" "a session's form"
keys Tab Tab C-t
expect_screen "Choose a room" "Ctrl-T on its room"
expect_line "Salle Plénière" "1000 seats  free then" "rooms with their seats, free at the session's time"
type_text "BAGOE"
expect_no_screen "Salle Plénière" "typing narrows, without regard to case or accents"
expect_line "Salle Bagoé" "60 seats" "to Salle Bagoé"
keys Enter
expect_line "room*" "Salle Bagoé" "Enter takes it"
keys Escape y
keys 6 t
expect_screen "Add a trip" "a trip's form"
keys Tab Tab Tab Tab Tab Tab C-t
expect_screen "Choose a person" "Ctrl-T on its riders"
type_text "bakayoko"
expect_line "Youssouf Bakayoko" "delegation CIV" "a person with their delegation"
keys Enter
soro=$(sql "SELECT id FROM people WHERE name = 'Youssouf Bakayoko'")
expect_line "riders" "$soro" "taken into the list"
keys Escape y
tui_stop

# ---- amounts typed as they are shown ----
tui_start --today 2007-11-07
keys 7 c
expect_screen "Add a cost" "a budget line's form"
type_text "Interpreters' booths"
keys Tab Tab
expect_screen "An amount like 1 500 000" "the hint shows amounts as they are shown"
type_text "1 500 000"
keys C-s
expect_screen "Saved cost Interpreters' booths." "an amount typed with its groups is accepted"
check "as 1,500,000" test "$(sql "SELECT amount FROM costs WHERE name = 'Interpreters'' booths'")" = 150000000
expect_line "Interpreters' boot" "1 500 000" "and shown the same way"
tui_stop

# ---- comforts: key bar, / everywhere, D, u, :, the mouse ----
tui_start --today 2007-11-07
expect_screen "7 days left" "the UI again"
keys 4
expect_row 24 "Left Right day  D date" "the key bar shows the Programme's own keys"
keys /
type_text "undp"
keys Enter
expect_line "Salle Bani" ">" "/ in the Programme selects the session it finds"
expect_line "Salle Bani" "Side" "the side event"
keys D
expect_screen "Go to the day (YYYY-MM-DD, Enter: today): 2007-11-07" "D asks for a day, today offered"
keys Enter
expect_screen "2007-11-07 is not among the days shown here, 2007-11-14 to 2007-11-17." \
	"a week before, today is not a day of the programme: it says so"
keys D C-u
type_text "2007-11-16"
keys Enter
expect_screen "Friday 2007-11-16, day 3 of 4" "D goes to the day typed"
keys 6 /
type_text "tza"
keys Enter P
expect_screen "Pickup for TZA KQ 512" "/ in Transport selects the flight it finds"
keys Escape
keys 9 /
type_text "tanzania"
keys Enter
expect_screen "about delegation TZA (United Republic of Tanzania)" \
	"/ in Problems selects the problem that names it, its records below"

# u: a save, then a removal, taken back.
keys 2 /
type_text "argentina"
keys Enter e Tab End
type_text " (changed)"
keys C-s
expect_screen "Saved delegation ARG." "a change saved"
keys u
expect_screen "Undone: the change of the delegation." "u takes it back"
check "in the file" test "$(sql "SELECT name FROM delegations WHERE code = 'ARG'")" = Argentina
summit add delegations code=ZZZ "name=Zed Observers" kind=press status=guest >/dev/null
keys c /
type_text "ZZZ"
keys Enter d y
expect_screen "Removed delegation ZZZ. u puts it back." "a removal says u puts it back"
keys u
expect_screen "Undone: the removal of the delegation." "and u does"
check "in the file" test "$(sql "SELECT name FROM delegations WHERE code = 'ZZZ'")" = "Zed Observers"
keys c

# : runs a verb in the terminal and comes back.
keys :
expect_screen ":summit" "the : prompt"
type_text "export ics --delegation SEN -o '$tmp/sen ics.ics'"
keys Enter
expect_screen "Press Enter to go back to the UI." "the verb runs, its output in the terminal"
keys Enter
expect_screen "exit 0" "back in the UI, saying how it went"
check "the verb wrote its file (a quoted name with a space)" test -s "$tmp/sen ics.ics"

# The mouse: a click selects, a second one opens; the wheel scrolls.
click() { # COLUMN ROW, 0-based
	x=$(printf "\\$(printf %o $((33 + $1)))")
	y=$(printf "\\$(printf %o $((33 + $2)))")
	type_text "$(printf '\033[M %s%s\033[M#%s%s' "$x" "$y" "$x" "$y")"
}
keys 2 g
expect_screen "1 of 62 delegations" "the list"
click 5 6
expect_screen "4 of 62 delegations" "a click selects the row"
click 5 6
expect_screen "Delegations > " "a second click opens it"
keys q
type_text "$(printf '\033[Ma!!')"
expect_screen "7 of 62 delegations" "the wheel moves three rows"
click 25 0
expect_screen "Friday 2007-11-16, day 3 of 4" "a click on a tab opens it, as it was left"
tui_stop

done_testing
