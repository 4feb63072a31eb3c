/*
 * prices.c - load, look up and apply model prices (see prices.h).
 */
#include "prices.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "jsonfile.h"

#define MAX_PRICE 1000000.0 /* USD per million tokens: anything above is a typo */

static int index_rows(struct tg_prices *p, tg_err *err);

static int price_number(const cJSON *item, double *out, tg_err *err)
{
	if (!cJSON_IsNumber(item))
		return tg_errf(err, "expected a number (USD per million tokens), got %s", tg_json_type_name(item));
	if (!(item->valuedouble >= 0) || item->valuedouble > MAX_PRICE)
		return tg_errf(err, "must be between 0 and %.0f, got %g", MAX_PRICE, item->valuedouble);
	*out = item->valuedouble;
	return 0;
}

static int copy_string(const cJSON *item, char *out, size_t size, bool may_be_empty, tg_err *err)
{
	const char *s;

	if (tg_json_string(item, &s, err))
		return -1;
	if (!may_be_empty && !*s)
		return tg_errf(err, "must not be empty");
	if (tg_strlcpy(out, s, size) < 0)
		return tg_errf(err, "too long (at most %zu bytes)", size - 1);
	return 0;
}

/* One row: {"provider", "model", "input", "output", ...}. fallback rows have no provider/model. */
static int parse_row(const cJSON *o, struct tg_price *r, bool fallback, tg_err *err)
{
	static const char *const keys[] = {"provider", "model", "input", "cached_input", "cache_write",
					   "output", "long_context_threshold", "input_long",
					   "cached_input_long", "cache_write_long", "output_long",
					   "max_output_tokens", "source", "date", NULL};
	const cJSON *it;
	bool have_cached = false, have_write = false;

	memset(r, 0, sizeof(*r));
	r->fallback = fallback;
	if (!cJSON_IsObject(o))
		return tg_errf(err, "expected an object, got %s", tg_json_type_name(o));
	if (tg_json_check_keys(o, keys, err))
		return -1;
	cJSON_ArrayForEach(it, o) {
		const char *k = it->string;
		int rc = 0;

		if (tg_json_is_comment(k))
			continue;
		if (strcmp(k, "provider") == 0)
			rc = copy_string(it, r->provider, sizeof(r->provider), false, err);
		else if (strcmp(k, "model") == 0)
			rc = copy_string(it, r->model, sizeof(r->model), false, err);
		else if (strcmp(k, "input") == 0)
			rc = price_number(it, &r->input, err);
		else if (strcmp(k, "cached_input") == 0)
			rc = price_number(it, &r->cached_input, err), have_cached = true;
		else if (strcmp(k, "cache_write") == 0)
			rc = price_number(it, &r->cache_write, err), have_write = true;
		else if (strcmp(k, "output") == 0)
			rc = price_number(it, &r->output, err);
		else if (strcmp(k, "long_context_threshold") == 0)
			rc = tg_json_uint(it, 1, 1ull << 40, &r->long_threshold, err);
		else if (strcmp(k, "input_long") == 0)
			rc = price_number(it, &r->input_long, err);
		else if (strcmp(k, "cached_input_long") == 0)
			rc = price_number(it, &r->cached_input_long, err);
		else if (strcmp(k, "cache_write_long") == 0)
			rc = price_number(it, &r->cache_write_long, err);
		else if (strcmp(k, "output_long") == 0)
			rc = price_number(it, &r->output_long, err);
		else if (strcmp(k, "max_output_tokens") == 0)
			rc = tg_json_uint(it, 1, 1ull << 32, &r->max_output_tokens, err);
		else if (strcmp(k, "source") == 0)
			rc = copy_string(it, r->source, sizeof(r->source), false, err);
		else if (strcmp(k, "date") == 0)
			rc = copy_string(it, r->date, sizeof(r->date), false, err);
		if (rc)
			return tg_err_prefix(err, "\"%s\"", k);
	}
	if (!fallback && (!r->provider[0] || !r->model[0]))
		return tg_errf(err, "\"provider\" and \"model\" are required");
	if (!cJSON_GetObjectItemCaseSensitive(o, "input") || !cJSON_GetObjectItemCaseSensitive(o, "output"))
		return tg_errf(err, "\"input\" and \"output\" prices are required");
	if (!r->source[0] || !r->date[0])
		return tg_errf(err, "\"source\" and \"date\" are required (where the price comes from, and when)");
	if (!have_cached)
		r->cached_input = r->input;
	if (!have_write)
		r->cache_write = r->input;
	if (r->long_threshold) {
		if (!cJSON_GetObjectItemCaseSensitive(o, "input_long") ||
		    !cJSON_GetObjectItemCaseSensitive(o, "output_long"))
			return tg_errf(err, "\"long_context_threshold\" needs \"input_long\" and \"output_long\"");
		if (!cJSON_GetObjectItemCaseSensitive(o, "cached_input_long"))
			r->cached_input_long = r->input_long * (r->input > 0 ? r->cached_input / r->input : 1);
		if (!cJSON_GetObjectItemCaseSensitive(o, "cache_write_long"))
			r->cache_write_long = r->input_long * (r->input > 0 ? r->cache_write / r->input : 1);
	}
	return 0;
}

int tg_prices_parse(const cJSON *root, const char *name, struct tg_prices *p, tg_err *err)
{
	static const char *const keys[] = {"version", "models", "aliases", "fallback", NULL};
	const cJSON *models, *aliases, *fb, *it, *ver;
	struct tg_prices np = {0};
	size_t i = 0;
	uint64_t v;

	if (!cJSON_IsObject(root))
		return tg_errf(err, "%s: expected a JSON object at the top level", name);
	if (tg_json_check_keys(root, keys, err))
		return tg_err_prefix(err, "%s", name);
	ver = cJSON_GetObjectItemCaseSensitive(root, "version");
	if (!ver || tg_json_uint(ver, 1, 1, &v, err))
		return tg_errf(err, "%s: \"version\" must be 1", name);
	models = cJSON_GetObjectItemCaseSensitive(root, "models");
	if (!cJSON_IsArray(models))
		return tg_errf(err, "%s: \"models\" must be an array of price rows", name);
	np.v = calloc((size_t)cJSON_GetArraySize(models) + 1, sizeof(*np.v));
	if (!np.v)
		return tg_errf(err, "%s: out of memory", name);
	cJSON_ArrayForEach(it, models) {
		if (parse_row(it, &np.v[i], false, err)) {
			tg_err_prefix(err, "%s: \"models[%zu]\"", name, i);
			goto fail;
		}
		for (size_t j = 0; j < i; j++)
			if (strcasecmp(np.v[j].provider, np.v[i].provider) == 0 &&
			    strcasecmp(np.v[j].model, np.v[i].model) == 0) {
				tg_errf(err, "%s: \"models[%zu]\": %s %s is priced twice (also at models[%zu])",
					name, i, np.v[i].provider, np.v[i].model, j);
				goto fail;
			}
		i++;
	}
	np.n = i;
	aliases = cJSON_GetObjectItemCaseSensitive(root, "aliases");
	if (aliases) {
		if (!cJSON_IsObject(aliases) || tg_json_check_keys(aliases, NULL, err)) {
			tg_errf(err, "%s: \"aliases\" must be an object of \"model\" (or \"provider:model\") -> \"model\"", name);
			goto fail;
		}
		np.aliases = calloc((size_t)cJSON_GetArraySize(aliases) + 1, sizeof(*np.aliases));
		if (!np.aliases) {
			tg_errf(err, "%s: out of memory", name);
			goto fail;
		}
		cJSON_ArrayForEach(it, aliases) {
			struct tg_price_alias *a = &np.aliases[np.naliases];

			if (tg_json_is_comment(it->string))
				continue;
			if (tg_strlcpy(a->from, it->string, sizeof(a->from)) < 0 ||
			    copy_string(it, a->to, sizeof(a->to), false, err)) {
				tg_errf(err, "%s: \"aliases.%.64s\": expected a model name", name, it->string);
				goto fail;
			}
			np.naliases++;
		}
	}
	fb = cJSON_GetObjectItemCaseSensitive(root, "fallback");
	if (fb) {
		if (parse_row(fb, &np.fallback, true, err)) {
			tg_err_prefix(err, "%s: \"fallback\"", name);
			goto fail;
		}
		tg_strlcpy(np.fallback.model, "(fallback)", sizeof(np.fallback.model));
		np.have_fallback = true;
	}
	if (index_rows(&np, err)) {
		tg_err_prefix(err, "%s", name);
		goto fail;
	}
	tg_strlcpy(np.path, name, sizeof(np.path));
	tg_prices_free(p);
	*p = np;
	return 0;
fail:
	tg_prices_free(&np);
	return -1;
}

int tg_prices_load(const char *path, struct tg_prices *p, tg_err *err)
{
	cJSON *root = tg_json_load_file(path, err);
	int rc;

	if (!root)
		return -1;
	rc = tg_prices_parse(root, path, p, err);
	cJSON_Delete(root);
	return rc;
}

void tg_prices_free(struct tg_prices *p)
{
	free(p->v);
	free(p->by_name);
	free(p->aliases);
	free(p->aliases_by_name);
	memset(p, 0, sizeof(*p));
}

int tg_prices_merge(struct tg_prices *p, const struct tg_prices *over, tg_err *err)
{
	struct tg_price *v = realloc(p->v, (p->n + over->n + 1) * sizeof(*v));

	if (!v)
		return tg_errf(err, "out of memory");
	p->v = v;
	for (size_t i = 0; i < over->n; i++) {
		size_t j;

		for (j = 0; j < p->n; j++)
			if (strcasecmp(p->v[j].provider, over->v[i].provider) == 0 &&
			    strcasecmp(p->v[j].model, over->v[i].model) == 0)
				break;
		p->v[j] = over->v[i];
		if (j == p->n)
			p->n++;
	}
	return index_rows(p, err);
}

/* ---- lookup ----------------------------------------------------------- */

/* Order of rows by name: the model, then the provider, ignoring case. */
static int name_cmp(const char *provider, const char *model, const struct tg_price *r)
{
	int c = strcasecmp(model, r->model);

	return c ? c : strcasecmp(provider, r->provider);
}

static int index_cmp(const void *a, const void *b, void *rows)
{
	const struct tg_price *v = rows, *x = &v[*(const size_t *)a], *y = &v[*(const size_t *)b];

	return name_cmp(x->provider, x->model, y);
}

static int alias_cmp(const void *a, const void *b, void *aliases)
{
	const struct tg_price_alias *v = aliases;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcasecmp(v[x].from, v[y].from);

	return c ? c : (x > y) - (x < y);
}

/* (Re)build the indexes find_exact() and alias_to() search. Without one
 * (out of memory) a lookup finds nothing, rather than reading past it. */
static int index_rows(struct tg_prices *p, tg_err *err)
{
	size_t *ix = realloc(p->by_name, (p->n + 1) * sizeof(*ix));
	size_t *ax = ix ? realloc(p->aliases_by_name, (p->naliases + 1) * sizeof(*ax)) : NULL;

	if (!ix || !ax) {
		free(ix ? ix : p->by_name);
		free(p->aliases_by_name);
		p->by_name = p->aliases_by_name = NULL;
		return tg_errf(err, "out of memory");
	}
	for (size_t i = 0; i < p->n; i++)
		ix[i] = i;
	for (size_t i = 0; i < p->naliases; i++)
		ax[i] = i;
	p->by_name = ix;
	p->aliases_by_name = ax;
	qsort_r(ix, p->n, sizeof(*ix), index_cmp, p->v);
	qsort_r(ax, p->naliases, sizeof(*ax), alias_cmp, p->aliases);
	return 0;
}

static const struct tg_price *find_exact(const struct tg_prices *p, const char *provider, const char *model)
{
	size_t lo = 0, hi = p->by_name ? p->n : 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct tg_price *r = &p->v[p->by_name[mid]];
		int c = name_cmp(provider, model, r);

		if (c == 0)
			return r;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* The first alias (in file order) from name, or NULL. */
static const char *alias_to(const struct tg_prices *p, const char *name)
{
	size_t lo = 0, hi = p->aliases_by_name ? p->naliases : 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcasecmp(name, p->aliases[p->aliases_by_name[mid]].from);

		if (c < 0) {
			hi = mid;
		} else if (c > 0) {
			lo = mid + 1;
		} else {
			while (mid > 0 && strcasecmp(name, p->aliases[p->aliases_by_name[mid - 1]].from) == 0)
				mid--;
			return p->aliases[p->aliases_by_name[mid]].to;
		}
	}
	return NULL;
}

static const char *find_alias(const struct tg_prices *p, const char *provider, const char *model)
{
	size_t pl = strlen(provider), ml = strlen(model);
	const char *to = NULL;
	char key[200];

	if (pl + 1 + ml < sizeof(key)) { /* "provider:model" first */
		memcpy(key, provider, pl);
		key[pl] = ':';
		memcpy(key + pl + 1, model, ml + 1);
		to = alias_to(p, key);
	}
	return to ? to : alias_to(p, model);
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return n > 0;
}

/* Take one snapshot suffix off m (in place). false when there is none. */
static bool strip_snapshot(char *m)
{
	size_t n = strlen(m);

	if (n > 7 && strcasecmp(m + n - 7, "-latest") == 0) {
		m[n - 7] = 0;
		return true;
	}
	/* -YYYY-MM-DD */
	if (n > 11 && m[n - 11] == '-' && digits(m + n - 10, 4) && m[n - 6] == '-' &&
	    digits(m + n - 5, 2) && m[n - 3] == '-' && digits(m + n - 2, 2)) {
		m[n - 11] = 0;
		return true;
	}
	/* -YYYYMMDD or @YYYYMMDD */
	if (n > 9 && (m[n - 9] == '-' || m[n - 9] == '@') && digits(m + n - 8, 8)) {
		m[n - 9] = 0;
		return true;
	}
	/* -MM-DD (previews: gemini-2.5-flash-preview-05-20) */
	if (n > 6 && m[n - 6] == '-' && digits(m + n - 5, 2) && m[n - 3] == '-' && digits(m + n - 2, 2)) {
		m[n - 6] = 0;
		return true;
	}
	/* -NNNN (gpt-4-0613, mistral-large-2411) or -NNN (gemini-1.5-pro-002) */
	for (size_t k = 4; k >= 3; k--) {
		if (n > k + 1 && m[n - k - 1] == '-' && digits(m + n - k, k) && !isdigit((unsigned char)m[n - k - 2])) {
			m[n - k - 1] = 0;
			return true;
		}
	}
	if (n > 8 && strcasecmp(m + n - 8, "-preview") == 0) {
		m[n - 8] = 0;
		return true;
	}
	return false;
}

static const struct tg_price *find_one(const struct tg_prices *p, const char *provider, const char *model,
				       const char **how)
{
	char m[160];
	const struct tg_price *r;
	const char *to;

	if ((r = find_exact(p, provider, model))) {
		*how = "exact";
		return r;
	}
	if ((to = find_alias(p, provider, model)) && (r = find_exact(p, provider, to))) {
		*how = "alias";
		return r;
	}
	tg_strlcpy(m, model, sizeof(m));
	while (strip_snapshot(m)) {
		if ((r = find_exact(p, provider, m)) ||
		    ((to = find_alias(p, provider, m)) && (r = find_exact(p, provider, to)))) {
			*how = "snapshot";
			return r;
		}
	}
	return NULL;
}

/* OpenRouter-style "vendor/model" -> our provider name for the vendor. */
static const char *vendor_provider(const char *vendor, size_t n)
{
	static const char *const map[][2] = {
		{"openai", "openai"}, {"anthropic", "anthropic"}, {"google", "gemini"},
		{"mistralai", "mistral"}, {"x-ai", "xai"}, {"deepseek", "deepseek"},
	};

	for (size_t i = 0; i < TG_ARRAY_LEN(map); i++)
		if (strlen(map[i][0]) == n && strncasecmp(vendor, map[i][0], n) == 0)
			return map[i][1];
	return NULL;
}

const struct tg_price *tg_prices_find(const struct tg_prices *p, const char *provider,
				      const char *model, const char **how)
{
	const struct tg_price *r;
	const char *dummy, *slash;

	if (!how)
		how = &dummy;
	if (!model || !*model)
		return NULL;
	if (strncmp(model, "models/", 7) == 0)
		model += 7; /* Gemini resource names */
	if ((r = find_one(p, provider, model, how)))
		return r;
	if (strcmp(provider, "azure-openai") == 0) {
		/* Azure's own names first ("azure-openai:gpt-35-turbo"), then OpenAI's */
		const char *to = find_alias(p, provider, model);

		if ((to && (r = find_one(p, "openai", to, how))) || (r = find_one(p, "openai", model, how))) {
			*how = "parent";
			return r;
		}
	}
	slash = strchr(model, '/');
	if (slash && strcmp(provider, "openrouter") == 0) {
		const char *vp = vendor_provider(model, (size_t)(slash - model));
		char base[160];

		/* "anthropic/claude-sonnet-4.5" -> "claude-sonnet-4-5" (OpenRouter writes dots) */
		tg_strlcpy(base, slash + 1, sizeof(base));
		if (vp && (r = find_one(p, vp, base, how))) {
			*how = "parent";
			return r;
		}
		for (char *d = base; *d; d++)
			if (*d == '.' && vp && strcmp(vp, "anthropic") == 0)
				*d = '-';
		if (vp && (r = find_one(p, vp, base, how))) {
			*how = "parent";
			return r;
		}
	}
	return NULL;
}

/* ---- cost ------------------------------------------------------------- */

static int64_t nusd(uint64_t tokens, double usd_per_million)
{
	/* tokens * USD/1M * 1e9 nUSD/USD = tokens * price * 1000 */
	return (int64_t)llround((double)tokens * usd_per_million * 1000.0);
}

int64_t tg_price_cost(const struct tg_price *p, const struct tg_call_usage *u)
{
	bool lng = p->long_threshold && u->input_tokens > p->long_threshold;
	uint64_t cached = u->cached_input_tokens, write = u->cache_write_tokens;
	uint64_t plain;

	if (cached + write > u->input_tokens) {
		/* inconsistent report: never charge less than the parts */
		plain = 0;
	} else {
		plain = u->input_tokens - cached - write;
	}
	return nusd(plain, lng ? p->input_long : p->input) +
	       nusd(cached, lng ? p->cached_input_long : p->cached_input) +
	       nusd(write, lng ? p->cache_write_long : p->cache_write) +
	       nusd(u->output_tokens, lng ? p->output_long : p->output);
}

static double max2(double a, double b)
{
	return a > b ? a : b;
}

double tg_price_max_input(const struct tg_price *p)
{
	double m = max2(p->input, max2(p->cached_input, p->cache_write));

	if (p->long_threshold)
		m = max2(m, max2(p->input_long, max2(p->cached_input_long, p->cache_write_long)));
	return m;
}

double tg_price_max_output(const struct tg_price *p)
{
	return p->long_threshold ? max2(p->output, p->output_long) : p->output;
}

void tg_usd_format(int64_t v, char *out, size_t size)
{
	const char *sign = v < 0 ? "-" : "";
	uint64_t a = v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
	uint64_t whole = a / TG_NUSD_PER_USD, frac = a % TG_NUSD_PER_USD;
	char f[16];
	int keep = 6;

	snprintf(f, sizeof(f), "%09llu", (unsigned long long)frac);
	while (keep > 2 && f[keep - 1] == '0')
		keep--;
	snprintf(out, size, "%s$%llu.%.*s", sign, (unsigned long long)whole, keep, f);
}

/* ---- LiteLLM import --------------------------------------------------- */

/* LiteLLM's litellm_provider -> our registry name. */
static const char *litellm_provider(const char *lp)
{
	static const char *const map[][2] = {
		{"openai", "openai"}, {"text-completion-openai", "openai"}, {"anthropic", "anthropic"},
		{"gemini", "gemini"}, {"azure", "azure-openai"}, {"azure_text", "azure-openai"},
		{"mistral", "mistral"}, {"codestral", "mistral"}, {"text-completion-codestral", "mistral"},
		{"groq", "groq"}, {"deepseek", "deepseek"}, {"xai", "xai"}, {"openrouter", "openrouter"},
		{"together_ai", "together"}, {"fireworks_ai", "fireworks"},
		{"fireworks_ai-embedding-models", "fireworks"},
	};

	for (size_t i = 0; i < TG_ARRAY_LEN(map); i++)
		if (strcmp(lp, map[i][0]) == 0)
			return map[i][1];
	return NULL;
}

static bool in_list(const char *s, const char *const *list)
{
	for (; list && *list; list++)
		if (strcmp(s, *list) == 0)
			return true;
	return !list;
}

static double per_million(const cJSON *o, const char *key, bool *have)
{
	const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, key);

	*have = cJSON_IsNumber(x) && x->valuedouble >= 0;
	/* per token -> per million, rounded to 1e-6 USD/1M against float noise */
	return *have ? round(x->valuedouble * 1e6 * 1e6) / 1e6 : 0;
}

static bool row_exists(const cJSON *models, const char *prov, const char *model)
{
	const cJSON *r;

	cJSON_ArrayForEach(r, models)
		if (strcasecmp(cJSON_GetStringValue(cJSON_GetObjectItem(r, "provider")), prov) == 0 &&
		    strcasecmp(cJSON_GetStringValue(cJSON_GetObjectItem(r, "model")), model) == 0)
			return true;
	return false;
}

cJSON *tg_prices_from_litellm(const cJSON *litellm, const char *const *providers, const char *date,
			      size_t *skipped, tg_err *err)
{
	cJSON *doc, *models;
	const cJSON *e;

	*skipped = 0;
	if (!cJSON_IsObject(litellm)) {
		tg_errf(err, "expected LiteLLM's model_prices_and_context_window.json: an object of model name -> prices");
		return NULL;
	}
	doc = cJSON_CreateObject();
	cJSON_AddNumberToObject(doc, "version", 1);
	models = cJSON_AddArrayToObject(doc, "models");
	cJSON_ArrayForEach(e, litellm) {
		const char *lp = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "litellm_provider"));
		const char *mode = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "mode"));
		const char *prov = lp ? litellm_provider(lp) : NULL;
		const char *name = e->string, *slash;
		const cJSON *mo;
		bool hin, hout, hc, hw, h;
		double in, out, cached, write;
		cJSON *row;
		char model[128];

		if (!cJSON_IsObject(e) || strcmp(name, "sample_spec") == 0) {
			continue;
		}
		if (!prov || !in_list(prov, providers) ||
		    (mode && strcmp(mode, "chat") != 0 && strcmp(mode, "completion") != 0 &&
		     strcmp(mode, "embedding") != 0 && strcmp(mode, "responses") != 0)) {
			(*skipped)++;
			continue;
		}
		in = per_million(e, "input_cost_per_token", &hin);
		out = per_million(e, "output_cost_per_token", &hout);
		if (!hin) {
			(*skipped)++;
			continue;
		}
		/* LiteLLM keys are "model" or "provider/model" */
		slash = strchr(name, '/');
		if (slash && lp && strncmp(name, lp, (size_t)(slash - name)) == 0 && name[strlen(lp)] == '/')
			name = slash + 1;
		if (tg_strlcpy(model, name, sizeof(model)) < 0 || !model[0]) {
			(*skipped)++;
			continue;
		}
		if (row_exists(models, prov, model)) {
			(*skipped)++;
			continue;
		}
		cached = per_million(e, "cache_read_input_token_cost", &hc);
		write = per_million(e, "cache_creation_input_token_cost", &hw);
		row = cJSON_CreateObject();
		cJSON_AddStringToObject(row, "provider", prov);
		cJSON_AddStringToObject(row, "model", model);
		cJSON_AddNumberToObject(row, "input", in);
		if (hc)
			cJSON_AddNumberToObject(row, "cached_input", cached);
		if (hw)
			cJSON_AddNumberToObject(row, "cache_write", write);
		cJSON_AddNumberToObject(row, "output", hout ? out : 0);
		{
			double il = per_million(e, "input_cost_per_token_above_200k_tokens", &h);
			bool hol;
			double ol = per_million(e, "output_cost_per_token_above_200k_tokens", &hol);

			if (h && hol) {
				cJSON_AddNumberToObject(row, "long_context_threshold", 200000);
				cJSON_AddNumberToObject(row, "input_long", il);
				cJSON_AddNumberToObject(row, "output_long", ol);
			}
		}
		mo = cJSON_GetObjectItemCaseSensitive(e, "max_output_tokens");
		if (!cJSON_IsNumber(mo))
			mo = cJSON_GetObjectItemCaseSensitive(e, "max_tokens");
		if (cJSON_IsNumber(mo) && mo->valuedouble >= 1 && mo->valuedouble <= 4294967296.0)
			cJSON_AddNumberToObject(row, "max_output_tokens", floor(mo->valuedouble));
		cJSON_AddStringToObject(row, "source", "LiteLLM model_prices_and_context_window.json");
		cJSON_AddStringToObject(row, "date", date);
		cJSON_AddItemToArray(models, row);
	}
	return doc;
}
