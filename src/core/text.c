#define _XOPEN_SOURCE 700
#include "summit/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <wchar.h>

#include "summit/xalloc.h"

/* Decodes one character; returns its length, or 0 when invalid. */
static size_t decode(const unsigned char *s, unsigned *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;
	if (n == 0 || s[0] > 0xf4)
		return 0;
	unsigned v = s[0] & (0x7f >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3f);
	}
	static const unsigned min[] = {0, 0, 0x80, 0x800, 0x10000};
	if (v < min[n] || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return n;
}

bool text_valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned cp;
	while (*p) {
		size_t n = decode(p, &cp);
		if (!n)
			return false;
		p += n;
	}
	return true;
}

/* C1 controls, and the bidirectional embeddings, overrides and isolates
 * that reorder what follows them on the screen ("Trojan Source"). */
static bool unsafe_code_point(unsigned cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

bool text_has_control(const char *s, bool multiline)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == 0x7f)
			return true;
		if (*p < 0x20 && !(multiline && (*p == '\n' || *p == '\t')))
			return true;
		unsigned cp;
		size_t n = *p >= 0x80 ? decode(p, &cp) : 0;
		if (n && unsafe_code_point(cp))
			return true;
		if (n)
			p += n - 1;
	}
	return false;
}

char *text_sanitize(const char *s, unsigned flags)
{
	struct strbuf sb = {0};
	strbuf_add(&sb, "");
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	while (*p) {
		unsigned cp;
		size_t n = decode(p, &cp);
		bool keep = (flags & TEXT_KEEP_LINES) && (*p == '\n' || *p == '\t');
		if (!n) {
			strbuf_addf(&sb, "\\x%02x", *p); /* not UTF-8 */
			n = 1;
		} else if (keep || (cp >= 0x20 && cp != 0x7f && !unsafe_code_point(cp))) {
			strbuf_addn(&sb, (const char *)p, n);
		} else if (cp == '\n' || cp == '\t' || cp == '\r') {
			strbuf_add(&sb, cp == '\n' ? "\\n" : cp == '\t' ? "\\t" : "\\r");
		} else if (cp < 0x80) {
			strbuf_addf(&sb, "\\x%02x", cp);
		} else {
			strbuf_addf(&sb, "\\u%04x", cp);
		}
		p += n;
	}
	return strbuf_take(&sb);
}

static int char_width(unsigned cp)
{
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

size_t text_fit(const char *s, int columns, int *used)
{
	const unsigned char *p = (const unsigned char *)s;
	int width = 0;
	unsigned cp;
	while (*p) {
		size_t n = decode(p, &cp);
		if (!n)
			n = 1, cp = '?';
		int w = char_width(cp);
		if (width + w > columns)
			break;
		width += w;
		p += n;
	}
	if (used)
		*used = width;
	return (size_t)(p - (const unsigned char *)s);
}

int text_width(const char *s)
{
	int width;
	text_fit(s, 1 << 30, &width);
	return width;
}

char *text_fold(const char *s)
{
	size_t n = strlen(s);
	if (u8_check((const uint8_t *)s, n))
		return NULL;
	/* Each letter becomes the lower case of its base letter: "Ô" is "O" and
	 * a combining circumflex by its canonical decomposition, and "o". One
	 * character at a time rather than a whole normalization, so a search
	 * can fold every row as it reads it. */
	struct strbuf sb = {0};
	strbuf_add(&sb, "");
	for (size_t i = 0; i < n;) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			char c = (char)(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
			strbuf_addn(&sb, &c, 1);
			i++;
			continue;
		}
		ucs4_t c, parts[UC_DECOMPOSITION_MAX_LENGTH];
		i += (size_t)u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		while (uc_canonical_decomposition(c, parts) > 0)
			c = parts[0];
		if (uc_is_general_category(c, UC_CATEGORY_Mn))
			continue; /* an accent on its own */
		uint8_t out[6];
		int k = u8_uctomb(out, uc_tolower(c), sizeof out);
		if (k > 0)
			strbuf_addn(&sb, (const char *)out, (size_t)k);
	}
	return strbuf_take(&sb);
}

void text_money(long long cents, const char *currency, char *out, size_t size)
{
	unsigned long long a =
	    cents < 0 ? 0ULL - (unsigned long long)cents : (unsigned long long)cents;
	char digits[24], grouped[40];
	snprintf(digits, sizeof digits, "%llu", a / 100);
	size_t n = 0, len = strlen(digits);
	if (cents < 0)
		grouped[n++] = '-';
	for (size_t i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			grouped[n++] = ' ';
		grouped[n++] = digits[i];
	}
	grouped[n] = 0;
	bool with_currency = currency && *currency;
	if (a % 100)
		snprintf(out, size, "%s.%02llu%s%s", grouped, a % 100,
		         with_currency ? " " : "", with_currency ? currency : "");
	else
		snprintf(out, size, "%s%s%s", grouped, with_currency ? " " : "",
		         with_currency ? currency : "");
}

bool text_has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = strstr(list, word); n && p; p = strstr(p + 1, word))
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}
