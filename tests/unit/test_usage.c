/*
 * test_usage.c - usage extraction and exact cost arithmetic per API shape,
 * plain and streamed, including the known traps: OpenAI's cached tokens are
 * part of prompt_tokens while Anthropic's cache counts are separate;
 * Gemini's cumulative usage is taken from the last chunk, never summed;
 * a cut stream is estimated and marked so. Also the corners the readers
 * must keep: malformed JSON yields nothing (not the usage of a valid
 * prefix), counts out of range are skipped, escapes are read, finish
 * reasons are listed once, and what each API counts as output text.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "jsonspan.h"
#include "prices.h"
#include "sse.h"
#include "usage.h"

#define BODY(s) tg_usage_read_body(&r, s, strlen(s))
#define EVENT(s) tg_usage_read_event(&r, "", s, strlen(s))

static struct tg_price price(double in, double cached, double write, double out)
{
	struct tg_price p = {0};

	p.input = in;
	p.cached_input = cached;
	p.cache_write = write;
	p.output = out;
	return p;
}

struct feed {
	struct tg_usage_reader *r;
	int usage_only, final;
};

static int on_event(void *arg, const struct tg_sse_event *ev)
{
	struct feed *f = arg;
	enum tg_usage_event_kind k = tg_usage_read_event(f->r, ev->type, ev->data, ev->data_len);

	f->usage_only += k == TG_USAGE_EV_USAGE_ONLY;
	f->final += k != TG_USAGE_EV_OTHER;
	return 0;
}

static struct feed stream(struct tg_usage_reader *r, const char *text)
{
	struct tg_sse s;
	struct feed f = {r, 0, 0};

	tg_sse_init(&s, 0);
	/* in 7-byte pieces, so events straddle reads */
	for (size_t off = 0; off < strlen(text); off += 7)
		tg_sse_feed(&s, text + off, strlen(text + off) < 7 ? strlen(text + off) : 7, on_event, &f);
	tg_sse_finish(&s, on_event, &f);
	tg_sse_free(&s);
	return f;
}

static struct tg_http_msg request(const char *method, const char *target)
{
	struct tg_http_msg m = {0};

	m.method = method;
	m.method_len = strlen(method);
	m.target = target;
	m.target_len = strlen(target);
	return m;
}

int main(void)
{
	struct tg_usage_reader r;
	struct tg_price gpt4omini = price(0.15, 0.075, 0.15, 0.60);
	struct tg_price sonnet = price(3, 0.30, 3.75, 15);
	struct tg_price flash = price(0.10, 0.025, 0.10, 0.40);
	struct feed f;

	/* OpenAI chat, plain: cached tokens are part of prompt_tokens */
	tg_usage_reader_init(&r, TG_API_OPENAI, "chat");
	BODY("{\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"finish_reason\":\"stop\"}],"
			       "\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":200,\"prompt_tokens_details\":"
			       "{\"cached_tokens\":400}}}");
	CHECK(r.u.known && r.final && r.u.input_tokens == 1000 && r.u.cached_input_tokens == 400 &&
	      r.u.output_tokens == 200, "openai plain: usage read");
	/* 600*0.15 + 400*0.075 + 200*0.6 = 90 + 30 + 120 = 240 micro-dollars */
	CHECK(tg_price_cost(&gpt4omini, &r.u) == 240000, "openai plain: cost 240 micro-USD (cached not charged twice), got %lld",
	      (long long)tg_price_cost(&gpt4omini, &r.u));
	CHECK(strcmp(r.response_model, "gpt-4o-mini-2024-07-18") == 0 && strcmp(r.u.finish_reasons, "stop") == 0,
	      "openai plain: response model and finish reason");

	/* OpenAI chat stream with include_usage: the usage-only chunk is recognised */
	tg_usage_reader_init(&r, TG_API_OPENAI, "chat");
	f = stream(&r, "data: {\"model\":\"gpt-4o-mini\",\"choices\":[{\"delta\":{\"content\":\"Hello\"}}],\"usage\":null}\n\n"
		       "data: {\"model\":\"gpt-4o-mini\",\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}\n\n"
		       "data: {\"model\":\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":3}}\n\n"
		       "data: [DONE]\n\n");
	CHECK(f.usage_only == 1 && r.final && r.u.input_tokens == 10 && r.u.output_tokens == 3,
	      "openai stream: the usage-only chunk carries the usage");
	CHECK(tg_price_cost(&gpt4omini, &r.u) == 3300, "openai stream: cost (10*0.15 + 3*0.6) = 3.3 micro-USD, not $0");

	/* OpenAI stream without usage, cut: estimated, never $0 */
	tg_usage_reader_init(&r, TG_API_OPENAI, "chat");
	stream(&r, "data: {\"choices\":[{\"delta\":{\"content\":\"abcdefgh\"}}]}\n\n"
		   "data: {\"choices\":[{\"delta\":{\"content\":\"ij\"}}]}\n\n");
	tg_usage_estimate(&r, 400);
	CHECK(r.u.estimated && !r.u.known && r.u.input_tokens == 100 && r.u.output_tokens == 3,
	      "cut stream: estimated from 400 request bytes (100 in) and 10 text bytes in 2 deltas (3 out)");

	/* Anthropic plain: cache counts are separate from input_tokens */
	tg_usage_reader_init(&r, TG_API_ANTHROPIC, "chat");
	BODY("{\"type\":\"message\",\"model\":\"claude-sonnet-4-20250514\",\"stop_reason\":\"end_turn\","
			       "\"usage\":{\"input_tokens\":100,\"cache_creation_input_tokens\":1000,"
			       "\"cache_read_input_tokens\":2000,\"output_tokens\":50}}");
	CHECK(r.u.known && r.u.input_tokens == 3100 && r.u.cache_write_tokens == 1000 && r.u.cached_input_tokens == 2000,
	      "anthropic plain: input = 100 + 1000 written + 2000 read");
	/* 100*3 + 1000*3.75 + 2000*0.3 + 50*15 = 300 + 3750 + 600 + 750 = 5400 micro-USD */
	CHECK(tg_price_cost(&sonnet, &r.u) == 5400000, "anthropic plain: cost 5400 micro-USD, got %lld",
	      (long long)tg_price_cost(&sonnet, &r.u));

	/* Anthropic stream: message_start has input + cache, message_delta the final output */
	tg_usage_reader_init(&r, TG_API_ANTHROPIC, "chat");
	f = stream(&r, "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"model\":\"claude-sonnet-4-20250514\","
		       "\"usage\":{\"input_tokens\":100,\"cache_creation_input_tokens\":1000,\"cache_read_input_tokens\":2000,"
		       "\"output_tokens\":1}}}\n\n"
		       "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n"
		       "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
		       "\"usage\":{\"output_tokens\":50}}\n\n"
		       "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
	CHECK(r.final && r.u.input_tokens == 3100 && r.u.output_tokens == 50 && tg_price_cost(&sonnet, &r.u) == 5400000,
	      "anthropic stream: same usage and cost as plain");
	tg_usage_reader_init(&r, TG_API_ANTHROPIC, "chat");
	stream(&r, "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":100,"
		   "\"output_tokens\":1}}}\n\n"
		   "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":{\"text\":\"abcdefgh\"}}\n\n");
	tg_usage_estimate(&r, 9999);
	CHECK(r.u.estimated && r.u.input_tokens == 100 && r.u.output_tokens == 2,
	      "anthropic cut stream: the input reported is kept, the output estimated");

	/* Gemini stream: cumulative usageMetadata in every chunk: the last counts */
	tg_usage_reader_init(&r, TG_API_GEMINI, "generate_content");
	f = stream(&r, "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hel\"}]}}],\"usageMetadata\":"
		       "{\"promptTokenCount\":20,\"candidatesTokenCount\":1,\"totalTokenCount\":21},\"modelVersion\":\"gemini-2.0-flash\"}\r\n\r\n"
		       "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"lo\"}]}}],\"usageMetadata\":"
		       "{\"promptTokenCount\":20,\"candidatesTokenCount\":5,\"totalTokenCount\":25}}\r\n\r\n"
		       "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"!\"}]},\"finishReason\":\"STOP\"}],"
		       "\"usageMetadata\":{\"promptTokenCount\":20,\"candidatesTokenCount\":8,\"thoughtsTokenCount\":2,"
		       "\"cachedContentTokenCount\":4,\"totalTokenCount\":30}}\r\n\r\n");
	CHECK(r.final && r.u.input_tokens == 20 && r.u.output_tokens == 10 && r.u.cached_input_tokens == 4 &&
		      r.u.reasoning_tokens == 2, "gemini stream: last cumulative usage (not 60 input), thoughts are output");
	/* 16*0.1 + 4*0.025 + 10*0.4 = 1.6 + 0.1 + 4 = 5.7 micro-USD */
	CHECK(tg_price_cost(&flash, &r.u) == 5700, "gemini stream: cost 5.7 micro-USD, got %lld",
	      (long long)tg_price_cost(&flash, &r.u));
	tg_usage_reader_init(&r, TG_API_GEMINI, "generate_content");
	BODY("[{\"candidates\":[],\"usageMetadata\":{\"promptTokenCount\":20,\"candidatesTokenCount\":1}},"
			       "{\"candidates\":[{\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":20,"
			       "\"candidatesTokenCount\":8}}]");
	CHECK(r.u.known && r.u.input_tokens == 20 && r.u.output_tokens == 8, "gemini JSON-array stream: last element counts");

	/* Responses API */
	tg_usage_reader_init(&r, TG_API_OPENAI, "responses");
	f = stream(&r, "event: response.created\ndata: {\"type\":\"response.created\",\"response\":{\"model\":\"gpt-4.1\",\"usage\":null}}\n\n"
		       "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\"Hi\"}\n\n"
		       "event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{\"model\":\"gpt-4.1\","
		       "\"status\":\"completed\",\"usage\":{\"input_tokens\":50,\"input_tokens_details\":{\"cached_tokens\":10},"
		       "\"output_tokens\":7,\"output_tokens_details\":{\"reasoning_tokens\":3}}}}\n\n");
	CHECK(r.final && r.u.input_tokens == 50 && r.u.cached_input_tokens == 10 && r.u.output_tokens == 7 &&
		      r.u.reasoning_tokens == 3 && strcmp(r.response_model, "gpt-4.1") == 0,
	      "responses stream: usage from response.completed");

	/* embeddings, DeepSeek cache hits, Groq x_groq */
	tg_usage_reader_init(&r, TG_API_OPENAI, "embeddings");
	BODY("{\"data\":[],\"usage\":{\"prompt_tokens\":12,\"total_tokens\":12}}");
	CHECK(r.u.known && r.u.input_tokens == 12 && r.u.output_tokens == 0, "embeddings: input only");
	tg_usage_reader_init(&r, TG_API_OPENAI, "chat");
	BODY("{\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":1,\"prompt_cache_hit_tokens\":60,"
			       "\"prompt_cache_miss_tokens\":40}}");
	CHECK(r.u.cached_input_tokens == 60, "deepseek: prompt_cache_hit_tokens are cached input");
	tg_usage_reader_init(&r, TG_API_OPENAI, "chat");
	stream(&r, "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}],\"x_groq\":{\"usage\":{\"prompt_tokens\":9,"
		   "\"completion_tokens\":4}}}\n\ndata: [DONE]\n\n");
	CHECK(r.final && r.u.input_tokens == 9 && r.u.output_tokens == 4, "groq: x_groq.usage");

	/* requests */
	{
		struct tg_provider openai = {.name = "openai", .shape = TG_API_OPENAI};
		struct tg_provider groq = {.name = "groq", .shape = TG_API_OPENAI};
		struct tg_provider gem = {.name = "gemini", .shape = TG_API_GEMINI};
		struct tg_http_msg m = request("POST", "/v1/chat/completions");
		struct tg_usage_request q;
		struct tg_buf out = {0};
		const char *b = "{\"model\":\"gpt-4o\",\"stream\":true,\"n\":2,\"max_tokens\":100,\"seed\":12345678901234567890,"
				"\"messages\":[]}";

		tg_usage_parse_request(&openai, &m, b, strlen(b), &q);
		CHECK(strcmp(q.operation, "chat") == 0 && strcmp(q.model, "gpt-4o") == 0 && q.stream && q.choices == 2 &&
			      q.max_output == 100 && strcmp(q.max_output_field, "max_tokens") == 0 && q.openai_stream &&
			      !q.wants_usage, "chat request: model, stream, n, max_tokens, no include_usage");
		tg_usage_add_include_usage(b, strlen(b), &out);
		tg_buf_append(&out, "", 1);
		CHECK(strcmp(tg_buf_start(&out), "{\"stream_options\":{\"include_usage\":true},\"model\":\"gpt-4o\",\"stream\":true,"
						  "\"n\":2,\"max_tokens\":100,\"seed\":12345678901234567890,\"messages\":[]}") == 0,
		      "include_usage added; every other byte kept (the big seed too)");
		tg_buf_reset(&out);
		b = "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":false}}";
		tg_usage_add_include_usage(b, strlen(b), &out);
		tg_buf_append(&out, "", 1);
		CHECK(strcmp(tg_buf_start(&out), "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}") == 0,
		      "include_usage:false is turned on");
		tg_buf_reset(&out);
		b = "{\"model\":\"gpt-4o\",\"messages\":[]}";
		tg_usage_parse_request(&openai, &m, b, strlen(b), &q);
		tg_usage_set_max_output(&q, b, strlen(b), 77, &out);
		tg_buf_append(&out, "", 1);
		CHECK(q.max_output == -1 && strcmp(tg_buf_start(&out), "{\"max_completion_tokens\":77,\"model\":\"gpt-4o\",\"messages\":[]}") == 0,
		      "openai: max_completion_tokens added when absent");
		tg_buf_reset(&out);
		tg_usage_parse_request(&groq, &m, b, strlen(b), &q);
		CHECK(strcmp(q.max_output_field, "max_tokens") == 0, "compatible providers: max_tokens");
		m = request("POST", "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse&key=SECRET");
		b = "{\"contents\":[],\"generationConfig\":{\"maxOutputTokens\":500,\"candidateCount\":2}}";
		tg_usage_parse_request(&gem, &m, b, strlen(b), &q);
		CHECK(strcmp(q.operation, "generate_content") == 0 && strcmp(q.model, "gemini-2.5-flash") == 0 && q.stream &&
			      q.max_output == 500 && q.choices == 2, "gemini request: model from the path, stream, limits");
		tg_usage_set_max_output(&q, b, strlen(b), 40, &out);
		tg_buf_append(&out, "", 1);
		CHECK(strcmp(tg_buf_start(&out), "{\"contents\":[],\"generationConfig\":{\"maxOutputTokens\":40,\"candidateCount\":2}}") == 0,
		      "gemini: maxOutputTokens lowered in place");
		tg_buf_free(&out);
		m = request("POST", "/v1/completions");
		b = "{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"x\"}";
		tg_usage_parse_request(&openai, &m, b, strlen(b), &q);
		CHECK(strcmp(q.operation, "text_completion") == 0 && q.max_output == 16, "legacy completions: default max 16");
		m = request("GET", "/v1/models");
		tg_usage_parse_request(&openai, &m, NULL, 0, &q);
		CHECK(!q.metered, "GET /v1/models is not metered");
		m = request("POST", "/v1/chat/completions");
		b = "{\"model\":\"gpt-4o\",\"max_tokens\":10,\"messages\":[{\"max_tokens\":1}],\"max_tokens\":100000}";
		tg_usage_parse_request(&openai, &m, b, strlen(b), &q);
		CHECK(strcmp(q.repeated_key, "max_tokens") == 0,
		      "a repeated max_tokens is reported (providers read the last copy, tollgate the first)");
		b = "{\"model\":\"gpt-4o\",\"model\":\"gpt-4o-mini\",\"messages\":[]}";
		tg_usage_parse_request(&openai, &m, b, strlen(b), &q);
		CHECK(strcmp(q.repeated_key, "model") == 0, "a repeated model too");
		b = "{\"model\":\"gpt-4o\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"max_tokens\":1,\"model\":\"x\"}],"
		    "\"metadata\":{\"model\":\"y\"}}";
		tg_usage_parse_request(&openai, &m, b, strlen(b), &q);
		CHECK(q.repeated_key[0] == 0 && q.max_output == 10, "the same keys nested deeper are not repeats");
		m = request("POST", "/v1beta/models/gemini-2.0-flash:generateContent");
		b = "{\"contents\":[],\"generationConfig\":{\"maxOutputTokens\":5,\"maxOutputTokens\":50000}}";
		tg_usage_parse_request(&gem, &m, b, strlen(b), &q);
		CHECK(q.repeated_key[0] != 0, "gemini: a repeated generationConfig member is reported");

		m = request("POST", "/v1/chat/completions");
		b = "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"n\":1000,"
		    "\"max_completion_tokens\":-5,\"max_tokens\":64}";
		tg_usage_parse_request(&openai, &m, b, strlen(b), &q);
		CHECK(q.wants_usage && q.openai_stream && q.choices == 128 && q.max_output == 64 &&
			      strcmp(q.max_output_field, "max_tokens") == 0,
		      "include_usage seen; n capped at 128; a negative limit is skipped for the next one");
		b = "{\"model\":\"gpt-3.5-turbo-instruct\",\"n\":2,\"best_of\":4,\"stream\":false}";
		m = request("POST", "/v1/completions");
		tg_usage_parse_request(&openai, &m, b, strlen(b), &q);
		CHECK(q.choices == 4 && !q.openai_stream && !q.wants_usage, "best_of raises the choices; not a stream");
		m = request("POST", "/v1/chat/completions");
		b = "[{\"model\":\"gpt-4o\"}]";
		tg_usage_parse_request(&openai, &m, b, strlen(b), &q);
		CHECK(!q.json_body && !q.model[0] && q.metered, "a body that is no JSON object: metered, nothing read");
		b = "{\"model\":\"gpt-4o\",\"max_tokens\":10";
		tg_usage_parse_request(&openai, &m, b, strlen(b), &q);
		CHECK(!q.json_body && q.max_output == -1, "a cut body: nothing read");
		{
			struct tg_provider azure = {.name = "azure", .shape = TG_API_AZURE_OPENAI};

			m = request("POST", "/openai/deployments/prod-4o/chat/completions?api-version=2024-10-21");
			b = "{\"messages\":[]}";
			tg_usage_parse_request(&azure, &m, b, strlen(b), &q);
			CHECK(strcmp(q.model, "prod-4o") == 0 && strcmp(q.max_output_field, "max_completion_tokens") == 0,
			      "azure: the deployment stands for the model");
			b = "{\"model\":\"gpt-4o\",\"messages\":[]}";
			tg_usage_parse_request(&azure, &m, b, strlen(b), &q);
			CHECK(strcmp(q.model, "gpt-4o") == 0, "azure: a model in the body wins");
		}
		m = request("POST", "/v1beta/models/gemini-2.5-pro:generateContent");
		b = "{\"contents\":[],\"generation_config\":{\"max_output_tokens\":300,\"candidate_count\":3}}";
		tg_usage_parse_request(&gem, &m, b, strlen(b), &q);
		CHECK(!q.stream && q.max_output == 300 && q.choices == 3, "gemini: snake_case generation_config");
		m = request("POST", "/v1/embeddings");
		b = "{\"model\":\"text-embedding-3-small\",\"input\":\"x\",\"max_tokens\":5}";
		tg_usage_parse_request(&openai, &m, b, strlen(b), &q);
		CHECK(strcmp(q.operation, "embeddings") == 0 && q.max_output == 0 && !q.max_output_field[0],
		      "embeddings: no output");
		{
			/* a long conversation: the members after it are found */
			static char big[200000];
			size_t n = (size_t)snprintf(big, sizeof(big), "{\"model\":\"gpt-4o\",\"messages\":[");

			for (int i = 0; i < 1000; i++)
				n += (size_t)snprintf(big + n, sizeof(big) - n, "%s{\"role\":\"user\",\"content\":[{\"type\":"
						      "\"text\",\"text\":\"turn %d: \\\"quoted\\\" [brackets] {braces}\"}]}",
						      i ? "," : "", i);
			n += (size_t)snprintf(big + n, sizeof(big) - n, "],\"max_tokens\":77,\"stream\":true}");
			m = request("POST", "/v1/chat/completions");
			tg_usage_parse_request(&groq, &m, big, n, &q);
			CHECK(q.json_body && q.max_output == 77 && q.stream && strcmp(q.model, "gpt-4o") == 0,
			      "a 1000-message request: the members after the messages are read (%zu bytes)", n);
		}
	}
	/* malformed JSON yields nothing, not the usage of a valid-looking prefix */
	tg_usage_reader_init(&r, TG_API_OPENAI, "chat");
	BODY("{\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3},\"choices\":[{\"finish_reason\":\"stop\"}");
	CHECK(!r.u.known && !r.input_seen && !r.final && !r.u.finish_reasons[0], "a cut body: no usage, no finish reason");
	BODY("{\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3},\"x\":\"bad \\q escape\"}");
	CHECK(!r.u.known, "a bad escape after the usage: no usage");
	BODY("{\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3},\"x\":[1,]}");
	CHECK(!r.u.known, "a trailing comma after the usage: no usage");
	CHECK(EVENT("{\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3}") == TG_USAGE_EV_OTHER && !r.u.known, "a cut event: no usage");
	tg_usage_reader_init(&r, TG_API_GEMINI, "generate_content");
	BODY("[{\"candidates\":[{\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":20,"
	     "\"candidatesTokenCount\":8}},{\"candidates\":[}]");
	CHECK(!r.u.known, "gemini array body with a malformed element: no usage");
	tg_usage_reader_init(&r, TG_API_OPENAI, "chat");
	BODY("\xEF\xBB\xBF {\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3}}\n\ntrailing bytes");
	CHECK(r.u.known && r.u.input_tokens == 5, "a byte order mark before and bytes after the document are ignored (as before)");

	/* counts: only numbers from 0 to 1e15, fractions dropped */
	tg_usage_reader_init(&r, TG_API_OPENAI, "chat");
	BODY("{\"usage\":{\"prompt_tokens\":-1,\"input_tokens\":1e3,\"completion_tokens\":\"7\",\"output_tokens\":2.9,"
	     "\"prompt_tokens_details\":{\"cached_tokens\":1000000000000001},\"prompt_cache_hit_tokens\":1000000000000000}}");
	CHECK(r.u.input_tokens == 1000 && r.u.output_tokens == 2 && r.u.cached_input_tokens == 1000000000000000ull,
	      "negative and string counts skipped for the next field; 1e3 = 1000; 2.9 -> 2; above 1e15 skipped");
	tg_usage_reader_init(&r, TG_API_OPENAI, "chat");
	BODY("{\"usage\":{\"prompt_tokens\":1e16,\"completion_tokens\":1e400}}");
	CHECK(!r.u.known && !r.input_seen && !r.output_seen, "huge counts are not usage");

	/* usage null / absent: not final; the chunk's text is counted */
	tg_usage_reader_init(&r, TG_API_OPENAI, "chat");
	CHECK(EVENT("{\"choices\":[{\"delta\":{\"content\":\"ab\\u00e9\"}}],\"usage\":null}") ==
		      TG_USAGE_EV_OTHER && !r.final && !r.u.known && r.text_bytes == 4 && r.text_events == 1,
	      "\"usage\":null is no usage; text is counted unescaped (4 bytes)");

	/* escaped keys and values read as a JSON parser reads them */
	tg_usage_reader_init(&r, TG_API_OPENAI, "chat");
	BODY("{\"mod\\u0065l\":\"gpt\\u002d4o\",\"choices\":[{\"finish_reason\":\"st\\u006fp\"}],"
	     "\"\\u0075sage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}");
	CHECK(r.u.known && strcmp(r.response_model, "gpt-4o") == 0 && strcmp(r.u.finish_reasons, "stop") == 0,
	      "escaped keys and strings are unescaped");

	/* finish reasons: every choice's, once each; tool call arguments count as output text */
	tg_usage_reader_init(&r, TG_API_AZURE_OPENAI, "chat");
	f = stream(&r, "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":"
		       "{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":\"}}]}},{\"index\":1,\"delta\":{\"reasoning_content\":\"hm\"}}]}\n\n"
		       "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"},"
		       "{\"index\":1,\"delta\":{},\"finish_reason\":\"length\"}]}\n\n"
		       "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}\n\ndata: [DONE]\n\n");
	CHECK(strcmp(r.u.finish_reasons, "tool_calls,length") == 0 && r.text_bytes == 7 && r.text_events == 2 && !r.final,
	      "azure: finish reasons listed once; tool call arguments and reasoning counted for the estimate");
	tg_usage_estimate(&r, 40);
	CHECK(r.u.estimated && r.u.input_tokens == 10 && r.u.output_tokens == 2, "... and estimated from them");

	/* legacy completions: choices[].text */
	tg_usage_reader_init(&r, TG_API_OPENAI, "text_completion");
	stream(&r, "data: {\"choices\":[{\"text\":\"abcdef\",\"finish_reason\":null}]}\n\n");
	CHECK(r.text_bytes == 6 && r.text_events == 1, "legacy completions: text counted");

	/* Responses API: a plain response, and the status as finish reason */
	tg_usage_reader_init(&r, TG_API_OPENAI, "responses");
	BODY("{\"id\":\"resp_1\",\"object\":\"response\",\"model\":\"o3-2025-04-16\",\"status\":\"incomplete\","
	     "\"output\":[{\"type\":\"message\",\"content\":[{\"type\":\"output_text\",\"text\":\"Hi\"}]}],"
	     "\"usage\":{\"input_tokens\":5,\"output_tokens\":2,\"output_tokens_details\":{\"reasoning_tokens\":1}}}");
	CHECK(r.final && r.u.input_tokens == 5 && r.u.output_tokens == 2 && r.u.reasoning_tokens == 1 &&
		      strcmp(r.u.finish_reasons, "incomplete") == 0 && strcmp(r.response_model, "o3-2025-04-16") == 0,
	      "responses plain body: usage, status, model");
	tg_usage_reader_init(&r, TG_API_OPENAI, "responses");
	tg_usage_read_event(&r, "response.output_text.delta", "{\"delta\":\"abc\"}", 15);
	CHECK(r.text_bytes == 3, "responses: an event without a type member is typed by its SSE event name");

	/* Anthropic: a later report replaces the counts it carries and keeps the others */
	tg_usage_reader_init(&r, TG_API_ANTHROPIC, "chat");
	stream(&r, "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"model\":\"claude-opus-4\","
		   "\"usage\":{\"input_tokens\":100,\"cache_read_input_tokens\":50,\"output_tokens\":1}}}\n\n"
		   "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\"},"
		   "\"usage\":{\"input_tokens\":120,\"output_tokens\":30}}\n\n");
	CHECK(r.final && r.u.input_tokens == 170 && r.u.cached_input_tokens == 50 && r.u.output_tokens == 30 &&
		      strcmp(r.u.finish_reasons, "max_tokens") == 0 && strcmp(r.response_model, "claude-opus-4") == 0,
	      "anthropic: message_delta's input_tokens replace message_start's, the cache read is kept");
	tg_usage_reader_init(&r, TG_API_ANTHROPIC, "chat");
	BODY("{\"type\":\"message\",\"model\":\"claude-opus-4\",\"stop_reason\":\"end_turn\"}");
	CHECK(!r.final && !r.u.known && strcmp(r.u.finish_reasons, "end_turn") == 0, "anthropic: a message without usage is not final");
	tg_usage_reader_init(&r, TG_API_ANTHROPIC, "chat");
	stream(&r, "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":"
		   "{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"q\\\"\"}}\n\n"
		   "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":{\"thinking\":\"hmm\"}}\n\n");
	CHECK(r.text_bytes == 7 && r.text_events == 2, "anthropic: tool input and thinking deltas are output text");

	/* Gemini: tool-use prompt tokens are input; a chunk without finishReason is not final */
	tg_usage_reader_init(&r, TG_API_GEMINI, "generate_content");
	CHECK(EVENT("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\"}]}}],\"usageMetadata\":"
		    "{\"promptTokenCount\":10,\"toolUsePromptTokenCount\":5,\"candidatesTokenCount\":2}}") ==
		      TG_USAGE_EV_OTHER && r.u.known && !r.final && r.u.input_tokens == 15,
	      "gemini: toolUsePromptTokenCount is input; no finishReason yet, not final");

	/* jsonspan: remove "usage":null wherever it sits */
	{
		struct tg_jmember mem;
		struct tg_buf out = {0};
		const char *c = "{\"a\":1,\"usage\":null}";

		CHECK(tg_json_member(c, strlen(c), 0, "usage", &mem) == 1, "member found");
		tg_json_remove_member(c, strlen(c), &mem, &out);
		tg_buf_append(&out, "", 1);
		CHECK(strcmp(tg_buf_start(&out), "{\"a\":1}") == 0, "last member removed with its comma");
		tg_buf_free(&out);
		c = "{\"usage\" : null , \"b\":\"x\\\"usage\"}";
		tg_json_member(c, strlen(c), 0, "usage", &mem);
		tg_json_remove_member(c, strlen(c), &mem, &out);
		tg_buf_append(&out, "", 1);
		CHECK(strcmp(tg_buf_start(&out), "{\"b\":\"x\\\"usage\"}") == 0, "first member removed; strings not confused");
		tg_buf_free(&out);
	}
	CHECK_DONE();
}
