/*
 * test_detectors_ip.c - the IP address detectors (rules "ipv4" and "ipv6"
 * in policies/redaction-rules.json, validators in userspace/detectors.c):
 * an address is found whole, never in part (an IPv6 address with an IPv4
 * tail, a compressed prefix, an address before a full stop); what only
 * looks like one is not found (4-part versions, OIDs, section numbers,
 * slices, scopes, times, MAC addresses); and a stream cut anywhere gives
 * the whole text's result, since some of these decisions look back.
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
	{"inet6 fe80::1c2b:3cff:fe4d:5e6f/64 scope link", "fe80::1c2b:3cff:fe4d:5e6f"},
	{"route 2001:db8::/32 via fe80::1%eth0", "2001:db8::|fe80::1"},
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
	/* not addresses at all, or addresses of no one */
	{"xs[1::2] and ys[::3]", ""},
	{"std::vector<int> a::b beef::cafe", ""},
	{"at 12:20:39 and 10:20::", ""},
	{"MAC 00:1a:2b:3c:4d:5e", ""},
	{"listen on 0.0.0.0:80 and 127.0.0.1, ::1", ""},
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

int main(void)
{
	D = dc_load_builtin();
	if (!D)
		return 1;
	dc_check_cases(D, "IP", CASES, TG_ARRAY_LEN(CASES), "IP addresses found whole, look-alikes not found");
	check_long_prefix();
	tg_detectors_free(D);
	CHECK_DONE();
}
