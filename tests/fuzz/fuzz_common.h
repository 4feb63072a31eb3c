/*
 * fuzz_common.h - what the libFuzzer harnesses in tests/fuzz/ share: their
 * setup, the built-in redaction policy, and output checks.
 *
 * The Makefile links fuzz_common.c into every harness. A new harness is
 * tests/fuzz/fuzz_<name>.c, with seeds in tests/fuzz/corpus/<name>/, named
 * in the Makefile's fuzz target and in tests/integration/85-fuzz.sh:
 *
 *   int LLVMFuzzerInitialize(int *argc, char ***argv)
 *   {
 *           (void)argc;
 *           (void)argv;
 *           fuzz_init(true);        (false: no redaction policy needed)
 *           return 0;
 *   }
 *   int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { ... }
 */
#ifndef TG_FUZZ_COMMON_H
#define TG_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>

#include "redact.h"

/* Quiet logs (errors only). with_redaction also opens the built-in
 * redaction policy (a few seconds: do it here, not in the first input);
 * aborts, saying why, if it cannot. */
void fuzz_init(bool with_redaction);

/* A redactor on the built-in policy (fuzz_init(true) first), for a fixed
 * caller: cgroup /fuzz, uid 1, no key. Free it with tg_redactor_free. */
struct tg_redactor *fuzz_redactor_new(void);

/* Is s[0..n) well-formed UTF-8 (lead and continuation bytes)? */
bool fuzz_utf8_valid(const void *s, size_t n);

#endif
