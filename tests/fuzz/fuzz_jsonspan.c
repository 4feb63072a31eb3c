/*
 * fuzz_jsonspan.c - libFuzzer harness for the allocation-free JSON readers
 * (jsonspan.h) and the metering stage's usage readers built on them
 * (usage.h).
 *
 * Checks: no crash, no leak, no undefined behaviour, no read outside the
 * input; tg_json_doc accepts exactly what cJSON_ParseWithLength accepts,
 * and every accepted document is read as cJSON reads it
 * (tests/unit/jsonspan_cjson.h). The input is also read as a response body
 * and as an SSE event for every API shape, and as a request to each kind
 * of endpoint.
 *
 *   make fuzz && build/fuzz/fuzz_jsonspan -max_total_time=600 tests/fuzz/corpus/jsonspan
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "../unit/jsonspan_cjson.h"
#include "usage.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init(false);
	return 0;
}

static const struct {
	enum tg_api_shape shape;
	const char *operation;
	const char *provider;
	const char *path;
} apis[] = {
	{TG_API_OPENAI, "chat", "openai", "/v1/chat/completions"},
	{TG_API_OPENAI, "responses", "openai", "/v1/responses"},
	{TG_API_OPENAI, "embeddings", "groq", "/v1/embeddings"},
	{TG_API_AZURE_OPENAI, "text_completion", "azure", "/openai/deployments/d/completions"},
	{TG_API_ANTHROPIC, "chat", "anthropic", "/v1/messages"},
	{TG_API_GEMINI, "generate_content", "gemini", "/v1beta/models/gemini-2.5-flash:streamGenerateContent"},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct tg_jdoc d;
	bool valid, object;

	if (!jsonspan_agrees(s, size, &valid)) {
		fprintf(stderr, "jsonspan and cJSON read the input differently: %s\n", jsonspan_why);
		abort();
	}
	object = tg_json_type(&d, tg_json_doc(&d, s, size)) == TG_JSON_OBJECT;
	for (size_t i = 0; i < sizeof(apis) / sizeof(apis[0]); i++) {
		struct tg_provider prov = {.shape = apis[i].shape};
		struct tg_http_msg req = {.method = "POST", .method_len = 4, .target = apis[i].path,
					  .target_len = strlen(apis[i].path)};
		struct tg_usage_request q;
		struct tg_usage_reader r;

		tg_strlcpy(prov.name, apis[i].provider, sizeof(prov.name));
		tg_usage_parse_request(&prov, &req, s, size, &q);
		if (q.json_body != object)
			abort(); /* a request body is read exactly when it is a JSON object */
		tg_usage_reader_init(&r, apis[i].shape, apis[i].operation);
		tg_usage_read_body(&r, s, size);
		tg_usage_read_event(&r, "response.output_text.delta", s, size);
		tg_usage_estimate(&r, size);
		if (!(r.u.known && r.final) && !r.u.estimated)
			abort(); /* at the end of a call, usage is reported or estimated */
	}
	return 0;
}
