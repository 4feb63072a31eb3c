/*
 * test_ledger.c - the ledger's writer thread: group commit, a reservation
 * and its settlement in one batch never reaching the disk, notifications
 * delivered on the caller's event loop (and not after a cancel), close
 * committing everything queued, and reads seeing what is queued.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "check.h"
#include "ledger.h"
#include "ledger_rows.h"
#include "loop.h"

struct seen {
	struct tg_loop *loop;
	int calls;
	bool durable;
};

static void on_durable(void *arg, bool durable)
{
	struct seen *s = arg;

	s->calls++;
	s->durable = durable;
	tg_loop_stop(s->loop);
}

static void *run_loop(void *arg)
{
	tg_loop_run(arg);
	return NULL;
}

struct filler {
	struct tg_ledger *l;
	int n;
};

static void *fill(void *arg)
{
	struct filler *f = arg;
	struct tg_ledger_row row = {.time_ms = tg_wall_ms(), .cgroup = "/load", .provider = "openai",
				    .model = "gpt-4o-mini", .cost_nusd = 7};

	for (int i = 0; i < f->n; i++) {
		int64_t id = tg_ledger_reserve(f->l, &row, NULL);

		tg_ledger_settle(f->l, id, &row, NULL, NULL, NULL);
	}
	return NULL;
}

/* A connection: settle, wait until the ledger says it is durable, again. */
struct conn_load {
	struct tg_ledger *l;
	int n;
	bool alone;
	int durable;
};

struct conn_wait {
	struct tg_loop *loop;
	bool durable;
};

static void conn_durable(void *arg, bool durable)
{
	struct conn_wait *w = arg;

	w->durable = durable;
	tg_loop_stop(w->loop);
}

static void *conn_main(void *arg)
{
	struct conn_load *c = arg;
	struct tg_ledger_row row = {.time_ms = tg_wall_ms(), .cgroup = "/conn", .provider = "openai",
				    .model = "gpt-4o-mini", .cost_nusd = 3};

	if (!c->alone)
		tg_ledger_inflight(c->l, 1);
	for (int i = 0; i < c->n; i++) {
		/* a loop per call: a stopped loop does not run again */
		struct conn_wait w = {.loop = tg_loop_new()};
		struct tg_ledger_notify n = {.loop = w.loop, .fn = conn_durable, .arg = &w};

		if (c->alone)
			tg_ledger_inflight(c->l, 1);
		tg_ledger_inflight(c->l, -1); /* this call settles... */
		tg_ledger_settle(c->l, 0, &row, &n, NULL, NULL);
		if (!c->alone && i + 1 < c->n)
			tg_ledger_inflight(c->l, 1); /* ... and the connection's next call starts */
		tg_loop_run(w.loop);
		c->durable += w.durable;
		tg_loop_free(w.loop);
	}
	return NULL;
}

int main(void)
{
	char dir[] = "/tmp/tollgate-test-ledger.XXXXXX";
	struct tg_ledger *l;
	struct tg_ledger_stats st;
	struct tg_ledger_row row = {.trace_id = "0123456789abcdef0123456789abcdef", .cgroup = "/agents/a", .uid = 1000,
				    .key_fp = "3f9a1c2e-wxyz", .provider = "openai", .model = "gpt-4o",
				    .price_model = "gpt-4o", .operation = "chat", .cost_nusd = 55000, .status = 200};
	struct tg_ledger_filter all = {.uid = -1};
	tg_err err;
	int64_t id, sum = 0;
	char why[300];

	if (!mkdtemp(dir))
		return 1;
	row.time_ms = tg_wall_ms();
	l = tg_ledger_open(dir, false, false, &err);
	CHECK(l != NULL, "ledger opens: %s", l ? "" : err.msg);
	if (!l)
		CHECK_DONE();
	CHECK(tg_ledger_writable(l, why, sizeof(why)), "a fresh ledger is writable");

	/* a reservation and its settlement queued together: one spend row, no reservation row */
	id = tg_ledger_reserve(l, &row, &err);
	CHECK(id > 0, "reserve returns an id at once (%lld)", (long long)id);
	CHECK(tg_ledger_settle(l, id, &row, NULL, NULL, &err) == 0, "settle is queued");
	CHECK(tg_ledger_flush(l, 5000) == 0, "flush: everything queued is committed");
	tg_ledger_stats(l, &st);
	CHECK(st.coalesced == 1 && st.records == 2 && st.batches == 1,
	      "reservation and settlement went in one batch, the reservation never written "
	      "(records %llu, batches %llu, coalesced %llu)", (unsigned long long)st.records,
	      (unsigned long long)st.batches, (unsigned long long)st.coalesced);
	CHECK(count_rows(dir, "SELECT COUNT(*) FROM spend") == 1 && count_rows(dir, "SELECT COUNT(*) FROM reservations") == 0,
	      "one spend row, no reservation left");

	/* a reservation alone is written (after the linger), then dropped by its settlement */
	id = tg_ledger_reserve(l, &row, &err);
	CHECK(tg_ledger_flush(l, 5000) == 0 && count_rows(dir, "SELECT COUNT(*) FROM reservations") == 1,
	      "a reservation nobody settles yet reaches the disk");
	tg_ledger_settle(l, id, &row, NULL, NULL, &err);
	CHECK(tg_ledger_flush(l, 5000) == 0 && count_rows(dir, "SELECT COUNT(*) FROM reservations") == 0 &&
		      count_rows(dir, "SELECT COUNT(*) FROM spend") == 2,
	      "its settlement writes the spend row and drops it in one transaction");
	id = tg_ledger_reserve(l, &row, &err);
	tg_ledger_flush(l, 5000);
	tg_ledger_release(l, id);
	CHECK(tg_ledger_flush(l, 5000) == 0 && count_rows(dir, "SELECT COUNT(*) FROM reservations") == 0 &&
		      count_rows(dir, "SELECT COUNT(*) FROM spend") == 2, "a release drops it and charges nothing");

	/* the settlement's notification runs on the caller's loop, once the row is committed */
	{
		struct seen s = {.loop = tg_loop_new()};
		struct tg_ledger_notify n = {.loop = s.loop, .fn = on_durable, .arg = &s};
		struct tg_ledger_wait *w = NULL;
		pthread_t t;

		CHECK(tg_ledger_settle(l, 0, &row, &n, &w, &err) == 0 && w, "settle with a notification");
		pthread_create(&t, NULL, run_loop, s.loop);
		pthread_join(t, NULL); /* on_durable stops the loop */
		CHECK(s.calls == 1 && s.durable, "notified once, durable");
		CHECK(count_rows(dir, "SELECT COUNT(*) FROM spend") == 3, "... and the row is there for other readers");

		/* cancelled before delivery: never called */
		s.calls = 0;
		CHECK(tg_ledger_settle(l, 0, &row, &n, &w, &err) == 0, "another settle with a notification");
		tg_ledger_cancel(l, w);
		tg_ledger_flush(l, 5000);
		s.loop = NULL;
		tg_loop_free(n.loop); /* runs what was posted */
		CHECK(s.calls == 0, "a cancelled notification is never delivered");
	}

	/* reads see what is queued */
	tg_ledger_settle(l, 0, &row, NULL, NULL, &err);
	CHECK(tg_ledger_sum(l, &all, 0, 0, &sum, &err) == 0 && sum == 5 * 55000, "sum includes the row just queued (%lld)",
	      (long long)sum);

	/* group commit: two threads, 2000 calls */
	{
		struct filler f = {l, 1000};
		pthread_t t[2];

		tg_ledger_stats(l, &st);
		uint64_t batches0 = st.batches;

		pthread_create(&t[0], NULL, fill, &f);
		pthread_create(&t[1], NULL, fill, &f);
		pthread_join(t[0], NULL);
		pthread_join(t[1], NULL);
		CHECK(tg_ledger_flush(l, 10000) == 0, "2000 calls from two threads committed");
		tg_ledger_stats(l, &st);
		CHECK(st.batches - batches0 < 1000, "in far fewer transactions than records (%llu)",
		      (unsigned long long)(st.batches - batches0));
		CHECK(count_rows(dir, "SELECT COUNT(*) FROM spend WHERE cgroup = '/load'") == 2000 &&
			      count_rows(dir, "SELECT COUNT(*) FROM reservations") == 0, "every call has its spend row");
	}

	/* group commit under load: 4 "connections", each waiting for its settlement
	 * before the next, while the others are in flight */
	{
		struct conn_load c[4];
		pthread_t t[4];
		uint64_t batches0, records0;

		tg_ledger_stats(l, &st);
		batches0 = st.batches;
		records0 = st.records;
		for (int i = 0; i < 4; i++) {
			c[i] = (struct conn_load){.l = l, .n = 300};
			pthread_create(&t[i], NULL, conn_main, &c[i]);
		}
		for (int i = 0; i < 4; i++)
			pthread_join(t[i], NULL);
		tg_ledger_stats(l, &st);
		CHECK(c[0].durable + c[1].durable + c[2].durable + c[3].durable == 1200,
		      "every settlement was reported durable to its caller");
		CHECK(st.records - records0 == 1200 && st.batches - batches0 < 900,
		      "while other calls are in flight, waited-for settlements share commits (%llu commits for %llu)",
		      (unsigned long long)(st.batches - batches0), (unsigned long long)(st.records - records0));
	}
	{
		/* a lone call (nothing else in flight) is committed at once, every time */
		struct conn_load c = {.l = l, .n = 50, .alone = true};

		tg_ledger_stats(l, &st);
		uint64_t batches0 = st.batches;

		conn_main(&c);
		tg_ledger_stats(l, &st);
		CHECK(c.durable == 50 && st.batches - batches0 == 50, "a lone call's settlement is committed on its own (%llu)",
		      (unsigned long long)(st.batches - batches0));
	}

	/* close commits what is queued */
	for (int i = 0; i < 100; i++)
		tg_ledger_settle(l, 0, &row, NULL, NULL, &err);
	id = tg_ledger_reserve(l, &row, &err);
	tg_ledger_close(l);
	CHECK(count_rows(dir, "SELECT COUNT(*) FROM spend WHERE cgroup = '/agents/a'") == 105,
	      "close commits the 100 settlements still queued");
	CHECK(count_rows(dir, "SELECT COUNT(*) FROM reservations") == 1, "... and the reservation left in flight");
	{
		char cmd[300];

		snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
		CHECK(system(cmd) == 0, "clean up");
	}
	CHECK_DONE();
}
