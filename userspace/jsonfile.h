/*
 * jsonfile.h - strict JSON configuration files (helpers shared by the
 * config loader and the provider registry).
 *
 * Conventions for every tollgate JSON file:
 *   - the file is read whole, must be UTF-8 text without NUL bytes, and a
 *     syntax error is reported with its line and column;
 *   - object keys starting with "_" are comments and are ignored;
 *   - any other key must be known, and may appear only once.
 * The helpers write a short message (no file name, no key path) into err;
 * callers prefix it with where the value was found.
 */
#ifndef TG_JSONFILE_H
#define TG_JSONFILE_H

#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "common.h"

#define TG_JSON_MAX_FILE (4u << 20) /* no configuration file is bigger */

/* Read and parse path. Errors name the file (and line/column for syntax). */
cJSON *tg_json_load_file(const char *path, tg_err *err);

/* tg_json_load_file, for a file whose top level must be an object with
 * keys from allowed only (as tg_json_check_keys). Errors name the file. */
cJSON *tg_json_load_object(const char *path, const char *const *allowed, tg_err *err);

/* Is this key a comment ("_anything")? */
bool tg_json_is_comment(const char *key);

/* Every key of obj must be in allowed (NULL-terminated) or be a comment,
 * and no key may repeat. allowed == NULL allows any key (repeats are still
 * errors). */
int tg_json_check_keys(const cJSON *obj, const char *const *allowed, tg_err *err);

/* "string", "number", "object", ... for messages. */
const char *tg_json_type_name(const cJSON *item);

/* A JSON number that is an integer in [min, max] (max at most 2^53). */
int tg_json_uint(const cJSON *item, uint64_t min, uint64_t max, uint64_t *out, tg_err *err);

/* A JSON string; *out points into item. */
int tg_json_string(const cJSON *item, const char **out, tg_err *err);

#endif
