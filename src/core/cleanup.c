#include "summit/cleanup.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "summit/xalloc.h"

/* A fixed table, so the signal handler walks it without allocating. An
 * export lists one directory and a file per kind; a load four files. */
#define CLEANUP_MAX 64

static char *volatile paths[CLEANUP_MAX];

void cleanup_add(const char *path)
{
	for (int i = 0; i < CLEANUP_MAX; i++)
		if (!paths[i]) {
			paths[i] = xstrdup(path);
			return;
		}
}

void cleanup_forget(const char *path)
{
	for (int i = 0; i < CLEANUP_MAX; i++)
		if (paths[i] && strcmp(paths[i], path) == 0) {
			char *p = paths[i];
			paths[i] = NULL;
			free(p);
			return;
		}
}

void cleanup_run(void)
{
	/* Files first, then the directories they were in. */
	for (int i = 0; i < CLEANUP_MAX; i++)
		if (paths[i])
			unlink(paths[i]);
	for (int i = 0; i < CLEANUP_MAX; i++)
		if (paths[i])
			rmdir(paths[i]);
}
