/*
 * test_ledger_journal.c - the ledger's journal of settlements: records read
 * back as written, a torn or corrupt tail ignored, rewrites; and through the
 * ledger: a settlement is durable when tg_ledger_settle returns (even while
 * the database is locked), a process that dies before the commit loses
 * nothing, the next open commits it exactly once, records already committed
 * are not committed again, and the journal is kept short.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "check.h"
#include "ledger.h"
#include "ledger_rows.h"
#include "ledger_journal.h"

/* ---- the file on its own ---- */

struct collected {
	int n;
	struct tg_journal_rec r[8];
	char text[8][4][64]; /* trace_id, cgroup, model, finish_reasons */
};

static int collect(void *arg, const struct tg_journal_rec *r)
{
	struct collected *c = arg;

	if (c->n >= 8)
		return 0;
	c->r[c->n] = *r;
	snprintf(c->text[c->n][0], 64, "%s", r->row.trace_id);
	snprintf(c->text[c->n][1], 64, "%s", r->row.cgroup);
	snprintf(c->text[c->n][2], 64, "%s", r->row.model);
	snprintf(c->text[c->n][3], 64, "%s", r->row.usage.finish_reasons);
	c->n++;
	return 0;
}

static struct tg_journal_rec sample(uint64_t seq)
{
	struct tg_journal_rec r = {.seq = seq, .res_id = (int64_t)seq * 10,
				   .row = {.time_ms = 1700000000000 + (int64_t)seq, .uid = 1000, .status = 200,
					   .cost_nusd = 12345 * (int64_t)seq,
					   .trace_id = "0123456789abcdef0123456789abcdef", .cgroup = "/agents/a",
					   .key_fp = "3f9a1c2e-wxyz", .provider = "openai", .model = "gpt-4o",
					   .price_model = "gpt-4o-2024-08-06", .operation = "chat"}};
	struct tg_call_usage *u = &r.row.usage;

	u->known = true;
	u->input_tokens = 100 + seq;
	u->cached_input_tokens = 7;
	u->output_tokens = 50;
	u->reasoning_tokens = 3;
	snprintf(u->finish_reasons, sizeof(u->finish_reasons), "stop");
	return r;
}

static void test_file(const char *dir)
{
	char path[256];
	struct tg_journal *j;
	struct collected c = {0};
	uint64_t torn = 0, size;
	tg_err err;
	int fd;

	snprintf(path, sizeof(path), "%s/ledger.journal", dir);
	CHECK(tg_journal_replay(path, collect, &c, &torn, &err) == 0 && c.n == 0 && torn == 0,
	      "a journal that does not exist has no records");
	j = tg_journal_open(path, &err);
	CHECK(j != NULL, "journal opens: %s", j ? "" : err.msg);
	if (!j)
		return;
	for (uint64_t s = 1; s <= 3; s++) {
		struct tg_journal_rec r = sample(s);

		CHECK(tg_journal_append(j, &r, &err) == 0, "append record %llu", (unsigned long long)s);
	}
	size = tg_journal_size(j);
	{
		struct stat st;

		CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600 && (uint64_t)st.st_size == size,
		      "the file is root-only (0%o) and as long as the journal says", st.st_mode & 0777);
	}
	CHECK(tg_journal_replay(path, collect, &c, &torn, &err) == 0 && c.n == 3 && torn == 0,
	      "three records read back (%d)", c.n);
	CHECK(c.r[1].seq == 2 && c.r[1].res_id == 20 && c.r[1].row.cost_nusd == 24690 && c.r[1].row.uid == 1000 &&
		      c.r[1].row.status == 200 && c.r[1].row.usage.input_tokens == 102 &&
		      c.r[1].row.usage.cached_input_tokens == 7 && c.r[1].row.usage.output_tokens == 50 &&
		      c.r[1].row.usage.reasoning_tokens == 3 && c.r[1].row.usage.known && !c.r[1].row.usage.estimated,
	      "numbers read back as written");
	CHECK(strcmp(c.text[2][0], "0123456789abcdef0123456789abcdef") == 0 && strcmp(c.text[2][1], "/agents/a") == 0 &&
		      strcmp(c.text[2][2], "gpt-4o") == 0 && strcmp(c.text[2][3], "stop") == 0,
	      "strings read back as written");

	/* a torn tail: half a record at the end */
	fd = open(path, O_WRONLY | O_APPEND);
	CHECK(fd >= 0 && write(fd, "\x54\x47\x4a\x31\x40\x00", 6) == 6, "append half a record");
	if (fd >= 0)
		close(fd);
	memset(&c, 0, sizeof(c));
	CHECK(tg_journal_replay(path, collect, &c, &torn, &err) == 0 && c.n == 3 && torn == 6,
	      "a torn tail is ignored: 3 records, 6 bytes left (%d, %llu)", c.n, (unsigned long long)torn);

	/* a corrupt record stops the replay there */
	fd = open(path, O_WRONLY);
	CHECK(fd >= 0 && pwrite(fd, "X", 1, (off_t)(size / 3 + 30)) == 1, "corrupt a byte of the second record");
	if (fd >= 0)
		close(fd);
	memset(&c, 0, sizeof(c));
	CHECK(tg_journal_replay(path, collect, &c, &torn, &err) == 0 && c.n == 1 && torn == size - size / 3 + 6,
	      "a corrupt record ends the replay: 1 record (%d)", c.n);

	/* rewrite: only what is kept */
	{
		struct tg_journal_rec keep = sample(9);

		CHECK(tg_journal_rewrite(j, &keep, 1, &err) == 0, "rewrite with one record");
		keep = sample(10);
		CHECK(tg_journal_append(j, &keep, &err) == 0, "append after the rewrite");
	}
	memset(&c, 0, sizeof(c));
	CHECK(tg_journal_replay(path, collect, &c, &torn, &err) == 0 && c.n == 2 && c.r[0].seq == 9 &&
		      c.r[1].seq == 10 && torn == 0,
	      "after the rewrite: the kept record, then the new one");
	tg_journal_close(j);
	unlink(path);
}

/* ---- through the ledger ---- */

#define CRASH_CALLS 30

static void never(void *arg, bool durable)
{
	(void)arg;
	(void)durable;
	abort();
}

/* A daemon that settles CRASH_CALLS calls while the database is locked by
 * another process, and dies (_exit: no close, no commit) right after. Its
 * exit status: 0 if every settlement was durable at once. */
static int settle_and_die(const char *dir, int to_parent, int from_parent)
{
	struct tg_ledger_row row = {.trace_id = "0123456789abcdef0123456789abcdef", .cgroup = "/crash", .uid = 1000,
				    .provider = "openai", .model = "gpt-4o", .price_model = "gpt-4o",
				    .operation = "chat", .cost_nusd = 1000, .status = 200};
	struct tg_ledger_notify n = {.loop = NULL, .fn = never, .arg = NULL};
	static char sentinel;
	int64_t ids[CRASH_CALLS];
	struct tg_ledger *l;
	tg_err err;
	char go;
	int bad = 0;

	row.time_ms = tg_wall_ms();
	l = tg_ledger_open(dir, false, true, &err);
	if (!l)
		_exit(10);
	for (int i = 0; i < CRASH_CALLS; i++)
		ids[i] = tg_ledger_reserve(l, &row, &err);
	if (tg_ledger_flush(l, 5000))
		_exit(11);
	if (write(to_parent, "r", 1) != 1 || read(from_parent, &go, 1) != 1) /* the parent locks the database */
		_exit(12);
	for (int i = 0; i < CRASH_CALLS; i++) {
		struct tg_ledger_wait *w = (struct tg_ledger_wait *)&sentinel; /* must be cleared */

		row.cost_nusd = 1000 + i;
		if (tg_ledger_settle(l, ids[i], &row, &n, &w, &err) || w != NULL)
			bad++;
	}
	_exit(bad ? 13 : 0);
}

static void test_crash(const char *dir)
{
	int up[2], down[2], status = -1;
	char c;
	pid_t pid;
	sqlite3 *db = NULL;
	char path[256];
	struct tg_ledger *l;
	struct tg_ledger_stats st;
	tg_err err;

	snprintf(path, sizeof(path), "%s/ledger.db", dir);
	CHECK(pipe(up) == 0 && pipe(down) == 0, "pipes");
	pid = fork();
	if (pid == 0) {
		close(up[0]);
		close(down[1]);
		settle_and_die(dir, up[1], down[0]);
	}
	close(up[1]);
	close(down[0]);
	CHECK(read(up[0], &c, 1) == 1, "the child has its reservations committed");
	CHECK(count_rows(dir, "SELECT COUNT(*) FROM reservations") == CRASH_CALLS, "%d reservations in the database",
	      CRASH_CALLS);
	/* hold the database's write lock: no commit can happen now */
	CHECK(sqlite3_open(path, &db) == SQLITE_OK && sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK,
	      "another process holds the ledger's write lock");
	CHECK(write(down[1], "g", 1) == 1, "tell the child to settle");
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "every settlement was durable when settle returned, with the database locked (status %d)", status);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db);
	close(up[0]);
	close(down[1]);
	CHECK(count_rows(dir, "SELECT COUNT(*) FROM spend WHERE cgroup = '/crash'") == 0,
	      "the child died before any commit: no spend row yet");

	l = tg_ledger_open(dir, false, true, &err);
	CHECK(l != NULL, "reopen: %s", l ? "" : err.msg);
	if (!l)
		return;
	tg_ledger_stats(l, &st);
	CHECK(st.replayed == CRASH_CALLS, "the next open commits the %d journaled settlements (%llu)", CRASH_CALLS,
	      (unsigned long long)st.replayed);
	CHECK(count_rows(dir, "SELECT COUNT(*) FROM spend WHERE cgroup = '/crash'") == CRASH_CALLS &&
		      count_rows(dir, "SELECT SUM(cost_nusd) FROM spend WHERE cgroup = '/crash'") ==
			      CRASH_CALLS * 1000 + CRASH_CALLS * (CRASH_CALLS - 1) / 2,
	      "... every one of them, with its cost");
	CHECK(count_rows(dir, "SELECT COUNT(*) FROM reservations") == 0, "... and their reservations are dropped");
	tg_ledger_close(l);

	l = tg_ledger_open(dir, false, true, &err);
	CHECK(l != NULL, "reopen again");
	if (!l)
		return;
	tg_ledger_stats(l, &st);
	CHECK(st.replayed == 0 && count_rows(dir, "SELECT COUNT(*) FROM spend WHERE cgroup = '/crash'") == CRASH_CALLS,
	      "exactly once: a second open commits nothing again");
	tg_ledger_close(l);
}

/* Settlements committed before a crash are in the journal too; the next open
 * must skip them. */
static void test_committed_then_crash(const char *dir)
{
	pid_t pid = fork();
	int status = -1;
	struct tg_ledger *l;
	struct tg_ledger_stats st;
	tg_err err;

	if (pid == 0) {
		struct tg_ledger_row row = {.cgroup = "/committed", .provider = "openai", .model = "gpt-4o",
					    .cost_nusd = 5, .status = 200};

		row.time_ms = tg_wall_ms();
		l = tg_ledger_open(dir, false, true, &err);
		if (!l)
			_exit(10);
		for (int i = 0; i < 5; i++)
			tg_ledger_settle(l, 0, &row, NULL, NULL, NULL);
		tg_ledger_stats(l, &st);
		_exit(tg_ledger_flush(l, 5000) == 0 && st.journal_bytes > 0 ? 0 : 11);
	}
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "a child settles 5 calls, sees them committed, dies");
	l = tg_ledger_open(dir, false, true, &err);
	CHECK(l != NULL, "reopen");
	if (!l)
		return;
	tg_ledger_stats(l, &st);
	CHECK(st.replayed == 0 && count_rows(dir, "SELECT COUNT(*) FROM spend WHERE cgroup = '/committed'") == 5,
	      "settlements committed before the crash are not committed twice (replayed %llu)",
	      (unsigned long long)st.replayed);
	tg_ledger_close(l);
}

static void test_short(const char *dir)
{
	struct tg_ledger_row row = {.trace_id = "0123456789abcdef0123456789abcdef", .cgroup = "/many",
				    .provider = "openai", .model = "gpt-4o", .price_model = "gpt-4o",
				    .operation = "chat", .cost_nusd = 1, .status = 200};
	struct tg_ledger_stats st;
	struct tg_ledger *l = tg_ledger_open(dir, false, true, NULL);
	int n = 0;

	CHECK(l != NULL, "open");
	if (!l)
		return;
	row.time_ms = tg_wall_ms();
	/* about 2.5 MB of journal, in rounds so commits happen along the way */
	for (int round = 0; round < 12; round++) {
		for (int i = 0; i < 1000; i++)
			n += tg_ledger_settle(l, 0, &row, NULL, NULL, NULL) == 0;
		tg_ledger_flush(l, 5000);
	}
	tg_ledger_stats(l, &st);
	CHECK(n == 12000 && count_rows(dir, "SELECT COUNT(*) FROM spend WHERE cgroup = '/many'") == 12000,
	      "12000 settlements committed");
	CHECK(st.journal_bytes < TG_JOURNAL_ROTATE_BYTES, "the journal is rewritten when long (%llu bytes)",
	      (unsigned long long)st.journal_bytes);
	tg_ledger_close(l);
	{
		char path[256];
		struct stat sb;

		snprintf(path, sizeof(path), "%s/%s", dir, TG_JOURNAL_FILE);
		CHECK(stat(path, &sb) == 0 && sb.st_size == 0, "a clean close leaves the journal empty");
	}
}

int main(void)
{
	char dir[] = "/tmp/tollgate-test-journal.XXXXXX";
	char cmd[300];

	if (!mkdtemp(dir))
		return 1;
	signal(SIGPIPE, SIG_IGN);
	test_file(dir);
	test_crash(dir);
	test_committed_then_crash(dir);
	test_short(dir);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	CHECK(system(cmd) == 0, "clean up");
	CHECK_DONE();
}
