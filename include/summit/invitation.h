/* Invitations move through their states along allowed transitions only,
 * and every move is a history row (time, old and new state, channel, note). */
#ifndef SUMMIT_INVITATION_H
#define SUMMIT_INVITATION_H

#include <stdbool.h>

struct summit_db;
struct summit_err;

bool invitation_can_move(const char *from, const char *to);
/* The states `from` may move to, space-separated (a static string). */
const char *invitation_next_states(const char *from);

struct invitation_move {
	const char *delegation; /* code */
	const char *state;      /* the new state */
	const char *channel;    /* NULL keeps the invitation's channel */
	const char *via;        /* intermediary's code, NULL keeps, "" clears */
	const char *note;       /* may be NULL */
	const char *at;         /* local time, NULL for now */
};

/* Moves the invitation and writes its history row; inside a transaction. */
int invitation_move(struct summit_db *db, const struct invitation_move *move,
                    struct summit_err *err);

/* Verifies that every invitation's history ends in its state (after a load). */
int invitation_check_histories(struct summit_db *db, struct summit_err *err);

/* Hooks of the invitation and history kinds (wired in kind.c). */
/* The rule of a history row read from a file. */
int invitation_check_history(struct summit_db *db, long long self,
                             const char *const *values, struct summit_err *err);
/* Writes a new invitation's first history row. */
int invitation_after_insert(struct summit_db *db, long long id, struct summit_err *err);

#endif
