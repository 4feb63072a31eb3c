/*
 * test_budget.c - budgets, rate limits, the ledger and prices together:
 * scopes and hierarchy, per-uid and per-key budgets, 402 versus 429,
 * calendar windows and their reset, restarts, concurrency, monitor mode,
 * dead reservations, fail-closed ledger errors, price lookup and import.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "budget.h"
#include "check.h"
#include "ledger.h"
#include "prices.h"

#define USD(x) ((int64_t)((x) * 1e9))
#define DAY_MS 86400000LL

static struct tg_budget_def def(const char *json)
{
	struct tg_budget_def d;
	cJSON *o = cJSON_Parse(json);
	tg_err err;

	if (tg_budget_def_parse(o, &d, &err))
		printf("# %s: %s\n", json, err.msg);
	cJSON_Delete(o);
	return d;
}

static int def_error(const char *json, char *msg, size_t size)
{
	struct tg_budget_def d;
	cJSON *o = cJSON_Parse(json);
	tg_err err = {{0}};
	int rc = o ? tg_budget_def_parse(o, &d, &err) : -1;

	snprintf(msg, size, "%s", err.msg);
	cJSON_Delete(o);
	return rc;
}

static struct tg_who who(const char *cgroup, uint32_t uid, const char *key)
{
	struct tg_who w = {.cgroup = cgroup, .uid = uid, .key_fp = key, .provider = "openai",
			   .model = "gpt-4o-2024-08-06", .price_model = "gpt-4o"};
	return w;
}

/* reserve, then settle at cost; returns the verdict status */
static int spend(struct tg_budgets *b, struct tg_who w, int64_t reserve, int64_t cost, int64_t now)
{
	struct tg_hold h;
	struct tg_verdict v;

	tg_budgets_reserve(b, &w, reserve, now, &h, &v);
	if (v.status)
		return v.status;
	tg_budgets_settle(b, &w, &h, cost, 0, now, NULL, 0);
	return 0;
}

struct race {
	struct tg_budgets *b;
	struct tg_ledger *l;
	int admitted;
};

static void *racer(void *arg)
{
	struct race *r = arg;
	struct tg_who w = who("/agents/team/w", 1000, "");

	for (int i = 0; i < 200; i++) {
		struct tg_hold h;
		struct tg_verdict v;
		struct tg_ledger_row row = {.time_ms = tg_wall_ms(), .cgroup = w.cgroup, .provider = "openai",
					    .model = "gpt-4o", .cost_nusd = USD(0.01)};

		tg_budgets_reserve(r->b, &w, USD(0.01), tg_wall_ms(), &h, &v);
		if (v.status)
			continue;
		__atomic_add_fetch(&r->admitted, 1, __ATOMIC_SEQ_CST);
		tg_ledger_settle(r->l, 0, &row, NULL, NULL, NULL);
		tg_budgets_settle(r->b, &w, &h, USD(0.01), 0, tg_wall_ms(), NULL, 0);
	}
	return NULL;
}

int main(void)
{
	char dir[] = "/tmp/tollgate-test-budget.XXXXXX";
	char msg[600];
	struct tg_budgets *b;
	struct tg_ledger *l;
	struct tg_budget_def d[8];
	struct tg_verdict v;
	struct tg_hold h;
	struct tg_who w;
	tg_err err;
	int64_t now = 1767225600000LL + 12 * 3600000LL; /* 2026-01-01T12:00:00Z */
	int64_t s, e;

	if (!mkdtemp(dir))
		return 1;

	/* bad input is refused with a message that names the problem */
	CHECK(def_error("{\"scope\":\"cgroup:/a\",\"limit_usd\":-5}", msg, sizeof(msg)) && strstr(msg, "limit_usd"),
	      "negative limit refused: %s", msg);
	CHECK(def_error("{\"scope\":\"team:/a\",\"limit_usd\":5}", msg, sizeof(msg)) && strstr(msg, "unknown scope"),
	      "unknown scope refused: %s", msg);
	CHECK(def_error("{\"scope\":\"key:sk-live-abcdef\",\"limit_usd\":5}", msg, sizeof(msg)) && strstr(msg, "fingerprint"),
	      "a raw key as scope refused: %s", msg);
	CHECK(def_error("{\"scope\":\"uid:x\",\"limit_usd\":5}", msg, sizeof(msg)), "bad uid refused");
	CHECK(def_error("{\"scope\":\"host\",\"limit_usd\":5,\"window\":\"week\"}", msg, sizeof(msg)) && strstr(msg, "window"),
	      "unknown window refused: %s", msg);
	CHECK(def_error("{\"scope\":\"host\",\"limit\":5}", msg, sizeof(msg)) && strstr(msg, "limit"),
	      "unknown key refused: %s", msg);

	{
		struct tg_budget_policy pol;

		tg_budget_policy_defaults(&pol);
		CHECK(tg_budget_policy_load("policies/budgets.json", &pol, &err) == 0 && pol.nbudgets == 3 &&
			      pol.nlimits == 1 && !pol.lower_max_tokens, "the shipped example policy loads: %s", err.msg);
		tg_budget_policy_free(&pol);
	}
	l = tg_ledger_open(dir, false, false, &err);
	CHECK(l != NULL, "ledger opens");
	b = tg_budgets_new(l, "UTC", &err);

	/* windows aligned to the calendar */
	tg_budgets_window(b, TG_WINDOW_DAY, now, &s, &e);
	CHECK(s == 1767225600000LL && e == s + DAY_MS, "day window is 00:00 to 00:00 UTC");
	tg_budgets_window(b, TG_WINDOW_MONTH, now + 40 * DAY_MS, &s, &e);
	CHECK(s == 1769904000000LL && e == 1772323200000LL, "month window is the 1st to the 1st (Feb 2026)");

	/* hierarchy: a child's spend exhausts its parent's budget for a sibling */
	d[0] = def("{\"scope\":\"cgroup:/agents\",\"limit_usd\":1.00,\"window\":\"day\"}");
	d[1] = def("{\"scope\":\"uid:1000\",\"limit_usd\":0.50,\"window\":\"day\"}");
	d[2] = def("{\"scope\":\"key:3f9a1c2e-wxyz\",\"limit_usd\":0.20,\"window\":\"month\"}");
	d[3] = def("{\"scope\":\"host\",\"limit_usd\":0.05,\"window\":\"day\",\"model\":\"gpt-4o\",\"provider\":\"anthropic\"}");
	tg_budgets_set(b, d, 4, NULL, 0, now, &err);
	CHECK(spend(b, who("/agents/a/worker-3", 0, ""), USD(0.60), USD(0.60), now) == 0, "child a spends $0.60");
	CHECK(spend(b, who("/agents/b", 0, ""), USD(0.50), USD(0.50), now) == 402,
	      "sibling b is refused: /agents has $0.40 left");
	CHECK(spend(b, who("/agents/b", 0, ""), USD(0.40), USD(0.40), now) == 0, "sibling b fits $0.40");
	CHECK(spend(b, who("/other", 0, ""), USD(5), USD(0.01), now) == 0, "another cgroup is not limited");
	CHECK(spend(b, who("/agentsX", 0, ""), USD(5), USD(0.01), now) == 0, "/agentsX is not below /agents");

	/* per uid, per key, narrowing */
	CHECK(spend(b, who("/x", 1000, ""), USD(0.30), USD(0.30), now) == 0, "uid 1000 spends $0.30");
	CHECK(spend(b, who("/x", 1000, ""), USD(0.30), USD(0.30), now) == 402, "uid 1000 refused past $0.50");
	CHECK(spend(b, who("/x", 1001, ""), USD(0.30), USD(0.30), now) == 0, "uid 1001 is not");
	CHECK(spend(b, who("/x", 7, "3f9a1c2e-wxyz"), USD(0.25), USD(0.25), now) == 402, "key budget: $0.25 > $0.20");
	CHECK(spend(b, who("/x", 7, "3f9a1c2e-wxyz"), USD(0.15), USD(0.15), now) == 0, "key budget: $0.15 fits");
	CHECK(spend(b, who("/x", 7, "00000000-abcd"), USD(0.25), USD(0.25), now) == 0, "another key is not limited");
	CHECK(spend(b, who("/y", 8, ""), USD(0.10), USD(0.10), now) == 0, "a provider-narrowed budget of anthropic "
	      "does not apply to openai calls");

	/* 402 (used up) versus 429 (held by calls in flight) */
	w = who("/agents/c", 0, "");
	tg_budgets_set(b, (d[4] = def("{\"scope\":\"cgroup:/lab\",\"limit_usd\":1.00}"), &d[4]), 1, NULL, 0, now, &err);
	w.cgroup = "/lab/1";
	tg_budgets_reserve(b, &w, USD(0.70), now, &h, &v);
	CHECK(v.status == 0 && h.n == 1, "reserve $0.70 of $1.00");
	{
		struct tg_hold h2;
		struct tg_verdict v2;

		tg_budgets_reserve(b, &w, USD(0.50), now, &h2, &v2);
		CHECK(v2.status == 429 && v2.retry_after_s >= 1 && strstr(v2.message, "in flight"),
		      "a call that would fit once the one in flight settles gets 429: %s", v2.message);
		tg_budgets_settle(b, &w, &h, USD(0.10), 0, now, msg, sizeof(msg));
		CHECK(strcmp(msg, "cgroup:/lab window=day") == 0, "settle names the budgets charged: %s", msg);
		tg_budgets_reserve(b, &w, USD(0.50), now, &h2, &v2);
		CHECK(v2.status == 0, "after settling at $0.10 the $0.50 call fits");
		tg_budgets_release(b, &h2);
		tg_budgets_reserve(b, &w, USD(0.95), now, &h2, &v2);
		CHECK(v2.status == 402 && strstr(v2.message, "limit $1.00") && strstr(v2.message, "spent $0.10") &&
			      strstr(v2.message, "resets at 2026-01-02T00:00:00Z"),
		      "402 names scope, limit, spent and reset: %s", v2.message);
	}
	/* window reset */
	tg_budgets_reserve(b, &w, USD(0.95), now + DAY_MS, &h, &v);
	CHECK(v.status == 0, "the next day the budget is whole again");
	tg_budgets_release(b, &h);

	/* monitor mode */
	d[5] = def("{\"scope\":\"host\",\"limit_usd\":0.01,\"mode\":\"monitor\"}");
	tg_budgets_set(b, &d[5], 1, NULL, 0, now, &err);
	w = who("/m", 0, "");
	tg_budgets_reserve(b, &w, USD(1), now, &h, &v);
	CHECK(v.status == 0 && v.nwould_block == 1 && strstr(v.would_block[0], "host"),
	      "monitor budget: would block, lets the call go");
	tg_budgets_release(b, &h);

	/* rate limits */
	{
		struct tg_limit_def rl;
		cJSON *o = cJSON_Parse("{\"scope\":\"uid:5\",\"rpm\":2}");

		tg_limit_def_parse(o, &rl, &err);
		cJSON_Delete(o);
		tg_budgets_set(b, NULL, 0, &rl, 1, now, &err);
		w = who("/r", 5, "");
		tg_budgets_check_rate(b, &w, 10, now, &v);
		CHECK(v.status == 0, "rpm: first request");
		tg_budgets_check_rate(b, &w, 10, now + 10000, &v);
		CHECK(v.status == 0, "rpm: second request");
		tg_budgets_check_rate(b, &w, 10, now + 20000, &v);
		CHECK(v.status == 429 && v.retry_after_s == 40, "rpm: third is 429, retry in 40 s (got %u): %s",
		      v.retry_after_s, v.message);
		tg_budgets_check_rate(b, &w, 10, now + 61000, &v);
		CHECK(v.status == 0, "rpm: a minute later it goes through");
	}

	/* the ledger: restart keeps spend, yesterday does not count today */
	{
		struct tg_ledger_row row = {.time_ms = now - DAY_MS, .cgroup = "/agents/a", .uid = 1, .provider = "openai",
					    .model = "gpt-4o-2024-08-06", .price_model = "gpt-4o", .cost_nusd = USD(0.75)};
		struct tg_budgets *b2;
		int64_t id = 0;
		uint64_t dead;
		int64_t amount;

		tg_ledger_settle(l, 0, &row, NULL, NULL, &err);
		row.time_ms = now;
		row.cost_nusd = USD(0.25);
		tg_ledger_settle(l, 0, &row, NULL, NULL, &err);
		row.cgroup = "/agentsX";
		tg_ledger_settle(l, 0, &row, NULL, NULL, &err);
		id = tg_ledger_reserve(l, &row, &err);
		CHECK(id > 0, "a reservation is queued: id %lld", (long long)id);
		tg_ledger_close(l); /* commits what is queued */
		l = tg_ledger_open(dir, true, false, &err);
		CHECK(tg_ledger_release_dead(l, &dead, &amount, &err) == 0 && dead == 1 && amount == USD(0.25),
		      "a reservation left by a dead daemon is released at restart");
		CHECK(tg_ledger_release_dead(l, &dead, &amount, &err) == 0 && dead == 0, "... once");
		b2 = tg_budgets_new(l, "UTC", &err);
		d[6] = def("{\"scope\":\"cgroup:/agents\",\"limit_usd\":0.30,\"window\":\"day\"}");
		d[7] = def("{\"scope\":\"cgroup:/agents\",\"limit_usd\":1.03,\"window\":\"lifetime\"}");
		tg_budgets_set(b2, &d[6], 2, NULL, 0, now, &err);
		w = who("/agents/z", 0, "");
		tg_budgets_reserve(b2, &w, USD(0.04), now, &h, &v);
		CHECK(v.status == 402 && strstr(v.budget, "lifetime"),
		      "after a restart the lifetime budget has today's and yesterday's $1.00: %s", v.message);
		tg_budgets_reserve(b2, &w, USD(0.02), now, &h, &v);
		CHECK(v.status == 0, "the day budget holds only today's $0.25");
		tg_budgets_release(b2, &h);
		tg_budgets_free(b2);
	}

	/* fail closed: another process holds the database locked */
	{
		sqlite3 *db;
		char path[128], why[300];
		struct tg_ledger_row row = {.time_ms = now, .cgroup = "/x", .cost_nusd = 1};
		int64_t id;
		bool writable = true;

		snprintf(path, sizeof(path), "%s/ledger.db", dir);
		sqlite3_open(path, &db);
		sqlite3_exec(db, "BEGIN EXCLUSIVE", NULL, NULL, NULL);
		id = tg_ledger_reserve(l, &row, &err);
		CHECK(id > 0, "a reservation is queued while the ledger still looks healthy");
		CHECK(tg_ledger_flush(l, 300) == -1, "... but it is not committed while another process holds the lock");
		for (int i = 0; i < 300 && writable; i++) {
			writable = tg_ledger_writable(l, why, sizeof(why));
			if (writable)
				usleep(10000);
		}
		CHECK(!writable && (strstr(why, "locked") || strstr(why, "waited")),
		      "a ledger that cannot be written says so: %s", why);
		CHECK(tg_ledger_reserve(l, &row, &err) == 0 && strstr(err.msg, "ledger"),
		      "and takes no new reservation (fail closed): %s", err.msg);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(db);
		CHECK(tg_ledger_flush(l, 5000) == 0, "once the lock is gone the queued reservation is committed");
		CHECK(tg_ledger_writable(l, why, sizeof(why)), "and the ledger is writable again");
		tg_ledger_release(l, id);
		CHECK(tg_ledger_flush(l, 5000) == 0, "a release is committed too");
	}

	/* concurrency: 8 threads race for a $1.00 budget in $0.01 calls */
	{
		pthread_t t[8];
		struct race r = {.b = b, .l = l};
		struct tg_ledger_filter f = {.cgroup = "/agents/team", .uid = -1};
		int64_t sum = 0;

		tg_budgets_free(b);
		b = tg_budgets_new(l, "UTC", &err);
		d[0] = def("{\"scope\":\"cgroup:/agents/team\",\"limit_usd\":1.00,\"window\":\"lifetime\"}");
		tg_budgets_set(b, d, 1, NULL, 0, tg_wall_ms(), &err);
		r.b = b;
		for (int i = 0; i < 8; i++)
			pthread_create(&t[i], NULL, racer, &r);
		for (int i = 0; i < 8; i++)
			pthread_join(t[i], NULL);
		tg_ledger_sum(l, &f, 0, 0, &sum, &err);
		CHECK(r.admitted == 100 && sum == USD(1.00), "8 racing threads: exactly 100 calls of $0.01 admitted "
		      "(%d), ledger $%.2f: never over the cap", r.admitted, (double)sum / 1e9);
	}
	tg_budgets_free(b);
	tg_ledger_close(l);

	/* prices */
	{
		struct tg_prices p = {0};
		const struct tg_price *r;
		const char *how;
		cJSON *lite, *doc;
		size_t skipped;
		static const char *const provs[] = {"openai", "anthropic", "groq", NULL};

		CHECK(tg_prices_load("policies/prices.json", &p, &err) == 0, "shipped prices load: %s", err.msg);
		r = tg_prices_find(&p, "openai", "gpt-4o-2024-08-06", &how);
		CHECK(r && strcmp(r->model, "gpt-4o") == 0 && strcmp(how, "snapshot") == 0, "gpt-4o-2024-08-06 -> gpt-4o");
		r = tg_prices_find(&p, "anthropic", "claude-sonnet-4-20250514", &how);
		CHECK(r && strcmp(r->model, "claude-sonnet-4") == 0, "claude-sonnet-4-20250514 -> claude-sonnet-4");
		r = tg_prices_find(&p, "anthropic", "claude-3-5-sonnet-latest", &how);
		CHECK(r && strcmp(r->model, "claude-3-5-sonnet") == 0, "claude-3-5-sonnet-latest -> claude-3-5-sonnet");
		r = tg_prices_find(&p, "gemini", "models/gemini-2.5-flash-preview-05-20", &how);
		CHECK(r && strcmp(r->model, "gemini-2.5-flash") == 0, "models/gemini-2.5-flash-preview-05-20 -> gemini-2.5-flash");
		r = tg_prices_find(&p, "azure-openai", "gpt-4o-mini", &how);
		CHECK(r && strcmp(r->provider, "openai") == 0 && strcmp(how, "parent") == 0, "azure uses openai's rows");
		r = tg_prices_find(&p, "openrouter", "anthropic/claude-sonnet-4.5", &how);
		CHECK(r && strcmp(r->model, "claude-sonnet-4-5") == 0, "openrouter vendor/model ids");
		r = tg_prices_find(&p, "openai", "ChatGPT-4o-Latest", &how);
		CHECK(r && strcmp(r->model, "gpt-4o") == 0 && strcmp(how, "alias") == 0, "aliases: any case");
		r = tg_prices_find(&p, "azure-openai", "GPT-35-turbo", &how);
		CHECK(r && strcmp(r->model, "gpt-3.5-turbo") == 0, "aliases: provider:model");
		CHECK(tg_prices_find(&p, "openai", "gpt-35-turbo", &how) == NULL,
		      "aliases: a provider:model alias is that provider's only");
		r = tg_prices_find(&p, "mistral", "mistral-large-2411", &how);
		CHECK(r && strcmp(r->model, "mistral-large") == 0, "mistral-large-2411 -> mistral-large");
		CHECK(tg_prices_find(&p, "openai", "gpt-9-turbo", &how) == NULL && p.have_fallback &&
			      p.fallback.output >= 75, "an unknown model has no row; the fallback is pessimistic");
		{
			static const char *const prov_names[] = {"openai", "anthropic", "gemini", "azure-openai", "mistral",
								 "groq", "deepseek", "xai", "openrouter", "together",
								 "fireworks"};
			int missing = 0;

			for (size_t i = 0; i < TG_ARRAY_LEN(prov_names); i++) {
				bool any = false;

				for (size_t j = 0; j < p.n; j++)
					any |= strcmp(p.v[j].provider, prov_names[i]) == 0;
				if (!any && strcmp(prov_names[i], "azure-openai") != 0 && strcmp(prov_names[i], "openrouter") != 0)
					missing++;
			}
			CHECK(missing == 0, "every provider of the registry has prices (azure/openrouter through parents)");
		}
		{
			/* the lookup is a binary search of an index: every row is found, whatever the case */
			size_t found = 0;

			for (size_t j = 0; j < p.n; j++) {
				char prov[64], model[128];

				for (size_t k = 0; k < sizeof(prov); k++)
					prov[k] = (char)toupper((unsigned char)p.v[j].provider[k]);
				for (size_t k = 0; k < sizeof(model); k++)
					model[k] = (char)toupper((unsigned char)p.v[j].model[k]);
				found += tg_prices_find(&p, prov, model, &how) == &p.v[j] && strcmp(how, "exact") == 0;
			}
			CHECK(p.n > 50 && found == p.n, "every shipped row is found by its provider and model in upper case "
			      "(%zu of %zu)", found, p.n);
		}
		lite = cJSON_Parse("{\"sample_spec\":{\"input_cost_per_token\":0},"
				   "\"gpt-4o\":{\"litellm_provider\":\"openai\",\"mode\":\"chat\",\"input_cost_per_token\":2.5e-06,"
				   "\"output_cost_per_token\":1e-05,\"cache_read_input_token_cost\":1.25e-06,\"max_output_tokens\":16384},"
				   "\"groq/llama-3.1-8b-instant\":{\"litellm_provider\":\"groq\",\"mode\":\"chat\","
				   "\"input_cost_per_token\":5e-08,\"output_cost_per_token\":8e-08},"
				   "\"dall-e-3\":{\"litellm_provider\":\"openai\",\"mode\":\"image_generation\"},"
				   "\"vertex_ai/gemini-pro\":{\"litellm_provider\":\"vertex_ai-language-models\","
				   "\"input_cost_per_token\":1e-07}}");
		doc = tg_prices_from_litellm(lite, provs, "2025-10-01", &skipped, &err);
		{
			struct tg_prices q = {0};
			const struct tg_price *g;

			CHECK(doc && tg_prices_parse(doc, "import", &q, &err) == 0 && q.n == 2 && skipped == 2,
			      "LiteLLM import: 2 rows kept, 2 skipped (%zu)", skipped);
			g = tg_prices_find(&q, "groq", "llama-3.1-8b-instant", NULL);
			CHECK(g && g->input == 0.05 && g->output == 0.08, "LiteLLM import: per token -> per million, prefix dropped");
			g = tg_prices_find(&q, "openai", "gpt-4o", NULL);
			CHECK(g && g->input == 2.5 && g->cached_input == 1.25 && g->max_output_tokens == 16384,
			      "LiteLLM import: cache read price and max output");
			{
				size_t before = p.n;

				CHECK(tg_prices_merge(&p, &q, &err) == 0 && p.n == before,
				      "merge: both rows replace shipped ones");
				g = tg_prices_find(&p, "groq", "llama-3.1-8b-instant", NULL);
				CHECK(g && g->input == 0.05 && strncmp(g->source, "LiteLLM", 7) == 0, "merge: a replaced row is found");
				g = tg_prices_find(&p, "openai", "gpt-4o-2024-08-06", &how);
				CHECK(g && g->input == 2.5 && strncmp(g->source, "LiteLLM", 7) == 0 && strcmp(how, "snapshot") == 0,
				      "merge: a replaced row is found through a snapshot name");
			}
			tg_prices_free(&q);
		}
		cJSON_Delete(lite);
		cJSON_Delete(doc);
		tg_prices_free(&p);
		lite = cJSON_Parse("{\"version\":1,\"models\":[{\"provider\":\"openai\",\"model\":\"x\",\"input\":1,\"output\":2}]}");
		CHECK(tg_prices_parse(lite, "bad.json", &p, &err) == -1 && strstr(err.msg, "source"),
		      "a price row without source and date is refused: %s", err.msg);
		cJSON_Delete(lite);
	}
	/* a configured timezone: windows start at local midnight, DST included (sets TZ: keep last) */
	{
		struct tg_budgets *tz = tg_budgets_new(NULL, "Europe/Paris", &err);

		tg_budgets_window(tz, TG_WINDOW_DAY, now, &s, &e);
		CHECK(s == 1767222000000LL && e - s == DAY_MS, "Europe/Paris: the day starts at 23:00 UTC in winter");
		tg_budgets_window(tz, TG_WINDOW_MONTH, 1784116800000LL /* 2026-07-15T12:00Z */, &s, &e);
		CHECK(s == 1782856800000LL, "Europe/Paris: July starts at 22:00 UTC on June 30 (summer time)");
		tg_budgets_window(tz, TG_WINDOW_DAY, 1774785600000LL /* 2026-03-29T12:00Z */, &s, &e);
		CHECK(e - s == DAY_MS - 3600000LL, "Europe/Paris: the day summer time starts has 23 hours");
		tg_budgets_free(tz);
	}
	{
		char cmd[128];

		snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
		if (system(cmd))
			printf("# could not remove %s\n", dir);
	}
	CHECK_DONE();
}
