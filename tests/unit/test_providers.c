/*
 * test_providers.c - the provider registry: the shipped policies/providers.json,
 * validation errors, host matching, CA domains, CIDR parsing and error
 * bodies. Run from the repository root.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "check.h"
#include "providers.h"

struct tmp {
	char dir[64];
	char path[128];
};

static void tmp_init(struct tmp *t)
{
	snprintf(t->dir, sizeof(t->dir), "/tmp/tg-test-providers-XXXXXX");
	if (!mkdtemp(t->dir)) {
		perror("mkdtemp");
		exit(1);
	}
	snprintf(t->path, sizeof(t->path), "%s/providers.json", t->dir);
}

static void tmp_done(struct tmp *t)
{
	unlink(t->path);
	rmdir(t->dir);
}

static void write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

static int load_json(struct tmp *t, const char *json, struct tg_registry *reg, tg_err *err)
{
	write_file(t->path, json, strlen(json));
	return tg_registry_load(t->path, reg, err);
}

/* Loading json fails with a message containing every one of want[]. */
static int fails_with(struct tmp *t, const char *json, const char *want1, const char *want2, tg_err *err)
{
	struct tg_registry reg;

	memset(err, 0, sizeof(*err));
	if (load_json(t, json, &reg, err) == 0) {
		tg_registry_free(&reg);
		snprintf(err->msg, sizeof(err->msg), "(loaded without error)");
		return 0;
	}
	if (reg.v != NULL || reg.n != 0)
		return 0;
	if (!strstr(err->msg, t->path))
		return 0;
	return strstr(err->msg, want1) && (!want2 || strstr(err->msg, want2));
}

/* A registry with one provider whose body is the given JSON members. */
static void one(char *buf, size_t size, const char *members)
{
	snprintf(buf, size, "{\"version\":1,\"providers\":[{%s}]}", members);
}

static void test_shipped(void)
{
	struct tg_registry reg;
	const struct tg_provider *p;
	const char *dom[64];
	size_t n, total = 0;
	tg_err err = {{0}};
	int rc;

	rc = tg_registry_load("policies/providers.json", &reg, &err);
	CHECK(rc == 0, "shipped providers.json loads (%s)", err.msg);
	if (rc < 0)
		return;
	CHECK(reg.n >= 11, "shipped registry has %zu providers", reg.n);
	static const struct {
		const char *name, *host;
		enum tg_api_shape shape;
	} want[] = {
		{"openai", "api.openai.com", TG_API_OPENAI},
		{"anthropic", "api.anthropic.com", TG_API_ANTHROPIC},
		{"gemini", "generativelanguage.googleapis.com", TG_API_GEMINI},
		{"azure-openai", "myres.openai.azure.com", TG_API_AZURE_OPENAI},
		{"azure-openai", "myres.cognitiveservices.azure.com", TG_API_AZURE_OPENAI},
		{"mistral", "api.mistral.ai", TG_API_OPENAI},
		{"groq", "api.groq.com", TG_API_OPENAI},
		{"deepseek", "api.deepseek.com", TG_API_OPENAI},
		{"xai", "api.x.ai", TG_API_OPENAI},
		{"openrouter", "openrouter.ai", TG_API_OPENAI},
		{"together", "api.together.xyz", TG_API_OPENAI},
		{"together", "api.together.ai", TG_API_OPENAI},
		{"fireworks", "api.fireworks.ai", TG_API_OPENAI},
	};
	for (size_t i = 0; i < TG_ARRAY_LEN(want); i++) {
		const struct tg_provider *f = tg_registry_find(&reg, want[i].name);

		p = tg_registry_match_host(&reg, want[i].host);
		CHECK(f && p == f && p->shape == want[i].shape && p->nports == 1 && p->ports[0] == 443,
		      "shipped: %s -> %s (%s)", want[i].host, want[i].name, tg_api_shape_name(want[i].shape));
	}
	CHECK(tg_registry_find(&reg, "nope") == NULL, "find unknown provider -> NULL");
	p = tg_registry_find(&reg, "openai");
	CHECK(p && strcmp(p->display, "OpenAI") == 0, "display name read");

	for (size_t i = 0; i < reg.n; i++)
		total += reg.v[i].nhosts;
	n = tg_registry_domains(&reg, dom, TG_ARRAY_LEN(dom));
	CHECK(n == total, "shipped: one CA domain per host (%zu of %zu)", n, total);
	bool has_azure = false, has_wild = false, dup = false;
	for (size_t i = 0; i < n; i++) {
		has_azure |= strcmp(dom[i], "openai.azure.com") == 0;
		has_wild |= strchr(dom[i], '*') != NULL;
		for (size_t j = 0; j < i; j++)
			dup |= strcmp(dom[i], dom[j]) == 0;
	}
	CHECK(has_azure && !has_wild && !dup, "shipped: wildcard becomes its suffix, no duplicates");
	CHECK(tg_registry_domains(&reg, dom, 3) == 3, "domains: output limited to max");
	tg_registry_free(&reg);
	CHECK(reg.v == NULL && reg.n == 0, "registry free resets");
	tg_registry_free(&reg); /* twice is harmless */
}

static void test_match(struct tmp *t)
{
	struct tg_registry reg;
	const struct tg_provider *a, *b;
	tg_err err = {{0}};
	int rc;

	rc = load_json(t,
		       "{\"_c\":\"comment\",\"version\":1,\"providers\":["
		       "{\"_c\":1,\"name\":\"azure\",\"shape\":\"azure_openai\",\"hosts\":[\"*.OpenAI.Azure.com\"]},"
		       "{\"name\":\"exact\",\"shape\":\"openai\",\"hosts\":[\"Special.OpenAI.azure.com\",\"API.Example.COM\"],"
		       " \"ports\":[443,8443],\"addresses\":[\"10.0.0.5\",\"2001:db8::/32\"]}]}",
		       &reg, &err);
	CHECK(rc == 0, "load with comments, mixed case and ports (%s)", err.msg);
	if (rc < 0)
		return;
	a = tg_registry_find(&reg, "azure");
	b = tg_registry_find(&reg, "exact");
	CHECK(a && strcmp(a->display, "azure") == 0, "display defaults to name");
	CHECK(a && strcmp(a->hosts[0], "*.openai.azure.com") == 0, "hosts lowercased");
	CHECK(b && b->nports == 2 && b->ports[1] == 8443, "ports read");
	CHECK(b && b->naddrs == 2 && b->addrs[0].prefix == 128 && b->addrs[1].prefix == 32,
	      "addresses read");
	CHECK(tg_registry_match_host(&reg, "myres.openai.azure.com") == a, "wildcard matches one label");
	CHECK(tg_registry_match_host(&reg, "MyRes.OPENAI.Azure.Com") == a, "wildcard match case-insensitive");
	CHECK(tg_registry_match_host(&reg, "openai.azure.com") == NULL, "wildcard does not match its suffix");
	CHECK(tg_registry_match_host(&reg, "a.b.openai.azure.com") == NULL, "wildcard matches only one label");
	CHECK(tg_registry_match_host(&reg, ".openai.azure.com") == NULL, "empty first label");
	CHECK(tg_registry_match_host(&reg, "-x.openai.azure.com") == NULL, "invalid first label");
	CHECK(tg_registry_match_host(&reg, "x_y.openai.azure.com") == NULL, "underscore label");
	CHECK(tg_registry_match_host(&reg, "*.openai.azure.com") == NULL, "literal '*' is not a label");
	CHECK(tg_registry_match_host(&reg, "myres.openai.azure.com.") == NULL, "trailing dot rejected");
	CHECK(tg_registry_match_host(&reg, "xopenai.azure.com") == NULL, "suffix must start at a dot");
	CHECK(tg_registry_match_host(&reg, "special.openai.azure.com") == b, "exact host wins over wildcard");
	CHECK(tg_registry_match_host(&reg, "api.example.com") == b, "exact match");
	CHECK(tg_registry_match_host(&reg, "API.EXAMPLE.COM") == b, "exact match case-insensitive");
	CHECK(tg_registry_match_host(&reg, "api.example.com.") == NULL, "exact with trailing dot rejected");
	CHECK(tg_registry_match_host(&reg, "api.example.com.evil.net") == NULL, "no prefix match");
	CHECK(tg_registry_match_host(&reg, "evil-api.example.com") == NULL, "no suffix match");
	CHECK(tg_registry_match_host(&reg, "example.com") == NULL, "parent of exact host");
	CHECK(tg_registry_match_host(&reg, "") == NULL, "empty name");
	CHECK(tg_registry_match_host(&reg, NULL) == NULL, "NULL name");
	tg_registry_free(&reg);
}

static void test_domains(struct tmp *t)
{
	struct tg_registry reg;
	const char *dom[16];
	tg_err err = {{0}};
	size_t n;
	int rc;

	rc = load_json(t,
		       "{\"version\":1,\"providers\":["
		       "{\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"api.example.com\",\"*.example.com\"]},"
		       "{\"name\":\"b\",\"shape\":\"openai\",\"hosts\":[\"example.com\",\"x.y.example.com\"]},"
		       "{\"name\":\"c\",\"shape\":\"openai\",\"hosts\":[\"*.res.example.org\",\"api.example.org\"]},"
		       "{\"name\":\"d\",\"shape\":\"openai\",\"hosts\":[\"notexample.com\"]}]}",
		       &reg, &err);
	CHECK(rc == 0, "domains registry loads (%s)", err.msg);
	if (rc < 0)
		return;
	n = tg_registry_domains(&reg, dom, TG_ARRAY_LEN(dom));
	CHECK(n == 4, "covered and repeated domains dropped (%zu)", n);
	CHECK(n == 4 && strcmp(dom[0], "example.com") == 0 && strcmp(dom[1], "res.example.org") == 0 &&
	      strcmp(dom[2], "api.example.org") == 0 && strcmp(dom[3], "notexample.com") == 0,
	      "domains: example.com, res.example.org, api.example.org, notexample.com");
	tg_registry_free(&reg);
}

static void test_errors(struct tmp *t)
{
	char buf[8192];
	tg_err err;
	struct tg_registry reg;
	const char *msg = err.msg;

	CHECK(fails_with(t, "{\n  \"version\": 1,\n  \"providers\": [\n    {\"name\": \"a\" \"shape\": 1}\n  ]\n}",
			 "line 4, column 18", "invalid JSON", &err),
	      "malformed JSON: line and column: %s", msg);
	CHECK(fails_with(t, "{\"version\":1,\"providers\":[]} trailing", "invalid JSON", "line 1", &err),
	      "trailing garbage: %s", msg);
	CHECK(fails_with(t, "{\"version\":1,\"providers\":[", "line 1, column 26, near '['", "end of the file", &err),
	      "truncated JSON: %s", msg);
	CHECK(fails_with(t, "", "empty file", NULL, &err), "empty file: %s", msg);
	CHECK(fails_with(t, " \n\t\r\n", "empty file", NULL, &err), "blank file: %s", msg);
	write_file(t->path, "{\"version\":1}\0", 14);
	CHECK(tg_registry_load(t->path, &reg, &err) < 0 && strstr(err.msg, "NUL"), "NUL byte: %s", msg);
	CHECK(tg_registry_load("/nonexistent/providers.json", &reg, &err) < 0 &&
	      strstr(err.msg, "/nonexistent/providers.json") && strstr(err.msg, "No such file"),
	      "missing file: %s", msg);
	CHECK(tg_registry_load("/tmp", &reg, &err) < 0 && strstr(err.msg, "not a regular file"),
	      "directory: %s", msg);
	CHECK(fails_with(t, "[1,2]", "expected a JSON object", NULL, &err), "top-level array: %s", msg);
	CHECK(fails_with(t, "{\"version\":1,\"providers\":[],\"providerz\":1}", "unknown key \"providerz\"", NULL, &err),
	      "unknown top-level key: %s", msg);
	CHECK(fails_with(t, "{\"version\":1,\"version\":1,\"providers\":[]}", "duplicate key \"version\"", NULL, &err),
	      "duplicate key: %s", msg);
	CHECK(fails_with(t, "{\"providers\":[]}", "\"version\": missing", NULL, &err), "version missing: %s", msg);
	CHECK(fails_with(t, "{\"version\":2,\"providers\":[]}", "\"version\"", "out of range", &err),
	      "version 2: %s", msg);
	CHECK(fails_with(t, "{\"version\":\"1\",\"providers\":[]}", "\"version\"", "got a string", &err),
	      "version string: %s", msg);
	CHECK(fails_with(t, "{\"version\":1}", "\"providers\": expected an array", "missing", &err),
	      "providers missing: %s", msg);
	CHECK(fails_with(t, "{\"version\":1,\"providers\":{}}", "\"providers\": expected an array", "object", &err),
	      "providers not an array: %s", msg);
	CHECK(fails_with(t, "{\"version\":1,\"providers\":[]}", "\"providers\"", "got 0", &err),
	      "no providers: %s", msg);
	CHECK(fails_with(t, "{\"version\":1,\"providers\":[\"openai\"]}", "providers[0]: expected an object", NULL, &err),
	      "provider not an object: %s", msg);

	/* The example from the brief, exactly. */
	snprintf(buf, sizeof(buf),
		 "{\"version\":1,\"providers\":["
		 "{\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"a.example\"]},"
		 "{\"name\":\"b\",\"shape\":\"openai\",\"hosts\":[\"b.example\"]},"
		 "{\"name\":\"c\",\"shape\":\"openai\",\"hosts\":[\"c.example\"]},"
		 "{\"name\":\"groq\",\"shape\":\"opeani\",\"hosts\":[\"api.groq.com\"]}]}");
	char want[256];
	snprintf(want, sizeof(want),
		 "%s: providers[3] (\"groq\"): \"shape\": unknown shape \"opeani\" (expected openai, azure_openai, anthropic, gemini)",
		 t->path);
	CHECK(fails_with(t, buf, want, NULL, &err) && strcmp(err.msg, want) == 0, "unknown shape: %s", msg);

	static const struct {
		const char *members, *want1, *want2;
	} cases[] = {
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"a.example\"],\"hostz\":[]",
		 "providers[0] (\"a\"): unknown key \"hostz\"", NULL},
		{"\"shape\":\"openai\",\"hosts\":[\"a.example\"]", "providers[0]: \"name\": missing", NULL},
		{"\"name\":5,\"shape\":\"openai\",\"hosts\":[\"a.example\"]", "\"name\": expected a string, got a number", NULL},
		{"\"name\":\"\",\"shape\":\"openai\",\"hosts\":[\"a.example\"]", "providers[0]: \"name\": must not be empty", NULL},
		{"\"name\":\"Open AI\",\"shape\":\"openai\",\"hosts\":[\"a.example\"]", "\"name\": \"Open AI\" may contain only", NULL},
		{"\"name\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"shape\":\"openai\",\"hosts\":[\"a.example\"]",
		 "\"name\": longer than 63", NULL},
		{"\"name\":\"a\",\"display\":7,\"shape\":\"openai\",\"hosts\":[\"a.example\"]", "\"display\": expected a string", NULL},
		{"\"name\":\"a\",\"display\":\"x\\ny\",\"shape\":\"openai\",\"hosts\":[\"a.example\"]", "\"display\": control character", NULL},
		{"\"name\":\"a\",\"hosts\":[\"a.example\"]", "\"shape\": missing", NULL},
		{"\"name\":\"a\",\"shape\":1,\"hosts\":[\"a.example\"]", "\"shape\": expected a string", NULL},
		{"\"name\":\"a\",\"shape\":\"openai\"", "\"hosts\": expected an array", "missing", },
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":\"a.example\"", "\"hosts\": expected an array", "a string"},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[]", "\"hosts\": must list at least one host", NULL},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[1]", "\"hosts[0]\": expected a string", NULL},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"\"]", "\"hosts[0]\": invalid host", "empty"},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"a.example\",\"A.Example\"]", "\"hosts[1]\": \"a.example\" is listed twice", NULL},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"*.com\"]", "\"hosts[0]\": invalid host \"*.com\"", "two labels"},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"a.*.com\"]", "\"hosts[0]\": invalid host", "'*'"},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"*foo.example.com\"]", "\"hosts[0]\": invalid host", "wildcard"},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"*.*.example.com\"]", "\"hosts[0]\": invalid host", "'*'"},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"foo..com\"]", "\"hosts[0]\": invalid host", "labels"},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"-a.example.com\"]", "\"hosts[0]\": invalid host", "labels"},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"a_b.example.com\"]", "\"hosts[0]\": invalid host", "labels"},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"api.openai.com.\"]", "\"hosts[0]\": invalid host", "trailing dot"},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"1.2.3.4\"]", "\"hosts[0]\": invalid host", "IP address"},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"a.example\"],\"ports\":[0]", "\"ports[0]\": 0 is out of range (1..65535)", NULL},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"a.example\"],\"ports\":[65536]", "\"ports[0]\": 65536 is out of range", NULL},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"a.example\"],\"ports\":[443.5]", "\"ports[0]\": expected an integer, got 443.5", NULL},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"a.example\"],\"ports\":[\"443\"]", "\"ports[0]\": expected an integer, got a string", NULL},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"a.example\"],\"ports\":[443,443]", "\"ports[1]\": port 443 is listed twice", NULL},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"a.example\"],\"ports\":[]", "\"ports\": must list at least one port", NULL},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"a.example\"],\"ports\":[1,2,3,4,5]", "\"ports\": more than 4", NULL},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"a.example\"],\"ports\":443", "\"ports\": expected an array", NULL},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"a.example\"],\"addresses\":[\"10.0.0.1/8\"]", "\"addresses[0]\"", "10.0.0.0/8"},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"a.example\"],\"addresses\":[\"bogus\"]", "\"addresses[0]\": invalid address \"bogus\"", NULL},
		{"\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"a.example\"],\"addresses\":\"10.0.0.1\"", "\"addresses\": expected an array", NULL},
		{"\"name\":\"a\",\"name\":\"b\",\"shape\":\"openai\",\"hosts\":[\"a.example\"]", "duplicate key \"name\"", NULL},
	};
	for (size_t i = 0; i < TG_ARRAY_LEN(cases); i++) {
		one(buf, sizeof(buf), cases[i].members);
		CHECK(fails_with(t, buf, cases[i].want1, cases[i].want2, &err),
		      "provider error %zu: %s", i, msg);
	}

	/* Too many hosts and addresses. */
	char many[4096];
	size_t off = (size_t)snprintf(many, sizeof(many), "\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[");
	for (int i = 0; i <= TG_MAX_HOSTS; i++)
		off += (size_t)snprintf(many + off, sizeof(many) - off, "%s\"h%d.example\"", i ? "," : "", i);
	snprintf(many + off, sizeof(many) - off, "]");
	one(buf, sizeof(buf), many);
	CHECK(fails_with(t, buf, "\"hosts\": more than 16", NULL, &err), "too many hosts: %s", msg);
	off = (size_t)snprintf(many, sizeof(many), "\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"a.b\"],\"addresses\":[");
	for (int i = 0; i <= TG_MAX_ADDRS; i++)
		off += (size_t)snprintf(many + off, sizeof(many) - off, "%s\"10.0.0.%d\"", i ? "," : "", i);
	snprintf(many + off, sizeof(many) - off, "]");
	one(buf, sizeof(buf), many);
	CHECK(fails_with(t, buf, "\"addresses\": more than 32", NULL, &err), "too many addresses: %s", msg);

	CHECK(fails_with(t,
			 "{\"version\":1,\"providers\":["
			 "{\"name\":\"openai\",\"shape\":\"openai\",\"hosts\":[\"api.openai.com\"]},"
			 "{\"name\":\"openai\",\"shape\":\"openai\",\"hosts\":[\"api2.openai.com\"]}]}",
			 "providers[1] (\"openai\"): \"name\": duplicate provider name (also providers[0])", NULL, &err),
	      "duplicate provider name: %s", msg);
	CHECK(fails_with(t,
			 "{\"version\":1,\"providers\":["
			 "{\"name\":\"openai\",\"shape\":\"openai\",\"hosts\":[\"api.openai.com\"]},"
			 "{\"name\":\"other\",\"shape\":\"openai\",\"hosts\":[\"x.example\",\"API.OpenAI.com\"]}]}",
			 "providers[1] (\"other\"): \"hosts[1]\": \"api.openai.com\" is already listed by provider \"openai\"",
			 NULL, &err),
	      "duplicate host across providers: %s", msg);
	CHECK(fails_with(t,
			 "{\"version\":1,\"providers\":["
			 "{\"name\":\"a\",\"shape\":\"openai\",\"hosts\":[\"*.example.com\"]},"
			 "{\"name\":\"b\",\"shape\":\"openai\",\"hosts\":[\"*.Example.com\"]}]}",
			 "\"*.example.com\" is already listed by provider \"a\"", NULL, &err),
	      "duplicate wildcard across providers: %s", msg);
}

static void test_cidr(void)
{
	struct tg_cidr c;
	tg_err err;
	uint8_t v6[16];
	static const uint8_t v4[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4};

	CHECK(tg_cidr_parse("1.2.3.4", &c, &err) == 0 && c.prefix == 128 && memcmp(c.addr, v4, 16) == 0,
	      "cidr 1.2.3.4 -> ::ffff:1.2.3.4/128");
	CHECK(tg_cidr_parse("1.2.3.4/32", &c, &err) == 0 && c.prefix == 128, "cidr 1.2.3.4/32 -> /128");
	CHECK(tg_cidr_parse("1.2.3.0/24", &c, &err) == 0 && c.prefix == 120 && c.addr[15] == 0 &&
	      c.addr[10] == 0xff, "cidr 1.2.3.0/24 -> /120");
	CHECK(tg_cidr_parse("0.0.0.0/0", &c, &err) == 0 && c.prefix == 96, "cidr 0.0.0.0/0 -> /96");
	CHECK(tg_cidr_parse("::ffff:1.2.3.4", &c, &err) == 0 && c.prefix == 128 && memcmp(c.addr, v4, 16) == 0,
	      "cidr v4-mapped literal");
	inet_pton(AF_INET6, "2001:db8::", v6);
	CHECK(tg_cidr_parse("2001:db8::/32", &c, &err) == 0 && c.prefix == 32 && memcmp(c.addr, v6, 16) == 0,
	      "cidr 2001:db8::/32");
	CHECK(tg_cidr_parse("2001:DB8::1", &c, &err) == 0 && c.prefix == 128 && c.addr[15] == 1, "cidr 2001:db8::1");
	CHECK(tg_cidr_parse("::/0", &c, &err) == 0 && c.prefix == 0, "cidr ::/0");
	CHECK(tg_cidr_parse("::1/128", &c, &err) == 0 && c.prefix == 128, "cidr ::1/128");

	static const struct {
		const char *in, *want;
	} bad[] = {
		{"10.0.0.1/8", "did you mean 10.0.0.0/8?"},
		{"1.2.3.5/31", "did you mean 1.2.3.4/31?"},
		{"2001:db8::1/64", "did you mean 2001:db8::/64?"},
		{"1.2.3.4/33", "prefix /33 too long for an IPv4"},
		{"2001:db8::/129", "prefix /129 too long for an IPv6"},
		{"1.2.3.4/", "invalid prefix length"},
		{"1.2.3.4/08", "invalid prefix length"},
		{"1.2.3.4/-1", "invalid prefix length"},
		{"1.2.3.4/+8", "invalid prefix length"},
		{"1.2.3.4/ 8", "invalid prefix length"},
		{"1.2.3.4/8/8", "invalid prefix length"},
		{"1.2.3.4/1000", "invalid prefix length"},
		{"01.2.3.4", "invalid address"},
		{"1.2.3", "invalid address"},
		{"1.2.3.256", "invalid address"},
		{" 1.2.3.4", "invalid address"},
		{"", "invalid address"},
		{"/8", "invalid address"},
		{"fe80::1%eth0", "invalid address"},
		{"example.com", "invalid address"},
		{"1:2:3:4:5:6:7:8:9:0:1:2:3:4:5:6:7:8:9:0:1:2", "invalid address"},
	};
	for (size_t i = 0; i < TG_ARRAY_LEN(bad); i++) {
		memset(&err, 0, sizeof(err));
		memset(&c, 0xaa, sizeof(c));
		CHECK(tg_cidr_parse(bad[i].in, &c, &err) < 0 && strstr(err.msg, bad[i].want) && c.prefix == 0xaa,
		      "cidr \"%s\" rejected: %s", bad[i].in, err.msg);
	}
	CHECK(tg_cidr_parse("1.2.3.4/33", &c, NULL) < 0, "cidr with NULL err");
}

static cJSON *obj(const cJSON *o, const char *k)
{
	return cJSON_GetObjectItemCaseSensitive(o, k);
}

static bool str_is(const cJSON *o, const char *k, const char *want)
{
	const cJSON *v = obj(o, k);

	return cJSON_IsString(v) && strcmp(v->valuestring, want) == 0;
}

static int nkeys(const cJSON *o)
{
	return cJSON_GetArraySize(o);
}

static void test_error_bodies(void)
{
	const char *m = "budget \"team-a\" exceeded\n\t<tag> \\ \xc3\xa9";
	cJSON *root, *e;
	char *s;

	CHECK(strcmp(tg_api_shape_name(TG_API_OPENAI), "openai") == 0 &&
	      strcmp(tg_api_shape_name(TG_API_AZURE_OPENAI), "azure_openai") == 0 &&
	      strcmp(tg_api_shape_name(TG_API_ANTHROPIC), "anthropic") == 0 &&
	      strcmp(tg_api_shape_name(TG_API_GEMINI), "gemini") == 0 &&
	      strcmp(tg_api_shape_name((enum tg_api_shape)99), "unknown") == 0, "shape names");

	for (int shape = TG_API_OPENAI; shape <= TG_API_AZURE_OPENAI; shape++) {
		s = tg_error_body((enum tg_api_shape)shape, 402, "tollgate_budget_exceeded", "budget_exceeded", m, "abc123");
		root = s ? cJSON_Parse(s) : NULL;
		e = obj(root, "error");
		CHECK(root && nkeys(root) == 1 && cJSON_IsObject(e) && str_is(e, "message", m) &&
		      str_is(e, "type", "tollgate_budget_exceeded") && cJSON_IsNull(obj(e, "param")) &&
		      str_is(e, "code", "budget_exceeded") && str_is(e, "tollgate_trace_id", "abc123") && nkeys(e) == 5,
		      "%s error body: %s", tg_api_shape_name((enum tg_api_shape)shape), s ? s : "NULL");
		cJSON_Delete(root);
		free(s);
	}
	s = tg_error_body(TG_API_OPENAI, 502, "tollgate_upstream_error", NULL, "upstream failed", NULL);
	root = s ? cJSON_Parse(s) : NULL;
	e = obj(root, "error");
	CHECK(e && cJSON_IsNull(obj(e, "code")) && !obj(e, "tollgate_trace_id") && nkeys(e) == 4,
	      "openai error body: NULL code -> null, no trace id: %s", s ? s : "NULL");
	cJSON_Delete(root);
	free(s);

	s = tg_error_body(TG_API_ANTHROPIC, 429, "rate_limit_error", NULL, m, "t1");
	root = s ? cJSON_Parse(s) : NULL;
	e = obj(root, "error");
	CHECK(root && str_is(root, "type", "error") && nkeys(root) == 2 && cJSON_IsObject(e) &&
	      str_is(e, "type", "rate_limit_error") && str_is(e, "message", m) &&
	      str_is(e, "tollgate_trace_id", "t1") && nkeys(e) == 3,
	      "anthropic error body: %s", s ? s : "NULL");
	cJSON_Delete(root);
	free(s);

	static const struct {
		int status;
		const char *name;
	} st[] = {{400, "INVALID_ARGUMENT"}, {401, "UNAUTHENTICATED"}, {402, "FAILED_PRECONDITION"},
		  {403, "PERMISSION_DENIED"}, {404, "NOT_FOUND"}, {429, "RESOURCE_EXHAUSTED"},
		  {500, "INTERNAL"}, {502, "UNAVAILABLE"}, {503, "UNAVAILABLE"},
		  {504, "DEADLINE_EXCEEDED"}, {418, "FAILED_PRECONDITION"}, {599, "INTERNAL"}};
	for (size_t i = 0; i < TG_ARRAY_LEN(st); i++) {
		s = tg_error_body(TG_API_GEMINI, st[i].status, "tollgate_budget_exceeded", NULL, m,
				  i == 0 ? "t2" : NULL);
		root = s ? cJSON_Parse(s) : NULL;
		e = obj(root, "error");
		CHECK(root && nkeys(root) == 1 && cJSON_IsObject(e) && cJSON_IsNumber(obj(e, "code")) &&
		      obj(e, "code")->valueint == st[i].status && str_is(e, "message", m) &&
		      str_is(e, "status", st[i].name) && str_is(e, "tollgate_type", "tollgate_budget_exceeded") &&
		      (i == 0 ? str_is(e, "tollgate_trace_id", "t2") : !obj(e, "tollgate_trace_id")),
		      "gemini error body %d -> %s: %s", st[i].status, st[i].name, s ? s : "NULL");
		cJSON_Delete(root);
		free(s);
	}

	s = tg_error_body(TG_API_OPENAI, 500, NULL, NULL, NULL, NULL);
	root = s ? cJSON_Parse(s) : NULL;
	e = obj(root, "error");
	CHECK(e && str_is(e, "message", "") && str_is(e, "type", "tollgate_error"),
	      "error body with NULL type and message: %s", s ? s : "NULL");
	cJSON_Delete(root);
	free(s);
}

int main(void)
{
	struct tmp t;

	tmp_init(&t);
	test_shipped();
	test_match(&t);
	test_domains(&t);
	test_errors(&t);
	test_cidr();
	test_error_bodies();
	tmp_done(&t);
	CHECK_DONE();
}
