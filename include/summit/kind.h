/* The kinds of record an event holds, described as data: every front end,
 * the CSV files and the generic storage code read these descriptors, so a
 * field is declared once. */
#ifndef SUMMIT_KIND_H
#define SUMMIT_KIND_H

#include <stdbool.h>
#include <stddef.h>

enum field_type {
	FIELD_ID,      /* the record's number */
	FIELD_TEXT,    /* free UTF-8 text on one line */
	FIELD_CODE,    /* a short identifier: letters, digits, - and _ */
	FIELD_INT,     /* a whole number */
	FIELD_MONEY,   /* a decimal amount, stored in hundredths */
	FIELD_DATE,    /* YYYY-MM-DD */
	FIELD_TIME,    /* YYYY-MM-DD HH:MM in the event's zone, stored as UTC */
	FIELD_ZONE,    /* an Olson time-zone name */
	FIELD_ENUM,    /* one of choices[] */
	FIELD_REF,     /* another record, by its key */
	FIELD_REFLIST, /* several other records, space-separated keys */
};

enum field_flag {
	FIELD_REQUIRED = 1 << 0,
	FIELD_POSITIVE = 1 << 1, /* > 0 */
	FIELD_NONNEG = 1 << 2,   /* >= 0 */
	FIELD_UNIQUE = 1 << 3,
	FIELD_FIXED = 1 << 4,    /* set on creation, changed only by its own verb */
	FIELD_CASCADE = 1 << 5,  /* a REF to the owner: removed with it */
	FIELD_ONE_LINE = 1 << 6, /* TEXT without line breaks or tabs (addresses) */
};

struct summit_db;
struct summit_err;

struct field {
	const char *name;
	enum field_type type;
	unsigned flags;
	const char *const *choices; /* FIELD_ENUM: NULL-terminated */
	const char *ref;            /* FIELD_REF(LIST): plural of the kind */
	const char *link;           /* FIELD_REFLIST: join table */
	const char *fallback;       /* value when none is given, or NULL */
	const char *help;
};

/* Checks across fields, once each value is valid on its own; values[] are
 * in the user's form (see record.h). */
typedef int (*kind_check_fn)(struct summit_db *db, const char *const *values,
                             struct summit_err *err);

struct kind {
	const char *plural;
	const char *singular;
	const char *table;
	const char *help;
	const struct field *fields;
	size_t nfields;
	size_t key;              /* index of the field that names a record */
	bool import_only;        /* rows written by other verbs (history) */
	const char *unique_rule; /* the message when its unique index refuses */
	kind_check_fn check;     /* may be NULL */
};

/* Every kind, in an order where a kind comes after those it refers to;
 * event first. */
extern const struct kind *const kinds[];
extern const size_t kind_count;

/* By plural or singular name; NULL when unknown. */
const struct kind *kind_find(const char *name);
/* Index of the field, or -1. */
int kind_field_index(const struct kind *kind, const char *name);
const struct kind *kind_event(void);

/* Names of invitation states, for the invitation module. */
extern const char *const invitation_states[];

#endif
