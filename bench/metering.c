/*
 * metering.c - what metering costs per call, and how many calls per second
 * the ledger records durably. Built and run by bench/metering.sh.
 *
 * Per call (one thread, the real code path of the meter stage without the
 * network): parse the request, find the price, check the rate limits,
 * reserve on the budgets that apply (a 3-level cgroup hierarchy + uid +
 * host), write the reservation, read the usage out of a 12-event OpenAI
 * stream through the SSE splitter, compute the cost, settle in the ledger
 * and on the budgets. Reported with the ledger's synchronous=NORMAL (the
 * default: survives kill -9) and FULL (survives power loss).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>

#include "budget.h"
#include "ledger.h"
#include "prices.h"
#include "sse.h"
#include "usage.h"

static const char *body = "{\"model\":\"gpt-4o-mini-2024-07-18\",\"max_tokens\":256,\"stream\":true,"
			  "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"system\",\"content\":"
			  "\"You are a helpful assistant.\"},{\"role\":\"user\",\"content\":\"Summarise the quarterly "
			  "report in three bullet points, please.\"}]}";

static char stream[8192];

static void make_stream(void)
{
	size_t n = 0;

	for (int i = 0; i < 10; i++)
		n += (size_t)snprintf(stream + n, sizeof(stream) - n,
				      "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
				      "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"word \"},"
				      "\"finish_reason\":null}],\"usage\":null}\n\n");
	n += (size_t)snprintf(stream + n, sizeof(stream) - n,
			      "data: {\"id\":\"chatcmpl-1\",\"choices\":[],\"usage\":{\"prompt_tokens\":40,"
			      "\"completion_tokens\":10,\"prompt_tokens_details\":{\"cached_tokens\":0}}}\n\n"
			      "data: [DONE]\n\n");
}

static int on_event(void *arg, const struct tg_sse_event *ev)
{
	tg_usage_read_event(arg, ev->type, ev->data, ev->data_len);
	return 0;
}

struct run {
	struct tg_budgets *b;
	struct tg_ledger *l;
	struct tg_prices *p;
	int calls;
	bool full_path;   /* everything, or the ledger writes alone */
};

static void *worker(void *arg)
{
	struct run *r = arg;
	struct tg_http_msg req = {.method = "POST", .method_len = 4, .target = "/v1/chat/completions", .target_len = 20};
	struct tg_provider prov = {.name = "openai", .shape = TG_API_OPENAI};
	struct tg_who who = {.cgroup = "/agents/team-a/worker-3", .uid = 1000, .key_fp = "3f9a1c2e-wxyz",
			     .provider = "openai", .model = "gpt-4o-mini-2024-07-18", .price_model = "gpt-4o-mini"};

	for (int i = 0; i < r->calls; i++) {
		struct tg_usage_request q;
		struct tg_usage_reader rd;
		struct tg_verdict v;
		struct tg_hold h = {0};
		struct tg_sse s;
		const struct tg_price *pr = NULL;
		int64_t id = 0, cost = 1000;
		struct tg_ledger_row row = {.time_ms = tg_wall_ms(), .trace_id = "0123456789abcdef0123456789abcdef",
					    .cgroup = who.cgroup, .uid = 1000, .key_fp = who.key_fp, .provider = "openai",
					    .model = who.model, .price_model = "gpt-4o-mini", .operation = "chat",
					    .cost_nusd = 1000, .status = 200};

		if (r->full_path) {
			tg_usage_parse_request(&prov, &req, body, strlen(body), &q);
			pr = tg_prices_find(r->p, "openai", q.model, NULL);
			tg_budgets_check_rate(r->b, &who, 100, tg_wall_ms(), &v);
			tg_budgets_reserve(r->b, &who, 50000, tg_wall_ms(), &h, &v);
		}
		tg_ledger_reserve(r->l, &row, &id, NULL);
		if (r->full_path) {
			tg_usage_reader_init(&rd, TG_API_OPENAI, "chat");
			tg_sse_init(&s, 0);
			tg_sse_feed(&s, stream, strlen(stream), on_event, &rd);
			tg_sse_free(&s);
			cost = tg_price_cost(pr, &rd.u);
			row.usage = rd.u;
			row.cost_nusd = cost;
		}
		tg_ledger_settle(r->l, id, &row, NULL);
		if (r->full_path)
			tg_budgets_settle(r->b, &who, &h, cost, 50, tg_wall_ms(), NULL, 0);
	}
	return NULL;
}

static double measure(const char *dir, bool full_sync, bool full_path, int threads, int calls, struct tg_prices *p)
{
	struct tg_ledger *l;
	struct tg_budgets *b;
	struct tg_budget_def d[5];
	struct tg_limit_def lim;
	const char *defs[] = {"{\"scope\":\"host\",\"limit_usd\":1e6}", "{\"scope\":\"cgroup:/agents\",\"limit_usd\":1e6}",
			      "{\"scope\":\"cgroup:/agents/team-a\",\"limit_usd\":1e6}",
			      "{\"scope\":\"uid:1000\",\"limit_usd\":1e6,\"window\":\"month\"}",
			      "{\"scope\":\"key:3f9a1c2e-wxyz\",\"limit_usd\":1e6,\"mode\":\"monitor\"}"};
	pthread_t t[8];
	struct run r[8];
	uint64_t t0;
	char cmd[256];
	cJSON *o;

	snprintf(cmd, sizeof(cmd), "rm -f %s/ledger.db*", dir);
	if (system(cmd))
		return -1;
	l = tg_ledger_open(dir, full_sync, NULL);
	b = tg_budgets_new(l, "UTC", NULL);
	for (int i = 0; i < 5; i++) {
		o = cJSON_Parse(defs[i]);
		tg_budget_def_parse(o, &d[i], NULL);
		cJSON_Delete(o);
	}
	o = cJSON_Parse("{\"scope\":\"cgroup:/agents\",\"rpm\":100000000}");
	tg_limit_def_parse(o, &lim, NULL);
	cJSON_Delete(o);
	tg_budgets_set(b, d, 5, &lim, 1, tg_wall_ms(), NULL);
	t0 = tg_now_us();
	for (int i = 0; i < threads; i++) {
		r[i] = (struct run){.b = b, .l = l, .p = p, .calls = calls, .full_path = full_path};
		pthread_create(&t[i], NULL, worker, &r[i]);
	}
	for (int i = 0; i < threads; i++)
		pthread_join(t[i], NULL);
	t0 = tg_now_us() - t0;
	tg_budgets_free(b);
	tg_ledger_close(l);
	return (double)t0 / (double)(threads * calls); /* us per call */
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	struct tg_prices p = {0};
	tg_err err;

	make_stream();
	if (tg_prices_load(argc > 2 ? argv[2] : "policies/prices.json", &p, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	printf("| what | ledger sync | threads | us per call | calls/s |\n|---|---|---|---:|---:|\n");
	for (int full = 0; full < 2; full++) {
		int calls = full ? 300 : 5000;

		for (int threads = 1; threads <= 2; threads++) {
			double us = measure(dir, full, true, threads, calls / threads, &p);

			printf("| metering + budgets + ledger, whole call | %s | %d | %.1f | %.0f |\n", full ? "FULL" : "NORMAL",
			       threads, us * threads, 1e6 / us);
			us = measure(dir, full, false, threads, calls / threads, &p);
			printf("| ledger alone (reserve + settle) | %s | %d | %.1f | %.0f |\n", full ? "FULL" : "NORMAL",
			       threads, us * threads, 1e6 / us);
		}
	}
	{
		/* the part of the work that is not the ledger */
		uint64_t t0 = tg_now_us();
		int n = 20000;

		for (int i = 0; i < n; i++) {
			struct tg_http_msg req = {.method = "POST", .method_len = 4, .target = "/v1/chat/completions",
						  .target_len = 20};
			struct tg_provider prov = {.name = "openai", .shape = TG_API_OPENAI};
			struct tg_usage_request q;
			struct tg_usage_reader rd;
			struct tg_sse s;

			tg_usage_parse_request(&prov, &req, body, strlen(body), &q);
			tg_prices_find(&p, "openai", q.model, NULL);
			tg_usage_reader_init(&rd, TG_API_OPENAI, "chat");
			tg_sse_init(&s, 0);
			tg_sse_feed(&s, stream, strlen(stream), on_event, &rd);
			tg_sse_free(&s);
		}
		printf("| request parse + price lookup + 12-event stream usage (no ledger, no budgets) | - | 1 | %.1f | %.0f |\n",
		       (double)(tg_now_us() - t0) / n, 1e6 * n / (double)(tg_now_us() - t0));
	}
	tg_prices_free(&p);
	return 0;
}
