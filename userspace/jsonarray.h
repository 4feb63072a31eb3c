/*
 * jsonarray.h - an incremental splitter for a JSON array that streams in
 * element by element, as Gemini's streamGenerateContent answers without
 * alt=sse: "[{...}\r\n,\r\n{...}\r\n]", each element a complete
 * GenerateContentResponse, the array closed only at the end of the body.
 *
 * Feed it body bytes as they arrive, in pieces of any size; it calls back
 * once per element, as soon as the element's last byte is in: a small
 * state machine follows strings, escapes and nesting depth, so braces and
 * brackets inside strings do not count. Each piece handed out has:
 *   raw      its bytes as received: what came since the previous piece
 *            ('[', ',', whitespace) and then the element. Concatenating the
 *            raw bytes of every piece handed out (tg_jarray_finish
 *            included) gives back the input, byte for byte.
 *   value    where the element's own JSON text is inside raw; value_len 0
 *            for pieces that are no element: the closing ']' and whatever
 *            follows it (handed out as it comes).
 * The elements are not validated here (a malformed one is still cut where
 * its brackets close); the caller checks what it needs.
 *
 * A body whose first byte (after whitespace) is not '[' is no array: it is
 * collected and handed out whole at the end, as one piece with whole set
 * (an error object, a plain generateContent answer).
 *
 * Pieces are bounded: past max bytes, an element (or a whole body) is
 * handed out in pieces with oversized set (raw only, value_len 0), and its
 * end is still found, so memory stays bounded and no byte is lost.
 */
#ifndef TG_JSONARRAY_H
#define TG_JSONARRAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define TG_JARRAY_DEFAULT_MAX (1024 * 1024)

struct tg_jarray_piece {
	const char *raw;          /* the bytes as received */
	size_t raw_len;
	size_t value_off;         /* the element's JSON within raw */
	size_t value_len;         /* 0: no element in this piece */
	bool whole;               /* the body is no array: all of it (at the end) */
	bool complete;            /* the element's brackets closed (false: the body ended first) */
	bool oversized;           /* a piece of an element over max: raw only */
	bool end;                 /* the array's closing ']' is in this piece */
};

/* Return 0 to go on, anything else to stop (tg_jarray_feed returns it). */
typedef int (*tg_jarray_fn)(void *arg, const struct tg_jarray_piece *p);

struct tg_jarray {
	struct tg_buf buf;        /* bytes not handed out yet */
	size_t scan;              /* bytes of buf already looked at */
	size_t value;             /* where the element being read starts in buf */
	size_t max;
	uint32_t depth;           /* brackets open in the element being read */
	uint8_t state;
	bool in_string, escape;   /* inside a string of the element; after a backslash */
	bool overflow;            /* inside an oversized element or body */
};

void tg_jarray_init(struct tg_jarray *j, size_t max);
void tg_jarray_free(struct tg_jarray *j);

/* Feed bytes. Returns 0, -1 when out of memory, or the callback's non-zero value. */
int tg_jarray_feed(struct tg_jarray *j, const char *in, size_t len, tg_jarray_fn fn, void *arg);

/* The body ended: hand out what is left, if anything (an element cut
 * short comes out with complete false). */
int tg_jarray_finish(struct tg_jarray *j, tg_jarray_fn fn, void *arg);

/* Did the array's closing ']' come? (false for a body that is no array) */
bool tg_jarray_closed(const struct tg_jarray *j);

/* Bytes held for the piece being collected (for memory accounting). */
static inline size_t tg_jarray_pending(const struct tg_jarray *j) { return tg_buf_used(&j->buf); }

#endif
