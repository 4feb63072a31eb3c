/*
 * fuzz_http1.c - libFuzzer harness for the HTTP/1.1 head parser
 * (http1.c), which every request from an agent and every response from a
 * provider goes through. The input is parsed as a request head and as a
 * response head (to a GET, and to a HEAD when the first byte is odd).
 *
 * Checks, for every head the parser accepts: no crash, no undefined
 * behaviour, no read outside the input; the head ends with CRLF CRLF
 * within the input; every span it hands out (method, target, reason,
 * header names and values) lies inside the head; no header name is empty
 * or holds a byte outside the token set, and no value holds a control
 * byte other than HTAB or starts or ends with whitespace (what would let a
 * request be smuggled past it or split downstream); Content-Length framing
 * is the only framing when both could apply; the parse of a copy of the
 * head is the accepted parse rebased onto the copy (tg_http_msg_rebase);
 * and a head that needs more bytes keeps needing them until it is
 * complete or refused, never gets accepted with a different length.
 *
 *   make fuzz && build/fuzz/fuzz_http1 -max_total_time=600 tests/fuzz/corpus/http1
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "http1.h"

#define MAX_HEAD 8192

static bool inside(const char *p, size_t n, const char *head, size_t len)
{
	return n == 0 || (p >= head && p + n <= head + len);
}

static bool token_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c && strchr("!#$%&'*+-.^_`|~", c));
}

/* The invariants of an accepted head of len bytes at s. */
static void check_accepted(const char *s, size_t len, const struct tg_http_msg *m)
{
	if (len < 4 || memcmp(s + len - 4, "\r\n\r\n", 4) != 0 || m->head_len != len)
		abort(); /* a head ends at its empty line */
	if (!inside(m->method, m->method_len, s, len) || !inside(m->target, m->target_len, s, len) ||
	    !inside(m->reason, m->reason_len, s, len))
		abort();
	for (size_t i = 0; i < m->nheaders; i++) {
		const struct tg_http_header *h = &m->headers[i];

		if (!h->name_len || !inside(h->name, h->name_len, s, len) || !inside(h->value, h->value_len, s, len))
			abort();
		for (size_t k = 0; k < h->name_len; k++)
			if (!token_char((unsigned char)h->name[k]))
				abort();
		for (size_t k = 0; k < h->value_len; k++) {
			unsigned char c = (unsigned char)h->value[k];

			if ((c < 0x20 && c != '\t') || c == 0x7f)
				abort();
		}
		if (h->value_len && (h->value[0] == ' ' || h->value[0] == '\t' || h->value[h->value_len - 1] == ' ' ||
				     h->value[h->value_len - 1] == '\t'))
			abort(); /* OWS is trimmed */
	}
	if (m->body == TG_BODY_LENGTH && (tg_http_find(m, "transfer-encoding") || !tg_http_find(m, "content-length")))
		abort();
}

/* Parse s[0..len) as a request (response: is_response, to method); the result in m. */
static ssize_t parse(const char *s, size_t len, bool is_response, const char *method, struct tg_http_msg *m)
{
	int status;
	const char *why;

	if (is_response)
		return tg_http_parse_response(s, len, MAX_HEAD, method, strlen(method), m, &status, &why);
	return tg_http_parse_request(s, len, MAX_HEAD, m, &status, &why);
}

static void check_one(const char *s, size_t size, bool is_response, const char *method)
{
	struct tg_http_msg *m = malloc(sizeof(*m)), *again = malloc(sizeof(*again));
	ssize_t n = parse(s, size, is_response, method, m);

	if (!m || !again)
		abort();
	if (n > 0) {
		char *copy = malloc((size_t)n);

		check_accepted(s, (size_t)n, m);
		/* rebased onto a copy: the copy's own parse */
		if (!copy)
			abort();
		memcpy(copy, s, (size_t)n);
		tg_http_msg_rebase(m, s, copy);
		if (parse(copy, (size_t)n, is_response, method, again) != n || again->nheaders != m->nheaders ||
		    again->method != m->method || again->target != m->target || again->reason != m->reason ||
		    again->status != m->status || again->body != m->body || again->content_length != m->content_length)
			abort();
		for (size_t i = 0; i < m->nheaders; i++)
			if (again->headers[i].name != m->headers[i].name ||
			    again->headers[i].value != m->headers[i].value ||
			    again->headers[i].value_len != m->headers[i].value_len)
				abort();
		/* any prefix short of the empty line needs more bytes, or is refused */
		for (size_t cut = (size_t)n - 1; cut + 8 >= (size_t)n && cut > 0; cut--)
			if (parse(s, cut, is_response, method, again) > 0)
				abort();
		free(copy);
	}
	free(m);
	free(again);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init(false);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;

	if (size == 0 || size > 2 * MAX_HEAD)
		return 0;
	s = malloc(size); /* a copy of exactly size bytes: ASan sees any read past it */
	if (!s)
		abort();
	memcpy(s, data, size);
	check_one(s, size, false, "POST");
	check_one(s, size, true, data[0] & 1 ? "HEAD" : "GET");
	free(s);
	return 0;
}
