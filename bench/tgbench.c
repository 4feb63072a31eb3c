/*
 * tgbench.c - the load client for bench/run.sh: exact per-request timings
 * over one kept-alive TLS connection, and idle-connection holding.
 *
 *   tgbench lat  --addr IP:PORT --sni NAME --cafile PEM --path P [--body S]
 *                [--n N] [--warmup W] [--expect S] [--timeout-s T] [--raw FILE]
 *       Sends N (after W unmeasured) requests one after another on one
 *       keep-alive connection (reconnecting only if the server closes it) and
 *       prints one line of key=value pairs: per-request total time, time to
 *       the first response byte (ttfb) and to the first body byte (first_body)
 *       as p50/p90/p99/p999/max/mean in microseconds, plus sanity data. Every
 *       response must be 200 and, with --expect, its body must contain S. The
 *       server certificate is verified against --cafile for --sni. --raw
 *       appends one line per measured request to FILE: "total ttfb first_body"
 *       in nanoseconds (bench/report.py pools them over rounds).
 *
 *   tgbench idle --addr ... --sni ... --cafile ... --path P [--body S] --n N
 *       Opens N TLS connections, makes one request on each (so each is an
 *       idle keep-alive connection afterwards), prints "READY opened=K" and
 *       then holds them until SIGTERM/SIGINT or --hold-s seconds.
 *
 * A request with a body is a POST with Content-Type: application/json;
 * without one, a GET. The client speaks HTTP/1.1 without ALPN and sets
 * TCP_NODELAY, like the SDKs' HTTP stacks.
 *
 * Build: cc -O2 -o tgbench bench/tgbench.c -lssl -lcrypto
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

static const char *o_addr, *o_sni, *o_cafile, *o_path = "/", *o_body, *o_expect, *o_raw;
static long o_n = 1000, o_warmup = 100, o_timeout_s = 10, o_hold_s = 600;

static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "tgbench: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	ERR_print_errors_fp(stderr);
	exit(1);
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* ---- connection --------------------------------------------------------- */

struct conn {
	int fd;
	SSL *ssl;
	char *buf;       /* received, not yet consumed: buf[off..len) */
	size_t off, len, cap;
	int closed;      /* server said Connection: close, or EOF */
	uint64_t t_first; /* time the first byte of the current response arrived */
	uint64_t t_last;  /* time of the last read */
	int want_body;    /* head parsed, no body byte yet: the next read's time is t_body */
	uint64_t t_body;
};

static SSL_CTX *ctx;
static struct sockaddr_in dst;

static void setup(void)
{
	char host[64];
	const char *colon = strrchr(o_addr, ':');

	if (!colon || (size_t)(colon - o_addr) >= sizeof(host))
		die("--addr IP:PORT");
	memcpy(host, o_addr, (size_t)(colon - o_addr));
	host[colon - o_addr] = 0;
	memset(&dst, 0, sizeof(dst));
	dst.sin_family = AF_INET;
	dst.sin_port = htons((uint16_t)atoi(colon + 1));
	if (inet_pton(AF_INET, host, &dst.sin_addr) != 1)
		die("bad IPv4 address %s", host);
	ctx = SSL_CTX_new(TLS_client_method());
	if (!ctx)
		die("SSL_CTX_new");
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
	if (SSL_CTX_load_verify_locations(ctx, o_cafile, NULL) != 1)
		die("load %s", o_cafile);
}

static void conn_open(struct conn *c)
{
	struct timeval tv = {.tv_sec = o_timeout_s};
	int one = 1;

	c->fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (c->fd < 0)
		die("socket: %s", strerror(errno));
	setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	setsockopt(c->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(c->fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (connect(c->fd, (struct sockaddr *)&dst, sizeof(dst)))
		die("connect %s: %s", o_addr, strerror(errno));
	c->ssl = SSL_new(ctx);
	SSL_set_tlsext_host_name(c->ssl, o_sni);
	SSL_set1_host(c->ssl, o_sni);
	SSL_set_fd(c->ssl, c->fd);
	if (SSL_connect(c->ssl) != 1)
		die("TLS handshake with %s (sni %s): verify result %ld", o_addr, o_sni,
		    SSL_get_verify_result(c->ssl));
	c->off = c->len = 0;
	c->closed = 0;
}

static void conn_close(struct conn *c)
{
	if (c->ssl) {
		SSL_free(c->ssl);
		c->ssl = NULL;
	}
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
}

/* Read more bytes into the buffer; dies on error or timeout. */
static void fill(struct conn *c)
{
	int n;

	if (c->off == c->len)
		c->off = c->len = 0;
	if (c->cap - c->len < 16384) {
		if (c->off) {
			memmove(c->buf, c->buf + c->off, c->len - c->off);
			c->len -= c->off;
			c->off = 0;
		}
		if (c->cap - c->len < 16384) {
			c->cap = c->cap ? c->cap * 2 : 65536;
			c->buf = realloc(c->buf, c->cap);
			if (!c->buf)
				die("out of memory");
		}
	}
	n = SSL_read(c->ssl, c->buf + c->len, (int)(c->cap - c->len));
	if (n <= 0)
		die("read from %s: SSL error %d, errno %s", o_addr, SSL_get_error(c->ssl, n),
		    strerror(errno));
	c->t_last = now_ns();
	if (!c->t_first)
		c->t_first = c->t_last;
	if (c->want_body) {
		c->t_body = c->t_last;
		c->want_body = 0;
	}
	c->len += (size_t)n;
}

static char *find_crlf(struct conn *c, size_t from)
{
	return memmem(c->buf + c->off + from, c->len - c->off - from, "\r\n", 2);
}

static const char *hdr_value(const char *head, size_t hlen, const char *name, size_t *vlen)
{
	size_t nl = strlen(name);
	const char *p = memmem(head, hlen, "\r\n", 2);

	while (p && p + 2 < head + hlen) {
		const char *line = p + 2;
		const char *eol = memmem(line, (size_t)(head + hlen - line), "\r\n", 2);

		if (!eol)
			break;
		if ((size_t)(eol - line) > nl && line[nl] == ':' && strncasecmp(line, name, nl) == 0) {
			const char *v = line + nl + 1;

			while (v < eol && (*v == ' ' || *v == '\t'))
				v++;
			*vlen = (size_t)(eol - v);
			return v;
		}
		p = eol;
	}
	return NULL;
}

struct timing {
	uint64_t total, ttfb, first_body;
	size_t body_len;
};

static char *body_copy;
static size_t body_copy_len, body_copy_cap;

static void body_add(const char *p, size_t n)
{
	if (!o_expect)
		return;
	if (body_copy_len + n + 1 > body_copy_cap) {
		body_copy_cap = (body_copy_len + n + 1) * 2;
		body_copy = realloc(body_copy, body_copy_cap);
		if (!body_copy)
			die("out of memory");
	}
	memcpy(body_copy + body_copy_len, p, n);
	body_copy_len += n;
	body_copy[body_copy_len] = 0;
}

/* One request/response exchange; returns its timings. */
static struct timing exchange(struct conn *c, const char *req, size_t reqlen)
{
	struct timing t = {0};
	uint64_t t0;
	char *end;
	size_t hlen, vlen;
	const char *v;
	int status;

	if (c->fd < 0 || c->closed) {
		conn_close(c);
		conn_open(c);
	}
	body_copy_len = 0;
	c->t_first = 0;
	t0 = now_ns();
	if (SSL_write(c->ssl, req, (int)reqlen) != (int)reqlen)
		die("write to %s failed", o_addr);
	/* head */
	while (!(end = memmem(c->buf + c->off, c->len - c->off, "\r\n\r\n", 4)))
		fill(c);
	hlen = (size_t)(end - (c->buf + c->off)) + 4;
	if (sscanf(c->buf + c->off, "HTTP/1.%*d %d", &status) != 1 || status != 200)
		die("unexpected response from %s: %.*s", o_addr,
		    (int)(hlen > 300 ? 300 : hlen), c->buf + c->off);
	{
		char head[16384];
		size_t n = hlen < sizeof(head) ? hlen : sizeof(head) - 1;

		memcpy(head, c->buf + c->off, n);
		head[n] = 0;
		c->off += hlen;
		c->t_body = 0;
		if (c->len > c->off)
			c->t_body = c->t_last; /* body bytes came with the head */
		else
			c->want_body = 1;
		v = hdr_value(head, n, "connection", &vlen);
		if (v && vlen >= 5 && strncasecmp(v, "close", 5) == 0)
			c->closed = 1;
		v = hdr_value(head, n, "transfer-encoding", &vlen);
		if (v && vlen >= 7 && strncasecmp(v + vlen - 7, "chunked", 7) == 0) {
			for (;;) {
				char *crlf;
				size_t size, line;

				while (!(crlf = find_crlf(c, 0)))
					fill(c);
				line = (size_t)(crlf - (c->buf + c->off)) + 2; /* "hex\r\n" */
				size = strtoul(c->buf + c->off, NULL, 16);
				/* data + CRLF; the last chunk "0\r\n" is followed by "\r\n" (no trailers) */
				while (c->len - c->off < line + size + 2)
					fill(c);
				if (size == 0) {
					c->off += line + 2;
					break;
				}
				body_add(c->buf + c->off + line, size);
				t.body_len += size;
				c->off += line + size + 2;
			}
		} else if ((v = hdr_value(head, n, "content-length", &vlen))) {
			size_t cl = strtoul(v, NULL, 10);

			while (c->len - c->off < cl)
				fill(c);
			body_add(c->buf + c->off, cl);
			t.body_len = cl;
			c->off += cl;
		} else {
			die("response without length from %s", o_addr);
		}
	}
	t.total = now_ns() - t0;
	t.ttfb = c->t_first - t0;
	c->want_body = 0;
	t.first_body = (c->t_body ? c->t_body : now_ns()) - t0;
	if (o_expect && !strstr(body_copy ? body_copy : "", o_expect))
		die("response body from %s lacks %s", o_addr, o_expect);
	return t;
}

static char *build_request(size_t *len)
{
	char *req;
	int n;

	if (o_body)
		n = asprintf(&req,
			     "POST %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: tgbench\r\nAccept: */*\r\n"
			     "Authorization: Bearer sk-bench-0000\r\nContent-Type: application/json\r\n"
			     "Content-Length: %zu\r\n\r\n%s",
			     o_path, o_sni, strlen(o_body), o_body);
	else
		n = asprintf(&req, "GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: tgbench\r\nAccept: */*\r\n\r\n",
			     o_path, o_sni);
	if (n < 0)
		die("out of memory");
	*len = (size_t)n;
	return req;
}

/* ---- statistics --------------------------------------------------------- */

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of a sorted array, in microseconds. */
static double pct(const uint64_t *v, long n, double p)
{
	long rank = (long)((p / 100.0) * (double)n + 0.999999);

	if (rank < 1)
		rank = 1;
	if (rank > n)
		rank = n;
	return (double)v[rank - 1] / 1000.0;
}

static void report(const char *name, uint64_t *v, long n)
{
	double sum = 0;

	qsort(v, (size_t)n, sizeof(*v), cmp_u64);
	for (long i = 0; i < n; i++)
		sum += (double)v[i];
	printf(" %s_p50_us=%.1f %s_p90_us=%.1f %s_p99_us=%.1f %s_p999_us=%.1f %s_max_us=%.1f %s_mean_us=%.1f",
	       name, pct(v, n, 50), name, pct(v, n, 90), name, pct(v, n, 99), name, pct(v, n, 99.9),
	       name, (double)v[n - 1] / 1000.0, name, sum / (double)n / 1000.0);
}

static int cmd_lat(void)
{
	struct conn c = {.fd = -1};
	size_t reqlen;
	char *req = build_request(&reqlen);
	uint64_t *tot = calloc((size_t)o_n, sizeof(uint64_t));
	uint64_t *ttfb = calloc((size_t)o_n, sizeof(uint64_t));
	uint64_t *fb = calloc((size_t)o_n, sizeof(uint64_t));
	long connects = 0;
	size_t body_len = 0;
	uint64_t t_start = now_ns();

	if (!tot || !ttfb || !fb)
		die("out of memory");
	for (long i = 0; i < o_warmup + o_n; i++) {
		struct timing t;

		if (i == o_warmup)
			t_start = now_ns();
		if (c.fd < 0 || c.closed)
			connects++;
		t = exchange(&c, req, reqlen);
		if (i >= o_warmup) {
			tot[i - o_warmup] = t.total;
			ttfb[i - o_warmup] = t.ttfb;
			fb[i - o_warmup] = t.first_body;
			body_len = t.body_len;
		}
	}
	if (o_raw) {
		FILE *f = fopen(o_raw, "a");

		if (!f)
			die("open %s: %s", o_raw, strerror(errno));
		for (long i = 0; i < o_n; i++)
			fprintf(f, "%llu %llu %llu\n", (unsigned long long)tot[i],
				(unsigned long long)ttfb[i], (unsigned long long)fb[i]);
		fclose(f);
	}
	printf("n=%ld connects=%ld body_bytes=%zu protocol=%s cipher=%s wall_s=%.3f", o_n, connects,
	       body_len, SSL_get_version(c.ssl), SSL_get_cipher_name(c.ssl),
	       (double)(now_ns() - t_start) / 1e9);
	report("total", tot, o_n);
	report("ttfb", ttfb, o_n);
	report("first_body", fb, o_n);
	printf("\n");
	conn_close(&c);
	return 0;
}

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static int cmd_idle(void)
{
	struct conn *cs = calloc((size_t)o_n, sizeof(*cs));
	size_t reqlen;
	char *req = build_request(&reqlen);
	uint64_t t0 = now_ns();
	struct sigaction sa = {.sa_handler = on_signal};

	if (!cs)
		die("out of memory");
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	for (long i = 0; i < o_n && !stop; i++) {
		cs[i].fd = -1;
		conn_open(&cs[i]);
		exchange(&cs[i], req, reqlen);
		if (cs[i].closed)
			die("server closed connection %ld after one request", i);
		/* the read buffer is the client's, not the server's: drop it */
		free(cs[i].buf);
		cs[i].buf = NULL;
		cs[i].cap = cs[i].off = cs[i].len = 0;
	}
	printf("READY opened=%ld open_s=%.3f\n", o_n, (double)(now_ns() - t0) / 1e9);
	fflush(stdout);
	for (long waited = 0; !stop && waited < o_hold_s * 10; waited++)
		usleep(100000);
	return 0;
}

int main(int argc, char **argv)
{
	const char *cmd;

	if (argc < 2)
		die("usage: tgbench lat|idle --addr IP:PORT --sni NAME --cafile PEM --path P ...");
	cmd = argv[1];
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!v)
			die("%s needs a value", a);
		i++;
		if (!strcmp(a, "--addr"))
			o_addr = v;
		else if (!strcmp(a, "--sni"))
			o_sni = v;
		else if (!strcmp(a, "--cafile"))
			o_cafile = v;
		else if (!strcmp(a, "--path"))
			o_path = v;
		else if (!strcmp(a, "--body"))
			o_body = v;
		else if (!strcmp(a, "--expect"))
			o_expect = v;
		else if (!strcmp(a, "--n"))
			o_n = atol(v);
		else if (!strcmp(a, "--warmup"))
			o_warmup = atol(v);
		else if (!strcmp(a, "--timeout-s"))
			o_timeout_s = atol(v);
		else if (!strcmp(a, "--raw"))
			o_raw = v;
		else if (!strcmp(a, "--hold-s"))
			o_hold_s = atol(v);
		else
			die("unknown option %s", a);
	}
	if (!o_addr || !o_sni || !o_cafile || o_n < 1 || o_warmup < 0)
		die("--addr, --sni, --cafile and --n >= 1 are required");
	signal(SIGPIPE, SIG_IGN);
	setup();
	if (!strcmp(cmd, "lat"))
		return cmd_lat();
	if (!strcmp(cmd, "idle"))
		return cmd_idle();
	die("unknown command %s", cmd);
	return 1;
}
