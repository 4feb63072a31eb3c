/*
 * store.c - what the trace store's writer (userspace/store.c) spends per
 * span as the store grows, with the ids tollgate makes (they begin with the
 * time: trace.h) and with wholly random ids (as agents' own trace ids are,
 * and as tollgate's were before).
 *
 *   make bench-store            (builds $(BUILD)/bench/store, runs it and
 *                                writes bench/RESULTS-store.md)
 *   $(BUILD)/bench/store [--rows N]
 *
 * For each kind of id, a fresh store in a temporary directory is filled
 * with N spans (default 2,000,000) through its public API, in batches of
 * 10,000 (the writer's batch; the throughput bench fills about 17,000 a
 * second), the clock advancing as if 17,000 calls arrived per second. The
 * writer's CPU time is the process's minus this thread's (which only makes
 * rows and waits), read after each batch is committed; the table gives the
 * mean per span over each stretch of the fill. Nothing is timed against a
 * threshold: it prints what it measured.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/rand.h>

#include "span.h"
#include "store.h"
#include "trace.h"

#define BATCH 10000
#define CALLS_PER_S 17000
#define STRETCHES 8

static double cpu_s(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct tg_span_row *make_row(uint64_t wall_ms, int time_ordered)
{
	struct tg_span_row *r = calloc(1, sizeof(*r));
	unsigned char rnd[16 + 8];

	if (!r)
		return NULL;
	RAND_bytes(rnd, sizeof(rnd));
	if (time_ordered) {
		tg_trace_new_trace_id(r->trace_id, wall_ms, rnd);
		tg_trace_new_span_id(r->span_id, wall_ms, rnd + TG_TRACE_ID_RANDOM);
	} else {
		for (int i = 0; i < 16; i++)
			snprintf(r->trace_id + 2 * i, 3, "%02x", rnd[i]);
		for (int i = 0; i < 8; i++)
			snprintf(r->span_id + 2 * i, 3, "%02x", rnd[16 + i]);
	}
	r->start_ms = (int64_t)wall_ms;
	r->duration_ms = 0.187;
	snprintf(r->cgroup, sizeof(r->cgroup), "/tollgate-bench.4242");
	r->pid = 4242;
	snprintf(r->comm, sizeof(r->comm), "wrk");
	snprintf(r->key_fp, sizeof(r->key_fp), "3f1c9a2e-xV9q");
	snprintf(r->provider, sizeof(r->provider), "openai");
	snprintf(r->host, sizeof(r->host), "api.openai.com");
	snprintf(r->method, sizeof(r->method), "POST");
	snprintf(r->path, sizeof(r->path), "/v1/chat/completions");
	snprintf(r->operation, sizeof(r->operation), "chat");
	snprintf(r->model, sizeof(r->model), "gpt-4o-mini");
	snprintf(r->response_model, sizeof(r->response_model), "gpt-4o-mini-2024-07-18");
	r->status = 200;
	snprintf(r->outcome, sizeof(r->outcome), "ok");
	r->input_tokens = 14;
	r->output_tokens = 9;
	r->cost_usd = 0.0000075;
	snprintf(r->redactions, sizeof(r->redactions), "{}");
	snprintf(r->genai_provider, sizeof(r->genai_provider), "openai");
	r->has_origin = r->usage_known = true;
	snprintf(r->finish_reasons, sizeof(r->finish_reasons), "stop");
	r->port = 443;
	r->upstream_reused = true;
	return r;
}

/* Fill a fresh store; per-span writer CPU (µs) of each stretch into us[]. 0 or -1. */
static int fill(long rows, int time_ordered, double us[STRETCHES])
{
	char dir[] = "/tmp/tollgate-bench-store.XXXXXX";
	struct tg_store *s;
	struct tg_store_stats st;
	uint64_t wall_ms = 1764201600000ULL;
	double writer0 = 0, done_rows = 0;
	long stretch = rows / STRETCHES, put = 0;
	int k = 0, rc = 0;
	tg_err err;
	char cmd[128];

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return -1;
	}
	writer0 = cpu_s(CLOCK_PROCESS_CPUTIME_ID) - cpu_s(CLOCK_THREAD_CPUTIME_ID);
	s = tg_store_open(dir, 0, &err);
	if (!s) {
		fprintf(stderr, "store: %s\n", err.msg);
		rc = -1;
		goto out;
	}
	while (put < rows && rc == 0) {
		for (int i = 0; i < BATCH && put < rows; i++, put++) {
			struct tg_span_row *r = make_row(wall_ms + (uint64_t)put * 1000 / CALLS_PER_S, time_ordered);

			if (!r) {
				rc = -1;
				break;
			}
			tg_store_put_span(s, r);
		}
		/* wait for the writer to commit it */
		for (int tries = 0;; tries++) {
			tg_store_stats(s, &st);
			if (st.spans_written + st.dropped >= (uint64_t)put)
				break;
			if (tries > 600000) {
				fprintf(stderr, "store: the writer did not keep up\n");
				rc = -1;
				break;
			}
			usleep(100);
		}
		if (st.dropped) {
			fprintf(stderr, "store: %llu spans dropped\n", (unsigned long long)st.dropped);
			rc = -1;
		}
		if (put >= (long)(k + 1) * stretch && k < STRETCHES) {
			double writer = cpu_s(CLOCK_PROCESS_CPUTIME_ID) - cpu_s(CLOCK_THREAD_CPUTIME_ID);

			us[k] = (writer - writer0) * 1e6 / ((double)put - done_rows);
			writer0 = writer;
			done_rows = (double)put;
			k++;
		}
	}
	tg_store_close(s);
out:
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return rc;
}

int main(int argc, char **argv)
{
	long rows = 2000000;
	double ordered[STRETCHES], random_ids[STRETCHES];

	if (argc == 3 && strcmp(argv[1], "--rows") == 0)
		rows = atol(argv[2]);
	else if (argc != 1) {
		fprintf(stderr, "usage: %s [--rows N]\n", argv[0]);
		return 2;
	}
	if (rows < STRETCHES * BATCH) {
		fprintf(stderr, "--rows: at least %d\n", STRETCHES * BATCH);
		return 2;
	}
	if (fill(rows, 1, ordered) || fill(rows, 0, random_ids))
		return 1;
	{
		time_t now = time(NULL);
		char when[32];

		strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", gmtime(&now));
		printf("# Trace store: the writer's CPU per span\n\n"
		       "Generated by `make bench-store` (bench/store.c) on %s, %ld CPUs: a fresh store filled "
		       "with %ld spans per kind of id, in batches of %d, the clock advancing by %d spans a "
		       "second.\n\n",
		       when, sysconf(_SC_NPROCESSORS_ONLN), rows, BATCH, CALLS_PER_S);
	}
	printf("| spans in the store | tollgate's ids (time first) | random ids |\n|---|---|---|\n");
	for (int k = 0; k < STRETCHES; k++)
		printf("| %.2f to %.2f million | %.1f µs | %.1f µs |\n", (double)k * (double)(rows / STRETCHES) / 1e6,
		       (double)(k + 1) * (double)(rows / STRETCHES) / 1e6, ordered[k], random_ids[k]);
	return 0;
}
