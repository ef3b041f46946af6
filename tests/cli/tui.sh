# Helpers for the TUI tests: summit runs inside a private tmux server at a
# fixed size; the test types with send-keys and reads the screen with
# capture-pane, polling for the text it expects instead of sleeping.
# Source it after lib.sh.

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed"
	exit 0
fi

# Each start gets a server of its own: a new session must never reach a
# server that tui_stop told to leave but that has not left yet.
starts=0
sock="summit-test-$$-0"
# tmux keeps its sockets in TMUX_TMPDIR: inside the test's directory.
TMUX_TMPDIR=$tmp
export TMUX_TMPDIR
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

# tui_start [ARGS...]: opens summit's UI on the test's event at 80x24.
tui_start() {
	starts=$((starts + 1))
	sock="summit-test-$$-$starts"
	tmux -L "$sock" -f /dev/null -u new-session -d -s summit -x "${TUI_COLS:-80}" \
		-y "${TUI_LINES:-24}" \
		"env LANG=C.UTF-8 TERM=tmux-256color ${TUI_ENV:-} '$SUMMIT' --db '$db' $* 2>'$tmp/tui-stderr'; echo \$? >'$tmp/tui-exit'; sleep 30"
}

tui_stop() {
	tmux -L "$sock" kill-server 2>/dev/null
	rm -f "$tmp/tui-exit"
}

screen() { tmux -L "$sock" capture-pane -p -t summit 2>/dev/null; }

keys() { tmux -L "$sock" send-keys -t summit "$@"; }
# Literal text, so words like "Enter" are typed as letters.
type_text() { tmux -L "$sock" send-keys -t summit -l "$1"; }

# wait_for TEXT: polls the screen (up to 10 s) until it shows TEXT;
# leaves the last screen in $shown.
wait_for() {
	n=0
	while [ $n -lt 100 ]; do
		shown=$(screen)
		contains "$shown" "$1" && return 0
		sleep 0.1
		n=$((n + 1))
	done
	return 1
}

# wait_gone TEXT: until the screen no longer shows TEXT.
wait_gone() {
	n=0
	while [ $n -lt 100 ]; do
		shown=$(screen)
		contains "$shown" "$1" || return 0
		sleep 0.1
		n=$((n + 1))
	done
	return 1
}

# expect_screen TEXT DESCRIPTION
expect_screen() {
	if wait_for "$1"; then
		pass "$2"
	else
		fail "$2" "expected on the screen: $1" "screen:" "$shown"
	fi
}

expect_no_screen() {
	if wait_gone "$1"; then
		pass "$2"
	else
		fail "$2" "not expected on the screen: $1" "screen:" "$shown"
	fi
}

# The line of the screen holding TEXT.
screen_line() { screen | grep -F -- "$1" | head -n 1; }

# expect_exit CODE DESCRIPTION: summit left with CODE.
expect_exit() {
	n=0
	while [ ! -s "$tmp/tui-exit" ] && [ $n -lt 100 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	check "$2" test "$(cat "$tmp/tui-exit" 2>/dev/null)" = "$1"
}

# tui_shell: an interactive shell in the pane, with job control, where the
# test types summit's command line as a planner would.
tui_shell() {
	starts=$((starts + 1))
	sock="summit-test-$$-$starts"
	tmux -L "$sock" -f /dev/null -u new-session -d -s summit -x 80 -y 24 \
		"env -i PATH='$PATH' HOME='$tmp' LANG=C.UTF-8 TERM=tmux-256color PS1='prompt\$ ' sh -i"
}

# sql QUERY: what the event file holds.
sql() { sqlite3 "$db" "$1"; }

# expect_line LINE TEXT DESCRIPTION: waits until the screen's line holding
# LINE also holds TEXT (the two sides of one row).
expect_line() {
	n=0
	while [ $n -lt 100 ]; do
		line=$(screen_line "$1")
		if contains "$line" "$2"; then
			pass "$3"
			return
		fi
		sleep 0.1
		n=$((n + 1))
	done
	fail "$3" "expected on the line of \"$1\": $2" "line: $line" "screen:" "$(screen)"
}

# expect_row N TEXT DESCRIPTION: waits until line N of the screen holds TEXT.
expect_row() {
	n=0
	while [ $n -lt 100 ]; do
		line=$(screen | sed -n "$1p")
		if contains "$line" "$2"; then
			pass "$3"
			return
		fi
		sleep 0.1
		n=$((n + 1))
	done
	fail "$3" "expected on line $1: $2" "line: $line"
}

# The screen with its attributes, as escape sequences.
screen_styled() { tmux -L "$sock" capture-pane -p -e -t summit 2>/dev/null; }
