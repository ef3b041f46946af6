/* Generic storage of every kind of record. Values travel as text in the
 * user's form (codes and names for references, local times, decimal money):
 * the same text the command line, the CSV files and the TUI's forms use, so
 * they all share one validation. These functions do not open transactions:
 * wrap them in db_begin and db_commit. */
#ifndef SUMMIT_RECORD_H
#define SUMMIT_RECORD_H

#include <stddef.h>

#include "summit/kind.h"

struct summit_db;
struct summit_err;

struct record {
	const struct kind *kind;
	long long id;
	long long revision; /* grows with every change */
	char **values;      /* kind->nfields strings, NULL when not set */
};

/* values[] has kind->nfields entries; NULL takes the field's default. */
int record_insert(struct summit_db *db, const struct kind *kind, char *const *values,
                  long long *id, struct summit_err *err);
/* changes[] has kind->nfields entries; NULL keeps the value, "" clears it.
 * revision > 0 refuses (SUMMIT_CONFLICT) when the record moved past it. */
int record_update(struct summit_db *db, const struct kind *kind, long long id,
                  char *const *changes, long long revision, struct summit_err *err);
/* Refuses, naming them, while other records refer to it; revision as for
 * record_update. */
int record_delete(struct summit_db *db, const struct kind *kind, long long id,
                  long long revision, struct summit_err *err);

/* What removing a record with record_delete_cascade does to one record:
 * removes it (field NULL), or takes the removed record out of its field. */
struct record_effect {
	const struct kind *kind;
	long long id;
	const struct field *field;
	/* With field: the record it loses, e.g. "person #58". */
	const char *lost;
};
/* A non-zero return stops the removal (the caller then rolls back). */
typedef int (*record_effect_fn)(const struct record_effect *effect, void *ctx);
/* Removes the record and, first, every record whose required reference
 * names it (recursively: a delegation's people, their arrivals); optional
 * references and lists that name it are cleared. fn hears of each change
 * before it is made; wrap the call in one transaction. */
int record_delete_cascade(struct summit_db *db, const struct kind *kind, long long id,
                          record_effect_fn fn, void *ctx, struct summit_err *err);

/* A record by its key (a code, a name, a number), or by "#ID". */
int record_find(struct summit_db *db, const struct kind *kind, const char *key,
                long long *id, struct summit_err *err);
/* Fills rec; release it with record_clear. */
int record_get(struct summit_db *db, const struct kind *kind, long long id,
               struct record *rec, struct summit_err *err);
void record_clear(struct record *rec);

struct record_filter {
	int field;         /* index in kind->fields, or -1 for none */
	const char *value; /* user form */
};

/* Calls fn for each record (in the kind's natural order) matching every
 * filter; fn's record is only valid during the call. A non-zero return from
 * fn stops and is returned. */
typedef int (*record_fn)(const struct record *rec, void *ctx);
int record_each(struct summit_db *db, const struct kind *kind,
                const struct record_filter *filters, size_t nfilters, record_fn fn,
                void *ctx, struct summit_err *err);
/* The same for `limit` records (-1: all) after the first `offset`, so a
 * screen reads only the rows it shows. */
int record_each_range(struct summit_db *db, const struct kind *kind,
                      const struct record_filter *filters, size_t nfilters,
                      long long offset, long long limit, record_fn fn, void *ctx,
                      struct summit_err *err);
long long record_count(struct summit_db *db, const struct kind *kind);

/* Parses key=value words into changes[] (NULL where not named). */
int record_values_from_words(const struct kind *kind, char **words, int nwords,
                             char **values, struct summit_err *err);
void record_values_free(const struct kind *kind, char **values);

#endif
