/*
 * test_jsonw.c - the JSON writer (jsonw.c): commas and nesting, string
 * escaping (control characters, quotes, invalid UTF-8), numbers printed as
 * cJSON prints them; and a request-log line (reqlog.c), which it formats,
 * parsed back with every field.
 */
#include <arpa/inet.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "check.h"
#include "jsonw.h"
#include "reqlog.h"

/* What tg_json_quote should write for an ASCII-or-control byte string (no
 * byte >= 0x80), one byte at a time: the reference for its fast path. */
static void quote_ref(const unsigned char *s, size_t n, struct tg_buf *out)
{
	char e[8];

	tg_buf_append(out, "\"", 1);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"' || s[i] == '\\') {
			e[0] = '\\', e[1] = (char)s[i];
			tg_buf_append(out, e, 2);
		} else if (s[i] < 0x20) {
			static const char esc[] = {['\b'] = 'b', ['\f'] = 'f', ['\n'] = 'n', ['\r'] = 'r', ['\t'] = 't'};

			if (s[i] < sizeof(esc) && esc[s[i]]) {
				e[0] = '\\', e[1] = esc[s[i]];
				tg_buf_append(out, e, 2);
			} else {
				snprintf(e, sizeof(e), "\\u%04x", s[i]);
				tg_buf_append(out, e, 6);
			}
		} else {
			tg_buf_append(out, &s[i], 1);
		}
	}
	tg_buf_append(out, "\"", 1);
}

/* What tg_jw_double writes for v, NUL-terminated in out. */
static const char *dbl(double v, struct tg_buf *b)
{
	struct tg_jsonw w;

	tg_buf_reset(b);
	tg_jw_init(&w, b);
	tg_jw_double(&w, NULL, v);
	tg_buf_append(b, "", 1);
	return tg_buf_start(b);
}

/* What cJSON prints for v. */
static bool same_as_cjson(double v, struct tg_buf *b)
{
	cJSON *n = cJSON_CreateNumber(v);
	char *s = cJSON_PrintUnformatted(n);
	bool same = strcmp(s, dbl(v, b)) == 0;

	if (!same)
		printf("# %.17g: cJSON %s, jsonw %s\n", v, s, dbl(v, b));
	free(s);
	cJSON_Delete(n);
	return same;
}

static const char *ms(uint64_t us, struct tg_buf *b)
{
	struct tg_jsonw w;

	tg_buf_reset(b);
	tg_jw_init(&w, b);
	tg_jw_millis(&w, NULL, us);
	tg_buf_append(b, "", 1);
	return tg_buf_start(b);
}

int main(void)
{
	struct tg_buf b = {0};
	struct tg_jsonw w;
	cJSON *o;

	tg_jw_init(&w, &b);
	tg_jw_open(&w, NULL);
	tg_jw_str(&w, "a", "x");
	tg_jw_int(&w, "b", -42);
	tg_jw_open_array(&w, "c");
	tg_jw_uint(&w, NULL, 18446744073709551615ull);
	tg_jw_bool(&w, NULL, true);
	tg_jw_null(&w, NULL);
	tg_jw_open(&w, NULL);
	tg_jw_close(&w);
	tg_jw_close_array(&w);
	tg_jw_open(&w, "d");
	tg_jw_raw(&w, "e", "[1,2]", 5);
	tg_jw_close(&w);
	tg_jw_str(&w, "f", NULL);
	tg_jw_close(&w);
	tg_buf_append(&b, "", 1);
	CHECK(strcmp(tg_buf_start(&b),
		     "{\"a\":\"x\",\"b\":-42,\"c\":[18446744073709551615,true,null,{}],\"d\":{\"e\":[1,2]},\"f\":\"\"}") == 0 &&
		      !w.failed, "commas, nesting, arrays, raw values: %s", tg_buf_start(&b));

	/* strings: every byte string becomes valid JSON that reads back as intended */
	{
		const char in[] = "q\"b\\s/\n\r\t\b\f\x01\x1f é € 😀 \xff\xc3 \xed\xa0\x80 end";
		const char want[] = "q\"b\\s/\n\r\t\b\f\x01\x1f é € 😀 \xEF\xBF\xBD\xEF\xBF\xBD "
				    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD end";

		tg_buf_reset(&b);
		tg_json_quote(&b, in, sizeof(in) - 1);
		tg_buf_append(&b, "", 1);
		o = cJSON_Parse(tg_buf_start(&b));
		CHECK(o && cJSON_IsString(o) && strcmp(o->valuestring, want) == 0,
		      "quotes, backslashes, control characters escaped; UTF-8 kept; invalid bytes -> U+FFFD: %s",
		      tg_buf_start(&b));
		CHECK(strstr(tg_buf_start(&b), "\\u0001") && strstr(tg_buf_start(&b), "\\n"), "\\n and \\u0001 escapes");
		cJSON_Delete(o);
	}

	/* strings: eight bytes at a time until one needs a look; every byte
	 * value below 0x80 at every place of every length up to 20 */
	{
		struct tg_buf want = {0};
		unsigned char in[20];
		size_t bad = 0, tried = 0;

		for (size_t len = 1; len <= sizeof(in); len++)
			for (size_t at = 0; at < len; at++)
				for (unsigned v = 0; v < 0x80; v++) {
					memset(in, 'a' + (int)(len % 26), sizeof(in));
					in[at] = (unsigned char)v;
					tg_buf_reset(&b);
					tg_buf_reset(&want);
					tg_json_quote(&b, (const char *)in, len);
					quote_ref(in, len, &want);
					tried++;
					bad += tg_buf_used(&b) != tg_buf_used(&want) ||
					       memcmp(tg_buf_start(&b), tg_buf_start(&want), tg_buf_used(&b)) != 0;
				}
		CHECK(bad == 0, "every byte below 0x80 at every place of 1 to 20 bytes is quoted as byte by byte "
		      "(%zu of %zu differ)", bad, tried);
		/* and a non-ASCII byte stops the run too: é after 9 plain bytes, a bad byte after 17 */
		tg_buf_reset(&b);
		tg_json_quote(&b, "abcdefghi\xc3\xa9jklmnopq\xffz", 21);
		CHECK(tg_buf_used(&b) == 25 && memcmp(tg_buf_start(&b), "\"abcdefghi\xc3\xa9jklmnopq\xef\xbf\xbdz\"", 25) == 0,
		      "UTF-8 kept and an invalid byte replaced in the middle of runs");
		tg_buf_free(&want);
	}

	/* numbers: as cJSON prints them, except that they always read back exactly
	 * (cJSON rounds to 15 digits some values that need 17) */
	{
		double vs[] = {0, 1, -1, 0.5, 0.000055, 5.5e-05, 1e-9, 123.456, 1700000000123.0, 2.5e15, 1e300,
			       -0.000123, 1.0 / 3.0, 42.0 / 1e9};
		double exact[] = {0.1 + 0.2, 9007199254740993.0, 1.0 / 3.0, 2.5e15 + 1, 1e-300};
		bool all = true;

		for (size_t i = 0; i < TG_ARRAY_LEN(vs); i++)
			all &= same_as_cjson(vs[i], &b);
		CHECK(all, "doubles print as cJSON prints them");
		all = true;
		for (size_t i = 0; i < TG_ARRAY_LEN(exact); i++)
			all &= strtod(dbl(exact[i], &b), NULL) == exact[i];
		CHECK(all, "... and read back exactly");
		CHECK(strcmp(dbl(NAN, &b), "null") == 0 && strcmp(dbl(INFINITY, &b), "null") == 0, "NaN and inf: null");
	}
	/* whole numbers of billionths (costs, milliseconds) print without printf: the same text,
	 * at every magnitude from 1e-9 to 1e6, both signs, with and without trailing zeros */
	{
		bool all = true;
		uint32_t x = 12345;
		int tried = 0;

		for (int digits = 1; digits <= 15 && all; digits++) {
			for (int i = 0; i < 4000 && all; i++) {
				long long n = 0;

				for (int d = 0; d < digits; d++) {
					x = x * 1103515245u + 12345u;
					n = n * 10 + (long long)((x >> 16) % 10);
				}
				if (i % 3 == 0)
					n -= n % 1000; /* trailing zeros */
				if (i % 2)
					n = -n;
				all &= same_as_cjson((double)n / 1e9, &b);
				tried++;
			}
		}
		CHECK(all, "%d multiples of 1e-9 print as cJSON prints them", tried);
	}
	CHECK(strcmp(ms(1234, &b), "1.234") == 0 && strcmp(ms(1500, &b), "1.5") == 0 && strcmp(ms(2000, &b), "2") == 0 &&
		      strcmp(ms(7, &b), "0.007") == 0 && strcmp(ms(0, &b), "0") == 0,
	      "microseconds as milliseconds");
	{
		bool all = true;

		for (uint64_t us = 0; us < 200000; us += 37) {
			struct tg_buf c = {0};

			all &= strcmp(ms(us, &b), dbl((double)us / 1000.0, &c)) == 0;
			tg_buf_free(&c);
		}
		CHECK(all, "... the same text as the double us / 1000.0");
	}

	/* a request-log line */
	{
		struct tg_provider p = {.name = "openai", .shape = TG_API_OPENAI};
		struct tg_origin org = {.tgid = 4321, .uid = 1000};
		struct tg_call call;
		const char *target = "/v1/chat/completions?key=SECRET";
		cJSON *u;

		memset(&call, 0, sizeof(call));
		strcpy(org.comm, "ag\"ent\n");
		call.origin = &org;
		call.cgroup_path = "/agents/a";
		call.provider = &p;
		call.host = "api.openai.com";
		call.req.method = "POST";
		call.req.method_len = 4;
		call.req.target = target;
		call.req.target_len = strlen(target);
		strcpy(call.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
		strcpy(call.span_id, "00f067aa0ba902b7");
		strcpy(call.key_fp, "3f9a1c2e-wxyz");
		strcpy(call.operation, "chat");
		strcpy(call.model, "gpt-4o");
		call.usage.input_tokens = 12;
		call.usage.output_tokens = 5;
		strcpy(call.usage.finish_reasons, "stop");
		call.cost_usd = 0.000055;
		strcpy(call.budgets, "host");
		strcpy(call.redactions[0].type, "email");
		call.redactions[0].count = 2;
		call.nredactions = 1;
		call.start_wall_ms = 1700000000123;
		call.start_us = 1000;
		call.first_byte_us = 1250;
		call.end_us = 3500;
		call.status = 200;
		call.bytes_from_client = 300;
		call.bytes_to_client = 700;
		tg_buf_reset(&b);
		CHECK(tg_reqlog_format(&call, &b) == 0, "a request-log line is formatted");
		tg_buf_append(&b, "", 1);
		o = cJSON_Parse(tg_buf_start(&b));
		u = cJSON_GetObjectItem(o, "usage");
		CHECK(o && strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(o, "time")), "2023-11-14T22:13:20.123Z") == 0 &&
			      strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(o, "comm")), "ag\"ent\n") == 0 &&
			      strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(o, "path")), "/v1/chat/completions") == 0 &&
			      cJSON_GetNumberValue(cJSON_GetObjectItem(o, "pid")) == 4321 &&
			      cJSON_GetNumberValue(cJSON_GetObjectItem(o, "latency_ms")) == 2.5 &&
			      cJSON_GetNumberValue(cJSON_GetObjectItem(o, "ttfb_ms")) == 0.25 &&
			      cJSON_GetNumberValue(cJSON_GetObjectItem(o, "cost_usd")) == 0.000055 &&
			      cJSON_GetNumberValue(cJSON_GetObjectItem(u, "input_tokens")) == 12 &&
			      cJSON_IsFalse(cJSON_GetObjectItem(u, "estimated")) &&
			      cJSON_GetNumberValue(cJSON_GetObjectItem(cJSON_GetObjectItem(o, "redactions"), "email")) == 2 &&
			      cJSON_IsFalse(cJSON_GetObjectItem(o, "upstream_reused")) && !cJSON_GetObjectItem(o, "error"),
		      "it parses back with its fields: %s", tg_buf_start(&b));
		CHECK(!strstr(tg_buf_start(&b), "SECRET"), "no query string in the log");
		{
			static const char *const keys[] = {
				"time", "trace_id", "span_id", "cgroup", "pid", "comm", "uid", "key_fp", "provider", "host",
				"method", "path", "status", "outcome", "bytes_in", "bytes_out", "upstream_bytes_out",
				"upstream_bytes_in", "latency_ms", "ttfb_ms", "upstream_reused", "operation", "model",
				"response_model", "stream", "usage", "cost_usd", "budgets", "redactions"};
			const cJSON *it = o ? o->child : NULL;
			bool in_order = true;

			for (size_t i = 0; i < TG_ARRAY_LEN(keys); i++, it = it ? it->next : NULL)
				in_order &= it && strcmp(it->string, keys[i]) == 0;
			CHECK(in_order && !it, "every field, in the documented order");
		}
		cJSON_Delete(o);
	}
	tg_buf_free(&b);
	CHECK_DONE();
}
