/*
 * store.c - the SQLite trace store: a bounded in-memory queue filled by the
 * workers, one writer thread that inserts in batches, and the read-only
 * queries behind `tollgate traces`, `tollgate trace ID` and `tollgate events`.
 *
 * Schema (traces.db):
 *   spans(id INTEGER PRIMARY KEY AUTOINCREMENT, trace_id, span_id,
 *         parent_span_id, start_ms, duration_ms, cgroup, pid, comm, uid,
 *         key_fp, provider, host, method, path, operation, model,
 *         response_model, status, outcome, error, input_tokens,
 *         output_tokens, cost_usd, budgets, redactions, otlp, extra,
 *         trace_key, span_key)
 *   events(id INTEGER PRIMARY KEY AUTOINCREMENT, time_ms, type, trace_id,
 *          span_id, cgroup, pid, comm, uid, key_fp, provider, model, detail)
 *   meta(key TEXT PRIMARY KEY, value)      -- e.g. the OTLP export cursor
 * "redactions", "detail", "otlp" and "extra" hold JSON text. A span is
 * stored flat (span.h): its columns, and in "extra" the few fields only its
 * OTLP form needs; the OTLP/JSON is built from the row when it is read.
 * ("otlp" held that JSON itself in rows written by earlier versions; they
 * are read as they are.)
 * trace_key and span_key are the first 16 hex digits of trace_id and
 * span_id as an integer (id_key()): the indexes that find a trace or a span
 * are on them, not on the text. 8-byte keys put four times as many rows on
 * a page as the hex text; and since the ids tollgate makes begin with the
 * time (trace.h), a batch adds its keys at the end of each index instead
 * of on random pages. (Earlier versions keyed a trace by the last 16
 * digits; their rows keep that key: see old_trace_key().)
 */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#define QUEUE_MAX 100000           /* rows waiting for the writer */
#define PRUNE_EVERY_MS (10 * 60 * 1000)
#define BATCH_MAX 10000
#define LINGER_MS 1000             /* a batch waits this long for more rows: fewer, larger transactions */

enum col_type { COL_TEXT, COL_INT, COL_REAL, COL_JSON };

struct col {
	const char *name;
	enum col_type type;
};

static const struct col span_cols[] = {
	{"trace_id", COL_TEXT}, {"span_id", COL_TEXT}, {"parent_span_id", COL_TEXT},
	{"start_ms", COL_INT}, {"duration_ms", COL_REAL}, {"cgroup", COL_TEXT},
	{"pid", COL_INT}, {"comm", COL_TEXT}, {"uid", COL_INT}, {"key_fp", COL_TEXT},
	{"provider", COL_TEXT}, {"host", COL_TEXT}, {"method", COL_TEXT}, {"path", COL_TEXT},
	{"operation", COL_TEXT}, {"model", COL_TEXT}, {"response_model", COL_TEXT},
	{"status", COL_INT}, {"outcome", COL_TEXT}, {"error", COL_TEXT},
	{"input_tokens", COL_INT}, {"output_tokens", COL_INT}, {"cost_usd", COL_REAL},
	{"budgets", COL_TEXT}, {"redactions", COL_JSON}, {"otlp", COL_JSON}, {"extra", COL_JSON},
	{"trace_key", COL_INT}, {"span_key", COL_INT},
};

static const struct col event_cols[] = {
	{"time_ms", COL_INT}, {"type", COL_TEXT}, {"trace_id", COL_TEXT}, {"span_id", COL_TEXT},
	{"cgroup", COL_TEXT}, {"pid", COL_INT}, {"comm", COL_TEXT}, {"uid", COL_INT},
	{"key_fp", COL_TEXT}, {"provider", COL_TEXT}, {"model", COL_TEXT}, {"detail", COL_JSON},
};

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS spans(id INTEGER PRIMARY KEY AUTOINCREMENT, trace_id TEXT,"
	" span_id TEXT, parent_span_id TEXT, start_ms INTEGER, duration_ms REAL, cgroup TEXT,"
	" pid INTEGER, comm TEXT, uid INTEGER, key_fp TEXT, provider TEXT, host TEXT, method TEXT,"
	" path TEXT, operation TEXT, model TEXT, response_model TEXT, status INTEGER, outcome TEXT,"
	" error TEXT, input_tokens INTEGER, output_tokens INTEGER, cost_usd REAL, budgets TEXT,"
	" redactions TEXT, otlp TEXT, extra TEXT, trace_key INTEGER, span_key INTEGER);"
	"CREATE INDEX IF NOT EXISTS spans_start ON spans(start_ms);"
	"CREATE TABLE IF NOT EXISTS events(id INTEGER PRIMARY KEY AUTOINCREMENT, time_ms INTEGER,"
	" type TEXT, trace_id TEXT, span_id TEXT, cgroup TEXT, pid INTEGER, comm TEXT, uid INTEGER,"
	" key_fp TEXT, provider TEXT, model TEXT, detail TEXT);"
	"CREATE INDEX IF NOT EXISTS events_trace ON events(trace_id);"
	"CREATE INDEX IF NOT EXISTS events_time ON events(time_ms);"
	"CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value);";

struct item {
	struct tg_span_row *span;  /* a span, or */
	cJSON *row;                /* an event */
	uint64_t queued_ms;
	struct item *next;
};

struct tg_store {
	sqlite3 *db;
	sqlite3_stmt *ins_span, *ins_event;
	uint32_t retention_days;
	pthread_t thread;
	bool thread_started;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct item *head, *tail;
	size_t nqueued;
	bool stopping;
	tg_store_commit_fn on_commit;
	void *on_commit_arg;
	atomic_ulong spans_written, events_written, dropped;
	uint64_t last_prune_ms;
};

/* ---- opening ------------------------------------------------------------ */

static int exec(sqlite3 *db, const char *sql, tg_err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		tg_errf(err, "%s", msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int prepare_insert(sqlite3 *db, const char *table, const struct col *cols, size_t n,
			  sqlite3_stmt **st, tg_err *err)
{
	char sql[1024];
	size_t off;

	off = (size_t)snprintf(sql, sizeof(sql), "INSERT INTO %s(", table);
	for (size_t i = 0; i < n; i++)
		off += (size_t)snprintf(sql + off, sizeof(sql) - off, "%s%s", i ? "," : "", cols[i].name);
	off += (size_t)snprintf(sql + off, sizeof(sql) - off, ") VALUES(");
	for (size_t i = 0; i < n; i++)
		off += (size_t)snprintf(sql + off, sizeof(sql) - off, "%s?", i ? "," : "");
	snprintf(sql + off, sizeof(sql) - off, ")");
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		return tg_errf(err, "prepare insert into %s: %s", table, sqlite3_errmsg(db));
	return 0;
}

static void *writer_main(void *arg);

static uint64_t hex_digits(const char *p, size_t n)
{
	uint64_t k = 0;

	for (size_t i = 0; i < n && p[i]; i++)
		k = k << 4 | (uint64_t)(p[i] <= '9' ? p[i] - '0' : (p[i] | 0x20) - 'a' + 10);
	return k;
}

/* The index key of a trace or span id: its first 16 hex digits (all of a
 * span id's) as a 64-bit integer. The ids tollgate makes begin with the time
 * (trace.h), so a new row's key lands at the end of each index, on a page
 * the last batch wrote, not on any page of it: with random keys, once an
 * index outgrows the page cache, each row cost a page read and a page
 * write. (Trace ids from agents are random, and so are their keys.) */
static sqlite3_int64 id_key(const char *id)
{
	return (sqlite3_int64)hex_digits(id, 16);
}

/* The key earlier versions gave a trace: the last 16 hex digits of its id.
 * Their rows keep it (re-keying a large store would rewrite every row at
 * start-up), so a trace is looked up under both keys until they age out. */
static sqlite3_int64 old_trace_key(const char *id)
{
	size_t n = strlen(id);

	return (sqlite3_int64)hex_digits(id + (n > 16 ? n - 16 : 0), 16);
}

static void sql_id_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *id = sqlite3_value_text(argv[0]);

	(void)argc;
	if (id)
		sqlite3_result_int64(ctx, id_key((const char *)id));
	else
		sqlite3_result_null(ctx);
}

static bool has_column(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st = NULL;
	bool have = false;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info('spans') WHERE name = ?1", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		have = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return have;
}

/* Bring a store made by an earlier version up to date: it may lack the
 * "extra" column, and the id keys (its indexes were on the id text). */
static int migrate(sqlite3 *db, tg_err *err)
{
	if (!has_column(db, "extra") && exec(db, "ALTER TABLE spans ADD COLUMN extra TEXT", err))
		return -1;
	if (!has_column(db, "trace_key")) {
		if (sqlite3_create_function(db, "tg_id_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
					    sql_id_key, NULL, NULL) != SQLITE_OK)
			return tg_errf(err, "%s", sqlite3_errmsg(db));
		if (exec(db, "BEGIN; ALTER TABLE spans ADD COLUMN trace_key INTEGER;"
			     " ALTER TABLE spans ADD COLUMN span_key INTEGER;"
			     " UPDATE spans SET trace_key = tg_id_key(trace_id), span_key = tg_id_key(span_id);"
			     " DROP INDEX IF EXISTS spans_trace; DROP INDEX IF EXISTS spans_span; COMMIT;", err)) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
	}
	return exec(db, "CREATE INDEX IF NOT EXISTS spans_trace_key ON spans(trace_key);"
			"CREATE INDEX IF NOT EXISTS spans_span_key ON spans(span_key);", err);
}

struct tg_store *tg_store_open(const char *state_dir, uint32_t retention_days, tg_err *err)
{
	struct tg_store *s = calloc(1, sizeof(*s));
	char path[4096];
	int fd;

	if (!s) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/%s", state_dir, TG_STORE_FILE);
	/* create it root-only before SQLite does (it would use the umask) */
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		tg_errf(err, "create %s: %s", path, strerror(errno));
		free(s);
		return NULL;
	}
	fchmod(fd, 0600);
	close(fd);
	s->retention_days = retention_days;
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->cond, NULL);
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		tg_errf(err, "open %s: %s", path, s->db ? sqlite3_errmsg(s->db) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(s->db, 5000);
	/* Large batches, a page cache that holds the indexes' hot pages (all
	 * of them for random keys: trace ids from agents), and checkpoints
	 * every 16 MB of WAL keep a page written once per batch and copied
	 * once per checkpoint. */
	if (exec(s->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768;"
			" PRAGMA wal_autocheckpoint=4000;", err) ||
	    exec(s->db, schema, err) || migrate(s->db, err) ||
	    prepare_insert(s->db, "spans", span_cols, TG_ARRAY_LEN(span_cols), &s->ins_span, err) ||
	    prepare_insert(s->db, "events", event_cols, TG_ARRAY_LEN(event_cols), &s->ins_event, err)) {
		tg_err_prefix(err, "trace store %s", path);
		goto fail;
	}
	/* WAL and shared-memory files must be root-only too */
	snprintf(path, sizeof(path), "%s/%s-wal", state_dir, TG_STORE_FILE);
	chmod(path, 0600);
	snprintf(path, sizeof(path), "%s/%s-shm", state_dir, TG_STORE_FILE);
	chmod(path, 0600);
	if (pthread_create(&s->thread, NULL, writer_main, s)) {
		tg_errf(err, "trace store: cannot start its thread");
		goto fail;
	}
	s->thread_started = true;
	return s;
fail:
	sqlite3_finalize(s->ins_span);
	sqlite3_finalize(s->ins_event);
	sqlite3_close(s->db);
	pthread_mutex_destroy(&s->lock);
	pthread_cond_destroy(&s->cond);
	free(s);
	return NULL;
}

void tg_store_on_commit(struct tg_store *s, tg_store_commit_fn fn, void *arg)
{
	pthread_mutex_lock(&s->lock);
	s->on_commit = fn;
	s->on_commit_arg = arg;
	pthread_mutex_unlock(&s->lock);
}

void tg_store_close(struct tg_store *s)
{
	if (!s)
		return;
	pthread_mutex_lock(&s->lock);
	s->stopping = true;
	pthread_cond_signal(&s->cond);
	pthread_mutex_unlock(&s->lock);
	if (s->thread_started)
		pthread_join(s->thread, NULL);
	while (s->head) {
		struct item *it = s->head;

		s->head = it->next;
		tg_span_row_free(it->span);
		cJSON_Delete(it->row);
		free(it);
	}
	sqlite3_finalize(s->ins_span);
	sqlite3_finalize(s->ins_event);
	sqlite3_close(s->db);
	pthread_mutex_destroy(&s->lock);
	pthread_cond_destroy(&s->cond);
	free(s);
}

/* ---- queueing ----------------------------------------------------------- */

static void put(struct tg_store *s, struct tg_span_row *span, cJSON *row)
{
	struct item *it;

	if (!s || (!span && !row)) {
		tg_span_row_free(span);
		cJSON_Delete(row);
		return;
	}
	it = malloc(sizeof(*it));
	if (!it) {
		tg_span_row_free(span);
		cJSON_Delete(row);
		atomic_fetch_add(&s->dropped, 1);
		return;
	}
	it->span = span;
	it->row = row;
	it->queued_ms = tg_now_ms();
	it->next = NULL;
	pthread_mutex_lock(&s->lock);
	if (s->nqueued >= QUEUE_MAX || s->stopping) {
		pthread_mutex_unlock(&s->lock);
		tg_span_row_free(span);
		cJSON_Delete(row);
		free(it);
		atomic_fetch_add(&s->dropped, 1);
		return;
	}
	if (s->tail)
		s->tail->next = it;
	else
		s->head = it;
	s->tail = it;
	if (s->nqueued++ == 0 || s->nqueued == BATCH_MAX)
		pthread_cond_signal(&s->cond);
	pthread_mutex_unlock(&s->lock);
}

void tg_store_put_span(struct tg_store *s, struct tg_span_row *span)
{
	put(s, span, NULL);
}

void tg_store_put_event(struct tg_store *s, cJSON *row)
{
	put(s, NULL, row);
}

void tg_store_stats(struct tg_store *s, struct tg_store_stats *st)
{
	memset(st, 0, sizeof(*st));
	if (!s)
		return;
	st->spans_written = atomic_load(&s->spans_written);
	st->events_written = atomic_load(&s->events_written);
	st->dropped = atomic_load(&s->dropped);
	pthread_mutex_lock(&s->lock);
	st->queued = s->nqueued;
	pthread_mutex_unlock(&s->lock);
}

/* ---- the writer thread -------------------------------------------------- */

static int insert(sqlite3_stmt *st, const struct col *cols, size_t n, const cJSON *row)
{
	int rc;

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	for (size_t i = 0; i < n; i++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(row, cols[i].name);
		int k = (int)i + 1;

		if (!v || cJSON_IsNull(v))
			continue;
		switch (cols[i].type) {
		case COL_TEXT:
			if (cJSON_IsString(v))
				sqlite3_bind_text(st, k, v->valuestring, -1, SQLITE_TRANSIENT);
			break;
		case COL_INT:
			if (cJSON_IsNumber(v))
				sqlite3_bind_int64(st, k, (sqlite3_int64)v->valuedouble);
			break;
		case COL_REAL:
			if (cJSON_IsNumber(v))
				sqlite3_bind_double(st, k, v->valuedouble);
			break;
		case COL_JSON: {
			char *text = cJSON_PrintUnformatted(v);

			if (text)
				sqlite3_bind_text(st, k, text, -1, free);
			break;
		}
		}
	}
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void bind_str(sqlite3_stmt *st, int k, const char *v)
{
	sqlite3_bind_text(st, k, v, -1, SQLITE_STATIC);
}

/* The columns in span_cols' order, straight from the row (it outlives the
 * step). Every one is bound every time (26, otlp, never: NULL), so the
 * bindings need no clearing. */
static int insert_span(sqlite3_stmt *st, const struct tg_span_row *r, struct tg_buf *extra)
{
	int rc;

	sqlite3_reset(st);
	bind_str(st, 1, r->trace_id);
	bind_str(st, 2, r->span_id);
	bind_str(st, 3, r->parent_span_id);
	sqlite3_bind_int64(st, 4, r->start_ms);
	sqlite3_bind_double(st, 5, r->duration_ms);
	bind_str(st, 6, r->cgroup);
	sqlite3_bind_int64(st, 7, r->pid);
	bind_str(st, 8, r->comm);
	sqlite3_bind_int64(st, 9, r->uid);
	bind_str(st, 10, r->key_fp);
	bind_str(st, 11, r->provider);
	bind_str(st, 12, r->host);
	bind_str(st, 13, r->method);
	bind_str(st, 14, r->path);
	bind_str(st, 15, r->operation);
	bind_str(st, 16, r->model);
	bind_str(st, 17, r->response_model);
	sqlite3_bind_int(st, 18, r->status);
	bind_str(st, 19, r->outcome);
	bind_str(st, 20, r->error);
	sqlite3_bind_int64(st, 21, (sqlite3_int64)r->input_tokens);
	sqlite3_bind_int64(st, 22, (sqlite3_int64)r->output_tokens);
	sqlite3_bind_double(st, 23, r->cost_usd);
	bind_str(st, 24, r->budgets);
	bind_str(st, 25, r->redactions);
	/* 26, otlp: NULL (built from the row when read) */
	tg_buf_reset(extra);
	if (tg_span_extra_json(r, extra))
		return -1;
	sqlite3_bind_text(st, 27, tg_buf_start(extra), (int)tg_buf_used(extra), SQLITE_STATIC);
	sqlite3_bind_int64(st, 28, id_key(r->trace_id));
	sqlite3_bind_int64(st, 29, id_key(r->span_id));
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void prune(struct tg_store *s)
{
	uint64_t now = tg_now_ms();
	char sql[256];
	int64_t cutoff;

	if (!s->retention_days || (s->last_prune_ms && now - s->last_prune_ms < PRUNE_EVERY_MS))
		return;
	s->last_prune_ms = now;
	cutoff = tg_wall_ms() - (int64_t)s->retention_days * 86400000;
	snprintf(sql, sizeof(sql),
		 "DELETE FROM spans WHERE start_ms < %lld; DELETE FROM events WHERE time_ms < %lld;",
		 (long long)cutoff, (long long)cutoff);
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		tg_warn("trace store: pruning rows older than %u days: %s", s->retention_days,
			sqlite3_errmsg(s->db));
}

static void write_batch(struct tg_store *s, struct item *batch)
{
	bool spans = false;
	unsigned long nspans = 0, nevents = 0, failed = 0;
	struct tg_buf extra = {0};

	if (sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		tg_warn("trace store: begin: %s", sqlite3_errmsg(s->db));
	for (struct item *it = batch; it; it = it->next) {
		int rc = it->span ? insert_span(s->ins_span, it->span, &extra)
				  : insert(s->ins_event, event_cols, TG_ARRAY_LEN(event_cols), it->row);

		if (rc) {
			failed++;
		} else if (it->span) {
			nspans++;
			spans = true;
		} else {
			nevents++;
		}
	}
	tg_buf_free(&extra);
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		tg_warn("trace store: commit: %s", sqlite3_errmsg(s->db));
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		failed += nspans + nevents;
		nspans = nevents = 0;
		spans = false;
	}
	if (failed) {
		tg_warn("trace store: %lu rows could not be written: %s", failed, sqlite3_errmsg(s->db));
		atomic_fetch_add(&s->dropped, failed);
	}
	atomic_fetch_add(&s->spans_written, nspans);
	atomic_fetch_add(&s->events_written, nevents);
	if (spans) {
		tg_store_commit_fn fn;
		void *arg;

		pthread_mutex_lock(&s->lock);
		fn = s->on_commit;
		arg = s->on_commit_arg;
		pthread_mutex_unlock(&s->lock);
		if (fn)
			fn(arg);
	}
}

static void *writer_main(void *arg)
{
	struct tg_store *s = arg;

	pthread_setname_np(pthread_self(), "tg-store");
	for (;;) {
		struct item *batch, *cut, *rest;
		size_t n = 0;
		bool stopping;

		pthread_mutex_lock(&s->lock);
		while (!s->head && !s->stopping) {
			struct timespec ts;

			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_sec += 1;
			pthread_cond_timedwait(&s->cond, &s->lock, &ts);
			if (!s->head)
				break;
		}
		/* let the batch fill for a moment: a transaction per row costs WAL
		 * page writes per row; a transaction per LINGER_MS shares the pages
		 * (put() signals only a full batch, close() always) */
		while (s->head && !s->stopping && s->nqueued < BATCH_MAX && tg_now_ms() < s->head->queued_ms + LINGER_MS) {
			struct timespec ts;
			uint64_t left = s->head->queued_ms + LINGER_MS - tg_now_ms();

			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_sec += (time_t)(left / 1000);
			ts.tv_nsec += (long)(left % 1000) * 1000000L;
			if (ts.tv_nsec >= 1000000000L) {
				ts.tv_sec++;
				ts.tv_nsec -= 1000000000L;
			}
			pthread_cond_timedwait(&s->cond, &s->lock, &ts);
		}
		/* take up to BATCH_MAX rows */
		batch = s->head;
		cut = NULL;
		for (rest = batch; rest && n < BATCH_MAX; rest = rest->next) {
			cut = rest;
			n++;
		}
		if (cut)
			cut->next = NULL;
		s->head = rest;
		if (!rest)
			s->tail = NULL;
		s->nqueued -= n;
		stopping = s->stopping && !s->head;
		pthread_mutex_unlock(&s->lock);
		if (batch)
			write_batch(s, batch);
		while (batch) {
			struct item *it = batch;

			batch = it->next;
			tg_span_row_free(it->span);
			cJSON_Delete(it->row);
			free(it);
		}
		prune(s);
		if (stopping)
			break;
	}
	return NULL;
}

/* ---- queries ------------------------------------------------------------ */

static int open_ro(const char *db, sqlite3 **out, tg_err *err)
{
	if (access(db, F_OK))
		return tg_errf(err, "no trace store at %s (has the daemon run with this configuration?)", db);
	if (sqlite3_open_v2(db, out, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		tg_errf(err, "open %s: %s", db, *out ? sqlite3_errmsg(*out) : "out of memory");
		sqlite3_close(*out);
		*out = NULL;
		return -1;
	}
	sqlite3_busy_timeout(*out, 5000);
	return 0;
}

static void col_str(sqlite3_stmt *st, int i, char *out, size_t size)
{
	const char *t = (const char *)sqlite3_column_text(st, i);

	tg_strlcpy(out, t ? t : "", size);
}

void tg_store_span_from_stmt(sqlite3_stmt *st, struct tg_span_row *r)
{
	int n = sqlite3_column_count(st);

	for (int i = 0; i < n; i++) {
		const char *name = sqlite3_column_name(st, i);

#define STR(col) else if (strcmp(name, #col) == 0) col_str(st, i, r->col, sizeof(r->col))
#define NUM(col, type) else if (strcmp(name, #col) == 0) r->col = (type)sqlite3_column_int64(st, i)
		if (strcmp(name, "duration_ms") == 0)
			r->duration_ms = sqlite3_column_double(st, i);
		else if (strcmp(name, "cost_usd") == 0)
			r->cost_usd = sqlite3_column_double(st, i);
		else if (strcmp(name, "extra") == 0)
			tg_span_extra_parse(r, (const char *)sqlite3_column_text(st, i));
		STR(trace_id); STR(span_id); STR(parent_span_id); STR(cgroup); STR(comm); STR(key_fp);
		STR(provider); STR(host); STR(method); STR(path); STR(operation); STR(model);
		STR(response_model); STR(outcome); STR(error); STR(budgets); STR(redactions);
		NUM(start_ms, int64_t); NUM(pid, uint32_t); NUM(uid, uint32_t); NUM(status, int);
		NUM(input_tokens, uint64_t); NUM(output_tokens, uint64_t);
#undef STR
#undef NUM
	}
}

int tg_store_span_otlp(sqlite3_stmt *st, struct tg_buf *out)
{
	int n = sqlite3_column_count(st);
	struct tg_span_row *r;
	int rc;

	for (int i = 0; i < n; i++) {
		if (strcmp(sqlite3_column_name(st, i), "otlp") == 0 && sqlite3_column_type(st, i) == SQLITE_TEXT)
			return tg_buf_append(out, sqlite3_column_text(st, i), (size_t)sqlite3_column_bytes(st, i));
	}
	r = calloc(1, sizeof(*r));
	if (!r)
		return -1;
	tg_store_span_from_stmt(st, r);
	rc = tg_span_otlp_json(r, out);
	tg_span_row_free(r);
	return rc;
}

/* One result row as an object: columns by name; JSON columns parsed; a
 * span's "otlp" built from the row, and "extra" left out. */
static cJSON *row_object(sqlite3_stmt *st)
{
	cJSON *o = cJSON_CreateObject();
	int n = sqlite3_column_count(st);
	bool span = false;

	for (int i = 0; o && i < n; i++) {
		const char *name = sqlite3_column_name(st, i);

		if (strcmp(name, "extra") == 0) {
			span = true;
			continue;
		}
		if (strcmp(name, "trace_key") == 0 || strcmp(name, "span_key") == 0)
			continue;
		switch (sqlite3_column_type(st, i)) {
		case SQLITE_INTEGER:
			cJSON_AddNumberToObject(o, name, (double)sqlite3_column_int64(st, i));
			break;
		case SQLITE_FLOAT:
			cJSON_AddNumberToObject(o, name, sqlite3_column_double(st, i));
			break;
		case SQLITE_TEXT: {
			const char *t = (const char *)sqlite3_column_text(st, i);

			if (strcmp(name, "redactions") == 0 || strcmp(name, "detail") == 0 ||
			    strcmp(name, "otlp") == 0) {
				cJSON *j = cJSON_Parse(t);

				cJSON_AddItemToObject(o, name, j ? j : cJSON_CreateNull());
			} else {
				cJSON_AddStringToObject(o, name, t);
			}
			break;
		}
		default:
			cJSON_AddNullToObject(o, name);
		}
	}
	if (o && span && cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(o, "otlp"))) {
		struct tg_buf b = {0};
		cJSON *j;

		if (tg_store_span_otlp(st, &b) == 0 && (j = cJSON_ParseWithLength(tg_buf_start(&b), tg_buf_used(&b))))
			cJSON_ReplaceItemInObjectCaseSensitive(o, "otlp", j);
		tg_buf_free(&b);
	}
	return o;
}

static int run_query(sqlite3 *db, sqlite3_stmt *st, cJSON *arr, bool reverse, tg_err *err)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cJSON *o = row_object(st);

		if (!o)
			return tg_errf(err, "out of memory");
		if (reverse)
			cJSON_InsertItemInArray(arr, 0, o);
		else
			cJSON_AddItemToArray(arr, o);
	}
	if (rc != SQLITE_DONE)
		return tg_errf(err, "query: %s", sqlite3_errmsg(db));
	return 0;
}

#define SPAN_SUMMARY "id, trace_id, span_id, parent_span_id, start_ms, duration_ms, cgroup, pid," \
		     " comm, uid, key_fp, provider, host, method, path, operation, model," \
		     " response_model, status, outcome, error, input_tokens, output_tokens," \
		     " cost_usd, budgets, redactions"

int tg_store_query_spans(const char *db, const struct tg_store_filter *f, cJSON **out, tg_err *err)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	int rc = -1;

	*out = NULL;
	if (open_ro(db, &h, err))
		return -1;
	if (sqlite3_prepare_v2(h,
			       "SELECT " SPAN_SUMMARY " FROM spans"
			       " WHERE (?1 IS NULL OR cgroup = ?1 OR substr(cgroup, 1, length(?1) + 1) = ?1 || '/')"
			       "   AND start_ms >= ?2 ORDER BY id DESC LIMIT ?3",
			       -1, &st, NULL) != SQLITE_OK) {
		tg_errf(err, "query %s: %s", db, sqlite3_errmsg(h));
		goto out;
	}
	if (f->cgroup && strcmp(f->cgroup, "/") != 0)
		sqlite3_bind_text(st, 1, f->cgroup, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, f->since_ms);
	sqlite3_bind_int(st, 3, f->limit > 0 ? f->limit : 100);
	*out = cJSON_CreateArray();
	rc = *out ? run_query(h, st, *out, true, err) : tg_errf(err, "out of memory");
out:
	sqlite3_finalize(st);
	sqlite3_close(h);
	if (rc) {
		cJSON_Delete(*out);
		*out = NULL;
	}
	return rc;
}

static bool is_hex_id(const char *s, size_t n)
{
	if (strlen(s) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

int tg_store_query_trace(const char *db, const char *id, cJSON **out, tg_err *err)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	cJSON *spans = NULL, *events = NULL;
	bool by_trace = is_hex_id(id, 32);
	int rc = -1;

	*out = NULL;
	if (!by_trace && !is_hex_id(id, 16))
		return tg_errf(err, "\"%.64s\" is neither a trace id (32 lowercase hex digits) nor a span id (16)", id);
	if (open_ro(db, &h, err))
		return -1;
	spans = cJSON_CreateArray();
	events = cJSON_CreateArray();
	if (!spans || !events) {
		tg_errf(err, "out of memory");
		goto out;
	}
	if (sqlite3_prepare_v2(h, by_trace ? "SELECT * FROM spans WHERE trace_key IN (?2, ?3) AND trace_id = ?1"
					     " ORDER BY start_ms, id"
					   : "SELECT * FROM spans WHERE span_key = ?2 AND span_id = ?1 ORDER BY id",
			       -1, &st, NULL) != SQLITE_OK) {
		tg_errf(err, "query %s: %s", db, sqlite3_errmsg(h));
		goto out;
	}
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id_key(id));
	if (by_trace)
		sqlite3_bind_int64(st, 3, old_trace_key(id));
	if (run_query(h, st, spans, false, err))
		goto out;
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_prepare_v2(h, by_trace ? "SELECT * FROM events WHERE trace_id = ?1 ORDER BY time_ms, id"
					   : "SELECT * FROM events WHERE span_id = ?1 ORDER BY time_ms, id",
			       -1, &st, NULL) != SQLITE_OK) {
		tg_errf(err, "query %s: %s", db, sqlite3_errmsg(h));
		goto out;
	}
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (run_query(h, st, events, false, err))
		goto out;
	if (cJSON_GetArraySize(spans) == 0 && cJSON_GetArraySize(events) == 0) {
		rc = 1;
		goto out;
	}
	*out = cJSON_CreateObject();
	if (!*out) {
		tg_errf(err, "out of memory");
		goto out;
	}
	cJSON_AddItemToObject(*out, "spans", spans);
	cJSON_AddItemToObject(*out, "events", events);
	spans = events = NULL;
	rc = 0;
out:
	cJSON_Delete(spans);
	cJSON_Delete(events);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return rc;
}

int tg_store_query_events(const char *db, const struct tg_store_filter *f, cJSON **out, tg_err *err)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	int rc = -1;

	*out = NULL;
	if (open_ro(db, &h, err))
		return -1;
	/* types: ",a,b," contains ",type," */
	if (sqlite3_prepare_v2(h,
			       "SELECT * FROM events"
			       " WHERE (?1 IS NULL OR instr(?1, ',' || type || ',') > 0)"
			       "   AND (?2 IS NULL OR trace_id = ?2)"
			       "   AND (?3 IS NULL OR cgroup = ?3 OR substr(cgroup, 1, length(?3) + 1) = ?3 || '/')"
			       "   AND time_ms >= ?4 ORDER BY id DESC LIMIT ?5",
			       -1, &st, NULL) != SQLITE_OK) {
		tg_errf(err, "query %s: %s", db, sqlite3_errmsg(h));
		goto out;
	}
	if (f->types && f->types[0]) {
		char *t = malloc(strlen(f->types) + 3);

		if (!t) {
			tg_errf(err, "out of memory");
			goto out;
		}
		sprintf(t, ",%s,", f->types);
		sqlite3_bind_text(st, 1, t, -1, free);
	}
	if (f->trace_id)
		sqlite3_bind_text(st, 2, f->trace_id, -1, SQLITE_STATIC);
	if (f->cgroup && strcmp(f->cgroup, "/") != 0)
		sqlite3_bind_text(st, 3, f->cgroup, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, f->since_ms);
	sqlite3_bind_int(st, 5, f->limit > 0 ? f->limit : 100);
	*out = cJSON_CreateArray();
	rc = *out ? run_query(h, st, *out, true, err) : tg_errf(err, "out of memory");
out:
	sqlite3_finalize(st);
	sqlite3_close(h);
	if (rc) {
		cJSON_Delete(*out);
		*out = NULL;
	}
	return rc;
}

int tg_parse_since(const char *s, int64_t now_ms, int64_t *out, tg_err *err)
{
	char *end;
	double v;
	struct tm tm;
	const char *rest;

	if (!s || !*s)
		return tg_errf(err, "empty time");
	v = strtod(s, &end);
	if (end != s && v >= 0 && end[0] && !end[1] && strchr("smhd", end[0]) && (s[0] >= '0' && s[0] <= '9')) {
		double mult = end[0] == 's' ? 1e3 : end[0] == 'm' ? 60e3 : end[0] == 'h' ? 3600e3 : 86400e3;

		*out = now_ms - (int64_t)(v * mult);
		return 0;
	}
	memset(&tm, 0, sizeof(tm));
	rest = strptime(s, "%Y-%m-%d", &tm);
	if (rest && *rest == 'T')
		rest = strptime(rest + 1, "%H:%M:%S", &tm);
	if (rest && (*rest == 0 || strcmp(rest, "Z") == 0)) {
		*out = (int64_t)timegm(&tm) * 1000;
		return 0;
	}
	return tg_errf(err, "\"%.64s\" is not a duration (90s, 15m, 2h, 7d) or a UTC time (2025-01-02 or 2025-01-02T03:04:05Z)", s);
}
