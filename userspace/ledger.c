/*
 * ledger.c - the spend ledger in SQLite (see ledger.h).
 */
#include "ledger.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "prices.h"

#define BUSY_TIMEOUT_MS 1000

struct tg_ledger {
	sqlite3 *db;
	pthread_mutex_t lock;
	sqlite3_stmt *ins_spend, *ins_res, *del_res;
	char path[4096];
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
	"CREATE TABLE IF NOT EXISTS budgets(id TEXT PRIMARY KEY, json TEXT NOT NULL, time_ms INTEGER);";

static int db_error(struct tg_ledger *l, tg_err *err, const char *what)
{
	return tg_errf(err, "ledger %s: %s: %s", l->path, what, sqlite3_errmsg(l->db));
}

struct tg_ledger *tg_ledger_open(const char *state_dir, bool full_sync, tg_err *err)
{
	struct tg_ledger *l = calloc(1, sizeof(*l));
	char pragmas[160];
	int fd;

	if (!l) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	pthread_mutex_init(&l->lock, NULL);
	snprintf(l->path, sizeof(l->path), "%s/%s", state_dir, TG_LEDGER_FILE);
	/* create it 0600 before SQLite does (it would use the umask) */
	fd = open(l->path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		tg_errf(err, "open ledger %s: %s", l->path, strerror(errno));
		goto fail;
	}
	fchmod(fd, 0600);
	close(fd);
	if (sqlite3_open_v2(l->path, &l->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK) {
		db_error(l, err, "open");
		goto fail;
	}
	sqlite3_busy_timeout(l->db, BUSY_TIMEOUT_MS);
	snprintf(pragmas, sizeof(pragmas), "PRAGMA journal_mode=WAL; PRAGMA synchronous=%s;",
		 full_sync ? "FULL" : "NORMAL");
	if (sqlite3_exec(l->db, pragmas, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(l->db, schema, NULL, NULL, NULL) != SQLITE_OK) {
		db_error(l, err, "set up");
		goto fail;
	}
	if (sqlite3_prepare_v2(l->db,
			       "INSERT INTO spend(time_ms, trace_id, cgroup, uid, key_fp, provider, model, price_model,"
			       " operation, input_tokens, cached_tokens, cache_write_tokens, output_tokens,"
			       " reasoning_tokens, cost_nusd, estimated, status)"
			       " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &l->ins_spend, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(l->db,
			       "INSERT INTO reservations(time_ms, trace_id, cgroup, uid, key_fp, provider, model,"
			       " amount_nusd) VALUES(?,?,?,?,?,?,?,?)", -1, &l->ins_res, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(l->db, "DELETE FROM reservations WHERE id = ?", -1, &l->del_res, NULL) != SQLITE_OK) {
		db_error(l, err, "prepare");
		goto fail;
	}
	/* the WAL and shared-memory files too */
	{
		char p[4200];

		snprintf(p, sizeof(p), "%s-wal", l->path);
		chmod(p, 0600);
		snprintf(p, sizeof(p), "%s-shm", l->path);
		chmod(p, 0600);
	}
	return l;
fail:
	tg_ledger_close(l);
	return NULL;
}

void tg_ledger_close(struct tg_ledger *l)
{
	if (!l)
		return;
	sqlite3_finalize(l->ins_spend);
	sqlite3_finalize(l->ins_res);
	sqlite3_finalize(l->del_res);
	sqlite3_close(l->db);
	pthread_mutex_destroy(&l->lock);
	free(l);
}

const char *tg_ledger_path(const struct tg_ledger *l)
{
	return l->path;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_TRANSIENT);
}

/* Run a prepared statement to completion and reset it. */
static int step_done(struct tg_ledger *l, sqlite3_stmt *st, tg_err *err, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return db_error(l, err, what);
	return 0;
}

int tg_ledger_release_dead(struct tg_ledger *l, uint64_t *count, int64_t *amount, tg_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;
	char sql[400];

	*count = 0;
	*amount = 0;
	pthread_mutex_lock(&l->lock);
	if (sqlite3_prepare_v2(l->db, "SELECT COUNT(*), COALESCE(SUM(amount_nusd), 0) FROM reservations", -1, &st,
			       NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		db_error(l, err, "read reservations");
		goto out;
	}
	*count = (uint64_t)sqlite3_column_int64(st, 0);
	*amount = sqlite3_column_int64(st, 1);
	snprintf(sql, sizeof(sql),
		 "BEGIN IMMEDIATE;"
		 "INSERT INTO died(time_ms, released_ms, trace_id, cgroup, uid, key_fp, provider, model, amount_nusd)"
		 " SELECT time_ms, %lld, trace_id, cgroup, uid, key_fp, provider, model, amount_nusd FROM reservations;"
		 "DELETE FROM reservations; COMMIT;", (long long)tg_wall_ms());
	if (sqlite3_exec(l->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		db_error(l, err, "release reservations");
		sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&l->lock);
	return rc;
}

int tg_ledger_reserve(struct tg_ledger *l, const struct tg_ledger_row *r, int64_t *id, tg_err *err)
{
	sqlite3_stmt *st = l->ins_res;
	int rc;

	pthread_mutex_lock(&l->lock);
	sqlite3_bind_int64(st, 1, r->time_ms);
	bind_text(st, 2, r->trace_id);
	bind_text(st, 3, r->cgroup);
	sqlite3_bind_int64(st, 4, r->uid);
	bind_text(st, 5, r->key_fp);
	bind_text(st, 6, r->provider);
	bind_text(st, 7, r->model);
	sqlite3_bind_int64(st, 8, r->cost_nusd);
	rc = step_done(l, st, err, "write reservation");
	if (rc == 0)
		*id = sqlite3_last_insert_rowid(l->db);
	pthread_mutex_unlock(&l->lock);
	return rc;
}

int tg_ledger_settle(struct tg_ledger *l, int64_t res_id, const struct tg_ledger_row *r, tg_err *err)
{
	sqlite3_stmt *st = l->ins_spend;
	int rc = -1;

	pthread_mutex_lock(&l->lock);
	if (sqlite3_exec(l->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		db_error(l, err, "begin");
		goto out;
	}
	sqlite3_bind_int64(st, 1, r->time_ms);
	bind_text(st, 2, r->trace_id);
	bind_text(st, 3, r->cgroup);
	sqlite3_bind_int64(st, 4, r->uid);
	bind_text(st, 5, r->key_fp);
	bind_text(st, 6, r->provider);
	bind_text(st, 7, r->model);
	bind_text(st, 8, r->price_model);
	bind_text(st, 9, r->operation);
	sqlite3_bind_int64(st, 10, (sqlite3_int64)r->usage.input_tokens);
	sqlite3_bind_int64(st, 11, (sqlite3_int64)r->usage.cached_input_tokens);
	sqlite3_bind_int64(st, 12, (sqlite3_int64)r->usage.cache_write_tokens);
	sqlite3_bind_int64(st, 13, (sqlite3_int64)r->usage.output_tokens);
	sqlite3_bind_int64(st, 14, (sqlite3_int64)r->usage.reasoning_tokens);
	sqlite3_bind_int64(st, 15, r->cost_nusd);
	sqlite3_bind_int(st, 16, r->usage.estimated);
	sqlite3_bind_int(st, 17, r->status);
	if (step_done(l, st, err, "write spend"))
		goto rollback;
	if (res_id) {
		sqlite3_bind_int64(l->del_res, 1, res_id);
		if (step_done(l, l->del_res, err, "drop reservation"))
			goto rollback;
	}
	if (sqlite3_exec(l->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		db_error(l, err, "commit");
		goto rollback;
	}
	rc = 0;
	goto out;
rollback:
	sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
out:
	pthread_mutex_unlock(&l->lock);
	return rc;
}

int tg_ledger_release(struct tg_ledger *l, int64_t res_id, tg_err *err)
{
	int rc;

	if (!res_id)
		return 0;
	pthread_mutex_lock(&l->lock);
	sqlite3_bind_int64(l->del_res, 1, res_id);
	rc = step_done(l, l->del_res, err, "drop reservation");
	pthread_mutex_unlock(&l->lock);
	return rc;
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
		bind_text(st, 1, f->cgroup);
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
	pthread_mutex_lock(&l->lock);
	if (sqlite3_prepare_v2(l->db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_error(l, err, "sum");
		goto out;
	}
	filter_bind(st, f);
	sqlite3_bind_int64(st, 6, since_ms);
	sqlite3_bind_int64(st, 7, until_ms > 0 ? until_ms : INT64_MAX);
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_error(l, err, "sum");
		goto out;
	}
	*sum = sqlite3_column_int64(st, 0);
	rc = 0;
out:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&l->lock);
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
	pthread_mutex_lock(&l->lock);
	if (sqlite3_prepare_v2(l->db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_error(l, err, "rollup");
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
	if (sqlite3_prepare_v2(l->db, "SELECT COUNT(*), COALESCE(SUM(amount_nusd), 0) FROM reservations", -1, &st,
			       NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		x = cJSON_AddObjectToObject(out, "in_flight");
		cJSON_AddNumberToObject(x, "calls", (double)sqlite3_column_int64(st, 0));
		cJSON_AddNumberToObject(x, "reserved_usd", usd(sqlite3_column_int64(st, 1)));
	}
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_prepare_v2(l->db, "SELECT COUNT(*), COALESCE(SUM(amount_nusd), 0) FROM died WHERE released_ms >= ?",
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
	pthread_mutex_unlock(&l->lock);
	return out;
}

int tg_ledger_budget_put(struct tg_ledger *l, const char *id, const char *json, tg_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;

	pthread_mutex_lock(&l->lock);
	if (sqlite3_prepare_v2(l->db, "INSERT OR REPLACE INTO budgets(id, json, time_ms) VALUES(?, ?, ?)", -1, &st,
			       NULL) != SQLITE_OK) {
		db_error(l, err, "save budget");
		goto out;
	}
	bind_text(st, 1, id);
	bind_text(st, 2, json);
	sqlite3_bind_int64(st, 3, tg_wall_ms());
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_error(l, err, "save budget");
out:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&l->lock);
	return rc;
}

int tg_ledger_budget_del(struct tg_ledger *l, const char *id, tg_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;

	pthread_mutex_lock(&l->lock);
	if (sqlite3_prepare_v2(l->db, "DELETE FROM budgets WHERE id = ?", -1, &st, NULL) != SQLITE_OK) {
		db_error(l, err, "delete budget");
		goto out;
	}
	bind_text(st, 1, id);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_error(l, err, "delete budget");
out:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&l->lock);
	return rc;
}

cJSON *tg_ledger_budgets(struct tg_ledger *l, tg_err *err)
{
	sqlite3_stmt *st = NULL;
	cJSON *arr = NULL;

	pthread_mutex_lock(&l->lock);
	if (sqlite3_prepare_v2(l->db, "SELECT json FROM budgets ORDER BY time_ms, id", -1, &st, NULL) != SQLITE_OK) {
		db_error(l, err, "read budgets");
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
	pthread_mutex_unlock(&l->lock);
	return arr;
}
