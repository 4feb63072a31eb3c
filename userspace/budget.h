/*
 * budget.h - spend budgets and rate limits, enforced before a call leaves
 * the host.
 *
 * A budget caps the spend of a scope over a window:
 *   scope   "host" (everything), "cgroup:/agents/team-a" (that cgroup and
 *           every cgroup below it: a call from /agents/team-a/worker-3
 *           counts against /agents/team-a and /agents too), "uid:1000"
 *           (the calling process's uid), "key:3f9a1c2e-wxyz" (an API key
 *           fingerprint, see identity.h); optionally narrowed to one
 *           provider and/or one model
 *   window  "day" or "month", aligned to the calendar (00:00, the 1st) in
 *           the policy's timezone (UTC unless configured), or "lifetime"
 *   mode    "enforce" (refuse calls that do not fit) or "monitor" (record
 *           a "would block" event, let the call go)
 * A call goes through only if every enforce budget that applies to it has
 * room for the call's worst-case cost. The check and the reservation are
 * one atomic step under one lock, so concurrent calls cannot overshoot:
 * each reserves its worst case, and settling replaces the reservation by
 * the real cost. Refusals:
 *   402  the budget's settled spend plus this call's worst case is over
 *        the limit: the budget is used up until its window resets
 *   429  it would fit, but reservations of calls in flight hold the rest:
 *        retry shortly (Retry-After)
 * Rate limits cap requests per minute and tokens per minute per scope
 * (sliding 60 s window in 1 s steps): 429 with Retry-After.
 *
 * Budgets come from two places: the policy file (budgets.json, declared,
 * reloaded live) and the admin API (`tollgate budget set`, kept in the
 * ledger). Each has one owner: an admin budget cannot replace a policy
 * one and the other way round. Changing the set keeps the spend and the
 * reservations of budgets that stay; a new budget starts from the spend
 * the ledger already holds for its scope and window.
 */
#ifndef TG_BUDGET_H
#define TG_BUDGET_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "common.h"
#include "ledger.h"

enum tg_scope_kind { TG_SCOPE_HOST = 0, TG_SCOPE_CGROUP, TG_SCOPE_UID, TG_SCOPE_KEY };
enum tg_window { TG_WINDOW_DAY = 0, TG_WINDOW_MONTH, TG_WINDOW_LIFETIME };

struct tg_scope {
	enum tg_scope_kind kind;
	char value[512];        /* cgroup path or key fingerprint */
	uint32_t uid;
	char provider[64];      /* "" = every provider */
	char model[128];        /* "" = every model */
};

/* Who a call is, for matching scopes. */
struct tg_who {
	const char *cgroup;
	uint32_t uid;
	const char *key_fp;
	const char *provider;
	const char *model;        /* requested */
	const char *price_model;  /* the price row's model (the base of a snapshot) */
};

struct tg_budget_def {
	char id[768];           /* canonical: "cgroup:/a provider=openai model=gpt-4o window=day" */
	struct tg_scope scope;
	enum tg_window window;
	int64_t limit_nusd;
	bool monitor;
	bool from_policy;
};

struct tg_limit_def {
	char id[768];           /* canonical: "uid:1000 provider=openai" */
	struct tg_scope scope;
	uint32_t rpm, tpm;      /* 0 = no limit of that kind */
	bool monitor;
	bool from_policy;
};

/* The policy file: options and declared budgets and rate limits. */
struct tg_budget_policy {
	char path[4096];
	char timezone[64];              /* "UTC" or a zoneinfo name */
	bool refuse_unknown_models;     /* "unknown_model": "refuse" (else "fallback") */
	bool lower_max_tokens;          /* "on_exceed": "lower_max_tokens" (else "refuse") */
	uint64_t min_output_tokens;     /* never lower below this: refuse instead */
	bool ledger_fail_open;          /* "ledger_error": "allow" (else "refuse": 503) */
	bool full_sync;                 /* "ledger_sync": "full" (else "normal") */
	bool inject_stream_usage;       /* add stream_options.include_usage upstream */
	double input_bytes_per_token;   /* reservation's input bound: body bytes / this */
	struct tg_budget_def *budgets;
	size_t nbudgets;
	struct tg_limit_def *limits;
	size_t nlimits;
};

void tg_budget_policy_defaults(struct tg_budget_policy *p);
/* Load the policy file over the defaults. Errors name the file and the entry. */
int tg_budget_policy_load(const char *path, struct tg_budget_policy *p, tg_err *err);
void tg_budget_policy_free(struct tg_budget_policy *p);

int tg_scope_parse(const char *s, struct tg_scope *out, tg_err *err);
bool tg_scope_matches(const struct tg_scope *s, const struct tg_who *who);
/* Parse one budget / rate limit object ({"scope":..., "limit_usd":..., ...}). */
int tg_budget_def_parse(const cJSON *o, struct tg_budget_def *d, tg_err *err);
int tg_limit_def_parse(const cJSON *o, struct tg_limit_def *d, tg_err *err);
cJSON *tg_budget_def_json(const struct tg_budget_def *d);
const char *tg_window_name(enum tg_window w);

/* ---- the engine ---------------------------------------------------------- */

struct tg_budgets;

/* timezone "UTC" (or "") keeps everything in UTC; another name sets the
 * process's TZ (call before any thread starts). */
struct tg_budgets *tg_budgets_new(struct tg_ledger *ledger, const char *timezone, tg_err *err);
void tg_budgets_free(struct tg_budgets *b);

/* Replace the budgets and rate limits (policy and admin ones together). */
int tg_budgets_set(struct tg_budgets *b, const struct tg_budget_def *defs, size_t n,
		   const struct tg_limit_def *limits, size_t nlimits, int64_t now_ms, tg_err *err);

/* What a call holds: the amount, and which budgets it was reserved on. */
struct tg_hold {
	int64_t amount;
	uint64_t *serials;
	size_t n;
};

struct tg_verdict {
	int status;               /* 0 = go, 402 or 429 */
	uint32_t retry_after_s;   /* for 429 */
	char message[480];
	char budget[768];         /* the budget or limit that refused */
	int64_t limit, spent, reserved;
	int64_t room;             /* least room left (limit - spent - reserved) over the
				   * enforce budgets that apply; INT64_MAX if none */
	size_t napplied;          /* budgets that applied */
	char would_block[4][768]; /* monitor budgets/limits that would have refused */
	size_t nwould_block;
};

/* Rate limits: may this call start now? est_tokens is counted against TPM. */
void tg_budgets_check_rate(struct tg_budgets *b, const struct tg_who *who, uint64_t est_tokens, int64_t now_ms,
			   struct tg_verdict *v);
/* Reserve amount on every applicable budget, or refuse (v->status). */
void tg_budgets_reserve(struct tg_budgets *b, const struct tg_who *who, int64_t amount, int64_t now_ms,
			struct tg_hold *hold, struct tg_verdict *v);
/* Replace the hold by the real cost, on every budget that applies now.
 * charged (may be NULL) gets the ids charged, comma-separated. tokens
 * count against the rate limits' TPM. */
void tg_budgets_settle(struct tg_budgets *b, const struct tg_who *who, struct tg_hold *hold, int64_t cost,
		       uint64_t tokens, int64_t now_ms, char *charged, size_t charged_size);
void tg_budgets_release(struct tg_budgets *b, struct tg_hold *hold);

/* Live state as JSON: {"budgets":[...], "rate_limits":[...]}. */
cJSON *tg_budgets_json(struct tg_budgets *b, int64_t now_ms);

/* Window [start, end) containing now (ms). */
void tg_budgets_window(const struct tg_budgets *b, enum tg_window w, int64_t now_ms, int64_t *start,
		       int64_t *end);

#endif
