/*
 * detectors.h - find PII and secrets in text: every detector rule and the
 * context words compiled into one Hyperscan database scanned over the whole
 * text, each hit confirmed with PCRE2 and checked by the rule's validator
 * and context words.
 *
 * A rule (policies/redaction-rules.json, policies/redaction-noseyparker.json,
 * or a policy's own "rules") names an entity type ("EMAIL", "SECRET", ...),
 * a pattern in the syntax Hyperscan and PCRE2 share, and optionally:
 *   "group"          the capture group to redact (default: every group that
 *                    took part, or the whole match when there is none)
 *   "validator"      card, luhn, iban, ssn, email, ipv4, ipv6, phone,
 *                    phone_alone, phone_national, phone_intl, date,
 *                    passport, nino, dni, codice_fiscale, secret, id,
 *                    base64_secret (detect_checks.h, detect_phone.h,
 *                    detect_ip.h)
 *   "context"        words of which one must appear within "context_before"
 *                    bytes before or "context_after" bytes after the value
 *                    (Presidio-style, for the weak formats), caseless
 *   "context_fields" true: the context words also name a value as a field
 *                    name does: written into a name ("ssn_full",
 *                    "customerSsn", "social_security_number": spaces as
 *                    '_', '-' or nothing), in the header of the value's
 *                    column in a table (CSV, TSV, markdown, pipes; however
 *                    far above it is, tablectx.h), in the key of the JSON
 *                    string that holds it (tg_detect_many); at most 8 rules.
 *                    Or a list of the context words that do so: the others
 *                    then name a JSON string only as its whole key,
 *                    a column only as the whole of its header cell.
 *                    In a text, the key of the JSON object or array the
 *                    value is in names it too ("phone": {"new": "..."})
 *   "context_labels" short words that name the value as the label of its
 *                    line or table cell only ("T 030 1234567", "M: ...")
 *   "context_optional" true: the context words do not gate a value, they
 *                    outrank deny words; only a value its validator calls
 *                    weak needs one (ipv4: a quad written as a version is)
 *   "context_local"  true: the rule's words are looked for by hand around
 *                    each of its values, not by Hyperscan in the whole
 *                    text (same results; long word lists cost the scan
 *                    nothing); not with "context_fields"
 *   "deny_context"   words that veto the value within "context_before",
 *                    unless a context word stands nearer to it
 *   "deny_context_after"  words that veto it within "context_after"
 *   "context_nearest" true: a word names the nearest number only: not one
 *                    behind another number and more words, not one after
 *                    the value that a number follows sooner or that labels
 *                    the next number ("landline: ..."); of the words before
 *                    the value, the nearest decides (context or deny; a
 *                    deny word with a number after it names that one); in
 *                    a table's row, a header's word names its column only;
 *                    not the bare numbers after the sentence its own
 *                    number ended, nor one before a blank line it stands
 *                    after; a list's item number is no number; in a line
 *                    of items parted by '·', a label of the next item
 *                    names the unlabelled one before it; a deny word
 *                    that begins a person's role ("account manager")
 *                    denies nothing
 *   "min_entropy"    Shannon entropy in bits per character of the value
 *   "kind": "pem"    the pattern is a BEGIN marker; the value runs to the
 *                    matching END marker (or to the end of the text)
 *   "flags"          "i" caseless, "m" multiline, "s" dot matches newline
 *   "trigger"        what Hyperscan looks for instead of the pattern: a
 *                    cheaper pattern that matches, ending at the same
 *                    offset, wherever the pattern has a match the rule can
 *                    accept (a suffix of it, or of every match its
 *                    validator passes). For speed it should begin with a
 *                    literal or a digit and have few bounded repeats.
 *
 * Engine: Hyperscan reports (rule, end offset) only, without start of
 * match (the SOM flag fails many real patterns and costs speed); each hit is
 * confirmed by PCRE2 with the rule's pattern forced to end at that offset
 * (a callout), over a window as wide as the rule can match, trying later
 * starts while the validator refuses. Overlapping values of one entity are merged; between entities the higher
 * priority, then the longer value, wins.
 *
 * Streams: tg_detect() can work on a window of a longer text (opts.from is
 * where the not yet emitted part starts, opts.final says whether the text
 * ends here). It then also computes opts.hold: the first offset that cannot
 * be emitted yet because a match could still begin there and cover text that
 * has not arrived (PCRE2 partial matching of all rules, incremental from
 * opts.hold_from), or because a value waits for context words after it.
 *
 * A tg_detectors is immutable once compiled and shared by all threads;
 * scratch space is borrowed per call from an internal pool.
 */
#ifndef TG_DETECTORS_H
#define TG_DETECTORS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "common.h"
#include "detect_checks.h" /* the validators (tg_valid_card ...), for tests and benches */
#include "tablectx.h"

#define TG_ENTITY_LEN 24
#define TG_MAX_ENTITIES 32
#define TG_RULE_ID_LEN 64

/* Entity index of the built-in placeholder pseudo-rule ("<EMAIL_1>"). */
#define TG_ENTITY_PLACEHOLDER 63

struct tg_detectors;

struct tg_span {
	uint32_t start, end;  /* bytes of the value to replace */
	uint32_t rule;        /* index of the rule that found it */
	uint8_t entity;       /* entity index, or TG_ENTITY_PLACEHOLDER */
};

struct tg_spans {
	struct tg_span *v;
	size_t n, cap;
};

struct tg_scan_opts {
	uint64_t entities;   /* bit i = look for entity i; bit 63 = placeholders */
	size_t from;         /* values starting before this were emitted already */
	bool final;          /* the text really ends at len */
	size_t hold_from;    /* streams: no partial match begins before this (a previous hold) */
	size_t hold;         /* out (when !final): first offset that cannot be emitted yet */
	struct tg_table *table; /* streams: the table context of the text before from, kept by the caller
				 * and moved on by each call to its hold; NULL: read from the text's start */
	const char *key;     /* the name the text goes by (its JSON key, key_len bytes), or NULL: a context
			      * word in it counts for the "context_fields" rules */
	size_t key_len;
};

/* Building: add entities, then rules, then compile. */
struct tg_detectors *tg_detectors_new(void);
/* "entities": {"EMAIL": {"priority": 80, "description": "..."}, ...}; where names the source for errors. */
int tg_detectors_add_entities(struct tg_detectors *d, const cJSON *obj, const char *where, tg_err *err);
/* "rules": [...]; rules with an id already present replace it. */
int tg_detectors_add_rules(struct tg_detectors *d, const cJSON *arr, const char *where, tg_err *err);
/* Drop a rule by id (error if unknown). */
int tg_detectors_disable(struct tg_detectors *d, const char *id, tg_err *err);
int tg_detectors_compile(struct tg_detectors *d, tg_err *err);
void tg_detectors_free(struct tg_detectors *d);

size_t tg_detectors_nrules(const struct tg_detectors *d);
size_t tg_detectors_nentities(const struct tg_detectors *d);
const char *tg_detectors_entity_name(const struct tg_detectors *d, int entity);
/* Entity index by name, or -1. */
int tg_detectors_entity(const struct tg_detectors *d, const char *name);
const char *tg_detectors_rule_id(const struct tg_detectors *d, size_t rule);
/* Rules compiled in Hyperscan's prefilter mode (approximate, PCRE2 decides). */
size_t tg_detectors_nprefilter(const struct tg_detectors *d);
/* Longest value a partial match may still need, for sizing stream buffers. */
size_t tg_detectors_history(const struct tg_detectors *d);

/* Find values in text[0..len). Spans come out sorted and disjoint; only
 * values that are decided (see opts) are returned. Returns -1 (err set) if
 * scanning itself failed. */
int tg_detect(const struct tg_detectors *d, const char *text, size_t len,
	      struct tg_scan_opts *opts, struct tg_spans *out, tg_err *err);

/* One of many texts laid end to end in one buffer (tg_detect_many), and
 * optionally the name it goes by (a JSON string's key), laid out before it
 * in the same buffer (key_len 0: none). */
struct tg_segment {
	uint32_t off, len;
	uint32_t key_off, key_len;
};

/* Find values in many complete texts with one scan: text holds them at
 * segs[i] (in order, each followed by at least one '\n' before the next
 * text or key), and each is judged exactly as tg_detect() would judge it
 * alone, except that a context word in its key counts for the rules with
 * "context_fields" ({"ssn_full": "460899847"}). Spans come out in buffer
 * offsets, sorted, each inside its text. */
int tg_detect_many(const struct tg_detectors *d, const char *text, size_t len, const struct tg_segment *segs,
		   size_t nsegs, uint64_t entities, struct tg_spans *out, tg_err *err);

void tg_spans_free(struct tg_spans *s);

#endif
