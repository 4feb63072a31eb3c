/*
 * otlp.h - export spans over OTLP/HTTP with the JSON encoding
 * (POST <endpoint>/v1/traces, Content-Type: application/json), to an
 * OpenTelemetry Collector, Jaeger, Tempo, Langfuse, Phoenix, LangSmith...
 *
 * The exporter runs on its own thread and never on a request's path. Its
 * queue is the trace store's spans table (store.h) in the state directory:
 * it sends spans in id order, batch_max at a time, and advances a cursor
 * kept in the same database only after the collector accepted the batch.
 * So a collector outage, or a daemon restart, loses nothing up to
 * max_queue_spans waiting spans (beyond that the oldest are skipped and
 * counted), and delivery is at-least-once: a batch whose answer was lost is
 * sent again. Failures are retried with exponential backoff (0.5 s doubling
 * to 30 s, with jitter; a Retry-After is honoured); a batch the collector
 * rejects as malformed (4xx other than 408/429) is dropped and counted.
 */
#ifndef TG_OTLP_H
#define TG_OTLP_H

#include <stdint.h>

#include "common.h"
#include "config.h"

struct tg_otlp;

struct tg_otlp_stats {
	uint64_t exported;     /* spans the collector accepted */
	uint64_t dropped;      /* spans skipped: queue bound, or rejected batches */
	uint64_t failures;     /* failed export attempts */
	uint64_t backlog;      /* spans waiting */
};

/* Start the exporter thread (cfg->otlp_endpoint must be set). */
struct tg_otlp *tg_otlp_start(const struct tg_config *cfg, tg_err *err);
/* New spans were committed: wake the exporter. Any thread. */
void tg_otlp_kick(void *otlp);
/* One last bounded attempt to send what waits, then stop. */
void tg_otlp_stop(struct tg_otlp *o);
void tg_otlp_stats(struct tg_otlp *o, struct tg_otlp_stats *st);

/* The request body for spans (an array of OTLP/JSON span objects, as text
 * joined by commas): an ExportTraceServiceRequest with tollgate's resource.
 * malloc'd. */
char *tg_otlp_body(const char *service_name, const char *spans_json, size_t len);

#endif
