/*
 * cli_spend.c - `tollgate spend [--by cgroup|uid|key|provider|model]
 * [--window day|month|all] [--json]`: spend rollups from the ledger,
 * real-time (calls settled a moment ago are in), plus what calls in flight
 * hold and what calls that died with a previous daemon had reserved.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

static double num(cJSON *o, const char *k)
{
	return cJSON_GetNumberValue(cJSON_GetObjectItem(o, k));
}

int tg_cli_spend(const struct tg_config *cfg, int argc, char **argv)
{
	const char *by = "", *window = "day";
	char path[128], *resp = NULL;
	bool json = false;
	int status = 0;
	cJSON *doc, *it, *x;
	double total = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0) {
			json = true;
		} else if (strcmp(argv[i], "--by") == 0 && i + 1 < argc) {
			by = argv[++i];
		} else if (strcmp(argv[i], "--window") == 0 && i + 1 < argc) {
			window = argv[++i];
		} else {
			fprintf(stderr, "usage: tollgate spend [--by cgroup|uid|key|provider|model] "
					"[--window day|month|all] [--json]\n");
			return 2;
		}
	}
	if (strspn(by, "abcdefghijklmnopqrstuvwxyz") != strlen(by) ||
	    strspn(window, "abcdefghijklmnopqrstuvwxyz") != strlen(window) || strlen(by) > 16 || strlen(window) > 16) {
		fprintf(stderr, "tollgate spend: --by and --window take a word (see --help)\n");
		return 2;
	}
	snprintf(path, sizeof(path), "/v1/spend?by=%s&window=%s", by, window);
	if (tg_cli_admin(cfg, "GET", path, NULL, &status, &resp))
		return 1;
	doc = cJSON_Parse(resp);
	if (status != 200) {
		const char *e = cJSON_GetStringValue(cJSON_GetObjectItem(doc, "error"));

		fprintf(stderr, "tollgate spend: %s\n", e ? e : resp);
		cJSON_Delete(doc);
		free(resp);
		return 1;
	}
	if (json) {
		printf("%s\n", resp);
		cJSON_Delete(doc);
		free(resp);
		return 0;
	}
	printf("spend since %s (window: %s)\n\n", cJSON_GetStringValue(cJSON_GetObjectItem(doc, "since")), window);
	printf("%-44s %7s %10s %12s %12s %14s\n", by[0] ? by : "", "CALLS", "ESTIMATED", "INPUT TOK", "OUTPUT TOK",
	       "COST");
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(doc, "rows")) {
		char key[64];

		x = cJSON_GetObjectItem(it, "key");
		if (cJSON_IsNumber(x))
			snprintf(key, sizeof(key), "%.0f", x->valuedouble);
		else
			snprintf(key, sizeof(key), "%s", by[0] ? cJSON_GetStringValue(x) : "total");
		printf("%-44s %7.0f %10.0f %12.0f %12.0f %14.6f\n", key, num(it, "calls"), num(it, "estimated"),
		       num(it, "input_tokens"), num(it, "output_tokens"), num(it, "cost_usd"));
		total += num(it, "cost_usd");
	}
	printf("%-44s %7s %10s %12s %12s %14.6f\n", "TOTAL (USD)", "", "", "", "", total);
	x = cJSON_GetObjectItem(doc, "in_flight");
	if (x)
		printf("\nin flight: %.0f calls holding $%.6f\n", num(x, "calls"), num(x, "reserved_usd"));
	x = cJSON_GetObjectItem(doc, "died");
	if (x && num(x, "calls") > 0)
		printf("died with a previous daemon (released, not charged): %.0f calls that had reserved $%.6f\n",
		       num(x, "calls"), num(x, "released_usd"));
	cJSON_Delete(doc);
	free(resp);
	return 0;
}
