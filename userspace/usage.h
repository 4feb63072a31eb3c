/*
 * usage.h - what a call asks for and what it used, per API shape.
 *
 * Request side (tg_usage_parse_request): the operation (chat, responses,
 * text_completion, embeddings, generate_content, ...) from the method and
 * path, and from the JSON body the model, whether it streams, the output
 * limit (max_tokens / max_completion_tokens / max_output_tokens /
 * generationConfig.maxOutputTokens), the number of choices, and whether an
 * OpenAI-style stream asked for usage (stream_options.include_usage).
 *
 * Response side (struct tg_usage_reader): fed either the whole JSON body of
 * a plain response, or the SSE events of a stream one by one. It knows
 * where each API puts usage:
 *   OpenAI chat / completions / embeddings, Azure, the compatible APIs:
 *     "usage": prompt_tokens (cached ones included, in
 *     prompt_tokens_details.cached_tokens), completion_tokens (reasoning
 *     included); streams carry it in one last chunk when include_usage is
 *     on. DeepSeek's prompt_cache_hit_tokens and Groq's x_groq.usage too.
 *   OpenAI Responses: "usage" of the response / of response.completed.
 *   Anthropic Messages: input_tokens, cache_creation_input_tokens and
 *     cache_read_input_tokens are separate counts (added up here, so that
 *     input_tokens always means all input); a stream has them in
 *     message_start and the final output_tokens in message_delta.
 *   Gemini: usageMetadata (promptTokenCount, candidatesTokenCount,
 *     thoughtsTokenCount, cachedContentTokenCount), repeated cumulatively
 *     in every stream chunk: the last one counts, nothing is summed.
 * It also counts the text the model produced, for the estimate used when
 * a stream is cut before its usage arrives (see tg_usage_estimate).
 */
#ifndef TG_USAGE_H
#define TG_USAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pipeline.h"
#include "providers.h"

struct tg_usage_request {
	char operation[32];      /* "" when the call is not a metered API call */
	char model[128];
	bool metered;            /* the operation is billed by tokens */
	bool stream;
	bool json_body;          /* the body parsed as a JSON object */
	int64_t max_output;      /* the request's output limit, -1 when absent */
	char max_output_field[40]; /* where the limit lives ("max_tokens", ...; "" = none possible) */
	uint32_t choices;        /* n / candidateCount, at least 1 */
	bool openai_stream;      /* an OpenAI-style stream (chat or legacy completions) */
	bool wants_usage;        /* ... that asked for stream_options.include_usage */
	uint64_t body_bytes;
	char repeated_key[40];   /* a key that decides the cost given twice ("" = none): refused */
};

/* Classify and read a request. body may be NULL. Never fails: an
 * unreadable body leaves the fields at their defaults. */
void tg_usage_parse_request(const struct tg_provider *prov, const struct tg_http_msg *req, const char *body,
			    size_t body_len, struct tg_usage_request *out);

/* Body rewrites, into out. Return 0, or -1 when the body is not a JSON object. */
int tg_usage_add_include_usage(const char *body, size_t len, struct tg_buf *out);
int tg_usage_set_max_output(const struct tg_usage_request *r, const char *body, size_t len,
			    uint64_t value, struct tg_buf *out);

struct tg_usage_reader {
	enum tg_api_shape shape;
	char operation[32];
	struct tg_call_usage u;
	bool input_seen, output_seen; /* counts reported so far */
	bool final;              /* the final usage has been read */
	char response_model[128];
	uint64_t text_bytes;     /* generated text seen (for the estimate) */
	uint64_t text_events;
};

void tg_usage_reader_init(struct tg_usage_reader *r, enum tg_api_shape shape, const char *operation);

/* A whole JSON response body (a Gemini stream without alt=sse is a JSON array). */
void tg_usage_read_body(struct tg_usage_reader *r, const char *body, size_t len);

/* What kind of event it was, for a stage that filters the stream. */
enum tg_usage_event_kind {
	TG_USAGE_EV_OTHER = 0,
	TG_USAGE_EV_USAGE_ONLY,  /* OpenAI: a chunk with "choices": [] and usage (include_usage) */
	TG_USAGE_EV_FINAL,       /* carried the final usage */
};

/* One SSE event's data (type = the SSE "event:" field, may be ""). */
enum tg_usage_event_kind tg_usage_read_event(struct tg_usage_reader *r, const char *type,
					     const char *data, size_t len);

/* Fill in what was not reported, from the request size and the text seen:
 * 1 token per 4 bytes of request body for input, and for output the larger
 * of one token per text delta and one per 4 bytes of generated text. Marks
 * the usage estimated. */
void tg_usage_estimate(struct tg_usage_reader *r, uint64_t request_body_bytes);

#endif
