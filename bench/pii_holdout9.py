#!/usr/bin/env python3
"""
pii_holdout9.py - the ninth BLIND held-out PII corpus for tollgate's pattern
detectors (EMAIL, PHONE, SSN, CARD, IBAN, IP), issue 4 item 6.

How it was written: by one engineer ("hhold9") from the formats' own
specifications, under these blindness rules: no reading of the redaction
rules (policies/redaction*.json), the detector/redaction/holdback/tablectx
sources or their unit tests, bench/RESULTS-redaction.md, bench/redaction.c,
the README's Redaction section, git history of any of them, nor ANY of the
eight earlier held-out sets (bench/pii_holdout*.py); no detector was run on
this corpus or on anything else. Only bench/pii_corpus.py was read (for the
schema, the "sub" names and its value generators / check-digit functions,
which it imports). All templates, context phrasings and distractor sentences
here are new.

Output: JSON lines in the schema of bench/pii_corpus.py, "split": "holdout9",
ids "holdout9-00001"...; start/end are UTF-8 byte offsets, end exclusive, and
text[start:end] is exactly the value.  Usage: pii_holdout9.py -o FILE

Document shapes: chat prompts and replies, support tickets, CRM/HR/billing
JSON tool results, function-call arguments, GraphQL responses, nginx/syslog/
JSON logs, Windows event logs, Kubernetes events and YAML, Terraform, .env /
INI, SQL INSERTs, psql/mysql client tables, CSV/TSV, markdown and HTML tables,
HTML forms, e-mail headers (From/To/Cc), e-mail threads with "> " quotes,
signature blocks, vCard, LDIF, HTTP requests, form posts, stack traces, git
diffs, Jupyter JSON, protobuf text, XML/SOAP, FHIR-like JSON, HL7 v2, OCR'd
invoices/receipts, bank statements, shipping manifests, Slack exports,
meeting transcripts, PDF text with columns run together, letters.
Context words in English, German, French, Italian, Spanish, Dutch,
Portuguese, Polish, Swedish, Czech, Danish, Norwegian, Finnish, Turkish,
Romanian, Greek, Japanese and Chinese (values stay Latin-script digits).

Labelling decisions (where the specs leave room):
  ctx     true exactly when a word naming the value's type is in the same
          line/sentence, or is the JSON/YAML/XML key or the table column
          header of the value. Words like "call", "reach", "contact" alone do
          NOT count (and no-ctx templates avoid them).
  EMAIL   RFC 5321 atext local parts (apostrophe, &, =, !, ~, _, +, -).
          In RFC 5322 headers the label is the addr-spec inside <...>, never
          the display name. mailto:ADDR?subject=... labels ADDR only.
          Percent-encoded addresses (%40, %2B) are labelled (whole encoded
          span) ONLY where the field is named as an e-mail (email=, "to=" in a
          form post under an "email" key); that is what a careful reader calls
          an address. git remotes (git@host:org/repo), user@host prompts,
          npm/pkg@version pins, @scope/pkg, @mentions, decorators, CSS @media,
          SQL @vars and image@sha256 digests are negatives ("@ but not an
          e-mail"), the whole token being the span.
  PHONE   Sub names as pii_corpus.py (PHONE/XX-national weak, NANP-plain weak,
          everything with +CC / 00CC strong). National numbers written with
          U+00A0 or U+202F instead of spaces keep their sub (variant says so).
          An extension (", ext. 204", " x204", " #204", " (Durchwahl 17)",
          " poste 12", " int. 31") is NOT part of the label. Other countries
          only as E.164. Numbers are never split across lines.
  SSN     SSA rules (area 001-899 except 666, group 01-99, serial 0001-9999);
          invalid ones are negatives. Spaced/plain are weak (as pii_corpus).
  CARD    Luhn-valid, brand IIN and length; printed groupings (4-4-4-4,
          Amex 4-6-5, Diners 4-6-4, 19-digit 4-4-4-4-3). Separators other
          than space or dash (dots) are filed under the brand's "-dashed" sub
          with variant "dotted". A Luhn-valid 15/19/20-digit number named as
          IMEI/ICCID is a negative; 16-digit numbers failing Luhn too.
  IBAN    ISO 13616, mod-97 valid, compact (electronic) or paper groups of 4.
  IP      Label the address only: never the port, the /prefix, the
          [brackets] or an IPv6 zone id (%eth0). Following the brief's rule,
          loopback (127/8, ::1), unspecified (0.0.0.0, ::) and broadcast
          (255.255.255.255) are NOT labelled: they appear as negatives of kind
          "non-identifying address". Documentation, private and link-local
          addresses are labelled like any other.
  Near misses: a number in a field named phone is a phone; a negative number
          is always in a context where a careful reader would not take it for
          PII (named as order, ticket, IMEI, ISBN, version, clause, ...).
"""
import argparse
import ipaddress
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_corpus as pc  # noqa: E402

SEED = 20261127
SPLIT = "holdout9"

# ---- value makers (sub names exactly as pii_corpus.py) ---------------------

PHONE_SUBS = ["PHONE/NANP-" + s for s in ["paren", "dashed", "dotted", "spaced", "plain", "plus1", "trunk1"]] + \
	["PHONE/E164-compact", "PHONE/E164-spaced"] + \
	["PHONE/%s-%s" % (c, s) for c in ["UK", "DE", "FR", "IT", "ES", "NL"] for s in ["national", "intl"]]
EMAIL_SUBS = ["EMAIL/" + s for s in ["basic", "plus-tag", "subdomain", "long-tld", "digits-underscore",
				     "mixed-case", "punycode"]]
CARD_BRANDS = ["visa", "mastercard", "mastercard2", "amex", "discover", "jcb", "diners", "unionpay"]
IP_SUBS = ["IP/v4", "IP/v4-port-cidr", "IP/v6-full", "IP/v6-compressed", "IP/v6-ipv4"]

ATEXT_LOCALS = ["o'neill", "d'arcy", "mary.o'brien", "r&d", "sales&ops", "billing=ops", "first_last+tag",
		"a!b", "jean-luc.picard+crew", "n~tanaka", "dev_ops-team", "l'oreal.rh", "k.o'hara+hr"]
NEW_DOMAINS = ["kestrel-analytics.io", "mail.harbourview.co.uk", "eu.fjordline.no", "staff.uni-tartu.ee",
	       "pracownia.com.pl", "byra.se", "kontor.dk", "toimisto.fi", "firma.cz", "sirket.com.tr",
	       "birou.ro", "grafeio.gr", "example.org", "example.com", "zorg.nl", "saude.com.br",
	       "studio.berlin", "atelier.paris", "plenty.shop", "lumen.xyz"]


class Maker:
	def __init__(self, seed):
		self.g = pc.Gen(seed, "test")
		self.cycle = {}

	def nxt(self, key, seq):
		i = self.cycle.get(key, 0)
		self.cycle[key] = i + 1
		return seq[i % len(seq)]

	def phone(self, sub=None):
		g = self.g
		sub = sub or self.nxt("phone", PHONE_SUBS)
		kind = sub.split("/")[1]
		if kind.startswith("NANP-"):
			v, var, _ = pc.nanp(g, kind[5:])
		elif kind.startswith("E164-"):
			v, var, _ = pc.e164(g, kind[5:])
		else:
			c, s = kind.split("-")
			v, var, _ = pc.national(g, c, s)
			if s == "national" and " " in v and g.chance(0.3):
				sp = g.choice(["\u00a0", "\u202f"])
				v = v.replace(" ", sp)
				var += " nbsp" if sp == "\u00a0" else " nnbsp"
		return v, sub, var

	def email(self, sub=None):
		g = self.g
		sub = sub or self.nxt("email", EMAIL_SUBS + ["EMAIL/basic", "EMAIL/plus-tag"])
		if sub in ("EMAIL/basic", "EMAIL/plus-tag") and g.chance(0.35):
			loc = g.choice(ATEXT_LOCALS)
			if sub == "EMAIL/plus-tag" and "+" not in loc:
				loc += "+" + g.choice(["invoices", "q3", "jira", "alerts"])
			if sub == "EMAIL/basic":
				loc = loc.split("+")[0]
			return loc + "@" + g.choice(NEW_DOMAINS), sub, "atext"
		if sub == "EMAIL/subdomain" and g.chance(0.3):
			return pc.email_local(g) + "@" + g.choice(NEW_DOMAINS[:4]), sub, "subdomain new"
		v, var, _ = pc.email(g, sub[6:])
		return v, sub, var

	def ssn(self, sub=None):
		sub = sub or self.nxt("ssn", ["SSN/dashed", "SSN/spaced", "SSN/plain"])
		v, var, _ = pc.ssn(self.g, sub[4:])
		return v, sub, var

	def card(self, brand=None, fmt=None):
		g = self.g
		brand = brand or self.nxt("brand", CARD_BRANDS)
		fmt = fmt or self.nxt("cardfmt-" + brand, ["spaced", "plain", "dashed", "spaced", "dotted"])
		num, groups = pc.card_number(g, brand)
		if fmt == "plain":
			v = num
		elif fmt == "dotted":
			v = pc.group(num, groups, ".")
		else:
			v = pc.group(num, groups, " " if fmt == "spaced" else "-")
		sub = "CARD/%s-%s" % (brand, "dashed" if fmt == "dotted" else fmt)
		return v, sub, "%d digits%s" % (len(num), " dotted" if fmt == "dotted" else "")

	def iban(self, fmt=None):
		g = self.g
		fmt = fmt or self.nxt("ibanfmt", ["grouped", "compact"])
		v, cc = pc.iban_value(g)
		if fmt == "grouped":
			v = pc.group(v, [4] * 9, " ").strip()
		return v, "IBAN/" + fmt, cc

	def ip(self, sub=None):
		"""(address, sub, variant, prefix text, suffix text): the label is the address only."""
		g = self.g
		sub = sub or self.nxt("ip", IP_SUBS)
		pre, suf = "", ""
		if sub == "IP/v4":
			v, var = pc.ipv4(g), "v4"
		elif sub == "IP/v4-port-cidr":
			v = pc.ipv4(g)
			var = g.choice(["port", "cidr", "url"])
			if var == "port":
				suf = ":" + str(g.r.randint(1, 65535))
			elif var == "cidr":
				suf = "/" + str(g.choice([24, 22, 26, 28]))
			else:
				pre, suf = g.choice(["http://", "https://"]), g.choice(["/healthz", ":9090/metrics", "/"])
		elif sub == "IP/v6-full":
			gs = pc.v6_groups(g)
			v = ":".join(x.zfill(4) for x in gs) if g.chance(0.5) else ":".join(x.lstrip("0") or "0" for x in gs)
			var = "full"
		elif sub == "IP/v6-compressed":
			gs = pc.v6_groups(g)
			z = g.r.randint(2, 4)
			at = g.r.randint(2, 7 - z)
			gs[at:at + z] = ["0"] * z
			v = pc.v6_compress(gs)
			var = g.choice(["plain", "bracket-port", "zone"])
			if var == "bracket-port":
				pre, suf = "[", "]:" + str(g.choice([443, 8443, 5432, 6443, 22]))
			elif var == "zone":
				v = "fe80::" + ":".join(g.hexs(g.r.randint(1, 4)).lstrip("0") or "1" for _ in range(g.r.randint(1, 4)))
				suf = "%" + g.choice(["eth0", "en0", "wlan0", "ens3", "bond0", "12"])
		else:
			a = pc.ipv4(g)
			name, form = g.choice([("mapped", "::ffff:%s"), ("NAT64", "64:ff9b::%s"), ("mapped upper", "::FFFF:%s")])
			v, var = form % a, name
		return v, sub, var, pre, suf


# ---- negatives --------------------------------------------------------------

def neg_at(g):
	k = g.choice(["git remote", "shell prompt", "css", "sql var", "decorator", "pkg pin", "scoped pin", "mention",
		      "docker digest"])
	if k == "git remote":
		return "git@%s:%s/%s.git" % (g.choice(["github.com", "gitlab.com", "bitbucket.org", "git.internal.example"]),
					       g.choice(["acme", "platform-team", "infra"]), g.choice(["api", "web", "tollgate"])), k
	if k == "shell prompt":
		return "%s@%s" % (g.choice(["deploy", "root", "ubuntu", "ec2-user"]),
				  g.choice(["web-03", "ip-10-0-4-17", "build01", "pg-primary"])), k
	if k == "css":
		return "@media", k
	if k == "sql var":
		return "@" + g.choice(["customer_id", "rowcount", "start_date", "tenant"]), k
	if k == "decorator":
		return "@" + g.choice(["app.get", "pytest.mark.parametrize", "functools.lru_cache", "Transactional"]), k
	if k == "pkg pin":
		return "%s@%d.%d.%d" % (g.choice(["zod", "next", "pnpm", "axios", "eslint"]), g.r.randint(1, 15),
					g.r.randint(0, 20), g.r.randint(0, 20)), k
	if k == "scoped pin":
		return "@%s/%s@%d.%d.%d" % (g.choice(["vercel", "nestjs", "tanstack", "octokit"]),
					   g.choice(["core", "query", "rest", "cli"]), g.r.randint(1, 12), g.r.randint(0, 9),
					   g.r.randint(0, 30)), k
	if k == "mention":
		return "@" + g.choice(pc.FIRST) + g.choice(["", ".", "-"]) + g.choice(pc.LAST), k
	return "%s@sha256:%s" % (g.choice(["alpine", "node", "grafana/grafana"]), g.hexs(64)), k


def neg_nonident(g):
	k = g.choice(["loopback v4", "loopback v4", "loopback v6", "unspecified v4", "unspecified v6", "broadcast"])
	v = {"loopback v4": g.choice(["127.0.0.1", "127.0.1.1", "127.0.0.53"]), "loopback v6": "::1",
	     "unspecified v4": "0.0.0.0", "unspecified v6": "::", "broadcast": "255.255.255.255"}[k]
	return v, k


def neg_tracking(g):
	k = g.choice(["ups", "dhl", "fedex", "postnl"])
	if k == "ups":
		return "1Z%s%s" % (g.letters(1) + g.digits(2) + g.letters(3), g.digits(10)), k
	if k == "dhl":
		return g.digits(10, "123456789"), k
	if k == "fedex":
		return g.digits(12, "7"), k
	return "3S%s%s" % (g.letters(4), g.digits(9)), k


def neg_amount_qty(g):
	k = g.choice(["qty", "bytes", "population", "duration ms"])
	r = g.r
	if k == "qty":
		return "{:,}".format(r.randint(10000, 9999999)), k
	if k == "bytes":
		return str(r.randint(1000000000, 99999999999)), k
	if k == "population":
		return "{:,}".format(r.randint(1000000, 99999999)).replace(",", " "), k
	return str(r.randint(1000000, 999999999)), k


def neg_card16_luhn(g):
	"""16 digits failing Luhn in a card-looking grouping (a truncated paste, a reference)."""
	v, k = pc.neg_card_luhn(g)
	return v, k


NEG = {
	"card failing Luhn": neg_card16_luhn, "IBAN failing mod-97": pc.neg_iban, "invalid SSN": pc.neg_ssn,
	"version": pc.neg_version, "timestamp": pc.neg_timestamp, "order number": pc.neg_order, "price": pc.neg_price,
	"coordinates": pc.neg_coords, "hash": pc.neg_hash, "UUID": pc.neg_uuid,
	"phone-like number, non-phone context": pc.neg_phone_like, "IMEI (Luhn-valid)": pc.neg_imei,
	"ICCID (Luhn-valid)": pc.neg_iccid, "MAC address": pc.neg_mac, "OID / section number": pc.neg_oid,
	"@ but not an e-mail": neg_at, "EIN": pc.neg_ein, "ABA routing number": pc.neg_aba,
	"non-identifying address": neg_nonident, "tracking number": neg_tracking, "quantity / size": neg_amount_qty,
}


# ---- document builder ---------------------------------------------------------

class Doc:
	def __init__(self, mk, tpl):
		self.mk = mk
		self.g = mk.g
		self.tpl = tpl
		self.parts = []
		self.n = 0
		self.labels = []
		self.negatives = []
		self.values = []

	def t(self, s):
		self.parts.append(s)
		self.n += len(s.encode("utf-8"))

	def _mark(self, v):
		s = self.n
		self.t(v)
		return s, self.n

	def lab(self, typ, v, sub, var, ctx):
		s, e = self._mark(v)
		self.labels.append({"type": typ, "sub": sub, "variant": var, "ctx": bool(ctx), "tpl": self.tpl,
				    "start": s, "end": e})
		self.values.append(("L", typ, sub, v))

	def neg(self, kind, v=None, var=None):
		if v is None:
			v, var = NEG[kind](self.g)
		s, e = self._mark(v)
		self.negatives.append({"kind": kind, "variant": var, "tpl": self.tpl, "start": s, "end": e})
		self.values.append(("N", kind, var, v))

	# convenience writers for each type
	def phone(self, ctx, sub=None, ext=False):
		v, sub, var = self.mk.phone(sub)
		self.lab("PHONE", v, sub, var, ctx)
		if ext:
			self.t(self.g.choice([", ext. %d", " x%d", " #%d", " (Durchwahl %d)", " poste %d", " int. %d", " ext %d"])
			       % self.g.r.randint(10, 899))

	def email(self, ctx, sub=None):
		v, sub, var = self.mk.email(sub)
		self.lab("EMAIL", v, sub, var, ctx)

	def ssn(self, ctx, sub=None):
		v, sub, var = self.mk.ssn(sub)
		self.lab("SSN", v, sub, var, ctx)

	def card(self, ctx, brand=None, fmt=None):
		v, sub, var = self.mk.card(brand, fmt)
		self.lab("CARD", v, sub, var, ctx)

	def iban(self, ctx, fmt=None):
		v, sub, var = self.mk.iban(fmt)
		self.lab("IBAN", v, sub, var, ctx)

	def ip(self, ctx, sub=None, bare=False):
		v, sub, var, pre, suf = self.mk.ip(sub)
		if bare:
			pre, suf = "", ""
			if var in ("port", "cidr", "url", "bracket-port", "zone") and sub != "IP/v6-compressed":
				sub = "IP/v4"
		self.t(pre)
		self.lab("IP", v, sub, var, ctx)
		self.t(suf)

	def text(self):
		return "".join(self.parts)


# ---- small pools ----------------------------------------------------------------

NAMES = ["Ana Ferreira", "Jakub Nowak", "Ingrid Solberg", "Tomáš Dvořák", "Mette Kjær", "Aino Virtanen",
	 "Emre Yılmaz", "Ioana Popescu", "Nikos Papadakis", "Yuki Sato", "Li Wei", "Priya Raman", "Seán Ó Briain",
	 "Chiara Lombardi", "Lucía Ortega", "Femke de Boer", "Jonas Albrecht", "Camille Lefèvre", "Grace Okafor",
	 "Marcus Hale"]
TS = ["2026-03-04T09:12:55Z", "2026-11-02 17:40:03", "[14:03]", "10:41 AM", "2025-12-30T23:59:01.118+01:00"]


def name(g):
	return g.choice(NAMES)


def hh(g):
	return "%02d:%02d" % (g.r.randint(7, 19), g.r.randint(0, 59))


# Context words: (language, phone words, email words, iban words, card words, ip words, ssn words)
PHONE_W = ["Phone", "Tel.", "Mobile", "Cell", "Fax", "Telefon", "Handy", "Mobilnummer", "Téléphone", "Portable",
	   "Tél.", "Telefono", "Cellulare", "Teléfono", "Móvil", "Telefoon", "Mobiel", "Telemóvel", "Telefone",
	   "Komórka", "Mobil", "Mobiltelefon", "Puhelin", "Telefonnummer", "Cep telefonu", "Τηλέφωνο", "電話番号",
	   "手机", "Telefon mobil", "Matkapuhelin"]
EMAIL_W = ["Email", "E-mail", "E-Mail-Adresse", "Courriel", "Adresse e-mail", "Posta elettronica",
	   "Correo electrónico", "E-mailadres", "Endereço de e-mail", "Adres e-mail", "E-post", "E-postadresse",
	   "Sähköposti", "E-posta", "Adresă de e-mail", "Ηλεκτρονικό ταχυδρομείο", "メールアドレス", "电子邮件", "Mail"]
IBAN_W = ["IBAN", "IBAN", "Kontonummer (IBAN)", "Numéro de compte (IBAN)", "Conto corrente IBAN", "Cuenta IBAN",
	  "Rekeningnummer", "Número de conta", "Numer rachunku", "Bankkonto", "Číslo účtu (IBAN)", "Tilinumero",
	  "Hesap numarası (IBAN)", "Cont IBAN", "Αριθμός λογαριασμού", "口座番号 (IBAN)", "银行账号"]
CARD_W = ["Card number", "Credit card", "Kreditkarte", "Carte bancaire", "Carta di credito", "Tarjeta",
	  "Creditcard", "Cartão de crédito", "Karta płatnicza", "Kortnummer", "Platební karta", "Luottokortti",
	  "Kredi kartı", "Card de credit", "Πιστωτική κάρτα", "クレジットカード番号", "信用卡号", "Visa", "PAN"]
IP_W = ["IP", "IP address", "IP-Adresse", "adresse IP", "indirizzo IP", "dirección IP", "IP-adres", "endereço IP",
	"adres IP", "IP-adress", "IP-adresse", "IP-osoite", "IP adresi", "adresa IP", "διεύθυνση IP", "IPアドレス",
	"IP地址", "host"]
SSN_W = ["SSN", "Social Security number", "social security no.", "SSN (US)", "Soc. Sec. #", "US Social Security"]


# ---- document shapes ------------------------------------------------------------
# Each shape writes one document. ctx flags are decided by the template text
# written right next to each value.

def s_chat_contact(d):
	g = d.g
	w = g.choice(PHONE_W)
	d.t(g.choice(["hey, can you update my profile? new ", "Please change the ", "Bitte aktualisieren: "]) + w + ": ")
	d.phone(True, ext=g.chance(0.25))
	d.t(g.choice([". thanks!", " 🙏", " — merci", ".\n", "!"]))
	d.t("\nAlso my build is on ")
	d.neg("version")
	d.t(" if that matters.")


def s_chat_noctx(d):
	g = d.g
	d.t(g.choice(["ok so the guy from the shop said it's ", "Notes from today: Jana -> ", "handover: "]))
	d.phone(False)
	d.t(g.choice([" after 5pm.", ", ask for Jana.", " (evenings)", "; weekdays only."]))
	d.t(" Order ")
	d.neg("order number")
	d.t(" still pending.")


def s_ticket(d):
	g = d.g
	d.t("Ticket #%d — %s\nStatus: open\n\nCustomer %s wrote:\n" % (g.r.randint(10000, 99999), g.choice(
		["Refund not received", "Cannot log in", "Wrong invoice address", "Double charge"]), name(g)))
	d.t("> I was charged twice on my %s " % g.choice(["card", "credit card", "Visa"]))
	d.card(True)
	d.t(" on ")
	d.neg("timestamp")
	d.t(".\n> You can reach me by e-mail at ")
	d.email(True)
	d.t(g.choice([" or", ", or"]) + " on my mobile ")
	d.phone(True)
	d.t(".\n\nInternal note: case linked to ")
	d.neg("order number")
	d.t(", amount ")
	d.neg("price")
	d.t(".")


def s_crm_json(d):
	g = d.g
	d.t('{"object":"contact","id":"cnt_%s","properties":{"firstname":"%s","lastname":"%s",' % (
		g.hexs(10), name(g).split()[0], name(g).split()[-1]))
	d.t('"email":"')
	d.email(True)
	d.t('","phone":"')
	d.phone(True)
	d.t('","mobilephone":"')
	d.phone(True)
	d.t('","hs_object_id":"')
	d.neg("order number", str(g.r.randint(1000000000, 99999999999)), "crm object id")
	d.t('","lastmodifieddate":"')
	d.neg("timestamp")
	d.t('"},"archived":false}')


def s_hr_json(d):
	g = d.g
	d.t('{\n  "employee": {\n    "name": "%s",\n    "ssn": "' % name(g))
	d.ssn(True)
	d.t('",\n    "bank": {"iban": "')
	d.iban(True)
	d.t('", "bic": "%s"},\n    "work_phone": "' % g.choice(["DEUTDEFF", "INGBNL2A", "BNPAFRPP", "UNCRITMM"]))
	d.phone(True)
	d.t('",\n    "badge": "')
	d.neg("UUID")
	d.t('",\n    "payroll_run": "')
	d.neg("order number")
	d.t('"\n  }\n}')


def s_billing_json(d):
	g = d.g
	d.t('{"invoice":{"number":"')
	d.neg("order number")
	d.t('","total":"')
	d.neg("price")
	d.t('","payment_method":{"type":"card","card":{"brand":"%s","number":"' % g.choice(["visa", "mc", "amex"]))
	d.card(True)
	d.t('","exp":"%02d/%02d"}},"customer":{"email":"' % (g.r.randint(1, 12), g.r.randint(27, 31)))
	d.email(True)
	d.t('"}}}')


def s_func_call(d):
	g = d.g
	d.t('{"tool_calls":[{"type":"function","function":{"name":"send_sms","arguments":"{\\"to\\": \\"')
	d.phone(True, sub=g.choice(["PHONE/E164-compact", "PHONE/UK-intl", "PHONE/DE-intl", "PHONE/NANP-plus1",
				    "PHONE/FR-intl", "PHONE/NL-intl", "PHONE/IT-intl", "PHONE/ES-intl", "PHONE/E164-spaced"]))
	d.t('\\", \\"body\\": \\"Your code expires at ')
	d.neg("timestamp")
	d.t('\\"}"}}]}')


def s_graphql(d):
	g = d.g
	d.t('{"data":{"viewer":{"login":"%s","organizations":{"nodes":[{"name":"acme"}]},"emails":["' % g.choice(
		pc.FIRST))
	d.email(True)
	d.t('","')
	d.email(True)
	d.t('"],"sessions":[{"ip":"')
	d.ip(True, bare=True)
	d.t('","userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/')
	d.neg("version", *("%d.0.%d.%d" % (g.r.randint(110, 131), g.r.randint(5000, 6800), g.r.randint(1, 250)),
			   "chrome"))
	d.t('"}]}}}')


def s_nginx(d):
	g = d.g
	d.ip(False, sub=g.choice(["IP/v4", "IP/v6-compressed", "IP/v6-full"]), bare=True)
	d.t(' - - [%02d/Mar/2026:%02d:%02d:%02d +0000] "GET /api/v2/orders/' % (
		g.r.randint(1, 28), g.r.randint(0, 23), g.r.randint(0, 59), g.r.randint(0, 59)))
	d.neg("order number", str(g.r.randint(100000000, 999999999)), "path id")
	d.t(' HTTP/1.1" 200 %d "-" "curl/' % g.r.randint(100, 99999))
	d.neg("version", "%d.%d.%d" % (g.r.randint(7, 8), g.r.randint(0, 12), g.r.randint(0, 9)), "semver")
	d.t('"\n')


def s_syslog(d):
	g = d.g
	d.t("%s web-0%d sshd[%d]: Failed password for invalid user admin from " % (
		g.choice(["Mar  3 04:11:09", "Nov 27 15:02:44"]), g.r.randint(1, 9), g.r.randint(1000, 65000)))
	d.ip(False, sub=g.choice(["IP/v4", "IP/v6-compressed"]), bare=True)
	d.t(" port %d ssh2\n" % g.r.randint(1024, 65535))
	d.t("%s web-0%d systemd-resolved[%d]: Using DNS server " % ("Nov 27 15:02:45", g.r.randint(1, 9),
								    g.r.randint(100, 999)))
	d.neg("non-identifying address", "127.0.0.53", "loopback v4")
	d.t(" for interface lo.")


def s_jsonlog(d):
	g = d.g
	d.t('{"level":"warn","ts":')
	d.neg("timestamp", str(g.r.randint(1700000000, 1800000000)) + "." + g.digits(3), "epoch-s frac")
	d.t(',"msg":"rate limited","remote_addr":"')
	d.ip(True, sub="IP/v4", bare=True)
	d.t('","x_forwarded_for":"')
	d.ip(False, sub=g.choice(["IP/v4", "IP/v6-compressed", "IP/v6-ipv4"]), bare=True)
	d.t('","listen":"')
	d.neg("non-identifying address")
	d.t(':8080","trace_id":"')
	d.neg("hash", g.hexs(32), "trace id")
	d.t('"}')


def s_winevent(d):
	g = d.g
	d.t("Log Name: Security\nSource: Microsoft-Windows-Security-Auditing\nEvent ID: 4625\nTask Category: Logon\n"
	    "An account failed to log on.\nNetwork Information:\n\tWorkstation Name: DESKTOP-%s\n\tSource Network "
	    "Address:\t" % g.letters(6))
	d.ip(True, sub=g.choice(["IP/v4", "IP/v6-compressed", "IP/v6-full"]), bare=True)
	d.t("\n\tSource Port:\t%d\nProcess Information:\n\tCaller Process ID:\t0x%x\nOS Build: " % (
		g.r.randint(1024, 65535), g.r.randint(100, 9999)))
	d.neg("version", "10.0.%d.%d" % (g.r.randint(17763, 26100), g.r.randint(1, 4000)), "windows")


def s_k8s_events(d):
	g = d.g
	d.t("LAST SEEN   TYPE      REASON      OBJECT                MESSAGE\n")
	d.t("%dm         Warning   Unhealthy   pod/api-%s   Readiness probe failed: Get \"http://" % (
		g.r.randint(1, 59), g.hexs(5)))
	d.ip(False, sub="IP/v4", bare=True)
	d.t(":8080/ready\": context deadline exceeded\n")
	d.t("%dm         Normal    Pulled      pod/api-%s   Container image \"" % (g.r.randint(1, 59), g.hexs(5)))
	d.neg("@ but not an e-mail", *("registry.example.com/api@sha256:" + g.hexs(64), "docker digest"))
	d.t("\" already present on machine")


def s_k8s_yaml(d):
	g = d.g
	d.t("apiVersion: v1\nkind: Service\nmetadata:\n  name: billing\n  annotations:\n    owner-email: ")
	d.email(True)
	d.t("\nspec:\n  type: LoadBalancer\n  loadBalancerIP: ")
	d.ip(True, sub="IP/v4", bare=True)
	d.t("\n  clusterIP: ")
	d.ip(True, sub="IP/v4", bare=True)
	d.t("\n  ports:\n    - port: 443\n---\n# chart version ")
	d.neg("version")
	d.t("\n")


def s_terraform(d):
	g = d.g
	d.t('resource "aws_security_group_rule" "office" {\n  type        = "ingress"\n  cidr_blocks = ["')
	v, sub, var, pre, suf = d.mk.ip("IP/v4")
	d.lab("IP", v, "IP/v4-port-cidr", "cidr", False)
	d.t('/32"]\n  description = "VPN egress"\n}\n\nresource "aws_route53_record" "www" {\n  ttl     = 300\n  '
	    'records = ["')
	d.ip(False, sub="IP/v6-compressed", bare=True)
	d.t('"]\n}\n# provider ')
	d.neg("version", "~> %d.%d" % (g.r.randint(3, 5), g.r.randint(0, 80)), "constraint")
	d.t("\n")


def s_env(d):
	g = d.g
	d.t("# .env.production\nDATABASE_HOST=")
	d.ip(True, sub=g.choice(["IP/v4", "IP/v6-compressed"]), bare=True)
	d.t("\nSMTP_FROM=")
	d.email(True)
	d.t("\nSUPPORT_PHONE=")
	d.phone(True)
	d.t("\nBIND_ADDR=")
	d.neg("non-identifying address")
	d.t("\nAPP_VERSION=")
	d.neg("version")
	d.t("\n")


def s_ini(d):
	g = d.g
	d.t("[notifications]\nalert_email = ")
	d.email(True)
	d.t("\noncall_mobile = ")
	d.phone(True)
	d.t("\nretries = 3\n\n[build]\nfirmware = ")
	d.neg("version", "%d.%d.%d.%d" % (g.r.randint(1, 9), g.r.randint(0, 9), g.r.randint(0, 99),
					   g.r.randint(0, 999)), "four-part")
	d.t("\n")


def s_sql(d):
	g = d.g
	d.t("INSERT INTO customers (id, full_name, email, phone, ssn, created_at) VALUES\n  (%d, '%s', '" % (
		g.r.randint(1, 99999), name(g).replace("'", "''")))
	d.email(True)
	d.t("', '")
	d.phone(True)
	d.t("', '")
	d.ssn(True)
	d.t("', '")
	d.neg("timestamp")
	d.t("');\nSELECT * FROM orders WHERE customer_id = ")
	d.neg("@ but not an e-mail", "@customer_id", "sql var")
	d.t(";")


def s_psql(d):
	g = d.g
	d.t(" id  |        email              |     phone        | plan\n-----+---------------------------+------------------+------\n")
	for _ in range(g.r.randint(2, 3)):
		d.t(" %-3d | " % g.r.randint(1, 999))
		d.email(True)
		d.t(" | ")
		d.phone(True)
		d.t(" | %s\n" % g.choice(["pro", "free", "team"]))
	d.t("(%d rows)\n" % g.r.randint(2, 3))


def s_mysql(d):
	g = d.g
	d.t("+----+-----------------+------------------+\n| id | card_number     | last_login_ip    |\n"
	    "+----+-----------------+------------------+\n")
	for _ in range(2):
		d.t("| %2d | " % g.r.randint(1, 99))
		d.card(True, fmt="plain")
		d.t(" | ")
		d.ip(True, sub="IP/v4", bare=True)
		d.t(" |\n")
	d.t("+----+-----------------+------------------+\n2 rows in set (0.00 sec)")


def s_csv(d):
	g = d.g
	d.t("name,telefon,e-post,konto\n")
	for _ in range(2):
		d.t(name(g) + ",")
		d.phone(True)
		d.t(",")
		d.email(True)
		d.t(",")
		d.iban(True, "compact")
		d.t("\n")


def s_tsv(d):
	g = d.g
	d.t("Mitarbeiter\tDurchwahl\tMobil\tRaum\n")
	for _ in range(2):
		d.t(name(g) + "\t")
		d.t(str(g.r.randint(100, 899)))
		d.t("\t")
		d.phone(True, sub=g.choice(["PHONE/DE-national", "PHONE/DE-intl", "PHONE/NL-national", "PHONE/UK-national"]))
		d.t("\t%s.%02d\n" % (g.choice("ABC"), g.r.randint(1, 40)))
	d.t("Stand: ")
	d.neg("timestamp")


def s_md_table(d):
	g = d.g
	d.t("| Kunde | Rekeningnummer | Bedrag |\n|---|---|---|\n")
	for _ in range(2):
		d.t("| %s | " % name(g))
		d.iban(True)
		d.t(" | ")
		d.neg("price")
		d.t(" |\n")


def s_html_table(d):
	g = d.g
	d.t("<table><thead><tr><th>Nom</th><th>Portable</th><th>Courriel</th></tr></thead><tbody>\n")
	for _ in range(2):
		d.t("<tr><td>%s</td><td>" % name(g))
		d.phone(True, sub=g.choice(["PHONE/FR-national", "PHONE/FR-intl", "PHONE/FR-national"]))
		d.t("</td><td><a href=\"mailto:")
		d.email(True)
		d.t("\">écrire</a></td></tr>\n")
	d.t("</tbody></table>")


def s_html_form(d):
	g = d.g
	d.t('<form action="/checkout" method="post">\n  <input type="email" name="email" value="')
	d.email(True)
	d.t('">\n  <input type="tel" name="phone" value="')
	d.phone(True)
	d.t('">\n  <input name="cc-number" autocomplete="cc-number" value="')
	d.card(True)
	d.t('">\n  <input type="hidden" name="csrf" value="')
	d.neg("hash")
	d.t('">\n</form>')


def s_email_headers(d):
	g = d.g
	d.t("From: \"%s\" <" % name(g))
	d.email(False)
	d.t(">\nTo: ")
	d.email(False)
	d.t(", %s <" % name(g))
	d.email(False)
	d.t(">\nCc: <")
	d.email(False)
	d.t(">\nMessage-ID: <%s@mx.example.net>\nDate: Tue, 3 Mar 2026 09:14:22 +0100\nX-Originating-IP: [" % g.hexs(16))
	d.ip(True, sub="IP/v4", bare=True)
	d.t("]\nSubject: Re: contract renewal\n")


def s_email_thread(d):
	g = d.g
	d.t("Sounds good, I'll send the signed copy today.\n\nOn %s, %s wrote:\n> Please confirm the "
	    "bank account for the refund:\n> " % (g.choice(["Mon, Mar 2, 2026 at 4:11 PM", "2026-03-02 16:11"]), name(g)))
	d.iban(True)
	d.t("\n> and your phone, in case the bank calls back:\n> ")
	d.phone(True)
	d.t("\n>\n> Regards,\n> Accounts Payable\n")


def s_signature(d):
	g = d.g
	d.t("Best regards,\n\n%s\nHead of Partnerships\n" % name(g))
	w = g.choice(["T", "M", "Tel", "Mob", "Phone", "Mobile", "Tél."])
	d.t(w + ": ")
	d.phone(True, ext=g.chance(0.6))
	d.t("\n")
	d.email(False)
	d.t("\nwww.example.com | Reg. no. ")
	d.neg("phone-like number, non-phone context", g.digits(8, "123456789"), "company registration")
	d.t("\n")


def s_vcard(d):
	g = d.g
	n = name(g)
	d.t("BEGIN:VCARD\nVERSION:3.0\nFN:%s\nTEL;TYPE=CELL:" % n)
	d.phone(True)
	d.t("\nTEL;TYPE=WORK,VOICE:")
	d.phone(True, ext=g.chance(0.5))
	d.t("\nEMAIL;TYPE=INTERNET:")
	d.email(True)
	d.t("\nREV:")
	d.neg("timestamp", "2026%02d%02dT%02d%02d%02dZ" % (g.r.randint(1, 12), g.r.randint(1, 28), g.r.randint(0, 23),
							       g.r.randint(0, 59), g.r.randint(0, 59)), "vcard rev")
	d.t("\nEND:VCARD")


def s_ldif(d):
	g = d.g
	uid = g.choice(pc.FIRST)
	d.t("dn: uid=%s,ou=people,dc=example,dc=com\nobjectClass: inetOrgPerson\nmail: " % uid)
	d.email(True)
	d.t("\ntelephoneNumber: ")
	d.phone(True)
	d.t("\nmobile: ")
	d.phone(True)
	d.t("\nuidNumber: ")
	d.neg("quantity / size", str(g.r.randint(10000, 99999)), "uid")
	d.t("\n")


def s_http(d):
	g = d.g
	d.t("POST /v1/signup HTTP/1.1\nHost: api.example.com\nX-Forwarded-For: ")
	d.ip(False, sub=g.choice(["IP/v4", "IP/v6-compressed"]), bare=True)
	d.t(", ")
	d.ip(False, sub="IP/v4", bare=True)
	d.t("\nContent-Type: application/x-www-form-urlencoded\n\nemail=")
	loc = g.choice(["jane.doe", "o%27neill", "first_last%2Bnews", "m.rossi", "k.nowak%2Bshop"])
	dom = g.choice(NEW_DOMAINS)
	d.lab("EMAIL", loc + "%40" + dom, "EMAIL/plus-tag" if "%2B" in loc else "EMAIL/basic", "percent-encoded", True)
	d.t("&plan=pro&ref=")
	d.neg("order number")


def s_mailto(d):
	g = d.g
	d.t(g.choice(["Questions? [Write to us](mailto:", "Fragen? <a href=\"mailto:", "Contactez-nous : mailto:"]))
	d.email(True)
	d.t("?subject=%s" % g.choice(["Order%20" + str(g.r.randint(1000, 9999)), "Support", "Hello"]))
	d.t(g.choice([")", "\">Mail</a>", " "]))
	d.t(" — or install ")
	d.neg("@ but not an e-mail")
	d.t(".")


def s_stack(d):
	g = d.g
	d.t("Traceback (most recent call last):\n  File \"/srv/app/notify.py\", line %d, in send\n    "
	    "smtp.sendmail(sender, [rcpt], msg)\nsmtplib.SMTPRecipientsRefused: {'" % g.r.randint(10, 400))
	d.email(True)
	d.t("': (550, b'5.1.1 mailbox unavailable')}\n  connecting to ")
	d.ip(True, sub="IP/v4-port-cidr")
	d.t("\n")


def s_java_stack(d):
	g = d.g
	d.t("java.net.ConnectException: Connection refused (Connection refused) to address /")
	d.ip(True, sub=g.choice(["IP/v4", "IP/v6-full"]), bare=True)
	d.t(":%d\n\tat java.base/sun.nio.ch.Net.connect0(Native Method)\n\tat com.acme.billing.Client.call(Client.java:%d)\n"
	    "Caused by: lib " % (g.r.randint(1000, 9999), g.r.randint(10, 999)))
	d.neg("version", "org.postgresql:postgresql:%d.%d.%d" % (g.r.randint(40, 42), g.r.randint(0, 7), g.r.randint(0, 9)),
	      "maven coordinate")
	d.t("\n")


def s_diff(d):
	g = d.g
	d.t("diff --git a/config/contacts.yml b/config/contacts.yml\n@@ -3,4 +3,4 @@ escalation:\n-  phone: \"")
	d.phone(True)
	d.t("\"\n+  phone: \"")
	d.phone(True)
	d.t("\"\n   email: ")
	d.email(True)
	d.t("\n-  version: ")
	d.neg("version")
	d.t("\n")


def s_jupyter(d):
	g = d.g
	d.t('{"cell_type":"code","execution_count":%d,"outputs":[{"name":"stdout","output_type":"stream","text":["' %
	    g.r.randint(1, 90))
	d.t("customer_id  iban\\n\",\"0  ")
	d.iban(True, "compact")
	d.t("\\n\",\"1  ")
	d.iban(True, "compact")
	d.t('\\n"]}],"source":["df[[\\"customer_id\\", \\"iban\\"]].head(2)"],"metadata":{"id":"')
	d.neg("UUID")
	d.t('"}}')


def s_protobuf(d):
	g = d.g
	d.t("contact {\n  display_name: \"%s\"\n  phone_number: \"" % name(g))
	d.phone(True, sub=g.choice(["PHONE/E164-compact", "PHONE/NANP-plus1", "PHONE/UK-intl", "PHONE/IT-intl"]))
	d.t("\"\n  email_address: \"")
	d.email(True)
	d.t("\"\n  client_ip: \"")
	d.ip(True, bare=True, sub=g.choice(["IP/v4", "IP/v6-compressed", "IP/v6-full"]))
	d.t("\"\n  revision: %d\n}\n" % g.r.randint(1, 99))


def s_soap(d):
	g = d.g
	d.t("<soapenv:Envelope><soapenv:Body><pain:CdtTrfTxInf><pain:Amt><pain:InstdAmt Ccy=\"EUR\">")
	d.neg("price", "%d.%02d" % (g.r.randint(10, 99999), g.r.randint(0, 99)), "xml amount")
	d.t("</pain:InstdAmt></pain:Amt><pain:CdtrAcct><pain:Id><pain:IBAN>")
	d.iban(True, "compact")
	d.t("</pain:IBAN></pain:Id></pain:CdtrAcct><pain:EndToEndId>")
	d.neg("order number")
	d.t("</pain:EndToEndId></pain:CdtTrfTxInf></soapenv:Body></soapenv:Envelope>")


def s_fhir(d):
	g = d.g
	d.t('{"resourceType":"Patient","id":"')
	d.neg("UUID")
	d.t('","identifier":[{"system":"http://hl7.org/fhir/sid/us-ssn","value":"')
	d.ssn(True)
	d.t('"}],"telecom":[{"system":"phone","value":"')
	d.phone(True)
	d.t('","use":"mobile"},{"system":"email","value":"')
	d.email(True)
	d.t('"}],"birthDate":"19%02d-%02d-%02d"}' % (g.r.randint(40, 99), g.r.randint(1, 12), g.r.randint(1, 28)))


def s_hl7(d):
	g = d.g
	d.t("MSH|^~\\&|LAB|HOSP|EHR|HOSP|%s||ADT^A04|MSG%d|P|2.5.1\rPID|1||%d^^^HOSP^MR||%s^%s||19%02d0412|F|||" % (
		g.choice(["20260304101500", "20251130081200"]), g.r.randint(10000, 99999), g.r.randint(100000, 999999),
		g.choice(pc.LAST).upper(), g.choice(pc.FIRST).upper(), g.r.randint(40, 99)))
	d.t("12 Elm St^^Springfield^IL^62704||")
	d.phone(False, sub=g.choice(["PHONE/NANP-paren", "PHONE/NANP-dashed", "PHONE/NANP-plain"]))
	d.t("|||||||")
	d.ssn(False)
	d.t("\r")


def s_ocr_invoice(d):
	g = d.g
	d.t("RECHNUNG Nr. ")
	d.neg("order number")
	d.t("    Datum  %02d.%02d.2026\nPos  Menge  Artikel             Betrag\n1    %d     Toner TN-%d        " % (
		g.r.randint(1, 28), g.r.randint(1, 12), g.r.randint(1, 9), g.r.randint(200, 999)))
	d.neg("price")
	d.t("\nBitte überweisen Sie auf IBAN ")
	d.iban(True, "grouped")
	d.t(" , BIC  %s\nUSt-IdNr. DE%s   Tel. " % (g.choice(["COBADEFFXXX", "GENODEF1S04"]), g.digits(9)))
	d.phone(True, sub=g.choice(["PHONE/DE-national", "PHONE/DE-intl"]))
	d.t("\n")


def s_receipt(d):
	g = d.g
	d.t("  CAFÉ LUMEN\n  TERMINAL %s  TRANS %d\n  VISA CONTACTLESS\n  " % (g.digits(8), g.r.randint(1000, 9999)))
	d.t("************%s\n  TOTAL EUR %d,%02d\n  AID A0000000031010\n  SERIAL NO " % (
		g.digits(4), g.r.randint(2, 80), g.r.randint(0, 99)))
	d.neg("phone-like number, non-phone context", g.digits(10, "123456789"), "terminal serial")
	d.t("\n")


def s_bank_statement(d):
	g = d.g
	d.t("Kontoauszug %d/2026\nBuchungstag  Verwendungszweck                          Betrag\n" % g.r.randint(1, 12))
	d.t("%02d.%02d.   SEPA-Überweisung an %s IBAN " % (g.r.randint(1, 28), g.r.randint(1, 12), name(g)))
	d.iban(True)
	d.t(" Ref ")
	d.neg("order number")
	d.t("   -")
	d.neg("price", "%d,%02d" % (g.r.randint(1, 9999), g.r.randint(0, 99)), "de amount")
	d.t("\n%02d.%02d.   Lastschrift Mandat %s Gläubiger-ID DE98ZZZ0000%s\n" % (g.r.randint(1, 28), g.r.randint(1, 12),
										     g.hexs(8).upper(), g.digits(7)))


def s_manifest(d):
	g = d.g
	d.t("SHIPMENT MANIFEST\nAWB: ")
	d.neg("tracking number")
	d.t("\nConsignee: %s\nConsignee phone: " % name(g))
	d.phone(True)
	d.t("\nPieces: %d   Gross wt: %.1f kg   HS code: %s\nDevice IMEI: " % (g.r.randint(1, 40), g.r.uniform(1, 900),
									g.digits(6)))
	d.neg("IMEI (Luhn-valid)")
	d.t("\nSIM ICCID: ")
	d.neg("ICCID (Luhn-valid)")
	d.t("\n")


def s_slack(d):
	g = d.g
	d.t('[{"ts":"%d.%06d","user":"U0%s","text":"<@U0%s> the vendor\'s contact is ' % (
		g.r.randint(1700000000, 1800000000), g.r.randint(0, 999999), g.letters(8), g.letters(8)))
	d.t("<mailto:")
	v, sub, var = d.mk.email()
	d.lab("EMAIL", v, sub, var, True)
	d.t("|")
	d.lab("EMAIL", v, sub, var, True)
	d.t(">, phone ")
	d.phone(True)
	d.t(' :telephone_receiver:"}]')


def s_transcript(d):
	g = d.g
	a, b = name(g).split()[0], name(g).split()[0]
	d.t("[%s] %s: ok, what's the best number for the courier?\n" % (hh(g), a))
	d.t("[%s] %s: my mobile is " % (hh(g), b))
	d.phone(True)
	d.t(g.choice([", yeah.", ". Actually wait—", "…", " ok?"]))
	d.t("\n[%s] %s: and the card ending in %s, the full number is " % (hh(g), a, g.digits(4)))
	d.card(True)
	d.t("\n[%s] %s: got it, reference " % (hh(g), b))
	d.neg("order number")
	d.t("\n")


def s_pdf_columns(d):
	g = d.g
	d.t("3.2 Payment terms Zahlungsbedingungen gemäß Ziffer ")
	d.neg("OID / section number", "%d.%d.%d" % (g.r.randint(1, 9), g.r.randint(1, 9), g.r.randint(1, 9)), "clause")
	d.t(" Kontoinhaber %s Bank account IBAN " % name(g))
	d.iban(True)
	d.t(" Ansprech- partner: %s Telefon " % name(g))
	d.phone(True)
	d.t(" Seite %d von %d\n" % (g.r.randint(1, 4), g.r.randint(5, 9)))


def s_rag_chunk(d):
	g = d.g
	d.t("...der Vertrag verlängert sich auto- matisch um zwölf Monate (vgl. Abschnitt ")
	d.neg("OID / section number")
	d.t("). Kündigungen sind schriftlich zu rich- ten an: Datenschutz, E-Mail ")
	d.email(True)
	d.t(", oder per Fax an ")
	d.phone(True, sub=g.choice(["PHONE/DE-national", "PHONE/DE-intl", "PHONE/E164-spaced"]))
	d.t(". Die Firmware ")
	d.neg("version")
	d.t(" ist davon ausgenommen...")


def s_letter(d):
	g = d.g
	lang = g.choice(["fr", "it", "es", "nl", "pt", "pl"])
	if lang == "fr":
		d.t("Madame, Monsieur,\nVeuillez trouver ci-joint mon RIB. Mon numéro de compte (IBAN) : ")
		d.iban(True)
		d.t(". Vous pouvez me joindre au ")
		d.phone(True, sub=g.choice(["PHONE/FR-national", "PHONE/FR-intl"]))
		d.t(" (portable).\nCordialement.")
	elif lang == "it":
		d.t("Gentile cliente,\nla fattura n. ")
		d.neg("order number")
		d.t(" è stata emessa. Per informazioni: cellulare ")
		d.phone(True, sub=g.choice(["PHONE/IT-national", "PHONE/IT-intl"]))
		d.t(", posta elettronica ")
		d.email(True)
		d.t(".\nDistinti saluti")
	elif lang == "es":
		d.t("Estimado cliente:\nSu pedido ")
		d.neg("order number")
		d.t(" ha sido enviado. Teléfono de atención: ")
		d.phone(True, sub=g.choice(["PHONE/ES-national", "PHONE/ES-intl"]))
		d.t(". Importe: ")
		d.neg("price")
		d.t(".")
	elif lang == "nl":
		d.t("Beste klant,\nWij schrijven het bedrag af van rekeningnummer ")
		d.iban(True)
		d.t(". Vragen? Bel ons mobiel nummer ")
		d.phone(True, sub=g.choice(["PHONE/NL-national", "PHONE/NL-intl"]))
		d.t(".")
	elif lang == "pt":
		d.t("Prezado cliente, o seu telemóvel ")
		d.phone(True, sub="PHONE/E164-spaced")
		d.t(" foi associado à conta. Endereço de e-mail: ")
		d.email(True)
		d.t(".")
	else:
		d.t("Szanowni Państwo, proszę o zwrot na numer rachunku ")
		d.iban(True)
		d.t(". Mój telefon komórkowy: ")
		d.phone(True, sub="PHONE/E164-compact")
		d.t(". Nr zamówienia ")
		d.neg("order number")
		d.t(".")


def s_nordic_misc(d):
	g = d.g
	lang = g.choice(["sv", "da", "no", "fi", "cs", "tr", "ro", "el", "ja", "zh"])
	w_ph = {"sv": "Mobilnummer", "da": "Mobilnummer", "no": "Mobiltelefon", "fi": "Puhelin", "cs": "Telefon",
		"tr": "Cep telefonu", "ro": "Telefon mobil", "el": "Τηλέφωνο", "ja": "電話番号", "zh": "手机号"}[lang]
	w_em = {"sv": "e-post", "da": "e-mail", "no": "e-post", "fi": "sähköposti", "cs": "e-mail", "tr": "e-posta",
		"ro": "e-mail", "el": "email", "ja": "メール", "zh": "邮箱"}[lang]
	sep = "：" if lang in ("ja", "zh") else ": "
	d.t(w_ph + sep)
	d.phone(True, sub=g.choice(PHONE_SUBS))
	d.t("\n" + w_em + sep)
	d.email(True)
	d.t(g.choice(["\n", "。\n", " ✅\n"]))
	d.t({"sv": "Ordernummer ", "da": "Ordrenummer ", "no": "Ordrenummer ", "fi": "Tilausnumero ",
	     "cs": "Číslo objednávky ", "tr": "Sipariş no ", "ro": "Comanda nr. ", "el": "Παραγγελία ",
	     "ja": "注文番号 ", "zh": "订单号 "}[lang])
	d.neg("order number")


def s_ip_devops(d):
	g = d.g
	d.t(g.choice(["can't ssh into the box, ", "pinging ", "the LB health check hits "]))
	d.ip(False, sub=g.choice(IP_SUBS))
	d.t(g.choice([" times out", " — any idea?", ", then 502s", "; firewall?"]))
	d.t(". Router MAC ")
	d.neg("MAC address")
	d.t(", kernel ")
	d.neg("version", *("%d.%d.%d-%d-generic" % (g.r.randint(5, 6), g.r.randint(0, 15), g.r.randint(0, 200),
						      g.r.randint(1, 120)), "kernel"))
	d.t(".")


def s_ip_list(d):
	g = d.g
	d.t(g.choice(["allowlist: ", "Upstreams", "peers = "]))
	sep = g.choice([" / ", "; ", " | ", "\t", ", "])
	if not d.parts[-1].endswith(" "):
		d.t(": ")
	for i in range(3):
		if i:
			d.t(sep)
		d.ip(False, sub=g.choice(IP_SUBS))
	d.t(g.choice(["", ".", " (edge)"]))
	d.t("\nlisten ")
	d.neg("non-identifying address")
	d.t(" only for local tests.")


def s_ipv6_doc(d):
	g = d.g
	d.t("ip -6 addr show dev eth0\n    inet6 ")
	d.ip(True, sub=g.choice(["IP/v6-full", "IP/v6-compressed"]), bare=True)
	d.t("/64 scope global dynamic\n    inet6 ")
	v = "fe80::" + ":".join(g.hexs(4).lstrip("0") or "1" for _ in range(4))
	d.lab("IP", v, "IP/v6-compressed", "link-local /64", True)
	d.t("/64 scope link\n$ ping6 ")
	d.neg("non-identifying address", "::1", "loopback v6")
	d.t("\n")


def s_ssn_form(d):
	g = d.g
	d.t(g.choice(["W-4 Employee's Withholding Certificate\n", "Form I-9, Section 1\n", "APPLICATION FOR CREDIT\n"]))
	d.t("Last name: %s   First name: %s\n" % (name(g).split()[-1], name(g).split()[0]))
	d.t(g.choice(SSN_W) + ": ")
	d.ssn(True)
	d.t("\nEmployer Identification Number (EIN): ")
	d.neg("EIN")
	d.t("\nRouting number: ")
	d.neg("ABA routing number")
	d.t("\n")


def s_ssn_ocr(d):
	g = d.g
	d.t("SOCIAL SECURITY ")
	d.ssn(True)
	d.t(" THIS NUMBER HAS BEEN ESTABLISHED FOR\n%s\nSIGNATURE ____________\n" % name(g).upper())


def s_ssn_noctx(d):
	g = d.g
	d.t(g.choice(["Applicant: %s, DOB 03/14/1987, ", "Member %s — id on file "]) % name(g))
	d.ssn(False)
	d.t(g.choice([". Verified.", " ✔", "; pending review."]))
	d.t(" Not to be confused with the old test value ")
	d.neg("invalid SSN")
	d.t(" from the sample form.")


def s_ssn_neg(d):
	g = d.g
	d.t("QA note: the validator must reject SSN ")
	d.neg("invalid SSN")
	d.t(" and ")
	d.neg("invalid SSN")
	d.t(" (invalid area/group/serial) but accept the real one on file, SSN ")
	d.ssn(True)
	d.t(".")


def s_card_chat(d):
	g = d.g
	d.t(g.choice(["pls charge this one instead: ", "new card → ", "Use my other credit card "]))
	d.card("card" in d.parts[-1])
	d.t(g.choice([" exp 09/29", ", cvc on the back", "!", "."]))


def s_card_neg(d):
	g = d.g
	d.t("Gift voucher code ")
	d.neg("card failing Luhn")
	d.t(" was redeemed; tracking ")
	d.neg("tracking number")
	d.t(". The phone's IMEI is ")
	d.neg("IMEI (Luhn-valid)")
	d.t(".")


def s_iban_chat(d):
	g = d.g
	d.t(g.choice(["Send the deposit to ", "Überweisung bitte an ", "Paiement sur "]))
	d.iban(False)
	d.t(g.choice([" before Friday.", ", danke!", " (Crédit Agricole).", "; ref. "]))
	d.t(" Not ")
	d.neg("IBAN failing mod-97")
	d.t(" — that one had a typo.")


def s_email_noctx(d):
	g = d.g
	d.t(g.choice(["cc ", "loop in ", "ask ", "ping "]))
	d.email(False)
	d.t(g.choice([" on this?", " before merging", ", thx", "!"]))
	d.t(" (see ")
	d.neg("@ but not an e-mail")
	d.t(")")


def s_at_negs(d):
	g = d.g
	d.t("```\n$ git clone ")
	d.neg("@ but not an e-mail", *neg_at_kind(g, "git remote"))
	d.t("\n")
	d.neg("@ but not an e-mail", *neg_at_kind(g, "shell prompt"))
	d.t(":~$ npm i ")
	d.neg("@ but not an e-mail", *neg_at_kind(g, "scoped pin"))
	d.t("\n```\n```css\n")
	d.neg("@ but not an e-mail", *neg_at_kind(g, "css"))
	d.t(" (max-width: 600px) { .x { color: red } }\n```\nMaintainer: ")
	d.email(False)
	d.t("\n")


def neg_at_kind(g, k):
	while True:
		v, kk = neg_at(g)
		if kk == k:
			return v, kk


def s_python(d):
	g = d.g
	d.t("```python\n")
	d.neg("@ but not an e-mail", *neg_at_kind(g, "decorator"))
	d.t("\ndef test_notify():\n    send(to=\"")
	d.email(False)
	d.t("\", host=\"")
	d.ip(True, sub=g.choice(["IP/v4", "IP/v6-compressed"]), bare=True)
	d.t("\")\n    assert VERSION == \"")
	d.neg("version")
	d.t("\"\n```")


def s_devtools(d):
	g = d.g
	d.t("Request URL: https://api.example.com/v1/users?email=")
	loc = g.choice(["anna.berg", "t.novak%2Bdev", "o%27hara", "li.wei"])
	d.lab("EMAIL", loc + "%40" + g.choice(NEW_DOMAINS), "EMAIL/plus-tag" if "%2B" in loc else "EMAIL/basic",
	      "percent-encoded query", True)
	d.t("\nRequest Method: GET\nStatus Code: 200 OK\nRemote Address: ")
	d.ip(True, sub=g.choice(["IP/v4-port-cidr", "IP/v6-compressed"]))
	d.t("\nReferrer Policy: strict-origin\netag: W/\"")
	d.neg("hash")
	d.t("\"")


def s_mixed_noise(d):
	g = d.g
	d.t("Build ")
	d.neg("version")
	d.t(" shipped at ")
	d.neg("timestamp")
	d.t("; checksum ")
	d.neg("hash")
	d.t("; pickup point ")
	d.neg("coordinates")
	d.t("; OID ")
	d.neg("OID / section number")
	d.t("; device ")
	d.neg("MAC address")
	d.t("; size ")
	d.neg("quantity / size")
	d.t(" bytes.")


def s_phone_neg(d):
	g = d.g
	d.t(g.choice(["ISBN ", "Ref. ", "Order #", "EAN "]))
	d.neg("phone-like number, non-phone context")
	d.t(g.choice([" is out of print.", " shipped.", " (backorder).", " – see catalogue."]))
	d.t(" Helpdesk phone: ")
	d.phone(True)
	d.t(".")


def s_multi_values_sep(d):
	g = d.g
	sep = g.choice([" / ", "; ", " | ", "\t"])
	d.t(g.choice(["Tel" + sep, "phones: ", "Telefon/Fax: "]))
	d.phone(True, ext=g.chance(0.5))
	d.t(sep)
	d.phone(True)
	d.t("\nE-Mail: ")
	d.email(True)
	d.t(sep)
	d.email(True)
	d.t("\n")


def s_long_doc(d):
	"""Numbers and addresses deep inside a long document."""
	g = d.g
	filler = ["The committee reviewed the quarterly figures and agreed to defer the decision. ",
		  "Section headings were renumbered to match the new template. ",
		  "Attendance was lower than usual because of the public holiday. ",
		  "All action items from the previous meeting were closed except one. ",
		  "Der Bericht wurde ohne Änderungen angenommen. ",
		  "La séance est levée à dix-huit heures. "]
	for _ in range(g.r.randint(8, 14)):
		d.t(g.choice(filler))
	d.t("Budget line ")
	d.neg("price")
	d.t(" was approved. ")
	for _ in range(g.r.randint(6, 12)):
		d.t(g.choice(filler))
	k = g.choice(["phone", "email", "iban", "card"])
	if k == "phone":
		d.t("For questions, the secretary's phone is ")
		d.phone(True)
	elif k == "email":
		d.t("Minutes are archived; send corrections by e-mail to ")
		d.email(True)
	elif k == "iban":
		d.t("Membership fees go to the association's account, IBAN ")
		d.iban(True)
	else:
		d.t("The travel expenses were paid with the company credit card ")
		d.card(True)
	d.t(". ")
	for _ in range(g.r.randint(4, 10)):
		d.t(g.choice(filler))


def s_jira(d):
	g = d.g
	d.t("**Steps to reproduce**\n1. Log in as `")
	d.email(True)
	d.t("` (test email)\n2. Open `/settings/billing`\n3. Enter card `")
	d.card(True)
	d.t("`\n\n**Expected** saved\n**Actual** HTTP 500, see ")
	d.neg("order number", "%s-%d" % (g.choice(["PAY", "CORE", "WEB"]), g.r.randint(1, 9999)), "jira")
	d.t("\n\n```\nclient ip=")
	d.ip(True, sub="IP/v4", bare=True)
	d.t(" ua=okhttp/")
	d.neg("version")
	d.t("\n```")


def s_phone_weak_noctx(d):
	g = d.g
	d.t(g.choice(["%s — ", "%s\n", "%s: "]) % name(g))
	d.phone(False, sub=d.mk.nxt("weak-noctx", ["PHONE/UK-national", "PHONE/DE-national", "PHONE/FR-national",
						     "PHONE/IT-national", "PHONE/ES-national", "PHONE/NL-national",
						     "PHONE/NANP-plain"]))
	d.t(g.choice(["", ".", " (after 6)", "\n"]))


def s_phone_weak_ctx(d):
	g = d.g
	d.t(g.choice(PHONE_W) + g.choice([": ", " ", " – ", ":\u00a0"]))
	d.phone(True, sub=d.mk.nxt("weak-ctx", ["PHONE/UK-national", "PHONE/DE-national", "PHONE/FR-national",
						  "PHONE/IT-national", "PHONE/ES-national", "PHONE/NL-national",
						  "PHONE/NANP-plain"]), ext=g.chance(0.35))
	d.t(g.choice(["", ".", ";", ")", "!", " (Zentrale)", " 📞"]))


def s_ctx_words(d):
	g = d.g
	typ = g.choice(["EMAIL", "IBAN", "CARD", "IP"])
	w = {"EMAIL": EMAIL_W, "IBAN": IBAN_W, "CARD": CARD_W, "IP": IP_W}[typ]
	wrap = g.choice([("", ""), ("(", ")"), ("\"", "\""), ("'", "'"), ("[", "]"), ("<", ">"), ("`", "`"),
			 ("«", "»"), ("「", "」")])
	d.t(g.choice(w) + g.choice([": ", " ", "：", " = "]) + wrap[0])
	if typ == "EMAIL":
		d.email(True)
	elif typ == "IBAN":
		d.iban(True)
	elif typ == "CARD":
		d.card(True)
	else:
		d.ip(True, bare=True)
	d.t(wrap[1] + g.choice(["", ".", ",", ";", ":", "!", "?", " 👍", "…"]))


def s_card_noctx(d):
	g = d.g
	d.t(g.choice(["pls charge this one instead: ", "Zahlung bitte mit ", "use this for the hotel: ", "ok here → ",
		      "cobrar a "]))
	d.card(False)
	d.t(g.choice([" exp 09/29", ", cvc on the back", "!", ".", " 🙂"]))


def s_payments_csv(d):
	g = d.g
	d.t("txn_id,pan,amount,currency,created\n")
	for i in range(3):
		d.t("tx_%s" % g.hexs(12))
		d.t(",")
		d.card(True)
		d.t(",%d.%02d,%s," % (g.r.randint(1, 999), g.r.randint(0, 99), g.choice(["EUR", "USD", "GBP"])))
		d.neg("timestamp")
		d.t("\n")
	d.t("# rejected (checksum): ")
	d.neg("card failing Luhn")
	d.t("\n")


def s_inventory(d):
	g = d.g
	d.t("Asset %s-%s — field router\nSIM ICCID: " % (g.letters(3), g.digits(5)))
	d.neg("ICCID (Luhn-valid)")
	d.t("\nModem IMEI ")
	d.neg("IMEI (Luhn-valid)")
	d.t(", WAN MAC ")
	d.neg("MAC address")
	d.t(", flash ")
	d.neg("quantity / size")
	d.t(" bytes, compliant with spec clause ")
	d.neg("OID / section number")
	d.t("\nInstalled at ")
	d.neg("coordinates")
	d.t("\nShipped via ")
	d.neg("tracking number")
	d.t("\nVendor EIN ")
	d.neg("EIN")
	d.t(", ABA routing ")
	d.neg("ABA routing number")
	d.t("\nOld voucher (void): ")
	d.neg("card failing Luhn")
	d.t("\nRejected payout account (checksum error): ")
	d.neg("IBAN failing mod-97")
	d.t("\n")


SHAPES = [s_chat_contact, s_chat_noctx, s_ticket, s_crm_json, s_hr_json, s_billing_json, s_func_call, s_graphql,
	  s_nginx, s_syslog, s_jsonlog, s_winevent, s_k8s_events, s_k8s_yaml, s_terraform, s_env, s_ini, s_sql,
	  s_psql, s_mysql, s_csv, s_tsv, s_md_table, s_html_table, s_html_form, s_email_headers, s_email_thread,
	  s_signature, s_vcard, s_ldif, s_http, s_mailto, s_stack, s_java_stack, s_diff, s_jupyter, s_protobuf,
	  s_soap, s_fhir, s_hl7, s_ocr_invoice, s_receipt, s_bank_statement, s_manifest, s_slack, s_transcript,
	  s_pdf_columns, s_rag_chunk, s_letter, s_nordic_misc, s_ip_devops, s_ip_list, s_ipv6_doc, s_ssn_form,
	  s_ssn_ocr, s_ssn_noctx, s_ssn_neg, s_card_chat, s_card_neg, s_iban_chat, s_email_noctx, s_at_negs,
	  s_python, s_devtools, s_mixed_noise, s_phone_neg, s_multi_values_sep, s_long_doc, s_jira,
	  s_phone_weak_noctx, s_phone_weak_ctx, s_ctx_words, s_card_noctx, s_payments_csv, s_inventory]
# extra weight for the shapes that carry the weak and rarer types
WEIGHTED = SHAPES + [s_phone_weak_noctx] * 8 + [s_ssn_noctx] * 4 + [s_card_noctx] * 2 + [s_payments_csv] * 2 + \
	[s_inventory, s_ssn_form, s_ssn_ocr, s_iban_chat, s_ctx_words, s_ctx_words, s_card_chat, s_ip_list, s_ipv6_doc]


def generate(seed, n):
	mk = Maker(seed)
	out = []
	for i in range(n):
		shape = WEIGHTED[i % len(WEIGHTED)] if i < len(WEIGHTED) * 2 else mk.g.choice(WEIGHTED)
		d = Doc(mk, "h9." + shape.__name__[2:])
		shape(d)
		rec = {"id": "%s-%05d" % (SPLIT, i + 1), "split": SPLIT, "seed": seed, "text": d.text(),
		       "labels": d.labels, "negatives": d.negatives}
		out.append((rec, d.values))
	return out


# ---- self-check ---------------------------------------------------------------------

EMAIL_RE = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
		      r"@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]")


def ssn_valid(v):
	d = re.sub("[ -]", "", v)
	return bool(re.fullmatch(r"\d{9}", d)) and d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" \
		and d[5:] != "0000"


def phone_valid(v, sub):
	d = re.sub(r"[\s\u00a0\u202f().\-/]", "", v)
	if d.startswith("+"):
		d = d[1:]
	elif d.startswith("00"):
		d = d[2:]
	if not re.fullmatch(r"\d{8,15}", d):
		return False
	if "NANP" in sub:
		n = d[1:] if len(d) == 11 else d
		return len(n) == 10 and n[0] in "23456789" and n[3] in "23456789" and (len(d) == 10 or d[0] == "1")
	return True


def ip_valid(v):
	a = ipaddress.ip_address(v)
	return not (a.is_loopback or a.is_unspecified or str(a) == "255.255.255.255")


def check(rec, values):
	raw = rec["text"].encode("utf-8")
	spans = []
	items = [("L", x) for x in rec["labels"]] + [("N", x) for x in rec["negatives"]]
	values = [v for v in values if v[0] == "L"] + [v for v in values if v[0] == "N"]
	assert len(items) == len(values)
	for (kind, x), val in zip(items, values):
		got = raw[x["start"]:x["end"]].decode("utf-8")
		assert got == val[3], (rec["id"], got, val)
		assert got == got.strip() and got, (rec["id"], got)
		spans.append((x["start"], x["end"]))
		if kind == "L":
			t = x["type"]
			if t == "CARD":
				digits = re.sub(r"[ .\-]", "", got)
				assert digits.isdigit() and 14 <= len(digits) <= 19 and pc.luhn_ok(digits), got
			elif t == "IBAN":
				assert pc.iban_ok(got.replace(" ", "")), got
			elif t == "SSN":
				assert ssn_valid(got), got
			elif t == "EMAIL":
				assert EMAIL_RE.fullmatch(got.replace("%40", "@").replace("%2B", "+").replace("%27", "'")), got
			elif t == "PHONE":
				assert phone_valid(got, x["sub"]), got
			elif t == "IP":
				assert ip_valid(got), got
		else:
			k = x["kind"]
			if k == "card failing Luhn":
				digits = re.sub(r"[ .\-]", "", got)
				assert not (digits.isdigit() and pc.luhn_ok(digits)), got
			elif k == "IBAN failing mod-97":
				assert not pc.iban_ok(got.replace(" ", "")), got
			elif k == "invalid SSN":
				assert not ssn_valid(got), got
			elif k == "@ but not an e-mail":
				assert not EMAIL_RE.fullmatch(got), got
			elif k == "non-identifying address":
				assert not ip_valid(got), got
	spans.sort()
	for (a, b), (c, _) in zip(spans, spans[1:]):
		assert b <= c, (rec["id"], spans)


def main():
	ap = argparse.ArgumentParser(description="Write tollgate's ninth blind held-out PII corpus (JSON lines).")
	ap.add_argument("-o", "--output", help="write here instead of stdout")
	ap.add_argument("-n", type=int, default=1600, help="number of texts (default 1600)")
	a = ap.parse_args()
	pc.selfcheck()
	docs = generate(SEED, a.n)
	lines = []
	for rec, values in docs:
		check(rec, values)
		lines.append(json.dumps(rec, ensure_ascii=False))
	again = [json.dumps(r, ensure_ascii=False) for r, _ in generate(SEED, a.n)]
	assert again == lines, "output is not deterministic"
	out = open(a.output, "w", encoding="utf-8") if a.output else sys.stdout
	out.write("\n".join(lines) + "\n")
	if out is not sys.stdout:
		out.close()


if __name__ == "__main__":
	main()
