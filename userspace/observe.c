/*
 * observe.c - admin routes for traces, events, the metrics summary and the
 * log level (see observe.h). Queries open their own read-only connection to
 * the trace store; the one mutating route is written to the audit log
 * before it takes effect.
 */
#include "observe.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "daemon.h"

/* The value of key in a query string, percent-decoded; false if absent. */
static bool query_param(const char *query, const char *key, char *out, size_t size)
{
	size_t klen = strlen(key);
	const char *p = query;

	while (p && *p) {
		const char *end = p + strcspn(p, "&");

		if ((size_t)(end - p) > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
			size_t w = 0;

			for (const char *s = p + klen + 1; s < end && w + 1 < size; s++) {
				if (*s == '%' && s + 2 < end && isxdigit((unsigned char)s[1]) &&
				    isxdigit((unsigned char)s[2])) {
					char hex[3] = {s[1], s[2], 0};

					out[w++] = (char)strtol(hex, NULL, 16);
					s += 2;
				} else {
					out[w++] = *s == '+' ? ' ' : *s;
				}
			}
			out[w] = 0;
			return true;
		}
		p = *end ? end + 1 : NULL;
	}
	return false;
}

static void db_path(struct tg_daemon *d, char *out, size_t size)
{
	snprintf(out, size, "%s/%s", d->cfg.state_dir, TG_STORE_FILE);
}

/* since=, limit=, cgroup= common to the list routes */
static int read_filter(const struct tg_admin_req *req, struct tg_store_filter *f, char *cgroup,
		       size_t csize, struct tg_buf *out)
{
	char v[256];
	tg_err err;

	memset(f, 0, sizeof(*f));
	if (query_param(req->query, "since", v, sizeof(v)) &&
	    tg_parse_since(v, tg_wall_ms(), &f->since_ms, &err))
		return tg_admin_error(out, 400, "since: %s", err.msg);
	if (query_param(req->query, "limit", v, sizeof(v))) {
		f->limit = atoi(v);
		if (f->limit < 1 || f->limit > 100000)
			return tg_admin_error(out, 400, "limit must be 1..100000");
	}
	if (query_param(req->query, "cgroup", cgroup, csize))
		f->cgroup = cgroup;
	return 0;
}

static int traces_list(void *ctx, const struct tg_admin_req *req, struct tg_buf *out)
{
	struct tg_store_filter f;
	char db[4200], cgroup[4096];
	cJSON *spans;
	tg_err err;
	int rc;

	if ((rc = read_filter(req, &f, cgroup, sizeof(cgroup), out)))
		return rc;
	db_path(ctx, db, sizeof(db));
	if (tg_store_query_spans(db, &f, &spans, &err))
		return tg_admin_error(out, 500, "%s", err.msg);
	return tg_admin_reply_json(out, spans, 200, false);
}

static int trace_one(void *ctx, const struct tg_admin_req *req, struct tg_buf *out)
{
	const char *id = req->path + strlen("/v1/traces/");
	char db[4200];
	cJSON *t;
	tg_err err;
	int rc;

	db_path(ctx, db, sizeof(db));
	rc = tg_store_query_trace(db, id, &t, &err);
	if (rc < 0)
		return tg_admin_error(out, 400, "%s", err.msg);
	if (rc > 0)
		return tg_admin_error(out, 404, "no span or event with id %.64s", id);
	return tg_admin_reply_json(out, t, 200, false);
}

static int events_list(void *ctx, const struct tg_admin_req *req, struct tg_buf *out)
{
	struct tg_store_filter f;
	char db[4200], cgroup[4096], types[256], trace[64];
	cJSON *events;
	tg_err err;
	int rc;

	if ((rc = read_filter(req, &f, cgroup, sizeof(cgroup), out)))
		return rc;
	if (query_param(req->query, "type", types, sizeof(types)))
		f.types = types;
	if (query_param(req->query, "trace", trace, sizeof(trace)))
		f.trace_id = trace;
	db_path(ctx, db, sizeof(db));
	if (tg_store_query_events(db, &f, &events, &err))
		return tg_admin_error(out, 500, "%s", err.msg);
	return tg_admin_reply_json(out, events, 200, false);
}

static int metrics_summary(void *ctx, const struct tg_admin_req *req, struct tg_buf *out)
{
	struct tg_daemon *d = ctx;
	cJSON *s = tg_metrics_summary(d->metrics);

	(void)req;
	if (!s)
		return tg_admin_error(out, 500, "out of memory");
	return tg_admin_reply_json(out, s, 200, false);
}

static const char *level_name(enum tg_log_level l)
{
	static const char *names[] = {"error", "warn", "info", "debug"};

	return (unsigned)l < TG_ARRAY_LEN(names) ? names[l] : "info";
}

static int log_level_get(void *ctx, const struct tg_admin_req *req, struct tg_buf *out)
{
	struct tg_daemon *d = ctx;
	cJSON *o = cJSON_CreateObject();

	(void)req;
	cJSON_AddStringToObject(o, "level", level_name(d->cfg.log_level));
	return tg_admin_reply_json(out, o, 200, false);
}

static int log_level_set(void *ctx, const struct tg_admin_req *req, struct tg_buf *out)
{
	struct tg_daemon *d = ctx;
	cJSON *body = cJSON_Parse(req->body), *o;
	const char *name = cJSON_GetStringValue(cJSON_GetObjectItem(body, "level"));
	enum tg_log_level level;
	tg_err err;

	if (!name || tg_log_parse_level(name, &level)) {
		cJSON_Delete(body);
		return tg_admin_error(out, 400, "expected {\"level\": \"error\"|\"warn\"|\"info\"|\"debug\"}");
	}
	cJSON_Delete(body);
	if (tg_audit_append(d->audit, req, "log_level.set",
			    cJSON_CreateString(level_name(d->cfg.log_level)),
			    cJSON_CreateString(level_name(level)), &err))
		return tg_admin_error(out, 503, "not changed: the audit log cannot record it: %s", err.msg);
	d->cfg.log_level = level;
	tg_log_set_level(level);
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "level", level_name(level));
	return tg_admin_reply_json(out, o, 200, false);
}

int tg_observe_routes(struct tg_daemon *d)
{
	int rc = 0;

	rc |= tg_admin_route(d->admin, "GET", "/v1/traces", traces_list, d);
	rc |= tg_admin_route(d->admin, "GET", "/v1/traces/", trace_one, d);
	rc |= tg_admin_route(d->admin, "GET", "/v1/events", events_list, d);
	rc |= tg_admin_route(d->admin, "GET", "/v1/metrics/summary", metrics_summary, d);
	rc |= tg_admin_route(d->admin, "GET", "/v1/log_level", log_level_get, d);
	rc |= tg_admin_route(d->admin, "PUT", "/v1/log_level", log_level_set, d);
	return rc ? -1 : 0;
}
