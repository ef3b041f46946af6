#!/bin/sh
# Creating an event file: private mode, refusals leave no file, where the
# file is looked for.
. "$TESTLIB"

run summit init "name=Community of Democracies Ministerial" country=Mali city=Bamako \
	first_day=2007-11-14 last_day=2007-11-17 timezone=Africa/Bamako currency=XOF
expect_rc 0 "init creates the event"
expect_out "created $db" "init says which file it created"
check "the event file is private to its owner (0600)" test "$(stat -c %a "$db")" = 600
run summit show event
expect_out "Community of Democracies Ministerial" "show event prints its name"
expect_out "timezone            Africa/Bamako" "show event prints its time zone"
expect_out "uid_domain          community-of-democracies-ministerial.summit" \
	"and what its calendar UIDs end with, from its name"

run summit init name=Other country=Mali city=Bamako first_day=2007-11-14 \
	last_day=2007-11-17 timezone=Africa/Bamako
expect_rc 1 "init refuses an existing file"
expect_err "already exists" "init says the file exists"

other="$tmp/other.db"
run "$SUMMIT" --db "$other" init name=X country=Mali city=Bamako first_day=2007-11-14 \
	last_day=2007-11-17 timezone=Africa/Timbuktu-Nowhere
expect_rc 1 "init refuses an unknown time zone"
expect_err 'timezone: got "Africa/Timbuktu-Nowhere", an unknown time zone' "the message names the field"
check "no file is left behind" test ! -e "$other"

run "$SUMMIT" --db "$other" init name=X country=Mali city=Bamako first_day=2007-11-17 \
	last_day=2007-11-14 timezone=Africa/Bamako
expect_rc 1 "init refuses a last day before the first"
expect_err "last_day: got 2007-11-14, before the first day 2007-11-17" "the message says why"
check "no file is left behind" test ! -e "$other"

run "$SUMMIT" --db "$other" init name=X
expect_rc 1 "init refuses a missing field"
expect_err "country: missing" "the message names the missing field"

# The file is --db, else $SUMMIT_DB, else ./summit.db.
run env SUMMIT_DB="$db" "$SUMMIT" show event
expect_out "Community of Democracies" "SUMMIT_DB names the file"
run sh -c "cd '$tmp' && '$SUMMIT' show event"
expect_rc 1 "without a file in the directory, nothing opens"
expect_err "no event file at summit.db" "the message names summit.db"
cp "$db" "$tmp/summit.db"
run sh -c "cd '$tmp' && '$SUMMIT' show event"
expect_out "Community of Democracies" "./summit.db is the default"

printf 'not a database at all, just text\n%.0s' 1 2 3 4 5 6 7 8 >"$tmp/junk.db"
run "$SUMMIT" --db "$tmp/junk.db" show event
expect_rc 1 "a file that is not an event file is refused"
expect_err "junk.db is not a summit event file" "the message says so"

run "$SUMMIT" --version
expect_out "summit 0." "--version prints the version"
run "$SUMMIT" frobnicate
expect_rc 2 "an unknown verb is a usage error"
run summit --today 2007-13-45 status
expect_rc 1 "a bad --today is refused"

done_testing
