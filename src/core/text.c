#define _XOPEN_SOURCE 700
#include "summit/text.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
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

bool text_has_control(const char *s, bool multiline)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == 0x7f)
			return true;
		if (*p < 0x20 && !(multiline && (*p == '\n' || *p == '\t' || *p == '\r')))
			return true;
	}
	return false;
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
	/* Case-folded and decomposed (NFKD): "Ô" becomes "o" and a combining
	 * circumflex, which goes. */
	size_t len;
	uint8_t *folded =
	    u8_casefold((const uint8_t *)s, n, NULL, UNINORM_NFKD, NULL, &len);
	if (!folded)
		return NULL;
	char *out = xmalloc(len + 1);
	size_t j = 0;
	for (size_t i = 0; i < len;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, folded + i, len - i);
		if (!uc_is_general_category(c, UC_CATEGORY_Mn))
			memcpy(out + j, folded + i, (size_t)k), j += (size_t)k;
		i += (size_t)k;
	}
	out[j] = '\0';
	free(folded);
	return out;
}
