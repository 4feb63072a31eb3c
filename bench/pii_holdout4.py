#!/usr/bin/env python3
"""
pii_holdout4.py - the fourth blind held-out PII corpus for tollgate's pattern
detectors (EMAIL, PHONE, SSN, CARD, IBAN, IP): the final score of issue 4.

What it is: about 2,000 texts of the kind AI agents send and receive, each
with labelled values and labelled near misses ("negatives"), in exactly the
JSON-lines schema of bench/pii_corpus.py:
  {"id": "holdout4-00001", "split": "holdout4", "seed": 5132007, "text": "...",
   "labels": [{"type", "sub", "variant", "ctx", "tpl", "start", "end"}],
   "negatives": [{"kind", "variant", "tpl", "start", "end"}]}
start/end are UTF-8 byte offsets, end exclusive; text[start:end] is exactly
the value (no brackets, quotes, ports, prefix lengths, zone ids or phone
extensions around it).

How it was written, and the blindness rules it was written under: by an
engineer ("hhold4") who did NOT read tollgate's rules (policies/redaction*.json,
userspace/detectors.c/.h, userspace/detect_*.c, holdback.c, redact*.c,
tablectx.c, their unit tests, bench/RESULTS-redaction.md, the README's
redaction section) nor any earlier blind set (bench/pii_holdout.py,
pii_holdout2.py, pii_holdout3.py), and who never ran a detector on this
corpus or on anything else. Only bench/pii_corpus.py was read: its schema,
its sub-format names (so the scorer classifies ours identically) and its
value generators / check-digit functions, which are imported below. Every
template, context phrasing, document shape and distractor here is new.

Values (every one re-validated by its own specification in selfcheck_record):
  EMAIL  RFC 5321/5322 addresses: pii_corpus.py's sub-formats plus atext
         local parts (o'neill@, d'arcy@, a!b@, r&d@, first_last+tag@ ...),
         new gTLDs, EAI (RFC 6531) addresses and percent-encoded addresses.
         Decision on %40: an address percent-encoded inside a URL query or a
         form post (email=jane.doe%40acme.com, mailto:jane%40x.org) is
         labelled (EMAIL/percent-encoded, the encoded span as written),
         because the field holds the address and any reader decoding the URL
         sees it; opaque tokens are not used at all.
  PHONE  NANP, E.164 for other countries (the ones of pii_corpus.py and
         PT, DK, NO, FI, CZ, TR, RO, GR, CN, AT, BE), and the six national
         plans of pii_corpus.py (UK, DE, FR, IT, ES, NL), national and
         international, written with spaces, no-break spaces (U+00A0),
         narrow no-break spaces (U+202F), dots, dashes, slashes, parentheses.
         An extension (" ext. 204", " x204", " #204", "-17", " (Durchwahl
         -17)", " poste 204" ...) is never part of the label: the label is
         the number without it. Extensions only appear where the line names
         the phone anyway.
  SSN    SSA rules (area 001-899 but 666, group 01-99, serial 0001-9999),
         dashed, spaced and unseparated.
  CARD   IIN ranges and lengths of Visa (16 and 19), Mastercard (51-55,
         2221-2720), Amex (4-6-5), Discover, JCB, Diners (4-6-4), UnionPay
         (16, 19), Maestro (16, 19) and Mir; Luhn; plain, spaced, dashed and
         dotted.
  IBAN   ISO 13616 per-country structures and mod-97 (pii_corpus.py's
         generator), electronic format and paper format (groups of four).
         PDF-extracted text sometimes wraps a paper-format IBAN at a group
         boundary: the label then covers the whole IBAN, line break included
         (variant "wrapped"), because a careful reader reads one IBAN.
  IP     IPv4 (alone, with :port, /prefix, inside URLs: the label is the
         address only), IPv6 full, RFC 5952 compressed, with embedded IPv4,
         in brackets with a port, with a zone id (fe80::1%eth0, %25 in URLs:
         the label excludes the zone). No loopback/unspecified addresses.

Weak sub-formats (PHONE/XX-national, PHONE/NANP-plain, SSN/plain,
SSN/spaced) carry the same sub names as in pii_corpus.py. "ctx" is computed,
not asserted: it is true when a word naming the type (in any of the ~20
languages used here) is on the same line as the value (values, e-mail-like
tokens and other labelled spans removed before looking), or when the
template marks the value's column header / form label above it as naming
it. For PHONE and SSN the template also declares what it meant and the
self-check insists both agree.

Negatives: 26 kinds (NEG_KINDS), each about 50 times, written into realistic
text: pure distractor sentences (phrased to fit the variant where the kind
has several, e.g. an ISBN is called an ISBN) and numbers that structured
documents carry anyway (timestamps, UUIDs, versions, order numbers, BICs ...).
A Luhn-valid number is a negative only where the text names it as something
else (IMEI, ICCID, NPI); an "SSN-shaped number" (valid by the SSA rules) only
where the text calls it a part, docket, lot or claim number; e-mail-like
strings (git@host:org/repo, logo@2x.png, Message-IDs, npm scopes and pins,
@mentions, decorators, CSS at-rules, SQL variables, Docker digests, user@host
prompts) are negatives of kind "@ but not an e-mail".

Where the naming word is not on the value's line: a CSV/TSV/markdown/HTML/SQL
column header, a form label above the value, and, in call transcripts, the
agent's question right before the caller's answer ("confirm your phone
number" / "{number} yeah") count as naming it. A JSON key, vCard/LDIF
attribute or XML tag is on the line anyway. Hyphenated naming words split by
a PDF line break ("tele-" / "phone):") count only on the line that holds the
value.

Shapes: chat prompts and model replies, support tickets, RFC 5322 mail with
display names, signatures and "> " quoted replies, letters in 18 languages,
vCard, LDIF, CRM/HR/billing JSON, function-call arguments, GraphQL, FHIR-like
JSON, HL7 v2, nginx/syslog/JSON/Windows/Kubernetes logs, Terraform/K8s YAML,
.env/INI, SQL INSERTs, psql/mysql output, CSV/TSV, markdown and HTML tables,
HTML forms, XML/SOAP, protobuf text, HTTP dumps, devtools dumps, stack
traces, Jira/GitHub issues with code blocks, git diffs, Jupyter JSON, Slack
exports, call transcripts, PDF-extracted text (hyphenation, wrapped lines,
letterhead columns run together), OCR'd receipts and tax forms, bank
statements, shipping manifests, curl -v and ip addr output, release notes,
long policy documents with one value in the middle; values wrapped in
quotes, brackets, guillemets, 「」, markdown, emoji, and lists separated by
'/', ';', '|', tabs and commas.

Usage: python3 bench/pii_holdout4.py -o FILE
Python 3 standard library only; deterministic (fixed seed); the self-check
runs before anything is written and generates the corpus twice to compare.
"""
import argparse
import datetime
import ipaddress
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_corpus as pc  # noqa: E402  value generators and check digits only

SEED = 5132007
SPLIT = "holdout4"
NBSP = "\u00a0"
NNBSP = "\u202f"

# ---- fillers (no PII in them) -------------------------------------------------

FIRSTS = ["Aoife", "Bartosz", "Camille", "Dagny", "Emre", "Freya", "Gianluca", "Hiroshi", "Ingrid", "Jakub",
	  "Kasia", "Lars", "Mireille", "Niamh", "Oskar", "Paloma", "Quentin", "Rasmus", "Siobhan", "Teodora",
	  "Ugo", "Valentina", "Wiebke", "Xavier", "Yasmin", "Zdeněk", "Åsa", "Jörg", "Eleni", "Mei", "Tunde",
	  "Ravi", "Leilani", "Björn", "Marisol", "Dmitri"]
LASTS = ["O'Neill", "Kowalczyk", "Lefèvre", "Haugen", "Yılmaz", "Brennan", "Ferraro", "Sato", "Lindqvist",
	 "Novotný", "Wiśniewska", "Jensen", "Girard", "Ní Bhriain", "Andersson", "Domínguez", "Marchetti",
	 "Kristiansen", "D'Arcy", "Popescu", "Esposito", "van den Berg", "Moreno", "Virtanen", "Papadopoulou",
	 "Zhang", "Okafor", "Iyer", "Kahale", "Østergaard", "Sandoval", "Volkov", "de Jong", "Schäfer"]
COMPANIES = ["Fernhill Logistics Ltd", "Brauhaus Keller GmbH", "Atelier Lumière SARL", "Tessitura Rossi S.p.A.",
	     "Hortalizas del Sur S.L.", "Dijkstra & Zonen B.V.", "Nordlys AS", "Kavka s.r.o.", "Maple Ridge Dental LLC",
	     "Quayside Robotics Inc.", "Sakura Trading K.K.", "Lakeshore Veterinary PC", "Pinecone Analytics",
	     "Orchard Lane Bakery", "Bluefin Freight Corp."]
DOMAINS = ["fernhill-logistics.co.uk", "brauhaus-keller.de", "atelier-lumiere.fr", "tessiturarossi.it",
	   "hortalizasdelsur.es", "dijkstrazonen.nl", "nordlys.no", "kavka.cz", "mapleridgedental.com",
	   "quayside-robotics.io", "sakura-trading.jp", "lakeshorevet.org", "pinecone-analytics.ai",
	   "orchardlane.bakery", "bluefinfreight.com", "example.com", "example.org", "mail.example.net"]
CITIES = ["Leeds", "Bremen", "Nantes", "Bologna", "Valencia", "Groningen", "Bergen", "Brno", "Tampere",
	  "Izmir", "Cluj-Napoca", "Thessaloniki", "Porto", "Gdańsk", "Aarhus", "Malmö", "Osaka", "Chengdu",
	  "Portland", "Halifax"]
PRODUCTS = ["espresso grinder", "standing desk", "noise-cancelling headset", "label printer", "router",
	    "ergonomic chair", "USB-C dock", "water filter cartridge", "monitor arm", "e-bike battery"]
WORDS = ["quarterly", "rollout", "onboarding", "migration", "invoice run", "audit", "renewal", "escalation",
	 "handover", "backlog grooming", "retro", "capacity planning"]


def name(g):
	return g.choice(FIRSTS) + " " + g.choice(LASTS)


# ---- context words: what names each type (used to compute "ctx") ----------------

CTX_WORDS = {
	"PHONE": ["phone", "phones", "telephone", "tel", "tel.", "tél", "tél.", "téléphone", "telefon", "telefonu",
		  "telefono", "teléfono", "telefoon", "telefone", "telefonnummer", "telefonnr", "rufnummer", "mobile",
		  "mobil", "mobiel", "móvil", "movil", "cellulare", "cell", "cellphone", "handy", "portable", "fax",
		  "mob", "mob.", "gsm", "whatsapp", "sms", "hotline", "landline", "msisdn", "durchwahl", "ext", "ext.",
		  "poste", "toestel", "int.", "telemóvel", "celular", "komórka", "komórkowy", "puhelin",
		  "matkapuhelin", "puhelinnumero", "festnetznummer", "handynummer", "mobilnummer", "faxnummer",
		  "telefoonnummer", "mobiele", "telefonnummer", "telefonu", "mobiltelefon", "phone-number", "telefonní", "telefonszám", "callback",
		  "festnetz", "telefonisch", "komórkę", "mobilnummeret", "puhelinnumeroni", "matkapuhelimeen",
		  "telefonum", "tlf", "tlf.", "puh", "puh.", "tfn", "telefax", "numéro de téléphone"],
	"SSN": ["ssn", "ssns", "social security", "soc. sec.", "ss#", "ss #", "ss no", "ss-nr", "itin/ssn",
		"sozialversicherungsnummer", "socia1 security", "seguro social", "sécurité sociale", "us-ssn"],
	"CARD": ["card", "cards", "credit", "debit", "visa", "mastercard", "amex", "american express", "discover",
		 "jcb", "diners", "unionpay", "maestro", "pan", "cc", "carte", "tarjeta", "carta", "karte",
		 "kreditkarte", "kaart", "creditcard", "cartão", "karta", "kort", "kortti", "kart", "kartu",
		 "cardnumber", "kortnummer", "betalingskort", "karty", "kartą", "kartou", "kortti", "kortin",
		 "luottokortti", "kartı", "cardul", "kartennummer", "tarjeta de crédito", "carta di credito"],
	"IBAN": ["iban", "ibans", "account", "konto", "kontonummer", "compte", "cuenta", "conto", "rekening",
		 "rekeningnummer", "conta", "rachunek", "účet", "tili", "tilinumero", "hesap", "cont", "bankverbindung",
		 "rib", "bank details", "bankgegevens", "účtu", "tilille", "hesabı", "hesabına", "contul",
		 "kontoverbindung", "bankkonto", "coordonnées bancaires", "payee account", "sepa"],
	"EMAIL": ["email", "e-mail", "emails", "mail", "mailto", "e-mails", "courriel", "correo", "posta",
		  "e-posta", "e-post", "epost", "sähköposti", "emailadres", "mejl", "reply-to",
		  "bcc:", "mbox", "mail-adresse", "e-mail-adresse", "rfc822mailbox", "mailbox"],
	"IP": ["ip", "ips", "ipv4", "ipv6", "address", "addresses", "addr", "host", "hosts", "peer", "gateway",
	       "nameserver", "server", "inet", "inet6", "adresse", "dirección", "indirizzo", "adres", "endereço",
	       "cidr", "upstream", "src", "dst", "remote", "forwarded", "listen", "bind", "endpoint", "subnet",
	       "allowlist", "resolver", "dns", "ip-adresse", "ip-adres", "adresa"],
}
# naming words in scripts without word boundaries, matched as substrings
CTX_CJK = {
	"PHONE": ["電話", "携帯", "电话", "手机", "τηλέφωνο", "κινητό", "τηλ."],
	"EMAIL": ["メール", "邮箱", "电子邮件", "邮件"],
	"IBAN": ["口座", "账户", "账号", "λογαριασμ"],
	"CARD": ["カード", "卡号", "银行卡", "信用卡", "κάρτ"],
	"SSN": [],
	"IP": [],
}
_CTX_RE = {t: re.compile(r"(?<![\w])(" + "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True)) +
			 r")(?![\w])", re.I) for t, ws in CTX_WORDS.items()}


def names_type(typ, s):
	"""Does s contain a word naming typ? (underscores and camelCase split first)"""
	s = re.sub(r"\s+", " ", s.replace("_", " "))
	if _CTX_RE[typ].search(s) or _CTX_RE[typ].search(re.sub(r"([a-z])([A-Z])", r"\1 \2", s)):
		return True
	s = s.lower()
	return any(w in s for w in CTX_CJK[typ])


# ---- value generators -------------------------------------------------------------

EMAIL_ATEXT = ["o'neill", "d'arcy", "o'connor.sean", "k.o'hara", "jean-luc.d'aubigne", "first_last+invoices",
	       "a!b", "r&d", "sales&marketing", "bob=alice", "tom~dev", "info#billing", "what?now", "hello^world",
	       "{team}", "ann|ops", "*star", "mc'donald_a", "x/y", "dev+ci_bot", "l'amour", "o'reilly+books",
	       "$payroll", "joy%work", "no.reply`bot", "d'angelo.m", "shaq&co"]
NEW_TLDS = ["xyz", "online", "shop", "berlin", "paris", "amsterdam", "tokyo", "london", "nyc", "cloud", "tech",
	    "studio", "africa", "swiss", "bayern", "wien", "boutique", "legal", "pizza", "io"]
IDN_LOCALS = ["jürgen.weiß", "info", "josé.núñez", "zoë", "søren", "françois", "ana.lópez", "håkan", "gülşen",
	      "pekka", "kontakt", "björn.ångström", "dvořák", "małgorzata.nowak", "çağla"]
IDN_DOMAINS = ["müller-bau.de", "bücherwurm.ch", "correo-josé.es", "café-lumière.fr", "blåbær.dk", "société.fr",
	       "fjällstuga.se", "şirket.com.tr", "sää.fi", "köln-süd.de", "žluťoučký.cz", "zażółć.pl"]
IDN_WHOLE = ["ольга@пример.рф", "用户@例子.广告", "θέμις@παράδειγμα.ελ"]


def local_part(g):
	f = g.choice(pc.FIRST)
	l = g.choice(pc.LAST)
	return g.choice([f + "." + l, f[0] + l, f + "_" + l, l + "." + f[0], f + "." + l + str(g.r.randint(1, 9))])


def gen_email(g, sub):
	if sub in ("basic", "plus-tag", "subdomain", "long-tld", "digits-underscore", "mixed-case", "punycode"):
		v, var, _ = pc.email(g, sub)
		return v, var
	if sub == "atext":
		loc = g.choice(EMAIL_ATEXT)
		return loc + "@" + g.choice(pc.DOMWORDS) + "." + g.choice(pc.TLDS + pc.MULTI), "atext " + loc
	if sub == "new-tld":
		t = g.choice(NEW_TLDS)
		return local_part(g) + "@" + g.choice(pc.DOMWORDS) + "." + t, "." + t
	if sub == "idn":
		if g.chance(0.15):
			return g.choice(IDN_WHOLE), "EAI non-Latin"
		return g.choice(IDN_LOCALS) + "@" + g.choice(IDN_DOMAINS), "EAI"
	if sub == "percent-encoded":
		loc = local_part(g)
		var = "%40"
		if g.chance(0.3):
			loc += "%2B" + g.choice(["news", "shop", "q3", "crm"])
			var += " %2B"
		return loc + "%40" + g.choice(pc.DOMWORDS) + "." + g.choice(pc.TLDS), var
	raise ValueError(sub)


def nanp_fmt(g, sub):
	a, b, c = pc.nanp_parts(g)
	sep = " " if not g.chance(0.2) else NBSP
	if sub == "paren":
		f = g.choice(["(%s) %s-%s", "(%s)%s-%s", "(%s) %s.%s", "(%s)" + NBSP + "%s-%s"])
		return f % (a, b, c), "paren " + f.replace("%s", "N").replace(NBSP, "<nbsp>")
	if sub == "dashed":
		return "%s-%s-%s" % (a, b, c), "dashed"
	if sub == "dotted":
		return "%s.%s.%s" % (a, b, c), "dotted"
	if sub == "spaced":
		return sep.join([a, b, c]), "spaced" + (" nbsp" if sep == NBSP else "")
	if sub == "plain":
		return a + b + c, "plain"
	if sub == "plus1":
		f = g.choice(["+1 %s %s %s", "+1-%s-%s-%s", "+1 (%s) %s-%s", "+1%s%s%s", "+1 %s-%s-%s", "+1.%s.%s.%s"])
		return f % (a, b, c), "plus1 " + f.replace("%s", "N")
	if sub == "trunk1":
		f = g.choice(["1-%s-%s-%s", "1 (%s) %s-%s", "1 %s %s %s", "1 %s-%s-%s"])
		return f % (a, b, c), "trunk1 " + f.replace("%s", "N")
	raise ValueError(sub)


# more E.164 countries, each by its numbering plan's mobile (and some geographic) ranges
E164_MORE = {
	"PT": ("351", lambda g: ["9" + g.choice("1236") + g.digits(1), g.digits(3), g.digits(3)]),
	"DK": ("45", lambda g: [g.choice(["20", "21", "22", "30", "31", "40", "42", "50", "51", "60", "61"]),
				g.digits(2), g.digits(2), g.digits(2)]),
	"NO": ("47", lambda g: g.choice([["4" + g.digits(2), g.digits(2), g.digits(3)],
					  ["9" + g.digits(1), g.digits(2), g.digits(2), g.digits(2)]])),
	"FI": ("358", lambda g: [g.choice(["40", "41", "44", "45", "50"]), g.digits(3), g.digits(4)]),
	"CZ": ("420", lambda g: [g.choice("67") + g.digits(2, "0123456789"), g.digits(3), g.digits(3)]),
	"TR": ("90", lambda g: ["5" + g.choice("0345") + g.digits(1), g.digits(3), g.digits(2), g.digits(2)]),
	"RO": ("40", lambda g: ["7" + g.choice("2456") + g.digits(1), g.digits(3), g.digits(3)]),
	"GR": ("30", lambda g: ["69" + g.choice("3457"), g.digits(3), g.digits(4)]),
	"CN": ("86", lambda g: ["1" + g.choice("3589") + g.digits(1), g.digits(4), g.digits(4)]),
	"AT": ("43", lambda g: [g.choice(["664", "660", "676", "699", "650"]), g.digits(7, "123456789")]),
	"BE": ("32", lambda g: ["4" + g.choice("789") + g.digits(1), g.digits(2), g.digits(2), g.digits(2)]),
}
E164_ALL = dict((k, v) for k, v in pc.E164_OTHER.items() if k != "US")
E164_ALL.update(E164_MORE)
E164_CC = dict((k, v[0]) for k, v in E164_ALL.items())

NAT_STYLES = {
	"UK": ["space", "space", "nbsp", "paren", "compact"],
	"DE": ["space", "space", "nbsp", "slash", "paren", "dashed", "compact"],
	"FR": ["space", "space", "nbsp", "nnbsp", "dotted", "dashed", "compact"],
	"IT": ["space", "space", "nbsp", "slash", "dashed", "dotted", "compact"],
	"ES": ["space", "space", "nbsp", "dotted", "compact"],
	"NL": ["space", "nbsp", "dashed", "paren", "compact"],
}
NAT_MAKE = {"UK": pc.uk_number, "DE": pc.de_number, "FR": pc.fr_number, "IT": pc.it_number, "ES": pc.es_number,
	    "NL": pc.nl_number}
NAT_CC = {"UK": "44", "DE": "49", "FR": "33", "IT": "39", "ES": "34", "NL": "31"}


def national_fmt(g, country):
	trunk, area, groups, kind = NAT_MAKE[country](g)
	style = g.choice(NAT_STYLES[country])
	head = trunk + area
	parts = ([head] if head else []) + groups
	if style in ("space", "nbsp", "nnbsp", "dotted"):
		sep = {"space": " ", "nbsp": NBSP, "nnbsp": NNBSP, "dotted": "."}[style]
		v = sep.join(parts)
	elif style == "compact":
		v = "".join(parts)
	elif style == "paren":
		v = "(%s) %s" % (head, " ".join(groups))
	elif style == "slash":
		v = head + "/" + g.choice(["", " "]) + "".join(groups) if country == "DE" else head + "/" + "".join(groups)
	elif style == "dashed":
		v = head + "-" + " ".join(groups) if country in ("DE", "NL") else "-".join(parts)
	return v, "%s %s" % (kind, style)


def intl_fmt(g, country):
	trunk, area, groups, kind = NAT_MAKE[country](g)
	cc = NAT_CC[country]
	tail = ([area] if area else []) + groups
	styles = ["plus", "plus", "plus nbsp", "00", "plus compact", "plus dashed"]
	if country in ("UK", "DE", "NL", "FR"):
		styles.append("plus (0)")
	if country == "FR":
		styles.append("plus dotted")
	style = g.choice(styles)
	if style == "plus":
		v = "+%s %s" % (cc, " ".join(tail))
	elif style == "plus nbsp":
		v = "+%s%s%s" % (cc, NBSP, NBSP.join(tail))
	elif style == "00":
		v = "00%s %s" % (cc, " ".join(tail))
	elif style == "plus compact":
		v = "+" + cc + "".join(tail)
	elif style == "plus dashed":
		v = "+%s-%s" % (cc, "-".join(tail))
	elif style == "plus dotted":
		v = "+%s.%s" % (cc, ".".join(tail))
	else:
		v = "+%s (0)%s" % (cc, " ".join(tail))
	return v, "%s %s" % (kind, style)


def e164_fmt(g, sub, country):
	cc, make = E164_ALL[country]
	groups = make(g)
	if sub == "compact":
		return "+" + cc + "".join(groups), country + " compact"
	sep = g.choice([" ", " ", " ", NBSP, "-"])
	return "+" + cc + sep + sep.join(groups), country + {" ": " spaced", NBSP: " nbsp", "-": " dashed"}[sep]


EXT = {
	"UK": [" ext. %d", " x%d", ", ext %d"], "NANP": [" ext. %d", " x%d", " #%d", ", ext. %d", " (ext %d)"],
	"DE": ["-%d", " (Durchwahl -%d)", ", Durchwahl -%d"], "FR": [" poste %d"], "IT": [" int. %d"],
	"ES": [" ext. %d"], "NL": [" toestel %d"], "E164": [" ext. %d", " x%d"],
}


def gen_phone(g, sub):
	"""sub without "PHONE/"; returns value, variant, region (for the extension style)."""
	if sub.startswith("NANP-"):
		v, var = nanp_fmt(g, sub[5:])
		return v, var, "NANP"
	if sub.startswith("E164-"):
		country = g.choice(sorted(E164_ALL))
		v, var = e164_fmt(g, sub[5:], country)
		return v, var, "E164"
	country, kind = sub.split("-")
	if kind == "national":
		v, var = national_fmt(g, country)
	else:
		v, var = intl_fmt(g, country)
	return v, var, country


def gen_ssn(g, sub):
	a, b, c = pc.ssn_parts(g)
	if sub == "dashed":
		return a + "-" + b + "-" + c, "dashed"
	if sub == "spaced":
		sep = " " if g.chance(0.8) else NBSP
		return sep.join([a, b, c]), "spaced" if sep == " " else "spaced nbsp"
	return a + b + c, "plain"


CARD_BRANDS = ["visa", "mastercard", "mastercard2", "amex", "discover", "jcb", "diners", "unionpay", "maestro", "mir"]


def card_digits(g, brand):
	if brand == "maestro":
		pre = g.choice(["6759", "5018", "5020", "5038", "6304", "6761", "6763"])
		n = g.choice([16, 16, 19])
		body = pre + g.digits(n - len(pre) - 1)
		return body + pc.luhn_digit(body), [4, 4, 4, 4] if n == 16 else [4, 4, 4, 4, 3]
	if brand == "mir":
		body = "220" + g.choice("01234") + g.digits(11)
		return body + pc.luhn_digit(body), [4, 4, 4, 4]
	return pc.card_number(g, brand)


def gen_card(g, brand):
	num, groups = card_digits(g, brand)
	fmt = g.choice(["plain", "plain", "spaced", "spaced", "spaced", "dashed", "dotted"])
	if fmt == "plain":
		v = num
	elif fmt == "spaced" and g.chance(0.15):
		v, fmt = pc.group(num, groups, NBSP), "spaced"
		return v, "CARD/%s-%s" % (brand, fmt), "%d digits nbsp" % len(num)
	else:
		v = pc.group(num, groups, {"spaced": " ", "dashed": "-", "dotted": "."}[fmt])
	return v, "CARD/%s-%s" % (brand, fmt), "%d digits" % len(num)


IBAN_COUNTRIES = sorted(pc.IBAN_BBAN)


def gen_iban(g, sub):
	v, cc = pc.iban_value(g, g.choice(IBAN_COUNTRIES))
	if sub == "compact":
		return v, cc + " electronic"
	return pc.group(v, [4] * 9, " ").strip(), cc + " paper"


def gen_ip(g, sub):
	"""returns value, variant, before, after (decorations outside the label)."""
	if sub == "v4":
		return pc.ipv4(g), "v4", "", ""
	if sub == "v4-port-cidr":
		a = pc.ipv4(g)
		k = g.choice(["port", "port", "cidr", "cidr", "url", "url-port"])
		if k == "port":
			return a, k, "", ":" + str(g.choice([22, 80, 443, 3306, 5432, 6379, 8080, 8443, 9200, 51820]))
		if k == "cidr":
			return a, k, "", "/" + str(g.choice([8, 12, 16, 20, 22, 24, 26, 28, 29, 32]))
		if k == "url":
			return a, k, g.choice(["http://", "https://"]), g.choice(["/", "/healthz", "/api/v2/orders?limit=50"])
		return a, k, "https://", ":%d/" % g.choice([8443, 9090, 3000, 5601])
	if sub == "v6-full":
		gs = pc.v6_groups(g)
		if g.chance(0.5):
			v, var = ":".join(x.zfill(4) for x in gs), "leading zeros"
		else:
			v, var = ":".join(x.lstrip("0") or "0" for x in gs), "no leading zeros"
		if g.chance(0.2):
			v, var = v.upper(), var + " upper"
		return v, var, "", ""
	if sub == "v6-compressed":
		k = g.choice(["middle", "middle", "prefix-host", "zone", "zone-url", "bracket-port", "bracket-port", "short"])
		if k in ("zone", "zone-url"):
			v = "fe80::" + ":".join(g.hexs(4).lstrip("0") or "1" for _ in range(g.choice([1, 2, 4])))
			zone = g.choice(["eth0", "en0", "wlan0", "ens192", "12", "enp3s0"])
			if k == "zone":
				return v, "zone id", "", "%" + zone
			return v, "zone id in URL", "http://[", "%25" + zone + "]:8080/"
		if k == "short":
			v = g.choice(["2001:db8::", "2001:db8:%s::" % (g.hexs(3).lstrip("0") or "a"), "2001:db8::%s" % (g.hexs(2).lstrip("0") or "2"),
				      "2606:4700::%s" % (g.hexs(4).lstrip("0") or "6")])
			return v, "short", "", ""
		gs = pc.v6_groups(g)
		z = g.r.randint(2, 4)
		at = g.r.randint(1, 7 - z)
		gs[at:at + z] = ["0"] * z
		if k == "prefix-host":
			gs[3:7] = ["0"] * 4
		v = pc.v6_compress(gs)
		if k == "bracket-port":
			return v, "bracket port", "[", "]:" + str(g.choice([443, 8443, 53, 853, 9000]))
		return v, k, "", ""
	if sub == "v6-ipv4":
		a = pc.ipv4(g)
		form, var = g.choice([("::ffff:%s", "mapped"), ("64:ff9b::%s", "NAT64"), ("::FFFF:%s", "mapped upper"),
				      ("0:0:0:0:0:ffff:%s", "mapped full"), ("2001:db8:c000::%s", "RFC 6052 /96")])
		return form % a, var, "", ""
	raise ValueError(sub)


# ---- positive sub-format targets ----------------------------------------------------

TARGETS = {}
for s, n in [("basic", 30), ("plus-tag", 30), ("subdomain", 28), ("long-tld", 22), ("digits-underscore", 22),
	     ("mixed-case", 24), ("punycode", 18), ("atext", 50), ("new-tld", 30), ("percent-encoded", 40), ("idn", 18)]:
	TARGETS["EMAIL/" + s] = n
for s, n in [("paren", 28), ("dashed", 30), ("dotted", 22), ("spaced", 22), ("plain", 40), ("plus1", 30),
	     ("trunk1", 20)]:
	TARGETS["PHONE/NANP-" + s] = n
TARGETS["PHONE/E164-compact"] = 45
TARGETS["PHONE/E164-spaced"] = 80
for c in ["UK", "DE", "FR", "IT", "ES", "NL"]:
	TARGETS["PHONE/%s-national" % c] = 45
	TARGETS["PHONE/%s-intl" % c] = 28
for s, n in [("dashed", 80), ("spaced", 55), ("plain", 75)]:
	TARGETS["SSN/" + s] = n
for b, n in [("visa", 60), ("mastercard", 45), ("mastercard2", 36), ("amex", 50), ("discover", 40), ("jcb", 36),
	     ("diners", 36), ("unionpay", 40), ("maestro", 40), ("mir", 36)]:
	TARGETS["CARD/" + b] = n  # per brand; the sub name adds the format
for s, n in [("compact", 100), ("grouped", 120)]:
	TARGETS["IBAN/" + s] = n
for s, n in [("v4", 85), ("v4-port-cidr", 70), ("v6-full", 40), ("v6-compressed", 85), ("v6-ipv4", 40)]:
	TARGETS["IP/" + s] = n

WEAK = {"PHONE/NANP-plain", "SSN/plain", "SSN/spaced"} | {"PHONE/%s-national" % c for c in NAT_CC}


def is_weak(sub):
	return sub in WEAK


# ---- negatives: near misses that are not PII of the labelled types ---------------------


def neg_luhn(g):
	brand = g.choice(CARD_BRANDS)
	num, groups = card_digits(g, brand)
	bad = num[:-1] + str((int(num[-1]) + g.r.randint(1, 9)) % 10)
	fmt = g.choice(["plain", "spaced", "spaced", "dashed"])
	v = bad if fmt == "plain" else pc.group(bad, groups, " " if fmt == "spaced" else "-")
	return v, "%s %d digits %s" % (brand, len(bad), fmt)


def neg_iban_bad(g):
	v, cc = pc.iban_value(g, g.choice(IBAN_COUNTRIES))
	if g.chance(0.4):
		good = v[2:4]
		while v[2:4] == good:
			v = v[:2] + "%02d" % g.r.randint(2, 98) + v[4:]
		var = "check digits"
	elif g.chance(0.5):
		i = g.r.randint(6, len(v) - 2)
		if v[i] != v[i + 1]:
			v = v[:i] + v[i + 1] + v[i] + v[i + 2:]
			var = "transposed"
		else:
			v = v[:i] + str((int(v[i], 36) + 1) % 10) + v[i + 1:]
			var = "typo"
	else:
		i = g.r.randint(5, len(v) - 1)
		if v[i].isdigit():
			v = v[:i] + str((int(v[i]) + g.r.randint(1, 9)) % 10) + v[i + 1:]
		else:
			v = v[:i] + chr((ord(v[i]) - 65 + g.r.randint(1, 25)) % 26 + 65) + v[i + 1:]
		var = "typo"
	if pc.iban_ok(v):
		return neg_iban_bad(g)
	if g.chance(0.5):
		return pc.group(v, [4] * 9, " ").strip(), "%s %s paper" % (cc, var)
	return v, "%s %s electronic" % (cc, var)


def neg_ssn_bad(g):
	a, b, c = pc.ssn_parts(g)
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
	return sep.join([a, b, c]), k + {"-": " dashed", " ": " spaced", "": " plain"}[sep]


def neg_ssn_shape(g):
	a, b, c = pc.ssn_parts(g)
	return "%s-%s-%s" % (a, b, c), "3-2-4 id"


def neg_version(g):
	r = g.r
	k = g.choice(["build 4-part", "ip-shaped 4-part", "windows", "firmware", "pip pin", "npm range", "image tag",
		      "semver+build", "chrome", "android", "kernel"])
	if k == "build 4-part":
		v = "%d.%d.%d.%d" % (r.randint(1, 30), r.randint(0, 12), r.randint(100, 9999), r.randint(0, 999))
	elif k == "ip-shaped 4-part":
		v = "%d.%d.%d.%d" % (r.randint(1, 12), r.randint(0, 30), r.randint(0, 60), r.randint(1, 250))
	elif k == "windows":
		v = "10.0.%d.%d" % (g.choice([19041, 19045, 22000, 22621, 22631, 26100]), r.randint(1, 5000))
	elif k == "firmware":
		v = "v%d.%d.%d.%d" % (r.randint(1, 9), r.randint(0, 20), r.randint(0, 99), r.randint(1, 250))
	elif k == "pip pin":
		v = "%s==%d.%d.%d" % (g.choice(["requests", "numpy", "pydantic", "urllib3", "boto3", "sqlalchemy"]),
				      r.randint(1, 3), r.randint(0, 40), r.randint(0, 30))
	elif k == "npm range":
		v = "^%d.%d.%d" % (r.randint(1, 20), r.randint(0, 30), r.randint(0, 30))
	elif k == "image tag":
		v = "%s:%d.%d.%d-%s" % (g.choice(["node", "python", "postgres", "nginx", "redis"]), r.randint(1, 22),
					r.randint(0, 20), r.randint(0, 15), g.choice(["alpine", "slim", "bookworm"]))
	elif k == "semver+build":
		v = "%d.%d.%d+%d.%s" % (r.randint(0, 9), r.randint(0, 30), r.randint(0, 30), r.randint(20230101, 20261231),
					g.hexs(7))
	elif k == "chrome":
		v = "%d.0.%d.%d" % (r.randint(110, 131), r.randint(5400, 6800), r.randint(10, 220))
	elif k == "android":
		v = "%d.0.0.%d" % (r.randint(11, 15), r.randint(100, 400))
	else:
		v = "%d.%d.%d-%d-generic" % (r.randint(5, 6), r.randint(0, 15), r.randint(0, 120), r.randint(10, 60))
	return v, k


def neg_oid(g):
	r = g.r
	k = g.choice(["oid", "oid", "oid", "section", "clause-5", "§"])
	if k == "oid":
		v = g.choice(["1.3.6.1.4.1.%d.%d.%d.%d" % (r.randint(2000, 60000), r.randint(1, 9), r.randint(1, 30), r.randint(0, 9)),
			      "1.3.6.1.2.1.2.2.1.%d" % r.randint(1, 22), "2.16.840.1.%d.%d.%d" % (r.randint(100000, 114000), r.randint(1, 9), r.randint(1, 9)),
			      "1.2.840.10045.%d.%d" % (r.randint(1, 4), r.randint(1, 7)), "2.5.29.%d" % r.randint(14, 37),
			      "1.3.6.1.5.5.7.3.%d" % r.randint(1, 9)])
	elif k == "section":
		v = "%d.%d.%d.%d" % (r.randint(1, 14), r.randint(1, 9), r.randint(1, 12), r.randint(1, 9))
	elif k == "clause-5":
		v = "%d.%d.%d.%d.%d" % (r.randint(1, 9), r.randint(1, 9), r.randint(1, 9), r.randint(1, 9), r.randint(1, 9))
	else:
		v = "§ %d.%d.%d" % (r.randint(1, 40), r.randint(1, 9), r.randint(1, 9))
	return v, k


def neg_order(g):
	r = g.r
	k = g.choice(["SO-year", "dashed groups", "hash", "PO", "invoice-slash", "RMA", "alnum", "long digits"])
	if k == "SO-year":
		v = "SO-%d-%06d" % (r.randint(2021, 2026), r.randint(1, 999999))
	elif k == "dashed groups":
		v = "%04d-%04d-%02d" % (r.randint(1000, 9999), r.randint(0, 9999), r.randint(0, 99))
	elif k == "hash":
		v = "#%s-%d" % (g.letters(2), r.randint(10000, 999999))
	elif k == "PO":
		v = "PO-45%08d" % r.randint(0, 99999999)
	elif k == "invoice-slash":
		v = "%s-%d/%05d" % (g.choice(["RE", "FA", "FT", "INV"]), r.randint(2022, 2026), r.randint(1, 99999))
	elif k == "RMA":
		v = "RMA%07d" % r.randint(0, 9999999)
	elif k == "alnum":
		v = g.letters(3) + g.digits(6) + g.letters(1)
	else:
		v = g.digits(12, "123456789")
	return v, k


def neg_tracking(g):
	r = g.r
	k = g.choice(["UPS", "FedEx", "USPS", "DHL", "S10", "PostNL"])
	if k == "UPS":
		v = "1Z" + "".join(g.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(6)) + g.digits(10)
		if g.chance(0.5):
			v = "%s %s %s %s %s %s" % (v[:2], v[2:5], v[5:8], v[8:10], v[10:14], v[14:])
	elif k == "FedEx":
		v = g.digits(12, "6789")
		if g.chance(0.5):
			v = "%s %s %s" % (v[:4], v[4:8], v[8:])
	elif k == "USPS":
		v = "94" + g.digits(20)
		if g.chance(0.6):
			v = " ".join(v[i:i + 4] for i in range(0, 22, 4))
	elif k == "DHL":
		v = "JJD" + g.digits(18) if g.chance(0.5) else g.digits(10, "123456789")
	elif k == "S10":
		v = g.choice(["RR", "CP", "LX", "EE"]) + g.digits(9) + g.choice(["DE", "GB", "FR", "NL", "CN"])
	else:
		v = "3S" + g.letters(4) + g.digits(7)
	return v, k


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def neg_timestamp(g):
	r = g.r
	y, mo, d = r.randint(2019, 2027), r.randint(1, 12), r.randint(1, 28)
	h, mi, s = r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)
	k = g.choice(["iso-ms-z", "iso-offset", "nginx", "syslog", "compact", "epoch-s", "epoch-ms", "us-12h",
		      "dotted-de", "log4j", "rfc2822", "epoch-ns"])
	if k == "iso-ms-z":
		v = "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (y, mo, d, h, mi, s, r.randint(0, 999))
	elif k == "iso-offset":
		v = "%04d-%02d-%02dT%02d:%02d:%02d%s%02d:%s" % (y, mo, d, h, mi, s, g.choice("+-"), r.randint(0, 11), g.choice(["00", "30"]))
	elif k == "nginx":
		v = "%02d/%s/%04d:%02d:%02d:%02d +0000" % (d, MONTHS[mo - 1], y, h, mi, s)
	elif k == "syslog":
		v = "%s %2d %02d:%02d:%02d" % (MONTHS[mo - 1], d, h, mi, s)
	elif k == "compact":
		v = "%04d%02d%02d%02d%02d%02d" % (y, mo, d, h, mi, s)
	elif k == "epoch-s":
		v = str(r.randint(1546300800, 1830000000))
	elif k == "epoch-ms":
		v = str(r.randint(1546300800000, 1830000000000))
	elif k == "us-12h":
		v = "%d/%d/%04d %d:%02d %s" % (mo, d, y, r.randint(1, 12), mi, g.choice(["AM", "PM"]))
	elif k == "dotted-de":
		v = "%02d.%02d.%04d %02d:%02d" % (d, mo, y, h, mi)
	elif k == "log4j":
		v = "%04d-%02d-%02d %02d:%02d:%02d,%03d" % (y, mo, d, h, mi, s, r.randint(0, 999))
	elif k == "rfc2822":
		v = "%s, %02d %s %04d %02d:%02d:%02d +0%d00" % (g.choice(["Mon", "Tue", "Wed", "Thu", "Fri"]), d, MONTHS[mo - 1], y, h, mi, s, r.randint(0, 2))
	else:
		v = str(r.randint(1546300800, 1830000000)) + g.digits(9)
	return v, k


def rfc2822(g):
	r = g.r
	day = datetime.date(r.randint(2021, 2026), r.randint(1, 12), r.randint(1, 28))
	return "%s, %d %s %04d %02d:%02d:%02d %s" % (["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][day.weekday()], day.day,
						    MONTHS[day.month - 1], day.year, r.randint(0, 23), r.randint(0, 59),
						    r.randint(0, 59), g.choice(["+0000", "+0100", "+0200", "-0500", "-0800", "+0530"]))


def neg_date(g):
	r = g.r
	y, mo, d = r.randint(1950, 2027), r.randint(1, 12), r.randint(1, 28)
	k = g.choice(["dmy-dot", "mdy-slash", "iso", "dmy-dash", "d-mon-y", "ymd-slash", "compact"])
	v = {"dmy-dot": "%02d.%02d.%04d" % (d, mo, y), "mdy-slash": "%02d/%02d/%04d" % (mo, d, y),
	     "iso": "%04d-%02d-%02d" % (y, mo, d), "dmy-dash": "%02d-%02d-%04d" % (d, mo, y),
	     "d-mon-y": "%02d-%s-%04d" % (d, MONTHS[mo - 1], y), "ymd-slash": "%04d/%02d/%02d" % (y, mo, d),
	     "compact": "%04d%02d%02d" % (y, mo, d)}[k]
	return v, k


def neg_price(g):
	r = g.r
	k = g.choice(["eur-de", "chf", "sek", "try", "jpy", "brl", "pln", "usd-big", "gbp", "inr-lakh", "czk"])
	a, b, c = r.randint(1, 999), r.randint(0, 999), r.randint(0, 99)
	v = {"eur-de": "%d.%03d,%02d €" % (a, b, c), "chf": "CHF %d'%03d.%02d" % (a, b, c),
	     "sek": "%d %03d,%02d kr" % (a, b, c), "try": "₺%d.%03d,%02d" % (a, b, c), "jpy": "¥%d,%03d" % (a, b),
	     "brl": "R$ %d.%03d,%02d" % (a, b, c), "pln": "%d %03d,%02d zł" % (a, b, c),
	     "usd-big": "$%d,%03d,%03d.%02d" % (a, b, r.randint(0, 999), c), "gbp": "£%d,%03d.%02d" % (a, b, c),
	     "inr-lakh": "₹%d,%02d,%03d" % (r.randint(1, 99), r.randint(0, 99), b), "czk": "%d %03d Kč" % (a, b)}[k]
	return v, k


def neg_coords(g):
	r = g.r
	lat, lon = r.uniform(-70, 70), r.uniform(-170, 170)
	k = g.choice(["pair", "dms", "geo-uri", "wkt", "keyed", "geojson"])
	if k == "pair":
		v = "%.5f, %.5f" % (lat, lon)
	elif k == "dms":
		v = "%d°%02d′%02d″%s %d°%02d′%02d″%s" % (int(abs(lat)), r.randint(0, 59), r.randint(0, 59), "N" if lat >= 0 else "S",
							 int(abs(lon)), r.randint(0, 59), r.randint(0, 59), "E" if lon >= 0 else "W")
	elif k == "geo-uri":
		v = "geo:%.4f,%.4f" % (lat, lon)
	elif k == "wkt":
		v = "POINT(%.6f %.6f)" % (lon, lat)
	elif k == "keyed":
		v = "lat=%.6f&lng=%.6f" % (lat, lon)
	else:
		v = "[%.6f, %.6f]" % (lon, lat)
	return v, k


def neg_hash(g):
	k = g.choice(["md5", "sha1", "sha256", "git short", "sha256-prefixed", "git 12"])
	n = {"md5": 32, "sha1": 40, "sha256": 64, "git short": 7, "sha256-prefixed": 64, "git 12": 12}[k]
	v = g.hexs(n)
	if k == "sha256-prefixed":
		v = "sha256:" + v
	return v, k


def neg_uuid(g):
	h = g.hexs(32)
	u = "%s-%s-%s%s-%s%s-%s" % (h[:8], h[8:12], g.choice("147"), h[13:16], g.choice("89ab"), h[17:20], h[20:])
	k = g.choice(["lower", "lower", "upper", "braced", "urn"])
	if k == "upper":
		u = u.upper()
	elif k == "braced":
		u = "{" + u.upper() + "}"
	elif k == "urn":
		u = "urn:uuid:" + u
	return u, k


def neg_imei(g):
	body = g.choice(["35", "86", "01", "35", "49"]) + g.digits(12)
	v = body + pc.luhn_digit(body)
	k = g.choice(["plain", "plain", "dashed", "spaced"])
	if k == "dashed":
		v = "%s-%s-%s-%s" % (v[:2], v[2:8], v[8:14], v[14])
	elif k == "spaced":
		v = "%s %s %s %s" % (v[:2], v[2:8], v[8:14], v[14])
	return v, k


def neg_iccid(g):
	body = "89" + g.choice(["1", "44", "49", "33", "31", "34", "46", "45"]) + g.digits(2)
	body += g.digits(g.choice([18, 19]) - len(body))
	v = body + pc.luhn_digit(body)
	k = g.choice(["plain", "plain", "spaced"])
	return (v if k == "plain" else " ".join(v[i:i + 4] for i in range(0, len(v), 4))), "%d digits %s" % (len(v), k)


def neg_mac(g):
	b = [g.hexs(2) for _ in range(6)]
	k = g.choice(["colon", "colon-upper", "dash", "cisco", "bare"])
	v = {"colon": ":".join(b), "colon-upper": ":".join(b).upper(), "dash": "-".join(b).upper(),
	     "cisco": "%s.%s.%s" % ("".join(b[:2]), "".join(b[2:4]), "".join(b[4:])), "bare": "".join(b)}[k]
	return v, k


def neg_at(g):
	r = g.r
	k = g.choice(["npm scoped", "npm pin", "mention", "decorator", "java annotation", "css at-rule", "sql var",
		      "docker digest", "git remote", "shell prompt", "retina asset", "actions ref", "go module"])
	if k == "npm scoped":
		v = "@%s/%s" % (g.choice(["babel", "types", "nestjs", "aws-sdk", "tanstack", "vitejs"]),
				g.choice(["core", "node", "common", "client-s3", "react-query", "plugin-react"]))
		if g.chance(0.5):
			v += "@%d.%d.%d" % (r.randint(1, 20), r.randint(0, 30), r.randint(0, 30))
	elif k == "npm pin":
		v = "%s@%s%d.%d.%d" % (g.choice(["lodash", "axios", "zod", "prettier", "eslint", "next"]), g.choice(["", "^", "~"]),
				       r.randint(1, 15), r.randint(0, 30), r.randint(0, 30))
	elif k == "mention":
		v = "@" + g.choice(pc.FIRST) + g.choice(["", ".", "_", "-"]) + g.choice(pc.LAST)
	elif k == "decorator":
		v = "@" + g.choice(["app.get", "router.post", "pytest.mark.parametrize", "functools.lru_cache", "property",
				    "celery.task", "retry"])
	elif k == "java annotation":
		v = "@" + g.choice(["Override", "Transactional", "RestController", "Autowired", "JsonProperty"])
	elif k == "css at-rule":
		v = "@" + g.choice(["media", "font-face", "import", "keyframes", "supports", "container"])
	elif k == "sql var":
		v = "@" + g.choice(["customer_id", "StartDate", "total", "batchSize", "@ROWCOUNT"])
	elif k == "docker digest":
		v = "%s@sha256:%s" % (g.choice(["nginx", "redis", "ghcr.io/acme/api", "alpine"]), g.hexs(64))
	elif k == "git remote":
		v = "git@%s:%s/%s.git" % (g.choice(["github.com", "gitlab.com", "bitbucket.org", "git.internal.example.net"]),
					  g.choice(["acme", "platform-team", "infra"]), g.choice(["billing-api", "web", "terraform-modules"]))
	elif k == "shell prompt":
		v = "%s@%s" % (g.choice(["root", "deploy", "ubuntu", "ci"]), g.choice(["web-prod-03", "bastion", "build-7", "db1"]))
	elif k == "retina asset":
		v = "%s@%dx.%s" % (g.choice(["logo", "icon-cart", "hero", "avatar"]), r.randint(2, 3), g.choice(["png", "webp", "jpg"]))
	elif k == "actions ref":
		v = "%s@v%d" % (g.choice(["actions/checkout", "actions/setup-node", "docker/build-push-action"]), r.randint(2, 5))
	else:
		v = "%s@v%d.%d.%d" % (g.choice(["golang.org/x/net", "github.com/spf13/cobra", "go.uber.org/zap"]),
				      r.randint(0, 1), r.randint(0, 30), r.randint(0, 12))
	return v, k


EIN_PREFIX = [1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23, 24, 25, 26, 27, 30, 31, 32, 33, 34, 35,
	      36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62,
	      63, 64, 65, 66, 67, 68, 71, 72, 73, 74, 75, 76, 77, 80, 81, 82, 83, 84, 85, 86, 87, 88, 90, 91, 92, 93,
	      94, 95, 98, 99]


def neg_ein(g):
	return "%02d-%07d" % (g.choice(EIN_PREFIX), g.r.randint(0, 9999999)), "dashed"


def aba(g):
	body = "%02d" % g.choice([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 22, 23, 26, 31, 32]) + g.digits(6)
	w = [3, 7, 1, 3, 7, 1, 3, 7]
	return body + str((10 - sum(int(d) * w[i] for i, d in enumerate(body)) % 10) % 10)


def aba_ok(v):
	return len(v) == 9 and sum(int(d) * w for d, w in zip(v, [3, 7, 1] * 3)) % 10 == 0


def neg_aba(g):
	return aba(g), "9 digits"


def isbn13(g):
	body = g.choice(["978", "979"]) + g.digits(9)
	c = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body)) % 10) % 10
	return body + str(c)


def neg_phonelike(g):
	r = g.r
	k = g.choice(["isbn-13", "isbn-10", "ean-13", "customer 10", "claim 3-3-4", "invoice 0+10", "ref pairs",
		      "quantity 3-3", "case 4-3-3"])
	if k == "isbn-13":
		b = isbn13(g)
		v = "%s-%s-%s-%s-%s" % (b[:3], b[3], b[4:8], b[8:12], b[12])
	elif k == "isbn-10":
		body = g.digits(9)
		c = (11 - sum((10 - i) * int(d) for i, d in enumerate(body)) % 11) % 11
		v = "%s-%s-%s-%s" % (body[0], body[1:4], body[4:9], "X" if c == 10 else c)
	elif k == "ean-13":
		body = g.digits(12, "4")
		v = body + str((10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body)) % 10) % 10)
	elif k == "customer 10":
		v = g.digits(10, "123456789")
	elif k == "claim 3-3-4":
		v = "%s-%s-%s" % (g.digits(3, "123456789"), g.digits(3), g.digits(4))
	elif k == "invoice 0+10":
		v = "0" + g.digits(10)
	elif k == "ref pairs":
		v = " ".join([g.digits(2, "123456789")] + [g.digits(2) for _ in range(4)])
	elif k == "quantity 3-3":
		v = "%d %03d %03d" % (r.randint(10, 999), r.randint(0, 999), r.randint(0, 999))
	else:
		v = "%s-%s-%s" % (g.digits(4, "123456789"), g.digits(3), g.digits(3))
	return v, k


def npi(g):
	body = g.choice("12") + g.digits(8)
	return body + pc.luhn_digit("80840" + body)


def neg_npi(g):
	return npi(g), "10 digits"


def neg_bad_ip(g):
	r = g.r
	k = g.choice(["octet > 255", "octet > 255", "octet > 255", "v6 double ::", "v6 nine groups", "v6 non-hex",
		      "v6 5-digit group"])
	if k == "octet > 255":
		o = [r.randint(1, 223), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)]
		o[r.randint(0, 3)] = r.randint(256, 999)
		v = ".".join(map(str, o))
	elif k == "v6 double ::":
		v = "2001:db8::%s::%s" % (g.hexs(3).lstrip("0") or "1", g.hexs(2).lstrip("0") or "2")
	elif k == "v6 nine groups":
		v = ":".join(g.hexs(4) for _ in range(9))
	elif k == "v6 non-hex":
		v = "2001:db8:%s:%s::%s" % (g.hexs(4), g.choice(["g1", "zz", "x9", "qq0"]), g.hexs(3))
	else:
		v = "2001:db8:%s::%s" % (g.hexs(5), g.hexs(3))
	return v, k


def neg_masked(g):
	k = g.choice(["card stars", "card bullets", "card X", "ssn X", "ssn stars", "iban bullets", "phone bullets",
		      "card last4"])
	d4 = g.digits(4)
	v = {"card stars": "**** **** **** " + d4, "card bullets": "•••• " + d4, "card X": "XXXX-XXXX-XXXX-" + d4,
	     "ssn X": "XXX-XX-" + d4, "ssn stars": "***-**-" + d4,
	     "iban bullets": "%s%s •••• •••• •••• %s" % (g.choice(["DE", "NL", "FR", "ES", "IT"]), g.digits(2), d4),
	     "phone bullets": "+%s ••• ••• %s" % (g.choice(["44", "49", "33", "1"]), d4),
	     "card last4": "ending " + d4}[k]
	return v, k


def neg_bic(g):
	bank = g.choice(["DEUT", "COBA", "BNPA", "INGB", "UNCR", "CAIX", "NDEA", "SWED", "RABO", "BARC", "SOGE", "BBVA"])
	v = bank + g.choice(["DE", "FR", "NL", "IT", "ES", "NO", "SE", "GB"]) + g.choice(["FF", "PP", "2A", "MM", "BB", "KK", "SS", "22"])
	k = "8"
	if g.chance(0.5):
		v += g.choice(["XXX", "500", "100", "MUC"])
		k = "11"
	return v, k


def neg_qty(g):
	r = g.r
	k = g.choice(["space groups", "nbsp groups", "dot groups", "comma groups", "apostrophe groups"])
	n = r.randint(10000, 99999999)
	s = "{:,}".format(n)
	v = {"space groups": s.replace(",", " "), "nbsp groups": s.replace(",", NBSP), "dot groups": s.replace(",", "."),
	     "comma groups": s, "apostrophe groups": s.replace(",", "'")}[k]
	return v, k


NEG_KINDS = {
	"luhn": ("card failing Luhn", neg_luhn),
	"ibanbad": ("IBAN failing mod-97", neg_iban_bad),
	"ssnbad": ("invalid SSN", neg_ssn_bad),
	"ssnshape": ("SSN-shaped number, non-SSN context", neg_ssn_shape),
	"ver": ("version", neg_version),
	"oid": ("OID / section number", neg_oid),
	"order": ("order number", neg_order),
	"track": ("tracking number", neg_tracking),
	"ts": ("timestamp", neg_timestamp),
	"date": ("date", neg_date),
	"price": ("price", neg_price),
	"geo": ("coordinates", neg_coords),
	"hash": ("hash", neg_hash),
	"uuid": ("UUID", neg_uuid),
	"imei": ("IMEI (Luhn-valid)", neg_imei),
	"iccid": ("ICCID (Luhn-valid)", neg_iccid),
	"mac": ("MAC address", neg_mac),
	"at": ("@ but not an e-mail", neg_at),
	"ein": ("EIN", neg_ein),
	"aba": ("ABA routing number", neg_aba),
	"phonelike": ("phone-like number, non-phone context", neg_phonelike),
	"npi": ("NPI (Luhn-valid, not a card)", neg_npi),
	"badip": ("invalid IP address", neg_bad_ip),
	"masked": ("masked value", neg_masked),
	"bic": ("BIC / SWIFT code", neg_bic),
	"qty": ("number with digit groups", neg_qty),
}
NEG_TARGET = 52


# ---- building texts ------------------------------------------------------------------------

COUNTRY_PHONE_SUBS = {c: ["PHONE/%s-national" % c, "PHONE/%s-intl" % c] for c in NAT_CC}
COUNTRY_PHONE_SUBS["NANP"] = ["PHONE/NANP-" + s for s in ["paren", "dashed", "dotted", "spaced", "plain", "plus1", "trunk1"]]
IP_PLAIN = ["IP/v4", "IP/v6-full", "IP/v6-compressed", "IP/v6-ipv4"]
EMAIL_DEFAULT = [s for s in TARGETS if s.startswith("EMAIL/") and s != "EMAIL/percent-encoded"]


class Corpus:
	def __init__(self, seed):
		self.g = pc.Gen(seed, SPLIT)
		self.count = dict((k, 0) for k in TARGETS)
		self.neg_count = dict((k, 0) for k in NEG_KINDS)
		self.weak_ctx = {"PHONE": 0, "SSN": 0}
		self.weak_no = {"PHONE": 0, "SSN": 0}

	def deficit(self, key):
		return (TARGETS[key] - self.count[key]) / TARGETS[key]

	def pick_sub(self, typ, ctx, allowed=None):
		subs = allowed or [s for s in TARGETS if s.startswith(typ + "/")]
		if typ in self.weak_ctx:
			strong = [s for s in subs if not is_weak(s)]
			if strong and not ctx and self.weak_no[typ] > self.weak_ctx[typ]:
				subs = strong
			elif strong and ctx and self.weak_ctx[typ] > self.weak_no[typ] + 15:
				subs = strong
		return max(subs, key=lambda s: self.deficit(s) + self.g.r.random() * 0.08)

	def pick_neg(self, keys):
		return sorted(keys, key=lambda k: -((NEG_TARGET - self.neg_count[k]) / NEG_TARGET + self.g.r.random() * 0.1))[0]


WRAPS = [("(", ")"), ('"', '"'), ("'", "'"), ("[", "]"), ("“", "”"), ("«", "»"), ("「", "」"), ("`", "`"),
	 ("**", "**"), ("<", ">"), ("", "."), ("", ","), ("", ";"), ("", "!"), ("", "?"), ("", ")."), ("", "…"),
	 ("👉 ", ""), ("", " ✅"), ("→ ", ""), ("", " 🙏")]


def deco_fits(deco, var, pre, post):
	"""Is an IP's decoration one the slot allows? deco: False, True (any), or "cidr", "port", "cidr|port"."""
	if not (pre or post):
		return True
	if deco is True:
		return True
	if not deco:
		return False
	if post.startswith("%") and not pre:
		kind = "port"  # a zone id: allowed wherever a port is
	elif post.startswith("/") and not pre:
		kind = "cidr"
	elif not pre or pre == "[":
		kind = "port"
	else:
		kind = "url"
	return kind in deco.split("|")


class Doc:
	"""One text: pieces of str, with the UTF-8 byte offsets of labels and negatives."""

	def __init__(self, c, tpl):
		self.c, self.g, self.tpl = c, c.g, tpl
		self.parts, self.nbytes = [], 0
		self.labels, self.negatives = [], []

	def t(self, s):
		self.parts.append(s)
		self.nbytes += len(s.encode("utf-8"))
		return self

	def text(self):
		return "".join(self.parts)

	def _mark(self, s):
		start = self.nbytes
		self.t(s)
		return start, self.nbytes

	def v(self, typ, ctx=False, key=False, where=None, ext=False, deco=False, wrap=False, raw=False):
		"""Write a value of typ. ctx: the template puts a naming word on the value's line; key: a column
		header or form label (not on the line) names it; where: a country for PHONE ("DE", "NANP", "PT"),
		a list of subs otherwise; ext: a phone extension may follow; deco: an IP may carry a port/prefix/URL;
		wrap: punctuation may surround it; raw: return the value instead of writing it."""
		g, c = self.g, self.c
		allowed = None
		force_country = None
		if typ == "PHONE" and where:
			if where in COUNTRY_PHONE_SUBS:
				allowed = COUNTRY_PHONE_SUBS[where]
			else:
				allowed = ["PHONE/E164-compact", "PHONE/E164-spaced"]
				force_country = where
		elif isinstance(where, list):
			allowed = where
		elif typ == "EMAIL":
			allowed = EMAIL_DEFAULT
		elif typ == "IP" and not deco:
			allowed = IP_PLAIN
		elif typ == "IP" and deco == "cidr":
			allowed = IP_PLAIN + ["IP/v4-port-cidr"]
		key_sub = c.pick_sub(typ, ctx or key, allowed)
		c.count[key_sub] += 1
		pre = post = ""
		region = None
		if typ == "EMAIL":
			v, var = gen_email(g, key_sub[6:])
			sub = key_sub
		elif typ == "PHONE":
			if force_country:
				v, var = e164_fmt(g, key_sub[11:], force_country)
				region = "E164"
			else:
				v, var, region = gen_phone(g, key_sub[6:])
			sub = key_sub
		elif typ == "SSN":
			v, var = gen_ssn(g, key_sub[4:])
			sub = key_sub
		elif typ == "CARD":
			v, sub, var = gen_card(g, key_sub[5:])
		elif typ == "IBAN":
			v, var = gen_iban(g, key_sub[5:])
			sub = key_sub
		else:
			v, var, pre, post = gen_ip(g, key_sub[3:])
			sub = key_sub
			while deco and key_sub == "IP/v6-compressed" and not (pre or post) and g.chance(0.6):
				v, var, pre, post = gen_ip(g, key_sub[3:])
			while not deco_fits(deco, var, pre, post):
				v, var, pre, post = gen_ip(g, key_sub[3:])
		if typ in c.weak_ctx and is_weak(sub):
			if ctx or key:
				c.weak_ctx[typ] += 1
			else:
				c.weak_no[typ] += 1
		if ext and typ == "PHONE" and g.chance(0.3):
			post = g.choice(EXT[region]) % g.r.randint(2, 399) if region in EXT else ""
			if post:
				var += " +ext"
		wpre = wpost = ""
		if wrap and g.chance(0.35):
			wpre, wpost = g.choice(WRAPS)
			if typ == "IP" and ":" in v and wpost.startswith(":"):
				wpre = wpost = ""
		self.t(wpre + pre)
		start, end = self._mark(v)
		self.t(post + wpost)
		self.labels.append({"type": typ, "sub": sub, "variant": var, "ctx": None, "tpl": self.tpl,
				    "start": start, "end": end, "_declared": bool(ctx or key), "_key": bool(key)})
		return self

	def n(self, keys, wrap=False):
		"""Write a negative of one of the kinds keys ("ts|uuid" or a list)."""
		if isinstance(keys, str):
			keys = keys.split("|")
		k = self.c.pick_neg(keys)
		self.c.neg_count[k] += 1
		kind, fn = NEG_KINDS[k]
		v, var = fn(self.g)
		start, end = self._mark(v)
		self.negatives.append({"kind": kind, "variant": var, "tpl": self.tpl, "start": start, "end": end})
		return self

	def label_value(self, typ, sub, v, variant, ctx=False):
		"""Write a value the shape builds itself (already valid; checked again by selfcheck_record)."""
		self.c.count[sub] += 1
		start, end = self._mark(v)
		self.labels.append({"type": typ, "sub": sub, "variant": variant, "ctx": None, "tpl": self.tpl,
				    "start": start, "end": end, "_declared": ctx, "_key": False})
		return self

	def neg_value(self, key, v, variant):
		"""Write a negative whose value the shape builds itself."""
		self.c.neg_count[key] += 1
		start, end = self._mark(v)
		self.negatives.append({"kind": NEG_KINDS[key][0], "variant": variant, "tpl": self.tpl, "start": start, "end": end})
		return self

	def f(self, s):
		"""Write a template string: {P} {P+} {S} {S+} {E} {C} {B} {I} values ('+' the line names the type,
		'!' a header names it, 'x' extension allowed, 'd' IP decoration, 'w' wrap, ':XX' where),
		{N:kind|kind} negatives, {name} {first} {last} {city} {company} {product} {dom} fillers."""
		pos = 0
		for m in re.finditer(r"\{([A-Z]|[a-z]+)([+!xdw]*)(?::([^}]*))?\}", s):
			self.t(s[pos:m.start()])
			pos = m.end()
			slot, flags, arg = m.group(1), m.group(2), m.group(3)
			typ = {"P": "PHONE", "S": "SSN", "E": "EMAIL", "C": "CARD", "B": "IBAN", "I": "IP"}.get(slot)
			if typ:
				where, deco = arg, "d" in flags
				if typ == "IP" and deco and arg:
					where, deco = None, arg
				elif arg and typ != "PHONE":
					where = [x if "/" in x else typ + "/" + x for x in arg.split("|")]
				self.v(typ, ctx="+" in flags, key="!" in flags, where=where, ext="x" in flags, deco=deco,
				       wrap="w" in flags)
			elif slot == "N":
				self.n(arg)
			else:
				self.t(FILL[slot](self.g))
		self.t(s[pos:])
		return self


FILL = {
	"name": name,
	"first": lambda g: g.choice(FIRSTS),
	"last": lambda g: g.choice(LASTS),
	"city": lambda g: g.choice(CITIES),
	"company": lambda g: g.choice(COMPANIES),
	"product": lambda g: g.choice(PRODUCTS),
	"dom": lambda g: g.choice(DOMAINS),
	"word": lambda g: g.choice(WORDS),
	"n": lambda g: str(g.r.randint(2, 480)),
	"hh": lambda g: "%02d:%02d" % (g.r.randint(7, 19), g.r.randint(0, 59)),
	"user": lambda g: g.choice(pc.FIRST) + "." + g.choice(pc.LAST),
	"id": lambda g: g.letters(3) + "-" + str(g.r.randint(100, 9999)),
}


# ---- document shapes --------------------------------------------------------------------
#
# Each shape writes one text into a Doc. In value slots, '+' means the template itself puts a
# word naming the type on the value's line, '!' that a column header / form label names it;
# PHONE and SSN slots are checked against the computed ctx.

def safe_hex(g, n):
	"""A hex id for filler text: no long digit runs that could read as a number."""
	while True:
		h = g.hexs(n)
		if not re.search(r"\d{5}", h):
			return h


def pick(g, seq, k):
	seq = list(seq)
	g.r.shuffle(seq)
	return seq[:k]


CHAT_EN = [
	"Can you draft a polite reply to {name}? Her mobile is {P+wx} and she prefers texts.",
	"Please add {name} to the vendor list, phone {P+x}, email {Ew}.",
	"I need to reach {first} before noon - try {P} or {P}.",
	"Write a short note to {first}: the courier will ring {Pw} when he's outside.",
	"Customer says her SSN {S+w} was typed wrong on the loan form, the right one starts differently.",
	"Look up the applicant with social security number {S+} and tell me the status.",
	"Here's what I have for him: {S}, born {N:date}, {city}.",
	"Charge the deposit to the Visa ending in the number below:\n{C}",
	"The refund should go to IBAN {Bw} - double-check the name matches {name}.",
	"Is {Iwd} one of ours? It keeps hitting the login page.",
	"Block {Id:cidr|port} on the firewall and tell me when it's done.",
	"Summarise: {name} ({E}) asked us to stop calling {P}.",
	"My new number is {P+w} (old one is gone), can you update the CRM? Thanks! (phone change)",
	"Text me on WhatsApp: {P+w}",
	"Quick q - does {Cw} look like a valid card to you? The checkout says no.",
	"Send the contract to {Ew} and cc {E}.",
	"Translate into German: \"Please call our office at {P+} if the delivery is late.\" (phone)",
	"Extract the fields: name={name}; tel={P+}; iban={B}; note=urgent",
	"He wrote his number on the napkin: {P}. Can you guess which country that is?",
	"Fax the signed form to {P+x} or email it to {E}.",
	"Pay {N:price} by card {C} and keep the receipt {N:order}.",
	"What's the geolocation of {I}? And of {I}?",
	"{name}, {P}, {city} - add to the delivery route for {N:date}.",
	"Hey, use {P} for the pickup, ring twice.",
]
REPLY_EN = [
	"Sure! Here is the updated contact card:\n\n- **Name:** {name}\n- **Phone:** {P+x}\n- **Email:** {E}\n- **Company:** {company}\n",
	"I found two matching records:\n1. {name} — {P} — {city}\n2. {name} — {P} — {city}\nWhich one should I update?",
	"Done. I've set the payout account to `{B}` and the notification address to `{E}`.",
	"The request came from {Id:port} (and, five minutes later, from {Id:port}). Both are outside your allowlist.",
	"Here is the masked summary you asked for: card {N:masked}, SSN {N:masked}, phone {P+}.",
	"I can't verify {S+} as an SSN on my own, but the format is valid. Please confirm with the applicant.",
	"Based on the invoice, the supplier's bank account is {B} and their reference is {N:order}.",
	"Call {first} back at {P} — she asked to be called after {hh}.",
	"The card on file is {C}; it expires next month, so the renewal on {N:date} may fail.",
]


def shape_chat(d):
	g = d.g
	if g.chance(0.3):
		d.t(g.choice(["User: ", "Q: ", "> ", "", "[user] "]))
	d.f(g.choice(CHAT_EN))
	if g.chance(0.25):
		k = g.choice([(" (ref ", ")"), (" — see ticket ", ""), (" / job ", "."), (" [", "]")])
		d.t(k[0]).n("order|uuid|track").t(k[1])


def shape_reply(d):
	d.t(d.g.choice(["", "Assistant: ", "", "**Assistant**\n\n"]))
	d.f(d.g.choice(REPLY_EN))


def shape_ticket(d):
	g = d.g
	d.t("Ticket %s-%d | Priority: %s | Channel: %s\n" % (g.choice(["SUP", "HELP", "CS", "OPS"]), g.r.randint(1000, 99999),
							      g.choice(["P2", "P3", "high", "normal"]), g.choice(["web", "phone", "email", "chat"])))
	d.t("Opened: ").n("ts").t("\n")
	d.t("Requester: {0}\n".format(name(g)))
	if g.chance(0.6):
		d.f(g.choice(["Contact phone: {P+}\n", "Callback: {P+x}\n", "Preferred contact: {P}\n", "Mobile: {P+}\n"]))
	if g.chance(0.6):
		d.f(g.choice(["Email: {E}\n", "Reply to: {E}\n"]))
	d.t("\n")
	d.f(g.choice([
		"Customer can't log in since the update. Device IMEI {N:imei}, app {N:ver}. Last seen from {I}.\n",
		"Order {N:order} arrived damaged ({product}). Wants a refund to the card used: {C}.\n",
		"Please change the direct debit account to {B}; the old one is closed.\n",
		"Caller verified identity with last four of SSN only ({N:masked}). Full SSN on the W-9 is {S+}.\n",
		"The customer read out the number twice: {P}. Line was bad, please confirm before calling back.\n",
		"Shipment {N:track} stuck in customs. Customer asks us to call {P} instead of emailing.\n",
		"Router {N:mac} keeps dropping; WAN address {I}, firmware {N:ver}.\n",
		"Duplicate charge of {N:price} on card {C} — see screenshot.\n",
	]))
	d.t(g.choice(["\nInternal note: escalate to billing.", "\n-- agent " + g.choice(pc.FIRST), "", "\nSLA: 24h"]))


LETTERS = {
	"de": ("DE", "Sehr geehrte Damen und Herren,", "Mit freundlichen Grüßen", [
		"Sie erreichen mich telefonisch unter {P+x}.", "Meine Handynummer lautet {P+w}.", "Telefon: {P+x}",
		"Rückruf bitte unter der Festnetznummer {P+}.", "Sie erreichen mich tagsüber unter {P}.",
		"Bei Rückfragen: {P} (werktags ab 9 Uhr).", "Bitte überweisen Sie den Betrag auf mein Konto {B}.",
		"Die Erstattung bitte auf {Bw} überweisen.", "Meine neue E-Mail-Adresse ist {E}.", "Schreiben Sie mir an {Ew}",
		"Meine Kreditkarte {C} wurde am {N:date} doppelt belastet.", "Ihre Rechnung {N:order} über {N:price} habe ich erhalten.",
		"Die Sendung {N:track} ist noch nicht angekommen."]),
	"fr": ("FR", "Madame, Monsieur,", "Cordialement,", [
		"Vous pouvez me joindre au {P+x} (portable).", "Mon numéro de téléphone : {P+}", "Tél. : {P+x}",
		"Je reste joignable au {P} en journée.", "Merci de me rappeler au {Pw} après 18 h.",
		"Merci de rembourser sur le compte {B}.", "Voici mon RIB/IBAN : {B}", "Mon courriel : {E}",
		"Écrivez-moi à {Ew}", "Ma carte {C} a été débitée deux fois le {N:date}.",
		"Facture {N:order} d'un montant de {N:price}.", "Colis {N:track} toujours en attente."]),
	"it": ("IT", "Gentili Signori,", "Cordiali saluti,", [
		"Potete contattarmi al cellulare {P+x}.", "Il mio numero di telefono è {P+}.", "Tel. {P+x}",
		"Sono raggiungibile al {P} dopo le 18.", "Per urgenze: {Pw}", "Vi prego di effettuare il rimborso sul conto {B}.",
		"IBAN: {B}", "La mia e-mail è {E}.", "Scrivetemi a {Ew}", "La carta {C} è stata addebitata due volte.",
		"Fattura {N:order} di {N:price}.", "Spedizione {N:track} in ritardo."]),
	"es": ("ES", "Estimados señores:", "Atentamente,", [
		"Pueden llamarme al móvil {P+x}.", "Mi teléfono es {P+w}.", "Tel.: {P+x}", "Estoy disponible en el {P} por las tardes.",
		"Llámenme al {Pw} cuando puedan.", "Por favor, devuelvan el importe a la cuenta {B}.", "IBAN: {B}",
		"Mi correo es {E}.", "Escríbanme a {Ew}", "Mi tarjeta {C} fue cargada dos veces.", "Factura {N:order} por {N:price}.",
		"El envío {N:track} no ha llegado."]),
	"nl": ("NL", "Geachte heer, mevrouw,", "Met vriendelijke groet,", [
		"U kunt mij bereiken op mijn mobiel {P+x}.", "Mijn telefoonnummer is {P+}.", "Tel.: {P+x}",
		"Ik ben overdag bereikbaar op {P}.", "Bel me even op {Pw}", "Graag het bedrag terugstorten op rekening {B}.",
		"IBAN: {B}", "Mijn e-mail: {E}", "Mail me op {Ew}", "Mijn creditcard {C} is twee keer belast.",
		"Factuur {N:order} van {N:price}.", "Pakket {N:track} is nog niet bezorgd."]),
	"en": ("UK", "Dear Sir or Madam,", "Kind regards,", [
		"You can reach me on my mobile, {P+x}.", "My phone number is {P+w}.", "Tel: {P+x}", "I'm usually reachable on {P}.",
		"Ring me on {Pw} if anything is unclear.", "Please refund the amount to account {B}.", "IBAN: {B}",
		"My email is {E}.", "Write to me at {Ew}", "My card {C} was charged twice on {N:date}.",
		"Invoice {N:order} for {N:price}.", "Parcel {N:track} hasn't arrived yet."]),
	"us": ("NANP", "Hello,", "Best,", [
		"You can reach me on my cell, {P+x}.", "My phone number is {P+w}.", "Phone: {P+x}", "I'm usually reachable at {P}.",
		"Give me a ring at {Pw} if anything is unclear.", "My SSN for the tax form is {S+}.", "SSN: {S+w}",
		"The form already has {S} on it, please don't ask again.", "My email is {E}.", "Write to me at {Ew}",
		"My card {C} was charged twice on {N:date}.", "Invoice {N:order} for {N:price}.", "Routing {N:aba}, see the attached check."]),
	"pt": ("PT", "Exmos. Senhores,", "Com os melhores cumprimentos,", [
		"Podem contactar-me pelo telemóvel {P+}.", "O meu telefone é {P+w}.", "Estou contactável pelo {P} durante o dia.",
		"Por favor, reembolsem para a conta {B}.", "IBAN: {B}", "O meu e-mail é {E}.", "O cartão {C} foi debitado duas vezes.",
		"Fatura {N:order} no valor de {N:price}."]),
	"pl": ("PL", "Szanowni Państwo,", "Z poważaniem,", [
		"Mój numer telefonu to {P+}.", "Proszę dzwonić na komórkę {P+w}.", "Jestem dostępny pod {P} po 17.",
		"Proszę o zwrot na konto {B}.", "Numer IBAN: {B}", "Mój e-mail: {E}", "Karta {C} została obciążona dwukrotnie.",
		"Faktura {N:order} na kwotę {N:price}."]),
	"sv": ("SE", "Hej,", "Med vänliga hälsningar,", [
		"Mitt mobilnummer är {P+}.", "Ring mig på telefon {P+w}.", "Du når mig på {P} efter lunch.",
		"Återbetala till konto {B}.", "IBAN: {B}", "Min e-post är {E}.", "Kortet {C} debiterades två gånger.",
		"Faktura {N:order} på {N:price}."]),
	"cs": ("CZ", "Dobrý den,", "S pozdravem,", [
		"Moje telefonní číslo je {P+}.", "Volejte mi na mobil {P+w}.", "Jsem k zastižení na {P} odpoledne.",
		"Vraťte prosím peníze na účet {B}.", "IBAN: {B}", "Můj e-mail: {E}", "Karta {C} byla stržena dvakrát.",
		"Faktura {N:order} na {N:price}."]),
	"da": ("DK", "Hej,", "Med venlig hilsen,", [
		"Mit mobilnummer er {P+}.", "Ring på tlf. {P+w}.", "Du kan fange mig på {P} i dag.",
		"Beløbet bedes indsat på konto {B}.", "IBAN: {B}", "Min e-mail er {E}.", "Kortet {C} blev trukket to gange.",
		"Faktura {N:order} på {N:price}."]),
	"no": ("NO", "Hei,", "Vennlig hilsen", [
		"Mobilnummeret mitt er {P+}.", "Ring meg på telefon {P+w}.", "Du når meg på {P} etter klokka ti.",
		"Pengene kan settes inn på konto {B}.", "IBAN: {B}", "E-post: {E}", "Kortet {C} ble belastet to ganger.",
		"Faktura {N:order} på {N:price}."]),
	"fi": ("FI", "Hei,", "Ystävällisin terveisin", [
		"Puhelinnumeroni on {P+}.", "Soita matkapuhelimeen {P+w}.", "Tavoitat minut numerosta {P} iltapäivisin.",
		"Palauttakaa rahat tilille {B}.", "IBAN: {B}", "Sähköposti: {E}", "Kortti {C} veloitettiin kahdesti.",
		"Lasku {N:order}, summa {N:price}."]),
	"tr": ("TR", "Merhaba,", "Saygılarımla,", [
		"Cep telefonum: {P+}", "Telefon numaram {P+w}.", "Bana {P} üzerinden ulaşabilirsiniz.",
		"Lütfen iadeyi {B} hesabına yapın.", "IBAN: {B}", "E-posta adresim: {E}", "Kartım {C} iki kez çekildi.",
		"Fatura {N:order}, tutar {N:price}."]),
	"ro": ("RO", "Bună ziua,", "Cu stimă,", [
		"Numărul meu de telefon este {P+}.", "Mă puteți suna pe mobil la {P+w}.", "Sunt disponibil la {P} după-amiaza.",
		"Vă rog returnați banii în contul {B}.", "IBAN: {B}", "E-mail: {E}", "Cardul {C} a fost debitat de două ori.",
		"Factura {N:order} în valoare de {N:price}."]),
	"el": ("GR", "Αξιότιμοι κύριοι,", "Με εκτίμηση,", [
		"Το κινητό μου είναι {P+}.", "Τηλέφωνο επικοινωνίας: {P+w}", "Θα με βρείτε στο {P} το απόγευμα.",
		"Παρακαλώ επιστρέψτε τα χρήματα στον λογαριασμό {B}.", "IBAN: {B}", "Email: {E}", "Η κάρτα {C} χρεώθηκε δύο φορές.",
		"Τιμολόγιο {N:order}, ποσό {N:price}."]),
	"ja": ("JP", "お世話になっております。", "よろしくお願いいたします。", [
		"携帯：{P+}", "電話番号は{P+w}です。", "{P}までご連絡ください。", "返金は口座{B}へお願いします。", "メール：{E}",
		"カード{C}が二重に請求されました。", "請求書{N:order}、金額{N:price}。"]),
	"zh": ("CN", "您好，", "此致敬礼", [
		"手机：{P+}", "我的电话是{P+w}。", "请打{P}联系我。", "请退款到账户{B}。", "邮箱：{E}",
		"卡号{C}被重复扣款。", "发票{N:order}，金额{N:price}。"]),
}


def shape_letter(d, lang=None):
	g = d.g
	lang = lang or g.choice(sorted(LETTERS))
	country, hello, bye, lines = LETTERS[lang]
	d.t(hello + "\n\n")
	chosen = pick(g, lines, g.choice([1, 2, 2, 3]))
	for ln in chosen:
		_letter_line(d, ln, country)
		d.t(g.choice(["\n", "\n\n"]))
	d.t("\n" + bye + "\n" + name(g))


def _letter_line(d, ln, country):
	if "{P" in ln:
		ln = re.sub(r"\{P([+!xdw]*)\}", lambda m: "{P%s:%s}" % (m.group(1), country), ln)
	d.f(ln)


def shape_letter_ctxfocus(d):
	"""letters again, in the languages whose national plans pii_corpus.py covers."""
	shape_letter(d, d.g.choice(["de", "fr", "it", "es", "nl", "en", "us"]))


def shape_email_msg(d):
	g = d.g
	n1, n2 = name(g), name(g)
	d.t("From: \"%s\" <" % n1).v("EMAIL").t(">\n")
	d.t("To: ")
	for i in range(g.choice([1, 2, 3])):
		if i:
			d.t(", ")
		if g.chance(0.5):
			d.t(name(g) + " <").v("EMAIL").t(">")
		else:
			d.v("EMAIL")
	d.t("\n")
	if g.chance(0.4):
		d.t("Cc: ").v("EMAIL").t(g.choice([", ", ";"])).v("EMAIL").t("\n")
	d.t("Date: ").neg_value("ts", rfc2822(g), "rfc2822").t("\n")
	d.t("Subject: %s\n" % g.choice(["Re: delivery address", "AW: Rückruf", "TR: facture", "Fwd: new bank details",
					 "contract renewal", "Re: Re: quick question"]))
	d.t("Message-ID: <").neg_value("at", "%s.%s@mail.%s" % (safe_hex(g, 12), safe_hex(g, 8), g.choice(["example.com", "example.net"])), "Message-ID").t(">\n\n")
	d.t("Hi %s,\n\n" % n2.split()[0])
	d.f(g.choice([
		"as promised, here are the bank details for the refund: {B}. Please use {N:order} as the reference.\n",
		"I'm out of office until Monday. For anything urgent please call my colleague's mobile, {P+x}.\n",
		"please find the signed form attached. My SSN ({S+}) is on page 2.\n",
		"the card we have on file ({C}) was declined, could you send a new one?\n",
		"can you whitelist {Id:cidr} for the demo? It's the office's public address.\n",
		"thanks for the call earlier. As discussed I'll send the specs for the {product} by {N:date}.\n",
	]))
	d.t("\n%s\n" % g.choice(["Best,", "Cheers,", "Regards,", "Thanks,"]))
	d.t(n1 + "\n")
	d.t(g.choice(["Head of Operations", "Account Manager", "Buchhaltung", "Service client"]) + " | " + g.choice(COMPANIES) + "\n")
	k = g.choice(["tel", "mob", "both", "none", "nolabel"])
	if k in ("tel", "both"):
		d.f(g.choice(["Tel: {P+x}\n", "Phone {P+x}\n", "T. {P}\n", "Tel. {P+x} | Fax {P+}\n"]))
	if k in ("mob", "both"):
		d.f(g.choice(["Mobile: {P+}\n", "Mob. {P+}\n", "Handy: {P+}\n", "Cell {P+}\n"]))
	if k == "nolabel":
		d.f(g.choice(["{P} · {dom}\n", "{P}\n", "{P} | {P}\n"]))
	d.t(g.choice(["www.%s\n" % g.choice(DOMAINS), ""]))
	if g.chance(0.35):
		d.t("\nOn ").neg_value("ts", rfc2822(g), "rfc2822").t(", %s wrote:\n" % n2)
		d.t("> Could you send me your direct line?\n> ")
		d.f(g.choice(["My phone: {P+} in case you need it.\n", "I tried {P} but nobody picked up.\n",
			      "The old number no longer works, use my mobile {P+} instead.\n"]))
		d.t("> \n> Thanks, " + n2.split()[0])


def shape_vcard(d):
	g = d.g
	n = name(g)
	d.t("BEGIN:VCARD\nVERSION:%s\nFN:%s\nN:%s;%s;;;\n" % (g.choice(["3.0", "4.0"]), n, n.split()[-1], n.split()[0]))
	d.t("ORG:%s\n" % g.choice(COMPANIES))
	d.t("TEL;TYPE=%s:" % g.choice(["CELL", "WORK,VOICE", "HOME", "cell", "work"])).v("PHONE", ctx=True).t("\n")
	if g.chance(0.5):
		d.t("TEL;TYPE=FAX:").v("PHONE", ctx=True).t("\n")
	d.t("EMAIL;TYPE=INTERNET:").v("EMAIL").t("\n")
	if g.chance(0.3):
		d.t("EMAIL;TYPE=HOME:").v("EMAIL").t("\n")
	d.t("REV:").n("ts").t("\nEND:VCARD")


def shape_ldif(d):
	g = d.g
	u = g.choice(pc.FIRST) + g.choice(pc.LAST)
	d.t("dn: uid=%s,ou=people,dc=example,dc=com\nobjectClass: inetOrgPerson\nuid: %s\ncn: %s\n" % (u, u, name(g)))
	d.t("mail: ").v("EMAIL").t("\n")
	d.t("telephoneNumber: ").v("PHONE", ctx=True).t("\n")
	if g.chance(0.5):
		d.t("mobile: ").v("PHONE", ctx=True).t("\n")
	if g.chance(0.4):
		d.t("facsimileTelephoneNumber: ").v("PHONE", ctx=True).t("\n")
	d.t("employeeNumber: ").n("phonelike|order").t("\n")
	d.t("entryUUID: ").n("uuid").t("\n")


def shape_crm_json(d):
	g = d.g
	d.t('{\n  "object": "customer",\n  "id": "cus_%s",\n  "created": ' % safe_hex(g, 14)).n("ts").t(',\n')
	d.t('  "name": "%s",\n' % name(g))
	d.t('  "%s": "' % g.choice(["email", "emailAddress", "contact_email", "primaryEmail"])).v("EMAIL").t('",\n')
	d.t('  "%s": "' % g.choice(["phone", "phoneNumber", "mobile", "tel", "contact_phone", "msisdn"])).v("PHONE", ctx=True).t('",\n')
	if g.chance(0.5):
		d.t('  "secondary_contact": "').v("PHONE").t('",\n')
	d.t('  "address": {"line1": "%s %d", "city": "%s", "postal_code": "%05d"},\n' % (
		g.choice(["Harbour Road", "Bahnhofstraße", "Rue des Lilas", "Via Roma", "Calle Mayor", "Keizersgracht"]),
		g.r.randint(1, 200), g.choice(CITIES), g.r.randint(1000, 99999)))
	d.t('  "invoice_settings": {"default_payment_method": "pm_%s", "footer": "Thanks!"},\n' % safe_hex(g, 12))
	d.t('  "metadata": {"legacy_id": "').n("phonelike|order").t('", "segment": "%s"},\n' % g.choice(["smb", "enterprise"]))
	d.t('  "balance": ').t(str(g.r.randint(-5000, 5000))).t(',\n')
	d.t('  "last_seen_ip": "').v("IP").t('"\n}')


def shape_hr_json(d):
	g = d.g
	d.t('{"employee": {"employee_id": "E%06d", "full_name": "%s", ' % (g.r.randint(1, 999999), name(g)))
	d.t('"hire_date": "').n("date").t('", ')
	d.t('"%s": "' % g.choice(["ssn", "SSN", "social_security_number", "ssn_full", "taxId_ssn"])).v("SSN", ctx=True).t('", ')
	d.t('"payroll": {"%s": "' % g.choice(["iban", "bank_iban", "payout_account", "accountIban"])).v("IBAN").t('", ')
	d.t('"bic": "').n("bic").t('"}, ')
	d.t('"emergency_contact": {"name": "%s", "%s": "' % (name(g), g.choice(["phone", "mobile", "tel"]))).v("PHONE", ctx=True).t('"}, ')
	d.t('"work_email": "').v("EMAIL").t('"}}')


def shape_billing_tool(d):
	g = d.g
	d.t(g.choice(["tool_result ", "Function output:\n", "", "<tool_response>\n"]))
	d.t('{"status": "succeeded", "charge_id": "ch_%s", "amount": %d, "currency": "%s", ' % (safe_hex(g, 16), g.r.randint(100, 99999), g.choice(["usd", "eur", "gbp"])))
	d.t('"payment_method": {"type": "card", "%s": "' % g.choice(["card_number", "number", "pan", "cardNumber"])).v("CARD").t('", ')
	d.t('"exp": "%02d/%02d", "brand_reported": "%s"}, ' % (g.r.randint(1, 12), g.r.randint(25, 32), g.choice(["visa", "mc", "amex", "unknown"])))
	d.t('"receipt": "').n("order").t('", "created_at": "').n("ts").t('"}')


def shape_function_call(d):
	g = d.g
	fn = g.choice(["create_contact", "send_sms", "update_payee", "lookup_customer", "block_ip", "issue_refund", "send_email"])
	d.t('{"type": "function_call", "name": "%s", "call_id": "call_%s", "arguments": "{' % (fn, safe_hex(g, 10)))
	if fn == "send_sms":
		d.t('\\"to\\": \\"').v("PHONE", ctx=True).t('\\", \\"body\\": \\"Your code is %06d\\"' % g.r.randint(0, 999999))
	elif fn == "create_contact":
		d.t('\\"name\\": \\"%s\\", \\"phone\\": \\"' % name(g)).v("PHONE", ctx=True).t('\\", \\"email\\": \\"').v("EMAIL").t('\\"')
	elif fn == "update_payee":
		d.t('\\"payee_id\\": \\"').n("uuid").t('\\", \\"iban\\": \\"').v("IBAN").t('\\"')
	elif fn == "lookup_customer":
		d.t('\\"query\\": \\"').v(g.choice(["EMAIL", "PHONE", "SSN"])).t('\\", \\"limit\\": 5')
	elif fn == "send_email":
		d.t('\\"to\\": [')
		for i in range(g.choice([1, 2, 3])):
			d.t(", " if i else "").t('\\"').v("EMAIL").t('\\"')
		d.t('], \\"subject\\": \\"Your %s\\"' % g.choice(["invoice", "order", "appointment"]))
	elif fn == "block_ip":
		d.t('\\"address\\": \\"').v("IP", deco="cidr").t('\\", \\"ttl\\": 3600')
	else:
		d.t('\\"order\\": \\"').n("order").t('\\", \\"card\\": \\"').v("CARD").t('\\"')
	d.t('}"}')


def shape_graphql(d):
	g = d.g
	d.t('{"data": {"user": {"__typename": "User", "id": "').n("uuid").t('", "displayName": "%s", ' % name(g))
	d.t('"contact": {"email": "').v("EMAIL").t('", "phone": ')
	if g.chance(0.3):
		d.t('null')
	else:
		d.t('"').v("PHONE", ctx=True).t('"')
	d.t('}, "devices": [{"mac": "').n("mac").t('", "lastIp": "').v("IP").t('"}]}}, "extensions": {"cost": %d}}' % g.r.randint(1, 50))


def shape_fhir(d):
	g = d.g
	d.t('{\n  "resourceType": "Patient",\n  "id": "').n("uuid").t('",\n')
	d.t('  "identifier": [\n    {"system": "http://hl7.org/fhir/sid/us-ssn", "value": "').v("SSN", ctx=True).t('"},\n')
	d.t('    {"system": "http://hl7.org/fhir/sid/us-npi", "value": "').n("npi").t('"}\n  ],\n')
	d.t('  "name": [{"family": "%s", "given": ["%s"]}],\n' % (g.choice(LASTS), g.choice(FIRSTS)))
	d.t('  "telecom": [\n    {"system": "phone", "value": "').v("PHONE", ctx=True, where="NANP").t('", "use": "mobile"},\n')
	d.t('    {"system": "email", "value": "').v("EMAIL").t('"}\n  ],\n')
	d.t('  "birthDate": "').n("date").t('",\n  "meta": {"versionId": "%d", "lastUpdated": "' % g.r.randint(1, 30)).n("ts").t('"}\n}')


def shape_hl7(d):
	g = d.g
	d.t("MSH|^~\\&|EPIC|%s|LAB|%s|" % (g.choice(["UCSF", "MGH", "NYU"]), g.choice(["QUEST", "LABCORP"])))
	d.n("ts").t("||ADT^A04|MSG%06d|P|2.5.1\n" % g.r.randint(1, 999999))
	d.t("PID|1||%d^^^MRN||%s^%s||%04d%02d%02d|%s|||%d %s^^%s^%s^%05d||" % (
		g.r.randint(100000, 9999999), g.choice(LASTS).upper(), g.choice(FIRSTS).upper(), g.r.randint(1940, 2010),
		g.r.randint(1, 12), g.r.randint(1, 28), g.choice("MF"), g.r.randint(1, 999), g.choice(["OAK ST", "MAIN ST", "ELM AVE"]),
		g.choice(["BOSTON", "DENVER", "AUSTIN"]), g.choice(["MA", "CO", "TX"]), g.r.randint(10000, 99999)))
	d.v("PHONE", where="NANP").t("|||||").n("order").t("|")
	d.v("SSN").t("|\n")
	d.t("PV1|1|O|%s^^^^^^^^||||" % g.choice(["CLINIC", "ER", "CARD"])).n("npi").t("^%s^%s\n" % (g.choice(LASTS).upper(), g.choice(FIRSTS).upper()))


def shape_nginx(d):
	g = d.g
	for _ in range(g.choice([1, 2, 3])):
		d.v("IP").t(" - - [").n("ts").t('] "%s %s HTTP/%s" %d %d "-" "Mozilla/5.0 (X11; Linux x86_64) Chrome/' % (
			g.choice(["GET", "POST", "PUT"]), g.choice(["/api/v1/orders", "/login", "/static/app.js", "/healthz"]),
			g.choice(["1.1", "2.0"]), g.choice([200, 201, 301, 404, 502]), g.r.randint(0, 90000)))
		d.n("ver").t(' Safari/537.36"\n')


def shape_syslog(d):
	g = d.g
	for _ in range(g.choice([1, 2, 3])):
		d.n("ts").t(" %s " % g.choice(["web-01", "bastion", "mx2", "fw-edge"]))
		d.f(g.choice([
			"sshd[{n}]: Failed password for invalid user admin from {I} port {n} ssh2\n",
			"sshd[{n}]: Accepted publickey for deploy from {I} port {n} ssh2: ED25519 SHA256:x4Zq\n",
			"kernel: [UFW BLOCK] IN=eth0 OUT= SRC={I} DST={I} LEN=60 PROTO=TCP SPT={n} DPT=22\n",
			"dhcpd[{n}]: DHCPACK on {I:v4} to {N:mac} via eth1\n",
			"postfix/smtpd[{n}]: NOQUEUE: reject: RCPT from unknown[{I}]: 554 5.7.1 <{E}>: Relay access denied\n",
			"named[{n}]: client @0x7f3a {I}#{n} (example.com): query: example.com IN AAAA +E(0)K\n",
			"nginx[{n}]: upstream timed out (110) while connecting to upstream, upstream: \"{Id}\"\n",
			"haproxy[{n}]: {Id:port} [backend_api] connection closed by client\n",
		]))


def shape_jsonlog(d):
	g = d.g
	for _ in range(g.choice([1, 2, 3])):
		d.t('{"ts":"').n("ts").t('","level":"%s","svc":"%s",' % (g.choice(["info", "warn", "error"]), g.choice(["auth", "billing", "notify"])))
		d.f(g.choice([
			'"msg":"otp sent","to":"{P}","trace_id":"{N:hash}"}}\n',
			'"msg":"login","user":"{E}","client_ip":"{I}","ua":"app/{N:ver}"}}\n',
			'"msg":"payout created","iban":"{B}","amount":"{N:price}"}}\n',
			'"msg":"sms delivery failed","msisdn":"{P+}","err":"absent subscriber"}}\n',
			'"msg":"kyc check","ssn":"{S+}","result":"match","req":"{N:uuid}"}}\n',
			'"msg":"card tokenized","pan":"{C}","token":"tok_{N:hash}"}}\n',
		]).replace("}}\n", "}\n"))


def shape_winevent(d):
	g = d.g
	d.t("Log Name:      Security\nSource:        Microsoft-Windows-Security-Auditing\nDate:          ").n("ts").t("\n")
	d.t("Event ID:      %d\nTask Category: Logon\nLevel:         Information\nComputer:      %s.corp.example.com\n" % (
		g.choice([4624, 4625, 4648, 4771]), g.choice(["DC01", "FS02", "WKS-1184"])))
	d.t("Description:\nAn account %s.\n\nLogon ID:\t\t0x%s\nAccount Name:\t\t%s\n" % (
		g.choice(["was successfully logged on", "failed to log on"]), safe_hex(g, 6).upper(), g.choice(pc.FIRST)))
	d.t("Network Information:\n\tWorkstation Name:\tWKS-%d\n\tSource Network Address:\t" % g.r.randint(100, 9999)).v("IP").t("\n\tSource Port:\t\t%d\n" % g.r.randint(1024, 65535))
	d.t("Process Information:\n\tProcess ID:\t\t0x%x\n\tLogon GUID:\t\t" % g.r.randint(100, 9000)).n("uuid").t("\n")


def shape_k8s(d):
	g = d.g
	d.t("LAST SEEN   TYPE      REASON      OBJECT                     MESSAGE\n")
	for _ in range(g.choice([1, 2])):
		d.t("%dm         %s   %s   pod/%s-%s   " % (g.r.randint(1, 59), g.choice(["Normal ", "Warning"]),
						       g.choice(["Pulled    ", "Unhealthy ", "Scheduled "]), g.choice(["api", "worker"]), safe_hex(g, 5)))
		k = g.r.randint(0, 4)
		if k == 4:
			d.t("Readiness probe failed: Get \"").v("IP", where=["IP/v4-port-cidr"], deco="url").t("\": context deadline exceeded\n")
			continue
		d.f([
			"Successfully pulled image \"nginx:1.27\" in 2.1s\n",
			"Readiness probe failed: Get \"http://{I:v4}:8080/ready\": dial tcp: i/o timeout\n",
			"Successfully assigned default/web to node-{n} (pod IP {I})\n",
			"Liveness probe failed: HTTP probe failed with statuscode: 503, build {N:ver}\n",
		][k])


def shape_terraform(d):
	g = d.g
	if g.chance(0.5):
		d.t('resource "aws_security_group_rule" "%s" {\n  type        = "ingress"\n  from_port   = 443\n  to_port     = 443\n  protocol    = "tcp"\n  cidr_blocks = ["' % g.choice(["office", "vpn", "partner"]))
		d.v("IP", where=["IP/v4-port-cidr"], deco="cidr").t('", "').v("IP", where=["IP/v4-port-cidr"], deco="cidr").t('"]\n  description = "added by %s on ' % g.choice(pc.FIRST)).n("date").t('"\n}\n')
		d.t('# owner: ').v("EMAIL").t("\n")
	else:
		d.t("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s-config\n  annotations:\n    owner: \"" % g.choice(["billing", "edge", "mailer"])).v("EMAIL").t("\"\n    oncall-phone: \"").v("PHONE", ctx=True).t("\"\ndata:\n")
		d.t("  UPSTREAM_HOST: \"").v("IP").t("\"\n  DNS_SERVERS: \"").v("IP").t(",").v("IP").t("\"\n  IMAGE: \"").neg_value("at", *neg_variant(g, "at", ["docker digest"])).t("\"\n  CHART_VERSION: \"").n("ver").t("\"\n")


def shape_env(d):
	g = d.g
	if g.chance(0.5):
		d.t("# .env.production\nAPP_VERSION=").n("ver").t("\nSMTP_USER=").v("EMAIL").t("\nSUPPORT_PHONE=").v("PHONE", ctx=True).t("\n")
		d.t("ALLOWED_IPS=").v("IP").t(",").v("IP", deco="cidr").t("\nSENTRY_RELEASE=").n("hash").t("\nTZ=Europe/Berlin\n")
	else:
		d.t("[contact]\nname = %s\n" % name(g))
		d.t("%s = " % g.choice(["phone", "telefon", "tel"])).v("PHONE", ctx=True).t("\n")
		d.t("escalation = ").v("PHONE").t("\n")
		d.t("email = ").v("EMAIL").t("\n\n[network]\nlisten = ").v("IP", deco="port").t("\nmac = ").n("mac").t("\n")


def shape_sql(d):
	g = d.g
	cols = g.choice([("name, email, phone, created_at", "EMAIL", "PHONE"), ("full_name, ssn, dob, mail", "SSN", "EMAIL"),
			 ("holder, card_pan, exp, order_ref", "CARD", None), ("payee, iban, bic, amount", "IBAN", None)])
	d.t("INSERT INTO %s (%s) VALUES\n" % (g.choice(["customers", "applicants", "payments", "payees"]), cols[0]))
	rows = g.choice([1, 2, 3])
	for i in range(rows):
		d.t("  ('%s', '" % name(g).replace("'", "''"))
		c0 = cols[1]
		if c0 == "EMAIL":
			d.v("EMAIL").t("', '").v("PHONE", key=True).t("', '").n("ts").t("')")
		elif c0 == "SSN":
			d.v("SSN", key=True).t("', '").n("date").t("', '").v("EMAIL").t("')")
		elif c0 == "CARD":
			d.v("CARD").t("', '%02d/%02d', '" % (g.r.randint(1, 12), g.r.randint(25, 31))).n("order").t("')")
		else:
			d.v("IBAN").t("', '").n("bic").t("', %d.%02d)" % (g.r.randint(1, 9999), g.r.randint(0, 99)))
		d.t(",\n" if i < rows - 1 else ";\n")


def shape_psql(d):
	g = d.g
	if g.chance(0.5):
		d.t(" id  |      name       |        phone        |   last_login\n-----+-----------------+---------------------+-----------------\n")
		for _ in range(g.choice([2, 3])):
			d.t(" %3d | %-15s | " % (g.r.randint(1, 999), g.choice(FIRSTS))).v("PHONE", key=True).t(" | ").n("date").t("\n")
		d.t("(%d rows)\n" % g.r.randint(2, 3))
	else:
		d.t("+------+-----------+--------------+\n| id   | ssn       | amount       |\n+------+-----------+--------------+\n")
		for _ in range(g.choice([2, 3])):
			d.t("| %4d | " % g.r.randint(1, 9999)).v("SSN", key=True).t(" | ").n("price").t(" |\n")
		d.t("+------+-----------+--------------+\n%d rows in set (0.01 sec)\n" % g.r.randint(2, 3))


def shape_csv(d):
	g = d.g
	k = g.choice(["named", "named", "unnamed"])
	sep = g.choice([",", ";", "\t", "|"])
	if k == "named":
		hdr = g.choice([["name", "phone", "email"], ["Name", "Telefon", "E-Mail"], ["nom", "téléphone", "courriel"],
				["name", "mobile", "email"], ["nombre", "teléfono", "correo"]])
	else:
		hdr = g.choice([["name", "contact", "notes"], ["Name", "Kontakt", "Bemerkung"], ["customer", "reach", "source"]])
	d.t(sep.join(hdr) + "\n")
	for _ in range(g.choice([2, 3, 4])):
		d.t(name(g) + sep)
		d.v("PHONE", key=(k == "named"))
		d.t(sep)
		if k == "named":
			d.v("EMAIL")
		else:
			d.t(g.choice(["web form", "trade fair", "referral", "cold lead"]))
		d.t("\n")


def shape_tsv_ssn(d):
	g = d.g
	named = g.chance(0.5)
	d.t("\t".join(["Employee", "SSN" if named else "Ref", "Start", "Salary"]) + "\n")
	for _ in range(g.choice([2, 3, 4])):
		d.t(name(g) + "\t").v("SSN", key=named).t("\t").n("date").t("\t").n("price").t("\n")


def shape_md_table(d):
	g = d.g
	typ, hdr = g.choice([("PHONE", "Phone"), ("PHONE", "Contact"), ("CARD", "Card"), ("IBAN", "IBAN"), ("IP", "Host"),
			     ("SSN", "SSN"), ("SSN", "ID"), ("EMAIL", "Email"), ("PHONE", "Mobil")])
	named = hdr not in ("Contact", "ID")
	d.t("| Name | %s | Updated |\n|------|------|---------|\n" % hdr)
	for _ in range(g.choice([2, 3, 4])):
		d.t("| %s | " % name(g)).v(typ, key=named and typ in ("PHONE", "SSN")).t(" | ").n("date|ts").t(" |\n")


def shape_html(d):
	g = d.g
	if g.chance(0.5):
		d.t('<table class="contacts">\n  <tr><th>Name</th><th>%s</th><th>%s</th></tr>\n' % (
			g.choice(["Phone", "Telefon", "Téléphone"]), g.choice(["Email", "E-Mail"])))
		for _ in range(g.choice([1, 2, 3])):
			d.t("  <tr><td>%s</td><td>" % name(g)).v("PHONE", key=True).t("</td><td><a href=\"mailto:").v("EMAIL").t("\">mail</a></td></tr>\n")
		d.t("</table>")
	else:
		d.t('<form action="/signup" method="post">\n  <label for="tel">Phone</label>\n  <input id="tel" name="tel" type="tel" value="').v("PHONE", ctx=True).t('">\n')
		d.t('  <input name="email" type="email" value="').v("EMAIL").t('">\n  <input type="hidden" name="csrf" value="').n("hash").t('">\n</form>')


def shape_xml(d):
	g = d.g
	d.t('<?xml version="1.0" encoding="UTF-8"?>\n<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">\n <soap:Body>\n  <UpdateCustomer>\n')
	d.t("   <CustomerId>").n("phonelike|order").t("</CustomerId>\n")
	d.t("   <Email>").v("EMAIL").t("</Email>\n")
	tag = g.choice(["Phone", "MobileNumber", "Telephone"])
	d.t("   <%s>" % tag).v("PHONE", ctx=True).t("</%s>\n" % tag)
	if g.chance(0.5):
		d.t("   <BankAccount><IBAN>").v("IBAN").t("</IBAN><BIC>").n("bic").t("</BIC></BankAccount>\n")
	d.t("   <ClientIp>").v("IP").t("</ClientIp>\n  </UpdateCustomer>\n </soap:Body>\n</soap:Envelope>")


def shape_proto(d):
	g = d.g
	d.t("contact {\n  display_name: \"%s\"\n  phone_number: \"" % name(g)).v("PHONE", ctx=True).t("\"\n  email: \"").v("EMAIL").t("\"\n}\n")
	d.t("device {\n  imei: \"").n("imei").t("\"\n  iccid: \"").n("iccid").t("\"\n  firmware: \"").n("ver").t("\"\n}\n")


def shape_http(d):
	g = d.g
	d.t("POST /api/%s HTTP/1.1\nHost: api.%s\n" % (g.choice(["signup", "newsletter", "contact"]), g.choice(["example.com", "example.org"])))
	d.t("X-Forwarded-For: ").v("IP").t(", ").v("IP").t("\n")
	d.t("X-Request-Id: ").n("uuid").t("\nUser-Agent: okhttp/").n("ver").t("\n")
	d.t("Content-Type: application/x-www-form-urlencoded\n\n")
	d.t("name=%s&email=" % name(g).replace(" ", "+")).v("EMAIL", where=["EMAIL/percent-encoded"])
	d.t("&consent=1&source=%s" % g.choice(["footer", "checkout", "popup"]))


def shape_url(d):
	g = d.g
	d.f(g.choice([
		"Click to confirm: https://links.{dom}/confirm?email={E:percent-encoded}&token={N:hash}",
		"Redirected to /unsubscribe?e={E:percent-encoded}&list=weekly",
		"GET /v1/users/search?q={E:percent-encoded}&limit=20 200 {n}ms",
		"<a href=\"mailto:{E}?subject=Refund%20request&body=Order%20\">contact us</a>",
		"mailto:{E}?subject=Invoice%20{N:order}",
		"utm link: https://{dom}/welcome?utm_source=crm&contact={E:percent-encoded}",
		"Webhook payload (form): email={E:percent-encoded}&status=subscribed&ts={N:ts}",
		"[email me](mailto:{E:percent-encoded})",
	]))


def shape_devtools(d):
	g = d.g
	d.t("Request URL: https://app.%s/api/profile\nRequest Method: PATCH\nStatus Code: 200 OK\nRemote Address: " % g.choice(["example.com", "example.net"]))
	d.v("IP", where=["IP/v4-port-cidr"], deco="port").t("\nReferrer Policy: strict-origin-when-cross-origin\n\n")
	d.t("Request Payload\n{\"firstName\":\"%s\",\"mobile\":\"" % g.choice(FIRSTS)).v("PHONE", ctx=True).t("\",\"newsletter\":false}\n")
	d.t("Response\n{\"ok\":true,\"updated_at\":\"").n("ts").t("\",\"etag\":\"").n("hash").t("\"}")


def shape_stacktrace(d):
	g = d.g
	if g.chance(0.5):
		d.t("Traceback (most recent call last):\n  File \"/srv/app/handlers.py\", line %d, in create_user\n    validate(payload)\n" % g.r.randint(10, 900))
		d.t("  File \"/usr/lib/python3.11/site-packages/pydantic/main.py\", line %d, in validate\n" % g.r.randint(10, 900))
		d.f(g.choice([
			"pydantic.ValidationError: 1 validation error for User\nphone\n  value is not a valid phone number [input_value='{P+}']\n",
			"ValueError: duplicate email '{E}' (existing id {N:uuid})\n",
			"KeyError: 'iban' while processing payee {B}\n",
			"requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='{I}', port=443): Max retries exceeded\n",
		]))
	else:
		d.t("java.lang.IllegalStateException: ")
		d.f(g.choice([
			"card {C} rejected by issuer (code 05)\n",
			"cannot route SMS to {P+} (no carrier)\n",
			"SSN {S+} already linked to another account\n",
			"connection reset by peer /{I:v4}:5432\n",
		]))
		d.t("\tat com.example.billing.PaymentService.charge(PaymentService.java:%d)\n\tat org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:%d)\n" % (g.r.randint(20, 800), g.r.randint(20, 800)))


def shape_issue(d):
	g = d.g
	d.t("### Bug: %s\n\n**Version:** " % g.choice(["SMS not sent to some numbers", "IBAN validator rejects valid account",
						  "rate limiter blocks office IP", "signup fails for emails with apostrophe"])).n("ver").t("\n**OS:** Ubuntu 22.04\n\n")
	d.t("Steps to reproduce:\n\n```bash\ncurl -X POST https://api.example.com/v2/")
	k = g.choice(["sms", "iban", "ip", "email"])
	if k == "sms":
		d.t("sms -d '{\"to\": \"").v("PHONE", ctx=True).t("\"}'\n```\n\nActual: `422 invalid phone`.\nThe number ").v("PHONE").t(" works fine from the dashboard.\n")
	elif k == "iban":
		d.t("payees -d '{\"iban\": \"").v("IBAN").t("\"}'\n```\n\nBut `").n("ibanbad").t("` (typo) is accepted?!\n")
	elif k == "ip":
		d.t("ping\n```\n\nFrom our office (`").v("IP").t("`) we get 429 after 3 requests. Commit ").n("hash").t(" changed the limiter.\n")
	else:
		d.t("users -d '{\"email\": \"").v("EMAIL", where=["EMAIL/atext"]).t("\"}'\n```\n\nReturns `400 invalid email`. Related: #%d\n" % g.r.randint(100, 9999))
	d.t("\ncc ").neg_value("at", *neg_variant(g, "at", ["mention"])).t("\n")


def shape_diff(d):
	g = d.g
	d.t("diff --git a/config/contacts.yaml b/config/contacts.yaml\nindex %s..%s 100644\n--- a/config/contacts.yaml\n+++ b/config/contacts.yaml\n@@ -%d,6 +%d,6 @@ oncall:\n" % (
		safe_hex(g, 7), safe_hex(g, 7), g.r.randint(1, 90), g.r.randint(1, 90)))
	d.t("   team: payments\n-  phone: \"").v("PHONE", ctx=True).t("\"\n+  phone: \"").v("PHONE", ctx=True).t("\"\n")
	d.t("-  email: ").v("EMAIL").t("\n+  email: ").v("EMAIL").t("\n")
	if g.chance(0.5):
		d.t("-  allow_from: ").v("IP", deco="cidr").t("\n+  allow_from: ").v("IP", deco="cidr").t("\n")
	d.t("   runbook: https://wiki.example.com/payments/oncall\n")


def shape_notebook(d):
	g = d.g
	d.t('{"cells": [{"cell_type": "code", "execution_count": %d, "metadata": {}, "source": ["df[df.amount > 500].head(3)"], ' % g.r.randint(1, 60))
	d.t('"outputs": [{"output_type": "execute_result", "data": {"text/plain": ["   customer        card                 amount\\n",')
	for i in range(3):
		d.t(' "%d  %-14s ' % (i, g.choice(FIRSTS))).v("CARD").t("  %d.%02d\\n\"%s" % (g.r.randint(500, 9000), g.r.randint(0, 99), "," if i < 2 else ""))
	d.t(']}}]}], "metadata": {"kernelspec": {"name": "python3"}, "language_info": {"version": "')
	d.n("ver").t('"}}, "nbformat": 4}')


def shape_slack(d):
	g = d.g
	d.t('[\n')
	for i in range(g.choice([2, 3])):
		if i:
			d.t(",\n")
		d.t('  {"type": "message", "user": "U0%s", "ts": "' % g.letters(8)).neg_value("ts", "%d.%06d" % (g.r.randint(1600000000, 1790000000), g.r.randint(0, 999999)), "slack ts").t('", "text": "')
		d.f(g.choice([
			"<@U0{id}> can you call the customer? {P}",
			"new office range is {Id:cidr} fyi",
			"client sent their IBAN: {B} :white_check_mark:",
			"her work email is <mailto:{E}|{first}>",
			"lunch at {hh}? :pizza:",
			"deploying {N:ver} now :rocket:",
			"my mobile is {P+} if the VPN dies again",
		]).replace("{id}", g.letters(8)))
		d.t('"}')
	d.t('\n]')


def shape_transcript(d):
	g = d.g
	a, b = g.choice(FIRSTS), g.choice(FIRSTS)
	lines = [
		(a, "okay so for the record can you confirm your phone number"),
		(b, "{P!} yeah"),
		(a, "and the card you want to use"),
		(b, "it's {C}"),
		(a, "great and the social security number for the credit check"),
		(b, "sure, {S!}"),
		(a, "got it, and your e-mail for the confirmation"),
		(b, "{E}"),
		(a, "just to double check, the number again"),
		(b, "{P}"),
	]
	start = g.r.randint(0, 3) * 2
	clock = g.r.randint(0, 3000)
	for who, say in lines[start:start + g.choice([4, 6])]:
		clock += g.r.randint(2, 40)
		d.t("[%02d:%02d:%02d] %s: " % (clock // 3600, clock // 60 % 60, clock % 60, who)).f(say).t("\n")


def shape_pdf(d):
	g = d.g
	d.t(g.choice(["Page %d of %d\n" % (g.r.randint(1, 4), g.r.randint(4, 9)), "", "CONFIDENTIAL\n"]))
	d.t("The parties agree that all pay-\nments under this Agreement shall be\nmade by bank transfer to the following\naccount:\n")
	iban_wrap = g.chance(0.4)
	if iban_wrap:
		v, cc = pc.iban_value(g, g.choice(IBAN_COUNTRIES))
		grp = pc.group(v, [4] * 9, " ").strip().split(" ")
		cut = g.r.randint(2, len(grp) - 1)
		s = " ".join(grp[:cut]) + "\n" + " ".join(grp[cut:])
		d.c.count["IBAN/grouped"] += 1
		d.t("IBAN ")
		st, en = d._mark(s)
		d.labels.append({"type": "IBAN", "sub": "IBAN/grouped", "variant": cc + " paper wrapped", "ctx": None, "tpl": d.tpl,
				 "start": st, "end": en, "_declared": True, "_key": False})
		d.t("\n")
	else:
		d.t("IBAN: ").v("IBAN").t("   BIC: ").n("bic").t("\n")
	d.t("Notices shall be sent to the address set out in clause ").n("oid").t(" or by e-\nmail to ").v("EMAIL").t(".\n")
	d.t("Amount due      Reference          Date\n").n("price").t("    ").n("order").t("    ").n("date").t("\n")
	if g.chance(0.5):
		d.t("Contact for questions regarding this schedule (tele-\nphone): ").v("PHONE", ctx=True).t(" (Monday to Friday)\n")


def shape_pdf_columns(d):
	"""PDF text extraction that ran a letterhead's columns together."""
	g = d.g
	d.t("%s%s\n" % (g.choice(COMPANIES), g.choice(["Seite 1 von 2", "Page 1/3", ""])))
	d.t(g.choice(["Hauptstraße 12", "12 Harbour Road", "Rue des Lilas 4"]) + g.choice(["Telefon ", "Tel.", "Phone: "]))
	d.v("PHONE", ctx=True).t(g.choice(["Fax ", "Telefax "])).v("PHONE", ctx=True).t("\n")
	d.t(g.choice(["10115 Berlin", "LS1 4AP Leeds", "44000 Nantes"]) + g.choice(["E-Mail ", "Mail: ", "email "])).v("EMAIL").t(g.choice(["www.", "Web www."]) + g.choice(DOMAINS) + "\n")
	d.t(g.choice(["Bankverbindung", "Bank details", "Coordonnées bancaires"]) + " IBAN ").v("IBAN", where=["IBAN/grouped"]).t("BIC ").n("bic").t("\n")
	d.t(g.choice(["Amtsgericht Köln HRB %d" % g.r.randint(10000, 99999), "Registered in England"]) + g.choice(["Geschäftsführer ", "Directors: "]) + name(g) + "\n")


def v6_host(g):
	gs = pc.v6_groups(g)
	z = g.r.randint(2, 4)
	at = g.r.randint(1, 7 - z)
	gs[at:at + z] = ["0"] * z
	return pc.v6_compress(gs)


def link_local(g):
	return "fe80::" + ":".join(safe_hex(g, 4).lstrip("0") or "1" for _ in range(g.choice([1, 2, 4])))


def shape_curl(d):
	"""curl -v output: IPv6 in brackets with a port, IPv4 with a port."""
	g = d.g
	d.t("$ curl -v https://api.%s/v1/health\n" % g.choice(["example.com", "example.net"]))
	for _ in range(g.choice([1, 2])):
		if g.chance(0.6):
			d.t("*   Trying [").label_value("IP", "IP/v6-compressed", v6_host(g), "bracket port").t("]:443...\n")
		else:
			d.t("*   Trying ").label_value("IP", "IP/v4-port-cidr", pc.ipv4(g), "port").t(":443...\n")
	d.t("* Connected to api.example.com (").v("IP").t(") port 443\n")
	d.t("* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384\n> GET /v1/health HTTP/2\n> user-agent: curl/").n("ver")
	d.t("\n< HTTP/2 200\n< date: ").neg_value("ts", rfc2822(g), "rfc2822").t("\n")


def shape_ipaddr(d):
	"""ip addr / ping6 output: prefix lengths and zone ids outside the label."""
	g = d.g
	dev = g.choice(["eth0", "ens192", "enp3s0", "wlan0"])
	d.t("2: %s: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n    link/ether " % dev)
	d.n("mac").t(" brd ff:ff:ff:ff:ff:ff\n    inet ").label_value("IP", "IP/v4-port-cidr", pc.ipv4(g), "cidr")
	d.t("/%d scope global dynamic %s\n" % (g.choice([16, 24, 26]), dev))
	if g.chance(0.6):
		d.t("    inet6 ").label_value("IP", "IP/v6-compressed", v6_host(g), "prefix length").t("/64 scope global dynamic mngtmpaddr\n")
	d.t("    inet6 ").label_value("IP", "IP/v6-compressed", link_local(g), "link-local prefix length").t("/64 scope link\n")
	if g.chance(0.7):
		d.t("$ ping6 -c1 ").label_value("IP", "IP/v6-compressed", link_local(g), "zone id").t("%" + dev + "\n")
		d.t("64 bytes: icmp_seq=1 ttl=64 time=0.%d ms\n" % g.r.randint(100, 999))
	if g.chance(0.4):
		d.t("$ curl 'http://[").label_value("IP", "IP/v6-compressed", link_local(g), "zone id in URL").t("%%25%s]:8080/status'\n" % dev)


def shape_receipt(d):
	g = d.g
	d.t("%s\n%s\nTEL " % (g.choice(["CAFE CENTRAL", "SUPERMERCADO LUZ", "BÄCKEREI SONNE", "ORCHARD LANE BAKERY"]),
				g.choice(CITIES).upper()))
	d.v("PHONE", ctx=True).t("\n")
	for _ in range(g.choice([2, 3])):
		d.t("%-18s %6.2f\n" % (g.choice(["CAPPUCCINO", "CROISSANT", "BAGUETTE", "BREZEL", "WATER 0.5L"]), g.r.uniform(1, 9)))
	d.t("TOTAL  ").n("price").t("\n")
	d.t(g.choice(["VISA", "MASTERCARD", "CARD", "DEBIT"]) + " ").v("CARD").t("\n")
	d.t("AUTH %06d  " % g.r.randint(0, 999999)).n("ts").t("\n")
	if g.chance(0.3):
		d.t("TERMINAL ").n("phonelike").t("\n")


def shape_bank_statement(d):
	g = d.g
	d.t("Kontoauszug / Account statement %d/%d\nKonto " % (g.r.randint(1, 12), g.r.randint(2023, 2026))).v("IBAN").t("\n")
	d.t("Buchung    Valuta     Verwendungszweck                                  Betrag\n")
	for _ in range(g.choice([2, 3])):
		d.n("date").t("  ").t(g.choice(["SEPA-Überweisung an ", "Lastschrift von ", "Gutschrift von "]))
		d.t(g.choice(COMPANIES) + " ")
		k = g.choice(["iban", "ref", "card"])
		if k == "iban":
			d.v("IBAN")
		elif k == "ref":
			d.t("EREF ").n("order|phonelike")
		else:
			d.t("Karte ").n("masked")
		d.t("  ").n("price").t("\n")


def shape_manifest(d):
	g = d.g
	d.t("SHIPPING MANIFEST  %s\nCarrier: %s   Service: Express\n" % (g.choice(["MNF-", "#"]) + str(g.r.randint(1000, 99999)), g.choice(["UPS", "DHL", "FedEx"])))
	d.t("Consignee: %s, %s\nConsignee tel: " % (name(g), g.choice(CITIES))).v("PHONE", ctx=True).t("\n")
	d.t("Tracking: ").n("track").t("\nWeight: %d.%d kg   Pieces: %d\n" % (g.r.randint(1, 90), g.r.randint(0, 9), g.r.randint(1, 12)))
	d.t("HS code: %04d.%02d.%02d   Declared value: " % (g.r.randint(1000, 9999), g.r.randint(0, 99), g.r.randint(0, 99))).n("price").t("\n")
	d.t("Notify: ").v("EMAIL").t("\n")


def shape_form(d):
	g = d.g
	lang = g.choice(["en", "de", "us"])
	if lang == "us":
		d.t("APPLICANT INFORMATION\n\nFull name\n%s\n\n" % name(g))
		d.t("Social Security Number\n").v("SSN", key=True).t("\n\n")
		d.t("Daytime phone\n").v("PHONE", key=True, where="NANP").t("\n\n")
		d.t("Employer Identification Number (if self-employed)\n").n("ein").t("\n\nDate of birth\n").n("date").t("\n")
	elif lang == "de":
		d.t("Antragsformular\n\nName: %s\n" % name(g))
		d.t("Telefon (tagsüber): ").v("PHONE", ctx=True, where="DE").t("\n")
		d.t("Bankverbindung (IBAN): ").v("IBAN").t("\n")
		d.t("Kundennummer: ").n("phonelike|order").t("\n")
	else:
		d.t("Name: %s\nSSN: " % name(g)).v("SSN", ctx=True).t("    DOB: ").n("date").t("\n")
		d.t("Phone: ").v("PHONE", ctx=True, where="NANP").t("    Alt. phone: ").v("PHONE", ctx=True, where="NANP").t("\n")
		d.t("Employer EIN: ").n("ein").t("    Bank routing: ").n("aba").t("\n")


def shape_ocr_form(d):
	g = d.g
	d.t(g.choice(["W-9 (Rev. October 2018)\n", "Form 1040 - page 1 (scanned)\n", "EMPLOYMENT ELIGIBILITY - OCR\n"]))
	d.t("Name (as shown on your income tax return) %s\n" % name(g).upper())
	d.t(g.choice(["Social security number ", "Socia1 security number ", "SOCIAL SECURITY NO. ", "Social  security  number  "]))
	if g.chance(0.5):
		d.v("SSN", ctx=True)
	else:
		d.v("SSN", ctx=True, where=["SSN/dashed"])
	d.t("\nor\nEmployer identification number ").n("ein").t("\n")
	d.t("Part II Certification ... page ").n("oid").t("\n")


def shape_multi_sep(d):
	g = d.g
	typ = g.choice(["PHONE", "EMAIL", "IP", "CARD", "IBAN", "SSN"])
	sep = g.choice([" / ", "/", "; ", ";", " | ", "|", "\t", ", "])
	named = g.chance(0.5)
	lead = {"PHONE": ("Phones: ", "Try these: "), "EMAIL": ("Recipients: ", "Send to "), "IP": ("Blocked IPs: ", "Sources: "),
		"CARD": ("Cards: ", "Test these: "), "IBAN": ("IBANs: ", "Pay out to: "), "SSN": ("SSNs: ", "Applicants: ")}[typ]
	d.t(lead[0] if named else lead[1])
	for i in range(g.choice([2, 3, 4])):
		if i:
			d.t(sep)
		d.v(typ, ctx=named, deco=(typ == "IP" and "/" not in sep and "cidr|port"))


def shape_long(d):
	g = d.g
	paras = [
		"This policy describes how the %s team handles the %s. It applies to all staff and contractors." % (g.choice(["finance", "support", "platform"]), g.choice(WORDS)),
		"Requests are reviewed weekly. Exceptions need the approval of a second reviewer and are logged with their ticket reference.",
		"Reviewers should compare the requested change against the record, and reject anything that cannot be traced to a customer request.",
		"Retention: records are kept for the statutory period and then deleted; backups are rotated every 35 days.",
		"Training is mandatory once a year and is tracked in the learning portal together with the completion date.",
		"Version history: see the changelog at the end of this document.",
		"Access to production data is granted per ticket and expires automatically after seven days unless renewed.",
		"All changes to payment details must be confirmed through a second channel before they take effect.",
		"Suppliers are onboarded by procurement; the finance team only pays suppliers that appear in the vendor master.",
		"Incidents are classified by severity. Severity one incidents page the on-call engineer immediately.",
		"Customer communications are drafted by support and reviewed by legal where a contractual question is involved.",
		"Where this policy conflicts with local law, local law prevails and the conflict is reported to the policy owner.",
	]
	g.r.shuffle(paras)
	k = g.r.randint(1, 7)
	for p in paras[:k]:
		d.t(p + "\n\n")
	d.f(g.choice([
		"Escalations outside office hours go to the duty manager, phone {P+x}, who decides within one hour.",
		"Refunds above the limit are paid from the escrow account {B} after sign-off.",
		"Questions about this policy: {E}.",
		"The reporting endpoint is {Id}; do not expose it outside the VPN.",
		"If the duty manager cannot be reached, use the backup line {P}.",
	]))
	d.t("\n\n")
	for p in paras[k:k + g.r.randint(1, 4)]:
		d.t(p + "\n\n")
	d.t("Document ").n("order").t(", revision ").n("ver").t(", effective ").n("date").t(".")


NEG_SENTENCES = {
	"luhn": ["The checkout rejected {N} - the last digit is wrong, it fails the Luhn check.", "Test fixture (invalid on purpose): {N}",
		 "Referenz {N} (keine Kartennummer, interne Buchungsreferenz)", "Batch total hash {N}"],
	"ibanbad": ["Import error: '{N}' is not a valid IBAN (checksum).", "Die IBAN {N} ist ungültig - Prüfziffer falsch.",
		    "Bank replied: beneficiary {N} unknown, check digits do not match."],
	"ssnbad": ["Test data only: {N} (SSA never issues this).", "Placeholder {N} in the sample W-2.", "rejected value {N}: invalid area/group/serial"],
	"ssnshape": ["Part no. {N}, qty 4, bin C-12.", "Docket {N} was continued to next month.", "Lot {N} passed QC.",
		     "Claim {N} has been closed by the adjuster."],
	"ver": ["Upgraded the fleet to {N} last night.", "Build {N} is on the staging ring now.", "Firmware {N} fixes the boot loop.",
		"Please test against build {N} before Friday.", "Release notes for {N} are in the wiki."],
	"oid": ["OID {N} identifies the extension.", "See section {N} of the SOC 2 report.", "snmpwalk -v2c -c public switch01 {N}",
		"Requirement {N} is out of scope."],
	"order": ["Your order {N} has shipped.", "Bestellung {N} wurde storniert.", "Facture {N} réglée.", "Refund for {N} approved."],
	"track": ["Tracking number {N} - out for delivery.", "Sendungsnummer {N}", "Suivi colis : {N}", "Your parcel {N} is at the depot."],
	"ts": ["Backup completed at {N}.", "{N} WARN cache miss ratio above threshold", "last_modified: {N}", "Token issued {N}, expires in 1h."],
	"date": ["Contract signed on {N}.", "Fällig am {N}.", "Échéance : {N}", "Valid until {N}."],
	"price": ["Total due: {N}.", "Das Angebot liegt bei {N}.", "Montant : {N}", "Budget {N} approved by finance."],
	"geo": ["Site location: {N}", "Drone landed at {N}.", "Standort {N}", "geofence center {N}"],
	"hash": ["Fixed in commit {N}.", "SHA-256 of the installer: {N}", "ETag: \"{N}\"", "cache key {N}"],
	"uuid": ["Job {N} failed after 3 retries.", "tenant_id={N}", "Correlation-ID: {N}", "See run {N} in the dashboard."],
	"imei": ["IMEI {N} reported lost.", "Geräte-IMEI: {N}", "Swap the handset with IMEI {N}.", "*#06# shows IMEI {N}"],
	"iccid": ["SIM ICCID {N} activated.", "iccid={N} state=suspended", "Replace the SIM card, ICCID {N}.", "eSIM ICCID: {N}"],
	"mac": ["Device {N} joined VLAN 30.", "hwaddr {N}", "BSSID {N} on channel 36", "Wake-on-LAN sent to {N}."],
	"at": ["npm i {N}", "Thanks {N} for the review!", "uses: {N}", "git clone {N}", "[{N} ~]$ systemctl restart api",
	       "The handler is registered with {N}.", "See {N} in the stylesheet.", "SELECT {N};", "image: {N}"],
	"ein": ["Federal EIN {N} (the company, not a person).", "Vendor tax ID (EIN): {N}", "FEIN {N} on the 1099-NEC."],
	"aba": ["ABA routing number {N}", "Routing/transit: {N}", "Wire to routing {N}, account on file."],
	"phonelike": ["ISBN {N}", "Customer no. {N} (internal)", "Article {N} is back in stock.", "Claim {N} under review.",
		      "Rechnungsnummer {N}", "Référence dossier {N}", "Ordered {N} units this quarter.", "EAN {N}"],
	"npi": ["Rendering provider NPI {N}", "NPI: {N} (Dr. {last})", "Billing NPI {N} not found in NPPES."],
	"badip": ["Rejected malformed X-Forwarded-For value '{N}'.", "invalid address {N} in allowlist (ignored)", "ValueError: '{N}' does not appear to be an IPv4 or IPv6 address"],
	"masked": ["On file (masked): {N}", "Paid with {N}", "Stored value, masked by the vault: {N}", "Displayed as {N} in the portal."],
	"bic": ["BIC/SWIFT: {N}", "Bank code {N}", "SWIFT {N} for international wires."],
	"qty": ["Downloads last month: {N}.", "Population {N} (2023 census).", "File size {N} bytes.", "Auflage {N} Stück.", "Steps today: {N}"],
}


NEG_VARIANT_SENTENCES = {
	"phonelike": {
		"isbn-13": ["ISBN {N}", "Cited edition: ISBN {N}.", "ISBN-Nummer {N}"],
		"isbn-10": ["ISBN {N}", "Old edition, ISBN {N}."],
		"ean-13": ["EAN {N}", "Barcode (EAN-13) {N} scanned twice.", "GTIN {N}"],
		"customer 10": ["Customer no. {N} (internal)", "Kundennummer {N}", "Member ID {N} in the loyalty system"],
		"claim 3-3-4": ["Claim {N} under review.", "Case number {N} was reopened.", "Policy {N} renews in May."],
		"invoice 0+10": ["Rechnungsnummer {N}", "Invoice no. {N}", "Numero fattura {N}"],
		"ref pairs": ["Référence dossier {N}", "Dossier {N} transmis au service juridique."],
		"quantity 3-3": ["Ordered {N} units this quarter.", "Impressions: {N}", "Total bytes transferred: {N}"],
		"case 4-3-3": ["Case {N} escalated.", "Lot {N} recalled."],
	},
	"at": {
		"npm scoped": ["npm i {N}", "Bump {N} in package.json", "pnpm add {N}"],
		"npm pin": ["npm i {N}", "Pin {N} until the regression is fixed."],
		"mention": ["Thanks {N} for the review!", "{N} can you take a look?", "cc {N}"],
		"decorator": ["The handler is registered with {N}.", "Remove the {N} decorator."],
		"java annotation": ["Annotate the method with {N}.", "Missing {N} on the service class."],
		"css at-rule": ["See {N} in the stylesheet.", "The {N} rule breaks on Safari."],
		"sql var": ["SELECT {N};", "PRINT {N};"],
		"docker digest": ["image: {N}", "docker pull {N}"],
		"git remote": ["git clone {N}", "git remote add origin {N}"],
		"shell prompt": ["[{N} ~]$ systemctl restart api", "{N}:~$ sudo reboot"],
		"retina asset": ["<img src=\"/img/{N}\" alt=\"\">", "Export {N} for the hero banner."],
		"actions ref": ["uses: {N}", "- uses: {N}"],
		"go module": ["go install {N}", "go get {N}"],
	},
}


def neg_variant(g, key, want):
	"""A negative of kind key whose variant is one of want."""
	while True:
		v, var = NEG_KINDS[key][1](g)
		if var in want:
			return v, var


def shape_distractors(d):
	g = d.g
	keys = sorted(NEG_SENTENCES)
	k = max(keys, key=lambda k: (NEG_TARGET - d.c.neg_count[k]) / NEG_TARGET + g.r.random() * 0.2)
	ks = [k] + pick(g, [x for x in keys if x != k], g.choice([0, 1, 2]))
	for i, k in enumerate(ks):
		if i:
			d.t(g.choice([" ", "\n", "\n\n", " | "]))
		if k in NEG_VARIANT_SENTENCES:
			v, var = NEG_KINDS[k][1](g)
			before, after = g.choice(NEG_VARIANT_SENTENCES[k][var]).split("{N}")
			d.f(before).neg_value(k, v, var).f(after)
		else:
			d.f(g.choice(NEG_SENTENCES[k]).replace("{N}", "{N:%s}" % k))


def shape_release_notes(d):
	g = d.g
	d.t("## ").n("ver").t(" (").n("date").t(")\n\n")
	d.t("- Bump ").neg_value("at", *neg_variant(g, "at", ["npm scoped", "npm pin", "go module", "actions ref"])).t("\n- Fix crash on devices with firmware ").n("ver").t("\n")
	d.t("- SNMP: expose ").n("oid").t("\n- Build ").n("hash").t("\n")
	if g.chance(0.4):
		d.t("- Thanks to ").v("EMAIL").t(" for the report\n")


SHAPES = [
	(shape_chat, {"PHONE", "SSN", "EMAIL", "CARD", "IBAN", "IP"}, 6),
	(shape_reply, {"PHONE", "SSN", "EMAIL", "CARD", "IBAN", "IP"}, 3),
	(shape_ticket, {"PHONE", "EMAIL", "CARD", "IBAN", "IP", "SSN"}, 3),
	(shape_letter, {"PHONE", "EMAIL", "CARD", "IBAN", "SSN"}, 6),
	(shape_letter_ctxfocus, {"PHONE", "IBAN", "SSN"}, 5),
	(shape_email_msg, {"EMAIL", "PHONE", "IBAN", "SSN", "CARD", "IP"}, 3),
	(shape_vcard, {"PHONE", "EMAIL"}, 2),
	(shape_ldif, {"PHONE", "EMAIL"}, 1),
	(shape_crm_json, {"PHONE", "EMAIL", "IP"}, 2),
	(shape_hr_json, {"SSN", "IBAN", "PHONE", "EMAIL"}, 2),
	(shape_billing_tool, {"CARD"}, 3),
	(shape_function_call, {"PHONE", "EMAIL", "IBAN", "IP", "CARD", "SSN"}, 2),
	(shape_graphql, {"EMAIL", "PHONE", "IP"}, 1),
	(shape_fhir, {"SSN", "PHONE", "EMAIL"}, 1),
	(shape_hl7, {"SSN", "PHONE"}, 1),
	(shape_nginx, {"IP"}, 2),
	(shape_syslog, {"IP"}, 2),
	(shape_jsonlog, {"PHONE", "EMAIL", "IP", "IBAN", "SSN", "CARD"}, 2),
	(shape_winevent, {"IP"}, 1),
	(shape_k8s, {"IP"}, 1),
	(shape_terraform, {"IP", "EMAIL", "PHONE"}, 1),
	(shape_env, {"EMAIL", "PHONE", "IP"}, 1),
	(shape_sql, {"EMAIL", "PHONE", "SSN", "CARD", "IBAN"}, 2),
	(shape_psql, {"PHONE", "SSN"}, 2),
	(shape_csv, {"PHONE", "EMAIL"}, 3),
	(shape_tsv_ssn, {"SSN"}, 2),
	(shape_md_table, {"PHONE", "CARD", "IBAN", "IP", "SSN", "EMAIL"}, 3),
	(shape_html, {"PHONE", "EMAIL"}, 1),
	(shape_xml, {"EMAIL", "PHONE", "IBAN", "IP"}, 1),
	(shape_proto, {"PHONE", "EMAIL"}, 1),
	(shape_http, {"IP", "EMAIL", "PHONE"}, 2),
	(shape_url, {"EMAIL"}, 3),
	(shape_devtools, {"IP", "PHONE"}, 1),
	(shape_stacktrace, {"PHONE", "EMAIL", "IBAN", "IP", "CARD", "SSN"}, 2),
	(shape_issue, {"PHONE", "IBAN", "IP", "EMAIL"}, 2),
	(shape_diff, {"PHONE", "EMAIL", "IP"}, 1),
	(shape_notebook, {"CARD"}, 1),
	(shape_slack, {"PHONE", "IP", "IBAN", "EMAIL"}, 2),
	(shape_transcript, {"PHONE", "CARD", "SSN", "EMAIL"}, 2),
	(shape_pdf, {"IBAN", "EMAIL", "PHONE"}, 2),
	(shape_receipt, {"CARD", "PHONE"}, 3),
	(shape_curl, {"IP"}, 1),
	(shape_ipaddr, {"IP"}, 1),
	(shape_pdf_columns, {"PHONE", "IBAN", "EMAIL"}, 1),
	(shape_bank_statement, {"IBAN"}, 2),
	(shape_manifest, {"PHONE", "EMAIL"}, 1),
	(shape_form, {"SSN", "PHONE", "IBAN"}, 2),
	(shape_ocr_form, {"SSN"}, 2),
	(shape_multi_sep, {"PHONE", "EMAIL", "IP", "CARD", "IBAN", "SSN"}, 3),
	(shape_long, {"PHONE", "IBAN", "EMAIL", "IP"}, 2),
	(shape_release_notes, {"EMAIL"}, 1),
	(shape_distractors, set(), 0),
]


# ---- generation ---------------------------------------------------------------------------

TYPES = ["EMAIL", "PHONE", "SSN", "CARD", "IBAN", "IP"]
MAX_TEXTS = 2600


def type_deficit(c, typ):
	keys = [k for k in TARGETS if k.startswith(typ + "/")]
	return sum(max(0, TARGETS[k] - c.count[k]) for k in keys) / sum(TARGETS[k] for k in keys)


def choose_shape(c):
	g = c.g
	needs = [(type_deficit(c, t), t) for t in TYPES] + \
		[((NEG_TARGET - c.neg_count[k]) / NEG_TARGET, "neg") for k in NEG_KINDS]
	if all(c.count[k] >= TARGETS[k] for k in TARGETS) and all(v >= NEG_TARGET for v in c.neg_count.values()):
		return None
	if c.count["EMAIL/percent-encoded"] < TARGETS["EMAIL/percent-encoded"] and g.chance(0.04):
		return g.choice([shape_url, shape_http])
	if g.chance(0.025):
		return g.choice([shape_ipaddr, shape_curl])
	if g.chance(0.3):
		return g.choice([s for s, _, w in SHAPES if w > 0])
	need = max(needs, key=lambda x: x[0] + g.r.random() * 0.15)[1]
	if need == "neg":
		return shape_distractors
	cands = [(s, w) for s, hosts, w in SHAPES if need in hosts and w > 0]
	total = sum(w for _, w in cands)
	x = g.r.random() * total
	for s, w in cands:
		x -= w
		if x <= 0:
			return s
	return cands[-1][0]


def finalize(d):
	"""The record of a Doc: computes ctx and checks the template's declaration for PHONE and SSN."""
	text = d.text()
	raw = text.encode("utf-8")
	spans = []
	for x in d.labels + d.negatives:
		cs, ce = len(raw[:x["start"]].decode("utf-8")), len(raw[:x["end"]].decode("utf-8"))
		spans.append((cs, ce))
	labels = []
	for lab in d.labels:
		cs, ce = len(raw[:lab["start"]].decode("utf-8")), len(raw[:lab["end"]].decode("utf-8"))
		ls = text.rfind("\n", 0, cs) + 1
		le = text.find("\n", ce)
		le = len(text) if le < 0 else le
		line = list(text[ls:le])
		for s0, e0 in spans:
			for i in range(max(s0, ls), min(e0, le)):
				line[i - ls] = " "
		line = " ".join(w for w in "".join(line).split(" ") if "@" not in w)
		ctx = lab["_key"] or names_type(lab["type"], line)
		if lab["type"] in ("PHONE", "SSN") and ctx != lab["_declared"]:
			raise AssertionError("template %s declares ctx=%s but the line says %s: %r" % (
				d.tpl, lab["_declared"], ctx, text[ls:le]))
		out = dict((k, v) for k, v in lab.items() if not k.startswith("_"))
		out["ctx"] = bool(ctx)
		labels.append(out)
	return text, labels, d.negatives


def generate(seed):
	c = Corpus(seed)
	recs = []
	while len(recs) < MAX_TEXTS:
		shape = choose_shape(c)
		if shape is None:
			break
		d = Doc(c, shape.__name__[6:])
		shape(d)
		if not d.labels and not d.negatives:
			continue
		text, labels, negs = finalize(d)
		recs.append({"id": "%s-%05d" % (SPLIT, len(recs) + 1), "split": SPLIT, "seed": seed, "text": text,
			     "labels": labels, "negatives": negs})
	return recs


# ---- validation by each format's own specification --------------------------------------------

ATEXT = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-\u0080-\U0010ffff]+")
DOMAIN_LABEL = re.compile(r"(?!-)[A-Za-z0-9\-\u0080-\U0010ffff]{1,63}(?<!-)")


def email_ok(v):
	if v.count("@") != 1:
		return False
	local, dom = v.split("@")
	if not local or len(local) > 64 or any(not ATEXT.fullmatch(p) for p in local.split(".")):
		return False
	labels = dom.split(".")
	if len(labels) < 2 or any(not DOMAIN_LABEL.fullmatch(x) for x in labels):
		return False
	tld = labels[-1]
	return tld.startswith("xn--") or (tld.isalpha() and len(tld) >= 2)


def unquote(v):
	return re.sub(r"%([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), v)


NAT_RE = {
	"UK": r"0(20[378]\d{7}|2[3489][2-9]\d{7}|11[3-8][2-9]\d{6}|1[2-69]1[2-9]\d{6}|1\d{3}[2-9]\d{5}|7[4-9]\d{8})",
	"DE": r"0(1(5[0-9]\d{8}|[67]\d{8,9})|[2-9]\d{7,10})",
	"FR": r"0[1-9]\d{8}",
	"IT": r"(3[2-9]\d{8}|0\d{9})",
	"ES": r"[6789]\d{8}",
	"NL": r"0(6[1-5]\d{7}|[1-57-9]\d{8})",
}
E164_RE = {
	"AU": r"(4\d{8}|[2378]\d{8})", "JP": r"([789]0\d{8}|3\d{8})", "IN": r"[6-9]\d{9}", "BR": r"[1-6]19\d{8}",
	"CH": r"(44|79|76|78|22|31)\d{7}", "SE": r"7[0236]\d{7}", "PL": r"[5-8]\d{8}", "IE": r"(8[35679]\d{7}|1\d{7})",
	"MX": r"(55|33|81)[1-9]\d{7}", "ZA": r"(8[23]|7[12]|11|21)[1-9]\d{6}", "SG": r"[689]\d{7}", "PT": r"9[1236]\d{7}",
	"DK": r"[2-6]\d{7}", "NO": r"[49]\d{7}", "FI": r"(40|41|44|45|50)\d{7}", "CZ": r"[67]\d{8}", "TR": r"5[0345]\d{8}",
	"RO": r"7[2456]\d{7}", "GR": r"69[3457]\d{7}", "CN": r"1[3589]\d{9}", "AT": r"6(64|60|76|99|50)[1-9]\d{6}",
	"BE": r"4[789]\d{7}",
}


def nanp_ok(digits):
	return len(digits) == 10 and digits[0] in "23456789" and digits[3] in "23456789" and digits[4:6] != "11"


def phone_ok(sub, v):
	if not re.fullmatch(r"\+?[0-9 \-./()\u00a0\u202f]+", v) or not v[-1].isdigit():
		return False
	digits = re.sub(r"\D", "", v.replace("(0)", ""))
	if sub.startswith("PHONE/NANP-"):
		if sub.endswith(("plus1", "trunk1")):
			if digits[0] != "1" or (sub.endswith("plus1") and not v.startswith("+1")):
				return False
			digits = digits[1:]
		return nanp_ok(digits)
	if sub.startswith("PHONE/E164-"):
		if not v.startswith("+") or len(digits) > 15:
			return False
		return any(digits.startswith(cc) and re.fullmatch(E164_RE[k], digits[len(cc):]) for k, cc in E164_CC.items())
	country, kind = sub[6:].split("-")
	if kind == "intl":
		cc = NAT_CC[country]
		if v.startswith("+"):
			pass
		elif v.startswith("00"):
			digits = digits[2:]
		else:
			return False
		if not digits.startswith(cc):
			return False
		digits = ("0" if country in ("UK", "DE", "FR", "NL") else "") + digits[len(cc):]
	return re.fullmatch(NAT_RE[country], digits) is not None


def ssn_ok(v):
	d = re.sub(r"[ \-\u00a0]", "", v)
	return (re.fullmatch(r"\d{3}([- \u00a0]?)\d{2}\1\d{4}", v) is not None and len(d) == 9 and d[:3] not in ("000", "666")
		and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000")


def card_brand(num):
	n, p2, p3, p4 = len(num), int(num[:2]), int(num[:3]), int(num[:4])
	if num[0] == "4" and n in (16, 19):
		return "visa"
	if 51 <= p2 <= 55 and n == 16:
		return "mastercard"
	if 2221 <= p4 <= 2720 and n == 16:
		return "mastercard2"
	if p2 in (34, 37) and n == 15:
		return "amex"
	if (num.startswith("6011") or 644 <= p3 <= 649 or num.startswith("65")) and n == 16:
		return "discover"
	if 3528 <= p4 <= 3589 and n == 16:
		return "jcb"
	if (300 <= p3 <= 305 or p2 in (36, 38, 39)) and n == 14:
		return "diners"
	if num.startswith("62") and n in (16, 19):
		return "unionpay"
	if num[:4] in ("6759", "5018", "5020", "5038", "6304", "6761", "6763") and n in (16, 19):
		return "maestro"
	if 2200 <= p4 <= 2204 and n == 16:
		return "mir"
	return None


def card_ok(sub, v):
	fmt = sub.rsplit("-", 1)[1]
	sep = {"plain": "", "spaced": "[ \u00a0]", "dashed": "-", "dotted": r"\."}[fmt]
	if fmt != "plain" and not re.fullmatch(r"\d+(%s\d+)+" % sep, v):
		return False
	num = re.sub(r"\D", "", v)
	return pc.luhn_ok(num) and card_brand(num) == sub[5:].rsplit("-", 1)[0]


def iban_ok(sub, v):
	if sub == "IBAN/compact" and not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", v):
		return False
	if sub == "IBAN/grouped" and not re.fullmatch(r"[A-Z]{2}\d{2}( |\n)([A-Z0-9]{4}( |\n))*[A-Z0-9]{1,4}", v):
		return False
	s = re.sub(r"\s", "", v)
	return pc.IBAN_LEN.get(s[:2]) == len(s) and pc.iban_ok(s)


def ip_ok(sub, v):
	try:
		a = ipaddress.ip_address(v)
	except ValueError:
		return False
	if a.is_loopback or a.is_unspecified:
		return False
	if sub.startswith("IP/v4"):
		return a.version == 4
	if a.version != 6:
		return False
	if sub == "IP/v6-full":
		return "::" not in v and v.count(":") == 7
	if sub == "IP/v6-compressed":
		return "::" in v and "." not in v
	return "." in v


def label_ok(lab, v):
	t, sub = lab["type"], lab["sub"]
	if t == "EMAIL":
		return email_ok(unquote(v) if sub == "EMAIL/percent-encoded" else v) and (sub != "EMAIL/percent-encoded" or "%40" in v)
	if t == "PHONE":
		return phone_ok(sub, v)
	if t == "SSN":
		return ssn_ok(v) and {"dashed": "-" in v, "spaced": " " in v or NBSP in v, "plain": v.isdigit()}[sub[4:]]
	if t == "CARD":
		return card_ok(sub, v)
	if t == "IBAN":
		return iban_ok(sub, v)
	return ip_ok(sub, v)


def neg_ok(neg, v):
	"""The negative really is not a value of the labelled types (or, for Luhn-valid ids, is what it says)."""
	k = neg["kind"]
	digits = re.sub(r"\D", "", v)
	if k == "card failing Luhn":
		return 14 <= len(digits) <= 19 and not pc.luhn_ok(digits)
	if k == "IBAN failing mod-97":
		return not pc.iban_ok(re.sub(r"\s", "", v))
	if k == "invalid SSN":
		return len(digits) == 9 and not ssn_ok(v)
	if k == "SSN-shaped number, non-SSN context":
		return re.fullmatch(r"\d{3}-\d{2}-\d{4}", v) is not None
	if k == "IMEI (Luhn-valid)":
		return len(digits) == 15 and pc.luhn_ok(digits)
	if k == "ICCID (Luhn-valid)":
		return digits.startswith("89") and len(digits) in (19, 20) and pc.luhn_ok(digits)
	if k == "NPI (Luhn-valid, not a card)":
		return len(digits) == 10 and pc.luhn_ok("80840" + digits)
	if k == "ABA routing number":
		return aba_ok(v)
	if k == "invalid IP address":
		try:
			ipaddress.ip_address(v)
			return False
		except ValueError:
			return True
	if k == "@ but not an e-mail":
		return "@" in v and (not email_ok(v) or neg["variant"] in ("retina asset", "Message-ID"))
	if k == "MAC address":
		return re.fullmatch(r"([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}|[0-9a-f]{12}", v) is not None
	if k == "UUID":
		return re.search(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", v) is not None
	if k == "EIN":
		return re.fullmatch(r"\d{2}-\d{7}", v) is not None and int(v[:2]) in EIN_PREFIX
	if k == "masked value":
		return re.search(r"[*•X]{3}", v) is not None or v.startswith("ending ")
	return True


def selfcheck_record(rec):
	text = rec["text"]
	raw = text.encode("utf-8")
	spans = []
	for lab in rec["labels"]:
		v = raw[lab["start"]:lab["end"]].decode("utf-8")
		assert v and v == v.strip(), (rec["id"], v)
		assert label_ok(lab, v), (rec["id"], lab["sub"], v)
		spans.append((lab["start"], lab["end"], v))
	for neg in rec["negatives"]:
		v = raw[neg["start"]:neg["end"]].decode("utf-8")
		assert v and v == v.strip(), (rec["id"], v)
		assert neg_ok(neg, v), (rec["id"], neg["kind"], v)
		spans.append((neg["start"], neg["end"], v))
	spans.sort()
	for a, b in zip(spans, spans[1:]):
		assert a[1] <= b[0], (rec["id"], "overlap", a[2], b[2])
	# nothing that looks like an address, an IPv4 or a long digit run left unlabelled
	rest = bytearray(raw)
	for s0, e0, _ in spans:
		rest[s0:e0] = b" " * (e0 - s0)
	rest = rest.decode("utf-8", "replace")
	for m in re.finditer(r"@", rest):
		assert m.start() == 0 or not re.match(r"[A-Za-z0-9._%+\-]", rest[m.start() - 1]), (rec["id"], "stray @", rest[max(0, m.start() - 30):m.start() + 30])
	assert not re.search(r"(?<![\d.])\d{1,3}(\.\d{1,3}){3}(?![\d.])", rest), (rec["id"], "stray IPv4", rest)
	assert not re.search(r"\d{9}", rest), (rec["id"], "stray digit run", rest)


def selfcheck_specs():
	assert email_ok("o'neill@example.com") and email_ok("a!b@x.io") and not email_ok("logo@2x") and not email_ok("git@github.com:a/b")
	assert phone_ok("PHONE/NANP-dashed", "415-555-0123") and not phone_ok("PHONE/NANP-dashed", "415-155-0123")
	assert phone_ok("PHONE/DE-intl", "+49 (0)30 12345678") and phone_ok("PHONE/FR-national", "01 23 45 67 89")
	assert ssn_ok("123-45-6789") and not ssn_ok("666-45-6789") and not ssn_ok("123-00-6789")
	assert card_ok("CARD/visa-spaced", "4111 1111 1111 1111") and card_ok("CARD/amex-plain", "378282246310005")
	assert iban_ok("IBAN/grouped", "DE89 3704 0044 0532 0130 00") and not iban_ok("IBAN/compact", "DE88370400440532013000")
	assert ip_ok("IP/v6-compressed", "2001:db8::1") and not ip_ok("IP/v4", "127.0.0.1")
	assert aba_ok("021000021") and pc.luhn_ok("80840" + "1234567893")


def summary(recs):
	from collections import Counter
	t, s, cx, n = Counter(), Counter(), Counter(), Counter()
	for r in recs:
		for lab in r["labels"]:
			t[lab["type"]] += 1
			s[lab["sub"]] += 1
			cx[lab["type"]] += lab["ctx"]
		for neg in r["negatives"]:
			n[neg["kind"]] += 1
	out = ["%d texts, %d labels, %d negatives" % (len(recs), sum(t.values()), sum(n.values()))]
	for k in TYPES:
		out.append("%-6s %4d  ctx %.2f" % (k, t[k], cx[k] / max(1, t[k])))
	return "\n".join(out), s, n


def main():
	ap = argparse.ArgumentParser(description="Write the fourth blind held-out PII corpus (JSON lines).")
	ap.add_argument("-o", "--output", help="write here instead of stdout")
	ap.add_argument("--stats", action="store_true", help="print counts per type, sub-format and negative kind to stderr")
	a = ap.parse_args()
	pc.selfcheck()
	selfcheck_specs()
	recs = generate(SEED)
	for rec in recs:
		selfcheck_record(rec)
	lines = [json.dumps(rec, ensure_ascii=False) + "\n" for rec in recs]
	again = [json.dumps(rec, ensure_ascii=False) + "\n" for rec in generate(SEED)]
	assert lines == again, "output is not deterministic"
	out = open(a.output, "w", encoding="utf-8") if a.output else sys.stdout
	out.writelines(lines)
	if out is not sys.stdout:
		out.close()
	if a.stats:
		head, subs, negs = summary(recs)
		sys.stderr.write(head + "\n")
		for k in sorted(subs):
			sys.stderr.write("  %-28s %4d\n" % (k, subs[k]))
		for k in sorted(negs):
			sys.stderr.write("  %-40s %4d\n" % (k, negs[k]))


if __name__ == "__main__":
	main()
