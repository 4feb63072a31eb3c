/*
 * test_metrics.c - the metrics series table and exposition: counters by
 * label set, spend summed from call->cost_usd, tokens by type, blocks,
 * redactions, histograms (cumulative buckets, +Inf = count), label value
 * escaping, the summary for `tollgate top`, and concurrent counting.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "metrics.h"

static struct tg_provider openai = {.name = "openai", .shape = TG_API_OPENAI};

static void make_call(struct tg_call *c, struct tg_origin *o, const char *cgroup, const char *key, double cost)
{
	memset(c, 0, sizeof(*c));
	memset(o, 0, sizeof(*o));
	o->uid = 1000;
	c->origin = o;
	c->provider = &openai;
	c->cgroup_path = cgroup;
	strcpy(c->key_fp, key);
	strcpy(c->model, "gpt-4o-mini");
	c->usage.input_tokens = 10;
	c->usage.output_tokens = 5;
	c->cost_usd = cost;
	c->status = 200;
	c->start_us = 1000;
	c->upstream_sent_us = 3000;   /* 2 ms added */
	c->first_byte_us = 53000;     /* 50 ms ttfb */
	c->end_us = 1003000;          /* 1 s upstream */
}

struct worker_arg {
	struct tg_metrics *m;
	int n;
};

static void *count_many(void *arg)
{
	struct worker_arg *w = arg;
	struct tg_call c;
	struct tg_origin o;

	make_call(&c, &o, "/agents/load", "aaaaaaaa-0001", 0.001);
	for (int i = 0; i < w->n; i++)
		tg_metrics_count_call(w->m, &c);
	return NULL;
}

static double value_of(const char *text, const char *line_prefix)
{
	const char *p = strstr(text, line_prefix);

	return p ? strtod(p + strlen(line_prefix), NULL) : -1;
}

int main(void)
{
	struct tg_metrics *m;
	struct tg_call c;
	struct tg_origin o;
	char *text;
	cJSON *s;
	tg_err err;
	pthread_t t[4];
	struct worker_arg wa;

	m = tg_metrics_new(NULL, &err);
	CHECK(m != NULL, "metrics without a daemon");
	make_call(&c, &o, "/agents/a", "3f9a1c2e-wxyz", 0.25);
	tg_metrics_count_call(m, &c);
	make_call(&c, &o, "/agents/a", "3f9a1c2e-wxyz", 0.125);
	tg_metrics_count_call(m, &c);
	make_call(&c, &o, "/agents/\"odd\"\\name\n", "", 0);
	c.status = 402;
	c.outcome = TG_OUTCOME_REFUSED;
	c.reply_status = 402;
	c.reply_type = "budget_exceeded";
	c.upstream_sent_us = 0;
	strcpy(c.redactions[0].type, "email");
	c.redactions[0].count = 3;
	c.nredactions = 1;
	tg_metrics_count_call(m, &c);
	text = tg_metrics_render(m);

	CHECK(strstr(text, "# TYPE tollgate_requests_total counter\n") != NULL, "requests: TYPE counter");
	CHECK(value_of(text, "tollgate_requests_total{cgroup=\"/agents/a\",uid=\"1000\",key_fp=\"3f9a1c2e-wxyz\","
			     "provider=\"openai\",model=\"gpt-4o-mini\",outcome=\"ok\",code=\"200\"} ") == 2,
	      "two ok requests in one series");
	CHECK(value_of(text, "tollgate_spend_usd_total{cgroup=\"/agents/a\",uid=\"1000\",key_fp=\"3f9a1c2e-wxyz\","
			     "provider=\"openai\",model=\"gpt-4o-mini\"} ") == 0.375,
	      "spend: the sum of cost_usd");
	CHECK(value_of(text, "tollgate_tokens_total{cgroup=\"/agents/a\",uid=\"1000\",key_fp=\"3f9a1c2e-wxyz\","
			     "provider=\"openai\",model=\"gpt-4o-mini\",type=\"input\"} ") == 20,
	      "input tokens");
	CHECK(strstr(text, "cgroup=\"/agents/\\\"odd\\\"\\\\name\\n\"") != NULL, "label values escaped");
	CHECK(value_of(text, "tollgate_blocks_total{cgroup=\"/agents/\\\"odd\\\"\\\\name\\n\",reason=\"budget_exceeded\","
			     "code=\"402\"} ") == 1,
	      "a block by reason");
	CHECK(value_of(text, "tollgate_redactions_total{cgroup=\"/agents/\\\"odd\\\"\\\\name\\n\",entity_type=\"email\"} ") == 3,
	      "redactions by entity type");
	CHECK(strstr(text, "# TYPE tollgate_upstream_ttfb_seconds histogram\n") != NULL, "ttfb: a histogram");
	CHECK(value_of(text, "tollgate_upstream_ttfb_seconds_bucket{provider=\"openai\",le=\"0.025\"} ") == 0,
	      "ttfb 50 ms: not under 25 ms");
	CHECK(value_of(text, "tollgate_upstream_ttfb_seconds_bucket{provider=\"openai\",le=\"0.05\"} ") == 2,
	      "ttfb 50 ms: in the 50 ms bucket");
	CHECK(value_of(text, "tollgate_upstream_ttfb_seconds_bucket{provider=\"openai\",le=\"0.1\"} ") == 2 &&
	      value_of(text, "tollgate_upstream_ttfb_seconds_bucket{provider=\"openai\",le=\"120\"} ") == 2,
	      "and in every bucket above it (cumulative)");
	CHECK(value_of(text, "tollgate_upstream_ttfb_seconds_bucket{provider=\"openai\",le=\"+Inf\"} ") == 2,
	      "+Inf bucket: every observation (the refused call never went upstream)");
	CHECK(value_of(text, "tollgate_upstream_ttfb_seconds_count{provider=\"openai\"} ") == 2, "_count");
	CHECK(value_of(text, "tollgate_added_latency_seconds_sum{provider=\"openai\"} ") == 0.004, "added latency sum");
	CHECK(value_of(text, "tollgate_upstream_latency_seconds_bucket{provider=\"openai\",le=\"1\"} ") == 2,
	      "upstream 1 s in the le=1 bucket");
	CHECK(text[strlen(text) - 1] == '\n', "ends with a newline");
	free(text);

	s = tg_metrics_summary(m);
	CHECK(cJSON_GetNumberValue(cJSON_GetObjectItem(s, "requests")) == 3, "summary: three requests");
	CHECK(cJSON_GetNumberValue(cJSON_GetObjectItem(s, "spend_usd")) == 0.375, "summary: spend");
	CHECK(cJSON_GetNumberValue(cJSON_GetObjectItem(
		      cJSON_GetObjectItem(cJSON_GetObjectItem(s, "by_cgroup"), "/agents/a"), "tokens")) == 30,
	      "summary: tokens by cgroup");
	CHECK(cJSON_GetNumberValue(cJSON_GetObjectItem(
		      cJSON_GetObjectItem(cJSON_GetObjectItem(s, "by_key"), "3f9a1c2e-wxyz"), "requests")) == 2,
	      "summary: requests by key");
	CHECK(cJSON_GetObjectItem(cJSON_GetObjectItem(s, "by_key"), "(none)") != NULL, "summary: calls without a key");
	cJSON_Delete(s);

	make_call(&c, &o, NULL, "", 0); /* empty label values keep their places */
	tg_metrics_count_call(m, &c);
	text = tg_metrics_render(m);
	CHECK(value_of(text, "tollgate_tokens_total{cgroup=\"\",uid=\"1000\",key_fp=\"\","
			     "provider=\"openai\",model=\"gpt-4o-mini\",type=\"output\"} ") == 5,
	      "empty cgroup and key: every label in its place");
	free(text);

	wa.m = m;
	wa.n = 20000;
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, count_many, &wa);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	text = tg_metrics_render(m);
	CHECK(value_of(text, "tollgate_requests_total{cgroup=\"/agents/load\",uid=\"1000\",key_fp=\"aaaaaaaa-0001\","
			     "provider=\"openai\",model=\"gpt-4o-mini\",outcome=\"ok\",code=\"200\"} ") == 80000,
	      "four threads x 20000 calls: no count lost");
	{
		double spend = value_of(text, "tollgate_spend_usd_total{cgroup=\"/agents/load\",uid=\"1000\","
					      "key_fp=\"aaaaaaaa-0001\",provider=\"openai\",model=\"gpt-4o-mini\"} ");

		CHECK(spend > 79.9999 && spend < 80.0001, "concurrent spend adds up (%.9f)", spend);
	}
	free(text);
	tg_metrics_free(m);
	CHECK_DONE();
}
