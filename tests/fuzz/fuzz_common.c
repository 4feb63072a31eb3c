/*
 * fuzz_common.c - the setup and checks the libFuzzer harnesses share (see
 * fuzz_common.h).
 */
#include "fuzz_common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

/* The harness's one policy: libFuzzer runs every input in this process. */
static struct tg_redact *builtin_policy;

void fuzz_init(bool with_redaction)
{
	tg_err err = {{0}};

	tg_log_set_level(TG_LOG_ERROR);
	if (!with_redaction)
		return;
	builtin_policy = tg_redact_open("", true, NULL, NULL, &err);
	if (!builtin_policy) {
		fprintf(stderr, "%s: %s\n", program_invocation_short_name, err.msg);
		abort();
	}
}

struct tg_redactor *fuzz_redactor_new(void)
{
	struct tg_redact_who who = {.cgroup = "/fuzz", .uid = 1, .key_fp = ""};

	if (!builtin_policy) {
		fprintf(stderr, "%s: fuzz_redactor_new without fuzz_init(true)\n", program_invocation_short_name);
		abort();
	}
	return tg_redactor_new(builtin_policy, &who);
}

bool fuzz_utf8_valid(const void *p, size_t n)
{
	const unsigned char *s = p;

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
