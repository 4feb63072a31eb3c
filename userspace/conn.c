/*
 * conn.c - one client connection from accept() to close.
 *
 *   PEEK ──► not a provider name ──► SPLICE (bytes relayed unchanged)
 *     │
 *     └──► provider name ──► HANDSHAKE ──► HEAD ──► BODY ──► (pipeline)
 *                                           ▲                    │
 *                                           │            UPSTREAM (connect,
 *                                           │             send, response head)
 *                                           │                    │
 *                                           ├──── RESPONSE ◄─────┘
 *                                           │        ├─► TUNNEL (101 upgrade)
 *                                           └──── HELD ◄┘ (a stage holds the
 *                                                 last bytes: see pipeline.h)
 *
 * Sockets are edge-triggered: on any event the connection's pump runs every
 * step it can until nothing moves, so it never waits on an edge it already
 * consumed. Response bytes are forwarded as soon as they are read.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/rand.h>

#include "daemon.h"
#include "proxy.h"
#include "identity.h"
#include "sni.h"

#define OUT_HIGH_WATER (256 * 1024) /* stop reading upstream above this */
#define SPLICE_BUF 65536

enum conn_state {
	CS_PEEK,
	CS_HANDSHAKE,
	CS_HEAD,
	CS_BODY,
	CS_UPSTREAM,
	CS_RESPONSE,
	CS_TUNNEL,
	CS_HELD,    /* the response is read; a stage holds its last bytes back */
	CS_SPLICE,
	CS_CLOSING, /* flushing the last bytes, then close */
};

struct tg_conn {
	struct tg_io io;
	struct tg_worker *w;
	struct tg_conn *next, *prev;
	enum conn_state state;
	bool dead;
	bool client_eof;
	bool read_drained;          /* the last read found the socket empty (tg_tls_watch_reads) */
	bool keep_alive;            /* answer the current request and keep going */
	struct tg_origin origin;
	char cgroup_path[512];
	const struct tg_provider *provider;
	char sni[256];
	SSL *ssl;
	struct tg_buf in, out;
	uint64_t flushed;           /* bytes written to the client so far */
	uint64_t call_out_base;     /* flushed + queued when the call began */
	struct tg_timer timer;

	/* current call */
	bool in_call;
	struct tg_call *call;       /* the current request; allocated per request */
	struct tg_chunked req_chunked;
	uint64_t req_left;
	struct tg_upstream *up;
	bool up_reused;
	int retries;
	bool res_started;           /* a response head went to the client */
	enum tg_http_body res_body;
	uint64_t res_left;
	struct tg_chunked res_chunked;
	bool chunked_out;
	bool first_event_early;     /* an SSE response whose first event has not gone out yet */
	struct tg_buf scratch;

	/* splice */
	struct tg_io sp;            /* connection to the original destination */
	bool sp_connected;
	struct tg_buf to_origin, to_client;
	bool sp_client_eof, sp_origin_eof;
};

static void pump(struct tg_conn *c);
static void reply_error(struct tg_conn *c, int status, const char *type, const char *message);
static void resume_call(struct tg_call *call, size_t stage, const char *data, size_t len, bool last);

static const char *reason_phrase(int status)
{
	switch (status) {
	case 100: return "Continue";
	case 200: return "OK";
	case 400: return "Bad Request";
	case 402: return "Payment Required";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 408: return "Request Timeout";
	case 413: return "Content Too Large";
	case 417: return "Expectation Failed";
	case 421: return "Misdirected Request";
	case 429: return "Too Many Requests";
	case 431: return "Request Header Fields Too Large";
	case 500: return "Internal Server Error";
	case 501: return "Not Implemented";
	case 502: return "Bad Gateway";
	case 503: return "Service Unavailable";
	case 504: return "Gateway Timeout";
	case 505: return "HTTP Version Not Supported";
	default: return "Error";
	}
}

static struct tg_daemon *D(struct tg_conn *c)
{
	return c->w->d;
}

/* ---- lifecycle ---------------------------------------------------------- */

static void end_call(struct tg_conn *c, enum tg_call_outcome outcome)
{
	if (!c->in_call)
		return;
	c->call->end_us = tg_now_us();
	c->call->bytes_to_client = c->flushed + tg_buf_used(&c->out) - c->call_out_base;
	if (c->call->outcome == TG_OUTCOME_OK)
		c->call->outcome = outcome;
	tg_pipeline_complete(&D(c)->pipeline, c->call);
	tg_buf_free(&c->call->req_head);
	tg_buf_free(&c->call->req_body);
	tg_buf_free(&c->call->res_head);
	free(c->call);
	c->call = NULL;
	c->in_call = false;
}

static void conn_close(struct tg_conn *c)
{
	struct tg_worker *w = c->w;

	if (c->dead)
		return;
	c->dead = true;
	end_call(c, TG_OUTCOME_CLIENT_GONE);
	if (c->up) {
		tg_upstream_release(c->up, false);
		c->up = NULL;
	}
	tg_timer_cancel(w->loop, &c->timer);
	tg_loop_del(w->loop, &c->io);
	if (c->ssl) {
		SSL_free(c->ssl);
		c->ssl = NULL;
	}
	close(c->io.fd);
	if (c->sp.fd >= 0) {
		tg_loop_del(w->loop, &c->sp);
		close(c->sp.fd);
		c->sp.fd = -1;
	}
	tg_buf_free(&c->in);
	tg_buf_free(&c->out);
	tg_buf_free(&c->scratch);
	tg_buf_free(&c->to_origin);
	tg_buf_free(&c->to_client);
	/* unlink from the live list, onto the dead list */
	if (c->prev)
		c->prev->next = c->next;
	else
		w->conns = c->next;
	if (c->next)
		c->next->prev = c->prev;
	c->next = w->dead;
	w->dead = c;
	atomic_fetch_sub(&w->live, 1);
}

/* Close with a TCP reset: for connections we will not serve at all. */
static void conn_reset(struct tg_conn *c)
{
	struct linger lg = {.l_onoff = 1, .l_linger = 0};

	setsockopt(c->io.fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	conn_close(c);
}

void tg_conn_free_dead(struct tg_worker *w)
{
	while (w->dead) {
		struct tg_conn *c = w->dead;

		w->dead = c->next;
		free(c);
	}
	tg_upstream_free_dead(w);
}

void tg_conn_close_all(struct tg_worker *w)
{
	while (w->conns)
		conn_close(w->conns);
	tg_conn_free_dead(w);
}

static void on_timer(struct tg_timer *t)
{
	struct tg_conn *c = t->owner;

	if (c->dead)
		return;
	switch (c->state) {
	case CS_UPSTREAM:
		if (!c->res_started) {
			snprintf(c->call->error, sizeof(c->call->error), "upstream did not answer in time");
			c->call->outcome = TG_OUTCOME_UPSTREAM_ERROR;
		}
		/* fall through */
	case CS_RESPONSE:
		if (c->up) {
			tg_upstream_release(c->up, false);
			c->up = NULL;
		}
		if (!c->res_started) {
			reply_error(c, 504, "tollgate_upstream_timeout", c->call->error);
			pump(c);
			return;
		}
		break;
	default:
		break;
	}
	tg_debug("connection from pid %u (%s) timed out in state %d", c->origin.tgid,
		 c->origin.comm, c->state);
	conn_close(c);
}

static void arm(struct tg_conn *c, uint32_t ms)
{
	tg_timer_arm(c->w->loop, &c->timer, ms);
}

/* ---- client I/O --------------------------------------------------------- */

/* Read decrypted bytes into c->in: >0 read, 0 would block, -1 EOF/error. */
static int client_read(struct tg_conn *c)
{
	char *p = tg_buf_reserve(&c->in, 16384);
	int n;

	if (!p)
		return -1;
	ERR_clear_error();
	if (c->read_drained && !SSL_has_pending(c->ssl)) {
		tg_buf_release_if_empty(&c->in);
		return 0;
	}
	n = SSL_read(c->ssl, p, 16384);
	if (n > 0) {
		tg_buf_commit(&c->in, (size_t)n);
		return n;
	}
	switch (SSL_get_error(c->ssl, n)) {
	case SSL_ERROR_WANT_READ:
	case SSL_ERROR_WANT_WRITE:
		/* nothing came: an idle connection keeps no read buffer */
		tg_buf_release_if_empty(&c->in);
		return 0;
	default:
		c->client_eof = true;
		return -1;
	}
}

/* Write c->out: 1 all written, 0 blocked, -1 error. */
static int client_flush(struct tg_conn *c)
{
	while (tg_buf_used(&c->out)) {
		size_t len = tg_buf_used(&c->out);
		int n;

		ERR_clear_error();
		n = SSL_write(c->ssl, tg_buf_start(&c->out), (int)(len > 1 << 30 ? 1 << 30 : len));
		if (n > 0) {
			tg_buf_consume(&c->out, (size_t)n);
			c->flushed += (uint64_t)n;
			continue;
		}
		switch (SSL_get_error(c->ssl, n)) {
		case SSL_ERROR_WANT_WRITE:
		case SSL_ERROR_WANT_READ:
			return 0;
		default:
			return -1;
		}
	}
	tg_buf_release_if_empty(&c->out);
	return 1;
}

/* ---- replies written by tollgate itself --------------------------------- */

/* Answer the current request with an error body in the provider's shape. */
static void reply_error(struct tg_conn *c, int status, const char *type, const char *message)
{
	enum tg_api_shape shape = c->provider ? c->provider->shape : TG_API_OPENAI;
	const char *trace = c->in_call ? c->call->trace_id : NULL;
	char *body = tg_error_body(shape, status, type, NULL, message, trace);
	size_t blen = body ? strlen(body) : 0;
	bool close_after = status == 400 || status == 413 || status == 431 || status == 408 ||
			   status == 421 || status == 501 || status == 505 || !c->keep_alive;

	tg_buf_printf(&c->out,
		      "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n"
		      "%s%s%s%s",
		      status, reason_phrase(status), blen, trace ? "x-tollgate-trace-id: " : "",
		      trace ? trace : "", trace ? "\r\n" : "",
		      close_after ? "Connection: close\r\n" : "");
	if (c->in_call && c->call->reply_retry_after_s)
		tg_buf_printf(&c->out, "Retry-After: %u\r\n", c->call->reply_retry_after_s);
	tg_buf_append(&c->out, "\r\n", 2);
	if (body)
		tg_buf_append(&c->out, body, blen);
	free(body);
	if (c->in_call) {
		c->call->status = status;
		if (c->call->outcome == TG_OUTCOME_OK)
			c->call->outcome = status >= 500 && status != 503 ? TG_OUTCOME_UPSTREAM_ERROR
									   : TG_OUTCOME_REFUSED;
		if (!c->call->error[0])
			snprintf(c->call->error, sizeof(c->call->error), "%s", message);
	}
	if (c->up) {
		tg_upstream_release(c->up, false);
		c->up = NULL;
	}
	end_call(c, TG_OUTCOME_REFUSED);
	c->keep_alive = !close_after;
	c->state = close_after ? CS_CLOSING : CS_HEAD;
	arm(c, D(c)->cfg.client_idle_timeout_ms);
}

/* ---- request ------------------------------------------------------------ */

static bool all_hex(const char *s, size_t n)
{
	bool nonzero = false;

	for (size_t i = 0; i < n; i++) {
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
		if (s[i] != '0')
			nonzero = true;
	}
	return nonzero;
}

/* n (at most sizeof(w->random)) random bytes from the worker's block. */
static void worker_random(struct tg_worker *w, unsigned char *out, size_t n)
{
	if (w->random_left < n) {
		if (RAND_bytes(w->random, sizeof(w->random)) != 1) {
			/* the DRBG failed (it reseeds from the OS): ask again, for n only */
			RAND_bytes(out, (int)n);
			return;
		}
		w->random_left = sizeof(w->random);
	}
	w->random_left -= n;
	memcpy(out, w->random + w->random_left, n);
}

/* Continue the agent's W3C trace when it sent a valid traceparent. */
static void trace_ids(struct tg_conn *c, struct tg_call *call)
{
	const struct tg_http_header *tp = tg_http_find(&call->req, "traceparent");
	unsigned char rnd[TG_TRACE_ID_RANDOM + TG_SPAN_ID_RANDOM];

	worker_random(c->w, rnd, sizeof(rnd));
	tg_trace_new_span_id(call->span_id, call->start_wall_ms, rnd + TG_TRACE_ID_RANDOM);
	if (tp && tp->value_len == 55 && tp->value[2] == '-' && tp->value[35] == '-' &&
	    tp->value[52] == '-' && all_hex(tp->value + 3, 32) && all_hex(tp->value + 36, 16) &&
	    memcmp(tp->value, "ff", 2) != 0) {
		memcpy(call->trace_id, tp->value + 3, 32);
		call->trace_id[32] = 0;
		memcpy(call->parent_span_id, tp->value + 36, 16);
		call->parent_span_id[16] = 0;
		return;
	}
	tg_trace_new_trace_id(call->trace_id, call->start_wall_ms, rnd);
	call->parent_span_id[0] = 0;
}

static bool hop_by_hop(const struct tg_http_header *h, const struct tg_http_header *connection)
{
	const char *n = h->name;
	size_t len = h->name_len;

	/* each a literal, so tg_http_token_eq compares lengths first */
	if (tg_http_token_eq(n, len, "connection") || tg_http_token_eq(n, len, "keep-alive") ||
	    tg_http_token_eq(n, len, "proxy-connection") || tg_http_token_eq(n, len, "te") ||
	    tg_http_token_eq(n, len, "trailer") || tg_http_token_eq(n, len, "transfer-encoding") ||
	    tg_http_token_eq(n, len, "upgrade") || tg_http_token_eq(n, len, "proxy-authorization") ||
	    tg_http_token_eq(n, len, "proxy-authenticate"))
		return true;
	if (connection) {
		char name[128];

		if (h->name_len < sizeof(name)) {
			memcpy(name, h->name, h->name_len);
			name[h->name_len] = 0;
			if (tg_http_list_has(connection->value, connection->value_len, name))
				return true;
		}
	}
	return false;
}

/* Host must name the server the client's TLS session is for. */
static bool host_matches_sni(const struct tg_conn *c)
{
	const struct tg_http_header *h = tg_http_find(&c->call->req, "host");
	size_t n;

	if (!h)
		return c->call->req.minor_version == 0;
	n = h->value_len;
	for (size_t i = 0; i < h->value_len; i++) {
		if (h->value[i] == ':') {
			n = i;
			break;
		}
	}
	if (n && h->value[n - 1] == '.')
		n--;
	return n == strlen(c->sni) && strncasecmp(h->value, c->sni, n) == 0;
}

/* Head lines are written without printf: they are written for every request. */
static inline int put_str(struct tg_buf *out, const char *s)
{
	return tg_buf_append(out, s, strlen(s));
}

static int put_u64(struct tg_buf *out, uint64_t v)
{
	char d[20];

	return tg_buf_append(out, d, tg_fmt_u64(d, v));
}

/* "Name: value\r\n", as the header came. */
static int append_header(struct tg_buf *out, const struct tg_http_header *h)
{
	return tg_buf_append(out, h->name, h->name_len) | tg_buf_append(out, ": ", 2) |
	       tg_buf_append(out, h->value, h->value_len) | tg_buf_append(out, "\r\n", 2);
}

static int build_upstream_request(struct tg_conn *c, struct tg_buf *out)
{
	const struct tg_http_msg *req = &c->call->req;
	const struct tg_http_header *conn_hdr = tg_http_find(req, "connection");
	const struct tg_http_header *upgrade = tg_http_find(req, "upgrade");
	bool body = tg_buf_used(&c->call->req_body) > 0 || req->body != TG_BODY_NONE ||
		    tg_http_token_eq(req->method, req->method_len, "POST") ||
		    tg_http_token_eq(req->method, req->method_len, "PUT") ||
		    tg_http_token_eq(req->method, req->method_len, "PATCH");
	int rc = 0;

	rc |= tg_buf_append(out, req->method, req->method_len) | put_str(out, " ") |
	      tg_buf_append(out, req->target, req->target_len) | put_str(out, " HTTP/1.1\r\n");
	for (size_t i = 0; i < req->nheaders; i++) {
		const struct tg_http_header *h = &req->headers[i];

		if (hop_by_hop(h, conn_hdr) || tg_http_token_eq(h->name, h->name_len, "content-length") ||
		    tg_http_token_eq(h->name, h->name_len, "expect") ||
		    tg_http_token_eq(h->name, h->name_len, "accept-encoding") ||
		    tg_http_token_eq(h->name, h->name_len, "traceparent"))
			continue;
		rc |= append_header(out, h);
	}
	if (req->upgrade && upgrade)
		rc |= tg_buf_printf(out, "Connection: Upgrade\r\nUpgrade: %.*s\r\n",
				    (int)upgrade->value_len, upgrade->value);
	rc |= put_str(out, "Accept-Encoding: identity\r\n");
	/* the provider's work is a child of tollgate's span, which continues the agent's trace */
	rc |= put_str(out, "traceparent: 00-") | put_str(out, c->call->trace_id) | put_str(out, "-") |
	      put_str(out, c->call->span_id) | put_str(out, "-01\r\n");
	if (body)
		rc |= put_str(out, "Content-Length: ") | put_u64(out, tg_buf_used(&c->call->req_body)) |
		      put_str(out, "\r\n");
	rc |= tg_buf_append(out, "\r\n", 2);
	rc |= tg_buf_append(out, tg_buf_start(&c->call->req_body), tg_buf_used(&c->call->req_body));
	return rc ? -1 : 0;
}

static void origin_sockaddr(const struct tg_origin *o, struct sockaddr_in6 *sa)
{
	memset(sa, 0, sizeof(*sa));
	sa->sin6_family = AF_INET6;
	memcpy(&sa->sin6_addr, o->addr, 16);
	sa->sin6_port = o->port;
}

/* Hand the finished request to an upstream connection. */
static void send_upstream(struct tg_conn *c)
{
	struct sockaddr_in6 sa;
	char why[256];

	origin_sockaddr(&c->origin, &sa);
	c->up = tg_upstream_get(c->w, &sa, c->sni, c, why, sizeof(why));
	if (!c->up) {
		c->call->outcome = TG_OUTCOME_UPSTREAM_ERROR;
		reply_error(c, 502, "tollgate_upstream_error", why);
		return;
	}
	c->up_reused = c->up->uses > 0;
	c->call->upstream_reused = c->up_reused;
	c->up->uses++;
	if (build_upstream_request(c, &c->up->out)) {
		reply_error(c, 500, "tollgate_internal_error", "out of memory");
		return;
	}
	c->call->bytes_to_upstream = tg_buf_used(&c->up->out);
	c->call->upstream_sent_us = tg_now_us();
	c->state = CS_UPSTREAM;
	arm(c, D(c)->cfg.upstream_idle_timeout_ms);
}

static void dispatch(struct tg_conn *c)
{
	if (tg_pipeline_request(&D(c)->pipeline, c->call) == TG_STAGE_STOP) {
		reply_error(c, c->call->reply_status,
				    c->call->reply_type ? c->call->reply_type : "tollgate_policy",
				    c->call->reply_message);
		return;
	}
	c->retries = 0;
	send_upstream(c);
}

static int begin_call(struct tg_conn *c)
{
	struct tg_call *call = calloc(1, sizeof(*call));

	if (!call)
		return -1;
	c->call = call;
	call->origin = &c->origin;
	call->cgroup_path = c->cgroup_path;
	call->provider = c->provider;
	call->host = c->sni;
	call->start_wall_ms = tg_wall_ms();
	call->start_us = tg_now_us();
	call->loop = c->w->loop;
	call->resume = resume_call;
	call->proxy = c;
	c->in_call = true;
	c->call_out_base = c->flushed + tg_buf_used(&c->out);
	c->res_started = false;
	c->chunked_out = false;
	atomic_fetch_add(&c->w->requests, 1);
	return 0;
}

/* A complete head (msg, parsed) is at the start of c->in: copy it, check it, start the call. */
static void start_request(struct tg_conn *c, const struct tg_http_msg *msg, size_t head_len)
{
	struct tg_call *call;

	if (begin_call(c)) {
		conn_close(c);
		return;
	}
	call = c->call;
	if (tg_buf_append(&call->req_head, tg_buf_start(&c->in), head_len)) {
		conn_close(c);
		return;
	}
	/* the call's copy of the head, so that its pointers outlive c->in */
	call->req = *msg;
	tg_http_msg_rebase(&call->req, tg_buf_start(&c->in), tg_buf_start(&call->req_head));
	tg_buf_consume(&c->in, head_len);
	call->bytes_from_client = head_len;
	trace_ids(c, call);
	tg_request_key_fp(D(c)->sha256, &call->req, call->key_fp, sizeof(call->key_fp));
	c->keep_alive = call->req.keep_alive;
	if (!host_matches_sni(c)) {
		reply_error(c, 421, "invalid_request_error",
				    "the Host header does not match the TLS server name");
		return;
	}
	if (tg_http_token_eq(call->req.method, call->req.method_len, "CONNECT")) {
		reply_error(c, 405, "invalid_request_error", "CONNECT is not supported here");
		return;
	}
	if (call->req.body == TG_BODY_LENGTH) {
		if (call->req.content_length > D(c)->cfg.max_request_body) {
			char msg[160];

			snprintf(msg, sizeof(msg), "request body of %llu bytes is over tollgate's limit of %llu bytes",
				 (unsigned long long)call->req.content_length,
				 (unsigned long long)D(c)->cfg.max_request_body);
			reply_error(c, 413, "invalid_request_error", msg);
			return;
		}
		c->req_left = call->req.content_length;
	} else if (call->req.body == TG_BODY_CHUNKED) {
		tg_chunked_init(&c->req_chunked);
	}
	if (call->req.expect_continue && call->req.body != TG_BODY_NONE)
		tg_buf_printf(&c->out, "HTTP/1.1 100 Continue\r\n\r\n");
	c->state = CS_BODY;
}

/* Move body bytes from c->in to the call. 1 = body complete, 0 = need more, -1 = replied. */
static int take_body(struct tg_conn *c)
{
	struct tg_call *call = c->call;

	if (call->req.body == TG_BODY_NONE)
		return 1;
	if (call->req.body == TG_BODY_LENGTH) {
		size_t n = tg_buf_used(&c->in);

		if (n > c->req_left)
			n = (size_t)c->req_left;
		if (tg_buf_append(&call->req_body, tg_buf_start(&c->in), n))
			return -1;
		tg_buf_consume(&c->in, n);
		call->bytes_from_client += n;
		c->req_left -= n;
		return c->req_left == 0;
	}
	while (tg_buf_used(&c->in) && !c->req_chunked.done) {
		const char *data, *why;
		size_t dlen;
		ssize_t used = tg_chunked_feed(&c->req_chunked, tg_buf_start(&c->in), tg_buf_used(&c->in),
					       &data, &dlen, &why);

		if (used < 0) {
			char msg[200];

			snprintf(msg, sizeof(msg), "malformed chunked request body: %s", why);
			reply_error(c, 400, "invalid_request_error", msg);
			return -1;
		}
		if (dlen && tg_buf_append(&call->req_body, data, dlen))
			return -1;
		tg_buf_consume(&c->in, (size_t)used);
		call->bytes_from_client += (uint64_t)used;
		if (tg_buf_used(&call->req_body) > D(c)->cfg.max_request_body) {
			reply_error(c, 413, "invalid_request_error",
					    "request body is over tollgate's size limit");
			return -1;
		}
	}
	return c->req_chunked.done;
}

/* ---- response ----------------------------------------------------------- */

static void start_response(struct tg_conn *c, size_t head_len)
{
	struct tg_call *call = c->call;
	const struct tg_http_header *conn_hdr;
	struct tg_http_msg *res = &call->res;
	bool upgrade;

	/* call->res was parsed from the upstream buffer: point it at the call's copy */
	if (tg_buf_append(&call->res_head, tg_buf_start(&c->up->in), head_len)) {
		conn_close(c);
		return;
	}
	tg_http_msg_rebase(res, tg_buf_start(&c->up->in), tg_buf_start(&call->res_head));
	tg_buf_consume(&c->up->in, head_len);
	call->status = res->status;
	upgrade = res->status == 101 && call->req.upgrade;
	tg_pipeline_response_head(&D(c)->pipeline, call);
	c->res_body = res->body;
	c->res_left = res->content_length;
	if (c->res_body == TG_BODY_CHUNKED)
		tg_chunked_init(&c->res_chunked);
	c->chunked_out = !upgrade && (c->res_body == TG_BODY_CHUNKED ||
				      c->res_body == TG_BODY_UNTIL_CLOSE ||
				      (c->res_body == TG_BODY_LENGTH && call->rewrites_body));
	if (call->req.minor_version == 0 && c->chunked_out) {
		/* HTTP/1.0 clients cannot read chunked: delimit by closing. */
		c->chunked_out = false;
		c->keep_alive = false;
	}
	c->first_event_early = tg_http_content_type_is(res, "text/event-stream") &&
			       tg_pipeline_sees_response_data(&D(c)->pipeline);
	conn_hdr = tg_http_find(res, "connection");
	put_str(&c->out, "HTTP/1.1 ");
	put_u64(&c->out, (uint64_t)res->status); /* 100-599: the parser checked */
	put_str(&c->out, " ");
	tg_buf_append(&c->out, res->reason, res->reason_len);
	put_str(&c->out, "\r\n");
	for (size_t i = 0; i < res->nheaders; i++) {
		const struct tg_http_header *h = &res->headers[i];

		if (upgrade && (tg_http_token_eq(h->name, h->name_len, "connection") ||
				tg_http_token_eq(h->name, h->name_len, "upgrade"))) {
			tg_buf_printf(&c->out, "%.*s: %.*s\r\n", (int)h->name_len, h->name,
				      (int)h->value_len, h->value);
			continue;
		}
		if (hop_by_hop(h, conn_hdr))
			continue;
		if (c->res_body != TG_BODY_NONE && tg_http_token_eq(h->name, h->name_len, "content-length"))
			continue;
		append_header(&c->out, h);
	}
	if (c->chunked_out) {
		put_str(&c->out, "Transfer-Encoding: chunked\r\n");
	} else if (c->res_body == TG_BODY_LENGTH) {
		put_str(&c->out, "Content-Length: ");
		put_u64(&c->out, c->res_left);
		put_str(&c->out, "\r\n");
	}
	if (!c->keep_alive && !upgrade)
		put_str(&c->out, "Connection: close\r\n");
	put_str(&c->out, "x-tollgate-trace-id: ");
	put_str(&c->out, call->trace_id);
	put_str(&c->out, "\r\n\r\n");
	c->res_started = true;
	if (upgrade) {
		call->outcome = TG_OUTCOME_TUNNEL;
		c->state = CS_TUNNEL;
		arm(c, D(c)->cfg.upstream_idle_timeout_ms);
		return;
	}
	c->state = CS_RESPONSE;
	/* A stream's head goes out at once, as it came: the client learns the
	 * status while the stages work on the first events (relay_now()). */
	if (c->first_event_early)
		client_flush(c);
}

/* Frame what the stages wrote to c->scratch as a chunk; end the body when last. */
static void frame_scratch(struct tg_conn *c, bool last)
{
	size_t n = tg_buf_used(&c->scratch);
	char hdr[24];

	if (n) {
		tg_buf_append(&c->out, hdr, tg_chunk_header(hdr, n));
		tg_buf_append(&c->out, tg_buf_start(&c->scratch), n);
		tg_buf_append(&c->out, "\r\n", 2);
	}
	if (last)
		tg_buf_append(&c->out, "0\r\n\r\n", 5);
	tg_buf_reset(&c->scratch);
}

/* Pass decoded body bytes through the stages and frame them for the client. */
static int emit(struct tg_conn *c, const char *data, size_t len, bool last)
{
	struct tg_buf *dst = c->chunked_out ? &c->scratch : &c->out;
	char hdr[24];

	if (!tg_pipeline_sees_response_data(&D(c)->pipeline)) {
		/* Nothing reads the body: frame it straight into the output. */
		if (c->chunked_out && len) {
			tg_buf_append(&c->out, hdr, tg_chunk_header(hdr, len));
			tg_buf_append(&c->out, data, len);
			tg_buf_append(&c->out, "\r\n", 2);
		} else if (len) {
			tg_buf_append(&c->out, data, len);
		}
		if (c->chunked_out && last)
			tg_buf_append(&c->out, "0\r\n\r\n", 5);
		return 0;
	}
	if (c->chunked_out)
		tg_buf_reset(&c->scratch);
	if ((len || last) &&
	    tg_pipeline_response_data(&D(c)->pipeline, c->call, data, len, last, dst))
		return -1;
	/* while a stage holds bytes back, the body does not end */
	if (c->chunked_out)
		frame_scratch(c, last && !c->call->holding);
	return 0;
}

/* The response is over (and nothing is held back): close the call. */
static void complete_call(struct tg_conn *c)
{
	/* Bookkeeping first: once the client has the whole answer, its request
	 * log line exists (tests and `tail -f` users rely on that). */
	end_call(c, TG_OUTCOME_OK);
	c->state = c->keep_alive ? CS_HEAD : CS_CLOSING;
	arm(c, D(c)->cfg.client_idle_timeout_ms);
}

static void finish_response(struct tg_conn *c)
{
	bool reusable = c->call->res.keep_alive && c->res_body != TG_BODY_UNTIL_CLOSE;

	tg_buf_release_if_empty(&c->scratch);
	tg_upstream_release(c->up, reusable);
	c->up = NULL;
	if (c->call->holding) {
		/* A stage lets go of the last bytes later (resume_call). What is
		 * ready waits for them, so the end of the response leaves in one
		 * write instead of two. */
		c->state = CS_HELD;
		arm(c, D(c)->cfg.upstream_idle_timeout_ms);
		return;
	}
	complete_call(c);
}

/* A stage lets go of bytes it held back (see pipeline.h). */
static void resume_call(struct tg_call *call, size_t stage, const char *data, size_t len, bool last)
{
	struct tg_conn *c = call->proxy;
	struct tg_buf *dst;

	if (c->dead || !c->in_call || c->call != call)
		return;
	dst = c->chunked_out ? &c->scratch : &c->out;
	if (c->chunked_out)
		tg_buf_reset(&c->scratch);
	if ((len || last) &&
	    tg_pipeline_response_resume(&D(c)->pipeline, call, stage + 1, data, len, last, dst)) {
		conn_close(c);
		return;
	}
	if (c->chunked_out)
		frame_scratch(c, last && !call->holding);
	if (c->state == CS_HELD && !call->holding)
		complete_call(c);
	pump(c);
}

/* Consume response body bytes from the upstream buffer. 1 = done. -1 = broken. */
/*
 * How many of the n raw body bytes at p to relay now. Normally all; but
 * until an SSE response's first body byte has gone out (its head has, in
 * start_response()), its events are
 * relayed one at a time, each out to the client as soon as the stages let
 * anything through (first_out()), so that time to first byte does not wait
 * for the stages to work through a whole burst. (Redaction may hold an
 * event's text back until the next ones show it is not the start of a
 * match.) Any cut is safe: the chunked decoder and the stages take bytes
 * split anywhere.
 */
static size_t relay_now(struct tg_conn *c, const char *p, size_t n)
{
	const char *end;

	if (!c->first_event_early || !n)
		return n;
	end = memmem(p, n, "\n\n", 2);
	return end ? (size_t)(end + 2 - p) : n;
}

/* After relay_now(): if that produced the response's first body bytes,
 * out with them now. (A write error shows again at the pump's own flush,
 * which closes the connection.) */
static void first_out(struct tg_conn *c, size_t out_before)
{
	if (!c->first_event_early || tg_buf_used(&c->out) == out_before)
		return;
	c->first_event_early = false;
	if (c->state == CS_RESPONSE)
		client_flush(c);
}

static int relay_body(struct tg_conn *c)
{
	struct tg_upstream *u = c->up;

	switch (c->res_body) {
	case TG_BODY_NONE:
		return emit(c, NULL, 0, true) ? -1 : 1;
	case TG_BODY_LENGTH:
		while (tg_buf_used(&u->in) && c->res_left) {
			size_t n = tg_buf_used(&u->in), cut, before = tg_buf_used(&c->out);

			if (n > c->res_left)
				n = (size_t)c->res_left;
			cut = relay_now(c, tg_buf_start(&u->in), n);
			if (emit(c, tg_buf_start(&u->in), cut, false))
				return -1;
			tg_buf_consume(&u->in, cut);
			c->res_left -= cut;
			first_out(c, before);
		}
		if (c->res_left == 0)
			return emit(c, NULL, 0, true) ? -1 : 1;
		return 0;
	case TG_BODY_CHUNKED:
		while (tg_buf_used(&u->in) && !c->res_chunked.done) {
			const char *data, *why;
			size_t dlen, before = tg_buf_used(&c->out);
			size_t cut = relay_now(c, tg_buf_start(&u->in), tg_buf_used(&u->in));
			ssize_t used = tg_chunked_feed(&c->res_chunked, tg_buf_start(&u->in), cut, &data, &dlen, &why);

			if (used < 0) {
				snprintf(c->call->error, sizeof(c->call->error),
					 "malformed chunked response from upstream: %s", why);
				return -1;
			}
			if (dlen && emit(c, data, dlen, false))
				return -1;
			tg_buf_consume(&u->in, (size_t)used);
			first_out(c, before);
		}
		if (c->res_chunked.done)
			return emit(c, NULL, 0, true) ? -1 : 1;
		return 0;
	case TG_BODY_UNTIL_CLOSE:
		while (tg_buf_used(&u->in)) {
			size_t before = tg_buf_used(&c->out);
			size_t cut = relay_now(c, tg_buf_start(&u->in), tg_buf_used(&u->in));

			if (emit(c, tg_buf_start(&u->in), cut, false))
				return -1;
			tg_buf_consume(&u->in, cut);
			first_out(c, before);
		}
		if (u->eof)
			return emit(c, NULL, 0, true) ? -1 : 1;
		return 0;
	}
	return -1;
}

/* Retry once on a fresh connection when a pooled one turned out dead before any answer. */
static bool retry_fresh(struct tg_conn *c)
{
	if (!c->up_reused || c->retries > 0 || c->call->bytes_from_upstream > 0)
		return false;
	c->retries++;
	tg_upstream_release(c->up, false);
	c->up = NULL;
	send_upstream(c);
	return true;
}

static void upstream_failed(struct tg_conn *c, const char *why)
{
	c->call->outcome = TG_OUTCOME_UPSTREAM_ERROR;
	snprintf(c->call->error, sizeof(c->call->error), "%s", why);
	if (c->res_started) {
		/* The head is out: the only honest signal left is to cut the connection. */
		tg_warn("upstream %s broke mid-response for pid %u (%s): %s", c->sni, c->origin.tgid,
			c->origin.comm, why);
		conn_close(c);
		return;
	}
	reply_error(c, 502, "tollgate_upstream_error", why);
}

/* Steps of the UPSTREAM and RESPONSE states. Returns true if something moved. */
static bool step_upstream(struct tg_conn *c)
{
	struct tg_upstream *u = c->up;
	bool moved = false;
	char why[300];
	int rc;

	rc = tg_upstream_progress(u, why, sizeof(why));
	if (rc < 0) {
		upstream_failed(c, why);
		return true;
	}
	if (rc == 0)
		return false;
	if (tg_buf_used(&u->out)) {
		size_t before = tg_buf_used(&u->out);

		if (tg_upstream_flush(u)) {
			if (!retry_fresh(c))
				upstream_failed(c, "write to upstream failed");
			return true;
		}
		moved = tg_buf_used(&u->out) != before;
	}
	if (c->state == CS_RESPONSE && tg_buf_used(&c->out) > OUT_HIGH_WATER)
		return moved; /* let the client catch up first */
	rc = tg_upstream_read(u);
	if (rc > 0) {
		if (!c->call->first_byte_us)
			c->call->first_byte_us = tg_now_us();
		c->call->bytes_from_upstream += (uint64_t)rc;
		arm(c, D(c)->cfg.upstream_idle_timeout_ms);
		moved = true;
	}
	if (c->state == CS_UPSTREAM) {
		while (tg_buf_used(&u->in)) {
			const char *pwhy;
			int status;
			ssize_t head = tg_http_parse_response(tg_buf_start(&u->in), tg_buf_used(&u->in),
							      D(c)->cfg.max_header_bytes, c->call->req.method,
							      c->call->req.method_len, &c->call->res,
							      &status, &pwhy);

			if (head < 0) {
				snprintf(why, sizeof(why), "malformed response from upstream: %s", pwhy);
				upstream_failed(c, why);
				return true;
			}
			if (head == 0)
				break;
			if (c->call->res.status >= 100 && c->call->res.status < 200 &&
			    c->call->res.status != 101) {
				tg_buf_consume(&u->in, (size_t)head); /* interim response: drop */
				continue;
			}
			start_response(c, (size_t)head);
			if (c->state != CS_RESPONSE)
				return true;
			/* Relay the body bytes that came with the head now, so the
			 * head and the start of the body leave in one write. */
			moved = true;
			break;
		}
		if (c->state == CS_UPSTREAM) {
			if (rc < 0) {
				if (retry_fresh(c))
					return true;
				upstream_failed(c, u->eof ? "upstream closed the connection before answering"
							  : "read from upstream failed");
				return true;
			}
			return moved;
		}
	}
	/* CS_RESPONSE */
	int done = relay_body(c);
	if (done < 0) {
		upstream_failed(c, c->call->error[0] ? c->call->error : "response relay failed");
		return true;
	}
	if (done) {
		finish_response(c);
		return true;
	}
	if (rc < 0) {
		upstream_failed(c, "upstream closed the connection mid-response");
		return true;
	}
	return moved;
}

/* ---- tunnel (WebSocket) ------------------------------------------------- */

static bool step_tunnel(struct tg_conn *c)
{
	struct tg_upstream *u = c->up;
	bool moved = false;
	int rc;

	/* client -> upstream */
	if (tg_buf_used(&c->in)) {
		tg_buf_append(&u->out, tg_buf_start(&c->in), tg_buf_used(&c->in));
		c->call->bytes_from_client += tg_buf_used(&c->in);
		tg_buf_consume(&c->in, tg_buf_used(&c->in));
		moved = true;
	}
	if (tg_buf_used(&u->out) < OUT_HIGH_WATER && !c->client_eof) {
		rc = client_read(c);
		if (rc > 0)
			moved = true;
	}
	if (tg_upstream_flush(u)) {
		conn_close(c);
		return true;
	}
	/* upstream -> client */
	if (tg_buf_used(&u->in)) {
		tg_buf_append(&c->out, tg_buf_start(&u->in), tg_buf_used(&u->in));
		tg_buf_consume(&u->in, tg_buf_used(&u->in));
		moved = true;
	}
	if (tg_buf_used(&c->out) < OUT_HIGH_WATER && !u->eof) {
		rc = tg_upstream_read(u);
		if (rc > 0) {
			c->call->bytes_from_upstream += (uint64_t)rc;
			moved = true;
		}
	}
	if ((c->client_eof || u->eof) && !tg_buf_used(&u->in) && !tg_buf_used(&c->in)) {
		c->keep_alive = false;
		c->state = CS_CLOSING;
		return true;
	}
	if (moved)
		arm(c, D(c)->cfg.upstream_idle_timeout_ms);
	return moved;
}

/* ---- splice: relay a non-provider TLS session unchanged ------------------ */

static int sp_read(int fd, struct tg_buf *b, bool *eof)
{
	char *p = tg_buf_reserve(b, SPLICE_BUF);
	ssize_t n;

	if (!p)
		return -1;
	n = recv(fd, p, SPLICE_BUF, 0);
	if (n > 0) {
		tg_buf_commit(b, (size_t)n);
		return 1;
	}
	if (n == 0) {
		*eof = true;
		return 1;
	}
	return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1;
}

static int sp_write(int fd, struct tg_buf *b)
{
	while (tg_buf_used(b)) {
		ssize_t n = send(fd, tg_buf_start(b), tg_buf_used(b), MSG_NOSIGNAL);

		if (n < 0)
			return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1;
		tg_buf_consume(b, (size_t)n);
	}
	tg_buf_release_if_empty(b);
	return 1;
}

static bool step_splice(struct tg_conn *c)
{
	bool moved = false;
	int rc;

	if (!c->sp_connected) {
		int soerr = 0;
		socklen_t len = sizeof(soerr);

		if (getsockopt(c->sp.fd, SOL_SOCKET, SO_ERROR, &soerr, &len) || soerr) {
			tg_debug("splice connect for %s: %s", c->sni, strerror(soerr));
			conn_reset(c);
			return true;
		}
		/* connected once writable; a send that blocks just waits */
		c->sp_connected = true;
	}
	if (!c->sp_client_eof && tg_buf_used(&c->to_origin) < OUT_HIGH_WATER) {
		rc = sp_read(c->io.fd, &c->to_origin, &c->sp_client_eof);
		if (rc < 0) {
			conn_reset(c);
			return true;
		}
		moved |= rc > 0;
	}
	if (!c->sp_origin_eof && tg_buf_used(&c->to_client) < OUT_HIGH_WATER) {
		rc = sp_read(c->sp.fd, &c->to_client, &c->sp_origin_eof);
		if (rc < 0) {
			conn_reset(c);
			return true;
		}
		moved |= rc > 0;
	}
	if (sp_write(c->sp.fd, &c->to_origin) < 0 || sp_write(c->io.fd, &c->to_client) < 0) {
		conn_reset(c);
		return true;
	}
	if (c->sp_client_eof && !tg_buf_used(&c->to_origin))
		shutdown(c->sp.fd, SHUT_WR);
	if (c->sp_origin_eof && !tg_buf_used(&c->to_client))
		shutdown(c->io.fd, SHUT_WR);
	if (c->sp_client_eof && c->sp_origin_eof && !tg_buf_used(&c->to_origin) &&
	    !tg_buf_used(&c->to_client)) {
		conn_close(c);
		return true;
	}
	if (moved)
		arm(c, D(c)->cfg.upstream_idle_timeout_ms);
	return moved;
}

static void on_splice_io(struct tg_io *io, uint32_t events)
{
	struct tg_conn *c = io->owner;

	(void)events;
	if (!c->dead)
		pump(c);
}

static void start_splice(struct tg_conn *c)
{
	struct sockaddr_in6 sa;
	bool v4 = c->origin.family == AF_INET;
	uint32_t mark = D(c)->cfg.socket_mark;
	int fd, rc;

	origin_sockaddr(&c->origin, &sa);
	fd = socket(v4 ? AF_INET : AF_INET6, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_MARK, &mark, sizeof(mark))) {
		if (fd >= 0)
			close(fd);
		conn_reset(c);
		return;
	}
	if (v4) {
		struct sockaddr_in sin = {.sin_family = AF_INET, .sin_port = sa.sin6_port};

		memcpy(&sin.sin_addr, &sa.sin6_addr.s6_addr[12], 4);
		rc = connect(fd, (struct sockaddr *)&sin, sizeof(sin));
	} else {
		rc = connect(fd, (struct sockaddr *)&sa, sizeof(sa));
	}
	if (rc && errno != EINPROGRESS) {
		close(fd);
		conn_reset(c);
		return;
	}
	c->sp.fd = fd;
	c->sp.fn = on_splice_io;
	c->sp.owner = c;
	c->sp_connected = false;
	if (tg_loop_add(c->w->loop, &c->sp, EPOLLIN | EPOLLOUT | EPOLLRDHUP, 0)) {
		close(fd);
		c->sp.fd = -1;
		conn_reset(c);
		return;
	}
	c->state = CS_SPLICE;
	arm(c, D(c)->cfg.upstream_connect_timeout_ms);
	tg_info("splice pid=%u comm=%s sni=%s: not a provider name, relayed without decryption",
		c->origin.tgid, c->origin.comm, c->sni[0] ? c->sni : "(none)");
}

/* ---- peek and handshake ------------------------------------------------- */

static bool step_peek(struct tg_conn *c)
{
	uint8_t *p = (uint8_t *)tg_buf_reserve(&c->in, TG_SNI_MAX_PEEK);
	const struct tg_provider *prov;
	enum tg_sni_result r;
	ssize_t n;
	tg_err err;

	if (!p) {
		conn_reset(c);
		return true;
	}
	n = recv(c->io.fd, p, TG_SNI_MAX_PEEK, MSG_PEEK);
	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
		conn_close(c);
		return true;
	}
	if (n < 0)
		return false;
	r = tg_sni_parse(p, (size_t)n, c->sni, sizeof(c->sni));
	if (r == TG_SNI_MORE) {
		if (n >= TG_SNI_MAX_PEEK)
			r = TG_SNI_NOT_TLS;
		else
			return false;
	}
	tg_buf_release_if_empty(&c->in);
	prov = r == TG_SNI_FOUND ? tg_registry_match_host(&D(c)->reg, c->sni) : NULL;
	if (!prov || !tg_ca_covers(D(c)->ca, c->sni)) {
		if (prov)
			tg_warn("%s belongs to %s but tollgate's CA does not cover it; relaying "
				"unchanged (run `tollgate ca rotate` after changing the registry)",
				c->sni, prov->name);
		start_splice(c);
		return true;
	}
	c->provider = prov;
	c->ssl = tg_tls_server(D(c)->tls, c->sni, &err);
	if (!c->ssl || SSL_set_fd(c->ssl, c->io.fd) != 1) {
		tg_error("TLS for %s: %s", c->sni, c->ssl ? "SSL_set_fd failed" : err.msg);
		conn_reset(c);
		return true;
	}
	tg_tls_watch_reads(c->ssl, &c->read_drained);
	c->state = CS_HANDSHAKE;
	return true;
}

static bool step_handshake(struct tg_conn *c)
{
	int rc;

	ERR_clear_error();
	rc = SSL_accept(c->ssl);
	if (rc == 1) {
		c->state = CS_HEAD;
		arm(c, D(c)->cfg.client_idle_timeout_ms);
		return true;
	}
	switch (SSL_get_error(c->ssl, rc)) {
	case SSL_ERROR_WANT_READ:
	case SSL_ERROR_WANT_WRITE:
		return false;
	default: {
		char e[256];
		unsigned long code = ERR_get_error();

		ERR_error_string_n(code, e, sizeof(e));
		tg_info("TLS handshake with pid=%u comm=%s for %s failed: %s%s", c->origin.tgid,
			c->origin.comm, c->sni, code ? e : "connection closed",
			strstr(e, "unknown ca") || strstr(e, "certificate unknown") || strstr(e, "bad certificate")
				? " (does the client trust tollgate's CA? see `tollgate ca install`)"
				: "");
		conn_close(c);
		return true;
	}
	}
}

/* ---- the pump ----------------------------------------------------------- */

static bool step_head(struct tg_conn *c)
{
	if (tg_buf_used(&c->in)) {
		struct tg_http_msg msg;
		const char *why;
		int status;
		ssize_t head = tg_http_parse_request(tg_buf_start(&c->in), tg_buf_used(&c->in),
						     D(c)->cfg.max_header_bytes, &msg, &status, &why);

		if (head < 0) {
			if (begin_call(c)) {
				conn_close(c);
				return true;
			}
			c->keep_alive = false;
			c->call->bytes_from_client = tg_buf_used(&c->in);
			tg_buf_reset(&c->in);
			reply_error(c, status, "invalid_request_error", why);
			return true;
		}
		if (head > 0) {
			start_request(c, &msg, (size_t)head);
			return true;
		}
	}
	if (c->client_eof) {
		c->state = CS_CLOSING;
		c->keep_alive = false;
		return true;
	}
	int rc = client_read(c);
	if (rc > 0)
		arm(c, D(c)->cfg.client_idle_timeout_ms);
	return rc != 0;
}

static bool step_body(struct tg_conn *c)
{
	int rc = take_body(c);

	if (rc < 0)
		return true;
	if (rc == 1) {
		dispatch(c);
		return true;
	}
	if (c->client_eof) {
		conn_close(c);
		return true;
	}
	rc = client_read(c);
	if (rc < 0) {
		conn_close(c);
		return true;
	}
	return rc > 0;
}

static void pump(struct tg_conn *c)
{
	for (int rounds = 0; rounds < 10000 && !c->dead; rounds++) {
		bool moved = false;

		switch (c->state) {
		case CS_PEEK:
			moved = step_peek(c);
			break;
		case CS_SPLICE:
			moved = step_splice(c);
			break;
		case CS_HANDSHAKE:
			moved = step_handshake(c);
			break;
		case CS_HEAD:
			moved = step_head(c);
			break;
		case CS_BODY:
			moved = step_body(c);
			break;
		case CS_UPSTREAM:
		case CS_RESPONSE:
			moved = step_upstream(c);
			break;
		case CS_TUNNEL:
			moved = step_tunnel(c);
			break;
		case CS_HELD:
		case CS_CLOSING:
			break;
		}
		if (c->dead)
			return;
		if (c->ssl && tg_buf_used(&c->out) && c->state != CS_HELD) {
			size_t before = tg_buf_used(&c->out);
			int rc = client_flush(c);

			if (rc < 0) {
				conn_close(c);
				return;
			}
			moved |= tg_buf_used(&c->out) != before;
		}
		if (c->state == CS_CLOSING && !tg_buf_used(&c->out)) {
			if (c->ssl)
				SSL_shutdown(c->ssl);
			conn_close(c);
			return;
		}
		if (!moved)
			break;
	}
}

static void on_client_io(struct tg_io *io, uint32_t events)
{
	struct tg_conn *c = io->owner;

	if (c->dead)
		return;
	if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
		c->read_drained = false;
	if ((events & (EPOLLHUP | EPOLLERR)) && c->state != CS_SPLICE) {
		/* The client is gone (a half-close shows as RDHUP and is read as EOF). */
		if (c->state == CS_UPSTREAM || c->state == CS_RESPONSE || c->state == CS_HELD) {
			conn_close(c);
			return;
		}
	}
	pump(c);
}

void tg_conn_upstream_event(struct tg_conn *c)
{
	if (!c->dead)
		pump(c);
}

void tg_conn_accept(struct tg_worker *w, int fd, uint64_t netns_cookie)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	uint8_t peer[16];
	uint16_t port;
	struct tg_conn *c;
	int one = 1;

	if (getpeername(fd, (struct sockaddr *)&ss, &sl)) {
		close(fd);
		return;
	}
	if (ss.ss_family == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *)&ss;

		memset(peer, 0, 10);
		peer[10] = peer[11] = 0xff;
		memcpy(peer + 12, &sin->sin_addr, 4);
		port = sin->sin_port;
	} else {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;

		memcpy(peer, &sin6->sin6_addr, 16);
		port = sin6->sin6_port;
	}
	c = calloc(1, sizeof(*c));
	if (!c) {
		close(fd);
		return;
	}
	c->w = w;
	c->io.fd = fd;
	c->io.fn = on_client_io;
	c->io.owner = c;
	c->sp.fd = -1;
	c->timer.fn = on_timer;
	c->timer.owner = c;
	c->next = w->conns;
	if (w->conns)
		w->conns->prev = c;
	w->conns = c;
	atomic_fetch_add(&w->live, 1);
	atomic_fetch_add(&w->accepted, 1);
	if (tg_bpf_take_origin(w->d->bpf, netns_cookie, peer, port, &c->origin)) {
		char a[INET6_ADDRSTRLEN];

		inet_ntop(AF_INET6, peer, a, sizeof(a));
		tg_warn("connection from [%s]:%u has no origin record: reset", a, ntohs(port));
		atomic_fetch_add(&w->unmatched, 1);
		conn_reset(c);
		return;
	}
	tg_cgroup_path(&w->d->cgroups, c->origin.cgroup_id, c->cgroup_path, sizeof(c->cgroup_path));
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	if (tg_loop_add(w->loop, &c->io, EPOLLIN | EPOLLOUT | EPOLLRDHUP, 0)) {
		conn_close(c);
		return;
	}
	c->state = CS_PEEK;
	arm(c, w->d->cfg.handshake_timeout_ms);
	pump(c);
}
