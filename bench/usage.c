/*
 * usage.c - CPU per call of the metering stage's usage extraction
 * (userspace/usage.c) on realistic provider bodies: the whole body of a
 * plain response, one SSE event of a stream, and the request.
 *
 *   make bench-usage            (builds $(BUILD)/bench/usage and runs it)
 *
 * Each case runs in a loop on this thread for about 0.2 s, five times; the
 * best run's thread CPU time per call is printed (the best, because other
 * work on the machine only ever adds time). After the loop the case's
 * result is checked, so a reader that silently stopped extracting cannot
 * look fast.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "usage.h"

/* A small non-streamed chat completion, as OpenAI returns it. */
static const char *chat_small =
	"{\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion\",\"created\":1741569952,"
	"\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
	"\"content\":\"Hello! How can I assist you today?\",\"refusal\":null},\"logprobs\":null,"
	"\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":10,\"total_tokens\":29,"
	"\"prompt_tokens_details\":{\"cached_tokens\":0}},\"system_fingerprint\":\"fp_06737a9306\"}";

/* An Anthropic message and a Gemini answer of the same size. */
static const char *anthropic_small =
	"{\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":"
	"\"text\",\"text\":\"Hello! How can I assist you today?\"}],\"model\":\"claude-sonnet-4-20250514\","
	"\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":19,"
	"\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":10,"
	"\"service_tier\":\"standard\"}}";

static const char *gemini_small =
	"{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hello! How can I assist you today?\"}],\"role\":"
	"\"model\"},\"finishReason\":\"STOP\",\"avgLogprobs\":-0.0512}],\"usageMetadata\":{\"promptTokenCount\":19,"
	"\"candidatesTokenCount\":10,\"totalTokenCount\":29,\"promptTokensDetails\":[{\"modality\":\"TEXT\","
	"\"tokenCount\":19}]},\"modelVersion\":\"gemini-2.0-flash\",\"responseId\":\"mW3NZ8qUMpXp-8YP2dTR0Ac\"}";

/* One event of an OpenAI chat stream, and the usage-only chunk include_usage adds. */
static const char *chunk =
	"{\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,"
	"\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_06737a9306\","
	"\"choices\":[{\"index\":0,\"delta\":{\"content\":\" assist\"},\"logprobs\":null,\"finish_reason\":null}],"
	"\"usage\":null}";

static const char *usage_chunk =
	"{\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,"
	"\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_06737a9306\","
	"\"choices\":[],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":10,\"total_tokens\":29,"
	"\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":"
	"{\"reasoning_tokens\":0,\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}}";

/* An Anthropic text delta. */
static const char *anthropic_delta =
	"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" assist\"}}";

/* The request of the small chat. */
static const char *request_small =
	"{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant. "
	"Answer briefly and precisely.\"},{\"role\":\"user\",\"content\":\"Hello!\"}],\"temperature\":0.2,"
	"\"max_completion_tokens\":256,\"stream\":false}";

static char chat_tools[8192];   /* ~4 KB: three tool calls with JSON arguments */
static char request_tools[8192]; /* ~4 KB: a chat request with tool definitions */
static char request_long[80000]; /* ~64 KB: a long agent conversation */

static void make_bodies(void)
{
	size_t n = 0;

	n += (size_t)snprintf(chat_tools + n, sizeof(chat_tools) - n,
			      "{\"id\":\"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG\",\"object\":\"chat.completion\","
			      "\"created\":1741570283,\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"message\":"
			      "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[");
	for (int i = 0; i < 3; i++) {
		n += (size_t)snprintf(chat_tools + n, sizeof(chat_tools) - n,
				      "%s{\"id\":\"call_%d9b3GCBLhzPlPFn1ckwX0ZNC\",\"type\":\"function\",\"function\":"
				      "{\"name\":\"write_file\",\"arguments\":\"{\\\"path\\\":\\\"src/module_%d.py\\\","
				      "\\\"content\\\":\\\"",
				      i ? "," : "", i, i);
		for (int line = 0; line < 14; line++)
			n += (size_t)snprintf(chat_tools + n, sizeof(chat_tools) - n,
					      "def handler_%d(event):\\\\n    return {\\\\\\\"status\\\\\\\": %d, "
					      "\\\\\\\"body\\\\\\\": event}\\\\n",
					      line, 200 + line);
		n += (size_t)snprintf(chat_tools + n, sizeof(chat_tools) - n, "\\\"}\"}}");
	}
	n += (size_t)snprintf(chat_tools + n, sizeof(chat_tools) - n,
			      "],\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"tool_calls\"}],\"usage\":"
			      "{\"prompt_tokens\":1187,\"completion_tokens\":1032,\"total_tokens\":2219,"
			      "\"prompt_tokens_details\":{\"cached_tokens\":1024,\"audio_tokens\":0},"
			      "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
			      "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},"
			      "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_f9f4fb6dbf\"}");

	n = (size_t)snprintf(request_tools, sizeof(request_tools),
			     "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a coding agent. "
			     "Use the tools to read and change files.\"},{\"role\":\"user\",\"content\":\"Add a health "
			     "check endpoint to the service and a test for it.\"}],\"tools\":[");
	for (int i = 0; i < 8; i++)
		n += (size_t)snprintf(request_tools + n, sizeof(request_tools) - n,
				      "%s{\"type\":\"function\",\"function\":{\"name\":\"tool_%d\",\"description\":\"Reads or "
				      "writes part of the repository; returns the result as text, or an error message.\","
				      "\"parameters\":{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\","
				      "\"description\":\"relative path\"},\"content\":{\"type\":\"string\"},\"line\":"
				      "{\"type\":\"integer\",\"minimum\":1}},\"required\":[\"path\"]}}}",
				      i ? "," : "", i);
	snprintf(request_tools + n, sizeof(request_tools) - n,
		 "],\"tool_choice\":\"auto\",\"parallel_tool_calls\":true,\"max_completion_tokens\":4096,"
		 "\"stream\":true,\"stream_options\":{\"include_usage\":true}}");

	n = (size_t)snprintf(request_long, sizeof(request_long), "{\"model\":\"gpt-4o\",\"messages\":[");
	for (int i = 0; n < 64000; i++)
		n += (size_t)snprintf(request_long + n, sizeof(request_long) - n,
				      "%s{\"role\":\"%s\",\"content\":\"Step %d: the build failed with \\\"undefined "
				      "reference to `tg_buf_append'\\\" in module %d; I looked at the Makefile and the "
				      "link line, and the object list is missing buf.o.\\nNext I will add it and run the "
				      "tests again.\"}",
				      i ? "," : "", i % 2 ? "assistant" : "user", i, i);
	snprintf(request_long + n, sizeof(request_long) - n, "],\"max_tokens\":1024,\"stream\":true}");
}

static double cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

enum kind { BODY, EVENT, REQUEST };

struct bench_case {
	const char *name;
	enum kind kind;
	enum tg_api_shape shape;
	const char *operation;
	const char *target;
	const char *text;
	uint64_t want_in, want_out; /* the usage it must yield (want_in: max_output for a request) */
};

/* One call; returns what to check (input tokens, or the request's max_output). */
static uint64_t once(const struct bench_case *c, size_t len, uint64_t *out)
{
	if (c->kind == REQUEST) {
		struct tg_provider prov = {.name = "openai", .shape = c->shape};
		struct tg_http_msg req = {.method = "POST", .method_len = 4, .target = c->target,
					  .target_len = strlen(c->target)};
		struct tg_usage_request q;

		tg_usage_parse_request(&prov, &req, c->text, len, &q);
		*out = q.stream;
		return (uint64_t)q.max_output;
	} else {
		struct tg_usage_reader r;

		tg_usage_reader_init(&r, c->shape, c->operation);
		if (c->kind == BODY)
			tg_usage_read_body(&r, c->text, len);
		else
			tg_usage_read_event(&r, "", c->text, len);
		*out = c->kind == EVENT && !r.u.known ? r.text_bytes : r.u.output_tokens;
		return r.u.input_tokens;
	}
}

int main(void)
{
	struct bench_case cases[] = {
		{"read_body   openai chat", BODY, TG_API_OPENAI, "chat", NULL, chat_small, 19, 10},
		{"read_body   openai chat, 3 tool calls", BODY, TG_API_OPENAI, "chat", NULL, chat_tools, 1187, 1032},
		{"read_body   anthropic message", BODY, TG_API_ANTHROPIC, "chat", NULL, anthropic_small, 19, 10},
		{"read_body   gemini answer", BODY, TG_API_GEMINI, "generate_content", NULL, gemini_small, 19, 10},
		{"read_event  openai chunk (text delta)", EVENT, TG_API_OPENAI, "chat", NULL, chunk, 0, 7},
		{"read_event  openai chunk (usage only)", EVENT, TG_API_OPENAI, "chat", NULL, usage_chunk, 19, 10},
		{"read_event  anthropic text delta", EVENT, TG_API_ANTHROPIC, "chat", NULL, anthropic_delta, 0, 7},
		{"parse_request chat", REQUEST, TG_API_OPENAI, NULL, "/v1/chat/completions", request_small, 256, 0},
		{"parse_request chat with 8 tools", REQUEST, TG_API_OPENAI, NULL, "/v1/chat/completions", request_tools,
		 4096, 1},
		{"parse_request long conversation", REQUEST, TG_API_OPENAI, NULL, "/v1/chat/completions", request_long,
		 1024, 1},
	};
	int failed = 0;

	make_bodies();
	printf("%-40s %8s %12s\n", "case", "bytes", "ns/call");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct bench_case *c = &cases[i];
		size_t len = strlen(c->text);
		double best = 0;
		uint64_t in, out;
		long iters = 1;

		/* size the loop to about 0.2 s */
		for (;;) {
			double t0 = cpu_ns();

			for (long k = 0; k < iters; k++)
				once(c, len, &out);
			if (cpu_ns() - t0 > 2e7)
				break;
			iters *= 2;
		}
		iters *= 10;
		for (int run = 0; run < 5; run++) {
			double t0 = cpu_ns(), ns;

			for (long k = 0; k < iters; k++)
				once(c, len, &out);
			ns = (cpu_ns() - t0) / (double)iters;
			if (run == 0 || ns < best)
				best = ns;
		}
		in = once(c, len, &out);
		printf("%-40s %8zu %12.0f", c->name, len, best);
		if (in != c->want_in || out != c->want_out) {
			printf("   WRONG RESULT: %llu/%llu, want %llu/%llu", (unsigned long long)in,
			       (unsigned long long)out, (unsigned long long)c->want_in, (unsigned long long)c->want_out);
			failed = 1;
		}
		printf("\n");
	}
	return failed;
}
