/*
 * http1.c - strict HTTP/1.1 message heads and chunked body framing.
 *
 * tg_http_parse_request() and tg_http_parse_response() read a head in one
 * pass over the buffer: memchr() finds each LF, the line in front of it is
 * checked byte by byte against a small character table, and the header
 * fields that decide framing (Content-Length, Transfer-Encoding, Host,
 * Connection, Expect, Upgrade) are interpreted as they go by. Nothing is
 * copied or allocated; the parser keeps no state between calls, so a caller
 * that gets 0 ("need more") calls again from the start of the message once
 * more bytes have arrived.
 *
 * Every rule here is about request smuggling: the proxy must never see a
 * different message boundary than the server behind it, so anything that two
 * implementations could read differently is refused (see http1.h).
 *
 * Statuses for a malformed request: 400 (syntax and framing), 431 (head too
 * large or too many fields), 501 (a transfer coding other than chunked), 505
 * (a well-formed but unsupported HTTP version) and 417 (an Expect other than
 * 100-continue). Every problem with a response is 502.
 *
 * The chunked decoder is a byte-at-a-time state machine for the framing and
 * hands payload back as spans of the input, so it does not care how the
 * input is split.
 */
#include "http1.h"

#include <string.h>

#include "word.h"

/* Largest Content-Length accepted (2^53, the largest integer a JSON number
 * or a double holds exactly; far above any sane LLM request). */
#define MAX_CONTENT_LENGTH (UINT64_C(1) << 53)

/* Longest chunk-size line (size plus extensions) and trailer line. */
#define CHUNK_LINE_MAX 4096

/* tchar (RFC 9110 5.6.2): what method and header names are made of. */
static const unsigned char token_chars[256] = {
	['!'] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['&'] = 1, ['\''] = 1,
	['*'] = 1, ['+'] = 1, ['-'] = 1, ['.'] = 1, ['^'] = 1, ['_'] = 1,
	['`'] = 1, ['|'] = 1, ['~'] = 1,
	['0' ... '9'] = 1, ['A' ... 'Z'] = 1, ['a' ... 'z'] = 1,
};

/* Host: a name, IPv4 address or [IPv6] literal with an optional port.
 * The URI grammar also allows sub-delims and percent-encoding in a
 * reg-name; nobody uses them in a Host and they only make room for two
 * readers to disagree, so they are refused. */
static const unsigned char host_chars[256] = {
	['-'] = 1, ['.'] = 1, ['_'] = 1, ['~'] = 1, [':'] = 1, ['['] = 1, [']'] = 1,
	['0' ... '9'] = 1, ['A' ... 'Z'] = 1, ['a' ... 'z'] = 1,
};

static unsigned char ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* field-vchar, SP and HTAB (RFC 9110 5.5): anything but controls and DEL. */
static bool is_field_char(unsigned char c)
{
	return c >= 0x20 ? c != 0x7f : c == '\t';
}

/* The request target: visible ASCII without '#' (a fragment is never sent). */
static bool is_target_char(unsigned char c)
{
	return c > 0x20 && c < 0x7f && c != '#';
}

static bool is_ows(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int fail(int *status, const char **why, int code, const char *reason)
{
	if (status)
		*status = code;
	if (why)
		*why = reason;
	return -1;
}

/* Explain a byte that is not allowed where it was found: NUL and CR get
 * their own message, anything else the caller's. */
static const char *bad_byte(unsigned char c, const char *otherwise)
{
	if (c == '\0')
		return "NUL byte in head";
	if (c == '\r')
		return "bare CR in head";
	return otherwise;
}

bool tg_http_caseeq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ascii_lower((unsigned char)a[i]) != ascii_lower((unsigned char)b[i]))
			return false;
	return true;
}

bool tg_http_content_type_is(const struct tg_http_msg *msg, const char *type)
{
	const struct tg_http_header *ct = tg_http_find(msg, "content-type");
	size_t n = strlen(type);

	return ct && ct->value_len >= n && strncasecmp(ct->value, type, n) == 0;
}

bool tg_http_list_has(const char *value, size_t len, const char *token)
{
	const char *p = value, *end = value + len;

	while (p < end) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *e = comma ? comma : end;
		const char *s = p;

		while (s < e && is_ows(*s))
			s++;
		while (e > s && is_ows(e[-1]))
			e--;
		if (tg_http_token_eq(s, (size_t)(e - s), token))
			return true;
		if (!comma)
			break;
		p = comma + 1;
	}
	return false;
}

static const char *rebase(const char *p, const char *from, const char *to)
{
	return p ? to + (p - from) : NULL;
}

void tg_http_msg_rebase(struct tg_http_msg *msg, const char *from, const char *to)
{
	msg->method = rebase(msg->method, from, to);
	msg->target = rebase(msg->target, from, to);
	msg->reason = rebase(msg->reason, from, to);
	for (size_t i = 0; i < msg->nheaders; i++) {
		msg->headers[i].name = rebase(msg->headers[i].name, from, to);
		msg->headers[i].value = rebase(msg->headers[i].value, from, to);
	}
}

const struct tg_http_header *tg_http_find(const struct tg_http_msg *msg, const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < msg->nheaders; i++) {
		const struct tg_http_header *h = &msg->headers[i];

		if (h->name_len == n && tg_http_caseeq(h->name, name, n))
			return h;
	}
	return NULL;
}

/* What the header fields said about framing and the connection. */
struct head_facts {
	int host_count;
	int cl_count;
	int te_count;
	bool te_chunked;       /* the Transfer-Encoding value is exactly "chunked" */
	uint64_t content_length;
	bool conn_close;
	bool conn_keep_alive;
	bool conn_upgrade;
	bool has_upgrade;      /* an Upgrade field is present */
	bool expect_continue;
	bool expect_other;     /* an Expect other than 100-continue */
};

/* "HTTP/1.1" or "HTTP/1.0": returns the minor version, or -1. */
static int parse_version(const char *p, size_t n)
{
	if (n != 8 || memcmp(p, "HTTP/1.", 7) != 0)
		return -1;
	if (p[7] == '1')
		return 1;
	if (p[7] == '0')
		return 0;
	return -1;
}

/* method SP request-target SP HTTP-version, in [p, eol). */
static int parse_request_line(const char *p, const char *eol, struct tg_http_msg *msg,
			      int *status, const char **why)
{
	const char *q = p, *target, *version;
	size_t version_len;

	while (q < eol && token_chars[(unsigned char)*q])
		q++;
	if (q == eol)
		return fail(status, why, 400, "malformed request line");
	if (*q != ' ')
		return fail(status, why, 400, bad_byte((unsigned char)*q, "invalid character in method"));
	if (q == p)
		return fail(status, why, 400, "empty method");
	msg->method = p;
	msg->method_len = (size_t)(q - p);

	target = ++q;
	while (q < eol && is_target_char((unsigned char)*q))
		q++;
	if (q == target)
		return fail(status, why, 400, q < eol && *q != ' ' ?
			    bad_byte((unsigned char)*q, "invalid character in request target") :
			    "empty request target");
	if (q == eol)
		return fail(status, why, 400, "missing HTTP version");
	if (*q != ' ')
		return fail(status, why, 400, bad_byte((unsigned char)*q, "invalid character in request target"));
	msg->target = target;
	msg->target_len = (size_t)(q - target);

	version = q + 1;
	version_len = (size_t)(eol - version);
	msg->minor_version = parse_version(version, version_len);
	if (msg->minor_version < 0) {
		if (version_len == 8 && memcmp(version, "HTTP/", 5) == 0 &&
		    is_digit(version[5]) && version[6] == '.' && is_digit(version[7]))
			return fail(status, why, 505, "unsupported HTTP version");
		if (memchr(version, '\0', version_len))
			return fail(status, why, 400, bad_byte('\0', NULL));
		if (memchr(version, '\r', version_len))
			return fail(status, why, 400, bad_byte('\r', NULL));
		return fail(status, why, 400, "malformed HTTP version");
	}

	/* origin-form, or "*" for OPTIONS; no absolute- or authority-form. */
	if (target[0] != '/' &&
	    !(msg->target_len == 1 && target[0] == '*' &&
	      msg->method_len == 7 && memcmp(msg->method, "OPTIONS", 7) == 0))
		return fail(status, why, 400, "request target is not origin-form");
	return 0;
}

/* HTTP-version SP 3DIGIT [SP reason-phrase], in [p, eol). Any error is 502. */
static int parse_status_line(const char *p, const char *eol, struct tg_http_msg *msg,
			     int *status, const char **why)
{
	size_t n = (size_t)(eol - p);

	if (n < 12 || p[8] != ' ')
		return fail(status, why, 502, "malformed status line");
	msg->minor_version = parse_version(p, 8);
	if (msg->minor_version < 0)
		return fail(status, why, 502, "unsupported HTTP version in status line");
	if (!is_digit(p[9]) || !is_digit(p[10]) || !is_digit(p[11]))
		return fail(status, why, 502, "malformed status code");
	msg->status = (p[9] - '0') * 100 + (p[10] - '0') * 10 + (p[11] - '0');
	if (msg->status < 100 || msg->status > 599)
		return fail(status, why, 502, "status code out of range");

	/* "HTTP/1.1 200" without a reason and its trailing space is accepted. */
	msg->reason = p + n;
	msg->reason_len = 0;
	if (n == 12)
		return 0;
	if (p[12] != ' ')
		return fail(status, why, 502, "malformed status line");
	for (const char *q = p + 13; q < eol; q++) {
		if (!is_field_char((unsigned char)*q))
			return fail(status, why, 502, bad_byte((unsigned char)*q, "control character in reason phrase"));
	}
	msg->reason = p + 13;
	msg->reason_len = n - 13;
	return 0;
}

/* field-name ":" OWS field-value OWS, in [p, eol). */
static int parse_header_line(const char *p, const char *eol, struct tg_http_header *h,
			     int *status, const char **why)
{
	const char *q = p, *v, *ve;

	if (is_ows(*p))
		return fail(status, why, 400, "obsolete line folding");
	while (q < eol && token_chars[(unsigned char)*q])
		q++;
	if (q == eol)
		return fail(status, why, 400, "header line without a colon");
	if (*q != ':') {
		const char *r = q;

		while (r < eol && is_ows(*r))
			r++;
		if (r < eol && *r == ':')
			return fail(status, why, 400, "whitespace between header name and colon");
		if (is_ows(*q))
			return fail(status, why, 400, "whitespace in header name");
		return fail(status, why, 400, bad_byte((unsigned char)*q, "invalid character in header name"));
	}
	if (q == p)
		return fail(status, why, 400, "empty header name");
	h->name = p;
	h->name_len = (size_t)(q - p);

	v = q + 1;
	ve = eol;
	while (v < ve && is_ows(*v))
		v++;
	while (ve > v && is_ows(ve[-1]))
		ve--;
	/* eight bytes at a time while none is a control or DEL (an HTAB, which
	 * is allowed, also ends the run), then byte by byte */
	for (q = v; ve - q >= 8; q += 8) {
		uint64_t w = tg_word_load(q);

		if (tg_word_below(w, 0x20) | tg_word_eq(w, 0x7f))
			break;
	}
	for (; q < ve; q++) {
		if (!is_field_char((unsigned char)*q))
			return fail(status, why, 400, bad_byte((unsigned char)*q, "control character in header value"));
	}
	h->value = v;
	h->value_len = (size_t)(ve - v);
	return 0;
}

/* 1*DIGIT, at most MAX_CONTENT_LENGTH. A list ("5, 5") is not digits. */
static int parse_content_length(const char *s, size_t n, uint64_t *out,
				int *status, const char **why)
{
	uint64_t v = 0;

	if (n == 0)
		return fail(status, why, 400, "invalid Content-Length");
	for (size_t i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return fail(status, why, 400, "invalid Content-Length");
		v = v * 10 + (uint64_t)(s[i] - '0');
		if (v > MAX_CONTENT_LENGTH)
			return fail(status, why, 400, "Content-Length too large");
	}
	*out = v;
	return 0;
}

static int check_host(const char *s, size_t n, int *status, const char **why)
{
	if (n == 0)
		return fail(status, why, 400, "empty Host");
	for (size_t i = 0; i < n; i++) {
		if (!host_chars[(unsigned char)s[i]])
			return fail(status, why, 400, "invalid Host");
	}
	return 0;
}

/* Take note of the header fields that matter for framing. */
static int note_header(const struct tg_http_header *h, bool is_request, struct head_facts *f,
		       int *status, const char **why)
{
	const char *v = h->value;
	size_t n = h->value_len;

	if (tg_http_token_eq(h->name, h->name_len, "content-length")) {
		if (f->cl_count++)
			return fail(status, why, 400, "duplicate Content-Length");
		return parse_content_length(v, n, &f->content_length, status, why);
	}
	if (tg_http_token_eq(h->name, h->name_len, "transfer-encoding")) {
		if (f->te_count++)
			return fail(status, why, 400, "duplicate Transfer-Encoding");
		f->te_chunked = tg_http_token_eq(v, n, "chunked");
		return 0;
	}
	if (tg_http_token_eq(h->name, h->name_len, "connection")) {
		f->conn_close |= tg_http_list_has(v, n, "close");
		f->conn_keep_alive |= tg_http_list_has(v, n, "keep-alive");
		f->conn_upgrade |= tg_http_list_has(v, n, "upgrade");
		return 0;
	}
	if (tg_http_token_eq(h->name, h->name_len, "upgrade")) {
		f->has_upgrade = true;
		return 0;
	}
	if (!is_request)
		return 0;
	if (tg_http_token_eq(h->name, h->name_len, "host")) {
		if (f->host_count++)
			return fail(status, why, 400, "duplicate Host");
		return check_host(v, n, status, why);
	}
	if (tg_http_token_eq(h->name, h->name_len, "expect")) {
		if (tg_http_token_eq(v, n, "100-continue"))
			f->expect_continue = true;
		else
			f->expect_other = true;
	}
	return 0;
}

/*
 * Find and check the head: the start line, then header lines, up to the
 * empty line. Only the first max_head bytes are looked at. Returns the head
 * length, 0 if it is not complete yet, or -1 (status 400, 431, 505; the
 * response wrapper turns every status into 502).
 */
static ssize_t parse_head(const char *buf, size_t len, size_t max_head, bool is_request,
			  struct tg_http_msg *msg, struct head_facts *f,
			  int *status, const char **why)
{
	const char *p = buf;
	const char *end = buf + (len < max_head ? len : max_head);
	bool start_line = true;

	memset(f, 0, sizeof(*f));
	msg->method = NULL;
	msg->method_len = 0;
	msg->target = NULL;
	msg->target_len = 0;
	msg->status = 0;
	msg->reason = NULL;
	msg->reason_len = 0;
	msg->minor_version = 0;
	msg->nheaders = 0;
	msg->head_len = 0;
	msg->body = TG_BODY_NONE;
	msg->content_length = 0;
	msg->keep_alive = false;
	msg->expect_continue = false;
	msg->upgrade = false;

	for (;;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol;
		int rc;

		if (!nl)
			break;
		if (nl == p || nl[-1] != '\r')
			return fail(status, why, 400, "bare LF in head");
		eol = nl - 1;

		if (start_line) {
			rc = is_request ? parse_request_line(p, eol, msg, status, why) :
					  parse_status_line(p, eol, msg, status, why);
			start_line = false;
		} else if (eol == p) {
			msg->head_len = (size_t)(nl + 1 - buf);
			return (ssize_t)msg->head_len;
		} else {
			struct tg_http_header *h = &msg->headers[msg->nheaders];

			if (msg->nheaders == TG_HTTP_MAX_HEADERS)
				return fail(status, why, 431, "too many header fields");
			rc = parse_header_line(p, eol, h, status, why);
			if (rc == 0)
				rc = note_header(h, is_request, f, status, why);
			if (rc == 0)
				msg->nheaders++;
		}
		if (rc < 0)
			return -1;
		p = nl + 1;
	}

	/* No end yet: wait for more, unless the head can no longer fit. */
	if (len >= max_head)
		return fail(status, why, 431, "head too large");
	return 0;
}

ssize_t tg_http_parse_request(const char *buf, size_t len, size_t max_head,
			      struct tg_http_msg *msg, int *status, const char **why)
{
	struct head_facts f;
	ssize_t n = parse_head(buf, len, max_head, true, msg, &f, status, why);

	if (n <= 0)
		return n;

	/* Framing first (400), then what we merely do not support. */
	if (f.te_count && f.cl_count)
		return fail(status, why, 400, "both Content-Length and Transfer-Encoding");
	if (f.te_count && msg->minor_version == 0)
		return fail(status, why, 400, "Transfer-Encoding in an HTTP/1.0 request");
	if (msg->minor_version == 1 && f.host_count == 0)
		return fail(status, why, 400, "missing Host");
	if (f.te_count && !f.te_chunked)
		return fail(status, why, 501, "unsupported transfer coding");
	if (f.expect_other)
		return fail(status, why, 417, "unsupported expectation");

	if (f.te_count) {
		msg->body = TG_BODY_CHUNKED;
	} else if (f.cl_count && f.content_length > 0) {
		msg->body = TG_BODY_LENGTH;
		msg->content_length = f.content_length;
	}
	if (msg->minor_version == 1) {
		msg->keep_alive = !f.conn_close;
		/* HTTP/1.0 has no 100 Continue and must not be upgraded (RFC 9110 7.8). */
		msg->expect_continue = f.expect_continue;
		msg->upgrade = f.conn_upgrade && f.has_upgrade;
	} else {
		msg->keep_alive = f.conn_keep_alive && !f.conn_close;
	}
	return n;
}

/* Does a response to this request, with this status, never have a body? */
static bool response_has_no_body(const char *req_method, size_t req_method_len, int status)
{
	if (status < 200 || status == 204 || status == 304)
		return true;
	if (req_method && req_method_len == 4 && memcmp(req_method, "HEAD", 4) == 0)
		return true;
	if (req_method && req_method_len == 7 && memcmp(req_method, "CONNECT", 7) == 0 &&
	    status < 300)
		return true;
	return false;
}

ssize_t tg_http_parse_response(const char *buf, size_t len, size_t max_head,
			       const char *req_method, size_t req_method_len,
			       struct tg_http_msg *msg, int *status, const char **why)
{
	struct head_facts f;
	ssize_t n = parse_head(buf, len, max_head, false, msg, &f, status, why);

	if (n < 0 && status)
		*status = 502;
	if (n <= 0)
		return n;

	if (f.te_count && f.cl_count)
		return fail(status, why, 502, "both Content-Length and Transfer-Encoding");
	if (f.te_count && msg->minor_version == 0)
		return fail(status, why, 502, "Transfer-Encoding in an HTTP/1.0 response");
	if (f.te_count && !f.te_chunked)
		return fail(status, why, 502, "unsupported transfer coding");

	if (response_has_no_body(req_method, req_method_len, msg->status)) {
		msg->body = TG_BODY_NONE;
	} else if (f.te_count) {
		msg->body = TG_BODY_CHUNKED;
	} else if (f.cl_count) {
		if (f.content_length > 0) {
			msg->body = TG_BODY_LENGTH;
			msg->content_length = f.content_length;
		}
	} else {
		msg->body = TG_BODY_UNTIL_CLOSE;
	}

	if (msg->minor_version == 1)
		msg->keep_alive = !f.conn_close;
	else
		msg->keep_alive = f.conn_keep_alive && !f.conn_close;
	if (msg->body == TG_BODY_UNTIL_CLOSE)
		msg->keep_alive = false;
	/* Servers advertise Upgrade on ordinary responses too; only a 101
	 * actually switches protocols. */
	msg->upgrade = msg->status == 101 && f.conn_upgrade && f.has_upgrade;
	return n;
}

/* Chunked decoder states. */
enum {
	CH_SIZE = 0,      /* hex digits of the chunk size */
	CH_EXT,           /* chunk extensions, up to CR */
	CH_SIZE_LF,       /* LF ending the size line */
	CH_DATA,          /* payload */
	CH_DATA_CR,       /* CR after the payload */
	CH_DATA_LF,       /* LF after the payload */
	CH_TRAILER_START, /* start of a trailer line, or the final empty line */
	CH_TRAILER,       /* inside a trailer line, up to CR */
	CH_TRAILER_LF,    /* LF ending a trailer line */
	CH_FINAL_LF,      /* LF of the final empty line */
	CH_DONE,
	CH_ERROR,
};

void tg_chunked_init(struct tg_chunked *c)
{
	memset(c, 0, sizeof(*c));
	c->state = CH_SIZE;
}

static ssize_t chunk_fail(struct tg_chunked *c, const char **why, const char *reason)
{
	c->state = CH_ERROR;
	if (why)
		*why = reason;
	return -1;
}

static int hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = ascii_lower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

ssize_t tg_chunked_feed(struct tg_chunked *c, const char *in, size_t len,
			const char **data, size_t *data_len, const char **why)
{
	size_t i = 0;

	*data = NULL;
	*data_len = 0;
	if (c->state == CH_ERROR)
		return chunk_fail(c, why, "chunked framing error");

	while (i < len && c->state != CH_DONE) {
		unsigned char ch = (unsigned char)in[i];
		size_t n;
		int v;

		switch (c->state) {
		case CH_SIZE:
			v = hex_value(ch);
			if (v >= 0) {
				if (c->line_len == 16)
					return chunk_fail(c, why, "chunk size too long");
				c->remaining = c->remaining << 4 | (uint64_t)v;
				c->line_len++;
			} else if (c->line_len == 0) {
				return chunk_fail(c, why, "missing chunk size");
			} else if (ch == ';') {
				c->line_len++;
				c->state = CH_EXT;
			} else if (ch == '\r') {
				c->state = CH_SIZE_LF;
			} else if (ch == '\n') {
				return chunk_fail(c, why, "bare LF after chunk size");
			} else {
				return chunk_fail(c, why, "invalid chunk size");
			}
			i++;
			break;
		case CH_EXT:
			if (ch == '\r')
				c->state = CH_SIZE_LF;
			else if (ch == '\n')
				return chunk_fail(c, why, "bare LF in chunk extension");
			else if (!is_field_char(ch))
				return chunk_fail(c, why, "control character in chunk extension");
			else if (++c->line_len > CHUNK_LINE_MAX)
				return chunk_fail(c, why, "chunk extension too long");
			i++;
			break;
		case CH_SIZE_LF:
			if (ch != '\n')
				return chunk_fail(c, why, "bare CR after chunk size");
			c->line_len = 0;
			c->state = c->remaining ? CH_DATA : CH_TRAILER_START;
			i++;
			break;
		case CH_DATA:
			/* Hand back the payload at once: one span per call. */
			n = len - i;
			if ((uint64_t)n > c->remaining)
				n = (size_t)c->remaining;
			c->remaining -= n;
			if (c->remaining == 0)
				c->state = CH_DATA_CR;
			*data = in + i;
			*data_len = n;
			return (ssize_t)(i + n);
		case CH_DATA_CR:
			if (ch != '\r')
				return chunk_fail(c, why, "chunk data not followed by CRLF");
			c->state = CH_DATA_LF;
			i++;
			break;
		case CH_DATA_LF:
			if (ch != '\n')
				return chunk_fail(c, why, "chunk data not followed by CRLF");
			c->state = CH_SIZE;
			i++;
			break;
		case CH_TRAILER_START:
			if (ch == '\r') {
				c->state = CH_FINAL_LF;
				i++;
			} else if (ch == '\n') {
				return chunk_fail(c, why, "bare LF after last chunk");
			} else if (is_ows((char)ch)) {
				return chunk_fail(c, why, "obsolete line folding in trailer");
			} else {
				c->state = CH_TRAILER; /* same byte again, as a trailer byte */
			}
			break;
		case CH_TRAILER:
			if (ch == '\r')
				c->state = CH_TRAILER_LF;
			else if (ch == '\n')
				return chunk_fail(c, why, "bare LF in trailer");
			else if (!is_field_char(ch))
				return chunk_fail(c, why, "control character in trailer");
			else if (++c->line_len > CHUNK_LINE_MAX)
				return chunk_fail(c, why, "trailer line too long");
			i++;
			break;
		case CH_TRAILER_LF:
			if (ch != '\n')
				return chunk_fail(c, why, "bare CR in trailer");
			c->line_len = 0;
			c->state = CH_TRAILER_START;
			i++;
			break;
		case CH_FINAL_LF:
			if (ch != '\n')
				return chunk_fail(c, why, "bare CR after last chunk");
			c->state = CH_DONE;
			c->done = true;
			i++;
			break;
		default:
			return chunk_fail(c, why, "chunked decoder in a bad state");
		}
	}
	return (ssize_t)i;
}

size_t tg_chunk_header(char *out, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char digits[2 * sizeof(size_t)];
	size_t ndigits = 0, len = 0;

	if (n == 0) {
		memcpy(out, "0\r\n\r\n", 6);
		return 5;
	}
	while (n) {
		digits[ndigits++] = hex[n & 15];
		n >>= 4;
	}
	while (ndigits)
		out[len++] = digits[--ndigits];
	out[len++] = '\r';
	out[len++] = '\n';
	out[len] = '\0';
	return len;
}
