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
 *                 deleted in the same transaction that writes its call's
 *                 spend row, so after a crash the rows left are the calls
 *                 that died.
 *   died          reservations found at start (calls that died with the
 *                 previous daemon): released, and kept for the record
 *   budgets       budgets set through the admin API (JSON), so they
 *                 survive restarts
 *
 * Writing is off the request path. Workers queue reservations, settlements
 * and releases (never blocking on the disk); the ledger's writer thread
 * commits them in batches, one transaction per batch (group commit): at
 * once when a caller waits for a record or a reader for what is queued,
 * within TG_LEDGER_LINGER_US otherwise, so a reservation and its settlement
 * that arrive together become one spend row. The linger is long because
 * nothing needs the rows sooner (budgets are counted in memory, readers ask
 * for a commit, settlements are in the journal): a busy host commits a few
 * dozen times a second instead of hundreds, and the writer seldom wakes. A caller that must know when its settlement is durable (the
 * meter holds the last bytes of a response until then) passes a notify:
 * after the commit, notify.fn(arg, true) runs on its event loop. A batch
 * that fails (the database locked, the disk full) is kept and retried with
 * backoff; its waiters are told (fn(arg, false)) at once. Durable means
 * committed: it survives kill -9 of the daemon, and with synchronous=FULL
 * (full_sync) power loss too. Checkpoints run on a thread of their own.
 *
 * With the journal (ledger_journal.h), a settlement is durable against kill
 * -9 as soon as tg_ledger_settle returns: it is written to the journal there
 * and then, and its caller need not wait. Settlements the database does not
 * have yet when a run stops are committed from the journal at the next open.
 *
 * Reads (sums, rollups, admin budgets) use a second connection; they first
 * wait (briefly) for what is queued to be committed, so they see it.
 */
#ifndef TG_LEDGER_H
#define TG_LEDGER_H

#include <stdbool.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "common.h"
#include "loop.h"
#include "pipeline.h"

#define TG_LEDGER_FILE "ledger.db"
#define TG_LEDGER_LINGER_US 50000 /* a batch nobody waits for waits this long for more */
#define TG_LEDGER_STUCK_MS 250    /* a write pending this long makes the ledger unwritable */

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

/* full_sync: SQLite's synchronous=FULL (power-loss safe commits). journal:
 * settlements go to the journal first (durable at once against a crash of
 * the daemon, not against power loss: use it without full_sync). */
struct tg_ledger *tg_ledger_open(const char *state_dir, bool full_sync, bool journal, tg_err *err);
/* Commit what is queued (retrying for a few seconds if the database is
 * locked), stop the threads, close. Callers must have cancelled their
 * notifications (the loops they run on may be gone). */
void tg_ledger_close(struct tg_ledger *l);
const char *tg_ledger_path(const struct tg_ledger *l);

/* Move reservations left by a previous run into "died". Call before any write. */
int tg_ledger_release_dead(struct tg_ledger *l, uint64_t *count, int64_t *amount_nusd, tg_err *err);

/* ---- writes: queued for the writer thread; any thread, never blocks on the disk ---- */

/* Where and how to tell a caller that its record is committed (or that the
 * commit failed and is being retried): fn(arg, durable) on loop's thread. */
struct tg_ledger_notify {
	struct tg_loop *loop;
	void (*fn)(void *arg, bool durable);
	void *arg;
};

/* A pending notification; valid until fn runs or tg_ledger_cancel. */
struct tg_ledger_wait;

/* Queue a reservation of row->cost_nusd. Returns its id (> 0), or 0 when
 * the ledger cannot take it (err says why: writes are failing, or the queue
 * is full). */
int64_t tg_ledger_reserve(struct tg_ledger *l, const struct tg_ledger_row *row, tg_err *err);
/* Queue the spend row and the drop of reservation id (0 = none), committed
 * together. With n, *wait is set and n->fn will be called once, unless the
 * settlement is durable already when this returns (the journal has it):
 * then *wait is NULL and n->fn is never called. */
int tg_ledger_settle(struct tg_ledger *l, int64_t reservation_id, const struct tg_ledger_row *row,
		     const struct tg_ledger_notify *n, struct tg_ledger_wait **wait, tg_err *err);
/* Queue the drop of a reservation (the call ended without anything to charge). */
void tg_ledger_release(struct tg_ledger *l, int64_t reservation_id);
/* Calls in flight that will settle (+1 when one is admitted, -1 just before
 * its settlement or release is queued). Under load, while others are in
 * flight, the writer waits up to 0.5 ms for a batch to grow: one commit for
 * several settlements. A lone call is committed at once. */
void tg_ledger_inflight(struct tg_ledger *l, int delta);
/* The caller no longer wants its notification (call from the notify loop's
 * thread, before fn ran). */
void tg_ledger_cancel(struct tg_ledger *l, struct tg_ledger_wait *wait);

/* Can the ledger record new calls? false (and why) while writes fail, or
 * while one has been stuck for longer than TG_LEDGER_STUCK_MS (a lock held by
 * another process, a full disk). */
bool tg_ledger_writable(struct tg_ledger *l, char *why, size_t why_size);
/* Wait until every record queued so far is committed: 0, or -1 after timeout_ms. */
int tg_ledger_flush(struct tg_ledger *l, uint32_t timeout_ms);

struct tg_ledger_stats {
	uint64_t records;     /* records committed */
	uint64_t batches;     /* transactions that committed them */
	uint64_t coalesced;   /* reservations settled or released before they reached the disk */
	uint64_t failures;    /* batches that failed (and were retried) */
	uint64_t lost;        /* records given up at close or refused (queue full) */
	uint64_t queued;      /* records waiting now */
	uint64_t replayed;    /* settlements committed from the journal at open */
	uint64_t journal_bytes; /* the journal's size now (0 without one) */
};
void tg_ledger_stats(struct tg_ledger *l, struct tg_ledger_stats *st);

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
