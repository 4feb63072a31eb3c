/*
 * test_detectors_phone.c - the phone number detectors (rules "phone.*" in
 * policies/redaction-rules.json; validators phone_alone, phone_national and
 * phone_intl in userspace/detect_phone.c, the "context_nearest" rule field
 * in userspace/detectors.c):
 * a number is found whole, never in part (00 + country code, an area code
 * set off by '-', '/' or parentheses, a "(0)" trunk); a national number
 * only with a word naming it, before or after it, in the languages of its
 * numbering plans; a word names the nearest number, not every number
 * around it; and what only looks like a number next to a phone word is not
 * taken for one (a fragment of a card or IBAN, an SSN, an EIN, an amount, a
 * version, a decimal, an id, a count or a size, a Unix time, a MAC address,
 * an ISBN); a table column or JSON key named "phone" names its values
 * however far away ("context_fields"; a generic word such as "call" only as
 * a whole key); a signature line's label names its number
 * ("context_labels"); a label of nothing names no number; tables read as
 * tables (psql, HTML, an SQL INSERT's column list). Every case
 * is also streamed (cut at every byte) and scanned as one of many texts
 * (the JSON path), with the same result as the whole text alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "detect_check.h"
#include "detectors.h"
#include "redact_policy.h"
#include "textrw.h"

static struct tg_detectors *D;
static const uint64_t ALL = ~0ull >> 1;

/* The PHONE values in spans sp of text, "|"-separated, in order, into buf. */
static const char *phones_of(const char *text, const struct tg_spans *sp, char *buf, size_t cap)
{
	int phone = tg_detectors_entity(D, "PHONE");
	size_t n = 0;

	buf[0] = 0;
	for (size_t i = 0; i < sp->n; i++)
		if (sp->v[i].entity == phone && n < cap)
			n += (size_t)snprintf(buf + n, cap - n, "%s%.*s", n ? "|" : "",
					      (int)(sp->v[i].end - sp->v[i].start), text + sp->v[i].start);
	return buf;
}

static const struct dc_case CASES[] = {
	/* an extension's word and digits join a list of numbers: the word before the list names them all */
	{"Tel/Fax: 663 190 261 / +44 7529 055520 ext 1689 / 7818319224\n", "663 190 261|+44 7529 055520 ext 1689|7818319224"},
	{"order 4711, ext 12 / 7818319224", ""},
	/* a field named for where one is reachable */
	{"reachable_at: 4123845731", "4123845731"},
	{"INSERT INTO c (id, reachable_at) VALUES (1, '0612345678');", "0612345678"},
	/* NANP: a reading's or a weight's label, or a unit after it, makes it no phone number */
	{"Meter reading 920 592 6150 at 1533838763756.", ""},
	{"Container MSCU37104604  Gross 415-907-2690 kg", ""},
	{"We shipped 415-555-0123 units; call 415-555-0199.", "415-555-0199"},
	{"Call 415-555-0100 kindly", "415-555-0100"},
	/* NANP: a case's number is no phone number; "in case" denies nothing */
	{"Case number 959-785-6662 was merged into 3580743119.", ""},
	{"Support case #357-549-2968 was merged into PO 4518692844.", ""},
	{"Case: 731-695-0941, see the thread", ""},
	{"Just in case, call 212-555-0100.", "212-555-0100"},
	{"Seal 415-907-2690 intact; waybill 212-555-0147 attached", ""},
	/* a CJK full stop ends a sentence: the phone word before it names the
	 * number of its own sentence, not an order number after it */
	{"手机号码 +45 44 17 42 68，谢谢。订单号 6450038226。", "+45 44 17 42 68"},
	{"お客様の電話番号：+351 916 392 083。注文番号 7787428444。", "+351 916 392 083"},
	{"手机号码 +48 565 491 145。注文番号 #71718072。", "+48 565 491 145"},
	{"我的电话是 0301234567。谢谢！", "0301234567"},
	{"电话：030 1234567。", "030 1234567"},
	/* 00 + country code: a strong format, found anywhere, whole */
	{"0049 30 1234567", "0049 30 1234567"},
	{"Forwarding for Pieter: 0031 6 3603 0944", "0031 6 3603 0944"},
	{"Send it to 0044 20 7946 0958 by Monday.", "0044 20 7946 0958"},
	{"(0039 392 240 1087)", "0039 392 240 1087"},
	{"Hannah, Toronto, 0034 854 862 395", "0034 854 862 395"},
	{"0033 7 21 54 74 73; 0041-44-668-18-00", "0033 7 21 54 74 73|0041-44-668-18-00"},
	{"Port Vila: 00678 22 12345", "00678 22 12345"},   /* a 3-digit country code */
	{"0012 345 6789 and 0099 123 4567", ""},           /* no country code 12 or 99 */
	{"tracking 0049 1234 5678 9012", ""},             /* too long for a phone number */
	{"IBAN SI61 1002 0034 7352 982", ""},             /* a group of a longer run */
	/* national numbers with the area code set off, found whole */
	{"Tel.: 030/1234567", "030/1234567"},
	{"mobile: 06-12345678", "06-12345678"},
	{"phone=0152-75359567 ok", "0152-75359567"},
	{"phone: (0)20 7946 0958", "(0)20 7946 0958"},
	{"landline: (02131) 23656", "(02131) 23656"},
	{"Please call back (07956) 869479 re: order 12.", "(07956) 869479"},
	{"Tel.: 0039 081 6934650", "0039 081 6934650"},
	{"Tel.: 010 4727304", "010 4727304"},
	{"work phone: 081/9234127", "081/9234127"},
	{"Mobile: 03.93.92.16.85", "03.93.92.16.85"},
	/* the word naming it: after the value, in other languages, in a key */
	{"020 7946 0958 (mobile)", "020 7946 0958"},
	{"07927848472 - that's my number, WhatsApp works too.", "07927848472"},
	{"| Utrecht | 0160/9644153 |  <- mobile column", "0160/9644153"},
	{"Telefonnummer: 0171 2345678", "0171 2345678"},
	{"Rufnummer 089 12345678, bitte anrufen", "089 12345678"},
	{"Appelez-moi au 01 68 54 48 87 demain.", "01 68 54 48 87"},
	{"mon numéro: 06 12 34 56 78", "06 12 34 56 78"},
	{"Chiamami al 348 9934985", "348 9934985"},
	{"il mio cellulare è 347 1234567", "347 1234567"},
	{"Llámame al 612 345 678 esta tarde.", "612 345 678"},
	{"mi móvil: 612345678", "612345678"},
	{"Bel me op 06 12345678.", "06 12345678"},
	{"mijn mobiel: 06-12345678", "06-12345678"},
	{"{\"contact_phone\": \"040-42384851\"}", "040-42384851"},
	{"contactPhone: 0301234567", "0301234567"},
	{"Phones: 030 1234567, 040 7654321", "030 1234567|040 7654321"},
	/* no word naming it: not found (a weak format, by design) */
	{"0490 75 40 81", ""},
	{"Thanks, got it: 030 1234567.", ""},
	/* a word names the nearest number */
	{"Tel.: 030 1234567\n\nwire routing 212149241", "030 1234567"},
	{"Tel.: ext 12 only\n\nlot 212149241 failed", ""},
	{"My mobile number is 030 1234567. ref 646-00-1468", "030 1234567"},
	{"ISBN 7870996297 | Tel.: 2135550145", "2135550145"},
	{"order 9369225001\nlandline: 05.41.07.96.47", "05.41.07.96.47"},
	{"ref 964052527 Please call back 0301234567", "0301234567"},
	{"Phone: see below. Order 4155552671 shipped.", ""},
	/* look-alikes next to a phone word */
	{"call me: card 4111 1111 1111 1112", ""},
	{"Phone with IMEI 994293085920725 needs a repair.", ""},
	{"cell phone: none\n\"coordinates\": [-32.678241, 30.783728]", ""},
	{"Tel.: none\nRefund for INV-700042552 issued.", ""},
	{"phone: see CRM; session {18630333-0203-4DC8-B269-D99F6B41A7E1} expired", ""},
	{"Budget approved: \xc2\xa5" "2461253. | landline: none", ""},
	{"call me about the $1045700 deal", ""},
	{"Bump lodash from 4.17.20 to 115.0.6145.218; mobile number: none", ""},
	{"Phone: see below. EIN 12-3456789", ""},
	{"Resolution: SSN updated to 460 89 9847 (verified by phone)", ""},
	{"the office is at 17031 2202 Rissik St", ""},
	/* US numbers: strong formats anywhere, but not after an id's label */
	{"(415) 555-2671, 415.555.2671 and 1-415-555-2671",
	 "(415) 555-2671|415.555.2671|1-415-555-2671"},
	{"Part 12, call 415-555-0100", "415-555-0100"},
	{"part 220-971-8071 is out of stock", ""},
	{"account ID 645-798-1350 (internal)", ""},
	{"\"GET /api/v1/users HTTP/1.1\" 200 512 2023-09-04T16:12:06Z", ""},
	{"batch 560-113-9011 failed QA", ""},
	{"item 393-097-2982 x 3", ""},
	{"Artikelnummer 415-555-0123", ""},
	{"ref 009410000 | 678-457-9607", "678-457-9607"},             /* "ref" names the number after it */
	/* a line's label: a signature's one-letter "T", "M" ("context_labels") */
	{"Anna Schmidt\nACME GmbH\nT 030 1234567\nM: 0171 2345678", "030 1234567|0171 2345678"},
	{"Jan Janssen | T 010 123 4567 | M 06 1234 5678", "010 123 4567|06 1234 5678"},
	{"Fatima Khan\nHooli S.r.l.\nT **06 5396 3106**\nwww.example.org", "06 5396 3106"},
	{"Yuki Tanaka\nT \xe2\x80\x9c" "0471672742\xe2\x80\x9d", "0471672742"},
	{"| T | (030) 1234567 |", "(030) 1234567"},
	{"Section T 0301234567", ""},                                  /* not a line's label */
	{"ATM 0301234567", ""},
	/* more words naming it, and what they name */
	{"{\"user\": {\"id\": 35801, \"msisdn\": \"3127166644\"}}", "3127166644"},
	{"0115 952 7558 is the callback number on file for Fatima.", "0115 952 7558"},
	{"| field | value |\n|---|---|\n| direct line | 020 3765 4910 |", "020 3765 4910"},
	{"Kannst du mich unter 0171 2345678 zur\xc3\xbc" "ckrufen?", "0171 2345678"},
	{"Je suis joignable au 06 12 34 56 78.", "06 12 34 56 78"},
	{"Puede llamarme al 612 34 56 78.", "612 34 56 78"},
	{"U kunt mij bereiken op 06-12345678.", "06-12345678"},
	{"Gebeld door 010 123 4567 om 14:00.", "010 123 4567"},
	{"Please update the phone from 030 1234567 to 030 7654321.", "030 1234567|030 7654321"},
	{"customer_id,order_id,contact_number\n1001,5551234567,4155550123", "4155550123"},
	{"| Name | Telefon | Ort |\n|---|---|---|\n| Anna | 0171 2345678 | K\xc3\xb6ln |", "0171 2345678"},
	{"H\xc3\xb4tel 0123456789", ""},                            /* "tel" in a longer word */
	{"Resolution: card updated (verified by phone). | ticket PO 4508594297 closed", ""},
	{"RTN 065932087 contact_email,name,city", ""},
	{"level=warn field=contact_email value=x@y.eu request_id=436460397930", ""},
	{"(verified by phone). 507297914 is the social security # on file", ""},
	/* written with spaced separators, a trunk prefix after 00 */
	{"Tel.: 030 / 123 456 78", "030 / 123 456 78"},
	{"Tel: 06 - 12 34 56 78", "06 - 12 34 56 78"},
	{"0049 (0)30 1234567", "0049 (0)30 1234567"},
	{"Call us between 0900 - 1700.", ""},                         /* a range of times */
	/* a neighbour that no run of digit groups would have */
	{"0031 38 6525678 2023-12-18 05:11:32 INFO", "0031 38 6525678"},
	{"Tel.: 0471813615 2259 6402 6646 9672", "0471813615"},
	{"Safari/537.36 2052166355 - that's my number", "2052166355"},
	{"Hannah (Milano): +33 5 82 96 25 29 5214-8204-5598-3793", "+33 5 82 96 25 29"},  /* 9 digits after +33 */
	{"Reach Maria on +4917253468681 (mobile).", "+4917253468681"},  /* passes Luhn: no card after a '+' */
	{"HU90 9311 4939 9293 2189 7863 3159 is the bank account on file. | phoneNumber,name\n0519976790,Jan",
	 "0519976790"},                                               /* a camelCase name nearer than "account" */
	/* counts, sizes, amounts, codes and times next to a phone word */
	{"Mobile data used: 12345678 bytes", ""},
	{"The call lasted 1234567 ms.", ""},
	{"phone price: 1234567 VND", ""},
	{"Call us: 1234567 \xe2\x82\xac", ""},
	{"Your SMS code is 1234567", ""},
	{"Signal strength -85 dBm, cell id 12345678", ""},
	{"{\"phone\": \"\", \"amount\": 12345678}", ""},
	{"call me back; The backup from 1813022108 is corrupt.", ""}, /* Unix time */
	{"Phone call on 20240115", ""},                               /* a date */
	/* what the words around it say */
	{"Call me back later. It's 091566757.", ""},                  /* a bare run in the next sentence */
	{"Call me back later. It's 030 1234567.", "030 1234567"},     /* ... written as a phone number */
	{"Tel. 0301234567", "0301234567"},                            /* an abbreviation's dot */
	{"mobile: none\n(124011263)", ""},                            /* the word labels nothing */
	{"Tel.: n/a | id 987101716", ""},
	{"{\"phone\": \"\", \"amount\": 12345678}", ""},
	{"{\"contact_phone\": \"\"7325550138\"\"}", "7325550138"},        /* quoted twice, not empty */
	{"mobile:\n0171 2345678", "0171 2345678"},
	/* the shapes of other numbers */
	{"Call me. BSSID 13-82-68-28-D2-28", ""},                     /* a MAC address */
	{"Call me. 34-83-24-35-35-78", ""},
	{"Call me: 978-4-697-50876-6", ""},                           /* an ISBN's hyphenation */
	{"Phone: 6-023-45407-0", ""},
	{"Phone: see 16.37.119", ""},                                 /* a section number */
	{"Phone: 5.10.173-17-amd64", ""},                             /* a version */
	{"Telefon: siehe unten. 118-911-5976", ""},                   /* no US area code starts with 1 */
	{"Fax: 07700 063 966-Fax", "07700 063 966"},                  /* a word after a dash */
	{"Tel: 030 1234567 4111 1111 1111 1111", "030 1234567"},      /* a card after it */
	{"4111 1111 1111 1111 030 1234567 (mobile)", "030 1234567"},
	{"Support hotline: 05.94.34.42.83 1480933974 INFO", "05.94.34.42.83"},
	{"Tel.: 030 1234567 4111", ""},                               /* a group of a run */
	{"Front desk\nRIB : 13075 18805 77597082535 23", ""},          /* a bank account's run of groups */
	/* digits in a name between the word and the number */
	{"Reformat this phone to E.164 please: 050 1519870", "050 1519870"},
	{"phone, IPv4-only line: 0301234567", "0301234567"},
	/* numbered and compound names, more languages */
	{"{\"mobilenumber\": \"3896741161\", \"phone2\": \"0301234567\"}", "3896741161|0301234567"},
	{"Telefone: 912 345 678", "912 345 678"},
	{"Nr telefonu: 512 345 678", "512 345 678"},
	/* tables read as tables: psql, HTML, an INSERT, a French CSV */
	{"      name      |     phone      |   city\n----------------+----------------+----------\n"
	 " Hiroshi Sato   | 3175959011     | Osaka\n Giorgio Romano | 0171 2345678   | Milano\n"
	 " Lisa Weber     | (030) 1234567  | Berlin\n",
	 "3175959011|0171 2345678|(030) 1234567"},
	{"<table><tr><th>Name</th><th>Mobile</th></tr>\n<tr><td>Jane Roe</td><td>0171 2345678</td></tr>\n"
	 "<tr><td>John Doe (sales)</td><td>(030) 1234567</td></tr>\n<tr><td>Ann Lee</td><td>06-12345678</td></tr></table>",
	 "0171 2345678|(030) 1234567|06-12345678"},
	{"INSERT INTO employees (id, full_name, pan, phone) VALUES (20141, 'Dmitri Volkov', '4305-7780-3792-2825-584', "
	 "'3104299235');", "3104299235"},
	{"INSERT INTO t (id, phone, account_no) VALUES (1, '0301234567', '0307654321');", "0301234567"},
	{"nom;num\xc3\xa9ro de carte;portable\nSof\xc3\xad" "a Navarro;6285676580709129;01-13-89-61-00\n"
	 "Farid Benali;3095-694028-0743;0471763462", "01-13-89-61-00|0471763462"},
	/* no-break spaces between the groups (French typography: U+00A0, U+202F, U+2009) */
	{"T\xc3\xa9l : 05\xc2\xa0" "07\xc2\xa0" "95\xc2\xa0" "50\xc2\xa0" "68  Fax : 0033 2 51 25 56 19",
	 "05\xc2\xa0" "07\xc2\xa0" "95\xc2\xa0" "50\xc2\xa0" "68|0033 2 51 25 56 19"},
	{"par t\xc3\xa9l\xc3\xa9phone au 09\xe2\x80\xaf" "28\xe2\x80\xaf" "12\xe2\x80\xaf" "67\xe2\x80\xaf" "54.",
	 "09\xe2\x80\xaf" "28\xe2\x80\xaf" "12\xe2\x80\xaf" "67\xe2\x80\xaf" "54"},
	{"portable 06\xe2\x80\x89" "12 34 56 78", "06\xe2\x80\x89" "12 34 56 78"},      /* mixed */
	{"Tel +33\xc2\xa0" "6\xc2\xa0" "12\xc2\xa0" "34\xc2\xa0" "56\xc2\xa0" "78 ok",
	 "+33\xc2\xa0" "6\xc2\xa0" "12\xc2\xa0" "34\xc2\xa0" "56\xc2\xa0" "78"},
	{"0033\xc2\xa0" "6\xc2\xa0" "12\xc2\xa0" "34\xc2\xa0" "56\xc2\xa0" "78", "0033\xc2\xa0" "6\xc2\xa0" "12\xc2\xa0" "34\xc2\xa0" "56\xc2\xa0" "78"},
	{"total 05\xc2\xa0" "07\xc2\xa0" "95\xc2\xa0" "50\xc2\xa0" "68", ""},             /* still needs its word */
	/* a trunk prefix before the area code in brackets, a space inside them */
	{"Phone: 8 (495) 123-45-67", "8 (495) 123-45-67"},
	{"Phone: (06 30) 123 4567", "(06 30) 123 4567"},
	/* the word for a phone in more languages (and alphabets) */
	{"Toimisto Amsterdamissa, puhelin 023 721 2991", "023 721 2991"},
	{"puh. 040 123 4567", "040 123 4567"},
	{"\xcf\x84\xce\xb7\xce\xbb. 210 1234567", "210 1234567"},                              /* τηλ. */
	{"\xd0\xa2\xd0\xb5\xd0\xbb\xd0\xb5\xd1\x84\xd0\xbe\xd0\xbd: 8 912 345-67-89", "8 912 345-67-89"},   /* Телефон */
	{"\xe6\x96\xb0\xe3\x81\x97\xe3\x81\x84\xe9\x9b\xbb\xe8\xa9\xb1\xe7\x95\xaa\xe5\x8f\xb7\xe3\x81\xaf 090-1234-5678 \xe3\x81\xa7\xe3\x81\x99",
	 "090-1234-5678"},                                                                  /* 新しい電話番号は ... です */
	{"\xe7\x94\xb5\xe8\xaf\x9d\xef\xbc\x9a" "010-12345678", "010-12345678"},               /* 电话： */
	{"\xd0\xbf\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xb7\xd0\xbe\xd0\xb2\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8c 1234567", ""}, /* "тел" inside a word */
	{"\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd0\xbc\xd0\xbe\xd0\xb1\xd0\xb8\xd0\xbb\xd1\x8c 030 1234567", ""},             /* "моб" inside a word */
	/* a word after the value: further on in its sentence, not past a blank line */
	{"Is 0800 173 4144 still the right landline for the Toronto office?", "0800 173 4144"},
	{"St\xc3\xbc" "ckzahl: 98 459 134\n\nMy phone number changed to 392 582 7618!", "392 582 7618"},
	{"Becker: 580466111\n\n---\n\nBel me even op 06 12345678.", "06 12345678"},
	/* a word before it names the number that ended its sentence, not the next one */
	{"Biuro w Berlinie, telefon 0561 763 36 48.\n\n6541385792865584 09/29 474", "0561 763 36 48"},
	{"Call 030 1234567. Or 0171 2345678.", "030 1234567|0171 2345678"},
	/* a Japanese postal code; a number too short for its plan (an air waybill) */
	{"\xe9\x83\xb5\xe4\xbe\xbf\xe7\x95\xaa\xe5\x8f\xb7 \xe3\x80\x92" "249-9129 (phone on file)", ""},
	{"Container: MAEU8587843   AWB: 001-33855791", ""},
	{"+1 338 5579", ""},
	/* no-break spaces between the groups, a bracketed area code's too */
	{"Try 435\xc2\xa0" "569\xc2\xa0" "7822 after 6pm.", "435\xc2\xa0" "569\xc2\xa0" "7822"},
	{"cell: (0114)\xc2\xa0" "677\xc2\xa0" "3792", "(0114)\xc2\xa0" "677\xc2\xa0" "3792"},
	{"Tel (07785)\xe2\x80\xaf" "290\xe2\x80\xaf" "738", "(07785)\xe2\x80\xaf" "290\xe2\x80\xaf" "738"},
	/* a list's item number after the word is no number it names */
	{"1. Open the form\n2. Enter 06221 244792 in the phone field\n3. Submit", "06221 244792"},
	/* the key of the JSON object or array a number is in */
	{"{\"changes\": {\"phone\": {\"old\": \"2679049753\", \"new\": \"0292332299\"}}}", "2679049753|0292332299"},
	{"{\"phones\": [\"030 1234567\", \"040 7654321\"]}", "030 1234567|040 7654321"},
	{"{\"phone\": {\"old\": \"x\"}, \"order\": \"0711 7229771\"}", ""},
	/* a deny word that is the first of a person's role ("account manager") */
	{"New phone number for the account manager: 5015550189.", "5015550189"},
	{"phone: see account 0301234567", ""},
	/* an item of a contact line whose next item is a labelled number */
	{"Groupe Vernet SAS \xc2\xb7 06 33 19 12 56 \xc2\xb7 Fax 06 34 94 70 39", "06 33 19 12 56|06 34 94 70 39"},
	{"ISBN 7870996297 \xc2\xb7 Tel. 2135550145", "2135550145"},
	/* a VAT number's country prefix; an IPv4 address's shape, octets out of range; a Belgian dotted number */
	{"Phone: on file, VAT: GB 811 0105 34", ""},
	{"CALL ME AT 030 1234567", "030 1234567"},
	{"His direct phone line is below.\nconfig error: listen 28.56.270.50", ""},
	{"Tel. 0475.12.34.56", "0475.12.34.56"},
	/* "message" as a record's type is no word for a phone; leaving one is */
	{"{\"type\": \"message\", \"text\": \"CCC 7035 0137 34 9349133489\"}", ""},
	{"Leave a message on 030 1234567", "030 1234567"},
};

/* All cases laid end to end in one buffer, each judged alone (the JSON
 * path): the same numbers as each text scanned by itself. */
static void check_many(void)
{
	size_t n = TG_ARRAY_LEN(CASES), len = 0, k = 0;
	struct tg_segment *segs = calloc(n, sizeof(*segs));
	struct tg_spans sp = {0};
	tg_err err = {{0}};
	char *buf;
	int bad = 0;

	for (size_t i = 0; i < n; i++)
		len += strlen(CASES[i].text) + 1;
	buf = malloc(len + 1);
	len = 0;
	for (size_t i = 0; i < n; i++) {
		size_t m = strlen(CASES[i].text);

		segs[i].off = (uint32_t)len;
		segs[i].len = (uint32_t)m;
		memcpy(buf + len, CASES[i].text, m);
		len += m;
		buf[len++] = '\n';
	}
	CHECK(tg_detect_many(D, buf, len, segs, n, ALL, &sp, &err) == 0, "one scan over all cases (%s)", err.msg);
	for (size_t i = 0; i < n; i++) {
		struct tg_spans one = {0};
		char got[512], want[512];

		one.v = sp.v + k;
		while (k < sp.n && sp.v[k].start < segs[i].off + segs[i].len)
			k++;
		one.n = (size_t)(sp.v + k - one.v);
		phones_of(buf, &one, got, sizeof(got));
		snprintf(want, sizeof(want), "%s", dc_values(D, "PHONE", CASES[i].text));
		if (strcmp(got, want) != 0) {
			bad++;
			printf("# \"%s\" among others: found \"%s\", alone \"%s\"\n", CASES[i].text, got, want);
		}
	}
	CHECK(bad == 0, "phone cases among many texts = each alone (%d of %zu differ)", bad, n);
	tg_spans_free(&sp);
	free(segs);
	free(buf);
}

/* text with every value replaced by [TYPE], whole and streamed in pieces of 1 to 16 bytes */
static void check_text(const char *name, const char *text, const char *want)
{
	struct tg_buf whole = {0};
	tg_err err = {{0}};
	size_t n = strlen(text);
	int bad = 0;

	tg_text_rewrite(D, ALL, text, n, dc_bracket, D, &whole, &err);
	for (size_t piece = 1; piece <= 16; piece++) {
		struct tg_textstream ts = {0};
		struct tg_buf out = {0};

		for (size_t at = 0; at < n; at += piece)
			tg_textstream_feed(&ts, D, ALL, text + at, n - at < piece ? n - at : piece, false, dc_bracket, D,
					   &out, &err);
		tg_textstream_feed(&ts, D, ALL, "", 0, true, dc_bracket, D, &out, &err);
		bad += tg_buf_used(&out) != tg_buf_used(&whole) ||
		       memcmp(tg_buf_start(&out), tg_buf_start(&whole), tg_buf_used(&out)) != 0;
		tg_buf_free(&out);
		tg_textstream_free(&ts);
	}
	tg_buf_append(&whole, "", 1);
	CHECK(strcmp(tg_buf_start(&whole), want) == 0 && bad == 0, "%s%s", name, bad ? " (streamed: differs)" : "");
	if (strcmp(tg_buf_start(&whole), want) != 0)
		printf("# got:  %s\n# want: %s\n", tg_buf_start(&whole), want);
	tg_buf_free(&whole);
}

static void check_fields(void)
{
	char csv[2048], want[2048];
	size_t n = 0, m = 0;
	struct tg_buf out = {0};
	tg_err err = {{0}};

	n += (size_t)snprintf(csv + n, sizeof(csv) - n, "id;name;mobile;city\n");
	m += (size_t)snprintf(want + m, sizeof(want) - m, "id;name;mobile;city\n");
	for (int i = 0; i < 30; i++) {
		n += (size_t)snprintf(csv + n, sizeof(csv) - n, "%d;Jane Roe;0171 %07d;Lyon\n", i, 2345670 + i);
		m += (size_t)snprintf(want + m, sizeof(want) - m, "%d;Jane Roe;[PHONE];Lyon\n", i);
	}
	check_text("a CSV's mobile column, 30 rows below its header", csv, want);
	check_text("the same numbers in a column named otherwise", "id;name;account;city\n1;A;0301234567;X\n"
		   "2;B;0407654321;Y\n3;C;0891234567;Z\n4;D;0221234567;W\n5;E;0691234567;V\n",
		   "id;name;account;city\n1;A;0301234567;X\n2;B;0407654321;Y\n3;C;0891234567;Z\n"
		   "4;D;0221234567;W\n5;E;0691234567;V\n");
	check_text("markdown, a deny word in the cell", "| Name | Phone |\n|---|---|\n| Jane | 030 1234567 |\n"
		   "| John | order 0407654321 |\n| Ann | 089 1234567 |\n| Bo | 0221 234567 |\n",
		   "| Name | Phone |\n|---|---|\n| Jane | [PHONE] |\n| John | order 0407654321 |\n| Ann | [PHONE] |\n"
		   "| Bo | [PHONE] |\n");
	tg_text_rewrite_named(D, ALL, "contactPhone", "030 1234567", 11, dc_bracket, D, &out, &err);
	tg_buf_append(&out, "", 1);
	CHECK(strcmp(tg_buf_start(&out), "[PHONE]") == 0, "a JSON string goes by its key: %s", tg_buf_start(&out));
	tg_buf_reset(&out);
	tg_text_rewrite_named(D, ALL, "order_id", "0301234567", 10, dc_bracket, D, &out, &err);
	tg_buf_append(&out, "", 1);
	CHECK(strcmp(tg_buf_start(&out), "0301234567") == 0, "another key names nothing: %s", tg_buf_start(&out));
	tg_buf_reset(&out);
	tg_text_rewrite_named(D, ALL, "cell", "0612345678", 10, dc_bracket, D, &out, &err);
	tg_buf_append(&out, "", 1);
	CHECK(strcmp(tg_buf_start(&out), "[PHONE]") == 0, "a key that is a phone word, whole: %s", tg_buf_start(&out));
	tg_buf_reset(&out);
	tg_text_rewrite_named(D, ALL, "message_id", "0612345678", 10, dc_bracket, D, &out, &err);
	tg_buf_append(&out, "", 1);
	CHECK(strcmp(tg_buf_start(&out), "0612345678") == 0,
	      "a word that names a phone only as a whole name (\"message\", \"call\", \"contact\") in a longer key: %s",
	      tg_buf_start(&out));
	check_text("a CSV column named by a generic word in a longer name", "id;call_id;name\n1;0301234567;A\n"
		   "2;0407654321;B\n", "id;call_id;name\n1;0301234567;A\n2;0407654321;B\n");
	n = m = 0;
	n += (size_t)snprintf(csv + n, sizeof(csv) - n, "| id | name | login | Cell | city |\n|---|---|---|---|---|\n");
	m += (size_t)snprintf(want + m, sizeof(want) - m, "| id | name | login | Cell | city |\n|---|---|---|---|---|\n");
	for (int i = 0; i < 8; i++) {
		n += (size_t)snprintf(csv + n, sizeof(csv) - n, "| C-%d | Jane Roe | jroe%d | 559555%04d | Lyon |\n", i, i,
				      192 + i);
		m += (size_t)snprintf(want + m, sizeof(want) - m, "| C-%d | Jane Roe | jroe%d | [PHONE] | Lyon |\n", i, i);
	}
	check_text("a header cell that is a generic phone word, whole, far above", csv, want);
	check_text("... not a header cell that only begins with it", "id;cell tower;name\n0;none;Tower at the north end of "
		   "the old quarry road, east side\n1;0301234567;A\n2;0407654321;B\n3;0891234567;C\n",
		   "id;cell tower;name\n0;none;Tower at the north end of the old quarry road, east side\n1;0301234567;A\n"
		   "2;0407654321;B\n3;0891234567;C\n");
	tg_buf_free(&out);
}

int main(void)
{
	D = dc_load_builtin();
	if (!D)
		return 1;
	dc_check_cases(D, "PHONE", CASES, TG_ARRAY_LEN(CASES), "phone numbers found whole, in context; look-alikes not found");
	check_many();
	check_fields();
	tg_detectors_free(D);
	CHECK_DONE();
}
