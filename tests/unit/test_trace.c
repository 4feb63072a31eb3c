/*
 * test_trace.c - a finished call as a span: GenAI attributes, tollgate's
 * attributes, parent/child ids, error status, policy events as span
 * events; and the span written to and read back from the trace store
 * (store.c), with the event queries and --since parsing.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "check.h"
#include "events.h"
#include "store.h"
#include "trace.h"

static const cJSON *attr(const cJSON *span, const char *key)
{
	const cJSON *kv;

	cJSON_ArrayForEach(kv, cJSON_GetObjectItem(span, "attributes"))
		if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(kv, "key")), key) == 0)
			return cJSON_GetObjectItem(kv, "value");
	return NULL;
}

static const char *sattr(const cJSON *span, const char *key)
{
	const cJSON *v = attr(span, key);

	return v ? cJSON_GetStringValue(cJSON_GetObjectItem(v, "stringValue")) : NULL;
}

static const char *iattr(const cJSON *span, const char *key)
{
	const cJSON *v = attr(span, key);

	return v ? cJSON_GetStringValue(cJSON_GetObjectItem(v, "intValue")) : NULL;
}

/* The row's OTLP/JSON, parsed. */
static cJSON *span_json(const struct tg_span_row *row)
{
	struct tg_buf b = {0};
	cJSON *o;

	tg_span_otlp_json(row, &b);
	o = cJSON_ParseWithLength(tg_buf_start(&b), tg_buf_used(&b));
	tg_buf_free(&b);
	return o;
}

/* How many spans the store at db has for a trace or span id (-1: the query failed or found none). */
static int spans_found(const char *db, const char *id)
{
	cJSON *out = NULL;
	tg_err err = {{0}};
	int n = -1;

	if (tg_store_query_trace(db, id, &out, &err) == 0)
		n = cJSON_GetArraySize(cJSON_GetObjectItem(out, "spans"));
	cJSON_Delete(out);
	return n;
}

static void fill_call(struct tg_call *call, struct tg_origin *o, struct tg_provider *p, const char *target)
{
	memset(call, 0, sizeof(*call));
	memset(o, 0, sizeof(*o));
	o->tgid = 321;
	o->uid = 1000;
	o->port = htons(443);
	strcpy(o->comm, "agent");
	call->origin = o;
	call->provider = p;
	call->cgroup_path = "/agents/a";
	call->host = "api.openai.com";
	call->req.method = "POST";
	call->req.method_len = 4;
	call->req.target = target;
	call->req.target_len = strlen(target);
	strcpy(call->trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
	strcpy(call->span_id, "1111111111111111");
	strcpy(call->parent_span_id, "00f067aa0ba902b7");
	strcpy(call->key_fp, "3f9a1c2e-wxyz");
	strcpy(call->operation, "chat");
	strcpy(call->model, "gpt-4o-mini");
	strcpy(call->response_model, "gpt-4o-mini-2024-07-18");
	call->usage.known = true;
	call->usage.input_tokens = 12;
	call->usage.output_tokens = 7;
	call->usage.cached_input_tokens = 4;
	strcpy(call->usage.finish_reasons, "stop,length");
	call->cost_usd = 0.000123;
	strcpy(call->budgets, "host,cgroup:/agents");
	strcpy(call->redactions[0].type, "email");
	call->redactions[0].count = 2;
	strcpy(call->redactions[1].type, "ssn");
	call->redactions[1].count = 1;
	call->nredactions = 2;
	call->start_wall_ms = 1700000000123;
	call->start_us = 1000;
	call->upstream_sent_us = 1500;
	call->first_byte_us = 21000;
	call->end_us = 51000;
	call->status = 200;
	call->outcome = TG_OUTCOME_OK;
}

int main(void)
{
	struct tg_provider openai = {.name = "openai", .shape = TG_API_OPENAI};
	struct tg_provider gemini = {.name = "gemini", .shape = TG_API_GEMINI};
	struct tg_origin o;
	struct tg_call call;
	struct tg_span_row *row;
	cJSON *span, *ev, *out;
	char dir[64], db[128];
	struct tg_events *events;
	struct tg_store *store;
	struct tg_store_filter f;
	int64_t since;
	tg_err err;

	CHECK(strcmp(tg_trace_genai_provider("gemini", TG_API_GEMINI), "gcp.gemini") == 0, "gemini -> gcp.gemini");
	CHECK(strcmp(tg_trace_genai_provider("x", TG_API_AZURE_OPENAI), "azure.ai.openai") == 0, "azure shape");
	CHECK(strcmp(tg_trace_genai_provider("mistral", TG_API_OPENAI), "mistral_ai") == 0, "mistral -> mistral_ai");
	CHECK(strcmp(tg_trace_genai_provider("groq", TG_API_OPENAI), "groq") == 0, "groq as is");

	fill_call(&call, &o, &openai, "/v1/chat/completions?key=SECRET");
	row = tg_trace_span_row(&call, NULL);
	span = span_json(row);
	CHECK(span != NULL, "the span is valid JSON");
	CHECK(strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(span, "traceId")), call.trace_id) == 0, "traceId");
	CHECK(strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(span, "parentSpanId")), "00f067aa0ba902b7") == 0,
	      "parentSpanId: the agent's span");
	CHECK(strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(span, "name")), "chat gpt-4o-mini") == 0, "span name");
	CHECK(cJSON_GetNumberValue(cJSON_GetObjectItem(span, "kind")) == 3, "kind CLIENT");
	CHECK(strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(span, "startTimeUnixNano")), "1700000000123000000") == 0,
	      "start time in ns");
	CHECK(strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(span, "endTimeUnixNano")), "1700000000173000000") == 0,
	      "end time: start + 50 ms");
	CHECK(strcmp(sattr(span, "gen_ai.operation.name"), "chat") == 0, "gen_ai.operation.name");
	CHECK(strcmp(sattr(span, "gen_ai.provider.name"), "openai") == 0, "gen_ai.provider.name");
	CHECK(strcmp(sattr(span, "gen_ai.request.model"), "gpt-4o-mini") == 0, "gen_ai.request.model");
	CHECK(strcmp(sattr(span, "gen_ai.response.model"), "gpt-4o-mini-2024-07-18") == 0, "gen_ai.response.model");
	CHECK(strcmp(iattr(span, "gen_ai.usage.input_tokens"), "12") == 0, "input tokens (int64 as a string)");
	CHECK(strcmp(iattr(span, "gen_ai.usage.output_tokens"), "7") == 0, "output tokens");
	CHECK(strcmp(iattr(span, "gen_ai.usage.cache_read.input_tokens"), "4") == 0, "cache read tokens");
	CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetObjectItem(attr(span, "gen_ai.response.finish_reasons"),
									 "arrayValue"), "values")) == 2,
	      "finish reasons: an array of two");
	CHECK(strcmp(sattr(span, "server.address"), "api.openai.com") == 0, "server.address");
	CHECK(strcmp(iattr(span, "server.port"), "443") == 0, "server.port");
	CHECK(strcmp(sattr(span, "url.path"), "/v1/chat/completions") == 0, "url.path without the query");
	{
		char *text = cJSON_PrintUnformatted(span);

		CHECK(!strstr(text, "SECRET") && !strstr(row->path, "SECRET"), "the query string (a key) is nowhere");
		free(text);
	}
	CHECK(strcmp(sattr(span, "tollgate.cgroup"), "/agents/a") == 0, "tollgate.cgroup");
	CHECK(strcmp(iattr(span, "tollgate.pid"), "321") == 0 && strcmp(iattr(span, "tollgate.uid"), "1000") == 0,
	      "tollgate.pid, uid");
	CHECK(strcmp(sattr(span, "tollgate.comm"), "agent") == 0, "tollgate.comm");
	CHECK(strcmp(sattr(span, "tollgate.key_fp"), "3f9a1c2e-wxyz") == 0, "tollgate.key_fp");
	CHECK(cJSON_GetNumberValue(cJSON_GetObjectItem(attr(span, "tollgate.cost_usd"), "doubleValue")) == 0.000123,
	      "tollgate.cost_usd");
	CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetObjectItem(attr(span, "tollgate.budgets"), "arrayValue"),
						     "values")) == 2,
	      "tollgate.budgets: two scopes");
	CHECK(strcmp(iattr(span, "tollgate.redactions.email"), "2") == 0 &&
		      strcmp(iattr(span, "tollgate.redactions.ssn"), "1") == 0,
	      "redaction counts by type");
	CHECK(!cJSON_GetObjectItem(cJSON_GetObjectItem(span, "status"), "code"), "success: status unset");
	{
		cJSON *red = cJSON_Parse(row->redactions);

		CHECK(cJSON_GetNumberValue(cJSON_GetObjectItem(red, "email")) == 2, "row: redactions object");
		cJSON_Delete(red);
	}
	CHECK(strcmp(row->path, "/v1/chat/completions") == 0 && strcmp(row->model, "gpt-4o-mini") == 0 &&
		      row->input_tokens == 12 && row->duration_ms == 50.0, "row: columns");
	cJSON_Delete(span);
	tg_span_row_free(row);

	/* a refused call with events; no meter: model from the Gemini path */
	fill_call(&call, &o, &gemini, "/v1beta/models/gemini-2.0-flash:generateContent");
	call.operation[0] = 0;
	call.model[0] = 0;
	call.parent_span_id[0] = 0;
	call.status = 402;
	call.outcome = TG_OUTCOME_REFUSED;
	call.reply_status = 402;
	call.reply_type = "budget_exceeded";
	strcpy(call.error, "budget cgroup:/agents used up");
	ev = cJSON_CreateArray();
	{
		cJSON *e = cJSON_CreateObject(), *d = cJSON_CreateObject();

		cJSON_AddNumberToObject(e, "time_ms", 1700000000124.0);
		cJSON_AddStringToObject(e, "type", "budget");
		cJSON_AddNumberToObject(d, "status", 402);
		cJSON_AddStringToObject(d, "budget", "cgroup:/agents window=day");
		cJSON_AddNumberToObject(d, "limit_usd", 0.5);
		cJSON_AddItemToObject(e, "detail", d);
		cJSON_AddItemToArray(ev, e);
	}
	row = tg_trace_span_row(&call, ev);
	span = span_json(row);
	CHECK(span != NULL, "the span is valid JSON");
	CHECK(!cJSON_GetObjectItem(span, "parentSpanId"), "no traceparent: a root span");
	CHECK(strcmp(sattr(span, "gen_ai.operation.name"), "generate_content") == 0, "operation from the path");
	CHECK(strcmp(sattr(span, "gen_ai.provider.name"), "gcp.gemini") == 0, "gemini provider name");
	CHECK(strcmp(sattr(span, "gen_ai.request.model"), "gemini-2.0-flash") == 0, "model from the path");
	CHECK(strcmp(sattr(span, "error.type"), "budget_exceeded") == 0, "error.type: the refusal");
	CHECK(cJSON_GetNumberValue(cJSON_GetObjectItem(cJSON_GetObjectItem(span, "status"), "code")) == 2,
	      "status ERROR");
	{
		const cJSON *e = cJSON_GetArrayItem(cJSON_GetObjectItem(span, "events"), 0);

		CHECK(e && strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(e, "name")), "tollgate.budget") == 0,
		      "span event tollgate.budget");
		CHECK(e && strcmp(iattr(e, "tollgate.status"), "402") == 0, "event attribute: integer");
		CHECK(e && cJSON_GetNumberValue(cJSON_GetObjectItem(attr(e, "tollgate.limit_usd"), "doubleValue")) == 0.5,
		      "event attribute: double");
	}
	char *before = cJSON_PrintUnformatted(span);

	cJSON_Delete(span);

	/* events and spans through the store */
	snprintf(dir, sizeof(dir), "/tmp/tg-trace-test.%d", (int)getpid());
	mkdir(dir, 0700);
	snprintf(db, sizeof(db), "%s/%s", dir, TG_STORE_FILE);
	store = tg_store_open(dir, 0, &err); /* keep all: the span is from 2023 */
	CHECK(store != NULL, "store opens");
	events = tg_events_open(dir, &err);
	tg_events_set_store(events, store);
	tg_event_emit(events, &call, "budget", cJSON_CreateObject());
	tg_event_emit(events, &call, "redact", NULL);
	ev = tg_events_take(events, call.span_id);
	CHECK(cJSON_GetArraySize(ev) == 2, "the call's two events are taken");
	CHECK(strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(ev, 0), "type")), "budget") == 0,
	      "in the order they were emitted");
	cJSON_Delete(ev);
	CHECK(tg_events_take(events, call.span_id) == NULL, "taken once");
	tg_store_put_span(store, row);
	tg_store_close(store);
	tg_events_set_store(events, NULL);
	tg_events_close(events);

	memset(&f, 0, sizeof(f));
	CHECK(tg_store_query_spans(db, &f, &out, &err) == 0 && cJSON_GetArraySize(out) == 1, "one span stored");
	CHECK(strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(out, 0), "model")),
		     "gemini-2.0-flash") == 0, "with its model");
	cJSON_Delete(out);
	f.cgroup = "/agents";
	CHECK(tg_store_query_spans(db, &f, &out, &err) == 0 && cJSON_GetArraySize(out) == 1, "parent cgroup matches");
	cJSON_Delete(out);
	f.cgroup = "/agent";
	CHECK(tg_store_query_spans(db, &f, &out, &err) == 0 && cJSON_GetArraySize(out) == 0,
	      "a name prefix is not a parent cgroup");
	cJSON_Delete(out);
	memset(&f, 0, sizeof(f));
	f.types = "redact,block";
	CHECK(tg_store_query_events(db, &f, &out, &err) == 0 && cJSON_GetArraySize(out) == 1, "events by type");
	cJSON_Delete(out);
	CHECK(tg_store_query_trace(db, call.trace_id, &out, &err) == 0, "trace by id");
	CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(out, "spans")) == 1 &&
		      cJSON_GetArraySize(cJSON_GetObjectItem(out, "events")) == 2,
	      "with its span and events");
	{
		const cJSON *sp = cJSON_GetArrayItem(cJSON_GetObjectItem(out, "spans"), 0);
		char *after = cJSON_PrintUnformatted(cJSON_GetObjectItem(sp, "otlp"));

		CHECK(after && strcmp(before, after) == 0,
		      "the span read back from the store has the same OTLP form as before it was stored");
		CHECK(!cJSON_GetObjectItem(sp, "extra"), "the store's extra column is not shown");
		CHECK(!cJSON_GetObjectItem(sp, "trace_key") && !cJSON_GetObjectItem(sp, "span_key"),
		      "nor its index keys");
		free(after);
	}
	free(before);
	cJSON_Delete(out);
	CHECK(tg_store_query_trace(db, call.span_id, &out, &err) == 0, "trace by span id");
	cJSON_Delete(out);
	CHECK(tg_store_query_trace(db, "ffffffffffffffffffffffffffffffff", &out, &err) == 1, "unknown id: 1");
	CHECK(tg_store_query_trace(db, "xyz", &out, &err) == -1, "malformed id: error");

	/* a store written by a version that indexed the id text is migrated */
	{
		sqlite3 *h = NULL;

		unlink(db);
		CHECK(sqlite3_open(db, &h) == SQLITE_OK &&
			      sqlite3_exec(h,
					   "CREATE TABLE spans(id INTEGER PRIMARY KEY AUTOINCREMENT, trace_id TEXT,"
					   " span_id TEXT, parent_span_id TEXT, start_ms INTEGER, duration_ms REAL,"
					   " cgroup TEXT, pid INTEGER, comm TEXT, uid INTEGER, key_fp TEXT, provider TEXT,"
					   " host TEXT, method TEXT, path TEXT, operation TEXT, model TEXT,"
					   " response_model TEXT, status INTEGER, outcome TEXT, error TEXT,"
					   " input_tokens INTEGER, output_tokens INTEGER, cost_usd REAL, budgets TEXT,"
					   " redactions TEXT, otlp TEXT);"
					   "CREATE INDEX spans_trace ON spans(trace_id);"
					   "CREATE INDEX spans_span ON spans(span_id);"
					   "INSERT INTO spans(trace_id, span_id, start_ms, model) VALUES"
					   " ('0af7651916cd43dd8448eb211c80319c', 'b7ad6b7169203331', 1, 'old-model');",
					   NULL, NULL, NULL) == SQLITE_OK,
		      "an old-style store");
		sqlite3_close(h);
		store = tg_store_open(dir, 0, &err);
		CHECK(store != NULL, "old store opens");
		tg_store_close(store);
		CHECK(spans_found(db, "0af7651916cd43dd8448eb211c80319c") == 1, "old store: its span is found by trace id");
		CHECK(spans_found(db, "b7ad6b7169203331") == 1, "old store: and by span id");
	}

	/* rows from a version that keyed traces by the last 16 hex digits of their ids */
	{
		sqlite3 *h = NULL;

		unlink(db);
		store = tg_store_open(dir, 0, &err);
		CHECK(store != NULL, "a new store");
		tg_store_close(store);
		CHECK(sqlite3_open(db, &h) == SQLITE_OK &&
			      sqlite3_exec(h,
					   "INSERT INTO spans(trace_id, span_id, start_ms, model, trace_key, span_key) VALUES"
					   " ('0af7651916cd43dd8448eb211c80319c', 'b7ad6b7169203331', 1, 'keyed-by-tail',"
					   "  -8914616934935285348, -5211391058958601423);",
					   NULL, NULL, NULL) == SQLITE_OK,
		      "a row keyed the earlier way");
		sqlite3_close(h);
		CHECK(spans_found(db, "0af7651916cd43dd8448eb211c80319c") == 1, "is found by its trace id");
		CHECK(spans_found(db, "b7ad6b7169203331") == 1, "and by its span id");
	}

	/* ids begin with the time, the rest random */
	{
		static const unsigned char r1[TG_TRACE_ID_RANDOM] = {0x12, 0x34, 0x56, 0x78, 0x9a,
								     0xbc, 0xde, 0xf0, 0x01, 0x23};
		static const unsigned char r0[TG_TRACE_ID_RANDOM] = {0};
		char a[33], b[33], sa[17], sb[17];

		tg_trace_new_trace_id(a, 1764201600123ULL, r1);
		CHECK(strcmp(a, "019ac29c147b123456789abcdef00123") == 0, "trace id: 48-bit ms, then the random bytes");
		tg_trace_new_trace_id(b, 1764201600124ULL, r0);
		CHECK(strlen(b) == 32 && memcmp(a, b, 16) < 0, "a later trace id sorts after an earlier one by its first 16 digits");
		tg_trace_new_span_id(sa, 1764201600123ULL, r1);
		CHECK(strcmp(sa, "9e5200123456789a") == 0, "span id: the time in quarter seconds (24 bits), then 5 random bytes");
		tg_trace_new_span_id(sb, 1764201600123ULL + 250, r0);
		CHECK(memcmp(sa, sb, 6) < 0 || (memcmp(sa, "ffffff", 6) == 0 && memcmp(sb, "000000", 6) == 0),
		      "a span id a quarter second later has the next time prefix");
		tg_trace_new_span_id(sb, 1000ULL * 250 * 16777216, r0);
		CHECK(strcmp(sb, "0000000000000001") == 0, "never an all-zero span id");
	}

	CHECK(tg_parse_since("90s", 100000, &since, &err) == 0 && since == 10000, "since 90s");
	CHECK(tg_parse_since("2h", 10000000, &since, &err) == 0 && since == 10000000 - 7200000, "since 2h");
	CHECK(tg_parse_since("2024-01-02", 0, &since, &err) == 0 && since == 1704153600000, "since a date");
	CHECK(tg_parse_since("2024-01-02T03:04:05Z", 0, &since, &err) == 0 && since == 1704164645000,
	      "since a time");
	CHECK(tg_parse_since("yesterday", 0, &since, &err) == -1, "since garbage: error");
	{
		char cmd[128];

		snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
		CHECK(system(cmd) == 0, "clean up");
	}
	CHECK_DONE();
}
