/*
 * holdback.c - how much of a stream's text must wait (see holdback.h).
 *
 * The answer is the one this search gives: every rule in one alternation
 * followed by (*FAIL), run by pcre2_match() from `from` over the whole text
 * with PCRE2_PARTIAL_HARD. Why running groups of the rules, skipping some,
 * gives the same answer:
 *
 *  - With (*FAIL) after it, the alternation never matches; the search
 *    reports the first start, from `from` on, at which some path of some
 *    alternative runs into the end of the text (PCRE2_ERROR_PARTIAL,
 *    ovector[0] = that start), or no match. Whether a path from a start
 *    runs into the end depends on that start and that alternative only: so
 *    the first such start of the whole alternation is the least of the
 *    first such starts of any split of it into groups, in any order.
 *    (At the end of the text itself a pattern with a lookbehind or \b
 *    reports a partial match having read nothing; the caller holds from
 *    the end at most anyway: see limit.)
 *  - A start at or past `limit` changes nothing for the caller. So once a
 *    group reports a start p, the groups after it only matter for a start
 *    before p; once p == from, they do not matter at all.
 *  - A group's path from a start p < len first reads the byte at p with
 *    something that must accept it, and PCRE2 computes which bytes can be
 *    (its first code unit, or its start bitmap) and skips the other starts
 *    itself, partial matching or not (it drops only its minimum length and
 *    last code unit hints for partial matching: pcre2partial(3)). A group
 *    whose branches all begin a line is tried where the search starts and
 *    after a line break only. So a group none of whose first bytes is in
 *    [from, limit) (no line start there, for those) cannot report a start
 *    before limit, and is not run.
 *  - A group that is run is run as the single search was: from `from`,
 *    over the whole text (lookbehinds, \b, ^ and \G see the same), by the
 *    same JIT code (pcre2_jit_match() is pcre2_match() without its
 *    argument checks; not for UTF patterns, whose subject pcre2_match()
 *    checks). Its parentheses capture nothing (PCRE2_NO_AUTO_CAPTURE),
 *    which changes no partial match: only a group with no named group is
 *    compiled so, and one that refers to a group by number then fails to
 *    compile and is compiled as it is.
 *  - A rule that refers to its own groups (by number, or has named groups)
 *    is a group of its own: in an alternation, \1 counts the groups of the
 *    rules before it (the one search got such a rule wrong: a reference to
 *    another rule's group that never took part fails at once, so a value
 *    of the rule split across pieces was not held).
 *
 * The one difference: the match limit (in the caller's match context)
 * counts per search, so a group reaches it later than one search over
 * every rule would; a search that reaches it holds everything from `from`.
 *
 * Groups, in the order they run: rules that can begin with any byte; the
 * rules that can begin with any letter or with a space, together (prose
 * has one at nearly every byte, so they are run at nearly every call: one
 * run instead of several); then rules with the same first bytes, the
 * widest first (a group that can begin at more bytes holds earlier more
 * often); those that begin a line last. The narrow groups (one literal
 * first byte: most secret formats) are run only when their byte is in the
 * tail, before the hold found so far.
 */
#include "holdback.h"
#include "regex_compile.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GROUP_MAX 24        /* rules per alternation: PCRE2 compiles much bigger ones slowly, or not at all */
#define MASK_GROUPS 64      /* groups told apart by the byte masks; any after these are always run */

/* The bytes a match can begin with. */
struct first {
	uint8_t bytes[32];      /* bit c: byte c */
	bool line;              /* no bytes: every branch begins a line (^ in multiline mode, or .*) */
};

/* Which rules go first (and may share a group). */
enum rank {
	RANK_ANY,               /* can begin with any byte: no first byte known */
	RANK_PROSE,             /* can begin with any letter, or with a space: one group for them all */
	RANK_SOME,              /* can begin with some bytes: grouped with the same bytes, most bytes first */
	RANK_LINE,              /* begins a line */
};

struct rule {
	char *name;             /* for errors */
	char *pattern;
	struct first first;
	enum rank rank;
	unsigned width;         /* how many bytes it can begin with */
	bool named;             /* has named groups */
	bool alone;             /* refers to its groups: in a group of its own (their numbers stay its own) */
	size_t index;           /* order of adding */
};

struct group {
	pcre2_code *re;         /* (?:R1|R2|...)(*FAIL) */
	bool jit;               /* JIT-compiled for partial matching: run by pcre2_jit_match() */
};

struct tg_holdback {
	struct rule *rules;
	size_t nrules, caprules;
	struct group *groups;
	size_t ngroups;
	uint64_t by_byte[256];  /* bit k: the byte can begin a match of group k */
	uint64_t by_line;       /* bit k: group k begins at a line start (any byte) */
	bool compiled;
};

struct tg_holdback *tg_holdback_new(void)
{
	return calloc(1, sizeof(struct tg_holdback));
}

static void first_add(struct first *f, unsigned c)
{
	f->bytes[c / 8] |= (uint8_t)(1u << (c % 8));
}

static bool first_has(const struct first *f, unsigned c)
{
	return f->bytes[c / 8] >> (c % 8) & 1;
}

static bool begins_in_prose(const struct first *f)
{
	if (first_has(f, ' '))
		return true;
	for (unsigned c = 'A'; c <= 'Z'; c++)
		if (!first_has(f, c) || !first_has(f, c + 32))
			return false;
	return true;
}

/* What PCRE2 knows of the first byte of re's matches (anything, when nothing). */
static void first_of(const pcre2_code *re, struct first *f)
{
	uint32_t type = 0, unit = 0;
	const uint8_t *map = NULL;

	memset(f, 0, sizeof(*f));
	pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODETYPE, &type);
	if (type == 1) {
		pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODEUNIT, &unit);
		if (unit < 128) {
			/* the unit, and its other case: whether it is caseless is not told */
			first_add(f, unit);
			if (isalpha((int)unit))
				first_add(f, unit ^ 0x20);
			return;
		}
	} else if (type == 0 && pcre2_pattern_info(re, PCRE2_INFO_FIRSTBITMAP, &map) == 0 && map) {
		memcpy(f->bytes, map, sizeof(f->bytes));
		return;
	} else if (type == 2) {
		f->line = true;
		return;
	}
	memset(f->bytes, 0xff, sizeof(f->bytes));
}

int tg_holdback_add(struct tg_holdback *h, const char *name, const char *pattern, tg_err *err)
{
	struct rule *r;
	pcre2_code *re;
	uint32_t names = 0;
	char why[200];

	if (h->compiled)
		return tg_errf(err, "holdback: already compiled");
	if (h->nrules == h->caprules) {
		size_t cap = h->caprules ? h->caprules * 2 : 64;
		struct rule *v = realloc(h->rules, cap * sizeof(*v));

		if (!v)
			return tg_errf(err, "out of memory");
		h->rules = v;
		h->caprules = cap;
	}
	re = tg_regex_compile(pattern, 0, 0, NULL, why, sizeof(why));
	if (!re)
		return tg_errf(err, "rule \"%s\": PCRE2: %s", name, why);
	r = &h->rules[h->nrules];
	memset(r, 0, sizeof(*r));
	first_of(re, &r->first);
	pcre2_pattern_info(re, PCRE2_INFO_NAMECOUNT, &names);
	r->named = names > 0;
	pcre2_code_free(re);
	/* a reference to a group by number does not compile without captures */
	re = tg_regex_compile(pattern, PCRE2_NO_AUTO_CAPTURE, 0, NULL, why, sizeof(why));
	r->alone = r->named || !re;
	pcre2_code_free(re);
	r->name = strdup(name);
	r->pattern = strdup(pattern);
	if (!r->name || !r->pattern) {
		free(r->name);
		free(r->pattern);
		return tg_errf(err, "out of memory");
	}
	for (unsigned c = 0; c < 256; c++)
		r->width += first_has(&r->first, c);
	if (r->first.line)
		r->rank = RANK_LINE;
	else if (r->width == 256)
		r->rank = RANK_ANY;
	else
		r->rank = begins_in_prose(&r->first) ? RANK_PROSE : RANK_SOME;
	r->index = h->nrules++;
	return 0;
}

/* By rank, widest first; rules with the same first bytes together, in the order they came. */
static int cmp_rule(const void *a, const void *b)
{
	const struct rule *x = a, *y = b;
	int c;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->width != y->width)
		return x->width > y->width ? -1 : 1;
	c = memcmp(x->first.bytes, y->first.bytes, sizeof(x->first.bytes));
	if (c)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Can x and y share a group? */
static bool same_group(const struct rule *x, const struct rule *y)
{
	if (x->rank != y->rank || x->alone || y->alone)
		return false;
	return x->rank == RANK_PROSE || memcmp(x->first.bytes, y->first.bytes, sizeof(x->first.bytes)) == 0;
}

/* Compile rules[first, first + count) as one group (in halves if PCRE2 cannot take them together). */
static int compile_group(struct tg_holdback *h, size_t first, size_t count, tg_err *err)
{
	size_t len = 32;
	char *alt, *p, why[200];
	pcre2_code *re = NULL;
	uint32_t opts = 0;
	bool named = false, jit = false;
	struct group *g;

	for (size_t i = first; i < first + count; i++) {
		len += strlen(h->rules[i].pattern) + 1;
		named |= h->rules[i].named;
	}
	alt = malloc(len);
	if (!alt)
		return tg_errf(err, "out of memory");
	p = alt + sprintf(alt, "(?:");
	for (size_t i = first; i < first + count; i++)
		p += sprintf(p, "%s%s", i > first ? "|" : "", h->rules[i].pattern);
	sprintf(p, ")(*FAIL)");
	/* Partial matching needs no captures. Without named groups, no group is
	 * left to capture, and a pattern that refers to one by number does not
	 * compile so: it is compiled as it is. */
	if (!named)
		re = tg_regex_compile(alt, PCRE2_NO_AUTO_CAPTURE, PCRE2_JIT_PARTIAL_HARD, &jit, why, sizeof(why));
	if (!re)
		re = tg_regex_compile(alt, 0, PCRE2_JIT_PARTIAL_HARD, &jit, why, sizeof(why));
	free(alt);
	if (!re) {
		if (count > 1) {
			size_t half = count / 2;

			if (compile_group(h, first, half, err) < 0)
				return -1;
			return compile_group(h, first + half, count - half, err);
		}
		return tg_errf(err, "rule \"%s\": PCRE2: %s", h->rules[first].name, why);
	}
	g = &h->groups[h->ngroups++];
	g->re = re;
	/* pcre2_jit_match() does not check UTF-8 as pcre2_match() does: only without UTF */
	pcre2_pattern_info(re, PCRE2_INFO_ALLOPTIONS, &opts);
	g->jit = jit && !(opts & PCRE2_UTF);
	return 0;
}

int tg_holdback_compile(struct tg_holdback *h, tg_err *err)
{
	if (h->compiled)
		return tg_errf(err, "holdback: already compiled");
	h->compiled = true;
	if (h->nrules == 0)
		return 0;
	h->groups = calloc(h->nrules, sizeof(*h->groups));
	if (!h->groups)
		return tg_errf(err, "out of memory");
	qsort(h->rules, h->nrules, sizeof(*h->rules), cmp_rule);
	for (size_t i = 0, j; i < h->nrules; i = j) {
		for (j = i + 1; j < h->nrules && j - i < GROUP_MAX && same_group(&h->rules[j], &h->rules[i]); j++)
			;
		if (compile_group(h, i, j - i, err) < 0)
			return -1;
	}
	/* which bytes can begin a match of each group: the group's own, as PCRE2 runs it */
	for (size_t k = 0; k < h->ngroups && k < MASK_GROUPS; k++) {
		struct first f;

		first_of(h->groups[k].re, &f);
		if (f.line) {
			h->by_line |= 1ull << k;
			continue;
		}
		for (unsigned c = 0; c < 256; c++)
			if (first_has(&f, c))
				h->by_byte[c] |= 1ull << k;
	}
	return 0;
}

void tg_holdback_free(struct tg_holdback *h)
{
	if (!h)
		return;
	for (size_t i = 0; i < h->nrules; i++) {
		free(h->rules[i].name);
		free(h->rules[i].pattern);
	}
	free(h->rules);
	for (size_t k = 0; k < h->ngroups; k++)
		pcre2_code_free(h->groups[k].re);
	free(h->groups);
	free(h);
}

size_t tg_holdback_groups(const struct tg_holdback *h)
{
	return h->ngroups;
}

/* The last byte of a line break in any of PCRE2's newline conventions (UTF-8 NEL, LS, PS included). */
static bool breaks_line(unsigned char c)
{
	return c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x85 || c == 0xa8 || c == 0xa9;
}

/* The groups some byte of text[from, to) can begin a match of (bit k: group k). */
static uint64_t groups_in(const struct tg_holdback *h, const char *text, size_t from, size_t to)
{
	uint64_t want = 0;

	for (size_t p = from; p < to; p++) {
		want |= h->by_byte[(unsigned char)text[p]];
		if (p == from || breaks_line((unsigned char)text[p - 1]))
			want |= h->by_line;
	}
	return want;
}

size_t tg_holdback_find(const struct tg_holdback *h, const char *text, size_t len, size_t from, size_t limit,
			pcre2_match_data *md, pcre2_match_context *mctx)
{
	size_t seen = limit;
	uint64_t want = groups_in(h, text, from, limit);

	for (size_t k = 0; k < h->ngroups && limit > from; k++) {
		const struct group *g = &h->groups[k];
		int m;

		if (limit < seen) {
			/* a group held earlier: the rest only matter before that */
			want = groups_in(h, text, from, limit);
			seen = limit;
		}
		if (k < MASK_GROUPS && !(want >> k & 1))
			continue;
		if (g->jit)
			m = pcre2_jit_match(g->re, (PCRE2_SPTR)text, len, from, PCRE2_PARTIAL_HARD, md, mctx);
		else
			m = pcre2_match(g->re, (PCRE2_SPTR)text, len, from, PCRE2_PARTIAL_HARD, md, mctx);
		if (m == PCRE2_ERROR_PARTIAL) {
			size_t at = pcre2_get_ovector_pointer(md)[0];

			if (at < limit)
				limit = at;
		} else if (m != PCRE2_ERROR_NOMATCH) {
			limit = from; /* match limit: hold everything */
		}
	}
	return limit;
}
