/*
 * test_detectors_ip.c - the IP address detectors (rules "ipv4" and "ipv6"
 * in policies/redaction-rules.json, validators in userspace/detect_ip.c):
 * an address is found whole, never in part (an IPv6 address with an IPv4
 * tail, a compressed prefix, an address before a full stop); what only
 * looks like one is not found (4-part versions, OIDs, section numbers,
 * slices, scopes, times, MAC addresses); and a stream cut anywhere gives
 * the whole text's result, since some of these decisions look back.
 * Also the two rule fields the ipv4 rule brought: "context_optional" (its
 * words outrank deny words, and name the values written as versions are)
 * and "context_local" (its words are looked for by hand around a value:
 * the same results as Hyperscan finding them).
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

static const struct dc_case CASES[] = {
	/* the value of a key naming a version is a version, whatever its parts */
	{"DB_HOST=10.1.2.3\nAPP_VERSION=11.8.47.202", "10.1.2.3"},
	{"{\"buildVersion\": \"12.1.44.9\", \"serverIp\": \"52.14.8.120\"}", "52.14.8.120"},
	{"firmware_rev: 10.2.33.4", ""},
	{"server: 10.2.33.4", "10.2.33.4"},
	/* IPv6 with an IPv4 tail: the whole address, not just the tail */
	{"peer ::ffff:192.0.2.33 connected", "::ffff:192.0.2.33"},
	{"NAT64 64:ff9b::203.0.113.7 answered", "64:ff9b::203.0.113.7"},
	{"X-Forwarded-For: (0:0:0:0:0:ffff:172.21.149.238), 10.0.0.7", "0:0:0:0:0:ffff:172.21.149.238|10.0.0.7"},
	{"Thanks, got it: (::FFFF:41.110.75.121).", "::FFFF:41.110.75.121"},
	{"{'peer_ip': '2001:db8:638::105.7.32.240'}", "2001:db8:638::105.7.32.240"},
	{"full form 2001:db8:0:0:0:0:192.0.2.1 too", "2001:db8:0:0:0:0:192.0.2.1"},
	/* compressed forms, prefixes, brackets, a full stop after */
	{"retrying with IP 2a00:1450:: (attempt 2/5)", "2a00:1450::"},
	{"the gateway 2001:db8:: is down", "2001:db8::"},
	{"[fe80::fb]:9836 - - GET /", "fe80::fb"},
	{"[2001:db8::1]:8080", "2001:db8::1"},
	{"please use 2606:4700::a100:36b.", "2606:4700::a100:36b"},
	{"use 2001:0DB8:00EE:0000:01F1:0A16:0001:00CC.\nBest", "2001:0DB8:00EE:0000:01F1:0A16:0001:00CC"},
	{"multicast ff02::1 and ff02::2", "ff02::1|ff02::2"},
	/* IPv4 in logs, URLs, paths and ranges */
	{"connect from 10.1.2.3:443 refused", "10.1.2.3"},
	{"ip=203.0.113.9 ok", "203.0.113.9"},
	{"allow 10.8.0.0/16;", "10.8.0.0"},
	{"see http://192.0.2.10:8080/admin", "192.0.2.10"},
	{"GET /v1/hosts/198.51.100.7 HTTP/1.1", "198.51.100.7"},
	{"moved from 10.0.0.1 to 10.0.0.9", "10.0.0.1|10.0.0.9"},
	{"Failed password for root from 192.168.1.20 port 22 ssh2", "192.168.1.20"},
	{"host 10.0.0.1.", "10.0.0.1"},
	{"tcp  0  0 10.0.0.5:22  10.0.0.9:53422  ESTABLISHED", "10.0.0.5|10.0.0.9"},
	{"inet 192.168.1.5/24 brd 192.168.1.255 scope global eth0", "192.168.1.5|192.168.1.255"},
	{"IN=eth0 OUT= SRC=203.0.113.50 DST=10.0.0.2 LEN=60", "203.0.113.50|10.0.0.2"},
	{"   IPv4 Address. . . . . . . . . . . : 192.168.1.10", "192.168.1.10"},
	{"10.0.0.1 - - [13/Jul/2024:17:52:12 +0000] \"GET /build/1.2.3 HTTP/1.1\" 200", "10.0.0.1"},
	{"client: 10.1.1.1, server: api, upstream: \"http://10.2.2.2:8080/release/\"", "10.1.1.1|10.2.2.2"},
	{"the host was updated to 10.0.0.42 yesterday", "10.0.0.42"},
	{"ssh admin@172.16.0.4", "172.16.0.4"},
	/* a host's dotted name and ':' before it, as a hosts entry maps them; a version after a single word */
	{"extra_hosts:\n  - \"ledger.internal:192.168.223.60\"\n  - \"db.internal:100.112.1.150\"", "192.168.223.60|100.112.1.150"},
	{"image: registry.example.com/app:12.1.0.2", ""},
	{"nodeIP: 4.3.2.1 relay 2.5.4.19", "4.3.2.1|2.5.4.19"},
	{"inet6 fe80::1c2b:3cff:fe4d:5e6f/64 scope link", "fe80::1c2b:3cff:fe4d:5e6f"},
	{"route 2001:db8::/32 via fe80::1%eth0", "2001:db8::|fe80::1"},
	{"Failed password for root from fe80:: port 22", "fe80::"},
	{"prefix 2001:: is Teredo", "2001::"},
	/* a word naming the address outranks a version's word before it */
	{"the build server 10.0.0.5 is down", "10.0.0.5"},
	{"Kernel panic on host 52.14.99.209 after the update.", "52.14.99.209"},
	{"Release the DHCP lease for 10.20.30.40", "10.20.30.40"},
	/* ... and a version's word names only the nearest number */
	{"release 42 runs on 10.0.0.5", "10.0.0.5"},
	{"per RFC 1918, 10.0.0.0/8 is private", "10.0.0.0"},
	{"Version 2 of the API is served from 52.14.99.208.", "52.14.99.208"},
	/* quads written as versions are, where a word, a port, a prefix or a URL names them */
	{"nameserver 8.8.8.8", "8.8.8.8"},
	{"Set the DNS to 1.1.1.1 and retry.", "1.1.1.1"},
	{"dig @8.8.4.4 example.com", "8.8.4.4"},
	{"8.8.4.4:53 and 9.1.0.0/16", "8.8.4.4|9.1.0.0"},
	{"curl http://9.9.9.9/", "9.9.9.9"},
	{"network 10.0.0.0 is ours", "10.0.0.0"},
	{"Wireshark filter: ip.src == 10.0.0.1", "10.0.0.1"},
	{"IP:44.1.2.3 blocked, host-10.0.0.9 too", "44.1.2.3|10.0.0.9"},
	{"Der Server 198.51.100.23 antwortet nicht. IP-Adresse 44.55.66.77 gesperrt.", "198.51.100.23|44.55.66.77"},
	{"Adresse IP 44.55.66.78 bloquée. Indirizzo IP 44.55.66.79 bloccato.", "44.55.66.78|44.55.66.79"},
	{"allowed range: 192.0.2.1-192.0.2.254", "192.0.2.1|192.0.2.254"},
	/* versions, OIDs, section numbers */
	{"User-Agent: Mozilla/5.0 Chrome/120.0.0.0 Safari/537.36", ""},
	{"Server: nginx/1.25.3.1", ""},
	{"App version 4.2.0.17 is out", ""},
	{"Upgraded to 6.8.6.107 last night.", ""},
	{"Bump lodash from 4.17.20 to 4.3.54.94", ""},
	{"1.2 -> 1.2.0.1", ""},
	{"3.1.0 \xe2\x86\x92 3.1.0.2", ""},
	{"OID 1.3.6.1.4.1.311.21.7", ""},
	{"snmpget 2.5.4.14", ""},
	{"per RFC 5280 section 4.9.8.9", ""},
	{"siehe Abschnitt 4.2.1.3", ""},
	{"v1.2.3.4 and V10.0.0.1", ""},
	/* ... small parts (one digit, then under 32; or three under 32 but 10/8), a last of 0: no word names them */
	{"We are still on 4.2.0.17 because of the plugin.", ""},
	{"Java 1.8.0.2 and kernel 6.12.18.177, driver 9.16.50.244", ""},
	{"requirement 2.5.4.19 is met; 2.5.29.17 is subjectAltName", ""},
	{"11.7.7.2 applies, 12.3.4.5 too, and 20.12.3.4", ""},
	{"host 20.12.3.4 and 10.1.2.3", "20.12.3.4|10.1.2.3"},
	{"Oracle 19.3.0.0 is installed", ""},
	/* ... pinned, glued to a name, or with a pre-release, build or file part */
	{"pip install mylib==11.1.43.98 and foo >= 12.0.3.4, ^12.1.0.2", ""},
	{"openssl-11.1.1.4 and image: myapp:12.1.0.2", ""},
	{"12.4.0.1-rc1, 12.4.0.1+build.7, 12.4.0.1~bpo1, app-12.1.0.2.tar.gz, 12.4.1.2.x", ""},
	/* ... after a word for versions, sections, OIDs, in six languages */
	{"Running on kernel 10.12.14.138.", ""},
	{"clause 11.7.7.2 applies; requirement 12.5.4.19 is met", ""},
	{"Firmware-Version 13.10.2.14 installiert; Kernel-Version ist jetzt 15.15.0.91", ""},
	{"La version 15.2.1.8 corrige le bug. La versione 17.3.0.2 \xc3\xa8 disponibile.", ""},
	{"La versi\xc3\xb3n 18.0.4.11 ya est\xc3\xa1 disponible. Versie 12.14.7.3 is uitgebracht.", ""},
	{"Siehe Abschnitt 11.2.3.1. Voir le chapitre 12.1.2.3. Zie hoofdstuk 12.2.1.4.", ""},
	{"Anforderung 11.1.2.3 ist erf\xc3\xbcllt. Exigence 12.3.1.2. Requisito 10.1.2.4 cumplido.", ""},
	{"\xc2\xa7 12.3.4.5 BGB, Art. 12.1.2.3 DSGVO, S/N 20.14.33.7", ""},
	/* ... the new version in a change */
	{"von 11.2 auf 12.1.0.2 aktualisiert; mise \xc3\xa0 jour de 11.2 vers 12.1.0.2", ""},
	{"Aggiornato da 11.2 a 12.1.0.2. Bijgewerkt van 11.2 naar 12.1.0.2. 11.2 => 12.1.0.2", ""},
	/* ... a tool or a topic its line is about, however near a word naming an address */
	{"snmpget -v2c -c public router 2.5.4.47", ""},
	{"Firmware: the router at 10.1.2.3 now runs 4.2.0.17", "10.1.2.3"},
	{"Firmware notes attached.\nDNS 1.1.1.1 answers again", "1.1.1.1"},
	/* not addresses at all, or addresses of no one */
	{"xs[1::2] and ys[::3]", ""},
	{"std::vector<int> a::b beef::cafe", ""},
	{"at 12:20:39 and 10:20::", ""},
	{"MAC 00:1a:2b:3c:4d:5e", ""},
	{"listen on 0.0.0.0:80 and 127.0.0.1, ::1", ""},
	/* an app's version in an environment list; an app that connects to an address */
	{"- OS: macOS 14.5\n- App: 12.27.39.82", ""},
	{"the app connects to 10.20.30.40", "10.20.30.40"},
	/* a full IPv6 address before a ':' that ends a phrase, not one that goes on into a port */
	{"Too many requests from fd7a:115c:9:3:786:2785:c:687: slow down", "fd7a:115c:9:3:786:2785:c:687"},
	/* nothing can follow all eight groups or an IPv4 tail: ':' and digits are a port */
	{"fd7a:115c:9:3:786:2785:c:687:8080", "fd7a:115c:9:3:786:2785:c:687"},
	{"Remote Address: ::ffff:91.114.223.136:443\n", "::ffff:91.114.223.136"},
	{"Remote Address: 64:ff9b::117.2.158.110:443", "64:ff9b::117.2.158.110"},
	{"Remote Address: 0:0:0:0:0:ffff:172.21.53.105:443.", "0:0:0:0:0:ffff:172.21.53.105"},
	{"peer fd12:8c5c:2:9c2d:3:eab:63da:7:443 closed", "fd12:8c5c:2:9c2d:3:eab:63da:7"},
	/* but not a compressed address (the digits may be its last group), a
	 * ninth group, a port out of range, or a run of bytes */
	{"at 2001:db8::8a2e:370:443 now", "2001:db8::8a2e:370:443"},
	{"fd7a:115c:9:3:786:2785:c:687:beef", ""},
	{"fd7a:115c:9:3:786:2785:c:687:99999", ""},
	{"fd7a:115c:9:3:786:2785:c:687:443:1", ""},
	{"dump 00:1a:2b:3c:4d:5e:6f:70:80", ""},
	{"ValueError: '9d46:0741:aff5:96ae:41e5:1262:46b1:bfd0:2299' does not appear to be an IPv6 address", ""},
	{"peer \"::ffff:10.9.8.7:443\" closed", "::ffff:10.9.8.7"},
	/* a port or a prefix length names a quad an address, whatever word is before it */
	{"kernel: curl 8.147.162.200/32 returned 502", "8.147.162.200"},
	{"firmware mirror 10.2.33.4:8443 is down", "10.2.33.4"},
	{"kernel 10.12.14.138/99 and kernel 10.12.14.139/3x", ""},
	{"kernel 10.12.14.138:0 and release 10.12.14.139:123456", ""},
};

/* Behind a long run of text (a stream keeps only a short history), the
 * product and version checks still see what they need, whole and streamed. */
static void check_long_prefix(void)
{
	char text[512];
	int streams = 0, bad;

	snprintf(text, sizeof(text), "%.*s Chrome/120.0.0.0 and %.*s from 4.17.20 to 4.3.54.94, peer 10.9.8.7",
		 200, "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut "
		      "labore et dolore magna aliqua ut enim ad minim veniam quis nostrud exercitation ullamco laboris "
		      "nisi ut aliquip ex ea commodo consequat",
		 50, "duis aute irure dolor in reprehenderit in voluptate velit esse");
	CHECK(strcmp(dc_values(D, "IP", text), "10.9.8.7") == 0, "after a long text: versions refused, the address found (%s)",
	      dc_values(D, "IP", text));
	bad = dc_stream_differs(D, ALL, text, &streams);
	CHECK(bad == 0, "and streamed, for %d streams (%d differ)", streams, bad);
}

/* Detectors from rules (a JSON array) with the built-in entity types; NULL and err set if refused. */
static struct tg_detectors *load_rules(const char *rules, tg_err *err)
{
	struct tg_detectors *d = tg_detectors_new();
	cJSON *a = cJSON_Parse(tg_builtin_redaction_rules), *r = cJSON_Parse(rules);
	int rc = tg_detectors_add_entities(d, cJSON_GetObjectItem(a, "entities"), "t", err) ||
		 tg_detectors_add_rules(d, r, "t", err) || tg_detectors_compile(d, err);

	cJSON_Delete(a);
	cJSON_Delete(r);
	if (rc) {
		tg_detectors_free(d);
		return NULL;
	}
	return d;
}

/*
 * "context_optional": the words do not gate a value, they outrank deny
 * words; a value the validator calls weak (here a quad written as a version
 * is) still needs one. Without it the words gate every value.
 */
static void check_context_optional(void)
{
	static const char rule[] =
		"[{\"id\": \"q\", \"entity\": \"IP\", \"pattern\": \"\\\\b[0-9]{1,3}(?:\\\\.[0-9]{1,3}){3}\\\\b\", "
		"\"validator\": \"ipv4\", \"context\": [\"addr\"], \"deny_context\": [\"ver\"]%s}]";
	static const struct dc_case optional[] = {
		{"x 10.1.2.3", "10.1.2.3"}, {"ver 10.1.2.3", ""}, {"ver addr 10.1.2.3", "10.1.2.3"},
		{"addr ver 10.1.2.3", ""}, {"x 1.2.3.4", ""}, {"addr 1.2.3.4", "1.2.3.4"},
	};
	static const struct dc_case required[] = {
		{"x 10.1.2.3", ""}, {"addr 10.1.2.3", "10.1.2.3"}, {"addr 1.2.3.4", "1.2.3.4"}, {"ver addr 10.1.2.3", "10.1.2.3"},
	};
	char text[512];
	tg_err err = {{0}};
	struct tg_detectors *d;

	for (int local = 0; local < 2; local++) {
		snprintf(text, sizeof(text), rule, local ? ", \"context_optional\": true, \"context_local\": true"
						     : ", \"context_optional\": true");
		d = load_rules(text, &err);
		CHECK(d != NULL, "a rule with \"context_optional\"%s compiles (%s)", local ? " and \"context_local\"" : "",
		      err.msg);
		if (d)
			dc_check_cases(d, "IP", optional, TG_ARRAY_LEN(optional),
				       local ? "optional words, found by hand" : "optional words: they outrank deny words");
		tg_detectors_free(d);
	}
	snprintf(text, sizeof(text), rule, "");
	d = load_rules(text, &err);
	CHECK(d != NULL, "the same rule without it compiles (%s)", err.msg);
	if (d)
		dc_check_cases(d, "IP", required, TG_ARRAY_LEN(required), "without it, the words gate every value");
	tg_detectors_free(d);
}

/* The two fields are checked like every rule field: errors name the rule and the key. */
static void check_rule_errors(void)
{
	static const struct { const char *rules, *want; } cases[] = {
		{"[{\"id\": \"x\", \"entity\": \"IP\", \"pattern\": \"[0-9]\", \"context\": [\"a\"], \"context_optional\": 1}]",
		 "rule \"x\": \"context_optional\": expected true or false"},
		{"[{\"id\": \"x\", \"entity\": \"IP\", \"pattern\": \"[0-9]\", \"context_optional\": true}]",
		 "rule \"x\": \"context_optional\": the rule has no \"context\" words"},
		{"[{\"id\": \"x\", \"entity\": \"IP\", \"pattern\": \"[0-9]\", \"context_local\": \"yes\"}]",
		 "rule \"x\": \"context_local\": expected true or false"},
		{"[{\"id\": \"x\", \"entity\": \"IP\", \"pattern\": \"[0-9]\", \"context\": [\"a\"], \"context_local\": true, "
		 "\"context_fields\": true}]",
		 "rule \"x\": \"context_fields\": not with \"context_local\""},
	};

	for (size_t i = 0; i < TG_ARRAY_LEN(cases); i++) {
		tg_err err = {{0}};
		struct tg_detectors *d = load_rules(cases[i].rules, &err);

		CHECK(!d && strstr(err.msg, cases[i].want), "refused: %s", err.msg);
		tg_detectors_free(d);
	}
}

/*
 * The built-in ipv4 rule with "context_local" (its words looked for by hand
 * around each value) and without (Hyperscan finds them in the whole text):
 * the same values in every case above and in texts full of its words.
 */
static void check_local_same(void)
{
	static const char *const more[] = {
		"version 10.0.0.1 versions 10.0.0.2, server version 10.0.0.3 and version server 10.0.0.4",
		"ip_version 10.1.1.1 ipversion 10.1.1.2 VERSION 10.1.1.3 \xc2\xa7\xc2\xa7" "10.1.1.4 sec.10.1.1.5",
		"kernelversion 10.2.2.1 -version 10.2.2.2 s/n 10.2.2.3 s/n10.2.2.4 upgrade  to 10.2.2.5",
	};
	cJSON *a = cJSON_Parse(tg_builtin_redaction_rules), *np = cJSON_Parse(tg_builtin_redaction_noseyparker), *r;
	struct tg_detectors *off = tg_detectors_new();
	tg_err err = {{0}};
	int bad = 0, rc;

	cJSON_ArrayForEach(r, cJSON_GetObjectItem(a, "rules"))
		if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(r, "id")), "ipv4") == 0)
			cJSON_ReplaceItemInObject(r, "context_local", cJSON_CreateFalse());
	rc = tg_detectors_add_entities(off, cJSON_GetObjectItem(a, "entities"), "t", &err) ||
	     tg_detectors_add_rules(off, cJSON_GetObjectItem(a, "rules"), "t", &err) ||
	     tg_detectors_add_rules(off, cJSON_GetObjectItem(np, "rules"), "np", &err) || tg_detectors_compile(off, &err);
	CHECK(rc == 0, "the built-in rules with ipv4's words found by Hyperscan compile (%s)", err.msg);
	for (size_t i = 0; rc == 0 && i < TG_ARRAY_LEN(CASES) + TG_ARRAY_LEN(more); i++) {
		const char *t = i < TG_ARRAY_LEN(CASES) ? CASES[i].text : more[i - TG_ARRAY_LEN(CASES)];
		char by_hand[512];

		snprintf(by_hand, sizeof(by_hand), "%s", dc_values(D, "IP", t));
		if (strcmp(by_hand, dc_values(off, "IP", t)) != 0) {
			bad++;
			printf("# \"%s\": by hand \"%s\", by Hyperscan \"%s\"\n", t, by_hand, dc_values(off, "IP", t));
		}
	}
	CHECK(rc == 0 && bad == 0, "words found by hand around a value = found by Hyperscan (%d of %zu texts differ)", bad,
	      TG_ARRAY_LEN(CASES) + TG_ARRAY_LEN(more));
	cJSON_Delete(a);
	cJSON_Delete(np);
	tg_detectors_free(off);
}

int main(void)
{
	D = dc_load_builtin();
	if (!D)
		return 1;
	dc_check_cases(D, "IP", CASES, TG_ARRAY_LEN(CASES), "IP addresses found whole, look-alikes not found");
	check_long_prefix();
	check_context_optional();
	check_rule_errors();
	check_local_same();
	tg_detectors_free(D);
	CHECK_DONE();
}
