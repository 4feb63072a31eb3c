/*
 * jsonspan.c - read and edit JSON in place (see jsonspan.h).
 */
#include "jsonspan.h"

#include <stdlib.h>
#include <string.h>

#include "word.h"

#define SPAN_LEVELS 3     /* tg_json_doc notes containers this many levels below the top */
#define NUMBER_COPY 128   /* a longer number is copied to the heap for strtod */
#define MAX_MANY 32       /* keys looked up per pass by tg_json_get_many */

static bool is_ws(char c)
{
	return (unsigned char)c <= ' ';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* ---- scanning bytes (a word at a time: word.h) ------------------------------ */

/* The first offset at or after i holding '"' or a backslash (n if none). */
static size_t find_quote_or_backslash(const char *s, size_t n, size_t i)
{
	return tg_word_find2(s, n, i, '"', '\\');
}

/* The first offset at or after i holding '"', '[', ']', '{' or '}' (n if none). */
static size_t find_structural(const char *s, size_t n, size_t i)
{
	for (; i + 8 <= n; i += 8) {
		uint64_t w = tg_word_load(s + i), b = w | (TG_WORD_ONES * 0x20); /* '[' ']' become '{' '}' */
		uint64_t m = tg_word_eq(w, '"') | tg_word_eq(b, '{') | tg_word_eq(b, '}');

		if (m)
			return i + tg_word_first(m);
	}
	while (i < n && s[i] != '"' && (s[i] | 0x20) != '{' && (s[i] | 0x20) != '}')
		i++;
	return i;
}

size_t tg_json_skip_ws(const char *s, size_t n, size_t i)
{
	while (i < n && is_ws(s[i]))
		i++;
	return i;
}

/* ---- strings --------------------------------------------------------------- */

/* Past a string whose opening quote is at i, or 0 if it does not end. A
 * backslash escapes the byte after it; *escaped (if not NULL) says whether
 * there was one. */
static size_t skip_string(const char *s, size_t n, size_t i, bool *escaped)
{
	if (escaped)
		*escaped = false;
	for (i++;; i += 2) {
		i = find_quote_or_backslash(s, n, i);
		if (i >= n)
			return 0;
		if (s[i] == '"')
			return i + 1;
		if (escaped)
			*escaped = true;
	}
}

/* Four hex digits; anything else reads as 0, as in cJSON. */
static unsigned hex4(const char *p)
{
	unsigned h = 0;

	for (int k = 0; k < 4; k++) {
		char c = p[k];

		if (c >= '0' && c <= '9')
			h = h << 4 | (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			h = h << 4 | (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			h = h << 4 | (unsigned)(c - 'A' + 10);
		else
			return 0;
	}
	return h;
}

static bool is_hex4(const char *p)
{
	for (int k = 0; k < 4; k++)
		if (!is_digit(p[k]) && !((p[k] | 0x20) >= 'a' && (p[k] | 0x20) <= 'f'))
			return false;
	return true;
}

/* The escape sequence at s[i] (a backslash) of a string whose closing quote
 * is at end: its UTF-8 into out (*len bytes). Returns the offset past it,
 * or 0 when it is invalid. */
static size_t unescape(const char *s, size_t i, size_t end, unsigned char out[4], size_t *len)
{
	unsigned long cp;
	size_t next = i + 6;

	*len = 1;
	switch (s[i + 1]) {
	case 'b': out[0] = '\b'; return i + 2;
	case 'f': out[0] = '\f'; return i + 2;
	case 'n': out[0] = '\n'; return i + 2;
	case 'r': out[0] = '\r'; return i + 2;
	case 't': out[0] = '\t'; return i + 2;
	case '"':
	case '\\':
	case '/': out[0] = (unsigned char)s[i + 1]; return i + 2;
	case 'u': break;
	default: return 0;
	}
	if (end - i < 6)
		return 0;
	cp = hex4(s + i + 2);
	if (cp >= 0xDC00 && cp <= 0xDFFF)
		return 0; /* a low surrogate first */
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		unsigned lo;

		if (end - next < 6 || s[next] != '\\' || s[next + 1] != 'u')
			return 0;
		lo = hex4(s + next + 2);
		if (lo < 0xDC00 || lo > 0xDFFF)
			return 0;
		cp = 0x10000 + (((cp & 0x3FF) << 10) | (lo & 0x3FF));
		next += 6;
	}
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
	} else if (cp < 0x800) {
		out[0] = (unsigned char)(0xC0 | cp >> 6);
		out[1] = (unsigned char)(0x80 | (cp & 0x3F));
		*len = 2;
	} else if (cp < 0x10000) {
		out[0] = (unsigned char)(0xE0 | cp >> 12);
		out[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (unsigned char)(0x80 | (cp & 0x3F));
		*len = 3;
	} else {
		out[0] = (unsigned char)(0xF0 | cp >> 18);
		out[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
		out[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		out[3] = (unsigned char)(0x80 | (cp & 0x3F));
		*len = 4;
	}
	return next;
}

/*
 * Walk the unescaped bytes of the string between i (just past its opening
 * quote) and end (its closing quote), as a C string: up to the first NUL.
 * Each call gives the next byte in *c and returns 1; 0 at the end; -1 on a
 * bad escape. pend holds the rest of a multi-byte escape.
 */
struct str_walk {
	const char *s;
	size_t i, end;
	unsigned char pend[4];
	size_t plen, pat;
};

static int walk_byte(struct str_walk *w, unsigned char *c)
{
	if (w->pat < w->plen) {
		*c = w->pend[w->pat++];
	} else if (w->i >= w->end) {
		return 0;
	} else if (w->s[w->i] != '\\') {
		*c = (unsigned char)w->s[w->i++];
	} else {
		w->i = unescape(w->s, w->i, w->end, w->pend, &w->plen);
		if (!w->i)
			return -1;
		*c = w->pend[0];
		w->pat = 1;
	}
	return *c ? 1 : 0;
}

/* Does the string between i and end (as above) read as lit (litlen bytes)?
 * escaped: it has a backslash. */
static bool str_eq(const char *s, size_t i, size_t end, bool escaped, const char *lit, size_t litlen)
{
	struct str_walk w = {.s = s, .i = i, .end = end};
	unsigned char c;
	size_t k = 0;

	if (end - i < litlen)
		return false; /* unescaping only shortens */
	if (!escaped) { /* the bytes as they are, up to a NUL */
		if (end - i != litlen && s[i + litlen] != 0)
			return false;
		return memcmp(s + i, lit, litlen) == 0;
	}
	while (walk_byte(&w, &c) == 1) {
		if (k == litlen || (char)c != lit[k])
			return false;
		k++;
	}
	return w.i != 0 && k == litlen;
}

/* check_string the way cJSON does it: find the end (a backslash skips one
 * byte), then unescape what is in between. */
static size_t check_string_exactly(const char *s, size_t n, size_t i)
{
	size_t end = skip_string(s, n, i, NULL), q;
	const char *b;

	if (!end)
		return 0;
	q = end - 1; /* the closing quote */
	for (i++; i < q && (b = memchr(s + i, '\\', q - i));) {
		unsigned char u[4];
		size_t len;

		i = unescape(s, (size_t)(b - s), q, u, &len);
		if (!i)
			return 0;
	}
	return end;
}

/* Past the string at i, its escapes checked; 0 if it is malformed. One pass:
 * the usual escapes end and unescape the same way, so they are checked on
 * the way to the end; a \u without four hex digits (where the two ways
 * part) sends the string to check_string_exactly. */
static size_t check_string(const char *s, size_t n, size_t i)
{
	size_t start = i;
	unsigned cp, lo;

	for (i++;;) {
		i = find_quote_or_backslash(s, n, i);
		if (i < n && s[i] == '"')
			return i + 1;
		if (i + 1 >= n)
			return 0;
		switch (s[i + 1]) {
		case 'b': case 'f': case 'n': case 'r': case 't': case '"': case '\\': case '/':
			i += 2;
			continue;
		case 'u':
			break;
		default:
			return 0;
		}
		if (n - i < 6 || !is_hex4(s + i + 2))
			return check_string_exactly(s, n, start);
		cp = hex4(s + i + 2);
		if (cp >= 0xDC00 && cp <= 0xDFFF)
			return 0; /* a low surrogate first */
		if (cp < 0xD800 || cp > 0xDBFF) {
			i += 6;
			continue;
		}
		/* a high surrogate: a low one must follow */
		if (n - i < 12 || s[i + 6] != '\\' || s[i + 7] != 'u' || !is_hex4(s + i + 8))
			return 0;
		lo = hex4(s + i + 8);
		if (lo < 0xDC00 || lo > 0xDFFF)
			return 0;
		i += 12;
	}
}

/* ---- numbers --------------------------------------------------------------- */

/* Past the number at i, as far as strtod reads it (cJSON hands it the run
 * of characters from "0123456789+-eE."): a sign, digits with at most one
 * '.', an exponent if it has digits. 0 when it reads nothing. */
static size_t number_end(const char *s, size_t n, size_t i)
{
	size_t digits = 0, k;

	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < n && is_digit(s[i]); i++)
		digits++;
	if (i < n && s[i] == '.')
		for (i++; i < n && is_digit(s[i]); i++)
			digits++;
	if (!digits)
		return 0;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		k = i + 1;
		if (k < n && (s[k] == '+' || s[k] == '-'))
			k++;
		if (k < n && is_digit(s[k])) {
			while (k < n && is_digit(s[k]))
				k++;
			i = k;
		}
	}
	return i;
}

/* ---- checking a document ---------------------------------------------------- */

static size_t check_value(struct tg_jdoc *d, size_t i, unsigned depth);

/* Past the array or object at i, everything in it checked; 0 if malformed.
 * Notes where it ends in d->spans if it is near the top. */
static size_t check_container(struct tg_jdoc *d, size_t i, unsigned depth)
{
	const char *s = d->s;
	size_t n = d->n;
	bool object = s[i] == '{';
	char close = object ? '}' : ']';
	uint32_t slot = d->nspans;
	bool noted = depth <= SPAN_LEVELS && slot < TG_JDOC_SPANS && n <= UINT32_MAX;

	if (depth >= TG_JSON_SPAN_MAX_DEPTH)
		return 0;
	if (noted) {
		d->spans[slot].from = (uint32_t)i;
		d->nspans++;
	}
	i = tg_json_skip_ws(s, n, i + 1);
	if (i >= n || s[i] != close) {
		for (;;) {
			if (object) {
				if (i >= n || s[i] != '"' || !(i = check_string(s, n, i)))
					return 0;
				i = tg_json_skip_ws(s, n, i);
				if (i >= n || s[i] != ':')
					return 0;
				i = tg_json_skip_ws(s, n, i + 1);
			}
			i = check_value(d, i, depth + 1);
			if (!i)
				return 0;
			i = tg_json_skip_ws(s, n, i);
			if (i >= n || (s[i] != ',' && s[i] != close))
				return 0;
			if (s[i] == close)
				break;
			i = tg_json_skip_ws(s, n, i + 1);
		}
	}
	if (noted)
		d->spans[slot].to = (uint32_t)(i + 1);
	return i + 1;
}

/* Past the value at i, checked; 0 if malformed. */
static size_t check_value(struct tg_jdoc *d, size_t i, unsigned depth)
{
	const char *s = d->s;
	size_t n = d->n;

	if (i >= n)
		return 0;
	switch (s[i]) {
	case 'n': return n - i >= 4 && memcmp(s + i, "null", 4) == 0 ? i + 4 : 0;
	case 'f': return n - i >= 5 && memcmp(s + i, "false", 5) == 0 ? i + 5 : 0;
	case 't': return n - i >= 4 && memcmp(s + i, "true", 4) == 0 ? i + 4 : 0;
	case '"': return check_string(s, n, i);
	case '[':
	case '{': return check_container(d, i, depth);
	case '-': return number_end(s, n, i);
	default: return is_digit(s[i]) ? number_end(s, n, i) : 0;
	}
}

size_t tg_json_doc(struct tg_jdoc *d, const char *s, size_t n)
{
	size_t i = 0;

	d->s = s;
	d->n = s ? n : 0;
	d->nspans = 0;
	if (d->n > 4 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3; /* a UTF-8 byte order mark */
	i = tg_json_skip_ws(s, d->n, i);
	if (!check_value(d, i, 0)) {
		d->n = 0;
		d->nspans = 0;
		return TG_JNONE;
	}
	return i;
}

/* ---- skipping values --------------------------------------------------------- */

size_t tg_json_skip_value(const char *s, size_t n, size_t i)
{
	int depth = 0;

	if (i >= n)
		return 0;
	if (s[i] == '"')
		return skip_string(s, n, i, NULL);
	if (s[i] != '{' && s[i] != '[') {
		size_t start = i;

		while (i < n && s[i] != ',' && s[i] != '}' && s[i] != ']' && !is_ws(s[i]))
			i++;
		return i > start ? i : 0;
	}
	for (;;) {
		i = find_structural(s, n, i);
		if (i >= n)
			return 0;
		if (s[i] == '"') {
			i = skip_string(s, n, i, NULL);
			if (!i)
				return 0;
			continue;
		}
		if (s[i] == '{' || s[i] == '[') {
			if (++depth > TG_JSON_SPAN_MAX_DEPTH)
				return 0;
		} else if (--depth == 0) {
			return i + 1;
		}
		i++;
	}
}

/* Past the value at i: a container tg_json_doc noted in d (if not NULL)
 * in one step, anything else by scanning. */
static size_t skip(const char *s, size_t n, const struct tg_jdoc *d, size_t i)
{
	if (d && i < n && (s[i] == '{' || s[i] == '[')) {
		uint32_t lo = 0, hi = d->nspans;

		while (lo < hi) {
			uint32_t mid = lo + (hi - lo) / 2;

			if (d->spans[mid].from < i)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < d->nspans && d->spans[lo].from == i)
			return d->spans[lo].to;
	}
	return tg_json_skip_value(s, n, i);
}

/* ---- members ----------------------------------------------------------------- */

/*
 * One pass over the members of the object at obj (whitespace before it
 * skipped): found[k] is the first member whose key reads as keys[k]
 * (found[k].key = TG_JNONE if none). Stops once all are found. Returns how
 * many were found, or -1 if the object is malformed before that.
 */
static int find_members(const char *s, size_t n, const struct tg_jdoc *d, size_t obj, const char *const *keys,
			size_t nkeys, struct tg_jmember *found, bool *repeated)
{
	size_t lens[MAX_MANY], left = nkeys, i = tg_json_skip_ws(s, n, obj);

	for (size_t k = 0; k < nkeys; k++) {
		found[k].key = TG_JNONE;
		lens[k] = strlen(keys[k]);
	}
	if (i >= n || s[i] != '{')
		return -1;
	i = tg_json_skip_ws(s, n, i + 1);
	if (i < n && s[i] == '}')
		return 0;
	while (i < n) {
		size_t kstart = i, kend, vstart, vend;
		bool hit = false, escaped;

		if (s[i] != '"' || !(kend = skip_string(s, n, i, &escaped)))
			return -1;
		i = tg_json_skip_ws(s, n, kend);
		if (i >= n || s[i] != ':')
			return -1;
		vstart = tg_json_skip_ws(s, n, i + 1);
		vend = skip(s, n, d, vstart);
		if (!vend)
			return -1;
		for (size_t k = 0; k < nkeys; k++) {
			size_t klen = kend - 1 - (kstart + 1); /* as written */

			/* most keys are told apart by their length (str_eq's first tests, inline) */
			if (klen < lens[k] || (!escaped && klen != lens[k] && s[kstart + 1 + lens[k]] != 0) ||
			    !str_eq(s, kstart + 1, kend - 1, escaped, keys[k], lens[k]))
				continue;
			if (found[k].key != TG_JNONE) {
				if (repeated)
					*repeated = true;
				continue;
			}
			found[k] = (struct tg_jmember){.key = kstart, .value = vstart, .value_end = vend};
			left--;
			hit = true;
		}
		if (hit && !left && !repeated)
			return (int)nkeys;
		i = tg_json_skip_ws(s, n, vend);
		if (i < n && s[i] == '}')
			return (int)(nkeys - left);
		if (i >= n || s[i] != ',')
			return -1;
		i = tg_json_skip_ws(s, n, i + 1);
	}
	return -1;
}

int tg_json_member(const char *s, size_t n, size_t obj, const char *key, struct tg_jmember *m)
{
	return find_members(s, n, NULL, obj, &key, 1, m, NULL);
}

size_t tg_json_get(const struct tg_jdoc *d, size_t obj, const char *key)
{
	struct tg_jmember m;

	if (tg_json_type(d, obj) != TG_JSON_OBJECT || find_members(d->s, d->n, d, obj, &key, 1, &m, NULL) != 1)
		return TG_JNONE;
	return m.value;
}

/* tg_json_get_many; and with repeated, also whether a key is there twice
 * (which takes a look at every member). */
static void get_many(const struct tg_jdoc *d, size_t obj, const char *const *keys, size_t nkeys, size_t *vals,
		     bool *repeated)
{
	struct tg_jmember m[MAX_MANY];

	for (size_t k = 0; k < nkeys; k++)
		vals[k] = TG_JNONE;
	if (tg_json_type(d, obj) != TG_JSON_OBJECT)
		return;
	for (size_t off = 0; off < nkeys; off += MAX_MANY) {
		size_t batch = nkeys - off < MAX_MANY ? nkeys - off : MAX_MANY;

		if (find_members(d->s, d->n, d, obj, keys + off, batch, m, repeated) < 0)
			return;
		for (size_t k = 0; k < batch; k++)
			vals[off + k] = m[k].key == TG_JNONE ? TG_JNONE : m[k].value;
	}
}

void tg_json_get_many(const struct tg_jdoc *d, size_t obj, const char *const *keys, size_t nkeys, size_t *vals)
{
	get_many(d, obj, keys, nkeys, vals, NULL);
}

bool tg_json_get_many_repeats(const struct tg_jdoc *d, size_t obj, const char *const *keys, size_t nkeys,
			      size_t *vals)
{
	bool repeated = false;

	get_many(d, obj, keys, nkeys, vals, &repeated);
	return repeated;
}

bool tg_json_repeats(const struct tg_jdoc *d, size_t obj, const char *const *keys, size_t nkeys)
{
	struct tg_jmember m[MAX_MANY];
	bool repeated = false;

	if (tg_json_type(d, obj) != TG_JSON_OBJECT)
		return false;
	for (size_t off = 0; off < nkeys && !repeated; off += MAX_MANY) {
		size_t batch = nkeys - off < MAX_MANY ? nkeys - off : MAX_MANY;

		if (find_members(d->s, d->n, d, obj, keys + off, batch, m, &repeated) < 0)
			return false;
	}
	return repeated;
}

/* The value of the member whose key is at i, or TG_JNONE. */
static size_t member_value(const struct tg_jdoc *d, size_t i)
{
	if (i >= d->n || d->s[i] != '"' || !(i = skip_string(d->s, d->n, i, NULL)))
		return TG_JNONE;
	i = tg_json_skip_ws(d->s, d->n, i);
	return i < d->n && d->s[i] == ':' ? tg_json_skip_ws(d->s, d->n, i + 1) : TG_JNONE;
}

size_t tg_json_first(const struct tg_jdoc *d, size_t v)
{
	enum tg_jtype t = tg_json_type(d, v);
	size_t i;

	if (t != TG_JSON_ARRAY && t != TG_JSON_OBJECT)
		return TG_JNONE;
	i = tg_json_skip_ws(d->s, d->n, v + 1);
	if (i >= d->n || d->s[i] == ']' || d->s[i] == '}')
		return TG_JNONE;
	return t == TG_JSON_OBJECT ? member_value(d, i) : i;
}

size_t tg_json_next(const struct tg_jdoc *d, size_t child)
{
	size_t i, v;

	if (child >= d->n || !(i = skip(d->s, d->n, d, child)))
		return TG_JNONE;
	i = tg_json_skip_ws(d->s, d->n, i);
	if (i >= d->n || d->s[i] != ',')
		return TG_JNONE;
	i = tg_json_skip_ws(d->s, d->n, i + 1);
	if (i < d->n && d->s[i] == '"') {
		/* a key (in an object) or a string element (in an array)? */
		v = member_value(d, i);
		if (v != TG_JNONE)
			return v;
	}
	return i < d->n ? i : TG_JNONE;
}

/* ---- reading values ------------------------------------------------------------ */

enum tg_jtype tg_json_type(const struct tg_jdoc *d, size_t v)
{
	if (v >= d->n)
		return TG_JSON_ABSENT;
	switch (d->s[v]) {
	case '{': return TG_JSON_OBJECT;
	case '[': return TG_JSON_ARRAY;
	case '"': return TG_JSON_STRING;
	case 'n': return TG_JSON_NULL;
	case 'f': return TG_JSON_FALSE;
	case 't': return TG_JSON_TRUE;
	default: return TG_JSON_NUMBER;
	}
}

bool tg_json_read_uint(const struct tg_jdoc *d, size_t v, uint64_t max, uint64_t *out)
{
	char small[NUMBER_COPY + 1], *num = small;
	const char *s = d->s;
	size_t end, i;
	uint64_t x = 0;
	double f;

	if (tg_json_type(d, v) != TG_JSON_NUMBER || !(end = number_end(s, d->n, v)))
		return false;
	/* up to 15 plain digits (the usual case): exact, no strtod needed */
	for (i = v; i < end && i - v < 15 && is_digit(s[i]); i++)
		x = x * 10 + (uint64_t)(s[i] - '0');
	if (i == end) {
		if (x > max)
			return false;
		*out = x;
		return true;
	}
	/* strtod wants a C string: a copy (tollgate never calls setlocale, so
	 * strtod's decimal point is '.') */
	if (end - v > NUMBER_COPY && !(num = malloc(end - v + 1)))
		return false;
	memcpy(num, s + v, end - v);
	num[end - v] = 0;
	f = strtod(num, NULL);
	if (num != small)
		free(num);
	if (!(f >= 0) || f > (double)max || f >= 18446744073709551616.0)
		return false;
	*out = (uint64_t)f;
	return true;
}

ssize_t tg_json_read_string(const struct tg_jdoc *d, size_t v, char *out, size_t size)
{
	struct str_walk w = {.s = d->s};
	unsigned char c;
	size_t len = 0, end;
	bool escaped;

	if (tg_json_type(d, v) != TG_JSON_STRING || !(end = skip_string(d->s, d->n, v, &escaped)))
		return -1;
	if (!escaped) {
		/* the bytes as they are, up to a NUL */
		const char *nul = memchr(d->s + v + 1, 0, end - v - 2);

		len = nul ? (size_t)(nul - d->s) - v - 1 : end - v - 2;
		if (size) {
			size_t k = len < size ? len : size - 1;

			memcpy(out, d->s + v + 1, k);
			out[k] = 0;
		}
		return (ssize_t)len;
	}
	w.i = v + 1;
	w.end = end - 1;
	while (walk_byte(&w, &c) == 1) {
		if (len + 1 < size)
			out[len] = (char)c;
		len++;
	}
	if (size)
		out[len < size ? len : size - 1] = 0;
	return (ssize_t)len;
}

bool tg_json_string_eq(const struct tg_jdoc *d, size_t v, const char *lit)
{
	size_t end;
	bool escaped;

	if (tg_json_type(d, v) != TG_JSON_STRING || !(end = skip_string(d->s, d->n, v, &escaped)))
		return false;
	return str_eq(d->s, v + 1, end - 1, escaped, lit, strlen(lit));
}

/* ---- editing --------------------------------------------------------------------- */

int tg_json_remove_member(const char *s, size_t n, const struct tg_jmember *m, struct tg_buf *out)
{
	size_t from = m->key, to = m->value_end;
	size_t after = tg_json_skip_ws(s, n, to);

	if (after < n && s[after] == ',') {
		to = tg_json_skip_ws(s, n, after + 1); /* "k":v, next  ->  next */
	} else {
		/* the last member: take the comma before it, if any */
		size_t j = from;

		while (j > 0 && is_ws(s[j - 1]))
			j--;
		if (j > 0 && s[j - 1] == ',')
			from = j - 1;
	}
	if (tg_buf_append(out, s, from) || tg_buf_append(out, s + to, n - to))
		return -1;
	return 0;
}

int tg_json_set_member(const char *s, size_t n, size_t obj, const char *key, const char *value,
		       struct tg_buf *out)
{
	struct tg_jmember m;
	int found = tg_json_member(s, n, obj, key, &m);
	size_t open, next;

	if (found < 0)
		return -1;
	if (found) {
		if (tg_buf_append(out, s, m.value) || tg_buf_append(out, value, strlen(value)) ||
		    tg_buf_append(out, s + m.value_end, n - m.value_end))
			return -1;
		return 0;
	}
	open = tg_json_skip_ws(s, n, obj);
	next = tg_json_skip_ws(s, n, open + 1);
	if (tg_buf_append(out, s, open + 1) || tg_buf_printf(out, "\"%s\":%s%s", key, value,
							     s[next] == '}' ? "" : ",") ||
	    tg_buf_append(out, s + open + 1, n - open - 1))
		return -1;
	return 0;
}
