/*
 * trace.c - the trace stage: a finished call becomes a span row (columns
 * for local queries, plus the span in OTLP/JSON form for export) that goes
 * to the trace store. See trace.h for the attributes.
 */
#include "trace.h"

#include <arpa/inet.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"

/* ---- ids ---------------------------------------------------------------- */

static void hex(char *out, const unsigned char *in, size_t n)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[2 * n] = 0;
}

void tg_trace_new_trace_id(char out[33], uint64_t wall_ms, const unsigned char rnd[TG_TRACE_ID_RANDOM])
{
	unsigned char id[16];

	for (int i = 0; i < 6; i++)
		id[i] = (unsigned char)(wall_ms >> (8 * (5 - i)));
	memcpy(id + 6, rnd, TG_TRACE_ID_RANDOM);
	hex(out, id, sizeof(id));
}

void tg_trace_new_span_id(char out[17], uint64_t wall_ms, const unsigned char rnd[TG_SPAN_ID_RANDOM])
{
	uint64_t quarters = wall_ms / 250;
	unsigned char id[8];
	bool zero = true;

	for (int i = 0; i < 3; i++)
		id[i] = (unsigned char)(quarters >> (8 * (2 - i)));
	memcpy(id + 3, rnd, TG_SPAN_ID_RANDOM);
	for (size_t i = 0; i < sizeof(id); i++)
		zero = zero && id[i] == 0;
	if (zero)
		id[7] = 1; /* W3C: an all-zero span id is invalid */
	hex(out, id, sizeof(id));
}

/* ---- the stage ---------------------------------------------------------- */

struct tg_trace {
	struct tg_store *store;
	struct tg_events *events;
};

struct tg_trace *tg_trace_new(struct tg_store *store, struct tg_events *events, tg_err *err)
{
	struct tg_trace *t = calloc(1, sizeof(*t));

	if (!t) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	t->store = store;
	t->events = events;
	return t;
}

void tg_trace_free(struct tg_trace *t)
{
	free(t);
}

const char *tg_trace_genai_provider(const char *name, enum tg_api_shape shape)
{
	static const struct {
		const char *name, *semconv;
	} map[] = {
		{"gemini", "gcp.gemini"}, {"vertex", "gcp.vertex_ai"}, {"mistral", "mistral_ai"},
		{"xai", "x_ai"}, {"bedrock", "aws.bedrock"},
	};

	if (shape == TG_API_AZURE_OPENAI)
		return "azure.ai.openai";
	for (size_t i = 0; i < TG_ARRAY_LEN(map); i++)
		if (strcmp(name, map[i].name) == 0)
			return map[i].semconv;
	return name;
}

/* ---- what the call was -------------------------------------------------- */

static void request_path(const struct tg_call *call, char *out, size_t size)
{
	size_t n = 0;

	if (call->req.target)
		while (n < call->req.target_len && n < size - 1 && call->req.target[n] != '?')
			n++;
	if (n)
		memcpy(out, call->req.target, n);
	out[n] = 0;
}

/* gen_ai.operation.name: the meter's operation mapped to the semconv names,
 * else a guess from the path. */
static const char *genai_operation(const struct tg_call *call, const char *path)
{
	static const struct {
		const char *op, *semconv;
	} map[] = {
		{"chat", "chat"}, {"responses", "chat"}, {"messages", "chat"},
		{"completions", "text_completion"}, {"text_completion", "text_completion"},
		{"embeddings", "embeddings"}, {"generate_content", "generate_content"},
		{"generateContent", "generate_content"}, {"streamGenerateContent", "generate_content"},
	};

	if (call->operation[0]) {
		for (size_t i = 0; i < TG_ARRAY_LEN(map); i++)
			if (strcmp(call->operation, map[i].op) == 0)
				return map[i].semconv;
		return call->operation;
	}
	if (strstr(path, "/chat/completions") || strstr(path, "/messages") || strstr(path, "/responses"))
		return "chat";
	if (strstr(path, "/embeddings") || strstr(path, ":embedContent") || strstr(path, ":batchEmbedContents"))
		return "embeddings";
	if (strstr(path, ":generateContent") || strstr(path, ":streamGenerateContent"))
		return "generate_content";
	if (strstr(path, "/completions"))
		return "text_completion";
	return "http";
}

/* The requested model, when no meter stage filled call->model: "model" of
 * a JSON body, or the Gemini path's /models/NAME:verb. */
static void fallback_model(const struct tg_call *call, const char *path, char *out, size_t size)
{
	const char *m = strstr(path, "/models/");
	cJSON *body, *model;

	out[0] = 0;
	if (m) {
		m += strlen("/models/");
		snprintf(out, size, "%.*s", (int)strcspn(m, ":/"), m);
		return;
	}
	if (tg_buf_used(&call->req_body) == 0 || tg_buf_used(&call->req_body) > (1u << 20))
		return;
	body = cJSON_ParseWithLength(tg_buf_start(&call->req_body), tg_buf_used(&call->req_body));
	model = body ? cJSON_GetObjectItemCaseSensitive(body, "model") : NULL;
	if (cJSON_IsString(model))
		tg_strlcpy(out, model->valuestring, size);
	cJSON_Delete(body);
}

static double ms_between(uint64_t from_us, uint64_t to_us)
{
	if (!from_us || !to_us || to_us < from_us)
		return 0;
	return (double)(to_us - from_us) / 1000.0;
}

struct tg_span_row *tg_trace_span_row(const struct tg_call *call, cJSON *events)
{
	struct tg_span_row *r = calloc(1, sizeof(*r));
	struct tg_jsonw w;
	struct tg_buf red = {0};

	if (!r) {
		cJSON_Delete(events);
		return NULL;
	}
	request_path(call, r->path, sizeof(r->path));
	if (call->req.method)
		tg_copy_span(r->method, sizeof(r->method), call->req.method, call->req.method_len);
	if (call->model[0])
		tg_strlcpy(r->model, call->model, sizeof(r->model));
	else
		fallback_model(call, r->path, r->model, sizeof(r->model));
	tg_strlcpy(r->operation, genai_operation(call, r->path), sizeof(r->operation));
	r->error_status = (call->outcome != TG_OUTCOME_OK && call->outcome != TG_OUTCOME_TUNNEL) || call->status >= 400;
	if (r->error_status) {
		if (call->reply_status && call->reply_type)
			tg_strlcpy(r->error_type, call->reply_type, sizeof(r->error_type));
		else if (call->status >= 400)
			snprintf(r->error_type, sizeof(r->error_type), "%d", call->status);
		else
			tg_strlcpy(r->error_type, tg_call_outcome_name(call->outcome), sizeof(r->error_type));
		tg_strlcpy(r->status_message, call->error[0] ? call->error : call->reply_message,
			   sizeof(r->status_message));
	}

	/* columns */
	tg_strlcpy(r->trace_id, call->trace_id, sizeof(r->trace_id));
	tg_strlcpy(r->span_id, call->span_id, sizeof(r->span_id));
	tg_strlcpy(r->parent_span_id, call->parent_span_id, sizeof(r->parent_span_id));
	r->start_ms = call->start_wall_ms;
	r->duration_ms = ms_between(call->start_us, call->end_us);
	tg_strlcpy(r->cgroup, call->cgroup_path ? call->cgroup_path : "", sizeof(r->cgroup));
	r->has_origin = call->origin != NULL;
	r->pid = call->origin ? call->origin->tgid : 0;
	tg_strlcpy(r->comm, call->origin ? call->origin->comm : "", sizeof(r->comm));
	r->uid = call->origin ? call->origin->uid : 0;
	r->port = call->origin ? ntohs(call->origin->port) : 0;
	tg_strlcpy(r->key_fp, call->key_fp, sizeof(r->key_fp));
	if (call->provider) {
		tg_strlcpy(r->provider, call->provider->name, sizeof(r->provider));
		tg_strlcpy(r->genai_provider, tg_trace_genai_provider(call->provider->name, call->provider->shape),
			   sizeof(r->genai_provider));
	}
	tg_strlcpy(r->host, call->host ? call->host : "", sizeof(r->host));
	tg_strlcpy(r->response_model, call->response_model, sizeof(r->response_model));
	r->status = call->status;
	tg_strlcpy(r->outcome, tg_call_outcome_name(call->outcome), sizeof(r->outcome));
	tg_strlcpy(r->error, call->error, sizeof(r->error));
	r->usage_known = call->usage.known;
	r->input_tokens = call->usage.input_tokens;
	r->output_tokens = call->usage.output_tokens;
	r->cached_input_tokens = call->usage.cached_input_tokens;
	r->cache_write_tokens = call->usage.cache_write_tokens;
	r->reasoning_tokens = call->usage.reasoning_tokens;
	tg_strlcpy(r->finish_reasons, call->usage.finish_reasons, sizeof(r->finish_reasons));
	r->estimated = call->usage.estimated;
	r->cost_usd = call->cost_usd;
	tg_strlcpy(r->budgets, call->budgets, sizeof(r->budgets));
	r->stream = call->stream;
	r->upstream_reused = call->upstream_reused;
	r->has_ttfb = call->first_byte_us != 0;
	r->ttfb_ms = ms_between(call->start_us, call->first_byte_us);
	tg_jw_init(&w, &red);
	tg_jw_open(&w, NULL);
	for (size_t i = 0; i < call->nredactions && i < TG_ARRAY_LEN(call->redactions); i++)
		tg_jw_uint(&w, call->redactions[i].type, call->redactions[i].count);
	tg_jw_close(&w);
	if (w.failed || tg_buf_used(&red) >= sizeof(r->redactions))
		tg_strlcpy(r->redactions, "{}", sizeof(r->redactions));
	else
		tg_copy_span(r->redactions, sizeof(r->redactions), tg_buf_start(&red), tg_buf_used(&red));
	tg_buf_free(&red);
	if (tg_span_set_events(r, events)) {
		cJSON_Delete(events);
		tg_span_row_free(r);
		return NULL;
	}
	cJSON_Delete(events);
	return r;
}

static void on_complete(void *ctx, struct tg_call *call)
{
	struct tg_trace *t = ctx;

	if (!call->trace_id[0])
		return;
	tg_store_put_span(t->store, tg_trace_span_row(call, tg_events_take(t->events, call->span_id)));
}

struct tg_stage tg_trace_stage(struct tg_trace *t)
{
	struct tg_stage s = {.name = "trace", .ctx = t, .on_complete = on_complete};

	return s;
}
