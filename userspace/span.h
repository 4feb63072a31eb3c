/*
 * span.h - one call's span as the trace store keeps it, and its OTLP/JSON
 * form.
 *
 * A span row is flat: the columns that queries filter and show (who, what,
 * status, tokens, cost) and the few fields only the OTLP form needs (cache
 * and reasoning tokens, finish reasons, flags, the span events), which the
 * store keeps as a small JSON object (the "extra" column). The OTLP/JSON of
 * a span (an element of ScopeSpans.spans, GenAI semantic conventions, see
 * trace.h) is built from the row when it is needed: by the exporter, and
 * by `tollgate trace ID`. Storing ~600 bytes a span instead of the ~2.5 KB
 * of its OTLP/JSON is what keeps the store's writer cheap.
 */
#ifndef TG_SPAN_H
#define TG_SPAN_H

#include <stdbool.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "buf.h"

struct tg_span_row {
	/* columns */
	char trace_id[33];
	char span_id[17];
	char parent_span_id[17];
	int64_t start_ms;
	double duration_ms;
	char cgroup[512];
	uint32_t pid;
	char comm[32];
	uint32_t uid;
	char key_fp[32];
	char provider[64];
	char host[256];
	char method[32];
	char path[1024];
	char operation[32];        /* gen_ai.operation.name */
	char model[128];
	char response_model[128];
	int status;
	char outcome[16];
	char error[256];
	uint64_t input_tokens;
	uint64_t output_tokens;
	double cost_usd;
	char budgets[256];
	char redactions[512];      /* JSON object: entity type -> count */

	/* the "extra" column */
	char genai_provider[64];   /* gen_ai.provider.name ("" = none) */
	bool has_origin;           /* pid, comm and uid are known */
	bool usage_known;
	uint64_t cached_input_tokens;
	uint64_t cache_write_tokens;
	uint64_t reasoning_tokens;
	char finish_reasons[64];   /* comma-separated */
	uint32_t port;             /* server.port, 0 = unknown */
	bool error_status;         /* the span's status is ERROR */
	char error_type[64];
	char status_message[512];
	bool stream, estimated, upstream_reused;
	bool has_ttfb;
	double ttfb_ms;            /* tollgate.ttfb_ms, when has_ttfb */
	struct tg_buf events;      /* OTLP span events: a JSON array, or nothing */
};

void tg_span_row_free(struct tg_span_row *r);

/* The extra fields as a JSON object (appended to out). 0, or -1 (memory). */
int tg_span_extra_json(const struct tg_span_row *r, struct tg_buf *out);
/* Read them back from that object's text (unknown members are ignored). */
void tg_span_extra_parse(struct tg_span_row *r, const char *json);
/* A call's policy events (an array from tg_events_take) as OTLP span events,
 * into r->events. */
int tg_span_set_events(struct tg_span_row *r, const cJSON *events);

/* The span in OTLP/JSON form (appended to out). 0, or -1 (memory). */
int tg_span_otlp_json(const struct tg_span_row *r, struct tg_buf *out);

#endif
