/*
 * test_holdback.c - the stream holdback (holdback.c): that its grouped,
 * skipping search answers exactly what one search of every rule together
 * answers, on random texts from every start; and, through the detectors,
 * that a value split at any byte after long prose is still caught, for
 * rules of every group (lookbehinds, line starts, caseless first letters).
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "detect_check.h"
#include "holdback.h"
#include "regex_compile.h"

/* Rules as the detectors hand them over ("(?flags:P)"), of every kind of first byte. */
static const char *const patterns[] = {
	"(?:\\bAKIA[A-Z0-9]{16}\\b)",                    /* one literal first byte */
	"(?:\\b(AKIA|ASIA)[A-Z0-9]{4}x)",                /* ... the same byte: the same group */
	"(?i:\\bxox[bp]-[0-9]{4,})",                     /* caseless: either case */
	"(?:(?<=key=)[A-Za-z0-9]{8,})",                  /* a lookbehind before any letter or digit */
	"(?:\\b[A-Za-z0-9][A-Za-z0-9._%+-]{0,20}@[a-z]+\\.[a-z]{2,})", /* any letter: the letters' group */
	"(?:(?:^|[\\s/])s3\\.[a-z]+\\.com)",             /* ^ (start of text) or a space: no first byte known */
	"(?:[\\s\"']gs://[a-z]+)",                       /* a space or a quote */
	"(?m:^pw: \\w{6})",                              /* begins a line */
	"(?:\\d{3}-\\d{2}-\\d{4})",                      /* digits */
	"(?:[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})", /* may begin with ':' */
	"(?:x*y?)",                                      /* matches the empty string */
	"(?:\\Gabc)",                                    /* only where the search starts */
	"(?i:secret.{0,6}\\b([0-9a-z]{6}))",             /* captures */
	"(?:(?<n>ab)c\\k<n>)",                           /* a named group and a reference to it */
	"(?:\\xc3\\x84bc)",                              /* a first byte past ASCII */
	/* these two hold nearly always (from a line start, or from where the search starts) */
	"(?:.*token=\\d{4})",                            /* .* : begins a line, or where the search starts */
	"(?s:.*PEMEND)",                                 /* (?s).* : anchored where the search starts */
};

static const char *const pieces[] = {
	"AKIA", "ASIA", "xoxb-", "XOXP-", "key=", "@ex", "ample.com", " s3.", "s3.bucket.com", "/", "\"gs://",
	"pw: ", "\n", "\r\n", "token=", "12", "PEMEND", "123-45-", "6789", "::", "fe80:", "xx", "y", "abc",
	"secret ", "abcdef", "abcab", "\xc3\x84", "bc", " ", "the ", "word", "Z", "7", ".",
};

static pcre2_match_data *md;
static pcre2_match_context *mctx;

/* The one search it replaces: every rule in one alternation, from `from`. */
static size_t one_search(pcre2_code *all, const char *t, size_t len, size_t from, size_t limit)
{
	int m = pcre2_match(all, (PCRE2_SPTR)t, len, from, PCRE2_PARTIAL_HARD, md, mctx);
	size_t at = limit;

	if (m == PCRE2_ERROR_PARTIAL)
		at = pcre2_get_ovector_pointer(md)[0];
	else if (m != PCRE2_ERROR_NOMATCH)
		at = from;
	return at < limit ? at : limit;
}

static uint32_t rnd(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Rules [first, first + n) of patterns, over random texts, from every start. */
static void test_same_as_one_search(size_t first, size_t n)
{
	struct tg_holdback *h = tg_holdback_new();
	tg_err err = {{0}};
	char all[4096], *p = all, t[128], why[200];
	pcre2_code *one;
	int rc = 0;
	uint32_t seed = 12345;
	long searches = 0, differ = 0, held = 0;

	p += sprintf(p, "(?:");
	for (size_t i = first; i < first + n; i++) {
		rc |= tg_holdback_add(h, "t", patterns[i], &err);
		p += sprintf(p, "%s%s", i > first ? "|" : "", patterns[i]);
	}
	sprintf(p, ")(*FAIL)");
	rc |= tg_holdback_compile(h, &err);
	CHECK(rc == 0, "%zu rules compile (%s)", n, err.msg);
	if (first == 0)
		CHECK(tg_holdback_groups(h) < n, "rules with the same first bytes share groups (%zu groups)",
		      tg_holdback_groups(h));
	one = tg_regex_compile(all, 0, PCRE2_JIT_PARTIAL_HARD, NULL, why, sizeof(why));
	CHECK(one != NULL, "the rules compile as one alternation (%s)", one ? "" : why);
	if (!one) {
		tg_holdback_free(h);
		return;
	}
	for (int n = 0; n < 20000; n++) {
		size_t len = 0;

		while (len < 60 && rnd(&seed) % 8) {
			const char *piece = pieces[rnd(&seed) % TG_ARRAY_LEN(pieces)];
			size_t k = strlen(piece);

			memcpy(t + len, piece, k);
			len += k;
		}
		for (size_t from = 0; from <= len; from++) {
			size_t limit = rnd(&seed) % 4 ? len : from + rnd(&seed) % (len - from + 1);
			size_t want = one_search(one, t, len, from, limit);
			size_t got = tg_holdback_find(h, t, len, from, limit, md, mctx);

			searches++;
			held += want < limit;
			if (got != want && differ++ < 5)
				printf("# \"%.*s\" from %zu limit %zu: %zu, one search %zu\n", (int)len, t, from, limit, got,
				       want);
		}
	}
	CHECK(differ == 0 && held > searches / 10,
	      "%zu rules: the grouped search holds where one search of them all holds (%ld searches, %ld held, "
	      "%ld differ)", n, searches, held, differ);
	pcre2_code_free(one);
	tg_holdback_free(h);
}

/* \1 is the rule's own group 1, as when the rule is searched alone (in one
 * alternation of every rule it would be another rule's group). */
static void test_numbered_reference(void)
{
	struct tg_holdback *h = tg_holdback_new();
	tg_err err = {{0}};

	CHECK(tg_holdback_add(h, "t.a", "(?:(q)y)", &err) == 0 && tg_holdback_add(h, "t.q", "(?:(q)z\\1x)", &err) == 0 &&
	      tg_holdback_compile(h, &err) == 0, "a rule with a numbered reference compiles beside others");
	CHECK(tg_holdback_find(h, "so qz", 5, 0, 5, md, mctx) == 3, "a rule's \\1 is its own group: \"qz\" waits");
	CHECK(tg_holdback_find(h, "so qzq", 6, 0, 6, md, mctx) == 3, "... and \"qzq\"");
	CHECK(tg_holdback_find(h, "so qzx", 6, 0, 6, md, mctx) == 6, "... but not \"qzx\"");
	tg_holdback_free(h);
}

static void test_match_limit(void)
{
	struct tg_holdback *h = tg_holdback_new();
	pcre2_match_context *tight = pcre2_match_context_create(NULL);
	tg_err err = {{0}};
	const char *t = "x aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac";

	pcre2_set_match_limit(tight, 1000);
	CHECK(tg_holdback_add(h, "t", "(?:\\b(a+)+b)", &err) == 0 && tg_holdback_compile(h, &err) == 0,
	      "a rule that backtracks without end compiles");
	CHECK(tg_holdback_find(h, t, strlen(t), 1, strlen(t), md, tight) == 1,
	      "a search past the match limit holds everything from where it started");
	CHECK(tg_holdback_find(h, "x abc", 5, 1, 5, md, tight) == 5, "... and one within it holds nothing");
	pcre2_match_context_free(tight);
	tg_holdback_free(h);
}

static void test_errors(void)
{
	struct tg_holdback *h = tg_holdback_new();
	tg_err err = {{0}};

	CHECK(tg_holdback_add(h, "broken.rule", "(?:[a-", &err) < 0 && strstr(err.msg, "broken.rule"),
	      "a pattern PCRE2 refuses names its rule (%s)", err.msg);
	CHECK(tg_holdback_compile(h, &err) == 0 && tg_holdback_find(h, "abc", 3, 0, 3, md, mctx) == 3,
	      "no rules: nothing held");
	CHECK(tg_holdback_add(h, "late", "(?:a)", &err) < 0, "no rule added once compiled");
	tg_holdback_free(h);
}

/* Long prose, then each value: streamed cut at every byte, as the whole text. */
static void test_split_after_prose(void)
{
	static const char *const values[] = {
		"AKIAIOSFODNN7EXAMPLE",                         /* 'A' group */
		"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",     /* 'g' group */
		"xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1", /* 'x' */
		"sk-ant-api03-Abc123Def456Ghi789Jkl012Mno345Pqr678Stu901Vwx234", /* 's' */
		"jane.doe@example.com",                         /* any letter */
		"123-45-6789",                                  /* digits */
		"4111 1111 1111 1111",                          /* digits, spaced */
		"+49 30 1234567",                               /* '+' */
		"token=ZQ81AB7HX2",                             /* custom lookbehind rule */
		"-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n"
		"-----END RSA PRIVATE KEY-----",                /* runs to its END marker */
	};
	struct tg_detectors *d = tg_detectors_new();
	cJSON *rules = cJSON_Parse("[{\"id\": \"t.lookbehind\", \"entity\": \"SECRET\", "
				   "\"pattern\": \"(?<=token=)[A-Z0-9]{10}\\\\b\"},"
				   "{\"id\": \"t.line\", \"entity\": \"SECRET\", \"flags\": \"m\", "
				   "\"pattern\": \"^pw: [a-z0-9]{8}$\"}]");
	tg_err err = {{0}};
	int bad = 0, streams = 0;
	char text[1024];

	{
		cJSON *a = cJSON_Parse(tg_builtin_redaction_rules), *b = cJSON_Parse(tg_builtin_redaction_noseyparker);
		int rc = tg_detectors_add_entities(d, cJSON_GetObjectItem(a, "entities"), "rules", &err) ||
			 tg_detectors_add_rules(d, cJSON_GetObjectItem(a, "rules"), "rules", &err) ||
			 tg_detectors_add_rules(d, cJSON_GetObjectItem(b, "rules"), "np", &err) ||
			 tg_detectors_add_rules(d, rules, "t", &err) || tg_detectors_compile(d, &err);

		CHECK(rc == 0, "built-in rules with a lookbehind and a line-start rule compile (%s)", err.msg);
		cJSON_Delete(a);
		cJSON_Delete(b);
	}
	for (size_t i = 0; i < TG_ARRAY_LEN(values); i++) {
		snprintf(text, sizeof(text),
			 "Thanks for the quick reply. I went through the proposal with the team this morning and we "
			 "agreed on the schedule, the budget and the next steps; the only open point is access. "
			 "Here it is: %s and that is all for today.", values[i]);
		bad += dc_stream_differs(d, ~0ull >> 1, text, &streams);
	}
	snprintf(text, sizeof(text), "Thanks for the quick reply, see below.\npw: s3cr3tpw\nand the rest of it.");
	bad += dc_stream_differs(d, ~0ull >> 1, text, &streams);
	CHECK(bad == 0, "values after long prose, streamed in pieces = whole text, for %d streams (%d differ)", streams,
	      bad);
	CHECK(strcmp(dc_values(d, "SECRET", "see token=ZQ81AB7HX2 ok"), "ZQ81AB7HX2") == 0,
	      "the lookbehind rule finds its value whole");
	cJSON_Delete(rules);
	tg_detectors_free(d);
}

int main(void)
{
	md = pcre2_match_data_create(16, NULL);
	mctx = pcre2_match_context_create(NULL);
	test_same_as_one_search(0, TG_ARRAY_LEN(patterns) - 2);
	test_same_as_one_search(TG_ARRAY_LEN(patterns) - 5, 4); /* with .* */
	test_same_as_one_search(0, TG_ARRAY_LEN(patterns));
	test_numbered_reference();
	test_match_limit();
	test_errors();
	test_split_after_prose();
	pcre2_match_data_free(md);
	pcre2_match_context_free(mctx);
	CHECK_DONE();
}
