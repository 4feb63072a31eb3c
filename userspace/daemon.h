/*
 * daemon.h - the daemon's single context: configuration, registry, BPF,
 * CA and TLS, workers, namespaces, request log. Everything mutable that is
 * shared lives here; modules get what they need through it.
 */
#ifndef TG_DAEMON_H
#define TG_DAEMON_H

#include <limits.h>
#include <stdatomic.h>

#include "bpf_loader.h"
#include "ca.h"
#include "cgroups.h"
#include "config.h"
#include "endpoints.h"
#include "events.h"
#include "loop.h"
#include "meter.h"
#include "admin.h"
#include "audit.h"
#include "netns.h"
#include "pipeline.h"
#include "providers.h"
#include "proxy.h"
#include "redact.h"
#include "reqlog.h"
#include "tls.h"
#include "metrics.h"
#include "otlp.h"
#include "store.h"
#include "trace.h"

struct tg_daemon {
	char config_path[PATH_MAX];
	struct tg_config cfg;
	struct tg_registry reg;
	struct tg_cgroups cgroups;
	struct tg_bpf *bpf;
	struct tg_ca *ca;
	struct tg_tls *tls;
	EVP_MD *sha256;              /* fetched once: API key fingerprints */
	struct tg_reqlog *reqlog;
	struct tg_events *events;
	struct tg_audit *audit;
	struct tg_store *store;      /* spans and events (traces.db) */
	struct tg_otlp *otlp;        /* span exporter, NULL when "otlp.endpoint" is "" */
	struct tg_trace *trace;      /* the trace stage */
	struct tg_metrics *metrics;  /* the metrics stage and /metrics server */
	struct tg_meter *meter;    /* metering, budgets, rate limits, spend ledger */
	struct tg_redact *redact;  /* PII and secret redaction of requests and responses */
	struct tg_pipeline pipeline;
	struct tg_netns_set *netns;
	struct tg_endpoints *endpoints;
	struct tg_admin *admin;
	struct tg_loop *control;   /* main thread: signals, notices, timers, admin */
	struct tg_worker *workers;
	int nworkers;
	int64_t started_wall_ms;
};

/* `tollgate run`: returns the process exit status. */
int tg_daemon_main(const char *config_path);

/* The stages every call goes through, in order, into an empty pipeline:
 * redact, meter, trace, metrics, request log. (Also what bench/pipeline.c
 * measures.) */
void tg_daemon_add_stages(struct tg_pipeline *p, struct tg_redact *redact, struct tg_meter *meter,
			  struct tg_trace *trace, struct tg_metrics *metrics, struct tg_reqlog *reqlog);

/* Status as a JSON document (malloc'd), for the admin API. */
char *tg_daemon_status_json(struct tg_daemon *d);

#endif
