/*
 * events.h - policy events: every block, redaction, budget or rate-limit
 * decision, each naming the call (trace and span ids) it belongs to, so one
 * can go from a violation to the call that caused it.
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

/* Open the event store in state_dir. */
struct tg_events *tg_events_open(const char *state_dir, tg_err *err);
void tg_events_close(struct tg_events *ev);

/* Record an event of type ("redact", "block", "budget", "budget_monitor",
 * "ratelimit", ...) for call. detail is a JSON object owned by the callee
 * from now on (may be NULL). Thread-safe; never blocks on the network. */
void tg_event_emit(struct tg_events *ev, const struct tg_call *call, const char *type, cJSON *detail);

#endif
