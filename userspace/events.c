/*
 * events.c - the policy event store: one JSON object per line in
 * <state_dir>/events.log (0600), written with a single write() so lines from
 * several workers never interleave.
 */
#include "events.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct tg_events {
	int fd;
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
	ev->fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (ev->fd < 0) {
		tg_errf(err, "open event log %s: %s", path, strerror(errno));
		free(ev);
		return NULL;
	}
	fchmod(ev->fd, 0600);
	return ev;
}

void tg_events_close(struct tg_events *ev)
{
	if (!ev)
		return;
	close(ev->fd);
	free(ev);
}

void tg_event_emit(struct tg_events *ev, const struct tg_call *call, const char *type, cJSON *detail)
{
	cJSON *o = cJSON_CreateObject();
	char when[40];
	int64_t now = tg_wall_ms();
	time_t secs = (time_t)(now / 1000);
	struct tm tm;
	char *line;
	size_t n;

	if (!o) {
		cJSON_Delete(detail);
		return;
	}
	gmtime_r(&secs, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(when + strlen(when), sizeof(when) - strlen(when), ".%03dZ", (int)(now % 1000));
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
	cJSON_AddItemToObject(o, "detail", detail ? detail : cJSON_CreateObject());
	line = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	if (!line)
		return;
	n = strlen(line);
	line[n] = '\n';
	if (write(ev->fd, line, n + 1) != (ssize_t)(n + 1))
		tg_warn("event log write failed: %s", strerror(errno));
	free(line);
}
