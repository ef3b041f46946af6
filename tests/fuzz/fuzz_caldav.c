/* The CalDAV server's multistatus answers (PROPFIND, REPORT). */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "summit/caldav.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int each(const char *href, long status, const char *data, void *ctx)
{
	size_t *total = ctx;
	if (status != 0 && (status < 100 || status > 599))
		abort();
	*total += strlen(href) + strlen(data);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t total = 0;
	caldav_each_response((const char *)data, size, each, &total);
	return 0;
}
