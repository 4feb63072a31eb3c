/*
 * events.h - policy events: every block, redaction, budget or rate-limit
 * decision, each naming the call (trace and span ids) it belongs to, so one
 * can go from a violation to the call that caused it.
 *
 * An event goes to three places: the JSON-lines stream
 * <state_dir>/events.log (0600, for log shippers), the trace store
 * (store.h; `tollgate events`, `tollgate trace ID`), and the call's own span
 * (the trace stage takes the call's events at its end and exports them as
 * span events).
 *
 * Events carry entity types, counts, scopes and limits: never a raw value,
 * never an API key (only its fingerprint).
 */
#ifndef TG_EVENTS_H
#define TG_EVENTS_H

#include <cjson/cJSON.h>

#include "common.h"
#include "pipeline.h"

struct tg_events;
struct tg_store;

/* Open the event store in state_dir. */
struct tg_events *tg_events_open(const char *state_dir, tg_err *err);
void tg_events_close(struct tg_events *ev);

/* Also record events in the trace store from now on (NULL: stop). */
void tg_events_set_store(struct tg_events *ev, struct tg_store *store);

/* Record an event of type ("redact", "block", "budget", "budget_monitor",
 * "ratelimit", ...) for call. detail is a JSON object owned by the callee
 * from now on (may be NULL). Thread-safe; never blocks on the network. */
void tg_event_emit(struct tg_events *ev, const struct tg_call *call, const char *type, cJSON *detail);

/* The events emitted so far for the call with this span id, removed from
 * the pending set: an array of {"time_ms", "type", "detail"}, or NULL when
 * there are none. For the trace stage, at the end of the call. */
cJSON *tg_events_take(struct tg_events *ev, const char *span_id);

/* Events emitted since start, by type: calls fn for each type. */
void tg_events_counts(struct tg_events *ev, void (*fn)(void *arg, const char *type, uint64_t n),
		      void *arg);

#endif
