/*
 * cli_redaction.c - `tollgate redaction`: what the redaction policy does,
 * reload it, and try it on a text.
 *
 *   tollgate redaction [status] [--json]   policy in force, actions, counters
 *   tollgate redaction reload              re-read the policy file (audited)
 *   tollgate redaction test [--response] [--cgroup PATH] [--uid N] [--key FP] [--json] TEXT|-
 *                       what TEXT (or stdin) becomes for such a caller, and
 *                       what was found where
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "cli.h"

static int usage(void)
{
	fprintf(stderr, "usage: tollgate redaction [status] [--json]\n"
			"       tollgate redaction reload\n"
			"       tollgate redaction test [--response] [--cgroup PATH] [--uid N] [--key FP] [--json] TEXT|-\n");
	return 2;
}

static int call(const struct tg_config *cfg, const char *method, const char *path, const char *body,
		cJSON **doc, char **raw)
{
	int status = 0;

	if (tg_cli_admin(cfg, method, path, body, &status, raw))
		return 1;
	*doc = cJSON_Parse(*raw);
	if (status != 200) {
		const char *e = cJSON_GetStringValue(cJSON_GetObjectItem(*doc, "error"));

		fprintf(stderr, "tollgate redaction: %s\n", e ? e : *raw);
		return 1;
	}
	if (!*doc) {
		fprintf(stderr, "tollgate redaction: the daemon's answer is not JSON\n");
		return 1;
	}
	return 0;
}

static void print_status(cJSON *o)
{
	cJSON *p = cJSON_GetObjectItem(o, "policy"), *a, *e, *c;

	printf("redaction:  %s\n", cJSON_IsTrue(cJSON_GetObjectItem(o, "enabled")) ? "on" : "OFF");
	printf("policy:     %s\n", cJSON_GetStringValue(cJSON_GetObjectItem(p, "source")));
	printf("rules:      %.0f (%.0f in Hyperscan prefilter mode), %.0f scopes\n",
	       cJSON_GetNumberValue(cJSON_GetObjectItem(p, "rules")),
	       cJSON_GetNumberValue(cJSON_GetObjectItem(p, "prefilter_rules")),
	       cJSON_GetNumberValue(cJSON_GetObjectItem(p, "scopes")));
	printf("bodies:     malformed JSON: %s, other bodies: %s, compressed: %s\n",
	       cJSON_GetStringValue(cJSON_GetObjectItem(p, "malformed_json")),
	       cJSON_GetStringValue(cJSON_GetObjectItem(p, "other_bodies")),
	       cJSON_GetStringValue(cJSON_GetObjectItem(p, "compressed_bodies")));
	printf("host-wide actions (request / response):\n");
	a = cJSON_GetObjectItem(p, "actions");
	cJSON_ArrayForEach(e, a)
		printf("  %-12s %s / %s\n", e->string, cJSON_GetStringValue(cJSON_GetObjectItem(e, "request")),
		       cJSON_GetStringValue(cJSON_GetObjectItem(e, "response")));
	c = cJSON_GetObjectItem(o, "counters");
	printf("calls %.0f, requests changed %.0f, responses changed %.0f, blocked %.0f, bodies refused %.0f, "
	       "compressed skipped %.0f, pseudonyms restored %.0f\n",
	       cJSON_GetNumberValue(cJSON_GetObjectItem(c, "calls")),
	       cJSON_GetNumberValue(cJSON_GetObjectItem(c, "requests_changed")),
	       cJSON_GetNumberValue(cJSON_GetObjectItem(c, "responses_changed")),
	       cJSON_GetNumberValue(cJSON_GetObjectItem(c, "blocked")),
	       cJSON_GetNumberValue(cJSON_GetObjectItem(c, "refused_bodies")),
	       cJSON_GetNumberValue(cJSON_GetObjectItem(c, "skipped_compressed")),
	       cJSON_GetNumberValue(cJSON_GetObjectItem(c, "pseudonyms_restored")));
	for (int d = 0; d < 2; d++) {
		cJSON *f = cJSON_GetObjectItem(c, d ? "found_in_responses" : "found_in_requests");

		printf("found in %s:", d ? "responses" : "requests ");
		if (!cJSON_GetArraySize(f))
			printf(" nothing");
		cJSON_ArrayForEach(e, f)
			printf(" %s %.0f", e->string, e->valuedouble);
		printf("\n");
	}
}

static char *read_all(FILE *f)
{
	struct tg_buf b = {0};
	char chunk[4096];
	size_t n;

	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		tg_buf_append(&b, chunk, n);
	tg_buf_append(&b, "", 1);
	return tg_buf_start(&b);
}

static int test(const struct tg_config *cfg, int argc, char **argv)
{
	cJSON *req = cJSON_CreateObject(), *doc = NULL, *d;
	char *body, *raw = NULL, *text = NULL;
	bool json = false;
	int rc;

	cJSON_AddStringToObject(req, "direction", "request");
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--response") == 0) {
			cJSON_ReplaceItemInObject(req, "direction", cJSON_CreateString("response"));
		} else if (strcmp(argv[i], "--json") == 0) {
			json = true;
		} else if (strcmp(argv[i], "--cgroup") == 0 && i + 1 < argc) {
			cJSON_AddStringToObject(req, "cgroup", argv[++i]);
		} else if (strcmp(argv[i], "--uid") == 0 && i + 1 < argc) {
			cJSON_AddNumberToObject(req, "uid", atof(argv[++i]));
		} else if (strcmp(argv[i], "--key") == 0 && i + 1 < argc) {
			cJSON_AddStringToObject(req, "key_fp", argv[++i]);
		} else if (!text && argv[i][0] != '-') {
			text = strdup(argv[i]);
		} else if (!text && strcmp(argv[i], "-") == 0) {
			text = read_all(stdin);
		} else {
			cJSON_Delete(req);
			free(text);
			return usage();
		}
	}
	if (!text) {
		cJSON_Delete(req);
		return usage();
	}
	cJSON_AddStringToObject(req, "text", text);
	free(text);
	body = cJSON_PrintUnformatted(req);
	cJSON_Delete(req);
	rc = call(cfg, "POST", "/v1/redaction/test", body, &doc, &raw);
	free(body);
	if (rc == 0 && json) {
		printf("%s\n", raw);
	} else if (rc == 0) {
		printf("%s\n", cJSON_GetStringValue(cJSON_GetObjectItem(doc, "text")));
		cJSON_ArrayForEach(d, cJSON_GetObjectItem(doc, "detections"))
			fprintf(stderr, "  %-12s %-32s bytes %.0f..%.0f  -> %s\n",
				cJSON_GetStringValue(cJSON_GetObjectItem(d, "entity")),
				cJSON_GetStringValue(cJSON_GetObjectItem(d, "rule")),
				cJSON_GetNumberValue(cJSON_GetObjectItem(d, "start")),
				cJSON_GetNumberValue(cJSON_GetObjectItem(d, "end")),
				cJSON_GetStringValue(cJSON_GetObjectItem(d, "action")));
		if (cJSON_IsTrue(cJSON_GetObjectItem(doc, "blocked")))
			fprintf(stderr, "  (a request like this would be refused: the policy blocks it)\n");
	}
	cJSON_Delete(doc);
	free(raw);
	return rc;
}

int tg_cli_redaction(const struct tg_config *cfg, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "status";
	cJSON *doc = NULL;
	char *raw = NULL;
	int rc;

	if (strcmp(sub, "test") == 0)
		return test(cfg, argc - 1, argv + 1);
	if (strcmp(sub, "reload") == 0) {
		rc = call(cfg, "POST", "/v1/redaction/reload", "", &doc, &raw);
		if (rc == 0)
			printf("redaction policy reloaded: %s, %.0f rules\n",
			       cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "policy"), "source")),
			       cJSON_GetNumberValue(cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "policy"), "rules")));
	} else if (strcmp(sub, "status") == 0 || strcmp(sub, "--json") == 0) {
		bool json = strcmp(sub, "--json") == 0 || (argc > 2 && strcmp(argv[2], "--json") == 0);

		rc = call(cfg, "GET", "/v1/redaction", NULL, &doc, &raw);
		if (rc == 0 && json)
			printf("%s\n", raw);
		else if (rc == 0)
			print_status(doc);
	} else {
		return usage();
	}
	cJSON_Delete(doc);
	free(raw);
	return rc;
}
