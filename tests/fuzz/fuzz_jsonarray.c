/*
 * fuzz_jsonarray.c - libFuzzer harness for the JSON array splitter and the
 * stream rewriter on Gemini's JSON array stream, with the built-in
 * redaction policy. The first input byte picks the read size; the rest is
 * the response body, fed in reads of that size.
 *
 * Checks: no crash, no leak, no undefined behaviour; the splitter hands out
 * every byte once, in order; a body that is a valid JSON array comes out as
 * a valid JSON array with the same number of elements (one more, the error,
 * when a blocked value ended it); the output is valid UTF-8 when the input
 * is (no replacement splits a sequence).
 *
 *   make fuzz && build/fuzz/fuzz_jsonarray -max_total_time=600 tests/fuzz/corpus/jsonarray
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "jsonarray.h"
#include "jsonrw.h"
#include "jsonspan.h"
#include "redact_sse.h"

struct pieces {
	struct tg_buf raw;   /* every piece's raw bytes, in order */
	size_t elements;
};

static int note_piece(void *arg, const struct tg_jarray_piece *p)
{
	struct pieces *c = arg;

	if (p->value_off + p->value_len > p->raw_len)
		abort(); /* an element outside its piece */
	c->elements += p->value_len && p->complete && !p->whole;
	return tg_buf_append(&c->raw, p->raw, p->raw_len);
}

/* Split s in reads of step; abort unless the pieces give back s. Returns the element count. */
static size_t split(const char *s, size_t n, size_t step, size_t max)
{
	struct tg_jarray j;
	struct pieces c = {{0}, 0};

	tg_jarray_init(&j, max);
	for (size_t i = 0; i < n; i += step)
		tg_jarray_feed(&j, s + i, n - i < step ? n - i : step, note_piece, &c);
	tg_jarray_finish(&j, note_piece, &c);
	if (tg_buf_used(&c.raw) != n || (n && memcmp(tg_buf_start(&c.raw), s, n) != 0))
		abort(); /* a byte lost, added or moved */
	tg_jarray_free(&j);
	tg_buf_free(&c.raw);
	return c.elements;
}

/* Is s one valid JSON array? */
static bool is_array(const char *s, size_t n)
{
	size_t i = tg_json_skip_ws(s, n, 0);

	return i < n && s[i] == '[' && tg_json_valid(s, n);
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
	struct tg_redactor *x;
	struct tg_redact_sse *s;
	struct tg_buf out = {0};
	const char *in, *o;
	size_t n, step, elements;

	if (size < 1)
		return 0;
	step = 1 + (data[0] >> 1) * 3;
	in = (const char *)data + 1;
	n = size - 1;
	elements = split(in, n, step, 0);
	if (data[0] & 1)
		split(in, n, step, 64); /* elements over the bound: handed out in pieces, none lost */
	x = fuzz_redactor_new();
	s = tg_redact_sse_new_array(x, TG_API_GEMINI, "00112233445566778899aabbccddeeff");
	for (size_t i = 0; i < n; i += step)
		if (tg_redact_sse_feed(s, in + i, n - i < step ? n - i : step, false, &out) < 0)
			goto done;
	if (tg_redact_sse_feed(s, NULL, 0, true, &out) < 0)
		goto done;
	o = out.data ? tg_buf_start(&out) : "";
	if (is_array(in, n)) {
		size_t got;

		if (!is_array(o, tg_buf_used(&out)))
			abort(); /* a valid array came out malformed */
		got = split(o, tg_buf_used(&out), 4096, 0);
		if (got != elements && !(tg_redactor_blocked(x, TG_DIR_RESPONSE, NULL, 0) && got <= elements + 1))
			abort(); /* elements lost or made up */
	}
	if (fuzz_utf8_valid(data + 1, n) && !fuzz_utf8_valid(o, tg_buf_used(&out)))
		abort();
done:
	tg_buf_free(&out);
	tg_redact_sse_free(s);
	tg_redactor_free(x);
	return 0;
}
