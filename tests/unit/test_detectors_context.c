/*
 * test_detectors_context.c - what names a weak-format value (the SSN rule
 * ssn.context is the one that uses all of it): context words inside names
 * (snake_case, camelCase, spaces written as '_', '-' or nothing), a deny
 * word that a nearer context word overrides, a word after the value, the
 * header of a table column however far above (CSV, TSV, markdown, psql,
 * MySQL, HTML, an SQL INSERT's column list), and the key of a JSON string.
 * Each text is also streamed, cut into pieces of every size up to 16
 * bytes, and must come out the same.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "detect_check.h"
#include "detectors.h"
#include "redact.h"
#include "redact_policy.h"
#include "textrw.h"

static struct tg_detectors *D;
static const uint64_t ALL = ~0ull >> 1;

/* text with every value replaced by [TYPE]; piece > 0: streamed in pieces of that size */
static char *rewrite(const char *text, size_t piece)
{
	struct tg_buf out = {0};
	tg_err err = {{0}};
	size_t n = strlen(text);

	if (!piece) {
		tg_text_rewrite(D, ALL, text, n, dc_bracket, D, &out, &err);
	} else {
		struct tg_textstream ts = {0};

		for (size_t at = 0; at < n; at += piece)
			tg_textstream_feed(&ts, D, ALL, text + at, n - at < piece ? n - at : piece, false, dc_bracket, D,
					   &out, &err);
		tg_textstream_feed(&ts, D, ALL, "", 0, true, dc_bracket, D, &out, &err);
		tg_textstream_free(&ts);
	}
	tg_buf_append(&out, "", 1);
	return tg_buf_start(&out);
}

/* text comes out as want, whole and streamed in pieces of 1 to 16 bytes */
static void check_text(const char *name, const char *text, const char *want)
{
	char *got = rewrite(text, 0);
	size_t bad = 0;

	for (size_t piece = 1; piece <= 16; piece++) {
		char *s = rewrite(text, piece);

		bad += strcmp(s, got) != 0;
		free(s);
	}
	CHECK(strcmp(got, want) == 0 && bad == 0, "%s%s", name, bad ? " (streamed: differs)" : "");
	if (strcmp(got, want) != 0)
		printf("# got:  %s\n# want: %s\n", got, want);
	free(got);
}

static void check_names(void)
{
	check_text("a word glued to a name with '_'", "ssn_full=460899847", "ssn_full=[SSN]");
	check_text("... after '_'", "customer_ssn: 460 89 9847", "customer_ssn: [SSN]");
	check_text("... upper case", "CUSTOMER_SSN=460899847", "CUSTOMER_SSN=[SSN]");
	check_text("camelCase, before", "customerSsn: 460899847", "customerSsn: [SSN]");
	check_text("camelCase, after", "ssnLast4 460899847", "ssnLast4 [SSN]");
	check_text("spaces as '_'", "social_security_number: 460899847", "social_security_number: [SSN]");
	check_text("spaces left out, camelCase", "socialSecurityNumber: 460899847", "socialSecurityNumber: [SSN]");
	check_text("spaces as '-'", "Social-Security no. 460899847", "Social-Security no. [SSN]");
	check_text("not inside a word", "lessn 460899847 classnames 460899847", "lessn 460899847 classnames 460899847");
	check_text("not inside an upper-case word", "CLASSNAME 460899847", "CLASSNAME 460899847");
}

static void check_near(void)
{
	check_text("a word after the value", "460 89 9847 - SSN from the scanned form",
		   "[SSN] - SSN from the scanned form");
	check_text("64 bytes before", "Subject: new SSN (for the W-9)\n\nHello, from now on please use 460899847.",
		   "Subject: new SSN (for the W-9)\n\nHello, from now on please use [SSN].");
	check_text("a deny word nearer refuses", "SSN on file. Wire routing 116256900", "SSN on file. Wire routing 116256900");
	check_text("a context word nearer keeps", "wire routing 021000021, SSN 460899847",
		   "wire routing 021000021, SSN [SSN]");
	check_text("invalid SSNs stay refused", "SSN 000-13-6317 or 666561234 or 460000123",
		   "SSN 000-13-6317 or 666561234 or 460000123");
	check_text("a deny word in the sentence before does not refuse what a word after names",
		   "Resolution: SSN updated (verified by phone). 507297914 is the social security # on file.",
		   "Resolution: SSN updated (verified by phone). [SSN] is the social security # on file.");
	check_text("... one in its own sentence does", "SSN updated. Wire routing 507297914, social security too",
		   "SSN updated. Wire routing 507297914, social security too");
	check_text("... nor one on a line before, when a word after names it",
		   "0561-575790, my mobile\nand the other number is 600 57 9454, sorry, the SSN, I mean.",
		   "[PHONE], my mobile\nand the other number is [SSN], sorry, the SSN, I mean.");
	check_text("... one on its own line still does", "my mobile is 600 57 9454\nSSN: on file",
		   "my mobile is 600 57 9454\nSSN: on file");
	check_text("no-break and narrow no-break spaces between the groups",
		   "SSN: 344\xc2\xa0" "31\xc2\xa0" "1462; Social Security number 236\xe2\x80\xaf" "97\xe2\x80\xaf" "5923",
		   "SSN: [SSN]; Social Security number [SSN]");
	check_text("... one kind of them", "SSN: 344\xc2\xa0" "31 1462", "SSN: 344\xc2\xa0" "31 1462");
	check_text("a number of the word's in Spanish, Portuguese, Italian, German",
		   "n\xc3\xbamero de seguridad social 460899847; seguran\xc3\xa7" "a social 501234567",
		   "n\xc3\xbamero de seguridad social [SSN]; seguran\xc3\xa7" "a social [SSN]");
}

/* Round 8: a dashed SSN called another kind of number, cards written with
 * dots, an IBAN glued to the next column's label, e-mail addresses with
 * more RFC 5322 characters and in other scripts. */
static void check_round8(void)
{
	static const struct dc_case ssn[] = {
		/* a line's own key: a word on the line before names that line's value only */
		{"ssn_full: 269284212\n  primary: 634137223 #1588", "269284212"},
		{"ssn_full: 269284212\n  ssn_old: 634137223", "269284212|634137223"},
		{"SSN\n634137223", "634137223"},
		{"Docket 614-18-0949 was continued to next month.", ""},
		{"Part no. 861-52-5205, qty 4, bin C-12.", ""},
		{"Lot 438-79-0954 passed QC.", ""},
		{"Claim 573-22-0596 has been closed by the adjuster.", ""},
		{"Claim filed by Jane Roe, SSN 460-89-9847.", "460-89-9847"},
		{"Order 20114 shipped to Jane Roe 460-89-9847", "460-89-9847"},
		{"my ssn is 460-89-9847", "460-89-9847"},
		/* "order" in an idiom names no order's number */
		{"Fields as entered, in order: 212-45-6789, Jane Roe, Boston.", "212-45-6789"},
		{"Listed in the following order: 212-45-6789 then the name", "212-45-6789"},
		{"Out of order 212-45-6789", "212-45-6789"},
		{"Your order 212-45-6789 has shipped.", ""},
		{"Order: 212-45-6789", ""},
	};
	static const struct dc_case card[] = {
		{"card 4111.1111.1111.1111 exp 12/27", "4111.1111.1111.1111"},
		{"The card on file is 3786.072791.72411; it expires", "3786.072791.72411"},
		{"Cards: 6468937679926589; 4608.4874.3119.2506; 5018.6036.6363.2941",
		 "6468937679926589|4608.4874.3119.2506|5018.6036.6363.2941"},
		{"OID 1.2.840.113549.1.1.11 and 10.4111.1111.1111", ""},
		{"4111.1111.1111.1111.12 is a version", ""},
		{"4111.11111111.1111", ""},
	};
	static const struct dc_case iban[] = {
		{"Bank details IBAN BE71 0961 2345 6769BIC GKCCBEBB\nRegistered", "BE71 0961 2345 6769"},
		{"IBAN DE89 3704 0044 0532 0130 00SWIFT COBADEFFXXX", "DE89 3704 0044 0532 0130 00"},
		{"IBAN DE89370400440532013000.", "DE89370400440532013000"},
	};
	static const struct dc_case email[] = {
		{"To: hello^world@example.org, no.reply`bot@example.com",
		 "hello^world@example.org|no.reply`bot@example.com"},
		{"GET /users/jane@example.com HTTP/1.1", "jane@example.com"},
		{"Hey!jane@example.com", "Hey!jane@example.com"},
		{"admin_email: dev{ops}@example.online", "dev{ops}@example.online"},
		{"template: ${USER}@example.com, {team}@example.com", ""},
		{"To: \xd0\xbe\xd0\xbb\xd1\x8c\xd0\xb3\xd0\xb0@\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80.\xd1\x80\xd1\x84, Jane",
		 "\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xb3\xd0\xb0@\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80.\xd1\x80\xd1\x84"},
		/* a local part in another script only with a domain in one too */
		{"\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xb3\xd0\xb0@example.com", ""},
	};

	dc_check_cases(D, "SSN", ssn, TG_ARRAY_LEN(ssn), "a dashed SSN after a word naming another number, nearer than an SSN word, is refused");
	dc_check_cases(D, "CARD", card, TG_ARRAY_LEN(card), "cards with dots in a card's layout; versions and OIDs not");
	dc_check_cases(D, "IBAN", iban, TG_ARRAY_LEN(iban), "an IBAN glued to the next column's label");
	dc_check_cases(D, "EMAIL", email, TG_ARRAY_LEN(email), "e-mail: ^, `, ! and a pair of braces in a local part, not / nor a template; other scripts");
}

static void check_tables(void)
{
	char csv[2048], want[2048];
	size_t n = 0, m = 0;

	n += (size_t)snprintf(csv + n, sizeof(csv) - n, "id;name;ssn;city\n");
	m += (size_t)snprintf(want + m, sizeof(want) - m, "id;name;ssn;city\n");
	for (int i = 0; i < 40; i++) {
		n += (size_t)snprintf(csv + n, sizeof(csv) - n, "%d;Jane Roe;%03d%02d%04d;Lyon\n", i, 101 + i, 11 + i,
				      1234 + i);
		m += (size_t)snprintf(want + m, sizeof(want) - m, "%d;Jane Roe;[SSN];Lyon\n", i);
	}
	check_text("a CSV's ssn column, 40 rows (1.3 KB) below its header", csv, want);
	check_text("the same numbers in a column named otherwise", "id;name;account;city\n1;A;460899847;X\n"
		   "2;B;501234567;Y\n3;C;402113344;Z\n4;D;391225081;W\n5;E;550998765;V\n6;F;123456789;U\n",
		   "id;name;account;city\n1;A;460899847;X\n2;B;501234567;Y\n3;C;402113344;Z\n4;D;391225081;W\n"
		   "5;E;550998765;V\n6;F;123456789;U\n");
	check_text("markdown", "| Name | City | SSN |\n|---|---|---|\n| Jane Roe | Lyon | 460 89 9847 |\n"
		   "| John Doe | Paris | 501 23 4567 |\n| Ann Lee | Oslo | 402 11 3344 |\n| Bo Yu | Rome | 391 22 5081 |\n",
		   "| Name | City | SSN |\n|---|---|---|\n| Jane Roe | Lyon | [SSN] |\n| John Doe | Paris | [SSN] |\n"
		   "| Ann Lee | Oslo | [SSN] |\n| Bo Yu | Rome | [SSN] |\n");
	check_text("TSV, a snake_case header", "name\tcustomer_ssn\nA\t460899847\nB\t501234567\nC\t402113344\n"
		   "D\t391225081\nE\t550998765\nF\t460899847\nG\t501234567\nH\t402113344\n",
		   "name\tcustomer_ssn\nA\t[SSN]\nB\t[SSN]\nC\t[SSN]\nD\t[SSN]\nE\t[SSN]\nF\t[SSN]\nG\t[SSN]\n"
		   "H\t[SSN]\n");
	check_text("the table ends at a blank line", "name,ssn\nA,460-89-9847\n\nWe shipped 7 boxes, order 501234567 and "
		   "402113344 are on the way to the warehouse in Lyon today.",
		   "name,ssn\nA,[SSN]\n\nWe shipped 7 boxes, order 501234567 and 402113344 are on the way to the "
		   "warehouse in Lyon today.");
	check_text("a deny word in the cell", "name;ssn;note\nA;460899847;x\nB;routing 021000021;y\nC;ref 402113344;z\n"
		   "D;391225081;w\nE;550998765;v\n",
		   "name;ssn;note\nA;[SSN];x\nB;routing 021000021;y\nC;ref 402113344;z\nD;[SSN];w\nE;[SSN];v\n");
	check_text("psql: the rule under the header",
		   "      name      |     ssn     |  city\n----------------+-------------+--------\n"
		   " Jane Roe       | 460899847   | Lyon\n John Doe       | 501 23 4567 | Paris\n"
		   " Ann Lee        | 402113344   | Oslo\n(3 rows)\n",
		   "      name      |     ssn     |  city\n----------------+-------------+--------\n"
		   " Jane Roe       | [SSN]   | Lyon\n John Doe       | [SSN] | Paris\n"
		   " Ann Lee        | [SSN]   | Oslo\n(3 rows)\n");
	check_text("MySQL: rules around the header",
		   "+----+----------+-----------+\n| id | name     | ssn       |\n+----+----------+-----------+\n"
		   "|  1 | Jane Roe | 460899847 |\n|  2 | John Doe | 501234567 |\n|  3 | Ann Lee  | 402113344 |\n"
		   "+----+----------+-----------+\n",
		   "+----+----------+-----------+\n| id | name     | ssn       |\n+----+----------+-----------+\n"
		   "|  1 | Jane Roe | [SSN] |\n|  2 | John Doe | [SSN] |\n|  3 | Ann Lee  | [SSN] |\n"
		   "+----+----------+-----------+\n");
	check_text("SQL: an INSERT's column list, rows below",
		   "INSERT INTO users (id, full_name, ssn, email, card_number) VALUES\n"
		   "  (50241, 'Lef\xc3\xa8vre, Camille', '497-67-9439', 'c@example.com', '4111 1111 1111 1111'),\n"
		   "  (85785, 'O''Brien', '782297184', 'f@example.com', NULL),\n"
		   "  (85786, 'Roe', '462 37 7230', NULL, NULL);",
		   "INSERT INTO users (id, full_name, ssn, email, card_number) VALUES\n"
		   "  (50241, 'Lef\xc3\xa8vre, Camille', '[SSN]', '[EMAIL]', '[CARD]'),\n"
		   "  (85785, 'O''Brien', '[SSN]', '[EMAIL]', NULL),\n"
		   "  (85786, 'Roe', '[SSN]', NULL, NULL);");
	check_text("... a column whose name holds two context words (\"phone_number\") takes one place",
		   "INSERT INTO public.users (id, full_name, email, phone_number, ssn, created_at) VALUES\n"
		   "  (5558, 'Ondrej Svoboda', 'h@example.com', '9202820600', '627 22 2197', '2022-02-26 11:39:12'),\n"
		   "  (5280, 'Jane Roe', 'j@example.com', '3865662292', '672901202', '2019-10-05 15:02:07');",
		   "INSERT INTO public.users (id, full_name, email, phone_number, ssn, created_at) VALUES\n"
		   "  (5558, 'Ondrej Svoboda', '[EMAIL]', '[PHONE]', '[SSN]', '2022-02-26 11:39:12'),\n"
		   "  (5280, 'Jane Roe', '[EMAIL]', '[PHONE]', '[SSN]', '2019-10-05 15:02:07');");
	check_text("... another column is not named",
		   "INSERT INTO payouts (id, ssn, account_no) VALUES (36379, '213520979', '501234567');",
		   "INSERT INTO payouts (id, ssn, account_no) VALUES (36379, '[SSN]', '501234567');");
	check_text("... nor a list without VALUES",
		   "Columns (id, full_name, ssn) are in the export the payroll team sent on Monday; the values "
		   "(36379, 'Thomas Becker', '501234567') come from the old system.",
		   "Columns (id, full_name, ssn) are in the export the payroll team sent on Monday; the values "
		   "(36379, 'Thomas Becker', '501234567') come from the old system.");
	check_text("... nor a column past a named one in CSV", "id;name;ssn;acct_no\n1;Jane Roe;460899847;501234567\n",
		   "id;name;ssn;acct_no\n1;Jane Roe;[SSN];501234567\n");
	check_text("HTML: the header row's column, rows below",
		   "<table>\n  <tr><th>Name</th><th>City</th><th>SSN</th></tr>\n"
		   "  <tr><td>Jane Roe</td><td>Lyon</td><td>460899847</td></tr>\n"
		   "  <tr><td>John Doe</td><td>Paris</td><td>501 23 4567</td></tr>\n"
		   "  <tr><td>Ann Lee</td><td>Oslo</td><td>402113344</td></tr>\n</table>",
		   "<table>\n  <tr><th>Name</th><th>City</th><th>SSN</th></tr>\n"
		   "  <tr><td>Jane Roe</td><td>Lyon</td><td>[SSN]</td></tr>\n"
		   "  <tr><td>John Doe</td><td>Paris</td><td>[SSN]</td></tr>\n"
		   "  <tr><td>Ann Lee</td><td>Oslo</td><td>[SSN]</td></tr>\n</table>");
	check_text("... not another column",
		   "<table><tr><th>Name</th><th>SSN</th><th>Account</th></tr>\n"
		   "<tr><td>Jane Roe</td><td>n/a</td><td>460899847</td></tr>\n"
		   "<tr><td>John Doe</td><td>n/a</td><td>501234567</td></tr></table>",
		   "<table><tr><th>Name</th><th>SSN</th><th>Account</th></tr>\n"
		   "<tr><td>Jane Roe</td><td>n/a</td><td>460899847</td></tr>\n"
		   "<tr><td>John Doe</td><td>n/a</td><td>501234567</td></tr></table>");
}

static char *json_out(struct tg_redact *r, const char *doc)
{
	static const struct tg_redact_who who = {.cgroup = "/", .uid = 0, .key_fp = ""};
	struct tg_redactor *x = tg_redactor_new(r, &who);
	struct tg_buf out = {0};
	tg_err err = {{0}};

	if (tg_redactor_json(x, TG_DIR_REQUEST, doc, strlen(doc), &out, &err) < 0)
		tg_buf_printf(&out, "error: %s", err.msg);
	tg_buf_append(&out, "", 1);
	tg_redactor_free(x);
	return tg_buf_start(&out);
}

static void check_json_keys(void)
{
	static const struct { const char *name, *doc, *want; } cases[] = {
		{"a JSON string's key names it", "{\"name\":\"Jane\",\"ssn\":\"460899847\"}",
		 "{\"name\":\"Jane\",\"ssn\":\"[REDACTED:SSN]\"}"},
		{"... in camelCase, spaced value", "{\"customerSsn\":\"460 89 9847\"}", "{\"customerSsn\":\"[REDACTED:SSN]\"}"},
		{"an array's key names its elements", "{\"ssns\":[\"460899847\",\"501234567\"]}",
		 "{\"ssns\":[\"[REDACTED:SSN]\",\"[REDACTED:SSN]\"]}"},
		{"tool call arguments (JSON in a string)",
		 "{\"arguments\":\"{\\\"ssn_full\\\":\\\"460899847\\\",\\\"zip\\\":\\\"501234567\\\"}\"}",
		 "{\"arguments\":\"{\\\"ssn_full\\\":\\\"[REDACTED:SSN]\\\",\\\"zip\\\":\\\"501234567\\\"}\"}"},
		{"another key names nothing", "{\"account\":\"460899847\",\"note\":\"SSN below\",\"x\":\"501234567\"}",
		 "{\"account\":\"460899847\",\"note\":\"SSN below\",\"x\":\"501234567\"}"},
		{"a numbered key", "{\"ssn2\":\"460899847\",\"SSN_1\":\"501234567\"}",
		 "{\"ssn2\":\"[REDACTED:SSN]\",\"SSN_1\":\"[REDACTED:SSN]\"}"},
	};
	static const struct tg_redact_who who = {.cgroup = "/", .uid = 0, .key_fp = ""};
	tg_err err = {{0}};
	struct tg_redact *r = tg_redact_open("", true, NULL, NULL, &err);
	struct tg_json_path path = {.keys = {"functionCall", "args", "customerSsn"}, .depth = 3};
	struct tg_redactor *x;
	struct tg_buf out = {0}, named = {0};
	int rc;

	CHECK(r != NULL, "the built-in policy loads (%s)", err.msg);
	if (!r)
		return;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = json_out(r, cases[i].doc);

		CHECK(strcmp(got, cases[i].want) == 0, "%s: %s", cases[i].name, got);
		free(got);
	}
	/* a string redacted alone (in a streamed event) goes by its key too */
	x = tg_redactor_new(r, &who);
	tg_redactor_json_begin(x, TG_DIR_RESPONSE);
	rc = tg_redactor_json_value(x, &path, "460899847", 9, &out);
	CHECK(rc == 1 && tg_buf_used(&out) == 14 && memcmp(tg_buf_start(&out), "[REDACTED:SSN]", 14) == 0,
	      "a string redacted alone goes by its key: %.*s", (int)tg_buf_used(&out), tg_buf_start(&out));
	tg_redactor_free(x);
	tg_text_rewrite_named(D, ALL, "zip", "460899847", 9, dc_bracket, D, &named, &err);
	tg_buf_append(&named, "", 1);
	CHECK(strcmp(tg_buf_start(&named), "460899847") == 0, "another key names nothing: %s", tg_buf_start(&named));
	tg_buf_free(&out);
	tg_buf_free(&named);
	tg_redact_close(r);
}

/* "context_fields" is checked like every rule field: errors name the rule and the key */
static void check_rule_errors(void)
{
	static const struct { const char *rules, *want; } cases[] = {
		{"[{\"id\": \"x\", \"entity\": \"SSN\", \"pattern\": \"[0-9]{9}\", \"context_fields\": 1}]",
		 "rule \"x\": \"context_fields\": expected true, false or a list of context words"},
		{"[{\"id\": \"x\", \"entity\": \"SSN\", \"pattern\": \"[0-9]{9}\", \"context\": [\"ssn\"], "
		 "\"context_fields\": [\"ssn\", \"tin\"]}]",
		 "rule \"x\": \"context_fields\": \"tin\" is not one of the \"context\" words"},
		{"[{\"id\": \"x\", \"entity\": \"SSN\", \"pattern\": \"[0-9]{9}\", \"context_fields\": true}]",
		 "rule \"x\": \"context_fields\": the rule has no \"context\" words"},
	};
	char nine[2048];
	size_t n = 0;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct tg_detectors *d = tg_detectors_new();
		cJSON *ents = cJSON_Parse("{\"SSN\": {\"priority\": 85}}"), *rules = cJSON_Parse(cases[i].rules);
		tg_err err = {{0}};
		int rc = tg_detectors_add_entities(d, ents, "t", &err) || tg_detectors_add_rules(d, rules, "t", &err);

		CHECK(rc != 0 && strstr(err.msg, cases[i].want), "refused: %s", err.msg);
		cJSON_Delete(ents);
		cJSON_Delete(rules);
		tg_detectors_free(d);
	}
	/* nine rules with it: one too many */
	n += (size_t)snprintf(nine + n, sizeof(nine) - n, "[");
	for (int i = 0; i < 9; i++)
		n += (size_t)snprintf(nine + n, sizeof(nine) - n, "%s{\"id\": \"r%d\", \"entity\": \"SSN\", "
				      "\"pattern\": \"[0-9]{9}\", \"context\": [\"w%d\"], \"context_fields\": true}",
				      i ? "," : "", i, i);
	snprintf(nine + n, sizeof(nine) - n, "]");
	{
		struct tg_detectors *d = tg_detectors_new();
		cJSON *ents = cJSON_Parse("{\"SSN\": {\"priority\": 85}}"), *rules = cJSON_Parse(nine);
		tg_err err = {{0}};
		int rc = tg_detectors_add_entities(d, ents, "t", &err) || tg_detectors_add_rules(d, rules, "t", &err) ||
			 tg_detectors_compile(d, &err);

		CHECK(rc != 0 && strstr(err.msg, "more than 8 rules with \"context_fields\""), "refused: %s", err.msg);
		cJSON_Delete(ents);
		cJSON_Delete(rules);
		tg_detectors_free(d);
	}
}

int main(void)
{
	tg_err err = {{0}};

	tg_log_set_level(TG_LOG_WARN);
	D = tg_detectors_new();
	{
		cJSON *a = cJSON_Parse(tg_builtin_redaction_rules), *b = cJSON_Parse(tg_builtin_redaction_noseyparker);
		int rc = tg_detectors_add_entities(D, cJSON_GetObjectItem(a, "entities"), "rules", &err) ||
			 tg_detectors_add_rules(D, cJSON_GetObjectItem(a, "rules"), "rules", &err) ||
			 tg_detectors_add_rules(D, cJSON_GetObjectItem(b, "rules"), "np", &err) ||
			 tg_detectors_compile(D, &err);

		cJSON_Delete(a);
		cJSON_Delete(b);
		CHECK(rc == 0, "built-in rules compile (%s)", err.msg);
		if (rc)
			CHECK_DONE();
	}
	check_names();
	check_near();
	check_round8();
	check_tables();
	check_json_keys();
	check_rule_errors();
	tg_detectors_free(D);
	CHECK_DONE();
}
