/*
 * resolver.c - A and AAAA lookups with TTLs through glibc's libresolv.
 *
 * getaddrinfo() hides TTLs, and the endpoint map needs them: an address is
 * only worth keeping as long as DNS says it is valid. So we ask the
 * configured name servers directly with res_nquery() on a private
 * res_state (thread-safe), and read the answer section with ns_parserr().
 * A recursive resolver answers a query for a CNAME'd name with the CNAME
 * chain followed by the final records; we take every A/AAAA record in the
 * answer and cap its TTL by the smallest CNAME TTL, since the mapping is
 * only as fresh as the weakest link. See resolver.h.
 */
#include "resolver.h"

#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RESOLVE_TIMEOUT_S 2 /* per try, per server */
#define RESOLVE_ATTEMPTS 2

static const char *rcode_name(int rcode)
{
	switch (rcode) {
	case ns_r_formerr: return "format error (FORMERR)";
	case ns_r_servfail: return "server failure (SERVFAIL)";
	case ns_r_nxdomain: return "no such name (NXDOMAIN)";
	case ns_r_notimpl: return "not implemented (NOTIMP)";
	case ns_r_refused: return "refused (REFUSED)";
	}
	return "error";
}

/* Add addr with ttl to out[0..*n), or raise the TTL of a copy already there. */
static void add_addr(struct tg_resolved *out, size_t max, size_t *n, const uint8_t addr[16],
		     uint32_t ttl)
{
	for (size_t i = 0; i < *n; i++) {
		if (memcmp(out[i].addr, addr, 16) == 0) {
			if (ttl > out[i].ttl)
				out[i].ttl = ttl;
			return;
		}
	}
	if (*n < max) {
		memcpy(out[*n].addr, addr, 16);
		out[*n].ttl = ttl;
		(*n)++;
	}
}

/* RFC 2181 8: a TTL with the top bit set is to be read as zero. */
static uint32_t rr_ttl(const ns_rr *rr)
{
	uint32_t ttl = ns_rr_ttl(*rr);

	return ttl > 0x7fffffffu ? 0 : ttl;
}

int tg_resolver_parse_answer(const unsigned char *msg, int len, struct tg_resolved *out,
			     size_t max, size_t *n, tg_err *err)
{
	uint32_t cname_ttl = UINT32_MAX;
	int count, seen = 0, rcode;
	ns_msg handle;
	ns_rr rr;

	if (!msg || len <= 0 || ns_initparse(msg, len, &handle) < 0)
		return tg_errf(err, "malformed DNS message");
	if (!ns_msg_getflag(handle, ns_f_qr))
		return tg_errf(err, "DNS message is not a response");
	rcode = ns_msg_getflag(handle, ns_f_rcode);
	if (rcode != ns_r_noerror)
		return tg_errf(err, "%s", rcode_name(rcode));
	count = ns_msg_count(handle, ns_s_an);

	/* First pass: check every record, and find the weakest CNAME in the
	 * chain. Nothing is added to out[] unless the whole answer is good. */
	for (int i = 0; i < count; i++) {
		if (ns_parserr(&handle, ns_s_an, i, &rr) < 0)
			return tg_errf(err, "malformed DNS answer record %d", i);
		if (ns_rr_class(rr) != ns_c_in)
			continue;
		if (ns_rr_type(rr) == ns_t_cname && rr_ttl(&rr) < cname_ttl)
			cname_ttl = rr_ttl(&rr);
		if (ns_rr_type(rr) == ns_t_a && ns_rr_rdlen(rr) != 4)
			return tg_errf(err, "A record %d has %u bytes of data", i, ns_rr_rdlen(rr));
		if (ns_rr_type(rr) == ns_t_aaaa && ns_rr_rdlen(rr) != 16)
			return tg_errf(err, "AAAA record %d has %u bytes of data", i, ns_rr_rdlen(rr));
	}
	/* Second pass: the addresses, whatever their owner name. */
	for (int i = 0; i < count; i++) {
		uint8_t addr[16] = {0};
		uint32_t ttl;

		if (ns_parserr(&handle, ns_s_an, i, &rr) < 0 || ns_rr_class(rr) != ns_c_in)
			continue;
		if (ns_rr_type(rr) == ns_t_a) {
			addr[10] = addr[11] = 0xff;
			memcpy(addr + 12, ns_rr_rdata(rr), 4);
		} else if (ns_rr_type(rr) == ns_t_aaaa) {
			memcpy(addr, ns_rr_rdata(rr), 16);
		} else {
			continue;
		}
		ttl = rr_ttl(&rr);
		if (ttl > cname_ttl)
			ttl = cname_ttl;
		add_addr(out, max, n, addr, ttl);
		seen++;
	}
	return seen;
}

/* Why res_nquery() failed, from the state's h_errno. */
static const char *herror_name(int h, int saved_errno, char *buf, size_t size)
{
	switch (h) {
	case HOST_NOT_FOUND: return "no such name (NXDOMAIN)";
	case NO_DATA: return "no A or AAAA records";
	case TRY_AGAIN: return "no answer from the name servers (timeout or SERVFAIL)";
	case NO_RECOVERY: return "name server error (refused or malformed)";
	}
	snprintf(buf, size, "resolver error: %s", saved_errno ? strerror(saved_errno) : "unknown");
	return buf;
}

static bool host_name_ok(const char *host)
{
	size_t len = strlen(host);

	if (len == 0 || len > 253 || host[0] == '.' || strstr(host, ".."))
		return false;
	for (const char *p = host; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' || *p == '_'))
			return false;
	return true;
}

int tg_resolve(const char *host, struct tg_resolved *out, size_t max, tg_err *err)
{
	static const int types[] = {ns_t_a, ns_t_aaaa};
	struct __res_state st;
	const char *why = NULL;
	bool why_nodata = false;
	char whybuf[sizeof(((tg_err *)0)->msg)];
	unsigned char *buf;
	size_t n = 0;
	tg_err perr;

	if (!host_name_ok(host))
		return tg_errf(err, "resolve \"%.64s\": invalid host name", host);
	buf = malloc(NS_MAXMSG);
	if (!buf)
		return tg_errf(err, "resolve %s: out of memory", host);
	memset(&st, 0, sizeof(st));
	if (res_ninit(&st) < 0) {
		free(buf);
		return tg_errf(err, "resolve %s: cannot read the resolver configuration", host);
	}
	st.retrans = RESOLVE_TIMEOUT_S;
	st.retry = RESOLVE_ATTEMPTS;

	for (size_t t = 0; t < TG_ARRAY_LEN(types); t++) {
		int len, h;

		errno = 0;
		len = res_nquery(&st, host, ns_c_in, types[t], buf, NS_MAXMSG);
		if (len < 0) {
			h = st.res_h_errno;
			/* Report the first failure, but "no records of this
			 * type" only if nothing worse happened. */
			if (!why || (why_nodata && h != NO_DATA)) {
				why = herror_name(h, errno, whybuf, sizeof(whybuf));
				why_nodata = h == NO_DATA;
			}
			if (h == HOST_NOT_FOUND)
				break; /* the name does not exist for AAAA either */
			continue;
		}
		if (len > NS_MAXMSG)
			len = NS_MAXMSG;
		if (tg_resolver_parse_answer(buf, len, out, max, &n, &perr) < 0) {
			memcpy(whybuf, perr.msg, sizeof(whybuf));
			why = whybuf;
			why_nodata = false;
		}
	}
	res_nclose(&st);
	free(buf);
	if (n == 0)
		return tg_errf(err, "resolve %s: %s", host, why ? why : "no A or AAAA records");
	return (int)n;
}
