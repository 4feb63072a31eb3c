#!/usr/bin/env python3
"""
pii_holdout8.py - the eighth BLIND held-out PII corpus for tollgate's pattern
detectors (EMAIL, PHONE, SSN, CARD, IBAN, IP), meant as the final score of
issue 4, item 6.

How it was written: by "hhold8", from the formats' own specifications and
from what agent traffic looks like, under these blindness rules:
  - the author did NOT read the redaction rules (policies/redaction*.json),
    the detector sources (userspace/detectors.*, detect_*.c, holdback.c,
    redact*.c, tablectx.c), their unit tests, bench/RESULTS-redaction.md,
    bench/redaction.c, the README's Redaction section or any git history of
    those files;
  - the author did NOT read or run any earlier held-out set
    (bench/pii_holdout.py ... pii_holdout7.py);
  - no detector was run on this corpus or on anything else while writing it.
Only bench/pii_corpus.py was read, for its schema, its weak "sub" names and
its value generators / check-digit functions, which are imported below. All
templates, context phrasings and distractor sentences here are new.

Output: JSON lines in the schema of bench/pii_corpus.py, "split": "holdout8",
ids "holdout8-00001"..., one fixed seed (SEED below). start/end are UTF-8
byte offsets, end exclusive; the labelled value is exactly text[start:end].
Usage: python3 bench/pii_holdout8.py -o FILE     (standard library only)

Labelling decisions (where the specs leave room):
  ctx     true exactly when a word naming the value's type (in any of the
          languages used) is in the same line/sentence, or is the JSON/YAML
          key, XML element, form label or table column header of the value.
  EMAIL   RFC 5321/5322 addresses, including atext local parts (o'neill,
          d'arcy, first_last+tag, ops!alerts, r&d, ~user, k=v) -> sub
          "EMAIL/atext"; in From:/To:/Cc: headers with display names and angle
          brackets the label is the addr-spec only (no <>). mailto: links:
          the label is the address without "mailto:" and without "?subject".
          Percent-encoded addresses (jane%40example.com) are labelled, whole
          and encoded, sub "EMAIL/url-encoded", ONLY where a parameter or
          field named email/mail/recipient carries them (a careful reader
          calls that an e-mail address); nowhere else.
          Negatives: npm pins (pkg@1.2.3, @scope/pkg@1.2.3), @mentions,
          decorators, git remotes (git@host:org/repo.git), shell prompts
          (user@host:~$), docker digests, CSS @media, SQL @vars.
  PHONE   Sub names follow pii_corpus.py: PHONE/NANP-<style>,
          PHONE/E164-compact|spaced (other countries), PHONE/<CC>-national and
          PHONE/<CC>-intl for UK, DE, FR, IT, ES, NL. National numbers are
          sometimes written with U+00A0 or U+202F instead of spaces (variant
          says "nbsp"/"nnbsp"). Extensions (", ext. 204", " x204", " #204",
          " Durchwahl -17", " poste 12") are never part of the label: the label
          is the number without the extension.
          Numbers split across a hard line break: none were written (the
          author could not decide a labelling a careful reader would not
          dispute), so every labelled value is on one line.
  SSN     SSA rules (area 001-899 but not 666, group 01-99, serial 0001-9999);
          SSN/dashed (strong), SSN/spaced and SSN/plain (weak).
  CARD    ISO/IEC 7812 brands and lengths with Luhn; plain, spaced
          (issuer grouping: 4-4-4-4, Amex 4-6-5, Diners 4-6-4, 19 digits
          4-4-4-4-3), dashed and dotted ("CARD/<brand>-dotted").
  IBAN    ISO 13616 with mod-97 (and national check digits where
          pii_corpus.py computes them); compact (electronic) and grouped
          (paper, groups of four).
  IP      IPv4 and IPv6 (full, RFC 5952 compressed, embedded IPv4). With a
          port (":443", "[v6]:443") or CIDR suffix ("/24") or zone id
          ("%eth0") the label is the address only. Rule followed for this set:
          loopback (127.0.0.0/8, ::1), unspecified (0.0.0.0, ::) and broadcast
          (255.255.255.255) addresses are NOT labelled; they appear as
          negatives of kind "non-identifying address". Documentation, private
          and link-local addresses are labelled like any other.
  Negatives: a number named as a quantity, SKU, lot, ticket, ISBN ... is a
          negative only where a careful reader would never take it for a phone
          number; a number in a field named phone is always labelled PHONE.
          A Luhn-valid 15/16/19-digit number is a negative only when the text
          names it as something else (IMEI, ICCID). Versions shaped like IPv4
          ("version 10.4.2.1", "firmware 4.12.0.7") are negatives of kind
          "version" because the text names them as versions.
"""
import argparse
import json
import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_corpus as pc  # noqa: E402

SEED = 80870113
SPLIT = "holdout8"
NTEXTS = 1900

# ---- fillers ------------------------------------------------------------------

NAMES = ["Ingrid Halvorsen", "Tomasz Wróbel", "Aoife Byrne", "Mehmet Yılmaz", "Lucía Ortega", "Jan de Vries",
	 "Chiara Bianchi", "Pierre Lefèvre", "Katarzyna Nowak", "Sven Lindqvist", "Eleni Papadopoulou",
	 "Jiří Dvořák", "Mette Kjær", "Aino Virtanen", "Radu Popescu", "Haruto Sato", "Li Na", "Dylan O'Neill",
	 "Grace Achebe", "Marcus Webb", "Priya Raman", "Joaquim Sousa", "Zofia Lis", "Henrik Berg"]
ORGS = ["Fjordline Logistics", "Quarry & Pike LLP", "Brightwater Clinic", "Nordhafen GmbH", "Atelier Mistral SARL",
	"Castello Foods S.p.A.", "Helix Biolabs", "Tulpstraat Holding B.V.", "Ridgeway Insurance", "Baltic Amber Sp. z o.o."]
CITIES = ["Bergen", "Kraków", "Cork", "İzmir", "Valencia", "Utrecht", "Torino", "Lyon", "Göteborg", "Brno", "Aarhus"]
ATLOCALS = ["o'neill", "d'arcy", "mary-kate.o'hara", "first_last+tag", "ops!alerts", "r&d", "~jdoe", "k=v.team",
	    "sales&support", "jean-luc.d'artois", "billing+invoices_eu", "x_y.z+2025q1", "info#nl", "a*b.test"]
ATDOMS = ["example.com", "mail.example.org", "corp.example.net", "helixbio.health", "fjordline.no",
	  "nordhafen.de", "quarrypike.law", "brightwater.clinic", "castello.it", "tulp.nl"]


def name(g):
	return g.choice(NAMES)


def org(g):
	return g.choice(ORGS)


# ---- value generators (imported spec-valid generators, new wrappings) -------------


def gen_email(g):
	k = g.r.random()
	if k < 0.22:
		v = g.choice(ATLOCALS) + "@" + g.choice(ATDOMS)
		return v, "EMAIL/atext", "atext"
	sub = g.choice(["basic", "plus-tag", "subdomain", "long-tld", "digits-underscore", "mixed-case", "punycode"])
	v, var, _ = pc.email(g, sub)
	return v, "EMAIL/" + sub, var


NATIONAL_CC = ["UK", "DE", "FR", "IT", "ES", "NL"]


def gen_phone(g):
	k = g.r.random()
	if k < 0.2:
		sub = g.choice(["paren", "dashed", "dotted", "spaced", "plain", "plus1", "trunk1"])
		v, var, _ = pc.nanp(g, sub)
		return v, "PHONE/NANP-" + sub, var
	if k < 0.32:
		sub = g.choice(["compact", "spaced"])
		v, var, _ = pc.e164(g, sub)
		return v, "PHONE/E164-" + sub, var
	cc = g.choice(NATIONAL_CC)
	form = "national" if g.chance(0.55) else "intl"
	v, var, _ = pc.national(g, cc, form)
	if " " in v and g.chance(0.3):
		sp = g.choice(["\u00a0", "\u202f"])
		v = v.replace(" ", sp)
		var += " nbsp" if sp == "\u00a0" else " nnbsp"
	return v, "PHONE/%s-%s" % (cc, form), var


def gen_ssn(g):
	sub = g.choice(["dashed", "dashed", "spaced", "plain"])
	v, var, _ = pc.ssn(g, sub)
	return v, "SSN/" + sub, var


CARD_BRANDS = ["visa", "mastercard", "mastercard2", "amex", "discover", "jcb", "diners", "unionpay"]


def gen_card(g):
	brand = g.choice(CARD_BRANDS)
	num, groups = pc.card_number(g, brand)
	fmt = g.choice(["plain", "spaced", "spaced", "dashed", "dotted"])
	sep = {"plain": "", "spaced": " ", "dashed": "-", "dotted": "."}[fmt]
	v = num if fmt == "plain" else pc.group(num, groups, sep)
	return v, "CARD/%s-%s" % (brand, fmt), "%d digits" % len(num)


def gen_iban(g):
	v, cc = pc.iban_value(g)
	if g.chance(0.5):
		return pc.group(v, [4] * 8, " ").strip(), "IBAN/grouped", cc
	return v, "IBAN/compact", cc


def gen_ip(g):
	"""(label value, sub, variant, text before, text after): decorations are outside the label."""
	k = g.r.random()
	if k < 0.3:
		return pc.ipv4(g), "IP/v4", "v4", "", ""
	if k < 0.45:
		a = pc.ipv4(g)
		d = g.choice([":%d" % g.choice([22, 80, 443, 5432, 6379, 8080, 8443, 51820]), "/%d" % g.choice([8, 16, 24, 28, 32])])
		return a, "IP/v4-port-cidr", "port" if d[0] == ":" else "cidr", "", d
	if k < 0.57:
		gs = pc.v6_groups(g)
		v = ":".join(x.zfill(4) for x in gs) if g.chance(0.5) else ":".join(x.lstrip("0") or "0" for x in gs)
		return v, "IP/v6-full", "full", "", ""
	if k < 0.85:
		gs = pc.v6_groups(g)
		z = g.r.randint(2, 4)
		at = g.r.randint(2, 7 - z)
		gs[at:at + z] = ["0"] * z
		v = pc.v6_compress(gs)
		if v.startswith("fe80") and g.chance(0.6):
			return v, "IP/v6-compressed", "zone id", "", "%" + g.choice(["eth0", "en0", "wlan0", "ens192", "12"])
		if g.chance(0.35):
			return v, "IP/v6-compressed", "bracket port", "[", "]:%d" % g.choice([443, 8443, 53, 9000])
		if g.chance(0.4):
			v = v.upper()
		return v, "IP/v6-compressed", "compressed", "", ""
	a = pc.ipv4(g)
	form = g.choice(["::ffff:%s", "64:ff9b::%s", "::FFFF:%s", "2001:db8:1::%s"])
	return form % a, "IP/v6-ipv4", "embedded v4", "", ""


# ---- negative generators ------------------------------------------------------------


def neg_at(g):
	r = g.r
	k = g.choice(["npm pin", "scoped npm", "mention", "decorator", "git remote", "shell prompt", "docker digest",
		      "css media", "sql var"])
	if k == "npm pin":
		return "%s@%d.%d.%d" % (g.choice(["zod", "axios", "next", "esbuild", "pnpm", "vitest"]), r.randint(0, 15),
					r.randint(0, 30), r.randint(0, 40)), k
	if k == "scoped npm":
		return "@%s/%s@%d.%d.%d" % (g.choice(["nestjs", "vue", "sentry", "tanstack", "prisma"]),
					   g.choice(["core", "client", "node", "query", "cli"]), r.randint(0, 9),
					   r.randint(0, 30), r.randint(0, 40)), k
	if k == "mention":
		return "@" + g.choice(["ingrid.h", "tomasz_w", "aoife", "devops-oncall", "lucia.o", "jdevries"]), k
	if k == "decorator":
		return "@" + g.choice(["lru_cache", "property", "router.get", "Injectable", "pytest.mark.slow"]), k
	if k == "git remote":
		return "git@%s:%s/%s.git" % (g.choice(["github.com", "gitlab.com", "bitbucket.org", "git.example.com"]),
					     g.choice(["helix", "fjordline", "infra", "platform"]),
					     g.choice(["api", "billing-svc", "terraform-live", "charts"])), k
	if k == "shell prompt":
		return "%s@%s:~$" % (g.choice(["root", "deploy", "ubuntu", "ec2-user"]),
				     g.choice(["web-01", "db-primary", "bastion", "build-7"])), k
	if k == "docker digest":
		return "%s@sha256:%s" % (g.choice(["alpine", "node", "grafana/grafana", "busybox"]), g.hexs(64)), k
	if k == "css media":
		return "@media (max-width: %dpx)" % g.choice([480, 640, 768, 1024]), k
	return "@%s" % g.choice(["customer_id", "from_date", "total_due", "rowcount"]), k


def neg_nonid(g):
	k = g.choice(["loopback v4", "loopback v6", "unspecified v4", "unspecified v6", "broadcast"])
	v = {"loopback v4": "127.0.%d.%d" % (g.r.randint(0, 1), g.r.randint(1, 9)), "loopback v6": "::1",
	     "unspecified v4": "0.0.0.0", "unspecified v6": "::", "broadcast": "255.255.255.255"}[k]
	if k == "loopback v4" and g.chance(0.6):
		v = "127.0.0.1"
	return v, k


def neg_version(g):
	r = g.r
	k = g.choice(["four-part build", "firmware", "pip pin", "semver", "kernel", "ip-like build"])
	if k == "four-part build":
		return "%d.%d.%d.%d" % (r.randint(1, 30), r.randint(0, 9), r.randint(0, 999), r.randint(0, 9999)), k
	if k == "firmware":
		return "%d.%d.%d.%d" % (r.randint(1, 9), r.randint(0, 20), r.randint(0, 9), r.randint(1, 250)), k
	if k == "pip pin":
		return "%s==%d.%d.%d" % (g.choice(["requests", "numpy", "pydantic", "fastapi", "boto3"]), r.randint(0, 3),
					 r.randint(0, 40), r.randint(0, 20)), k
	if k == "semver":
		return "%d.%d.%d" % (r.randint(0, 20), r.randint(0, 30), r.randint(0, 50)), k
	if k == "kernel":
		return "%d.%d.%d-%d-generic" % (r.randint(5, 6), r.randint(0, 15), r.randint(0, 200), r.randint(1, 120)), k
	return "%d.%d.%d.%d" % (r.randint(100, 199), r.randint(0, 255), r.randint(0, 255), r.randint(0, 255)), k


def neg_tracking(g):
	r = g.r
	k = g.choice(["ups", "dhl", "postnl", "fedex"])
	if k == "ups":
		return "1Z%s%s" % (g.letters(2) + g.digits(4), g.digits(10)), k
	if k == "dhl":
		return g.digits(10, "123456789"), k
	if k == "postnl":
		return "3S%s%d" % (g.letters(4), r.randint(10000000, 99999999)), k
	return g.digits(12, "123456789"), k


NEG = {
	"card failing Luhn": lambda g: pc.neg_card_luhn(g),
	"IBAN failing mod-97": lambda g: pc.neg_iban(g),
	"invalid SSN": lambda g: pc.neg_ssn(g),
	"version": neg_version,
	"timestamp": lambda g: pc.neg_timestamp(g),
	"order number": lambda g: pc.neg_order(g),
	"price": lambda g: pc.neg_price(g),
	"coordinates": lambda g: pc.neg_coords(g),
	"hash": lambda g: pc.neg_hash(g),
	"UUID": lambda g: pc.neg_uuid(g),
	"phone-like number, non-phone context": lambda g: pc.neg_phone_like(g),
	"IMEI (Luhn-valid)": lambda g: pc.neg_imei(g),
	"ICCID (Luhn-valid)": lambda g: pc.neg_iccid(g),
	"MAC address": lambda g: pc.neg_mac(g),
	"OID / section number": lambda g: pc.neg_oid(g),
	"@ but not an e-mail": neg_at,
	"EIN": lambda g: pc.neg_ein(g),
	"ABA routing number": lambda g: pc.neg_aba(g),
	"non-identifying address": neg_nonid,
	"tracking number": neg_tracking,
}
NEG_ALIAS = {"luhn": "card failing Luhn", "iban": "IBAN failing mod-97", "ssn": "invalid SSN", "ver": "version",
	     "ts": "timestamp", "order": "order number", "price": "price", "geo": "coordinates", "hash": "hash",
	     "uuid": "UUID", "plike": "phone-like number, non-phone context", "imei": "IMEI (Luhn-valid)",
	     "iccid": "ICCID (Luhn-valid)", "mac": "MAC address", "oid": "OID / section number",
	     "at": "@ but not an e-mail", "ein": "EIN", "aba": "ABA routing number",
	     "lo": "non-identifying address", "track": "tracking number"}

# ---- templates --------------------------------------------------------------------
#
# Slots: «E» e-mail, «P» phone, «S» SSN, «C» card, «B» IBAN, «I» IP; a "+" suffix
# means the text names the value's type (ctx true). «Px+» a phone followed by an
# extension (not labelled). «Eh+» e-mail as a header addr-spec, «Em+» a mailto:
# link, «Eu+» a percent-encoded address in a field named email. «N:alias» a
# negative. «name», «org», «city», «n» (small number), «date» are fillers.

T = []


def tpl(shape, text, weight=1):
	T.append((shape, text, weight))


# chat prompts and replies
tpl("chat", "Can you draft a polite reminder to «name»? Her email is «E+» and the invoice «N:order» is overdue.")
tpl("chat", "hey, quick one — call me back on my mobile «P+» after 5? thx")
tpl("chat", "Sure! I've updated the record. New mobile: «P+»; old one («P+») is archived.")
tpl("chat", "Summarize this: «name» paid «N:price» with the Visa card «C+» on «N:ts».")
tpl("chat", "pls check why «I» keeps timing out, it started after we upgraded to «N:ver»")
tpl("chat", "My SSN is «S+» — is it safe to paste it here?")
tpl("chat", "Wire it to «B» (that's our operating account) by Friday.")
tpl("chat", "the IBAN they gave is «B+», reference «N:order».")
tpl("chat", "«E» wrote back, and «E» is cc'd. Reply to both?")
tpl("chat", "Translate to German: \"Please call «name» at «P» regarding order «N:order».\"")
tpl("chat", "Assistant: I found two numbers for «org»: «P» and «P». Which one should I use?")
tpl("chat", "Can u reach me on my cell «P+»??? 🙏")
tpl("chat", "Ping me at «E+» 👍")
tpl("chat", "card ending… no wait, full number «C+». exp 09/27")
tpl("chat", "He said «S» was on the W-2 but the employer EIN «N:ein» looks off.")
# support tickets
tpl("ticket", "Ticket «N:order»\nCustomer: «name»\nE-mail: «E+»\nPhone: «P+»\nIssue: card «C+» declined at checkout, device IMEI «N:imei».")
tpl("ticket", "Subject: refund request\n\nHello, I was charged twice (« N:price» each). Please refund to IBAN «B+». My phone number is «Px+».\nRegards,\n«name»")
tpl("ticket", "[Zendesk #«n»] Customer «name» («E») cannot log in from «I». SIM ICCID «N:iccid».")
tpl("ticket", "Priority: high | Reporter email: «E+» | Callback: «P+» | Asset MAC: «N:mac»")
# JSON tool results
tpl("json", "{\"customer\": {\"id\": \"«N:uuid»\", \"name\": \"«name»\", \"contact\": {\"email\": \"«E+»\", \"phone\": \"«P+»\"}}, \"balance\": \"«N:price»\"}")
tpl("json", "{\"employee\":{\"ssn\":\"«S+»\",\"payroll\":{\"iban\":\"«B+»\",\"routing\":\"«N:aba»\"}},\"updated\":\"«N:ts»\"}")
tpl("json", "{\"results\":[{\"mail\":\"«E+»\"},{\"mail\":\"«E+»\"}],\"next_cursor\":\"«N:hash»\"}")
tpl("json", "{\"payment_method\": {\"type\": \"card\", \"card_number\": \"«C+»\", \"exp\": \"11/28\"}, \"order\": \"«N:order»\"}")
tpl("json", "{\"remote_addr\":\"«I+»\",\"ua\":\"Mozilla/5.0 Chrome/«N:ver»\",\"ts\":\"«N:ts»\"}")
tpl("json", "{\"recipients\": [\"«E+»\", \"«E+»\", \"«E+»\"], \"subject\": \"Q3 numbers\"}")
tpl("json", "{\"device\": {\"imei\": \"«N:imei»\", \"iccid\": \"«N:iccid»\", \"mac\": \"«N:mac»\", \"last_ip\": \"«I+»\"}}")
tpl("json", "{\"tel\": \"«P+»\", \"fax\": \"«P+»\", \"lat_lon\": \"«N:geo»\"}")
tpl("json", "{\"notes\": \"Customer read out «P» twice, then hung up.\", \"sku\": \"«N:order»\"}")
# function-call arguments
tpl("fncall", "send_email(to=\"«E+»\", cc=[\"«E+»\"], subject=\"Contract «N:oid»\")")
tpl("fncall", "{\"name\": \"create_payout\", \"arguments\": \"{\\\"iban\\\": \\\"«B+»\\\", \\\"amount\\\": \\\"«N:price»\\\"}\"}")
tpl("fncall", "tool_call: sms.send({recipient_phone: '«P+»', body: 'Your code is 482913'})")
tpl("fncall", "lookup_host(address=\"«I+»\", timeout=30)")
# logs
tpl("log", "«I» - - [12/Mar/2026:09:14:07 +0000] \"POST /api/v2/login HTTP/1.1\" 401 512 \"-\" \"curl/8.5.0\"")
tpl("log", "Mar  3 04:12:55 web-01 sshd[«n»]: Failed password for invalid user admin from «Ip+» port 51022 ssh2")
tpl("log", "{\"level\":\"warn\",\"msg\":\"smtp bounce\",\"rcpt\":\"«E+»\",\"queue_id\":\"«N:hash»\"}")
tpl("log", "2026-02-11T08:00:01Z INFO billing: charged card=«C+» amount=«N:price» build=«N:ver»")
tpl("log", "upstream connect error to «I4»:8443 (client «Ip», request «N:uuid»)")
tpl("log", "listening on «N:lo=unspecified v4/loopback v4»:8080 and «I+»; health check from «N:lo=loopback v4/loopback v6» ok")
tpl("log", "k8s event: Pod api-7d9f (node ip «I+») pulled image «N:at=docker digest» in 2.3s")
# stack traces
tpl("trace", "Traceback (most recent call last):\n  File \"crm/sync.py\", line «n», in push\n    client.update(email=\"«E+»\")\nValueError: duplicate contact «E»")
tpl("trace", "java.net.ConnectException: Connection refused: /«I4+»:5432\n\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnection(ConnectionFactoryImpl.java:«n»)")
# CSV / TSV / markdown / psql
tpl("csv", "name,email,phone\n«name»,«E+»,«P+»\n«name»,«E+»,«P+»")
tpl("csv", "employee_id\tssn\thire_date\n«n»\t«S+»\t2021-04-0«n»")
tpl("csv", "| Account holder | IBAN | Balance |\n|---|---|---|\n| «name» | «B+» | «N:price» |")
tpl("csv", "| host | address | version |\n|------|---------|---------|\n| db-2 | «I+» | «N:ver» |")
tpl("csv", " id | card_number         | status\n----+---------------------+--------\n «n» | «C+» | active\n(1 row)")
tpl("csv", "sku;qty;lot;price\n«N:plike»;12;«N:order»;«N:price»")
tpl("csv", "Name\tMobil\tE-Mail\n«name»\t«P+»\t«E+»")
# email bodies, headers, vCard, LDIF, quoted replies
tpl("mail", "From: \"«name»\" <«Eh»>\nTo: «Eh», «Eh»\nCc: Billing <«Eh»>\nSubject: Re: Invoice «N:order»")
tpl("mail", "On Tue, «name» wrote:\n> Please use my new number «P+».\n> Thanks!\n\nNoted, updated.")
tpl("mail", "Best regards,\n«name»\n«org»\nTel. «P+» | Mobile «P+»\n«E»")
tpl("mail", "BEGIN:VCARD\nVERSION:3.0\nFN:«name»\nTEL;TYPE=cell:«P+»\nEMAIL;TYPE=work:«E+»\nEND:VCARD")
tpl("mail", "dn: uid=«n»,ou=people,dc=example,dc=com\nmail: «E+»\ntelephoneNumber: «P+»")
tpl("mail", "Contact us: <a href=\"«Em+»\">write to us</a> or phone us on «P+».")
# config
tpl("config", "smtp:\n  from: «E+»\n  relay_host: «I+»\n  port: 587\n  tls_min: \"1.2\"")
tpl("config", "[db]\nhost = «I+»\nreplica_host = «I+»\nversion = «N:ver»")
tpl("config", "ALERT_EMAIL=«E+»\nONCALL_PHONE=«P+»\nBIND_ADDR=«N:lo=unspecified v4/loopback v4»")
tpl("config", "resource \"aws_security_group_rule\" \"ssh\" {\n  cidr_blocks = [\"«I4»/32\"]\n  description = \"office, ticket «N:order»\"\n}")
tpl("config", "spec:\n  loadBalancerIP: «Ip+»\n  externalTrafficPolicy: Local\n  # image «N:at=docker digest»")
# SQL
tpl("sql", "INSERT INTO customers (name, email, phone, ssn) VALUES ('«name»', '«E+»', '«P+»', '«S+»');")
tpl("sql", "DECLARE «N:at=sql var» INT = 0; SELECT * FROM payments WHERE iban = '«B+»';")
# HTTP headers / devtools / forms
tpl("http", "POST /subscribe HTTP/1.1\nHost: api.example.com\nX-Forwarded-For: «Ip», «Ip»\nContent-Type: application/x-www-form-urlencoded\n\nemail=«Eu+»&plan=pro")
tpl("http", "Request URL: https://shop.example.com/checkout?ref=«N:order»&email=«Eu+»\nRemote Address: [«I6+»]:443")
tpl("http", "<form><label>Telefon</label><input name=\"tel\" value=\"«P+»\"><label>E-Mail</label><input value=\"«E+»\"></form>")
tpl("http", "<tr><td>«name»</td><td>«C»</td><td>«N:ts»</td></tr>")
# XML / SOAP / protobuf / GraphQL
tpl("xml", "<soap:Body><Customer><Email>«E+»</Email><Phone>«P+»</Phone><Iban>«B+»</Iban></Customer></soap:Body>")
tpl("xml", "contact {\n  email: \"«E+»\"\n  phone_number: \"«P+»\"\n  device_mac: \"«N:mac»\"\n}")
tpl("xml", "{\"data\":{\"user\":{\"emailAddress\":\"«E+»\",\"lastLoginIp\":\"«I+»\",\"id\":\"«N:uuid»\"}}}")
# clinical / HL7 / FHIR
tpl("clinical", "PID|1||«n»^^^MRN||«name»||19800412|F|||Main St^^«city»||«P»|||||«S»")
tpl("clinical", "{\"resourceType\":\"Patient\",\"telecom\":[{\"system\":\"phone\",\"value\":\"«P+»\"},{\"system\":\"email\",\"value\":\"«E+»\"}]}")
# OCR / PDF / bank statement / invoice
tpl("ocr", "INVOICE «N:order»\nDate «N:ts»\nTotal due «N:price»\nPay to IBAN: «B+»\nBIC NWBKGB2L")
tpl("ocr", "RECEIPT  Store 0412  Lane 3\nVISA ************«n»\nAUTH 0«n»  «N:ts»\nThank you!  Tel. «P+»")
tpl("ocr", "Kontoauszug «N:ts»  Buchung: SEPA-Überweisung an «name»  IBAN «B+»  Betrag «N:price»")
tpl("ocr", "Social Security No. «S+»   Date of birth 04/12/1980   Signature ______")
tpl("ocr", "The applicant («name», SSN «S+») lists «org» as employer (EIN «N:ein»); see clause «N:oid».")
tpl("ocr", "Bank statement page 2 of 4 Account «B+» Opening balance «N:price» Closing balance «N:price»")
tpl("pdf", "arising under Section «N:oid» of the Agreement shall be sent to «E+» or by fax to «P+» with a copy to counsel.")
tpl("pdf", "Für Rückfragen erreichen Sie uns unter Telefon «P+» (Mo–Fr) oder per E-Mail an «E+».")
# shipping manifest
tpl("manifest", "CONSIGNEE: «org» «city»  TEL «P+»  AWB «N:track»  WEIGHT 12.4KG  ISBN «N:plike=isbn10/isbn13»")
tpl("manifest", "Shipment «N:track» from «city»; receiver phone «P+»; coords «N:geo»")
# git diffs / notebooks / Jira / GitHub
tpl("diff", "--- a/config/contacts.yml\n+++ b/config/contacts.yml\n@@ -3,2 +3,2 @@\n-  oncall_email: «E+»\n+  oncall_email: «E+»")
tpl("diff", "diff --git a/hosts b/hosts\n-«I» db-old\n+«I» db-new\n # pinned «N:ver»")
tpl("notebook", "{\"cell_type\": \"code\", \"source\": [\"df = load('s3://bucket/«N:hash».parquet')\\n\"], \"outputs\": [{\"text\": [\"contact_email    «E+»\\n\"]}]}")
tpl("issue", "### Steps to reproduce\n```\n$ curl -v http://«I4+»:8080/health\n```\nRemote: «N:at=git remote», reported by «N:at=mention»")
tpl("issue", "Bug: the validator rejects `«E+»` as an invalid email address (RFC 5322 allows it). Version «N:ver».")
tpl("issue", "Sentry: IntegrityError for user «E» on «N:ts» (release «N:ver», event «N:uuid»)")
# Slack / transcripts
tpl("slack", "[09:41] «name»: can someone call the vendor? their phone number is «P+»\n[09:42] «name»: done ✅")
tpl("slack", "[14:03:22] «name»: my corporate card «C+» got flagged again 😤")
tpl("slack", "#incident-«n» «N:at=mention» blocked «I» at the edge, see «N:order»")
tpl("transcript", "Agent: Could you confirm the last digits? Caller: sure, it's «S». Agent: thanks, and a callback number? Caller: the phone is «P+».")
# Windows event log / Kubernetes
tpl("event", "EventID 4625  An account failed to log on.  Source Network Address: «I+»  Source Port: 50122  Logon Process: NtLmSsp")
tpl("event", "Warning  FailedMount  pod/ledger-0  MountVolume failed for «N:uuid»: dial tcp «I4+»:2049: i/o timeout")
# adjacency: separators
tpl("adjacent", "phones: «P+» / «P+» / «P+»")
tpl("adjacent", "emails: «E+»;«E+»;«E+»")
tpl("adjacent", "addr|«I+»|«I+»|«N:mac»")
tpl("adjacent", "cards on file:\t«C+»\t«C+»")
tpl("adjacent", "IBANs (old | new): «B+» | «B+»")
# multilingual context words
tpl("intl", "Téléphone portable : «P+», courriel : «E+».")
tpl("intl", "Per favore chiamami al cellulare «P+» oppure scrivi a «E+».")
tpl("intl", "Mi móvil es «P+» y mi cuenta IBAN «B+».")
tpl("intl", "Bel me op mijn mobiel «P+» of mail naar «E+».")
tpl("intl", "Mein Handy: «P+», Durchwahl im Büro siehe Telefonliste.")
tpl("intl", "Telefone para contato: «P+». E-mail: «E+».")
tpl("intl", "Numer telefonu: «P+», numer konta (IBAN): «B+».")
tpl("intl", "Ring mig på mobilnummer «P+» eller mejla «E+».")
tpl("intl", "Telefonní číslo: «P+», e-mail «E+».")
tpl("intl", "Ring til mit mobilnummer «P+», eller skriv til «E+». Kontonummer (IBAN) «B+».")
tpl("intl", "Puhelinnumero «P+», sähköposti «E+».")
tpl("intl", "Telefon numaram «P+», e-posta adresim «E+».")
tpl("intl", "Număr de telefon: «P+», cont IBAN: «B+».")
tpl("intl", "Τηλέφωνο: «P+», email: «E+».")
tpl("intl", "電話番号: «P+» メール: «E+»")
tpl("intl", "电话：«P+»，邮箱：«E+»，IP地址：«I+»")
tpl("intl", "Carta di credito «C+», scadenza 03/29.")
tpl("intl", "Numéro de carte bancaire : «C+» (CB).")
tpl("intl", "Kreditkarte «C+» wurde am «N:ts» belastet.")
# no-context mentions (ctx false)
tpl("noctx", "«name» — «P» — «city»")
tpl("noctx", "Remind «name» («P») about the «N:ts» meeting.")
tpl("noctx", "Routing: «N:aba»; beneficiary «name»; «B»")
tpl("noctx", "Values from the form, in order: «S», «name», «city».")
tpl("noctx", "ok so «C», then the CVV, right?")
tpl("noctx", "see «E» for details.")
tpl("noctx", "just try «I» again")
tpl("noctx", "«P»!")
tpl("noctx", "Reach out («E») or drop by.")
tpl("noctx", "'«S»'")
tpl("noctx", "[«P»]")
tpl("noctx", "He gave me «P», then left.")
# extensions
tpl("ext", "Main phone line «Px+», ask for accounts.")
tpl("ext", "Telefonzentrale «Px+»")
tpl("ext", "Switchboard phone: «Px+».")
# long documents
tpl("long", "MEETING NOTES\n\nAttendees: «name», «name», «name».\n\n1. Roadmap. The team agreed to ship «N:ver» before «N:ts». Open items tracked in «N:order» and «N:order».\n2. Infra. The cache cluster moved; clients must point at «I+» instead of the old host. Build «N:ver» fixes the leak.\n3. Vendors. Contact for «org» is «name» (email «E+», desk phone «P+»).\n4. Finance. Supplier refund goes to IBAN «B+». Amount «N:price».\n5. AOB. Nothing else; next sync «N:ts».")
tpl("long", "Lorem ipsum policy text. Clause «N:oid» defines notice periods. Clause «N:oid» covers fees of «N:price» per month, reviewed each quarter. Any personal data (for example the e-mail address «E+» or the phone «P+» of the data subject) is processed under Article 6. Item «N:plike» in the price list is unaffected. The processor's systems at «I» keep logs for 30 days, identified by «N:uuid».")
# negative-only texts (realistic near misses)
tpl("neg", "Upgraded firmware to «N:ver» on all APs; MACs «N:mac» and «N:mac» still on «N:ver».")
tpl("neg", "ISBN «N:plike=isbn10/isbn13», quantity 3, order «N:order», shipped «N:ts».")
tpl("neg", "Test card «N:luhn» should fail Luhn validation; so should «N:luhn».")
tpl("neg", "The IBAN «N:iban» was rejected (checksum mismatch).")
tpl("neg", "SSN field validation: «N:ssn» is not a valid SSN, rejected by the form.")
tpl("neg", "IMEI «N:imei», ICCID «N:iccid», SIM slot 1.")
tpl("neg", "git clone «N:at=git remote» && npm i «N:at=npm pin/scoped npm»")
tpl("neg", "«N:at=shell prompt» sudo systemctl restart nginx")
tpl("neg", "«N:at=css media» { .sidebar { display: none } }")
tpl("neg", "OID «N:oid» maps to the commonName attribute; see RFC section «N:oid».")
tpl("neg", "sha256 «N:hash», git «N:hash», trace «N:uuid»")
tpl("neg", "Tracking number «N:track» (carrier), reference «N:order».")
tpl("neg", "Employer EIN «N:ein», bank routing number «N:aba».")
tpl("neg", "Bind to «N:lo=loopback v4/loopback v6» for local dev, never «N:lo=unspecified v4/unspecified v6» in prod; broadcast «N:lo=broadcast» is disabled.")
tpl("neg", "Location «N:geo», elevation 412 m, recorded «N:ts».")
tpl("neg", "Subtotal «N:price», VAT «N:price», total «N:price».")
tpl("neg", "Kernel «N:ver=kernel» panicked at «N:ts» (uptime «N:ts=duration»).")
tpl("neg", "pip install «N:ver=pip pin» && python -m pytest «N:at=decorator»-marked tests")
tpl("neg", "Device serial IMEI «N:imei» passed Luhn; part number «N:plike» ordered.")


# more phone/SSN mentions with no word naming the type (weak formats are scored only with ctx)
tpl("noctx", "«name» · «org» · «P»", 2)
tpl("noctx", "Reached «name» on «P» at 10:40, she'll send the signed copy.", 2)
tpl("noctx", "name,city,contact\n«name»,«city»,«P»\n«name»,«city»,«P»", 2)
tpl("noctx", "If nobody answers, try «P» or «P».", 2)
tpl("noctx", "«P» (evenings only)", 2)
tpl("noctx", "Notes: spoke with «name», «P», wants a quote for 40 units.", 2)
tpl("noctx", "Herr «name», «P», «city»", 2)
tpl("noctx", "Contact : «name», «P».", 2)
tpl("noctx", "Sig. «name» — «P» — «city»", 2)
tpl("noctx", "«name»\n«org»\n«P»\n«city»", 2)
tpl("noctx", "ID on file: «S»", 2)
tpl("noctx", "applicant «name» / «S» / DOB 1979-03-02", 2)
tpl("noctx", "«name» («S») — approved on «N:ts»", 2)
tpl("noctx", "Row 14: «S», «name», «city», «N:price»", 2)
tpl("noctx", "Charge «C» for the renewal.", 2)
tpl("noctx", "Payment: «C» exp 04/29", 2)
tpl("noctx", "paid with «C» at «org»; receipt «N:order»")
# more typed mentions
tpl("card", "Card number: «C+»\nName on card: «name»\nExpiry: 12/27", 2)
tpl("card", "{\"card\":{\"pan\":\"«C+»\",\"brand\":\"auto\"},\"amount_minor\":4999}")
tpl("card", "Amex «C+» / Mastercard «C+»")
tpl("card", "Please don't store the credit card «C+» in the notes field!")
tpl("ssn", "SSN: «S+»", 2)
tpl("ssn", "{\"applicant\": {\"social_security_number\": \"«S+»\", \"dob\": \"1990-01-31\"}}")
tpl("ssn", "Social security no. «S+» (from OCR, page 3)")
# more near misses
tpl("neg", "Luhn check failed for «N:luhn»; ask the customer to re-enter the card.", 2)
tpl("neg", "Rejected IBAN «N:iban»: invalid check digits.", 2)
tpl("neg", "Form error: «N:ssn» is not a valid SSN (area/group/serial rules).", 2)
tpl("neg", "Test data only: card «N:luhn», IBAN «N:iban», SSN «N:ssn» (all invalid by design).", 2)
tpl("neg", "«org» — EIN «N:ein», routing «N:aba», PO «N:order=po»", 2)
tpl("neg", "eSIM ICCID «N:iccid» activated on «N:ts»", 2)
tpl("neg", "Tracking: «N:track» (DHL/UPS/PostNL), weight 2.1 kg", 2)
tpl("neg", "GPS fix «N:geo» at «N:ts»", 2)
tpl("neg", "commit «N:hash» (parent «N:hash»)")
tpl("neg", "Handset replaced: old IMEI «N:imei», new IMEI «N:imei».", 2)
tpl("neg", "SIM card ICCID «N:iccid»; IMEI «N:imei»")
tpl("neg", "ISBN «N:plike=isbn10/isbn13» · EAN «N:plike=ean13»")


FIX = {"Eh": "EMAIL", "Em": "EMAIL", "Eu": "EMAIL", "E": "EMAIL", "P": "PHONE", "Px": "PHONE", "S": "SSN",
       "C": "CARD", "B": "IBAN", "I": "IP", "Ip": "IP", "I4": "IP", "I6": "IP"}
SLOT = re.compile("«\\s*([^»]+?)»")
EXT = [", ext. %d", " x%d", " #%d", " Durchwahl -%d", " poste %d", " (ext %d)", " Ext: %d"]


class Text:
	def __init__(self):
		self.parts = []
		self.n = 0
		self.labels = []
		self.negatives = []

	def add(self, s):
		self.parts.append(s)
		self.n += len(s.encode("utf-8"))

	def mark(self, s):
		start = self.n
		self.add(s)
		return start, self.n

	def text(self):
		return "".join(self.parts)


def fill(g, shape, ti, template):
	t = Text()
	tid = "h8.%s.%d" % (shape, ti)
	pos = 0
	for m in SLOT.finditer(template):
		t.add(template[pos:m.start()])
		pos = m.end()
		slot = m.group(1).strip()
		if slot == "name":
			t.add(name(g))
			continue
		if slot == "org":
			t.add(org(g))
			continue
		if slot == "city":
			t.add(g.choice(CITIES))
			continue
		if slot == "n":
			t.add(str(g.r.randint(1, 9999)))
			continue
		if slot.startswith("N:"):
			alias, _, want = slot[2:].partition("=")
			kind = NEG_ALIAS[alias]
			for _ in range(200):
				v, var = NEG[kind](g)
				if not want or var in want.split("/"):
					break
			else:
				raise ValueError(slot)
			s, e = t.mark(v)
			t.negatives.append({"kind": kind, "variant": var, "tpl": tid, "start": s, "end": e})
			continue
		ctx = slot.endswith("+")
		key = slot.rstrip("+}")
		typ = FIX[key]
		before = after = ""
		if typ == "EMAIL":
			v, sub, var = gen_email(g)
			if key == "Eu":
				v = v.replace("@", "%40").replace("+", "%2B").replace("'", "%27").replace("&", "%26") \
					.replace("!", "%21").replace("#", "%23").replace("=", "%3D").replace("~", "%7E")
				sub, var = "EMAIL/url-encoded", "percent-encoded " + sub
			elif key == "Em":
				before = "mailto:"
				if g.chance(0.6):
					after = "?subject=" + g.choice(["Offerte", "Support%20request", "Rechnung%20" + str(g.r.randint(100, 999))])
				var = "mailto " + var
			elif key == "Eh":
				var = "header " + var
		elif typ == "PHONE":
			v, sub, var = gen_phone(g)
			if key == "Px":
				after = g.choice(EXT) % g.r.randint(2, 999)
				var += " +extension"
		elif typ == "SSN":
			v, sub, var = gen_ssn(g)
		elif typ == "CARD":
			v, sub, var = gen_card(g)
		elif typ == "IBAN":
			v, sub, var = gen_iban(g)
		else:
			for _ in range(200):
				v, sub, var, before, after = gen_ip(g)
				if key == "I" or (not before and not after and (key == "Ip" or
						(key == "I4") == (":" not in v))):
					break
			else:
				raise ValueError(slot)
			if key != "I":
				before = after = ""
				if sub == "IP/v4-port-cidr":
					sub, var = "IP/v4", "v4"
		t.add(before)
		s, e = t.mark(v)
		t.add(after)
		t.labels.append({"type": typ, "sub": sub, "variant": var, "ctx": ctx, "tpl": tid, "start": s, "end": e})
	t.add(template[pos:])
	return t


# ---- validation --------------------------------------------------------------------

ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
EMAIL_RE = re.compile(ATEXT + r"(\." + ATEXT + r")*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
EMAIL_ENC_RE = re.compile(r"[A-Za-z0-9._%-]+%40[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
WEAK = re.compile(r"^(PHONE/[A-Z]{2}-national|PHONE/NANP-plain|SSN/plain|SSN/spaced)$")


def ssn_ok(v):
	d = re.sub("[ -]", "", v)
	return len(d) == 9 and d.isdigit() and d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" \
		and d[5:] != "0000"


def ip_ok(v):
	import ipaddress
	a = ipaddress.ip_address(v)
	if a.is_loopback or a.is_unspecified or str(a) == "255.255.255.255":
		return False
	if a.version == 6 and a.ipv4_mapped is not None and a.ipv4_mapped.is_loopback:
		return False
	return True


def phone_ok(v, sub):
	d = re.sub(r"[^\d]", "", v)
	if not 7 <= len(d) <= 15:
		return False
	if v.startswith("+"):
		return not d.startswith("0")
	return bool(re.fullmatch(r"[\d()+ .\-/\u00a0\u202f]+", v))


def check(rec):
	raw = rec["text"].encode("utf-8")
	spans = []
	for lab in rec["labels"]:
		v = raw[lab["start"]:lab["end"]].decode("utf-8")
		assert v == v.strip() and v, v
		t = lab["type"]
		if t == "CARD":
			d = re.sub("[ .-]", "", v)
			assert d.isdigit() and 14 <= len(d) <= 19 and pc.luhn_ok(d), v
		elif t == "IBAN":
			assert pc.iban_ok(v) and len(v.replace(" ", "")) == pc.IBAN_LEN[v[:2]], v
		elif t == "SSN":
			assert ssn_ok(v), v
		elif t == "EMAIL":
			if lab["sub"] == "EMAIL/url-encoded":
				assert EMAIL_ENC_RE.fullmatch(v) and EMAIL_RE.fullmatch(urllib.parse.unquote(v)), v
			else:
				assert EMAIL_RE.fullmatch(v), v
		elif t == "IP":
			assert ip_ok(v), v
		elif t == "PHONE":
			assert phone_ok(v, lab["sub"]), v
		spans.append((lab["start"], lab["end"]))
	for neg in rec["negatives"]:
		v = raw[neg["start"]:neg["end"]].decode("utf-8")
		k = neg["kind"]
		if k == "card failing Luhn":
			assert not pc.luhn_ok(re.sub("[ -]", "", v)), v
		elif k == "IBAN failing mod-97":
			assert not pc.iban_ok(v), v
		elif k == "invalid SSN":
			assert not ssn_ok(v), v
		elif k == "non-identifying address":
			assert not ip_ok(v), v
		elif k in ("IMEI (Luhn-valid)", "ICCID (Luhn-valid)"):
			assert pc.luhn_ok(re.sub("[ -]", "", v)), v
		elif k == "@ but not an e-mail":
			m = EMAIL_RE.fullmatch(v)
			assert not m or not re.fullmatch("[A-Za-z]{2,}", v.rsplit(".", 1)[-1]), v
		spans.append((neg["start"], neg["end"]))
	spans.sort()
	for a, b in zip(spans, spans[1:]):
		assert a[1] <= b[0], ("overlap", rec["id"], a, b)


def generate():
	g = pc.Gen(SEED, SPLIT)
	recs = []
	order = [i for i, (_, _, w) in enumerate(T) for _ in range(w)]
	i = 0
	while len(recs) < NTEXTS:
		if i % len(order) == 0:
			g.r.shuffle(order)
		ti = order[i % len(order)]
		i += 1
		shape, template, _ = T[ti]
		t = fill(g, shape, ti, template)
		rec = {"id": "%s-%05d" % (SPLIT, len(recs) + 1), "split": SPLIT, "seed": SEED, "text": t.text(),
		       "labels": t.labels, "negatives": t.negatives}
		check(rec)
		recs.append(rec)
	return recs


def selfcheck(recs):
	pc.selfcheck()
	assert not pc.luhn_ok("4111111111111112") and pc.iban_ok("GB82WEST12345698765432")
	assert not ip_ok("127.0.0.1") and not ip_ok("::") and ip_ok("fe80::1") and ip_ok("192.0.2.7")
	assert not EMAIL_RE.fullmatch("git@github.com:org/repo.git") and EMAIL_RE.fullmatch("o'neill@example.com")
	types, kinds = {}, {}
	for r in recs:
		for lab in r["labels"]:
			types[lab["type"]] = types.get(lab["type"], 0) + 1
		for n in r["negatives"]:
			kinds[n["kind"]] = kinds.get(n["kind"], 0) + 1
	for t in ("EMAIL", "PHONE", "SSN", "CARD", "IBAN", "IP"):
		assert types.get(t, 0) >= 100, (t, types.get(t))
	for k in NEG:
		assert kinds.get(k, 0) >= 40, (k, kinds.get(k))
	again = generate()
	assert json.dumps(again) == json.dumps(recs), "not deterministic"


def main():
	ap = argparse.ArgumentParser(description="Write tollgate's eighth blind held-out PII corpus (JSON lines).")
	ap.add_argument("-o", "--output", help="write here instead of stdout")
	a = ap.parse_args()
	recs = generate()
	selfcheck(recs)
	out = open(a.output, "w", encoding="utf-8") if a.output else sys.stdout
	for rec in recs:
		out.write(json.dumps(rec, ensure_ascii=False) + "\n")
	if out is not sys.stdout:
		out.close()


if __name__ == "__main__":
	main()
