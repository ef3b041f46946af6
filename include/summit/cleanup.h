/* Files and directories an unfinished command must not leave behind: the
 * temporary event file of a load, the temporary directory of an export.
 * The CLI's signal handler removes them when the user interrupts summit. */
#ifndef SUMMIT_CLEANUP_H
#define SUMMIT_CLEANUP_H

/* Lists path (copied) for removal. */
void cleanup_add(const char *path);
/* Takes path off the list once it is in place or already removed. */
void cleanup_forget(const char *path);
/* Removes every listed path, files first; async-signal-safe (unlink and
 * rmdir only), for a signal handler. */
void cleanup_run(void);

#endif
