/* Protocol precedence, as the UN General Assembly seats delegations:
 * participants before observers and guests, states before organisations,
 * then by the rank of the head of delegation (head of state, head of
 * government, vice-president, minister, deputy minister, ambassador,
 * other), then alphabetically by name (English, or French when asked)
 * starting from a letter drawn by lot. Only the expected delegations
 * (check.h) take a place. A seating plan lays that order out in rows of a
 * plenary room. */
#ifndef SUMMIT_ORDER_H
#define SUMMIT_ORDER_H

#include <stdbool.h>
#include <stddef.h>

struct summit_db;
struct summit_err;

enum order_host {
	ORDER_HOST_IN_ORDER, /* where precedence puts it */
	ORDER_HOST_FIRST,    /* the first seat, as the presiding host */
	ORDER_HOST_LAST,     /* the last seat */
};

struct order_options {
	char letter; /* 'A' to 'Z': the name the order starts from */
	bool french; /* by the French name (name_fr, else the name) */
	enum order_host host;
};

/* Letter 'A', English names, host in order. */
void order_options_init(struct order_options *options);
/* A letter drawn from seed (any number), as a lot drawn in public would be
 * recorded: the same seed draws the same letter. */
char order_draw_letter(unsigned long seed);

struct order_entry {
	long long id;
	char *code, *name;          /* name: the one the order sorts by */
	char *status, *kind, *rank; /* rank: NULL when not given */
	bool host;
};

/* The expected delegations in precedence order. */
struct order_list {
	struct order_entry *v;
	size_t n;
};

int order_delegations(struct summit_db *db, const struct order_options *options,
                      struct order_list *list, struct summit_err *err);
void order_list_free(struct order_list *list);

/* A place in a plenary room: rows from the front (1), seats from the left
 * (1); entry indexes the list. */
struct order_seat {
	int row, seat;
	size_t entry;
};

/* Lays list out in rows of `width` seats (> 0); *seats has list->n places
 * and the caller frees it. */
int order_seating(const struct order_list *list, int width, struct order_seat **seats,
                  struct summit_err *err);

#endif
