/* Storage: a staged event file is whole at its path or absent, a readable
 * file is made private, and the cleanup list removes what it holds. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"

struct place {
	char dir[64];
	char path[96];
};

static int setup(void **state)
{
	struct place *p = calloc(1, sizeof *p);
	snprintf(p->dir, sizeof p->dir, "/tmp/summit-db-test.XXXXXX");
	if (!mkdtemp(p->dir))
		return -1;
	snprintf(p->path, sizeof p->path, "%s/event.db", p->dir);
	*state = p;
	return 0;
}

static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

static int teardown(void **state)
{
	struct place *p = *state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", p->dir);
	int rc = system(cmd);
	free(p);
	return rc;
}

static void test_staged_closed_leaves_nothing(void **state)
{
	struct place *p = *state;
	struct summit_db *db;
	struct summit_err err;
	assert_int_equal(db_create_staged(p->path, &db, &err), SUMMIT_OK);
	assert_true(entries(p->dir) >= 1); /* the staged file, its -wal and -shm */
	assert_int_not_equal(access(p->path, F_OK), 0);
	db_close(db);
	assert_int_equal(entries(p->dir), 0);
}

static void test_staged_installed_is_whole_and_private(void **state)
{
	struct place *p = *state;
	struct summit_db *db;
	struct summit_err err;
	assert_int_equal(db_create_staged(p->path, &db, &err), SUMMIT_OK);
	assert_int_equal(db_begin(db, &err), SUMMIT_OK);
	const char *words[] = {"name=Staged",         "country=Mali",
	                       "city=Bamako",         "first_day=2007-11-14",
	                       "last_day=2007-11-17", "timezone=Africa/Bamako"};
	char **values = calloc(kind_event.nfields, sizeof *values);
	assert_int_equal(
	    record_values_from_words(&kind_event, (char **)words, 6, values, &err),
	    SUMMIT_OK);
	assert_int_equal(record_insert(db, &kind_event, values, NULL, &err), SUMMIT_OK);
	record_values_free(&kind_event, values);
	free(values);
	assert_int_equal(db_commit(db, &err), SUMMIT_OK);
	assert_int_equal(db_install(db, &err), SUMMIT_OK);
	/* One file, no -wal, no -shm, no staged name. */
	assert_int_equal(entries(p->dir), 1);
	struct stat sb;
	assert_int_equal(stat(p->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(db_open(p->path, &db, &err), SUMMIT_OK);
	assert_true(db_has_event(db));
	assert_null(db_warning(db));
	db_close(db);
	/* A second staged create at the same path is refused. */
	assert_int_equal(db_create_staged(p->path, &db, &err), SUMMIT_INVALID);
	assert_non_null(strstr(err.msg, "already exists"));
}

static void test_readable_file_made_private(void **state)
{
	struct place *p = *state;
	struct summit_db *db;
	struct summit_err err;
	assert_int_equal(db_create(p->path, &db, &err), SUMMIT_OK);
	db_close(db);
	assert_int_equal(chmod(p->path, 0644), 0);
	assert_int_equal(db_open(p->path, &db, &err), SUMMIT_OK);
	assert_non_null(db_warning(db));
	assert_non_null(strstr(db_warning(db), "was readable by other users (mode 644)"));
	struct stat sb;
	assert_int_equal(stat(p->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	db_close(db);
}

static void test_cleanup_removes_files_then_directories(void **state)
{
	struct place *p = *state;
	char sub[128], file[160];
	snprintf(sub, sizeof sub, "%s/staged", p->dir);
	snprintf(file, sizeof file, "%s/a.csv", sub);
	assert_int_equal(mkdir(sub, 0700), 0);
	cleanup_add(sub); /* the directory first, as an export lists it */
	FILE *f = fopen(file, "w");
	fclose(f);
	cleanup_add(file);
	cleanup_run();
	assert_int_equal(entries(p->dir), 0);
	cleanup_forget(file);
	cleanup_forget(sub);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_staged_closed_leaves_nothing, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_staged_installed_is_whole_and_private,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_readable_file_made_private, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_cleanup_removes_files_then_directories,
	                                    setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
