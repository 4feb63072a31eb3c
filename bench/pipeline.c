/*
 * pipeline.c - what tollgate's own work costs per call on a proxy worker,
 * without the network and TLS: the request head parsed and copied into
 * the call as the proxy does it, the trace ids and the key fingerprint,
 * then the daemon's pipeline as it runs in production (redact, meter,
 * trace, metrics, request log, added by the daemon's own
 * tg_daemon_add_stages, with the shipped policies) over the throughput
 * bench's call: its request (bench/run.sh's REQ_BODY, wrk's headers) and
 * nginx's canned chat completion as the answer.
 *
 *   make bench-pipeline                  (builds $(BUILD)/bench/pipeline, runs it
 *                                         and writes bench/RESULTS-pipeline.md)
 *   $(BUILD)/bench/pipeline [--calls N] [--rounds R]
 *
 * It prints (as markdown), per call, this thread's CPU time in each step
 * (the mean of R rounds of N calls; the best round too, as the least
 * disturbed), and the CPU the trace store's and the ledger's writer
 * threads spent (the process's CPU minus this thread's, after both have
 * caught up). A tool for finding where a call's time goes and for
 * comparing builds; nothing is timed against a threshold. For exact
 * counts, run it under callgrind with collection on inside the per-call
 * functions:
 *   valgrind --tool=callgrind --toggle-collect=tg_pipeline_request \
 *     --toggle-collect=tg_pipeline_response_head --toggle-collect=tg_pipeline_response_data \
 *     --toggle-collect=tg_pipeline_complete --toggle-collect=tg_http_parse_request \
 *     --toggle-collect=tg_http_parse_response --toggle-collect=tg_request_key_fp \
 *     build/bench/pipeline --calls 2000 --rounds 1
 * (instructions per call: the total over 4000, the warm-up round included).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "audit.h"
#include "daemon.h"
#include "events.h"
#include "http1.h"
#include "identity.h"
#include "meter.h"
#include "metrics.h"
#include "pipeline.h"
#include "providers.h"
#include "redact.h"
#include "reqlog.h"
#include "store.h"
#include "trace.h"

static const char req_head[] =
	"POST /v1/chat/completions HTTP/1.1\r\n"
	"Host: api.openai.com\r\n"
	"Content-Length: 110\r\n"
	"Content-Type: application/json\r\n"
	"Authorization: Bearer sk-bench-0000\r\n"
	"\r\n";
static const char req_body[] =
	"{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello in one short "
	"sentence.\"}],\"max_tokens\":16}";
static const char res_head[] =
	"HTTP/1.1 200 OK\r\n"
	"Server: nginx\r\n"
	"Date: Fri, 27 Nov 2026 21:00:00 GMT\r\n"
	"Content-Type: application/json\r\n"
	"Content-Length: 371\r\n"
	"Connection: keep-alive\r\n"
	"\r\n";
static const char res_body[] =
	"{\"id\":\"chatcmpl-bench000000000000000000001\",\"object\":\"chat.completion\",\"created\":1700000000,"
	"\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
	"\"content\":\"Hello! How can I help you today?\",\"refusal\":null},\"logprobs\":null,"
	"\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":14,\"completion_tokens\":9,"
	"\"total_tokens\":23},\"system_fingerprint\":\"fp_bench0001\"}";

enum { S_HEAD, S_REQUEST, S_RESPONSE_HEAD, S_RESPONSE_DATA, S_COMPLETE, NSTEPS };
static const char *const step_names[NSTEPS] = {
	"request head: parse, copy, trace ids, key fingerprint",
	"request stages (redact, meter: price, budgets, reserve)",
	"response head stages",
	"response body stages (redact, meter: usage, settle)",
	"call end (trace span row, metrics, request log line)",
};

struct world {
	struct tg_registry reg;
	struct tg_events *events;
	struct tg_audit *audit;
	struct tg_store *store;
	struct tg_trace *trace;
	struct tg_metrics *metrics;
	struct tg_meter *meter;
	struct tg_redact *redact;
	struct tg_reqlog *reqlog;
	struct tg_pipeline pipeline;
	const struct tg_provider *provider;
	EVP_MD *sha256;
	struct tg_origin origin;
};

static double now_s(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int open_world(struct world *w, const char *dir, tg_err *err)
{
	char path[4200];

	if (tg_registry_load("policies/providers.json", &w->reg, err))
		return -1;
	w->provider = tg_registry_find(&w->reg, "openai");
	snprintf(path, sizeof(path), "%s/requests.log", dir);
	if (!w->provider || !(w->reqlog = tg_reqlog_open(path, err)) || !(w->events = tg_events_open(dir, err)) ||
	    !(w->audit = tg_audit_open(dir, err)) || !(w->store = tg_store_open(dir, 30, err)))
		return -1;
	tg_events_set_store(w->events, w->store);
	if (!(w->trace = tg_trace_new(w->store, w->events, err)) || !(w->metrics = tg_metrics_new(NULL, err)))
		return -1;
	struct tg_meter_opts mo = {
		.state_dir = dir, .prices_file = "", .providers_file = "policies/providers.json",
		.budgets_file = "", .reg = &w->reg, .events = w->events, .audit = w->audit,
	};
	if (!(w->meter = tg_meter_open(&mo, err)) ||
	    !(w->redact = tg_redact_open("", true, w->events, w->audit, err)))
		return -1;
	if (!(w->sha256 = EVP_MD_fetch(NULL, "SHA256", NULL)))
		return tg_errf(err, "OpenSSL has no SHA-256");
	tg_daemon_add_stages(&w->pipeline, w->redact, w->meter, w->trace, w->metrics, w->reqlog);
	w->origin.family = 2;
	w->origin.tgid = w->origin.pid = 4242;
	w->origin.uid = 1000;
	memcpy(w->origin.comm, "agent", 6);
	return 0;
}

static void close_world(struct world *w)
{
	tg_redact_close(w->redact);
	tg_meter_close(w->meter);
	tg_metrics_free(w->metrics);
	tg_trace_free(w->trace);
	tg_store_close(w->store);
	tg_audit_close(w->audit);
	tg_events_close(w->events);
	tg_reqlog_close(w->reqlog);
	EVP_MD_free(w->sha256);
	tg_registry_free(&w->reg);
}

/* One call, as conn.c makes it (each head parsed once, then rebased onto
 * the call's copy); adds each step's thread CPU time to t[]. */
static int one_call(struct world *w, double t[NSTEPS])
{
	struct tg_http_msg scratch;
	struct tg_call *call;
	struct tg_buf out = {0};
	double t0, t1;
	int status, rc = -1;
	const char *why;
	unsigned char rnd[TG_TRACE_ID_RANDOM + TG_SPAN_ID_RANDOM] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

	t0 = now_s(CLOCK_THREAD_CPUTIME_ID);
	if (tg_http_parse_request(req_head, sizeof(req_head) - 1, 16384, &scratch, &status, &why) <= 0 ||
	    !(call = calloc(1, sizeof(*call))))
		return -1;
	call->origin = &w->origin;
	call->cgroup_path = "/agents/bench";
	call->provider = w->provider;
	call->host = "api.openai.com";
	call->start_wall_ms = tg_wall_ms();
	call->start_us = tg_now_us();
	if (tg_buf_append(&call->req_head, req_head, sizeof(req_head) - 1) ||
	    tg_buf_append(&call->req_body, req_body, sizeof(req_body) - 1))
		goto out;
	call->req = scratch;
	tg_http_msg_rebase(&call->req, req_head, tg_buf_start(&call->req_head));
	tg_trace_new_span_id(call->span_id, call->start_wall_ms, rnd + TG_TRACE_ID_RANDOM);
	tg_trace_new_trace_id(call->trace_id, call->start_wall_ms, rnd);
	tg_request_key_fp(w->sha256, &call->req, call->key_fp, sizeof(call->key_fp));
	call->bytes_from_client = sizeof(req_head) - 1 + sizeof(req_body) - 1;
	t1 = now_s(CLOCK_THREAD_CPUTIME_ID);
	t[S_HEAD] += t1 - t0;

	if (tg_pipeline_request(&w->pipeline, call) != TG_STAGE_CONTINUE)
		goto out;
	call->upstream_sent_us = tg_now_us();
	t0 = now_s(CLOCK_THREAD_CPUTIME_ID);
	t[S_REQUEST] += t0 - t1;

	if (tg_http_parse_response(res_head, sizeof(res_head) - 1, 16384, "POST", 4, &call->res, &status, &why) <= 0 ||
	    tg_buf_append(&call->res_head, res_head, sizeof(res_head) - 1))
		goto out;
	tg_http_msg_rebase(&call->res, res_head, tg_buf_start(&call->res_head));
	call->status = call->res.status;
	call->first_byte_us = tg_now_us();
	tg_pipeline_response_head(&w->pipeline, call);
	t1 = now_s(CLOCK_THREAD_CPUTIME_ID);
	t[S_RESPONSE_HEAD] += t1 - t0;

	if (tg_pipeline_response_data(&w->pipeline, call, res_body, sizeof(res_body) - 1, true, &out) ||
	    tg_buf_used(&out) != sizeof(res_body) - 1 || call->holding)
		goto out;
	t0 = now_s(CLOCK_THREAD_CPUTIME_ID);
	t[S_RESPONSE_DATA] += t0 - t1;

	call->end_us = tg_now_us();
	call->bytes_to_client = sizeof(res_head) - 1 + sizeof(res_body) - 1;
	call->outcome = TG_OUTCOME_OK;
	tg_pipeline_complete(&w->pipeline, call);
	t[S_COMPLETE] += now_s(CLOCK_THREAD_CPUTIME_ID) - t0;
	rc = call->usage.output_tokens == 9 && call->cost_usd > 0 ? 0 : -1;
out:
	tg_buf_free(&out);
	tg_buf_free(&call->req_head);
	tg_buf_free(&call->req_body);
	tg_buf_free(&call->res_head);
	free(call);
	return rc;
}

/* Wait (up to 10 s) for the trace store's queue to empty. */
static void drain(struct world *w)
{
	struct tg_store_stats st;

	for (int i = 0; i < 1000; i++) {
		tg_store_stats(w->store, &st);
		if (!st.queued)
			break;
		usleep(10000);
	}
}

int main(int argc, char **argv)
{
	char dir[] = "/tmp/tollgate-bench-pipeline.XXXXXX", cmd[128];
	long calls = 20000, rounds = 5;
	double best[NSTEPS + 2] = {0}, sum[NSTEPS + 2] = {0}, best_total = 1e30;
	struct world w = {0};
	struct tg_store_stats st;
	tg_err err;
	int rc = 1;

	for (int i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--calls") == 0)
			calls = atol(argv[i + 1]);
		else if (strcmp(argv[i], "--rounds") == 0)
			rounds = atol(argv[i + 1]);
	}
	if (calls < 1 || rounds < 1) {
		fprintf(stderr, "usage: %s [--calls N] [--rounds R]\n", argv[0]);
		return 2;
	}
	tg_log_set_level(TG_LOG_WARN);
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	if (open_world(&w, dir, &err)) {
		fprintf(stderr, "pipeline: %s\n", err.msg);
		goto out;
	}
	for (long r = -1; r < rounds; r++) { /* round -1 warms up */
		double t[NSTEPS + 2] = {0}, total = 0, p0, m0;

		drain(&w);
		p0 = now_s(CLOCK_PROCESS_CPUTIME_ID);
		m0 = now_s(CLOCK_THREAD_CPUTIME_ID);
		for (long i = 0; i < calls; i++) {
			if (one_call(&w, t)) {
				fprintf(stderr, "pipeline: call %ld did not go through the stages as expected\n", i);
				goto out;
			}
		}
		t[NSTEPS] = now_s(CLOCK_THREAD_CPUTIME_ID) - m0;
		drain(&w);
		/* the writers' CPU: the process's minus this thread's */
		t[NSTEPS + 1] = now_s(CLOCK_PROCESS_CPUTIME_ID) - p0 - (now_s(CLOCK_THREAD_CPUTIME_ID) - m0);
		if (r < 0)
			continue;
		for (int s = 0; s < NSTEPS + 2; s++)
			sum[s] += t[s];
		total = t[NSTEPS] + t[NSTEPS + 1];
		if (total < best_total) {
			best_total = total;
			memcpy(best, t, sizeof(best));
		}
	}
	tg_store_stats(w.store, &st);
	{
		time_t now = time(NULL);
		char when[32];

		strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", gmtime(&now));
		printf("# Pipeline: tollgate's own work per call\n\n"
		       "Generated by `make bench-pipeline` (bench/pipeline.c) on %s, %ld CPUs: %ld calls in each "
		       "of %ld rounds (after one unmeasured), the throughput bench's small chat completion through "
		       "the daemon's stages, without the network and TLS. CPU time per call; the clock reads "
		       "around each step are included. The writer threads run beside the worker thread, as in "
		       "the daemon. On a shared VM whole runs differ by 10-20%%: compare builds in alternating "
		       "runs, or by instruction counts under callgrind (the file's comment says how).\n\n",
		       when, sysconf(_SC_NPROCESSORS_ONLN), calls, rounds);
	}
	printf("| step | µs per call, mean of the rounds | best round |\n|---|---:|---:|\n");
	for (int s = 0; s < NSTEPS; s++)
		printf("| %s | %.2f | %.2f |\n", step_names[s], sum[s] / (double)(calls * rounds) * 1e6,
		       best[s] / (double)calls * 1e6);
	printf("| **worker thread, all of it** | %.2f | %.2f |\n", sum[NSTEPS] / (double)(calls * rounds) * 1e6,
	       best[NSTEPS] / (double)calls * 1e6);
	printf("| writer threads (trace store, spend ledger) | %.2f | %.2f |\n",
	       sum[NSTEPS + 1] / (double)(calls * rounds) * 1e6, best[NSTEPS + 1] / (double)calls * 1e6);
	printf("\nSpans written: %llu; dropped: %llu.\n", (unsigned long long)st.spans_written,
	       (unsigned long long)st.dropped);
	rc = st.dropped ? 1 : 0;
out:
	close_world(&w);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "pipeline: could not remove %s\n", dir);
	return rc;
}
