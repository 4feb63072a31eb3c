/*
 * sse.h - an incremental splitter for Server-Sent Events streams
 * (text/event-stream), as LLM APIs send them.
 *
 * Feed it response body bytes as they arrive, in pieces of any size; it
 * calls back once per complete event. Lines may end in "\n", "\r\n" or a
 * lone "\r", and a "\r\n" may be split across two reads. An event ends at
 * a blank line. For each event the callback gets:
 *   - raw: the event's bytes exactly as received. Concatenating the raw bytes
 *     of every event handed out (tg_sse_finish included) gives back the
 *     input, byte for byte, so a stage that passes events through unchanged
 *     writes out exactly what came in. Blank lines before an event belong
 *     to that event's raw bytes.
 *   - the parsed fields: type ("event:"), data (every "data:" line joined
 *     by "\n", as the spec says), id ("id:"). Comment lines (": ping") are
 *     skipped. Values are NUL-terminated.
 * Events are bounded: past max_event bytes an event is handed out in
 * pieces with oversized set, raw bytes only (no fields), so memory per
 * stream stays bounded and no byte is lost.
 */
#ifndef TG_SSE_H
#define TG_SSE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

#define TG_SSE_DEFAULT_MAX_EVENT (1024 * 1024)

struct tg_sse_event {
	const char *raw;        /* the event as received, terminator included */
	size_t raw_len;
	const char *type;       /* "event:" field, "" when absent */
	size_t type_len;
	const char *data;       /* "data:" lines joined by "\n", "" when absent */
	size_t data_len;
	bool has_data;          /* at least one "data:" line */
	const char *id;         /* "id:" field, "" when absent */
	size_t id_len;
	bool complete;          /* ended by a blank line (false: the stream ended first) */
	bool oversized;         /* a piece of an event over max_event: raw only */
};

/* Return 0 to go on, anything else to stop (tg_sse_feed returns it). */
typedef int (*tg_sse_fn)(void *arg, const struct tg_sse_event *ev);

struct tg_sse {
	struct tg_buf buf;      /* bytes of the event being collected */
	struct tg_buf fields;   /* scratch for the parsed fields */
	size_t scan;            /* bytes of buf already looked at */
	size_t max_event;
	bool skip_lf;           /* a CR ended the last line: an LF right after belongs to it */
	bool in_line;           /* the current line has bytes */
	bool seen_line;         /* the current event has a non-blank line */
	bool overflow;          /* inside an oversized event */
};

void tg_sse_init(struct tg_sse *s, size_t max_event);
void tg_sse_free(struct tg_sse *s);

/* Feed bytes. Returns 0, -1 when out of memory, or the callback's non-zero value. */
int tg_sse_feed(struct tg_sse *s, const char *in, size_t len, tg_sse_fn fn, void *arg);

/* The stream ended: hand out what is left (complete = false), if anything. */
int tg_sse_finish(struct tg_sse *s, tg_sse_fn fn, void *arg);

/* Bytes held for the event being collected (for memory accounting). */
static inline size_t tg_sse_pending(const struct tg_sse *s) { return tg_buf_used(&s->buf); }

#endif
