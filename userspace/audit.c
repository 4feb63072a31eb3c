/*
 * audit.c - append hash-chained records to <state_dir>/audit.log (0600).
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

struct tg_audit {
	int fd;
	pthread_mutex_t lock;
	uint64_t seq;
	char prev[65];
};

static void sha256_hex(const char *s, size_t n, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;

	EVP_Digest(s, n, md, &len, EVP_sha256(), NULL);
	for (unsigned int i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
}

/* Read the last record to continue the chain. */
static int load_tail(struct tg_audit *a, const char *path, tg_err *err)
{
	FILE *f = fopen(path, "re");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	memset(a->prev, '0', 64);
	a->prev[64] = 0;
	a->seq = 0;
	if (!f)
		return errno == ENOENT ? 0 : tg_errf(err, "read %s: %s", path, strerror(errno));
	while ((n = getline(&line, &cap, f)) > 0) {
		cJSON *o = cJSON_Parse(line);
		const char *h = o ? cJSON_GetStringValue(cJSON_GetObjectItem(o, "hash")) : NULL;

		if (h && strlen(h) == 64) {
			memcpy(a->prev, h, 65);
			a->seq = (uint64_t)cJSON_GetNumberValue(cJSON_GetObjectItem(o, "seq"));
		}
		cJSON_Delete(o);
	}
	free(line);
	fclose(f);
	return 0;
}

struct tg_audit *tg_audit_open(const char *state_dir, tg_err *err)
{
	struct tg_audit *a = calloc(1, sizeof(*a));
	char path[4096];

	if (!a) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/audit.log", state_dir);
	if (load_tail(a, path, err)) {
		free(a);
		return NULL;
	}
	a->fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (a->fd < 0) {
		tg_errf(err, "open audit log %s: %s", path, strerror(errno));
		free(a);
		return NULL;
	}
	fchmod(a->fd, 0600);
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

int tg_audit_append(struct tg_audit *a, const struct tg_admin_req *req, const char *action,
		    cJSON *before, cJSON *after, tg_err *err)
{
	cJSON *o = cJSON_CreateObject();
	char when[40], hash[65];
	int64_t now = tg_wall_ms();
	time_t secs = (time_t)(now / 1000);
	struct tm tm;
	char *body, *line;
	size_t n;
	int rc = 0;

	if (!o) {
		cJSON_Delete(before);
		cJSON_Delete(after);
		return tg_errf(err, "out of memory");
	}
	gmtime_r(&secs, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(when + strlen(when), sizeof(when) - strlen(when), ".%03dZ", (int)(now % 1000));
	pthread_mutex_lock(&a->lock);
	cJSON_AddNumberToObject(o, "seq", (double)(a->seq + 1));
	cJSON_AddStringToObject(o, "time", when);
	cJSON_AddNumberToObject(o, "uid", req ? req->uid : 0);
	cJSON_AddNumberToObject(o, "pid", req ? req->pid : 0);
	cJSON_AddStringToObject(o, "comm", req ? req->comm : "");
	cJSON_AddStringToObject(o, "action", action);
	cJSON_AddItemToObject(o, "before", before ? before : cJSON_CreateNull());
	cJSON_AddItemToObject(o, "after", after ? after : cJSON_CreateNull());
	cJSON_AddStringToObject(o, "prev", a->prev);
	body = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	if (!body) {
		pthread_mutex_unlock(&a->lock);
		return tg_errf(err, "out of memory");
	}
	/* body ends with '}': hash the text before it, then close with the hash */
	n = strlen(body);
	sha256_hex(body, n - 1, hash);
	line = malloc(n + 80);
	if (!line) {
		free(body);
		pthread_mutex_unlock(&a->lock);
		return tg_errf(err, "out of memory");
	}
	memcpy(line, body, n - 1);
	n = (size_t)sprintf(line + n - 1, ",\"hash\":\"%s\"}\n", hash) + n - 1;
	free(body);
	if (write(a->fd, line, n) != (ssize_t)n || fsync(a->fd)) {
		rc = tg_errf(err, "write audit log: %s", strerror(errno));
	} else {
		a->seq++;
		memcpy(a->prev, hash, 65);
	}
	free(line);
	pthread_mutex_unlock(&a->lock);
	return rc;
}
