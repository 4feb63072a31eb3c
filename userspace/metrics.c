/*
 * metrics.c - the series table, the metrics stage, the exposition text and
 * the loopback HTTP server. See metrics.h for the families.
 *
 * Series live in a fixed open-addressing table. A slot is published by
 * storing its hash last (release); readers probe without a lock (acquire)
 * and only creating a series takes the mutex. Values are atomics: integer
 * counters, and doubles (USD, histogram sums) added with compare-and-swap
 * on their bit pattern.
 */
#include "metrics.h"
#include "ledger.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "buf.h"
#include "daemon.h"
#include "http1.h"
#include "otlp.h"
#include "proxy.h"
#include "store.h"

#define SERIES_MAX 8192
#define KEY_MAX 640
#define SEP '\x1f'

enum family {
	F_REQUESTS, F_SPEND, F_TOKENS, F_REDACTIONS, F_BLOCKS,
	F_ADDED, F_UPSTREAM, F_TTFB, F_COUNT
};

static const struct {
	const char *name, *help;
	bool histogram, is_double;
	const char *labels[8];
} families[F_COUNT] = {
	[F_REQUESTS] = {"tollgate_requests_total", "Proxied calls, by who made them and how they ended.",
			false, false, {"cgroup", "uid", "key_fp", "provider", "model", "outcome", "code"}},
	[F_SPEND] = {"tollgate_spend_usd_total", "Settled cost of calls in US dollars (the ledger's figure).",
		     false, true, {"cgroup", "uid", "key_fp", "provider", "model"}},
	[F_TOKENS] = {"tollgate_tokens_total", "Tokens reported by providers (or estimated), by type.",
		      false, false, {"cgroup", "uid", "key_fp", "provider", "model", "type"}},
	[F_REDACTIONS] = {"tollgate_redactions_total", "Values redacted, by entity type.",
			  false, false, {"cgroup", "entity_type"}},
	[F_BLOCKS] = {"tollgate_blocks_total", "Calls a policy stage refused, by reason.",
		      false, false, {"cgroup", "reason", "code"}},
	[F_ADDED] = {"tollgate_added_latency_seconds",
		     "Time from the request head's arrival until the request was handed upstream "
		     "(request body and policy stages).",
		     true, false, {"provider"}},
	[F_UPSTREAM] = {"tollgate_upstream_latency_seconds",
			"Time from handing the request upstream until the call ended.",
			true, false, {"provider"}},
	[F_TTFB] = {"tollgate_upstream_ttfb_seconds",
		    "Time from handing the request upstream until the first response byte.",
		    true, false, {"provider"}},
};

static const double buckets[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
				 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};
#define NBUCKETS (sizeof(buckets) / sizeof(buckets[0]))

struct series {
	atomic_uint_fast64_t hash;   /* 0 = free; stored last */
	enum family family;
	char key[KEY_MAX];           /* label values joined by SEP */
	atomic_uint_fast64_t count;  /* counter, or histogram count */
	atomic_uint_fast64_t bits;   /* double value (spend) or histogram sum */
	atomic_uint_fast64_t bucket[NBUCKETS]; /* observations in (bound k-1, bound k]: one add each;
						  * the exposition sums them into Prometheus's cumulative le= buckets */
};

struct tg_metrics {
	struct tg_daemon *d;
	struct series *table;
	pthread_mutex_t lock;
	atomic_ulong nseries, series_dropped;
	int listen_fd;
	int stop_pipe[2];
	pthread_t thread;
	bool serving;
};

/* ---- the series table ----------------------------------------------------- */

/*
 * A series' key: its label values joined by SEP (a value's own SEP bytes
 * become '_'), built a value at a time with its FNV-1a hash alongside, so
 * that keys sharing their first labels (a call's requests, spend and
 * tokens series) hash those once.
 */
struct key {
	char s[KEY_MAX];
	size_t n;      /* bytes in s */
	size_t values; /* values in s */
	uint64_t h;
};

#define FNV_OFFSET 1469598103934665603ull
#define FNV_PRIME 1099511628211ull

static void key_init(struct key *k)
{
	k->s[0] = 0;
	k->n = 0;
	k->values = 0;
	k->h = FNV_OFFSET;
}

static void key_add(struct key *k, const char *v)
{
	size_t w = k->n;
	uint64_t h = k->h;

	if (k->values++ && w + 1 < sizeof(k->s)) {
		k->s[w++] = SEP;
		h = (h ^ (unsigned char)SEP) * FNV_PRIME;
	}
	for (const char *p = v ? v : ""; *p && w + 1 < sizeof(k->s); p++) {
		char c = *p == SEP ? '_' : *p;

		k->s[w++] = c;
		h = (h ^ (unsigned char)c) * FNV_PRIME;
	}
	k->s[w] = 0;
	k->n = w;
	k->h = h;
}

static struct series *find(struct tg_metrics *m, enum family f, const struct key *k)
{
	uint64_t h = (k->h ^ (uint64_t)f) * FNV_PRIME;
	size_t i;

	if (!h)
		h = 1;
	i = h % SERIES_MAX;
	for (size_t probes = 0; probes < SERIES_MAX; probes++, i = (i + 1) % SERIES_MAX) {
		struct series *s = &m->table[i];
		uint64_t sh = atomic_load_explicit(&s->hash, memory_order_acquire);

		if (sh == 0) {
			/* not there: create it under the lock (another thread may race us) */
			pthread_mutex_lock(&m->lock);
			sh = atomic_load_explicit(&s->hash, memory_order_acquire);
			if (sh == 0) {
				if (atomic_load(&m->nseries) >= SERIES_MAX * 3 / 4) {
					pthread_mutex_unlock(&m->lock);
					atomic_fetch_add(&m->series_dropped, 1);
					return NULL;
				}
				s->family = f;
				tg_strlcpy(s->key, k->s, sizeof(s->key));
				atomic_store_explicit(&s->hash, h, memory_order_release);
				atomic_fetch_add(&m->nseries, 1);
				pthread_mutex_unlock(&m->lock);
				return s;
			}
			pthread_mutex_unlock(&m->lock);
		}
		if (sh == h && s->family == f && strcmp(s->key, k->s) == 0)
			return s;
	}
	return NULL;
}

static void add_double(atomic_uint_fast64_t *bits, double v)
{
	uint64_t old = atomic_load(bits), new;

	do {
		double d;

		memcpy(&d, &old, sizeof(d));
		d += v;
		memcpy(&new, &d, sizeof(new));
	} while (!atomic_compare_exchange_weak(bits, &old, new));
}

static double load_double(atomic_uint_fast64_t *bits)
{
	uint64_t b = atomic_load(bits);
	double d;

	memcpy(&d, &b, sizeof(d));
	return d;
}

static void counter_add(struct tg_metrics *m, enum family f, const struct key *k, uint64_t v)
{
	struct series *s = find(m, f, k);

	if (s)
		atomic_fetch_add(&s->count, v);
}

static void observe(struct tg_metrics *m, enum family f, const char *label, double seconds)
{
	struct key k;
	struct series *s;

	key_init(&k);
	key_add(&k, label);
	s = find(m, f, &k);

	if (!s)
		return;
	for (size_t i = 0; i < NBUCKETS; i++)
		if (seconds <= buckets[i]) {
			atomic_fetch_add(&s->bucket[i], 1);
			break;
		}
	atomic_fetch_add(&s->count, 1);
	add_double(&s->bits, seconds);
}

/* ---- counting a call ------------------------------------------------------ */

void tg_metrics_count_call(struct tg_metrics *m, const struct tg_call *call)
{
	char uid[24], code[24];
	const char *provider = call->provider ? call->provider->name : "";
	const char *cgroup = call->cgroup_path ? call->cgroup_path : "";
	static const char *token_types[] = {"input", "output", "cached_input", "cache_write", "reasoning"};
	uint64_t tokens[] = {call->usage.input_tokens, call->usage.output_tokens,
			     call->usage.cached_input_tokens, call->usage.cache_write_tokens,
			     call->usage.reasoning_tokens};
	struct key k;
	struct series *s;
	size_t base_n, base_values;
	uint64_t base_h;

	/* cgroup, uid, key_fp, provider, model: the labels the call's series share */
	uid[tg_fmt_u64(uid, call->origin ? call->origin->uid : 0)] = 0;
	code[tg_fmt_u64(code, call->status > 0 ? (uint64_t)call->status : 0)] = 0;
	key_init(&k);
	key_add(&k, cgroup);
	key_add(&k, uid);
	key_add(&k, call->key_fp);
	key_add(&k, provider);
	key_add(&k, call->model);
	base_n = k.n;
	base_values = k.values;
	base_h = k.h;

	s = find(m, F_SPEND, &k);
	if (s && call->cost_usd != 0)
		add_double(&s->bits, call->cost_usd);

	key_add(&k, tg_call_outcome_name(call->outcome));
	key_add(&k, code);
	counter_add(m, F_REQUESTS, &k, 1);

	for (size_t i = 0; i < TG_ARRAY_LEN(token_types); i++) {
		if (!tokens[i])
			continue;
		k.n = base_n; /* back to the shared labels */
		k.values = base_values;
		k.h = base_h;
		key_add(&k, token_types[i]);
		counter_add(m, F_TOKENS, &k, tokens[i]);
	}
	for (size_t i = 0; i < call->nredactions && i < TG_ARRAY_LEN(call->redactions); i++) {
		key_init(&k);
		key_add(&k, cgroup);
		key_add(&k, call->redactions[i].type);
		counter_add(m, F_REDACTIONS, &k, call->redactions[i].count);
	}
	if (call->reply_status) {
		char rcode[16];

		snprintf(rcode, sizeof(rcode), "%d", call->reply_status);
		key_init(&k);
		key_add(&k, cgroup);
		key_add(&k, call->reply_type ? call->reply_type : "tollgate_policy");
		key_add(&k, rcode);
		counter_add(m, F_BLOCKS, &k, 1);
	}
	if (call->upstream_sent_us && call->upstream_sent_us >= call->start_us) {
		observe(m, F_ADDED, provider, (double)(call->upstream_sent_us - call->start_us) / 1e6);
		if (call->end_us >= call->upstream_sent_us)
			observe(m, F_UPSTREAM, provider, (double)(call->end_us - call->upstream_sent_us) / 1e6);
		if (call->first_byte_us >= call->upstream_sent_us)
			observe(m, F_TTFB, provider, (double)(call->first_byte_us - call->upstream_sent_us) / 1e6);
	}
}

static void on_complete(void *ctx, struct tg_call *call)
{
	tg_metrics_count_call(ctx, call);
}

struct tg_stage tg_metrics_stage(struct tg_metrics *m)
{
	struct tg_stage s = {.name = "metrics", .ctx = m, .on_complete = on_complete};

	return s;
}

/* ---- rendering ------------------------------------------------------------ */

static void escape_value(struct tg_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\')
			tg_buf_append(b, "\\\\", 2);
		else if (s[i] == '"')
			tg_buf_append(b, "\\\"", 2);
		else if (s[i] == '\n')
			tg_buf_append(b, "\\n", 2);
		else
			tg_buf_append(b, &s[i], 1);
	}
}

/* name_suffix{labels,extra} value */
static void sample(struct tg_buf *b, enum family f, const char *suffix, const char *key,
		   const char *extra, const char *value)
{
	const char *p = key;
	bool first = true;

	tg_buf_printf(b, "%s%s{", families[f].name, suffix);
	for (size_t i = 0; families[f].labels[i]; i++) {
		size_t n = strcspn(p, "\x1f");

		tg_buf_printf(b, "%s%s=\"", first ? "" : ",", families[f].labels[i]);
		escape_value(b, p, n);
		tg_buf_append(b, "\"", 1);
		first = false;
		p += n;
		if (*p)
			p++;
	}
	if (extra)
		tg_buf_printf(b, ",%s", extra);
	tg_buf_printf(b, "} %s\n", value);
}

/* The shortest text that reads back as v ("0.025", not "0.025000000000000001"). */
static void number(char *out, size_t size, double v)
{
	for (int digits = 15; digits <= 17; digits++) {
		snprintf(out, size, "%.*g", digits, v);
		if (strtod(out, NULL) == v)
			return;
	}
}

static void render_family(struct tg_metrics *m, struct tg_buf *b, enum family f)
{
	char v[64];

	tg_buf_printf(b, "# HELP %s %s\n# TYPE %s %s\n", families[f].name, families[f].help,
		      families[f].name, families[f].histogram ? "histogram" : "counter");
	for (size_t i = 0; i < SERIES_MAX; i++) {
		struct series *s = &m->table[i];

		if (!atomic_load_explicit(&s->hash, memory_order_acquire) || s->family != f)
			continue;
		if (!families[f].histogram) {
			if (families[f].is_double)
				number(v, sizeof(v), load_double(&s->bits));
			else
				snprintf(v, sizeof(v), "%llu", (unsigned long long)atomic_load(&s->count));
			sample(b, f, "", s->key, NULL, v);
			continue;
		}
		{
			uint64_t count = atomic_load(&s->count), below = 0;
			char le[48];

			for (size_t k = 0; k < NBUCKETS; k++) {
				char bound[32];

				below += atomic_load(&s->bucket[k]);
				number(bound, sizeof(bound), buckets[k]);
				snprintf(le, sizeof(le), "le=\"%s\"", bound);
				snprintf(v, sizeof(v), "%llu", (unsigned long long)below);
				sample(b, f, "_bucket", s->key, le, v);
			}
			/* a call counted between the loads: +Inf never below a bucket */
			if (count < below)
				count = below;
			snprintf(v, sizeof(v), "%llu", (unsigned long long)count);
			sample(b, f, "_bucket", s->key, "le=\"+Inf\"", v);
			number(v, sizeof(v), load_double(&s->bits));
			sample(b, f, "_sum", s->key, NULL, v);
			snprintf(v, sizeof(v), "%llu", (unsigned long long)count);
			sample(b, f, "_count", s->key, NULL, v);
		}
	}
}

static void gauge(struct tg_buf *b, const char *name, const char *type, const char *help)
{
	tg_buf_printf(b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

static void event_count(void *arg, const char *type, uint64_t n)
{
	struct tg_buf *b = arg;

	tg_buf_printf(b, "tollgate_policy_events_total{type=\"");
	escape_value(b, type, strlen(type));
	tg_buf_printf(b, "\"} %llu\n", (unsigned long long)n);
}

static void render_daemon(struct tg_metrics *m, struct tg_buf *b)
{
	static const char *stat_names[TG_STAT_MAX] = {"redirected", "udp_refused", "no_listener",
						      "own_traffic", "storage_fail"};
	struct tg_daemon *d = m->d;
	struct tg_bpf_status bs;
	struct tg_store_stats ss;
	struct tg_otlp_stats os;
	unsigned long live = 0, pooled = 0;

	gauge(b, "tollgate_start_time_seconds", "gauge", "When the daemon started (Unix time).");
	tg_buf_printf(b, "tollgate_start_time_seconds %.3f\n", (double)d->started_wall_ms / 1000.0);
	for (int i = 0; i < d->nworkers; i++) {
		live += atomic_load(&d->workers[i].live);
		pooled += atomic_load(&d->workers[i].pooled);
	}
	gauge(b, "tollgate_connections", "gauge", "Live client connections.");
	tg_buf_printf(b, "tollgate_connections %lu\n", live);
	gauge(b, "tollgate_pooled_upstreams", "gauge", "Idle pooled upstream connections.");
	tg_buf_printf(b, "tollgate_pooled_upstreams %lu\n", pooled);
	if (d->bpf && tg_bpf_status(d->bpf, &bs) == 0) {
		gauge(b, "tollgate_bpf_map_entries", "gauge", "Entries in tollgate's BPF maps.");
		tg_buf_printf(b, "tollgate_bpf_map_entries{map=\"endpoints\"} %u\n", bs.endpoints);
		tg_buf_printf(b, "tollgate_bpf_map_entries{map=\"listeners\"} %u\n", bs.listeners);
		tg_buf_printf(b, "tollgate_bpf_map_entries{map=\"pending\"} %u\n", bs.pending);
		gauge(b, "tollgate_bpf_decisions_total", "counter", "Connect-time decisions of the BPF programs.");
		for (int i = 0; i < TG_STAT_MAX; i++)
			tg_buf_printf(b, "tollgate_bpf_decisions_total{decision=\"%s\"} %llu\n", stat_names[i],
				      (unsigned long long)bs.stats[i]);
	}
	gauge(b, "tollgate_policy_events_total", "counter", "Policy events emitted, by type.");
	tg_events_counts(d->events, event_count, b);
	tg_store_stats(d->store, &ss);
	gauge(b, "tollgate_trace_store_rows_total", "counter", "Rows written to the local trace store.");
	tg_buf_printf(b, "tollgate_trace_store_rows_total{kind=\"span\"} %llu\n",
		      (unsigned long long)ss.spans_written);
	tg_buf_printf(b, "tollgate_trace_store_rows_total{kind=\"event\"} %llu\n",
		      (unsigned long long)ss.events_written);
	gauge(b, "tollgate_trace_store_dropped_total", "counter", "Rows the trace store could not keep.");
	tg_buf_printf(b, "tollgate_trace_store_dropped_total %llu\n", (unsigned long long)ss.dropped);
	gauge(b, "tollgate_trace_store_queue", "gauge", "Rows waiting for the trace store's writer.");
	tg_buf_printf(b, "tollgate_trace_store_queue %llu\n", (unsigned long long)ss.queued);
	if (d->meter) {
		struct tg_ledger_stats ls;

		tg_meter_ledger_stats(d->meter, &ls);
		gauge(b, "tollgate_ledger_records_total", "counter",
		      "Reservations, settlements and releases committed to the spend ledger.");
		tg_buf_printf(b, "tollgate_ledger_records_total %llu\n", (unsigned long long)ls.records);
		gauge(b, "tollgate_ledger_commits_total", "counter", "Ledger transactions (one per batch of records).");
		tg_buf_printf(b, "tollgate_ledger_commits_total %llu\n", (unsigned long long)ls.batches);
		gauge(b, "tollgate_ledger_coalesced_total", "counter",
		      "Reservations settled or released before they had to be written.");
		tg_buf_printf(b, "tollgate_ledger_coalesced_total %llu\n", (unsigned long long)ls.coalesced);
		gauge(b, "tollgate_ledger_write_failures_total", "counter", "Ledger batches that failed (and were retried).");
		tg_buf_printf(b, "tollgate_ledger_write_failures_total %llu\n", (unsigned long long)ls.failures);
		gauge(b, "tollgate_ledger_lost_total", "counter", "Ledger records never written (refused, or given up at exit).");
		tg_buf_printf(b, "tollgate_ledger_lost_total %llu\n", (unsigned long long)ls.lost);
		gauge(b, "tollgate_ledger_queue", "gauge", "Ledger records waiting for the writer.");
		tg_buf_printf(b, "tollgate_ledger_queue %llu\n", (unsigned long long)ls.queued);
		gauge(b, "tollgate_ledger_journal_bytes", "gauge",
		      "Size of the ledger's journal of settlements not yet known to be committed.");
		tg_buf_printf(b, "tollgate_ledger_journal_bytes %llu\n", (unsigned long long)ls.journal_bytes);
		gauge(b, "tollgate_ledger_replayed_total", "counter",
		      "Settlements committed from the journal at start (the previous run stopped first).");
		tg_buf_printf(b, "tollgate_ledger_replayed_total %llu\n", (unsigned long long)ls.replayed);
	}
	if (d->otlp) {
		tg_otlp_stats(d->otlp, &os);
		gauge(b, "tollgate_otlp_spans_exported_total", "counter", "Spans the OTLP collector accepted.");
		tg_buf_printf(b, "tollgate_otlp_spans_exported_total %llu\n", (unsigned long long)os.exported);
		gauge(b, "tollgate_otlp_spans_dropped_total", "counter",
		      "Spans not exported: over max_queue_spans, or rejected by the collector.");
		tg_buf_printf(b, "tollgate_otlp_spans_dropped_total %llu\n", (unsigned long long)os.dropped);
		gauge(b, "tollgate_otlp_export_failures_total", "counter", "Failed export attempts (retried).");
		tg_buf_printf(b, "tollgate_otlp_export_failures_total %llu\n", (unsigned long long)os.failures);
		gauge(b, "tollgate_otlp_queue_spans", "gauge", "Spans waiting for the collector.");
		tg_buf_printf(b, "tollgate_otlp_queue_spans %llu\n", (unsigned long long)os.backlog);
	}
}

char *tg_metrics_render(struct tg_metrics *m)
{
	struct tg_buf b = {0};

	for (int f = 0; f < F_COUNT; f++)
		render_family(m, &b, (enum family)f);
	gauge(&b, "tollgate_metrics_series_dropped_total", "counter",
	      "Label sets not recorded because the series table is full.");
	tg_buf_printf(&b, "tollgate_metrics_series_dropped_total %lu\n", atomic_load(&m->series_dropped));
	if (m->d)
		render_daemon(m, &b);
	tg_buf_append(&b, "", 1);
	return b.data;
}

/* ---- the summary for `tollgate top` ------------------------------------- */

static cJSON *bucket_for(cJSON *group, const char *name)
{
	cJSON *o = cJSON_GetObjectItemCaseSensitive(group, name);

	if (!o) {
		o = cJSON_AddObjectToObject(group, name);
		cJSON_AddNumberToObject(o, "requests", 0);
		cJSON_AddNumberToObject(o, "spend_usd", 0);
		cJSON_AddNumberToObject(o, "tokens", 0);
	}
	return o;
}

static void bump(cJSON *o, const char *field, double v)
{
	cJSON *x = cJSON_GetObjectItemCaseSensitive(o, field);

	cJSON_SetNumberValue(x, x->valuedouble + v);
}

/* label i of a key */
static void label_at(const char *key, int i, char *out, size_t size)
{
	const char *p = key;

	while (i-- > 0 && (p = strchr(p, SEP)))
		p++;
	if (!p) {
		out[0] = 0;
		return;
	}
	snprintf(out, size, "%.*s", (int)strcspn(p, "\x1f"), p);
}

cJSON *tg_metrics_summary(struct tg_metrics *m)
{
	cJSON *o = cJSON_CreateObject(), *by_cgroup, *by_key;
	double requests = 0, spend = 0;

	if (!o)
		return NULL;
	cJSON_AddNumberToObject(o, "time_ms", (double)tg_wall_ms());
	by_cgroup = cJSON_AddObjectToObject(o, "by_cgroup");
	by_key = cJSON_AddObjectToObject(o, "by_key");
	for (size_t i = 0; i < SERIES_MAX; i++) {
		struct series *s = &m->table[i];
		char cgroup[KEY_MAX], key_fp[64];
		const char *field;
		double v;

		if (!atomic_load_explicit(&s->hash, memory_order_acquire))
			continue;
		if (s->family == F_REQUESTS) {
			field = "requests";
			v = (double)atomic_load(&s->count);
			requests += v;
		} else if (s->family == F_SPEND) {
			field = "spend_usd";
			v = load_double(&s->bits);
			spend += v;
		} else if (s->family == F_TOKENS) {
			field = "tokens";
			v = (double)atomic_load(&s->count);
		} else {
			continue;
		}
		label_at(s->key, 0, cgroup, sizeof(cgroup));
		label_at(s->key, 2, key_fp, sizeof(key_fp));
		bump(bucket_for(by_cgroup, cgroup), field, v);
		bump(bucket_for(by_key, key_fp[0] ? key_fp : "(none)"), field, v);
	}
	cJSON_AddNumberToObject(o, "requests", requests);
	cJSON_AddNumberToObject(o, "spend_usd", spend);
	return o;
}

/* ---- the HTTP server ------------------------------------------------------ */

static void serve_one(struct tg_metrics *m, int fd)
{
	struct timeval tv = {.tv_sec = 2};
	char req[8192];
	size_t used = 0;
	struct tg_http_msg msg;
	struct tg_buf out = {0};
	const char *why;
	int status;
	ssize_t head = 0;
	char *body = NULL;

	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	while (head == 0 && used < sizeof(req)) {
		ssize_t n = recv(fd, req + used, sizeof(req) - used, 0);

		if (n <= 0)
			return;
		used += (size_t)n;
		head = tg_http_parse_request(req, used, sizeof(req), &msg, &status, &why);
	}
	if (head <= 0) {
		tg_buf_printf(&out, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
	} else if (!tg_http_token_eq(msg.method, msg.method_len, "GET")) {
		tg_buf_printf(&out, "HTTP/1.1 405 Method Not Allowed\r\nAllow: GET\r\nContent-Length: 0\r\n"
				    "Connection: close\r\n\r\n");
	} else if (!((msg.target_len == 8 && memcmp(msg.target, "/metrics", 8) == 0) ||
		     (msg.target_len > 8 && memcmp(msg.target, "/metrics?", 9) == 0))) {
		static const char text[] = "metrics are under /metrics\n";

		tg_buf_printf(&out, "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: %zu\r\n"
				    "Connection: close\r\n\r\n%s", strlen(text), text);
	} else {
		body = tg_metrics_render(m);
		tg_buf_printf(&out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n"
				    "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
			      body ? strlen(body) : 0, body ? body : "");
	}
	for (size_t off = 0; off < tg_buf_used(&out);) {
		ssize_t n = send(fd, tg_buf_start(&out) + off, tg_buf_used(&out) - off, MSG_NOSIGNAL);

		if (n <= 0)
			break;
		off += (size_t)n;
	}
	free(body);
	tg_buf_free(&out);
}

static void *server_main(void *arg)
{
	struct tg_metrics *m = arg;

	for (;;) {
		struct pollfd p[2] = {{.fd = m->listen_fd, .events = POLLIN}, {.fd = m->stop_pipe[0], .events = POLLIN}};
		int fd;

		if (poll(p, 2, -1) < 0 && errno != EINTR)
			break;
		if (p[1].revents)
			break;
		if (!(p[0].revents & POLLIN))
			continue;
		fd = accept4(m->listen_fd, NULL, NULL, SOCK_CLOEXEC);
		if (fd < 0)
			continue;
		serve_one(m, fd);
		close(fd);
	}
	return NULL;
}

int tg_metrics_listen(struct tg_metrics *m, const char *addr, tg_err *err)
{
	struct sockaddr_in sa = {.sin_family = AF_INET};
	const char *colon = strrchr(addr, ':');
	char host[64];
	int one = 1;

	if (!colon || (size_t)(colon - addr) >= sizeof(host))
		return tg_errf(err, "metrics: bad listen address \"%s\"", addr);
	snprintf(host, sizeof(host), "%.*s", (int)(colon - addr), addr);
	if (inet_pton(AF_INET, host, &sa.sin_addr) != 1)
		return tg_errf(err, "metrics: bad listen address \"%s\"", addr);
	sa.sin_port = htons((uint16_t)atoi(colon + 1));
	m->listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (m->listen_fd < 0)
		return tg_errf(err, "metrics: socket: %s", strerror(errno));
	setsockopt(m->listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(m->listen_fd, (struct sockaddr *)&sa, sizeof(sa)) || listen(m->listen_fd, 16)) {
		tg_errf(err, "metrics: listen on %s: %s", addr, strerror(errno));
		goto fail;
	}
	if (pipe2(m->stop_pipe, O_CLOEXEC)) {
		tg_errf(err, "metrics: pipe: %s", strerror(errno));
		goto fail;
	}
	if (pthread_create(&m->thread, NULL, server_main, m)) {
		tg_errf(err, "metrics: cannot start the server thread");
		close(m->stop_pipe[0]);
		close(m->stop_pipe[1]);
		goto fail;
	}
	m->serving = true;
	tg_info("metrics: serving http://%s/metrics", addr);
	return 0;
fail:
	close(m->listen_fd);
	m->listen_fd = -1;
	return -1;
}

struct tg_metrics *tg_metrics_new(struct tg_daemon *d, tg_err *err)
{
	struct tg_metrics *m = calloc(1, sizeof(*m));

	if (m)
		m->table = calloc(SERIES_MAX, sizeof(*m->table));
	if (!m || !m->table) {
		free(m);
		tg_errf(err, "out of memory");
		return NULL;
	}
	m->d = d;
	m->listen_fd = -1;
	pthread_mutex_init(&m->lock, NULL);
	return m;
}

void tg_metrics_stop(struct tg_metrics *m)
{
	if (!m)
		return;
	if (m->serving) {
		if (write(m->stop_pipe[1], "x", 1) != 1)
			tg_warn("metrics: cannot signal the server thread to stop");
		pthread_join(m->thread, NULL);
		close(m->stop_pipe[0]);
		close(m->stop_pipe[1]);
		m->serving = false;
	}
	if (m->listen_fd >= 0)
		close(m->listen_fd);
	m->listen_fd = -1;
}

void tg_metrics_free(struct tg_metrics *m)
{
	if (!m)
		return;
	tg_metrics_stop(m);
	pthread_mutex_destroy(&m->lock);
	free(m->table);
	free(m);
}
