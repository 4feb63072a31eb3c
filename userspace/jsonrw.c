/*
 * jsonrw.c - a strict JSON walker that hands string values to a callback
 * and splices rewritten ones back in. See jsonrw.h.
 *
 * Output is built lazily: bytes are copied from the input only up to a
 * string that changes, so a document with no change is one copy.
 */
#include "jsonrw.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "word.h"

#define KEY_MAX 64

struct rw {
	const char *s;
	size_t n, i;
	size_t copied;              /* input bytes already copied to out */
	tg_json_string_fn fn;
	void *ctx;
	struct tg_buf *out;
	struct tg_json_path path;
	char keys[TG_JSON_MAX_DEPTH][KEY_MAX];
	struct tg_buf text;         /* a decoded string */
	struct tg_buf repl;         /* the callback's new text */
	const char *why;
};

static void skip_ws(struct rw *r)
{
	while (r->i < r->n) {
		char c = r->s[r->i];

		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		r->i++;
	}
}

static int fail(struct rw *r, const char *why)
{
	if (!r->why)
		r->why = why;
	return -1;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int hex4(const char *p, unsigned *v)
{
	*v = 0;
	for (int k = 0; k < 4; k++) {
		int h = hexval(p[k]);

		if (h < 0)
			return -1;
		*v = *v << 4 | (unsigned)h;
	}
	return 0;
}

static int put_utf8(struct tg_buf *b, unsigned cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	return tg_buf_append(b, u, n);
}

/*
 * The string whose opening quote is at r->i: validate it, and when decode is
 * set, decode it into r->text. Leaves r->i past the closing quote; *escaped
 * says whether it had any escape.
 */
static int scan_string(struct rw *r, bool decode, bool *escaped)
{
	*escaped = false;
	r->i++;
	if (decode)
		tg_buf_reset(&r->text);
	for (;;) {
		size_t run = r->i;

		/* a run of plain bytes: eight at a time while none is special */
		while (r->i + 8 <= r->n) {
			uint64_t w, m;

			w = tg_word_load(r->s + r->i);
			m = tg_word_json_special(w);
			if (m) {
				r->i += tg_word_first(m);
				break;
			}
			r->i += 8;
		}
		while (r->i < r->n) {
			unsigned char c = (unsigned char)r->s[r->i];

			if (c == '"' || c == '\\' || c < 0x20)
				break;
			r->i++;
		}
		if (decode && r->i > run && tg_buf_append(&r->text, r->s + run, r->i - run) < 0)
			return fail(r, "out of memory");
		if (r->i >= r->n)
			return fail(r, "unterminated string");
		if (r->s[r->i] == '"') {
			r->i++;
			return 0;
		}
		if ((unsigned char)r->s[r->i] < 0x20)
			return fail(r, "control character in a string");
		/* an escape */
		*escaped = true;
		if (r->i + 1 >= r->n)
			return fail(r, "unterminated escape");
		{
			char e = r->s[r->i + 1];
			char c = 0;
			unsigned cp, lo;

			switch (e) {
			case '"': c = '"'; break;
			case '\\': c = '\\'; break;
			case '/': c = '/'; break;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			case 'u':
				if (r->i + 6 > r->n || hex4(r->s + r->i + 2, &cp) < 0)
					return fail(r, "bad \\u escape");
				r->i += 6;
				if (cp >= 0xD800 && cp <= 0xDBFF && r->i + 6 <= r->n && r->s[r->i] == '\\' &&
				    r->s[r->i + 1] == 'u' && hex4(r->s + r->i + 2, &lo) == 0 &&
				    lo >= 0xDC00 && lo <= 0xDFFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					r->i += 6;
				}
				/* a lone surrogate becomes its 3-byte (WTF-8) form */
				if (decode && put_utf8(&r->text, cp) < 0)
					return fail(r, "out of memory");
				continue;
			default:
				return fail(r, "bad escape in a string");
			}
			if (decode && tg_buf_append(&r->text, &c, 1) < 0)
				return fail(r, "out of memory");
			r->i += 2;
		}
	}
}

int tg_json_escape(const char *t, size_t len, struct tg_buf *out)
{
	static const char hex[] = "0123456789abcdef";
	size_t run = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)t[i];
		char esc[8];
		size_t n = 0;

		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			n = 2;
		} else if (c < 0x20) {
			esc[0] = '\\';
			n = 2;
			switch (c) {
			case '\n': esc[1] = 'n'; break;
			case '\r': esc[1] = 'r'; break;
			case '\t': esc[1] = 't'; break;
			case '\b': esc[1] = 'b'; break;
			case '\f': esc[1] = 'f'; break;
			default:
				memcpy(esc, "\\u00", 4);
				esc[4] = hex[c >> 4];
				esc[5] = hex[c & 15];
				n = 6;
			}
		} else if (c == 0xED && i + 2 < len && ((unsigned char)t[i + 1] & 0xE0) == 0xA0 &&
			   ((unsigned char)t[i + 2] & 0xC0) == 0x80) {
			/* a lone surrogate (WTF-8): back to \uXXXX */
			unsigned cp = 0xD000 | ((unsigned char)t[i + 1] & 0x3F) << 6 | ((unsigned char)t[i + 2] & 0x3F);

			memcpy(esc, "\\u", 2);
			esc[2] = hex[cp >> 12 & 15];
			esc[3] = hex[cp >> 8 & 15];
			esc[4] = hex[cp >> 4 & 15];
			esc[5] = hex[cp & 15];
			n = 6;
			if (tg_buf_append(out, t + run, i - run) < 0 || tg_buf_append(out, esc, n) < 0)
				return -1;
			i += 2;
			run = i + 1;
			continue;
		}
		if (!n)
			continue;
		if (tg_buf_append(out, t + run, i - run) < 0 || tg_buf_append(out, esc, n) < 0)
			return -1;
		run = i + 1;
	}
	return tg_buf_append(out, t + run, len - run);
}

static int value(struct rw *r, size_t depth);

static int string_value(struct rw *r)
{
	size_t start = r->i, end;
	bool escaped;
	const char *text;
	size_t len;
	int rc;

	if (r->fn) {
		if (scan_string(r, false, &escaped) < 0)
			return -1;
		end = r->i;
		if (escaped) {
			r->i = start;
			if (scan_string(r, true, &escaped) < 0)
				return -1;
			text = r->text.data ? tg_buf_start(&r->text) : "";
			len = tg_buf_used(&r->text);
		} else {
			text = r->s + start + 1;
			len = end - start - 2;
		}
		tg_buf_reset(&r->repl);
		rc = r->fn(r->ctx, &r->path, text, len, &r->repl);
		if (rc < 0)
			return fail(r, "rewrite aborted");
		if (rc > 0 && !r->out)
			return fail(r, "a walk without output cannot rewrite");
		if (rc > 0) {
			if (tg_buf_append(r->out, r->s + r->copied, start - r->copied) < 0 ||
			    tg_buf_append(r->out, "\"", 1) < 0 ||
			    tg_json_escape(r->repl.data ? tg_buf_start(&r->repl) : "", tg_buf_used(&r->repl), r->out) < 0 ||
			    tg_buf_append(r->out, "\"", 1) < 0)
				return fail(r, "out of memory");
			r->copied = end;
		}
		return 0;
	}
	return scan_string(r, false, &escaped);
}

/* The key whose string starts at ks and has just been scanned, into key (cut at KEY_MAX - 1 bytes). */
static void keep_key(struct rw *r, size_t ks, bool escaped, char *key)
{
	size_t klen;

	if (escaped) {
		size_t end = r->i;

		r->i = ks;
		scan_string(r, true, &escaped);
		r->i = end;
		klen = tg_buf_used(&r->text) < KEY_MAX - 1 ? tg_buf_used(&r->text) : KEY_MAX - 1;
		memcpy(key, tg_buf_start(&r->text), klen);
	} else {
		klen = r->i - ks - 2 < KEY_MAX - 1 ? r->i - ks - 2 : KEY_MAX - 1;
		memcpy(key, r->s + ks + 1, klen);
	}
	key[klen] = 0;
}

static int object(struct rw *r, size_t depth)
{
	size_t obj = r->i;

	r->i++; /* '{' */
	skip_ws(r);
	if (r->i < r->n && r->s[r->i] == '}') {
		r->i++;
		return 0;
	}
	for (;;) {
		bool escaped;
		size_t ks;
		char *key = r->keys[depth];

		skip_ws(r);
		if (r->i >= r->n || r->s[r->i] != '"')
			return fail(r, "expected a key");
		ks = r->i;
		if (scan_string(r, false, &escaped) < 0)
			return -1;
		if (r->fn) /* a walk that only validates keeps no path */
			keep_key(r, ks, escaped, key);
		skip_ws(r);
		if (r->i >= r->n || r->s[r->i] != ':')
			return fail(r, "expected ':'");
		r->i++;
		if (r->fn) {
			r->path.keys[depth] = key;
			r->path.idx[depth] = 0;
			r->path.at[depth] = obj;
			r->path.depth = depth + 1;
		}
		if (value(r, depth + 1) < 0)
			return -1;
		skip_ws(r);
		if (r->i < r->n && r->s[r->i] == ',') {
			r->i++;
			continue;
		}
		if (r->i < r->n && r->s[r->i] == '}') {
			r->i++;
			return 0;
		}
		return fail(r, "expected ',' or '}'");
	}
}

static int array(struct rw *r, size_t depth)
{
	size_t arr = r->i, pos = 0;

	r->i++; /* '[' */
	skip_ws(r);
	if (r->i < r->n && r->s[r->i] == ']') {
		r->i++;
		return 0;
	}
	for (;; pos++) {
		r->path.keys[depth] = NULL;
		r->path.idx[depth] = pos;
		r->path.at[depth] = arr;
		r->path.depth = depth + 1;
		if (value(r, depth + 1) < 0)
			return -1;
		skip_ws(r);
		if (r->i < r->n && r->s[r->i] == ',') {
			r->i++;
			continue;
		}
		if (r->i < r->n && r->s[r->i] == ']') {
			r->i++;
			return 0;
		}
		return fail(r, "expected ',' or ']'");
	}
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int number(struct rw *r)
{
	if (r->s[r->i] == '-')
		r->i++;
	if (r->i >= r->n || !is_digit(r->s[r->i]))
		return fail(r, "bad number");
	if (r->s[r->i] == '0')
		r->i++;
	else
		while (r->i < r->n && is_digit(r->s[r->i]))
			r->i++;
	if (r->i < r->n && r->s[r->i] == '.') {
		r->i++;
		if (r->i >= r->n || !is_digit(r->s[r->i]))
			return fail(r, "bad number");
		while (r->i < r->n && is_digit(r->s[r->i]))
			r->i++;
	}
	if (r->i < r->n && (r->s[r->i] == 'e' || r->s[r->i] == 'E')) {
		r->i++;
		if (r->i < r->n && (r->s[r->i] == '+' || r->s[r->i] == '-'))
			r->i++;
		if (r->i >= r->n || !is_digit(r->s[r->i]))
			return fail(r, "bad number");
		while (r->i < r->n && is_digit(r->s[r->i]))
			r->i++;
	}
	return 0;
}

static int literal(struct rw *r, const char *lit)
{
	size_t n = strlen(lit);

	if (r->n - r->i < n || memcmp(r->s + r->i, lit, n) != 0)
		return fail(r, "bad literal");
	r->i += n;
	return 0;
}

static int value(struct rw *r, size_t depth)
{
	skip_ws(r);
	if (r->i >= r->n)
		return fail(r, "unexpected end");
	if (depth >= TG_JSON_MAX_DEPTH)
		return fail(r, "nested too deeply");
	switch (r->s[r->i]) {
	case '{': return object(r, depth);
	case '[': return array(r, depth);
	case '"': return string_value(r);
	case 't': return literal(r, "true");
	case 'f': return literal(r, "false");
	case 'n': return literal(r, "null");
	default: return number(r);
	}
}

static int walk(struct rw *r, const char *doc, size_t len)
{
	r->s = doc;
	r->n = len;
	if (value(r, 0) < 0)
		return -1;
	skip_ws(r);
	if (r->i != r->n)
		return fail(r, "trailing bytes after the JSON value");
	return 0;
}

/* A walker. Only its scalars are set: the key and path arrays (11 KB) are
 * written level by level before anything reads them, and zeroing them cost
 * more than the walk of a small body or a streamed event. */
static struct rw *rw_new(tg_json_string_fn fn, void *ctx, struct tg_buf *out)
{
	struct rw *r = malloc(sizeof(*r));

	if (!r)
		return NULL;
	r->s = NULL;
	r->n = r->i = r->copied = 0;
	r->fn = fn;
	r->ctx = ctx;
	r->out = out;
	r->path.depth = 0;
	r->text = (struct tg_buf){0};
	r->repl = (struct tg_buf){0};
	r->why = NULL;
	return r;
}

int tg_json_rewrite(const char *doc, size_t len, tg_json_string_fn fn, void *ctx,
		    struct tg_buf *out, tg_err *err)
{
	struct rw *r = rw_new(fn, ctx, out);
	int rc;

	if (!r)
		return tg_errf(err, "out of memory");
	rc = walk(r, doc, len);
	if (rc == 0 && out && tg_buf_append(out, doc + r->copied, len - r->copied) < 0)
		rc = fail(r, "out of memory");
	if (rc < 0)
		tg_errf(err, "invalid JSON at byte %zu: %s", r->i, r->why ? r->why : "?");
	tg_buf_free(&r->text);
	tg_buf_free(&r->repl);
	free(r);
	return rc;
}

const char *tg_json_path_name(const struct tg_json_path *path)
{
	for (size_t k = path->depth; k-- > 0;)
		if (path->keys[k])
			return path->keys[k];
	return NULL;
}

bool tg_json_valid(const char *doc, size_t len)
{
	struct rw *r = rw_new(NULL, NULL, NULL);
	bool ok;

	if (!r)
		return false;
	ok = walk(r, doc, len) == 0;
	tg_buf_free(&r->text);
	tg_buf_free(&r->repl);
	free(r);
	return ok;
}
