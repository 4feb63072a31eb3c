/*
 * test_detectors_triggers.c - a rule's "trigger" makes the detectors faster,
 * never different. The built-in rules as shipped, and the same rules with
 * every trigger removed (Hyperscan then looks for the patterns themselves),
 * must find exactly the same values: on every rule's examples and negative
 * examples, and on generated texts dense with digit shapes, separators,
 * context words and near misses of the rules' own examples, whole and
 * streamed in two pieces.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "detectors.h"
#include "redact_policy.h"
#include "textrw.h"

#define NTEXTS 6000

static const uint64_t ALL = ~0ull >> 1;
static struct tg_detectors *WITH, *WITHOUT;
static uint64_t rng = 0x2545f4914f6cdd1dull;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static struct tg_detectors *load(bool triggers)
{
	tg_err err = {{0}};
	struct tg_detectors *d = tg_detectors_new();
	cJSON *a = cJSON_Parse(tg_builtin_redaction_rules);
	cJSON *b = cJSON_Parse(tg_builtin_redaction_noseyparker);
	cJSON *r;
	int rc;

	if (!triggers) {
		cJSON_ArrayForEach(r, cJSON_GetObjectItem(a, "rules"))
			cJSON_DeleteItemFromObjectCaseSensitive(r, "trigger");
		cJSON_ArrayForEach(r, cJSON_GetObjectItem(b, "rules"))
			cJSON_DeleteItemFromObjectCaseSensitive(r, "trigger");
	}
	rc = tg_detectors_add_entities(d, cJSON_GetObjectItem(a, "entities"), "rules", &err) ||
	     tg_detectors_add_rules(d, cJSON_GetObjectItem(a, "rules"), "rules", &err) ||
	     tg_detectors_add_rules(d, cJSON_GetObjectItem(b, "rules"), "np", &err) ||
	     tg_detectors_compile(d, &err);
	CHECK(rc == 0, "built-in rules compile %s triggers (%s)", triggers ? "with" : "without", err.msg);
	cJSON_Delete(a);
	cJSON_Delete(b);
	return d;
}

/* Pieces texts are made of: the rules' examples, context words, shapes. */
static const char **pieces;
static size_t npieces, cappieces;

static void add_piece(const char *s)
{
	if (npieces == cappieces) {
		cappieces = cappieces ? cappieces * 2 : 256;
		pieces = realloc(pieces, cappieces * sizeof(*pieces));
	}
	pieces[npieces++] = s;
}

static void collect_pieces(cJSON *doc)
{
	static const char *const lists[] = {"examples", "negative_examples", "context", "deny_context",
					    "deny_context_after"};
	cJSON *r, *x;

	cJSON_ArrayForEach(r, cJSON_GetObjectItem(doc, "rules"))
		for (size_t l = 0; l < TG_ARRAY_LEN(lists); l++)
			cJSON_ArrayForEach(x, cJSON_GetObjectItem(r, lists[l]))
				add_piece(x->valuestring);
}

/* A near miss of s: one byte changed, a separator added or dropped, or cut short. */
static void mutate(struct tg_buf *b, const char *s)
{
	static const char alphabet[] = "0123456789 -./()+#xABDZabz";
	size_t n = strlen(s), at = n ? rnd((unsigned)n) : 0;

	switch (rnd(5)) {
	case 0:
		tg_buf_append(b, s, at);
		tg_buf_append(b, &alphabet[rnd(sizeof(alphabet) - 1)], 1);
		tg_buf_append(b, s + at + (at < n), n - at - (at < n));
		break;
	case 1:
		tg_buf_append(b, s, at);
		tg_buf_append(b, &" -."[rnd(3)], 1);
		tg_buf_append(b, s + at, n - at);
		break;
	case 2:
		tg_buf_append(b, s, at);
		tg_buf_append(b, s + at + (at < n), n - at - (at < n));
		break;
	default:
		tg_buf_append(b, s, at + 1 < n ? at + 1 : n);
		break;
	}
}

/* Digits in groups, with the separators the PII formats use (no-break
 * spaces too: a French phone number's "06\u00a012\u00a034\u00a056\u00a078"). */
static void shape(struct tg_buf *b)
{
	static const char *const seps[] = {"", "", " ", "-", ".", "/", ") ", " x", "ext. ", "#", ":", "\xc2\xa0",
					   "\xe2\x80\xaf", " ("};
	size_t groups = 1 + rnd(6);

	if (rnd(6) == 0)
		tg_buf_append(b, rnd(2) ? "+" : "(", 1);
	if (rnd(5) == 0) {
		static const char letters[] = "ABCDGHJKLMPRSTWZabdefgz";

		for (unsigned k = 1 + rnd(3); k > 0; k--)
			tg_buf_append(b, &letters[rnd(sizeof(letters) - 1)], 1);
	}
	for (size_t g = 0; g < groups; g++) {
		const char *sep = seps[rnd(TG_ARRAY_LEN(seps))];

		if (g)
			tg_buf_append(b, sep, strlen(sep));
		for (unsigned k = 1 + rnd(g == 0 && rnd(3) == 0 ? 12 : 5); k > 0; k--)
			tg_buf_printf(b, "%u", rnd(10));
	}
	if (rnd(5) == 0)
		tg_buf_append(b, &"ACDLZx"[rnd(6)], 1);
}

static void make_text(struct tg_buf *b)
{
	static const char *const glue[] = {" ", " ", ", ", ": ", "\n", " is ", "; ", " on "};
	size_t parts = 2 + rnd(10);

	tg_buf_reset(b);
	for (size_t i = 0; i < parts; i++) {
		unsigned kind = rnd(10);

		if (i)
			tg_buf_printf(b, "%s", glue[rnd(TG_ARRAY_LEN(glue))]);
		if (kind < 3)
			tg_buf_printf(b, "%s", pieces[rnd((unsigned)npieces)]);
		else if (kind < 5)
			mutate(b, pieces[rnd((unsigned)npieces)]);
		else
			shape(b);
	}
}

/* The values found, as text: "ENTITY start-end ..." */
static void describe(struct tg_detectors *d, const struct tg_spans *sp, struct tg_buf *out)
{
	tg_buf_reset(out);
	for (size_t i = 0; i < sp->n; i++)
		tg_buf_printf(out, "%s %u-%u ", tg_detectors_entity_name(d, sp->v[i].entity), sp->v[i].start,
			      sp->v[i].end);
	tg_buf_append(out, "", 1);
}

static int bracket(void *ctx, const char *text, size_t len, const struct tg_span *s, struct tg_buf *out)
{
	(void)ctx;
	(void)text;
	(void)len;
	return tg_buf_printf(out, "[%s]", tg_detectors_entity_name(WITH, s->entity));
}

/* One text through both detectors, whole; and with triggers, streamed in two pieces. */
static int compare(const char *t, size_t n, size_t *found, size_t nfound)
{
	struct tg_spans a = {0}, b = {0};
	struct tg_scan_opts oa = {.entities = ALL, .final = true}, ob = oa;
	struct tg_buf da = {0}, db = {0}, whole = {0}, streamed = {0};
	struct tg_textstream ts = {0};
	tg_err err = {{0}};
	size_t cut = n ? rnd((unsigned)n) : 0;
	int same;

	tg_detect(WITH, t, n, &oa, &a, &err);
	tg_detect(WITHOUT, t, n, &ob, &b, &err);
	describe(WITH, &a, &da);
	describe(WITHOUT, &b, &db);
	same = strcmp(tg_buf_start(&da), tg_buf_start(&db)) == 0;
	if (!same)
		printf("# \"%.*s\":\n#   with triggers    %s\n#   without triggers %s\n", (int)n, t, tg_buf_start(&da),
		       tg_buf_start(&db));
	for (size_t i = 0; i < b.n; i++)
		if (b.v[i].entity < nfound)
			found[b.v[i].entity]++;
	tg_text_rewrite(WITHOUT, ALL, t, n, bracket, NULL, &whole, &err);
	tg_textstream_feed(&ts, WITH, ALL, t, cut, false, bracket, NULL, &streamed, &err);
	tg_textstream_feed(&ts, WITH, ALL, t + cut, n - cut, true, bracket, NULL, &streamed, &err);
	if (tg_buf_used(&whole) != tg_buf_used(&streamed) ||
	    memcmp(tg_buf_start(&whole), tg_buf_start(&streamed), tg_buf_used(&whole)) != 0) {
		printf("# \"%.*s\" cut at %zu: streamed with triggers \"%.*s\", whole without \"%.*s\"\n", (int)n,
		       t, cut, (int)tg_buf_used(&streamed), tg_buf_start(&streamed), (int)tg_buf_used(&whole),
		       tg_buf_start(&whole));
		same = 0;
	}
	tg_spans_free(&a);
	tg_spans_free(&b);
	tg_buf_free(&da);
	tg_buf_free(&db);
	tg_buf_free(&whole);
	tg_buf_free(&streamed);
	tg_textstream_free(&ts);
	return same;
}

int main(void)
{
	static const char *const digit_types[] = {"PHONE", "SSN", "CARD", "IBAN", "IP", "DOB", "PASSPORT",
						  "NATIONAL_ID"};
	cJSON *doc = cJSON_Parse(tg_builtin_redaction_rules);
	size_t found[TG_MAX_ENTITIES] = {0};
	struct tg_buf t = {0};
	int differ = 0, examples = 0, thin = 0;

	WITH = load(true);
	WITHOUT = load(false);
	if (!WITH || !WITHOUT || !doc)
		return 1;
	collect_pieces(doc);
	for (size_t i = 0; i < npieces; i++) {
		examples++;
		differ += !compare(pieces[i], strlen(pieces[i]), found, TG_MAX_ENTITIES);
	}
	for (int i = 0; i < NTEXTS; i++) {
		make_text(&t);
		differ += !compare(tg_buf_start(&t), tg_buf_used(&t), found, TG_MAX_ENTITIES);
	}
	CHECK(differ == 0, "with and without triggers, the same values in %d examples and %d generated texts (%d differ)",
	      examples, NTEXTS, differ);
	for (size_t k = 0; k < TG_ARRAY_LEN(digit_types); k++) {
		int e = tg_detectors_entity(WITH, digit_types[k]);

		printf("# %-12s %zu values found\n", digit_types[k], e < 0 ? 0 : found[e]);
		thin += e < 0 || found[e] < 20;
	}
	CHECK(thin == 0, "the texts exercise every digit format (at least 20 values of each type)");
	tg_buf_free(&t);
	free(pieces);
	cJSON_Delete(doc);
	tg_detectors_free(WITH);
	tg_detectors_free(WITHOUT);
	CHECK_DONE();
}
