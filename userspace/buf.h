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
#include <string.h>

struct tg_buf {
	char *data;
	size_t off, len, cap;
};

static inline size_t tg_buf_used(const struct tg_buf *b) { return b->len - b->off; }
static inline char *tg_buf_start(const struct tg_buf *b) { return b->data + b->off; }

/* tg_buf_reserve() when the room is not there yet: compact or reallocate. */
char *tg_buf_grow(struct tg_buf *b, size_t n);

/* Make room for at least n more bytes at the end; returns the write pointer
 * or NULL. (Inline, as tg_buf_append: both run for every piece of every
 * JSON line and header written, and nearly always find the room there.) */
static inline char *tg_buf_reserve(struct tg_buf *b, size_t n)
{
	return b->cap - b->len >= n ? b->data + b->len : tg_buf_grow(b, n);
}

static inline void tg_buf_commit(struct tg_buf *b, size_t n) { b->len += n; }

/* Append n bytes: 0, or -1 (out of memory: the buffer is as it was). */
static inline int tg_buf_append(struct tg_buf *b, const void *p, size_t n)
{
	char *w;

	if (n == 0)
		return 0;
	w = tg_buf_reserve(b, n);
	if (!w)
		return -1;
	memcpy(w, p, n);
	b->len += n;
	return 0;
}

int tg_buf_printf(struct tg_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tg_buf_consume(struct tg_buf *b, size_t n);
void tg_buf_reset(struct tg_buf *b);
void tg_buf_release_if_empty(struct tg_buf *b);
void tg_buf_free(struct tg_buf *b);

#endif
