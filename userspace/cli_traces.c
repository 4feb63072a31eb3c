/*
 * cli_traces.c - `tollgate traces`, `tollgate trace ID` and `tollgate
 * events`: queries of the local trace store. They read
 * <state_dir>/traces.db directly (read-only), so they work whether or not
 * the daemon runs.
 *
 *   tollgate traces [--cgroup P] [--since D] [--limit N] [--json]
 *   tollgate trace ID [--json]          ID: a trace id (32 hex) or span id (16 hex)
 *   tollgate events [--type T[,T]] [--since D] [--trace ID] [--cgroup P] [--limit N] [--json]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"
#include "store.h"

static const char *str(const cJSON *o, const char *key)
{
	const char *s = cJSON_GetStringValue(cJSON_GetObjectItem(o, key));

	return s ? s : "";
}

static double num(const cJSON *o, const char *key)
{
	return cJSON_GetNumberValue(cJSON_GetObjectItem(o, key));
}

static void print_json(cJSON *j)
{
	char *text = cJSON_Print(j);

	if (text)
		printf("%s\n", text);
	free(text);
}

/* Options common to the three commands. Returns 0, or 2 on bad usage. */
struct opts {
	struct tg_store_filter f;
	bool json;
	const char *id;
};

static int parse_opts(const char *cmd, int argc, char **argv, bool takes_id, bool events, struct opts *o)
{
	tg_err err;

	memset(o, 0, sizeof(*o));
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool has_value = i + 1 < argc;

		if (strcmp(a, "--json") == 0) {
			o->json = true;
		} else if (!takes_id && strcmp(a, "--cgroup") == 0 && has_value) {
			o->f.cgroup = argv[++i];
		} else if (!takes_id && strcmp(a, "--since") == 0 && has_value) {
			if (tg_parse_since(argv[++i], tg_wall_ms(), &o->f.since_ms, &err)) {
				fprintf(stderr, "tollgate %s: --since: %s\n", cmd, err.msg);
				return 2;
			}
		} else if (!takes_id && strcmp(a, "--limit") == 0 && has_value) {
			o->f.limit = atoi(argv[++i]);
			if (o->f.limit < 1) {
				fprintf(stderr, "tollgate %s: --limit must be a positive number\n", cmd);
				return 2;
			}
		} else if (events && strcmp(a, "--type") == 0 && has_value) {
			o->f.types = argv[++i];
		} else if (events && strcmp(a, "--trace") == 0 && has_value) {
			o->f.trace_id = argv[++i];
		} else if (takes_id && a[0] != '-' && !o->id) {
			o->id = a;
		} else {
			fprintf(stderr, "tollgate %s: unexpected argument %s\n", cmd, a);
			return 2;
		}
	}
	if (takes_id && !o->id) {
		fprintf(stderr, "usage: tollgate %s ID [--json]   (a trace id or a span id)\n", cmd);
		return 2;
	}
	return 0;
}

static void db_path(const struct tg_config *cfg, char *out, size_t size)
{
	snprintf(out, size, "%s/%s", cfg->state_dir, TG_STORE_FILE);
}

static void print_redactions(const cJSON *red)
{
	const cJSON *it;
	bool first = true;

	cJSON_ArrayForEach(it, red) {
		printf("%s%s %.0f", first ? "" : ", ", it->string, cJSON_GetNumberValue(it));
		first = false;
	}
	if (first)
		printf("none");
}

int tg_cli_traces(const struct tg_config *cfg, int argc, char **argv)
{
	struct opts o;
	char db[4200], when[TG_ISO_TIME_LEN];
	cJSON *spans, *s;
	tg_err err;
	int rc = parse_opts("traces", argc, argv, false, false, &o);

	if (rc)
		return rc;
	db_path(cfg, db, sizeof(db));
	if (tg_store_query_spans(db, &o.f, &spans, &err)) {
		fprintf(stderr, "tollgate traces: %s\n", err.msg);
		return 1;
	}
	if (o.json) {
		print_json(spans);
		cJSON_Delete(spans);
		return 0;
	}
	printf("%-24s %-32s %-24s %-12s %-10s %-22s %6s %13s %11s %9s\n", "TIME", "TRACE", "CGROUP", "COMM",
	       "PROVIDER", "MODEL", "STATUS", "TOKENS IN/OUT", "COST USD", "MS");
	cJSON_ArrayForEach(s, spans) {
		char tokens[32];

		tg_iso_time((int64_t)num(s, "start_ms"), when, sizeof(when));
		snprintf(tokens, sizeof(tokens), "%.0f/%.0f", num(s, "input_tokens"), num(s, "output_tokens"));
		printf("%-24s %-32s %-24s %-12s %-10s %-22s %6.0f %13s %11.6f %9.1f\n", when, str(s, "trace_id"),
		       str(s, "cgroup"), str(s, "comm"), str(s, "provider"), str(s, "model"), num(s, "status"),
		       tokens, num(s, "cost_usd"), num(s, "duration_ms"));
	}
	if (cJSON_GetArraySize(spans) == 0)
		printf("(no spans)\n");
	cJSON_Delete(spans);
	return 0;
}

static void print_attr_value(const cJSON *v)
{
	const cJSON *x;

	if ((x = cJSON_GetObjectItem(v, "stringValue")))
		printf("%s", x->valuestring);
	else if ((x = cJSON_GetObjectItem(v, "intValue")))
		printf("%s", cJSON_IsString(x) ? x->valuestring : "?");
	else if ((x = cJSON_GetObjectItem(v, "doubleValue")))
		printf("%.10g", x->valuedouble);
	else if ((x = cJSON_GetObjectItem(v, "boolValue")))
		printf("%s", cJSON_IsTrue(x) ? "true" : "false");
	else if ((x = cJSON_GetObjectItem(v, "arrayValue"))) {
		const cJSON *it;
		bool first = true;

		printf("[");
		cJSON_ArrayForEach(it, cJSON_GetObjectItem(x, "values")) {
			printf("%s", first ? "" : ", ");
			print_attr_value(it);
			first = false;
		}
		printf("]");
	}
}

static void print_event(const cJSON *e, const char *indent)
{
	char when[TG_ISO_TIME_LEN];
	char *detail = cJSON_PrintUnformatted(cJSON_GetObjectItem(e, "detail"));

	tg_iso_time((int64_t)num(e, "time_ms"), when, sizeof(when));
	printf("%s%s  %-14s span %s  %s\n", indent, when, str(e, "type"), str(e, "span_id"),
	       detail ? detail : "{}");
	free(detail);
}

int tg_cli_trace(const struct tg_config *cfg, int argc, char **argv)
{
	struct opts o;
	char db[4200], when[TG_ISO_TIME_LEN];
	cJSON *t, *s, *e, *kv;
	tg_err err;
	int rc = parse_opts("trace", argc, argv, true, false, &o);

	if (rc)
		return rc;
	db_path(cfg, db, sizeof(db));
	rc = tg_store_query_trace(db, o.id, &t, &err);
	if (rc < 0) {
		fprintf(stderr, "tollgate trace: %s\n", err.msg);
		return rc == -1 && strstr(err.msg, "neither") ? 2 : 1;
	}
	if (rc > 0) {
		fprintf(stderr, "tollgate trace: nothing recorded under %s\n", o.id);
		return 1;
	}
	if (o.json) {
		print_json(t);
		cJSON_Delete(t);
		return 0;
	}
	cJSON_ArrayForEach(s, cJSON_GetObjectItem(t, "spans")) {
		tg_iso_time((int64_t)num(s, "start_ms"), when, sizeof(when));
		printf("trace %s span %s%s%s\n", str(s, "trace_id"), str(s, "span_id"),
		       str(s, "parent_span_id")[0] ? " parent " : " (root)", str(s, "parent_span_id"));
		printf("  when     %s, %.1f ms, status %.0f (%s)%s%s\n", when, num(s, "duration_ms"),
		       num(s, "status"), str(s, "outcome"), str(s, "error")[0] ? ": " : "", str(s, "error"));
		printf("  who      cgroup %s, pid %.0f (%s), uid %.0f, key %s\n", str(s, "cgroup"), num(s, "pid"),
		       str(s, "comm"), num(s, "uid"), str(s, "key_fp")[0] ? str(s, "key_fp") : "(none)");
		printf("  what     %s %s %s %s, %s model %s%s%s\n", str(s, "provider"), str(s, "host"),
		       str(s, "method"), str(s, "path"), str(s, "operation"),
		       str(s, "model")[0] ? str(s, "model") : "?",
		       str(s, "response_model")[0] ? " -> " : "", str(s, "response_model"));
		printf("  usage    %.0f input, %.0f output tokens; cost $%.6f; budgets %s\n",
		       num(s, "input_tokens"), num(s, "output_tokens"), num(s, "cost_usd"),
		       str(s, "budgets")[0] ? str(s, "budgets") : "(none)");
		printf("  redacted ");
		print_redactions(cJSON_GetObjectItem(s, "redactions"));
		printf("\n  attributes\n");
		cJSON_ArrayForEach(kv, cJSON_GetObjectItem(cJSON_GetObjectItem(s, "otlp"), "attributes")) {
			printf("    %-40s ", str(kv, "key"));
			print_attr_value(cJSON_GetObjectItem(kv, "value"));
			printf("\n");
		}
	}
	e = cJSON_GetObjectItem(t, "events");
	printf("events (%d)\n", cJSON_GetArraySize(e));
	cJSON_ArrayForEach(s, e)
		print_event(s, "  ");
	cJSON_Delete(t);
	return 0;
}

int tg_cli_events(const struct tg_config *cfg, int argc, char **argv)
{
	struct opts o;
	char db[4200];
	cJSON *events, *e;
	tg_err err;
	int rc = parse_opts("events", argc, argv, false, true, &o);

	if (rc)
		return rc;
	db_path(cfg, db, sizeof(db));
	if (tg_store_query_events(db, &o.f, &events, &err)) {
		fprintf(stderr, "tollgate events: %s\n", err.msg);
		return 1;
	}
	if (o.json) {
		print_json(events);
		cJSON_Delete(events);
		return 0;
	}
	cJSON_ArrayForEach(e, events) {
		char when[TG_ISO_TIME_LEN];
		char *detail = cJSON_PrintUnformatted(cJSON_GetObjectItem(e, "detail"));

		tg_iso_time((int64_t)num(e, "time_ms"), when, sizeof(when));
		printf("%s  %-14s trace %s span %s  %s pid %.0f (%s) uid %.0f  %s\n", when, str(e, "type"),
		       str(e, "trace_id"), str(e, "span_id"), str(e, "cgroup"), num(e, "pid"), str(e, "comm"),
		       num(e, "uid"), detail ? detail : "{}");
		free(detail);
	}
	if (cJSON_GetArraySize(events) == 0)
		printf("(no events)\n");
	cJSON_Delete(events);
	return 0;
}
