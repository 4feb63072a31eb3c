/*
 * metrics.h - Prometheus metrics: a stage that counts every finished call,
 * and a small HTTP server on a loopback port (config "metrics.listen")
 * answering GET /metrics in the text exposition format (version 0.0.4).
 *
 * Per-call families (labels in braces):
 *   tollgate_requests_total{cgroup,uid,key_fp,provider,model,outcome,code}
 *   tollgate_spend_usd_total{cgroup,uid,key_fp,provider,model}   sum of call->cost_usd,
 *                                                                the ledger's settled cost
 *   tollgate_tokens_total{cgroup,uid,key_fp,provider,model,type}  type: input, output,
 *                                                                cached_input, cache_write, reasoning
 *   tollgate_redactions_total{cgroup,entity_type}
 *   tollgate_blocks_total{cgroup,reason,code}                  calls a policy stage refused
 *   tollgate_added_latency_seconds{provider}      histogram: request head in -> request
 *                                                 handed to the upstream connection
 *                                                 (body read + policy stages)
 *   tollgate_upstream_latency_seconds{provider}   histogram: request handed upstream -> end
 *   tollgate_upstream_ttfb_seconds{provider}      histogram: request handed upstream ->
 *                                                 first response byte
 * Read at scrape time: live connections, BPF map entries and decisions,
 * policy events by type, trace store and OTLP exporter counters.
 *
 * The request path costs a few hash probes and atomic adds: series are
 * found without a lock (a lock is taken only to create a new series).
 */
#ifndef TG_METRICS_H
#define TG_METRICS_H

#include <cjson/cJSON.h>

#include "common.h"
#include "pipeline.h"

struct tg_daemon;
struct tg_metrics;

/* d may be NULL (no daemon gauges: for tests). */
struct tg_metrics *tg_metrics_new(struct tg_daemon *d, tg_err *err);
/* Serve GET /metrics on "127.x.y.z:port" from a thread of its own. */
int tg_metrics_listen(struct tg_metrics *m, const char *listen, tg_err *err);
/* Stop the server (if any): before what it reads (workers, store) goes away. */
void tg_metrics_stop(struct tg_metrics *m);
/* Stop the server and free. */
void tg_metrics_free(struct tg_metrics *m);

struct tg_stage tg_metrics_stage(struct tg_metrics *m);
/* Count one finished call (what the stage does). */
void tg_metrics_count_call(struct tg_metrics *m, const struct tg_call *call);

/* The exposition text (malloc'd). */
char *tg_metrics_render(struct tg_metrics *m);
/* Totals for `tollgate top`: {"time_ms", "requests", "spend_usd",
 * "by_cgroup": {cgroup: {"requests","spend_usd","tokens"}}, "by_key": {...}}. */
cJSON *tg_metrics_summary(struct tg_metrics *m);

#endif
