#!/bin/sh
# Accreditation (badges, their states and history, categories) and check-in
# at the venue by badge or by name; the attendance figures of `summit status`.
. "$TESTLIB"
new_event

summit add delegations code=CIV "name=Côte d'Ivoire" kind=state status=participant >/dev/null
summit add delegations code=OBS "name=Observatoire" kind=igo status=observer >/dev/null
summit add delegations code=AFP "name=Agence France-Presse" kind=press status=guest >/dev/null
summit add delegations code=RUS "name=Россия" kind=state status=observer >/dev/null
export SUMMIT_TODAY=2007-07-01
for code in CIV OBS AFP RUS; do summit add invitations delegation=$code >/dev/null; done
unset SUMMIT_TODAY
summit invitation send RUS --at "2007-07-10 10:00" >/dev/null
for code in CIV OBS AFP; do
	summit invitation send $code --at "2007-07-10 10:00" >/dev/null
	summit invitation accept $code --at "2007-09-01 10:00" >/dev/null
done
summit add people delegation=CIV "name=Aïssata Kéïta" role=head >/dev/null   # 1
summit add people delegation=CIV "name=Jean Kouassi" role=security >/dev/null # 2
summit add people delegation=OBS "name=Hélène Dubois" >/dev/null             # 3
summit add people delegation=AFP "name=Marc Lenoir" >/dev/null               # 4
summit add people delegation=RUS "name=Сергей Лавров" >/dev/null             # 5
summit add people delegation=CIV "name=Jean Kouassi" >/dev/null              # 6, same name
summit add venues name=CICB >/dev/null
summit add rooms name=Plénière venue=CICB capacity=100 >/dev/null
summit add sessions title=Opening kind=plenary room=Plénière "start=2007-11-14 09:00" \
	"end=2007-11-14 11:00" >/dev/null

export SUMMIT_TODAY=2007-11-01
run summit add accreditations badge=B-001 person=1
expect_rc 0 "a person is accredited"
summit add accreditations badge=B-002 person=2 category=security >/dev/null
summit add accreditations badge=B-003 person=3 >/dev/null
summit add accreditations badge=B-004 person=4 >/dev/null
summit add accreditations badge=B-005 person=5 >/dev/null
summit add accreditations badge=B-006 person=6 >/dev/null
unset SUMMIT_TODAY
run summit add accreditations badge=B-001 person=3
expect_rc 1 "a badge number is given once"
run summit add accreditations badge=B-099 person=1
expect_rc 1 "a person has one badge"

run summit list accreditations --format tsv
expect_out "$(printf 'B-001\t1\trequested\t\t')" "a new badge is requested"
categories=$(sqlite3 "$db" "SELECT group_concat(badge || '=' || coalesce(category, '-'), ' ') FROM accreditations")
expect_same "$categories" "B-001=- B-002=security B-003=- B-004=- B-005=- B-006=-" \
	"only the category given is stored"

run summit accreditation print B-001
expect_rc 1 "a requested badge cannot be printed"
expect_err "badge B-001 is requested and cannot become printed, expected one of: approved revoked" \
	"the message says which moves are allowed"
for b in B-001 B-002 B-003 B-004 B-005 B-006; do
	summit accreditation approve $b --at "2007-11-05 10:00" >/dev/null
done
run summit accreditation print B-001 --at "2007-11-06 09:00" --note "first run"
expect_rc 0 "an approved badge is printed"
run summit accreditation revoke B-004 --at "2007-11-04 09:00"
expect_rc 1 "a move cannot predate the last one"
run summit accreditation revoke B-004 --at "2007-11-13 18:00" --note "press card withdrawn"
expect_rc 0 "a badge is revoked"
run summit accreditation history B-001 --format tsv
expect_out "$(printf 'B-001\t2007-11-01 ')" "the history starts when the badge was recorded"
expect_out "$(printf 'B-001\t2007-11-05 10:00\trequested\tapproved\t')" "then its approval"
expect_out "$(printf 'B-001\t2007-11-06 09:00\tapproved\tprinted\tfirst run')" "then its printing"

# Check-in.
run summit checkin B-001 --at "2007-11-14 08:05" --desk north
expect_rc 0 "a badge checks in"
expect_out "2007-11-14 08:05  B-001  Aïssata Kéïta (CIV), participant" \
	"the desk sees who came in, with the category of a participating delegation"
expect_out "1 in today" "and the count of the day"
run summit checkin "HELENE DUBOIS" --at "2007-11-14 08:07"
expect_rc 0 "a name checks in without regard to case and accents"
expect_out "B-003  Hélène Dubois (OBS), observer" "and the observer's badge follows the delegation"
run summit checkin "сергей лавров" --at "2007-11-14 08:09"
expect_out "B-005  Сергей Лавров (RUS), observer" "a Cyrillic name matches whatever its case"
run summit checkin b-002 --at "2007-11-14 08:10" --room Plénière
expect_out "B-002  Jean Kouassi (CIV), security" "a badge number is read whatever its case"
expect_out "1 in at Plénière's door today, 4 at the venue" "a door scan counts for its room"
run summit checkin B-001 --at "2007-11-14 12:00"
expect_out "again today" "a second scan the same day says so"

before=$(snapshot)
run summit checkin B-004
expect_rc 1 "a revoked badge is refused"
expect_err "REVOKED badge B-004 (Marc Lenoir, AFP): refused" "loudly, with the holder's name"
run summit checkin B-404
expect_rc 1 "an unknown badge is refused"
expect_err "unknown badge \"B-404\"" "and named"
run summit checkin "jean kouassi"
expect_rc 1 "a name two people share is refused"
expect_err "names more than one person: B-002 (CIV), B-006 (CIV)" "naming both badges"
run summit checkin B-001 --at "2007-11-14 25:00"
expect_rc 1 "a bad time is refused"
expect_same "$(snapshot)" "$before" "refused scans change nothing"

# Two desks scanning into one file at once: every scan lands.
i=1
while [ $i -le 40 ]; do
	summit add people delegation=CIV "name=Member $i" >/dev/null
	summit add accreditations badge=M-$i person=$((6 + i)) >/dev/null
	summit accreditation approve M-$i >/dev/null
	i=$((i + 1))
done
desk() {
	i=$1
	while [ $i -le 40 ]; do
		summit checkin M-$i --at "2007-11-15 08:30" --desk "$2" >/dev/null 2>>"$tmp/desk-$2.err" ||
			echo fail >>"$tmp/failed"
		i=$((i + 2))
	done
}
desk 1 east &
pid_a=$!
desk 2 west &
pid_b=$!
wait $pid_a $pid_b
check "no scan failed while the other desk scanned" test ! -e "$tmp/failed"
check "nothing was said about a busy file" test ! -s "$tmp/desk-east.err" -a ! -s "$tmp/desk-west.err"
check "both desks' 40 scans are in the file" \
	test "$(sqlite3 "$db" "SELECT count(*) FROM checkins WHERE desk IN ('east', 'west')")" = 40

# Attendance in `summit status`.
run summit status --by "2007-11-14 10:00"
expect_rc 0 "status reads the attendance"
expect_out "attendance        invited    accepted  accredited    attended   (by 2007-11-14 10:00)" \
	"with the four stages side by side"
expect_out "  delegations             4           3           3           3" \
	"delegations: 4 invited, 3 accepted, 3 accredited (AFP's only badge is revoked), 3 in"
expect_out "  observer                2           1           2           2" \
	"observers: RUS came in without having accepted"
expect_out "not in yet    1 accepted delegation: AFP" "who accepted and has not come in"
run summit status --by "2007-11-14 08:06" --format json
expect_out '"attended": 1' "fewer had come in earlier"
expect_out '"not_in_yet": ["AFP", "OBS"]' "and more were still awaited"
run summit status --by tomorrow
expect_rc 1 "a bad --by is refused"
expect_err 'by: got "tomorrow", expected a time YYYY-MM-DD HH:MM' "saying what it expects"
run summit checkin "$(printf 'B-001\033[2J')"
expect_rc 1 "a scan with a control character is refused"
check "and the character is not echoed to the terminal" test "$(printf '%s' "$err" | tr -d -c '\033' | wc -c)" -eq 0

done_testing
