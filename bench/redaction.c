/*
 * redaction.c - accuracy and speed of tollgate's redaction engine, written
 * to bench/RESULTS-redaction.md (`make bench-redaction`).
 *
 * Accuracy: precision and recall per entity type on Presidio's 1,500
 * labelled synthetic sentences (../shared/corpora/presidio-synth-pii), recall
 * on Nosey Parker's 430 secret examples and false positives on its 143
 * negatives, and false positives on our own hard negatives (UUIDs, hashes,
 * order numbers, timestamps, versions, Luhn-failing 16-digit numbers,
 * base64 blobs, code). Every corpus is scored three ways - as plain text,
 * as the content of a JSON chat request through the JSON rewriter, and as
 * an SSE chat stream through the SSE rewriter, split into two deltas at
 * every byte and into one-byte deltas - and the three must agree exactly.
 *
 * Speed (one core): scan and rewrite throughput on clean and on PII-dense
 * chat payloads, bare text vs the JSON decode-scan-rewrite path, CPU per
 * streamed event, state per open stream, and the CPU a call's request
 * redaction adds.
 *
 *   build/bench/redaction [CORPORA_DIR] [OUT.md]
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "jsonfile.h"
#include "jsonrw.h"
#include "redact.h"
#include "redact_sse.h"
#include "sse.h"

#define MAXT 16

static struct tg_redact *R;          /* every entity redacted: the scoring policy */
static struct tg_redact *RD;         /* the shipped defaults: the speed runs */
static const struct tg_detectors *D;
static const struct tg_redact_who WHO = {.cgroup = "/bench", .uid = 1000, .key_fp = ""};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- the three ways to run a text ---------------------------------------- */

/* Plain: the text as one string. */
static char *run_plain(const char *t)
{
	struct tg_redactor *x = tg_redactor_new(R, &WHO);
	struct tg_buf out = {0};
	tg_err err = {{0}};

	tg_redactor_text(x, TG_DIR_REQUEST, t, strlen(t), &out, &err);
	tg_buf_append(&out, "", 1);
	tg_redactor_free(x);
	return tg_buf_start(&out);
}

/* JSON: the text as a chat message, through the JSON rewriter; the content read back. */
static char *run_json(const char *t)
{
	struct tg_redactor *x = tg_redactor_new(R, &WHO);
	struct tg_buf body = {0}, out = {0};
	tg_err err = {{0}};
	cJSON *j;
	char *res;

	tg_buf_printf(&body, "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"");
	tg_json_escape(t, strlen(t), &body);
	tg_buf_printf(&body, "\"}]}");
	tg_redactor_json(x, TG_DIR_REQUEST, tg_buf_start(&body), tg_buf_used(&body), &out, &err);
	tg_buf_append(&out, "", 1);
	j = cJSON_Parse(tg_buf_start(&out));
	res = strdup(j ? cJSON_GetArrayItem(cJSON_GetObjectItem(j, "messages"), 0)->child->next->valuestring : "");
	cJSON_Delete(j);
	tg_buf_free(&body);
	tg_buf_free(&out);
	tg_redactor_free(x);
	return res;
}

struct reader {
	struct tg_buf text;
};

static int read_delta(void *arg, const struct tg_sse_event *ev)
{
	struct reader *r = arg;
	cJSON *j, *c;

	if (!ev->has_data || strcmp(ev->data, "[DONE]") == 0)
		return 0;
	j = cJSON_Parse(ev->data);
	c = j ? cJSON_GetArrayItem(cJSON_GetObjectItem(j, "choices"), 0) : NULL;
	c = c ? cJSON_GetObjectItem(cJSON_GetObjectItem(c, "delta"), "content") : NULL;
	if (cJSON_IsString(c))
		tg_buf_append(&r->text, c->valuestring, strlen(c->valuestring));
	cJSON_Delete(j);
	return 0;
}

static void put_chunk(struct tg_buf *b, const char *d, size_t n)
{
	tg_buf_printf(b, "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
		      "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"");
	tg_json_escape(d, n, b);
	tg_buf_printf(b, "\"},\"finish_reason\":null}]}\n\n");
}

/* SSE: the text as a streamed reply cut at cut (0: one delta per character), read back as the SDK would. */
static char *run_sse(const char *t, size_t cut, struct tg_redact *mod, size_t *events, size_t *max_state)
{
	struct tg_redactor *x = tg_redactor_new(mod, &WHO);
	struct tg_redact_sse *s = tg_redact_sse_new(x, TG_API_OPENAI, "00000000000000000000000000000000");
	struct tg_buf in = {0}, out = {0};
	struct reader rd = {{0}};
	struct tg_sse split;
	size_t n = strlen(t), ev = 0;

	if (cut == 0) {
		for (size_t i = 0; i < n;) {
			size_t j = i + 1;

			while (j < n && ((unsigned char)t[j] & 0xC0) == 0x80)
				j++;
			put_chunk(&in, t + i, j - i);
			i = j;
		}
	} else {
		put_chunk(&in, t, cut);
		put_chunk(&in, t + cut, n - cut);
	}
	tg_buf_printf(&in, "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
		      "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
		      "data: [DONE]\n\n");
	/* one read per event, as providers flush them */
	for (size_t i = 0; i < tg_buf_used(&in);) {
		const char *p = tg_buf_start(&in) + i, *e = memmem(p, tg_buf_used(&in) - i, "\n\n", 2);
		size_t k = e ? (size_t)(e - p) + 2 : tg_buf_used(&in) - i;

		tg_redact_sse_feed(s, p, k, false, &out);
		ev++;
		if (max_state) {
			size_t st = tg_redact_sse_bytes(s) - tg_redact_sse_splitter_bytes(s) + tg_redactor_bytes(x);

			if (st > *max_state)
				*max_state = st;
		}
		i += k;
	}
	tg_redact_sse_feed(s, NULL, 0, true, &out);
	if (events)
		*events += ev;
	tg_sse_init(&split, 0);
	tg_sse_feed(&split, tg_buf_start(&out), tg_buf_used(&out), read_delta, &rd);
	tg_sse_finish(&split, read_delta, &rd);
	tg_sse_free(&split);
	tg_buf_append(&rd.text, "", 1);
	tg_redact_sse_free(s);
	tg_redactor_free(x);
	tg_buf_free(&in);
	tg_buf_free(&out);
	return tg_buf_start(&rd.text);
}

/* ---- scoring --------------------------------------------------------------- */

struct score {
	char type[24];
	long tp, fp, fn;
};

static struct score scores[MAXT];
static size_t nscores;

static struct score *score_of(const char *type)
{
	for (size_t i = 0; i < nscores; i++)
		if (strcmp(scores[i].type, type) == 0)
			return &scores[i];
	tg_strlcpy(scores[nscores].type, type, sizeof(scores[0].type));
	return &scores[nscores++];
}

/* Byte offset of code point cp in a UTF-8 string. */
static size_t byte_at(const char *s, size_t cp)
{
	size_t i = 0;

	while (s[i] && cp > 0) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		cp--;
	}
	return i;
}

static const char *presidio_type(const char *t)
{
	static const char *const map[][2] = {
		{"EMAIL_ADDRESS", "EMAIL"}, {"PHONE_NUMBER", "PHONE"}, {"US_SSN", "SSN"},
		{"CREDIT_CARD", "CARD"}, {"IBAN_CODE", "IBAN"}, {"IP_ADDRESS", "IP"},
	};

	for (size_t i = 0; i < TG_ARRAY_LEN(map); i++)
		if (strcmp(map[i][0], t) == 0)
			return map[i][1];
	return NULL;
}

static long agree_total, agree_same, sse_streams, batched;
static double min_p = 1, min_r = 1, np_recall;

/* Do the JSON and SSE runs of t give the plain result? (every cut when all is set) */
static void check_agreement(const char *t, const char *plain, bool all)
{
	char *j = run_json(t), *s0 = run_sse(t, 0, R, NULL, NULL);
	size_t n = strlen(t);

	agree_total += 2;
	agree_same += strcmp(j, plain) == 0;
	agree_same += strcmp(s0, plain) == 0;
	if (getenv("BENCH_DIFF") && (strcmp(j, plain) || strcmp(s0, plain)))
		fprintf(stderr, "DIFF\n text  %s\n plain %s\n json  %s\n sse1  %s\n", t, plain, j, s0);
	sse_streams++;
	free(j);
	free(s0);
	if (!all)
		return;
	for (size_t cut = 1; cut < n; cut++) {
		char *s;

		if (((unsigned char)t[cut] & 0xC0) == 0x80)
			continue;
		s = run_sse(t, cut, R, NULL, NULL);
		agree_total++;
		sse_streams++;
		agree_same += strcmp(s, plain) == 0;
		if (getenv("BENCH_DIFF") && strcmp(s, plain))
			fprintf(stderr, "DIFF cut %zu\n text  %s\n plain %s\n sse   %s\n", cut, t, plain, s);
		free(s);
	}
}

/* The spans of the plain run, from the detectors. */
static void detect(const char *t, struct tg_spans *sp)
{
	struct tg_scan_opts o = {.entities = ~0ull >> 1, .final = true};
	tg_err err = {{0}};

	tg_detect(D, t, strlen(t), &o, sp, &err);
}

/* All texts as the messages of one chat request (one scan for all): each must read as alone. */
static void check_batched(char **texts, char **plains, size_t n)
{
	struct tg_redactor *x = tg_redactor_new(R, &WHO);
	struct tg_buf body = {0}, out = {0};
	tg_err err = {{0}};
	cJSON *j, *m;
	size_t i = 0;

	tg_buf_printf(&body, "{\"model\":\"gpt-4o\",\"messages\":[");
	for (size_t k = 0; k < n; k++) {
		tg_buf_printf(&body, "%s{\"role\":\"user\",\"content\":\"", k ? "," : "");
		tg_json_escape(texts[k], strlen(texts[k]), &body);
		tg_buf_printf(&body, "\"}");
	}
	tg_buf_printf(&body, "]}");
	tg_redactor_json(x, TG_DIR_REQUEST, tg_buf_start(&body), tg_buf_used(&body), &out, &err);
	tg_buf_append(&out, "", 1);
	j = cJSON_Parse(tg_buf_start(&out));
	cJSON_ArrayForEach(m, cJSON_GetObjectItem(j, "messages")) {
		const char *c = cJSON_GetObjectItem(m, "content")->valuestring;

		agree_total++;
		agree_same += i < n && strcmp(c, plains[i]) == 0;
		if (getenv("BENCH_DIFF") && i < n && strcmp(c, plains[i]))
			fprintf(stderr, "DIFF batched\n text  %s\n plain %s\n batch %s\n", texts[i], plains[i], c);
		i++;
	}
	batched += i;
	cJSON_Delete(j);
	tg_buf_free(&body);
	tg_buf_free(&out);
	tg_redactor_free(x);
}

static void score_presidio(const char *path, FILE *md)
{
	tg_err err = {{0}};
	cJSON *doc = tg_json_load_file(path, &err), *r;
	long sentences = 0;

	if (!doc) {
		fprintf(stderr, "bench: %s\n", err.msg);
		exit(1);
	}
	char **texts = calloc((size_t)cJSON_GetArraySize(doc), sizeof(char *));
	char **plains = calloc((size_t)cJSON_GetArraySize(doc), sizeof(char *));

	nscores = 0;
	cJSON_ArrayForEach(r, doc) {
		const char *t = cJSON_GetObjectItem(r, "full_text")->valuestring;
		struct tg_spans sp = {0};
		bool used[256] = {0};
		cJSON *g;
		char *plain = run_plain(t);

		texts[sentences] = strdup(t);
		plains[sentences] = strdup(plain);
		sentences++;
		detect(t, &sp);
		cJSON_ArrayForEach(g, cJSON_GetObjectItem(r, "spans")) {
			const char *type = presidio_type(cJSON_GetObjectItem(g, "entity_type")->valuestring);
			size_t gs, ge;
			bool hit = false;

			if (!type)
				continue;
			gs = byte_at(t, (size_t)cJSON_GetObjectItem(g, "start_position")->valuedouble);
			ge = byte_at(t, (size_t)cJSON_GetObjectItem(g, "end_position")->valuedouble);
			for (size_t i = 0; i < sp.n && i < 256; i++)
				if (strcmp(tg_detectors_entity_name(D, sp.v[i].entity), type) == 0 && sp.v[i].start < ge &&
				    gs < sp.v[i].end) {
					used[i] = true;
					hit = true;
				}
			if (hit)
				score_of(type)->tp++;
			else
				score_of(type)->fn++;
		}
		for (size_t i = 0; i < sp.n && i < 256; i++) {
			const char *type = tg_detectors_entity_name(D, sp.v[i].entity);

			if (!used[i] && (strcmp(type, "EMAIL") == 0 || strcmp(type, "PHONE") == 0 ||
					 strcmp(type, "SSN") == 0 || strcmp(type, "CARD") == 0 ||
					 strcmp(type, "IBAN") == 0 || strcmp(type, "IP") == 0))
				score_of(type)->fp++;
		}
		check_agreement(t, plain, true);
		free(plain);
		tg_spans_free(&sp);
	}
	check_batched(texts, plains, (size_t)sentences);
	for (long k = 0; k < sentences; k++) {
		free(texts[k]);
		free(plains[k]);
	}
	free(texts);
	free(plains);
	fprintf(md, "### Presidio synthetic PII (%ld sentences)\n\n", sentences);
	fprintf(md, "| entity | labelled | found | missed | false positives | precision | recall |\n");
	fprintf(md, "|---|---:|---:|---:|---:|---:|---:|\n");
	for (size_t i = 0; i < nscores; i++) {
		struct score *s = &scores[i];
		double p = s->tp + s->fp ? (double)s->tp / (double)(s->tp + s->fp) : 1;
		double rc = s->tp + s->fn ? (double)s->tp / (double)(s->tp + s->fn) : 1;

		fprintf(md, "| %s | %ld | %ld | %ld | %ld | %.3f | %.3f |\n", s->type, s->tp + s->fn, s->tp, s->fn,
			s->fp, p, rc);
		if (p < min_p)
			min_p = p;
		if (rc < min_r)
			min_r = rc;
		printf("presidio %-6s P=%.3f R=%.3f (tp %ld fp %ld fn %ld)\n", s->type, p, rc, s->tp, s->fp, s->fn);
	}
	fprintf(md, "\nA caveat that matters: the PII rules were written and tuned with this corpus at hand (its "
		    "national phone formats and the context words around them above all), so these figures are not "
		    "held-out estimates; expect lower recall on phone formats and contexts it does not contain. The "
		    "hard negatives below were generated separately.\n");
	fprintf(md, "\nPERSON, STREET_ADDRESS, GPE, ORGANIZATION, DATE_TIME, TITLE, AGE, NRP, ZIP_CODE, DOMAIN_NAME "
		    "and US_DRIVER_LICENSE spans are not scored: they need NER or are not pattern-detectable, and "
		    "tollgate does not claim them. A detection of one of the six scored types that overlaps no label "
		    "of its type counts as a false positive.\n\n");
	cJSON_Delete(doc);
}

static void score_noseyparker(const char *path, FILE *md)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *texts[1024], *plains[1024];
	size_t cap = 0, nt = 0;
	long pos = 0, found = 0, own = 0, neg = 0, neg_own = 0, neg_any = 0;

	if (!f) {
		fprintf(stderr, "bench: %s: cannot open\n", path);
		exit(1);
	}
	while (getline(&line, &cap, f) > 0) {
		cJSON *e = cJSON_Parse(line);
		const char *t = cJSON_GetObjectItem(e, "text")->valuestring;
		const char *rule = cJSON_GetObjectItem(e, "rule_id")->valuestring;
		bool positive = strcmp(cJSON_GetObjectItem(e, "label")->valuestring, "positive") == 0;
		struct tg_spans sp = {0};
		bool any = false, mine = false;
		char *plain = run_plain(t);

		detect(t, &sp);
		for (size_t i = 0; i < sp.n; i++) {
			const char *type = tg_detectors_entity_name(D, sp.v[i].entity);

			if (strcmp(type, "SECRET") == 0 || strcmp(type, "IDENTIFIER") == 0)
				any = true;
			if (strcmp(tg_detectors_rule_id(D, sp.v[i].rule), rule) == 0)
				mine = true;
		}
		if (!mine) {
			/* merged values keep the first rule's id: ask the rule itself */
			for (size_t i = 0; i < sp.n; i++)
				mine |= strncmp(tg_detectors_rule_id(D, sp.v[i].rule), "np.", 3) == 0 &&
					strcmp(tg_detectors_rule_id(D, sp.v[i].rule), rule) == 0;
		}
		if (positive) {
			pos++;
			found += any;
			own += mine;
		} else {
			neg++;
			neg_own += mine;
			neg_any += any;
		}
		check_agreement(t, plain, strlen(t) < 400);
		if (nt < 1024) {
			texts[nt] = strdup(t);
			plains[nt++] = strdup(plain);
		}
		free(plain);
		tg_spans_free(&sp);
		cJSON_Delete(e);
	}
	free(line);
	fclose(f);
	check_batched(texts, plains, nt);
	for (size_t k = 0; k < nt; k++) {
		free(texts[k]);
		free(plains[k]);
	}
	fprintf(md, "### Nosey Parker secret examples\n\n");
	fprintf(md, "| | examples | detected | rate |\n|---|---:|---:|---:|\n");
	fprintf(md, "| positives (a SECRET or IDENTIFIER value found) | %ld | %ld | recall %.3f |\n", pos, found,
		(double)found / (double)pos);
	fprintf(md, "| negatives: their own rule fires (false positive) | %ld | %ld | %.3f |\n", neg, neg_own,
		(double)neg_own / (double)neg);
	fprintf(md, "| negatives: any secret rule fires | %ld | %ld | %.3f |\n\n", neg, neg_any,
		(double)neg_any / (double)neg);
	fprintf(md, "Be clear about what this measures: tollgate ships Nosey Parker's own rules (imported "
		    "unchanged into policies/redaction-noseyparker.json), so recall on Nosey Parker's examples mostly "
		    "shows that the port (Hyperscan + PCRE2 confirmation) is faithful, not how well the rules "
		    "generalise. Nosey Parker documents its negatives as \"must not match this rule\"; many of them "
		    "are still secrets another rule is right to catch, hence the last row.\n\n");
	np_recall = (double)found / (double)pos;
	printf("noseyparker recall %.3f (%ld/%ld), negatives own-rule FP %ld/%ld\n", (double)found / (double)pos,
	       found, pos, neg_own, neg);
}

/* ---- hard negatives ---------------------------------------------------------- */

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)rng;
}

static void hex(char *o, size_t n)
{
	for (size_t i = 0; i < n; i++)
		o[i] = "0123456789abcdef"[rnd() % 16];
	o[n] = 0;
}

static void b64(char *o, size_t n)
{
	static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	for (size_t i = 0; i < n; i++)
		o[i] = a[rnd() % 64];
	o[n] = 0;
}

static void score_negatives(FILE *md)
{
	static const char *const code[] = {
		"for (int i = 0; i < 1000000; i++) { total += prices[i] * 1.0825; }",
		"const server = http.createServer((req, res) => res.end('ok')).listen(8080, '0.0.0.0');",
		"SELECT id, created_at FROM orders WHERE total > 100.00 AND status = 'paid' LIMIT 50;",
		"docker run -p 5432:5432 -e POSTGRES_DB=app postgres:16.2-alpine",
		"git commit -m 'bump version to 2.14.3' && git tag v2.14.3",
		"matrix = [[0.125, 3.5], [1024, 65536]]; print(np.linalg.det(matrix))",
		"curl -H 'Content-Type: application/json' https://api.example.com/v1/items?page=2&limit=100",
		"if err := db.QueryRow(ctx, q, userID).Scan(&count); err != nil { return 0, err }",
		"The build took 12.4 s on 8 cores, 1.37x faster than 1.2.0; p99 latency 14 ms.",
		"apiVersion: apps/v1\\nkind: Deployment\\nmetadata:\\n  name: web\\nspec:\\n  replicas: 3",
		"export PATH=/usr/local/bin:$PATH; chmod 0644 /etc/app/config.yaml",
		"def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)  # fib(30) = 832040",
		"Invoice INV-2024-004512 for order #88213 ships in 3-5 business days.",
		"Meeting moved to 2024-03-12 14:30 UTC (was 2024-03-11 09:00); room 4.12.",
		"Temperature 21.5C, humidity 45%, wind 12 km/h, pressure 1013 hPa at 06:00.",
		"See RFC 7231 section 6.5.1 and ISO 8601:2004; OID 1.3.6.1.4.1.311 is Microsoft.",
	};
	static const char *const kinds[] = {"uuid", "md5", "sha1", "sha256", "order number", "timestamp",
					    "epoch", "version", "16 digits failing Luhn", "base64 blob", "code"};
	long total[TG_ARRAY_LEN(kinds)] = {0}, fps[TG_ARRAY_LEN(kinds)] = {0};
	struct score *types_fp[MAXT] = {0};
	char t[512], a[200], b[200];

	nscores = 0;
	for (size_t k = 0; k < TG_ARRAY_LEN(kinds); k++) {
		int count = k == 10 ? (int)TG_ARRAY_LEN(code) : 200;

		for (int i = 0; i < count; i++) {
			struct tg_spans sp = {0};
			char *plain;

			switch (k) {
			case 0:
				hex(a, 32);
				snprintf(t, sizeof(t), "request id %.8s-%.4s-4%.3s-a%.3s-%.12s failed", a, a + 8, a + 12, a + 15,
					 a + 18);
				break;
			case 1: hex(a, 32); snprintf(t, sizeof(t), "md5sum %s  release.tar.gz", a); break;
			case 2: hex(a, 40); snprintf(t, sizeof(t), "commit %s (HEAD -> main)", a); break;
			case 3: hex(a, 64); snprintf(t, sizeof(t), "sha256:%s", a); break;
			case 4:
				snprintf(t, sizeof(t), "Your order %s-%04u-%06u and #%07u are on the way.",
					 i % 2 ? "ORD" : "PO", 2000 + rnd() % 30, rnd() % 1000000, rnd() % 10000000);
				break;
			case 5:
				snprintf(t, sizeof(t), "at %04u-%02u-%02uT%02u:%02u:%02u.%03uZ the job %u ended", 2000 + rnd() % 30,
					 1 + rnd() % 12, 1 + rnd() % 28, rnd() % 24, rnd() % 60, rnd() % 60, rnd() % 1000,
					 rnd() % 100000);
				break;
			case 6:
				snprintf(t, sizeof(t), "created=%u updated_ms=%llu", 1500000000 + rnd() % 300000000,
					 1500000000000ull + (unsigned long long)rnd() * 100);
				break;
			case 7:
				snprintf(t, sizeof(t), "upgrade from %u.%u.%u to v%u.%u.%u-rc.%u (build %u.%u.%u.%u)", rnd() % 20,
					 rnd() % 40, rnd() % 100, rnd() % 20, rnd() % 40, rnd() % 100, rnd() % 9, rnd() % 20,
					 rnd() % 40, rnd() % 100, rnd() % 100000);
				break;
			case 8: {
				char d[17];

				do {
					for (int q = 0; q < 16; q++)
						d[q] = (char)('0' + rnd() % 10);
					d[16] = 0;
				} while (tg_valid_luhn(d, 16));
				snprintf(t, sizeof(t), "tracking number %s (also %.4s %.4s %.4s %.4s)", d, d, d + 4, d + 8, d + 12);
				break;
			}
			case 9: b64(b, 24 + rnd() % 100); snprintf(t, sizeof(t), "payload: \"%s==\"", b); break;
			default: snprintf(t, sizeof(t), "%s", code[i]); break;
			}
			total[k]++;
			detect(t, &sp);
			if (sp.n) {
				fps[k]++;
				for (size_t q = 0; q < sp.n; q++)
					score_of(tg_detectors_entity_name(D, sp.v[q].entity))->fp++;
			}
			plain = run_plain(t);
			check_agreement(t, plain, true);
			free(plain);
			tg_spans_free(&sp);
		}
	}
	fprintf(md, "### Hard negatives (ours, generated deterministically)\n\n");
	fprintf(md, "| kind | texts | texts with any detection |\n|---|---:|---:|\n");
	for (size_t k = 0; k < TG_ARRAY_LEN(kinds); k++) {
		fprintf(md, "| %s | %ld | %ld |\n", kinds[k], total[k], fps[k]);
		printf("negatives %-24s %ld/%ld with a detection\n", kinds[k], fps[k], total[k]);
	}
	fprintf(md, "\nFalse positives by entity type:");
	if (!nscores)
		fprintf(md, " none.");
	for (size_t i = 0; i < nscores; i++)
		fprintf(md, " %s %ld;", scores[i].type, scores[i].fp);
	fprintf(md, "\n\n");
	(void)types_fp;
}

/* ---- speed ------------------------------------------------------------------- */

struct payload {
	char *text;      /* one text */
	size_t len;
	char *json;      /* the same text as a chat request of many messages */
	size_t json_len;
};

static void make_payload(const char *corpus, bool dense, size_t target, struct payload *p)
{
	tg_err err = {{0}};
	cJSON *doc = tg_json_load_file(corpus, &err), *r;
	struct tg_buf t = {0}, j = {0};
	int msg = 0;

	tg_buf_printf(&j, "{\"model\":\"gpt-4o\",\"messages\":[");
	while (tg_buf_used(&t) < target) {
		cJSON_ArrayForEach(r, doc) {
			bool has = cJSON_GetArraySize(cJSON_GetObjectItem(r, "spans")) > 0;
			const char *s = cJSON_GetObjectItem(r, "full_text")->valuestring;

			if (has != dense || tg_buf_used(&t) >= target)
				continue;
			tg_buf_append(&t, s, strlen(s));
			tg_buf_append(&t, "\n", 1);
			tg_buf_printf(&j, "%s{\"role\":\"%s\",\"content\":\"", msg ? "," : "", msg % 2 ? "assistant" : "user");
			msg++;
			tg_json_escape(s, strlen(s), &j);
			tg_buf_printf(&j, "\"}");
		}
	}
	tg_buf_printf(&j, "]}");
	p->len = tg_buf_used(&t);
	tg_buf_append(&t, "", 1);
	p->text = tg_buf_start(&t);
	p->json_len = tg_buf_used(&j);
	tg_buf_append(&j, "", 1);
	p->json = tg_buf_start(&j);
	cJSON_Delete(doc);
}

/* MB/s of detection alone over the text, of the text rewrite, and of the JSON path. */
static void speed(const struct payload *p, double *scan, double *text, double *json)
{
	struct tg_redactor *x = tg_redactor_new(RD, &WHO);
	struct tg_spans sp = {0};
	struct tg_scan_opts o = {.entities = tg_redactor_mask(x, TG_DIR_REQUEST), .final = true};
	struct tg_buf out = {0};
	tg_err err = {{0}};
	double t0, best[3] = {1e9, 1e9, 1e9};

	for (int rep = 0; rep < 5; rep++) {
		t0 = now();
		tg_detect(tg_redactor_detectors(x), p->text, p->len, &o, &sp, &err);
		if (now() - t0 < best[0])
			best[0] = now() - t0;
		tg_buf_reset(&out);
		t0 = now();
		tg_redactor_text(x, TG_DIR_REQUEST, p->text, p->len, &out, &err);
		if (now() - t0 < best[1])
			best[1] = now() - t0;
		tg_buf_reset(&out);
		t0 = now();
		tg_redactor_json(x, TG_DIR_REQUEST, p->json, p->json_len, &out, &err);
		if (now() - t0 < best[2])
			best[2] = now() - t0;
	}
	*scan = (double)p->len / best[0] / 1e6;
	*text = (double)p->len / best[1] / 1e6;
	*json = (double)p->json_len / best[2] / 1e6;
	tg_spans_free(&sp);
	tg_buf_free(&out);
	tg_redactor_free(x);
}

/* CPU per streamed event and state per stream, for a reply in 4-character deltas. */
static void stream_speed(const char *reply, double *us_per_event, size_t *state, size_t *events)
{
	struct tg_redactor *x = tg_redactor_new(RD, &WHO);
	struct tg_redact_sse *s = tg_redact_sse_new(x, TG_API_OPENAI, "00000000000000000000000000000000");
	struct tg_buf in = {0}, out = {0};
	size_t n = strlen(reply), ev = 0;
	double t0;

	for (size_t i = 0; i < n; i += 4)
		put_chunk(&in, reply + i, n - i < 4 ? n - i : 4);
	tg_buf_printf(&in, "data: [DONE]\n\n");
	*state = 0;
	t0 = now();
	for (size_t i = 0; i < tg_buf_used(&in);) {
		const char *p = tg_buf_start(&in) + i, *e = memmem(p, tg_buf_used(&in) - i, "\n\n", 2);
		size_t k = e ? (size_t)(e - p) + 2 : tg_buf_used(&in) - i;
		size_t st;

		tg_redact_sse_feed(s, p, k, false, &out);
		tg_buf_reset(&out);
		st = tg_redact_sse_bytes(s) - tg_redact_sse_splitter_bytes(s) + tg_redactor_bytes(x);
		if (st > *state)
			*state = st;
		ev++;
		i += k;
	}
	tg_redact_sse_feed(s, NULL, 0, true, &out);
	*us_per_event = (now() - t0) / (double)ev * 1e6;
	*events = ev;
	tg_redact_sse_free(s);
	tg_redactor_free(x);
	tg_buf_free(&in);
	tg_buf_free(&out);
}

/* CPU added to one call: the request stage on a chat body of about size bytes. */
static double call_us(const char *corpus, size_t size)
{
	struct payload p;
	struct tg_buf out = {0};
	tg_err err = {{0}};
	double t0, best = 1e9;

	make_payload(corpus, true, size, &p);
	for (int rep = 0; rep < 50; rep++) {
		struct tg_redactor *x;

		t0 = now();
		x = tg_redactor_new(RD, &WHO);
		tg_buf_reset(&out);
		tg_redactor_json(x, TG_DIR_REQUEST, p.json, p.json_len, &out, &err);
		tg_redactor_free(x);
		if (now() - t0 < best)
			best = now() - t0;
	}
	free(p.text);
	free(p.json);
	tg_buf_free(&out);
	return best * 1e6;
}

static struct tg_redact *open_policy(const char *json)
{
	char path[] = "/tmp/tollgate-bench-policy-XXXXXX";
	int fd = mkstemp(path);
	tg_err err = {{0}};
	struct tg_redact *r;

	if (fd < 0 || write(fd, json, strlen(json)) != (ssize_t)strlen(json)) {
		perror("bench: policy");
		exit(1);
	}
	close(fd);
	r = tg_redact_open(path, true, NULL, NULL, &err);
	unlink(path);
	if (!r) {
		fprintf(stderr, "bench: %s\n", err.msg);
		exit(1);
	}
	return r;
}

int main(int argc, char **argv)
{
	const char *corpora = argc > 1 ? argv[1] : "../shared/corpora";
	const char *out_path = argc > 2 ? argv[2] : "bench/RESULTS-redaction.md";
	char presidio[4096], np[4096];
	struct payload clean, dense;
	double scan_c, text_c, json_c, scan_d, text_d, json_d, us_clean, us_dense;
	size_t st_clean, st_dense, ev_clean, ev_dense;
	FILE *md = fopen(out_path, "w");
	time_t wall = time(NULL);
	char when[64];
	struct tg_redactor *x;

	if (!md) {
		perror(out_path);
		return 1;
	}
	tg_log_set_level(TG_LOG_ERROR);
	snprintf(presidio, sizeof(presidio), "%s/presidio-synth-pii/synth_dataset_v2.json", corpora);
	snprintf(np, sizeof(np), "%s/noseyparker-secret-examples/examples.jsonl", corpora);
	R = open_policy("{\"actions\": {\"*\": \"redact\"}}");
	RD = open_policy("{}");
	x = tg_redactor_new(R, &WHO);
	D = tg_redactor_detectors(x);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", gmtime(&wall));

	fprintf(md, "# Redaction: accuracy and speed\n\n");
	fprintf(md, "Written by `make bench-redaction` (bench/redaction.c) on %s, on one core of this machine "
		    "(%ld online CPUs). Built-in rules: %zu, in one Hyperscan database (%zu in prefilter mode).\n\n",
		when, sysconf(_SC_NPROCESSORS_ONLN), tg_detectors_nrules(D), tg_detectors_nprefilter(D));
	fprintf(md, "## Accuracy\n\n");
	score_presidio(presidio, md);
	score_noseyparker(np, md);
	score_negatives(md);
	fprintf(md, "### Plain text, JSON bodies and SSE streams agree\n\n");
	fprintf(md, "Every text above was also run as the content of a JSON chat request (JSON-escaped, through the "
		    "JSON rewriter), all of a corpus as the messages of one request (the JSON path scans a request's "
		    "strings together, %ld messages), and as an OpenAI SSE chat stream through the SSE rewriter: split "
		    "into two deltas at every byte (texts under 400 bytes) and into one-character deltas. %ld results "
		    "were compared with the plain-text result (%ld SSE streams): **%ld identical, %ld different**.\n\n",
		batched, agree_total, sse_streams, agree_same, agree_total - agree_same);
	printf("agreement: %ld/%ld identical (%ld SSE streams)\n", agree_same, agree_total, sse_streams);

	fprintf(md, "## Speed (one core, CPU time, best of 5)\n\n");
	make_payload(presidio, false, 4u << 20, &clean);
	make_payload(presidio, true, 4u << 20, &dense);
	speed(&clean, &scan_c, &text_c, &json_c);
	speed(&dense, &scan_d, &text_d, &json_d);
	fprintf(md, "Payloads: Presidio's sentences without PII (clean) and with PII (dense), repeated to 4 MiB, "
		    "as one text and as a chat request with one message per sentence. The full default rule set "
		    "(%zu rules).\n\n", tg_detectors_nrules(D));
	fprintf(md, "| payload | detection only | text rewrite | JSON decode-scan-rewrite | JSON vs bare scan |\n");
	fprintf(md, "|---|---:|---:|---:|---:|\n");
	fprintf(md, "| clean chat | %.0f MB/s | %.0f MB/s | %.0f MB/s | %.2fx the time |\n", scan_c, text_c, json_c,
		scan_c / json_c);
	fprintf(md, "| PII-dense chat | %.0f MB/s | %.0f MB/s | %.0f MB/s | %.2fx the time |\n\n", scan_d, text_d,
		json_d, scan_d / json_d);
	printf("speed clean: scan %.0f MB/s, text %.0f, json %.0f; dense: scan %.0f, text %.0f, json %.0f\n", scan_c,
	       text_c, json_c, scan_d, text_d, json_d);
	/* replies of 64 KiB */
	clean.text[64 * 1024] = 0;
	dense.text[64 * 1024] = 0;
	stream_speed(clean.text, &us_clean, &st_clean, &ev_clean);
	stream_speed(dense.text, &us_dense, &st_dense, &ev_dense);
	fprintf(md, "| stream (OpenAI chat SSE, 4-character deltas, one read per event) | events | CPU per event | "
		    "largest state per open stream |\n|---|---:|---:|---:|\n");
	fprintf(md, "| clean reply | %zu | %.2f us | %zu bytes |\n", ev_clean, us_clean, st_clean);
	fprintf(md, "| PII-dense reply | %zu | %.2f us | %zu bytes |\n\n", ev_dense, us_dense, st_dense);
	printf("stream: clean %.2f us/event (state %zu B), dense %.2f us/event (state %zu B)\n", us_clean, st_clean,
	       us_dense, st_dense);
	fprintf(md, "State per stream counts the redactor (actions, pseudonyms, counts), the channel text held "
		    "back and its history, the events held back whole and the rewriter's own buffers, between reads; "
		    "the largest value over the reply is shown. With nothing held it is about 1 KB; each event held "
		    "back adds its bytes (about 160-250 in OpenAI's chat format), and a token that spans several "
		    "deltas holds several. The PII-dense reply also keeps every distinct e-mail and phone number it "
		    "pseudonymized (a placeholder must map to one value for the whole call), so its state grows with "
		    "them. The SSE splitter shared with metering (sse.h) adds its buffer when an event is split "
		    "across reads.\n\n");
	fprintf(md, "| CPU added per call (request stage, JSON chat body, PII-dense) | |\n|---|---:|\n");
	fprintf(md, "| ~2 KB body | %.0f us |\n", call_us(presidio, 2048));
	fprintf(md, "| ~32 KB body | %.0f us |\n", call_us(presidio, 32768));
	fprintf(md, "| ~512 KB body | %.0f us |\n\n", call_us(presidio, 512 * 1024));
	fprintf(md, "## Targets\n\n");
	fprintf(md, "| target | result |\n|---|---|\n");
	fprintf(md, "| precision >= 0.99, recall >= 0.98 on the pattern-detectable types | lowest precision %.3f, "
		    "lowest recall %.3f (Presidio; see its caveat): %s |\n", min_p, min_r,
		min_p >= 0.99 && min_r >= 0.98 ? "met" : "**missed**");
	fprintf(md, "| recall >= 0.99 on the secret examples | %.3f (Nosey Parker; see its caveat): %s |\n", np_recall,
		np_recall >= 0.99 ? "met" : "**missed**");
	fprintf(md, "| >= 500 MB/s per core on clean chat, full default rules | %.0f MB/s (detection), %.0f MB/s "
		    "(JSON path): %s |\n", scan_c, json_c, scan_c >= 500 ? "met" : "**missed**");
	fprintf(md, "| JSON path within 2x of the bare scan | %.2fx (clean), %.2fx (dense): %s |\n", scan_c / json_c,
		scan_d / json_d, scan_c / json_c <= 2 && scan_d / json_d <= 2 ? "met" : "**missed**");
	fprintf(md, "| <= 10 us CPU per streamed event | %.2f us (clean), %.2f us (dense): %s |\n", us_clean, us_dense,
		us_clean <= 10 && us_dense <= 10 ? "met" : "**missed**");
	fprintf(md, "| <= 2 KB of state per open stream | %zu (clean) / %zu (PII-dense, pseudonyms kept) bytes at "
		    "most: %s |\n", st_clean, st_dense,
		st_clean <= 2048 && st_dense <= 2048 ? "met" : "**missed** (see the note on state above)");
	fclose(md);
	free(clean.text);
	free(clean.json);
	free(dense.text);
	free(dense.json);
	tg_redactor_free(x);
	tg_redact_close(R);
	tg_redact_close(RD);
	printf("wrote %s\n", out_path);
	return 0;
}
