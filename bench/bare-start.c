/* The limit for summit's start-up: a program linked with SQLite, libical
 * and ncursesw only, touching each so that each is loaded, doing nothing.
 * `summit --version` is measured against it. */
#include <curses.h>
#include <libical/ical.h>
#include <sqlite3.h>
#include <stdio.h>

int main(void)
{
	printf("bare %s %s %s\n", sqlite3_libversion(), ICAL_VERSION, curses_version());
	return icaltimezone_get_utc_timezone() ? 0 : 1;
}
