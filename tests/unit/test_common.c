/*
 * test_common.c - the small shared helpers in common.c: the ISO-8601 time
 * stamp every log and record uses (byte for byte the form the audit log's
 * hash chain already covers), the log line's prefix, and root-only state
 * files.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "common.h"

/* The form the request log, event log, audit log and CLI wrote before they
 * shared tg_iso_time: strftime to the second, then ".mmmZ". */
static void reference(int64_t ms, char *out, size_t size)
{
	time_t secs = (time_t)(ms / 1000);
	struct tm tm;

	gmtime_r(&secs, &tm);
	strftime(out, size, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out + strlen(out), size - strlen(out), ".%03dZ", (int)(ms % 1000));
}

static void test_iso_time(void)
{
	static const struct {
		int64_t ms;
		const char *want;
	} cases[] = {
		{0, "1970-01-01T00:00:00.000Z"},
		{1, "1970-01-01T00:00:00.001Z"},
		{999, "1970-01-01T00:00:00.999Z"},
		{1000, "1970-01-01T00:00:01.000Z"},
		{951782400000, "2000-02-29T00:00:00.000Z"},
		{1700000000123, "2023-11-14T22:13:20.123Z"},
		{1704067199999, "2023-12-31T23:59:59.999Z"},
		{4102444800000, "2100-01-01T00:00:00.000Z"},
		{253402300799999, "9999-12-31T23:59:59.999Z"},
		{253402300800000, "10000-01-01T00:00:00.000Z"}, /* past four digits: as strftime writes it */
	};
	char got[TG_ISO_TIME_LEN], want[TG_ISO_TIME_LEN];
	int same = 1;

	for (size_t i = 0; i < TG_ARRAY_LEN(cases); i++) {
		tg_iso_time(cases[i].ms, got, sizeof(got));
		CHECK(strcmp(got, cases[i].want) == 0, "tg_iso_time(%lld) = %s (want %s)", (long long)cases[i].ms,
		      got, cases[i].want);
	}
	/* the same bytes as before, over a spread of times */
	srand(42);
	for (int i = 0; i < 100000 && same; i++) {
		int64_t ms = ((int64_t)rand() << 20 ^ rand()) % 4102444800000;

		tg_iso_time(ms, got, sizeof(got));
		reference(ms, want, sizeof(want));
		if (strcmp(got, want) != 0) {
			printf("# %lld: %s, was %s\n", (long long)ms, got, want);
			same = 0;
		}
	}
	CHECK(same, "tg_iso_time writes what each module wrote before, for 100000 times");
	tg_iso_time(tg_wall_ms(), got, sizeof(got));
	CHECK(strlen(got) == 24 && got[10] == 'T' && got[19] == '.' && got[23] == 'Z', "now: %s", got);
}

static void test_formatting(void)
{
	static const uint64_t values[] = {0, 7, 10, 99, 100, 4294967295u, 10000000000000000000u, UINT64_MAX};
	char got[32], want[32], span[8];
	int same = 1;

	for (size_t i = 0; i < TG_ARRAY_LEN(values); i++) {
		got[tg_fmt_u64(got, values[i])] = 0;
		snprintf(want, sizeof(want), "%llu", (unsigned long long)values[i]);
		CHECK(strcmp(got, want) == 0, "tg_fmt_u64(%s) = %s", want, got);
	}
	srand(7);
	for (int i = 0; i < 100000 && same; i++) {
		uint64_t v = (uint64_t)rand() << 40 ^ (uint64_t)rand() << 20 ^ (uint64_t)rand();

		v >>= rand() % 64;
		got[tg_fmt_u64(got, v)] = 0;
		snprintf(want, sizeof(want), "%llu", (unsigned long long)v);
		same = strcmp(got, want) == 0;
	}
	CHECK(same, "tg_fmt_u64 writes what %%llu does, for 100000 values");

	tg_copy_span(span, sizeof(span), "POST /v1", 4);
	CHECK(strcmp(span, "POST") == 0, "tg_copy_span: the span, NUL-terminated");
	tg_copy_span(span, sizeof(span), "0123456789", 10);
	CHECK(strcmp(span, "0123456") == 0, "tg_copy_span: cut to the buffer");
	tg_copy_span(span, sizeof(span), NULL, 0);
	CHECK(span[0] == 0, "tg_copy_span: nothing");
}

/* A log line: "<time> <level padded to 5> <message>\n" on stderr. */
static void test_log_line(void)
{
	char path[] = "/tmp/tg-test-common-XXXXXX", line[256] = "";
	int fd = mkstemp(path), saved = dup(2);
	FILE *f;

	if (fd < 0 || saved < 0) {
		CHECK(0, "temporary file for stderr");
		return;
	}
	fflush(stderr);
	dup2(fd, 2);
	tg_log_set_level(TG_LOG_INFO);
	tg_info("hello %d", 7);
	tg_debug("not shown");
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(fd);
	f = fopen(path, "r");
	if (f && !fgets(line, sizeof(line), f))
		line[0] = 0;
	if (f)
		fclose(f);
	unlink(path);
	CHECK(strlen(line) > 24 && line[10] == 'T' && line[19] == '.' && line[23] == 'Z' &&
		      strcmp(line + 24, " info  hello 7\n") == 0,
	      "log line: time, level, message: %.*s", (int)strcspn(line, "\n"), line);
}

static mode_t mode_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_mode & 07777 : 07777;
}

static void test_open_private(void)
{
	char dir[] = "/tmp/tg-test-common-XXXXXX", path[64];
	mode_t old_umask;
	int fd;

	if (!mkdtemp(dir)) {
		CHECK(0, "temporary directory");
		return;
	}
	snprintf(path, sizeof(path), "%s/state.log", dir);
	old_umask = umask(0);
	fd = tg_open_private(path, O_WRONLY | O_APPEND);
	CHECK(fd >= 0 && mode_of(path) == 0600, "a new state file is 0600 whatever the umask (%04o)",
	      (unsigned)mode_of(path));
	CHECK(fd >= 0 && (fcntl(fd, F_GETFD) & FD_CLOEXEC), "close-on-exec");
	CHECK(fd >= 0 && write(fd, "a", 1) == 1 && lseek(fd, 0, SEEK_END) == 1, "open for appending");
	if (fd >= 0)
		close(fd);
	chmod(path, 0644);
	fd = tg_open_private(path, O_RDWR | O_APPEND);
	CHECK(fd >= 0 && mode_of(path) == 0600, "an existing looser file is made 0600 (%04o)", (unsigned)mode_of(path));
	if (fd >= 0)
		close(fd);
	umask(old_umask);
	unlink(path);
	snprintf(path, sizeof(path), "%s/missing/state.log", dir);
	fd = tg_open_private(path, O_WRONLY);
	CHECK(fd < 0 && errno == ENOENT, "a file that cannot be created: -1, errno set (%s)", strerror(errno));
	rmdir(dir);
}

int main(void)
{
	test_iso_time();
	test_formatting();
	test_log_line();
	test_open_private();
	CHECK_DONE();
}
