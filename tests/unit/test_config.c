/*
 * test_config.c - the daemon configuration: defaults, the shipped
 * policies/tollgate.json, every validation error, relative path resolution
 * and address overrides. Run from the repository root.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "config.h"

struct tmp {
	char dir[64];
	char sub[96];
	char path[160];  /* <dir>/sub/tollgate.json */
};

static void tmp_init(struct tmp *t)
{
	snprintf(t->dir, sizeof(t->dir), "/tmp/tg-test-config-XXXXXX");
	if (!mkdtemp(t->dir)) {
		perror("mkdtemp");
		exit(1);
	}
	snprintf(t->sub, sizeof(t->sub), "%s/sub", t->dir);
	if (mkdir(t->sub, 0700) < 0) {
		perror("mkdir");
		exit(1);
	}
	snprintf(t->path, sizeof(t->path), "%s/tollgate.json", t->sub);
}

static void tmp_done(struct tmp *t)
{
	unlink(t->path);
	rmdir(t->sub);
	rmdir(t->dir);
}

static void write_file(const char *path, const char *data)
{
	FILE *f = fopen(path, "w");

	if (!f || fputs(data, f) < 0 || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

static int load_json(struct tmp *t, const char *json, struct tg_config *cfg, tg_err *err)
{
	write_file(t->path, json);
	tg_config_defaults(cfg);
	return tg_config_load(t->path, cfg, err);
}

/* Field-by-field equality (memcmp would also compare padding). */
static bool same_config(const struct tg_config *a, const struct tg_config *b)
{
	if (strcmp(a->listen_host, b->listen_host) || a->listen_port != b->listen_port ||
	    strcmp(a->listen6_host, b->listen6_host) || a->listen6_port != b->listen6_port ||
	    strcmp(a->cgroup, b->cgroup) || strcmp(a->state_dir, b->state_dir) ||
	    strcmp(a->providers_file, b->providers_file) ||
	    strcmp(a->upstream_ca_file, b->upstream_ca_file) || strcmp(a->request_log, b->request_log) ||
	    a->workers != b->workers || a->socket_mark != b->socket_mark ||
	    a->refuse_unknown_netns != b->refuse_unknown_netns || a->log_level != b->log_level ||
	    a->max_request_body != b->max_request_body || a->max_header_bytes != b->max_header_bytes ||
	    a->client_idle_timeout_ms != b->client_idle_timeout_ms ||
	    a->handshake_timeout_ms != b->handshake_timeout_ms ||
	    a->upstream_connect_timeout_ms != b->upstream_connect_timeout_ms ||
	    a->upstream_idle_timeout_ms != b->upstream_idle_timeout_ms ||
	    a->pool_idle_timeout_ms != b->pool_idle_timeout_ms ||
	    a->resolve_interval_s != b->resolve_interval_s ||
	    a->resolve_min_ttl_s != b->resolve_min_ttl_s || a->resolve_enabled != b->resolve_enabled ||
	    a->noverrides != b->noverrides)
		return false;
	for (size_t i = 0; i < a->noverrides; i++) {
		const struct tg_addr_override *x = &a->overrides[i], *y = &b->overrides[i];

		if (strcmp(x->provider, y->provider) || x->naddrs != y->naddrs ||
		    memcmp(x->addrs, y->addrs, x->naddrs * sizeof(x->addrs[0])))
			return false;
	}
	return true;
}

/* Loading fails, names the file and contains want1 (and want2), and leaves
 * the configuration as it was. */
static bool fails_with(struct tmp *t, const char *json, const char *want1, const char *want2, tg_err *err)
{
	static struct tg_config cfg, before;

	memset(err, 0, sizeof(*err));
	write_file(t->path, json);
	tg_config_defaults(&cfg);
	before = cfg;
	if (tg_config_load(t->path, &cfg, err) == 0) {
		snprintf(err->msg, sizeof(err->msg), "(loaded without error)");
		return false;
	}
	return same_config(&cfg, &before) && strstr(err->msg, t->path) &&
	       strstr(err->msg, want1) && (!want2 || strstr(err->msg, want2));
}

static void test_defaults(void)
{
	struct tg_config c;

	tg_config_defaults(&c);
	CHECK(strcmp(c.listen_host, "127.0.0.1") == 0 && c.listen_port == 15443, "default listen");
	CHECK(strcmp(c.listen6_host, "::1") == 0 && c.listen6_port == 15443, "default listen6");
	CHECK(strcmp(c.cgroup, "/") == 0, "default cgroup");
	CHECK(strcmp(c.state_dir, "/var/lib/tollgate") == 0, "default state_dir");
	CHECK(strcmp(c.providers_file, TG_DEFAULT_PROVIDERS_FILE) == 0, "default providers_file");
	CHECK(c.upstream_ca_file[0] == 0, "default upstream_ca_file");
	CHECK(strcmp(c.request_log, "/var/lib/tollgate/requests.log") == 0, "default request_log");
	CHECK(c.workers == 0 && c.socket_mark == TG_DEFAULT_MARK && c.socket_mark != 0, "default workers, mark");
	CHECK(c.refuse_unknown_netns && c.log_level == TG_LOG_INFO, "default unknown_netns, log_level");
	CHECK(c.max_request_body == 32u << 20 && c.max_header_bytes == 65536, "default size limits");
	CHECK(c.client_idle_timeout_ms == 120000 && c.handshake_timeout_ms == 10000 &&
	      c.upstream_connect_timeout_ms == 10000 && c.upstream_idle_timeout_ms == 600000 &&
	      c.pool_idle_timeout_ms == 60000, "default timeouts");
	CHECK(c.resolve_enabled && c.resolve_interval_s == 300 && c.resolve_min_ttl_s == 3600,
	      "default resolve");
	CHECK(c.noverrides == 0, "default addresses");
}

static void test_shipped(void)
{
	struct tg_config c, d;
	struct tg_registry reg;
	char cwd[PATH_MAX], want[PATH_MAX + 64];
	tg_err err = {{0}};
	int rc;

	tg_config_defaults(&c);
	rc = tg_config_load("policies/tollgate.json", &c, &err);
	CHECK(rc == 0, "shipped tollgate.json loads (%s)", err.msg);
	if (rc < 0)
		return;
	if (!getcwd(cwd, sizeof(cwd)))
		return;
	snprintf(want, sizeof(want), "%s/policies/providers.json", cwd);
	CHECK(strcmp(c.providers_file, want) == 0, "shipped providers_file -> %s", c.providers_file);

	/* Apart from providers_file, the shipped file is exactly the defaults. */
	tg_config_defaults(&d);
	memcpy(d.providers_file, c.providers_file, sizeof(d.providers_file));
	CHECK(same_config(&c, &d), "shipped tollgate.json equals the defaults");

	rc = tg_registry_load(c.providers_file, &reg, &err);
	CHECK(rc == 0, "shipped providers_file loads (%s)", err.msg);
	if (rc == 0) {
		CHECK(tg_config_apply_overrides(&c, &reg, &err) == 0, "shipped config: overrides apply");
		tg_registry_free(&reg);
	}

	/* The same file through a path with "./" parts. */
	tg_config_defaults(&c);
	rc = tg_config_load("./policies/./tollgate.json", &c, &err);
	CHECK(rc == 0 && strcmp(c.providers_file, want) == 0, "config path with ./ -> %s", c.providers_file);
}

static void test_values(struct tmp *t)
{
	struct tg_config c;
	char want[512];
	tg_err err = {{0}};
	int rc;

	rc = load_json(t,
		       "{\"_comment\":[\"x\"],"
		       "\"listen\":\"10.1.2.3:8443\",\"listen6\":\"[fd00::1]:9443\","
		       "\"cgroup\":\"//agents//team-a/\",\"state_dir\":\"/srv/tollgate//\","
		       "\"providers_file\":\"p.json\",\"upstream_ca_file\":\"../certs/./ca.pem\","
		       "\"workers\":8,\"socket_mark\":\"0xABC\",\"unknown_netns\":\"direct\","
		       "\"log_level\":\"debug\",\"max_request_body\":1048576,\"max_header_bytes\":16384,"
		       "\"timeouts\":{\"_c\":1,\"client_idle_ms\":1,\"handshake_ms\":2,\"upstream_connect_ms\":3,"
		       "\"upstream_idle_ms\":4,\"pool_idle_ms\":86400000},"
		       "\"resolve\":{\"_c\":1,\"enabled\":false,\"interval_s\":60,\"min_ttl_s\":0},"
		       "\"addresses\":{\"_c\":1,\"openai\":[\"10.0.0.5\",\"10.1.0.0/16\"],\"anthropic\":[]}}",
		       &c, &err);
	CHECK(rc == 0, "full config loads (%s)", err.msg);
	if (rc < 0)
		return;
	CHECK(strcmp(c.listen_host, "10.1.2.3") == 0 && c.listen_port == 8443, "listen parsed");
	CHECK(strcmp(c.listen6_host, "fd00::1") == 0 && c.listen6_port == 9443, "listen6 parsed");
	CHECK(strcmp(c.cgroup, "/agents/team-a") == 0, "cgroup normalized: %s", c.cgroup);
	CHECK(strcmp(c.state_dir, "/srv/tollgate") == 0, "state_dir normalized: %s", c.state_dir);
	snprintf(want, sizeof(want), "%s/p.json", t->sub);
	CHECK(strcmp(c.providers_file, want) == 0, "providers_file relative to the config: %s", c.providers_file);
	snprintf(want, sizeof(want), "%s/../certs/ca.pem", t->sub);
	CHECK(strcmp(c.upstream_ca_file, want) == 0, "upstream_ca_file relative: %s", c.upstream_ca_file);
	CHECK(strcmp(c.request_log, "/srv/tollgate/requests.log") == 0,
	      "request_log follows state_dir: %s", c.request_log);
	CHECK(c.workers == 8 && c.socket_mark == 0xabc, "workers, hex socket_mark");
	CHECK(!c.refuse_unknown_netns && c.log_level == TG_LOG_DEBUG, "unknown_netns direct, log_level debug");
	CHECK(c.max_request_body == 1048576 && c.max_header_bytes == 16384, "size limits");
	CHECK(c.client_idle_timeout_ms == 1 && c.handshake_timeout_ms == 2 &&
	      c.upstream_connect_timeout_ms == 3 && c.upstream_idle_timeout_ms == 4 &&
	      c.pool_idle_timeout_ms == 86400000, "timeouts");
	CHECK(!c.resolve_enabled && c.resolve_interval_s == 60 && c.resolve_min_ttl_s == 0, "resolve");
	CHECK(c.noverrides == 2 && strcmp(c.overrides[0].provider, "openai") == 0 &&
	      c.overrides[0].naddrs == 2 && c.overrides[0].addrs[1].prefix == 96 + 16 &&
	      strcmp(c.overrides[1].provider, "anthropic") == 0 && c.overrides[1].naddrs == 0,
	      "addresses overrides");

	rc = load_json(t,
		       "{\"listen6\":\"\",\"cgroup\":\"//\",\"socket_mark\":5,"
		       "\"request_log\":\"/var/log/tg.log\",\"providers_file\":\"/etc/tg/p.json\",\"log_level\":\"WARN\"}",
		       &c, &err);
	CHECK(rc == 0, "second config loads (%s)", err.msg);
	CHECK(c.listen6_host[0] == 0 && c.listen6_port == 0, "listen6 \"\" disables IPv6");
	CHECK(strcmp(c.cgroup, "/") == 0, "cgroup // -> /");
	CHECK(c.socket_mark == 5, "numeric socket_mark");
	CHECK(strcmp(c.request_log, "/var/log/tg.log") == 0, "absolute request_log kept");
	CHECK(strcmp(c.providers_file, "/etc/tg/p.json") == 0, "absolute providers_file kept");
	CHECK(c.log_level == TG_LOG_WARN, "log_level is case-insensitive");

	rc = load_json(t, "{\"request_log\":\"logs/./r.log\",\"state_dir\":\"/x\"}", &c, &err);
	snprintf(want, sizeof(want), "%s/logs/r.log", t->sub);
	CHECK(rc == 0 && strcmp(c.request_log, want) == 0, "relative request_log: %s", c.request_log);
	rc = load_json(t, "{\"request_log\":\"\",\"state_dir\":\"/x\"}", &c, &err);
	CHECK(rc == 0 && strcmp(c.request_log, "/x/requests.log") == 0, "request_log \"\" = <state_dir>/requests.log");
	rc = load_json(t, "{}", &c, &err);
	CHECK(rc == 0 && strcmp(c.listen_host, "127.0.0.1") == 0, "empty object = defaults");
}

static void test_errors(struct tmp *t)
{
	char want[512];
	tg_err err;
	struct tg_config c;
	const char *msg = err.msg;

	snprintf(want, sizeof(want), "%s: \"listen\": expected \"host:port\", got \"127.0.0.1\"", t->path);
	CHECK(fails_with(t, "{\"listen\":\"127.0.0.1\"}", want, NULL, &err) && strcmp(err.msg, want) == 0,
	      "listen without port: %s", msg);

	static const struct {
		const char *json, *want1, *want2;
	} cases[] = {
		{"{\n\"listen\": \"127.0.0.1:1\",\n\"workers\": 4,\n}\n", "invalid JSON at line 4, column 1, near '}'", NULL},
		{"{\n  \"listen\": \"127.0.0.1:1\"\n  \"workers\": 4\n}", "invalid JSON at line 3, column 3, near '\"workers\": 4'", NULL},
		{"{\"listen\":\"127.0.0.1:1\"", "invalid JSON at line 1, column 23", "end of the file"},
		{"[]", "expected a JSON object", NULL},
		{"\"x\"", "expected a JSON object", NULL},
		{"{\"listen_port\":1}", "unknown key \"listen_port\"", NULL},
		{"{\"listen\":\"127.0.0.1:1\",\"listen\":\"127.0.0.1:2\"}", "duplicate key \"listen\"", NULL},
		{"{\"listen\":15443}", "\"listen\": expected a string, got a number", NULL},
		{"{\"listen\":\"localhost:15443\"}", "\"listen\": host must be an IPv4 address literal", "localhost"},
		{"{\"listen\":\":15443\"}", "\"listen\": expected \"host:port\"", NULL},
		{"{\"listen\":\"[::1]:15443\"}", "\"listen\":", "IPv6 goes in \"listen6\""},
		{"{\"listen\":\"::1:15443\"}", "\"listen\":", "IPv6 goes in \"listen6\""},
		{"{\"listen\":\"127.0.0.1:0\"}", "\"listen\": port must be 1..65535, got \"0\"", NULL},
		{"{\"listen\":\"127.0.0.1:65536\"}", "\"listen\": port must be 1..65535", NULL},
		{"{\"listen\":\"127.0.0.1:\"}", "\"listen\": port must be 1..65535", NULL},
		{"{\"listen\":\"127.0.0.1:80x\"}", "\"listen\": port must be 1..65535", NULL},
		{"{\"listen\":\"127.0.0.1:+80\"}", "\"listen\": port must be 1..65535", NULL},
		{"{\"listen6\":\"::1:15443\"}", "\"listen6\": expected \"[host]:port\"", NULL},
		{"{\"listen6\":\"[::1]15443\"}", "\"listen6\": expected \"[host]:port\"", NULL},
		{"{\"listen6\":\"[127.0.0.1]:15443\"}", "\"listen6\": host must be an IPv6 address literal", NULL},
		{"{\"listen6\":\"[::ffff:127.0.0.1]:15443\"}", "\"listen6\": host must be an IPv6", NULL},
		{"{\"listen6\":\"[::1]:0\"}", "\"listen6\": port must be 1..65535", NULL},
		{"{\"listen6\":null}", "\"listen6\": expected a string, got null", NULL},
		{"{\"cgroup\":\"agents\"}", "\"cgroup\": must be an absolute path", NULL},
		{"{\"cgroup\":\"/agents/../x\"}", "\"cgroup\":", "\"..\" are not allowed"},
		{"{\"cgroup\":\"/agents/./x\"}", "\"cgroup\":", "not allowed"},
		{"{\"cgroup\":\"/..\"}", "\"cgroup\":", "not allowed"},
		{"{\"state_dir\":\"var/lib/tollgate\"}", "\"state_dir\": must be an absolute path", NULL},
		{"{\"state_dir\":\"//\"}", "\"state_dir\": must not be the root directory", NULL},
		{"{\"state_dir\":\"\"}", "\"state_dir\": must be an absolute path", NULL},
		{"{\"providers_file\":\"\"}", "\"providers_file\": must not be empty", NULL},
		{"{\"providers_file\":[]}", "\"providers_file\": expected a string, got an array", NULL},
		{"{\"upstream_ca_file\":false}", "\"upstream_ca_file\": expected a string, got a boolean", NULL},
		{"{\"request_log\":1}", "\"request_log\": expected a string", NULL},
		{"{\"workers\":257}", "\"workers\": 257 is out of range (0..256)", NULL},
		{"{\"workers\":-1}", "\"workers\": -1 is out of range", NULL},
		{"{\"workers\":1.5}", "\"workers\": expected an integer, got 1.5", NULL},
		{"{\"workers\":\"4\"}", "\"workers\": expected an integer, got a string", NULL},
		{"{\"socket_mark\":0}", "\"socket_mark\": 0 is out of range", NULL},
		{"{\"socket_mark\":4294967296}", "\"socket_mark\": 4294967296 is out of range", NULL},
		{"{\"socket_mark\":\"0x0\"}", "\"socket_mark\": must not be zero", NULL},
		{"{\"socket_mark\":\"0x\"}", "\"socket_mark\": expected a hex string", NULL},
		{"{\"socket_mark\":\"0x123456789\"}", "\"socket_mark\": expected a hex string", NULL},
		{"{\"socket_mark\":\"1234\"}", "\"socket_mark\": expected a hex string", NULL},
		{"{\"socket_mark\":\"0xzz\"}", "\"socket_mark\": expected a hex string", NULL},
		{"{\"socket_mark\":true}", "\"socket_mark\": expected a number or a hex string", NULL},
		{"{\"unknown_netns\":\"allow\"}", "\"unknown_netns\": expected \"refuse\" or \"direct\", got \"allow\"", NULL},
		{"{\"log_level\":\"verbose\"}", "\"log_level\": expected \"error\", \"warn\", \"info\" or \"debug\"", NULL},
		{"{\"max_request_body\":10}", "\"max_request_body\": 10 is out of range", NULL},
		{"{\"max_request_body\":1e300}", "\"max_request_body\":", "out of range"},
		{"{\"max_header_bytes\":2097152}", "\"max_header_bytes\": 2097152 is out of range", NULL},
		{"{\"timeouts\":5}", "\"timeouts\": expected an object, got a number", NULL},
		{"{\"timeouts\":{\"client_idle_ms\":0}}", "\"timeouts.client_idle_ms\": 0 is out of range", NULL},
		{"{\"timeouts\":{\"pool_idle_ms\":86400001}}", "\"timeouts.pool_idle_ms\": 86400001 is out of range", NULL},
		{"{\"timeouts\":{\"handshake_ms\":\"10s\"}}", "\"timeouts.handshake_ms\": expected an integer", NULL},
		{"{\"timeouts\":{\"idle_ms\":1}}", "\"timeouts\": unknown key \"idle_ms\"", NULL},
		{"{\"timeouts\":{\"pool_idle_ms\":1,\"pool_idle_ms\":2}}", "\"timeouts\": duplicate key \"pool_idle_ms\"", NULL},
		{"{\"resolve\":true}", "\"resolve\": expected an object", NULL},
		{"{\"resolve\":{\"enabled\":\"yes\"}}", "\"resolve.enabled\": expected true or false, got a string", NULL},
		{"{\"resolve\":{\"interval_s\":0}}", "\"resolve.interval_s\": 0 is out of range", NULL},
		{"{\"resolve\":{\"min_ttl_s\":604801}}", "\"resolve.min_ttl_s\": 604801 is out of range", NULL},
		{"{\"resolve\":{\"ttl\":1}}", "\"resolve\": unknown key \"ttl\"", NULL},
		{"{\"addresses\":[]}", "\"addresses\": expected an object", NULL},
		{"{\"addresses\":{\"openai\":\"10.0.0.1\"}}", "\"addresses.openai\": expected an array", NULL},
		{"{\"addresses\":{\"openai\":[\"10.0.0.1/8\"]}}", "\"addresses.openai[0]\":", "did you mean 10.0.0.0/8?"},
		{"{\"addresses\":{\"openai\":[\"10.0.0.1\",\"nope\"]}}", "\"addresses.openai[1]\": invalid address \"nope\"", NULL},
		{"{\"addresses\":{\"openai\":[5]}}", "\"addresses.openai[0]\": expected a string", NULL},
		{"{\"addresses\":{\"openai\":[],\"openai\":[]}}", "\"addresses\": duplicate key \"openai\"", NULL},
		{"{\"addresses\":{\"\":[]}}", "\"addresses\": \"\" is not a provider name", NULL},
	};
	for (size_t i = 0; i < TG_ARRAY_LEN(cases); i++)
		CHECK(fails_with(t, cases[i].json, cases[i].want1, cases[i].want2, &err),
		      "config error %zu: %s", i, msg);

	/* Too many addresses for one provider, and too many providers. */
	char json[8192];
	size_t off = (size_t)snprintf(json, sizeof(json), "{\"addresses\":{\"openai\":[");
	for (int i = 0; i <= TG_MAX_ADDRS; i++)
		off += (size_t)snprintf(json + off, sizeof(json) - off, "%s\"10.0.0.%d\"", i ? "," : "", i);
	snprintf(json + off, sizeof(json) - off, "]}}");
	CHECK(fails_with(t, json, "\"addresses.openai\": more than 32 addresses", NULL, &err),
	      "too many override addresses: %s", msg);
	off = (size_t)snprintf(json, sizeof(json), "{\"addresses\":{");
	for (int i = 0; i <= TG_MAX_OVERRIDES; i++)
		off += (size_t)snprintf(json + off, sizeof(json) - off, "%s\"p%d\":[]", i ? "," : "", i);
	snprintf(json + off, sizeof(json) - off, "}}");
	CHECK(fails_with(t, json, "\"addresses\": more than 64 providers", NULL, &err),
	      "too many override providers: %s", msg);

	tg_config_defaults(&c);
	CHECK(tg_config_load("/nonexistent/tollgate.json", &c, &err) < 0 &&
	      strstr(err.msg, "/nonexistent/tollgate.json"), "missing config file: %s", msg);
}

static void test_overrides(struct tmp *t)
{
	struct tg_registry reg;
	struct tg_provider *p;
	struct tg_config c;
	size_t before;
	tg_err err = {{0}};
	int rc;

	if (tg_registry_load("policies/providers.json", &reg, &err) < 0) {
		CHECK(0, "registry for overrides (%s)", err.msg);
		return;
	}
	p = tg_registry_find(&reg, "openai");
	before = p->naddrs;
	rc = load_json(t, "{\"addresses\":{\"openai\":[\"10.0.0.5\",\"10.1.0.0/16\",\"2001:db8::/48\"]}}", &c, &err);
	CHECK(rc == 0 && tg_config_apply_overrides(&c, &reg, &err) == 0 && p->naddrs == before + 3 &&
	      p->addrs[before + 1].prefix == 112 && p->addrs[before + 2].prefix == 48,
	      "overrides appended to openai (%s)", err.msg);
	CHECK(tg_config_apply_overrides(&c, &reg, &err) == 0 && p->naddrs == before + 3,
	      "applying again adds no duplicates");

	rc = load_json(t, "{\"addresses\":{\"openai\":[\"10.0.0.6\"],\"nosuch\":[\"10.0.0.7\"]}}", &c, &err);
	CHECK(rc == 0 && tg_config_apply_overrides(&c, &reg, &err) < 0 &&
	      strstr(err.msg, "\"addresses\": unknown provider \"nosuch\"") && p->naddrs == before + 3,
	      "unknown override provider is an error and changes nothing: %s", err.msg);

	while (p->naddrs < TG_MAX_ADDRS - 1) {
		p->addrs[p->naddrs] = p->addrs[0];
		p->addrs[p->naddrs].addr[0] = (uint8_t)(0x20 + p->naddrs);
		p->naddrs++;
	}
	rc = load_json(t, "{\"addresses\":{\"openai\":[\"10.9.0.1\",\"10.9.0.2\"]}}", &c, &err);
	CHECK(rc == 0 && tg_config_apply_overrides(&c, &reg, &err) < 0 &&
	      strstr(err.msg, "\"addresses.openai\"") && strstr(err.msg, "more than 32") &&
	      p->naddrs == TG_MAX_ADDRS - 1,
	      "override overflowing a provider is an error: %s", err.msg);
	rc = load_json(t, "{\"addresses\":{\"openai\":[\"10.9.0.1\"]}}", &c, &err);
	CHECK(rc == 0 && tg_config_apply_overrides(&c, &reg, &err) == 0 && p->naddrs == TG_MAX_ADDRS,
	      "override filling a provider exactly");
	tg_registry_free(&reg);
}

int main(void)
{
	struct tmp t;

	tmp_init(&t);
	test_defaults();
	test_shipped();
	test_values(&t);
	test_errors(&t);
	test_overrides(&t);
	tmp_done(&t);
	CHECK_DONE();
}
