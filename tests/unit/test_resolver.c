/*
 * test_resolver.c - DNS answer parsing with hand-built response messages
 * (CNAME chains, TTLs, odd records, malformed input), and a lookup that
 * must fail cleanly. No network is needed: the only real query is for a
 * name under ".invalid", which fails whether or not a server answers.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "resolver.h"

#define F_QR 0x8000
#define F_RD 0x0100
#define F_RA 0x0080
#define T_A 1
#define T_CNAME 5
#define T_MX 15
#define T_TXT 16
#define T_AAAA 28
#define C_IN 1
#define C_CH 3

struct msg {
	unsigned char b[2048];
	size_t n;
};

static void put16(struct msg *m, unsigned v)
{
	m->b[m->n++] = (unsigned char)(v >> 8);
	m->b[m->n++] = (unsigned char)v;
}

static void put32(struct msg *m, uint32_t v)
{
	put16(m, v >> 16);
	put16(m, v & 0xffff);
}

static void put_bytes(struct msg *m, const void *p, size_t n)
{
	memcpy(m->b + m->n, p, n);
	m->n += n;
}

/* An uncompressed name, or a pointer to offset 12 (the question) if NULL. */
static void put_name(struct msg *m, const char *name)
{
	if (!name) {
		put16(m, 0xc000 | 12);
		return;
	}
	while (*name) {
		const char *dot = strchr(name, '.');
		size_t n = dot ? (size_t)(dot - name) : strlen(name);

		m->b[m->n++] = (unsigned char)n;
		put_bytes(m, name, n);
		name += n + (dot ? 1 : 0);
	}
	m->b[m->n++] = 0;
}

static void header(struct msg *m, unsigned flags, unsigned qd, unsigned an, unsigned ns, unsigned ar)
{
	m->n = 0;
	put16(m, 0x1234);
	put16(m, flags);
	put16(m, qd);
	put16(m, an);
	put16(m, ns);
	put16(m, ar);
}

static void question(struct msg *m, const char *name, unsigned type)
{
	put_name(m, name);
	put16(m, type);
	put16(m, C_IN);
}

static void rr(struct msg *m, const char *owner, unsigned type, unsigned cls, uint32_t ttl,
	       const void *rdata, size_t rdlen)
{
	put_name(m, owner);
	put16(m, type);
	put16(m, cls);
	put32(m, ttl);
	put16(m, (unsigned)rdlen);
	put_bytes(m, rdata, rdlen);
}

static void rr_a(struct msg *m, const char *owner, uint32_t ttl, const char *ip)
{
	unsigned char a[4];

	inet_pton(AF_INET, ip, a);
	rr(m, owner, T_A, C_IN, ttl, a, 4);
}

static void rr_aaaa(struct msg *m, const char *owner, uint32_t ttl, const char *ip)
{
	unsigned char a[16];

	inet_pton(AF_INET6, ip, a);
	rr(m, owner, T_AAAA, C_IN, ttl, a, 16);
}

static void rr_cname(struct msg *m, const char *owner, uint32_t ttl, const char *target)
{
	struct msg t = {.n = 0};

	put_name(&t, target);
	rr(m, owner, T_CNAME, C_IN, ttl, t.b, t.n);
}

static bool is_addr(const struct tg_resolved *r, const char *ip, uint32_t ttl)
{
	unsigned char a[16] = {0};

	if (strchr(ip, ':')) {
		inet_pton(AF_INET6, ip, a);
	} else {
		a[10] = a[11] = 0xff;
		inet_pton(AF_INET, ip, a + 12);
	}
	return memcmp(r->addr, a, 16) == 0 && r->ttl == ttl;
}

/* www.example.com -> CNAME edge.example.net (300 s) -> CNAME e1.cdn.example
 * (60 s) -> A 1.2.3.4 (120 s), A 5.6.7.8 (30 s). */
static void cname_chain(struct msg *m)
{
	header(m, F_QR | F_RD | F_RA, 1, 4, 0, 0);
	question(m, "www.example.com", T_A);
	rr_cname(m, NULL, 300, "edge.example.net");
	rr_cname(m, "edge.example.net", 60, "e1.cdn.example");
	rr_a(m, "e1.cdn.example", 120, "1.2.3.4");
	rr_a(m, "e1.cdn.example", 30, "5.6.7.8");
}

static void test_parse(void)
{
	struct tg_resolved out[8];
	struct msg m;
	size_t n = 0;
	tg_err err = {{0}};
	int rc;

	cname_chain(&m);
	rc = tg_resolver_parse_answer(m.b, (int)m.n, out, 8, &n, &err);
	CHECK(rc == 2 && n == 2, "CNAME chain: two A records (%d, %s)", rc, err.msg);
	CHECK(n >= 1 && is_addr(&out[0], "1.2.3.4", 60), "A 1.2.3.4 v4-mapped, TTL capped by the CNAME (60)");
	CHECK(n >= 2 && is_addr(&out[1], "5.6.7.8", 30), "A 5.6.7.8 keeps its lower TTL (30)");

	/* AAAA answer appended to the same list; no CNAME, own TTL. */
	header(&m, F_QR | F_RD | F_RA, 1, 1, 0, 0);
	question(&m, "api.example.com", T_AAAA);
	rr_aaaa(&m, NULL, 500, "2001:db8::1");
	rc = tg_resolver_parse_answer(m.b, (int)m.n, out, 8, &n, &err);
	CHECK(rc == 1 && n == 3 && is_addr(&out[2], "2001:db8::1", 500), "AAAA appended with its TTL");

	/* The same address twice keeps the larger TTL. */
	n = 0;
	header(&m, F_QR, 1, 3, 0, 0);
	question(&m, "api.example.com", T_A);
	rr_a(&m, NULL, 10, "9.9.9.9");
	rr_a(&m, NULL, 900, "9.9.9.9");
	rr_a(&m, NULL, 5, "9.9.9.9");
	rc = tg_resolver_parse_answer(m.b, (int)m.n, out, 8, &n, &err);
	CHECK(rc == 3 && n == 1 && is_addr(&out[0], "9.9.9.9", 900), "duplicate address: one entry, larger TTL");

	/* Other types, other classes and other sections are ignored. */
	n = 0;
	header(&m, F_QR, 1, 4, 1, 1);
	question(&m, "api.example.com", T_A);
	rr(&m, NULL, T_TXT, C_IN, 60, "\x05hello", 6);
	rr(&m, NULL, T_MX, C_IN, 60, "\x00\x0a\xc0\x0c", 4);
	rr(&m, NULL, T_A, C_CH, 60, "\x0a\x00\x00\x01", 4);
	rr_a(&m, NULL, 70, "10.0.0.2");
	rr_a(&m, "ns.example.com", 70, "10.0.0.3");      /* authority */
	rr_a(&m, "ns.example.com", 70, "10.0.0.4");      /* additional */
	rc = tg_resolver_parse_answer(m.b, (int)m.n, out, 8, &n, &err);
	CHECK(rc == 1 && n == 1 && is_addr(&out[0], "10.0.0.2", 70),
	      "only IN A/AAAA records of the answer section count (%d, %s)", rc, err.msg);

	/* RFC 2181: a TTL with the top bit set means zero. */
	n = 0;
	header(&m, F_QR, 1, 1, 0, 0);
	question(&m, "api.example.com", T_A);
	rr_a(&m, NULL, 0x80000000u, "10.0.0.9");
	rc = tg_resolver_parse_answer(m.b, (int)m.n, out, 8, &n, &err);
	CHECK(rc == 1 && n == 1 && out[0].ttl == 0, "TTL >= 2^31 reads as 0");

	/* The output is bounded by max; every record is still counted. */
	n = 0;
	header(&m, F_QR, 1, 3, 0, 0);
	question(&m, "api.example.com", T_A);
	rr_a(&m, NULL, 1, "10.0.0.1");
	rr_a(&m, NULL, 1, "10.0.0.2");
	rr_a(&m, NULL, 1, "10.0.0.3");
	rc = tg_resolver_parse_answer(m.b, (int)m.n, out, 2, &n, &err);
	CHECK(rc == 3 && n == 2, "max respected (%d records, %zu kept)", rc, n);

	/* A CNAME without the final records: no addresses, not an error. */
	n = 0;
	header(&m, F_QR, 1, 1, 0, 0);
	question(&m, "www.example.com", T_A);
	rr_cname(&m, NULL, 300, "elsewhere.example.net");
	rc = tg_resolver_parse_answer(m.b, (int)m.n, out, 8, &n, &err);
	CHECK(rc == 0 && n == 0, "CNAME only: zero addresses");

	header(&m, F_QR, 1, 0, 0, 0);
	question(&m, "www.example.com", T_AAAA);
	rc = tg_resolver_parse_answer(m.b, (int)m.n, out, 8, &n, &err);
	CHECK(rc == 0 && n == 0, "empty answer: zero addresses");
}

static void test_parse_errors(void)
{
	struct tg_resolved out[8];
	struct msg m, ok;
	size_t n = 0;
	tg_err err;
	int rc;

	header(&m, F_QR | 3, 1, 0, 0, 0);
	question(&m, "nope.example.com", T_A);
	rc = tg_resolver_parse_answer(m.b, (int)m.n, out, 8, &n, &err);
	CHECK(rc < 0 && strstr(err.msg, "NXDOMAIN") && n == 0, "NXDOMAIN: %s", err.msg);

	header(&m, F_QR | 2, 1, 0, 0, 0);
	question(&m, "nope.example.com", T_A);
	rc = tg_resolver_parse_answer(m.b, (int)m.n, out, 8, &n, &err);
	CHECK(rc < 0 && strstr(err.msg, "SERVFAIL"), "SERVFAIL: %s", err.msg);

	header(&m, 0, 1, 0, 0, 0);
	question(&m, "query.example.com", T_A);
	rc = tg_resolver_parse_answer(m.b, (int)m.n, out, 8, &n, &err);
	CHECK(rc < 0 && strstr(err.msg, "not a response"), "query instead of response: %s", err.msg);

	header(&m, F_QR, 1, 1, 0, 0);
	question(&m, "api.example.com", T_A);
	rr(&m, NULL, T_A, C_IN, 60, "\x01\x02\x03\x04\x05", 5);
	rc = tg_resolver_parse_answer(m.b, (int)m.n, out, 8, &n, &err);
	CHECK(rc < 0 && strstr(err.msg, "A record 0 has 5 bytes"), "A with 5 bytes: %s", err.msg);

	header(&m, F_QR, 1, 1, 0, 0);
	question(&m, "api.example.com", T_AAAA);
	rr(&m, NULL, T_AAAA, C_IN, 60, "\x20\x01\x0d\xb8", 4);
	rc = tg_resolver_parse_answer(m.b, (int)m.n, out, 8, &n, &err);
	CHECK(rc < 0 && strstr(err.msg, "AAAA record 0 has 4 bytes"), "AAAA with 4 bytes: %s", err.msg);

	/* The header claims more answers than the message holds. */
	cname_chain(&m);
	m.b[7] = 5;
	rc = tg_resolver_parse_answer(m.b, (int)m.n, out, 8, &n, &err);
	CHECK(rc < 0 && strstr(err.msg, "malformed"), "answer count too high: %s", err.msg);

	CHECK(tg_resolver_parse_answer(NULL, 0, out, 8, &n, &err) < 0, "NULL message");
	CHECK(tg_resolver_parse_answer((const unsigned char *)"\x12\x34\x80", 3, out, 8, &n, &err) < 0,
	      "3-byte message");

	/* Every truncation of a good message fails cleanly (ASan watches). */
	cname_chain(&ok);
	bool all = true;
	for (size_t len = 0; len < ok.n; len++) {
		unsigned char *copy = malloc(len ? len : 1);

		memcpy(copy, ok.b, len);
		n = 0;
		rc = tg_resolver_parse_answer(copy, (int)len, out, 8, &n, NULL);
		all = all && rc < 0;
		free(copy);
	}
	CHECK(all, "every truncated message is rejected");

	/* Random bit flips never crash; results stay within bounds. */
	srand(1);
	all = true;
	for (int i = 0; i < 2000; i++) {
		m = ok;
		m.b[(size_t)rand() % m.n] ^= (unsigned char)(1u << (rand() % 8));
		n = 0;
		rc = tg_resolver_parse_answer(m.b, (int)m.n, out, 8, &n, NULL);
		all = all && n <= 8 && (rc < 0 ? n == 0 : (size_t)rc >= n);
	}
	CHECK(all, "bit-flipped messages handled");
}

static void test_resolve(void)
{
	struct tg_resolved out[TG_RESOLVE_MAX];
	tg_err err = {{0}};
	int rc;

	rc = tg_resolve("tollgate-unit-test.invalid", out, TG_RESOLVE_MAX, &err);
	CHECK(rc < 0 && strstr(err.msg, "tollgate-unit-test.invalid"),
	      "resolving a .invalid name fails cleanly: %s", err.msg);
	CHECK(tg_resolve("tollgate-unit-test.invalid", out, TG_RESOLVE_MAX, NULL) < 0,
	      "failing resolve with NULL err");
	rc = tg_resolve("", out, TG_RESOLVE_MAX, &err);
	CHECK(rc < 0 && strstr(err.msg, "invalid host name"), "empty name rejected: %s", err.msg);
	rc = tg_resolve("bad..name.example", out, TG_RESOLVE_MAX, &err);
	CHECK(rc < 0 && strstr(err.msg, "invalid host name"), "empty label rejected: %s", err.msg);
	rc = tg_resolve("a b.example", out, TG_RESOLVE_MAX, &err);
	CHECK(rc < 0 && strstr(err.msg, "invalid host name"), "space rejected: %s", err.msg);
}

int main(void)
{
	test_parse();
	test_parse_errors();
	test_resolve();
	CHECK_DONE();
}
