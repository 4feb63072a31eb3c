/*
 * providers.c - the provider registry: loading and validating
 * policies/providers.json, matching TLS server names to providers, the DNS
 * domains the CA must cover, static address parsing, and error bodies in
 * each provider's own JSON shape. See providers.h.
 *
 * The file looks like
 *   {"version": 1,
 *    "providers": [{"name": "openai", "display": "OpenAI", "shape": "openai",
 *                   "hosts": ["api.openai.com"], "ports": [443],
 *                   "addresses": []}, ...]}
 * Keys starting with "_" are comments. Everything else is checked strictly.
 */
#include "providers.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "jsonfile.h"

#define TG_MAX_PROVIDERS 1024
#define TG_DNS_NAME_MAX 253 /* longest DNS name in text form, no trailing dot */

static const char *const shape_names[] = {
	[TG_API_OPENAI] = "openai",
	[TG_API_AZURE_OPENAI] = "azure_openai",
	[TG_API_ANTHROPIC] = "anthropic",
	[TG_API_GEMINI] = "gemini",
};

const char *tg_api_shape_name(enum tg_api_shape shape)
{
	if ((size_t)shape < TG_ARRAY_LEN(shape_names))
		return shape_names[shape];
	return "unknown";
}

static int shape_parse(const char *s, enum tg_api_shape *out)
{
	for (size_t i = 0; i < TG_ARRAY_LEN(shape_names); i++) {
		if (strcmp(s, shape_names[i]) == 0) {
			*out = (enum tg_api_shape)i;
			return 0;
		}
	}
	return -1;
}

/* ---- host names ------------------------------------------------------- */

/* One LDH label: letters, digits and hyphens, 1..63, no hyphen at either end. */
static bool label_ok(const char *s, size_t n)
{
	if (n == 0 || n > 63 || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-')
			return false;
	return true;
}

/* A DNS name of at least min_labels labels, no trailing dot, and a last
 * label that is not all digits (so that it cannot be an IPv4 literal). */
static const char *dns_name_problem(const char *s, int min_labels)
{
	size_t len = strlen(s);
	const char *label = s, *dot;
	int labels = 0;
	bool digits = true;

	if (len == 0)
		return "empty name";
	if (len > TG_DNS_NAME_MAX)
		return "name longer than 253 characters";
	if (s[len - 1] == '.')
		return "trailing dot";
	for (;;) {
		dot = strchr(label, '.');
		size_t n = dot ? (size_t)(dot - label) : strlen(label);

		if (!label_ok(label, n))
			return "labels are 1..63 letters, digits or '-', not starting or ending with '-'";
		labels++;
		if (!dot)
			break;
		label = dot + 1;
	}
	for (const char *p = label; *p; p++)
		if (!isdigit((unsigned char)*p))
			digits = false;
	if (digits)
		return "looks like an IP address (last label is all digits)";
	if (labels < min_labels)
		return min_labels == 2 ? "a wildcard needs at least two labels after \"*.\"" :
					 "too few labels";
	return NULL;
}

/* Validate and lowercase a host pattern: "name" or "*.name". */
static int host_pattern_parse(const char *in, char *out, tg_err *err)
{
	const char *name = in, *problem;
	size_t len = strlen(in);

	if (len >= TG_HOST_LEN)
		return tg_errf(err, "host name too long (%zu characters)", len);
	if (in[0] == '*') {
		if (in[1] != '.')
			return tg_errf(err, "invalid host \"%.64s\": a wildcard must be \"*.\" followed by a name", in);
		name = in + 2;
	}
	if (strchr(name, '*'))
		return tg_errf(err, "invalid host \"%.64s\": '*' is allowed only as the whole first label", in);
	problem = dns_name_problem(name, in[0] == '*' ? 2 : 1);
	if (problem)
		return tg_errf(err, "invalid host \"%.64s\": %s", in, problem);
	for (size_t i = 0; i <= len; i++)
		out[i] = (char)tolower((unsigned char)in[i]);
	return 0;
}

/* ---- addresses -------------------------------------------------------- */

int tg_cidr_parse(const char *s, struct tg_cidr *out, tg_err *err)
{
	char buf[INET6_ADDRSTRLEN + 8];
	const char *slash = strchr(s, '/');
	size_t alen = slash ? (size_t)(slash - s) : strlen(s);
	unsigned prefix, max;
	struct tg_cidr c;
	bool v4;

	memset(&c, 0, sizeof(c));
	if (alen == 0 || alen >= INET6_ADDRSTRLEN)
		return tg_errf(err, "invalid address \"%.64s\"", s);
	memcpy(buf, s, alen);
	buf[alen] = 0;
	if (inet_pton(AF_INET, buf, c.addr + 12) == 1) {
		v4 = true;
		c.addr[10] = 0xff;
		c.addr[11] = 0xff;
		max = 32;
	} else if (inet_pton(AF_INET6, buf, c.addr) == 1) {
		v4 = false;
		max = 128;
	} else {
		return tg_errf(err, "invalid address \"%.64s\" (expected an IPv4 or IPv6 address, optionally with /prefix)", s);
	}

	prefix = max;
	if (slash) {
		const char *p = slash + 1;

		/* Decimal digits only, no sign, no leading zeros, no spaces. */
		if (!*p || strlen(p) > 3 || (p[0] == '0' && p[1]))
			return tg_errf(err, "invalid prefix length in \"%.64s\"", s);
		prefix = 0;
		for (; *p; p++) {
			if (!isdigit((unsigned char)*p))
				return tg_errf(err, "invalid prefix length in \"%.64s\"", s);
			prefix = prefix * 10 + (unsigned)(*p - '0');
		}
		if (prefix > max)
			return tg_errf(err, "prefix /%u too long for an IPv%d address in \"%.64s\"",
				       prefix, v4 ? 4 : 6, s);
	}
	c.prefix = (uint8_t)(v4 ? 96 + prefix : prefix);

	/* Bits past the prefix must be zero: "10.0.0.1/8" is almost always a typo. */
	for (unsigned bit = c.prefix; bit < 128; bit++) {
		if (c.addr[bit / 8] & (0x80u >> (bit % 8))) {
			char net[INET6_ADDRSTRLEN];
			struct tg_cidr m = c;

			for (unsigned b = c.prefix; b < 128; b++)
				m.addr[b / 8] &= (uint8_t)~(0x80u >> (b % 8));
			if (v4)
				inet_ntop(AF_INET, m.addr + 12, net, sizeof(net));
			else
				inet_ntop(AF_INET6, m.addr, net, sizeof(net));
			return tg_errf(err, "\"%.64s\" has bits set past the prefix (did you mean %s/%u?)",
				       s, net, prefix);
		}
	}
	*out = c;
	return 0;
}

/* ---- loading ---------------------------------------------------------- */

static int load_string(const cJSON *obj, const char *key, char *out, size_t size, tg_err *err)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
	const char *s;

	if (!item)
		return tg_errf(err, "\"%s\": missing (required)", key);
	if (tg_json_string(item, &s, err) < 0)
		return tg_err_prefix(err, "\"%s\"", key);
	if (!*s)
		return tg_errf(err, "\"%s\": must not be empty", key);
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return tg_errf(err, "\"%s\": control character in string", key);
	if (tg_strlcpy(out, s, size) < 0)
		return tg_errf(err, "\"%s\": longer than %zu characters", key, size - 1);
	return 0;
}

static int load_name(const cJSON *obj, struct tg_provider *p, tg_err *err)
{
	if (load_string(obj, "name", p->name, sizeof(p->name), err) < 0)
		return -1;
	/* Names appear in scopes, metrics labels and CLI arguments. */
	for (const char *c = p->name; *c; c++)
		if (!islower((unsigned char)*c) && !isdigit((unsigned char)*c) && *c != '-' && *c != '_')
			return tg_errf(err, "\"name\": \"%s\" may contain only a-z, 0-9, '-' and '_'", p->name);
	return 0;
}

static int load_hosts(const cJSON *obj, struct tg_provider *p, tg_err *err)
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(obj, "hosts"), *it;
	size_t i = 0;

	if (!cJSON_IsArray(arr))
		return tg_errf(err, "\"hosts\": expected an array of host names, got %s",
			       tg_json_type_name(arr));
	if (!arr->child)
		return tg_errf(err, "\"hosts\": must list at least one host");
	cJSON_ArrayForEach(it, arr) {
		const char *s;

		if (i >= TG_MAX_HOSTS)
			return tg_errf(err, "\"hosts\": more than %d hosts", TG_MAX_HOSTS);
		if (tg_json_string(it, &s, err) < 0 || host_pattern_parse(s, p->hosts[i], err) < 0)
			return tg_err_prefix(err, "\"hosts[%zu]\"", i);
		for (size_t j = 0; j < i; j++)
			if (strcmp(p->hosts[j], p->hosts[i]) == 0)
				return tg_errf(err, "\"hosts[%zu]\": \"%s\" is listed twice", i, p->hosts[i]);
		i++;
	}
	p->nhosts = i;
	return 0;
}

static int load_ports(const cJSON *obj, struct tg_provider *p, tg_err *err)
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(obj, "ports"), *it;
	size_t i = 0;

	if (!arr) {
		p->ports[0] = 443;
		p->nports = 1;
		return 0;
	}
	if (!cJSON_IsArray(arr))
		return tg_errf(err, "\"ports\": expected an array of port numbers, got %s",
			       tg_json_type_name(arr));
	if (!arr->child)
		return tg_errf(err, "\"ports\": must list at least one port (omit the key for [443])");
	cJSON_ArrayForEach(it, arr) {
		uint64_t v;

		if (i >= TG_MAX_PORTS)
			return tg_errf(err, "\"ports\": more than %d ports", TG_MAX_PORTS);
		if (tg_json_uint(it, 1, 65535, &v, err) < 0)
			return tg_err_prefix(err, "\"ports[%zu]\"", i);
		p->ports[i] = (uint16_t)v;
		for (size_t j = 0; j < i; j++)
			if (p->ports[j] == p->ports[i])
				return tg_errf(err, "\"ports[%zu]\": port %u is listed twice", i, p->ports[i]);
		i++;
	}
	p->nports = i;
	return 0;
}

static int load_addresses(const cJSON *obj, struct tg_provider *p, tg_err *err)
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(obj, "addresses"), *it;
	size_t i = 0;

	if (!arr)
		return 0;
	if (!cJSON_IsArray(arr))
		return tg_errf(err, "\"addresses\": expected an array of addresses, got %s",
			       tg_json_type_name(arr));
	cJSON_ArrayForEach(it, arr) {
		const char *s;

		if (i >= TG_MAX_ADDRS)
			return tg_errf(err, "\"addresses\": more than %d addresses", TG_MAX_ADDRS);
		if (tg_json_string(it, &s, err) < 0 || tg_cidr_parse(s, &p->addrs[i], err) < 0)
			return tg_err_prefix(err, "\"addresses[%zu]\"", i);
		i++;
	}
	p->naddrs = i;
	return 0;
}

static int load_provider(const cJSON *obj, struct tg_provider *p, tg_err *err)
{
	static const char *const keys[] = {"name", "display", "shape", "hosts", "ports",
					   "addresses", NULL};
	const cJSON *item;
	const char *shape;

	if (!cJSON_IsObject(obj))
		return tg_errf(err, "expected an object, got %s", tg_json_type_name(obj));
	if (tg_json_check_keys(obj, keys, err) < 0)
		return -1;
	if (load_name(obj, p, err) < 0)
		return -1;

	item = cJSON_GetObjectItemCaseSensitive(obj, "display");
	if (!item)
		memcpy(p->display, p->name, sizeof(p->display));
	else if (load_string(obj, "display", p->display, sizeof(p->display), err) < 0)
		return -1;

	item = cJSON_GetObjectItemCaseSensitive(obj, "shape");
	if (!item)
		return tg_errf(err, "\"shape\": missing (expected openai, azure_openai, anthropic, gemini)");
	if (tg_json_string(item, &shape, err) < 0)
		return tg_err_prefix(err, "\"shape\"");
	if (shape_parse(shape, &p->shape) < 0)
		return tg_errf(err, "\"shape\": unknown shape \"%.32s\" (expected openai, azure_openai, anthropic, gemini)",
			       shape);

	if (load_hosts(obj, p, err) < 0 || load_ports(obj, p, err) < 0 ||
	    load_addresses(obj, p, err) < 0)
		return -1;
	return 0;
}

/* Checks across providers: names and hosts are unique. */
static int check_unique(const struct tg_registry *reg, size_t i, tg_err *err)
{
	const struct tg_provider *p = &reg->v[i];

	for (size_t j = 0; j < i; j++) {
		const struct tg_provider *q = &reg->v[j];

		if (strcmp(p->name, q->name) == 0)
			return tg_errf(err, "\"name\": duplicate provider name (also providers[%zu])", j);
		for (size_t h = 0; h < p->nhosts; h++)
			for (size_t k = 0; k < q->nhosts; k++)
				if (strcmp(p->hosts[h], q->hosts[k]) == 0)
					return tg_errf(err, "\"hosts[%zu]\": \"%s\" is already listed by provider \"%s\"",
						       h, p->hosts[h], q->name);
	}
	return 0;
}

int tg_registry_load(const char *path, struct tg_registry *reg, tg_err *err)
{
	static const char *const keys[] = {"version", "providers", NULL};
	struct tg_registry r = {0};
	const cJSON *item, *arr, *it;
	uint64_t version;
	size_t i = 0;
	cJSON *root;

	memset(reg, 0, sizeof(*reg));
	root = tg_json_load_object(path, keys, err);
	if (!root)
		return -1;
	item = cJSON_GetObjectItemCaseSensitive(root, "version");
	if (!item) {
		tg_errf(err, "%s: \"version\": missing (this tollgate reads version 1)", path);
		goto fail;
	}
	if (tg_json_uint(item, 1, 1, &version, err) < 0) {
		tg_err_prefix(err, "%s: \"version\": unsupported version (this tollgate reads version 1)", path);
		goto fail;
	}
	arr = cJSON_GetObjectItemCaseSensitive(root, "providers");
	if (!cJSON_IsArray(arr)) {
		tg_errf(err, "%s: \"providers\": expected an array, got %s", path,
			tg_json_type_name(arr));
		goto fail;
	}
	r.n = (size_t)cJSON_GetArraySize(arr);
	if (r.n == 0 || r.n > TG_MAX_PROVIDERS) {
		tg_errf(err, "%s: \"providers\": expected 1..%d providers, got %zu", path,
			TG_MAX_PROVIDERS, r.n);
		goto fail;
	}
	r.v = calloc(r.n, sizeof(*r.v));
	if (!r.v) {
		tg_errf(err, "%s: out of memory", path);
		goto fail;
	}
	cJSON_ArrayForEach(it, arr) {
		if (load_provider(it, &r.v[i], err) < 0 || check_unique(&r, i, err) < 0) {
			const cJSON *name = cJSON_IsObject(it) ? cJSON_GetObjectItemCaseSensitive(it, "name") : NULL;

			if (cJSON_IsString(name) && name->valuestring[0])
				tg_err_prefix(err, "%s: providers[%zu] (\"%.64s\")", path, i, name->valuestring);
			else
				tg_err_prefix(err, "%s: providers[%zu]", path, i);
			goto fail;
		}
		i++;
	}
	cJSON_Delete(root);
	*reg = r;
	return 0;
fail:
	free(r.v);
	cJSON_Delete(root);
	return -1;
}

void tg_registry_free(struct tg_registry *reg)
{
	if (!reg)
		return;
	free(reg->v);
	reg->v = NULL;
	reg->n = 0;
}

struct tg_provider *tg_registry_find(const struct tg_registry *reg, const char *name)
{
	for (size_t i = 0; i < reg->n; i++)
		if (strcmp(reg->v[i].name, name) == 0)
			return &reg->v[i];
	return NULL;
}

/* ---- matching --------------------------------------------------------- */

const struct tg_provider *tg_registry_match_host(const struct tg_registry *reg, const char *host)
{
	size_t len = host ? strlen(host) : 0;
	const char *dot;

	/* Server names have no trailing dot (RFC 6066) and fit a DNS name. */
	if (len == 0 || len > TG_DNS_NAME_MAX || host[len - 1] == '.')
		return NULL;

	/* An exact name wins over a wildcard. */
	for (size_t i = 0; i < reg->n; i++)
		for (size_t h = 0; h < reg->v[i].nhosts; h++)
			if (reg->v[i].hosts[h][0] != '*' && strcasecmp(reg->v[i].hosts[h], host) == 0)
				return &reg->v[i];

	/* "*.suffix" matches one more label, which must be a valid label. */
	dot = strchr(host, '.');
	if (!dot || !label_ok(host, (size_t)(dot - host)))
		return NULL;
	for (size_t i = 0; i < reg->n; i++)
		for (size_t h = 0; h < reg->v[i].nhosts; h++) {
			const char *pat = reg->v[i].hosts[h];

			if (pat[0] == '*' && strcasecmp(pat + 1, dot) == 0)
				return &reg->v[i];
		}
	return NULL;
}

/* The domain a host pattern needs in the CA's name constraints. */
static const char *pattern_domain(const char *pat)
{
	return pat[0] == '*' ? pat + 2 : pat;
}

/* Is a equal to b, or a name below b? */
static bool domain_within(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la == lb)
		return strcmp(a, b) == 0;
	return la > lb && a[la - lb - 1] == '.' && strcmp(a + la - lb, b) == 0;
}

/* Keep the domain at flat position (i, h) unless an earlier equal domain or
 * an enclosing domain is listed. */
static bool domain_redundant(const struct tg_registry *reg, size_t i, size_t h)
{
	const char *d = pattern_domain(reg->v[i].hosts[h]);

	for (size_t j = 0; j < reg->n; j++)
		for (size_t k = 0; k < reg->v[j].nhosts; k++) {
			const char *e = pattern_domain(reg->v[j].hosts[k]);
			bool earlier = j < i || (j == i && k < h);

			if (j == i && k == h)
				continue;
			if (strcmp(d, e) == 0 ? earlier : domain_within(d, e))
				return true;
		}
	return false;
}

size_t tg_registry_domains(const struct tg_registry *reg, const char **out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < reg->n; i++)
		for (size_t h = 0; h < reg->v[i].nhosts && n < max; h++)
			if (!domain_redundant(reg, i, h))
				out[n++] = pattern_domain(reg->v[i].hosts[h]);
	return n;
}

/* ---- error bodies ----------------------------------------------------- */

/* Google's canonical status names for HTTP statuses (google.rpc.Code). */
static const char *grpc_status_name(int status)
{
	switch (status) {
	case 400: return "INVALID_ARGUMENT";
	case 401: return "UNAUTHENTICATED";
	case 402: return "FAILED_PRECONDITION";
	case 403: return "PERMISSION_DENIED";
	case 404: return "NOT_FOUND";
	case 408: return "DEADLINE_EXCEEDED";
	case 409: return "ABORTED";
	case 413: return "INVALID_ARGUMENT";
	case 429: return "RESOURCE_EXHAUSTED";
	case 499: return "CANCELLED";
	case 500: return "INTERNAL";
	case 501: return "UNIMPLEMENTED";
	case 502: return "UNAVAILABLE";
	case 503: return "UNAVAILABLE";
	case 504: return "DEADLINE_EXCEEDED";
	}
	if (status >= 400 && status < 500)
		return "FAILED_PRECONDITION";
	if (status >= 500 && status < 600)
		return "INTERNAL";
	return "UNKNOWN";
}

char *tg_error_body(enum tg_api_shape shape, int status, const char *type,
		    const char *code, const char *message, const char *trace_id)
{
	cJSON *root = cJSON_CreateObject(), *e;
	char *out = NULL;
	bool ok = root != NULL;

	if (!type)
		type = "tollgate_error";
	if (!message)
		message = "";
	if (shape == TG_API_ANTHROPIC)
		ok = ok && cJSON_AddStringToObject(root, "type", "error");
	e = ok ? cJSON_AddObjectToObject(root, "error") : NULL;
	ok = e != NULL;
	switch (shape) {
	case TG_API_ANTHROPIC:
		ok = ok && cJSON_AddStringToObject(e, "type", type);
		ok = ok && cJSON_AddStringToObject(e, "message", message);
		if (code)
			ok = ok && cJSON_AddStringToObject(e, "tollgate_code", code);
		break;
	case TG_API_GEMINI:
		ok = ok && cJSON_AddNumberToObject(e, "code", status);
		ok = ok && cJSON_AddStringToObject(e, "message", message);
		ok = ok && cJSON_AddStringToObject(e, "status", grpc_status_name(status));
		ok = ok && cJSON_AddStringToObject(e, "tollgate_type", type);
		if (code)
			ok = ok && cJSON_AddStringToObject(e, "tollgate_code", code);
		break;
	case TG_API_OPENAI:
	case TG_API_AZURE_OPENAI:
	default:
		ok = ok && cJSON_AddStringToObject(e, "message", message);
		ok = ok && cJSON_AddStringToObject(e, "type", type);
		ok = ok && cJSON_AddNullToObject(e, "param");
		if (code)
			ok = ok && cJSON_AddStringToObject(e, "code", code);
		else
			ok = ok && cJSON_AddNullToObject(e, "code");
		break;
	}
	if (trace_id)
		ok = ok && cJSON_AddStringToObject(e, "tollgate_trace_id", trace_id);
	if (ok)
		out = cJSON_PrintUnformatted(root);
	cJSON_Delete(root);
	return out;
}
