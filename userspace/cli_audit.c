/*
 * cli_audit.c - `tollgate audit [--verify] [--json] [--limit N]`: list the
 * audit log of administrative actions and verify its hash chain. It reads
 * <state_dir>/audit.log directly, daemon or not.
 *
 * Without --verify it prints the records (the last N, default all) and
 * then the verdict; with --verify only the verdict. Exit status 0 when the
 * chain is intact, 1 when it is broken (the message names the first record
 * altered, removed or reordered) or unreadable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "audit.h"
#include "cli.h"

static void print_value(const char *label, const cJSON *v)
{
	char *text = cJSON_PrintUnformatted(v);

	printf("      %s %s\n", label, text ? text : "null");
	free(text);
}

static int list(const char *path, long limit, bool json)
{
	FILE *f = fopen(path, "re");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long total = 0, i = 0;
	cJSON *arr = json ? cJSON_CreateArray() : NULL;

	if (!f)
		return 0;
	while (getline(&line, &cap, f) > 0)
		total++;
	rewind(f);
	while ((n = getline(&line, &cap, f)) > 0) {
		cJSON *o;

		if (limit > 0 && i++ < total - limit)
			continue;
		o = cJSON_Parse(line);
		if (!o) {
			if (!json)
				printf("  (line %ld is not a record)\n", i);
			continue;
		}
		if (json) {
			cJSON_AddItemToArray(arr, o);
			continue;
		}
		printf("#%-5.0f %s  %-22s uid %.0f pid %.0f (%s)\n",
		       cJSON_GetNumberValue(cJSON_GetObjectItem(o, "seq")),
		       cJSON_GetStringValue(cJSON_GetObjectItem(o, "time")),
		       cJSON_GetStringValue(cJSON_GetObjectItem(o, "action")),
		       cJSON_GetNumberValue(cJSON_GetObjectItem(o, "uid")),
		       cJSON_GetNumberValue(cJSON_GetObjectItem(o, "pid")),
		       cJSON_GetStringValue(cJSON_GetObjectItem(o, "comm")));
		print_value("before", cJSON_GetObjectItem(o, "before"));
		print_value("after ", cJSON_GetObjectItem(o, "after"));
		cJSON_Delete(o);
	}
	free(line);
	fclose(f);
	if (json) {
		char *text = cJSON_Print(arr);

		printf("%s\n", text ? text : "[]");
		free(text);
		cJSON_Delete(arr);
	}
	return 0;
}

int tg_cli_audit(const struct tg_config *cfg, int argc, char **argv)
{
	bool verify = false, json = false;
	long limit = 0;
	char path[PATH_MAX + 16];
	struct tg_audit_check c;
	tg_err err;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--verify") == 0) {
			verify = true;
		} else if (strcmp(argv[i], "--json") == 0) {
			json = true;
		} else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
			limit = atol(argv[++i]);
		} else {
			fprintf(stderr, "usage: tollgate audit [--verify] [--json] [--limit N]\n");
			return 2;
		}
	}
	snprintf(path, sizeof(path), "%s/%s", cfg->state_dir, TG_AUDIT_FILE);
	rc = tg_audit_verify(path, &c, &err);
	if (rc < 0) {
		fprintf(stderr, "tollgate audit: %s\n", err.msg);
		return 1;
	}
	if (json && verify) {
		cJSON *o = cJSON_CreateObject();
		char *text;

		cJSON_AddBoolToObject(o, "intact", rc == 0);
		cJSON_AddNumberToObject(o, "records", (double)c.records);
		cJSON_AddNumberToObject(o, "head_seq", (double)c.head_seq);
		cJSON_AddStringToObject(o, "head_hash", c.head_hash);
		if (rc) {
			cJSON_AddNumberToObject(o, "bad_seq", (double)c.bad_seq);
			cJSON_AddNumberToObject(o, "bad_line", (double)c.bad_line);
			cJSON_AddStringToObject(o, "why", c.why);
		}
		text = cJSON_Print(o);
		printf("%s\n", text ? text : "{}");
		free(text);
		cJSON_Delete(o);
		return rc ? 1 : 0;
	}
	if (!verify)
		list(path, limit, json);
	if (json)
		return rc ? 1 : 0;
	if (rc) {
		printf("audit log %s: BROKEN: %s\n", path, c.why);
		return 1;
	}
	printf("audit log %s: chain intact, %llu record%s, head #%llu %s\n", path,
	       (unsigned long long)c.records, c.records == 1 ? "" : "s", (unsigned long long)c.head_seq,
	       c.head_hash);
	return 0;
}
