/*
 * common.c - error messages, logging to stderr, clocks, time stamps, and
 * root-only state files.
 */
#include "common.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

int tg_errf(tg_err *err, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return -1;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

int tg_err_prefix(tg_err *err, const char *fmt, ...)
{
	char prefix[128], old[sizeof(err->msg)];
	va_list ap;

	if (!err)
		return -1;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	memcpy(old, err->msg, sizeof(old));
	snprintf(err->msg, sizeof(err->msg), "%.127s: %.*s", prefix,
		 (int)(sizeof(err->msg) - sizeof(prefix) - 2), old);
	return -1;
}

/* The log level is set once at start-up, before any thread exists. */
static enum tg_log_level log_level = TG_LOG_INFO;

void tg_log_set_level(enum tg_log_level level)
{
	log_level = level;
}

int tg_log_parse_level(const char *name, enum tg_log_level *level)
{
	static const char *names[] = {"error", "warn", "info", "debug"};

	for (size_t i = 0; i < TG_ARRAY_LEN(names); i++) {
		if (strcasecmp(name, names[i]) == 0) {
			*level = (enum tg_log_level)i;
			return 0;
		}
	}
	return -1;
}

void tg_log(enum tg_log_level level, const char *fmt, ...)
{
	static const char *tags[] = {"error", "warn", "info", "debug"};
	char line[2048];
	size_t n;
	va_list ap;

	if (level > log_level)
		return;
	tg_iso_time(tg_wall_ms(), line, sizeof(line));
	n = strlen(line);
	n += (size_t)snprintf(line + n, sizeof(line) - n, " %-5s ", tags[level]);
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	va_end(ap);
	n = strlen(line);
	if (n < sizeof(line) - 1) {
		line[n++] = '\n';
		line[n] = 0;
	}
	fwrite(line, 1, n, stderr);
}

int tg_strlcpy(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);

	if (size == 0)
		return -1;
	if (n >= size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = 0;
		return -1;
	}
	memcpy(dst, src, n + 1);
	return 0;
}

void tg_copy_span(char *dst, size_t size, const char *src, size_t n)
{
	if (size == 0)
		return;
	if (n >= size)
		n = size - 1;
	if (n)
		memcpy(dst, src, n);
	dst[n] = 0;
}

size_t tg_fmt_u64(char *out, uint64_t v)
{
	char tmp[20];
	size_t n = 0;

	do {
		tmp[sizeof(tmp) - ++n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	memcpy(out, tmp + sizeof(tmp) - n, n);
	return n;
}

/* v as exactly `width` digits at out (the leading ones zeros); returns out past them. */
static char *fixed_digits(char *out, unsigned v, int width)
{
	for (int i = width - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return out + width;
}

uint64_t tg_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

uint64_t tg_now_ms(void)
{
	return tg_now_us() / 1000u;
}

int64_t tg_wall_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void tg_iso_time(int64_t wall_ms, char *out, size_t size)
{
	time_t secs = (time_t)(wall_ms / 1000);
	struct tm tm = {0};
	char buf[TG_ISO_TIME_LEN], *o = buf;
	size_t n;

	gmtime_r(&secs, &tm);
	if (wall_ms < 0 || tm.tm_year + 1900 > 9999) { /* not the four-digit years below */
		n = strftime(out, size, "%Y-%m-%dT%H:%M:%S", &tm);
		snprintf(out + n, size - n, ".%03dZ", (int)(wall_ms % 1000));
		return;
	}
	/* YYYY-MM-DDTHH:MM:SS.mmmZ, by hand: this runs for every request log line */
	o = fixed_digits(o, (unsigned)(tm.tm_year + 1900), 4);
	*o++ = '-';
	o = fixed_digits(o, (unsigned)(tm.tm_mon + 1), 2);
	*o++ = '-';
	o = fixed_digits(o, (unsigned)tm.tm_mday, 2);
	*o++ = 'T';
	o = fixed_digits(o, (unsigned)tm.tm_hour, 2);
	*o++ = ':';
	o = fixed_digits(o, (unsigned)tm.tm_min, 2);
	*o++ = ':';
	o = fixed_digits(o, (unsigned)tm.tm_sec, 2);
	*o++ = '.';
	o = fixed_digits(o, (unsigned)(wall_ms % 1000), 3);
	*o++ = 'Z';
	tg_copy_span(out, size, buf, (size_t)(o - buf));
}

int tg_open_private(const char *path, int flags)
{
	int fd = open(path, flags | O_CREAT | O_CLOEXEC, 0600);

	if (fd >= 0)
		fchmod(fd, 0600);
	return fd;
}
