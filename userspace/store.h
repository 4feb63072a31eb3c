/*
 * store.h - the local trace store: spans and policy events in SQLite
 * (<state_dir>/traces.db, WAL, mode 0600).
 *
 * Writing: worker threads never touch SQLite. They hand rows to the store
 * (tg_store_put_span / tg_store_put_event), which queues them in memory
 * (bounded) for the store's own writer thread; that thread inserts them in
 * batches, one transaction per batch, and prunes rows older than the
 * retention. The spans table doubles as the OTLP export queue: rows get
 * increasing ids, and the exporter (otlp.h) keeps a cursor in the same
 * database.
 *
 * Reading: the query functions open their own read-only connection, so the
 * CLI can read the store whether or not the daemon runs.
 *
 * Rows carry identities, counts, costs and entity types: never a raw
 * secret, API key (only its fingerprint) or redacted value.
 */
#ifndef TG_STORE_H
#define TG_STORE_H

#include <stdint.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "common.h"
#include "span.h"

#define TG_STORE_FILE "traces.db"

struct tg_store;

/* Called on the writer thread after each committed batch that held spans. */
typedef void (*tg_store_commit_fn)(void *arg);

struct tg_store *tg_store_open(const char *state_dir, uint32_t retention_days, tg_err *err);
/* Drain what is queued, stop the writer thread, close. */
void tg_store_close(struct tg_store *s);
void tg_store_on_commit(struct tg_store *s, tg_store_commit_fn fn, void *arg);

/* Queue a span row (malloc'd; owned by the store from now on). Never
 * blocks; a full queue drops the row (counted). */
void tg_store_put_span(struct tg_store *s, struct tg_span_row *row);
/* Reading spans back (the exporter, queries): the current row of a
 * "SELECT * FROM spans" as a span row, and its OTLP/JSON (appended to out;
 * the stored text of rows from earlier versions, else built from the row). */
struct sqlite3_stmt;
void tg_store_span_from_stmt(struct sqlite3_stmt *st, struct tg_span_row *r);
int tg_store_span_otlp(struct sqlite3_stmt *st, struct tg_buf *out);

/* Queue an event row (time_ms, type, trace_id, span_id, cgroup, pid, comm,
 * uid, key_fp, provider, model, detail). Owned by the store from now on. */
void tg_store_put_event(struct tg_store *s, cJSON *row);

struct tg_store_stats {
	uint64_t spans_written;
	uint64_t events_written;
	uint64_t dropped;      /* rows lost to a full queue or a failed write */
	uint64_t queued;       /* rows waiting for the writer now */
};
void tg_store_stats(struct tg_store *s, struct tg_store_stats *st);

/* ---- queries (own read-only connection; db is the file's path) ---- */

struct tg_store_filter {
	const char *cgroup;    /* this cgroup and its descendants; NULL = any */
	int64_t since_ms;      /* wall ms; 0 = any */
	const char *types;     /* events: comma-separated types; NULL = any */
	const char *trace_id;  /* events: one trace; NULL = any */
	int limit;             /* newest N, returned oldest first; 0 = 100 */
};

/* Spans matching f, as an array of summary objects. */
int tg_store_query_spans(const char *db, const struct tg_store_filter *f, cJSON **out, tg_err *err);
/* Everything about one call: id is a trace id (32 hex: every span of the
 * trace) or a span id (16 hex). {"spans": [...full rows with attributes...],
 * "events": [...]}. Returns 1 (and *out = NULL) when nothing matches. */
int tg_store_query_trace(const char *db, const char *id, cJSON **out, tg_err *err);
int tg_store_query_events(const char *db, const struct tg_store_filter *f, cJSON **out, tg_err *err);

/* "90s", "15m", "2h", "7d", "2025-01-02" or "2025-01-02T03:04:05Z" -> wall ms. */
int tg_parse_since(const char *s, int64_t now_ms, int64_t *out, tg_err *err);

#endif
