/*
 * textrw.c - apply detections to a text, whole or streamed. See textrw.h.
 */
#include "textrw.h"

#include <stdlib.h>
#include <string.h>

/* Emit text[at..until) with the spans inside it replaced. */
static int emit(const char *text, size_t len, size_t at, size_t until, const struct tg_spans *sp,
		tg_replace_fn fn, void *ctx, struct tg_buf *out)
{
	for (size_t i = 0; i < sp->n; i++) {
		const struct tg_span *s = &sp->v[i];

		if (s->start < at || s->end > until)
			continue;
		if (tg_buf_append(out, text + at, s->start - at) < 0 || fn(ctx, text, len, s, out) < 0)
			return -1;
		at = s->end;
	}
	return tg_buf_append(out, text + at, until - at);
}

int tg_text_rewrite(const struct tg_detectors *d, uint64_t entities, const char *text, size_t len,
		    tg_replace_fn fn, void *ctx, struct tg_buf *out, tg_err *err)
{
	return tg_text_rewrite_named(d, entities, NULL, text, len, fn, ctx, out, err);
}

int tg_text_rewrite_named(const struct tg_detectors *d, uint64_t entities, const char *key, const char *text,
			  size_t len, tg_replace_fn fn, void *ctx, struct tg_buf *out, tg_err *err)
{
	struct tg_scan_opts o = {.entities = entities, .final = true, .key = key, .key_len = key ? strlen(key) : 0};
	struct tg_spans sp = {0};
	int rc;

	if (tg_detect(d, text, len, &o, &sp, err) < 0) {
		tg_spans_free(&sp);
		return -1;
	}
	rc = emit(text, len, 0, len, &sp, fn, ctx, out);
	tg_spans_free(&sp);
	if (rc < 0)
		return tg_errf(err, "rewrite failed");
	return 0;
}

static int reserve(struct tg_textstream *ts, size_t n)
{
	size_t cap = ts->cap ? ts->cap : 128;
	char *b;

	if (ts->len + n <= ts->cap)
		return 0;
	while (cap < ts->len + n)
		cap *= 2;
	b = realloc(ts->buf, cap);
	if (!b)
		return -1;
	ts->buf = b;
	ts->cap = cap;
	return 0;
}

/* Keep only the history the detectors need before the pending text (and
 * what the caller still reads, from ts->keep). */
static void trim(struct tg_textstream *ts, size_t history)
{
	size_t drop, limit = ts->from < ts->keep ? ts->from : ts->keep;

	if (limit <= history)
		return;
	drop = limit - history;
	/* never cut a UTF-8 sequence in two (the first byte kept is not a continuation) */
	while (drop > 0 && ((unsigned char)ts->buf[drop] & 0xC0) == 0x80)
		drop--;
	memmove(ts->buf, ts->buf + drop, ts->len - drop);
	ts->len -= drop;
	ts->from -= drop;
	ts->hold_from -= drop;
	ts->keep -= drop;
	ts->base += drop;
	/* give memory back once a long value has gone through */
	if (ts->cap > 1024 && ts->len < ts->cap / 4) {
		size_t cap = ts->cap / 2;
		char *b = realloc(ts->buf, cap);

		if (b) {
			ts->buf = b;
			ts->cap = cap;
		}
	}
}

int tg_textstream_append(struct tg_textstream *ts, const char *in, size_t len, tg_err *err)
{
	if (ts->done)
		return tg_errf(err, "text stream already finished");
	if (len && reserve(ts, len) < 0)
		return tg_errf(err, "out of memory");
	if (len) {
		memcpy(ts->buf + ts->len, in, len);
		ts->len += len;
	}
	return 0;
}

/* Append a piece and detect: spans in buffer offsets, *hold a buffer offset. */
static int step(struct tg_textstream *ts, const struct tg_detectors *d, uint64_t entities, const char *in,
		size_t len, bool final, struct tg_spans *sp, size_t *hold, tg_err *err)
{
	struct tg_scan_opts o = {.entities = entities, .final = final};

	sp->n = 0;
	if (tg_textstream_append(ts, in, len, err) < 0)
		return -1;
	*hold = ts->from;
	if (ts->len == ts->from && !final)
		return 0;
	o.from = ts->from;
	o.hold_from = ts->hold_from;
	o.table = &ts->table;
	if (tg_detect(d, ts->buf, ts->len, &o, sp, err) < 0)
		return -1;
	*hold = o.hold;
	if (final)
		ts->done = true;
	return 0;
}

int tg_textstream_feed(struct tg_textstream *ts, const struct tg_detectors *d, uint64_t entities,
		       const char *in, size_t len, bool final, tg_replace_fn fn, void *ctx,
		       struct tg_buf *out, tg_err *err)
{
	struct tg_spans sp = {0};
	size_t hold;
	int rc;

	if (step(ts, d, entities, in, len, final, &sp, &hold, err) < 0) {
		tg_spans_free(&sp);
		return -1;
	}
	rc = emit(ts->buf, ts->len, ts->from, hold, &sp, fn, ctx, out);
	tg_spans_free(&sp);
	if (rc < 0)
		return tg_errf(err, "rewrite failed");
	ts->from = hold;
	ts->hold_from = hold;
	ts->keep = hold;
	trim(ts, tg_detectors_history(d));
	return 0;
}

int tg_textstream_scan(struct tg_textstream *ts, const struct tg_detectors *d, uint64_t entities,
		       const char *in, size_t len, bool final, struct tg_spans *out, uint64_t *base_out,
		       uint64_t *hold, tg_err *err)
{
	size_t h;

	if (step(ts, d, entities, in, len, final, out, &h, err) < 0)
		return -1;
	*base_out = ts->base;
	*hold = ts->base + h;
	ts->from = h;
	ts->hold_from = h;
	return 0;
}

const char *tg_textstream_at(const struct tg_textstream *ts, uint64_t at)
{
	return ts->buf ? ts->buf + (size_t)(at - ts->base) : "";
}

void tg_textstream_forget(struct tg_textstream *ts, const struct tg_detectors *d, uint64_t upto)
{
	if (upto > ts->base)
		ts->keep = (size_t)(upto - ts->base) < ts->len ? (size_t)(upto - ts->base) : ts->len;
	trim(ts, tg_detectors_history(d));
}

void tg_textstream_free(struct tg_textstream *ts)
{
	free(ts->buf);
	memset(ts, 0, sizeof(*ts));
}
