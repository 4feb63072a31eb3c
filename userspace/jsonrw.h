/*
 * jsonrw.h - rewrite the string values of a JSON document, leaving every
 * other byte as it was.
 *
 * The document is parsed strictly (RFC 8259: one value, no trailing
 * garbage, nesting at most TG_JSON_MAX_DEPTH). For each string value (not
 * object keys) the callback gets the decoded text and the path of keys
 * leading to it; it may leave the value alone, or give new text, which is
 * re-encoded (minimal escapes: quote, backslash, control characters; lone
 * surrogates that were \u-escaped come back escaped). Everything else,
 * whitespace and number spellings included, is copied byte for byte, so a
 * document with nothing to rewrite comes out identical, and the output is
 * valid JSON whenever the input is.
 *
 * Decoded text is UTF-8; a lone surrogate escape (\ud800) decodes to its
 * 3-byte WTF-8 form so nothing is lost on the way back.
 */
#ifndef TG_JSONRW_H
#define TG_JSONRW_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "common.h"

#define TG_JSON_MAX_DEPTH 128

/* Where a string value sits: the key of each enclosing object member, from
 * the outside in; NULL for an array element (idx then gives its position).
 * keys[depth - 1] is the value's own key (or NULL in an array); at[k] is the
 * offset in the document of the object or array holding keys[k], so a
 * callback can look at sibling members (jsonspan.h). */
struct tg_json_path {
	const char *keys[TG_JSON_MAX_DEPTH];
	size_t idx[TG_JSON_MAX_DEPTH];   /* position in the array, for array elements */
	size_t at[TG_JSON_MAX_DEPTH];    /* offset of the enclosing object or array */
	size_t depth;
};

/* The key that names the value at path: its own, or for an array's element
 * the nearest key above it (its array's: {"ssns": ["..."]}); NULL when no
 * object encloses it. */
const char *tg_json_path_name(const struct tg_json_path *path);

/* Return 0 to keep the value as it is, 1 after appending the new (decoded)
 * text to out, -1 to abort the rewrite. */
typedef int (*tg_json_string_fn)(void *ctx, const struct tg_json_path *path, const char *text,
				 size_t len, struct tg_buf *out);

/* Rewrite doc into out (appended). Returns 0, or -1 with err set when doc
 * is not valid JSON or the callback aborted; out is then incomplete. With
 * out NULL it only walks (the callback must then keep every value). */
int tg_json_rewrite(const char *doc, size_t len, tg_json_string_fn fn, void *ctx,
		    struct tg_buf *out, tg_err *err);

/* Is doc one valid JSON value? */
bool tg_json_valid(const char *doc, size_t len);

/* Append text as a JSON string body (no quotes), escaped as above. */
int tg_json_escape(const char *text, size_t len, struct tg_buf *out);

#endif
