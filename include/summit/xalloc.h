/* Allocation that never returns NULL: on exhaustion summit stops with a
 * message, since no caller could do anything better. */
#ifndef SUMMIT_XALLOC_H
#define SUMMIT_XALLOC_H

#include <stddef.h>

#define SUMMIT_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define SUMMIT_MALLOC       __attribute__((malloc, returns_nonnull))

/* All return memory the caller owns and releases with free(). */
void *xmalloc(size_t size) SUMMIT_MALLOC;
void *xcalloc(size_t count, size_t size) SUMMIT_MALLOC;
void *xrealloc(void *ptr, size_t size) __attribute__((returns_nonnull));
char *xstrdup(const char *s) SUMMIT_MALLOC;
char *xstrndup(const char *s, size_t n) SUMMIT_MALLOC;
char *xasprintf(const char *fmt, ...) SUMMIT_PRINTF(1, 2) SUMMIT_MALLOC;

/* A growing string. */
struct strbuf {
	char *buf;
	size_t len, cap;
};
void strbuf_add(struct strbuf *sb, const char *s);
void strbuf_addn(struct strbuf *sb, const char *s, size_t n);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) SUMMIT_PRINTF(2, 3);
/* Hands the string to the caller (never NULL) and empties sb. */
char *strbuf_take(struct strbuf *sb);
void strbuf_free(struct strbuf *sb);

#endif
