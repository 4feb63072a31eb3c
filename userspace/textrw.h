/*
 * textrw.h - rewrite a text's detected values, whole or as it streams in.
 *
 * tg_text_rewrite() detects values in one complete text and appends the
 * text with each value replaced (the replacement is the caller's choice:
 * see tg_replace_fn).
 *
 * struct tg_textstream does the same for a text that arrives in pieces (the
 * deltas of a streamed answer). Each piece is appended to a buffer that
 * keeps the not yet emitted text plus a short history for context words;
 * everything before the detector's hold point is emitted (rewritten) at
 * once, and only the tail where a value could still be forming is held
 * back. The result is byte for byte what tg_text_rewrite() gives on the
 * whole text, however the text was cut.
 */
#ifndef TG_TEXTRW_H
#define TG_TEXTRW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "common.h"
#include "detectors.h"

/* Append what replaces text[span->start..span->end) to out (possibly the
 * value itself, for values that are only monitored). Returns 0, or -1 to
 * abort the rewrite. */
typedef int (*tg_replace_fn)(void *ctx, const char *text, size_t len, const struct tg_span *span,
			     struct tg_buf *out);

int tg_text_rewrite(const struct tg_detectors *d, uint64_t entities, const char *text, size_t len,
		    tg_replace_fn fn, void *ctx, struct tg_buf *out, tg_err *err);
/* The same for a text that goes by a name (its JSON key; NULL: none): see
 * "context_fields" in detectors.h. */
int tg_text_rewrite_named(const struct tg_detectors *d, uint64_t entities, const char *key, const char *text,
			  size_t len, tg_replace_fn fn, void *ctx, struct tg_buf *out, tg_err *err);

struct tg_textstream {
	char *buf;           /* history (emitted) + pending (not yet emitted), original text */
	size_t len, cap;
	uint64_t base;       /* offset in the whole text of buf[0] */
	size_t from;         /* start of pending in buf */
	size_t hold_from;    /* no partial match starts before this (buf offset) */
	size_t keep;         /* buf offset before which the caller needs no text (scan API) */
	struct tg_table table; /* the table context of the text before from (detectors.h, opts.table) */
	bool done;
};

/* Feed the next piece (len may be 0); final says it is the last one. The
 * rewritten text that can be released is appended to out. */
int tg_textstream_feed(struct tg_textstream *ts, const struct tg_detectors *d, uint64_t entities,
		       const char *in, size_t len, bool final, tg_replace_fn fn, void *ctx,
		       struct tg_buf *out, tg_err *err);
/*
 * The same, for callers that map values back to the pieces they came in
 * (the SSE rewriter): append a piece and detect. Values that became decided
 * are appended to out with offsets in the whole text (not buffer offsets:
 * out->v[i].start/end are relative to *base_out, the whole-text offset of
 * the first byte the spans may refer to), and *hold gets the whole-text
 * offset up to which everything is decided. The text stays readable with
 * tg_textstream_at() until tg_textstream_forget() says it is no longer needed.
 */
int tg_textstream_scan(struct tg_textstream *ts, const struct tg_detectors *d, uint64_t entities,
		       const char *in, size_t len, bool final, struct tg_spans *out, uint64_t *base_out,
		       uint64_t *hold, tg_err *err);
/* Append a piece without detecting: the next tg_textstream_scan() (len 0
 * will do) detects over everything appended since the last one, with the
 * same result as if each piece had been scanned as it came. */
int tg_textstream_append(struct tg_textstream *ts, const char *in, size_t len, tg_err *err);
/* The original text at whole-text offset at (must not be forgotten yet). */
const char *tg_textstream_at(const struct tg_textstream *ts, uint64_t at);
/* The caller needs no text before whole-text offset upto any more. */
void tg_textstream_forget(struct tg_textstream *ts, const struct tg_detectors *d, uint64_t upto);

/* Bytes held back, not yet emitted. */
static inline size_t tg_textstream_pending(const struct tg_textstream *ts)
{
	return ts->len - ts->from;
}
/* Memory the stream holds (for state accounting). */
static inline size_t tg_textstream_bytes(const struct tg_textstream *ts)
{
	return sizeof(*ts) + ts->cap;
}
void tg_textstream_free(struct tg_textstream *ts);

#endif
