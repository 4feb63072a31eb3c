/*
 * ca.h - tollgate's local certificate authority and the leaf certificates
 * it mints for provider hostnames.
 *
 * The CA lives in the state directory as ca.pem and ca.key (0600). It is
 * created on first use and carries critical X.509 Name Constraints: DNS
 * names permitted only under the provider domains it was created for, and
 * every IPv4 and IPv6 address excluded, so that a leaked key cannot
 * impersonate any other site. Leaves carry only a DNS subjectAltName, are
 * valid for a short time, and are signed with one per-process ECDSA P-256
 * key. Leaves are cached by hostname; the cache is thread-safe.
 */
#ifndef TG_CA_H
#define TG_CA_H

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "common.h"

#define TG_LEAF_VALIDITY_S (3 * 24 * 3600) /* leaves live three days */
#define TG_LEAF_RENEW_S (24 * 3600)        /* and are re-minted with a day left */

struct tg_ca;

/* Load <state_dir>/ca.pem and ca.key, or create them (directory 0700, key
 * 0600) constrained to domains[0..n). When an existing CA's constraints do not
 * cover every domain, *stale is set to true (the CA still loads; rotate it). */
struct tg_ca *tg_ca_open(const char *state_dir, const char *const *domains, size_t ndomains,
			 bool *stale, tg_err *err);
void tg_ca_free(struct tg_ca *ca);

/* Create a new CA in state_dir, replacing any existing one (the old files are
 * kept as ca.pem.old / ca.key.old). */
int tg_ca_rotate(const char *state_dir, const char *const *domains, size_t ndomains, tg_err *err);

/* Is host inside the CA's permitted DNS subtrees? */
bool tg_ca_covers(const struct tg_ca *ca, const char *host);

/* Get (from the cache, or freshly minted) the leaf for host: a certificate
 * and key with one reference each for the caller (X509_free/EVP_PKEY_free).
 * Fails if host is not covered by the CA's constraints. */
int tg_ca_leaf(struct tg_ca *ca, const char *host, X509 **cert, EVP_PKEY **key, tg_err *err);

/* The CA certificate (borrowed) and the path of its PEM file. */
X509 *tg_ca_cert(const struct tg_ca *ca);
const char *tg_ca_pem_path(const struct tg_ca *ca);

/* Leaves minted so far and leaves currently cached (for status). */
void tg_ca_counts(struct tg_ca *ca, unsigned long *minted, unsigned long *cached);

#endif
