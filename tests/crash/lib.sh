# What the crash tests (tests/crash/crash.sh) and the fault injection
# tests (tests/fault/fault.sh) share: the commands they try, the event they
# try them on, and what a command leaves, reduced to one text. Source it
# after $TESTLIB.
#
# A command is one line of the table: NAME KIND ARGS, where KIND says what
# it changes: db (the event file, given to it), new (makes the event file),
# dir (writes the directory $out, whole or not at all) or files (writes
# files into $out, each whole or absent). A new command is one more line.
commands() {
	cat <<-'TABLE'
	load          new   load $SAMPLE
	import-people db    import people $work/people.csv
	import-ics    db    import sessions $work/programme.ics
	invitation    db    invitation accept GIN --note crash --at "2007-10-01 10:00"
	remove        db    remove delegations ISR --cascade
	set-event     db    set event last_day=2007-11-18
	plan-pickups  db    plan pickups --apply
	plan-hotels   db    plan hotels --apply --start-over --time-limit 1
	export-csv    dir   export csv --dir $out
	export-ics    files export ics --all-delegations $out
	TABLE
}


work="$tmp/work"
mkdir -p "$work"
base="$work/base.db"
# The sample without its programme, which comes back as iCalendar.
"$SUMMIT" --db "$work/sample.db" load "$SAMPLE" >/dev/null || { echo "Bail out! the sample does not load"; exit 1; }
"$SUMMIT" --db "$work/sample.db" export ics -o "$work/programme.ics"
cp -R "$SAMPLE" "$work/nosessions" && rm "$work/nosessions/sessions.csv" "$work/nosessions/session-history.csv"
"$SUMMIT" --db "$base" load "$work/nosessions" >/dev/null || { echo "Bail out! the sample without sessions does not load"; exit 1; }
{
	echo "delegation,name,role"
	i=0
	while [ $i -lt 400 ]; do echo "SEN,Crash Test $i,member"; i=$((i + 1)); done
} >"$work/people.csv"
db="$work/event.db"
out="$work/out"

export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
# The whole file as SQL; the time a plan was applied (now) set aside, so
# two runs of one command compare equal.
dump() {
	sqlite3 "$1" .dump 2>&1 | sed -E "s/^(INSERT INTO plans VALUES\([0-9]+,'[a-z]+',)[0-9]+/\1T/"
}
dir_sum() { [ -d "$1" ] && (cd "$1" && ls -A | while read -r f; do md5sum "$f"; done); }
fresh() {
	rm -rf "$db" "$db-wal" "$db-shm" "$db-journal" "$out" "$work"/.event.db.* "$work"/.out.*
	[ "$1" = new ] || cp "$base" "$db"
}
# state KIND: what a kill may leave, reduced to one text.
state() {
	case $1 in
	new) if [ -e "$db" ]; then echo "integrity $(sqlite3 "$db" 'PRAGMA integrity_check')"; dump "$db"; else echo absent; fi ;;
	db) echo "integrity $(sqlite3 "$db" 'PRAGMA integrity_check')"; dump "$db" ;;
	dir) if [ -e "$out" ]; then dir_sum "$out"; else echo absent; fi ;;
	files) echo files ;;
	esac
}
# files_whole: every file in $out (but the hidden or .tmp ones an export
# writes first) is as the whole run wrote it, DTSTAMP (the time of
# writing) aside.
files_whole() {
	[ -d "$out" ] || return 0
	for f in "$out"/*; do
		[ -e "$f" ] || continue
		case $f in *.tmp) continue ;; esac
		grep -v '^DTSTAMP:' "$f" >"$work/a"
		grep -v '^DTSTAMP:' "$work/after/${f##*/}" >"$work/b"
		cmp -s "$work/a" "$work/b" || { echo "# ${f##*/} is not whole"; return 1; }
	done
}

