/*
 * common.h - small things every tollgate module uses: error reporting,
 * logging, and a few helpers.
 *
 * Errors: a function that can fail returns 0 on success and -1 on failure,
 * and writes a message the caller can show into a tg_err. tg_errf() formats
 * the message and returns -1, so a failure path is `return tg_errf(err, ...)`.
 * A NULL tg_err is allowed and ignored.
 */
#ifndef TG_COMMON_H
#define TG_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef struct tg_err {
	char msg[512];
} tg_err;

int tg_errf(tg_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prefix an existing message: "context: <old message>". Returns -1. */
int tg_err_prefix(tg_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

enum tg_log_level { TG_LOG_ERROR = 0, TG_LOG_WARN, TG_LOG_INFO, TG_LOG_DEBUG };

void tg_log_set_level(enum tg_log_level level);
int tg_log_parse_level(const char *name, enum tg_log_level *level);
void tg_log(enum tg_log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define tg_error(...) tg_log(TG_LOG_ERROR, __VA_ARGS__)
#define tg_warn(...) tg_log(TG_LOG_WARN, __VA_ARGS__)
#define tg_info(...) tg_log(TG_LOG_INFO, __VA_ARGS__)
#define tg_debug(...) tg_log(TG_LOG_DEBUG, __VA_ARGS__)

#define TG_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Copy a string into a fixed buffer, always NUL-terminated. Returns -1 if it was truncated. */
int tg_strlcpy(char *dst, const char *src, size_t size);
/* The same for the n bytes at src (a span of a larger text): at most size - 1 of them. */
void tg_copy_span(char *dst, size_t size, const char *src, size_t n);
/* v in decimal at out (room for 20 bytes), not NUL-terminated; returns its length. */
size_t tg_fmt_u64(char *out, uint64_t v);

/* Monotonic and wall clocks. */
uint64_t tg_now_ms(void);
uint64_t tg_now_us(void);
int64_t tg_wall_ms(void);

/* A wall-clock time in milliseconds as ISO-8601 UTC with milliseconds,
 * "2024-05-01T12:34:56.789Z": the form of every log and record tollgate
 * writes (the audit log's hash chain covers these exact bytes). */
#define TG_ISO_TIME_LEN 40
void tg_iso_time(int64_t wall_ms, char *out, size_t size);

/* Open a state file only root may read: created 0600, and made 0600 if it
 * already existed with looser bits or the umask took some away. flags are
 * open(2)'s (O_CREAT and O_CLOEXEC are added). Returns the descriptor, or
 * -1 with errno set. */
int tg_open_private(const char *path, int flags);

#endif
