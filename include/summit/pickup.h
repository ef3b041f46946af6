/* Meeting an arrival: the trip that picks its party up, drafted from the
 * arrival (airport, landing plus the pickup margin, the delegation's
 * hotel, the party as riders) and linked to it. No transactions here: the
 * caller wraps each change in one (db_begin, db_end). */
#ifndef SUMMIT_PICKUP_H
#define SUMMIT_PICKUP_H

struct summit_db;
struct summit_err;

/* Values for a new trip meeting arrival (kind_trips->nfields strings, in
 * the user's form; NULL where nothing is known, the vehicle always). The
 * caller frees each with free() and the array. */
int pickup_draft(struct summit_db *db, long long arrival, int margin_minutes,
                 char ***values, struct summit_err *err);
/* Links arrival to trip as its pickup and adds its party to the trip's
 * riders (those not there already). */
int pickup_link(struct summit_db *db, long long arrival, long long trip,
                struct summit_err *err);

#endif
