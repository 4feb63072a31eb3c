/*
 * usage.c - read what a call asks for and what it used (see usage.h).
 */
#include "usage.h"

#include <stdio.h>
#include <string.h>

#include "jsonspan.h"

/* ---- helpers ---------------------------------------------------------- */

#define NONE TG_JNONE
#define MAX_COUNT 1000000000000000ull /* a token count above 1e15 is junk */

static bool ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/*
 * JSON is read with jsonspan.h: a document is checked by tg_json_doc into a
 * struct tg_jdoc, and its values are offsets into it, NONE for one that is
 * absent; lookups chain like cJSON's: tg_json_get(d, tg_json_get(d, o, "a"), "b").
 */
static bool is(const struct tg_jdoc *d, size_t v, enum tg_jtype type)
{
	return tg_json_type(d, v) == type;
}

/* A token count: a number from 0 to 1e15 (fraction dropped), or false. */
static bool count(const struct tg_jdoc *d, size_t v, uint64_t *out)
{
	return tg_json_read_uint(d, v, MAX_COUNT, out);
}

static bool get_count(const struct tg_jdoc *d, size_t obj, const char *key, uint64_t *out)
{
	return count(d, tg_json_get(d, obj, key), out);
}

/* The string at v into buf (cut to size), or false when v is no string. */
static bool string(const struct tg_jdoc *d, size_t v, char *buf, size_t size)
{
	return tg_json_read_string(d, v, buf, size) >= 0;
}

static void set_string(const struct tg_jdoc *d, char *dst, size_t size, size_t v)
{
	if (!dst[0])
		string(d, v, dst, size);
}

static void add_finish(struct tg_call_usage *u, const char *reason)
{
	size_t n = strlen(u->finish_reasons);

	if (!*reason || strstr(u->finish_reasons, reason))
		return;
	snprintf(u->finish_reasons + n, sizeof(u->finish_reasons) - n, "%s%s", n ? "," : "", reason);
}

/* The finish reason string at v, if it is one. (The list holds 63 bytes, so a
 * reason cut to 127 is added exactly as the whole one would be.) */
static void add_finish_at(struct tg_usage_reader *r, const struct tg_jdoc *d, size_t v)
{
	char reason[128];

	if (string(d, v, reason, sizeof(reason)))
		add_finish(&r->u, reason);
}

/* ---- requests --------------------------------------------------------- */

static void path_of(const struct tg_http_msg *req, char *out, size_t size)
{
	size_t n = 0;

	while (n < req->target_len && n + 1 < size && req->target[n] != '?')
		n++;
	memcpy(out, req->target, n);
	out[n] = 0;
}

/* Gemini: /v1beta/models/MODEL:METHOD (also tunedModels/...). */
static void gemini_path(const char *path, struct tg_usage_request *r)
{
	const char *m = strstr(path, "/models/");
	const char *colon;

	if (!m)
		return;
	m += 8;
	colon = strrchr(m, ':');
	if (!colon)
		return;
	snprintf(r->model, sizeof(r->model), "%.*s", (int)(colon - m), m);
	colon++;
	if (strcmp(colon, "generateContent") == 0 || strcmp(colon, "streamGenerateContent") == 0) {
		tg_strlcpy(r->operation, "generate_content", sizeof(r->operation));
		r->metered = true;
		r->stream = strcmp(colon, "streamGenerateContent") == 0;
		tg_strlcpy(r->max_output_field, "generationConfig.maxOutputTokens", sizeof(r->max_output_field));
	} else if (strcmp(colon, "embedContent") == 0 || strcmp(colon, "batchEmbedContents") == 0) {
		tg_strlcpy(r->operation, "embeddings", sizeof(r->operation));
		r->metered = true;
		r->max_output = 0;
	} else if (strcmp(colon, "countTokens") == 0) {
		tg_strlcpy(r->operation, "count_tokens", sizeof(r->operation));
	}
}

static void openai_path(const char *path, bool first_party, struct tg_usage_request *r)
{
	size_t n = strlen(path);
	const char *dep = strstr(path, "/deployments/");

	if (dep) {
		/* Azure: /openai/deployments/DEP/...: the deployment stands for the model */
		const char *end = strchr(dep + 13, '/');

		if (end)
			snprintf(r->model, sizeof(r->model), "%.*s", (int)(end - dep - 13), dep + 13);
	}
	if (ends_with(path, n, "/chat/completions")) {
		tg_strlcpy(r->operation, "chat", sizeof(r->operation));
		tg_strlcpy(r->max_output_field, first_party ? "max_completion_tokens" : "max_tokens",
			   sizeof(r->max_output_field));
		r->openai_stream = true;
	} else if (ends_with(path, n, "/completions")) {
		tg_strlcpy(r->operation, "text_completion", sizeof(r->operation));
		tg_strlcpy(r->max_output_field, "max_tokens", sizeof(r->max_output_field));
		r->max_output = 16; /* the API's default */
		r->openai_stream = true;
	} else if (ends_with(path, n, "/embeddings")) {
		tg_strlcpy(r->operation, "embeddings", sizeof(r->operation));
		r->max_output = 0;
	} else if (ends_with(path, n, "/responses")) {
		tg_strlcpy(r->operation, "responses", sizeof(r->operation));
		tg_strlcpy(r->max_output_field, "max_output_tokens", sizeof(r->max_output_field));
	} else {
		return;
	}
	r->metered = true;
}

void tg_usage_parse_request(const struct tg_provider *prov, const struct tg_http_msg *req, const char *body,
			    size_t body_len, struct tg_usage_request *r)
{
	enum { MODEL, STREAM, STREAM_OPTIONS, MAX_COMPLETION_TOKENS, MAX_OUTPUT_TOKENS, MAX_TOKENS, N, BEST_OF,
	       GENERATION_CONFIG, GENERATION_CONFIG_SNAKE, NKEYS };
	static const char *const keys[NKEYS] = {
		[MODEL] = "model", [STREAM] = "stream", [STREAM_OPTIONS] = "stream_options",
		[MAX_COMPLETION_TOKENS] = "max_completion_tokens", [MAX_OUTPUT_TOKENS] = "max_output_tokens",
		[MAX_TOKENS] = "max_tokens", [N] = "n", [BEST_OF] = "best_of",
		[GENERATION_CONFIG] = "generationConfig", [GENERATION_CONFIG_SNAKE] = "generation_config",
	};
	enum tg_api_shape shape = prov ? prov->shape : TG_API_OPENAI;
	struct tg_jdoc d;
	char path[1024], model[sizeof(r->model)];
	size_t o, vals[NKEYS];
	uint64_t v;

	memset(r, 0, sizeof(*r));
	r->max_output = -1;
	r->choices = 1;
	r->body_bytes = body_len;
	if (!req->method || !tg_http_token_eq(req->method, req->method_len, "POST"))
		return;
	path_of(req, path, sizeof(path));
	switch (shape) {
	case TG_API_GEMINI:
		gemini_path(path, r);
		break;
	case TG_API_ANTHROPIC:
		if (strcmp(path, "/v1/messages") == 0) {
			tg_strlcpy(r->operation, "chat", sizeof(r->operation));
			tg_strlcpy(r->max_output_field, "max_tokens", sizeof(r->max_output_field));
			r->metered = true;
		} else if (strcmp(path, "/v1/messages/count_tokens") == 0) {
			tg_strlcpy(r->operation, "count_tokens", sizeof(r->operation));
		}
		break;
	case TG_API_OPENAI:
	case TG_API_AZURE_OPENAI:
		openai_path(path, shape == TG_API_AZURE_OPENAI || (prov && strcmp(prov->name, "openai") == 0), r);
		break;
	}
	if (!r->operation[0] || !body || !body_len)
		return;
	/* one pass over the body to check it; then its members, stepping over the big values */
	o = tg_json_doc(&d, body, body_len);
	if (!is(&d, o, TG_JSON_OBJECT))
		return;
	r->json_body = true;
	if (tg_json_get_many_repeats(&d, o, keys, NKEYS, vals))
		for (size_t k = 0; k < NKEYS && !r->repeated_key[0]; k++)
			if (tg_json_repeats(&d, o, keys + k, 1)) /* which one, for the message */
				tg_strlcpy(r->repeated_key, keys[k], sizeof(r->repeated_key));
	if (string(&d, vals[MODEL], model, sizeof(model)) && model[0])
		tg_strlcpy(r->model, model, sizeof(r->model));
	if (shape != TG_API_GEMINI)
		r->stream = is(&d, vals[STREAM], TG_JSON_TRUE);
	if (shape == TG_API_GEMINI) {
		enum { MAX_OUT, MAX_OUT_SNAKE, CANDIDATES, CANDIDATES_SNAKE };
		static const char *const gc_keys[] = {
			[MAX_OUT] = "maxOutputTokens", [MAX_OUT_SNAKE] = "max_output_tokens",
			[CANDIDATES] = "candidateCount", [CANDIDATES_SNAKE] = "candidate_count",
		};
		size_t config = vals[GENERATION_CONFIG] != NONE ? vals[GENERATION_CONFIG] : vals[GENERATION_CONFIG_SNAKE];
		size_t gc[TG_ARRAY_LEN(gc_keys)];

		if (tg_json_get_many_repeats(&d, config, gc_keys, TG_ARRAY_LEN(gc_keys), gc) && !r->repeated_key[0])
			tg_strlcpy(r->repeated_key, "generationConfig member", sizeof(r->repeated_key));
		if (count(&d, gc[MAX_OUT], &v) || count(&d, gc[MAX_OUT_SNAKE], &v))
			r->max_output = (int64_t)v;
		if ((count(&d, gc[CANDIDATES], &v) || count(&d, gc[CANDIDATES_SNAKE], &v)) && v > 1)
			r->choices = (uint32_t)(v > 128 ? 128 : v);
	} else if (strcmp(r->operation, "embeddings") != 0) {
		/* the first of these that holds a count is the limit */
		static const int limits[] = {MAX_COMPLETION_TOKENS, MAX_OUTPUT_TOKENS, MAX_TOKENS};

		for (size_t i = 0; i < TG_ARRAY_LEN(limits); i++) {
			if (count(&d, vals[limits[i]], &v)) {
				r->max_output = (int64_t)v;
				tg_strlcpy(r->max_output_field, keys[limits[i]], sizeof(r->max_output_field));
				break;
			}
		}
		if (count(&d, vals[N], &v) && v > 1)
			r->choices = (uint32_t)(v > 128 ? 128 : v);
		if (count(&d, vals[BEST_OF], &v) && v > r->choices)
			r->choices = (uint32_t)(v > 128 ? 128 : v);
	}
	if (r->openai_stream && r->stream)
		r->wants_usage = is(&d, tg_json_get(&d, vals[STREAM_OPTIONS], "include_usage"), TG_JSON_TRUE);
	r->openai_stream = r->openai_stream && r->stream;
}

int tg_usage_add_include_usage(const char *body, size_t len, struct tg_buf *out)
{
	size_t obj = tg_json_skip_ws(body, len, 0);
	struct tg_jmember so;
	int found = tg_json_member(body, len, obj, "stream_options", &so);

	if (found < 0)
		return -1;
	if (found && body[so.value] == '{')
		return tg_json_set_member(body, len, so.value, "include_usage", "true", out);
	if (found) {
		/* "stream_options": null (or junk): replace it */
		return tg_json_set_member(body, len, obj, "stream_options", "{\"include_usage\":true}", out);
	}
	return tg_json_set_member(body, len, obj, "stream_options", "{\"include_usage\":true}", out);
}

int tg_usage_set_max_output(const struct tg_usage_request *r, const char *body, size_t len, uint64_t value,
			    struct tg_buf *out)
{
	size_t obj = tg_json_skip_ws(body, len, 0);
	char num[32];
	const char *field = r->max_output_field;

	snprintf(num, sizeof(num), "%llu", (unsigned long long)value);
	if (!*field)
		return -1;
	if (strncmp(field, "generationConfig.", 17) == 0) {
		struct tg_jmember gc;
		const char *key = "generationConfig", *inner = "maxOutputTokens";
		int found = tg_json_member(body, len, obj, key, &gc);
		char v[64];

		if (found == 0) {
			key = "generation_config";
			found = tg_json_member(body, len, obj, key, &gc);
			inner = "max_output_tokens";
		}
		if (found < 0)
			return -1;
		if (found && body[gc.value] == '{')
			return tg_json_set_member(body, len, gc.value, inner, num, out);
		snprintf(v, sizeof(v), "{\"maxOutputTokens\":%s}", num);
		return tg_json_set_member(body, len, obj, "generationConfig", v, out);
	}
	return tg_json_set_member(body, len, obj, field, num, out);
}

/* ---- responses -------------------------------------------------------- */

void tg_usage_reader_init(struct tg_usage_reader *r, enum tg_api_shape shape, const char *operation)
{
	memset(r, 0, sizeof(*r));
	r->shape = shape;
	tg_strlcpy(r->operation, operation ? operation : "", sizeof(r->operation));
}

/* OpenAI-style usage: chat/completions/embeddings (prompt_/completion_) and Responses (input_/output_). */
static void openai_usage(struct tg_usage_reader *r, const struct tg_jdoc *d, size_t u)
{
	enum { PROMPT, INPUT, COMPLETION, OUTPUT, PROMPT_DETAILS, INPUT_DETAILS, CACHE_HIT, COMPLETION_DETAILS,
	       OUTPUT_DETAILS, NKEYS };
	static const char *const keys[NKEYS] = {
		[PROMPT] = "prompt_tokens", [INPUT] = "input_tokens", [COMPLETION] = "completion_tokens",
		[OUTPUT] = "output_tokens", [PROMPT_DETAILS] = "prompt_tokens_details",
		[INPUT_DETAILS] = "input_tokens_details", [CACHE_HIT] = "prompt_cache_hit_tokens",
		[COMPLETION_DETAILS] = "completion_tokens_details", [OUTPUT_DETAILS] = "output_tokens_details",
	};
	size_t m[NKEYS], in_details, out_details;
	uint64_t v;

	if (!is(d, u, TG_JSON_OBJECT))
		return;
	tg_json_get_many(d, u, keys, NKEYS, m);
	in_details = m[PROMPT_DETAILS] != NONE ? m[PROMPT_DETAILS] : m[INPUT_DETAILS];
	out_details = m[COMPLETION_DETAILS] != NONE ? m[COMPLETION_DETAILS] : m[OUTPUT_DETAILS];
	if (count(d, m[PROMPT], &v) || count(d, m[INPUT], &v)) {
		r->u.input_tokens = v;
		r->input_seen = true;
	}
	if (count(d, m[COMPLETION], &v) || count(d, m[OUTPUT], &v)) {
		r->u.output_tokens = v;
		r->output_seen = true;
	} else if (r->input_seen && strcmp(r->operation, "embeddings") == 0) {
		r->u.output_tokens = 0;
		r->output_seen = true;
	}
	if (get_count(d, in_details, "cached_tokens", &v))
		r->u.cached_input_tokens = v;
	else if (count(d, m[CACHE_HIT], &v)) /* DeepSeek */
		r->u.cached_input_tokens = v;
	if (get_count(d, out_details, "reasoning_tokens", &v))
		r->u.reasoning_tokens = v;
	r->u.known = r->input_seen && r->output_seen;
}

/* Anthropic: input_tokens excludes the cache counts; each field, when present, is the latest total. */
static void anthropic_usage(struct tg_usage_reader *r, const struct tg_jdoc *d, size_t u)
{
	enum { INPUT, CACHE_WRITE, CACHE_READ, OUTPUT, NKEYS };
	static const char *const keys[NKEYS] = {
		[INPUT] = "input_tokens", [CACHE_WRITE] = "cache_creation_input_tokens",
		[CACHE_READ] = "cache_read_input_tokens", [OUTPUT] = "output_tokens",
	};
	size_t m[NKEYS];
	uint64_t v, in = 0, cw = 0, cr = 0;
	bool have_in;

	if (!is(d, u, TG_JSON_OBJECT))
		return;
	tg_json_get_many(d, u, keys, NKEYS, m);
	/* keep the parts we already had for fields this report leaves out */
	cw = r->u.cache_write_tokens;
	cr = r->u.cached_input_tokens;
	in = r->u.input_tokens >= cw + cr ? r->u.input_tokens - cw - cr : 0;
	have_in = count(d, m[INPUT], &v);
	if (have_in)
		in = v;
	if (count(d, m[CACHE_WRITE], &v))
		cw = v;
	if (count(d, m[CACHE_READ], &v))
		cr = v;
	if (have_in || r->input_seen) {
		r->u.input_tokens = in + cw + cr;
		r->u.cache_write_tokens = cw;
		r->u.cached_input_tokens = cr;
		r->input_seen = true;
	}
	if (count(d, m[OUTPUT], &v)) {
		r->u.output_tokens = v;
		r->output_seen = true;
	}
	r->u.known = r->input_seen && r->output_seen;
}

/* Gemini usageMetadata: cumulative, so each report replaces the last. */
static void gemini_usage(struct tg_usage_reader *r, const struct tg_jdoc *d, size_t u)
{
	enum { PROMPT, TOOL, CANDIDATES, THOUGHTS, CACHED, NKEYS };
	static const char *const keys[NKEYS] = {
		[PROMPT] = "promptTokenCount", [TOOL] = "toolUsePromptTokenCount",
		[CANDIDATES] = "candidatesTokenCount", [THOUGHTS] = "thoughtsTokenCount",
		[CACHED] = "cachedContentTokenCount",
	};
	size_t m[NKEYS];
	uint64_t prompt = 0, tool = 0, cand = 0, thoughts = 0, cached = 0;

	if (!is(d, u, TG_JSON_OBJECT))
		return;
	tg_json_get_many(d, u, keys, NKEYS, m);
	count(d, m[PROMPT], &prompt);
	count(d, m[TOOL], &tool);
	count(d, m[CANDIDATES], &cand);
	count(d, m[THOUGHTS], &thoughts);
	count(d, m[CACHED], &cached);
	r->u.input_tokens = prompt + tool;
	r->u.cached_input_tokens = cached;
	r->u.output_tokens = cand + thoughts;
	r->u.reasoning_tokens = thoughts;
	r->input_seen = r->output_seen = true;
	r->u.known = true;
}

/* Generated text at v (a string), for the estimate. */
static void text(struct tg_usage_reader *r, const struct tg_jdoc *d, size_t v)
{
	ssize_t len = tg_json_read_string(d, v, NULL, 0);

	if (len > 0) {
		r->text_bytes += (uint64_t)len;
		r->text_events++;
	}
}

/* One choice of an OpenAI chat/completions object: its finish reason and text. */
static void openai_choice(struct tg_usage_reader *r, const struct tg_jdoc *d, size_t c)
{
	enum { DELTA, FINISH_REASON, TEXT };
	static const char *const keys[] = {[DELTA] = "delta", [FINISH_REASON] = "finish_reason", [TEXT] = "text"};
	enum { CONTENT, REASONING_CONTENT, REASONING, TOOL_CALLS };
	static const char *const delta_keys[] = {
		[CONTENT] = "content", [REASONING_CONTENT] = "reasoning_content", [REASONING] = "reasoning",
		[TOOL_CALLS] = "tool_calls",
	};
	size_t m[TG_ARRAY_LEN(keys)], dm[TG_ARRAY_LEN(delta_keys)];

	tg_json_get_many(d, c, keys, TG_ARRAY_LEN(keys), m);
	add_finish_at(r, d, m[FINISH_REASON]);
	if (m[DELTA] == NONE) {
		text(r, d, m[TEXT]);
		return;
	}
	tg_json_get_many(d, m[DELTA], delta_keys, TG_ARRAY_LEN(delta_keys), dm);
	text(r, d, dm[CONTENT]);
	text(r, d, dm[REASONING_CONTENT]);
	text(r, d, dm[REASONING]);
	for (size_t tc = tg_json_first(d, dm[TOOL_CALLS]); tc != NONE; tc = tg_json_next(d, tc))
		text(r, d, tg_json_get(d, tg_json_get(d, tc, "function"), "arguments"));
}

/* One OpenAI chat/completions object (a chunk or a whole response). */
static enum tg_usage_event_kind openai_object(struct tg_usage_reader *r, const struct tg_jdoc *d, size_t o)
{
	enum { MODEL, CHOICES, USAGE, X_GROQ };
	static const char *const keys[] = {[MODEL] = "model", [CHOICES] = "choices", [USAGE] = "usage",
					   [X_GROQ] = "x_groq"};
	size_t m[TG_ARRAY_LEN(keys)], u;
	enum tg_usage_event_kind kind = TG_USAGE_EV_OTHER;

	tg_json_get_many(d, o, keys, TG_ARRAY_LEN(keys), m);
	set_string(d, r->response_model, sizeof(r->response_model), m[MODEL]);
	for (size_t c = tg_json_first(d, m[CHOICES]); c != NONE; c = tg_json_next(d, c))
		openai_choice(r, d, c);
	u = m[USAGE];
	if (!is(d, u, TG_JSON_OBJECT))
		u = tg_json_get(d, m[X_GROQ], "usage");
	if (is(d, u, TG_JSON_OBJECT)) {
		openai_usage(r, d, u);
		r->final = true;
		kind = TG_USAGE_EV_FINAL;
		if (is(d, m[CHOICES], TG_JSON_ARRAY) && tg_json_first(d, m[CHOICES]) == NONE &&
		    is(d, m[USAGE], TG_JSON_OBJECT))
			kind = TG_USAGE_EV_USAGE_ONLY;
	}
	return kind;
}

static enum tg_usage_event_kind responses_object(struct tg_usage_reader *r, const char *type, const struct tg_jdoc *d,
						 size_t o)
{
	enum { RESPONSE, TYPE, OBJECT, DELTA };
	static const char *const keys[] = {[RESPONSE] = "response", [TYPE] = "type", [OBJECT] = "object",
					   [DELTA] = "delta"};
	enum { MODEL, USAGE, STATUS };
	static const char *const resp_keys[] = {[MODEL] = "model", [USAGE] = "usage", [STATUS] = "status"};
	size_t m[TG_ARRAY_LEN(keys)], rm[TG_ARRAY_LEN(resp_keys)], resp;
	char t[256]; /* event types are short; a longer one is read cut */

	tg_json_get_many(d, o, keys, TG_ARRAY_LEN(keys), m);
	resp = m[RESPONSE];
	if (string(d, m[TYPE], t, sizeof(t)))
		type = t;
	if (resp == NONE && tg_json_string_eq(d, m[OBJECT], "response"))
		resp = o; /* a plain response */
	tg_json_get_many(d, resp, resp_keys, TG_ARRAY_LEN(resp_keys), rm);
	set_string(d, r->response_model, sizeof(r->response_model), rm[MODEL]);
	if (type && strstr(type, ".delta"))
		text(r, d, m[DELTA]);
	if (is(d, rm[USAGE], TG_JSON_OBJECT)) {
		openai_usage(r, d, rm[USAGE]);
		add_finish_at(r, d, rm[STATUS]);
		r->final = true;
		return TG_USAGE_EV_FINAL;
	}
	return TG_USAGE_EV_OTHER;
}

static enum tg_usage_event_kind anthropic_object(struct tg_usage_reader *r, const struct tg_jdoc *d, size_t o)
{
	enum { TYPE, MESSAGE, MODEL, USAGE, STOP_REASON, DELTA };
	static const char *const keys[] = {[TYPE] = "type", [MESSAGE] = "message", [MODEL] = "model",
					   [USAGE] = "usage", [STOP_REASON] = "stop_reason", [DELTA] = "delta"};
	size_t m[TG_ARRAY_LEN(keys)];
	char t[32]; /* a longer type matches none of these */

	tg_json_get_many(d, o, keys, TG_ARRAY_LEN(keys), m);
	if (!string(d, m[TYPE], t, sizeof(t)))
		return TG_USAGE_EV_OTHER;
	if (strcmp(t, "message") == 0) {
		set_string(d, r->response_model, sizeof(r->response_model), m[MODEL]);
		anthropic_usage(r, d, m[USAGE]);
		add_finish_at(r, d, m[STOP_REASON]);
		r->final = r->u.known;
		return TG_USAGE_EV_FINAL;
	}
	if (strcmp(t, "message_start") == 0) {
		set_string(d, r->response_model, sizeof(r->response_model), tg_json_get(d, m[MESSAGE], "model"));
		anthropic_usage(r, d, tg_json_get(d, m[MESSAGE], "usage"));
		/* message_start's output_tokens is a placeholder: the count comes in message_delta */
		r->output_seen = false;
		r->u.known = false;
		return TG_USAGE_EV_OTHER;
	}
	if (strcmp(t, "content_block_delta") == 0) {
		enum { TEXT, PARTIAL_JSON, THINKING };
		static const char *const delta_keys[] = {[TEXT] = "text", [PARTIAL_JSON] = "partial_json",
							 [THINKING] = "thinking"};
		size_t dm[TG_ARRAY_LEN(delta_keys)];

		tg_json_get_many(d, m[DELTA], delta_keys, TG_ARRAY_LEN(delta_keys), dm);
		text(r, d, dm[TEXT]);
		text(r, d, dm[PARTIAL_JSON]);
		text(r, d, dm[THINKING]);
		return TG_USAGE_EV_OTHER;
	}
	if (strcmp(t, "message_delta") == 0) {
		add_finish_at(r, d, tg_json_get(d, m[DELTA], "stop_reason"));
		if (is(d, m[USAGE], TG_JSON_OBJECT)) {
			anthropic_usage(r, d, m[USAGE]);
			r->final = r->u.known;
			return TG_USAGE_EV_FINAL;
		}
	}
	return TG_USAGE_EV_OTHER;
}

static enum tg_usage_event_kind gemini_object(struct tg_usage_reader *r, const struct tg_jdoc *d, size_t o)
{
	enum { MODEL_VERSION, CANDIDATES, USAGE_METADATA };
	static const char *const keys[] = {[MODEL_VERSION] = "modelVersion", [CANDIDATES] = "candidates",
					   [USAGE_METADATA] = "usageMetadata"};
	enum { FINISH_REASON, CONTENT };
	static const char *const cand_keys[] = {[FINISH_REASON] = "finishReason", [CONTENT] = "content"};
	size_t m[TG_ARRAY_LEN(keys)], cm[TG_ARRAY_LEN(cand_keys)];
	bool finished = false;

	tg_json_get_many(d, o, keys, TG_ARRAY_LEN(keys), m);
	set_string(d, r->response_model, sizeof(r->response_model), m[MODEL_VERSION]);
	for (size_t c = tg_json_first(d, m[CANDIDATES]); c != NONE; c = tg_json_next(d, c)) {
		size_t parts;

		tg_json_get_many(d, c, cand_keys, TG_ARRAY_LEN(cand_keys), cm);
		parts = tg_json_get(d, cm[CONTENT], "parts");
		for (size_t p = tg_json_first(d, parts); p != NONE; p = tg_json_next(d, p))
			text(r, d, tg_json_get(d, p, "text"));
		if (is(d, cm[FINISH_REASON], TG_JSON_STRING)) {
			add_finish_at(r, d, cm[FINISH_REASON]);
			finished = true;
		}
	}
	if (is(d, m[USAGE_METADATA], TG_JSON_OBJECT))
		gemini_usage(r, d, m[USAGE_METADATA]);
	if (finished && r->u.known) {
		r->final = true;
		return TG_USAGE_EV_FINAL;
	}
	return TG_USAGE_EV_OTHER;
}

static enum tg_usage_event_kind read_object(struct tg_usage_reader *r, const char *type, const struct tg_jdoc *d,
					    size_t o)
{
	if (!is(d, o, TG_JSON_OBJECT))
		return TG_USAGE_EV_OTHER;
	switch (r->shape) {
	case TG_API_ANTHROPIC:
		return anthropic_object(r, d, o);
	case TG_API_GEMINI:
		return gemini_object(r, d, o);
	case TG_API_OPENAI:
	case TG_API_AZURE_OPENAI:
		if (strcmp(r->operation, "responses") == 0)
			return responses_object(r, type, d, o);
		return openai_object(r, d, o);
	}
	return TG_USAGE_EV_OTHER;
}

/* Both readers check the whole document first (tg_json_doc): a malformed
 * body or event yields nothing, not the usage of a valid-looking prefix. */
void tg_usage_read_body(struct tg_usage_reader *r, const char *body, size_t len)
{
	struct tg_jdoc d;
	size_t o = tg_json_doc(&d, body, len);

	if (is(&d, o, TG_JSON_ARRAY)) {
		for (size_t e = tg_json_first(&d, o); e != NONE; e = tg_json_next(&d, e))
			read_object(r, "", &d, e);
	} else {
		read_object(r, "", &d, o);
	}
	if (r->u.known && r->shape != TG_API_ANTHROPIC)
		r->final = true;
}

enum tg_usage_event_kind tg_usage_read_event(struct tg_usage_reader *r, const char *type, const char *data,
					     size_t len)
{
	struct tg_jdoc d;
	size_t o;

	if (len == 0 || (len == 6 && memcmp(data, "[DONE]", 6) == 0))
		return TG_USAGE_EV_OTHER;
	o = tg_json_doc(&d, data, len);
	return read_object(r, type, &d, o);
}

void tg_usage_estimate(struct tg_usage_reader *r, uint64_t request_body_bytes)
{
	uint64_t out = (r->text_bytes + 3) / 4;

	if (r->u.known && r->final)
		return;
	if (out < r->text_events)
		out = r->text_events;
	if (!r->input_seen)
		r->u.input_tokens = (request_body_bytes + 3) / 4;
	if (!r->output_seen || r->u.output_tokens < out)
		r->u.output_tokens = out;
	r->u.estimated = true;
	r->u.known = false;
}
