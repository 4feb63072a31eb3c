/*
 * redact_sse.h - redact a Server-Sent Events response event by event.
 *
 * Each event's JSON is rewritten with the call's redactor. The fields that
 * carry a streamed text (a "channel") are not redacted one event at a time
 * but as one text, through a textstream per channel, so a value split over
 * two or more deltas is still caught:
 *   OpenAI chat     choices[].delta.content / refusal / reasoning_content,
 *                   choices[].delta.tool_calls[].function.arguments,
 *                   choices[].text (completions)          per choice index
 *   OpenAI Responses  response.*.delta events ("delta")   per item and part
 *   Anthropic       content_block_delta: text, partial_json, thinking
 *                                                          per block index
 *   Gemini          candidates[].content.parts[].text      per candidate, part
 * A delta event carries whatever part of its text can already be released;
 * the rest is held (as little as the detectors need) and released with the
 * next delta. When a channel ends (finish reason, content_block_stop, a
 * *.done event, [DONE], the end of the stream) what is still held goes out
 * in that event if it has the channel's field, else in a copy of the
 * channel's last delta event placed just before it. Other strings (ids
 * excepted) are redacted whole, so the full texts of "done" events read the
 * same as the deltas. Events stay well-formed; nothing else changes.
 *
 * A blocked entity in a stream ends it: an error event in the provider's
 * shape is sent and the rest of the upstream stream is dropped.
 */
#ifndef TG_REDACT_SSE_H
#define TG_REDACT_SSE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "providers.h"
#include "redact.h"

struct tg_redact_sse;

struct tg_redact_sse *tg_redact_sse_new(struct tg_redactor *x, enum tg_api_shape shape,
					const char *trace_id);
/* Feed response body bytes; rewritten events are appended to out. last: the body ended. */
int tg_redact_sse_feed(struct tg_redact_sse *s, const char *in, size_t len, bool last,
		       struct tg_buf *out);
void tg_redact_sse_free(struct tg_redact_sse *s);
/* Bytes of memory the stream's state holds, and how many of them are the
 * SSE splitter's buffer for an event not complete yet (sse.h). */
size_t tg_redact_sse_bytes(const struct tg_redact_sse *s);
size_t tg_redact_sse_splitter_bytes(const struct tg_redact_sse *s);

#endif
