/* The programme's record of itself: when a session moves to another room or
 * time, or is cancelled or restored, the change is kept (session-history),
 * so the post-event report can tell the programme as held from the one
 * first planned. */
#ifndef SUMMIT_PROGRAMME_H
#define SUMMIT_PROGRAMME_H

struct summit_db;
struct summit_err;

/* The sessions kind's after_update: a history row for each of room, start,
 * end and status that differs from was[], stamped now (when_now). */
int programme_after_update(struct summit_db *db, long long id, const char *const *was,
                           struct summit_err *err);

#endif
