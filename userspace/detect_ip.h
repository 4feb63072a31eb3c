/*
 * detect_ip.h - the IP address validators of the detectors (detectors.h):
 * an IPv4 quad that is not a piece of a version, an OID or a range, nor an
 * address that identifies no one; one written as versions are (small
 * parts, ".0", pinned, glued to a name) is TG_WEAK, an address only when a
 * word names it (the rule's "context_optional"); an IPv6 address as
 * inet_pton reads it, the whole token, not a slice, a scope or a word.
 *
 * They take the whole text t/len, the value's place in it, [st, en), and
 * final: whether the text ends at len (TG_MORE: the answer needs text that
 * has not arrived yet).
 */
#ifndef TG_DETECT_IP_H
#define TG_DETECT_IP_H

#include <stdbool.h>
#include <stddef.h>

#include "detect_checks.h"

enum tg_validity tg_valid_ipv4(const char *t, size_t len, size_t st, size_t en, bool final);
enum tg_validity tg_valid_ipv6(const char *t, size_t len, size_t st, size_t en, bool final);

#endif
