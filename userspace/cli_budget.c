/*
 * cli_budget.c - `tollgate budget set|list|rm|reload`: manage spend budgets
 * through the daemon's admin API (changes apply to live traffic at once).
 *
 *   tollgate budget set SCOPE LIMIT_USD [--window day|month|lifetime]
 *                       [--monitor] [--provider NAME] [--model NAME]
 *   tollgate budget list [--json]
 *   tollgate budget rm SCOPE [--window W] [--provider NAME] [--model NAME]
 *   tollgate budget reload        re-read the budgets_file now
 * SCOPE is host, cgroup:/PATH, uid:N or key:FINGERPRINT.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

static int usage(void)
{
	fprintf(stderr,
		"usage: tollgate budget set SCOPE LIMIT_USD [--window day|month|lifetime] [--monitor]\n"
		"                           [--provider NAME] [--model NAME]\n"
		"       tollgate budget list [--json]\n"
		"       tollgate budget rm SCOPE [--window day|month|lifetime] [--provider NAME] [--model NAME]\n"
		"       tollgate budget reload\n"
		"SCOPE: host, cgroup:/PATH, uid:N or key:FINGERPRINT (the key_fp of the request log)\n");
	return 2;
}

static void money(double v, char *out, size_t size)
{
	if (v != 0 && v < 0.01 && v > -0.01)
		snprintf(out, size, "$%.6f", v);
	else
		snprintf(out, size, "$%.2f", v);
}

static void print_budgets(cJSON *doc)
{
	cJSON *it;
	int n = 0;

	cJSON_ArrayForEach(it, cJSON_GetObjectItem(doc, "budgets")) {
		char lim[32], spent[32], res[32], left[32];

		if (!n++)
			printf("%-44s %-8s %-8s %10s %12s %12s %12s  %-25s %s\n", "BUDGET", "WINDOW", "MODE", "LIMIT",
			       "SPENT", "IN FLIGHT", "REMAINING", "RESETS", "SOURCE");
		money(cJSON_GetNumberValue(cJSON_GetObjectItem(it, "limit_usd")), lim, sizeof(lim));
		money(cJSON_GetNumberValue(cJSON_GetObjectItem(it, "spent_usd")), spent, sizeof(spent));
		money(cJSON_GetNumberValue(cJSON_GetObjectItem(it, "reserved_usd")), res, sizeof(res));
		money(cJSON_GetNumberValue(cJSON_GetObjectItem(it, "remaining_usd")), left, sizeof(left));
		{
			char scope[300];
			const char *p = cJSON_GetStringValue(cJSON_GetObjectItem(it, "provider"));
			const char *m = cJSON_GetStringValue(cJSON_GetObjectItem(it, "model"));

			snprintf(scope, sizeof(scope), "%s%s%s%s%s", cJSON_GetStringValue(cJSON_GetObjectItem(it, "scope")),
				 p ? " provider=" : "", p ? p : "", m ? " model=" : "", m ? m : "");
			printf("%-44s %-8s %-8s %10s %12s %12s %12s  %-25s %s\n", scope,
			       cJSON_GetStringValue(cJSON_GetObjectItem(it, "window")),
			       cJSON_GetStringValue(cJSON_GetObjectItem(it, "mode")), lim, spent, res, left,
			       cJSON_GetStringValue(cJSON_GetObjectItem(it, "resets_at")),
			       cJSON_GetStringValue(cJSON_GetObjectItem(it, "source")));
		}
	}
	if (!n)
		printf("no budgets (set one with `tollgate budget set SCOPE LIMIT_USD --window day`)\n");
	n = 0;
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(doc, "rate_limits")) {
		if (!n++)
			printf("\n%-44s %10s %12s %8s %14s %8s\n", "RATE LIMIT", "RPM", "TPM", "MODE", "LAST MINUTE", "SOURCE");
		printf("%-44s %10.0f %12.0f %8s %6.0f req %5.0f tok %s\n",
		       cJSON_GetStringValue(cJSON_GetObjectItem(it, "id")),
		       cJSON_GetNumberValue(cJSON_GetObjectItem(it, "rpm")) > 0 ? cJSON_GetNumberValue(cJSON_GetObjectItem(it, "rpm")) : 0,
		       cJSON_GetNumberValue(cJSON_GetObjectItem(it, "tpm")) > 0 ? cJSON_GetNumberValue(cJSON_GetObjectItem(it, "tpm")) : 0,
		       cJSON_GetStringValue(cJSON_GetObjectItem(it, "mode")),
		       cJSON_GetNumberValue(cJSON_GetObjectItem(it, "requests_last_minute")),
		       cJSON_GetNumberValue(cJSON_GetObjectItem(it, "tokens_last_minute")),
		       cJSON_GetStringValue(cJSON_GetObjectItem(it, "source")));
	}
}

/* Send a request; print the daemon's error if any. Returns the exit status. */
static int call(const struct tg_config *cfg, const char *method, const char *path, const char *body,
		bool json, const char *done)
{
	char *resp = NULL;
	int status = 0, rc = 0;
	cJSON *doc;

	if (tg_cli_admin(cfg, method, path, body, &status, &resp))
		return 1;
	doc = cJSON_Parse(resp);
	if (status != 200) {
		const char *e = cJSON_GetStringValue(cJSON_GetObjectItem(doc, "error"));

		fprintf(stderr, "tollgate budget: %s\n", e ? e : resp);
		rc = 1;
	} else if (json) {
		printf("%s\n", resp);
	} else {
		if (done)
			printf("%s\n", done);
		if (doc)
			print_budgets(doc);
	}
	cJSON_Delete(doc);
	free(resp);
	return rc;
}

/* Parse [--window W] [--monitor|--enforce] [--provider P] [--model M] into o. */
static int options(int argc, char **argv, int i, cJSON *o, bool allow_mode)
{
	for (; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--monitor") == 0 && allow_mode) {
			cJSON_AddStringToObject(o, "mode", "monitor");
		} else if (strcmp(a, "--enforce") == 0 && allow_mode) {
			cJSON_AddStringToObject(o, "mode", "enforce");
		} else if ((strcmp(a, "--window") == 0 || strcmp(a, "--provider") == 0 || strcmp(a, "--model") == 0) &&
			   i + 1 < argc) {
			if (cJSON_GetObjectItem(o, a + 2)) {
				fprintf(stderr, "tollgate budget: %s given twice\n", a);
				return -1;
			}
			cJSON_AddStringToObject(o, a + 2, argv[++i]);
		} else {
			fprintf(stderr, "tollgate budget: unexpected argument %s\n", a);
			return -1;
		}
	}
	return 0;
}

static int parse_limit(const char *s, double *v)
{
	char *end;

	if (*s == '$')
		s++;
	*v = strtod(s, &end);
	return (*s && !*end) ? 0 : -1;
}

int tg_cli_budget(const struct tg_config *cfg, int argc, char **argv)
{
	cJSON *o;
	char *body;
	int rc;

	if (argc < 2)
		return usage();
	if (strcmp(argv[1], "list") == 0) {
		if (argc > 3 || (argc == 3 && strcmp(argv[2], "--json") != 0))
			return usage();
		return call(cfg, "GET", "/v1/budgets", NULL, argc == 3, NULL);
	}
	if (strcmp(argv[1], "reload") == 0)
		return argc == 2 ? call(cfg, "POST", "/v1/budgets/reload", "{}", false, "budget policy reloaded") : usage();
	if (strcmp(argv[1], "set") == 0) {
		double limit;

		if (argc < 4)
			return usage();
		if (parse_limit(argv[3], &limit)) {
			fprintf(stderr, "tollgate budget set: LIMIT_USD must be a number of dollars, like 5.00; got \"%s\"\n",
				argv[3]);
			return 2;
		}
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "scope", argv[2]);
		cJSON_AddNumberToObject(o, "limit_usd", limit);
		if (options(argc, argv, 4, o, true)) {
			cJSON_Delete(o);
			return 2;
		}
		body = cJSON_PrintUnformatted(o);
		cJSON_Delete(o);
		rc = call(cfg, "POST", "/v1/budgets", body, false, "budget set; in force now");
		free(body);
		return rc;
	}
	if (strcmp(argv[1], "rm") == 0) {
		if (argc < 3)
			return usage();
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "scope", argv[2]);
		if (options(argc, argv, 3, o, false)) {
			cJSON_Delete(o);
			return 2;
		}
		body = cJSON_PrintUnformatted(o);
		cJSON_Delete(o);
		rc = call(cfg, "DELETE", "/v1/budgets", body, false, "budget removed");
		free(body);
		return rc;
	}
	return usage();
}
