#!/bin/sh
# The terminal UI on the sample event, view by view, at 80x24 and after a
# resize: what a planner sees, and that every figure leads to its records.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/tui.sh"
summit load "$SAMPLE" >/dev/null || { echo "Bail out! cannot load the sample"; exit 1; }

tui_start --today 2007-11-07
expect_screen "7 days left" "the dashboard counts the days to the opening"
check "the tab bar names every view in short at 80 columns" \
	contains "$shown" " 1 Dash  2 Deleg  3 Invit  4 Prog  5 Hotel  6 Trans  7 Budg  8 Tasks  9 Rec"
check "invitations by state" contains "$(screen_line '  accepted   ')" "52"
check "accepted delegations without a hotel are flagged" \
	contains "$(screen_line 'without a hotel')" "3 !"
check "arrivals without a pickup are flagged" \
	contains "$(screen_line 'without a pickup')" "2 !"
check "overdue tasks are flagged" contains "$(screen_line 'overdue')" "3 !"
check "the budget in the event's currency" contains "$shown" "Budget, XOF"
check "the budget's need, grouped by thousands" \
	contains "$(screen_line 'need')" "763 000 000"

# A figure leads to the records behind it.
keys l j j
keys Enter
expect_screen "of 3 delegations  accepted, without a hotel" \
	"Enter on 'without a hotel' lists those delegations"
keys q
expect_screen "Invitations" "q goes back to the dashboard"

# Delegations: the list, aligned with accents, and the search.
keys 2
expect_screen "1 of 61 delegations" "Delegations lists every delegation"
check "the list shows the invitation state" contains "$(screen_line 'ARG ')" "sent"
keys /
type_text "ivo"
expect_screen "1 of 1 delegations  search \"ivo\"" "/ narrows the list as one types"
check "an accented name keeps its columns aligned" \
	contains "$shown" "CIV       Côte d'Ivoire           state         observer"
keys Enter Enter
expect_screen "Invitation: accepted, diplomatic note" "a delegation's page shows its invitation"
check "with its history" contains "$shown" "acknowledged -> accepted"
check "and its people" contains "$shown" "People: 4"
check "and its hotel nights" contains "$shown" "Sofitel L'Amitié: nights of 2007-11-13 to 2007-11-17"
keys G
expect_screen "Sessions it attends" "and, further down, the sessions it attends"
check "sessions with their times and rooms" \
	contains "$shown" "2007-11-17 16:30-17:30 Closing ceremony (Salle Plénière)"
keys q c
expect_screen "1 of 61 delegations" "c clears the search"

# Filters: by invitation state, then by status; and a sort.
keys f
expect_screen "Filter by" "f offers fields and conditions"
keys i Enter
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
check "the first by name is the African Union" contains "$(screen | sed -n 4p)" "AU        African Union"
keys r
expect_screen "name v" "r reverses the order"
check "the last by name comes first" \
	contains "$(screen | sed -n 4p)" "WMD       World Movement for Demo civil-society"
keys c

# Invitations by state.
keys 3
expect_screen "sent 2" "Invitations shows the count of each state"
keys Right Right
expect_screen "1 of 2 invitations  state sent" "Right picks the next state"
check "the invitations in that state" contains "$shown" "URY        sent"

# The programme: a grid of rooms and hours, an agenda, the warnings.
keys 4
expect_screen "Wednesday 2007-11-14, day 1 of 4" "Programme opens on the first day"
check "rooms down the side and hours across" contains "$shown" "room          08    09    10"
check "a session as a block in its room's row" contains "$(screen_line 'Salle Plénièr .')" "Opening cere"
check "the agenda below the grid" contains "$shown" "10:00-12:00 Salle Plénière  340/1000   Opening ceremony"
check "a room too small for who is expected is flagged" \
	contains "$shown" "17:45-19:00 Salle Bani      340/120  ! Side event (UNDP)"
check "in the grid too" contains "$(screen_line 'Salle Bani ')" "!Side ev"
keys Right
expect_screen "Thursday 2007-11-15, day 2 of 4" "Right moves to the next day"

# Hotels, transport, budget, tasks, every kind.
keys 5
expect_screen "Hôtel Salam" "Hotels lists each hotel"
check "nights as bars of rooms given against the block" \
	contains "$shown" "2007-11-13 [################################........]   84/105"
keys 6
expect_screen "2007-11-12, day 1 of 7" "Transport opens on the first day with flights"
check "vehicles with their trips" contains "$shown" "BUS-3, 45 seats"
check "arrivals with their pickups" contains "$shown" "19:40 AF 796   CCD    party 3   met by BUS-3 at 20:25"
keys Right
arrivals=$(sql "SELECT count(*) FROM arrivals WHERE direction = 'arrival' AND date(time, 'unixepoch') = '2007-11-13'")
expect_screen "Arrivals: $arrivals, 1 without a pickup" "a day's arrivals without a pickup are counted"
keys u
expect_screen "NLD    party 4   ! NO PICKUP" "u goes to the arrival nobody meets, highlighted"
keys 7
expect_screen "Total, XOF" "Budget shows the totals"
check "a budget line short of pledges is flagged" \
	contains "$(screen_line 'Receptions')" "60 000 000 !"
keys 8
expect_screen "of 22 tasks  (! overdue)" "Tasks lists the tasks"
check "an overdue task is marked" contains "$(screen_line ' 11 ')" "!"
keys 9
expect_screen "Records of every kind" "Records lists every kind"
check "with their counts" contains "$(screen_line 'delegations ')" "61"
keys ?
expect_screen "Keys of Records" "? shows the keys of the current view"
check "and the keys of every view" contains "$shown" "Tab S-Tab 1-9"
keys Escape
expect_no_screen "Keys of Records" "any key closes the help"

# A larger terminal is used as it is; a smaller one again after.
tmux -L "$sock" resize-window -t summit -x 132 -y 40
expect_screen "1 Dashboard  2 Delegations  3 Invitations" "after a resize the tab bar spells every view"
keys 2
expect_screen "head" "a wider list shows more columns"
tmux -L "$sock" resize-window -t summit -x 80 -y 24
expect_screen " 1 Dash  2 Deleg" "back at 80 columns the tab bar is short again"
check "and the list is laid out again" contains "$(screen_line 'ARG ')" "Argentina"

keys q
expect_exit 0 "q on a first screen leaves summit, exit 0"
tui_stop

# NO_COLOR: the same screens, without colour.
TUI_ENV="NO_COLOR=1" tui_start --today 2007-11-07
expect_screen "7 days left" "with NO_COLOR the dashboard still draws"
keys Q
expect_exit 0 "Q leaves from anywhere"
tui_stop

# Without a terminal, no UI: a usage error.
run summit </dev/null
expect_rc 2 "summit without a verb and without a terminal is a usage error"
expect_err "needs a terminal" "and says why"

done_testing
