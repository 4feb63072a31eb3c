/*
 * tls.h - OpenSSL contexts for both sides of the proxy.
 *
 * Client side (agents talk to us): one SSL_CTX per provider hostname, with
 * the leaf minted by the CA, TLS 1.2 and 1.3, ALPN http/1.1 only, session
 * tickets for resumption. Upstream side (we talk to providers): one SSL_CTX
 * that verifies the full chain and the hostname against the system trust
 * store plus an optional extra CA file, offers ALPN http/1.1, and resumes
 * sessions per hostname. Verification is never disabled.
 */
#ifndef TG_TLS_H
#define TG_TLS_H

#include <openssl/ssl.h>

#include "ca.h"
#include "common.h"

struct tg_tls;

struct tg_tls *tg_tls_new(struct tg_ca *ca, const char *upstream_ca_file, tg_err *err);
void tg_tls_free(struct tg_tls *t);

/* A server SSL for a client connection to host (leaf from the cache). */
SSL *tg_tls_server(struct tg_tls *t, const char *host, tg_err *err);

/* A client SSL to the real provider: SNI and hostname verification for host,
 * resuming a cached session when there is one. */
SSL *tg_tls_upstream(struct tg_tls *t, const char *host, tg_err *err);
/* Did this upstream handshake resume a cached session? Sessions are
 * cached per hostname as the server issues them. */
bool tg_tls_upstream_resumed(SSL *ssl);

/* Read readiness for an edge-triggered loop. After this, every read the
 * SSL's socket makes sets *drained: true when it found the socket empty
 * (EAGAIN, EOF) or took less than it asked for, so the kernel had no more
 * at that moment. Until the next EPOLLIN the owner need not read again
 * unless SSL_has_pending(): it saves a read() that would only say EAGAIN. */
void tg_tls_watch_reads(SSL *ssl, bool *drained);

/* Why an upstream handshake failed, for a 502 message. */
void tg_tls_upstream_error(SSL *ssl, const char *host, char *out, size_t size);

#endif
