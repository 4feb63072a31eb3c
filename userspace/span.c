/*
 * span.c - span rows: the extra fields as JSON, and the OTLP/JSON form
 * (see span.h).
 */
#include "span.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "jsonw.h"

void tg_span_row_free(struct tg_span_row *r)
{
	if (!r)
		return;
	tg_buf_free(&r->events);
	free(r);
}

/* ---- the extra column ------------------------------------------------------ */

int tg_span_extra_json(const struct tg_span_row *r, struct tg_buf *out)
{
	struct tg_jsonw w;

	tg_jw_init(&w, out);
	tg_jw_open(&w, NULL);
	if (r->genai_provider[0])
		tg_jw_str(&w, "genai_provider", r->genai_provider);
	if (r->has_origin)
		tg_jw_bool(&w, "origin", true);
	if (r->usage_known)
		tg_jw_bool(&w, "usage_known", true);
	if (r->cached_input_tokens)
		tg_jw_uint(&w, "cached_input_tokens", r->cached_input_tokens);
	if (r->cache_write_tokens)
		tg_jw_uint(&w, "cache_write_tokens", r->cache_write_tokens);
	if (r->reasoning_tokens)
		tg_jw_uint(&w, "reasoning_tokens", r->reasoning_tokens);
	if (r->finish_reasons[0])
		tg_jw_str(&w, "finish_reasons", r->finish_reasons);
	if (r->port)
		tg_jw_uint(&w, "port", r->port);
	if (r->error_status)
		tg_jw_bool(&w, "error", true);
	if (r->error_type[0])
		tg_jw_str(&w, "error_type", r->error_type);
	if (r->status_message[0])
		tg_jw_str(&w, "status_message", r->status_message);
	if (r->stream)
		tg_jw_bool(&w, "stream", true);
	if (r->estimated)
		tg_jw_bool(&w, "estimated", true);
	if (r->upstream_reused)
		tg_jw_bool(&w, "upstream_reused", true);
	if (r->has_ttfb)
		tg_jw_double(&w, "ttfb_ms", r->ttfb_ms);
	if (tg_buf_used(&r->events))
		tg_jw_raw(&w, "events", tg_buf_start(&r->events), tg_buf_used(&r->events));
	tg_jw_close(&w);
	return w.failed ? -1 : 0;
}

static void get_str(const cJSON *o, const char *name, char *out, size_t size)
{
	const char *v = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, name));

	if (v)
		tg_strlcpy(out, v, size);
}

static uint64_t get_u64(const cJSON *o, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	return cJSON_IsNumber(v) && v->valuedouble > 0 ? (uint64_t)v->valuedouble : 0;
}

static bool get_bool(const cJSON *o, const char *name)
{
	return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, name));
}

void tg_span_extra_parse(struct tg_span_row *r, const char *json)
{
	cJSON *o = json ? cJSON_Parse(json) : NULL;
	const cJSON *v;

	if (!o)
		return;
	get_str(o, "genai_provider", r->genai_provider, sizeof(r->genai_provider));
	r->has_origin = get_bool(o, "origin");
	r->usage_known = get_bool(o, "usage_known");
	r->cached_input_tokens = get_u64(o, "cached_input_tokens");
	r->cache_write_tokens = get_u64(o, "cache_write_tokens");
	r->reasoning_tokens = get_u64(o, "reasoning_tokens");
	get_str(o, "finish_reasons", r->finish_reasons, sizeof(r->finish_reasons));
	r->port = (uint32_t)get_u64(o, "port");
	r->error_status = get_bool(o, "error");
	get_str(o, "error_type", r->error_type, sizeof(r->error_type));
	get_str(o, "status_message", r->status_message, sizeof(r->status_message));
	r->stream = get_bool(o, "stream");
	r->estimated = get_bool(o, "estimated");
	r->upstream_reused = get_bool(o, "upstream_reused");
	v = cJSON_GetObjectItemCaseSensitive(o, "ttfb_ms");
	r->has_ttfb = cJSON_IsNumber(v);
	r->ttfb_ms = r->has_ttfb ? v->valuedouble : 0;
	v = cJSON_GetObjectItemCaseSensitive(o, "events");
	tg_buf_reset(&r->events);
	if (cJSON_IsArray(v)) {
		char *text = cJSON_PrintUnformatted(v);

		if (text)
			tg_buf_append(&r->events, text, strlen(text));
		free(text);
	}
	cJSON_Delete(o);
}

/* ---- OTLP/JSON attributes ----------------------------------------------- */

/* {"key":KEY,"value":{ ... the caller writes the value, then attr_end */
static void attr_begin(struct tg_jsonw *w, const char *key)
{
	tg_jw_open(w, NULL);
	tg_jw_str(w, "key", key);
	tg_jw_open(w, "value");
}

static void attr_end(struct tg_jsonw *w)
{
	tg_jw_close(w);
	tg_jw_close(w);
}

static void attr_str(struct tg_jsonw *w, const char *key, const char *v)
{
	if (!v || !*v)
		return;
	attr_begin(w, key);
	tg_jw_str(w, "stringValue", v);
	attr_end(w);
}

/* int64 travels as a decimal string in OTLP/JSON (the proto3 JSON mapping) */
static void attr_int(struct tg_jsonw *w, const char *key, long long v)
{
	char s[32];

	snprintf(s, sizeof(s), "%lld", v);
	attr_begin(w, key);
	tg_jw_str(w, "intValue", s);
	attr_end(w);
}

static void attr_double(struct tg_jsonw *w, const char *key, double v)
{
	attr_begin(w, key);
	tg_jw_double(w, "doubleValue", v);
	attr_end(w);
}

static void attr_bool(struct tg_jsonw *w, const char *key, bool v)
{
	attr_begin(w, key);
	tg_jw_bool(w, "boolValue", v);
	attr_end(w);
}

/* "a,b,c" -> arrayValue of strings; nothing when empty */
static void attr_list(struct tg_jsonw *w, const char *key, const char *csv)
{
	const char *p = csv;

	if (!csv || !*csv)
		return;
	attr_begin(w, key);
	tg_jw_open(w, "arrayValue");
	tg_jw_open_array(w, "values");
	while (*p) {
		size_t n = strcspn(p, ",");
		const char *item = p;

		p += n;
		while (n && *item == ' ') {
			item++;
			n--;
		}
		if (n) {
			tg_jw_open(w, NULL);
			tg_jw_strn(w, "stringValue", item, n);
			tg_jw_close(w);
		}
		if (*p == ',')
			p++;
	}
	tg_jw_close_array(w);
	tg_jw_close(w);
	attr_end(w);
}

/* An event's detail object -> attributes "tollgate.<key>" */
static void attr_detail(struct tg_jsonw *w, const cJSON *detail)
{
	const cJSON *it;
	char key[128];

	cJSON_ArrayForEach(it, detail) {
		snprintf(key, sizeof(key), "tollgate.%s", it->string);
		if (cJSON_IsString(it)) {
			attr_str(w, key, it->valuestring);
		} else if (cJSON_IsBool(it)) {
			attr_bool(w, key, cJSON_IsTrue(it));
		} else if (cJSON_IsNumber(it)) {
			if (it->valuedouble == (double)(long long)it->valuedouble)
				attr_int(w, key, (long long)it->valuedouble);
			else
				attr_double(w, key, it->valuedouble);
		} else if (!cJSON_IsNull(it)) {
			char *json = cJSON_PrintUnformatted(it);

			attr_str(w, key, json);
			free(json);
		}
	}
}

static void add_nanos(struct tg_jsonw *w, const char *key, unsigned long long ns)
{
	char s[32];

	snprintf(s, sizeof(s), "%llu", ns);
	tg_jw_str(w, key, s);
}

int tg_span_set_events(struct tg_span_row *r, const cJSON *events)
{
	struct tg_jsonw w;
	const cJSON *ev;

	tg_buf_reset(&r->events);
	if (!events || !cJSON_GetArraySize(events))
		return 0;
	tg_jw_init(&w, &r->events);
	tg_jw_open_array(&w, NULL);
	cJSON_ArrayForEach(ev, events) {
		char name[64];

		tg_jw_open(&w, NULL);
		add_nanos(&w, "timeUnixNano",
			  (unsigned long long)cJSON_GetNumberValue(cJSON_GetObjectItem(ev, "time_ms")) * 1000000ull);
		snprintf(name, sizeof(name), "tollgate.%s", cJSON_GetStringValue(cJSON_GetObjectItem(ev, "type")));
		tg_jw_str(&w, "name", name);
		tg_jw_open_array(&w, "attributes");
		attr_detail(&w, cJSON_GetObjectItem(ev, "detail"));
		tg_jw_close_array(&w);
		tg_jw_close(&w);
	}
	tg_jw_close_array(&w);
	return w.failed ? -1 : 0;
}

/* ---- the span ----------------------------------------------------------- */

int tg_span_otlp_json(const struct tg_span_row *r, struct tg_buf *out)
{
	unsigned long long start_ns = (unsigned long long)r->start_ms * 1000000ull;
	struct tg_jsonw w;
	char name[300];
	cJSON *red;

	tg_jw_init(&w, out);
	tg_jw_open(&w, NULL);
	tg_jw_str(&w, "traceId", r->trace_id);
	tg_jw_str(&w, "spanId", r->span_id);
	if (r->parent_span_id[0])
		tg_jw_str(&w, "parentSpanId", r->parent_span_id);
	snprintf(name, sizeof(name), "%s%s%s", r->operation, r->model[0] ? " " : "", r->model);
	tg_jw_str(&w, "name", name);
	tg_jw_int(&w, "kind", 3); /* SPAN_KIND_CLIENT, as the GenAI conventions ask */
	add_nanos(&w, "startTimeUnixNano", start_ns);
	add_nanos(&w, "endTimeUnixNano", start_ns + (unsigned long long)(r->duration_ms * 1e6));
	tg_jw_open_array(&w, "attributes");
	attr_str(&w, "gen_ai.operation.name", r->operation);
	if (r->genai_provider[0]) {
		attr_str(&w, "gen_ai.provider.name", r->genai_provider);
		attr_str(&w, "gen_ai.system", r->genai_provider);
	}
	attr_str(&w, "gen_ai.request.model", r->model);
	attr_str(&w, "gen_ai.response.model", r->response_model);
	if (r->usage_known || r->input_tokens || r->output_tokens) {
		attr_int(&w, "gen_ai.usage.input_tokens", (long long)r->input_tokens);
		attr_int(&w, "gen_ai.usage.output_tokens", (long long)r->output_tokens);
	}
	if (r->cached_input_tokens)
		attr_int(&w, "gen_ai.usage.cache_read.input_tokens", (long long)r->cached_input_tokens);
	if (r->cache_write_tokens)
		attr_int(&w, "gen_ai.usage.cache_creation.input_tokens", (long long)r->cache_write_tokens);
	if (r->reasoning_tokens)
		attr_int(&w, "tollgate.usage.reasoning_tokens", (long long)r->reasoning_tokens);
	attr_list(&w, "gen_ai.response.finish_reasons", r->finish_reasons);
	attr_str(&w, "server.address", r->host);
	if (r->port)
		attr_int(&w, "server.port", r->port);
	attr_str(&w, "http.request.method", r->method);
	attr_str(&w, "url.path", r->path);
	if (r->status)
		attr_int(&w, "http.response.status_code", r->status);
	attr_str(&w, "error.type", r->error_type);
	attr_str(&w, "tollgate.cgroup", r->cgroup);
	if (r->has_origin) {
		attr_int(&w, "tollgate.pid", r->pid);
		attr_str(&w, "tollgate.comm", r->comm);
		attr_int(&w, "tollgate.uid", r->uid);
	}
	attr_str(&w, "tollgate.key_fp", r->key_fp);
	attr_double(&w, "tollgate.cost_usd", r->cost_usd);
	attr_list(&w, "tollgate.budgets", r->budgets);
	red = r->redactions[0] && strcmp(r->redactions, "{}") != 0 ? cJSON_Parse(r->redactions) : NULL;
	if (red) {
		const cJSON *it;

		cJSON_ArrayForEach(it, red) {
			char key[64];

			snprintf(key, sizeof(key), "tollgate.redactions.%s", it->string);
			attr_int(&w, key, (long long)cJSON_GetNumberValue(it));
		}
		cJSON_Delete(red);
	}
	attr_str(&w, "tollgate.outcome", r->outcome);
	attr_bool(&w, "tollgate.stream", r->stream);
	if (r->estimated)
		attr_bool(&w, "tollgate.usage_estimated", true);
	attr_bool(&w, "tollgate.upstream_reused", r->upstream_reused);
	if (r->has_ttfb)
		attr_double(&w, "tollgate.ttfb_ms", r->ttfb_ms);
	tg_jw_close_array(&w);
	if (tg_buf_used(&r->events))
		tg_jw_raw(&w, "events", tg_buf_start(&r->events), tg_buf_used(&r->events));
	tg_jw_open(&w, "status");
	if (r->error_status) {
		tg_jw_int(&w, "code", 2); /* STATUS_CODE_ERROR */
		if (r->status_message[0])
			tg_jw_str(&w, "message", r->status_message);
	}
	tg_jw_close(&w);
	tg_jw_close(&w);
	return w.failed ? -1 : 0;
}
