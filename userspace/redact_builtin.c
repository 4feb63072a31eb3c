/*
 * redact_builtin.c - the built-in redaction detectors and default policy,
 * compiled into the binary from policies/ so that redaction works with no
 * file installed. The JSON files are the source; the Makefile rebuilds this
 * object when they change. Each blob ends with a NUL byte.
 */
#include "redact_policy.h"

__asm__(".section .rodata\n"
	".balign 16\n"
	".global tg_builtin_redaction_rules\n"
	"tg_builtin_redaction_rules:\n"
	".incbin \"policies/redaction-rules.json\"\n"
	".byte 0\n"
	".balign 16\n"
	".global tg_builtin_redaction_noseyparker\n"
	"tg_builtin_redaction_noseyparker:\n"
	".incbin \"policies/redaction-noseyparker.json\"\n"
	".byte 0\n"
	".balign 16\n"
	".global tg_builtin_redaction_policy\n"
	"tg_builtin_redaction_policy:\n"
	".incbin \"policies/redaction.json\"\n"
	".byte 0\n"
	".previous\n");
