/*
 * redact_sse.h - redact a streamed response event by event: Server-Sent
 * Events, or Gemini's JSON array stream (streamGenerateContent without
 * alt=sse: "[{...},\r\n{...}]", each element a GenerateContentResponse,
 * split as it comes by jsonarray.h and treated like an SSE event's data).
 *
 * Each event's JSON is rewritten with the call's redactor. The fields that
 * carry a streamed text (a "channel") are not redacted one event at a time
 * but as one text, through a textstream per channel, so a value split over
 * two or more deltas (or array elements) is still caught:
 *   OpenAI chat     choices[].delta.content / refusal / reasoning_content,
 *                   choices[].delta.tool_calls[].function.arguments,
 *                   choices[].text (completions)          per choice index
 *   OpenAI Responses  response.*.delta events ("delta")   per item and part
 *   Anthropic       content_block_delta: text, partial_json, thinking
 *                                                          per block index
 *   Gemini          candidates[].content.parts[].text      per candidate, part
 * An event is held back while some of its channel text is undecided (the
 * detectors' partial matching says a value could still be forming there);
 * it then goes out, byte for byte as it came when nothing in it changed.
 * Held events are bounded: past 512 bytes of them, the oldest go out as
 * soon as a later event of their channel has arrived, with the text that
 * is decided; the undecided rest moves on to that later event. So a stream
 * holds the text the detectors need plus, per channel, the latest delta
 * event (which will carry that text). A channel ends with its finish
 * reason, content_block_stop, its *.done event, [DONE], the array's ']',
 * the end of the stream, or (OpenAI chat) when the same choice starts
 * streaming another text. Other strings (ids excepted) are redacted whole,
 * so the full texts of "done" events read the same as the deltas. Events
 * are never merged, split, reordered or made up; they stay well-formed.
 *
 * A blocked entity in a stream ends it: an error in the provider's shape
 * is sent (an SSE error event; in a JSON array, one last element
 * {"error": ...} and the closing ']') and the rest of the upstream stream
 * is dropped.
 */
#ifndef TG_REDACT_SSE_H
#define TG_REDACT_SSE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "providers.h"
#include "redact.h"

struct tg_redact_sse;

/* An SSE stream (text/event-stream). trace_id (for the error a block
 * sends) must outlive the stream. */
struct tg_redact_sse *tg_redact_sse_new(struct tg_redactor *x, enum tg_api_shape shape,
					const char *trace_id);
/* A JSON array stream (a body that turns out to be no array is redacted
 * whole at its end, as a plain JSON response is). */
struct tg_redact_sse *tg_redact_sse_new_array(struct tg_redactor *x, enum tg_api_shape shape,
					      const char *trace_id);
/* Feed response body bytes; rewritten events are appended to out. last: the body ended. */
int tg_redact_sse_feed(struct tg_redact_sse *s, const char *in, size_t len, bool last,
		       struct tg_buf *out);
void tg_redact_sse_free(struct tg_redact_sse *s);
/*
 * Memory the stream's state holds, as the allocator counts it
 * (tg_heap_bytes), by what it is for. Besides, the call's redactor
 * (tg_redactor_bytes) and the stage's record (tg_redact_stage_call_bytes).
 * While a feed runs (a callback) stream also has its scratch; between feeds
 * that is gone.
 */
struct tg_redact_sse_state {
	size_t stream;      /* the rewriter's own record, its channel and queue tables */
	size_t text;        /* channel texts: what the detectors still need, with history; decided values */
	size_t held;        /* events held back, as received */
	size_t nheld;       /* ... how many */
	size_t splitter;    /* the splitter's buffer: the part of an event (element) not complete yet */
};
void tg_redact_sse_state(const struct tg_redact_sse *s, struct tg_redact_sse_state *st);
/* All of it, and the splitter's part alone. */
size_t tg_redact_sse_bytes(const struct tg_redact_sse *s);
size_t tg_redact_sse_splitter_bytes(const struct tg_redact_sse *s);

#endif
