/*
 * resolver.h - look up a provider hostname's IPv4 and IPv6 addresses with
 * their DNS TTLs, so the endpoint map can hold each address as long as DNS
 * says it is valid (the caller applies its own floor, resolve.min_ttl_s).
 *
 * Uses glibc's libresolv with a private resolver state per call, so it is
 * safe to call from several threads. Queries use /etc/resolv.conf with short
 * timeouts (2 s, 2 attempts per server) and follow CNAMEs as the recursive
 * resolver returns them. It blocks: call it from a thread that may block.
 */
#ifndef TG_RESOLVER_H
#define TG_RESOLVER_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"

#define TG_RESOLVE_MAX 64 /* addresses kept per name (A and AAAA together) */

struct tg_resolved {
	uint8_t addr[16]; /* IPv6, or IPv4 v4-mapped (::ffff:a.b.c.d) */
	uint32_t ttl;     /* seconds: the record's TTL, lowered to the TTL of any
			     CNAME in the answer that led to it */
};

/*
 * Resolve host's A and AAAA records. Fills out[] with up to max distinct
 * addresses (A first, then AAAA) and returns how many, at least 1. Returns -1
 * with a message in err if the name does not exist, has no addresses, or no
 * name server answered.
 */
int tg_resolve(const char *host, struct tg_resolved *out, size_t max, tg_err *err);

/*
 * Parse one DNS response message (as res_nquery returns it): take every A
 * and AAAA record in the answer section whatever its owner name, and append
 * those not already in out[0..*n) (a repeat keeps the larger TTL) while
 * *n < max. Returns the number of address records seen, 0 if the answer had
 * none, or -1 if the message is malformed or its rcode is not NOERROR (and
 * then out[] and *n are untouched).
 */
int tg_resolver_parse_answer(const unsigned char *msg, int len, struct tg_resolved *out,
			     size_t max, size_t *n, tg_err *err);

#endif
