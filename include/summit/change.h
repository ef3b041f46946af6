/* What a change newly breaks. Impossible changes are refused by the kinds'
 * rules (kind.h); a change that is possible but creates a problem `summit
 * check` reports (a room booked twice, a hotel block exceeded, a vehicle on
 * two trips) is saved, and the front end shows the new problems right
 * after it. A watch runs the error checks a kind's changes can affect
 * (struct kind's affects) before and after the change, inside the change's
 * transaction, and reports the problems that were not there before. add,
 * set, import and the TUI's forms share it. */
#ifndef SUMMIT_CHANGE_H
#define SUMMIT_CHANGE_H

#include "summit/check.h"

struct summit_db;
struct summit_err;
struct kind;
struct change_watch;

/* Takes the "before" picture for changes of kind; call it inside the write
 * transaction, before the change. *watch is NULL (nothing to watch) when no
 * check concerns the kind. */
int change_watch_start(struct summit_db *db, const struct kind *kind,
                       struct change_watch **watch, struct summit_err *err);
/* After the change, before the commit: calls fn for each problem that is
 * new, in check's order, then frees the watch (NULL is fine). */
int change_watch_finish(struct change_watch *watch, check_fn fn, void *ctx,
                        struct summit_err *err);
/* Frees a watch whose change failed. */
void change_watch_free(struct change_watch *watch);

/* A change with its watch, as every front end makes one: write(ctx) runs in
 * one transaction (db_begin, db_end) between the watch's two pictures, and
 * fn(fnctx) hears of each problem it newly causes. */
typedef int (*change_fn)(struct summit_db *db, void *ctx, struct summit_err *err);
int change_run(struct summit_db *db, const struct kind *kind, change_fn write, void *ctx,
               check_fn fn, void *fnctx, struct summit_err *err);

#endif
