/*
 * reqlog.c - format and append request log lines. Each line is written with
 * a single write() on an O_APPEND descriptor, so lines from several workers
 * never interleave.
 */
#include "reqlog.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

struct tg_reqlog {
	int fd;
};

static const char *outcome_name(enum tg_call_outcome o)
{
	switch (o) {
	case TG_OUTCOME_OK: return "ok";
	case TG_OUTCOME_REFUSED: return "refused";
	case TG_OUTCOME_UPSTREAM_ERROR: return "upstream_error";
	case TG_OUTCOME_CLIENT_GONE: return "client_gone";
	case TG_OUTCOME_TUNNEL: return "tunnel";
	}
	return "unknown";
}

struct tg_reqlog *tg_reqlog_open(const char *path, tg_err *err)
{
	struct tg_reqlog *log = calloc(1, sizeof(*log));

	if (!log) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	log->fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (log->fd < 0) {
		tg_errf(err, "open request log %s: %s", path, strerror(errno));
		free(log);
		return NULL;
	}
	fchmod(log->fd, 0600);
	return log;
}

void tg_reqlog_close(struct tg_reqlog *log)
{
	if (!log)
		return;
	close(log->fd);
	free(log);
}

static double ms_between(uint64_t from_us, uint64_t to_us)
{
	if (!from_us || !to_us || to_us < from_us)
		return -1;
	return (double)(to_us - from_us) / 1000.0;
}

char *tg_reqlog_format(const struct tg_call *call)
{
	cJSON *o = cJSON_CreateObject();
	char when[40], path[1024];
	time_t secs = (time_t)(call->start_wall_ms / 1000);
	struct tm tm;
	size_t plen = 0;
	char *line;

	if (!o)
		return NULL;
	gmtime_r(&secs, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(when + strlen(when), sizeof(when) - strlen(when), ".%03dZ",
		 (int)(call->start_wall_ms % 1000));
	if (call->req.target) {
		while (plen < call->req.target_len && plen < sizeof(path) - 1 &&
		       call->req.target[plen] != '?')
			plen++;
		memcpy(path, call->req.target, plen);
	}
	path[plen] = 0;
	cJSON_AddStringToObject(o, "time", when);
	cJSON_AddStringToObject(o, "trace_id", call->trace_id);
	cJSON_AddStringToObject(o, "span_id", call->span_id);
	cJSON_AddStringToObject(o, "cgroup", call->cgroup_path ? call->cgroup_path : "");
	cJSON_AddNumberToObject(o, "pid", call->origin ? call->origin->tgid : 0);
	cJSON_AddStringToObject(o, "comm", call->origin ? call->origin->comm : "");
	cJSON_AddNumberToObject(o, "uid", call->origin ? call->origin->uid : 0);
	cJSON_AddStringToObject(o, "key_fp", call->key_fp);
	cJSON_AddStringToObject(o, "provider", call->provider ? call->provider->name : "");
	cJSON_AddStringToObject(o, "host", call->host ? call->host : "");
	if (call->req.method) {
		char method[32];

		snprintf(method, sizeof(method), "%.*s", (int)call->req.method_len, call->req.method);
		cJSON_AddStringToObject(o, "method", method);
	} else {
		cJSON_AddNullToObject(o, "method");
	}
	cJSON_AddStringToObject(o, "path", path);
	cJSON_AddNumberToObject(o, "status", call->status);
	cJSON_AddStringToObject(o, "outcome", outcome_name(call->outcome));
	cJSON_AddNumberToObject(o, "bytes_in", (double)call->bytes_from_client);
	cJSON_AddNumberToObject(o, "bytes_out", (double)call->bytes_to_client);
	cJSON_AddNumberToObject(o, "upstream_bytes_out", (double)call->bytes_to_upstream);
	cJSON_AddNumberToObject(o, "upstream_bytes_in", (double)call->bytes_from_upstream);
	cJSON_AddNumberToObject(o, "latency_ms", ms_between(call->start_us, call->end_us));
	if (call->first_byte_us)
		cJSON_AddNumberToObject(o, "ttfb_ms", ms_between(call->start_us, call->first_byte_us));
	else
		cJSON_AddNullToObject(o, "ttfb_ms");
	cJSON_AddBoolToObject(o, "upstream_reused", call->upstream_reused);
	if (call->operation[0]) {
		cJSON *u;

		cJSON_AddStringToObject(o, "operation", call->operation);
		cJSON_AddStringToObject(o, "model", call->model);
		cJSON_AddStringToObject(o, "response_model", call->response_model);
		cJSON_AddBoolToObject(o, "stream", call->stream);
		u = cJSON_AddObjectToObject(o, "usage");
		cJSON_AddNumberToObject(u, "input_tokens", (double)call->usage.input_tokens);
		cJSON_AddNumberToObject(u, "cached_input_tokens", (double)call->usage.cached_input_tokens);
		cJSON_AddNumberToObject(u, "cache_write_tokens", (double)call->usage.cache_write_tokens);
		cJSON_AddNumberToObject(u, "output_tokens", (double)call->usage.output_tokens);
		cJSON_AddNumberToObject(u, "reasoning_tokens", (double)call->usage.reasoning_tokens);
		cJSON_AddBoolToObject(u, "estimated", call->usage.estimated);
		if (call->usage.finish_reasons[0])
			cJSON_AddStringToObject(u, "finish_reasons", call->usage.finish_reasons);
		cJSON_AddNumberToObject(o, "cost_usd", call->cost_usd);
		cJSON_AddStringToObject(o, "budgets", call->budgets);
	}
	if (call->error[0])
		cJSON_AddStringToObject(o, "error", call->error);
	line = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	return line;
}

static void on_complete(void *ctx, struct tg_call *call)
{
	struct tg_reqlog *log = ctx;
	char *line = tg_reqlog_format(call);
	size_t n;

	if (!line)
		return;
	n = strlen(line);
	line[n] = '\n'; /* replaces the NUL: write exactly n + 1 bytes */
	if (write(log->fd, line, n + 1) != (ssize_t)(n + 1))
		tg_warn("request log write failed: %s", strerror(errno));
	free(line);
}

struct tg_stage tg_reqlog_stage(struct tg_reqlog *log)
{
	struct tg_stage s = {.name = "reqlog", .ctx = log, .on_complete = on_complete};

	return s;
}
