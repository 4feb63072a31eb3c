/*
 * ledger.c - the spend ledger in SQLite (see ledger.h): a queue filled by
 * the workers, a writer thread that commits it in batches, a checkpoint
 * thread, a read connection for sums, rollups and admin budgets, and the
 * journal that makes settlements durable before their commit
 * (ledger_journal.h).
 */
#include "ledger.h"

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

#include "ledger_journal.h"
#include "prices.h"

#define BUSY_TIMEOUT_MS 1000     /* one write attempt waits this long for a lock */
#define BATCH_MAX 1024           /* records per transaction */
#define QUEUE_MAX 100000         /* records waiting; beyond it new ones are refused */
#define RETRY_MIN_MS 50          /* a failed batch is retried after this, doubling */
#define RETRY_MAX_MS 1000
#define CLOSE_ATTEMPTS 5         /* at close, a failing batch is tried this often more */
#define CHECKPOINT_FRAMES 1000   /* WAL frames that start a (passive) checkpoint */
#define READ_FLUSH_MS 2000       /* reads wait this long for queued records */
#define GROUP_WAIT_US 500        /* under load, a waited-for batch waits this long for more */

enum rec_kind { REC_RESERVE, REC_SETTLE, REC_RELEASE };

/* The writer's prepared statements (tg_ledger.stmt), SQL in stmt_sql. */
enum { ST_INS_SPEND, ST_INS_RES, ST_DEL_RES, ST_JOURNAL, ST_BEGIN, ST_COMMIT, ST_COUNT };

struct tg_ledger_wait {
	struct tg_loop *loop;
	void (*fn)(void *arg, bool durable);
	void *arg;
	bool durable;
};

/* One queued write, with its own copy of the row. */
struct rec {
	enum rec_kind kind;
	int64_t res_id;          /* the reservation it writes or drops */
	uint64_t seq;
	uint64_t jseq;           /* a settlement in the journal: its sequence number there */
	uint64_t queued_us;
	bool coalesced;          /* writer: this reservation is dropped in the same batch */
	bool res_in_batch;       /* writer: ... so its settle/release does not delete it */
	struct tg_ledger_wait *wait;
	struct {
		int64_t time_ms;
		char trace_id[33];
		char cgroup[512];
		uint32_t uid;
		char key_fp[TG_KEY_FP_LEN];
		char provider[64];
		char model[128];
		char price_model[128];
		char operation[32];
		struct tg_call_usage usage;
		int64_t cost_nusd;
		int status;
	} row;
	struct rec *next;
};

struct tg_ledger {
	char path[4096];
	/* the writer thread's connection and statements (that thread only, after open) */
	sqlite3 *db;
	sqlite3_stmt *stmt[ST_COUNT];
	/* the queue */
	pthread_mutex_t lock;
	pthread_cond_t wake;     /* writer: records arrived / stop */
	pthread_cond_t flushed;  /* tg_ledger_flush: a batch committed */
	struct rec *head, *tail;
	size_t nqueued, nwaiting;
	bool grouping;           /* the writer waits for a batch to grow: no need to wake it */
	uint64_t last_wait_us;   /* when the last waited-for record was queued */
	uint64_t wait_gap_us;    /* moving average of the time between them */
	atomic_int inflight;     /* calls that will settle (tg_ledger_inflight) */
	uint64_t next_seq, committed_seq;
	uint64_t flush_seq;      /* a reader waits for this record: commit it now */
	int64_t next_id;
	/* the journal (NULL with full sync): appended under lock */
	struct tg_journal *journal;
	uint64_t next_jseq;
	uint64_t n_replayed;     /* settlements committed from it at open */
	bool stopping;
	char last_error[256];
	pthread_t writer;
	bool writer_started;
	atomic_bool failing;
	atomic_uint_fast64_t batch_start_ms;
	atomic_uint_fast64_t n_records, n_batches, n_coalesced, n_failures, n_lost;
	/* checkpoints */
	sqlite3 *cdb;
	pthread_t checkpointer;
	bool checkpointer_started;
	pthread_mutex_t ckpt_lock;
	pthread_cond_t ckpt_cond;
	bool ckpt_wanted, ckpt_stop;
	/* reads, admin budgets, release at start */
	sqlite3 *rdb;
	pthread_mutex_t rlock;
};

static const char *const schema =
	"CREATE TABLE IF NOT EXISTS spend("
	" id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL, trace_id TEXT, cgroup TEXT, uid INTEGER,"
	" key_fp TEXT, provider TEXT, model TEXT, price_model TEXT, operation TEXT,"
	" input_tokens INTEGER, cached_tokens INTEGER, cache_write_tokens INTEGER, output_tokens INTEGER,"
	" reasoning_tokens INTEGER, cost_nusd INTEGER NOT NULL, estimated INTEGER, status INTEGER);"
	"CREATE INDEX IF NOT EXISTS spend_time ON spend(time_ms);"
	"CREATE TABLE IF NOT EXISTS reservations("
	" id INTEGER PRIMARY KEY, time_ms INTEGER, trace_id TEXT, cgroup TEXT, uid INTEGER, key_fp TEXT,"
	" provider TEXT, model TEXT, amount_nusd INTEGER);"
	"CREATE TABLE IF NOT EXISTS died("
	" id INTEGER PRIMARY KEY, time_ms INTEGER, released_ms INTEGER, trace_id TEXT, cgroup TEXT,"
	" uid INTEGER, key_fp TEXT, provider TEXT, model TEXT, amount_nusd INTEGER);"
	"CREATE TABLE IF NOT EXISTS budgets(id TEXT PRIMARY KEY, json TEXT NOT NULL, time_ms INTEGER);"
	"CREATE TABLE IF NOT EXISTS journal_state(id INTEGER PRIMARY KEY CHECK (id = 1), applied INTEGER NOT NULL);";

static const char *const stmt_sql[ST_COUNT] = {
	[ST_INS_SPEND] = "INSERT INTO spend(time_ms, trace_id, cgroup, uid, key_fp, provider, model, price_model,"
			 " operation, input_tokens, cached_tokens, cache_write_tokens, output_tokens,"
			 " reasoning_tokens, cost_nusd, estimated, status)"
			 " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
	[ST_INS_RES] = "INSERT INTO reservations(id, time_ms, trace_id, cgroup, uid, key_fp, provider, model,"
		       " amount_nusd) VALUES(?,?,?,?,?,?,?,?,?)",
	[ST_DEL_RES] = "DELETE FROM reservations WHERE id = ?",
	[ST_JOURNAL] = "INSERT OR REPLACE INTO journal_state(id, applied) VALUES(1, ?)",
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
};

static int db_error(struct tg_ledger *l, sqlite3 *db, tg_err *err, const char *what)
{
	return tg_errf(err, "ledger %s: %s: %s", l->path, what, sqlite3_errmsg(db));
}

static int open_db(struct tg_ledger *l, sqlite3 **db, bool full_sync, tg_err *err)
{
	char pragmas[160];

	if (sqlite3_open_v2(l->path, db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		return db_error(l, *db, err, "open");
	sqlite3_busy_timeout(*db, BUSY_TIMEOUT_MS);
	snprintf(pragmas, sizeof(pragmas), "PRAGMA journal_mode=WAL; PRAGMA synchronous=%s;",
		 full_sync ? "FULL" : "NORMAL");
	if (sqlite3_exec(*db, pragmas, NULL, NULL, NULL) != SQLITE_OK)
		return db_error(l, *db, err, "set up");
	return 0;
}

/* The writer's connection: start a checkpoint (on its own thread) when the WAL is long. */
static int on_wal(void *arg, sqlite3 *db, const char *name, int frames)
{
	struct tg_ledger *l = arg;

	(void)db;
	(void)name;
	if (frames >= CHECKPOINT_FRAMES) {
		pthread_mutex_lock(&l->ckpt_lock);
		l->ckpt_wanted = true;
		pthread_cond_signal(&l->ckpt_cond);
		pthread_mutex_unlock(&l->ckpt_lock);
	}
	return SQLITE_OK;
}

static void *checkpointer_main(void *arg)
{
	struct tg_ledger *l = arg;

	pthread_setname_np(pthread_self(), "tg-ledger-ckpt");
	pthread_mutex_lock(&l->ckpt_lock);
	for (;;) {
		while (!l->ckpt_wanted && !l->ckpt_stop)
			pthread_cond_wait(&l->ckpt_cond, &l->ckpt_lock);
		if (l->ckpt_stop)
			break;
		l->ckpt_wanted = false;
		pthread_mutex_unlock(&l->ckpt_lock);
		/* passive: never blocks the writer; what it cannot copy now waits for the next one */
		sqlite3_wal_checkpoint_v2(l->cdb, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		pthread_mutex_lock(&l->ckpt_lock);
	}
	pthread_mutex_unlock(&l->ckpt_lock);
	return NULL;
}

static void *writer_main(void *arg);
static int replay_journal(struct tg_ledger *l, const char *path, tg_err *err);

struct tg_ledger *tg_ledger_open(const char *state_dir, bool full_sync, bool journal, tg_err *err)
{
	struct tg_ledger *l = calloc(1, sizeof(*l));
	pthread_condattr_t ca;
	sqlite3_stmt *st = NULL;
	int fd;

	if (!l) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	pthread_mutex_init(&l->lock, NULL);
	pthread_mutex_init(&l->rlock, NULL);
	pthread_mutex_init(&l->ckpt_lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&l->wake, &ca);
	pthread_cond_init(&l->flushed, &ca);
	pthread_condattr_destroy(&ca);
	pthread_cond_init(&l->ckpt_cond, NULL);
	snprintf(l->path, sizeof(l->path), "%s/%s", state_dir, TG_LEDGER_FILE);
	/* create it 0600 before SQLite does (it would use the umask) */
	fd = tg_open_private(l->path, O_RDWR);
	if (fd < 0) {
		tg_errf(err, "open ledger %s: %s", l->path, strerror(errno));
		goto fail;
	}
	close(fd);
	if (open_db(l, &l->db, full_sync, err))
		goto fail;
	if (sqlite3_exec(l->db, schema, NULL, NULL, NULL) != SQLITE_OK) {
		db_error(l, l->db, err, "set up");
		goto fail;
	}
	if (open_db(l, &l->rdb, full_sync, err) || open_db(l, &l->cdb, full_sync, err))
		goto fail;
	for (size_t i = 0; i < ST_COUNT; i++) {
		if (sqlite3_prepare_v2(l->db, stmt_sql[i], -1, &l->stmt[i], NULL) != SQLITE_OK) {
			db_error(l, l->db, err, "prepare");
			goto fail;
		}
	}
	if (journal) {
		char jpath[4200];

		snprintf(jpath, sizeof(jpath), "%s/%s", state_dir, TG_JOURNAL_FILE);
		if (replay_journal(l, jpath, err))
			goto fail;
		l->journal = tg_journal_open(jpath, err);
		if (!l->journal || tg_journal_rewrite(l->journal, NULL, 0, err))
			goto fail;
	}
	if (sqlite3_prepare_v2(l->db, "SELECT COALESCE(MAX(id), 0) FROM reservations", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		db_error(l, l->db, err, "read reservations");
		goto fail;
	}
	l->next_id = sqlite3_column_int64(st, 0) + 1;
	sqlite3_finalize(st);
	/* the WAL and shared-memory files too */
	{
		char p[4200];

		snprintf(p, sizeof(p), "%s-wal", l->path);
		chmod(p, 0600);
		snprintf(p, sizeof(p), "%s-shm", l->path);
		chmod(p, 0600);
	}
	sqlite3_wal_hook(l->db, on_wal, l); /* replaces the inline auto-checkpoint */
	if (pthread_create(&l->checkpointer, NULL, checkpointer_main, l)) {
		tg_errf(err, "ledger: cannot start its checkpoint thread");
		goto fail;
	}
	l->checkpointer_started = true;
	if (pthread_create(&l->writer, NULL, writer_main, l)) {
		tg_errf(err, "ledger: cannot start its writer thread");
		goto fail;
	}
	l->writer_started = true;
	return l;
fail:
	tg_ledger_close(l);
	return NULL;
}

static void free_wait(struct tg_ledger_wait *w)
{
	free(w);
}

void tg_ledger_close(struct tg_ledger *l)
{
	if (!l)
		return;
	if (l->writer_started) {
		pthread_mutex_lock(&l->lock);
		l->stopping = true;
		pthread_cond_signal(&l->wake);
		pthread_mutex_unlock(&l->lock);
		pthread_join(l->writer, NULL);
	}
	if (l->checkpointer_started) {
		pthread_mutex_lock(&l->ckpt_lock);
		l->ckpt_stop = true;
		pthread_cond_signal(&l->ckpt_cond);
		pthread_mutex_unlock(&l->ckpt_lock);
		pthread_join(l->checkpointer, NULL);
	}
	/* all committed: nothing in the journal is needed any more */
	if (l->journal && !l->head && tg_journal_size(l->journal)) {
		tg_err err;

		if (tg_journal_rewrite(l->journal, NULL, 0, &err))
			tg_warn("%s", err.msg);
	}
	tg_journal_close(l->journal);
	while (l->head) {
		struct rec *r = l->head;

		l->head = r->next;
		free_wait(r->wait);
		free(r);
	}
	for (size_t i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(l->stmt[i]);
	sqlite3_close(l->db);
	sqlite3_close(l->cdb);
	sqlite3_close(l->rdb);
	pthread_mutex_destroy(&l->lock);
	pthread_mutex_destroy(&l->rlock);
	pthread_mutex_destroy(&l->ckpt_lock);
	pthread_cond_destroy(&l->wake);
	pthread_cond_destroy(&l->flushed);
	pthread_cond_destroy(&l->ckpt_cond);
	free(l);
}

const char *tg_ledger_path(const struct tg_ledger *l)
{
	return l->path;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_STATIC);
}

/* Run a prepared statement to completion and reset it. */
static int step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int tg_ledger_release_dead(struct tg_ledger *l, uint64_t *count, int64_t *amount, tg_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;
	char sql[400];

	*count = 0;
	*amount = 0;
	pthread_mutex_lock(&l->rlock);
	if (sqlite3_prepare_v2(l->rdb, "SELECT COUNT(*), COALESCE(SUM(amount_nusd), 0) FROM reservations", -1, &st,
			       NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		db_error(l, l->rdb, err, "read reservations");
		goto out;
	}
	*count = (uint64_t)sqlite3_column_int64(st, 0);
	*amount = sqlite3_column_int64(st, 1);
	snprintf(sql, sizeof(sql),
		 "BEGIN IMMEDIATE;"
		 "INSERT INTO died(time_ms, released_ms, trace_id, cgroup, uid, key_fp, provider, model, amount_nusd)"
		 " SELECT time_ms, %lld, trace_id, cgroup, uid, key_fp, provider, model, amount_nusd FROM reservations;"
		 "DELETE FROM reservations; COMMIT;", (long long)tg_wall_ms());
	if (sqlite3_exec(l->rdb, sql, NULL, NULL, NULL) != SQLITE_OK) {
		db_error(l, l->rdb, err, "release reservations");
		sqlite3_exec(l->rdb, "ROLLBACK", NULL, NULL, NULL);
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&l->rlock);
	return rc;
}

/* ---- the queue ------------------------------------------------------------ */

static void copy_row(struct rec *r, const struct tg_ledger_row *row)
{
	r->row.time_ms = row->time_ms;
	tg_strlcpy(r->row.trace_id, row->trace_id ? row->trace_id : "", sizeof(r->row.trace_id));
	tg_strlcpy(r->row.cgroup, row->cgroup ? row->cgroup : "", sizeof(r->row.cgroup));
	r->row.uid = row->uid;
	tg_strlcpy(r->row.key_fp, row->key_fp ? row->key_fp : "", sizeof(r->row.key_fp));
	tg_strlcpy(r->row.provider, row->provider ? row->provider : "", sizeof(r->row.provider));
	tg_strlcpy(r->row.model, row->model ? row->model : "", sizeof(r->row.model));
	tg_strlcpy(r->row.price_model, row->price_model ? row->price_model : "", sizeof(r->row.price_model));
	tg_strlcpy(r->row.operation, row->operation ? row->operation : "", sizeof(r->row.operation));
	r->row.usage = row->usage;
	r->row.cost_nusd = row->cost_nusd;
	r->row.status = row->status;
}

/* A queued settlement as the journal holds it (strings borrowed from r):
 * copy_row the other way round. */
static void journal_rec_of(const struct rec *r, struct tg_journal_rec *j)
{
	*j = (struct tg_journal_rec){
		.seq = r->jseq, .res_id = r->res_id,
		.row = {.time_ms = r->row.time_ms, .trace_id = r->row.trace_id, .cgroup = r->row.cgroup,
			.uid = r->row.uid, .key_fp = r->row.key_fp, .provider = r->row.provider,
			.model = r->row.model, .price_model = r->row.price_model, .operation = r->row.operation,
			.usage = r->row.usage, .cost_nusd = r->row.cost_nusd, .status = r->row.status},
	};
}

/* Queue r (lock held). Assigns its sequence number, and a reservation id. */
static int enqueue(struct tg_ledger *l, struct rec *r, bool force, tg_err *err)
{
	if (l->stopping)
		return tg_errf(err, "ledger %s: closing", l->path);
	if (!force && l->nqueued >= QUEUE_MAX)
		return tg_errf(err, "ledger %s: %zu records wait for the disk (%s)", l->path, l->nqueued,
			       l->last_error[0] ? l->last_error : "writes are slow");
	if (r->kind == REC_RESERVE)
		r->res_id = l->next_id++;
	r->seq = ++l->next_seq;
	r->queued_us = tg_now_us();
	r->next = NULL;
	if (l->tail)
		l->tail->next = r;
	else
		l->head = r;
	l->tail = r;
	l->nqueued++;
	if (r->wait) {
		uint64_t gap = r->queued_us - l->last_wait_us;

		l->nwaiting++;
		l->wait_gap_us = l->last_wait_us ? (l->wait_gap_us * 7 + (gap > 1000000 ? 1000000 : gap)) / 8 : 1000000;
		l->last_wait_us = r->queued_us;
	}
	/* Nobody waits for a reservation: the writer lingers for its settlement.
	 * While it groups a batch it wakes by itself. */
	if (l->nqueued >= BATCH_MAX || (!l->grouping && (r->wait || l->nqueued == 1)))
		pthread_cond_signal(&l->wake);
	return 0;
}

int64_t tg_ledger_reserve(struct tg_ledger *l, const struct tg_ledger_row *row, tg_err *err)
{
	struct rec *r = malloc(sizeof(*r));
	int64_t id = 0;
	char why[300];

	if (!r) {
		tg_errf(err, "out of memory");
		return 0;
	}
	memset(r, 0, offsetof(struct rec, row));
	r->kind = REC_RESERVE;
	copy_row(r, row);
	if (!tg_ledger_writable(l, why, sizeof(why))) {
		tg_errf(err, "ledger %s: %s", l->path, why);
		free(r);
		return 0;
	}
	pthread_mutex_lock(&l->lock);
	if (enqueue(l, r, false, err) == 0)
		id = r->res_id;
	pthread_mutex_unlock(&l->lock);
	if (!id)
		free(r);
	return id;
}

int tg_ledger_settle(struct tg_ledger *l, int64_t res_id, const struct tg_ledger_row *row,
		     const struct tg_ledger_notify *n, struct tg_ledger_wait **wait, tg_err *err)
{
	struct rec *r = malloc(sizeof(*r));
	int rc;

	if (wait)
		*wait = NULL;
	if (!r)
		return tg_errf(err, "out of memory");
	memset(r, 0, offsetof(struct rec, row));
	r->kind = REC_SETTLE;
	r->res_id = res_id;
	copy_row(r, row);
	pthread_mutex_lock(&l->lock);
	/* durable at once if the journal takes it (in queue order: under the lock) */
	if (l->journal && !l->stopping) {
		struct tg_journal_rec j;
		tg_err jerr;

		r->jseq = l->next_jseq + 1;
		journal_rec_of(r, &j);
		if (tg_journal_append(l->journal, &j, &jerr) == 0) {
			l->next_jseq++;
		} else {
			r->jseq = 0;
			tg_warn("ledger: %s (the settlement waits for its commit)", jerr.msg);
		}
	}
	/* not durable yet: the caller is told when it is */
	if (!r->jseq && n && n->fn) {
		r->wait = malloc(sizeof(*r->wait));
		if (!r->wait) {
			pthread_mutex_unlock(&l->lock);
			free(r);
			return tg_errf(err, "out of memory");
		}
		r->wait->loop = n->loop;
		r->wait->fn = n->fn;
		r->wait->arg = n->arg;
		r->wait->durable = false;
	}
	/* a settlement is taken even past QUEUE_MAX: it replaces a reservation already counted */
	rc = enqueue(l, r, true, err);
	if (rc == 0 && wait)
		*wait = r->wait;
	pthread_mutex_unlock(&l->lock);
	if (rc) {
		atomic_fetch_add(&l->n_lost, 1);
		free_wait(r->wait);
		free(r);
	}
	return rc;
}

void tg_ledger_release(struct tg_ledger *l, int64_t res_id)
{
	struct rec *r;

	if (!res_id)
		return;
	r = calloc(1, sizeof(*r));
	if (!r)
		return;
	r->kind = REC_RELEASE;
	r->res_id = res_id;
	pthread_mutex_lock(&l->lock);
	if (enqueue(l, r, true, NULL)) {
		atomic_fetch_add(&l->n_lost, 1);
		free(r);
	}
	pthread_mutex_unlock(&l->lock);
}

void tg_ledger_inflight(struct tg_ledger *l, int delta)
{
	atomic_fetch_add(&l->inflight, delta);
}

void tg_ledger_cancel(struct tg_ledger *l, struct tg_ledger_wait *w)
{
	if (!w)
		return;
	/* The writer reads fn under the lock before it posts; once posted, the
	 * delivery runs on this same thread, later, and sees fn cleared. */
	pthread_mutex_lock(&l->lock);
	w->fn = NULL;
	pthread_mutex_unlock(&l->lock);
}

bool tg_ledger_writable(struct tg_ledger *l, char *why, size_t size)
{
	uint64_t start = atomic_load(&l->batch_start_ms);

	if (atomic_load(&l->failing)) {
		pthread_mutex_lock(&l->lock);
		snprintf(why, size, "writes fail: %s", l->last_error);
		pthread_mutex_unlock(&l->lock);
		return false;
	}
	if (start && tg_now_ms() - start > TG_LEDGER_STUCK_MS) {
		snprintf(why, size, "a write has waited %llu ms for the database",
			 (unsigned long long)(tg_now_ms() - start));
		return false;
	}
	return true;
}

static struct timespec deadline_after_us(uint64_t us)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += (time_t)(us / 1000000);
	ts.tv_nsec += (long)(us % 1000000) * 1000;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	return ts;
}

int tg_ledger_flush(struct tg_ledger *l, uint32_t timeout_ms)
{
	struct timespec ts = deadline_after_us((uint64_t)timeout_ms * 1000);
	int rc = 0;

	pthread_mutex_lock(&l->lock);
	uint64_t target = l->next_seq;

	if (l->committed_seq < target && l->flush_seq < target) {
		/* a reader waits: the batch need not linger */
		l->flush_seq = target;
		pthread_cond_signal(&l->wake);
	}
	while (l->committed_seq < target && rc == 0 && l->writer_started)
		if (pthread_cond_timedwait(&l->flushed, &l->lock, &ts) == ETIMEDOUT)
			rc = l->committed_seq < target ? -1 : 0;
	pthread_mutex_unlock(&l->lock);
	return rc;
}

void tg_ledger_stats(struct tg_ledger *l, struct tg_ledger_stats *st)
{
	st->records = atomic_load(&l->n_records);
	st->batches = atomic_load(&l->n_batches);
	st->coalesced = atomic_load(&l->n_coalesced);
	st->failures = atomic_load(&l->n_failures);
	st->lost = atomic_load(&l->n_lost);
	pthread_mutex_lock(&l->lock);
	st->queued = l->nqueued;
	st->journal_bytes = l->journal ? tg_journal_size(l->journal) : 0;
	pthread_mutex_unlock(&l->lock);
	st->replayed = l->n_replayed;
}

/* ---- the writer thread ------------------------------------------------------ */

static int write_rec(struct tg_ledger *l, struct rec *r)
{
	sqlite3_stmt *st;

	switch (r->kind) {
	case REC_RESERVE:
		if (r->coalesced)
			return 0;
		st = l->stmt[ST_INS_RES];
		sqlite3_bind_int64(st, 1, r->res_id);
		sqlite3_bind_int64(st, 2, r->row.time_ms);
		bind_text(st, 3, r->row.trace_id);
		bind_text(st, 4, r->row.cgroup);
		sqlite3_bind_int64(st, 5, r->row.uid);
		bind_text(st, 6, r->row.key_fp);
		bind_text(st, 7, r->row.provider);
		bind_text(st, 8, r->row.model);
		sqlite3_bind_int64(st, 9, r->row.cost_nusd);
		return step_done(st);
	case REC_SETTLE:
		st = l->stmt[ST_INS_SPEND];
		sqlite3_bind_int64(st, 1, r->row.time_ms);
		bind_text(st, 2, r->row.trace_id);
		bind_text(st, 3, r->row.cgroup);
		sqlite3_bind_int64(st, 4, r->row.uid);
		bind_text(st, 5, r->row.key_fp);
		bind_text(st, 6, r->row.provider);
		bind_text(st, 7, r->row.model);
		bind_text(st, 8, r->row.price_model);
		bind_text(st, 9, r->row.operation);
		sqlite3_bind_int64(st, 10, (sqlite3_int64)r->row.usage.input_tokens);
		sqlite3_bind_int64(st, 11, (sqlite3_int64)r->row.usage.cached_input_tokens);
		sqlite3_bind_int64(st, 12, (sqlite3_int64)r->row.usage.cache_write_tokens);
		sqlite3_bind_int64(st, 13, (sqlite3_int64)r->row.usage.output_tokens);
		sqlite3_bind_int64(st, 14, (sqlite3_int64)r->row.usage.reasoning_tokens);
		sqlite3_bind_int64(st, 15, r->row.cost_nusd);
		sqlite3_bind_int(st, 16, r->row.usage.estimated);
		sqlite3_bind_int(st, 17, r->row.status);
		if (step_done(st))
			return -1;
		/* and drop the reservation, in the same transaction */
		/* fall through */
	case REC_RELEASE:
		if (!r->res_id || r->res_in_batch)
			return 0;
		sqlite3_bind_int64(l->stmt[ST_DEL_RES], 1, r->res_id);
		return step_done(l->stmt[ST_DEL_RES]);
	}
	return -1;
}

/* A reservation settled or released in the same batch never needs to reach
 * the disk. Reservation ids grow in queue order, so the batch's reservations
 * are sorted by id. */
static size_t coalesce(struct rec *batch, size_t n)
{
	struct rec **res = malloc(n * sizeof(*res));
	size_t nres = 0, saved = 0;

	for (struct rec *r = batch; r; r = r->next) {
		r->coalesced = r->res_in_batch = false;
		if (res && r->kind == REC_RESERVE) {
			res[nres++] = r;
		} else if (res && r->res_id && nres) {
			size_t lo = 0, hi = nres;

			while (lo < hi) {
				size_t mid = (lo + hi) / 2;

				if (res[mid]->res_id < r->res_id)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo < nres && res[lo]->res_id == r->res_id && !res[lo]->coalesced) {
				res[lo]->coalesced = true;
				r->res_in_batch = true;
				saved++;
			}
		}
	}
	free(res);
	return saved;
}

static int write_batch(struct tg_ledger *l, struct rec *batch, size_t n, size_t *saved, char *why, size_t size)
{
	uint64_t jseq = 0;

	*saved = coalesce(batch, n);
	if (step_done(l->stmt[ST_BEGIN])) {
		snprintf(why, size, "begin: %s", sqlite3_errmsg(l->db));
		return -1;
	}
	for (struct rec *r = batch; r; r = r->next) {
		if (write_rec(l, r)) {
			snprintf(why, size, "write: %s", sqlite3_errmsg(l->db));
			sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
		if (r->jseq)
			jseq = r->jseq;
	}
	/* the journal's records up to here are in the database from this commit on */
	if (jseq) {
		sqlite3_bind_int64(l->stmt[ST_JOURNAL], 1, (sqlite3_int64)jseq);
		if (step_done(l->stmt[ST_JOURNAL])) {
			snprintf(why, size, "write: %s", sqlite3_errmsg(l->db));
			sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
	}
	if (step_done(l->stmt[ST_COMMIT])) {
		snprintf(why, size, "commit: %s", sqlite3_errmsg(l->db));
		sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

/* ---- the journal: replay at open, rewrite when long --------------------------- */

struct replay {
	struct tg_ledger *l;
	uint64_t applied;  /* the database has the records up to this one */
	uint64_t last;     /* the highest sequence number in the file */
	size_t n;
};

static int replay_one(void *arg, const struct tg_journal_rec *j)
{
	struct replay *rp = arg;
	struct rec r;

	if (j->seq > rp->last)
		rp->last = j->seq;
	if (j->seq <= rp->applied)
		return 0;
	memset(&r, 0, sizeof(r));
	r.kind = REC_SETTLE;
	r.res_id = j->res_id;
	copy_row(&r, &j->row);
	if (write_rec(rp->l, &r))
		return 1; /* a database error: tg_journal_replay stops and returns 1 */
	rp->n++;
	return 0;
}

/* Commit the settlements of the journal at path that the database does not
 * have yet (a previous run stopped before it committed them), in one
 * transaction that also records them as applied. Before the writer starts. */
static int replay_journal(struct tg_ledger *l, const char *path, tg_err *err)
{
	struct replay rp = {.l = l};
	sqlite3_stmt *st = NULL;
	uint64_t torn = 0;
	int rc;

	if (sqlite3_prepare_v2(l->db, "SELECT applied FROM journal_state WHERE id = 1", -1, &st, NULL) != SQLITE_OK)
		return db_error(l, l->db, err, "read the journal state");
	if (sqlite3_step(st) == SQLITE_ROW)
		rp.applied = (uint64_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	rp.last = rp.applied;
	if (step_done(l->stmt[ST_BEGIN]))
		return db_error(l, l->db, err, "replay the journal: begin");
	rc = tg_journal_replay(path, replay_one, &rp, &torn, err);
	if (rc > 0)
		rc = db_error(l, l->db, err, "replay the journal");
	if (rc == 0 && rp.last > rp.applied) {
		sqlite3_bind_int64(l->stmt[ST_JOURNAL], 1, (sqlite3_int64)rp.last);
		if (step_done(l->stmt[ST_JOURNAL]))
			rc = db_error(l, l->db, err, "replay the journal");
	}
	if (rc == 0 && step_done(l->stmt[ST_COMMIT]))
		rc = db_error(l, l->db, err, "replay the journal: commit");
	if (rc) {
		sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	l->next_jseq = rp.last;
	l->n_replayed = rp.n;
	if (rp.n)
		tg_info("ledger %s: committed %zu settlements from the journal (the previous run stopped before "
			"it did)", l->path, rp.n);
	if (torn)
		tg_warn("ledger journal %s: %llu bytes at its end are not a whole record (a crash mid-write); "
			"ignored", path, (unsigned long long)torn);
	return 0;
}

/* The journal has grown long: keep only what the database does not have yet,
 * the settlements still queued (lock held). */
static void rewrite_journal(struct tg_ledger *l)
{
	struct tg_journal_rec *keep;
	size_t n = 0, i = 0;
	tg_err err;

	for (struct rec *r = l->head; r; r = r->next)
		n += r->jseq != 0;
	keep = calloc(n ? n : 1, sizeof(*keep));
	if (!keep)
		return;
	for (struct rec *r = l->head; r; r = r->next)
		if (r->jseq)
			journal_rec_of(r, &keep[i++]);
	if (tg_journal_rewrite(l->journal, keep, n, &err))
		tg_warn("ledger: %s (the journal goes on growing until it can be rewritten)", err.msg);
	free(keep);
}

static void deliver(void *arg)
{
	struct tg_ledger_wait *w = arg;

	if (w->fn)
		w->fn(w->arg, w->durable);
	free_wait(w);
}

/* Tell the batch's waiters how it went (lock held): each wait is posted once. */
static void notify(struct rec *batch, bool durable)
{
	for (struct rec *r = batch; r; r = r->next) {
		struct tg_ledger_wait *w = r->wait;

		if (!w)
			continue;
		r->wait = NULL;
		if (!w->fn) {
			free_wait(w); /* cancelled */
			continue;
		}
		w->durable = durable;
		/* (a failure may still have queued it: never free w here) */
		if (tg_loop_post(w->loop, deliver, w))
			tg_error("ledger: cannot notify a worker");
	}
}

/* Group commit, when someone waits (lock held): worth a short wait only if
 * other calls are in flight and settlements come often enough that another
 * is due within GROUP_WAIT_US. A lone call (sequential requests, a quiet
 * host) is committed at once. */
static bool grouping_pays(const struct tg_ledger *l)
{
	return atomic_load(&l->inflight) > 0 && l->wait_gap_us <= GROUP_WAIT_US;
}

static void *writer_main(void *arg)
{
	struct tg_ledger *l = arg;
	uint32_t backoff = 0;
	int close_attempts = 0;
	char why[300];

	pthread_setname_np(pthread_self(), "tg-ledger");
	pthread_mutex_lock(&l->lock);
	for (;;) {
		struct rec *batch, *cut = NULL, *r;
		size_t n = 0, nwait = 0, saved = 0;
		int rc;

		while (!l->head && !l->stopping)
			pthread_cond_wait(&l->wake, &l->lock);
		if (!l->head)
			break;
		if (!l->stopping && l->nqueued < BATCH_MAX && !backoff) {
			uint64_t now = tg_now_us(), due;

			if (l->flush_seq > l->committed_seq)
				due = 0;
			else if (!l->nwaiting)
				due = l->head->queued_us + TG_LEDGER_LINGER_US;
			else if (grouping_pays(l))
				due = l->head->queued_us + GROUP_WAIT_US;
			else
				due = 0;
			if (now < due) {
				struct timespec ts = deadline_after_us(due - now);

				l->grouping = l->nwaiting > 0;
				pthread_cond_timedwait(&l->wake, &l->lock, &ts);
				l->grouping = false;
				continue;
			}
		}
		batch = l->head;
		for (r = batch; r && n < BATCH_MAX; r = r->next) {
			cut = r;
			n++;
			nwait += r->wait != NULL;
		}
		l->head = cut->next;
		if (!l->head)
			l->tail = NULL;
		cut->next = NULL;
		l->nqueued -= n;
		l->nwaiting -= nwait;
		atomic_store(&l->batch_start_ms, tg_now_ms());
		pthread_mutex_unlock(&l->lock);

		rc = write_batch(l, batch, n, &saved, why, sizeof(why));

		pthread_mutex_lock(&l->lock);
		atomic_store(&l->batch_start_ms, 0);
		if (rc == 0) {
			l->committed_seq = cut->seq;
			if (atomic_exchange(&l->failing, false))
				tg_info("ledger %s: writes work again", l->path);
			backoff = 0;
			atomic_fetch_add(&l->n_records, n);
			atomic_fetch_add(&l->n_batches, 1);
			atomic_fetch_add(&l->n_coalesced, saved);
			notify(batch, true);
			if (l->journal && tg_journal_size(l->journal) > TG_JOURNAL_ROTATE_BYTES)
				rewrite_journal(l);
			pthread_cond_broadcast(&l->flushed);
			while (batch) {
				r = batch;
				batch = r->next;
				free(r);
			}
			continue;
		}
		/* tell the waiters; keep the batch, in order, at the front; try again after a pause */
		notify(batch, false);
		atomic_fetch_add(&l->n_failures, 1);
		if (!atomic_exchange(&l->failing, true) || strcmp(why, l->last_error) != 0)
			tg_error("ledger %s: %s (%zu records wait; retrying)", l->path, why, n + l->nqueued);
		tg_strlcpy(l->last_error, why, sizeof(l->last_error));
		cut->next = l->head;
		l->head = batch;
		if (!l->tail)
			l->tail = cut;
		l->nqueued += n;
		if (l->stopping && ++close_attempts > CLOSE_ATTEMPTS) {
			tg_error("ledger %s: giving up: %zu records are not recorded", l->path, l->nqueued);
			atomic_fetch_add(&l->n_lost, l->nqueued);
			break; /* tg_ledger_close frees them */
		}
		backoff = backoff ? (backoff * 2 > RETRY_MAX_MS ? RETRY_MAX_MS : backoff * 2) : RETRY_MIN_MS;
		{
			struct timespec ts = deadline_after_us((uint64_t)backoff * 1000);

			/* a stop does not cut the pause short: the retries at close are counted */
			while (pthread_cond_timedwait(&l->wake, &l->lock, &ts) != ETIMEDOUT)
				;
		}
	}
	pthread_cond_broadcast(&l->flushed);
	pthread_mutex_unlock(&l->lock);
	return NULL;
}

/* Append " AND ..." conditions for f; bind them from index *i on. */
static void filter_sql(const struct tg_ledger_filter *f, char *sql, size_t size)
{
	size_t n = strlen(sql);

	if (f->cgroup && *f->cgroup && strcmp(f->cgroup, "/") != 0)
		n += (size_t)snprintf(sql + n, size - n, " AND (cgroup = ?1 OR substr(cgroup, 1, length(?1) + 1) = ?1 || '/')");
	if (f->uid >= 0)
		n += (size_t)snprintf(sql + n, size - n, " AND uid = ?2");
	if (f->key_fp && *f->key_fp)
		n += (size_t)snprintf(sql + n, size - n, " AND key_fp = ?3");
	if (f->provider && *f->provider)
		n += (size_t)snprintf(sql + n, size - n, " AND provider = ?4");
	if (f->model && *f->model)
		snprintf(sql + n, size - n, " AND (model = ?5 OR price_model = ?5)");
}

static void filter_bind(sqlite3_stmt *st, const struct tg_ledger_filter *f)
{
	if (f->cgroup && *f->cgroup && strcmp(f->cgroup, "/") != 0)
		sqlite3_bind_text(st, 1, f->cgroup, -1, SQLITE_TRANSIENT);
	if (f->uid >= 0)
		sqlite3_bind_int64(st, 2, f->uid);
	if (f->key_fp && *f->key_fp)
		bind_text(st, 3, f->key_fp);
	if (f->provider && *f->provider)
		bind_text(st, 4, f->provider);
	if (f->model && *f->model)
		bind_text(st, 5, f->model);
}

int tg_ledger_sum(struct tg_ledger *l, const struct tg_ledger_filter *f, int64_t since_ms, int64_t until_ms,
		  int64_t *sum, tg_err *err)
{
	char sql[800] = "SELECT COALESCE(SUM(cost_nusd), 0) FROM spend WHERE time_ms >= ?6 AND time_ms < ?7";
	sqlite3_stmt *st = NULL;
	int rc = -1;

	filter_sql(f, sql, sizeof(sql));
	tg_ledger_flush(l, READ_FLUSH_MS); /* include what is queued */
	pthread_mutex_lock(&l->rlock);
	if (sqlite3_prepare_v2(l->rdb, sql, -1, &st, NULL) != SQLITE_OK) {
		db_error(l, l->rdb, err, "sum");
		goto out;
	}
	filter_bind(st, f);
	sqlite3_bind_int64(st, 6, since_ms);
	sqlite3_bind_int64(st, 7, until_ms > 0 ? until_ms : INT64_MAX);
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_error(l, l->rdb, err, "sum");
		goto out;
	}
	*sum = sqlite3_column_int64(st, 0);
	rc = 0;
out:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&l->rlock);
	return rc;
}

static double usd(int64_t nusd)
{
	return (double)nusd / (double)TG_NUSD_PER_USD;
}

cJSON *tg_ledger_rollup(struct tg_ledger *l, const char *by, int64_t since_ms, tg_err *err)
{
	static const char *const cols[][2] = {
		{"cgroup", "cgroup"}, {"uid", "uid"}, {"key", "key_fp"}, {"provider", "provider"},
		{"model", "model"}, {"", "'all'"},
	};
	const char *col = NULL;
	char sql[600];
	sqlite3_stmt *st = NULL;
	cJSON *out = NULL, *rows, *x;

	for (size_t i = 0; i < TG_ARRAY_LEN(cols); i++)
		if (strcmp(by ? by : "", cols[i][0]) == 0)
			col = cols[i][1];
	if (!col) {
		tg_errf(err, "cannot group by \"%s\" (use cgroup, uid, key, provider or model)", by);
		return NULL;
	}
	snprintf(sql, sizeof(sql),
		 "SELECT %s, COUNT(*), SUM(estimated), SUM(input_tokens), SUM(cached_tokens),"
		 " SUM(cache_write_tokens), SUM(output_tokens), SUM(cost_nusd) FROM spend WHERE time_ms >= ?"
		 " GROUP BY 1 ORDER BY 8 DESC, 1", col);
	tg_ledger_flush(l, READ_FLUSH_MS); /* include what is queued */
	pthread_mutex_lock(&l->rlock);
	if (sqlite3_prepare_v2(l->rdb, sql, -1, &st, NULL) != SQLITE_OK) {
		db_error(l, l->rdb, err, "rollup");
		goto out;
	}
	sqlite3_bind_int64(st, 1, since_ms);
	out = cJSON_CreateObject();
	rows = cJSON_AddArrayToObject(out, "rows");
	while (sqlite3_step(st) == SQLITE_ROW) {
		x = cJSON_CreateObject();
		if (sqlite3_column_type(st, 0) == SQLITE_INTEGER)
			cJSON_AddNumberToObject(x, "key", (double)sqlite3_column_int64(st, 0));
		else
			cJSON_AddStringToObject(x, "key", (const char *)sqlite3_column_text(st, 0) ?: "");
		cJSON_AddNumberToObject(x, "calls", (double)sqlite3_column_int64(st, 1));
		cJSON_AddNumberToObject(x, "estimated", (double)sqlite3_column_int64(st, 2));
		cJSON_AddNumberToObject(x, "input_tokens", (double)sqlite3_column_int64(st, 3));
		cJSON_AddNumberToObject(x, "cached_input_tokens", (double)sqlite3_column_int64(st, 4));
		cJSON_AddNumberToObject(x, "cache_write_tokens", (double)sqlite3_column_int64(st, 5));
		cJSON_AddNumberToObject(x, "output_tokens", (double)sqlite3_column_int64(st, 6));
		cJSON_AddNumberToObject(x, "cost_nusd", (double)sqlite3_column_int64(st, 7));
		cJSON_AddNumberToObject(x, "cost_usd", usd(sqlite3_column_int64(st, 7)));
		cJSON_AddItemToArray(rows, x);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_prepare_v2(l->rdb, "SELECT COUNT(*), COALESCE(SUM(amount_nusd), 0) FROM reservations", -1, &st,
			       NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		x = cJSON_AddObjectToObject(out, "in_flight");
		cJSON_AddNumberToObject(x, "calls", (double)sqlite3_column_int64(st, 0));
		cJSON_AddNumberToObject(x, "reserved_usd", usd(sqlite3_column_int64(st, 1)));
	}
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_prepare_v2(l->rdb, "SELECT COUNT(*), COALESCE(SUM(amount_nusd), 0) FROM died WHERE released_ms >= ?",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, since_ms);
		if (sqlite3_step(st) == SQLITE_ROW) {
			x = cJSON_AddObjectToObject(out, "died");
			cJSON_AddNumberToObject(x, "calls", (double)sqlite3_column_int64(st, 0));
			cJSON_AddNumberToObject(x, "released_usd", usd(sqlite3_column_int64(st, 1)));
		}
	}
out:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&l->rlock);
	return out;
}

int tg_ledger_budget_put(struct tg_ledger *l, const char *id, const char *json, tg_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;

	pthread_mutex_lock(&l->rlock);
	if (sqlite3_prepare_v2(l->rdb, "INSERT OR REPLACE INTO budgets(id, json, time_ms) VALUES(?, ?, ?)", -1, &st,
			       NULL) != SQLITE_OK) {
		db_error(l, l->rdb, err, "save budget");
		goto out;
	}
	bind_text(st, 1, id);
	bind_text(st, 2, json);
	sqlite3_bind_int64(st, 3, tg_wall_ms());
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_error(l, l->rdb, err, "save budget");
out:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&l->rlock);
	return rc;
}

int tg_ledger_budget_del(struct tg_ledger *l, const char *id, tg_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;

	pthread_mutex_lock(&l->rlock);
	if (sqlite3_prepare_v2(l->rdb, "DELETE FROM budgets WHERE id = ?", -1, &st, NULL) != SQLITE_OK) {
		db_error(l, l->rdb, err, "delete budget");
		goto out;
	}
	bind_text(st, 1, id);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_error(l, l->rdb, err, "delete budget");
out:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&l->rlock);
	return rc;
}

cJSON *tg_ledger_budgets(struct tg_ledger *l, tg_err *err)
{
	sqlite3_stmt *st = NULL;
	cJSON *arr = NULL;

	pthread_mutex_lock(&l->rlock);
	if (sqlite3_prepare_v2(l->rdb, "SELECT json FROM budgets ORDER BY time_ms, id", -1, &st, NULL) != SQLITE_OK) {
		db_error(l, l->rdb, err, "read budgets");
		goto out;
	}
	arr = cJSON_CreateArray();
	while (sqlite3_step(st) == SQLITE_ROW) {
		cJSON *o = cJSON_Parse((const char *)sqlite3_column_text(st, 0));

		if (o)
			cJSON_AddItemToArray(arr, o);
	}
out:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&l->rlock);
	return arr;
}
