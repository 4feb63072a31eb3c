/*
 * test_detectors.c - the detection engine: every built-in rule's examples
 * and negative examples, the validators (e-mail addresses in their text),
 * context words, overlap
 * resolution, UTF-8 alignment, and the stream guarantee (a text cut
 * anywhere gives the same result as the whole text).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "detect_check.h"
#include "detectors.h"
#include "redact_policy.h"
#include "textrw.h"

static struct tg_detectors *D;
static const uint64_t ALL = ~0ull >> 1;

/* The entity names found in text, space-separated, in order. */
static const char *found(const char *text)
{
	static char buf[512];
	struct tg_spans sp = {0};
	struct tg_scan_opts o = {.entities = ALL, .final = true};
	tg_err err = {{0}};
	size_t n = 0;

	buf[0] = 0;
	if (tg_detect(D, text, strlen(text), &o, &sp, &err) < 0)
		return "ERROR";
	for (size_t i = 0; i < sp.n; i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s", i ? " " : "",
				      tg_detectors_entity_name(D, sp.v[i].entity));
	tg_spans_free(&sp);
	return buf;
}

static void check_examples(void)
{
	cJSON *doc = cJSON_Parse(tg_builtin_redaction_rules), *r;
	int bad = 0, total = 0;

	cJSON_ArrayForEach(r, cJSON_GetObjectItem(doc, "rules")) {
		const char *ent = cJSON_GetObjectItem(r, "entity")->valuestring;

		for (int neg = 0; neg < 2; neg++) {
			cJSON *ex;

			cJSON_ArrayForEach(ex, cJSON_GetObjectItem(r, neg ? "negative_examples" : "examples")) {
				const char *f = found(ex->valuestring);
				bool hit = strstr(f, ent) != NULL;

				total++;
				if (hit == (neg != 0)) {
					bad++;
					printf("# %s %s: \"%s\" -> \"%s\"\n", neg ? "false positive" : "missed",
					       cJSON_GetObjectItem(r, "id")->valuestring, ex->valuestring, f);
				}
			}
		}
	}
	CHECK(total > 100 && bad == 0, "every built-in rule finds its examples and none of its negative examples (%d of %d wrong)",
	      bad, total);
	cJSON_Delete(doc);
}

static void check_validators(void)
{
	CHECK(tg_valid_luhn("4111111111111111", 16), "luhn accepts 4111111111111111");
	CHECK(!tg_valid_luhn("4111111111111112", 16), "luhn refuses a wrong check digit");
	CHECK(tg_valid_card("4111 1111 1111 1111", 19), "card: Visa with spaces");
	CHECK(tg_valid_card("3782-822463-10005", 17), "card: Amex 4-6-5 with dashes");
	CHECK(!tg_valid_card("4111 1111-1111 1111", 19), "card: mixed separators refused");
	CHECK(!tg_valid_card("9111111111111111", 16), "card: no issuer starts with 9");
	CHECK(!tg_valid_card("4111111111111", 13) || tg_valid_luhn("4111111111111", 13),
	      "card: Luhn decides 13-digit Visa");
	CHECK(tg_valid_iban("GB82 WEST 1234 5698 7654 32", 27), "iban: GB with spaces");
	CHECK(tg_valid_iban("de89370400440532013000", 22), "iban: lower case");
	CHECK(!tg_valid_iban("GB82WEST12345698765433", 22), "iban: mod-97 fails");
	CHECK(!tg_valid_iban("GB82WEST123456987654", 20), "iban: wrong length for GB");
	CHECK(tg_valid_ssn("123-45-6789", 11), "ssn: valid");
	CHECK(!tg_valid_ssn("666-45-6789", 11), "ssn: area 666");
	CHECK(!tg_valid_ssn("900-45-6789", 11), "ssn: area 9xx");
	CHECK(!tg_valid_ssn("123-00-6789", 11), "ssn: group 00");
	CHECK(!tg_valid_ssn("123-45-0000", 11), "ssn: serial 0000");
	CHECK(!tg_valid_ssn("123-45 6789", 11), "ssn: mixed separators");
	CHECK(tg_entropy("aaaaaaaa", 8) < 0.01 && tg_entropy("abcdefgh", 8) > 2.9, "entropy");
}

/* E-mail addresses and what only has their syntax: a file's name, the user
 * of a URL, a host with a path (each also streamed at every cut). */
static const struct dc_case EMAIL_CASES[] = {
	{"mailto:jane.doe@example.com", "jane.doe@example.com"},
	{"website,email\nhttps://acme.example.com,jane@acme.example.com", "jane@acme.example.com"},
	{"https://example.com/?to=jane@example.com&x=1", "jane@example.com"},
	{"Contact: jane@example.com: she knows", "jane@example.com"},
	{"Write to jane@example.com:", "jane@example.com"},
	{"<img src=\"/img/logo@2x.png\" alt=\"\">", ""},
	{"icon-share@3x.webp and hero@2x.JPG", ""},
	{"https://deploy@example.com/", ""},
	{"postgres://app:s3cret@db.example.com:5432/app", ""},
	{"git clone git@github.com:org/repo.git", ""},
	{"scp report.pdf backup@nas.example.com:/srv/reports", ""},
	/* an apostrophe in a name (RFC 5322 atext), not a quote around the address */
	{"Signed-off-by: Nadia <chiara.o'brien@kaskadi.fi>", "chiara.o'brien@kaskadi.fi"},
	{"<mailto:carmen.d'arcy@example.fi|carmen.d'arcy@example.fi>", "carmen.d'arcy@example.fi|carmen.d'arcy@example.fi"},
	{"'o'neill@example.com'", "o'neill@example.com"},
	{"d\xe2\x80\x99" "arcy@example.fr", "d\xe2\x80\x99" "arcy@example.fr"},
	{"email='jane@example.com', `jane@example.com`, {jane@example.com}", "jane@example.com|jane@example.com|jane@example.com"},
	/* Latin letters with accents in the local part (RFC 6531), not a text glued before it */
	{"j\xc3\xbcrgen.m\xc3\xbcller@firma.de", "j\xc3\xbcrgen.m\xc3\xbcller@firma.de"},
	{"\xe8\xaf\xb7\xe5\x8f\x91\xe5\x88\xb0jane@example.com", "jane@example.com"},
	/* percent-encoded in a URL or a form post, the whole encoded address */
	{"GET /unsubscribe?u=dmitri-morales%40pinecrest.online HTTP/2.0", "dmitri-morales%40pinecrest.online"},
	{"email=91679%2Bmeilin%40users.noreply.github.com&page=2", "91679%2Bmeilin%40users.noreply.github.com"},
	{"https://registry.npmjs.org/%40types%2Fnode", ""},
	/* written out against harvesters; an IDNA top-level domain */
	{"write to jane.doe [at] example [dot] com", "jane.doe [at] example [dot] com"},
	{"Kontakt: info(at)firma.de", "info(at)firma.de"},
	{"meet me (at) noon, look [at] this", ""},
	{"jane@example.xn--p1ai", "jane@example.xn--p1ai"},
	/* RFC 5322's other atext characters between letters or digits, '~' also first */
	{"To: p&l-reports@example.com", "p&l-reports@example.com"},
	{"room#948@example.com; urgent!ops@example.com", "room#948@example.com|urgent!ops@example.com"},
	{"Cc: a!b@example.at, why?not@example.org, star*dust@example.com, pay$roll@example.net",
	 "a!b@example.at|why?not@example.org|star*dust@example.com|pay$roll@example.net"},
	{"Hey! jane@example.com, really? Ok!", "jane@example.com"},
	{"From: \"Ops\" <dev{ops}@example.no>; {user}@example.com", "dev{ops}@example.no"},
	{"send to a{b@example.com or c}d@example.com", "b@example.com|d@example.com"},
	{"From: <~grace@example.com>", "~grace@example.com"},
	{"Return-Path: bounce=jane=example.org@lists.example.com", "bounce=jane=example.org@lists.example.com"},
	{"&lt;jane@example.com&gt;", "jane@example.com"},
	/* ... but not the key of a key=value pair, a query's parameter or an option */
	{"level=info user=jane@example.com msg=ok", "jane@example.com"},
	{"adminEmail=jane@example.com reply-to=joe@example.com", "jane@example.com|joe@example.com"},
	{"/search?a=1&to=jane@example.com", "jane@example.com"},
	{"git commit --author=jane@example.com", "jane@example.com"},
	/* a message's or an event's id, in the header fields that hold them */
	{"UID:901hf3tkwh95whqnb447hv7nz0@google.com", ""},
	{"Message-ID: <CAF=x9Kq2@mail.gmail.com>\nIn-Reply-To: <a1b2@mx.example.com>", ""},
	{"{\"message_id\": \"<a1b2c3@mx.example.com>\"}", ""},
	{"<img src=\"cid:ii_lx3k9@mail.gmail.com\">, X-Original-Message-ID: <a7@mx.example.com>", ""},
	{"users/jane@example.com, {jane}@example.com", "jane@example.com"},
	/* a host whose name goes on with '-' after what looks like a top-level domain */
	{"git clone git@git.fernhill-logistik.de:org/repo.git", ""},
	{"mail jane@mail.fernhill-logistik.de today", "jane@mail.fernhill-logistik.de"},
	/* internationalised domain names (letters of other scripts, an ASCII top-level domain) */
	{"mei.l@dvo\xc5\x99\xc3\xa1k-studio.cz", "mei.l@dvo\xc5\x99\xc3\xa1k-studio.cz"},
	{"Reply to ameliahart@z\xc3\xbcrich-immo.ch, not", "ameliahart@z\xc3\xbcrich-immo.ch"},
	{"info@\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80.example.com",
	 "info@\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80.example.com"},
	{"jane@ex\xe2\x80\x99" "ample.com", ""},
};

/* A card after letters and digits longer than a group (a hash's or UUID's
 * tail), and still not inside an IBAN's groups. */
static const struct dc_case CARD_CASES[] = {
	{"trace_id=c5322fe1-ccb2-4a33-abd0-cbdd5de627e2 3732 001977 01498 is it", "3732 001977 01498"},
	{"commit 9fceb02d0ae5 4111 1111 1111 1111", "4111 1111 1111 1111"},
	{"DE89 4111 1111 1111 1111", ""},
	/* a field of an ARN, a Luhn-checked number named as another (SIRET), unless a card word is nearer */
	{"{\"arn\": \"arn:aws:sts::502352958818:user/ci\"}", ""},
	{"SIRET 67210612047576 - TVA FR35799932026", ""},
	{"SIRET checked; card 4111 1111 1111 1111", "4111 1111 1111 1111"},
	{"IMEI 356938035643809, card 4111 1111 1111 1111", "4111 1111 1111 1111"},
	/* 15 digits outside American Express: an IMSI's length, a card only where a card word names it */
	{"| imsi |\n|---|\n| 505411728456103 |", ""},
	{"IMSI 302132446488914", ""},
	{"Maestro card 505411728456103", "505411728456103"},
	{"Amex 378282246310005", "378282246310005"},
	/* no-break spaces between the groups (a web page's &nbsp;), not inside a longer run of them */
	{"carte 4111\xc2\xa0" "1111\xc2\xa0" "1111\xc2\xa0" "1111 exp", "4111\xc2\xa0" "1111\xc2\xa0" "1111\xc2\xa0" "1111"},
	{"Amex 3782\xe2\x80\xaf" "822463\xe2\x80\xaf" "10005", "3782\xe2\x80\xaf" "822463\xe2\x80\xaf" "10005"},
	{"1234\xc2\xa0" "4111\xc2\xa0" "1111\xc2\xa0" "1111\xc2\xa0" "1111", ""},
	{"4111\xc2\xa0" "1111\xc2\xa0" "1111\xc2\xa0" "1111\xc2\xa0" "1234", ""},
};

/* IBANs written with spaces or no-break spaces between the groups. */
static const struct dc_case IBAN_CASES[] = {
	{"IBAN GB82 WEST 1234 5698 7654 32.", "GB82 WEST 1234 5698 7654 32"},
	{"IBAN : FR76\xc2\xa0" "3000\xc2\xa0" "6000\xc2\xa0" "0112\xc2\xa0" "3456\xc2\xa0" "7890\xc2\xa0" "189 BIC",
	 "FR76\xc2\xa0" "3000\xc2\xa0" "6000\xc2\xa0" "0112\xc2\xa0" "3456\xc2\xa0" "7890\xc2\xa0" "189"},
	{"FR76\xc2\xa0" "3000\xc2\xa0" "6000\xc2\xa0" "0112\xc2\xa0" "3456\xc2\xa0" "7890\xc2\xa0" "188", ""}, /* mod 97 */
};

static void check_detection(void)
{
	CHECK(strcmp(found("mail jane@example.com now"), "EMAIL") == 0, "email in prose");
	CHECK(strcmp(found("SSN 123-45-6789 and card 4111-1111-1111-1111"), "SSN CARD") == 0, "two entities");
	CHECK(strcmp(found("order 4111111111111112 shipped"), "") == 0, "16 digits failing Luhn are not a card");
	CHECK(strcmp(found("id 550e8400-e29b-41d4-a716-446655440000"), "") == 0, "a UUID is nothing");
	CHECK(strcmp(found("sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), "") == 0,
	      "a hash is nothing");
	CHECK(strcmp(found("at 2024-03-12T10:20:30Z, build 1.2.3"), "") == 0, "timestamps and versions are nothing");
	CHECK(strcmp(found("call me at 0490 75 40 81"), "PHONE") == 0, "national phone with context");
	CHECK(strcmp(found("the total was 0490 75 40 81"), "") == 0, "national phone format without context is nothing");
	CHECK(strcmp(found("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nAAAA\n-----END RSA PRIVATE KEY----- done"),
		     "SECRET") == 0, "a PEM private key block");
	CHECK(strcmp(found("AKIAIOSFODNN7EXAMPLE"), "SECRET") == 0, "an AWS access key id");
	CHECK(strcmp(found("born on 12 March 1985"), "DOB") == 0, "date of birth in context");
	CHECK(strcmp(found("meeting on 12 March 1985"), "") == 0, "a date without birth context is nothing");
	CHECK(strcmp(found("café jane@example.com"), "EMAIL") == 0, "after UTF-8 text");
}

/* Rewriting a text cut into pieces at every byte boundary gives the whole-text result. */
static void check_stream_equivalence(void)
{
	static const char *texts[] = {
		"Reach me at jane.doe@example.com or +1 415-555-0100; SSN 123-45-6789.",
		"card 4111 1111 1111 1111 exp 12/27 and IBAN GB82 WEST 1234 5698 7654 32 ok",
		"key sk-proj-abcdefghijklmnopqrstuvwxyz0123456789 then ghp_abcdefghijklmnopqrstuvwxyz0123456789",
		"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\nafter",
		"Phone:\n0490 75 40 81\nE-mail: UtaKortig@jourrapide.com and 416 60 039 office",
		"plain text with nothing in it at all, just words and 12 numbers like 2024",
		"naïve café résumé jane@example.com — “quoted” 123-45-6789",
	};
	int bad = 0, streams = 0;

	for (size_t t = 0; t < TG_ARRAY_LEN(texts); t++) {
		const char *s = texts[t];
		size_t n = strlen(s);
		struct tg_buf whole = {0};
		tg_err err = {{0}};

		tg_text_rewrite(D, ALL, s, n, dc_bracket, D, &whole, &err);
		for (size_t cut = 0; cut <= n; cut++) {
			struct tg_textstream ts = {0};
			struct tg_buf out = {0};
			size_t step = cut == 0 ? 1 : 0; /* cut 0: every byte its own piece */

			if (step) {
				for (size_t i = 0; i < n; i++)
					tg_textstream_feed(&ts, D, ALL, s + i, 1, false, dc_bracket, D, &out, &err);
			} else {
				tg_textstream_feed(&ts, D, ALL, s, cut, false, dc_bracket, D, &out, &err);
				tg_textstream_feed(&ts, D, ALL, s + cut, n - cut, false, dc_bracket, D, &out, &err);
			}
			tg_textstream_feed(&ts, D, ALL, NULL, 0, true, dc_bracket, D, &out, &err);
			streams++;
			if (tg_buf_used(&out) != tg_buf_used(&whole) ||
			    memcmp(tg_buf_start(&out), tg_buf_start(&whole), tg_buf_used(&out)) != 0) {
				if (bad++ < 3)
					printf("# cut %zu of \"%s\": \"%.*s\" vs \"%.*s\"\n", cut, s,
					       (int)tg_buf_used(&out), tg_buf_start(&out), (int)tg_buf_used(&whole),
					       tg_buf_start(&whole));
			}
			tg_buf_free(&out);
			tg_textstream_free(&ts);
		}
		tg_buf_free(&whole);
	}
	CHECK(bad == 0, "streamed in pieces = whole text, for %d cuts (%d differ)", streams, bad);
}

/* Holding back: plain words flow, a value being formed waits. */
static void check_holdback(void)
{
	struct tg_textstream ts = {0};
	struct tg_buf out = {0};
	tg_err err = {{0}};

	tg_textstream_feed(&ts, D, ALL, "Hello there, ", 13, false, dc_bracket, D, &out, &err);
	CHECK(tg_buf_used(&out) >= 12, "prose is released at once (%zu of 13 bytes out)", tg_buf_used(&out));
	tg_buf_reset(&out);
	tg_textstream_feed(&ts, D, ALL, "my key is sk-proj-abc", 21, false, dc_bracket, D, &out, &err);
	CHECK(tg_textstream_pending(&ts) >= 12, "a secret being formed is held (%zu bytes)", tg_textstream_pending(&ts));
	tg_textstream_feed(&ts, D, ALL, "defghijklmnopqrstuvwxyz0123 ok", 30, true, dc_bracket, D, &out, &err);
	tg_buf_append(&out, "", 1);
	CHECK(strstr(tg_buf_start(&out), "[SECRET]") && !strstr(tg_buf_start(&out), "sk-proj"),
	      "and comes out redacted: %s", tg_buf_start(&out));
	CHECK(tg_textstream_bytes(&ts) <= 1024, "stream state stays small (%zu bytes)", tg_textstream_bytes(&ts));
	tg_buf_free(&out);
	tg_textstream_free(&ts);
}

static void check_bad_rules(void)
{
	tg_err err = {{0}};
	struct tg_detectors *d = tg_detectors_new();
	cJSON *e = cJSON_Parse("{\"X\": {\"priority\": 5}}");
	cJSON *r1 = cJSON_Parse("[{\"id\": \"x\", \"entity\": \"NOPE\", \"pattern\": \"a\"}]");
	cJSON *r2 = cJSON_Parse("[{\"id\": \"x\", \"entity\": \"X\", \"pattern\": \"a\", \"validator\": \"zip\"}]");
	cJSON *r3 = cJSON_Parse("[{\"id\": \"x\", \"entity\": \"X\", \"pattern\": \"(\"}]");
	cJSON *r4 = cJSON_Parse("[{\"id\": \"emp\", \"entity\": \"X\", \"pattern\": \"\\\\bEMP-[0-9]{6}\\\\b\"}]");

	CHECK(tg_detectors_add_entities(d, e, "t", &err) == 0, "custom entity type");
	CHECK(tg_detectors_add_rules(d, r1, "t", &err) < 0 && strstr(err.msg, "NOPE"),
	      "unknown entity type named in the error: %s", err.msg);
	CHECK(tg_detectors_add_rules(d, r2, "t", &err) < 0 && strstr(err.msg, "validator"),
	      "unknown validator named: %s", err.msg);
	tg_detectors_free(d);
	d = tg_detectors_new();
	tg_detectors_add_entities(d, e, "t", &err);
	CHECK(tg_detectors_add_rules(d, r3, "t", &err) == 0 && tg_detectors_compile(d, &err) < 0 &&
	      strstr(err.msg, "\"x\""), "a pattern that does not compile names its rule: %s", err.msg);
	tg_detectors_free(d);
	d = tg_detectors_new();
	tg_detectors_add_entities(d, e, "t", &err);
	CHECK(tg_detectors_add_rules(d, r4, "t", &err) == 0 && tg_detectors_compile(d, &err) == 0,
	      "a user rule compiles");
	{
		struct tg_spans sp = {0};
		struct tg_scan_opts o = {.entities = ALL, .final = true};
		const char *t = "employee EMP-123456 and EMP-12345";

		tg_detect(d, t, strlen(t), &o, &sp, &err);
		CHECK(sp.n == 1 && sp.v[0].start == 9 && sp.v[0].end == 19, "and finds what it says");
		tg_spans_free(&sp);
	}
	tg_detectors_free(d);
	cJSON_Delete(e);
	cJSON_Delete(r1);
	cJSON_Delete(r2);
	cJSON_Delete(r3);
	cJSON_Delete(r4);
}

int main(void)
{
	D = dc_load_builtin();
	if (!D)
		return 1;
	check_examples();
	check_validators();
	check_detection();
	dc_check_cases(D, "EMAIL", EMAIL_CASES, TG_ARRAY_LEN(EMAIL_CASES),
		       "e-mail addresses found whole (apostrophes, accents, percent-encoded, [at]), file names, URL users "
		       "and host paths not");
	dc_check_cases(D, "CARD", CARD_CASES, TG_ARRAY_LEN(CARD_CASES),
		       "a card after a long token of letters and digits; not in an ARN, nor named as a SIRET");
	dc_check_cases(D, "IBAN", IBAN_CASES, TG_ARRAY_LEN(IBAN_CASES), "IBANs with spaces or no-break spaces");
	check_stream_equivalence();
	check_holdback();
	check_bad_rules();
	tg_detectors_free(D);
	CHECK_DONE();
}
