/*
 * detect_checks.h - the validators of the detectors (detectors.h) that
 * judge a value by its own characters: check digits (Luhn, IBAN mod 97,
 * DNI, codice fiscale), issuer ranges and layouts (cards, SSNs, national
 * insurance numbers, passports), e-mail addresses, calendar dates, and
 * secrets (no placeholder, enough entropy). A card also looks at the digit
 * groups beside it. Phone numbers (detect_phone.h) and IP addresses
 * (detect_ip.h) have modules of their own.
 *
 * s/len is the value; the checks that look around it take the whole text
 * t/len and the value's place in it, [st, en), and final: whether the text
 * ends at len (in a stream, more may come).
 */
#ifndef TG_DETECT_CHECKS_H
#define TG_DETECT_CHECKS_H

#include <stdbool.h>
#include <stddef.h>

/* A check that may need text that has not arrived yet. TG_WEAK: a value the
 * validator accepts only when a context word names it (see context_optional).
 * TG_SURE: a value whose own form names it (an IPv4 address with a port or a
 * prefix length): no word is needed and no deny word refuses it. */
enum tg_validity { TG_NO = 0, TG_YES = 1, TG_MORE = 2, TG_WEAK = 3, TG_SURE = 4 };

/* The digits of s/len into out (NUL-terminated), how many; 0 if more than max - 1. */
size_t tg_digits_of(const char *s, size_t len, char *out, size_t max);
/* Is w/n, ignoring case, one of words (NULL-terminated), all of it? */
bool tg_word_in(const char *w, size_t n, const char *const *words);
/* Where the token ending before t[i] starts: back over letters, digits and
 * the bytes of punct, not before lo. */
size_t tg_token_start(const char *t, size_t i, size_t lo, const char *punct);
/* The bytes of a no-break or thin space (U+00A0, U+202F, U+2009: typography's
 * spaces between digit groups) at s[i], or 0. */
size_t tg_nbsp_at(const char *s, size_t len, size_t i);
/* Is y-m-d a day of the calendar (years 1900 to 2100)? */
bool tg_date_ok(int y, int m, int d);

/* The Luhn check digit over the digits of s (anything else is skipped). */
bool tg_valid_luhn(const char *s, size_t len);
/* A payment card number: 12 to 19 digits, an issuer's range and length,
 * Luhn, one kind of separator between groups of 2 to 7 digits (a no-break
 * space counts as a space). */
bool tg_valid_card(const char *s, size_t len);
/* ... and a token of its own in the text, not a piece of a longer run of
 * digit groups, right after a '+' nor a field of an ARN or URN
 * ("arn:aws:iam::502352958818:role/ci"); TG_WEAK for 15 digits outside
 * American Express and JCB's old ranges (an IMSI's or IMEI's length). */
enum tg_validity tg_valid_card_in_text(const char *t, size_t len, size_t st, size_t en, bool final);
/* An IBAN: its country's length and mod 97, spaces (no-break ones too)
 * allowed, any case. */
bool tg_valid_iban(const char *s, size_t len);
/* A US SSN: 3-2-4 with one kind of separator or none, an area, group and
 * serial that are issued, not one digit repeated. */
bool tg_valid_ssn(const char *s, size_t len);
/* Shannon entropy in bits per character. */
double tg_entropy(const char *s, size_t len);
/* An e-mail address: a local part, not starting or ending with '.', no "..",
 * an apostrophe only between letters or digits ("o'neill"; so are # = &,
 * and '~' also first), no bytes outside ASCII but accented Latin letters
 * ("jürgen"); a domain's labels may hold letters of other scripts (an IDN:
 * "dvořák-studio.cz"); its '@' may be percent-encoded
 * ("jane%40example.com", in URLs and form posts) or written out against
 * harvesters ("jane [at] example [dot] com"). */
bool tg_valid_email(const char *s, size_t len);
/* ... in the text: not with a file's extension for its top-level domain
 * ("logo@2x.png"), not the user of a URL ("https://deploy@example.com"),
 * not a host with a path or port after it ("git@github.com:org/repo"). */
enum tg_validity tg_valid_email_in_text(const char *t, size_t len, size_t st, size_t en, bool final);
/* A plausible calendar date: Y-M-D, D/M/Y, M/D/Y, "12 March 1985", "March 12, 1985". */
bool tg_valid_date(const char *s, size_t len);
/* ... in the text: not a piece of a longer run of numbers joined by '.',
 * '-' or '/' ("sysObjectID 1.3.6.1.2.1.26.8.9" holds no "2.1.26"). */
enum tg_validity tg_valid_date_in_text(const char *t, size_t len, size_t st, size_t en, bool final);
/* A passport number: 6 to 10 characters, at least 5 digits. */
bool tg_valid_passport(const char *s, size_t len);
/* A UK national insurance number, not with a prefix never issued. */
bool tg_valid_nino(const char *s, size_t len);
/* A Spanish DNI: 8 digits and their check letter. */
bool tg_valid_dni(const char *s, size_t len);
/* An Italian codice fiscale: 16 characters and their check letter. */
bool tg_valid_codice_fiscale(const char *s, size_t len);
/* A generic secret: letters and digits, not an obvious placeholder. */
bool tg_valid_secret(const char *s, size_t len);
/* An identity number: 5 to 20 letters and digits, at least 5 of them digits. */
bool tg_valid_id(const char *s, size_t len);
/* Base64-ish key material: upper and lower case letters and digits, a secret. */
bool tg_valid_base64_secret(const char *s, size_t len);

#endif
