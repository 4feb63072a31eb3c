/*
 * endpoints.h - keep the BPF endpoint map in step with the registry.
 *
 * Static addresses (from providers.json and the config's "addresses") are
 * put in once and never expire. Provider hostnames are resolved on a
 * thread of their own every resolve.interval_s; each address is kept for
 * at least max(its DNS TTL, resolve.min_ttl_s), since provider CDNs rotate
 * addresses faster than clients forget them. Entries are added and removed
 * one by one, so live connections are never disturbed. Wildcard hosts
 * ("*.openai.azure.com") cannot be resolved: give their addresses in the
 * configuration.
 */
#ifndef TG_ENDPOINTS_H
#define TG_ENDPOINTS_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"

struct tg_daemon;
struct tg_endpoints;

struct tg_endpoints *tg_endpoints_start(struct tg_daemon *d, tg_err *err);
void tg_endpoints_stop(struct tg_endpoints *e);

struct tg_endpoint_info {
	uint8_t addr[16];
	uint8_t prefix;
	uint16_t port;
	uint32_t provider;
	int is_static;
	int64_t expires_wall_ms; /* 0 for static entries */
	char source[64];         /* "static" or the hostname it was resolved from */
};
size_t tg_endpoints_list(struct tg_endpoints *e, struct tg_endpoint_info *out, size_t max);
size_t tg_endpoints_count(struct tg_endpoints *e);

#endif
