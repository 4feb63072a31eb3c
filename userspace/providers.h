/*
 * providers.h - the provider registry (policies/providers.json).
 *
 * Each provider has hostnames (exact, or "*.suffix" matching exactly one
 * more label), ports, an API shape (which decides wire formats and the
 * shape of error bodies tollgate writes), and optional static addresses
 * (IPs or CIDRs) that are always in the endpoint map.
 */
#ifndef TG_PROVIDERS_H
#define TG_PROVIDERS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "common.h"

enum tg_api_shape {
	TG_API_OPENAI = 0,  /* OpenAI and the OpenAI-compatible providers */
	TG_API_AZURE_OPENAI,
	TG_API_ANTHROPIC,
	TG_API_GEMINI,
};

#define TG_MAX_HOSTS 16
#define TG_MAX_PORTS 4
#define TG_MAX_ADDRS 32
#define TG_NAME_LEN 64
#define TG_HOST_LEN 256

/* A static address or network, already parsed. IPv4 is stored v4-mapped. */
struct tg_cidr {
	uint8_t addr[16];
	uint8_t prefix; /* 0..128 over the 16-byte form (IPv4 /24 is 96+24) */
};

struct tg_provider {
	char name[TG_NAME_LEN];          /* "openai" */
	char display[TG_NAME_LEN];       /* "OpenAI" */
	enum tg_api_shape shape;
	char hosts[TG_MAX_HOSTS][TG_HOST_LEN];
	size_t nhosts;
	uint16_t ports[TG_MAX_PORTS];    /* host order; default {443} */
	size_t nports;
	struct tg_cidr addrs[TG_MAX_ADDRS]; /* static addresses (from the registry or config overrides) */
	size_t naddrs;
};

struct tg_registry {
	struct tg_provider *v;
	size_t n;
};

/* Load and validate the registry. Errors name the file, the provider and the key. */
int tg_registry_load(const char *path, struct tg_registry *reg, tg_err *err);
void tg_registry_free(struct tg_registry *reg);

/* Find a provider by name (NULL if none). */
struct tg_provider *tg_registry_find(const struct tg_registry *reg, const char *name);

/* Find the provider a TLS server name belongs to (case-insensitive; NULL if none). */
const struct tg_provider *tg_registry_match_host(const struct tg_registry *reg, const char *host);

/* The DNS domains the CA must cover: every exact host, and for "*.suffix"
 * the suffix. Deduplicated; returns count, fills out[] up to max. */
size_t tg_registry_domains(const struct tg_registry *reg, const char **out, size_t max);

/* Parse "1.2.3.4", "1.2.3.0/24", "2001:db8::1", "2001:db8::/32". */
int tg_cidr_parse(const char *s, struct tg_cidr *out, tg_err *err);

const char *tg_api_shape_name(enum tg_api_shape shape);

/*
 * Error bodies in the provider's own JSON shape, so SDKs show them well.
 *   OpenAI/Azure:  {"error":{"message":M,"type":T,"param":null,"code":C}}
 *   Anthropic:     {"type":"error","error":{"type":T,"message":M}}
 *   Gemini:        {"error":{"code":STATUS,"message":M,"status":S,"tollgate_type":T}}
 * type is a machine-readable kind ("tollgate_upstream_error", ...), code a
 * short code or NULL (Anthropic and Gemini carry it as "tollgate_code");
 * Gemini's S is the canonical status name for the HTTP status (402 ->
 * "FAILED_PRECONDITION", 429 -> "RESOURCE_EXHAUSTED", ...). trace_id (may be
 * NULL) is added as "tollgate_trace_id" inside the error object. Returns a
 * malloc'd NUL-terminated string, or NULL if out of memory.
 */
char *tg_error_body(enum tg_api_shape shape, int status, const char *type,
		    const char *code, const char *message, const char *trace_id);

#endif
