/*
 * otlp.c - the OTLP/HTTP JSON exporter thread (see otlp.h).
 *
 * One loop: read up to batch_max spans after the cursor from the trace
 * store, POST them with libcurl, advance the cursor on success; wait for a
 * kick (new spans) or a backoff timer otherwise. The cursor is stored per
 * endpoint in the store's meta table ("otlp_cursor <endpoint>"): a new
 * endpoint starts with the spans written from then on, not the history.
 */
#include "otlp.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <cjson/cJSON.h>
#include <openssl/rand.h>
#include <sqlite3.h>

#include "buf.h"
#include "store.h"

#define BACKOFF_MIN_MS 500
#define BACKOFF_MAX_MS 30000
#define STOP_DRAIN_BATCHES 4

struct tg_otlp {
	char url[600];
	char service_name[64];
	char db_path[4200];
	char cursor_key[640];
	uint32_t timeout_ms, batch_max, max_queue;
	uint32_t mark;
	struct curl_slist *headers;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool kicked, stopping;
	sqlite3 *db;
	CURL *curl;
	int64_t cursor;
	uint32_t retry_after_ms;  /* from the last answer's Retry-After */
	atomic_ulong exported, dropped, failures, backlog;
};

char *tg_otlp_body(const char *service_name, const char *spans_json, size_t len)
{
	struct tg_buf b = {0};
	char host[256] = "";
	cJSON *res = cJSON_CreateObject(), *attrs, *kv;
	char *res_json;

	gethostname(host, sizeof(host) - 1);
	attrs = cJSON_AddArrayToObject(res, "attributes");
	kv = cJSON_CreateObject();
	cJSON_AddStringToObject(kv, "key", "service.name");
	cJSON_AddStringToObject(cJSON_AddObjectToObject(kv, "value"), "stringValue", service_name);
	cJSON_AddItemToArray(attrs, kv);
	kv = cJSON_CreateObject();
	cJSON_AddStringToObject(kv, "key", "host.name");
	cJSON_AddStringToObject(cJSON_AddObjectToObject(kv, "value"), "stringValue", host);
	cJSON_AddItemToArray(attrs, kv);
	res_json = cJSON_PrintUnformatted(res);
	cJSON_Delete(res);
	if (!res_json)
		return NULL;
	if (tg_buf_printf(&b, "{\"resourceSpans\":[{\"resource\":%s,\"scopeSpans\":[{\"scope\":"
			      "{\"name\":\"tollgate\",\"version\":\"0.1.0\"},\"spans\":[",
			  res_json) ||
	    tg_buf_append(&b, spans_json, len) || tg_buf_append(&b, "]}]}]}", 7)) {
		free(res_json);
		tg_buf_free(&b);
		return NULL;
	}
	free(res_json);
	return b.data;
}

/* ---- the cursor ----------------------------------------------------------- */

static int64_t query_int(sqlite3 *db, const char *sql, const char *arg, int64_t dflt)
{
	sqlite3_stmt *st;
	int64_t v = dflt;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return dflt;
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int save_cursor(struct tg_otlp *o, int64_t cursor)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(o->db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)", -1, &st,
			       NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, o->cursor_key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, cursor);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		tg_warn("otlp: cannot save the export cursor: %s", sqlite3_errmsg(o->db));
		return -1;
	}
	o->cursor = cursor;
	return 0;
}

/* ---- one batch ------------------------------------------------------------ */

static size_t discard(char *p, size_t size, size_t n, void *arg)
{
	(void)p;
	(void)arg;
	return size * n;
}

static size_t on_header(char *p, size_t size, size_t n, void *arg)
{
	struct tg_otlp *o = arg;
	size_t len = size * n;

	if (len > 12 && strncasecmp(p, "retry-after:", 12) == 0) {
		long s = strtol(p + 12, NULL, 10);

		if (s > 0 && s < 3600)
			o->retry_after_ms = (uint32_t)s * 1000;
	}
	return len;
}

static int set_mark(void *arg, curl_socket_t fd, curlsocktype purpose)
{
	struct tg_otlp *o = arg;

	(void)purpose;
	/* tollgate's own traffic is never redirected (see socket_mark) */
	setsockopt(fd, SOL_SOCKET, SO_MARK, &o->mark, sizeof(o->mark));
	return CURL_SOCKOPT_OK;
}

enum post_result { POST_OK, POST_RETRY, POST_REJECTED };

static enum post_result post(struct tg_otlp *o, const char *body, size_t len)
{
	long code = 0;
	CURLcode rc;

	o->retry_after_ms = 0;
	curl_easy_setopt(o->curl, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(o->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	rc = curl_easy_perform(o->curl);
	if (rc != CURLE_OK) {
		tg_debug("otlp: POST %s: %s", o->url, curl_easy_strerror(rc));
		return POST_RETRY;
	}
	curl_easy_getinfo(o->curl, CURLINFO_RESPONSE_CODE, &code);
	if (code >= 200 && code < 300)
		return POST_OK;
	if (code >= 400 && code < 500 && code != 408 && code != 429) {
		tg_error("otlp: %s rejected a batch with HTTP %ld; dropping it", o->url, code);
		return POST_REJECTED;
	}
	tg_debug("otlp: POST %s: HTTP %ld", o->url, code);
	return POST_RETRY;
}

/* Send one batch after the cursor. Returns the number of spans sent (0 =
 * nothing waits), or -1 when the collector should be retried later. */
static int export_batch(struct tg_otlp *o)
{
	sqlite3_stmt *st;
	struct tg_buf spans = {0};
	int64_t last = o->cursor, max_id;
	int n = 0, rc;
	char *body;
	enum post_result res;

	max_id = query_int(o->db, "SELECT max(id) FROM spans", NULL, 0);
	if (max_id - o->cursor > (int64_t)o->max_queue) {
		int64_t skip = max_id - o->cursor - (int64_t)o->max_queue;

		tg_warn("otlp: %lld spans waiting for %s, more than max_queue_spans (%u): the oldest %lld are dropped",
			(long long)(max_id - o->cursor), o->url, o->max_queue, (long long)skip);
		atomic_fetch_add(&o->dropped, (unsigned long)skip);
		save_cursor(o, o->cursor + skip);
	}
	atomic_store(&o->backlog, (unsigned long)(max_id > o->cursor ? max_id - o->cursor : 0));
	if (sqlite3_prepare_v2(o->db, "SELECT * FROM spans WHERE id > ?1 ORDER BY id LIMIT ?2", -1,
			       &st, NULL) != SQLITE_OK) {
		tg_warn("otlp: read the trace store: %s", sqlite3_errmsg(o->db));
		return -1;
	}
	sqlite3_bind_int64(st, 1, o->cursor);
	sqlite3_bind_int(st, 2, (int)o->batch_max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t mark = tg_buf_used(&spans);

		last = sqlite3_column_int64(st, 0); /* "id" is the first column */
		if (n)
			tg_buf_append(&spans, ",", 1);
		if (tg_store_span_otlp(st, &spans)) {
			spans.len = spans.off + mark; /* leave that row out */
			continue;
		}
		n++;
	}
	sqlite3_finalize(st);
	if (last == o->cursor) {
		tg_buf_free(&spans);
		return 0;
	}
	if (n == 0) {
		/* rows without a span: nothing to send, just move on */
		tg_buf_free(&spans);
		save_cursor(o, last);
		return 1;
	}
	body = tg_otlp_body(o->service_name, tg_buf_start(&spans), tg_buf_used(&spans));
	tg_buf_free(&spans);
	if (!body)
		return -1;
	res = post(o, body, strlen(body));
	free(body);
	if (res == POST_RETRY) {
		atomic_fetch_add(&o->failures, 1);
		return -1;
	}
	if (res == POST_OK)
		atomic_fetch_add(&o->exported, (unsigned long)n);
	else
		atomic_fetch_add(&o->dropped, (unsigned long)n);
	save_cursor(o, last);
	atomic_store(&o->backlog, (unsigned long)(max_id > last ? max_id - last : 0));
	return n;
}

/* ---- the thread ----------------------------------------------------------- */

/* Wait up to ms (or for a kick when kick_wakes); returns false when stopping. */
static bool wait_for(struct tg_otlp *o, uint32_t ms, bool kick_wakes)
{
	struct timespec ts;
	bool running;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&o->lock);
	while (!o->stopping && !(kick_wakes && o->kicked))
		if (pthread_cond_timedwait(&o->cond, &o->lock, &ts))
			break;
	if (kick_wakes)
		o->kicked = false;
	running = !o->stopping;
	pthread_mutex_unlock(&o->lock);
	return running;
}

static uint32_t jitter(uint32_t ms)
{
	unsigned char r = 0;

	RAND_bytes(&r, 1);
	return ms - ms / 5 + (uint32_t)((uint64_t)ms * 2 / 5 * r / 255);
}

static void *exporter_main(void *arg)
{
	struct tg_otlp *o = arg;
	uint32_t backoff = 0;
	bool warned = false;

	for (;;) {
		int n = export_batch(o);

		if (n > 0) {
			if (warned)
				tg_info("otlp: %s reachable again; exporting", o->url);
			backoff = 0;
			warned = false;
			continue;
		}
		if (n == 0) {
			if (!wait_for(o, 1000, true))
				break;
			continue;
		}
		backoff = backoff ? backoff * 2 : BACKOFF_MIN_MS;
		if (backoff > BACKOFF_MAX_MS)
			backoff = BACKOFF_MAX_MS;
		if (!warned)
			tg_warn("otlp: cannot export to %s; spans wait in the trace store and are retried",
				o->url);
		warned = true;
		if (!wait_for(o, o->retry_after_ms ? o->retry_after_ms : jitter(backoff), false))
			break;
	}
	/* stopping: a short last attempt, unless the collector is known down */
	if (!warned) {
		curl_easy_setopt(o->curl, CURLOPT_TIMEOUT_MS, 2000L);
		for (int i = 0; i < STOP_DRAIN_BATCHES && export_batch(o) > 0; i++)
			;
	}
	return NULL;
}

struct tg_otlp *tg_otlp_start(const struct tg_config *cfg, tg_err *err)
{
	struct tg_otlp *o = calloc(1, sizeof(*o));
	size_t n;

	if (!o) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	n = strlen(cfg->otlp_endpoint);
	while (n && cfg->otlp_endpoint[n - 1] == '/')
		n--;
	snprintf(o->url, sizeof(o->url), "%.*s/v1/traces", (int)n, cfg->otlp_endpoint);
	tg_strlcpy(o->service_name, cfg->otlp_service_name, sizeof(o->service_name));
	snprintf(o->db_path, sizeof(o->db_path), "%s/%s", cfg->state_dir, TG_STORE_FILE);
	snprintf(o->cursor_key, sizeof(o->cursor_key), "otlp_cursor %s", o->url);
	o->timeout_ms = cfg->otlp_timeout_ms;
	o->batch_max = cfg->otlp_batch_max;
	o->max_queue = cfg->otlp_max_queue_spans;
	o->mark = cfg->socket_mark;
	pthread_mutex_init(&o->lock, NULL);
	pthread_cond_init(&o->cond, NULL);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	o->curl = curl_easy_init();
	o->headers = curl_slist_append(NULL, "Content-Type: application/json");
	for (size_t i = 0; i < cfg->notlp_headers && o->headers; i++)
		o->headers = curl_slist_append(o->headers, cfg->otlp_headers[i]);
	if (!o->curl || !o->headers) {
		tg_errf(err, "otlp: out of memory");
		goto fail;
	}
	curl_easy_setopt(o->curl, CURLOPT_URL, o->url);
	curl_easy_setopt(o->curl, CURLOPT_HTTPHEADER, o->headers);
	curl_easy_setopt(o->curl, CURLOPT_TIMEOUT_MS, (long)o->timeout_ms);
	curl_easy_setopt(o->curl, CURLOPT_CONNECTTIMEOUT_MS, (long)o->timeout_ms);
	curl_easy_setopt(o->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(o->curl, CURLOPT_WRITEFUNCTION, discard);
	curl_easy_setopt(o->curl, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(o->curl, CURLOPT_HEADERDATA, o);
	curl_easy_setopt(o->curl, CURLOPT_SOCKOPTFUNCTION, set_mark);
	curl_easy_setopt(o->curl, CURLOPT_SOCKOPTDATA, o);
	curl_easy_setopt(o->curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(o->curl, CURLOPT_USERAGENT, "tollgate/0.1.0");
	if (sqlite3_open_v2(o->db_path, &o->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		tg_errf(err, "otlp: open %s: %s", o->db_path, o->db ? sqlite3_errmsg(o->db) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(o->db, 5000);
	o->cursor = query_int(o->db, "SELECT value FROM meta WHERE key = ?1", o->cursor_key, -1);
	if (o->cursor < 0 && save_cursor(o, query_int(o->db, "SELECT max(id) FROM spans", NULL, 0))) {
		tg_errf(err, "otlp: cannot initialise the export cursor in %s", o->db_path);
		goto fail;
	}
	if (pthread_create(&o->thread, NULL, exporter_main, o)) {
		tg_errf(err, "otlp: cannot start the exporter thread");
		goto fail;
	}
	tg_info("otlp: exporting spans to %s", o->url);
	return o;
fail:
	sqlite3_close(o->db);
	curl_slist_free_all(o->headers);
	if (o->curl)
		curl_easy_cleanup(o->curl);
	curl_global_cleanup();
	pthread_mutex_destroy(&o->lock);
	pthread_cond_destroy(&o->cond);
	free(o);
	return NULL;
}

void tg_otlp_kick(void *arg)
{
	struct tg_otlp *o = arg;

	pthread_mutex_lock(&o->lock);
	o->kicked = true;
	pthread_cond_signal(&o->cond);
	pthread_mutex_unlock(&o->lock);
}

void tg_otlp_stop(struct tg_otlp *o)
{
	if (!o)
		return;
	pthread_mutex_lock(&o->lock);
	o->stopping = true;
	pthread_cond_signal(&o->cond);
	pthread_mutex_unlock(&o->lock);
	pthread_join(o->thread, NULL);
	sqlite3_close(o->db);
	curl_slist_free_all(o->headers);
	curl_easy_cleanup(o->curl);
	curl_global_cleanup();
	pthread_mutex_destroy(&o->lock);
	pthread_cond_destroy(&o->cond);
	free(o);
}

void tg_otlp_stats(struct tg_otlp *o, struct tg_otlp_stats *st)
{
	memset(st, 0, sizeof(*st));
	if (!o)
		return;
	st->exported = atomic_load(&o->exported);
	st->dropped = atomic_load(&o->dropped);
	st->failures = atomic_load(&o->failures);
	st->backlog = atomic_load(&o->backlog);
}
