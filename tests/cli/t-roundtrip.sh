#!/bin/sh
# Round trips (issue 12): the sample event goes out as a CSV directory and
# back in unchanged, every list the same; its programme goes out as
# iCalendar and back in at the same instants, in a zone without and with
# daylight saving time.
. "$TESTLIB"

"$SUMMIT" --db "$db" load "$SAMPLE" >/dev/null || { echo "Bail out! the sample does not load"; exit 1; }
copy="$tmp/copy.db"

# sums DB: one checksum per list, every kind, every column (JSON).
sums() {
	"$SUMMIT" --db "$1" show event --format json | md5sum | sed 's/ .*/ event/'
	for kind in delegations people invitations history venues rooms sessions places travel \
		hotels blocks allocations vehicles trips arrivals partners costs pledges tasks; do
		"$SUMMIT" --db "$1" list "$kind" --format json | md5sum | sed "s/ .*/ $kind/"
	done
}

run summit export csv --dir "$tmp/out"
expect_rc 0 "the sample exports as a CSV directory"
run "$SUMMIT" --db "$copy" load "$tmp/out"
expect_rc 0 "and loads back into a new event"
expect_same "$(sums "$copy")" "$(sums "$db")" "every list of the copy has the checksum of the original's"
check "every list was compared" test "$(sums "$db" | wc -l)" -eq 20
run "$SUMMIT" --db "$copy" export csv --dir "$tmp/again"
expect_same "$(cat "$tmp/again/MANIFEST")" "$(cat "$tmp/out/MANIFEST")" \
	"exporting the copy gives the same files, byte for byte (same MANIFEST)"
for kind in delegations people invitations history sessions trips allocations; do
	expect_same "$(sqlite3 "$copy" "SELECT count(*) FROM $kind")" \
		"$(sqlite3 "$db" "SELECT count(*) FROM $kind")" "as many $kind in the copy"
done

# The programme through iCalendar into an event that has everything but
# the sessions: the same titles, rooms and UTC instants.
instants() {
	sqlite3 "$1" "SELECT s.title, r.name, s.start, s.\"end\" FROM sessions s
		JOIN rooms r ON r.id = s.room ORDER BY s.start, s.title, r.name"
}
for zone in Africa/Bamako Europe/Paris; do
	summit set event "timezone=$zone" >/dev/null
	rm -rf "$tmp/nosessions" "$tmp/ics.db"
	summit export csv --dir "$tmp/nosessions"
	rm "$tmp/nosessions/sessions.csv" "$tmp/nosessions/session-history.csv" \
		"$tmp/nosessions/MANIFEST"
	"$SUMMIT" --db "$tmp/ics.db" load "$tmp/nosessions" >/dev/null
	run summit export ics -o "$tmp/programme.ics"
	expect_rc 0 "the programme exports as iCalendar ($zone)"
	run "$SUMMIT" --db "$tmp/ics.db" import sessions "$tmp/programme.ics"
	expect_rc 0 "and imports as sessions into an event without them ($zone)"
	expect_out "imported $(sqlite3 "$db" 'SELECT count(*) FROM sessions') sessions" "every session ($zone)"
	expect_same "$(instants "$tmp/ics.db")" "$(instants "$db")" \
		"the same titles, rooms and instants come back ($zone)"
done

done_testing
