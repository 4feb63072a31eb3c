/*
 * audit.c - append hash-chained records to <state_dir>/audit.log (0600),
 * and verify the chain.
 *
 * A record is one JSON line:
 *   {"seq":N,"time":...,"uid":...,"pid":...,"comm":...,"action":...,
 *    "before":...,"after":...,"prev":"<hex>","hash":"<hex>"}
 * where hash = SHA-256 of the line's text up to and excluding the
 * ',"hash":' part, and prev is the previous record's hash (64 zeros for
 * the first). Records are fsync'ed before the action is acknowledged.
 */
#include "audit.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

#define HASH_MARK ",\"hash\":\""
#define ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"

struct tg_audit {
	int fd;
	char path[4096];
	pthread_mutex_t lock;
};

static void sha256_hex(const char *s, size_t n, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;

	EVP_Digest(s, n, md, &len, EVP_sha256(), NULL);
	for (unsigned int i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
}

/* Split a record line into its hashed part and its hash; -1 if it has none. */
static int split_record(const char *line, size_t len, size_t *hashed_len, char hash[65])
{
	const char *m = NULL, *p = line;
	size_t mlen = strlen(HASH_MARK);

	while ((p = memmem(p, len - (size_t)(p - line), HASH_MARK, mlen))) {
		m = p;
		p += mlen;
	}
	if (!m || (size_t)(line + len - m) != mlen + 64 + 2 || memcmp(line + len - 2, "\"}", 2) != 0)
		return -1;
	memcpy(hash, m + mlen, 64);
	hash[64] = 0;
	*hashed_len = (size_t)(m - line);
	return 0;
}

/* The last record of the open log: its seq and hash (zeros when empty). */
static int read_tail(int fd, uint64_t *seq, char hash[65])
{
	struct stat st;
	char *buf = NULL;
	off_t start, end;
	size_t cap = 0;

	*seq = 0;
	memcpy(hash, ZERO_HASH, 65);
	if (fstat(fd, &st))
		return -1;
	end = st.st_size;
	/* skip trailing newlines, then read back to the previous newline */
	for (;;) {
		char c;

		if (end == 0)
			return 0;
		if (pread(fd, &c, 1, end - 1) != 1)
			return -1;
		if (c != '\n')
			break;
		end--;
	}
	start = end;
	while (start > 0) {
		char chunk[4096];
		off_t from = start > (off_t)sizeof(chunk) ? start - (off_t)sizeof(chunk) : 0;
		ssize_t n = pread(fd, chunk, (size_t)(start - from), from);
		ssize_t i;

		if (n != start - from)
			return -1;
		for (i = n - 1; i >= 0 && chunk[i] != '\n'; i--)
			;
		if (i >= 0) {
			start = from + i + 1;
			break;
		}
		start = from;
	}
	cap = (size_t)(end - start);
	buf = malloc(cap + 1);
	if (!buf || pread(fd, buf, cap, start) != (ssize_t)cap) {
		free(buf);
		return -1;
	}
	buf[cap] = 0;
	{
		cJSON *o = cJSON_Parse(buf);
		size_t hashed;
		char h[65];

		if (o && split_record(buf, cap, &hashed, h) == 0) {
			memcpy(hash, h, 65);
			*seq = (uint64_t)cJSON_GetNumberValue(cJSON_GetObjectItem(o, "seq"));
		}
		cJSON_Delete(o);
	}
	free(buf);
	return 0;
}

struct tg_audit *tg_audit_open(const char *state_dir, tg_err *err)
{
	struct tg_audit *a = calloc(1, sizeof(*a));

	if (!a) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	snprintf(a->path, sizeof(a->path), "%s/%s", state_dir, TG_AUDIT_FILE);
	a->fd = tg_open_private(a->path, O_RDWR | O_APPEND);
	if (a->fd < 0) {
		tg_errf(err, "open audit log %s: %s", a->path, strerror(errno));
		free(a);
		return NULL;
	}
	pthread_mutex_init(&a->lock, NULL);
	return a;
}

void tg_audit_close(struct tg_audit *a)
{
	if (!a)
		return;
	close(a->fd);
	pthread_mutex_destroy(&a->lock);
	free(a);
}

/* <log>.head: {"seq":N,"hash":H}, replaced atomically. */
static void write_head(const struct tg_audit *a, uint64_t seq, const char *hash)
{
	char path[4200], tmp[4210], text[160];
	int fd, n;

	snprintf(path, sizeof(path), "%s.head", a->path);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	n = snprintf(text, sizeof(text), "{\"seq\":%llu,\"hash\":\"%s\"}\n", (unsigned long long)seq, hash);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	if (write(fd, text, (size_t)n) == n && fsync(fd) == 0)
		rename(tmp, path);
	close(fd);
}

int tg_audit_append(struct tg_audit *a, const struct tg_admin_req *req, const char *action,
		    cJSON *before, cJSON *after, tg_err *err)
{
	cJSON *o = cJSON_CreateObject();
	char when[TG_ISO_TIME_LEN], hash[65], prev[65];
	char *body = NULL, *line = NULL;
	uint64_t seq;
	size_t n;
	int rc = -1;

	if (!o) {
		cJSON_Delete(before);
		cJSON_Delete(after);
		return tg_errf(err, "out of memory");
	}
	tg_iso_time(tg_wall_ms(), when, sizeof(when));
	pthread_mutex_lock(&a->lock);
	if (flock(a->fd, LOCK_EX)) {
		tg_errf(err, "lock audit log %s: %s", a->path, strerror(errno));
		goto out_unlocked;
	}
	if (read_tail(a->fd, &seq, prev)) {
		tg_errf(err, "read audit log %s: %s", a->path, strerror(errno));
		goto out;
	}
	cJSON_AddNumberToObject(o, "seq", (double)(seq + 1));
	cJSON_AddStringToObject(o, "time", when);
	cJSON_AddNumberToObject(o, "uid", req ? req->uid : getuid());
	cJSON_AddNumberToObject(o, "pid", req ? req->pid : getpid());
	if (req) {
		cJSON_AddStringToObject(o, "comm", req->comm);
	} else {
		char comm[32] = "";
		FILE *f = fopen("/proc/self/comm", "re");

		if (f && fgets(comm, sizeof(comm), f))
			comm[strcspn(comm, "\n")] = 0;
		if (f)
			fclose(f);
		cJSON_AddStringToObject(o, "comm", comm);
	}
	cJSON_AddStringToObject(o, "action", action);
	cJSON_AddItemToObject(o, "before", before ? before : cJSON_CreateNull());
	cJSON_AddItemToObject(o, "after", after ? after : cJSON_CreateNull());
	before = after = NULL;
	cJSON_AddStringToObject(o, "prev", prev);
	body = cJSON_PrintUnformatted(o);
	if (!body) {
		tg_errf(err, "out of memory");
		goto out;
	}
	/* body ends with '}': hash the text before it, then close with the hash */
	n = strlen(body);
	sha256_hex(body, n - 1, hash);
	line = malloc(n + 80);
	if (!line) {
		tg_errf(err, "out of memory");
		goto out;
	}
	memcpy(line, body, n - 1);
	n = (size_t)sprintf(line + n - 1, HASH_MARK "%s\"}\n", hash) + n - 1;
	if (write(a->fd, line, n) != (ssize_t)n || fsync(a->fd)) {
		tg_errf(err, "write audit log %s: %s", a->path, strerror(errno));
		goto out;
	}
	write_head(a, seq + 1, hash);
	tg_info("audit #%llu: %s by uid %d pid %d; chain head %s", (unsigned long long)(seq + 1),
		action, req ? (int)req->uid : (int)getuid(), req ? (int)req->pid : (int)getpid(), hash);
	rc = 0;
out:
	flock(a->fd, LOCK_UN);
out_unlocked:
	pthread_mutex_unlock(&a->lock);
	free(body);
	free(line);
	cJSON_Delete(o);
	cJSON_Delete(before);
	cJSON_Delete(after);
	return rc;
}

/* ---- verification --------------------------------------------------------- */

struct rec {
	uint64_t seq;
	char prev[65];
	char hash[65];
	bool valid;       /* parsed, with a hash that matches its content */
	bool parsed;
};

static int bad(struct tg_audit_check *c, uint64_t seq, uint64_t line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int bad(struct tg_audit_check *c, uint64_t seq, uint64_t line, const char *fmt, ...)
{
	va_list ap;

	c->bad_seq = seq;
	c->bad_line = line;
	va_start(ap, fmt);
	vsnprintf(c->why, sizeof(c->why), fmt, ap);
	va_end(ap);
	return 1;
}

/* "record #5 was" or "records #5..#7 were" */
static const char *removed(char *out, size_t size, uint64_t from, uint64_t to)
{
	if (from == to)
		snprintf(out, size, "record #%llu was", (unsigned long long)from);
	else
		snprintf(out, size, "records #%llu..#%llu were", (unsigned long long)from,
			 (unsigned long long)to);
	return out;
}

static bool seq_after(const struct rec *r, size_t n, size_t from, uint64_t seq)
{
	for (size_t i = from; i < n; i++)
		if (r[i].parsed && r[i].seq == seq)
			return true;
	return false;
}

int tg_audit_verify(const char *path, struct tg_audit_check *c, tg_err *err)
{
	FILE *f = fopen(path, "re");
	struct rec *r = NULL;
	size_t n = 0, cap = 0;
	char *line = NULL, headpath[4200], range[96];
	size_t lcap = 0;
	ssize_t len;
	uint64_t prev_seq = 0;
	const char *prev_hash = ZERO_HASH;
	int rc = 0;

	memset(c, 0, sizeof(*c));
	memcpy(c->head_hash, ZERO_HASH, 65);
	if (!f) {
		if (errno == ENOENT)
			return 0; /* no administrative action yet */
		return tg_errf(err, "read %s: %s", path, strerror(errno));
	}
	while ((len = getline(&line, &lcap, f)) > 0) {
		struct rec *x;
		size_t hashed;
		char h[65];
		cJSON *o;

		if (n == cap) {
			struct rec *nr = realloc(r, (cap = cap ? cap * 2 : 64) * sizeof(*r));

			if (!nr) {
				rc = tg_errf(err, "out of memory");
				goto out;
			}
			r = nr;
		}
		x = &r[n++];
		memset(x, 0, sizeof(*x));
		if (line[len - 1] == '\n')
			line[--len] = 0;
		o = cJSON_Parse(line);
		if (o && cJSON_IsNumber(cJSON_GetObjectItem(o, "seq")) &&
		    cJSON_IsString(cJSON_GetObjectItem(o, "prev")) &&
		    strlen(cJSON_GetObjectItem(o, "prev")->valuestring) == 64 &&
		    split_record(line, (size_t)len, &hashed, h) == 0) {
			x->parsed = true;
			x->seq = (uint64_t)cJSON_GetNumberValue(cJSON_GetObjectItem(o, "seq"));
			memcpy(x->prev, cJSON_GetObjectItem(o, "prev")->valuestring, 65);
			memcpy(x->hash, h, 65);
			sha256_hex(line, hashed, h);
			x->valid = strcmp(h, x->hash) == 0;
		}
		cJSON_Delete(o);
	}
	c->records = n;
	for (size_t i = 0; i < n; i++) {
		const struct rec *x = &r[i];
		uint64_t ln = i + 1;

		if (!x->parsed) {
			rc = bad(c, 0, ln, "line %llu is not an audit record: the record there was altered",
				 (unsigned long long)ln);
			goto out;
		}
		if (!x->valid) {
			rc = bad(c, x->seq, ln,
				 "record #%llu (line %llu) was altered: its content does not match its hash",
				 (unsigned long long)x->seq, (unsigned long long)ln);
			goto out;
		}
		if (strcmp(x->prev, prev_hash) != 0 || x->seq != prev_seq + 1) {
			if (x->seq > prev_seq + 1 && seq_after(r, n, i + 1, prev_seq + 1))
				rc = bad(c, x->seq, ln,
					 "record #%llu (line %llu) is out of order: records were reordered "
					 "(#%llu comes later in the file)",
					 (unsigned long long)x->seq, (unsigned long long)ln,
					 (unsigned long long)(prev_seq + 1));
			else if (x->seq > prev_seq + 1)
				rc = bad(c, prev_seq + 1, ln,
					 "%s removed (the chain jumps from #%llu to #%llu at line %llu)",
					 removed(range, sizeof(range), prev_seq + 1, x->seq - 1),
					 (unsigned long long)prev_seq, (unsigned long long)x->seq,
					 (unsigned long long)ln);
			else if (x->seq <= prev_seq)
				rc = bad(c, x->seq, ln,
					 "record #%llu (line %llu) is out of order: records were reordered "
					 "(it follows #%llu)",
					 (unsigned long long)x->seq, (unsigned long long)ln,
					 (unsigned long long)prev_seq);
			else
				rc = bad(c, prev_seq, ln - 1,
					 "record #%llu (line %llu) was altered or replaced: record #%llu no "
					 "longer chains to it",
					 (unsigned long long)prev_seq, (unsigned long long)(ln - 1),
					 (unsigned long long)x->seq);
			goto out;
		}
		prev_seq = x->seq;
		prev_hash = x->hash;
		c->head_seq = x->seq;
		memcpy(c->head_hash, x->hash, 65);
	}
	/* records cut from the end: compare with the head written at each append */
	snprintf(headpath, sizeof(headpath), "%s.head", path);
	{
		FILE *h = fopen(headpath, "re");
		char text[256];
		cJSON *o = NULL;

		if (h && fgets(text, sizeof(text), h))
			o = cJSON_Parse(text);
		if (h)
			fclose(h);
		if (o) {
			uint64_t hs = (uint64_t)cJSON_GetNumberValue(cJSON_GetObjectItem(o, "seq"));
			const char *hh = cJSON_GetStringValue(cJSON_GetObjectItem(o, "hash"));

			if (hs > c->head_seq)
				rc = bad(c, c->head_seq + 1, n + 1,
					 "%s removed from the end (the head says the chain ends at #%llu)",
					 removed(range, sizeof(range), c->head_seq + 1, hs), (unsigned long long)hs);
			else if (hs == c->head_seq && hh && strcmp(hh, c->head_hash) != 0)
				rc = bad(c, hs, n, "record #%llu (line %llu) was altered: it is not the record "
					 "the head names", (unsigned long long)hs, (unsigned long long)n);
			cJSON_Delete(o);
		}
	}
out:
	free(line);
	free(r);
	fclose(f);
	return rc;
}
