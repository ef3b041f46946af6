#!/bin/sh
# Invitations through their states, with channel, intermediary and history;
# the status figures that follow from them.
. "$TESTLIB"
new_event

summit add delegations code=USA "name=United States" kind=state status=participant >/dev/null
summit add delegations code=ISR name=Israel kind=state status=participant >/dev/null
summit add delegations code=SEN name=Sénégal kind=state status=participant >/dev/null
export SUMMIT_TODAY=2007-07-02
run summit add invitations delegation=ISR deadline=2007-10-15
expect_rc 0 "an invitation is added as a draft"
summit add invitations delegation=SEN >/dev/null
unset SUMMIT_TODAY

run summit invitation accept ISR
expect_rc 1 "a draft cannot be accepted"
expect_err "the invitation of ISR is draft and cannot become accepted, expected one of: sent withdrawn" \
	"the message says which moves are allowed"
run summit invitation send ISR --channel "diplomatic note" --via USA \
	--note "handed to the US embassy for delivery" --at "2007-07-16 10:00"
expect_rc 0 "the invitation is sent through the United States"
run summit invitation deliver ISR --at "2007-07-23 11:30" --note "delivered by the US"
expect_rc 0 "and delivered"
run summit invitation accept ISR --at "2007-07-20 09:00"
expect_rc 1 "a move cannot predate the last one"
expect_err "at: got 2007-07-20 09:00, before the invitation's last change at 2007-07-23 11:30" \
	"the message gives both times"
run summit invitation accept ISR --at "2007-09-03 16:00"
expect_rc 0 "and accepted"

run summit invitation history ISR --format tsv
expect_out "$(printf 'id\tdelegation\tat\told_state\tnew_state\tchannel\tnote')" \
	"history has a header row"
expect_out "$(printf '3\tISR\t2007-07-16 10:00\tdraft\tsent\tdiplomatic note\thanded to the US embassy for delivery')" \
	"the send is in the history with its channel and note"
expect_out "$(printf '4\tISR\t2007-07-23 11:30\tsent\tdelivered\tdiplomatic note\tdelivered by the US')" \
	"then the delivery"
expect_out "$(printf '5\tISR\t2007-09-03 16:00\tdelivered\taccepted\tdiplomatic note\t')" \
	"then the acceptance"
first=$(printf '%s\n' "$out" | sed -n 2p)
check "the oldest change comes first: the draft" contains "$first" "$(printf '\t\tdraft\t')"
check "the first row is dated by SUMMIT_TODAY" contains "$first" "2007-07-02 "

run summit show invitations ISR
expect_out "via         USA" "the intermediary is kept"

# Declined, then sent again.
summit invitation send SEN --at "2007-07-16 10:00" >/dev/null
run summit invitation decline SEN --at "2007-08-01 10:00" --note "no one available"
expect_rc 0 "an invitation can be declined"
run summit invitation send SEN --at "2007-08-20 10:00" --note "second attempt, new dates"
expect_rc 0 "a declined invitation can be re-sent"
run summit invitation history SEN
expect_out "declined   sent" "the re-sending is in the history"

run summit invitation frobnicate SEN
expect_rc 2 "an unknown action is a usage error"
run summit invitation send USA
expect_rc 1 "a delegation without an invitation"
expect_err "delegation USA has no invitation" "is named"
run summit set invitations ISR state=declined
expect_rc 1 "set does not change the state"
expect_err "state: changes only with its own verb" "and points to the verb"

# Status counts the states and uses --today for the days left.
run summit --today 2007-11-07 status
expect_out "7 days left (today is 2007-11-07)" "status counts the days left from --today"
expect_out "invitations   draft 0, sent 1, delivered 0, acknowledged 0, accepted 1, declined 0, withdrawn 0" \
	"status counts invitations by state"
for when in "2007-11-13|1 day left" "2007-11-14|it opens today" "2007-11-15|day 2 of 4" \
	"2007-11-17|day 4 of 4" "2007-11-18|it closed yesterday" "2007-11-20|it closed 3 days ago"; do
	run summit --today "${when%%|*}" status
	expect_out "${when#*|} (today is ${when%%|*})" "on ${when%%|*} status says: ${when#*|}"
done
run env SUMMIT_TODAY=2007-11-10 "$SUMMIT" --db "$db" status --format json
expect_out '"days_left": 4' "SUMMIT_TODAY sets today in JSON status too"

# Accepting makes a delegation expected: what that newly breaks is said.
summit add venues name=Hall >/dev/null
summit add rooms name=Small venue=Hall capacity=2 >/dev/null
summit add delegations code=NOR name=Norway kind=state status=participant size=4 >/dev/null
summit add sessions "title=Nordic breakfast" kind=bilateral room=Small attendance=list \
	delegations=NOR "start=2007-11-14 08:00" "end=2007-11-14 08:45" >/dev/null 2>&1
summit add invitations delegation=NOR >/dev/null
summit invitation send NOR >/dev/null
run summit invitation accept NOR
expect_rc 0 "an acceptance that fills a room is saved"
expect_out "invitation of NOR: accepted" "and said"
expect_err "warning: " "with a warning on stderr"
expect_err "\"Nordic breakfast\" expects 4 people from 1 delegation in Small, which seats 2" \
	"naming the room now too small"

done_testing
