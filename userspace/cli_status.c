/*
 * cli_status.c - `tollgate status [--json]`: ask the daemon's admin API and
 * print what it says, or say plainly that it is not running.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

static void print_status_text(cJSON *st)
{
	cJSON *x, *it;

	printf("tollgate is running (pid %d, up %.0f s)\n",
	       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(st, "pid")),
	       cJSON_GetNumberValue(cJSON_GetObjectItem(st, "uptime_s")));
	x = cJSON_GetObjectItem(st, "listen");
	printf("  governed cgroup: %s (cgroup2 at %s)\n",
	       cJSON_GetStringValue(cJSON_GetObjectItem(st, "cgroup")),
	       cJSON_GetStringValue(cJSON_GetObjectItem(st, "cgroup2_mount")));
	printf("  proxy listener:  %s:%d %s\n", cJSON_GetStringValue(cJSON_GetObjectItem(x, "ipv4")),
	       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(x, "port")),
	       cJSON_GetStringValue(cJSON_GetObjectItem(x, "ipv6")));
	printf("  connections:     %d live\n",
	       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(st, "connections")));
	printf("  programs:\n");
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(st, "programs"))
		printf("    %-14s prog id %d\n", cJSON_GetStringValue(cJSON_GetObjectItem(it, "attach")),
		       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(it, "prog_id")));
	x = cJSON_GetObjectItem(st, "maps");
	printf("  maps:            endpoints %d, listeners %d, pending %d\n",
	       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(x, "endpoints")),
	       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(x, "listeners")),
	       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(x, "pending")));
	x = cJSON_GetObjectItem(st, "counters");
	printf("  counters:        ");
	cJSON_ArrayForEach(it, x)
		printf("%s %.0f  ", it->string, cJSON_GetNumberValue(it));
	printf("\n  endpoints:\n");
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(st, "endpoints")) {
		cJSON *exp = cJSON_GetObjectItem(it, "expires_in_s");

		printf("    %-40s port %-5d %-14s %s", cJSON_GetStringValue(cJSON_GetObjectItem(it, "address")),
		       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(it, "port")),
		       cJSON_GetStringValue(cJSON_GetObjectItem(it, "provider")),
		       cJSON_GetStringValue(cJSON_GetObjectItem(it, "source")));
		if (cJSON_IsNumber(exp))
			printf(" (expires in %.0f s)", cJSON_GetNumberValue(exp));
		printf("\n");
	}
	printf("  network namespaces:\n");
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(st, "namespaces"))
		printf("    %-20s inode %.0f ports %d/%d\n", cJSON_GetStringValue(cJSON_GetObjectItem(it, "name")),
		       cJSON_GetNumberValue(cJSON_GetObjectItem(it, "inode")),
		       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(it, "port4")),
		       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(it, "port6")));
	printf("  workers:\n");
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(st, "workers"))
		printf("    #%d connections %d, pooled upstreams %d, accepted %.0f, requests %.0f, reset %.0f\n",
		       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(it, "id")),
		       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(it, "connections")),
		       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(it, "pooled_upstreams")),
		       cJSON_GetNumberValue(cJSON_GetObjectItem(it, "accepted")),
		       cJSON_GetNumberValue(cJSON_GetObjectItem(it, "requests")),
		       cJSON_GetNumberValue(cJSON_GetObjectItem(it, "unmatched_reset")));
}

int tg_cli_status(const struct tg_config *cfg, int argc, char **argv)
{
	char *body = NULL;
	int status = 0, json = 0;
	cJSON *st;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0) {
			json = 1;
		} else {
			fprintf(stderr, "tollgate status: unknown option %s\n", argv[i]);
			return 2;
		}
	}
	if (tg_cli_admin(cfg, "GET", "/v1/status", NULL, &status, &body)) {
		if (json)
			printf("{\"running\":false}\n");
		return 1;
	}
	if (status != 200) {
		fprintf(stderr, "tollgate: admin API answered %d: %s\n", status, body);
		free(body);
		return 1;
	}
	if (json) {
		printf("%s\n", body);
	} else if ((st = cJSON_Parse(body))) {
		print_status_text(st);
		cJSON_Delete(st);
	}
	free(body);
	return 0;
}

