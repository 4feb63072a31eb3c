/*
 * redact.h - PII and secret redaction of requests and responses: the
 * pipeline stage, its per-call state, and its admin routes.
 *
 * The stage runs first in the pipeline, so nothing after it (metering,
 * traces, the request log) ever sees a value it removes.
 *   request   the body is rewritten before it leaves the host: JSON bodies
 *             string by string (jsonrw.h), every text field in every shape
 *             (messages, content parts, system prompts, tool arguments and
 *             results, Responses input items, Gemini parts); text bodies as
 *             text. A blocked entity refuses the call (403, provider shape).
 *   response  JSON bodies are rewritten whole; SSE streams event by event,
 *             and Gemini's JSON array streams element by element
 *             (redact_sse.h), holding back only what a value could still
 *             need, in at most 2 KB of state per stream where it can; text
 *             streams likewise. Pseudonyms the request introduced are put
 *             back; values the model made up get placeholders of their own,
 *             of which only a keyed hash is kept. Headers are never
 *             touched: the API key goes upstream as it came and is logged
 *             nowhere.
 * Every call with detections gets a policy event per direction ("redact",
 * or "block") with entity types, distinct-value counts and actions, never a
 * value; the request log gets the counts (call->redactions).
 *
 * Admin API: GET /v1/redaction (policy, rules, counters),
 * POST /v1/redaction/reload (re-read the policy file; audited),
 * POST /v1/redaction/test {"text", "direction", "cgroup", "uid", "key_fp"}
 * (what a text would become, with the detections; the caller's own text).
 */
#ifndef TG_REDACT_H
#define TG_REDACT_H

#include <stdbool.h>

#include "admin.h"
#include "audit.h"
#include "buf.h"
#include "common.h"
#include "events.h"
#include "pipeline.h"
#include "redact_policy.h"
#include "jsonrw.h"
#include "textrw.h"

struct tg_redact;
struct tg_redactor;

/* policy_path "" = the built-in default policy. enabled false: the stage
 * passes everything untouched (and says so in its status). */
struct tg_redact *tg_redact_open(const char *policy_path, bool enabled, struct tg_events *events,
				 struct tg_audit *audit, tg_err *err);
void tg_redact_close(struct tg_redact *r);

/* The pipeline stage; index is its position (for call->stage_data). */
struct tg_stage tg_redact_stage(struct tg_redact *r, size_t index);

/* Register the admin routes. Returns -1 if the route table is full. */
int tg_redact_routes(struct tg_redact *r, struct tg_admin *admin);

/* ---- one call's redaction, shared by the JSON and SSE rewriters -------- */

/* Start / end a call's state for who (the policy in force is referenced). */
struct tg_redactor *tg_redactor_new(struct tg_redact *r, const struct tg_redact_who *who);
void tg_redactor_free(struct tg_redactor *x);

/* Rewrite a whole text (dir: request or response). Appends the result to
 * out; returns 1 if it differs from the input, 0 if not, -1 on error. */
int tg_redactor_text(struct tg_redactor *x, enum tg_redact_dir dir, const char *text, size_t len,
		     struct tg_buf *out, tg_err *err);

/* Rewrite a JSON document's string values (skip keys, data: URIs and
 * nested JSON in "arguments" handled). Appends the document to out; returns
 * 1 if changed, 0 if not, -1 if it is not valid JSON (err says where). */
int tg_redactor_json(struct tg_redactor *x, enum tg_redact_dir dir, const char *doc, size_t len,
		     struct tg_buf *out, tg_err *err);

/* One JSON string value of a response, as tg_redactor_json treats it (a
 * tg_json_string_fn for jsonrw.h, x as ctx; x's direction must be set by a
 * preceding call, which tg_redactor_json_begin does). */
void tg_redactor_json_begin(struct tg_redactor *x, enum tg_redact_dir dir);
int tg_redactor_json_value(void *x, const struct tg_json_path *path, const char *text, size_t len,
			   struct tg_buf *out);

/* Stream a response text through ts (see textrw.h). */
int tg_redactor_stream(struct tg_redactor *x, struct tg_textstream *ts, const char *in, size_t len,
		       bool final, struct tg_buf *out, tg_err *err);

/* What the detectors look for in this direction, and the detectors. */
uint64_t tg_redactor_mask(const struct tg_redactor *x, enum tg_redact_dir dir);
const struct tg_detectors *tg_redactor_detectors(const struct tg_redactor *x);

/* Append the replacement for the value text[span] (as the call's actions
 * say; the value itself when it is only monitored). Returns 1 if the
 * replacement differs from the value, 0 if not, -1 on error. */
int tg_redactor_replace(struct tg_redactor *x, enum tg_redact_dir dir, const char *text, size_t len,
			const struct tg_span *span, struct tg_buf *out);

/* A keyed hash of the texts a and b, one after the other: SipHash-2-4 under
 * the call's random key, so that what it is used for (values remembered,
 * memos of strings found clean) cannot be aimed at from outside. Returns
 * -1 if it could not be made. */
int tg_redactor_hash(struct tg_redactor *x, const void *a, size_t an, const void *b, size_t bn, uint64_t *out);

/* Is a JSON key one whose string values are never scanned? */
bool tg_redactor_skip_key(const struct tg_redactor *x, const char *key);

/* Did a blocked entity turn up in this direction? Its types, comma-separated, into buf. */
bool tg_redactor_blocked(const struct tg_redactor *x, enum tg_redact_dir dir, char *buf, size_t size);

/* Is anything looked for in this direction? */
bool tg_redactor_active(const struct tg_redactor *x, enum tg_redact_dir dir);

/* Detections so far, per entity (distinct values), as a JSON object
 * {"SSN": {"count": 1, "action": "redact"}, ...}; NULL if none. */
cJSON *tg_redactor_summary(const struct tg_redactor *x, enum tg_redact_dir dir);

/* What the allocator takes for an n-byte block (glibc: an 8-byte header,
 * 16-byte steps, 32 at least): state is counted in these. */
static inline size_t tg_heap_bytes(size_t n)
{
	size_t c = (n + 8 + 15) & ~(size_t)15;

	return n == 0 ? 0 : c < 32 ? 32 : c;
}

/* Bytes of memory the call's state holds, apart from what its request
 * left (for the per-stream measurement): the redactor itself and what the
 * response remembers (keyed hashes of its values, at most 32). */
size_t tg_redactor_bytes(const struct tg_redactor *x);
/* Bytes the request left in the call's state: the values it pseudonymized
 * (kept as sent, to put them back in the response) and the keyed hashes
 * of the values it counted. */
size_t tg_redactor_request_bytes(const struct tg_redactor *x);
/* Bytes of the stage's own per-call record, besides the redactor and the
 * stream rewriter. */
size_t tg_redact_stage_call_bytes(void);

#endif
