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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonrw.h"
#include "redact.h"

static struct tg_redact *R;

static bool utf8_valid(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;

		if (!k || i + k > n)
			return false;
		for (size_t j = 1; j < k; j++)
			if ((s[i + j] & 0xC0) != 0x80)
				return false;
		i += k;
	}
	return true;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	tg_err err = {{0}};

	(void)argc;
	(void)argv;
	tg_log_set_level(TG_LOG_ERROR);
	R = tg_redact_open("", true, NULL, NULL, &err);
	if (!R) {
		fprintf(stderr, "fuzz_jsonrw: %s\n", err.msg);
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tg_redact_who who = {.cgroup = "/fuzz", .uid = 1, .key_fp = ""};
	struct tg_redactor *x = tg_redactor_new(R, &who);
	struct tg_buf out = {0}, back = {0};
	tg_err err = {{0}};
	bool valid = tg_json_valid((const char *)data, size);
	int rc = tg_redactor_json(x, TG_DIR_REQUEST, (const char *)data, size, &out, &err);

	if (valid != (rc >= 0))
		abort(); /* accepted what is not JSON, or refused what is */
	if (rc >= 0) {
		if (!tg_json_valid(tg_buf_start(&out), tg_buf_used(&out)))
			abort(); /* valid JSON in, invalid out */
		if (utf8_valid(data, size) && !utf8_valid((const unsigned char *)tg_buf_start(&out), tg_buf_used(&out)))
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
