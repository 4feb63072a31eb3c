/*
 * test_jsonrw.c - the JSON string rewriter: untouched documents come out
 * byte for byte, rewritten strings are re-encoded correctly (escapes,
 * surrogates), keys and paths are reported, and invalid JSON is refused.
 */
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "check.h"
#include "jsonrw.h"

/* Upper-cases every string value; records the last path seen. */
static char last_path[256];

static int upper(void *ctx, const struct tg_json_path *p, const char *t, size_t n, struct tg_buf *out)
{
	size_t k = 0;

	(void)ctx;
	last_path[0] = 0;
	for (size_t i = 0; i < p->depth; i++)
		k += (size_t)snprintf(last_path + k, sizeof(last_path) - k, "/%s",
				      p->keys[i] ? p->keys[i] : "[]");
	for (size_t i = 0; i < n; i++) {
		char c = t[i] >= 'a' && t[i] <= 'z' ? (char)(t[i] - 32) : t[i];

		tg_buf_append(out, &c, 1);
	}
	return 1;
}

static int keep(void *ctx, const struct tg_json_path *p, const char *t, size_t n, struct tg_buf *out)
{
	(void)ctx;
	(void)p;
	(void)t;
	(void)n;
	(void)out;
	return 0;
}

/* Replace "x" with a string full of things that need escaping. */
static int nasty(void *ctx, const struct tg_json_path *p, const char *t, size_t n, struct tg_buf *out)
{
	(void)ctx;
	(void)p;
	if (n == 1 && t[0] == 'x') {
		tg_buf_append(out, "q\"b\\s\n\t\x01/\xe2\x82\xac", 12);
		return 1;
	}
	tg_buf_append(out, t, n);
	return 1;
}

static const char *rw(const char *doc, tg_json_string_fn fn)
{
	static struct tg_buf out;
	tg_err err = {{0}};

	tg_buf_reset(&out);
	if (tg_json_rewrite(doc, strlen(doc), fn, NULL, &out, &err) < 0)
		return NULL;
	tg_buf_append(&out, "", 1);
	return tg_buf_start(&out);
}

int main(void)
{
	const char *doc = " {\"a\" : [1, 2.50e+3, -0, true, false, null, {\"b\": \"h\\u00e9llo\"}], \"c\":{}} ";
	const char *r;

	r = rw(doc, keep);
	CHECK(r && strcmp(r, doc) == 0, "a document with nothing rewritten is byte for byte the same");
	r = rw("{\"k\": \"abc\", \"l\": [\"x\\ny\"]}", upper);
	CHECK(r && strcmp(r, "{\"k\": \"ABC\", \"l\": [\"X\\nY\"]}") == 0, "string values rewritten, keys not: %s", r ? r : "(invalid)");
	CHECK(strcmp(last_path, "/l/[]") == 0, "paths name keys and array elements: %s", last_path);
	r = rw("{\"m\": [{\"role\": \"user\", \"content\": [{\"text\": \"hi\"}]}]}", upper);
	CHECK(strcmp(last_path, "/m/[]/content/[]/text") == 0, "deep path: %s", last_path);
	r = rw("[\"x\"]", nasty);
	CHECK(r && strcmp(r, "[\"q\\\"b\\\\s\\n\\t\\u0001/\xe2\x82\xac\"]") == 0, "re-encoding escapes what JSON needs: %s", r ? r : "(invalid)");
	{
		cJSON *j = r ? cJSON_Parse(r) : NULL;

		CHECK(j && strcmp(cJSON_GetArrayItem(j, 0)->valuestring, "q\"b\\s\n\t\x01/\xe2\x82\xac") == 0,
		      "and a JSON parser reads back the same text");
		cJSON_Delete(j);
	}
	r = rw("[\"\\ud83d\\ude00 \\ud800 z\"]", nasty);
	CHECK(r && strcmp(r, "[\"\xf0\x9f\x98\x80 \\ud800 z\"]") == 0,
	      "surrogate pairs decode to UTF-8, a lone surrogate survives as an escape: %s", r ? r : "(invalid)");
	CHECK(tg_json_valid("{\"a\":1}", 7), "valid");
	CHECK(!tg_json_valid("{\"a\":1", 6), "unterminated object refused");
	CHECK(!tg_json_valid("{\"a\":1}x", 8), "trailing bytes refused");
	CHECK(!tg_json_valid("{\"a\":\"\x01\"}", 8), "raw control character in a string refused");
	CHECK(!tg_json_valid("{\"a\":01}", 8), "leading zero refused");
	CHECK(!tg_json_valid("{\"a\":\"\\x\"}", 10), "bad escape refused");
	CHECK(!tg_json_valid("", 0), "empty refused");
	{
		char deep[600];
		size_t n = 0;

		for (int i = 0; i < 200; i++)
			deep[n++] = '[';
		for (int i = 0; i < 200; i++)
			deep[n++] = ']';
		CHECK(!tg_json_valid(deep, n), "nesting deeper than %d refused", TG_JSON_MAX_DEPTH);
	}
	{
		struct tg_buf out = {0};
		tg_err err = {{0}};

		CHECK(tg_json_rewrite("{\"a\": tru}", 10, upper, NULL, &out, &err) < 0 && strstr(err.msg, "byte"),
		      "errors say where: %s", err.msg);
		tg_buf_free(&out);
	}
	CHECK_DONE();
}
