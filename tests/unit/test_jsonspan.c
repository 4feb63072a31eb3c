/*
 * test_jsonspan.c - the allocation-free JSON readers against cJSON, the
 * library they replace on the request path.
 *
 * 1. Differential: half a million documents (real provider bodies, edge
 *    cases, and every truncation, byte change, deletion and insertion of
 *    them, plus random token soup) are checked by tg_json_doc and parsed by
 *    cJSON_ParseWithLength. They must accept exactly the same documents,
 *    and on every accepted one read the same thing: each value's type, each
 *    member found by key (the first of repeated keys), the children in
 *    order, every string as cJSON's valuestring, every number as the
 *    metering stage's counts (0..1e15, fraction dropped). The comparison
 *    is in jsonspan_cjson.h (tests/fuzz/fuzz_jsonspan.c fuzzes it).
 * 2. Named cases for the corners of the grammar and of each reader.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "jsonspan.h"
#include "jsonspan_cjson.h"

static size_t tried, accepted, mismatches;

static void show(const char *s, size_t n)
{
	printf("    document (%zu bytes): \"", n);
	for (size_t i = 0; i < n && i < 300; i++)
		printf((unsigned char)s[i] < 32 || (unsigned char)s[i] > 126 || s[i] == '"' ? "\\x%02x" : "%c",
		       (unsigned char)s[i]);
	printf("%s\"\n    %s\n", n > 300 ? "..." : "", jsonspan_why);
}

/* One document: both accept it or both refuse it, and read it the same. */
static void compare(const char *s, size_t n)
{
	bool valid;

	tried++;
	if (!jsonspan_agrees(s, n, &valid) && mismatches++ < 5)
		show(s, n);
	accepted += valid;
}

/* Every truncation, and at each byte a deletion and a change or insertion of bytes that matter. */
static void mutations(const char *seed)
{
	static const char bytes[] = "\"\\{}[],:0-+.eEu/ntf \x01\x7f";
	static const char extra[] = {0, (char)0x80, (char)0xef, (char)0xbb, (char)0xbf, 'D', '8', 'C', 'x'};
	size_t n = strlen(seed);
	char *d = malloc(n + 2);

	for (size_t i = 0; i <= n; i++) {
		compare(seed, i);
		for (size_t k = 0; k < sizeof(bytes) - 1 + sizeof(extra); k++) {
			char b = k < sizeof(bytes) - 1 ? bytes[k] : extra[k - (sizeof(bytes) - 1)];

			memcpy(d, seed, i);
			d[i] = b;
			memcpy(d + i + 1, seed + i, n - i);
			compare(d, n + 1); /* inserted */
			if (i < n) {
				memcpy(d, seed, n);
				d[i] = b;
				compare(d, n); /* changed */
			}
		}
		if (i < n) {
			memcpy(d, seed, i);
			memcpy(d + i, seed + i + 1, n - i - 1);
			compare(d, n - 1); /* deleted */
		}
	}
	free(d);
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint32_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 16);
}

/* Random documents from JSON-ish pieces: mostly near-valid, often valid. */
static void soup(size_t count)
{
	static const char *const pieces[] = {
		"{", "}", "[", "]", ",", ":", " ", "\r\n", "\"a\"", "\"usage\"", "\"model\"", "\"\"", "\"x\\\"y\"",
		"\"\\u00e9\"", "\"\\ud83d\\ude00\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\uZZZZ\"", "\"\\u0000k\"", "\"\\q\"",
		"\"\\/\\b\\f\\n\\r\\t\"", "0", "1", "-1", "12.5", "1e3", "1E+2", "-0", "01", "1.", "-.5", "1e", "+1",
		"1e400", "123456789012345678", "123456789012345678901234567890123456789012345678901234567890123", "true", "false", "null", "tru", "\x01", "\"\x01\x7f\xff\"", "\"a\":1",
		"\"usage\":{\"prompt_tokens\":3}", "[1,2]", "{}", "[]",
	};
	char doc[512];

	for (size_t c = 0; c < count; c++) {
		size_t n = 0, parts = 1 + next_rand() % 24;

		for (size_t p = 0; p < parts; p++) {
			const char *piece = pieces[next_rand() % (sizeof(pieces) / sizeof(pieces[0]))];
			size_t len = strlen(piece);

			if (n + len > sizeof(doc))
				break;
			memcpy(doc + n, piece, len);
			n += len;
		}
		compare(doc, n);
	}
}

static const char *const seeds[] = {
	/* OpenAI chat, plain and streamed, with tool calls */
	"{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1741569952,\"model\":\"gpt-4o-mini\","
	"\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi \\\"there\\\"\\n\","
	"\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":19,"
	"\"completion_tokens\":10,\"prompt_tokens_details\":{\"cached_tokens\":0}}}",
	"{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
	"\"{\\\"path\\\":\\\"a\\\\\\\\b.txt\\\"}\"}}]},\"finish_reason\":null}],\"usage\":null}",
	/* Anthropic, Gemini, Responses */
	"{\"type\":\"message_start\",\"message\":{\"model\":\"claude-sonnet-4\",\"usage\":{\"input_tokens\":100,"
	"\"cache_creation_input_tokens\":1000,\"cache_read_input_tokens\":2000,\"output_tokens\":1}}}",
	"[{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"H\\u00e9\"}]},\"finishReason\":\"STOP\"}],"
	"\"usageMetadata\":{\"promptTokenCount\":20,\"candidatesTokenCount\":8}}]",
	"{\"type\":\"response.completed\",\"response\":{\"status\":\"completed\",\"usage\":{\"input_tokens\":5e1,"
	"\"output_tokens\":7.9,\"output_tokens_details\":{\"reasoning_tokens\":-0}}}}",
	/* requests */
	"{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"n\":2,"
	"\"max_tokens\":100,\"seed\":12345678901234567890,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
	"\xEF\xBB\xBF {\"contents\":[],\"generationConfig\":{\"maxOutputTokens\":500,\"candidateCount\":2}} tail",
	/* corners: escaped and repeated keys, numbers, surrogates, NULs */
	"{\"mod\\u0065l\":\"a\\u0000b\",\"model\":\"second\",\"k\\\"\":[-1,1e15,1000000000000001,0.5,1e-3,"
	"-0.0,00012],\"s\":\"\\ud83d\\ude00\\/\\t\",\"e\":{},\"a\":[[],[{}]]}",
	"[\"\\uD800\\uDC00\",\"\\u12G4\",true,false,null,\"\x01\xff\"]",
	"  \n\t123.5e+2  ",
};

static struct tg_jdoc D;

/* Check text into D; the offset of its value. */
static size_t doc(const char *text)
{
	return tg_json_doc(&D, text, strlen(text));
}

static void named_cases(void)
{
	const char *s;
	size_t v, vals[4];
	uint64_t u;
	char buf[16];
	struct tg_jmember m;
	struct tg_buf out = {0};

	/* the document */
	CHECK(doc("\xEF\xBB\xBF{\"a\":1}") == 3, "a UTF-8 byte order mark before the value is skipped");
	CHECK(doc("\xEF\xBB\xBF" "1") == TG_JNONE, "... only in a document of 5 bytes or more (as cJSON)");
	CHECK(doc("{\"a\":1} trailing") == 0, "bytes after the value are not looked at (as cJSON_ParseWithLength)");
	CHECK(doc("{\"a\":1") == TG_JNONE && tg_json_get(&D, 0, "a") == TG_JNONE && D.nspans == 0,
	      "a cut object is malformed, and nothing is found in it");
	CHECK(doc("{\"usage\":{\"prompt_tokens\":5},\"x\":[1,}") == TG_JNONE,
	      "malformed after the member we want: the whole document is refused");
	CHECK(doc("{\"a\":\"x\\qy\"}") == TG_JNONE, "an unknown escape is malformed");
	CHECK(doc("[\"\\udc00\"]") == TG_JNONE, "a lone low surrogate is malformed");
	CHECK(doc("[\"\\ud800x\"]") == TG_JNONE, "a high surrogate without its low half is malformed");
	CHECK(doc("[01, 1., -.5, 1e5]") == 0, "01, 1. and -.5 are numbers (strtod's grammar, as cJSON)");
	CHECK(doc("[1e, 2]") == TG_JNONE, "1e is not");
	CHECK(doc("{\x01\"a\"\x02:\x1f" "1}") == 0 && tg_json_get(&D, 0, "a") != TG_JNONE,
	      "control bytes are whitespace (as cJSON), for checking and for finding members");
	{
		char deep[2100];

		memset(deep, '[', 1000);
		memset(deep + 1000, ']', 1000);
		CHECK(tg_json_doc(&D, deep, 2000) == 0, "1000 levels of nesting are fine");
		CHECK(D.nspans == 4 && D.spans[3].from == 3 && D.spans[3].to == 1997,
		      "the containers down to 3 levels below the top are noted");
		memset(deep, '[', 1001);
		memset(deep + 1001, ']', 1001);
		CHECK(tg_json_doc(&D, deep, 2002) == TG_JNONE, "1001 are not (cJSON's limit)");
		memset(deep, '0', 1000);
		memcpy(deep, "[0.", 3);
		memcpy(deep + 990, "1e988]", 6);
		CHECK(tg_json_doc(&D, deep, 996) == 0 && tg_json_read_uint(&D, 1, COUNT_MAX, &u) && u == 1,
		      "a number of 994 characters is read whole (0.000...1e988 = 1)");
		compare(deep, 996);
	}
	{
		static const char *const corners[] = {
			"\xEF\xBB\xBF{\"a\":1}", "\xEF\xBB\xBF" "1", "{\"a\":1} trailing", "{\"a\":1", "{\"a\":\"x\\qy\"}",
			"[\"\\udc00\"]", "[\"\\ud800x\"]", "[01, 1., -.5, 1e5]", "[1e, 2]", "{\x01\"a\"\x02:\x1f" "1}",
			"\"\\uZZZZx\"", "0x10", "[0x10]", "-", "[-]", "[.5]", "[+1]", "\"a\x00b\"",
		};
		char deep[2100];

		for (size_t k = 0; k < sizeof(corners) / sizeof(corners[0]); k++)
			compare(corners[k], strlen(corners[k]));
		compare("\"a\x00b\"", 5);
		memset(deep, '[', 1001);
		memset(deep + 1001, ']', 1001);
		compare(deep, 2002);
		compare(deep + 1, 2000);
	}
	{
		/* more containers than are noted: the rest are scanned */
		char many[4096];
		size_t n = 0;

		n += (size_t)snprintf(many + n, sizeof(many) - n, "{\"list\":[");
		for (int k = 0; k < 100; k++)
			n += (size_t)snprintf(many + n, sizeof(many) - n, "%s{\"k\":[%d]}", k ? "," : "", k);
		n += (size_t)snprintf(many + n, sizeof(many) - n, "],\"last\":{\"x\":7}}");
		v = tg_json_doc(&D, many, n);
		CHECK(D.nspans == TG_JDOC_SPANS && tg_json_read_uint(&D, tg_json_get(&D, tg_json_get(&D, v, "last"), "x"),
									      COUNT_MAX, &u) && u == 7,
		      "a document with more containers than noted is still read right");
		compare(many, n);
	}

	/* members */
	s = "{\"max_tok\\u0065ns\":100000,\"model\":\"a\",\"model\":\"b\",\"n\":null}";
	v = tg_json_get(&D, doc(s), "max_tokens");
	CHECK(v != TG_JNONE && tg_json_read_uint(&D, v, COUNT_MAX, &u) && u == 100000,
	      "an escaped key is found by its unescaped name");
	CHECK(tg_json_string_eq(&D, tg_json_get(&D, 0, "model"), "a"), "a repeated key: the first counts");
	{
		const char *keys[] = {"n", "model", "absent", "max_tokens"};

		tg_json_get_many(&D, 0, keys, 4, vals);
		CHECK(tg_json_type(&D, vals[0]) == TG_JSON_NULL && vals[1] == tg_json_get(&D, 0, "model") &&
			      vals[2] == TG_JNONE && vals[3] == v, "tg_json_get_many finds each key in one pass");
		{
			size_t again[4];
			const char *others[] = {"n", "absent"};

			CHECK(tg_json_get_many_repeats(&D, 0, keys, 4, again) && tg_json_repeats(&D, 0, keys, 4) &&
				      memcmp(again, vals, sizeof(vals)) == 0,
			      "tg_json_get_many_repeats: the same members, and the repeated model");
			CHECK(!tg_json_get_many_repeats(&D, 0, others, 2, again) && !tg_json_repeats(&D, 0, others, 2) &&
				      again[0] == vals[0] && again[1] == TG_JNONE,
			      "tg_json_get_many_repeats: no repeat among keys that are there once");
		}
	}
	CHECK(tg_json_get(&D, TG_JNONE, "model") == TG_JNONE && tg_json_get(&D, tg_json_get(&D, 0, "n"), "x") == TG_JNONE,
	      "lookups chain through TG_JNONE and non-objects");
	tg_json_set_member(s, strlen(s), 0, "max_tokens", "77", &out);
	tg_buf_append(&out, "", 1);
	CHECK(strcmp(tg_buf_start(&out), "{\"max_tok\\u0065ns\":77,\"model\":\"a\",\"model\":\"b\",\"n\":null}") == 0,
	      "set_member replaces the escaped key's value (no second max_tokens for the provider to pick)");
	tg_buf_free(&out);
	s = "{\"type\\u0000junk\":\"message\"}";
	CHECK(tg_json_get(&D, doc(s), "type") != TG_JNONE, "a key reads up to its first NUL (as cJSON)");
	CHECK(tg_json_member(s, strlen(s), 0, "type", &m) == 1 && m.key == 1, "tg_json_member too");
	s = "{\"a\\qb\":1}";
	CHECK(tg_json_member(s, strlen(s), 0, "a", &m) == 0, "tg_json_member on unchecked text: a bad key matches nothing");

	/* children */
	s = "{\"a\":[1,\"x\",{\"k\":2},[3]],\"b\":\"s\"}";
	v = tg_json_first(&D, tg_json_get(&D, doc(s), "a"));
	CHECK(s[v] == '1', "first element");
	v = tg_json_next(&D, v);
	CHECK(tg_json_string_eq(&D, v, "x"), "a string element is not taken for a key");
	v = tg_json_next(&D, tg_json_next(&D, v));
	CHECK(s[v] == '[' && tg_json_next(&D, v) == TG_JNONE, "... to the last element");
	v = tg_json_first(&D, 0);
	CHECK(s[v] == '[' && tg_json_string_eq(&D, tg_json_next(&D, v), "s"),
	      "an object's children are its members' values (as cJSON_ArrayForEach)");
	CHECK(tg_json_first(&D, tg_json_get(&D, 0, "b")) == TG_JNONE && tg_json_first(&D, doc("[ ]")) == TG_JNONE,
	      "a string or an empty array has no children");

	/* numbers */
	s = "[-1, 1e16, 1000000000000000, 12.9, 1e3, -0, 1e400, 0.5e1, 00000000000000000000042, \"5\", true]";
	{
		uint64_t want[] = {UINT64_MAX, UINT64_MAX, 1000000000000000ull, 12, 1000, 0, UINT64_MAX, 5, 42,
				   UINT64_MAX, UINT64_MAX};
		size_t k = 0, bad = 0;

		for (v = tg_json_first(&D, doc(s)); v != TG_JNONE; v = tg_json_next(&D, v), k++) {
			bool ok = tg_json_read_uint(&D, v, COUNT_MAX, &u);

			bad += want[k] == UINT64_MAX ? ok : !ok || u != want[k];
		}
		CHECK(k == 11 && bad == 0, "counts: negative, above 1e15, 1e400, strings and booleans refused; "
			   "fractions dropped; exponents and leading zeros read as strtod does (%zu wrong)", bad);
	}

	/* strings */
	v = doc("\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\/\"");
	CHECK(tg_json_read_string(&D, v, buf, sizeof(buf)) == 16 && strcmp(buf, "caf\xc3\xa9 \xf0\x9f\x98\x80 \"q\" ") == 0,
	      "unescaped to UTF-8, cut to the buffer, the whole length returned");
	CHECK(tg_json_string_eq(&D, v, "caf\xc3\xa9 \xf0\x9f\x98\x80 \"q\" /") &&
		      !tg_json_string_eq(&D, v, "caf\xc3\xa9 \xf0\x9f\x98\x80 \"q\""), "compared unescaped, whole");
	v = doc("\"ab\\u0000cd\"");
	CHECK(tg_json_read_string(&D, v, buf, sizeof(buf)) == 2 && tg_json_string_eq(&D, v, "ab"),
	      "a string reads up to its first NUL (as cJSON's valuestring)");
	v = doc("\"\\uZZZZx\"");
	CHECK(v == 0 && tg_json_read_string(&D, v, buf, sizeof(buf)) == 0, "\\u with non-hex digits reads as NUL (as cJSON)");
	v = doc("1");
	CHECK(tg_json_read_string(&D, v, buf, sizeof(buf)) == -1 && tg_json_read_string(&D, TG_JNONE, NULL, 0) == -1,
	      "no string: -1");
}

int main(void)
{
	named_cases();
	for (size_t i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++)
		mutations(seeds[i]);
	soup(400000);
	CHECK(mismatches == 0 && tried > 450000 && accepted > 200000,
	      "tg_json_doc and the readers agree with cJSON on %zu documents (%zu valid): %zu differ", tried, accepted,
	      mismatches);
	CHECK_DONE();
}
