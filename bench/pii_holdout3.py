#!/usr/bin/env python3
"""
pii_holdout3.py - the third blind, held-out labelled PII corpus for tollgate's
pattern detectors (EMAIL, PHONE, SSN, CARD, IBAN, IP): issue 4, item 6.

What it is
  About 2,000 plain texts of the kind an AI agent sends and receives (chat
  prompts and model replies, support tickets, CRM/HR/billing JSON tool
  results, tool-call arguments, nginx/syslog/JSON logs, CSV/TSV/markdown/psql
  tables, e-mails with signatures, vCards and iCalendar invites, YAML, INI,
  .env, Terraform and Kubernetes files, SQL, HTTP headers and devtools dumps,
  stack traces, XML/SOAP, HL7 v2 and FHIR-like JSON, Slack exports, meeting
  transcripts, RAG chunks pasted from PDFs, OCR'd invoices and receipts, bank
  statements, shipping manifests, issue bodies with code blocks, shell
  sessions, letters and forms), in English, German, French, Italian, Spanish,
  Dutch, Portuguese, Polish, Swedish, Czech and Turkish. Each text carries
  the labelled PII values it contains and labelled distractors ("negatives")
  that are not PII of these six types.

How it was written
  By "hhold3", blind, from the formats' own specifications:
    EMAIL  RFC 5321/5322 dot-atom addresses (atext incl. ' ! & = #), plus tags,
           subdomains, new gTLDs, punycode (RFC 3492) and a few Unicode
           domains (RFC 6531), mailto: (RFC 6068) and percent-encoded
           (RFC 3986) forms.
    PHONE  ITU-T E.164 and the numbering plans of NANP (NPA/NXX rules,
           555-01XX), UK (Ofcom, incl. the drama ranges), DE (BNetzA), FR
           (ARCEP), IT (AGCOM), ES (CNMC), NL (ACM), written as people write
           them (spaces, no-break and narrow no-break spaces, dots, slashes,
           dashes, parentheses, "(0)", 00 prefixes); other countries in E.164.
    SSN    SSA rules: area 001-899 but 666, group 01-99, serial 0001-9999.
    CARD   ISO/IEC 7812 IIN ranges and lengths and the Luhn check digit.
    IBAN   ISO 13616 and the SWIFT IBAN registry (58 countries: lengths and
           BBAN structures, national check digits of BE/ES/FR/IT/MC/SM/RS/ME/
           SI), mod-97.
    IP     RFC 791 dotted quads, RFC 4291/5952 IPv6 (full, compressed,
           embedded IPv4, zone ids), with ports, prefixes and URLs around.
  bench/pii_corpus.py is imported for its check-digit functions and IBAN
  BBAN table only; every template, context phrasing, word list, name list
  and distractor sentence here is new. The "sub" names are pii_corpus.py's
  for the same kinds of value (so the scorer classifies them the same way:
  PHONE/XX-national, PHONE/NANP-plain, SSN/plain and SSN/spaced are weak);
  new kinds got new names: EMAIL/atext, EMAIL/percent-encoded,
  EMAIL/idn-unicode, CARD/maestro-*, CARD/mir-*.

Blindness rules it was written under
  The author did not read policies/redaction*.json, userspace/detectors.*,
  userspace/detect_*.c, userspace/holdback.c, userspace/redact*.c,
  userspace/tablectx.c, tests/unit/test_detectors*.c,
  tests/unit/test_tablectx.c, bench/RESULTS-redaction.md, bench/redaction.c,
  /work/notes, git history or logs, the README's redaction section, nor
  bench/pii_holdout.py or bench/pii_holdout2.py (the earlier blind sets), and
  ran no detector (bench, tollgate, unit tests) on anything. Labels follow
  the specifications and a careful human reader, not what any rule catches.

Label semantics
  "ctx" is true exactly when a word naming the value's type (phone, Tel.,
  Handy, portable, móvil, cellulare, mobiel, telemóvel, komórka, cep
  telefonu, ...; SSN, social security; card, Visa, Kreditkarte, carte,
  tarjeta, kartım, ...; IBAN, account, Konto, compte, rekening, účet, ...;
  e-mail, mail, mailto, courriel, correo, e-post, ...; IP, address, host,
  SRC/DST, inet, ...) is in the same line, or in the same sentence across a
  PDF line break (also when the word itself is hyphenated, "tele-\nphone"),
  or is the value's JSON/YAML/.env key, XML element or vCard property, or
  the column header of its table (CSV, TSV, markdown, psql, MySQL, pandas,
  an SQL INSERT's column list). In one-line JSON a naming key elsewhere on
  the line counts (same line). Where a reader could hesitate, ctx is false:
  abbreviations such as "T:"/"M:"/"P:" and icons in signatures, OCR-garbled
  labels ("Te1."), a parent key or a sibling "system": "phone" on another
  line, "call me on", "Kontakt", "login_hint". The self-check enforces this
  against the word lists: a ctx=false label never has a naming word of its
  type in its line, and a ctx=true label has one in its line or names the
  key/header/sentence word that does.
  Percent-encoded addresses (ana%40example.org) are labelled EMAIL
  (sub EMAIL/percent-encoded) because in every place they appear here (a
  query or form field named email/login_hint/to/recipient, or a mailto link)
  a careful reader calls them e-mail addresses; the label covers the encoded
  text exactly as written.
  Negatives are chosen to be invalid or non-PII by the specifications: any
  negative shaped like a strong format (NANP with punctuation, dashed SSN,
  card IIN + length, IBAN, +CC number, e-mail) fails that format's rules;
  weak-shaped ones (bare digit runs) stand in a context that names something
  else and never share a line with a phone/SSN word. Dotted quads that are
  versions or OIDs are labelled negatives and never share a line with an IP
  word. Text outside labels and negatives holds no unlabelled value: the
  self-check scans for e-mail-, IP-, IBAN- and digit-run-shaped text.

Output: JSON lines, exactly the schema of bench/pii_corpus.py:
  {"id": "holdout3-00001", "split": "holdout3", "seed": 7350297, "text": ...,
   "labels": [{"type", "sub", "variant", "ctx", "tpl", "start", "end"}],
   "negatives": [{"kind", "variant", "tpl", "start", "end"}]}
  start/end are UTF-8 byte offsets, end exclusive; the value is exactly
  text[start:end].

Usage: python3 bench/pii_holdout3.py -o FILE [--stats]   (stdout without -o;
       --stats prints counts per type, sub, ctx, distractor kind, language
       and document shape to stderr)
Python 3 standard library only, deterministic (one fixed seed). The
self-check runs every time before anything is written: offsets, overlaps,
every value re-validated by its specification, every negative invalid or
non-PII, ctx words, unlabelled look-alikes, and the whole corpus generated
twice and compared.
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
import pii_corpus as pc  # noqa: E402  (check digits and the IBAN BBAN table only)

SEED = 7350297
SPLIT = "holdout3"
NTEXTS = 2000

NBSP = "\u00a0"
NNBSP = "\u202f"

# ---- random helpers -----------------------------------------------------------


class Rng:
	def __init__(self, seed):
		self.r = random.Random(seed)

	def pick(self, seq):
		return self.r.choice(list(seq))

	choice = pick

	def chance(self, p):
		return self.r.random() < p

	def int(self, a, b):
		return self.r.randint(a, b)

	def digits(self, n, first="0123456789"):
		if n <= 0:
			return ""
		return self.r.choice(first) + "".join(self.r.choice("0123456789") for _ in range(n - 1))

	def letters(self, n):
		return "".join(self.r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))

	def alnum(self, n):
		if self.r.random() < 0.7:
			return self.digits(n)
		return "".join(self.r.choice("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))

	def hexs(self, n, upper=False):
		s = "".join(self.r.choice("0123456789abcdef") for _ in range(n))
		return s.upper() if upper else s

	def b62(self, n):
		return "".join(self.r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") for _ in range(n))

	def tok(self, n, upper=False):
		"""A random id for filler text: no vowels, c, l or s (so it spells no word the labels rely on), short digit runs."""
		out, run = [], 0
		for _ in range(n):
			ch = self.r.choice("bdfghjkmnpqrtvwxyz0123456789")
			run = run + 1 if ch.isdigit() else 0
			if run > 3:
				ch, run = self.r.choice("bdfghjkmnpqrtvwxyz"), 0
			out.append(ch)
		s = "".join(out)
		return s.upper() if upper else s

	def shuffle(self, seq):
		self.r.shuffle(seq)

	def weighted(self, pairs):
		tot = sum(w for _, w in pairs)
		x = self.r.random() * tot
		for v, w in pairs:
			x -= w
			if x < 0:
				return v
		return pairs[-1][0]


class Deck:
	"""Round-robin over weighted choices, reshuffled when used up: balanced coverage."""

	def __init__(self, rng, pairs):
		self.rng, self.pairs, self.cards = rng, pairs, []

	def next(self):
		if not self.cards:
			for v, w in self.pairs:
				self.cards += [v] * w
			self.rng.shuffle(self.cards)
		return self.cards.pop()


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


# ---- values -------------------------------------------------------------------


class Item:
	"""A labelled value."""

	def __init__(self, typ, sub, variant, value):
		self.type, self.sub, self.variant, self.value = typ, sub, variant, value

	def __repr__(self):
		return "Item(%s,%s,%r)" % (self.type, self.sub, self.value)


class Neg:
	"""A labelled distractor."""

	def __init__(self, kind, variant, value):
		self.kind, self.variant, self.value = kind, variant, value


WEAK_SUBS = {"PHONE/NANP-plain", "SSN/plain", "SSN/spaced"} | \
	{"PHONE/%s-national" % c for c in ("UK", "DE", "FR", "IT", "ES", "NL")}


def is_weak(sub):
	return sub in WEAK_SUBS


# ---- EMAIL --------------------------------------------------------------------

# (display name, ascii first, ascii last, language)
PEOPLE = [
	("Amelia Hart", "amelia", "hart", "en"), ("Marcus Bell", "marcus", "bell", "en"),
	("Priya Raman", "priya", "raman", "en"), ("Declan O'Neill", "declan", "o'neill", "en"),
	("Grace Whitfield", "grace", "whitfield", "en"), ("Tyrone Banks", "tyrone", "banks", "en"),
	("Hannah Okafor", "hannah", "okafor", "en"), ("Siobhan D'Arcy", "siobhan", "d'arcy", "en"),
	("Ethan Caldwell", "ethan", "caldwell", "en"), ("Maya Goldberg", "maya", "goldberg", "en"),
	("Jonas Brandt", "jonas", "brandt", "de"), ("Leonie Wagner", "leonie", "wagner", "de"),
	("Jürgen Köhler", "juergen", "koehler", "de"), ("Sabine Groß", "sabine", "gross", "de"),
	("Felix Hoffmann", "felix", "hoffmann", "de"), ("Katrin Zimmermann", "katrin", "zimmermann", "de"),
	("Mathieu Lefèvre", "mathieu", "lefevre", "fr"), ("Margaux Dupré", "margaux", "dupre", "fr"),
	("Élodie Marchand", "elodie", "marchand", "fr"), ("Jean-Luc Arnaud", "jean-luc", "arnaud", "fr"),
	("Chloé d'Aubigny", "chloe", "d'aubigny", "fr"), ("Yannick Roussel", "yannick", "roussel", "fr"),
	("Giulia Ferraro", "giulia", "ferraro", "it"), ("Lorenzo Dell'Acqua", "lorenzo", "dell'acqua", "it"),
	("Chiara Bassi", "chiara", "bassi", "it"), ("Matteo Conti", "matteo", "conti", "it"),
	("Alejandro Ruiz", "alejandro", "ruiz", "es"), ("Lucía Fernández", "lucia", "fernandez", "es"),
	("Pablo Ortega", "pablo", "ortega", "es"), ("Carmen Navarro", "carmen", "navarro", "es"),
	("Sanne de Vries", "sanne", "devries", "nl"), ("Bram Janssen", "bram", "janssen", "nl"),
	("Femke van Dijk", "femke", "vandijk", "nl"), ("Ruud Bakker", "ruud", "bakker", "nl"),
	("João Pereira", "joao", "pereira", "pt"), ("Inês Carvalho", "ines", "carvalho", "pt"),
	("Rui Almeida", "rui", "almeida", "pt"),
	("Agnieszka Wójcik", "agnieszka", "wojcik", "pl"), ("Piotr Zieliński", "piotr", "zielinski", "pl"),
	("Zofia Lewandowska", "zofia", "lewandowska", "pl"),
	("Astrid Lindqvist", "astrid", "lindqvist", "sv"), ("Linnea Sjöberg", "linnea", "sjoberg", "sv"),
	("Erik Nyström", "erik", "nystrom", "sv"),
	("Jakub Dvořák", "jakub", "dvorak", "cs"), ("Tereza Horáková", "tereza", "horakova", "cs"),
	("Ondřej Svoboda", "ondrej", "svoboda", "cs"),
	("Elif Yılmaz", "elif", "yilmaz", "tr"), ("Mehmet Demir", "mehmet", "demir", "tr"),
	("Ayşe Kaya", "ayse", "kaya", "tr"),
	("Kofi Mensah", "kofi", "mensah", "en"), ("Mei Lin", "mei", "lin", "en"), ("Rahul Iyer", "rahul", "iyer", "en"),
	("Aisha Bello", "aisha", "bello", "en"), ("Kenji Sato", "kenji", "sato", "en"), ("Noor Haddad", "noor", "haddad", "en"),
]

COMPANY_DOMAINS = {
	"en": ["kestrelanalytics.com", "bluefinch.co.uk", "haverford-legal.com", "oakridgeclinic.org", "tidewater.health",
	       "marlowe.agency", "quartzline.io", "harborview-realty.com", "northgate.ac.uk", "pinecrest-dental.com",
	       "redkite.studio", "example.com", "example.org", "example.net"],
	"de": ["fernhill-logistik.de", "brandt-steuerberatung.de", "isarwerk.de", "nordlicht-energie.de", "kontor24.de",
	       "saale-klinikum.de", "example.de"],
	"fr": ["atelier-lumiere.fr", "groupe-vernet.fr", "maison-roussel.fr", "cabinet-arnaud.fr", "lyon-metropole-immo.fr"],
	"it": ["pontevecchio.it", "studio-ferraro.it", "lanificio-bassi.it", "contiassicurazioni.it"],
	"es": ["castellana-seguros.es", "grupo-ortega.es", "clinica-navarro.es", "ruiz-abogados.es"],
	"nl": ["zephyrcargo.nl", "rijnmond-havens.nl", "bakker-installatie.nl", "vandijk-advocaten.nl"],
	"pt": ["brightwater.pt", "almeida-consultores.pt", "porto-digital.pt"],
	"pl": ["vistula-soft.pl", "wojcik-transport.pl"],
	"sv": ["norrvik.se", "sjoberg-bygg.se"],
	"cs": ["moravia-tech.cz", "svoboda-stavby.cz"],
	"tr": ["anadolu-lojistik.com.tr", "kaya-tekstil.com.tr"],
}
FREEMAIL = {
	"en": ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "hey.com", "fastmail.com", "aol.com"],
	"de": ["gmx.de", "web.de", "t-online.de", "posteo.de", "gmx.net", "mailbox.org"],
	"fr": ["orange.fr", "free.fr", "laposte.net", "wanadoo.fr", "sfr.fr"],
	"it": ["libero.it", "virgilio.it", "tiscali.it", "alice.it"],
	"es": ["hotmail.es", "yahoo.es", "telefonica.net"],
	"nl": ["ziggo.nl", "kpnmail.nl", "planet.nl", "xs4all.nl"],
	"pt": ["sapo.pt", "gmail.com"],
	"pl": ["wp.pl", "o2.pl", "onet.pl", "interia.pl"],
	"sv": ["telia.com", "bredband.net"],
	"cs": ["seznam.cz", "centrum.cz", "email.cz"],
	"tr": ["yandex.com.tr", "hotmail.com"],
}
LONG_TLD_DOMAINS = ["hart.photography", "raman.consulting", "goldberg.engineering", "whitfield.international",
		    "kestrel.technology", "nordlicht.solutions", "vernet.education", "bassi.foundation",
		    "castellana.insurance", "zephyr.travel", "kontor.berlin", "vanDijk.amsterdam", "roussel.paris",
		    "alpenblick.swiss", "ortega.barcelona", "finch.london", "lumen.software", "aurelian.capital",
		    "oakridge.clinic", "marlowe.legal", "pinecrest.dental", "redkite.studio", "tidewater.finance"]
SUBDOMAIN_DOMAINS = ["mail.kestrelanalytics.com", "eu.quartzline.io", "corp.isarwerk.de", "hr.groupe-vernet.fr",
		     "billing.zephyrcargo.nl", "students.northgate.ac.uk", "alumni.northgate.ac.uk",
		     "lists.example.org", "ops.tidewater.health", "research.saale-klinikum.de", "intern.kontor24.de",
		     "dept.finance.pontevecchio.it", "staff.moravia-tech.cz", "mx1.example.net", "us.haverford-legal.com",
		     "post.rijnmond-havens.nl", "eng.redkite.studio", "clinic.oakridgeclinic.org"]
IDN_DOMAINS = ["müller-haustechnik.de", "café-lumière.fr", "señorío-del-sur.es", "örebro-el.se", "zürich-immo.ch",
	       "dvořák-studio.cz", "çiçekçi.com.tr", "coração-verde.pt", "łąka-it.pl", "kaffeeröster.at"]
PLUS_TAGS = ["newsletter", "billing", "jira", "github", "2024", "receipts", "sso", "amazon", "hr", "test",
	     "invoices", "alerts", "noreply", "travel", "kickstarter"]
ROLE_LOCALS = ["billing", "support", "hr", "payroll", "security", "privacy", "noc", "info", "accounts-payable",
	       "helpdesk", "dpo", "facturation", "buchhaltung", "amministrazione", "contabilidad", "klantenservice"]


def idna(domain):
	return ".".join(lab.encode("idna").decode("ascii") if any(ord(c) > 127 for c in lab) else lab
			for lab in domain.split("."))


def person(R, lang=None):
	pool = [p for p in PEOPLE if lang is None or p[3] == lang]
	return R.pick(pool or PEOPLE)


def email_local(R, p):
	f, l = p[1], p[2].replace("'", "")
	return R.pick([f + "." + l, f[0] + "." + l, f + l, f + "_" + l, f + "-" + l, l + "." + f, f[0] + l,
		       f + "." + l[0], f])


def make_email(R, sub, lang="en", p=None):
	p = p or person(R, lang)
	lang = p[3] if lang is None else lang
	local = email_local(R, p)
	comp = R.pick(COMPANY_DOMAINS.get(lang, COMPANY_DOMAINS["en"]) + COMPANY_DOMAINS["en"][:4])
	free = R.pick(FREEMAIL.get(lang, FREEMAIL["en"]))
	variant = sub
	if sub == "basic":
		dom = R.pick([comp, comp, free])
		if R.chance(0.12):
			local = R.pick(ROLE_LOCALS)
			dom = comp
			variant = "role account"
		else:
			variant = "person"
	elif sub == "plus-tag":
		local = local + "+" + R.pick(PLUS_TAGS)
		dom = R.pick([free, free, comp])
		variant = "plus tag"
	elif sub == "subdomain":
		dom = R.pick(SUBDOMAIN_DOMAINS)
		variant = "%d labels" % (dom.count(".") + 1)
	elif sub == "long-tld":
		dom = R.pick(LONG_TLD_DOMAINS).lower()
		variant = "." + dom.rsplit(".", 1)[1]
	elif sub == "digits-underscore":
		local = R.pick([p[1] + "_" + p[2].replace("'", "") + str(R.int(1, 99)),
				p[1] + str(R.int(1960, 2005)), p[1][0] + p[2].replace("'", "") + "_" + R.digits(R.int(2, 4)),
				"user_" + R.digits(R.int(4, 7)), p[1] + "." + p[2].replace("'", "") + "." + R.digits(2),
				"x" + R.digits(6) + "_" + p[1]])
		dom = R.pick([free, comp])
		variant = "digits/underscore"
	elif sub == "mixed-case":
		f, l = p[1].capitalize(), p[2].replace("'", "").capitalize()
		local = R.pick([f + "." + l, f + l, f[0] + "." + l, f.upper() + "." + l.upper()])
		dom = R.pick([comp.capitalize(), comp.upper(), comp.split(".")[0].capitalize() + "." + ".".join(
			comp.split(".")[1:]).upper(), free])
		variant = "mixed case"
	elif sub == "punycode":
		dom = idna(R.pick(IDN_DOMAINS))
		variant = "xn-- domain"
	elif sub == "idn-unicode":
		dom = R.pick(IDN_DOMAINS)
		variant = "unicode domain (RFC 6531)"
	elif sub == "atext":
		# RFC 5322 atext beyond letters, digits, dot, underscore, dash and plus
		k = R.pick(["apos", "apos", "apos", "amp", "bang", "equals", "hash", "tilde", "apos-plus"])
		ap = [q for q in PEOPLE if "'" in q[2]]
		if k.startswith("apos"):
			q = R.pick(ap)
			local = R.pick([q[1] + "." + q[2], q[2], q[1][0] + "." + q[2], q[2] + "." + q[1]])
			if k == "apos-plus":
				local += "+" + R.pick(PLUS_TAGS)
			dom = R.pick(COMPANY_DOMAINS[q[3]] + FREEMAIL[q[3]])
		elif k == "amp":
			local = R.pick(["r&d", "p&l-reports", "m&a", "sales&marketing", "t&c"])
			dom = comp
		elif k == "bang":
			local = R.pick(["urgent!ops", "a!b", "hey!" + p[1], "wow!deals"])
			dom = comp
		elif k == "equals":
			local = R.pick(["bounce=" + p[1] + "=" + R.pick(["gmail.com", "web.de"]).replace(".", "-"),
					"list=" + R.digits(5), "x=" + p[1]])
			dom = R.pick(SUBDOMAIN_DOMAINS)
		elif k == "hash":
			local = R.pick(["team#" + R.digits(2), "room#" + R.digits(3)])
			dom = comp
		else:
			local = "~" + p[1]
			dom = comp
		variant = "atext " + k
	else:
		raise ValueError(sub)
	return Item("EMAIL", "EMAIL/" + sub, variant, local + "@" + dom)


def pct_email(R, lang="en"):
	"""An address as a percent-encoded query or form value (RFC 3986)."""
	base = make_email(R, R.pick(["basic", "plus-tag", "subdomain", "digits-underscore"]), lang)
	enc = urllib.parse.quote(base.value, safe="")
	return Item("EMAIL", "EMAIL/percent-encoded", "%40" + (" %2B" if "%2B" in enc else ""), enc)


EMAIL_SUBS = [("basic", 6), ("plus-tag", 4), ("subdomain", 3), ("long-tld", 3), ("digits-underscore", 3),
	      ("mixed-case", 2), ("punycode", 2), ("atext", 3)]


# ---- PHONE --------------------------------------------------------------------

NANP_NPA = ("201 202 203 206 207 208 209 210 212 213 214 215 216 217 218 224 225 228 229 231 234 239 240 248 251 "
	    "252 253 254 256 260 262 267 269 270 276 281 301 302 303 304 305 307 308 309 310 312 313 314 315 316 317 "
	    "318 319 320 321 323 330 331 334 336 337 339 346 347 351 352 360 361 385 386 401 402 404 405 406 407 408 "
	    "409 410 412 413 414 415 417 419 423 424 425 430 432 434 435 440 442 443 458 469 470 478 479 480 484 501 "
	    "502 503 504 505 507 508 509 510 512 513 515 516 517 518 520 530 540 541 551 559 561 562 563 567 570 571 "
	    "573 574 575 580 585 586 601 602 603 605 606 607 608 609 610 612 614 615 616 617 618 619 620 623 626 628 "
	    "630 631 636 641 646 650 651 657 660 661 662 667 669 678 682 701 702 703 704 706 707 708 712 713 714 715 "
	    "716 717 718 719 720 724 725 727 731 732 734 737 740 747 754 757 760 763 765 770 772 773 774 775 781 785 "
	    "786 801 802 803 804 805 806 808 810 812 813 814 815 816 817 818 828 830 831 832 843 845 847 848 850 856 "
	    "857 858 859 860 862 863 864 865 870 872 901 903 904 907 908 909 910 912 913 914 915 916 917 918 919 920 "
	    "925 928 929 931 936 937 940 941 947 949 951 952 954 956 970 971 972 973 978 979 980 984 985 "
	    "416 437 647 905 289 514 438 450 613 604 778 250 403 587 780 306 204 506 902").split()


def nanp_digits(R):
	npa = R.pick(NANP_NPA)
	if R.chance(0.3):
		return npa, "555", "01" + R.digits(2)
	while True:
		nxx = R.digits(3, "23456789")
		if nxx[1:] != "11" and nxx != "555" and nxx != "958" and nxx != "959":
			return npa, nxx, R.digits(4)


def make_nanp(R, sub):
	a, b, c = nanp_digits(R)
	if sub == "paren":
		f = R.pick(["(%s) %s-%s", "(%s) %s-%s", "(%s)%s-%s", "(%s) %s %s"])
	elif sub == "dashed":
		f = "%s-%s-%s"
	elif sub == "dotted":
		f = "%s.%s.%s"
	elif sub == "spaced":
		f = R.pick(["%s %s %s", "%s %s %s", "%s" + NBSP + "%s" + NBSP + "%s"])
	elif sub == "plain":
		f = "%s%s%s"
	elif sub == "plus1":
		f = R.pick(["+1 %s %s %s", "+1 (%s) %s-%s", "+1-%s-%s-%s", "+1 %s-%s-%s", "+1%s%s%s", "+1.%s.%s.%s"])
	elif sub == "trunk1":
		f = R.pick(["1-%s-%s-%s", "1 (%s) %s-%s", "1 %s %s %s", "1-%s-%s-%s"])
	else:
		raise ValueError(sub)
	v = f % (a, b, c)
	var = f.replace("%s", "N").replace(NBSP, "<nbsp>")
	if b == "555":
		var += " 555-01XX"
	return Item("PHONE", "PHONE/NANP-" + sub, var, v)


# National plans: each returns (area without trunk, subscriber digits, kind, [group sizes of the subscriber])

UK_GEO = [("20", "378", [4, 4]), ("29", "2", [4, 4]), ("28", "9", [4, 4]), ("23", "8", [4, 4]), ("24", "7", [4, 4]),
	  ("113", None, [3, 4]), ("114", None, [3, 4]), ("115", None, [3, 4]), ("116", None, [3, 4]), ("117", None, [3, 4]),
	  ("118", None, [3, 4]), ("121", None, [3, 4]), ("131", None, [3, 4]), ("141", None, [3, 4]), ("151", None, [3, 4]),
	  ("161", None, [3, 4]), ("191", None, [3, 4]), ("1223", None, [6]), ("1865", None, [6]), ("1632", None, [6]),
	  ("1392", None, [6]), ("1483", None, [6]), ("1904", None, [6]), ("1273", None, [6]), ("1224", None, [6]),
	  ("1872", None, [6]), ("1534", None, [6])]


def uk_plan(R):
	if R.chance(0.45):
		if R.chance(0.35):
			return "7700", "900" + R.digits(3), "mobile (drama)", [6]
		return "7" + R.pick("4578") + R.digits(2), R.digits(6), "mobile", [6]
	area, first, groups = R.pick(UK_GEO)
	n = 10 - len(area)
	if area == "1632":
		return area, "960" + R.digits(3), "geographic (drama)", groups
	if area in ("20", "113", "114", "115", "116", "117", "118", "121", "131", "141", "151", "161", "191") and R.chance(0.3):
		sub = ("7946" if area == "20" else "496") + "0" + R.digits(n - (5 if area == "20" else 4))
		return area, sub, "geographic (drama)", groups
	return area, R.digits(n, first or "2345689"), "geographic", groups


DE_GEO = ["30", "40", "89", "69", "221", "211", "711", "341", "351", "511", "911", "201", "231", "228", "621",
	  "761", "6221", "3641", "4321", "8131", "5251", "7531", "2151", "6131", "381", "531", "361", "391", "471",
	  "9131", "7071", "3381", "8821", "4131"]
DE_MOB8 = ["151", "152", "157", "159", "176", "177", "178", "179", "1520", "1575"]
DE_MOB7 = ["160", "162", "163", "170", "171", "172", "173", "174", "175"]


def de_plan(R):
	if R.chance(0.45):
		if R.chance(0.6):
			pre = R.pick(DE_MOB8)
			n = 11 - len(pre)
		else:
			pre = R.pick(DE_MOB7)
			n = 7
		return pre, R.digits(n, "123456789"), "mobile", None
	area = R.pick(DE_GEO)
	n = 10 - len(area) if len(area) > 2 or R.chance(0.6) else 7
	return area, R.digits(n, "23456789"), "landline", None


def fr_plan(R):
	lead = R.pick("12345669779")
	if lead == "7":
		lead += R.pick("3456789")
		rest = R.digits(7)
	else:
		rest = R.digits(8)
	kind = "mobile" if lead[0] in "67" else "VoIP" if lead == "9" else "landline"
	return "", lead + rest, kind, None


IT_GEO = [("02", 8), ("06", 8), ("011", 7), ("010", 7), ("051", 7), ("055", 7), ("081", 7), ("041", 7), ("045", 7),
	  ("091", 7), ("095", 7), ("070", 7), ("080", 7), ("0471", 6), ("0461", 6), ("0521", 6), ("0541", 6),
	  ("0523", 6), ("0732", 6)]
IT_MOB = ["320", "324", "327", "328", "329", "330", "331", "333", "334", "335", "338", "339", "340", "342", "345",
	  "346", "347", "348", "349", "350", "351", "366", "368", "371", "377", "380", "389", "391", "392", "393"]


def it_plan(R):
	if R.chance(0.5):
		return R.pick(IT_MOB), R.digits(7), "mobile", None
	area, n = R.pick(IT_GEO)
	return area, R.digits(n, "123456789"), "landline", None


ES_GEO = ["91", "93", "96", "95", "94", "98", "97", "92", "88", "87", "86", "85", "84", "83", "82", "81"]


def es_plan(R):
	if R.chance(0.55):
		head = R.pick(["6", "6", "6", "7"])
		d = head + (R.digits(1, "1234") if head == "7" else R.digits(1)) + R.digits(7)
		return "", d, "mobile", None
	a = R.pick(ES_GEO)
	return "", a + R.digits(7, "123456789"), "landline", None


NL_GEO2 = ["10", "13", "15", "20", "23", "24", "26", "30", "33", "35", "36", "38", "40", "43", "45", "46", "50", "53",
	   "55", "58", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79"]
NL_GEO3 = ["111", "113", "114", "115", "117", "161", "162", "165", "172", "174", "180", "181", "222", "223", "224",
	   "251", "252", "297", "299", "313", "314", "315", "318", "320", "321", "341", "342", "343", "344", "345",
	   "411", "412", "413", "475", "478", "481", "485", "492", "493", "495", "499", "511", "512", "513", "515",
	   "521", "522", "523", "541", "543", "544", "545", "546", "547", "548", "561", "566", "570", "571", "572",
	   "573", "575", "577", "591", "592", "593", "594", "595", "596", "597", "598", "599"]


def nl_plan(R):
	if R.chance(0.45):
		return "6", R.digits(8, "12345"), "mobile", None
	if R.chance(0.55):
		return R.pick(NL_GEO2), R.digits(7, "23456789"), "2-digit area", None
	return R.pick(NL_GEO3), R.digits(6, "23456789"), "3-digit area", None


PLANS = {"UK": ("44", "0", uk_plan), "DE": ("49", "0", de_plan), "FR": ("33", "0", fr_plan),
	 "IT": ("39", "", it_plan), "ES": ("34", "", es_plan), "NL": ("31", "0", nl_plan)}


def sp(R, sep_choices=(" ",)):
	return R.pick(sep_choices)


def national_text(R, c, area, subs, kind):
	"""How people write a national number of country c. Returns (value, style)."""
	S = R.weighted([(" ", 10), (NBSP, 2), (NNBSP, 1)])
	sname = {" ": "", NBSP: " nbsp", NNBSP: " nnbsp"}[S]
	if c == "UK":
		head = "0" + area
		groups = group(subs, {8: [4, 4], 7: [3, 4], 6: [6]}[len(subs)], S)
		if area.startswith("7") and R.chance(0.3):
			groups = group(subs, [3, 3], S)
		st = R.weighted([("spaced", 8), ("paren", 2), ("compact", 2), ("dashed", 1)])
		if st == "spaced":
			return head + S + groups, "spaced" + sname
		if st == "paren":
			return "(" + head + ")" + S + groups, "paren" + sname
		if st == "dashed":
			return head + "-" + subs, "dashed"
		return head + subs, "compact"
	if c == "DE":
		head = "0" + area
		st = R.weighted([("din", 7), ("slash", 3), ("paren", 2), ("dash", 2), ("pairs", 1), ("groups", 2),
				 ("compact", 2), ("slash spaced", 1)])
		if st == "din":
			return head + S + subs, "DIN 5008" + sname
		if st == "slash":
			return head + "/" + subs, "slash"
		if st == "slash spaced":
			return head + " / " + group(subs, [3, 2, 2, 2], " "), "slash spaced groups"
		if st == "paren":
			return "(" + head + ")" + S + subs, "paren" + sname
		if st == "dash":
			return head + "-" + subs, "dash"
		if st == "pairs":
			return head + S + group(subs, [2] * 5, S), "pairs" + sname
		if st == "groups":
			return head + S + group(subs, [3, 3, 3], S), "groups of 3" + sname
		return head + subs, "compact"
	if c == "FR":
		d = "0" + subs
		st = R.weighted([("spaced", 8), ("dotted", 3), ("dashed", 1), ("compact", 2)])
		if st == "spaced":
			return group(d, [2] * 5, S), "pairs spaced" + sname
		if st == "dotted":
			return group(d, [2] * 5, "."), "pairs dotted"
		if st == "dashed":
			return group(d, [2] * 5, "-"), "pairs dashed"
		return d, "compact"
	if c == "IT":
		mob = area.startswith("3")
		st = R.weighted([("spaced", 6), ("compact", 2), ("slash", 2), ("dash", 2), ("split", 3), ("dotted", 1)])
		if st == "spaced":
			return area + S + subs, "spaced" + sname
		if st == "split":
			g = [3, 4] if len(subs) == 7 else [4, 4] if len(subs) == 8 else [3, 3]
			return area + S + group(subs, g, S), "split" + sname
		if st == "slash":
			return area + "/" + subs, "slash"
		if st == "dash":
			return area + "-" + subs, "dash"
		if st == "dotted" and mob:
			return area + "." + group(subs, [3, 4], "."), "dotted"
		return area + subs, "compact"
	if c == "ES":
		d = subs
		st = R.weighted([("333", 6), ("2222", 4), ("compact", 2), ("dotted", 1)])
		if st == "333":
			return group(d, [3, 3, 3], S), "3-3-3" + sname
		if st == "2222":
			return group(d, [3, 2, 2, 2] if kind == "mobile" else [2, 3, 2, 2], S), "2/3-3-2-2" + sname
		if st == "dotted":
			return group(d, [3, 3, 3], "."), "3-3-3 dotted"
		return d, "compact"
	if c == "NL":
		head = "0" + area
		st = R.weighted([("spaced", 5), ("dash", 4), ("paren", 1), ("compact", 2), ("pairs", 2)])
		if st == "spaced":
			g = [4, 4] if area == "6" else [3, 4] if len(subs) == 7 else [3, 3]
			return head + S + group(subs, g, S), "spaced" + sname
		if st == "dash":
			return head + "-" + subs, "dash"
		if st == "paren":
			return "(" + head + ")" + S + group(subs, [3, 4] if len(subs) == 7 else [3, 3] if len(subs) == 6 else [4, 4], S), "paren" + sname
		if st == "pairs":
			return head + S + group(subs, [2, 2, 2, 2] if len(subs) == 8 else [3, 2, 2] if len(subs) == 7 else [2, 2, 2], S), "pairs" + sname
		return head + subs, "compact"
	raise ValueError(c)


def intl_text(R, c, cc, trunk, area, subs):
	S = R.weighted([(" ", 10), (NBSP, 2), (NNBSP, 1)])
	sname = {" ": "", NBSP: " nbsp", NNBSP: " nnbsp"}[S]
	if c == "FR":
		nsn = area + subs
		body = nsn[0] + S + group(nsn[1:], [2] * 4, S)
	elif c == "ES":
		nsn = subs
		body = group(nsn, [3, 3, 3], S) if R.chance(0.6) else group(nsn, [2, 3, 2, 2] if nsn[0] in "89" else [3, 2, 2, 2], S)
	elif c == "UK":
		body = area + S + (group(subs, [4, 4], S) if len(subs) == 8 else group(subs, [3, 4], S) if len(subs) == 7 else subs)
	elif c == "IT":
		body = area + S + (group(subs, [3, 4], S) if len(subs) == 7 and R.chance(0.5) else subs)
	elif c == "NL":
		body = area + S + (group(subs, [4, 4], S) if len(subs) == 8 and R.chance(0.4) else subs if len(subs) == 8 else group(subs, [3, 4], S) if len(subs) == 7 else subs)
	else:
		body = area + S + subs
	st = R.weighted([("plus", 8), ("00", 2), ("compact", 2), ("dash", 1), ("(0)", 2 if trunk else 0)])
	if st == "plus":
		return "+" + cc + S + body, "+CC" + sname
	if st == "00":
		return "00" + cc + S + body, "00CC" + sname
	if st == "compact":
		return "+" + cc + area + subs, "+CC compact"
	if st == "dash":
		return "+" + cc + "-" + body.replace(S, "-"), "+CC dashed"
	return "+" + cc + S + "(0)" + body, "+CC (0)" + sname


def make_national(R, c, form):
	cc, trunk, plan = PLANS[c]
	area, subs, kind, _ = plan(R)
	if form == "national":
		v, st = national_text(R, c, area, subs, kind)
	else:
		v, st = intl_text(R, c, cc, trunk, area, subs)
	return Item("PHONE", "PHONE/%s-%s" % (c, form), "%s %s" % (kind, st), v)


# Other countries, E.164: country -> (cc, national significant number maker, grouping, NSN regex)
E164 = {
	"AU": ("61", lambda R: R.pick(["4" + R.digits(8), R.pick("2378") + R.digits(8, "2345689")]), [3, 3, 3], r"(4\d{8}|[2378][2-689]\d{7})"),
	"JP": ("81", lambda R: R.pick([R.pick(["90", "80", "70"]) + R.digits(8), "3" + R.digits(8, "23456789")]), [2, 4, 4], r"([789]0\d{8}|3\d{8})"),
	"IN": ("91", lambda R: R.digits(10, "6789"), [5, 5], r"[6-9]\d{9}"),
	"BR": ("55", lambda R: R.pick(["11", "21", "31", "41", "61", "71", "81"]) + "9" + R.digits(8), [2, 5, 4], r"[1-9][1-9]9\d{8}"),
	"CH": ("41", lambda R: R.pick(["44", "79", "76", "78", "77", "22", "31", "61"]) + R.digits(7, "2345689"), [2, 3, 2, 2], r"(44|7[6-9]|22|31|61)[2-9]\d{6}"),
	"SE": ("46", lambda R: R.pick(["70", "72", "73", "76", "79"]) + R.digits(7), [2, 3, 2, 2], r"7[02369]\d{7}"),
	"PL": ("48", lambda R: R.digits(9, "5678"), [3, 3, 3], r"[5-8]\d{8}"),
	"IE": ("353", lambda R: R.pick(["83", "85", "86", "87", "89"]) + R.digits(7, "2345689"), [2, 3, 4], r"8[35-9][2-9]\d{6}"),
	"MX": ("52", lambda R: R.pick(["55", "33", "81"]) + R.digits(8, "123456789"), [2, 4, 4], r"(55|33|81)[1-9]\d{7}"),
	"ZA": ("27", lambda R: R.pick(["82", "83", "72", "71", "84", "11", "21"]) + R.digits(7, "123456789"), [2, 3, 4], r"(8[234]|7[12]|11|21)[1-9]\d{6}"),
	"SG": ("65", lambda R: R.digits(8, "689"), [4, 4], r"[689]\d{7}"),
	"PT": ("351", lambda R: R.pick(["91", "92", "93", "96", "21", "22"]) + R.digits(7), [3, 3, 3], r"(9[1236]|2[12])\d{7}"),
	"BE": ("32", lambda R: "4" + R.pick("56789") + R.digits(7), [3, 2, 2, 2], r"4[5-9]\d{7}"),
	"AT": ("43", lambda R: R.pick(["664", "650", "676", "699", "660"]) + R.digits(7, "123456789"), [3, 7], r"6[5-9]\d[1-9]\d{6}"),
	"CZ": ("420", lambda R: R.pick("67") + R.digits(8), [3, 3, 3], r"[67]\d{8}"),
	"TR": ("90", lambda R: "5" + R.pick("012345") + R.digits(8), [3, 3, 2, 2], r"5[0-5]\d{8}"),
	"DK": ("45", lambda R: R.digits(8, "23456789"), [2, 2, 2, 2], r"[2-9]\d{7}"),
	"NO": ("47", lambda R: R.pick("49") + R.digits(7), [3, 2, 3], r"[49]\d{7}"),
	"FI": ("358", lambda R: "4" + R.pick("0123456") + R.digits(7), [2, 3, 4], r"4[0-6]\d{7}"),
	"GR": ("30", lambda R: "69" + R.pick("01345789") + R.digits(7), [3, 3, 4], r"69\d{8}"),
	"KR": ("82", lambda R: "10" + R.digits(8, "23456789"), [2, 4, 4], r"10[2-9]\d{7}"),
	"CN": ("86", lambda R: "1" + R.pick("3456789") + R.digits(9), [3, 4, 4], r"1[3-9]\d{9}"),
	"IL": ("972", lambda R: "5" + R.pick("0234578") + R.digits(7), [2, 3, 4], r"5[0-8]\d{7}"),
	"AE": ("971", lambda R: "5" + R.pick("024568") + R.digits(7), [2, 3, 4], r"5[0-8]\d{7}"),
	"KE": ("254", lambda R: "7" + R.digits(8), [3, 3, 3], r"7\d{8}"),
	"NZ": ("64", lambda R: "2" + R.pick("0179") + R.digits(7, "23456789"), [2, 3, 4], r"2[0-9][2-9]\d{6}"),
	"HU": ("36", lambda R: R.pick(["20", "30", "70"]) + R.digits(7, "23456789"), [2, 3, 4], r"[237]0[2-9]\d{6}"),
	"RO": ("40", lambda R: "7" + R.pick("2345678") + R.digits(7), [3, 3, 3], r"7[2-8]\d{7}"),
	"UA": ("380", lambda R: R.pick(["50", "66", "67", "68", "93", "97", "63"]) + R.digits(7), [2, 3, 2, 2], r"(50|6[3678]|9[37])\d{7}"),
	"LU": ("352", lambda R: R.pick(["621", "661", "691"]) + R.digits(6), [3, 3, 3], r"6[269]1\d{6}"),
}


def make_e164(R, sub, country=None):
	country = country or R.pick(sorted(E164))
	cc, mk, grp, _ = E164[country]
	nsn = mk(R)
	if sub == "compact":
		return Item("PHONE", "PHONE/E164-compact", country, "+" + cc + nsn)
	S = R.weighted([(" ", 10), ("-", 2), (NBSP, 2)])
	v = "+" + cc + S + group(nsn, grp, S)
	if R.chance(0.08) and S == " ":
		v = "00" + v[1:]
		return Item("PHONE", "PHONE/E164-spaced", country + " 00 prefix", v)
	return Item("PHONE", "PHONE/E164-spaced", country + {" ": "", "-": " dashed", NBSP: " nbsp"}[S], v)


PHONE_SUBS = [("NANP-paren", 3), ("NANP-dashed", 3), ("NANP-dotted", 2), ("NANP-spaced", 2), ("NANP-plain", 4),
	      ("NANP-plus1", 3), ("NANP-trunk1", 2), ("E164-compact", 3), ("E164-spaced", 5)] + \
	[("%s-%s" % (c, f), 5 if f == "national" else 3) for c in PLANS for f in ("national", "intl")]


def make_phone(R, sub):
	kind, form = sub.split("-", 1)
	if kind == "NANP":
		return make_nanp(R, form)
	if kind == "E164":
		return make_e164(R, form)
	return make_national(R, kind, form)


# ---- SSN ----------------------------------------------------------------------

SSN_AVOID = {"078051120", "219099999", "123456789", "457555462"}


def ssn_digits(R):
	while True:
		a = R.int(1, 899)
		if a == 666:
			continue
		d = "%03d%02d%04d" % (a, R.int(1, 99), R.int(1, 9999))
		if d not in SSN_AVOID:
			return d


def make_ssn(R, sub):
	d = ssn_digits(R)
	if sub == "dashed":
		return Item("SSN", "SSN/dashed", "dashed", "%s-%s-%s" % (d[:3], d[3:5], d[5:]))
	if sub == "spaced":
		S = R.weighted([(" ", 8), (NBSP, 1)])
		return Item("SSN", "SSN/spaced", "spaced" + (" nbsp" if S == NBSP else ""), S.join([d[:3], d[3:5], d[5:]]))
	return Item("SSN", "SSN/plain", "plain", d)


SSN_SUBS = [("dashed", 4), ("spaced", 3), ("plain", 3)]


# ---- CARD ---------------------------------------------------------------------

CARD_BRANDS = {
	"visa": (lambda R: "4", lambda R: R.weighted([(16, 12), (19, 1)])),
	"mastercard": (lambda R: str(R.int(51, 55)), lambda R: 16),
	"mastercard2": (lambda R: str(R.int(2221, 2720)), lambda R: 16),
	"amex": (lambda R: R.pick(["34", "37"]), lambda R: 15),
	"discover": (lambda R: R.pick(["6011", str(R.int(644, 649)), "65"]), lambda R: 16),
	"jcb": (lambda R: str(R.int(3528, 3589)), lambda R: 16),
	"diners": (lambda R: R.pick(["36", "38", "39", str(R.int(300, 305))]), lambda R: 14),
	"unionpay": (lambda R: "62" + R.pick("0123458"), lambda R: R.weighted([(16, 3), (19, 1)])),
	"maestro": (lambda R: R.pick(["6759", "676770", "676774", "5018", "5020", "5038", "5893", "6304"]), lambda R: R.pick([16, 16, 19])),
	"mir": (lambda R: "220" + R.pick("01234"), lambda R: 16),
}
CARD_TEST_NUMBERS = {"visa": ["4242424242424242", "4111111111111111", "4000056655665556", "4012888888881881"],
		     "mastercard": ["5555555555554444", "5105105105105100", "5200828282828210"],
		     "mastercard2": ["2223003122003222"], "amex": ["378282246310005", "371449635398431"],
		     "discover": ["6011111111111117", "6011000990139424"], "jcb": ["3530111333300000", "3566002020360505"],
		     "diners": ["36227206271667", "30569309025904"], "unionpay": ["6200000000000005"]}


def card_grouping(n):
	return {15: [4, 6, 5], 14: [4, 6, 4], 16: [4, 4, 4, 4], 19: [4, 4, 4, 4, 3]}[n]


def make_card(R, sub):
	brand, fmt = sub.split("-")
	pre, ln = CARD_BRANDS[brand]
	if brand in CARD_TEST_NUMBERS and R.chance(0.06):
		num = R.pick(CARD_TEST_NUMBERS[brand])
		var = "%d digits, well-known test number" % len(num)
	else:
		p = pre(R)
		n = ln(R)
		body = p + R.digits(n - len(p) - 1)
		num = body + pc.luhn_digit(body)
		var = "%d digits" % n
	if fmt == "plain":
		v = num
	elif fmt == "spaced":
		S = R.weighted([(" ", 10), (NBSP, 1)])
		v = group(num, card_grouping(len(num)), S)
		if S == NBSP:
			var += " nbsp"
	else:
		v = group(num, card_grouping(len(num)), "-")
	return Item("CARD", "CARD/" + sub, var, v)


CARD_SUBS = [("%s-%s" % (b, f), 1 if b in ("maestro", "mir") else 3 if b in ("visa", "mastercard") else 2)
	     for b in CARD_BRANDS for f in ("plain", "spaced", "dashed")]


# ---- IBAN ---------------------------------------------------------------------

IBAN_EXTRA = {  # SWIFT IBAN registry entries beyond pii_corpus.py's table
	"AD": "4n4n12c", "AZ": "4a20c", "BH": "4a14c", "EG": "4n4n17n", "GE": "2a16n", "GI": "4a15c", "IL": "3n3n13n",
	"JO": "4a4n18c", "KW": "4a22c", "KZ": "3n13c", "MC": "5n5n11c2n", "MD": "2c18c", "ME": "3n13n2n",
	"MK": "3n10c2n", "PK": "4a16c", "QA": "4a21c", "RS": "3n13n2n", "SM": "1a5n5n12c", "UA": "6n19c",
	"XK": "4n10n2n", "FO": "4n9n1n", "GL": "4n9n1n",
}
IBAN_EXTRA_LEN = {"AD": 24, "AZ": 28, "BH": 22, "EG": 29, "GE": 22, "GI": 23, "IL": 23, "JO": 30, "KW": 30, "KZ": 20,
		  "MC": 27, "MD": 24, "ME": 22, "MK": 19, "PK": 24, "QA": 29, "RS": 22, "SM": 27, "UA": 29, "XK": 20,
		  "FO": 18, "GL": 18}
IBAN_STRUCT = dict(pc.IBAN_BBAN)
IBAN_STRUCT.update(IBAN_EXTRA)
IBAN_LENGTH = dict(pc.IBAN_LEN)
IBAN_LENGTH.update(IBAN_EXTRA_LEN)
IBAN_BANKS = {"GB": ["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "SRLG", "MONZ"], "IE": ["AIBK", "BOFI", "IPBS"],
	      "NL": ["ABNA", "INGB", "RABO", "TRIO", "SNSB", "KNAB", "BUNQ"], "QA": ["QNBA", "DOHB"],
	      "KW": ["NBOK", "CBKU"], "PK": ["SCBL", "HABB"], "GI": ["NWBK"], "JO": ["CBJO", "ARAB"],
	      "BH": ["BMAG", "NBOB"], "AZ": ["NABZ", "IBAZ"]}
# the countries people here mostly pay into, weighted
IBAN_COUNTRY_W = [("DE", 10), ("FR", 7), ("IT", 6), ("ES", 6), ("NL", 6), ("BE", 3), ("AT", 3), ("CH", 3), ("GB", 4),
		  ("IE", 2), ("PT", 3), ("PL", 3), ("SE", 2), ("CZ", 2), ("TR", 2), ("LU", 1), ("DK", 1), ("FI", 1),
		  ("NO", 1), ("GR", 1), ("HU", 1), ("RO", 1), ("SK", 1), ("SI", 1), ("HR", 1), ("BG", 1), ("LT", 1),
		  ("LV", 1), ("EE", 1), ("MT", 1), ("CY", 1), ("IS", 1), ("LI", 1), ("SA", 1), ("AE", 1), ("BR", 1)] + \
	[(c, 1) for c in sorted(IBAN_EXTRA)]


def make_bban(R, cc):
	parts = []
	for m in re.finditer(r"(\d+)([nac])", IBAN_STRUCT[cc]):
		n, t = int(m.group(1)), m.group(2)
		parts.append(R.digits(n) if t == "n" else R.letters(n) if t == "a" else R.alnum(n))
	if cc in IBAN_BANKS:
		parts[0] = R.pick(IBAN_BANKS[cc])
	if cc in ("FR", "MC"):
		acct = R.digits(11)
		parts = [parts[0], parts[1], acct, pc.rib_key(parts[0], parts[1], acct)]
	elif cc == "ES":
		parts[2:4] = [pc.es_dc(parts[0], parts[1], parts[4])]
	elif cc in ("IT", "SM"):
		acct = R.digits(12)
		parts = [pc.it_cin(parts[1], parts[2], acct), parts[1], parts[2], acct]
	elif cc == "BE":
		parts[2] = pc.be_check(parts[0] + parts[1])
	elif cc in ("RS", "ME", "SI"):  # national ISO 7064 mod 97-10 check over bank code and account
		head = "".join(parts[:-1])
		parts[-1] = "%02d" % (98 - int(head + "00") % 97)
	return "".join(parts)


def iban_compact(R, cc=None):
	cc = cc or R.weighted(IBAN_COUNTRY_W)
	b = make_bban(R, cc)
	v = cc + pc.iban_check(cc, b) + b
	assert len(v) == IBAN_LENGTH[cc], (cc, v)
	return v, cc


def make_iban(R, sub, cc=None):
	v, cc = iban_compact(R, cc)
	if sub == "compact":
		return Item("IBAN", "IBAN/compact", cc, v)
	S = R.weighted([(" ", 12), (NBSP, 1)])
	return Item("IBAN", "IBAN/grouped", cc + (" nbsp" if S == NBSP else ""), group(v, [4] * 9, S))


IBAN_SUBS = [("compact", 1), ("grouped", 1)]


# ---- IP -----------------------------------------------------------------------


def make_v4(R, kind=None):
	k = kind or R.weighted([("doc", 4), ("rfc1918-10", 3), ("rfc1918-192", 2), ("rfc1918-172", 2), ("cgnat", 1), ("public", 5)])
	if k == "doc":
		return R.pick(["192.0.2", "198.51.100", "203.0.113"]) + ".%d" % R.int(1, 254), "documentation"
	if k == "rfc1918-10":
		return "10.%d.%d.%d" % (R.int(0, 255), R.int(0, 255), R.int(1, 254)), "private 10/8"
	if k == "rfc1918-192":
		return "192.168.%d.%d" % (R.int(0, 255), R.int(1, 254)), "private 192.168/16"
	if k == "rfc1918-172":
		return "172.%d.%d.%d" % (R.int(16, 31), R.int(0, 255), R.int(1, 254)), "private 172.16/12"
	if k == "cgnat":
		return "100.%d.%d.%d" % (R.int(64, 127), R.int(0, 255), R.int(1, 254)), "CGNAT 100.64/10"
	while True:
		a = R.int(1, 223)
		if a not in (10, 100, 127, 169, 172, 192, 198, 203):
			return "%d.%d.%d.%d" % (a, R.int(0, 255), R.int(0, 255), R.int(1, 254)), "public"


V6_PREFIXES = [["2001", "db8"], ["2001", "db8"], ["2001", "0db8"], ["2a01", "4f8"], ["2600", "1f18"], ["2a03", "2880"],
	       ["2606", "4700"], ["2001", "4860"], ["2a02", None], ["2a0c", None], ["2804", None], ["fd00", None],
	       ["fd7a", "115c"], ["2400", "cb00"], ["2c0f", None]]


def v6_groups(R):
	pre = list(R.pick(V6_PREFIXES))
	if pre[1] is None:
		pre[1] = R.hexs(R.int(2, 4)).lstrip("0") or "1"
	return pre + [R.hexs(R.int(1, 4)).lstrip("0") or "0" for _ in range(6)]


def v6_compress(gs):
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


def make_ip(R, sub):
	if sub == "v4":
		v, var = make_v4(R)
		return Item("IP", "IP/v4", var, v)
	if sub == "v4-port-cidr":  # the decoration is added by the template (see ip_decor)
		v, var = make_v4(R)
		return Item("IP", "IP/v4-port-cidr", var, v)
	if sub == "v6-full":
		gs = v6_groups(R)
		if R.chance(0.5):
			v, var = ":".join(x.zfill(4) for x in gs), "leading zeros"
		else:
			v, var = ":".join(x.lstrip("0") or "0" for x in gs), "no leading zeros"
		if R.chance(0.15):
			v, var = v.upper(), var + ", upper case"
		return Item("IP", "IP/v6-full", var, v)
	if sub == "v6-compressed":
		gs = v6_groups(R)
		k = R.weighted([("middle", 5), ("prefix-host", 3), ("link-local", 2)])
		if k == "link-local":
			gs = ["fe80", "0", "0", "0"] + [R.hexs(4).lstrip("0") or "1" for _ in range(4)]
		else:
			z = R.int(2, 4)
			at = R.int(2, 7 - z)
			gs[at:at + z] = ["0"] * z
			if k == "prefix-host":
				gs[2:7] = ["0"] * 5
				gs[7] = R.pick(["1", "2", "10", "53", "a", "ff", "100", R.hexs(4).lstrip("0") or "1"])
		return Item("IP", "IP/v6-compressed", k, v6_compress(gs))
	if sub == "v6-ipv4":
		a, _ = make_v4(R, R.pick(["doc", "public", "rfc1918-10"]))
		name, form = R.pick([("v4-mapped", "::ffff:%s"), ("v4-mapped", "::ffff:%s"), ("NAT64", "64:ff9b::%s"),
				     ("v4-mapped upper", "::FFFF:%s"), ("v4-mapped uncompressed", "0:0:0:0:0:ffff:%s"),
				     ("doc prefix", "2001:db8:" + (R.hexs(2).lstrip("0") or "1") + "::%s")])
		return Item("IP", "IP/v6-ipv4", name, form % a)
	raise ValueError(sub)


IP_SUBS = [("v4", 5), ("v4-port-cidr", 3), ("v6-full", 2), ("v6-compressed", 3), ("v6-ipv4", 2)]


# ---- negatives: values that are not PII of the six types ------------------------

K_CARD_LUHN = "card failing Luhn"
K_IBAN_BAD = "IBAN failing mod-97"
K_SSN_BAD = "invalid SSN"
K_VERSION = "version"
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
K_MCARD = "masked card"
K_IMSI = "IMSI"
K_VAT = "VAT / tax id"
K_COMPANY = "company registration number"
K_PAYREF = "payment reference (RF, creditor id, OGM, QR)"
K_DATE = "date"
K_QTY = "quantity / measurement"
K_BADIP = "invalid IP address"
K_REF = "reference id (CVE, KB, RFC, standard)"
K_MED = "medical code / provider id"
K_BOOK = "booking / ticket number"
K_SERIAL = "serial number (VIN, container, device)"
K_BANKACCT = "domestic bank account (not IBAN)"
K_MEET = "meeting id / PIN"
K_B64 = "base64 blob"
K_PTR = "memory address / pointer"
K_PATENT = "patent / CAS number"
K_MSSN = "masked SSN"
K_MPHONE = "masked phone number"
K_HS = "customs tariff (HS) code"


def n_card_luhn(R, k=None):
	brand = R.pick([b for b in CARD_BRANDS if b != "mir"])
	pre, ln = CARD_BRANDS[brand]
	p = pre(R)
	n = ln(R)
	body = p + R.digits(n - len(p) - 1)
	good = pc.luhn_digit(body)
	if R.chance(0.7):
		num = body + str((int(good) + R.int(1, 9)) % 10)
		how = "last digit"
	else:
		num = body + good
		while True:
			i = R.int(len(p), len(num) - 3)
			if num[i] != num[i + 1] and {num[i], num[i + 1]} != {"0", "9"}:
				num = num[:i] + num[i + 1] + num[i] + num[i + 2:]
				break
		how = "transposed digits"
	assert not pc.luhn_ok(num)
	fmt = R.pick(["plain", "spaced", "spaced", "dashed"])
	v = num if fmt == "plain" else group(num, card_grouping(len(num)), " " if fmt == "spaced" else "-")
	return v, "%s %s, %s" % (brand, fmt, how)


def n_iban_bad(R, k=None):
	v, cc = iban_compact(R)
	if R.chance(0.5):
		good = v[2:4]
		while v[2:4] == good:
			v = v[:2] + "%02d" % R.int(2, 98) + v[4:]
		how = "check digits"
	else:
		while True:
			i = R.int(5, len(v) - 1)
			if v[i].isdigit():
				w = v[:i] + str((int(v[i]) + R.int(1, 9)) % 10) + v[i + 1:]
			else:
				w = v[:i] + chr((ord(v[i]) - 65 + R.int(1, 25)) % 26 + 65) + v[i + 1:]
			if not pc.iban_ok(w):
				v = w
				break
		how = "one character wrong"
	fmt = R.pick(["compact", "grouped"])
	return (v if fmt == "compact" else group(v, [4] * 9, " ")), "%s %s, %s" % (cc, fmt, how)


def n_ssn_bad(R, k=None):
	d = ssn_digits(R)
	k = k or R.pick(["area 000", "area 666", "area 9xx", "group 00", "serial 0000", "ITIN 9xx-7x"])
	if k == "area 000":
		d = "000" + d[3:]
	elif k == "area 666":
		d = "666" + d[3:]
	elif k == "area 9xx":
		d = "9" + R.digits(2) + d[3:]
	elif k == "group 00":
		d = d[:3] + "00" + d[5:]
	elif k == "serial 0000":
		d = d[:5] + "0000"
	else:
		d = "9" + R.digits(2) + R.pick(["7", "8"]) + R.digits(1) + d[5:]
	sep = R.pick(["-", "-", "-", " ", ""])
	return sep.join([d[:3], d[3:5], d[5:]]), k + (" dashed" if sep == "-" else " spaced" if sep else " plain")


def n_version(R, k=None):
	k = k or R.pick(["semver", "v-semver", "four-part", "four-part", "windows build", "chrome", "kernel", "pin",
		    "android build", "prerelease", "dotnet", "firmware", "java", "build metadata"])
	r = R.int
	if k == "semver":
		return "%d.%d.%d" % (r(0, 24), r(0, 60), r(0, 199)), k
	if k == "v-semver":
		return "v%d.%d.%d" % (r(0, 24), r(0, 60), r(0, 99)), k
	if k == "four-part":
		return "%d.%d.%d.%d" % (r(1, 15), r(0, 40), r(0, 99), r(0, 250)), k + " (dotted-quad shaped)"
	if k == "windows build":
		return "10.0.%d.%d" % (R.pick([19045, 22621, 22631, 26100, 20348, 17763]), r(1000, 5000)), k
	if k == "chrome":
		return "%d.0.%d.%d" % (r(110, 131), r(5400, 6800), r(50, 250)), k
	if k == "kernel":
		return "%d.%d.%d-%d-%s" % (r(5, 6), r(4, 15), r(0, 60), r(10, 120), R.pick(["generic", "amd64", "aws", "azure"])), k
	if k == "pin":
		return "%d.%d.%d" % (r(1, 9), r(0, 40), r(0, 20)), k
	if k == "android build":
		return "%s.%02d%02d%02d.%03d" % (R.pick(["UP1A", "AP2A", "TQ3A", "UQ1A"]), r(22, 25), r(1, 12), r(1, 28), r(1, 20)), k
	if k == "prerelease":
		return "%d.%d.0-%s.%d" % (r(0, 9), r(0, 30), R.pick(["rc", "beta", "alpha", "next"]), r(1, 12)), k
	if k == "dotnet":
		return "%d.0.%d.%d" % (r(6, 9), r(100, 999), r(10000, 65000)), k
	if k == "firmware":
		return "%d.%d.%d.%d" % (r(1, 9), r(0, 9), r(0, 30), r(1, 200)), k + " (dotted-quad shaped)"
	if k == "java":
		return "%d.0.%d+%d" % (r(11, 23), r(1, 12), r(1, 12)), k
	return "%d.%d.%d+build.%d" % (r(0, 5), r(0, 20), r(0, 20), r(100, 9999)), k


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def n_timestamp(R, k=None):
	r = R.int
	y, mo, d, h, mi, s = r(2016, 2026), r(1, 12), r(1, 28), r(0, 23), r(0, 59), r(0, 59)
	k = k or R.pick(["iso-z", "iso-millis-z", "iso-offset", "space", "epoch-s", "epoch-ms", "syslog", "clf",
			 "rfc2822", "slack-ts", "compact", "dotnet-ticks", "de", "us"])
	if k == "iso-z":
		return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (y, mo, d, h, mi, s), k
	if k == "iso-millis-z":
		return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (y, mo, d, h, mi, s, r(0, 999)), k
	if k == "iso-offset":
		return "%04d-%02d-%02dT%02d:%02d:%02d%s%02d:00" % (y, mo, d, h, mi, s, R.pick("+-"), r(0, 9)), k
	if k == "space":
		return "%04d-%02d-%02d %02d:%02d:%02d" % (y, mo, d, h, mi, s), k
	if k == "epoch-s":
		return str(r(1451606400, 1798761600)), k
	if k == "epoch-ms":
		return str(r(1451606400000, 1798761600000)), k
	if k == "syslog":
		return "%s %2d %02d:%02d:%02d" % (MONTHS[mo - 1], d, h, mi, s), k
	if k == "clf":
		return "%02d/%s/%04d:%02d:%02d:%02d +0000" % (d, MONTHS[mo - 1], y, h, mi, s), k
	if k == "rfc2822":
		return "%s, %02d %s %04d %02d:%02d:%02d %s" % (R.pick(["Mon", "Tue", "Wed", "Thu", "Fri"]), d, MONTHS[mo - 1], y, h,
							  mi, s, R.pick(["+0000", "+0100", "+0200", "-0500", "-0800"])), k
	if k == "slack-ts":
		return "%d.%06d" % (r(1600000000, 1760000000), r(0, 999999)), k
	if k == "compact":
		return "%04d%02d%02d%02d%02d%02d" % (y, mo, d, h, mi, s), k
	if k == "dotnet-ticks":
		return "%04d-%02d-%02d %02d:%02d:%02d.%07d" % (y, mo, d, h, mi, s, r(0, 9999999)), k
	if k == "de":
		return "%02d.%02d.%04d %02d:%02d" % (d, mo, y, h, mi), k
	return "%02d/%02d/%04d %d:%02d %s" % (mo, d, y, r(1, 12), mi, R.pick(["AM", "PM"])), k


def n_order(R, k=None):
	r = R.int
	k = k or R.pick(["hash", "so-year", "amazon", "inv", "po", "cmd", "ebay", "shopify-name", "ten digits", "year-slash"])
	if k == "hash":
		return "#%d" % r(10000, 9999999), k
	if k == "so-year":
		return "SO-%d-%06d" % (r(2019, 2026), r(1, 999999)), k
	if k == "amazon":
		return "%03d-%07d-%07d" % (r(111, 404), r(0, 9999999), r(0, 9999999)), k
	if k == "inv":
		return "INV-%d-%05d" % (r(2020, 2026), r(1, 99999)), k
	if k == "po":
		return "PO-%d" % r(4500000000, 4599999999), k
	if k == "cmd":
		return "CMD-%s" % R.digits(8, "123456789"), k
	if k == "ebay":
		return "%02d-%05d-%05d" % (r(10, 27), r(0, 99999), r(0, 99999)), k
	if k == "shopify-name":
		return "#%s%d" % (R.pick(["FH", "KS", "NV"]), r(1000, 99999)), k
	if k == "ten digits":
		return R.digits(10, "123456789"), k
	return "%d/%06d" % (r(2019, 2026), r(1, 999999)), k


def n_price(R, k=None):
	r = R.int
	k = k or R.pick(["usd", "usd-big", "eur-de", "eur-fr-nbsp", "gbp", "chf", "brl", "pln", "czk", "try", "jpy", "sek", "eur-nl"])
	if k == "usd":
		return "$%d,%03d.%02d" % (r(1, 99), r(0, 999), r(0, 99)), k
	if k == "usd-big":
		return "USD %d,%03d,%03d.%02d" % (r(1, 99), r(0, 999), r(0, 999), r(0, 99)), k
	if k == "eur-de":
		return "%d.%03d,%02d €" % (r(1, 999), r(0, 999), r(0, 99)), k
	if k == "eur-fr-nbsp":
		return "%d%s%03d,%02d%s€" % (r(1, 999), NBSP, r(0, 999), r(0, 99), NBSP), k
	if k == "gbp":
		return "£%d,%03d.%02d" % (r(1, 99), r(0, 999), r(0, 99)), k
	if k == "chf":
		return "CHF %d’%03d.%02d" % (r(1, 999), r(0, 999), r(0, 95)), k
	if k == "brl":
		return "R$ %d.%03d,%02d" % (r(1, 999), r(0, 999), r(0, 99)), k
	if k == "pln":
		return "%d %03d,%02d zł" % (r(1, 99), r(0, 999), r(0, 99)), k
	if k == "czk":
		return "%d %03d Kč" % (r(1, 999), r(0, 999)), k
	if k == "try":
		return "₺%d.%03d,%02d" % (r(1, 999), r(0, 999), r(0, 99)), k
	if k == "jpy":
		return "¥%d,%03d" % (r(1, 999), r(0, 999)), k
	if k == "sek":
		return "%d %03d kr" % (r(1, 99), r(0, 999)), k
	return "€ %d.%03d,%02d" % (r(1, 99), r(0, 999), r(0, 99)), k


def n_coords(R, k=None):
	lat, lon = R.r.uniform(-60, 70), R.r.uniform(-170, 170)
	k = k or R.pick(["pair", "keyed", "geojson", "dms", "maps-url"])
	if k == "pair":
		return "%.5f, %.5f" % (lat, lon), k
	if k == "keyed":
		return "lat=%.6f&lng=%.6f" % (lat, lon), k
	if k == "geojson":
		return "[%.6f, %.6f]" % (lon, lat), k
	if k == "dms":
		def dms(x, pos, neg):
			a = abs(x)
			return "%d°%02d′%04.1f″%s" % (int(a), int(a * 60) % 60, (a * 3600) % 60, pos if x >= 0 else neg)
		return dms(lat, "N", "S") + " " + dms(lon, "E", "W"), k
	return "@%.7f,%.7f,%dz" % (lat, lon, R.int(10, 18)), k + " (has @)"


def n_hash(R, k=None):
	k = k or R.pick(["md5", "sha1", "sha256", "git-short", "sha512-prefix", "docker-image-id", "etag"])
	if k == "md5":
		return R.hexs(32), k
	if k == "sha1":
		return R.hexs(40), k
	if k == "sha256":
		return R.hexs(64), k
	if k == "git-short":
		return R.hexs(R.pick([7, 8, 10, 12])), k
	if k == "sha512-prefix":
		return R.hexs(24), k
	if k == "docker-image-id":
		return "sha256:" + R.hexs(64), k
	return "W/\"" + R.hexs(R.pick([16, 32])) + "\"", k


def n_uuid(R, k=None):
	h = R.hexs(32)
	k = k or R.pick(["v4", "v4", "v4-upper", "braced", "v7", "no-dashes"])
	if k == "v7":
		h = "018" + R.hexs(5) + h[8:12] + "7" + h[13:]
	u = "%s-%s-%s-%s%s-%s" % (h[:8], h[8:12], ("4" + h[13:16]) if k != "v7" else h[12:16], R.pick("89ab"), h[17:20], h[20:])
	if k == "v4-upper":
		u = u.upper()
	elif k == "braced":
		u = "{" + u.upper() + "}"
	elif k == "no-dashes":
		u = u.replace("-", "")
	return u, k


def isbn13(R):
	body = R.pick(["978", "979"]) + R.digits(9)
	c = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body)) % 10) % 10
	return body + str(c)


def n_phonelike(R, k=None):
	k = k or R.pick(["customer number", "contract number", "isbn13 dashed", "isbn13 plain", "isbn10", "ean13", "soa serial",
		    "aws account", "case number", "hotel confirmation", "membership number", "gtin14"])
	if k == "customer number":
		return "0" + R.digits(9, "123456789"), k + " (10 digits, leading 0)"
	if k == "contract number":
		return R.digits(11, "3456789"), k + " (11 digits)"
	if k == "isbn13 dashed":
		b = isbn13(R)
		return "%s-%s-%s-%s-%s" % (b[:3], b[3], b[4:8], b[8:12], b[12]), k
	if k == "isbn13 plain":
		return isbn13(R), k
	if k == "isbn10":
		body = R.digits(9)
		c = (11 - sum((10 - i) * int(d) for i, d in enumerate(body)) % 11) % 11
		return "%s-%s-%s-%s" % (body[0], body[1:4], body[4:9], "X" if c == 10 else c), k
	if k == "ean13":
		while True:
			body = R.pick(["40", "50", "80", "84", "87", "90"]) + R.digits(10)
			c = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body)) % 10) % 10
			if not pc.luhn_ok(body + str(c)):  # a Luhn-valid 4... EAN would also be a valid 13-digit Visa number
				return body + str(c), k
	if k == "soa serial":
		return "%d%02d%02d%02d" % (R.int(2019, 2026), R.int(1, 12), R.int(1, 28), R.int(1, 12)), k
	if k == "aws account":
		return R.digits(12, "123456789"), k
	if k == "case number":
		return "000" + R.digits(5, "123456789"), k + " (Salesforce-style)"
	if k == "hotel confirmation":
		return R.digits(9, "123456789"), k
	if k == "membership number":
		return R.digits(4, "3456789") + " " + R.digits(4) + " " + R.digits(3), k + " (4-4-3)"
	return "1" + R.digits(13), k


def n_imei(R, k=None):
	while True:
		body = R.pick(["35", "86", "01", "44", "99"]) + R.digits(12)
		v = body + pc.luhn_digit(body)
		if v[:2] not in ("34", "37"):
			break
	k = k or R.pick(["plain", "plain", "dashed", "spaced"])
	if k == "dashed":
		v = "%s-%s-%s-%s" % (v[:2], v[2:8], v[8:14], v[14])
	elif k == "spaced":
		v = "%s %s %s %s" % (v[:2], v[2:8], v[8:14], v[14])
	return v, k


def n_iccid(R, k=None):
	body = "89" + R.pick(["1", "44", "49", "33", "31", "34", "39", "46", "48"]) + R.digits(2)
	body += R.digits(R.pick([18, 19]) - len(body))
	v = body + pc.luhn_digit(body)
	k = k or R.pick(["plain", "plain", "spaced"])
	return (v if k == "plain" else group(v, [4] * 5, " ")), "%d digits %s" % (len(v), k)


def n_mac(R, k=None):
	b = [R.hexs(2) for _ in range(6)]
	k = k or R.pick(["colon", "colon-upper", "dash", "cisco", "bare"])
	if k == "colon":
		return ":".join(b), k
	if k == "colon-upper":
		return ":".join(b).upper(), k
	if k == "dash":
		return "-".join(b).upper(), k
	if k == "cisco":
		return "%s.%s.%s" % ("".join(b[:2]), "".join(b[2:4]), "".join(b[4:])), k
	return "".join(b).upper(), k


def n_oid(R, k=None):
	r = R.int
	k = k or R.pick(["snmp oid", "snmp oid", "x500 oid", "pkcs oid", "section 4", "section 5", "clause 3"])
	if k == "snmp oid":
		return R.pick(["1.3.6.1.4.1.%d.%d.%d.%d" % (r(1, 60000), r(1, 30), r(1, 9), r(0, 9)),
			       "1.3.6.1.2.1.%d.%d.%d" % (r(1, 40), r(1, 20), r(0, 9)),
			       "1.3.6.1.2.1.2.2.1.%d.%d" % (r(1, 22), r(1, 48))]), k
	if k == "x500 oid":
		return "2.5.4.%d" % r(3, 46), k
	if k == "pkcs oid":
		return "1.2.840.113549.1.%d.%d" % (r(1, 9), r(1, 14)), k
	if k == "section 4":
		return "%d.%d.%d.%d" % (r(1, 14), r(1, 9), r(1, 9), r(1, 12)), k + " (dotted-quad shaped)"
	if k == "section 5":
		return "%d.%d.%d.%d.%d" % (r(1, 14), r(1, 9), r(1, 9), r(1, 9), r(1, 9)), k
	return "%d.%d.%d" % (r(1, 20), r(1, 12), r(1, 9)), k


def n_at(R, k=None):
	k = k or R.pick(["npm pin", "scoped npm", "docker digest", "mention", "python decorator", "java annotation",
		    "git remote", "git remote", "ssh/scp user@host", "shell prompt", "css at-rule", "sql variable",
		    "go module", "pip vcs pin"])
	r = R.int
	if k == "npm pin":
		return "%s@%d.%d.%d" % (R.pick(["react", "lodash", "express", "zod", "vite", "next", "axios", "pino"]), r(1, 20), r(0, 30), r(0, 30)), k
	if k == "scoped npm":
		return "@%s/%s@%d.%d.%d" % (R.pick(["types", "babel", "aws-sdk", "nestjs", "tanstack", "vitest"]),
					   R.pick(["node", "core", "client-s3", "react-query", "cli", "common"]), r(1, 20), r(0, 30), r(0, 30)), k
	if k == "docker digest":
		return "%s@sha256:%s" % (R.pick(["nginx", "redis", "postgres", "python", "ghcr.io/fernhill/api", "alpine"]), R.hexs(64)), k
	if k == "mention":
		p = person(R)
		return "@" + R.pick([p[1] + "." + p[2].replace("'", ""), p[1], p[1] + "_" + p[2][:1], "here", "channel", "oncall-payments"]), k
	if k == "python decorator":
		return "@" + R.pick(["pytest.fixture", "app.get", "router.post", "dataclass", "staticmethod", "lru_cache", "retry"]), k
	if k == "java annotation":
		return "@" + R.pick(["Override", "Transactional", "GetMapping", "Autowired", "JsonProperty", "NotNull"]), k
	if k == "git remote":
		return "git@%s:%s/%s.git" % (R.pick(["github.com", "gitlab.com", "bitbucket.org", "git.fernhill-logistik.de", "gitlab.kestrelanalytics.com"]),
					     R.pick(["fernhill", "kestrel", "platform", "infra", "data-eng"]),
					     R.pick(["billing-api", "terraform-live", "etl", "mobile-app", "helm-charts"])), k
	if k == "ssh/scp user@host":
		return "%s@%s:%s" % (R.pick(["deploy", "admin", "ubuntu", "ec2-user", "backup", "root"]),
				     R.pick(["bastion.kestrelanalytics.com", "web-01.prod.internal", "db2.example.net", "build.isarwerk.de"]),
				     R.pick(["/srv/releases/", "~/", "/var/backups/", "/tmp/"])), k
	if k == "shell prompt":
		return "%s@%s:%s$" % (R.pick(["deploy", "ubuntu", "jonas", "ops", "root"]), R.pick(["web-01", "ip-10-0-3-17", "build-runner", "db-replica"]),
				      R.pick(["~", "/srv/app", "/etc/nginx", "~/src"])), k
	if k == "css at-rule":
		return R.pick(["@media (max-width: %dpx)" % R.pick([480, 640, 768, 1024]), "@font-face", "@import", "@keyframes spin", "@supports (display: grid)"]), k
	if k == "sql variable":
		return R.pick(["@customer_id", "@from_date", "@@ROWCOUNT", "@batch_size", "@Email"]), k
	if k == "go module":
		return "golang.org/x/%s@v0.%d.%d" % (R.pick(["net", "crypto", "sys", "text"]), r(10, 30), r(0, 9)), k
	return "git+https://github.com/%s/%s.git@v%d.%d.%d" % (R.pick(["psf", "encode", "fernhill"]), R.pick(["requests", "httpx", "toolkit"]), r(0, 3), r(0, 30), r(0, 9)), k


def n_ein(R, k=None):
	pre = R.pick(["01", "02", "04", "06", "10", "12", "13", "20", "22", "26", "27", "30", "33", "35", "38", "41", "45",
		      "46", "47", "51", "54", "56", "61", "65", "74", "77", "81", "82", "83", "84", "85", "86", "87", "88", "90",
		      "91", "92", "93", "94", "95", "98", "99"])
	return "%s-%s" % (pre, R.digits(7)), "XX-XXXXXXX"


def n_aba(R, k=None):
	body = "%02d" % R.pick([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 22, 23, 26, 31, 32]) + R.digits(6)
	w = [3, 7, 1, 3, 7, 1, 3, 7]
	return body + str((10 - sum(int(d) * w[i] for i, d in enumerate(body)) % 10) % 10), "9 digits, 3-7-1 checksum"


def n_tracking(R, k=None):
	k = k or R.pick(["ups", "fedex", "fedex spaced", "usps", "dhl express", "dpd", "royal mail", "postnl", "colissimo"])
	if k == "ups":
		return "1Z" + "".join(R.pick("0123456789ABCDEFGHJKLMNPRSTUVWXY") for _ in range(6)) + R.digits(10), k
	if k == "fedex":
		return R.digits(12, "5789"), k
	if k == "fedex spaced":
		return group(R.digits(12, "5789"), [4, 4, 4], " "), k
	if k == "usps":
		return group("94" + R.digits(20), [4] * 6, " "), k
	if k == "dhl express":
		return R.digits(10, "123456789"), k
	if k == "dpd":
		return "0" + R.digits(13), k
	if k == "royal mail":
		d = R.digits(8)
		w = [8, 6, 4, 2, 3, 5, 9, 7]
		c = 11 - sum(int(x) * w[i] for i, x in enumerate(d)) % 11
		c = {10: 0, 11: 5}.get(c, c)
		return R.pick(["RR", "AB", "LX", "CP"]) + d + str(c) + "GB", k
	if k == "postnl":
		return "3S" + R.letters(4) + R.digits(7, "123456789"), k
	return R.pick(["6A", "8L", "6C"]) + R.digits(11), k


def n_mcard(R, k=None):
	last = R.digits(4)
	k = k or R.pick(["stars 4x4", "x dashed", "bullets", "first6 last4", "ending", "first4 last4"])
	if k == "stars 4x4":
		return "**** **** **** " + last, k
	if k == "x dashed":
		return "XXXX-XXXX-XXXX-" + last, k
	if k == "bullets":
		return "•••• " + last, k
	if k == "first6 last4":
		return R.pick(["411111", "545454", "401288", "520082", "371449"]) + "******" + last, k
	if k == "ending":
		return "****" + last, k
	return R.pick(["4532", "5425", "3782", "6011"]) + " **** **** " + last, k


def n_imsi(R, k=None):
	while True:
		v = R.pick(["310", "311", "262", "208", "234", "222", "214", "204", "505", "440", "460", "302"]) + R.digits(2) + R.digits(10)
		if not (v[:2] in ("34", "37") and pc.luhn_ok(v)):
			return v, "15 digits (MCC %s)" % v[:3]


def n_vat(R, k=None):
	k = k or R.pick(["DE", "DE spaced", "FR", "IT", "ES", "NL", "AT", "BE", "PL NIP", "CZ", "PT", "SE", "DE Steuernummer", "GB"])
	if k == "DE":
		return "DE" + R.digits(9, "123456789"), k
	if k == "DE spaced":
		return "DE " + group(R.digits(9, "12345"), [3, 3, 3], " "), k
	if k == "FR":
		return "FR " + R.digits(2) + " " + group(R.digits(9, "3456789"), [3, 3, 3], " "), k
	if k == "IT":
		return "IT" + R.digits(11, "0"), k
	if k == "ES":
		return "ES" + R.pick("ABCDEFGHJ") + R.digits(8), k
	if k == "NL":
		return "NL" + R.digits(9) + "B" + R.digits(2), k
	if k == "AT":
		return "ATU" + R.digits(8), k
	if k == "BE":
		return "BE 0" + group(R.digits(9, "4567"), [3, 3, 3], "."), k
	if k == "PL NIP":
		d = R.digits(10, "123456789")
		return "%s-%s-%s-%s" % (d[:3], d[3:6], d[6:8], d[8:]), k
	if k == "CZ":
		return "CZ" + R.digits(8, "2"), k
	if k == "PT":
		return "PT " + group(R.digits(9, "5"), [3, 3, 3], " "), k
	if k == "SE":
		return "SE" + R.digits(10, "5") + "01", k
	if k == "DE Steuernummer":
		return "%02d/%03d/%05d" % (R.int(10, 99), R.int(100, 999), R.int(10000, 99999)), k
	return "GB " + group(R.digits(9, "123456789"), [3, 4, 2], " "), k


def luhn_make(body):
	return body + pc.luhn_digit(body)


def n_company(R, k=None):
	k = k or R.pick(["SIREN", "SIRET", "KvK", "HRB", "Companies House", "REA", "IČO", "org.nr", "Mersis", "KRS", "CIF"])
	if k == "SIREN":
		return group(luhn_make(R.digits(8, "4578")), [3, 3, 3], R.pick([" ", NBSP])), k
	if k == "SIRET":
		s = luhn_make(luhn_make(R.digits(8, "4578"))[:9] + R.digits(4))
		return group(s, [3, 3, 3, 5], " "), k
	if k == "KvK":
		return R.digits(8, "123456789"), k
	if k == "HRB":
		return "HRB " + R.digits(R.pick([5, 6]), "123456789"), k
	if k == "Companies House":
		return R.pick(["0", "SC", "NI", "OC"]) + R.digits(6 if R.chance(0.5) else 7), k
	if k == "REA":
		return R.pick(["MI", "RM", "TO", "NA"]) + "-" + R.digits(7, "123456789"), k
	if k == "IČO":
		return R.digits(8, "2"), k
	if k == "org.nr":
		d = luhn_make(R.digits(9, "5"))
		return d[:6] + "-" + d[6:], k
	if k == "Mersis":
		return "0" + R.digits(15), k
	if k == "KRS":
		return "0000" + R.digits(6), k
	return R.pick("ABG") + R.digits(8), k


def rf_reference(R):
	ref = R.digits(R.int(8, 16))
	chk = 98 - int(pc.iban_numeric(ref + "RF00")) % 97
	return "RF%02d%s" % (chk, ref)


def creditor_id(R):
	while True:
		nat = "0" + R.digits(10)
		chk = 98 - int(pc.iban_numeric(nat + "DE00")) % 97
		v = "DE%02dZZZ%s" % (chk, nat)
		if not pc.iban_ok(v):
			return v


def n_payref(R, k=None):
	k = k or R.pick(["RF compact", "RF grouped", "SEPA creditor id", "Belgian OGM", "Swiss QR reference", "mandate reference"])
	if k == "RF compact":
		return rf_reference(R), k
	if k == "RF grouped":
		return group(rf_reference(R), [4] * 7, " "), k
	if k == "SEPA creditor id":
		return creditor_id(R), k
	if k == "Belgian OGM":
		b = R.digits(10)
		c = int(b) % 97 or 97
		d = b + "%02d" % c
		return "+++%s/%s/%s+++" % (d[:3], d[3:7], d[7:]), k
	if k == "Swiss QR reference":
		b = "00000" + R.digits(21)
		tab = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5]
		carry = 0
		for ch in b:
			carry = tab[(carry + int(ch)) % 10]
		d = b + str((10 - carry) % 10)
		return d[:2] + " " + group(d[2:], [5] * 5, " "), k
	return "MNDT-%d-%06d" % (R.int(2019, 2026), R.int(1, 999999)), k


def n_date(R, k=None):
	y, m, d = R.int(2015, 2026), R.int(1, 12), R.int(1, 28)
	k = k or R.pick(["dotted", "us slash", "iso slash", "dashed dmy", "iso"])
	if k == "dotted":
		return "%02d.%02d.%04d" % (d, m, y), k
	if k == "us slash":
		return "%02d/%02d/%04d" % (m, d, y), k
	if k == "iso slash":
		return "%04d/%02d/%02d" % (y, m, d), k
	if k == "dashed dmy":
		return "%02d-%02d-%04d" % (d, m, y), k
	return "%04d-%02d-%02d" % (y, m, d), k


def n_qty(R, k=None):
	r = R.int
	k = k or R.pick(["spaced thousands", "nbsp thousands", "comma thousands", "dot thousands", "bytes", "decimal"])
	if k == "spaced thousands":
		return "%d %03d %03d" % (r(1, 99), r(0, 999), r(0, 999)), k
	if k == "nbsp thousands":
		return "%d%s%03d%s%03d" % (r(1, 99), NBSP, r(0, 999), NBSP, r(0, 999)), k
	if k == "comma thousands":
		return "%d,%03d,%03d" % (r(1, 999), r(0, 999), r(0, 999)), k
	if k == "dot thousands":
		return "%d.%03d.%03d" % (r(1, 99), r(0, 999), r(0, 999)), k
	if k == "bytes":
		return str(r(10000000, 99999999999)), k
	return "%d.%06d" % (r(0, 999), r(0, 999999)), k


def n_badip(R, k=None):
	r = R.int
	k = k or R.pick(["octet > 255", "octet > 255", "three parts", "octet > 255", "double ::", "nine groups", "group too long",
		    "mapped bad v4"])
	if k == "octet > 255":
		parts = [r(1, 223), r(0, 255), r(0, 255), r(1, 254)]
		parts[r(0, 3)] = r(256, 999)
		return ".".join(map(str, parts)), k
	if k == "three parts":
		return "%d.%d.%d" % (R.pick([10, 172, 192]), r(0, 255), r(0, 255)), k
	if k == "five parts":
		return "%d.%d.%d.%d.%d" % (r(10, 223), r(0, 255), r(0, 255), r(0, 255), r(1, 254)), k
	if k == "double ::":
		return "2001:db8::%s::%s" % (R.hexs(2).lstrip("0") or "1", R.hexs(2).lstrip("0") or "2"), k
	if k == "nine groups":
		return ":".join(["2001", "db8"] + [R.hexs(r(1, 4)).lstrip("0") or "0" for _ in range(7)]), k
	if k == "group too long":
		return "fe80::%s:%s" % (R.hexs(5, False).replace("0", "a"), R.hexs(3).lstrip("0") or "1"), k
	return "::ffff:%d.%d.%d.%d" % (r(256, 999), r(0, 255), r(0, 255), r(1, 254)), k


def n_ref(R, k=None):
	r = R.int
	k = k or R.pick(["CVE", "KB", "RFC", "ISO", "GHSA", "USN", "RHSA", "EN"])
	if k == "CVE":
		return "CVE-%d-%d" % (r(2014, 2025), r(1000, 52000)), k
	if k == "KB":
		return "KB%d" % r(4000000, 5049999), k
	if k == "RFC":
		return "RFC %d" % R.pick([5321, 5322, 6531, 3986, 4291, 5952, 7230, 9110, 8446, 6749]), k
	if k == "ISO":
		return R.pick(["ISO 27001:2022", "ISO/IEC 7812-1:2017", "ISO 13616-1:2020", "ISO 8601-1:2019", "ISO 9001:2015"]), k
	if k == "GHSA":
		return "GHSA-%s-%s-%s" % (R.b62(4).lower(), R.b62(4).lower(), R.b62(4).lower()), k
	if k == "USN":
		return "USN-%d-%d" % (r(5000, 7200), r(1, 4)), k
	if k == "RHSA":
		return "RHSA-%d:%d" % (r(2019, 2025), r(1000, 9999)), k
	return "EN 16931-1:2017", k


def n_med(R, k=None):
	k = k or R.pick(["NPI", "NPI", "NDC", "ICD-10", "CPT", "LOINC", "DEA"])
	if k == "NPI":
		body = R.pick("12") + R.digits(8)
		return body + luhn_make("80840" + body)[-1], k + " (Luhn with 80840 prefix)"
	if k == "NDC":
		return R.pick(["%s-%s-%s" % (R.digits(5), R.digits(4), R.digits(1)), "%s-%s-%s" % (R.digits(4), R.digits(4), R.digits(2))]), k
	if k == "ICD-10":
		return R.pick(["E11.65", "J45.909", "I10", "M54.5", "F32.1", "K21.9", "Z00.00", "S83.511A"]), k
	if k == "CPT":
		return R.pick(["99213", "99214", "93000", "80053", "71046"]), k
	if k == "LOINC":
		return R.pick(["2345-7", "4548-4", "2093-3", "718-7"]), k
	letters = R.pick(["A", "B", "F", "M"]) + R.letters(1)
	d = R.digits(6)
	c = (int(d[0]) + int(d[2]) + int(d[4]) + 2 * (int(d[1]) + int(d[3]) + int(d[5]))) % 10
	return letters + d + str(c), k


def n_booking(R, k=None):
	k = k or R.pick(["e-ticket", "PNR", "hotel", "rail order", "frequent flyer"])
	if k == "e-ticket":
		return "%s-%s" % (R.pick(["176", "220", "057", "125", "074", "081"]), R.digits(10)), k
	if k == "PNR":
		return "".join(R.pick("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)), k
	if k == "hotel":
		return R.digits(10, "123456789"), k
	if k == "rail order":
		return R.digits(12, "123456789"), k
	return "992 %s %s %s" % (R.digits(3), R.digits(3), R.digits(5)), k


def n_serial(R, k=None):
	k = k or R.pick(["VIN", "container", "device serial", "disk serial", "service tag"])
	if k == "VIN":
		return R.pick(["WVW", "WBA", "VF1", "ZFA", "1HG", "JTD", "YV1"]) + "".join(R.pick("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(14)), k
	if k == "container":
		return R.pick(["MSCU", "MAEU", "TGHU", "CMAU", "HLXU"]) + " " + R.digits(6) + " " + R.digits(1), k
	if k == "device serial":
		return R.pick(["C02", "F4G", "DMP"]) + "".join(R.pick("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(9)), k
	if k == "disk serial":
		return "WD-WCC" + R.letters(1) + R.digits(1) + R.letters(1) + R.digits(7), k
	return "".join(R.pick("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(7)), k


def n_bankacct(R, k=None):
	k = k or R.pick(["UK sort code", "UK account", "DE Kontonummer", "DE BLZ", "US account", "ES CCC", "FR RIB", "IT conto"])
	if k == "UK sort code":
		return "%02d-%02d-%02d" % (R.int(10, 99), R.int(0, 99), R.int(0, 99)), k
	if k == "UK account":
		return R.digits(8, "123456789"), k
	if k == "DE Kontonummer":
		return "0" + R.digits(9, "123456789"), k
	if k == "DE BLZ":
		return "%s %s %s" % (R.digits(3, "1234567"), R.digits(3), R.digits(2)), k
	if k == "US account":
		return R.digits(R.pick([10, 11, 12]), "123456789"), k
	if k == "ES CCC":
		bank, branch, acct = R.digits(4), R.digits(4), R.digits(10)
		return "%s %s %s %s" % (bank, branch, pc.es_dc(bank, branch, acct), acct), k
	if k == "FR RIB":
		bank, branch, acct = R.digits(5, "123"), R.digits(5), R.digits(11)
		return "%s %s %s %s" % (bank, branch, acct, pc.rib_key(bank, branch, acct)), k
	return "0000" + R.digits(8, "123456789"), k


def n_meet(R, k=None):
	k = k or R.pick(["zoom id", "teams conference id", "meet pin", "webex access code", "passcode"])
	if k == "zoom id":
		return "%s %s %s" % (R.digits(3, "89"), R.digits(4), R.digits(4)), k + " (3-4-4)"
	if k == "teams conference id":
		return "%s %s %s#" % (R.digits(3, "12345"), R.digits(3), R.digits(3)), k
	if k == "meet pin":
		return "%s %s %s %s#" % (R.digits(3, "12345"), R.digits(3, "01"), R.digits(3), R.digits(4)), k + " (3-3-3-4)"
	if k == "webex access code":
		return "%s %s %s" % (R.digits(4, "2"), R.digits(3), R.digits(4)), k + " (4-3-4)"
	return R.digits(6), k


B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def n_b64(R, k=None):
	k = k or R.pick(["png data uri", "blob", "blob", "urlsafe"])
	n = R.int(40, 160)
	body = "".join(R.pick(B64) for _ in range(n - n % 4))
	if k == "png data uri":
		return "data:image/png;base64,iVBORw0KGgo" + body + "==", k
	if k == "urlsafe":
		return body.replace("+", "-").replace("/", "_"), k
	return body + R.pick(["", "=", "=="]), k


def n_ptr(R, k=None):
	k = k or R.pick(["0x user", "0x kernel", "bare 16 hex", "ntstatus"])
	if k == "0x user":
		return "0x7f" + R.hexs(10), k
	if k == "0x kernel":
		return "0xffff" + R.hexs(12), k
	if k == "bare 16 hex":
		return "00007f" + R.hexs(10), k
	return "0xC00000" + R.pick(["05", "1D", "FD", "17"]), k


def n_patent(R, k=None):
	k = k or R.pick(["US", "EP", "WO", "DE", "CAS"])
	if k == "US":
		return "US %d,%03d,%03d B%d" % (R.int(9, 12), R.int(0, 999), R.int(0, 999), R.int(1, 2)), k
	if k == "EP":
		return "EP %s %s %s A1" % (R.digits(1, "1234"), R.digits(3), R.digits(3)), k
	if k == "WO":
		return "WO %d/%06d" % (R.int(2015, 2025), R.int(1, 250000)), k
	if k == "DE":
		return "DE 10 %d %03d %03d.%d" % (R.int(2015, 2024), R.int(0, 999), R.int(0, 999), R.int(0, 9)), k
	a = R.digits(R.int(2, 7), "123456789")
	b = R.digits(2)
	c = sum((i + 1) * int(x) for i, x in enumerate(reversed(a + b))) % 10
	return "%s-%s-%d" % (a, b, c), k


def n_mssn(R, k=None):
	last = R.digits(4, "123456789")
	return R.pick(["***-**-", "XXX-XX-", "xxx-xx-", "•••-••-", "*****"]) + last, "last 4 shown"


def n_hs(R, k=None):
	d = R.pick(["8471", "6109", "8517", "9403", "3004", "8708", "6403", "8504", "9018", "8544", "3926", "7318"])
	k = k or R.pick(["HS6 dotted", "CN8 spaced", "HTS10 dotted", "TARIC dotted"])
	if k == "HS6 dotted":
		return "%s.%s" % (d, R.digits(2)), k
	if k == "CN8 spaced":
		return "%s %s %s" % (d, R.digits(2), R.digits(2)), k
	if k == "HTS10 dotted":
		return "%s.%s.%s" % (d, R.digits(2), R.digits(4)), k
	return "%s.%s.%s.%s" % (d, R.digits(2), R.digits(2), R.digits(2)), k


def n_mphone(R, k=None):
	k = k or R.pick(["DE mobile", "NANP", "UK mobile", "FR", "NL"])
	if k == "DE mobile":
		return "+49 15%s ••••%s" % (R.digits(1, "1279"), R.digits(4)), k
	if k == "NANP":
		return "(***) ***-%s" % R.digits(4), k
	if k == "UK mobile":
		return "07%s *** %s" % (R.digits(3), R.digits(3)), k
	if k == "FR":
		return "06 ** ** ** %s" % R.digits(2), k
	return "06-****%s" % R.digits(4), k


NEG_GEN = {
	K_CARD_LUHN: n_card_luhn, K_IBAN_BAD: n_iban_bad, K_SSN_BAD: n_ssn_bad, K_VERSION: n_version, K_TS: n_timestamp,
	K_ORDER: n_order, K_PRICE: n_price, K_COORD: n_coords, K_HASH: n_hash, K_UUID: n_uuid, K_PHONELIKE: n_phonelike,
	K_IMEI: n_imei, K_ICCID: n_iccid, K_MAC: n_mac, K_OID: n_oid, K_AT: n_at, K_EIN: n_ein, K_ABA: n_aba,
	K_TRACK: n_tracking, K_MCARD: n_mcard, K_IMSI: n_imsi, K_VAT: n_vat, K_COMPANY: n_company, K_PAYREF: n_payref,
	K_DATE: n_date, K_QTY: n_qty, K_BADIP: n_badip, K_REF: n_ref, K_MED: n_med, K_BOOK: n_booking,
	K_SERIAL: n_serial, K_BANKACCT: n_bankacct, K_MEET: n_meet, K_B64: n_b64, K_PTR: n_ptr, K_PATENT: n_patent,
	K_MSSN: n_mssn, K_MPHONE: n_mphone, K_HS: n_hs,
}


# ---- words ----------------------------------------------------------------------

# Words a template writes to name a type, per language.
NAMEW = {
	"PHONE": {
		"en": ["phone", "phone number", "mobile", "cell", "Tel.", "telephone", "mobile number", "cell phone", "direct phone", "fax"],
		"de": ["Telefon", "Tel.", "Handy", "Mobil", "Mobilnummer", "Telefonnummer", "Rufnummer", "Festnetz"],
		"fr": ["téléphone", "tél.", "portable", "numéro de portable", "numéro de téléphone", "fax"],
		"it": ["telefono", "tel.", "cellulare", "cell.", "numero di telefono", "fax"],
		"es": ["teléfono", "tel.", "móvil", "número de móvil", "celular", "fax"],
		"nl": ["telefoon", "tel.", "mobiel", "telefoonnummer", "mobiele nummer", "fax"],
		"pt": ["telefone", "telemóvel", "número de telemóvel", "celular"],
		"pl": ["telefon", "tel.", "numer telefonu", "komórka", "telefon komórkowy"],
		"sv": ["telefon", "mobil", "mobilnummer", "telefonnummer"],
		"cs": ["telefon", "mobil", "tel.", "telefonní číslo"],
		"tr": ["telefon", "cep telefonu", "tel.", "telefon numarası"],
	},
	"EMAIL": {
		"en": ["email", "e-mail", "email address", "mail"], "de": ["E-Mail", "E-Mail-Adresse", "Mail"],
		"fr": ["e-mail", "courriel", "adresse e-mail", "mail"], "it": ["e-mail", "email", "posta elettronica", "mail"],
		"es": ["correo", "correo electrónico", "e-mail", "email"], "nl": ["e-mail", "e-mailadres", "mail"],
		"pt": ["e-mail", "email", "correio eletrónico"], "pl": ["e-mail", "adres e-mail", "mail"],
		"sv": ["e-post", "e-postadress", "mejl"], "cs": ["e-mail", "mail", "e-mailová adresa"], "tr": ["e-posta", "e-posta adresi", "mail"],
	},
	"IBAN": {
		"en": ["IBAN", "account", "bank account", "IBAN number"], "de": ["IBAN", "Konto", "Bankverbindung", "Kontoverbindung"],
		"fr": ["IBAN", "compte", "RIB", "coordonnées bancaires"], "it": ["IBAN", "conto", "coordinate bancarie", "conto corrente"],
		"es": ["IBAN", "cuenta", "número de cuenta", "datos bancarios"], "nl": ["IBAN", "rekening", "rekeningnummer", "bankrekening"],
		"pt": ["IBAN", "conta", "NIB/IBAN", "dados bancários"], "pl": ["IBAN", "numer rachunku", "rachunek bankowy"],
		"sv": ["IBAN", "konto", "bankkonto"], "cs": ["IBAN", "číslo účtu", "bankovní účet"], "tr": ["IBAN", "hesap", "banka hesabı"],
	},
	"CARD": {
		"en": ["card", "credit card", "card number", "debit card", "Visa", "Mastercard", "Amex", "PAN"],
		"de": ["Karte", "Kreditkarte", "Kartennummer", "EC-Karte"], "fr": ["carte", "carte bancaire", "numéro de carte", "CB"],
		"it": ["carta", "carta di credito", "numero della carta"], "es": ["tarjeta", "tarjeta de crédito", "número de tarjeta"],
		"nl": ["kaart", "creditcard", "kaartnummer", "betaalpas"], "pt": ["cartão", "cartão de crédito", "número do cartão"],
		"pl": ["karta", "karta kredytowa", "numer karty"], "sv": ["kort", "kortnummer", "kreditkort"],
		"cs": ["karta", "platební karta", "číslo karty"], "tr": ["kart", "kredi kartı", "kart numarası"],
	},
	"SSN": {
		"en": ["SSN", "social security number", "Social Security No.", "SSN#", "soc. sec. no."],
		"es": ["Número de Seguro Social", "SSN"], "de": ["SSN", "US-Sozialversicherungsnummer (SSN)"],
		"fr": ["SSN", "numéro de sécurité sociale américain (SSN)"],
	},
	"IP": {
		"en": ["IP", "IP address", "host", "address", "client IP", "source IP"], "de": ["IP", "IP-Adresse", "Host"],
		"fr": ["IP", "adresse IP", "hôte"], "it": ["IP", "indirizzo IP", "host"], "es": ["IP", "dirección IP", "host"],
		"nl": ["IP", "IP-adres", "host"], "pt": ["IP", "endereço IP"], "pl": ["IP", "adres IP"], "sv": ["IP", "IP-adress"],
		"cs": ["IP", "IP adresa"], "tr": ["IP", "IP adresi"],
	},
}

# Stems the self-check looks for ("*": any letters may follow).
CTX_STEMS = {
	"PHONE": ["phone*", "telephone*", "téléphone*", "telefon*", "teléfono*", "telefono*", "telefoon*", "telefone*", "tel", "tél",
		  "tlf", "mobile*", "mobil*", "mobiel*", "móvil*", "movil*", "cellulare", "cell", "cellphone", "celular", "cel",
		  "handy*", "portable", "fax*", "telemóvel", "telemovel", "komórk*", "msisdn", "rufnummer*", "festnetz*",
		  "landline", "gsm", "cep"],
	"SSN": ["ssn*", "social security*", "soc sec", "soc. sec", "ss#", "seguro social", "sécurité sociale", "sozialversicherung*",
		"socialsecurity*"],
	"CARD": ["card*", "karte*", "kart*", "carte*", "carta*", "cartão", "tarjeta*", "kort*",
		 "kreditkort*", "kreditkarte*", "creditcard*", "visa", "mastercard", "master card", "amex", "american express", "discover",
		 "jcb", "diners*", "unionpay", "maestro", "mir", "pan", "cc", "cb", "pinpas", "bankpas", "betaalpas", "kaart*"],
	"IBAN": ["iban*", "account*", "acct*", "konto*", "kontoverbindung*", "bankverbindung*", "compte*", "rib", "cuenta*",
		 "conto*", "rekening*", "bankrekening*", "conta", "rachun*", "účet*", "účt*", "účtu", "hesap*", "bank details",
		 "coordonnées bancaires", "datos bancarios", "coordinate bancarie", "dados bancários", "bankkonto*", "nib"],
	"EMAIL": ["e-mail*", "email*", "mail*", "mailto", "courriel*", "correo*", "posta elettronica", "e-post*", "epost*",
		  "e-posta*", "mejl*", "correio eletrónico"],
	"IP": ["ip", "ipv4", "ipv6", "ip-adresse*", "ip-adres*", "ip-adress*", "address*", "addr*", "adresse*", "adres",
	       "adresi", "adresa", "indirizzo", "dirección", "direccion", "endereço", "host", "hosts", "hôte", "inet*", "src*",
	       "dst*", "peer*", "gateway", "nameserver", "name-server", "ips", "remote_addr", "client_ip", "x-forwarded-for", "x-real-ip",
	       "forwarded"],
}
LETTER = r"[^\W\d_]"


def _stem_re(stems):
	alts = []
	for s in stems:
		if s.endswith("*"):
			alts.append(re.escape(s[:-1]) + LETTER + "*")
		else:
			alts.append(re.escape(s) + "(?!" + LETTER + ")")
	return re.compile("(?<!" + LETTER + ")(?:" + "|".join(alts) + ")", re.I)


CTX_RE = {t: _stem_re(s) for t, s in CTX_STEMS.items()}


def decamel(s):
	return re.sub(r"([a-z])([A-Z])", r"\1 \2", s)


def names_type(typ, s):
	return CTX_RE[typ].search(decamel(s)) is not None


def W(R, typ, lang):
	d = NAMEW[typ]
	return R.pick(d.get(lang) or d["en"])


FILLER = {
	"en": ["Thanks for the quick turnaround on this.", "Let me know if anything else is needed before Friday.",
	       "The migration finished without errors overnight.", "We will revisit this in the next sprint review.",
	       "Please keep the tone friendly but firm.", "I have attached the latest draft for your review.",
	       "Nothing else has changed since the last export.", "The customer was polite but clearly frustrated.",
	       "Legal asked us to keep a copy of the original request.", "This is the third time the sync job stalled this week.",
	       "Summarise the thread in three bullet points, please.", "Keep the reply under one hundred and fifty words.",
	       "The vendor confirmed the change on their side.", "Our retention policy requires deleting this after review.",
	       "Can you double-check the totals before we send it out?", "The dashboard looks fine now; the spike was a deploy.",
	       "I think the root cause is a race in the retry logic.", "Escalating to tier two as agreed in the runbook.",
	       "The onboarding checklist is mostly complete.", "No action needed from your side for now."],
	"de": ["Vielen Dank für die schnelle Rückmeldung.", "Bitte prüfen Sie die Angaben und melden Sie sich bei Fragen.",
	       "Die Änderung ist ab sofort wirksam.", "Anbei finden Sie die aktualisierten Unterlagen.",
	       "Wir bitten um Verständnis für die Verzögerung.", "Der Vorgang wurde an die Fachabteilung weitergeleitet.",
	       "Bitte fasse den Text kurz und sachlich zusammen.", "Die Daten stammen aus dem letzten Export."],
	"fr": ["Merci pour votre retour rapide.", "Vous trouverez ci-joint les documents mis à jour.",
	       "Nous restons à votre disposition pour toute question.", "Le dossier a été transmis au service concerné.",
	       "Peux-tu reformuler ce paragraphe de façon plus concise\u202f?", "La modification prend effet immédiatement.",
	       "Le client attend une réponse d’ici vendredi."],
	"it": ["Grazie per la rapida risposta.", "In allegato trovate la documentazione aggiornata.",
	       "Restiamo a disposizione per qualsiasi chiarimento.", "La pratica è stata inoltrata all'ufficio competente.",
	       "Puoi riassumere il testo in tre punti?", "La modifica è effettiva da subito."],
	"es": ["Gracias por la rápida respuesta.", "Adjuntamos la documentación actualizada.",
	       "Quedamos a su disposición para cualquier consulta.", "El expediente se ha remitido al departamento correspondiente.",
	       "¿Puedes resumir el texto en tres puntos?", "El cambio es efectivo de inmediato."],
	"nl": ["Bedankt voor de snelle reactie.", "In de bijlage vindt u de bijgewerkte documenten.",
	       "Wij staan klaar voor eventuele vragen.", "Het dossier is doorgestuurd naar de juiste afdeling.",
	       "Kun je de tekst in drie punten samenvatten?", "De wijziging gaat per direct in."],
	"pt": ["Obrigado pela resposta rápida.", "Segue em anexo a documentação atualizada.",
	       "Ficamos ao dispor para qualquer esclarecimento.", "Podes resumir o texto em três pontos?"],
	"pl": ["Dziękuję za szybką odpowiedź.", "W załączeniu przesyłam zaktualizowane dokumenty.",
	       "Pozostajemy do dyspozycji w razie pytań.", "Czy możesz streścić ten tekst w trzech punktach?"],
	"sv": ["Tack för det snabba svaret.", "Bifogat finns de uppdaterade dokumenten.", "Hör av dig om du har frågor.",
	       "Kan du sammanfatta texten i tre punkter?"],
	"cs": ["Děkuji za rychlou odpověď.", "V příloze posílám aktualizované dokumenty.", "V případě dotazů jsme k dispozici.",
	       "Můžeš text shrnout do tří bodů?"],
	"tr": ["Hızlı yanıtınız için teşekkürler.", "Güncellenmiş belgeler ekte yer almaktadır.",
	       "Sorularınız için her zaman ulaşabilirsiniz.", "Metni üç maddede özetler misin?"],
}


def filler(R, lang, n=1):
	pool = FILLER.get(lang) or FILLER["en"]
	out = []
	for _ in range(n):
		out.append(R.pick(pool))
	return " ".join(out)


# ---- distractor phrases (§ is the value) --------------------------------------------

def _v(*subs):
	return lambda var: any(s in var for s in subs)


NEG_PH = {
	K_CARD_LUHN: [(None, "Checkout rejected card § (number fails validation)."),
		      (None, "Declined: the PAN § did not pass the check digit test."),
		      (None, "Karte § wurde vom Zahlungsanbieter als ungültig abgelehnt."),
		      (None, "Carte refusée : le numéro § est invalide."),
		      (None, "La tarjeta § no supera la validación; pide otra."),
		      (None, "invalid_card = \"§\"  # wrong check digit on purpose"),
		      (None, "The customer typed § twice and both times the form said the card number is wrong."),
		      (None, "Kaartnummer § is ongeldig volgens de betaalprovider."),
		      (None, "Numero carta § non valido (controllo Luhn fallito).")],
	K_IBAN_BAD: [(None, "Die IBAN § ist laut Prüfziffer fehlerhaft, bitte erneut anfragen."),
		     (None, "Validation error: § is not a valid IBAN (checksum)."),
		     (None, "L'IBAN § semble erroné (clé de contrôle invalide)."),
		     (None, "IBAN non valido: § — verificare con il cliente."),
		     (None, "El IBAN § no es correcto, revisa los dígitos de control."),
		     (None, "De IBAN § klopt niet; de controle faalt."),
		     (None, "bad_iban: \"§\""),
		     (None, "Returned by the bank: § (invalid account identifier).")],
	K_SSN_BAD: [(None, "SSN § was rejected by the verification service (not a valid number)."),
		    (None, "The form shows § in the SSN field, which cannot be a real number."),
		    (None, "Placeholder SSN § is used in the demo data set."),
		    (None, "E-Verify: SSN § has an invalid format, please correct."),
		    (None, "ssn_invalid: \"§\""),
		    (None, "El Número de Seguro Social § no es válido según la SSA.")],
	K_VERSION: [(None, "Upgraded the agent runtime to § last night."), (None, "Bitte auf Version § aktualisieren."),
		    (_v("firmware", "four-part"), "Firmware § fixes the boot loop."), (None, "Reproducible on build § only."),
		    (_v("pin", "semver"), "pinned: fastapi==§"), (None, "Version installée : §."),
		    (None, "Versione del firmware: §"), (None, "Versión del cliente: §"), (None, "Nieuwe versie § staat klaar."),
		    (None, "release §, see the changelog for details"), (None, "Wersja aplikacji: §"),
		    (None, "Sürüm § yayımlandı."), (_v("kernel"), "uname -r → §"), (_v("chrome"), "Chrome/§ Safari/537.36"),
		    (_v("windows"), "OS build §")],
	K_TS: [(None, "Last sync: §"), (None, "created_at=§"), (None, "Zeitstempel: §"), (None, "Horodatage : §"),
	       (None, "the job started at § and never finished"), (None, "\"ts\": \"§\""), (None, "Data/ora: §"),
	       (None, "Sent: §"), (None, "Fecha y hora: §")],
	K_ORDER: [(None, "Order § has shipped."), (None, "Bestellnummer §"), (None, "Commande § confirmée."),
		  (None, "Ordine n. § in lavorazione."), (None, "Pedido § enviado."), (None, "Bestelling § is onderweg."),
		  (None, "Refund requested for order §."), (None, "Zamówienie § zostało wysłane."),
		  (None, "Sipariş numaranız: §"), (None, "Objednávka § byla odeslána.")],
	K_PRICE: [(None, "Total due: §"), (None, "Gesamtbetrag §"), (None, "Montant TTC : §"), (None, "Importo totale: §"),
		  (None, "Importe total: §"), (None, "Totaalbedrag: §"), (None, "The renewal will cost § per year."),
		  (None, "Valor total: §"), (None, "Do zapłaty: §"), (None, "Celkem k úhradě: §"), (None, "Toplam: §"),
		  (None, "Att betala: §")],
	K_COORD: [(_v("maps"), "https://www.google.com/maps/place/Depot/§"), (None, "Pickup location: §"),
		  (None, "Standort: §"), (None, "GPS fix § (accuracy 5 m)"), (None, "Drop pin at §"), (None, "Position : §")],
	K_HASH: [(_v("etag"), "ETag: §"), (_v("docker"), "Image ID: §"), (_v("git"), "fixed in commit §"),
		 (_v("md5", "sha1", "sha256", "sha512"), "checksum §"), (_v("md5", "sha1", "sha256", "sha512"), "Prüfsumme: §"),
		 (_v("sha1", "git"), "merged as §"), (_v("sha256"), "digest: §")],
	K_UUID: [(None, "request_id=§"), (None, "Correlation-ID: §"), (None, "tenant §"), (None, "\"id\": \"§\""),
		 (None, "trace §"), (None, "Vorgangs-ID §"), (None, "identifiant de session §")],
	K_PHONELIKE: [(_v("customer"), "Kundennummer §"), (_v("customer"), "customer no. §"), (_v("customer"), "N° client : §"),
		      (_v("customer"), "Codice cliente §"), (_v("customer"), "Nº de cliente §"), (_v("customer"), "Klantnummer §"),
		      (_v("contract"), "Vertragsnummer §"), (_v("contract"), "contract ref §"), (_v("contract"), "N° de contrat §"),
		      (_v("contract"), "Numero contratto §"), (_v("isbn"), "ISBN §"), (_v("isbn"), "ISBN: §"),
		      (_v("ean", "gtin"), "EAN §"), (_v("ean", "gtin"), "GTIN: §"), (_v("soa"), "§ ; serial"),
		      (_v("soa"), "zone serial §"), (_v("aws"), "AWS account ID §"), (_v("aws"), "arn:aws:iam::§:role/deploy"),
		      (_v("case"), "Case §"), (_v("case"), "Salesforce case §"), (_v("hotel"), "Confirmation number §"),
		      (_v("hotel"), "Buchungsnummer §"), (_v("hotel"), "Numéro de confirmation §"),
		      (_v("membership"), "Member no. §"), (_v("membership"), "Mitgliedsnummer §"),
		      (_v("membership"), "Numéro d'adhérent §")],
	K_IMEI: [(None, "IMEI §"), (None, "Gerät gesperrt, IMEI §"), (None, "IMEI: § (blacklisted)"), (None, "device_imei=§"),
		 (None, "L'IMEI du terminal est §.")],
	K_ICCID: [(None, "ICCID §"), (None, "ICCID of the SIM card: §"), (None, "eSIM profile §"), (None, "iccid=§")],
	K_MAC: [(None, "MAC §"), (None, "hwaddr §"), (None, "ether §"), (None, "Client MAC: §"), (None, "station § associated"),
		(None, "BSSID §")],
	K_OID: [(_v("oid"), "OID §"), (_v("snmp"), "snmpget -v2c -c public switch01 §"), (_v("x500", "pkcs"), "attribute §"),
		(_v("section", "clause"), "see section §"), (_v("section", "clause"), "gemäß Abschnitt §"),
		(_v("section", "clause"), "cf. article §"), (_v("section", "clause"), "vedi paragrafo §"),
		(_v("section", "clause"), "zie artikel §"), (_v("section", "clause"), "§ Requirements")],
	K_AT: [(_v("npm pin", "scoped"), "npm install §"), (_v("npm pin", "scoped"), "bumped § in package.json"),
	       (_v("go module"), "go get §"), (_v("pip vcs"), "pip install \"§\""), (_v("docker"), "image: §"),
	       (_v("docker"), "docker pull §"), (_v("mention"), "thanks § for the review"),
	       (_v("mention"), "pinging § — can you take a look?"), (_v("decorator", "annotation"), "add § above the handler"),
	       (_v("decorator", "annotation"), "missing § on the method"), (_v("git remote"), "git clone §"),
	       (_v("git remote"), "git remote add upstream §"), (_v("ssh/scp"), "rsync -az dist/ §"),
	       (_v("ssh/scp"), "scp backup.tar.gz §"), (_v("shell"), "§ sudo systemctl restart nginx"),
	       (_v("shell"), "§ ls -la"), (_v("css"), "§ { .sidebar { display: none; } }"), (_v("sql"), "DECLARE § INT = 0;"),
	       (_v("sql"), "WHERE created_at >= §")],
	K_EIN: [(None, "EIN §"), (None, "Employer Identification Number: §"), (None, "FEIN §"), (None, "Federal Tax ID (EIN) §")],
	K_ABA: [(None, "Routing number §"), (None, "ABA/RTN §"), (None, "routing §"), (None, "Bank routing (ABA): §")],
	K_TRACK: [(None, "Tracking: §"), (None, "Sendungsnummer §"), (None, "Numéro de suivi §"), (None, "Numero di tracciamento §"),
		  (None, "Número de seguimiento §"), (None, "Track & Trace: §"), (None, "Numer przesyłki §")],
	K_MCARD: [(None, "Paid with card §"), (None, "Visa §"), (None, "Karte §"), (None, "Carte bancaire §"),
		  (None, "payment method: §"), (None, "tarjeta terminada en §")],
	K_IMSI: [(None, "IMSI §"), (None, "subscriber IMSI=§"), (None, "attach request from IMSI §")],
	K_VAT: [(_v("DE Steuer"), "Steuernummer: §"), (lambda v: v == "DE" or v == "DE spaced", "USt-IdNr.: §"),
		(_v("FR"), "N° TVA intracommunautaire : §"), (_v("IT"), "P.IVA §"), (_v("ES"), "NIF: §"), (_v("NL"), "BTW-nummer: §"),
		(_v("AT"), "UID-Nr. §"), (_v("BE"), "TVA/BTW: §"), (_v("PL NIP"), "NIP: §"), (_v("CZ"), "DIČ: §"),
		(_v("PT"), "NIF: §"), (_v("SE"), "Momsreg.nr §"), (_v("GB"), "VAT Reg No. §")],
	K_COMPANY: [(_v("SIREN"), "SIREN §"), (_v("SIRET"), "SIRET §"), (_v("KvK"), "KvK-nummer §"),
		    (_v("HRB"), "Amtsgericht München, §"), (_v("Companies"), "Company No. §"), (_v("REA"), "REA §"),
		    (_v("IČO"), "IČO: §"), (_v("org.nr"), "Org.nr §"), (_v("Mersis"), "Mersis No: §"), (_v("KRS"), "KRS §"),
		    (_v("CIF"), "CIF §")],
	K_PAYREF: [(_v("RF"), "Referenz: §"), (_v("RF"), "Viitenumero: §"), (_v("RF"), "Payment reference §"),
		   (_v("creditor"), "Gläubiger-ID: §"), (_v("OGM"), "Communication structurée : §"),
		   (_v("OGM"), "Gestructureerde mededeling: §"), (_v("QR"), "Referenz (QR): §"), (_v("mandate"), "Mandatsreferenz: §")],
	K_DATE: [(None, "Rechnungsdatum: §"), (None, "due §"), (None, "Date de livraison : §"), (None, "Data: §"),
		 (None, "Fecha: §"), (None, "Datum: §"), (None, "valid until §"), (None, "Stand: §")],
	K_QTY: [(None, "§ rows scanned"), (None, "Downloaded § bytes"), (None, "§ Einwohner"), (None, "population : § habitants"),
		(None, "§ requests in the last 24h"), (None, "heap: § KiB")],
	K_BADIP: [(None, "rejected invalid address §"), (None, "ValueError: '§' does not appear to be an IPv4 or IPv6 address"),
		  (None, "Ungültige IP-Adresse: §"), (None, "config error: listen §")],
	K_REF: [(None, "patched for §"), (None, "see §"), (None, "gemäß §"), (None, "selon §"), (None, "fixed by §")],
	K_MED: [(_v("NPI"), "NPI §"), (_v("NPI"), "Rendering provider NPI: §"), (_v("NDC"), "NDC §"), (_v("ICD"), "Dx: §"),
		(_v("CPT"), "CPT §"), (_v("LOINC"), "LOINC §"), (_v("DEA"), "DEA §")],
	K_BOOK: [(_v("e-ticket"), "E-ticket number §"), (_v("e-ticket"), "Ticketnummer §"), (_v("PNR"), "Booking reference §"),
		 (_v("PNR"), "Buchungscode §"), (_v("hotel"), "Confirmation #§"), (_v("rail"), "Auftragsnummer §"),
		 (_v("frequent"), "Miles & More §")],
	K_SERIAL: [(_v("VIN"), "VIN §"), (_v("VIN"), "Fahrgestellnummer §"), (_v("container"), "Container §"),
		   (_v("device"), "Serial Number: §"), (_v("disk"), "disk serial §"), (_v("service tag"), "Service Tag §")],
	K_BANKACCT: [(_v("UK sort"), "Sort code §"), (_v("UK account"), "Account number §"), (_v("DE Konto"), "Kontonummer §"),
		     (_v("DE BLZ"), "BLZ §"), (_v("US account"), "Acct #§"), (_v("ES CCC"), "CCC §"), (_v("FR RIB"), "RIB §"),
		     (_v("IT conto"), "Conto n. §")],
	K_MEET: [(_v("zoom"), "Meeting ID: §"), (_v("teams"), "Conference ID: §"), (_v("meet pin"), "PIN: §"),
		 (_v("webex"), "Access code: §"), (_v("passcode"), "Passcode: §")],
	K_B64: [(_v("png"), "<img src=\"§\">"), (_v("blob", "urlsafe"), "payload: §"), (_v("blob", "urlsafe"), "Content (base64): §")],
	K_PTR: [(_v("0x", "bare"), "segfault at §"), (_v("0x", "bare"), "RIP: 0010:§"), (_v("0x", "bare"), "pc=§"),
		(_v("ntstatus"), "NTSTATUS §")],
	K_PATENT: [(_v("US", "EP", "WO", "DE"), "Patent §"), (_v("US", "EP", "WO", "DE"), "siehe Patentschrift §"),
		   (_v("CAS"), "CAS-Nr. §"), (_v("CAS"), "CAS RN §")],
	K_MSSN: [(None, "SSN on file: §"), (None, "ssn_masked: \"§\""), (None, "Social Security: §")],
	K_HS: [(None, "HS code §"), (None, "Zolltarifnummer §"), (None, "code SH §"), (None, "Tariff §, duty 0 %"), (None, "TARIC §")],
	K_MPHONE: [(None, "Code sent to §"), (None, "Wir haben eine SMS an § geschickt."), (None, "Nous avons envoyé un code au §."),
		   (None, "verified phone: §")],
}

NEG_KINDS = sorted(NEG_GEN)
# how often each kind is drawn for free-standing distractor lines (kinds the documents seldom carry get more)
NEG_DECK_W = {K_IBAN_BAD: 5, K_B64: 5, K_CARD_LUHN: 7, K_COORD: 5, K_BANKACCT: 5, K_BADIP: 6, K_SSN_BAD: 7, K_MSSN: 6,
	      K_MPHONE: 6, K_PATENT: 6, K_QTY: 5, K_ABA: 3, K_OID: 3, K_REF: 3, K_PHONELIKE: 4, K_COMPANY: 2,
	      K_TS: 1, K_DATE: 1, K_PRICE: 1, K_VERSION: 1, K_ORDER: 1, K_UUID: 1, K_HASH: 1, K_VAT: 1, K_MAC: 1, K_AT: 2}
# kinds whose lines may carry a phone or SSN word (they are invalid by the spec, not by context)
NEG_WORD_OK = {K_SSN_BAD: {"SSN"}, K_MSSN: {"SSN"}, K_MPHONE: {"PHONE"}}


def make_neg(R, kind, k=None):
	for _ in range(100):
		v, var = NEG_GEN[kind](R, k) if k else NEG_GEN[kind](R)
		if strong_pii(v, kind) is None:  # never a value some strong format's rules accept
			return Neg(kind, var, v)
	raise RuntimeError("no valid distractor for %s" % kind)


def neg_phrase(R, ng):
	opts = [p for c, p in NEG_PH[ng.kind] if c is None or c(ng.variant)]
	if not opts:
		raise ValueError("no phrase for %s %s" % (ng.kind, ng.variant))
	p = R.pick(opts)
	a, b = p.split("§")
	return a, b


# ---- building a text ------------------------------------------------------------


class V:
	"""A value to place: item, ctx (None = decided by the key/header it sits under), the word that names it."""

	def __init__(self, item, ctx=None, src=None, pre="", post=""):
		self.item, self.ctx, self.src, self.pre, self.post = item, ctx, src, pre, post


class Raw:
	"""A negative written unquoted in JSON/YAML (numbers)."""

	def __init__(self, neg):
		self.neg = neg


SLOT = re.compile("⟨([A-Za-z0-9_]+)⟩")


class Doc:
	def __init__(self, R, shape, lang):
		self.R, self.shape, self.lang = R, shape, lang
		self.tpl = "%s.%s" % (shape, lang)
		self.parts, self.nb = [], 0
		self.labels, self.negs, self.srcs, self.autos = [], [], [], set()

	def t(self, *ss):
		for s in ss:
			if s:
				self.parts.append(s)
				self.nb += len(s.encode("utf-8"))
		return self

	def v(self, item, ctx, src=None, pre="", post="", auto=False):
		assert isinstance(item, Item), item
		decorated = bool(re.match(r"[:/]\d", post)) or pre.endswith("//")
		if item.sub == "IP/v4" and decorated:
			item = Item("IP", "IP/v4-port-cidr", item.variant + (", cidr" if post.startswith("/") else ", port" if post.startswith(":") else ", url"), item.value)
		elif item.sub == "IP/v4-port-cidr" and not decorated:
			item = Item("IP", "IP/v4", item.variant.split(",")[0], item.value)
		if auto:
			self.autos.add(len(self.labels))
		self.t(pre)
		a = self.nb
		self.t(item.value)
		b = self.nb
		self.t(post)
		self.labels.append({"type": item.type, "sub": item.sub, "variant": item.variant, "ctx": bool(ctx),
				    "tpl": self.tpl, "start": a, "end": b})
		self.srcs.append(src)
		return self

	def put(self, x):
		"""Write a V, an Item (no ctx), a Neg, a Raw or a string."""
		if isinstance(x, V):
			self.v(x.item, bool(x.ctx), x.src, x.pre, x.post)
		elif isinstance(x, Item):
			self.v(x, False)
		elif isinstance(x, Neg):
			self.n(x)
		elif isinstance(x, Raw):
			self.n(x.neg)
		else:
			self.t(str(x))
		return self

	def n(self, ng, pre="", post=""):
		self.t(pre)
		a = self.nb
		self.t(ng.value)
		b = self.nb
		self.t(post)
		self.negs.append({"kind": ng.kind, "variant": ng.variant, "tpl": self.tpl, "start": a, "end": b})
		return self

	def negline(self, ng):
		a, b = neg_phrase(self.R, ng)
		return self.n(ng, a, b)

	def f(self, fmt, **kw):
		pos = 0
		for m in SLOT.finditer(fmt):
			self.t(fmt[pos:m.start()])
			pos = m.end()
			self.put(kw[m.group(1)])
		self.t(fmt[pos:])
		return self

	def text(self):
		return "".join(self.parts)


class Inline:
	"""A JSON sub-object written on one line inside pretty-printed JSON."""

	def __init__(self, obj):
		self.obj = obj


def jstr(s):
	return json.dumps(s, ensure_ascii=False)


def jdump(D, obj, indent=2, level=0, key=None, compact=False):
	"""Write obj as JSON into D; V leaves with ctx None get ctx from their key."""
	pad = "" if indent is None else " " * (indent * level)
	pad1 = "" if indent is None else " " * (indent * (level + 1))
	nl = "" if indent is None else "\n"
	sep_item = "," if compact else (", " if indent is None else ",")
	sep_kv = ":" if compact else ": "
	if isinstance(obj, dict):
		if not obj:
			D.t("{}")
			return
		D.t("{" + nl)
		items = list(obj.items())
		for i, (k, v) in enumerate(items):
			D.t(pad1 + jstr(k) + sep_kv)
			jdump(D, v, indent, level + 1, k, compact)
			D.t((sep_item if i < len(items) - 1 else "") + nl)
		D.t(pad + "}")
	elif isinstance(obj, list):
		if not obj:
			D.t("[]")
			return
		D.t("[" + nl)
		for i, v in enumerate(obj):
			D.t(pad1)
			jdump(D, v, indent, level + 1, key, compact)
			D.t((sep_item if i < len(obj) - 1 else "") + nl)
		D.t(pad + "]")
	elif isinstance(obj, Inline):
		jdump(D, obj.obj, None, 0, key, compact)
	elif isinstance(obj, V):
		ctx = obj.ctx
		src = obj.src
		auto = ctx is None
		if ctx is None:
			ctx = key is not None and names_type(obj.item.type, key)
			src = key if ctx else None
		D.v(obj.item, ctx, src, '"' + obj.pre, obj.post + '"', auto)
	elif isinstance(obj, Item):
		ctx = key is not None and names_type(obj.type, key)
		D.v(obj, ctx, key if ctx else None, '"', '"', True)
	elif isinstance(obj, Neg):
		D.n(obj, '"', '"')
	elif isinstance(obj, Raw):
		D.n(obj.neg)
	else:
		D.t(json.dumps(obj, ensure_ascii=False))


def ydump(D, obj, level=0, key=None, in_list=False):
	"""Write obj as block YAML into D."""
	pad = "  " * level
	R = D.R
	if isinstance(obj, dict):
		first = True
		for k, v in obj.items():
			p = "" if (in_list and first) else pad
			first = False
			if isinstance(v, (dict, list)) and v:
				D.t(p + k + ":\n")
				ydump(D, v, level + 1, k)
			else:
				D.t(p + k + ": ")
				ydump(D, v, level + 1, k)
				D.t("\n")
	elif isinstance(obj, list):
		for v in obj:
			D.t(pad + "- ")
			if isinstance(v, dict):
				ydump(D, v, level + 1, key, True)
			else:
				ydump(D, v, level + 1, key)
				D.t("\n")
	elif isinstance(obj, (V, Item)):
		w = obj if isinstance(obj, V) else V(obj)
		ctx, src = w.ctx, w.src
		auto = ctx is None
		if ctx is None:
			ctx = key is not None and names_type(w.item.type, key)
			src = key if ctx else None
		q = R.pick(['"', '"', ''] + ([] if "'" in w.item.value else ["'"]))
		if w.item.type in ("PHONE", "SSN") and w.item.value.startswith(("+", "0", "(")) and not q:
			q = '"'
		D.v(w.item, ctx, src, q + w.pre, w.post + q, auto)
	elif isinstance(obj, Neg):
		D.n(obj, '"', '"')
	elif isinstance(obj, Raw):
		D.n(obj.neg)
	elif isinstance(obj, bool):
		D.t("true" if obj else "false")
	elif obj is None:
		D.t("null")
	else:
		D.t(str(obj))


def cell_text(c):
	if isinstance(c, V):
		return c.pre + c.item.value + c.post
	if isinstance(c, Item):
		return c.value
	if isinstance(c, (Neg, Raw)):
		return (c.neg if isinstance(c, Raw) else c).value
	return str(c)


def put_cell(D, c, header, quote=""):
	if isinstance(c, (V, Item)):
		w = c if isinstance(c, V) else V(c)
		ctx, src = w.ctx, w.src
		auto = ctx is None
		if ctx is None:
			ctx = names_type(w.item.type, header)
			src = header if ctx else None
		D.v(w.item, ctx, src, quote + w.pre, w.post + quote, auto)
	elif isinstance(c, (Neg, Raw)):
		D.n(c.neg if isinstance(c, Raw) else c, quote, quote)
	else:
		D.t(quote + str(c) + quote)


def table(D, header, rows, style):
	"""CSV (, or ;), TSV, markdown, psql, mysql or pandas-style output; V cells get ctx from their column header."""
	if style in ("csv", "csv;", "tsv"):
		sep = {"csv": ",", "csv;": ";", "tsv": "\t"}[style]
		D.t(sep.join(header) + "\n")
		for row in rows:
			for i, c in enumerate(row):
				if i:
					D.t(sep)
				s = cell_text(c)
				q = '"' if (sep in s or (style != "tsv" and " " in s and D.R.chance(0.3))) else ""
				put_cell(D, c, header[i], q)
			D.t("\n")
		return
	widths = [max(len(header[i]), *(len(cell_text(r[i])) for r in rows)) for i in range(len(header))]
	if style == "md":
		D.t("| " + " | ".join(h.ljust(widths[i]) for i, h in enumerate(header)) + " |\n")
		D.t("|" + "|".join("-" * (w + 2) for w in widths) + "|\n")
		for row in rows:
			D.t("|")
			for i, c in enumerate(row):
				D.t(" ")
				put_cell(D, c, header[i])
				D.t(" " * (widths[i] - len(cell_text(c))) + " |")
			D.t("\n")
		return
	if style == "psql":
		D.t(" " + " | ".join(h.center(widths[i]) for i, h in enumerate(header)) + "\n")
		D.t("-" + "-+-".join("-" * w for w in widths) + "-\n")
		for row in rows:
			for i, c in enumerate(row):
				D.t(" " if i == 0 else " | ")
				put_cell(D, c, header[i])
				D.t(" " * (widths[i] - len(cell_text(c))))
			D.t("\n")
		D.t("(%d row%s)\n" % (len(rows), "" if len(rows) == 1 else "s"))
		return
	if style == "mysql":
		bar = "+" + "+".join("-" * (w + 2) for w in widths) + "+\n"
		D.t(bar + "| " + " | ".join(h.ljust(widths[i]) for i, h in enumerate(header)) + " |\n" + bar)
		for row in rows:
			D.t("|")
			for i, c in enumerate(row):
				D.t(" ")
				put_cell(D, c, header[i])
				D.t(" " * (widths[i] - len(cell_text(c))) + " |")
			D.t("\n")
		D.t(bar + "%d rows in set (0.00 sec)\n" % len(rows))
		return
	if style == "pandas":
		iw = len(str(len(rows) - 1))
		D.t(" " * iw + "".join("  " + h.rjust(widths[i]) for i, h in enumerate(header)) + "\n")
		for j, row in enumerate(rows):
			D.t(str(j).ljust(iw))
			for i, c in enumerate(row):
				D.t("  " + " " * (widths[i] - len(cell_text(c))))
				put_cell(D, c, header[i])
			D.t("\n")
		return
	raise ValueError(style)


def wrap_pair(R, typ, p=0.25):
	"""Punctuation right around a value in prose, now and then."""
	if not R.chance(p):
		return "", ""
	pairs = [("(", ")"), ('"', '"'), ("[", "]"), ("`", "`"), ("**", "**"), ("“", "”"), ("«", "»"), ("„", "“"), ("‹", "›")]
	if typ == "EMAIL":
		pairs += [("<", ">"), ("<", ">"), ("mailto:", "")]
	else:
		pairs += [("'", "'")]
	return R.pick(pairs)


def end_punct(R):
	return R.pick([".", ".", ",", ";", ":", "!", "?", ")", "", "", " —", "…", " ✅", " 👍", "。"])


# ---- balanced value sources ---------------------------------------------------------

LANG_COUNTRY = {"de": "DE", "fr": "FR", "it": "IT", "es": "ES", "nl": "NL", "en": "UK"}
LANG_E164 = {"pt": "PT", "pl": "PL", "sv": "SE", "cs": "CZ", "tr": "TR"}


class Pool:
	def __init__(self, R):
		self.R = R
		self.email_d = Deck(R, EMAIL_SUBS)
		self.phone_any = Deck(R, PHONE_SUBS)
		self.phone_weak = Deck(R, [(s, w) for s, w in PHONE_SUBS if is_weak("PHONE/" + s)])
		self.phone_strong = Deck(R, [(s, w) for s, w in PHONE_SUBS if not is_weak("PHONE/" + s)])
		self.nanp_any = Deck(R, [(s, w) for s, w in PHONE_SUBS if s.startswith("NANP")])
		self.nanp_strong = Deck(R, [(s, w) for s, w in PHONE_SUBS if s.startswith("NANP") and s != "NANP-plain"])
		self.form = {c: Deck(R, [("national", 3), ("intl", 2)]) for c in PLANS}
		self.e164_d = Deck(R, [("compact", 2), ("spaced", 3)])
		self.ssn_any = Deck(R, SSN_SUBS)
		self.ssn_weak = Deck(R, [("spaced", 1), ("plain", 1)])
		self.card_d = Deck(R, CARD_SUBS)
		self.iban_d = Deck(R, IBAN_SUBS)
		self.ip_d = Deck(R, IP_SUBS)
		self.ip6_d = Deck(R, [("v6-full", 2), ("v6-compressed", 3), ("v6-ipv4", 2)])
		self.neg_d = Deck(R, [(k, NEG_DECK_W.get(k, 2)) for k in NEG_KINDS])

	# EMAIL
	def email(self, lang="en", sub=None, p=None):
		sub = sub or self.email_d.next()
		if sub == "punycode" and self.R.chance(0.2):
			sub = "idn-unicode"
		if sub == "percent-encoded":
			return pct_email(self.R, lang)
		return make_email(self.R, sub, lang if p is None else p[3], p)

	# PHONE: weak=True only weak subs, weak=False only strong ones
	def phone(self, weak=None, country=None, lang=None):
		R = self.R
		if country is None and lang is not None:
			if lang in LANG_E164 and weak is not True:
				return make_e164(R, self.e164_d.next(), LANG_E164[lang])
			if lang == "en":
				country = R.pick(["NANP", "NANP", "UK"])
			else:
				country = LANG_COUNTRY.get(lang)
		if country == "NANP":
			if weak is True:
				return make_nanp(R, "plain")
			sub = (self.nanp_strong if weak is False else self.nanp_any).next()
			return make_nanp(R, sub.split("-", 1)[1])
		if country in PLANS:
			if weak is None:
				form = self.form[country].next()
			else:
				form = "national" if weak else "intl"
			return make_national(R, country, form)
		if country in E164:
			return make_e164(R, self.e164_d.next(), country)
		sub = {None: self.phone_any, True: self.phone_weak, False: self.phone_strong}[weak].next()
		return make_phone(R, sub)

	def ssn(self, weak=None):
		if weak is None:
			sub = self.ssn_any.next()
		elif weak:
			sub = self.ssn_weak.next()
		else:
			sub = "dashed"
		return make_ssn(self.R, sub)

	def card(self, brand=None):
		sub = self.card_d.next()
		if brand:
			sub = brand + "-" + sub.split("-")[1]
		return make_card(self.R, sub)

	def iban(self, cc=None, sub=None):
		return make_iban(self.R, sub or self.iban_d.next(), cc)

	def ip(self, v6=None, sub=None):
		if sub is None:
			if v6 is True:
				sub = self.ip6_d.next()
			elif v6 is False:
				sub = self.R.pick(["v4", "v4", "v4-port-cidr"])
			else:
				sub = self.ip_d.next()
		return make_ip(self.R, sub)

	def neg(self, kind=None):
		return make_neg(self.R, kind or self.neg_d.next())


def ip_decor(R, it, kinds=("port", "cidr", "url")):
	"""Text around an IP: port, prefix length, URL, brackets; the label stays the bare address."""
	if it.sub == "IP/v4-port-cidr":
		k = R.pick(kinds)
		it.variant += ", " + k
		if k == "port":
			return "", ":" + str(R.pick([22, 80, 443, 3306, 5432, 6379, 8080, 8443, 9200, 27017, R.int(1024, 65535)]))
		if k == "cidr":
			return "", "/" + str(R.pick([8, 12, 16, 20, 22, 24, 26, 28, 30, 32]))
		return R.pick(["http://", "https://"]), R.pick(["/", ":8080/health", "/admin/login", ":9090/metrics"])
	return "", ""


# ---- sentences that carry one value (⟨x⟩): (with a naming word, without) ------------

VS = {
	"PHONE": {
		"en": (["My cell is ⟨x⟩.", "Phone: ⟨x⟩", "Please update her mobile number to ⟨x⟩.",
			"His direct phone line is ⟨x⟩, no extension needed.", "You can reach the front desk by telephone at ⟨x⟩.",
			"Fax the signed copy to ⟨x⟩.", "New phone number for the account manager: ⟨x⟩",
			"The landline at the depot is ⟨x⟩ and nobody answers it after five."],
		       ["You can reach me at ⟨x⟩.", "Ring me back on ⟨x⟩ if the link drops.", "The number she left was ⟨x⟩.",
			"Try ⟨x⟩ after 6pm.", "Reach out at ⟨x⟩ or just reply here.", "He said ⟨x⟩ is the best way to get him this week."]),
		"de": (["Meine Handynummer ist ⟨x⟩.", "Telefonisch bin ich unter ⟨x⟩ erreichbar.", "Neue Mobilnummer: ⟨x⟩",
			"Tel. ⟨x⟩ (Zentrale)", "Bitte die Telefonnummer im CRM auf ⟨x⟩ ändern.",
			"Rückruf erbeten unter der Festnetznummer ⟨x⟩."],
		       ["Sie erreichen mich unter ⟨x⟩.", "Ruf mich kurz an: ⟨x⟩", "Bitte ⟨x⟩ beim Kontakt hinterlegen.",
			"Die Nummer ⟨x⟩ gehört zu Herrn Brandt."]),
		"fr": (["Mon portable\u00a0: ⟨x⟩", "Vous pouvez me joindre au ⟨x⟩ (téléphone fixe).", "Nouveau numéro de téléphone : ⟨x⟩",
			"Tél. ⟨x⟩", "Son numéro de portable a changé, c'est maintenant le ⟨x⟩."],
		       ["Vous pouvez me joindre au ⟨x⟩.", "Rappelez-moi au ⟨x⟩ svp.", "Son numéro\u00a0: ⟨x⟩",
			"Le bon numéro est le ⟨x⟩, pas l'ancien."]),
		"it": (["Il mio cellulare è ⟨x⟩.", "Numero di telefono aggiornato: ⟨x⟩", "Tel. ufficio ⟨x⟩",
			"Per urgenze chiamate il telefono di reperibilità ⟨x⟩."],
		       ["Mi trovi al ⟨x⟩.", "Richiamami al ⟨x⟩ quando puoi.", "Il numero giusto è ⟨x⟩."]),
		"es": (["Mi móvil es el ⟨x⟩.", "Teléfono de contacto: ⟨x⟩", "Llámame al teléfono ⟨x⟩ por la tarde.",
			"Número de móvil actualizado: ⟨x⟩"],
		       ["Puedes localizarme en el ⟨x⟩.", "Llámame al ⟨x⟩ por la tarde.", "El número correcto es ⟨x⟩."]),
		"nl": (["Mijn mobiele nummer is ⟨x⟩.", "Telefoonnummer gewijzigd naar ⟨x⟩", "Tel. receptie: ⟨x⟩",
			"Bel gerust naar mijn mobiel: ⟨x⟩"],
		       ["Je kunt me bereiken op ⟨x⟩.", "Bel me even terug op ⟨x⟩.", "Het juiste nummer is ⟨x⟩."]),
		"pt": (["O meu telemóvel é ⟨x⟩.", "Telefone do escritório: ⟨x⟩", "Número de telemóvel novo: ⟨x⟩"],
		       ["Pode ligar-me para o ⟨x⟩.", "O número certo é ⟨x⟩."]),
		"pl": (["Mój numer telefonu to ⟨x⟩.", "Tel. kom. ⟨x⟩", "Telefon komórkowy: ⟨x⟩"],
		       ["Proszę dzwonić pod ⟨x⟩.", "Właściwy numer to ⟨x⟩."]),
		"sv": (["Mitt mobilnummer är ⟨x⟩.", "Telefon: ⟨x⟩", "Ring telefonnummer ⟨x⟩ vid frågor."],
		       ["Ring mig på ⟨x⟩.", "Rätt nummer är ⟨x⟩."]),
		"cs": (["Moje telefonní číslo je ⟨x⟩.", "Mobil: ⟨x⟩", "Telefon do kanceláře: ⟨x⟩"],
		       ["Zavolejte mi na ⟨x⟩.", "Správné číslo je ⟨x⟩."]),
		"tr": (["Cep telefonum: ⟨x⟩", "Telefon numaram ⟨x⟩.", "Ofis telefonu: ⟨x⟩"],
		       ["Bana ⟨x⟩ üzerinden ulaşabilirsiniz.", "Doğru numara ⟨x⟩."]),
	},
	"EMAIL": {
		"en": (["Send the invoice to her email ⟨x⟩.", "E-mail: ⟨x⟩", "Use my work email ⟨x⟩ for the invite.",
			"His mail address changed to ⟨x⟩ last week."],
		       ["Loop in ⟨x⟩ on the reply.", "Forward this to ⟨x⟩ please.", "⟨x⟩ should get a copy too.",
			"Reply to ⟨x⟩, not to the shared inbox."]),
		"de": (["Meine E-Mail-Adresse lautet ⟨x⟩.", "Bitte per Mail an ⟨x⟩ schicken.", "E-Mail: ⟨x⟩"],
		       ["Bitte ⟨x⟩ in Kopie setzen.", "Rückfragen gerne an ⟨x⟩."]),
		"fr": (["Mon adresse e-mail : ⟨x⟩", "Envoyez le devis par courriel à ⟨x⟩."],
		       ["Mettez ⟨x⟩ en copie.", "Écrivez à ⟨x⟩ pour confirmer."]),
		"it": (["La mia e-mail è ⟨x⟩.", "Posta elettronica: ⟨x⟩"], ["Scrivete a ⟨x⟩ per conferma.", "Mettete in copia ⟨x⟩."]),
		"es": (["Mi correo es ⟨x⟩.", "Correo electrónico: ⟨x⟩"], ["Escribe a ⟨x⟩ para confirmar.", "Pon en copia a ⟨x⟩."]),
		"nl": (["Mijn e-mailadres is ⟨x⟩.", "E-mail: ⟨x⟩"], ["Stuur het naar ⟨x⟩.", "Zet ⟨x⟩ in de cc."]),
		"pt": (["O meu e-mail é ⟨x⟩."], ["Envie para ⟨x⟩."]),
		"pl": (["Mój adres e-mail: ⟨x⟩"], ["Proszę pisać na ⟨x⟩."]),
		"sv": (["Min e-postadress är ⟨x⟩."], ["Skicka det till ⟨x⟩."]),
		"cs": (["Můj e-mail je ⟨x⟩."], ["Pište na ⟨x⟩."]),
		"tr": (["E-posta adresim ⟨x⟩."], ["⟨x⟩ adresine yazabilirsiniz."]),
	},
	"IBAN": {
		"en": (["Please wire the refund to IBAN ⟨x⟩.", "Bank account (IBAN): ⟨x⟩", "Her new account is ⟨x⟩."],
		       ["Pay into ⟨x⟩ by the 15th.", "Transfer the deposit to ⟨x⟩ and quote the booking code."]),
		"de": (["Bitte überweisen Sie den Betrag auf das Konto ⟨x⟩.", "IBAN: ⟨x⟩", "Neue Bankverbindung: ⟨x⟩"],
		       ["Bitte den Betrag an ⟨x⟩ überweisen.", "Zahlung bitte auf ⟨x⟩."]),
		"fr": (["Merci de virer le montant sur le compte ⟨x⟩.", "IBAN : ⟨x⟩"], ["Virement à effectuer sur ⟨x⟩ avant le 10."]),
		"it": (["Effettuare il bonifico sul conto ⟨x⟩.", "IBAN: ⟨x⟩"], ["Bonifico intestato a Ferraro Srl, ⟨x⟩."]),
		"es": (["Haz la transferencia a la cuenta ⟨x⟩.", "IBAN: ⟨x⟩"], ["Transferencia a ⟨x⟩ antes del viernes."]),
		"nl": (["Maak het bedrag over op rekening ⟨x⟩.", "IBAN: ⟨x⟩"], ["Graag overmaken naar ⟨x⟩ o.v.v. het factuurnummer."]),
		"pt": (["Transferência para a conta ⟨x⟩."], ["Pagamento para ⟨x⟩."]),
		"pl": (["Numer rachunku: ⟨x⟩"], ["Przelew na ⟨x⟩ do piątku."]),
		"sv": (["Betala till konto ⟨x⟩."], ["Betalning till ⟨x⟩."]),
		"cs": (["Číslo účtu (IBAN): ⟨x⟩"], ["Platbu pošlete na ⟨x⟩."]),
		"tr": (["IBAN: ⟨x⟩"], ["Ödemeyi ⟨x⟩ numarasına yapabilirsiniz."]),
	},
	"CARD": {
		"en": (["Charge the card ⟨x⟩ for the deposit.", "Card number: ⟨x⟩, exp 09/27", "My credit card is ⟨x⟩.",
			"Use the company card ⟨x⟩ for the hotel."],
		       ["Put it on ⟨x⟩, expiry 11/26.", "Use ⟨x⟩ for the booking.", "The long number is ⟨x⟩ and the code on the back is 318."]),
		"de": (["Bitte die Kreditkarte ⟨x⟩ belasten.", "Kartennummer: ⟨x⟩"], ["Abbuchung bitte über ⟨x⟩, gültig bis 08/27."]),
		"fr": (["Débitez la carte ⟨x⟩."], ["Paiement avec ⟨x⟩, expiration 03/28."]),
		"it": (["Addebitare sulla carta ⟨x⟩."], ["Pagamento con ⟨x⟩, scadenza 05/27."]),
		"es": (["Cobra en la tarjeta ⟨x⟩."], ["Pago con ⟨x⟩, caducidad 10/26."]),
		"nl": (["Gebruik creditcard ⟨x⟩."], ["Betalen met ⟨x⟩, geldig tot 12/27."]),
		"pt": (["Cartão de crédito: ⟨x⟩"], ["Pagar com ⟨x⟩."]),
		"pl": (["Numer karty: ⟨x⟩"], ["Płatność: ⟨x⟩"]),
		"sv": (["Kortnummer: ⟨x⟩"], ["Betala med ⟨x⟩."]),
		"cs": (["Číslo karty: ⟨x⟩"], ["Zaplatit přes ⟨x⟩."]),
		"tr": (["Kredi kartı numaram ⟨x⟩."], ["Ödeme: ⟨x⟩"]),
	},
	"SSN": {
		"en": (["Her SSN is ⟨x⟩.", "Social Security number ⟨x⟩ (matches the W-2).", "SSN: ⟨x⟩", "Employee soc. sec. no. ⟨x⟩",
			"The SSN he gave over chat was ⟨x⟩, please double-check it."],
		       ["Verify ⟨x⟩ for him before payroll runs.", "The W-2 shows ⟨x⟩ in box a.", "She read out ⟨x⟩ twice to be sure."]),
		"es": (["Número de Seguro Social: ⟨x⟩"], ["Verifique ⟨x⟩ antes de la nómina."]),
		"de": (["Die US-Sozialversicherungsnummer (SSN) des Mitarbeiters lautet ⟨x⟩."], ["Bitte ⟨x⟩ vor dem Payroll-Lauf prüfen."]),
		"fr": (["Son SSN (numéro de sécurité sociale américain) : ⟨x⟩"], ["Merci de vérifier ⟨x⟩ avant la paie."]),
	},
	"IP": {
		"en": (["The attacker's IP was ⟨x⟩.", "Block IP address ⟨x⟩ at the edge.", "host ⟨x⟩ is not responding",
			"Whitelist source IP ⟨x⟩ for the SFTP job."],
		       ["Traffic from ⟨x⟩ spiked at noon.", "ssh into ⟨x⟩ and restart the worker.", "⟨x⟩ keeps timing out.",
			"Requests from ⟨x⟩ all fail with 403."]),
		"de": (["Die IP-Adresse ⟨x⟩ ist gesperrt."], ["Zugriffe von ⟨x⟩ blockieren."]),
		"fr": (["L'adresse IP ⟨x⟩ est bloquée."], ["Trop de requêtes depuis ⟨x⟩."]),
		"it": (["L'indirizzo IP ⟨x⟩ risulta bloccato."], ["Troppe richieste da ⟨x⟩."]),
		"es": (["La dirección IP ⟨x⟩ está bloqueada."], ["Demasiadas peticiones desde ⟨x⟩."]),
		"nl": (["Het IP-adres ⟨x⟩ is geblokkeerd."], ["Te veel verzoeken vanaf ⟨x⟩."]),
		"pt": (["O endereço IP ⟨x⟩ foi bloqueado."], ["Pedidos a partir de ⟨x⟩ falham."]),
		"pl": (["Adres IP ⟨x⟩ został zablokowany."], ["Za dużo żądań z ⟨x⟩."]),
		"sv": (["IP-adressen ⟨x⟩ är blockerad."], ["För många anrop från ⟨x⟩."]),
		"cs": (["IP adresa ⟨x⟩ je zablokována."], ["Příliš mnoho požadavků z ⟨x⟩."]),
		"tr": (["IP adresi ⟨x⟩ engellendi."], ["⟨x⟩ kaynağından çok fazla istek geliyor."]),
	},
}


def vsent_parts(R, it, ctx, lang):
	d = VS[it.type]
	pair = d.get(lang) or d["en"]
	s = R.pick(pair[0] if ctx else pair[1])
	a, b = s.split("⟨x⟩")
	pre, post = wrap_pair(R, it.type, 0.15)
	if it.type == "IP":
		ipre, ipost = ip_decor(R, it)
		pre, post = pre + ipre, ipost + post
	if pre == "mailto:" and not ctx:  # "mailto" names the address
		pre, post = "<", ">"
	if b in ("", ".") and R.chance(0.35):
		b = end_punct(R)
	return a, pre, post, b


def vsent(D, it, ctx, lang=None):
	"""Write one sentence carrying it, with or without a word naming its type."""
	a, pre, post, b = vsent_parts(D.R, it, ctx, lang or D.lang)
	D.t(a)
	D.v(it, ctx, None, pre, post)
	D.t(b)


def vsents(D, pairs, lang, prefix=""):
	"""Several value sentences; a sentence starts a new line when sharing one would blur whose type a word names."""
	R = D.R
	line_text, line_labels = "", []
	for i, (it, ctx) in enumerate(pairs):
		a, pre, post, b = vsent_parts(R, it, ctx, lang)
		sent = a + " " + b
		clash = any(not c and names_type(t, sent) for t, c in line_labels) or \
			(not ctx and names_type(it.type, line_text)) or any(t == it.type for t, _ in line_labels)
		if i and (clash or R.chance(0.35)):
			D.t("\n" + prefix)
			line_text, line_labels = "", []
		elif i:
			D.t(" ")
		D.t(a)
		D.v(it, ctx, None, pre, post)
		D.t(b)
		line_text += sent
		line_labels.append((it.type, ctx))


INTRO = {
	"en": ["Draft a short reply to the customer below and keep every detail as it is.", "Extract the contact details from this note into JSON.",
	       "Can you clean up this message before I forward it?", "Translate this into German; leave numbers unchanged.",
	       "Summarise the following and flag anything that looks sensitive.", "Here's what the client sent me:",
	       "Turn this into a polite follow-up.", "Check this for typos, don't change the facts."],
	"de": ["Formuliere bitte eine freundliche Antwort auf die folgende Nachricht.", "Extrahiere die Kontaktdaten als JSON.",
	       "Hier die Nachricht vom Kunden:", "Kannst du das bitte ins Englische übersetzen?"],
	"fr": ["Rédige une réponse polie au message suivant.", "Extrais les coordonnées en JSON.", "Voici le message du client :"],
	"it": ["Scrivi una risposta cortese al messaggio seguente.", "Estrai i dati di contatto in formato JSON."],
	"es": ["Redacta una respuesta amable al siguiente mensaje.", "Extrae los datos de contacto en JSON."],
	"nl": ["Schrijf een vriendelijk antwoord op het volgende bericht.", "Haal de contactgegevens eruit als JSON."],
	"pt": ["Escreve uma resposta simpática à mensagem seguinte."], "pl": ["Napisz uprzejmą odpowiedź na poniższą wiadomość."],
	"sv": ["Skriv ett vänligt svar på meddelandet nedan."], "cs": ["Napiš zdvořilou odpověď na následující zprávu."],
	"tr": ["Aşağıdaki mesaja kibar bir yanıt yaz."],
}


# ---- shared bits ------------------------------------------------------------------

LANGS = ["en", "de", "fr", "it", "es", "nl", "pt", "pl", "sv", "cs", "tr"]
CITIES = {"en": [("London", "EC2A 4NE"), ("Manchester", "M1 2AB"), ("Boston, MA", "02118"), ("Austin, TX", "78701"),
		 ("Seattle, WA", "98101"), ("Dublin", "D02 X285")],
	  "de": [("Berlin", "10115"), ("Hamburg", "20457"), ("München", "80802"), ("Köln", "50667"), ("Leipzig", "04109")],
	  "fr": [("Paris", "75008"), ("Lyon", "69002"), ("Nantes", "44000"), ("Lille", "59000")],
	  "it": [("Milano", "20121"), ("Roma", "00184"), ("Torino", "10121"), ("Bologna", "40121")],
	  "es": [("Madrid", "28013"), ("Barcelona", "08002"), ("Valencia", "46002"), ("Sevilla", "41001")],
	  "nl": [("Amsterdam", "1012 AB"), ("Rotterdam", "3011 AD"), ("Utrecht", "3511 LX"), ("Eindhoven", "5611 AZ")],
	  "pt": [("Lisboa", "1100-148"), ("Porto", "4050-253")], "pl": [("Warszawa", "00-950"), ("Kraków", "31-005")],
	  "sv": [("Stockholm", "111 52"), ("Göteborg", "411 04")], "cs": [("Praha", "110 00"), ("Brno", "602 00")],
	  "tr": [("İstanbul", "34367"), ("Ankara", "06420")]}
STREETS = {"en": ["Baker Street", "High Street", "Maple Ave", "Harbor Blvd", "Elm Street"],
	   "de": ["Hauptstraße", "Leopoldstraße", "Hafenstraße", "Bahnhofstraße", "Schillerweg"],
	   "fr": ["rue de la République", "avenue Jean Jaurès", "boulevard Voltaire", "rue des Lilas"],
	   "it": ["Via Roma", "Corso Italia", "Via Garibaldi", "Viale Mazzini"],
	   "es": ["Calle Mayor", "Avenida de la Constitución", "Calle de Alcalá", "Paseo de Gracia"],
	   "nl": ["Keizersgracht", "Dorpsstraat", "Stationsweg", "Kerkstraat"],
	   "pt": ["Rua Augusta", "Avenida da Liberdade"], "pl": ["ul. Marszałkowska", "ul. Floriańska"],
	   "sv": ["Drottninggatan", "Storgatan"], "cs": ["Václavské náměstí", "Masarykova"], "tr": ["İstiklal Caddesi", "Bağdat Caddesi"]}
COMPANIES = {"en": ["Kestrel Analytics Ltd", "Bluefinch Media", "Haverford Legal LLP", "Oakridge Clinic", "Tidewater Health Inc."],
	     "de": ["Fernhill Logistik GmbH", "Isarwerk GmbH", "Nordlicht Energie AG", "Kontor24 GmbH & Co. KG"],
	     "fr": ["Groupe Vernet SAS", "Atelier Lumière SARL", "Maison Roussel"], "it": ["Ponte Vecchio S.r.l.", "Lanificio Bassi S.p.A."],
	     "es": ["Castellana Seguros S.A.", "Grupo Ortega S.L."], "nl": ["Zephyr Cargo B.V.", "Rijnmond Havens N.V."],
	     "pt": ["Brightwater Lda."], "pl": ["Vistula Soft sp. z o.o."], "sv": ["Norrvik AB"], "cs": ["Moravia Tech s.r.o."],
	     "tr": ["Anadolu Lojistik A.Ş."]}


def city(R, lang):
	return R.pick(CITIES.get(lang) or CITIES["en"])


def street(R, lang):
	return "%s %d" % (R.pick(STREETS.get(lang) or STREETS["en"]), R.int(1, 180))


def company(R, lang):
	return R.pick(COMPANIES.get(lang) or COMPANIES["en"])


def phone_for(P, lang, weak=None):
	"""A phone number someone writing in lang would give."""
	R = P.R
	if weak is not True and R.chance(0.12 if lang == "en" else 0.08):
		return P.phone(weak=False, country=R.pick(sorted(E164)))
	if lang in LANG_E164 and R.chance(0.4):
		return P.phone(weak=weak, country=R.pick(sorted(PLANS)))
	if lang in LANG_E164 and weak is True:
		return P.phone(weak=True, country=R.pick(sorted(PLANS) + ["NANP"]))
	return P.phone(weak=weak, lang=lang)


def value_of(P, typ, lang, weak=None):
	if typ == "PHONE":
		return phone_for(P, lang, weak)
	if typ == "EMAIL":
		return P.email(lang)
	if typ == "IBAN":
		cc = {"UK": "GB"}.get(LANG_COUNTRY.get(lang), LANG_COUNTRY.get(lang)) or LANG_E164.get(lang)
		return P.iban(cc=cc if P.R.chance(0.5) else None)
	if typ == "CARD":
		return P.card()
	if typ == "SSN":
		return P.ssn(weak=weak)
	return P.ip()


# bullet/field labels: (naming, not naming)
LBL = {
	"PHONE": {"en": (["Phone", "Mobile", "Tel", "Cell"], ["Contact", "Reach at", "Call-back"]),
		  "de": (["Telefon", "Mobil", "Tel.", "Handy"], ["Kontakt", "Rückruf an", "Erreichbar"]),
		  "fr": (["Téléphone", "Portable", "Tél."], ["Contact", "Rappel au"]),
		  "it": (["Telefono", "Cellulare", "Tel."], ["Contatto", "Richiamare"]),
		  "es": (["Teléfono", "Móvil", "Tel."], ["Contacto", "Llamar al"]),
		  "nl": (["Telefoon", "Mobiel", "Tel."], ["Contact", "Terugbellen"]),
		  "pt": (["Telemóvel", "Telefone"], ["Contacto"]), "pl": (["Telefon", "Tel. kom."], ["Kontakt"]),
		  "sv": (["Mobil", "Telefon"], ["Kontakt"]), "cs": (["Telefon", "Mobil"], ["Kontakt"]), "tr": (["Telefon", "Cep"], ["İletişim"])},
	"EMAIL": {"en": (["Email", "E-mail"], ["Contact", "Login", "Reply-to address"]), "de": (["E-Mail"], ["Kontakt", "Login"]),
		  "fr": (["E-mail", "Courriel"], ["Contact", "Identifiant"]), "it": (["E-mail"], ["Contatto"]), "es": (["Correo"], ["Contacto", "Usuario"]),
		  "nl": (["E-mail"], ["Contact", "Gebruikersnaam"]), "pt": (["E-mail"], ["Contacto"]), "pl": (["E-mail"], ["Kontakt"]),
		  "sv": (["E-post"], ["Kontakt"]), "cs": (["E-mail"], ["Kontakt"]), "tr": (["E-posta"], ["İletişim"])},
	"IBAN": {"en": (["IBAN", "Bank account"], ["Refund to", "Payee"]), "de": (["IBAN", "Konto"], ["Zahlung an", "Empfänger"]),
		 "fr": (["IBAN", "Compte"], ["Bénéficiaire"]), "it": (["IBAN", "Conto"], ["Beneficiario"]), "es": (["IBAN", "Cuenta"], ["Beneficiario"]),
		 "nl": (["IBAN", "Rekening"], ["Begunstigde"]), "pt": (["IBAN", "Conta"], ["Beneficiário"]), "pl": (["IBAN", "Rachunek"], ["Odbiorca"]),
		 "sv": (["IBAN", "Konto"], ["Mottagare"]), "cs": (["IBAN", "Účet"], ["Příjemce"]), "tr": (["IBAN", "Hesap"], ["Alıcı"])},
	"CARD": {"en": (["Card", "Card number", "Credit card"], ["Payment", "Charged to"]), "de": (["Karte", "Kreditkarte"], ["Zahlung"]),
		 "fr": (["Carte", "N° de carte"], ["Paiement"]), "it": (["Carta"], ["Pagamento"]), "es": (["Tarjeta"], ["Pago"]),
		 "nl": (["Kaart", "Creditcard"], ["Betaling"]), "pt": (["Cartão"], ["Pagamento"]), "pl": (["Karta"], ["Płatność"]),
		 "sv": (["Kort"], ["Betalning"]), "cs": (["Karta"], ["Platba"]), "tr": (["Kart"], ["Ödeme"])},
	"SSN": {"en": (["SSN", "Social Security No."], ["Taxpayer", "Verify"]), "es": (["Seguro Social"], ["Verificar"])},
	"IP": {"en": (["IP", "IP address", "Source IP"], ["Last seen from", "Origin"]), "de": (["IP-Adresse"], ["Zuletzt von"]),
	       "fr": (["Adresse IP"], ["Vu depuis"]), "it": (["Indirizzo IP"], ["Visto da"]), "es": (["Dirección IP"], ["Visto desde"]),
	       "nl": (["IP-adres"], ["Gezien vanaf"])},
}


def lbl(R, typ, lang, ctx):
	d = LBL[typ]
	pair = d.get(lang) or d["en"]
	return R.pick(pair[0] if ctx else pair[1])


# ---- A: chat, replies, tickets, mail, letters, transcripts, PDFs -----------------------------------

def pick_types(R, lang, n):
	pool = [("PHONE", 5), ("EMAIL", 2), ("IBAN", 2), ("CARD", 4), ("IP", 1.5)]
	if lang in ("en", "es", "de", "fr"):
		pool.append(("SSN", 3 if lang == "en" else 0.5))
	return [R.weighted(pool) for _ in range(n)]


def t_chat(P, lang):
	R = P.R
	D = Doc(R, "chat", lang)
	quote = "> " if R.chance(0.35) else ""
	D.t(R.pick(INTRO.get(lang) or INTRO["en"]) + ("\n\n" if quote else R.pick(["\n\n", "\n", " "])))
	D.t(quote)
	vsents(D, [(value_of(P, typ, lang), R.chance(0.45)) for typ in pick_types(R, lang, R.weighted([(1, 4), (2, 4), (3, 2)]))], lang, quote)
	for _ in range(R.weighted([(0, 3), (1, 5), (2, 2)])):
		D.t("\n")
		D.negline(P.neg())
	if R.chance(0.5):
		D.t("\n" + filler(R, lang))
	return D


def t_reply(P, lang):
	R = P.R
	D = Doc(R, "model_reply", lang)
	heads = {"en": ["Here's the updated contact record:", "I pulled these details from the thread:", "Done — this is what I'll save:"],
		 "de": ["Hier der aktualisierte Datensatz:", "Folgende Angaben habe ich übernommen:"],
		 "fr": ["Voici la fiche mise à jour :", "J'ai relevé ces informations :"], "it": ["Ecco la scheda aggiornata:"],
		 "es": ["Aquí tienes la ficha actualizada:"], "nl": ["Hier is het bijgewerkte record:"], "pt": ["Aqui está o registo atualizado:"],
		 "pl": ["Oto zaktualizowany rekord:"], "sv": ["Här är den uppdaterade posten:"], "cs": ["Tady je aktualizovaný záznam:"],
		 "tr": ["Güncellenmiş kayıt:"]}
	p = person(R, lang if lang in ("en", "de", "fr", "it", "es", "nl", "pt", "pl", "sv", "cs", "tr") else None)
	D.t(R.pick(heads.get(lang) or heads["en"]) + "\n\n")
	D.t(R.pick(["- **Name:** ", "- **Name:** ", "- Name: "]) + p[0] + "\n")
	for typ in dict.fromkeys(pick_types(R, lang, R.int(2, 4))):
		it = P.email(lang, p=p) if typ == "EMAIL" else value_of(P, typ, lang)
		ctx = R.chance(0.55)
		lab = lbl(R, typ, lang if lang in LBL[typ] else "en", ctx)
		bold = R.chance(0.5)
		D.t(("- **%s:** " if bold else "- %s: ") % lab)
		pre, post = ("`", "`") if R.chance(0.2) else ("", "")
		if typ == "IP":
			a, b = ip_decor(R, it)
			pre, post = pre + a, b + post
		D.v(it, ctx, None, pre, post)
		D.t("\n")
	if R.chance(0.4):
		D.t("- " + R.pick(["Ref", "Note", "Source"]) + ": ")
		D.negline(P.neg())
		D.t("\n")
	tails = {"en": ["Want me to push this to the CRM?", "I left the other fields unchanged.", "Tell me if any of this is outdated."],
		 "de": ["Soll ich das ins CRM übernehmen?"], "fr": ["Je l'enregistre dans le CRM ?"], "it": ["Vuoi che lo salvi nel CRM?"],
		 "es": ["¿Lo guardo en el CRM?"], "nl": ["Zal ik dit in het CRM zetten?"]}
	D.t("\n" + R.pick(tails.get(lang) or tails["en"]))
	return D


def t_ticket(P, lang):
	R = P.R
	lang = lang if lang in ("en", "de", "fr", "es", "nl", "it") else "en"
	D = Doc(R, "support_ticket", lang)
	p = person(R, lang)
	em = P.email(lang, p=p)
	hdr = {"en": ("Ticket", "Requester", "Subject", "Priority", "Description", "Internal note"),
	       "de": ("Ticket", "Anfragende Person", "Betreff", "Priorität", "Beschreibung", "Interne Notiz"),
	       "fr": ("Ticket", "Demandeur", "Objet", "Priorité", "Description", "Note interne"),
	       "es": ("Ticket", "Solicitante", "Asunto", "Prioridad", "Descripción", "Nota interna"),
	       "nl": ("Ticket", "Aanvrager", "Onderwerp", "Prioriteit", "Omschrijving", "Interne notitie"),
	       "it": ("Ticket", "Richiedente", "Oggetto", "Priorità", "Descrizione", "Nota interna")}[lang]
	subj = {"en": ["Refund not received", "Cannot log in after password reset", "Wrong charge on my invoice", "Change of bank details"],
		"de": ["Erstattung nicht erhalten", "Login nach Passwort-Reset nicht möglich", "Falsche Abbuchung", "Änderung der Bankverbindung"],
		"fr": ["Remboursement non reçu", "Connexion impossible", "Prélèvement erroné"],
		"es": ["Reembolso no recibido", "No puedo iniciar sesión", "Cargo incorrecto"],
		"nl": ["Terugbetaling niet ontvangen", "Kan niet inloggen", "Verkeerde afschrijving"],
		"it": ["Rimborso non ricevuto", "Impossibile accedere", "Addebito errato"]}[lang]
	D.t("%s #%d · %s: %s\n" % (hdr[0], R.int(10000, 99999), hdr[3], R.pick(["High", "Normal", "Urgent", "P2"])))
	D.t(hdr[1] + ": " + p[0] + " <")
	D.v(em, False)
	D.t(">\n" + hdr[2] + ": " + R.pick(subj) + "\n\n" + hdr[4] + ":\n")
	vsents(D, [(value_of(P, typ, lang), R.chance(0.5)) for typ in pick_types(R, lang, R.int(1, 3))], lang)
	D.t("\n")
	if R.chance(0.7):
		D.negline(P.neg())
		D.t("\n")
	D.t("\n" + hdr[5] + ": " + filler(R, lang) + "\n")
	if R.chance(0.4):
		D.negline(P.neg())
	return D


GREET = {"en": ("Hi %s,", "Best regards,"), "de": ("Hallo %s,", "Mit freundlichen Grüßen"), "fr": ("Bonjour %s,", "Cordialement,"),
	 "it": ("Ciao %s,", "Cordiali saluti,"), "es": ("Hola %s:", "Saludos cordiales,"), "nl": ("Beste %s,", "Met vriendelijke groet,"),
	 "pt": ("Olá %s,", "Atenciosamente,"), "pl": ("Dzień dobry %s,", "Z poważaniem,"), "sv": ("Hej %s,", "Med vänliga hälsningar,"),
	 "cs": ("Dobrý den %s,", "S pozdravem,"), "tr": ("Merhaba %s,", "Saygılarımla,")}
TITLES = {"en": ["Head of Operations", "Account Manager", "Paralegal", "Practice Manager"], "de": ["Leitung Buchhaltung", "Vertrieb Innendienst"],
	  "fr": ["Responsable comptable", "Chargée de clientèle"], "it": ["Ufficio amministrazione"], "es": ["Departamento de facturación"],
	  "nl": ["Klantenservice"], "pt": ["Gestor de conta"], "pl": ["Dział księgowości"], "sv": ["Ekonomiavdelningen"], "cs": ["Účetní oddělení"],
	  "tr": ["Muhasebe"]}


def signature(P, D, p, lang):
	"""A signature block: name, title, phone lines with or without words, mail, address, legal footer."""
	R = D.R
	D.t(p[0] + "\n" + R.pick(TITLES.get(lang) or TITLES["en"]) + " | " + company(R, lang) + "\n")
	style = R.pick(["words", "letters", "icons", "pipe"])
	ph1 = phone_for(P, lang, weak=R.chance(0.3 if style == "words" else 0.7))
	ph2 = phone_for(P, lang) if R.chance(0.5) else None
	if style == "words":
		w1 = R.pick(NAMEW["PHONE"].get(lang) or NAMEW["PHONE"]["en"])
		D.t(w1[0].upper() + w1[1:] + " ")
		D.v(ph1, True)
		if ph2:
			w2 = R.pick(["Mobile", "Fax", "Cell"] if lang == "en" else ["Mobil", "Fax"] if lang == "de" else ["Fax"])
			D.t(" · " + w2 + " ")
			D.v(ph2, True)
	elif style == "letters":
		D.t(R.pick(["T ", "T: ", "P: ", "D "]))
		D.v(ph1, False)
		if ph2:
			D.t(R.pick(["  M ", " | M: ", " / F "]))
			D.v(ph2, False)
	elif style == "icons":
		D.t(R.pick(["📞 ", "☎ ", "✆ ", "📞", "☎️"]))
		D.v(ph1, False)
		if ph2:
			D.t("  📱 ")
			D.v(ph2, False)
	else:
		par = R.chance(0.5)
		D.v(ph1, False, None, "(" if par else "", ")" if par else "")
		if ph2:
			D.t(" | ")
			D.v(ph2, False)
	D.t("\n")
	em = P.email(lang, p=p)
	if R.chance(0.5):
		D.t(R.pick(NAMEW["EMAIL"].get(lang) or NAMEW["EMAIL"]["en"]) + ": ")
		D.v(em, True)
	else:
		D.t(R.pick(["", "✉ ", "E "]))
		D.v(em, False)
		site = em.value.split("@")[1].lower().split(".")
		if len(site) > 2 and ".".join(site[-2:]) not in ("co.uk", "ac.uk", "com.tr"):
			site = site[1:]
		if "mail" not in ".".join(site) and em.value.split("@")[1].lower() not in sum(FREEMAIL.values(), []):
			D.t(" | www." + ".".join(site))
	c, z = city(R, lang)
	D.t("\n" + street(R, lang) + ", " + z + " " + c + "\n")
	if lang == "de" and R.chance(0.6):
		D.t("Sitz der Gesellschaft: " + c + " · Registergericht: ")
		D.n(Neg(K_COMPANY, "HRB", "HRB " + R.digits(6, "123456789")))
		D.t(" · USt-IdNr.: ")
		D.n(make_neg(R, K_VAT, "DE"))
		D.t("\n")
	elif lang == "fr" and R.chance(0.5):
		ng = make_neg(R, K_COMPANY, R.pick(["SIREN", "SIRET"]))
		D.t("SAS au capital de 50 000 € · " + ng.variant + " ")
		D.n(ng)
		D.t("\n")


def t_mail(P, lang):
	R = P.R
	D = Doc(R, "email_message", lang)
	me, you = person(R, lang), person(R)
	D.t("From: " + me[0] + " <")
	D.v(P.email(lang, p=me), False)
	D.t(">\nTo: ")
	quoted = R.chance(0.3)
	if quoted:
		D.t('"' + you[0] + '" <')
	D.v(P.email(you[3], p=you), False)
	if quoted:
		D.t(">")
	D.t("\nDate: ")
	D.n(make_neg(R, K_TS, "rfc2822"))
	D.t("\nSubject: " + R.pick(["Re: ", "AW: ", "RE: ", "Fwd: ", ""]) + R.pick(["Follow-up", "Onboarding", "Invoice", "Contract renewal", "Your request"]) + "\n\n")
	D.t((GREET.get(lang) or GREET["en"])[0] % you[0].split()[0] + "\n\n")
	D.t(filler(R, lang) + "\n")
	vsents(D, [(value_of(P, typ, lang), R.chance(0.5)) for typ in pick_types(R, lang, R.int(0, 2)) if typ != "SSN" or lang == "en"], lang)
	if R.chance(0.6):
		D.t("\n")
		D.negline(P.neg())
	D.t("\n\n" + (GREET.get(lang) or GREET["en"])[1] + "\n")
	signature(P, D, me, lang)
	if R.chance(0.25):
		D.t("\n> On " + R.pick(["Mon", "Tue", "Wed"]) + ", " + you[0] + " wrote:\n> " + filler(R, "en") + "\n")
	return D



def t_letter(P, lang):
	"""A formal letter or dunning notice with bank details and a letterhead footer."""
	R = P.R
	lang = lang if lang in ("de", "fr", "it", "es", "nl", "pt", "en") else "de"
	D = Doc(R, "letter", lang)
	co = company(R, lang)
	c, z = city(R, lang)
	cust = person(R, lang)
	T = {
		"de": ("Zahlungserinnerung", "Rechnung", "vom", "Sehr geehrte Damen und Herren,",
		       "leider konnten wir zu der oben genannten Rechnung noch keinen Zahlungseingang feststellen. Bitte überweisen Sie den offenen Betrag von",
		       "bis zum", "auf folgendes Konto:", "Kundennummer", "Mit freundlichen Grüßen"),
		"fr": ("Relance de paiement", "Facture", "du", "Madame, Monsieur,",
		       "sauf erreur de notre part, la facture mentionnée ci-dessus reste impayée. Merci de régler le montant de",
		       "avant le", "sur le compte suivant :", "N° client", "Veuillez agréer nos salutations distinguées."),
		"it": ("Sollecito di pagamento", "Fattura", "del", "Gentili Signori,",
		       "non risulta ancora il pagamento della fattura indicata. Vi preghiamo di versare l'importo di",
		       "entro il", "sul seguente conto:", "Codice cliente", "Distinti saluti"),
		"es": ("Recordatorio de pago", "Factura", "del", "Estimados señores:",
		       "no consta aún el pago de la factura indicada. Les rogamos abonen el importe de",
		       "antes del", "en la siguiente cuenta:", "Nº de cliente", "Atentamente,"),
		"nl": ("Betalingsherinnering", "Factuur", "van", "Geachte heer, mevrouw,",
		       "wij hebben voor bovengenoemde factuur nog geen betaling ontvangen. Wij verzoeken u het openstaande bedrag van",
		       "vóór", "over te maken op de volgende rekening:", "Klantnummer", "Met vriendelijke groet,"),
		"pt": ("Aviso de pagamento", "Fatura", "de", "Exmos. Senhores,",
		       "ainda não recebemos o pagamento da fatura acima. Solicitamos a transferência do valor de",
		       "até", "para a seguinte conta:", "N.º de cliente", "Com os melhores cumprimentos,"),
		"en": ("Payment reminder", "Invoice", "dated", "Dear Sir or Madam,",
		       "our records show that the invoice above is still unpaid. Please transfer the outstanding amount of",
		       "by", "to the following account:", "Customer no.", "Yours faithfully,"),
	}[lang]
	D.t(co + " · " + street(R, lang) + " · " + z + " " + c + "\n\n" + cust[0] + "\n" + street(R, lang) + "\n" + " ".join(city(R, lang)[::-1]) + "\n\n")
	D.t(T[0] + " — " + T[1] + " ")
	D.n(make_neg(R, K_ORDER, R.pick(["inv", "so-year", "year-slash"])))
	D.t(" " + T[2] + " ")
	D.n(make_neg(R, K_DATE, "dotted"))
	D.t("\n" + T[7] + ": ")
	D.n(make_neg(R, K_PHONELIKE, "customer number"))
	D.t("\n\n" + T[3] + "\n\n" + T[4] + " ")
	D.n(make_neg(R, K_PRICE, {"de": "eur-de", "fr": "eur-fr-nbsp", "it": "eur-de", "es": "eur-de", "nl": "eur-nl", "pt": "eur-fr-nbsp", "en": "gbp"}[lang]))
	D.t(" " + T[5] + " ")
	D.n(make_neg(R, K_DATE, "dotted"))
	D.t(" " + T[6] + "\n\n")
	cc = LANG_COUNTRY.get(lang, LANG_E164.get(lang, "DE"))
	if cc == "UK":
		cc = "GB"
	ib = P.iban(cc=cc)
	if R.chance(0.7):
		D.t("IBAN: ")
		D.v(ib, True)
	else:  # on its own line, named by the sentence that introduces it
		D.t(R.pick(["", "  "]))
		D.v(ib, True, T[6])
	D.t("\nBIC: " + R.pick(["COBADEFFXXX", "BNPAFRPPXXX", "BCITITMM", "CAIXESBBXXX", "INGBNL2A", "CGDIPTPL", "NWBKGB2L"]) + "\n\n")
	if R.chance(0.5):
		D.t(filler(R, lang) + "\n\n")
	D.t(T[8] + "\n" + person(R, lang)[0] + "\n\n---\n")
	ph = phone_for(P, lang, weak=R.chance(0.6))
	w = R.pick(NAMEW["PHONE"].get(lang) or NAMEW["PHONE"]["en"])
	nctx = R.chance(0.35)
	fax = R.chance(0.3)
	D.t(co + " · " + ((w[0].upper() + w[1:] + " ") if nctx else ""))
	D.v(ph, nctx or fax)
	if fax:
		D.t(" · Fax ")
		D.v(phone_for(P, lang, weak=R.chance(0.5)), True)
	D.t("\n")
	em = P.email(lang)
	D.t(R.pick(NAMEW["EMAIL"].get(lang) or NAMEW["EMAIL"]["en"]) + ": ")
	D.v(em, True)
	D.t("\n")
	vat = make_neg(R, K_VAT, {"de": "DE", "fr": "FR", "it": "IT", "es": "ES", "nl": "NL", "pt": "PT", "en": "GB"}[lang])
	D.t({"de": "USt-IdNr.", "fr": "TVA intracom.", "it": "P.IVA", "es": "NIF", "nl": "BTW-nr.", "pt": "NIF", "en": "VAT Reg No."}[lang] + " ")
	D.n(vat)
	if lang == "de":
		D.t(" · Amtsgericht " + c + " ")
		D.n(make_neg(R, K_COMPANY, "HRB"))
	elif lang == "fr":
		D.t(" · RCS " + c + " ")
		D.n(make_neg(R, K_COMPANY, "SIREN"))
	elif lang == "nl":
		D.t(" · KvK ")
		D.n(make_neg(R, K_COMPANY, "KvK"))
	D.t("\n")
	return D


def t_html_form(P, lang):
	"""A checkout or profile form as the browser's Elements panel shows it."""
	R = P.R
	D = Doc(R, "html_form", lang)
	D.t('<form id="%s" action="/api/%s" method="post" novalidate>\n' % (R.pick(["checkout", "profile", "signup"]), R.pick(["checkout", "me", "register"])))
	fields = [("email", "email", "email", P.email(lang)), ("tel", R.pick(["phone", "mobile", "tel"]), "tel", phone_for(P, lang, weak=R.chance(0.35))),
		  ("text", R.pick(["cardnumber", "cc-number", "card_no"]), "cc-number", P.card())]
	if R.chance(0.4):
		fields.append(("text", "iban", "off", P.iban()))
	if R.chance(0.6):
		it = R.pick([phone_for(P, lang, weak=R.chance(0.5)), P.card(), P.email(lang)])
		fields.append(("text", "field_%d" % R.int(3, 40), "off", it))
	R.shuffle(fields)
	for typ, name, ac, it in fields:
		D.t('  <input type="%s" name="%s" value="' % (typ, name))
		line = typ + " " + name + " " + ac
		ctx = names_type(it.type, line)
		D.v(it, ctx, None)
		D.t('" autocomplete="%s">\n' % ac)
	D.t('  <input type="text" name="exp" value="%02d/%02d" autocomplete="cc-exp">\n' % (R.int(1, 12), R.int(25, 31)))
	D.t('  <button type="submit">%s</button>\n</form>' % R.pick(["Pay now", "Jetzt bezahlen", "Payer", "Paga ora", "Pagar", "Betalen"]))
	return D


PAY_CHAT = {
	"en": (["Customer: I tried paying with my card ⟨x⟩ three times and it keeps failing.", "Customer: the card number is ⟨x⟩, exp 04/28",
		"Customer: can you charge the Visa ⟨x⟩ instead?"],
	       ["Customer: I tried ⟨x⟩ three times and it keeps failing.", "Customer: here you go ⟨x⟩ 06/27 cvv 441",
		"Customer: just use ⟨x⟩ like last time"]),
	"de": (["Kunde: Meine Kreditkarte ⟨x⟩ wird ständig abgelehnt.", "Kunde: Die Kartennummer ist ⟨x⟩."],
	       ["Kunde: Ich habe es dreimal mit ⟨x⟩ versucht.", "Kunde: ⟨x⟩, gültig bis 07/27"]),
	"fr": (["Client : ma carte ⟨x⟩ est refusée à chaque fois.", "Client : numéro de carte ⟨x⟩"],
	       ["Client : j'ai essayé avec ⟨x⟩ trois fois.", "Client : ⟨x⟩ expire 09/26"]),
	"es": (["Cliente: mi tarjeta ⟨x⟩ da error.", "Cliente: el número de tarjeta es ⟨x⟩"], ["Cliente: probé con ⟨x⟩ tres veces."]),
	"it": (["Cliente: la mia carta ⟨x⟩ viene rifiutata."], ["Cliente: ho provato con ⟨x⟩ tre volte."]),
	"nl": (["Klant: mijn creditcard ⟨x⟩ wordt steeds geweigerd."], ["Klant: ik heb het drie keer geprobeerd met ⟨x⟩."]),
	"pt": (["Cliente: o meu cartão ⟨x⟩ é sempre recusado."], ["Cliente: tentei com ⟨x⟩ três vezes."]),
	"pl": (["Klient: moja karta ⟨x⟩ jest odrzucana."], ["Klient: próbowałem z ⟨x⟩ trzy razy."]),
	"sv": (["Kund: mitt kort ⟨x⟩ nekas hela tiden."], ["Kund: jag har provat med ⟨x⟩ tre gånger."]),
	"cs": (["Zákazník: moje karta ⟨x⟩ je pořád zamítnutá."], ["Zákazník: zkoušel jsem ⟨x⟩ třikrát."]),
	"tr": (["Müşteri: kartım ⟨x⟩ sürekli reddediliyor."], ["Müşteri: ⟨x⟩ ile üç kez denedim."]),
}
AGENT_REPLY = {"en": "Agent: Please don't share full numbers here — I've masked it. The one on file ends in ",
	       "de": "Agent: Bitte keine vollständigen Nummern im Chat teilen. Hinterlegt ist die mit Endung ",
	       "fr": "Agent : merci de ne pas partager les numéros complets. Celle enregistrée se termine par ",
	       "es": "Agente: por favor no compartas números completos. La registrada termina en ",
	       "it": "Operatore: per favore non condividere numeri completi. Quella registrata termina con ",
	       "nl": "Medewerker: deel alstublieft geen volledige nummers. De geregistreerde eindigt op "}


def t_pay_chat(P, lang):
	"""A payment support chat: full card numbers typed by customers, masked ones from agents."""
	R = P.R
	D = Doc(R, "payment_chat", lang)
	pair = PAY_CHAT.get(lang) or PAY_CHAT["en"]
	ctx = R.chance(0.5)
	a, b = R.pick(pair[0] if ctx else pair[1]).split("⟨x⟩")
	D.t(a)
	pre, post = wrap_pair(R, "CARD", 0.15)
	D.v(P.card(), ctx, None, pre, post)
	D.t(b + "\n")
	D.t(AGENT_REPLY.get(lang, AGENT_REPLY["en"]))
	D.n(make_neg(R, K_MCARD))
	D.t(".\n")
	if R.chance(0.5):
		D.negline(P.neg())
		D.t("\n")
	if R.chance(0.4):
		ctx2 = R.chance(0.5)
		a, b = R.pick(pair[0] if ctx2 else pair[1]).split("⟨x⟩")
		D.t(a)
		D.v(P.card(), ctx2)
		D.t(b + "\n")
	return D


def t_slack(P, lang):
	"""A Slack export: one JSON message per line; links in Slack's <mailto:...|...> form."""
	R = P.R
	lang = lang if lang in ("en", "de", "fr", "nl", "es") else "en"
	D = Doc(R, "slack_export", lang)
	users = ["U0%s" % R.tok(8, True) for _ in range(3)]
	D.t("[\n")
	n = R.int(2, 5)
	for i in range(n):
		D.t('  {"type": "message", "user": "%s", "text": "' % R.pick(users))
		k = R.weighted([("value", 5), ("mailto", 2), ("mention", 2), ("neg", 2), ("plain", 1)])
		if k == "value":
			typ = R.weighted([("PHONE", 4), ("EMAIL", 1), ("IP", 2), ("IBAN", 1), ("CARD", 1), ("SSN", 1)])
			vsent_json(D, value_of(P, typ, lang), R.chance(0.5), lang)
		elif k == "mailto":
			em = P.email(lang)
			D.t(R.pick(["can you ping ", "ask ", "schreib mal an ", "cc "]))
			D.v(em, True, None, "<mailto:", "")
			D.t("|")
			D.v(em, True)
			D.t("> about it?")
		elif k == "mention":
			D.n(Neg(K_AT, "slack mention", "@" + R.pick(users)), "<", ">")
			D.t(" " + R.pick(["can you take this one?", "fyi", "kannst du kurz schauen?", "tu peux regarder ?"]))
		elif k == "neg":
			ng = P.neg()
			a, b = neg_phrase(R, ng)
			if '"' in a + b + ng.value or "\\" in ng.value:
				D.t("see the attached log")
			else:
				D.n(ng, a, b)
		else:
			D.t(filler(R, lang))
		D.t('", "ts": "')
		D.n(make_neg(R, K_TS, "slack-ts"))
		D.t('"}' + ("," if i < n - 1 else "") + "\n")
	D.t("]")
	return D


def vsent_json(D, it, ctx, lang):
	"""vsent for text inside a JSON string: no raw double quotes around the value."""
	R = D.R
	d = VS[it.type]
	pair = d.get(lang) or d["en"]
	s = R.pick(pair[0] if ctx else pair[1])
	a, b = s.split("⟨x⟩")
	pre, post = "", ""
	if it.type == "IP":
		pre, post = ip_decor(R, it)
	D.t(a)
	D.v(it, ctx, None, pre, post)
	D.t(b)


def t_transcript(P, lang):
	R = P.R
	lang = lang if lang in ("en", "de", "fr", "es", "nl", "it") else "en"
	D = Doc(R, "meeting_transcript", lang)
	spk = [person(R, lang)[0], person(R)[0], "Speaker %d" % R.int(1, 4)]
	D.t(R.pick(["Transcript — weekly sync", "Auto-generated transcript", "Meeting notes (Otter.ai export)", "Transkript"]) + "\n\n")
	t = R.int(0, 1200)
	for _ in range(R.int(3, 6)):
		t += R.int(5, 200)
		D.t("[%02d:%02d:%02d] %s: " % (t // 3600, t // 60 % 60, t % 60, R.pick(spk)))
		k = R.weighted([("value", 4), ("filler", 3), ("neg", 2)])
		if k == "value":
			typ = R.weighted([("PHONE", 5), ("EMAIL", 2), ("CARD", 2), ("SSN", 1), ("IBAN", 1)])
			lead = R.pick(["um, ", "so ", "yeah, ", "okay ", "", "", "right — "]) if lang == "en" else R.pick(["äh, ", "also ", "", "euh, ", "bueno, "])
			D.t(lead)
			vsent(D, value_of(P, typ, lang), R.chance(0.5), lang)
		elif k == "neg":
			D.negline(P.neg())
		else:
			D.t(filler(R, lang))
		D.t("\n")
	return D


def t_whatsapp(P, lang):
	R = P.R
	D = Doc(R, "chat_export", lang)
	ppl = [person(R, lang)[0].split()[0], person(R, lang)[0].split()[0]]
	d, mo, y = R.int(1, 28), R.int(1, 12), R.int(21, 25)
	h, mi = R.int(7, 21), R.int(0, 59)
	if R.chance(0.5):
		D.t("[%02d.%02d.%02d, %02d:%02d:%02d] " % (d, mo, y, h, mi, R.int(0, 59)))
		e = phone_for(P, lang, weak=False)
		D.v(e, False)
		D.t(R.pick([" joined using this group's invite link", " ist über den Einladungslink beigetreten", " a rejoint le groupe"]) + "\n")
	for _ in range(R.int(2, 5)):
		mi = (mi + R.int(1, 9)) % 60
		D.t("[%02d.%02d.%02d, %02d:%02d:%02d] %s: " % (d, mo, y, h, mi, R.int(0, 59), R.pick(ppl)))
		k = R.weighted([("value", 4), ("filler", 3), ("neg", 2)])
		if k == "value":
			typ = R.weighted([("PHONE", 5), ("EMAIL", 1), ("IBAN", 2), ("CARD", 2)])
			vsent(D, value_of(P, typ, lang), R.chance(0.5), lang)
		elif k == "neg":
			D.negline(P.neg())
		else:
			D.t(filler(R, lang))
		D.t(R.pick(["", " 🙏", " 👍", " 😅"]) + "\n")
	return D


PDF_EN = ["In the event of a suspected personal data breach, the processor shall notify the controller without undue delay.",
	  "The parties agree that the technical and organisational measures listed in the annex are adequate.",
	  "Any amendment to this agreement must be made in writing to be effective.",
	  "Sub-processors may only be engaged with the prior written authorisation of the controller.",
	  "Records of processing activities shall be kept for the duration of the contract and three years thereafter.",
	  "The processor shall assist the controller in responding to requests from data subjects.",
	  "Audits may be carried out by the controller or an independent auditor mandated by it.",
	  "Personal data shall be deleted or returned at the end of the provision of services.",
	  "Nothing in this clause limits the liability of either party for wilful misconduct.",
	  "The annexes form an integral part of this agreement and prevail in case of doubt."]
PDF_DE = ["Der Auftragsverarbeiter unterstützt den Verantwortlichen bei der Wahrung der Rechte der betroffenen Personen.",
	  "Änderungen dieses Vertrags bedürfen der Schriftform.", "Unterauftragsverarbeiter dürfen nur nach vorheriger Genehmigung eingesetzt werden.",
	  "Nach Abschluss der Erbringung der Verarbeitungsleistungen sind sämtliche Daten zu löschen.",
	  "Kontrollen können durch den Verantwortlichen oder einen beauftragten Prüfer durchgeführt werden."]


def pdf_wrap(R, text, width):
	"""Break text into PDF-like lines, hyphenating long words now and then."""
	out, line = [], ""
	for w in text.split(" "):
		if len(line) + 1 + len(w) > width:
			if len(w) > 7 and R.chance(0.5) and w.isalpha():
				cut = R.int(3, len(w) - 3)
				out.append((line + " " + w[:cut] + "-").strip())
				line = w[cut:]
				continue
			out.append(line)
			line = w
		else:
			line = (line + " " + w).strip()
	out.append(line)
	return "\n".join(out)


def t_rag_pdf(P, lang):
	"""A chunk pasted from a PDF: page furniture, section numbers, hyphenated line breaks, contact clause."""
	R = P.R
	lang = "de" if lang == "de" else "en"
	D = Doc(R, "rag_pdf_chunk", lang)
	bank = PDF_DE if lang == "de" else PDF_EN
	width = R.int(48, 72)
	D.t("[chunk %d/%d · source: %s.pdf]\n" % (R.int(2, 30), R.int(31, 90), R.pick(["DPA_signed", "Rahmenvertrag_2024", "supplier-handbook", "msa-final"])))
	D.t(R.pick(["Page ", "Seite "]) + str(R.int(3, 40)) + R.pick([" of ", " von "]) + str(R.int(41, 80)) + "\n")
	sec = make_neg(R, K_OID, R.pick(["section 4", "section 5", "clause 3"]))
	D.n(sec)
	D.t(" " + R.pick(["Contact points", "Notifications", "Kontaktstellen", "Escalation"]) + "\n")
	body = " ".join(R.pick(bank) for _ in range(R.int(2, 4)))
	D.t(pdf_wrap(R, body, width) + "\n")
	# the contact clause, broken over lines like a PDF extraction
	em, ph = P.email(lang), phone_for(P, lang if lang == "de" else R.pick(["en", "de", "fr", "nl"]), weak=R.chance(0.35))
	if lang == "de":
		D.t("Meldungen sind per E-\nMail an ")
		D.v(em, True, "E-\nMail")
		D.t(" oder außerhalb der Ge-\nschäftszeiten telefonisch unter\n")
		D.v(ph, True, "telefonisch")
		D.t(" zu richten.\n")
	else:
		k = R.pick(["split-word", "next-line", "plain", "plain"])
		if k == "split-word":
			D.t("Notifications shall be sent by e-\nmail to ")
			D.v(em, True, "e-\nmail")
			D.t(" or, outside business hours, by tele-\nphone to ")
			D.v(ph, True, "tele-\nphone")
			D.t(".\n")
		elif k == "next-line":
			D.t("Notifications shall be sent by email to\n")
			D.v(em, True, "email")
			D.t(" or, outside business hours, by telephone to\n")
			D.v(ph, True, "telephone")
			D.t(" (24/7 duty desk).\n")
		else:
			D.t("The duty desk can be reached on\n")
			D.v(ph, False)
			D.t(" at any time; written notices go to\n")
			D.v(em, False)
			D.t(".\n")
	body = " ".join(R.pick(bank) for _ in range(R.int(1, 3)))
	D.t(pdf_wrap(R, body, width) + "\n")
	if R.chance(0.6):
		D.negline(P.neg())
		D.t("\n")
	D.t(R.pick(["CONFIDENTIAL", "Vertraulich", "Doc. QM-4 Rev. 3"]) + "\n")
	return D


def t_ocr_invoice(P, lang):
	"""An OCR'd invoice or till receipt: uneven spacing, OCR slips in the words (never in the values)."""
	R = P.R
	lang = lang if lang in ("de", "fr", "it", "es", "nl", "en") else "de"
	D = Doc(R, "ocr_invoice", lang)
	co = company(R, lang)
	c, z = city(R, lang)
	D.t(co.upper() + "\n" + street(R, lang) + "  " + z + " " + c + "\n")
	ph = phone_for(P, lang, weak=R.chance(0.6))
	style = R.pick(["word", "word-ocr", "none"])
	if style == "word":
		D.t(R.pick({"de": ["Tel :", "Telefon", "Tel."], "fr": ["Tél :", "Tel."], "it": ["Tel.", "Telefono"], "es": ["Tel.:", "Teléfono"],
			    "nl": ["Tel:", "Telefoon"], "en": ["Tel:", "Phone"]}[lang]) + " ")
		D.v(ph, True)
	elif style == "word-ocr":
		D.t(R.pick(["Te1.", "TeI:", "Te l.", "T€l."]) + " ")
		D.v(ph, False)
	else:
		D.t("  ")
		D.v(ph, False)
	D.t("\n")
	ng = make_neg(R, K_VAT, {"de": "DE", "fr": "FR", "it": "IT", "es": "ES", "nl": "NL", "en": "GB"}[lang])
	D.t({"de": "USt-IdNr ", "fr": "TVA ", "it": "P. IVA ", "es": "CIF/NIF ", "nl": "BTW ", "en": "VAT No "}[lang])
	D.n(ng)
	D.t("\n" + "-" * R.int(24, 40) + "\n")
	D.t({"de": "RECHNUNG Nr. ", "fr": "FACTURE N° ", "it": "FATTURA N. ", "es": "FACTURA Nº ", "nl": "FACTUUR nr. ", "en": "INVOICE No. "}[lang])
	D.n(make_neg(R, K_ORDER, R.pick(["inv", "year-slash", "cmd"])))
	D.t("   ")
	D.n(make_neg(R, K_DATE, R.pick(["dotted", "dashed dmy", "us slash"])))
	D.t("\n")
	for _ in range(R.int(2, 5)):
		q = R.int(1, 12)
		pr = R.int(1, 400) + R.int(0, 99) / 100
		D.t("%-22s %2d x %7.2f %9.2f\n" % (R.pick(["Palette EUR", "Kabel CAT6 5m", "Service mensuel", "Espresso", "Croissant",
						      "Licencia anual", "Toner TN-2420", "Reparatur Std."]), q, pr, q * pr))
	D.t({"de": "SUMME  ", "fr": "TOTAL TTC  ", "it": "TOTALE  ", "es": "TOTAL  ", "nl": "TOTAAL  ", "en": "TOTAL  "}[lang])
	D.n(make_neg(R, K_PRICE, R.pick(["eur-de", "eur-fr-nbsp", "eur-nl", "gbp"] if lang != "en" else ["gbp", "usd"])))
	D.t("\n")
	k = R.pick(["masked", "full", "iban"])
	if k == "masked":
		D.t(R.pick(["CB ", "VISA ", "EC-Karte ", "Mastercard "]))
		D.n(make_neg(R, K_MCARD))
		D.t("  " + R.pick(["AUTORISATION 0" + R.digits(5), "Beleg-Nr. " + R.digits(4), "APPROVED"]) + "\n")
	elif k == "full":
		ctx = R.chance(0.5)
		D.t(R.pick(["Karte: ", "Carte : ", "Card: ", "Tarjeta: "]) if ctx else R.pick(["Zahlung ", "Paiement ", "PAID ", "Pago "]))
		D.v(P.card(), ctx)
		D.t("\n")
	else:
		ctx = R.chance(0.6)
		D.t(R.pick(["Bankverbindung: ", "IBAN ", "Compte : ", "Conto: "]) if ctx else R.pick(["Überweisung an ", "Virement : ", "Bonifico: "]))
		D.v(P.iban(), ctx)
		D.t("\n")
	if R.chance(0.5):
		D.t(R.pick(["Merci de votre visite", "Vielen Dank für Ihren Einkauf", "Grazie e arrivederci", "Thank you!"]) + "\n")
	if lang == "fr" and R.chance(0.7):
		D.t("SIRET ")
		D.n(make_neg(R, K_COMPANY, "SIRET"))
		D.t("\n")
	return D


POLICY_EN = ["All staff must complete the annual security awareness training before the end of the first quarter.",
	     "Laptops are encrypted with full-disk encryption and must be locked when unattended.",
	     "Access to production systems is granted on a least-privilege basis and reviewed every quarter.",
	     "Customer data may not be copied to personal devices or unapproved cloud storage.",
	     "Incidents are classified by severity; the on-duty engineer decides the initial classification.",
	     "Vendors processing personal data must sign a data processing agreement before onboarding.",
	     "Passwords are managed in the company password manager and never shared in chat.",
	     "Backups are tested monthly by restoring a random sample to an isolated environment.",
	     "Exceptions to this policy require written approval from the security lead.",
	     "Remote work is permitted from the countries listed in the appendix only.",
	     "Printed documents containing confidential information are shredded after use.",
	     "Change requests for firewall rules follow the standard change process.",
	     "The policy owner reviews this document at least once a year.",
	     "Visitors are accompanied at all times in areas marked as restricted.",
	     "New joiners receive their hardware on the first working day.",
	     "Logs are retained for thirteen months and then deleted automatically.",
	     "Third-party scripts on the website are reviewed by the web team before release.",
	     "Any suspected phishing message must be reported through the report button."]
POLICY_DE = ["Alle Beschäftigten nehmen jährlich an der Sicherheitsschulung teil.",
	     "Dienstliche Notebooks sind vollständig verschlüsselt und bei Abwesenheit zu sperren.",
	     "Zugriffe auf Produktivsysteme werden nach dem Need-to-know-Prinzip vergeben.",
	     "Kundendaten dürfen nicht auf private Geräte kopiert werden.",
	     "Ausnahmen von dieser Richtlinie bedürfen der schriftlichen Freigabe.",
	     "Sicherungen werden monatlich durch eine Wiederherstellung geprüft.",
	     "Besucher werden in gesicherten Bereichen jederzeit begleitet.",
	     "Protokolle werden dreizehn Monate aufbewahrt und danach gelöscht."]


def t_long_doc(P, lang):
	"""A long handbook page: one value deep inside a few kilobytes of text."""
	R = P.R
	lang = "de" if lang == "de" else "en"
	D = Doc(R, "long_document", lang)
	bank = POLICY_DE if lang == "de" else POLICY_EN
	D.t(R.pick(["# Information Security Handbook\n\n", "# Richtlinie Informationssicherheit\n\n", "## Employee handbook (excerpt)\n\n"]))
	nsec = R.int(4, 8)
	where = R.int(1, nsec - 2)
	for i in range(nsec):
		D.t("### %d. %s\n\n" % (i + 1, R.pick(["Scope", "Access", "Devices", "Incidents", "Vendors", "Geltungsbereich", "Zugriffe", "Backups"])))
		for _ in range(R.int(2, 4)):
			D.t(" ".join(R.r.sample(bank, R.int(3, 6))) + "\n\n")
		if i == where:
			typ = R.weighted([("PHONE", 4), ("EMAIL", 3), ("IBAN", 1), ("IP", 1)])
			vsent(D, value_of(P, typ, lang), R.chance(0.5), lang)
			D.t(" " + R.pick(bank) + "\n\n")
		if R.chance(0.3):
			D.negline(P.neg())
			D.t("\n\n")
	return D


# ---- B: JSON tool results, tool calls, clinical, XML, vCard, iCalendar, HTTP ------------------

def jstyle(R):
	return R.weighted([(2, 5), (4, 1), (None, 3)])


def t_crm_json(P, lang):
	R = P.R
	D = Doc(R, "crm_json", lang)
	p = person(R, lang)
	flavour = R.pick(["hubspot", "salesforce", "erp-de", "generic"]) if lang == "en" else R.pick(["generic", "erp-de" if lang == "de" else "generic", "hubspot"])
	ph1 = phone_for(P, lang, weak=R.chance(0.35))
	ph2 = phone_for(P, lang, weak=R.chance(0.35)) if R.chance(0.6) else None
	em = P.email(lang, p=p)
	if flavour == "hubspot":
		props = {"firstname": p[0].split()[0], "lastname": p[0].split()[-1], "email": em, "phone": ph1,
			 "company": company(R, lang), "createdate": make_neg(R, K_TS, "iso-millis-z"),
			 "lastmodifieddate": make_neg(R, K_TS, "iso-millis-z"), "lifecyclestage": R.pick(["lead", "customer", "opportunity"])}
		if ph2:
			props["mobilephone"] = ph2
		if R.chance(0.3):
			props["hs_whatsapp_contact"] = V(phone_for(P, lang, weak=R.chance(0.5)))
		obj = {"id": str(R.int(100, 99999)), "properties": props, "archived": False}
		if R.chance(0.5):
			obj = {"results": [obj], "paging": {"next": {"after": str(R.int(100, 999))}}}
	elif flavour == "salesforce":
		obj = {"attributes": {"type": "Contact", "url": "/services/data/v59.0/sobjects/Contact/003" + R.tok(15)},
		       "Id": "003" + R.tok(15), "Name": p[0], "Email": em, "Phone": ph1, "AccountId": "001" + R.tok(15),
		       "LastModifiedDate": make_neg(R, K_TS, "iso-offset")}
		if ph2:
			obj["MobilePhone"] = ph2
	elif flavour == "erp-de":
		obj = {"Kundennummer": make_neg(R, K_PHONELIKE, "customer number"), "Name": p[0], "Anschrift": {"Strasse": street(R, "de"), "PLZ": city(R, "de")[1], "Ort": city(R, "de")[0]},
		       "Kommunikation": {"Telefon": ph1, "EMail": em}, "Bankverbindung": {"IBAN": P.iban(cc="DE"), "BIC": "COBADEFFXXX"},
		       "Umsatz": make_neg(R, K_PRICE, "eur-de")}
		if ph2:
			obj["Kommunikation"]["Mobil"] = ph2
	else:
		obj = {"customer_id": "cus_" + R.tok(14), "name": p[0], "contact": {"primary": V(ph1, False), "email": em},
		       "tags": R.pick([["vip"], ["churn-risk", "b2b"], []]), "updated_at": make_neg(R, K_TS, "iso-z")}
		if ph2:
			obj["contact"]["secondary_phone"] = ph2
		if R.chance(0.4):
			obj["billing"] = {"iban": P.iban(), "vat_id": make_neg(R, K_VAT)}
	if R.chance(0.3):
		D.t(R.pick(["Tool result (crm.get_contact):\n", "```json\n", "Observation: "]))
	jdump(D, obj, 2 if flavour in ("erp-de", "generic") else jstyle(R))
	return D


def t_hr_json(P, lang):
	R = P.R
	lang = "en"
	D = Doc(R, "hr_json", lang)
	p = person(R, "en")
	ssn = P.ssn()
	style = jstyle(R)
	compact = style is None or R.chance(0.4)
	ident = {"type": "USA-SSN", "value": V(ssn, compact, "USA-SSN" if compact else None), "country": "US"}
	if R.chance(0.5):
		worker = {"id": "W-%06d" % R.int(1, 999999), "legal_name": p[0], "ssn": ssn}
	else:
		worker = {"id": "W-%06d" % R.int(1, 999999), "legal_name": p[0], "national_id": Inline(ident) if compact else ident}
	worker["hire_date"] = make_neg(R, K_DATE, "iso")
	worker["work_email"] = P.email("en", p=p)
	worker["personal_phone"] = phone_for(P, "en", weak=R.chance(0.25))
	if R.chance(0.6):
		worker["emergency_contact"] = {"name": person(R)[0], "relationship": R.pick(["spouse", "parent", "sibling"]),
					       "phone": phone_for(P, "en", weak=R.chance(0.3))}
	if R.chance(0.5) and style is not None:
		worker["payment_elections"] = [{"routing_number": make_neg(R, K_ABA), "account_number": make_neg(R, K_BANKACCT, "US account"), "percent": 100}]
	elif R.chance(0.5):
		worker["payment_elections"] = [{"iban": P.iban(), "bic": R.pick(["DEUTDEFF", "BARCGB22", "INGBNL2A"]), "percent": 100}]
	if style is not None:
		worker["employer_ein"] = make_neg(R, K_EIN)
	jdump(D, {"worker": worker}, style)
	return D


def t_billing_json(P, lang):
	R = P.R
	D = Doc(R, "billing_json", lang)
	card = P.card()
	k = R.pick(["checkout-debug", "legacy-pos", "charge", "refund-iban"])
	if k == "checkout-debug":
		D.t(R.pick(["[checkout] request body: ", "DEBUG payment.create payload=", "Logged request:\n"]))
		obj = {"amount": R.int(500, 99999), "currency": R.pick(["eur", "usd", "gbp"]),
		       "card": {"number": card, "exp_month": R.int(1, 12), "exp_year": R.int(2025, 2031), "cvc": R.digits(3)},
		       "billing_details": {"email": P.email(lang), "phone": phone_for(P, lang)}}
	elif k == "legacy-pos":
		obj = {"txn": {"id": make_neg(R, K_UUID), "ts": Raw(make_neg(R, K_TS, "epoch-ms")), "terminal": "T-%04d" % R.int(1, 9999),
			       "pan": card, "entry_mode": R.pick(["chip", "contactless", "keyed"]), "amount": make_neg(R, K_PRICE, R.pick(["usd", "eur-de"])),
			       "auth_code": R.digits(6)}}
	elif k == "charge":
		obj = {"id": "ch_" + R.tok(24), "object": "charge", "amount": R.int(500, 99999), "created": Raw(make_neg(R, K_TS, "epoch-s")),
		       "payment_method_details": {"type": "card", "card": {"brand": R.pick(["visa", "mastercard", "amex"]), "last4": R.digits(4),
									  "fingerprint": R.tok(16), "exp_month": R.int(1, 12), "exp_year": R.int(2025, 2031)}},
		       "receipt_email": P.email(lang), "metadata": {"order_id": make_neg(R, K_ORDER), "legacy_card_ref": V(card)}}
	else:
		obj = {"refund": {"id": "re_" + R.tok(20), "order": make_neg(R, K_ORDER), "method": "sepa_credit_transfer",
				  "beneficiary": {"name": person(R, lang)[0], "iban": P.iban(), "bic": R.pick(["COBADEFFXXX", "BNPAFRPP", "ABNANL2A"])},
				  "amount": make_neg(R, K_PRICE, "eur-de"), "reference": make_neg(R, K_PAYREF, R.pick(["RF compact", "RF grouped"]))}}
	jdump(D, obj, jstyle(R))
	return D


TOOLS = [
	("send_sms", lambda P, l: [("to", "PHONE", None), ("body", None, "Your verification code is %s" % P.R.digits(6))]),
	("update_contact", lambda P, l: [("contact_id", None, "c_" + P.R.tok(10)), ("phone", "PHONE", None), ("email", "EMAIL", None)]),
	("create_refund", lambda P, l: [("order_id", None, "ORD-%d" % P.R.int(10000, 99999)), ("iban", "IBAN", None), ("amount_cents", None, P.R.int(100, 99999))]),
	("block_ip", lambda P, l: [("ip", "IP", None), ("reason", None, "credential stuffing"), ("ttl_minutes", None, 60)]),
	("verify_identity", lambda P, l: [("full_name", None, person(P.R)[0]), ("ssn", "SSN", None)]),
	("charge_card", lambda P, l: [("card_number", "CARD", None), ("amount", None, P.R.int(100, 9999)), ("currency", None, "USD")]),
	("schedule_callback", lambda P, l: [("number", "PHONE", None), ("when", None, "tomorrow 10:00")]),
	("send_email", lambda P, l: [("to", "EMAIL", None), ("subject", None, "Your invoice"), ("cc", "EMAIL", None)]),
	("lookup_customer", lambda P, l: [("query", "EMAIL", None)]),
]


def t_toolcall(P, lang):
	"""Function-call arguments: OpenAI (arguments as an escaped JSON string) or Anthropic tool_use (nested JSON)."""
	R = P.R
	D = Doc(R, "tool_call", lang)
	name, fields = R.pick(TOOLS)
	args = fields(P, lang)
	vals = []
	for k, typ, lit in args:
		if typ:
			weak = None
			it = value_of(P, typ, lang, weak)
			vals.append((k, it))
		else:
			vals.append((k, lit))
	shape = R.pick(["openai", "anthropic", "openai-stream"])
	if shape == "anthropic":
		obj = {"type": "tool_use", "id": "toolu_" + R.tok(24), "name": name, "input": {k: v for k, v in vals}}
		jdump(D, obj, jstyle(R))
		return D
	# OpenAI: arguments is a JSON text inside a JSON string
	D.t('{"id": "call_%s", "type": "function", "function": {"name": "%s", "arguments": "{' % (R.tok(24), name))
	for i, (k, v) in enumerate(vals):
		D.t(('\\"%s\\":' % k) if i == 0 else (',\\"%s\\":' % k))
		if isinstance(v, Item):
			ctx = names_type(v.type, k)
			# the whole call is one line: a word naming the type elsewhere on it also counts
			line_words = " ".join(kk for kk, _ in vals) + " " + name
			if not ctx and names_type(v.type, line_words):
				ctx = True
			D.v(v, ctx, k if ctx else None, '\\"', '\\"')
		elif isinstance(v, int):
			D.t(str(v))
		else:
			D.t('\\"' + v + '\\"')
	D.t('}"}}')
	return D


def t_fhir(P, lang):
	R = P.R
	D = Doc(R, "fhir_patient", "en")
	p = person(R, "en")
	ssn = P.ssn()
	ph = phone_for(P, "en", weak=R.chance(0.5))
	em = P.email("en", p=p)
	one_line = R.chance(0.5)
	if one_line:
		telecom = [Inline({"system": "phone", "value": V(ph, True, "phone"), "use": R.pick(["mobile", "home", "work"])}),
			   Inline({"system": "email", "value": V(em, True, "email")})]
		ident = [Inline({"system": "http://hl7.org/fhir/sid/us-ssn", "value": V(ssn, True, "us-ssn")}),
			 Inline({"system": "https://mgh.example.org/fhir/mrn", "value": "MRN" + R.digits(7)})]
	else:
		telecom = [{"system": "phone", "value": V(ph, False), "use": R.pick(["mobile", "home", "work"])},
			   {"system": "email", "value": V(em, False)}]
		ident = [{"system": "http://hl7.org/fhir/sid/us-ssn", "value": V(ssn, False)}]
	obj = {"resourceType": "Patient", "id": make_neg(R, K_UUID), "meta": {"lastUpdated": make_neg(R, K_TS, "iso-offset")},
	       "identifier": ident, "name": [{"family": p[0].split()[-1], "given": [p[0].split()[0]]}], "telecom": telecom,
	       "address": [{"line": [street(R, "en")], "city": "Boston", "state": "MA", "postalCode": "02118"}]}
	if R.chance(0.4):
		obj["generalPractitioner"] = [{"display": "Dr. " + person(R)[0], "identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": make_neg(R, K_MED, "NPI")}}]
	jdump(D, obj, 2)
	return D


def t_hl7(P, lang):
	R = P.R
	D = Doc(R, "hl7v2", "en")
	D.t("MSH|^~\\&|EPIC|MGH|LAB|MGH|")
	D.n(make_neg(R, K_TS, "compact"))
	D.t("||ADT^A04|MSG%05d|P|2.5.1\r\n" % R.int(1, 99999))
	D.t("EVN|A04|")
	D.n(make_neg(R, K_TS, "compact"))
	p = person(R, "en")
	D.t("\r\nPID|1||MRN%07d^^^MGH^MR||%s^%s||1980|%s|||%s^^BOSTON^MA^02118^USA||" % (
		R.int(1, 9999999), p[0].split()[-1].upper(), p[0].split()[0].upper(), R.pick("FMU"), street(R, "en").upper()))
	D.v(P.phone(weak=False, country="NANP"), False)
	D.t("|||S||ACCT%05d|" % R.int(1, 99999))
	D.v(P.ssn(weak=R.chance(0.4)), False)
	D.t("|||\r\nNK1|1|%s^%s|SPO||" % (person(R)[0].split()[-1].upper(), person(R)[0].split()[0].upper()))
	D.v(P.phone(weak=False, country="NANP"), False)
	D.t("\r\nPV1|1|O|CLINIC^^^MGH||||")
	D.n(make_neg(R, K_MED, "NPI"))
	D.t("^" + person(R)[0].split()[-1].upper() + "\r\n")
	return D


def t_xml(P, lang):
	R = P.R
	D = Doc(R, "xml_soap", lang)
	p = person(R, lang)
	D.t('<?xml version="1.0" encoding="UTF-8"?>\n<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cus="urn:fernhill:customer:v2">\n  <soap:Body>\n    <cus:UpdateCustomerRequest>\n')
	D.t("      <cus:CustomerId>C-%06d</cus:CustomerId>\n      <cus:Name>%s</cus:Name>\n" % (R.int(1, 999999), p[0]))
	em = P.email(lang, p=p)
	D.t("      <cus:Email>")
	D.v(em, True, "Email")
	D.t("</cus:Email>\n")
	ph = phone_for(P, lang, weak=R.chance(0.5))
	if R.chance(0.5):
		D.t('      <cus:Phone type="%s">' % R.pick(["mobile", "landline", "work"]))
		D.v(ph, True, "Phone")
		D.t("</cus:Phone>\n")
	else:
		D.t('      <cus:ContactNumber kind="primary">')
		D.v(ph, False)
		D.t("</cus:ContactNumber>\n")
	if R.chance(0.6):
		D.t("      <cus:Iban>")
		D.v(P.iban(), True, "Iban")
		D.t("</cus:Iban>\n")
	D.t("      <cus:TaxId>")
	D.n(make_neg(R, K_VAT))
	D.t("</cus:TaxId>\n      <cus:Modified>")
	D.n(make_neg(R, K_TS, "iso-offset"))
	D.t("</cus:Modified>\n    </cus:UpdateCustomerRequest>\n  </soap:Body>\n</soap:Envelope>")
	return D


def t_vcard(P, lang):
	R = P.R
	D = Doc(R, "vcard", lang)
	p = person(R, lang)
	v4 = R.chance(0.5)
	D.t("BEGIN:VCARD\r\nVERSION:%s\r\nFN:%s\r\nN:%s;%s;;;\r\nORG:%s\r\n" % ("4.0" if v4 else "3.0", p[0], p[0].split()[-1], p[0].split()[0], company(R, lang)))
	ph = phone_for(P, lang, weak=False if v4 else R.chance(0.5))
	if v4:
		while not re.fullmatch(r"\+\d[\d-]+", ph.value):  # RFC 3966: a tel: URI has no spaces or parentheses
			ph = phone_for(P, lang, weak=False)
		D.t("TEL;TYPE=work,voice;VALUE=uri:tel:")
		D.v(ph, True, "TEL")
	else:
		D.t("TEL;TYPE=WORK,VOICE:")
		D.v(ph, True, "TEL")
	D.t("\r\n")
	if R.chance(0.7):
		D.t("TEL;TYPE=%s:" % ("cell" if v4 else "CELL"))
		D.v(phone_for(P, lang, weak=R.chance(0.3)), True, "TEL")
		D.t("\r\n")
	D.t("EMAIL;TYPE=%s:" % ("work" if v4 else "INTERNET,WORK"))
	D.v(P.email(lang, p=p), True, "EMAIL")
	c, z = city(R, lang)
	D.t("\r\nADR;TYPE=work:;;%s;%s;;%s;\r\n" % (street(R, lang), c, z))
	if R.chance(0.3):
		D.t("NOTE:Met at the trade fair\\, follow up in Q3\r\n")
	D.t("REV:")
	D.n(make_neg(R, K_TS, "iso-z"))
	D.t("\r\nEND:VCARD")
	return D


def t_ics(P, lang):
	R = P.R
	D = Doc(R, "icalendar", lang)
	org, att = person(R, lang), person(R)
	D.t("BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nDTSTART:")
	y, m, d = R.int(2024, 2026), R.int(1, 12), R.int(1, 28)
	D.n(Neg(K_TS, "iCalendar basic", "%04d%02d%02dT%02d%02d00Z" % (y, m, d, R.int(6, 17), R.pick([0, 15, 30, 45]))))
	D.t("\r\nDTEND:")
	D.n(Neg(K_TS, "iCalendar basic", "%04d%02d%02dT%02d%02d00Z" % (y, m, d, R.int(17, 20), R.pick([0, 15, 30, 45]))))
	D.t("\r\nUID:")
	D.n(Neg(K_AT, "iCalendar UID", R.tok(26) + "@google.com"))
	D.t("\r\nORGANIZER;CN=%s:mailto:" % org[0])
	D.v(P.email(lang, p=org), True, "mailto")
	D.t("\r\nATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=%s:mailto:" % att[0])
	D.v(P.email(att[3], p=att), True, "mailto")
	D.t("\r\nLOCATION:" + R.pick(["Zoom", "Teams", "Room 4.12 (Berlin)", "Google Meet"]) + "\r\nDESCRIPTION:Join: https://us02web.zoom.us/j/")
	zid = R.digits(11, "89")
	D.n(Neg(K_MEET, "zoom id (plain)", zid))
	D.t("\\n\\nDial-in: ")
	D.v(P.phone(weak=False), False)
	D.t("\\nMeeting ID: ")
	D.n(Neg(K_MEET, "zoom id (3-4-4)", "%s %s %s" % (zid[:3], zid[3:7], zid[7:])))
	D.t("\\nPasscode: ")
	D.n(make_neg(R, K_MEET, "passcode"))
	D.t("\r\nSEQUENCE:0\r\nSTATUS:CONFIRMED\r\nEND:VEVENT\r\nEND:VCALENDAR")
	return D


def t_form_post(P, lang):
	"""Form posts, OAuth redirects and unsubscribe links: percent-encoded addresses in URLs and bodies."""
	R = P.R
	D = Doc(R, "form_post", lang)
	k = R.pick(["urlencoded", "oauth", "unsubscribe", "json"])
	pe = P.email(lang, "percent-encoded")
	if k == "urlencoded":
		p = person(R, lang)
		D.t("POST /signup HTTP/1.1\r\nHost: app.quartzline.io\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n")
		D.t("first_name=%s&last_name=%s&email=" % (urllib.parse.quote_plus(p[0].split()[0]), urllib.parse.quote_plus(p[0].split()[-1])))
		D.v(pe, True, "email")
		D.t("&country=%s&newsletter=on&csrf_token=" % R.pick(["DE", "FR", "GB", "NL"]))
		D.n(make_neg(R, K_B64, "urlsafe"))
	elif k == "oauth":
		D.t("GET /authorize?response_type=code&client_id=%s&redirect_uri=https%%3A%%2F%%2Fapp.kestrelanalytics.com%%2Fcallback&scope=openid%%20profile&login_hint=" % R.tok(20))
		D.v(pe, False)
		D.t("&state=" + R.tok(16) + " HTTP/1.1")
	elif k == "unsubscribe":
		D.t(R.pick(["Click to unsubscribe: ", "Abmelden: ", "Se désinscrire : "]) + "https://lists.example.org/u?list=weekly&email=")
		D.v(pe, True, "email")
		D.t("&sig=" + R.tok(16))
	else:
		D.t("Request payload (decoded from query): ")
		D.t("recipient=")
		D.v(pe, False)
		D.t("&template=welcome&locale=" + R.pick(["de-DE", "fr-FR", "en-GB"]))
	if R.chance(0.4):
		D.t("\n")
		D.negline(P.neg())
	return D


def t_devtools(P, lang):
	R = P.R
	D = Doc(R, "devtools", lang)
	host = R.pick(["api.kestrelanalytics.com", "app.quartzline.io", "portal.isarwerk.de"])
	D.t("General\nRequest URL: https://%s/v2/%s\nRequest Method: %s\nStatus Code: %s\nRemote Address: " % (
		host, R.pick(["users/me", "invoices?page=2", "orders/search"]), R.pick(["GET", "POST"]), R.pick(["200 OK", "401 Unauthorized", "422 Unprocessable Entity"])))
	ip = P.ip()
	if ":" in ip.value:
		D.v(ip, True, None, "[", "]:443")
	else:
		D.v(ip, True, None, "", ":443")
	D.t("\nReferrer Policy: strict-origin-when-cross-origin\n\nResponse Headers\ncontent-type: application/json\nx-request-id: ")
	D.n(make_neg(R, K_UUID))
	D.t("\netag: ")
	D.n(make_neg(R, K_HASH, "etag"))
	D.t("\n\nPayload\n")
	obj = {"email": P.email(lang), "phone": phone_for(P, lang, weak=R.chance(0.3))}
	if R.chance(0.4):
		obj["locale"] = R.pick(["de-DE", "fr-FR", "en-GB"])
	jdump(D, obj, None)
	return D


def t_http_headers(P, lang):
	R = P.R
	D = Doc(R, "http_headers", lang)
	D.t("%s /%s HTTP/1.1\nHost: %s\n" % (R.pick(["GET", "POST"]), R.pick(["api/v1/orders", "login", "v2/chat/completions"]), R.pick(["shop.example.com", "gw.internal"])))
	c1, c2 = P.ip(v6=R.chance(0.25)), P.ip(v6=False)
	if c2.sub == "IP/v4-port-cidr":
		c2.sub = "IP/v4"
	if c1.sub == "IP/v4-port-cidr":
		c1.sub = "IP/v4"
	D.t("X-Forwarded-For: ")
	D.v(c1, True)
	D.t(", ")
	D.v(c2, True)
	D.t("\n")
	if R.chance(0.5):
		D.t("X-Real-IP: ")
		D.v(P.ip(v6=False, sub="v4"), True)
		D.t("\n")
	if R.chance(0.4):
		D.t("Forwarded: for=")
		D.v(P.ip(v6=False, sub="v4"), True)
		D.t(";proto=https;by=")
		D.v(P.ip(v6=False, sub="v4"), True)
		D.t("\n")
	D.t("User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/")
	D.n(make_neg(R, K_VERSION, "chrome"))
	D.t(" Safari/537.36\nX-Request-ID: ")
	D.n(make_neg(R, K_UUID))
	if R.chance(0.4):
		D.t("\nFrom: ")
		D.v(P.email("en", "basic"), False)
	D.t("\nAccept: application/json\n")
	return D


# ---- C: tables: CSV, TSV, markdown, psql, mysql, pandas, SQL, statements ---------------------------

HDR_NAME = {"en": "name", "de": "Name", "fr": "Nom", "it": "Nome", "es": "Nombre", "nl": "Naam", "pt": "Nome", "pl": "Imię i nazwisko",
	    "sv": "Namn", "cs": "Jméno", "tr": "Ad Soyad"}
HDR_CITY = {"en": "city", "de": "Ort", "fr": "Ville", "it": "Città", "es": "Ciudad", "nl": "Plaats", "pt": "Cidade", "pl": "Miasto",
	    "sv": "Ort", "cs": "Město", "tr": "Şehir"}
HDR_DATE = {"en": "signup_date", "de": "Datum", "fr": "Date", "it": "Data", "es": "Fecha", "nl": "Datum", "pt": "Data", "pl": "Data",
	    "sv": "Datum", "cs": "Datum", "tr": "Tarih"}
HDR_ID = {"en": "id", "de": "Kundennr", "fr": "N° client", "it": "Codice", "es": "Nº cliente", "nl": "Klantnr", "pt": "N.º", "pl": "Nr",
	  "sv": "Kundnr", "cs": "Č. zákazníka", "tr": "No"}


def table_cols(R, lang, n_extra):
	"""Columns: (header, kind, ctx) where kind is a value type or a filler column."""
	cols = [(HDR_ID.get(lang, "id"), "id", None), (HDR_NAME.get(lang, "name"), "name", None)]
	types = [R.pick(["EMAIL", "CARD", "IBAN"]), "PHONE"] + R.pick([[], ["PHONE"], ["IBAN"], ["CARD"], ["CARD"], ["IP"]] + ([["SSN"], ["SSN"]] if lang == "en" else []))
	for typ in types[:2 + n_extra]:
		ctx = R.chance(0.5)
		hl = LBL[typ].get(lang) or LBL[typ]["en"]
		h = R.pick(hl[0] if ctx else hl[1])
		if lang == "en" and R.chance(0.5):
			h = h.lower().replace(" ", "_").replace(".", "")
		if any(h == c[0] for c in cols):
			h = h + "_2"
		cols.append((h, typ, ctx))
	if R.chance(0.6):
		cols.append((HDR_CITY.get(lang, "city"), "city", None))
	if R.chance(0.6):
		cols.append((HDR_DATE.get(lang, "date"), "date", None))
	return cols


def table_rows(P, lang, cols, n):
	R = P.R
	rows = []
	for i in range(n):
		row = []
		for h, kind, ctx in cols:
			if kind == "id":
				row.append(str(R.int(100, 99999)) if R.chance(0.6) else "C-%05d" % R.int(1, 99999))
			elif kind == "name":
				row.append(person(R, lang if lang in ("en", "de", "fr", "it", "es", "nl", "pt", "pl", "sv", "cs", "tr") else None)[0])
			elif kind == "city":
				row.append(city(R, lang)[0])
			elif kind == "date":
				row.append(make_neg(R, K_DATE, R.pick(["iso", "dotted", "us slash"])))
			else:
				weak = None
				it = value_of(P, kind, lang, weak)
				if kind == "IP" and it.sub == "IP/v4-port-cidr":
					it.sub = "IP/v4"
				row.append(it)
		rows.append(row)
	return rows


def t_csv(P, lang):
	R = P.R
	D = Doc(R, "csv_export", lang)
	cols = table_cols(R, lang, R.int(0, 1))
	rows = table_rows(P, lang, cols, R.int(2, 6))
	style = R.pick(["csv", "csv", "csv;", "tsv"]) if lang == "en" else R.pick(["csv;", "csv;", "csv", "tsv"])
	if R.chance(0.4):
		D.t(R.pick(["Here is the export you asked for:\n\n", "customers_2024-03.csv\n", "Export (gekürzt):\n", "```csv\n"]))
	table(D, [c[0] for c in cols], rows, style)
	return D


def t_md_table(P, lang):
	R = P.R
	D = Doc(R, "markdown_table", lang)
	cols = table_cols(R, lang, R.int(0, 1))
	rows = table_rows(P, lang, cols, R.int(2, 5))
	D.t(R.pick({"en": ["Here are the attendees I found:\n\n", "| Summary of the contacts in the thread |\n\n", "Updated list:\n\n"],
		    "de": ["Hier die Teilnehmerliste:\n\n"], "fr": ["Voici la liste des participants :\n\n"], "it": ["Ecco l'elenco:\n\n"],
		    "es": ["Aquí está la lista:\n\n"], "nl": ["Hier is de lijst:\n\n"]}.get(lang, ["\n"])))
	table(D, [c[0] for c in cols], rows, "md")
	if R.chance(0.5):
		D.t("\n" + filler(R, lang))
	return D


def t_sql_out(P, lang):
	R = P.R
	D = Doc(R, "sql_output", lang)
	cols = table_cols(R, "en", R.int(0, 1))
	cols = [(c[0].lower().replace(" ", "_").replace(".", ""), c[1], c[2]) for c in cols]
	seen = set()
	for i, c in enumerate(cols):
		if c[0] in seen:
			cols[i] = (c[0] + "2", c[1], c[2])
		seen.add(cols[i][0])
	rows = table_rows(P, "en", cols, R.int(1, 4))
	style = R.pick(["psql", "mysql", "pandas"])
	if style == "pandas":
		D.t(">>> df[%r].head(%d)\n" % ([c[0] for c in cols], len(rows)))
	else:
		D.t(("postgres=# " if style == "psql" else "mysql> ") + "SELECT " + ", ".join(c[0] for c in cols) + " FROM customers LIMIT %d;\n" % len(rows))
	table(D, [c[0] for c in cols], rows, style)
	return D


def t_sql_insert(P, lang):
	R = P.R
	D = Doc(R, "sql_insert", "en")
	p = person(R)
	named = R.chance(0.7)
	cols = ["id", "full_name", "email", R.pick(["phone", "mobile", "phone_number"]), R.pick(["ssn", "iban", "card_number", "last_login_ip"]), "created_at"]
	if not named:
		cols[3], cols[4] = "contact", R.pick(["ref", "extra", "note"])
	D.t("INSERT INTO %s " % R.pick(["customers", "employees", "contacts", "public.users"]))
	if named:
		D.t("(" + ", ".join(cols) + ") ")
	D.t("VALUES\n")
	n = R.int(1, 3)
	for i in range(n):
		D.t("  (%d, '%s', " % (R.int(1, 9999), p[0].replace("'", "''")))
		em = P.email("en")
		if "'" in em.value:
			em = P.email("en", "basic")
		D.v(em, named, "email" if named else None, "'", "'")
		D.t(", ")
		ph = phone_for(P, "en", weak=R.chance(0.5))
		D.v(ph, named, cols[3] if named else None, "'", "'")
		D.t(", ")
		c4 = cols[4]
		if c4 == "ssn" or (not named and R.chance(0.3)):
			it = P.ssn()
		elif c4 == "iban":
			it = P.iban()
		elif c4 == "card_number":
			it = P.card()
		else:
			it = P.ip(sub="v4")
		ctx = named and names_type(it.type, c4)
		D.v(it, ctx, c4 if ctx else None, "'", "'")
		D.t(", '")
		D.n(make_neg(R, K_TS, "space"))
		D.t("')" + ("," if i < n - 1 else ";") + "\n")
		p = person(R)
	return D


def t_bank_statement(P, lang):
	R = P.R
	lang = lang if lang in ("de", "en", "fr", "nl") else "de"
	D = Doc(R, "bank_statement", lang)
	own = P.iban(cc={"de": "DE", "en": "GB", "fr": "FR", "nl": "NL"}[lang])
	T = {"de": ("Kontoauszug", "Konto", "Buchung", "Verwendungszweck"), "en": ("Statement", "Account", "Entry", "Reference"),
	     "fr": ("Relevé de compte", "Compte", "Opération", "Libellé"), "nl": ("Rekeningafschrift", "Rekening", "Boeking", "Omschrijving")}[lang]
	D.t("%s %d/%d\n%s: " % (T[0], R.int(1, 12), R.int(2023, 2025), T[1]))
	D.v(own, True)
	D.t("\n\n")
	y, mo, day = R.int(2022, 2025), R.int(1, 12), 1
	for _ in range(R.int(3, 6)):
		day = min(28, day + R.int(0, 6))
		D.n(Neg(K_DATE, "dotted" if lang != "en" else "us slash", ("%02d.%02d.%04d" % (day, mo, y)) if lang != "en" else ("%02d/%02d/%04d" % (mo, day, y))))
		D.t("  ")
		k = R.weighted([("transfer", 3), ("debit", 2), ("card", 2), ("credit", 2), ("plain", 1)])
		if k == "transfer":
			D.t({"de": "SEPA-Überweisung an ", "en": "Transfer to ", "fr": "Virement SEPA vers ", "nl": "Overboeking naar "}[lang] + company(R, lang) + " IBAN ")
			D.v(P.iban(), True)
			D.t(" " + T[3] + " ")
			D.n(make_neg(R, K_ORDER, R.pick(["inv", "so-year"])))
		elif k == "debit":
			D.t({"de": "SEPA-Lastschrift ", "en": "Direct debit ", "fr": "Prélèvement SEPA ", "nl": "Incasso "}[lang] + company(R, lang) + " ")
			D.t({"de": "Gläubiger-ID ", "en": "Creditor ID ", "fr": "ICS ", "nl": "Incassant-ID "}[lang])
			D.n(make_neg(R, K_PAYREF, "SEPA creditor id"))
			D.t(" Mandat ")
			D.n(make_neg(R, K_PAYREF, "mandate reference"))
		elif k == "card":
			D.t({"de": "Kartenzahlung ", "en": "POS purchase ", "fr": "Paiement CB ", "nl": "Betaalautomaat "}[lang] + R.pick(["VISA Debit ", "Mastercard ", "Maestro ", ""]))
			D.n(make_neg(R, K_MCARD, R.pick(["stars 4x4", "ending", "bullets"])))
			D.t(" " + R.pick(["REWE", "TESCO", "Carrefour", "Albert Heijn", "SHELL"]))
		elif k == "credit":
			D.t({"de": "Gutschrift von ", "en": "Credit from ", "fr": "Virement reçu de ", "nl": "Bijschrijving van "}[lang] + person(R)[0] + " ")
			it = P.iban()
			D.v(it, False)
			if R.chance(0.5):
				D.t(" " + T[3] + " ")
				D.n(make_neg(R, K_PAYREF, R.pick(["RF compact", "RF grouped"])))
		else:
			D.t({"de": "Entgelt Kontoführung", "en": "Monthly account fee", "fr": "Frais de tenue de compte", "nl": "Kosten betaalpakket"}[lang])
		D.t("  ")
		D.n(make_neg(R, K_PRICE, "eur-de" if lang != "en" else "gbp"))
		D.t("\n")
	return D


# ---- D: logs, traces, configuration, infrastructure, shell, issues ------------------------------

UA = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/§ Safari/537.36",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/§ Safari/537.36",
      "curl/8.§", "python-requests/2.§", "okhttp/4.§"]


def t_nginx(P, lang):
	R = P.R
	D = Doc(R, "nginx_access_log", "en")
	for _ in range(R.int(3, 7)):
		ip = P.ip(v6=R.chance(0.35))
		if ip.sub == "IP/v4-port-cidr":
			ip.sub = "IP/v4"
		D.v(ip, False)
		D.t(" - - [")
		D.n(make_neg(R, K_TS, "clf"))
		path = R.pick(["/api/v2/orders?page=%d" % R.int(1, 40), "/login", "/static/app.%s.js" % R.tok(8), "/healthz", "/v1/chat/completions",
			       "/unsubscribe?email=", "/wp-login.php", "/api/v1/users/%d" % R.int(1, 99999)])
		D.t('] "%s ' % R.pick(["GET", "GET", "POST", "PUT"]))
		if path.endswith("email="):
			D.t(path)
			D.v(P.email("en", "percent-encoded"), True, "email")
		else:
			D.t(path)
		D.t(' HTTP/1.1" %d %d "-" "' % (R.pick([200, 200, 301, 401, 404, 499, 502]), R.int(0, 9999)))
		ua = R.pick(UA)
		if "Chrome/§" in ua:
			a, b = ua.split("§")
			D.t(a)
			D.n(make_neg(R, K_VERSION, "chrome"))
			D.t(b)
		else:
			D.t(ua.replace("§", str(R.int(0, 31)) + "." + str(R.int(0, 9))))
		D.t('" rt=0.%03d\n' % R.int(1, 999))
	return D


def t_syslog(P, lang):
	R = P.R
	D = Doc(R, "syslog", "en")
	host = R.pick(["web-01", "bastion", "mx-gw", "edge-fra1", "db-replica"])
	for _ in range(R.int(3, 6)):
		D.n(make_neg(R, K_TS, "syslog"))
		D.t(" %s " % host)
		k = R.pick(["sshd-fail", "sshd-ok", "postfix", "dhcp", "ufw", "kernel-segv", "sudo"])
		pid = R.int(300, 65000)
		if k == "sshd-fail":
			D.t("sshd[%d]: Failed password for invalid user %s from " % (pid, R.pick(["admin", "oracle", "test", "ubuntu"])))
			D.v(P.ip(sub="v4") if R.chance(0.65) else P.ip(v6=True), False)
			D.t(" port %d ssh2\n" % R.int(1024, 65535))
		elif k == "sshd-ok":
			D.t("sshd[%d]: Accepted publickey for deploy from " % pid)
			D.v(P.ip(sub=R.pick(["v4", "v6-compressed"])), False)
			D.t(" port %d ssh2: ED25519 SHA256:%s\n" % (R.int(1024, 65535), R.tok(43)))
		elif k == "postfix":
			D.t("postfix/smtpd[%d]: NOQUEUE: reject: RCPT from unknown[" % pid)
			D.v(P.ip(sub="v4") if R.chance(0.7) else P.ip(v6=True), False)
			D.t("]: 554 5.7.1 <")
			D.v(P.email("en", R.pick(["basic", "plus-tag", "subdomain"])), False)
			D.t(">: Relay access denied; from=<")
			D.v(P.email("en", R.pick(["basic", "digits-underscore"])), False)
			D.t("> proto=ESMTP helo=<mx%d.example.net>\n" % R.int(1, 9))
		elif k == "dhcp":
			D.t("dhcpd[%d]: DHCPACK on " % pid)
			D.v(P.ip(sub="v4"), False)
			D.t(" to ")
			D.n(make_neg(R, K_MAC, "colon"))
			D.t(" (%s) via eth0\n" % R.pick(["jonas-mbp", "printer-3og", "android-5f2c"]))
		elif k == "ufw":
			mac = ":".join(R.hexs(2) for _ in range(14))
			D.t("kernel: [")
			D.n(Neg(K_TS, "kernel uptime", "%d.%06d" % (R.int(1000, 99999), R.int(0, 999999))))
			D.t("] [UFW BLOCK] IN=eth0 OUT= MAC=")
			D.n(Neg(K_MAC, "iptables 14-octet field", mac))
			six = R.chance(0.3)
			D.t(" SRC=")
			D.v(P.ip(v6=True, sub="v6-" + R.pick(["full", "compressed"])) if six else P.ip(sub="v4"), True)
			D.t(" DST=")
			D.v(P.ip(v6=True, sub="v6-" + R.pick(["full", "compressed"])) if six else P.ip(sub="v4"), True)
			D.t(" LEN=60 TTL=%d PROTO=TCP SPT=%d DPT=%d\n" % (R.int(30, 128), R.int(1024, 65535), R.pick([22, 23, 3389, 445])))
		elif k == "kernel-segv":
			D.t("kernel: worker[%d]: segfault at " % pid)
			D.n(make_neg(R, K_PTR, "0x user"))
			D.t(" ip ")
			D.n(make_neg(R, K_PTR, "bare 16 hex"))
			D.t(" sp ")
			D.n(make_neg(R, K_PTR, "bare 16 hex"))
			D.t(" error 4 in libc.so.6\n")
		else:
			D.t("sudo[%d]: deploy : TTY=pts/0 ; PWD=/srv/app ; USER=root ; COMMAND=/usr/bin/systemctl restart api\n" % pid)
	return D


def t_jsonlog(P, lang):
	R = P.R
	D = Doc(R, "json_log", "en")
	for _ in range(R.int(2, 5)):
		k = R.pick(["login", "profile", "payment", "webhook", "rate"])
		obj = {"ts": make_neg(R, K_TS, "iso-millis-z"), "level": R.pick(["info", "warn", "error"])}
		if k == "login":
			obj.update({"msg": "login failed", "user": P.email("en"), "client_ip": P.ip(sub=R.pick(["v4", "v6-compressed", "v6-ipv4"])),
				    "req_id": make_neg(R, K_UUID)})
		elif k == "profile":
			old, new = phone_for(P, R.pick(LANGS), weak=R.chance(0.5)), phone_for(P, R.pick(LANGS), weak=R.chance(0.5))
			obj.update({"msg": "profile.updated", "changes": {R.pick(["phone", "msisdn", "contact", "recovery"]): {"old": old, "new": new}}, "actor": make_neg(R, K_UUID)})
		elif k == "payment":
			obj.update({"msg": "charge declined", "card_bin": R.pick(["424242", "545454", "401288"]), "last4": R.digits(4),
				    "amount": R.int(100, 99999), "decline_code": R.pick(["insufficient_funds", "do_not_honor"])})
		elif k == "webhook":
			obj.update({"msg": "webhook delivered", "url": "https://hooks.example.net/%s" % R.tok(12), "attempt": R.int(1, 5),
				    "duration_ms": R.int(5, 900), "trace_id": make_neg(R, K_HASH, "md5")})
		else:
			obj.update({"msg": "rate limited", "remote_addr": P.ip(sub="v4"), "route": "/v1/chat/completions", "retry_after": R.int(1, 60)})
		jdump(D, obj, None, compact=R.chance(0.5))
		D.t("\n")
	return D


def t_stacktrace(P, lang):
	R = P.R
	D = Doc(R, "stack_trace", "en")
	k = R.pick(["python-requests", "psycopg", "java-payout", "node-smtp", "pydantic"])
	if k == "python-requests":
		ip = P.ip(sub="v4")
		D.t("Traceback (most recent call last):\n  File \"/srv/app/billing/client.py\", line %d, in charge\n    resp = self.session.post(url, json=payload, timeout=5)\n" % R.int(20, 400))
		D.t("requests.exceptions.ConnectionError: HTTPSConnectionPool(host='")
		D.v(ip, True, "host")
		D.t("', port=%d): Max retries exceeded with url: /v1/charges (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at " % R.pick([443, 8443]))
		D.n(make_neg(R, K_PTR, "0x user"))
		D.t(">: Failed to establish a new connection: [Errno 111] Connection refused'))\n")
	elif k == "psycopg":
		ip = P.ip(sub=R.pick(["v4", "v6-compressed"]))
		D.t("psycopg2.OperationalError: connection to server at \"")
		D.v(ip, False)
		D.t("\", port 5432 failed: Connection timed out\n\tIs the server running on that host and accepting TCP/IP connections?\n")
	elif k == "java-payout":
		D.t("com.fernhill.payout.PayoutException: payout po_%s to IBAN " % R.tok(10))
		D.v(P.iban(), True)
		D.t(" failed: beneficiary bank unreachable\n\tat com.fernhill.payout.SepaClient.send(SepaClient.java:%d)\n\tat com.fernhill.payout.PayoutJob.run(PayoutJob.java:%d)\n\tat java.base/java.lang.Thread.run(Thread.java:1583)\n" % (R.int(40, 300), R.int(20, 200)))
	elif k == "node-smtp":
		D.t("Error: Message failed: 550 5.1.1 <")
		D.v(P.email("en"), True, "Recipient address")
		D.t(">: Recipient address rejected: User unknown in virtual mailbox table\n    at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:%d:19)\n" % R.int(700, 800))
	else:
		ph = phone_for(P, R.pick(["en", "de", "fr", "nl", "it", "es"]), weak=R.chance(0.5))
		D.t("pydantic_core._pydantic_core.ValidationError: 1 validation error for Customer\nphone\n  Value error, unsupported phone number format: '")
		D.v(ph, True, "phone number")
		D.t("' [type=value_error, input_type=str]\n    For further information visit https://errors.pydantic.dev/2.%d/v/value_error\n" % R.int(4, 9))
	if R.chance(0.4):
		D.negline(P.neg())
	return D


def t_yaml(P, lang):
	R = P.R
	D = Doc(R, "yaml_config", lang)
	cfg = {"app": {"name": R.pick(["billing-worker", "notifier", "crm-sync"]), "version": make_neg(R, K_VERSION, R.pick(["semver", "prerelease", "build metadata"]))},
	       "smtp": {"host": P.ip(sub="v4"), "port": 587, "from": P.email("en", "basic")},
	       "alerts": {"oncall_phone": phone_for(P, lang, weak=R.chance(0.3)), "email": P.email(lang),
			  "escalation": [{"name": person(R, lang)[0].split()[0], R.pick(["mobile", "contact"]): phone_for(P, lang, weak=R.chance(0.5))}]}}
	if R.chance(0.5):
		cfg["allowed_ips"] = [P.ip(sub="v4"), P.ip(v6=True)]
	if R.chance(0.3):
		cfg["payouts"] = {"default_iban": P.iban(), "creditor_id": make_neg(R, K_PAYREF, "SEPA creditor id")}
	D.t(R.pick(["# config/production.yaml\n", "", "---\n"]))
	ydump(D, cfg)
	return D


def t_env(P, lang):
	R = P.R
	D = Doc(R, "dotenv", lang)
	lines = [("APP_ENV", "production"), ("ADMIN_EMAIL", P.email(lang)), ("DB_HOST", P.ip(sub="v4")),
		 ("REDIS_URL", ("redis://", P.ip(sub="v4"), ":6379/0")), ("SUPPORT_PHONE", phone_for(P, lang, weak=R.chance(0.4))),
		 ("SENTRY_RELEASE", make_neg(R, K_VERSION, "semver")), ("BUILD_SHA", make_neg(R, K_HASH, "sha1"))]
	if R.chance(0.5):
		lines.append(("PAYOUT_IBAN", P.iban()))
	if R.chance(0.4):
		lines.append(("ONCALL", phone_for(P, lang, weak=R.chance(0.5))))
	R.shuffle(lines)
	ini = R.chance(0.3)
	if ini:
		D.t("[service]\n")
	for k, v in lines:
		D.t(k.lower() + " = " if ini else k + "=")
		if isinstance(v, tuple):
			D.t(v[0])
			D.v(v[1], False)
			D.t(v[2])
		elif isinstance(v, Item):
			ctx = names_type(v.type, k)
			q = '"' if R.chance(0.3) and "'" not in v.value else ""
			D.v(v, ctx, k if ctx else None, q, q)
		elif isinstance(v, Neg):
			D.n(v)
		else:
			D.t(v)
		D.t("\n")
	return D


def t_terraform(P, lang):
	R = P.R
	D = Doc(R, "terraform", "en")
	a, b = P.ip(sub="v4"), P.ip(sub="v4")
	D.t('resource "aws_security_group_rule" "office_ssh" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["')
	D.v(a, False, None, "", "/%d" % R.pick([24, 28, 32]))
	D.t('", "')
	D.v(b, False, None, "", "/32")
	D.t('"]\n}\n\nresource "aws_instance" "bastion" {\n  ami           = "')
	D.n(Neg(K_HASH, "AWS AMI id", "ami-0" + R.hexs(16)))
	D.t('"\n  instance_type = "t3.micro"\n  private_ip    = "')
	D.v(P.ip(sub="v4"), True, "private_ip")
	D.t('"\n  tags = {\n    Owner = "')
	D.v(P.email("en", R.pick(["basic", "subdomain"])), False)
	D.t('"\n    CostCenter = "%d"\n  }\n}\n' % R.int(1000, 9999))
	if R.chance(0.5):
		D.t('\nvariable "alert_email" {\n  default = "')
		D.v(P.email("en"), True, "alert_email")
		D.t('"\n}\n')
	if R.chance(0.4):
		D.t('\nresource "aws_route53_record" "v6" {\n  type    = "AAAA"\n  records = ["')
		D.v(P.ip(v6=True, sub=R.pick(["v6-full", "v6-compressed"])), False)
		D.t('"]\n}\n')
	return D


def t_k8s(P, lang):
	R = P.R
	D = Doc(R, "kubernetes", "en")
	D.t("apiVersion: v1\nkind: %s\nmetadata:\n  name: %s\n  annotations:\n    owner: " % (R.pick(["Service", "Pod"]), R.pick(["api", "billing", "crm-sync"])))
	D.v(P.email("en", R.pick(["basic", "subdomain", "plus-tag"])), False)
	D.t("\n    runbook: https://wiki.example.org/runbooks/api\nspec:\n")
	if R.chance(0.5):
		D.t("  clusterIP: ")
		D.v(P.ip(sub="v4"), True, "clusterIP")
		D.t("\n  loadBalancerIP: ")
		D.v(P.ip(sub="v4"), True, "loadBalancerIP")
		D.t("\n  ports:\n    - port: 443\n      targetPort: 8443\n")
	else:
		D.t("  containers:\n    - name: app\n      image: ")
		D.n(make_neg(R, K_AT, "docker digest"))
		D.t("\n      env:\n        - name: SUPPORT_PHONE\n          value: \"")
		ph = phone_for(P, R.pick(["en", "de", "nl", "fr"]), weak=R.chance(0.5))
		D.v(ph, False)
		D.t("\"\nstatus:\n  podIP: ")
		D.v(P.ip(sub="v4"), True, "podIP")
		D.t("\n  hostIP: ")
		D.v(P.ip(sub="v4"), True, "hostIP")
		D.t("\n")
	return D


def t_netconf(P, lang):
	R = P.R
	D = Doc(R, "network_config", "en")
	if R.chance(0.5):
		D.t("set system host-name edge-%s\nset system name-server " % R.pick(["fra1", "ams2", "lon3"]))
		D.v(P.ip(sub="v4"), True)
		D.t("\nset system ntp server ")
		D.v(P.ip(sub="v4"), False)
		D.t("\nset interfaces ge-0/0/0 unit 0 family inet address ")
		D.v(P.ip(sub="v4"), True, None, "", "/30")
		D.t("\nset interfaces ge-0/0/0 unit 0 family inet6 address ")
		D.v(P.ip(v6=True, sub="v6-compressed"), True, None, "", "/64")
		D.t("\nset snmp community public clients ")
		D.v(P.ip(sub="v4"), False, None, "", "/8")
		D.t("\n# monitored: ")
		D.n(make_neg(R, K_OID, "snmp oid"))
		D.t("\n")
	else:
		D.t("hostname core-sw-%02d\n!\ninterface Vlan10\n description Office LAN\n ipv6 address " % R.int(1, 20))
		D.v(P.ip(v6=True, sub="v6-compressed"), True, None, "", "/64")
		D.t("\n!\nlogging host ")
		D.v(P.ip(sub="v4"), True)
		D.t("\nntp server ")
		D.v(P.ip(sub="v4"), False)
		D.t("\nmac address-table static ")
		D.n(make_neg(R, K_MAC, "cisco"))
		D.t(" vlan 10 interface Gi1/0/%d\n!\nend\n" % R.int(1, 48))
	return D


def t_dig(P, lang):
	R = P.R
	D = Doc(R, "dns_dig", "en")
	name = R.pick(["example.com", "kestrelanalytics.com", "isarwerk.de", "quartzline.io"])
	D.t("; <<>> DiG 9.18.%d <<>> %s ANY\n;; ANSWER SECTION:\n" % (R.int(10, 30), name))
	D.t("%s.\t\t300\tIN\tA\t" % name)
	D.v(P.ip(sub="v4"), False)
	D.t("\n%s.\t\t300\tIN\tAAAA\t" % name)
	D.v(P.ip(v6=True, sub=R.pick(["v6-full", "v6-compressed"])), False)
	D.t("\n%s.\t\t3600\tIN\tSOA\tns1.%s. hostmaster.%s. " % (name, name, name))
	D.n(make_neg(R, K_PHONELIKE, "soa serial"))
	D.t(" ")
	D.n(Neg(K_QTY, "SOA timers", R.pick(["7200 3600 1209600 3600", "10800 3600 604800 86400", "3600 900 1209600 300"])))
	D.t("\n\n;; Query time: %d msec\n;; SERVER: " % R.int(1, 90))
	srv = P.ip(sub="v4")
	D.v(srv, False)
	D.t("#53(")
	D.v(Item("IP", "IP/v4", srv.variant, srv.value), False)
	D.t(") (UDP)\n;; WHEN: %s\n" % R.pick(["Tue Mar 12 14:22:05 UTC 2024", "Fri Nov 08 09:01:44 CET 2024"]))
	return D


def t_shell(P, lang):
	R = P.R
	D = Doc(R, "shell_session", "en")
	for _ in range(R.int(2, 4)):
		k = R.pick(["ssh", "clone", "ipinfo", "pip", "npm", "docker", "scp", "ping6"])
		D.t("$ ")
		if k == "ssh":
			D.t("ssh %s@" % R.pick(["deploy", "ubuntu", "admin"]))
			D.v(P.ip(sub=R.pick(["v4", "v4", "v6-compressed"])), False)
			D.t("\n")
			D.n(make_neg(R, K_AT, "shell prompt"))
			D.t(" uptime\n %02d:%02d:%02d up %d days,  load average: 0.%02d\n" % (R.int(0, 23), R.int(0, 59), R.int(0, 59), R.int(1, 300), R.int(0, 99)))
		elif k == "clone":
			D.t("git clone ")
			D.n(make_neg(R, K_AT, "git remote"))
			D.t("\nCloning into '%s'...\n" % R.pick(["billing-api", "etl", "infra"]))
		elif k == "ipinfo":
			ip = P.ip(sub="v4")
			D.t("curl -s https://ipinfo.io/")
			D.v(ip, False)
			D.t("/json\n")
			D.t('{\n  "ip": "')
			D.v(Item("IP", "IP/v4", ip.variant, ip.value), True, "ip")
			D.t('",\n  "city": "%s",\n  "loc": "' % R.pick(["Frankfurt am Main", "Amsterdam", "Dublin"]))
			D.n(Neg(K_COORD, "ipinfo loc", "%.4f,%.4f" % (R.r.uniform(40, 60), R.r.uniform(-8, 20))))
			D.t('",\n  "org": "AS%d %s"\n}\n' % (R.int(1000, 65000), R.pick(["Hetzner Online GmbH", "Amazon.com, Inc.", "DigitalOcean, LLC"])))
		elif k == "pip":
			v = make_neg(R, K_VERSION, "pin")
			D.t("pip install requests==")
			D.n(v)
			D.t("\nSuccessfully installed requests-")
			D.n(Neg(K_VERSION, v.variant, v.value))
			D.t("\n")
		elif k == "ping6":
			ll = make_ip(R, "v6-compressed")
			while not ll.value.startswith("fe80"):
				ll = make_ip(R, "v6-compressed")
			ll.variant += ", zone id"
			D.t("ping6 -c 1 ")
			D.v(ll, False, None, "", "%" + R.pick(["eth0", "en0", "wlan0", "ens3"]))
			D.t("\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\n")
		elif k == "npm":
			D.t("npm i ")
			D.n(make_neg(R, K_AT, "scoped npm"))
			D.t("\nadded %d packages in %ds\n" % (R.int(1, 300), R.int(1, 30)))
		elif k == "docker":
			D.t("docker pull ")
			D.n(make_neg(R, K_AT, "docker digest"))
			D.t("\nStatus: Image is up to date\n")
		else:
			D.t("scp dump.sql.gz ")
			D.n(make_neg(R, K_AT, "ssh/scp user@host"))
			D.t("\n")
	return D


def t_gh_issue(P, lang):
	R = P.R
	D = Doc(R, "issue_body", "en")
	k = R.pick(["phone-form", "email-apostrophe", "iban-export", "ip-allowlist"])
	if k == "phone-form":
		ph = P.phone(weak=R.chance(0.5))
		D.t("### Signup form rejects phone numbers with spaces\n\n**Steps to reproduce**\n1. Open `/signup`\n2. Enter `")
		D.v(ph, True, "phone")
		D.t("` in the phone field\n3. Submit\n\n**Actual**\n```\n")
		D.t('{"detail":[{"loc":["body","phone"],"msg":"invalid format","input":"')
		D.v(Item("PHONE", ph.sub, ph.variant, ph.value), True, "phone")
		D.t('"}]}\n```\n')
	elif k == "email-apostrophe":
		em = P.email("en", "atext")
		D.t("### Valid addresses rejected by the validator\n\n`")
		D.v(em, True)
		D.t("` is refused with *invalid email*, but RFC 5322 allows it. Same for `")
		D.v(P.email(R.pick(LANGS), "plus-tag"), True)
		D.t("`.\n\n```python\nEMAIL_RE = re.compile(r\"^[\\w.+-]+@[\\w-]+\\.[\\w.]+$\")\n```\n")
	elif k == "iban-export":
		D.t("### CSV export drops the last group of the IBAN\n\nExpected IBAN `")
		it = P.iban(sub="grouped")
		D.v(it, True, "IBAN")
		D.t("`, got the same without the last block. Happens since ")
		D.n(make_neg(R, K_VERSION, "v-semver"))
		D.t(".\n")
	else:
		D.t("### Allow-list ignores IPv6\n\n```yaml\nallow:\n  - ")
		D.v(P.ip(sub="v4"), False, None, "", "/32")
		D.t("\n  - ")
		D.v(P.ip(v6=True), False)
		D.t("\n```\nThe second entry never matches.\n")
	D.t("\n**Environment**\n- OS: macOS 14.%d\n- Browser: Chrome " % R.int(0, 6))
	D.n(make_neg(R, K_VERSION, "chrome"))
	D.t("\n- App: ")
	D.n(make_neg(R, K_VERSION, R.pick(["four-part", "semver", "prerelease"])))
	D.t("\n")
	return D


def t_ci_log(P, lang):
	R = P.R
	D = Doc(R, "ci_log", "en")
	D.t("Run actions/setup-python@v5\n")
	D.t("Successfully set up CPython (")
	D.n(make_neg(R, K_VERSION, "semver"))
	D.t(")\nRun pytest -q\n........................................ [ %d%%]\n" % R.int(10, 99))
	if R.chance(0.6):
		D.t("E   ConnectionRefusedError: [Errno 111] Connect call failed ('")
		D.v(P.ip(sub="v4"), False)
		D.t("', 5432)\n")
	D.t("Digest: ")
	D.n(make_neg(R, K_HASH, "docker-image-id"))
	D.t("\nBuild ")
	D.n(make_neg(R, K_VERSION, R.pick(["four-part", "dotnet", "windows build"])))
	D.t(" finished in %dm%02ds\n" % (R.int(1, 30), R.int(0, 59)))
	return D


# ---- E: documents dense with numbers that are not PII ---------------------------------------------

def t_changelog(P, lang):
	R = P.R
	D = Doc(R, "changelog", "en")
	for _ in range(R.int(2, 3)):
		D.t("## ")
		D.n(make_neg(R, K_VERSION, R.pick(["semver", "v-semver", "prerelease"])))
		D.t(" — ")
		D.n(make_neg(R, K_DATE, "iso"))
		D.t("\n\n### Security\n- Fix ")
		D.n(make_neg(R, K_REF, "CVE"))
		D.t(" in the upload parser (")
		D.n(make_neg(R, K_HASH, "git-short"))
		D.t(")\n### Changed\n- Bump ")
		D.n(make_neg(R, K_AT, R.pick(["npm pin", "scoped npm", "go module"])))
		D.t("\n- Firmware ")
		D.n(make_neg(R, K_VERSION, "firmware"))
		D.t(" for the %s module\n\n" % R.pick(["LTE", "Zigbee", "edge"]))
	if R.chance(0.4):
		D.t("Report vulnerabilities by email to ")
		D.v(P.email("en", R.pick(["basic", "subdomain"])), True)
		D.t(" (PGP key ")
		D.n(make_neg(R, K_HASH, "sha1"))
		D.t(").\n")
	return D


def t_manifest(P, lang):
	R = P.R
	lang = lang if lang in ("en", "de", "nl", "fr") else "en"
	D = Doc(R, "shipping_manifest", lang)
	T = {"en": ("SHIPPING MANIFEST", "Consignee", "Phone", "Contact"), "de": ("LADELISTE", "Empfänger", "Telefon", "Kontakt"),
	     "nl": ("VRACHTLIJST", "Ontvanger", "Telefoon", "Contact"), "fr": ("MANIFESTE", "Destinataire", "Téléphone", "Contact")}[lang]
	D.t(T[0] + "  ")
	D.n(make_neg(R, K_ORDER, R.pick(["so-year", "po"])))
	D.t("\nContainer: ")
	D.n(make_neg(R, K_SERIAL, "container"))
	D.t("   Seal: %s%06d\n" % (R.letters(2), R.int(1, 999999)))
	D.t(T[1] + ": " + company(R, lang) + ", " + street(R, lang) + ", " + " ".join(city(R, lang)[::-1]) + "\n")
	ctx = R.chance(0.6)
	D.t((T[2] if ctx else T[3]) + ": ")
	D.v(phone_for(P, lang, weak=R.chance(0.6)), ctx)
	D.t("\n\n")
	for i in range(R.int(2, 4)):
		D.t("%d  %-18s HS " % (i + 1, R.pick(["Laptops", "T-Shirts", "Router", "Medical kits", "Brake pads", "Steel shelving"])))
		D.n(make_neg(R, K_HS))
		D.t("  %d kg  " % R.int(20, 900))
		D.n(make_neg(R, K_TRACK))
		D.t("\n")
	D.t("\nGross weight %d kg · Origin %s\n" % (R.int(500, 20000), R.pick(["CN", "VN", "DE", "PL"])))
	return D


def t_devices(P, lang):
	R = P.R
	D = Doc(R, "device_inventory", "en")
	rows = []
	for _ in range(R.int(2, 4)):
		rows.append([make_neg(R, K_SERIAL, "device serial"), make_neg(R, K_IMEI), make_neg(R, K_ICCID), make_neg(R, K_IMSI),
			     make_neg(R, K_MAC, R.pick(["colon", "colon-upper"])), P.phone(weak=False, country=R.pick(["DE", "NL", "FR", "UK", "IT", "ES"])),
			     make_neg(R, K_VERSION, R.pick(["firmware", "android build"]))])
	style = R.pick(["csv", "md", "json"])
	hdr = ["serial", "imei", "iccid", "imsi", "wifi_mac", "msisdn", "firmware"]
	if style == "json":
		jdump(D, {"devices": [dict(zip(hdr, r)) for r in rows]}, 2)
	else:
		table(D, hdr, rows, style)
	return D


def t_claim(P, lang):
	R = P.R
	D = Doc(R, "medical_claim", "en")
	p = person(R, "en")
	D.t("CMS-1500 (extract)\n1a. Insured's ID: %s%06d%s\n2. Patient: %s\n" % (R.letters(3), R.int(1, 999999), R.letters(1), p[0]))
	ctx = R.chance(0.6)
	D.t("SSN: " if ctx else "Ref: ")
	D.v(P.ssn(weak=R.chance(0.5)), ctx)
	D.t("\n5. Patient phone: ")
	D.v(P.phone(country="NANP"), True)
	D.t("\n21. Diagnosis: ")
	D.n(make_neg(R, K_MED, "ICD-10"))
	D.t("\n24. DOS ")
	D.n(make_neg(R, K_DATE, "us slash"))
	D.t("  CPT ")
	D.n(make_neg(R, K_MED, "CPT"))
	D.t("  charges ")
	D.n(make_neg(R, K_PRICE, "usd"))
	D.t("\n24J. Rendering NPI: ")
	D.n(make_neg(R, K_MED, "NPI"))
	D.t("\n25. Federal Tax ID (EIN): ")
	D.n(make_neg(R, K_EIN))
	D.t("\n33. Billing provider NDC ")
	D.n(make_neg(R, K_MED, "NDC"))
	D.t("\n")
	return D


def t_itinerary(P, lang):
	R = P.R
	lang = lang if lang in ("en", "de", "fr", "es", "it", "nl") else "en"
	D = Doc(R, "travel_itinerary", lang)
	p = person(R, lang)
	D.t(R.pick(["Your trip", "Ihre Reise", "Votre voyage", "Tu viaje"]) + " — ")
	D.n(make_neg(R, K_BOOK, "PNR"))
	D.t("\nPassenger: " + p[0] + "\nE-ticket: ")
	D.n(make_neg(R, K_BOOK, "e-ticket"))
	D.t("\n%s%d %s → %s  " % (R.pick(["LH", "AF", "KL", "IB", "AZ", "BA"]), R.int(100, 9999), R.pick(["FRA", "CDG", "AMS"]), R.pick(["MAD", "FCO", "LHR", "JFK"])))
	D.n(make_neg(R, K_TS, "iso-offset"))
	D.t("\nHotel confirmation: ")
	D.n(make_neg(R, K_BOOK, "hotel"))
	D.t("\nFrequent flyer: ")
	D.n(make_neg(R, K_BOOK, "frequent flyer"))
	D.t("\n\nContact details on the booking\n")
	ctx = R.chance(0.5)
	D.t(lbl(R, "PHONE", lang, ctx) + ": ")
	D.v(phone_for(P, lang, weak=R.chance(0.5)), ctx)
	D.t("\n" + lbl(R, "EMAIL", lang, True) + ": ")
	D.v(P.email(lang, p=p), True)
	D.t("\n")
	return D


def t_impressum(P, lang):
	R = P.R
	lang = lang if lang in ("de", "fr", "it", "nl", "es") else "de"
	D = Doc(R, "imprint", lang)
	co = company(R, lang)
	c, z = city(R, lang)
	D.t({"de": "Impressum", "fr": "Mentions légales", "it": "Note legali", "nl": "Colofon", "es": "Aviso legal"}[lang] + "\n\n" + co + "\n" + street(R, lang) + "\n" + z + " " + c + "\n\n")
	D.t({"de": "Telefon: ", "fr": "Téléphone : ", "it": "Telefono: ", "nl": "Telefoon: ", "es": "Teléfono: "}[lang])
	D.v(P.phone(country=LANG_COUNTRY[lang]), True)
	if R.chance(0.5):
		D.t("\nFax: ")
		D.v(P.phone(country=LANG_COUNTRY[lang]), True)
	D.t("\n" + {"de": "E-Mail", "fr": "E-mail", "it": "E-mail", "nl": "E-mail", "es": "Correo"}[lang] + ": ")
	D.v(P.email(lang, R.pick(["basic", "subdomain"])), True)
	D.t("\n\n")
	if lang == "de":
		D.t("Registergericht: Amtsgericht %s\nRegisternummer: " % c)
		D.n(make_neg(R, K_COMPANY, "HRB"))
		D.t("\nUmsatzsteuer-Identifikationsnummer gemäß § 27 a UStG: ")
		D.n(make_neg(R, K_VAT, R.pick(["DE", "DE spaced"])))
	elif lang == "fr":
		D.t("RCS %s " % c)
		D.n(make_neg(R, K_COMPANY, "SIREN"))
		D.t("\nSIRET : ")
		D.n(make_neg(R, K_COMPANY, "SIRET"))
		D.t("\nTVA intracommunautaire : ")
		D.n(make_neg(R, K_VAT, "FR"))
	elif lang == "it":
		D.t("Partita IVA: ")
		D.n(make_neg(R, K_VAT, "IT"))
		D.t(" · REA ")
		D.n(make_neg(R, K_COMPANY, "REA"))
	elif lang == "nl":
		D.t("KvK: ")
		D.n(make_neg(R, K_COMPANY, "KvK"))
		D.t("\nBTW: ")
		D.n(make_neg(R, K_VAT, "NL"))
	else:
		D.t("CIF: ")
		D.n(make_neg(R, K_COMPANY, "CIF"))
	D.t("\n")
	return D


def t_payops(P, lang):
	R = P.R
	D = Doc(R, "payments_runbook", "en")
	D.t("Incident %s — duplicate SEPA payouts\n\n" % make_neg(R, K_REF, "RHSA").value.replace("RHSA", "INC"))
	D.t("Affected creditor reference: ")
	D.n(make_neg(R, K_PAYREF, R.pick(["RF compact", "RF grouped", "Swiss QR reference", "Belgian OGM"])))
	D.t("\nOur creditor ID: ")
	D.n(make_neg(R, K_PAYREF, "SEPA creditor id"))
	D.t("\nUS entity EIN ")
	D.n(make_neg(R, K_EIN))
	D.t(", routing ")
	D.n(make_neg(R, K_ABA))
	D.t("\nCustomer card on file: ")
	D.n(make_neg(R, K_MCARD))
	D.t("\n")
	if R.chance(0.7):
		D.t("Refund the duplicate to IBAN ")
		D.v(P.iban(), True)
		D.t(" once finance approves.\n")
	if R.chance(0.4):
		D.t("Rejected by the bank: ")
		D.n(make_neg(R, K_IBAN_BAD))
		D.t(" (checksum).\n")
	return D


def t_negmix(P, lang):
	"""Only distractors, one per line, with some prose: the precision side."""
	R = P.R
	D = Doc(R, "notes_mixed", lang)
	D.t(filler(R, lang) + "\n")
	for _ in range(R.int(3, 5)):
		D.negline(P.neg())
		D.t("\n")
	if R.chance(0.3):
		D.t(filler(R, lang))
	return D


# ---- the corpus ---------------------------------------------------------------------------------

ALL = ["en", "de", "fr", "it", "es", "nl", "pt", "pl", "sv", "cs", "tr"]
SIX = ["en", "de", "fr", "it", "es", "nl"]
SHAPES = [  # (template, texts per 2000, languages it is written in)
	(t_chat, 200, ALL), (t_reply, 90, ALL), (t_ticket, 70, SIX), (t_mail, 85, ALL), (t_html_form, 40, SIX), (t_pay_chat, 45, ALL), (t_letter, 60, ["de", "fr", "it", "es", "nl", "pt", "en"]),
	(t_slack, 45, ["en", "de", "fr", "nl", "es"]), (t_transcript, 40, SIX), (t_whatsapp, 40, ALL), (t_rag_pdf, 50, ["en", "de"]),
	(t_ocr_invoice, 50, SIX), (t_long_doc, 30, ["en", "de"]),
	(t_crm_json, 70, ALL), (t_hr_json, 60, ["en"]), (t_billing_json, 60, SIX), (t_toolcall, 80, ALL), (t_fhir, 30, ["en"]),
	(t_hl7, 30, ["en"]), (t_xml, 30, SIX), (t_vcard, 40, ALL), (t_ics, 30, SIX), (t_form_post, 40, SIX), (t_devtools, 30, SIX),
	(t_http_headers, 30, ["en"]),
	(t_csv, 70, ALL), (t_md_table, 50, SIX), (t_sql_out, 40, ["en"]), (t_sql_insert, 40, ["en"]), (t_bank_statement, 40, ["de", "en", "fr", "nl"]),
	(t_nginx, 30, ["en"]), (t_syslog, 40, ["en"]), (t_jsonlog, 40, ["en"]), (t_stacktrace, 40, ["en"]), (t_yaml, 30, SIX), (t_env, 30, SIX),
	(t_terraform, 20, ["en"]), (t_k8s, 20, ["en"]), (t_netconf, 20, ["en"]), (t_dig, 20, ["en"]), (t_shell, 30, ["en"]),
	(t_gh_issue, 30, ["en"]), (t_ci_log, 20, ["en"]),
	(t_changelog, 20, ["en"]), (t_manifest, 30, ["en", "de", "nl", "fr"]), (t_devices, 25, ["en"]), (t_claim, 35, ["en"]),
	(t_itinerary, 30, SIX), (t_impressum, 30, ["de", "fr", "it", "nl", "es"]), (t_payops, 25, ["en"]), (t_negmix, 120, ALL),
]
LANG_W = {"en": 40, "de": 12, "fr": 9, "it": 6, "es": 7, "nl": 6, "pt": 4, "pl": 4, "sv": 4, "cs": 4, "tr": 4}


def finalize(D):
	"""Labels whose ctx came from a key/header: a naming word elsewhere on the same line also counts."""
	text = D.text()
	raw = text.encode("utf-8")
	for i in sorted(D.autos):
		lab = D.labels[i]
		if lab["ctx"]:
			continue
		if names_type(lab["type"], masked_line(raw, lab["start"], lab["end"], D.labels, D.negs)):
			lab["ctx"] = True
			D.srcs[i] = "(line)"
	return text


def generate(seed=SEED, n=NTEXTS):
	R = Rng(seed)
	P = Pool(R)
	total = sum(w for _, w, _ in SHAPES)
	deck = []
	for fn, w, langs in SHAPES:
		deck += [(fn, langs)] * max(1, round(w * n / total))
	while len(deck) < n:
		deck.append((t_chat, ALL))
	R.shuffle(deck)
	deck = deck[:n]
	out = []
	for i, (fn, langs) in enumerate(deck):
		lang = R.weighted([(l, LANG_W[l]) for l in langs])
		D = fn(P, lang)
		text = finalize(D)
		rec = {"id": "%s-%05d" % (SPLIT, i + 1), "split": SPLIT, "seed": seed, "text": text,
		       "labels": D.labels, "negatives": D.negs}
		out.append((rec, list(D.srcs)))
	return out


# ---- self-check ---------------------------------------------------------------------------------

ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]"
DOT_ATOM = re.compile(ATEXT + r"+(?:\." + ATEXT + r"+)*")
LDH = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")


def email_ok(v):
	if v.count("@") != 1:
		return False
	local, dom = v.split("@")
	if not DOT_ATOM.fullmatch(local) or len(local) > 64 or len(v) > 254:
		return False
	labels = dom.split(".")
	if len(labels) < 2 or not all(LDH.fullmatch(x) for x in labels):
		return False
	tld = labels[-1]
	return tld.isalpha() and len(tld) >= 2 or tld.lower().startswith("xn--")


def check_email(sub, v):
	if sub == "EMAIL/percent-encoded":
		assert "%40" in v and "@" not in v, v
		return email_ok(urllib.parse.unquote(v))
	if sub == "EMAIL/idn-unicode":
		local, dom = v.split("@")
		assert any(ord(c) > 127 for c in dom), v
		return email_ok(local + "@" + idna(dom))
	if sub == "EMAIL/punycode":
		assert "xn--" in v, v
	if sub == "EMAIL/atext":
		assert re.search(r"[!#$%&'*/=?^`{|}~]", v.split("@")[0]), v
	if sub == "EMAIL/plus-tag":
		assert "+" in v.split("@")[0], v
	return email_ok(v)


NSN_RE = {"UK": r"20[378]\d{7}|2[3489]\d{8}|1[1-9]\d{8}|7[4-9]\d{8}",
	  "DE": r"1(?:5\d{9}|6[023]\d{7}|7[0-5]\d{7}|7[6-9]\d{7,8})|[2-9]\d{8,9}",
	  "FR": r"[1-59]\d{8}|6\d{8}|7[3-9]\d{7}",
	  "IT": r"0\d{5,10}|3\d{8,9}",
	  "ES": r"6\d{8}|7[1-4]\d{7}|[89][1-8]\d{7}",
	  "NL": r"6[1-5]\d{7}|[1-57]\d{8}"}
PHONE_CHARS = re.compile("[0-9 +()./\u00a0\u202f-]+")


def nanp_ok(d):
	if len(d) != 10:
		return False
	npa, nxx, line = d[:3], d[3:6], d[6:]
	if npa[0] in "01" or npa[1] == "9" or npa[1:] == "11":
		return False
	if nxx[0] in "01" or nxx[1:] == "11":
		return False
	if nxx == "555" and not ("0100" <= line <= "0199"):
		return False
	return True


NANP_FORMS = {
	"paren": r"\(\d{3}\) ?\d{3}[- ]\d{4}", "dashed": r"\d{3}-\d{3}-\d{4}", "dotted": r"\d{3}\.\d{3}\.\d{4}",
	"spaced": "\\d{3}[ \u00a0]\\d{3}[ \u00a0]\\d{4}", "plain": r"\d{10}",
	"plus1": r"\+1(?:[ .-]?\d{3}[ .-]?\d{3}[ .-]?\d{4}| \(\d{3}\) \d{3}-\d{4})",
	"trunk1": r"1(?:-\d{3}-\d{3}-\d{4}| \(\d{3}\) \d{3}-\d{4}| \d{3} \d{3} \d{4})",
}


def check_phone(sub, v):
	assert PHONE_CHARS.fullmatch(v), v
	kind, form = sub[len("PHONE/"):].split("-", 1)
	d = re.sub(r"\D", "", v)
	if kind == "NANP":
		assert re.fullmatch(NANP_FORMS[form], v), (sub, v)
		if form in ("plus1", "trunk1"):
			assert d[0] == "1"
			d = d[1:]
		return nanp_ok(d)
	if kind == "E164":
		assert v.startswith(("+", "00")), v
		body = v[1:] if v[0] == "+" else v[2:]
		db = re.sub(r"\D", "", body)
		assert (form == "compact") == (re.fullmatch(r"\d+", body) is not None), (sub, v)
		for c, (cc, _, _, rx) in E164.items():
			if db.startswith(cc) and re.fullmatch(rx, db[len(cc):]):
				return True
		return False
	cc, trunk, _ = PLANS[kind]
	if form == "intl":
		assert v.startswith(("+" + cc, "00" + cc)), v
		rest = v[len(cc) + (1 if v[0] == "+" else 2):]
		rest = rest.replace("(0)", "", 1)
		nsn = re.sub(r"\D", "", rest)
	else:
		assert not v.startswith(("+", "00" + cc)), v
		if trunk:
			assert d.startswith("0") and d[1] != "0", v
			nsn = d[1:]
		else:
			nsn = d
	return re.fullmatch(NSN_RE[kind], nsn) is not None


def ssn_rules_ok(d):
	return len(d) == 9 and d.isdigit() and d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000"


def check_ssn(sub, v):
	if sub == "SSN/dashed":
		assert re.fullmatch(r"\d{3}-\d{2}-\d{4}", v), v
	elif sub == "SSN/spaced":
		assert re.fullmatch("\\d{3}[ \u00a0]\\d{2}[ \u00a0]\\d{4}", v), v
	else:
		assert re.fullmatch(r"\d{9}", v), v
	return ssn_rules_ok(re.sub(r"\D", "", v))


CARD_IIN = {"visa": (r"4", (13, 16, 19)), "mastercard": (r"5[1-5]", (16,)),
	    "mastercard2": (r"222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720", (16,)), "amex": (r"3[47]", (15,)),
	    "discover": (r"6011|64[4-9]|65", (16, 19)), "jcb": (r"352[89]|35[3-8]\d", (16, 17, 18, 19)),
	    "diners": (r"30[0-5]|36|38|39", (14, 16)), "unionpay": (r"62", (16, 17, 18, 19)),
	    "maestro": (r"5018|5020|5038|5893|6304|6759|676770|676774", (12, 13, 14, 15, 16, 17, 18, 19)),
	    "mir": (r"220[0-4]", (16, 17, 18, 19))}


def card_brand(d):
	for b, (rx, lens) in CARD_IIN.items():
		if re.match(rx, d) and len(d) in lens:
			return b
	return None


def check_card(sub, v):
	brand, fmt = sub[len("CARD/"):].split("-")
	d = re.sub(r"\D", "", v)
	if fmt == "plain":
		assert v.isdigit(), v
	elif fmt == "spaced":
		assert re.fullmatch("\\d+(?:[ \u00a0]\\d+)+", v), v
	else:
		assert re.fullmatch(r"\d+(?:-\d+)+", v), v
	return pc.luhn_ok(d) and re.match(CARD_IIN[brand][0], d) is not None and len(d) in CARD_IIN[brand][1]


def iban_valid(s):
	s = re.sub("[ \u00a0]", "", s)
	return len(s) > 4 and s[:2] in IBAN_LENGTH and len(s) == IBAN_LENGTH[s[:2]] and s[2:4].isdigit() and \
		s.isalnum() and s.upper() == s and pc.iban_ok(s)


def check_iban(sub, v):
	if sub == "IBAN/compact":
		assert re.fullmatch(r"[A-Z0-9]+", v), v
	else:
		assert re.fullmatch("[A-Z0-9]{4}(?:[ \u00a0][A-Z0-9]{1,4})+", v), v
	return iban_valid(v)


def check_ip(sub, v):
	if sub in ("IP/v4", "IP/v4-port-cidr"):
		ipaddress.IPv4Address(v)
		return True
	a = ipaddress.IPv6Address(v)
	if sub == "IP/v6-full":
		return "::" not in v and v.count(":") == 7
	if sub == "IP/v6-compressed":
		return "::" in v and "." not in v
	if sub == "IP/v6-ipv4":
		return "." in v and a is not None
	return False


CHECK = {"EMAIL": check_email, "PHONE": check_phone, "SSN": check_ssn, "CARD": check_card, "IBAN": check_iban, "IP": check_ip}

EMAIL_FIND = re.compile(ATEXT + r"+(?:\." + ATEXT + r"+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
V4_FIND = re.compile(r"(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d])")
V6_FIND = re.compile(r"[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")
DIGRUN = re.compile("[+(]?\\d+(?:(?:[ \u00a0\u202f.\\-/]|\\) ?| ?\\()\\d+)*")
SAFE = [re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"), re.compile(r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"),
	re.compile(r"(?<!\d)\d{2}[./]\d{2}[./]\d{2,4}(?!\d)")]
IBAN_FIND = re.compile("[A-Z]{2}\\d{2}(?:[ \u00a0]?[A-Z0-9]){10,32}")
NANP_STRONG = re.compile("(?<![\\d+])(?:\\+?1[ .-]?)?(?:\\(\\d{3}\\) ?|\\d{3}[ .\u00a0-])\\d{3}[ .\u00a0-]\\d{4}(?!\\d)")


def v4_valid(m):
	return all(int(x) <= 255 and (x == "0" or not x.startswith("0")) for x in m.groups())


def strong_pii(v, kind):
	"""A reason if a distractor contains a value valid under a strong format's rules."""
	if kind != K_AT or not any(x in v for x in ("git@", ":", "@google.com")):
		if EMAIL_FIND.search(v):
			return "EMAIL"
	for m in re.finditer("\\d[\\d \u00a0-]*\\d", v):
		d = re.sub(r"\D", "", m.group())
		for i in range(len(d)):
			for n in range(12, 20):
				if i + n <= len(d) and card_brand(d[i:i + n]) and pc.luhn_ok(d[i:i + n]) and (i == 0 and n == len(d)):
					return "CARD"
	for m in IBAN_FIND.finditer(v):
		s = re.sub("[ \u00a0]", "", m.group())
		for n in range(15, len(s) + 1):
			if iban_valid(s[:n]):
				return "IBAN"
	for m in re.finditer(r"(?<!\d)(\d{3})-(\d{2})-(\d{4})(?!\d)", v):
		if ssn_rules_ok("".join(m.groups())):
			return "SSN"
	for m in NANP_STRONG.finditer(v):
		d = re.sub(r"\D", "", m.group())
		if len(d) == 11:
			d = d[1:]
		if nanp_ok(d):
			return "PHONE"
	if kind != K_MPHONE and re.search("\\+\\d{2}[\\d \u00a0-]{6,}", v):
		return "PHONE"
	if kind not in (K_VERSION, K_OID, K_BADIP):
		for m in V4_FIND.finditer(v):
			if v4_valid(m):
				return "IP"
	for m in V6_FIND.finditer(v):
		tok = m.group().strip(".:") if not m.group().startswith("::") else m.group().rstrip(".:")
		try:
			ipaddress.IPv6Address(tok)
			return "IP"
		except ValueError:
			pass
	return None


def line_span(raw, a, b):
	ls = raw.rfind(b"\n", 0, a) + 1
	le = raw.find(b"\n", b)
	return ls, (len(raw) if le < 0 else le)


def masked_line(raw, a, b, labels, negs):
	"""The line around [a, b) with every labelled value and distractor blanked out."""
	ls, le = line_span(raw, a, b)
	buf = bytearray(raw[ls:le])
	for x in list(labels) + list(negs):
		s, e = max(x["start"], ls), min(x["end"], le)
		if s < e:
			buf[s - ls:e - ls] = b" " * (e - s)
	return buf.decode("utf-8", "replace")


NEG_EXPECT = {
	K_CARD_LUHN: lambda v: not pc.luhn_ok(re.sub(r"\D", "", v)) and card_brand(re.sub(r"\D", "", v)) is not None,
	K_IBAN_BAD: lambda v: not pc.iban_ok(re.sub(r"\s", "", v)) and v[:2] in IBAN_LENGTH,
	K_SSN_BAD: lambda v: len(re.sub(r"\D", "", v)) == 9 and not ssn_rules_ok(re.sub(r"\D", "", v)),
	K_IMEI: lambda v: len(re.sub(r"\D", "", v)) == 15 and pc.luhn_ok(re.sub(r"\D", "", v)),
	K_ICCID: lambda v: re.sub(r"\D", "", v).startswith("89") and len(re.sub(r"\D", "", v)) in (19, 20) and pc.luhn_ok(re.sub(r"\D", "", v)),
	K_UUID: lambda v: bool(re.fullmatch(r"\{?[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\}?", v)),
	K_MAC: lambda v: len(re.sub(r"[^0-9a-fA-F]", "", v)) in (12, 28),
	K_MCARD: lambda v: any(c in v for c in "*X•"),
	K_MSSN: lambda v: any(c in v for c in "*Xx•"),
	K_MPHONE: lambda v: any(c in v for c in "*•"),
	K_ABA: lambda v: len(v) == 9 and sum(int(d) * w for d, w in zip(v, [3, 7, 1] * 3)) % 10 == 0,
	K_EIN: lambda v: bool(re.fullmatch(r"\d{2}-\d{7}", v)),
	K_BADIP: lambda v: bad_ip(v),
}


def bad_ip(v):
	for f in (ipaddress.IPv4Address, ipaddress.IPv6Address):
		try:
			f(v)
			return False
		except ValueError:
			pass
	return True


def weak_shaped(v):
	"""Digits a weak format (national phone number, bare SSN) could be written as, if a word named them."""
	return re.fullmatch("[\\d \u00a0\u202f.\\-/()]+", v) is not None and 9 <= len(re.sub(r"\D", "", v)) <= 15


def check_record(rec, srcs):
	text = rec["text"]
	raw = text.encode("utf-8")
	spans = []
	for lab, src in zip(rec["labels"], srcs):
		v = raw[lab["start"]:lab["end"]].decode("utf-8")
		assert v == v.strip() and v, (rec["id"], v)
		assert CHECK[lab["type"]](lab["sub"], v), (rec["id"], lab["sub"], v)
		before = raw[:lab["start"]].decode("utf-8")[-1:]
		after = raw[lab["end"]:].decode("utf-8")[:1]
		if lab["type"] == "EMAIL":
			assert (not re.match(r"[A-Za-z0-9.!#$%&*+/=?^_`{|}~-]", before) or before in "=|`*") and not re.match(r"[A-Za-z0-9_@-]", after), (rec["id"], before, v, after)
		elif lab["type"] == "IP":
			assert not re.match(r"[0-9A-Za-z.:]", before) or (before == ":" and ":" not in v), (rec["id"], before, v)
			assert not re.match(r"[0-9A-Za-z]", after) and not raw[lab["end"]:lab["end"] + 2].decode("utf-8", "replace").startswith((".0", ".1", ".2", ".3", ".4", ".5", ".6", ".7", ".8", ".9")), (rec["id"], v, after)
		else:
			assert not re.match(r"[0-9A-Za-z]", before) and not re.match(r"[0-9A-Za-z]", after), (rec["id"], before, v, after)
		line = masked_line(raw, lab["start"], lab["end"], rec["labels"], rec["negatives"])
		named = names_type(lab["type"], line)
		if lab["ctx"]:
			if not named:
				assert src, (rec["id"], "ctx true without a naming word or source", v, line)
				if src != "(line)":
					s = src.replace("-\n", "")
					assert names_type(lab["type"], s), (rec["id"], "source does not name the type", src, v)
					assert src in raw[:lab["start"]].decode("utf-8"), (rec["id"], "source not before the value", src, v)
		else:
			assert not named, (rec["id"], "ctx false but the line names the type", lab["type"], v, line)
		spans.append((lab["start"], lab["end"], v))
	for ng in rec["negatives"]:
		v = raw[ng["start"]:ng["end"]].decode("utf-8")
		assert v == v.strip() and v, (rec["id"], ng)
		if ng["kind"] in NEG_EXPECT:
			assert NEG_EXPECT[ng["kind"]](v), (rec["id"], ng["kind"], v)
		why = strong_pii(v, ng["kind"])
		assert why is None, (rec["id"], "distractor valid as", why, ng["kind"], v)
		line = masked_line(raw, ng["start"], ng["end"], rec["labels"], rec["negatives"])
		ok = NEG_WORD_OK.get(ng["kind"], set())
		for typ in ("PHONE", "SSN"):
			if typ not in ok and weak_shaped(v):
				assert not names_type(typ, line), (rec["id"], "distractor shares a line with a %s word" % typ, ng["kind"], v, line)
		if any(v4_valid(m) for m in V4_FIND.finditer(v)):
			assert not names_type("IP", line), (rec["id"], "dotted-quad distractor on a line naming IPs", v, line)
		spans.append((ng["start"], ng["end"], v))
	spans.sort()
	for (a, b, v), (c, d, w) in zip(spans, spans[1:]):
		assert b <= c, (rec["id"], "overlap", v, w)
	# no unlabelled look-alikes outside labels and distractors
	buf = bytearray(raw)
	for a, b, _ in spans:
		buf[a:b] = b"\x01" * (b - a)
	rest = buf.decode("utf-8")
	for m in EMAIL_FIND.finditer(rest):
		raise AssertionError((rec["id"], "unlabelled e-mail", m.group()))
	for m in V4_FIND.finditer(rest):
		if v4_valid(m):
			raise AssertionError((rec["id"], "unlabelled IPv4", m.group()))
	for m in V6_FIND.finditer(rest):
		tok = m.group()
		if not re.search("[0-9A-Fa-f]", tok):
			continue
		for cand in (tok, tok.strip(".:"), tok.rstrip(".:")):
			try:
				ipaddress.IPv6Address(cand)
				raise AssertionError((rec["id"], "unlabelled IPv6", tok))
			except ValueError:
				pass
	for m in IBAN_FIND.finditer(rest):
		s = re.sub("[ \u00a0]", "", m.group())
		for n in range(15, len(s) + 1):
			assert not iban_valid(s[:n]), (rec["id"], "unlabelled IBAN", m.group())
	for rx in SAFE:
		rest = rx.sub(lambda m: "\x01" * len(m.group()), rest)
	for m in DIGRUN.finditer(rest):
		if len(re.sub(r"\D", "", m.group())) >= 8:
			raise AssertionError((rec["id"], "unlabelled long number", m.group(), text[max(0, m.start() - 40):m.end() + 40]))


def selfcheck_functions():
	assert pc.luhn_ok("4111111111111111") and not pc.luhn_ok("4111111111111112")
	assert iban_valid("DE89 3704 0044 0532 0130 00") and iban_valid("GB29NWBK60161331926819")
	assert not iban_valid("DE88370400440532013000")
	assert email_ok("o'neill@example.com") and email_ok("a!b@example.org") and not email_ok("a..b@example.com")
	assert not email_ok("git@github") and email_ok("x@xn--mnchen-3ya.de")
	assert check_phone("PHONE/UK-national", "020 7946 0958") and check_phone("PHONE/DE-intl", "+49 (0)30 12345678")
	assert check_phone("PHONE/NANP-paren", "(415) 555-0132") and not nanp_ok("4155551234")
	assert check_phone("PHONE/FR-national", "01\u00a023\u00a045\u00a067\u00a089")
	assert ssn_rules_ok("512348876") and not ssn_rules_ok("666123456") and not ssn_rules_ok("912345678")
	assert card_brand("4111111111111111") == "visa" and card_brand("378282246310005") == "amex"
	assert strong_pii("4111 1111 1111 1111", K_ORDER) == "CARD" and strong_pii("1.2.3.4", K_ORDER) == "IP"
	assert strong_pii("(415) 555-0132", K_ORDER) == "PHONE" and strong_pii("512-34-8876", K_ORDER) == "SSN"
	assert names_type("PHONE", "Tel. 030") and names_type("PHONE", "mobilePhone") and not names_type("PHONE", "Hotel 5")
	assert names_type("IP", "client_ip") and names_type("EMAIL", "ADMIN_EMAIL") and not names_type("IP", "ipinfo")


def build(seed=SEED, n=NTEXTS):
	selfcheck_functions()
	recs = generate(seed, n)
	errors = []
	for rec, srcs in recs:
		try:
			check_record(rec, srcs)
		except AssertionError as e:
			errors.append("self-check failed: %r\n--- text ---\n%s" % (e.args, rec["text"]))
	if errors:
		raise SystemExit("\n\n".join(errors[:int(os.environ.get("H3_SHOW", "1"))]) + "\n(%d texts failed)" % len(errors))
	lines = [json.dumps(rec, ensure_ascii=False) for rec, _ in recs]
	again = [json.dumps(rec, ensure_ascii=False) for rec, _ in generate(seed, n)]
	if lines != again:
		raise SystemExit("self-check failed: the output is not deterministic")
	return lines


def main():
	ap = argparse.ArgumentParser(description="Write the third blind held-out PII corpus (JSON lines).")
	ap.add_argument("-o", "--output", help="write here instead of stdout")
	ap.add_argument("--stats", action="store_true", help="print counts per type, sub, ctx and distractor kind to stderr")
	a = ap.parse_args()
	lines = build()
	out = open(a.output, "w", encoding="utf-8") if a.output else sys.stdout
	for line in lines:
		out.write(line + "\n")
	if out is not sys.stdout:
		out.close()
	if a.stats:
		stats(lines)


def stats(lines):
	from collections import Counter
	T, S, C, N, L, SH = Counter(), Counter(), Counter(), Counter(), Counter(), Counter()
	for line in lines:
		r = json.loads(line)
		shape, lang = r["labels"][0]["tpl"].split(".") if r["labels"] else (r["negatives"][0]["tpl"].split(".") if r["negatives"] else ("?", "?"))
		L[lang] += 1
		SH[shape] += 1
		for x in r["labels"]:
			T[x["type"]] += 1
			S[x["sub"]] += 1
			C[(x["type"], is_weak(x["sub"]), x["ctx"])] += 1
		for x in r["negatives"]:
			N[x["kind"]] += 1
	w = sys.stderr.write
	w("texts %d\n" % len(lines))
	for t in sorted(T):
		w("%-6s %5d  strong ctx %d/%d  weak ctx %d/%d\n" % (t, T[t], C[(t, False, True)], C[(t, False, True)] + C[(t, False, False)],
							  C[(t, True, True)], C[(t, True, True)] + C[(t, True, False)]))
	for s in sorted(S):
		w("  %-28s %4d%s\n" % (s, S[s], "  (weak)" if is_weak(s) else ""))
	for k in sorted(N):
		w("neg %-46s %4d\n" % (k, N[k]))
	w("languages %s\n" % dict(L.most_common()))
	w("shapes %s\n" % dict(SH.most_common()))


if __name__ == "__main__":
	main()
