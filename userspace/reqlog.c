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
#include <unistd.h>

#include "jsonw.h"

struct tg_reqlog {
	int fd;
};

struct tg_reqlog *tg_reqlog_open(const char *path, tg_err *err)
{
	struct tg_reqlog *log = calloc(1, sizeof(*log));

	if (!log) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	log->fd = tg_open_private(path, O_WRONLY | O_APPEND);
	if (log->fd < 0) {
		tg_errf(err, "open request log %s: %s", path, strerror(errno));
		free(log);
		return NULL;
	}
	return log;
}

void tg_reqlog_close(struct tg_reqlog *log)
{
	if (!log)
		return;
	close(log->fd);
	free(log);
}

/* Milliseconds between two tg_now_us() stamps; -1 when one is missing. */
static void jw_ms_between(struct tg_jsonw *w, const char *key, uint64_t from_us, uint64_t to_us)
{
	if (!from_us || !to_us || to_us < from_us)
		tg_jw_int(w, key, -1);
	else
		tg_jw_millis(w, key, to_us - from_us);
}

int tg_reqlog_format(const struct tg_call *call, struct tg_buf *out)
{
	struct tg_jsonw w;
	char when[TG_ISO_TIME_LEN];
	size_t plen = 0;

	tg_iso_time(call->start_wall_ms, when, sizeof(when));
	if (call->req.target)
		while (plen < call->req.target_len && plen < 1023 && call->req.target[plen] != '?')
			plen++;
	tg_jw_init(&w, out);
	tg_jw_open(&w, NULL);
	tg_jw_str(&w, "time", when);
	tg_jw_str(&w, "trace_id", call->trace_id);
	tg_jw_str(&w, "span_id", call->span_id);
	tg_jw_str(&w, "cgroup", call->cgroup_path);
	tg_jw_uint(&w, "pid", call->origin ? call->origin->tgid : 0);
	tg_jw_str(&w, "comm", call->origin ? call->origin->comm : "");
	tg_jw_uint(&w, "uid", call->origin ? call->origin->uid : 0);
	tg_jw_str(&w, "key_fp", call->key_fp);
	tg_jw_str(&w, "provider", call->provider ? call->provider->name : "");
	tg_jw_str(&w, "host", call->host);
	if (call->req.method)
		tg_jw_strn(&w, "method", call->req.method, call->req.method_len < 31 ? call->req.method_len : 31);
	else
		tg_jw_null(&w, "method");
	tg_jw_strn(&w, "path", call->req.target, plen);
	tg_jw_int(&w, "status", call->status);
	tg_jw_str(&w, "outcome", tg_call_outcome_name(call->outcome));
	tg_jw_uint(&w, "bytes_in", call->bytes_from_client);
	tg_jw_uint(&w, "bytes_out", call->bytes_to_client);
	tg_jw_uint(&w, "upstream_bytes_out", call->bytes_to_upstream);
	tg_jw_uint(&w, "upstream_bytes_in", call->bytes_from_upstream);
	jw_ms_between(&w, "latency_ms", call->start_us, call->end_us);
	if (call->first_byte_us)
		jw_ms_between(&w, "ttfb_ms", call->start_us, call->first_byte_us);
	else
		tg_jw_null(&w, "ttfb_ms");
	tg_jw_bool(&w, "upstream_reused", call->upstream_reused);
	if (call->operation[0]) {
		tg_jw_str(&w, "operation", call->operation);
		tg_jw_str(&w, "model", call->model);
		tg_jw_str(&w, "response_model", call->response_model);
		tg_jw_bool(&w, "stream", call->stream);
		tg_jw_open(&w, "usage");
		tg_jw_uint(&w, "input_tokens", call->usage.input_tokens);
		tg_jw_uint(&w, "cached_input_tokens", call->usage.cached_input_tokens);
		tg_jw_uint(&w, "cache_write_tokens", call->usage.cache_write_tokens);
		tg_jw_uint(&w, "output_tokens", call->usage.output_tokens);
		tg_jw_uint(&w, "reasoning_tokens", call->usage.reasoning_tokens);
		tg_jw_bool(&w, "estimated", call->usage.estimated);
		if (call->usage.finish_reasons[0])
			tg_jw_str(&w, "finish_reasons", call->usage.finish_reasons);
		tg_jw_close(&w);
		tg_jw_double(&w, "cost_usd", call->cost_usd);
		tg_jw_str(&w, "budgets", call->budgets);
	}
	if (call->nredactions) {
		/* entity types and how many distinct values of each: never the values */
		tg_jw_open(&w, "redactions");
		for (size_t i = 0; i < call->nredactions && i < TG_ARRAY_LEN(call->redactions); i++)
			tg_jw_uint(&w, call->redactions[i].type, call->redactions[i].count);
		tg_jw_close(&w);
	}
	if (call->error[0])
		tg_jw_str(&w, "error", call->error);
	tg_jw_close(&w);
	return w.failed ? -1 : 0;
}

static void on_complete(void *ctx, struct tg_call *call)
{
	struct tg_reqlog *log = ctx;
	struct tg_buf line = {0};

	/* one write() per line, so lines from several workers never interleave */
	if (tg_buf_reserve(&line, 1024) && tg_reqlog_format(call, &line) == 0 &&
	    tg_buf_append(&line, "\n", 1) == 0 &&
	    write(log->fd, tg_buf_start(&line), tg_buf_used(&line)) != (ssize_t)tg_buf_used(&line))
		tg_warn("request log write failed: %s", strerror(errno));
	tg_buf_free(&line);
}

struct tg_stage tg_reqlog_stage(struct tg_reqlog *log)
{
	struct tg_stage s = {.name = "reqlog", .ctx = log, .on_complete = on_complete};

	return s;
}
