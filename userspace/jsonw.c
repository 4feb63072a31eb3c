/*
 * jsonw.c - JSON text written straight into a buffer (see jsonw.h).
 */
#include "jsonw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tg_jw_init(struct tg_jsonw *w, struct tg_buf *b)
{
	memset(w, 0, sizeof(*w));
	w->b = b;
	w->first[0] = true;
}

static void put(struct tg_jsonw *w, const char *s, size_t n)
{
	if (tg_buf_append(w->b, s, n))
		w->failed = true;
}

/* The comma (unless first at this level) and "key": */
static void member(struct tg_jsonw *w, const char *key)
{
	if (!w->first[w->depth])
		put(w, ",", 1);
	w->first[w->depth] = false;
	if (key) {
		if (tg_json_quote(w->b, key, strlen(key)))
			w->failed = true;
		put(w, ":", 1);
	}
}

static void open_level(struct tg_jsonw *w, const char *key, char c)
{
	member(w, key);
	put(w, &c, 1);
	if (w->depth + 1 >= TG_JSONW_DEPTH) {
		w->failed = true;
		return;
	}
	w->first[++w->depth] = true;
}

static void close_level(struct tg_jsonw *w, char c)
{
	put(w, &c, 1);
	if (w->depth > 0)
		w->depth--;
}

void tg_jw_open(struct tg_jsonw *w, const char *key)
{
	open_level(w, key, '{');
}

void tg_jw_close(struct tg_jsonw *w)
{
	close_level(w, '}');
}

void tg_jw_open_array(struct tg_jsonw *w, const char *key)
{
	open_level(w, key, '[');
}

void tg_jw_close_array(struct tg_jsonw *w)
{
	close_level(w, ']');
}

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len;
	unsigned char lo = 0x80, hi = 0xBF;

	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4;
	else
		return 0;
	if (c == 0xE0)
		lo = 0xA0;
	else if (c == 0xED)
		hi = 0x9F;
	else if (c == 0xF0)
		lo = 0x90;
	else if (c == 0xF4)
		hi = 0x8F;
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return 0;
	return len;
}

int tg_json_quote(struct tg_buf *b, const char *str, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)str;
	char *o = tg_buf_reserve(b, n * 6 + 2), *start = o;
	size_t i = 0;

	if (!o)
		return -1;
	*o++ = '"';
	while (i < n) {
		unsigned char c = s[i];

		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			*o++ = (char)c;
			i++;
			continue;
		}
		if (c >= 0x80) {
			size_t len = utf8_len(s + i, n - i);

			if (len) {
				memcpy(o, s + i, len);
				o += len;
				i += len;
			} else {
				memcpy(o, "\xEF\xBF\xBD", 3); /* U+FFFD */
				o += 3;
				i++;
			}
			continue;
		}
		*o++ = '\\';
		switch (c) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '\b': *o++ = 'b'; break;
		case '\f': *o++ = 'f'; break;
		case '\n': *o++ = 'n'; break;
		case '\r': *o++ = 'r'; break;
		case '\t': *o++ = 't'; break;
		default:
			*o++ = 'u';
			*o++ = '0';
			*o++ = '0';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
		i++;
	}
	*o++ = '"';
	tg_buf_commit(b, (size_t)(o - start));
	return 0;
}

void tg_jw_strn(struct tg_jsonw *w, const char *key, const char *s, size_t n)
{
	member(w, key);
	if (tg_json_quote(w->b, s ? s : "", s ? n : 0))
		w->failed = true;
}

void tg_jw_str(struct tg_jsonw *w, const char *key, const char *s)
{
	tg_jw_strn(w, key, s, s ? strlen(s) : 0);
}

static size_t format_u64(char *out, uint64_t v)
{
	char tmp[24];
	size_t n = 0, i;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	return n;
}

void tg_jw_uint(struct tg_jsonw *w, const char *key, uint64_t v)
{
	char s[24];

	member(w, key);
	put(w, s, format_u64(s, v));
}

void tg_jw_int(struct tg_jsonw *w, const char *key, int64_t v)
{
	char s[24];
	size_t n = 0;

	member(w, key);
	if (v < 0) {
		s[n++] = '-';
		n += format_u64(s + 1, (uint64_t)0 - (uint64_t)v);
	} else {
		n = format_u64(s, (uint64_t)v);
	}
	put(w, s, n);
}

void tg_jw_double(struct tg_jsonw *w, const char *key, double v)
{
	char s[40];
	int n;

	if (isnan(v) || isinf(v)) {
		tg_jw_null(w, key);
		return;
	}
	if (v == floor(v) && fabs(v) < 1e15) {
		tg_jw_int(w, key, (int64_t)v);
		return;
	}
	member(w, key);
	n = snprintf(s, sizeof(s), "%.15g", v);
	if (strtod(s, NULL) != v)
		n = snprintf(s, sizeof(s), "%.17g", v);
	put(w, s, (size_t)n);
}

void tg_jw_millis(struct tg_jsonw *w, const char *key, uint64_t us)
{
	char s[32];
	size_t n;
	unsigned frac = (unsigned)(us % 1000);

	member(w, key);
	n = format_u64(s, us / 1000);
	if (frac) {
		s[n++] = '.';
		s[n++] = (char)('0' + frac / 100);
		s[n++] = (char)('0' + frac / 10 % 10);
		s[n++] = (char)('0' + frac % 10);
		while (s[n - 1] == '0')
			n--;
	}
	put(w, s, n);
}

void tg_jw_bool(struct tg_jsonw *w, const char *key, bool v)
{
	member(w, key);
	put(w, v ? "true" : "false", v ? 4 : 5);
}

void tg_jw_null(struct tg_jsonw *w, const char *key)
{
	member(w, key);
	put(w, "null", 4);
}

void tg_jw_raw(struct tg_jsonw *w, const char *key, const char *json, size_t n)
{
	member(w, key);
	put(w, json, n);
}
