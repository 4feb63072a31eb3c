/*
 * cli_prices.c - `tollgate prices`: look up, list, reload and import model
 * prices.
 *
 *   tollgate prices show MODEL [--provider NAME]   the row a model is priced by
 *   tollgate prices list [--provider NAME]          the rows of a provider
 *   tollgate prices import FILE [--date YYYY-MM-DD] rows from LiteLLM's
 *                       model_prices_and_context_window.json, for the
 *                       providers in the registry; kept in the state dir
 *                       and in force at once
 *   tollgate prices reload                          re-read the price files
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "cli.h"
#include "jsonfile.h"
#include "prices.h"
#include "providers.h"

static int usage(void)
{
	fprintf(stderr, "usage: tollgate prices show MODEL [--provider NAME]\n"
			"       tollgate prices list [--provider NAME]\n"
			"       tollgate prices import FILE [--date YYYY-MM-DD]\n"
			"       tollgate prices reload\n");
	return 2;
}

static void print_row(cJSON *r)
{
	printf("%-12s %-44s in %9.4f  cached %9.4f  cache write %9.4f  out %9.4f  (USD/1M)  %s, %s [%s]\n",
	       cJSON_GetStringValue(cJSON_GetObjectItem(r, "provider")),
	       cJSON_GetStringValue(cJSON_GetObjectItem(r, "model")),
	       cJSON_GetNumberValue(cJSON_GetObjectItem(r, "input")),
	       cJSON_GetNumberValue(cJSON_GetObjectItem(r, "cached_input")),
	       cJSON_GetNumberValue(cJSON_GetObjectItem(r, "cache_write")),
	       cJSON_GetNumberValue(cJSON_GetObjectItem(r, "output")),
	       cJSON_GetStringValue(cJSON_GetObjectItem(r, "source")),
	       cJSON_GetStringValue(cJSON_GetObjectItem(r, "date")),
	       cJSON_GetStringValue(cJSON_GetObjectItem(r, "matched")));
}

static int request(const struct tg_config *cfg, const char *method, const char *path, const char *body,
		   cJSON **doc)
{
	char *resp = NULL;
	int status = 0;

	if (tg_cli_admin(cfg, method, path, body, &status, &resp))
		return 1;
	*doc = cJSON_Parse(resp);
	if (status != 200) {
		const char *e = cJSON_GetStringValue(cJSON_GetObjectItem(*doc, "error"));

		fprintf(stderr, "tollgate prices: %s\n", e ? e : resp);
		cJSON_Delete(*doc);
		*doc = NULL;
		free(resp);
		return 1;
	}
	free(resp);
	return 0;
}

static int import(const struct tg_config *cfg, const char *file, const char *date)
{
	struct tg_registry reg = {0};
	const char *names[256];
	cJSON *lite, *doc, *resp = NULL;
	size_t skipped = 0, n = 0;
	char today[16], *body;
	tg_err err;
	int rc;

	if (!date) {
		time_t t = time(NULL);
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(today, sizeof(today), "%Y-%m-%d", &tm);
		date = today;
	}
	if (tg_registry_load(cfg->providers_file, &reg, &err)) {
		fprintf(stderr, "tollgate prices import: %s\n", err.msg);
		return 1;
	}
	for (size_t i = 0; i < reg.n && n + 1 < TG_ARRAY_LEN(names); i++)
		names[n++] = reg.v[i].name;
	names[n] = NULL;
	lite = tg_json_load_file(file, &err);
	if (!lite) {
		fprintf(stderr, "tollgate prices import: %s\n", err.msg);
		tg_registry_free(&reg);
		return 1;
	}
	doc = tg_prices_from_litellm(lite, names, date, &skipped, &err);
	cJSON_Delete(lite);
	tg_registry_free(&reg);
	if (!doc) {
		fprintf(stderr, "tollgate prices import: %s: %s\n", file, err.msg);
		return 1;
	}
	body = cJSON_PrintUnformatted(doc);
	n = (size_t)cJSON_GetArraySize(cJSON_GetObjectItem(doc, "models"));
	cJSON_Delete(doc);
	rc = request(cfg, "POST", "/v1/prices/import", body, &resp);
	free(body);
	if (rc == 0)
		printf("imported %zu prices from %s (%zu entries skipped: other providers, modes or no price); "
		       "%.0f models priced now, kept in %s\n", n, file, skipped,
		       cJSON_GetNumberValue(cJSON_GetObjectItem(resp, "models")),
		       cJSON_GetStringValue(cJSON_GetObjectItem(resp, "file")));
	cJSON_Delete(resp);
	return rc;
}

int tg_cli_prices(const struct tg_config *cfg, int argc, char **argv)
{
	const char *provider = NULL, *date = NULL;
	char path[512];
	cJSON *doc = NULL, *it;
	int args = 0;
	const char *arg = NULL;

	if (argc < 2)
		return usage();
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--provider") == 0 && i + 1 < argc)
			provider = argv[++i];
		else if (strcmp(argv[i], "--date") == 0 && i + 1 < argc)
			date = argv[++i];
		else if (argv[i][0] != '-' && !args++)
			arg = argv[i];
		else
			return usage();
	}
	if (strcmp(argv[1], "import") == 0)
		return arg ? import(cfg, arg, date) : usage();
	if (strcmp(argv[1], "reload") == 0) {
		if (arg || request(cfg, "POST", "/v1/prices/reload", "{}", &doc))
			return arg ? usage() : 1;
		printf("prices reloaded: %.0f models\n", cJSON_GetNumberValue(cJSON_GetObjectItem(doc, "models")));
		cJSON_Delete(doc);
		return 0;
	}
	if (strcmp(argv[1], "show") == 0 && arg) {
		if (strpbrk(arg, "&?# ") || (provider && strpbrk(provider, "&?# ")))
			return usage();
		snprintf(path, sizeof(path), "/v1/prices?model=%s%s%s", arg, provider ? "&provider=" : "",
			 provider ? provider : "");
		if (request(cfg, "GET", path, NULL, &doc))
			return 1;
		it = cJSON_GetObjectItem(doc, "price");
		if (cJSON_IsObject(it))
			print_row(it);
		else
			printf("no price for %s, and no fallback: calls to it are refused\n", arg);
		cJSON_Delete(doc);
		return 0;
	}
	if (strcmp(argv[1], "list") == 0 && !arg) {
		if (provider && strpbrk(provider, "&?# "))
			return usage();
		snprintf(path, sizeof(path), "/v1/prices?provider=%s", provider ? provider : "openai");
		if (request(cfg, "GET", path, NULL, &doc))
			return 1;
		cJSON_ArrayForEach(it, cJSON_GetObjectItem(doc, "rows"))
			print_row(it);
		printf("%.0f models priced in all (%s%s%s)\n", cJSON_GetNumberValue(cJSON_GetObjectItem(doc, "models")),
		       cJSON_GetStringValue(cJSON_GetObjectItem(doc, "prices_file")),
		       *cJSON_GetStringValue(cJSON_GetObjectItem(doc, "imported_file")) ? " + " : "",
		       cJSON_GetStringValue(cJSON_GetObjectItem(doc, "imported_file")));
		cJSON_Delete(doc);
		return 0;
	}
	return usage();
}
