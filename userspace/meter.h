/*
 * meter.h - the metering and budget stage of the request pipeline, and its
 * admin API.
 *
 * For every metered API call (chat, responses, text_completion,
 * embeddings, generate_content) it:
 *   on_request        reads the request (usage.h), finds the price
 *                     (prices.h; unknown models per policy), checks the
 *                     rate limits, reserves the worst-case cost on every
 *                     budget that applies (budget.h) and in the ledger
 *                     (ledger.h) - or refuses with 402 / 429 / 503 in the
 *                     provider's error shape, or lowers max_tokens to what
 *                     the budget can pay for when the policy says so - and
 *                     asks an OpenAI-style stream for its usage when the
 *                     client did not
 *   on_response_*     reads usage from the body or the SSE events; removes
 *                     the usage chunk it asked for, so the client sees the
 *                     stream it would have seen; settles in the ledger as
 *                     soon as the final usage is known, before the bytes
 *                     that carry it reach the client
 *   on_complete       settles what is left (a cut stream from an estimate),
 *                     or releases the reservation of a call that failed,
 *                     and fills the call's usage/cost/budget fields
 * Admin routes: GET/POST/DELETE /v1/budgets, POST /v1/budgets/reload,
 * GET /v1/spend, GET /v1/prices, POST /v1/prices/import, POST
 * /v1/prices/reload. The policy file is also re-read when it changes.
 */
#ifndef TG_METER_H
#define TG_METER_H

#include "admin.h"
#include "audit.h"
#include "events.h"
#include "loop.h"
#include "pipeline.h"
#include "providers.h"

struct tg_meter;

struct tg_meter_opts {
	const char *state_dir;
	const char *prices_file;        /* "" = prices.json beside providers_file */
	const char *providers_file;
	const char *budgets_file;       /* "" = none (defaults, no declared budgets) */
	const struct tg_registry *reg;
	struct tg_events *events;
	struct tg_audit *audit;
};

struct tg_meter *tg_meter_open(const struct tg_meter_opts *o, tg_err *err);
void tg_meter_close(struct tg_meter *m);

/* The stage; index is the position it will have in the pipeline. */
struct tg_stage tg_meter_stage(struct tg_meter *m, size_t index);

/* The ledger writer's counters (for /metrics). */
struct tg_ledger_stats;
void tg_meter_ledger_stats(struct tg_meter *m, struct tg_ledger_stats *st);

/* Register the admin routes, and watch the policy file from loop. */
void tg_meter_start(struct tg_meter *m, struct tg_admin *admin, struct tg_loop *loop);

#endif
