/*
 * jsonspan.c - in-place JSON member edits (see jsonspan.h).
 */
#include "jsonspan.h"

#include <string.h>

#define MAX_DEPTH 512

size_t tg_json_skip_ws(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* Past a string whose opening quote is at i, or 0. */
static size_t skip_string(const char *s, size_t n, size_t i)
{
	for (i++; i < n; i++) {
		if (s[i] == '\\')
			i++;
		else if (s[i] == '"')
			return i + 1;
	}
	return 0;
}

size_t tg_json_skip_value(const char *s, size_t n, size_t i)
{
	int depth = 0;

	if (i >= n)
		return 0;
	if (s[i] == '"')
		return skip_string(s, n, i);
	if (s[i] != '{' && s[i] != '[') {
		size_t start = i;

		while (i < n && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' &&
		       s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			i++;
		return i > start ? i : 0;
	}
	for (; i < n; i++) {
		char c = s[i];

		if (c == '"') {
			i = skip_string(s, n, i);
			if (!i)
				return 0;
			i--;
		} else if (c == '{' || c == '[') {
			if (++depth > MAX_DEPTH)
				return 0;
		} else if (c == '}' || c == ']') {
			if (--depth == 0)
				return i + 1;
		}
	}
	return 0;
}

int tg_json_member(const char *s, size_t n, size_t obj, const char *key, struct tg_jmember *m)
{
	size_t klen = strlen(key);
	size_t i = tg_json_skip_ws(s, n, obj);

	if (i >= n || s[i] != '{')
		return -1;
	i = tg_json_skip_ws(s, n, i + 1);
	if (i < n && s[i] == '}')
		return 0;
	while (i < n) {
		size_t kstart = i, kend, vstart, vend;

		if (s[i] != '"')
			return -1;
		kend = skip_string(s, n, i);
		if (!kend)
			return -1;
		i = tg_json_skip_ws(s, n, kend);
		if (i >= n || s[i] != ':')
			return -1;
		vstart = tg_json_skip_ws(s, n, i + 1);
		vend = tg_json_skip_value(s, n, vstart);
		if (!vend)
			return -1;
		if (kend - kstart - 2 == klen && memcmp(s + kstart + 1, key, klen) == 0) {
			m->key = kstart;
			m->value = vstart;
			m->value_end = vend;
			return 1;
		}
		i = tg_json_skip_ws(s, n, vend);
		if (i < n && s[i] == '}')
			return 0;
		if (i >= n || s[i] != ',')
			return -1;
		i = tg_json_skip_ws(s, n, i + 1);
	}
	return -1;
}

int tg_json_remove_member(const char *s, size_t n, const struct tg_jmember *m, struct tg_buf *out)
{
	size_t from = m->key, to = m->value_end;
	size_t after = tg_json_skip_ws(s, n, to);

	if (after < n && s[after] == ',') {
		to = tg_json_skip_ws(s, n, after + 1); /* "k":v, next  ->  next */
	} else {
		/* the last member: take the comma before it, if any */
		size_t j = from;

		while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t' || s[j - 1] == '\n' || s[j - 1] == '\r'))
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
