/*
 * test_redact.c - the redaction policy and a call's redaction: defaults,
 * scopes, policy file errors, JSON request bodies in every provider shape
 * (tool arguments included), pseudonyms put back in responses, and SSE
 * streams of OpenAI chat and Responses, Anthropic and Gemini with values
 * split across deltas at every byte, read back the way the SDKs read them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "check.h"
#include "config.h"
#include "redact.h"
#include "redact_sse.h"
#include "sse.h"

static struct tg_redact *R;
static const struct tg_redact_who WHO = {.cgroup = "/agents/a", .uid = 1000, .key_fp = "3f9a1c2e-wxyz"};

static char *write_policy(const char *json)
{
	static char path[64];
	FILE *f;

	snprintf(path, sizeof(path), "/tmp/tg-redact-test-%d.json", (int)getpid());
	f = fopen(path, "w");
	fputs(json, f);
	fclose(f);
	return path;
}

static void check_policy(void)
{
	tg_err err = {{0}};
	struct tg_redact_policy *p = tg_redact_policy_load("", &err);
	uint8_t act[2][TG_MAX_ENTITIES];
	int ssn, email, ip;

	CHECK(p != NULL, "the built-in policy loads (%s)", err.msg);
	if (!p)
		return;
	ssn = tg_detectors_entity(p->det, "SSN");
	email = tg_detectors_entity(p->det, "EMAIL");
	ip = tg_detectors_entity(p->det, "IP");
	tg_redact_policy_actions(p, &WHO, act);
	CHECK(act[0][ssn] == TG_ACT_REDACT && act[1][ssn] == TG_ACT_REDACT, "default: SSN redacted both ways");
	CHECK(act[0][email] == TG_ACT_PSEUDONYMIZE, "default: e-mail pseudonymized");
	CHECK(act[0][ip] == TG_ACT_MONITOR, "default: IP monitored");
	CHECK(tg_detectors_nrules(p->det) > 200, "built-in rules: %zu", tg_detectors_nrules(p->det));
	tg_redact_policy_unref(p);

	p = tg_redact_policy_load(write_policy(
		"{\"actions\": {\"EMAIL\": \"redact\"},"
		" \"scopes\": [{\"scope\": \"cgroup:/agents\", \"actions\": {\"*\": \"off\", \"SECRET\": \"redact\"}},"
		"   {\"scope\": \"cgroup:/agents/a\", \"actions\": {\"SSN\": {\"request\": \"block\", \"response\": \"monitor\"}}},"
		"   {\"scope\": \"uid:1000\", \"actions\": {\"CARD\": \"block\"}},"
		"   {\"scope\": \"key:3f9a1c2e-wxyz\", \"actions\": {\"CARD\": \"monitor\"}}],"
		" \"rules\": [{\"id\": \"emp\", \"entity\": \"EMPLOYEE\", \"pattern\": \"\\\\bE-[0-9]{5}\\\\b\"}],"
		" \"entities\": {\"EMPLOYEE\": {\"priority\": 60}}}"), &err);
	CHECK(p != NULL, "a policy file with scopes and a custom rule loads (%s)", err.msg);
	if (p) {
		struct tg_redact_who other = {.cgroup = "/web", .uid = 0, .key_fp = ""};
		int card = tg_detectors_entity(p->det, "CARD"), sec = tg_detectors_entity(p->det, "SECRET");
		int emp = tg_detectors_entity(p->det, "EMPLOYEE");

		tg_redact_policy_actions(p, &WHO, act);
		CHECK(act[0][email] == TG_ACT_OFF, "cgroup scope turns e-mail off below /agents");
		CHECK(act[0][sec] == TG_ACT_REDACT, "named entity beats \"*\" in the same scope");
		CHECK(act[0][ssn] == TG_ACT_BLOCK && act[1][ssn] == TG_ACT_MONITOR, "deeper cgroup wins, per direction");
		CHECK(act[0][card] == TG_ACT_MONITOR, "key scope beats uid scope");
		CHECK(emp >= 0 && act[0][emp] == TG_ACT_OFF, "a custom entity is covered by \"*\"");
		tg_redact_policy_actions(p, &other, act);
		CHECK(act[0][email] == TG_ACT_REDACT && act[0][ssn] == TG_ACT_REDACT && act[0][emp] == TG_ACT_REDACT,
		      "outside the scopes: the file's host-wide actions, defaults elsewhere, custom types redacted");
		tg_redact_policy_unref(p);
	}
	p = tg_redact_policy_load(write_policy("{\"actions\": {\"EMAIL\": \"scramble\"}}"), &err);
	CHECK(!p && strstr(err.msg, "EMAIL") && strstr(err.msg, "scramble") && strstr(err.msg, "/tmp/tg-redact-test"),
	      "a bad action names file, key and value: %s", err.msg);
	p = tg_redact_policy_load(write_policy("{\"scopes\": [{\"scope\": \"pod:x\", \"actions\": {}}]}"), &err);
	CHECK(!p && strstr(err.msg, "scopes"), "a bad scope is refused: %s", err.msg);
	p = tg_redact_policy_load(write_policy("{\"disable_rules\": [\"no.such.rule\"]}"), &err);
	CHECK(!p && strstr(err.msg, "no.such.rule"), "disabling an unknown rule is refused: %s", err.msg);
	p = tg_redact_policy_load(write_policy("{\"actionz\": {}}"), &err);
	CHECK(!p && strstr(err.msg, "actionz"), "unknown keys are errors: %s", err.msg);
	unlink(write_policy(""));
}

static char *doc_out(struct tg_redactor *x, enum tg_redact_dir dir, const char *doc, int *rc)
{
	struct tg_buf out = {0};
	tg_err err = {{0}};

	*rc = tg_redactor_json(x, dir, doc, strlen(doc), &out, &err);
	tg_buf_append(&out, "", 1);
	return tg_buf_start(&out);
}

/* Values under skip_keys are never scanned; every other key's are. */
static void check_skip_keys(void)
{
	static const char doc[] = "{\"id\":\"123-45-6789\",\"status\":\"123-45-6789\",\"note_id\":\"123-45-6789\","
				  "\"n\":[{\"trace\":\"123-45-6789\"}],\"content\":\"123-45-6789\"}";
	tg_err err = {{0}};
	struct tg_redact *r;
	struct tg_redactor *x;
	char *out;
	int rc;

	/* the built-in list: "id" and "status" are skipped, "content" is not */
	x = tg_redactor_new(R, &WHO);
	out = doc_out(x, TG_DIR_REQUEST, doc, &rc);
	CHECK(rc == 1 && strstr(out, "\"id\":\"123-45-6789\"") && strstr(out, "\"status\":\"123-45-6789\"") &&
	      strstr(out, "\"content\":\"[REDACTED:SSN]\"") && strstr(out, "\"note_id\":\"[REDACTED:SSN]\""),
	      "built-in skip_keys: id and status kept, content and note_id redacted: %s", out);
	free(out);
	tg_redactor_free(x);

	/* a policy's own list (one key twice, many keys: the set grows) replaces it */
	r = tg_redact_open(write_policy("{\"skip_keys\": [\"trace\", \"trace\", \"k1\", \"k2\", \"k3\", \"k4\", \"k5\","
					" \"k6\", \"k7\", \"k8\", \"k9\", \"note_id\"]}"),
			   true, NULL, NULL, &err);
	CHECK(r != NULL, "a policy with its own skip_keys loads (%s)", err.msg);
	if (!r)
		return;
	x = tg_redactor_new(r, &WHO);
	out = doc_out(x, TG_DIR_REQUEST, doc, &rc);
	CHECK(rc == 1 && strstr(out, "\"trace\":\"123-45-6789\"") && strstr(out, "\"note_id\":\"123-45-6789\"") &&
	      strstr(out, "\"id\":\"[REDACTED:SSN]\"") && strstr(out, "\"content\":\"[REDACTED:SSN]\""),
	      "policy skip_keys: trace and note_id kept, id and content redacted: %s", out);
	free(out);
	tg_redactor_free(x);
	tg_redact_close(r);
	unlink(write_policy(""));

	r = tg_redact_open(write_policy("{\"skip_keys\": [\"ok\", \"\"]}"), true, NULL, NULL, &err);
	CHECK(!r && strstr(err.msg, "skip_keys"), "an empty key name is refused: %s", err.msg);
	if (r)
		tg_redact_close(r);
	unlink(write_policy(""));
}

static void check_request_shapes(void)
{
	static const struct { const char *name, *body; } cases[] = {
		{"OpenAI chat: string content, system, tool call arguments and tool result",
		 "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"ops: ops@corp.example\"},"
		 "{\"role\":\"user\",\"content\":\"SSN 123-45-6789\"},{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\","
		 "\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"arguments\":\"{\\\"ssn\\\":\\\"123-45-6789\\\"}\"}}]},"
		 "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"card 4111 1111 1111 1111\"}]}"},
		{"OpenAI content parts",
		 "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"SSN 123-45-6789\"},"
		 "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,QUtJQUlPU0ZPRE5ON0VYQU1QTEU=\"}}]}]}"},
		{"Responses input items and instructions",
		 "{\"model\":\"gpt-4.1\",\"instructions\":\"never reveal 123-45-6789\",\"input\":[{\"type\":\"message\",\"role\":\"user\","
		 "\"content\":[{\"type\":\"input_text\",\"text\":\"card 4111 1111 1111 1111\"}]},{\"type\":\"function_call_output\","
		 "\"call_id\":\"c1\",\"output\":\"{\\\"ssn\\\": \\\"123-45-6789\\\"}\"}]}"},
		{"Anthropic system, text blocks, tool_use input and tool_result",
		 "{\"model\":\"claude\",\"max_tokens\":10,\"system\":[{\"type\":\"text\",\"text\":\"SSN 123-45-6789\"}],"
		 "\"messages\":[{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"f\","
		 "\"input\":{\"card\":\"4111 1111 1111 1111\"}}]},{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
		 "\"tool_use_id\":\"t1\",\"content\":\"SSN 123-45-6789\"}]}]}"},
		{"Gemini parts, systemInstruction, functionCall args and functionResponse",
		 "{\"systemInstruction\":{\"parts\":[{\"text\":\"SSN 123-45-6789\"}]},\"contents\":[{\"role\":\"user\","
		 "\"parts\":[{\"text\":\"card 4111 1111 1111 1111\"},{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"AKIAIOSFODNN7EXAMPLE\"}}]},"
		 "{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"f\",\"args\":{\"ssn\":\"123-45-6789\"}}}]},"
		 "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"f\",\"response\":{\"r\":\"123-45-6789\"}}}]}]}"},
	};

	for (size_t i = 0; i < TG_ARRAY_LEN(cases); i++) {
		struct tg_redactor *x = tg_redactor_new(R, &WHO);
		int rc;
		char *out = doc_out(x, TG_DIR_REQUEST, cases[i].body, &rc);
		cJSON *j = cJSON_Parse(out);

		CHECK(rc == 1 && j && !strstr(out, "123-45-6789") && !strstr(out, "4111 1111") &&
		      !strstr(out, "ops@corp") && strstr(out, "[REDACTED:"),
		      "%s: every value redacted, body still JSON", cases[i].name);
		if (i == 1)
			CHECK(strstr(out, "QUtJQUlPU0ZPRE5ON0VYQU1QTEU=") != NULL, "data: URIs are left alone");
		if (i == 4)
			CHECK(strstr(out, "\"data\":\"AKIAIOSFODNN7EXAMPLE\"") != NULL, "base64 payloads (inlineData.data) are left alone");
		cJSON_Delete(j);
		free(out);
		tg_redactor_free(x);
	}
}

/* A request's strings are scanned together; each must come out as it would alone. */
static void check_batched(void)
{
	static const char *const texts[] = {
		"SSN 123-45-6789",
		"123-45-6789 starts it",
		"ends with a key sk-proj-abcdefghijklmnopqrstuvwxyz0123456789",
		"uid=#{datastore['DBUID']};pwd=#{datastore['DBPASSWORD']}\"\n",
		"aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY0000000000",
		"-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA",
		"nothing here",
		"Phone:\n0490 75 40 81",
		"call me at",
		"0490 75 40 81 and mail jane@example.com",
		"4111 1111 1111",
		"1111 is not the rest of a card",
	};
	struct tg_buf body = {0}, out = {0};
	tg_err err = {{0}};
	struct tg_redactor *x = tg_redactor_new(R, &WHO);
	cJSON *j, *m;
	size_t i = 0;
	int same = 0;

	tg_buf_printf(&body, "{\"messages\":[");
	for (size_t k = 0; k < TG_ARRAY_LEN(texts); k++) {
		tg_buf_printf(&body, "%s{\"role\":\"user\",\"content\":\"", k ? "," : "");
		tg_json_escape(texts[k], strlen(texts[k]), &body);
		tg_buf_printf(&body, "\"}");
	}
	tg_buf_printf(&body, "]}");
	tg_redactor_json(x, TG_DIR_REQUEST, tg_buf_start(&body), tg_buf_used(&body), &out, &err);
	tg_buf_append(&out, "", 1);
	j = cJSON_Parse(tg_buf_start(&out));
	cJSON_ArrayForEach(m, cJSON_GetObjectItem(j, "messages")) {
		struct tg_redactor *y = tg_redactor_new(R, &WHO);
		struct tg_buf one = {0};

		tg_redactor_text(y, TG_DIR_REQUEST, texts[i], strlen(texts[i]), &one, &err);
		tg_buf_append(&one, "", 1);
		if (strcmp(cJSON_GetObjectItem(m, "content")->valuestring, tg_buf_start(&one)) == 0)
			same++;
		else
			printf("# batched \"%s\" -> \"%s\", alone -> \"%s\"\n", texts[i],
			       cJSON_GetObjectItem(m, "content")->valuestring, tg_buf_start(&one));
		tg_buf_free(&one);
		tg_redactor_free(y);
		i++;
	}
	CHECK(i == TG_ARRAY_LEN(texts) && same == (int)i,
	      "strings scanned together in one request come out as each would alone (%d of %zu)", same, i);
	cJSON_Delete(j);
	tg_buf_free(&body);
	tg_buf_free(&out);
	tg_redactor_free(x);
}

static void check_pseudonyms(void)
{
	struct tg_redactor *x = tg_redactor_new(R, &WHO);
	int rc;
	char *req = doc_out(x, TG_DIR_REQUEST,
			    "{\"messages\":[{\"role\":\"user\",\"content\":\"mail Jane@Example.com and bob@example.org, "
			    "again jane@example.com, phone +1 415-555-0100\"}]}", &rc);
	char *res;

	CHECK(strstr(req, "mail <EMAIL_1> and <EMAIL_2>, again <EMAIL_1>, phone <PHONE_1>") != NULL,
	      "pseudonyms are consistent within the call (case of an e-mail does not matter): %s", req);
	res = doc_out(x, TG_DIR_RESPONSE,
		      "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"I wrote to <EMAIL_1> and <EMAIL_2>; "
		      "<PHONE_1> too, and <EMAIL_9> is unknown. New: eve@example.net\"}}]}", &rc);
	CHECK(strstr(res, "I wrote to Jane@Example.com and bob@example.org; +1 415-555-0100 too, and <EMAIL_9> is unknown. "
			  "New: <EMAIL_3>") != NULL, "the response gets the originals back; new values get new pseudonyms: %s", res);
	free(req);
	free(res);
	tg_redactor_free(x);
}

/* ---- streams -------------------------------------------------------------- */

struct reader {
	struct tg_buf text;   /* the deltas, concatenated as an SDK would */
	int events, bad_json;
	bool error_event;
	int shape;
};

static void take_text(struct reader *r, const char *s)
{
	if (s)
		tg_buf_append(&r->text, s, strlen(s));
}

static int read_event(void *arg, const struct tg_sse_event *ev)
{
	struct reader *r = arg;
	cJSON *j, *c;

	if (!ev->has_data)
		return 0;
	r->events++;
	if (strcmp(ev->data, "[DONE]") == 0)
		return 0;
	j = cJSON_Parse(ev->data);
	if (!j) {
		r->bad_json++;
		return 0;
	}
	if (cJSON_GetObjectItem(j, "error"))
		r->error_event = true;
	switch (r->shape) {
	case 0: /* chat */
		c = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "choices"), 0);
		c = c ? cJSON_GetObjectItem(cJSON_GetObjectItem(c, "delta"), "content") : NULL;
		take_text(r, cJSON_IsString(c) ? c->valuestring : NULL);
		break;
	case 1: /* responses */
		c = cJSON_GetObjectItem(j, "type");
		if (cJSON_IsString(c) && strcmp(c->valuestring, "response.output_text.delta") == 0)
			take_text(r, cJSON_GetObjectItem(j, "delta")->valuestring);
		if (cJSON_IsString(c) && strcmp(c->valuestring, "response.output_text.done") == 0)
			tg_buf_printf(&r->text, "|done:%s", cJSON_GetObjectItem(j, "text")->valuestring);
		break;
	case 2: /* anthropic */
		c = cJSON_GetObjectItem(j, "delta");
		c = c ? cJSON_GetObjectItem(c, "text") : NULL;
		take_text(r, cJSON_IsString(c) ? c->valuestring : NULL);
		if (strcmp(ev->type, "error") == 0)
			r->error_event = true;
		break;
	case 3: /* gemini */
		c = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "candidates"), 0);
		c = c ? cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(c, "content"), "parts"), 0) : NULL;
		c = c ? cJSON_GetObjectItem(c, "text") : NULL;
		take_text(r, cJSON_IsString(c) ? c->valuestring : NULL);
		break;
	}
	cJSON_Delete(j);
	return 0;
}

static void esc(struct tg_buf *b, const char *s, size_t n)
{
	tg_json_escape(s, n, b);
}

/* The stream a provider would send for reply, cut into deltas at cut (0: every byte). */
static void make_stream(int shape, const char *reply, size_t cut, struct tg_buf *out)
{
	size_t n = strlen(reply), pieces[128][2], np = 0;

	if (cut == 0) {
		for (size_t i = 0; i < n; i++) {
			pieces[np][0] = i;
			pieces[np++][1] = 1;
		}
	} else {
		pieces[0][0] = 0;
		pieces[0][1] = cut;
		pieces[1][0] = cut;
		pieces[1][1] = n - cut;
		np = 2;
	}
	if (shape == 1)
		tg_buf_printf(out, "event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0}\n\n");
	if (shape == 2)
		tg_buf_printf(out, "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"content\":[]}}\n\n"
			      "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
	for (size_t i = 0; i < np; i++) {
		const char *d = reply + pieces[i][0];
		size_t dn = pieces[i][1];

		switch (shape) {
		case 0:
			tg_buf_printf(out, "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"");
			esc(out, d, dn);
			tg_buf_printf(out, "\"},\"finish_reason\":null}]}\n\n");
			break;
		case 1:
			tg_buf_printf(out, "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\","
				      "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"");
			esc(out, d, dn);
			tg_buf_printf(out, "\"}\n\n");
			break;
		case 2:
			tg_buf_printf(out, "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
				      "\"delta\":{\"type\":\"text_delta\",\"text\":\"");
			esc(out, d, dn);
			tg_buf_printf(out, "\"}}\n\n");
			break;
		case 3:
			tg_buf_printf(out, "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"");
			esc(out, d, dn);
			tg_buf_printf(out, "\"}],\"role\":\"model\"},\"index\":0%s}]}\r\n\r\n",
				      i + 1 == np ? ",\"finishReason\":\"STOP\"" : "");
			break;
		}
	}
	switch (shape) {
	case 0:
		tg_buf_printf(out, "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
			      "data: [DONE]\n\n");
		break;
	case 1:
		tg_buf_printf(out, "event: response.output_text.done\ndata: {\"type\":\"response.output_text.done\","
			      "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"text\":\"");
		esc(out, reply, n);
		tg_buf_printf(out, "\"}\n\nevent: response.completed\ndata: {\"type\":\"response.completed\"}\n\n");
		break;
	case 2:
		tg_buf_printf(out, "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
			      "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
		break;
	}
}

static const char *const shapes[] = {"OpenAI chat", "OpenAI Responses", "Anthropic", "Gemini"};
static const enum tg_api_shape api[] = {TG_API_OPENAI, TG_API_OPENAI, TG_API_ANTHROPIC, TG_API_GEMINI};

/* Run reply through the SSE rewriter in 7-byte reads, or one event per read
 * when state is given (which then gets the most memory held between reads);
 * what the SDK would read. */
static void run_stream(int shape, const char *reply, size_t cut, struct tg_redactor *x, struct reader *rd,
		       size_t *state)
{
	struct tg_buf in = {0}, out = {0};
	struct tg_redact_sse *s = tg_redact_sse_new(x, api[shape], "0123456789abcdef0123456789abcdef");
	struct tg_sse split;

	make_stream(shape, reply, cut, &in);
	for (size_t i = 0, n; i < tg_buf_used(&in); i += n) {
		const char *p = tg_buf_start(&in) + i, *e;
		size_t left = tg_buf_used(&in) - i;

		n = left < 7 ? left : 7;
		if (state) {
			e = memmem(p, left, shape == 3 ? "\r\n\r\n" : "\n\n", shape == 3 ? 4 : 2);
			n = e ? (size_t)(e - p) + (shape == 3 ? 4 : 2) : left;
		}
		tg_redact_sse_feed(s, p, n, false, &out);
		if (state) {
			size_t own = tg_redact_sse_bytes(s) - tg_redact_sse_splitter_bytes(s) + tg_redactor_bytes(x) +
				     tg_redact_stage_call_bytes();

			if (own > state[0])
				state[0] = own;
			if (own + tg_redact_sse_splitter_bytes(s) > state[1])
				state[1] = own + tg_redact_sse_splitter_bytes(s);
		}
	}
	tg_redact_sse_feed(s, NULL, 0, true, &out);
	memset(rd, 0, sizeof(*rd));
	rd->shape = shape;
	tg_sse_init(&split, 0);
	tg_sse_feed(&split, tg_buf_start(&out), tg_buf_used(&out), read_event, rd);
	tg_sse_finish(&split, read_event, rd);
	tg_sse_free(&split);
	tg_buf_append(&rd->text, "", 1);
	tg_redact_sse_free(s);
	tg_buf_free(&in);
	tg_buf_free(&out);
}

static void check_streams(void)
{
	const char *reply = "Sure: SSN 123-45-6789, card 4111 1111 1111 1111, write to jane@example.com.";
	const char *want = "Sure: SSN [REDACTED:SSN], card [REDACTED:CARD], write to <EMAIL_1>.";
	size_t n = strlen(reply), state[2] = {0, 0};

	for (int shape = 0; shape < 4; shape++) {
		int wrong = 0, broken = 0, runs = 0;

		for (size_t cut = 0; cut < n; cut++) {
			struct tg_redactor *x = tg_redactor_new(R, &WHO);
			struct reader rd;
			char expect[256];

			run_stream(shape, reply, cut, x, &rd, cut % 2 ? state : NULL);
			snprintf(expect, sizeof(expect), shape == 1 ? "%s|done:%s" : "%s", want, want);
			runs++;
			if (strcmp(tg_buf_start(&rd.text), expect) != 0 || strstr(tg_buf_start(&rd.text), "6789")) {
				if (wrong++ < 2)
					printf("# %s cut %zu: %s\n", shapes[shape], cut, tg_buf_start(&rd.text));
			}
			broken += rd.bad_json;
			tg_buf_free(&rd.text);
			tg_redactor_free(x);
		}
		CHECK(wrong == 0 && broken == 0,
		      "%s stream: values split at every byte come out redacted, events stay JSON (%d runs)",
		      shapes[shape], runs);
	}
	CHECK(state[0] <= 2048, "redaction state per open stream between reads: at most %zu bytes "
	      "(%zu with the SSE splitter's buffer)", state[0], state[1]);
}

/* A stream with nothing to redact comes out byte for byte as it went in
 * (cut in two at every byte: what is held stays within the budget). */
static void check_stream_untouched(void)
{
	const char *text = "Hello from the mock, version 1.2.3, 42 words at 10:30.";

	for (int shape = 0; shape < 4; shape++) {
		int differ = 0;

		for (size_t cut = 1; cut < strlen(text); cut++) {
			struct tg_redactor *x = tg_redactor_new(R, &WHO);
			struct tg_redact_sse *s = tg_redact_sse_new(x, api[shape], "t");
			struct tg_buf in = {0}, out = {0};

			make_stream(shape, text, cut, &in);
			for (size_t i = 0; i < tg_buf_used(&in); i += 5)
				tg_redact_sse_feed(s, tg_buf_start(&in) + i,
						   tg_buf_used(&in) - i < 5 ? tg_buf_used(&in) - i : 5, false, &out);
			tg_redact_sse_feed(s, NULL, 0, true, &out);
			differ += tg_buf_used(&out) != tg_buf_used(&in) ||
				  memcmp(tg_buf_start(&out), tg_buf_start(&in), tg_buf_used(&in)) != 0;
			tg_buf_free(&in);
			tg_buf_free(&out);
			tg_redact_sse_free(s);
			tg_redactor_free(x);
		}
		CHECK(differ == 0, "%s: a stream with nothing to redact passes byte for byte (every cut)", shapes[shape]);
	}
}

static void check_stream_block_and_restore(void)
{
	struct tg_redact *r;
	tg_err err = {{0}};

	r = tg_redact_open(write_policy("{\"actions\": {\"SSN\": \"block\"}}"), true, NULL, NULL, &err);
	CHECK(r != NULL, "policy with block loads (%s)", err.msg);
	for (int shape = 0; r && shape < 4; shape++) {
		struct tg_redactor *x = tg_redactor_new(r, &WHO);
		struct reader rd;

		run_stream(shape, "Your number is 123-45-6789 and more text follows here.", 0, x, &rd, NULL);
		CHECK(rd.error_event && !strstr(tg_buf_start(&rd.text), "6789") && !strstr(tg_buf_start(&rd.text), "follows"),
		      "%s: a blocked value ends the stream with an error event the SDK raises", shapes[shape]);
		tg_buf_free(&rd.text);
		tg_redactor_free(x);
	}
	tg_redact_close(r);
	{
		struct tg_redactor *x = tg_redactor_new(R, &WHO);
		struct reader rd;
		int rc;
		char *req = doc_out(x, TG_DIR_REQUEST, "{\"messages\":[{\"role\":\"user\",\"content\":\"to jane@example.com\"}]}", &rc);

		run_stream(0, "Done, I emailed <EMAIL_1> as asked.", 0, x, &rd, NULL);
		CHECK(strcmp(tg_buf_start(&rd.text), "Done, I emailed jane@example.com as asked.") == 0,
		      "a pseudonym split over one-byte deltas is put back: %s", tg_buf_start(&rd.text));
		tg_buf_free(&rd.text);
		free(req);
		tg_redactor_free(x);
	}
	unlink(write_policy(""));
}

static void check_config(void)
{
	struct tg_config cfg;
	tg_err err = {{0}};

	tg_config_defaults(&cfg);
	CHECK(cfg.redaction && cfg.redaction_policy[0] == 0, "config: redaction on, built-in policy by default");
	CHECK(tg_config_load(write_policy("{\"redaction\": false, \"redaction_policy\": \"mine.json\"}"), &cfg, &err) == 0 &&
	      !cfg.redaction && strcmp(cfg.redaction_policy, "/tmp/mine.json") == 0,
	      "config: redaction off, policy path relative to the config file (%s)", cfg.redaction_policy);
	CHECK(tg_config_load(write_policy("{\"redaction\": \"yes\"}"), &cfg, &err) < 0 && strstr(err.msg, "\"redaction\""),
	      "config: a bad value names the key: %s", err.msg);
}

int main(void)
{
	tg_err err = {{0}};

	tg_log_set_level(TG_LOG_WARN);
	R = tg_redact_open("", true, NULL, NULL, &err);
	CHECK(R != NULL, "the redaction module starts with the built-in policy (%s)", err.msg);
	if (!R)
		CHECK_DONE();
	check_config();
	check_policy();
	check_request_shapes();
	check_skip_keys();
	check_batched();
	check_pseudonyms();
	check_streams();
	check_stream_untouched();
	check_stream_block_and_restore();
	tg_redact_close(R);
	CHECK_DONE();
}
