/*
 * holdback.h - how much of a stream's text must wait: the first offset from
 * which some rule could still match text that has not arrived yet.
 *
 * That is PCRE2's partial matching (PCRE2_PARTIAL_HARD) of every rule over
 * the tail of the text. The rules are run in groups, each an alternation
 * ending in (*FAIL), so that only a match that runs into the end of the text
 * is reported. Rules whose matches can begin with the same bytes (PCRE2's
 * own first code unit or start bitmap of each rule) share a group, and a
 * group is not run at all when no byte of the tail can begin one of its
 * matches, or when a group run before it already holds from the start of
 * the tail. The answer is the same as running every rule over the whole
 * tail (see holdback.c).
 */
#ifndef TG_HOLDBACK_H
#define TG_HOLDBACK_H

#include <stddef.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include "common.h"

struct tg_holdback;

struct tg_holdback *tg_holdback_new(void);
/* Add a rule: its pattern as PCRE2 compiles it alone (flags written inline,
 * "(?i:...)"); name is for errors. */
int tg_holdback_add(struct tg_holdback *h, const char *name, const char *pattern, tg_err *err);
/* Group the rules and compile the groups (once, after every add). */
int tg_holdback_compile(struct tg_holdback *h, tg_err *err);
void tg_holdback_free(struct tg_holdback *h);

/* How many alternations the rules were compiled into. */
size_t tg_holdback_groups(const struct tg_holdback *h);

/*
 * The first offset p in [from, limit) such that some rule has a partial
 * match of text[0..len) starting at p, or limit if there is none (limit <=
 * len; an offset at or past limit changes nothing for the caller). Bytes
 * before from are read only by lookbehinds. md and mctx are the caller's
 * (match limit, JIT stack); when a search fails (match limit), from.
 */
size_t tg_holdback_find(const struct tg_holdback *h, const char *text, size_t len, size_t from, size_t limit,
			pcre2_match_data *md, pcre2_match_context *mctx);

#endif
