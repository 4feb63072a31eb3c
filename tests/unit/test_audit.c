/*
 * test_audit.c - the audit log's hash chain: appends chain, survive a
 * reopen and a second writer, and tg_audit_verify names the first record
 * that was altered, re-hashed, removed (inside or at the end) or reordered.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "audit.h"
#include "check.h"

static char dir[64], path[128];

static void write_lines(const char *file, char **lines, const int *order, int n)
{
	FILE *f = fopen(file, "w");

	for (int i = 0; i < n; i++)
		fputs(lines[order[i]], f);
	fclose(f);
}

static int read_lines(char **lines, int max)
{
	FILE *f = fopen(path, "r");
	char buf[4096];
	int n = 0;

	while (n < max && fgets(buf, sizeof(buf), f))
		lines[n++] = strdup(buf);
	fclose(f);
	return n;
}

static int verify(struct tg_audit_check *c)
{
	tg_err err;

	return tg_audit_verify(path, c, &err);
}

int main(void)
{
	struct tg_admin_req req = {.uid = 0, .pid = 4242, .comm = "tollgate"};
	struct tg_audit *a, *b;
	struct tg_audit_check c;
	char *lines[8], *saved[8];
	int n, order[8];
	tg_err err;

	snprintf(dir, sizeof(dir), "/tmp/tg-audit-test.%d", (int)getpid());
	CHECK(mkdir(dir, 0700) == 0, "temp dir");
	snprintf(path, sizeof(path), "%s/%s", dir, TG_AUDIT_FILE);
	CHECK(verify(&c) == 0 && c.records == 0, "no log yet: intact, empty");

	a = tg_audit_open(dir, &err);
	CHECK(a != NULL, "open");
	CHECK(tg_audit_append(a, &req, "budget.set", cJSON_CreateNull(), cJSON_CreateString("5 USD"), &err) == 0,
	      "append 1");
	CHECK(tg_audit_append(a, &req, "budget.set", cJSON_CreateString("5 USD"), cJSON_CreateString("7 USD"), &err) == 0,
	      "append 2");
	/* a second writer (another process, like `tollgate ca rotate`) continues the same chain */
	b = tg_audit_open(dir, &err);
	CHECK(tg_audit_append(b, NULL, "ca.rotate", NULL, NULL, &err) == 0, "append 3 from a second writer");
	tg_audit_close(b);
	CHECK(tg_audit_append(a, &req, "log_level.set", cJSON_CreateString("info"), cJSON_CreateString("debug"), &err) == 0,
	      "append 4 from the first writer after the second");
	tg_audit_close(a);
	a = tg_audit_open(dir, &err);
	CHECK(tg_audit_append(a, &req, "budget.rm", NULL, NULL, &err) == 0, "append 5 after a reopen");
	tg_audit_close(a);
	CHECK(verify(&c) == 0, "five records: intact (%s)", c.why);
	CHECK(c.records == 5 && c.head_seq == 5, "five records, head #5");

	n = read_lines(lines, 8);
	CHECK(n == 5, "five lines");
	CHECK(strstr(lines[0], "\"prev\":\"0000000000000000") != NULL, "the first record chains to zeros");
	CHECK(strstr(lines[1], "\"before\":\"5 USD\",\"after\":\"7 USD\"") != NULL, "before and after kept");
	CHECK(strstr(lines[2], "\"uid\":") && strstr(lines[2], "\"action\":\"ca.rotate\""), "NULL caller: own uid");
	memcpy(saved, lines, sizeof(lines));

	/* altered content */
	{
		char *x = strdup(saved[1]);
		char *p = strstr(x, "7 USD");

		p[0] = '9';
		lines[1] = x;
		for (int i = 0; i < 5; i++)
			order[i] = i;
		write_lines(path, lines, order, 5);
		CHECK(verify(&c) == 1 && c.bad_seq == 2 && strstr(c.why, "record #2 (line 2) was altered"),
		      "altered record named: %s", c.why);
		free(x);
		lines[1] = saved[1];
	}
	/* altered and re-hashed: the next record no longer chains to it */
	{
		char *x = strdup(saved[1]), hex[65];
		char *p = strstr(x, "7 USD"), *h;
		unsigned char md[32];
		unsigned int len;

		p[0] = '9';
		h = strstr(x, ",\"hash\":\"");
		EVP_Digest(x, (size_t)(h - x), md, &len, EVP_sha256(), NULL);
		for (int i = 0; i < 32; i++)
			snprintf(hex + 2 * i, 3, "%02x", md[i]);
		memcpy(h + 9, hex, 64);
		lines[1] = x;
		write_lines(path, lines, order, 5);
		CHECK(verify(&c) == 1 && c.bad_seq == 2 && strstr(c.why, "record #2 (line 2) was altered or replaced"),
		      "re-hashed record named: %s", c.why);
		free(x);
		lines[1] = saved[1];
	}
	/* removed */
	{
		int o[] = {0, 2, 3, 4};

		write_lines(path, lines, o, 4);
		CHECK(verify(&c) == 1 && c.bad_seq == 2 && strstr(c.why, "record #2 was removed"),
		      "removed record named: %s", c.why);
	}
	{
		int o[] = {0, 3, 4};

		write_lines(path, lines, o, 3);
		CHECK(verify(&c) == 1 && strstr(c.why, "records #2..#3 were removed"), "two removed records named: %s",
		      c.why);
	}
	/* reordered */
	{
		int o[] = {0, 2, 1, 3, 4};

		write_lines(path, lines, o, 5);
		CHECK(verify(&c) == 1 && c.bad_seq == 3 && strstr(c.why, "record #3 (line 2) is out of order"),
		      "swapped records named: %s", c.why);
	}
	{
		int o[] = {0, 1, 2, 4, 3};

		write_lines(path, lines, o, 5);
		CHECK(verify(&c) == 1 && c.bad_seq == 5 && strstr(c.why, "out of order"),
		      "last two swapped named: %s", c.why);
	}
	/* cut from the end: caught by the head */
	{
		int o[] = {0, 1, 2, 3};

		write_lines(path, lines, o, 4);
		CHECK(verify(&c) == 1 && c.bad_seq == 5 && strstr(c.why, "record #5 was removed from the end"),
		      "record cut from the end named: %s", c.why);
	}
	/* garbage line */
	{
		char *o2[] = {saved[0], "not json\n", saved[2]};
		int o[] = {0, 1, 2};

		write_lines(path, o2, o, 3);
		CHECK(verify(&c) == 1 && strstr(c.why, "line 2 is not an audit record"), "garbage named: %s", c.why);
	}
	/* restored: intact again */
	for (int i = 0; i < 5; i++)
		order[i] = i;
	write_lines(path, lines, order, 5);
	CHECK(verify(&c) == 0, "restored log: intact");
	for (int i = 0; i < n; i++)
		free(saved[i]);
	{
		char cmd[160];

		snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
		CHECK(system(cmd) == 0, "clean up");
	}
	CHECK_DONE();
}
