/*
 * fuzz_sse.c - libFuzzer harness for the SSE rewriter with the built-in
 * redaction policy. The first input byte picks the provider shape and the
 * read size; the rest is the stream, fed in reads of that size.
 *
 * Checks: no crash, no leak, no undefined behaviour; events come out one
 * for one, and each event whose data was valid JSON still has valid JSON;
 * the output is valid UTF-8 when the input is (no replacement splits a
 * sequence); nothing is lost: the output ends where the input's events end.
 *
 *   make fuzz && build/fuzz/fuzz_sse -max_total_time=600 tests/fuzz/corpus/sse
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "jsonrw.h"
#include "redact_sse.h"
#include "sse.h"

/* Which events had data, and whether that data was valid JSON, in order. */
struct events {
	bool valid[512];
	size_t n;
};

static int note_event(void *arg, const struct tg_sse_event *ev)
{
	struct events *e = arg;

	if (!ev->has_data || ev->oversized || e->n >= 512)
		return 0;
	e->valid[e->n++] = tg_json_valid(ev->data, ev->data_len);
	return 0;
}

static void scan(const char *s, size_t n, struct events *e)
{
	struct tg_sse sse;

	e->n = 0;
	tg_sse_init(&sse, 0);
	tg_sse_feed(&sse, s, n, note_event, e);
	tg_sse_finish(&sse, note_event, e);
	tg_sse_free(&sse);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init(true);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum tg_api_shape shapes[] = {TG_API_OPENAI, TG_API_ANTHROPIC, TG_API_GEMINI,
						   TG_API_AZURE_OPENAI};
	struct tg_redactor *x;
	struct tg_redact_sse *s;
	struct tg_buf out = {0};
	const char *in, *o;
	size_t n, step;
	static struct events ei, eo;

	if (size < 1)
		return 0;
	x = fuzz_redactor_new();
	s = tg_redact_sse_new(x, shapes[data[0] & 3], "00112233445566778899aabbccddeeff");
	step = 1 + (data[0] >> 2) * 3;
	in = (const char *)data + 1;
	n = size - 1;
	for (size_t i = 0; i < n; i += step)
		if (tg_redact_sse_feed(s, in + i, n - i < step ? n - i : step, false, &out) < 0)
			goto done;
	if (tg_redact_sse_feed(s, NULL, 0, true, &out) < 0)
		goto done;
	o = out.data ? tg_buf_start(&out) : "";
	scan(in, n, &ei);
	scan(o, tg_buf_used(&out), &eo);
	for (size_t i = 0; i < ei.n && i < eo.n; i++)
		if (ei.valid[i] && !eo.valid[i])
			abort(); /* a well-formed event came out malformed */
	if (eo.n < ei.n && !tg_redactor_blocked(x, TG_DIR_RESPONSE, NULL, 0))
		abort(); /* events lost (only a block ends a stream early) */
	if (fuzz_utf8_valid(data + 1, n) && !fuzz_utf8_valid(o, tg_buf_used(&out)))
		abort();
done:
	tg_buf_free(&out);
	tg_redact_sse_free(s);
	tg_redactor_free(x);
	return 0;
}
