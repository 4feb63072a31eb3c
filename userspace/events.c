/*
 * events.c - policy events: one JSON object per line in
 * <state_dir>/events.log (0600), written with a single write() so lines from
 * several workers never interleave; a row for the trace store; and a short
 * pending list, by span id, that the trace stage takes at the end of each
 * call so the events also travel as span events.
 *
 * Events are rare (policy decisions), so one mutex is fine here; the common
 * case of a call without events costs one atomic load in tg_events_take.
 */
#include "events.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store.h"

#define PENDING_MAX 4096             /* events of calls still in flight */
#define PENDING_MAX_AGE_MS 600000    /* forget events of calls never completed */
#define MAX_TYPES 32

struct pending {
	char span_id[17];
	int64_t time_ms;
	cJSON *event;                /* {"time_ms","type","detail"} */
	struct pending *next;
};

struct tg_events {
	int fd;
	struct tg_store *store;
	pthread_mutex_t lock;
	struct pending *pending;
	atomic_size_t npending;
	struct {
		char type[32];
		uint64_t n;
	} counts[MAX_TYPES];
	size_t ntypes;
};

struct tg_events *tg_events_open(const char *state_dir, tg_err *err)
{
	struct tg_events *ev = calloc(1, sizeof(*ev));
	char path[4096];

	if (!ev) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/events.log", state_dir);
	ev->fd = tg_open_private(path, O_WRONLY | O_APPEND);
	if (ev->fd < 0) {
		tg_errf(err, "open event log %s: %s", path, strerror(errno));
		free(ev);
		return NULL;
	}
	pthread_mutex_init(&ev->lock, NULL);
	return ev;
}

void tg_events_close(struct tg_events *ev)
{
	if (!ev)
		return;
	close(ev->fd);
	while (ev->pending) {
		struct pending *p = ev->pending;

		ev->pending = p->next;
		cJSON_Delete(p->event);
		free(p);
	}
	pthread_mutex_destroy(&ev->lock);
	free(ev);
}

void tg_events_set_store(struct tg_events *ev, struct tg_store *store)
{
	pthread_mutex_lock(&ev->lock);
	ev->store = store;
	pthread_mutex_unlock(&ev->lock);
}

static void count(struct tg_events *ev, const char *type)
{
	size_t i;

	for (i = 0; i < ev->ntypes; i++)
		if (strcmp(ev->counts[i].type, type) == 0)
			break;
	if (i == ev->ntypes) {
		if (ev->ntypes == MAX_TYPES)
			return;
		tg_strlcpy(ev->counts[i].type, type, sizeof(ev->counts[i].type));
		ev->ntypes++;
	}
	ev->counts[i].n++;
}

/* Drop pending events of calls that never completed (no trace stage, or lost). */
static void expire_pending(struct tg_events *ev, int64_t now)
{
	struct pending **pp = &ev->pending;

	while (*pp) {
		struct pending *p = *pp;

		if (now - p->time_ms > PENDING_MAX_AGE_MS) {
			*pp = p->next;
			cJSON_Delete(p->event);
			free(p);
			atomic_fetch_sub(&ev->npending, 1);
		} else {
			pp = &p->next;
		}
	}
}

static void add_pending(struct tg_events *ev, const char *span_id, int64_t now, const char *type,
			const cJSON *detail)
{
	struct pending *p;

	expire_pending(ev, now);
	if (atomic_load(&ev->npending) >= PENDING_MAX)
		return;
	p = calloc(1, sizeof(*p));
	if (!p)
		return;
	p->event = cJSON_CreateObject();
	if (!p->event) {
		free(p);
		return;
	}
	tg_strlcpy(p->span_id, span_id, sizeof(p->span_id));
	p->time_ms = now;
	cJSON_AddNumberToObject(p->event, "time_ms", (double)now);
	cJSON_AddStringToObject(p->event, "type", type);
	cJSON_AddItemToObject(p->event, "detail", cJSON_Duplicate(detail, 1));
	p->next = ev->pending;
	ev->pending = p;
	atomic_fetch_add(&ev->npending, 1);
}

void tg_event_emit(struct tg_events *ev, const struct tg_call *call, const char *type, cJSON *detail)
{
	cJSON *o = cJSON_CreateObject(), *row = NULL;
	char when[TG_ISO_TIME_LEN];
	int64_t now = tg_wall_ms();
	char *line;
	size_t n;

	if (!ev || !o) {
		cJSON_Delete(o);
		cJSON_Delete(detail);
		return;
	}
	if (!detail)
		detail = cJSON_CreateObject();
	tg_iso_time(now, when, sizeof(when));
	cJSON_AddStringToObject(o, "time", when);
	cJSON_AddStringToObject(o, "type", type);
	if (call) {
		cJSON_AddStringToObject(o, "trace_id", call->trace_id);
		cJSON_AddStringToObject(o, "span_id", call->span_id);
		cJSON_AddStringToObject(o, "cgroup", call->cgroup_path ? call->cgroup_path : "");
		cJSON_AddNumberToObject(o, "pid", call->origin ? call->origin->tgid : 0);
		cJSON_AddStringToObject(o, "comm", call->origin ? call->origin->comm : "");
		cJSON_AddNumberToObject(o, "uid", call->origin ? call->origin->uid : 0);
		cJSON_AddStringToObject(o, "key_fp", call->key_fp);
		cJSON_AddStringToObject(o, "provider", call->provider ? call->provider->name : "");
		cJSON_AddStringToObject(o, "model", call->model);
	}
	cJSON_AddItemToObject(o, "detail", detail);
	line = cJSON_PrintUnformatted(o);
	if (line) {
		n = strlen(line);
		line[n] = '\n';
		if (write(ev->fd, line, n + 1) != (ssize_t)(n + 1))
			tg_warn("event log write failed: %s", strerror(errno));
		free(line);
	}

	pthread_mutex_lock(&ev->lock);
	count(ev, type);
	if (call && call->span_id[0])
		add_pending(ev, call->span_id, now, type, detail);
	if (ev->store) {
		/* the store row: the same fields, with a numeric time */
		row = cJSON_Duplicate(o, 1);
		if (row) {
			cJSON_DeleteItemFromObject(row, "time");
			cJSON_AddNumberToObject(row, "time_ms", (double)now);
			tg_store_put_event(ev->store, row);
		}
	}
	pthread_mutex_unlock(&ev->lock);
	cJSON_Delete(o);
}

cJSON *tg_events_take(struct tg_events *ev, const char *span_id)
{
	struct pending **pp, *taken = NULL;
	cJSON *arr = NULL;

	if (!ev || atomic_load(&ev->npending) == 0)
		return NULL;
	pthread_mutex_lock(&ev->lock);
	pp = &ev->pending;
	while (*pp) {
		struct pending *p = *pp;

		if (strcmp(p->span_id, span_id) == 0) {
			*pp = p->next;
			p->next = taken; /* the list is newest first: this restores emission order */
			taken = p;
			atomic_fetch_sub(&ev->npending, 1);
		} else {
			pp = &p->next;
		}
	}
	pthread_mutex_unlock(&ev->lock);
	while (taken) {
		struct pending *p = taken;

		taken = p->next;
		if (!arr)
			arr = cJSON_CreateArray();
		if (arr)
			cJSON_AddItemToArray(arr, p->event);
		else
			cJSON_Delete(p->event);
		free(p);
	}
	return arr;
}

void tg_events_counts(struct tg_events *ev, void (*fn)(void *arg, const char *type, uint64_t n),
		      void *arg)
{
	char types[MAX_TYPES][32];
	uint64_t ns[MAX_TYPES];
	size_t k;

	if (!ev)
		return;
	pthread_mutex_lock(&ev->lock);
	k = ev->ntypes;
	for (size_t i = 0; i < k; i++) {
		memcpy(types[i], ev->counts[i].type, sizeof(types[i]));
		ns[i] = ev->counts[i].n;
	}
	pthread_mutex_unlock(&ev->lock);
	for (size_t i = 0; i < k; i++)
		fn(arg, types[i], ns[i]);
}
