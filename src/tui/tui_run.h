/* The one entry into the terminal UI, for the command line's main. */
#ifndef SUMMIT_TUI_RUN_H
#define SUMMIT_TUI_RUN_H

struct summit_db;

/* Runs the UI on an open event (the file at path) until the planner
 * leaves; an exit code. */
int tui_run(struct summit_db *db, const char *path);

#endif
