#!/usr/bin/env python3
"""
pii_holdout5.py - the fifth BLIND held-out PII corpus for tollgate's pattern
detectors (EMAIL, PHONE, SSN, CARD, IBAN, IP): the final score of issue 4.

How it was written: by "hhold5", blind to the rules and to every earlier
blind set. The author did NOT read policies/redaction*.json,
userspace/detectors.[ch], userspace/detect_*.c, holdback.c, redact*.c,
tablectx.c, their unit tests, bench/RESULTS-redaction.md, bench/redaction.c,
the README's Redaction section, git history of any of them, nor
bench/pii_holdout.py .. pii_holdout4.py; and ran no detector on anything.
Only bench/pii_corpus.py was read, for its schema, its weak sub names and its
spec-valid value generators (imported below). Every template, context
phrasing, key name and distractor sentence here is new.

Schema: exactly that of bench/pii_corpus.py, one JSON object a line:
  {"id": "holdout5-00001", "split": "holdout5", "seed": SEED, "text": ...,
   "labels": [{"type","sub","variant","ctx","tpl","start","end"}],
   "negatives": [{"kind","variant","tpl","start","end"}]}
start/end are UTF-8 byte offsets, end exclusive; text[start:end] is exactly
the value (no quotes, brackets, "mailto:", port, zone id or extension).

Labelling decisions (documented so the scorer's reader knows them):
  - "ctx" is true only when a word naming the value's type (in any of the
    languages used) is in the same line/sentence, or is the JSON/YAML/XML key
    or the table column header of the value. "From:"/"To:" headers, "call me",
    "src=" and the like do NOT count as naming the type.
  - Weak subs use pii_corpus.py's names: PHONE/<UK|DE|FR|IT|ES|NL>-national,
    PHONE/NANP-plain, SSN/plain, SSN/spaced. Variants written with U+00A0 or
    U+202F instead of spaces keep their sub (variant says "nbsp"/"nnbsp").
  - Phone extensions (", ext. 204", " x204", " #204", " (Durchwahl -17)",
    " poste 12") are NOT part of the label: the label is the number alone.
  - IPv4 with ":port" or "/prefix", IPv6 in "[...]:port" and link-local with
    a zone id ("fe80::1%eth0"): the label is the address alone.
  - Percent-encoded addresses (jane%40acme.example) are labelled EMAIL (sub
    EMAIL/percent-encoded) only where the text makes it plain that the field
    is an e-mail address (an "email=" form field or query parameter): a
    careful reader calls that an e-mail address, and it is the user's PII.
    The label covers the encoded local%40domain.
  - mailto: links: the label is the address, without "mailto:" or "?subject=".
  - No value is split across a line break: real PDF extracts hyphenate words
    and break lines in the prose around values (this corpus does that), but a
    value broken over two lines has no single span a reader would agree on,
    so such cases are left out rather than labelled arbitrarily.
  - A Luhn-valid 15/19-digit number is a negative only where the text names it
    as what it is (IMEI, ICCID); tracking numbers and other ids are negatives
    whatever their checksum, since the text names them.
  - National phone formats are limited to the plans pii_corpus.py covers
    (NANP, UK, DE, FR, IT, ES, NL); other countries appear in E.164.

  - A form box label printed on the line above its value (OCR'd W-2 boxes)
    counts as naming it, like a column header.

Document shapes: chat prompts and model replies; support tickets; CRM, HR,
payroll, billing, GraphQL and FHIR-like JSON tool results and function-call
arguments (also JSON-in-a-string); protobuf text; nginx, sshd, UFW, JSON and
logfmt logs; Windows security events; Kubernetes events; Python and Java
stack traces; CSV, TSV, markdown, psql and mysql tables; HTML tables, forms
and links; RFC 5322 headers, signatures, quoted replies, vCard, LDIF; YAML,
INI, .env, Terraform, Kubernetes, nginx configs; XML/SOAP; HTTP headers,
form posts and devtools dumps; SQL; GitHub issues with code blocks, git
diffs, Jupyter cells, Slack exports, chat and meeting transcripts; letters
and forms, OCR'd receipts and W-2 boxes, invoices, bank statements, bills of
lading, packing lists; PDF extracts with hyphenation and run-together
columns; long documents with the values in the middle.
Context words in English, German, French, Italian, Spanish, Dutch,
Portuguese, Polish, Swedish, Danish, Norwegian, Finnish, Czech, Turkish,
Romanian, Greek, Japanese and Chinese (values stay Latin-script).

Self-check, run before writing: every label's text equals the value and
re-validates by its spec (Luhn + IIN length, ISO 13616 mod-97 and length, SSA
rules, ipaddress module, RFC 5321 atext, numbering-plan digit counts); labels
and negatives never overlap; every negative is invalid or non-PII by
construction and re-checked; the corpus is generated twice and compared.

Usage: bench/pii_holdout5.py [-o FILE]
Python 3 standard library only; deterministic (seed below).
"""
import argparse
import ipaddress
import json
import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_corpus as pc  # noqa: E402  (value generators and check digits only)

SEED = 9182736
SPLIT = "holdout5"

TARGETS = {"EMAIL": 280, "PHONE": 660, "CARD": 380, "IBAN": 170, "IP": 280, "SSN": 170}
NEG_TARGET = 60
NEG_TARGET_MORE = {"@ but not an e-mail": 130, "version (IPv4-shaped)": 90, "card failing Luhn": 80,
		   "phone-like number, non-phone context": 80}


def neg_target(kind):
	return NEG_TARGET_MORE.get(kind, NEG_TARGET)

# ---- fillers --------------------------------------------------------------------

FIRSTN = ["Ingrid", "Tomasz", "Aoife", "Mehmet", "Chiara", "Joaquín", "Sven", "Eleni", "Kaito", "Ana",
	  "Pieter", "Radu", "Freya", "Jiří", "Mette", "Olli", "Priya", "Thabo", "Camille", "Dmitri", "Lena",
	  "Mateus", "Signe", "Hiroshi", "Zeynep", "Björn", "Giulia", "Léa", "Marek", "Nadia"]
LASTN = ["Lindqvist", "Nowak", "O'Neill", "Yılmaz", "Bianchi", "Ortega", "Halvorsen", "Papadopoulou",
	 "Tanaka", "Ferreira", "de Vries", "Popescu", "MacLeod", "Dvořák", "Kristensen", "Virtanen", "Raman",
	 "Nkosi", "Lefèvre", "Volkov", "Schröder", "D'Arcy", "Costa", "Sato", "Kaya", "Berg", "Moretti",
	 "Girard", "Kowalczyk", "Haddad"]
CITIES = ["Aarhus", "Porto", "Gdańsk", "Tampere", "Cluj-Napoca", "Thessaloniki", "Brno", "Bergen", "Izmir",
	  "Uppsala", "Lyon", "Bologna", "Utrecht", "Leeds", "Valencia", "Osaka", "Graz", "Ghent"]
COMPANIES = ["Fjordline Logistics", "Brightwater Analytics", "Quillon GmbH", "Pellucid SAS", "Arcadia Srl",
	     "Northgate BV", "Solent Health", "Kestrel Freight", "Lumen Retail AB", "Tarsier Labs",
	     "Vireo Insurance", "Halden Energi AS"]
PRODUCTS = ["standing desk", "USB-C dock", "annual plan", "noise-cancelling headset", "ergonomic chair",
	    "4K monitor", "team licence", "replacement battery"]
EMOJI = ["🙏", "👍", "✅", "📞", "📧", "🚀", "⚠️", "🙂"]

# ---- check functions (independent re-validation) -------------------------------

ATEXT_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
DOMAIN = r"([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+([A-Za-z]{2,63}|xn--[a-z0-9-]+)"


def email_valid(v):
	if "%40" in v:
		v = urllib.parse.unquote(v)
	return re.fullmatch(ATEXT_LOCAL + "@" + DOMAIN, v) is not None


CARD_RULES = [  # (prefix regex, allowed lengths)
	(r"4", (13, 16, 19)), (r"5[1-5]", (16,)), (r"2(2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)", (16,)),
	(r"3[47]", (15,)), (r"6011|64[4-9]|65", (16, 19)), (r"35(2[89]|[3-8]\d)", (16, 19)),
	(r"30[0-5]|36|38|39", (14, 16)), (r"62", (16, 17, 18, 19)),
]


def card_valid(v):
	d = re.sub(r"[ .\-\u00a0]", "", v)
	if not d.isdigit() or not pc.luhn_ok(d):
		return False
	return any(re.match(p, d) and len(d) in ls for p, ls in CARD_RULES)


def iban_valid(v):
	c = v.replace(" ", "").replace("\u00a0", "")
	return c[:2] in pc.IBAN_LEN and len(c) == pc.IBAN_LEN[c[:2]] and pc.iban_ok(c)


def ssn_valid(v):
	d = re.sub(r"[ \-\u00a0]", "", v)
	return (len(d) == 9 and d.isdigit() and d[:3] not in ("000", "666") and d[0] != "9"
		and d[3:5] != "00" and d[5:] != "0000")


def ip_valid(v):
	try:
		ipaddress.ip_address(v)
		return True
	except ValueError:
		return False


NAT_LEN = {"44": (10, 10), "49": (6, 11), "33": (9, 9), "39": (6, 11), "34": (9, 9), "31": (9, 9), "1": (10, 10)}


def phone_valid(v, sub):
	d = re.sub(r"[^\d+]", "", v.replace("(0)", ""))
	if sub.startswith("PHONE/NANP"):
		d = d.lstrip("+")
		if len(d) == 11 and d[0] == "1":
			d = d[1:]
		return len(d) == 10 and d[0] in "23456789" and d[3] in "23456789"
	if sub.startswith("PHONE/E164"):
		return d.startswith("+") and 8 <= len(d) - 1 <= 15
	cc = {"UK": "44", "DE": "49", "FR": "33", "IT": "39", "ES": "34", "NL": "31"}[sub[6:8]]
	if sub.endswith("-intl"):
		d = d[1:] if d.startswith("+") else d[2:]
		if not d.startswith(cc):
			return False
		nsn = d[len(cc):]
	else:
		nsn = d[1:] if cc in ("44", "49", "33", "31") else d
		if cc in ("44", "49", "33", "31") and d[0] != "0":
			return False
	lo, hi = NAT_LEN[cc]
	return lo <= len(nsn) <= hi and nsn[0] != "0" or (cc == "39" and lo <= len(nsn) <= hi)


def check_label(lab, v):
	t = lab["type"]
	if t == "CARD":
		return card_valid(v)
	if t == "IBAN":
		return iban_valid(v)
	if t == "SSN":
		return ssn_valid(v)
	if t == "IP":
		return ip_valid(v)
	if t == "EMAIL":
		return email_valid(v)
	return phone_valid(v, lab["sub"])


# ---- positive value generators ---------------------------------------------------
# Each returns (value, variant, pre, post): pre/post are unlabelled text written
# right around the value (mailto:, zone id, port, extension).

LOCALS_ODD = ["o'neill", "d'arcy", "mary-kate.o'brien", "first_last+invoices", "r&d", "a!b", "ops+pager",
	      "j.o'connor", "sales&events", "x_y-z", "ceo~office", "team=core", "hello#desk", "billing+eu-2024",
	      "dev{ops}", "k.lee+jira", "me^2", "q?a"]
NEW_TLDS = ["engineering", "agency", "studio", "cloud", "shop", "health", "legal", "finance", "xyz",
	    "online", "systems", "tech", "eu", "pl", "se", "fi", "cz", "pt", "ro", "gr", "tr", "dk", "no"]
DOMS = ["fjordline", "brightwater", "quillon", "pellucid", "arcadia", "northgate", "solent-health", "kestrel",
	"lumen", "tarsier", "vireo", "halden", "example", "corp-mail"]


def gen_email(g, sub):
	r = g.r
	if sub in ("EMAIL/basic", "EMAIL/plus-tag", "EMAIL/subdomain", "EMAIL/long-tld", "EMAIL/mixed-case",
		   "EMAIL/punycode", "EMAIL/digits-underscore"):
		v, var, _ = pc.email(g, sub.split("/")[1])
		return v, var, "", ""
	if sub == "EMAIL/atext":
		return g.choice(LOCALS_ODD) + "@" + g.choice(DOMS) + "." + g.choice(NEW_TLDS), "atext local", "", ""
	if sub == "EMAIL/new-tld":
		f = g.choice(FIRSTN).lower().replace("í", "i").replace("ř", "r").replace("é", "e").replace("ö", "o")
		f = re.sub(r"[^a-z]", "", f)
		return f + g.choice([".", "_", ""]) + g.choice(["m", "k", "s", "t"]) + "@" + \
			g.choice(["mail.", "eu.", "", "hr."]) + g.choice(DOMS) + "." + g.choice(NEW_TLDS), "new tld", "", ""
	if sub == "EMAIL/mailto":
		v, _, _ = pc.email(g, g.choice(["basic", "plus-tag", "subdomain"]))
		post = g.choice(["", "?subject=Invoice%20" + str(r.randint(1000, 9999)), "?subject=Hello&body=Hi%20there",
				 "?subject=R%C3%BCckfrage"])
		return v, "mailto" + (" query" if post else ""), "mailto:", post
	if sub == "EMAIL/percent-encoded":
		v, _, _ = pc.email(g, g.choice(["basic", "plus-tag", "subdomain"]))
		v = v.replace("+", "%2B").replace("@", "%40")
		return v, "percent-encoded", "", ""
	raise ValueError(sub)


def spaces_to(v, ch):
	return v.replace(" ", ch)


def gen_phone(g, sub):
	r = g.r
	if sub.startswith("PHONE/NANP-"):
		v, var, _ = pc.nanp(g, sub[len("PHONE/NANP-"):])
	elif sub.startswith("PHONE/E164-"):
		v, var, _ = pc.e164(g, sub[len("PHONE/E164-"):])
	else:
		country, kind = sub[6:8], sub[9:]
		while True:
			v, var, _ = pc.national(g, country, kind)
			if country == "UK" and kind == "national" and g.chance(0.25) and " " in v and "(" not in v:
				v, var = "(" + v.split(" ", 1)[0] + ") " + v.split(" ", 1)[1], var + " paren-area"
			break
	if " " in v and g.chance(0.18) and not sub.startswith("PHONE/NANP-plain"):
		ch = g.choice(["\u00a0", "\u202f"])
		v, var = spaces_to(v, ch), var + (" nbsp" if ch == "\u00a0" else " nnbsp")
	post = ""
	if g.chance(0.09):
		local = {"DE": " (Durchwahl -%d)", "FR": " poste %d", "IT": " interno %d", "ES": " ext. %d",
			 "NL": " toestel %d", "UK": " ext. %d"}.get(sub[6:8], " x%d")
		post = g.choice([", ext. %d" % r.randint(10, 999), " x%d" % r.randint(100, 9999), " #%d" % r.randint(10, 999),
				 local % r.randint(10, 99), local % r.randint(10, 99)])
		var += " +ext"
	return v, var, "", post


def gen_card(g, sub):
	brand, fmt = sub[5:].rsplit("-", 1)
	if fmt == "dotted":
		num, groups = pc.card_number(g, brand)
		return pc.group(num, groups, "."), "%d digits dotted" % len(num), "", ""
	if fmt == "nbsp":
		num, groups = pc.card_number(g, brand)
		return pc.group(num, groups, "\u00a0"), "%d digits nbsp" % len(num), "", ""
	v, var, _ = pc.card(g, brand, fmt)
	return v, var, "", ""


def gen_iban(g, sub):
	v, cc = pc.iban_value(g)
	if sub == "IBAN/grouped":
		return pc.group(v, [4] * 9, " ").strip(), cc + " paper", "", ""
	return v, cc + " electronic", "", ""


def gen_ip(g, sub):
	r = g.r
	if sub == "IP/v4":
		return pc.ipv4(g), "v4", "", ""
	if sub == "IP/v4-port-cidr":
		a = pc.ipv4(g)
		k = g.choice(["port", "cidr", "port"])
		if k == "port":
			return a, "port", "", ":" + str(g.choice([22, 443, 5432, 6379, 8080, 8443, 9090, r.randint(1024, 65535)]))
		return a, "cidr", "", "/" + str(g.choice([8, 16, 22, 24, 26, 28, 32]))
	if sub == "IP/v6-zone":
		tail = g.choice(["1", g.hexs(4).lstrip("0") or "1", "%s:%s:%s:%s" % (g.hexs(3), g.hexs(2).lstrip("0") or "a",
								    g.hexs(4), g.hexs(3))])
		return "fe80::" + tail, "link-local zone", "", "%" + g.choice(["eth0", "en0", "wlan0", "ens192", "3", "lo0"])
	if sub == "IP/v6-bracket-port":
		gs = pc.v6_groups(g)
		gs[3:6] = ["0", "0", "0"]
		return pc.v6_compress(gs), "bracket port", "[", "]:" + str(g.choice([443, 8443, 53, 3000, r.randint(1024, 65535)]))
	v, var, _ = pc.ip(g, sub.split("/")[1])
	var = var.replace(" bracket-port", "")  # brackets and ports only come from IP/v6-bracket-port
	if sub == "IP/v6-compressed" and g.chance(0.2):
		v = g.choice(["::1", "2001:db8::", "2001:db8::%x" % r.randint(1, 4095), "::"]) if g.chance(0.5) else v
		var = "short" if v != "::" else "unspecified"
		if v == "::":
			v, var = "2001:db8::1", "short"
	return v, var, "", ""


SUBS = {
	"EMAIL": ["EMAIL/basic", "EMAIL/plus-tag", "EMAIL/subdomain", "EMAIL/long-tld", "EMAIL/mixed-case",
		  "EMAIL/punycode", "EMAIL/digits-underscore", "EMAIL/atext", "EMAIL/atext", "EMAIL/new-tld",
		  "EMAIL/mailto", "EMAIL/percent-encoded"],
	"PHONE": ["PHONE/NANP-" + s for s in ["paren", "dashed", "dotted", "spaced", "plain", "plus1", "trunk1"]] +
	["PHONE/E164-compact", "PHONE/E164-spaced", "PHONE/E164-spaced"] +
	["PHONE/%s-%s" % (c, s) for c in ["UK", "DE", "FR", "IT", "ES", "NL"] for s in ["national", "national", "intl"]],
	"CARD": ["CARD/%s-%s" % (b, f) for b in ["visa", "mastercard", "mastercard2", "amex", "discover", "jcb", "diners",
						  "unionpay"] for f in ["plain", "spaced", "dashed"]] +
	["CARD/visa-dotted", "CARD/mastercard-dotted", "CARD/amex-nbsp", "CARD/visa-nbsp"],
	"IBAN": ["IBAN/compact", "IBAN/grouped", "IBAN/grouped"],
	"IP": ["IP/v4", "IP/v4", "IP/v4-port-cidr", "IP/v6-full", "IP/v6-compressed", "IP/v6-compressed", "IP/v6-ipv4",
	       "IP/v6-zone", "IP/v6-bracket-port"],
	"SSN": ["SSN/dashed", "SSN/dashed", "SSN/spaced", "SSN/plain"],
}
GEN = {"EMAIL": gen_email, "PHONE": gen_phone, "CARD": gen_card, "IBAN": gen_iban, "IP": gen_ip,
       "SSN": lambda g, sub: pc.ssn(g, sub.split("/")[1])[:2] + ("", "")}

# slot filters: «TYPE.filter+» restricts the sub-formats a slot accepts
FILTERS = {
	"EMAIL": lambda s: s not in ("EMAIL/percent-encoded", "EMAIL/mailto"),
	"EMAIL.enc": lambda s: s == "EMAIL/percent-encoded",
	"EMAIL.mailto": lambda s: s == "EMAIL/mailto",
	"EMAIL.any": lambda s: s != "EMAIL/percent-encoded",
	"PHONE": lambda s: True,
	"PHONE.DE": lambda s: s.startswith("PHONE/DE"), "PHONE.FR": lambda s: s.startswith("PHONE/FR"),
	"PHONE.UK": lambda s: s.startswith("PHONE/UK"), "PHONE.IT": lambda s: s.startswith("PHONE/IT"),
	"PHONE.ES": lambda s: s.startswith("PHONE/ES"), "PHONE.NL": lambda s: s.startswith("PHONE/NL"),
	"PHONE.US": lambda s: s.startswith("PHONE/NANP"), "PHONE.intl": lambda s: "E164" in s or s.endswith("intl"),
	"CARD": lambda s: True, "CARD.amex": lambda s: "amex" in s,
	"IBAN": lambda s: True,
	"IP": lambda s: s not in ("IP/v6-zone", "IP/v6-bracket-port", "IP/v4-port-cidr"),
	"IP.any": lambda s: True,
	"IP.4": lambda s: s == "IP/v4", "IP.4p": lambda s: s == "IP/v4-port-cidr",
	"IP.6": lambda s: s.startswith("IP/v6") and s not in ("IP/v6-zone", "IP/v6-bracket-port"),
	"IP.6z": lambda s: s == "IP/v6-zone", "IP.6b": lambda s: s == "IP/v6-bracket-port",
	"SSN": lambda s: True, "SSN.strong": lambda s: s == "SSN/dashed",
}


# ---- negatives: near misses that must not be detected ------------------------------


def neg_at(g):
	r = g.r
	k = g.choice(["git remote", "shell prompt", "css at-rule", "sql variable", "python decorator", "npm scoped pin",
		      "package pin", "docker digest", "mention", "java annotation", "ssh alias", "go module pin"])
	if k == "git remote":
		return "git@%s:%s/%s.git" % (g.choice(["github.com", "gitlab.com", "bitbucket.org", "git.internal.example"]),
					     g.choice(["acme", "platform-team", "infra"]),
					     g.choice(["billing-api", "tollgate", "web", "etl-jobs"])), k
	if k == "shell prompt":
		return "%s@%s:~$" % (g.choice(["root", "deploy", "ubuntu", "ci"]),
				     g.choice(["web-01", "db-primary", "bastion", "runner-7", "ip-10-0-3-17"])), k
	if k == "css at-rule":
		return g.choice(["@media (max-width: 768px)", "@font-face", "@keyframes spin", "@import url(theme.css)",
				 "@supports (display: grid)"]), k
	if k == "sql variable":
		return g.choice(["@customer_id", "@start_date", "@@ROWCOUNT", "@total", "@batch_size"]), k
	if k == "python decorator":
		return g.choice(["@lru_cache(maxsize=128)", "@property", "@router.get", "@celery.task", "@pytest.mark.parametrize"]), k
	if k == "npm scoped pin":
		return "@%s/%s@%d.%d.%d" % (g.choice(["nestjs", "tanstack", "sentry", "octokit", "vitejs"]),
					   g.choice(["core", "react-query", "node", "rest", "plugin-react"]), r.randint(0, 20),
					   r.randint(0, 40), r.randint(0, 30)), k
	if k == "package pin":
		return "%s@%d.%d.%d" % (g.choice(["axios", "zod", "next", "prisma", "webpack", "eslint"]), r.randint(0, 15),
					r.randint(0, 40), r.randint(0, 30)), k
	if k == "docker digest":
		return "%s@sha256:%s" % (g.choice(["ghcr.io/acme/api", "alpine", "node", "busybox"]), g.hexs(64)), k
	if k == "mention":
		return "@" + g.choice(["here", "channel", "oncall-sre", "mkowalczyk", "ingrid.l", "priya_r", "team-billing"]), k
	if k == "java annotation":
		return g.choice(["@Transactional", "@Autowired", "@RestController", "@JsonProperty(\"id\")"]), k
	if k == "ssh alias":
		return "%s@%s" % (g.choice(["admin", "git", "pi"]), g.choice(["build-box", "nas", "raspberrypi", "jump"])), k
	return "%s@v%d.%d.%d" % (g.choice(["github.com/spf13/cobra", "golang.org/x/net", "github.com/stretchr/testify"]),
				 r.randint(0, 2), r.randint(0, 40), r.randint(0, 20)), k


def neg_bad_ipv4(g):
	r = g.r
	k = g.choice(["octet > 255", "five parts", "octet > 255"])
	o = [r.randint(1, 255) for _ in range(4)]
	if k == "octet > 255":
		o[r.randint(0, 3)] = r.randint(256, 999)
		return ".".join(map(str, o)), k
	return ".".join(map(str, o + [r.randint(0, 255)])), k


def neg_ip_version(g):
	"""Dotted versions and builds with four small numbers: look like an IPv4."""
	r = g.r
	k = g.choice(["build", "firmware", "assembly", "driver", "snmp-like"])
	if k == "build":
		return "%d.%d.%d.%d" % (r.randint(1, 9), r.randint(0, 30), r.randint(0, 99), r.randint(100, 255)), k
	if k == "firmware":
		return "%d.%d.%d.%d" % (r.randint(1, 3), r.randint(0, 9), r.randint(0, 9), r.randint(0, 200)), k
	if k == "assembly":
		return "%d.%d.%d.%d" % (r.randint(1, 8), 0, r.randint(0, 9), 0), k
	if k == "driver":
		return "%d.%d.%d.%d" % (r.randint(20, 31), r.randint(0, 100), r.randint(100, 255), r.randint(1, 255)), k
	return "%d.%d.%d.%d" % (r.randint(1, 4), r.randint(1, 9), r.randint(1, 99), r.randint(1, 99)), k


def neg_tracking(g):
	r = g.r
	k = g.choice(["ups", "usps 22", "fedex 12", "dhl 10", "royal mail", "postnl"])
	if k == "ups":
		return "1Z" + g.letters(1) + g.alnum(5).upper() + g.digits(10), k
	if k == "usps 22":
		return pc.group("9400" + g.digits(18), [4, 4, 4, 4, 4, 2], " "), k
	if k == "fedex 12":
		return g.digits(12, "123456789"), k
	if k == "dhl 10":
		return g.digits(10, "123456789"), k
	if k == "royal mail":
		return g.letters(2) + g.digits(9) + "GB", k
	return "3S" + g.letters(4) + g.digits(7), k


def neg_bic(g):
	cc = g.choice(["DE", "FR", "NL", "IT", "ES", "GB", "SE", "PL", "PT", "CZ"])
	return g.letters(4) + cc + g.choice(["2X", "FF", "MM", "22", "PP", "XX"]) + g.choice(["", "", "XXX", "100"]), "bic"


def neg_chat_ts(g):
	r = g.r
	k = g.choice(["bracket hms", "slack", "teams", "transcript offset"])
	h, m, s = r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)
	if k == "bracket hms":
		return "%02d:%02d:%02d" % (h, m, s), k
	if k == "slack":
		return "%d.%06d" % (r.randint(1600000000, 1790000000), r.randint(0, 999999)), k
	if k == "teams":
		return "%d/%d/%d %d:%02d %s" % (r.randint(1, 12), r.randint(1, 28), r.randint(2020, 2027), r.randint(1, 12), m,
						 g.choice(["AM", "PM"])), k
	return "%02d:%02d:%02d.%03d --> %02d:%02d:%02d.%03d" % (h % 2, m, s, r.randint(0, 999), h % 2, m, (s + 4) % 60,
								r.randint(0, 999)), k


def neg_quantity(g):
	r = g.r
	k = g.choice(["bytes", "rows", "population", "serial", "sku", "phone-shaped ticket"])
	if k == "bytes":
		return "%d %d %d" % (r.randint(1, 999), r.randint(100, 999), r.randint(100, 999)), k
	if k == "rows":
		return "%d,%03d,%03d" % (r.randint(1, 99), r.randint(0, 999), r.randint(0, 999)), k
	if k == "population":
		return "%d.%03d.%03d" % (r.randint(1, 99), r.randint(0, 999), r.randint(0, 999)), k
	if k == "serial":
		return "SN %s-%s-%s" % (g.digits(4), g.digits(4), g.digits(4)), k
	if k == "sku":
		return "%s-%s-%s" % (g.digits(3, "123456789"), g.digits(3), g.digits(4)), k
	return "%s %s %s" % (g.digits(3, "123456789"), g.digits(3), g.digits(4)), k


def neg_geo(g):
	v, k = pc.neg_coords(g)
	return v, k


NEG = {
	"card failing Luhn": pc.neg_card_luhn, "IBAN failing mod-97": pc.neg_iban, "invalid SSN": pc.neg_ssn,
	"version": pc.neg_version, "version (IPv4-shaped)": neg_ip_version, "invalid IPv4": neg_bad_ipv4,
	"timestamp": pc.neg_timestamp, "chat/transcript timestamp": neg_chat_ts, "order number": pc.neg_order,
	"price": pc.neg_price, "coordinates": neg_geo, "hash": pc.neg_hash, "UUID": pc.neg_uuid,
	"phone-like number, non-phone context": pc.neg_phone_like, "quantity / serial / SKU": neg_quantity,
	"IMEI (Luhn-valid)": pc.neg_imei, "ICCID (Luhn-valid)": pc.neg_iccid, "MAC address": pc.neg_mac,
	"OID / section number": pc.neg_oid, "@ but not an e-mail": neg_at, "EIN": pc.neg_ein,
	"ABA routing number": pc.neg_aba, "tracking number": neg_tracking, "BIC / SWIFT code": neg_bic,
}
NEG_SHORT = {  # slot names in templates
	"luhn": "card failing Luhn", "badiban": "IBAN failing mod-97", "badssn": "invalid SSN", "ver": "version",
	"ipver": "version (IPv4-shaped)", "badip": "invalid IPv4", "ts": "timestamp", "chatts": "chat/transcript timestamp",
	"order": "order number", "price": "price", "geo": "coordinates", "hash": "hash", "uuid": "UUID",
	"phonelike": "phone-like number, non-phone context", "qty": "quantity / serial / SKU", "imei": "IMEI (Luhn-valid)",
	"iccid": "ICCID (Luhn-valid)", "mac": "MAC address", "oid": "OID / section number", "at": "@ but not an e-mail",
	"ein": "EIN", "aba": "ABA routing number", "track": "tracking number", "bic": "BIC / SWIFT code",
	# the same kinds, restricted to the variants that fit the sentence around them
	"isbn": ("phone-like number, non-phone context", ("isbn10", "isbn13", "ean13")),
	"ticketno": ("phone-like number, non-phone context", ("10 digits", "11 digits", "dashed 3-3-4")),
	"atgit": ("@ but not an e-mail", ("git remote",)), "atprompt": ("@ but not an e-mail", ("shell prompt",)),
	"atcss": ("@ but not an e-mail", ("css at-rule",)), "atpy": ("@ but not an e-mail", ("python decorator",)),
	"atsql": ("@ but not an e-mail", ("sql variable",)), "atjava": ("@ but not an e-mail", ("java annotation",)),
	"atssh": ("@ but not an e-mail", ("ssh alias",)), "atmention": ("@ but not an e-mail", ("mention",)),
	"atgo": ("@ but not an e-mail", ("go module pin",)), "atdocker": ("@ but not an e-mail", ("docker digest",)),
	"atpkg": ("@ but not an e-mail", ("npm scoped pin", "package pin")),
}


def neg_kind(short):
	"""(kind, allowed variants or None) of a «n:short» slot."""
	k = NEG_SHORT[short]
	return k if isinstance(k, tuple) else (k, None)


def neg_ok(kind, v):
	"""Re-check a negative is truly not a valid value of a PII type."""
	d = re.sub(r"[ .\-]", "", v)
	if kind == "card failing Luhn":
		return not pc.luhn_ok(d)
	if kind == "IBAN failing mod-97":
		return not pc.iban_ok(v.replace(" ", ""))
	if kind == "invalid SSN":
		return not ssn_valid(v)
	if kind == "invalid IPv4":
		return not ip_valid(v)
	if kind == "@ but not an e-mail":
		return not any(email_valid(m.group(0)) for m in re.finditer(r"\S+@\S+", v))
	if kind in ("IMEI (Luhn-valid)", "ICCID (Luhn-valid)"):
		return pc.luhn_ok(d) and len(d) in (15, 19, 20)
	if kind == "ABA routing number":
		w = [3, 7, 1] * 3
		return len(v) == 9 and sum(int(c) * w[i] for i, c in enumerate(v)) % 10 == 0
	if kind == "BIC / SWIFT code":
		return re.fullmatch(r"[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?", v) is not None
	return True


# ---- templates -------------------------------------------------------------------
#
# «TYPE+» a value whose type is named in its line/sentence, key or column header;
# «TYPE-» a value with no such word; «TYPE.filter±» restricts the sub-formats;
# «n:short» a near miss (NEG_SHORT). {first} {last} {city} {company} {product}
# {date} {emoji} {tid} {num} are harmless fillers.

T = []


def tpl(name, *texts):
	for i, t in enumerate(texts):
		T.append(("%s.%d" % (name, i + 1), t))


# chat prompts and model replies, many languages
tpl("chat.en",
    "Can you draft a polite reminder to {first}? Her mobile is «PHONE+» and she prefers texts after 6pm.",
    "hey, quick one — my new cell number is «PHONE+», the old one is dead {emoji}",
    "Please update the vendor record: phone «PHONE+», fax «PHONE+».",
    "Summarise this: \"{first} rang from «PHONE-» about order «n:order», wants a refund of «n:price».\"",
    "I tried calling «PHONE-» twice but nobody picked up. Can you write an apology email instead?",
    "ok so the customer says their card «CARD+» was charged twice on {date}??",
    "Rewrite for tone: 'Your Visa ending in the number below was declined: «CARD+». Try again.'",
    "My SSN is «SSN+» — is it safe to paste it here?",
    "Fill the W-4 helper with: name {first} {last}, social security number «SSN+», filing status single.",
    "Translate to Spanish: please wire the deposit to «IBAN-» by Friday.",
    "Which of these is wrong? IBAN «IBAN+» or «n:badiban»",
    "Send the invite to «EMAIL-» and cc «EMAIL-», thanks!",
    "My email is «EMAIL+» — not the gmail one.",
    "why does ssh to «IP.4-» hang after the banner? the box at «IP.6-» works fine",
    "The server IP is «IP+», can you write an nginx allow rule for it?",
    "{first} here. You can reach me at «PHONE-» or «EMAIL-» until the 20th.",
    "Reply: Sure! I've noted «PHONE-» as the best number to reach you. Anything else?",
    "Assistant: I can't verify the card «CARD+» myself, but the Luhn check passes.",
    "We upgraded to «n:ver» and now the app crashes on start, running on build «n:ipver».",
    "Can you explain why the phone number «PHONE+» fails our validation but «n:ticketno» passes? The latter is a ticket id.",
    )
tpl("chat.de",
    "Hallo, bitte ruf {first} unter «PHONE.DE+» an (Handy), Festnetz geht nicht.",
    "Meine Telefonnummer hat sich geändert: «PHONE.DE+». Bitte im CRM anpassen.",
    "Rückruf erbeten: «PHONE.DE-» — es geht um Rechnung «n:order».",
    "Bitte überweise den Betrag auf mein Konto «IBAN+», Verwendungszweck {tid}.",
    "Kreditkarte «CARD+» wurde abgelehnt, was soll ich tun?",
    "Tel. «PHONE.DE+» (Durchwahl -{num}), Zentrale «PHONE.DE+»",
    "Fax: «PHONE.DE+» / Tel.: «PHONE.DE+»",
    "Unsere Firmware «n:ipver» hat ein Problem mit Abschnitt «n:oid» der Spezifikation.",
    )
tpl("chat.fr",
    "Bonjour, mon portable : «PHONE.FR+». Merci de me rappeler demain.",
    "Vous pouvez joindre {first} au «PHONE.FR-» après 14h.",
    "Tél. «PHONE.FR+» — poste {num}",
    "Merci de virer le solde sur le compte «IBAN+» avant le {date}.",
    "Ma carte bancaire «CARD+» ne passe plus depuis la mise à jour «n:ver».",
    "L'adresse IP du serveur est «IP+» ; le port 443 est fermé.",
    )
tpl("chat.it",
    "Ciao, il mio cellulare è «PHONE.IT+», scrivimi su WhatsApp.",
    "Richiamare il cliente allo «PHONE.IT-» entro venerdì.",
    "Numero di telefono dell'ufficio: «PHONE.IT+» (interno {num})",
    "Effettuare il bonifico sul conto «IBAN+» intestato a {company}.",
    "La carta di credito «CARD+» risulta bloccata.",
    )
tpl("chat.es",
    "Hola, mi móvil es «PHONE.ES+», llámame cuando puedas.",
    "Teléfono de contacto: «PHONE.ES+»",
    "Puedes localizar a {first} en el «PHONE.ES-» por la mañana.",
    "Haz la transferencia a la cuenta «IBAN+», concepto {tid}.",
    "Mi tarjeta «CARD+» caduca el mes que viene.",
    )
tpl("chat.nl",
    "Hoi, mijn mobiel is «PHONE.NL+», bel gerust.",
    "Telefoonnummer klantenservice: «PHONE.NL+»",
    "Bel {first} even op «PHONE.NL-», hij weet ervan.",
    "Graag overmaken naar rekening «IBAN+» t.n.v. {company}.",
    )
tpl("chat.uk",
    "Ring me on «PHONE.UK-» after lunch, cheers.",
    "Mobile: «PHONE.UK+» | Office tel: «PHONE.UK+»",
    "The phone number for the surgery is «PHONE.UK+» — they open at 8.",
    "Sort it out with {first} on «PHONE.UK-», he's expecting you.",
    )
tpl("chat.us",
    "Call our front desk at «PHONE.US-» and ask for {first}.",
    "Phone: «PHONE.US+»\nFax: «PHONE.US+»",
    "text me at «PHONE.US-» when you land",
    "The callback phone number on file is «PHONE.US+», is that still right?",
    "My cell «PHONE.US+» / office «PHONE.US+»",
    )
tpl("chat.more",
    "Olá! O meu telefone é «PHONE.intl+», ligue depois das 18h.",
    "Proszę o kontakt pod numerem telefonu «PHONE.intl+».",
    "Mitt mobilnummer är «PHONE.intl+», ring när du är framme.",
    "Moje telefonní číslo je «PHONE.intl+».",
    "Mit mobilnummer: «PHONE.intl+» — skriv gerne en sms.",
    "Mitt telefonnummer er «PHONE.intl+».",
    "Puhelinnumeroni on «PHONE.intl+».",
    "Cep telefonum «PHONE.intl+», akşam arayabilirsiniz.",
    "Numărul meu de telefon este «PHONE.intl+».",
    "Το τηλέφωνό μου είναι «PHONE.intl+».",
    "電話番号は «PHONE.intl+» です。",
    "我的手机号码是 «PHONE.intl+»，请回电。",
    "Meu e-mail é «EMAIL+», pode mandar a proposta lá.",
    "Mój adres e-mail: «EMAIL+»",
    "Min e-postadress är «EMAIL+».",
    "Sähköpostini on «EMAIL+».",
    "E-posta adresim: «EMAIL+»",
    "メールアドレス：«EMAIL+»",
    "邮箱：«EMAIL+»",
    "Číslo účtu (IBAN): «IBAN+»",
    "Konto bankowe (IBAN) «IBAN+», tytułem: faktura {tid}.",
    "Kontonummer/IBAN: «IBAN+»",
    "Tilinumero «IBAN+»",
    "Hesap numarası (IBAN): «IBAN+»",
    "Cont IBAN: «IBAN+»",
    "Αριθμός λογαριασμού IBAN «IBAN+»",
    "Numer karty: «CARD+»",
    "Kortnummer «CARD+», utgång 08/27.",
    "カード番号 «CARD+»",
    "信用卡号 «CARD+»",
    "Endereço IP do servidor: «IP+»",
    "IPアドレス «IP+» からのアクセスが急増しています。",
    "服务器IP地址 «IP+» 无法连接。",
    "Ligue-me: «PHONE.intl-» {emoji}",
    )

# tool results: CRM / HR / billing JSON, GraphQL, FHIR-like, protobuf text
tpl("json",
    '{"customer": {"id": "cus_{tid}", "name": "{first} {last}", "email": "«EMAIL+»", "phone": "«PHONE+»", '
    '"created_at": "«n:ts»"}}',
    '{"employee": {"personal": {"ssn": "«SSN+»", "dob": "{date}"}, "payroll": {"iban": "«IBAN+»", '
    '"bic": "«n:bic»"}, "contact": {"mobile": "«PHONE+»", "work_email": "«EMAIL+»"}}}',
    '{"results": [{"contact_id": {num}, "emails": ["«EMAIL+»", "«EMAIL+»"], "phones": [{"type": "work", '
    '"number": "«PHONE+»"}]}], "next_cursor": "«n:uuid»"}',
    '{"payment_method": {"card": {"number": "«CARD+»", "exp_month": 4, "exp_year": 2029}, "billing_ip": "«IP+»"}, '
    '"order_ref": "«n:order»"}',
    '{"data": {"user": {"__typename": "User", "login": "{first}", "primaryEmail": "«EMAIL+»", '
    '"lastLoginIp": "«IP.any+»", "avatarHash": "«n:hash»"}}}',
    '{"resourceType": "Patient", "id": "«n:uuid»", "telecom": [{"system": "phone", "value": "«PHONE+»", '
    '"use": "mobile"}, {"system": "email", "value": "«EMAIL+»"}], "identifier": [{"system": '
    '"http://hl7.org/fhir/sid/us-ssn", "value": "«SSN+»"}]}',
    '{"tool": "lookup_account", "arguments": {"holder": "{first} {last}", "iban": "«IBAN+»", "amount": "«n:price»"}}',
    '{"name": "send_sms", "arguments": "{\\"to\\": \\"«PHONE.intl-»\\", \\"body\\": \\"Your code expires soon\\"}"}',
    '{"event": "login", "ts": "«n:ts»", "remote_addr": "«IP.any+»", "device": {"imei": "«n:imei»", "mac": "«n:mac»"}}',
    '{"ticket": {"subject": "Refund", "body": "Customer gave «PHONE-» and card «CARD+»", "priority": 2}}',
    '{"fields": {"Telefon": "«PHONE.DE+»", "E-Mail": "«EMAIL+»", "Bankverbindung": {"IBAN": "«IBAN+»"}}}',
    '{"contatto": {"cellulare": "«PHONE.IT+»", "telefono_fisso": "«PHONE.IT+»"}, "pec": "«EMAIL-»"}',
    '{"cliente": {"telefono": "«PHONE.ES+»", "movil": "«PHONE.ES+»", "cuenta": "«IBAN+»"}}',
    '{"klant": {"telefoonnummer": "«PHONE.NL+»", "rekeningnummer": "«IBAN+»"}}',
    '{"contact": {"tel_fixe": "«PHONE.FR+»", "portable": "«PHONE.FR+»", "courriel": "«EMAIL+»"}}',
    '{"applicant": {"SSN": "«SSN+»", "ssn_last4_verified": true, "ein_employer": "«n:ein»"}}',
    '{"routing_number": "«n:aba»", "account_type": "checking", "iban": null, "notes": "see «n:oid»"}',
    '{"sim": {"iccid": "«n:iccid»", "imei": "«n:imei»", "msisdn_masked": "+44 7*** ***{num}"}}',
    '{"shipment": {"tracking": "«n:track»", "weight_kg": 4.2, "consignee_phone": "«PHONE+»"}}',
    '{"rows": [["«EMAIL+»", "«PHONE+»"], ["«EMAIL+»", "«PHONE+»"]], "columns": ["email", "phone"]}',
    )
tpl("proto",
    'contact {\n  display_name: "{first} {last}"\n  phone_number: "«PHONE+»"\n  email: "«EMAIL+»"\n}',
    'peer {\n  address: "«IP+»"\n  port: 50051\n  build: "«n:ver»"\n}',
    )
tpl("graphql",
    '{"data":{"viewer":{"billing":{"cardLast4":"{num}","iban":"«IBAN+»"},"sessions":[{"ip":"«IP+»"},{"ip":"«IP+»"}]}}}',
    )

# logs: nginx, syslog, JSON logs, Windows events, Kubernetes events, stack traces
tpl("log",
    '«IP.4-» - - [14/Mar/2026:09:12:44 +0000] "GET /api/v2/orders?page=3 HTTP/1.1" 200 5123 "-" "curl/8.5.0"',
    '«IP.6-» - - [02/Jan/2026:23:01:07 +0100] "POST /login HTTP/2.0" 401 87 "-" "Mozilla/5.0"',
    'Mar 14 09:12:44 bastion sshd[2211]: Failed password for invalid user admin from «IP.4-» port 52144 ssh2',
    'Mar  3 07:00:01 edge-2 kernel: [UFW BLOCK] IN=eth0 OUT= SRC=«IP.4-» DST=«IP.4-» LEN=60 PROTO=TCP DPT=22',
    '{"level":"warn","ts":"«n:ts»","msg":"rate limited","client_ip":"«IP.any+»","user_email":"«EMAIL+»"}',
    '{"level":"info","msg":"sms sent","to":"«PHONE.intl-»","provider_msg_id":"«n:uuid»"}',
    'level=error msg="payment failed" card=«CARD+» attempt=2 trace_id=«n:hash»',
    'INFO  2026-02-11 10:44:12,087 [worker-3] Notifying «EMAIL-» about job «n:order»',
    'WARN  listener bound to «IP.6b-», fallback «IP.4p-»',
    'Log Name: Security\nSource: Microsoft-Windows-Security-Auditing\nEvent ID: 4625\nAccount Name: {first}\n'
    'Source Network Address: «IP.4+»\nSource Port: 51514',
    'LAST SEEN   TYPE      REASON      OBJECT            MESSAGE\n'
    '42s         Warning   Unhealthy   pod/api-7d9f      Readiness probe failed: Get "http://«IP.4-»:8080/healthz": '
    'context deadline exceeded',
    'Traceback (most recent call last):\n  File "/app/notify.py", line 88, in send\n    smtp.sendmail(sender, '
    'rcpt)\nsmtplib.SMTPRecipientsRefused: {\'«EMAIL-»\': (550, b\'5.1.1 User unknown\')}',
    'java.net.ConnectException: Connection refused (to «IP.4-»:5432)\n\tat java.base/sun.nio.ch.Net.connect0(Native '
    'Method)\n\tat com.acme.pay.Gateway.charge(Gateway.java:214)',
    'ping6 -c1 «IP.6z-»\n1 packets transmitted, 1 received, 0% packet loss',
    '[«n:chatts»] agent: kernel «n:ver» on host build-42, firmware «n:ipver»',
    'dhcpd: DHCPACK on «IP.4-» to «n:mac» via eth1',
    'audit: user={first} action=export rows=«n:qty» ip=«IP+»',
    )

# tables: CSV, TSV, markdown, psql/mysql output, HTML (the naming word only in the header)
tpl("table",
    'name,phone,city\n{first} {last},«PHONE+»,{city}\n{first} {last},«PHONE+»,{city}',
    'id;email;signup\n{num};«EMAIL+»;{date}\n{num};«EMAIL+»;{date}',
    'Name\tMobil\tAbteilung\n{first}\t«PHONE.DE+»\tVertrieb\n{first}\t«PHONE.DE+»\tEinkauf',
    '| Kunde | IBAN | Betrag |\n|---|---|---|\n| {company} | «IBAN+» | «n:price» |\n| {company} | «IBAN+» | «n:price» |',
    '| host | ip | os |\n|------|----|----|\n| web-1 | «IP+» | ubuntu |\n| db-1 | «IP+» | debian |',
    ' id  |      ssn      | state\n-----+---------------+-------\n  {num} | «SSN+» | OR\n  {num} | «SSN+» | TX\n(2 rows)',
    '+-----+------------------+\n| id  | card_number      |\n+-----+------------------+\n| {num} | «CARD+» |\n+-----+------------------+',
    '<table><tr><th>Nom</th><th>Téléphone</th></tr><tr><td>{first}</td><td>«PHONE.FR+»</td></tr></table>',
    'Order\tQty\tSKU\tTotal\n«n:order»\t3\t«n:qty»\t«n:price»',
    'device,imei,iccid\nfleet-{num},«n:imei»,«n:iccid»',
    'ref | amount | when\n«n:order» | «n:price» | «n:ts»',
    'contact_id|email|phone\n{num}|«EMAIL+»|«PHONE+»\n{num}|«EMAIL+»|«PHONE+»',
    'Nombre,Teléfono,Cuenta\n{first},«PHONE.ES+»,«IBAN+»',
    'naam;telefoon;rekening\n{first};«PHONE.NL+»;«IBAN+»',
    'nome,cellulare,carta\n{first},«PHONE.IT+»,«CARD+»',
    'first,last,social_security_number\n{first},{last},«SSN+»',
    'Customer\t\tValue\n{first}\t\t«PHONE-»\n{first}\t\t«EMAIL-»',
    '<tr><td>{first} {last}</td><td>«EMAIL-»</td><td>«PHONE-»</td></tr>',
    )

tpl("html",
    '<form><input type="tel" name="phone" value="«PHONE+»"><input name="email" value="«EMAIL+»"></form>',
    '<label>Telefon</label><input value="«PHONE.DE+»">',
    '<dd class="contact">📞 «PHONE-»</dd><dd>📧 «EMAIL-»</dd>',
    '<li>IBAN: <code>«IBAN+»</code></li>',
    'Tel.：«PHONE.intl+»（内線 {num}）',
    'お支払いカード：«CARD+»。',
    '→ «EMAIL-» ✅',
    )

# e-mail: RFC 5322 headers, threads with quoted replies, signatures, vCard, LDIF
tpl("mail",
    'From: "{last}, {first}" <«EMAIL-»>\nTo: «EMAIL-», «EMAIL-»\nCc: {first} <«EMAIL-»>\nSubject: Q3 numbers',
    'Reply-To: <«EMAIL-»>\nX-Ticket-Id: «n:uuid»\nDate: Tue, 3 Mar 2026 10:14:02 +0100',
    'Thanks, see you Thursday.\n\n--\n{first} {last}\nHead of Ops, {company}\nTel «PHONE+» | Mob «PHONE+»\n«EMAIL-»',
    'Mit freundlichen Grüßen\n{first} {last}\n{company}\nTelefon: «PHONE.DE+»\nTelefax: «PHONE.DE+»\nE-Mail: «EMAIL+»',
    'Cordialement,\n{first} {last}\nTél. : «PHONE.FR+»\nMobile : «PHONE.FR+»',
    'Un saluto,\n{first}\nTel. «PHONE.IT+» - Cell. «PHONE.IT+»',
    'Un saludo,\n{first}\nTfno.: «PHONE.ES+»',
    'Met vriendelijke groet,\n{first}\nTel: «PHONE.NL+»\nE: «EMAIL-»',
    'On Mon, {first} wrote:\n> Can you call me back on «PHONE-»?\n> My card «CARD+» shows a pending charge.\n\nSure, done.',
    '> > IBAN: «IBAN+»\n> Confirmed, paid on {date}.\nThanks!',
    'BEGIN:VCARD\nVERSION:3.0\nFN:{first} {last}\nTEL;TYPE=CELL:«PHONE+»\nTEL;TYPE=WORK:«PHONE+»\nEMAIL;TYPE=INTERNET:«EMAIL+»\nEND:VCARD',
    'dn: uid={first},ou=people,dc=example,dc=org\nmail: «EMAIL+»\ntelephoneNumber: «PHONE+»\nmobile: «PHONE+»',
    'Write to us: <a href="«EMAIL.mailto+»">contact</a>',
    'Questions? «EMAIL.mailto+»',
    'Unsubscribe: https://news.example.com/u?email=«EMAIL.enc+»&list=weekly',
    'POST /signup HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\nname={first}&email=«EMAIL.enc+»&plan=pro',
    'To: «EMAIL-»; «EMAIL-»; «EMAIL-»',
    '«EMAIL-» | «EMAIL-» | «EMAIL-»',
    'Bitte antworten an «EMAIL-».',
    'Contact our DPO (mail: «EMAIL+»).',
    'Envoyez le CV à «EMAIL-» !',
    'Scrivi a «EMAIL-»: rispondiamo entro 24 ore.',
    'ping «EMAIL-»?',
    'Owner: {first} {emoji} «EMAIL-»',
    )

# config: YAML, INI, .env, Terraform, Kubernetes, nginx, XML/SOAP, HTTP headers
tpl("config",
    'database:\n  host: «IP+»\n  port: 5432\n  admin_email: «EMAIL+»',
    '[smtp]\nserver_ip = «IP+»\nfrom = «EMAIL-»\nalert_phone = «PHONE+»',
    'DB_HOST=«IP+»\nSUPPORT_EMAIL=«EMAIL+»\nAPP_VERSION=«n:ver»',
    'resource "aws_security_group_rule" "ssh" {\n  cidr_blocks = ["«IP.4-»/32"]\n  description = "office"\n}',
    'apiVersion: v1\nkind: Service\nspec:\n  clusterIP: «IP.4+»\n  externalIPs:\n    - «IP.4+»',
    'spec:\n  containers:\n  - image: «n:atdocker»\n    env:\n    - name: ONCALL_PHONE\n      value: "«PHONE-»"',
    'server {\n  listen 443 ssl;\n  allow «IP.4-»;\n  allow «IP.6-»;\n  deny all;\n}',
    '<soap:Body><GetCustomerResponse><Email>«EMAIL+»</Email><Phone>«PHONE+»</Phone></GetCustomerResponse></soap:Body>',
    '<Payment><CardNumber>«CARD+»</CardNumber><Amount>«n:price»</Amount></Payment>',
    '<Creditor><IBAN>«IBAN+»</IBAN><BIC>«n:bic»</BIC></Creditor>',
    'X-Forwarded-For: «IP-», «IP-»\nX-Request-Id: «n:uuid»',
    'Forwarded: for="«IP.6b-»";proto=https',
    'upstream backend {\n  server «IP.4-»:8080;\n  server «IP.4-»:8080 backup;\n}',
    'peers:\n  - «IP.6-»\n  - «IP.4-»',
    'allowed_ips = «IP.4p+», «IP.6+»',
    'snmp: sysObjectID «n:oid», firmware «n:ipver»',
    'dependencies:\n  "«n:atpkg»": ok\nengines: node «n:ver»',
    )

# SQL
tpl("sql",
    "INSERT INTO customers (name, email, phone) VALUES ('{first} {last}', '«EMAIL+»', '«PHONE+»');",
    "INSERT INTO payroll (emp_id, ssn, iban, salary) VALUES ({num}, '«SSN+»', '«IBAN+»', «n:price»);",
    "UPDATE cards SET pan = '«CARD+»' WHERE id = {num};",
    "SELECT * FROM sessions WHERE ip = '«IP+»' AND created_at > '«n:ts»';",
    "SELECT count(*) FROM jobs WHERE owner = «n:atsql»;",
    "INSERT INTO t VALUES ('«PHONE-»'), ('«PHONE-»');",
    )

# tickets, issues, code blocks, diffs, notebooks, chat exports, transcripts
tpl("ticket",
    'Ticket {tid} — Priority: High\nReporter: {first} {last}\nCallback phone: «PHONE+»\n\nCustomer cannot log in since «n:ts».',
    '### Steps to reproduce\n1. `curl -v http://«IP.4-»:8080/health`\n2. observe 502\n\nVersion: «n:ver»\n',
    'Bug: validation rejects valid emails like `«EMAIL+»`\n\n```python\nassert is_valid("«EMAIL-»")\n```',
    '```\n$ ip -6 addr show dev eth0\n    inet6 «IP.6z-» scope link\n    inet6 «IP.6-»/64 scope global\n```',
    '```diff\n-  support_phone: "«PHONE+»"\n+  support_phone: "«PHONE+»"\n```\nSwitching the hotline number.',
    'diff --git a/config/contacts.yml b/config/contacts.yml\n@@ -3,4 +3,4 @@\n-  email: «EMAIL+»\n+  email: «EMAIL+»\n   timeout: 30',
    '{"cell_type": "code", "source": ["df = load(\\"leads.csv\\")\\n", "df[df.phone == \\"«PHONE+»\\"]"], '
    '"outputs": [{"text": ["  «EMAIL-»  {city}\\n"]}]}',
    '[«n:chatts»] {first}: can someone ring «PHONE-»? they\'ve been waiting\n[«n:chatts»] {first}: on it {emoji}',
    '{"type": "message", "user": "U{num}", "ts": "«n:chatts»", "text": "my number is «PHONE-» pls call"}',
    '«n:chatts»\n{first}: So the account is «IBAN+», right?\n{first}: Yes, that one.',
    '{first} (10:02): the card on file ends… actually it\'s «CARD+».',
    'Meeting notes {date}\n- {first} to send the deck to «EMAIL-»\n- hotline moves to «PHONE+» (new phone line)\n- see §«n:oid»',
    'Slack export: <@U{num}> can you check «IP-»? it\'s been flapping since «n:ts»',
    'cc @{first} — «n:atpkg» is broken on node «n:ver»',
    'Closes #{num}. Reproduced with «n:atdocker» and firmware «n:ipver».',
    'IMEI «n:imei» and ICCID «n:iccid» belong to the same handset; MAC «n:mac».',
    )

# forms, letters, OCR'd invoices and receipts, bank statements, manifests
tpl("form",
    'APPLICATION FORM\nFull name: {first} {last}\nSocial Security No.: «SSN+»\nDate of birth: {date}\nPhone: «PHONE.US+»',
    'SSN «SSN+»   DOB {date}   EMPLOYER EIN «n:ein»',
    'Patient: {first} {last}   SS#: «SSN+»   MRN: «n:order»',
    'W-2 Wage and Tax Statement\na Employee\'s social security number\n«SSN+»\nb Employer identification number (EIN)\n«n:ein»',
    '1 Employee SSN «SSN.strong+» 2 Wages «n:price»',
    'Sehr geehrte Damen und Herren,\nbitte buchen Sie die Rate von meinem Konto «IBAN+» ab.\nFür Rückfragen: Tel. «PHONE.DE+».\nMit freundlichen Grüßen\n{first} {last}',
    'Madame, Monsieur,\nveuillez trouver mon RIB : IBAN «IBAN+», BIC «n:bic».\nJe reste joignable au «PHONE.FR-».',
    'Gentile cliente, la informiamo che il pagamento con carta «CARD+» è andato a buon fine.',
    'Estimado cliente: su número de cuenta «IBAN+» ha sido verificado.',
    'Geachte heer/mevrouw, het bedrag wordt afgeschreven van IBAN «IBAN+».',
    'INVOICE  «n:order»\nDate {date}\n{product}  x2  «n:price»\nPay to: «IBAN-»\nQuestions: «EMAIL-»',
    'RECHNUNG Nr. «n:order»\nBankverbindung: {company}, IBAN: «IBAN+», BIC: «n:bic»\nUSt-IdNr. DE{num}{num}',
    'RECEIPT\nVISA ************{num}\nAUTH CODE {num}\nTOTAL «n:price»\nThank you!',
    'Card: «CARD+»  Exp: 11/28  CVV: ***',
    'Kreditkarte: «CARD+» gültig bis 09/27',
    'Carte n° «CARD+» — expire fin 2028',
    'Account statement {date}\nIBAN «IBAN+»\n{date} SEPA transfer {company} «n:price»\n{date} Card payment «n:price»',
    'Kontoauszug Nr. {num}\nIBAN «IBAN+»   BIC «n:bic»\nAlter Saldo «n:price»',
    'BILL OF LADING «n:track»\nShipper: {company}, {city}\nConsignee tel: «PHONE.intl+»\nContainer MSCU{num}{num}  Gross «n:qty» kg',
    'PACKING LIST\nSKU «n:qty» — {product}\nTracking: «n:track»\nNotify: «PHONE.intl-»',
    'Please charge the Amex «CARD.amex+» for the deposit.',
    'Routing no. «n:aba», account ending {num} — this is not an IBAN.',
    )

# RAG chunks pasted from PDFs: hyphenated words, odd line breaks, columns run together
tpl("pdf",
    'ter- und Leistungsbedingungen gelten ab {date}. Ansprech-\npartner ist {first} {last}, Telefon «PHONE.DE+», der Ver-\ntrag endet automatisch.',
    'The parties agree as set out in Section «n:oid». Notices shall be sent by e-mail to «EMAIL+» or by regis-\ntered mail to the address above.',
    'Contact Information          Billing Details\n{first} {last}               IBAN «IBAN+»\nphone «PHONE+»           Amount due «n:price»',
    'Schedule B — Fee table (rev. «n:ver»)\nItem «n:qty» .......... «n:price»\nItem «n:qty» .......... «n:price»',
    'ou par téléphone au «PHONE.FR+». Les condi-\ntions générales (article «n:oid») s\'appliquent.',
    'per informazioni contattare l\'uf-\nficio al numero di telefono «PHONE.IT+» oppure scrivere a «EMAIL-».',
    'El titular de la tarjeta «CARD+» acep-\nta las condiciones del contrato.',
    'Name {first} {last} Phone «PHONE+» Email «EMAIL+» Date {date}',
    'Page 3 of 12\n…\nNetwork diagram: gateway «IP-», DNS «IP-», NTP «IP-». Firmware «n:ipver» required.',
    )

# browser devtools, HTTP dumps
tpl("devtools",
    'Request URL: https://api.example.com/v1/users?email=«EMAIL.enc+»\nRequest Method: GET\nStatus Code: 200\n'
    'Remote Address: «IP.6b+»',
    'Request URL: https://pay.example.com/charge\nRemote Address: «IP.4+»:443\nReferrer Policy: strict-origin\n\n'
    'payload: {"pan":"«CARD+»","amount":«n:price»}',
    'console.log: user loaded {"id":"«n:uuid»","email":"«EMAIL+»","tel":"«PHONE+»"}',
    'Set-Cookie: sid=«n:hash»; Path=/; Secure\nETag: W/"«n:hash»"',
    )

# values next to each other: '/', ';', '|', tabs
tpl("adjacent",
    'Tel./Fax: «PHONE+»/«PHONE+»',
    'phones: «PHONE+»; «PHONE+»; «PHONE+»',
    'IPs: «IP.4+»;«IP.4+»;«IP.6+»',
    'emails\t«EMAIL+»\t«EMAIL+»',
    'cards «CARD+»|«CARD+»',
    '«EMAIL-»/«EMAIL-»',
    'IBAN «IBAN+» | BIC «n:bic» | Ref «n:order»',
    'SSN: «SSN+»; DOB: {date}; EIN: «n:ein»',
    '«IP.4-»\t«n:mac»\t«n:ts»',
    )

# values with no word naming them (the "-" side of ctx), and more rare shapes
tpl("bare",
    'Employee record: {first} {last} | «SSN-» | hired {date}',
    "EMPLOYEE'S NAME {first} {last}\n«SSN-»\nWAGES «n:price»",
    '{first} {last}, «SSN-», {city}',
    'Please verify «SSN-» against the payroll file before Friday.',
    'Taxpayer {first} {last} («SSN-») filed on {date}.',
    '{first},{last},{date},«SSN-»',
    'Charged «CARD-» for the {product}, «n:price».',
    'pay with «CARD-» exp 04/29, thanks',
    '{"pm": "«CARD-»", "exp": "04/29", "order": "«n:order»"}',
    'Zahlung mit «CARD-» autorisiert.',
    'Payé avec la «CARD-» le {date}.',
    'Überweisung an {company}, «IBAN-», Betrag «n:price».',
    'Beneficiary: {company} / «IBAN-» / «n:bic»',
    'pagamento a favore di {company} su «IBAN-»',
    'Rückruf bitte unter «PHONE.DE-», danke!',
    'Erreichbar ab 9 Uhr: «PHONE.DE-»',
    'Rappelez-moi au «PHONE.FR-» svp',
    'Joignable au «PHONE.FR-» ou par WhatsApp.',
    'Chiamami al «PHONE.IT-» dopo le 18.',
    'Llámame al «PHONE.ES-» cuando salgas.',
    'Bel me terug op «PHONE.NL-».',
    'Give me a bell on «PHONE.UK-».',
    'reach me at «PHONE.US-» anytime',
    '{first} {last} — «PHONE-» — {city}',
    '{first};{last};«PHONE-»;{city}',
    '[«n:chatts»] {first}: «PHONE-» ← try this one',
    '{company}\n{city}\n«PHONE-»\nTAX INVOICE «n:order»',
    'Zadzwoń do mnie: «PHONE-»',
    'Ring mig på «PHONE-» i eftermiddag.',
    'Soita «PHONE-» huomenna.',
    'Ara beni: «PHONE-»',
    )
tpl("net",
    'listen «IP.4p-» -> backend «IP.6b-»',
    'route add -net «IP.4p-» gw «IP.4-»',
    'ssh -6 admin@«IP.6z-»',
    'curl -g "http://«IP.6b-»/status"',
    'Connecting to «IP.6b-»... connected.',
    'neighbor «IP.6z-» dev eth0 lladdr «n:mac» REACHABLE',
    'IPv6 link-local address: «IP.6z+»',
    'primary «IP.4p-», replica «IP.4p-»',
    'ip route: default via «IP.4+» dev eth0; «IP.4p+» via «IP.4+»',
    'whitelist: «IP.4p-» «IP.6-»',
    )
tpl("links",
    '[Email us](«EMAIL.mailto+»)',
    '<a href="«EMAIL.mailto+»">{first}</a>',
    'href=«EMAIL.mailto+»',
    'GET /track?uid={num}&email=«EMAIL.enc+»&utm_source=newsletter',
    '{"redirect": "https://app.example.com/invite?email=«EMAIL.enc+»"}',
    'form data: email=«EMAIL.enc+»&password=********',
    'Location: /reset?user_email=«EMAIL.enc+»',
    )

# near misses only: numbers that are not PII, in the places they really appear
tpl("neg",
    'Upgraded openssl to «n:ver» and glibc to «n:ver»; see CHANGELOG section «n:oid».',
    'Firmware «n:ipver» fixes the boot loop introduced in «n:ipver».',
    'Assembly version «n:ipver», file version «n:ipver».',
    'Invalid address «n:badip» rejected by the parser (octet out of range).',
    'Row {num}: value «n:badip» is not a valid address, skipped.',
    'Your order «n:order» ships tomorrow; tracking number «n:track».',
    'Package «n:track» out for delivery, est. «n:ts».',
    'Total due: «n:price» (incl. VAT «n:price»).',
    'Location «n:geo», accuracy 12 m, recorded «n:ts».',
    'commit «n:hash»\nAuthor: CI Bot\nDate: «n:ts»',
    'sha256sum: «n:hash»  release.tar.gz',
    'request_id=«n:uuid» span=«n:hash» took «n:chatts»',
    'Ticket «n:ticketno» was merged into «n:ticketno».',
    'ISBN «n:isbn», 2nd edition, «n:price».',
    'Stock: «n:qty» units, batch «n:qty».',
    'Device IMEI: «n:imei» (dual SIM)',
    'SIM ICCID «n:iccid», activated «n:ts».',
    'Interface eth0 HWaddr «n:mac»; bridge «n:mac».',
    'Test card numbers must fail: «n:luhn» (bad checksum).',
    'Rejected: «n:luhn» — Luhn check failed.',
    'This IBAN is invalid: «n:badiban» (checksum mismatch).',
    'IBAN «n:badiban» ungültig – Prüfziffer falsch.',
    'SSN «n:badssn» rejected: that number is never issued.',
    'Invalid SSN in row {num}: «n:badssn».',
    'Employer EIN «n:ein», routing «n:aba».',
    'ABA routing number «n:aba» for wire transfers.',
    'Swift/BIC: «n:bic».',
    'OID «n:oid» maps to the printer MIB.',
    'Run `npm i «n:atpkg»` then restart. Thanks «n:atmention»!',
    'git clone «n:atgit»',
    '«n:atprompt» sudo systemctl restart nginx',
    '```css\n«n:atcss» { .nav { display: none } }\n```',
    '```python\n«n:atpy»\ndef handler(event):\n    return 200\n```',
    'Pinned «n:atgo» in go.mod, tested on «n:ver».',
    'Duration: «n:ts» · heap «n:qty» bytes',
    '[«n:chatts»] build finished in «n:chatts»',
    'Uhrzeit «n:ts», Vorgang «n:order».',
    'Commande «n:order» du «n:ts» : «n:price».',
    'Ordine «n:order», importo «n:price», spedizione «n:track».',
    'Pedido «n:order» — total «n:price».',
    'Bestelling «n:order» geleverd op «n:ts».',
    'Zamówienie «n:order», kwota «n:price».',
    'Beställning «n:order», IMEI «n:imei».',
    'Objednávka «n:order» · ISBN «n:isbn».',
    'Sipariş «n:order», kargo takip «n:track».',
    'Παραγγελία «n:order», ποσό «n:price».',
    '注文番号 «n:order»、金額 «n:price»。',
    '订单号 «n:order»，版本 «n:ver»。',
    'Windows «n:ver», Chrome «n:ver», driver «n:ipver».',
    'Serial «n:qty», firmware «n:ipver», MAC «n:mac», IMEI «n:imei».',
    'Release notes «n:ver»: fixed CVE in §«n:oid»; hashes «n:hash».',
    'Meter reading «n:qty» at «n:ts», coordinates «n:geo».',
    'Invoice «n:order» for «n:price», ref «n:uuid».',
    'Kubernetes uid «n:uuid», observedGeneration {num}.',
    '```java\n«n:atjava»\npublic class OrdersApi {}\n```',
    'ssh «n:atssh» \'df -h\'',
    'Thanks «n:atmention» for the quick review!',
    'Base image pinned: «n:atdocker»',
    'origin\t«n:atgit» (fetch)\norigin\t«n:atgit» (push)',
    '"repository": "«n:atgit»", "version": "«n:ver»"',
    '«n:atprompt» ls -la /var/log',
    '«n:atprompt» tail -f app.log',
    '«n:atmention» can you take a look when you have a minute?',
    'Slack: «n:atmention» the deploy is done {emoji}',
    '```python\nclass Repo:\n    «n:atpy»\n    def items(self):\n        ...\n```',
    'pnpm add «n:atpkg» «n:atpkg»',
    'DECLARE «n:atsql» INT = 500;',
    '<style>«n:atcss» { body { margin: 0 } }</style>',
    'Why does «n:atcss» not apply on Safari?',
    'Spring: add «n:atjava» to the controller method.',
    'go get «n:atgo»',
    'ssh «n:atssh» -L 5432:localhost:5432',
    'Employer ID «n:ein» · bank routing «n:aba» · SWIFT «n:bic»',
    )

# filler paragraphs for long documents (no numbers, so values sit mid-document)
PARAS = [
	"The quarterly review covered onboarding, churn and the migration of the legacy billing system to the new platform.",
	"Alle Beteiligten haben dem Vorschlag zugestimmt; die Umsetzung beginnt nach Freigabe durch die Geschäftsführung.",
	"Le comité a rappelé que les données personnelles ne doivent être conservées que le temps strictement nécessaire.",
	"Il fornitore ha confermato la disponibilità della merce e i tempi di consegna indicati nell'offerta.",
	"El equipo de soporte revisará la incidencia y enviará una actualización antes del cierre del día.",
	"De klant heeft aangegeven dat de levering volgende week mag plaatsvinden, bij voorkeur in de ochtend.",
	"Please keep this thread focused on the rollout; unrelated questions can go to the weekly sync.",
	"Our assistant summarised the conversation below and flagged the open items for follow-up.",
	"Zgodnie z umową strony zobowiązują się do zachowania poufności wszystkich przekazanych informacji.",
	"Vi återkommer med en uppdaterad offert så snart leverantören har bekräftat priserna.",
	"Asiakas toivoi, että toimitus tehdään mahdollisimman pian ja laskutus tapahtuu kuukauden lopussa.",
	"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.",
]

SLOT = re.compile(r"«([A-Z]+)(\.[A-Za-z0-9]+)?([+-])»|«n:([a-z]+)»")
FILL = re.compile(r"\{(first|last|city|company|product|date|emoji|tid|num)\}")
PROSE = ("chat", "mail.", "form", "pdf", "ticket")
WRAPS = [("(", ")"), ("\"", "\""), ("'", "'"), ("[", "]"), ("<", ">"), ("`", "`"), ("“", "”"), ("„", "“"),
	 ("「", "」"), ("**", "**")]


class Builder:
	"""One text: pieces of str, with the byte offsets of labelled slots (as in pii_corpus.py)."""

	def __init__(self):
		self.parts, self.nbytes, self.labels, self.negatives = [], 0, [], []

	def add(self, s):
		self.parts.append(s)
		self.nbytes += len(s.encode("utf-8"))

	def mark(self, s):
		start = self.nbytes
		self.add(s)
		return start, self.nbytes

	def text(self):
		return "".join(self.parts)


class Corpus:
	def __init__(self, seed):
		self.g = pc.Gen(seed, SPLIT)
		self.count = {t: 0 for t in TARGETS}
		self.neg_count = {k: 0 for k in NEG}
		self.sub_used = {}
		self.by_need = {}
		for name, t in T:
			for m in SLOT.finditer(t):
				need = m.group(1) or neg_kind(m.group(4))[0]
				sign = m.group(3) or ""
				self.by_need.setdefault(need, []).append((name, t))
				self.by_need.setdefault(need + sign, []).append((name, t))

	def filler(self, key):
		g, r = self.g, self.g.r
		if key == "first":
			return g.choice(FIRSTN)
		if key == "last":
			return g.choice(LASTN)
		if key == "city":
			return g.choice(CITIES)
		if key == "company":
			return g.choice(COMPANIES)
		if key == "product":
			return g.choice(PRODUCTS)
		if key == "emoji":
			return g.choice(EMOJI)
		if key == "tid":
			return "%s-%d" % (g.choice(["TCK", "SUP", "INC", "REQ"]), r.randint(1000, 99999))
		if key == "num":
			return str(r.randint(2, 9999))
		y, mo, d = r.randint(2024, 2027), r.randint(1, 12), r.randint(1, 28)
		return g.choice(["%04d-%02d-%02d" % (y, mo, d), "%02d.%02d.%04d" % (d, mo, y),
				 "%s %d, %d" % (g.choice(["March", "June", "Oct.", "Jan."]), d, y)])

	def pick_sub(self, typ, flt):
		ok = [s for s in SUBS[typ] if FILTERS[typ + (flt or "")](s)]
		least = min(self.sub_used.get(s, 0) for s in ok)
		sub = self.g.choice([s for s in ok if self.sub_used.get(s, 0) == least])
		self.sub_used[sub] = self.sub_used.get(sub, 0) + 1
		return sub

	def render(self, b, name, t):
		g = self.g
		t = FILL.sub(lambda m: self.filler(m.group(1)), t)
		pos = 0
		for m in SLOT.finditer(t):
			b.add(t[pos:m.start()])
			after = t[m.end():m.end() + 1]
			before = t[m.start() - 1:m.start()] if m.start() else " "
			prose = name.startswith(PROSE) and before in " \n" and after in (" ", "\n", "")
			if m.group(4):
				kind, variants = neg_kind(m.group(4))
				while True:
					v, var = NEG[kind](g)
					if neg_ok(kind, v) and (not variants or var in variants):
						break
				s, e = b.mark(v)
				b.negatives.append({"kind": kind, "variant": var, "tpl": name, "start": s, "end": e})
				self.neg_count[kind] += 1
			else:
				typ, flt, ctx = m.group(1), m.group(2), m.group(3) == "+"
				sub = self.pick_sub(typ, flt)
				v, var, pre, post = GEN[typ](g, sub)
				plain = not pre and not v.startswith("(")
				w1, w2 = g.choice(WRAPS) if prose and plain and g.chance(0.15) else ("", "")
				tail = g.choice([".", ",", ";", ":", "!", "?", "…", " 🙂", ")"]) if prose and not w1 and \
					not post and after in (" ", "") and g.chance(0.1) else ""
				if tail == ")" and not plain:
					tail = "."
				elif tail == ")":
					w1, tail = "(", ")"
				b.add(w1 + pre)
				s, e = b.mark(v)
				b.add(post + w2 + tail)
				b.labels.append({"type": typ, "sub": sub, "variant": var, "ctx": ctx, "tpl": name,
						 "start": s, "end": e})
				self.count[typ] += 1
			pos = m.end()
		b.add(t[pos:])

	def needs(self):
		out = [(1 - self.count[t] / TARGETS[t], t) for t in TARGETS if self.count[t] < TARGETS[t]]
		out += [(1 - self.neg_count[k] / neg_target(k), k) for k in NEG if self.neg_count[k] < neg_target(k)]
		return out

	def one_text(self):
		g = self.g
		needs = self.needs()
		if not needs:
			return None
		w = sum(x for x, _ in needs)
		x, need = g.r.random() * w, needs[-1][1]
		for d, n in needs:
			x -= d
			if x < 0:
				need = n
				break
		rare = {"EMAIL": "links.", "IP": "net."}  # mailto/percent-encoded, zone ids and ports
		if need in rare and g.chance(0.12):
			pieces = [g.choice([(n, t) for n, t in T if n.startswith(rare[need])])]
		else:
			if need in TARGETS:
				# weak formats mostly sit in generic templates: lean to "-" so about half have ctx
				need += "+" if g.chance({"PHONE": 0.3, "SSN": 0.38}.get(need, 0.5)) else "-"
			pieces = [g.choice(self.by_need[need])]
		if g.chance(0.2):
			pieces.append(g.choice(T))
		b = Builder()
		long_doc = g.chance(0.15)
		if long_doc:
			b.add("\n\n".join(g.r.sample(PARAS, g.r.randint(2, 5))) + "\n\n")
		for i, (name, t) in enumerate(pieces):
			if i:
				b.add(g.choice(["\n\n", "\n", "\n---\n"]))
			self.render(b, name, t)
		if long_doc:
			b.add("\n\n" + "\n\n".join(g.r.sample(PARAS, g.r.randint(1, 4))))
		return b

	def generate(self):
		out = []
		while True:
			b = self.one_text()
			if b is None:
				return out
			out.append(b)


# ---- self-check ----------------------------------------------------------------


def check_record(rec):
	raw = rec["text"].encode("utf-8")
	assert "«" not in rec["text"] and not FILL.search(rec["text"]), rec["text"]
	spans = []
	for lab in rec["labels"]:
		v = raw[lab["start"]:lab["end"]].decode("utf-8")
		assert v == v.strip() and v, (lab, v)
		assert check_label(lab, v), (lab["sub"], v)
		spans.append((lab["start"], lab["end"]))
	for neg in rec["negatives"]:
		v = raw[neg["start"]:neg["end"]].decode("utf-8")
		assert v and neg_ok(neg["kind"], v), (neg, v)
		spans.append((neg["start"], neg["end"]))
	spans.sort()
	for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
		assert e1 <= s2, ("overlap", rec["id"])


def selfcheck_specs():
	assert card_valid("4111 1111 1111 1111") and card_valid("3782-822463-10005") and not card_valid("4111111111111112")
	assert iban_valid("DE89 3704 0044 0532 0130 00") and not iban_valid("DE88370400440532013000")
	assert ssn_valid("123-45-6789") and not ssn_valid("666-12-3456") and not ssn_valid("123-00-4567")
	assert ip_valid("fe80::1") and ip_valid("::ffff:192.0.2.1") and not ip_valid("256.1.1.1")
	assert email_valid("o'neill@example.ie") and email_valid("jane%40acme.com") and not email_valid("lodash@4.17.21")
	assert phone_valid("030 1234567", "PHONE/DE-national") and phone_valid("+44 20 7946 0018", "PHONE/UK-intl")
	assert not email_valid("git@github.com:acme/web.git")


def build(seed):
	recs = []
	for i, b in enumerate(Corpus(seed).generate()):
		rec = {"id": "%s-%05d" % (SPLIT, i + 1), "split": SPLIT, "seed": seed, "text": b.text(),
		       "labels": b.labels, "negatives": b.negatives}
		check_record(rec)
		recs.append(json.dumps(rec, ensure_ascii=False))
	return recs


def main():
	ap = argparse.ArgumentParser(description="Generate tollgate's fifth blind held-out PII corpus (JSON lines).")
	ap.add_argument("-o", "--output", help="write here instead of stdout")
	a = ap.parse_args()
	pc.selfcheck()
	selfcheck_specs()
	recs = build(SEED)
	assert recs == build(SEED), "output is not deterministic"
	out = open(a.output, "w", encoding="utf-8") if a.output else sys.stdout
	for line in recs:
		out.write(line + "\n")
	if out is not sys.stdout:
		out.close()


if __name__ == "__main__":
	main()
