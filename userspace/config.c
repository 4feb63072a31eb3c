/*
 * config.c - the daemon's configuration file: shipped defaults, a strict
 * loader, and the per-provider address overrides. See config.h and the
 * annotated policies/tollgate.json.
 *
 * Every key is optional. Unknown keys are errors; keys starting with "_" are
 * comments. Relative paths in the file (providers_file, upstream_ca_file,
 * request_log) are relative to the directory holding the file, and are
 * stored absolute so that they survive a later chdir(). A failed load leaves
 * the configuration it was given unchanged, so a bad reload is harmless.
 */
#include "config.h"
#include "cgroups.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "jsonfile.h"

/* What the loader knows about the file it is reading. */
struct loader {
	char dir[PATH_MAX];   /* absolute directory of the file */
	bool request_log_set; /* "request_log" given (else <state_dir>/requests.log) */
};

void tg_config_defaults(struct tg_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	tg_strlcpy(cfg->listen_host, TG_DEFAULT_LISTEN_HOST, sizeof(cfg->listen_host));
	cfg->listen_port = TG_DEFAULT_PORT;
	tg_strlcpy(cfg->listen6_host, TG_DEFAULT_LISTEN6_HOST, sizeof(cfg->listen6_host));
	cfg->listen6_port = TG_DEFAULT_PORT;
	tg_strlcpy(cfg->cgroup, "/", sizeof(cfg->cgroup));
	tg_strlcpy(cfg->state_dir, TG_DEFAULT_STATE_DIR, sizeof(cfg->state_dir));
	tg_strlcpy(cfg->providers_file, TG_DEFAULT_PROVIDERS_FILE, sizeof(cfg->providers_file));
	cfg->upstream_ca_file[0] = 0;
	tg_strlcpy(cfg->request_log, TG_DEFAULT_STATE_DIR "/requests.log", sizeof(cfg->request_log));
	cfg->workers = 0;
	cfg->socket_mark = TG_DEFAULT_MARK;
	cfg->refuse_unknown_netns = true;
	cfg->log_level = TG_LOG_INFO;
	cfg->max_request_body = 32u << 20;
	cfg->max_header_bytes = 64u << 10;
	cfg->client_idle_timeout_ms = 120000;
	cfg->handshake_timeout_ms = 10000;
	cfg->upstream_connect_timeout_ms = 10000;
	cfg->upstream_idle_timeout_ms = 600000;
	cfg->pool_idle_timeout_ms = 60000;
	cfg->resolve_interval_s = 300;
	cfg->resolve_min_ttl_s = 3600;
	cfg->resolve_enabled = true;
	cfg->noverrides = 0;
	cfg->otlp_endpoint[0] = 0;
	cfg->notlp_headers = 0;
	cfg->otlp_timeout_ms = 10000;
	cfg->otlp_batch_max = 512;
	cfg->otlp_max_queue_spans = 100000;
	tg_strlcpy(cfg->otlp_service_name, "tollgate", sizeof(cfg->otlp_service_name));
	cfg->trace_retention_days = 30;
	cfg->metrics_listen[0] = 0;
	cfg->redaction_policy[0] = 0;
	cfg->redaction = true;
}

/* ---- paths ------------------------------------------------------------ */

/* Normalize an absolute path in place: collapse "//", drop "." components
 * and trailing slashes. ".." is kept (it means something with symlinks). */
static void path_normalize(char *path)
{
	char *r = path, *w = path;

	while (*r) {
		while (*r == '/')
			r++;
		if (r[0] == '.' && (r[1] == '/' || r[1] == 0)) {
			r++;
			continue;
		}
		if (!*r)
			break;
		*w++ = '/';
		while (*r && *r != '/')
			*w++ = *r++;
	}
	if (w == path)
		*w++ = '/';
	*w = 0;
}

/* out = dir/rel (or rel if absolute), normalized. */
static int path_resolve(const char *dir, const char *rel, char *out, size_t size, tg_err *err)
{
	int n;

	memset(out, 0, size);
	if (rel[0] == '/')
		n = snprintf(out, size, "%s", rel);
	else
		n = snprintf(out, size, "%s/%s", dir, rel);
	if (n < 0 || (size_t)n >= size)
		return tg_errf(err, "path too long");
	path_normalize(out);
	return 0;
}

/* The absolute directory of the configuration file. */
static int config_dir(const char *file, char *dir, size_t size, tg_err *err)
{
	const char *slash = strrchr(file, '/');
	char cwd[PATH_MAX], rel[PATH_MAX];

	if (!slash)
		tg_strlcpy(rel, ".", sizeof(rel));
	else if (slash == file)
		tg_strlcpy(rel, "/", sizeof(rel));
	else if ((size_t)(slash - file) >= sizeof(rel))
		return tg_errf(err, "%s: path too long", file);
	else
		snprintf(rel, sizeof(rel), "%.*s", (int)(slash - file), file);
	if (rel[0] == '/')
		return path_resolve("/", rel, dir, size, err);
	if (!getcwd(cwd, sizeof(cwd)))
		return tg_errf(err, "%s: cannot resolve relative paths: getcwd: %s", file, strerror(errno));
	if (path_resolve(cwd, rel, dir, size, err) < 0)
		return tg_errf(err, "%s: path too long", file);
	return 0;
}

/* ---- values ----------------------------------------------------------- */

static int port_parse(const char *s, uint16_t *port)
{
	unsigned v = 0;
	size_t n = strlen(s);

	if (n == 0 || n > 5)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	if (v < 1 || v > 65535)
		return -1;
	*port = (uint16_t)v;
	return 0;
}

/* "listen": "A.B.C.D:port" */
static int parse_listen(const char *s, struct tg_config *c, tg_err *err)
{
	const char *colon = strrchr(s, ':');
	char host[sizeof(c->listen_host)] = "";
	struct in_addr a;

	if (!colon || colon == s)
		return tg_errf(err, "expected \"host:port\", got \"%.64s\"", s);
	if ((size_t)(colon - s) >= sizeof(host))
		return tg_errf(err, "expected \"host:port\", got \"%.64s\"", s);
	snprintf(host, sizeof(host), "%.*s", (int)(colon - s), s);
	if (inet_pton(AF_INET, host, &a) != 1) {
		if (strchr(host, ':') || host[0] == '[')
			return tg_errf(err, "\"%.64s\" is not an IPv4 address (IPv6 goes in \"listen6\")", host);
		return tg_errf(err, "host must be an IPv4 address literal, got \"%.64s\"", host);
	}
	if (port_parse(colon + 1, &c->listen_port) < 0)
		return tg_errf(err, "port must be 1..65535, got \"%.16s\"", colon + 1);
	memcpy(c->listen_host, host, sizeof(host));
	return 0;
}

/* "listen6": "[v6]:port" or "" */
static int parse_listen6(const char *s, struct tg_config *c, tg_err *err)
{
	char host[sizeof(c->listen6_host)] = "";
	const char *close;
	struct in6_addr a;

	if (!*s) {
		c->listen6_host[0] = 0;
		c->listen6_port = 0;
		return 0;
	}
	close = strchr(s, ']');
	if (s[0] != '[' || !close || close[1] != ':')
		return tg_errf(err, "expected \"[host]:port\" or \"\", got \"%.64s\"", s);
	if ((size_t)(close - s - 1) >= sizeof(host))
		return tg_errf(err, "expected \"[host]:port\" or \"\", got \"%.64s\"", s);
	snprintf(host, sizeof(host), "%.*s", (int)(close - s - 1), s + 1);
	if (inet_pton(AF_INET6, host, &a) != 1 || IN6_IS_ADDR_V4MAPPED(&a))
		return tg_errf(err, "host must be an IPv6 address literal, got \"%.64s\"", host);
	if (port_parse(close + 2, &c->listen6_port) < 0)
		return tg_errf(err, "port must be 1..65535, got \"%.16s\"", close + 2);
	memcpy(c->listen6_host, host, sizeof(host));
	return 0;
}

/* "cgroup": absolute, no "." or "..", stored as "/a/b" (or "/"). */
static int parse_cgroup(const char *s, struct tg_config *c, tg_err *err)
{
	char out[sizeof(c->cgroup)] = "";

	switch (tg_cgroup_path_normalize(s, out, sizeof(out))) {
	case TG_CGPATH_OK:
		memcpy(c->cgroup, out, sizeof(out));
		return 0;
	case TG_CGPATH_RELATIVE:
		return tg_errf(err, "must be an absolute path below the cgroup2 mount (\"/\" or \"/agents\"), got \"%.64s\"", s);
	case TG_CGPATH_DOT:
		return tg_errf(err, "\".\" and \"..\" are not allowed, got \"%.64s\"", s);
	default:
		return tg_errf(err, "path too long");
	}
}

static int parse_state_dir(const char *s, struct tg_config *c, tg_err *err)
{
	char out[sizeof(c->state_dir)] = "";

	if (s[0] != '/')
		return tg_errf(err, "must be an absolute path, got \"%.64s\"", s);
	if (tg_strlcpy(out, s, sizeof(out)) < 0)
		return tg_errf(err, "path too long");
	path_normalize(out);
	if (strcmp(out, "/") == 0)
		return tg_errf(err, "must not be the root directory");
	memcpy(c->state_dir, out, sizeof(out));
	return 0;
}

/* "socket_mark": 1..0xffffffff, as a number or a "0x..." string. */
static int parse_mark(const cJSON *item, uint32_t *mark, tg_err *err)
{
	const char *s = item->valuestring;
	uint64_t v = 0;
	size_t n;

	if (cJSON_IsNumber(item)) {
		if (tg_json_uint(item, 1, UINT32_MAX, &v, err) < 0)
			return -1;
		*mark = (uint32_t)v;
		return 0;
	}
	if (!cJSON_IsString(item))
		return tg_errf(err, "expected a number or a hex string like \"0x746f6c6c\", got %s",
			       tg_json_type_name(item));
	n = strlen(s);
	if (n < 3 || n > 10 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
		return tg_errf(err, "expected a hex string like \"0x746f6c6c\", got \"%.16s\"", s);
	for (size_t i = 2; i < n; i++) {
		int d = isdigit((unsigned char)s[i]) ? s[i] - '0' :
			isxdigit((unsigned char)s[i]) ? tolower((unsigned char)s[i]) - 'a' + 10 : -1;

		if (d < 0)
			return tg_errf(err, "expected a hex string like \"0x746f6c6c\", got \"%.16s\"", s);
		v = v << 4 | (uint64_t)d;
	}
	if (v == 0)
		return tg_errf(err, "must not be zero");
	*mark = (uint32_t)v;
	return 0;
}

static int parse_u32(const cJSON *item, uint64_t min, uint64_t max, uint32_t *out, tg_err *err)
{
	uint64_t v;

	if (tg_json_uint(item, min, max, &v, err) < 0)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

static int parse_bool(const cJSON *item, bool *out, tg_err *err)
{
	if (!cJSON_IsBool(item))
		return tg_errf(err, "expected true or false, got %s", tg_json_type_name(item));
	*out = cJSON_IsTrue(item);
	return 0;
}

/* ---- sections --------------------------------------------------------- */

#define MAX_TIMEOUT_MS 86400000u /* one day */

static int parse_timeouts(const cJSON *obj, struct tg_config *c, tg_err *err)
{
	static const char *const keys[] = {"client_idle_ms", "handshake_ms", "upstream_connect_ms",
					   "upstream_idle_ms", "pool_idle_ms", NULL};
	uint32_t *fields[] = {&c->client_idle_timeout_ms, &c->handshake_timeout_ms,
			      &c->upstream_connect_timeout_ms, &c->upstream_idle_timeout_ms,
			      &c->pool_idle_timeout_ms};

	if (!cJSON_IsObject(obj))
		return tg_errf(err, "\"timeouts\": expected an object, got %s", tg_json_type_name(obj));
	if (tg_json_check_keys(obj, keys, err) < 0)
		return tg_err_prefix(err, "\"timeouts\"");
	for (size_t i = 0; keys[i]; i++) {
		const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, keys[i]);

		if (item && parse_u32(item, 1, MAX_TIMEOUT_MS, fields[i], err) < 0)
			return tg_err_prefix(err, "\"timeouts.%s\"", keys[i]);
	}
	return 0;
}

static int parse_resolve(const cJSON *obj, struct tg_config *c, tg_err *err)
{
	static const char *const keys[] = {"enabled", "interval_s", "min_ttl_s", NULL};
	const cJSON *item;

	if (!cJSON_IsObject(obj))
		return tg_errf(err, "\"resolve\": expected an object, got %s", tg_json_type_name(obj));
	if (tg_json_check_keys(obj, keys, err) < 0)
		return tg_err_prefix(err, "\"resolve\"");
	item = cJSON_GetObjectItemCaseSensitive(obj, "enabled");
	if (item && parse_bool(item, &c->resolve_enabled, err) < 0)
		return tg_err_prefix(err, "\"resolve.enabled\"");
	item = cJSON_GetObjectItemCaseSensitive(obj, "interval_s");
	if (item && parse_u32(item, 1, 86400, &c->resolve_interval_s, err) < 0)
		return tg_err_prefix(err, "\"resolve.interval_s\"");
	item = cJSON_GetObjectItemCaseSensitive(obj, "min_ttl_s");
	if (item && parse_u32(item, 0, 7 * 86400, &c->resolve_min_ttl_s, err) < 0)
		return tg_err_prefix(err, "\"resolve.min_ttl_s\"");
	return 0;
}

/* "otlp": {"endpoint": "http://host:4318", "headers": {...}, ...} */
static int parse_otlp(const cJSON *obj, struct tg_config *c, tg_err *err)
{
	static const char *const keys[] = {"endpoint", "headers", "timeout_ms", "batch_max",
					   "max_queue_spans", "service_name", NULL};
	const cJSON *item, *h;
	const char *s;

	if (!cJSON_IsObject(obj))
		return tg_errf(err, "\"otlp\": expected an object, got %s", tg_json_type_name(obj));
	if (tg_json_check_keys(obj, keys, err) < 0)
		return tg_err_prefix(err, "\"otlp\"");
	item = cJSON_GetObjectItemCaseSensitive(obj, "endpoint");
	if (item) {
		if (tg_json_string(item, &s, err) < 0)
			return tg_err_prefix(err, "\"otlp.endpoint\"");
		if (*s && strncmp(s, "http://", 7) != 0 && strncmp(s, "https://", 8) != 0)
			return tg_errf(err, "\"otlp.endpoint\": expected \"http://host:port\" or \"https://...\" (\"\" = no export), got \"%.64s\"", s);
		if (strchr(s, '?') || strchr(s, '#') || strchr(s, ' '))
			return tg_errf(err, "\"otlp.endpoint\": the base URL takes no query, fragment or spaces (/v1/traces is appended)");
		if (tg_strlcpy(c->otlp_endpoint, s, sizeof(c->otlp_endpoint)) < 0)
			return tg_errf(err, "\"otlp.endpoint\": too long");
	}
	item = cJSON_GetObjectItemCaseSensitive(obj, "headers");
	if (item) {
		if (!cJSON_IsObject(item))
			return tg_errf(err, "\"otlp.headers\": expected an object of header name -> value, got %s",
				       tg_json_type_name(item));
		if (tg_json_check_keys(item, NULL, err) < 0)
			return tg_err_prefix(err, "\"otlp.headers\"");
		c->notlp_headers = 0;
		cJSON_ArrayForEach(h, item) {
			const char *name = h->string;
			int n;

			if (tg_json_is_comment(name))
				continue;
			if (c->notlp_headers >= TG_MAX_OTLP_HEADERS)
				return tg_errf(err, "\"otlp.headers\": more than %d headers", TG_MAX_OTLP_HEADERS);
			if (tg_json_string(h, &s, err) < 0)
				return tg_err_prefix(err, "\"otlp.headers.%.64s\"", name);
			if (!*name || strpbrk(name, ": \t\r\n") || strpbrk(s, "\r\n"))
				return tg_errf(err, "\"otlp.headers.%.64s\": not a valid header name or value", name);
			n = snprintf(c->otlp_headers[c->notlp_headers], sizeof(c->otlp_headers[0]), "%s: %s", name, s);
			if (n < 0 || (size_t)n >= sizeof(c->otlp_headers[0]))
				return tg_errf(err, "\"otlp.headers.%.64s\": too long", name);
			c->notlp_headers++;
		}
	}
	item = cJSON_GetObjectItemCaseSensitive(obj, "timeout_ms");
	if (item && parse_u32(item, 100, 600000, &c->otlp_timeout_ms, err) < 0)
		return tg_err_prefix(err, "\"otlp.timeout_ms\"");
	item = cJSON_GetObjectItemCaseSensitive(obj, "batch_max");
	if (item && parse_u32(item, 1, 100000, &c->otlp_batch_max, err) < 0)
		return tg_err_prefix(err, "\"otlp.batch_max\"");
	item = cJSON_GetObjectItemCaseSensitive(obj, "max_queue_spans");
	if (item && parse_u32(item, 1, 100000000, &c->otlp_max_queue_spans, err) < 0)
		return tg_err_prefix(err, "\"otlp.max_queue_spans\"");
	item = cJSON_GetObjectItemCaseSensitive(obj, "service_name");
	if (item) {
		if (tg_json_string(item, &s, err) < 0)
			return tg_err_prefix(err, "\"otlp.service_name\"");
		if (!*s || tg_strlcpy(c->otlp_service_name, s, sizeof(c->otlp_service_name)) < 0)
			return tg_errf(err, "\"otlp.service_name\": must be 1..63 characters");
	}
	return 0;
}

/* "traces": {"retention_days": N} */
static int parse_traces(const cJSON *obj, struct tg_config *c, tg_err *err)
{
	static const char *const keys[] = {"retention_days", NULL};
	const cJSON *item;

	if (!cJSON_IsObject(obj))
		return tg_errf(err, "\"traces\": expected an object, got %s", tg_json_type_name(obj));
	if (tg_json_check_keys(obj, keys, err) < 0)
		return tg_err_prefix(err, "\"traces\"");
	item = cJSON_GetObjectItemCaseSensitive(obj, "retention_days");
	if (item && parse_u32(item, 0, 36500, &c->trace_retention_days, err) < 0)
		return tg_err_prefix(err, "\"traces.retention_days\"");
	return 0;
}

/* "metrics": {"listen": "127.0.0.1:9464" | ""}: loopback only */
static int parse_metrics(const cJSON *obj, struct tg_config *c, tg_err *err)
{
	static const char *const keys[] = {"listen", NULL};
	const cJSON *item;
	const char *s, *colon;
	char host[64];
	struct in_addr a;
	uint16_t port;

	if (!cJSON_IsObject(obj))
		return tg_errf(err, "\"metrics\": expected an object, got %s", tg_json_type_name(obj));
	if (tg_json_check_keys(obj, keys, err) < 0)
		return tg_err_prefix(err, "\"metrics\"");
	item = cJSON_GetObjectItemCaseSensitive(obj, "listen");
	if (!item)
		return 0;
	if (tg_json_string(item, &s, err) < 0)
		return tg_err_prefix(err, "\"metrics.listen\"");
	if (!*s) {
		c->metrics_listen[0] = 0;
		return 0;
	}
	colon = strrchr(s, ':');
	if (!colon || (size_t)(colon - s) >= sizeof(host))
		return tg_errf(err, "\"metrics.listen\": expected \"127.0.0.1:port\" or \"\", got \"%.64s\"", s);
	snprintf(host, sizeof(host), "%.*s", (int)(colon - s), s);
	if (inet_pton(AF_INET, host, &a) != 1 || (ntohl(a.s_addr) >> 24) != 127)
		return tg_errf(err, "\"metrics.listen\": must be a loopback IPv4 address (127.x.x.x), got \"%.64s\"", host);
	if (port_parse(colon + 1, &port) < 0)
		return tg_errf(err, "\"metrics.listen\": port must be 1..65535, got \"%.16s\"", colon + 1);
	tg_strlcpy(c->metrics_listen, s, sizeof(c->metrics_listen));
	return 0;
}

/* "addresses": {"provider": ["cidr", ...], ...} */
static int parse_addresses(const cJSON *obj, struct tg_config *c, tg_err *err)
{
	const cJSON *arr;

	if (!cJSON_IsObject(obj))
		return tg_errf(err, "\"addresses\": expected an object of provider name -> [addresses], got %s",
			       tg_json_type_name(obj));
	if (tg_json_check_keys(obj, NULL, err) < 0)
		return tg_err_prefix(err, "\"addresses\"");
	c->noverrides = 0;
	cJSON_ArrayForEach(arr, obj) {
		struct tg_addr_override *o;
		const cJSON *it;
		size_t i = 0;

		if (tg_json_is_comment(arr->string))
			continue;
		if (c->noverrides >= TG_MAX_OVERRIDES)
			return tg_errf(err, "\"addresses\": more than %d providers", TG_MAX_OVERRIDES);
		o = &c->overrides[c->noverrides];
		memset(o, 0, sizeof(*o));
		if (!arr->string[0] || tg_strlcpy(o->provider, arr->string, sizeof(o->provider)) < 0)
			return tg_errf(err, "\"addresses\": \"%.64s\" is not a provider name", arr->string);
		if (!cJSON_IsArray(arr))
			return tg_errf(err, "\"addresses.%s\": expected an array of addresses, got %s",
				       o->provider, tg_json_type_name(arr));
		cJSON_ArrayForEach(it, arr) {
			const char *s;

			if (i >= TG_MAX_ADDRS)
				return tg_errf(err, "\"addresses.%s\": more than %d addresses",
					       o->provider, TG_MAX_ADDRS);
			if (tg_json_string(it, &s, err) < 0 || tg_cidr_parse(s, &o->addrs[i], err) < 0)
				return tg_err_prefix(err, "\"addresses.%s[%zu]\"", o->provider, i);
			i++;
		}
		o->naddrs = i;
		c->noverrides++;
	}
	return 0;
}

/* A path-valued key: relative to the configuration file's directory. */
static int parse_path(const struct loader *ld, const char *s, bool may_be_empty,
		      char *out, size_t size, tg_err *err)
{
	if (!*s) {
		if (!may_be_empty)
			return tg_errf(err, "must not be empty");
		out[0] = 0;
		return 0;
	}
	return path_resolve(ld->dir, s, out, size, err);
}

/* One top-level key. Errors come back without the file name. */
static int parse_key(struct loader *ld, const cJSON *item, struct tg_config *c, tg_err *err)
{
	static const char *const string_keys[] = {
		"listen", "listen6", "cgroup", "state_dir", "providers_file", "prices_file", "budgets_file",
		"upstream_ca_file", "request_log", "unknown_netns", "log_level", "redaction_policy", NULL};
	const char *key = item->string, *s = NULL;

	/* Type-check the keys whose value is a string. */
	for (size_t i = 0; string_keys[i]; i++) {
		if (strcmp(key, string_keys[i]) == 0 && tg_json_string(item, &s, err) < 0)
			return -1;
	}

	if (strcmp(key, "listen") == 0)
		return parse_listen(s, c, err);
	if (strcmp(key, "listen6") == 0)
		return parse_listen6(s, c, err);
	if (strcmp(key, "cgroup") == 0)
		return parse_cgroup(s, c, err);
	if (strcmp(key, "state_dir") == 0)
		return parse_state_dir(s, c, err);
	if (strcmp(key, "providers_file") == 0)
		return parse_path(ld, s, false, c->providers_file, sizeof(c->providers_file), err);
	if (strcmp(key, "prices_file") == 0)
		return parse_path(ld, s, true, c->prices_file, sizeof(c->prices_file), err);
	if (strcmp(key, "budgets_file") == 0)
		return parse_path(ld, s, true, c->budgets_file, sizeof(c->budgets_file), err);
	if (strcmp(key, "redaction_policy") == 0)
		return parse_path(ld, s, true, c->redaction_policy, sizeof(c->redaction_policy), err);
	if (strcmp(key, "redaction") == 0)
		return parse_bool(item, &c->redaction, err);
	if (strcmp(key, "upstream_ca_file") == 0)
		return parse_path(ld, s, true, c->upstream_ca_file, sizeof(c->upstream_ca_file), err);
	if (strcmp(key, "request_log") == 0) {
		/* "" means the default, <state_dir>/requests.log */
		ld->request_log_set = *s != 0;
		return parse_path(ld, s, true, c->request_log, sizeof(c->request_log), err);
	}
	if (strcmp(key, "unknown_netns") == 0) {
		if (strcmp(s, "refuse") == 0)
			c->refuse_unknown_netns = true;
		else if (strcmp(s, "direct") == 0)
			c->refuse_unknown_netns = false;
		else
			return tg_errf(err, "expected \"refuse\" or \"direct\", got \"%.32s\"", s);
		return 0;
	}
	if (strcmp(key, "log_level") == 0) {
		if (tg_log_parse_level(s, &c->log_level) < 0)
			return tg_errf(err, "expected \"error\", \"warn\", \"info\" or \"debug\", got \"%.32s\"", s);
		return 0;
	}
	if (strcmp(key, "workers") == 0) {
		uint64_t v;

		if (tg_json_uint(item, 0, 256, &v, err) < 0)
			return -1;
		c->workers = (int)v;
		return 0;
	}
	if (strcmp(key, "socket_mark") == 0)
		return parse_mark(item, &c->socket_mark, err);
	if (strcmp(key, "max_request_body") == 0)
		return tg_json_uint(item, 1024, 1ull << 40, &c->max_request_body, err);
	if (strcmp(key, "max_header_bytes") == 0)
		return parse_u32(item, 1024, 1u << 20, &c->max_header_bytes, err);
	return tg_errf(err, "unknown key");
}

int tg_config_load(const char *path, struct tg_config *cfg, tg_err *err)
{
	static const char *const keys[] = {
		"listen", "listen6", "cgroup", "state_dir", "providers_file", "prices_file", "budgets_file",
		"upstream_ca_file", "request_log", "workers", "socket_mark", "unknown_netns", "log_level",
		"max_request_body", "max_header_bytes", "timeouts", "resolve", "addresses",
		"otlp", "traces", "metrics", "redaction", "redaction_policy", NULL};
	struct loader ld = {.request_log_set = false};
	struct tg_config *c = NULL;
	const cJSON *item;
	cJSON *root;
	int n;

	root = tg_json_load_object(path, keys, err);
	if (!root)
		return -1;
	if (config_dir(path, ld.dir, sizeof(ld.dir), err) < 0)
		goto fail;
	c = malloc(sizeof(*c));
	if (!c) {
		tg_errf(err, "%s: out of memory", path);
		goto fail;
	}
	*c = *cfg;

	cJSON_ArrayForEach(item, root) {
		int rc;

		if (tg_json_is_comment(item->string))
			continue;
		/* Sections name their own keys in errors ("timeouts.handshake_ms"). */
		if (strcmp(item->string, "timeouts") == 0)
			rc = parse_timeouts(item, c, err);
		else if (strcmp(item->string, "resolve") == 0)
			rc = parse_resolve(item, c, err);
		else if (strcmp(item->string, "addresses") == 0)
			rc = parse_addresses(item, c, err);
		else if (strcmp(item->string, "otlp") == 0)
			rc = parse_otlp(item, c, err);
		else if (strcmp(item->string, "traces") == 0)
			rc = parse_traces(item, c, err);
		else if (strcmp(item->string, "metrics") == 0)
			rc = parse_metrics(item, c, err);
		else if ((rc = parse_key(&ld, item, c, err)) < 0)
			tg_err_prefix(err, "\"%s\"", item->string);
		if (rc < 0) {
			tg_err_prefix(err, "%s", path);
			goto fail;
		}
	}

	if (!ld.request_log_set) {
		n = snprintf(c->request_log, sizeof(c->request_log), "%s/requests.log", c->state_dir);
		if (n < 0 || (size_t)n >= sizeof(c->request_log)) {
			tg_errf(err, "%s: \"state_dir\": path too long", path);
			goto fail;
		}
	}
	*cfg = *c;
	free(c);
	cJSON_Delete(root);
	return 0;
fail:
	free(c);
	cJSON_Delete(root);
	return -1;
}

int tg_config_apply_overrides(const struct tg_config *cfg, struct tg_registry *reg, tg_err *err)
{
	/* Check everything first, so that a failure changes nothing. */
	for (size_t i = 0; i < cfg->noverrides; i++) {
		const struct tg_addr_override *o = &cfg->overrides[i];
		const struct tg_provider *p = tg_registry_find(reg, o->provider);
		size_t total = 0;

		if (!p)
			return tg_errf(err, "\"addresses\": unknown provider \"%s\" (not in the provider registry)",
				       o->provider);
		/* Several overrides cannot name one provider (keys are unique),
		 * so the room needed is just this override's. */
		for (size_t a = 0; a < o->naddrs; a++) {
			bool dup = false;

			for (size_t b = 0; b < p->naddrs && !dup; b++)
				dup = memcmp(&p->addrs[b], &o->addrs[a], sizeof(o->addrs[a])) == 0;
			total += !dup;
		}
		if (p->naddrs + total > TG_MAX_ADDRS)
			return tg_errf(err, "\"addresses.%s\": provider \"%s\" would have more than %d static addresses",
				       o->provider, o->provider, TG_MAX_ADDRS);
	}
	for (size_t i = 0; i < cfg->noverrides; i++) {
		const struct tg_addr_override *o = &cfg->overrides[i];
		struct tg_provider *p = tg_registry_find(reg, o->provider);

		for (size_t a = 0; a < o->naddrs; a++) {
			bool dup = false;

			for (size_t b = 0; b < p->naddrs && !dup; b++)
				dup = memcmp(&p->addrs[b], &o->addrs[a], sizeof(o->addrs[a])) == 0;
			if (!dup)
				p->addrs[p->naddrs++] = o->addrs[a];
		}
	}
	return 0;
}
