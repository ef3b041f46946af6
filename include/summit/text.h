/* UTF-8 text: validity and the width it takes on a terminal. Every width
 * computation goes through text_width, so wide and accented names align. */
#ifndef SUMMIT_TEXT_H
#define SUMMIT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

bool text_valid_utf8(const char *s);
/* Control characters (C0 but newline and tab when multiline; DEL; C1
 * U+0080-U+009F) or bidirectional overrides and isolates (U+202A-U+202E,
 * U+2066-U+2069). */
bool text_has_control(const char *s, bool multiline);

enum text_flags {
	TEXT_KEEP_LINES = 1 << 0, /* newlines and tabs stay as they are */
};
/* The one filter for what reaches a terminal: s with every character
 * text_has_control names, and every byte that is not UTF-8, written as a
 * visible escape (\x1b, \r, \u202e, \xff), so data can neither move the
 * cursor, send a terminal command nor reorder the line. s may be NULL
 * (gives ""). The caller frees the result. */
char *text_sanitize(const char *s, unsigned flags);
/* Terminal columns of a valid UTF-8 string (needs a UTF-8 LC_CTYPE). */
int text_width(const char *s);
/* Bytes of s that fit in `columns`; *used gets their width. */
size_t text_fit(const char *s, int columns, int *used);
/* s without case or accents, for searching: "Côte" and "COTE" both give
 * "cote". The caller frees it; NULL when s is not valid UTF-8. */
char *text_fold(const char *s);

/* An amount in hundredths as people read it: digits grouped by three with
 * spaces, cents only when there are any, then the currency when given:
 * "763 000 000 XOF", "-1 250.50". The money fields accept the same text. */
void text_money(long long cents, const char *currency, char *out, size_t size);

/* Whether word is one of the space-separated words of list. */
bool text_has_word(const char *list, const char *word);

#endif
