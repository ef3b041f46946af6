#!/bin/sh
# The dashboard is drawn before every check has run, and the problems are
# found once per change of the file: Problems shows that same run, and
# another planner's change or a new day is checked again (the planner's
# own commits: tests/unit/test_check.c).
. "$TESTLIB"
. "$(dirname "$TESTLIB")/tui.sh"
summit load "$SAMPLE" >/dev/null || { echo "Bail out! cannot load the sample"; exit 1; }
count() { summit --today 2007-11-07 check --format tsv | grep -c "^$1	"; }
errors=$(count error)
warnings=$(count warning)

tui_start --today 2007-11-07
expect_screen "7 days left" "the dashboard opens"
expect_line 'errors (summit check)' "$errors !" "then counts the errors summit check finds"
expect_line '  warnings ' "$warnings" "and its warnings"
keys 9
expect_screen "$errors errors, $warnings warnings" "Problems shows the same problems"

# Another planner adds an overdue task: one warning more, on both screens.
summit add tasks "title=Print the badges" due=2007-10-01 >/dev/null
expect_screen "$errors errors, $((warnings + 1)) warnings" \
	"Problems finds the problem another planner's change made"
keys 1
expect_line '  warnings ' "$((warnings + 1))" "the dashboard counts it too"
tui_stop

# Tomorrow, the same file finds the same problems but for the days that
# passed: a new day is checked again.
tui_start --today 2007-11-16
expect_screen "today 2007-11-16: day 3 of 4" "the dashboard opens after the opening"
expect_line 'errors (summit check)' \
	"$(summit --today 2007-11-16 check --format tsv | grep -c '^error	')" \
	"and counts the problems of that day"
tui_stop

done_testing
