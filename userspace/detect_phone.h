/*
 * detect_phone.h - the phone number validators of the detectors
 * (detectors.h): digit counts, E.164 country codes and the longest number
 * of each numbering plan, the 00 international prefix, and the refusals of
 * what only looks like a phone number next to a word naming one: a piece
 * of a longer run of digit groups (a card, an IBAN, an IMEI), an amount, a
 * count or a size, a date, a version, a decimal, a range, an SSN's or an
 * EIN's layout, a Unix time, a MAC address, an ISBN.
 *
 * The checks that look around the value take the whole text t/len, the
 * value's place in it, [st, en), and final: whether the text ends at len
 * (TG_MORE: the answer needs text that has not arrived yet).
 */
#ifndef TG_DETECT_PHONE_H
#define TG_DETECT_PHONE_H

#include <stdbool.h>
#include <stddef.h>

#include "detect_checks.h"

/* "phone": 7 to 15 digits (an extension apart), not a date, not one digit
 * repeated; a "+CC" number no longer (and, for a plan of one length, no
 * shorter) than its country's plan allows. */
bool tg_valid_phone(const char *s, size_t len);
/* tg_valid_phone() for the value at t[st, en) of a text: not a version's
 * build metadata ("1.21.7+20255662"). */
enum tg_validity tg_valid_phone_in_text(const char *t, size_t st, size_t en);
/* "phone_alone": as "phone", and a number of its own in the text: not
 * signed, not glued to an id, not an amount, not the tail of a +CC number,
 * not a count or a size (a unit after it: "610-263-1113 kg"). */
enum tg_validity tg_valid_phone_alone(const char *t, size_t len, size_t st, size_t en, bool final);
/* "phone_national": a national number or a 00-prefixed international one,
 * none of the look-alikes above, standing alone (also not one group of a
 * run of digit groups). */
enum tg_validity tg_valid_phone_national(const char *t, size_t len, size_t st, size_t en, bool final);
/* "phone_intl": a 00-prefixed international number, standing alone. */
enum tg_validity tg_valid_phone_intl(const char *t, size_t len, size_t st, size_t en, bool final);

#endif
