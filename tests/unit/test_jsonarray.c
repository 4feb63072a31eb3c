/*
 * test_jsonarray.c - the JSON array splitter: Gemini's array stream cut at
 * every byte, brackets and quotes inside strings, scalar elements, raw
 * bytes preserved, bodies that are no array, oversized elements, bodies
 * cut short.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "check.h"
#include "jsonarray.h"

struct collect {
	char raw[65536];
	size_t raw_len;
	char values[32][1024];
	int n, oversized, incomplete, whole, ends, pieces;
};

static int on_piece(void *arg, const struct tg_jarray_piece *p)
{
	struct collect *c = arg;

	memcpy(c->raw + c->raw_len, p->raw, p->raw_len);
	c->raw_len += p->raw_len;
	c->pieces++;
	c->ends += p->end;
	if (p->oversized) {
		c->oversized++;
		return 0;
	}
	if (!p->value_len)
		return 0;
	if (!p->complete)
		c->incomplete++;
	c->whole += p->whole;
	if (c->n < 32)
		snprintf(c->values[c->n], sizeof(c->values[0]), "%.*s", (int)p->value_len, p->raw + p->value_off);
	c->n++;
	return 0;
}

/* Feed text in two pieces cut at cut (0 = whole), or in steps of step bytes. */
static bool run(const char *text, size_t cut, size_t step, size_t max, struct collect *c)
{
	struct tg_jarray j;
	size_t len = strlen(text);
	bool closed;

	memset(c, 0, sizeof(*c));
	tg_jarray_init(&j, max);
	if (step) {
		for (size_t off = 0; off < len; off += step)
			tg_jarray_feed(&j, text + off, len - off < step ? len - off : step, on_piece, c);
	} else {
		tg_jarray_feed(&j, text, cut, on_piece, c);
		tg_jarray_feed(&j, text + cut, len - cut, on_piece, c);
	}
	closed = tg_jarray_closed(&j);
	tg_jarray_finish(&j, on_piece, c);
	tg_jarray_free(&j);
	return closed;
}

/* Does v parse to the same JSON as want? */
static bool same_json(const char *v, const char *want)
{
	cJSON *a = cJSON_Parse(v), *b = cJSON_Parse(want);
	bool same = a && b && cJSON_Compare(a, b, true);

	cJSON_Delete(a);
	cJSON_Delete(b);
	return same;
}

int main(void)
{
	/* as Gemini sends it: pretty-printed elements, "\r\n,\r\n" between them */
	static const char *gemini =
		"[{\n  \"candidates\": [\n    {\n      \"content\": {\n        \"parts\": [\n          {\n"
		"            \"text\": \"Sure, {\\\"a\\\": [1]} and \\\\\"\n          }\n        ],\n"
		"        \"role\": \"model\"\n      },\n      \"index\": 0\n    }\n  ],\n"
		"  \"usageMetadata\": {\n    \"promptTokenCount\": 5,\n    \"totalTokenCount\": 5\n  },\n"
		"  \"modelVersion\": \"gemini-2.0-flash\"\n}\n,\r\n"
		"{\n  \"candidates\": [{\"content\": {\"parts\": [{\"text\": \"]}} done\"}], \"role\": \"model\"},"
		" \"finishReason\": \"STOP\", \"index\": 0}],\n  \"usageMetadata\": {\"promptTokenCount\": 5,"
		" \"candidatesTokenCount\": 3, \"totalTokenCount\": 8}\n}\n]";
	static const char *first_text = "Sure, {\"a\": [1]} and \\";
	size_t len = strlen(gemini);
	int bad = 0, closed_bad = 0;
	struct collect c;

	/* every cut, and one byte at a time */
	for (size_t cut = 0; cut <= len; cut++) {
		bool closed = run(gemini, cut, 0, 0, &c);
		cJSON *e0, *e1;

		if (c.raw_len != len || memcmp(c.raw, gemini, len) != 0 || c.n != 2 || c.ends != 1 ||
		    c.incomplete || c.oversized || c.whole) {
			bad++;
			continue;
		}
		closed_bad += !closed;
		e0 = cJSON_Parse(c.values[0]);
		e1 = cJSON_Parse(c.values[1]);
		if (!e0 || !e1 || c.values[0][0] != '{' || c.values[1][strlen(c.values[1]) - 1] != '}' ||
		    strcmp(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(
			    cJSON_GetArrayItem(cJSON_GetObjectItem(e0, "candidates"), 0), "content"), "parts"), 0),
			    "text")->valuestring, first_text) != 0)
			bad++;
		cJSON_Delete(e0);
		cJSON_Delete(e1);
	}
	CHECK(bad == 0, "Gemini's array stream cut at every byte: two elements, exactly their JSON, raw bytes "
	      "preserved, the closing bracket seen (%d bad of %zu)", bad, len + 1);
	CHECK(closed_bad == 0, "the array is closed once its ']' is in");
	run(gemini, 0, 1, 0, &c);
	CHECK(c.n == 2 && c.raw_len == len && memcmp(c.raw, gemini, len) == 0, "fed one byte at a time: the same");

	/* an element goes out the moment its last byte is in */
	{
		struct tg_jarray j;
		const char *a = "[{\"x\": \"}\"}", *b = "\r\n,\r\n{\"y\": 2}";

		memset(&c, 0, sizeof(c));
		tg_jarray_init(&j, 0);
		tg_jarray_feed(&j, a, strlen(a), on_piece, &c);
		CHECK(c.n == 1 && strcmp(c.values[0], "{\"x\": \"}\"}") == 0 && tg_jarray_pending(&j) == 0,
		      "the first element is handed out before the next byte comes, nothing kept: %s", c.values[0]);
		tg_jarray_feed(&j, b, strlen(b), on_piece, &c);
		CHECK(c.n == 2 && strcmp(c.values[1], "{\"y\": 2}") == 0, "the second one too");
		CHECK(!tg_jarray_closed(&j), "not closed before ']'");
		tg_jarray_finish(&j, on_piece, &c);
		CHECK(c.incomplete == 0 && c.raw_len == strlen(a) + strlen(b),
		      "a stream cut between elements: nothing incomplete, every byte handed out");
		tg_jarray_free(&j);
	}

	/* scalars, strings with brackets, nested arrays */
	run("[1, \"a]\\\"[\", true,null ,-2.5e3,[[]],{}]\n", 0, 1, 0, &c);
	CHECK(c.n == 7 && strcmp(c.values[0], "1") == 0 && strcmp(c.values[1], "\"a]\\\"[\"") == 0 &&
	      strcmp(c.values[2], "true") == 0 && strcmp(c.values[3], "null") == 0 &&
	      strcmp(c.values[4], "-2.5e3") == 0 && strcmp(c.values[5], "[[]]") == 0 && strcmp(c.values[6], "{}") == 0,
	      "scalar, string and nested elements are cut right");
	CHECK(c.ends == 1 && c.raw_len == strlen("[1, \"a]\\\"[\", true,null ,-2.5e3,[[]],{}]\n"),
	      "what follows ']' is handed out too");
	run("  []  ", 0, 0, 0, &c);
	CHECK(c.n == 0 && c.ends == 1 && c.raw_len == 6, "an empty array: no element, every byte handed out");
	run("", 0, 0, 0, &c);
	CHECK(c.pieces == 0, "an empty body: nothing");

	/* not an array */
	{
		const char *err = " {\"error\": {\"code\": 400, \"message\": \"[bad]\"}}\n";
		bool closed = run(err, 7, 0, 0, &c);

		CHECK(c.n == 1 && c.whole == 1 && strcmp(c.values[0], err) == 0 && !closed,
		      "a body that is no array comes out whole, at the end");
	}

	/* bounded: an oversized element is handed out in pieces, the next ones are whole again */
	{
		char big[8192];
		size_t n = 0;

		n += (size_t)snprintf(big + n, sizeof(big) - n, "[{\"text\": \"");
		for (int i = 0; i < 300; i++)
			n += (size_t)snprintf(big + n, sizeof(big) - n, "ab]}{ ");
		n += (size_t)snprintf(big + n, sizeof(big) - n, "\"},\n{\"ok\": [1, 2]}]");
		run(big, 0, 100, 512, &c);
		CHECK(c.oversized >= 3 && c.n == 1 && same_json(c.values[0], "{\"ok\": [1, 2]}") && c.ends == 1,
		      "an element over the bound goes out in pieces (%d), the next element whole", c.oversized);
		CHECK(c.raw_len == n && memcmp(c.raw, big, n) == 0, "... and no byte is lost");
	}

	/* cut short */
	run("[{\"a\": 1},{\"b\": \"x", 0, 3, 0, &c);
	CHECK(c.n == 2 && c.incomplete == 1 && strcmp(c.values[1], "{\"b\": \"x") == 0,
	      "an element cut by the end of the body comes out, marked incomplete");
	CHECK_DONE();
}
