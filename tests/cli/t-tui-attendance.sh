#!/bin/sh
# The dashboard's attendance picture: invited, accepted, accredited and
# attended for the same rows and figures as `summit status`, by the same
# time; "accepted, not in yet" and the very delegations behind it; a scan
# from another process moves the figures; at 80x24 the rows are reached by
# scrolling.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/tui.sh"
summit load "$SAMPLE" >/dev/null || { echo "Bail out! cannot load the sample"; exit 1; }

# A valid badge of a delegation (the first by number).
badge_of() {
	sql "SELECT min(a.badge) FROM accreditations a JOIN people p ON p.id = a.person
	     JOIN delegations d ON d.id = p.delegation
	     WHERE d.code = '$1' AND a.state IN ('approved', 'printed', 'collected')"
}
# The opening day's check-ins: a participant state, an observer
# organisation, a civil-society guest and the press.
for code in MLI AU CCD PRESS; do
	summit checkin "$(badge_of "$code")" --at "2007-11-14 09:00" >/dev/null ||
		{ echo "Bail out! cannot check $code in"; exit 1; }
done

# The attendance table on the screen, from its heading down.
attendance_screen() { screen | sed -n '/Attendance, by /,$p'; }
# The figures of one row: on the screen, and in `summit status --by`.
screen_row() { attendance_screen | grep "^  $1 " | head -n 1 | awk '{print $2, $3, $4, $5}'; }
status_rows() {
	summit --today 2007-11-15 status --by "$1" |
		awk '/^attendance /{on = 1; next} /^not in yet/{on = 0} on'
}
# status's "not in yet", one code a line, sorted.
status_absent() {
	summit --today 2007-11-15 status --by "$1" |
		sed -n '/^not in yet/,/^programme/p' | sed '$d' |
		sed 's/^not in yet.*:\(.*\)$/\1/; s/^not in yet .*//' | tr ',' '\n' |
		tr -d ' ' | grep -v '^$' | sort
}
# The time the dashboard counted up to, from its heading.
screen_by() { attendance_screen | head -n 1 | sed 's/.*Attendance, by \([0-9-]* [0-9:]*\).*/\1/'; }

# compare_rows DESCRIPTION: every row of status's table is on the screen
# with the same four figures.
compare_rows() {
	by=$(screen_by)
	rows=$(status_rows "$by")
	n=0 bad=""
	while read -r label a b c d; do
		n=$((n + 1))
		got=$(screen_row "$label")
		[ "$got" = "$a $b $c $d" ] || bad="$bad$label: status $a $b $c $d, screen $got; "
	done <<EOF
$rows
EOF
	if [ "$n" -eq 9 ] && [ -z "$bad" ]; then
		pass "$1"
	else
		fail "$1" "rows compared: $n" "$bad" "screen:" "$(screen)"
	fi
}

TUI_COLS=120 TUI_LINES=40 tui_start --today 2007-11-15
expect_screen "Attendance, by 2007-11-15 " "the dashboard counts attendance up to now, today"
expect_screen "invited   accepted accredited   attended" "with the four stages across"
compare_rows "at 120x40 every attendance row shows the figures of summit status, by the same time"
check "the four check-ins are attended delegations" test "$(screen_row delegations | cut -d' ' -f4)" = 4
check "and four attended people" test "$(screen_row people | cut -d' ' -f4)" = 4
check "everything shows at 120x40 without scrolling" \
	test -n "$(screen | grep 'accepted, not in yet')" -a -n "$(screen | grep '^Invitations')"

by=$(screen_by)
absent=$(status_absent "$by")
nabsent=$(printf '%s\n' "$absent" | grep -c .)
line=$(screen_line "accepted, not in yet")
check "accepted, not in yet counts status's not in yet ($nabsent)" \
	test "$(echo "$line" | awk '{print $5}')" = "$nabsent"
check "and is flagged once the event has opened" contains "$line" " !"

# Enter on it lists exactly those delegations, page after page.
keys G Enter
expect_screen "1 of $nabsent delegations  accepted, not in yet" \
	"Enter on accepted, not in yet lists that many delegations"
codes=$(screen | grep -E '^[A-Z][A-Z0-9-]* {2,}' | awk '{print $1}')
pages=0
while [ "$(printf '%s\n' "$codes" | sort -u | grep -c .)" -lt "$nabsent" ] && [ $pages -lt 5 ]; do
	last=$(screen | grep -E '^[A-Z][A-Z0-9-]* {2,}' | tail -n 1 | awk '{print $1}')
	keys NPage
	wait_gone "$last   " >/dev/null || true
	sleep 0.2
	codes="$codes
$(screen | grep -E '^[A-Z][A-Z0-9-]* {2,}' | awk '{print $1}')"
	pages=$((pages + 1))
done
listed=$(printf '%s\n' "$codes" | grep -v '^$' | sort -u)
if [ -n "$listed" ] && [ "$listed" = "$absent" ]; then
	pass "the list holds the very delegations status names not in yet"
else
	fail "the list holds the very delegations status names not in yet" \
		"listed: $(echo $listed)" "status: $(echo $absent)"
fi
check "Mali, checked in, is not among them, Senegal is" \
	test -z "$(printf '%s\n' "$listed" | grep -x MLI)" -a -n "$(printf '%s\n' "$listed" | grep -x SEN)"
keys q
expect_screen "Attendance, by " "q goes back to the dashboard"

# A scan at the venue from another process: the dashboard follows the file.
run summit --today 2007-11-15 checkin "$(badge_of SEN)"
expect_rc 0 "another process checks a member of Senegal in"
n=0
while [ "$(screen_row delegations | cut -d' ' -f4)" != 5 ] && [ $n -lt 100 ]; do
	sleep 0.1
	n=$((n + 1))
done
check "the dashboard's attended delegations move from 4 to 5 without a key" \
	test "$(screen_row delegations | cut -d' ' -f4)" = 5
compare_rows "and every row again equals summit status"
expect_line "accepted, not in yet" "$((nabsent - 1)) !" "one fewer accepted delegation is not in yet"

# A row opens the delegations behind it.
keys G k k k k k k Enter
expect_screen "status=observer" "Enter on the observer row lists the observer delegations"
keys q
tui_stop

# At 80x24 the attendance rows are below the first screen and reached by
# moving down to them.
tui_start --today 2007-11-15
expect_screen "more below" "at 80x24 the dashboard says there is more below"
check "the attendance rows are not on the first screen" \
	test -z "$(screen | grep 'accepted, not in yet')"
# Down the left column (16 figures) into the attendance table, to its end.
keys j j j j j j j j j j j j j j j j j j j j j j j j j
expect_screen "accepted, not in yet" "j scrolls down to the attendance rows"
esc=$(printf '\033')
# The selection is black on cyan.
check "the selected row is drawn, highlighted" \
	contains "$(screen_styled | grep 'accepted, not in yet')" "$esc[46m"
check "and only that row (the tab bar aside)" \
	test "$(screen_styled | sed 1d | grep "$esc\[46m" | grep -c 'accepted, not in yet')" = 1 -a \
	"$(screen_styled | sed 1d | grep -c "$esc\[46m")" = 1
expect_screen "more above" "and the dashboard says there is more above"
keys Enter
expect_screen "accepted, not in yet" "Enter there lists them"
expect_screen "of $((nabsent - 1)) delegations" "the same delegations"
keys q
expect_screen "more above" "q goes back to the dashboard, still scrolled down"
check "the top rows are out of sight" test -z "$(screen | grep '^Invitations ')"
keys g
expect_screen "Invitations   " "g goes back to the top"
tui_stop

# One column on a narrow terminal: the table still reads.
TUI_COLS=50 tui_start --today 2007-11-15
expect_screen "Invitations" "a narrow terminal shows the dashboard in one column"
keys G
expect_screen "accepted, not in yet" "G reaches the attendance table there too"
n=0
while [ -z "$(screen_row people)" ] && [ $n -lt 100 ]; do
	sleep 0.1
	n=$((n + 1))
done
check "with its figures, as at 120 columns" test "$(screen_row people)" = "182 182 164 5"
tui_stop
done_testing
