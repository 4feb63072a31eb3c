/*
 * tls.c - server contexts per hostname, the verifying upstream context, and
 * the upstream session cache.
 */
#include "tls.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/err.h>
#include <openssl/x509v3.h>

#define TG_TLS_CACHE 1024

struct host_ctx {
	char host[256];
	SSL_CTX *ctx;
	X509 *cert; /* to notice when the CA re-minted the leaf */
};

struct host_session {
	char host[256];
	SSL_SESSION *sess;
};

struct tg_tls {
	struct tg_ca *ca;
	SSL_CTX *upstream;
	pthread_mutex_t lock;
	struct host_ctx servers[TG_TLS_CACHE];
	size_t nservers;
	struct host_session sessions[TG_TLS_CACHE];
	size_t nsessions;
};

static const unsigned char alpn_h11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};

static int select_alpn(SSL *ssl, const unsigned char **out, unsigned char *outlen,
		       const unsigned char *in, unsigned int inlen, void *arg)
{
	(void)ssl;
	(void)arg;
	for (unsigned int i = 0; i < inlen;) {
		unsigned int n = in[i];

		if (i + 1 + n > inlen)
			break;
		if (n == 8 && memcmp(in + i + 1, "http/1.1", 8) == 0) {
			*out = in + i + 1;
			*outlen = 8;
			return SSL_TLSEXT_ERR_OK;
		}
		i += 1 + n;
	}
	/* Only h2 offered: carry on without ALPN; the client decides. */
	return SSL_TLSEXT_ERR_NOACK;
}

static char *errstr(char *buf, size_t size)
{
	unsigned long e = ERR_get_error();

	if (!e)
		snprintf(buf, size, "unknown OpenSSL error");
	else
		ERR_error_string_n(e, buf, size);
	ERR_clear_error();
	return buf;
}

/*
 * A TLS 1.3 server sends its session tickets after the handshake, so the
 * session worth keeping arrives during a later read: OpenSSL hands it to
 * this callback, whenever it comes. Sessions are single-use per the RFC's
 * advice only loosely: the newest ticket per hostname is offered.
 */
static void remember_session(struct tg_tls *t, const char *host, SSL_SESSION *s);

static int on_new_session(SSL *ssl, SSL_SESSION *sess)
{
	struct tg_tls *t = SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl));
	const char *host = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);

	SSL_SESSION *copy;

	if (!t || !host || !SSL_SESSION_is_resumable(sess))
		return 0;
	/* Keep a copy: OpenSSL marks the live session not resumable when its
	 * connection ends without close_notify, which upstreams often do. */
	copy = SSL_SESSION_dup(sess);
	if (copy)
		remember_session(t, host, copy);
	return 0;
}

struct tg_tls *tg_tls_new(struct tg_ca *ca, const char *upstream_ca_file, tg_err *err)
{
	struct tg_tls *t = calloc(1, sizeof(*t));
	char e[256];

	if (!t) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	t->ca = ca;
	pthread_mutex_init(&t->lock, NULL);
	t->upstream = SSL_CTX_new(TLS_client_method());
	if (!t->upstream) {
		tg_errf(err, "upstream TLS context: %s", errstr(e, sizeof(e)));
		goto fail;
	}
	SSL_CTX_set_min_proto_version(t->upstream, TLS1_2_VERSION);
	SSL_CTX_set_verify(t->upstream, SSL_VERIFY_PEER, NULL);
	if (SSL_CTX_set_default_verify_paths(t->upstream) != 1) {
		tg_errf(err, "load the system trust store: %s", errstr(e, sizeof(e)));
		goto fail;
	}
	if (upstream_ca_file && upstream_ca_file[0] &&
	    SSL_CTX_load_verify_locations(t->upstream, upstream_ca_file, NULL) != 1) {
		tg_errf(err, "upstream_ca_file %s: %s", upstream_ca_file, errstr(e, sizeof(e)));
		goto fail;
	}
	SSL_CTX_set_alpn_protos(t->upstream, alpn_h11, sizeof(alpn_h11));
	SSL_CTX_set_read_ahead(t->upstream, 1); /* one read() per burst, not two per record */
	SSL_CTX_set_session_cache_mode(t->upstream, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL);
	SSL_CTX_set_app_data(t->upstream, t);
	SSL_CTX_sess_set_new_cb(t->upstream, on_new_session);
	SSL_CTX_set_mode(t->upstream, SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ENABLE_PARTIAL_WRITE |
					      SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
	return t;
fail:
	tg_tls_free(t);
	return NULL;
}

void tg_tls_free(struct tg_tls *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nservers; i++) {
		SSL_CTX_free(t->servers[i].ctx);
		X509_free(t->servers[i].cert);
	}
	for (size_t i = 0; i < t->nsessions; i++)
		SSL_SESSION_free(t->sessions[i].sess);
	SSL_CTX_free(t->upstream);
	pthread_mutex_destroy(&t->lock);
	free(t);
}

static SSL_CTX *server_ctx_new(X509 *cert, EVP_PKEY *key, X509 *ca_cert, tg_err *err)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
	char e[256];

	if (!ctx) {
		tg_errf(err, "server TLS context: %s", errstr(e, sizeof(e)));
		return NULL;
	}
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
	SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ENABLE_PARTIAL_WRITE |
				      SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
	SSL_CTX_set_alpn_select_cb(ctx, select_alpn, NULL);
	SSL_CTX_set_read_ahead(ctx, 1);
	SSL_CTX_set_session_id_context(ctx, (const unsigned char *)"tollgate", 8);
	if (SSL_CTX_use_certificate(ctx, cert) != 1 || SSL_CTX_use_PrivateKey(ctx, key) != 1 ||
	    SSL_CTX_add1_chain_cert(ctx, ca_cert) != 1) {
		tg_errf(err, "install leaf certificate: %s", errstr(e, sizeof(e)));
		SSL_CTX_free(ctx);
		return NULL;
	}
	return ctx;
}

SSL *tg_tls_server(struct tg_tls *t, const char *host, tg_err *err)
{
	X509 *cert = NULL;
	EVP_PKEY *key = NULL;
	SSL_CTX *ctx = NULL;
	SSL *ssl = NULL;
	size_t i;

	if (tg_ca_leaf(t->ca, host, &cert, &key, err))
		return NULL;
	pthread_mutex_lock(&t->lock);
	for (i = 0; i < t->nservers; i++)
		if (strcasecmp(t->servers[i].host, host) == 0)
			break;
	if (i < t->nservers && t->servers[i].cert != cert) {
		/* The leaf was re-minted: rebuild the context. */
		SSL_CTX_free(t->servers[i].ctx);
		X509_free(t->servers[i].cert);
		t->servers[i] = t->servers[--t->nservers];
		i = t->nservers;
	}
	if (i == t->nservers) {
		ctx = server_ctx_new(cert, key, tg_ca_cert(t->ca), err);
		if (ctx) {
			if (t->nservers == TG_TLS_CACHE) {
				SSL_CTX_free(t->servers[0].ctx);
				X509_free(t->servers[0].cert);
				t->servers[0] = t->servers[--t->nservers];
			}
			i = t->nservers++;
			tg_strlcpy(t->servers[i].host, host, sizeof(t->servers[i].host));
			t->servers[i].ctx = ctx;
			t->servers[i].cert = cert;
			X509_up_ref(cert);
		}
	}
	if (i < t->nservers) {
		ssl = SSL_new(t->servers[i].ctx);
		if (!ssl)
			tg_errf(err, "SSL_new failed");
	}
	pthread_mutex_unlock(&t->lock);
	X509_free(cert);
	EVP_PKEY_free(key);
	return ssl;
}

SSL *tg_tls_upstream(struct tg_tls *t, const char *host, tg_err *err)
{
	SSL *ssl = SSL_new(t->upstream);

	if (!ssl) {
		tg_errf(err, "SSL_new failed");
		return NULL;
	}
	if (SSL_set_tlsext_host_name(ssl, host) != 1 || SSL_set1_host(ssl, host) != 1) {
		SSL_free(ssl);
		tg_errf(err, "set upstream server name %s", host);
		return NULL;
	}
	SSL_set_hostflags(ssl, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
	/* Offer the newest ticket for this host, and only once (RFC 8446 C.4). */
	pthread_mutex_lock(&t->lock);
	for (size_t i = t->nsessions; i-- > 0;) {
		if (strcasecmp(t->sessions[i].host, host) == 0) {
			SSL_set_session(ssl, t->sessions[i].sess);
			SSL_SESSION_free(t->sessions[i].sess);
			memmove(&t->sessions[i], &t->sessions[i + 1],
				(t->nsessions - i - 1) * sizeof(t->sessions[0]));
			t->nsessions--;
			break;
		}
	}
	pthread_mutex_unlock(&t->lock);
	return ssl;
}

/* Keep up to this many tickets per hostname: each is offered once. */
#define TICKETS_PER_HOST 4

static void remember_session(struct tg_tls *t, const char *host, SSL_SESSION *s)
{
	size_t same = 0, oldest = TG_TLS_CACHE;

	pthread_mutex_lock(&t->lock);
	for (size_t i = 0; i < t->nsessions; i++) {
		if (strcasecmp(t->sessions[i].host, host) == 0) {
			if (same++ == 0)
				oldest = i;
		}
	}
	if (same >= TICKETS_PER_HOST || t->nsessions == TG_TLS_CACHE) {
		size_t drop = same >= TICKETS_PER_HOST ? oldest : 0;

		SSL_SESSION_free(t->sessions[drop].sess);
		memmove(&t->sessions[drop], &t->sessions[drop + 1],
			(t->nsessions - drop - 1) * sizeof(t->sessions[0]));
		t->nsessions--;
	}
	tg_strlcpy(t->sessions[t->nsessions].host, host, sizeof(t->sessions[0].host));
	t->sessions[t->nsessions].sess = s;
	t->nsessions++;
	pthread_mutex_unlock(&t->lock);
}

bool tg_tls_upstream_resumed(SSL *ssl)
{
	return SSL_session_reused(ssl) == 1;
}

void tg_tls_upstream_error(SSL *ssl, const char *host, char *out, size_t size)
{
	long v = ssl ? SSL_get_verify_result(ssl) : X509_V_OK;
	char e[256];

	if (v != X509_V_OK)
		snprintf(out, size, "upstream certificate verification failed for %s: %s", host,
			 X509_verify_cert_error_string(v));
	else
		snprintf(out, size, "TLS handshake with upstream %s failed: %s", host,
			 errstr(e, sizeof(e)));
}

static long read_watch(BIO *b, int oper, const char *argp, size_t len, int argi, long argl, int ret,
		       size_t *processed)
{
	bool *drained = (bool *)BIO_get_callback_arg(b);

	(void)argp;
	(void)argi;
	(void)argl;
	if (oper == (BIO_CB_READ | BIO_CB_RETURN) && drained)
		*drained = ret <= 0 || !processed || *processed < len;
	return ret;
}

void tg_tls_watch_reads(SSL *ssl, bool *drained)
{
	BIO *b = SSL_get_rbio(ssl);

	if (!b)
		return;
	BIO_set_callback_arg(b, (char *)drained);
	BIO_set_callback_ex(b, read_watch);
}
