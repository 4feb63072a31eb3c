/*
 * budget.c - budgets and rate limits: policy parsing, scopes, calendar
 * windows, atomic reservations (see budget.h).
 */
#include "budget.h"
#include "cgroups.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "jsonfile.h"
#include "prices.h"

#define RATE_SLOTS 60
#define MAX_LIMIT_USD 1e9

struct budget_state {
	struct tg_budget_def def;
	uint64_t serial;
	int64_t start, end;     /* current window, wall ms */
	int64_t spent;          /* settled in the window */
	int64_t reserved;       /* held by calls in flight */
	uint32_t inflight;
};

struct limit_state {
	struct tg_limit_def def;
	int64_t slot_sec[RATE_SLOTS];
	uint64_t slot_req[RATE_SLOTS];
	uint64_t slot_tok[RATE_SLOTS];
};

struct tg_budgets {
	pthread_mutex_t lock;
	struct tg_ledger *ledger;
	bool utc;
	char timezone[64];
	struct budget_state *b;
	size_t nb;
	struct limit_state *r;
	size_t nr;
	uint64_t next_serial;
};

/* ---- scopes --------------------------------------------------------------- */

const char *tg_window_name(enum tg_window w)
{
	return w == TG_WINDOW_DAY ? "day" : w == TG_WINDOW_MONTH ? "month" : "lifetime";
}

static int cgroup_path(const char *s, char *out, size_t size, tg_err *err)
{
	switch (tg_cgroup_path_normalize(s, out, size)) {
	case TG_CGPATH_OK:
		return 0;
	case TG_CGPATH_RELATIVE:
		return tg_errf(err, "a cgroup scope needs an absolute path below the cgroup2 mount, like cgroup:/agents/team-a");
	case TG_CGPATH_DOT:
		return tg_errf(err, "\".\" and \"..\" are not allowed in a cgroup path");
	default:
		return tg_errf(err, "cgroup path too long");
	}
}

int tg_scope_parse(const char *s, struct tg_scope *sc, tg_err *err)
{
	memset(sc, 0, sizeof(*sc));
	if (strcmp(s, "host") == 0) {
		sc->kind = TG_SCOPE_HOST;
		return 0;
	}
	if (strncmp(s, "cgroup:", 7) == 0) {
		sc->kind = TG_SCOPE_CGROUP;
		return cgroup_path(s + 7, sc->value, sizeof(sc->value), err);
	}
	if (strncmp(s, "uid:", 4) == 0) {
		char *end;
		unsigned long v;

		if (!isdigit((unsigned char)s[4]))
			return tg_errf(err, "\"%.64s\": a uid scope is uid:NUMBER, like uid:1000", s);
		v = strtoul(s + 4, &end, 10);
		if (*end || v > UINT32_MAX - 1)
			return tg_errf(err, "\"%.64s\": a uid scope is uid:NUMBER, like uid:1000", s);
		sc->kind = TG_SCOPE_UID;
		sc->uid = (uint32_t)v;
		return 0;
	}
	if (strncmp(s, "key:", 4) == 0) {
		const char *fp = s + 4;
		size_t n = strlen(fp);

		/* 8 hex digits, a dash, up to 4 printable characters (identity.h) */
		if (n < 9 || n > 13 || fp[8] != '-')
			return tg_errf(err, "\"%.64s\": a key scope names a key fingerprint (8 hex digits, a dash and the "
				       "key's last 4 characters, as in the request log's key_fp), never the key itself", s);
		for (size_t i = 0; i < 8; i++)
			if (!isxdigit((unsigned char)fp[i]) || isupper((unsigned char)fp[i]))
				return tg_errf(err, "\"%.64s\": the fingerprint starts with 8 lowercase hex digits", s);
		sc->kind = TG_SCOPE_KEY;
		tg_strlcpy(sc->value, fp, sizeof(sc->value));
		return 0;
	}
	return tg_errf(err, "unknown scope \"%.64s\" (use host, cgroup:/PATH, uid:N or key:FINGERPRINT)", s);
}

static void scope_format(const struct tg_scope *sc, char *out, size_t size)
{
	switch (sc->kind) {
	case TG_SCOPE_HOST:
		snprintf(out, size, "host");
		break;
	case TG_SCOPE_CGROUP:
		snprintf(out, size, "cgroup:%s", sc->value);
		break;
	case TG_SCOPE_UID:
		snprintf(out, size, "uid:%u", sc->uid);
		break;
	case TG_SCOPE_KEY:
		snprintf(out, size, "key:%s", sc->value);
		break;
	}
	if (sc->provider[0])
		snprintf(out + strlen(out), size - strlen(out), " provider=%s", sc->provider);
	if (sc->model[0])
		snprintf(out + strlen(out), size - strlen(out), " model=%s", sc->model);
}

bool tg_scope_matches(const struct tg_scope *s, const struct tg_who *w)
{
	if (s->provider[0] && (!w->provider || strcmp(s->provider, w->provider) != 0))
		return false;
	if (s->model[0] && !((w->model && strcasecmp(s->model, w->model) == 0) ||
			     (w->price_model && strcasecmp(s->model, w->price_model) == 0)))
		return false;
	switch (s->kind) {
	case TG_SCOPE_HOST:
		return true;
	case TG_SCOPE_CGROUP: {
		size_t n = strlen(s->value);

		if (strcmp(s->value, "/") == 0)
			return true;
		return w->cgroup && strncmp(w->cgroup, s->value, n) == 0 &&
		       (w->cgroup[n] == 0 || w->cgroup[n] == '/');
	}
	case TG_SCOPE_UID:
		return w->uid == s->uid;
	case TG_SCOPE_KEY:
		return w->key_fp && w->key_fp[0] && strcmp(w->key_fp, s->value) == 0;
	}
	return false;
}

/* ---- definitions ---------------------------------------------------------- */

static int opt_string(const cJSON *o, const char *key, char *out, size_t size, tg_err *err)
{
	const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, key);
	const char *s;

	out[0] = 0;
	if (!x)
		return 0;
	if (tg_json_string(x, &s, err))
		return tg_err_prefix(err, "\"%s\"", key);
	if (!*s || tg_strlcpy(out, s, size) < 0)
		return tg_errf(err, "\"%s\": must be a non-empty string of at most %zu bytes", key, size - 1);
	return 0;
}

static int parse_mode(const cJSON *o, bool *monitor, tg_err *err)
{
	char mode[16];

	if (opt_string(o, "mode", mode, sizeof(mode), err))
		return -1;
	if (!mode[0] || strcmp(mode, "enforce") == 0)
		*monitor = false;
	else if (strcmp(mode, "monitor") == 0)
		*monitor = true;
	else
		return tg_errf(err, "\"mode\": expected \"enforce\" or \"monitor\", got \"%s\"", mode);
	return 0;
}

static int parse_scope_fields(const cJSON *o, struct tg_scope *sc, tg_err *err)
{
	const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, "scope");
	const char *s;

	if (!x)
		return tg_errf(err, "\"scope\" is required (host, cgroup:/PATH, uid:N or key:FINGERPRINT)");
	if (tg_json_string(x, &s, err))
		return tg_err_prefix(err, "\"scope\"");
	if (tg_scope_parse(s, sc, err))
		return tg_err_prefix(err, "\"scope\"");
	if (opt_string(o, "provider", sc->provider, sizeof(sc->provider), err) ||
	    opt_string(o, "model", sc->model, sizeof(sc->model), err))
		return -1;
	return 0;
}

int tg_budget_def_parse(const cJSON *o, struct tg_budget_def *d, tg_err *err)
{
	static const char *const keys[] = {"scope", "provider", "model", "window", "limit_usd", "mode", NULL};
	const cJSON *lim;
	char window[16], scope[700];

	memset(d, 0, sizeof(*d));
	if (!cJSON_IsObject(o))
		return tg_errf(err, "expected a budget object {\"scope\", \"limit_usd\", \"window\", ...}, got %s",
			       tg_json_type_name(o));
	if (tg_json_check_keys(o, keys, err) || parse_scope_fields(o, &d->scope, err) || parse_mode(o, &d->monitor, err) ||
	    opt_string(o, "window", window, sizeof(window), err))
		return -1;
	if (!window[0] || strcmp(window, "day") == 0)
		d->window = TG_WINDOW_DAY;
	else if (strcmp(window, "month") == 0)
		d->window = TG_WINDOW_MONTH;
	else if (strcmp(window, "lifetime") == 0)
		d->window = TG_WINDOW_LIFETIME;
	else
		return tg_errf(err, "\"window\": expected \"day\", \"month\" or \"lifetime\", got \"%s\"", window);
	lim = cJSON_GetObjectItemCaseSensitive(o, "limit_usd");
	if (!lim)
		return tg_errf(err, "\"limit_usd\" is required (a number of dollars, 0 or more)");
	if (!cJSON_IsNumber(lim))
		return tg_errf(err, "\"limit_usd\": expected a number of dollars, got %s", tg_json_type_name(lim));
	if (!(lim->valuedouble >= 0) || lim->valuedouble > MAX_LIMIT_USD)
		return tg_errf(err, "\"limit_usd\": must be between 0 and %.0f, got %g", MAX_LIMIT_USD, lim->valuedouble);
	d->limit_nusd = llround(lim->valuedouble * (double)TG_NUSD_PER_USD);
	scope_format(&d->scope, scope, sizeof(scope));
	snprintf(d->id, sizeof(d->id), "%s window=%s", scope, tg_window_name(d->window));
	return 0;
}

int tg_limit_def_parse(const cJSON *o, struct tg_limit_def *d, tg_err *err)
{
	static const char *const keys[] = {"scope", "provider", "model", "rpm", "tpm", "mode", NULL};
	const cJSON *x;
	uint64_t v;

	memset(d, 0, sizeof(*d));
	if (!cJSON_IsObject(o))
		return tg_errf(err, "expected a rate limit object {\"scope\", \"rpm\", \"tpm\"}, got %s",
			       tg_json_type_name(o));
	if (tg_json_check_keys(o, keys, err) || parse_scope_fields(o, &d->scope, err) || parse_mode(o, &d->monitor, err))
		return -1;
	if ((x = cJSON_GetObjectItemCaseSensitive(o, "rpm"))) {
		if (tg_json_uint(x, 1, 100000000, &v, err))
			return tg_err_prefix(err, "\"rpm\"");
		d->rpm = (uint32_t)v;
	}
	if ((x = cJSON_GetObjectItemCaseSensitive(o, "tpm"))) {
		if (tg_json_uint(x, 1, 4000000000u, &v, err))
			return tg_err_prefix(err, "\"tpm\"");
		d->tpm = (uint32_t)v;
	}
	if (!d->rpm && !d->tpm)
		return tg_errf(err, "a rate limit needs \"rpm\" (requests per minute) or \"tpm\" (tokens per minute)");
	scope_format(&d->scope, d->id, sizeof(d->id));
	return 0;
}

cJSON *tg_budget_def_json(const struct tg_budget_def *d)
{
	cJSON *o = cJSON_CreateObject();
	char scope[600];
	struct tg_scope bare = d->scope;

	bare.provider[0] = bare.model[0] = 0;
	scope_format(&bare, scope, sizeof(scope));
	cJSON_AddStringToObject(o, "scope", scope);
	if (d->scope.provider[0])
		cJSON_AddStringToObject(o, "provider", d->scope.provider);
	if (d->scope.model[0])
		cJSON_AddStringToObject(o, "model", d->scope.model);
	cJSON_AddStringToObject(o, "window", tg_window_name(d->window));
	cJSON_AddNumberToObject(o, "limit_usd", (double)d->limit_nusd / (double)TG_NUSD_PER_USD);
	cJSON_AddStringToObject(o, "mode", d->monitor ? "monitor" : "enforce");
	return o;
}

/* ---- the policy file ------------------------------------------------------ */

void tg_budget_policy_defaults(struct tg_budget_policy *p)
{
	memset(p, 0, sizeof(*p));
	tg_strlcpy(p->timezone, "UTC", sizeof(p->timezone));
	p->min_output_tokens = 16;
	p->inject_stream_usage = true;
	p->input_bytes_per_token = 1.0;
}

void tg_budget_policy_free(struct tg_budget_policy *p)
{
	free(p->budgets);
	free(p->limits);
	p->budgets = NULL;
	p->limits = NULL;
	p->nbudgets = p->nlimits = 0;
}

static int choice(const cJSON *root, const char *key, const char *a, const char *b, bool *is_b, tg_err *err)
{
	char v[32];

	if (opt_string(root, key, v, sizeof(v), err))
		return -1;
	if (!v[0])
		return 0;
	if (strcmp(v, a) == 0)
		*is_b = false;
	else if (strcmp(v, b) == 0)
		*is_b = true;
	else
		return tg_errf(err, "\"%s\": expected \"%s\" or \"%s\", got \"%s\"", key, a, b, v);
	return 0;
}

static int check_timezone(const char *tz, tg_err *err)
{
	char path[200];
	struct stat st;

	if (strcmp(tz, "UTC") == 0)
		return 0;
	if (strstr(tz, "..") || tz[0] == '/' ||
	    snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", tz) >= (int)sizeof(path) ||
	    stat(path, &st) || !S_ISREG(st.st_mode))
		return tg_errf(err, "\"timezone\": \"%s\" is not a zoneinfo name (like \"UTC\" or \"Europe/Paris\")", tz);
	return 0;
}

int tg_budget_policy_load(const char *path, struct tg_budget_policy *out, tg_err *err)
{
	static const char *const keys[] = {"version", "timezone", "unknown_model", "on_exceed", "min_output_tokens",
					   "ledger_error", "ledger_sync", "inject_stream_usage",
					   "input_bytes_per_token", "budgets", "rate_limits", NULL};
	struct tg_budget_policy p;
	cJSON *root = tg_json_load_file(path, err);
	const cJSON *x, *it;
	uint64_t v;
	size_t i;

	if (!root)
		return -1;
	tg_budget_policy_defaults(&p);
	tg_strlcpy(p.path, path, sizeof(p.path));
	if (!cJSON_IsObject(root)) {
		tg_errf(err, "expected a JSON object at the top level");
		goto fail;
	}
	if (tg_json_check_keys(root, keys, err))
		goto fail;
	x = cJSON_GetObjectItemCaseSensitive(root, "version");
	if (!x || tg_json_uint(x, 1, 1, &v, err)) {
		tg_errf(err, "\"version\" must be 1");
		goto fail;
	}
	if (opt_string(root, "timezone", p.timezone, sizeof(p.timezone), err))
		goto fail;
	if (!p.timezone[0])
		tg_strlcpy(p.timezone, "UTC", sizeof(p.timezone));
	if (check_timezone(p.timezone, err) ||
	    choice(root, "unknown_model", "fallback", "refuse", &p.refuse_unknown_models, err) ||
	    choice(root, "on_exceed", "refuse", "lower_max_tokens", &p.lower_max_tokens, err) ||
	    choice(root, "ledger_error", "refuse", "allow", &p.ledger_fail_open, err) ||
	    choice(root, "ledger_sync", "normal", "full", &p.full_sync, err))
		goto fail;
	if ((x = cJSON_GetObjectItemCaseSensitive(root, "min_output_tokens")) &&
	    tg_json_uint(x, 1, 1u << 20, &p.min_output_tokens, err)) {
		tg_err_prefix(err, "\"min_output_tokens\"");
		goto fail;
	}
	if ((x = cJSON_GetObjectItemCaseSensitive(root, "inject_stream_usage"))) {
		if (!cJSON_IsBool(x)) {
			tg_errf(err, "\"inject_stream_usage\": expected true or false");
			goto fail;
		}
		p.inject_stream_usage = cJSON_IsTrue(x);
	}
	if ((x = cJSON_GetObjectItemCaseSensitive(root, "input_bytes_per_token"))) {
		if (!cJSON_IsNumber(x) || !(x->valuedouble >= 1) || x->valuedouble > 16) {
			tg_errf(err, "\"input_bytes_per_token\": expected a number from 1 (a strict bound) to 16");
			goto fail;
		}
		p.input_bytes_per_token = x->valuedouble;
	}
	x = cJSON_GetObjectItemCaseSensitive(root, "budgets");
	if (x) {
		if (!cJSON_IsArray(x)) {
			tg_errf(err, "\"budgets\": expected an array of budgets");
			goto fail;
		}
		p.budgets = calloc((size_t)cJSON_GetArraySize(x) + 1, sizeof(*p.budgets));
		i = 0;
		cJSON_ArrayForEach(it, x) {
			if (tg_budget_def_parse(it, &p.budgets[i], err)) {
				tg_err_prefix(err, "\"budgets[%zu]\"", i);
				goto fail;
			}
			p.budgets[i].from_policy = true;
			for (size_t j = 0; j < i; j++)
				if (strcmp(p.budgets[j].id, p.budgets[i].id) == 0) {
					tg_errf(err, "\"budgets[%zu]\": %s is declared twice (also budgets[%zu])", i,
						p.budgets[i].id, j);
					goto fail;
				}
			i++;
		}
		p.nbudgets = i;
	}
	x = cJSON_GetObjectItemCaseSensitive(root, "rate_limits");
	if (x) {
		if (!cJSON_IsArray(x)) {
			tg_errf(err, "\"rate_limits\": expected an array of rate limits");
			goto fail;
		}
		p.limits = calloc((size_t)cJSON_GetArraySize(x) + 1, sizeof(*p.limits));
		i = 0;
		cJSON_ArrayForEach(it, x) {
			if (tg_limit_def_parse(it, &p.limits[i], err)) {
				tg_err_prefix(err, "\"rate_limits[%zu]\"", i);
				goto fail;
			}
			p.limits[i].from_policy = true;
			for (size_t j = 0; j < i; j++)
				if (strcmp(p.limits[j].id, p.limits[i].id) == 0) {
					tg_errf(err, "\"rate_limits[%zu]\": %s is declared twice", i, p.limits[i].id);
					goto fail;
				}
			i++;
		}
		p.nlimits = i;
	}
	cJSON_Delete(root);
	tg_budget_policy_free(out);
	*out = p;
	return 0;
fail:
	tg_err_prefix(err, "%s", path);
	tg_budget_policy_free(&p);
	cJSON_Delete(root);
	return -1;
}

/* ---- windows -------------------------------------------------------------- */

void tg_budgets_window(const struct tg_budgets *b, enum tg_window w, int64_t now_ms, int64_t *start, int64_t *end)
{
	time_t now = (time_t)(now_ms / 1000), s, e;
	struct tm tm;

	if (w == TG_WINDOW_LIFETIME) {
		*start = 0;
		*end = INT64_MAX;
		return;
	}
	if (b->utc)
		gmtime_r(&now, &tm);
	else
		localtime_r(&now, &tm);
	tm.tm_sec = tm.tm_min = tm.tm_hour = 0;
	tm.tm_isdst = -1;
	if (w == TG_WINDOW_MONTH)
		tm.tm_mday = 1;
	s = b->utc ? timegm(&tm) : mktime(&tm);
	if (w == TG_WINDOW_MONTH)
		tm.tm_mon++;
	else
		tm.tm_mday++;
	tm.tm_isdst = -1;
	e = b->utc ? timegm(&tm) : mktime(&tm);
	*start = (int64_t)s * 1000;
	*end = (int64_t)e * 1000;
}

static void format_time(const struct tg_budgets *b, int64_t ms, char *out, size_t size)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	if (ms == INT64_MAX) {
		snprintf(out, size, "never");
		return;
	}
	if (b->utc) {
		gmtime_r(&t, &tm);
		strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
	} else {
		localtime_r(&t, &tm);
		strftime(out, size, "%Y-%m-%dT%H:%M:%S%z", &tm);
	}
}

/* Move a budget into the window holding now: the spend of a past window no longer counts. */
static void roll(struct tg_budgets *b, struct budget_state *s, int64_t now)
{
	if (now >= s->start && now < s->end)
		return;
	tg_budgets_window(b, s->def.window, now, &s->start, &s->end);
	s->spent = 0;
}

/* ---- the engine ----------------------------------------------------------- */

struct tg_budgets *tg_budgets_new(struct tg_ledger *ledger, const char *timezone, tg_err *err)
{
	struct tg_budgets *b = calloc(1, sizeof(*b));

	if (!b) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	pthread_mutex_init(&b->lock, NULL);
	b->ledger = ledger;
	b->utc = !timezone || !*timezone || strcmp(timezone, "UTC") == 0;
	tg_strlcpy(b->timezone, b->utc ? "UTC" : timezone, sizeof(b->timezone));
	if (!b->utc) {
		setenv("TZ", timezone, 1);
		tzset();
	}
	b->next_serial = 1;
	return b;
}

void tg_budgets_free(struct tg_budgets *b)
{
	if (!b)
		return;
	free(b->b);
	free(b->r);
	pthread_mutex_destroy(&b->lock);
	free(b);
}

static void ledger_filter(const struct tg_scope *sc, struct tg_ledger_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->uid = -1;
	switch (sc->kind) {
	case TG_SCOPE_HOST:
		break;
	case TG_SCOPE_CGROUP:
		f->cgroup = sc->value;
		break;
	case TG_SCOPE_UID:
		f->uid = sc->uid;
		break;
	case TG_SCOPE_KEY:
		f->key_fp = sc->value;
		break;
	}
	f->provider = sc->provider;
	f->model = sc->model;
}

int tg_budgets_set(struct tg_budgets *b, const struct tg_budget_def *defs, size_t n,
		   const struct tg_limit_def *limits, size_t nlimits, int64_t now, tg_err *err)
{
	struct budget_state *nb = calloc(n + 1, sizeof(*nb));
	struct limit_state *nr = calloc(nlimits + 1, sizeof(*nr));

	if (!nb || !nr) {
		free(nb);
		free(nr);
		return tg_errf(err, "out of memory");
	}
	pthread_mutex_lock(&b->lock);
	for (size_t i = 0; i < n; i++) {
		struct budget_state *s = &nb[i];
		size_t j;

		s->def = defs[i];
		for (j = 0; j < b->nb; j++)
			if (strcmp(b->b[j].def.id, defs[i].id) == 0)
				break;
		if (j < b->nb) {
			/* the same budget: keep its spend and what calls in flight hold */
			s->serial = b->b[j].serial;
			s->start = b->b[j].start;
			s->end = b->b[j].end;
			s->spent = b->b[j].spent;
			s->reserved = b->b[j].reserved;
			s->inflight = b->b[j].inflight;
			roll(b, s, now);
		} else {
			struct tg_ledger_filter f;

			s->serial = b->next_serial++;
			tg_budgets_window(b, s->def.window, now, &s->start, &s->end);
			ledger_filter(&s->def.scope, &f);
			if (b->ledger && tg_ledger_sum(b->ledger, &f, s->start, s->end, &s->spent, err)) {
				pthread_mutex_unlock(&b->lock);
				free(nb);
				free(nr);
				return tg_err_prefix(err, "budget %s", s->def.id);
			}
		}
	}
	for (size_t i = 0; i < nlimits; i++) {
		nr[i].def = limits[i];
		for (size_t j = 0; j < b->nr; j++)
			if (strcmp(b->r[j].def.id, limits[i].id) == 0) {
				memcpy(nr[i].slot_sec, b->r[j].slot_sec, sizeof(nr[i].slot_sec));
				memcpy(nr[i].slot_req, b->r[j].slot_req, sizeof(nr[i].slot_req));
				memcpy(nr[i].slot_tok, b->r[j].slot_tok, sizeof(nr[i].slot_tok));
				break;
			}
	}
	free(b->b);
	free(b->r);
	b->b = nb;
	b->nb = n;
	b->r = nr;
	b->nr = nlimits;
	pthread_mutex_unlock(&b->lock);
	return 0;
}

/* Sliding minute: requests and tokens in the 60 one-second slots ending now. */
static void rate_sums(struct limit_state *l, int64_t sec, uint64_t *req, uint64_t *tok)
{
	*req = *tok = 0;
	for (int i = 0; i < RATE_SLOTS; i++) {
		if (l->slot_sec[i] > sec - RATE_SLOTS && l->slot_sec[i] <= sec) {
			*req += l->slot_req[i];
			*tok += l->slot_tok[i];
		}
	}
}

/* Seconds until the window's sum of requests (or tokens) drops to at most max - need. */
static uint32_t rate_wait(struct limit_state *l, int64_t sec, bool tokens, uint64_t max, uint64_t need)
{
	uint64_t req, tok, cur;

	rate_sums(l, sec, &req, &tok);
	cur = tokens ? tok : req;
	for (int64_t t = sec - RATE_SLOTS + 1; t <= sec; t++) {
		int i = (int)(((t % RATE_SLOTS) + RATE_SLOTS) % RATE_SLOTS);

		if (l->slot_sec[i] == t)
			cur -= tokens ? l->slot_tok[i] : l->slot_req[i];
		if (cur + need <= max)
			return (uint32_t)(t + RATE_SLOTS - sec);
	}
	return RATE_SLOTS;
}

static void rate_add(struct limit_state *l, int64_t sec, uint64_t req, uint64_t tok)
{
	int i = (int)(((sec % RATE_SLOTS) + RATE_SLOTS) % RATE_SLOTS);

	if (l->slot_sec[i] != sec) {
		l->slot_sec[i] = sec;
		l->slot_req[i] = 0;
		l->slot_tok[i] = 0;
	}
	l->slot_req[i] += req;
	l->slot_tok[i] += tok;
}

static void verdict_init(struct tg_verdict *v)
{
	memset(v, 0, sizeof(*v));
	v->room = INT64_MAX;
}

void tg_budgets_check_rate(struct tg_budgets *b, const struct tg_who *who, uint64_t est_tokens, int64_t now,
			   struct tg_verdict *v)
{
	int64_t sec = now / 1000;

	verdict_init(v);
	pthread_mutex_lock(&b->lock);
	for (size_t i = 0; i < b->nr; i++) {
		struct limit_state *l = &b->r[i];
		uint64_t req, tok;
		uint32_t wait = 0;
		char what[120] = "";

		if (!tg_scope_matches(&l->def.scope, who))
			continue;
		rate_sums(l, sec, &req, &tok);
		if (l->def.rpm && req + 1 > l->def.rpm) {
			wait = rate_wait(l, sec, false, l->def.rpm, 1);
			snprintf(what, sizeof(what), "%u requests per minute", l->def.rpm);
		} else if (l->def.tpm && tok + est_tokens > l->def.tpm && tok > 0) {
			wait = rate_wait(l, sec, true, l->def.tpm, est_tokens > l->def.tpm ? l->def.tpm : est_tokens);
			snprintf(what, sizeof(what), "%u tokens per minute (%llu used in the last minute)", l->def.tpm,
				 (unsigned long long)tok);
		}
		if (!what[0])
			continue;
		if (l->def.monitor) {
			if (v->nwould_block < TG_ARRAY_LEN(v->would_block))
				snprintf(v->would_block[v->nwould_block++], sizeof(v->would_block[0]), "%s", l->def.id);
			continue;
		}
		if (!v->status) {
			v->status = 429;
			v->retry_after_s = wait ? wait : 1;
			snprintf(v->budget, sizeof(v->budget), "%s", l->def.id);
			snprintf(v->message, sizeof(v->message),
				 "tollgate: rate limit for %.200s reached: %s; retry in %u s", l->def.id, what,
				 v->retry_after_s);
		}
	}
	if (!v->status) {
		/* count the request now, so concurrent callers see it */
		for (size_t i = 0; i < b->nr; i++)
			if (tg_scope_matches(&b->r[i].def.scope, who))
				rate_add(&b->r[i], sec, 1, 0);
	}
	pthread_mutex_unlock(&b->lock);
}

static void refusal(struct tg_budgets *b, struct budget_state *s, int64_t amount, bool held, struct tg_verdict *v)
{
	char lim[32], spent[32], need[32], res[32], reset[40];

	tg_usd_format(s->def.limit_nusd, lim, sizeof(lim));
	tg_usd_format(s->spent, spent, sizeof(spent));
	tg_usd_format(amount, need, sizeof(need));
	tg_usd_format(s->reserved, res, sizeof(res));
	format_time(b, s->end, reset, sizeof(reset));
	snprintf(v->budget, sizeof(v->budget), "%s", s->def.id);
	v->limit = s->def.limit_nusd;
	v->spent = s->spent;
	v->reserved = s->reserved;
	if (held) {
		v->status = 429;
		v->retry_after_s = 1;
		snprintf(v->message, sizeof(v->message),
			 "tollgate: budget %.200s: limit %s, spent %s, and %u calls in flight hold %s; this call needs up "
			 "to %s. Retry when they finish (retry in 1 s)", s->def.id, lim, spent, s->inflight, res, need);
	} else {
		v->status = 402;
		snprintf(v->message, sizeof(v->message),
			 "tollgate: budget %.200s exceeded: limit %s, spent %s, this call needs up to %s; the window "
			 "resets %s%s", s->def.id, lim, spent, need, s->end == INT64_MAX ? "" : "at ", reset);
	}
}

void tg_budgets_reserve(struct tg_budgets *b, const struct tg_who *who, int64_t amount, int64_t now,
			struct tg_hold *hold, struct tg_verdict *v)
{
	struct budget_state *over = NULL, *heldby = NULL;
	size_t n = 0;

	verdict_init(v);
	memset(hold, 0, sizeof(*hold));
	pthread_mutex_lock(&b->lock);
	for (size_t i = 0; i < b->nb; i++) {
		struct budget_state *s = &b->b[i];
		bool is_over, is_held;

		if (!tg_scope_matches(&s->def.scope, who))
			continue;
		roll(b, s, now);
		n++;
		is_over = s->spent + amount > s->def.limit_nusd;
		is_held = !is_over && s->spent + s->reserved + amount > s->def.limit_nusd;
		if (s->def.monitor) {
			if ((is_over || is_held) && v->nwould_block < TG_ARRAY_LEN(v->would_block))
				snprintf(v->would_block[v->nwould_block++], sizeof(v->would_block[0]), "%s", s->def.id);
			continue;
		}
		if (s->def.limit_nusd - s->spent - s->reserved < v->room)
			v->room = s->def.limit_nusd - s->spent - s->reserved;
		if (is_over && (!over || s->def.limit_nusd - s->spent < over->def.limit_nusd - over->spent))
			over = s;
		if (is_held && !heldby)
			heldby = s;
	}
	v->napplied = n;
	if (over || heldby) {
		refusal(b, over ? over : heldby, amount, !over, v);
		pthread_mutex_unlock(&b->lock);
		return;
	}
	hold->amount = amount;
	hold->serials = n ? calloc(n, sizeof(*hold->serials)) : NULL;
	for (size_t i = 0; i < b->nb && hold->serials; i++) {
		struct budget_state *s = &b->b[i];

		if (!tg_scope_matches(&s->def.scope, who))
			continue;
		s->reserved += amount;
		s->inflight++;
		hold->serials[hold->n++] = s->serial;
	}
	pthread_mutex_unlock(&b->lock);
}

/* Give back what hold reserved. Called with the lock held. */
static void unhold(struct tg_budgets *b, struct tg_hold *hold)
{
	for (size_t k = 0; k < hold->n; k++)
		for (size_t i = 0; i < b->nb; i++) {
			struct budget_state *s = &b->b[i];

			if (s->serial != hold->serials[k])
				continue;
			s->reserved = s->reserved > hold->amount ? s->reserved - hold->amount : 0;
			if (s->inflight)
				s->inflight--;
		}
	free(hold->serials);
	memset(hold, 0, sizeof(*hold));
}

void tg_budgets_settle(struct tg_budgets *b, const struct tg_who *who, struct tg_hold *hold, int64_t cost,
		       uint64_t tokens, int64_t now, char *charged, size_t size)
{
	size_t used = 0;

	if (charged && size)
		charged[0] = 0;
	pthread_mutex_lock(&b->lock);
	unhold(b, hold);
	for (size_t i = 0; i < b->nb; i++) {
		struct budget_state *s = &b->b[i];

		if (!tg_scope_matches(&s->def.scope, who))
			continue;
		roll(b, s, now);
		s->spent += cost;
		if (charged && used + 2 < size) {
			int k = snprintf(charged + used, size - used, "%s%s", used ? "," : "", s->def.id);

			used = k > 0 && (size_t)k < size - used ? used + (size_t)k : size - 1;
		}
	}
	for (size_t i = 0; i < b->nr && tokens; i++)
		if (tg_scope_matches(&b->r[i].def.scope, who))
			rate_add(&b->r[i], now / 1000, 0, tokens);
	pthread_mutex_unlock(&b->lock);
}

void tg_budgets_release(struct tg_budgets *b, struct tg_hold *hold)
{
	pthread_mutex_lock(&b->lock);
	unhold(b, hold);
	pthread_mutex_unlock(&b->lock);
}

static double usd(int64_t nusd)
{
	return (double)nusd / (double)TG_NUSD_PER_USD;
}

cJSON *tg_budgets_json(struct tg_budgets *b, int64_t now)
{
	cJSON *o = cJSON_CreateObject(), *arr, *x;
	char when[40];

	cJSON_AddStringToObject(o, "timezone", b->timezone);
	arr = cJSON_AddArrayToObject(o, "budgets");
	pthread_mutex_lock(&b->lock);
	for (size_t i = 0; i < b->nb; i++) {
		struct budget_state *s = &b->b[i];
		int64_t left;

		roll(b, s, now);
		left = s->def.limit_nusd - s->spent - s->reserved;
		x = tg_budget_def_json(&s->def);
		cJSON_AddStringToObject(x, "id", s->def.id);
		cJSON_AddStringToObject(x, "source", s->def.from_policy ? "policy" : "admin");
		cJSON_AddNumberToObject(x, "spent_usd", usd(s->spent));
		cJSON_AddNumberToObject(x, "reserved_usd", usd(s->reserved));
		cJSON_AddNumberToObject(x, "in_flight", s->inflight);
		cJSON_AddNumberToObject(x, "remaining_usd", usd(left > 0 ? left : 0));
		cJSON_AddNumberToObject(x, "used_fraction",
					s->def.limit_nusd ? (double)s->spent / (double)s->def.limit_nusd : 1.0);
		format_time(b, s->start, when, sizeof(when));
		cJSON_AddStringToObject(x, "window_start", s->end == INT64_MAX ? "" : when);
		format_time(b, s->end, when, sizeof(when));
		cJSON_AddStringToObject(x, "resets_at", s->end == INT64_MAX ? "never" : when);
		cJSON_AddItemToArray(arr, x);
	}
	arr = cJSON_AddArrayToObject(o, "rate_limits");
	for (size_t i = 0; i < b->nr; i++) {
		struct limit_state *l = &b->r[i];
		uint64_t req, tok;

		rate_sums(l, now / 1000, &req, &tok);
		x = cJSON_CreateObject();
		cJSON_AddStringToObject(x, "id", l->def.id);
		if (l->def.rpm)
			cJSON_AddNumberToObject(x, "rpm", l->def.rpm);
		if (l->def.tpm)
			cJSON_AddNumberToObject(x, "tpm", l->def.tpm);
		cJSON_AddStringToObject(x, "mode", l->def.monitor ? "monitor" : "enforce");
		cJSON_AddStringToObject(x, "source", l->def.from_policy ? "policy" : "admin");
		cJSON_AddNumberToObject(x, "requests_last_minute", (double)req);
		cJSON_AddNumberToObject(x, "tokens_last_minute", (double)tok);
		cJSON_AddItemToArray(arr, x);
	}
	pthread_mutex_unlock(&b->lock);
	return o;
}
