#!/bin/sh
# Invitations as iTIP requests (METHOD:REQUEST), read by python3-icalendar,
# and the delegations' replies (METHOD:REPLY) loaded back into the
# invitations and their history.
. "$TESTLIB"
here=$(dirname "$TESTLIB")/..
check_py() { /usr/bin/python3 "$here/ics/check.py" "$@"; }
reply() { /usr/bin/python3 "$here/ics/reply.py" "$@"; }
. "$here/ics/paris.sh"

summit add delegations code=MAR name=Maroc kind=state status=participant >/dev/null
summit add delegations code=TUN name=Tunisie kind=state status=participant \
	email=protocole@tun.example >/dev/null
export SUMMIT_TODAY=2007-07-02
summit add invitations delegation=TUN >/dev/null
summit invitation withdraw TUN --at "2007-07-10 10:00" >/dev/null
for d in FRA CIV MAR; do
	summit add invitations delegation=$d >/dev/null
	summit invitation send $d --at "2007-07-16 10:00" >/dev/null
done
unset SUMMIT_TODAY

run summit export ics --invitations "$tmp/out"
expect_rc 2 "invitations need the host's address"
expect_err "--organizer" "and say so"
run summit export ics --invitations "$tmp/out" --organizer protocole@elysee.example
expect_rc 0 "invitations are written"
expect_out "wrote 2 calendars in $tmp/out" "one per delegation with an address"
expect_err "no email, so no invitation for: MAR" "the one without an address is named"
check "as CODE.ics" test -f "$tmp/out/CIV.ics" -a -f "$tmp/out/FRA.ics"
check "none for a withdrawn invitation" test ! -e "$tmp/out/TUN.ics"

run check_py "$tmp/out/CIV.ics" --method --attendees
expect_rc 0 "python3-icalendar reads the request"
expect_out "METHOD	REQUEST" "it is an iTIP request"
expect_out "ATTENDEE	mailto:ambassade@civ.example	OPT-PARTICIPANT	NEEDS-ACTION	TRUE" \
	"the observer's contact is an optional attendee asked to answer"
expect_out "ORGANIZER	mailto:protocole@elysee.example" "the host organises"
expect_out "2007-10-26	2007-10-31" \
	"it spans the event's days, all day (DTEND the day after the last)"
run check_py "$tmp/out/FRA.ics" --attendees
expect_out "ATTENDEE	mailto:protocole@diplomatie.example	REQ-PARTICIPANT	NEEDS-ACTION	TRUE" \
	"a participant is a required attendee"

# The replies.
reply "$tmp/out/CIV.ics" ACCEPTED 20070801T120000Z >"$tmp/civ-yes.ics"
reply "$tmp/out/FRA.ics" TENTATIVE 20070802T080000Z >"$tmp/fra-maybe.ics"
reply "$tmp/out/FRA.ics" DECLINED 20070803T080000Z >"$tmp/fra-no.ics"
reply "$tmp/out/FRA.ics" ACCEPTED 20070803T080000Z mailto:someone@else.example >"$tmp/wrong-who.ics"
reply "$tmp/out/FRA.ics" ACCEPTED 20070803T080000Z mailto:protocole@diplomatie.example \
	invitation-99@reunion-de-paris.summit >"$tmp/wrong-uid.ics"

before=$(snapshot)
run summit import ics-reply "$tmp/civ-yes.ics" "$tmp/wrong-uid.ics"
expect_rc 1 "a reply that matches no invitation is refused"
expect_err "wrong-uid.ics:" "naming the file"
expect_err "UID: got \"invitation-99@reunion-de-paris.summit\", which matches no invitation" \
	"and what was wrong"
expect_same "$before" "$(snapshot)" "and the good reply in the same command is not recorded either"
run summit import ics-reply "$tmp/out/CIV.ics"
expect_rc 1 "a request is not a reply"
expect_err "got METHOD:REQUEST, not a reply, expected METHOD:REPLY" "and says so"
run summit import ics-reply "$tmp/wrong-who.ics"
expect_rc 1 "a reply from another address is refused"
expect_err "ATTENDEE: got \"someone@else.example\", expected the address of FRA's invitation" \
	"with the address expected"
printf 'hello\n' >"$tmp/junk.ics"
run summit import ics-reply "$tmp/junk.ics"
expect_rc 1 "a file that is not iCalendar is refused"
expect_same "$before" "$(snapshot)" "nothing changed"

run summit import ics-reply "$tmp/civ-yes.ics" "$tmp/fra-maybe.ics"
expect_rc 0 "replies are loaded"
expect_out "CIV accepted" "Côte d'Ivoire accepts"
expect_out "FRA tentative" "France answers tentatively"
run summit show invitations CIV
expect_out "state       accepted" "the invitation is accepted"
run summit invitation history CIV --format tsv
expect_out "2007-08-01 14:00	sent	accepted	direct	iTIP reply: accepted, from ambassade@civ.example: Reply from the delegation" \
	"the history has it at the reply's time, in Paris time"
run summit show invitations FRA
expect_out "state       acknowledged" "a tentative answer acknowledges the invitation"
run summit invitation history FRA --format tsv
expect_out "acknowledged	direct	iTIP reply: tentative" "and the history says tentative"
run summit import ics-reply "$tmp/fra-no.ics"
expect_rc 0 "a later answer changes it"
expect_out "FRA declined" "France declines"
run summit import ics-reply "$tmp/civ-yes.ics"
expect_rc 0 "the same reply twice"
expect_out "CIV accepted (already recorded)" "is recorded once"
check "one acceptance in the history" \
	test "$(summit invitation history CIV --format tsv | grep -c 'accepted')" -eq 1

done_testing
