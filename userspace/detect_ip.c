/*
 * detect_ip.c - the IP address validators: an IPv4 quad that is an
 * address and not a version, an OID or a range (and which quads need a
 * word naming them), an IPv6 address as a whole token. See detect_ip.h.
 */
#include "detect_ip.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <arpa/inet.h>

#include "detect_checks.h"

/*
 * Right after sep, glued to a name that starts with a letter and is not
 * itself a piece of a path or URL: the version of a product token, as in a
 * User-Agent or a Server header ("Chrome/120.0.0.0", "nginx/1.25.3.1"), or
 * with '-' of a package or an item's number ("openssl-1.1.1.4",
 * "REQ-4.2.1.3"). "/hosts/10.0.0.1" and "http://10.0.0.1" are no such thing,
 * nor is a range ("10.0.0.1-10.0.0.9"). Looks back at most 34 bytes, within
 * the history a stream keeps (48).
 */
static bool after_product_name(const char *t, size_t st, char sep)
{
	size_t i;

	if (st < 2 || t[st - 1] != sep)
		return false;
	i = tg_token_start(t, st - 1, st > 33 ? st - 33 : 0, "-_.");
	if (i == st - 1 || st - i >= 33 || !isalpha((unsigned char)t[i]))
		return false;
	return i == 0 || !t[i - 1] || !strchr("/:@.", t[i - 1]);
}

/*
 * The new version in a version change: "from 4.17.20 to 4.3.54.94",
 * "1.2 -> 1.2.0.1", "3.1.0 → 3.1.0.2", "von 2.1 auf 2.1.0.4", "de 3.2 vers
 * 3.2.0.1", "da 1.4 a 1.4.2.7", "van 5.1 naar 5.1.0.2". The value follows
 * "to" (or "auf", "vers", "à", "a", "naar"), "->", "=>" or "→" right after a
 * dotted number of two or three parts, which no address is ("from 10.0.0.1
 * to 10.0.0.9" stays two addresses). Looks back at most 32 bytes.
 */
static bool after_version_change(const char *t, size_t st)
{
	static const char *const joins[] = {" to", " auf", " vers", " \xc3\xa0", " a", " naar", "->", "=>",
					    "\xe2\x86\x92", NULL};
	size_t i = st, end, dots = 0, k;

	while (i > 0 && st - i < 3 && t[i - 1] == ' ')
		i--;
	for (k = 0; joins[k]; k++) {
		size_t n = strlen(joins[k]);

		if (i >= n && strncasecmp(t + i - n, joins[k], n) == 0) {
			i -= n - (joins[k][0] == ' ');
			break;
		}
	}
	if (!joins[k])
		return false;
	while (i > 0 && st - i < 12 && t[i - 1] == ' ')
		i--;
	end = i;
	while (i > 0 && end - i < 20 && (isdigit((unsigned char)t[i - 1]) || t[i - 1] == '.')) {
		dots += t[i - 1] == '.';
		i--;
	}
	if (end - i >= 20 || i == end || !isdigit((unsigned char)t[i]) || !isdigit((unsigned char)t[end - 1]))
		return false;
	return dots >= 1 && dots <= 2;
}

/*
 * A version pinned as a dependency: "mylib==1.1.43.98", "foo >= 1.2.3.4",
 * "~=", "!=", "<=", "^1.2.0.3", "~1.2.0.3" (requirements files, package
 * manifests). Looks back at most 3 bytes.
 */
static bool after_version_pin(const char *t, size_t st)
{
	size_t i = st;

	if (i > 0 && (t[i - 1] == '^' || t[i - 1] == '~'))
		return true;
	if (i > 0 && t[i - 1] == ' ')
		i--;
	return i >= 2 && t[i - 1] == '=' && t[i - 2] && strchr("=<>~!", t[i - 2]);
}

/*
 * The value of a key whose last word names a version: "APP_VERSION=11.8.47.202",
 * "firmware_rev: 10.2.33.4", "buildVersion=\"12.1.44.9\"" (the key split at
 * '_', '-', '.' and a lower-to-upper case change, maybe quoted; then '='
 * or ':', a space and a quote allowed). Looks back at most 40 bytes.
 */
static bool after_version_key(const char *t, size_t st)
{
	static const char *const words[] = {"version", "ver", "vers", "rev", "revision", "release", "build",
					    "firmware", "fw", NULL};
	size_t i = st, end, w;

	if (i > 0 && (t[i - 1] == '"' || t[i - 1] == '\''))
		i--;
	if (i > 0 && t[i - 1] == ' ')
		i--;
	if (i == 0 || (t[i - 1] != '=' && t[i - 1] != ':'))
		return false;
	end = --i;
	if (i > 0 && (t[i - 1] == '"' || t[i - 1] == '\''))
		end = --i; /* a JSON or YAML key's closing quote */
	while (i > 0 && end - i < 32 && (isalnum((unsigned char)t[i - 1]) || t[i - 1] == '_' || t[i - 1] == '-' ||
					 t[i - 1] == '.'))
		i--;
	if (i == end || end - i >= 32)
		return false;
	for (w = end; w > i && isalnum((unsigned char)t[w - 1]) &&
		      !(isupper((unsigned char)t[w - 1]) && w - 1 > i && islower((unsigned char)t[w - 2]));
	     w--)
		;
	if (w > i && isupper((unsigned char)t[w - 1]))
		w--; /* camelCase: the capital starts the word ("buildVersion") */
	return tg_word_in(t + w, end - w, words);
}

/*
 * What can follow a version and never an address: a pre-release or build
 * part ("-rc1", "-beta", "+build.5", "~bpo11"), a file name's extension or
 * a wildcard (".tar.gz", ".x", ".*"), or a further part ("1.3.6.1.4": an
 * OID, a longer version). c is the byte after the value, next the one after
 * that. A range ("10.0.0.1-10.0.0.9"), a port, a prefix length or a full
 * stop is no such thing.
 */
static bool version_tail(char c, char next)
{
	if (c == '.')
		return isalnum((unsigned char)next) || next == '*';
	if (c == '-')
		return isalpha((unsigned char)next);
	return (c == '+' || c == '~') && isalnum((unsigned char)next);
}

/*
 * Right after a host's name and ':', as a hosts entry maps one to its
 * address ("ledger.internal:192.168.223.60" in a compose file's
 * extra_hosts, docker's --add-host, "db.example.com:10.0.0.5"): a dotted
 * name whose last label starts with a letter. A version glued to a name
 * by ':' follows a single word ("myapp:12.1.0.2"). Looks back at most 48
 * bytes.
 */
static bool after_host_name(const char *t, size_t st)
{
	size_t i = st - 1, dot = 0;

	while (i > 0 && st - i < 48 && (isalnum((unsigned char)t[i - 1]) || t[i - 1] == '-' || t[i - 1] == '.')) {
		if (t[i - 1] == '.' && !dot)
			dot = i;
		i--;
	}
	return dot && dot > i + 1 && dot < st - 1 && isalpha((unsigned char)t[dot]);
}

/*
 * A port (':' and 1 to 5 digits, at most 65535) or, with '/', a prefix
 * length (1 or 2 digits, at most max) at t[en], and then no more of a
 * number, a name or an address (a digit, a letter, ':', or '.' and a
 * digit): "10.1.2.3:443", "8.8.8.0/24", "::ffff:10.1.2.3:443 ". TG_MORE if
 * the text so far ends before that is known.
 */
static enum tg_validity port_or_prefix_at(const char *t, size_t len, size_t en, char sep, unsigned max,
					  bool final)
{
	size_t i = en + 1, most = sep == ':' ? 5 : 2;
	unsigned long v = 0;

	if (en >= len || t[en] != sep)
		return TG_NO;
	while (i < len && isdigit((unsigned char)t[i]) && i - en - 1 < most)
		v = v * 10 + (unsigned long)(t[i++] - '0');
	if (i == en + 1)
		return i >= len && !final ? TG_MORE : TG_NO;
	if (v == 0 || v > max || (t[en + 1] == '0' && i - en > 2))
		return TG_NO;
	if (i >= len)
		return final ? TG_YES : TG_MORE;
	if (isalnum((unsigned char)t[i]) || t[i] == ':' || t[i] == '_')
		return TG_NO;
	if (t[i] == '.' || t[i] == '/') {
		if (i + 1 >= len)
			return final ? TG_YES : TG_MORE;
		if (isalnum((unsigned char)t[i + 1]))
			return TG_NO;
	}
	return TG_YES;
}

/*
 * A dotted quad written as versions and section numbers are: small parts
 * (a first of one digit and a second under 32, "1.1.43.98", "6.12.18.177",
 * "2.5.4.19"; or the first three under 32, "11.7.7.2", "12.3.4.5", but for
 * the private network 10/8), ending in ".0" ("19.3.0.0", "120.0.0.0"),
 * pinned ("mylib==11.1.43.98", "ip.src == 10.0.0.1"), or glued to a name by
 * '-' or ':' ("openssl-11.1.1.4", "myapp:12.1.0.2", "host-10.0.0.1",
 * "IP:44.1.2.3"; not a host's dotted name and ':', after_host_name). Few
 * addresses are so small (a part of the public blocks 1/8 to 31/8: 0.6% of
 * the public space), one ending in .0 names a network
 * (with its prefix length), and a pin or a name may be an address's as well
 * as a version's. So such a quad is an address only when a word names it
 * ("DNS 1.1.1.1", "ping 8.8.8.8", "network 10.0.0.0", "IP:44.1.2.3") or a
 * port, a prefix length or a URL says so ("1.2.3.4:443", "9.1.0.0/16",
 * "http://8.8.4.4/").
 */
static bool ipv4_looks_like_version(const char *t, size_t len, size_t st, size_t en)
{
	int part[3] = {0}, k = 0;

	if (en + 1 < len && (t[en] == ':' || t[en] == '/') && isdigit((unsigned char)t[en + 1]))
		return false;
	if (st >= 3 && memcmp(t + st - 3, "://", 3) == 0)
		return false;
	if ((t[en - 1] == '0' && t[en - 2] == '.') ||
	    (st >= 2 && t[st - 1] == ':' && isalnum((unsigned char)t[st - 2]) && !after_host_name(t, st)) ||
	    after_version_pin(t, st) || after_product_name(t, st, '-'))
		return true;
	for (size_t i = st; i < en && k < 3; i++) {
		if (t[i] == '.')
			k++;
		else
			part[k] = part[k] * 10 + (t[i] - '0');
	}
	if (part[0] < 10)
		return part[1] < 32;
	return part[0] != 10 && part[0] < 32 && part[1] < 32 && part[2] < 32;
}

enum tg_validity tg_valid_ipv4(const char *t, size_t len, size_t st, size_t en, bool final)
{
	enum tg_validity port;
	bool slash;

	/* addresses that identify no one: unspecified, loopback, broadcast */
	if ((en - st == 7 && memcmp(t + st, "0.0.0.0", 7) == 0) || (en - st >= 4 && memcmp(t + st, "127.", 4) == 0) ||
	    (en - st == 15 && memcmp(t + st, "255.255.255.255", 15) == 0))
		return TG_NO;
	/* part of a longer dotted run (OIDs, versions)? */
	if (st >= 2 && t[st - 1] == '.' && isdigit((unsigned char)t[st - 2]))
		return TG_NO;
	if (after_product_name(t, st, '/') || after_version_change(t, st) || after_version_key(t, st))
		return TG_NO;
	if (en < len && t[en] && strchr(".-+~:/", t[en])) {
		if (en + 1 >= len && !final)
			return TG_MORE;
		if (en + 1 < len && version_tail(t[en], t[en + 1]))
			return TG_NO;
	}
	if (en >= len && !final)
		return TG_MORE;
	/* a port or a prefix length names an address more surely than a word
	 * before it names a version ("kernel: curl 8.147.162.200/32
	 * returned 502", "firmware host 10.1.2.3:8443") */
	slash = en < len && t[en] == '/';
	port = port_or_prefix_at(t, len, en, slash ? '/' : ':', slash ? 32 : 65535, final);
	if (port != TG_NO)
		return port == TG_YES ? TG_SURE : TG_MORE;
	return ipv4_looks_like_version(t, len, st, en) ? TG_WEAK : TG_YES;
}

/*
 * Has an address without an IPv4 tail, a, n bytes long, all eight groups
 * written ("fd12:8c5c:2:9c2d:3:eab:63da:7"), not all of two hex digits (a
 * run of bytes, "00:1a:2b:3c:4d:5e:6f:70", is a dump)? Then, as after an
 * IPv4 tail ("::ffff:192.0.2.33"), nothing more of the address can follow,
 * and ':' and digits after it are a port, as a browser's devtools print a
 * remote address ("::ffff:91.114.223.136:443"). A compressed address may
 * go on ("2001:db8::1:443" is one), so its ':' and digits stay undecided
 * and refused.
 */
static bool all_groups(const char *a, size_t n)
{
	size_t colons = 0, group = 0;
	bool bytes = true;

	for (size_t i = 0; i <= n; i++) {
		if (i == n || a[i] == ':') {
			if (group != 2)
				bytes = false;
			if (i < n && i + 1 < n && a[i + 1] == ':')
				return false;
			colons += i < n;
			group = 0;
		} else {
			group++;
		}
	}
	return colons == 7 && !bytes;
}

/*
 * An IPv6 address as inet_pton reads it, the whole token: full, compressed
 * ("2001:db8::", "fe80::fb") or with an IPv4 tail ("::ffff:192.0.2.33",
 * "64:ff9b::203.0.113.7"). A dot after it ends a sentence unless a digit
 * follows (then the address goes on into its IPv4 tail, a longer match).
 */
enum tg_validity tg_valid_ipv6(const char *t, size_t len, size_t st, size_t en, bool final)
{
	char buf[64];
	struct in6_addr a;
	size_t n = en - st, colons = 0, groups = 0;
	bool full_group = false, v4_tail;

	if (n >= sizeof(buf) || (st > 0 && (isxdigit((unsigned char)t[st - 1]) || t[st - 1] == ':')))
		return TG_NO;
	if (en < len && isxdigit((unsigned char)t[en]))
		return TG_NO;
	v4_tail = memchr(t + st, '.', n) != NULL;
	/* a ':' goes on into more of an address or a port, unless it ends a
	 * phrase ("from fd7a:115c:9:3:786:2785:c:687: too many requests") */
	if (en < len && t[en] == ':') {
		if (en + 1 >= len)
			return final ? TG_YES : TG_MORE;
		if (isxdigit((unsigned char)t[en + 1]) || t[en + 1] == ':' || t[en + 1] == '/') {
			enum tg_validity port = v4_tail || all_groups(t + st, n)
							? port_or_prefix_at(t, len, en, ':', 65535, final)
							: TG_NO;
			size_t p = en + 1;

			if (port != TG_YES)
				return port;
			/* quoted whole, it is one token: a nine-group string
			 * that is no address ("ValueError: 'fd12:...:7:2299'
			 * does not appear to be an IPv6 address") */
			while (p < len && isdigit((unsigned char)t[p]))
				p++;
			if (st > 0 && t[st - 1] && strchr("'\"`", t[st - 1]) && p < len && t[p] == t[st - 1] &&
			    !v4_tail)
				return TG_NO;
		}
	}
	if (en < len && t[en] == '.') {
		if (en + 1 < len && isdigit((unsigned char)t[en + 1]))
			return TG_NO;
		if (en + 1 >= len && !final)
			return TG_MORE;
	}
	if (en >= len && !final)
		return TG_MORE;
	memcpy(buf, t + st, n);
	buf[n] = 0;
	for (size_t i = 0; i < n; i++)
		colons += buf[i] == ':';
	if (colons < 2 || strcmp(buf, "::") == 0 || inet_pton(AF_INET6, buf, &a) != 1)
		return TG_NO;
	/*
	 * How many groups are written (an IPv4 tail is two). One ("::1") is
	 * too short to mean anything, but for a /16 prefix of four hex digits,
	 * one a digit ("fe80::", "2001::"). Two only with such a group, as a
	 * routing prefix has ("fe80::fb", "2001:db8::"): not a slice
	 * (xs[1::2]), a scope (a::b) or a word.
	 */
	for (size_t i = 0; i < n; i++) {
		if (!isxdigit((unsigned char)buf[i]) || (i > 0 && buf[i - 1] != ':'))
			continue;
		groups++;
		if (i + 4 <= n && strspn(buf + i, "0123456789abcdefABCDEF") == 4 && strcspn(buf + i, "0123456789") < 4)
			full_group = true;
	}
	if (v4_tail)
		groups++;
	if (groups == 1 && full_group && n == 6 && buf[4] == ':' && buf[5] == ':')
		return TG_YES;
	if (groups < 2 || (groups == 2 && !full_group))
		return TG_NO;
	return TG_YES;
}
