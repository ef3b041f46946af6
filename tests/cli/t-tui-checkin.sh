#!/bin/sh
# Check-in mode in the terminal UI: a keyboard-wedge scanner types the badge
# number then Enter; two desks scan into one file at once, each sees the
# other's scans and the live counts; a revoked badge is refused on screen.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/tui.sh"
summit load "$SAMPLE" >/dev/null || { echo "Bail out! cannot load the sample"; exit 1; }
summit accreditation revoke BKO-0004 --at "2007-11-13 18:00" --note "reported lost" >/dev/null

TUI_ENV="SUMMIT_DESK=north" tui_start --today 2007-11-14
expect_screen "it opens today" "the UI opens on the sample event"
expect_line "checked in" "0 of 52" "the dashboard counts the accepted delegations checked in"
keys I
expect_screen "Scan a badge, or type a badge number or a name, then Enter:" \
	"I opens check-in mode"
expect_line "delegations" "60          52          52           0" \
	"with invited, accepted, accredited and attended delegations"

# The second desk: another summit on the same file, in the same tmux server.
tmux -L "$sock" new-session -d -s south -x 80 -y 24 \
	"env LANG=C.UTF-8 TERM=tmux-256color SUMMIT_DESK=south '$SUMMIT' --db '$db' --today 2007-11-14; sleep 30"
south_screen() { tmux -L "$sock" capture-pane -p -t south; }
south_wait() {
	n=0
	while [ $n -lt 100 ]; do
		shown=$(south_screen)
		contains "$shown" "$1" && return 0
		sleep 0.1
		n=$((n + 1))
	done
	return 1
}
south_wait "it opens today"
tmux -L "$sock" send-keys -t south I
south_wait "Scan a badge"

# The scanner types fast: the text and Enter in one burst.
type_text "BKO-0001"
keys Enter
expect_screen "IN  " "a scan checks the badge in"
expect_screen "BKO-0001  Amadou Toumani Touré (MLI), participant" \
	"and shows who came in, accents as written"
tmux -L "$sock" send-keys -t south -l "BKO-0021"
tmux -L "$sock" send-keys -t south Enter
type_text "BKO-0017"
keys Enter
if south_wait "IN  "; then pass "the other desk scans at the same time"; else fail "the other desk scans at the same time" "$shown"; fi
expect_screen "BKO-0017  Pedro Pires (CPV)" "the north desk's second scan is in"
check "both desks' scans are in the file, each with its desk" \
	test "$(sql "SELECT group_concat(desk, ' ') FROM (SELECT desk FROM checkins ORDER BY desk)")" = "north north south"
expect_screen "Latest scans (3 in all)" "the north desk sees the south desk's scan without a key"
expect_screen "BKO-0021" "naming its badge"
expect_line "people" "           3" "and the people in are counted live"

type_text "  amadou toumani toure "
keys Enter
expect_screen "again today" "a name typed by hand finds the person, and a second scan says so"

type_text "BKO-0004"
keys Enter
expect_screen "REFUSED  REVOKED badge BKO-0004 (Mariam Coulibaly, MLI): refused, do not let
them in" \
	"a revoked badge is refused loudly, read whole on two lines"
type_text "BKO-9999"
keys Enter
expect_screen 'REFUSED  unknown badge "BKO-9999"' "an unknown badge is refused"
check "refused scans wrote nothing" test "$(sql "SELECT count(*) FROM checkins")" = 4
type_text "q"
keys Enter
expect_screen 'REFUSED  unknown badge "q"' "letters are scanned text here, not commands"

keys Escape
expect_line "checked in" "3 of 52" "Esc goes back to the dashboard, with its count updated"
tui_stop
done_testing
