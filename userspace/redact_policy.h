/*
 * redact_policy.h - the redaction policy: which detectors run, and what is
 * done with each entity type they find, per direction and per scope.
 *
 * A policy is built from the built-in detectors (policies/redaction-rules.json
 * and policies/redaction-noseyparker.json, compiled into the binary) and the
 * built-in default actions (policies/redaction.json, also compiled in), then
 * the policy file named by "redaction_policy" in tollgate.json, if any, on
 * top: its own entities and rules, rules it disables, its actions and its
 * scopes. See policies/redaction.json for every key.
 *
 * Actions per entity type: off (not even looked for), monitor (an event
 * only), redact ("[REDACTED:SSN]"), pseudonymize ("<EMAIL_1>", put back in
 * the response), block (the request is refused; in a response, see
 * redact.h). An action may differ by direction:
 *   "EMAIL": "pseudonymize"  or  "EMAIL": {"request": "redact", "response": "monitor"}
 * Scopes, as for budgets: "host", "cgroup:/PATH" (and everything below it),
 * "uid:N", "key:FINGERPRINT". The most specific scope that sets an entity's
 * action decides: key, then uid, then the deepest cgroup, then host.
 *
 * A loaded policy is immutable and reference-counted, so a reload can swap
 * it while calls still use the old one.
 */
#ifndef TG_REDACT_POLICY_H
#define TG_REDACT_POLICY_H

#include <limits.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "budget.h"
#include "common.h"
#include "detectors.h"

enum tg_redact_action {
	TG_ACT_OFF = 0,
	TG_ACT_MONITOR,
	TG_ACT_REDACT,
	TG_ACT_PSEUDONYMIZE,
	TG_ACT_BLOCK,
};

enum tg_redact_dir { TG_DIR_REQUEST = 0, TG_DIR_RESPONSE = 1 };

/* What to do with a request body that says it is JSON but is not. */
enum tg_malformed { TG_MALFORMED_REFUSE = 0, TG_MALFORMED_PASS, TG_MALFORMED_SCAN };

struct tg_redact_scope {
	struct tg_scope scope;
	int8_t act[2][TG_MAX_ENTITIES];   /* -1: not set by this scope */
};

struct tg_redact_policy {
	atomic_int refs;
	char source[PATH_MAX];            /* the file, or "built-in" */
	int64_t loaded_wall_ms;
	struct tg_detectors *det;
	int8_t act[2][TG_MAX_ENTITIES];   /* host-wide actions */
	struct tg_redact_scope *scopes;
	size_t nscopes;
	enum tg_malformed malformed_json;
	bool scan_other_bodies;           /* "other_bodies": "scan" (else "pass") */
	bool refuse_compressed;           /* "compressed_bodies": "refuse" (else "pass") */
	/* String values under these keys are never scanned: a hash set (open
	 * addressing, tg_redact_key_hash), since every string of a body is
	 * looked up in it. */
	char **skip_keys;                 /* skip_slots entries, NULL = free */
	size_t skip_slots;                /* a power of two, at least twice the keys */
	size_t nskip_keys;
};

/* The hash of the skip_keys set (FNV-1a). */
static inline uint32_t tg_redact_key_hash(const char *key)
{
	uint32_t h = 2166136261u;

	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 16777619u;
	return h;
}

/* The call a policy is applied to. */
struct tg_redact_who {
	const char *cgroup;
	uint32_t uid;
	const char *key_fp;
};

/* Load the policy: path "" = the built-in defaults alone. Errors name the
 * file and the key. The new policy holds one reference. */
struct tg_redact_policy *tg_redact_policy_load(const char *path, tg_err *err);
void tg_redact_policy_ref(struct tg_redact_policy *p);
void tg_redact_policy_unref(struct tg_redact_policy *p);

/* Resolve the actions for one call: out[dir][entity]. */
void tg_redact_policy_actions(const struct tg_redact_policy *p, const struct tg_redact_who *who,
			      uint8_t out[2][TG_MAX_ENTITIES]);

const char *tg_redact_action_name(enum tg_redact_action a);

/* The built-in files (NUL-terminated), from redact_builtin.c. */
extern const char tg_builtin_redaction_rules[];
extern const char tg_builtin_redaction_noseyparker[];
extern const char tg_builtin_redaction_policy[];

#endif
