/*
 * detect_phone.c - the phone number validators: numbering plans (E.164
 * country codes, each plan's longest number, the 00 prefix) and the
 * refusals of what only looks like a phone number (a piece of a card or
 * IBAN, an amount, a count, a date, a version, a range, an SSN's or EIN's
 * layout, a Unix time, a MAC address, an ISBN). See detect_phone.h.
 */
#include "detect_phone.h"

#include <ctype.h>
#include <string.h>

#include "common.h"

/* Six groups of two digits, one separator between each: a MAC address's
 * layout ("34-83-24-35-35-78"), which no numbering plan writes. */
static bool pairs_of_two(const char *s, size_t n)
{
	for (size_t i = 2; i < n; i += 3)
		if (s[i] != s[2])
			return false;
	return true;
}

/* The number the first n digits of s make. */
static int atoi_n(const char *s, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* A run of digits that reads as a date or time, not a phone number. */
static bool looks_like_date(const char *s, size_t len)
{
	size_t i = 0;
	int groups[8], ng = 0;
	char seps[8];
	int ns = 0;

	while (i < len && ng < 8) {
		int v = 0, w = 0;

		while (i < len && !isdigit((unsigned char)s[i])) {
			if (ns < 8 && ng > 0 && (s[i] == '-' || s[i] == '.' || s[i] == '/' || s[i] == ' '))
				seps[ns++] = s[i];
			i++;
		}
		while (i < len && isdigit((unsigned char)s[i])) {
			if (w < 5)
				v = v * 10 + (s[i] - '0');
			i++;
			w++;
		}
		if (w)
			groups[ng++] = w == 4 ? v : (w <= 2 ? v : -1);
	}
	if (ng >= 3 && ns >= 2 && seps[0] == seps[1] && seps[0] != ' ') {
		/* Y-M-D or D.M.Y at the start */
		if (groups[0] >= 1900 && groups[0] <= 2100 && tg_date_ok(groups[0], groups[1], groups[2]))
			return true;
		if (groups[2] >= 1900 && groups[2] <= 2100 &&
		    (tg_date_ok(groups[2], groups[1], groups[0]) || tg_date_ok(groups[2], groups[0], groups[1])))
			return true;
	}
	return false;
}

static bool valid_phone(const char *s, size_t len)
{
	char d[24];
	size_t n = tg_digits_of(s, len, d, sizeof(d));
	bool plus = len && s[0] == '+';
	size_t ext = 0;

	/* an extension does not count towards the number's length */
	for (size_t i = 0; i < len; i++)
		if (s[i] == 'x' || s[i] == 'X' || s[i] == 'e' || s[i] == '#') {
			char tmp[24];

			ext = tg_digits_of(s + i, len - i, tmp, sizeof(tmp));
			break;
		}
	if (n == 0 || ext > n)
		return false;
	n -= ext;
	if (n < 7 || n > 15 || (plus && n < 8))
		return false;
	if (looks_like_date(s, len))
		return false;
	for (size_t i = 1; i < n; i++)
		if (d[i] != d[0])
			return true;
	return false;
}

/*
 * ITU-T E.164 country codes in service. One and two digits as they are;
 * three digits as their first two and the third digits in use ("21:12368":
 * 211, 212, 213, 216, 218). The codes form a prefix code: the start of a
 * number reads as at most one of them.
 */
static const char *const E164_CC[] = {
	"1", "7", "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
	"47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65",
	"66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
	"21:12368", "22:0123456789", "23:0123456789", "24:0123456789", "25:012345678", "26:0123456789",
	"29:01789", "35:0123456789", "37:012345678", "38:01235679", "42:013", "50:0123456789",
	"59:0123456789", "67:023456789", "68:012356789", "69:012", "80:08", "85:02356", "87:08",
	"88:012368", "96:012345678", "97:01234567", "99:2345678", NULL,
};

/* The length of the country code d (n digits) starts with, 0 if none does. */
static size_t country_code_len(const char *d, size_t n)
{
	for (size_t i = 0; E164_CC[i]; i++) {
		const char *c = E164_CC[i], *colon = strchr(c, ':');
		size_t k = colon ? (size_t)(colon - c) : strlen(c);

		if (n < k + (colon != NULL) || memcmp(d, c, k) != 0)
			continue;
		if (!colon)
			return k;
		if (strchr(colon + 1, d[k]))
			return k + 1;
	}
	return 0;
}

/*
 * The shortest and the longest national significant number (after the
 * country code, without a trunk prefix) of some numbering plans (ITU-T
 * E.164 and the national plans; a minimum only for the plans whose numbers
 * all have one length); other countries may use all of E.164's 15 digits.
 * A number longer than its plan allows has taken in a neighbour ("+33 5 82
 * 96 25 29 5214-...": the end of a card); one shorter is no number of it
 * ("001-33855791": an air waybill, eight digits where NANP has ten).
 */
static const struct {
	const char *cc;
	size_t min, max;
} NSN_LEN[] = {
	{"1", 10, 10}, {"7", 10, 10}, {"30", 0, 10}, {"31", 0, 10}, {"32", 0, 9}, {"33", 9, 9}, {"34", 9, 9},
	{"36", 0, 9}, {"39", 0, 11}, {"40", 0, 9}, {"41", 0, 9}, {"44", 0, 10}, {"45", 8, 8}, {"47", 0, 8},
	{"48", 9, 9}, {"61", 0, 9}, {"81", 0, 10}, {"91", 10, 10}, {"351", 9, 9},
};

/* Is the international number s ("+CC ..." or "00CC ...") no longer and no
 * shorter than its country's plan allows? A "(0)" trunk prefix does not
 * count. */
static bool nsn_fits(const char *s, size_t len)
{
	char d[24], ext[24];
	size_t n = tg_digits_of(s, len, d, sizeof(d)), skip = s[0] == '+' ? 0 : 2, cc;

	for (size_t i = 0; i < len; i++)
		if (s[i] == 'x' || s[i] == 'X' || s[i] == 'e' || s[i] == '#') {
			n -= tg_digits_of(s + i, len - i, ext, sizeof(ext)); /* an extension does not count */
			break;
		}
	if (memmem(s, len, "(0)", 3))
		n--;
	if (n <= skip)
		return true;
	cc = country_code_len(d + skip, n - skip);
	for (size_t k = 0; cc && k < TG_ARRAY_LEN(NSN_LEN); k++)
		if (strlen(NSN_LEN[k].cc) == cc && memcmp(NSN_LEN[k].cc, d + skip, cc) == 0)
			return n - skip - cc <= NSN_LEN[k].max && n - skip - cc >= NSN_LEN[k].min;
	return true;
}

/*
 * A number dialled from abroad with the international prefix 00: the
 * country code must be one in service and, when a separator follows it
 * ("0049 30 ..."), be exactly the digits before it; 8 to 13 digits after
 * the 00 (E.164 allows 15, but numbers that long are rare, and longer digit
 * runs in groups are far more often card, account and tracking numbers).
 */
static bool valid_phone_00(const char *s, size_t len)
{
	char d[24];
	size_t n = tg_digits_of(s, len, d, sizeof(d)), first = 2, cc;

	if (memmem(s, len, "(0)", 3))
		n--; /* a trunk prefix, not dialled from abroad: "0049 (0)30 1234567" */
	if (n < 10 || n > 15 || d[0] != '0' || d[1] != '0')
		return false;
	while (first < len && isdigit((unsigned char)s[first]))
		first++;
	cc = country_code_len(d + 2, n - 2);
	return cc && (first == len || first - 2 == cc) && valid_phone(s + 2, len - 2) && nsn_fits(s, len);
}

/*
 * A phone number stands alone in the text: not signed or glued to an id
 * ("-32.678241", "INV-700042552", "200 512 2023-09-04", a UUID's groups),
 * not an amount ("$1045700", "¥2461253", "€ 1234567") nor a Japanese
 * postal code ("〒249-9129"), not the tail of a +CC number (the E.164 rule
 * decides those); with spaced set, not a piece of a longer run of digit
 * groups either (cards, IBANs, IMEIs, ICCIDs written in groups: a number
 * that only a word nearby makes a phone number must not be one group of
 * them). A word beside it across a space is a group of
 * such a run when it is letters and digits (digit_group; not a date, a
 * time, a version or a path: "0031 38 6525678 2023-12-18", "Safari/537.36
 * 0033 3 30 15 16 82"; a key's value is: "value=3569"); no neighbour is when
 * the number's own group beside it has more than 7 digits, which no such
 * run has ("Tel.: 0471813615 2259 6402 6646 9672"). Needs the bytes around
 * the value up to the next space (at most GROUP_LOOK).
 */
#define GROUP_LOOK 24

/* Is t[a, b) a group of a run of digit groups: letters and digits, maybe
 * a '+', brackets or quotes ("4111", "DE89", "(030)"), not a date, a time,
 * a version or a path ("2023-12-18", "12:30", "Safari/537.36")? */
static bool digit_group(const char *t, size_t a, size_t b)
{
	size_t digits = 0;

	for (size_t i = a; i < b; i++) {
		if (!isalnum((unsigned char)t[i]) && (unsigned char)t[i] < 0x80 && !memchr("+()[]{}\"'<>", t[i], 11))
			return false;
		digits += isdigit((unsigned char)t[i]) != 0;
	}
	return digits <= 7; /* longer: a number of its own ("1480933974") */
}

/* Is the run of digit groups ending at t[e] a payment card of its own
 * ("4292 0391 8038 9223 030 1234567")? Looks back at most GROUP_LOOK bytes. */
static bool card_run_before(const char *t, size_t e)
{
	size_t i = e;

	while (i > 0 && e - i < GROUP_LOOK && (isdigit((unsigned char)t[i - 1]) ||
					       (t[i - 1] == ' ' && i > 1 && isdigit((unsigned char)t[i - 2]))))
		i--;
	if (e - i >= GROUP_LOOK || (i > 0 && isalnum((unsigned char)t[i - 1])))
		return false;
	return tg_valid_card(t + i, e - i);
}

/* Is the run of digit groups at t[i] (single spaces between them, at most
 * GROUP_LOOK bytes) a payment card of its own, which a number before it
 * cannot go on into ("0034 782 08 04 74 4292 0391 8038 9223")? TG_MORE: the
 * run may go on in text that has not come. */
static enum tg_validity card_run_at(const char *t, size_t len, size_t i, bool final)
{
	size_t e = i;

	while (e < len && e - i < GROUP_LOOK && (isdigit((unsigned char)t[e]) ||
						 (t[e] == ' ' && e + 1 < len && isdigit((unsigned char)t[e + 1]))))
		e++;
	if ((e == len || (e + 1 == len && t[e] == ' ')) && !final)
		return TG_MORE;
	if (e - i >= GROUP_LOOK || (e < len && isalnum((unsigned char)t[e])))
		return TG_NO;
	return tg_valid_card(t + i, e - i) ? TG_YES : TG_NO;
}

/* Digits in the number's first group (first) or its last. */
static size_t edge_group(const char *t, size_t st, size_t en, bool first)
{
	size_t n = 0;

	if (first) {
		if (st < en && t[st] == '(')
			st++;
		while (st + n < en && isdigit((unsigned char)t[st + n]))
			n++;
	} else {
		while (n < en - st && isdigit((unsigned char)t[en - n - 1]))
			n++;
	}
	return n;
}

static enum tg_validity phone_alone(const char *t, size_t len, size_t st, size_t en, bool final, bool spaced)
{
	/* an amount's currency, or Japan's postal mark: "〒249-9129" is a postal code */
	static const char *const signs[] = {"$", "\xc2\xa3", "\xc2\xa5", "\xe2\x82\xac", "\xe2\x82\xb9",
					    "\xe3\x80\x92", NULL};
	size_t at = st > 0 && t[st - 1] == ' ' ? st - 1 : st, b = en + 1, e;

	for (size_t i = 0; signs[i]; i++) {
		size_t k = strlen(signs[i]);

		if (at >= k && memcmp(t + at - k, signs[i], k) == 0)
			return TG_NO;
	}
	if (st > 0 && (t[st - 1] == '-' || t[st - 1] == '+'))
		return TG_NO;
	if (st > 1 && (t[st - 1] == '.' || t[st - 1] == '/') && isdigit((unsigned char)t[st - 2]))
		return TG_NO;
	if (spaced && st > 1 && t[st - 1] == ' ' && isdigit((unsigned char)t[st - 2]) && edge_group(t, st, en, true) < 8) {
		size_t a = st - 1, k;

		while (a > 0 && st - a <= GROUP_LOOK && !isspace((unsigned char)t[a - 1]))
			a--;
		/* a key's value is the group: "value=3569 4997 2341 8093" */
		for (k = a; k < st - 1 && (isalnum((unsigned char)t[k]) || t[k] == '_'); k++)
			;
		if (k > a && k < st - 1 && isalpha((unsigned char)t[a]) && (t[k] == '=' || t[k] == ':'))
			a = k + 1;
		if (st - a > GROUP_LOOK || (digit_group(t, a, st - 1) && !card_run_before(t, st - 1)))
			return TG_NO;
	}
	if (en < len && (!spaced || t[en] != ' ') && t[en] != '.' && t[en] != '/' && t[en] != '-')
		return TG_YES;
	if (en + 1 >= len)
		return final ? TG_YES : TG_MORE;
	if (t[en] == '-' && isalpha((unsigned char)t[en + 1])) {
		/* a group of letters and digits goes on: a MAC address, an id ("13-82-68-28-D2-28"), not a word ("-Fax") */
		for (b = en + 1; b < len && b - en <= 8 && isalnum((unsigned char)t[b]); b++)
			if (isdigit((unsigned char)t[b]))
				return TG_NO;
		return b == len && !final ? TG_MORE : TG_YES;
	}
	if (!isdigit((unsigned char)t[en + 1]))
		return TG_YES;
	if (t[en] != ' ')
		return TG_NO;
	if (edge_group(t, st, en, false) >= 8)
		return TG_YES;
	/* a space and digits: the next group of a run, or a date, a time ... */
	while (b < len && b - en <= GROUP_LOOK && !isspace((unsigned char)t[b]))
		b++;
	if (b == len && !final && b - en <= GROUP_LOOK)
		return TG_MORE;
	if (b - en > GROUP_LOOK)
		return TG_NO;
	for (e = b; e > en + 1 && memchr(".,;:!?)]}\"'>", t[e - 1], 12); e--)
		;
	if (!digit_group(t, en + 1, e))
		return TG_YES;
	return card_run_at(t, len, en + 1, final);
}

/*
 * A count, a size, a duration or an amount: a unit or a currency right
 * after the number ("12345678 bytes", "1234567 ms", "1234567 VND",
 * "1234567 €"). TG_NO if there is one, TG_YES if not, TG_MORE if the next word has
 * not come yet. Looks at most 12 bytes ahead.
 */
static enum tg_validity unit_after(const char *t, size_t len, size_t en, bool final)
{
	static const char *const units[] = {
		"bytes", "kb", "mb", "gb", "tb", "kib", "mib", "gib", "ms", "sec", "secs", "seconds", "min", "mins",
		"minutes", "hours", "calls", "times", "users", "views", "visits", "hits", "downloads", "requests",
		"rows", "records", "items", "units", "pcs", "km", "kg", "miles", "points", "minuten", "sekunden",
		"anrufe", "appels", "chiamate", "minuti", "secondi", "llamadas", "minutos", "segundos", "oproepen",
		"seconden", "usd", "eur", "gbp", "chf", "jpy", "cny", "inr", "vnd", "idr", "krw", "rub", "brl",
		"mxn", "pln", "sek", "nok", "dkk", "czk", "huf", "zar", "aud", "cad", "dollars", "euros", "euro",
		"yen", "rupees", "pounds", NULL};
	static const char *const signs[] = {"\xe2\x82\xac", "$", "\xc2\xa3", "\xc2\xa5", "\xe2\x82\xb9", "%", NULL};
	size_t i = en < len && t[en] == ' ' ? en + 1 : en, e = i;

	for (size_t k = 0; signs[k]; k++) {
		size_t m = strlen(signs[k]);

		if (i + m <= len && memcmp(t + i, signs[k], m) == 0)
			return TG_NO;
		if (i < len && i + m > len && !final && memcmp(t + i, signs[k], len - i) == 0)
			return TG_MORE; /* a sign's first bytes */
	}
	while (e < len && e - i < 12 && isalpha((unsigned char)t[e]))
		e++;
	if (e == len && !final)
		return TG_MORE;
	if (e == i || e - i >= 12 || (e < len && (isalnum((unsigned char)t[e]) || (unsigned char)t[e] >= 0x80)))
		return TG_YES;
	return tg_word_in(t + i, e - i, units) ? TG_NO : TG_YES;
}

/*
 * A national number (found next to a word naming it): 7 to 13 digits, or a
 * 00-prefixed international one. Not a 3-2-4 dashed or spaced (the SSN's
 * format) nor a dashed 2-7 without a leading 0 (the US EIN's): no numbering
 * plan writes its numbers so. Not a decimal (one dot and digits), nor a
 * version (dots only, with a group of one digit or of more than four:
 * "115.0.6145.218"; dotted numbers are written in groups of 2 to 4), nor
 * an IPv4 address's shape, valid or not (four groups of up to 3 digits, not
 * starting with a trunk 0: "28.56.270.50"; "0475.12.34.56" is Belgian). At
 * most one slash (after the area code: "030/1234567", "030 / 1234567").
 * Not two groups of up to 4 digits around a spaced dash: a range of years
 * or times ("2019 - 2024", "0900 - 1700"), where "030 - 1234567" is a number.
 * Not 10 or 13 digits in one run starting with 1: Unix time in seconds or
 * milliseconds ("1589829710202"); no national plan starts a number so. Not
 * 8 digits in one run that read as a date ("20240115"). Not an ISBN's
 * hyphenation (978 or 979 and four more groups, "978-4-697-50876-6"; or a
 * first group of one digit, "6-023-45407-0"), nor dots mixed with dashes or
 * slashes (a version: "5.10.173-17"), nor dotted with fewer than 9 digits
 * ("16.37.119"; dotted numbers are French, Belgian, Spanish: 9 or 10), nor
 * a MAC address's six pairs, nor the US layout 3-3-4 starting with 1 (no
 * area code starts so). A trunk prefix before an area code in brackets
 * ("8 (495) 123-45-67") is followed by at least 7 digits. Not after a VAT
 * number's country prefix ("DE 567 007 853").
 */
/* Is the number at t[st] written after a VAT number's country prefix, two
 * capitals and a space, as a field's value ("VAT: DE 567 007 853",
 * "<TaxId>GB 811 0105 34</TaxId>": the EU's prefixes, GB and CH), the
 * prefix opening its field or line (not a word in capitals: "CALL ME AT
 * 030 1234567")? Looks at most 8 bytes before the number. */
static bool vat_prefix_before(const char *t, size_t st)
{
	static const char *const cc[] = {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "GB",
					 "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE",
					 "SI", "SK", "XI", "CH", NULL};
	size_t i;

	if (st < 3 || t[st - 1] != ' ')
		return false;
	for (i = st - 3; i > 0 && st - i < 8 && t[i - 1] == ' '; i--)
		;
	if (i > 0 && !strchr(":>|;,\t\n(\"'", t[i - 1]))
		return false;
	for (size_t k = 0; cc[k]; k++)
		if (memcmp(t + st - 3, cc[k], 2) == 0)
			return true;
	return false;
}

/* Is the dotted s/n a Spanish number as Spain writes them, 9 digits from 6
 * to 9, "612.34.56.78" or "91.123.45.67", and no IPv4 address (an octet
 * over 255)? */
static bool spanish_dotted(const char *s, size_t n)
{
	if (n != 12 || s[0] < '6' || s[0] > '9' || s[6] != '.' || s[9] != '.')
		return false;
	if (s[3] == '.' && s[6] == '.') /* 3-2-2-2 */
		return atoi_n(s, 3) > 255;
	if (s[2] == '.' && s[6] == '.') /* 2-3-2-2 */
		return atoi_n(s + 3, 3) > 255;
	return false;
}

enum tg_validity tg_valid_phone_national(const char *t, size_t len, size_t st, size_t en, bool final)
{
	const char *s = t + st, *dash, *paren;
	size_t n = en - st, digits = 0, dots = 0, slashes = 0, dashes = 0, other = 0;
	char d[24];
	enum tg_validity v;

	for (size_t i = 0; i < n; i++) {
		if (isdigit((unsigned char)s[i]))
			digits++;
		else if (s[i] == '.')
			dots++;
		else if (s[i] == '/')
			slashes++;
		else
			other++;
		dashes += s[i] == '-';
	}
	if (slashes > 1 || (dots == 1 && slashes == 0 && other == 0))
		return TG_NO;
	if (dots > 1 && slashes == 0 && other == 0) {
		size_t longest = 0;

		if (digits < 9)
			return TG_NO;
		for (size_t i = 0, group = 0; i <= n; i++) {
			if (i < n && s[i] != '.') {
				group++;
				continue;
			}
			if (group == 1 || group > 4)
				return TG_NO;
			longest = group > longest ? group : longest;
			group = 0;
		}
		if (dots == 3 && longest <= 3 && s[0] != '0' && !spanish_dotted(s, n))
			return TG_NO; /* an IPv4 address's shape, an octet out of range or not ("28.56.270.50") */
	}
	if (n == 11 && (s[3] == '-' || s[3] == ' ') && s[6] == s[3] && digits == 9)
		return TG_NO;
	if ((n == 10 || n == 13) && digits == n && s[0] == '1')
		return TG_NO;
	if (dots && (memchr(s, '-', n) || slashes))
		return TG_NO;
	if (dashes + digits == n && ((dashes >= 2 && s[1] == '-') ||
				     (dashes == 4 && (memcmp(s, "978-", 4) == 0 || memcmp(s, "979-", 4) == 0))))
		return TG_NO;
	if (n == 8 && digits == 8 && tg_date_ok(atoi_n(s, 4), atoi_n(s + 4, 2), atoi_n(s + 6, 2)))
		return TG_NO;
	if (n == 17 && digits == 12 && pairs_of_two(s, n))
		return TG_NO;
	if (n == 12 && digits == 10 && s[0] == '1' && (s[3] == '-' || s[3] == '.') && s[7] == s[3])
		return TG_NO; /* the NANP layout with an area code no plan has: "118-911-5976" */
	dash = memmem(s, n, " - ", 3);
	if (dash && digits + 3 == n && dash - s <= 4 && n - (size_t)(dash - s) - 3 <= 4)
		return TG_NO;
	if (n == 10 && s[2] == '-' && digits == 9 && s[0] != '0')
		return TG_NO;
	if (vat_prefix_before(t, st))
		return TG_NO;
	paren = memchr(s, '(', n);
	if (paren && paren > s && tg_digits_of(paren, n - (size_t)(paren - s), d, sizeof(d)) < 7)
		return TG_NO; /* a trunk prefix, then at least 7 digits: "8 (495) 123-45-67" */
	if (n >= 2 && s[0] == '0' && s[1] == '0') {
		if (!valid_phone_00(s, n))
			return TG_NO;
	} else if (digits > 13 || !valid_phone(s, n)) {
		return TG_NO;
	}
	v = unit_after(t, len, en, final);
	return v == TG_YES ? phone_alone(t, len, st, en, final, true) : v;
}

enum tg_validity tg_valid_phone_intl(const char *t, size_t len, size_t st, size_t en, bool final)
{
	if (!valid_phone_00(t + st, en - st))
		return TG_NO;
	return phone_alone(t, len, st, en, final, true);
}

bool tg_valid_phone(const char *s, size_t len)
{
	return valid_phone(s, len) && (s[0] != '+' || nsn_fits(s, len));
}

/*
 * An E.164 number in a text: a '+' glued to the letter or digit before it
 * joins a version's build metadata ("1.21.7+20255662.8799acc", SemVer),
 * not a phone number.
 */
enum tg_validity tg_valid_phone_in_text(const char *t, size_t st, size_t en)
{
	if (st > 0 && t[st] == '+' && isalnum((unsigned char)t[st - 1]))
		return TG_NO;
	return tg_valid_phone(t + st, en - st) ? TG_YES : TG_NO;
}

/* A NANP number, not a count, a size or an amount ("610-263-1113 kg"). */
enum tg_validity tg_valid_phone_alone(const char *t, size_t len, size_t st, size_t en, bool final)
{
	enum tg_validity v;

	if (!valid_phone(t + st, en - st))
		return TG_NO;
	v = unit_after(t, len, en, final);
	return v == TG_YES ? phone_alone(t, len, st, en, final, false) : v;
}
