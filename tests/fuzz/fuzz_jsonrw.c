/*
 * fuzz_jsonrw.c - libFuzzer harness for the JSON rewriter with the built-in
 * redaction policy (request direction, then the response direction on the
 * result, which puts pseudonyms back).
 *
 * Checks: no crash, no leak (ASan), no undefined behaviour (UBSan); when the
 * input is valid JSON the output is valid JSON; when the input is valid
 * UTF-8 so is the output (no replacement ever splits a UTF-8 sequence);
 * invalid JSON is refused, never half-rewritten.
 *
 *   make fuzz && build/fuzz/fuzz_jsonrw -max_total_time=600 tests/fuzz/corpus/jsonrw
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "jsonrw.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init(true);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tg_redactor *x = fuzz_redactor_new();
	struct tg_buf out = {0}, back = {0};
	tg_err err = {{0}};
	bool valid = tg_json_valid((const char *)data, size);
	int rc = tg_redactor_json(x, TG_DIR_REQUEST, (const char *)data, size, &out, &err);

	if (valid != (rc >= 0))
		abort(); /* accepted what is not JSON, or refused what is */
	if (rc >= 0) {
		if (!tg_json_valid(tg_buf_start(&out), tg_buf_used(&out)))
			abort(); /* valid JSON in, invalid out */
		if (fuzz_utf8_valid(data, size) && !fuzz_utf8_valid(tg_buf_start(&out), tg_buf_used(&out)))
			abort(); /* a replacement split a UTF-8 sequence */
		if (rc == 0 && (tg_buf_used(&out) != size || (size && memcmp(tg_buf_start(&out), data, size))))
			abort(); /* "unchanged" must mean byte for byte */
		if (tg_redactor_json(x, TG_DIR_RESPONSE, tg_buf_start(&out), tg_buf_used(&out), &back, &err) < 0 ||
		    !tg_json_valid(tg_buf_start(&back), tg_buf_used(&back)))
			abort();
	}
	tg_buf_free(&out);
	tg_buf_free(&back);
	tg_redactor_free(x);
	return 0;
}
