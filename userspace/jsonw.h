/*
 * jsonw.h - write JSON text straight into a tg_buf.
 *
 * For the per-call hot paths (a request-log line, a span): building a cJSON
 * tree costs one allocation per member and a second pass to print it. Here
 * the caller writes members in order and the writer places commas, escapes
 * strings and formats numbers as cJSON prints them (except that a double
 * always reads back exactly, where cJSON may round it). Strings are
 * written as valid JSON whatever bytes they hold: quotes, backslashes and
 * control characters are escaped, and bytes that are not valid UTF-8 become
 * U+FFFD.
 *
 *   struct tg_jsonw w;
 *   tg_jw_init(&w, &buf);
 *   tg_jw_open(&w, NULL);             {
 *   tg_jw_str(&w, "model", "gpt-4o");   "model":"gpt-4o"
 *   tg_jw_open_array(&w, "tags");       ,"tags":[
 *   tg_jw_str(&w, NULL, "a");           "a"
 *   tg_jw_close_array(&w);              ]
 *   tg_jw_close(&w);                  }
 *   if (w.failed) ... out of memory
 *
 * key is NULL for array elements and for the outermost value.
 */
#ifndef TG_JSONW_H
#define TG_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define TG_JSONW_DEPTH 16

struct tg_jsonw {
	struct tg_buf *b;
	int depth;
	bool first[TG_JSONW_DEPTH]; /* nothing written yet at this level */
	bool failed;                /* an allocation failed (or nesting was too deep) */
};

void tg_jw_init(struct tg_jsonw *w, struct tg_buf *b);

void tg_jw_open(struct tg_jsonw *w, const char *key);        /* { */
void tg_jw_close(struct tg_jsonw *w);                        /* } */
void tg_jw_open_array(struct tg_jsonw *w, const char *key);  /* [ */
void tg_jw_close_array(struct tg_jsonw *w);                  /* ] */

void tg_jw_str(struct tg_jsonw *w, const char *key, const char *s);        /* NULL -> "" */
void tg_jw_strn(struct tg_jsonw *w, const char *key, const char *s, size_t n);
void tg_jw_int(struct tg_jsonw *w, const char *key, int64_t v);
void tg_jw_uint(struct tg_jsonw *w, const char *key, uint64_t v);
/* Integers print as integers, others with 15 significant digits (17 when 15
 * do not read back as the same double); NaN and infinities as null. */
void tg_jw_double(struct tg_jsonw *w, const char *key, double v);
/* Microseconds as milliseconds with up to 3 decimals (1234 -> 1.234, 1500 -> 1.5):
 * what tg_jw_double prints for us / 1000.0, without floating point. */
void tg_jw_millis(struct tg_jsonw *w, const char *key, uint64_t us);
void tg_jw_bool(struct tg_jsonw *w, const char *key, bool v);
void tg_jw_null(struct tg_jsonw *w, const char *key);
/* An already formatted JSON value (trusted to be valid). */
void tg_jw_raw(struct tg_jsonw *w, const char *key, const char *json, size_t n);

/* Append s as a JSON string literal (with the quotes). */
int tg_json_quote(struct tg_buf *b, const char *s, size_t n);

#endif
