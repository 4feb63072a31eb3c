/*
 * regex_compile.h - compile a PCRE2 pattern with an error the caller can
 * show, and JIT-compile it for the match modes asked for. One place for the
 * detectors' confirmations and the stream holdback's partial matching.
 */
#ifndef TG_REGEX_COMPILE_H
#define TG_REGEX_COMPILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

/*
 * Compile pattern (NUL-terminated) with opts. jit: PCRE2_JIT_* modes to
 * JIT-compile for, 0 for none; *jitted (may be NULL) says whether JIT
 * compilation succeeded (PCRE2 falls back to its interpreter otherwise).
 * NULL on error, with why set to PCRE2's message and the offset.
 */
pcre2_code *tg_regex_compile(const char *pattern, uint32_t opts, uint32_t jit, bool *jitted, char *why,
			     size_t whylen);

#endif
