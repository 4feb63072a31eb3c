#!/usr/bin/env python3
"""
pii_holdout6.py - the sixth blind held-out PII corpus for tollgate's pattern
detectors (EMAIL, PHONE, SSN, CARD, IBAN, IP): the final score of issue 4.

How it was written: by "hhold6", from the formats' own specifications and
from what agent traffic looks like, blind to the rules. The author did NOT
read policies/redaction*.json, userspace/detectors.*, userspace/detect_*.c,
userspace/holdback.c, userspace/redact*.c, userspace/tablectx.c, the detector
unit tests, bench/RESULTS-redaction.md, bench/redaction.c, the README's
Redaction section, the five earlier blind sets (bench/pii_holdout*.py) or
any git history of them, and never ran a detector on this corpus. Only
bench/pii_corpus.py was read (for the schema, the "sub" names and its value
generators and check-digit functions, which are imported). All templates,
context phrasings and distractor sentences below are new.

Output: JSON lines in bench/pii_corpus.py's schema, "split": "holdout6",
ids "holdout6-00001"...; start/end are UTF-8 byte offsets, end exclusive;
text[start:end] is exactly the value. Usage: pii_holdout6.py [-o FILE].
Python 3 standard library only; one fixed seed; output is deterministic.

Document shapes: chat prompts and model replies, support tickets, CRM / HR /
billing JSON tool results, function-call arguments (JSON inside a JSON
string), nginx / sshd / JSON logs, CSV, TSV, markdown, HTML tables and forms,
psql output, RFC 5322 mail headers, signature blocks, quoted "> " replies,
vCard, LDIF, YAML / .env / INI / Terraform / Kubernetes, SQL INSERTs, HTTP
headers and devtools dumps, Python / Java stack traces, letters and forms in
many languages, PDF-extracted RAG chunks (hyphenation, columns run
together), OCR'd receipts, bank statements, shipping manifests, Jira/GitHub
issues with code blocks, Slack exports, meeting and chat transcripts with
timestamps, HL7 v2 and FHIR-like JSON, XML/SOAP, protobuf text, GraphQL
responses, Windows event logs, Kubernetes events, git diffs, Jupyter JSON.
Context words in EN DE FR IT ES NL PT PL SV CS DA NO FI TR RO EL JA ZH.

Decisions where the specs leave room:
  ctx      true exactly when a word naming the value's type (phone/tel/
           mobile/fax/Telefon/Handy/..., e-mail/mail/courriel/..., IBAN/
           account/Konto/..., card/Visa/Karte/..., SSN/social security,
           IP/address/host/...) is on the same line or in the same sentence,
           or is the JSON key / XML tag / vCard or LDIF property / table
           column header of the value. Phrases such as "reach me at",
           "erreichbar unter" or a bare signature line do NOT count. HL7 v2
           fields (positional, no names) are ctx false.
  EMAIL    RFC 5322 addr-spec with dot-atom local parts, including atext
           characters ' ! # $ & * = ? ^ ` { | } ~ (sub EMAIL/atext, never
           placed inside single quotes or in XML where '&' would be escaped),
           new gTLDs (EMAIL/new-tld). The label is the addr-spec only: never
           the display name, angle brackets, "mailto:" or "?subject=...".
           Percent-encoded addresses (EMAIL/percent-encoded, "%40" for '@',
           "%27" for an apostrophe, "%2B" for '+') are labelled only in a URL
           query or form body whose parameter name says email/to/recipient:
           a careful reader calls that an e-mail address; the label is the
           encoded span. Things with '@' that are not mailboxes are
           negatives: npm pins, scopes, @mentions, decorators, CSS @media,
           SQL @vars, git@host:org/repo remotes (the whole remote is the
           negative), user@host shell prompts, Docker image digests.
  PHONE    National formats only for the plans pii_corpus.py covers (NANP,
           UK, DE, FR, IT, ES, NL), other countries in E.164 (PT CZ DK NO FI
           TR RO GR plus pii_corpus's list). Some national numbers use
           U+00A0 / U+202F between groups (variant "nbsp"/"nnbsp"). An
           extension (", ext. 204", " x204", " #204", "Durchwahl -17") is
           never part of the label. Numbers are never split over a line
           break (real forms keep them on one line; a split value would make
           the span dispute-prone).
  SSN      SSA rules (area 001-899 except 666, group 01-99, serial 0001-9999).
  CARD     ISO/IEC 7812 IIN ranges and lengths, Luhn; printed groupings
           (4-4-4-4, Amex 4-6-5, Diners 4-6-4, 19 digits 4-4-4-4-3), plain,
           spaced, dashed and dotted (sub CARD/<brand>-dotted). Masked PANs
           (**** 1234) are neither labels nor negatives.
  IBAN     ISO 13616 (via pii_corpus.py), electronic (compact) and paper
           (groups of four) formats.
  IP       IPv4 and IPv6 (RFC 4291 / 5952 forms). With a port, CIDR suffix,
           zone id (fe80::1%eth0) or brackets ([2001:db8::1]:443) the label
           is the address only. Loopback addresses are not used.
  Negatives: 4-part versions and section numbers that happen to be valid
           dotted quads are negatives only where the text names them as a
           version / build / section / OID. Luhn-valid 15-19 digit ids are
           negatives only where named as IMEI or ICCID. Phone-shaped ids are
           negatives only where named as ticket / case / ISBN / EAN / order /
           tracking numbers, never in a field a reader would take for a
           phone.
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
import pii_corpus as pc  # noqa: E402

SEED = 6040219
SPLIT = "holdout6"
NTEXTS = 1700


# ---- values ------------------------------------------------------------------

GIVEN = ["aoife", "bjorn", "carmen", "dmitri", "eszter", "farid", "greta", "hiroshi", "ingrid", "jakub",
	 "kaisa", "leandro", "mette", "nikos", "oksana", "pieter", "quentin", "rasmus", "saoirse", "tuomas",
	 "ulla", "vilja", "wanda", "xiomara", "yusuf", "zdenek", "agnieszka", "baris", "camille", "dorota"]
FAMILY = ["o'neill", "d'arcy", "vandenberg", "lindqvist", "novotny", "kaya", "popescu", "papadopoulos",
	  "virtanen", "haugen", "sorensen", "oliveira", "wisniewska", "moretti", "delacroix", "ibarra",
	  "bakker", "yamada", "zhang", "brennan"]
ORGS = ["fernleaf", "quarry-labs", "nordlicht", "brasserie-lumen", "tidewater", "kestrel", "halvorsen-as",
	"marmot", "copperline", "vintrix", "olmo-salud", "zeilwerk", "pinecrest", "sundial-health", "ravelry-hq"]
NEWTLD = ["xyz", "online", "shop", "tech", "berlin", "paris", "london", "cloud", "studio", "agency", "email",
	  "site", "dev", "app", "amsterdam", "bayern"]


class Gen(pc.Gen):
	def name(self):
		f, l = self.choice(GIVEN), self.choice(FAMILY)
		return f.capitalize() + " " + l.replace("o'n", "O'N").replace("d'a", "D'A").capitalize() \
			if "'" not in l else f.capitalize() + " " + l[0].upper() + l[1:2] + l[2].upper() + l[3:]


def my_email(g, sub):
	f, l = g.choice(GIVEN), g.choice(FAMILY)
	dom = g.choice(ORGS) + "." + g.choice(["com", "eu", "no", "cz", "pt", "fi", "dk", "pl", "se", "ro", "gr"])
	if sub == "atext":
		l2 = l if "'" in l else g.choice(["o'neill", "d'arcy", "o'brien", "d'souza"])
		local = g.choice([l2, f[0] + "." + l2, f + "_" + l.replace("'", "") + "+" + g.choice(["crm", "q3", "jira"]),
				  f + "!" + l.replace("'", ""), f + "#" + g.digits(2), "billing=" + f, f + "{ops}",
				  f + "~" + l.replace("'", ""), f + "&" + l.replace("'", ""), f + "*" + "vip"])
		return local + "@" + dom, local.replace(f, "F").replace(l2, "L")[:12]
	if sub == "new-tld":
		return f + "." + l.replace("'", "") + "@" + g.choice(ORGS) + "." + g.choice(NEWTLD), "new gTLD"
	raise ValueError(sub)


EMAIL_SUBS = ["basic", "plus-tag", "subdomain", "long-tld", "digits-underscore", "mixed-case", "punycode",
	      "atext", "atext", "new-tld"]


def email_value(g, sub=None, plain=False):
	"""(value, sub, variant). plain: only characters that need no escaping anywhere."""
	sub = sub or g.choice(EMAIL_SUBS)
	if plain and sub == "atext":
		sub = "new-tld"
	if sub in ("atext", "new-tld"):
		v, var = my_email(g, sub)
	else:
		v, var, _ = pc.email(g, sub)
	return v, "EMAIL/" + sub, var


OTHER_E164 = {
	"PT": ("351", lambda g: ["9" + g.choice("1236") + g.digits(1), g.digits(3), g.digits(3)]),
	"CZ": ("420", lambda g: [g.choice(["601", "602", "603", "604", "605", "702", "720", "731", "739", "774", "777"]),
				 g.digits(3), g.digits(3)]),
	"DK": ("45", lambda g: [g.digits(2, "2345"), g.digits(2), g.digits(2), g.digits(2)]),
	"NO": ("47", lambda g: [g.choice("49") + g.digits(2), g.digits(2), g.digits(3)]),
	"FI": ("358", lambda g: [g.choice(["40", "44", "45", "50"]), g.digits(3), g.digits(4)]),
	"TR": ("90", lambda g: ["5" + g.choice(["30", "32", "33", "35", "42", "44", "05", "55"]), g.digits(3),
				g.digits(2), g.digits(2)]),
	"RO": ("40", lambda g: ["7" + g.choice(["21", "22", "23", "40", "44", "45", "55", "60", "66"]), g.digits(3),
				g.digits(3)]),
	"GR": ("30", lambda g: ["69" + g.choice("0345789"), g.digits(3), g.digits(4)]),
}


def phone_value(g, kind=None):
	"""(value, sub, variant). kind: 'nanp', 'national', 'intl', 'e164' or None."""
	kind = kind or g.choice(["nanp", "nanp", "national", "national", "national", "intl", "intl", "e164", "e164"])
	if kind == "nanp":
		s = g.choice(["paren", "dashed", "dotted", "spaced", "plain", "plus1", "trunk1"])
		v, var, _ = pc.nanp(g, s)
		return v, "PHONE/NANP-" + s, var
	if kind in ("national", "intl"):
		c = g.choice(sorted(pc.NATIONAL))
		v, var, _ = pc.national(g, c, kind)
		if " " in v and g.chance(0.3):
			sp = g.choice(["\u00a0", "\u202f"])
			v, var = v.replace(" ", sp), var + (" nbsp" if sp == "\u00a0" else " nnbsp")
		return v, "PHONE/%s-%s" % (c, kind), var
	if g.chance(0.5):
		c = g.choice(sorted(OTHER_E164))
		cc, mk = OTHER_E164[c]
		groups = mk(g)
	else:
		c = g.choice(sorted(pc.E164_OTHER))
		cc, mk = pc.E164_OTHER[c]
		groups = mk(g)
	if g.chance(0.35):
		return "+" + cc + "".join(groups), "PHONE/E164-compact", c
	return "+%s %s" % (cc, " ".join(groups)), "PHONE/E164-spaced", c


def ssn_value(g, sub=None):
	sub = sub or g.choice(["dashed", "dashed", "spaced", "plain"])
	v, _, _ = pc.ssn(g, sub)
	return v, "SSN/" + sub, sub


CARD_BRANDS = sorted(pc.BRANDS)


def card_value(g, fmt=None):
	brand = g.choice(CARD_BRANDS)
	num, groups = pc.card_number(g, brand)
	fmt = fmt or g.choice(["plain", "spaced", "spaced", "dashed", "dotted"])
	sep = {"plain": "", "spaced": " ", "dashed": "-", "dotted": "."}[fmt]
	v = num if fmt == "plain" else pc.group(num, groups, sep)
	return v, "CARD/%s-%s" % (brand, fmt), "%d digits" % len(num)


def iban_value(g, fmt=None):
	v, cc = pc.iban_value(g)
	fmt = fmt or g.choice(["compact", "grouped"])
	if fmt == "grouped":
		v = pc.group(v, [4] * 8, " ").strip()
	return v, "IBAN/" + fmt, cc


def ip_value(g, kind=None):
	"""(label value, decorated text, sub, variant). kind "v4-port" / "v4-cidr" pick one decoration."""
	kind_v4 = None
	if kind in ("v4-port", "v4-cidr"):
		kind, kind_v4 = "v4-port-cidr", kind[3:]
	kind = kind or g.choice(["v4", "v4", "v4-port-cidr", "v6-full", "v6-compressed", "v6-compressed", "v6-ipv4",
				 "v6-zone", "v6-bracket"])
	if kind == "v4":
		a = pc.ipv4(g)
		return a, a, "IP/v4", "v4"
	if kind == "v4-port-cidr":
		a = pc.ipv4(g)
		k = g.choice(["port", "cidr", "cidr32"])
		if kind_v4:
			k = g.choice(["cidr", "cidr32"]) if kind_v4 == "cidr" else "port"
		suf = {"port": ":%d" % g.choice([22, 443, 5432, 6379, 8080, 8443, 51820, 3306]),
		       "cidr": "/%d" % g.choice([24, 28, 29, 30]), "cidr32": "/32"}[k]
		return a, a + suf, "IP/v4-port-cidr", k
	if kind == "v6-full":
		v, var, _ = pc.ip(g, "v6-full")
		return v, v, "IP/v6-full", var
	if kind == "v6-ipv4":
		v, var, _ = pc.ip(g, "v6-ipv4")
		return v, v, "IP/v6-ipv4", var
	v, var, _ = pc.ip(g, "v6-compressed")
	if kind == "v6-zone":
		v = pc.v6_compress(["fe80", "0", "0", "0"] + [g.hexs(4).lstrip("0") or "1" for _ in range(4)]) \
			if g.chance(0.7) else "fe80::" + (g.hexs(2).lstrip("0") or "1")
		zone = g.choice(["%eth0", "%en0", "%wlan0", "%ens192", "%25eth0", "%3"])
		return v, v + zone, "IP/v6-compressed", "zone id " + zone
	if kind == "v6-bracket":
		return v, "[%s]:%d" % (v, g.choice([443, 8443, 53, 5432, 9090])), "IP/v6-compressed", "bracket port"
	return v, v, "IP/v6-compressed", var


# ---- negatives -----------------------------------------------------------------

NEGS = dict((k, f) for k, f in pc.NEGATIVES)


def neg_version_iplike(g):
	r = g.r
	k = g.choice(["build", "firmware", "assembly", "driver"])
	return "%d.%d.%d.%d" % (r.randint(1, 9), r.randint(0, 30), r.randint(0, 200), r.randint(1, 250)), "dotted-quad " + k


def neg_tracking(g):
	k = g.choice(["ups", "fedex", "dhl", "usps", "postnl"])
	if k == "ups":
		return "1Z" + g.letters(1) + g.hexs(5, True) + g.digits(10), k
	if k == "fedex":
		return g.digits(12, "1234567"), k
	if k == "dhl":
		return g.digits(10, "123456789"), k
	if k == "usps":
		return "9400 " + " ".join(g.digits(4) for _ in range(4)) + " " + g.digits(2), k
	return "3S" + g.letters(4) + g.digits(9), k


def neg_at_more(g, k=None):
	r = g.r
	k = k or g.choice(["git-remote", "shell-prompt", "css-media", "sql-var", "py-decorator", "pkg-pin", "docker-digest",
			   "mention", "scoped-npm"])
	if k == "git-remote":
		return "git@%s:%s/%s.git" % (g.choice(["github.com", "gitlab.com", "bitbucket.org", "git.internal.example"]),
					     g.choice(ORGS), g.choice(["infra", "agent-core", "billing-api", "docs"])), k
	if k == "shell-prompt":
		return "%s@%s:~$" % (g.choice(["ubuntu", "root", "deploy", "ec2-user", "pi"]),
				      g.choice(["ip-10-0-3-17", "web-01", "build-box", "raspberrypi", "db-replica-2"])), k
	if k == "css-media":
		return "@media (max-width: %dpx)" % g.choice([480, 640, 768, 1024]), k
	if k == "sql-var":
		return "@%s" % g.choice(["customer_id", "start_date", "batch_size", "tenant"]), k
	if k == "py-decorator":
		return "@" + g.choice(["functools.lru_cache", "app.get", "retry", "celery.task", "property"]), k
	if k == "pkg-pin":
		return "%s@%d.%d.%d" % (g.choice(["zod", "openai", "axios", "next", "pnpm"]), r.randint(1, 15), r.randint(0, 20),
					r.randint(0, 40)), k
	if k == "docker-digest":
		return "ghcr.io/%s/agent@sha256:%s" % (g.choice(ORGS), g.hexs(64)), k
	if k == "mention":
		return "@" + g.choice(GIVEN) + g.choice(["", ".", "-"]) + g.choice(FAMILY).replace("'", ""), k
	return "@%s/%s" % (g.choice(["tanstack", "nestjs", "sentry", "vercel"]), g.choice(["query", "core", "node", "analytics"])), k


def neg_isbn_etc(g):
	return NEGS["phone-like number, non-phone context"](g)


NEG_GEN = {
	"card failing Luhn": lambda g: NEGS["card failing Luhn"](g),
	"IBAN failing mod-97": lambda g: NEGS["IBAN failing mod-97"](g),
	"invalid SSN": lambda g: NEGS["invalid SSN"](g),
	"version": lambda g: NEGS["version"](g) if g.chance(0.6) else neg_version_iplike(g),
	"timestamp": lambda g: NEGS["timestamp"](g),
	"order number": lambda g: NEGS["order number"](g),
	"price": lambda g: NEGS["price"](g),
	"coordinates": lambda g: NEGS["coordinates"](g),
	"hash": lambda g: NEGS["hash"](g),
	"UUID": lambda g: NEGS["UUID"](g),
	"phone-like number, non-phone context": neg_isbn_etc,
	"IMEI (Luhn-valid)": lambda g: NEGS["IMEI (Luhn-valid)"](g),
	"ICCID (Luhn-valid)": lambda g: NEGS["ICCID (Luhn-valid)"](g),
	"MAC address": lambda g: NEGS["MAC address"](g),
	"OID / section number": lambda g: NEGS["OID / section number"](g),
	"@ but not an e-mail": neg_at_more,
	"EIN": lambda g: NEGS["EIN"](g),
	"ABA routing number": lambda g: NEGS["ABA routing number"](g),
	"tracking number": neg_tracking,
}

# ---- building a text ------------------------------------------------------------


class Doc:
	def __init__(self, g, tpl):
		self.g = g
		self.tpl = tpl
		self.parts = []
		self.nbytes = 0
		self.labels = []
		self.negatives = []

	def t(self, s):
		self.parts.append(s)
		self.nbytes += len(s.encode("utf-8"))
		return self

	def _mark(self, s):
		start = self.nbytes
		self.t(s)
		return start, self.nbytes

	def lab(self, typ, ctx, value, sub, variant, before="", after=""):
		self.t(before)
		s, e = self._mark(value)
		self.t(after)
		self.labels.append({"type": typ, "sub": sub, "variant": variant, "ctx": bool(ctx), "tpl": self.tpl,
				    "start": s, "end": e})
		return value

	# typed helpers: write one value, return it
	def email(self, ctx, sub=None, plain=False):
		v, s, var = email_value(self.g, sub, plain)
		return self.lab("EMAIL", ctx, v, s, var)

	def phone(self, ctx, kind=None, ext=False):
		v, s, var = phone_value(self.g, kind)
		self.lab("PHONE", ctx, v, s, var)
		if ext:
			self.t(self.g.choice([", ext. %s" % self.g.digits(3, "1234"), " x%s" % self.g.digits(3, "1234"),
					      " #%s" % self.g.digits(3, "1234"), " (ext %s)" % self.g.digits(2, "1234")]))
		return v

	def ssn(self, ctx, sub=None):
		v, s, var = ssn_value(self.g, sub)
		return self.lab("SSN", ctx, v, s, var)

	def card(self, ctx, fmt=None):
		v, s, var = card_value(self.g, fmt)
		return self.lab("CARD", ctx, v, s, var)

	def iban(self, ctx, fmt=None):
		v, s, var = iban_value(self.g, fmt)
		return self.lab("IBAN", ctx, v, s, var)

	def ip(self, ctx, kind=None):
		v, deco, s, var = ip_value(self.g, kind)
		i = deco.index(v)
		self.t(deco[:i])
		self.lab("IP", ctx, v, s, var)
		self.t(deco[i + len(v):])
		return v

	def neg(self, kind, value=None, variant=None):
		if value is None:
			value, variant = NEG_GEN[kind](self.g)
		s, e = self._mark(value)
		self.negatives.append({"kind": kind, "variant": variant, "tpl": self.tpl, "start": s, "end": e})
		return value

	def text(self):
		return "".join(self.parts)


# ---- context words in many languages -----------------------------------------------

PHONE_W = ["Phone", "Tel.", "Mobile", "Cell", "Fax", "Telefon", "Handy", "Mobil", "Rufnummer", "Téléphone", "Tél.",
	   "Portable", "Telefono", "Cellulare", "Teléfono", "Móvil", "Telefoon", "Mobiel", "Telefone", "Telemóvel",
	   "Komórka", "Mobilnummer", "Puhelin", "Matkapuhelin", "Cep telefonu", "Τηλέφωνο", "Κινητό", "電話番号",
	   "携帯", "电话", "手机", "Telefonnummer", "Numer telefonu", "Telefonní číslo"]
EMAIL_W = ["E-mail", "Email", "Mail", "E-Mail-Adresse", "Courriel", "Adresse e-mail", "Correo electrónico",
	   "Posta elettronica", "E-mailadres", "E-post", "Sähköposti", "E-posta", "Adres e-mail", "Endereço de e-mail",
	   "メール", "邮箱", "电子邮件", "Email-ul"]
IBAN_W = ["IBAN", "IBAN", "Bankverbindung (IBAN)", "Compte IBAN", "Conto IBAN", "Cuenta IBAN", "Rekeningnummer",
	  "Kontonummer", "Numer konta", "Tilinumero", "Hesap no (IBAN)", "Číslo účtu", "Account", "口座 IBAN"]
CARD_W = ["Card number", "Credit card", "Kreditkarte", "Kartennummer", "Carte bancaire", "Numéro de carte",
	  "Carta di credito", "Tarjeta", "Creditcard", "Kortnummer", "Numer karty", "Kart numarası", "Číslo karty",
	  "Visa/MC", "クレジットカード", "银行卡号", "Αριθμός κάρτας", "Cartão"]
SSN_W = ["SSN", "Social Security Number", "SSN#", "social security no.", "Soc. Sec. #", "SS number"]
IP_W = ["IP", "IP address", "Host", "IP-Adresse", "Adresse IP", "Indirizzo IP", "Dirección IP", "IP-adres",
	"IP-osoite", "IP adresi", "Adres IP", "IPアドレス", "IP地址", "Endereço IP", "Client address", "remote_addr"]
WORDS = {"PHONE": PHONE_W, "EMAIL": EMAIL_W, "IBAN": IBAN_W, "CARD": CARD_W, "SSN": SSN_W, "IP": IP_W}

# ---- document shapes ----------------------------------------------------------------
# Each takes a Doc and writes one text. Values are written with an explicit ctx.


def s_chat_prompt(d):
	g = d.g
	n = g.name()
	d.t(g.choice(["Hey, ", "Hi! ", "", "Quick one: ", "ok so "]))
	k = g.choice(["phone", "email", "card", "iban", "ssn"])
	if k == "phone":
		d.t("can you draft a short text to %s? Their mobile is " % n)
		d.phone(True, ext=False)
		d.t(g.choice([". Keep it friendly.", " — keep it under 160 chars 🙏", "; thanks!", "!"]))
	elif k == "email":
		d.t("please write a follow-up to %s (" % n)
		d.email(False)
		d.t(g.choice([") about the renewal.", ") and cc me.", ")? Deadline is Friday."]))
	elif k == "card":
		d.t("my card got declined again, it's ")
		d.card(True)
		d.t(g.choice([" exp 09/27. Why?", ". What should I do?", " – any idea?"]))
	elif k == "iban":
		d.t("set up a transfer of ")
		d.neg("price")
		if g.chance(0.3):
			d.t(" to account ")
			d.iban(True)
		else:
			d.t(" to ")
			d.iban(False)
		d.t(g.choice([" please.", " by Monday.", ", reference invoice "]))
		if d.text().endswith("invoice "):
			d.neg("order number")
			d.t(".")
	else:
		d.t("the form keeps rejecting my social security number ")
		d.ssn(True)
		d.t(g.choice([" — typo on my side?", ". Is it the format?", "?"]))


def s_model_reply(d):
	g = d.g
	d.t("Sure! Here's a summary of the record:\n\n")
	d.t("- **Name:** %s\n- **Contact:** " % g.name())
	d.email(False)
	d.t("\n- **Reachable at:** ")
	d.phone(False)
	d.t("\n- **Customer since:** ")
	d.neg("timestamp")
	d.t("\n\nLet me know if you'd like me to update the phone number to `")
	d.phone(True)
	d.t("` as well.")


def s_ticket(d):
	g = d.g
	lang = g.choice(["de", "fr", "it", "es", "nl", "pt", "pl", "sv"])
	head = {"de": "Ticket %s – Kunde bittet um Rückruf.\nTelefon: ", "fr": "Ticket %s – le client demande un rappel.\nTéléphone : ",
		"it": "Ticket %s – il cliente chiede di essere richiamato.\nTelefono: ", "es": "Ticket %s – el cliente pide que le llamen.\nTeléfono: ",
		"nl": "Ticket %s – klant vraagt om terugbellen.\nTelefoon: ", "pt": "Ticket %s – o cliente pede retorno.\nTelefone: ",
		"pl": "Zgłoszenie %s – klient prosi o kontakt.\nTelefon: ", "sv": "Ärende %s – kunden vill bli uppringd.\nTelefon: "}[lang]
	i = head.index("%s")
	d.t(head[:i])
	d.neg("order number")
	d.t(head[i + 2:])
	d.phone(True, kind=g.choice(["national", "national", "intl", "e164"]), ext=g.chance(0.2))
	d.t("\n")
	d.t({"de": "Erreichbar ab 14 Uhr. Rückfragen an ", "fr": "Disponible après 14h. Répondre à ",
	     "it": "Disponibile dopo le 14. Rispondere a ", "es": "Disponible desde las 14h. Responder a ",
	     "nl": "Bereikbaar na 14 uur. Antwoord naar ", "pt": "Disponível após as 14h. Responder para ",
	     "pl": "Dostępny po 14. Odpowiedź do ", "sv": "Nås efter kl 14. Svar till "}[lang])
	d.email(False)
	d.t(".\n")


def s_crm_json(d):
	g = d.g
	d.t('{"result": {"contact": {"id": "')
	d.neg("UUID")
	d.t('", "display_name": "%s", "emails": [{"type": "work", "value": "' % g.name())
	d.email(True, plain=True)
	d.t('"}, {"type": "home", "value": "')
	d.email(True, plain=True)
	d.t('"}], "phone_numbers": [{"label": "mobile", "number": "')
	d.phone(True)
	d.t('"}], "created_at": "')
	d.neg("timestamp")
	d.t('", "lifetime_value": "')
	d.neg("price")
	d.t('"}, "billing": {"iban": "')
	d.iban(True)
	d.t('", "vat_rate": 0.21}}}')


def s_hr_json(d):
	g = d.g
	d.t('{\n  "employee": {\n    "employee_no": %d,\n    "legal_name": "%s",\n    "ssn": "' % (g.r.randint(10000, 99999), g.name()))
	d.ssn(True)
	d.t('",\n    "payroll": {"account_iban": "')
	d.iban(True, "compact")
	d.t('", "routing": "')
	d.neg("ABA routing number")
	d.t('"},\n    "emergency_contact": {"name": "%s", "tel": "' % g.name())
	d.phone(True)
	d.t('"},\n    "employer_ein": "')
	d.neg("EIN")
	d.t('"\n  }\n}')


def s_function_call(d):
	g = d.g
	d.t('{"type": "function_call", "name": "send_email", "arguments": "{\\"to\\": \\"')
	d.email(True, plain=True)
	d.t('\\", \\"subject\\": \\"Order ')
	d.neg("order number")
	d.t(' shipped\\", \\"body\\": \\"Questions? Phone us on ')
	d.phone(True, kind=g.choice(["nanp", "intl", "e164"]))
	d.t('.\\"}", "call_id": "call_%s"}' % g.hexs(12))


def s_nginx(d):
	g = d.g
	d.ip(False, "v4")
	d.t(" - - [%02d/%s/2025:%02d:%02d:%02d +0000] \"GET /api/v2/orders/" % (g.r.randint(1, 28), g.choice(["Mar", "Jul", "Oct"]), g.r.randint(0, 23), g.r.randint(0, 59), g.r.randint(0, 59)))
	d.neg("order number", str(g.r.randint(1000000, 9999999)), "path id")
	d.t(" HTTP/1.1\" 200 %d \"-\" \"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/" % g.r.randint(200, 90000))
	d.neg("version", "%d.0.%d.%d" % (g.r.randint(110, 131), g.r.randint(5000, 6800), g.r.randint(10, 250)), "chrome")
	d.t(" Safari/537.36\" rt=0.%03d upstream=" % g.r.randint(1, 999))
	d.ip(False, g.choice(["v4-port", "v6-bracket"]))
	d.t("\n")


def s_sshd(d):
	g = d.g
	d.t("%s web-01 sshd[%d]: " % (g.choice(["Jan  3 04:12:55", "Feb 17 22:01:09", "Nov  9 13:44:02"]), g.r.randint(1000, 65000)))
	d.t(g.choice(["Accepted publickey for deploy from ", "Failed password for invalid user admin from ",
		      "Connection closed by authenticating user root "]))
	d.ip(False, g.choice(["v4", "v4", "v6-compressed", "v6-ipv4"]))
	d.t(" port %d ssh2: ED25519 SHA256:%s\n" % (g.r.randint(30000, 65000), g.hexs(20)))


def s_json_log(d):
	g = d.g
	d.t('{"ts":"')
	d.neg("timestamp")
	d.t('","level":"warn","msg":"login throttled","client_ip":"')
	d.ip(True, g.choice(["v4", "v6-compressed", "v6-full"]))
	d.t('","user":"')
	d.email(False, plain=True)
	d.t('","device_imei":"')
	d.neg("IMEI (Luhn-valid)")
	d.t('","trace_id":"%s"}' % g.hexs(32))


def s_csv(d):
	g = d.g
	sep = g.choice([",", ";", "\t", "|"])
	cols = [("name", None), ("email", "EMAIL"), ("phone", "PHONE"), ("sku", "sku"), ("qty", "qty")]
	hdr = {"name": g.choice(["name", "Name", "Nachname"]), "email": g.choice(["email", "E-Mail", "e_mail", "mail"]),
	       "phone": g.choice(["phone", "Telefon", "tel", "mobile_no", "téléphone"]), "sku": "sku", "qty": "qty"}
	d.t(sep.join(hdr[c] for c, _ in cols) + "\n")
	for _ in range(g.r.randint(2, 4)):
		d.t(g.name() + sep)
		d.email(True, plain=True)
		d.t(sep)
		d.phone(True)
		d.t(sep + "%s-%04d" % (g.letters(3), g.r.randint(1, 9999)) + sep + str(g.r.randint(1, 40)) + "\n")


def s_tsv_money(d):
	g = d.g
	d.t("Payee\tIBAN\tAmount\tDue\n")
	for _ in range(g.r.randint(2, 3)):
		d.t(g.name() + "\t")
		d.iban(True)
		d.t("\t")
		d.neg("price")
		d.t("\t%02d.%02d.2025\n" % (g.r.randint(1, 28), g.r.randint(1, 12)))
	d.t("Rejected:\t")
	d.neg("IBAN failing mod-97")
	d.t("\t(checksum)\n")


def s_markdown_table(d):
	g = d.g
	d.t("| Host | IP | MAC | Firmware |\n|---|---|---|---|\n")
	for _ in range(g.r.randint(2, 4)):
		d.t("| %s | `" % g.choice(["edge-gw", "nas-2", "printer-3f", "cam-lobby", "ap-west"]))
		d.ip(True, g.choice(["v4", "v4", "v6-compressed", "v6-zone"]))
		d.t("` | ")
		d.neg("MAC address")
		d.t(" | ")
		d.neg("version", *neg_version_iplike(g))
		d.t(" |\n")


def s_mail_headers(d):
	g = d.g
	d.t("From: \"%s\" <" % g.name())
	d.email(False)
	d.t(">\nTo: %s <" % g.name())
	d.email(False)
	d.t(">, ")
	d.email(False)
	d.t("\nCc: ")
	d.email(False)
	d.t("\nDate: Tue, 4 Mar 2025 09:%02d:%02d +0100\nSubject: Re: your invoice\n\n" % (
		g.r.randint(0, 59), g.r.randint(0, 59)))
	d.t("Thanks, see attached.\n\n-- \n%s\n%s\n" % (g.name(), g.choice(["Head of Ops", "Account Manager", "Buchhaltung"])))
	d.t(g.choice(["Tel. ", "Mobil: ", "Direct: ", ""]))
	ctx = d.text().endswith(("Tel. ", "Mobil: "))
	d.phone(ctx, ext=g.chance(0.3))
	d.t("\n")


def s_quoted_reply(d):
	g = d.g
	d.t("Works for me.\n\nOn Mon, 12 May 2025 at 10:%02d, %s <" % (g.r.randint(10, 59), g.name()))
	d.email(False)
	d.t("> wrote:\n> Could you call me back? My cell is ")
	d.phone(True)
	d.t("\n> and the card on file should be ")
	d.card(True)
	d.t(".\n>> Earlier: ticket ")
	d.neg("order number")
	d.t(" closed on ")
	d.neg("timestamp")
	d.t("\n")


def s_vcard(d):
	g = d.g
	n = g.name()
	d.t("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:%s\r\nTEL;TYPE=cell:" % n)
	d.phone(True, kind=g.choice(["intl", "e164", "nanp"]))
	d.t("\r\nTEL;TYPE=work,voice:")
	d.phone(True)
	d.t("\r\nEMAIL;TYPE=work:")
	d.email(True)
	d.t("\r\nREV:20250304T101500Z\r\nEND:VCARD\r\n")


def s_ldif(d):
	g = d.g
	n = g.name()
	d.t("dn: uid=%s,ou=people,dc=%s,dc=example\nobjectClass: inetOrgPerson\ncn: %s\nmail: " % (n.split()[0].lower(), g.choice(ORGS), n))
	d.email(True)
	d.t("\ntelephoneNumber: ")
	d.phone(True)
	d.t("\nmobile: ")
	d.phone(True, kind="intl")
	d.t("\nemployeeNumber: %d\n" % g.r.randint(1000, 99999))


def s_config(d):
	g = d.g
	k = g.choice(["env", "yaml", "ini"])
	if k == "env":
		d.t("APP_VERSION=")
		d.neg("version")
		d.t("\nMAIL_FROM=")
		d.email(True, plain=True)
		d.t("\nALERT_PHONE=")
		d.phone(True, kind=g.choice(["e164", "intl"]))
		d.t("\nDB_HOST=")
		d.ip(True, g.choice(["v4", "v6-compressed"]))
		d.t("\nCACHE_TTL=3600\n")
	elif k == "yaml":
		d.t("service:\n  image: ")
		d.neg("@ but not an e-mail", *neg_at_more(g, "docker-digest"))
		d.t("\n  allowed_ips:\n    - ")
		d.ip(True, "v4-port-cidr")
		d.t("\n    - ")
		d.ip(True, g.choice(["v4", "v6-compressed"]))
		d.t("\n  oncall:\n    phone: \"")
		d.phone(True)
		d.t("\"\n    mailbox: ")
		d.email(True, plain=True)
		d.t("\n")
	else:
		d.t("[smtp]\nrelay_host = ")
		d.ip(True, "v4")
		d.t("\nsender_email = ")
		d.email(True, plain=True)
		d.t("\n\n[build]\nversion = ")
		d.neg("version")
		d.t("\nchecksum = ")
		d.neg("hash")
		d.t("\n")


def s_sql(d):
	g = d.g
	d.t("INSERT INTO customers (name, email, phone, iban, signup_ip) VALUES\n")
	rows = g.r.randint(1, 3)
	for i in range(rows):
		d.t("  ('%s', '" % g.name().replace("'", "''"))
		d.email(True, plain=True)
		d.t("', '")
		d.phone(True)
		d.t("', '")
		d.iban(True)
		d.t("', '")
		d.ip(True, g.choice(["v4", "v6-compressed"]))
		d.t("')" + ("," if i < rows - 1 else ";") + "\n")
	d.t("DECLARE ")
	d.neg("@ but not an e-mail", "@batch_id", "sql-var")
	d.t(" INT = %d;\n" % g.r.randint(1, 999))


def s_http_headers(d):
	g = d.g
	d.t("GET /v1/profile HTTP/1.1\r\nHost: api.%s.com\r\nX-Forwarded-For: " % g.choice(ORGS))
	d.ip(False, "v4")
	d.t(", ")
	d.ip(False, g.choice(["v4", "v6-compressed"]))
	d.t("\r\nX-Real-IP: ")
	d.ip(True, "v4")
	d.t("\r\nFrom: ")
	d.email(False, plain=True)
	d.t("\r\nIf-None-Match: \"")
	d.neg("hash")
	d.t("\"\r\nX-Request-Id: ")
	d.neg("UUID")
	d.t("\r\n\r\n")


def s_devtools(d):
	g = d.g
	d.t("General\n  Request URL: https://checkout.%s.shop/api/pay\n  Request Method: POST\n  Status Code: 402\n  Remote Address: " % g.choice(ORGS))
	d.ip(True, g.choice(["v6-bracket", "v4-port-cidr"]))
	d.t("\nRequest Payload\n  {\"pan\":\"")
	d.card(False, "plain")
	d.t("\",\"cvc\":\"***\",\"amount\":%d}\nForm Data (view source)\n  email=" % g.r.randint(100, 99999))
	v, s, var = email_value(g, g.choice(["atext", "plus-tag", "basic"]))
	enc = urllib.parse.quote(v, safe="")
	d.lab("EMAIL", True, enc, "EMAIL/percent-encoded", var + " %-encoded")
	d.t("&newsletter=1\n")


def s_traceback(d):
	g = d.g
	d.t("Traceback (most recent call last):\n  File \"/srv/app/billing.py\", line %d, in charge\n    gateway.charge(card)\n" % g.r.randint(10, 900))
	d.t("  File \"/usr/lib/python3.11/site-packages/stripe_mock/api.py\", line %d, in charge\n" % g.r.randint(10, 900))
	d.t("ValueError: card rejected: '")
	d.card(True)
	d.t("' (bin check failed)\n")
	d.t("psycopg.OperationalError: connection to server at \"")
	d.ip(False, g.choice(["v4", "v6-compressed"]))
	d.t("\", port 5432 failed: timeout expired\n")


def s_java_trace(d):
	g = d.g
	d.t("java.net.ConnectException: Connection refused (Connection refused) to ")
	d.ip(False, g.choice(["v6-bracket", "v4-port-cidr"]))
	d.t("\n\tat java.base/sun.nio.ch.Net.connect0(Native Method)\n\tat com.%s.sync.Client.open(Client.java:%d)\n" % (g.choice(ORGS).replace("-", ""), g.r.randint(10, 400)))
	d.t("Caused by: InvalidAccountException: IBAN ")
	d.neg("IBAN failing mod-97")
	d.t(" failed validation for user ")
	d.email(False, plain=True)
	d.t("\n")


def s_letter(d):
	g = d.g
	lang = g.choice(["de", "fr", "it", "es", "nl", "cs", "da", "fi", "tr", "ro", "el", "no"])
	L = {
		"de": ("Sehr geehrte Damen und Herren,\nbitte überweisen Sie den Betrag auf folgendes Konto: IBAN ", ".\nBei Fragen erreichen Sie mich telefonisch unter ", ".\nMit freundlichen Grüßen\n"),
		"fr": ("Madame, Monsieur,\nmerci de verser le montant sur le compte IBAN ", ".\nPour toute question, mon numéro de portable est le ", ".\nCordialement,\n"),
		"it": ("Gentili Signori,\nvi preghiamo di effettuare il bonifico sul conto IBAN ", ".\nPer informazioni potete chiamare il numero di telefono ", ".\nDistinti saluti\n"),
		"es": ("Estimados señores:\nles rogamos transfieran el importe a la cuenta IBAN ", ".\nPara cualquier consulta, mi teléfono es ", ".\nAtentamente,\n"),
		"nl": ("Geachte heer/mevrouw,\ngraag het bedrag overmaken naar rekening (IBAN) ", ".\nVoor vragen ben ik bereikbaar op telefoonnummer ", ".\nMet vriendelijke groet,\n"),
		"cs": ("Vážení,\nčástku prosím uhraďte na účet IBAN ", ".\nV případě dotazů volejte na telefon ", ".\nS pozdravem\n"),
		"da": ("Kære kunde,\nbeløbet bedes overført til konto IBAN ", ".\nSpørgsmål? Ring på telefon ", ".\nVenlig hilsen\n"),
		"fi": ("Hyvä asiakas,\nmaksathan summan tilille IBAN ", ".\nKysymykset: puhelin ", ".\nYstävällisin terveisin\n"),
		"tr": ("Sayın yetkili,\ntutarı lütfen şu hesaba yatırın: IBAN ", ".\nSorularınız için telefon: ", ".\nSaygılarımla\n"),
		"ro": ("Stimate client,\nvă rugăm să virați suma în contul IBAN ", ".\nPentru întrebări, telefon ", ".\nCu stimă,\n"),
		"el": ("Αγαπητέ πελάτη,\nπαρακαλούμε καταθέστε το ποσό στον λογαριασμό IBAN ", ".\nΓια απορίες, τηλέφωνο ", ".\nΜε εκτίμηση,\n"),
		"no": ("Hei,\nbeløpet kan overføres til konto (IBAN) ", ".\nSpørsmål? Ring meg på mobil ", ".\nMed vennlig hilsen\n"),
	}[lang]
	d.t(L[0])
	d.iban(True)
	d.t(L[1])
	d.phone(True, kind=g.choice(["national", "intl", "e164"]) if lang in ("de", "fr", "it", "es", "nl") else "e164",
		ext=(lang == "de" and g.chance(0.3)))
	if lang == "de" and g.chance(0.4):
		d.t(" (Durchwahl -%d)" % g.r.randint(10, 99))
	d.t(L[2] + g.name() + "\n")


def s_pdf_rag(d):
	g = d.g
	d.t("...der Vertrag (vgl. Abschnitt ")
	d.neg("OID / section number", "%d.%d.%d.%d" % (g.r.randint(1, 9), g.r.randint(1, 9), g.r.randint(1, 9), g.r.randint(1, 9)), "section-4")
	d.t(") gilt ab Unter-\nzeichnung. Ansprech- partner %s, erreichbar unter " % g.name())
	d.phone(False, kind="national")
	d.t(" ; Ver- sand-\nanschrift siehe Anlage. Kunden-Nr. ")
	d.neg("order number", g.digits(8, "123456789"), "customer no")
	d.t("  Seite %d von %d\n" % (g.r.randint(2, 9), g.r.randint(10, 30)))
	d.t("Name %s E-Mail " % g.name())
	d.email(True, plain=True)
	d.t(" Telefon ")
	d.phone(True)
	d.t(" Tax ID (EIN) ")
	d.neg("EIN")
	d.t("\n")


def s_ocr_receipt(d):
	g = d.g
	d.t("BRASSERIE LUMEN\nRue de l'Eglise 4  1000 Bruxelles\nTVA BE0%d\n" % g.r.randint(100000000, 999999999))
	d.t("DATE ")
	d.neg("timestamp")
	d.t("  TERM %s\n" % g.digits(8))
	d.t("2x Croque        ")
	d.neg("price", "%d,%02d EUR" % (g.r.randint(8, 30), g.r.randint(0, 99)), "receipt")
	d.t("\nTOTAL            ")
	d.neg("price", "%d,%02d" % (g.r.randint(30, 99), g.r.randint(0, 99)), "receipt")
	d.t("\nVISA  **** **** **** %s\nAUTH %s  SEQ %s\n" % (g.digits(4), g.digits(6), g.digits(6)))
	if g.chance(0.5):
		d.t("CARTE / CARD ")
		d.card(True, g.choice(["spaced", "plain"]))
		d.t("\n")
	else:
		d.t("REF ")
		d.neg("card failing Luhn")
		d.t("\n")
	d.t("Tel. ")
	d.phone(True, kind=g.choice(["intl", "e164"]))
	d.t("  Merci!\n")


def s_bank_statement(d):
	g = d.g
	d.t("Account statement  %s\nAccount holder: %s\nIBAN: " % (g.choice(["03/2025", "Q2 2025", "Oct 2025"]), g.name()))
	d.iban(True, "grouped")
	d.t("   BIC %s%s22\n\nDate        Description                               Amount\n" % (g.letters(4), g.choice(["DE", "NL", "FR"])))
	for _ in range(g.r.randint(2, 4)):
		d.t("%02d.%02d.  " % (g.r.randint(1, 28), g.r.randint(1, 12)))
		k = g.choice(["sepa", "card", "fee", "aba"])
		if k == "sepa":
			d.t("SEPA transfer ")
			d.iban(False, g.choice(["compact", "grouped"]))
			d.t(" Ref ")
			d.neg("order number")
		elif k == "card":
			d.t("Card payment %s ref " % g.choice(["SPOTIFY", "ALBERT HEIJN", "SNCF"]))
			d.neg("hash", g.hexs(12, True), "ref")
		elif k == "fee":
			d.t("Account fee")
		else:
			d.t("Wire from US, routing no. ")
			d.neg("ABA routing number")
		d.t("   ")
		d.neg("price")
		d.t("\n")


def s_manifest(d):
	g = d.g
	d.t("SHIPPING MANIFEST  %s\n" % g.choice(["RTM-HAM-0412", "LHR→JFK", "Batch 77"]))
	d.t("Consignee: %s\nConsignee phone: " % g.name())
	d.phone(True)
	d.t("\nNotify: ")
	d.email(True, plain=True)
	d.t(" (email)\nTracking: ")
	d.neg("tracking number")
	d.t("\nGross weight: %d kg   Pieces: %d   HS code %d.%02d.%02d\n" % (g.r.randint(10, 900), g.r.randint(1, 40), g.r.randint(1000, 9999), g.r.randint(0, 99), g.r.randint(0, 99)))
	d.t("Container seal ")
	d.neg("phone-like number, non-phone context", g.digits(10, "123456789"), "seal no")
	d.t("  Position ")
	d.neg("coordinates")
	d.t("\n")


def s_issue(d):
	g = d.g
	d.t("### Bug: sync fails after upgrading to ")
	d.neg("version")
	d.t("\n\nSteps to reproduce:\n\n```bash\n$ npm i ")
	d.neg("@ but not an e-mail", *neg_at_more(g, "pkg-pin"))
	d.t("\n$ curl -s http://")
	d.ip(False, g.choice(["v4-port-cidr", "v6-bracket"]))
	d.t("/health\n```\n\nThe log shows the user `")
	d.email(True)
	d.t("` (email from the fixture) and commit ")
	d.neg("hash", g.hexs(7), "git-short")
	d.t(".\ncc ")
	d.neg("@ but not an e-mail", "@" + g.choice(GIVEN) + "-" + g.choice(["dev", "ops", "sre"]), "mention")
	d.t(" — see also RFC section ")
	d.neg("OID / section number")
	d.t("\n")


def s_slack(d):
	g = d.g
	d.t('[{"type": "message", "user": "U0%s", "ts": "' % g.letters(8))
	d.neg("timestamp", "%d.%06d" % (g.r.randint(1600000000, 1760000000), g.r.randint(0, 999999)), "slack-ts")
	d.t('", "text": "')
	k = g.choice(["a", "b", "c"])
	if k == "a":
		d.t("new phone number, save it :phone: ")
		d.phone(True)
	elif k == "b":
		d.t("can someone whitelist ")
		d.ip(False, "v4")
		d.t(" for the vendor? :pray:")
	else:
		d.t("<mailto:")
		d.email(True, plain=True)
		d.t("|email them> please")
	d.t('"}, {"type": "message", "user": "U0%s", "text": "done :white_check_mark: (ticket ' % g.letters(8))
	d.neg("order number")
	d.t(')"}]')


def s_transcript(d):
	g = d.g
	d.t("[00:%02d:%02d] %s: so the best number to reach me is\n" % (g.r.randint(0, 59), g.r.randint(0, 59), g.name()))
	d.t("[00:%02d:%02d] %s: go ahead\n[00:%02d:%02d] " % (g.r.randint(0, 59), g.r.randint(0, 59), g.name(), g.r.randint(0, 59), g.r.randint(0, 59)))
	d.phone(False)
	d.t(g.choice([" – that's my cell", ", my mobile", ", mobile"]) if g.chance(0.5) else "")
	if d.text().endswith(("cell", "mobile")):
		d.labels[-1]["ctx"] = True
	d.t("\n[00:%02d:%02d] and the other number is " % (g.r.randint(0, 59), g.r.randint(0, 59)))
	d.ssn(False, g.choice(["spaced", "dashed"]))
	d.t(", sorry, the SSN, I mean.\n" if g.chance(0.4) else "\n")
	if d.text().endswith("mean.\n"):
		d.labels[-1]["ctx"] = True


def s_chat_ts(d):
	g = d.g
	d.t("%02d:%02d " % (g.r.randint(0, 23), g.r.randint(0, 59)))
	d.t("%s: " % g.name().split()[0])
	d.phone(False, kind=g.choice(["national", "nanp", "e164"]))
	d.t("\n%02d:%02d %s: is that your mobile? 👍\n" % (g.r.randint(0, 23), g.r.randint(0, 59), g.name().split()[0]))
	d.t("%02d:%02d %s: yes. mail: " % (g.r.randint(0, 23), g.r.randint(0, 59), g.name().split()[0]))
	d.email(True)
	d.t(g.choice(["!", "?", " 😊", ";)"]) + "\n")


def s_fhir(d):
	g = d.g
	d.t('{"resourceType": "Patient", "id": "')
	d.neg("UUID")
	d.t('", "identifier": [{"system": "http://hl7.org/fhir/sid/us-ssn", "value": "')
	d.ssn(True, g.choice(["dashed", "plain"]))
	d.t('"}], "telecom": [{"system": "phone", "value": "')
	d.phone(True)
	d.t('", "use": "mobile"}, {"system": "email", "value": "')
	d.email(True, plain=True)
	d.t('"}], "birthDate": "19%02d-%02d-%02d", "meta": {"versionId": "%d", "lastUpdated": "' % (g.r.randint(40, 99), g.r.randint(1, 12), g.r.randint(1, 28), g.r.randint(1, 9)))
	d.neg("timestamp")
	d.t('"}}')


def s_hl7(d):
	g = d.g
	d.t("MSH|^~\\&|LAB|%s|EHR|HOSP|%s||ADT^A04|MSG%05d|P|2.5.1\r" % (g.choice(ORGS).upper(), "2025%02d%02d%02d%02d" % (g.r.randint(1, 12), g.r.randint(1, 28), g.r.randint(0, 23), g.r.randint(0, 59)), g.r.randint(1, 99999)))
	d.t("PID|1||%s^^^MRN||%s^%s||19%02d%02d%02d|F|||12 Elm St^^Springfield^IL^62701||" % (
		g.digits(7), g.choice(FAMILY).upper().replace("'", ""), g.choice(GIVEN).upper(), g.r.randint(40, 99), g.r.randint(1, 12), g.r.randint(1, 28)))
	d.phone(False, kind="nanp")
	d.t("|||||")
	d.ssn(False, g.choice(["dashed", "plain"]))
	d.t("\r")


def s_xml(d):
	g = d.g
	d.t('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><UpdateCustomer>')
	d.t("<CustomerId>%d</CustomerId><Email>" % g.r.randint(100000, 999999))
	d.email(True, plain=True)
	d.t("</Email><PhoneNumber>")
	d.phone(True)
	d.t("</PhoneNumber><BankAccount><IBAN>")
	d.iban(True)
	d.t("</IBAN></BankAccount><ClientIp>")
	d.ip(True, g.choice(["v4", "v6-compressed", "v6-ipv4"]))
	d.t("</ClientIp></UpdateCustomer></soap:Body></soap:Envelope>")


def s_terraform(d):
	g = d.g
	d.t('resource "aws_security_group_rule" "office" {\n  type        = "ingress"\n  from_port   = 443\n  cidr_blocks = ["')
	d.ip(False, "v4-cidr")
	d.t('", "')
	d.ip(False, "v4-cidr")
	d.t('"]\n  description = "office uplink"\n}\n\nprovider "aws" {\n  version = "')
	d.neg("version", "~> %d.%d" % (g.r.randint(3, 5), g.r.randint(0, 80)), "tf-constraint")
	d.t('"\n}\n')


def s_k8s(d):
	g = d.g
	d.t("LAST SEEN   TYPE      REASON      OBJECT              MESSAGE\n")
	d.t("%dm         Warning   Unhealthy   pod/api-%s   Readiness probe failed: Get \"http://" % (g.r.randint(1, 59), g.hexs(5)))
	d.ip(False, "v4")
	d.t(":8080/ready\": context deadline exceeded\n")
	d.t("%dm         Normal    Pulled      pod/api-%s   Container image \"" % (g.r.randint(1, 59), g.hexs(5)))
	d.neg("@ but not an e-mail", "ghcr.io/%s/api@sha256:%s" % (g.choice(ORGS), g.hexs(64)), "docker-digest")
	d.t("\" already present on machine\n")
	d.t("status:\n  podIP: ")
	d.ip(True, g.choice(["v4", "v6-compressed"]))
	d.t("\n  hostIP: ")
	d.ip(True, "v4")
	d.t("\n")


def s_git_diff(d):
	g = d.g
	d.t("diff --git a/CODEOWNERS b/CODEOWNERS\nindex %s..%s 100644\n--- a/CODEOWNERS\n+++ b/CODEOWNERS\n@@ -3,4 +3,4 @@\n" % (g.hexs(7), g.hexs(7)))
	d.t("-/billing/  ")
	d.email(False, plain=True)
	d.t("\n+/billing/  ")
	d.email(False, plain=True)
	d.t("\n diff --git a/config/allowlist.txt b/config/allowlist.txt\n@@ -1,2 +1,3 @@\n ")
	d.ip(False, "v4")
	d.t("\n+")
	d.ip(False, g.choice(["v4-port-cidr", "v6-compressed"]))
	d.t("\n")


def s_jupyter(d):
	g = d.g
	d.t('{"cell_type": "code", "execution_count": %d, "outputs": [{"output_type": "execute_result", "data": {"text/plain": ["' % g.r.randint(1, 40))
	d.t("   customer_id                  email          phone\\n\", \"0  ")
	d.t("%d  " % g.r.randint(1000, 9999))
	d.email(True, plain=True)
	d.t("  ")
	d.phone(True)
	d.t("\\n\", \"1  %d  " % g.r.randint(1000, 9999))
	d.email(True, plain=True)
	d.t("  ")
	d.phone(True)
	d.t('"]}}], "source": ["df.head(2)"]}')


def s_psql(d):
	g = d.g
	d.t(" id  |        card_number        |    ssn     | imei\n-----+---------------------------+------------+-----------------\n")
	for _ in range(g.r.randint(2, 3)):
		d.t(" %3d | " % g.r.randint(1, 999))
		d.card(True, g.choice(["plain", "spaced", "dashed"]))
		d.t(" | ")
		d.ssn(True, g.choice(["dashed", "plain", "spaced"]))
		d.t(" | ")
		d.neg("IMEI (Luhn-valid)")
		d.t("\n")
	d.t("(rows)\n")


def s_html(d):
	g = d.g
	d.t("<table><thead><tr><th>Naam</th><th>Telefoon</th><th>E-mail</th></tr></thead><tbody>\n")
	for _ in range(g.r.randint(1, 3)):
		d.t("<tr><td>%s</td><td>" % g.name().replace("'", "&#39;"))
		d.phone(True, kind=g.choice(["national", "intl", "e164"]))
		d.t("</td><td><a href=\"mailto:")
		d.email(True, plain=True)
		d.t("?subject=Offerte%%20%d\">%s</a></td></tr>\n" % (g.r.randint(100, 999), "link"))
	d.t("</tbody></table>\n<form><input type=\"tel\" name=\"phone\" value=\"")
	d.phone(True)
	d.t("\"><input name=\"qty\" value=\"%d\"></form>" % g.r.randint(1, 12))


def s_protobuf(d):
	g = d.g
	d.t("contact {\n  display_name: \"%s\"\n  email: \"" % g.name())
	d.email(True)
	d.t("\"\n  phone { number: \"")
	d.phone(True)
	d.t("\" type: MOBILE }\n  device { imei: \"")
	d.neg("IMEI (Luhn-valid)")
	d.t("\" iccid: \"")
	d.neg("ICCID (Luhn-valid)")
	d.t("\" }\n}\n")


def s_graphql(d):
	g = d.g
	d.t('{"data": {"viewer": {"login": "%s", "email": "' % g.choice(GIVEN))
	d.email(True, plain=True)
	d.t('", "paymentMethods": {"nodes": [{"brand": "VISA", "last4": "%s"}, {"cardNumber": "' % g.digits(4))
	d.card(True, g.choice(["plain", "spaced"]))
	d.t('"}]}, "lastLogin": {"ip": "')
	d.ip(True)
	d.t('", "at": "')
	d.neg("timestamp")
	d.t('"}}}, "extensions": {"cost": {"requestedQueryCost": %d}}}' % g.r.randint(1, 200))


def s_winevent(d):
	g = d.g
	d.t("Log Name: Security\nSource: Microsoft-Windows-Security-Auditing\nEvent ID: 4625\nTask Category: Logon\n")
	d.t("Account For Which Logon Failed:\n\tAccount Name:\t\t%s\n\tLogon ID:\t\t0x%s\n" % (g.choice(GIVEN), g.hexs(6, True)))
	d.t("Network Information:\n\tWorkstation Name:\tDESKTOP-%s\n\tSource Network Address:\t" % g.letters(7))
	d.ip(True, g.choice(["v4", "v6-ipv4", "v6-compressed"]))
	d.t("\n\tSource Port:\t\t%d\nProcess Information:\n\tCaller Process ID:\t0x%s\n" % (g.r.randint(40000, 65000), g.hexs(4)))
	d.t("Detailed Authentication Information:\n\tPackage Name:\tNTLM V2\n\tOS Build:\t")
	d.neg("version", "10.0.%d.%d" % (g.r.randint(17763, 26100), g.r.randint(1, 4000)), "windows")
	d.t("\n")


def s_form_ssn(d):
	g = d.g
	d.t("FORM W-4 (OCR)\nYour first name and middle initial  %s\nLast name  %s\n" % (g.choice(GIVEN).capitalize(), g.choice(FAMILY).capitalize()))
	d.t("(b) Your social security number\n")
	d.ssn(True, g.choice(["dashed", "spaced", "plain"]))
	d.t("\nEmployer identification number (EIN)  ")
	d.neg("EIN")
	d.t("\nInvalid on file: ")
	d.neg("invalid SSN")
	d.t(" (rejected by SSA)\n")


def s_multi_sep(d):
	g = d.g
	typ = g.choice(["PHONE", "EMAIL", "IP", "IBAN", "CARD"])
	sep = g.choice([" / ", ";", " | ", "\t", ", "])
	word = g.choice(WORDS[typ])
	d.t(word + ": ")
	for i in range(g.r.randint(2, 3)):
		if i:
			d.t(sep)
		{"PHONE": lambda: d.phone(True), "EMAIL": lambda: d.email(True, plain=True), "IP": lambda: d.ip(True, g.choice(["v4", "v6-compressed"])),
		 "IBAN": lambda: d.iban(True), "CARD": lambda: d.card(True)}[typ]()
	d.t(g.choice(["", ".", "\n", " ✅"]))


def s_wrapped(d):
	g = d.g
	typ = g.choice(["PHONE", "EMAIL", "IP", "IBAN", "CARD", "SSN"])
	op, cl = g.choice([("<", ">"), ("(", ")"), ('"', '"'), ("[", "]"), ("«", "»"), ("„", "“"), ("「", "」"), ("*", "*"), ("`", "`")])
	ctx = g.chance(0.5)
	if ctx:
		d.t("%s %s" % (g.choice(WORDS[typ]), g.choice(["→ ", ": ", "= ", "— ", "："])))
	else:
		d.t(g.choice(["Noted ", "Saved ", "Updated ", "FYI ", "Done, "]))
	d.t(op)
	if typ == "PHONE":
		d.phone(ctx)
	elif typ == "EMAIL":
		d.email(ctx, plain=(op in ("*", "`", "<")))
	elif typ == "IP":
		d.ip(ctx, g.choice(["v4", "v6-compressed", "v6-full"]))
	elif typ == "IBAN":
		d.iban(ctx)
	elif typ == "CARD":
		d.card(ctx)
	else:
		d.ssn(ctx)
	d.t(cl + g.choice([".", ",", ";", ":", "!", "?", ")", "", " 🙂"]))


def s_long_doc(d):
	g = d.g
	para = ["The committee reviewed the quarterly figures and agreed to postpone the migration until the vendor confirms the new timeline.",
		"Die Abstimmung mit dem Betriebsrat ist abgeschlossen; offene Punkte werden im nächsten Jour fixe besprochen.",
		"Les délais de livraison restent stables malgré la hausse des coûts logistiques observée au dernier trimestre.",
		"Il team ha completato la revisione del codice e segnalato due regressioni minori nel modulo di fatturazione.",
		"Nothing in this memo changes the retention policy described earlier; it only clarifies who approves exceptions."]
	for _ in range(g.r.randint(3, 6)):
		d.t(g.choice(para) + " ")
	d.t("\n\nBuild ")
	d.neg("version")
	d.t(" was deployed at ")
	d.neg("timestamp")
	d.t(". ")
	for _ in range(g.r.randint(2, 4)):
		d.t(g.choice(para) + " ")
	typ = g.choice(["PHONE", "EMAIL", "SSN", "CARD", "IBAN", "IP"])
	d.t("For the audit trail, the %s recorded was " % {"PHONE": "fax number", "EMAIL": "contact e-mail", "SSN": "SSN",
							   "CARD": "corporate card", "IBAN": "IBAN", "IP": "source IP"}[typ])
	{"PHONE": lambda: d.phone(True), "EMAIL": lambda: d.email(True), "SSN": lambda: d.ssn(True),
	 "CARD": lambda: d.card(True), "IBAN": lambda: d.iban(True), "IP": lambda: d.ip(True)}[typ]()
	d.t(". ")
	for _ in range(g.r.randint(3, 6)):
		d.t(g.choice(para) + " ")
	d.t("\n")


def s_noctx_prose(d):
	"""Values with no word naming their type anywhere in their sentence."""
	g = d.g
	typ = g.choice(["PHONE", "PHONE", "SSN", "EMAIL", "CARD", "IBAN", "IP"])
	lead = {"PHONE": ["Ring me back on ", "Erreichbar unter ", "Joignable au ", "Sono raggiungibile al ", "Llámame al ",
			  "Bel me even op ", "Zadzwoń: ", "Ring mig på ", "Soita ", "Ara beni: "],
		"SSN": ["Applicant reference: ", "As written on the form: ", "Der Wert lautet "],
		"EMAIL": ["Write to ", "Skriv till ", "Schreib an ", "Écris à ", "Pošli to na "],
		"CARD": ["Charge it to ", "Pay with ", "Use the one ending like this: "],
		"IBAN": ["Bitte an ", "Virement vers ", "Overmaken naar "],
		"IP": ["Ping ", "Blocked ", "Traffic spiked from "]}
	d.t(g.choice(lead[typ]))
	if typ == "PHONE":
		d.phone(False, ext=g.chance(0.25))
	elif typ == "SSN":
		d.ssn(False)
	elif typ == "EMAIL":
		d.email(False)
	elif typ == "CARD":
		d.card(False)
	elif typ == "IBAN":
		d.iban(False)
	else:
		d.ip(False)
	d.t(g.choice([".", " — thanks.", "!", " asap.", " 🙏", ""]))
	if g.chance(0.5):
		d.t(" Order ")
		d.neg("order number")
		d.t(" ships ")
		d.neg("timestamp")
		d.t(".")


def s_cjk(d):
	g = d.g
	typ = g.choice(["PHONE", "EMAIL", "CARD", "IP"])
	if typ == "PHONE":
		d.t(g.choice(["お客様の電話番号：", "联系电话：", "手机号码 ", "連絡先（携帯）"]))
		d.phone(True, kind="e164")
		d.t(g.choice(["。", "，谢谢。", "です。"]))
	elif typ == "EMAIL":
		d.t(g.choice(["メールアドレス：", "邮箱：", "电子邮件 "]))
		d.email(True, plain=True)
		d.t(g.choice(["。", " までご連絡ください。", "，请回复。"]))
	elif typ == "CARD":
		d.t(g.choice(["クレジットカード番号 ", "信用卡号："]))
		d.card(True)
		d.t("。")
	else:
		d.t(g.choice(["接続元IPアドレス：", "服务器IP地址 "]))
		d.ip(True)
		d.t("。")
	d.t(g.choice(["注文番号 ", "订单号 "]))
	d.neg("order number")
	d.t("。")


def s_device(d):
	g = d.g
	d.t("Device inventory export\nModel: %s  Firmware " % g.choice(["Pixel 8", "iPhone 15", "Galaxy A54", "Fairphone 5"]))
	d.neg("version", *neg_version_iplike(g))
	d.t("\nIMEI: ")
	d.neg("IMEI (Luhn-valid)")
	d.t("\nSIM ICCID: ")
	d.neg("ICCID (Luhn-valid)")
	d.t("\nWi-Fi MAC: ")
	d.neg("MAC address")
	d.t("\nPhone number: ")
	d.phone(True, kind=g.choice(["intl", "e164", "nanp"]))
	d.t("\nLast IP: ")
	d.ip(True)
	d.t("\n")


def s_books(d):
	g = d.g
	d.t("Reading list for the onboarding cohort:\n")
	for _ in range(g.r.randint(2, 3)):
		d.t("- %s, ISBN " % g.choice(["Designing Data-Intensive Applications", "The Phoenix Project", "Site Reliability Engineering", "Clean Architecture"]))
		v, k = NEGS["phone-like number, non-phone context"](g)
		while k not in ("isbn10", "isbn13"):
			v, k = NEGS["phone-like number, non-phone context"](g)
		d.neg("phone-like number, non-phone context", v, k)
		d.t(" (%d copies, EAN " % g.r.randint(2, 30))
		v, k = NEGS["phone-like number, non-phone context"](g)
		while k != "ean13":
			v, k = NEGS["phone-like number, non-phone context"](g)
		d.neg("phone-like number, non-phone context", v, k)
		d.t(")\n")
	d.t("Questions to ")
	d.email(False, plain=True)
	d.t("\n")


def s_casenums(d):
	g = d.g
	d.t(g.choice(["Case number ", "Support case #", "Claim no. ", "Vorgangsnummer "]))
	d.neg("phone-like number, non-phone context", g.choice(["%s-%s-%s" % (g.digits(3, "123456789"), g.digits(3), g.digits(4)), g.digits(10, "123456789")]), "case id")
	d.t(" was merged into ")
	d.neg("order number")
	d.t("; refund of ")
	d.neg("price")
	d.t(" issued. Card ")
	d.neg("card failing Luhn")
	d.t(" was not charged (invalid number).\n")


def s_coords_hash(d):
	g = d.g
	d.t("Pickup point ")
	d.neg("coordinates")
	d.t(", photo sha256 ")
	d.neg("hash", g.hexs(64), "sha256")
	d.t(", uploaded by ")
	d.neg("@ but not an e-mail", *neg_at_more(g, "mention"))
	d.t(" from ")
	d.ip(False, g.choice(["v4", "v6-compressed"]))
	d.t(". Courier: ")
	d.neg("tracking number")
	d.t("\n")


def s_oid_version(d):
	g = d.g
	d.t("Certificate policy OID ")
	d.neg("OID / section number", "1.3.6.1.4.1.%d.%d.%d" % (g.r.randint(1, 60000), g.r.randint(1, 30), g.r.randint(1, 9)), "oid")
	d.t(" (see §")
	d.neg("OID / section number", "%d.%d.%d" % (g.r.randint(1, 9), g.r.randint(1, 9), g.r.randint(1, 9)), "section-3")
	d.t("), agent ")
	d.neg("version", *neg_version_iplike(g))
	d.t(", API ")
	d.neg("version")
	d.t(", pinned ")
	d.neg("@ but not an e-mail", *neg_at_more(g, g.choice(["pkg-pin", "scoped-npm"])))
	d.t(".\n")


def s_ein_aba(d):
	g = d.g
	d.t("Vendor W-9 on file. EIN ")
	d.neg("EIN")
	d.t(", ACH routing ")
	d.neg("ABA routing number")
	d.t(". Remit-to contact ")
	d.email(False, plain=True)
	d.t(", ")
	d.phone(False, kind="nanp", ext=g.chance(0.4))
	d.t(".\n")


def s_pg_ssn_neg(d):
	g = d.g
	d.t("-- test fixtures: all invalid on purpose\nINSERT INTO applicants (ssn, card) VALUES ('")
	d.neg("invalid SSN")
	d.t("', '")
	d.neg("card failing Luhn")
	d.t("'), ('")
	d.neg("invalid SSN")
	d.t("', '")
	d.neg("card failing Luhn")
	d.t("');\nSELECT ")
	d.neg("@ but not an e-mail", "@@ROWCOUNT", "sql-var")
	d.t(";\n")


def s_weak_noctx(d):
	"""National / unseparated numbers in sentences that never name their type."""
	g = d.g
	c = g.choice(sorted(pc.NATIONAL) + ["NANP", "NANP"])
	if c == "NANP":
		v, var, _ = pc.nanp(g, g.choice(["plain", "plain", "dashed", "paren"]))
		sub = "PHONE/NANP-" + var.split()[0]
	else:
		v, var, _ = pc.national(g, c, "national")
		sub = "PHONE/%s-national" % c
	lead = {"UK": "Ring me back on ", "DE": "Bin bis 18 Uhr unter ", "FR": "Rappelle-moi au ", "IT": "Richiamami al ",
		"ES": "Llámame al ", "NL": "Bel me even terug op ", "NANP": g.choice(["Text me at ", "Call me back at "])}[c]
	tail = {"UK": ", cheers.", "DE": " erreichbar.", "FR": " stp.", "IT": " dopo pranzo.", "ES": " mañana.",
		"NL": " na vijven.", "NANP": " after 5pm."}[c]
	d.t(lead)
	d.lab("PHONE", False, v, sub, var)
	d.t(tail)
	if g.chance(0.75):
		d.t(g.choice(["\n\n", " ", "\n"]))
		n = g.name()
		k = g.choice(["row", "ocr", "note"])
		if k == "row":
			d.t("%s | 19%02d-%02d-%02d | " % (n, g.r.randint(40, 99), g.r.randint(1, 12), g.r.randint(1, 28)))
			d.ssn(False, g.choice(["plain", "spaced"]))
			d.t(" | Springfield IL\n")
		elif k == "ocr":
			d.t("APPLICANT %s  DOB %02d/%02d/19%02d  NO. " % (n.upper(), g.r.randint(1, 12), g.r.randint(1, 28), g.r.randint(40, 99)))
			d.ssn(False, g.choice(["plain", "spaced"]))
			d.t("  SIGNED\n")
		else:
			d.t("Note to self: %s's number for the benefits form is " % n.split()[0])
			d.ssn(False, g.choice(["plain", "spaced", "dashed"]))
			d.t(".\n")


def s_at_negs(d):
	"""Code review chatter full of '@' that is not a mailbox, plus one real address."""
	g = d.g
	d.t("Review notes for PR #%d:\n\n1. The breakpoint `" % g.r.randint(100, 9999))
	d.neg("@ but not an e-mail", *neg_at_more(g, "css-media"))
	d.t("` hides the nav too early.\n2. Drop `")
	d.neg("@ but not an e-mail", *neg_at_more(g, "py-decorator"))
	d.t("` on `load_profile()`, it caches per tenant.\n3. The proc uses ")
	d.neg("@ but not an e-mail", *neg_at_more(g, "sql-var"))
	d.t(" without a default.\n4. Repro from a fresh box:\n\n```\n")
	d.neg("@ but not an e-mail", *neg_at_more(g, "shell-prompt"))
	d.t(" git clone ")
	d.neg("@ but not an e-mail", *neg_at_more(g, "git-remote"))
	d.t("\n```\n\n5. Bump ")
	d.neg("@ but not an e-mail", *neg_at_more(g, g.choice(["pkg-pin", "scoped-npm"])))
	d.t(" — thanks ")
	d.neg("@ but not an e-mail", *neg_at_more(g, "mention"))
	d.t("! Questions: ")
	named = g.chance(0.5)
	if named:
		d.t("email ")
	d.email(named, plain=True)
	d.t("\n")


SHAPES = [(s_weak_noctx, 12), (s_at_negs, 3), 
	(s_chat_prompt, 6), (s_model_reply, 4), (s_ticket, 5), (s_crm_json, 4), (s_hr_json, 4), (s_function_call, 3),
	(s_nginx, 3), (s_sshd, 3), (s_json_log, 3), (s_csv, 3), (s_tsv_money, 3), (s_markdown_table, 3),
	(s_mail_headers, 3), (s_quoted_reply, 3), (s_vcard, 3), (s_ldif, 2), (s_config, 4), (s_sql, 2),
	(s_http_headers, 3), (s_devtools, 3), (s_traceback, 3), (s_java_trace, 3), (s_letter, 6), (s_pdf_rag, 3),
	(s_ocr_receipt, 3), (s_bank_statement, 3), (s_manifest, 3), (s_issue, 3), (s_slack, 3), (s_transcript, 3),
	(s_chat_ts, 3), (s_fhir, 3), (s_hl7, 3), (s_xml, 3), (s_terraform, 2), (s_k8s, 2), (s_git_diff, 2),
	(s_jupyter, 2), (s_psql, 3), (s_html, 3), (s_protobuf, 2), (s_graphql, 3), (s_winevent, 2), (s_form_ssn, 4),
	(s_multi_sep, 5), (s_wrapped, 8), (s_long_doc, 4), (s_noctx_prose, 8), (s_cjk, 3), (s_device, 3),
	(s_books, 2), (s_casenums, 3), (s_coords_hash, 2), (s_oid_version, 2), (s_ein_aba, 3), (s_pg_ssn_neg, 2),
]

# ---- checks --------------------------------------------------------------------------

EMAIL_RE = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9-]+\.)+[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]")
NANP_NPA_OK = re.compile(r"[2-9]\d\d")


def digits(v):
	return re.sub(r"\D", "", v)


def check_phone(lab, v):
	sub = lab["sub"]
	dg = digits(v)
	assert re.fullmatch(r"[+0-9 ()./\-\u00a0\u202f]+", v), v
	if sub.startswith("PHONE/NANP"):
		n = dg[1:] if len(dg) == 11 else dg
		assert len(n) == 10 and (len(dg) == 10 or dg[0] == "1"), v
		assert NANP_NPA_OK.fullmatch(n[:3]) and n[3] in "23456789", v
	elif sub.startswith("PHONE/E164"):
		assert v.startswith("+") and 8 <= len(dg) <= 15, v
	else:
		c, kind = sub[6:].split("-")
		cc = pc.NATIONAL[c][0]
		if kind == "intl":
			assert v.startswith("+" + cc) or v.startswith("00" + cc), v
			n = dg[len(cc) + (2 if v.startswith("00") else 0):]
			if "(0)" in v:
				n = n[1:]
		else:
			n = dg
			if c in ("UK", "DE", "FR", "NL"):
				assert n[0] == "0" and n[1] != "0", v
				n = n[1:]
		lens = {"UK": (9, 10), "DE": (8, 11), "FR": (9, 9), "IT": (9, 11), "ES": (9, 9), "NL": (9, 9)}[c]
		assert lens[0] <= len(n) <= lens[1], (v, n)


def check_label(lab, v):
	t = lab["type"]
	if t == "EMAIL":
		if lab["sub"] == "EMAIL/percent-encoded":
			assert "%40" in v and "@" not in v, v
			v = urllib.parse.unquote(v)
		assert EMAIL_RE.fullmatch(v) and len(v.split("@")[0]) <= 64, v
	elif t == "PHONE":
		check_phone(lab, v)
	elif t == "SSN":
		assert re.fullmatch(r"\d{3}([- ]?)\d{2}\1\d{4}", v), v
		d = digits(v)
		assert d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000", v
	elif t == "CARD":
		d = digits(v)
		assert re.fullmatch(r"[0-9 .\-]+", v) and 14 <= len(d) <= 19 and pc.luhn_ok(d), v
	elif t == "IBAN":
		c = v.replace(" ", "")
		assert pc.iban_ok(c) and len(c) == pc.IBAN_LEN[c[:2]], v
	elif t == "IP":
		a = ipaddress.ip_address(v)
		assert not a.is_loopback and not a.is_unspecified, v
	else:
		raise AssertionError(t)
	assert lab["sub"].startswith(t + "/"), lab


def check_negative(neg, v):
	k = neg["kind"]
	if k == "card failing Luhn":
		assert not pc.luhn_ok(digits(v)), v
	elif k == "IBAN failing mod-97":
		assert not pc.iban_ok(v.replace(" ", "")), v
	elif k == "invalid SSN":
		d = digits(v)
		assert len(d) == 9 and (d[:3] in ("000", "666") or d[0] == "9" or d[3:5] == "00" or d[5:] == "0000"), v
	elif k in ("IMEI (Luhn-valid)", "ICCID (Luhn-valid)"):
		assert pc.luhn_ok(digits(v)), v
	elif k == "@ but not an e-mail":
		assert "@" in v and not EMAIL_RE.fullmatch(v), v
	elif k == "EIN":
		assert re.fullmatch(r"\d{2}-\d{7}", v), v
	elif k == "ABA routing number":
		w = [3, 7, 1] * 3
		assert len(v) == 9 and sum(int(x) * w[i] for i, x in enumerate(v)) % 10 == 0, v
	elif k == "UUID":
		assert re.fullmatch(r"\{?[0-9a-fA-F-]{36}\}?", v), v
	elif k == "MAC address":
		assert len(digits(v)) <= 12, v
	for bad in ("@",):
		if k != "@ but not an e-mail":
			assert bad not in v, v


def check_record(rec):
	raw = rec["text"].encode("utf-8")
	spans = []
	for lab in rec["labels"]:
		v = raw[lab["start"]:lab["end"]].decode("utf-8")
		assert v == v.strip() and v, (rec["id"], v)
		check_label(lab, v)
		spans.append((lab["start"], lab["end"]))
	for neg in rec["negatives"]:
		v = raw[neg["start"]:neg["end"]].decode("utf-8")
		assert v == v.strip() and v, (rec["id"], v)
		check_negative(neg, v)
		spans.append((neg["start"], neg["end"]))
	spans.sort()
	for (a, b), (c, _) in zip(spans, spans[1:]):
		assert b <= c, (rec["id"], "overlap")
	# a label must not be glued to more of the same kind of characters
	for lab in rec["labels"]:
		before = raw[:lab["start"]].decode("utf-8")[-1:]
		after = raw[lab["end"]:].decode("utf-8")[:1]
		assert not (before.isalnum() and before.isascii()), (rec["id"], before)
		assert not (after.isalnum() and after.isascii()) or lab["type"] == "IP", (rec["id"], after)
		if lab["type"] == "EMAIL":
			assert after not in ".-_" or not raw[lab["end"] + 1:lab["end"] + 2].decode("utf-8", "replace").isalnum(), rec["id"]


def selfcheck_specs():
	pc.selfcheck()
	assert ipaddress.ip_address("fe80::1")
	assert EMAIL_RE.fullmatch("o'neill@example.com") and not EMAIL_RE.fullmatch("git@github.com:org/x.git")


# ---- generation ---------------------------------------------------------------------


def generate():
	g = Gen(SEED, SPLIT)
	bag = []
	for fn, w in SHAPES:
		bag += [fn] * w
	out = []
	i = 0
	while len(out) < NTEXTS:
		if i % len(bag) == 0:
			g.r.shuffle(bag)
		fn = bag[i % len(bag)]
		i += 1
		d = Doc(g, fn.__name__[2:])
		fn(d)
		rec = {"id": "%s-%05d" % (SPLIT, len(out) + 1), "split": SPLIT, "seed": SEED, "text": d.text(),
		       "labels": d.labels, "negatives": d.negatives}
		check_record(rec)
		out.append(rec)
	return out


def main():
	ap = argparse.ArgumentParser(description="Generate tollgate's sixth blind held-out PII corpus (JSON lines).")
	ap.add_argument("-o", "--output", help="write here instead of stdout")
	a = ap.parse_args()
	selfcheck_specs()
	recs = generate()
	lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in recs]
	again = [json.dumps(r, ensure_ascii=False) + "\n" for r in generate()]
	assert lines == again, "output not deterministic"
	out = open(a.output, "w", encoding="utf-8") if a.output else sys.stdout
	out.writelines(lines)
	if out is not sys.stdout:
		out.close()


if __name__ == "__main__":
	main()
