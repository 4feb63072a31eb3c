#!/usr/bin/env python3
"""
pii_holdout7.py - the seventh BLIND held-out PII corpus for tollgate's
pattern detectors (EMAIL, PHONE, SSN, CARD, IBAN, IP): the final score of
issue 4, item 6.

How it was written. By "hhold7", from the formats' own specifications and
from what agent traffic looks like, under these blindness rules: the author
did not read the redaction rules (policies/redaction*.json), the detector
sources (userspace/detectors.*, detect_*.c, holdback.c, redact*.c,
tablectx.c), their tests, bench/RESULTS-redaction.md, bench/redaction.c, the
README's Redaction section, git history of any of them, nor any of the six
earlier blind sets (bench/pii_holdout.py ... pii_holdout6.py); and ran no
detector on anything. Only bench/pii_corpus.py was read, for its schema, its
"sub" names and its value generators / check-digit functions, which are
imported below. The templates, document shapes, context words and
distractors here are this file's own.

Output: JSON lines in exactly pii_corpus.py's schema, "split": "holdout7",
ids "holdout7-00001"...; start/end are UTF-8 byte offsets, end exclusive, and
text[start:end] is exactly the value. Usage: bench/pii_holdout7.py -o FILE
(stdout without -o). Python 3 standard library only; one fixed seed; before
writing, a self-check re-validates every value by its spec, checks offsets,
overlaps and negatives, and generates the corpus twice to prove determinism.

Document shapes: chat prompts and assistant replies, support tickets,
Jira/GitHub issues with code blocks, e-mails with RFC 5322 headers,
signatures and "> " quoted replies, vCards, LDIF, JSON tool results
(CRM/HR/billing, FHIR-like, GraphQL), single-line JSON logs, nginx/syslog/
sshd logs, Windows event logs, Kubernetes events and YAML, Terraform,
.env/INI, XML/SOAP, protobuf text format, SQL INSERTs, psql and MySQL
client output, CSV, TSV, markdown and HTML tables, HTML forms and
urlencoded form posts (devtools dumps), HL7 v2 segments, git diffs, Jupyter
notebook JSON, Slack exports, meeting transcripts, PDF-extracted text with
hyphenation and hard line breaks, OCR'd receipts and bank statements,
shipping manifests, values separated by '/', ';', '|' and tabs.
Languages for the words around values: English, German, French, Spanish,
Italian, Dutch, Portuguese, Polish, Swedish, Czech, Danish, Norwegian,
Finnish, Turkish, Romanian, Greek, Japanese, Chinese.

Decisions where the specs leave room:
  ctx    computed, not asserted (TYPE_WORDS below): true exactly when a word
         naming the value's type (phone/tel/mobile/cell/fax/Handy/portable/
         móvil/telefoon/puhelin/τηλέφωνο/電話..., e-mail/mail/courriel/correo/
         e-post/sähköposti/メール..., SSN/social security, card/credit/debit/
         Visa/PAN/Karte/carte/tarjeta/カード..., IBAN/account/Konto/rekening/
         cuenta/bank/..., IP/IPv4/IPv6/addr/address/host/...) occurs in the
         value's line, in its sentence (prose: the sentence template it was
         written into, even when a PDF-like hard break splits it), or is its
         key / column header. As the brief defines it, a type word elsewhere
         on the same line counts (a one-line JSON log or SQL INSERT with a
         "phone" column names the type for every phone-shaped value on it).
         Verbs ("call me at", "ring", "write to", "Appelez-moi") and
         one-letter labels ("M:", "T:") do NOT count. The value itself and
         all other labelled/negative spans are masked before searching (so
         "gmail.com" never names an e-mail). Roughly half of the weak values
         have ctx.
  Subs   pii_corpus.py's names where the kind of value is the same (weak:
         "PHONE/XX-national", "PHONE/NANP-plain", "SSN/spaced", "SSN/plain";
         strong: all others). New strong subs: "EMAIL/atext" (apostrophes
         and other RFC 5322 atext), "EMAIL/url-encoded", "CARD/visa-dotted",
         "CARD/mastercard-dotted". E-mail documents always carry real
         From:/To:/Cc: addresses; those are labelled too (extra EMAIL
         values beyond the per-sub quotas).
  EMAIL  RFC 5322 dot-atom local parts, including apostrophes (o'neill@),
         '!', '&', '=', '_' and '+' tags; subdomains, multi-label public
         suffixes, new gTLDs, mixed case. Display names and angle brackets
         are not part of the label. A percent-encoded address
         (jane.doe%40acme.io, plus tags as %2B) is labelled (sub
         "EMAIL/url-encoded") only where it is the value of a parameter or
         field named for an e-mail or recipient in a query string, form post
         or mailto: link: there a careful reader calls it an address. The
         label is the encoded string as written. Strings with '@' that are
         not addresses (npm pins and scopes, @mentions, decorators, git
         remotes git@host:org/repo, user@host shell prompts, docker
         digests, CSS @media, SQL @vars) are negatives.
  PHONE  numbering plans as pii_corpus.py covers them (NANP; UK, DE, FR, IT,
         ES, NL national and international) plus E.164 from other countries
         (PT, NO, DK, FI, CZ, TR, RO, GR, CN and pii_corpus.py's list).
         Weak subs use pii_corpus.py's names: "PHONE/XX-national" and
         "PHONE/NANP-plain". National numbers may be written with U+00A0 or
         U+202F instead of spaces (variant says so). Extensions (", ext.
         204", " x204", " #204", " (Durchwahl 17)") are NOT part of the
         label: the label is the dialable number before them.
  SSN    SSA rules (area 001-899 without 666, group 01-99, serial
         0001-9999). "SSN/dashed" is strong; "SSN/spaced" and "SSN/plain"
         are weak, as in pii_corpus.py.
  CARD   IIN ranges and lengths per brand (Amex 15 as 4-6-5, Diners 14 as
         4-6-4, Visa/UnionPay 19), Luhn-valid; plain, spaced, dashed and (a
         few) dotted groupings. Masked PANs (**** 4242, 411111******1111)
         are negatives: no full number is disclosed.
  IBAN   36 registry countries, mod-97 valid, national check digits where
         pii_corpus.py computes them; electronic (compact) and paper (groups
         of four) formats. No value is broken across a line break anywhere
         in this corpus: PDF-like hard breaks and hyphenation fall in the
         surrounding words only.
  IP     the label is the address only: not a port (":8443"), CIDR suffix
         ("/24"), IPv6 brackets ("[2001:db8::1]:443"), URL scheme/path, nor
         an IPv6 zone id ("fe80::1%eth0" -> "fe80::1"). Forms: IPv4,
         IPv6 full, RFC 5952 compressed, with embedded IPv4.
  Near misses: pii_corpus.py's kind names where the kind is the same; new
         kinds "tracking number", "masked card number", "invalid IPv4"
         (octet > 255 or five parts, in error messages). "version" values
         are written with a phrase fitting their variant (browser UA, OS
         build, firmware, pip pin, kernel). A number is a negative only
         where the text names it as
         something a careful reader would never take for the value type
         (an IMEI named "IMEI", an ISBN, a claim number, a routing number),
         version strings that look like IPv4 addresses are named as
         versions, invalid SSNs/IBANs/cards are shown as placeholders or
         rejected input, invalid IPv4 (octet > 255) appears in error logs.
"""
import argparse
import ipaddress
import json
import os
import random
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_corpus as pc  # noqa: E402  (value generators and check digits only)

SEED = 3141527
SPLIT = "holdout7"

# ---- words that name a type (used to compute ctx honestly) --------------------

TYPE_WORDS = {
	"PHONE": r"(?<![a-z])(phone|telephon|tel\b|tél\b|tlf\b|fax|mobil|mob\b|cell|handy|telefon|rufnummer|"
		 r"durchwahl|portable|m[oó]vil|tel[eé]fono|telefone|mobiel|telefoon|telem[oó]vel|kom[oó]rk|"
		 r"puhelin|gsm\b|sms\b)|τηλ|電話|电话|手机|携帯",
	"EMAIL": r"(?<![a-z])(e ?mail|mail|courriel|correo|posta elettronica|mejl|sähköpost|e ?posta|e ?post\b|"
		 r"e postadress)|メール|邮箱|郵件",
	"SSN": r"(?<![a-z])(ssn|social security|soc sec|ss#|seguro social)",
	"CARD": r"(?<![a-z])(card|credit|debit|visa\b|mastercard|amex\b|american express|jcb\b|diners|unionpay|"
		r"pan\b|kreditkart|karte\b|carte\b|tarjeta|carta\b|carta di credito|creditcard|kaart|cartão|karty\b|"
		r"karta\b|kortnummer)|カード|卡号",
	"IBAN": r"(?<![a-z])(iban|account|acct|konto|konta\b|kontonummer|compte|cuenta|conto\b|rekening|bank|"
		r"účt|tilinumero|hesap|rib\b)|口座|账户",
	"IP": r"(?<![a-z])(ip\b|ipv4|ipv6|ip[a-z]*adres|addr\b|address|adresse|host\b|hostname|inet6?\b)",
}
TYPE_RE = {t: re.compile(p) for t, p in TYPE_WORDS.items()}


def normalise(s):
	s = re.sub(r"([a-z])([A-Z])", r"\1 \2", s).lower()
	s = re.sub(r"[_\-./:;,|\t\"'<>()\[\]{}=*`+]+", " ", s)
	return s


def names_type(typ, s):
	s = normalise(s)
	if typ == "IP":
		s = re.sub(r"(e ?mail|mail|mac|hw|street|postal|billing|shipping) address", " ", s)
	return TYPE_RE[typ].search(s) is not None


# ---- word lists -------------------------------------------------------------

GIVEN = ["aoife", "bjorn", "camille", "dmitri", "eszter", "farid", "greta", "hiroshi", "ingrid", "jonas",
	 "katarzyna", "lars", "mei", "nuno", "olga", "pieter", "quentin", "rosa", "stellan", "tuomas", "ugo",
	 "valentina", "wojciech", "xiadani", "yasmin", "zeynep", "siobhan", "thibault", "matteo", "ana"]
FAMILY = ["byrne", "lindqvist", "lefebvre", "petrov", "nagy", "rahimi", "hoffmann", "sato", "dahl", "vogel",
	  "nowak", "eriksen", "zhang", "ferreira", "sokolova", "de-wit", "girard", "marin", "holm", "virtanen",
	  "conti", "russo", "kaczmarek", "alvarez", "ozturk", "popescu", "papadopoulos", "novotny", "jensen", "berg"]
APOS = ["o'neill", "d'arcy", "o'brien", "d'angelo", "l'heureux", "o'connell", "dell'acqua", "d'souza"]
ORGS = ["tallyho", "quillfeather", "brassworks", "lumenpay", "harborline", "ridgecrest", "pinegrove",
	"copperleaf", "nordvik", "solstice-labs", "bluefinch", "meadowbank", "ironbark", "skylark-health",
	"vantage-ops", "kestrel", "fernhill", "driftwood", "oakmere", "zephyr-logistics"]
TLD = ["com", "net", "org", "io", "de", "fr", "nl", "it", "es", "pt", "pl", "se", "cz", "dk", "no", "fi",
       "co", "eu", "be", "at"]
NEW_TLD = ["studio", "agency", "software", "consulting", "clinic", "finance", "legal", "systems", "energy",
	   "travel", "design", "tech"]
SUFFIX2 = ["co.uk", "org.uk", "com.au", "co.nz", "com.br", "co.jp", "com.tr", "gov.pl", "ac.at"]
SUBDOM = ["mail", "eu", "billing", "hr", "corp", "support", "lists", "us-east", "nl.ops", "students"]
FREE = ["gmail.com", "outlook.com", "proton.me", "gmx.net", "t-online.de", "free.fr", "yahoo.es",
	"virgilio.it", "kpnmail.nl", "sapo.pt", "wp.pl", "seznam.cz", "hotmail.com", "icloud.com"]
TAGS = ["invoices", "jira", "newsletter", "2025", "aws-alerts", "test", "hr", "shop"]


class G:
	"""The one random stream (shared with pii_corpus's generators through pg)."""

	def __init__(self, seed):
		self.pg = pc.Gen(seed, "test")
		self.r = self.pg.r

	def c(self, seq):
		return self.r.choice(seq)

	def p(self, x):
		return self.r.random() < x

	def n(self, a, b):
		return self.r.randint(a, b)


def person(g):
	return g.c(GIVEN), g.c(FAMILY)


def display(g):
	f, l = person(g)
	return f.capitalize() + " " + "-".join(x.capitalize() for x in l.split("-"))


# ---- positive values ----------------------------------------------------------


def v_email(g, sub):
	f, l = person(g)
	local = g.c([f + "." + l, f + l, f[0] + l, f + "_" + l, l + "." + f, f + str(g.n(2, 98)), f])
	dom = g.c(ORGS) + "." + g.c(TLD)
	var = sub
	if sub == "basic":
		dom = g.c([dom, dom, g.c(FREE)])
	elif sub == "plus-tag":
		local = g.c([local, f + "_" + l]) + "+" + g.c(TAGS)
		dom = g.c([dom, g.c(FREE)])
	elif sub == "subdomain":
		dom = g.c([g.c(SUBDOM) + "." + g.c(ORGS) + "." + g.c(TLD), g.c(ORGS) + "." + g.c(SUFFIX2),
			   g.c(SUBDOM) + "." + g.c(ORGS) + "." + g.c(SUFFIX2)])
	elif sub == "long-tld":
		dom = g.c(ORGS) + "." + g.c(NEW_TLD)
	elif sub == "atext":
		k = g.c(["apostrophe", "apostrophe", "apostrophe", "underscore-plus", "bang", "ampersand", "equals"])
		if k == "apostrophe":
			a = g.c(APOS)
			local = g.c([a, f + "." + a, f[0] + "." + a])
		elif k == "underscore-plus":
			local = f + "_" + l + "+" + g.c(TAGS)
		elif k == "bang":
			local = g.c(["a!b", f + "!" + l, "ops!pager"])
		elif k == "ampersand":
			local = g.c(["sales&marketing", "r&d", "billing&accounts"])
		else:
			local = g.c(["team=" + l, "list=announce", f + "=" + l])
		var = k
	elif sub == "mixed-case":
		local = ".".join(x.capitalize() for x in local.split("."))
		dom = g.c([dom.upper(), dom.capitalize(), g.c(ORGS).capitalize() + "." + g.c(TLD).upper()])
	elif sub == "url-encoded":
		local = g.c([local, f + "." + l + "+" + g.c(TAGS)])
		addr = local + "@" + g.c([dom, g.c(FREE)])
		v = addr.replace("+", "%2B").replace("@", "%40")
		return v, "%40" + (" %2B" if "%2B" in v else "")
	return local + "@" + dom, var


OTHER_E164 = {
	"PT": ("351", lambda g: g.c([["9" + g.c("1236") + str(g.n(0, 9)), "%03d" % g.n(0, 999), "%03d" % g.n(0, 999)],
				     ["21", "%03d" % g.n(0, 999), "%04d" % g.n(0, 9999)]])),
	"NO": ("47", lambda g: [g.c("49") + "%02d" % g.n(0, 99), "%02d" % g.n(0, 99), "%03d" % g.n(0, 999)]),
	"DK": ("45", lambda g: [str(g.n(20, 99)), "%02d" % g.n(0, 99), "%02d" % g.n(0, 99), "%02d" % g.n(0, 99)]),
	"FI": ("358", lambda g: [g.c(["40", "41", "44", "45", "50"]), "%03d" % g.n(0, 999), "%04d" % g.n(0, 9999)]),
	"CZ": ("420", lambda g: [g.c("67") + "%02d" % g.n(0, 99), "%03d" % g.n(0, 999), "%03d" % g.n(0, 999)]),
	"TR": ("90", lambda g: ["5" + g.c(["30", "32", "33", "42", "05", "55"]), "%03d" % g.n(0, 999), "%02d" % g.n(0, 99),
				 "%02d" % g.n(0, 99)]),
	"RO": ("40", lambda g: ["7" + g.c(["22", "23", "40", "45", "62", "88"]), "%03d" % g.n(0, 999), "%03d" % g.n(0, 999)]),
	"GR": ("30", lambda g: ["69" + g.c("4789"), "%03d" % g.n(0, 999), "%04d" % g.n(0, 9999)]),
	"CN": ("86", lambda g: ["1" + g.c("3589") + str(g.n(0, 9)), "%04d" % g.n(0, 9999), "%04d" % g.n(0, 9999)]),
}


def v_phone(g, sub):
	"""Returns value, variant, digits of the dialable number (for the self-check)."""
	kind = sub.split("/")[1]
	if kind.startswith("NANP-"):
		v, var, _ = pc.nanp(g.pg, kind[5:])
		return v, var
	if kind.startswith("E164-"):
		style = kind[5:]
		if g.p(0.5):
			cc, make = OTHER_E164[g.c(sorted(OTHER_E164))]
			groups = make(g)
			country = [k for k, x in OTHER_E164.items() if x[0] == cc][0]
			v = "+" + cc + ("".join(groups) if style == "compact" else " " + " ".join(groups))
			return v, country
		v, country, _ = pc.e164(g.pg, style)
		return v, country
	country, form = kind.split("-")
	v, var, _ = pc.national(g.pg, country, form)
	if " " in v and g.p(0.22):
		sp = g.c(["\u00a0", "\u202f"])
		v = v.replace(" ", sp)
		var += " nbsp" if sp == "\u00a0" else " narrow-nbsp"
	return v, var


def v_ssn(g, sub):
	v, var, _ = pc.ssn(g.pg, sub.split("/")[1])
	return v, var


def v_card(g, sub):
	brand, fmt = sub.split("/")[1].rsplit("-", 1)
	num, groups = pc.card_number(g.pg, brand)
	sep = {"plain": "", "spaced": " ", "dashed": "-", "dotted": "."}[fmt]
	return (num if fmt == "plain" else pc.group(num, groups, sep)), "%d digits" % len(num)


def v_iban(g, sub):
	v, cc = pc.iban_value(g.pg)
	if sub.endswith("grouped"):
		v = pc.group(v, [4] * 8, " ").strip()
	return v, cc


def v_ip(g, sub):
	"""Returns value, variant, text before, text after (port, cidr, zone, brackets)."""
	s = sub.split("/")[1]
	if s == "v4":
		return pc.ipv4(g.pg), "v4", "", ""
	if s == "v4-port-cidr":
		a = pc.ipv4(g.pg)
		k = g.c(["port", "port", "cidr", "url"])
		if k == "port":
			return a, k, "", ":" + str(g.c([22, 443, 5432, 6379, 8080, 8443, 9200, 3306, 51820, g.n(1024, 65535)]))
		if k == "cidr":
			return a, k, "", "/" + str(g.c([8, 16, 20, 24, 24, 28, 32]))
		return a, k, g.c(["http://", "https://"]), g.c([":8080/healthz", "/", ":3000/api/v1/users?limit=50"])
	if s == "v6-full":
		gs = pc.v6_groups(g.pg)
		if g.p(0.5):
			v = ":".join(x.zfill(4) for x in gs)
			var = "leading zeros"
		else:
			v = ":".join(x.lstrip("0") or "0" for x in gs)
			var = "no leading zeros"
		if g.p(0.2):
			v, var = v.upper(), var + " upper"
		return v, var, "", ""
	if s == "v6-compressed":
		k = g.c(["middle", "middle", "prefix", "zone", "bracket-port", "loopback-ish", "tail"])
		if k == "zone":
			v = g.c(["fe80::1", "fe80::" + (g.pg.hexs(4).lstrip("0") or "1") + ":" + g.pg.hexs(2) + "ff:fe" +
				 g.pg.hexs(2) + ":" + (g.pg.hexs(4).lstrip("0") or "1")])
			v = pc.v6_compress(str(ipaddress.IPv6Address(v).exploded).split(":"))
			return v, k, "", "%" + g.c(["eth0", "en0", "wlan0", "ens192", "3", "12"])
		if k == "loopback-ish":
			return g.c(["::1", "2001:db8::1", "2001:db8::", "fd00::" + str(g.n(1, 99))]), k, "", ""
		gs = pc.v6_groups(g.pg)
		if k == "prefix":
			gs[3:] = ["0"] * 5
		elif k == "tail":
			gs[5:] = ["0"] * 3
		else:
			z = g.n(2, 4)
			at = g.n(2, 7 - z)
			gs[at:at + z] = ["0"] * z
		v = pc.v6_compress(gs)
		if k == "bracket-port":
			return v, k, g.c(["[", "https://["]), "]:" + str(g.c([443, 8443, 22, 53, 9090]))
		return v, k, "", ""
	a = pc.ipv4(g.pg)
	name, form = g.c([("mapped", "::ffff:%s"), ("NAT64", "64:ff9b::%s"), ("mapped upper", "::FFFF:%s"),
			  ("mapped full", "0:0:0:0:0:ffff:%s"), ("global", "2001:db8:" + str(g.n(1, 999)) + "::%s")])
	return form % a, name, "", ""


EXT = [", ext. %d", " x%d", " #%d", " (Durchwahl %d)", " ext %d", ", poste %d", ", int. %d"]

QUOTAS = []  # (type, sub, count)
for s, n in [("basic", 74), ("plus-tag", 47), ("subdomain", 47), ("long-tld", 34), ("atext", 61),
	     ("mixed-case", 27), ("url-encoded", 40)]:
	QUOTAS.append(("EMAIL", "EMAIL/" + s, n))
for s, n in [("paren", 24), ("dashed", 24), ("dotted", 16), ("spaced", 16), ("plain", 40), ("plus1", 24),
	     ("trunk1", 14)]:
	QUOTAS.append(("PHONE", "PHONE/NANP-" + s, n))
QUOTAS += [("PHONE", "PHONE/E164-spaced", 61), ("PHONE", "PHONE/E164-compact", 40)]
for c in ["UK", "DE", "FR", "IT", "ES", "NL"]:
	QUOTAS += [("PHONE", "PHONE/%s-national" % c, 42), ("PHONE", "PHONE/%s-intl" % c, 22)]
QUOTAS += [("SSN", "SSN/dashed", 74), ("SSN", "SSN/spaced", 40), ("SSN", "SSN/plain", 54)]
for b in ["visa", "mastercard", "mastercard2", "amex", "discover", "jcb", "diners", "unionpay"]:
	for f, n in [("plain", 14), ("spaced", 18), ("dashed", 8)]:
		QUOTAS.append(("CARD", "CARD/%s-%s" % (b, f), n))
QUOTAS += [("CARD", "CARD/visa-dotted", 7), ("CARD", "CARD/mastercard-dotted", 5)]
QUOTAS += [("IBAN", "IBAN/compact", 94), ("IBAN", "IBAN/grouped", 108)]
QUOTAS += [("IP", "IP/v4", 74), ("IP", "IP/v4-port-cidr", 68), ("IP", "IP/v6-full", 34),
	   ("IP", "IP/v6-compressed", 74), ("IP", "IP/v6-ipv4", 34)]

WEAK_SUBS = {"PHONE/NANP-plain", "SSN/spaced", "SSN/plain"} | {"PHONE/%s-national" % c for c in
							      ["UK", "DE", "FR", "IT", "ES", "NL"]}


def make_pos(g, typ, sub):
	it = {"pos": True, "type": typ, "sub": sub, "pre": "", "post": ""}
	if typ == "EMAIL":
		it["value"], it["variant"] = v_email(g, sub.split("/")[1])
	elif typ == "PHONE":
		it["value"], it["variant"] = v_phone(g, sub)
		if g.p(0.1):
			it["post"] = g.c(EXT) % g.n(10, 4999)
			it["variant"] += " +extension"
	elif typ == "SSN":
		it["value"], it["variant"] = v_ssn(g, sub)
	elif typ == "CARD":
		it["value"], it["variant"] = v_card(g, sub)
	elif typ == "IBAN":
		it["value"], it["variant"] = v_iban(g, sub)
	else:
		it["value"], it["variant"], it["pre"], it["post"] = v_ip(g, sub)
	it["weak"] = sub in WEAK_SUBS
	return it


# ---- negatives ----------------------------------------------------------------


def n_version(g):
	k = g.c(["semver", "four-part", "windows-build", "chrome", "firmware", "pip-pin", "kernel", "android"])
	r = g.n
	if k == "semver":
		return "%d.%d.%d" % (r(0, 9), r(0, 40), r(0, 99)), k
	if k == "four-part":
		return "%d.%d.%d.%d" % (r(1, 9), r(0, 30), r(0, 99), r(0, 255)), k
	if k == "windows-build":
		return "10.0.%d.%d" % (r(19041, 26100), r(100, 5000)), k
	if k == "chrome":
		return "%d.0.%d.%d" % (r(118, 133), r(6000, 6950), r(30, 210)), k
	if k == "firmware":
		return "%d.%02d.%d.%d" % (r(1, 7), r(0, 40), r(0, 9), r(1000, 9999)), k
	if k == "pip-pin":
		return "%d.%d.%d" % (r(1, 3), r(0, 30), r(0, 12)), k
	if k == "android":
		return "%d.%d.%d.%d" % (r(10, 15), r(0, 2), r(0, 9), r(100, 255)), k
	return "%d.%d.%d-%d-cloud-amd64" % (r(5, 6), r(1, 12), r(0, 200), r(1, 30)), k


def n_timestamp(g):
	r = g.n
	y, mo, d, h, mi, s = r(2019, 2026), r(1, 12), r(1, 28), r(0, 23), r(0, 59), r(0, 59)
	k = g.c(["iso", "python-log", "dmy-dot", "epoch-ms", "clf", "mdy-ampm", "compact"])
	if k == "iso":
		return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (y, mo, d, h, mi, s, r(0, 999)), k
	if k == "python-log":
		return "%04d-%02d-%02d %02d:%02d:%02d,%03d" % (y, mo, d, h, mi, s, r(0, 999)), k
	if k == "dmy-dot":
		return "%02d.%02d.%04d %02d:%02d" % (d, mo, y, h, mi), k
	if k == "epoch-ms":
		return str(r(1546300800000, 1798761600000)), k
	if k == "clf":
		return "%02d/%s/%04d:%02d:%02d:%02d +0000" % (d, g.c(["Jan", "Mar", "Jun", "Sep", "Nov"]), y, h, mi, s), k
	if k == "mdy-ampm":
		return "%d/%d/%04d %d:%02d %s" % (mo, d, y, r(1, 12), mi, g.c(["AM", "PM"])), k
	return "%04d%02d%02d%02d%02d%02d" % (y, mo, d, h, mi, s), k


def n_order(g):
	r = g.n
	k = g.c(["so-year", "invoice", "hash", "amazon", "sap-po", "ticket"])
	if k == "so-year":
		return "SO-%d-%05d" % (r(2021, 2026), r(1, 99999)), k
	if k == "invoice":
		return "RE%d%06d" % (r(2022, 2026), r(1, 999999)), k
	if k == "hash":
		return "#%d" % r(1000000, 99999999), k
	if k == "amazon":
		return "%03d-%07d-%07d" % (r(100, 999), r(0, 9999999), r(0, 9999999)), k
	if k == "sap-po":
		return "45%08d" % r(0, 99999999), k
	return "%s-%d" % (g.c(["SUP", "INC", "CHG", "HD"]), r(10000, 9999999)), k


def n_tracking(g):
	k = g.c(["ups", "usps", "dhl-express", "postnl"])
	if k == "ups":
		return "1Z" + "".join(g.c("0123456789ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(6)) + \
			"%02d%08d" % (g.n(1, 99), g.n(0, 99999999)), k
	if k == "usps":
		d = "9400" + "".join(str(g.n(0, 9)) for _ in range(18))
		return pc.group(d, [4, 4, 4, 4, 4, 2], " "), k
	if k == "dhl-express":
		return "JD01%016d" % g.n(0, 10 ** 16 - 1), k
	return "3S%s%09d" % (g.pg.letters(4), g.n(0, 999999999)), k


def n_price(g):
	r = g.n
	k = g.c(["usd", "eur-de", "eur-fr", "chf", "sek", "gbp", "try"])
	if k == "usd":
		return "$%d,%03d.%02d" % (r(1, 99), r(0, 999), r(0, 99)), k
	if k == "eur-de":
		return "%d.%03d,%02d\u00a0€" % (r(1, 99), r(0, 999), r(0, 99)), k
	if k == "eur-fr":
		return "%d\u202f%03d,%02d\u00a0€" % (r(1, 99), r(0, 999), r(0, 99)), k
	if k == "chf":
		return "CHF %d'%03d.%02d" % (r(1, 99), r(0, 999), r(0, 95)), k
	if k == "sek":
		return "%d %03d kr" % (r(1, 99), r(0, 999)), k
	if k == "gbp":
		return "£%d.%02d" % (r(1, 9999), r(0, 99)), k
	return "₺%d.%03d,%02d" % (r(1, 99), r(0, 999), r(0, 99)), k


def n_phone_like(g):
	k = g.c(["isbn13", "isbn10", "ean13", "claim", "serial", "case"])
	if k in ("isbn13", "isbn10", "ean13"):
		while True:
			v, kk = pc.neg_phone_like(g.pg)
			if kk == k:
				return v, k
	if k == "claim":
		return "CLM-%03d-%03d-%04d" % (g.n(100, 999), g.n(0, 999), g.n(0, 9999)), k
	if k == "serial":
		return "SN%s%07d" % (g.pg.letters(2), g.n(0, 9999999)), k
	return "%08d" % g.n(10000000, 99999999), k


def n_at(g):
	k = g.c(["npm-pin", "scoped-npm", "mention", "decorator", "git-remote", "shell-prompt", "docker-digest",
		 "css-media", "sql-var", "java-annotation"])
	f, l = person(g)
	if k == "npm-pin":
		return "%s@%d.%d.%d" % (g.c(["zod", "axios", "next", "vitest", "pino", "uuid"]), g.n(1, 15), g.n(0, 20), g.n(0, 20)), k
	if k == "scoped-npm":
		return "@%s/%s@%d.%d.%d" % (g.c(["tanstack", "nestjs", "sentry", "octokit"]), g.c(["core", "rest", "node", "query"]),
					    g.n(1, 12), g.n(0, 20), g.n(0, 9)), k
	if k == "mention":
		return "@" + g.c([f, f + "." + l, f + "_" + l[:3], "here", "channel", "oncall-sre"]), k
	if k == "decorator":
		return g.c(["@pytest.mark.parametrize", "@lru_cache", "@app.get", "@property", "@router.post"]), k
	if k == "git-remote":
		return "git@%s:%s/%s.git" % (g.c(["github.com", "gitlab.com", "bitbucket.org", "git.internal.example"]),
					   g.c(ORGS), g.c(["infra", "billing-api", "agent-tools", "docs"])), k
	if k == "shell-prompt":
		return "%s@%s" % (g.c(["root", "deploy", "ubuntu", f]), g.c(["web-01", "db-primary", "bastion", "ip-10-0-3-17"])), k
	if k == "docker-digest":
		return "%s@sha256:%s" % (g.c(["alpine", "node", "postgres", "ghcr.io/acme/agent"]), g.pg.hexs(64)), k
	if k == "css-media":
		return g.c(["@media", "@font-face", "@keyframes", "@supports"]), k
	if k == "sql-var":
		return "@" + g.c(["customer_id", "start_date", "batch_size", "rowcnt"]), k
	return g.c(["@Override", "@Autowired", "@Transactional", "@JsonProperty"]), k


def n_invalid_ip(g):
	k = g.c(["octet>255", "octet>255", "five-part"])
	if k == "five-part":
		return "%d.%d.%d.%d.%d" % tuple(g.n(1, 254) for _ in range(5)), k
	parts = [g.n(1, 254) for _ in range(4)]
	parts[g.n(0, 3)] = g.n(256, 999)
	return "%d.%d.%d.%d" % tuple(parts), k


def n_masked(g):
	last = "%04d" % g.n(0, 9999)
	k = g.c(["stars-4", "x-dashed", "first6-last4", "bullets"])
	if k == "stars-4":
		return "**** **** **** " + last, k
	if k == "x-dashed":
		return "XXXX-XXXX-XXXX-" + last, k
	if k == "first6-last4":
		return g.c(["411111", "545454", "601100", "371449"]) + "******" + last, k
	return "•••• " + last, k


def n_pc(fn):
	return lambda g: fn(g.pg)


NEG_KINDS = [
	("card failing Luhn", n_pc(pc.neg_card_luhn), 65), ("IBAN failing mod-97", n_pc(pc.neg_iban), 65),
	("invalid SSN", n_pc(pc.neg_ssn), 65), ("version", n_version, 91), ("timestamp", n_timestamp, 78),
	("order number", n_order, 72), ("tracking number", n_tracking, 58), ("price", n_price, 65),
	("coordinates", n_pc(pc.neg_coords), 58), ("hash", n_pc(pc.neg_hash), 58), ("UUID", n_pc(pc.neg_uuid), 58),
	("phone-like number, non-phone context", n_phone_like, 78), ("IMEI (Luhn-valid)", n_pc(pc.neg_imei), 58),
	("ICCID (Luhn-valid)", n_pc(pc.neg_iccid), 58), ("MAC address", n_pc(pc.neg_mac), 58),
	("OID / section number", n_pc(pc.neg_oid), 58), ("@ but not an e-mail", n_at, 91), ("EIN", n_pc(pc.neg_ein), 58),
	("ABA routing number", n_pc(pc.neg_aba), 58), ("masked card number", n_masked, 58),
	("invalid IPv4", n_invalid_ip, 58),
]

# field names (kv shapes) and short phrases (prose) for each negative kind; {V} is the value
NEG_FIELDS = {
	"card failing Luhn": ["card_number_input", "rejected_card", "cardNumber"],
	"IBAN failing mod-97": ["iban_input", "iban_rejected", "ibanEntered"],
	"invalid SSN": ["ssn_placeholder", "ssn_test_value", "dummySsn"],
	"version": ["version", "app_version", "firmware", "build", "agentVersion"],
	"timestamp": ["created_at", "updated_at", "ts", "timestamp", "lastSeen"],
	"order number": ["order_id", "invoice_no", "po_number", "ticket", "orderRef"],
	"tracking number": ["tracking_number", "awb", "trackingId"],
	"price": ["amount", "total", "price", "balance_due"],
	"coordinates": ["geo", "location", "coords"],
	"hash": ["sha256", "commit", "checksum", "etag"],
	"UUID": ["request_id", "uuid", "trace_id", "sessionId"],
	"IMEI (Luhn-valid)": ["imei", "device_imei", "deviceImei"],
	"ICCID (Luhn-valid)": ["iccid", "sim_iccid", "simIccid"],
	"MAC address": ["mac", "hw_mac", "macAddr"],
	"OID / section number": ["oid", "section", "clause_ref"],
	"@ but not an e-mail": ["dependency", "mention", "image", "remote", "prompt"],
	"EIN": ["ein", "employer_ein", "fein"],
	"ABA routing number": ["routing_number", "aba", "rtn"],
	"masked card number": ["card_masked", "masked_pan", "cardLast4"],
	"invalid IPv4": ["bad_input", "rejected_value", "invalid_ip"],
}
NEG_PROSE = {
	"card failing Luhn": ["The card number {V} was rejected by the form (checksum mismatch).",
			      "Kartennummer {V} ungültig – bitte erneut eingeben.", "Numéro {V} refusé : chiffre de contrôle invalide."],
	"IBAN failing mod-97": ["IBAN {V} failed validation, asked the customer to re-check it.",
				"De IBAN {V} klopt niet (controlegetal).", "IBAN {V} – Prüfziffer falsch!"],
	"invalid SSN": ["Test fixture uses the placeholder SSN {V} (never issued).",
			"Reject: {V} is not a valid SSN.", "SSN field contained {V}; the SSA never issues that range."],
	"version": ["Upgraded the agent to {V} last night.", "Firmware {V} fixes the watchdog reset.",
		    "pip install 'urllib3=={V}'", "running build {V} on the canary pool", "Version {V} (x64)",
		    "Wersja {V} została wdrożona.", "Versão {V} já está em produção."],
	"timestamp": ["[{V}] worker-3 started", "Logged at {V}.", "Letzte Änderung: {V}", "créé le {V}"],
	"order number": ["Your order {V} has shipped!", "Rechnung {V} ist seit 14 Tagen fällig.",
			 "Pedido {V} cancelado.", "Re: ticket {V}"],
	"tracking number": ["Tracking: {V}", "Sendungsnummer {V} – Zustellung morgen.", "Suivi colis {V}."],
	"price": ["Total due {V} incl. VAT.", "Gesamtbetrag: {V}", "Totalt {V} att betala."],
	"coordinates": ["Pinned the site at {V}.", "GPS fix {V}"],
	"hash": ["Fixed in commit {V}.", "sha256sum: {V}"],
	"UUID": ["request_id={V}", "Trace {V} shows the retry."],
	"IMEI (Luhn-valid)": ["IMEI {V} is blacklisted.", "Device IMEI: {V}"],
	"ICCID (Luhn-valid)": ["SIM ICCID {V} activated.", "ICCID {V}"],
	"MAC address": ["link/ether {V} brd ff:ff:ff:ff:ff:ff", "MAC {V} got a new lease."],
	"OID / section number": ["See section {V} of the MSA.", "OID {V} (sysDescr)", "gemäß § {V} AGB"],
	"@ but not an e-mail": ["{V}", "bump {V} please", "see {V}"],
	"EIN": ["EIN {V}", "Employer identification number: {V}"],
	"ABA routing number": ["Routing number {V}", "ABA {V} (Chase NY)"],
	"masked card number": ["Paid with Visa {V}.", "Card on file: {V}"],
	"invalid IPv4": ["ValueError: '{V}' does not appear to be an IPv4 or IPv6 address",
			 "inet_pton failed for {V}", "rejected input {V} (octet out of range)"],
}


VERSION_PROSE = {
	"semver": ["Upgraded the agent to {V} last night.", "Release {V} is out!", "Wersja {V} została wdrożona."],
	"four-part": ["Driver version {V} (x64)", "Versão {V} já está em produção.", "running build {V} on the canary pool"],
	"windows-build": ["OS Build {V}", "Windows 11 Pro, version 23H2 (build {V})"],
	"chrome": ["User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/{V} Safari/537.36", "Chrome {V} fixes it."],
	"firmware": ["Firmware {V} fixes the watchdog reset.", "BIOS/FW {V} installed on all nodes."],
	"pip-pin": ["pip install 'urllib3=={V}'", "requests>={V} is required"],
	"android": ["Android System WebView {V}", "Play services version {V}"],
	"kernel": ["Linux kernel {V}", "uname -r: {V}"],
}


PHONELIKE_PROSE = {
	"isbn13": ["ISBN {V}", "Buch bestellt, ISBN {V}.", "see the 2nd edition (ISBN {V})"],
	"isbn10": ["ISBN-10: {V}", "ISBN {V} (paperback)"],
	"ean13": ["EAN {V}, 12 pcs", "Artikel-EAN {V}", "barcode EAN-13 {V} scanned twice"],
	"claim": ["Claim no. {V} is under review.", "Re: claim {V}"],
	"serial": ["Serial number {V} on the back plate.", "S/N {V}"],
	"case": ["Aktenzeichen {V}", "Case {V} was closed as duplicate.", "Dossier n° {V}"],
}
PHONELIKE_FIELDS = {"isbn13": "isbn", "isbn10": "isbn10", "ean13": "ean", "claim": "claim_no", "serial": "serial_no",
		    "case": "case_id"}


def make_neg(g, kind, fn):
	v, var = fn(g)
	return {"pos": False, "kind": kind, "variant": var, "value": v, "pre": "", "post": ""}


# ---- fields and phrases for positives ------------------------------------------

FIELDS = {
	"EMAIL": (["email", "work_email", "contact_email", "e_mail", "billing_email", "notify_email", "emailAddress",
		   "mail", "replyToEmail"],
		  ["login", "username", "owner", "recipient", "assignee", "requester", "principal", "createdBy"]),
	"PHONE": (["phone", "mobile", "phone_number", "workPhone", "cell", "telephone", "fax", "tel", "mobilePhone",
		   "home_phone"],
		  ["contact", "emergency", "on_call", "reachable_at", "callback", "alt_contact", "primary"]),
	"SSN": (["ssn", "social_security_number", "employeeSsn", "ssn_full"],
		["tax_ref", "gov_id", "ident", "field_17", "value", "idValue"]),
	"CARD": (["card_number", "credit_card", "cardNumber", "cc_number", "pan", "payment_card", "debit_card"],
		 ["instrument", "payment_ref", "value", "src", "funding_source", "raw"]),
	"IBAN": (["iban", "account_iban", "bankAccount", "payout_account", "creditor_iban", "konto"],
		 ["payee_ref", "beneficiary", "remit_to", "value", "target", "destination"]),
	"IP": (["ip", "client_ip", "remote_addr", "sourceIp", "ip_address", "host", "peerAddress", "x_real_ip"],
	       ["client", "peer", "origin", "src", "upstream", "from", "forwarded_for"]),
}

# column headers in several languages: (named, unnamed)
HEADERS = {
	"EMAIL": (["E-Mail", "Email", "Courriel", "Correo", "E-mailadres", "E-post", "Sähköposti", "E-posta",
		   "メール", "邮箱", "Adres e-mail"], ["Kontakt", "Contact", "Login", "Benutzer", "Utente", "Owner"]),
	"PHONE": (["Telefon", "Phone", "Téléphone", "Teléfono", "Telefono", "Telefoon", "Mobil", "Handy",
		   "Puhelin", "Τηλέφωνο", "電話番号", "电话", "Telemóvel", "Komórka", "Mobile"],
		  ["Kontakt", "Contact", "Contacto", "Recapito", "Bereikbaar", "Notfall", "On call"]),
	"SSN": (["SSN", "Social Security No.", "SSN (full)"], ["Tax ref", "Gov ID", "Ref", "Field 7"]),
	"CARD": (["Card number", "Kreditkarte", "Carte", "Tarjeta", "Carta", "Creditcard", "PAN", "Karta"],
		 ["Instrument", "Zahlungsmittel", "Moyen de paiement", "Ref"]),
	"IBAN": (["IBAN", "Konto (IBAN)", "Compte", "Cuenta", "Conto", "Rekening", "Tilinumero", "Hesap", "Bank account"],
		 ["Empfänger", "Bénéficiaire", "Beneficiario", "Payee", "Ziel"]),
	"IP": (["IP", "IP address", "Client IP", "Adresse IP", "Host", "IPv6", "Remote addr"],
	       ["Client", "Peer", "Source", "Origin", "Quelle", "Upstream"]),
}

LANGS = ["en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "cs", "da", "no", "fi", "tr", "ro", "el", "ja", "zh"]

NAMED = {
	"PHONE": {
		"en": ["You can reach me on my mobile, {V}.", "Best phone for the courier: {V}",
		       "Fax {V} is no longer in service — use the portal instead.", "cell: {V} (after 6pm please)",
		       "The landlord's phone number is {V}; he prefers texts.", "Updated the on-call phone to {V}!",
		       "Can you double-check the telephone number {V} against the signup form?",
		       "Phone ({V}) goes to voicemail."],
		"de": ["Meine Handynummer lautet {V}.", "Rückruf bitte unter der Telefonnummer {V}", "Tel. {V} (nur vormittags)",
		       "Fax: {V}", "Mobil {V}, Festnetz habe ich keins mehr.", "Die Telefonnummer der Praxis ist {V}."],
		"fr": ["Mon portable\u202f: {V}", "Téléphone du cabinet : {V}.", "Tél. {V}",
		       "Vous pouvez joindre le service au numéro de téléphone {V} du lundi au vendredi."],
		"es": ["Mi móvil es el {V}, llámame cuando puedas.", "Teléfono de contacto: {V}", "¿El teléfono {V} sigue activo?"],
		"it": ["Il mio cellulare è {V}.", "Tel. ufficio: {V}", "Per urgenze chiamare il numero di telefono {V}."],
		"nl": ["Mijn mobiele nummer is {V}.", "Telefoon: {V} (ma–vr 9–17 uur)",
		       "Bel het telefoonnummer {V} als het pakket niet aankomt."],
		"pt": ["O meu telemóvel é {V}.", "Telefone: {V}"],
		"pl": ["Mój numer telefonu to {V}.", "Tel. kom. {V}"],
		"sv": ["Mitt mobilnummer är {V}.", "Telefon: {V}"],
		"cs": ["Moje telefonní číslo je {V}."],
		"da": ["Mit telefonnummer er {V}.", "Tlf. {V}"],
		"no": ["Mobil: {V}", "Ring meg på mobil {V}."],
		"fi": ["Puhelinnumeroni on {V}."],
		"tr": ["Cep telefonum {V}, arayabilirsiniz."],
		"ro": ["Numărul meu de telefon este {V}."],
		"el": ["Το τηλέφωνό μου είναι {V}."],
		"ja": ["電話番号：{V}", "携帯は {V} です。"],
		"zh": ["我的电话是 {V}。", "手机：{V}"],
	},
	"EMAIL": {
		"en": ["My email is {V}", "Send the contract to my work e-mail {V}.", "e-mail: {V}",
		       "Mail me at {V} — not the old one.", "Is {V} still your email?"],
		"de": ["Meine E-Mail-Adresse: {V}", "Bitte schick die Unterlagen per Mail an {V}."],
		"fr": ["Mon courriel : {V}", "Adresse e-mail : {V}"], "es": ["Mi correo es {V}."],
		"it": ["La mia email è {V}"], "nl": ["Mijn e-mailadres is {V}."], "pt": ["O meu e-mail é {V}."],
		"pl": ["Mój adres e-mail: {V}"], "sv": ["Min e-post: {V}"], "cs": ["E-mail: {V}"],
		"da": ["Min e-mail er {V}."], "no": ["E-post: {V}"], "fi": ["Sähköposti: {V}"], "tr": ["E-posta adresim {V}."],
		"ro": ["Adresa mea de e-mail este {V}."], "el": ["Το email μου είναι {V}."], "ja": ["メール：{V}"], "zh": ["邮箱：{V}"],
	},
	"SSN": {
		"en": ["SSN: {V}", "My social security number is {V}.", "Employee's social security no. {V}",
		       "Last year's W-2 shows SSN {V}?", "ssn={V}"],
		"es": ["Mi número de seguro social es {V}."],
	},
	"CARD": {
		"en": ["Card number {V}, exp 09/27.", "credit card: {V}", "Please charge my debit card {V} for the deposit.",
		       "The Visa {V} was declined twice."],
		"de": ["Kreditkartennummer: {V}"], "fr": ["Numéro de carte : {V}"], "es": ["Número de tarjeta {V}"],
		"it": ["Numero carta di credito {V}"], "nl": ["Creditcardnummer {V}"], "pt": ["Cartão {V}"],
		"pl": ["Numer karty {V}"], "ja": ["カード番号：{V}"], "zh": ["卡号：{V}"],
	},
	"IBAN": {
		"en": ["IBAN: {V}", "Please wire the refund to account {V}.", "Our bank details changed, new IBAN {V}!"],
		"de": ["Bankverbindung: {V}", "Bitte überweisen Sie auf das Konto {V}."], "fr": ["RIB / IBAN : {V}"],
		"es": ["Número de cuenta: {V}"], "it": ["Conto corrente (IBAN) {V}"], "nl": ["Rekeningnummer {V}"],
		"pl": ["Numer konta: {V}"], "pt": ["IBAN {V}"], "ro": ["Cont IBAN {V}"], "tr": ["Hesap: {V}"],
		"fi": ["Tilinumero {V}"], "cs": ["Číslo účtu: {V}"], "sv": ["Kontonummer (IBAN): {V}"],
	},
	"IP": {
		"en": ["Server IP is {V}.", "blocked IP {V} after 40 failed logins", "host {V} is unreachable",
		       "The VPN hands out the address {V}; is that expected?"],
		"de": ["IP-Adresse: {V}"], "fr": ["Adresse IP : {V}"], "es": ["Dirección IP {V}"], "it": ["indirizzo IP {V}"],
		"nl": ["IP-adres {V} staat op de blocklist."], "ja": ["IPアドレス：{V}"],
	},
}

UNNAMED = {
	"PHONE": {"en": ["Please call {V} after 3pm.", "Ring {V} and ask for Priya.", "reach me at {V} or on Slack",
			 "Call back {V} re: the invoice dispute.", "If nobody answers at {V}, try again tomorrow."],
		  "de": ["Ruf mich morgen unter {V} an.", "Erreichbar unter {V} ab 14 Uhr."],
		  "fr": ["Appelez-moi au {V} demain matin.", "Joignable au {V}."], "es": ["Llámame al {V} por la tarde."],
		  "it": ["Chiamami al {V} dopo le 18."], "nl": ["Bel me op {V} na de lunch."], "sv": ["Ring mig på {V}."],
		  "pl": ["Proszę dzwonić pod {V}."], "pt": ["Ligue para {V} amanhã."], "zh": ["请拨打 {V}。"]},
	"EMAIL": {"en": ["Write to {V} for access.", "cc {V} on everything", "Ping {V} if it breaks again!",
			 "Forwarding to {V}."],
		  "de": ["Bitte an {V} weiterleiten."], "fr": ["Écrivez à {V}."], "es": ["Escríbeme a {V}."],
		  "it": ["Scrivi a {V}."], "nl": ["Stuur het naar {V}."]},
	"SSN": {"en": ["Applicant ID on the old form: {V}", "Verify {V} against the payroll record.",
		       "She wrote {V} in box a.", "the nine digits are {V}"]},
	"CARD": {"en": ["Use {V} for the renewal.", "charge {V} again", "Paid with {V} on Tuesday."],
		 "de": ["Bitte {V} belasten."]},
	"IBAN": {"en": ["Refund goes to {V}."], "de": ["Überweisung an {V} bis Freitag."], "fr": ["Virement vers {V} effectué."],
		 "es": ["Pagar a {V} antes del día 5."]},
	"IP": {"en": ["Ping {V} from the bastion.", "curl {V} returned 502", "traffic from {V} spiked at noon",
		      "connect to {V} failed: timeout"]},
}


PLAN_LANG = {"UK": "en", "DE": "de", "FR": "fr", "IT": "it", "ES": "es", "NL": "nl", "NANP": "en"}


def pos_phrase(g, it, named, lang=None):
	table = NAMED if named else UNNAMED
	per = table[it["type"]]
	if it["type"] == "PHONE" and g.p(0.7):
		# mostly the language of the numbering plan's country
		lang = PLAN_LANG.get(it["sub"].split("/")[1].split("-")[0], lang)
	if lang is None or lang not in per:
		lang = g.c(sorted(per)) if g.p(0.55) else "en"
		if lang not in per:
			lang = "en"
	return g.c(per[lang])


def phrase(g, it, lang=None):
	if not it["pos"]:
		if it["kind"] == "version":
			return g.c(VERSION_PROSE[it["variant"]])
		if it["kind"] == "phone-like number, non-phone context":
			return g.c(PHONELIKE_PROSE[it["variant"]])
		return g.c(NEG_PROSE[it["kind"]])
	return pos_phrase(g, it, g.p(want_named(it)), lang)


def want_named(it):
	if it["weak"]:
		return 0.5 if it["type"] == "SSN" else 0.55
	return 0.6


def field_name(g, it):
	if not it["pos"]:
		if it["kind"] == "phone-like number, non-phone context":
			return PHONELIKE_FIELDS[it["variant"]]
		return g.c(NEG_FIELDS[it["kind"]])
	named, unnamed = FIELDS[it["type"]]
	return g.c(named) if g.p(want_named(it)) else g.c(unnamed)


def header_name(g, it):
	if not it["pos"]:
		return snake(field_name(g, it)).replace("_", " ").capitalize()
	named, unnamed = HEADERS[it["type"]]
	return g.c(named) if g.p(want_named(it)) else g.c(unnamed)


# ---- the text builder -----------------------------------------------------------


class B:
	"""One text: pieces plus character offsets of labelled and negative slots."""

	def __init__(self):
		self.parts = []
		self.n = 0
		self.slots = []  # (item, start, end, key, sentence template or None)
		self.cur = "?"

	def add(self, s):
		self.parts.append(s)
		self.n += len(s)

	def put(self, it, key=None, prose=None, wrap=True, g=None):
		pre, post = "", ""
		if it["pos"] and wrap and g is not None and g.p(0.12):
			pairs = [("(", ")"), ("\"", "\""), ("'", "'"), ("[", "]"), ("`", "`"), ("«", "»"), ("„", "“")]
			if it["type"] == "EMAIL":
				pairs += [("<", ">"), ("mailto:", "")]
			pre, post = g.c(pairs)
		self.add(pre + it["pre"])
		it.setdefault("tpl", self.cur)
		start = self.n
		self.add(it["value"])
		self.slots.append((it, start, self.n, key, prose))
		self.add(it["post"] + post)

	def tpl(self, template, it, key=None, g=None):
		a, b = template.split("{V}")
		self.add(a)
		self.put(it, key=key, prose=template, g=g)
		self.add(b)

	def text(self):
		return "".join(self.parts)


def sentence_span(text, s, e):
	a = s
	while a > 0:
		if text[a - 1] == "\n" and a >= 2 and text[a - 2] == "\n":
			break
		if a >= 2 and text[a - 2] in ".!?。" and text[a - 1] in " \n":
			break
		a -= 1
	z = e
	while z < len(text):
		if text[z] in ".!?。" and (z + 1 == len(text) or text[z + 1] in " \n"):
			break
		if text[z] == "\n" and z + 1 < len(text) and text[z + 1] == "\n":
			break
		z += 1
	return a, z


def finish(b):
	"""Compute ctx and byte offsets; returns (text, labels, negatives)."""
	text = b.text()
	masked = list(text)
	for it, s, e, _, _ in b.slots:
		for i in range(s, e):
			masked[i] = " "
	masked = "".join(masked)
	labels, negs = [], []
	for it, s, e, key, prose in b.slots:
		bs = len(text[:s].encode("utf-8"))
		be = bs + len(text[s:e].encode("utf-8"))
		if not it["pos"]:
			negs.append({"kind": it["kind"], "variant": it["variant"], "tpl": it["tpl"], "start": bs, "end": be})
			continue
		ls = masked.rfind("\n", 0, s) + 1
		le = masked.find("\n", e)
		le = len(masked) if le < 0 else le
		window = masked[ls:le]
		if prose:
			# the value's sentence: the template it was written into (which may be
			# wrapped over lines), plus the sentence around it in the text
			a, z = sentence_span(masked, s, e)
			window += "\n" + masked[a:z] + "\n" + prose.replace("{V}", " ")
		ctx = names_type(it["type"], window) or (key is not None and names_type(it["type"], key))
		labels.append({"type": it["type"], "sub": it["sub"], "variant": it["variant"], "ctx": ctx, "tpl": it["tpl"],
			       "start": bs, "end": be})
	return text, labels, negs


# ---- document shapes ----------------------------------------------------------------
# Each shape writes the items it is given into b, in its own syntax. kv shapes pass
# the field name as key (it counts as naming the type when it does); prose shapes mark
# their slots prose (the sentence counts too).


def snake(s):
	return re.sub(r"([a-z])([A-Z])", r"\1_\2", s).lower()


def camel(s):
	p = snake(s).split("_")
	return p[0] + "".join(x.capitalize() for x in p[1:])


def url_line(g, b, it, key=None):
	"""A percent-encoded address as a query/form parameter value."""
	param = key or g.c(["email", "user_email", "recipient", "to", "login_hint", "emailAddress"])
	host = g.c(ORGS) + "." + g.c(TLD)
	k = g.c(["get", "post", "unsub", "redirect"])
	if k == "get":
		b.add("GET https://api.%s/v2/contacts?%s=" % (host, param))
		b.put(it, key=param)
		b.add("&limit=%d HTTP/1.1" % g.n(10, 100))
	elif k == "post":
		b.add("Form body: %s=" % param)
		b.put(it, key=param)
		b.add("&password=%%2A%%2A%%2A%%2A&remember=%s" % g.c(["on", "1"]))
	elif k == "unsub":
		b.add("Unsubscribe: <https://news.%s/u?%s=" % (host, param))
		b.put(it, key=param)
		b.add("&list=%d>" % g.n(1, 99))
	else:
		b.add("302 Location: https://sso.%s/login?%s=" % (host, param))
		b.put(it, key=param)
		b.add("&next=%%2Fdashboard")


def is_urlenc(it):
	return it["pos"] and it["sub"] == "EMAIL/url-encoded"


def prose_item(g, b, it, lang=None):
	if is_urlenc(it):
		url_line(g, b, it)
		return
	b.tpl(phrase(g, it, lang), it, g=g)


def s_chat(g, b, items):
	b.cur = "chat"
	lang = g.c(LANGS) if g.p(0.5) else None
	who = g.c(["User: ", "user: ", "**User:** ", "> ", "Human: ", "", "[user] "])
	b.add(who + g.c(["", "Hi! ", "Quick one: ", "Hallo, ", "Bonjour, ", "Hola, ", "Ciao! ", "Hej, ", "",
			 "こんにちは。", "Merhaba, "]))
	for i, it in enumerate(items):
		if i:
			b.add(g.c([" ", "\n", " Also: ", "\n\n", " 🙏 ", " — "]))
		prose_item(g, b, it, lang)
	if g.p(0.4):
		b.add(g.c(["\nAssistant: Thanks, I've updated the record.", "\nassistant: Got it — anything else?",
			   " Can you fix the form?", " Danke!", " 👍", "\n\nAssistant: Noted. I will not store these details."]))


def s_json(g, b, items):
	b.cur = "json"
	case = g.c([snake, camel])
	wrapper = g.c(["customer", "employee", "contact", "payee", "patient", "user", "record"])
	top = g.c(["tool_result", "data", "result", None, "payload"])
	ind = g.c(["  ", "    ", "\t"])
	d = 0
	b.add("{\n")
	if top:
		d += 1
		b.add(ind * d + "\"%s\": {\n" % top)
	if g.p(0.5):
		b.add(ind * (d + 1) + "\"status\": \"ok\",\n")
	d += 1
	b.add(ind * d + "\"%s\": {\n" % wrapper)
	d += 1
	b.add(ind * d + "\"id\": %d,\n" % g.n(1000, 999999))
	b.add(ind * d + "\"name\": \"%s\",\n" % display(g))
	for i, it in enumerate(items):
		key = case(field_name(g, it))
		if g.p(0.2):
			b.add(ind * d + "\"%s\": [\"" % key)
			b.put(it, key=key)
			b.add("\"]")
		else:
			b.add(ind * d + "\"%s\": \"" % key)
			b.put(it, key=key)
			b.add("\"")
		b.add(",\n" if i < len(items) - 1 else "\n")
	while d > 0:
		d -= 1
		b.add(ind * d + "}" + ("" if d == 0 else "\n"))


def s_jsonlog(g, b, items):
	b.cur = "jsonlog"
	ts, _ = n_timestamp(g)
	b.add("{\"ts\":\"%s\",\"level\":\"%s\",\"logger\":\"%s\"" % (
		ts.replace("\"", ""), g.c(["info", "warn", "error", "debug"]), g.c(["agent.tools", "billing", "auth", "crm.sync"])))
	for it in items:
		key = snake(field_name(g, it))
		b.add(",\"%s\":\"" % key)
		b.put(it, key=key)
		b.add("\"")
	b.add(",\"msg\":\"%s\"}" % g.c(["lookup done", "record updated", "webhook received", "retrying"]))


def s_yaml(g, b, items):
	b.cur = "yaml"
	b.add(g.c(["apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: agent-contacts\n  namespace: %s\ndata:\n" %
		   g.c(["prod", "staging", "crm"]), "# synced from HR system\nemployee:\n", "contacts:\n", "spec:\n  owner:\n"]))
	for it in items:
		key = snake(field_name(g, it))
		q = g.c(["\"", "", ""])
		if it["pos"] and it["type"] == "IP" and g.p(0.3):
			b.add("  %s:\n    - " % key)
			b.put(it, key=key)
			b.add("\n")
			continue
		if q == "" and (it["value"][:1] in "@*`!&'\"[{#%" or ": " in it["value"] or it["value"].startswith("-")):
			q = "\""
		b.add("  %s: %s" % (key, q))
		b.put(it, key=key)
		b.add(q + g.c(["", "", "  # verified", "  # TODO remove"]) + "\n")


def s_xml(g, b, items):
	b.cur = "xml"
	b.add("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">\n <soapenv:Body>\n"
	      "  <UpdateParty>\n" if g.p(0.5) else "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Party>\n")
	for it in items:
		key = field_name(g, it)
		tag = key[0].upper() + camel(key)[1:]
		b.add("   <%s>" % tag)
		if "&" in it["value"] or "<" in it["value"]:
			b.add("<![CDATA[")
			b.put(it, key=key)
			b.add("]]>")
		else:
			b.put(it, key=key)
		b.add("</%s>\n" % tag)
	b.add("  </UpdateParty>\n </soapenv:Body>\n</soapenv:Envelope>" if b.parts[0].startswith("<soap") else "</Party>")


def s_proto(g, b, items):
	b.cur = "proto"
	b.add("%s {\n" % g.c(["contact", "account_holder", "subscriber", "payee"]))
	for it in items:
		key = snake(field_name(g, it))
		b.add("  %s: \"" % key)
		b.put(it, key=key)
		b.add("\"\n")
	b.add("  created { seconds: %d }\n}" % g.n(1600000000, 1790000000))


def s_env(g, b, items):
	b.cur = "env"
	ini = g.p(0.4)
	b.add("[%s]\n" % g.c(["notify", "billing", "smtp", "network"]) if ini else "# .env (do not commit)\n")
	for it in items:
		key = field_name(g, it)
		key = snake(key) if ini else snake(key).upper()
		if not ini and g.p(0.4):
			key = g.c(["SUPPORT_", "ALERT_", "DEFAULT_", "FALLBACK_"]) + key
		q = g.c(["", "\""]) if " " not in it["value"] else "\""
		b.add("%s%s%s" % (key, " = " if ini else "=", q))
		b.put(it, key=key)
		b.add(q + "\n")


def s_sql(g, b, items):
	b.cur = "sql"
	cols = [snake(field_name(g, it)) for it in items]
	b.add("INSERT INTO %s (id, full_name, %s) VALUES (%d, '%s'" % (
		g.c(["customers", "employees", "payees", "crm.contacts", "`users`"]), ", ".join(cols), g.n(1, 99999),
		display(g).replace("'", "''")))
	for it, c in zip(items, cols):
		q = "\"" if "'" in it["value"] else "'"
		b.add(", %s" % q)
		b.put(it, key=c)
		b.add(q)
	b.add(");")


def s_table(g, b, items):
	"""CSV / TSV / markdown / psql / mysql / HTML: one column per type, header names it (or not)."""
	b.cur = "table"
	cols = {}
	for it in items:
		cols.setdefault(it["type"] if it["pos"] else it["kind"], []).append(it)
	heads = [header_name(g, c[0]) for c in cols.values()]
	colv = list(cols.values())
	nrows = max(len(c) for c in colv)
	style = g.c(["csv", "csv", "tsv", "md", "psql", "mysql", "html", "semicolon"])
	if style == "html" and any("&" in it["value"] or "<" in it["value"] for it in items):
		style = "csv"
	b.cur = "table." + style
	names = [display(g) for _ in range(nrows)]
	sep = {"csv": ",", "tsv": "\t", "md": " | ", "psql": " | ", "mysql": " | ", "semicolon": ";"}.get(style, "")
	hdr = [g.c(["Name", "name", "Nom", "Nombre", "Nome", "Naam", "氏名"])] + heads
	if style == "html":
		b.add("<table>\n<tr>" + "".join("<th>%s</th>" % h for h in hdr) + "</tr>\n")
	elif style == "mysql" or style == "psql":
		b.add(("+----+\n| " if style == "mysql" else " ") + sep.join(hdr) + (" |\n+----+\n" if style == "mysql" else "\n-----+-----\n"))
	elif style == "md":
		b.add("| " + sep.join(hdr) + " |\n|" + "---|" * len(hdr) + "\n")
	else:
		b.add(sep.join(hdr) + "\n")
	for r in range(nrows):
		if style == "html":
			b.add("<tr><td>%s</td>" % names[r])
		elif style in ("md", "mysql"):
			b.add("| " + names[r])
		else:
			b.add((" " if style == "psql" else "") + names[r])
		for ci, c in enumerate(colv):
			if style == "html":
				b.add("<td>")
			else:
				b.add(sep)
			if r < len(c):
				it = c[r]
				q = "\"" if style == "csv" and ("," in it["value"] or g.p(0.15)) else ""
				b.add(q)
				b.put(it, key=heads[ci], wrap=False)
				b.add(q)
			if style == "html":
				b.add("</td>")
		b.add({"html": "</tr>\n", "md": " |\n", "mysql": " |\n"}.get(style, "\n"))
	if style == "html":
		b.add("</table>")
	elif style == "psql":
		b.add("(%d row%s)" % (nrows, "" if nrows == 1 else "s"))
	elif style == "mysql":
		b.add("+----+\n%d row%s in set (0.01 sec)" % (nrows, "" if nrows == 1 else "s"))


SIG_LABEL = {"PHONE": ["Tel.: ", "Mobil: ", "Phone: ", "Tél. : ", "Cell ", "Fax: ", "Handy: ", "Telefoon: ", "M: ", "T: ", "📞 ", ""],
	     "EMAIL": ["E-Mail: ", "Email: ", "✉ ", ""], "IBAN": ["IBAN: ", "Bankverbindung: ", ""],
	     "IP": ["IP: ", ""], "CARD": ["Card: ", ""], "SSN": ["SSN: ", ""]}


def s_email(g, b, items):
	b.cur = "email"
	emails = [it for it in items if it["pos"] and it["type"] == "EMAIL" and not is_urlenc(it)]
	rest = [it for it in items if it not in emails]
	while len(emails) < 2:
		# headers always carry real addresses: these are labelled too (extra EMAIL values)
		emails.append(make_pos(g, "EMAIL", g.c(["EMAIL/basic", "EMAIL/basic", "EMAIL/subdomain", "EMAIL/plus-tag",
							 "EMAIL/long-tld", "EMAIL/mixed-case"])))
	f, l = person(g)
	hdr = emails[:3]
	body = emails[3:] + rest
	b.add("From: ")
	b.add(g.c(["\"%s\" <" % display(g), "%s <" % display(g), "<"]))
	b.put(hdr[0], wrap=False)
	b.add(">")
	rcpt = hdr[1:]
	cc = rcpt[1:] if len(rcpt) > 1 and g.p(0.5) else []
	for head, lst in (("To", rcpt[:len(rcpt) - len(cc)]), ("Cc", cc)):
		if not lst:
			continue
		b.add("\n%s: " % head)
		for j, it in enumerate(lst):
			if j:
				b.add(", ")
			if g.p(0.5):
				b.add("%s <" % display(g))
				b.put(it, wrap=False)
				b.add(">")
			else:
				b.put(it, wrap=False)
	b.add("\nSubject: %s\nDate: Tue, %d Mar 2025 %02d:%02d:11 +0100\n\n" % (
		g.c(["Re: Ihre Anfrage", "Updated details", "RE: contract renewal", "Fwd: Kontaktdaten", "Réf. dossier"]),
		g.n(1, 28), g.n(8, 18), g.n(0, 59)))
	b.add(g.c(["Hi team,\n\n", "Guten Tag,\n\n", "Bonjour,\n\n", "Hola:\n\n", "Hej!\n\n"]))
	sig = [it for it in body if it["pos"] and it["type"] in SIG_LABEL and g.p(0.4)]
	quoted = g.p(0.3)
	for it in body:
		if it in sig:
			continue
		if quoted:
			b.add("> ")
		prose_item(g, b, it)
		b.add("\n")
	b.add("\n%s\n%s %s\n" % (g.c(["Best regards,", "Mit freundlichen Grüßen", "Cordialement,", "Saludos,", "--"]),
				 f.capitalize(), l.capitalize()))
	for it in sig:
		b.add(g.c(SIG_LABEL[it["type"]]))
		b.put(it, wrap=False)
		b.add("\n")


def s_vcard(g, b, items):
	b.cur = "vcard"
	ldif = g.p(0.4)
	f, l = person(g)
	if ldif:
		b.add("dn: uid=%s.%s,ou=people,dc=%s,dc=example\nobjectClass: inetOrgPerson\ncn: %s %s\n" % (
			f, l, g.c(ORGS), f.capitalize(), l.capitalize()))
	else:
		b.add("BEGIN:VCARD\nVERSION:3.0\nFN:%s %s\n" % (f.capitalize(), l.capitalize()))
	for it in items:
		t = it["type"] if it["pos"] else None
		if ldif:
			key = {"EMAIL": "mail", "PHONE": g.c(["telephoneNumber", "mobile", "facsimileTelephoneNumber"])}.get(t, "description")
			b.add(key + ": ")
			if key == "description":
				prose_item(g, b, it)
			else:
				b.put(it, key=key, wrap=False)
		else:
			key = {"EMAIL": g.c(["EMAIL;TYPE=work", "EMAIL;TYPE=INTERNET,HOME", "EMAIL"]),
			       "PHONE": g.c(["TEL;TYPE=cell", "TEL;TYPE=work,voice", "TEL;TYPE=fax", "TEL"])}.get(t, "NOTE")
			b.add(key + ":")
			if key == "NOTE":
				prose_item(g, b, it)
			else:
				b.put(it, key=key, wrap=False)
		b.add("\n")
	if not ldif:
		b.add("END:VCARD")


def s_ticket(g, b, items):
	b.cur = "ticket"
	b.add(g.c(["### Bug: ", "**Summary:** ", "h2. ", "## "]) + g.c(["Customer sync drops records", "PII showing in agent logs",
								       "Payout failed", "Import from CSV broken"]) + "\n\n")
	b.add(g.c(["Steps to reproduce:\n", "Reporter wrote:\n", "Context:\n"]))
	code = items[: max(1, len(items) // 2)]
	for it in items:
		if it in code:
			continue
		b.add("- ")
		prose_item(g, b, it)
		b.add("\n")
	b.add("\n```%s\n" % g.c(["json", "", "text", "python"]))
	for it in code:
		if is_urlenc(it):
			url_line(g, b, it)
		elif g.p(0.5):
			key = snake(field_name(g, it))
			assign = g.p(0.5)
			b.add("%s = \"" % key if assign else "{\"%s\": \"" % key)
			b.put(it, key=key)
			b.add("\"" if assign else "\"}")
		else:
			b.add(g.c(["ERROR ", "WARN  ", "Traceback: ValueError: "]))
			b.tpl(phrase(g, it), it, g=g)
		b.add("\n")
	b.add("```\n" + g.c(["", "cc @" + g.c(GIVEN), "/label ~bug", "Priority: P2"]))


def s_transcript(g, b, items):
	b.cur = "transcript"
	slack = g.p(0.35)
	t = g.n(0, 3000)
	for i, it in enumerate(items):
		t += g.n(5, 200)
		who = g.c(GIVEN).capitalize()
		if slack:
			b.add("{\"user\": \"U0%dX\", \"ts\": \"%d.%06d\", \"text\": \"" % (g.n(1000, 9999), g.n(1700000000, 1790000000), g.n(0, 999999)))
			prose_item(g, b, it)
			b.add("\"}\n")
		else:
			b.add("[%02d:%02d:%02d] %s: " % (t // 3600, t % 3600 // 60, t % 60, who))
			prose_item(g, b, it)
			b.add("\n")


WRAPWORDS = ("Sehr geehrte Damen und Herren, wie besprochen übersenden wir Ihnen die Unterlagen "
	     "zur Vertragsverlängerung. Please find the agreement and the schedule of charges attached "
	     "for your records. Conformément aux conditions générales, le paiement est dû sous trente jours").split()


def s_pdf(g, b, items):
	"""PDF-extracted text: hard line breaks at ~64 columns, hyphenated words, values never split."""
	b.cur = "pdf"
	toks = []
	w = g.n(0, 10)
	for it in items:
		toks += [("w", x) for x in WRAPWORDS[w:w + g.n(4, 12)]]
		if is_urlenc(it):
			toks.append(("u", it))
			continue
		tpl = phrase(g, it)
		a, z = tpl.split("{V}")
		toks += [("w", x) for x in a.split()]
		toks.append(("v", it, a.endswith(" ") or a == "", tpl))
		if z.strip():
			toks.append(("t", z.split()[0] if not z.startswith(" ") else ""))
			toks += [("w", x) for x in (z.split()[1:] if not z.startswith(" ") else z.split())]
	col = 0
	first = True
	for tk in toks:
		if tk[0] == "t":
			if tk[1]:
				b.add(tk[1])
				col += len(tk[1])
			continue
		if tk[0] == "u":
			b.add("\n")
			url_line(g, b, tk[1])
			b.add("\n")
			col = 0
			continue
		word = tk[1] if tk[0] == "w" else tk[1]["pre"] + tk[1]["value"] + tk[1]["post"]
		if tk[0] == "v" and not tk[2]:
			b.put(tk[1], prose=tk[3], wrap=False)
			col += len(word)
			continue
		if not first:
			if col + 1 + len(word) > 64:
				if tk[0] == "w" and len(word) > 9 and word.isalpha() and g.p(0.6):
					cut = len(word) // 2
					b.add(" " + word[:cut] + "-\n" + word[cut:])
					col = len(word) - cut
					continue
				b.add("\n")
				col = 0
			else:
				b.add(" ")
				col += 1
		first = False
		if tk[0] == "w":
			b.add(word)
		else:
			b.put(tk[1], prose=tk[3], wrap=False)
		col += len(word)
	b.add(g.c(["\n\nSeite %d von %d" % (g.n(1, 3), g.n(3, 9)), "\n— %d —" % g.n(1, 40), ""]))


def s_log(g, b, items):
	b.cur = "log"
	host = g.c(["web-01", "edge-fra-2", "mx1", "agent-runner-7", "DC01"])
	for it in items:
		ts, _ = n_timestamp(g)
		k = g.c(["syslog", "nginx", "winevent", "k8s", "postfix", "generic"])
		b.cur = "log." + k
		if it["pos"] and it["type"] == "IP" and k == "nginx":
			b.put(it)
			b.add(" - - [%s] \"POST /v1/chat/completions HTTP/1.1\" %d %d \"-\" \"python-httpx/0.27.0\"\n" % (
				ts, g.c([200, 401, 429, 502]), g.n(100, 99999)))
		elif it["pos"] and it["type"] == "IP" and k == "syslog":
			b.add("%s sshd[%d]: Failed password for invalid user admin from " % (host, g.n(100, 99999)))
			b.put(it)
			b.add(" port %d ssh2\n" % g.n(1024, 65535))
		elif it["pos"] and it["type"] == "IP" and k == "winevent":
			b.add("An account failed to log on.\n\tWorkstation Name:\t%s\n\tSource Network Address:\t" % host)
			b.put(it, wrap=False)
			b.add("\n\tSource Port:\t\t%d\n" % g.n(1024, 65535))
		elif it["pos"] and it["type"] == "IP" and k == "k8s":
			b.add("Normal  Scheduled  pod/agent-%s  Successfully assigned, podIP " % g.pg.hexs(5))
			b.put(it)
			b.add("\n")
		elif it["pos"] and it["type"] == "EMAIL" and k == "postfix" and not is_urlenc(it):
			b.add("%s postfix/smtp[%d]: %s: to=<" % (host, g.n(100, 99999), g.pg.hexs(10, True)))
			b.put(it, wrap=False)
			b.add(">, relay=mx.%s.example, delay=%0.2f, status=sent (250 2.0.0 OK)\n" % (g.c(ORGS), g.r.random() * 3))
		elif is_urlenc(it):
			url_line(g, b, it)
			b.add("\n")
		else:
			b.add("%s %s %s " % (ts, host, g.c(["[agent]", "app[2231]:", "WARN", "kernel:", "INFO"])))
			b.tpl(phrase(g, it), it, g=g)
			b.add("\n")


def s_hl7(g, b, items):
	b.cur = "hl7"
	phones = [it for it in items if it["pos"] and it["type"] == "PHONE"]
	ssns = [it for it in items if it["pos"] and it["type"] == "SSN"]
	f, l = person(g)
	b.add("MSH|^~\\&|EPIC|%s|LAB|HOSP|%s||ADT^A04|%d|P|2.5\rPID|1||%d^^^HOSP^MR||%s^%s||19%02d%02d%02d|%s|||%d %s ST^^%s^%s^%05d||" % (
		g.c(["UCSF", "MGH", "NYU"]), "%04d%02d%02d%02d%02d" % (g.n(2020, 2025), g.n(1, 12), g.n(1, 28), g.n(0, 23), g.n(0, 59)), g.n(10 ** 6, 10 ** 7), g.n(10 ** 5, 10 ** 7),
		l.upper(), f.upper(), g.n(30, 99), g.n(1, 12), g.n(1, 28), g.c("MF"), g.n(1, 999),
		g.c(["MAIN", "OAK", "PINE"]), g.c(["BOSTON", "AUSTIN", "DENVER"]), g.c(["MA", "TX", "CO"]), g.n(10000, 99999)))
	if phones:
		b.put(phones[0], wrap=False)
	b.add("|")
	if len(phones) > 1:
		b.put(phones[1], wrap=False)
	b.add("|||||||")
	if ssns:
		b.put(ssns[0], wrap=False)
	b.add("\r")
	for i, it in enumerate(x for x in items if x not in phones[:2] and x not in ssns[:1]):
		b.add("NTE|%d||" % (i + 1))
		prose_item(g, b, it)
		b.add("\r")


def s_diff(g, b, items):
	b.cur = "diff"
	fn = g.c(["config/contacts.yaml", "seed/users.json", "deploy/values.yaml", "fixtures/payees.yml"])
	b.add("diff --git a/%s b/%s\nindex %s..%s 100644\n--- a/%s\n+++ b/%s\n@@ -%d,%d +%d,%d @@\n" % (
		fn, fn, g.pg.hexs(7), g.pg.hexs(7), fn, fn, g.n(1, 80), 6, g.n(1, 80), 7))
	b.add("   owner: %s\n" % g.c(["platform", "finops", "sre"]))
	for it in items:
		key = snake(field_name(g, it))
		b.add(g.c(["-", "+", "+", " "]) + "   %s: \"" % key)
		b.put(it, key=key)
		b.add("\"\n")


def s_notebook(g, b, items):
	b.cur = "notebook"
	heads = [snake(field_name(g, it)) for it in items]
	b.add("{\n \"cell_type\": \"code\",\n \"execution_count\": %d,\n \"outputs\": [\n  {\n   \"name\": \"stdout\",\n"
	      "   \"output_type\": \"stream\",\n   \"text\": [\n" % g.n(1, 60))
	for i, (it, h) in enumerate(zip(items, heads)):
		b.add("    \"%s: " % h)
		b.put(it, key=h)
		b.add("\\n\"%s\n" % ("," if i < len(items) - 1 else ""))
	b.add("   ]\n  }\n ],\n \"source\": [\"df = load_contacts()\\n\", \"print_row(df.iloc[0])\"]\n}")


def s_adjacent(g, b, items):
	"""Several values of one type in a row, separated by '/', ';', '|', ', ' or tabs."""
	b.cur = "adjacent"
	sep = g.c([" / ", "/", "; ", ";", " | ", "|", "\t", ", "])
	it0 = items[0]
	t = it0["type"] if it0["pos"] else None
	lead = {"PHONE": ["Tel/Fax: ", "Telefon / Handy: ", "phones: ", "Contacts: ", ""], "EMAIL": ["Recipients: ", "E-mails: ", "to: ", ""],
		"IP": ["allowlist: ", "IPs: ", "peers=", "nameservers "], "IBAN": ["IBANs: ", "Konten: ", "payees: "],
		"CARD": ["cards: ", "Karten: ", "instruments: "], "SSN": ["SSNs: ", "dependents: "]}.get(t, [""])
	b.add(g.c(lead))
	for i, it in enumerate(items):
		if i:
			b.add(sep)
		b.put(it, wrap=False)
	b.add(g.c(["", "", "\n", " (verified)", "."]))


def s_receipt(g, b, items):
	b.cur = "receipt"
	shop = g.c(["REWE MARKT GMBH", "CARREFOUR CITY", "TESCO EXPRESS", "ALBERT HEIJN 1432", "MERCADONA S.A."])
	b.add("%s\n%s\nBON-NR. %d   KASSE %d\n" % (shop, g.c(["Hauptstr. 12", "12 Rue de la Paix", "Calle Mayor 5"]),
						    g.n(1000, 9999), g.n(1, 9)))
	b.add("SUMME EUR        %d,%02d\n" % (g.n(1, 300), g.n(0, 99)))
	for it in items:
		if it["pos"] and it["type"] in ("CARD", "IBAN", "PHONE") and g.p(0.6):
			lab = {"CARD": ["KARTE ", "CARD NO ", "VISA ", "PAN: ", ""], "IBAN": ["IBAN ", "Konto ", ""],
			       "PHONE": ["TEL ", "Tel.: ", "Telefon ", ""]}[it["type"]]
			b.add(g.c(lab))
			b.put(it, wrap=False)
			b.add("\n")
		else:
			prose_item(g, b, it)
			b.add("\n")
	b.add("VIELEN DANK FUER IHREN EINKAUF" if g.p(0.5) else "MERCI DE VOTRE VISITE")


def s_manifest(g, b, items):
	b.cur = "manifest"
	b.add("SHIPPING MANIFEST  %s\nCarrier: %s   Pallets: %d   Weight: %d kg\n" % (
		"MF-%06d" % g.n(1, 999999), g.c(["DHL", "DSV", "Kuehne+Nagel", "UPS"]), g.n(1, 30), g.n(50, 9000)))
	for i, it in enumerate(items):
		b.add("%02d  " % (i + 1))
		if it["pos"] and it["type"] == "PHONE":
			b.add(g.c(["Consignee phone: ", "Empfänger Tel. ", "Contact on site: ", "Notify: "]))
			b.put(it)
		elif it["pos"] and it["type"] == "EMAIL" and not is_urlenc(it):
			b.add(g.c(["Notify e-mail: ", "Consignee: ", "POD to "]))
			b.put(it)
		else:
			prose_item(g, b, it)
		b.add("\n")


def s_terraform(g, b, items):
	b.cur = "terraform"
	b.add("resource \"%s\" \"%s\" {\n" % (g.c(["aws_security_group_rule", "google_compute_firewall", "azurerm_network_security_rule"]),
					      g.c(["agents", "egress_llm", "admin"])))
	for it in items:
		key = snake(field_name(g, it))
		if it["pos"] and it["type"] == "IP":
			b.add("  cidr_blocks = [\"")
			b.put(it, key="cidr_blocks", wrap=False)
			b.add("\"]\n" if it["post"].startswith("/") else "\"]  # %s\n" % key)
		else:
			b.add("  %s = \"" % key)
			b.put(it, key=key, wrap=False)
			b.add("\"\n")
	b.add("}")


def s_devtools(g, b, items):
	b.cur = "devtools"
	host = g.c(ORGS) + "." + g.c(TLD)
	b.add("General\n  Request URL: https://app.%s/api/profile\n  Request Method: POST\n  Status Code: %d\n" % (host, g.c([200, 400, 422])))
	ips = [it for it in items if it["pos"] and it["type"] == "IP" and it["pre"] == "" and it["post"] == ""]
	if ips:
		b.add("  Remote Address: ")
		b.put(ips[0], key="Remote Address", wrap=False)
		b.add(":443\n")
	b.add("Request Headers\n  content-type: application/x-www-form-urlencoded\n  user-agent: Mozilla/5.0 (X11; Linux x86_64)\nForm Data\n")
	for it in items:
		if ips and it is ips[0]:
			continue
		if is_urlenc(it):
			b.add("  view source: ")
			url_line(g, b, it)
			b.add("\n")
			continue
		key = snake(field_name(g, it))
		b.add("  %s: " % key)
		b.put(it, key=key, wrap=False)
		b.add("\n")


def s_statement(g, b, items):
	b.cur = "statement"
	b.add("Kontoauszug Nr. %d/%d   %s\nDatum       Buchungstext                                Betrag\n" % (
		g.n(1, 12), g.n(2022, 2026), g.c(["Sparkasse KölnBonn", "ING", "Deutsche Bank", "ABN AMRO", "BNP Paribas"])))
	for it in items:
		b.add("%02d.%02d.   " % (g.n(1, 28), g.n(1, 12)))
		if it["pos"] and it["type"] == "IBAN":
			b.add(g.c(["SEPA-Überweisung an ", "Gutschrift von ", "Lastschrift ", "Dauerauftrag "]) +
			      display(g) + g.c([" IBAN ", " ", ", "]))
			b.put(it, wrap=False)
			b.add("   -%d,%02d\n" % (g.n(1, 2000), g.n(0, 99)))
		else:
			prose_item(g, b, it)
			b.add("\n")


SHAPES = [(s_chat, 16), (s_json, 10), (s_jsonlog, 5), (s_yaml, 5), (s_xml, 3), (s_proto, 2), (s_env, 3),
	  (s_sql, 4), (s_table, 4), (s_email, 7), (s_vcard, 3), (s_ticket, 5), (s_transcript, 5), (s_pdf, 6),
	  (s_log, 6), (s_hl7, 2), (s_diff, 3), (s_notebook, 2), (s_adjacent, 4), (s_receipt, 2), (s_manifest, 2),
	  (s_terraform, 2), (s_devtools, 3), (s_statement, 2)]

KV_SHAPES = {s_json, s_jsonlog, s_yaml, s_xml, s_proto, s_env, s_sql, s_table, s_diff, s_notebook, s_adjacent,
	     s_terraform, s_vcard}

FILLER = [
	"The quarterly review covers onboarding, the migration of the ticket queue and the new escalation policy.",
	"Die Ergebnisse der Umfrage werden im nächsten Abschnitt zusammengefasst; Details stehen im Anhang.",
	"Les délais de livraison ont été réduits de deux jours en moyenne depuis le mois dernier.",
	"El equipo revisó los procesos internos y propuso tres cambios para el próximo trimestre.",
	"Il comitato ha approvato il piano con alcune modifiche minori alla sezione sui costi.",
	"Het projectteam heeft de planning aangepast aan de nieuwe leverancier.",
	"As per the retention policy, drafts older than ninety days are archived automatically.",
	"Zespół wdrożył poprawki i zaplanował kolejne testy na przyszły tydzień.",
	"Kunden har bett om en sammanfattning av ärendet innan mötet på torsdag.",
	"本資料は社内向けの参考情報です。",
	"本文档仅供内部参考。",
	"Toplantı notları ekte yer almaktadır ve herkesin görüşüne açıktır.",
	"Nothing in this summary changes the service levels agreed in the main contract.",
]


def filler(g, n):
	return " ".join(g.r.sample(FILLER, n))


def take_same(queue, it, k):
	"""Up to k more queued items of the same type (or negative kind) as it."""
	want = it["type"] if it["pos"] else it["kind"]
	out = []
	for j in range(len(queue) - 1, max(-1, len(queue) - 400), -1):
		q = queue[j]
		if (q["type"] if q["pos"] else q["kind"]) == want and not is_urlenc(q):
			out.append(j)
			if len(out) == k:
				break
	return [queue.pop(j) for j in sorted(out, reverse=True)]


def generate(seed):
	g = G(seed)
	queue = []
	for typ, sub, n in QUOTAS:
		for _ in range(n):
			queue.append(make_pos(g, typ, sub))
	for kind, fn, n in NEG_KINDS:
		for _ in range(n):
			queue.append(make_neg(g, kind, fn))
	g.r.shuffle(queue)
	shapes = [s for s, w in SHAPES for _ in range(w)]
	out = []
	while queue:
		shape = g.c(shapes)
		first = queue.pop()
		if is_urlenc(first) and shape in KV_SHAPES:
			shape = g.c([s_chat, s_email, s_ticket, s_log, s_devtools, s_pdf, s_transcript])
		if shape is s_hl7 and not (first["pos"] and first["type"] in ("PHONE", "SSN")):
			shape = s_json
		items = [first]
		if shape is s_adjacent:
			items += take_same(queue, first, g.n(1, 3))
			if len(items) == 1:
				shape = s_chat
		elif shape is s_table:
			rows = g.n(1, 3)
			items += take_same(queue, first, rows - 1)
			if queue and g.p(0.5):
				second = queue.pop()
				if is_urlenc(second):
					queue.insert(0, second)
				else:
					items += [second] + take_same(queue, second, rows - 1)
		else:
			k = g.c([0, 0, 0, 0, 1, 1, 2])
			for _ in range(k):
				if not queue:
					break
				nxt = queue.pop()
				if is_urlenc(nxt) and shape in KV_SHAPES:
					queue.insert(0, nxt)
					continue
				items.append(nxt)
		b = B()
		long_doc = g.p(0.12)
		if long_doc:
			b.add(filler(g, g.n(3, 8)) + "\n\n")
		shape(g, b, items)
		if long_doc:
			b.add("\n\n" + filler(g, g.n(3, 8)))
		out.append(finish(b))
	return out


# ---- self-check ----------------------------------------------------------------------

ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
# the last domain label (TLD) must not be all-numeric (RFC 3696 section 2)
EMAIL_RE = re.compile(r"%s(\.%s)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+(?![0-9]+$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?" % (ATEXT, ATEXT))

CARD_IIN = {"visa": (r"4", (16, 19)), "mastercard": (r"5[1-5]", (16,)), "mastercard2": (r"(222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)", (16,)),
	    "amex": (r"3[47]", (15,)), "discover": (r"(6011|64[4-9]|65)", (16,)), "jcb": (r"35(2[89]|[3-8]\d)", (16,)),
	    "diners": (r"(30[0-5]|36|38|39)", (14,)), "unionpay": (r"62", (16, 19))}


def check_phone(v, sub):
	assert re.fullmatch(r"[0-9+ ()./\-\u00a0\u202f]+", v), v
	d = re.sub(r"\D", "", v.replace("(0)", ""))
	kind = sub.split("/")[1]
	if kind.startswith("NANP"):
		n = d[1:] if len(d) == 11 else d
		assert len(n) == 10 and (len(d) == 10 or d[0] == "1"), v
		assert n[0] in "23456789" and n[3] in "23456789" and n[4:6] != "11", v
		return
	if kind.startswith("E164"):
		assert v.startswith("+") and 8 <= len(d) <= 15 and d[0] != "0", v
		return
	country, form = kind.split("-")
	cc = pc.NATIONAL[country][0]
	if form == "intl":
		assert v.startswith("+" + cc) or v.startswith("00" + cc), v
		n = d[len(cc):] if v.startswith("+") else d[2 + len(cc):]
		if country not in ("IT", "ES"):
			n = "0" + n
	else:
		n = d
	if country == "UK":
		assert n[0] == "0" and n[1] in "127" and len(n) == 11, v
	elif country == "DE":
		assert n[0] == "0" and n[1] != "0" and 10 <= len(n) <= 12, v
	elif country == "FR":
		assert n[0] == "0" and n[1] in "123456789" and len(n) == 10, v
	elif country == "IT":
		assert (n[0] == "3" and len(n) == 10) or (n[0] == "0" and 6 <= len(n) <= 11), v
	elif country == "ES":
		assert n[0] in "6789" and len(n) == 9, v
	elif country == "NL":
		assert n[0] == "0" and n[1] != "0" and len(n) == 10, v


def check_pos(lab, v):
	t, sub = lab["type"], lab["sub"]
	if t == "EMAIL":
		a = urllib.parse.unquote(v) if sub == "EMAIL/url-encoded" else v
		if sub == "EMAIL/url-encoded":
			assert "%40" in v and "@" not in v, v
		assert EMAIL_RE.fullmatch(a) and len(a.split("@")[0]) <= 64, v
	elif t == "PHONE":
		check_phone(v, sub)
	elif t == "SSN":
		sep = {"SSN/dashed": "-", "SSN/spaced": " ", "SSN/plain": ""}[sub]
		assert re.fullmatch(r"\d{3}%s\d{2}%s\d{4}" % (re.escape(sep), re.escape(sep)), v), v
		d = re.sub(r"\D", "", v)
		assert d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000", v
	elif t == "CARD":
		brand = sub.split("/")[1].rsplit("-", 1)[0]
		d = re.sub(r"[ .\-]", "", v)
		pre, lens = CARD_IIN[brand]
		assert d.isdigit() and pc.luhn_ok(d) and len(d) in lens and re.match(pre, d), v
	elif t == "IBAN":
		c = v.replace(" ", "")
		assert pc.iban_ok(c) and len(c) == pc.IBAN_LEN[c[:2]], v
		if sub == "IBAN/grouped":
			assert v == pc.group(c, [4] * 8, " ").strip(), v
		else:
			assert v == c, v
	elif t == "IP":
		a = ipaddress.ip_address(v)
		assert (a.version == 4) == sub.startswith("IP/v4"), v
	else:
		raise AssertionError(t)


def check_neg(kind, v):
	d = re.sub(r"[ .\-]", "", v)
	if kind == "card failing Luhn":
		assert d.isdigit() and not pc.luhn_ok(d), v
	elif kind == "IBAN failing mod-97":
		assert not pc.iban_ok(v), v
	elif kind == "invalid SSN":
		assert len(d) == 9 and (d[:3] in ("000", "666") or d[0] == "9" or d[3:5] == "00" or d[5:] == "0000"), v
	elif kind == "invalid IPv4":
		try:
			ipaddress.ip_address(v)
			raise AssertionError(v)
		except ValueError:
			pass
	elif kind in ("IMEI (Luhn-valid)", "ICCID (Luhn-valid)"):
		assert pc.luhn_ok(d), v
	elif kind == "ABA routing number":
		w = [3, 7, 1] * 3
		assert len(v) == 9 and sum(int(x) * w[i] for i, x in enumerate(v)) % 10 == 0, v
	elif kind == "EIN":
		assert re.fullmatch(r"\d{2}-\d{7}", v), v
	elif kind == "masked card number":
		assert re.search(r"[*X•]{4}", v), v
	elif kind == "@ but not an e-mail":
		assert "@" in v and not EMAIL_RE.fullmatch(v), v
	if kind not in ("@ but not an e-mail",):
		assert not EMAIL_RE.fullmatch(v), v


def selfcheck(recs):
	pc.selfcheck()
	for rec in recs:
		raw = rec["text"].encode("utf-8")
		spans = []
		for lab in rec["labels"]:
			v = raw[lab["start"]:lab["end"]].decode("utf-8")
			assert v == v.strip() and v, (rec["id"], v)
			check_pos(lab, v)
			spans.append((lab["start"], lab["end"]))
		for neg in rec["negatives"]:
			v = raw[neg["start"]:neg["end"]].decode("utf-8")
			assert v == v.strip() and v, (rec["id"], v)
			check_neg(neg["kind"], v)
			spans.append((neg["start"], neg["end"]))
		spans.sort()
		for (a, b), (c, d) in zip(spans, spans[1:]):
			assert b <= c, (rec["id"], spans)
		for lab in rec["labels"]:
			# the label is the whole value: no digit/letter glued on either side
			before = raw[:lab["start"]].decode("utf-8")[-1:]
			after = raw[lab["end"]:].decode("utf-8")[:1]
			assert not (before.isalnum() and before.isascii()), (rec["id"], before, lab)
			assert not (after.isdigit()), (rec["id"], after, lab)


def records(seed):
	recs = []
	for i, (text, labels, negs) in enumerate(generate(seed)):
		recs.append({"id": "%s-%05d" % (SPLIT, i + 1), "split": SPLIT, "seed": seed, "text": text,
			     "labels": labels, "negatives": negs})
	return recs


def main():
	ap = argparse.ArgumentParser(description="Generate tollgate's seventh blind held-out PII corpus (JSON lines).")
	ap.add_argument("-o", "--output", help="write here instead of stdout")
	a = ap.parse_args()
	recs = records(SEED)
	selfcheck(recs)
	lines = [json.dumps(r, ensure_ascii=False) for r in recs]
	assert lines == [json.dumps(r, ensure_ascii=False) for r in records(SEED)], "output is not deterministic"
	out = open(a.output, "w", encoding="utf-8") if a.output else sys.stdout
	for line in lines:
		out.write(line + "\n")
	if out is not sys.stdout:
		out.close()


if __name__ == "__main__":
	main()
