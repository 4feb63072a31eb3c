/*
 * usage.c - read what a call asks for and what it used (see usage.h).
 */
#include "usage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonspan.h"

/* ---- helpers ---------------------------------------------------------- */

static bool ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

static const cJSON *get(const cJSON *o, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

/* A non-negative integer member, or false. */
static bool get_count(const cJSON *o, const char *key, uint64_t *out)
{
	const cJSON *x = get(o, key);

	if (!cJSON_IsNumber(x) || x->valuedouble < 0 || x->valuedouble > 1e15)
		return false;
	*out = (uint64_t)x->valuedouble;
	return true;
}

static void set_string(char *dst, size_t size, const cJSON *x)
{
	const char *s = cJSON_GetStringValue(x);

	if (s && !dst[0])
		tg_strlcpy(dst, s, size);
}

static void add_finish(struct tg_call_usage *u, const char *reason)
{
	size_t n = strlen(u->finish_reasons);

	if (!reason || !*reason || strstr(u->finish_reasons, reason))
		return;
	snprintf(u->finish_reasons + n, sizeof(u->finish_reasons) - n, "%s%s", n ? "," : "", reason);
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
	enum tg_api_shape shape = prov ? prov->shape : TG_API_OPENAI;
	char path[1024];
	cJSON *o = NULL;
	const cJSON *x;
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
	o = cJSON_ParseWithLength(body, body_len);
	if (!cJSON_IsObject(o)) {
		cJSON_Delete(o);
		return;
	}
	r->json_body = true;
	x = get(o, "model");
	if (cJSON_IsString(x) && x->valuestring[0])
		tg_strlcpy(r->model, x->valuestring, sizeof(r->model));
	if (shape != TG_API_GEMINI)
		r->stream = cJSON_IsTrue(get(o, "stream"));
	if (shape == TG_API_GEMINI) {
		const cJSON *gc = get(o, "generationConfig");

		if (!gc)
			gc = get(o, "generation_config");
		if (get_count(gc, "maxOutputTokens", &v) || get_count(gc, "max_output_tokens", &v))
			r->max_output = (int64_t)v;
		if ((get_count(gc, "candidateCount", &v) || get_count(gc, "candidate_count", &v)) && v > 1)
			r->choices = (uint32_t)(v > 128 ? 128 : v);
	} else if (strcmp(r->operation, "embeddings") != 0) {
		static const char *const fields[] = {"max_completion_tokens", "max_output_tokens", "max_tokens"};

		for (size_t i = 0; i < TG_ARRAY_LEN(fields); i++) {
			if (get_count(o, fields[i], &v)) {
				r->max_output = (int64_t)v;
				tg_strlcpy(r->max_output_field, fields[i], sizeof(r->max_output_field));
				break;
			}
		}
		if (get_count(o, "n", &v) && v > 1)
			r->choices = (uint32_t)(v > 128 ? 128 : v);
		if (get_count(o, "best_of", &v) && v > r->choices)
			r->choices = (uint32_t)(v > 128 ? 128 : v);
	}
	if (r->openai_stream && r->stream)
		r->wants_usage = cJSON_IsTrue(get(get(o, "stream_options"), "include_usage"));
	r->openai_stream = r->openai_stream && r->stream;
	cJSON_Delete(o);
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
static void openai_usage(struct tg_usage_reader *r, const cJSON *u)
{
	uint64_t v;
	const cJSON *d;

	if (!cJSON_IsObject(u))
		return;
	if (get_count(u, "prompt_tokens", &v) || get_count(u, "input_tokens", &v)) {
		r->u.input_tokens = v;
		r->input_seen = true;
	}
	if (get_count(u, "completion_tokens", &v) || get_count(u, "output_tokens", &v)) {
		r->u.output_tokens = v;
		r->output_seen = true;
	} else if (r->input_seen && strcmp(r->operation, "embeddings") == 0) {
		r->u.output_tokens = 0;
		r->output_seen = true;
	}
	d = get(u, "prompt_tokens_details");
	if (!d)
		d = get(u, "input_tokens_details");
	if (get_count(d, "cached_tokens", &v))
		r->u.cached_input_tokens = v;
	else if (get_count(u, "prompt_cache_hit_tokens", &v)) /* DeepSeek */
		r->u.cached_input_tokens = v;
	d = get(u, "completion_tokens_details");
	if (!d)
		d = get(u, "output_tokens_details");
	if (get_count(d, "reasoning_tokens", &v))
		r->u.reasoning_tokens = v;
	r->u.known = r->input_seen && r->output_seen;
}

/* Anthropic: input_tokens excludes the cache counts; each field, when present, is the latest total. */
struct anthropic_parts {
	uint64_t input, cache_write, cache_read;
};

static void anthropic_usage(struct tg_usage_reader *r, const cJSON *u)
{
	uint64_t v, in = 0, cw = 0, cr = 0;
	bool have_in;

	if (!cJSON_IsObject(u))
		return;
	/* keep the parts we already had for fields this report leaves out */
	cw = r->u.cache_write_tokens;
	cr = r->u.cached_input_tokens;
	in = r->u.input_tokens >= cw + cr ? r->u.input_tokens - cw - cr : 0;
	have_in = get_count(u, "input_tokens", &v);
	if (have_in)
		in = v;
	if (get_count(u, "cache_creation_input_tokens", &v))
		cw = v;
	if (get_count(u, "cache_read_input_tokens", &v))
		cr = v;
	if (have_in || r->input_seen) {
		r->u.input_tokens = in + cw + cr;
		r->u.cache_write_tokens = cw;
		r->u.cached_input_tokens = cr;
		r->input_seen = true;
	}
	if (get_count(u, "output_tokens", &v)) {
		r->u.output_tokens = v;
		r->output_seen = true;
	}
	r->u.known = r->input_seen && r->output_seen;
}

/* Gemini usageMetadata: cumulative, so each report replaces the last. */
static void gemini_usage(struct tg_usage_reader *r, const cJSON *m)
{
	uint64_t prompt = 0, tool = 0, cand = 0, thoughts = 0, cached = 0;

	if (!cJSON_IsObject(m))
		return;
	get_count(m, "promptTokenCount", &prompt);
	get_count(m, "toolUsePromptTokenCount", &tool);
	get_count(m, "candidatesTokenCount", &cand);
	get_count(m, "thoughtsTokenCount", &thoughts);
	get_count(m, "cachedContentTokenCount", &cached);
	r->u.input_tokens = prompt + tool;
	r->u.cached_input_tokens = cached;
	r->u.output_tokens = cand + thoughts;
	r->u.reasoning_tokens = thoughts;
	r->input_seen = r->output_seen = true;
	r->u.known = true;
}

static void text(struct tg_usage_reader *r, const cJSON *s)
{
	if (cJSON_IsString(s) && s->valuestring[0]) {
		r->text_bytes += strlen(s->valuestring);
		r->text_events++;
	}
}

/* One OpenAI chat/completions object (a chunk or a whole response). */
static enum tg_usage_event_kind openai_object(struct tg_usage_reader *r, const cJSON *o)
{
	const cJSON *choices = get(o, "choices"), *c, *u = get(o, "usage");
	enum tg_usage_event_kind kind = TG_USAGE_EV_OTHER;

	set_string(r->response_model, sizeof(r->response_model), get(o, "model"));
	cJSON_ArrayForEach(c, choices) {
		const cJSON *d = get(c, "delta"), *tc;

		add_finish(&r->u, cJSON_GetStringValue(get(c, "finish_reason")));
		if (d) {
			text(r, get(d, "content"));
			text(r, get(d, "reasoning_content"));
			text(r, get(d, "reasoning"));
			cJSON_ArrayForEach(tc, get(d, "tool_calls"))
				text(r, get(get(tc, "function"), "arguments"));
		} else {
			text(r, get(c, "text"));
		}
	}
	if (!cJSON_IsObject(u))
		u = get(get(o, "x_groq"), "usage");
	if (cJSON_IsObject(u)) {
		openai_usage(r, u);
		r->final = true;
		kind = TG_USAGE_EV_FINAL;
		if (cJSON_IsArray(choices) && cJSON_GetArraySize(choices) == 0 &&
		    cJSON_IsObject(get(o, "usage")))
			kind = TG_USAGE_EV_USAGE_ONLY;
	}
	return kind;
}

static enum tg_usage_event_kind responses_object(struct tg_usage_reader *r, const char *type, const cJSON *o)
{
	const cJSON *resp = get(o, "response");
	const char *t = cJSON_GetStringValue(get(o, "type"));

	if (!t)
		t = type;
	if (!resp && get(o, "object") && strcmp(cJSON_GetStringValue(get(o, "object")) ?: "", "response") == 0)
		resp = o; /* a plain response */
	if (resp)
		set_string(r->response_model, sizeof(r->response_model), get(resp, "model"));
	if (t && strstr(t, ".delta"))
		text(r, get(o, "delta"));
	if (resp && cJSON_IsObject(get(resp, "usage"))) {
		const char *status = cJSON_GetStringValue(get(resp, "status"));

		openai_usage(r, get(resp, "usage"));
		add_finish(&r->u, status);
		r->final = true;
		return TG_USAGE_EV_FINAL;
	}
	return TG_USAGE_EV_OTHER;
}

static enum tg_usage_event_kind anthropic_object(struct tg_usage_reader *r, const cJSON *o)
{
	const char *t = cJSON_GetStringValue(get(o, "type"));
	const cJSON *msg = get(o, "message"), *d;

	if (!t)
		return TG_USAGE_EV_OTHER;
	if (strcmp(t, "message") == 0) {
		set_string(r->response_model, sizeof(r->response_model), get(o, "model"));
		anthropic_usage(r, get(o, "usage"));
		add_finish(&r->u, cJSON_GetStringValue(get(o, "stop_reason")));
		r->final = r->u.known;
		return TG_USAGE_EV_FINAL;
	}
	if (strcmp(t, "message_start") == 0) {
		set_string(r->response_model, sizeof(r->response_model), get(msg, "model"));
		anthropic_usage(r, get(msg, "usage"));
		/* message_start's output_tokens is a placeholder: the count comes in message_delta */
		r->output_seen = false;
		r->u.known = false;
		return TG_USAGE_EV_OTHER;
	}
	if (strcmp(t, "content_block_delta") == 0) {
		d = get(o, "delta");
		text(r, get(d, "text"));
		text(r, get(d, "partial_json"));
		text(r, get(d, "thinking"));
		return TG_USAGE_EV_OTHER;
	}
	if (strcmp(t, "message_delta") == 0) {
		add_finish(&r->u, cJSON_GetStringValue(get(get(o, "delta"), "stop_reason")));
		if (cJSON_IsObject(get(o, "usage"))) {
			anthropic_usage(r, get(o, "usage"));
			r->final = r->u.known;
			return TG_USAGE_EV_FINAL;
		}
	}
	return TG_USAGE_EV_OTHER;
}

static enum tg_usage_event_kind gemini_object(struct tg_usage_reader *r, const cJSON *o)
{
	const cJSON *c, *p;
	bool finished = false;

	set_string(r->response_model, sizeof(r->response_model), get(o, "modelVersion"));
	cJSON_ArrayForEach(c, get(o, "candidates")) {
		const char *fr = cJSON_GetStringValue(get(c, "finishReason"));

		cJSON_ArrayForEach(p, get(get(c, "content"), "parts"))
			text(r, get(p, "text"));
		if (fr) {
			add_finish(&r->u, fr);
			finished = true;
		}
	}
	if (cJSON_IsObject(get(o, "usageMetadata")))
		gemini_usage(r, get(o, "usageMetadata"));
	if (finished && r->u.known) {
		r->final = true;
		return TG_USAGE_EV_FINAL;
	}
	return TG_USAGE_EV_OTHER;
}

static enum tg_usage_event_kind read_object(struct tg_usage_reader *r, const char *type, const cJSON *o)
{
	if (!cJSON_IsObject(o))
		return TG_USAGE_EV_OTHER;
	switch (r->shape) {
	case TG_API_ANTHROPIC:
		return anthropic_object(r, o);
	case TG_API_GEMINI:
		return gemini_object(r, o);
	case TG_API_OPENAI:
	case TG_API_AZURE_OPENAI:
		if (strcmp(r->operation, "responses") == 0)
			return responses_object(r, type, o);
		return openai_object(r, o);
	}
	return TG_USAGE_EV_OTHER;
}

void tg_usage_read_body(struct tg_usage_reader *r, const char *body, size_t len)
{
	cJSON *o = cJSON_ParseWithLength(body, len);
	const cJSON *e;

	if (cJSON_IsArray(o)) {
		cJSON_ArrayForEach(e, o)
			read_object(r, "", e);
	} else {
		read_object(r, "", o);
	}
	if (r->u.known && r->shape != TG_API_ANTHROPIC)
		r->final = true;
	cJSON_Delete(o);
}

enum tg_usage_event_kind tg_usage_read_event(struct tg_usage_reader *r, const char *type, const char *data,
					     size_t len)
{
	enum tg_usage_event_kind kind;
	cJSON *o;

	if (len == 0 || (len == 6 && memcmp(data, "[DONE]", 6) == 0))
		return TG_USAGE_EV_OTHER;
	o = cJSON_ParseWithLength(data, len);
	kind = read_object(r, type, o);
	cJSON_Delete(o);
	return kind;
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
