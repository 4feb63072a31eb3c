#!/usr/bin/env python3
"""
pii_corpus.py - a labelled, held-out PII test set for tollgate's pattern
detectors (EMAIL, PHONE, SSN, CARD, IBAN, IP), generated deterministically.

Why: the Presidio corpus in bench/RESULTS-redaction.md was open while the
rules were tuned, so its figures are not held-out. This generator was written
from the formats' own specifications, without reading tollgate's rules
(policies/redaction*.json, userspace/detectors.c):

  EMAIL  RFC 5321/5322 addresses: dotted, plus-tagged, multi-label and
         long-TLD domains, punycode (RFC 3492) domains, mixed case.
  PHONE  ITU-T E.164 (+CC, compact and spaced) and national numbering plans:
         NANP (NPA/NXX rules), UK (Ofcom), DE (BNetzA), FR (ARCEP),
         IT (AGCOM), ES (CNMC), NL (ACM), each in its usual written forms,
         national and international (+CC, 00CC, "(0)").
  SSN    SSA rules: area 001-899 except 666, group 01-99, serial 0001-9999;
         dashed, spaced, unseparated.
  CARD   ISO/IEC 7812: IIN ranges and lengths of Visa, Mastercard (51-55 and
         2221-2720), Amex, Discover, JCB, Diners, UnionPay; Luhn check digit;
         plain, spaced (issuer grouping), dashed.
  IBAN   ISO 13616 / SWIFT IBAN registry: per-country length and BBAN
         structure for 30 countries, mod-97 check digits (plus the national
         check digits of BE, ES, FR and IT); compact and in groups of four.
  IP     IPv4 dotted quad (RFC 791), IPv6 full, compressed (RFC 5952) and
         with an embedded IPv4 (RFC 4291 2.5.5, RFC 6052).

Values are embedded in templates of the kind agents send (chat, tickets,
logs, JSON snippets, tables, CSV), with and without a word naming the type
("ctx"), at the start or end of a sentence and next to punctuation, and mixed
with near-miss negatives that must not be detected (Luhn failures, bad IBAN
checksums, invalid SSNs, versions, timestamps, order numbers, prices,
coordinates, hashes, UUIDs, IMEIs, ICCIDs, MAC addresses, OIDs, ...).

Two splits: "dev" (seed 1013616; look at its misses freely) and "test"
(seed 7812; scored by `make bench-redaction`, not to be tuned on). The
splits use different seeds AND disjoint halves of every template and
context-word list, so a rule fixed by looking at dev misses is still tested
on phrasings it has not seen.

Output: JSON lines, one text each:
  {"id": "test-00001", "split": "test", "seed": 7812, "text": "...",
   "labels": [{"type": "PHONE", "sub": "PHONE/DE-national",
               "variant": "mobile slash", "ctx": true, "tpl": "phone.4",
               "start": 12, "end": 27}, ...],
   "negatives": [{"kind": "version", "variant": "four-part",
                  "tpl": "neg.version.1", "start": 40, "end": 48}, ...]}
start/end are UTF-8 byte offsets into text, end exclusive; the labelled
value is exactly text[start:end] (no surrounding brackets or quotes).

Usage: bench/pii_corpus.py --split dev|test [--seed N] [--per-format N]
                           [--per-negative N] [-o FILE]
Python 3 standard library only. The output depends only on the arguments.
"""
import argparse
import json
import random
import re
import sys

SEEDS = {"dev": 1013616, "test": 7812}

# ---- check digits ---------------------------------------------------------


def luhn_digit(payload):
	"""The Luhn check digit for a string of digits (ISO/IEC 7812-1 Annex B)."""
	total = 0
	for i, ch in enumerate(reversed(payload)):
		d = int(ch)
		if i % 2 == 0:
			d *= 2
			if d > 9:
				d -= 9
		total += d
	return str((10 - total % 10) % 10)


def luhn_ok(number):
	return luhn_digit(number[:-1]) == number[-1]


def iban_numeric(s):
	return "".join(str(int(c, 36)) for c in s)


def iban_check(cc, bban):
	"""ISO 13616 check digits: 98 - (BBAN + CC + "00" as digits) mod 97."""
	return "%02d" % (98 - int(iban_numeric(bban + cc + "00")) % 97)


def iban_ok(iban):
	s = iban.replace(" ", "")
	return int(iban_numeric(s[4:] + s[:4])) % 97 == 1


def rib_key(bank, branch, account):
	"""French RIB key (letters of the account map to digits, 'A','J' -> 1 ...)."""
	letters = {c: str(i % 9 + 1) for i, c in enumerate("ABCDEFGHIJKLMNOPQR")}
	letters.update({c: str(i + 2) for i, c in enumerate("STUVWXYZ")})
	conv = "".join(letters.get(c, c) for c in account)
	return "%02d" % (97 - (89 * int(bank) + 15 * int(branch) + 3 * int(conv)) % 97)


def es_dc(bank, branch, account):
	"""The two Spanish CCC control digits."""
	w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]

	def one(digits):
		v = 11 - sum(int(d) * w[i] for i, d in enumerate(digits)) % 11
		return {11: 0, 10: 1}.get(v, v)
	return "%d%d" % (one("00" + bank + branch), one(account))


IT_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def it_cin(abi, cab, account):
	"""The Italian CIN letter over ABI, CAB and account (22 characters)."""
	s = abi + cab + account
	total = 0
	for i, c in enumerate(s):
		k = int(c) if c.isdigit() else ord(c) - ord("A")
		total += IT_ODD[k] if i % 2 == 0 else k
	return chr(ord("A") + total % 26)


def be_check(first10):
	v = int(first10) % 97
	return "%02d" % (v if v else 97)


# ---- random helpers -------------------------------------------------------


class Gen:
	def __init__(self, seed, split):
		self.r = random.Random(seed)
		self.split = split

	def digits(self, n, first="0123456789"):
		if n == 0:
			return ""
		return self.r.choice(first) + "".join(self.r.choice("0123456789") for _ in range(n - 1))

	def letters(self, n):
		return "".join(self.r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))

	def alnum(self, n):
		# BBAN 'c' positions: mostly digits, sometimes letters
		if self.r.random() < 0.75:
			return self.digits(n)
		return "".join(self.r.choice("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))

	def hexs(self, n, upper=False):
		s = "".join(self.r.choice("0123456789abcdef") for _ in range(n))
		return s.upper() if upper else s

	def choice(self, seq):
		return self.r.choice(seq)

	def chance(self, p):
		return self.r.random() < p

	def half(self, seq):
		"""This split's half of a template or word list (dev: even, test: odd)."""
		return list(seq[0::2] if self.split == "dev" else seq[1::2])

	def half_indexed(self, seq):
		"""(index in the whole list, entry) for this split's half."""
		return [(i, t) for i, t in enumerate(seq) if i % 2 == (0 if self.split == "dev" else 1)]


# ---- EMAIL ------------------------------------------------------------------

FIRST = ["john", "maria", "wei", "fatima", "liam", "sofia", "oliver", "amelie", "noah", "yuki", "lucas",
	 "ines", "mateo", "hannah", "arjun", "chloe", "emil", "zara", "felix", "nora", "diego", "lena",
	 "omar", "clara", "sven", "priya", "tomas", "elif", "marco", "anna"]
LAST = ["smith", "garcia", "chen", "khan", "oconnor", "rossi", "mueller", "dubois", "jansen", "kowalski",
	"tanaka", "silva", "novak", "larsen", "haddad", "nguyen", "fischer", "moreau", "bianchi", "vries",
	"lopez", "patel", "schmidt", "martin", "berg", "costa", "weber", "ivanova", "brown", "wilson"]
DOMWORDS = ["acme", "northwind", "contoso", "globex", "initech", "umbrella", "hooli", "vandelay",
	    "stark-industries", "wayne", "tyrell", "cyberdyne", "soylent", "wonka", "oscorp", "aperture",
	    "blue-harbor", "kettle", "fjord-data", "brightpath", "orbitlabs", "papernest", "medicare-plus"]
TLDS = ["com", "net", "org", "io", "de", "fr", "nl", "es", "it", "eu", "ai", "dev", "app", "ch", "se"]
LONG_TLDS = ["technology", "consulting", "photography", "solutions", "international", "museum", "travel",
	     "agency", "engineering", "healthcare"]
MULTI = ["co.uk", "com.au", "ac.uk", "co.jp", "com.br", "org.uk", "gv.at", "co.nz"]
SUBS = ["mail", "eu", "corp", "students", "staff", "mx", "us", "dept.finance", "lists"]
FREEMAIL = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "gmx.de", "web.de",
	    "hotmail.co.uk", "orange.fr", "libero.it", "hotmail.es", "ziggo.nl", "aol.com", "fastmail.fm"]
PUNY = ["xn--mnchen-3ya.de", "xn--bcher-kva.ch", "xn--caf-dma.fr", "xn--espaa-rta.es",
	"xn--80ak6aa92e.com", "xn--fiqs8s.cn", "xn--zrich-kva.ch", "xn--mller-kva.de"]


def email_local(g):
	f, l = g.choice(FIRST), g.choice(LAST)
	return g.choice([f + "." + l, f + l, f[0] + "." + l, f + "_" + l, f + "-" + l, l + "." + f,
			 f + str(g.r.randint(1, 99)), f[0] + l + str(g.r.randint(60, 99)), f])


def email(g, sub):
	local = email_local(g)
	dom = g.choice(DOMWORDS) + "." + g.choice(TLDS)
	variant = sub
	if sub == "basic":
		dom = g.choice([dom, g.choice(FREEMAIL)])
	elif sub == "plus-tag":
		local += "+" + g.choice(["newsletter", "work", "github", "2024", "shop", "billing", "test1"])
		dom = g.choice([dom, g.choice(FREEMAIL)])
	elif sub == "subdomain":
		dom = g.choice([g.choice(SUBS) + "." + g.choice(DOMWORDS) + "." + g.choice(TLDS + MULTI),
				g.choice(DOMWORDS) + "." + g.choice(MULTI)])
	elif sub == "long-tld":
		dom = g.choice(DOMWORDS) + "." + g.choice(LONG_TLDS)
	elif sub == "digits-underscore":
		local = g.choice(FIRST) + g.choice(["_", ".", "-", ""]) + g.digits(g.r.randint(2, 6)) + \
			g.choice(["", "_" + g.choice(LAST)])
		dom = g.choice(DOMWORDS) + str(g.r.randint(1, 999)) + "." + g.choice(TLDS)
	elif sub == "mixed-case":
		local = local.capitalize() if "." not in local else ".".join(p.capitalize() for p in local.split("."))
		dom = g.choice([dom.capitalize(), dom.upper(), g.choice(DOMWORDS).capitalize() + "." + g.choice(TLDS).upper()])
	elif sub == "punycode":
		dom = g.choice(PUNY)
	return local + "@" + dom, variant, True


# ---- PHONE ------------------------------------------------------------------

NANP_NPA = ["201", "202", "203", "205", "206", "212", "213", "214", "215", "248", "267", "281", "301", "303",
	    "305", "310", "312", "313", "314", "317", "323", "347", "404", "408", "412", "415", "416", "469",
	    "480", "503", "504", "510", "512", "514", "602", "604", "614", "617", "626", "646", "650", "678",
	    "702", "704", "713", "718", "720", "732", "773", "781", "786", "801", "805", "808", "813", "818",
	    "832", "847", "858", "904", "914", "917", "919", "925", "949", "954", "972", "978"]


def nanp_parts(g):
	npa = g.choice(NANP_NPA)
	if g.chance(0.15):
		return npa, "555", "01" + g.digits(2)  # the fictional 555-01XX block
	while True:
		nxx = g.digits(3, "23456789")
		if nxx[1:] != "11":
			return npa, nxx, g.digits(4)


def nanp(g, sub):
	a, b, c = nanp_parts(g)
	if sub == "paren":
		return "(%s) %s-%s" % (a, b, c), "paren", True
	if sub == "dashed":
		return "%s-%s-%s" % (a, b, c), "dashed", True
	if sub == "dotted":
		return "%s.%s.%s" % (a, b, c), "dotted", True
	if sub == "spaced":
		return "%s %s %s" % (a, b, c), "spaced", True
	if sub == "plain":
		return a + b + c, "plain", False
	if sub == "plus1":
		f = g.choice(["+1 %s %s %s", "+1-%s-%s-%s", "+1 (%s) %s-%s", "+1.%s.%s.%s", "+1%s%s%s"])
		return f % (a, b, c), "plus1 " + f.replace("%s", "N"), True
	if sub == "trunk1":
		f = g.choice(["1-%s-%s-%s", "1 (%s) %s-%s", "1 %s %s %s", "1.%s.%s.%s"])
		return f % (a, b, c), "trunk1 " + f.replace("%s", "N"), True
	raise ValueError(sub)


# A national number: (trunk prefix, area code, subscriber groups, kind).
# trunk is written nationally and dropped after +CC; IT keeps its 0 in the area.


def uk_number(g):
	kind = g.choice(["london", "2+8", "011x", "01x1", "01xxx", "mobile", "mobile"])
	if kind == "london":
		return "0", "20", [g.digits(4, "378"), g.digits(4)], kind
	if kind == "2+8":
		return "0", g.choice(["23", "24", "28", "29"]), [g.digits(4, "2345689"), g.digits(4)], kind
	if kind == "011x":
		return "0", "11" + g.choice("345678"), [g.digits(3, "2345689"), g.digits(4)], kind
	if kind == "01x1":
		return "0", "1" + g.choice("234569") + "1", [g.digits(3, "2345689"), g.digits(4)], kind
	if kind == "01xxx":
		return "0", g.choice(["1223", "1865", "1632", "1392", "1603", "1904", "1273", "1452", "1743", "1534"]), \
			[g.digits(6, "2345689")], kind
	return "0", "7" + g.choice("45789") + g.digits(2), [g.digits(6)], kind


DE_AREAS = ["30", "40", "69", "89", "221", "211", "711", "341", "351", "421", "511", "911", "6221", "7071",
	    "4621", "2131", "3741", "8131", "561", "231"]


def de_number(g):
	if g.chance(0.45):
		pre = g.choice(["151", "152", "157", "159", "160", "162", "163", "170", "171", "172", "173", "174",
				"175", "176", "177", "178", "179"])
		n = 8 if pre[:2] == "15" else g.choice([7, 8])
		return "0", pre, [g.digits(n, "123456789")], "mobile"
	area = g.choice(DE_AREAS)
	n = max(5, min(8, 10 - len(area) + g.r.randint(-1, 0)))
	return "0", area, [g.digits(n, "123456789")], "landline"


def fr_number(g):
	lead = g.choice("1234567996")
	kind = "mobile" if lead in "67" else "landline"
	return "0", lead, [g.digits(2) for _ in range(4)], kind


def it_number(g):
	if g.chance(0.5):
		pre = g.choice(["320", "324", "328", "329", "333", "335", "338", "340", "345", "347", "348", "349",
				"351", "366", "380", "388", "392"])
		rest = g.digits(7)
		groups = g.choice([[rest[:3], rest[3:]], [rest]])
		return "", pre, groups, "mobile"
	area = g.choice(["02", "06", "011", "010", "051", "055", "081", "041", "045", "0471", "0331", "0544"])
	n = {2: 8, 3: 7, 4: 6}[len(area)]
	rest = g.digits(n, "123456789")
	groups = g.choice([[rest], [rest[:4], rest[4:]] if n == 8 else [rest[:3], rest[3:]]])
	return "", area, groups, "landline"


def es_number(g):
	if g.chance(0.5):
		d = g.digits(9, "67")
		kind = "mobile"
	else:
		d = g.choice(["91", "93", "96", "95", "94", "98", "97", "92", "88", "85"]) + g.digits(7)
		kind = "landline"
	if g.chance(0.5):
		return "", "", [d[:3], d[3:6], d[6:]], kind + " 3-3-3"
	return "", "", [d[:2], d[2:5], d[5:7], d[7:]] if kind == "landline" else [d[:3], d[3:5], d[5:7], d[7:]], \
		kind + " 2/3-2-2"


def nl_number(g):
	if g.chance(0.45):
		rest = g.digits(8, "12345")
		return "0", "6", g.choice([[rest], [rest[:4], rest[4:]], [rest[:2], rest[2:4], rest[4:6], rest[6:]]]), "mobile"
	if g.chance(0.5):
		area = g.choice(["10", "20", "30", "40", "70", "13", "15", "24", "26", "38", "43", "50", "53", "58"])
		rest = g.digits(7, "23456789")
		return "0", area, g.choice([[rest[:3], rest[3:]], [rest]]), "2-digit area"
	area = g.choice(["318", "592", "475", "113", "172", "226", "344", "499", "512", "543", "575", "320"])
	rest = g.digits(6, "23456789")
	return "0", area, g.choice([[rest[:2], rest[2:4], rest[4:]], [rest]]), "3-digit area"


NATIONAL = {
	"UK": ("44", uk_number, ["spaced", "spaced", "compact", "paren"], True),
	"DE": ("49", de_number, ["spaced", "slash", "paren", "dashed", "compact"], True),
	"FR": ("33", fr_number, ["spaced", "spaced", "dotted", "dashed", "compact"], True),
	"IT": ("39", it_number, ["spaced", "spaced", "compact", "slash", "dashed"], False),
	"ES": ("34", es_number, ["spaced", "spaced", "compact"], False),
	"NL": ("31", nl_number, ["spaced", "dashed", "paren", "compact"], True),
}


def national(g, country, sub):
	cc, make, styles, zero_paren = NATIONAL[country]
	trunk, area, groups, kind = make(g)
	if sub == "national":
		style = g.choice(styles)
		head = trunk + area
		if style == "spaced":
			v = " ".join(([head] if head else []) + groups)
		elif style == "compact":
			v = head + "".join(groups)
		elif style == "paren":
			v = "(%s) %s" % (head, " ".join(groups))
		elif style == "slash":
			v = head + "/" + "".join(groups)
		elif style == "dashed" and country in ("DE", "NL"):
			v = head + "-" + "".join(groups)
		elif style == "dashed":
			v = "-".join(([head] if head else []) + groups)
		elif style == "dotted":
			v = ".".join(([head] if head else []) + groups)
		return v, "%s %s" % (kind, style), style != "compact"
	styles = ["plus spaced", "plus spaced", "00 spaced", "plus compact", "plus dashed"]
	if zero_paren:
		styles.append("plus (0)")
	style = g.choice(styles)
	tail = ([area] if area else []) + groups
	if style == "plus spaced":
		v = "+%s %s" % (cc, " ".join(tail))
	elif style == "00 spaced":
		v = "00%s %s" % (cc, " ".join(tail))
	elif style == "plus compact":
		v = "+" + cc + "".join(tail)
	elif style == "plus dashed":
		v = "+%s-%s" % (cc, "-".join(tail))
	else:
		v = "+%s (0)%s" % (cc, " ".join(tail))
	return v, "%s %s" % (kind, style), True


# Other countries in E.164: (country code, groups of the national significant number)
E164_OTHER = {
	"US": ("1", lambda g: list(nanp_parts(g))),
	"AU": ("61", lambda g: g.choice([["4" + g.digits(2), g.digits(3), g.digits(3)],
					  [g.choice("2378"), g.digits(4, "2345689"), g.digits(4)]])),
	"JP": ("81", lambda g: g.choice([[g.choice(["90", "80", "70"]), g.digits(4), g.digits(4)],
					  ["3", g.digits(4, "2345689"), g.digits(4)]])),
	"IN": ("91", lambda g: [g.digits(5, "6789"), g.digits(5)]),
	"BR": ("55", lambda g: [g.choice(["11", "21", "31", "41", "61"]), "9" + g.digits(4), g.digits(4)]),
	"CH": ("41", lambda g: [g.choice(["44", "79", "76", "78", "22", "31"]), g.digits(3, "2345689"), g.digits(2),
				g.digits(2)]),
	"SE": ("46", lambda g: [g.choice(["70", "72", "73", "76"]), g.digits(3), g.digits(2), g.digits(2)]),
	"PL": ("48", lambda g: [g.digits(3, "5678"), g.digits(3), g.digits(3)]),
	"IE": ("353", lambda g: g.choice([[g.choice(["83", "85", "86", "87", "89"]), g.digits(3, "2345689"), g.digits(4)],
					   ["1", g.digits(3, "2345689"), g.digits(4)]])),
	"MX": ("52", lambda g: [g.choice(["55", "33", "81"]), g.digits(4, "123456789"), g.digits(4)]),
	"ZA": ("27", lambda g: [g.choice(["82", "83", "72", "71", "11", "21"]), g.digits(3, "123456789"), g.digits(4)]),
	"SG": ("65", lambda g: [g.digits(4, "689"), g.digits(4)]),
}


def e164(g, sub):
	country = g.choice(sorted(E164_OTHER))
	cc, make = E164_OTHER[country]
	groups = make(g)
	if sub == "compact":
		return "+" + cc + "".join(groups), country, True
	return "+%s %s" % (cc, " ".join(groups)), country, True


# ---- SSN --------------------------------------------------------------------


def ssn_parts(g):
	while True:
		area = g.r.randint(1, 899)
		if area != 666:
			break
	return "%03d" % area, "%02d" % g.r.randint(1, 99), "%04d" % g.r.randint(1, 9999)


def ssn(g, sub):
	a, b, c = ssn_parts(g)
	sep = {"dashed": "-", "spaced": " ", "plain": ""}[sub]
	return a + sep + b + sep + c, sub, sub == "dashed"


# ---- CARD -------------------------------------------------------------------

BRANDS = {
	# brand: (prefix maker, length, grouping)
	"visa": (lambda g: "4", 16, [4, 4, 4, 4]),
	"mastercard": (lambda g: str(g.r.randint(51, 55)), 16, [4, 4, 4, 4]),
	"mastercard2": (lambda g: str(g.r.randint(2221, 2720)), 16, [4, 4, 4, 4]),
	"amex": (lambda g: g.choice(["34", "37"]), 15, [4, 6, 5]),
	"discover": (lambda g: g.choice(["6011", str(g.r.randint(644, 649)), "65"]), 16, [4, 4, 4, 4]),
	"jcb": (lambda g: str(g.r.randint(3528, 3589)), 16, [4, 4, 4, 4]),
	"diners": (lambda g: g.choice([str(g.r.randint(300, 305)), "36", "38", "39"]), 14, [4, 6, 4]),
	"unionpay": (lambda g: "62" + g.choice(["0", "1", "3", "4", "5", "8"]) + g.digits(1), 16, [4, 4, 4, 4]),
}


def card_number(g, brand):
	pre, n, groups = BRANDS[brand]
	p = pre(g)
	if brand == "unionpay" and g.chance(0.3):
		n, groups = 19, [4, 4, 4, 4, 3]
	if brand == "visa" and g.chance(0.1):
		n, groups = 19, [4, 4, 4, 4, 3]
	body = p + g.digits(n - len(p) - 1)
	return body + luhn_digit(body), groups


def group(s, sizes, sep):
	out, i = [], 0
	for k in sizes:
		out.append(s[i:i + k])
		i += k
	return sep.join(out)


def card(g, brand, fmt):
	num, groups = card_number(g, brand)
	v = num if fmt == "plain" else group(num, groups, " " if fmt == "spaced" else "-")
	return v, "%d digits" % len(num), True


# ---- IBAN -------------------------------------------------------------------

# ISO 13616 registry: country -> BBAN structure (n digits, a letters, c alphanumerics)
IBAN_BBAN = {
	"AT": "5n11n", "BE": "3n7n2n", "BG": "4a4n2n8c", "CH": "5n12c", "CY": "3n5n16c", "CZ": "4n6n10n",
	"DE": "8n10n", "DK": "4n9n1n", "EE": "2n2n11n1n", "ES": "4n4n1n1n10n", "FI": "3n11n", "FR": "5n5n11c2n",
	"GB": "4a6n8n", "GR": "3n4n16c", "HR": "7n10n", "HU": "3n4n1n15n1n", "IE": "4a6n8n", "IS": "4n2n6n10n",
	"IT": "1a5n5n12c", "LI": "5n12c", "LT": "5n11n", "LU": "3n13c", "LV": "4a13c", "MT": "4a5n18c",
	"NL": "4a10n", "NO": "4n6n1n", "PL": "8n16n", "PT": "4n4n11n2n", "RO": "4a16c", "SE": "3n16n1n",
	"SI": "5n8n2n", "SK": "4n6n10n", "SA": "2n18c", "AE": "3n16n", "TR": "5n1n16c", "BR": "8n5n10n1a1c",
}
IBAN_LEN = {"AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20, "ES": 24,
	    "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21,
	    "LT": 20, "LU": 20, "LV": 21, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24,
	    "SI": 19, "SK": 24, "SA": 24, "AE": 23, "TR": 26, "BR": 29}
BANK_LETTERS = {"GB": ["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA"], "IE": ["AIBK", "BOFI", "IPBS"],
		"NL": ["ABNA", "INGB", "RABO", "TRIO", "SNSB", "KNAB"]}


def bban(g, cc):
	parts = []
	for m in re.finditer(r"(\d+)([nac])", IBAN_BBAN[cc]):
		n, t = int(m.group(1)), m.group(2)
		parts.append(g.digits(n) if t == "n" else g.letters(n) if t == "a" else g.alnum(n))
	if cc in BANK_LETTERS:
		parts[0] = g.choice(BANK_LETTERS[cc])
	if cc == "FR":
		acct = g.digits(11)
		parts = [parts[0], parts[1], acct, rib_key(parts[0], parts[1], acct)]
	elif cc == "ES":
		parts[2:4] = [es_dc(parts[0], parts[1], parts[4])]
	elif cc == "IT":
		acct = g.digits(12)
		parts = [it_cin(parts[1], parts[2], acct), parts[1], parts[2], acct]
	elif cc == "BE":
		parts[2] = be_check(parts[0] + parts[1])
	return "".join(parts)


def iban_value(g, cc=None):
	cc = cc or g.choice(sorted(IBAN_BBAN))
	b = bban(g, cc)
	v = cc + iban_check(cc, b) + b
	assert len(v) == IBAN_LEN[cc], (cc, v)
	return v, cc


def iban(g, fmt):
	v, cc = iban_value(g)
	return (v if fmt == "compact" else group(v, [4] * 8, " ").strip()), cc, True


# ---- IP ---------------------------------------------------------------------


def ipv4(g):
	k = g.r.random()
	if k < 0.2:
		return "10.%d.%d.%d" % (g.r.randint(0, 255), g.r.randint(0, 255), g.r.randint(1, 254))
	if k < 0.35:
		return "192.168.%d.%d" % (g.r.randint(0, 255), g.r.randint(1, 254))
	if k < 0.45:
		return "172.%d.%d.%d" % (g.r.randint(16, 31), g.r.randint(0, 255), g.r.randint(1, 254))
	if k < 0.55:
		return g.choice(["192.0.2", "198.51.100", "203.0.113"]) + ".%d" % g.r.randint(1, 254)
	while True:
		a = g.r.randint(1, 223)
		if a not in (10, 127, 172, 192):
			return "%d.%d.%d.%d" % (a, g.r.randint(0, 255), g.r.randint(0, 255), g.r.randint(1, 254))


def v6_groups(g):
	pre = g.choice([["2001", "db8"], ["2001", "0db8"], ["2a00", "1450"], ["2606", "4700"], ["2400", "cb00"],
			["fe80", "0"], ["2a02", g.hexs(4)], ["2804", g.hexs(3)], ["fd12", g.hexs(4)]])
	gs = pre + [g.hexs(g.r.randint(1, 4)).lstrip("0") or "0" for _ in range(6)]
	return gs


def v6_compress(gs):
	"""RFC 5952: drop leading zeros, replace the longest run (>= 2) of zero groups by '::'."""
	gs = [x.lstrip("0") or "0" for x in gs]
	best, bl, i = -1, 1, 0
	while i < len(gs):
		if gs[i] == "0":
			j = i
			while j < len(gs) and gs[j] == "0":
				j += 1
			if j - i > bl:
				best, bl = i, j - i
			i = j
		else:
			i += 1
	if best < 0:
		return ":".join(gs)
	return ":".join(gs[:best]) + "::" + ":".join(gs[best + bl:])


def ip(g, sub):
	if sub == "v4":
		return ipv4(g), "v4", True
	if sub == "v4-port-cidr":
		a = ipv4(g)
		return a, g.choice(["port", "cidr", "url"]), True
	if sub == "v6-full":
		gs = v6_groups(g)
		if g.chance(0.6):
			v = ":".join(x.zfill(4) for x in gs)
			var = "leading zeros"
		else:
			v = ":".join(x.lstrip("0") or "0" for x in gs)
			var = "no leading zeros"
		if g.chance(0.2):
			v, var = v.upper(), var + " upper"
		return v, var, True
	if sub == "v6-compressed":
		gs = v6_groups(g)
		z = g.r.randint(2, 5)
		at = g.r.randint(2, 7 - z)  # a group after the run: prefixes ("2001:db8::") are the 15% below
		gs[at:at + z] = ["0"] * z
		if g.chance(0.15):
			gs[2:] = ["0"] * 6  # a network prefix: 2001:db8::
		v = v6_compress(gs)
		return v, ("prefix" if v.endswith("::") else "middle") + (" bracket-port" if g.chance(0.2) else ""), True
	if sub == "v6-ipv4":
		a = ipv4(g)
		name, form = g.choice([("mapped", "::ffff:%s"), ("NAT64", "64:ff9b::%s"),
				       ("global prefix", "2001:db8:%s::%%s" % (g.hexs(3).lstrip("0") or "1")),
				       ("mapped, uncompressed", "0:0:0:0:0:ffff:%s"), ("mapped, upper", "::FFFF:%s")])
		return form % a, name, True
	raise ValueError(sub)


# ---- the positive sub-formats -------------------------------------------------

POSITIVES = []  # (type, sub, generator)
for s in ["basic", "plus-tag", "subdomain", "long-tld", "digits-underscore", "mixed-case", "punycode"]:
	POSITIVES.append(("EMAIL", "EMAIL/" + s, (lambda s: lambda g: email(g, s))(s)))
for s in ["paren", "dashed", "dotted", "spaced", "plain", "plus1", "trunk1"]:
	POSITIVES.append(("PHONE", "PHONE/NANP-" + s, (lambda s: lambda g: nanp(g, s))(s)))
for s in ["compact", "spaced"]:
	POSITIVES.append(("PHONE", "PHONE/E164-" + s, (lambda s: lambda g: e164(g, s))(s)))
for c in ["UK", "DE", "FR", "IT", "ES", "NL"]:
	for s in ["national", "intl"]:
		POSITIVES.append(("PHONE", "PHONE/%s-%s" % (c, s), (lambda c, s: lambda g: national(g, c, s))(c, s)))
for s in ["dashed", "spaced", "plain"]:
	POSITIVES.append(("SSN", "SSN/" + s, (lambda s: lambda g: ssn(g, s))(s)))
for b in ["visa", "mastercard", "mastercard2", "amex", "discover", "jcb", "diners", "unionpay"]:
	for f in ["plain", "spaced", "dashed"]:
		POSITIVES.append(("CARD", "CARD/%s-%s" % (b, f), (lambda b, f: lambda g: card(g, b, f))(b, f)))
for s in ["compact", "grouped"]:
	POSITIVES.append(("IBAN", "IBAN/" + s, (lambda s: lambda g: iban(g, s))(s)))
for s in ["v4", "v4-port-cidr", "v6-full", "v6-compressed", "v6-ipv4"]:
	POSITIVES.append(("IP", "IP/" + s, (lambda s: lambda g: ip(g, s))(s)))


# ---- negatives: near misses that must not be detected --------------------------


def neg_card_luhn(g):
	brand = g.choice(sorted(BRANDS))
	num, groups = card_number(g, brand)
	bad = num[:-1] + str((int(num[-1]) + g.r.randint(1, 9)) % 10)
	fmt = g.choice(["plain", "spaced", "dashed"])
	return bad if fmt == "plain" else group(bad, groups, " " if fmt == "spaced" else "-"), brand + " " + fmt


def neg_iban(g):
	v, cc = iban_value(g)
	if g.chance(0.5):
		good = v[2:4]
		while v[2:4] == good:
			v = v[:2] + "%02d" % g.r.randint(2, 98) + v[4:]
		var = "check digits"
	else:
		i = g.r.randint(5, len(v) - 1)
		if v[i].isdigit():
			v = v[:i] + str((int(v[i]) + g.r.randint(1, 9)) % 10) + v[i + 1:]
		else:
			v = v[:i] + chr((ord(v[i]) - 65 + g.r.randint(1, 25)) % 26 + 65) + v[i + 1:]
		var = "typo"
	assert not iban_ok(v)
	fmt = g.choice(["compact", "grouped"])
	return (v if fmt == "compact" else group(v, [4] * 8, " ").strip()), "%s %s %s" % (cc, var, fmt)


def neg_ssn(g):
	a, b, c = ssn_parts(g)
	k = g.choice(["area 000", "area 666", "area 9xx", "area 9xx", "group 00", "serial 0000"])
	if k == "area 000":
		a = "000"
	elif k == "area 666":
		a = "666"
	elif k == "area 9xx":
		a = "9" + g.digits(2)
	elif k == "group 00":
		b = "00"
	else:
		c = "0000"
	sep = g.choice(["-", "-", "-", " ", ""])
	return a + sep + b + sep + c, k


def neg_version(g):
	k = g.choice(["semver", "v-semver", "four-part", "windows", "chrome", "prerelease", "kernel"])
	r = g.r
	if k == "semver":
		return "%d.%d.%d" % (r.randint(0, 20), r.randint(0, 40), r.randint(0, 120)), k
	if k == "v-semver":
		return "v%d.%d.%d" % (r.randint(0, 20), r.randint(0, 40), r.randint(0, 120)), k
	if k == "four-part":
		return "%d.%d.%d.%d" % (r.randint(1, 12), r.randint(0, 20), r.randint(0, 60), r.randint(0, 250)), k
	if k == "windows":
		return "10.0.%d.%d" % (r.randint(17763, 26100), r.randint(1, 4000)), k
	if k == "chrome":
		return "%d.0.%d.%d" % (r.randint(100, 131), r.randint(5000, 6800), r.randint(1, 250)), k
	if k == "prerelease":
		return "%d.%d.%d-%s.%d" % (r.randint(0, 9), r.randint(0, 30), r.randint(0, 30),
					   g.choice(["rc", "beta", "alpha"]), r.randint(1, 9)), k
	return "%d.%d.%d-%d-amd64" % (r.randint(4, 6), r.randint(0, 19), r.randint(0, 250), r.randint(1, 40)), k


def neg_timestamp(g):
	r = g.r
	y, mo, d = r.randint(2015, 2027), r.randint(1, 12), r.randint(1, 28)
	h, mi, s = r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)
	k = g.choice(["iso-z", "iso-offset", "space-millis", "compact", "epoch-s", "epoch-ms", "syslog", "dmy-hm",
		      "duration"])
	if k == "iso-z":
		return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (y, mo, d, h, mi, s), k
	if k == "iso-offset":
		return "%04d-%02d-%02dT%02d:%02d:%02d+%02d:00" % (y, mo, d, h, mi, s, r.randint(0, 11)), k
	if k == "space-millis":
		return "%04d-%02d-%02d %02d:%02d:%02d.%03d" % (y, mo, d, h, mi, s, r.randint(0, 999)), k
	if k == "compact":
		return "%04d%02d%02d%02d%02d%02d" % (y, mo, d, h, mi, s), k
	if k == "epoch-s":
		return str(r.randint(1420070400, 1830000000)), k
	if k == "epoch-ms":
		return str(r.randint(1420070400000, 1830000000000)), k
	if k == "syslog":
		return "%s %2d %02d:%02d:%02d" % (g.choice(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
							    "Oct", "Nov", "Dec"]), d, h, mi, s), k
	if k == "dmy-hm":
		return "%02d/%02d/%04d %02d:%02d" % (d, mo, y, h, mi), k
	return "%02d:%02d:%02d.%03d" % (r.randint(0, 9), mi, s, r.randint(0, 999)), k


def neg_order(g):
	r = g.r
	k = g.choice(["hash-number", "ord-year", "po", "inv", "amazon", "jira", "plain-10"])
	if k == "hash-number":
		return "#%d" % r.randint(100000, 99999999), k
	if k == "ord-year":
		return "ORD-%d-%06d" % (r.randint(2019, 2026), r.randint(1, 999999)), k
	if k == "po":
		return "PO %d" % r.randint(4500000000, 4599999999), k
	if k == "inv":
		return "INV-%09d" % r.randint(1, 999999999), k
	if k == "amazon":
		return "%03d-%07d-%07d" % (r.randint(100, 999), r.randint(0, 9999999), r.randint(0, 9999999)), k
	if k == "jira":
		return "%s-%d" % (g.choice(["OPS", "PAY", "CORE", "WEB", "DATA"]), r.randint(1, 99999)), k
	return g.digits(10, "123456789"), k


def neg_price(g):
	r = g.r
	k = g.choice(["usd", "eur-de", "gbp", "usd-big", "eur-fr", "pln", "jpy"])
	if k == "usd":
		return "$%d.%02d" % (r.randint(1, 9999), r.randint(0, 99)), k
	if k == "eur-de":
		return "%d.%03d,%02d €" % (r.randint(1, 999), r.randint(0, 999), r.randint(0, 99)), k
	if k == "gbp":
		return "£%d,%03d" % (r.randint(1, 99), r.randint(0, 999)), k
	if k == "usd-big":
		return "USD %d,%03d,%03d.%02d" % (r.randint(1, 999), r.randint(0, 999), r.randint(0, 999), r.randint(0, 99)), k
	if k == "eur-fr":
		return "%d %03d,%02d EUR" % (r.randint(1, 999), r.randint(0, 999), r.randint(0, 99)), k
	if k == "pln":
		return "%d %03d,%02d zł" % (r.randint(1, 99), r.randint(0, 999), r.randint(0, 99)), k
	return "¥%d" % r.randint(1000, 9999999), k


def neg_coords(g):
	r = g.r
	lat, lon = r.uniform(-80, 80), r.uniform(-179, 179)
	k = g.choice(["decimal-pair", "degrees", "keyed", "geojson"])
	if k == "decimal-pair":
		return "%.4f, %.4f" % (lat, lon), k
	if k == "degrees":
		return "%.4f° %s, %.4f° %s" % (abs(lat), "N" if lat >= 0 else "S", abs(lon), "E" if lon >= 0 else "W"), k
	if k == "keyed":
		return "lat=%.6f lon=%.6f" % (lat, lon), k
	return "[%.6f, %.6f]" % (lon, lat), k


def neg_hash(g):
	k = g.choice(["md5", "sha1", "sha256", "git-short", "sha512-prefix"])
	n = {"md5": 32, "sha1": 40, "sha256": 64, "git-short": 7, "sha512-prefix": 24}[k]
	return g.hexs(n), k


def neg_uuid(g):
	h = g.hexs(32)
	u = "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], g.choice("89ab"), h[17:20], h[20:])
	k = g.choice(["lower", "lower", "upper", "braced"])
	if k == "upper":
		u = u.upper()
	elif k == "braced":
		u = "{" + u.upper() + "}"
	return u, k


def neg_phone_like(g):
	r = g.r
	k = g.choice(["10 digits", "11 digits", "isbn10", "isbn13", "ean13", "dashed 3-3-4"])
	if k == "10 digits":
		return g.digits(10, "23456789"), k
	if k == "11 digits":
		return "0" + g.digits(10, "1234567"), k
	if k == "isbn10":
		body = g.digits(9)
		c = sum((10 - i) * int(d) for i, d in enumerate(body)) % 11
		c = (11 - c) % 11
		return "%s-%s-%s-%s" % (body[0], body[1:4], body[4:9], "X" if c == 10 else c), k
	if k == "isbn13":
		body = "978" + g.digits(9)
		c = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body)) % 10) % 10
		return "%s-%s-%s-%s-%d" % (body[:3], body[3], body[4:7], body[7:12], c), k
	if k == "ean13":
		body = g.digits(12, "4")
		c = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body)) % 10) % 10
		return body + str(c), k
	return "%s-%s-%s" % (g.digits(3, "123456789"), g.digits(3), g.digits(4)), k


def neg_imei(g):
	body = g.choice(["35", "86", "01", "99", "45"]) + g.digits(12)
	v = body + luhn_digit(body)
	k = g.choice(["plain", "plain", "dashed", "spaced"])
	if k == "dashed":
		v = "%s-%s-%s-%s" % (v[:2], v[2:8], v[8:14], v[14])
	elif k == "spaced":
		v = "%s %s %s %s" % (v[:2], v[2:8], v[8:14], v[14])
	return v, k


def neg_iccid(g):
	body = "89" + g.choice(["1", "44", "49", "33", "31", "34"]) + g.digits(2)
	body += g.digits(18 - len(body))
	v = body + luhn_digit(body)
	k = g.choice(["plain", "spaced"])
	return (v if k == "plain" else group(v, [4, 4, 4, 4, 3], " ")), k


def neg_mac(g):
	b = [g.hexs(2) for _ in range(6)]
	k = g.choice(["colon", "colon-upper", "dash", "cisco"])
	if k == "colon":
		return ":".join(b), k
	if k == "colon-upper":
		return ":".join(b).upper(), k
	if k == "dash":
		return "-".join(b).upper(), k
	return "%s.%s.%s" % ("".join(b[:2]), "".join(b[2:4]), "".join(b[4:])), k


def neg_oid(g):
	r = g.r
	k = g.choice(["oid", "oid", "section-4", "section-5"])
	if k == "oid":
		return g.choice(["1.3.6.1.4.1.%d.%d.%d" % (r.randint(1, 60000), r.randint(1, 30), r.randint(1, 9)),
				 "1.3.6.1.2.1.%d.%d.%d" % (r.randint(1, 40), r.randint(1, 20), r.randint(0, 9)),
				 "2.5.4.%d" % r.randint(3, 50), "1.2.840.113549.1.1.%d" % r.randint(1, 14)]), k
	if k == "section-4":
		return "%d.%d.%d.%d" % (r.randint(1, 12), r.randint(1, 9), r.randint(1, 9), r.randint(1, 9)), k
	return "%d.%d.%d.%d.%d" % (r.randint(1, 12), r.randint(1, 9), r.randint(1, 9), r.randint(1, 9), r.randint(1, 9)), k


def neg_at(g):
	r = g.r
	k = g.choice(["npm", "scoped-npm", "docker-digest", "mention", "decorator"])
	if k == "npm":
		return "%s@%d.%d.%d" % (g.choice(["react", "lodash", "express", "typescript", "vite"]), r.randint(1, 20),
					r.randint(0, 30), r.randint(0, 30)), k
	if k == "scoped-npm":
		return "@%s/%s@%d.%d.%d" % (g.choice(["types", "babel", "angular", "aws-sdk"]),
					   g.choice(["node", "core", "client-s3", "cli"]), r.randint(1, 20), r.randint(0, 30),
					   r.randint(0, 30)), k
	if k == "docker-digest":
		return "%s@sha256:%s" % (g.choice(["nginx", "redis", "postgres", "python"]), g.hexs(64)), k
	if k == "mention":
		return "@" + g.choice(FIRST) + g.choice(["", ".", "_"]) + g.choice(LAST), k
	return "@" + g.choice(["app.route", "pytest.fixture", "dataclass", "Override", "staticmethod"]), k


def neg_ein(g):
	"""US employer identification number, XX-XXXXXXX (IRS campus prefixes)."""
	return "%02d-%07d" % (g.r.randint(10, 99), g.r.randint(0, 9999999)), "dashed"


def neg_aba(g):
	"""ABA routing transit number: 9 digits, weights 3-7-1 checksum."""
	body = "%02d" % g.r.choice([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 22, 26, 31, 32]) + g.digits(6)
	w = [3, 7, 1, 3, 7, 1, 3, 7]
	return body + str((10 - sum(int(d) * w[i] for i, d in enumerate(body)) % 10) % 10), "9 digits"


NEGATIVES = [
	("card failing Luhn", neg_card_luhn), ("IBAN failing mod-97", neg_iban), ("invalid SSN", neg_ssn),
	("version", neg_version), ("timestamp", neg_timestamp), ("order number", neg_order), ("price", neg_price),
	("coordinates", neg_coords), ("hash", neg_hash), ("UUID", neg_uuid),
	("phone-like number, non-phone context", neg_phone_like), ("IMEI (Luhn-valid)", neg_imei),
	("ICCID (Luhn-valid)", neg_iccid), ("MAC address", neg_mac), ("OID / section number", neg_oid),
	("@ but not an e-mail", neg_at), ("EIN", neg_ein), ("ABA routing number", neg_aba),
]

# ---- templates ----------------------------------------------------------------
#
# «V» is the value (no context word), «V+» the value with a word naming its type
# nearby, «ctx» a noun naming the value's type, «key» a JSON/CSV field name for
# it, «N» a negative; other «slots» are fillers. Every list is split in halves
# between dev and test (even entries dev, odd entries test).

CTX = {
	"EMAIL": ["email", "e-mail address", "email address", "contact email", "work email", "personal email",
		  "mail", "reply-to address", "billing email", "email (primary)"],
	"PHONE": ["phone", "phone number", "mobile", "cell", "tel", "telephone number", "mobile number",
		  "direct line", "landline", "contact number", "cell phone", "WhatsApp number", "work phone",
		  "callback number", "home phone", "fax"],
	"SSN": ["SSN", "social security number", "Social Security No.", "SS number", "US SSN", "soc. sec. #",
		"SSN (for the W-9)", "social security #"],
	"CARD": ["card number", "credit card", "card", "debit card", "payment card", "CC", "card no.", "PAN",
		 "credit card number", "corporate card"],
	"IBAN": ["IBAN", "bank account", "IBAN number", "account (IBAN)", "payee IBAN", "bank details",
		 "SEPA account", "IBAN for the refund"],
	"IP": ["IP", "IP address", "client IP", "source address", "server", "host", "peer", "remote address",
	       "gateway", "public IP", "origin IP", "IPv6 address"],
}
KEYS = {
	"EMAIL": ["email", "contact_email", "mail", "replyTo", "user_email", "emailAddress"],
	"PHONE": ["phone", "mobile", "tel", "phoneNumber", "contact_phone", "msisdn"],
	"SSN": ["ssn", "social_security_number", "ssn_full", "SSN"],
	"CARD": ["card_number", "cc", "pan", "cardNumber", "credit_card", "card"],
	"IBAN": ["iban", "account_iban", "bank_iban", "IBAN"],
	"IP": ["ip", "client_ip", "remote_addr", "src_ip", "peer_ip", "x_forwarded_for"],
}

GENERIC = [
	# chat
	"My «ctx» is «V+».",
	"Hi, can you update my «ctx» to «V+»? Thanks!",
	"«ctx»: «V+»",
	"The customer's «ctx» («V+») was entered twice, please merge the records.",
	"Please double-check the «ctx» «V+» before sending anything.",
	"«V+» is the «ctx» on file for «name».",
	"I think the «ctx» we have is wrong - it should be «V+», not the old one.",
	"Summarize this ticket. «name» wrote: \"my «ctx» is «V+», call me back\"",
	# tickets
	"Ticket «ticket» - «name» reports that the «ctx» «V+» is rejected by the form.",
	"[«ticket»] Customer «name», «ctx»=«V+», status: pending",
	"Subject: Change of «ctx»\n\nHello, from now on please use «V+».\nBest, «first»",
	"Resolution: «ctx» updated to «V+» (verified by phone).",
	# logs
	"«date» «time» INFO profile.update user=«user» «key»=«V+» ok",
	"level=warn msg=\"validation failed\" field=«key» value=«V+» request_id=«reqid»",
	"«date»T«time»Z [WARN] retrying with «ctx» «V+» (attempt 2/5)",
	"DEBUG «key»: '«V+»'",
	# JSON-ish
	"{\"name\": \"«name»\", \"«key»\": \"«V+»\", \"active\": true}",
	"{\"user\": {\"id\": «n», \"«key»\": \"«V+»\"}}",
	"Extract the fields from {'«key»': '«V+»', 'city': '«city»'}",
	"tool_result: {\"status\": \"ok\", \"«key»\": \"«V+»\"}",
	# tables and CSV
	"| «name» | «city» | «V+» |  <- «ctx» column",
	"«key»,name,city\n«V+»,«name»,«city»",
	"name;«key»;created\n«name»;«V+»;«date»",
	"| field | value |\n|---|---|\n| «ctx» | «V+» |",
]

GENERIC_NOCTX = [
	"«V»",
	"«V» - that's the one from last week.",
	"Thanks, got it: «V».",
	"Re: «V»",
	"Forwarding for «name»: «V»",
	"As discussed, «V».",
	"Can you look up «V» in the CRM?",
	"It's «V», I think.",
	"«name» («city»): «V»",
	"Noted («V»).",
	"Translate to French: \"Please send it to «V» by Monday.\"",
	"«V»; «V2»",
	"- «name»: «V»\n- «name2»: «V2»",
	"\"«V»\"",
	"«name», «city», «V»",
	"Here you go -> «V» <- let me know.",
]

TYPED = {
	"EMAIL": [
		"Send the invoice to «V» and cc me.",
		"From: «name» <«V»>",
		"Contact me at «V+» if anything changes.",
		"mailto:«V»",
		"Reply-To: «V»",
		"«V» wrote: > the deploy is stuck again",
		"Please add «V» to the #billing channel.",
		"To: «V», «V2»",
		"git log --author=«V»",
		"Unsubscribe «V» from the newsletter.",
		"Login failed for «V» (3 attempts).",
		"user «V» opened ticket «ticket»",
	],
	"PHONE": [
		"Call me on «V+» after 5pm.",
		"Ring the front desk at «V+» if the van is late.",
		"Tel.: «V+»",
		"Reach «first» on «V+» (mobile).",
		"You can text me at «V+».",
		"Phone «V+» / fax «V2+»",
		"«name»\n«company»\nT «V+»\nwww.example.org",
		"Our hotline: «V+» (Mon-Fri 9-17).",
		"Please call back «V+» re: order «ticket».",
		"Telefon: «V+», bitte nach 18 Uhr anrufen.",
		"Appelez-moi au «V+» demain.",
		"Chiamami al «V+» quando puoi.",
		"Llámame al «V+» esta tarde.",
		"Bel me even op «V+».",
		"«V+» - that's my number, WhatsApp works too.",
		"Missed call from «V+» at «time».",
	],
	"SSN": [
		"SSN «V+» on the W-2 doesn't match.",
		"Applicant SSN: «V+»",
		"Her social security number is «V+».",
		"Verify identity: name=«name», ssn=«V+»",
		"«V+» - SSN from the scanned form, please verify.",
		"Please redact the SSN («V+») before forwarding.",
		"The SSN on file, «V+», belongs to someone else.",
		"Payroll: «name», SS# «V+», start «date»",
	],
	"CARD": [
		"Charge «amount» to card «V+», exp 09/27.",
		"Card «V+» was declined twice.",
		"Pay with «V+» exp 11/26 cvc 123",
		"Old card «V+» expired, the new one is «V2+».",
		"My Visa/Mastercard number: «V+»",
		"«V+» (expires 04/28) - use this one for the renewal.",
		"Payment method: «V+» | holder: «name»",
		"Please update billing: new card «V+».",
		"Transaction «ticket» card=«V+» amount=«amount» result=approved",
		"I typed «V» into the checkout and it says invalid.",
	],
	"IBAN": [
		"Please wire «amount» to «V+».",
		"IBAN: «V+» BIC: «bic»",
		"Bank details for the refund: «V+» («name»).",
		"Our new account is «V+», please update the supplier record.",
		"Kontoinhaber: «name», IBAN «V+»",
		"«V+» - use this for the SEPA transfer.",
		"Beneficiary «name», account «V+», reference «ticket».",
		"Virement sur «V» svp.",
		"Pay invoice «ticket» into «V».",
		"Direct debit mandate for «V+» signed on «date».",
	],
	"IP": [
		"Connection refused from «V+»",
		"ssh admin@«V»",
		"Blocked «V+» after 20 failed logins.",
		"«date» «time» sshd[«n»]: Failed password for root from «V» port «port» ssh2",
		"«V» - - [«date»:«time» +0000] \"GET /api/v1/users HTTP/1.1\" 200 512",
		"Add «V+» to the allowlist.",
		"X-Forwarded-For: «V», «V2»",
		"ping «V»",
		"The server at «V+» is down again.",
		"nameserver «V»",
		"dig -x «V» +short",
		"Traffic spike from «V+» around «time».",
	],
}

NEG_TEMPLATES = {
	"card failing Luhn": ["Card number «N» is rejected as invalid - typo?", "«N»", "test input: «N» (should fail Luhn)",
			      "Why does the checkout reject «N»?", "credit card: «N» (invalid)",
			      "Is «N» a valid card number?"],
	"IBAN failing mod-97": ["IBAN «N» fails validation.", "The bank says «N» does not exist.", "«N»",
				"Account «N» - checksum error on import.", "reference «N» (not an IBAN)",
				"Please verify IBAN «N», the portal says invalid."],
	"invalid SSN": ["SSN «N» is not a valid number.", "Placeholder SSN «N» in the test fixture.",
			"ref «N»", "Form rejected SSN «N» (invalid area).", "sample value «N»",
			"ITIN/SSN field contains «N»"],
	"version": ["Upgraded to «N» last night.", "pip install mylib==«N»", "Firmware «N» is out.",
		    "Running on kernel «N».", "Bump lodash from 4.17.20 to «N»", "App version «N» (build «n»)",
		    "User-Agent: Mozilla/5.0 Chrome/«N» Safari/537.36", "release «N» is tagged"],
	"timestamp": ["Job finished at «N».", "«N» INFO worker started", "created_at: «N»", "Last seen «N»",
		      "ts=«N» level=info", "The backup from «N» is corrupt."],
	"order number": ["Order «N» shipped today.", "Your order «N» is confirmed.", "Invoice «N» is overdue.",
			 "Please reference «N» in the transfer.", "Refund for order «N» issued.",
			 "ticket «N» closed"],
	"price": ["Total: «N»", "That's «N» per seat per month.", "Budget approved: «N».", "Price «N» incl. VAT",
		  "refund of «N» processed", "Quote came in at «N»."],
	"coordinates": ["Meet at «N».", "GPS: «N»", "The sensor is at «N».", "location «N» (approx.)",
			"\"coordinates\": «N»", "Drop pin: «N»"],
	"hash": ["sha: «N»", "commit «N»", "checksum «N»  release.tar.gz", "etag \"«N»\"", "fixed in «N»",
		 "digest=«N»"],
	"UUID": ["request id «N» failed", "trace_id=«N»", "Tenant «N» is over quota.", "{\"id\": \"«N»\"}",
		 "session «N» expired", "See run «N» in the dashboard."],
	"phone-like number, non-phone context": ["part «N» is out of stock", "SKU «N» discontinued",
						 "Invoice no. «N» attached.", "batch «N» failed QA", "ISBN «N»",
						 "serial number «N»", "EAN «N»", "item «N» x 3",
						 "account ID «N» (internal)", "build «N» passed"],
	"IMEI (Luhn-valid)": ["IMEI «N»", "Device IMEI: «N» reported stolen.", "imei=«N» model=SM-G991B",
			      "Phone with IMEI «N» needs a repair.", "*#06# shows «N»", "IMEI «N» blacklisted"],
	"ICCID (Luhn-valid)": ["SIM ICCID «N»", "ICCID: «N» activated.", "iccid=«N»",
			       "Replace the SIM («N») please.", "eSIM profile «N» downloaded", "ICCID «N» suspended"],
	"MAC address": ["MAC «N»", "Device «N» joined the network.", "hwaddr=«N»", "ether «N»  txqueuelen 1000",
			"DHCP lease for «N»", "BSSID «N»"],
	"OID / section number": ["OID «N»", "See section «N» of the spec.", "snmpget «N»", "clause «N» applies",
				 "per RFC 5280 section «N»", "requirement «N» is met"],
	"@ but not an e-mail": ["npm install «N»", "Pin «N» in package.json", "image: «N»", "cc «N» on this",
				"The route is registered with «N»", "ping «N» please"],
	"EIN": ["EIN «N»", "Employer ID «N» on the 1099", "Federal Tax ID: «N»", "FEIN «N» (company)",
		"Our EIN is «N».", "tax id «N» for the vendor form"],
	"ABA routing number": ["routing number «N»", "ABA «N»", "Routing: «N», account ending 4321", "RTN «N»",
			       "wire routing «N»", "ACH routing «N» for payroll"],
}

FILL = {
	"name": lambda g: g.choice(["Maria Garcia", "Wei Chen", "Fatima Khan", "Liam O'Connor", "Zoë Müller",
				    "José Álvarez", "Søren Larsen", "Łukasz Nowak", "François Dubois", "Ananya Patel",
				    "Giulia Rossi", "Pieter de Vries", "Yuki Tanaka", "Omar Haddad", "Chloé Martin",
				    "Hannah Weber", "Mateo López", "Ines Costa"]),
	"first": lambda g: g.choice(FIRST).capitalize(),
	"last": lambda g: g.choice(LAST),
	"city": lambda g: g.choice(["Berlin", "München", "Paris", "Lyon", "Milano", "Madrid", "Amsterdam", "London",
				    "Zürich", "Kraków", "Austin", "Toronto", "Sevilla", "Utrecht"]),
	"company": lambda g: g.choice(["Acme GmbH", "Northwind Ltd", "Globex S.A.", "Initech B.V.", "Hooli S.r.l."]),
	"date": lambda g: "%04d-%02d-%02d" % (g.r.randint(2023, 2026), g.r.randint(1, 12), g.r.randint(1, 28)),
	"time": lambda g: "%02d:%02d:%02d" % (g.r.randint(0, 23), g.r.randint(0, 59), g.r.randint(0, 59)),
	"ticket": lambda g: g.choice(["#%d" % g.r.randint(1000, 99999), "SUP-%d" % g.r.randint(100, 9999),
				      "TCK%d" % g.r.randint(10000, 99999)]),
	"user": lambda g: g.choice(FIRST) + "_" + g.choice(LAST),
	"reqid": lambda g: g.hexs(12),
	"n": lambda g: str(g.r.randint(2, 99999)),
	"port": lambda g: str(g.r.randint(1024, 65535)),
	"amount": lambda g: g.choice(["$%d.%02d" % (g.r.randint(5, 999), g.r.randint(0, 99)),
				      "€%d,%02d" % (g.r.randint(5, 999), g.r.randint(0, 99)), "EUR %d" % g.r.randint(10, 5000)]),
	"bic": lambda g: g.letters(4) + g.choice(["DE", "FR", "NL", "IT", "ES", "GB"]) + g.letters(2),
}
FILL["name2"] = FILL["name"]

SLOT = re.compile("«([A-Za-z0-9]+\\+?)»")


# ---- building texts -------------------------------------------------------------

class Builder:
	"""One text: pieces of str, with the byte offsets of labelled slots."""

	def __init__(self):
		self.parts = []
		self.nbytes = 0
		self.labels = []
		self.negatives = []

	def add(self, s):
		self.parts.append(s)
		self.nbytes += len(s.encode("utf-8"))

	def mark(self, s):
		start = self.nbytes
		self.add(s)
		return start, self.nbytes

	def text(self):
		return "".join(self.parts)


def wrap(g, typ):
	"""Punctuation put right around a value now and then: quotes, brackets, markdown."""
	if not g.chance(0.12):
		return "", ""
	pairs = [("(", ")"), ("\"", "\""), ("'", "'"), ("[", "]"), ("`", "`"), ("**", "**"), ("“", "”")]
	if typ == "EMAIL":
		pairs.append(("<", ">"))
	return g.choice(pairs)


def decorate_ip(g, v, variant):
	"""The text around an IP: a port, a prefix length, a URL, IPv6 brackets."""
	if variant.endswith("bracket-port"):
		return "[", "]:" + str(g.r.randint(1, 65535))
	if variant == "port":
		return "", ":" + str(g.r.randint(1, 65535))
	if variant == "cidr":
		return "", "/" + str(g.choice([8, 12, 16, 20, 24, 28, 32]))
	if variant == "url":
		return g.choice(["http://", "https://"]), g.choice(["/", ":8443/admin", "/login?next=/"])
	return "", ""


def fill_template(g, b, tpl, tpl_id, item, extra_items):
	"""Write a template into b with item at «V» (and extra positives at «V2»)."""
	kind, typ, sub, value, variant, strong = item
	pos = 0
	for m in SLOT.finditer(tpl):
		b.add(tpl[pos:m.start()])
		pos = m.end()
		slot = m.group(1)
		name = slot.rstrip("+")
		if name in ("V", "V2", "N"):
			it = item if name in ("V", "N") else extra_items.pop(0)
			k, t, s, v, var, _ = it
			if k == "neg":
				start, end = b.mark(v)
				b.negatives.append({"kind": t, "variant": var, "tpl": tpl_id, "start": start, "end": end})
				continue
			pre, post = wrap(g, t)
			ipre, ipost = decorate_ip(g, v, var) if t == "IP" else ("", "")
			b.add(pre + ipre)
			start, end = b.mark(v)
			b.add(ipost + post)
			b.labels.append({"type": t, "sub": s, "variant": var, "ctx": slot.endswith("+"), "tpl": tpl_id,
					 "start": start, "end": end})
		elif name == "ctx":
			b.add(g.choice(g.half(CTX[typ])))
		elif name == "key":
			b.add(g.choice(g.half(KEYS[typ])))
		else:
			b.add(FILL[name](g))
	b.add(tpl[pos:])


def make_item(g, entry):
	if entry[0] == "pos":
		_, typ, sub, fn = entry
		v, variant, strong = fn(g)
		return ("pos", typ, sub, v, variant, strong)
	_, kind, fn = entry
	v, variant = fn(g)
	return ("neg", kind, kind, v, variant, True)


def choose_template(g, item):
	"""A template (text, id) of this split for an item; positives get context unless strong allows none."""
	kind, typ = item[0], item[1]
	if kind == "neg":
		i, t = g.choice(g.half_indexed(NEG_TEMPLATES[typ]))
		return t, "neg.%s.%d" % (typ, i)
	typed = g.half_indexed(TYPED[typ])
	with_ctx = [(t, "%s.%d" % (typ.lower(), i)) for i, t in typed if "«V+»" in t] + \
		[(t, "generic.%d" % i) for i, t in g.half_indexed(GENERIC)]
	without = [(t, "%s.%d" % (typ.lower(), i)) for i, t in typed if "«V»" in t] + \
		[(t, "noctx.%d" % i) for i, t in g.half_indexed(GENERIC_NOCTX)]
	strong = item[5]
	if strong and without and g.chance(0.45):
		return g.choice(without)
	return g.choice(with_ctx)


def generate(split, seed, per_format, per_negative):
	g = Gen(seed, split)
	queue = []
	for typ, sub, fn in POSITIVES:
		queue += [("pos", typ, sub, fn)] * per_format
	for kind, fn in NEGATIVES:
		queue += [("neg", kind, fn)] * per_negative
	g.r.shuffle(queue)
	texts = []
	while queue:
		b = Builder()
		nparts = 1 if g.chance(0.6) else 2 if g.chance(0.75) else 3
		for p in range(nparts):
			if not queue:
				break
			item = make_item(g, queue.pop())
			tpl, tpl_id = choose_template(g, item)
			extra = []
			for m in SLOT.finditer(tpl):
				if m.group(1).startswith("V2"):
					# a second value of the same type, from the queue when one is left
					it = second_value(g, queue, item[1], m.group(1).endswith("+"))
					if it is None:
						tpl, tpl_id = None, None
						break
					extra.append(it)
			if tpl is None:
				tpl, tpl_id = choose_single(g, item)
			if p:
				b.add(g.choice([" ", " ", "\n", "\n\n", " | ", "; "]))
			fill_template(g, b, tpl, tpl_id, item, extra)
		texts.append(b)
	return texts


def second_value(g, queue, typ, ctx):
	"""Take a queued positive of type typ for a «V2» slot (a weak format only where ctx is given)."""
	for j in range(len(queue) - 1, max(-1, len(queue) - 300), -1):
		if queue[j][0] == "pos" and queue[j][1] == typ:
			it = make_item(g, queue[j])
			if ctx or it[5]:
				del queue[j]
				return it
	return None


def choose_single(g, item):
	while True:
		tpl, tpl_id = choose_template(g, item)
		if "«V2" not in tpl:
			return tpl, tpl_id


# ---- self-check -------------------------------------------------------------------

def selfcheck():
	assert luhn_ok("4111111111111111") and luhn_ok("378282246310005") and not luhn_ok("4111111111111112")
	assert iban_ok("DE89370400440532013000") and iban_ok("GB29NWBK60161331926819")
	assert iban_check("DE", "370400440532013000") == "89"
	assert es_dc("2100", "0418", "0200051332") == "45"  # ES9121000418450200051332
	assert it_cin("05428", "11101", "000000123456") == "X"  # IT60X0542811101000000123456
	assert rib_key("20041", "01005", "0500013M026") == "06"  # FR1420041010050500013M02606
	assert be_check("5390075470") == "34"  # BE68539007547034
	assert v6_compress(["2001", "db8", "0", "0", "0", "0", "2", "1"]) == "2001:db8::2:1"


def check_text(rec):
	raw = rec["text"].encode("utf-8")
	for lab in rec["labels"]:
		v = raw[lab["start"]:lab["end"]].decode("utf-8")
		if lab["type"] == "CARD":
			assert luhn_ok(re.sub("[ -]", "", v)), v
		elif lab["type"] == "IBAN":
			assert iban_ok(v), v
		elif lab["type"] == "SSN":
			d = re.sub("[ -]", "", v)
			assert len(d) == 9 and d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000", v
		elif lab["type"] == "EMAIL":
			assert re.fullmatch(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", v), v
	for neg in rec["negatives"]:
		v = raw[neg["start"]:neg["end"]].decode("utf-8")
		if neg["kind"] == "card failing Luhn":
			assert not luhn_ok(re.sub("[ -]", "", v)), v
		elif neg["kind"] == "IBAN failing mod-97":
			assert not iban_ok(v), v


def main():
	ap = argparse.ArgumentParser(description="Generate tollgate's held-out labelled PII corpus (JSON lines).")
	ap.add_argument("--split", choices=sorted(SEEDS), required=True)
	ap.add_argument("--seed", type=int, help="override the split's seed")
	ap.add_argument("--per-format", type=int, default=40, help="values per positive sub-format (default 40)")
	ap.add_argument("--per-negative", type=int, default=60, help="near misses per negative kind (default 60)")
	ap.add_argument("-o", "--output", help="write here instead of stdout")
	a = ap.parse_args()
	seed = SEEDS[a.split] if a.seed is None else a.seed
	selfcheck()
	out = open(a.output, "w", encoding="utf-8") if a.output else sys.stdout
	for i, b in enumerate(generate(a.split, seed, a.per_format, a.per_negative)):
		rec = {"id": "%s-%05d" % (a.split, i + 1), "split": a.split, "seed": seed, "text": b.text(),
		       "labels": b.labels, "negatives": b.negatives}
		check_text(rec)
		out.write(json.dumps(rec, ensure_ascii=False) + "\n")
	if out is not sys.stdout:
		out.close()


if __name__ == "__main__":
	main()
