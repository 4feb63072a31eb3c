/*
 * ledger.h - the durable spend ledger: SQLite in WAL mode in the state
 * directory (<state_dir>/ledger.db, 0600).
 *
 * Tables:
 *   spend         one row per settled call: who (cgroup, uid, key
 *                 fingerprint), what (provider, model, the price row's
 *                 model, operation), tokens, cost in nano-dollars, whether
 *                 the usage was estimated, and when it settled
 *   reservations  the worst-case cost held by each call in flight. A row is
 *                 written before the call is forwarded and deleted in the
 *                 same transaction that writes its spend row, so after a
 *                 crash the rows left are exactly the calls that died.
 *   died          reservations found at start (calls that died with the
 *                 previous daemon): released, and kept for the record
 *   budgets       budgets set through the admin API (JSON), so they
 *                 survive restarts
 * Every write is its own transaction, committed before the function
 * returns: a settled call survives kill -9 of the daemon. With
 * synchronous=FULL it also survives power loss (one fsync per commit).
 * Thread-safe (one connection behind a mutex).
 */
#ifndef TG_LEDGER_H
#define TG_LEDGER_H

#include <stdbool.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "common.h"
#include "pipeline.h"

#define TG_LEDGER_FILE "ledger.db"

struct tg_ledger;

/* One call, as the ledger records it. */
struct tg_ledger_row {
	int64_t time_ms;
	const char *trace_id;
	const char *cgroup;
	uint32_t uid;
	const char *key_fp;
	const char *provider;
	const char *model;        /* requested */
	const char *price_model;  /* the price row used ("(fallback)" for the fallback) */
	const char *operation;
	struct tg_call_usage usage;
	int64_t cost_nusd;        /* settled cost, or the reserved amount */
	int status;
};

/* What a sum or rollup selects: empty strings and uid < 0 match anything.
 * cgroup matches the path and everything below it. model matches the
 * requested model or the price row's model. */
struct tg_ledger_filter {
	const char *cgroup;
	int64_t uid;
	const char *key_fp;
	const char *provider;
	const char *model;
};

struct tg_ledger *tg_ledger_open(const char *state_dir, bool full_sync, tg_err *err);
void tg_ledger_close(struct tg_ledger *l);
const char *tg_ledger_path(const struct tg_ledger *l);

/* Move reservations left by a previous run into "died". */
int tg_ledger_release_dead(struct tg_ledger *l, uint64_t *count, int64_t *amount_nusd, tg_err *err);

int tg_ledger_reserve(struct tg_ledger *l, const struct tg_ledger_row *row, int64_t *id, tg_err *err);
/* Record the spend row and drop reservation id (0 = none) in one transaction. */
int tg_ledger_settle(struct tg_ledger *l, int64_t reservation_id, const struct tg_ledger_row *row, tg_err *err);
int tg_ledger_release(struct tg_ledger *l, int64_t reservation_id, tg_err *err);

/* Spend settled at or after since_ms (and before until_ms, 0 = no end) matching f. */
int tg_ledger_sum(struct tg_ledger *l, const struct tg_ledger_filter *f, int64_t since_ms, int64_t until_ms,
		  int64_t *sum_nusd, tg_err *err);

/* Spend since since_ms grouped by "cgroup", "uid", "key", "provider",
 * "model" or "" (one total row): a JSON array of {key, calls, estimated,
 * input_tokens, cached_input_tokens, cache_write_tokens, output_tokens,
 * cost_usd}, most expensive first. Also the calls in flight and the calls
 * that died, as an object {"rows":[...], "in_flight":{...}, "died":{...}}. */
cJSON *tg_ledger_rollup(struct tg_ledger *l, const char *by, int64_t since_ms, tg_err *err);

/* Admin budgets: put (insert or replace), delete, load all as a JSON array. */
int tg_ledger_budget_put(struct tg_ledger *l, const char *id, const char *json, tg_err *err);
int tg_ledger_budget_del(struct tg_ledger *l, const char *id, tg_err *err);
cJSON *tg_ledger_budgets(struct tg_ledger *l, tg_err *err);

#endif
