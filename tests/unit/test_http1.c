/*
 * test_http1.c - the strict HTTP/1.1 parser and the chunked decoder.
 *
 * Most cases are data files in tests/data/http/ (format: its README.md):
 *   request-{ok,bad}-*.txt    tg_http_parse_request()
 *   response-{ok,bad}-*.txt   tg_http_parse_response()
 *   chunked-{ok,bad}-*.txt    tg_chunked_feed()
 * Each file is also checked in pieces: every proper prefix of an ok head
 * must ask for more, every prefix of a bad head must ask for more or fail
 * the same way, and a chunked body must decode identically however it is
 * split. The inline tests below cover limits that are easier to generate
 * than to write down, the small helpers, and a mutation smoke test.
 *
 * Run from the repository root.
 */
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "http1.h"

#define DATA_DIR "tests/data/http"
#define VEC_MAX 65536
#define MAX_DIRECTIVES 32
#define DEFAULT_MAX_HEAD 65536

struct directive {
	char key[32];
	char value[256];
	size_t value_len;
};

struct vector {
	char name[256];
	char bytes[VEC_MAX];
	size_t len;
	struct directive dirs[MAX_DIRECTIVES];
	size_t ndirs;
	bool ok;             /* parse error in the file itself */
	int expect;          /* 0 = ok, -1 = error (chunked), else a status */
	size_t max_head;
	const char *req_method; /* responses */
	size_t req_method_len;
};

/* ---------------------------------------------------------------- */
/* Reading vector files                                             */

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Expand \r \n \t \0 \\ \xHH; drop physical line breaks. Returns the
 * length, or -1 on a bad escape or overflow. */
static long expand(const char *s, size_t n, char *out, size_t cap)
{
	size_t len = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c == '\n' || c == '\r')
			continue;
		if (c == '\\') {
			if (++i == n)
				return -1;
			switch (s[i]) {
			case 'r': c = '\r'; break;
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case '0': c = '\0'; break;
			case '\\': c = '\\'; break;
			case 'x':
				if (i + 2 >= n || hex_digit(s[i + 1]) < 0 || hex_digit(s[i + 2]) < 0)
					return -1;
				c = (char)(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
				i += 2;
				break;
			default:
				return -1;
			}
		}
		if (len == cap)
			return -1;
		out[len++] = c;
	}
	return (long)len;
}

static const char *directive(const struct vector *v, const char *key)
{
	for (size_t i = 0; i < v->ndirs; i++) {
		if (strcmp(v->dirs[i].key, key) == 0)
			return v->dirs[i].value;
	}
	return NULL;
}

static bool load_vector(const char *dir, const char *name, struct vector *v)
{
	char path[512], *text;
	const char *p, *end, *s;
	long n, size;
	FILE *f;

	memset(v, 0, sizeof(*v));
	snprintf(v->name, sizeof(v->name), "%s", name);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (!f)
		return false;
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fseek(f, 0, SEEK_SET);
	text = malloc((size_t)size + 1);
	if (!text || fread(text, 1, (size_t)size, f) != (size_t)size) {
		fclose(f);
		free(text);
		return false;
	}
	fclose(f);
	text[size] = '\0';

	/* Directive and comment lines, then the message. */
	p = text;
	end = text + size;
	while (p < end && *p == '#') {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *colon;
		struct directive *d;

		if (!eol)
			eol = end;
		if (p[1] != '#') {
			colon = memchr(p, ':', (size_t)(eol - p));
			if (p[1] != ' ' || !colon || v->ndirs == MAX_DIRECTIVES ||
			    (size_t)(colon - p - 2) >= sizeof(d->key))
				goto bad;
			d = &v->dirs[v->ndirs++];
			memcpy(d->key, p + 2, (size_t)(colon - p - 2));
			s = colon + 1;
			if (s < eol && *s == ' ')
				s++;
			n = expand(s, (size_t)(eol - s), d->value, sizeof(d->value) - 1);
			if (n < 0)
				goto bad;
			d->value_len = (size_t)n;
		}
		p = eol < end ? eol + 1 : end;
	}
	n = expand(p, (size_t)(end - p), v->bytes, sizeof(v->bytes));
	if (n < 0)
		goto bad;
	v->len = (size_t)n;

	s = directive(v, "expect");
	if (!s)
		goto bad;
	v->expect = strcmp(s, "ok") == 0 ? 0 : strcmp(s, "error") == 0 ? -1 : atoi(s);
	s = directive(v, "max-head");
	v->max_head = s ? (size_t)atol(s) : DEFAULT_MAX_HEAD;
	s = directive(v, "request-method");
	v->req_method = s;
	v->req_method_len = s ? strlen(s) : 0;
	v->ok = true;
	free(text);
	return true;
bad:
	free(text);
	return false;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---------------------------------------------------------------- */
/* Head vectors                                                     */

static bool is_request_vector(const struct vector *v)
{
	return strncmp(v->name, "request-", 8) == 0;
}

static ssize_t parse(const struct vector *v, size_t len, struct tg_http_msg *m,
		     int *status, const char **why)
{
	if (is_request_vector(v))
		return tg_http_parse_request(v->bytes, len, v->max_head, m, status, why);
	return tg_http_parse_response(v->bytes, len, v->max_head, v->req_method,
				      v->req_method_len, m, status, why);
}

static size_t head_end(const char *s, size_t n)
{
	const char *e = memmem(s, n, "\r\n\r\n", 4);

	return e ? (size_t)(e - s) + 4 : 0;
}

static void span_str(char *out, size_t cap, const char *s, size_t n)
{
	if (!s)
		n = 0;
	if (n >= cap)
		n = cap - 1;
	if (n)
		memcpy(out, s, n);
	out[n] = '\0';
}

static const char *body_name(enum tg_http_body b)
{
	switch (b) {
	case TG_BODY_NONE: return "none";
	case TG_BODY_LENGTH: return "length";
	case TG_BODY_CHUNKED: return "chunked";
	case TG_BODY_UNTIL_CLOSE: return "close";
	}
	return "?";
}

/* Compare one expected-result directive with the parsed message. */
static void check_directive(const struct vector *v, const struct directive *d,
			    const struct tg_http_msg *m)
{
	char got[512];
	const char *k = d->key;

	if (!strcmp(k, "expect") || !strcmp(k, "max-head") || !strcmp(k, "request-method") ||
	    !strcmp(k, "why"))
		return;
	if (!strcmp(k, "method"))
		span_str(got, sizeof(got), m->method, m->method_len);
	else if (!strcmp(k, "target"))
		span_str(got, sizeof(got), m->target, m->target_len);
	else if (!strcmp(k, "reason"))
		span_str(got, sizeof(got), m->reason, m->reason_len);
	else if (!strcmp(k, "status"))
		snprintf(got, sizeof(got), "%d", m->status);
	else if (!strcmp(k, "minor"))
		snprintf(got, sizeof(got), "%d", m->minor_version);
	else if (!strcmp(k, "headers"))
		snprintf(got, sizeof(got), "%zu", m->nheaders);
	else if (!strcmp(k, "body"))
		snprintf(got, sizeof(got), "%s", body_name(m->body));
	else if (!strcmp(k, "content-length"))
		snprintf(got, sizeof(got), "%llu", (unsigned long long)m->content_length);
	else if (!strcmp(k, "keep-alive"))
		snprintf(got, sizeof(got), "%d", m->keep_alive);
	else if (!strcmp(k, "expect-continue"))
		snprintf(got, sizeof(got), "%d", m->expect_continue);
	else if (!strcmp(k, "upgrade"))
		snprintf(got, sizeof(got), "%d", m->upgrade);
	else {
		CHECK(0, "%s: known directive '%s'", v->name, k);
		return;
	}
	CHECK(strcmp(got, d->value) == 0, "%s: %s is '%s' (got '%s')", v->name, k, d->value, got);
}

static bool inside(const char *p, size_t n, const char *base, size_t len)
{
	return p >= base && p + n <= base + len;
}

static void run_head_vector(const struct vector *v)
{
	struct tg_http_msg m;
	int status = 0;
	const char *why = NULL;
	ssize_t n = parse(v, v->len, &m, &status, &why);
	const char *expected_why;
	bool prefixes_ok = true;
	size_t bad_prefix = 0;

	if (v->expect == 0) {
		size_t head = head_end(v->bytes, v->len);
		bool in_buf = true;

		if (!(n > 0 && (size_t)n == head))
			printf("#   got %zd, status %d: %s\n", n, status, n < 0 && why ? why : "");
		CHECK(n > 0 && (size_t)n == head && m.head_len == head, "%s: parses, head is %zu bytes",
		      v->name, head);
		if (n <= 0)
			return;
		for (size_t i = 0; i < v->ndirs; i++)
			check_directive(v, &v->dirs[i], &m);
		for (size_t i = 0; i < m.nheaders; i++) {
			in_buf &= inside(m.headers[i].name, m.headers[i].name_len, v->bytes, head);
			in_buf &= inside(m.headers[i].value, m.headers[i].value_len, v->bytes, head);
		}
		if (m.method)
			in_buf &= inside(m.method, m.method_len, v->bytes, head);
		if (m.target)
			in_buf &= inside(m.target, m.target_len, v->bytes, head);
		if (m.reason)
			in_buf &= inside(m.reason, m.reason_len, v->bytes, head);
		CHECK(in_buf, "%s: fields point into the buffer", v->name);
		for (size_t k = 0; k < head && prefixes_ok; k++) {
			if (parse(v, k, &m, &status, &why) != 0) {
				prefixes_ok = false;
				bad_prefix = k;
			}
		}
		if (!prefixes_ok)
			printf("#   prefix of %zu bytes did not return 0\n", bad_prefix);
		CHECK(prefixes_ok, "%s: every proper prefix needs more", v->name);
		return;
	}

	if (!(n == -1 && status == v->expect))
		printf("#   got %zd, status %d: %s\n", n, status, why ? why : "(no reason)");
	CHECK(n == -1 && status == v->expect && why && *why, "%s: refused with %d", v->name, v->expect);
	expected_why = directive(v, "why");
	CHECK(n == -1 && why && expected_why && strstr(why, expected_why),
	      "%s: because '%s' (got '%s')", v->name, expected_why ? expected_why : "(no why directive)",
	      why ? why : "");
	for (size_t k = 0; k < v->len && prefixes_ok; k++) {
		int st = 0;
		ssize_t r = parse(v, k, &m, &st, &why);

		if (!(r == 0 || (r == -1 && st == v->expect))) {
			prefixes_ok = false;
			bad_prefix = k;
		}
	}
	if (!prefixes_ok)
		printf("#   prefix of %zu bytes neither needed more nor failed the same\n", bad_prefix);
	CHECK(prefixes_ok, "%s: every prefix needs more or fails the same", v->name);
}

/* ---------------------------------------------------------------- */
/* Chunked decoding in pieces                                       */

struct decoded {
	bool error;
	bool done;
	bool spans_ok;     /* payload spans lay inside the piece handed in */
	const char *why;   /* the decoder's reason, on error */
	size_t consumed;   /* input bytes consumed when done */
	size_t plen;
	char payload[VEC_MAX];
};

enum split_mode { SPLIT_WHOLE, SPLIT_BYTES, SPLIT_CUT, SPLIT_RANDOM };

/* A small deterministic generator, state owned by the caller. */
static uint32_t next_rand(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

/* Decode in[0..len) handed over in pieces. Each piece is copied into a
 * buffer of exactly its size so ASan catches reads past its end. */
static void decode_split(const char *in, size_t len, enum split_mode mode, size_t cut,
			 uint32_t seed, struct decoded *d)
{
	struct tg_chunked c;
	size_t off = 0;

	memset(d, 0, offsetof(struct decoded, payload));
	d->spans_ok = true;
	tg_chunked_init(&c);
	while (off < len && !c.done) {
		size_t piece = len - off, pos = 0;
		char *copy;

		if (mode == SPLIT_BYTES)
			piece = 1;
		else if (mode == SPLIT_CUT && off < cut)
			piece = cut - off;
		else if (mode == SPLIT_RANDOM)
			piece = 1 + next_rand(&seed) % (piece < 9 ? piece : 9);
		copy = malloc(piece);
		memcpy(copy, in + off, piece);
		while (pos < piece && !c.done) {
			const char *data, *why = NULL;
			size_t dlen;
			ssize_t r = tg_chunked_feed(&c, copy + pos, piece - pos, &data, &dlen, &why);

			if (r < 0) {
				d->error = true;
				d->why = why;
				free(copy);
				return;
			}
			if (r == 0) {
				/* stalled without being done: a decoder bug */
				d->spans_ok = false;
				free(copy);
				return;
			}
			if (dlen) {
				if (data != copy + pos + (size_t)r - dlen || d->plen + dlen > sizeof(d->payload))
					d->spans_ok = false;
				else
					memcpy(d->payload + d->plen, data, dlen);
				d->plen += dlen;
			}
			pos += (size_t)r;
		}
		free(copy);
		off += pos;
	}
	d->done = c.done;
	d->consumed = off;
}

static bool decoded_as_expected(const struct decoded *d, const char *payload, size_t plen,
				size_t consumed)
{
	return !d->error && d->done && d->spans_ok && d->plen == plen &&
	       memcmp(d->payload, payload, plen) == 0 && d->consumed == consumed;
}

static void run_chunked_vector(const struct vector *v)
{
	struct decoded *d = malloc(sizeof(*d));
	const char *payload = directive(v, "payload");
	const char *rest = directive(v, "rest");
	size_t plen = 0, consumed = v->len - (rest ? (size_t)atol(rest) : 0);
	bool ok = true;
	size_t fail_at = 0;

	for (size_t i = 0; i < v->ndirs; i++) {
		const char *k = v->dirs[i].key;

		if (!strcmp(k, "payload"))
			plen = v->dirs[i].value_len;
		else if (strcmp(k, "expect") && strcmp(k, "rest") && strcmp(k, "why"))
			CHECK(0, "%s: known directive '%s'", v->name, k);
	}

	if (v->expect == 0) {
		CHECK(payload != NULL, "%s: has a payload directive", v->name);
		if (!payload)
			payload = "";
		decode_split(v->bytes, v->len, SPLIT_WHOLE, 0, 0, d);
		if (!decoded_as_expected(d, payload, plen, consumed))
			printf("#   error %d (%s) done %d, %zu payload bytes, %zu consumed\n", d->error,
			       d->why ? d->why : "", d->done, d->plen, d->consumed);
		CHECK(decoded_as_expected(d, payload, plen, consumed), "%s: decodes in one piece",
		      v->name);
		decode_split(v->bytes, v->len, SPLIT_BYTES, 0, 0, d);
		CHECK(decoded_as_expected(d, payload, plen, consumed),
		      "%s: decodes one byte at a time", v->name);
		for (size_t k = 0; k <= v->len && ok; k++) {
			decode_split(v->bytes, v->len, SPLIT_CUT, k, 0, d);
			if (!decoded_as_expected(d, payload, plen, consumed)) {
				ok = false;
				fail_at = k;
			}
		}
		if (!ok)
			printf("#   failed when split at %zu\n", fail_at);
		CHECK(ok, "%s: decodes split at every byte boundary", v->name);
		for (uint32_t seed = 1; seed <= 200 && ok; seed++) {
			decode_split(v->bytes, v->len, SPLIT_RANDOM, 0, seed, d);
			if (!decoded_as_expected(d, payload, plen, consumed)) {
				ok = false;
				fail_at = seed;
			}
		}
		if (!ok)
			printf("#   failed with random seed %zu\n", fail_at);
		CHECK(ok, "%s: decodes in random pieces", v->name);
	} else {
		const char *expected_why = directive(v, "why");

		decode_split(v->bytes, v->len, SPLIT_WHOLE, 0, 0, d);
		CHECK(d->error && !d->done && d->why, "%s: refused in one piece", v->name);
		CHECK(d->error && d->why && expected_why && strstr(d->why, expected_why),
		      "%s: because '%s' (got '%s')", v->name,
		      expected_why ? expected_why : "(no why directive)", d->why ? d->why : "");
		decode_split(v->bytes, v->len, SPLIT_BYTES, 0, 0, d);
		CHECK(d->error && !d->done, "%s: refused one byte at a time", v->name);
		for (size_t k = 0; k <= v->len && ok; k++) {
			decode_split(v->bytes, v->len, SPLIT_CUT, k, 0, d);
			if (!d->error || d->done) {
				ok = false;
				fail_at = k;
			}
		}
		if (!ok)
			printf("#   not refused when split at %zu\n", fail_at);
		CHECK(ok, "%s: refused split at every byte boundary", v->name);
	}
	free(d);
}

static void run_data_vectors(void)
{
	DIR *dir = opendir(DATA_DIR);
	char **names = NULL;
	size_t n = 0, cap = 0, counts[3] = {0, 0, 0};
	struct dirent *e;
	struct vector *v = malloc(sizeof(*v));

	CHECK(dir != NULL, "data: open %s (run from the repository root)", DATA_DIR);
	if (!dir) {
		free(v);
		return;
	}
	while ((e = readdir(dir))) {
		size_t len = strlen(e->d_name);

		if (len < 4 || strcmp(e->d_name + len - 4, ".txt") != 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = realloc(names, cap * sizeof(*names));
		}
		names[n++] = strdup(e->d_name);
	}
	closedir(dir);
	qsort(names, n, sizeof(*names), compare_names);

	for (size_t i = 0; i < n; i++) {
		const char *name = names[i];
		bool known = !strncmp(name, "request-", 8) || !strncmp(name, "response-", 9) ||
			     !strncmp(name, "chunked-", 8);
		bool loaded = known && load_vector(DATA_DIR, name, v);

		CHECK(loaded, "%s: well-formed vector file with a known prefix", name);
		if (!loaded)
			continue;
		if (!strncmp(name, "chunked-", 8)) {
			counts[2]++;
			run_chunked_vector(v);
		} else {
			counts[is_request_vector(v) ? 0 : 1]++;
			CHECK((v->expect == 0) == (strstr(name, "-ok-") != NULL),
			      "%s: name agrees with its expect directive", name);
			run_head_vector(v);
		}
		free(names[i]);
	}
	printf("# %zu request, %zu response, %zu chunked vectors\n", counts[0], counts[1], counts[2]);
	CHECK(counts[0] >= 50 && counts[1] >= 30 && counts[2] >= 20, "data: vectors present");
	free(names);
	free(v);
}

/* ---------------------------------------------------------------- */
/* Inline tests                                                     */

static ssize_t req(const char *s, size_t len, size_t max_head, struct tg_http_msg *m, int *status)
{
	const char *why = NULL;

	*status = 0;
	return tg_http_parse_request(s, len, max_head, m, status, &why);
}

/* A head with nfields header fields (the first is Host), into buf. */
static size_t make_head(char *buf, size_t cap, size_t nfields)
{
	size_t len = (size_t)snprintf(buf, cap, "GET / HTTP/1.1\r\nHost: example.com\r\n");

	for (size_t i = 1; i < nfields; i++)
		len += (size_t)snprintf(buf + len, cap - len, "X-Field-%zu: %zu\r\n", i, i);
	len += (size_t)snprintf(buf + len, cap - len, "\r\n");
	return len;
}

static void test_limits(void)
{
	struct tg_http_msg m;
	char buf[8192];
	int st;
	size_t len;
	ssize_t n;

	len = make_head(buf, sizeof(buf), TG_HTTP_MAX_HEADERS);
	n = req(buf, len, sizeof(buf), &m, &st);
	CHECK(n == (ssize_t)len && m.nheaders == TG_HTTP_MAX_HEADERS,
	      "limits: %d header fields accepted", TG_HTTP_MAX_HEADERS);
	len = make_head(buf, sizeof(buf), TG_HTTP_MAX_HEADERS + 1);
	n = req(buf, len, sizeof(buf), &m, &st);
	CHECK(n == -1 && st == 431, "limits: %d header fields is 431", TG_HTTP_MAX_HEADERS + 1);

	len = make_head(buf, sizeof(buf), 3);
	n = req(buf, len, len, &m, &st);
	CHECK(n == (ssize_t)len, "limits: head of exactly max_head accepted");
	n = req(buf, len, len - 1, &m, &st);
	CHECK(n == -1 && st == 431, "limits: head one byte over max_head is 431");
	n = req(buf, len - 1, len, &m, &st);
	CHECK(n == 0, "limits: incomplete head under max_head needs more");
	n = req(buf, len - 1, len - 1, &m, &st);
	CHECK(n == -1 && st == 431, "limits: incomplete head at max_head is 431");
	memcpy(buf + len, "0123456789", 10);
	n = req(buf, len + 10, len, &m, &st);
	CHECK(n == (ssize_t)len, "limits: body bytes past max_head do not count");
	n = req(buf, 0, 100, &m, &st);
	CHECK(n == 0, "limits: empty buffer needs more");
}

/* Header values are checked eight bytes at a time until a run holds a
 * control: every control byte and DEL, at every place of a 24-byte value,
 * is refused; HTAB, space and obs-text (0x80-0xff) anywhere are kept. */
static void test_value_bytes(void)
{
	struct tg_http_msg m;
	char buf[128];
	size_t refused = 0, controls = 0, kept = 0, allowed = 0;
	int st;

	for (size_t at = 0; at < 24; at++) {
		for (unsigned c = 0; c < 0x100; c++) {
			char value[24];
			size_t len;
			ssize_t n;

			if (c == '\r' || c == '\n')
				continue; /* line ends: tested as bare CR / LF elsewhere */
			memset(value, 'v', sizeof(value));
			value[at] = (char)c;
			if ((c == ' ' || c == '\t') && (at == 0 || at == sizeof(value) - 1))
				continue; /* OWS at either end is trimmed, not part of the value */
			len = (size_t)snprintf(buf, sizeof(buf), "GET / HTTP/1.1\r\nHost: a\r\nX-V: ");
			memcpy(buf + len, value, sizeof(value));
			len += sizeof(value);
			memcpy(buf + len, "\r\n\r\n", 4);
			len += 4;
			n = req(buf, len, sizeof(buf), &m, &st);
			if ((c < 0x20 && c != '\t') || c == 0x7f) {
				controls++;
				refused += n == -1 && st == 400;
			} else {
				allowed++;
				kept += n == (ssize_t)len && m.nheaders == 2 && m.headers[1].value_len == sizeof(value) &&
					memcmp(m.headers[1].value, value, sizeof(value)) == 0;
			}
		}
	}
	CHECK(refused == controls, "value bytes: every control and DEL at every place is 400 (%zu of %zu)",
	      refused, controls);
	CHECK(kept == allowed, "value bytes: HTAB, SP, visible ASCII and obs-text at every place are kept "
	      "(%zu of %zu)", kept, allowed);
}

/* A message parsed from one buffer and rebased onto a copy is the message
 * parsed from the copy. */
static void test_rebase(void)
{
	const char *req = "POST /v1/chat?x=1 HTTP/1.1\r\nHost: api.openai.com\r\nX-A:  b c \r\nX-Empty:\r\n"
			  "Content-Length: 5\r\n\r\nhello";
	const char *res = "HTTP/1.1 404 Not Found\r\nServer: t\r\nContent-Length: 0\r\n\r\n";
	const char *bufs[] = {req, res};
	bool same = true;

	for (int k = 0; k < 2; k++) {
		struct tg_http_msg a, b;
		char copy[256];
		size_t len = strlen(bufs[k]);
		int st;
		const char *why;
		ssize_t n = k == 0 ? tg_http_parse_request(bufs[k], len, 4096, &a, &st, &why)
				   : tg_http_parse_response(bufs[k], len, 4096, "GET", 3, &a, &st, &why);

		memcpy(copy, bufs[k], len);
		tg_http_msg_rebase(&a, bufs[k], copy);
		if (k == 0)
			tg_http_parse_request(copy, len, 4096, &b, &st, &why);
		else
			tg_http_parse_response(copy, len, 4096, "GET", 3, &b, &st, &why);
		same &= n > 0 && a.method == b.method && a.target == b.target && a.target_len == b.target_len &&
			a.reason == b.reason && a.reason_len == b.reason_len && a.status == b.status &&
			a.nheaders == b.nheaders && a.head_len == b.head_len && a.body == b.body &&
			a.content_length == b.content_length;
		for (size_t i = 0; same && i < a.nheaders; i++)
			same = a.headers[i].name == b.headers[i].name && a.headers[i].value == b.headers[i].value &&
			       a.headers[i].name_len == b.headers[i].name_len &&
			       a.headers[i].value_len == b.headers[i].value_len;
	}
	CHECK(same, "rebase: a request and a response rebased onto a copy are the copy's parse");
}

static void test_helpers(void)
{
	struct tg_http_msg m;
	const char *s = "GET / HTTP/1.1\r\nhost: a.example\r\nX-A: 1\r\nx-a: 2\r\n\r\n";
	const struct tg_http_header *h;
	char out[32];
	int st;

	CHECK(tg_http_token_eq("Chunked", 7, "chunked"), "token_eq: case-insensitive");
	CHECK(!tg_http_token_eq("chunke", 6, "chunked"), "token_eq: shorter is not equal");
	CHECK(!tg_http_token_eq("chunkeds", 8, "chunked"), "token_eq: longer is not equal");
	CHECK(tg_http_token_eq("", 0, ""), "token_eq: empty equals empty");
	CHECK(!tg_http_token_eq("\xc3\xa9", 2, "\xc3\x89"), "token_eq: ASCII-only case folding");

	CHECK(tg_http_list_has("close", 5, "close"), "list_has: single token");
	CHECK(tg_http_list_has("keep-alive, Upgrade", 19, "upgrade"), "list_has: second token, any case");
	CHECK(tg_http_list_has(" \tTE ,  close\t ", 15, "close"), "list_has: OWS around tokens");
	CHECK(tg_http_list_has(",,close,,", 9, "close"), "list_has: empty elements skipped");
	CHECK(!tg_http_list_has("closed", 6, "close"), "list_has: no prefix match");
	CHECK(!tg_http_list_has("xclose", 6, "close"), "list_has: no suffix match");
	CHECK(!tg_http_list_has("keep-alive", 10, "close"), "list_has: absent");
	CHECK(!tg_http_list_has("", 0, "close"), "list_has: empty value");
	CHECK(!tg_http_list_has("close", 4, "close"), "list_has: honours the length");

	CHECK(req(s, strlen(s), 4096, &m, &st) > 0, "find: head parses");
	h = tg_http_find(&m, "Host");
	CHECK(h && h->value_len == 9 && memcmp(h->value, "a.example", 9) == 0, "find: case-insensitive name");
	h = tg_http_find(&m, "x-a");
	CHECK(h && h->value_len == 1 && h->value[0] == '1', "find: first of duplicates");
	CHECK(tg_http_find(&m, "X-Missing") == NULL, "find: missing is NULL");
	CHECK(tg_http_find(&m, "X-") == NULL, "find: no prefix match");

	CHECK(tg_chunk_header(out, 0) == 5 && memcmp(out, "0\r\n\r\n", 5) == 0,
	      "chunk_header: 0 is the last chunk");
	CHECK(tg_chunk_header(out, 1) == 3 && memcmp(out, "1\r\n", 3) == 0, "chunk_header: 1");
	CHECK(tg_chunk_header(out, 255) == 4 && memcmp(out, "ff\r\n", 4) == 0, "chunk_header: 255");
	CHECK(tg_chunk_header(out, 4096) == 6 && strcmp(out, "1000\r\n") == 0,
	      "chunk_header: 4096, NUL-terminated");
	CHECK(tg_chunk_header(out, SIZE_MAX) == 2 * sizeof(size_t) + 2 &&
	      memcmp(out, "ffffffff", 8) == 0, "chunk_header: SIZE_MAX fits");
}

static void test_requests_inline(void)
{
	struct tg_http_msg m;
	const char *s;
	int st = 0;
	ssize_t n;

	s = "POST /v1 HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello";
	n = tg_http_parse_request(s, strlen(s), 4096, &m, NULL, NULL);
	CHECK(n == (ssize_t)strlen(s) - 5 && m.body == TG_BODY_LENGTH && m.content_length == 5,
	      "request: NULL status and why are allowed");
	s = "POST /v1 HTTP/1.1\r\n\r\n";
	CHECK(tg_http_parse_request(s, strlen(s), 4096, &m, NULL, NULL) == -1,
	      "request: NULL status and why on failure");

	/* After a failure the same message still parses once fixed: no state. */
	s = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
	CHECK(req("GET / HTTP/1.1\n", 15, 4096, &m, &st) == -1 && req(s, strlen(s), 4096, &m, &st) > 0,
	      "request: no state carried between calls");

	/* A message with trailing pipelined data: only the head is consumed. */
	s = "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n";
	n = req(s, strlen(s), 4096, &m, &st);
	CHECK(n == 28 && m.target_len == 2 && memcmp(m.target, "/a", 2) == 0,
	      "request: pipelined second request is left alone");
	n = req(s + n, strlen(s) - (size_t)n, 4096, &m, &st);
	CHECK(n == 28 && m.target_len == 2 && memcmp(m.target, "/b", 2) == 0,
	      "request: pipelined second request parses");

	/* A head buffer that ends mid-CRLF and contains nothing unusual. */
	s = "GET / HTTP/1.1\r\nHost: x\r\n\r";
	CHECK(req(s, strlen(s), 4096, &m, &st) == 0, "request: final CR without LF needs more");
}

static void test_responses_inline(void)
{
	struct tg_http_msg m;
	const char *s, *why = NULL;
	int st = 0;
	ssize_t n;

	s = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";
	n = tg_http_parse_response(s, strlen(s), 4096, NULL, 0, &m, &st, &why);
	CHECK(n == (ssize_t)strlen(s) - 2 && m.body == TG_BODY_LENGTH,
	      "response: unknown request method (NULL)");
	s = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n";
	n = tg_http_parse_response(s, strlen(s), 4096, "HEADER", 4, &m, &st, &why);
	CHECK(n > 0 && m.body == TG_BODY_NONE, "response: request method is a (pointer, length)");
	n = tg_http_parse_response(s, strlen(s), 4096, "head", 4, &m, &st, &why);
	CHECK(n > 0 && m.body == TG_BODY_LENGTH, "response: methods are case-sensitive");
	s = "HTTP/1.1 200 OK\r\nContent-Type: Text/Event-Stream; charset=utf-8\r\nContent-Length: 0\r\n\r\n";
	n = tg_http_parse_response(s, strlen(s), 4096, "POST", 4, &m, &st, &why);
	CHECK(n > 0 && tg_http_content_type_is(&m, "text/event-stream") && !tg_http_content_type_is(&m, "application/json"),
	      "content type: case-insensitive, parameters allowed");
	s = "HTTP/1.1 200 OK\r\nContent-Type: text/event\r\nContent-Length: 0\r\n\r\n";
	n = tg_http_parse_response(s, strlen(s), 4096, "POST", 4, &m, &st, &why);
	CHECK(n > 0 && !tg_http_content_type_is(&m, "text/event-stream"), "content type: a shorter one is not it");
	s = "HTTP/1.1 200 OK\r\nX: 1\r\n";
	n = tg_http_parse_response(s, strlen(s), 16, "GET", 3, &m, &st, &why);
	CHECK(n == -1 && st == 502, "response: incomplete head over the limit is 502");
	s = "HTTP/1.1 204 No Content\r\nContent-Length: 7\r\n\r\n";
	n = tg_http_parse_response(s, strlen(s), 4096, "GET", 3, &m, &st, &why);
	CHECK(n > 0 && m.body == TG_BODY_NONE && m.content_length == 0,
	      "response: 204 has no body whatever Content-Length says");
}

/* Random damage to valid heads: whatever comes back must be coherent, and
 * an accepted head must contain no NUL, bare CR or bare LF. */
static void test_mutations(void)
{
	static const char *seeds[] = {
		"POST /v1/chat/completions HTTP/1.1\r\nHost: api.openai.com\r\n"
		"Content-Length: 12\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
		"GET /v1/realtime HTTP/1.1\r\nHost: [::1]:8080\r\nUpgrade: websocket\r\n"
		"Connection: Upgrade\r\nExpect: 100-continue\r\n\r\n",
		"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\n",
	};
	static const char alphabet[] = "\r\n\0 \t:,;0123456789abcHTP/ -";
	struct tg_http_msg m;
	char buf[512];
	uint32_t rnd = 12345;
	bool coherent = true;
	unsigned accepted = 0, refused = 0;

	for (int iter = 0; iter < 30000; iter++) {
		const char *seed = seeds[iter % (sizeof(seeds) / sizeof(seeds[0]))];
		size_t len = strlen(seed), edits = 1 + next_rand(&rnd) % 3;
		const char *why = NULL;
		int st = 0;
		ssize_t n;

		memcpy(buf, seed, len);
		for (size_t e = 0; e < edits; e++) {
			size_t at = next_rand(&rnd) % len;
			char c = alphabet[next_rand(&rnd) % (sizeof(alphabet) - 1)];

			switch (next_rand(&rnd) % 3) {
			case 0: buf[at] = c; break;                 /* replace */
			case 1:                                         /* insert */
				if (len < sizeof(buf) - 1) {
					memmove(buf + at + 1, buf + at, len - at);
					buf[at] = c;
					len++;
				}
				break;
			default:                                        /* delete */
				memmove(buf + at, buf + at + 1, len - at - 1);
				len--;
				break;
			}
		}
		if (iter % 3 == 2)
			n = tg_http_parse_response(buf, len, 256, "GET", 3, &m, &st, &why);
		else
			n = tg_http_parse_request(buf, len, 256, &m, &st, &why);
		if (n > 0) {
			accepted++;
			if ((size_t)n > len || m.head_len != (size_t)n || memchr(buf, '\0', (size_t)n) ||
			    memcmp(buf + n - 4, "\r\n\r\n", 4) != 0)
				coherent = false;
			for (ssize_t i = 0; i < n; i++) {
				if ((buf[i] == '\r') != (i + 1 < n && buf[i + 1] == '\n') ||
				    (buf[i] == '\n' && (i == 0 || buf[i - 1] != '\r')))
					coherent = false;
			}
			if (m.body == TG_BODY_CHUNKED && m.content_length != 0)
				coherent = false;
		} else if (n < 0) {
			refused++;
			if (!why || !(st == 400 || st == 431 || st == 501 || st == 505 ||
				      st == 417 || st == 502))
				coherent = false;
		}
	}
	printf("# mutations: %u accepted, %u refused\n", accepted, refused);
	CHECK(coherent, "mutations: results coherent, accepted heads clean");
}

static void test_chunked_inline(void)
{
	struct tg_chunked c;
	const char *data, *why;
	size_t dlen;
	char *buf = malloc(2 * 4096 + 64);
	struct decoded *d = malloc(sizeof(*d));
	size_t len, plen = 0, total;
	uint32_t rnd = 777;
	char payload[20000];
	ssize_t r;
	bool ok = true;

	/* Extension lengths at and over the limit (size digit + ';' + ext). */
	len = 0;
	buf[len++] = '1';
	buf[len++] = ';';
	memset(buf + len, 'e', 4094);
	len += 4094;
	memcpy(buf + len, "\r\nx\r\n0\r\n\r\n", 10);
	decode_split(buf, len + 10, SPLIT_WHOLE, 0, 0, d);
	CHECK(d->done && d->plen == 1, "chunked: size line of 4096 bytes accepted");
	memmove(buf + 3, buf + 2, len + 10 - 2);
	buf[2] = 'e';
	decode_split(buf, len + 11, SPLIT_WHOLE, 0, 0, d);
	CHECK(d->error, "chunked: size line of 4097 bytes refused");

	len = 0;
	memcpy(buf, "0\r\nX:", 5);
	len = 5;
	memset(buf + len, 'v', 4094);
	len += 4094;
	memcpy(buf + len, "\r\n\r\n", 4);
	decode_split(buf, len + 4, SPLIT_WHOLE, 0, 0, d);
	CHECK(d->done, "chunked: trailer line of 4096 bytes accepted");
	memmove(buf + 4, buf + 3, len + 4 - 3);
	buf[3] = 'Y';
	decode_split(buf, len + 5, SPLIT_WHOLE, 0, 0, d);
	CHECK(d->error, "chunked: trailer line of 4097 bytes refused");

	/* A huge chunk streams without error. */
	tg_chunked_init(&c);
	r = tg_chunked_feed(&c, "ffffffffffffffff\r\nabc", 21, &data, &dlen, &why);
	CHECK(r == 21 && dlen == 3 && c.remaining == UINT64_MAX - 3,
	      "chunked: 2^64-1 byte chunk streams");

	/* Done: nothing more is consumed. Error: it sticks. */
	tg_chunked_init(&c);
	r = tg_chunked_feed(&c, "0\r\n\r\nNEXT", 9, &data, &dlen, &why);
	CHECK(r == 5 && c.done, "chunked: stops at the end of the body");
	r = tg_chunked_feed(&c, "NEXT", 4, &data, &dlen, &why);
	CHECK(r == 0 && dlen == 0, "chunked: consumes nothing once done");
	tg_chunked_init(&c);
	why = NULL;
	r = tg_chunked_feed(&c, "z", 1, &data, &dlen, &why);
	CHECK(r == -1 && why, "chunked: error has a reason");
	r = tg_chunked_feed(&c, "0\r\n\r\n", 5, &data, &dlen, &why);
	CHECK(r == -1, "chunked: error is sticky");
	tg_chunked_init(&c);
	r = tg_chunked_feed(&c, "5\r\n", 3, &data, &dlen, &why);
	CHECK(r == 3 && dlen == 0 && data == NULL, "chunked: framing only gives an empty span");
	r = tg_chunked_feed(&c, "hel", 3, &data, &dlen, &why);
	CHECK(r == 3 && dlen == 3 && memcmp(data, "hel", 3) == 0, "chunked: partial chunk payload");

	/* Round trip through tg_chunk_header with random chunk sizes. */
	for (size_t i = 0; i < sizeof(payload); i++)
		payload[i] = (char)next_rand(&rnd);
	free(buf);
	buf = malloc(2 * sizeof(payload));
	total = 0;
	while (plen < sizeof(payload)) {
		size_t n = 1 + next_rand(&rnd) % 700;

		if (n > sizeof(payload) - plen)
			n = sizeof(payload) - plen;
		total += tg_chunk_header(buf + total, n);
		memcpy(buf + total, payload + plen, n);
		total += n;
		memcpy(buf + total, "\r\n", 2);
		total += 2;
		plen += n;
	}
	total += tg_chunk_header(buf + total, 0);
	decode_split(buf, total, SPLIT_WHOLE, 0, 0, d);
	CHECK(decoded_as_expected(d, payload, plen, total), "chunked: round trip in one piece");
	decode_split(buf, total, SPLIT_BYTES, 0, 0, d);
	CHECK(decoded_as_expected(d, payload, plen, total), "chunked: round trip one byte at a time");
	for (uint32_t seed = 1; seed <= 100 && ok; seed++) {
		decode_split(buf, total, SPLIT_RANDOM, 0, seed, d);
		ok = decoded_as_expected(d, payload, plen, total);
	}
	CHECK(ok, "chunked: round trip in random pieces");
	free(buf);
	free(d);
}

int main(void)
{
	run_data_vectors();
	test_limits();
	test_value_bytes();
	test_rebase();
	test_helpers();
	test_requests_inline();
	test_responses_inline();
	test_mutations();
	test_chunked_inline();
	CHECK_DONE();
}
