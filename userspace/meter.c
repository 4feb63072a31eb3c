/*
 * meter.c - the metering / budget stage and its admin API (see meter.h).
 */
#include "meter.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "budget.h"
#include "jsonarray.h"
#include "jsonfile.h"
#include "jsonspan.h"
#include "ledger.h"
#include "prices.h"
#include "sse.h"
#include "usage.h"

#define MAX_PLAIN_BODY (8u << 20) /* plain responses read for usage up to this size */
#define WATCH_MS 1000
#define IMPORTED_FILE "prices.imported.json"

struct tg_meter {
	pthread_mutex_t lock;          /* prices, policy options, admin budgets */
	struct tg_prices prices;       /* shipped + imported */
	struct tg_budget_policy policy;
	struct tg_budget_def *admin;   /* budgets set through the admin API */
	size_t nadmin;
	struct tg_ledger *ledger;
	struct tg_budgets *budgets;
	struct tg_events *events;
	struct tg_audit *audit;
	const struct tg_registry *reg;
	size_t stage_index;
	char state_dir[4096];
	char prices_file[4096];
	char imported_file[4200];
	char budgets_file[4096];
	struct timespec budgets_mtime;
	off_t budgets_size;
	struct tg_loop *loop;
	struct tg_timer watch;
};

/* What the stage keeps for one call. */
struct meter_call {
	struct tg_meter *m;
	struct tg_call *call;
	struct tg_usage_request req;
	struct tg_price price;
	const char *price_how;
	char price_model[128];
	char provider[64];
	struct tg_hold hold;
	int64_t reservation_id;
	int64_t reserved;
	bool injected;          /* we asked for stream usage */
	bool filtering;         /* ... and remove it from the stream */
	bool sse;
	bool plain;             /* a 2xx plain body, read at the end */
	bool array;             /* ... a stream as one JSON array (Gemini without alt=sse), element by element */
	struct tg_jarray arr;
	struct tg_sse split;
	struct tg_usage_reader rd;
	struct tg_buf body;
	bool body_overflow;
	bool have_last;         /* a plain body's last byte so far, not sent yet */
	char last_byte;
	bool settled;
	struct tg_ledger_wait *wait; /* the settlement is not durable yet ... */
	bool holding;           /* ... so the response from it on is held back here */
	struct tg_buf held;
	bool seen_last;         /* the response's end came (maybe while holding) */
	uint64_t lowered_to;
};

/* ---- helpers ---------------------------------------------------------------- */

static double usd(int64_t nusd)
{
	return (double)nusd / (double)TG_NUSD_PER_USD;
}

static int64_t nusd_of(uint64_t tokens, double usd_per_million)
{
	double v = (double)tokens * usd_per_million * 1000.0;

	return v > 9e18 ? INT64_MAX / 4 : (int64_t)ceil(v);
}

static void who_of(const struct tg_call *call, const struct meter_call *mc, struct tg_who *w)
{
	w->cgroup = call->cgroup_path;
	w->uid = call->origin ? call->origin->uid : 0;
	w->key_fp = call->key_fp;
	w->provider = mc->provider;
	w->model = call->model;
	w->price_model = mc->price_model;
}

static void free_call(struct meter_call *mc)
{
	tg_sse_free(&mc->split);
	tg_jarray_free(&mc->arr);
	tg_buf_free(&mc->body);
	tg_buf_free(&mc->held);
	free(mc->hold.serials);
	free(mc);
}

/* Load the shipped prices and, over them, the imported ones. */
static int load_prices(struct tg_meter *m, struct tg_prices *out, tg_err *err)
{
	struct tg_prices p = {0}, imp = {0};

	if (tg_prices_load(m->prices_file, &p, err))
		return -1;
	if (access(m->imported_file, F_OK) == 0) {
		if (tg_prices_load(m->imported_file, &imp, err) || tg_prices_merge(&p, &imp, err)) {
			tg_prices_free(&p);
			tg_prices_free(&imp);
			return -1;
		}
		tg_prices_free(&imp);
	}
	*out = p;
	return 0;
}

/* Push the policy's and the admin's budgets into the engine. Lock held. */
static int apply_budgets(struct tg_meter *m, const struct tg_budget_policy *pol, const struct tg_budget_def *admin,
			 size_t nadmin, tg_err *err)
{
	size_t n = pol->nbudgets + nadmin;
	struct tg_budget_def *all = calloc(n + 1, sizeof(*all));
	int rc;

	if (!all)
		return tg_errf(err, "out of memory");
	if (pol->nbudgets)
		memcpy(all, pol->budgets, pol->nbudgets * sizeof(*all));
	if (nadmin)
		memcpy(all + pol->nbudgets, admin, nadmin * sizeof(*all));
	rc = tg_budgets_set(m->budgets, all, n, pol->limits, pol->nlimits, tg_wall_ms(), err);
	free(all);
	return rc;
}

static int find_admin(const struct tg_meter *m, const char *id)
{
	for (size_t i = 0; i < m->nadmin; i++)
		if (strcmp(m->admin[i].id, id) == 0)
			return (int)i;
	return -1;
}

static bool policy_has(const struct tg_budget_policy *p, const char *id)
{
	for (size_t i = 0; i < p->nbudgets; i++)
		if (strcmp(p->budgets[i].id, id) == 0)
			return true;
	return false;
}

/* Read the policy file; on success it is in force. */
static int reload_policy(struct tg_meter *m, tg_err *err)
{
	struct tg_budget_policy p;
	struct stat st;
	int rc = 0;

	tg_budget_policy_defaults(&p);
	if (m->budgets_file[0]) {
		if (stat(m->budgets_file, &st))
			return tg_errf(err, "%s: %s", m->budgets_file, strerror(errno));
		m->budgets_mtime = st.st_mtim;
		m->budgets_size = st.st_size;
		if (tg_budget_policy_load(m->budgets_file, &p, err))
			return -1;
	}
	pthread_mutex_lock(&m->lock);
	for (size_t i = 0; i < p.nbudgets && rc == 0; i++)
		if (find_admin(m, p.budgets[i].id) >= 0)
			rc = tg_errf(err, "%s: budget %s is also set through the admin API; remove one of them "
				     "(`tollgate budget rm`)", m->budgets_file, p.budgets[i].id);
	if (rc == 0 && m->budgets && strcmp(p.timezone, m->policy.timezone) != 0)
		tg_warn("%s: the timezone changed from %s to %s: it takes effect at the next restart",
			m->budgets_file, m->policy.timezone, p.timezone);
	if (rc == 0 && m->budgets)
		rc = apply_budgets(m, &p, m->admin, m->nadmin, err);
	if (rc == 0) {
		if (m->budgets)
			tg_strlcpy(p.timezone, m->policy.timezone, sizeof(p.timezone));
		tg_budget_policy_free(&m->policy);
		m->policy = p;
	} else {
		tg_budget_policy_free(&p);
	}
	pthread_mutex_unlock(&m->lock);
	return rc;
}

static void on_watch(struct tg_timer *t)
{
	struct tg_meter *m = t->owner;
	struct stat st;
	tg_err err;

	if (m->budgets_file[0] && stat(m->budgets_file, &st) == 0 &&
	    (st.st_mtim.tv_sec != m->budgets_mtime.tv_sec || st.st_mtim.tv_nsec != m->budgets_mtime.tv_nsec ||
	     st.st_size != m->budgets_size)) {
		if (reload_policy(m, &err)) {
			m->budgets_mtime = st.st_mtim;
			m->budgets_size = st.st_size;
			tg_error("budget policy not reloaded, the previous one stays in force: %s", err.msg);
		} else {
			tg_info("budget policy reloaded from %s", m->budgets_file);
		}
	}
	tg_timer_arm(m->loop, &m->watch, WATCH_MS);
}

struct tg_meter *tg_meter_open(const struct tg_meter_opts *o, tg_err *err)
{
	struct tg_meter *m = calloc(1, sizeof(*m));
	cJSON *saved = NULL, *it;
	uint64_t dead = 0;
	int64_t dead_amount = 0;

	if (!m) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	pthread_mutex_init(&m->lock, NULL);
	m->events = o->events;
	m->audit = o->audit;
	m->reg = o->reg;
	tg_strlcpy(m->state_dir, o->state_dir, sizeof(m->state_dir));
	if (o->prices_file && o->prices_file[0]) {
		tg_strlcpy(m->prices_file, o->prices_file, sizeof(m->prices_file));
	} else {
		const char *slash = strrchr(o->providers_file, '/');

		snprintf(m->prices_file, sizeof(m->prices_file), "%.*sprices.json",
			 slash ? (int)(slash - o->providers_file + 1) : 0, o->providers_file);
	}
	tg_strlcpy(m->budgets_file, o->budgets_file ? o->budgets_file : "", sizeof(m->budgets_file));
	snprintf(m->imported_file, sizeof(m->imported_file), "%s/%s", o->state_dir, IMPORTED_FILE);
	tg_budget_policy_defaults(&m->policy);
	if (reload_policy(m, err) || load_prices(m, &m->prices, err))
		goto fail;
	m->ledger = tg_ledger_open(o->state_dir, m->policy.full_sync, !m->policy.full_sync, err);
	if (!m->ledger)
		goto fail;
	if (tg_ledger_release_dead(m->ledger, &dead, &dead_amount, err))
		goto fail;
	if (dead) {
		char a[32];

		tg_usd_format(dead_amount, a, sizeof(a));
		tg_warn("released %llu reservations (%s) of calls that were in flight when tollgate last stopped; "
			"see `tollgate spend`", (unsigned long long)dead, a);
	}
	m->budgets = tg_budgets_new(m->ledger, m->policy.timezone, err);
	if (!m->budgets)
		goto fail;
	saved = tg_ledger_budgets(m->ledger, err);
	if (!saved)
		goto fail;
	m->admin = calloc((size_t)cJSON_GetArraySize(saved) + 1, sizeof(*m->admin));
	cJSON_ArrayForEach(it, saved) {
		if (tg_budget_def_parse(it, &m->admin[m->nadmin], err) == 0 &&
		    !policy_has(&m->policy, m->admin[m->nadmin].id))
			m->nadmin++;
		else
			tg_warn("ignoring a saved budget that is no longer valid or is now declared in %s",
				m->budgets_file);
	}
	cJSON_Delete(saved);
	if (apply_budgets(m, &m->policy, m->admin, m->nadmin, err))
		goto fail;
	tg_info("metering: %zu prices (%s), %zu budgets, %zu rate limits, ledger %s", m->prices.n, m->prices_file,
		m->policy.nbudgets + m->nadmin, m->policy.nlimits, tg_ledger_path(m->ledger));
	return m;
fail:
	tg_meter_close(m);
	return NULL;
}

void tg_meter_close(struct tg_meter *m)
{
	if (!m)
		return;
	if (m->loop)
		tg_timer_cancel(m->loop, &m->watch);
	tg_budgets_free(m->budgets);
	tg_ledger_close(m->ledger);
	tg_prices_free(&m->prices);
	tg_budget_policy_free(&m->policy);
	free(m->admin);
	pthread_mutex_destroy(&m->lock);
	free(m);
}

/* ---- events ----------------------------------------------------------------- */

static void event_verdict(struct tg_meter *m, const struct tg_call *call, const char *type,
			  const struct tg_verdict *v, int64_t needed)
{
	cJSON *d = cJSON_CreateObject();

	cJSON_AddStringToObject(d, "budget", v->budget);
	cJSON_AddNumberToObject(d, "status", v->status);
	if (v->status == 402 || (v->status == 429 && v->limit)) {
		cJSON_AddNumberToObject(d, "limit_usd", usd(v->limit));
		cJSON_AddNumberToObject(d, "spent_usd", usd(v->spent));
		cJSON_AddNumberToObject(d, "reserved_usd", usd(v->reserved));
		cJSON_AddNumberToObject(d, "needed_usd", usd(needed));
	}
	if (v->retry_after_s)
		cJSON_AddNumberToObject(d, "retry_after_s", v->retry_after_s);
	tg_event_emit(m->events, call, type, d);
}

static void event_monitor(struct tg_meter *m, const struct tg_call *call, const struct tg_verdict *v,
			  const char *what, int64_t needed)
{
	for (size_t i = 0; i < v->nwould_block; i++) {
		cJSON *d = cJSON_CreateObject();

		cJSON_AddStringToObject(d, "would_block", what);
		cJSON_AddStringToObject(d, "budget", v->would_block[i]);
		if (needed)
			cJSON_AddNumberToObject(d, "needed_usd", usd(needed));
		tg_event_emit(m->events, call, "budget_monitor", d);
	}
}

/* ---- on_request ------------------------------------------------------------- */

static bool azure_supports_stream_options(const struct tg_call *call)
{
	const char *q = memchr(call->req.target, '?', call->req.target_len);
	const char *v;
	size_t rest;

	if (!q)
		return true; /* the v1 API has no api-version */
	rest = call->req.target_len - (size_t)(q - call->req.target);
	v = memmem(q, rest, "api-version=", 12);
	if (!v || (size_t)(v + 12 - q) + 10 > rest)
		return true;
	return memcmp(v + 12, "2024-09-01", 10) >= 0;
}

static int replace_body(struct tg_call *call, struct tg_buf *nb)
{
	tg_buf_free(&call->req_body);
	call->req_body = *nb;
	memset(nb, 0, sizeof(*nb));
	return 0;
}

static enum tg_stage_result refuse(struct tg_meter *m, struct tg_call *call, struct meter_call *mc, int status,
				   const char *type, uint32_t retry_after, const char *msg)
{
	(void)m;
	free_call(mc);
	call->reply_retry_after_s = retry_after;
	return tg_call_refuse(call, status, type, "%s", msg);
}

static enum tg_stage_result on_request(void *ctx, struct tg_call *call)
{
	struct tg_meter *m = ctx;
	struct meter_call *mc;
	struct tg_verdict v;
	struct tg_who who;
	const struct tg_price *p;
	uint64_t in_tok, out_tok;
	int64_t in_cost, amount;
	double out_price;
	struct tg_budget_policy pol;
	char msg[600];
	tg_err err;

	mc = calloc(1, sizeof(*mc));
	if (!mc)
		return tg_call_refuse(call, 503, "tollgate_internal_error", "tollgate: out of memory");
	tg_usage_parse_request(call->provider, &call->req, tg_buf_start(&call->req_body),
			       tg_buf_used(&call->req_body), &mc->req);
	tg_strlcpy(call->operation, mc->req.operation, sizeof(call->operation));
	if (mc->req.metered && mc->req.repeated_key[0]) {
		char key[sizeof(mc->req.repeated_key)];

		tg_strlcpy(key, mc->req.repeated_key, sizeof(key));
		free_call(mc);
		return tg_call_refuse(call, 400, "invalid_request_error",
				      "tollgate: the request body gives \"%s\" more than once; JSON parsers disagree on "
				      "which copy counts, so the cost cannot be known: send it once", key);
	}
	if (!mc->req.metered) {
		free_call(mc);
		return TG_STAGE_CONTINUE;
	}
	tg_strlcpy(call->model, mc->req.model, sizeof(call->model));
	call->stream = mc->req.stream;
	tg_strlcpy(mc->provider, call->provider ? call->provider->name : "", sizeof(mc->provider));

	pthread_mutex_lock(&m->lock);
	pol = m->policy; /* the options (the arrays are not used from the copy) */
	p = tg_prices_find(&m->prices, mc->provider, call->model, &mc->price_how);
	if (p) {
		mc->price = *p;
	} else if (!pol.refuse_unknown_models && m->prices.have_fallback) {
		mc->price = m->prices.fallback;
		mc->price_how = "fallback";
	}
	pthread_mutex_unlock(&m->lock);
	if (!mc->price_how) {
		cJSON *d = cJSON_CreateObject();

		cJSON_AddStringToObject(d, "model", call->model);
		cJSON_AddStringToObject(d, "policy", "refuse");
		tg_event_emit(m->events, call, "unpriced_model", d);
		snprintf(msg, sizeof(msg),
			 "tollgate: no price is known for model \"%.128s\" of %s, and the policy refuses unpriced "
			 "models; add it to prices.json or `tollgate prices import`", call->model, mc->provider);
		return refuse(m, call, mc, 400, "tollgate_unpriced_model", 0, msg);
	}
	tg_strlcpy(mc->price_model, mc->price.model, sizeof(mc->price_model));
	if (mc->price.fallback) {
		cJSON *d = cJSON_CreateObject();

		cJSON_AddStringToObject(d, "model", call->model);
		cJSON_AddStringToObject(d, "policy", "fallback");
		tg_event_emit(m->events, call, "unpriced_model", d);
	}
	who_of(call, mc, &who);

	/* rate limits */
	tg_budgets_check_rate(m->budgets, &who, (mc->req.body_bytes + 3) / 4, tg_wall_ms(), &v);
	event_monitor(m, call, &v, "rate_limit", 0);
	if (v.status) {
		event_verdict(m, call, "ratelimit", &v, 0);
		return refuse(m, call, mc, 429, "tollgate_rate_limited", v.retry_after_s, v.message);
	}

	/* worst case: input bounded by the body's size, output by the limit asked (or the model's) */
	in_tok = (uint64_t)ceil((double)mc->req.body_bytes / pol.input_bytes_per_token);
	if (mc->req.max_output >= 0)
		out_tok = (uint64_t)mc->req.max_output;
	else if (mc->price.max_output_tokens)
		out_tok = mc->price.max_output_tokens;
	else
		out_tok = m->prices.have_fallback && m->prices.fallback.max_output_tokens
				  ? m->prices.fallback.max_output_tokens : 32768;
	out_tok *= mc->req.choices;
	in_cost = nusd_of(in_tok, tg_price_max_input(&mc->price));
	out_price = tg_price_max_output(&mc->price);
	amount = in_cost + nusd_of(out_tok, out_price);
	tg_budgets_reserve(m->budgets, &who, amount, tg_wall_ms(), &mc->hold, &v);
	event_monitor(m, call, &v, "budget", amount);
	if (v.status && pol.lower_max_tokens && mc->req.max_output_field[0] && out_price > 0 &&
	    v.room > in_cost && v.room != INT64_MAX) {
		/* lower max_tokens to what the tightest budget can pay for, and reserve exactly that */
		uint64_t afford = (uint64_t)floor((double)(v.room - in_cost) / (out_price * 1000.0) /
						  (double)mc->req.choices);
		struct tg_buf nb = {0};

		if (afford >= pol.min_output_tokens && (mc->req.max_output < 0 || afford < (uint64_t)mc->req.max_output) &&
		    tg_usage_set_max_output(&mc->req, tg_buf_start(&call->req_body), tg_buf_used(&call->req_body),
					    afford, &nb) == 0) {
			struct tg_verdict v2;
			int64_t amount2 = in_cost + nusd_of(afford * mc->req.choices, out_price);

			tg_budgets_reserve(m->budgets, &who, amount2, tg_wall_ms(), &mc->hold, &v2);
			if (!v2.status) {
				cJSON *d = cJSON_CreateObject();

				replace_body(call, &nb);
				cJSON_AddStringToObject(d, "budget", v.budget);
				cJSON_AddNumberToObject(d, "max_output_tokens_asked", (double)mc->req.max_output);
				cJSON_AddNumberToObject(d, "max_output_tokens", (double)afford);
				cJSON_AddNumberToObject(d, "reserved_usd", usd(amount2));
				tg_event_emit(m->events, call, "budget_lowered", d);
				mc->lowered_to = afford;
				mc->req.max_output = (int64_t)afford;
				amount = amount2;
				v = v2;
			}
		}
		tg_buf_free(&nb);
	}
	if (v.status) {
		event_verdict(m, call, "budget", &v, amount);
		return refuse(m, call, mc, v.status, v.status == 402 ? "tollgate_budget_exceeded" : "tollgate_budget_held",
			      v.retry_after_s, v.message);
	}
	mc->reserved = amount;
	if (mc->hold.n) {
		struct tg_ledger_row row = {
			.time_ms = tg_wall_ms(), .trace_id = call->trace_id, .cgroup = call->cgroup_path,
			.uid = who.uid, .key_fp = call->key_fp, .provider = mc->provider, .model = call->model,
			.cost_nusd = amount,
		};

		mc->reservation_id = tg_ledger_reserve(m->ledger, &row, &err);
		if (!mc->reservation_id) {
			cJSON *d = cJSON_CreateObject();

			cJSON_AddStringToObject(d, "error", err.msg);
			cJSON_AddStringToObject(d, "policy", pol.ledger_fail_open ? "allow" : "refuse");
			tg_event_emit(m->events, call, "ledger_error", d);
			tg_error("%s", err.msg);
			if (!pol.ledger_fail_open) {
				tg_budgets_release(m->budgets, &mc->hold);
				return refuse(m, call, mc, 503, "tollgate_ledger_unavailable", 1,
					      "tollgate: the spend ledger cannot be written, and budgets are enforced: "
					      "call refused (fail closed)");
			}
		}
	}
	if (mc->req.openai_stream && !mc->req.wants_usage && pol.inject_stream_usage &&
	    (!call->provider || call->provider->shape != TG_API_AZURE_OPENAI || azure_supports_stream_options(call))) {
		struct tg_buf nb = {0};

		if (tg_usage_add_include_usage(tg_buf_start(&call->req_body), tg_buf_used(&call->req_body), &nb) == 0) {
			replace_body(call, &nb);
			mc->injected = true;
		}
		tg_buf_free(&nb);
	}
	tg_usage_reader_init(&mc->rd, call->provider ? call->provider->shape : TG_API_OPENAI, mc->req.operation);
	mc->m = m;
	mc->call = call;
	tg_ledger_inflight(m->ledger, 1); /* until it settles or is released */
	call->stage_data[m->stage_index] = mc;
	return TG_STAGE_CONTINUE;
}

/* ---- settle ------------------------------------------------------------------ */

/* The ledger has committed the settlement (or failed to, and retries it):
 * let the held bytes go. Runs on the call's worker thread. */
static void on_durable(void *arg, bool durable)
{
	struct meter_call *mc = arg;
	struct tg_call *call = mc->call;
	struct tg_meter *m = mc->m;
	struct tg_buf held = mc->held;

	mc->wait = NULL;
	if (!durable) {
		cJSON *d = cJSON_CreateObject();

		tg_error("spend of trace %s not recorded yet (the ledger retries it)", call->trace_id);
		cJSON_AddStringToObject(d, "error", "the ledger could not commit the call's spend yet; it retries");
		cJSON_AddNumberToObject(d, "cost_usd", call->cost_usd);
		tg_event_emit(m->events, call, "ledger_error", d);
	}
	if (!mc->holding)
		return;
	mc->holding = false;
	memset(&mc->held, 0, sizeof(mc->held));
	call->holding &= ~(1u << m->stage_index);
	/* may end the call, and free mc */
	call->resume(call, m->stage_index, tg_buf_start(&held), tg_buf_used(&held), mc->seen_last);
	tg_buf_free(&held);
}

/* Record the call's spend. With hold (the response is still being relayed),
 * what follows is held back until the ledger has it. */
static void settle(struct tg_meter *m, struct tg_call *call, struct meter_call *mc, bool hold)
{
	struct tg_price price = mc->price;
	const char *price_model = mc->price_model;
	struct tg_ledger_row row;
	struct tg_who who;
	int64_t cost;
	tg_err err;

	if (mc->settled)
		return;
	mc->settled = true;
	tg_ledger_inflight(m->ledger, -1);
	if (call->res.status >= 200 && call->res.status < 300 && !(mc->rd.u.known && mc->rd.final))
		tg_usage_estimate(&mc->rd, mc->req.body_bytes);
	/* price by the model the provider says it ran, when it has its own row */
	if (mc->rd.response_model[0] && strcasecmp(mc->rd.response_model, call->model) != 0) {
		const struct tg_price *p;

		pthread_mutex_lock(&m->lock);
		p = tg_prices_find(&m->prices, mc->provider, mc->rd.response_model, NULL);
		if (p)
			price = *p;
		pthread_mutex_unlock(&m->lock);
		if (p)
			price_model = price.model;
	}
	tg_strlcpy(call->response_model, mc->rd.response_model, sizeof(call->response_model));
	call->usage = mc->rd.u;
	cost = call->res.status >= 200 && call->res.status < 300 ? tg_price_cost(&price, &call->usage) : 0;
	call->cost_usd = usd(cost);
	memset(&row, 0, sizeof(row));
	row.time_ms = tg_wall_ms();
	row.trace_id = call->trace_id;
	row.cgroup = call->cgroup_path;
	row.uid = call->origin ? call->origin->uid : 0;
	row.key_fp = call->key_fp;
	row.provider = mc->provider;
	row.model = call->model;
	row.price_model = price_model;
	row.operation = call->operation;
	row.usage = call->usage;
	row.cost_nusd = cost;
	row.status = call->res.status;
	struct tg_ledger_notify n = {.loop = call->loop, .fn = on_durable, .arg = mc};

	if (tg_ledger_settle(m->ledger, mc->reservation_id, &row, hold && call->resume ? &n : NULL, &mc->wait,
			     &err)) {
		cJSON *d = cJSON_CreateObject();

		tg_error("spend not recorded for trace %s: %s", call->trace_id, err.msg);
		cJSON_AddStringToObject(d, "error", err.msg);
		cJSON_AddNumberToObject(d, "cost_usd", usd(cost));
		tg_event_emit(m->events, call, "ledger_error", d);
	} else if (mc->wait) {
		mc->holding = true;
		call->holding |= 1u << m->stage_index;
	}
	who_of(call, mc, &who);
	tg_budgets_settle(m->budgets, &who, &mc->hold, cost, call->usage.input_tokens + call->usage.output_tokens,
			  row.time_ms, call->budgets, sizeof(call->budgets));
	if (mc->reserved && cost > mc->reserved) {
		cJSON *d = cJSON_CreateObject();

		cJSON_AddNumberToObject(d, "reserved_usd", usd(mc->reserved));
		cJSON_AddNumberToObject(d, "cost_usd", usd(cost));
		cJSON_AddStringToObject(d, "budgets", call->budgets);
		tg_event_emit(m->events, call, "budget_overrun", d);
	}
}

/* The call ends without a response to charge: give the reservation back. */
static void release(struct tg_meter *m, struct meter_call *mc)
{
	if (mc->settled)
		return;
	mc->settled = true;
	tg_ledger_inflight(m->ledger, -1);
	tg_budgets_release(m->budgets, &mc->hold);
	tg_ledger_release(m->ledger, mc->reservation_id);
}

/* ---- response ----------------------------------------------------------------- */

static void on_response_head(void *ctx, struct tg_call *call)
{
	struct tg_meter *m = ctx;
	struct meter_call *mc = call->stage_data[m->stage_index];

	if (!mc || call->res.status < 200 || call->res.status >= 300)
		return;
	if (tg_http_content_type_is(&call->res, "text/event-stream")) {
		mc->sse = true;
		tg_sse_init(&mc->split, 0);
		if (mc->injected) {
			mc->filtering = true;
			call->rewrites_body = true;
		}
	} else {
		mc->plain = true;
		if (mc->req.stream && mc->rd.shape == TG_API_GEMINI) {
			mc->array = true;
			tg_jarray_init(&mc->arr, MAX_PLAIN_BODY);
		}
	}
}

struct event_ctx {
	struct tg_meter *m;
	struct tg_call *call;
	struct meter_call *mc;
	struct tg_buf *out;
};

/*
 * A piece of a JSON array stream: an element's usage and text are read as
 * it passes (so a stream cut short is estimated from what came), and it
 * goes on at once. As with SSE, the element that carries the final usage
 * and everything after it wait until the ledger has the spend; so does the
 * array's closing bracket (a complete array's last usage is final), and a
 * body that was no array.
 */
static int on_piece(void *arg, const struct tg_jarray_piece *p)
{
	struct event_ctx *x = arg;
	struct meter_call *mc = x->mc;
	enum tg_usage_event_kind kind = TG_USAGE_EV_OTHER;

	if (p->whole)
		tg_usage_read_body(&mc->rd, p->raw, p->raw_len);
	else if (p->value_len && p->complete)
		kind = tg_usage_read_event(&mc->rd, "", p->raw + p->value_off, p->value_len);
	if (p->end && mc->rd.u.known)
		mc->rd.final = true;
	if (!mc->settled && ((kind != TG_USAGE_EV_OTHER && mc->rd.u.known && mc->rd.final) || p->end || p->whole)) {
		settle(x->m, x->call, mc, true);
		if (mc->holding)
			x->out = &mc->held;
	}
	return tg_buf_append(x->out, p->raw, p->raw_len);
}

/* Remove "usage":null from a chunk's JSON (include_usage adds it to every chunk). */
static int strip_null_usage(const struct tg_sse_event *ev, struct tg_buf *out)
{
	const char *brace = memchr(ev->raw, '{', ev->raw_len);
	size_t obj, end;
	struct tg_jmember mem;

	if (!brace)
		return 1;
	obj = (size_t)(brace - ev->raw);
	end = tg_json_skip_value(ev->raw, ev->raw_len, obj);
	if (!end || tg_json_member(ev->raw, end, obj, "usage", &mem) != 1 || mem.value_end - mem.value != 4 ||
	    memcmp(ev->raw + mem.value, "null", 4) != 0)
		return 1;
	return tg_json_remove_member(ev->raw, ev->raw_len, &mem, out);
}

static int on_event(void *arg, const struct tg_sse_event *ev)
{
	struct event_ctx *x = arg;
	enum tg_usage_event_kind kind = TG_USAGE_EV_OTHER;

	if (!ev->oversized && ev->has_data)
		kind = tg_usage_read_event(&x->mc->rd, ev->type, ev->data, ev->data_len);
	if (kind != TG_USAGE_EV_OTHER && x->mc->rd.u.known && x->mc->rd.final && !x->mc->settled) {
		/* the bytes that carry the usage wait until the ledger has it */
		settle(x->m, x->call, x->mc, true);
		if (x->mc->holding)
			x->out = &x->mc->held;
	}
	if (x->mc->filtering) {
		if (kind == TG_USAGE_EV_USAGE_ONLY)
			return 0; /* the chunk we asked for: the client never sees it */
		if (!ev->oversized && ev->has_data) {
			int rc = strip_null_usage(ev, x->out);

			if (rc <= 0)
				return rc;
		}
	}
	return tg_buf_append(x->out, ev->raw, ev->raw_len);
}

static int on_response_data(void *ctx, struct tg_call *call, const char *in, size_t len, bool last,
			    struct tg_buf *out)
{
	struct tg_meter *m = ctx;
	struct meter_call *mc = call->stage_data[m->stage_index];

	if (!mc || (!mc->sse && !mc->plain))
		return tg_buf_append(out, in, len);
	if (last)
		mc->seen_last = true;
	if (mc->sse) {
		struct event_ctx x = {m, call, mc, mc->holding ? &mc->held : out};

		if (len && tg_sse_feed(&mc->split, in, len, on_event, &x))
			return -1;
		if (last && tg_sse_finish(&mc->split, on_event, &x))
			return -1;
		return 0;
	}
	if (mc->array) {
		struct event_ctx x = {m, call, mc, mc->holding ? &mc->held : out};

		if (len && tg_jarray_feed(&mc->arr, in, len, on_piece, &x))
			return -1;
		if (last && tg_jarray_finish(&mc->arr, on_piece, &x))
			return -1;
		if (last)
			settle(m, call, mc, true);
		return 0;
	}
	/* plain body: keep a copy to read the usage at the end, and hold back its last byte until the
	 * spend is durable, so a client never has the whole answer before the ledger does */
	if (len && !mc->body_overflow) {
		if (tg_buf_used(&mc->body) + len > MAX_PLAIN_BODY) {
			mc->body_overflow = true;
			tg_buf_free(&mc->body);
		} else if (tg_buf_append(&mc->body, in, len)) {
			return -1;
		}
	}
	if (len) {
		if (mc->have_last && tg_buf_append(out, &mc->last_byte, 1))
			return -1;
		if (tg_buf_append(out, in, len - 1))
			return -1;
		mc->last_byte = in[len - 1];
		mc->have_last = true;
	}
	if (last) {
		if (!mc->body_overflow && tg_buf_used(&mc->body))
			tg_usage_read_body(&mc->rd, tg_buf_start(&mc->body), tg_buf_used(&mc->body));
		settle(m, call, mc, true);
		if (mc->have_last && tg_buf_append(mc->holding ? &mc->held : out, &mc->last_byte, 1))
			return -1;
		mc->have_last = false;
	}
	return 0;
}

static void on_complete(void *ctx, struct tg_call *call)
{
	struct tg_meter *m = ctx;
	struct meter_call *mc = call->stage_data[m->stage_index];

	if (!mc)
		return;
	call->stage_data[m->stage_index] = NULL;
	if (mc->wait) {
		/* the call ends (the client went away) while its bytes wait for the ledger */
		tg_ledger_cancel(m->ledger, mc->wait);
		if (mc->holding)
			call->holding &= ~(1u << m->stage_index);
	}
	if (!mc->settled) {
		if (call->res.status == 0 || call->bytes_to_upstream == 0)
			release(m, mc); /* never answered: nothing to charge */
		else
			settle(m, call, mc, false);
	}
	free_call(mc);
}

struct tg_stage tg_meter_stage(struct tg_meter *m, size_t index)
{
	struct tg_stage s = {
		.name = "meter", .ctx = m, .on_request = on_request, .on_response_head = on_response_head,
		.on_response_data = on_response_data, .on_complete = on_complete,
	};

	m->stage_index = index;
	return s;
}

/* ---- admin API ---------------------------------------------------------------- */

static cJSON *budgets_doc(struct tg_meter *m)
{
	cJSON *o = tg_budgets_json(m->budgets, tg_wall_ms());

	pthread_mutex_lock(&m->lock);
	cJSON_AddStringToObject(o, "policy_file", m->budgets_file);
	cJSON_AddStringToObject(o, "on_exceed", m->policy.lower_max_tokens ? "lower_max_tokens" : "refuse");
	cJSON_AddStringToObject(o, "unknown_model", m->policy.refuse_unknown_models ? "refuse" : "fallback");
	cJSON_AddStringToObject(o, "ledger_error", m->policy.ledger_fail_open ? "allow" : "refuse");
	cJSON_AddStringToObject(o, "ledger", tg_ledger_path(m->ledger));
	pthread_mutex_unlock(&m->lock);
	return o;
}

static int admin_budgets_get(void *ctx, const struct tg_admin_req *req, struct tg_buf *out)
{
	(void)req;
	return tg_admin_reply_json(out, budgets_doc(ctx), 200, false);
}

static int admin_budgets_set(void *ctx, const struct tg_admin_req *req, struct tg_buf *out)
{
	struct tg_meter *m = ctx;
	struct tg_budget_def d, *admin = NULL;
	cJSON *o = cJSON_Parse(req->body), *before = NULL;
	char *json = NULL;
	int i, status = 200;
	tg_err err;

	if (!o) {
		cJSON_Delete(o);
		return tg_admin_error(out, 400, "the body is not valid JSON: expected a budget object "
					  "{\"scope\", \"limit_usd\", \"window\", \"mode\", \"provider\", \"model\"}");
	}
	if (tg_budget_def_parse(o, &d, &err)) {
		cJSON_Delete(o);
		return tg_admin_error(out, 400, "invalid budget: %s", err.msg);
	}
	cJSON_Delete(o);
	pthread_mutex_lock(&m->lock);
	if (policy_has(&m->policy, d.id)) {
		pthread_mutex_unlock(&m->lock);
		return tg_admin_error(out, 409, "budget %s is declared in %s: change it there", d.id, m->budgets_file);
	}
	admin = calloc(m->nadmin + 1, sizeof(*admin));
	if (!admin) {
		pthread_mutex_unlock(&m->lock);
		return tg_admin_error(out, 500, "out of memory");
	}
	memcpy(admin, m->admin, m->nadmin * sizeof(*admin));
	i = find_admin(m, d.id);
	if (i >= 0)
		before = tg_budget_def_json(&m->admin[i]);
	admin[i >= 0 ? (size_t)i : m->nadmin] = d;
	json = cJSON_PrintUnformatted(o = tg_budget_def_json(&d));
	cJSON_Delete(o);
	if (tg_ledger_budget_put(m->ledger, d.id, json, &err) ||
	    apply_budgets(m, &m->policy, admin, m->nadmin + (i < 0), &err)) {
		status = tg_admin_error(out, 503, "%s", err.msg);
		goto out;
	}
	if (tg_audit_append(m->audit, req, "budget.set", before, tg_budget_def_json(&d), &err)) {
		before = NULL;
		/* not audited: undo */
		if (i >= 0) {
			char *old = cJSON_PrintUnformatted(o = tg_budget_def_json(&m->admin[i]));

			cJSON_Delete(o);
			tg_ledger_budget_put(m->ledger, d.id, old, NULL);
			free(old);
		} else {
			tg_ledger_budget_del(m->ledger, d.id, NULL);
		}
		apply_budgets(m, &m->policy, m->admin, m->nadmin, NULL);
		status = tg_admin_error(out, 503, "not applied: %s", err.msg);
		goto out;
	}
	before = NULL;
	free(m->admin);
	m->admin = admin;
	admin = NULL;
	if (i < 0)
		m->nadmin++;
out:
	pthread_mutex_unlock(&m->lock);
	cJSON_Delete(before);
	free(admin);
	free(json);
	if (status != 200)
		return status;
	tg_info("budget set by uid %u (%s): %s", (unsigned)req->uid, req->comm, d.id);
	return tg_admin_reply_json(out, budgets_doc(m), 200, false);
}

static int admin_budgets_rm(void *ctx, const struct tg_admin_req *req, struct tg_buf *out)
{
	struct tg_meter *m = ctx;
	cJSON *o = cJSON_Parse(req->body);
	const char *id = cJSON_GetStringValue(cJSON_GetObjectItem(o, "id"));
	struct tg_budget_def d;
	char want[768];
	int i, status = 200;
	tg_err err;

	if (!o) {
		return tg_admin_error(out, 400, "the body is not valid JSON: expected {\"id\": ...} or a budget's "
					  "{\"scope\", \"window\", \"provider\", \"model\"}");
	}
	if (id) {
		tg_strlcpy(want, id, sizeof(want));
	} else {
		/* identify it by scope/window/provider/model; the limit does not matter */
		if (!cJSON_GetObjectItem(o, "limit_usd"))
			cJSON_AddNumberToObject(o, "limit_usd", 0);
		if (tg_budget_def_parse(o, &d, &err)) {
			cJSON_Delete(o);
			return tg_admin_error(out, 400, "invalid budget: %s", err.msg);
		}
		tg_strlcpy(want, d.id, sizeof(want));
	}
	cJSON_Delete(o);
	pthread_mutex_lock(&m->lock);
	i = find_admin(m, want);
	if (i < 0) {
		status = policy_has(&m->policy, want)
				 ? tg_admin_error(out, 409, "budget %s is declared in %s: remove it there", want,
						  m->budgets_file)
				 : tg_admin_error(out, 404, "no budget %s", want);
		goto out;
	}
	if (tg_audit_append(m->audit, req, "budget.rm", tg_budget_def_json(&m->admin[i]), NULL, &err)) {
		status = tg_admin_error(out, 503, "not removed: %s", err.msg);
		goto out;
	}
	d = m->admin[i];
	memmove(&m->admin[i], &m->admin[i + 1], (m->nadmin - (size_t)i - 1) * sizeof(*m->admin));
	m->nadmin--;
	if (tg_ledger_budget_del(m->ledger, want, &err) || apply_budgets(m, &m->policy, m->admin, m->nadmin, &err))
		status = tg_admin_error(out, 503, "%s", err.msg);
out:
	pthread_mutex_unlock(&m->lock);
	if (status != 200)
		return status;
	tg_info("budget removed by uid %u (%s): %s", (unsigned)req->uid, req->comm, want);
	return tg_admin_reply_json(out, budgets_doc(m), 200, false);
}

static int admin_budgets_reload(void *ctx, const struct tg_admin_req *req, struct tg_buf *out)
{
	struct tg_meter *m = ctx;
	tg_err err;

	if (!m->budgets_file[0])
		return tg_admin_error(out, 400, "no budgets_file is configured");
	if (reload_policy(m, &err))
		return tg_admin_error(out, 400, "%s (the previous policy stays in force)", err.msg);
	tg_audit_append(m->audit, req, "budget.reload", NULL, cJSON_CreateString(m->budgets_file), NULL);
	return tg_admin_reply_json(out, budgets_doc(m), 200, false);
}

/* value of name in a query string like "by=cgroup&window=day" (no escapes needed for ours) */
static void query_value(const char *q, const char *name, char *out, size_t size)
{
	size_t n = strlen(name);

	out[0] = 0;
	while (q && *q) {
		const char *amp = strchr(q, '&');
		size_t len = amp ? (size_t)(amp - q) : strlen(q);

		if (len > n && strncmp(q, name, n) == 0 && q[n] == '=') {
			snprintf(out, size, "%.*s", (int)(len - n - 1), q + n + 1);
			return;
		}
		q = amp ? amp + 1 : NULL;
	}
}

static int admin_spend(void *ctx, const struct tg_admin_req *req, struct tg_buf *out)
{
	struct tg_meter *m = ctx;
	char by[32], window[32], when[40];
	int64_t start = 0, end = INT64_MAX, now = tg_wall_ms();
	cJSON *o;
	tg_err err;

	query_value(req->query, "by", by, sizeof(by));
	query_value(req->query, "window", window, sizeof(window));
	if (!window[0] || strcmp(window, "day") == 0)
		tg_budgets_window(m->budgets, TG_WINDOW_DAY, now, &start, &end);
	else if (strcmp(window, "month") == 0)
		tg_budgets_window(m->budgets, TG_WINDOW_MONTH, now, &start, &end);
	else if (strcmp(window, "all") != 0 && strcmp(window, "lifetime") != 0)
		return tg_admin_error(out, 400, "window must be day, month or all, got \"%s\"", window);
	o = tg_ledger_rollup(m->ledger, by, start, &err);
	if (!o)
		return tg_admin_error(out, 400, "%s", err.msg);
	cJSON_AddStringToObject(o, "by", by);
	cJSON_AddStringToObject(o, "window", window[0] ? window : "day");
	{
		time_t t = (time_t)(start / 1000);
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
		cJSON_AddStringToObject(o, "since", when);
	}
	{
		cJSON *bj = tg_budgets_json(m->budgets, now);

		cJSON_AddItemToObject(o, "budgets", cJSON_DetachItemFromObject(bj, "budgets"));
		cJSON_Delete(bj);
	}
	return tg_admin_reply_json(out, o, 200, false);
}

static cJSON *price_json(const struct tg_price *p, const char *how)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "provider", p->provider);
	cJSON_AddStringToObject(o, "model", p->model);
	cJSON_AddStringToObject(o, "matched", how);
	cJSON_AddNumberToObject(o, "input", p->input);
	cJSON_AddNumberToObject(o, "cached_input", p->cached_input);
	cJSON_AddNumberToObject(o, "cache_write", p->cache_write);
	cJSON_AddNumberToObject(o, "output", p->output);
	if (p->long_threshold) {
		cJSON_AddNumberToObject(o, "long_context_threshold", (double)p->long_threshold);
		cJSON_AddNumberToObject(o, "input_long", p->input_long);
		cJSON_AddNumberToObject(o, "output_long", p->output_long);
	}
	if (p->max_output_tokens)
		cJSON_AddNumberToObject(o, "max_output_tokens", (double)p->max_output_tokens);
	cJSON_AddStringToObject(o, "source", p->source);
	cJSON_AddStringToObject(o, "date", p->date);
	return o;
}

static int admin_prices(void *ctx, const struct tg_admin_req *req, struct tg_buf *out)
{
	struct tg_meter *m = ctx;
	char provider[64], model[160];
	cJSON *o = cJSON_CreateObject();
	const struct tg_price *p;
	const char *how = NULL;

	query_value(req->query, "provider", provider, sizeof(provider));
	query_value(req->query, "model", model, sizeof(model));
	pthread_mutex_lock(&m->lock);
	cJSON_AddStringToObject(o, "prices_file", m->prices_file);
	cJSON_AddStringToObject(o, "imported_file", access(m->imported_file, F_OK) == 0 ? m->imported_file : "");
	cJSON_AddNumberToObject(o, "models", (double)m->prices.n);
	cJSON_AddStringToObject(o, "unknown_model", m->policy.refuse_unknown_models ? "refuse" : "fallback");
	if (model[0]) {
		p = tg_prices_find(&m->prices, provider[0] ? provider : "openai", model, &how);
		if (p)
			cJSON_AddItemToObject(o, "price", price_json(p, how));
		else if (m->prices.have_fallback)
			cJSON_AddItemToObject(o, "price", price_json(&m->prices.fallback, "fallback"));
		else
			cJSON_AddNullToObject(o, "price");
	} else if (provider[0]) {
		cJSON *arr = cJSON_AddArrayToObject(o, "rows");

		for (size_t i = 0; i < m->prices.n; i++)
			if (strcmp(m->prices.v[i].provider, provider) == 0)
				cJSON_AddItemToArray(arr, price_json(&m->prices.v[i], "exact"));
	}
	pthread_mutex_unlock(&m->lock);
	return tg_admin_reply_json(out, o, 200, false);
}

/* Write path atomically, 0600. */
static int write_file(const char *path, const char *data, tg_err *err)
{
	char tmp[4300];
	int fd;
	size_t n = strlen(data);

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return tg_errf(err, "write %s: %s", tmp, strerror(errno));
	if (write(fd, data, n) != (ssize_t)n || fsync(fd) || close(fd)) {
		tg_errf(err, "write %s: %s", tmp, strerror(errno));
		unlink(tmp);
		return -1;
	}
	if (rename(tmp, path))
		return tg_errf(err, "rename %s: %s", tmp, strerror(errno));
	return 0;
}

static int admin_prices_import(void *ctx, const struct tg_admin_req *req, struct tg_buf *out)
{
	struct tg_meter *m = ctx;
	struct tg_prices incoming = {0}, merged = {0}, old_imported = {0};
	cJSON *doc = cJSON_Parse(req->body), *models, *after;
	char *text = NULL;
	size_t before_n;
	int status = 200;
	tg_err err;

	if (!doc)
		return tg_admin_error(out, 400, "the body is not valid JSON: expected a prices document");
	if (tg_prices_parse(doc, "imported prices", &incoming, &err)) {
		cJSON_Delete(doc);
		return tg_admin_error(out, 400, "%s", err.msg);
	}
	pthread_mutex_lock(&m->lock);
	before_n = m->prices.n;
	/* the imported file accumulates: earlier imports, then these rows over them */
	if (access(m->imported_file, F_OK) == 0 && tg_prices_load(m->imported_file, &old_imported, &err)) {
		status = tg_admin_error(out, 500, "%s", err.msg);
		goto out;
	}
	if (tg_prices_merge(&old_imported, &incoming, &err)) {
		status = tg_admin_error(out, 500, "%s", err.msg);
		goto out;
	}
	models = cJSON_CreateArray();
	for (size_t i = 0; i < old_imported.n; i++) {
		cJSON *r = price_json(&old_imported.v[i], "exact");

		cJSON_DeleteItemFromObject(r, "matched");
		cJSON_AddItemToArray(models, r);
	}
	after = cJSON_CreateObject();
	cJSON_AddNumberToObject(after, "version", 1);
	cJSON_AddItemToObject(after, "models", models);
	text = cJSON_Print(after);
	cJSON_Delete(after);
	if (!text || write_file(m->imported_file, text, &err) || load_prices(m, &merged, &err)) {
		status = tg_admin_error(out, 500, "%s", text ? err.msg : "out of memory");
		goto out;
	}
	{
		cJSON *a = cJSON_CreateObject();

		cJSON_AddNumberToObject(a, "rows", (double)incoming.n);
		cJSON_AddStringToObject(a, "file", m->imported_file);
		if (tg_audit_append(m->audit, req, "prices.import", NULL, a, &err)) {
			status = tg_admin_error(out, 503, "%s", err.msg);
			goto out;
		}
	}
	tg_prices_free(&m->prices);
	m->prices = merged;
	memset(&merged, 0, sizeof(merged));
out:
	{
		size_t now_n = m->prices.n;

		pthread_mutex_unlock(&m->lock);
		tg_prices_free(&incoming);
		tg_prices_free(&merged);
		tg_prices_free(&old_imported);
		free(text);
		cJSON_Delete(doc);
		if (status != 200)
			return status;
		doc = cJSON_CreateObject();
		cJSON_AddNumberToObject(doc, "imported", (double)incoming.n);
		cJSON_AddNumberToObject(doc, "models_before", (double)before_n);
		cJSON_AddNumberToObject(doc, "models", (double)now_n);
		cJSON_AddStringToObject(doc, "file", m->imported_file);
		return tg_admin_reply_json(out, doc, 200, false);
	}
}

static int admin_prices_reload(void *ctx, const struct tg_admin_req *req, struct tg_buf *out)
{
	struct tg_meter *m = ctx;
	struct tg_prices p = {0};
	tg_err err;

	if (load_prices(m, &p, &err))
		return tg_admin_error(out, 400, "%s (the previous prices stay in force)", err.msg);
	pthread_mutex_lock(&m->lock);
	tg_prices_free(&m->prices);
	m->prices = p;
	pthread_mutex_unlock(&m->lock);
	tg_audit_append(m->audit, req, "prices.reload", NULL, cJSON_CreateString(m->prices_file), NULL);
	return admin_prices(ctx, req, out);
}

void tg_meter_ledger_stats(struct tg_meter *m, struct tg_ledger_stats *st)
{
	tg_ledger_stats(m->ledger, st);
}

void tg_meter_start(struct tg_meter *m, struct tg_admin *admin, struct tg_loop *loop)
{
	tg_admin_route(admin, "GET", "/v1/budgets", admin_budgets_get, m);
	tg_admin_route(admin, "POST", "/v1/budgets", admin_budgets_set, m);
	tg_admin_route(admin, "DELETE", "/v1/budgets", admin_budgets_rm, m);
	tg_admin_route(admin, "POST", "/v1/budgets/reload", admin_budgets_reload, m);
	tg_admin_route(admin, "GET", "/v1/spend", admin_spend, m);
	tg_admin_route(admin, "GET", "/v1/prices", admin_prices, m);
	tg_admin_route(admin, "POST", "/v1/prices/import", admin_prices_import, m);
	tg_admin_route(admin, "POST", "/v1/prices/reload", admin_prices_reload, m);
	m->loop = loop;
	m->watch.fn = on_watch;
	m->watch.owner = m;
	tg_timer_arm(loop, &m->watch, WATCH_MS);
}
