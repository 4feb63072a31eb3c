/*
 * ledger_journal.c - the spend ledger's write-ahead journal of settlements
 * (see ledger_journal.h): encoding, appending, rewriting, replaying.
 */
#include "ledger_journal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#define MAGIC 0x314a4754u  /* "TGJ1" */
#define HEAD_BYTES 12      /* magic, body length, CRC-32 of the body */
#define REC_MAX 4096       /* a record's largest encoding */
#define NSTR 8

struct tg_journal {
	char path[4096];
	int fd;
	uint64_t size;
};

/* ---- encoding (native byte order: the file never leaves this host) ---- */

struct enc {
	unsigned char *p, *end;
	bool overflow;
};

static void put(struct enc *e, const void *v, size_t n)
{
	if ((size_t)(e->end - e->p) < n) {
		e->overflow = true;
		return;
	}
	memcpy(e->p, v, n);
	e->p += n;
}

static void put_str(struct enc *e, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	uint16_t len = n > UINT16_MAX ? UINT16_MAX : (uint16_t)n;

	put(e, &len, sizeof(len));
	put(e, s ? s : "", len);
}

static const char **strings(const struct tg_ledger_row *r, const char *s[NSTR])
{
	s[0] = r->trace_id, s[1] = r->cgroup, s[2] = r->key_fp, s[3] = r->provider;
	s[4] = r->model, s[5] = r->price_model, s[6] = r->operation, s[7] = r->usage.finish_reasons;
	return s;
}

/* Encode r into buf (REC_MAX bytes): its length, or 0 if it does not fit. */
static size_t encode(const struct tg_journal_rec *r, unsigned char *buf)
{
	struct enc e = {buf + HEAD_BYTES, buf + REC_MAX, false};
	const struct tg_ledger_row *row = &r->row;
	const struct tg_call_usage *u = &row->usage;
	uint8_t known = u->known, estimated = u->estimated;
	const char *s[NSTR];
	uint32_t magic = MAGIC, body, crc;

	put(&e, &r->seq, sizeof(r->seq));
	put(&e, &r->res_id, sizeof(r->res_id));
	put(&e, &row->time_ms, sizeof(row->time_ms));
	put(&e, &row->uid, sizeof(row->uid));
	put(&e, &row->status, sizeof(row->status));
	put(&e, &row->cost_nusd, sizeof(row->cost_nusd));
	put(&e, &known, 1);
	put(&e, &estimated, 1);
	put(&e, &u->input_tokens, sizeof(u->input_tokens));
	put(&e, &u->cached_input_tokens, sizeof(u->cached_input_tokens));
	put(&e, &u->cache_write_tokens, sizeof(u->cache_write_tokens));
	put(&e, &u->output_tokens, sizeof(u->output_tokens));
	put(&e, &u->reasoning_tokens, sizeof(u->reasoning_tokens));
	strings(row, s);
	for (int i = 0; i < NSTR; i++)
		put_str(&e, s[i]);
	if (e.overflow)
		return 0;
	body = (uint32_t)(e.p - buf - HEAD_BYTES);
	crc = (uint32_t)crc32(0L, buf + HEAD_BYTES, body);
	memcpy(buf, &magic, 4);
	memcpy(buf + 4, &body, 4);
	memcpy(buf + 8, &crc, 4);
	return HEAD_BYTES + body;
}

struct dec {
	const unsigned char *p, *end;
	bool bad;
};

static void get(struct dec *d, void *v, size_t n)
{
	if ((size_t)(d->end - d->p) < n) {
		d->bad = true;
		memset(v, 0, n);
		return;
	}
	memcpy(v, d->p, n);
	d->p += n;
}

/* Decode a body of n bytes into r; its strings go to text (REC_MAX bytes). */
static int decode(const unsigned char *body, size_t n, struct tg_journal_rec *r, char *text)
{
	struct dec d = {body, body + n, false};
	struct tg_ledger_row *row = &r->row;
	struct tg_call_usage *u = &row->usage;
	uint8_t known, estimated;
	const char **dst[NSTR] = {&row->trace_id, &row->cgroup, &row->key_fp, &row->provider,
				  &row->model, &row->price_model, &row->operation, NULL};
	char *t = text;

	memset(r, 0, sizeof(*r));
	get(&d, &r->seq, sizeof(r->seq));
	get(&d, &r->res_id, sizeof(r->res_id));
	get(&d, &row->time_ms, sizeof(row->time_ms));
	get(&d, &row->uid, sizeof(row->uid));
	get(&d, &row->status, sizeof(row->status));
	get(&d, &row->cost_nusd, sizeof(row->cost_nusd));
	get(&d, &known, 1);
	get(&d, &estimated, 1);
	u->known = known, u->estimated = estimated;
	get(&d, &u->input_tokens, sizeof(u->input_tokens));
	get(&d, &u->cached_input_tokens, sizeof(u->cached_input_tokens));
	get(&d, &u->cache_write_tokens, sizeof(u->cache_write_tokens));
	get(&d, &u->output_tokens, sizeof(u->output_tokens));
	get(&d, &u->reasoning_tokens, sizeof(u->reasoning_tokens));
	for (int i = 0; i < NSTR && !d.bad; i++) {
		uint16_t len;

		get(&d, &len, sizeof(len));
		if (d.bad || (size_t)(d.end - d.p) < len || (size_t)(text + REC_MAX - t) < (size_t)len + 1)
			return -1;
		if (i == NSTR - 1) { /* finish_reasons lives in the usage */
			size_t m = len < sizeof(u->finish_reasons) ? len : sizeof(u->finish_reasons) - 1;

			memcpy(u->finish_reasons, d.p, m);
			u->finish_reasons[m] = '\0';
		} else {
			memcpy(t, d.p, len);
			t[len] = '\0';
			*dst[i] = t;
			t += len + 1;
		}
		d.p += len;
	}
	return d.bad || d.p != d.end || r->seq == 0 ? -1 : 0;
}

/* ---- the file ---------------------------------------------------------- */

struct tg_journal *tg_journal_open(const char *path, tg_err *err)
{
	struct tg_journal *j = calloc(1, sizeof(*j));
	struct stat st;

	if (!j) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	tg_strlcpy(j->path, path, sizeof(j->path));
	j->fd = tg_open_private(path, O_WRONLY | O_APPEND);
	if (j->fd < 0 || fstat(j->fd, &st)) {
		tg_errf(err, "journal %s: %s", path, strerror(errno));
		tg_journal_close(j);
		return NULL;
	}
	j->size = (uint64_t)st.st_size;
	return j;
}

void tg_journal_close(struct tg_journal *j)
{
	if (!j)
		return;
	if (j->fd >= 0)
		close(j->fd);
	free(j);
}

uint64_t tg_journal_size(const struct tg_journal *j)
{
	return j->size;
}

/* Write all of buf, or fail (errno set). */
static int write_all(int fd, const unsigned char *buf, size_t n)
{
	while (n) {
		ssize_t w = write(fd, buf, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = ENOSPC;
			return -1;
		}
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

int tg_journal_append(struct tg_journal *j, const struct tg_journal_rec *r, tg_err *err)
{
	unsigned char buf[REC_MAX];
	size_t n = encode(r, buf);

	if (!n)
		return tg_errf(err, "journal %s: record too large", j->path);
	if (write_all(j->fd, buf, n)) {
		int e = errno;

		/* cut a partial record off, so the records after it stay readable */
		if (ftruncate(j->fd, (off_t)j->size))
			tg_warn("journal %s: cannot cut a partial record: %s", j->path, strerror(errno));
		return tg_errf(err, "journal %s: %s", j->path, strerror(e));
	}
	j->size += n;
	return 0;
}

int tg_journal_rewrite(struct tg_journal *j, const struct tg_journal_rec *recs, size_t n, tg_err *err)
{
	char tmp[4200];
	unsigned char buf[REC_MAX];
	uint64_t size = 0;
	int fd;

	snprintf(tmp, sizeof(tmp), "%s.new", j->path);
	fd = tg_open_private(tmp, O_WRONLY | O_TRUNC | O_APPEND);
	if (fd < 0)
		return tg_errf(err, "journal %s: %s", tmp, strerror(errno));
	for (size_t i = 0; i < n; i++) {
		size_t len = encode(&recs[i], buf);

		if (!len || write_all(fd, buf, len)) {
			tg_errf(err, "journal %s: %s", tmp, len ? strerror(errno) : "record too large");
			close(fd);
			unlink(tmp);
			return -1;
		}
		size += len;
	}
	if (rename(tmp, j->path)) {
		tg_errf(err, "journal %s: rename: %s", j->path, strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
	close(j->fd);
	j->fd = fd;
	j->size = size;
	return 0;
}

int tg_journal_replay(const char *path, int (*fn)(void *arg, const struct tg_journal_rec *r), void *arg,
		      uint64_t *torn, tg_err *err)
{
	char *text = malloc(REC_MAX);
	unsigned char *data = NULL;
	size_t size = 0, off = 0;
	struct stat st;
	int fd, rc = 0;

	*torn = 0;
	if (!text)
		return tg_errf(err, "out of memory");
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		free(text);
		if (errno == ENOENT)
			return 0;
		return tg_errf(err, "journal %s: %s", path, strerror(errno));
	}
	if (fstat(fd, &st) == 0 && st.st_size > 0) {
		size = (size_t)st.st_size;
		data = malloc(size);
		if (!data) {
			rc = tg_errf(err, "journal %s: out of memory for %zu bytes", path, size);
		} else {
			size_t got = 0;

			while (got < size) {
				ssize_t r = read(fd, data + got, size - got);

				if (r < 0 && errno == EINTR)
					continue;
				if (r <= 0)
					break;
				got += (size_t)r;
			}
			size = got;
		}
	}
	close(fd);
	while (rc == 0 && off + HEAD_BYTES <= size) {
		uint32_t magic, body, crc;
		struct tg_journal_rec r;

		memcpy(&magic, data + off, 4);
		memcpy(&body, data + off + 4, 4);
		memcpy(&crc, data + off + 8, 4);
		if (magic != MAGIC || body > REC_MAX || off + HEAD_BYTES + body > size ||
		    (uint32_t)crc32(0L, data + off + HEAD_BYTES, body) != crc ||
		    decode(data + off + HEAD_BYTES, body, &r, text))
			break;
		rc = fn(arg, &r);
		off += HEAD_BYTES + body;
	}
	if (rc == 0)
		*torn = size - off;
	free(data);
	free(text);
	return rc;
}
