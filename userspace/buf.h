/*
 * buf.h - a growable byte buffer with a read cursor.
 *
 * Data lives in data[off..len). Consuming advances off; the buffer compacts
 * itself when it needs room. A buffer that is empty can release its memory
 * (tg_buf_release_if_empty) so idle connections stay small.
 */
#ifndef TG_BUF_H
#define TG_BUF_H

#include <stddef.h>

struct tg_buf {
	char *data;
	size_t off, len, cap;
};

static inline size_t tg_buf_used(const struct tg_buf *b) { return b->len - b->off; }
static inline char *tg_buf_start(const struct tg_buf *b) { return b->data + b->off; }

/* Make room for at least n more bytes at the end; returns the write pointer or NULL. */
char *tg_buf_reserve(struct tg_buf *b, size_t n);
static inline void tg_buf_commit(struct tg_buf *b, size_t n) { b->len += n; }
int tg_buf_append(struct tg_buf *b, const void *p, size_t n);
int tg_buf_printf(struct tg_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tg_buf_consume(struct tg_buf *b, size_t n);
void tg_buf_reset(struct tg_buf *b);
void tg_buf_release_if_empty(struct tg_buf *b);
void tg_buf_free(struct tg_buf *b);

#endif
