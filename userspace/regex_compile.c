/*
 * regex_compile.c - PCRE2 compilation with a readable error (see
 * regex_compile.h).
 */
#include "regex_compile.h"

#include <stdio.h>

pcre2_code *tg_regex_compile(const char *pattern, uint32_t opts, uint32_t jit, bool *jitted, char *why,
			     size_t whylen)
{
	int code;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &code, &off, NULL);
	bool ok = false;

	if (!re) {
		char msg[160];

		pcre2_get_error_message(code, (PCRE2_UCHAR *)msg, sizeof(msg));
		snprintf(why, whylen, "%s at offset %zu", msg, (size_t)off);
	} else if (jit) {
		ok = pcre2_jit_compile(re, jit) == 0;
	}
	if (jitted)
		*jitted = ok;
	return re;
}
