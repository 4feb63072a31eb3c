#!/usr/bin/env python3
"""
pii_holdout.py - tollgate's BLIND held-out PII corpus: the final score of the
pattern detectors (EMAIL, PHONE, SSN, CARD, IBAN, IP), issue 4 item 6.

What it is
  A deterministic generator (one fixed seed, Python 3 standard library only)
  of labelled texts that look like the traffic an agent sends and receives:
  chat prompts and model replies, support tickets, CRM/HR/billing JSON tool
  results, function-call arguments (OpenAI, Anthropic, Gemini shapes), nginx /
  syslog / postfix / JSON logs, CSV and markdown tables, SQL INSERTs, YAML /
  INI / .env / nginx / WireGuard config, HTTP request headers, stack traces,
  e-mails with signature blocks, vCards, network tool output, code fixtures,
  and forms and letters in English, German, French, Italian, Spanish and
  Dutch. Values sit at the start and end of lines, inside quotes, brackets and
  parentheses, before punctuation, and next to near-miss distractors
  ("negatives") that must not be detected.

How it was written
  Written for the held-out score after bench/pii_corpus.py (dev and test) had
  been used while the rules were tuned. Values are produced from the formats'
  own specifications: RFC 5321/5322 addresses and IDNA (RFC 3490/3492)
  domains; ITU-T E.164 and the national numbering plans of NANP, UK (Ofcom,
  including its drama ranges), DE (BNetzA), FR (ARCEP), IT (AGCOM), ES (CNMC),
  NL (ACM) and 25 other countries; SSA area/group/serial rules; ISO/IEC 7812
  IIN ranges, lengths and the Luhn digit; ISO 13616 IBAN structures of 40
  countries with mod-97 and, where they exist, the national check digits
  (BE, FR, MC, ES, IT, SM, NL, PT); IPv4 (RFC 791) and IPv6 full, compressed
  (RFC 4291 / RFC 5952) and IPv4-embedded (RFC 4291 2.5.5, RFC 6052) forms.
  Only the check-digit helpers of bench/pii_corpus.py are imported (and its
  sub-format names reused, so the scorer classifies weak formats the same
  way); every template, context phrasing, key name, word list and distractor
  sentence here is new. Each label's "ctx" is not declared by hand: it is
  computed from the finished text with this file's own lexicon of words that
  name a type (the same line, or the value's table/SQL column header), and
  the generator checks it against what each template intended.

Blindness rules it was written under
  The author did not read policies/redaction*.json, userspace/detectors.[ch],
  userspace/redact*.c, userspace/tablectx.c, tests/unit/test_detectors*.c,
  tests/unit/test_tablectx.c, bench/RESULTS-redaction.md, nor their git
  history; did not run any tollgate detector (bench/redaction, the proxy, the
  unit tests) on this corpus or on anything else, and did not try to find out
  what the rules catch. Labels follow the format specifications only. Do not
  tune rules on this corpus: score it, read the totals, and leave it alone.

Output: JSON lines in exactly the schema of bench/pii_corpus.py:
  {"id": "holdout-00001", "split": "holdout", "seed": N, "text": "...",
   "labels": [{"type", "sub", "variant", "ctx", "tpl", "start", "end"}],
   "negatives": [{"kind", "variant", "tpl", "start", "end"}]}
start/end are UTF-8 byte offsets into text (end exclusive); the labelled
value is exactly text[start:end]. Weak sub-formats (expected to be found only
when ctx is true) are PHONE/XX-national, PHONE/NANP-plain, SSN/plain and
SSN/spaced; about half of them carry context.

Self-check, run every time before anything is written: text[start:end] is
the value and is not glued to letters or digits; labels and negatives never
overlap; every value is re-validated by its spec (Luhn, IIN and length,
mod-97, BBAN structure, SSA rules, numbering plans, RFC address syntax via
the ipaddress module), with validators written apart from the generators
(only the IBAN national check digits reuse bench/pii_corpus.py's helpers,
which the check first tests against published example IBANs); every
negative is re-checked to be invalid or not PII; nothing outside the spans
looks like a strong-format value; every weak value's context is what its
template meant, a context word is within 60 characters (or in the column
header), and a weak value without context has no hint word on its line
either; the whole corpus is generated twice and must be byte-identical.

Usage: python3 bench/pii_holdout.py -o FILE     (stdout without -o)
       python3 bench/pii_holdout.py --stats     (counts, to stderr)
"""
import argparse
import base64
import collections
import ipaddress
import json
import os
import random
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_corpus as pc  # noqa: E402  check-digit helpers only (iban_check, rib_key, es_dc, it_cin, be_check)

SPLIT = "holdout"
SEED = 60221023
NEG_TARGET = 60  # near misses per negative kind (at least)


# ---- randomness ---------------------------------------------------------------

class Gen:
	def __init__(self, seed):
		self.r = random.Random(seed)

	def pick(self, seq):
		return self.r.choice(seq)

	def chance(self, p):
		return self.r.random() < p

	def int(self, a, b):
		return self.r.randint(a, b)

	def digits(self, n, first="0123456789"):
		if n <= 0:
			return ""
		return self.r.choice(first) + "".join(self.r.choice("0123456789") for _ in range(n - 1))

	def hexs(self, n, upper=False):
		s = "".join(self.r.choice("0123456789abcdef") for _ in range(n))
		return s.upper() if upper else s

	def chars(self, n, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"):
		return "".join(self.r.choice(alphabet) for _ in range(n))


# ---- people, places, fillers ----------------------------------------------------

PEOPLE = ["Aisha Bello", "Björn Andersson", "Camille Lefèvre", "Daan Bakker", "Elena Petrova", "Farid Benali",
	  "Greta Hoffmann", "Hiroshi Sato", "Ilaria Conti", "Javier Ortega", "Katarzyna Wiśniewska", "Luca Ferrari",
	  "Mei Lin", "Nikolai Sokolov", "Olga Brandt", "Paulo Santos", "Quentin Roux", "Rosa Martínez",
	  "Sanne Visser", "Thomas Becker", "Ugo Marchetti", "Valentina Ricci", "Willem Smit", "Ximena Duarte",
	  "Zoltán Kiss", "Émilie Girard", "Jürgen Schäfer", "Noémie Faure", "Bram Janssen", "Sofía Navarro",
	  "Marta Giménez", "Henk de Jong", "Chiara Esposito", "Kevin O'Brien", "Priyanka Rao", "Tunde Adeyemi",
	  "Mariam Saleh", "Dmitri Volkov", "Dana Whitfield", "Marcus Reyes", "Grace Kim", "Tyler Brooks",
	  "Brianna Lewis", "Ethan Cole", "Nadia Haddad", "Ana Sousa", "Stefan Wagner", "Lotte Mulder",
	  "Pierre Garnier", "Giorgio Romano", "Lucía Herrera", "Jeroen van Dijk", "Hannah Schulz",
	  "Amélie Dupont", "Carlos Medina", "Søren Holm", "Łucja Zielińska", "Andrea Colombo"]
CITIES = ["Berlin", "Hamburg", "Köln", "Leipzig", "Lyon", "Lille", "Nantes", "Torino", "Bologna", "Napoli",
	  "Valencia", "Bilbao", "Málaga", "Rotterdam", "Eindhoven", "Groningen", "Manchester", "Leeds", "Denver",
	  "Portland", "Chicago", "Austin", "Toronto", "Graz", "Basel", "Gent"]
COMPANIES = ["Larkspur Logistics GmbH", "Brightwater SAS", "Ferro & Figli S.p.A.", "Ortega Hermanos S.L.",
	     "De Wit Installatie B.V.", "Corvid Analytics Ltd", "Meridian Care Inc.", "Quillon Software AG",
	     "Saltmarsh Foods Ltd", "Tessellate Studio", "Kestrel Freight LLC", "Sonnenhof Immobilien KG"]
STREETS = ["Lindenstraße 14", "12 rue des Tanneurs", "Via Garibaldi 8", "Calle Mayor 27", "Kerkstraat 3",
	   "44 Mill Lane", "1850 Grant Street", "Hauptstraße 112b"]
TITLES = ["Head of Finance", "Office Manager", "Sachbearbeiterin Buchhaltung", "Responsable administratif",
	  "Responsabile acquisti", "Jefa de compras", "Projectleider", "Senior Engineer", "Operations Lead",
	  "Teamleiter Einkauf", "Chargée de clientèle", "Ufficio amministrazione"]
PRODUCTS = ["the Pro plan", "router X200", "the annual licence", "order of 40 chairs", "the team workspace",
	    "the premium bundle", "two return flights", "the storage add-on"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def fold(s):
	"""ASCII letters for a mailbox name: 'Wiśniewska' -> 'wisniewska'."""
	s = s.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L").replace("æ", "ae")
	s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
	return re.sub("[^a-z]", "", s.lower())


def person_parts(g):
	full = g.pick(PEOPLE)
	first, last = full.split(" ", 1)
	return fold(first), fold(last)


FILL = {
	"name": lambda g: g.pick(PEOPLE),
	"name2": lambda g: g.pick(PEOPLE),
	"first": lambda g: g.pick(PEOPLE).split(" ")[0],
	"last": lambda g: g.pick(PEOPLE).split(" ", 1)[1],
	"city": lambda g: g.pick(CITIES),
	"company": lambda g: g.pick(COMPANIES),
	"street": lambda g: g.pick(STREETS),
	"title": lambda g: g.pick(TITLES),
	"product": lambda g: g.pick(PRODUCTS),
	"weekday": lambda g: g.pick(WEEKDAYS),
	"date": lambda g: "%04d-%02d-%02d" % (g.int(2024, 2026), g.int(1, 12), g.int(1, 28)),
	"date_eu": lambda g: "%02d.%02d.%04d" % (g.int(1, 28), g.int(1, 12), g.int(2024, 2026)),
	"date_fr": lambda g: "%02d/%02d/%04d" % (g.int(1, 28), g.int(1, 12), g.int(2024, 2026)),
	"dob_eu": lambda g: "%02d.%02d.%04d" % (g.int(1, 28), g.int(1, 12), g.int(1951, 2004)),
	"dob": lambda g: "%02d/%02d/%04d" % (g.int(1, 12), g.int(1, 28), g.int(1951, 2004)),
	"time": lambda g: "%02d:%02d" % (g.int(7, 19), g.pick([0, 15, 30, 45])),
	"ticket": lambda g: g.pick(["#%d" % g.int(10000, 899999), "SUP-%d" % g.int(100, 9999),
				    "INC%07d" % g.int(1000, 999999), "CS-%d" % g.int(1000, 99999)]),
	"amount": lambda g: g.pick(["€ %d,%02d" % (g.int(5, 999), g.int(0, 99)), "$%d.%02d" % (g.int(5, 999), g.int(0, 99)),
				    "%d,%02d EUR" % (g.int(5, 999), g.int(0, 99)), "£%d.%02d" % (g.int(5, 999), g.int(0, 99))]),
	"n": lambda g: str(g.int(2, 4999)),
	"pid": lambda g: str(g.int(300, 65000)),
	"port": lambda g: str(g.pick([g.int(1024, 65535), 8080, 8443, 5432, 6379, 3306, 9200, 22, 443])),
	"plen": lambda g: str(g.pick([8, 12, 16, 20, 22, 24, 24, 26, 28, 29, 30, 32])),
	"plen6": lambda g: str(g.pick([32, 48, 56, 64, 64, 64, 128])),
	"exp": lambda g: "%02d/%02d" % (g.int(1, 12), g.int(25, 31)),
	"cvc": lambda g: g.digits(3),
	"user": lambda g: g.pick(["deploy", "admin", "root", "oracle", "ubuntu", "test", "postgres", "git", "backup"]),
	"hex": lambda g: g.hexs(8),
	"ms": lambda g: "%d.%03d" % (g.int(0, 90), g.int(0, 999)),
	"status": lambda g: str(g.pick([200, 200, 200, 201, 204, 301, 302, 400, 401, 403, 404, 429, 500, 502, 503])),
	"bytes": lambda g: str(g.int(0, 99999)),
	"domain": lambda g: g.pick(ORGS) + "." + g.pick(ORG_TLDS),
	"hexq": lambda g: g.hexs(10, True),
	"alnum": lambda g: g.chars(14, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
	"last4": lambda g: g.digits(4),
	"orgword": lambda g: g.pick(ORGS).replace("-", ""),
	"n2": lambda g: "%02d" % g.int(1, 12),
	"path": lambda g: g.pick(["/api/v2/orders", "/login", "/wp-login.php", "/healthz", "/v1/chat/completions",
				  "/static/app.js", "/account/settings", "/.env", "/graphql", "/api/v1/users/me"]),
}


# ---- the lexicon: words that name a type, and words that only hint at one -------
#
# Matched on a normalised copy of a line (lower case, camelCase and snake_case
# split, punctuation as blanks), whole words only, with every labelled span and
# every negative masked out first. NAMING decides "ctx"; AMBIG lists words a
# reader might take as a hint for the weak formats, which a weak value without
# context must not have on its line either.

NAMING_WORDS = {
	"EMAIL": r"e ?mails?|mails?|mailto|courriel|courriels|correo|mailadresse|emailadresse|mailadres|emailadres|"
		 r"posta elettronica|pec",
	"PHONE": r"phones?|telephones?|tel|mobile|mob|cell|cellphone|cellular|fax|landline|hotline|helpline|msisdn|"
		 r"phonenumber|mobilephone|mobilenumber|telefon|telefonisch|telefonnummer|telefonnr|handy|handynummer|mobil|"
		 r"mobilnummer|mobilfunknummer|mobiltelefon|rufnummer|festnetz|festnetznummer|faxnummer|telefax|"
		 r"téléphone|tél|portable|télécopie|telefono|cellulare|telefonino|telefonico|teléfono|móvil|movil|"
		 r"celular|tlf|tfno|telf|telefoon|telefoonnummer|mobiel|mobiele|mobielnummer|gsm",
	"SSN": r"ssns?|social security|soc sec|seguro social",
	"CARD": r"cards?|cardholder|cardnumber|credit ?card|debit ?card|visa|mastercard|master card|amex|"
		r"american express|discover|jcb|diners|diners club|unionpay|union pay|pan|cc number|ccnum|"
		r"kreditkarte|kreditkartennummer|karte|kartennummer|girocard|carte|cb|carta|tarjeta|creditcard|kaart|"
		r"kaartnummer|creditcardnummer|betaalkaart|pinpas|bankpas",
	"IBAN": r"ibans?|accounts?|acct|konto|kontonummer|kontonr|bankverbindung|kontoverbindung|compte|rib|conto|"
		r"cuenta|rekening|rekeningnummer|bankrekening",
	"IP": r"ipv4|ipv6|ips?|ipaddr|ipaddress|addr|address|addresses|adresse|adres|indirizzo|dirección|direccion|"
	      r"hosts?|servers?|peers?|gateway|nameserver|resolver|inet|inet6|subnet|cidr|forwarded|src|dst|srcaddr|"
	      r"dstaddr",
}
AMBIG_WORDS = {
	"PHONE": r"numbers?|nummer|numéro|numero|número|nr|no|contacts?|kontakt|contatto|contatti|contacto|"
		 r"contactpersoon|ansprechpartner|call|calls|calling|called|dial|ring|reach|reachable|bellen|bel|"
		 r"anrufen|anruf|rückruf|erreichbar|erreichen|appeler|appelez|appel|rappeler|rappel|joignable|joindre|"
		 r"chiamare|chiamami|chiamata|richiamare|reperibile|llamar|llámame|llamada|llamadas|bereikbaar|"
		 r"terugbellen|bereiken|rufen|contacter|contactez|contactar|contattare|sms|text|texts|whatsapp|signal|"
		 r"telegram|voicemail|ext|extension|line|linea|línea|lijn|ligne|leitung|callback|direct|switchboard|"
		 r"zentrale|standard|centralino|centralita|reception|receptie|interphone|sonner|office|dial in|pin|caller|callee|"
		 r"cdr|sip|trunk|recapito|recapiti|anschluss|joindre",
	"SSN": r"tin|itin|taxpayer|tax|taxes|w ?9|w ?2|1099|id|ids|identification|security|social|ss|ssa|ein|"
	       r"national|numbers?|no|nr",
}
# "address" names an IP only when it is not an e-mail or postal address
IP_NOT = re.compile(r"\b(?:e ?mail|mail|postal|street|billing|shipping|home|delivery|post|correo|courriel)\s+"
		    r"(?:address|addresses|adresse|adres|dirección|direccion|indirizzo)\b|"
		    r"\b(?:adresse|adres|dirección|direccion|indirizzo)\s+(?:de\s+|di\s+)?"
		    r"(?:e ?mail|mail|électronique|correo|postale|posta|courriel|facturation|livraison)\b")
NAMING = {t: re.compile(r"\b(?:%s)\b" % w) for t, w in NAMING_WORDS.items()}
AMBIG = {t: re.compile(r"\b(?:%s)\b" % w) for t, w in AMBIG_WORDS.items()}
TYPES = ["EMAIL", "PHONE", "SSN", "CARD", "IBAN", "IP"]


def norm(s):
	"""Lower case, camelCase split, non-alphanumerics as blanks; idx maps back to s."""
	out, idx, prev = [], [], ""
	for i, ch in enumerate(s):
		if ch.isupper() and prev.islower():
			out.append(" ")
			idx.append(i)
		out.append(ch.lower()[0] if ch.isalnum() else " ")
		idx.append(i)
		prev = ch
	return "".join(out), idx


def word_hits(rx, s, typ):
	ns, idx = norm(s)
	if typ == "IP":
		ns = IP_NOT.sub(lambda m: " " * len(m.group(0)), ns)
	return [(idx[m.start()], idx[m.end() - 1] + 1) for m in rx.finditer(ns)]


def naming_hits(typ, s):
	return word_hits(NAMING[typ], s, typ)


def ambig_hits(typ, s):
	return word_hits(AMBIG[typ], s, typ) if typ in AMBIG else []


# ---- validators (written apart from the generators, used by the self-check) -------

def v_luhn(d):
	total = 0
	for i, ch in enumerate(reversed(d)):
		k = int(ch)
		if i % 2:
			k = k * 2 - 9 if k > 4 else k * 2
		total += k
	return total % 10 == 0


def v_mod97(s):
	s = s.replace(" ", "")
	r = s[4:] + s[:4]
	n = 0
	for c in r:
		n = (n * (100 if c.isalpha() else 10) + (ord(c) - 55 if c.isalpha() else int(c))) % 97
	return n == 1


ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
EMAIL_RE = re.compile(r"(%s(?:\.%s)*)@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[a-z0-9-]{2,59}))" % (ATEXT, ATEXT))


def v_email(v):
	m = EMAIL_RE.fullmatch(v)
	if not m or len(m.group(1)) > 64 or len(v) > 254:
		return False
	for label in m.group(2).lower().split("."):
		if label.startswith("xn--"):
			try:
				label.encode("ascii").decode("idna")
			except UnicodeError:
				return False
	return True


def v_ssn(v, sub):
	form = {"SSN/dashed": r"(\d{3})-(\d{2})-(\d{4})", "SSN/spaced": r"(\d{3}) (\d{2}) (\d{4})",
		"SSN/plain": r"(\d{3})(\d{2})(\d{4})"}[sub]
	m = re.fullmatch(form, v)
	return bool(m) and ssn_rules_ok(*m.groups())


def ssn_rules_ok(a, b, c):
	return a != "000" and a != "666" and a[0] != "9" and b != "00" and c != "0000"


def card_brand_ok(brand, d):
	n, i2, i3, i4, i6 = len(d), int(d[:2]), int(d[:3]), int(d[:4]), int(d[:6])
	if brand == "visa":
		return d[0] == "4" and n in (13, 16, 19)
	if brand == "mastercard":
		return 51 <= i2 <= 55 and n == 16
	if brand == "mastercard2":
		return 2221 <= i4 <= 2720 and n == 16
	if brand == "amex":
		return i2 in (34, 37) and n == 15
	if brand == "discover":
		return (i4 == 6011 or 644 <= i3 <= 649 or i2 == 65 or 622126 <= i6 <= 622925) and 16 <= n <= 19
	if brand == "jcb":
		return 3528 <= i4 <= 3589 and 16 <= n <= 19
	if brand == "diners":
		return (300 <= i3 <= 305 or i4 == 3095 or i2 in (36, 38, 39)) and 14 <= n <= 19
	if brand == "unionpay":
		return i2 == 62 and 16 <= n <= 19
	return False


CARD_BRANDS = ["visa", "mastercard", "mastercard2", "amex", "discover", "jcb", "diners", "unionpay"]


def v_card_any(d):
	return 13 <= len(d) <= 19 and v_luhn(d) and any(card_brand_ok(b, d) for b in CARD_BRANDS)


def v_card(v, sub):
	brand, fmt = sub.split("/")[1].rsplit("-", 1)
	if fmt == "plain" and not v.isdigit():
		return False
	if fmt == "spaced" and not re.fullmatch(r"\d+( \d+)+", v):
		return False
	if fmt == "dashed" and not re.fullmatch(r"\d+(-\d+)+", v):
		return False
	d = re.sub("[ -]", "", v)
	return v_luhn(d) and card_brand_ok(brand, d)


# ISO 13616 registry: total length and BBAN structure (n digits, a upper-case letters, c alphanumerics)
IBAN_SPEC = {
	"AD": (24, "4n4n12c"), "AE": (23, "3n16n"), "AT": (20, "5n11n"), "BE": (16, "3n7n2n"), "BG": (22, "4a4n2n8c"),
	"BR": (29, "8n5n10n1a1c"), "CH": (21, "5n12c"), "CY": (28, "3n5n16c"), "CZ": (24, "4n6n10n"),
	"DE": (22, "8n10n"), "DK": (18, "4n9n1n"), "EE": (20, "2n2n11n1n"), "ES": (24, "4n4n1n1n10n"),
	"FI": (18, "3n11n"), "FR": (27, "5n5n11c2n"), "GB": (22, "4a6n8n"), "GR": (27, "3n4n16c"), "HR": (21, "7n10n"),
	"HU": (28, "3n4n1n15n1n"), "IE": (22, "4a6n8n"), "IL": (23, "3n3n13n"), "IS": (26, "4n2n6n10n"),
	"IT": (27, "1a5n5n12c"), "LI": (21, "5n12c"), "LT": (20, "5n11n"), "LU": (20, "3n13c"), "LV": (21, "4a13c"),
	"MC": (27, "5n5n11c2n"), "MT": (31, "4a5n18c"), "NL": (18, "4a10n"), "NO": (15, "4n6n1n"),
	"PL": (28, "8n16n"), "PT": (25, "4n4n11n2n"), "RO": (24, "4a16c"), "SA": (24, "2n18c"), "SE": (24, "3n16n1n"),
	"SI": (19, "5n8n2n"), "SK": (24, "4n6n10n"), "SM": (27, "1a5n5n12c"), "TR": (26, "5n1n16c"),
}


def bban_regex(struct):
	cls = {"n": "[0-9]", "a": "[A-Z]", "c": "[A-Z0-9]"}
	return "".join("%s{%s}" % (cls[t], n) for n, t in re.findall(r"(\d+)([nac])", struct))


def nl_elfproef(acct10):
	return sum(int(d) * (10 - i) for i, d in enumerate(acct10)) % 11 == 0


def pt_nib_check(body19):
	return "%02d" % (98 - (int(body19) * 100) % 97)


def v_iban(v, sub):
	if sub == "IBAN/compact" and " " in v:
		return False
	if sub == "IBAN/grouped" and not re.fullmatch(r"[A-Z0-9]{4}( [A-Z0-9]{4})*( [A-Z0-9]{1,4})?", v):
		return False
	s = v.replace(" ", "")
	cc = s[:2]
	if cc not in IBAN_SPEC or len(s) != IBAN_SPEC[cc][0] or not s[2:4].isdigit():
		return False
	b = s[4:]
	if not re.fullmatch(bban_regex(IBAN_SPEC[cc][1]), b) or not v_mod97(s):
		return False
	if cc == "BE":
		return pc.be_check(b[:10]) == b[10:]
	if cc in ("FR", "MC"):
		return pc.rib_key(b[:5], b[5:10], b[10:21]) == b[21:]
	if cc == "ES":
		return pc.es_dc(b[:4], b[4:8], b[10:]) == b[8:10]
	if cc in ("IT", "SM"):
		return pc.it_cin(b[1:6], b[6:11], b[11:]) == b[0]
	if cc == "NL":
		return nl_elfproef(b[4:])
	if cc == "PT":
		return pt_nib_check(b[:19]) == b[19:]
	return True


def v_ip(v, sub):
	try:
		a = ipaddress.ip_address(v)
	except ValueError:
		return False
	if a.is_loopback or a.is_unspecified or a.is_multicast:
		return False
	if sub in ("IP/v4", "IP/v4-port-cidr"):
		return a.version == 4
	if sub == "IP/v6-ipv4":
		return a.version == 6 and "." in v
	if sub == "IP/v6-full":
		return a.version == 6 and "::" not in v and v.count(":") == 7
	return a.version == 6 and "::" in v and "." not in v


# Numbering plans. National significant numbers (NSN: without trunk or country code).
NANP_NPA = ["201", "202", "206", "212", "213", "214", "215", "216", "303", "305", "310", "312", "313", "317", "323",
	    "332", "347", "404", "408", "412", "415", "425", "469", "470", "503", "510", "512", "602", "617", "619",
	    "628", "646", "650", "702", "713", "718", "720", "737", "747", "773", "786", "804", "832", "857", "858",
	    "917", "929", "971", "972", "403", "416", "438", "514", "604", "613", "647", "778", "905",
	    "800", "833", "844", "855", "866", "877", "888"]
UK_GEO4 = ["1223", "1865", "1392", "1603", "1904", "1273", "1452", "1743", "1534", "1786", "1482", "1502"]
DE_AREAS = {"30": (7, 8), "40": (7, 8), "69": (7, 8), "89": (7, 8), "221": (6, 8), "211": (6, 8), "711": (6, 8),
	    "341": (6, 8), "351": (6, 8), "421": (6, 8), "511": (6, 8), "911": (6, 8), "231": (6, 8), "201": (6, 8),
	    "228": (6, 8), "621": (6, 8), "721": (6, 8), "761": (6, 8), "251": (6, 8), "431": (6, 8), "381": (6, 8),
	    "331": (6, 8), "551": (6, 8), "941": (6, 8), "821": (6, 8), "931": (6, 8), "731": (6, 8), "361": (6, 8),
	    "6221": (5, 7), "7071": (5, 7), "3641": (5, 7), "4131": (5, 7), "7531": (5, 7), "2461": (5, 7)}
DE_MOBILE = {"151": (8, 8), "152": (8, 8), "157": (8, 8), "159": (8, 8), "160": (7, 8), "162": (7, 8),
	     "163": (7, 8), "170": (7, 8), "171": (7, 8), "172": (7, 8), "173": (7, 8), "174": (7, 8),
	     "175": (7, 8), "176": (7, 8), "177": (7, 8), "178": (7, 8), "179": (7, 8)}
IT_AREAS = {"02": 8, "06": 8, "011": 7, "010": 7, "081": 7, "055": 7, "051": 7, "041": 7, "091": 7, "080": 7,
	    "0471": 6, "0461": 6, "050": 7, "031": 6, "0521": 6, "049": 7}
IT_MOBILE = ["320", "324", "327", "328", "329", "330", "331", "333", "334", "335", "336", "338", "339", "340",
	     "342", "345", "346", "347", "348", "349", "350", "351", "366", "370", "371", "377", "380", "388",
	     "389", "391", "392", "393"]
ES_LAND = ["91", "93", "96", "95", "94", "98", "97", "92", "954", "952", "981", "985", "971", "976", "881", "876"]
NL_AREA2 = ["10", "20", "30", "40", "50", "70", "13", "15", "23", "24", "26", "35", "36", "38", "43", "45", "53",
	    "55", "58", "71", "72", "73", "76", "77", "79"]
NL_AREA3 = ["113", "118", "172", "252", "297", "314", "318", "320", "341", "413", "475", "492", "513", "546",
	    "570", "591"]


def v_nsn(country, d):
	"""Is d a national significant number of country's plan?"""
	if country == "UK":
		if len(d) != 10 or d[0] not in "1237":
			return False
		if d[0] == "7":
			return d[1] in "12345789"
		if d[:2] == "20":
			return d[2] in "378"
		if d[0] == "2":
			return d[1] in "3489" and d[2] in "23456789"
		if d[0] == "3":
			return d[1] in "0347"
		return d[:4] in UK_GEO4 or d[:3] in ("113", "114", "115", "116", "117", "118", "121", "131", "141", "151",
						    "161", "191", "163") or d[:4] == "1632"
	if country == "DE":
		for pre, (lo, hi) in DE_MOBILE.items():
			if d.startswith(pre):
				return lo <= len(d) - 3 <= hi
		for area, (lo, hi) in DE_AREAS.items():
			if d.startswith(area) and lo <= len(d) - len(area) <= hi and d[len(area)] in "23456789":
				return True
		return False
	if country == "FR":
		return len(d) == 9 and d[0] in "12345679" and (d[0] != "7" or d[1] in "3456789")
	if country == "IT":
		if d[0] == "0":
			return any(d.startswith(a) and len(d) == len(a) + n and d[len(a)] != "0" for a, n in IT_AREAS.items())
		return d[:3] in IT_MOBILE and len(d) in (9, 10)
	if country == "ES":
		if len(d) != 9:
			return False
		if d[0] == "6":
			return True
		if d[0] == "7":
			return d[1] in "1234"
		return any(d.startswith(a) for a in ES_LAND) and d[0] in "89"
	if country == "NL":
		if len(d) != 9:
			return False
		if d[0] == "6":
			return d[1] in "12345"
		return (d[:2] in NL_AREA2 or d[:3] in NL_AREA3) and d[2 if d[:2] in NL_AREA2 else 3] in "23456789"
	if country == "NANP":
		return (len(d) == 10 and d[:3] in NANP_NPA and d[3] in "23456789" and d[4:6] != "11")
	lo, hi, lead = E164_PLAN[country][1:]
	return lo <= len(d) <= hi and re.match(lead, d) is not None


# Other countries in E.164: cc, NSN length range, leading digits
E164_PLAN = {
	"AT": ("43", 7, 13, r"(1|664|676|650|660|699|316|512)"), "BE": ("32", 8, 9, r"(2|3|9|4[789])"),
	"CH": ("41", 9, 9, r"(44|22|31|61|7[5-9])"), "PT": ("351", 9, 9, r"(9[1236]|2[12])"),
	"DK": ("45", 8, 8, r"[2-9]"), "NO": ("47", 8, 8, r"[2-9]"), "SE": ("46", 8, 9, r"(8|7[02369])"),
	"FI": ("358", 8, 10, r"(4[0-6]|50|9)"), "PL": ("48", 9, 9, r"(5[0137]|6[069]|7[2389]|88|22|12)"),
	"CZ": ("420", 9, 9, r"(60|7[0-9]|2)"), "IE": ("353", 8, 9, r"(1|8[3-9])"), "GR": ("30", 10, 10, r"(21|69)"),
	"AU": ("61", 9, 9, r"[23478]"), "NZ": ("64", 8, 10, r"(2[127]|9)"), "JP": ("81", 9, 10, r"([789]0|3)"),
	"KR": ("82", 9, 10, r"(10|2)"), "SG": ("65", 8, 8, r"[689]"), "IN": ("91", 10, 10, r"([6-9]|11)"),
	"BR": ("55", 10, 11, r"[1-9][1-9]"), "MX": ("52", 10, 10, r"(55|33|81)"), "AR": ("54", 10, 11, r"(9?11)"),
	"ZA": ("27", 9, 9, r"(8[1-4]|7[1-9]|1[01]|21)"), "IL": ("972", 8, 9, r"(5[0-9]|3|2)"),
	"AE": ("971", 8, 9, r"(5[024568]|4|2)"), "TR": ("90", 10, 10, r"(5[0-9]{2}|212|216|312)"),
}
NATIONAL_CC = {"UK": "44", "DE": "49", "FR": "33", "IT": "39", "ES": "34", "NL": "31", "NANP": "1"}


def split_intl(v):
	"""'+44 (0)20 ...' / '0044 20 ...' -> (cc digits + NSN digits); None if not international."""
	s = v.replace("(0)", "")
	if s.startswith("+"):
		s = s[1:]
	elif s.startswith("00"):
		s = s[2:]
	else:
		return None
	if not re.fullmatch(r"[0-9 .()\-]+", s):
		return None
	return re.sub(r"[^0-9]", "", s)


def v_phone(v, sub, country):
	if not re.fullmatch(r"[+0-9 ./()\-]+", v) or "  " in v:
		return False
	kind = sub.split("/")[1]
	if kind.endswith("-intl") or kind.startswith("E164"):
		d = split_intl(v)
		if d is None:
			return False
		cc = NATIONAL_CC.get(country) or E164_PLAN[country][0]
		if not d.startswith(cc) or len(d) > 15:
			return False
		if kind == "E164-compact" and not re.fullmatch(r"\+\d+", v):
			return False
		return v_nsn(country, d[len(cc):])
	d = re.sub(r"[^0-9]", "", v)
	if kind.startswith("NANP-"):
		style = kind[5:]
		forms = {"paren": r"\(\d{3}\) ?\d{3}[- ]\d{4}", "dashed": r"\d{3}-\d{3}-\d{4}", "dotted": r"\d{3}\.\d{3}\.\d{4}",
			 "spaced": r"\d{3} \d{3} \d{4}", "plain": r"\d{10}",
			 "plus1": r"\+1[ .\-]?(\(\d{3}\) |\d{3}[ .\-]?)\d{3}[ .\-]?\d{4}",
			 "trunk1": r"1[ .\-](\(\d{3}\) |\d{3}[ .\-])\d{3}[ .\-]\d{4}"}
		if not re.fullmatch(forms[style], v):
			return False
		return v_nsn("NANP", d[1:] if style in ("plus1", "trunk1") else d)
	if v.startswith("+") or v.startswith("00"):
		return False
	if country in ("IT", "ES"):
		return v_nsn(country, d)
	return d[0] == "0" and v_nsn(country, d[1:])


# ---- positive values ---------------------------------------------------------------

class Item:
	"""One labelled value waiting for a place in a text."""

	def __init__(self, typ, sub, value, variant, country="", lang="en", brand=""):
		self.type, self.sub, self.value, self.variant = typ, sub, value, variant
		self.country, self.lang, self.brand = country, lang, brand
		self.weak = is_weak(sub)
		self.want = None  # weak values: True / False = must / must not have context
		self.line_only = False  # kept for the short line templates, never taken as a document's extra


def is_weak(sub):
	return sub.endswith("-national") or sub in ("PHONE/NANP-plain", "SSN/plain", "SSN/spaced")


# EMAIL

ORGS = ["larkspur", "brightwater", "corvid", "meridian-care", "quillon", "saltmarsh", "tessellate", "umberfield",
	"verdant-energy", "wexford", "yellowpine", "zephyr-ops", "alderbank", "cobalt-freight", "driftwood",
	"emberline", "foxglove", "granite-it", "harbourview", "ironbark", "juniper-legal", "kestrel", "northgate",
	"oakridge-dental", "pinecrest", "riverstone", "silverline", "tidewater", "blauwe-reiger", "sonnenhof",
	"la-fontaine", "casa-verde", "ponte-vecchio", "molenaar", "example"]
ORG_TLDS = ["com", "com", "net", "org", "io", "co", "de", "fr", "it", "es", "nl", "be", "at", "ch", "eu", "dev",
	    "app", "ai", "cloud", "pl", "se", "pt"]
FREEMAIL = ["gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "yahoo.fr",
	    "icloud.com", "me.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "t-online.de",
	    "orange.fr", "free.fr", "laposte.net", "libero.it", "virgilio.it", "tiscali.it", "hotmail.es",
	    "telefonica.net", "ziggo.nl", "kpnmail.nl", "xs4all.nl", "tutanota.com", "zoho.com", "aol.com"]
MULTI_SLD = ["co.uk", "org.uk", "ac.uk", "com.au", "co.nz", "com.mx", "co.za", "com.br", "co.jp", "com.tr",
	     "co.il", "com.sg", "gv.at", "ac.be"]
SUBDOMS = ["eu", "us", "corp", "hr", "finance", "students", "staff", "labs", "intl", "research", "dept", "m", "uk"]
LONG_TLDS = ["international", "consulting", "photography", "properties", "accountants", "community",
	     "engineering", "foundation", "healthcare", "insurance", "management", "versicherung", "amsterdam",
	     "berlin", "barcelona", "email", "solutions", "technology", "agency", "partners"]
PLUS_TAGS = ["invoices", "github", "shop", "news", "2025", "jira", "travel", "dev", "amazon", "bank", "receipts",
	     "ci", "alerts", "hr"]
ROLES = ["billing", "support", "hr", "info", "accounts", "no-reply", "noreply", "security", "ops", "sales",
	 "datenschutz", "contabilidad", "facturation", "amministrazione", "klantenservice"]
IDN_LABELS = [("bücher", "de"), ("köln-immobilien", "de"), ("müller-bau", "de"), ("bäckerei-schulz", "de"),
	      ("zürich-treuhand", "ch"), ("café-lumière", "fr"), ("crème-et-sel", "fr"), ("élan-vital", "fr"),
	      ("niño-feliz", "es"), ("mañana", "es"), ("añil", "es"), ("göteborg-bygg", "se"), ("malmö", "se"),
	      ("ålesund", "no"), ("smørrebrød", "dk"), ("łódź-biuro", "pl"), ("kraków", "pl"), ("città-aperta", "it"),
	      ("perché", "it"), ("brûlerie", "fr"), ("fähre", "de")]


def email_local(g):
	f, l = person_parts(g)
	return g.pick(["%s.%s" % (f, l), f + l, f[0] + l, "%s.%s" % (f[0], l), "%s_%s" % (f, l), "%s-%s" % (f, l),
		       "%s.%s" % (l, f), f, l + f[0]])


def org_domain(g):
	return g.pick(ORGS) + "." + g.pick(ORG_TLDS)


def gen_email(g, sub):
	local = email_local(g)
	var = sub.split("/")[1]
	if var == "basic":
		if g.chance(0.15):
			local, var = g.pick(ROLES), "role account"
		dom = g.pick([org_domain(g), g.pick(FREEMAIL)])
	elif var == "plus-tag":
		local += "+" + g.pick(PLUS_TAGS)
		dom = g.pick([org_domain(g), g.pick(FREEMAIL), g.pick(FREEMAIL)])
	elif var == "subdomain":
		k = g.int(0, 2)
		if k == 0:
			dom, var = "%s.%s.%s" % (g.pick(SUBDOMS), g.pick(ORGS), g.pick(ORG_TLDS)), "sub.org.tld"
		elif k == 1:
			dom, var = "%s.%s" % (g.pick(ORGS), g.pick(MULTI_SLD)), "org.sld.cc"
		else:
			dom, var = "%s.%s.%s" % (g.pick(SUBDOMS), g.pick(ORGS), g.pick(MULTI_SLD)), "sub.org.sld.cc"
	elif var == "long-tld":
		dom = g.pick(ORGS) + "." + g.pick(LONG_TLDS)
	elif var == "digits-underscore":
		f, l = person_parts(g)
		k = g.int(0, 3)
		if k == 0:
			local = f + g.pick(["_", ".", ""]) + g.digits(g.int(2, 4))
		elif k == 1:
			local = "%s_%s%s" % (f, l, g.digits(2))
		elif k == 2:
			local = "u" + g.digits(7)
		else:
			local = "%s%s_%s" % (l, g.digits(g.int(1, 3)), g.pick(["ops", "dev", "work", "fr", "de"]))
		dom = g.pick([org_domain(g), g.pick(FREEMAIL), g.pick(ORGS) + g.digits(2, "123456789") + "." + g.pick(ORG_TLDS)])
	elif var == "mixed-case":
		local = ".".join(p[:1].upper() + p[1:] for p in local.split("."))
		if g.chance(0.3):
			local = local.upper()
		d = org_domain(g)
		dom = g.pick([d.upper(), d[:1].upper() + d[1:], g.pick(ORGS).capitalize() + "." + g.pick(ORG_TLDS).upper()])
	elif var == "punycode":
		label, tld = g.pick(IDN_LABELS)
		dom = label.encode("idna").decode("ascii") + "." + tld
		var = "IDNA " + label
	return local + "@" + dom, var


# PHONE: national numbers as (head digits after the trunk, list of digit groups, kind)

def uk_number(g):
	k = g.pick(["london", "london", "2x", "11x", "1x1", "geo4", "drama", "mobile", "mobile", "mobile", "drama-mobile", "03"])
	if k == "london":
		return "20", [g.digits(4, "378"), g.digits(4)], k
	if k == "2x":
		return "2" + g.pick("3489"), [g.digits(4, "23456789"), g.digits(4)], k
	if k == "11x":
		return "11" + g.pick("345678"), [g.digits(3, "23456789"), g.digits(4)], k
	if k == "1x1":
		return "1" + g.pick("234569") + "1", [g.digits(3, "23456789"), g.digits(4)], k
	if k == "geo4":
		s = g.digits(6, "23456789")
		return g.pick(UK_GEO4), g.pick([[s], [s[:3], s[3:]]]), k
	if k == "drama":
		return g.pick([("1632", ["960", g.digits(3)]), ("161", ["496", "0" + g.digits(3)]), ("20", ["7946", "0" + g.digits(3)]),
			       ("117", ["496", "0" + g.digits(3)]), ("131", ["496", "0" + g.digits(3)]),
			       ("191", ["498", "0" + g.digits(3)])]) + (k,)
	if k == "mobile":
		s = g.digits(6)
		return "7" + g.pick("12345789") + g.digits(2), g.pick([[s], [s[:3], s[3:]]]), k
	if k == "drama-mobile":
		return "7700", g.pick([["900" + g.digits(3)], ["900", g.digits(3)]]), k
	return "3" + g.pick(["00", "30", "33", "45", "70"]), [g.digits(3, "123456789"), g.digits(4)], k


def de_number(g):
	if g.chance(0.45):
		pre = g.pick(sorted(DE_MOBILE))
		lo, hi = DE_MOBILE[pre]
		return pre, [g.digits(g.int(lo, hi), "123456789")], "mobile"
	area = g.pick(sorted(DE_AREAS))
	lo, hi = DE_AREAS[area]
	return area, [g.digits(g.int(lo, hi), "23456789")], "landline"


def fr_number(g):
	lead = g.pick("1234566677799")
	if lead == "7":
		lead += g.pick("3456789")
		rest = g.digits(7)
	else:
		rest = g.digits(8)
	d = lead + rest
	return d[0], [d[1:3], d[3:5], d[5:7], d[7:9]], "mobile" if d[0] in "67" else "VoIP" if d[0] == "9" else "landline"


def it_number(g):
	if g.chance(0.5):
		return g.pick(IT_MOBILE), [g.digits(7)], "mobile"
	area = g.pick(sorted(IT_AREAS))
	return area, [g.digits(IT_AREAS[area], "123456789")], "landline"


def es_number(g):
	k = g.int(0, 2)
	if k == 0:
		d = "6" + g.digits(8)
	elif k == 1:
		d = "7" + g.pick("1234") + g.digits(7)
	else:
		a = g.pick(ES_LAND)
		d = a + g.digits(9 - len(a), "23456789")
	return "", [d], "mobile" if d[0] in "67" else "landline"


def nl_number(g):
	k = g.int(0, 2)
	if k == 0:
		return "6", [g.pick("12345") + g.digits(7)], "mobile"
	if k == 1:
		return g.pick(NL_AREA2), [g.digits(7, "23456789")], "2-digit area"
	return g.pick(NL_AREA3), [g.digits(6, "23456789")], "3-digit area"


def split_groups(s, sizes):
	out, i = [], 0
	for k in sizes:
		out.append(s[i:i + k])
		i += k
	if i < len(s):
		out.append(s[i:])
	return [x for x in out if x]


def gen_national(g, country, intl):
	"""A number of country's plan, in one of the ways people write it there."""
	head, groups, kind = {"UK": uk_number, "DE": de_number, "FR": fr_number, "IT": it_number, "ES": es_number,
			      "NL": nl_number}[country](g)
	sub = "".join(groups)
	if country == "UK":
		nat = "0" + head
		if not intl:
			st = g.pick(["spaced", "spaced", "spaced", "compact", "paren", "dashed"])
			v = {"spaced": nat + " " + " ".join(groups), "compact": nat + sub,
			     "paren": "(%s) %s" % (nat, " ".join(groups)), "dashed": nat + "-" + "-".join(groups)}[st]
		else:
			st = g.pick(["plus", "plus", "plus (0)", "00", "compact", "dashed"])
			v = {"plus": "+44 %s %s" % (head, " ".join(groups)), "plus (0)": "+44 (0)%s %s" % (head, " ".join(groups)),
			     "00": "0044 %s %s" % (head, " ".join(groups)), "compact": "+44" + head + sub,
			     "dashed": "+44-%s-%s" % (head, "-".join(groups))}[st]
	elif country == "DE":
		nat = "0" + head
		if not intl:
			st = g.pick(["spaced", "spaced", "grouped", "slash", "slash spaced", "dashed", "paren", "compact", "split after 5"])
			grouped = " ".join(split_groups(sub, {5: [3, 2], 6: [2, 2, 2], 7: [3, 2, 2], 8: [3, 3, 2]}[len(sub)]))
			if st == "split after 5" and kind != "mobile":
				st = "spaced"
			v = {"spaced": nat + " " + sub, "grouped": nat + " " + grouped, "slash": nat + "/" + sub,
			     "slash spaced": nat + " / " + sub, "dashed": nat + "-" + sub, "paren": "(%s) %s" % (nat, sub),
			     "compact": nat + sub, "split after 5": nat + sub[:1] + " " + sub[1:]}[st]
		else:
			st = g.pick(["plus", "plus", "plus (0)", "plus (0) spaced", "dashed", "00", "compact"])
			v = {"plus": "+49 %s %s" % (head, sub), "plus (0)": "+49 (0)%s %s" % (head, sub),
			     "plus (0) spaced": "+49 (0) %s %s" % (head, sub), "dashed": "+49-%s-%s" % (head, sub),
			     "00": "0049 %s %s" % (head, sub), "compact": "+49" + head + sub}[st]
	elif country == "FR":
		pairs = " ".join(groups)
		if not intl:
			st = g.pick(["spaced", "spaced", "spaced", "dotted", "dashed", "compact"])
			sep = {"spaced": " ", "dotted": ".", "dashed": "-", "compact": ""}[st]
			v = "0" + head + sep + sep.join(groups)
		else:
			st = g.pick(["plus", "plus", "plus (0)", "00", "compact", "3-3-3"])
			v = {"plus": "+33 %s %s" % (head, pairs), "plus (0)": "+33 (0)%s %s" % (head, pairs),
			     "00": "0033 %s %s" % (head, pairs), "compact": "+33" + head + sub,
			     "3-3-3": "+33 %s" % " ".join(split_groups(head + sub, [3, 3, 3]))}[st]
	elif country == "IT":
		if kind == "mobile":
			spaced = "%s %s %s" % (head, sub[:3], sub[3:])
			if not intl:
				st = g.pick(["3-3-4", "3-7", "dashed", "slash", "compact"])
				v = {"3-3-4": spaced, "3-7": head + " " + sub, "dashed": head + "-" + sub, "slash": head + "/" + sub,
				     "compact": head + sub}[st]
			else:
				st = g.pick(["plus", "plus", "00", "compact", "dashed"])
				v = {"plus": "+39 " + spaced, "00": "0039 " + head + " " + sub, "compact": "+39" + head + sub,
				     "dashed": "+39-%s-%s" % (head, sub)}[st]
		else:
			half = len(sub) // 2
			grouped = "%s %s %s" % (head, sub[:half], sub[half:])
			if not intl:
				st = g.pick(["grouped", "spaced", "dashed", "slash", "compact"])
				v = {"grouped": grouped, "spaced": head + " " + sub, "dashed": head + "-" + sub, "slash": head + "/" + sub,
				     "compact": head + sub}[st]
			else:
				st = g.pick(["plus", "plus grouped", "00", "compact"])
				v = {"plus": "+39 %s %s" % (head, sub), "plus grouped": "+39 " + grouped, "00": "0039 %s %s" % (head, sub),
				     "compact": "+39" + head + sub}[st]
	elif country == "ES":
		d = sub
		three = "%s %s %s" % (d[:3], d[3:6], d[6:])
		if kind == "mobile":
			two = "%s %s %s %s" % (d[:3], d[3:5], d[5:7], d[7:])
		elif len([a for a in ES_LAND if d.startswith(a)][0]) == 2:
			two = "%s %s %s %s" % (d[:2], d[2:5], d[5:7], d[7:])
		else:
			two = "%s %s %s %s" % (d[:3], d[3:5], d[5:7], d[7:])
		if not intl:
			st = g.pick(["3-3-3", "2-2-2", "2-2-2", "compact"])
			v = {"3-3-3": three, "2-2-2": two, "compact": d}[st]
		else:
			st = g.pick(["plus 3-3-3", "plus 2-2-2", "00", "compact", "dashed"])
			v = {"plus 3-3-3": "+34 " + three, "plus 2-2-2": "+34 " + two, "00": "0034 " + three, "compact": "+34" + d,
			     "dashed": "+34-" + three.replace(" ", "-")}[st]
	else:  # NL
		nat = "0" + head
		if head == "6":
			forms = {"spaced": "06 " + sub, "dashed": "06-" + sub, "4-4": "06 %s %s" % (sub[:4], sub[4:]),
				 "pairs": "06 " + " ".join(split_groups(sub, [2, 2, 2, 2])), "compact": "06" + sub}
		elif len(head) == 2:
			forms = {"spaced": "%s %s %s" % (nat, sub[:3], sub[3:]), "dashed": nat + "-" + sub,
				 "paren": "(%s) %s" % (nat, sub), "pairs": "%s %s %s %s" % (nat, sub[:3], sub[3:5], sub[5:]),
				 "compact": nat + sub}
		else:
			forms = {"spaced": "%s %s %s" % (nat, sub[:3], sub[3:]), "dashed": nat + "-" + sub,
				 "pairs": "%s %s" % (nat, " ".join(split_groups(sub, [2, 2, 2]))), "compact": nat + sub}
		if not intl:
			st = g.pick(sorted(forms))
			v = forms[st]
		else:
			st = g.pick(["plus", "plus", "plus (0)", "00", "compact", "dashed"])
			rest = " ".join(split_groups(sub, [4, 4])) if head == "6" and g.chance(0.5) else sub if head == "6" else "%s %s" % (sub[:3], sub[3:])
			v = {"plus": "+31 %s %s" % (head, rest), "plus (0)": "+31 (0)%s %s" % (head, rest),
			     "00": "0031 %s %s" % (head, rest), "compact": "+31" + head + sub, "dashed": "+31-%s-%s" % (head, sub)}[st]
	return v, "%s %s" % (kind, st)


def nanp_parts(g):
	npa = g.pick(NANP_NPA)
	if g.chance(0.2):
		return npa, "555", "01" + g.digits(2)  # 555-0100..0199, reserved for fiction
	while True:
		nxx = g.digits(3, "23456789")
		if nxx[1:] != "11":
			return npa, nxx, g.digits(4)


def gen_nanp(g, style):
	a, b, c = nanp_parts(g)
	if style == "paren":
		f = g.pick(["(%s) %s-%s", "(%s) %s-%s", "(%s)%s-%s", "(%s) %s %s"])
	elif style == "dashed":
		f = "%s-%s-%s"
	elif style == "dotted":
		f = "%s.%s.%s"
	elif style == "spaced":
		f = "%s %s %s"
	elif style == "plain":
		f = "%s%s%s"
	elif style == "plus1":
		f = g.pick(["+1 %s-%s-%s", "+1 (%s) %s-%s", "+1 %s %s %s", "+1%s%s%s", "+1.%s.%s.%s", "+1-%s-%s-%s"])
	else:
		f = g.pick(["1-%s-%s-%s", "1 (%s) %s-%s", "1.%s.%s.%s", "1 %s %s %s"])
	return f % (a, b, c), f.replace("%s", "N") + (" toll-free" if a[0] == "8" and a[1] == a[2] else "")


# other countries: NSN groups in the way numbers are written there (separator per country)
E164_FORMS = {
	"AT": lambda g: g.pick([("1", [g.digits(g.int(6, 7), "23456789")]), (g.pick(["664", "676", "650", "699"]), [g.digits(7)])]),
	"BE": lambda g: g.pick([("2", [g.digits(3, "23456789"), g.digits(2), g.digits(2)]), ("4" + g.pick("789") + g.digits(1), [g.digits(2), g.digits(2), g.digits(2)])]),
	"CH": lambda g: (g.pick(["44", "22", "31", "61", "79", "78", "76", "77"]), [g.digits(3, "23456789"), g.digits(2), g.digits(2)]),
	"PT": lambda g: g.pick([(g.pick(["91", "92", "93", "96"]) + g.digits(1), [g.digits(3), g.digits(3)]), ("21", [g.digits(3, "23456789"), g.digits(4)])]),
	"DK": lambda g: (g.digits(2, "2345"), [g.digits(2), g.digits(2), g.digits(2)]),
	"NO": lambda g: g.pick([("9" + g.digits(2), [g.digits(2), g.digits(3)]), ("22", [g.digits(2), g.digits(2), g.digits(2)])]),
	"SE": lambda g: g.pick([(g.pick(["70", "72", "73", "76", "79"]), [g.digits(3), g.digits(2), g.digits(2)]), ("8", [g.digits(3, "23456789"), g.digits(2), g.digits(2)])]),
	"FI": lambda g: g.pick([(g.pick(["40", "41", "44", "45", "50"]), [g.digits(3), g.digits(4)]), ("9", [g.digits(4, "23456789"), g.digits(3)])]),
	"PL": lambda g: g.pick([(g.pick(["50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"]) + g.digits(1), [g.digits(3), g.digits(3)]), ("22", [g.digits(3, "23456789"), g.digits(2), g.digits(2)])]),
	"CZ": lambda g: (g.pick(["60", "72", "73", "77", "22"]) + g.digits(1), [g.digits(3), g.digits(3)]),
	"IE": lambda g: g.pick([("1", [g.digits(3, "23456789"), g.digits(4)]), (g.pick(["83", "85", "86", "87", "89"]), [g.digits(3, "23456789"), g.digits(4)])]),
	"GR": lambda g: g.pick([("21" + g.digits(1), [g.digits(3), g.digits(4)]), ("69" + g.pick("3479"), [g.digits(3), g.digits(4)])]),
	"AU": lambda g: g.pick([("4" + g.digits(2), [g.digits(3), g.digits(3)]), (g.pick("2378"), [g.digits(4, "3456789"), g.digits(4)])]),
	"NZ": lambda g: g.pick([(g.pick(["21", "22", "27"]), [g.digits(3), g.digits(4)]), ("9", [g.digits(3, "23456789"), g.digits(4)])]),
	"JP": lambda g: g.pick([(g.pick(["90", "80", "70"]), [g.digits(4), g.digits(4)]), ("3", [g.digits(4, "23456789"), g.digits(4)])]),
	"KR": lambda g: g.pick([("10", [g.digits(4, "23456789"), g.digits(4)]), ("2", [g.digits(4, "23456789"), g.digits(4)])]),
	"SG": lambda g: ("", [g.digits(4, "689"), g.digits(4)]),
	"IN": lambda g: g.pick([("", [g.digits(5, "6789"), g.digits(5)]), ("11", [g.digits(4, "23456789"), g.digits(4)])]),
	"BR": lambda g: g.pick([(g.pick(["11", "21", "31", "41", "51", "61", "71", "81"]), ["9" + g.digits(4), g.digits(4)]), (g.pick(["11", "21", "31"]), [g.digits(4, "2345"), g.digits(4)])]),
	"MX": lambda g: (g.pick(["55", "33", "81"]), [g.digits(4, "123456789"), g.digits(4)]),
	"AR": lambda g: g.pick([("9 11", [g.digits(4, "23456789"), g.digits(4)]), ("11", [g.digits(4, "2345"), g.digits(4)])]),
	"ZA": lambda g: (g.pick(["82", "83", "84", "72", "73", "76", "11", "21"]), [g.digits(3, "123456789"), g.digits(4)]),
	"IL": lambda g: g.pick([("5" + g.pick("0234578"), [g.digits(3, "23456789"), g.digits(4)]), ("3", [g.digits(3, "23456789"), g.digits(4)])]),
	"AE": lambda g: g.pick([("5" + g.pick("024568"), [g.digits(3), g.digits(4)]), ("4", [g.digits(3, "23456789"), g.digits(4)])]),
	"TR": lambda g: g.pick([("5" + g.pick("0345") + g.digits(1), [g.digits(3), g.digits(2), g.digits(2)]), (g.pick(["212", "216", "312"]), [g.digits(3, "23456789"), g.digits(2), g.digits(2)])]),
}
E164_SEP = {"JP": "-", "KR": "-", "IL": "-"}
E164_ZERO_PAREN = ["AT", "CH", "BE"]


def gen_e164(g, compact, i):
	country = sorted(E164_FORMS)[i % len(E164_FORMS)]  # every country in turn
	cc = E164_PLAN[country][0]
	head, groups = E164_FORMS[country](g)
	nsn = (head + "".join(groups)).replace(" ", "")
	if compact:
		return "+" + cc + nsn, country + " compact", country
	sep = E164_SEP.get(country, " ")
	if country == "BR" and head and groups[0][0] == "9":
		body = "%s %s-%s" % (head, groups[0], groups[1])
	elif country == "AR" and head.startswith("9"):
		body = "%s %s-%s" % (head, groups[0], groups[1])
	else:
		body = sep.join(([head] if head else []) + groups)
	style = "native grouping"
	if g.chance(0.12):
		return "00%s %s" % (cc, body), country + " 00 prefix", country
	if country in E164_ZERO_PAREN and g.chance(0.3):
		return "+%s (0)%s" % (cc, body), country + " plus (0)", country
	return "+%s %s" % (cc, body), "%s %s" % (country, style), country


# SSN

def ssn_parts(g):
	while True:
		a = g.int(1, 899)
		if a != 666:
			break
	b, c = g.int(1, 99), g.int(1, 9999)
	if (a, b, c) == (78, 5, 1120) or (a, b) == (219, 9):
		return ssn_parts(g)
	return "%03d" % a, "%02d" % b, "%04d" % c


def gen_ssn(g, fmt):
	a, b, c = ssn_parts(g)
	sep = {"dashed": "-", "spaced": " ", "plain": ""}[fmt]
	return sep.join([a, b, c]), "area %s" % ("low" if int(a) < 300 else "mid" if int(a) < 700 else "high (post-2011)")


# CARD

TEST_PANS = {
	"visa": ["4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556", "4917610000000000003"],
	"mastercard": ["5555555555554444", "5105105105105100", "5200828282828210"],
	"mastercard2": ["2223003122003222", "2222400070000005"],
	"amex": ["378282246310005", "371449635398431", "378734493671000"],
	"discover": ["6011111111111117", "6011000990139424", "6445644564456445"],
	"jcb": ["3530111333300000", "3566002020360505"],
	"diners": ["30569309025904", "38520000023237", "36227206271667"],
	"unionpay": ["6200000000000005", "6205500000000000004"],
}
BRAND_NAME = {"visa": "Visa", "mastercard": "Mastercard", "mastercard2": "Mastercard", "amex": "Amex",
	      "discover": "Discover", "jcb": "JCB", "diners": "Diners Club", "unionpay": "UnionPay"}


def luhn_complete(body):
	for d in "0123456789":
		if v_luhn(body + d):
			return body + d
	raise AssertionError(body)


def card_digits(g, brand):
	if brand == "visa":
		pre, n = "4" + g.pick(["", "5", "9", "0", "4"]), g.pick([16] * 9 + [19])
	elif brand == "mastercard":
		pre, n = str(g.int(51, 55)), 16
	elif brand == "mastercard2":
		pre, n = str(g.int(2221, 2720)), 16
	elif brand == "amex":
		pre, n = g.pick(["34", "37"]), 15
	elif brand == "discover":
		pre, n = g.pick(["6011", str(g.int(644, 649)), "65", str(g.int(622126, 622925))]), g.pick([16] * 12 + [19])
	elif brand == "jcb":
		pre, n = str(g.int(3528, 3589)), g.pick([16] * 12 + [19])
	elif brand == "diners":
		pre = g.pick(["36", str(g.int(300, 305)), "3095", "38", "39"])
		n = 16 if pre in ("38", "39") else 14
	else:
		pre, n = "62" + g.pick("0134568"), g.pick([16, 16, 17, 18, 19])
		if 622126 <= int((pre + "999")[:6]) <= 622925:
			pre = "620"
	return luhn_complete(pre + g.digits(n - len(pre) - 1))


def card_groups(brand, n):
	if n == 15:
		return [4, 6, 5]
	if n == 14:
		return [4, 6, 4]
	if n == 19:
		return [4, 4, 4, 4, 3]
	if n == 17:
		return [4, 4, 4, 5]
	if n == 18:
		return [4, 4, 4, 6]
	return [4, 4, 4, 4]


def gen_card(g, brand, fmt):
	if g.chance(0.08):
		d, var = g.pick(TEST_PANS[brand]), "well-known test PAN"
	else:
		d = card_digits(g, brand)
		var = "%d digits" % len(d)
	if fmt == "plain":
		return d, var
	return ("-" if fmt == "dashed" else " ").join(split_groups(d, card_groups(brand, len(d)))), var


# IBAN

IBAN_BANKS = {"GB": ["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA", "SRLG", "MONZ"], "IE": ["AIBK", "BOFI", "IPBS", "ULSB"],
	      "NL": ["ABNA", "INGB", "RABO", "SNSB", "TRIO", "KNAB", "BUNQ", "ASNB"], "LV": ["HABA", "UNLA", "PARX"],
	      "RO": ["BTRL", "RNCB", "BRDE", "INGB"], "BG": ["BNBG", "UNCR", "STSA"], "MT": ["MALT", "VALL", "APSB"]}
KNOWN_IBANS = ["DE89370400440532013000", "GB29NWBK60161331926819", "FR1420041010050500013M02606",
	       "NL91ABNA0417164300", "ES9121000418450200051332", "IT60X0542811101000000123456", "BE68539007547034",
	       "CH9300762011623852957", "AT611904300234573201"]
IBAN_LANG = {"DE": "de", "AT": "de", "CH": "de", "LI": "de", "LU": "fr", "FR": "fr", "MC": "fr", "BE": "fr", "IT": "it",
	     "SM": "it", "ES": "es", "AD": "es", "NL": "nl"}


def gen_bban(g, cc):
	parts = []
	for n, t in re.findall(r"(\d+)([nac])", IBAN_SPEC[cc][1]):
		n = int(n)
		if t == "n":
			parts.append(g.digits(n))
		elif t == "a":
			parts.append(g.chars(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
		else:
			parts.append(g.digits(n) if g.chance(0.8) else g.chars(n))
	if cc in IBAN_BANKS:
		parts[0] = g.pick(IBAN_BANKS[cc])
	if cc == "DE":
		parts[0] = g.digits(1, "1234678") + g.digits(2) + g.pick("0123456789") + g.digits(4)
	if cc in ("FR", "MC"):
		acct = g.digits(11) if g.chance(0.8) else g.digits(5) + g.chars(1, "ABCDEFGHJKLMNPRSTUVWXYZ") + g.digits(5)
		parts = [parts[0], parts[1], acct, pc.rib_key(parts[0], parts[1], acct)]
	elif cc == "ES":
		parts = [parts[0], parts[1], pc.es_dc(parts[0], parts[1], parts[4]), parts[4]]
	elif cc in ("IT", "SM"):
		acct = g.digits(12)
		parts = [pc.it_cin(parts[1], parts[2], acct), parts[1], parts[2], acct]
	elif cc == "BE":
		parts[2] = pc.be_check(parts[0] + parts[1])
	elif cc == "NL":
		while True:
			acct = "0" + g.digits(9, "123456789")
			if nl_elfproef(acct):
				break
		parts[1] = acct
	elif cc == "PT":
		parts[3] = pt_nib_check(parts[0] + parts[1] + parts[2])
	return "".join(parts)


def iban_compact(g, cc=None):
	cc = cc or g.pick(["DE"] * 6 + ["FR"] * 4 + ["IT"] * 3 + ["ES"] * 3 + ["NL"] * 3 + ["BE", "BE", "AT", "AT", "CH", "GB", "GB", "IE", "PT"] + sorted(IBAN_SPEC))
	b = gen_bban(g, cc)
	return cc + pc.iban_check(cc, b) + b, cc


def gen_iban(g, fmt):
	if g.chance(0.05):
		v = g.pick(KNOWN_IBANS)
		cc, var = v[:2], "well-known example"
	else:
		v, cc = iban_compact(g)
		var = cc
	if fmt == "grouped":
		v = " ".join(split_groups(v, [4] * 8))
	return v, var, cc


# IP

def gen_ipv4(g):
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


V6_PREFIXES = [["2001", "db8"], ["2001", "0db8"], ["2a00", "1450"], ["2a03", "2880"], ["2606", "4700"],
	       ["2600", "1f18"], ["2a01", "4f8"], ["2c0f", "fb50"], ["2804", "14d"], ["2001", "4860"],
	       ["2a02", None], ["fd", None], ["fe80", "0"]]


def v6_groups(g):
	pre = list(g.pick(V6_PREFIXES))
	if pre[0] == "fd":
		pre = ["fd" + g.hexs(2), g.hexs(4), g.hexs(4)]
	elif pre[1] is None:
		pre[1] = g.hexs(4).lstrip("0") or "1"
	if pre[0] == "fe80":
		iid = g.hexs(4)
		tail = [iid[:2] + "00" if g.chance(0.3) else g.hexs(4), g.hexs(2) + "ff", "fe" + g.hexs(2), g.hexs(4)]
		return ["fe80", "0", "0", "0"] + [x.lstrip("0") or "0" for x in tail], "link-local EUI-64"
	gs = pre + [(g.hexs(g.int(1, 4)).lstrip("0") or "0") for _ in range(8 - len(pre))]
	return gs, "global" if not pre[0].startswith("fd") else "ULA"


def gen_ip(g, sub):
	if sub in ("IP/v4", "IP/v4-port-cidr"):
		return gen_ipv4(g)
	if sub == "IP/v6-full":
		gs, kind = v6_groups(g)
		if g.chance(0.5):
			v, var = ":".join(x.zfill(4) for x in gs), "leading zeros"
		else:
			v, var = ":".join(gs), "no leading zeros"
		if g.chance(0.2):
			v, var = v.upper(), var + " upper"
		return v, "%s, %s" % (kind, var)
	if sub == "IP/v6-compressed":
		gs, kind = v6_groups(g)
		if kind.startswith("link-local"):
			v = str(ipaddress.IPv6Address(":".join(gs)))
			return v, kind
		z = g.int(2, 4)
		at = g.int(2, 7 - z)
		gs[at:at + z] = ["0"] * z
		if g.chance(0.15):
			gs[3 if kind == "ULA" else 2:] = ["0"] * (5 if kind == "ULA" else 6)
		canon = str(ipaddress.IPv6Address(":".join(gs)))
		if g.chance(0.25) and canon.count("::") == 1 and not canon.endswith("::"):
			head, tail = canon.split("::")
			v = (head + "::" + ":".join(x.zfill(4) for x in tail.split(":"))).upper() if g.chance(0.5) else canon.upper()
			return v, kind + ", non-canonical case/zeros"
		return canon, kind + (", prefix" if canon.endswith("::") else ", RFC 5952")
	a, _ = gen_ipv4(g)
	form = g.pick([("::ffff:%s", "IPv4-mapped"), ("::FFFF:%s", "IPv4-mapped, upper"), ("64:ff9b::%s", "NAT64 (RFC 6052)"),
		       ("0:0:0:0:0:ffff:%s", "IPv4-mapped, uncompressed"),
		       ("2001:db8:%s::%%s" % (g.hexs(3).lstrip("0") or "a"), "embedded, documentation prefix")])
	return form[0] % a, form[1]


# ---- the positive queue ---------------------------------------------------------------

PER_SUB = {}
for _s in ["basic", "plus-tag", "subdomain", "long-tld", "digits-underscore", "mixed-case", "punycode"]:
	PER_SUB["EMAIL/" + _s] = 45
for _s in ["paren", "dashed", "dotted", "spaced", "plain", "plus1", "trunk1"]:
	PER_SUB["PHONE/NANP-" + _s] = 36 if _s == "plain" else 34
PER_SUB["PHONE/E164-compact"] = 50
PER_SUB["PHONE/E164-spaced"] = 60
for _c in ["UK", "DE", "FR", "IT", "ES", "NL"]:
	PER_SUB["PHONE/%s-national" % _c] = 40
	PER_SUB["PHONE/%s-intl" % _c] = 34
PER_SUB["SSN/dashed"] = 60
PER_SUB["SSN/spaced"] = 50
PER_SUB["SSN/plain"] = 50
for _b in CARD_BRANDS:
	for _f in ["plain", "spaced", "dashed"]:
		PER_SUB["CARD/%s-%s" % (_b, _f)] = 30
PER_SUB["IBAN/compact"] = 85
PER_SUB["IBAN/grouped"] = 85
PER_SUB.update({"IP/v4": 65, "IP/v4-port-cidr": 55, "IP/v6-full": 45, "IP/v6-compressed": 60, "IP/v6-ipv4": 40})

COUNTRY_LANG = {"UK": "en", "DE": "de", "FR": "fr", "IT": "it", "ES": "es", "NL": "nl", "NANP": "en"}


def make_item(g, sub, i):
	typ, kind = sub.split("/")
	if typ == "EMAIL":
		v, var = gen_email(g, sub)
		return Item(typ, sub, v, var, lang=g.pick(["en", "en", "de", "fr", "it", "es", "nl"]))
	if typ == "PHONE":
		if kind.startswith("NANP-"):
			v, var = gen_nanp(g, kind[5:])
			return Item(typ, sub, v, var, "NANP", "en")
		if kind.startswith("E164-"):
			v, var, c = gen_e164(g, kind == "E164-compact", i)
			return Item(typ, sub, v, var, c, "en")
		c, form = kind.split("-")
		v, var = gen_national(g, c, form == "intl")
		return Item(typ, sub, v, var, c, COUNTRY_LANG[c] if g.chance(0.75) else "en")
	if typ == "SSN":
		v, var = gen_ssn(g, kind)
		return Item(typ, sub, v, var, "US", "es" if g.chance(0.08) else "en")
	if typ == "CARD":
		brand, fmt = kind.rsplit("-", 1)
		v, var = gen_card(g, brand, fmt)
		return Item(typ, sub, v, var, lang=g.pick(["en", "en", "de", "fr", "it", "es", "nl"]), brand=brand)
	if typ == "IBAN":
		v, var, cc = gen_iban(g, kind)
		return Item(typ, sub, v, var, cc, IBAN_LANG.get(cc, "en") if g.chance(0.7) else "en")
	v, var = gen_ip(g, sub)
	return Item(typ, sub, v, var, lang="en")


def positive_items(g):
	items = []
	for sub, n in PER_SUB.items():
		for i in range(n):
			it = make_item(g, sub, i)
			if it.weak:
				it.want = i % 2 == 0
			it.line_only = g.chance(0.3)
			items.append(it)
	g.r.shuffle(items)
	return items


# ---- negatives: near misses and look-alikes that must not be detected ----------------

K_LUHN = "card failing Luhn"
K_IBAN = "IBAN failing mod-97"
K_SSN = "invalid SSN"
K_VER = "version"
K_TS = "timestamp"
K_ORDER = "order number"
K_PRICE = "price"
K_COORD = "coordinates"
K_HASH = "hash"
K_UUID = "UUID"
K_PHONELIKE = "phone-like number, non-phone context"
K_IMEI = "IMEI (Luhn-valid)"
K_ICCID = "ICCID (Luhn-valid)"
K_MAC = "MAC address"
K_OID = "OID / section number"
K_AT = "@ but not an e-mail"
K_EIN = "EIN"
K_ABA = "ABA routing number"
K_TRACK = "tracking number"
K_B64 = "base64 blob"
K_MASK = "masked value"
K_VAT = "VAT / tax number"
K_BIC = "BIC / SWIFT code"
K_ACCT = "domestic bank account (not IBAN)"
K_POSTAL = "postal code"
K_COLON = "colon-separated, not IPv6"
K_CREDITOR = "SEPA creditor identifier"
ALIAS = {"luhn": K_LUHN, "iban": K_IBAN, "ssn": K_SSN, "ver": K_VER, "ts": K_TS, "order": K_ORDER, "price": K_PRICE,
	 "coord": K_COORD, "hash": K_HASH, "uuid": K_UUID, "phonelike": K_PHONELIKE, "imei": K_IMEI, "iccid": K_ICCID,
	 "mac": K_MAC, "oid": K_OID, "at": K_AT, "ein": K_EIN, "aba": K_ABA, "track": K_TRACK, "b64": K_B64,
	 "mask": K_MASK, "vat": K_VAT, "bic": K_BIC, "acct": K_ACCT, "postal": K_POSTAL, "colon": K_COLON,
	 "creditor": K_CREDITOR}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def weekday(y, m, d):
	import datetime
	return DAYS[datetime.date(y, m, d).weekday()]


def fmt_card(g, d, brand, fmt):
	if fmt == "plain":
		return d
	return ("-" if fmt == "dashed" else " ").join(split_groups(d, card_groups(brand, len(d))))


def neg_luhn(g, w=None):
	brand = g.pick(CARD_BRANDS)
	d = card_digits(g, brand)
	bad = d[:-1] + str((int(d[-1]) + g.int(1, 9)) % 10)
	fmt = w or g.pick(["plain", "spaced", "spaced", "dashed"])
	return fmt_card(g, bad, brand, fmt), "%s %s" % (brand, fmt)


def neg_iban(g, w=None):
	v, cc = iban_compact(g)
	k = w or g.pick(["check digits", "transposed digits", "one-character typo"])
	while True:
		if k == "check digits":
			bad = v[:2] + "%02d" % g.int(2, 98) + v[4:]
		elif k == "transposed digits":
			i = g.int(4, len(v) - 2)
			bad = v[:i] + v[i + 1] + v[i] + v[i + 2:]
		else:
			i = g.int(4, len(v) - 1)
			c = v[i]
			bad = v[:i] + (str((int(c) + g.int(1, 9)) % 10) if c.isdigit() else chr((ord(c) - 65 + g.int(1, 25)) % 26 + 65)) + v[i + 1:]
		if bad != v and not v_mod97(bad):
			break
	if g.chance(0.5):
		bad = " ".join(split_groups(bad, [4] * 8))
	return bad, "%s %s" % (cc, k)


def neg_ssn(g, w=None):
	a, b, c = ssn_parts(g)
	k = w or g.pick(["area 000", "area 666", "area 9xx (ITIN range)", "area 9xx (ITIN range)", "group 00", "serial 0000"])
	if k == "area 000":
		a = "000"
	elif k == "area 666":
		a = "666"
	elif k.startswith("area 9"):
		a = "9" + g.digits(2)
	elif k == "group 00":
		b = "00"
	else:
		c = "0000"
	sep = g.pick(["-", "-", "-", " ", ""])
	return sep.join([a, b, c]), k


PIP = ["django", "requests", "numpy", "pydantic", "fastapi", "urllib3", "boto3", "sqlalchemy", "celery", "httpx"]


def neg_version(g, w=None):
	k = w or g.pick(["semver", "v-semver", "four-part build", "four-part, IPv4-shaped", "windows build",
			 "chrome UA (reduced)", "firmware, IPv4-shaped", "pip pin", "npm range", "kernel", "prerelease",
			 "go", "calver", "android build id"])
	i = g.int
	v = {"semver": lambda: "%d.%d.%d" % (i(0, 20), i(0, 40), i(0, 120)),
	     "v-semver": lambda: "v%d.%d.%d" % (i(0, 20), i(0, 40), i(0, 120)),
	     "four-part build": lambda: "%d.%d.%d.%d" % (i(1, 12), i(0, 20), i(0, 60), i(256, 9999)),
	     "four-part, IPv4-shaped": lambda: "%d.%d.%d.%d" % (i(1, 16), i(0, 20), i(0, 60), i(0, 250)),
	     "windows build": lambda: "10.0.%d.%d" % (g.pick([19045, 22621, 22631, 26100, 20348, 17763]), i(1, 4200)),
	     "chrome UA (reduced)": lambda: "%d.0.0.0" % i(110, 133),
	     "firmware, IPv4-shaped": lambda: "%d.%d.%d.%d" % (i(1, 9), i(0, 9), i(0, 40), i(1, 200)),
	     "pip pin": lambda: "%s==%d.%d.%d" % (g.pick(PIP), i(0, 5), i(0, 40), i(0, 20)),
	     "npm range": lambda: g.pick(["^", "~", ">="]) + "%d.%d.%d" % (i(1, 20), i(0, 30), i(0, 30)),
	     "kernel": lambda: "%d.%d.0-%d-%s" % (i(5, 6), i(1, 15), i(10, 120), g.pick(["generic", "amd64", "cloud-amd64", "aws"])),
	     "prerelease": lambda: "%d.%d.%d-%s.%d" % (i(0, 9), i(0, 30), i(0, 9), g.pick(["rc", "beta", "alpha"]), i(1, 9)),
	     "go": lambda: "go1.%d.%d" % (i(18, 23), i(0, 12)),
	     "calver": lambda: "%d.%02d.%d" % (i(2022, 2026), i(1, 12), i(0, 9)),
	     "android build id": lambda: "%s%d%s.%02d%02d%02d.%03d" % (g.pick(["UP", "AP", "TP", "BP"]), i(1, 4), g.pick(["A", "B"]),
								      i(23, 25), i(1, 12), i(1, 28), i(1, 99))}[k]()
	return v, k


def neg_timestamp(g, w=None):
	y, mo, d, h, mi, s = g.int(2019, 2026), g.int(1, 12), g.int(1, 28), g.int(0, 23), g.int(0, 59), g.int(0, 59)
	k = w or g.pick(["iso-z", "iso-offset", "iso-millis", "rfc2822", "nginx", "syslog", "epoch-s", "epoch-ms",
			 "python logging", "us 12h", "de", "compact-z", "apache error", "git"])
	if k == "iso-z":
		v = "%04d-%02d-%02dT%02d:%02d:%02dZ" % (y, mo, d, h, mi, s)
	elif k == "iso-offset":
		v = "%04d-%02d-%02dT%02d:%02d:%02d%s%02d:00" % (y, mo, d, h, mi, s, g.pick("+-"), g.int(0, 11))
	elif k == "iso-millis":
		v = "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (y, mo, d, h, mi, s, g.int(0, 999))
	elif k == "rfc2822":
		v = "%s, %02d %s %04d %02d:%02d:%02d %s" % (weekday(y, mo, d), d, MONTHS[mo - 1], y, h, mi, s, g.pick(["+0000", "+0100", "+0200", "-0500", "-0800"]))
	elif k == "nginx":
		v = "%02d/%s/%04d:%02d:%02d:%02d %s" % (d, MONTHS[mo - 1], y, h, mi, s, g.pick(["+0000", "+0100", "+0200"]))
	elif k == "syslog":
		v = "%s %2d %02d:%02d:%02d" % (MONTHS[mo - 1], d, h, mi, s)
	elif k == "epoch-s":
		v = str(g.int(1546300800, 1798761600))
	elif k == "epoch-ms":
		v = str(g.int(1546300800000, 1798761600000))
	elif k == "python logging":
		v = "%04d-%02d-%02d %02d:%02d:%02d,%03d" % (y, mo, d, h, mi, s, g.int(0, 999))
	elif k == "us 12h":
		v = "%d/%d/%04d %d:%02d %s" % (mo, d, y, h % 12 or 12, mi, "AM" if h < 12 else "PM")
	elif k == "de":
		v = "%02d.%02d.%04d %02d:%02d" % (d, mo, y, h, mi)
	elif k == "compact-z":
		v = "%04d%02d%02dT%02d%02d%02dZ" % (y, mo, d, h, mi, s)
	elif k == "git":
		v = "%s %s %d %02d:%02d:%02d %04d %s" % (weekday(y, mo, d), MONTHS[mo - 1], d, h, mi, s, y, g.pick(["+0100", "+0200", "-0700", "+0000"]))
	else:
		v = "%s %s %02d %02d:%02d:%02d.%06d %04d" % (weekday(y, mo, d), MONTHS[mo - 1], d, h, mi, s, g.int(0, 999999), y)
	return v, k


def neg_order(g, w=None):
	k = w or g.pick(["ORD-year", "PO", "INV", "Rechnung", "facture", "amazon 3-7-7", "shop #", "SO", "fattura", "pedido"])
	i = g.int
	v = {"ORD-year": lambda: "ORD-%d-%06d" % (i(2022, 2026), i(1, 999999)), "PO": lambda: "PO-%d" % i(4500000, 4599999),
	     "INV": lambda: "INV-%08d" % i(1, 99999999), "Rechnung": lambda: "RE-%d-%05d" % (i(2023, 2026), i(1, 99999)),
	     "facture": lambda: "FA%d-%05d" % (i(2023, 2026), i(1, 99999)),
	     "amazon 3-7-7": lambda: "%03d-%07d-%07d" % (i(111, 407), i(0, 9999999), i(0, 9999999)),
	     "shop #": lambda: "#%d" % i(1001, 99999), "SO": lambda: "SO%07d" % i(1, 9999999),
	     "fattura": lambda: "%d/%d" % (i(1, 2999), i(2023, 2026)), "pedido": lambda: "PED-%s%05d" % (g.chars(2, "ABCDEFGHJKLMNPRSTUVWXYZ"), i(0, 99999))}[k]()
	return v, k


def neg_price(g, w=None):
	k = w or g.pick(["usd", "eur-de", "eur-fr", "chf", "gbp", "inr", "jpy", "usd-big", "eur-code", "plain-de"])
	i = g.int
	v = {"usd": lambda: "$%d.%02d" % (i(1, 9999), i(0, 99)), "eur-de": lambda: "%d.%03d,%02d €" % (i(1, 999), i(0, 999), i(0, 99)),
	     "eur-fr": lambda: "%d %03d,%02d €" % (i(1, 999), i(0, 999), i(0, 99)), "chf": lambda: "CHF %d'%03d.%02d" % (i(1, 999), i(0, 999), i(0, 99)),
	     "gbp": lambda: "£%d,%03d.%02d" % (i(1, 99), i(0, 999), i(0, 99)), "inr": lambda: "₹%d,%02d,%03d.00" % (i(1, 99), i(0, 99), i(0, 999)),
	     "jpy": lambda: "¥%d,%03d" % (i(1, 999), i(0, 999)), "usd-big": lambda: "USD %d,%03d,%03d.%02d" % (i(1, 99), i(0, 999), i(0, 999), i(0, 99)),
	     "eur-code": lambda: "EUR %d.%02d" % (i(1, 99999), i(0, 99)), "plain-de": lambda: "%d.%03d,%02d" % (i(1, 999), i(0, 999), i(0, 99))}[k]()
	return v, k


def neg_coords(g, w=None):
	lat, lon = g.r.uniform(-60, 70), g.r.uniform(-170, 170)
	k = w or g.pick(["decimal pair", "degrees N/E", "query params", "geojson", "DMS"])
	if k == "decimal pair":
		v = "%.5f, %.5f" % (lat, lon)
	elif k == "degrees N/E":
		v = "%.4f° %s, %.4f° %s" % (abs(lat), "N" if lat >= 0 else "S", abs(lon), "E" if lon >= 0 else "W")
	elif k == "query params":
		v = "lat=%.6f&lon=%.6f" % (lat, lon)
	elif k == "geojson":
		v = "[%.6f, %.6f]" % (lon, lat)
	else:
		def dms(x):
			x = abs(x)
			return "%d°%02d'%04.1f\"" % (int(x), int(x * 60) % 60, (x * 3600) % 60)
		v = "%s%s %s%s" % (dms(lat), "N" if lat >= 0 else "S", dms(lon), "E" if lon >= 0 else "W")
	return v, k


def neg_hash(g, w=None):
	k = w or g.pick(["md5", "sha1", "sha256", "git short", "git full", "sha256 digest", "upper-case hex"])
	v = {"md5": lambda: g.hexs(32), "sha1": lambda: g.hexs(40), "sha256": lambda: g.hexs(64), "git short": lambda: g.hexs(g.int(7, 10)),
	     "git full": lambda: g.hexs(40), "sha256 digest": lambda: "sha256:" + g.hexs(64), "upper-case hex": lambda: g.hexs(32, True)}[k]()
	return v, k


def neg_uuid(g, w=None):
	h = g.hexs(32)
	k = w or g.pick(["v4", "v4", "v4 upper", "v4 braced", "v7"])
	if k == "v7":
		ms = "%012x" % g.int(0x018c00000000, 0x019a00000000)  # Unix milliseconds, 2023..2025
		u = "%s-%s-7%s-%s%s-%s" % (ms[:8], ms[8:12], h[13:16], g.pick("89ab"), h[17:20], h[20:])
	else:
		u = "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], g.pick("89ab"), h[17:20], h[20:])
	if k == "v4 upper":
		u = u.upper()
	elif k == "v4 braced":
		u = "{" + u.upper() + "}"
	return u, k


def isbn13(g):
	body = g.pick(["978", "979"]) + g.digits(9)
	c = (10 - sum(int(x) * (1 if j % 2 == 0 else 3) for j, x in enumerate(body)) % 10) % 10
	return body + str(c)


def neg_phonelike(g, w=None):
	k = w or g.pick(["customer number", "ticket id", "ISBN-13", "ISBN-10", "EAN-13", "quantity", "byte count",
			 "invoice digits", "parcel weight in grams", "meter reading", "cloud account id"])
	if k == "customer number":
		v = g.pick(["00", "0", ""]) + g.digits(g.int(8, 10))
		v = v[:11]
	elif k == "ticket id":
		v = g.digits(9, "123456789")
	elif k == "ISBN-13":
		b = isbn13(g)
		v = "%s-%s-%s-%s-%s" % (b[:3], b[3], b[4:8], b[8:12], b[12])
	elif k == "ISBN-10":
		body = g.digits(9)
		c = (11 - sum((10 - j) * int(x) for j, x in enumerate(body)) % 11) % 11
		v = "%s-%s-%s-%s" % (body[0], body[1:5], body[5:9], "X" if c == 10 else c)
	elif k == "EAN-13":
		body = g.pick(["40", "42", "30", "80", "84", "87", "50"]) + g.digits(10)
		v = body + str((10 - sum(int(x) * (1 if j % 2 == 0 else 3) for j, x in enumerate(body)) % 10) % 10)
	elif k == "quantity":
		v = "%d %03d %03d" % (g.int(1, 99), g.int(0, 999), g.int(0, 999))
	elif k == "byte count":
		v = str(g.int(1000000000, 99999999999))
	elif k == "invoice digits":
		v = g.digits(11, "123456789")
	elif k == "parcel weight in grams":
		v = "%d %03d" % (g.int(1, 99), g.int(0, 999))
	elif k == "meter reading":
		v = "%06d,%d" % (g.int(0, 999999), g.int(0, 9))
	else:
		v = g.digits(12, "123456789")
	return v, k


def neg_imei(g, w=None):
	body = g.pick(["35", "35", "86", "01", "99"]) + g.digits(12)
	v = luhn_complete(body)
	k = w or g.pick(["plain", "plain", "dashed", "spaced", "slash-SV"])
	if k == "dashed":
		v = "%s-%s-%s-%s" % (v[:2], v[2:8], v[8:14], v[14])
	elif k == "spaced":
		v = "%s %s %s %s" % (v[:2], v[2:8], v[8:14], v[14])
	elif k == "slash-SV":
		v = "%s/%s/%s/%02d" % (v[:8], v[8:14], v[14], g.int(1, 99))
	return v, k


def neg_iccid(g, w=None):
	body = "89" + g.pick(["1", "44", "49", "33", "31", "34", "39"]) + g.digits(2)
	body += g.digits(18 - len(body))
	v = luhn_complete(body)
	k = w or g.pick(["plain", "plain", "spaced"])
	return (v if k == "plain" else " ".join(split_groups(v, [4, 4, 4, 4, 3]))), k


def neg_mac(g, w=None):
	b = [g.hexs(2) for _ in range(6)]
	k = w or g.pick(["colon", "colon upper", "dash upper", "cisco dotted", "bare"])
	v = {"colon": ":".join(b), "colon upper": ":".join(b).upper(), "dash upper": "-".join(b).upper(),
	     "cisco dotted": "%s.%s.%s" % ("".join(b[:2]), "".join(b[2:4]), "".join(b[4:])), "bare": "".join(b).upper()}[k]
	return v, k


def neg_oid(g, w=None):
	i = g.int
	k = w or g.pick(["OID", "OID", "section 4-part, IPv4-shaped", "section 3-part", "section 5-part"])
	if k == "OID":
		v = g.pick(["1.3.6.1.4.1.%d.%d.%d" % (i(1, 60000), i(1, 30), i(1, 9)), "1.3.6.1.2.1.%d.%d.%d" % (i(1, 40), i(1, 20), i(0, 9)),
			    "2.5.4.%d" % i(3, 50), "1.2.840.113549.1.1.%d" % i(1, 14), "2.16.840.1.101.3.4.2.%d" % i(1, 3)])
	elif k.startswith("section 4"):
		v = "%d.%d.%d.%d" % (i(1, 12), i(1, 9), i(1, 9), i(1, 9))
	elif k == "section 3-part":
		v = "%d.%d.%d" % (i(1, 12), i(1, 9), i(1, 9))
	else:
		v = "%d.%d.%d.%d.%d" % (i(1, 12), i(1, 9), i(1, 9), i(1, 9), i(1, 9))
	return v, k


def neg_at(g, w=None):
	i = g.int
	k = w or g.pick(["npm pin", "scoped npm pin", "docker digest", "mention", "decorator", "retina asset",
			 "ssh user@host", "go module"])
	if k == "npm pin":
		v = "%s@%d.%d.%d" % (g.pick(["lodash", "express", "react", "vite", "zod", "axios"]), i(1, 20), i(0, 30), i(0, 30))
	elif k == "scoped npm pin":
		v = "@%s/%s@%d.%d.%d" % (g.pick(["types", "babel", "angular", "aws-sdk", "vitejs"]), g.pick(["node", "core", "client-s3", "cli", "plugin-react"]),
					i(1, 20), i(0, 30), i(0, 30))
	elif k == "docker digest":
		v = "%s@sha256:%s" % (g.pick(["nginx", "redis", "postgres", "python", "alpine"]), g.hexs(64))
	elif k == "mention":
		f, l = person_parts(g)
		v = "@" + f + g.pick([".", "_", ""]) + l
	elif k == "decorator":
		v = g.pick(["@pytest.fixture", "@app.route", "@dataclass", "@Override", "@staticmethod", "@Injectable", "@lru_cache"])
	elif k == "retina asset":
		v = "%s@%dx.%s" % (g.pick(["logo", "icon-share", "hero", "avatar-default", "btn-primary"]), i(2, 3), g.pick(["png", "jpg", "webp"]))
	elif k == "ssh user@host":
		v = "%s@%s" % (g.pick(["deploy", "ubuntu", "ec2-user", "pi", "admin"]), g.pick(["bastion", "web-01", "build-runner", "nas", "localhost"]))
	else:
		v = "golang.org/x/%s@v0.%d.%d" % (g.pick(["net", "sync", "crypto", "text"]), i(10, 30), i(0, 9))
	return v, k


EIN_PREFIXES = [1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23, 24, 25, 26, 27, 30, 31, 32, 33, 34, 35, 36,
		37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64,
		65, 66, 67, 68, 71, 72, 73, 74, 75, 76, 77, 80, 81, 82, 83, 84, 85, 86, 87, 88, 90, 91, 92, 93, 94, 95, 98, 99]


def neg_ein(g, w=None):
	return "%02d-%07d" % (g.pick(EIN_PREFIXES), g.int(0, 9999999)), "dashed"


def aba_ok(d):
	return sum(int(x) * [3, 7, 1][j % 3] for j, x in enumerate(d)) % 10 == 0


def neg_aba(g, w=None):
	body = "%02d" % g.pick([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 61, 62, 63, 71, 72]) + g.digits(6)
	for c in "0123456789":
		if aba_ok(body + c):
			return body + c, "9 digits, 3-7-1 checksum"
	raise AssertionError(body)


def s10_check(d8):
	c = 11 - sum(int(x) * w for x, w in zip(d8, [8, 6, 4, 2, 3, 5, 9, 7])) % 11
	return {10: 0, 11: 5}.get(c, c)


def neg_track(g, w=None):
	k = w or g.pick(["UPS 1Z", "FedEx 12 digits", "USPS 22 digits", "DHL Paket 20 digits", "DHL Express 10 digits", "Royal Mail S10", "PostNL 3S"])
	if k == "UPS 1Z":
		v = "1Z" + g.chars(6) + g.pick(["01", "02", "03", "12"]) + g.digits(8)
	elif k == "FedEx 12 digits":
		d = g.digits(12, "4567")
		v = d if g.chance(0.5) else " ".join(split_groups(d, [4, 4, 4]))
	elif k == "USPS 22 digits":
		d = "9" + g.pick(["400", "205", "407", "300"]) + g.digits(18)
		v = " ".join(split_groups(d, [4] * 6)) if g.chance(0.6) else d
	elif k == "DHL Paket 20 digits":
		v = "00340434" + g.digits(12)
	elif k == "DHL Express 10 digits":
		v = g.digits(10, "123456789")
	elif k == "Royal Mail S10":
		d = g.digits(8)
		v = "%s%s%dGB" % (g.pick(["RR", "AB", "JD", "LX"]), d, s10_check(d))
	else:
		v = "3S" + g.chars(4, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + g.digits(g.int(7, 9))
	return v, k


def neg_b64(g, w=None):
	raw = bytes(g.int(0, 255) for _ in range(g.int(18, 72)))
	k = w or g.pick(["standard", "standard", "url-safe, unpadded"])
	if k == "standard":
		return base64.b64encode(raw).decode("ascii"), k
	if k == "standard, unpadded":
		return base64.b64encode(raw).decode("ascii").rstrip("="), k
	return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("="), k


def neg_mask(g, w=None):
	k = w or g.pick(["card last 4", "card BIN + last 4", "SSN last 4", "IBAN masked", "phone masked", "IPv4 last octet masked"])
	last4 = g.digits(4)
	if k == "card last 4":
		v = g.pick(["**** **** **** %s", "•••• •••• •••• %s", "XXXX-XXXX-XXXX-%s", "xxxx xxxx xxxx %s", "•••• %s"]) % last4
	elif k == "card BIN + last 4":
		v = "%s******%s" % (g.pick(["411111", "424242", "555555", "378282", "601100", "353011"]), last4)
	elif k == "SSN last 4":
		v = g.pick(["XXX-XX-%s", "***-**-%s", "xxx-xx-%s"]) % last4
	elif k == "IBAN masked":
		iban, cc = iban_compact(g)
		v = "%s%s %s %s" % (cc, g.pick(["**", iban[2:4]]), " ".join(["****"] * ((len(iban) - 8) // 4)), iban[-4:])
	elif k == "phone masked":
		f, n = g.pick([("+49 151 ••• ••%s", 2), ("(•••) •••-%s", 4), ("+33 6 •• •• •• %s", 2), ("07••• •••%s", 3), ("+1 ***-***-%s", 4)])
		v = f % last4[:n]
	else:
		v = g.pick(["203.0.113", "198.51.100", "10.4.%d" % g.int(0, 255)]) + ".xxx"
	return v, k


def vat_de_check(d8):
	p = 10
	for x in d8:
		s = (int(x) + p) % 10 or 10
		p = (2 * s) % 11
	c = 11 - p
	return 0 if c == 10 else c


def neg_vat(g, w=None):
	k = w or g.pick(["DE", "FR", "NL", "IT", "AT", "BE", "ES", "GB", "DE Steuernummer"])
	if k == "DE":
		d = g.digits(8, "123456789")
		v = "DE%s%d" % (d, vat_de_check(d))
	elif k == "FR":
		siren = luhn_complete(g.digits(8, "123456789"))
		v = "FR%02d%s" % ((12 + 3 * (int(siren) % 97)) % 97, siren)
	elif k == "NL":
		v = "NL%sB%02d" % (g.digits(9, "123456789"), g.int(1, 3))
	elif k == "IT":
		d = g.digits(10)
		s = 0
		for j, x in enumerate(d):
			n = int(x) * (1 if j % 2 == 0 else 2)
			s += n - 9 if n > 9 else n
		v = "IT%s%d" % (d, (10 - s % 10) % 10)
	elif k == "AT":
		v = "ATU" + g.digits(8, "123456789")
	elif k == "BE":
		d = "0" + g.digits(7, "23456789")
		v = "BE%s%02d" % (d, 97 - int(d) % 97)
	elif k == "ES":
		v = "ES%s%s" % (g.pick("ABCDEFGHJNPQRSUVW"), g.digits(8))
	elif k == "GB":
		v = "GB %s %s %s" % (g.digits(3, "123456789"), g.digits(4), g.digits(2))
	else:
		v = "%d/%03d/%05d" % (g.int(10, 99), g.int(100, 999), g.int(0, 99999))
	return v, k


BICS = ["COBADEFFXXX", "DEUTDEFF", "DEUTDEDBBER", "BNPAFRPPXXX", "SOGEFRPP", "INGBNL2A", "ABNANL2A", "RABONL2U",
	"BCITITMM", "UNCRITMM", "CAIXESBBXXX", "BBVAESMM", "NWBKGB2L", "BARCGB22", "UBSWCHZH80A", "RZBAATWW",
	"GEBABEBB", "BOFIIE2D", "NDEAFIHH", "ESSESESS", "DABADKKK", "DNBANOKK", "PKOPPLPW", "BCOMPTPL", "GENODEF1M04",
	"BYLADEM1001", "CRLYFRPP", "BPMOIT22XXX", "TRIONL2U"]


def neg_bic(g, w=None):
	v = g.pick(BICS)
	return v, "%d characters" % len(v)


def neg_acct(g, w=None):
	k = w or g.pick(["DE Kontonummer", "DE BLZ", "UK sort code", "UK account", "US account", "FR RIB", "NL old dotted",
			 "CH postal account"])
	if k == "DE Kontonummer":
		v = g.pick(["0", "00", ""]) + g.digits(8, "123456789")
	elif k == "DE BLZ":
		v = "%s %s %s" % (g.digits(3, "1234678"), g.digits(3), g.digits(2))
	elif k == "UK sort code":
		v = "%s-%s-%s" % (g.digits(2, "1234678"), g.digits(2), g.digits(2))
	elif k == "UK account":
		v = g.digits(8, "1234567")
	elif k == "US account":
		v = g.digits(g.int(8, 12), "123456789")
	elif k == "FR RIB":
		bank, branch, acct = g.digits(5, "123"), g.digits(5), g.digits(11)
		v = "%s %s %s %s" % (bank, branch, acct, pc.rib_key(bank, branch, acct))
	elif k == "NL old dotted":
		while True:
			d = g.digits(9, "123456789")
			if nl_elfproef("0" + d):
				break
		v = "%s.%s.%s.%s" % (d[:2], d[2:4], d[4:6], d[6:])
	else:
		v = "%d-%d-%d" % (g.pick([30, 40, 60, 80, 90]), g.int(1000, 999999), g.int(0, 9))
	return v, k


def neg_postal(g, w=None):
	k = w or g.pick(["US ZIP+4", "DE PLZ", "FR code postal", "IT CAP", "ES código postal", "NL postcode", "UK postcode", "CA postal code"])
	L = "ABCDEFGHJKLMNPRSTUVWXYZ"
	v = {"US ZIP+4": lambda: "%05d-%04d" % (g.int(1001, 99950), g.int(1, 9999)), "DE PLZ": lambda: "%05d" % g.int(1067, 99998),
	     "FR code postal": lambda: "%02d%03d" % (g.int(1, 95), g.int(0, 999)), "IT CAP": lambda: "%05d" % g.int(10, 98168),
	     "ES código postal": lambda: "%02d%03d" % (g.int(1, 52), g.int(0, 999)), "NL postcode": lambda: "%d %s" % (g.int(1000, 9999), g.chars(2, L)),
	     "UK postcode": lambda: g.pick(["SW1A 2AA", "EC1A 1BB", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "LS1 4AP", "EH1 1YZ"]),
	     "CA postal code": lambda: "%s%d%s %d%s%d" % (g.pick(L), g.int(0, 9), g.pick(L), g.int(0, 9), g.pick(L), g.int(0, 9))}[k]()
	return v, k


def neg_colon(g, w=None):
	k = w or g.pick(["C++ scope", "Rust path", "Ruby constant", "Perl module", "clock time", "duration", "timecode"])
	v = {"C++ scope": lambda: g.pick(["std::chrono::milliseconds", "std::unique_ptr", "boost::asio::io_context", "absl::StatusOr", "std::vector<int>::iterator"]),
	     "Rust path": lambda: g.pick(["tokio::sync::mpsc", "std::io::Error", "serde_json::Value", "axum::extract::State", "crate::db::pool"]),
	     "Ruby constant": lambda: g.pick(["ActiveRecord::RecordNotFound", "Net::ReadTimeout", "Faraday::ConnectionFailed", "Rack::Attack"]),
	     "Perl module": lambda: g.pick(["Data::Dumper", "LWP::UserAgent", "DBI::db", "Mojo::Base"]),
	     "clock time": lambda: "%02d:%02d:%02d" % (g.int(0, 23), g.int(0, 59), g.int(0, 59)),
	     "duration": lambda: "%02d:%02d:%02d.%03d" % (g.int(0, 9), g.int(0, 59), g.int(0, 59), g.int(0, 999)),
	     "timecode": lambda: "%02d:%02d:%02d:%02d" % (g.int(0, 2), g.int(0, 59), g.int(0, 59), g.int(0, 24))}[k]()
	return v, k


def neg_creditor(g, w=None):
	k = w or g.pick(["DE", "DE", "NL", "AT", "FR", "ES", "IT"])
	nat = {"DE": lambda: g.digits(11), "AT": lambda: g.digits(11), "NL": lambda: g.digits(12), "FR": lambda: g.chars(6),
	       "ES": lambda: g.pick("ABCDEFGHJ") + g.digits(8), "IT": lambda: g.digits(11)}[k]()
	check = pc.iban_check(k, nat)  # same ISO 7064 MOD 97-10 over national id + CC + "00"; business code excluded
	return "%s%s%s%s" % (k, check, g.pick(["ZZZ", "ZZZ", "001", "ABC"]), nat), k


NEG_GEN = {K_LUHN: neg_luhn, K_IBAN: neg_iban, K_SSN: neg_ssn, K_VER: neg_version, K_TS: neg_timestamp,
	   K_ORDER: neg_order, K_PRICE: neg_price, K_COORD: neg_coords, K_HASH: neg_hash, K_UUID: neg_uuid,
	   K_PHONELIKE: neg_phonelike, K_IMEI: neg_imei, K_ICCID: neg_iccid, K_MAC: neg_mac, K_OID: neg_oid,
	   K_AT: neg_at, K_EIN: neg_ein, K_ABA: neg_aba, K_TRACK: neg_track, K_B64: neg_b64, K_MASK: neg_mask,
	   K_VAT: neg_vat, K_BIC: neg_bic, K_ACCT: neg_acct, K_POSTAL: neg_postal, K_COLON: neg_colon,
	   K_CREDITOR: neg_creditor}
NEG_KINDS = list(NEG_GEN)


REAL_TLDS = set(ORG_TLDS + LONG_TLDS + [d.rsplit(".", 1)[1] for d in FREEMAIL + MULTI_SLD] + ["uk", "fm", "me", "ru"])


# ---- the scanner: anything outside the spans that looks like a strong-format value -----

SCAN_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
SCAN_V4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\d|\.\d)")
SCAN_V6 = re.compile(r"(?<![0-9A-Za-z:])[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")
SCAN_RUN = re.compile(r"(?<![\d])\d+(?:[ -]\d+)*")
SCAN_SSN = re.compile(r"(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])")
SCAN_IBAN = re.compile(r"\b([A-Z]{2})(\d{2})")
SCAN_E164 = re.compile(r"(?<![\w+])\+\d[\d ().\-]{6,22}\d")
SCAN_NANP = re.compile(r"\(\d{3}\) ?\d{3}-\d{4}|(?<![\d.\-])\d{3}([-.])\d{3}\1\d{4}(?![\d\-]|\.\d)")


def scan_strong(text):
	"""[(start, end, what)] of strong-format look-alikes in text (validated by this file's validators)."""
	hits = []
	for m in SCAN_EMAIL.finditer(text):
		hits.append((m.start(), m.end(), "EMAIL"))
	for m in SCAN_V4.finditer(text):
		if all(int(x) <= 255 for x in m.group(0).split(".")):
			hits.append((m.start(), m.end(), "IPv4"))
	for m in SCAN_V6.finditer(text):
		c = m.group(0).rstrip(".")
		if c.count(":") >= 2 and re.search("[0-9A-Fa-f]", c):
			try:
				ipaddress.IPv6Address(c)
				hits.append((m.start(), m.start() + len(c), "IPv6"))
			except ValueError:
				pass
	for m in SCAN_RUN.finditer(text):
		groups = re.split("[ -]", m.group(0))
		for i in range(len(groups)):
			acc = ""
			for j in range(i, len(groups)):
				acc += groups[j]
				if len(acc) > 19:
					break
				if 13 <= len(acc) and v_card_any(acc):
					hits.append((m.start(), m.end(), "CARD " + acc))
	for m in SCAN_SSN.finditer(text):
		if ssn_rules_ok(*m.groups()):
			hits.append((m.start(), m.end(), "SSN"))
	for m in SCAN_IBAN.finditer(text):
		cc = m.group(1)
		if cc not in IBAN_SPEC:
			continue
		want, got, j = IBAN_SPEC[cc][0], "", m.start()
		while j < len(text) and len(got) < want:
			ch = text[j]
			if ch.isalnum() and ch.isascii():
				got += ch
			elif ch != " " or (j + 1 < len(text) and text[j + 1] == " "):
				break
			j += 1
		if len(got) == want and v_mod97(got):
			hits.append((m.start(), j, "IBAN"))
	for m in SCAN_E164.finditer(text):
		if len(re.sub(r"\D", "", m.group(0))) >= 8:
			hits.append((m.start(), m.end(), "E164"))
	for m in SCAN_NANP.finditer(text):
		hits.append((m.start(), m.end(), "NANP"))
	return hits


def neg_ok(kind, value, variant):
	"""Is this negative really invalid / not PII, and free of embedded strong-format values?"""
	d = re.sub(r"[ \-]", "", value)
	if kind == K_LUHN and not (d.isdigit() and 13 <= len(d) <= 19 and not v_luhn(d)):
		return False
	if kind == K_IBAN and (v_mod97(value) or not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9 ]+", value)):
		return False
	if kind == K_SSN and (not d.isdigit() or len(d) != 9 or ssn_rules_ok(d[:3], d[3:5], d[5:])):
		return False
	if kind in (K_IMEI, K_ICCID):
		dd = re.sub(r"\D", "", value.split("/")[0] + (value.split("/")[1] + value.split("/")[2] if "/" in value else ""))
		if not v_luhn(dd) or v_card_any(dd):
			return False
	for s, e, what in scan_strong(value):
		if what == "IPv4" and kind in (K_VER, K_OID, K_ACCT) and "IPv4-shaped" in variant:
			continue
		if what == "EMAIL" and kind == K_AT and value[s:e].rsplit(".", 1)[1].lower() not in REAL_TLDS:
			continue
		return False
	return True


IN_CONTEXT = (K_LUHN, K_IBAN, K_SSN, K_IMEI, K_ICCID, K_MASK)  # near misses meant to sit next to their type's word


def neg_forbid(kind, value):
	"""Types whose naming word must not be on a negative's line, so that it stays a clear non-match:
	digit strings must not be called phone numbers or SSNs, dotted quads not IP addresses."""
	if kind in IN_CONTEXT:
		return []
	out = []
	if re.fullmatch(r"[\d .()/+-]+", value) and len(re.sub(r"\D", "", value)) >= 7:
		out += ["PHONE", "SSN"]
	if v4_shaped(value) or kind == K_COLON:
		out.append("IP")
	return out


def v4_shaped(v):
	return any(all(int(x) <= 255 for x in m.group(0).split(".")) for m in SCAN_V4.finditer(v))


def make_neg(g, kind, w=None):
	"""A negative of kind (variant w, or one of "a|b"), drawn again until it is clean."""
	fn = NEG_GEN[kind]
	for _ in range(200):
		alt = g.pick(w.split("|")) if w else None
		v, var = fn(g, alt)
		if kind in (K_VER, K_OID, K_ACCT) and v4_shaped(v) and "IPv4-shaped" not in var:
			var += ", IPv4-shaped"
		if neg_ok(kind, v, var):
			return v, var
	raise AssertionError("no clean negative of %s/%s" % (kind, w))


# ---- documents ------------------------------------------------------------------------

class Doc:
	"""One text being written: pieces, and the char offsets of labels and negatives."""

	def __init__(self, g):
		self.g = g
		self.parts, self.n = [], 0
		self.labels, self.negs = [], []
		self.placed = set()
		self.tpl = "?"

	def w(self, s):
		self.parts.append(s)
		self.n += len(s)

	def put(self, item, hdr=None):
		first = id(item) not in self.placed
		self.placed.add(id(item))
		start = self.n
		self.w(item.value)
		self.labels.append({"item": item, "start": start, "end": self.n, "hdr": hdr, "tpl": self.tpl,
				    "want": item.want if first else None})

	def neg(self, kind, w=None, hdr=None):
		v, var = make_neg(self.g, kind, w)
		start = self.n
		self.w(v)
		self.negs.append({"kind": kind, "variant": var, "tpl": self.tpl, "start": start, "end": self.n})
		self.g.negcount[kind] += 1
		return v

	def nl(self):
		self.w("\n")

	def text(self):
		return "".join(self.parts)


class Pool:
	"""The positives still to place; builders take extra values of a type from it."""

	def __init__(self, items):
		self.items = items

	def take(self, typ, ctx, pred=None, prefer=None):
		"""ctx True: the slot names the type; False: it does not; "strong": only strong formats.
		A value that also satisfies prefer (e.g. the letter's country) is taken first."""
		ok = (None, True) if ctx is True else (None, False) if ctx is False else (None,)
		for want_pref in ([True, False] if prefer else [False]):
			for j in range(len(self.items) - 1, -1, -1):
				it = self.items[j]
				if it.type == typ and not it.line_only and it.want in ok and (pred is None or pred(it)) and (not want_pref or prefer(it)):
					del self.items[j]
					return it
		return None


IP_PLAIN = ("IP/v4", "IP/v6-full", "IP/v6-compressed", "IP/v6-ipv4")
IP_PORT = ("IP/v4-port-cidr", "IP/v6-full", "IP/v6-compressed", "IP/v6-ipv4")
IP_CIDR = ("IP/v4-port-cidr", "IP/v6-full", "IP/v6-compressed")


def ip_fits(shape):
	"""Which IP values fit a slot: v4 with port/prefix only where one is written; IPv6 network
	prefixes ("2001:db8::") only before a prefix length."""
	subs = {"plain": IP_PLAIN, "port": IP_PORT, "cidr": IP_CIDR, "plainv4": ("IP/v4",),
		"plain6": ("IP/v6-full", "IP/v6-compressed", "IP/v6-ipv4"), "cidr4": ("IP/v4-port-cidr",),
		"cidr6": ("IP/v6-full", "IP/v6-compressed")}[shape]
	if shape.startswith("cidr"):
		return lambda it: it.sub in subs
	return lambda it: it.sub in subs and not it.value.endswith("::")


def ip_put(d, item, shape, port=None, hdr=None):
	"""Write an IP the way shape wants it: bare, with :port (v6 in brackets) or with a prefix length."""
	v6 = ":" in item.value
	if shape == "port":
		if v6:
			d.w("[")
		d.put(item, hdr)
		d.w(("]:" if v6 else ":") + (port or FILL["port"](d.g)))
		note("port", item)
	elif shape == "cidr":
		d.put(item, hdr)
		d.w("/" + (FILL["plen6"] if v6 else FILL["plen"])(d.g))
		note("cidr", item)
	else:
		d.put(item, hdr)


def note(deco, item):
	if item.sub == "IP/v4-port-cidr":
		item.variant = "%s, %s" % (deco, item.variant.split(", ")[-1])
	elif item.type == "IP" and deco not in item.variant:
		item.variant += ", " + ("bracket-port" if deco in ("port", "url") and ":" in item.value else deco)


def finish(d):
	"""Compute ctx, check everything, and return the record (byte offsets)."""
	text = d.text()
	spans = sorted([(l["start"], l["end"], "L") for l in d.labels] + [(n["start"], n["end"], "N") for n in d.negs])
	for a, b in zip(spans, spans[1:]):
		assert a[1] <= b[0], ("overlap", text[a[0]:a[1]], text[b[0]:b[1]], text)
	blank = list(text)
	for s, e, _ in spans:
		blank[s:e] = " " * (e - s)
	blank = "".join(blank)
	labels = []
	for l in d.labels:
		it, s, e = l["item"], l["start"], l["end"]
		assert text[s:e] == it.value
		assert not (s and text[s - 1].isalnum()) and not (e < len(text) and text[e].isalnum()), ("glued", it.value, text)
		ls = text.rfind("\n", 0, s) + 1
		le = text.find("\n", e)
		le = len(text) if le < 0 else le
		line = blank[ls:le]
		hits = naming_hits(it.type, line)
		hdr_hit = bool(l["hdr"]) and bool(naming_hits(it.type, l["hdr"]))
		ctx = bool(hits) or hdr_hit
		where = "%s %r in %r" % (it.sub, it.value, text)
		if it.weak and l["want"] is not None:
			assert ctx == l["want"], "ctx %s, wanted %s: %s / %s" % (ctx, l["want"], where, l["tpl"])
		if it.weak and ctx and not hdr_hit:
			near = min(max(hs - (e - ls), (s - ls) - he, 0) for hs, he in hits)
			assert near <= 60, "context word too far: " + where
		if it.weak and not ctx:
			assert not ambig_hits(it.type, line) and not (l["hdr"] and ambig_hits(it.type, l["hdr"])), "ambiguous: " + where
		labels.append((s, e, {"type": it.type, "sub": it.sub, "variant": it.variant, "ctx": ctx, "tpl": l["tpl"]}, it))
	for n in d.negs:
		s, e = n["start"], n["end"]
		ls = text.rfind("\n", 0, s) + 1
		le = text.find("\n", e)
		line = blank[ls:len(text) if le < 0 else le]
		for t in neg_forbid(n["kind"], text[s:e]):
			assert not naming_hits(t, line), "negative %s next to a %s word: %r" % (n["kind"], t, text)
	masked = list(text)
	for s, e, _ in spans:
		masked[s:e] = "#" * (e - s)
	for s, e, what in scan_strong("".join(masked)):
		raise AssertionError("unlabelled %s %r in %r" % (what, text[s:e], text))
	raw = text.encode("utf-8")
	boff = [0] * (len(text) + 1)
	for i, ch in enumerate(text):
		boff[i + 1] = boff[i] + len(ch.encode("utf-8"))
	out_l, out_n = [], []
	for s, e, rec, it in sorted(labels, key=lambda x: x[0]):
		rec = dict(rec, start=boff[s], end=boff[e])
		assert raw[rec["start"]:rec["end"]].decode("utf-8") == it.value
		out_l.append((rec, it))
	for n in sorted(d.negs, key=lambda x: x["start"]):
		out_n.append({"kind": n["kind"], "variant": n["variant"], "tpl": n["tpl"], "start": boff[n["start"]], "end": boff[n["end"]]})
	return text, out_l, out_n


# ---- line templates -------------------------------------------------------------------------
#
# ⟦V⟧ the value, ⟦V:br⟧ an IP followed by :port (IPv6 in brackets), ⟦V⟧/⟦plenx⟧ an IP with a
# prefix length, ⟦V2⟧ a second value of the same type, ⟦N:alias⟧ or ⟦N:alias/variant|variant⟧
# a negative, anything else a filler. Whether a template gives the value context is not
# declared: it is computed from the template with the lexicon (and checked again per text).

LINES = {
	"EMAIL": [
		("en", "Can you change the email on my account to ⟦V⟧? The old one bounces."),
		("en", "email: ⟦V⟧"),
		("en", "Please send the signed contract by e-mail to ⟦V⟧."),
		("en", "I never got the confirmation mail. Is ⟦V⟧ the one you have on file?"),
		("en", "New hire: ⟦name⟧, starts ⟦date⟧, work email ⟦V⟧"),
		("en", "550 5.1.1 <⟦V⟧>: Recipient address rejected: User unknown in virtual mailbox table"),
		("en", "Update the distribution list: remove ⟦V⟧, add ⟦V2⟧."),
		("en", "The email field is empty for ⟦name⟧; from the signature it should be \"⟦V⟧\"."),
		("en", "Draft a polite reply to ⟦V⟧ saying the refund was approved."),
		("en", "From: ⟦name⟧ <⟦V⟧>"),
		("en", "Reply-To: ⟦V⟧"),
		("en", "Cc: ⟦V⟧, ⟦V2⟧"),
		("en", "On ⟦date⟧, ⟦name⟧ <⟦V⟧> wrote:"),
		("en", "Signed-off-by: ⟦name⟧ <⟦V⟧>"),
		("en", "Co-authored-by: ⟦name⟧ <⟦V⟧>"),
		("en", "Invite sent to ⟦V⟧ (role: viewer, expires in 7 days)."),
		("en", "Assign this to ⟦V⟧ please."),
		("en", "Owner: ⟦V⟧"),
		("en", "Rejected: ⟦V⟧ is not on the allow-list."),
		("en", "[⟦V⟧](mailto:⟦V⟧)"),
		("en", "Login failed for ⟦V⟧ (3 attempts, locked for 15 min)."),
		("en", "Who is ⟦V⟧? They keep getting copied on the incident thread."),
		("en", "⟦V⟧"),
		("de", "Meine E-Mail-Adresse lautet ⟦V⟧."),
		("de", "E-Mail: ⟦V⟧"),
		("de", "Bitte schicken Sie die Rechnung per Mail an ⟦V⟧, nicht mehr an die alte Adresse."),
		("de", "Danke! Ich leite das an ⟦V⟧ weiter."),
		("de", "Zuständig ist ⟦V⟧ (Vertretung bis ⟦date_eu⟧)."),
		("fr", "Mon adresse e-mail a changé : ⟦V⟧"),
		("fr", "Courriel : ⟦V⟧"),
		("fr", "Merci d'envoyer le devis par mail à ⟦V⟧."),
		("fr", "Je mets ⟦V⟧ en copie."),
		("it", "La mia email è ⟦V⟧, grazie."),
		("it", "E-mail: ⟦V⟧ (uso personale)"),
		("it", "Inviate la fattura via mail a ⟦V⟧."),
		("it", "Metto in copia ⟦V⟧."),
		("es", "Mi correo es ⟦V⟧."),
		("es", "Correo electrónico: ⟦V⟧"),
		("es", "¿Podéis enviarme la factura por email a ⟦V⟧?"),
		("es", "Te pongo en copia a ⟦V⟧."),
		("nl", "Mijn e-mailadres is ⟦V⟧."),
		("nl", "E-mail: ⟦V⟧"),
		("nl", "Stuur de offerte graag per mail naar ⟦V⟧."),
		("nl", "Ik zet ⟦V⟧ even in de cc."),
	],
	"PHONE": [
		("en", "My mobile is ⟦V⟧ if anything comes up."),
		("en", "Phone: ⟦V⟧"),
		("en", "Please update the phone number on file to ⟦V⟧."),
		("en", "Customer says the landline ⟦V⟧ has been dead since ⟦date⟧."),
		("en", "cell ⟦V⟧ / office ⟦V2⟧"),
		("en", "Fax the signed form to ⟦V⟧, attention ⟦name⟧."),
		("en", "Tel: ⟦V⟧ (weekdays 9-17)"),
		("en", "Is ⟦V⟧ a mobile or a landline? The provider rejects it."),
		("en", "Our hotline (⟦V⟧) is down, customers get a busy tone."),
		("en", "Add a telephone field and prefill it with \"⟦V⟧\"."),
		("en", "The phone on the shipping label reads ⟦V⟧."),
		("en", "Work phone: ⟦V⟧ · Mobile: ⟦V2⟧"),
		("en", "Caller from ⟦city⟧ left a voicemail, callback phone ⟦V⟧."),
		("en", "Mobile: ⟦V⟧."),
		("en", "Reformat this phone to E.164 please: ⟦V⟧"),
		("en", "Which country is the phone ⟦V⟧ from?"),
		("en", "⟦name⟧ – ⟦V⟧"),
		("en", "⟦name⟧ (⟦city⟧): ⟦V⟧"),
		("en", "Urgent: ⟦V⟧, ask for ⟦first⟧."),
		("en", "If the courier gets lost: ⟦V⟧."),
		("en", "After hours: ⟦V⟧"),
		("en", "Spoke to ⟦first⟧ on ⟦V⟧ this morning; she confirmed the delivery window."),
		("en", "For the record, ⟦V⟧ belongs to ⟦name⟧ now."),
		("en", "Try ⟦V⟧ instead of the old one."),
		("en", "⟦V⟧ – ⟦first⟧, front desk"),
		("en", "Out of office until ⟦date⟧. Urgent matters: ⟦first⟧ (⟦V⟧)."),
		("en", "Whose is ⟦V⟧? It shows up twice in the CRM export."),
		("de", "Telefon: ⟦V⟧"),
		("de", "Meine Handynummer hat sich geändert, neu ist ⟦V⟧."),
		("de", "Tel.: ⟦V⟧ · Fax: ⟦V2⟧"),
		("de", "Mobil ⟦V⟧ (ab 17 Uhr)"),
		("de", "Bitte tragen Sie als Festnetznummer ⟦V⟧ ein."),
		("de", "Die Rufnummer ⟦V⟧ ist nicht mehr vergeben."),
		("de", "Telefonisch bin ich heute unter ⟦V⟧ erreichbar."),
		("de", "Bei Rückfragen: ⟦V⟧"),
		("de", "Notfall: ⟦V⟧ (⟦first⟧)"),
		("de", "⟦name⟧, ⟦company⟧, ⟦V⟧"),
		("de", "Vor Ort: ⟦first⟧, ⟦V⟧"),
		("de", "Wenn niemand öffnet, bitte ⟦V⟧ versuchen."),
		("de", "Schlüsselübergabe am ⟦date_eu⟧ – ⟦first⟧: ⟦V⟧"),
		("fr", "Tél. : ⟦V⟧"),
		("fr", "Mon numéro de portable a changé : ⟦V⟧."),
		("fr", "Téléphone fixe : ⟦V⟧ – portable : ⟦V2⟧"),
		("fr", "Vous pouvez me joindre par téléphone au ⟦V⟧."),
		("fr", "Fax : ⟦V⟧"),
		("fr", "Pour toute question : ⟦V⟧"),
		("fr", "En cas d'urgence : ⟦V⟧ (⟦first⟧)"),
		("fr", "⟦name⟧ — ⟦V⟧ — ⟦city⟧"),
		("fr", "Si le portail est fermé, essayez le ⟦V⟧."),
		("it", "Tel. ⟦V⟧"),
		("it", "Il mio cellulare è ⟦V⟧, scrivetemi pure su WhatsApp."),
		("it", "Telefono ufficio: ⟦V⟧"),
		("it", "Per la consegna indicare il numero di telefono ⟦V⟧."),
		("it", "Per qualsiasi dubbio: ⟦V⟧"),
		("it", "Urgenze: ⟦V⟧ (⟦first⟧)"),
		("it", "⟦name⟧ · ⟦V⟧ · ⟦city⟧"),
		("it", "Se il cancello è chiuso provate il ⟦V⟧."),
		("es", "Teléfono: ⟦V⟧"),
		("es", "Mi móvil es el ⟦V⟧, llámame cuando llegues."),
		("es", "Tfno. ⟦V⟧ (horario de oficina)"),
		("es", "Han cambiado el teléfono de contacto a ⟦V⟧."),
		("es", "Para cualquier duda: ⟦V⟧"),
		("es", "Urgencias: ⟦V⟧, pregunta por ⟦first⟧."),
		("es", "⟦name⟧ / ⟦V⟧ / ⟦city⟧"),
		("es", "Si la puerta está cerrada, prueba al ⟦V⟧."),
		("nl", "Telefoon: ⟦V⟧"),
		("nl", "Mijn mobiele nummer is ⟦V⟧."),
		("nl", "Tel. ⟦V⟧ (tot 17.00 uur)"),
		("nl", "GSM: ⟦V⟧"),
		("nl", "Het telefoonnummer ⟦V⟧ klopt niet meer."),
		("nl", "Voor vragen: ⟦V⟧"),
		("nl", "Bij spoed: ⟦V⟧ (⟦first⟧)"),
		("nl", "⟦name⟧ · ⟦V⟧ · ⟦city⟧"),
		("nl", "Staat de poort dicht? Probeer dan ⟦V⟧."),
	],
	"SSN": [
		("en", "SSN: ⟦V⟧"),
		("en", "Applicant SSN ⟦V⟧, DOB ⟦dob⟧"),
		("en", "Please verify the social security number ⟦V⟧ against the W-2."),
		("en", "The SSN on the I-9 (⟦V⟧) doesn't match payroll."),
		("en", "Social Security No. ⟦V⟧"),
		("en", "Taxpayer ⟦name⟧ – SSN ⟦V⟧ – filing status single"),
		("en", "Can you check whether ⟦V⟧ is a valid SSN?"),
		("en", "ssn=⟦V⟧ dob=⟦dob⟧ result=MATCH"),
		("en", "My social security number is ⟦V⟧, why do you need it?"),
		("en", "Member's SSN: \"⟦V⟧\"."),
		("en", "⟦name⟧, ⟦V⟧, born ⟦dob⟧"),
		("en", "Dependent: ⟦name⟧ (⟦V⟧)"),
		("en", "Applicant ⟦name⟧ / ⟦V⟧ / ⟦city⟧"),
		("en", "⟦V⟧ – ⟦name⟧ – hired ⟦date⟧"),
		("en", "Background check requested for ⟦name⟧ (⟦V⟧)."),
		("en", "Match found: ⟦V⟧ belongs to ⟦name⟧, not to ⟦name2⟧."),
		("en", "Please redact ⟦V⟧ before you forward this."),
		("en", "Beneficiary: ⟦name⟧ · ⟦V⟧"),
		("es", "Número de Seguro Social: ⟦V⟧"),
		("es", "Mi número de seguro social es ⟦V⟧."),
		("es", "Solicitante: ⟦name⟧, ⟦V⟧"),
	],
	"CARD": [
		("en", "Card: ⟦V⟧ exp ⟦exp⟧"),
		("en", "My ⟦brand⟧ ⟦V⟧ was charged twice for ⟦product⟧."),
		("en", "Pay with card ⟦V⟧, CVC on file."),
		("en", "credit card number ⟦V⟧ – expires ⟦exp⟧"),
		("en", "Stripe test card ⟦V⟧ should return card_declined, but it succeeds."),
		("en", "Why is the card ⟦V⟧ flagged as expired?"),
		("en", "Use the corporate card (⟦V⟧) for the hotel."),
		("en", "card_number: \"⟦V⟧\""),
		("en", "⟦V⟧ exp ⟦exp⟧ cvc ⟦cvc⟧"),
		("en", "Charge ⟦amount⟧ to ⟦V⟧."),
		("en", "Why does ⟦V⟧ fail with 'do not honor'?"),
		("en", "Use ⟦V⟧ for the booking, ⟦exp⟧."),
		("en", "Payment method ⟦V⟧ declined: insufficient funds."),
		("en", "\"⟦V⟧\" – is that a real number or a test one?"),
		("de", "Kreditkarte: ⟦V⟧ (gültig bis ⟦exp⟧)"),
		("de", "Bitte buchen Sie von meiner ⟦brand⟧-Karte ⟦V⟧ ab."),
		("de", "Zahlung mit ⟦V⟧ fehlgeschlagen."),
		("fr", "Numéro de carte : ⟦V⟧"),
		("fr", "Ma carte ⟦brand⟧ ⟦V⟧ a été débitée deux fois."),
		("fr", "Paiement refusé pour ⟦V⟧."),
		("it", "Carta di credito ⟦V⟧ scad. ⟦exp⟧"),
		("it", "Numero carta: ⟦V⟧"),
		("it", "Pagamento con ⟦V⟧ rifiutato."),
		("es", "Tarjeta: ⟦V⟧, caducidad ⟦exp⟧"),
		("es", "Me han cobrado dos veces en la tarjeta ⟦V⟧."),
		("es", "Pago rechazado: ⟦V⟧."),
		("nl", "Creditcard ⟦V⟧ geldig tot ⟦exp⟧"),
		("nl", "Kaartnummer: ⟦V⟧"),
		("nl", "Betaling met ⟦V⟧ mislukt."),
	],
	"IBAN": [
		("en", "IBAN: ⟦V⟧"),
		("en", "Please refund to my account ⟦V⟧ (⟦name⟧)."),
		("en", "Payee account ⟦V⟧, reference ⟦N:order⟧"),
		("en", "Is ⟦V⟧ a valid IBAN? The banking app refuses it."),
		("en", "Update the supplier's IBAN to ⟦V⟧ from next month."),
		("en", "Beneficiary: ⟦name⟧, ⟦V⟧"),
		("en", "SEPA payout → ⟦V⟧ (batch ⟦n⟧)"),
		("en", "pay ⟦V⟧ ⟦amount⟧ ref ⟦N:order⟧"),
		("en", "Wire ⟦amount⟧ to ⟦V⟧ by ⟦weekday⟧."),
		("de", "Bankverbindung: ⟦V⟧, BIC ⟦N:bic⟧"),
		("de", "Bitte überweisen Sie den Betrag auf das Konto ⟦V⟧."),
		("de", "Neue IBAN: ⟦V⟧ (gültig ab ⟦date_eu⟧)"),
		("de", "Überweisung an ⟦name⟧, ⟦V⟧, Verwendungszweck ⟦N:order⟧"),
		("fr", "Mon IBAN : ⟦V⟧"),
		("fr", "Compte à créditer : ⟦V⟧"),
		("fr", "Virement de ⟦amount⟧ vers ⟦V⟧ effectué."),
		("it", "IBAN per il rimborso: ⟦V⟧"),
		("it", "Conto corrente ⟦V⟧ intestato a ⟦name⟧"),
		("it", "Bonifico su ⟦V⟧ eseguito il ⟦date_eu⟧."),
		("es", "Número de cuenta (IBAN): ⟦V⟧"),
		("es", "Os paso mi IBAN: ⟦V⟧"),
		("es", "Transferencia a ⟦V⟧ pendiente de confirmar."),
		("nl", "Rekeningnummer: ⟦V⟧ t.n.v. ⟦name⟧"),
		("nl", "IBAN ⟦V⟧ graag gebruiken voor de terugbetaling."),
		("nl", "Graag ⟦amount⟧ overmaken naar ⟦V⟧."),
	],
	"IP": [
		("en", "Client IP: ⟦V⟧"),
		("en", "Blocked IP ⟦V⟧ after 20 failed logins."),
		("en", "Whitelisting ⟦V⟧ on the firewall, it's our office IP."),
		("en", "The server at ⟦V⟧ stopped answering ICMP."),
		("en", "nameserver ⟦V⟧"),
		("en", "Gateway: ⟦V⟧"),
		("en", "Why does ⟦V⟧ show up as the source address in our logs?"),
		("en", "X-Real-IP: ⟦V⟧"),
		("en", "Is ⟦V⟧ one of your egress IPs?"),
		("en", "host ⟦V⟧ is unreachable"),
		("de", "IP-Adresse des Druckers: ⟦V⟧"),
		("fr", "Adresse IP du serveur : ⟦V⟧"),
		("it", "Indirizzo IP: ⟦V⟧"),
		("es", "Dirección IP: ⟦V⟧"),
		("nl", "IP-adres van de router: ⟦V⟧"),
		("en", "Failed password for invalid user ⟦user⟧ from ⟦V⟧ port ⟦port⟧ ssh2"),
		("en", "Banned ⟦V⟧ (fail2ban, jail sshd)"),
		("en", "Who owns ⟦V⟧? It keeps hammering /login."),
		("en", "Connection from ⟦V⟧ refused by policy"),
		("en", "ping ⟦V⟧"),
		("en", "⟦V⟧ keeps showing up in the WAF report."),
		("en", "Traffic spike from ⟦V⟧ around ⟦time⟧."),
		("en", "Geolocate ⟦V⟧ for me."),
		("en", "Upstream ⟦V:br⟧:⟦port⟧ timed out after 30s"),
		("en", "curl -v http://⟦V:br⟧:⟦port⟧/healthz"),
		("en", "listen ⟦V:br⟧:443 ssl;"),
		("en", "Error: connect ECONNREFUSED ⟦V:br⟧:⟦port⟧"),
		("en", "redis://⟦V:br⟧:6379/0"),
		("en", "Connecting to ⟦V:br⟧:⟦port⟧... connected."),
		("en", "Open https://⟦V:br⟧:8443/admin in the browser."),
		("en", "proxy_pass http://⟦V:br⟧:⟦port⟧;"),
		("en", "allow ⟦V⟧/⟦plenx⟧;"),
		("en", "AllowedIPs = ⟦V⟧/⟦plenx⟧"),
		("en", "-A INPUT -s ⟦V⟧/⟦plenx⟧ -j DROP"),
		("en", "Add ⟦V⟧/⟦plenx⟧ to the allow-list, it's the new office range."),
		("de", "Bitte ⟦V⟧/⟦plenx⟧ in der Firewall freigeben."),
	],
}

NEG_LINES = {
	K_LUHN: ["Card ⟦N⟧ was rejected: invalid card number.", "Kreditkarte ⟦N⟧ – Prüfziffer stimmt nicht.",
		 "Numéro de carte ⟦N⟧ refusé (numéro invalide).", "La carta ⟦N⟧ risulta non valida.",
		 "Tarjeta ⟦N⟧: número incorrecto.", "card_number=⟦N⟧ error=invalid_number",
		 "Typo? ⟦N⟧ doesn't pass the card checksum.", "De kaart ⟦N⟧ wordt geweigerd: ongeldig nummer."],
	K_IBAN: ["IBAN ⟦N⟧ ist ungültig (Prüfziffer).", "The IBAN ⟦N⟧ fails validation, please double-check it.",
		 "IBAN ⟦N⟧ : clé de contrôle incorrecte.", "L'IBAN ⟦N⟧ non è valido.", "El IBAN ⟦N⟧ no es válido.",
		 "IBAN ⟦N⟧ klopt niet (controlegetal).", "iban_invalid: ⟦N⟧",
		 "Bank says account ⟦N⟧ doesn't exist – typo in the IBAN?"],
	K_SSN: ["SSN ⟦N⟧ rejected: not a valid SSN.", "ssn=⟦N⟧ status=INVALID",
		"The SSN ⟦N⟧ can't be valid, please ask the employee again.",
		"Social security number ⟦N⟧ failed the SSA format check.", "Test fixture: invalid SSN ⟦N⟧",
		"E-Verify: SSN ⟦N⟧ is not a valid number."],
	K_VER: ["Release ⟦N/semver|v-semver|prerelease|calver⟧ is out.",
		"Upgraded to ⟦N/semver|v-semver⟧ last night, the bug is gone.",
		"Bitte auf Version ⟦N/semver|four-part build⟧ aktualisieren.", "La version ⟦N/semver|prerelease⟧ corrige l'export.",
		"Versione ⟦N/semver|four-part, IPv4-shaped⟧ installata.", "Versión ⟦N/semver|calver⟧ publicada hoy.",
		"Versie ⟦N/v-semver|four-part, IPv4-shaped⟧ staat klaar.", "requirements.txt: ⟦N/pip pin⟧",
		"Pin ⟦N/pip pin⟧ until the migration is done.",
		"User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/⟦N/chrome UA (reduced)⟧ Safari/537.36",
		"uname -r → ⟦N/kernel⟧", "OS build ⟦N/windows build⟧", "Firmware ⟦N/firmware, IPv4-shaped⟧ fixes the Wi-Fi drops.",
		"Build ⟦N/four-part build⟧ is on staging.", "Product version ⟦N/four-part, IPv4-shaped⟧ (x64)",
		"go version ⟦N/go⟧ linux/amd64", "\"react\": \"⟦N/npm range⟧\",", "Build number: ⟦N/android build id⟧"],
	K_TS: ["Last seen ⟦N/iso-z|iso-offset|rfc2822⟧.", "created_at: ⟦N/iso-z|iso-millis⟧", "Date: ⟦N/rfc2822⟧",
	       "time_local=[⟦N/nginx⟧] status=200", "⟦N/syslog⟧ web-02 CRON[⟦pid⟧]: (root) CMD (run-parts /etc/cron.hourly)",
	       "\"ts\": ⟦N/epoch-ms⟧,", "exp=⟦N/epoch-s⟧", "⟦N/python logging⟧ INFO worker started",
	       "Meeting moved to ⟦N/us 12h⟧.", "Termin: ⟦N/de⟧ Uhr", "DTSTART:⟦N/compact-z⟧",
	       "[⟦N/apache error⟧] [mpm_event:notice] AH00489: resuming normal operations"],
	K_ORDER: ["Order ⟦N/ORD-year|SO|INV⟧ has shipped.", "Rechnung ⟦N/Rechnung⟧ ist überfällig.", "Facture ⟦N/facture⟧ réglée.",
		  "Fattura n. ⟦N/fattura⟧ del ⟦date_eu⟧", "Pedido ⟦N/pedido⟧ en reparto.",
		  "Amazon order ⟦N/amazon 3-7-7⟧ arrived damaged.", "PO ref: ⟦N/PO⟧", "Where is my order ⟦N/shop #⟧?",
		  "Bestelling ⟦N/ORD-year|SO⟧ is onderweg."],
	K_PRICE: ["Total: ⟦N/usd|gbp|eur-code⟧", "Gesamtbetrag ⟦N/eur-de⟧ inkl. MwSt.", "Montant TTC : ⟦N/eur-fr⟧",
		  "The quote came in at ⟦N/usd-big⟧.", "Rechnungsbetrag: ⟦N/chf⟧", "Subtotal ⟦N/gbp⟧", "Budget: ⟦N/inr⟧",
		  "Preis: ⟦N/plain-de⟧ EUR", "price=⟦N/eur-code⟧", "Hotel ⟦N/jpy⟧ per night"],
	K_COORD: ["Pickup point: ⟦N/decimal pair⟧", "\"coordinates\": ⟦N/geojson⟧", "https://maps.example.com/?⟦N/query params⟧",
		  "Standort ⟦N/degrees N/E⟧", "Il punto di ritrovo è a ⟦N/DMS⟧.", "Location: ⟦N/decimal pair⟧"],
	K_HASH: ["commit ⟦N/git full⟧", "Fixed in ⟦N/git short⟧.", "sha256sum: ⟦N/sha256⟧  release.tar.gz",
		 "ETag: \"⟦N/md5⟧\"", "image digest ⟦N/sha256 digest⟧", "SHA1 fingerprint ⟦N/sha1⟧",
		 "MD5 (backup.zip) = ⟦N/upper-case hex⟧"],
	K_UUID: ["request_id=⟦N⟧", "\"id\": \"⟦N/v4⟧\"", "Trace ⟦N⟧ shows the retry loop.", "CLSID ⟦N/v4 braced⟧",
		 "Tenant ⟦N/v4 upper⟧ is over quota.", "event_id: ⟦N/v7⟧"],
	K_PHONELIKE: ["Kundennummer ⟦N/customer number⟧", "Customer no. ⟦N/customer number⟧ – please quote it in every reply.",
		      "Ticket ⟦N/ticket id⟧ was merged.", "ISBN ⟦N/ISBN-13⟧", "ISBN-10: ⟦N/ISBN-10⟧", "EAN ⟦N/EAN-13⟧",
		      "We shipped ⟦N/quantity⟧ units in Q3.", "Disk usage: ⟦N/byte count⟧ bytes",
		      "Rechnungsnummer ⟦N/invoice digits⟧", "Paketgewicht: ⟦N/parcel weight in grams⟧ g",
		      "Zählerstand ⟦N/meter reading⟧ kWh", "Numéro client : ⟦N/customer number⟧", "Numero pratica ⟦N/ticket id⟧",
		      "Número de pedido ⟦N/invoice digits⟧", "Klantnummer ⟦N/customer number⟧"],
	K_IMEI: ["IMEI ⟦N⟧", "The handset's IMEI is ⟦N⟧, please blacklist it.", "IMEI/SV ⟦N/slash-SV⟧",
		 "Gerät gestohlen, IMEI: ⟦N⟧", "Numéro IMEI : ⟦N⟧", "device_imei=⟦N/plain⟧"],
	K_ICCID: ["ICCID ⟦N⟧", "SIM ⟦N⟧ suspended.", "Please swap the SIM card (ICCID ⟦N⟧).", "eSIM profile ⟦N⟧ downloaded",
		  "SIM-Kartennummer ⟦N⟧"],
	K_MAC: ["MAC ⟦N⟧", "link/ether ⟦N/colon⟧ brd ff:ff:ff:ff:ff:ff", "DHCP lease for ⟦N⟧", "BSSID ⟦N/colon upper⟧",
		"Physical Address. . . . . . . . . : ⟦N/dash upper⟧", "mac-address ⟦N/cisco dotted⟧", "wlan0 hw ⟦N/bare⟧"],
	K_OID: ["OID ⟦N/OID⟧", "snmpget -v2c -c public router ⟦N/OID⟧", "See section ⟦N/section 4-part, IPv4-shaped⟧ of the contract.",
		"Clause ⟦N/section 3-part⟧ applies.", "Gemäß Ziffer ⟦N/section 4-part, IPv4-shaped⟧ der AGB",
		"Voir l'article ⟦N/section 3-part⟧.", "Requisito ⟦N/section 5-part⟧ soddisfatto.",
		"ISO 27001 control ⟦N/section 3-part⟧"],
	K_AT: ["npm install ⟦N/npm pin⟧", "Pin ⟦N/scoped npm pin⟧ in package.json", "image: ⟦N/docker digest⟧",
	       "cc ⟦N/mention⟧ on this please", "Register the handler with ⟦N/decorator⟧.",
	       "<img src=\"/img/⟦N/retina asset⟧\" alt=\"\">", "ssh ⟦N/ssh user@host⟧ -p 2222", "go get ⟦N/go module⟧"],
	K_EIN: ["EIN ⟦N⟧", "Employer Identification Number: ⟦N⟧", "FEIN ⟦N⟧ (company)", "Our federal tax ID is ⟦N⟧.",
		"Vendor EIN ⟦N⟧ for the 1099-NEC"],
	K_ABA: ["routing number ⟦N⟧", "ABA ⟦N⟧", "Routing: ⟦N⟧, checking", "RTN ⟦N⟧", "ACH routing ⟦N⟧ for payroll"],
	K_TRACK: ["Tracking: ⟦N⟧", "UPS ⟦N/UPS 1Z⟧ – delivered", "Sendungsnummer ⟦N/DHL Paket 20 digits⟧",
		  "FedEx ⟦N/FedEx 12 digits⟧ is stuck in Memphis.", "USPS tracking ⟦N/USPS 22 digits⟧",
		  "Royal Mail ⟦N/Royal Mail S10⟧", "Track & Trace: ⟦N/PostNL 3S⟧", "Waybill ⟦N/DHL Express 10 digits⟧"],
	K_B64: ["data:image/png;base64,⟦N/standard⟧", "nonce=\"⟦N⟧\"", "Decode this base64 for me: ⟦N⟧",
		"\"attachment\": \"⟦N/standard⟧\"", "state=⟦N/url-safe, unpadded⟧&response_type=code"],
	K_MASK: ["Card on file: ⟦N/card last 4⟧", "Paid with ⟦N/card BIN + last 4⟧", "SSN ⟦N/SSN last 4⟧ (masked)",
		 "IBAN ⟦N/IBAN masked⟧", "We'll send the code to ⟦N/phone masked⟧.",
		 "Client IP ⟦N/IPv4 last octet masked⟧ (anonymised)"],
	K_VAT: ["USt-IdNr.: ⟦N/DE⟧", "N° TVA intracommunautaire : ⟦N/FR⟧", "BTW-nummer ⟦N/NL⟧", "Partita IVA ⟦N/IT⟧",
		"UID ⟦N/AT⟧", "Ondernemingsnummer ⟦N/BE⟧", "CIF: ⟦N/ES⟧", "VAT reg. ⟦N/GB⟧", "Steuernummer ⟦N/DE Steuernummer⟧"],
	K_BIC: ["BIC: ⟦N⟧", "SWIFT ⟦N⟧", "Code BIC : ⟦N⟧", "BIC/SWIFT ⟦N⟧", "swift_code=⟦N⟧"],
	K_ACCT: ["Kontonummer ⟦N/DE Kontonummer⟧, BLZ ⟦N:acct/DE BLZ⟧", "Sort code ⟦N/UK sort code⟧, account ⟦N:acct/UK account⟧",
		 "Account no. ⟦N/US account⟧ (checking)", "RIB : ⟦N/FR RIB⟧", "Oud rekeningnummer ⟦N/NL old dotted⟧",
		 "Postkonto ⟦N/CH postal account⟧"],
	K_POSTAL: ["⟦street⟧, ⟦N/DE PLZ⟧ Berlin", "San Francisco, CA ⟦N/US ZIP+4⟧", "⟦N/FR code postal⟧ Paris", "⟦N/IT CAP⟧ Milano MI",
		   "⟦N/ES código postal⟧ Madrid", "⟦N/NL postcode⟧ Amsterdam", "London ⟦N/UK postcode⟧",
		   "Toronto, ON ⟦N/CA postal code⟧", "PLZ ⟦N/DE PLZ⟧"],
	K_COLON: ["error[E0432]: unresolved import `⟦N/Rust path⟧`",
		  "terminate called after throwing an instance of '⟦N/C++ scope⟧'",
		  "⟦N/Ruby constant⟧: Couldn't find User with 'id'=42", "use ⟦N/Perl module⟧;", "Uptime ⟦N/clock time⟧",
		  "Elapsed: ⟦N/duration⟧", "TC in ⟦N/timecode⟧", "At ⟦N/clock time⟧ the job restarted."],
	K_CREDITOR: ["Gläubiger-ID: ⟦N/DE⟧", "Gläubiger-Identifikationsnummer ⟦N/DE|AT⟧", "Creditor ID ⟦N⟧", "ICS : ⟦N/FR⟧",
		     "Incassant ID ⟦N/NL⟧", "Identificativo creditore ⟦N/IT⟧", "Identificador de acreedor: ⟦N/ES⟧"],
}

NEUTRAL = ["Thanks!", "Danke dir.", "Merci d'avance.", "Grazie mille.", "¡Gracias!", "Bedankt!",
	   "Can you summarize this?", "Please fix the formatting.", "Translate into English, keep the values as they are.",
	   "Fasse das bitte kurz zusammen.", "Résume ce message en deux phrases.", "Riassumi in breve, per favore.",
	   "Resume esto en una frase.", "Vat dit even samen.", "Extract the fields as JSON.", "What's wrong here?",
	   "See below.", "FYI", "---", "ok", "Any idea?", "Sorry for the delay."]

SLOT = re.compile("⟦([^⟧]+)⟧")


def line_class(tpl, typ):
	"""(ctx, ambiguous) of the first value slot of a template, from the lexicon."""
	marked = SLOT.sub(lambda m: "\x01" if m.group(1) in ("V", "V:br") else "\x02" if m.group(1) == "V2" else "x", tpl)
	i = marked.index("\x01")
	ls = marked.rfind("\n", 0, i) + 1
	le = marked.find("\n", i)
	line = marked[ls:len(marked) if le < 0 else le].replace("\x01", " ").replace("\x02", " ")
	return bool(naming_hits(typ, line)), bool(ambig_hits(typ, line))


def ip_shape(tpl):
	return "port" if "⟦V:br⟧" in tpl else "cidr" if "⟦V⟧/⟦plenx⟧" in tpl else "plain"


LINE_INDEX = {t: [(i, lang, tpl) + line_class(tpl, t) + (ip_shape(tpl), "⟦V2⟧" in tpl) for i, (lang, tpl) in enumerate(ts)]
	      for t, ts in LINES.items()}


def render(g, d, tpl, item=None, item2=None, negkind=None):
	pos = 0
	for m in SLOT.finditer(tpl):
		d.w(tpl[pos:m.start()])
		pos = m.end()
		s = m.group(1)
		if s == "V":
			if item.type == "IP" and tpl[m.end():].startswith("/⟦plenx⟧"):
				note("cidr", item)
			d.put(item)
		elif s == "V:br":
			v6 = ":" in item.value
			d.w("[" if v6 else "")
			d.put(item)
			d.w("]" if v6 else "")
			note("url" if "://" in tpl[:m.start()] else "port", item)
		elif s == "V2":
			d.put(item2)
		elif s == "N" or s.startswith("N/"):
			d.neg(negkind, s[2:] or None)
		elif s.startswith("N:"):
			alias, _, w = s[2:].partition("/")
			d.neg(ALIAS[alias], w or None)
		elif s == "brand":
			d.w(BRAND_NAME[item.brand])
		elif s == "plenx":
			d.w((FILL["plen6"] if ":" in item.value else FILL["plen"])(g))
		else:
			d.w(FILL[s](g))
	d.w(tpl[pos:])


def choose_line(g, item):
	cands = []
	for i, lang, tpl, ctx, amb, shape, has2 in LINE_INDEX[item.type]:
		if item.type == "IP" and not ip_fits(shape)(item):
			continue
		if item.want is True and not ctx or item.want is False and (ctx or amb):
			continue
		cands.append((i, lang, tpl, ctx, has2))
	same = [c for c in cands if c[1] == item.lang]
	cands = [c for c in cands if c[1] in (item.lang, "en")] or cands
	if item.want is None and item.type != "IP":
		want_ctx = g.chance(0.5)
		pref = [c for c in (same if same and g.chance(0.65) else cands) if c[3] == want_ctx]
		if pref:
			return g.pick(pref)
	return g.pick(same if same and g.chance(0.65) else cands)


def write_line(g, d, item, pool):
	while True:
		i, _, tpl, ctx, has2 = choose_line(g, item)
		item2 = None
		if has2:
			item2 = pool.take(item.type, ctx, (lambda it: ip_fits("plain")(it)) if item.type == "IP" else None)
			if item2 is None:
				continue
		d.tpl = "line.%s.%d" % (item.type.lower(), i)
		render(g, d, tpl, item, item2)
		return


def write_neg_line(g, d, kind):
	i = g.int(0, len(NEG_LINES[kind]) - 1)
	d.tpl = "neg.%s.%d" % (re.sub("[^a-z0-9]+", "-", kind.lower()).strip("-"), i)
	render(g, d, NEG_LINES[kind][i], negkind=kind)


def neediest_kind(g):
	low = min(g.negcount[k] for k in NEG_KINDS)
	return g.pick([k for k in NEG_KINDS if g.negcount[k] == low])


def compose_lines(g, d, item, pool):
	"""1 to 3 short segments: a value's line, maybe another value's, a near miss or a neutral line."""
	write_line(g, d, item, pool)
	for _ in range(int(g.chance(0.5)) + int(g.chance(0.2))):
		d.w(g.pick(["\n", "\n", "\n\n"]))
		r = g.r.random()
		if r < 0.45 and pool.items:
			write_line(g, d, pool.items.pop(), pool)
		elif r < 0.85:
			write_neg_line(g, d, neediest_kind(g))
		else:
			d.tpl = "neutral"
			d.w(g.pick(NEUTRAL))


# ---- document templates ---------------------------------------------------------------------
#
# Multi-line shapes. ⟦X:TYPE⟧ / ⟦X:TYPE:constraint⟧ / ⟦X:TYPE:constraint@column header⟧ is a value
# taken from the queue (the one being placed, or another one whose context need fits the slot's
# line); ⟦R:k⟧ repeats the k-th X slot's value; a line starting with "?" is optional; a line whose
# slot finds no value is left out. ⟦name#1⟧ is a filler that keeps its value within the text.

DOCS = [
	("email.de.invoice", "de", """From: ⟦name#1⟧ <⟦X:EMAIL⟧>
?To: ⟦X:EMAIL⟧
Date: ⟦N:ts/rfc2822⟧
Subject: Rechnung ⟦N:order/Rechnung⟧

Hallo ⟦first⟧,

anbei die Rechnung für ⟦product⟧. Bitte überweisen Sie den Betrag bis zum ⟦date_eu⟧ auf folgendes Konto:
IBAN: ⟦X:IBAN⟧
?BIC: ⟦N:bic⟧

Viele Grüße
⟦name#1⟧
⟦company⟧
Tel. ⟦X:PHONE:DE⟧
?Mobil ⟦X:PHONE:DE⟧"""),
	("email.fr.rib", "fr", """De : ⟦name#1⟧ <⟦X:EMAIL⟧>
?À : ⟦X:EMAIL⟧
Objet : Remboursement commande ⟦N:order/facture⟧

Bonjour,

Suite à votre demande, voici les coordonnées pour le remboursement :
⟦X:IBAN⟧
Titulaire : ⟦name#1⟧

Je reste joignable au ⟦X:PHONE:FR⟧ si besoin.

Cordialement,
⟦name#1⟧"""),
	("email.it.rimborso", "it", """Da: ⟦X:EMAIL⟧
A: ⟦X:EMAIL⟧
Oggetto: Richiesta rimborso fattura ⟦N:order/fattura⟧

Buongiorno,
vi chiedo gentilmente di effettuare il rimborso sul seguente IBAN: ⟦X:IBAN⟧.
Per qualsiasi dubbio: ⟦X:PHONE:IT⟧

Cordiali saluti,
⟦name⟧
?Cell. ⟦X:PHONE:IT⟧"""),
	("email.es.datos", "es", """De: ⟦name#1⟧ <⟦X:EMAIL⟧>
?Para: ⟦X:EMAIL⟧
Asunto: Cambio de datos bancarios

Hola ⟦first⟧:
a partir del mes que viene, por favor domiciliad los recibos en esta cuenta: ⟦X:IBAN⟧
Mi móvil nuevo es el ⟦X:PHONE:ES⟧.

Un saludo,
⟦name#1⟧"""),
	("email.nl.terugbetaling", "nl", """Van: ⟦name#1⟧ <⟦X:EMAIL⟧>
?Aan: ⟦X:EMAIL⟧
Onderwerp: Terugbetaling bestelling ⟦N:order/ORD-year⟧

Beste klantenservice,

Graag ontvang ik het bedrag terug op rekening ⟦X:IBAN⟧ t.n.v. ⟦name#1⟧.
Bij vragen kunt u mij bereiken op ⟦X:PHONE:NL⟧.

Met vriendelijke groet,
⟦name#1⟧
?⟦X:PHONE:NL⟧"""),
	("email.en.signature", "en", """Hi ⟦first⟧,

Thanks for the quick turnaround. The signed NDA is attached; please countersign and send it back to ⟦X:EMAIL⟧.

Best,
⟦name⟧
⟦title⟧ | ⟦company⟧
Phone ⟦X:PHONE⟧ · Mobile ⟦X:PHONE⟧
?⟦X:EMAIL⟧"""),
	("email.en.signature-bare", "en", """Sounds good, see you ⟦weekday⟧.

--
⟦name⟧ | ⟦company⟧ | ⟦X:PHONE⟧
?⟦X:EMAIL⟧"""),
	("email.uk.signature", "en", """Morning ⟦first⟧,

Quick one: could you resend the remittance advice? Our bank shows the payment from ⟦X:IBAN⟧ but no reference.

Kind regards,
⟦name⟧
⟦company⟧
Tel: ⟦X:PHONE:UK⟧
?Mob: ⟦X:PHONE:UK⟧"""),
	("vcard.v3", "en", """BEGIN:VCARD
VERSION:3.0
FN:⟦name⟧
ORG:⟦company⟧
TEL;TYPE=WORK,VOICE:⟦X:PHONE⟧
?TEL;TYPE=CELL:⟦X:PHONE⟧
EMAIL;TYPE=INTERNET:⟦X:EMAIL⟧
END:VCARD"""),
	("vcard.v4", "en", """BEGIN:VCARD
VERSION:4.0
FN:⟦name⟧
TEL;TYPE=cell;VALUE=uri:tel:⟦X:PHONE:teluri⟧
EMAIL:⟦X:EMAIL⟧
?NOTE:Preferred: ⟦R:1⟧
END:VCARD"""),
	("ticket.en.card", "en", """Ticket ⟦ticket⟧ · Priority: High · Channel: web form
Requester: ⟦name⟧ <⟦X:EMAIL⟧>
Subject: Double charge

Hi, I was charged twice for ⟦product⟧. The card is ⟦X:CARD⟧. Please refund one of the charges.
?Order: ⟦N:order/ORD-year|SO⟧

---
Internal note: refund approved, ⟦N:price/usd⟧ back to the original payment method."""),
	("ticket.de.bank", "de", """Ticket ⟦ticket⟧ – Kategorie: Abrechnung
Kunde: ⟦name⟧ (⟦X:EMAIL⟧)
Nachricht:
Guten Tag, bitte ändern Sie meine Bankverbindung. Neue IBAN: ⟦X:IBAN⟧
?Rückruf bitte unter ⟦X:PHONE:DE⟧.
Kundennummer: ⟦N:phonelike/customer number⟧"""),
	("ticket.fr.livraison", "fr", """Ticket ⟦ticket⟧ – Livraison
Client : ⟦name⟧
Message :
Bonjour, le colis n'est jamais arrivé. Mon portable : ⟦X:PHONE:FR⟧, mon adresse mail : ⟦X:EMAIL⟧.
Numéro de suivi : ⟦N:track/PostNL 3S|UPS 1Z⟧"""),
	("ticket.it.guasto", "it", """Segnalazione ⟦ticket⟧
Cliente: ⟦name⟧
Descrizione: il router non si connette, il tecnico deve chiamare il ⟦X:PHONE:IT⟧ prima di passare.
Indirizzo IP del router: ⟦X:IP⟧
?Seriale: ⟦N:mac/bare⟧"""),
	("ticket.es.factura", "es", """Incidencia ⟦ticket⟧
Cliente: ⟦name⟧ – ⟦X:EMAIL⟧
Me habéis cobrado dos veces la factura ⟦N:order/pedido⟧ en la tarjeta ⟦X:CARD⟧.
?Teléfono: ⟦X:PHONE:ES⟧"""),
	("ticket.nl.adres", "nl", """Melding ⟦ticket⟧
Klant: ⟦name⟧
Bericht: mijn nieuwe telefoonnummer is ⟦X:PHONE:NL⟧ en de incasso mag voortaan van ⟦X:IBAN⟧.
?E-mail: ⟦X:EMAIL⟧"""),
	("chat.json-record", "en", """User: Turn this into a JSON record: ⟦name#1⟧, ⟦X:PHONE⟧, ⟦X:EMAIL⟧, ⟦city#1⟧
Assistant: ```json
{"name": "⟦name#1⟧", "phone": "⟦R:1⟧", "email": "⟦R:2⟧", "city": "⟦city#1⟧"}
```"""),
	("chat.mask", "en", """User: Before I paste this into the ticket, mask everything sensitive:
"⟦name#1⟧, SSN ⟦X:SSN⟧, card ⟦X:CARD⟧, lives in ⟦city#1⟧"
Assistant: Sure, here it is with the sensitive values masked:
"⟦name#1⟧, SSN ⟦N:mask/SSN last 4⟧, card ⟦N:mask/card last 4⟧, lives in ⟦city#1⟧\""""),
	("chat.voicemail", "en", """User: Summarize this voicemail transcript in one line.
"Hi, this is ⟦name#1⟧ from ⟦company#1⟧. I'm calling about the overdue invoice. Please ring me back on ⟦X:PHONE:US⟧ before five."
Assistant: ⟦name#1⟧ (⟦company#1⟧) asks for a callback about the overdue invoice at ⟦R:1⟧."""),
	("chat.translate-de", "de", """User: Translate to English, keep the values: "Bitte rufen Sie mich unter ⟦X:PHONE:DE⟧ zurück, meine IBAN lautet ⟦X:IBAN⟧."
Assistant: "Please call me back at ⟦R:1⟧, my IBAN is ⟦R:2⟧.\""""),
	("chat.extract", "de", """User: Extract name, email and IBAN from this and return JSON.
"Hallo, hier ist ⟦name#1⟧. Bitte das Geld an ⟦X:IBAN⟧ überweisen, Bestätigung an ⟦X:EMAIL⟧."
Assistant: {"name": "⟦name#1⟧", "email": "⟦R:2⟧", "iban": "⟦R:1⟧"}"""),
	("chat.support-en", "en", """[⟦time⟧] Customer: hi, I can't log in, my username is ⟦X:EMAIL⟧
[⟦time⟧] Agent: Thanks! Can you confirm the last 4 digits of the card on file?
[⟦time⟧] Customer: it's ⟦last4⟧. oh and my number changed, new one is ⟦X:PHONE⟧"""),
	("chat.support-de", "de", """[⟦time⟧] Kunde: Hallo, meine Lieferung ist nicht angekommen. Bestellnummer ⟦N:order/SO⟧.
[⟦time⟧] Agent: Das tut mir leid! Unter welcher Nummer können wir Sie erreichen?
[⟦time⟧] Kunde: ⟦X:PHONE:DE⟧"""),
	("chat.whatsapp", "en", """[⟦date_eu⟧, ⟦time⟧] ⟦first#1⟧: landed, here's the local sim: ⟦X:PHONE:intl⟧
[⟦date_eu⟧, ⟦time⟧] ⟦first⟧: 👍 saved"""),
	("log.nginx", "en", """⟦X:IP⟧ - - [⟦N:ts/nginx⟧] "GET ⟦path⟧ HTTP/1.1" ⟦status⟧ ⟦bytes⟧ "-" "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/⟦N:ver/chrome UA (reduced)⟧ Safari/537.36"
?⟦X:IP⟧ - - [⟦N:ts/nginx⟧] "POST /api/v1/session HTTP/2.0" 401 61 "-" "python-requests/2.31.0"
?⟦X:IP⟧ - - [⟦N:ts/nginx⟧] "GET /robots.txt HTTP/1.1" 200 68 "-" "curl/8.5.0\""""),
	("log.sshd", "en", """⟦N:ts/syslog⟧ bastion sshd[⟦pid⟧]: Failed password for invalid user ⟦user⟧ from ⟦X:IP⟧ port ⟦port⟧ ssh2
?⟦N:ts/syslog⟧ bastion sshd[⟦pid⟧]: Accepted publickey for deploy from ⟦X:IP⟧ port ⟦port⟧ ssh2: ED25519 SHA256:⟦N:b64/standard, unpadded⟧
⟦N:ts/syslog⟧ bastion sshd[⟦pid⟧]: Disconnected from authenticating user root ⟦X:IP⟧ port ⟦port⟧ [preauth]"""),
	("log.postfix", "en", """⟦N:ts/syslog⟧ mx1 postfix/smtp[⟦pid⟧]: ⟦hexq⟧: to=<⟦X:EMAIL⟧>, relay=mx.⟦domain⟧[⟦X:IP⟧]:25, delay=0.41, delays=0.1/0/0.2/0.11, dsn=2.0.0, status=sent (250 2.0.0 OK)
?⟦N:ts/syslog⟧ mx1 postfix/smtp[⟦pid⟧]: ⟦hexq⟧: to=<⟦X:EMAIL⟧>, relay=none, delay=30, status=deferred (connect to mx.⟦domain⟧[⟦X:IP⟧]:25: Connection timed out)"""),
	("log.json", "en", """{"ts":"⟦N:ts/iso-millis⟧","level":"warn","msg":"login failed","user":"⟦X:EMAIL⟧","client_ip":"⟦X:IP⟧","request_id":"⟦N:uuid/v4⟧"}
?{"ts":"⟦N:ts/iso-millis⟧","level":"info","msg":"password reset sent","user":"⟦R:1⟧","client_ip":"⟦R:2⟧"}"""),
	("log.payouts", "en", """⟦N:ts/python logging⟧ INFO [payouts] queued payout iban=⟦X:IBAN⟧ amount=⟦N:price/eur-code⟧ ref=⟦N:order/INV⟧
?⟦N:ts/python logging⟧ ERROR [payouts] bank rejected ⟦R:1⟧: account closed"""),
	("log.sms", "en", """⟦N:ts/iso-z⟧ sms.outbound to=⟦X:PHONE:intl⟧ sid=SM⟦N:hash/md5⟧ segments=1 status=queued
?⟦N:ts/iso-z⟧ sms.outbound to=⟦X:PHONE:intl⟧ sid=SM⟦N:hash/md5⟧ segments=2 status=delivered"""),
	("log.apache", "en", """[⟦N:ts/apache error⟧] [core:error] [pid ⟦pid⟧:tid ⟦pid⟧] [client ⟦X:IP:port⟧] AH00126: Invalid URI in request GET /%%% HTTP/1.1"""),
	("log.cdr", "en", """⟦N:ts/iso-offset⟧ CDR channel=SIP/trunk-0000a1 caller=⟦X:PHONE⟧ duration=67 disposition=ANSWERED
⟦N:ts/iso-offset⟧ CDR channel=SIP/trunk-0000a2 caller=⟦X:PHONE⟧ duration=4 disposition=NO ANSWER"""),
	("trace.python-phone", "en", """Traceback (most recent call last):
  File "/srv/app/contacts/normalize.py", line ⟦n⟧, in normalize_phone
    parsed = phonenumbers.parse(raw, region)
phonenumbers.phonenumberutil.NumberParseException: (1) The string supplied did not seem to be a phone number. Input: '⟦X:PHONE⟧'"""),
	("trace.postgres-email", "en", """psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint "users_email_key"
DETAIL:  Key (email)=(⟦X:EMAIL⟧) already exists."""),
	("trace.java-connect", "en", """org.postgresql.util.PSQLException: Connection to ⟦X:IP:port⟧ refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.
	at org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:⟦n⟧)
	at org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:49)
Caused by: java.net.ConnectException: Connection refused"""),
	("trace.node", "en", """Error: connect ETIMEDOUT ⟦X:IP:port⟧
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16) {
  errno: -110,
  code: 'ETIMEDOUT',
  syscall: 'connect',
  address: '⟦R:1⟧',
  port: ⟦port⟧
}"""),
	("trace.java-card", "en", """com.acme.payments.CardDeclinedException: issuer declined card ⟦X:CARD⟧ (response code 05)
	at com.acme.payments.Gateway.authorize(Gateway.java:⟦n⟧)
	at com.acme.checkout.CheckoutService.placeOrder(CheckoutService.java:⟦n⟧)"""),
	("trace.pydantic-ssn", "en", """pydantic_core._pydantic_core.ValidationError: 1 validation error for Applicant
ssn
  String should have at most 9 characters [type=string_too_long, input_value='⟦X:SSN:dashed⟧', input_type=str]"""),
	("config.env", "en", """# .env (staging)
APP_ENV=staging
DB_HOST=⟦X:IP⟧
?REDIS_URL=redis://⟦X:IP:port⟧/0
ADMIN_EMAIL=⟦X:EMAIL⟧
?SUPPORT_PHONE="⟦X:PHONE⟧"
?STRIPE_TEST_CARD=⟦X:CARD⟧
LOG_LEVEL=info"""),
	("config.alertmanager", "en", """global:
  smtp_smarthost: '⟦X:IP:port⟧'
  smtp_from: '⟦X:EMAIL⟧'
receivers:
  - name: oncall
    email_configs:
      - to: '⟦X:EMAIL⟧'
    ?phone: "⟦X:PHONE⟧\""""),
	("config.nginx", "en", """server {
    listen ⟦X:IP:port⟧ ssl;
    server_name api.⟦domain⟧;
    set_real_ip_from ⟦X:IP:cidr⟧;
    real_ip_header X-Forwarded-For;
    allow ⟦X:IP:cidr⟧;
    deny all;
    location / {
        proxy_pass http://⟦X:IP:port⟧;
    }
}"""),
	("config.wireguard", "en", """[Interface]
Address = ⟦X:IP:cidr⟧
DNS = ⟦X:IP⟧

[Peer]
Endpoint = ⟦X:IP:port⟧
AllowedIPs = ⟦X:IP:cidr⟧
PersistentKeepalive = 25"""),
	("config.hosts", "en", """# /etc/hosts (staging)
⟦X:IP⟧   db-primary.internal db1
⟦X:IP⟧   cache.internal
?⟦X:IP⟧   build-runner-03"""),
	("config.k8s", "en", """apiVersion: v1
kind: Service
metadata:
  name: ingress-edge
spec:
  type: LoadBalancer
  loadBalancerIP: ⟦X:IP:plainv4⟧
  loadBalancerSourceRanges:
    - ⟦X:IP:cidr⟧
    ?- ⟦X:IP:cidr⟧"""),
	("config.ini", "en", """[mail]
server = ⟦X:IP⟧
port = 587
sender = ⟦X:EMAIL⟧
?admin = ⟦X:EMAIL⟧"""),
	("config.gitconfig", "en", """[user]
	name = ⟦name⟧
	email = ⟦X:EMAIL⟧
[core]
	editor = vim"""),
	("config.crontab", "en", """MAILTO=⟦X:EMAIL⟧
0 3 * * * /usr/local/bin/backup.sh --target ⟦X:IP⟧ --quiet"""),
	("http.request", "en", """POST /v1/chat/completions HTTP/1.1
Host: ⟦X:IP:port⟧
X-Forwarded-For: ⟦X:IP⟧, ⟦X:IP⟧
?X-Real-IP: ⟦X:IP⟧
?From: ⟦X:EMAIL⟧
User-Agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/⟦N:ver/chrome UA (reduced)⟧ Safari/537.36
X-Request-Id: ⟦N:uuid/v4⟧
Content-Type: application/json"""),
	("http.forwarded", "en", """GET /api/v2/orders HTTP/1.1
Host: api.⟦domain⟧
Forwarded: for=⟦X:IP:plainv4⟧;proto=https;by=⟦X:IP:plainv4⟧
Via: 1.1 edge-cache
Date: ⟦N:ts/rfc2822⟧"""),
	("net.ip-addr", "en", """2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000
    link/ether ⟦N:mac/colon⟧ brd ff:ff:ff:ff:ff:ff
    inet ⟦X:IP:cidr4⟧ scope global dynamic eth0
       valid_lft 86052sec preferred_lft 86052sec
    ?inet6 ⟦X:IP:cidr6⟧ scope link"""),
	("net.dig", "en", """;; ANSWER SECTION:
api.⟦domain⟧.	300	IN	A	⟦X:IP:plainv4⟧
?api.⟦domain⟧.	300	IN	AAAA	⟦X:IP:plain6⟧

;; Query time: 23 msec
;; SERVER: ⟦X:IP:plainv4⟧#53(⟦R:3⟧) (UDP)"""),
	("net.traceroute", "en", """traceroute to ⟦domain⟧ (⟦X:IP:plainv4⟧), 30 hops max, 60 byte packets
 1  _gateway (⟦X:IP:plainv4⟧)  0.412 ms  0.388 ms  0.371 ms
 2  ⟦X:IP:plainv4⟧  8.114 ms  8.097 ms  8.301 ms"""),
	("net.ss", "en", """State  Recv-Q Send-Q  Local Address:Port   Peer Address:Port  Process
ESTAB  0      0       ⟦X:IP:port@Local Address:Port⟧   ⟦X:IP:port@Peer Address:Port⟧  users:(("python3",pid=⟦pid⟧,fd=7))"""),
	("net.iptables", "en", """-A INPUT -s ⟦X:IP:cidr⟧ -p tcp -m tcp --dport 22 -j ACCEPT
-A INPUT -s ⟦X:IP:cidr⟧ -j DROP"""),
	("code.py-cards", "en", """VALID_CARDS = [
    "⟦X:CARD⟧",
    ?"⟦X:CARD⟧",
]
INVALID_CARDS = ["⟦N:luhn⟧"]"""),
	("code.js-config", "en", """export const config = {
  adminEmail: "⟦X:EMAIL⟧",
  allowedIps: ["⟦X:IP⟧", "⟦X:IP⟧"],
  ?supportPhone: "⟦X:PHONE⟧",
};"""),
	("code.py-ssn", "en", """def test_rejects_invalid_ssn():
    assert not is_valid_ssn("⟦N:ssn⟧")

def test_accepts_valid_ssn():
    assert is_valid_ssn("⟦X:SSN⟧")"""),
	("code.go-ip", "en", """addr := net.ParseIP("⟦X:IP⟧")
if addr == nil {
	return fmt.Errorf("bad address %q", raw)
}"""),
	("form.de.sepa", "de", """SEPA-Lastschriftmandat
Gläubiger-Identifikationsnummer: ⟦N:creditor/DE⟧
Mandatsreferenz: ⟦N:order/ORD-year⟧
Kontoinhaber: ⟦name⟧
IBAN: ⟦X:IBAN⟧
BIC: ⟦N:bic⟧
?Telefon: ⟦X:PHONE:DE⟧
?E-Mail: ⟦X:EMAIL⟧
Ort, Datum: ⟦city⟧, ⟦date_eu⟧"""),
	("form.de.selbstauskunft", "de", """Mieterselbstauskunft
Name: ⟦name⟧
Geburtsdatum: ⟦dob_eu⟧
Handy: ⟦X:PHONE:DE⟧
E-Mail: ⟦X:EMAIL⟧
Derzeitiger Arbeitgeber: ⟦company⟧
Nettoeinkommen: ⟦N:price/eur-de⟧"""),
	("form.fr.remboursement", "fr", """Formulaire de remboursement
Nom : ⟦name⟧
Téléphone : ⟦X:PHONE:FR⟧
Courriel : ⟦X:EMAIL⟧
IBAN : ⟦X:IBAN⟧
Code BIC : ⟦N:bic⟧
Montant : ⟦N:price/eur-fr⟧"""),
	("form.it.adesione", "it", """Modulo di adesione
Nome e cognome: ⟦name⟧
Cellulare: ⟦X:PHONE:IT⟧
Email: ⟦X:EMAIL⟧
IBAN per l'addebito: ⟦X:IBAN⟧
Codice cliente: ⟦N:phonelike/customer number⟧
?Partita IVA: ⟦N:vat/IT⟧"""),
	("form.es.alta", "es", """Formulario de alta
Nombre: ⟦name⟧
Teléfono móvil: ⟦X:PHONE:ES⟧
Correo electrónico: ⟦X:EMAIL⟧
IBAN: ⟦X:IBAN⟧
Nº de cliente: ⟦N:phonelike/customer number⟧"""),
	("form.nl.aanmelding", "nl", """Aanmeldformulier
Naam: ⟦name⟧
Telefoonnummer: ⟦X:PHONE:NL⟧
E-mailadres: ⟦X:EMAIL⟧
IBAN: ⟦X:IBAN⟧
Klantnummer: ⟦N:phonelike/customer number⟧"""),
	("form.us.deposit", "en", """DIRECT DEPOSIT AUTHORIZATION
Employee name: ⟦name⟧
SSN: ⟦X:SSN⟧
Phone: ⟦X:PHONE:US⟧
Bank routing number (ABA): ⟦N:aba⟧
Account number: ⟦N:acct/US account⟧
Employer EIN: ⟦N:ein⟧"""),
	("form.us.onboarding", "en", """Onboarding checklist – ⟦name#1⟧
[x] I-9 verified
[x] W-4 received
[ ] Benefits enrolment: ⟦name#1⟧, ⟦X:SSN⟧, ⟦dob⟧"""),
	("hr.record", "en", """Employee record
Name: ⟦name⟧
Social Security Number: ⟦X:SSN⟧
Home phone: ⟦X:PHONE:US⟧
Personal email: ⟦X:EMAIL⟧
Direct deposit: routing ⟦N:aba⟧, acct ⟦N:acct/US account⟧"""),
	("letter.de", "de", """⟦company⟧ · ⟦street⟧ · ⟦N:postal/DE PLZ⟧ ⟦city⟧

Sehr geehrte Damen und Herren,

hiermit kündige ich meinen Vertrag zum ⟦date_eu⟧. Bitte erstatten Sie das Restguthaben auf mein Konto ⟦X:IBAN⟧.
Für Rückfragen erreichen Sie mich unter ⟦X:PHONE:DE⟧ oder per E-Mail an ⟦X:EMAIL⟧.

Mit freundlichen Grüßen
⟦name⟧"""),
	("letter.fr", "fr", """Objet : Résiliation de mon abonnement

Madame, Monsieur,

Je vous prie de bien vouloir résilier mon abonnement à compter du ⟦date_fr⟧ et de me rembourser le trop-perçu sur le compte ⟦X:IBAN⟧.
Vous pouvez me contacter au ⟦X:PHONE:FR⟧.

Veuillez agréer mes salutations distinguées.
⟦name⟧"""),
	("letter.it", "it", """Oggetto: Disdetta contratto

Spett.le ⟦company⟧,
con la presente comunico la disdetta del contratto a partire dal ⟦date_eu⟧. Vi prego di accreditare l'eventuale saldo sul conto ⟦X:IBAN⟧.
Recapito: ⟦X:PHONE:IT⟧

Distinti saluti
⟦name⟧"""),
	("letter.es", "es", """Asunto: Baja del servicio

Estimados señores:
Les comunico mi baja con fecha ⟦date_eu⟧. Les ruego que devuelvan la fianza a la cuenta ⟦X:IBAN⟧.
Teléfono de contacto: ⟦X:PHONE:ES⟧

Atentamente,
⟦name⟧"""),
	("letter.nl", "nl", """Betreft: opzegging abonnement

Geachte heer/mevrouw,

Hierbij zeg ik mijn abonnement op per ⟦date_eu⟧. Het resterende tegoed ontvang ik graag op ⟦X:IBAN⟧.
Telefonisch ben ik bereikbaar op ⟦X:PHONE:NL⟧.

Met vriendelijke groet,
⟦name⟧"""),
	("letter.en", "en", """Dear Sir or Madam,

I am writing to dispute the charge of ⟦N:price/gbp⟧ on ⟦date⟧. Please reverse it to the card ending in ⟦last4⟧ or refund to my account ⟦X:IBAN⟧.
You can reach me on ⟦X:PHONE:UK⟧.

Yours faithfully,
⟦name⟧"""),
	("payment.stripe", "en", """{
  "id": "evt_⟦alnum⟧",
  "type": "charge.failed",
  "data": {
    "object": {
      "amount": 4900,
      "currency": "eur",
      "billing_details": {
        "email": "⟦X:EMAIL⟧",
        "phone": "⟦X:PHONE⟧"
      },
      "payment_method_details": {
        "card": {
          "brand": "visa",
          "last4": "⟦last4⟧"
        }
      },
      "failure_message": "Your card number is incorrect."
    }
  }
}
DEBUG raw request body: number=⟦X:CARD:nospace⟧&exp_month=⟦n2⟧&exp_year=2027"""),
	("md.incident", "en", """## Incident ⟦ticket⟧: credential stuffing

Top offenders in the last hour:

1. `⟦X:IP⟧` – 4,212 requests
2. `⟦X:IP⟧` – 1,877 requests
?3. `⟦X:IP⟧` – 903 requests

Blocked at the edge since ⟦N:ts/iso-z⟧."""),
	("md.rota", "en", """**Rota this week**
- ⟦name⟧: ⟦X:PHONE⟧
- ⟦name⟧: ⟦X:PHONE⟧
?- ⟦name⟧: ⟦X:PHONE⟧"""),
	("log.haproxy", "en", """⟦N:ts/syslog⟧ lb-1 haproxy[⟦pid⟧]: ⟦X:IP:port⟧ [⟦N:ts/nginx⟧] fe_https~ be_api/api-02 0/0/1/12/13 ⟦status⟧ 512 - - ---- 12/12/0/0/0 0/0 "GET ⟦path⟧ HTTP/1.1\""""),
	("log.vpc-flow", "en", """2 ⟦N:phonelike/cloud account id⟧ eni-0a1b2c3d4e5f ⟦X:IP:plainv4⟧ ⟦X:IP:plainv4⟧ 443 ⟦port⟧ 6 10 840 ⟦N:ts/epoch-s⟧ ⟦N:ts/epoch-s⟧ ACCEPT OK
?2 ⟦N:phonelike/cloud account id⟧ eni-0a1b2c3d4e5f ⟦X:IP:plainv4⟧ ⟦X:IP:plainv4⟧ 22 ⟦port⟧ 6 3 180 ⟦N:ts/epoch-s⟧ ⟦N:ts/epoch-s⟧ REJECT OK"""),
	("log.fail2ban", "en", """⟦N:ts/python logging⟧ fail2ban.actions [⟦pid⟧]: NOTICE [sshd] Ban ⟦X:IP⟧
?⟦N:ts/python logging⟧ fail2ban.actions [⟦pid⟧]: NOTICE [nginx-limit-req] Ban ⟦X:IP⟧"""),
	("log.cloudflare", "en", """{"ClientIP":"⟦X:IP⟧","ClientRequestHost":"api.⟦domain⟧","ClientRequestPath":"⟦path⟧","EdgeResponseStatus":403,"RayID":"⟦N:hash/git short⟧","EdgeStartTimestamp":⟦N:ts/epoch-ms⟧}"""),
	("log.git", "en", """commit ⟦N:hash/git full⟧
Author: ⟦name⟧ <⟦X:EMAIL⟧>
Date:   ⟦N:ts/git⟧

    Fix rounding in invoice totals"""),
	("ldap.ldif", "en", """dn: uid=⟦user⟧,ou=people,dc=⟦orgword⟧,dc=com
cn: ⟦name⟧
mail: ⟦X:EMAIL⟧
telephoneNumber: ⟦X:PHONE⟧
?mobile: ⟦X:PHONE⟧
?employeeNumber: ⟦N:phonelike/ticket id⟧"""),
	("notify.github", "en", """⟦N:at/mention⟧ requested your review on #⟦n⟧
You are receiving this because you were mentioned.
Reply to this email directly or unsubscribe. Sent to ⟦X:EMAIL⟧."""),
	("net.ping", "en", """PING ⟦X:IP:plainv4⟧ (⟦R:1⟧) 56(84) bytes of data.
64 bytes from ⟦R:1⟧: icmp_seq=1 ttl=57 time=11.2 ms
64 bytes from ⟦R:1⟧: icmp_seq=2 ttl=57 time=10.9 ms"""),
	("net.nmap", "en", """Nmap scan report for db-01.internal (⟦X:IP⟧)
Host is up (0.00042s latency).
PORT     STATE SERVICE
5432/tcp open  postgresql"""),
	("net.arp", "en", """? (⟦X:IP:plainv4⟧) at ⟦N:mac/colon⟧ [ether] on wlan0
? (⟦X:IP:plainv4⟧) at ⟦N:mac/colon⟧ [ether] on wlan0"""),
	("http.curl", "en", """*   Trying ⟦X:IP:port⟧...
* Connected to api.⟦domain⟧ (⟦R:1⟧) port 443
> GET /v1/models HTTP/2
> user-agent: curl/8.5.0
< HTTP/2 200"""),
	("cloud.aws-sg", "en", """{
  "GroupId": "sg-0a1b2c3d4e5f",
  "IpPermissions": [
    {
      "FromPort": 5432,
      "IpRanges": [
        {"CidrIp": "⟦X:IP:cidr4⟧", "Description": "office"}
      ],
      "Ipv6Ranges": [
        {"CidrIpv6": "⟦X:IP:cidr6⟧"}
      ]
    }
  ]
}"""),
	("email.en.booking", "en", """Subject: Booking confirmation ⟦N:order/ORD-year⟧

Dear ⟦name⟧,
your room is confirmed for ⟦date⟧. The reservation is guaranteed with the card ⟦X:CARD⟧ (expiry ⟦exp⟧).
?Questions? Write to ⟦X:EMAIL⟧."""),
	("email.de.kreditkarte", "de", """Hallo,
bitte belasten Sie für die Verlängerung wieder meine Kreditkarte ⟦X:CARD⟧ (gültig bis ⟦exp⟧).
Danke und viele Grüße
⟦name⟧"""),
	("chat.card-check", "en", """User: is this card number valid? ⟦X:CARD⟧
Assistant: It passes the Luhn check, so it is well-formed, but only the issuer can tell you whether the account behind it exists."""),
	("form.de.bestellung", "de", """Bestellformular
Name: ⟦name⟧
Lieferung an: ⟦street⟧, ⟦N:postal/DE PLZ⟧ ⟦city⟧
Zahlungsart: Kreditkarte
Kartennummer: ⟦X:CARD⟧
Gültig bis: ⟦exp⟧
?Telefon: ⟦X:PHONE:DE⟧"""),
	("form.fr.commande", "fr", """Bon de commande
Nom : ⟦name⟧
Carte bancaire : ⟦X:CARD⟧
Date d'expiration : ⟦exp⟧
?Tél. : ⟦X:PHONE:FR⟧"""),
	("form.it.ordine", "it", """Modulo d'ordine
Nome: ⟦name⟧
Carta di credito: ⟦X:CARD⟧
Scadenza: ⟦exp⟧
?Cellulare: ⟦X:PHONE:IT⟧"""),
	("form.es.pedido", "es", """Hoja de pedido
Nombre: ⟦name⟧
Tarjeta: ⟦X:CARD⟧
Caducidad: ⟦exp⟧
?Móvil: ⟦X:PHONE:ES⟧"""),
	("form.nl.bestelling", "nl", """Bestelformulier
Naam: ⟦name⟧
Creditcardnummer: ⟦X:CARD⟧
Geldig tot: ⟦exp⟧
?Mobiel: ⟦X:PHONE:NL⟧"""),
	("log.gateway-debug", "en", """⟦N:ts/iso-millis⟧ DEBUG gateway.request POST /v1/authorize body={"amount":1299,"source":"⟦X:CARD:nospace⟧","cvc":"⟦cvc⟧"}
⟦N:ts/iso-millis⟧ WARN gateway.response 402 decline_code=insufficient_funds"""),
	("trace.python-card", "en", """Traceback (most recent call last):
  File "/app/billing/charge.py", line ⟦n⟧, in charge
    resp = client.charges.create(amount=amount, source=pan)
billing.errors.CardError: card_declined for pan=⟦X:CARD⟧"""),
	("transcript.call", "en", """Agent: For security, could you read me the long number on the front?
Caller: sure, it's ⟦X:CARD⟧, expiry ⟦exp⟧.
Agent: Thank you. And the postcode?
Caller: ⟦N:postal/UK postcode⟧"""),
	("footer.de", "de", """⟦company⟧ · Sitz: ⟦city⟧ · USt-IdNr. ⟦N:vat/DE⟧ · IBAN ⟦X:IBAN⟧ · BIC ⟦N:bic⟧"""),
	("footer.nl", "nl", """⟦company⟧ | KvK ⟦N:phonelike/ticket id⟧ | BTW ⟦N:vat/NL⟧ | Rekening ⟦X:IBAN⟧"""),
	("form.us.w9", "en", """Form W-9 (Rev. March 2024)
1 Name: ⟦name⟧
Part I Taxpayer Identification Number (TIN)
Social security number: ⟦X:SSN⟧
or Employer identification number: ⟦N:ein⟧"""),
	("chat.ssn-format", "en", """User: what's the format of a US SSN? mine is ⟦X:SSN⟧, is that right?
Assistant: Please don't share it here. An SSN has 9 digits, usually written 3-2-4."""),
	("impressum.de", "de", """Impressum
⟦company⟧
⟦street⟧, ⟦N:postal/DE PLZ⟧ ⟦city⟧
Telefon: ⟦X:PHONE:DE⟧
?Telefax: ⟦X:PHONE:DE⟧
E-Mail: ⟦X:EMAIL⟧
USt-IdNr.: ⟦N:vat/DE⟧"""),
	("contatti.it", "it", """Contatti
⟦company⟧ – ⟦street⟧
Tel. ⟦X:PHONE:IT⟧
?Fax ⟦X:PHONE:IT⟧
P.IVA ⟦N:vat/IT⟧"""),
	("mentions.fr", "fr", """Mentions légales
Éditeur : ⟦company⟧
Téléphone : ⟦X:PHONE:FR⟧
Courriel : ⟦X:EMAIL⟧
N° TVA : ⟦N:vat/FR⟧"""),
	("calendar.ics", "en", """BEGIN:VEVENT
DTSTART:⟦N:ts/compact-z⟧
SUMMARY:Review with ⟦name⟧
LOCATION:Dial-in ⟦X:PHONE⟧, PIN 4471#
ORGANIZER;CN=⟦name⟧:mailto:⟦X:EMAIL⟧
END:VEVENT"""),
]

XSLOT = re.compile(r"⟦X:([A-Z]+)(?::([A-Za-z0-9]+))?(?:@([^⟧]+))?⟧")


def slot_pred(typ, cons):
	if cons == "nospace":
		return lambda it: " " not in it.value
	if cons == "teluri":
		return lambda it: it.value.startswith("+") and " " not in it.value and "(" not in it.value
	if typ == "IP":
		shape = {None: "plain", "port": "port", "cidr": "cidr", "plainv4": "plainv4", "plain6": "plain6",
			 "cidr4": "cidr4", "cidr6": "cidr6"}[cons]
		return ip_fits(shape)
	if typ == "PHONE" and cons:
		intl = lambda it: it.sub.startswith("PHONE/E164") or it.sub.endswith("-intl") or it.sub == "PHONE/NANP-plus1"
		if cons == "intl":
			return intl
		if cons == "US":
			return lambda it: it.country == "NANP"
		return lambda it: it.country == cons or intl(it)
	if typ == "SSN" and cons == "dashed":
		return lambda it: it.sub == "SSN/dashed"
	return lambda it: True


def parse_doc(name, lang, text):
	lines = []
	for raw in text.split("\n"):
		opt = raw.lstrip(" \t").startswith("?")
		if opt:
			k = raw.index("?")
			raw = raw[:k] + raw[k + 1:]
		slots = []
		for m in XSLOT.finditer(raw):
			typ, cons, hdr = m.group(1), m.group(2), m.group(3)
			plain = SLOT.sub(lambda o: " " if o.start() == m.start() else "x", raw)
			ctx = bool(naming_hits(typ, plain)) or bool(hdr and naming_hits(typ, hdr))
			amb = bool(ambig_hits(typ, plain)) or bool(hdr and ambig_hits(typ, hdr))
			slots.append({"type": typ, "cons": cons, "hdr": hdr, "ctx": ctx, "amb": amb, "pred": slot_pred(typ, cons)})
		lines.append({"text": raw, "opt": opt, "slots": slots})
	return {"name": name, "lang": lang, "lines": lines}


DOC_INDEX = [parse_doc(*d) for d in DOCS]


def slot_takes(slot, it):
	if it.type != slot["type"] or not slot["pred"](it):
		return False
	if it.want is True:
		return slot["ctx"]
	if it.want is False:
		return not slot["ctx"] and not slot["amb"]
	return True


def slot_prefer(slot, lang):
	"""Values that suit the document best: the phone country it asks for, an IBAN of its language."""
	if slot["type"] == "PHONE" and slot["cons"] in NATIONAL_CC:
		return lambda it: it.country == slot["cons"]
	if slot["type"] == "PHONE" and slot["cons"] == "US":
		return lambda it: it.country == "NANP"
	if slot["type"] == "IBAN":
		return lambda it: IBAN_LANG.get(it.country, "en") == lang
	return None


def slot_ctx_arg(slot):
	return True if slot["ctx"] else "strong" if slot["amb"] else False


def doc_candidates(item):
	out = []
	for doc in DOC_INDEX:
		for li, line in enumerate(doc["lines"]):
			for si, slot in enumerate(line["slots"]):
				if slot_takes(slot, item):
					out.append((doc, li, si))
	return out


IP_SHAPE = {None: "plain", "port": "port", "cidr": "cidr", "cidr4": "cidr", "cidr6": "cidr", "plainv4": "plain", "plain6": "plain"}


def write_doc(g, d, item, pool, choice):
	doc, pli, psi = choice
	d.tpl = "doc." + doc["name"]
	memo = {}
	placed = []  # items of the X slots in text order (None where a line was left out)
	out_lines = []
	for li, line in enumerate(doc["lines"]):
		if line["opt"] and li != pli and not g.chance(0.6):
			placed.extend([None] * len(line["slots"]))
			continue
		got, ok = [], True
		for si, slot in enumerate(line["slots"]):
			if li == pli and si == psi:
				got.append(item)
				continue
			it = pool.take(slot["type"], slot_ctx_arg(slot), slot["pred"], slot_prefer(slot, doc["lang"]))
			if it is None:
				ok = False
				break
			got.append(it)
		refs = [int(r) for r in re.findall(r"⟦R:(\d+)⟧", line["text"])]
		if ok and any(r > len(placed) + len(got) or (placed + got)[r - 1] is None for r in refs):
			ok = False
		if not ok:
			for it in got:
				if it is not item:
					pool.items.append(it)
			if li == pli:  # the value's own line cannot be written: give everything back
				for it in placed:
					if it is not None and it is not item:
						pool.items.append(it)
				return False
			placed.extend([None] * len(line["slots"]))
			continue
		start = len(placed)
		placed.extend(got)
		out_lines.append((line, start))
	for k, (line, start) in enumerate(out_lines):
		if k:
			d.nl()
		render_doc_line(g, d, line, placed, start, memo)
	return True


def render_doc_line(g, d, line, placed, start, memo):
	text, pos, xi = line["text"], 0, 0
	for m in SLOT.finditer(text):
		d.w(text[pos:m.start()])
		pos = m.end()
		s = m.group(1)
		if s.startswith("X:"):
			slot = line["slots"][xi]
			it = placed[start + xi]
			xi += 1
			if it.type == "IP":
				shape = IP_SHAPE[slot["cons"]]
				if it.sub == "IP/v4-port-cidr" and shape == "plain":
					shape = "port"
				ip_put(d, it, shape, hdr=slot["hdr"])
			else:
				d.put(it, hdr=slot["hdr"])
		elif s.startswith("R:"):
			d.put(placed[int(s[2:]) - 1])
		elif s.startswith("N:"):
			alias, _, w = s[2:].partition("/")
			d.neg(ALIAS[alias], w or None)
		elif "#" in s:
			if s not in memo:
				memo[s] = FILL[s.split("#")[0]](g)
			d.w(memo[s])
		else:
			d.w(FILL[s](g))
	d.w(text[pos:])


# ---- structural builders: JSON records, tool calls, tables, SQL ------------------------------

KEYS_CTX = {
	"EMAIL": ["email", "Email", "emailAddress", "contact_email", "billing_email", "work_email", "personal_email",
		  "e_mail", "mail", "userEmail", "notification_email"],
	"PHONE": ["phone", "Phone", "MobilePhone", "mobile", "phone_number", "phoneNumber", "mobile_phone", "work_phone",
		  "home_phone", "tel", "telephone", "fax", "cell", "msisdn", "emergency_phone", "telefon", "telefono",
		  "telefoon", "mobilenumber"],
	"SSN": ["ssn", "SSN", "social_security_number", "ssn_full", "taxpayer_ssn", "employee_ssn", "socialSecurityNumber"],
	"CARD": ["card_number", "cardNumber", "pan", "cc_number", "credit_card", "card", "debit_card_number", "card_pan"],
	"IBAN": ["iban", "IBAN", "bank_iban", "payout_iban", "account_iban", "ibanNumber", "refund_iban", "bank_account", "konto"],
	"IP": ["ip", "ip_address", "client_ip", "last_login_ip", "remote_addr", "source_ip", "ipAddress", "server_ip",
	       "peer_ip", "signup_ip", "host"],
}
KEYS_BARE = {
	"EMAIL": ["login", "username", "owner", "assignee", "reply_to", "recipient", "requester", "created_by", "notify"],
	"PHONE": ["primary", "alternate", "backup", "after_hours", "secondary", "preferred", "urgent"],
	"SSN": ["ref", "legacy_ref"],
	"CARD": ["number", "method", "instrument", "source", "pm"],
	"IBAN": ["payout_to", "beneficiary", "destination", "refund_to", "payee"],
	"IP": ["origin", "remote", "from", "source", "seen_from", "via"],
}


class P:
	"""A value in a JSON structure."""

	def __init__(self, item):
		self.item = item


class NG:
	"""A negative in a JSON structure (raw: not quoted)."""

	def __init__(self, kind, w=None, raw=False):
		self.kind, self.w, self.raw = kind, w, raw


def put_any(d, it, hdr=None):
	if it.sub == "IP/v4-port-cidr":
		ip_put(d, it, d.g.pick(["port", "cidr"]), hdr=hdr)
	else:
		d.put(it, hdr)


def emit_json(d, obj, indent, level=0, q='"'):
	if isinstance(obj, dict) or isinstance(obj, list):
		pairs = list(obj.items()) if isinstance(obj, dict) else [(None, v) for v in obj]
		d.w("{" if isinstance(obj, dict) else "[")
		for k, (key, val) in enumerate(pairs):
			if indent:
				d.w("\n" + " " * (indent * (level + 1)))
			if key is not None:
				d.w(q + key + q + ": ")
			emit_json(d, val, indent, level + 1, q)
			if k < len(pairs) - 1:
				d.w("," if indent else ", ")
		if indent:
			d.w("\n" + " " * (indent * level))
		d.w("}" if isinstance(obj, dict) else "]")
	elif isinstance(obj, P):
		d.w(q)
		put_any(d, obj.item)
		d.w(q)
	elif isinstance(obj, NG):
		d.w("" if obj.raw else q)
		d.neg(obj.kind, obj.w)
		d.w("" if obj.raw else q)
	elif isinstance(obj, str):
		d.w(q + obj + q)
	else:
		d.w(json.dumps(obj))


def key_for(g, it):
	if it.want is True or it.want is None and g.chance(0.7):
		return g.pick(KEYS_CTX[it.type])
	return g.pick(KEYS_BARE[it.type])


def b_record(g, d, item, pool):
	"""A CRM / HR / billing / support / IAM record as a JSON tool result."""
	system = g.pick(["crm", "hr", "billing", "support", "iam"])
	d.tpl = "doc.record-json." + system
	fields = [(key_for(g, item), P(item))]
	for t in TYPES:
		if t != item.type and g.chance(0.3):
			it = pool.take(t, True)
			if it is not None:
				fields.append((g.pick(KEYS_CTX[t]), P(it)))
	g.r.shuffle(fields)
	name = g.pick(PEOPLE)
	if system == "crm":
		inner = dict([("firstname", name.split(" ")[0]), ("lastname", name.split(" ", 1)[1])] + fields + [("city", g.pick(CITIES)), ("lifecyclestage", "customer")])
		obj = {"id": NG(K_UUID, "v4"), "object": "contact", "properties": inner, "updatedAt": NG(K_TS, "iso-millis")}
	elif system == "hr":
		obj = {"employee": dict([("employee_id", g.int(1000, 99999)), ("legal_name", name), ("department", g.pick(["Finance", "Logistics", "Engineering", "Sales"]))] + fields + [("start_date", FILL["date"](g))])}
	elif system == "billing":
		obj = {"customer": dict([("id", "cus_" + FILL["alnum"](g)), ("name", name)] + fields),
		       "invoice": {"number": NG(K_ORDER, "INV"), "total": NG(K_PRICE, "eur-code"), "status": "open"}}
	elif system == "support":
		obj = {"ticket": {"id": g.int(10000, 99999), "subject": g.pick(["Refund request", "Cannot log in", "Wrong address on invoice", "Cancel subscription"]),
				  "requester": dict([("name", name)] + fields), "created": NG(K_TS, "iso-z")}}
	else:
		obj = {"user": dict([("uid", NG(K_UUID)), ("display_name", name)] + fields + [("mfa_enabled", g.chance(0.5)), ("last_login", NG(K_TS, "iso-offset"))])}
	emit_json(d, obj, g.pick([2, 4]) if item.want is False else g.pick([2, 2, 4, 0]))


TOOLS = [
	("send_email", [("to", "EMAIL"), ("subject", "Your refund"), ("body", "Hi, the refund has been issued.")]),
	("create_contact", [("full_name", "@name"), ("email", "EMAIL"), ("phone", "PHONE")]),
	("update_payout_details", [("customer_id", K_UUID), ("iban", "IBAN"), ("account_holder", "@name")]),
	("charge_card", [("card_number", "CARD"), ("exp", "@exp"), ("amount_cents", 4900)]),
	("block_ip", [("ip", "IP"), ("reason", "credential stuffing"), ("ttl_seconds", 3600)]),
	("verify_identity", [("ssn", "SSN"), ("date_of_birth", "@dob")]),
	("send_sms", [("to", "PHONE"), ("text", "Your appointment is confirmed.")]),
	("lookup_customer", [("email", "EMAIL")]),
	("schedule_callback", [("phone_number", "PHONE"), ("slot", "@date")]),
	("geoip_lookup", [("address", "IP")]),
	("issue_refund", [("order_id", K_ORDER), ("iban", "IBAN")]),
	("lookup_customer", [("mobile", "PHONE")]),
]


def tool_ctx(fname, arg, typ):
	"""Context for a tool argument: its key, and the function name when it is on the same line."""
	return bool(naming_hits(typ, arg)), bool(ambig_hits(typ, fname + " " + arg))


def b_toolcall(g, d, item, pool):
	"""Function-call arguments in the OpenAI, Anthropic or Gemini shape."""
	def fits(fname, a):  # a weak value only under a key that names its type
		return tool_ctx(fname, a, item.type)[0] if item.weak else True

	if item.want is False:
		return False
	cands = [t for t in TOOLS if any(spec == item.type and fits(t[0], a) for a, spec in t[1])]
	if not cands:
		return False
	fname, args = g.pick(cands)
	shape = g.pick(["openai", "anthropic", "gemini"])
	d.tpl = "doc.toolcall.%s.%s" % (shape, fname)
	obj, used = {}, False
	for a, spec in args:
		if spec == item.type and not used and fits(fname, a):
			obj[a] = P(item)
			used = True
		elif spec in TYPES:
			it = pool.take(spec, True if tool_ctx(fname, a, spec)[0] else "strong")
			if it is not None:
				obj[a] = P(it)
		elif spec in NEG_GEN:
			obj[a] = NG(spec, "v4" if spec == K_UUID else "ORD-year" if spec == K_ORDER else None)
		elif isinstance(spec, str) and spec.startswith("@"):
			obj[a] = FILL[spec[1:]](g)
		else:
			obj[a] = spec
	if shape == "openai":
		d.w('{\n  "role": "assistant",\n  "content": null,\n  "tool_calls": [\n    {\n      "id": "call_%s",\n      "type": "function",\n'
		    '      "function": {\n        "name": "%s",\n        "arguments": "' % (FILL["alnum"](g), fname))
		emit_json(d, obj, 0, q='\\"')
		d.w('"\n      }\n    }\n  ]\n}')
	elif shape == "anthropic":
		d.w('{\n  "type": "tool_use",\n  "id": "toolu_01%s",\n  "name": "%s",\n  "input": ' % (FILL["alnum"](g), fname))
		emit_json(d, obj, 2, 1)
		d.w("\n}")
	else:
		d.w('{"functionCall": {"name": "%s", "args": ' % fname)
		emit_json(d, obj, 0)
		d.w("}}")
	return True


HDR = {
	"EMAIL": {"en": ["email", "Email", "e-mail"], "de": ["E-Mail"], "fr": ["courriel", "e-mail"], "it": ["email"], "es": ["correo"], "nl": ["e-mail"]},
	"PHONE": {"en": ["phone", "Phone", "mobile", "Tel"], "de": ["Telefon", "Handy", "Mobil"], "fr": ["téléphone", "portable"],
		  "it": ["telefono", "cellulare"], "es": ["teléfono", "móvil"], "nl": ["telefoon", "mobiel"]},
	"SSN": {"en": ["SSN", "ssn", "Social Security No."]},
	"CARD": {"en": ["card_number", "Card"], "de": ["Kartennummer"], "fr": ["numéro de carte"], "it": ["numero carta"], "es": ["tarjeta"], "nl": ["kaartnummer"]},
	"IBAN": {"en": ["IBAN", "iban", "account (IBAN)"], "de": ["IBAN"], "fr": ["IBAN"], "it": ["IBAN"], "es": ["IBAN"], "nl": ["IBAN"]},
	"IP": {"en": ["ip", "IP address", "client_ip", "src_ip"], "de": ["IP-Adresse"], "fr": ["adresse IP"], "it": ["indirizzo IP"],
	       "es": ["dirección IP"], "nl": ["IP-adres"]},
}
NAME_HDR = {"en": "name", "de": "Name", "fr": "nom", "it": "nome", "es": "nombre", "nl": "naam"}
CITY_HDR = {"en": "city", "de": "Ort", "fr": "ville", "it": "città", "es": "ciudad", "nl": "plaats"}
NEG_COLS = [({"en": "customer_no", "de": "Kundennr.", "fr": "n° client", "it": "codice cliente", "es": "nº cliente", "nl": "klantnr"}, K_PHONELIKE, "customer number"),
	    ({"en": "created", "de": "erstellt", "fr": "créé le", "it": "creato", "es": "creado", "nl": "aangemaakt"}, K_TS, "iso-z|de"),
	    ({"en": "order", "de": "Bestellung", "fr": "commande", "it": "ordine", "es": "pedido", "nl": "bestelling"}, K_ORDER, "ORD-year|SO")]


def b_table(g, d, item, pool):
	"""CSV, markdown or psql output; the word naming a column only in its header."""
	if item.want is False:
		return False
	lang = item.lang if item.lang in HDR[item.type] else "en"
	fmt = g.pick(["csv", "csv", "markdown", "psql"])
	d.tpl = "doc.table.%s.%s" % (fmt, lang)
	types = [item.type] + [t for t in TYPES if t != item.type and lang in HDR[t] and g.chance(0.3)]
	rows = [[item]]
	pred = (lambda it: it.sub != "IP/v4-port-cidr") if item.type == "IP" else None
	for _ in range(g.int(0, 3)):
		it = pool.take(item.type, True, pred)
		if it is None:
			break
		rows.append([it])
	for row in rows:
		for t in types[1:]:
			row.append(pool.take(t, True, (lambda it: it.sub != "IP/v4-port-cidr") if t == "IP" else None))
	negcol = g.pick(NEG_COLS) if g.chance(0.5) else None
	headers = [NAME_HDR[lang]] + [g.pick(HDR[t][lang]) for t in types] + ([negcol[0][lang]] if negcol else []) + \
		([CITY_HDR[lang]] if g.chance(0.5) else [])
	cells = []
	for row in rows:
		c = [g.pick(PEOPLE)] + row
		if negcol:
			c.append(make_neg(g, negcol[1], negcol[2]))
		if len(headers) > len(c):
			c.append(g.pick(CITIES))
		cells.append(c)

	def text(x):
		return x.value if isinstance(x, Item) else "" if x is None else x[0] if isinstance(x, tuple) else x

	def cell(x, hdr, width=0, align=""):
		s = text(x)
		pad = " " * (width - len(s)) if width else ""
		if isinstance(x, Item):
			d.put(x, hdr)
		elif isinstance(x, tuple):
			d.negs.append({"kind": negcol[1], "variant": x[1], "tpl": d.tpl, "start": d.n, "end": d.n + len(x[0])})
			g.negcount[negcol[1]] += 1
			d.w(x[0])
		else:
			d.w(s)
		d.w(pad)

	if fmt == "csv":
		sep = "," if lang == "en" and g.chance(0.7) else ";" if g.chance(0.8) else "\t"
		quote = g.chance(0.35)
		d.w(sep.join(('"%s"' % h if quote else h) for h in headers))
		for c in cells:
			d.nl()
			for k, x in enumerate(c):
				if k:
					d.w(sep)
				d.w('"' if quote else "")
				cell(x, headers[k])
				d.w('"' if quote else "")
	elif fmt == "markdown":
		d.w("| " + " | ".join(headers) + " |\n|" + "|".join("---" for _ in headers) + "|")
		for c in cells:
			d.w("\n|")
			for k, x in enumerate(c):
				d.w(" ")
				cell(x, headers[k])
				d.w(" |")
	else:
		widths = [max([len(h)] + [len(text(c[k])) for c in cells]) for k, h in enumerate(headers)]
		d.w("|".join(" " + h.center(widths[k]) + " " for k, h in enumerate(headers)).rstrip())
		d.w("\n" + "+".join("-" * (w + 2) for w in widths))
		for c in cells:
			d.nl()
			for k, x in enumerate(c):
				d.w(" " if k == 0 else "| ")
				cell(x, headers[k], widths[k] if k < len(c) - 1 else 0)
				d.w(" " if k < len(c) - 1 else "")
		d.w("\n(%d row%s)" % (len(cells), "" if len(cells) == 1 else "s"))
	return True


SQL_COLS = {"EMAIL": ["email", "contact_email"], "PHONE": ["phone", "mobile", "phone_number"], "SSN": ["ssn"],
	    "CARD": ["card_number", "pan"], "IBAN": ["iban", "payout_iban"], "IP": ["ip_address", "last_login_ip"]}


def b_sql(g, d, item, pool):
	"""INSERT (one or several rows) or UPDATE statements."""
	if item.want is False:
		return False
	table = g.pick(["customers", "contacts", "employees", "payouts", "users", "leads"])
	kind = g.pick(["insert", "insert-multi", "update"])
	d.tpl = "doc.sql." + kind
	pred = (lambda it: it.sub != "IP/v4-port-cidr") if item.type == "IP" else None
	if kind == "update":
		col = g.pick(SQL_COLS[item.type])
		d.w("UPDATE %s SET %s = '" % (table, col))
		d.put(item)
		d.w("' WHERE id = %d;" % g.int(1, 99999))
		return True
	types = [item.type] + [t for t in TYPES if t != item.type and g.chance(0.35)]
	cols = [g.pick(SQL_COLS[t]) for t in types]
	rows = [[item] + [pool.take(t, True, (lambda it: it.sub != "IP/v4-port-cidr") if t == "IP" else None) for t in types[1:]]]
	if kind == "insert-multi":
		for _ in range(g.int(1, 3)):
			it = pool.take(item.type, True, pred)
			if it is None:
				break
			rows.append([it] + [pool.take(t, True, (lambda it: it.sub != "IP/v4-port-cidr") if t == "IP" else None) for t in types[1:]])
	d.w("INSERT INTO %s (id, full_name, %s) VALUES" % (table, ", ".join(cols)))
	for r, row in enumerate(rows):
		d.w("\n  (" if kind == "insert-multi" else " (")
		d.w("%d, '%s'" % (g.int(1, 99999), g.pick(PEOPLE).replace("'", "''")))
		for k, it in enumerate(row):
			d.w(", ")
			if it is None:
				d.w("NULL")
			else:
				d.w("'")
				d.put(it, hdr=cols[k])
				d.w("'")
		d.w(")" + ("," if r < len(rows) - 1 else ";"))
	return True


# ---- putting it together -----------------------------------------------------------------------

def generate(seed):
	g = Gen(seed)
	g.negcount = collections.Counter()
	pool = Pool(positive_items(g))
	docs = []
	while pool.items:
		item = pool.items.pop()
		d = Doc(g)
		r = 1.0 if item.line_only else g.r.random()
		if item.type == "IP" and r < 0.23:  # addresses live in logs, configs and tool output more than in tables
			r = 0.23 + r
		done = False
		if r < 0.08:
			b_record(g, d, item, pool)
			done = True
		elif r < 0.13:
			done = b_toolcall(g, d, item, pool)
		elif r < 0.19:
			done = b_table(g, d, item, pool)
		elif r < 0.23:
			done = b_sql(g, d, item, pool)
		elif r < 0.65:
			cands = doc_candidates(item)
			if cands:
				doc = g.pick(sorted(set(c[0]["name"] for c in cands)))
				done = write_doc(g, d, item, pool, g.pick([c for c in cands if c[0]["name"] == doc]))
		if not done:
			d = Doc(g)
			compose_lines(g, d, item, pool)
		docs.append(finish(d))
	while min(g.negcount[k] for k in NEG_KINDS) < NEG_TARGET:
		d = Doc(g)
		for k in range(g.int(1, 3)):
			if k:
				d.w(g.pick(["\n", "\n\n"]))
			write_neg_line(g, d, neediest_kind(g))
		docs.append(finish(d))
	g.r.shuffle(docs)
	out = []
	for i, (text, labels, negs) in enumerate(docs):
		out.append({"id": "%s-%05d" % (SPLIT, i + 1), "split": SPLIT, "seed": seed, "text": text,
			    "labels": [l for l, _ in labels], "negatives": negs, "_items": [it for _, it in labels]})
	return out


# ---- self-check ---------------------------------------------------------------------------------

def selfcheck_validators():
	assert v_luhn("4111111111111111") and v_luhn("378282246310005") and not v_luhn("4111111111111112")
	assert v_mod97("DE89370400440532013000") and v_mod97("GB29 NWBK 6016 1331 9268 19") and not v_mod97("DE88370400440532013000")
	for v in KNOWN_IBANS:
		assert v_iban(v, "IBAN/compact"), v
	for b, pans in TEST_PANS.items():
		for p in pans:
			assert v_luhn(p) and card_brand_ok(b, p), (b, p)
	assert v_email("jane.doe@example.com") and v_email("a+b@xn--mnchen-3ya.de") and not v_email("a@b")
	assert v_ssn("123-45-6789", "SSN/dashed") and not v_ssn("666-45-6789", "SSN/dashed") and not v_ssn("123-00-6789", "SSN/dashed")
	assert v_phone("+44 20 7946 0958", "PHONE/UK-intl", "UK") and v_phone("030 22345678", "PHONE/DE-national", "DE")
	assert v_phone("(415) 555-0134", "PHONE/NANP-paren", "NANP") and not v_phone("(115) 555-0134", "PHONE/NANP-paren", "NANP")
	for v in ["PT50000201231234567890154", "MC5811222000010123456789030", "SM86U0322509800000000270100"]:
		assert v_iban(v, "IBAN/compact"), v  # published examples: PT NIB, MC RIB key, SM CIN
	assert nl_elfproef("0417164300") and pt_nib_check("0002012312345678901") == "54"
	assert v_ip("2001:db8::1", "IP/v6-compressed") and v_ip("::ffff:192.0.2.1", "IP/v6-ipv4") and not v_ip("127.0.0.1", "IP/v4")
	assert neg_ok(K_VER, "4.2.1.7", "four-part, IPv4-shaped") and not neg_ok(K_LUHN, "4111 1111 1111 1111", "visa spaced")


def check_record(rec):
	"""Re-validate every label and negative of one output record, from the text alone."""
	raw = rec["text"].encode("utf-8")
	spans = []
	for lab, it in zip(rec["labels"], rec["_items"]):
		v = raw[lab["start"]:lab["end"]].decode("utf-8")
		assert v == it.value and v == v.strip() and v[:1] not in "\"'[<{" and (v[-1:] not in "\"'()[]<>{}.,;:" or v.endswith("::")), v
		assert not v.startswith("(") or ")" in v, v
		t, sub = lab["type"], lab["sub"]
		ok = {"EMAIL": lambda: v_email(v), "SSN": lambda: v_ssn(v, sub), "CARD": lambda: v_card(v, sub),
		      "IBAN": lambda: v_iban(v, sub), "IP": lambda: v_ip(v, sub), "PHONE": lambda: v_phone(v, sub, it.country)}[t]()
		assert ok, ("invalid by spec", sub, v)
		spans.append((lab["start"], lab["end"]))
	for n in rec["negatives"]:
		v = raw[n["start"]:n["end"]].decode("utf-8")
		assert neg_ok(n["kind"], v, n["variant"]), ("negative not clean", n, v)
		spans.append((n["start"], n["end"]))
	spans.sort()
	for a, b in zip(spans, spans[1:]):
		assert a[1] <= b[0], ("overlap", rec["id"])


def serialise(records):
	return "".join(json.dumps({k: r[k] for k in ("id", "split", "seed", "text", "labels", "negatives")}, ensure_ascii=False) + "\n"
		       for r in records)


def stats(records, f):
	types, subs, ctx, kinds, shapes = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
	for r in records:
		for l in r["labels"]:
			types[l["type"]] += 1
			subs[l["sub"]] += 1
			ctx[(l["type"], is_weak(l["sub"]), l["ctx"])] += 1
			shapes[l["tpl"].split(".")[0] + "." + l["tpl"].split(".")[1] if l["tpl"].count(".") else l["tpl"]] += 1
		for n in r["negatives"]:
			kinds[n["kind"]] += 1
	print("texts %d, labels %d, negatives %d" % (len(records), sum(types.values()), sum(kinds.values())), file=f)
	for t in TYPES:
		w = [ctx[(t, True, True)], ctx[(t, True, False)]]
		s = [ctx[(t, False, True)], ctx[(t, False, False)]]
		print("%-6s %5d  strong %4d (ctx %4d)  weak %4d (ctx %4d)" % (t, types[t], sum(s), s[0], sum(w), w[0]), file=f)
	for s, n in sorted(subs.items()):
		print("  %-26s %4d" % (s, n), file=f)
	for k in NEG_KINDS:
		print("  neg %-40s %4d" % (k, kinds[k]), file=f)
	for s, n in sorted(shapes.items()):
		print("  shape %-28s %4d" % (s, n), file=f)


def main():
	ap = argparse.ArgumentParser(description="Write tollgate's blind held-out PII corpus (JSON lines).")
	ap.add_argument("-o", "--output", help="write here instead of stdout")
	ap.add_argument("--stats", action="store_true", help="print counts per type, sub-format and negative kind to stderr")
	a = ap.parse_args()
	selfcheck_validators()
	records = generate(SEED)
	for rec in records:
		check_record(rec)
	body = serialise(records)
	assert serialise(generate(SEED)) == body, "output is not deterministic"
	if a.stats:
		stats(records, sys.stderr)
	if a.output:
		with open(a.output, "w", encoding="utf-8") as f:
			f.write(body)
	else:
		sys.stdout.write(body)


if __name__ == "__main__":
	main()
