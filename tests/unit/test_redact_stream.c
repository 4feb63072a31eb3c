/*
 * test_redact_stream.c - streamed responses: Gemini's JSON array stream
 * redacted element by element (values split across elements, elements
 * going out as they come, a blocked value, a body that is no array), the
 * state a stream holds (bounded with one-byte deltas and long tokens, the
 * text unchanged), OpenAI chat texts ending when the next one starts, and
 * the pseudonyms of values the model made up (consistent, bounded, never
 * put back, their values not kept).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "check.h"
#include "jsonrw.h"
#include "redact.h"
#include "redact_sse.h"
#include "sse.h"

static struct tg_redact *R;
static const struct tg_redact_who WHO = {.cgroup = "/agents/a", .uid = 1000, .key_fp = ""};

static size_t state_of(struct tg_redact_sse *s, struct tg_redactor *x)
{
	return tg_redact_sse_bytes(s) + tg_redactor_bytes(x) + tg_redact_stage_call_bytes();
}

/* What plain-text redaction makes of text (what every stream must give). */
static char *plain(const char *text)
{
	struct tg_redactor *x = tg_redactor_new(R, &WHO);
	struct tg_buf out = {0};
	tg_err err = {{0}};

	tg_redactor_text(x, TG_DIR_RESPONSE, text, strlen(text), &out, &err);
	tg_buf_append(&out, "", 1);
	tg_redactor_free(x);
	return tg_buf_start(&out);
}

/* ---- Gemini's JSON array stream ------------------------------------------- */

/* Where each element of the last array made ends (for one read per element). */
static size_t element_end[512], nelements;

/* The array Gemini sends for reply, cut into deltas at the offsets in cuts
 * (n of them; Gemini's pretty-printed layout when pretty). */
static void make_array(const char *reply, const size_t *cuts, size_t n, bool pretty, struct tg_buf *out)
{
	size_t at = 0, len = strlen(reply);

	nelements = 0;
	for (size_t i = 0; i <= n; i++) {
		size_t end = i < n ? cuts[i] : len;
		bool last = i == n;

		tg_buf_printf(out, i == 0 ? "[" : pretty ? "\r\n,\r\n" : ",");
		tg_buf_printf(out, pretty ? "{\n  \"candidates\": [\n    {\n      \"content\": {\n        \"parts\": [\n"
				     "          {\n            \"text\": \"" : "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"");
		tg_json_escape(reply + at, end - at, out);
		tg_buf_printf(out, pretty ? "\"\n          }\n        ],\n        \"role\": \"model\"\n      }%s,\n"
				     "      \"index\": 0\n    }\n  ],\n  \"usageMetadata\": {\"promptTokenCount\": 3, "
				     "\"candidatesTokenCount\": %zu},\n  \"modelVersion\": \"gemini-2.0-flash\"\n}" :
				     "\"}],\"role\":\"model\"}%s,\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":3,"
				     "\"candidatesTokenCount\":%zu}}",
			      last ? (pretty ? ",\n      \"finishReason\": \"STOP\"" : ",\"finishReason\":\"STOP\"") : "", i + 1);
		at = end;
		if (nelements < TG_ARRAY_LEN(element_end))
			element_end[nelements++] = tg_buf_used(out);
	}
	tg_buf_printf(out, pretty ? "\r\n]" : "]");
}

struct array_read {
	bool valid;        /* the output is one JSON array */
	int elements;
	bool error;        /* an {"error": ...} element */
	char text[1024];   /* the texts, concatenated */
};

static void read_array(const char *s, size_t n, struct array_read *r)
{
	cJSON *a = cJSON_ParseWithLength(s, n), *e;
	size_t k = 0;

	memset(r, 0, sizeof(*r));
	r->valid = cJSON_IsArray(a);
	cJSON_ArrayForEach(e, a) {
		cJSON *t = cJSON_GetArrayItem(cJSON_GetObjectItem(e, "candidates"), 0);

		r->elements++;
		if (cJSON_GetObjectItem(e, "error"))
			r->error = true;
		t = t ? cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(t, "content"), "parts"), 0) : NULL;
		t = t ? cJSON_GetObjectItem(t, "text") : NULL;
		if (cJSON_IsString(t))
			k += (size_t)snprintf(r->text + k, sizeof(r->text) - k, "%s", t->valuestring);
		if (k >= sizeof(r->text))
			k = sizeof(r->text) - 1;
	}
	cJSON_Delete(a);
}

/* Run an array stream through the rewriter in reads of step bytes (0: one
 * read per element, as Gemini flushes them); the largest state between
 * reads into state[0], and the largest without the splitter's part of an
 * element still coming into state[1]. */
static void run_array(struct tg_redact *r, const struct tg_buf *in, size_t step, struct tg_buf *out, size_t *state)
{
	struct tg_redactor *x = tg_redactor_new(r, &WHO);
	struct tg_redact_sse *s = tg_redact_sse_new_array(x, TG_API_GEMINI, "0123456789abcdef0123456789abcdef");

	for (size_t i = 0, e = 0, k; i < tg_buf_used(in); i += k) {
		k = step ? step : e < nelements ? element_end[e++] - i : tg_buf_used(in) - i;
		if (k > tg_buf_used(in) - i)
			k = tg_buf_used(in) - i;
		tg_redact_sse_feed(s, tg_buf_start(in) + i, k, false, out);
		if (state && state_of(s, x) > state[0])
			state[0] = state_of(s, x);
		if (state && state_of(s, x) - tg_redact_sse_splitter_bytes(s) > state[1])
			state[1] = state_of(s, x) - tg_redact_sse_splitter_bytes(s);
	}
	tg_redact_sse_feed(s, NULL, 0, true, out);
	tg_redact_sse_free(s);
	tg_redactor_free(x);
}

static void check_array(void)
{
	const char *reply = "Sure: SSN 123-45-6789, card 4111 1111 1111 1111, write to jane.doe@example.com today.";
	char *want = plain(reply);
	size_t n = strlen(reply), state[2] = {0, 0}, whole[2] = {0, 0};
	int wrong = 0, invalid = 0, leaked = 0;

	for (int pretty = 0; pretty < 2; pretty++) {
		for (size_t cut = 1; cut < n; cut++) {
			struct tg_buf in = {0}, out = {0};
			struct array_read rd;

			make_array(reply, &cut, 1, pretty, &in);
			run_array(R, &in, cut % 3 ? 7 : 0, &out, cut % 3 ? state : whole);
			read_array(tg_buf_start(&out), tg_buf_used(&out), &rd);
			invalid += !rd.valid || rd.elements != 2;
			wrong += strcmp(rd.text, want) != 0;
			leaked += memmem(tg_buf_start(&out), tg_buf_used(&out), "6789", 4) != NULL ||
				  memmem(tg_buf_start(&out), tg_buf_used(&out), "jane", 4) != NULL;
			tg_buf_free(&in);
			tg_buf_free(&out);
		}
	}
	CHECK(wrong == 0 && leaked == 0, "Gemini array stream: values split across two elements at every byte come out "
	      "redacted (%d wrong, %d leaked; want: %s)", wrong, leaked, want);
	CHECK(invalid == 0, "... and the output is a valid JSON array of the same elements (%d not)", invalid);
	CHECK(whole[0] <= 2048, "... holding at most %zu bytes between reads when elements come whole", whole[0]);
	CHECK(state[1] <= 2048 && state[0] <= 2048 + 544,
	      "... and, in 7-byte reads, at most %zu besides the part of an element still coming (%zu with it)",
	      state[1], state[0]);

	/* one element per character */
	{
		size_t cuts[256];
		struct tg_buf in = {0}, out = {0};
		struct array_read rd;

		for (size_t i = 0; i + 1 < n; i++)
			cuts[i] = i + 1;
		state[0] = state[1] = 0;
		make_array(reply, cuts, n - 1, true, &in);
		run_array(R, &in, 0, &out, state);
		read_array(tg_buf_start(&out), tg_buf_used(&out), &rd);
		CHECK(rd.valid && rd.elements == (int)n && strcmp(rd.text, want) == 0 && state[0] <= 2048,
		      "one-character elements, one read each: the same text, every element kept, state at most %zu bytes",
		      state[0]);
		tg_buf_reset(&out);
		state[0] = state[1] = 0;
		run_array(R, &in, 97, &out, state);
		read_array(tg_buf_start(&out), tg_buf_used(&out), &rd);
		CHECK(rd.valid && rd.elements == (int)n && strcmp(rd.text, want) == 0 && state[1] <= 2048,
		      "... in 97-byte reads: the same, at most %zu bytes besides the part of an element still coming "
		      "(%zu with it)", state[1], state[0]);
		tg_buf_free(&in);
		tg_buf_free(&out);
	}
	free(want);
}

/* Elements go out as they come, not when the body ends. */
static void check_array_flows(void)
{
	const char *reply = "Hello there, your card is 4111 1111 1111 1111, thanks. Bye now. ";
	size_t cuts[] = {12, 30, 52}, first_end;
	struct tg_buf in = {0}, out = {0};
	struct tg_redactor *x = tg_redactor_new(R, &WHO);
	struct tg_redact_sse *s = tg_redact_sse_new_array(x, TG_API_GEMINI, "t");
	const char *second;
	struct array_read rd;

	make_array(reply, cuts, 3, false, &in);
	second = memmem(tg_buf_start(&in), tg_buf_used(&in), ",{", 2);
	first_end = (size_t)(second - tg_buf_start(&in));
	tg_redact_sse_feed(s, tg_buf_start(&in), first_end, false, &out);
	CHECK(tg_buf_used(&out) == first_end && memcmp(tg_buf_start(&out), tg_buf_start(&in), first_end) == 0,
	      "the first element goes out, byte for byte, as soon as it is in (its text is decided: it ends in ',')");
	tg_redact_sse_feed(s, tg_buf_start(&in) + first_end, tg_buf_used(&in) - first_end - 1, false, &out);
	CHECK(memmem(tg_buf_start(&out), tg_buf_used(&out), "[REDACTED:CARD]", 15) != NULL,
	      "a card split across elements is redacted before the array ends");
	tg_redact_sse_feed(s, tg_buf_start(&in) + tg_buf_used(&in) - 1, 1, true, &out);
	read_array(tg_buf_start(&out), tg_buf_used(&out), &rd);
	CHECK(rd.valid && rd.elements == 4 && strstr(rd.text, "Hello there, your card is [REDACTED:CARD], thanks."),
	      "the array is whole at the end: %s", rd.text);
	tg_redact_sse_free(s);
	tg_redactor_free(x);
	tg_buf_free(&in);
	tg_buf_free(&out);
}

static void check_array_block_and_whole(void)
{
	tg_err err = {{0}};
	char path[] = "/tmp/tg-redact-stream-XXXXXX";
	FILE *f = fdopen(mkstemp(path), "w");
	struct tg_redact *rb;

	fputs("{\"actions\": {\"SSN\": \"block\"}}", f);
	fclose(f);
	rb = tg_redact_open(path, true, NULL, NULL, &err);
	unlink(path);
	CHECK(rb != NULL, "a policy with block loads (%s)", err.msg);
	if (!rb)
		return;
	for (size_t cut = 1; cut < 33; cut += 4) {
		const char *reply = "Your number is 123-45-6789 and more text follows here.";
		struct tg_buf in = {0}, out = {0};
		struct array_read rd;
		size_t cuts[] = {cut, 33};

		make_array(reply, cuts, 2, cut % 2, &in);
		run_array(rb, &in, 5, &out, NULL);
		read_array(tg_buf_start(&out), tg_buf_used(&out), &rd);
		CHECK(rd.valid && rd.error && !strstr(rd.text, "6789") && !strstr(rd.text, "follows"),
		      "array stream cut at %zu: a blocked value ends it with an error element, still a valid array", cut);
		tg_buf_free(&in);
		tg_buf_free(&out);
	}
	{
		/* a plain generateContent answer through the array path: redacted whole */
		const char *doc = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"SSN 123-45-6789\"}]},"
				  "\"finishReason\":\"STOP\"}]}\n";
		struct tg_buf in = {0}, out = {0};
		cJSON *j;

		tg_buf_append(&in, doc, strlen(doc));
		run_array(rb, &in, 3, &out, NULL);
		j = cJSON_ParseWithLength(tg_buf_start(&out), tg_buf_used(&out));
		CHECK(j && cJSON_IsObject(j) && memmem(tg_buf_start(&out), tg_buf_used(&out), "[BLOCKED:SSN]", 13),
		      "a body that is no array is redacted whole at its end, still one JSON object");
		cJSON_Delete(j);
		tg_buf_free(&in);
		tg_buf_free(&out);
	}
	tg_redact_close(rb);
}

/* ---- state and text with one-byte deltas ----------------------------------- */

static void chat_chunk(struct tg_buf *b, const char *d, size_t n)
{
	tg_buf_printf(b, "data: {\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion.chunk\","
		      "\"created\":1741570283,\"model\":\"gpt-4o-2024-08-06\",\"system_fingerprint\":\"fp_eb9dce56a8\","
		      "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"");
	tg_json_escape(d, n, b);
	tg_buf_printf(b, "\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
}

struct chat_read {
	struct tg_buf text;
	int events;
};

static int read_chat(void *arg, const struct tg_sse_event *ev)
{
	struct chat_read *r = arg;
	cJSON *j, *c;

	if (!ev->has_data)
		return 0;
	r->events++;
	j = cJSON_Parse(ev->data);
	c = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "choices"), 0);
	c = c ? cJSON_GetObjectItem(cJSON_GetObjectItem(c, "delta"), "content") : NULL;
	if (cJSON_IsString(c))
		tg_buf_append(&r->text, c->valuestring, strlen(c->valuestring));
	cJSON_Delete(j);
	return 0;
}

/* The OpenAI chat stream in (chat_chunk events), redacted in reads of read_size bytes (0: one read per
 * event); its text into rd, and what went out into raw (if not NULL). */
static void run_chat_reads(struct tg_buf *in, size_t read_size, size_t *state, struct chat_read *rd,
			   struct tg_buf *raw)
{
	struct tg_redactor *x = tg_redactor_new(R, &WHO);
	struct tg_redact_sse *s = tg_redact_sse_new(x, TG_API_OPENAI, "t");
	struct tg_buf out = {0};
	struct tg_sse split;

	tg_buf_printf(in, "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
		      "data: [DONE]\n\n");
	for (size_t i = 0; i < tg_buf_used(in);) {
		const char *p = tg_buf_start(in) + i, *e = memmem(p, tg_buf_used(in) - i, "\n\n", 2);
		size_t k = read_size ? read_size : (size_t)(e - p) + 2;

		if (k > tg_buf_used(in) - i)
			k = tg_buf_used(in) - i;
		tg_redact_sse_feed(s, p, k, false, &out);
		if (state_of(s, x) > *state)
			*state = state_of(s, x);
		i += k;
	}
	tg_redact_sse_feed(s, NULL, 0, true, &out);
	memset(rd, 0, sizeof(*rd));
	tg_sse_init(&split, 0);
	tg_sse_feed(&split, tg_buf_start(&out), tg_buf_used(&out), read_chat, rd);
	tg_sse_finish(&split, read_chat, rd);
	tg_sse_free(&split);
	tg_buf_append(&rd->text, "", 1);
	if (raw)
		tg_buf_append(raw, tg_buf_start(&out), tg_buf_used(&out));
	tg_redact_sse_free(s);
	tg_redactor_free(x);
	tg_buf_free(&out);
}

static void run_chat_events(struct tg_buf *in, size_t *state, struct chat_read *rd)
{
	run_chat_reads(in, 0, state, rd, NULL);
}

/* A real-sized OpenAI chat stream of text, in deltas of delta bytes, one read per event. */
static void run_chat(const char *text, size_t delta, size_t *state, struct chat_read *rd)
{
	struct tg_buf in = {0};
	size_t n = strlen(text);

	for (size_t i = 0; i < n; i += delta)
		chat_chunk(&in, text + i, n - i < delta ? n - i : delta);
	run_chat_events(&in, state, rd);
	tg_buf_free(&in);
}

/* Phone numbers decided by a context word (issue 4): a word that ends where
 * the text received so far ends may still go on ("st" of "status" is not the
 * street veto "st"), so the value waits; streamed in two deltas cut at every
 * byte, each text comes out exactly as plain-text redaction makes it. */
static void check_context_word_split(void)
{
	const char *texts[] = {
		"Customer Jane Roe, cell=3035550109, status: pending",
		"telephone number=5034563450, status of the account is open",
		"fax=07071-52603, status unknown",
		"Call the office, phone 5034563450 starting tomorrow",
	};

	for (size_t t = 0; t < TG_ARRAY_LEN(texts); t++) {
		char *want = plain(texts[t]);
		size_t n = strlen(texts[t]), wrong = 0, first = 0, state = 0;

		for (size_t k = 1; k < n; k++) {
			struct tg_buf in = {0};
			struct chat_read rd;

			chat_chunk(&in, texts[t], k);
			chat_chunk(&in, texts[t] + k, n - k);
			run_chat_events(&in, &state, &rd);
			if (strcmp(tg_buf_start(&rd.text), want) != 0 && wrong++ == 0)
				first = k;
			tg_buf_free(&rd.text);
			tg_buf_free(&in);
		}
		CHECK(strcmp(want, texts[t]) != 0, "plain text redacts the number in \"%s\" (\"%s\")", texts[t], want);
		CHECK(wrong == 0, "\"%s\" streamed in two deltas cut at every byte comes out as in plain text "
		      "(%zu of %zu cuts differ, first at %zu)", texts[t], wrong, n - 1, first);
		free(want);
	}
}

static void check_state(void)
{
	const char *texts[] = {
		"Write to jane.doe@example.com or call +1 415-555-0100; card 4111 1111 1111 1111, SSN 123-45-6789.",
		"See https://example.com/a/very/long/path/with/many/segments/and_a_file_name_that_goes_on.html "
		"and the identifier customer_account_reference_number_0000000000000000000000000042 there.",
		"Contact me at a.really.long.local.part.that.keeps.going.and.going.for.quite.a.while@mail.example.org.",
	};

	for (size_t t = 0; t < TG_ARRAY_LEN(texts); t++) {
		for (size_t delta = 1; delta <= 4; delta += 3) {
			char *want = plain(texts[t]);
			struct chat_read rd;
			size_t state = 0, events = (strlen(texts[t]) + delta - 1) / delta + 2;

			run_chat(texts[t], delta, &state, &rd);
			CHECK(strcmp(tg_buf_start(&rd.text), want) == 0 && rd.events == (int)events && state <= 2048,
			      "text %zu in %zu-byte deltas: the same text as plain redaction, every event kept (%d), "
			      "at most %zu bytes held", t, delta, rd.events, state);
			if (strcmp(tg_buf_start(&rd.text), want) != 0)
				printf("# got  %s\n# want %s\n", tg_buf_start(&rd.text), want);
			tg_buf_free(&rd.text);
			free(want);
		}
	}
}

/*
 * A burst: many events in one read (a provider's backlog, a busy worker),
 * scanned together at the end of the read. The text comes out as plain
 * redaction makes it, whatever the reads' sizes, with every event kept; a
 * stream with nothing to redact that comes in one read goes out byte for
 * byte (in smaller reads, the state budget may send an event before its
 * last word is decided, that word going on in a later event); and one read
 * of more than the batch (64 KB) is the same.
 */
static void check_bursts(void)
{
	const char *texts[] = {
		"Write to jane.doe@example.com or call +1 415-555-0100; card 4111 1111 1111 1111, SSN 123-45-6789.",
		"Customer Jane Roe, cell=3035550109, status: pending",
		"Contact me at a.really.long.local.part.that.keeps.going.and.going.for.quite.a.while@mail.example.org.",
		"Hello! How can I help you today? I am a canned stream from the bench upstream.",
	};
	const size_t reads[] = {SIZE_MAX, 4096, 1000, 333, 17, 0};
	size_t wrong = 0, lost = 0, changed = 0, runs = 0;

	for (size_t t = 0; t < TG_ARRAY_LEN(texts); t++) {
		char *want = plain(texts[t]);

		for (size_t delta = 1; delta <= 7; delta += 3) {
			struct tg_buf in = {0};
			size_t n = strlen(texts[t]), events = (n + delta - 1) / delta + 2;

			for (size_t i = 0; i < n; i += delta)
				chat_chunk(&in, texts[t] + i, n - i < delta ? n - i : delta);
			for (size_t r = 0; r < TG_ARRAY_LEN(reads); r++) {
				struct tg_buf copy = {0}, raw = {0};
				struct chat_read rd;
				size_t state = 0;

				tg_buf_append(&copy, tg_buf_start(&in), tg_buf_used(&in));
				run_chat_reads(&copy, reads[r], &state, &rd, &raw);
				runs++;
				wrong += strcmp(tg_buf_start(&rd.text), want) != 0;
				lost += rd.events != (int)events;
				/* nothing to redact: out is in (run_chat_reads added the end to copy) */
				if (strcmp(want, texts[t]) == 0 && reads[r] == SIZE_MAX)
					changed += tg_buf_used(&raw) != tg_buf_used(&copy) ||
						   memcmp(tg_buf_start(&raw), tg_buf_start(&copy), tg_buf_used(&raw)) != 0;
				tg_buf_free(&rd.text);
				tg_buf_free(&raw);
				tg_buf_free(&copy);
			}
			tg_buf_free(&in);
		}
		free(want);
	}
	CHECK(wrong == 0 && lost == 0 && changed == 0, "%zu streams in bursts (whole, 4096, 1000, 333 and 17-byte reads, "
	      "a read per event): the text as plain redaction makes it (%zu differ), every event kept (%zu lost some), "
	      "a clean stream in one read byte for byte (%zu changed)", runs, wrong, lost, changed);

	/* one read far past the batch: 2,000 events with a card number in every 100th */
	{
		struct tg_buf in = {0}, text = {0};
		struct chat_read rd;
		size_t state = 0;
		char *want;

		for (int i = 0; i < 2000; i++) {
			const char *d = i % 100 == 50 ? " card 4111 1111 1111 1111," : " word";

			chat_chunk(&in, d, strlen(d));
			tg_buf_append(&text, d, strlen(d));
		}
		tg_buf_append(&text, "", 1);
		want = plain(tg_buf_start(&text));
		run_chat_reads(&in, SIZE_MAX, &state, &rd, NULL);
		CHECK(tg_buf_used(&in) > (200u << 10) && strcmp(tg_buf_start(&rd.text), want) == 0 && rd.events == 2002 &&
		      strstr(want, "[REDACTED:CARD]") != NULL,
		      "a %zu-byte read of 2,000 events comes out as plain redaction makes it, every event kept (%d)",
		      tg_buf_used(&in), rd.events);
		free(want);
		tg_buf_free(&rd.text);
		tg_buf_free(&text);
		tg_buf_free(&in);
	}
}

/* OpenAI chat: a choice's text ends when its tool call starts. */
static void check_siblings(void)
{
	struct tg_redactor *x = tg_redactor_new(R, &WHO);
	struct tg_redact_sse *s = tg_redact_sse_new(x, TG_API_OPENAI, "t");
	struct tg_buf out = {0};
	const char *content[] = {"Let me ", "check the ", "weather for you."};
	char ev[512];

	for (size_t i = 0; i < 3; i++) {
		snprintf(ev, sizeof(ev), "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"}}]}\n\n", content[i]);
		tg_redact_sse_feed(s, ev, strlen(ev), false, &out);
	}
	CHECK(!memmem(tg_buf_start(&out), tg_buf_used(&out), "you.", 4), "the text's last word is held (it could still "
	      "become an e-mail address)");
	snprintf(ev, sizeof(ev), "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
		 "\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"\"}}]}}]}\n\n");
	tg_redact_sse_feed(s, ev, strlen(ev), false, &out);
	CHECK(memmem(tg_buf_start(&out), tg_buf_used(&out), "weather for you.", 16) &&
	      memmem(tg_buf_start(&out), tg_buf_used(&out), "call_1", 6),
	      "when the tool call starts, the text is decided and goes out, and the tool call follows at once");
	tg_redact_sse_free(s);
	tg_redactor_free(x);
	tg_buf_free(&out);
}

/*
 * Strings outside the message text are scanned once and remembered clean
 * under what names them. An array's element is named by its array's key, so
 * a number found clean in one array is not taken for clean in another whose
 * key says what it is, nor is a member's value for an element's.
 */
static void check_clean_memo_names(void)
{
	struct tg_redactor *x = tg_redactor_new(R, &WHO);
	struct tg_redact_sse *s = tg_redact_sse_new(x, TG_API_OPENAI, "t");
	struct tg_buf out = {0};
	const char *ev[] = {
		"data: {\"id\":\"c1\",\"ids\":[\"4155550123\"],\"choices\":[]}\n\n",
		"data: {\"id\":\"c1\",\"ids\":[\"4155550123\"],\"choices\":[]}\n\n",
		"data: {\"id\":\"c1\",\"phone_numbers\":[\"4155550123\"],\"choices\":[]}\n\n",
		"data: [DONE]\n\n",
	};
	const char *ids = "\"ids\":[\"4155550123\"]";
	size_t after_ids = 0;

	for (size_t i = 0; i < sizeof(ev) / sizeof(ev[0]); i++) {
		tg_redact_sse_feed(s, ev[i], strlen(ev[i]), i + 1 == sizeof(ev) / sizeof(ev[0]), &out);
		if (i == 1)
			after_ids = tg_buf_used(&out);
	}
	CHECK(after_ids && memmem(tg_buf_start(&out), after_ids, ids, strlen(ids)),
	      "ten bare digits in an array of ids go out as they are");
	CHECK(tg_buf_used(&out) > after_ids && !memmem(tg_buf_start(&out) + after_ids, tg_buf_used(&out) - after_ids,
						       "4155550123", 10),
	      "the same digits in an array of phone numbers are redacted, though they were clean as ids");
	tg_redact_sse_free(s);
	tg_redactor_free(x);
	tg_buf_free(&out);
}

/*
 * An array's element that is no object is JSON all the same: a string is
 * rewritten decoded, so an escape before a value is not cut in two (a raw
 * scan took "\\tjane..." for the address and left a lone backslash), and
 * the array stays valid JSON.
 */
static void check_array_scalars(void)
{
	const char *body = "[1, \"a\\tjane.doe@example.com\", {\"candidates\":[]}]";
	struct tg_redactor *x = tg_redactor_new(R, &WHO);
	struct tg_redact_sse *s = tg_redact_sse_new_array(x, TG_API_GEMINI, "t");
	struct tg_buf out = {0};
	cJSON *doc;

	tg_redact_sse_feed(s, body, strlen(body), true, &out);
	doc = cJSON_ParseWithLength(tg_buf_start(&out), tg_buf_used(&out));
	CHECK(doc && cJSON_IsArray(doc) && cJSON_GetArraySize(doc) == 3, "the array is still valid JSON: %.*s",
	      (int)tg_buf_used(&out), tg_buf_start(&out));
	CHECK(doc && cJSON_IsNumber(cJSON_GetArrayItem(doc, 0)) &&
	      cJSON_IsString(cJSON_GetArrayItem(doc, 1)) &&
	      strncmp(cJSON_GetArrayItem(doc, 1)->valuestring, "a\t", 2) == 0 &&
	      !strstr(cJSON_GetArrayItem(doc, 1)->valuestring, "example.com"),
	      "a string element keeps its escape and loses its address");
	cJSON_Delete(doc);
	tg_redact_sse_free(s);
	tg_redactor_free(x);
	tg_buf_free(&out);
}

/* ---- pseudonyms of values the model made up --------------------------------- */

static char *response_text(struct tg_redactor *x, const char *text)
{
	struct tg_buf out = {0};
	tg_err err = {{0}};

	tg_redactor_text(x, TG_DIR_RESPONSE, text, strlen(text), &out, &err);
	tg_buf_append(&out, "", 1);
	return tg_buf_start(&out);
}

static void check_reply_pseudonyms(void)
{
	struct tg_redactor *x = tg_redactor_new(R, &WHO);
	struct tg_buf req = {0}, big = {0};
	tg_err err = {{0}};
	char *a, *b;
	size_t before;
	cJSON *sum;

	tg_redactor_text(x, TG_DIR_REQUEST, "mail jane@example.com", 21, &req, &err);
	CHECK(tg_redactor_request_bytes(x) > 0, "a request's pseudonym is kept for the call (%zu bytes, reported apart)",
	      tg_redactor_request_bytes(x));
	before = tg_redactor_request_bytes(x);
	a = response_text(x, "I wrote to <EMAIL_1>, to eve@example.net and to EVE@example.net.");
	CHECK(strcmp(a, "I wrote to jane@example.com, to <EMAIL_2> and to <EMAIL_2>.") == 0,
	      "the agent's value comes back; a value the model made up gets the next number, the same each time: %s", a);
	b = response_text(x, "Also <EMAIL_2> again, and eve@example.net.");
	CHECK(strcmp(b, "Also <EMAIL_2> again, and <EMAIL_2>.") == 0,
	      "a placeholder of a made-up value is never put back (its value is not kept): %s", b);
	CHECK(tg_redactor_request_bytes(x) == before, "the response adds nothing to the request's state");
	sum = tg_redactor_summary(x, TG_DIR_RESPONSE);
	CHECK(sum && cJSON_GetObjectItem(cJSON_GetObjectItem(sum, "EMAIL"), "count")->valuedouble == 1,
	      "response counts are of distinct values (eve, in any case, once)");
	cJSON_Delete(sum);
	free(a);
	free(b);
	tg_redactor_free(x);

	/* the bound: 32 distinct values; past it, the typed placeholder */
	x = tg_redactor_new(R, &WHO);
	for (int i = 0; i < 40; i++)
		tg_buf_printf(&big, "user%02d@example.com ", i);
	tg_buf_printf(&big, "user00@example.com");
	tg_buf_append(&big, "", 1);
	a = response_text(x, tg_buf_start(&big));
	CHECK(strstr(a, "<EMAIL_32> [REDACTED:EMAIL]") && !strstr(a, "<EMAIL_33>") && !strstr(a, "example.com") &&
	      strstr(a, "[REDACTED:EMAIL] <EMAIL_1>"),
	      "past 32 distinct values in a reply: [REDACTED:EMAIL], the first ones keep theirs");
	CHECK(tg_redactor_bytes(x) <= 1024 && tg_redactor_request_bytes(x) == 0,
	      "a reply's values cost at most 8 bytes each, and no value is kept (%zu bytes)", tg_redactor_bytes(x));
	free(a);
	tg_redactor_free(x);

	/* the length of a value does not matter: only a hash is kept */
	{
		struct tg_redactor *y = tg_redactor_new(R, &WHO), *z = tg_redactor_new(R, &WHO);
		char *p = response_text(y, "mail a@example.com"), *q;

		tg_buf_reset(&big);
		tg_buf_printf(&big, "mail ");
		for (int i = 0; i < 4; i++)
			tg_buf_printf(&big, "averylongname");
		tg_buf_printf(&big, "@example.com");
		tg_buf_append(&big, "", 1);
		q = response_text(z, tg_buf_start(&big));
		CHECK(strcmp(p, "mail <EMAIL_1>") == 0 && strcmp(q, "mail <EMAIL_1>") == 0 &&
		      tg_redactor_bytes(y) == tg_redactor_bytes(z),
		      "a long value costs what a short one does (%zu bytes)", tg_redactor_bytes(z));
		free(p);
		free(q);
		tg_redactor_free(y);
		tg_redactor_free(z);
	}
	tg_buf_free(&req);
	tg_buf_free(&big);
}

int main(void)
{
	tg_err err = {{0}};

	tg_log_set_level(TG_LOG_WARN);
	R = tg_redact_open("", true, NULL, NULL, &err);
	CHECK(R != NULL, "the redaction module starts with the built-in policy (%s)", err.msg);
	if (!R)
		CHECK_DONE();
	check_array();
	check_array_flows();
	check_array_block_and_whole();
	check_array_scalars();
	check_state();
	check_context_word_split();
	check_bursts();
	check_siblings();
	check_clean_memo_names();
	check_reply_pseudonyms();
	tg_redact_close(R);
	CHECK_DONE();
}
