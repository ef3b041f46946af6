#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef FUZZ_SAMPLE
#error "FUZZ_SAMPLE names the sample event's directory"
#endif

static char dir[] = "/tmp/summit-fuzz.XXXXXX";
static char path[64];
static struct summit_db *event;

static void remove_event(void)
{
	char name[96];
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < 4; i++) {
		snprintf(name, sizeof name, "%s%s", path, suffixes[i]);
		unlink(name);
	}
	db_close(event);
	rmdir(dir);
	when_cleanup();
}

static int set(struct summit_db *db, const char *code, char **words,
               struct summit_err *err)
{
	const struct kind *kind = &kind_delegations;
	char **changes = xcalloc(kind->nfields, sizeof *changes);
	long long id;
	int status = record_find(db, kind, code, &id, err);
	if (!status)
		status = record_values_from_words(kind, words, 1, changes, err);
	if (!status)
		status = record_update(db, kind, id, changes, 0, err);
	record_values_free(kind, changes);
	free(changes);
	return status;
}

struct summit_db *fuzz_event(void)
{
	if (event)
		return event;
	struct summit_db *db;
	struct summit_err err;
	err_clear(&err);
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		abort();
	}
	snprintf(path, sizeof path, "%s/event.db", dir);
	atexit(remove_event);
	/* Two delegations with an address, so replies reach their
	 * invitations (seeds/ics/reply-*). */
	char *sen[] = {"email=protocole@example.sn"}, *mli[] = {"email=mae@example.ml"};
	if (db_create(path, &db, &err) || db_begin(db, &err) ||
	    csv_load_directory(db, FUZZ_SAMPLE, &err) || set(db, "SEN", sen, &err) ||
	    set(db, "MLI", mli, &err) || db_commit(db, &err)) {
		fprintf(stderr, "fuzz: cannot load %s: %s\n", FUZZ_SAMPLE, err.msg);
		abort();
	}
	return event = db;
}

char *fuzz_text(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	return text;
}

char *fuzz_first_line(char *text, char **rest)
{
	char *eol = strchr(text, '\n');
	if (!eol)
		return NULL;
	*eol = '\0';
	*rest = eol + 1;
	return text;
}
