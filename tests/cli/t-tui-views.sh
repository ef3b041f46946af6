#!/bin/sh
# The terminal UI on the sample event, view by view, at 80x24 and after a
# resize: what a planner sees, and that every figure leads to its records.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/tui.sh"
summit load "$SAMPLE" >/dev/null || { echo "Bail out! cannot load the sample"; exit 1; }
# Two meetings booked into one room at once.
for title in "Meeting A" "Meeting B"; do
	summit add sessions "title=$title" kind=bilateral "room=Salle Bagoé" \
		"start=2007-11-14 10:00" "end=2007-11-14 11:00" attendance=list \
		delegations=MLI >/dev/null || { echo "Bail out! cannot add a session"; exit 1; }
done
# A side event open to all expects one person from each delegation: more
# than a room of 40 seats.
summit set rooms "Salle Bani" capacity=40 >/dev/null

tui_start --today 2007-11-07
expect_screen "7 days left" "the dashboard counts the days to the opening"
expect_screen " 1 Dash 2 Deleg 3 Invit 4 Prog 5 Hotel 6 Trans 7 Budg 8 Tasks 9 Probl 0 Rec" \
	"the tab bar names every view in short at 80 columns"
expect_line '  accepted   ' "52" "invitations by state"
expect_line 'without a hotel' "1 !" "accepted delegations without a hotel are flagged, the host aside"
expect_line 'without a pickup' "2 !" "arrivals without a pickup are flagged"
expect_line 'overdue tasks' "3 !" "overdue tasks are flagged"
# The same count of problems as `summit check`, on one 80x24 screen.
errors=$(summit --today 2007-11-07 check --format tsv | grep -c '^error	')
warnings=$(summit --today 2007-11-07 check --format tsv | grep -c '^warning	')
check "the sample event with its double booking has errors and warnings" \
	test "$errors" -gt 0 -a "$warnings" -gt 0
expect_line 'errors (summit check)' "$errors !" "the dashboard counts the errors summit check finds"
expect_line '  warnings ' "$warnings" "and its warnings"
expect_screen "Budget, XOF" "the budget in the event's currency"
esc=$(printf '\033')
check "warnings are in the warning colour (red)" contains "$(screen_styled)" "$esc[31m"
expect_line 'need' "763 000 000" "the budget's need, grouped by thousands"

# A figure leads to the records behind it.
keys l j j
keys Enter
expect_screen "1 error, 0 warnings of kind no-hotel" \
	"Enter on 'without a hotel' lists what check finds, the same count"
expect_screen "Mozambique (MOZ) is in town on the nights of 2007-11-13 to 2007-11-17" \
	"Mozambique among them"
expect_no_screen "Mali (MLI)" "but not Mali, the host, which lives in town"
keys q
expect_screen "Invitations" "q goes back to the dashboard"

# Delegations: the list, aligned with accents, and the search.
keys 2
expect_screen "1 of 61 delegations" "Delegations lists every delegation"
expect_line 'ARG ' "sent" "the list shows the invitation state"
keys /
type_text "ivo"
expect_screen "1 of 1 delegations  search \"ivo\"" "/ narrows the list as one types"
expect_screen "CIV       Côte d'Ivoire           state         observer" \
	"an accented name keeps its columns aligned"
keys Enter Enter
expect_screen "Invitation: accepted, diplomatic note" "a delegation's page shows its invitation"
expect_screen "acknowledged -> accepted" "with its history"
expect_screen "People: 4" "and its people"
expect_screen "Sofitel L'Amitié: nights of 2007-11-13 to 2007-11-17" "and its hotel nights"
keys G
expect_screen "Sessions it attends" "and, further down, the sessions it attends"
expect_screen "2007-11-17 16:30-17:30 Closing ceremony (Salle Plénière)" \
	"sessions with their times and rooms"
keys q c
expect_screen "1 of 61 delegations" "c clears the search"
keys /
type_text "sao tome"
expect_screen "1 of 1 delegations  search \"sao tome\"" "the search sets case and accents aside"
expect_line "STP " "São Tomé and Príncipe" "and finds the name as it is written"
keys Enter c
expect_screen "1 of 61 delegations" "c clears it"

# Filters: by invitation state, then by status; and a sort.
keys f
expect_screen "Filter by" "f offers fields and conditions"
keys i i Enter
expect_screen "invitation" "a condition asks for its value"
keys d d Enter
declined=$(sql "SELECT count(*) FROM invitations WHERE state = 'declined'")
expect_screen "of $declined delegations  invitation declined" "filtered by invitation state"
keys f s Enter o Enter
both=$(sql "SELECT count(*) FROM invitations i JOIN delegations d ON d.id = i.delegation WHERE i.state = 'declined' AND d.status = 'observer'")
expect_screen "of $both delegations  status=observer  invitation declined" \
	"and by status as well"
keys c s n Enter
expect_screen "name ^" "s sorts by a column, its heading marked"
expect_row 4 "AU        African Union" "the first by name is the African Union"
keys r
expect_screen "name v" "r reverses the order"
expect_row 4 "WMD       World Movement for Demo civil-society" \
	"the last by name comes first"
keys c

# Invitations by state.
keys 3
expect_screen "sent 2" "Invitations shows the count of each state"
keys Right Right
expect_screen "1 of 2 invitations  state sent" "Right picks the next state"
expect_screen "URY        sent" "the invitations in that state"

# The programme: a grid of rooms and hours, an agenda, the warnings.
keys 4
expect_screen "Wednesday 2007-11-14, day 1 of 4" "Programme opens on the first day"
expect_screen "room          08   09   10" "rooms down the side and hours across"
expect_line "room " "17   18   19" "the hours run to 19:00, when the last side event ends"
expect_line 'Salle Plénièr .' "Opening ce" "a session as a block in its room's row"
expect_screen "10:00-12:00 Salle Plénière  301/1000   Opening ceremony" "the agenda below the grid"
expect_screen "17:45-19:00 Salle Bani       52/40   ! Side event (UNDP)" \
	"a room too small for who is expected is flagged"
expect_screen "10:00-11:00 Salle Bagoé      20/60   ! Meeting A (overlaps" \
	"sessions overlapping in one room are flagged"
expect_line "Salle Bagoé   ." "!Meet" "in the grid too"
expect_line 'Salle Bani ' "!Side e" "in the grid too"
keys Right
expect_screen "Thursday 2007-11-15, day 2 of 4" "Right moves to the next day"

# Hotels, transport, budget, tasks, every kind.
keys 5
expect_screen "Hôtel Salam" "Hotels lists each hotel"
expect_screen "2007-11-13 [################################........]   84/105" \
	"nights as bars of rooms given against the block"
keys 6
expect_screen "2007-11-14, day 3 of 7" "a week before, Transport opens on the opening day"
keys Left Left
expect_screen "2007-11-12, day 1 of 7" "the first day with flights is two days before"
expect_screen "BUS-3, 45 seats" "vehicles with their trips"
expect_screen "19:40 AF 796   CCD    party 3   met by BUS-3 at 20:25" "arrivals with their pickups"
keys Right
arrivals=$(sql "SELECT count(*) FROM arrivals WHERE direction = 'arrival' AND date(time, 'unixepoch') = '2007-11-13'")
expect_screen "Arrivals: $arrivals, 1 without a pickup" "a day's arrivals without a pickup are counted"
keys n
expect_screen "NLD    party 4   ! NO PICKUP" "n goes to the arrival nobody meets, highlighted"
keys 7
expect_screen "Total, XOF" "Budget shows the totals"
expect_line 'Receptions' "60 000 000 !" "a budget line short of pledges is flagged"
keys 8
expect_screen "of 22 tasks  (! overdue)" "Tasks lists the tasks"
expect_line ' 11 ' "!" "an overdue task is marked"
keys 9
expect_screen "$errors errors, $warnings warnings" "Problems counts what summit check finds"
expect_screen "error room-double-booked: " "problems are grouped by kind, errors first"
expect_screen '  Salle Bagoé is booked for "Meeting A" and "Meeting B" at once' "each with its sentence"
expect_screen "about room Salle Bagoé; session #" "the selected one names its records below"
keys Enter
expect_screen "Open which record?" "Enter on a problem about several records asks which"
keys Enter
expect_screen "Problems: what is not ready > room Salle Bagoé" "and opens the one chosen"
keys q v
expect_screen "showing the errors" "v shows the errors only"
expect_no_screen "warning invitation-unanswered" "without the warnings"
keys v
expect_screen "warning invitation-unanswered: " "v again: the warnings only"
expect_no_screen "error room-double-booked" "without the errors"
keys c f
expect_screen "Only problems of kind" "f offers the kinds of problem"
keys G Enter
expect_screen "of kind task-overdue" "and shows only the chosen kind"
expect_no_screen "invitation-unanswered" "without the others"
keys c
keys 0
expect_screen "Records of every kind" "Records lists every kind"
expect_line 'delegations ' "61" "with their counts"
keys ?
expect_screen "Keys of Records" "? shows the keys of the current view"
expect_screen "Tab S-Tab 1-9 0" "and the keys of every view"
keys Escape
expect_no_screen "Keys of Records" "any key closes the help"

# A larger terminal is used as it is; a smaller one again after.
tmux -L "$sock" resize-window -t summit -x 132 -y 40
expect_screen "1 Dashboard 2 Delegations 3 Invitations" "after a resize the tab bar spells every view"
keys 2
expect_screen "head" "a wider list shows more columns"
tmux -L "$sock" resize-window -t summit -x 160 -y 40
keys 4 [
expect_line "room " "08          09          10" \
	"on a wide terminal the programme's grid takes the width, its hours wider"
expect_screen "10:00-11:00 Salle Bagoé      20/60   ! Meeting A" "the agenda below it"
keys 2
tmux -L "$sock" resize-window -t summit -x 80 -y 24
expect_screen " 1 Dash 2 Deleg" "back at 80 columns the tab bar is short again"
tmux -L "$sock" resize-window -t summit -x 50 -y 24
expect_screen " 1 2 Deleg 3 4 5 6 7 8 9 0" "at 50 columns the numbers and the current view's name"
tmux -L "$sock" resize-window -t summit -x 80 -y 24
# The list keeps its order (by name, reversed) for the whole run.
expect_line 'WMD ' "World Movement for Demo" "and the list is laid out again"

keys q
expect_exit 0 "q on a first screen leaves summit, exit 0"
tui_stop

# NO_COLOR: the same screens, without colour.
TUI_ENV="NO_COLOR=1" tui_start --today 2007-11-07
expect_screen "7 days left" "with NO_COLOR the dashboard still draws"
styled=$(screen_styled)
check "without a single colour" sh -c 'test -n "$1" && ! printf "%s" "$1" | grep -q "$2"' \
	sh "$styled" "$esc\[[34][0-7]m"
check "the selection in reverse video instead" contains "$(screen_styled)" "$esc[0;7m"
expect_line "without a hotel" "1 !" "warnings keep their mark without colour"
keys Q
expect_exit 0 "Q leaves from anywhere"
tui_stop

# Without a terminal, no UI: a usage error.
run summit </dev/null
expect_rc 2 "summit without a verb and without a terminal is a usage error"
expect_err "needs a terminal" "and says why"

done_testing
