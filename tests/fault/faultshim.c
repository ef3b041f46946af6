/* A fault injector for the tests, loaded with LD_PRELOAD: it numbers the
 * calls that write or sync a file (write, pwrite, writev, fsync, fdatasync,
 * ftruncate, rename, link; stdio streams opened for writing are routed
 * through write) and, at call SUMMIT_FAULT_AT, does what SUMMIT_FAULT says:
 *
 *   count   nothing; at exit, writes the number of calls to SUMMIT_FAULT_LOG
 *           (with SUMMIT_FAULT_TRACE=FILE, each call's number and name too)
 *   enospc  that call and every later one fails with ENOSPC (a full disk)
 *   eio     that call and every later one fails with EIO (a failing disk)
 *   short   that write writes half of what it was given (later ones whole)
 *   kill    SIGKILL before that call (also term: SIGTERM, int: SIGINT)
 *   rofs    a read-only file system: every open for writing fails with EROFS
 *
 * Only files count, not the terminal or pipes (descriptors 0-2 and
 * anything not a regular file or directory), so messages still get out.
 * SQLite's unix VFS calls these through the dynamic linker, so this is
 * also a test VFS for it without changing summit. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum mode { MODE_OFF, MODE_COUNT, MODE_ENOSPC, MODE_EIO, MODE_SHORT, MODE_SIGNAL, MODE_ROFS };

static enum mode mode = MODE_OFF;
static int signal_number;
static long fault_at;
static long calls;
static int ready;

static void setup(void)
{
	if (ready)
		return;
	ready = 1;
	const char *m = getenv("SUMMIT_FAULT");
	const char *at = getenv("SUMMIT_FAULT_AT");
	fault_at = at ? atol(at) : 0;
	if (!m)
		return;
	if (strcmp(m, "count") == 0)
		mode = MODE_COUNT;
	else if (strcmp(m, "enospc") == 0)
		mode = MODE_ENOSPC;
	else if (strcmp(m, "eio") == 0)
		mode = MODE_EIO;
	else if (strcmp(m, "short") == 0)
		mode = MODE_SHORT;
	else if (strcmp(m, "kill") == 0)
		mode = MODE_SIGNAL, signal_number = SIGKILL;
	else if (strcmp(m, "term") == 0)
		mode = MODE_SIGNAL, signal_number = SIGTERM;
	else if (strcmp(m, "int") == 0)
		mode = MODE_SIGNAL, signal_number = SIGINT;
	else if (strcmp(m, "rofs") == 0)
		mode = MODE_ROFS;
}

__attribute__((destructor)) static void report(void)
{
	const char *log = getenv("SUMMIT_FAULT_LOG");
	if (mode == MODE_OFF || !log)
		return;
	FILE *(*real_fopen)(const char *, const char *) = dlsym(RTLD_NEXT, "fopen");
	FILE *f = real_fopen(log, "w");
	if (f) {
		fprintf(f, "%ld\n", calls);
		fclose(f);
	}
}

static int counted_fd(int fd)
{
	struct stat sb;
	return fd > 2 && fstat(fd, &sb) == 0 && (S_ISREG(sb.st_mode) || S_ISDIR(sb.st_mode));
}

/* Numbers one call; returns the errno it must fail with, -1 for a short
 * write, or 0 to run it. */
static void trace(long n, const char *name)
{
	static int fd = -2;
	if (fd == -2) {
		const char *path = getenv("SUMMIT_FAULT_TRACE");
		fd = path ? open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600) : -1;
	}
	if (fd >= 0) {
		char line[64];
		int len = snprintf(line, sizeof line, "%ld %s\n", n, name);
		ssize_t (*real_write)(int, const void *, size_t) = dlsym(RTLD_NEXT, "write");
		if (real_write(fd, line, (size_t)len) < 0)
			fd = -1;
	}
}

static int fault(int is_write, const char *name)
{
	setup();
	if (mode == MODE_OFF || mode == MODE_ROFS)
		return 0;
	if (mode == MODE_SHORT && !is_write)
		return 0;
	long n = ++calls;
	if (mode == MODE_COUNT)
		trace(n, name);
	if (mode == MODE_COUNT || fault_at <= 0 || n < fault_at)
		return 0;
	switch (mode) {
	case MODE_ENOSPC:
		return ENOSPC;
	case MODE_EIO:
		return EIO;
	case MODE_SHORT:
		return n == fault_at ? -1 : 0;
	case MODE_SIGNAL:
		if (n == fault_at) {
			raise(signal_number);
			/* SIGTERM and SIGINT may be handled; the call then goes on. */
		}
		return 0;
	default:
		return 0;
	}
}

#define REAL(name) static __typeof__(name) *real_##name; \
	if (!real_##name) real_##name = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buf, size_t count)
{
	REAL(write);
	if (counted_fd(fd)) {
		int e = fault(1, __func__);
		if (e == -1 && count > 1)
			return real_write(fd, buf, count / 2);
		if (e > 0) {
			errno = e;
			return -1;
		}
	}
	return real_write(fd, buf, count);
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset)
{
	REAL(pwrite);
	if (counted_fd(fd)) {
		int e = fault(1, __func__);
		if (e == -1 && count > 1)
			return real_pwrite(fd, buf, count / 2, offset);
		if (e > 0) {
			errno = e;
			return -1;
		}
	}
	return real_pwrite(fd, buf, count, offset);
}

ssize_t pwrite64(int fd, const void *buf, size_t count, off64_t offset)
{
	REAL(pwrite64);
	if (counted_fd(fd)) {
		int e = fault(1, __func__);
		if (e == -1 && count > 1)
			return real_pwrite64(fd, buf, count / 2, offset);
		if (e > 0) {
			errno = e;
			return -1;
		}
	}
	return real_pwrite64(fd, buf, count, offset);
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt)
{
	REAL(writev);
	REAL(write);
	if (counted_fd(fd)) {
		int e = fault(1, __func__);
		if (e == -1 && iovcnt > 0 && iov[0].iov_len > 1)
			return real_write(fd, iov[0].iov_base, iov[0].iov_len / 2);
		if (e > 0) {
			errno = e;
			return -1;
		}
	}
	return real_writev(fd, iov, iovcnt);
}

#define SYNC_LIKE(name, decl, call)                                                \
	int name decl                                                              \
	{                                                                          \
		REAL(name);                                                        \
		if (counted_fd(fd)) {                                              \
			int e = fault(0, #name);                                          \
			if (e > 0) {                                               \
				errno = e;                                         \
				return -1;                                         \
			}                                                          \
		}                                                                  \
		return real_##name call;                                           \
	}

SYNC_LIKE(fsync, (int fd), (fd))
SYNC_LIKE(fdatasync, (int fd), (fd))
SYNC_LIKE(ftruncate, (int fd, off_t length), (fd, length))
SYNC_LIKE(ftruncate64, (int fd, off64_t length), (fd, length))

#define PATH_LIKE(name, decl, call)                                                \
	int name decl                                                              \
	{                                                                          \
		REAL(name);                                                        \
		int e = fault(0, #name);                                                  \
		if (e > 0) {                                                       \
			errno = e;                                                 \
			return -1;                                                 \
		}                                                                  \
		return real_##name call;                                           \
	}

PATH_LIKE(rename, (const char *from, const char *to), (from, to))
PATH_LIKE(renameat2, (int fromfd, const char *from, int tofd, const char *to, unsigned flags),
          (fromfd, from, tofd, to, flags))
PATH_LIKE(link, (const char *from, const char *to), (from, to))

static int rofs_open(const char *path, int flags, mode_t perm, const char *name)
{
	int (*real)(const char *, int, ...) = dlsym(RTLD_NEXT, name);
	setup();
	if (mode == MODE_ROFS && (flags & (O_WRONLY | O_RDWR | O_CREAT)) &&
	    strncmp(path, "/dev/", 5) != 0) {
		errno = EROFS;
		return -1;
	}
	return real(path, flags, perm);
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t perm = (flags & O_CREAT) ? (mode_t)va_arg(ap, int) : 0;
	va_end(ap);
	return rofs_open(path, flags, perm, "open");
}

int open64(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t perm = (flags & O_CREAT) ? (mode_t)va_arg(ap, int) : 0;
	va_end(ap);
	return rofs_open(path, flags, perm, "open64");
}

/* stdio writes through glibc's internal write, which LD_PRELOAD cannot
 * reach: a stream opened for writing becomes a cookie stream whose writes
 * go through write() above. */
static ssize_t cookie_read(void *c, char *buf, size_t size)
{
	return read((int)(long)c, buf, size);
}

static ssize_t cookie_write(void *c, const char *buf, size_t size)
{
	ssize_t n = write((int)(long)c, buf, size);
	/* fopencookie wants 0 for an error, and sets the error flag. */
	return n < 0 ? 0 : n;
}

static int cookie_seek(void *c, off64_t *offset, int whence)
{
	off64_t r = lseek64((int)(long)c, *offset, whence);
	if (r < 0)
		return -1;
	*offset = r;
	return 0;
}

static int cookie_close(void *c)
{
	return close((int)(long)c);
}

static FILE *wrap(int fd, const char *mode_text)
{
	cookie_io_functions_t io = {cookie_read, cookie_write, cookie_seek, cookie_close};
	return fopencookie((void *)(long)fd, mode_text, io);
}

static int writes(const char *m)
{
	return strchr(m, 'w') || strchr(m, 'a') || strchr(m, '+');
}

static FILE *open_stream(const char *path, const char *m)
{
	int flags = strchr(m, '+') ? O_RDWR : (m[0] == 'r' ? O_RDONLY : O_WRONLY);
	if (m[0] == 'w')
		flags |= O_CREAT | O_TRUNC;
	if (m[0] == 'a')
		flags |= O_CREAT | O_APPEND;
	if (strchr(m, 'x'))
		flags |= O_EXCL;
	if (strchr(m, 'e'))
		flags |= O_CLOEXEC;
	int fd = open(path, flags, 0666);
	if (fd < 0)
		return NULL;
	FILE *f = wrap(fd, m[0] == 'a' ? "a" : strchr(m, '+') ? "w+" : "w");
	if (!f)
		close(fd);
	return f;
}

FILE *fopen(const char *path, const char *m)
{
	REAL(fopen);
	setup();
	if (mode == MODE_OFF || !writes(m))
		return real_fopen(path, m);
	return open_stream(path, m);
}

FILE *fopen64(const char *path, const char *m)
{
	REAL(fopen64);
	setup();
	if (mode == MODE_OFF || !writes(m))
		return real_fopen64(path, m);
	return open_stream(path, m);
}

FILE *fdopen(int fd, const char *m)
{
	REAL(fdopen);
	setup();
	if (mode == MODE_OFF || !writes(m) || !counted_fd(fd))
		return real_fdopen(fd, m);
	return wrap(fd, m[0] == 'a' ? "a" : "w");
}
