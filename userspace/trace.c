/*
 * trace.c - the trace stage: a finished call becomes a span row (columns
 * for local queries, plus the span in OTLP/JSON form for export) that goes
 * to the trace store. See trace.h for the attributes.
 */
#include "trace.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* ---- OTLP/JSON attributes ----------------------------------------------- */

static cJSON *attr(cJSON *attrs, const char *key)
{
	cJSON *kv = cJSON_CreateObject();

	cJSON_AddStringToObject(kv, "key", key);
	cJSON_AddItemToArray(attrs, kv);
	return cJSON_AddObjectToObject(kv, "value");
}

static void attr_str(cJSON *attrs, const char *key, const char *v)
{
	if (v && *v)
		cJSON_AddStringToObject(attr(attrs, key), "stringValue", v);
}

/* int64 travels as a decimal string in OTLP/JSON (the proto3 JSON mapping) */
static void attr_int(cJSON *attrs, const char *key, long long v)
{
	char s[32];

	snprintf(s, sizeof(s), "%lld", v);
	cJSON_AddStringToObject(attr(attrs, key), "intValue", s);
}

static void attr_double(cJSON *attrs, const char *key, double v)
{
	cJSON_AddNumberToObject(attr(attrs, key), "doubleValue", v);
}

static void attr_bool(cJSON *attrs, const char *key, bool v)
{
	cJSON_AddBoolToObject(attr(attrs, key), "boolValue", v);
}

/* "a,b,c" -> arrayValue of strings; nothing when empty */
static void attr_list(cJSON *attrs, const char *key, const char *csv)
{
	cJSON *values;
	const char *p = csv;

	if (!csv || !*csv)
		return;
	values = cJSON_AddArrayToObject(cJSON_AddObjectToObject(attr(attrs, key), "arrayValue"), "values");
	while (*p) {
		size_t n = strcspn(p, ",");
		char item[256];
		cJSON *v;

		while (n && *p == ' ') {
			p++;
			n--;
		}
		snprintf(item, sizeof(item), "%.*s", (int)n, p);
		if (item[0]) {
			v = cJSON_CreateObject();
			cJSON_AddStringToObject(v, "stringValue", item);
			cJSON_AddItemToArray(values, v);
		}
		p += n;
		if (*p == ',')
			p++;
	}
}

/* An event's detail object -> attributes "tollgate.<key>" */
static void attr_detail(cJSON *attrs, const cJSON *detail)
{
	const cJSON *it;
	char key[128];

	cJSON_ArrayForEach(it, detail) {
		snprintf(key, sizeof(key), "tollgate.%s", it->string);
		if (cJSON_IsString(it)) {
			attr_str(attrs, key, it->valuestring);
		} else if (cJSON_IsBool(it)) {
			attr_bool(attrs, key, cJSON_IsTrue(it));
		} else if (cJSON_IsNumber(it)) {
			if (it->valuedouble == (double)(long long)it->valuedouble)
				attr_int(attrs, key, (long long)it->valuedouble);
			else
				attr_double(attrs, key, it->valuedouble);
		} else if (!cJSON_IsNull(it)) {
			char *json = cJSON_PrintUnformatted(it);

			attr_str(attrs, key, json);
			free(json);
		}
	}
}

static void add_nanos(cJSON *o, const char *key, unsigned long long ns)
{
	char s[32];

	snprintf(s, sizeof(s), "%llu", ns);
	cJSON_AddStringToObject(o, key, s);
}

/* ---- what the call was -------------------------------------------------- */

static const char *outcome_name(enum tg_call_outcome o)
{
	switch (o) {
	case TG_OUTCOME_OK: return "ok";
	case TG_OUTCOME_REFUSED: return "refused";
	case TG_OUTCOME_UPSTREAM_ERROR: return "upstream_error";
	case TG_OUTCOME_CLIENT_GONE: return "client_gone";
	case TG_OUTCOME_TUNNEL: return "tunnel";
	}
	return "unknown";
}

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

cJSON *tg_trace_span_row(const struct tg_call *call, cJSON *events)
{
	cJSON *row = cJSON_CreateObject(), *span, *attrs, *red, *st, *ev;
	char path[1024], method[32] = "", model[128], name[300], port[8] = "", etype[64] = "";
	const char *provider = call->provider ? call->provider->name : "";
	const char *operation;
	unsigned long long start_ns = (unsigned long long)call->start_wall_ms * 1000000ull;
	double duration = ms_between(call->start_us, call->end_us);
	bool error;

	if (!row) {
		cJSON_Delete(events);
		return NULL;
	}
	request_path(call, path, sizeof(path));
	if (call->req.method)
		snprintf(method, sizeof(method), "%.*s", (int)call->req.method_len, call->req.method);
	if (call->model[0])
		tg_strlcpy(model, call->model, sizeof(model));
	else
		fallback_model(call, path, model, sizeof(model));
	operation = genai_operation(call, path);
	if (call->origin)
		snprintf(port, sizeof(port), "%u", ntohs(call->origin->port));
	error = (call->outcome != TG_OUTCOME_OK && call->outcome != TG_OUTCOME_TUNNEL) || call->status >= 400;
	if (error) {
		if (call->reply_status && call->reply_type)
			tg_strlcpy(etype, call->reply_type, sizeof(etype));
		else if (call->status >= 400)
			snprintf(etype, sizeof(etype), "%d", call->status);
		else
			tg_strlcpy(etype, outcome_name(call->outcome), sizeof(etype));
	}

	/* columns */
	cJSON_AddStringToObject(row, "trace_id", call->trace_id);
	cJSON_AddStringToObject(row, "span_id", call->span_id);
	cJSON_AddStringToObject(row, "parent_span_id", call->parent_span_id);
	cJSON_AddNumberToObject(row, "start_ms", (double)call->start_wall_ms);
	cJSON_AddNumberToObject(row, "duration_ms", duration);
	cJSON_AddStringToObject(row, "cgroup", call->cgroup_path ? call->cgroup_path : "");
	cJSON_AddNumberToObject(row, "pid", call->origin ? call->origin->tgid : 0);
	cJSON_AddStringToObject(row, "comm", call->origin ? call->origin->comm : "");
	cJSON_AddNumberToObject(row, "uid", call->origin ? call->origin->uid : 0);
	cJSON_AddStringToObject(row, "key_fp", call->key_fp);
	cJSON_AddStringToObject(row, "provider", provider);
	cJSON_AddStringToObject(row, "host", call->host ? call->host : "");
	cJSON_AddStringToObject(row, "method", method);
	cJSON_AddStringToObject(row, "path", path);
	cJSON_AddStringToObject(row, "operation", operation);
	cJSON_AddStringToObject(row, "model", model);
	cJSON_AddStringToObject(row, "response_model", call->response_model);
	cJSON_AddNumberToObject(row, "status", call->status);
	cJSON_AddStringToObject(row, "outcome", outcome_name(call->outcome));
	cJSON_AddStringToObject(row, "error", call->error);
	cJSON_AddNumberToObject(row, "input_tokens", (double)call->usage.input_tokens);
	cJSON_AddNumberToObject(row, "output_tokens", (double)call->usage.output_tokens);
	cJSON_AddNumberToObject(row, "cost_usd", call->cost_usd);
	cJSON_AddStringToObject(row, "budgets", call->budgets);
	red = cJSON_AddObjectToObject(row, "redactions");
	for (size_t i = 0; i < call->nredactions && i < TG_ARRAY_LEN(call->redactions); i++)
		cJSON_AddNumberToObject(red, call->redactions[i].type, call->redactions[i].count);

	/* the OTLP span */
	span = cJSON_AddObjectToObject(row, "otlp");
	cJSON_AddStringToObject(span, "traceId", call->trace_id);
	cJSON_AddStringToObject(span, "spanId", call->span_id);
	if (call->parent_span_id[0])
		cJSON_AddStringToObject(span, "parentSpanId", call->parent_span_id);
	snprintf(name, sizeof(name), "%s%s%s", operation, model[0] ? " " : "", model);
	cJSON_AddStringToObject(span, "name", name);
	cJSON_AddNumberToObject(span, "kind", 3); /* SPAN_KIND_CLIENT, as the GenAI conventions ask */
	add_nanos(span, "startTimeUnixNano", start_ns);
	add_nanos(span, "endTimeUnixNano", start_ns + (unsigned long long)(duration * 1e6));
	attrs = cJSON_AddArrayToObject(span, "attributes");
	attr_str(attrs, "gen_ai.operation.name", operation);
	if (provider[0]) {
		const char *p = tg_trace_genai_provider(provider, call->provider->shape);

		attr_str(attrs, "gen_ai.provider.name", p);
		attr_str(attrs, "gen_ai.system", p);
	}
	attr_str(attrs, "gen_ai.request.model", model);
	attr_str(attrs, "gen_ai.response.model", call->response_model);
	if (call->usage.known || call->usage.input_tokens || call->usage.output_tokens) {
		attr_int(attrs, "gen_ai.usage.input_tokens", (long long)call->usage.input_tokens);
		attr_int(attrs, "gen_ai.usage.output_tokens", (long long)call->usage.output_tokens);
	}
	if (call->usage.cached_input_tokens)
		attr_int(attrs, "gen_ai.usage.cache_read.input_tokens", (long long)call->usage.cached_input_tokens);
	if (call->usage.cache_write_tokens)
		attr_int(attrs, "gen_ai.usage.cache_creation.input_tokens", (long long)call->usage.cache_write_tokens);
	if (call->usage.reasoning_tokens)
		attr_int(attrs, "tollgate.usage.reasoning_tokens", (long long)call->usage.reasoning_tokens);
	attr_list(attrs, "gen_ai.response.finish_reasons", call->usage.finish_reasons);
	attr_str(attrs, "server.address", call->host);
	if (port[0])
		attr_int(attrs, "server.port", atoi(port));
	attr_str(attrs, "http.request.method", method);
	attr_str(attrs, "url.path", path);
	if (call->status)
		attr_int(attrs, "http.response.status_code", call->status);
	attr_str(attrs, "error.type", etype);
	attr_str(attrs, "tollgate.cgroup", call->cgroup_path);
	if (call->origin) {
		attr_int(attrs, "tollgate.pid", call->origin->tgid);
		attr_str(attrs, "tollgate.comm", call->origin->comm);
		attr_int(attrs, "tollgate.uid", call->origin->uid);
	}
	attr_str(attrs, "tollgate.key_fp", call->key_fp);
	attr_double(attrs, "tollgate.cost_usd", call->cost_usd);
	attr_list(attrs, "tollgate.budgets", call->budgets);
	for (size_t i = 0; i < call->nredactions && i < TG_ARRAY_LEN(call->redactions); i++) {
		char key[64];

		snprintf(key, sizeof(key), "tollgate.redactions.%s", call->redactions[i].type);
		attr_int(attrs, key, call->redactions[i].count);
	}
	attr_str(attrs, "tollgate.outcome", outcome_name(call->outcome));
	attr_bool(attrs, "tollgate.stream", call->stream);
	if (call->usage.estimated)
		attr_bool(attrs, "tollgate.usage_estimated", true);
	attr_bool(attrs, "tollgate.upstream_reused", call->upstream_reused);
	if (call->first_byte_us)
		attr_double(attrs, "tollgate.ttfb_ms", ms_between(call->start_us, call->first_byte_us));

	if (events) {
		cJSON *out = cJSON_AddArrayToObject(span, "events");

		cJSON_ArrayForEach(ev, events) {
			cJSON *e = cJSON_CreateObject(), *ea;
			char ename[64];

			snprintf(ename, sizeof(ename), "tollgate.%s",
				 cJSON_GetStringValue(cJSON_GetObjectItem(ev, "type")));
			add_nanos(e, "timeUnixNano",
				  (unsigned long long)cJSON_GetNumberValue(cJSON_GetObjectItem(ev, "time_ms")) * 1000000ull);
			cJSON_AddStringToObject(e, "name", ename);
			ea = cJSON_AddArrayToObject(e, "attributes");
			attr_detail(ea, cJSON_GetObjectItem(ev, "detail"));
			cJSON_AddItemToArray(out, e);
		}
		cJSON_Delete(events);
	}
	st = cJSON_AddObjectToObject(span, "status");
	if (error) {
		cJSON_AddNumberToObject(st, "code", 2); /* STATUS_CODE_ERROR */
		if (call->error[0])
			cJSON_AddStringToObject(st, "message", call->error);
		else if (call->reply_message[0])
			cJSON_AddStringToObject(st, "message", call->reply_message);
	}
	return row;
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
