/*
 * buf.c - growable byte buffers.
 */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *tg_buf_grow(struct tg_buf *b, size_t n)
{
	size_t used = b->len - b->off;

	if (b->cap - b->len >= n)
		return b->data + b->len;
	if (b->off && b->cap - used >= n) {
		memmove(b->data, b->data + b->off, used);
		b->off = 0;
		b->len = used;
		return b->data + b->len;
	}
	/* small first: per-call heads, bodies and log lines stay in malloc's fast bins */
	size_t cap = b->cap ? b->cap : 256;
	while (cap - used < n) {
		if (cap > ((size_t)-1) / 2)
			return NULL;
		cap *= 2;
	}
	char *d = malloc(cap);
	if (!d)
		return NULL;
	if (used)
		memcpy(d, b->data + b->off, used);
	free(b->data);
	b->data = d;
	b->cap = cap;
	b->off = 0;
	b->len = used;
	return b->data + b->len;
}

int tg_buf_printf(struct tg_buf *b, const char *fmt, ...)
{
	va_list ap;
	size_t room = b->cap - b->len;
	int n;

	/* format in place when it fits (the common case: one pass) */
	va_start(ap, fmt);
	n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n < room) {
		b->len += (size_t)n;
		return 0;
	}
	char *w = tg_buf_reserve(b, (size_t)n + 1);
	if (!w)
		return -1;
	va_start(ap, fmt);
	vsnprintf(w, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void tg_buf_consume(struct tg_buf *b, size_t n)
{
	b->off += n;
	if (b->off >= b->len)
		b->off = b->len = 0;
}

void tg_buf_reset(struct tg_buf *b)
{
	b->off = b->len = 0;
}

void tg_buf_release_if_empty(struct tg_buf *b)
{
	if (b->len == b->off && b->data) {
		free(b->data);
		b->data = NULL;
		b->off = b->len = b->cap = 0;
	}
}

void tg_buf_free(struct tg_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->off = b->len = b->cap = 0;
}
