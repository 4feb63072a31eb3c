/*
 * cli_top.c - `tollgate top [--interval SECONDS] [--iterations N]`: a live
 * terminal view, refreshed every second, of calls per second, spend rate,
 * and budget use by cgroup and by API key.
 *
 * Each frame asks the daemon's admin API for its totals
 * (GET /v1/metrics/summary, kept by the metrics stage) and its budgets
 * (GET /v1/budgets, when the daemon has budgets); rates are the differences
 * between two frames. On a terminal the screen is redrawn in place;
 * otherwise frames are printed one after another. Ctrl-C quits.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "cli.h"

#define MAX_ROWS 20

static cJSON *fetch(const struct tg_config *cfg, const char *path, int *status)
{
	char *body = NULL;
	cJSON *j;

	*status = 0;
	if (tg_cli_admin(cfg, "GET", path, NULL, status, &body))
		return NULL;
	j = *status == 200 ? cJSON_Parse(body) : NULL;
	free(body);
	return j;
}

static double num(const cJSON *o, const char *key)
{
	const cJSON *x = cJSON_GetObjectItem(o, key);

	return cJSON_IsNumber(x) ? x->valuedouble : 0;
}

static const char *str(const cJSON *o, const char *key)
{
	const char *s = cJSON_GetStringValue(cJSON_GetObjectItem(o, key));

	return s ? s : "";
}

/* One table: rows of group (by_cgroup or by_key), with rates against prev. */
static void table(const char *title, const cJSON *now, const cJSON *prev, double dt)
{
	const cJSON *row;
	int shown = 0;

	printf("%-40s %9s %12s %10s %13s %12s\n", title, "CALLS/S", "SPEND $/MIN", "CALLS", "SPEND USD",
	       "TOKENS");
	cJSON_ArrayForEach(row, now) {
		const cJSON *p = prev ? cJSON_GetObjectItemCaseSensitive(prev, row->string) : NULL;
		double calls = num(row, "requests"), spend = num(row, "spend_usd");
		double rate = p && dt > 0 ? (calls - num(p, "requests")) / dt : 0;
		double srate = p && dt > 0 ? (spend - num(p, "spend_usd")) / dt * 60 : 0;

		if (shown++ == MAX_ROWS) {
			printf("  ... %d more\n", cJSON_GetArraySize(now) - MAX_ROWS);
			break;
		}
		printf("%-40.40s %9.2f %12.6f %10.0f %13.6f %12.0f\n", row->string[0] ? row->string : "(none)",
		       rate, srate, calls, spend, num(row, "tokens"));
	}
	if (!shown)
		printf("  (no calls yet)\n");
}

static void budgets(const cJSON *b, int status)
{
	const cJSON *row;

	printf("\n%-60s %12s %12s %6s  %s\n", "BUDGET", "LIMIT USD", "SPENT USD", "USED", "RESETS");
	if (!b) {
		printf("  %s\n", status == 404 ? "(this daemon has no budgets API)" : "(budgets unavailable)");
		return;
	}
	cJSON_ArrayForEach(row, cJSON_GetObjectItem(b, "budgets")) {
		double limit = num(row, "limit_usd"), spent = num(row, "spent_usd");
		double used = cJSON_IsNumber(cJSON_GetObjectItem(row, "used_fraction"))
				      ? num(row, "used_fraction")
				      : (limit > 0 ? spent / limit : 0);

		printf("%-60.60s %12.4f %12.6f %5.1f%%  %s%s\n", str(row, "id"), limit, spent, used * 100,
		       str(row, "resets_at"), strcmp(str(row, "mode"), "monitor") == 0 ? " (monitor)" : "");
	}
	if (cJSON_GetArraySize(cJSON_GetObjectItem(b, "budgets")) == 0)
		printf("  (no budgets)\n");
}

int tg_cli_top(const struct tg_config *cfg, int argc, char **argv)
{
	double interval = 1;
	long iterations = 0;
	bool tty = isatty(STDOUT_FILENO);
	cJSON *prev = NULL;
	int status;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--interval") == 0 && i + 1 < argc) {
			interval = atof(argv[++i]);
		} else if (strcmp(argv[i], "--iterations") == 0 && i + 1 < argc) {
			iterations = atol(argv[++i]);
		} else {
			fprintf(stderr, "usage: tollgate top [--interval SECONDS] [--iterations N]\n");
			return 2;
		}
	}
	if (!(interval >= 0.1 && interval <= 3600) || iterations < 0) {
		fprintf(stderr, "tollgate top: --interval must be 0.1..3600 s, --iterations >= 0\n");
		return 2;
	}
	prev = fetch(cfg, "/v1/metrics/summary", &status);
	if (!prev) {
		if (status)
			fprintf(stderr, "tollgate top: the admin API answered %d\n", status);
		return 1;
	}
	for (long frame = 1; iterations == 0 || frame <= iterations; frame++) {
		struct timespec ts = {.tv_sec = (time_t)interval,
				      .tv_nsec = (long)((interval - floor(interval)) * 1e9)};
		cJSON *now, *b;
		double dt;
		char when[40];
		time_t t;

		nanosleep(&ts, NULL);
		now = fetch(cfg, "/v1/metrics/summary", &status);
		if (!now) {
			cJSON_Delete(prev);
			return 1;
		}
		b = fetch(cfg, "/v1/budgets", &status);
		dt = (num(now, "time_ms") - num(prev, "time_ms")) / 1000.0;
		t = (time_t)(num(now, "time_ms") / 1000);
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", localtime(&t));
		if (tty)
			printf("\033[H\033[2J");
		else if (frame > 1)
			printf("\n");
		printf("tollgate top  %s  (every %.1f s; Ctrl-C quits)\n", when, interval);
		printf("calls/s %.2f   spend $/min %.6f   calls %.0f   spend $%.6f\n\n",
		       dt > 0 ? (num(now, "requests") - num(prev, "requests")) / dt : 0,
		       dt > 0 ? (num(now, "spend_usd") - num(prev, "spend_usd")) / dt * 60 : 0,
		       num(now, "requests"), num(now, "spend_usd"));
		table("CGROUP", cJSON_GetObjectItem(now, "by_cgroup"), cJSON_GetObjectItem(prev, "by_cgroup"), dt);
		printf("\n");
		table("API KEY", cJSON_GetObjectItem(now, "by_key"), cJSON_GetObjectItem(prev, "by_key"), dt);
		budgets(b, status);
		fflush(stdout);
		cJSON_Delete(b);
		cJSON_Delete(prev);
		prev = now;
	}
	cJSON_Delete(prev);
	return 0;
}
