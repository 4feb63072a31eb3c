/*
 * config.h - the daemon's configuration file (one JSON object).
 *
 * Every key is optional; tg_config_defaults() gives the shipped defaults.
 * Unknown keys are errors (a typo must not silently change behaviour).
 * See README.md "Configuration" and policies/tollgate.json.
 */
#ifndef TG_CONFIG_H
#define TG_CONFIG_H

#include <limits.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdint.h>

#include "common.h"
#include "providers.h"

#define TG_MAX_OVERRIDES 64
#define TG_MAX_OTLP_HEADERS 16

/* Shipped defaults (see tg_config_defaults and policies/tollgate.json). */
#define TG_DEFAULT_LISTEN_HOST "127.0.0.1"
#define TG_DEFAULT_LISTEN6_HOST "::1"
#define TG_DEFAULT_PORT 15443
#define TG_DEFAULT_STATE_DIR "/var/lib/tollgate"
#define TG_DEFAULT_PROVIDERS_FILE "/etc/tollgate/providers.json"
/* SO_MARK on tollgate's own sockets, so the BPF programs let them through:
 * "toll" in ASCII. Pick another value if the host's policy routing or
 * firewall already uses these mark bits. */
#define TG_DEFAULT_MARK 0x746f6c6cu

struct tg_addr_override {
	char provider[TG_NAME_LEN];
	struct tg_cidr addrs[TG_MAX_ADDRS];
	size_t naddrs;
};

struct tg_config {
	/* "listen": "127.0.0.1:15443" - proxy listener in the host namespace.
	 * Listeners in other namespaces use 127.0.0.1 and ::1 on the same port. */
	char listen_host[64];
	uint16_t listen_port;
	/* "listen6": "[::1]:15443" or "" to disable IPv6 redirection targets */
	char listen6_host[64];
	uint16_t listen6_port;
	char cgroup[PATH_MAX];          /* "cgroup": path below the cgroup2 mount, "/" = whole host */
	char state_dir[PATH_MAX];       /* "state_dir": default /var/lib/tollgate */
	char providers_file[PATH_MAX];  /* "providers_file" */
	char prices_file[PATH_MAX];     /* "prices_file": model prices, "" = prices.json beside providers_file */
	char budgets_file[PATH_MAX];    /* "budgets_file": budget policy (budgets, rate limits), "" = none */
	char redaction_policy[PATH_MAX];/* "redaction_policy": redaction policy file, "" = the built-in default */
	bool redaction;                 /* "redaction": redact PII and secrets, default true */
	char upstream_ca_file[PATH_MAX];/* "upstream_ca_file": extra roots, "" = none */
	char request_log[PATH_MAX];     /* "request_log": default <state_dir>/requests.log */
	int workers;                    /* "workers": 0 = one per online CPU */
	uint32_t socket_mark;           /* "socket_mark": mark on tollgate's own sockets */
	bool refuse_unknown_netns;      /* "unknown_netns": "refuse" (default) | "direct" */
	enum tg_log_level log_level;    /* "log_level" */
	uint64_t max_request_body;      /* "max_request_body": bytes, default 32 MiB */
	uint32_t max_header_bytes;      /* "max_header_bytes": default 64 KiB */
	uint32_t client_idle_timeout_ms;    /* "timeouts.client_idle_ms": default 120000 */
	uint32_t handshake_timeout_ms;      /* "timeouts.handshake_ms": default 10000 */
	uint32_t upstream_connect_timeout_ms; /* "timeouts.upstream_connect_ms": default 10000 */
	uint32_t upstream_idle_timeout_ms;    /* "timeouts.upstream_idle_ms": default 600000 (no bytes from upstream) */
	uint32_t pool_idle_timeout_ms;        /* "timeouts.pool_idle_ms": default 60000 */
	uint32_t resolve_interval_s;    /* "resolve.interval_s": default 300 */
	uint32_t resolve_min_ttl_s;     /* "resolve.min_ttl_s": keep addresses at least this long, default 3600 */
	bool resolve_enabled;           /* "resolve.enabled": default true */
	/* "addresses": {"openai": ["10.0.0.5", "10.1.0.0/16"], ...} */
	struct tg_addr_override overrides[TG_MAX_OVERRIDES];
	size_t noverrides;
	/* "otlp": span export over OTLP/HTTP JSON (see otlp.h) */
	char otlp_endpoint[512];        /* "otlp.endpoint": "http://127.0.0.1:4318"; "" = no export */
	char otlp_headers[TG_MAX_OTLP_HEADERS][512]; /* "otlp.headers": {"Name": "value"} as "Name: value" */
	size_t notlp_headers;
	uint32_t otlp_timeout_ms;       /* "otlp.timeout_ms": default 10000 */
	uint32_t otlp_batch_max;        /* "otlp.batch_max": spans per request, default 512 */
	uint32_t otlp_max_queue_spans;  /* "otlp.max_queue_spans": spans kept for a down collector, default 100000 */
	char otlp_service_name[64];     /* "otlp.service_name": resource service.name, default "tollgate" */
	uint32_t trace_retention_days;  /* "traces.retention_days": local trace store, default 30, 0 = forever */
	char metrics_listen[64];        /* "metrics.listen": Prometheus endpoint "127.0.0.1:9464"; "" = off */
};

void tg_config_defaults(struct tg_config *cfg);
/* Load path over the defaults. Errors name the file and the key. */
int tg_config_load(const char *path, struct tg_config *cfg, tg_err *err);
/* Apply "addresses" overrides to a loaded registry (unknown provider = error). */
int tg_config_apply_overrides(const struct tg_config *cfg, struct tg_registry *reg, tg_err *err);

#endif
