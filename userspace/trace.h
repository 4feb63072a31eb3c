/*
 * trace.h - one span per proxied call, following the OpenTelemetry GenAI
 * semantic conventions, plus tollgate's own attributes.
 *
 * The trace stage runs at the end of every call, after the stages that fill
 * the shared call fields (meter, budget, redaction), and just before the
 * request log. It turns the call into a span row and hands it to the trace
 * store (store.h), which the OTLP exporter (otlp.h) reads. Nothing here
 * blocks or touches the network.
 *
 * The span continues the agent's W3C trace when its request carried a valid
 * traceparent (conn.c parsed it into call->trace_id / parent_span_id);
 * otherwise it starts a trace. Its attributes:
 *   gen_ai.operation.name, gen_ai.provider.name (and the older
 *   gen_ai.system), gen_ai.request.model, gen_ai.response.model,
 *   gen_ai.usage.input_tokens, gen_ai.usage.output_tokens,
 *   gen_ai.usage.cache_read.input_tokens, gen_ai.usage.cache_creation.input_tokens,
 *   gen_ai.response.finish_reasons, server.address, server.port,
 *   http.request.method, url.path, http.response.status_code, error.type,
 *   tollgate.cgroup, tollgate.pid, tollgate.comm, tollgate.uid,
 *   tollgate.key_fp, tollgate.cost_usd, tollgate.budgets,
 *   tollgate.redactions.<entity type>, tollgate.outcome, tollgate.stream,
 *   tollgate.usage_estimated, tollgate.upstream_reused
 * Policy events of the call become span events named "tollgate.<type>".
 * Never: header values, bodies, query strings, keys, redacted values.
 */
#ifndef TG_TRACE_H
#define TG_TRACE_H

#include <stdint.h>

#include <cjson/cJSON.h>

#include "events.h"
#include "pipeline.h"
#include "store.h"

struct tg_trace;

struct tg_trace *tg_trace_new(struct tg_store *store, struct tg_events *events, tg_err *err);
void tg_trace_free(struct tg_trace *t);
struct tg_stage tg_trace_stage(struct tg_trace *t);

/* The store row for a finished call (span.h: tg_span_otlp_json makes its
 * OTLP/JSON); events is an array from tg_events_take (or NULL) and is
 * consumed. malloc'd (tg_span_row_free), or NULL when out of memory. */
struct tg_span_row *tg_trace_span_row(const struct tg_call *call, cJSON *events);

/*
 * Ids for a call that starts at wall_ms (Unix ms), made from random bytes:
 *   trace id: 32 hex digits, the first 12 wall_ms (48 bits), the other 20
 *             random (TG_TRACE_ID_RANDOM bytes)
 *   span id:  16 hex digits, the first 6 the time in quarter seconds (24
 *             bits, wrapping every 48 days), the other 10 random
 *             (TG_SPAN_ID_RANDOM bytes); never all zero
 * Wholly random ids would be as valid. But the trace store indexes both, and
 * a key that grows with time lands at the end of its index, where the last
 * batch wrote, instead of on any of its pages (store.c); with AWS X-Ray's
 * and UUIDv7's layout the ids stay unique all the same. A trace id's
 * rightmost 7 bytes, which samplers take as its randomness (W3C Trace
 * Context Level 2), stay random.
 */
#define TG_TRACE_ID_RANDOM 10
#define TG_SPAN_ID_RANDOM 5
void tg_trace_new_trace_id(char out[33], uint64_t wall_ms, const unsigned char rnd[TG_TRACE_ID_RANDOM]);
void tg_trace_new_span_id(char out[17], uint64_t wall_ms, const unsigned char rnd[TG_SPAN_ID_RANDOM]);

/* gen_ai.provider.name for a registry provider name ("gemini" -> "gcp.gemini"). */
const char *tg_trace_genai_provider(const char *name, enum tg_api_shape shape);

#endif
