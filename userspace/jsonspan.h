/*
 * jsonspan.h - find and edit members of a JSON object in place, as byte
 * spans of the original text, without re-serializing the document.
 *
 * Re-printing a request or a stream chunk through a JSON library changes
 * its bytes (number formats, escapes, big integers losing precision). The
 * metering stage only needs surgical edits: add stream_options.include_usage,
 * set max_tokens, drop "usage":null from a chunk. These helpers scan just
 * enough of the text to find a member and edit around it; everything else
 * stays byte for byte. Keys are compared as raw bytes (no unescaping).
 */
#ifndef TG_JSONSPAN_H
#define TG_JSONSPAN_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

struct tg_jmember {
	size_t key;        /* offset of the key's opening quote */
	size_t value;      /* offset of the value's first byte */
	size_t value_end;  /* offset just past the value */
};

/* Offset of the first non-whitespace byte at or after i (n if none). */
size_t tg_json_skip_ws(const char *s, size_t n, size_t i);

/* Offset just past the JSON value starting at i, or 0 if malformed. */
size_t tg_json_skip_value(const char *s, size_t n, size_t i);

/* Find member key in the object whose '{' is at obj. 1 found, 0 not found, -1 malformed. */
int tg_json_member(const char *s, size_t n, size_t obj, const char *key, struct tg_jmember *m);

/* Build into out: s with the member removed (and one adjoining comma). */
int tg_json_remove_member(const char *s, size_t n, const struct tg_jmember *m, struct tg_buf *out);

/* Build into out: s with member key of the object at obj set to the raw JSON
 * value (replaced if present, else inserted first). -1 if malformed. */
int tg_json_set_member(const char *s, size_t n, size_t obj, const char *key, const char *value,
		       struct tg_buf *out);

#endif
