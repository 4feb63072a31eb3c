/*
 * metering.c - what metering costs per call, and how fast the ledger makes
 * settlements durable. Built and run by bench/metering.sh.
 *
 * 1. The worker's cost per call: the real code path of the meter stage
 *    without the network - parse the request, find the price, check the
 *    rate limits, reserve on the budgets that apply (a 3-level cgroup
 *    hierarchy + uid + host + a key budget in monitor mode), queue the
 *    reservation, read the usage out of a 12-event OpenAI stream through
 *    the SSE splitter, compute the cost, queue the settlement and settle on
 *    the budgets. The ledger's SQLite work happens on its writer thread and
 *    is reported separately (its CPU per call, measured from the thread's
 *    own clock).
 * 2. Durability: C "connections", each an event loop like a proxy worker's,
 *    each making calls one after another: 1 ms at the provider, then the
 *    settlement, and the next call only once the ledger says it is durable
 *    (the meter holds the response's last bytes that long): with NORMAL,
 *    as soon as the journal has it; with FULL, after its fsync'd commit.
 *    Reported: durable calls/s, settle-to-durable latency (p50, p99),
 *    commits per call (group commit), and the writer thread's CPU per call.
 * Both with the ledger's default (synchronous=NORMAL and the journal of
 * settlements: survives kill -9) and FULL (no journal, an fsync per commit:
 * survives power loss).
 */
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "budget.h"
#include "ledger.h"
#include "loop.h"
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

/* CPU seconds used so far by this process's thread named comm. */
static double thread_cpu_s(const char *comm)
{
	DIR *d = opendir("/proc/self/task");
	struct dirent *e;
	double total = 0;

	while (d && (e = readdir(d))) {
		char path[300], name[64] = "", stat[1024];
		FILE *f;
		unsigned long ut = 0, st = 0;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/self/task/%s/comm", e->d_name);
		if ((f = fopen(path, "r"))) {
			if (fgets(name, sizeof(name), f))
				name[strcspn(name, "\n")] = 0;
			fclose(f);
		}
		if (strcmp(name, comm) != 0)
			continue;
		snprintf(path, sizeof(path), "/proc/self/task/%s/stat", e->d_name);
		if ((f = fopen(path, "r"))) {
			if (fgets(stat, sizeof(stat), f)) {
				char *p = strrchr(stat, ')');

				/* fields after the comm: state is 3rd, utime 14th, stime 15th */
				if (p && sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) == 2)
					total += (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
			}
			fclose(f);
		}
	}
	if (d)
		closedir(d);
	return total;
}

static struct tg_ledger *open_ledger(const char *dir, bool full_sync)
{
	char cmd[300];

	snprintf(cmd, sizeof(cmd), "rm -f %s/ledger.db* %s/ledger.journal", dir, dir);
	if (system(cmd))
		return NULL;
	return tg_ledger_open(dir, full_sync, !full_sync, NULL);
}

/* ---- 1. the worker's cost ------------------------------------------------- */

struct run {
	struct tg_budgets *b;
	struct tg_ledger *l;
	struct tg_prices *p;
	int calls;
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
		const struct tg_price *pr;
		int64_t id, cost;
		struct tg_ledger_row row = {.time_ms = tg_wall_ms(), .trace_id = "0123456789abcdef0123456789abcdef",
					    .cgroup = who.cgroup, .uid = 1000, .key_fp = who.key_fp, .provider = "openai",
					    .model = who.model, .price_model = "gpt-4o-mini", .operation = "chat",
					    .cost_nusd = 50000, .status = 200};

		tg_usage_parse_request(&prov, &req, body, strlen(body), &q);
		pr = tg_prices_find(r->p, "openai", q.model, NULL);
		tg_budgets_check_rate(r->b, &who, 100, tg_wall_ms(), &v);
		tg_budgets_reserve(r->b, &who, 50000, tg_wall_ms(), &h, &v);
		id = tg_ledger_reserve(r->l, &row, NULL);
		tg_ledger_inflight(r->l, 1);
		tg_usage_reader_init(&rd, TG_API_OPENAI, "chat");
		tg_sse_init(&s, 0);
		tg_sse_feed(&s, stream, strlen(stream), on_event, &rd);
		tg_sse_free(&s);
		cost = tg_price_cost(pr, &rd.u);
		row.usage = rd.u;
		row.cost_nusd = cost;
		tg_ledger_inflight(r->l, -1);
		tg_ledger_settle(r->l, id, &row, NULL, NULL, NULL);
		tg_budgets_settle(r->b, &who, &h, cost, 50, tg_wall_ms(), NULL, 0);
		free(h.serials);
	}
	return NULL;
}

static void worker_cost(const char *dir, bool full_sync, int threads, int calls, struct tg_prices *p)
{
	const char *defs[] = {"{\"scope\":\"host\",\"limit_usd\":1e6}", "{\"scope\":\"cgroup:/agents\",\"limit_usd\":1e6}",
			      "{\"scope\":\"cgroup:/agents/team-a\",\"limit_usd\":1e6}",
			      "{\"scope\":\"uid:1000\",\"limit_usd\":1e6,\"window\":\"month\"}",
			      "{\"scope\":\"key:3f9a1c2e-wxyz\",\"limit_usd\":1e6,\"mode\":\"monitor\"}"};
	struct tg_ledger *l = open_ledger(dir, full_sync);
	struct tg_budgets *b = tg_budgets_new(l, "UTC", NULL);
	struct tg_budget_def d[5];
	struct tg_limit_def lim;
	struct tg_ledger_stats st;
	pthread_t t[8];
	struct run r[8];
	uint64_t t0, t_enq;
	double cpu0, us_writer;
	cJSON *o;

	for (int i = 0; i < 5; i++) {
		o = cJSON_Parse(defs[i]);
		tg_budget_def_parse(o, &d[i], NULL);
		cJSON_Delete(o);
	}
	o = cJSON_Parse("{\"scope\":\"cgroup:/agents\",\"rpm\":100000000}");
	tg_limit_def_parse(o, &lim, NULL);
	cJSON_Delete(o);
	tg_budgets_set(b, d, 5, &lim, 1, tg_wall_ms(), NULL);
	cpu0 = thread_cpu_s("tg-ledger");
	t0 = tg_now_us();
	for (int i = 0; i < threads; i++) {
		r[i] = (struct run){.b = b, .l = l, .p = p, .calls = calls};
		pthread_create(&t[i], NULL, worker, &r[i]);
	}
	for (int i = 0; i < threads; i++)
		pthread_join(t[i], NULL);
	t_enq = tg_now_us() - t0;
	tg_ledger_flush(l, 60000);
	us_writer = (thread_cpu_s("tg-ledger") - cpu0) * 1e6 / (threads * calls);
	tg_ledger_stats(l, &st);
	printf("| %s | %d | %.1f | %.1f | %.3f |\n", full_sync ? "FULL" : "NORMAL", threads,
	       (double)t_enq * threads / (threads * calls), us_writer, (double)st.batches / (double)st.records);
	tg_budgets_free(b);
	tg_ledger_close(l);
}

/* ---- 2. durability --------------------------------------------------------- */

struct conn {
	struct tg_ledger *l;
	struct tg_loop *loop;
	struct tg_timer upstream;  /* the call's time at the provider */
	int left;
	uint64_t sent_us;
	uint64_t *lat;
	int nlat;
};

static void on_durable(void *arg, bool durable)
{
	struct conn *c = arg;

	(void)durable;
	c->lat[c->nlat++] = tg_now_us() - c->sent_us;
	if (--c->left > 0) {
		/* the connection's next call: admitted, then 1 ms at the provider */
		tg_ledger_inflight(c->l, 1);
		tg_timer_arm(c->loop, &c->upstream, 1);
	} else {
		tg_loop_stop(c->loop);
	}
}

/* The answer is in: the call settles. */
static void settle_now(struct tg_timer *t)
{
	struct conn *c = t->owner;
	struct tg_ledger_row row = {.time_ms = tg_wall_ms(), .trace_id = "0123456789abcdef0123456789abcdef",
				    .cgroup = "/agents/team-a/worker-3", .uid = 1000, .provider = "openai",
				    .model = "gpt-4o-mini", .price_model = "gpt-4o-mini", .operation = "chat",
				    .cost_nusd = 12345, .status = 200};
	struct tg_ledger_notify n = {.loop = c->loop, .fn = on_durable, .arg = c};
	struct tg_ledger_wait *w = NULL;

	tg_ledger_inflight(c->l, -1);
	c->sent_us = tg_now_us();
	if (tg_ledger_settle(c->l, 0, &row, &n, &w, NULL) == 0 && !w)
		on_durable(c, true); /* in the journal: durable already */
}

static void start_conn(void *arg)
{
	struct conn *c = arg;

	tg_ledger_inflight(c->l, 1);
	tg_timer_arm(c->loop, &c->upstream, 1);
}

static void *conn_main(void *arg)
{
	struct conn *c = arg;

	tg_loop_post(c->loop, start_conn, c);
	tg_loop_run(c->loop);
	return NULL;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void durability(const char *dir, bool full_sync, int nconn, int calls)
{
	struct tg_ledger *l = open_ledger(dir, full_sync);
	struct conn *c = calloc((size_t)nconn, sizeof(*c));
	pthread_t *t = calloc((size_t)nconn, sizeof(*t));
	uint64_t *all = calloc((size_t)(nconn * calls), sizeof(*all));
	struct tg_ledger_stats st;
	uint64_t t0, el;
	double cpu0, cpu;
	int n = 0;

	for (int i = 0; i < nconn; i++) {
		c[i] = (struct conn){.l = l, .loop = tg_loop_new(), .left = calls};
		c[i].upstream.fn = settle_now;
		c[i].upstream.owner = &c[i];
		c[i].lat = calloc((size_t)calls, sizeof(uint64_t));
	}
	cpu0 = thread_cpu_s("tg-ledger");
	t0 = tg_now_us();
	for (int i = 0; i < nconn; i++)
		pthread_create(&t[i], NULL, conn_main, &c[i]);
	for (int i = 0; i < nconn; i++)
		pthread_join(t[i], NULL);
	el = tg_now_us() - t0;
	cpu = thread_cpu_s("tg-ledger") - cpu0;
	tg_ledger_stats(l, &st);
	for (int i = 0; i < nconn; i++) {
		memcpy(all + n, c[i].lat, (size_t)c[i].nlat * sizeof(uint64_t));
		n += c[i].nlat;
		tg_loop_free(c[i].loop);
		free(c[i].lat);
	}
	qsort(all, (size_t)n, sizeof(*all), cmp_u64);
	printf("| %s | %d | %.0f | %llu | %llu | %.3f | %.1f |\n", full_sync ? "FULL" : "NORMAL", nconn,
	       (double)n * 1e6 / (double)el, (unsigned long long)all[n / 2], (unsigned long long)all[n * 99 / 100],
	       (double)st.batches / (double)st.records, cpu * 1e6 / n);
	tg_ledger_close(l);
	free(all);
	free(t);
	free(c);
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
	printf("### 1. The worker's cost per call\n\n");
	printf("| ledger sync | threads | worker µs per call | ledger writer CPU µs per call | commits per record |\n"
	       "|---|---|---:|---:|---:|\n");
	for (int full = 0; full < 2; full++)
		for (int threads = 1; threads <= 2; threads++)
			worker_cost(dir, full, threads, (full ? 2000 : 20000) / threads, &p);
	printf("\n### 2. Durability: each connection waits for its settlement to be durable\n\n");
	printf("| ledger sync | connections | durable calls/s | settle→durable p50 µs | p99 µs | commits per call |"
	       " ledger writer CPU µs per call |\n|---|---|---:|---:|---:|---:|---:|\n");
	for (int full = 0; full < 2; full++) {
		int conns[] = {1, 8, 64};

		for (size_t i = 0; i < 3; i++)
			durability(dir, full, conns[i], (full ? 1500 : 4000) / (conns[i] > 8 ? 8 : conns[i]));
	}
	{
		/* the part of the work that is neither the ledger nor the budgets */
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
		printf("\nRequest parse + price lookup + 12-event stream usage alone (no ledger, no budgets): %.1f µs per call.\n",
		       (double)(tg_now_us() - t0) / n);
	}
	tg_prices_free(&p);
	return 0;
}
