/*
 * jsonspan.h - read and edit JSON in place, as byte spans of the original
 * text: no tree, no allocation, no re-serializing.
 *
 * Reading. The metering stage reads a handful of members (model, usage
 * counts, finish reasons) from every request, every response and every
 * stream event. Building a cJSON tree for that costs a malloc per node.
 * Instead, tg_json_doc checks the document in one pass and notes where
 * its outer arrays and objects end (struct tg_jdoc, on the caller's
 * stack); the readers then find values as offsets into the text
 * (tg_json_get, tg_json_first/next), stepping over those containers
 * without scanning them again, and read only the values asked for
 * (tg_json_read_uint, tg_json_read_string). Nothing is allocated, except
 * by tg_json_read_uint for a number of more than 128 characters (a copy
 * for strtod).
 *
 * Editing. Re-printing a request or a stream chunk through a JSON library
 * changes its bytes (number formats, escapes, big integers losing
 * precision). The metering stage only needs surgical edits: add
 * stream_options.include_usage, set max_tokens, drop "usage":null from a
 * chunk. tg_json_set_member / tg_json_remove_member edit around one member;
 * everything else stays byte for byte. These work on text that was not
 * checked, and only follow brackets and strings.
 *
 * The grammar is cJSON's (the library tollgate reads its other JSON with),
 * so that what these helpers accept and read is exactly what
 * cJSON_ParseWithLength accepted and read before (tests/unit/test_jsonspan.c
 * compares them on half a million documents):
 *   - whitespace is any byte up to 0x20; an optional UTF-8 byte order mark
 *     may open the document; bytes after the document's value are ignored;
 *   - a number is what strtod reads from it (so 01, 1. and -.5 are
 *     numbers, 1e is not);
 *   - strings may hold raw control bytes and any byte >= 0x80; escapes are
 *     checked (\uD800 must be followed by a low surrogate, a lone low
 *     surrogate is an error, \u with non-hex digits reads as U+0000);
 *   - nesting is at most 1000 arrays and objects deep;
 *   - a string, key or value, is read as a C string: unescaped to UTF-8
 *     and ending at its first NUL (\u0000). Keys are compared that way.
 *
 * Offsets are into the text; a value's offset is that of its first byte.
 * TG_JNONE stands for "no value": the readers return it and accept it, so
 * they chain without checks, like cJSON's NULL: get(get(o, "a"), "b").
 */
#ifndef TG_JSONSPAN_H
#define TG_JSONSPAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "buf.h"

#define TG_JNONE ((size_t)-1)
#define TG_JSON_SPAN_MAX_DEPTH 1000 /* cJSON's CJSON_NESTING_LIMIT */
#define TG_JDOC_SPANS 64            /* containers whose end tg_json_doc notes */

enum tg_jtype {
	TG_JSON_ABSENT = 0, /* TG_JNONE */
	TG_JSON_NULL,
	TG_JSON_FALSE,
	TG_JSON_TRUE,
	TG_JSON_NUMBER,
	TG_JSON_STRING,
	TG_JSON_ARRAY,
	TG_JSON_OBJECT,
};

/* A checked document. spans: the first TG_JDOC_SPANS arrays and objects
 * down to 3 levels below the top, in document order: where each starts
 * and just past where it ends. */
struct tg_jdoc {
	const char *s;
	size_t n;
	uint32_t nspans;
	struct {
		uint32_t from, to;
	} spans[TG_JDOC_SPANS];
};

struct tg_jmember {
	size_t key;        /* offset of the key's opening quote */
	size_t value;      /* offset of the value's first byte */
	size_t value_end;  /* offset just past the value */
};

/* ---- reading a checked document ----------------------------------------- */

/* Check s[0..n) as a JSON document (the grammar above) into d. Returns the
 * offset of its value, or TG_JNONE when it is malformed (then every reader
 * below finds nothing in d). */
size_t tg_json_doc(struct tg_jdoc *d, const char *s, size_t n);

/* The type of the value at v (TG_JSON_ABSENT for TG_JNONE). */
enum tg_jtype tg_json_type(const struct tg_jdoc *d, size_t v);

/* The value of member key of the object at obj; TG_JNONE when obj is not
 * an object or has no such member. A repeated key: the first one counts. */
size_t tg_json_get(const struct tg_jdoc *d, size_t obj, const char *key);

/* Several members in one pass over the object: vals[i] is what
 * tg_json_get would return for keys[i]. */
void tg_json_get_many(const struct tg_jdoc *d, size_t obj, const char *const *keys, size_t nkeys, size_t *vals);

/* Does the object at obj have one of keys more than once? Parsers disagree
 * on which copy counts (the first here, the last in most providers'), so a
 * reader that must see what the provider sees refuses such a document. */
bool tg_json_repeats(const struct tg_jdoc *d, size_t obj, const char *const *keys, size_t nkeys);

/* Both in one pass: tg_json_get_many into vals, and returns what
 * tg_json_repeats would. */
bool tg_json_get_many_repeats(const struct tg_jdoc *d, size_t obj, const char *const *keys, size_t nkeys,
			      size_t *vals);

/* The children of an array (its elements) or of an object (its members'
 * values), in order, as cJSON_ArrayForEach visits them:
 *   for (v = tg_json_first(d, arr); v != TG_JNONE; v = tg_json_next(d, v))
 * TG_JNONE when there is none (or at is neither). */
size_t tg_json_first(const struct tg_jdoc *d, size_t v);
size_t tg_json_next(const struct tg_jdoc *d, size_t child);

/* The number at v as an unsigned integer, its fraction dropped. False (and
 * *out untouched) when v is no number, or the number is below 0 or above
 * max. The number's value is strtod's, as in cJSON. */
bool tg_json_read_uint(const struct tg_jdoc *d, size_t v, uint64_t max, uint64_t *out);

/* The string at v, unescaped, into out as a C string (cut to size - 1
 * bytes; out may be NULL when size is 0). Returns the unescaped length (up
 * to the first NUL; it may exceed size - 1), or -1 when v is no string
 * (out is then untouched). */
ssize_t tg_json_read_string(const struct tg_jdoc *d, size_t v, char *out, size_t size);

/* Is the value at v a string that reads as lit? */
bool tg_json_string_eq(const struct tg_jdoc *d, size_t v, const char *lit);

/* ---- scanning and editing unchecked text -------------------------------- */

/* Offset of the first non-whitespace byte at or after i (n if none). */
size_t tg_json_skip_ws(const char *s, size_t n, size_t i);

/* Offset just past the JSON value starting at i, or 0 if it is cut short.
 * Only brackets and strings are followed (the value is not checked). */
size_t tg_json_skip_value(const char *s, size_t n, size_t i);

/* Find member key in the object whose '{' is at obj (whitespace before it
 * is skipped). 1 found, 0 not found, -1 malformed. */
int tg_json_member(const char *s, size_t n, size_t obj, const char *key, struct tg_jmember *m);

/* Build into out: s with the member removed (and one adjoining comma). */
int tg_json_remove_member(const char *s, size_t n, const struct tg_jmember *m, struct tg_buf *out);

/* Build into out: s with member key of the object at obj set to the raw JSON
 * value (replaced if present, else inserted first). -1 if malformed. */
int tg_json_set_member(const char *s, size_t n, size_t obj, const char *key, const char *value,
		       struct tg_buf *out);

#endif
