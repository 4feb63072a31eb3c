#!/usr/bin/env python3
"""
pii_holdout2.py - the second blind held-out PII corpus for tollgate's pattern
detectors (EMAIL, PHONE, SSN, CARD, IBAN, IP): the final score of issue 4,
item 6.

What it is
  About 2,000 texts of the kind agents send and receive (chat prompts and
  model replies, support tickets, CRM/HR/billing/FHIR JSON tool results,
  function-call arguments, nginx/syslog/postfix/JSON logs, CSV, TSV and
  markdown tables, e-mails with signatures, vCards and calendar invites,
  YAML/INI/.env/Terraform/Kubernetes config, SQL, HTTP and devtools dumps,
  stack traces, SOAP/XML, HL7 v2, SWIFT MT103, bank statements, OCR'd
  receipts and invoices, RAG chunks pasted from PDFs, Slack exports, meeting
  transcripts, Jira/GitHub issues with code blocks, shipping manifests, forms
  and letters), in English, German, French, Italian, Spanish and Dutch, with
  context words also in Portuguese, Polish, Swedish, Danish, Norwegian,
  Czech, Finnish, Turkish, Greek, Japanese and Chinese. Every PII value is
  labelled (names and street addresses, out of scope, are not); every
  look-alike is labelled as a negative.

How it was written
  By an engineer ("hhold2") who never saw tollgate's rules nor the first
  blind set. Values are generated from the formats' own specifications:
  RFC 5321/5322 addresses (dot-atom local parts with plus tags, apostrophes,
  digits; subdomains, multi-label public suffixes, new gTLDs, IDNA punycode
  domains made with Python's idna codec); numbering plans of Ofcom (UK),
  BNetzA (DE), ARCEP (FR), AGCOM (IT), CNMC (ES), ACM (NL) and the NANP
  (NPA/NXX rules, N11 and 555 exclusions, 555-01XX, toll-free codes), and
  E.164 for 25 other countries with their real mobile and geographic
  prefixes; SSA rules for SSNs (area 001-899 except 666, group 01-99, serial
  0001-9999; the voided advertising numbers left out); ISO/IEC 7812 IIN
  ranges and lengths with the Luhn digit (Visa, Mastercard 51-55 and
  2221-2720, Amex, Discover, JCB, Diners, UnionPay, Maestro); ISO 13616 IBANs
  (bench/pii_corpus.py's BBAN table and check-digit functions, imported, plus
  16 more registry countries written here); IPv4 and IPv6 (RFC 4291, RFC
  5952 text form, embedded IPv4), checked with Python's ipaddress module.
  The templates, context phrasings and distractors are this file's own;
  only the value helpers and check-digit functions of pii_corpus.py are
  imported, and its output schema and sub-format names are reused so the
  scorer classifies values identically (weak: PHONE/XX-national,
  PHONE/NANP-plain, SSN/plain, SSN/spaced; everything else strong).

Blindness rules it was written under
  Not read: policies/redaction*.json, userspace/detectors.[ch],
  userspace/redact*.c, userspace/tablectx.c, tests/unit/test_detectors*.c,
  tests/unit/test_tablectx.c, bench/RESULTS-redaction.md, their git history,
  the README's Redaction section, anything under /work/notes other than the
  brief, bench/pii_holdout.py (the first blind set) or any other *holdout*
  file. No detector was run on this corpus or on anything else while it was
  written, and nothing was done to find out what the rules catch. The only
  look at bench/redaction.c was a grep for "weak" and its ho_weak_format()
  with the lines that call it (which sub-formats the scorer calls weak), to
  label the same kinds of value with the same names.

Labels
  "ctx" is true exactly when a word naming the value's type (phone, Telefon,
  portable, móvil, cellulare, mobiel, telemóvel, komórka, SSN, social
  security, card, Visa, Karte, IBAN, account, Konto, e-mail, mail, courriel,
  IP, address, host, server, ...) is on the same line, in the same sentence,
  is the value's JSON/XML/YAML key, or is its table column header. Verbs and
  vague nouns ("call me on", "my number", "contact", "reach"), a telephone
  emoji and one-letter signature prefixes ("M:", "T") do not count: they are
  hints, and a weak value is put only where no hint is on its line, or where
  a real naming word is. The self-check below verifies these claims line by
  line with multilingual word lists.

  URL-encoded addresses: "jane.doe%40example.com" as the value of a URL
  query or form parameter is labelled EMAIL (sub "EMAIL/url-encoded"):
  a careful reader of a logged URL recognises it as an e-mail address and
  it is as personal as the decoded form. The label covers exactly the
  encoded text. "mailto:" is never part of a label.

  Negatives (must not be detected): each is checked to be invalid for the
  format it imitates, or not PII, and never a valid value of a strong
  format (the only look-alikes that are syntactically valid IPv4 are
  four-part version and section numbers, with a word saying so on their
  line; the only e-mail-shaped ones are git remotes user@host:path).
  Phone- and SSN-shaped negatives of a weak format never have a word naming
  phones or SSNs on their line.

Self-check, run every time before writing: text[start:end] is the value,
labels and negatives do not overlap, every value re-validated by its spec,
every negative invalid or non-PII, no unlabelled value of any of the six
types anywhere else in a text (an independent scan), the ctx claims, and
determinism (the corpus is generated twice and compared).

Output: JSON lines, the schema of bench/pii_corpus.py:
  {"id": "holdout2-00001", "split": "holdout2", "seed": 4471093,
   "text": "...", "labels": [{"type", "sub", "variant", "ctx", "tpl",
   "start", "end"}], "negatives": [{"kind", "variant", "tpl", "start",
   "end"}]}
start/end are UTF-8 byte offsets, end exclusive.

Usage: python3 bench/pii_holdout2.py -o FILE      (Python 3 standard library)
"""
import argparse
import ipaddress
import json
import os
import random
import re
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ in bench/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_corpus as pc  # noqa: E402  (value helpers and check digits only)

SEED = 4471093
SPLIT = "holdout2"


# ---- random helpers ---------------------------------------------------------


class Rng:
	"""One random stream for everything (values, templates, fillers)."""

	def __init__(self, seed):
		self.r = random.Random(seed)
		# pii_corpus's IBAN generator takes its own Gen; make it draw from ours
		self.pg = pc.Gen(0, "test")
		self.pg.r = self.r

	def pick(self, seq):
		return self.r.choice(seq)

	def chance(self, p):
		return self.r.random() < p

	def int(self, a, b):
		return self.r.randint(a, b)

	def d(self, n, first="0123456789"):
		"""n digits, the first one from first."""
		if n == 0:
			return ""
		return self.r.choice(first) + "".join(self.r.choice("0123456789") for _ in range(n - 1))

	def hexs(self, n):
		return "".join(self.r.choice("0123456789abcdef") for _ in range(n))

	def upper(self, n):
		return "".join(self.r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))

	def alnum(self, n, alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"):
		return "".join(self.r.choice(alphabet) for _ in range(n))


def luhn_digit(payload):
	return pc.luhn_digit(payload)


def luhn_ok(number):
	return len(number) > 1 and number.isdigit() and pc.luhn_ok(number)


def group(s, sizes, sep):
	out, i = [], 0
	for k in sizes:
		if i >= len(s):
			break
		out.append(s[i:i + k])
		i += k
	if i < len(s):
		out.append(s[i:])
	return sep.join(out)


# ---- EMAIL ------------------------------------------------------------------

GIVEN = ["amara", "henrik", "beatriz", "kenji", "malgorzata", "dmitri", "aoife", "lars", "chiara", "javier",
	 "anouk", "sebastien", "mehmet", "priya", "tomas", "nadia", "juergen", "eleni", "meilin", "oluwaseun",
	 "carmen", "willem", "agnieszka", "rafael", "ingrid", "matteo", "camille", "noura", "ethan", "grace",
	 "katerina", "mikko", "sven", "lucia", "thijs", "franziska", "marco", "helene", "david", "olivia"]
FAMILY = ["okafor", "sundqvist", "carvalho", "watanabe", "wisniewska", "volkov", "gallagher", "eriksen",
	  "ferraro", "morales", "bakker", "lefevre", "yilmaz", "raghunathan", "obriain", "elamrani", "hoffmann",
	  "papadopoulou", "tan", "adeyemi", "ruiz", "vandijk", "zielinska", "souza", "solberg", "conti",
	  "girard", "haddad", "brooks", "oneill", "horakova", "virtanen", "gunnarsson", "navarro", "jansen",
	  "becker", "esposito", "marchand", "kim", "bennett"]
APOS_FAMILY = ["o'neill", "o'brien", "d'angelo", "o'sullivan", "d'souza", "o'connell", "l'heureux", "d'arcy"]
ORG_DOMAINS = ["brightline-logistics.de", "nordlys.no", "quintessa.it", "verdantfoods.nl", "atelier-roux.fr",
	       "solenne.co.uk", "cascadia-robotics.com", "farolseguros.pt", "kestrelhealth.org", "polarisbank.eu",
	       "tidewater.io", "lindqvist.se", "halvorsen-bygg.no", "mirador-hoteles.es", "vitrum.cz",
	       "kaskadi.fi", "ozturk-tekstil.com.tr", "orbisdata.com", "pinecrest.edu", "harbourline.com.au"]
FREEMAIL = ["gmail.com", "outlook.com", "yahoo.co.uk", "gmx.net", "web.de", "t-online.de", "laposte.net",
	    "free.fr", "libero.it", "virgilio.it", "telefonica.net", "hotmail.es", "kpnmail.nl", "xs4all.nl",
	    "sapo.pt", "wp.pl", "o2.pl", "seznam.cz", "protonmail.com", "icloud.com", "me.com", "hey.com",
	    "fastmail.com", "naver.com", "qq.com", "bluewin.ch", "telenet.be", "live.se"]
ORG_WORDS = ["brightline", "nordlys", "quintessa", "verdant", "roux", "solenne", "cascadia", "farol", "kestrel",
	     "polaris", "tidewater", "lindqvist", "mirador", "vitrum", "orbis", "pinecrest", "harbourline",
	     "alder-and-finch", "saltmarsh", "copperleaf"]
NEW_TLDS = ["dev", "app", "io", "ai", "tech", "cloud", "shop", "agency", "consulting", "photography", "berlin",
	    "paris", "amsterdam", "london", "nyc", "xyz", "online", "studio", "finance", "museum", "travel",
	    "health", "law", "engineering", "company"]
SUFFIX2 = ["co.uk", "org.uk", "ac.uk", "com.au", "co.nz", "co.jp", "com.br", "com.mx", "gv.at", "co.za",
	   "com.tr", "edu.pl", "gov.uk", "nhs.uk"]
SUBLABELS = ["mail", "eu", "corp", "it", "hr.ops", "alumni", "mx", "us-east", "students", "research",
	     "billing", "lists", "dept.legal", "emea"]
IDN_LABELS = ["köln-reisen", "zürich-versicherung", "bäckerei-müller", "ålesund-havn", "łódź-design",
	      "göteborg-bygg", "café-lumière", "søstrene-dahl", "española-de-seguros", "málaga-tours",
	      "straßen-bau", "ñandú"]
PLUS_TAGS = ["invoices", "jira", "newsletter", "2025", "amazon", "ci", "spam", "shop", "alerts", "hr", "test",
	     "linkedin", "receipts", "beta"]


def email_local(g, first=None, last=None):
	f = first or g.pick(GIVEN)
	l = last or g.pick(FAMILY)
	return g.pick([f + "." + l, f + l, f[0] + l, f + "_" + l, f + "-" + l, l + "." + f, f + "." + l[0],
		       f, l + f[0], f[0] + "." + l])


def idna_label(s):
	return s.encode("idna").decode("ascii")


def email_value(g, sub):
	"""(address, variant) for a sub-format of EMAIL."""
	if sub == "basic":
		if g.chance(0.5):
			return email_local(g) + "@" + g.pick(FREEMAIL), "freemail"
		return email_local(g) + "@" + g.pick(ORG_DOMAINS), "company"
	if sub == "plus-tag":
		dom = g.pick(FREEMAIL + ORG_DOMAINS)
		return email_local(g) + "+" + g.pick(PLUS_TAGS) + "@" + dom, "plus tag"
	if sub == "subdomain":
		if g.chance(0.5):
			return email_local(g) + "@" + g.pick(SUBLABELS) + "." + g.pick(ORG_DOMAINS), "subdomain"
		return email_local(g) + "@" + g.pick(ORG_WORDS) + "." + g.pick(SUFFIX2), "two-label suffix"
	if sub == "long-tld":
		return email_local(g) + "@" + g.pick(ORG_WORDS) + "." + g.pick(NEW_TLDS), "new gTLD"
	if sub == "digits-underscore":
		f = g.pick(GIVEN)
		loc = g.pick([f + "_" + g.d(g.int(2, 4)), f + g.d(g.int(2, 4)), f + "." + g.pick(FAMILY) + g.d(2),
			      g.d(g.int(5, 8), "123456789") + "+" + f, f[0] + g.pick(FAMILY) + "_" + g.d(2),
			      "user" + g.d(6, "123456789")])
		dom = g.pick([g.pick(FREEMAIL), g.pick(ORG_WORDS) + g.d(g.int(1, 3), "123456789") + ".com",
			      "users.noreply.github.com"])
		return loc + "@" + dom, "digits"
	if sub == "mixed-case":
		f, l = g.pick(GIVEN).capitalize(), g.pick(FAMILY).capitalize()
		dom = g.pick(ORG_DOMAINS)
		if g.chance(0.3):
			return (f + "." + l + "@" + dom).upper(), "all caps"
		return f + "." + l + "@" + dom.split(".")[0].capitalize() + "." + ".".join(dom.split(".")[1:]), "capitalised"
	if sub == "punycode":
		return email_local(g) + "@" + idna_label(g.pick(IDN_LABELS)) + "." + g.pick(["de", "ch", "no", "pl", "se",
											  "fr", "dk", "es", "com"]), "IDNA punycode"
	if sub == "apostrophe":
		return g.pick(GIVEN) + "." + g.pick(APOS_FAMILY) + "@" + g.pick(ORG_DOMAINS + FREEMAIL), "apostrophe"
	if sub == "url-encoded":
		a, _ = email_value(g, g.pick(["basic", "subdomain", "long-tld", "digits-underscore"]))
		return a.replace("@", "%40"), "percent-encoded @"
	raise ValueError(sub)


# ---- PHONE: national numbering plans ---------------------------------------------
#
# A national number is (area, subscriber groups, kind): area without the trunk
# prefix (UK, DE, FR, NL write "0" + area nationally and drop it after +CC; IT
# keeps its 0 in the area; ES has none).


def uk_parts(g):
	k = g.pick(["london", "2+8", "011x", "01x1", "01xxx", "mobile", "mobile", "mobile", "03", "0800"])
	if k == "london":
		return "20", [g.d(4, "378"), g.d(4)], "london"
	if k == "2+8":
		area, lead = g.pick([("29", "2"), ("23", "8"), ("24", "7"), ("28", "9")])
		return area, [lead + g.d(3), g.d(4)], "2+8"
	if k == "011x":
		return "11" + g.pick("345678"), [g.d(3, "23456789"), g.d(4)], "011x"
	if k == "01x1":
		return "1" + g.pick("234569") + "1", [g.d(3, "23456789"), g.d(4)], "01x1"
	if k == "01xxx":
		return g.pick(["1223", "1865", "1632", "1392", "1273", "1904", "1524", "1603"]), [g.d(6, "23456789")], \
			"01xxx"
	if k == "mobile":
		if g.chance(0.25):
			return "7700", ["900" + g.d(3)], "mobile"  # Ofcom's drama range
		return "7" + g.pick("1234579") + g.d(2), [g.d(6)], "mobile"
	if k == "03":
		return "3" + g.pick(["00", "03", "30", "33", "43", "45", "70", "71"]), [g.d(3), g.d(4)], "03 non-geo"
	return "800", [g.d(3, "123456789"), g.d(4)], "0800 freephone"


DE_BIG = ["30", "40", "69", "89"]
DE_MID = ["221", "211", "711", "341", "351", "421", "511", "911", "231", "561", "201", "621"]
DE_SMALL = ["6221", "7071", "4621", "2131", "3741", "8131", "5251", "9131", "7531", "3871"]


def de_parts(g):
	if g.chance(0.45):
		pre = g.pick(["151", "152", "157", "159", "160", "162", "163", "170", "171", "172", "173", "174", "175",
			      "176", "177", "178", "179"])
		n = 8 if pre[:2] == "15" else 7 if pre[:2] == "16" else g.pick([7, 8])
		return pre, g.d(n, "123456789"), "mobile"
	t = g.pick(["big", "mid", "small"])
	if t == "big":
		return g.pick(DE_BIG), g.d(g.pick([7, 8]), "23456789"), "landline"
	if t == "mid":
		return g.pick(DE_MID), g.d(g.pick([6, 7]), "23456789"), "landline"
	return g.pick(DE_SMALL), g.d(g.pick([5, 6]), "23456789"), "landline"


def fr_parts(g):
	lead = g.pick("12345667799")
	if lead == "7":
		first = g.pick("3456789")
		return lead, [first + g.d(1)] + [g.d(2) for _ in range(3)], "mobile"
	kind = "mobile" if lead == "6" else "voip" if lead == "9" else "landline"
	return lead, [g.d(2) for _ in range(4)], kind


def it_parts(g):
	if g.chance(0.5):
		pre = g.pick(["320", "324", "327", "328", "329", "331", "333", "334", "335", "338", "339", "340", "342",
			      "345", "347", "348", "349", "351", "366", "371", "377", "380", "389", "392", "393"])
		return pre, g.d(7), "mobile"
	area = g.pick(["02", "06", "011", "010", "051", "055", "081", "041", "045", "091", "070", "080", "0471",
		       "0331", "0544", "0423"])
	n = {2: 8, 3: 7, 4: 6}[len(area)]
	return area, g.d(n, "123456789"), "landline"


def es_parts(g):
	if g.chance(0.5):
		if g.chance(0.8):
			return g.d(9, "6"), "mobile"
		return "7" + g.pick("1234") + g.d(7), "mobile"
	pre = g.pick(["91", "93", "96", "95", "94", "98", "97", "92", "881", "871", "828", "822", "848", "865"])
	return pre + g.d(9 - len(pre), "123456789"), "landline"


NL_AREA2 = ["10", "13", "15", "20", "23", "24", "26", "30", "33", "35", "36", "38", "40", "43", "45", "46", "50",
	    "53", "55", "58", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79"]
NL_AREA3 = ["113", "117", "162", "172", "180", "182", "222", "229", "252", "297", "318", "320", "341", "345",
	    "413", "475", "485", "499", "513", "524", "543", "546", "570", "575", "592", "599"]


def nl_parts(g):
	if g.chance(0.45):
		return "6", g.d(8, "12345"), "mobile"
	if g.chance(0.55):
		return g.pick(NL_AREA2), g.d(7, "23456789"), "2-digit area"
	return g.pick(NL_AREA3), g.d(6, "23456789"), "3-digit area"


def national_value(g, cc, form):
	"""A number of one of the six national plans; form "national" or "intl"."""
	if cc == "UK":
		area, groups, kind = uk_parts(g)
		if form == "national":
			st = g.pick(["spaced", "spaced", "spaced", "paren", "compact"])
			if st == "paren" and kind == "mobile":
				st = "spaced"
			head = "0" + area
			if st == "spaced":
				return head + " " + " ".join(groups), kind + " spaced"
			if st == "paren":
				return "(" + head + ") " + " ".join(groups), kind + " paren"
			return head + "".join(groups), kind + " compact"
		st = g.pick(["plus", "plus", "plus (0)", "plus compact", "00", "plus dashed"])
		if st == "plus":
			return "+44 " + area + " " + " ".join(groups), kind + " +44 spaced"
		if st == "plus (0)":
			return "+44 (0)" + area + " " + " ".join(groups), kind + " +44 (0)"
		if st == "plus compact":
			return "+44" + area + "".join(groups), kind + " +44 compact"
		if st == "00":
			return "0044 " + area + " " + " ".join(groups), kind + " 0044"
		return "+44-" + area + "-" + "-".join(groups), kind + " +44 dashed"
	if cc == "DE":
		area, sub, kind = de_parts(g)
		if form == "national":
			st = g.pick(["spaced", "spaced", "grouped", "slash", "slash", "paren", "dashed", "compact", "din-ext"])
			head = "0" + area
			if st == "spaced":
				return head + " " + sub, kind + " spaced"
			if st == "grouped":
				return head + " " + group(sub, [3, 3, 2] if len(sub) == 8 else [3, 2, 2], " "), kind + " grouped"
			if st == "slash":
				return head + g.pick(["/", " / "]) + sub, kind + " slash"
			if st == "paren":
				return "(" + head + ") " + sub, kind + " paren"
			if st == "dashed":
				return head + "-" + sub, kind + " dashed"
			if st == "din-ext" and kind == "landline":
				return head + " " + sub[:-2] + "-" + sub[-2:], kind + " DIN 5008 direct-dial"
			return head + sub, kind + " compact"
		st = g.pick(["plus", "plus", "plus (0)", "plus compact", "00", "plus dashed"])
		if st == "plus":
			return "+49 " + area + " " + sub, kind + " +49 spaced"
		if st == "plus (0)":
			return "+49 (0)" + area + " " + sub, kind + " +49 (0)"
		if st == "plus compact":
			return "+49" + area + sub, kind + " +49 compact"
		if st == "00":
			return "0049 " + area + " " + sub, kind + " 0049"
		return "+49-" + area + "-" + sub, kind + " +49 dashed"
	if cc == "FR":
		lead, groups, kind = fr_parts(g)
		if form == "national":
			st = g.pick(["spaced", "spaced", "spaced", "dotted", "dashed", "compact", "nbsp"])
			parts = ["0" + lead] + groups
			if st == "spaced":
				return " ".join(parts), kind + " spaced"
			if st == "dotted":
				return ".".join(parts), kind + " dotted"
			if st == "dashed":
				return "-".join(parts), kind + " dashed"
			if st == "nbsp":
				return "\u00a0".join(parts), kind + " no-break spaces"
			return "".join(parts), kind + " compact"
		st = g.pick(["plus", "plus", "plus (0)", "plus compact", "00"])
		if st == "plus":
			return "+33 " + lead + " " + " ".join(groups), kind + " +33 spaced"
		if st == "plus (0)":
			return "+33 (0)" + lead + " " + " ".join(groups), kind + " +33 (0)"
		if st == "plus compact":
			return "+33" + lead + "".join(groups), kind + " +33 compact"
		return "0033 " + lead + " " + " ".join(groups), kind + " 0033"
	if cc == "IT":
		area, sub, kind = it_parts(g)
		if form == "national":
			st = g.pick(["spaced", "spaced", "grouped", "compact", "dashed", "slash"])
			if st == "spaced":
				return area + " " + sub, kind + " spaced"
			if st == "grouped":
				return area + " " + group(sub, [3, 4] if len(sub) == 7 else [4, 4] if len(sub) == 8 else [3, 3],
							 " "), kind + " grouped"
			if st == "dashed":
				return area + "-" + sub, kind + " dashed"
			if st == "slash":
				return area + "/" + sub, kind + " slash"
			return area + sub, kind + " compact"
		st = g.pick(["plus", "plus", "plus compact", "00", "plus dashed"])
		if st == "plus":
			return "+39 " + area + " " + g.pick([sub, group(sub, {6: [3, 3], 7: [3, 4], 8: [4, 4]}[len(sub)], " ")]), \
				kind + " +39 spaced"
		if st == "plus compact":
			return "+39" + area + sub, kind + " +39 compact"
		if st == "00":
			return "0039 " + area + " " + sub, kind + " 0039"
		return "+39-" + area + "-" + sub, kind + " +39 dashed"
	if cc == "ES":
		d9, kind = es_parts(g)
		if form == "national":
			st = g.pick(["3-3-3", "3-3-3", "2-2", "compact"])
			if st == "3-3-3":
				return group(d9, [3, 3, 3], " "), kind + " 3-3-3"
			if st == "2-2":
				if kind == "mobile" or d9[:2] in ("88", "87", "82", "84", "86"):
					return group(d9, [3, 2, 2, 2], " "), kind + " 3-2-2-2"
				return group(d9, [2, 3, 2, 2], " "), kind + " 2-3-2-2"
			return d9, kind + " compact"
		st = g.pick(["plus", "plus", "plus compact", "00"])
		if st == "plus":
			return "+34 " + g.pick([group(d9, [3, 3, 3], " "), group(d9, [3, 2, 2, 2], " ")]), kind + " +34 spaced"
		if st == "plus compact":
			return "+34" + d9, kind + " +34 compact"
		return "0034 " + group(d9, [3, 3, 3], " "), kind + " 0034"
	if cc == "NL":
		area, sub, kind = nl_parts(g)
		if form == "national":
			head = "0" + area
			st = g.pick(["dashed", "dashed", "spaced", "grouped", "paren", "compact"])
			if st == "paren" and kind == "mobile":
				st = "dashed"
			if st == "dashed":
				return head + "-" + sub, kind + " dashed"
			if st == "spaced":
				return head + " " + sub, kind + " spaced"
			if st == "grouped":
				if area == "6":
					return head + " " + g.pick([group(sub, [4, 4], " "), group(sub, [2, 2, 2, 2], " ")]), \
						kind + " grouped"
				return head + " " + group(sub, [3, 4] if len(sub) == 7 else [2, 2, 2], " "), kind + " grouped"
			if st == "paren":
				return "(" + head + ") " + sub, kind + " paren"
			return head + sub, kind + " compact"
		st = g.pick(["plus", "plus", "plus (0)", "plus compact", "00", "plus dashed"])
		if st == "plus":
			return "+31 " + area + " " + sub, kind + " +31 spaced"
		if st == "plus (0)":
			return "+31 (0)" + area + " " + sub, kind + " +31 (0)"
		if st == "plus compact":
			return "+31" + area + sub, kind + " +31 compact"
		if st == "00":
			return "0031 " + area + " " + sub, kind + " 0031"
		return "+31-" + area + "-" + sub, kind + " +31 dashed"
	raise ValueError(cc)


# ---- PHONE: NANP ------------------------------------------------------------------

NANP_US = ["201", "202", "206", "212", "213", "215", "224", "239", "251", "267", "281", "305", "310", "312", "315",
	   "323", "332", "347", "385", "402", "404", "412", "415", "425", "434", "470", "503", "512", "540", "551",
	   "571", "602", "614", "617", "619", "628", "646", "650", "657", "678", "689", "702", "703", "706", "713",
	   "718", "720", "737", "747", "754", "770", "773", "786", "802", "808", "813", "818", "828", "832", "847",
	   "857", "862", "904", "909", "917", "929", "947", "971", "980"]
NANP_CA = ["204", "236", "250", "289", "306", "343", "403", "416", "418", "431", "437", "438", "450", "506", "514",
	   "519", "587", "604", "613", "647", "705", "709", "778", "780", "807", "819", "825", "867", "873", "902",
	   "905"]
NANP_TOLLFREE = ["800", "833", "844", "855", "866", "877", "888"]


def nanp_parts(g):
	npa = g.pick(NANP_US + NANP_US + NANP_CA + NANP_TOLLFREE)
	if g.chance(0.2):
		return npa, "555", "01" + g.d(2)
	while True:
		nxx = g.d(3, "23456789")
		if nxx[1:] != "11" and nxx not in ("555", "950", "958", "959", "976"):
			return npa, nxx, g.d(4)


def nanp_value(g, form):
	a, b, c = nanp_parts(g)
	if form == "paren":
		return g.pick(["(%s) %s-%s", "(%s) %s-%s", "(%s)%s-%s", "(%s) %s %s"]) % (a, b, c), "paren"
	if form == "dashed":
		return "%s-%s-%s" % (a, b, c), "dashed"
	if form == "dotted":
		return "%s.%s.%s" % (a, b, c), "dotted"
	if form == "spaced":
		return "%s %s %s" % (a, b, c), "spaced"
	if form == "plain":
		return a + b + c, "ten digits"
	if form == "plus1":
		f = g.pick(["+1 %s %s %s", "+1 (%s) %s-%s", "+1-%s-%s-%s", "+1%s%s%s", "+1 %s-%s-%s", "+1.%s.%s.%s"])
		return f % (a, b, c), f.replace("%s", "N")
	if form == "trunk1":
		f = g.pick(["1-%s-%s-%s", "1 (%s) %s-%s", "1.%s.%s.%s", "1 %s %s %s"])
		return f % (a, b, c), f.replace("%s", "N")
	raise ValueError(form)


# ---- PHONE: E.164 for other countries -----------------------------------------------
# country: (code, [(kind, groups maker, local-style joiner)])


def _e(cc, makers):
	return (cc, makers)


E164_PLANS = {
	"AT": _e("43", [("mobile", lambda g: [g.pick(["650", "660", "664", "676", "677", "680", "681", "688", "699"]),
					       g.d(7)]),
			("Vienna", lambda g: ["1", g.d(3, "23456789"), g.d(4)])]),
	"BE": _e("32", [("mobile", lambda g: [g.pick(["470", "471", "472", "473", "475", "476", "477", "478", "479",
						       "484", "485", "486", "487", "488", "489", "491", "492", "493",
						       "494", "495", "496", "497", "498", "499"]), g.d(2), g.d(2), g.d(2)]),
			("Brussels", lambda g: ["2", g.d(3, "2345678"), g.d(2), g.d(2)])]),
	"CZ": _e("420", [("mobile", lambda g: [g.pick(["601", "602", "603", "604", "605", "606", "607", "608", "702",
							"720", "721", "724", "728", "730", "731", "732", "736", "737",
							"739", "770", "773", "775", "777"]), g.d(3), g.d(3)]),
			 ("Prague", lambda g: ["2" + g.d(2, "12345"), g.d(3), g.d(3)])]),
	"DK": _e("45", [("mobile", lambda g: [g.pick(["20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30",
						       "31", "40", "41", "42", "50", "51", "52", "53", "60", "61", "71",
						       "81", "91", "92", "93"]), g.d(2), g.d(2), g.d(2)]),
			("Copenhagen", lambda g: ["3" + g.pick("23568"), g.d(2), g.d(2), g.d(2)])]),
	"FI": _e("358", [("mobile", lambda g: [g.pick(["40", "41", "44", "45", "46", "50"]), g.d(3), g.d(4)]),
			 ("Helsinki", lambda g: ["9", g.d(3, "23456789"), g.d(4)])]),
	"GR": _e("30", [("mobile", lambda g: ["69" + g.pick("034579"), g.d(3), g.d(4)]),
			("Athens", lambda g: ["21", "0" + g.d(3), g.d(4)])]),
	"NO": _e("47", [("mobile", lambda g: [g.pick("49") + g.d(2), g.d(2), g.d(3)]),
			("Oslo", lambda g: ["2" + g.pick("123"), g.d(2), g.d(2), g.d(2)])]),
	"PL": _e("48", [("mobile", lambda g: [g.pick(["500", "501", "502", "505", "509", "510", "511", "512", "530",
						       "531", "533", "535", "571", "572", "600", "601", "602", "604",
						       "605", "660", "661", "662", "664", "665", "690", "691", "692",
						       "693", "694", "695", "696", "697", "698", "721", "722", "723",
						       "724", "725", "726", "727", "728", "729", "730", "731", "732",
						       "733", "734", "735", "736", "737", "738", "739", "780", "781",
						       "782", "783", "784", "785", "786", "787", "788", "789", "790",
						       "791", "792", "793", "794", "795", "796", "797", "798", "799",
						       "880", "881", "882", "883", "884", "885", "886", "887", "888"]),
					      g.d(3), g.d(3)]),
			("Warsaw", lambda g: ["22", g.d(3, "2345678"), g.d(2), g.d(2)])]),
	"PT": _e("351", [("mobile", lambda g: ["9" + g.pick("1236") + g.d(1), g.d(3), g.d(3)]),
			 ("Lisbon", lambda g: ["21", g.d(3, "2345689"), g.d(4)])]),
	"SE": _e("46", [("mobile", lambda g: ["7" + g.pick("02369"), g.d(3), g.d(2), g.d(2)]),
			("Stockholm", lambda g: ["8", g.d(3, "2345678"), g.d(2), g.d(2)])]),
	"CH": _e("41", [("mobile", lambda g: ["7" + g.pick("56789"), g.d(3, "2345689"), g.d(2), g.d(2)]),
			("Zurich", lambda g: [g.pick(["44", "43", "31", "22", "61"]), g.d(3, "2345689"), g.d(2), g.d(2)])]),
	"IE": _e("353", [("mobile", lambda g: [g.pick(["83", "85", "86", "87", "89"]), g.d(3, "2345689"), g.d(4)]),
			 ("Dublin", lambda g: ["1", g.d(3, "2345689"), g.d(4)])]),
	"TR": _e("90", [("mobile", lambda g: ["5" + g.pick(["30", "31", "32", "33", "35", "36", "38", "41", "42",
							     "43", "44", "45", "05", "06", "07", "52", "53", "54",
							     "55"]), g.d(3, "123456789"), g.d(2), g.d(2)]),
			("Istanbul", lambda g: [g.pick(["212", "216"]), g.d(3, "2345689"), g.d(2), g.d(2)])]),
	"AU": _e("61", [("mobile", lambda g: ["4" + g.d(2), g.d(3), g.d(3)]),
			("Sydney", lambda g: ["2", g.d(4, "3456789"), g.d(4)])]),
	"NZ": _e("64", [("mobile", lambda g: [g.pick(["21", "22", "27"]), g.d(3, "23456789"), g.d(4)]),
			("Auckland", lambda g: ["9", g.d(3, "2345689"), g.d(4)])]),
	"JP": _e("81", [("mobile", lambda g: [g.pick(["70", "80", "90"]), g.d(4, "123456789"), g.d(4)]),
			("Tokyo", lambda g: ["3", g.d(4, "23456789"), g.d(4)])]),
	"CN": _e("86", [("mobile", lambda g: ["1" + g.pick("3456789") + g.d(1), g.d(4), g.d(4)]),
			("Beijing", lambda g: ["10", g.d(4, "2345689"), g.d(4)])]),
	"KR": _e("82", [("mobile", lambda g: ["10", g.d(4, "23456789"), g.d(4)]),
			("Seoul", lambda g: ["2", g.d(4, "23456789"), g.d(4)])]),
	"IN": _e("91", [("mobile", lambda g: [g.d(5, "6789"), g.d(5)])]),
	"SG": _e("65", [("mobile", lambda g: [g.d(4, "89"), g.d(4)]), ("landline", lambda g: ["6" + g.d(3), g.d(4)])]),
	"BR": _e("55", [("mobile", lambda g: [g.pick(["11", "21", "31", "41", "51", "61", "71", "81"]), "9" + g.d(4, "6789"),
					       g.d(4)]),
			("São Paulo", lambda g: ["11", g.d(4, "2345"), g.d(4)])]),
	"MX": _e("52", [("mobile", lambda g: [g.pick(["55", "33", "81"]), g.d(4, "123456789"), g.d(4)])]),
	"ZA": _e("27", [("mobile", lambda g: [g.pick(["60", "61", "71", "72", "73", "74", "76", "78", "79", "82", "83",
						       "84"]), g.d(3), g.d(4)]),
			("Johannesburg", lambda g: ["11", g.d(3, "2345678"), g.d(4)])]),
	"IL": _e("972", [("mobile", lambda g: ["5" + g.pick("023458"), g.d(3, "23456789"), g.d(4)]),
			 ("Tel Aviv", lambda g: ["3", g.d(3, "56789"), g.d(4)])]),
	"AE": _e("971", [("mobile", lambda g: ["5" + g.pick("024568"), g.d(3), g.d(4)]),
			 ("Dubai", lambda g: ["4", g.d(3, "2345678"), g.d(4)])]),
}
# how each country writes its own numbers after the code, for the "local style" form
LOCAL_STYLE = {
	"JP": lambda cc, gs: "+%s %s-%s-%s" % (cc, gs[0], gs[1], gs[2]),
	"KR": lambda cc, gs: "+%s %s-%s-%s" % (cc, gs[0], gs[1], gs[2]),
	"BR": lambda cc, gs: "+%s %s %s-%s" % (cc, gs[0], gs[1], gs[2]),
	"IL": lambda cc, gs: "+%s %s-%s-%s" % (cc, gs[0], gs[1], gs[2]),
	"SE": lambda cc, gs: "+%s %s-%s %s %s" % (cc, gs[0], gs[1], gs[2], gs[3]),
	"AT": lambda cc, gs: "+%s %s %s" % (cc, gs[0], "".join(gs[1:])),
	"CH": lambda cc, gs: "+%s %s %s %s %s" % (cc, gs[0], gs[1], gs[2], gs[3]),
	"AU": lambda cc, gs: "+%s %s %s %s" % (cc, gs[0], gs[1], gs[2]),
	"CN": lambda cc, gs: "+%s %s-%s-%s" % (cc, gs[0], gs[1], gs[2]),
	"TR": lambda cc, gs: "+%s (%s) %s %s %s" % (cc, gs[0], gs[1], gs[2], gs[3]),
}


def e164_value(g, form, country=None):
	"""(value, variant, country) for a non-six, non-NANP country."""
	if country is None:
		if form == "local-style":
			country = g.pick(sorted(k for k, v in LOCAL_STYLE.items() if v))
		else:
			country = g.pick(sorted(E164_PLANS))
	cc, makers = E164_PLANS[country]
	kind, mk = g.pick(makers)
	gs = mk(g)
	if form == "compact":
		return "+" + cc + "".join(gs), "%s %s" % (country, kind), country
	if form == "spaced":
		return "+%s %s" % (cc, " ".join(gs)), "%s %s" % (country, kind), country
	if form == "dashed":
		return "+%s-%s" % (cc, "-".join(gs)), "%s %s" % (country, kind), country
	if form == "00":
		return "00%s %s" % (cc, " ".join(gs)), "%s %s" % (country, kind), country
	if form == "local-style":
		f = LOCAL_STYLE.get(country)
		if f is None:
			return "+%s %s" % (cc, " ".join(gs)), "%s %s" % (country, kind), country
		return f(cc, gs), "%s %s local style" % (country, kind), country
	raise ValueError(form)


# ---- SSN --------------------------------------------------------------------------

SSN_VOID = {"078051120", "219099999", "123456789"}


def ssn_value(g, form):
	while True:
		if g.chance(0.6):
			area = g.int(1, 733)  # the pre-2011 ranges
		else:
			area = g.int(1, 899)  # randomized assignment since June 2011
		if area == 666:
			continue
		a, b, c = "%03d" % area, "%02d" % g.int(1, 99), "%04d" % g.int(1, 9999)
		if a + b + c not in SSN_VOID:
			break
	sep = {"dashed": "-", "spaced": " ", "plain": ""}[form]
	return a + sep + b + sep + c, form


def ssn_ok(v):
	d = re.sub("[ -]", "", v)
	if not re.fullmatch(r"\d{9}", d):
		return False
	if v not in (d, d[:3] + "-" + d[3:5] + "-" + d[5:], d[:3] + " " + d[3:5] + " " + d[5:]):
		return False
	a, b, c = int(d[:3]), int(d[3:5]), int(d[5:])
	return 1 <= a <= 899 and a != 666 and b >= 1 and c >= 1 and d not in SSN_VOID


# ---- CARD -------------------------------------------------------------------------

CARD_BRANDS = {
	# brand: (IIN maker, lengths, groupings by length)
	"visa": (lambda g: "4", [16, 16, 16, 16, 19]),
	"mastercard": (lambda g: str(g.int(51, 55)), [16]),
	"mastercard2": (lambda g: str(g.int(2221, 2720)), [16]),
	"amex": (lambda g: g.pick(["34", "37"]), [15]),
	"discover": (lambda g: g.pick(["6011", str(g.int(644, 649)), "65", str(g.int(622126, 622925))]), [16, 16, 16, 19]),
	"jcb": (lambda g: str(g.int(3528, 3589)), [16, 16, 16, 19]),
	"diners": (lambda g: g.pick(["36", str(g.int(300, 305))]), [14]),
	"unionpay": (lambda g: "62" + g.pick("0123458") + g.d(1), [16, 16, 17, 18, 19]),
	"maestro": (lambda g: g.pick(["5018", "5020", "5038", "5893", "6304", "6759", "6761", "6762", "6763"]), [16, 19]),
}


def card_iin_ok(num):
	"""ISO/IEC 7812 brand ranges and lengths used here (the label's own spec)."""
	n = len(num)
	if num[0] == "4" and n in (13, 16, 19):
		return True
	if 51 <= int(num[:2]) <= 55 and n == 16:
		return True
	if 2221 <= int(num[:4]) <= 2720 and n == 16:
		return True
	if num[:2] in ("34", "37") and n == 15:
		return True
	if (num[:4] == "6011" or 644 <= int(num[:3]) <= 649 or num[:2] == "65" or 622126 <= int(num[:6]) <= 622925) \
		and 16 <= n <= 19:
		return True
	if 3528 <= int(num[:4]) <= 3589 and 16 <= n <= 19:
		return True
	if (num[:2] == "36" or 300 <= int(num[:3]) <= 305) and n == 14:
		return True
	if num[:2] == "62" and 16 <= n <= 19:
		return True
	if num[:4] in ("5018", "5020", "5038", "5893", "6304", "6759", "6761", "6762", "6763") and 12 <= n <= 19:
		return True
	return False


def card_digits(g, brand):
	mk, lengths = CARD_BRANDS[brand]
	p = mk(g)
	n = g.pick(lengths)
	body = p + g.d(n - len(p) - 1)
	return body + luhn_digit(body)


def card_grouping(num, brand):
	n = len(num)
	if brand == "amex":
		return [4, 6, 5]
	if brand == "diners":
		return [4, 6, 4]
	return {16: [4, 4, 4, 4], 17: [4, 4, 4, 5], 18: [4, 4, 4, 6], 19: [4, 4, 4, 4, 3]}[n]


def card_value(g, brand, fmt):
	num = card_digits(g, brand)
	var = "%d digits" % len(num)
	if fmt == "plain":
		return num, var
	sizes = card_grouping(num, brand)
	if brand == "amex" and g.chance(0.2):
		sizes, var = [4, 4, 4, 3], var + " 4-4-4-3"
	return group(num, sizes, " " if fmt == "spaced" else "-"), var


# ---- IBAN -------------------------------------------------------------------------

# registry countries not in pii_corpus's table: BBAN structure and total length
EXTRA_BBAN = {"AD": ("4n4n12c", 24), "MC": ("5n5n11c2n", 27), "SM": ("1a5n5n12c", 27), "GI": ("4a15c", 23),
	      "IL": ("3n3n13n", 23), "KW": ("4a22c", 30), "QA": ("4a21c", 29), "UA": ("6n19c", 29),
	      "ME": ("3n13n2n", 22), "RS": ("3n13n2n", 22), "AL": ("8n16c", 28), "BA": ("3n3n8n2n", 20),
	      "GE": ("2a16n", 22), "KZ": ("3n13c", 20), "MD": ("2c18c", 24), "JO": ("4a4n18c", 30)}
IBAN_LENGTHS = dict(pc.IBAN_LEN)
IBAN_LENGTHS.update({k: v[1] for k, v in EXTRA_BBAN.items()})


def iban_value(g, cc=None):
	if cc is None:
		cc = g.pick(sorted(EXTRA_BBAN)) if g.chance(0.15) else g.pick(sorted(pc.IBAN_BBAN))
	if cc in EXTRA_BBAN:
		parts = []
		for m in re.finditer(r"(\d+)([nac])", EXTRA_BBAN[cc][0]):
			n, t = int(m.group(1)), m.group(2)
			parts.append(g.d(n) if t == "n" else g.upper(n) if t == "a" else g.pg.alnum(n))
		b = "".join(parts)
		v = cc + pc.iban_check(cc, b) + b
	else:
		v, cc = pc.iban_value(g.pg, cc)
	assert len(v) == IBAN_LENGTHS[cc], (cc, v)
	return v, cc


def iban_ok(v):
	s = v.replace(" ", "")
	if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s) or IBAN_LENGTHS.get(s[:2]) != len(s):
		return False
	if " " in v and v != group(s, [4] * 9, " "):
		return False
	return pc.iban_ok(s)


def iban_fmt(g, fmt, cc=None):
	v, cc = iban_value(g, cc)
	if fmt == "compact":
		return v, cc
	return group(v, [4] * 9, " "), cc


# ---- IP ---------------------------------------------------------------------------


def ipv4_value(g):
	k = g.r.random()
	if k < 0.18:
		return "10.%d.%d.%d" % (g.int(0, 255), g.int(0, 255), g.int(1, 254)), "private 10/8"
	if k < 0.32:
		return "192.168.%d.%d" % (g.int(0, 255), g.int(1, 254)), "private 192.168/16"
	if k < 0.40:
		return "172.%d.%d.%d" % (g.int(16, 31), g.int(0, 255), g.int(1, 254)), "private 172.16/12"
	if k < 0.55:
		return g.pick(["192.0.2", "198.51.100", "203.0.113"]) + ".%d" % g.int(1, 254), "documentation"
	if k < 0.60:
		return "100.%d.%d.%d" % (g.int(64, 127), g.int(0, 255), g.int(1, 254)), "CGNAT 100.64/10"
	while True:
		a = g.int(1, 223)
		if a not in (10, 100, 127, 169, 172, 192, 198, 203):
			return "%d.%d.%d.%d" % (a, g.int(0, 255), g.int(0, 255), g.int(1, 254)), "public"


V6_PREFIXES = [["2001", "db8"], ["2001", "db8"], ["2a00", "1450"], ["2606", "4700"], ["2a03", "2880"],
	       ["2600", "1f18"], ["2a01", "4f8"], ["2403", "5800"], ["fe80", "0"], ["fd00", None], ["2a02", None],
	       ["2804", None], ["2c0f", None]]


def v6_groups(g):
	a, b = g.pick(V6_PREFIXES)
	if b is None:
		b = g.hexs(g.int(1, 4)).lstrip("0") or "1"
	gs = [a, b] + [g.hexs(g.int(1, 4)).lstrip("0") or "0" for _ in range(6)]
	if a == "fe80":
		gs[1:4] = ["0", "0", "0"]
	return gs


def ipv6_value(g, sub):
	if sub == "v6-full":
		gs = v6_groups(g)
		gs = [x if x != "0" or g.chance(0.3) else g.hexs(g.int(1, 4)).lstrip("0") or "1" for x in gs]
		if gs[0] == "fe80":
			gs[1:4] = ["0", "0", "0"]
		if g.chance(0.5):
			v, var = ":".join(x.zfill(4) for x in gs), "leading zeros"
		else:
			v, var = ":".join(gs), "no leading zeros"
		if g.chance(0.15):
			v, var = v.upper(), var + " upper"
		return v, var
	if sub == "v6-compressed":
		gs = v6_groups(g)
		k = g.r.random()
		if k < 0.15:
			gs[2:] = ["0"] * 6
			var = "prefix"
		elif k < 0.3:
			gs[2:7] = ["0"] * 5
			gs[7] = g.pick(["1", "2", "10", "53", "a", "443"])
			var = "short host"
		else:
			z = g.int(2, 4)
			at = g.int(2, 7 - z)
			gs[at:at + z] = ["0"] * z
			var = "middle run"
		if gs[0] == "fe80":
			gs[1:4] = ["0", "0", "0"]
			var = "link-local"
		return pc.v6_compress(gs), var
	if sub == "v6-ipv4":
		a, _ = ipv4_value(g)
		name, form = g.pick([("mapped", "::ffff:%s"), ("mapped", "::ffff:%s"), ("NAT64", "64:ff9b::%s"),
				     ("mapped, upper", "::FFFF:%s"), ("mapped, uncompressed", "0:0:0:0:0:ffff:%s"),
				     ("global prefix", "2001:db8:" + (g.hexs(3).lstrip("0") or "1") + "::%s")])
		return form % a, name
	raise ValueError(sub)


def ip_ok(v):
	try:
		ipaddress.ip_address(v)
		return True
	except ValueError:
		return False


# ---- negatives: look-alikes that must not be detected ------------------------------
#
# Each generator returns (value, variant); an optional variant asks for one form.

NEG_KINDS = {
	"luhn": "card failing Luhn",
	"badiban": "IBAN failing mod-97",
	"badssn": "invalid SSN",
	"ver": "version",
	"ts": "timestamp",
	"order": "order number",
	"price": "price",
	"geo": "coordinates",
	"hash": "hash",
	"uuid": "UUID",
	"phonelike": "phone-like number, non-phone context",
	"imei": "IMEI (Luhn-valid)",
	"iccid": "ICCID (Luhn-valid)",
	"mac": "MAC address",
	"oid": "OID / section number",
	"at": "@ but not an e-mail",
	"ein": "EIN",
	"aba": "ABA routing number",
	"track": "parcel tracking number",
	"mask": "masked card number",
	"vat": "VAT ID / BIC",
	"ship": "container / air waybill / HS code",
	"clin": "clinical code / identifier",
	"cloud": "cloud account / resource id",
	"badip": "IP-like, not an address",
	"postal": "postal code",
	"qty": "count / quantity",
}


def neg_luhn(g, var=None):
	brand = g.pick(sorted(CARD_BRANDS))
	num = card_digits(g, brand)
	how = var or g.pick(["last digit", "last digit", "transposition", "one digit off"])
	while True:
		if how == "last digit":
			bad = num[:-1] + str((int(num[-1]) + g.int(1, 9)) % 10)
		elif how == "transposition":
			i = g.int(1, len(num) - 3)
			bad = num[:i] + num[i + 1] + num[i] + num[i + 2:]
		else:
			i = g.int(1, len(num) - 2)
			bad = num[:i] + str((int(num[i]) + g.int(1, 9)) % 10) + num[i + 1:]
		if not luhn_ok(bad):
			break
		num = card_digits(g, brand)
	fmt = g.pick(["plain", "spaced", "spaced", "dashed"])
	v = bad if fmt == "plain" else group(bad, card_grouping(bad, brand), " " if fmt == "spaced" else "-")
	return v, "%s %s, %s" % (brand, how, fmt)


def neg_badiban(g, var=None):
	v, cc = iban_value(g)
	how = var or g.pick(["check digits", "typo", "transposition", "digit missing"])
	while True:
		if how == "check digits":
			bad = v[:2] + "%02d" % g.int(2, 98) + v[4:]
		elif how == "typo":
			i = g.int(4, len(v) - 1)
			if v[i].isdigit():
				bad = v[:i] + str((int(v[i]) + g.int(1, 9)) % 10) + v[i + 1:]
			else:
				bad = v[:i] + chr((ord(v[i]) - 65 + g.int(1, 25)) % 26 + 65) + v[i + 1:]
		elif how == "transposition":
			i = g.int(4, len(v) - 2)
			bad = v[:i] + v[i + 1] + v[i] + v[i + 2:]
		else:
			i = g.int(4, len(v) - 1)
			bad = v[:i] + v[i + 1:]
		if bad != v and not pc.iban_ok(bad):
			break
		v, cc = iban_value(g)
	fmt = g.pick(["compact", "grouped", "grouped"])
	return (bad if fmt == "compact" else group(bad, [4] * 9, " ")), "%s %s, %s" % (cc, how, fmt)


def neg_badssn(g, var=None):
	a, b, c = "%03d" % g.int(1, 665), "%02d" % g.int(1, 99), "%04d" % g.int(1, 9999)
	k = var or g.pick(["area 000", "area 666", "area 9xx", "area 9xx (ITIN)", "group 00", "serial 0000"])
	if k == "area 000":
		a = "000"
	elif k == "area 666":
		a = "666"
	elif k == "area 9xx":
		a = "9" + g.d(2)
	elif k == "area 9xx (ITIN)":
		a, b = "9" + g.d(2), str(g.pick([70, 71, 72, 73, 75, 78, 79, 80, 81, 83, 88, 90, 91, 92, 94, 95, 99]))
	elif k == "group 00":
		b = "00"
	else:
		c = "0000"
	sep = g.pick(["-", "-", "-", " ", ""])
	return a + sep + b + sep + c, k + (", no separator" if sep == "" else ", spaced" if sep == " " else "")


def neg_ver(g, var=None):
	k = var or g.pick(["semver", "v-semver", "four-part", "four-part small", "windows", "chrome", "kernel", "pip",
			   "docker", "firmware", "android", "go", "calver", "maven", "prerelease"])
	i = g.int
	if k == "semver" or k == "pip":
		return "%d.%d.%d" % (i(0, 12), i(0, 40), i(0, 30)), k
	if k == "v-semver":
		return "v%d.%d.%d" % (i(0, 9), i(0, 30), i(0, 20)), k
	if k == "four-part":
		return "%d.%d.%d.%d" % (i(1, 30), i(0, 12), i(100, 9999), i(0, 300)), k
	if k == "four-part small":
		return "%d.%d.%d.%d" % (i(1, 9), i(0, 20), i(0, 40), i(0, 99)), k  # looks like an IPv4
	if k == "windows":
		return "10.0.%d.%d" % (i(19041, 26100), i(1, 5000)), k
	if k == "chrome":
		return "%d.0.%d.%d" % (i(110, 133), i(5400, 6999), i(10, 220)), k
	if k == "kernel":
		return "%d.%d.%d-%d-%s" % (i(5, 6), i(1, 15), i(0, 180), i(1, 30), g.pick(["amd64", "generic", "cloud-amd64"])), k
	if k == "docker":
		return "%d.%d.%d-%s" % (i(14, 22), i(0, 12), i(0, 9), g.pick(["alpine", "slim", "bookworm", "alpine3.19"])), k
	if k == "firmware":
		return "%d.%02d.%d.%02d" % (i(1, 9), i(0, 40), i(0, 9), i(0, 99)), k
	if k == "android":
		return "%s.%02d%02d%02d.%03d" % (g.pick(["UP1A", "TQ3A", "AP2A", "BP1A"]), i(23, 25), i(1, 12), i(1, 28), i(1, 60)), k
	if k == "go":
		return "go1.%d.%d" % (i(19, 23), i(0, 9)), k
	if k == "calver":
		return "%d.%d.%d" % (i(2021, 2025), i(1, 12), i(0, 9)), k
	if k == "maven":
		return "%d.%d.%d-SNAPSHOT" % (i(1, 6), i(0, 20), i(0, 9)), k
	return "%d.%d.%d-%s.%d" % (i(0, 5), i(0, 20), i(0, 9), g.pick(["rc", "beta", "alpha", "dev"]), i(1, 12)), k


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def neg_ts(g, var=None):
	i = g.int
	y, mo, d, h, mi, s = i(2019, 2026), i(1, 12), i(1, 28), i(0, 23), i(0, 59), i(0, 59)
	k = var or g.pick(["iso-z", "iso-millis", "iso-offset", "rfc2822", "compact", "epoch-s", "epoch-ms", "syslog",
			   "apache", "de-date", "us-date", "ics", "timecode", "slack-ts", "duration"])
	if k == "iso-z":
		return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (y, mo, d, h, mi, s), k
	if k == "iso-millis":
		return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (y, mo, d, h, mi, s, i(0, 999)), k
	if k == "iso-offset":
		return "%04d-%02d-%02dT%02d:%02d:%02d%s%02d:00" % (y, mo, d, h, mi, s, g.pick("+-"), i(0, 11)), k
	if k == "rfc2822":
		return "%s, %d %s %04d %02d:%02d:%02d %s" % (g.pick(DAYS), d, MONTHS[mo - 1], y, h, mi, s,
							   g.pick(["+0000", "+0100", "+0200", "-0500", "-0800"])), k
	if k == "compact":
		return "%04d%02d%02d%02d%02d%02d" % (y, mo, d, h, mi, s), k
	if k == "epoch-s":
		return str(i(1500000000, 1790000000)), k
	if k == "epoch-ms":
		return str(i(1500000000000, 1790000000000)), k
	if k == "syslog":
		return "%s %2d %02d:%02d:%02d" % (MONTHS[mo - 1], d, h, mi, s), k
	if k == "apache":
		return "%02d/%s/%04d:%02d:%02d:%02d +0000" % (d, MONTHS[mo - 1], y, h, mi, s), k
	if k == "de-date":
		return "%02d.%02d.%04d %02d:%02d" % (d, mo, y, h, mi), k
	if k == "us-date":
		return "%02d/%02d/%04d %d:%02d %s" % (mo, d, y, i(1, 12), mi, g.pick(["AM", "PM"])), k
	if k == "ics":
		return "%04d%02d%02dT%02d%02d00Z" % (y, mo, d, h, mi), k
	if k == "timecode":
		return "%02d:%02d:%02d:%02d" % (i(0, 2), mi, s, i(0, 24)), k
	if k == "slack-ts":
		return "%d.%06d" % (i(1600000000, 1760000000), i(0, 999999)), k
	return "PT%dH%dM%dS" % (i(0, 9), mi, s), k


def neg_order(g, var=None):
	i = g.int
	k = var or g.pick(["hash-number", "ord-year", "po", "inv-slash", "rma", "amazon", "shopify", "de-rechnung",
			   "9 digits", "ticket", "booking"])
	if k == "hash-number":
		return "#%d-%d" % (i(1000, 9999), i(1000, 9999)), k
	if k == "ord-year":
		return "ORD-%d-%06d" % (i(2021, 2026), i(1, 999999)), k
	if k == "po":
		return "PO-45%08d" % i(0, 99999999), k
	if k == "inv-slash":
		return "INV/%d/%05d" % (i(2022, 2026), i(1, 99999)), k
	if k == "rma":
		return "RMA%07d" % i(1, 9999999), k
	if k == "amazon":
		return "%03d-%07d-%07d" % (i(111, 999), i(0, 9999999), i(0, 9999999)), k
	if k == "shopify":
		return "#%d" % i(1001, 99999), k
	if k == "de-rechnung":
		return "RE-%d-%04d" % (i(2022, 2026), i(1, 9999)), k
	if k == "9 digits":
		return g.d(9, "123456789"), k
	if k == "ticket":
		return "%s-%d" % (g.pick(["INC", "CS", "SUP", "HD", "REQ"]), i(100000, 9999999)), k
	return g.upper(2) + g.alnum(4, "ABCDEFGHJKLMNPQRSTUVWXYZ"), "booking reference"


def neg_price(g, var=None):
	i = g.int
	k = var or g.pick(["usd", "usd-big", "eur-de", "eur-fr", "gbp", "chf", "sek", "pln", "jpy", "inr", "brl"])
	if k == "usd":
		return "$%d.%02d" % (i(1, 9999), i(0, 99)), k
	if k == "usd-big":
		return "$%d,%03d,%03d.%02d" % (i(1, 99), i(0, 999), i(0, 999), i(0, 99)), k
	if k == "eur-de":
		return "%d.%03d,%02d\u00a0€" % (i(1, 999), i(0, 999), i(0, 99)), k
	if k == "eur-fr":
		return "%d\u202f%03d,%02d €" % (i(1, 999), i(0, 999), i(0, 99)), k
	if k == "gbp":
		return "£%d,%03d.%02d" % (i(1, 99), i(0, 999), i(0, 99)), k
	if k == "chf":
		return "CHF %d'%03d.%02d" % (i(1, 99), i(0, 999), i(0, 95)), k
	if k == "sek":
		return "%d %03d kr" % (i(1, 999), i(0, 999)), k
	if k == "pln":
		return "%d %03d,%02d zł" % (i(1, 99), i(0, 999), i(0, 99)), k
	if k == "jpy":
		return "¥%d,%03d" % (i(1, 999), i(0, 999)), k
	if k == "inr":
		return "₹%d,%02d,%03d" % (i(1, 99), i(0, 99), i(0, 999)), k
	return "R$ %d.%03d,%02d" % (i(1, 999), i(0, 999), i(0, 99)), k


def neg_geo(g, var=None):
	lat, lon = g.r.uniform(-60, 70), g.r.uniform(-170, 170)
	k = var or g.pick(["decimal", "dms", "geojson", "latlng", "plus-sign"])
	if k == "decimal":
		return "%.6f, %.6f" % (lat, lon), k
	if k == "dms":
		def dms(x, pos, neg):
			a = abs(x)
			dd, mm = int(a), int((a - int(a)) * 60)
			ss = ((a - int(a)) * 60 - mm) * 60
			return "%d°%02d′%04.1f″%s" % (dd, mm, ss, pos if x >= 0 else neg)
		return dms(lat, "N", "S") + " " + dms(lon, "E", "W"), k
	if k == "geojson":
		return "[%.5f, %.5f]" % (lon, lat), k
	if k == "latlng":
		return "%.5f,%.5f" % (lat, lon), k
	return "%+.4f %+.4f" % (lat, lon), k


def neg_hash(g, var=None):
	k = var or g.pick(["md5", "sha1", "sha256", "git-short", "git-long", "sri"])
	if k == "md5":
		return g.hexs(32), k
	if k == "sha1" or k == "git-long":
		return g.hexs(40), k
	if k == "sha256":
		return g.hexs(64), k
	if k == "git-short":
		return g.hexs(g.pick([7, 8, 10, 12])), k
	b64 = "".join(g.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(64))
	return "sha384-" + b64, k


def neg_uuid(g, var=None):
	h = g.hexs(32)
	u = "%s-%s-%s%s-%s%s-%s" % (h[:8], h[8:12], g.pick("147"), h[13:16], g.pick("89ab"), h[17:20], h[20:])
	k = var or g.pick(["lower", "lower", "upper", "braced", "ulid"])
	if k == "upper":
		return u.upper(), k
	if k == "braced":
		return "{" + u.upper() + "}", k
	if k == "ulid":
		return "01" + g.alnum(24, "0123456789ABCDEFGHJKMNPQRSTVWXYZ"), k
	return u, k


def neg_phonelike(g, var=None):
	k = var or g.pick(["11 digits leading 0", "10 digits", "12 digits", "isbn13", "isbn10", "ean13", "grouped 4-4-4",
			   "conference pin", "case number", "9 digits"])
	if k == "11 digits leading 0":
		return "0" + g.d(10, "123456789"), k
	if k == "10 digits":
		return g.d(10, "23456789"), k
	if k == "12 digits":
		return g.d(12, "123456789"), k
	if k == "9 digits":
		return g.d(9, "6789"), k
	if k == "isbn13":
		body = g.pick(["978", "979"]) + g.d(9)
		c = (10 - sum(int(x) * (1 if j % 2 == 0 else 3) for j, x in enumerate(body)) % 10) % 10
		return "%s-%s-%s-%s-%d" % (body[:3], body[3], body[4:8], body[8:12], c), k
	if k == "isbn10":
		body = g.d(9)
		c = (11 - sum((10 - j) * int(x) for j, x in enumerate(body)) % 11) % 11
		return "%s-%s-%s-%s" % (body[0], body[1:4], body[4:9], "X" if c == 10 else c), k
	if k == "ean13":
		body = g.pick(["400", "401", "50", "30", "80", "84", "87", "54", "76", "90"])
		body += g.d(12 - len(body))
		c = (10 - sum(int(x) * (1 if j % 2 == 0 else 3) for j, x in enumerate(body)) % 10) % 10
		return body + str(c), k
	if k == "grouped 4-4-4":
		return "%s-%s-%s" % (g.d(4, "123456789"), g.d(4), g.d(4)), k
	if k == "conference pin":
		return "%s %s %s#" % (g.d(3), g.d(3), g.d(3)), k
	return "%s-%s-%s" % (g.d(2, "123456789"), g.d(6), g.d(2)), k


def neg_imei(g, var=None):
	while True:
		body = g.pick(["35", "86", "01", "99", "45", "49", "53"]) + g.d(12)
		v = body + luhn_digit(body)
		k = var or g.pick(["plain", "plain", "dashed", "spaced", "imeisv"])
		if k == "imeisv":
			v = v[:14] + g.d(2)
			if card_iin_ok(v) and luhn_ok(v):
				continue
			return v, k
		if k == "dashed":
			return "%s-%s-%s-%s" % (v[:2], v[2:8], v[8:14], v[14]), k
		if k == "spaced":
			return "%s %s %s %s" % (v[:2], v[2:8], v[8:14], v[14]), k
		return v, k


def neg_iccid(g, var=None):
	body = "89" + g.pick(["1", "44", "49", "33", "31", "34", "39", "46", "48", "351"]) + g.d(2)
	body += g.d(18 - len(body))
	v = body + luhn_digit(body)
	k = var or g.pick(["plain", "plain", "spaced", "with F"])
	if k == "spaced":
		return group(v, [4, 4, 4, 4, 3], " "), k
	if k == "with F":
		return v + "F", k
	return v, k


def neg_mac(g, var=None):
	b = [g.hexs(2) for _ in range(6)]
	if all(x.isdigit() for x in b):
		b[0] = "a" + b[0][1]
	k = var or g.pick(["colon", "colon upper", "dash", "cisco"])
	if k == "colon":
		return ":".join(b), k
	if k == "colon upper":
		return ":".join(b).upper(), k
	if k == "dash":
		return "-".join(b).upper(), k
	return "%s.%s.%s" % ("".join(b[:2]), "".join(b[2:4]), "".join(b[4:])), k


def neg_oid(g, var=None):
	i = g.int
	k = var or g.pick(["snmp oid", "pkcs oid", "x500 oid", "section 4-level", "section 5-level", "paragraph"])
	if k == "snmp oid":
		return "1.3.6.1.%d.1.%d.%d.%d" % (g.pick([2, 4]), i(1, 40000), i(1, 30), i(0, 9)), k
	if k == "pkcs oid":
		return g.pick(["1.2.840.113549.1.1.%d" % i(1, 14), "1.2.840.10045.4.3.%d" % i(1, 4),
			       "2.16.840.1.101.3.4.2.%d" % i(1, 10)]), k
	if k == "x500 oid":
		return "2.5.%d.%d" % (i(4, 29), i(1, 60)), k
	if k == "section 4-level":
		return "%d.%d.%d.%d" % (i(1, 14), i(1, 9), i(1, 12), i(1, 9)), k  # may look like an IPv4
	if k == "section 5-level":
		return "%d.%d.%d.%d.%d" % (i(1, 14), i(1, 9), i(1, 9), i(1, 9), i(1, 9)), k
	return "§ %d.%d.%d" % (i(1, 40), i(1, 12), i(1, 9)), k


AT_FORMS = ["npm", "scoped-npm", "mention", "decorator", "git-remote", "shell-prompt", "docker-digest", "css",
	    "sql-var", "java-annotation", "go-module", "known-hosts", "jsdoc", "slack-mention", "handle"]
AT_MIN = 8  # of each form


def neg_at(g, var=None):
	i = g.int
	k = var or g.pick(AT_FORMS)
	if k == "npm":
		return "%s@%d.%d.%d" % (g.pick(["react", "lodash", "zod", "axios", "vite", "next", "express", "pnpm"]),
					i(1, 19), i(0, 30), i(0, 20)), k
	if k == "scoped-npm":
		return "@%s/%s@%s" % (g.pick(["types", "babel", "aws-sdk", "tanstack", "vitejs", "nestjs", "sentry"]),
				      g.pick(["node", "core", "client-s3", "react-query", "plugin-react", "common", "browser"]),
				      g.pick(["%d.%d.%d" % (i(1, 20), i(0, 40), i(0, 20)), "latest", "next", "^%d.%d.0" % (i(1, 9), i(0, 9))])), k
	if k == "mention":
		return "@" + g.pick(GIVEN) + g.pick(["", ".", "_", "-"]) + g.pick(FAMILY), k
	if k == "dataclass":
		return g.pick(["@dataclass", "@dataclass(frozen=True)", "@dataclasses.dataclass(slots=True)"]), "decorator"
	if k == "decorator":
		return "@" + g.pick(["app.get", "router.post", "pytest.fixture", "dataclass(frozen=True)", "lru_cache",
				     "property", "validator", "celery.task", "login_required"]), k
	if k == "git-remote":
		return "git@%s:%s/%s.git" % (g.pick(["github.com", "gitlab.com", "bitbucket.org", "git.internal.example"]),
					     g.pick(["acme", "platform-team", "infra", "data-eng"]),
					     g.pick(["billing-api", "web", "terraform-modules", "agents"])), k
	if k == "shell-prompt":
		return "%s@%s" % (g.pick(["root", "deploy", "ubuntu", "ec2-user", "admin", "pi"]),
				  g.pick(["web-01", "db-prod-2", "bastion", "raspberrypi", "build-7", "ip-10-0-3-17"])), k
	if k == "docker-digest":
		return "%s@sha256:%s" % (g.pick(["nginx", "postgres", "redis", "python", "node", "busybox"]), g.hexs(64)), k
	if k == "css":
		return g.pick(["@media (max-width: %dpx)" % g.pick([480, 640, 768, 1024]), "@font-face", "@keyframes spin",
			       "@import url(\"theme.css\")", "@supports (display: grid)", "@tailwind base"]), k
	if k == "sql-var":
		return "@" + g.pick(["CustomerID", "StartDate", "TotalDue", "rowcount", "BatchSize", "TenantId"]), k
	if k == "java-annotation":
		return "@" + g.pick(["Override", "Autowired", "Transactional", "GetMapping(\"/api/users\")", "NotNull",
				     "JsonProperty(\"email\")", "Deprecated"]), k
	if k == "go-module":
		return "%s@v%d.%d.%d" % (g.pick(["github.com/spf13/cobra", "golang.org/x/net", "github.com/gin-gonic/gin",
						  "go.uber.org/zap"]), i(0, 2), i(0, 30), i(0, 12)), k
	if k == "known-hosts":
		return "%s@%s" % (g.pick(GIVEN), g.pick(["laptop", "MacBook-Pro", "workstation", "thinkpad"])), k
	if k == "jsdoc":
		return "@" + g.pick(["param", "returns", "throws", "deprecated", "example"]), k
	if k == "slack-mention":
		return "<@U%s>" % g.alnum(10, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), k
	return "@" + g.pick(GIVEN) + g.pick(["_dev", "hq", "_official", "_io", "codes"]), k


def neg_ein(g, var=None):
	pre = g.pick([1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23, 24, 25, 26, 27, 30, 32, 33, 34, 35,
		      36, 37, 38, 39, 41, 42, 45, 46, 47, 51, 52, 54, 56, 58, 61, 62, 65, 71, 72, 75, 76, 77, 81, 82, 84,
		      86, 88, 91, 92, 94, 95, 98, 99])
	return "%02d-%07d" % (pre, g.int(0, 9999999)), "XX-XXXXXXX"


def neg_aba(g, var=None):
	body = "%02d" % g.pick([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32,
				61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72]) + g.d(6)
	w = [3, 7, 1, 3, 7, 1, 3, 7]
	return body + str((10 - sum(int(x) * w[j] for j, x in enumerate(body)) % 10) % 10), "9 digits, 3-7-1 check"


def neg_track(g, var=None):
	k = var or g.pick(["ups", "fedex", "usps", "dhl", "upu-s10", "dpd", "postnl"])
	if k == "ups":
		return "1Z" + g.alnum(6) + g.d(2) + g.d(8), k
	if k == "fedex":
		return g.pick(["%s %s %s" % (g.d(4, "1234567"), g.d(4), g.d(4)), g.d(12, "1234567")]), k
	if k == "usps":
		return "%s %s %s %s %s %s" % ("94" + g.d(2), g.d(4), g.d(4), g.d(4), g.d(4), g.d(2)), k
	if k == "dhl":
		return "JD01" + g.d(16), k
	if k == "upu-s10":
		body = g.d(8)
		w = [8, 6, 4, 2, 3, 5, 9, 7]
		c = 11 - sum(int(x) * w[j] for j, x in enumerate(body)) % 11
		c = {10: 0, 11: 5}.get(c, c)
		return g.pick(["RR", "LX", "CP", "EE", "RB"]) + body + str(c) + g.pick(["GB", "DE", "FR", "NL", "CN", "SE"]), k
	if k == "dpd":
		return "0" + g.d(13, "123456789"), k
	return "3S" + g.upper(4) + g.d(9), k


def neg_mask(g, var=None):
	last = g.d(4)
	k = var or g.pick(["stars grouped", "x grouped", "first6 last4", "bullets", "short"])
	if k == "stars grouped":
		return "**** **** **** " + last, k
	if k == "x grouped":
		return "XXXX-XXXX-XXXX-" + last, k
	if k == "first6 last4":
		return g.pick(["411111", "545454", "401288", "520082", "371449"]) + "******" + last, k
	if k == "bullets":
		return "•••• •••• •••• " + last, k
	return "*" + last, k


def neg_vat(g, var=None):
	k = var or g.pick(["DE", "FR", "NL", "AT", "IT", "ES", "BE", "GB", "bic8", "bic11"])
	if k == "DE":
		return "DE" + g.d(9, "123456789"), "VAT " + k
	if k == "FR":
		return "FR" + g.d(2) + g.d(9, "3456789"), "VAT " + k
	if k == "NL":
		return "NL" + g.d(9) + "B" + g.d(2, "0"), "VAT " + k
	if k == "AT":
		return "ATU" + g.d(8), "VAT " + k
	if k == "IT":
		return "IT" + g.d(11), "VAT " + k
	if k == "ES":
		return "ES" + g.pick("ABGB") + g.d(8), "VAT " + k
	if k == "BE":
		return "BE0" + g.d(9, "23456789"), "VAT " + k
	if k == "GB":
		return "GB" + g.d(9, "123456789"), "VAT " + k
	if k == "siret":
		while True:
			body = g.d(13, "123456789")
			v = body + luhn_digit(body)
			if not card_iin_ok(v):
				return v, "SIRET (Luhn)"
	banks = ["DEUT", "COBA", "BNPA", "INGB", "BBVA", "UNCR", "RABO", "SOGE", "NDEA", "BARC", "HSBC", "SWED"]
	ctry = {"DEUT": "DE", "COBA": "DE", "BNPA": "FR", "INGB": "NL", "BBVA": "ES", "UNCR": "IT", "RABO": "NL",
		"SOGE": "FR", "NDEA": "SE", "BARC": "GB", "HSBC": "GB", "SWED": "SE"}
	b = g.pick(banks)
	v = b + ctry[b] + g.upper(2)
	if k == "bic11":
		v += g.pick(["XXX", "500", "BER", "MUC", "PAR"])
	return v, k


def iso6346(owner_cat, serial):
	vals = {}
	n = 10
	for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
		if n % 11 == 0:
			n += 1
		vals[c] = n
		n += 1
	s = owner_cat + serial
	total = sum((vals[c] if c.isalpha() else int(c)) * (2 ** j) for j, c in enumerate(s))
	return str(total % 11 % 10)


def neg_ship(g, var=None):
	k = var or g.pick(["container", "container spaced", "awb", "hs code", "bill of lading"])
	if k.startswith("container"):
		owner = g.pick(["MSCU", "MAEU", "CMAU", "HLXU", "TGHU", "OOLU", "CSQU", "TCNU"])
		serial = g.d(6)
		cd = iso6346(owner, serial)
		return (owner + serial + cd) if k == "container" else "%s %s %s" % (owner, serial, cd), k
	if k == "awb":
		serial = g.d(7)
		return "%s-%s%d" % (g.pick(["176", "157", "618", "020", "074", "057", "125", "235", "160", "001"]), serial,
				    int(serial) % 7), k
	if k == "hs code":
		return "%s.%s.%s" % (g.d(4, "123456789"), g.d(2), g.d(2)), k
	return g.pick(["MAEU", "MEDU", "HLCU", "COSU", "ONEY"]) + g.d(9, "123456789"), k


def neg_clin(g, var=None):
	k = var or g.pick(["npi", "mrn", "loinc", "icd10", "cpt", "ndc", "dea"])
	if k == "npi":
		body = g.pick("12") + g.d(8)
		c = luhn_digit("80840" + body)
		return body + c, k
	if k == "mrn":
		return g.pick(["", "MRN", "H"]) + g.d(8), k
	if k == "loinc":
		b = g.d(g.pick([4, 5]), "123456789")
		# LOINC mod-10 check digit
		rev = b[::-1]
		total = 0
		for j, ch in enumerate(rev):
			x = int(ch) * (2 if j % 2 == 0 else 1)
			total += x // 10 + x % 10
		return "%s-%d" % (b, (10 - total % 10) % 10), k
	if k == "icd10":
		return "%s%02d.%s" % (g.pick("EIJKMNRZ"), g.int(0, 99), g.d(g.pick([1, 2]))), k
	if k == "cpt":
		return str(g.int(99202, 99499)), k
	if k == "ndc":
		return "%s-%s-%s" % (g.d(5, "0"), g.d(4), g.d(2)), k
	letters = g.pick("ABFGM") + g.upper(1)
	d6 = g.d(6)
	c = (int(d6[0]) + int(d6[2]) + int(d6[4]) + 2 * (int(d6[1]) + int(d6[3]) + int(d6[5]))) % 10
	return letters + d6 + str(c), k


def neg_cloud(g, var=None):
	k = var or g.pick(["aws account", "arn", "gcp project number", "stripe id", "azure resource", "ec2 instance"])
	if k == "aws account":
		return g.d(12, "123456789"), k
	if k == "arn":
		return "arn:aws:%s::%s:%s" % (g.pick(["iam", "iam", "sts"]), g.d(12, "123456789"),
					      g.pick(["role/deploy-bot", "user/ci", "role/AgentRunner", "assumed-role/admin/sess"])), k
	if k == "gcp project number":
		return g.d(12, "123456789"), k
	if k == "stripe id":
		return g.pick(["cus_", "pi_", "ch_", "in_", "sub_"]) + g.alnum(14, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"), k
	if k == "azure resource":
		return "/subscriptions/%s/resourceGroups/rg-%s" % (neg_uuid(g, "lower")[0], g.pick(["prod", "agents", "data"])), k
	return "i-0" + g.hexs(16), "ec2 instance"


def neg_badip(g, var=None):
	i = g.int
	k = var or g.pick(["octet > 255", "octet > 255", "three parts", "five parts", "v6 bad group", "v6 double ::"])
	if k == "octet > 255":
		parts = [str(i(1, 255)) for _ in range(4)]
		parts[i(0, 3)] = str(i(256, 999))
		return ".".join(parts), k
	if k == "three parts":
		return "%d.%d.%d" % (g.pick([10, 192, 172]), i(0, 255), i(0, 255)), k
	if k == "five parts":
		return "%d.%d.%d.%d.%d" % (g.pick([10, 192, 172]), i(0, 255), i(0, 255), i(0, 255), i(1, 254)), k
	if k == "v6 bad group":
		return "2001:db8:%s:%sg::%s" % (g.hexs(3), g.hexs(2), g.hexs(2)), k
	return "2001:db8::%s::%s" % (g.hexs(2).lstrip("0") or "1", g.hexs(2).lstrip("0") or "1"), k


def neg_postal(g, var=None):
	k = var or g.pick(["zip+4", "zip+4", "uk", "nl", "ca", "eircode", "pl", "pt", "br cep", "jp"])
	if k == "zip+4":
		return "%s-%s" % (g.d(5, "0123456789"), g.d(4)), k
	if k == "uk":
		return g.pick(["SW1A 1AA", "EC1A 1BB", "W1A 0AX", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "LS1 4AP"]), k
	if k == "nl":
		return "%s %s" % (g.d(4, "123456789"), g.pick(["AB", "CD", "EK", "GH", "JL", "PT", "XZ"])), k
	if k == "ca":
		return g.pick(["K1A 0B1", "M5V 3L9", "H2X 1Y4", "V6B 4Y8", "T2P 1J9"]), k
	if k == "eircode":
		return g.pick(["D02 X285", "T12 Y7RT", "H91 E2K4", "A65 F4E2", "D06 W7N1"]), k
	if k == "pl":
		return "%s-%s" % (g.d(2), g.d(3)), k
	if k == "pt":
		return "%s-%s" % (g.d(4, "123456789"), g.d(3)), k
	if k == "br cep":
		return "%s-%s" % (g.d(5), g.d(3)), k
	return "〒%s-%s" % (g.d(3, "123456789"), g.d(4)), k


def neg_qty(g, var=None):
	i = g.int
	k = var or g.pick(["bytes", "rows 9 digits", "tokens", "thousands sep", "units spaced", "counter 10 digits"])
	if k == "bytes":
		return "%d bytes" % g.pick([2 ** i(20, 34), i(100000000, 9999999999)]), k
	if k == "rows 9 digits":
		return g.d(9, "123456789"), k
	if k == "tokens":
		return "%d,%03d tokens" % (i(1, 999), i(0, 999)), k
	if k == "thousands sep":
		return "%d,%03d,%03d" % (i(1, 999), i(0, 999), i(0, 999)), k
	if k == "units spaced":
		return "%d %03d %03d" % (i(1, 99), i(0, 999), i(0, 999)), k
	return g.d(10, "23456789"), k


NEG_GEN = {"luhn": neg_luhn, "badiban": neg_badiban, "badssn": neg_badssn, "ver": neg_ver, "ts": neg_ts,
	   "order": neg_order, "price": neg_price, "geo": neg_geo, "hash": neg_hash, "uuid": neg_uuid,
	   "phonelike": neg_phonelike, "imei": neg_imei, "iccid": neg_iccid, "mac": neg_mac, "oid": neg_oid,
	   "at": neg_at, "ein": neg_ein, "aba": neg_aba, "track": neg_track, "mask": neg_mask, "vat": neg_vat,
	   "ship": neg_ship, "clin": neg_clin, "cloud": neg_cloud, "badip": neg_badip, "postal": neg_postal,
	   "qty": neg_qty}


# ---- words naming a type (ctx) and hints that are not names -----------------------
#
# Matched case-insensitively at a word start, on a line with every labelled or
# negative span blanked out (an address's "mail." does not name it).

NAMING = {
	"PHONE": [r"phone", r"telephone", r"tel\b", r"tél\b", r"téléphone", r"telefon", r"telefono", r"teléfono",
		  r"telefone", r"telefoon", r"telefónic", r"telefonic", r"mobile", r"mobil", r"mobiel", r"móvil", r"movil", r"cellulare", r"cell\b",
		  r"cellphone", r"cellular", r"portable", r"handy", r"fax", r"telefax", r"mob\b", r"gsm\b",
		  r"telemóvel", r"telemovel", r"celular", r"komórk", r"puhelin", r"matkapuhelin", r"cep\b", r"whatsapp",
		  r"tlf\b", r"whats ?app", r"τηλ", r"κινητό", r"電話", r"携帯", r"电话", r"手机", r"msisdn", r"phonenumber", r"tlf\.",
		  r"festnetz", r"landline", r"fisso", r"fijo", r"vaste lijn", r"rufnummer", r"fon\b", r"tfn\b", r"durchwahl"],
	"SSN": [r"ssn", r"social security", r"soc\.? ?sec", r"ss ?#", r"ss no", r"seguro social", r"sécurité sociale",
		r"securite sociale", r"previdenza sociale", r"social_security", r"socialsecurity", r"us-ssn"],
	"CARD": [r"card", r"karte", r"kreditkarte", r"carte", r"carta", r"tarjeta", r"kaart", r"creditcard", r"cartão",
		 r"cartao", r"karta", r"karty", r"kort\b", r"kortnummer", r"visa", r"mastercard", r"master card", r"amex",
		 r"american express", r"discover", r"jcb", r"diners", r"unionpay", r"union pay", r"maestro", r"pan\b",
		 r"cc\b", r"cc_", r"ccnum", r"credit", r"kredit", r"crédit", r"credito", r"crédito", r"debit", r"débit",
		 r"cb\b", r"girocard", r"betaalpas", r"bankomat"],
	"IBAN": [r"iban", r"account", r"acct", r"konto", r"bankverbindung", r"compte", r"rib\b", r"conto", r"cuenta",
		 r"rekening", r"conta\b", r"bankkonto", r"bank details", r"bankgegevens", r"coordonnées bancaires",
		 r"coordinate bancarie", r"datos bancarios", r"rachun", r"numer konta", r"účet", r"tilinumero",
		 r"hesap", r"bankrekening", r"bank_account", r"bankaccount"],
	"EMAIL": [r"e-?mail", r"mail", r"courriel", r"correo", r"posta elettronica", r"pec\b", r"e-post", r"epost",
		  r"sähköposti", r"e-posta", r"courrier électronique", r"メール", r"邮箱", r"电邮", r"replyto", r"reply_to"],
	"IP": [r"ip\b", r"ipv4", r"ipv6", r"ip_", r"ipaddr", r"address", r"addr", r"adresse", r"indirizzo",
	       r"dirección", r"direccion", r"adres\b", r"host", r"server", r"client", r"remote", r"peer", r"gateway",
	       r"source", r"src", r"destination", r"dst", r"nameserver", r"endpoint", r"inet", r"relay", r"upstream",
	       r"proxy", r"forwarded", r"resolver", r"dns", r"subnet", r"cidr", r"node", r"listen", r"bind", r"ips\b",
	       r"loadbalancerip", r"serveur", r"ip-adresse"],
}
HINTS = {
	"PHONE": [r"call(?:s|ed|ing|back)?\b", r"ring\b", r"dial", r"anruf", r"ruf", r"appel", r"chiam", r"llám", r"llam", r"bel\b", r"bellen",
		  r"reach", r"text me", r"sms", r"number", r"nummer", r"numéro", r"numero", r"número", r"nr\b", r"no\.",
		  r"n°", r"nº", r"contact", r"kontakt", r"contatt", r"contacto", r"hotline", r"dial-in", r"ligue",
		  r"zadzwo", r"ring mig", r"ring meg", r"zavolej", r"soita", r"ara\b", r"erreichbar", r"joignable",
		  r"raggiungibile", r"bereikbaar", r"reachable", "\u260e", "\U0001f4de", "\U0001f4f1",
		  r"m:", r"t:", r"f:", r"o:", r"c:", r"direct", r"ligne", r"linea", r"línea", r"lijn", r"switchboard",
		  r"zentrale", r"standard", r"centralino", r"centralita", r"receptie", r"line\b", r"hotline"],
	"SSN": [r"tin\b", r"tax id", r"taxpayer", r"itin", r"w-?2", r"w-?9", r"1099", r"i-9", r"identity", r"id number",
		r"number", r"nummer", r"numéro", r"número", r"numero", r"payroll", r"irs\b", r"ss\b", r"social"],
}
def _words_re(ws):
	"""Each word at a word start; '_' and a camelCase hump count as word breaks (see words_text)."""
	def one(w):
		w = w.replace("\\b", "(?![^\\W_])")
		return w if ord(w[0]) > 0x2e80 else "(?<![^\\W_])" + w
	return re.compile("|".join(one(w) for w in ws), re.I)


NAMING_RE = {t: _words_re(ws) for t, ws in NAMING.items()}
HINT_RE = {t: _words_re(ws) for t, ws in HINTS.items()}


def words_text(s):
	"""Text prepared for word matching: camelCase split, hyphenated line breaks joined."""
	s = s.replace("-\n", "")
	return re.sub(r"([a-z])([A-Z])", r"\1 \2", s)

WEAK_SUBS = {"PHONE/%s-national" % c for c in ("UK", "DE", "FR", "IT", "ES", "NL")} | \
	{"PHONE/NANP-plain", "SSN/plain", "SSN/spaced"}


# ---- sub-formats and how many of each ------------------------------------------------

SIX = ["UK", "DE", "FR", "IT", "ES", "NL"]
EMAIL_SUBS = ["basic", "plus-tag", "subdomain", "long-tld", "digits-underscore", "mixed-case", "punycode",
	      "apostrophe", "url-encoded"]
NANP_FORMS = ["paren", "dashed", "dotted", "spaced", "plus1", "trunk1", "plain"]
E164_FORMS = ["compact", "spaced", "dashed", "00", "local-style"]
CARD_FMTS = ["plain", "spaced", "dashed"]
IP_SUBS = ["v4", "v4-port-cidr", "v6-full", "v6-compressed", "v6-ipv4"]

TARGET = {}
for _s, _n in zip(EMAIL_SUBS, [55, 45, 45, 40, 40, 35, 30, 16, 22]):
	TARGET["EMAIL/" + _s] = _n
for _c in SIX:
	TARGET["PHONE/%s-national" % _c] = 44
	TARGET["PHONE/%s-intl" % _c] = 30
for _s, _n in zip(NANP_FORMS, [34, 34, 26, 22, 34, 22, 44]):
	TARGET["PHONE/NANP-" + _s] = _n
for _s, _n in zip(E164_FORMS, [40, 50, 18, 20, 26]):
	TARGET["PHONE/E164-" + _s] = _n
TARGET.update({"SSN/dashed": 80, "SSN/spaced": 50, "SSN/plain": 50})
for _b in CARD_BRANDS:
	for _f in CARD_FMTS:
		TARGET["CARD/%s-%s" % (_b, _f)] = 10 if _b == "maestro" else 23
TARGET.update({"IBAN/compact": 110, "IBAN/grouped": 110})
for _s, _n in zip(IP_SUBS, [90, 70, 40, 70, 30]):
	TARGET["IP/" + _s] = _n
TYPE_TARGET = {}
for _k, _n in TARGET.items():
	TYPE_TARGET[_k.split("/")[0]] = TYPE_TARGET.get(_k.split("/")[0], 0) + _n
NEG_TARGET = 44


def pool_subs(typ, spec):
	"""The sub-formats a slot may take, and constraints (countries) for the value."""
	toks = [t for t in (spec or "").split(",") if t]
	cons = {}
	if typ == "EMAIL":
		default = [s for s in EMAIL_SUBS if s != "url-encoded"]
		if not toks:
			subs = default
		elif toks == ["noapos"]:
			subs = [s for s in default if s != "apostrophe"]
		else:
			subs = toks
		return ["EMAIL/" + s for s in subs], cons
	if typ == "PHONE":
		subs = []
		for t in toks or ["ANY"]:
			if t in SIX:
				subs += ["PHONE/%s-national" % t, "PHONE/%s-intl" % t]
			elif t[:-1] in SIX and t[-1] in "ni":
				subs.append("PHONE/%s-%s" % (t[:-1], "national" if t[-1] == "n" else "intl"))
			elif t == "NANP":
				subs += ["PHONE/NANP-" + f for f in NANP_FORMS]
			elif t == "NANPs":
				subs += ["PHONE/NANP-" + f for f in NANP_FORMS if f != "plain"]
			elif t == "E164":
				subs += ["PHONE/E164-" + f for f in E164_FORMS]
			elif t in E164_PLANS:
				subs += ["PHONE/E164-" + f for f in E164_FORMS]
				cons.setdefault("countries", []).append(t)
			elif t == "NAT":
				subs += ["PHONE/%s-national" % c for c in SIX]
			elif t == "INTL":
				subs += ["PHONE/%s-intl" % c for c in SIX] + ["PHONE/E164-" + f for f in E164_FORMS] + \
					["PHONE/NANP-plus1"]
			elif t == "EU":
				subs += ["PHONE/%s-%s" % (c, f) for c in SIX for f in ("national", "intl")]
			elif t == "ANY":
				subs += [k for k in TARGET if k.startswith("PHONE/")]
			else:
				raise ValueError("phone pool " + t)
		return sorted(set(subs)), cons
	if typ == "SSN":
		return ["SSN/" + t for t in (toks or ["dashed", "spaced", "plain"])], cons
	if typ == "CARD":
		brands = [t for t in toks if t in CARD_BRANDS] or list(CARD_BRANDS)
		fmts = [t for t in toks if t in CARD_FMTS] or CARD_FMTS
		return ["CARD/%s-%s" % (b, f) for b in brands for f in fmts], cons
	if typ == "IBAN":
		fmts = [t for t in toks if t in ("compact", "grouped")] or ["compact", "grouped"]
		ccs = [t for t in toks if t not in ("compact", "grouped")]
		if ccs:
			cons["countries"] = ccs
		return ["IBAN/" + f for f in fmts], cons
	if typ == "IP":
		m = {"v4": ["IP/v4"], "v4pc": ["IP/v4-port-cidr"], "v6": ["IP/v6-full", "IP/v6-compressed", "IP/v6-ipv4"],
		     "v6f": ["IP/v6-full"], "v6c": ["IP/v6-compressed"], "v6m": ["IP/v6-ipv4"]}
		subs = []
		for t in toks or ["v4", "v6"]:
			subs += m[t]
		return subs, cons
	raise ValueError(typ)


def make_value(g, sub, cons):
	"""(value, variant) of a sub-format."""
	typ, s = sub.split("/")
	if typ == "EMAIL":
		return email_value(g, s)
	if typ == "PHONE":
		cc, form = s.split("-", 1)
		if cc == "NANP":
			return nanp_value(g, form)
		if cc == "E164":
			country = g.pick(cons["countries"]) if cons.get("countries") else None
			if form == "local-style" and country and not LOCAL_STYLE.get(country):
				form = "spaced"
			v, var, _ = e164_value(g, form, country)
			return v, var
		return national_value(g, cc, form)
	if typ == "SSN":
		return ssn_value(g, s)
	if typ == "CARD":
		brand, fmt = s.rsplit("-", 1)
		return card_value(g, brand, fmt)
	if typ == "IBAN":
		cc = g.pick(cons["countries"]) if cons.get("countries") else None
		return iban_fmt(g, s, cc)
	if typ == "IP":
		if s in ("v4", "v4-port-cidr"):
			return ipv4_value(g)
		return ipv6_value(g, s)
	raise ValueError(sub)


# ---- fillers ------------------------------------------------------------------------

NAMES = ["Amara Okafor", "Henrik Sundqvist", "Beatriz Carvalho", "Kenji Watanabe", "Małgorzata Wiśniewska",
	 "Dmitri Volkov", "Aoife Gallagher", "Lars Eriksen", "Chiara Ferraro", "Javier Morales", "Anouk Bakker",
	 "Sébastien Lefèvre", "Mehmet Yılmaz", "Priya Raghunathan", "Tomás Ó Briain", "Nadia El Amrani",
	 "Jürgen Hoffmann", "Eleni Papadopoulou", "Mei Lin Tan", "Oluwaseun Adeyemi", "Carmen Ruiz",
	 "Willem van Dijk", "Agnieszka Zielińska", "Rafael Souza", "Ingrid Solberg", "Matteo Conti", "Camille Girard",
	 "Noura Haddad", "Ethan Brooks", "Grace O'Neill", "Kateřina Horáková", "Mikko Virtanen", "Sven Gunnarsson",
	 "Lucía Navarro", "Thijs Jansen", "Franziska Becker", "Marco Esposito", "Hélène Marchand", "David Kim",
	 "Olivia Bennett"]
COMPANIES = ["Brightline Logistics GmbH", "Nordlys AS", "Quintessa S.p.A.", "Verdant Foods B.V.", "Atelier Roux SARL",
	     "Solenne Analytics Ltd", "Cascadia Robotics Inc.", "Farol Seguros S.A.", "Kestrel Health LLC",
	     "Polaris Bank Europe", "Tidewater Freight Co.", "Lindqvist & Söner AB", "Mirador Hoteles S.L.",
	     "Vitrum s.r.o.", "Orbis Data Oy", "Copperleaf Studio"]
CITIES = ["Berlin", "Lyon", "Bologna", "Valencia", "Utrecht", "Porto", "Kraków", "Göteborg", "Aarhus", "Brno",
	  "Tampere", "Boston", "Toronto", "Osaka", "Leeds", "Graz", "Gent", "Sevilla", "Hamburg", "Nantes"]
STREETS = ["Lindenstraße 14", "12 rue des Lilas", "Via Garibaldi 8", "Calle Mayor 21", "Keizersgracht 311",
	   "221 Harbour Road", "Rua Augusta 45", "ul. Długa 7", "Storgatan 3", "45 Elm Street"]
USERS = ["amara.o", "hsundqvist", "bcarvalho", "kenji_w", "mwisniewska", "dvolkov", "agallagher", "lars.e",
	 "cferraro", "jmorales", "svc-agent", "ci-runner", "nadia.ea", "jhoffmann"]


def fill_word(g, name):
	i = g.int
	if name == "name":
		return g.pick(NAMES)
	if name == "first":
		return g.pick(NAMES).split()[0]
	if name == "last":
		return g.pick(NAMES).split()[-1]
	if name == "company":
		return g.pick(COMPANIES)
	if name == "city":
		return g.pick(CITIES)
	if name == "street":
		return g.pick(STREETS)
	if name == "user":
		return g.pick(USERS)
	if name == "date":
		return "%04d-%02d-%02d" % (i(2023, 2025), i(1, 12), i(1, 28))
	if name == "ddmm":
		return "%02d.%02d." % (i(1, 28), i(1, 12))
	if name == "hm":
		return "%02d:%02d" % (i(7, 19), g.pick([0, 15, 30, 45]))
	if name == "n":
		return str(i(2, 9999))
	if name == "k":
		return str(i(2, 9))
	if name == "port":
		return str(g.pick([22, 443, 8080, 8443, 5432, 6379, 3306, 9200, i(1024, 65535)]))
	if name == "pid":
		return str(i(300, 65000))
	if name == "status":
		return str(g.pick([200, 200, 201, 204, 301, 302, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503]))
	if name == "bytes":
		return str(i(0, 48000))
	if name == "eur":
		return "%d,%02d" % (i(5, 2400), i(0, 99))
	if name == "usd":
		return "%d.%02d" % (i(5, 2400), i(0, 99))
	if name == "exp":
		return "%02d/%02d" % (i(1, 12), i(26, 31))
	if name == "cvc":
		return "%03d" % i(100, 999)
	if name == "hex8":
		return g.pick("abcdef") + g.hexs(7)
	if name == "span":
		return g.pick("abcdef") + g.hexs(15)
	if name == "ticket":
		return g.pick(["ZD", "SR", "HELP", "OPS", "CX"]) + "-" + str(i(100, 99999))
	raise KeyError(name)


# ---- building a text ---------------------------------------------------------------

SLOT = re.compile("⟦([^⟧]+)⟧")
POS_SLOT = re.compile(r"^([EPSCIA])(\+[hs]?|~)?(?::(.+))?$")
REPEAT_SLOT = re.compile(r"^=(\d+)(\+[hs]?)?$")
TYPE_OF = {"E": "EMAIL", "P": "PHONE", "S": "SSN", "C": "CARD", "I": "IBAN", "A": "IP"}


class Counts:
	"""What has been generated so far, to steer sub-format and template choice."""

	def __init__(self):
		self.sub = {}
		self.weak = {}
		self.type = {}
		self.neg = {}
		self.at = {}

	def need_sub(self, sub, ctx):
		if sub in WEAK_SUBS:
			return TARGET[sub] / 2.0 - self.weak.get((sub, ctx), 0)
		return TARGET[sub] - self.sub.get(sub, 0)

	def need_type(self, typ):
		return TYPE_TARGET[typ] - self.type.get(typ, 0)

	def need_neg(self, kind):
		return NEG_TARGET - self.neg.get(kind, 0)

	def add_label(self, typ, sub, ctx):
		self.sub[sub] = self.sub.get(sub, 0) + 1
		self.type[typ] = self.type.get(typ, 0) + 1
		if sub in WEAK_SUBS:
			self.weak[(sub, ctx)] = self.weak.get((sub, ctx), 0) + 1

	def add_neg(self, kind, variant):
		self.neg[kind] = self.neg.get(kind, 0) + 1
		if kind == "at":
			self.at[variant] = self.at.get(variant, 0) + 1

	def need_at(self, variant):
		return AT_MIN - self.at.get(variant, 0)

	def done(self):
		return all(self.need_type(t) <= 0 for t in TYPE_TARGET) and all(self.need_neg(k) <= 0 for k in NEG_KINDS) \
			and all(self.need_at(v) <= 0 for v in AT_FORMS) \
			and all(self.need_sub(s, c) <= 0 for s in TARGET for c in ((True, False) if s in WEAK_SUBS else (True,)))


def choose_sub(g, counts, subs, ctx):
	subs = list(subs)
	g.r.shuffle(subs)
	best = max(subs, key=lambda s: counts.need_sub(s, ctx))
	if counts.need_sub(best, ctx) > 0:
		return best
	return g.pick(subs)


def fill(g, counts, tpl, tpl_id):
	"""Write a template: returns (text, labels, negatives) with character offsets and ctx modes."""
	out, pos, n = [], 0, 0
	labels, negs = [], []
	for m in SLOT.finditer(tpl):
		out.append(tpl[pos:m.start()])
		n += len(tpl[pos:m.start()])
		pos = m.end()
		tok = m.group(1)
		pm = POS_SLOT.match(tok)
		rm = REPEAT_SLOT.match(tok)
		if rm:
			first = labels[int(rm.group(1)) - 1]
			v = first["_value"]
			mode = rm.group(2) or ""
			ctx = mode.startswith("+")
			counts.add_label(first["type"], first["sub"], ctx)
			labels.append(dict(first, ctx=ctx, start=n, end=n + len(v), _mode=mode))
		elif pm:
			typ = TYPE_OF[pm.group(1)]
			mode = pm.group(2) or ""
			ctx = mode.startswith("+")
			subs, cons = pool_subs(typ, pm.group(3))
			if mode == "~":
				subs = [s for s in subs if s not in WEAK_SUBS]
			sub = choose_sub(g, counts, subs, ctx)
			v, var = make_value(g, sub, cons)
			if typ == "IP" and sub == "IP/v4-port-cidr":
				var = var + ", with port/prefix/URL"
			counts.add_label(typ, sub, ctx)
			labels.append({"type": typ, "sub": sub, "variant": var, "ctx": ctx, "tpl": tpl_id,
				       "start": n, "end": n + len(v), "_mode": mode, "_value": v})
		elif tok.startswith("N:"):
			kind_s = tok[2:]
			var = None
			if "/" in kind_s:
				kind_s, var = kind_s.split("/", 1)
			for _ in range(100):
				v, variant = NEG_GEN[kind_s](g, var)
				if not neg_reads_valid(kind_s, variant, v):
					break
			counts.add_neg(kind_s, variant)
			negs.append({"kind": NEG_KINDS[kind_s], "variant": variant, "tpl": tpl_id, "start": n,
				     "end": n + len(v), "_k": kind_s})
		else:
			v = fill_word(g, tok)
		out.append(v)
		n += len(v)
	out.append(tpl[pos:])
	return "".join(out), labels, negs


def slot_needs(counts, tpl):
	"""How many of a template's slots serve a sub-format or negative kind still short of its target."""
	u = 0
	for m in SLOT.finditer(tpl):
		tok = m.group(1)
		pm = POS_SLOT.match(tok)
		if pm:
			subs, _ = pool_subs(TYPE_OF[pm.group(1)], pm.group(3))
			mode = pm.group(2) or ""
			if mode == "~":
				subs = [x for x in subs if x not in WEAK_SUBS]
			u += any(counts.need_sub(x, mode.startswith("+")) > 0 for x in subs)
		elif tok.startswith("N:at/"):
			u += counts.need_neg("at") > 0 or counts.need_at(tok[5:]) > 0
		elif tok.startswith("N:"):
			u += counts.need_neg(tok[2:].split("/")[0]) > 0
	return u


# ---- validators: every label re-checked against its format's spec ---------------------

ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
EMAIL_RE = re.compile(r"(%s(?:\.%s)*)@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
		      r"(?:[A-Za-z]{2,63}|xn--[a-z0-9-]{1,59}))" % (ATEXT, ATEXT))


def email_ok(v, sub):
	if sub == "EMAIL/url-encoded":
		if "@" in v or v.count("%40") != 1:
			return False
		v = v.replace("%40", "@")
	m = EMAIL_RE.fullmatch(v)
	return bool(m) and len(m.group(1)) <= 64 and len(v) <= 254


UK_NSN = re.compile(r"(20[378]\d{7}|292\d{7}|238\d{7}|247\d{7}|289\d{7}|11[3-8][2-9]\d{6}|1[234569]1[2-9]\d{6}|"
		    r"(1223|1865|1632|1392|1273|1904|1524|1603)[2-9]\d{5}|7[1-57-9]\d{8}|"
		    r"3(00|03|30|33|43|45|70|71)\d{7}|800[1-9]\d{6})")
DE_NSN = re.compile(r"(15[1279]\d{8}|16[023]\d{7}|17\d\d{7,8}|(30|40|69|89)[2-9]\d{6,7}|"
		    r"(%s)[2-9]\d{5,6}|(%s)[2-9]\d{4,5})" % ("|".join(DE_MID), "|".join(DE_SMALL)))
FR_NSN = re.compile(r"([1-69]\d{8}|7[3-9]\d{7})")
IT_NUM = re.compile(r"(3\d\d\d{7}|0[2-6][1-9]\d{7}|0\d\d[1-9]\d{6}|0\d{3}[1-9]\d{5})")
ES_NUM = re.compile(r"(6\d{8}|7[1-4]\d{7}|9[1-8][1-9]\d{6}|(881|871|828|822|848|865)[1-9]\d{5})")
NL_NSN = re.compile(r"(6[1-5]\d{7}|(%s)[2-9]\d{6}|(%s)[2-9]\d{5})" % ("|".join(NL_AREA2), "|".join(NL_AREA3)))
E164_NSN = {
	"AT": r"6(50|60|64|76|77|80|81|88|99)\d{7}|1[2-9]\d{6}", "BE": r"4[6-9]\d{7}|2[2-8]\d{6}",
	"CZ": r"[67]\d{8}|2[1-5]\d{7}", "DK": r"[2-9]\d{7}", "FI": r"(4[0-6]|50)\d{7}|9[2-9]\d{6}",
	"GR": r"69[034579]\d{7}|210\d{7}", "NO": r"[49]\d{7}|2[1-3]\d{6}", "PL": r"[5-8]\d{8}|22[2-8]\d{6}",
	"PT": r"9[1236]\d{7}|21[2-689]\d{6}", "SE": r"7[02369]\d{7}|8[2-8]\d{6}",
	"CH": r"7[5-9][2-9]\d{6}|(44|43|31|22|61)[2-9]\d{6}", "IE": r"8[35679][2-9]\d{6}|1[2-9]\d{6}",
	"TR": r"5\d{9}|21[26][2-9]\d{6}", "AU": r"4\d{8}|2[3-9]\d{7}", "NZ": r"2[127][2-9]\d{6}|9[2-9]\d{6}",
	"JP": r"[789]0[1-9]\d{7}|3[2-9]\d{7}", "CN": r"1[3-9]\d{9}|10[2-9]\d{7}", "KR": r"10[2-9]\d{7}|2[2-9]\d{7}",
	"IN": r"[6-9]\d{9}", "SG": r"[689]\d{7}", "BR": r"[1-8]19[6-9]\d{7}|11[2-5]\d{7}", "MX": r"(55|33|81)[1-9]\d{7}",
	"ZA": r"(6[01]|7[1-9]|8[2-4])\d{7}|11[2-8]\d{6}", "IL": r"5[0-58][2-9]\d{6}|3[5-9]\d{6}",
	"AE": r"5[0-68]\d{7}|4[2-8]\d{6}",
}
NANP_NPAS = set(NANP_US + NANP_CA + NANP_TOLLFREE)


def nanp_digits_ok(d):
	return len(d) == 10 and d[:3] in NANP_NPAS and d[3] in "23456789" and d[4:6] != "11" and \
		(d[3:6] != "555" or d[6:8] == "01") and d[3:6] not in ("950", "958", "959", "976")


def national_ok(cc, digits_national):
	"""digits as dialled nationally (with the trunk 0 where the plan has one)."""
	d = digits_national
	if cc == "UK":
		return d[0] == "0" and bool(UK_NSN.fullmatch(d[1:]))
	if cc == "DE":
		return d[0] == "0" and bool(DE_NSN.fullmatch(d[1:]))
	if cc == "FR":
		return d[0] == "0" and bool(FR_NSN.fullmatch(d[1:]))
	if cc == "IT":
		return bool(IT_NUM.fullmatch(d))
	if cc == "ES":
		return bool(ES_NUM.fullmatch(d))
	if cc == "NL":
		return d[0] == "0" and bool(NL_NSN.fullmatch(d[1:]))
	return False


CC_OF = {"UK": "44", "DE": "49", "FR": "33", "IT": "39", "ES": "34", "NL": "31"}
TRUNK0 = {"UK", "DE", "FR", "NL"}


def phone_ok(sub, v):
	if not re.fullmatch(r"[+0-9 ().\-/\u00a0]+", v) or not v[-1].isdigit():
		return False
	digits = re.sub(r"\D", "", v)
	cc_form = sub.split("/")[1]
	cc, form = cc_form.split("-", 1)
	if cc == "NANP":
		if form == "plain":
			return v == digits and nanp_digits_ok(digits)
		if form == "plus1":
			return v.startswith("+1") and nanp_digits_ok(digits[1:])
		if form == "trunk1":
			return v.startswith("1") and nanp_digits_ok(digits[1:])
		if not nanp_digits_ok(digits):
			return False
		return {"paren": v.startswith("("), "dashed": v.count("-") == 2 and " " not in v,
			"dotted": v.count(".") == 2, "spaced": v.count(" ") == 2}[form]
	if cc == "E164":
		if form == "00":
			if not v.startswith("00"):
				return False
			digits = digits[2:]
		elif not v.startswith("+"):
			return False
		for country, (code, _) in E164_PLANS.items():
			if digits.startswith(code) and re.fullmatch(E164_NSN[country], digits[len(code):]):
				return {"compact": v == "+" + digits, "spaced": "-" not in v and " " in v,
					"dashed": "-" in v and " " not in v, "00": True, "local-style": True}[form]
		return False
	if form == "national":
		if v.startswith("+") or v.startswith("00"):
			return False
		return national_ok(cc, digits)
	code = CC_OF[cc]
	if v.startswith("+" + code):
		rest = digits[len(code):]
	elif v.startswith("00" + code):
		rest = digits[2 + len(code):]
	else:
		return False
	if "(0)" in v:
		rest = rest[1:] if rest.startswith("0") else rest
	if cc in TRUNK0:
		return not rest.startswith("0") and national_ok(cc, "0" + rest)
	return national_ok(cc, rest)


def card_ok(sub, v):
	num = re.sub("[ -]", "", v)
	fmt = sub.rsplit("-", 1)[1]
	if fmt == "plain" and num != v or fmt == "spaced" and "-" in v or fmt == "dashed" and " " in v:
		return False
	if fmt != "plain" and (re.search(r"[ -]{2}", v) or v == num):
		return False
	return num.isdigit() and card_iin_ok(num) and luhn_ok(num)


def label_ok(lab, v):
	t, sub = lab["type"], lab["sub"]
	if t == "EMAIL":
		return email_ok(v, sub)
	if t == "PHONE":
		return phone_ok(sub, v)
	if t == "SSN":
		form = sub.split("/")[1]
		sep = {"dashed": "-", "spaced": " ", "plain": ""}[form]
		return ssn_ok(v) and (sep in v if sep else v.isdigit())
	if t == "CARD":
		return card_ok(sub, v)
	if t == "IBAN":
		return iban_ok(v) and ((" " in v) == (sub == "IBAN/grouped"))
	if t == "IP":
		if not ip_ok(v):
			return False
		is4 = isinstance(ipaddress.ip_address(v), ipaddress.IPv4Address)
		if sub in ("IP/v4", "IP/v4-port-cidr"):
			return is4
		if sub == "IP/v6-ipv4":
			return not is4 and "." in v
		return not is4 and "." not in v and ((sub == "IP/v6-compressed") == ("::" in v))
	return False


# ---- an independent scan for values of the six types -----------------------------------
#
# Used twice: nothing of these shapes may stand outside a labelled or negative
# span, and no negative may contain a valid value of a strong format.

SCAN_EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
SCAN_V4 = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w]|\.\d)")
SCAN_V6 = re.compile(r"(?<![\w:.])[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?![\w:])")
SCAN_NANP = re.compile(r"(?<![\w+])(?:\+?1[ .\-]?)?(?:\(\d{3}\) ?|\d{3}[ .\-])\d{3}[ .\-]\d{4}(?!\w)")
SCAN_INTL = re.compile(r"(?<![\w+])(?:\+|00)\d{1,3}[\d \-().\u00a0/]{5,}\d(?!\w)")
SCAN_RUN = re.compile(r"(?<![\w])\d(?:[ \-./\u00a0]?\d|\(\d+\) ?\d)+(?![\w])")
SCAN_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){8,34}")
SCAN_SSN = re.compile(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])")
DATE_LIKE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?|"
		       r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?|\d{2}\.\d{2}\.\d{4}|\d{1,2}/\d{1,2}/\d{2,4}")


def intl_valid(v):
	"""An international number (+CC or 00CC) valid in one of the plans used here."""
	v = v.replace("(0)", "")
	d = re.sub(r"\D", "", v)
	if v.startswith("00"):
		d = d[2:]
	if d.startswith("1") and nanp_digits_ok(d[1:]):
		return True
	for cc, code in CC_OF.items():
		if d.startswith(code):
			rest = d[len(code):]
			if national_ok(cc, ("0" + rest) if cc in TRUNK0 else rest):
				return True
	for country, (code, _) in E164_PLANS.items():
		if d.startswith(code) and re.fullmatch(E164_NSN[country], d[len(code):]):
			return True
	return False


def strong_hits(s):
	"""Spans of s that are valid values of a strong format (or look like one: +CC numbers)."""
	hits = []
	for m in SCAN_EMAIL.finditer(s):
		a = m.group(0).replace("%40", "@").strip(".'")
		if EMAIL_RE.fullmatch(a) or EMAIL_RE.search(a):
			hits.append(("EMAIL", m.start(), m.end()))
	for m in SCAN_V4.finditer(s):
		if ip_ok(m.group(0)):
			hits.append(("IP", m.start(), m.end()))
	for m in SCAN_V6.finditer(s):
		tok = m.group(0).rstrip(".:")
		if tok.count(":") >= 2 and ip_ok(tok):
			hits.append(("IP", m.start(), m.start() + len(tok)))
	for m in SCAN_NANP.finditer(s):
		d = re.sub(r"\D", "", m.group(0))
		if len(d) == 11:
			d = d[1:]
		if len(d) == 10 and d[0] in "23456789" and d[3] in "23456789" and d[4:6] != "11":
			hits.append(("PHONE", m.start(), m.end()))
	for m in SCAN_INTL.finditer(s):
		if intl_valid(m.group(0)):
			hits.append(("PHONE", m.start(), m.end()))
	for m in SCAN_RUN.finditer(s):
		# every card that could be read out of the run: whole groups joined by single spaces or dashes
		gs = re.split(r"[ -]", m.group(0))
		for i in range(len(gs)):
			for j in range(i + 1, len(gs) + 1):
				num = "".join(gs[i:j])
				if num.isdigit() and 13 <= len(num) <= 19 and card_iin_ok(num) and luhn_ok(num):
					hits.append(("CARD", m.start(), m.end()))
	for m in SCAN_IBAN.finditer(s):
		raw = m.group(0)
		compact = raw.replace(" ", "")
		L = IBAN_LENGTHS.get(compact[:2])
		if L and len(compact) >= L and pc.iban_ok(compact[:L]):
			hits.append(("IBAN", m.start(), m.end()))
	for m in SCAN_SSN.finditer(s):
		if ssn_ok(m.group(0)):
			hits.append(("SSN", m.start(), m.end()))
	return hits


def long_runs(s):
	"""Digit runs (single separators) of 9 or more digits, dates and clock times blanked first."""
	t = DATE_LIKE.sub(lambda m: "x" * len(m.group(0)), s)
	out = []
	for m in SCAN_RUN.finditer(t):
		if len(re.sub(r"\D", "", m.group(0))) >= 9:
			out.append(m)
	return [(m.start(), m.end()) for m in out]


def weak_shape(v):
	"""The weak formats a string could be read as: 'PHONE' and/or 'SSN'."""
	kinds = set()
	d = re.sub(r"[ \-./()\u00a0]", "", v)
	if not d.isdigit():
		return kinds
	if nanp_digits_ok(d) or (len(d) == 10 and d[0] in "23456789" and d[3] in "23456789"):
		kinds.add("PHONE")
	if 10 <= len(d) <= 12 and d[0] == "0" and d[1] != "0":
		kinds.add("PHONE")
	if re.fullmatch(r"[67]\d{8}|[89][1-8]\d{7}|3\d{8,9}", d):
		kinds.add("PHONE")
	if len(d) == 9 and re.fullmatch(r"\d{9}|\d{3} \d{2} \d{4}", v):
		a, b, c = int(d[:3]), int(d[3:5]), int(d[5:])
		if 1 <= a <= 899 and a != 666 and b and c:
			kinds.add("SSN")
	return kinds


# ---- short texts: chat lines, requests, replies ---------------------------------------
#
# Slots: ⟦P+⟧ a phone with a word naming it on its line (⟦P+h⟧ in the column
# header above, ⟦P+s⟧ elsewhere in its sentence), ⟦P⟧ one with no such word
# and no hint on its line (weak formats allowed), ⟦P~⟧ one with a hint but no
# name (strong formats only); ":pool" narrows the sub-formats (see pool_subs).
# E email, P phone, S SSN, C card, I IBAN, A IP; ⟦N:kind[/variant]⟧ a negative;
# lower-case slots are fillers.

SHORT = {
	"phone.ctx": [
		"Can you update her mobile to ⟦P+⟧? The old one bounces.",
		"New cell: ⟦P+⟧ - please save it under ⟦name⟧.",
		"Phone ⟦P+⟧, ask for ⟦first⟧ in accounts payable.",
		"Tel ⟦P+⟧ · Fax ⟦P+⟧",
		"My phone number changed to ⟦P+⟧!",
		"Is ⟦P+⟧ still the right landline for the ⟦city⟧ office?",
		"Draft a reminder text to the patient's mobile (⟦P+⟧) for tomorrow at ⟦hm⟧.",
		"[⟦name⟧] WhatsApp ⟦P+⟧",
		"Emergency contact: ⟦name⟧, phone: ⟦P+⟧",
		"Send the signed form to our fax ⟦P+⟧; the scanner is broken.",
		"Her work phone is \"⟦P+⟧\" according to the CRM, but nobody answers.",
		"Which of these is the cell phone? ⟦P+⟧ or ⟦P+⟧",
		"Meine neue Handynummer lautet ⟦P+:DE⟧.",
		"Tel.: ⟦P+:DE⟧ | Fax: ⟦P+:DE⟧",
		"Fon ⟦P+:DE⟧ · Mobil ⟦P+:DE⟧",
		"Bitte notieren Sie meine Festnetznummer ⟦P+:DE⟧ für Rückfragen.",
		"Telefonisch bin ich ab Montag unter ⟦P+:DE,INTL⟧ zu erreichen.",
		"Die Telefonnummer im Impressum (⟦P+:DE⟧) ist veraltet.",
		"Mon numéro de portable : ⟦P+:FR⟧",
		"Tél. ⟦P+:FR⟧ – du lundi au vendredi",
		"Vous pouvez joindre l'accueil par téléphone au ⟦P+:FR⟧.",
		"Portable\u00a0: ⟦P+:FR⟧",
		"Merci de mettre à jour le téléphone du client : ⟦P+:FR⟧.",
		"Il mio cellulare è ⟦P+:IT⟧, scrivimi pure su WhatsApp.",
		"Tel. ⟦P+:IT⟧ – Fax ⟦P+:IT⟧",
		"Numero di telefono fisso: ⟦P+:IT⟧",
		"Cellulare del referente: ⟦P+:IT⟧ (solo ore ufficio)",
		"Mi móvil es el ⟦P+:ES⟧.",
		"Teléfono de contacto: ⟦P+:ES⟧",
		"Tel. ⟦P+:ES⟧ (oficina de ⟦city⟧)",
		"¿Me confirmas si el teléfono ⟦P+:ES⟧ es el de la tienda?",
		"Mijn mobiele nummer is ⟦P+:NL⟧.",
		"Telefoon: ⟦P+:NL⟧, tussen 9 en 17 uur.",
		"GSM ⟦P+:NL⟧",
		"Tel ⟦P+:NL⟧ / mobiel ⟦P+:NL⟧",
		"UK office phone: ⟦P+:UK⟧ (ask for ⟦first⟧)",
		"Mobile (UK): ⟦P+:UK⟧",
		"Tel: ⟦P+:UK⟧ Fax: ⟦P+:UK⟧",
		"cell ⟦P+:NANP⟧, desk ⟦P+:NANPs⟧",
		"Her cell is ⟦P+:NANP⟧ - text only, she's in meetings all day.",
		"Phone: ⟦P+:NANP⟧ ext. ⟦n⟧",
		"O meu telemóvel é ⟦P+:PT⟧.",
		"Telefone: ⟦P+:PT,BR⟧",
		"Celular do cliente: ⟦P+:BR⟧",
		"Mój numer telefonu: ⟦P+:PL⟧",
		"Komórka: ⟦P+:PL⟧",
		"Mitt mobilnummer är ⟦P+:SE⟧.",
		"Tfn ⟦P+:SE⟧",
		"Mobil: ⟦P+:DK,NO⟧",
		"Telefon: ⟦P+:CZ,AT⟧",
		"Puhelin ⟦P+:FI⟧",
		"Cep telefonum: ⟦P+:TR⟧",
		"Τηλ.: ⟦P+:GR⟧",
		"携帯：⟦P+:JP⟧",
		"电话：⟦P+:CN⟧",
		"手机 ⟦P+:CN⟧，请在工作日联系。",
		"Mobile (Singapore): ⟦P+:SG⟧",
		"mobile ⟦P+:AU,NZ⟧",
		"Jag bor i Madrid nu, mitt spanska mobilnummer är ⟦P+:ESn⟧.",
		"Biuro w Berlinie, telefon ⟦P+:DEn⟧.",
		"Estou em Paris esta semana, telemóvel francês ⟦P+:FRn⟧.",
		"Toimisto Amsterdamissa, puhelin ⟦P+:NLn⟧",
		"Min kontor i London har telefon ⟦P+:UKn⟧.",
		"Ufficio di Milano, telefono ⟦P+:ITn⟧",
		"the landline in the ⟦city⟧ flat is ⟦P+:NAT⟧",
		"Telefon stacjonarny w Rzymie: ⟦P+:ITn⟧",
		"phone:⟦P+:NAT⟧",
		"(mobile: ⟦P+⟧)",
		"mobile ⟦P+:NAT⟧.",
		"Telefone fixo em Lisboa? Não, use o telemóvel ⟦P+:PT⟧!",
	],
	"phone.noctx": [
		"⟦name⟧ ⟦P⟧",
		"⟦P⟧ - ⟦name⟧ (⟦city⟧)",
		"- ⟦name⟧ · ⟦P⟧\n- ⟦name⟧ · ⟦P⟧",
		"It's ⟦P⟧, after six is best.",
		"hier: ⟦P:DE⟧",
		"⟦first⟧: ⟦P:FR⟧ 🙂",
		"Ansprechpartnerin: Frau ⟦last⟧, ⟦P:DE⟧",
		"Rendez-vous confirmé avec ⟦name⟧ — ⟦P:FR⟧",
		"Referente: ⟦name⟧ – ⟦P:IT⟧",
		"Persona de referencia: ⟦name⟧ / ⟦P:ES⟧",
		"Afspraak met ⟦name⟧; ⟦P:NL⟧",
		"⟦name⟧ (⟦company⟧) ⟦P:UK⟧",
		"ok so ⟦P:NANP⟧ then?",
		"⟦P⟧",
		"Wait, is it ⟦P⟧ or ⟦P⟧? I wrote both down.",
		"that one's wrong, use ⟦P:EU⟧ instead",
		"⟦first⟧ => ⟦P⟧",
		"Notiz vom ⟦ddmm⟧: Herr ⟦last⟧, ⟦P:DE⟧, will Angebot bis Freitag.",
		"⟦name⟧ a laissé ses coordonnées : ⟦P:FR⟧.",
		"Mi ha lasciato questo: ⟦P:IT⟧",
		"Apunta: ⟦P:ES⟧, pregunta por ⟦first⟧.",
		"Noteer even: ⟦P:NL⟧ (⟦first⟧)",
		"⟦name⟧ <⟦P⟧>",
		"'⟦P⟧'",
		"[⟦P⟧]",
		"Visit at ⟦hm⟧ at ⟦street⟧; ⟦first⟧ gave us ⟦P:UK,NANP⟧.",
		"«⟦P:FR⟧»",
		"„⟦P:DE⟧“",
		"The one ending in ⟦n⟧ is old; the current one is ⟦P⟧.",
	],
	"phone.hint": [
		"Call me on ⟦P~⟧ after 5.",
		"Ring the depot at ⟦P~⟧ if the driver is late.",
		"Rufen Sie mich unter ⟦P~:DE⟧ zurück.",
		"Appelez-moi au ⟦P~:FR⟧ demain matin.",
		"Chiamami al ⟦P~:IT⟧ quando arrivi.",
		"Llámame al ⟦P~:ES⟧ esta tarde.",
		"Bel me even op ⟦P~:NL⟧.",
		"Ligue para ⟦P~:BR,PT⟧ amanhã.",
		"Zadzwoń pod ⟦P~:PL⟧.",
		"Ring mig på ⟦P~:SE⟧.",
		"📞 ⟦P~⟧",
		"📱 ⟦P~⟧ ✉️ ⟦E⟧",
		"Our hotline ⟦P~:NANPs⟧ is open 24/7.",
		"Best number to reach me: ⟦P~⟧",
		"You can reach our night desk on ⟦P~:INTL⟧.",
		"Dial ⟦P~:NANPs⟧, then press 2 for billing.",
		"Erreichbar unter ⟦P~:DE⟧ (Mo-Fr).",
		"Joignable au ⟦P~:FR⟧ jusqu'à 18h.",
		"Contact: ⟦P~⟧",
		"Nº ⟦P~:ES,PT⟧",
		"call back ⟦P~⟧ re invoice",
		"<a href=\"tel:⟦P+:INTL⟧\">⟦name⟧</a>",
	],
	"ssn.ctx": [
		"SSN ⟦S+⟧ - please verify against the W-2.",
		"Applicant's Social Security number: ⟦S+⟧",
		"ssn=⟦S+⟧ status=mismatch",
		"Número de Seguro Social: ⟦S+⟧",
		"Numéro de sécurité sociale américain (SSN) : ⟦S+⟧",
		"Please redact the social security # ⟦S+⟧ before you forward this.",
		"Soc. Sec. No. ⟦S+⟧",
		"SS# ⟦S+⟧",
		"The SSN field shows ⟦S+⟧ but the 1099 has a different one.",
		"Can you check whether SSN ⟦S+⟧ matches ⟦name⟧ in the payroll export?",
		"Is \"⟦S+⟧\" a valid SSN format?",
		"my ssn is ⟦S+⟧ lol don't tell anyone",
		"Employee SSN (last change ⟦date⟧): ⟦S+⟧",
		"Sozialversicherungsnummer? Nein, die US-SSN: ⟦S+⟧",
		"Il suo SSN americano è ⟦S+⟧.",
		"SSN: ⟦S+⟧; SSN (spouse): ⟦S+⟧",
		"W-4 attached, SSN ⟦S+:dashed⟧.",
		"social security number — ⟦S+⟧",
		"(SSN ⟦S+⟧)",
	],
	"ssn.noctx": [
		"⟦name⟧, ⟦S⟧, ⟦city⟧",
		"Re: ⟦name⟧ (⟦S⟧)",
		"Case ⟦ticket⟧ - applicant ⟦S⟧",
		"⟦S⟧",
		"⟦last⟧: ⟦S⟧",
		"Typo? ⟦S⟧ vs ⟦S⟧",
		"[⟦S⟧] ⟦name⟧",
		"ok, ⟦S⟧ it is.",
	],
	"ssn.hint": [
		"TIN ⟦S~⟧ on the W-9 does not match the name.",
		"Taxpayer identification: ⟦S~⟧",
		"IRS letter references ⟦S~⟧.",
		"id number ⟦S~⟧ for the I-9",
	],
	"card.ctx": [
		"Card number ⟦C+⟧, exp ⟦exp⟧, CVC ⟦cvc⟧",
		"Charge the corporate card ⟦C+⟧ for the renewal.",
		"My Visa is ⟦C+:visa⟧ - expires ⟦exp⟧.",
		"Amex ⟦C+:amex⟧, billing zip ⟦N:postal/zip+4⟧",
		"The card ⟦C+⟧ got declined, try the other one: ⟦C+⟧",
		"Kreditkarte: ⟦C+⟧ (gültig bis ⟦exp⟧)",
		"Numéro de carte : ⟦C+⟧, date d'expiration ⟦exp⟧",
		"Numero carta: ⟦C+⟧ scad. ⟦exp⟧",
		"Número de tarjeta: ⟦C+⟧",
		"Creditcard ⟦C+⟧, geldig tot ⟦exp⟧",
		"Cartão de crédito ⟦C+⟧",
		"Numer karty: ⟦C+⟧",
		"Kortnummer: ⟦C+⟧",
		"JCB card ⟦C+:jcb⟧ from the Osaka booking",
		"Diners Club ⟦C+:diners⟧ exp ⟦exp⟧",
		"UnionPay card: ⟦C+:unionpay⟧",
		"Discover ⟦C+:discover⟧",
		"Mastercard ⟦C+:mastercard,mastercard2⟧ / ⟦exp⟧ / ⟦cvc⟧",
		"Maestro card ⟦C+:maestro⟧",
		"debit card: ⟦C+⟧",
		"PAN=⟦C+⟧ RC=05 DO NOT HONOR",
		"Can you tell me if ⟦C+⟧ is a real card?",
		"\"card\": \"⟦C+⟧\"",
		"card_number=⟦C+⟧&exp=⟦exp⟧",
	],
	"card.noctx": [
		"⟦C⟧ ⟦exp⟧ ⟦cvc⟧",
		"pay with ⟦C⟧ please",
		"⟦name⟧ - ⟦C⟧",
		"⟦C⟧",
		"Use ⟦C⟧ for the hotel, not the one from last month.",
		"I typed ⟦C⟧ into the checkout and it spins forever.",
		"Zahlung mit ⟦C⟧ fehlgeschlagen.",
		"Paiement refusé pour ⟦C⟧.",
		"Pagamento con ⟦C⟧ non riuscito.",
		"Pago rechazado: ⟦C⟧.",
		"Betaling met ⟦C⟧ mislukt.",
		"'⟦C⟧'",
		"(⟦C⟧)",
		"⟦C⟧;⟦exp⟧;⟦cvc⟧;⟦name⟧",
		"it's ⟦C⟧!",
		"is this right? ⟦C⟧?",
	],
	"iban.ctx": [
		"Please wire the deposit to IBAN ⟦I+⟧.",
		"IBAN: ⟦I+⟧, BIC: ⟦N:vat/bic11⟧",
		"Bankverbindung: ⟦company⟧, IBAN ⟦I+:DE,AT,CH⟧",
		"Kontonummer (IBAN) ⟦I+:DE⟧ – Verwendungszweck ⟦N:order/de-rechnung⟧",
		"Coordonnées bancaires : IBAN ⟦I+:FR,BE,LU,MC⟧",
		"RIB / IBAN : ⟦I+:FR⟧",
		"Coordinate bancarie: IBAN ⟦I+:IT,SM⟧",
		"Cuenta para la devolución: ⟦I+:ES,AD⟧",
		"Rekeningnummer ⟦I+:NL⟧ t.n.v. ⟦name⟧",
		"Numer konta: ⟦I+:PL⟧",
		"Conta (IBAN): ⟦I+:PT⟧",
		"Our account changed - new IBAN ⟦I+⟧, please update the vendor master.",
		"iban=⟦I+⟧",
		"Is ⟦I+⟧ a valid IBAN? The portal rejects it.",
		"Refund to account ⟦I+⟧ (holder ⟦name⟧).",
		"IBAN ⟦I+:GB,IE⟧ sort code not needed",
		"bank account: ⟦I+⟧",
		"Účet: ⟦I+:CZ,SK⟧",
		"Tilinumero ⟦I+:FI⟧",
		"IBAN\u00a0: ⟦I+⟧.",
	],
	"iban.noctx": [
		"⟦I⟧",
		"Überweisung an ⟦name⟧, ⟦I⟧, Betreff ⟦N:order/inv-slash⟧",
		"Virement de ⟦eur⟧ € vers ⟦I⟧.",
		"Bonifico a favore di ⟦name⟧ su ⟦I⟧",
		"Transferencia a ⟦I⟧ (⟦name⟧).",
		"Overboeking naar ⟦I⟧, ⟦name⟧",
		"Beneficiary: ⟦name⟧ ⟦I⟧",
		"pay ⟦I⟧ by Friday",
		"(⟦I⟧)",
		"⟦I⟧ — ⟦company⟧",
		"Mottagare: ⟦name⟧, ⟦I:SE⟧",
	],
	"email.ctx": [
		"My email is ⟦E+⟧, send the draft there.",
		"Can you change the contact email to ⟦E+⟧?",
		"E-Mail: ⟦E+⟧",
		"Meine E-Mail-Adresse lautet ⟦E+⟧.",
		"Courriel : ⟦E+⟧",
		"Adresse e-mail : ⟦E+⟧",
		"Indirizzo email: ⟦E+⟧",
		"Correo electrónico: ⟦E+⟧",
		"Mijn e-mailadres is ⟦E+⟧.",
		"O meu e-mail é ⟦E+⟧.",
		"Adres e-mail: ⟦E+⟧",
		"E-post: ⟦E+⟧",
		"Sähköposti: ⟦E+⟧",
		"メール: ⟦E+⟧",
		"邮箱：⟦E+⟧",
		"email ⟦E+⟧ bounced (550 no such user)",
		"Mail an ⟦E+⟧ ist zurückgekommen.",
		"Reply to ⟦E+⟧, not to the noreply mail.",
		"The billing e-mail on file is \"⟦E+⟧\".",
		"Invite ⟦E+⟧ and ⟦E+⟧ to the shared mailbox.",
		"mailto:⟦E+⟧",
		"[⟦E+⟧](mailto:⟦=1+⟧)",
		"PEC: ⟦E+⟧",
		"(email: ⟦E+⟧)",
		"Your e-mail address ⟦E+⟧ has been verified!",
		"email=⟦E+⟧;",
	],
	"email.noctx": [
		"From: ⟦name⟧ <⟦E⟧>",
		"To: ⟦E⟧, ⟦E⟧",
		"Cc: \"⟦name⟧\" <⟦E⟧>",
		"Signed-off-by: ⟦name⟧ <⟦E⟧>",
		"Co-authored-by: ⟦name⟧ <⟦E:digits-underscore⟧>",
		"⟦E⟧",
		"Send it to ⟦E⟧ please.",
		"Login failed for ⟦E⟧ (3 attempts).",
		"user ⟦E⟧ added to group admins",
		"Author: ⟦name⟧ <⟦E⟧>",
		"Ping ⟦E⟧ about the contract.",
		"⟦name⟧ (⟦E⟧) asked for a refund.",
		"Schick es bitte an ⟦E⟧.",
		"Envoyez-le à ⟦E⟧ svp.",
		"Mandalo a ⟦E⟧, grazie.",
		"Envíalo a ⟦E⟧.",
		"Stuur het naar ⟦E⟧.",
		"<⟦E⟧>",
		"'⟦E:noapos⟧'",
		"→ ⟦E⟧",
		"👉 ⟦E⟧!",
		"Who is ⟦E⟧?",
		"«⟦E⟧»",
		"\"⟦name⟧\" <⟦E⟧>; \"⟦name⟧\" <⟦E⟧>",
		"Forwarded from ⟦E⟧: the invoice is attached.",
		"⟦E⟧:",
		"Thanks ⟦E⟧.",
	],
	"ip.ctx": [
		"Blocked IP ⟦A+⟧ after 20 failed logins.",
		"The server at ⟦A+⟧ is down again.",
		"client_ip=⟦A+⟧ user=⟦user⟧ action=login",
		"Add ⟦A+⟧ to the allowlist (office IP).",
		"IP-Adresse des Routers: ⟦A+⟧",
		"Adresse IP du serveur : ⟦A+⟧",
		"Indirizzo IP: ⟦A+⟧",
		"Dirección IP: ⟦A+⟧",
		"IP-adres: ⟦A+⟧",
		"nameserver ⟦A+⟧",
		"Remote address: ⟦A+:v4pc⟧:⟦port⟧",
		"upstream timed out, upstream: \"http://⟦A+:v4pc⟧:⟦port⟧/v1/chat\"",
		"inet ⟦A+:v4pc⟧/24 scope global eth0",
		"inet6 ⟦A+:v6⟧/64 scope global",
		"host ⟦A+⟧ is unreachable",
		"Source IP ⟦A+⟧ → destination ⟦A+⟧",
		"X-Real-IP: ⟦A+⟧",
		"X-Forwarded-For: ⟦A+⟧, ⟦A+⟧",
		"gateway ⟦A+:v4⟧",
		"Listening on [⟦A+:v6⟧]:⟦port⟧",
		"The public IPv6 of the box is ⟦A+:v6⟧.",
		"ipv4: ⟦A+:v4⟧, ipv6: ⟦A+:v6⟧",
		"peer ⟦A+⟧ closed the connection",
		"Adres IP klienta: ⟦A+⟧",
	],
	"ip.noctx": [
		"ping ⟦A⟧",
		"ssh ops@⟦A:v4⟧",
		"curl -v http://⟦A:v4pc⟧:⟦port⟧/healthz",
		"curl -g 'http://[⟦A:v6⟧]:⟦port⟧/metrics'",
		"dig -x ⟦A⟧ +short",
		"traceroute ⟦A⟧",
		"nc -zv ⟦A:v4⟧ ⟦port⟧",
		"Connection reset by ⟦A⟧ port ⟦port⟧",
		"Failed password for invalid user admin from ⟦A⟧ port ⟦port⟧ ssh2",
		"⟦A⟧",
		"whois ⟦A⟧?",
		"Why does ⟦A⟧ keep hitting /wp-login.php?",
		"⟦A:v4pc⟧/24 is the VPN range, right?",
		"[⟦A⟧]",
		"(⟦A⟧)",
		"telnet ⟦A:v4⟧ 25",
	],
}


# ---- short texts: negatives in their own contexts -------------------------------------

NEG_SHORT = {
	"luhn": ["The card number ⟦N:luhn⟧ fails the Luhn check - probably a typo.",
		 "Kartennummer ⟦N:luhn⟧ wird als ungültig abgelehnt.",
		 "Numéro de carte invalide : ⟦N:luhn⟧",
		 "Why is ⟦N:luhn⟧ rejected as an invalid card?",
		 "test fixture: invalid_card = \"⟦N:luhn⟧\"  # must fail checksum",
		 "Tarjeta ⟦N:luhn⟧: número no válido (dígito de control).",
		 "OCR read the card as ⟦N:luhn⟧ but the checksum is wrong.",
		 "Gift card code ⟦N:luhn⟧ not recognised."],
	"badiban": ["IBAN ⟦N:badiban⟧ fails validation (checksum).",
		    "Die IBAN ⟦N:badiban⟧ ist laut Bank ungültig - Prüfziffer falsch.",
		    "L'IBAN ⟦N:badiban⟧ est invalide, merci de vérifier.",
		    "IBAN ⟦N:badiban⟧ non valido: errore di controllo.",
		    "El IBAN ⟦N:badiban⟧ no es válido.",
		    "IBAN ⟦N:badiban⟧ klopt niet (controlegetal).",
		    "Import warning: row ⟦n⟧, invalid IBAN \"⟦N:badiban⟧\"",
		    "Typo in the IBAN? ⟦N:badiban⟧ gets a mod-97 error."],
	"badssn": ["SSN ⟦N:badssn⟧ is not a valid number (area/group/serial).",
		   "Placeholder SSN ⟦N:badssn⟧ in the test fixture.",
		   "Form rejected SSN ⟦N:badssn⟧ - invalid.",
		   "ITIN ⟦N:badssn/area 9xx (ITIN)⟧ is not an SSN.",
		   "sample_ssn: \"⟦N:badssn⟧\"  # deliberately invalid",
		   "The SSA never issues numbers like ⟦N:badssn⟧."],
	"ver": ["Upgraded the cluster to ⟦N:ver⟧ last night.",
		"pip install requests==⟦N:ver/pip⟧",
		"Firmware ⟦N:ver/firmware⟧ fixes the Wi-Fi drop.",
		"Running kernel ⟦N:ver/kernel⟧ on all nodes.",
		"FROM node:⟦N:ver/docker⟧",
		"App-Version ⟦N:ver/four-part small⟧ (Build ⟦n⟧)",
		"Version ⟦N:ver/four-part small⟧ du firmware disponible.",
		"User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/⟦N:ver/chrome⟧ Safari/537.36",
		"OS build ⟦N:ver/windows⟧",
		"Android build ⟦N:ver/android⟧",
		"go: downloading toolchain ⟦N:ver/go⟧",
		"release ⟦N:ver/calver⟧ is tagged",
		"<version>⟦N:ver/maven⟧</version>",
		"versione ⟦N:ver/four-part⟧ installata",
		"bump: ⟦N:ver/v-semver⟧ → ⟦N:ver/v-semver⟧",
		"The driver version is ⟦N:ver/four-part small⟧, please update.",
		"Firmware-Version ⟦N:ver/four-part small⟧ installiert."],
	"ts": ["Job finished at ⟦N:ts⟧.",
	       "created_at: ⟦N:ts/iso-millis⟧",
	       "Date: ⟦N:ts/rfc2822⟧",
	       "Letzte Anmeldung: ⟦N:ts/de-date⟧",
	       "ts=⟦N:ts/epoch-ms⟧ level=info msg=\"flush\"",
	       "[⟦N:ts/apache⟧] \"GET /robots.txt HTTP/1.1\" 404",
	       "DTSTART:⟦N:ts/ics⟧",
	       "at ⟦N:ts/timecode⟧ the speaker switches slides",
	       "backup_⟦N:ts/compact⟧.tar.zst",
	       "expires=⟦N:ts/epoch-s⟧",
	       "Elapsed: ⟦N:ts/duration⟧"],
	"order": ["Your order ⟦N:order⟧ has shipped.",
		  "Bestellnummer ⟦N:order⟧ - bitte bei Rückfragen angeben.",
		  "Commande n° ⟦N:order⟧ confirmée.",
		  "Ordine ⟦N:order⟧ in consegna.",
		  "Pedido ⟦N:order⟧ enviado.",
		  "Bestelling ⟦N:order⟧ is onderweg.",
		  "Refund for order ⟦N:order/amazon⟧ issued.",
		  "Please quote ⟦N:order/9 digits⟧ on the transfer.",
		  "PO ⟦N:order/po⟧ approved",
		  "Ticket ⟦N:order/ticket⟧ escalated to tier 2.",
		  "Booking reference ⟦N:order/booking⟧, seat 14C."],
	"price": ["Total: ⟦N:price⟧",
		  "Gesamtbetrag: ⟦N:price/eur-de⟧",
		  "Montant TTC : ⟦N:price/eur-fr⟧",
		  "That's ⟦N:price/usd⟧ per seat per month.",
		  "Budget approved: ⟦N:price/usd-big⟧.",
		  "Kostnad: ⟦N:price/sek⟧",
		  "Cena: ⟦N:price/pln⟧",
		  "Preis: ⟦N:price/chf⟧",
		  "料金：⟦N:price/jpy⟧",
		  "Valor: ⟦N:price/brl⟧"],
	"geo": ["Meet at ⟦N:geo⟧.",
		"GPS: ⟦N:geo/dms⟧",
		"\"coordinates\": ⟦N:geo/geojson⟧",
		"https://maps.example.com/?q=⟦N:geo/latlng⟧",
		"Sensor position ⟦N:geo/plus-sign⟧ (WGS84)",
		"Koordinaten: ⟦N:geo⟧"],
	"hash": ["commit ⟦N:hash/git-long⟧",
		 "fixed in ⟦N:hash/git-short⟧",
		 "sha256sum: ⟦N:hash/sha256⟧  agent-linux-amd64.tar.gz",
		 "ETag: \"⟦N:hash/md5⟧\"",
		 "integrity=\"⟦N:hash/sri⟧\"",
		 "digest: ⟦N:hash/sha1⟧"],
	"uuid": ["request id ⟦N:uuid⟧ failed",
		 "trace_id=⟦N:uuid⟧",
		 "Tenant ⟦N:uuid/upper⟧ is over quota.",
		 "ProductCode ⟦N:uuid/braced⟧",
		 "event_id: ⟦N:uuid/ulid⟧"],
	"phonelike": ["Kundennummer ⟦N:phonelike/11 digits leading 0⟧",
		      "Customer no. ⟦N:phonelike/10 digits⟧ (internal)",
		      "ISBN ⟦N:phonelike/isbn13⟧",
		      "ISBN-10: ⟦N:phonelike/isbn10⟧",
		      "EAN ⟦N:phonelike/ean13⟧",
		      "Part no. ⟦N:phonelike/grouped 4-4-4⟧ is out of stock.",
		      "Meeting ID: ⟦N:phonelike/conference pin⟧",
		      "Aktenzeichen ⟦N:phonelike/case number⟧",
		      "numéro client ⟦N:phonelike/10 digits⟧",
		      "codice cliente ⟦N:phonelike/11 digits leading 0⟧",
		      "número de socio ⟦N:phonelike/9 digits⟧",
		      "klantnummer ⟦N:phonelike/10 digits⟧",
		      "Serial number ⟦N:phonelike/12 digits⟧",
		      "Batch ⟦N:phonelike/11 digits leading 0⟧ failed QA."],
	"imei": ["IMEI ⟦N:imei⟧",
		 "Gerät mit IMEI ⟦N:imei⟧ als gestohlen gemeldet.",
		 "imei=⟦N:imei⟧ model=SM-S918B",
		 "*#06# shows ⟦N:imei⟧",
		 "IMEISV: ⟦N:imei/imeisv⟧",
		 "The phone with IMEI ⟦N:imei⟧ needs a screen repair."],
	"iccid": ["SIM ICCID ⟦N:iccid⟧",
		  "ICCID: ⟦N:iccid⟧ activated.",
		  "iccid=⟦N:iccid⟧",
		  "eSIM profile ⟦N:iccid⟧ downloaded.",
		  "Carte SIM ⟦N:iccid/spaced⟧ suspendue."],
	"mac": ["MAC ⟦N:mac⟧",
		"ether ⟦N:mac/colon⟧  txqueuelen 1000  (Ethernet)",
		"DHCPACK on 10.x.x.x to ⟦N:mac⟧ via eth0",
		"BSSID ⟦N:mac/colon upper⟧",
		"Physical Address. . . : ⟦N:mac/dash⟧",
		"mac-address-table static ⟦N:mac/cisco⟧ vlan 20"],
	"oid": ["OID ⟦N:oid/snmp oid⟧",
		"snmpget -v2c -c public switch01 ⟦N:oid/snmp oid⟧",
		"signatureAlgorithm ⟦N:oid/pkcs oid⟧",
		"See section ⟦N:oid/section 4-level⟧ of the spec.",
		"Gemäß Abschnitt ⟦N:oid/section 4-level⟧ der AGB",
		"clause ⟦N:oid/section 5-level⟧ applies",
		"voir ⟦N:oid/paragraph⟧ du contrat",
		"attributeTypes: ( ⟦N:oid/x500 oid⟧ NAME 'agentOwner' SUP name )",
		"Requirement ⟦N:oid/section 4-level⟧ is met."],
	"at": ["npm install ⟦N:at/npm⟧",
	       "pnpm add ⟦N:at/scoped-npm⟧",
	       "thanks ⟦N:at/mention⟧!",
	       "⟦N:at/decorator⟧\ndef handler(event):",
	       "git clone ⟦N:at/git-remote⟧",
	       "⟦N:at/shell-prompt⟧:~$ sudo systemctl restart nginx",
	       "image: ⟦N:at/docker-digest⟧",
	       "⟦N:at/css⟧ { .sidebar { display: none; } }",
	       "SET ⟦N:at/sql-var⟧ = 42;",
	       "⟦N:at/java-annotation⟧\npublic String getName() {",
	       "go get ⟦N:at/go-module⟧",
	       "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI⟦hex8⟧ ⟦N:at/known-hosts⟧",
	       " * ⟦N:at/jsdoc⟧ {string} id",
	       "<⟦N:at/slack-mention⟧> can you take a look?",
	       "follow ⟦N:at/handle⟧ for updates",
	       "Permission denied (publickey) when I run git push ⟦N:at/git-remote⟧ main",
	       "remote: Repository not found.\nfatal: could not read from ⟦N:at/git-remote⟧",
	       "[submodule \"vendor/schemas\"]\n\turl = ⟦N:at/git-remote⟧",
	       "⟦N:at/shell-prompt⟧:/var/log$ tail -f syslog",
	       "⟦N:at/shell-prompt⟧ ~ % docker ps",
	       "Last login: ⟦N:ts/syslog⟧ on pts/0\n⟦N:at/shell-prompt⟧:~#",
	       "FROM ⟦N:at/docker-digest⟧ AS build",
	       "\"dependencies\": { \"⟦N:at/scoped-npm⟧\" }",
	       "npx ⟦N:at/npm⟧ init",
	       "yarn add ⟦N:at/scoped-npm⟧ --dev",
	       "require github.com/acme/agents v0.4.1 // via ⟦N:at/go-module⟧",
	       "⟦N:at/java-annotation⟧\nprivate String email;",
	       "@Column(name = \"phone\", length = ⟦k⟧⟦k⟧) ⟦N:at/java-annotation⟧",
	       "/**\n * ⟦N:at/jsdoc⟧ {Contact} contact\n */",
	       "SELECT ⟦N:at/sql-var⟧ AS batch",
	       "⟦N:at/css⟧ {\n  body { font-size: 14px; }\n}",
	       "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ⟦hex8⟧ ⟦N:at/known-hosts⟧",
	       "Thanks ⟦N:at/mention⟧ and ⟦N:at/mention⟧ for the review!",
	       "new post by ⟦N:at/handle⟧ about the outage",
	       "⟦N:at/decorator⟧\nasync def create_contact(body: ContactIn):"],
	"ein": ["EIN ⟦N:ein⟧",
		"Employer identification number: ⟦N:ein⟧",
		"Federal Tax ID (EIN) ⟦N:ein⟧ for the vendor form",
		"FEIN ⟦N:ein⟧"],
	"aba": ["routing number ⟦N:aba⟧",
		"ABA ⟦N:aba⟧",
		"ACH routing ⟦N:aba⟧ for payroll",
		"RTN: ⟦N:aba⟧"],
	"track": ["Tracking: ⟦N:track⟧",
		  "Sendungsnummer ⟦N:track⟧",
		  "Numéro de suivi : ⟦N:track⟧",
		  "UPS ⟦N:track/ups⟧ delivered.",
		  "Track & Trace ⟦N:track/postnl⟧",
		  "USPS tracking # ⟦N:track/usps⟧"],
	"mask": ["Card ending ⟦N:mask/short⟧ was charged.",
		 "Payment method: Visa ⟦N:mask/stars grouped⟧",
		 "Karte ⟦N:mask/x grouped⟧",
		 "card_bin_last4=⟦N:mask/first6 last4⟧",
		 "Carte bancaire ⟦N:mask/bullets⟧"],
	"vat": ["USt-IdNr.: ⟦N:vat/DE⟧",
		"N° TVA intracommunautaire : ⟦N:vat/FR⟧",
		"BTW-nummer ⟦N:vat/NL⟧",
		"Partita IVA ⟦N:vat/IT⟧",
		"UID ⟦N:vat/AT⟧",
		"VAT reg. no. ⟦N:vat/GB⟧",
		"BIC/SWIFT: ⟦N:vat/bic8⟧",
		"CIF ⟦N:vat/ES⟧"],
	"ship": ["Container ⟦N:ship/container⟧ discharged at Rotterdam.",
		 "AWB ⟦N:ship/awb⟧",
		 "HS code ⟦N:ship/hs code⟧",
		 "B/L ⟦N:ship/bill of lading⟧",
		 "CNTR ⟦N:ship/container spaced⟧ 40HC"],
	"clin": ["NPI ⟦N:clin/npi⟧",
		 "MRN: ⟦N:clin/mrn⟧",
		 "LOINC ⟦N:clin/loinc⟧ (HbA1c)",
		 "Dx: ⟦N:clin/icd10⟧",
		 "CPT ⟦N:clin/cpt⟧",
		 "NDC ⟦N:clin/ndc⟧",
		 "DEA# ⟦N:clin/dea⟧"],
	"cloud": ["AWS account ⟦N:cloud/aws account⟧",
		  "role_arn = \"⟦N:cloud/arn⟧\"",
		  "project number ⟦N:cloud/gcp project number⟧",
		  "customer ⟦N:cloud/stripe id⟧",
		  "scope: ⟦N:cloud/azure resource⟧",
		  "instance ⟦N:cloud/ec2 instance⟧ stopped"],
	"badip": ["ValueError: '⟦N:badip/octet > 255⟧' does not appear to be an IPv4 or IPv6 address",
		  "invalid address ⟦N:badip⟧ in allowlist, skipped",
		  "Ungültige Eingabe: ⟦N:badip/octet > 255⟧",
		  "parse error near '⟦N:badip/v6 double ::⟧'"],
	"postal": ["ZIP ⟦N:postal/zip+4⟧",
		   "Postcode ⟦N:postal/uk⟧",
		   "Postcode: ⟦N:postal/nl⟧ Utrecht",
		   "Eircode ⟦N:postal/eircode⟧",
		   "kod pocztowy ⟦N:postal/pl⟧",
		   "Código postal ⟦N:postal/pt⟧ Lisboa",
		   "CEP ⟦N:postal/br cep⟧",
		   "Postal code ⟦N:postal/ca⟧",
		   "郵便番号 ⟦N:postal/jp⟧"],
	"qty": ["Uploaded ⟦N:qty/bytes⟧ in 3 chunks.",
		"rows_scanned=⟦N:qty/rows 9 digits⟧",
		"Context used: ⟦N:qty/tokens⟧",
		"Population: ⟦N:qty/thousands sep⟧",
		"Stückzahl: ⟦N:qty/units spaced⟧",
		"counter=⟦N:qty/counter 10 digits⟧"],
}


# ---- documents ---------------------------------------------------------------------
#
# Each returns a template; the id of the text's template is "doc.<name>.<variant>".


def doc_crm_json(g):
	v = g.pick(["pretty", "compact", "hubspot"])
	if v == "pretty":
		return v, ("{\n  \"contact\": {\n    \"id\": \"⟦N:uuid⟧\",\n    \"name\": \"⟦name⟧\",\n"
			   "    \"emails\": [\n      {\"type\": \"work\", \"value\": \"⟦E⟧\"},\n"
			   "      {\"type\": \"home\", \"value\": \"⟦E⟧\"}\n    ],\n"
			   "    \"phone\": \"⟦P+⟧\",\n    \"mobile_phone\": \"⟦P+⟧\",\n"
			   "    \"billing\": {\"iban\": \"⟦I+⟧\", \"vat_id\": \"⟦N:vat⟧\"},\n"
			   "    \"last_login_ip\": \"⟦A+⟧\",\n    \"updated_at\": \"⟦N:ts/iso-millis⟧\"\n  }\n}")
	if v == "compact":
		return v, ("{\"ok\":true,\"result\":{\"customer_id\":⟦n⟧,\"full_name\":\"⟦name⟧\",\"email\":\"⟦E+⟧\","
			   "\"phone_number\":\"⟦P+⟧\",\"signup_ip\":\"⟦A+⟧\",\"plan\":\"pro\"}}")
	return v, ("{\n  \"properties\": {\n    \"firstname\": \"⟦first⟧\",\n    \"email\": \"⟦E+⟧\",\n"
		   "    \"phone\": \"⟦P+⟧\",\n    \"mobilephone\": \"⟦P+⟧\",\n    \"fax\": \"⟦P+⟧\",\n"
		   "    \"hs_object_id\": \"⟦N:phonelike/12 digits⟧\",\n    \"lastmodifieddate\": \"⟦N:ts/iso-millis⟧\"\n  }\n}")


def doc_hr_json(g):
	v = g.pick(["en", "de"])
	if v == "en":
		return v, ("{\n  \"employee\": {\n    \"employee_id\": \"E-⟦n⟧\",\n    \"legal_name\": \"⟦name⟧\",\n"
			   "    \"ssn\": \"⟦S+⟧\",\n    \"personal_email\": \"⟦E+⟧\",\n    \"home_phone\": \"⟦P+:NANP⟧\",\n"
			   "    \"direct_deposit\": {\n      \"routing_number\": \"⟦N:aba⟧\",\n      \"account_last4\": \"⟦n⟧\"\n    },\n"
			   "    \"start_date\": \"⟦date⟧\"\n  }\n}")
	return v, ("{\n  \"mitarbeiter\": {\n    \"personalnummer\": \"⟦N:phonelike/9 digits⟧\",\n    \"name\": \"⟦name⟧\",\n"
		   "    \"bankverbindung\": {\"iban\": \"⟦I+:DE,AT⟧\", \"bic\": \"⟦N:vat/bic11⟧\"},\n"
		   "    \"telefon_privat\": \"⟦P+:DE⟧\",\n    \"email_privat\": \"⟦E+⟧\",\n    \"eintritt\": \"⟦date⟧\"\n  }\n}")


def doc_billing_json(g):
	v = g.pick(["legacy", "webhook", "order"])
	if v == "legacy":
		return v, ("[\n  {\"account\": ⟦n⟧, \"holder\": \"⟦name⟧\", \"cc_number\": \"⟦C+⟧\", \"cc_exp\": \"⟦exp⟧\"},\n"
			   "  {\"account\": ⟦n⟧, \"holder\": \"⟦name⟧\", \"cc_number\": \"⟦C+⟧\", \"cc_exp\": \"⟦exp⟧\"}\n]")
	if v == "webhook":
		return v, ("{\"type\": \"charge.failed\", \"data\": {\"object\": {\"id\": \"⟦N:cloud/stripe id⟧\", "
			   "\"amount\": ⟦n⟧, \"billing_details\": {\"email\": \"⟦E+⟧\", \"phone\": \"⟦P+⟧\"}, "
			   "\"payment_method_details\": {\"card\": {\"brand\": \"visa\", \"last4\": \"⟦n⟧\"}}}}}")
	return v, ("{\n  \"order\": \"⟦N:order/ord-year⟧\",\n  \"customer\": {\n    \"email\": \"⟦E+⟧\",\n"
		   "    \"phone\": \"⟦P+⟧\"\n  },\n  \"payment\": {\n    \"method\": \"card\",\n"
		   "    \"card_number\": \"⟦C+⟧\",\n    \"expiry\": \"⟦exp⟧\"\n  },\n  \"client_ip\": \"⟦A+⟧\",\n"
		   "  \"total\": \"⟦N:price/usd⟧\"\n}")


def doc_fhir(g):
	v = g.pick(["pretty", "compact-telecom"])
	if v == "pretty":
		return v, ("{\n  \"resourceType\": \"Patient\",\n  \"id\": \"⟦N:uuid/lower⟧\",\n  \"identifier\": [\n    {\n"
			   "      \"system\": \"http://hl7.org/fhir/sid/us-ssn\",\n      \"value\": \"⟦S⟧\"\n    },\n"
			   "    {\n      \"system\": \"urn:oid:⟦N:oid/pkcs oid⟧\",\n      \"value\": \"⟦N:clin/mrn⟧\"\n    }\n  ],\n"
			   "  \"telecom\": [\n    {\n      \"system\": \"phone\",\n      \"value\": \"⟦P⟧\",\n"
			   "      \"use\": \"home\"\n    },\n    {\n      \"system\": \"email\",\n      \"value\": \"⟦E⟧\"\n    }\n  ]\n}")
	return v, ("{\n  \"resourceType\": \"Patient\",\n  \"identifier\": [{\"system\": \"http://hl7.org/fhir/sid/us-ssn\", "
		   "\"value\": \"⟦S+⟧\"}],\n  \"telecom\": [\n    {\"system\": \"phone\", \"value\": \"⟦P+⟧\", \"use\": \"home\"},\n"
		   "    {\"system\": \"phone\", \"value\": \"⟦P+⟧\", \"use\": \"mobile\"},\n"
		   "    {\"system\": \"email\", \"value\": \"⟦E+⟧\"}\n  ],\n"
		   "  \"generalPractitioner\": [{\"identifier\": {\"system\": \"http://hl7.org/fhir/sid/us-npi\", "
		   "\"value\": \"⟦N:clin/npi⟧\"}}]\n}")


def doc_hl7(g):
	return "pid", ("MSH|^~\\&|EPIC|HOSP|LAB|HOSP|⟦N:ts/compact⟧||ADT^A08|⟦N:hash/git-short⟧|P|2.5.1\r\n"
		       "PID|1||⟦N:clin/mrn⟧^^^HOSP^MR||⟦last⟧^⟦first⟧||⟦N:ts/compact⟧|F|||⟦street⟧^^⟦city⟧||"
		       "⟦P:NANP⟧|⟦P:NANP⟧||S||⟦N:order/9 digits⟧|⟦S⟧\r\n"
		       "PV1|1|O|CLINIC^⟦n⟧|||||⟦N:clin/npi⟧^⟦last⟧^⟦first⟧")


def doc_nginx(g):
	lines = []
	for _ in range(g.int(2, 4)):
		lines.append(g.pick([
			"⟦A⟧ - - [⟦N:ts/apache⟧] \"GET /api/v2/users?email=⟦E+:url-encoded⟧&page=2 HTTP/1.1\" ⟦status⟧ ⟦bytes⟧ \"-\" \"python-requests/⟦N:ver/pip⟧\"",
			"⟦A⟧ - - [⟦N:ts/apache⟧] \"POST /v1/chat/completions HTTP/1.1\" ⟦status⟧ ⟦bytes⟧ \"-\" \"OpenAI/Python ⟦N:ver/semver⟧\"",
			"⟦A⟧ - ⟦user⟧ [⟦N:ts/apache⟧] \"GET /unsubscribe?u=⟦E:url-encoded⟧ HTTP/2.0\" ⟦status⟧ ⟦bytes⟧",
			"⟦A:v6⟧ - - [⟦N:ts/apache⟧] \"GET /healthz HTTP/1.1\" 200 2 \"-\" \"kube-probe/1.29\"",
			"⟦A⟧ - - [⟦N:ts/apache⟧] \"GET /reset-password?login=⟦E:url-encoded⟧&token=⟦hex8⟧ HTTP/1.1\" ⟦status⟧ ⟦bytes⟧",
			"⟦A⟧ - - [⟦N:ts/apache⟧] \"GET /wp-login.php HTTP/1.1\" 404 ⟦bytes⟧ \"-\" \"Mozilla/5.0 (X11; Linux x86_64) Chrome/⟦N:ver/chrome⟧\"",
		]))
	return "access", "\n".join(lines)


def doc_syslog(g):
	lines = []
	for _ in range(g.int(2, 4)):
		lines.append(g.pick([
			"⟦N:ts/syslog⟧ mx1 postfix/smtp[⟦pid⟧]: ⟦hex8⟧: to=<⟦E⟧>, relay=mx.⟦city⟧.example[⟦A+:v4⟧]:25, delay=1.2, status=sent (250 2.0.0 OK)",
			"⟦N:ts/syslog⟧ mx1 postfix/smtpd[⟦pid⟧]: connect from unknown[⟦A⟧]",
			"⟦N:ts/syslog⟧ bastion sshd[⟦pid⟧]: Accepted publickey for deploy from ⟦A⟧ port ⟦port⟧ ssh2",
			"⟦N:ts/syslog⟧ bastion sshd[⟦pid⟧]: Invalid user oracle from ⟦A⟧ port ⟦port⟧",
			"⟦N:ts/syslog⟧ gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC=⟦N:mac/colon⟧ SRC=⟦A+:v4⟧ DST=⟦A+:v4⟧ PROTO=TCP DPT=⟦port⟧",
			"⟦N:ts/syslog⟧ mx1 dovecot: imap-login: Login: user=<⟦E⟧>, method=PLAIN, rip=⟦A⟧, lip=⟦A⟧, TLS",
			"⟦N:ts/syslog⟧ app01 agent[⟦pid⟧]: sms.sent msisdn=⟦P+:INTL⟧ template=otp",
			"⟦N:ts/syslog⟧ vpn charon: ⟦n⟧[IKE] ⟦A⟧ is initiating a Main Mode IKE_SA",
		]))
	return "lines", "\n".join(lines)


def doc_jsonlog(g):
	lines = []
	for _ in range(g.int(1, 3)):
		lines.append(g.pick([
			"{\"ts\":\"⟦N:ts/iso-millis⟧\",\"level\":\"warn\",\"msg\":\"otp sent\",\"user_id\":⟦n⟧,\"phone\":\"⟦P+⟧\",\"ip\":\"⟦A+⟧\",\"trace_id\":\"⟦N:uuid⟧\"}",
			"{\"time\":\"⟦N:ts/iso-z⟧\",\"severity\":\"ERROR\",\"message\":\"payment declined\",\"card\":\"⟦C+⟧\",\"remote_addr\":\"⟦A+⟧\"}",
			"{\"@timestamp\":\"⟦N:ts/iso-millis⟧\",\"event\":\"login\",\"user\":{\"email\":\"⟦E+⟧\"},\"source\":{\"ip\":\"⟦A+⟧\"}}",
			"{\"t\":⟦N:ts/epoch-ms⟧,\"lvl\":\"info\",\"evt\":\"payout.created\",\"iban\":\"⟦I+⟧\",\"amount\":\"⟦N:price/eur-de⟧\"}",
			"{\"ts\":\"⟦N:ts/iso-offset⟧\",\"msg\":\"kyc check\",\"ssn\":\"⟦S+⟧\",\"result\":\"match\"}",
			"{\"level\":\"debug\",\"caller\":\"notify/sms.go:88\",\"to\":\"⟦P~:INTL⟧\",\"provider\":\"twilio\"}",
		]))
	return "lines", "\n".join(lines)


CSV_SPECS = [
	("en-contacts", "name,email,phone,city", "⟦name⟧,⟦E+h⟧,⟦P+h⟧,⟦city⟧"),
	("de-contacts", "Name;E-Mail;Telefon;Ort", "⟦name⟧;⟦E+h⟧;⟦P+h:DE,INTL⟧;⟦city⟧"),
	("fr-contacts", "nom;courriel;portable", "⟦name⟧;⟦E+h⟧;⟦P+h:FR⟧"),
	("it-contacts", "nome,cellulare,note", "⟦name⟧,⟦P+h:IT⟧,richiamare"),
	("es-contacts", "nombre;móvil;ciudad", "⟦name⟧;⟦P+h:ES⟧;⟦city⟧"),
	("nl-contacts", "naam,telefoon,plaats", "⟦name⟧,⟦P+h:NL⟧,⟦city⟧"),
	("uk-contacts", "Name,Mobile,Team", "⟦name⟧,⟦P+h:UK⟧,Ops"),
	("us-contacts", "name,cell,state", "⟦name⟧,⟦P+h:NANP⟧,TX"),
	("plain-info", "name,info,city", "⟦name⟧,⟦P⟧,⟦city⟧"),
	("plain-who", "who;details", "⟦name⟧;⟦P⟧"),
	("hr-ssn", "employee_id,name,ssn,start_date", "⟦n⟧,⟦name⟧,⟦S+h⟧,⟦date⟧"),
	("hr-ref", "emp,name,ref,dept", "⟦n⟧,⟦name⟧,⟦S⟧,finance"),
	("cards", "holder,pan,exp", "⟦name⟧,⟦C+h⟧,⟦exp⟧"),
	("cards-plain", "holder|number|valid", "⟦name⟧|⟦C⟧|⟦exp⟧"),
	("payouts", "payee,iban,amount", "⟦name⟧,⟦I+h⟧,⟦usd⟧"),
	("flows", "timestamp,src,dst,bytes", "⟦N:ts/iso-z⟧,⟦A+h⟧,⟦A+h⟧,⟦bytes⟧"),
	("devices", "asset,msisdn,imei", "LT-⟦n⟧,⟦P+h:INTL⟧,⟦N:imei⟧"),
	("signups", "created,email,ip", "⟦date⟧,⟦E+h⟧,⟦A+h⟧"),
]


def doc_csv(g):
	name, head, row = g.pick(CSV_SPECS)
	rows = [row for _ in range(g.int(2, 4))]
	return name, head + "\n" + "\n".join(rows)


MD_SPECS = [
	("contacts-de", "| Name | Telefon | E-Mail |\n|---|---|---|", "| ⟦name⟧ | ⟦P+h:DE⟧ | ⟦E+h⟧ |"),
	("contacts-en", "| Name | Phone | Email |\n|:--|:--|:--|", "| ⟦name⟧ | ⟦P+h⟧ | ⟦E+h⟧ |"),
	("contacts-fr", "| Nom | Téléphone | Courriel |\n|---|---|---|", "| ⟦name⟧ | ⟦P+h:FR⟧ | ⟦E+h⟧ |"),
	("contacts-es", "| Nombre | Teléfono |\n|---|---|", "| ⟦name⟧ | ⟦P+h:ES⟧ |"),
	("contacts-it", "| Nome | Telefono |\n|---|---|", "| ⟦name⟧ | ⟦P+h:IT⟧ |"),
	("contacts-nl", "| Naam | Mobiel |\n|---|---|", "| ⟦name⟧ | ⟦P+h:NL⟧ |"),
	("contacts-sv", "| Namn | Mobilnummer |\n|---|---|", "| ⟦name⟧ | ⟦P+h:SE,NAT⟧ |"),
	("contacts-pl", "| Imię i nazwisko | Telefon |\n|---|---|", "| ⟦name⟧ | ⟦P+h:PL,NAT⟧ |"),
	("who", "| Who | Where | Notes |\n|---|---|---|", "| ⟦name⟧ | ⟦city⟧ | ⟦P⟧ |"),
	("hosts", "| Host | Address | Role |\n|---|---|---|", "| db-⟦k⟧ | ⟦A+h⟧ | replica |"),
	("accounts", "| Lieferant | IBAN | Betrag |\n|---|---|---:|", "| ⟦company⟧ | ⟦I+h⟧ | ⟦eur⟧ € |"),
	("ssn", "| Employee | SSN |\n|---|---|", "| ⟦name⟧ | ⟦S+h⟧ |"),
	("devices", "| Asset | User | MSISDN | IMEI | ICCID |\n|---|---|---|---|---|",
	 "| LT-⟦n⟧ | ⟦name⟧ | ⟦P+h:INTL⟧ | ⟦N:imei⟧ | ⟦N:iccid⟧ |"),
]


def doc_md_table(g):
	name, head, row = g.pick(MD_SPECS)
	intro = g.pick(["", "Here is the table you asked for:\n\n", "Hier die Liste:\n\n", "Voici le tableau :\n\n"])
	return name, intro + head + "\n" + "\n".join(row for _ in range(g.int(2, 4)))


def doc_tsv(g):
	name, head, row = g.pick([
		("de-durchwahl", "Name\tDurchwahl\tRaum", "⟦name⟧\t⟦P+h:DE⟧\t⟦n⟧"),
		("en-plain", "Name\tTeam\tNotes", "⟦name⟧\tSales\t⟦P⟧"),
		("iban", "Name\tIBAN\tBetrag", "⟦name⟧\t⟦I+h⟧\t⟦eur⟧"),
		("ips", "hostname\tip\tos", "web-⟦k⟧\t⟦A+h⟧\tdebian"),
	])
	return name, head + "\n" + "\n".join(row for _ in range(g.int(2, 4)))


SIGNATURES = {
	"de": "Mit freundlichen Grüßen\n⟦name⟧\n⟦company⟧\n⟦street⟧, ⟦city⟧\nTel. ⟦P+:DE⟧\nMobil ⟦P+:DE⟧\nE-Mail ⟦E+⟧",
	"de-fon": "Viele Grüße\n⟦first⟧\n\nFon: ⟦P+:DE⟧ | Fax: ⟦P+:DE⟧\n⟦E⟧",
	"fr": "Cordialement,\n⟦name⟧\n⟦company⟧\nTél. : ⟦P+:FR⟧\nPortable : ⟦P+:FR⟧",
	"it": "Cordiali saluti\n⟦name⟧\n⟦company⟧\nTel. ⟦P+:IT⟧ | Cell. ⟦P+:IT⟧",
	"es": "Un saludo,\n⟦name⟧\n⟦company⟧\nTeléfono: ⟦P+:ES⟧\nMóvil: ⟦P+:ES⟧",
	"nl": "Met vriendelijke groet,\n⟦name⟧\n⟦company⟧\nT ⟦P~:NL⟧\nM ⟦P~:NL⟧",
	"uk": "Kind regards,\n⟦name⟧\n⟦company⟧\nT: ⟦P~:UKi,E164⟧\nM: ⟦P~:UKi⟧",
	"us": "Best,\n⟦first⟧\n--\n⟦name⟧ | ⟦company⟧\nO: ⟦P~:NANPs⟧ | C: ⟦P~:NANPs⟧",
	"us-cell": "Thanks,\n⟦name⟧\nDirector of Operations, ⟦company⟧\ncell ⟦P+:NANP⟧",
	"emoji": "Cheers,\n⟦first⟧\n📞 ⟦P~⟧\n✉️ ⟦E⟧",
	"pt": "Com os melhores cumprimentos,\n⟦name⟧\nTelemóvel: ⟦P+:PT⟧",
	"sv": "Vänliga hälsningar\n⟦name⟧\nMobil: ⟦P+:SE⟧\nE-post: ⟦E+⟧",
	"pl": "Pozdrawiam serdecznie\n⟦name⟧\ntel. kom. ⟦P+:PL⟧",
	"initial": "--\n⟦first⟧\n⟦P⟧",
}
EMAIL_BODIES = [
	("de", "Betreff: Re: Angebot ⟦N:order/de-rechnung⟧\n\nHallo ⟦first⟧,\n\nanbei das überarbeitete Angebot. Bitte geben Sie bei der Zahlung die Rechnungsnummer an.\n\n"),
	("fr", "Objet : Rendez-vous du ⟦ddmm⟧\n\nBonjour ⟦first⟧,\n\nje vous confirme notre rendez-vous de ⟦hm⟧. N'hésitez pas à me contacter.\n\n"),
	("it", "Oggetto: Preventivo\n\nGentile ⟦first⟧,\n\nin allegato trova il preventivo richiesto.\n\n"),
	("es", "Asunto: Presupuesto ⟦N:order/inv-slash⟧\n\nHola ⟦first⟧:\n\nte adjunto el presupuesto actualizado.\n\n"),
	("nl", "Onderwerp: offerte\n\nBeste ⟦first⟧,\n\nHierbij de offerte zoals besproken.\n\n"),
	("en", "Subject: Re: onboarding\n\nHi ⟦first⟧,\n\nthanks for the quick turnaround - the contract is signed on our side.\n\n"),
	("pt", "Assunto: Proposta\n\nOlá ⟦first⟧,\n\nsegue em anexo a proposta revista.\n\n"),
	("sv", "Ämne: Offert\n\nHej ⟦first⟧,\n\nhär kommer offerten vi pratade om.\n\n"),
	("pl", "Temat: Oferta\n\nDzień dobry,\n\nw załączniku przesyłam ofertę.\n\n"),
]


def doc_email(g):
	lang, body = g.pick(EMAIL_BODIES)
	sig = {"de": ["de", "de-fon", "initial"], "fr": ["fr", "initial"], "it": ["it"], "es": ["es"], "nl": ["nl"],
	       "en": ["uk", "us", "us-cell", "emoji", "initial"], "pt": ["pt"], "sv": ["sv"], "pl": ["pl"]}[lang]
	s = g.pick(sig)
	head = g.pick(["From: \"⟦name⟧\" <⟦E⟧>\nTo: ⟦E⟧\nDate: ⟦N:ts/rfc2822⟧\n",
		       "From: ⟦name⟧ <⟦E⟧>\nTo: ⟦name⟧ <⟦E⟧>\nCc: ⟦E⟧\n", ""])
	return lang + "." + s, head + body + SIGNATURES[s]


def doc_vcard(g):
	return "3.0", ("BEGIN:VCARD\nVERSION:3.0\nN:⟦last⟧;⟦first⟧;;;\nFN:⟦name⟧\nORG:⟦company⟧\n"
		       "TEL;TYPE=work,voice:⟦P+⟧\nTEL;TYPE=cell:⟦P+⟧\nEMAIL;TYPE=internet:⟦E+⟧\nREV:⟦N:ts/iso-z⟧\nEND:VCARD")


def doc_ics(g):
	return "invite", ("BEGIN:VEVENT\nUID:⟦N:uuid⟧\nDTSTART:⟦N:ts/ics⟧\nDTEND:⟦N:ts/ics⟧\n"
			  "ORGANIZER;CN=⟦name⟧:mailto:⟦E+⟧\nATTENDEE;CN=⟦name⟧;RSVP=TRUE:mailto:⟦E+⟧\n"
			  "LOCATION:Dial-in ⟦P~:INTL,NANPs⟧ PIN ⟦N:phonelike/conference pin⟧\nSUMMARY:Quarterly review\nEND:VEVENT")


def doc_config(g):
	v = g.pick(["env", "k8s", "terraform", "ini", "compose"])
	if v == "env":
		return v, ("# .env.production\nAPP_VERSION=⟦N:ver/semver⟧\nSUPPORT_EMAIL=⟦E+⟧\nSMTP_FROM=⟦E⟧\n"
			   "ADMIN_PHONE=⟦P+⟧\nALERT_SMS_TO=⟦P~:INTL⟧\nDB_HOST=⟦A+:v4⟧\nALLOWED_IPS=⟦A+:v4⟧,⟦A+:v4⟧\n"
			   "PAYOUT_IBAN=⟦I+⟧\nSENTRY_RELEASE=⟦N:hash/git-short⟧")
	if v == "k8s":
		return v, ("apiVersion: v1\nkind: Service\nmetadata:\n  name: agent-gateway\n  annotations:\n"
			   "    owner: ⟦E⟧\n    oncall-phone: \"⟦P+⟧\"\nspec:\n  type: LoadBalancer\n"
			   "  loadBalancerIP: ⟦A+:v4⟧\n  loadBalancerSourceRanges:\n    - ⟦A+h:v4pc⟧/32\n    - ⟦A+h:v4pc⟧/24\n"
			   "  ports:\n    - port: 443\n---\n# image: ⟦N:at/docker-digest⟧")
	if v == "terraform":
		return v, ("resource \"aws_security_group_rule\" \"office\" {\n  type        = \"ingress\"\n"
			   "  cidr_blocks = [\"⟦A+:v4pc⟧/32\", \"⟦A+:v4pc⟧/24\"]\n  description = \"VPN egress\"\n}\n\n"
			   "variable \"alert_email\" { default = \"⟦E+⟧\" }\n\n"
			   "provider \"aws\" {\n  allowed_account_ids = [\"⟦N:cloud/aws account⟧\"]\n}")
	if v == "ini":
		return v, ("[smtp]\nhost = ⟦A+:v4⟧\nport = 587\nfrom = ⟦E⟧\n\n[notify]\nphone = ⟦P+⟧\n"
			   "email = ⟦E+⟧\n\n[build]\nversion = ⟦N:ver/four-part small⟧")
	return v, ("services:\n  api:\n    image: ⟦N:at/docker-digest⟧\n    environment:\n"
		   "      - OPERATOR_EMAIL=⟦E+⟧\n      - OPERATOR_MOBILE=⟦P+⟧\n    extra_hosts:\n"
		   "      - \"ledger.internal:⟦A+h:v4⟧\"\n    dns:\n      - ⟦A+h:v4⟧")


def doc_sql(g):
	v = g.pick(["insert", "multirow", "select", "tsql"])
	if v == "insert":
		return v, ("INSERT INTO customers (id, full_name, email, phone, ssn, iban) VALUES "
			   "(⟦n⟧, '⟦first⟧', '⟦E+:noapos⟧', '⟦P+⟧', '⟦S+⟧', '⟦I+⟧');")
	if v == "multirow":
		return v, ("INSERT INTO contacts (name, email, mobile)\nVALUES\n  ('⟦first⟧', '⟦E+h:noapos⟧', '⟦P+h⟧'),\n"
			   "  ('⟦first⟧', '⟦E+h:noapos⟧', '⟦P+h⟧'),\n  ('⟦first⟧', '⟦E+h:noapos⟧', '⟦P+h⟧');")
	if v == "select":
		return v, ("SELECT id, status FROM users WHERE email = '⟦E+:noapos⟧' AND created_at > '⟦N:ts/iso-z⟧';\n"
			   "-- returned 1 row, last_ip = '⟦A+⟧'")
	return v, ("DECLARE ⟦N:at/sql-var⟧ INT = ⟦n⟧;\nUPDATE dbo.Customers SET Phone = N'⟦P+⟧', "
		   "CardNumber = N'⟦C+⟧' WHERE CustomerID = ⟦N:at/sql-var⟧;")


def doc_http(g):
	v = g.pick(["request", "devtools", "har", "curl"])
	if v == "request":
		return v, ("POST /v1/messages HTTP/1.1\nHost: api.example.com\nX-Forwarded-For: ⟦A+⟧, ⟦A+⟧\n"
			   "X-Real-IP: ⟦A+⟧\nFrom: ⟦E⟧\nUser-Agent: agent-runner/⟦N:ver/semver⟧\n"
			   "traceparent: 00-⟦N:hash/md5⟧-⟦span⟧-01\nContent-Type: application/json")
	if v == "devtools":
		return v, ("Request URL: https://app.example.com/api/v1/invite?email=⟦E+:url-encoded⟧&role=admin\n"
			   "Request Method: GET\nStatus Code: ⟦status⟧\nRemote Address: [⟦A+:v6⟧]:443\n"
			   "Referrer Policy: strict-origin-when-cross-origin")
	if v == "har":
		return v, ("{\"request\": {\"method\": \"POST\", \"url\": \"https://shop.example/checkout\", "
			   "\"postData\": {\"params\": [{\"name\": \"email\", \"value\": \"⟦E+⟧\"}, "
			   "{\"name\": \"card_number\", \"value\": \"⟦C+⟧\"}]}}, \"serverIPAddress\": \"⟦A+⟧\", "
			   "\"startedDateTime\": \"⟦N:ts/iso-millis⟧\"}")
	return v, ("curl -X POST https://api.example.com/v2/contacts \\\n  -H 'Content-Type: application/json' \\\n"
		   "  -d '{\"email\": \"⟦E+:noapos⟧\", \"phone\": \"⟦P+⟧\", \"source\": \"agent\"}'")


def doc_trace(g):
	v = g.pick(["python", "java", "node"])
	if v == "python":
		return v, ("Traceback (most recent call last):\n  File \"/app/agents/crm.py\", line ⟦n⟧, in sync_contact\n"
			   "    client.update(contact_id, phone=phone)\n  File \"/usr/lib/python3/dist-packages/crmlib/client.py\", "
			   "line ⟦n⟧, in update\n    raise ValidationError(f\"invalid phone {phone!r} for {email}\")\n"
			   "crmlib.errors.ValidationError: invalid phone '⟦P+⟧' for ⟦E⟧")
	if v == "java":
		return v, ("java.lang.IllegalArgumentException: Card number ⟦C+⟧ rejected by gateway\n"
			   "\tat com.example.pay.Gateway.charge(Gateway.java:⟦n⟧)\n"
			   "\tat com.example.pay.CheckoutService.pay(CheckoutService.java:⟦n⟧)\n"
			   "Caused by: java.net.ConnectException: Connection refused: /⟦A:v4pc⟧:⟦port⟧")
	return v, ("Error: getaddrinfo ENOTFOUND smtp.internal\n    at GetAddrInfoReqWrap.onlookup (node:dns:⟦n⟧:⟦n⟧)\n"
		   "    at sendMail (/srv/app/mailer.js:⟦n⟧:⟦n⟧) {\n  errno: -3008,\n  recipient: '⟦E:noapos⟧',\n"
		   "  hostname: 'smtp.internal'\n}")


def doc_soap(g):
	return "customer", ("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
			    "xmlns:cus=\"urn:example:customer:v2\">\n  <soapenv:Body>\n    <cus:UpdateCustomer>\n"
			    "      <cus:CustomerId>⟦N:order/9 digits⟧</cus:CustomerId>\n      <cus:Email>⟦E+⟧</cus:Email>\n"
			    "      <cus:Phone type=\"mobile\">⟦P+⟧</cus:Phone>\n      <cus:IBAN>⟦I+⟧</cus:IBAN>\n"
			    "      <cus:Note>⟦name⟧</cus:Note>\n    </cus:UpdateCustomer>\n  </soapenv:Body>\n</soapenv:Envelope>")


def doc_mt103(g):
	return "mt103", ("{1:F01⟦N:vat/bic8⟧AXXX0000000000}{2:I103⟦N:vat/bic8⟧XXXXN}{4:\n:20:⟦N:order/rma⟧\n:23B:CRED\n"
			 ":32A:250314EUR⟦eur⟧\n:50K:/⟦I⟧\n⟦name⟧\n⟦street⟧\n:59:/⟦I⟧\n⟦name⟧\n:70:/RFB/⟦N:order/inv-slash⟧\n:71A:SHA\n-}")


def doc_statement(g):
	v = g.pick(["de", "en", "fr"])
	if v == "de":
		return v, ("Kontoauszug ⟦k⟧/2025 · Konto ⟦I+:DE⟧\n\nDatum   Buchungstext                                 Betrag\n"
			   "⟦ddmm⟧  SEPA-Überweisung an ⟦name⟧ IBAN ⟦I+⟧     -⟦eur⟧\n"
			   "⟦ddmm⟧  Kartenzahlung ⟦N:mask/short⟧ ⟦city⟧             -⟦eur⟧\n"
			   "⟦ddmm⟧  Lastschrift ⟦company⟧ Mandat ⟦N:order/ord-year⟧   -⟦eur⟧\n"
			   "⟦ddmm⟧  Gutschrift ⟦name⟧ ⟦I⟧ Ref ⟦N:order/9 digits⟧   +⟦eur⟧")
	if v == "en":
		return v, ("STATEMENT  Account ⟦I+:GB,IE⟧\nDate        Description                          Amount\n"
			   "⟦date⟧  FASTER PAYMENT ⟦name⟧ ⟦I⟧          -⟦usd⟧\n"
			   "⟦date⟧  CARD PAYMENT ⟦N:mask/stars grouped⟧ TESCO           -⟦usd⟧\n"
			   "⟦date⟧  DIRECT DEBIT ⟦company⟧ ref ⟦N:order/po⟧     -⟦usd⟧")
	return v, ("Relevé de compte - IBAN ⟦I+:FR⟧\n⟦ddmm⟧ VIR SEPA ⟦name⟧ ⟦I⟧ ⟦eur⟧\n"
		   "⟦ddmm⟧ CB ⟦N:mask/bullets⟧ CARREFOUR ⟦eur⟧\n⟦ddmm⟧ PRLV ⟦company⟧ ⟦N:order/ord-year⟧ ⟦eur⟧")


def doc_receipt(g):
	v = g.pick(["es", "fr", "us", "de-hotel"])
	if v == "es":
		return v, ("SUPERMERCADOS ⟦last⟧ S.L.\nNIF ⟦N:vat/ES⟧\nTEL ⟦P+:ES⟧\n------------------------\n"
			   "PAN INTEGRAL        2,35\nLECHE ENTERA        1,12\n------------------------\n"
			   "TOTAL          ⟦eur⟧ EUR\nTARJETA  ⟦N:mask/first6 last4⟧\nAUT ⟦n⟧  ⟦N:ts/de-date⟧")
	if v == "fr":
		return v, ("FACTURE N° ⟦N:order/inv-slash⟧\n⟦company⟧ - ⟦street⟧ - ⟦city⟧\nTél : ⟦P+:FR⟧  Fax : ⟦P+:FR⟧\n"
			   "SIRET ⟦N:vat/siret⟧ - TVA ⟦N:vat/FR⟧\n\nTotal TTC : ⟦N:price/eur-fr⟧\n"
			   "Règlement par virement - IBAN : ⟦I+:FR⟧  BIC : ⟦N:vat/bic11⟧")
	if v == "us":
		return v, ("THANK YOU FOR SHOPPING\nSTORE #⟦n⟧  ⟦P~:NANPs⟧\n⟦date⟧ ⟦hm⟧\nSUBTOTAL     ⟦usd⟧\nTAX          ⟦usd⟧\n"
			   "VISA        ⟦N:mask/stars grouped⟧\nAPPROVED  AUTH ⟦n⟧\nREF ⟦N:order/9 digits⟧")
	return v, ("HOTEL ⟦last⟧ · ⟦city⟧\nGuest: ⟦name⟧\nFolio ⟦N:order/rma⟧\nCard on file: ⟦C+⟧ exp ⟦exp⟧\n"
		   "Room 214, 3 nights    ⟦N:price/eur-de⟧\nGuest email: ⟦E+⟧")


def doc_pdf_chunk(g):
	v = g.pick(["en-handbook", "de-agb", "fr-contrat", "en-policy", "nl-voorwaarden"])
	if v == "en-handbook":
		return v, ("[chunk ⟦k⟧/42 · employee_handbook.pdf · p. ⟦k⟧]\n...employees must report changes of their con-\n"
			   "tact details (postal address, tele-\nphone ⟦P+s⟧ or e-mail ⟦E+s⟧) to HR within 14 days,\n"
			   "see section ⟦N:oid/section 4-level⟧. Questions: ⟦E⟧")
	if v == "de-agb":
		return v, ("Quelle: AGB_2024.pdf, S. ⟦k⟧\n\n§ 7 Kündigung. Die Kündigung bedarf der Textform. Sie kann per E-\n"
			   "Mail an ⟦E+s⟧ oder telefonisch unter der Service-\nnummer ⟦P+s:DE⟧ erklärt werden (vgl. ⟦N:oid/paragraph⟧).")
	if v == "fr-contrat":
		return v, ("Extrait de contrat_cadre.pdf (p. ⟦k⟧) :\nLe Client peut joindre le service client par télé-\n"
			   "phone au ⟦P+s:FR⟧, du lundi au vendredi, ou par courrier électro-\nnique à l'adresse ⟦E+s⟧. "
			   "Version du document : ⟦N:ver/semver⟧.")
	if v == "en-policy":
		return v, ("Retrieved passage (score 0.82): \"Refunds are paid to the bank ac-\ncount ⟦I+s⟧ given on the claim form; "
			   "card payments\nare refunded to the card used (for example ⟦C+s⟧).\"")
	return v, ("[bron: algemene_voorwaarden.pdf]\nKlachten kunt u telefonisch melden via ons num-\nmer ⟦P+s:NL⟧ "
		   "of per e-mail: ⟦E+⟧.")


def doc_slack(g):
	return "export", ("{\"type\":\"message\",\"user\":\"U⟦hex8⟧\",\"text\":\"⟦N:at/slack-mention⟧ customer says their new mobile is ⟦P+⟧, can you update Zendesk?\",\"ts\":\"⟦N:ts/slack-ts⟧\"}\n"
			  "{\"type\":\"message\",\"user\":\"U⟦hex8⟧\",\"text\":\"done. their email bounced though: <mailto:⟦E+⟧|⟦=2+⟧>\",\"ts\":\"⟦N:ts/slack-ts⟧\"}")


def doc_transcript(g):
	v = g.pick(["en", "de", "fr"])
	if v == "en":
		return v, ("[00:03:12] Agent: Thanks for holding. What's the best way to reach you?\n"
			   "[00:03:18] ⟦first⟧: Oh, it's ⟦P⟧.\n[00:03:25] Agent: And the address for the receipt?\n"
			   "[00:03:29] ⟦first⟧: ⟦E⟧\n[00:03:40] Agent: Perfect. And your account with us is ⟦N:order/9 digits⟧?")
	if v == "de":
		return v, ("Sprecher 1 (00:12:04): Unter welcher Nummer erreiche ich Sie am besten?\n"
			   "Sprecher 2 (00:12:09): Am besten ⟦P:DE⟧, ab 17 Uhr.\n"
			   "Sprecher 1 (00:12:15): Und die Adresse für die Bestätigung?\nSprecher 2 (00:12:18): ⟦E⟧")
	return v, ("Intervenant A [14:02] : Je vous laisse mes coordonnées, vous notez ?\n"
		   "Intervenant B [14:02] : Oui, allez-y.\nIntervenant A [14:03] : ⟦P:FR⟧, et sinon ⟦E⟧.")


def doc_issue(g):
	v = g.pick(["bug", "gh"])
	if v == "bug":
		return v, ("**Bug**: contact sync drops the plus sign\n\nSteps to reproduce:\n"
			   "1. Create a contact with phone `⟦P+:INTL⟧`\n2. Run `agent sync --since ⟦date⟧`\n3. Check the logs:\n\n"
			   "```\nWARN sync: invalid e164 input, raw value from CRM\n```\n\n"
			   "Environment: agent ⟦N:ver/v-semver⟧, node ⟦N:ver/semver⟧, `⟦N:at/scoped-npm⟧`\ncc ⟦N:at/mention⟧")
	return v, ("### Describe the bug\nThe webhook handler rejects valid payloads.\n\n```json\n"
		   "{\"email\": \"⟦E+⟧\", \"phone\": \"⟦P+⟧\", \"ip\": \"⟦A+⟧\"}\n```\n\n"
		   "### Versions\n- sdk: `⟦N:at/npm⟧`\n- commit ⟦N:hash/git-short⟧\n\n/cc ⟦N:at/mention⟧")


def doc_manifest(g):
	return "manifest", ("SHIPPING MANIFEST ⟦N:order/ord-year⟧\nShipper: ⟦company⟧, ⟦city⟧  Tel ⟦P+⟧\n"
			    "Consignee: ⟦company⟧, attn. ⟦name⟧, phone ⟦P+⟧, email ⟦E+⟧\n"
			    "Container: ⟦N:ship/container⟧   AWB: ⟦N:ship/awb⟧\n"
			    "Line  HS code     Description        Qty\n1     ⟦N:ship/hs code⟧  Lithium cells      ⟦n⟧\n"
			    "Tracking: ⟦N:track⟧")


def doc_toolcall(g):
	v = g.pick(["sms", "refund", "lookup", "block", "charge", "verify", "anthropic", "gemini"])
	if v == "sms":
		return v, ("{\"tool_calls\": [{\"id\": \"call_⟦hex8⟧\", \"type\": \"function\", \"function\": {\"name\": \"send_sms\", "
			   "\"arguments\": \"{\\\"to\\\": \\\"⟦P~:INTL⟧\\\", \\\"body\\\": \\\"Your code is ⟦n⟧\\\"}\"}}]}")
	if v == "refund":
		return v, "{\"name\": \"create_refund\", \"arguments\": {\"iban\": \"⟦I+⟧\", \"amount\": \"⟦eur⟧\", \"reference\": \"⟦N:order⟧\"}}"
	if v == "lookup":
		return v, "{\"name\": \"lookup_customer\", \"arguments\": {\"email\": \"⟦E+⟧\"}}"
	if v == "block":
		return v, "{\"name\": \"block_ip\", \"arguments\": {\"ip\": \"⟦A+⟧\", \"reason\": \"credential stuffing\"}}"
	if v == "charge":
		return v, ("{\"name\": \"charge_card\", \"arguments\": {\"card_number\": \"⟦C+⟧\", \"exp\": \"⟦exp⟧\", "
			   "\"cvc\": \"⟦cvc⟧\", \"amount_cents\": ⟦n⟧}}")
	if v == "verify":
		return v, "{\"name\": \"verify_identity\", \"arguments\": {\"ssn\": \"⟦S+⟧\", \"last_name\": \"⟦last⟧\"}}"
	if v == "anthropic":
		return v, ("{\"type\": \"tool_use\", \"id\": \"toolu_01⟦hex8⟧\", \"name\": \"update_contact\", "
			   "\"input\": {\"contact_id\": \"⟦N:uuid⟧\", \"phone\": \"⟦P+⟧\", \"email\": \"⟦E+⟧\"}}")
	return v, ("{\"functionCall\": {\"name\": \"schedule_callback\", \"args\": {\"number\": \"⟦P~⟧\", "
		   "\"when\": \"⟦N:ts/iso-offset⟧\"}}}")


def doc_reply(g):
	v = g.pick(["en-card", "de-card", "en-list", "es", "it"])
	if v == "en-card":
		return v, ("Sure! Here's the cleaned-up contact card:\n\n- **Name:** ⟦name⟧\n- **Email:** ⟦E+⟧\n"
			   "- **Phone:** ⟦P+⟧\n- **IBAN:** ⟦I+⟧\n\nLet me know if you want me to add it to the CRM.")
	if v == "de-card":
		return v, ("Gern, hier die bereinigten Daten:\n\n* Name: ⟦name⟧\n* Telefon: ⟦P+:DE⟧\n* E-Mail: ⟦E+⟧\n\n"
			   "Soll ich den Eintrag anlegen?")
	if v == "en-list":
		return v, ("I found two entries for ⟦name⟧ in the export:\n\n1. ⟦P⟧ (added ⟦date⟧)\n2. ⟦P⟧ (added ⟦date⟧)\n\n"
			   "The second one looks more recent.")
	if v == "es":
		return v, ("He encontrado estos datos del cliente:\n- Teléfono: ⟦P+:ES⟧\n- Correo: ⟦E+⟧\n"
			   "- Cuenta: ⟦I+:ES⟧\n¿Quieres que los actualice?")
	return v, ("Ecco i dati estratti dal documento:\n- Telefono: ⟦P+:IT⟧\n- Email: ⟦E+⟧\n- IBAN: ⟦I+:IT⟧")


def doc_ticket(g):
	v = g.pick(["charged-twice", "de-kuendigung", "address-change", "fr-remboursement"])
	if v == "charged-twice":
		return v, ("Ticket ⟦ticket⟧ · Priority: high · Requester: ⟦name⟧ <⟦E⟧>\nSubject: Charged twice\n\n"
			   "Hi, I was charged twice on my card ⟦C+⟧ for order ⟦N:order⟧. "
			   "You can reach me on ⟦P~⟧ until 6pm.")
	if v == "de-kuendigung":
		return v, ("Ticket ⟦ticket⟧ – Kündigung\nKunde: ⟦name⟧, Kundennummer ⟦N:phonelike/11 digits leading 0⟧\n"
			   "Nachricht: Bitte kündigen Sie meinen Vertrag zum Monatsende und erstatten Sie das Guthaben auf "
			   "mein Konto ⟦I+:DE⟧. Für Rückfragen: Handy ⟦P+:DE⟧.")
	if v == "address-change":
		return v, ("[⟦ticket⟧] Address change\nOld: ⟦street⟧, ⟦city⟧\nNew: ⟦street⟧, ⟦city⟧\n"
			   "Customer verified with last 4 of SSN and full SSN on file ⟦S+⟧.")
	return v, ("Ticket ⟦ticket⟧ — demande de remboursement\nClient : ⟦name⟧ (⟦E⟧)\n"
		   "Message : merci de rembourser sur mon compte ⟦I+:FR,BE⟧, ma carte ⟦C+⟧ est expirée.")


def doc_letter(g):
	v = g.pick(["fr", "it", "es", "nl", "de", "en", "pt"])
	if v == "fr":
		return v, ("⟦name⟧\n⟦street⟧\n⟦city⟧\nTél. : ⟦P+:FR⟧\nCourriel : ⟦E+⟧\n\n"
			   "Objet : Résiliation du contrat n° ⟦N:order/ord-year⟧\n\nMadame, Monsieur,\n\n"
			   "Je vous prie de bien vouloir résilier mon contrat et de rembourser le solde sur mon compte "
			   "IBAN ⟦I+:FR⟧.\n\nVeuillez agréer mes salutations distinguées.")
	if v == "it":
		return v, ("Spett.le ⟦company⟧\n\nOggetto: richiesta di rimborso\n\nIl sottoscritto ⟦name⟧, "
			   "chiede il rimborso sul conto corrente IBAN ⟦I+:IT⟧.\nRecapito telefonico: ⟦P+:IT⟧\n\nDistinti saluti")
	if v == "es":
		return v, ("⟦name⟧\n⟦street⟧, ⟦city⟧\nTeléfono: ⟦P+:ES⟧\n\nAsunto: Reclamación pedido ⟦N:order⟧\n\n"
			   "Muy señores míos:\nSolicito la devolución del importe a la cuenta ⟦I+:ES⟧.\n\nAtentamente,")
	if v == "nl":
		return v, ("Betreft: opzegging abonnement ⟦N:order/rma⟧\n\nGeachte heer/mevrouw,\n\n"
			   "Hierbij zeg ik mijn abonnement op. Het resterende bedrag kunt u overmaken op rekeningnummer "
			   "⟦I+:NL⟧.\n\nMet vriendelijke groet,\n⟦name⟧\n⟦P:NL⟧")
	if v == "de":
		return v, ("⟦name⟧ · ⟦street⟧ · ⟦city⟧\n\nBetreff: Kündigung Vertragsnummer ⟦N:order/de-rechnung⟧\n\n"
			   "Sehr geehrte Damen und Herren,\n\nhiermit kündige ich fristgerecht. Bitte überweisen Sie das "
			   "Guthaben auf mein Konto ⟦I+:DE⟧.\nSie erreichen mich unter ⟦P~:DE⟧.\n\nMit freundlichen Grüßen")
	if v == "en":
		return v, ("Dear Sir or Madam,\n\nRe: policy ⟦N:order/ord-year⟧\n\nPlease update my details: "
			   "new telephone ⟦P+:UK⟧, new e-mail ⟦E+⟧. Premiums should be collected from "
			   "account ⟦I+:GB⟧.\n\nYours faithfully,\n⟦name⟧")
	return v, ("Exmos. Senhores,\n\nVenho por este meio solicitar o reembolso para a conta ⟦I+:PT⟧.\n"
		   "Contacto telefónico: ⟦P+:PT⟧\n\nCom os melhores cumprimentos,\n⟦name⟧")


def doc_form(g):
	return "submission", ("Form submission: contact-us\nname: ⟦name⟧\nemail: ⟦E+⟧\nphone: ⟦P+⟧\n"
			      "message: \"Please call me back about invoice ⟦N:order/inv-slash⟧\"\nsubmitted_from: ⟦A⟧\n"
			      "user_agent: Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)")


def doc_w2(g):
	return "w2", ("a Employee's social security number\n⟦S+h⟧\nb Employer identification number (EIN)\n⟦N:ein⟧\n"
		      "c Employer's name, address, and ZIP code\n⟦company⟧ ⟦street⟧ ⟦city⟧ ⟦N:postal/zip+4⟧\n"
		      "1 Wages, tips, other compensation  ⟦usd⟧")


def doc_kubectl(g):
	return "pods", ("NAME                        READY   STATUS    RESTARTS   AGE   IP              NODE\n"
			"agent-7c9f8d-x2k4p          1/1     Running   0          3d    ⟦A+h:v4⟧   worker-1\n"
			"agent-7c9f8d-q8w2m          1/1     Running   2          3d    ⟦A+h:v4⟧   worker-2")


def doc_cloudtrail(g):
	return "event", ("{\"eventTime\": \"⟦N:ts/iso-z⟧\", \"eventName\": \"ConsoleLogin\", \"sourceIPAddress\": \"⟦A+⟧\", "
			 "\"userIdentity\": {\"arn\": \"⟦N:cloud/arn⟧\", \"accountId\": \"⟦N:cloud/aws account⟧\"}, "
			 "\"userAgent\": \"aws-cli/⟦N:ver/semver⟧\"}")


def doc_code(g):
	v = g.pick(["pytest", "dataclass", "css", "js"])
	if v == "pytest":
		return v, ("⟦N:at/decorator⟧\n@pytest.mark.parametrize(\"addr\", [\"⟦E⟧\", \"⟦E⟧\"])\n"
			   "def test_normalize(addr):\n    assert normalize(addr) == addr.lower()")
	if v == "dataclass":
		return v, ("⟦N:at/dataclass⟧\nclass Contact:\n    name: str = \"⟦name⟧\"\n"
			   "    phone: str = \"⟦P+⟧\"\n    email: str = \"⟦E+⟧\"")
	if v == "css":
		return v, "⟦N:at/css⟧ {\n  .contact-card { display: none; }\n}\n/* build ⟦N:hash/git-short⟧ */"
	return v, ("// ⟦N:at/jsdoc⟧ {string} email\nconst DEFAULT_SENDER = \"⟦E⟧\";\n"
		   "import { z } from \"zod\"; // ⟦N:at/npm⟧")


def doc_git(g):
	v = g.pick(["remote", "log"])
	if v == "remote":
		return v, "$ git remote -v\norigin\t⟦N:at/git-remote⟧ (fetch)\norigin\t⟦N:at/git-remote⟧ (push)"
	return v, ("commit ⟦N:hash/git-long⟧\nAuthor: ⟦name⟧ <⟦E⟧>\nDate:   ⟦N:ts/rfc2822⟧\n\n    fix: retry on 429\n\n"
		   "    Signed-off-by: ⟦name⟧ <⟦E⟧>")


def doc_hosts(g):
	v = g.pick(["hosts", "iptables", "ldif"])
	if v == "hosts":
		return v, "# /etc/hosts\n⟦A:v4⟧\tdb-primary\n⟦A:v4⟧\tdb-replica\n⟦A:v6⟧\tcache-01"
	if v == "iptables":
		return v, ("iptables -A INPUT -s ⟦A:v4pc⟧/24 -j DROP\nufw allow from ⟦A:v4⟧ to any port 22\n"
			   "ip6tables -A INPUT -s ⟦A:v6⟧ -j ACCEPT")
	return v, ("dn: uid=⟦user⟧,ou=people,dc=example,dc=com\ncn: ⟦name⟧\nmail: ⟦E+⟧\ntelephoneNumber: ⟦P+⟧\n"
		   "mobile: ⟦P+⟧\nfacsimileTelephoneNumber: ⟦P+⟧")


def doc_chat(g):
	v = g.pick(["moved", "booking", "pl", "pt", "sv", "ja"])
	if v == "moved":
		return v, ("system: You are a support agent for ⟦company⟧.\nuser: hi, I moved to ⟦city⟧. new number is ⟦P~⟧ "
			   "and please send invoices to ⟦E⟧ from now on\nassistant: Thanks! I've noted both changes.")
	if v == "booking":
		return v, ("user: Book a table for 4 at 8pm and put it under my name.\nassistant: Done - confirmation "
			   "⟦N:order/booking⟧. The restaurant may call you on ⟦P~⟧ if anything changes.")
	if v == "pl":
		return v, ("Użytkownik: Proszę zaktualizować mój numer telefonu na ⟦P+:PL⟧ i adres e-mail na ⟦E+⟧.\n"
			   "Asystent: Gotowe, dane zostały zaktualizowane.")
	if v == "pt":
		return v, ("Utilizador: O meu número de telemóvel mudou para ⟦P+:PT⟧. O IBAN continua ⟦I+:PT⟧.\n"
			   "Assistente: Obrigado, atualizei o seu registo.")
	if v == "sv":
		return v, ("Användare: Mitt nya telefonnummer är ⟦P+:SE⟧ och min e-post är ⟦E+⟧.\nAssistent: Tack, jag har uppdaterat profilen.")
	return v, ("ユーザー: 新しい電話番号は ⟦P+:JP⟧ です。メールは ⟦E+⟧ に送ってください。\nアシスタント: 承知しました。")


DOCS = [doc_crm_json, doc_hr_json, doc_billing_json, doc_fhir, doc_hl7, doc_nginx, doc_syslog, doc_jsonlog, doc_csv,
	doc_md_table, doc_tsv, doc_email, doc_vcard, doc_ics, doc_config, doc_sql, doc_http, doc_trace, doc_soap,
	doc_mt103, doc_statement, doc_receipt, doc_pdf_chunk, doc_slack, doc_transcript, doc_issue, doc_manifest,
	doc_toolcall, doc_reply, doc_ticket, doc_letter, doc_form, doc_w2, doc_kubectl, doc_cloudtrail, doc_code,
	doc_git, doc_hosts, doc_chat]


CLEAN = [
	"Can you summarise the attached meeting notes in three bullet points?",
	"Rewrite this paragraph so it sounds less formal.",
	"Fasse den folgenden Text in zwei Sätzen zusammen.",
	"Traduis ce paragraphe en anglais, s'il te plaît.",
	"Qual è la differenza tra un contratto a termine e uno a tempo indeterminato?",
	"¿Puedes explicar qué es una cola de mensajes?",
	"Schrijf een korte bevestiging dat we de bestelling hebben ontvangen.",
	"The deploy failed again on the staging cluster; please check the logs from this morning.",
	"What's a good name for a Slack channel about the Q3 launch?",
	"Explain the difference between TCP and UDP like I'm five.",
]


# ---- generating the corpus -----------------------------------------------------------


def producers():
	"""(category, id, template or maker) for every template."""
	out = []
	for grp, tpls in SHORT.items():
		for i, t in enumerate(tpls):
			out.append(("pos", "short.%s.%d" % (grp, i), t))
	for kind, tpls in NEG_SHORT.items():
		for i, t in enumerate(tpls):
			out.append(("neg", "neg.%s.%d" % (kind, i), t))
	for f in DOCS:
		out.append(("doc", f.__name__.replace("doc_", "doc."), f))
	return out


def render(g, prod):
	_, pid, t = prod
	if callable(t):
		var, tpl = t(g)
		return pid + "." + var, tpl
	return pid, t


def pick_template(g, counts, prods, uses):
	"""The least used template of a category that still serves a need (ties broken at random)."""
	order = list(prods)
	g.r.shuffle(order)
	order.sort(key=lambda p: uses[p[1]])
	for p in order:
		tpl_id, tpl = render(g, p)
		if slot_needs(counts, tpl):
			uses[p[1]] += 1
			return tpl_id, tpl
	return None


def generate(seed):
	"""Texts until every sub-format (each weak one half with, half without ctx), every negative kind
	and every @ form has its count. Each step draws a category (document 36%, negative 24%, value
	40%) and takes its least used template that still serves a need; a short one is sometimes
	followed by a second after a blank line, so no context word reaches from one into the other."""
	g = Rng(seed)
	counts = Counts()
	prods = producers()
	by_cat = {c: [p for p in prods if p[0] == c] for c in ("pos", "neg", "doc")}
	texts = []
	guard = 0
	n_clean = 0
	uses = {p[1]: 0 for p in prods}
	while not counts.done():
		guard += 1
		assert guard < 200000, "quotas cannot be met"
		r = g.r.random()
		cat = "doc" if r < 0.36 else "neg" if r < 0.60 else "pos"
		first = pick_template(g, counts, by_cat[cat], uses)
		if first is None:
			continue
		parts = [first]
		if cat != "doc" and g.chance(0.45):
			second = pick_template(g, counts, by_cat[g.pick(["pos", "neg"])], uses)
			if second is not None:
				parts.append(second)
		text, labels, negs, off = "", [], [], 0
		for j, (tid, tp) in enumerate(parts):
			if j:
				sep = g.pick(["\n\n", "\n\n", "\n\n---\n\n"])
				text += sep
				off += len(sep)
			t, ls, ns = fill(g, counts, tp, tid)
			for x in ls + ns:
				x["start"] += off
				x["end"] += off
			text += t
			off += len(t)
			labels += ls
			negs += ns
		texts.append((text, labels, negs, parts[0][0]))
		if n_clean < len(CLEAN) and g.chance(0.01):
			texts.append((CLEAN[n_clean], [], [], "clean.%d" % n_clean))
			n_clean += 1
	return texts


# ---- self-check ------------------------------------------------------------------------

PROSE = ("short.", "neg.", "doc.pdf_chunk", "doc.transcript", "doc.letter", "doc.chat", "doc.reply", "doc.ticket")
SENT_END = re.compile(r"[.!?…。](?=\s|$)|\n\s*\n")


class CheckError(Exception):
	pass


def need(cond, msg, text):
	if not cond:
		raise CheckError("%s\n--- text ---\n%s" % (msg, text))


def blanked(text, spans):
	b = list(text)
	for s, e in spans:
		for i in range(s, e):
			if b[i] != "\n":
				b[i] = " "
	return "".join(b)


def line_bounds(text, s, e):
	return text.rfind("\n", 0, s) + 1, (text.find("\n", e) if text.find("\n", e) >= 0 else len(text))


def sentence_bounds(text, s, e):
	a = 0
	for m in SENT_END.finditer(text, 0, s):
		a = m.end()
	m = SENT_END.search(text, e)
	return a, (m.start() if m else len(text))


def has(rx, s):
	return rx.search(words_text(s)) is not None


def check_ctx(text, bl, lab, tpl_id):
	s, e, typ, mode = lab["start"], lab["end"], lab["type"], lab["_mode"]
	a, b = line_bounds(text, s, e)
	line = bl[a:b]
	if mode == "+":
		need(has(NAMING_RE[typ], line), "ctx claimed but no word naming %s on the line: %r" % (typ, text[s:e]), text)
	elif mode == "+h":
		blk = text.rfind("\n\n", 0, s)
		above = bl[blk + 1 if blk >= 0 else 0:b]
		need(has(NAMING_RE[typ], above), "header ctx claimed but no word naming %s above: %r" % (typ, text[s:e]), text)
	elif mode == "+s":
		sa, sb = sentence_bounds(text, s, e)
		need(has(NAMING_RE[typ], bl[sa:sb]) or has(NAMING_RE[typ], line),
		     "sentence ctx claimed but no word naming %s: %r" % (typ, text[s:e]), text)
	else:
		need(not has(NAMING_RE[typ], line), "ctx false but a word naming %s is on the line: %r" % (typ, text[s:e]), text)
		if lab["sub"] in WEAK_SUBS:
			need(not has(HINT_RE[typ], line), "weak value without ctx next to a hint: %r" % text[s:e], text)
		if tpl_id.startswith(PROSE):
			sa, sb = sentence_bounds(text, s, e)
			need(not has(NAMING_RE[typ], bl[sa:sb]), "ctx false but %s named in the sentence: %r" % (typ, text[s:e]), text)


LOOKALIKE_WORDS = re.compile(r"version|firmware|build|release|upgrad|driver|bump|section|abschnitt|clause|"
			     r"requirement|spec\b|§|oid\b|attributetype|algorithm|snmp", re.I)


def neg_reads_valid(k, variant, v):
	"""The strong-format values a negative could be read as (IPv4 for versions and section
	numbers, and user@host of a git remote, are the look-alikes meant to be there)."""
	allowed = set()
	if k in ("ver", "oid"):
		allowed.add("IP")
	if k == "at" and variant == "git-remote":
		allowed.add("EMAIL")
	return [h for h in strong_hits(v) if h[0] not in allowed]


def neg_ok(neg, v, text, bl):
	k = neg["_k"]
	bad = neg_reads_valid(k, neg["variant"], v)
	need(not bad, "negative %s %r reads as a valid %s" % (k, v, bad[:1]), text)
	if k in ("ver", "oid") and ip_ok(v):
		a, b = line_bounds(text, neg["start"], neg["end"])
		need(LOOKALIKE_WORDS.search(bl[a:b]), "IPv4-shaped %s %r without a word saying what it is" % (k, v), text)
	digits = re.sub(r"\D", "", v)
	if k == "luhn":
		need(not luhn_ok(digits), "Luhn-valid 'card failing Luhn' %r" % v, text)
	elif k == "badiban":
		need(not pc.iban_ok(v.replace(" ", "")) or IBAN_LENGTHS.get(v[:2]) != len(v.replace(" ", "")),
		     "valid IBAN as negative %r" % v, text)
	elif k == "badssn":
		need(len(digits) == 9 and not ssn_ok(v), "badssn %r" % v, text)
	elif k in ("imei", "iccid"):
		need(luhn_ok(digits[:15] if k == "imei" else digits) or neg["variant"] == "imeisv", "imei/iccid %r" % v, text)
	elif k == "aba":
		w = [3, 7, 1] * 3
		need(sum(int(x) * w[i] for i, x in enumerate(digits)) % 10 == 0, "aba %r" % v, text)
	elif k == "mac":
		need(re.fullmatch(r"[0-9a-fA-F]{2}([:-][0-9a-fA-F]{2}){5}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}", v), "mac %r" % v, text)
	elif k == "badip":
		need(not ip_ok(v), "badip %r is valid" % v, text)
	elif k == "at":
		need("@" in v and not EMAIL_RE.fullmatch(v), "at %r" % v, text)
	a, b = line_bounds(text, neg["start"], neg["end"])
	for t in weak_shape(v):
		need(not has(NAMING_RE[t], bl[a:b]), "weak-%s-shaped negative %r next to a word naming %s" % (t, v, t), text)


def boundaries_ok(text, lab):
	s, e, t, v = lab["start"], lab["end"], lab["type"], text[lab["start"]:lab["end"]]
	before = text[s - 1] if s else " "
	after = text[e] if e < len(text) else " "
	after2 = text[e:e + 2]
	ok = not before.isalnum() and not after.isalnum()
	if t == "EMAIL":
		ok = ok and before not in "._%+-" and after not in "_-%" and not re.match(r"\.[A-Za-z0-9]", after2)
		if "'" in v:
			ok = ok and before != "'"
	elif t in ("PHONE", "SSN", "CARD"):
		ok = ok and before not in "+-./" and not re.match(r"[-./]\d", after2)
	elif t == "IP" and ":" in v:
		ok = ok and before not in ".:" and not re.match(r"[.:][0-9a-fA-F]", after2)
	elif t == "IP":
		ok = ok and before != "." and not re.match(r"\.\d", after2)
	return ok


def check_record(text, labels, negs, tpl_id):
	spans = sorted([(x["start"], x["end"]) for x in labels + negs])
	for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
		need(b1 <= a2, "overlapping spans at %d" % a2, text)
	bl = blanked(text, spans)
	for lab in labels:
		v = text[lab["start"]:lab["end"]]
		need(v == lab["_value"], "offsets do not give the value %r" % v, text)
		need(label_ok(lab, v), "label %s %r fails its spec" % (lab["sub"], v), text)
		need(boundaries_ok(text, lab), "value %r runs on into its neighbours" % v, text)
		check_ctx(text, bl, lab, lab["tpl"])
	for neg in negs:
		neg_ok(neg, text[neg["start"]:neg["end"]], text, bl)
	lab_spans = [(x["start"], x["end"]) for x in labels]
	neg_spans = [(x["start"], x["end"]) for x in negs]
	for t, s, e in strong_hits(text):
		if any(s < b and a < e for a, b in lab_spans):
			continue
		need(any(a <= s and e <= b for a, b in neg_spans), "unlabelled %s %r" % (t, text[s:e]), text)
	for s, e in long_runs(bl):
		need(len(re.sub(r"\D", "", bl[s:e])) < 9, "unlabelled digit run %r" % text[s:e], text)


def selfcheck_values():
	assert pc.luhn_ok("4111111111111111") and not pc.luhn_ok("4111111111111112")
	assert iban_ok("DE89370400440532013000") and iban_ok("GB29 NWBK 6016 1331 9268 19")
	assert ssn_ok("123-45-6788") and not ssn_ok("666-12-3456") and not ssn_ok("123-00-4567") and not ssn_ok("912-34-5678")
	assert phone_ok("PHONE/UK-national", "020 7946 0958") and phone_ok("PHONE/DE-intl", "+49 (0)30 22345678")
	assert phone_ok("PHONE/NANP-paren", "(415) 555-0142") and not phone_ok("PHONE/NANP-paren", "(415) 555-1234")
	assert phone_ok("PHONE/E164-spaced", "+48 601 234 567") and email_ok("jane.o'neill@example.com", "EMAIL/apostrophe")
	assert iso6346("CSQU", "305438") == "3"  # the ISO 6346 example
	assert not ip_ok("10.0.0.256") and ip_ok("64:ff9b::192.0.2.33")


def build(seed):
	records = []
	for i, (text, labels, negs, tpl_id) in enumerate(generate(seed)):
		check_record(text, labels, negs, tpl_id)
		enc = lambda c: len(text[:c].encode("utf-8"))
		rec = {"id": "%s-%05d" % (SPLIT, i + 1), "split": SPLIT, "seed": seed, "text": text,
		       "labels": [{"type": x["type"], "sub": x["sub"], "variant": x["variant"], "ctx": x["ctx"],
				   "tpl": x["tpl"], "start": enc(x["start"]), "end": enc(x["end"])} for x in labels],
		       "negatives": [{"kind": x["kind"], "variant": x["variant"], "tpl": x["tpl"], "start": enc(x["start"]),
				      "end": enc(x["end"])} for x in negs]}
		raw = text.encode("utf-8")
		for x, y in zip(rec["labels"], labels):
			assert raw[x["start"]:x["end"]].decode("utf-8") == y["_value"]
		records.append(json.dumps(rec, ensure_ascii=False))
	return records


def main():
	ap = argparse.ArgumentParser(description="Generate tollgate's second blind held-out PII corpus (JSON lines).")
	ap.add_argument("-o", "--output", help="write here instead of stdout")
	a = ap.parse_args()
	selfcheck_values()
	try:
		first = build(SEED)
		second = build(SEED)
	except CheckError as e:
		sys.stderr.write("pii_holdout2.py: self-check failed: %s\n" % e)
		return 1
	if first != second:
		sys.stderr.write("pii_holdout2.py: self-check failed: output is not deterministic\n")
		return 1
	out = open(a.output, "w", encoding="utf-8") if a.output else sys.stdout
	for line in first:
		out.write(line + "\n")
	if out is not sys.stdout:
		out.close()
	return 0


if __name__ == "__main__":
	sys.exit(main())
