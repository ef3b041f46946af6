#!/bin/sh
# Sets up summit on a fresh Debian machine and either opens the sample event
# (`./setup.sh demo`) or runs the whole test suite (`./setup.sh check`).
# Installs the Debian packages it needs when run as root.
set -eu
cd "$(dirname "$0")"
mode=${1:-demo}

packages="gcc make autoconf automake pkg-config libsqlite3-dev libical-dev
	libncurses-dev libcsv-dev libunistring-dev libcmocka-dev libcurl4-openssl-dev
	libxml2-dev libglpk-dev sqlite3 tzdata tmux
	libcairo2-dev libpango1.0-dev libqrencode-dev fonts-dejavu-core fonts-droid-fallback
	poppler-utils zbar-tools
	python3 python3-icalendar calcurse khal radicale xandikos"
# make bench: instruction counts (callgrind) and memory (GNU time).
packages="$packages valgrind time"
missing=
for p in $packages; do
	dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "setup.sh: missing Debian packages:$missing" >&2
		echo "setup.sh: run as root, or: sudo apt-get install -y$missing" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq $missing >/dev/null
fi

[ -x configure ] || autoreconf -fi
# Each mode builds in its own directory under build/, which needs a source
# tree that is not configured in place (`./configure && make` by hand).
if [ -f config.status ]; then
	echo "setup.sh: the source directory was configured in place; cleaning it (make distclean)" >&2
	make -s distclean >/dev/null
fi

case $mode in
demo)
	mkdir -p build/demo
	(cd build/demo && { [ -f Makefile ] || ../../configure -q; } && make -s -j2)
	rm -f bamako.db bamako.db-wal bamako.db-shm
	build/demo/src/summit --db bamako.db load sample-data/bamako-2007
	# The event as it looked a week before it began, in the terminal UI.
	exec build/demo/src/summit --db bamako.db --today 2007-11-07
	;;
check)
	# A build with the sanitizers and warnings as errors.
	mkdir -p build/check
	cd build/check
	[ -f Makefile ] || ../../configure -q --enable-werror \
		CFLAGS="-g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
	make -s -j2
	if ! make -j2 check; then
		cat test-suite.log >&2 || true
		exit 1
	fi
	;;
*)
	echo "usage: ./setup.sh [demo|check]" >&2
	exit 2
	;;
esac
