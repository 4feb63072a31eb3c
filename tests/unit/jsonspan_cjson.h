/*
 * jsonspan_cjson.h - does jsonspan read a document as cJSON does? Shared by
 * tests/unit/test_jsonspan.c and tests/fuzz/fuzz_jsonspan.c.
 *
 * jsonspan_agrees(s, n) checks s with tg_json_doc and parses it with
 * cJSON_ParseWithLength. They agree when both refuse it, or both accept it
 * and read the same thing: each value's type, each member found by key
 * (the first of repeated keys, by tg_json_get, tg_json_get_many and
 * tg_json_member), the children in order, every string as cJSON's
 * valuestring, every number as a count (0..max, fraction dropped) for three
 * maxima; and the containers tg_json_doc noted end where scanning says.
 * When they do not, jsonspan_why says where.
 */
#ifndef TG_JSONSPAN_CJSON_H
#define TG_JSONSPAN_CJSON_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "jsonspan.h"

static char jsonspan_why[512];

/* Say why they differ; false. */
__attribute__((format(printf, 1, 2))) static bool differ(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(jsonspan_why, sizeof(jsonspan_why), fmt, ap);
	va_end(ap);
	return false;
}

#define COUNT_MAX 1000000000000000ull /* the metering stage's bound on a count (1e15) */
#define OTHER_KEY "\x01no such key"     /* a key looked up in every object (usually absent) */

/* cJSON's reading of a count, as usage.c's old get_count did it (which
 * used max 1e15; from 2^64 up, no count fits). */
static bool cjson_count(const cJSON *x, uint64_t max, uint64_t *out)
{
	if (!cJSON_IsNumber(x) || x->valuedouble < 0 || x->valuedouble > (double)max ||
	    x->valuedouble >= 18446744073709551616.0)
		return false;
	*out = (uint64_t)x->valuedouble;
	return true;
}

/* Does our reading of the value at v agree with cJSON's item x (and so on down)? */
static bool same(const struct tg_jdoc *d, size_t v, const cJSON *x)
{
	enum tg_jtype t = tg_json_type(d, v);

	if (cJSON_IsNull(x) || cJSON_IsFalse(x) || cJSON_IsTrue(x)) {
		enum tg_jtype want = cJSON_IsNull(x) ? TG_JSON_NULL : cJSON_IsFalse(x) ? TG_JSON_FALSE : TG_JSON_TRUE;

		if (t != want)
			return differ("literal at %zu: type %d", v, t);
		return true;
	}
	if (cJSON_IsNumber(x)) {
		static const uint64_t maxes[] = {COUNT_MAX, 100, UINT64_MAX};

		if (t != TG_JSON_NUMBER)
			return differ("number at %zu: type %d", v, t);
		for (size_t k = 0; k < 3; k++) {
			uint64_t a = 7, b = 7;
			bool ra = tg_json_read_uint(d, v, maxes[k], &a), rb = cjson_count(x, maxes[k], &b);

			if (ra != rb || a != b)
				return differ("number at %zu (max %llu): %d %llu, cJSON %d %llu (%.17g)", v,
					      (unsigned long long)maxes[k], ra, (unsigned long long)a, rb,
					      (unsigned long long)b, x->valuedouble);
		}
		return true;
	}
	if (cJSON_IsString(x)) {
		static char buf[1 << 16];
		char small[4];
		ssize_t len = tg_json_read_string(d, v, buf, sizeof(buf));
		ssize_t len2 = tg_json_read_string(d, v, small, sizeof(small));

		if (len != (ssize_t)strlen(x->valuestring) || strncmp(buf, x->valuestring, sizeof(buf) - 1) != 0 ||
		    len2 != len || strncmp(small, x->valuestring, 3) != 0 ||
		    strlen(small) != (len < 3 ? (size_t)len : 3) || !tg_json_string_eq(d, v, x->valuestring) ||
		    tg_json_read_string(d, v, NULL, 0) != len)
			return differ("string at %zu: %zd \"%.40s\", cJSON \"%.40s\"", v, len, buf, x->valuestring);
		return true;
	}
	if (cJSON_IsArray(x) || cJSON_IsObject(x)) {
		const cJSON *c;
		size_t at = tg_json_first(d, v);

		if (t != (cJSON_IsArray(x) ? TG_JSON_ARRAY : TG_JSON_OBJECT))
			return differ("container at %zu: type %d", v, t);
		cJSON_ArrayForEach(c, x) {
			if (at == TG_JNONE)
				return differ("container at %zu: children end early", v);
			if (!same(d, at, c))
				return false;
			if (c->string && cJSON_GetObjectItemCaseSensitive(x, c->string) == c) {
				const char *keys[2] = {c->string, OTHER_KEY};
				size_t vals[2];
				struct tg_jmember m;

				tg_json_get_many(d, v, keys, 2, vals);
				if (tg_json_get(d, v, c->string) != at || vals[0] != at ||
				    vals[1] != tg_json_get(d, v, OTHER_KEY) ||
				    tg_json_member(d->s, d->n, v, c->string, &m) != 1 || m.value != at)
					return differ("object at %zu: key \"%.40s\" not at %zu", v, c->string, at);
			}
			at = tg_json_next(d, at);
		}
		if (at != TG_JNONE)
			return differ("container at %zu: more children than cJSON's", v);
		if ((tg_json_get(d, v, OTHER_KEY) == TG_JNONE) != !cJSON_GetObjectItemCaseSensitive(x, OTHER_KEY))
			return differ("object at %zu: an absent key found", v);
		return true;
	}
	return differ("cJSON type %d", x->type);
}

/* valid: set to whether cJSON accepted s. */
static bool jsonspan_agrees(const char *s, size_t n, bool *valid)
{
	cJSON *x = cJSON_ParseWithLength(s, n);
	struct tg_jdoc d;
	size_t v = tg_json_doc(&d, s, n);
	bool ok;

	jsonspan_why[0] = 0;
	*valid = x != NULL;
	if (!x || v == TG_JNONE) {
		ok = !x && v == TG_JNONE;
		if (!ok)
			differ("cJSON %s it, tg_json_doc %s it", x ? "accepts" : "refuses",
			       v != TG_JNONE ? "accepts" : "refuses");
	} else {
		ok = same(&d, v, x);
		for (uint32_t k = 0; ok && k < d.nspans; k++) {
			ok = (k == 0 || d.spans[k].from > d.spans[k - 1].from) &&
			     tg_json_skip_value(s, n, d.spans[k].from) == d.spans[k].to;
			if (!ok)
				differ("span %u: %u..%u", k, d.spans[k].from, d.spans[k].to);
		}
	}
	cJSON_Delete(x);
	return ok;
}

#endif
