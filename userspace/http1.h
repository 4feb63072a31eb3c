/*
 * http1.h - strict HTTP/1.1 message heads and body framing.
 *
 * The parser works on a buffer holding the start of a message and never
 * copies: names, values, method and target point into that buffer. It is
 * deliberately strict, because a proxy that reads framing differently from
 * the server behind it is a request-smuggling hole:
 *   - CRLF line endings only (a bare LF or bare CR is an error)
 *   - no obs-fold (a header line starting with space or tab)
 *   - header names are RFC 9110 tokens, no space before the colon
 *   - field values: visible ASCII, obs-text, SP and HTAB; no NUL or controls
 *   - Content-Length: digits only, at most once, no overflow
 *   - Transfer-Encoding: exactly "chunked" (case-insensitive), at most once,
 *     never together with Content-Length
 *   - requests: HTTP/1.1 or HTTP/1.0, exactly one Host on HTTP/1.1,
 *     origin-form target (starts with "/") or "*" for OPTIONS
 * Limits: TG_HTTP_MAX_HEADERS header lines; the caller passes the maximum
 * size of a head.
 */
#ifndef TG_HTTP1_H
#define TG_HTTP1_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>

#define TG_HTTP_MAX_HEADERS 128

struct tg_http_header {
	const char *name;
	size_t name_len;
	const char *value; /* leading and trailing SP/HTAB trimmed */
	size_t value_len;
};

enum tg_http_body {
	TG_BODY_NONE = 0,  /* no body */
	TG_BODY_LENGTH,    /* content_length bytes */
	TG_BODY_CHUNKED,   /* chunked transfer coding */
	TG_BODY_UNTIL_CLOSE /* responses only: body ends when the connection closes */
};

struct tg_http_msg {
	/* request line (requests only) */
	const char *method;
	size_t method_len;
	const char *target;
	size_t target_len;
	/* status line (responses only) */
	int status;
	const char *reason;
	size_t reason_len;

	int minor_version; /* HTTP/1.<minor_version> */
	struct tg_http_header headers[TG_HTTP_MAX_HEADERS];
	size_t nheaders;
	size_t head_len;   /* bytes of the head, including the final CRLF CRLF */

	/* framing and connection semantics derived from the headers */
	enum tg_http_body body;
	uint64_t content_length;
	bool keep_alive;       /* per version default and Connection header */
	bool expect_continue;  /* request had "Expect: 100-continue" */
	bool upgrade;          /* Connection: upgrade with an Upgrade header */
};

/* Parse outcome: >0 head complete, that many bytes long; 0 need more bytes;
 * -1 malformed: *status is the HTTP status to answer with (400, 417, 431,
 * 501, 505 or, for responses, 502) and *why a short static explanation. */
ssize_t tg_http_parse_request(const char *buf, size_t len, size_t max_head,
			      struct tg_http_msg *msg, int *status, const char **why);

/* req_method is the method of the request this response answers (HEAD,
 * and 1xx/204/304 statuses, have no body; a 2xx answer to CONNECT neither). */
ssize_t tg_http_parse_response(const char *buf, size_t len, size_t max_head,
			       const char *req_method, size_t req_method_len,
			       struct tg_http_msg *msg, int *status, const char **why);

/* Case-insensitive header lookup; returns the first match or NULL. */
const struct tg_http_header *tg_http_find(const struct tg_http_msg *msg, const char *name);

/* msg was parsed from a head at `from`; point it at the same bytes of a
 * copy of that head at `to` (so that it can outlive the buffer it was
 * parsed in, without parsing the copy again). */
void tg_http_msg_rebase(struct tg_http_msg *msg, const char *from, const char *to);

/* Case-insensitive comparisons on (pointer, length) strings. */
bool tg_http_caseeq(const char *a, const char *b, size_t n);
/* s[0..n) equals the string lit, ignoring ASCII case. Inline, so that for a
 * literal the length is a constant and most names are told apart by it. */
static inline bool tg_http_token_eq(const char *s, size_t n, const char *lit)
{
	return strlen(lit) == n && tg_http_caseeq(s, lit, n);
}
/* Does a comma-separated header value contain this token (case-insensitive)? */
bool tg_http_list_has(const char *value, size_t len, const char *token);
/* Is the message's Content-Type this media type ("text/event-stream";
 * case-insensitive, parameters after it allowed)? */
bool tg_http_content_type_is(const struct tg_http_msg *msg, const char *type);

/*
 * Incremental chunked-body decoder. Feed it bytes as they arrive; it hands
 * back spans of payload that point into the input (no copy). Chunk
 * extensions are ignored (bounded in length), trailers are consumed and
 * dropped, and any deviation from the grammar is an error.
 */
struct tg_chunked {
	int state;
	uint64_t remaining;  /* payload bytes left in the current chunk */
	size_t line_len;     /* bytes seen in the current size/extension/trailer line */
	bool done;           /* final chunk and trailers consumed */
};

void tg_chunked_init(struct tg_chunked *c);
/* Consume a prefix of in[0..len). Returns the number of bytes consumed
 * (>= 1 whenever len > 0 and not done), or -1 on a framing error (*why set).
 * If the consumed bytes end in payload, *data and *data_len give that payload
 * span (*data_len may be 0). Call in a loop until everything is consumed. */
ssize_t tg_chunked_feed(struct tg_chunked *c, const char *in, size_t len,
			const char **data, size_t *data_len, const char **why);

/* Write a chunk header for n payload bytes ("<hex>\r\n") into out (at least
 * 20 bytes); returns its length. The final chunk is "0\r\n\r\n". */
size_t tg_chunk_header(char *out, size_t n);

#endif
