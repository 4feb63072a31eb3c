/*
 * detect_checks.c - the validators that judge a value by its own
 * characters: check digits, issuer ranges and layouts of cards, IBANs,
 * SSNs and national ids, e-mail addresses, dates and secrets. See
 * detect_checks.h.
 */
#include "detect_checks.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common.h"

bool tg_word_in(const char *w, size_t n, const char *const *words)
{
	for (size_t k = 0; words[k]; k++)
		if (strlen(words[k]) == n && strncasecmp(w, words[k], n) == 0)
			return true;
	return false;
}

size_t tg_digits_of(const char *s, size_t len, char *out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		if (isdigit((unsigned char)s[i])) {
			if (n + 1 >= max)
				return 0;
			out[n++] = s[i];
		}
	out[n] = 0;
	return n;
}

size_t tg_token_start(const char *t, size_t i, size_t lo, const char *punct)
{
	while (i > lo && (isalnum((unsigned char)t[i - 1]) || (t[i - 1] && strchr(punct, t[i - 1]))))
		i--;
	return i;
}

size_t tg_nbsp_at(const char *s, size_t len, size_t i)
{
	if (i + 2 <= len && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
		return 2;
	if (i + 3 <= len && memcmp(s + i, "\xe2\x80", 2) == 0 &&
	    ((unsigned char)s[i + 2] == 0xAF || (unsigned char)s[i + 2] == 0x89))
		return 3;
	return 0;
}

bool tg_valid_luhn(const char *s, size_t len)
{
	int sum = 0, dbl = 0;
	size_t nd = 0;

	for (size_t i = len; i-- > 0;) {
		int v;

		if (!isdigit((unsigned char)s[i]))
			continue;
		v = s[i] - '0';
		if (dbl) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
		dbl = !dbl;
		nd++;
	}
	return nd > 1 && sum % 10 == 0;
}

static bool prefix_in(const char *d, long lo, long hi, int width)
{
	char buf[8];
	long v;

	memcpy(buf, d, (size_t)width);
	buf[width] = 0;
	v = strtol(buf, NULL, 10);
	return v >= lo && v <= hi;
}

/* Issuer ranges (IIN) and the lengths they issue. */
static bool card_iin_ok(const char *d, size_t n)
{
	if (d[0] == '4')
		return n == 13 || n == 16 || n == 19;                 /* Visa */
	if (prefix_in(d, 51, 55, 2) || prefix_in(d, 2221, 2720, 4))
		return n == 16;                                        /* Mastercard */
	if (prefix_in(d, 34, 34, 2) || prefix_in(d, 37, 37, 2))
		return n == 15;                                        /* American Express */
	if (prefix_in(d, 300, 305, 3) || prefix_in(d, 3095, 3095, 4) || prefix_in(d, 36, 36, 2) ||
	    prefix_in(d, 38, 39, 2))
		return n >= 14 && n <= 19;                             /* Diners Club */
	if (prefix_in(d, 35, 35, 2))
		return n >= 16 && n <= 19;                             /* JCB */
	if (prefix_in(d, 1800, 1800, 4) || prefix_in(d, 2131, 2131, 4))
		return n == 15;                                        /* JCB (old ranges) */
	if (prefix_in(d, 2200, 2204, 4))
		return n == 16;                                        /* Mir */
	if (d[0] == '6' || prefix_in(d, 50, 50, 2) || prefix_in(d, 56, 58, 2) || prefix_in(d, 604, 604, 4))
		return n >= 12 && n <= 19;                             /* Discover, UnionPay, Maestro, RuPay */
	if (prefix_in(d, 81, 82, 2))
		return n == 16;                                        /* RuPay */
	return false;
}

/* Digits with either no separators or one kind of separator between groups
 * of 2..7 (a no-break space is a space: "4111\u00a01111\u00a0..."), the
 * first of 4: every issuer prints its cards so (4-4-4-4, Amex's 4-6-5,
 * Diners' 4-6-4, 4-4-4-4-3), and other numbers are grouped otherwise (an
 * order number's 3-7-7, "680-8377125-1158278"). Dots,
 * which also join versions, object ids, addresses and amounts, only in a
 * card's own layout: a first group of 4, then groups of 4 or 6, the last of
 * 3 to 5 ("4111.1111.1111.1111", "3782.822463.10005"). */
static bool card_grouping_ok(const char *s, size_t len)
{
	char sep = 0;
	size_t group = 0, ngroups = 0;
	bool layout = true; /* the groups so far fit a dotted card's layout */

	for (size_t i = 0; i < len; i++) {
		size_t nb = tg_nbsp_at(s, len, i);
		char c = nb ? ' ' : s[i];

		if (isdigit((unsigned char)c)) {
			group++;
			continue;
		}
		i += nb ? nb - 1 : 0;
		if (sep && c != sep)
			return false;
		sep = c;
		if (group < 2 || group > 7 || (ngroups == 0 && group != 4))
			return false;
		if (group != 4 && group != 6)
			layout = false;
		ngroups++;
		group = 0;
	}
	if (sep == '.' && (!layout || ngroups < 2 || group < 3 || group > 5))
		return false;
	return !sep || (group >= 1 && group <= 7);
}

bool tg_valid_card(const char *s, size_t len)
{
	char d[32];
	size_t n = tg_digits_of(s, len, d, sizeof(d));

	if (n < 12 || n > 19 || !card_grouping_ok(s, len) || !card_iin_ok(d, n))
		return false;
	for (size_t i = 1; i < n; i++)
		if (d[i] != d[0])
			return tg_valid_luhn(d, n);
	return false; /* all one digit */
}

#define CARD_GROUP_MAX 7       /* digits in a group of a card written in groups */
#define CARD_NEIGHBOUR_SCAN 32  /* digits of a neighbouring group looked at */

/*
 * Does the card's run of digit groups go on past its edge at t[at] (its end
 * when after, else its start), so that it is a group of a longer run, not a
 * card? The one place that decides: across a space or a dash, TG_YES when
 * the card could go on into the digit group on the other side (or across a
 * dot, for a card written with dots): joined by
 * the card's own separator sep (any, for a card written without one), no
 * longer than a card's group when the card is grouped, and not a piece of a
 * token of another kind: an expiry, a date, a time or a decimal has '/',
 * '.', ':', ',' or the other separator, then a digit, on the group's far
 * side ("12/27", "2025-07-02"); before the card, letters and digits longer
 * than a group are a word or an id of their own ("...-cbdd5de627e2 3732
 * 001977 01498"). Across a no-break or thin space, any more digits are such
 * a run. TG_MORE when the text so far ends before that is known.
 */
static enum tg_validity card_run_goes_on(const char *t, size_t len, size_t at, bool after, char sep, bool final)
{
	size_t n = 0, i, joint, nb;
	char j, far;
	bool beyond_digit;

	if (after) {
		if (at >= len)
			return final ? TG_NO : TG_MORE;
		nb = tg_nbsp_at(t, len, at);
		if (nb) {
			if (at + nb >= len)
				return final ? TG_NO : TG_MORE;
			return isdigit((unsigned char)t[at + nb]) ? TG_YES : TG_NO;
		}
		if (t[at] != ' ' && t[at] != '-' && !(sep == '.' && t[at] == '.'))
			return (unsigned char)t[at] >= 0xC2 && at + 3 > len && !final ? TG_MORE : TG_NO; /* maybe a no-break space's first bytes */
		if (at + 1 >= len)
			return final ? TG_NO : TG_MORE;
		if (!isdigit((unsigned char)t[at + 1]))
			return TG_NO;
		joint = at;
	} else {
		for (size_t k = 2; k <= 3; k++)
			if (at >= k + 1 && tg_nbsp_at(t, len, at - k) == k && isdigit((unsigned char)t[at - k - 1]))
				return TG_YES;
		if (at < 2 || (t[at - 1] != ' ' && t[at - 1] != '-' && !(sep == '.' && t[at - 1] == '.')) ||
		    !isdigit((unsigned char)t[at - 2]))
			return TG_NO;
		joint = at - 1;
	}
	j = t[joint];
	if (sep && j != sep)
		return TG_NO;
	if (after) {
		for (i = joint + 1; i < len && isdigit((unsigned char)t[i]) && n <= CARD_NEIGHBOUR_SCAN; i++)
			n++;
	} else {
		for (i = joint; i > 0 && isdigit((unsigned char)t[i - 1]) && n <= CARD_NEIGHBOUR_SCAN; i--)
			n++;
	}
	if (sep && n > CARD_GROUP_MAX)
		return TG_NO;
	if (n > CARD_NEIGHBOUR_SCAN)
		return TG_YES;
	if (after) {
		if (i + 1 >= len)
			return final ? TG_YES : TG_MORE;
		far = t[i];
		beyond_digit = isdigit((unsigned char)t[i + 1]);
	} else {
		size_t a = i;

		/* letters and digits longer than a group: a token of another
		 * kind ("trace_id=...-cbdd5de627e2 3732 001977 01498") */
		while (a > 0 && isalnum((unsigned char)t[a - 1]) && joint - a <= CARD_GROUP_MAX)
			a--;
		if (a < i && joint - a > CARD_GROUP_MAX)
			return TG_NO;
		if (i < 2)
			return TG_YES;
		far = t[i - 1];
		beyond_digit = isdigit((unsigned char)t[i - 2]);
	}
	/* before the card, a ',' then four digits or more is no decimal's
	 * fraction or thousands: it ends a field of a CSV row
	 * ("...207J 8,6011-5035-8382-0223": the group starts the run) */
	if (!after && far == ',' && n > 3)
		return TG_YES;
	if (beyond_digit && (strchr("/.:,", far) || ((far == ' ' || far == '-') && far != j)))
		return TG_NO;
	return TG_YES;
}

/*
 * Is the value at st a field of an Amazon Resource Name or a URN, which
 * join their parts with ':' ("arn:aws:iam::502352958818:role/ci": an
 * account id, "urn:isbn:..."): t[st - 1] is ':' and the token holding it
 * starts with "arn:" or "urn:"? Looks back at most 48 bytes.
 */
static bool urn_field(const char *t, size_t st)
{
	size_t i;

	if (st == 0 || t[st - 1] != ':')
		return false;
	i = tg_token_start(t, st, st > 48 ? st - 48 : 0, ":-_./");
	return st - i >= 5 && (strncasecmp(t + i, "arn:", 4) == 0 || strncasecmp(t + i, "urn:", 4) == 0);
}

/* Does the value at st go on an IBAN's run of groups: before it, up to
 * three groups of four letters and digits (one with a letter), each
 * followed by a space, after two letters and two digits that begin a word
 * ("IBAN LV51 DTFT 4996 9902 5898 5": an IBAN that fails mod-97)? */
static bool iban_run_before(const char *t, size_t st)
{
	size_t i = st;
	bool letter = false;

	for (int g = 0; g < 4; g++) {
		size_t e;

		if (i < 5 || t[i - 1] != ' ')
			return false;
		e = i - 1;
		for (i = e; i > 0 && e - i < 5 && isalnum((unsigned char)t[i - 1]); i--)
			if (isalpha((unsigned char)t[i - 1]))
				letter = true;
		if (e - i != 4 || (i > 0 && isalnum((unsigned char)t[i - 1])))
			return false;
		if (isalpha((unsigned char)t[i]) && isalpha((unsigned char)t[i + 1]) &&
		    isdigit((unsigned char)t[i + 2]) && isdigit((unsigned char)t[i + 3]))
			return letter || g > 0;
	}
	return false;
}

/*
 * A card number is a token of its own, not a piece of a longer run of digit
 * groups ("1234 5678 9012 3456 7890" holds none), nor of an IBAN's groups
 * (iban_run_before). A number next to it that
 * the card cannot go on into does not matter: "4111 1111 1111 1111 12/27",
 * "4111-1111-1111-1111 2025-07-02", "Tel.: 0471813615 4111 1111 1111 1111"
 * (see card_run_goes_on); next to a no-break space, any more digits are
 * such a run. Not after a '+': "+4917253468681" is a phone number (E.164)
 * that passes Luhn. Not a field of an ARN or a URN (urn_field). TG_WEAK
 * (a card word must name it) for 15 digits outside American Express and
 * JCB's old ranges: IMSIs and many IMEIs are 15 Luhn-valid digits too.
 * Looks at most 48 bytes before the card and 35 after it.
 */
enum tg_validity tg_valid_card_in_text(const char *t, size_t len, size_t st, size_t en, bool final)
{
	char sep = 0, d[32];
	enum tg_validity v;

	if ((st > 0 && t[st - 1] == '+') || urn_field(t, st) || !tg_valid_card(t + st, en - st) ||
	    iban_run_before(t, st))
		return TG_NO;
	for (size_t i = st; i < en && !sep; i++)
		if (!isdigit((unsigned char)t[i]))
			sep = t[i];
	if (card_run_goes_on(t, len, st, false, sep, final) == TG_YES)
		return TG_NO;
	v = card_run_goes_on(t, len, en, true, sep, final);
	if (v != TG_NO)
		return v == TG_YES ? TG_NO : TG_MORE;
	/* 15 digits outside American Express and JCB's old ranges: as often an
	 * IMSI or an IMEI (Luhn too) as a card, which a card word must name */
	if (tg_digits_of(t + st, en - st, d, sizeof(d)) == 15 && !(d[0] == '3' && (d[1] == '4' || d[1] == '7')) &&
	    memcmp(d, "1800", 4) != 0 && memcmp(d, "2131", 4) != 0)
		return TG_WEAK;
	return TG_YES;
}

static int iban_length(const char *cc)
{
	static const struct { char cc[3]; int len; } t[] = {
		{"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16},
		{"BG", 22}, {"BH", 22}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28},
		{"CZ", 24}, {"DE", 22}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24},
		{"FI", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18},
		{"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23},
		{"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32},
		{"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"MC", 27}, {"MD", 24}, {"ME", 22},
		{"MK", 19}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NL", 18}, {"NO", 15}, {"PK", 24},
		{"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"SA", 24},
		{"SC", 31}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"ST", 25}, {"SV", 28},
		{"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
	};

	for (size_t i = 0; i < TG_ARRAY_LEN(t); i++)
		if (cc[0] == t[i].cc[0] && cc[1] == t[i].cc[1])
			return t[i].len;
	return 0;
}

/* Is cc a country whose IBAN has only digits after its check digits? */
static bool iban_digits_only(const char *cc)
{
	static const char list[] = "AE AT BA BE CZ DE DK EE EG ES FI FO GL HR HU IL LT ME NO PL PT RS SE SI SK TN XK ";

	for (const char *p = list; *p; p += 3)
		if (p[0] == cc[0] && p[1] == cc[1])
			return true;
	return false;
}

bool tg_valid_iban(const char *s, size_t len)
{
	char c[40];
	size_t n = 0;
	unsigned rem = 0;

	for (size_t i = 0; i < len; i++) {
		size_t nb = tg_nbsp_at(s, len, i);

		if (s[i] == ' ' || nb) {
			i += nb ? nb - 1 : 0;
			continue;
		}
		if (!isalnum((unsigned char)s[i]) || n >= sizeof(c) - 1)
			return false;
		c[n++] = (char)toupper((unsigned char)s[i]);
	}
	c[n] = 0;
	if (n < 15 || !isalpha((unsigned char)c[0]) || !isalpha((unsigned char)c[1]) ||
	    !isdigit((unsigned char)c[2]) || !isdigit((unsigned char)c[3]) || iban_length(c) != (int)n)
		return false;
	/* countries whose account number (after the check digits) is digits
	 * only: a letter there is a hash or an id ("SHA256:ee62c02867a2ddda22d7") */
	if (iban_digits_only(c))
		for (size_t k = 4; k < n; k++)
			if (!isdigit((unsigned char)c[k]))
				return false;
	/* mod 97 of the rearranged number, letters as 10..35 */
	for (size_t k = 0; k < n; k++) {
		char ch = c[(k + 4) % n];

		if (isdigit((unsigned char)ch))
			rem = (rem * 10 + (unsigned)(ch - '0')) % 97;
		else
			rem = (rem * 100 + (unsigned)(ch - 'A' + 10)) % 97;
	}
	return rem == 1;
}

bool tg_valid_ssn(const char *s, size_t len)
{
	char d[16];
	char sep = 0;
	int area, group, serial, nsep = 0;
	size_t nd = 0;

	/* one separator kind (a no-break or thin space is one), in the 3-2-4
	 * places, or none */
	for (size_t i = 0; i < len; i++) {
		size_t nb = tg_nbsp_at(s, len, i);
		char k = nb ? s[i + nb - 1] : s[i];

		if (isdigit((unsigned char)s[i])) {
			nd++;
			continue;
		}
		if ((sep && k != sep) || !((nd == 3 && nsep == 0) || (nd == 5 && nsep == 1)))
			return false;
		sep = k;
		nsep++;
		i += nb ? nb - 1 : 0;
	}
	if (tg_digits_of(s, len, d, sizeof(d)) != 9 || nd != 9 || (sep && nsep != 2))
		return false;
	area = (d[0] - '0') * 100 + (d[1] - '0') * 10 + (d[2] - '0');
	group = (d[3] - '0') * 10 + (d[4] - '0');
	serial = atoi(d + 5);
	if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0)
		return false;
	for (int i = 1; i < 9; i++)
		if (d[i] != d[0])
			return true;
	return false; /* 111-11-1111 and the like */
}

double tg_entropy(const char *s, size_t len)
{
	unsigned count[256] = {0};
	double h = 0;

	if (len == 0)
		return 0;
	for (size_t i = 0; i < len; i++)
		count[(unsigned char)s[i]]++;
	for (int i = 0; i < 256; i++) {
		if (count[i]) {
			double p = (double)count[i] / (double)len;

			h -= p * log2(p);
		}
	}
	return h;
}

/*
 * Where the local part of the address s/len ends: at its '@'; in a URL or
 * a form post that percent-encodes it, at its "%40" (the last: the local
 * part may hold escapes of its own, "jane%2Bnews%40example.com"); written
 * out against address harvesters, at its "[at]", "(at)", "{at}" or "<at>"
 * (a space inside or before it: "jane [at] example [dot] com"). len if
 * there is none of those.
 */
static size_t email_at(const char *s, size_t len)
{
	const char *at = memchr(s, '@', len);

	if (at)
		return (size_t)(at - s);
	for (size_t i = len; i >= 3; i--)
		if (memcmp(s + i - 3, "%40", 3) == 0)
			return i - 3;
	for (size_t i = 0; i + 4 <= len; i++) {
		size_t j = i + 1;

		if (!memchr("[({<", s[i], 4))
			continue;
		j += j < len && s[j] == ' ';
		if (j + 2 <= len && strncasecmp(s + j, "at", 2) == 0 && (j += 2) < len) {
			j += s[j] == ' ';
			if (j < len && memchr("])}>", s[j], 4))
				return i > 0 && s[i - 1] == ' ' ? i - 1 : i;
		}
	}
	return len;
}

/*
 * The letter of a domain label's UTF-8 sequence at s[i] (an IDN, RFC 6531:
 * "dvořák-studio.cz", "çiçekçi.com.tr"): its length, or 0 if it is none.
 * Letters of the alphabets domains are registered in: Latin with accents
 * (U+00C0 to U+024F, not × and ÷), Greek, Cyrillic, Armenian, Hebrew,
 * Arabic, the Indic scripts, Thai, kana, CJK ideographs and Hangul; not
 * punctuation ("ex’ample"), symbols or spaces.
 */
static size_t idn_letter_at(const char *s, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *)s + i;
	size_t n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC2 ? 2 : 0;
	unsigned cp;

	if (n == 0 || n == 4 || i + n > len)
		return 0;
	for (size_t k = 1; k < n; k++)
		if ((u[k] & 0xC0) != 0x80)
			return 0;
	cp = n == 2 ? (u[0] & 0x1Fu) << 6 | (u[1] & 0x3F) : (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3F);
	if (cp < 0x800 && n == 3)
		return 0; /* overlong */
	if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp <= 0x6FF) ||
	    (cp >= 0x900 && cp <= 0xE7F) || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xAC00 && cp <= 0xD7AF))
		return n;
	return 0;
}

/* Does the domain s/len hold letters outside ASCII (an internationalised
 * name, "пример.рф")? */
static bool idn_domain(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80 && idn_letter_at(s, len, i))
			return true;
	return false;
}

bool tg_valid_email(const char *s, size_t len)
{
	size_t local = email_at(s, len);

	if (local == 0 || local == len || s[0] == '.' || s[local - 1] == '.')
		return false;
	for (size_t i = 1; i < len; i++)
		if (s[i] == '.' && s[i - 1] == '.')
			return false;
	/* an apostrophe (or ’) only inside a name, between letters or digits:
	 * "o'neill", "d’arcy"; not a quote around the address. The other
	 * characters RFC 5322 allows that join words (# = &) likewise:
	 * "room#12", "bounce=jane=example.com", "p&l"; a '~' also first
	 * ("~grace"); so too, between letters or digits, the rest of its
	 * atext (^ ` ! ? * $: "hello^world", "no.reply`bot", "a!b",
	 * "why?not", "star*dust", "pay$roll"; a stream holds a word that ends
	 * a delta back until the next one, since it may still go on into an
	 * address, and "Hey!" or "**bold**" with it); and one pair of braces
	 * after letters or digits ("dev{ops}", as the pattern has it), not an
	 * unpaired one nor a template's ("{user}@", "${USER}@" start no
	 * address). Not the ones that part paths and table cells (/ |: "GET
	 * /users/jane@example.com" holds "jane@example.com"). Bytes outside
	 * ASCII only as Latin
	 * letters with accents (U+00C0 to U+024F: "jürgen", RFC 6531), or, in
	 * an address whose domain is written in another script too, letters
	 * of the scripts idn_letter_at knows ("ольга@пример.рф"); not as a
	 * text before the address with no space ("请发到jane@example.com") */
	bool brace = false;

	for (size_t i = 0; i < local; i++) {
		unsigned char c = (unsigned char)s[i];
		size_t q = c == '\'' ? 1 : i + 3 <= local && memcmp(s + i, "\xe2\x80\x99", 3) == 0 ? 3 : 0;

		if (c == '{' || c == '}') {
			/* "dev{ops}": letters or digits before each, and inside */
			if (brace != (c == '}') || i == 0 || !isalnum((unsigned char)s[i - 1]) ||
			    (c == '{' && (i + 1 >= local || !isalnum((unsigned char)s[i + 1]))))
				return false;
			brace = c == '{';
		} else if (c && strchr("#=&~^`!?*$", c)) {
			if (i + 1 >= local || !isalnum((unsigned char)s[i + 1]) ||
			    (i == 0 ? c != '~'
				    : !isalnum((unsigned char)s[i - 1]) && ((unsigned char)s[i - 1] & 0xC0) != 0x80))
				return false;
		} else if (q) {
			if (i == 0 || i + q >= local || !isalnum((unsigned char)s[i + q]) ||
			    !(isalnum((unsigned char)s[i - 1]) || ((unsigned char)s[i - 1] & 0xC0) == 0x80))
				return false;
			i += q - 1;
		} else if (c >= 0x80) {
			size_t n = idn_letter_at(s, local, i);

			if (n == 0 || (!(c >= 0xC3 && c <= 0xC9 && n == 2) && !idn_domain(s + local, len - local)))
				return false;
			i += n - 1;
		}
	}
	if (brace)
		return false;
	/* a domain's bytes outside ASCII: letters of an internationalised name */
	for (size_t i = local, n; i < len; i++)
		if ((unsigned char)s[i] >= 0x80) {
			if (!(n = idn_letter_at(s, len, i)))
				return false;
			i += n - 1;
		}
	return true;
}

/* Is the top-level domain of s/len a file's extension that is no top-level
 * domain ("logo@2x.png": an image for high-density screens)? */
static bool file_extension_tld(const char *s, size_t len)
{
	static const char *const ext[] = {
		"png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "bmp", "tif", "tiff", "avif", "heic", "css",
		"scss", "js", "mjs", "cjs", "jsx", "tsx", "json", "html", "htm", "xml", "txt", "csv", "pdf", "yml",
		"yaml", "toml", "ini", "log", "ttf", "otf", "eot", "wav", "ogg", "webm", "mkv", "avi", "doc", "docx",
		"xls", "xlsx", "ppt", "pptx", "exe", "dll", NULL};
	size_t n = 0;

	while (n < len && s[len - n - 1] != '.')
		n++;
	for (size_t i = 0; ext[i]; i++)
		if (strlen(ext[i]) == n && strncasecmp(s + len - n, ext[i], n) == 0)
			return true;
	return false;
}

/*
 * Is the value at st right after the name of a field that holds message or
 * event ids, not addresses ("UID:040000008200E0@google.com" in iCalendar,
 * "Message-ID: <CAF=x1@mail.gmail.com>", In-Reply-To, References,
 * Content-ID, "message_id": "<...>"; the URL schemes for the last two,
 * "cid:" and "mid:", RFC 2392)? Between the name and the value:
 * ':' or '=', blanks, quotes, a '<'. Looks back at most 40 bytes (from the
 * start of the token the local part is in: at most 64 more).
 */
static bool after_id_field(const char *t, size_t st)
{
	static const char *const names[] = {
		"uid", "msg-id", "msgid", "in-reply-to", "references", "content-id", "thread-id", "cid", "mid", NULL};
	static const char *const suffixes[] = {"message-id", "message_id", "messageid", NULL};
	size_t lo = st > 40 ? st - 40 : 0, i = st, e;

	while (i > lo && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '<' || t[i - 1] == '"' ||
			  t[i - 1] == '\''))
		i--;
	if (i == lo || (t[i - 1] != ':' && t[i - 1] != '='))
		return false;
	i--;
	while (i > lo && (t[i - 1] == ' ' || t[i - 1] == '"' || t[i - 1] == '\''))
		i--;
	e = i;
	while (i > lo && (isalnum((unsigned char)t[i - 1]) || t[i - 1] == '-' || t[i - 1] == '_'))
		i--;
	if (i == lo && lo > 0)
		return false;
	if (tg_word_in(t + i, e - i, names))
		return true;
	/* ... or a name that ends in one ("X-Original-Message-ID", "gmail_message_id") */
	for (size_t k = 0; suffixes[k]; k++) {
		size_t m = strlen(suffixes[k]);

		if (e - i >= m && strncasecmp(t + e - m, suffixes[k], m) == 0 &&
		    (e - i == m || t[e - m - 1] == '-' || t[e - m - 1] == '_'))
			return true;
	}
	return false;
}

/* Is w (n bytes, any case) a word that names a field holding an address or
 * a user, as the key before a '=' does ("email=jane@example.com",
 * "user=...", "reply-to=...")? */
static bool address_key_word(const char *w, size_t n)
{
	static const char *const words[] = {
		"email", "mail", "e", "u", "user", "username", "login", "to", "from", "cc", "bcc", "addr", "address",
		"recipient", "rcpt", "sender", "account", "contact", "owner", "author", "committer", "actor",
		"principal", "subject", "customer", "member", "admin", "name", "id", "upn", "identity", "value",
		"q", "query", "search", "filter", "reply", "notify", "mailto", NULL};

	return tg_word_in(w, n, words);
}

/*
 * Is the part of a local part before its first '=' the key of a key=value
 * pair rather than a piece of the address ("email=jane@example.com" in a
 * log line or a form post, "?u=jane@..." in a URL, "--author=jane@...")?
 * It is when one of its words (split at '_', '-', '.' and lower-to-upper
 * case changes: "adminEmail", "reply-to") names an address field, or when
 * the local part starts right after '?', '&' or ';' (a query's parameter)
 * or "--" (an option), or has a '&' or a '?' before the '=' ("a=1&to=...",
 * "unsubscribe?u=...": the query goes on past them).
 */
static bool local_part_is_key(const char *t, size_t st, size_t local)
{
	const char *s = t + st;
	const char *eq = memchr(s, '=', local);
	size_t n, w = 0;

	if (!eq)
		return false;
	n = (size_t)(eq - s);
	if (memchr(s, '&', n) || memchr(s, '?', n) || (st > 0 && (t[st - 1] == '?' || t[st - 1] == '&' || t[st - 1] == ';')) ||
	    (st > 1 && t[st - 1] == '-' && t[st - 2] == '-'))
		return true;
	for (size_t i = 1; i <= n; i++) {
		if (i == n || s[i] == '_' || s[i] == '-' || s[i] == '.' ||
		    (isupper((unsigned char)s[i]) && islower((unsigned char)s[i - 1]))) {
			if (address_key_word(s + w, i - w))
				return true;
			w = i + (i < n && !isupper((unsigned char)s[i]));
		}
	}
	return false;
}

enum tg_validity tg_valid_email_in_text(const char *t, size_t len, size_t st, size_t en, bool final)
{
	size_t i;

	if (!tg_valid_email(t + st, en - st) || file_extension_tld(t + st, en - st))
		return TG_NO;
	/* the field before the whole token, not before a later start of it ("<CAF=x9@...>") */
	if (after_id_field(t, tg_token_start(t, st, st > 64 ? st - 64 : 0, "._%+'#={}!&~^`-")) ||
	    local_part_is_key(t, st, email_at(t + st, en - st)))
		return TG_NO;
	/* the user (and password) of a URL: "https://deploy@example.com",
	 * "postgres://app:secret@db.example.com" */
	i = tg_token_start(t, st, st > 32 ? st - 32 : 0, "-._~%!$&'()*+=:");
	if (i >= 3 && memcmp(t + i - 3, "://", 3) == 0)
		return TG_NO;
	/* a top-level domain in another script goes on as far as its letters
	 * do ("пример.рф") */
	if ((unsigned char)t[en - 1] >= 0x80) {
		if (en >= len)
			return final ? TG_YES : TG_MORE;
		if ((unsigned char)t[en] >= 0x80)
			return TG_NO;
	}
	/* a piece of a longer domain, which decides ("a@b.example" in "a@b.example.com:/srv",
	 * "git@git.fernhill" in "git@git.fernhill-logistik.de:org/repo") */
	if (en < len && (t[en] == '.' || t[en] == '-')) {
		if (en + 1 >= len)
			return final ? TG_YES : TG_MORE;
		if (isalnum((unsigned char)t[en + 1]))
			return TG_NO;
	}
	/* a host and a path or port: "git@github.com:org/repo.git" */
	if (en < len && t[en] == ':') {
		if (en + 1 >= len)
			return final ? TG_YES : TG_MORE;
		if (isalnum((unsigned char)t[en + 1]) || t[en + 1] == '/' || t[en + 1] == '~')
			return TG_NO;
	}
	return TG_YES;
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool tg_date_ok(int y, int m, int d)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1)
		return false;
	return d <= days[m - 1] + (m == 2 && is_leap(y));
}

static int month_name(const char *s, size_t n)
{
	static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
					    "jul", "aug", "sep", "oct", "nov", "dec"};

	if (n < 3)
		return 0;
	for (int i = 0; i < 12; i++)
		if (strncasecmp(s, names[i], 3) == 0)
			return i + 1;
	return 0;
}

enum tg_validity tg_valid_date_in_text(const char *t, size_t len, size_t st, size_t en, bool final)
{
	if (!tg_valid_date(t + st, en - st))
		return TG_NO;
	if (!isdigit((unsigned char)t[st]) || !isdigit((unsigned char)t[en - 1]))
		return TG_YES; /* a month's name begins or ends it */
	if (st >= 2 && memchr(".-/", t[st - 1], 3) && isdigit((unsigned char)t[st - 2]))
		return TG_NO;
	if (en < len && !memchr(".-/", t[en], 3))
		return TG_YES;
	if (en + 1 >= len)
		return final ? TG_YES : TG_MORE;
	return isdigit((unsigned char)t[en + 1]) ? TG_NO : TG_YES;
}

/* A plausible calendar date: Y-M-D, D/M/Y, M/D/Y (either order of day and
 * month is accepted when both are possible), "12 March 1985", "March 12, 1985". */
bool tg_valid_date(const char *s, size_t len)
{
	int nums[3] = {0}, nn = 0, month = 0, widths[3] = {0};
	size_t i = 0;

	while (i < len && nn < 3) {
		if (isdigit((unsigned char)s[i])) {
			int v = 0, w = 0;

			while (i < len && isdigit((unsigned char)s[i]) && w < 5) {
				v = v * 10 + (s[i++] - '0');
				w++;
			}
			widths[nn] = w;
			nums[nn++] = v;
		} else if (isalpha((unsigned char)s[i])) {
			size_t j = i;

			while (j < len && isalpha((unsigned char)s[j]))
				j++;
			if (!month && month_name(s + i, j - i) && !(j - i == 2))
				month = month_name(s + i, j - i);
			i = j;
		} else {
			i++;
		}
	}
	if (month) {
		/* day and year */
		int day = 0, year = 0;

		for (int k = 0; k < nn; k++) {
			if (widths[k] == 4)
				year = nums[k];
			else if (widths[k] <= 2)
				day = nums[k];
		}
		return tg_date_ok(year, month, day);
	}
	if (nn != 3)
		return false;
	if (widths[0] == 4)
		return tg_date_ok(nums[0], nums[1], nums[2]);
	if (widths[2] == 2)
		nums[2] += nums[2] > 30 ? 1900 : 2000;
	else if (widths[2] != 4)
		return false;
	return tg_date_ok(nums[2], nums[1], nums[0]) || tg_date_ok(nums[2], nums[0], nums[1]);
}

bool tg_valid_passport(const char *s, size_t len)
{
	size_t digits = 0;

	for (size_t i = 0; i < len; i++)
		digits += isdigit((unsigned char)s[i]) != 0;
	return len >= 6 && len <= 10 && digits >= 5;
}

bool tg_valid_nino(const char *s, size_t len)
{
	static const char *const bad[] = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"};
	char c[2];

	if (len < 9)
		return false;
	c[0] = (char)toupper((unsigned char)s[0]);
	c[1] = (char)toupper((unsigned char)s[1]);
	for (size_t i = 0; i < TG_ARRAY_LEN(bad); i++)
		if (c[0] == bad[i][0] && c[1] == bad[i][1])
			return false;
	return true;
}

bool tg_valid_dni(const char *s, size_t len)
{
	static const char letters[] = "TRWAGMYFPDXBNJZSQVHLCKE";
	char d[16];
	long v;
	char last = (char)toupper((unsigned char)s[len - 1]);

	if (len < 9 || tg_digits_of(s, len - 1, d, sizeof(d)) != 8)
		return false;
	v = strtol(d, NULL, 10);
	return letters[v % 23] == last;
}

bool tg_valid_codice_fiscale(const char *s, size_t len)
{
	static const int odd[] = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8,
				  12, 14, 16, 10, 22, 25, 24, 23};
	int sum = 0;

	if (len != 16)
		return false;
	for (size_t i = 0; i < 15; i++) {
		int c = toupper((unsigned char)s[i]);
		int v = isdigit(c) ? c - '0' : c - 'A';

		if (v < 0 || v > 25)
			return false;
		sum += (i % 2 == 0) ? odd[v] : v;
	}
	return toupper((unsigned char)s[15]) == 'A' + sum % 26;
}

/* A generic secret: not an obvious placeholder, has letters and digits. */
bool tg_valid_secret(const char *s, size_t len)
{
	static const char *const fake[] = {"xxxx", "****", "....", "your", "example", "changeme",
					   "placeholder", "redacted", "dummy", "<", "${", "{{", "%s"};
	bool alpha = false, digit = false;
	char low[256];
	size_t n = len < sizeof(low) - 1 ? len : sizeof(low) - 1;

	for (size_t i = 0; i < n; i++) {
		low[i] = (char)tolower((unsigned char)s[i]);
		alpha |= isalpha((unsigned char)s[i]) != 0;
		digit |= isdigit((unsigned char)s[i]) != 0;
	}
	low[n] = 0;
	if (!alpha || !digit)
		return false;
	for (size_t i = 0; i < TG_ARRAY_LEN(fake); i++)
		if (strstr(low, fake[i]))
			return false;
	return true;
}

/* An identity number: 5 to 20 letters and digits, at least 5 of them digits. */
bool tg_valid_id(const char *s, size_t len)
{
	size_t digits = 0, alnum = 0;

	for (size_t i = 0; i < len; i++) {
		digits += isdigit((unsigned char)s[i]) != 0;
		alnum += isalnum((unsigned char)s[i]) != 0;
	}
	return alnum >= 5 && alnum <= 20 && digits >= 5;
}

/* Base64-ish key material: upper and lower case letters and digits. */
bool tg_valid_base64_secret(const char *s, size_t len)
{
	bool up = false, low = false, dig = false;

	for (size_t i = 0; i < len; i++) {
		up |= isupper((unsigned char)s[i]) != 0;
		low |= islower((unsigned char)s[i]) != 0;
		dig |= isdigit((unsigned char)s[i]) != 0;
	}
	return up && low && dig && tg_valid_secret(s, len);
}
