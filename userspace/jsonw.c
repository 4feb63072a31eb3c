/*
 * jsonw.c - JSON text written straight into a buffer (see jsonw.h).
 */
#include "jsonw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "word.h"

void tg_jw_init(struct tg_jsonw *w, struct tg_buf *b)
{
	memset(w, 0, sizeof(*w));
	w->b = b;
	w->first[0] = true;
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

/* The bytes of w that cannot go out as they are: what JSON escapes, and
 * bytes >= 0x80 (checked as UTF-8). */
static uint64_t needs_look(uint64_t w)
{
	return tg_word_json_special(w) | (w & (TG_WORD_ONES * 0x80));
}

/* The bytes that go out as they are: not a control, '"', '\\' or >= 0x80. */
static const unsigned char plain[256] = {
	[0x20 ... '"' - 1] = 1, ['"' + 1 ... '\\' - 1] = 1, ['\\' + 1 ... 0x7f] = 1,
};

/* s[0..n) as a JSON string literal at o, which has room for n * 6 + 2
 * bytes (the worst case: every byte a \u00XX escape); returns its end. */
static char *quote_into(char *o, const char *str, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	*o++ = '"';
	while (i < n) {
		unsigned char c;

		/* a run of plain bytes: eight at a time while a whole word is,
		 * then one at a time (a short string, a tail, up to a special) */
		for (; i + 8 <= n && !needs_look(tg_word_load(str + i)); i += 8, o += 8)
			memcpy(o, str + i, 8);
		while (i < n && plain[s[i]])
			*o++ = (char)s[i++];
		if (i == n)
			break;
		c = s[i];
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
	return o;
}

int tg_json_quote(struct tg_buf *b, const char *str, size_t n)
{
	char *o = tg_buf_reserve(b, n * 6 + 2);

	if (!o)
		return -1;
	tg_buf_commit(b, (size_t)(quote_into(o, str, n) - o));
	return 0;
}

static void put(struct tg_jsonw *w, const char *s, size_t n)
{
	if (tg_buf_append(w->b, s, n))
		w->failed = true;
}

/*
 * Start a member: the comma (unless first at this level) and "key":, with
 * room reserved for `value` more bytes after them. Returns where the value
 * goes, or NULL (out of memory: nothing written). The writer then ends it
 * with member_end(). One reservation per member, whatever it holds.
 */
static char *member_start(struct tg_jsonw *w, const char *key, size_t value)
{
	size_t klen = key ? strlen(key) : 0;
	char *o = tg_buf_reserve(w->b, 1 + (key ? klen * 6 + 3 : 0) + value);

	if (!o) {
		w->failed = true;
		return NULL;
	}
	if (!w->first[w->depth])
		*o++ = ',';
	w->first[w->depth] = false;
	if (key) {
		o = quote_into(o, key, klen);
		*o++ = ':';
	}
	return o;
}

static void member_end(struct tg_jsonw *w, char *end)
{
	tg_buf_commit(w->b, (size_t)(end - (w->b->data + w->b->len)));
}

/* A member whose value is the n bytes at v, as they are. */
static void member_raw(struct tg_jsonw *w, const char *key, const char *v, size_t n)
{
	char *o = member_start(w, key, n);

	if (o) {
		memcpy(o, v, n);
		member_end(w, o + n);
	}
}

static void open_level(struct tg_jsonw *w, const char *key, char c)
{
	member_raw(w, key, &c, 1);
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

void tg_jw_strn(struct tg_jsonw *w, const char *key, const char *s, size_t n)
{
	char *o;

	if (!s)
		n = 0;
	if ((o = member_start(w, key, n * 6 + 2)))
		member_end(w, quote_into(o, s ? s : "", n));
}

void tg_jw_str(struct tg_jsonw *w, const char *key, const char *s)
{
	tg_jw_strn(w, key, s, s ? strlen(s) : 0);
}

void tg_jw_uint(struct tg_jsonw *w, const char *key, uint64_t v)
{
	char *o = member_start(w, key, 20);

	if (o)
		member_end(w, o + tg_fmt_u64(o, v));
}

void tg_jw_int(struct tg_jsonw *w, const char *key, int64_t v)
{
	char *o = member_start(w, key, 21);

	if (!o)
		return;
	if (v < 0) {
		*o++ = '-';
		o += tg_fmt_u64(o, (uint64_t)0 - (uint64_t)v);
	} else {
		o += tg_fmt_u64(o, (uint64_t)v);
	}
	member_end(w, o);
}

/*
 * What "%.15g" prints for v when v is the double nearest to a whole number
 * of billionths, n / 1e9 with 0 < |n| < 10^15 (costs in USD, milliseconds
 * from microseconds: what calls are made of), without printf; 0 for other
 * values. Such a v is within half an ulp of n * 10^-9, far less than half
 * a unit in its 15th digit, so %.15g rounds it to exactly those digits,
 * and they read back as v (strtod rounds correctly). %g then writes them
 * in fixed notation, or d.ddde-XX below 10^-4, without trailing zeros.
 */
static size_t billionths(double v, char *out)
{
	char d[20], *o = out;
	long long n;
	uint64_t a;
	size_t k, frac, lead;
	int exp10;

	if (!(fabs(v) < 1e6))
		return 0;
	n = llround(v * 1e9);
	if (n == 0 || (double)n / 1e9 != v)
		return 0;
	if (n < 0)
		*o++ = '-';
	a = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
	k = tg_fmt_u64(d, a);          /* |n| < 10^15: at most 15 digits */
	exp10 = (int)k - 10;           /* the power of ten of the first digit */
	while (k > 1 && d[k - 1] == '0')
		k--;                   /* the significant digits: d[0..k) */
	if (exp10 < -4) {
		*o++ = d[0];
		if (k > 1) {
			*o++ = '.';
			memcpy(o, d + 1, k - 1);
			o += k - 1;
		}
		memcpy(o, "e-0", 3);
		o[2] = (char)('0' + -exp10 / 10);
		o[3] = (char)('0' + -exp10 % 10);
		return (size_t)(o + 4 - out);
	}
	if (exp10 < 0) { /* 0.000ddd */
		lead = (size_t)(-exp10 - 1);
		memcpy(o, "0.0000", 2 + lead);
		o += 2 + lead;
		memcpy(o, d, k);
		return (size_t)(o + k - out);
	}
	/* ddd.ddd: exp10 + 1 digits before the point (k > exp10 + 1: not whole) */
	frac = k - (size_t)(exp10 + 1);
	memcpy(o, d, (size_t)exp10 + 1);
	o += exp10 + 1;
	*o++ = '.';
	memcpy(o, d + exp10 + 1, frac);
	return (size_t)(o + frac - out);
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
	if ((n = (int)billionths(v, s))) {
		member_raw(w, key, s, (size_t)n);
		return;
	}
	n = snprintf(s, sizeof(s), "%.15g", v);
	if (strtod(s, NULL) != v)
		n = snprintf(s, sizeof(s), "%.17g", v);
	member_raw(w, key, s, (size_t)n);
}

void tg_jw_millis(struct tg_jsonw *w, const char *key, uint64_t us)
{
	char s[32];
	size_t n;
	unsigned frac = (unsigned)(us % 1000);

	n = tg_fmt_u64(s, us / 1000);
	if (frac) {
		s[n++] = '.';
		s[n++] = (char)('0' + frac / 100);
		s[n++] = (char)('0' + frac / 10 % 10);
		s[n++] = (char)('0' + frac % 10);
		while (s[n - 1] == '0')
			n--;
	}
	member_raw(w, key, s, n);
}

void tg_jw_bool(struct tg_jsonw *w, const char *key, bool v)
{
	member_raw(w, key, v ? "true" : "false", v ? 4 : 5);
}

void tg_jw_null(struct tg_jsonw *w, const char *key)
{
	member_raw(w, key, "null", 4);
}

void tg_jw_raw(struct tg_jsonw *w, const char *key, const char *json, size_t n)
{
	member_raw(w, key, json, n);
}
