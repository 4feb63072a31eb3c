/*
 * ca.c - tollgate's local certificate authority and its leaf cache.
 *
 * The CA is an ECDSA P-256 key and a self-signed X.509 v3 certificate kept
 * in the state directory:
 *
 *   ca.key   PKCS#8 PEM, mode 0600, owned by us (we refuse anything looser)
 *   ca.pem   the certificate, mode 0644, for users to trust
 *
 * Both are written atomically (temp file created with its final mode,
 * fsync, rename, fsync of the directory); ca.key is written before ca.pem,
 * so a crash never leaves a certificate without its key, and tg_ca_open()
 * creates a CA whenever ca.pem is missing.
 *
 * The certificate carries critical Name Constraints:
 *
 *   permitted  DNS:<domain>   for each provider domain (the name itself and
 *                             every name below it, RFC 5280 4.2.1.10)
 *   excluded   IP:0.0.0.0/0   (address and mask: 8 zero octets)
 *   excluded   IP:::/0        (32 zero octets)
 *
 * so the key, if it ever leaked, could vouch for nothing but the providers.
 * The permitted domains are read back from the certificate on load, and
 * they are what tg_ca_covers() checks, so the cache never mints a leaf a
 * client would reject.
 *
 * Leaves share one P-256 key per tg_ca (generated at open; the handshake
 * costs of one key beat a key per host) and carry only DNS:<host>. They are
 * cached by lowercased hostname in a small chained hash table, re-minted
 * when less than TG_LEAF_RENEW_S of validity is left, and the oldest minted
 * is evicted when the table is full. One mutex guards the table; minting
 * happens under it, which is cheap (one ECDSA signature) and rare.
 */
#include "ca.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#define CA_VALIDITY_DAYS 3652     /* ten years, leap days included */
#define CA_BACKDATE_S 3600        /* notBefore is an hour ago: clock skew */
#define CA_FILE_MAX (64 * 1024)   /* ca.pem and ca.key are far smaller */
#define CACHE_MAX 4096            /* leaves kept at most */
#define CACHE_BUCKETS 1024        /* power of two */
#define DNS_NAME_MAX 253
#define DNS_LABEL_MAX 63
#define CN_MAX 64                 /* ub-common-name */

struct leaf {
	struct leaf *next;   /* hash chain */
	X509 *cert;
	time_t not_after;
	uint64_t seq;        /* when minted, for eviction */
	char host[];         /* lowercased */
};

struct tg_ca {
	X509 *cert;
	EVP_PKEY *key;
	EVP_PKEY *leaf_key;
	time_t not_after;            /* the CA's */
	char **domains;              /* permitted DNS subtrees, lowercased */
	size_t ndomains;
	char pem_path[PATH_MAX];

	pthread_mutex_t lock;        /* guards everything below */
	struct leaf *buckets[CACHE_BUCKETS];
	size_t cached;
	uint64_t seq;
	unsigned long minted;
};

struct ca_paths {
	char key[PATH_MAX], pem[PATH_MAX], key_old[PATH_MAX], pem_old[PATH_MAX];
};

/* ---- small helpers ---- */

/* Turn the OpenSSL error queue into a message, and empty it. */
static int ossl_err(tg_err *err, const char *what)
{
	unsigned long e = ERR_peek_last_error();
	const char *reason = e ? ERR_reason_error_string(e) : NULL;
	char buf[256];

	if (e && !reason) {
		ERR_error_string_n(e, buf, sizeof(buf));
		reason = buf;
	}
	ERR_clear_error();
	if (reason)
		return tg_errf(err, "%s: %s", what, reason);
	return tg_errf(err, "%s failed", what);
}

/* A printable, bounded copy of untrusted text, for error messages. */
static const char *printable(char *dst, size_t size, const char *src)
{
	size_t i;

	for (i = 0; src[i] && i + 1 < size; i++)
		dst[i] = (src[i] > ' ' && src[i] < 127) ? src[i] : '?';
	dst[i] = 0;
	return dst;
}

static char ascii_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/*
 * A sane DNS name: LDH labels of 1..63 characters (no hyphen at either
 * end), separated by single dots, 253 characters at most, no leading or
 * trailing dot, and a last label that is not all digits (no IPv4 address
 * in disguise). No wildcards.
 */
static bool dns_name_ok(const char *s)
{
	size_t len, label = 0;
	bool numeric = true; /* the current label is all digits so far */
	char prev = '.';

	for (len = 0; s[len]; len++) {
		char c = s[len];

		if (len >= DNS_NAME_MAX)
			return false;
		if (c == '.') {
			if (label == 0 || prev == '-')
				return false;
			label = 0;
			numeric = true;
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			   (c >= '0' && c <= '9') || c == '-') {
			if ((c == '-' && label == 0) || ++label > DNS_LABEL_MAX)
				return false;
			if (c < '0' || c > '9')
				numeric = false;
		} else {
			return false;
		}
		prev = c;
	}
	return label > 0 && prev != '-' && !numeric;
}

/* Is host (length hlen) equal to dom or below it? A constraint with a
 * leading dot (never written by us) means "strictly below", as in OpenSSL. */
static bool name_within(const char *host, size_t hlen, const char *dom)
{
	size_t dlen = strlen(dom);

	if (dlen == 0 || hlen < dlen)
		return false;
	if (strcasecmp(host + hlen - dlen, dom) != 0)
		return false;
	if (dom[0] == '.')
		return hlen > dlen;
	return hlen == dlen || host[hlen - dlen - 1] == '.';
}

static void free_strv(char **v, size_t n)
{
	if (!v)
		return;
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Validate domains[0..n) and return lowercased copies. */
static char **copy_domains(const char *const *domains, size_t n, tg_err *err)
{
	char **v = calloc(n ? n : 1, sizeof(*v));
	char shown[80];

	if (!v) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		if (!domains[i] || !dns_name_ok(domains[i])) {
			tg_errf(err, "CA domain \"%s\" is not a valid DNS name",
				domains[i] ? printable(shown, sizeof(shown), domains[i]) : "(null)");
			free_strv(v, n);
			return NULL;
		}
		v[i] = strdup(domains[i]);
		if (!v[i]) {
			tg_errf(err, "out of memory");
			free_strv(v, n);
			return NULL;
		}
		for (char *p = v[i]; *p; p++)
			*p = ascii_lower(*p);
	}
	return v;
}

/* ---- files ---- */

static int ca_paths(struct ca_paths *p, const char *dir, tg_err *err)
{
	if (!dir || !*dir)
		return tg_errf(err, "no state directory");
	if (snprintf(p->key, sizeof(p->key), "%s/ca.key", dir) >= (int)sizeof(p->key) ||
	    snprintf(p->pem, sizeof(p->pem), "%s/ca.pem", dir) >= (int)sizeof(p->pem) ||
	    snprintf(p->key_old, sizeof(p->key_old), "%s/ca.key.old", dir) >= (int)sizeof(p->key_old) ||
	    snprintf(p->pem_old, sizeof(p->pem_old), "%s/ca.pem.old", dir) >= (int)sizeof(p->pem_old))
		return tg_errf(err, "state directory path too long");
	return 0;
}

/* mkdir -p: missing parents get 0755, the directory itself 0700. */
static int ensure_dir(const char *dir, tg_err *err)
{
	char path[PATH_MAX];
	struct stat st;
	size_t len;

	if (tg_strlcpy(path, dir, sizeof(path)) < 0)
		return tg_errf(err, "state directory path too long");
	len = strlen(path);
	while (len > 1 && path[len - 1] == '/')
		path[--len] = 0;
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		if (mkdir(path, 0755) < 0 && errno != EEXIST) {
			int e = errno;

			*p = '/';
			return tg_errf(err, "cannot create %s: %s", path, strerror(e));
		}
		*p = '/';
	}
	if (mkdir(path, 0700) == 0) {
		if (chmod(path, 0700) < 0) /* in case the umask took bits away */
			return tg_errf(err, "chmod %s: %s", path, strerror(errno));
		return 0;
	}
	if (errno != EEXIST)
		return tg_errf(err, "cannot create %s: %s", path, strerror(errno));
	if (stat(path, &st) < 0)
		return tg_errf(err, "%s: %s", path, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return tg_errf(err, "%s exists and is not a directory", path);
	return 0;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static void fsync_parent(const char *path)
{
	char dir[PATH_MAX];
	char *slash;
	int fd;

	if (tg_strlcpy(dir, path, sizeof(dir)) < 0 || !(slash = strrchr(dir, '/')))
		return;
	if (slash == dir)
		slash[1] = 0;
	else
		*slash = 0;
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Replace path with data: a temp file created with its final mode (so a
 * key is never readable by others, not even briefly), fsync, rename. */
static int write_atomic(const char *path, const char *data, size_t len, mode_t mode, tg_err *err)
{
	char tmp[PATH_MAX];
	int fd, e;

	if (snprintf(tmp, sizeof(tmp), "%s.%ld.tmp", path, (long)getpid()) >= (int)sizeof(tmp))
		return tg_errf(err, "%s: path too long", path);
	unlink(tmp); /* a leftover from a crash */
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	if (fd < 0)
		return tg_errf(err, "cannot create %s: %s", tmp, strerror(errno));
	if (fchmod(fd, mode) < 0 || write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		e = errno;
		close(fd);
		unlink(tmp);
		return tg_errf(err, "cannot write %s: %s", tmp, strerror(e));
	}
	if (close(fd) < 0) {
		e = errno;
		unlink(tmp);
		return tg_errf(err, "cannot write %s: %s", tmp, strerror(e));
	}
	if (rename(tmp, path) < 0) {
		e = errno;
		unlink(tmp);
		return tg_errf(err, "cannot rename %s to %s: %s", tmp, path, strerror(e));
	}
	fsync_parent(path);
	return 0;
}

/* Write the key (0600) and then the certificate (0644). */
static int write_ca_files(const struct ca_paths *p, X509 *cert, EVP_PKEY *key, tg_err *err)
{
	BIO *kb = BIO_new(BIO_s_secmem()); /* wiped when freed */
	BIO *cb = BIO_new(BIO_s_mem());
	char *data;
	long len;
	int rc = -1;

	if (!kb || !cb) {
		ossl_err(err, "BIO_new");
		goto out;
	}
	if (!PEM_write_bio_PrivateKey(kb, key, NULL, NULL, 0, NULL, NULL)) {
		ossl_err(err, "encoding the CA key");
		goto out;
	}
	if (!PEM_write_bio_X509(cb, cert)) {
		ossl_err(err, "encoding the CA certificate");
		goto out;
	}
	len = BIO_get_mem_data(kb, &data);
	if (write_atomic(p->key, data, (size_t)len, 0600, err) < 0)
		goto out;
	len = BIO_get_mem_data(cb, &data);
	if (write_atomic(p->pem, data, (size_t)len, 0644, err) < 0)
		goto out;
	rc = 0;
out:
	BIO_free(kb);
	BIO_free(cb);
	return rc;
}

/* Read a small regular file; fills *st from the open descriptor. */
static int read_small(const char *path, char *buf, size_t cap, size_t *len, struct stat *st,
		      tg_err *err)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	size_t n = 0;

	if (fd < 0)
		return tg_errf(err, "cannot open %s: %s", path, strerror(errno));
	if (fstat(fd, st) < 0) {
		close(fd);
		return tg_errf(err, "%s: %s", path, strerror(errno));
	}
	if (!S_ISREG(st->st_mode)) {
		close(fd);
		return tg_errf(err, "%s is not a regular file", path);
	}
	for (;;) {
		ssize_t r = read(fd, buf + n, cap - n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;

			close(fd);
			return tg_errf(err, "cannot read %s: %s", path, strerror(e));
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n == cap) {
			close(fd);
			return tg_errf(err, "%s is too large", path);
		}
	}
	close(fd);
	*len = n;
	return 0;
}

static int no_password(char *buf, int size, int rwflag, void *u)
{
	(void)buf, (void)size, (void)rwflag, (void)u;
	return -1;
}

static EVP_PKEY *load_key(const char *path, tg_err *err)
{
	char buf[16384];
	EVP_PKEY *key = NULL;
	struct stat st;
	size_t len = 0;
	BIO *b;

	if (read_small(path, buf, sizeof(buf), &len, &st, err) < 0)
		goto out;
	if (st.st_uid != geteuid()) {
		tg_errf(err, "%s is owned by uid %u, not by the current user (uid %u); refusing to use it",
			path, (unsigned)st.st_uid, (unsigned)geteuid());
		goto out;
	}
	if (st.st_mode & (S_IRWXG | S_IRWXO)) {
		tg_errf(err, "%s has mode %04o, open to other users; refusing to use it "
			"(chmod 600 it, or rotate the CA if it may have leaked)",
			path, (unsigned)(st.st_mode & 07777));
		goto out;
	}
	b = BIO_new_mem_buf(buf, (int)len);
	if (!b) {
		ossl_err(err, "BIO_new_mem_buf");
		goto out;
	}
	key = PEM_read_bio_PrivateKey(b, NULL, no_password, NULL);
	BIO_free(b);
	if (!key)
		ossl_err(err, path);
out:
	OPENSSL_cleanse(buf, sizeof(buf));
	return key;
}

static X509 *load_cert(const char *path, tg_err *err)
{
	char buf[16384];
	X509 *cert = NULL;
	struct stat st;
	size_t len;
	BIO *b;

	if (read_small(path, buf, sizeof(buf), &len, &st, err) < 0)
		return NULL;
	b = BIO_new_mem_buf(buf, (int)len);
	if (!b) {
		ossl_err(err, "BIO_new_mem_buf");
		return NULL;
	}
	cert = PEM_read_bio_X509(b, NULL, NULL, NULL);
	BIO_free(b);
	if (!cert)
		ossl_err(err, path);
	return cert;
}

/* ---- certificates ---- */

static int set_random_serial(X509 *x)
{
	BIGNUM *bn = BN_new();
	int ok = 0;

	if (!bn)
		return -1;
	do { /* 128 random bits; DER adds a leading zero if needed, so it is positive */
		if (!BN_rand(bn, 128, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY))
			goto out;
	} while (BN_is_zero(bn));
	ok = BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(x)) != NULL;
out:
	BN_free(bn);
	return ok ? 0 : -1;
}

/* An extension from its config-string form ("critical,CA:TRUE"). */
static int add_ext(X509 *x, X509 *issuer, int nid, const char *value)
{
	X509V3_CTX v3;
	X509_EXTENSION *ext;
	int ok;

	X509V3_set_ctx_nodb(&v3);
	X509V3_set_ctx(&v3, issuer, x, NULL, NULL, 0);
	ext = X509V3_EXT_conf_nid(NULL, &v3, nid, value);
	if (!ext)
		return -1;
	ok = X509_add_ext(x, ext, -1);
	X509_EXTENSION_free(ext);
	return ok ? 0 : -1;
}

/* A GENERAL_NAME holding a copy of data: GEN_DNS (IA5String) or GEN_IPADD. */
static GENERAL_NAME *make_gen(int type, const void *data, int len)
{
	GENERAL_NAME *gen = GENERAL_NAME_new();
	ASN1_STRING *s = type == GEN_DNS ? ASN1_IA5STRING_new() : ASN1_OCTET_STRING_new();

	if (!gen || !s || !ASN1_STRING_set(s, data, len)) {
		GENERAL_NAME_free(gen);
		ASN1_STRING_free(s);
		return NULL;
	}
	GENERAL_NAME_set0_value(gen, type, s);
	return gen;
}

static int push_subtree(STACK_OF(GENERAL_SUBTREE) *sk, int type, const void *data, int len)
{
	GENERAL_SUBTREE *st = GENERAL_SUBTREE_new();
	GENERAL_NAME *gen = make_gen(type, data, len);

	if (!st || !gen)
		goto fail;
	GENERAL_NAME_free(st->base);
	st->base = gen;
	gen = NULL;
	if (!sk_GENERAL_SUBTREE_push(sk, st))
		goto fail;
	return 0;
fail:
	GENERAL_SUBTREE_free(st);
	GENERAL_NAME_free(gen);
	return -1;
}

/* Critical nameConstraints: permitted DNS:domains, excluded all of IPv4/IPv6. */
static int add_name_constraints(X509 *x, char **domains, size_t n)
{
	static const unsigned char any[32]; /* address and mask, all zero */
	NAME_CONSTRAINTS *nc = NAME_CONSTRAINTS_new();
	int ok = 0;

	if (!nc)
		return -1;
	nc->permittedSubtrees = sk_GENERAL_SUBTREE_new_null();
	nc->excludedSubtrees = sk_GENERAL_SUBTREE_new_null();
	if (!nc->permittedSubtrees || !nc->excludedSubtrees)
		goto out;
	for (size_t i = 0; i < n; i++)
		if (push_subtree(nc->permittedSubtrees, GEN_DNS, domains[i], (int)strlen(domains[i])) < 0)
			goto out;
	if (push_subtree(nc->excludedSubtrees, GEN_IPADD, any, 8) < 0 ||
	    push_subtree(nc->excludedSubtrees, GEN_IPADD, any, 32) < 0)
		goto out;
	ok = X509_add1_ext_i2d(x, NID_name_constraints, nc, 1, X509V3_ADD_DEFAULT) == 1;
out:
	NAME_CONSTRAINTS_free(nc);
	return ok ? 0 : -1;
}

static int add_dns_san(X509 *x, const char *host, int critical)
{
	GENERAL_NAMES *gens = GENERAL_NAMES_new();
	GENERAL_NAME *gen = make_gen(GEN_DNS, host, (int)strlen(host));
	int ok = 0;

	if (!gens || !gen)
		goto out;
	if (!sk_GENERAL_NAME_push(gens, gen))
		goto out;
	gen = NULL;
	ok = X509_add1_ext_i2d(x, NID_subject_alt_name, gens, critical, X509V3_ADD_DEFAULT) == 1;
out:
	GENERAL_NAME_free(gen);
	GENERAL_NAMES_free(gens);
	return ok ? 0 : -1;
}

static EVP_PKEY *new_p256(tg_err *err)
{
	EVP_PKEY *key = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");

	if (!key)
		ossl_err(err, "generating a P-256 key");
	return key;
}

/* The CA's common name: "tollgate local CA (<hostname>)", within 64 characters. */
static void ca_common_name(char *cn, size_t size)
{
	char host[256], shown[44];

	if (gethostname(host, sizeof(host)) < 0 || !host[0])
		strcpy(host, "unknown");
	host[sizeof(host) - 1] = 0;
	snprintf(cn, size, "tollgate local CA (%s)", printable(shown, sizeof(shown), host));
}

/* Generate a CA key and certificate for domains[0..n) (validated, lowercased). */
static int make_ca(char **domains, size_t n, X509 **out_cert, EVP_PKEY **out_key, tg_err *err)
{
	EVP_PKEY *key = NULL;
	X509 *x = NULL;
	X509_NAME *name;
	time_t now = time(NULL);
	char cn[CN_MAX + 1];

	if (n == 0)
		return tg_errf(err, "cannot create a CA without any permitted domain");
	key = new_p256(err);
	if (!key)
		return -1;
	ca_common_name(cn, sizeof(cn));
	x = X509_new();
	if (!x || !X509_set_version(x, X509_VERSION_3) || set_random_serial(x) < 0 ||
	    !ASN1_TIME_adj(X509_getm_notBefore(x), now, 0, -CA_BACKDATE_S) ||
	    !ASN1_TIME_adj(X509_getm_notAfter(x), now, CA_VALIDITY_DAYS, 0) ||
	    !X509_set_pubkey(x, key))
		goto fail;
	name = X509_get_subject_name(x);
	if (!X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, (const unsigned char *)"tollgate", -1, -1, 0) ||
	    !X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, (const unsigned char *)cn, -1, -1, 0) ||
	    !X509_set_issuer_name(x, name))
		goto fail;
	if (add_ext(x, x, NID_basic_constraints, "critical,CA:TRUE,pathlen:0") < 0 ||
	    add_ext(x, x, NID_key_usage, "critical,keyCertSign,cRLSign") < 0 ||
	    add_ext(x, x, NID_subject_key_identifier, "hash") < 0 ||
	    add_name_constraints(x, domains, n) < 0)
		goto fail;
	if (!X509_sign(x, key, EVP_sha256()))
		goto fail;
	*out_cert = x;
	*out_key = key;
	return 0;
fail:
	X509_free(x);
	EVP_PKEY_free(key);
	return ossl_err(err, "creating the CA certificate");
}

static time_t asn1_to_time(const ASN1_TIME *t)
{
	struct tm tm;

	if (!ASN1_TIME_to_tm(t, &tm))
		return 0;
	return timegm(&tm);
}

/*
 * Read the permitted DNS subtrees back from the CA certificate. *weak is set
 * when the constraints are not what tollgate writes: missing, not critical,
 * or not excluding every IPv4 and IPv6 address.
 */
static int read_constraints(struct tg_ca *ca, bool *weak, tg_err *err)
{
	NAME_CONSTRAINTS *nc;
	int crit = -1, n;
	bool v4 = false, v6 = false;

	*weak = true;
	nc = X509_get_ext_d2i(ca->cert, NID_name_constraints, &crit, NULL);
	if (!nc) {
		ERR_clear_error();
		return 0;
	}
	n = sk_GENERAL_SUBTREE_num(nc->permittedSubtrees);
	ca->domains = calloc(n > 0 ? (size_t)n : 1, sizeof(*ca->domains));
	if (!ca->domains) {
		NAME_CONSTRAINTS_free(nc);
		return tg_errf(err, "out of memory");
	}
	for (int i = 0; i < n; i++) {
		GENERAL_NAME *base = sk_GENERAL_SUBTREE_value(nc->permittedSubtrees, i)->base;
		const unsigned char *data;
		char *d;
		int len;

		if (base->type != GEN_DNS)
			continue;
		data = ASN1_STRING_get0_data(base->d.dNSName);
		len = ASN1_STRING_length(base->d.dNSName);
		if (len <= 0 || memchr(data, 0, (size_t)len))
			continue;
		d = strndup((const char *)data, (size_t)len);
		if (!d) {
			NAME_CONSTRAINTS_free(nc);
			return tg_errf(err, "out of memory");
		}
		for (char *p = d; *p; p++)
			*p = ascii_lower(*p);
		ca->domains[ca->ndomains++] = d;
	}
	for (int i = 0; i < sk_GENERAL_SUBTREE_num(nc->excludedSubtrees); i++) {
		GENERAL_NAME *base = sk_GENERAL_SUBTREE_value(nc->excludedSubtrees, i)->base;
		static const unsigned char zero[32];
		int len;

		if (base->type != GEN_IPADD)
			continue;
		len = ASN1_STRING_length(base->d.iPAddress);
		if ((len == 8 || len == 32) &&
		    memcmp(ASN1_STRING_get0_data(base->d.iPAddress) + len / 2, zero, (size_t)len / 2) == 0) {
			if (len == 8)
				v4 = true;
			else
				v6 = true;
		}
	}
	*weak = !(crit == 1 && v4 && v6);
	NAME_CONSTRAINTS_free(nc);
	return 0;
}

static int load_ca(struct tg_ca *ca, const struct ca_paths *p, tg_err *err)
{
	ca->cert = load_cert(p->pem, err);
	if (!ca->cert)
		return -1;
	ca->key = load_key(p->key, err);
	if (!ca->key)
		return -1;
	if (!X509_check_private_key(ca->cert, ca->key)) {
		ERR_clear_error();
		return tg_errf(err, "%s does not match %s", p->key, p->pem);
	}
	if (X509_check_ca(ca->cert) != 1)
		return tg_errf(err, "%s is not a CA certificate", p->pem);
	return 0;
}

/* ---- open, rotate ---- */

struct tg_ca *tg_ca_open(const char *state_dir, const char *const *domains, size_t ndomains,
			 bool *stale, tg_err *err)
{
	struct ca_paths p;
	struct tg_ca *ca;
	struct stat st;
	char **want = NULL;
	bool weak = false, old = false;

	if (stale)
		*stale = false;
	if (ca_paths(&p, state_dir, err) < 0)
		return NULL;
	ca = calloc(1, sizeof(*ca));
	if (!ca) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	if (pthread_mutex_init(&ca->lock, NULL) != 0) {
		free(ca);
		tg_errf(err, "pthread_mutex_init failed");
		return NULL;
	}
	tg_strlcpy(ca->pem_path, p.pem, sizeof(ca->pem_path));
	want = copy_domains(domains, ndomains, err);
	if (!want || ensure_dir(state_dir, err) < 0)
		goto fail;

	if (stat(p.pem, &st) == 0) {
		if (load_ca(ca, &p, err) < 0)
			goto fail;
	} else if (errno == ENOENT) {
		if (make_ca(want, ndomains, &ca->cert, &ca->key, err) < 0 ||
		    write_ca_files(&p, ca->cert, ca->key, err) < 0)
			goto fail;
		tg_info("created a new CA in %s for %zu domain%s", p.pem, ndomains,
			ndomains == 1 ? "" : "s");
	} else {
		tg_errf(err, "%s: %s", p.pem, strerror(errno));
		goto fail;
	}

	if (read_constraints(ca, &weak, err) < 0)
		goto fail;
	ca->not_after = asn1_to_time(X509_get0_notAfter(ca->cert));
	old = ca->not_after - time(NULL) < TG_LEAF_VALIDITY_S;
	if (stale) {
		*stale = weak || old;
		for (size_t i = 0; i < ndomains && !*stale; i++)
			*stale = !tg_ca_covers(ca, want[i]);
	}
	ca->leaf_key = new_p256(err);
	if (!ca->leaf_key)
		goto fail;
	free_strv(want, ndomains);
	return ca;
fail:
	free_strv(want, ndomains);
	tg_ca_free(ca);
	return NULL;
}

int tg_ca_rotate(const char *state_dir, const char *const *domains, size_t ndomains, tg_err *err)
{
	struct ca_paths p;
	char **want;
	X509 *cert = NULL;
	EVP_PKEY *key = NULL;
	int rc = -1;

	if (ca_paths(&p, state_dir, err) < 0)
		return -1;
	want = copy_domains(domains, ndomains, err);
	if (!want)
		return -1;
	if (ensure_dir(state_dir, err) < 0 || make_ca(want, ndomains, &cert, &key, err) < 0)
		goto out;
	/* ca.pem first: if we stop half-way, the next open makes a fresh CA
	 * rather than finding a certificate without its key. */
	if (rename(p.pem, p.pem_old) < 0 && errno != ENOENT) {
		tg_errf(err, "cannot rename %s to %s: %s", p.pem, p.pem_old, strerror(errno));
		goto out;
	}
	if (rename(p.key, p.key_old) < 0 && errno != ENOENT) {
		tg_errf(err, "cannot rename %s to %s: %s", p.key, p.key_old, strerror(errno));
		goto out;
	}
	if (write_ca_files(&p, cert, key, err) < 0)
		goto out;
	tg_info("rotated the CA in %s (the old one is kept as %s)", p.pem, p.pem_old);
	rc = 0;
out:
	X509_free(cert);
	EVP_PKEY_free(key);
	free_strv(want, ndomains);
	return rc;
}

void tg_ca_free(struct tg_ca *ca)
{
	if (!ca)
		return;
	for (size_t i = 0; i < CACHE_BUCKETS; i++) {
		struct leaf *l = ca->buckets[i], *next;

		for (; l; l = next) {
			next = l->next;
			X509_free(l->cert);
			free(l);
		}
	}
	free_strv(ca->domains, ca->ndomains);
	X509_free(ca->cert);
	EVP_PKEY_free(ca->key);
	EVP_PKEY_free(ca->leaf_key);
	pthread_mutex_destroy(&ca->lock);
	free(ca);
}

bool tg_ca_covers(const struct tg_ca *ca, const char *host)
{
	size_t hlen;

	if (!ca || !host)
		return false;
	hlen = strlen(host);
	for (size_t i = 0; i < ca->ndomains; i++)
		if (name_within(host, hlen, ca->domains[i]))
			return true;
	return false;
}

X509 *tg_ca_cert(const struct tg_ca *ca)
{
	return ca->cert;
}

const char *tg_ca_pem_path(const struct tg_ca *ca)
{
	return ca->pem_path;
}

/* ---- leaves ---- */

static X509 *mint_leaf(struct tg_ca *ca, const char *host, time_t now, time_t *not_after, tg_err *err)
{
	X509 *x = X509_new();
	bool cn = strlen(host) <= CN_MAX;

	*not_after = now + TG_LEAF_VALIDITY_S;
	if (ca->not_after && *not_after > ca->not_after)
		*not_after = ca->not_after;
	if (!x || !X509_set_version(x, X509_VERSION_3) || set_random_serial(x) < 0 ||
	    !ASN1_TIME_adj(X509_getm_notBefore(x), now, 0, -CA_BACKDATE_S) ||
	    !ASN1_TIME_set(X509_getm_notAfter(x), *not_after) ||
	    !X509_set_issuer_name(x, X509_get_subject_name(ca->cert)) ||
	    !X509_set_pubkey(x, ca->leaf_key))
		goto fail;
	/* A name too long for a CN goes in the SAN only, which must then be
	 * critical because the subject is empty (RFC 5280 4.2.1.6). */
	if (cn && !X509_NAME_add_entry_by_txt(X509_get_subject_name(x), "CN", MBSTRING_ASC,
					      (const unsigned char *)host, -1, -1, 0))
		goto fail;
	if (add_ext(x, ca->cert, NID_basic_constraints, "critical,CA:FALSE") < 0 ||
	    add_ext(x, ca->cert, NID_key_usage, "critical,digitalSignature") < 0 ||
	    add_ext(x, ca->cert, NID_ext_key_usage, "serverAuth") < 0 ||
	    add_ext(x, ca->cert, NID_subject_key_identifier, "hash") < 0 ||
	    add_ext(x, ca->cert, NID_authority_key_identifier, "keyid:always") < 0 ||
	    add_dns_san(x, host, !cn) < 0)
		goto fail;
	if (!X509_sign(x, ca->key, EVP_sha256()))
		goto fail;
	return x;
fail:
	X509_free(x);
	ossl_err(err, "minting a leaf certificate");
	tg_err_prefix(err, "%s", host);
	return NULL;
}

static unsigned bucket_of(const char *host)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	for (; *host; host++)
		h = (h ^ (unsigned char)*host) * 16777619u;
	return h & (CACHE_BUCKETS - 1);
}

/* Drop the leaf minted longest ago. Called with the lock held. */
static void evict_oldest(struct tg_ca *ca)
{
	struct leaf **oldest = NULL, *victim;

	for (size_t i = 0; i < CACHE_BUCKETS; i++)
		for (struct leaf **pp = &ca->buckets[i]; *pp; pp = &(*pp)->next)
			if (!oldest || (*pp)->seq < (*oldest)->seq)
				oldest = pp;
	if (!oldest)
		return;
	victim = *oldest;
	*oldest = victim->next;
	X509_free(victim->cert);
	free(victim);
	ca->cached--;
}

int tg_ca_leaf(struct tg_ca *ca, const char *host, X509 **cert, EVP_PKEY **key, tg_err *err)
{
	char name[DNS_NAME_MAX + 1], shown[80];
	struct leaf *l;
	time_t now = time(NULL), not_after;
	unsigned b;
	size_t len;
	X509 *x;

	*cert = NULL;
	*key = NULL;
	if (!host || !dns_name_ok(host))
		return tg_errf(err, "\"%s\" is not a valid DNS name",
			       host ? printable(shown, sizeof(shown), host) : "(null)");
	len = strlen(host);
	for (size_t i = 0; i <= len; i++)
		name[i] = ascii_lower(host[i]);
	if (!tg_ca_covers(ca, name))
		return tg_errf(err, "%s is outside the CA's name constraints", name);
	b = bucket_of(name);

	pthread_mutex_lock(&ca->lock);
	for (l = ca->buckets[b]; l; l = l->next)
		if (strcmp(l->host, name) == 0)
			break;
	if (!l || l->not_after - now < TG_LEAF_RENEW_S) {
		x = mint_leaf(ca, name, now, &not_after, err);
		if (!x)
			goto fail;
		if (l) {
			X509_free(l->cert);
		} else {
			l = malloc(sizeof(*l) + len + 1);
			if (!l) {
				X509_free(x);
				tg_errf(err, "out of memory");
				goto fail;
			}
			memcpy(l->host, name, len + 1);
			if (ca->cached >= CACHE_MAX)
				evict_oldest(ca);
			l->next = ca->buckets[b];
			ca->buckets[b] = l;
			ca->cached++;
		}
		l->cert = x;
		l->not_after = not_after;
		l->seq = ++ca->seq;
		ca->minted++;
	}
	X509_up_ref(l->cert);
	EVP_PKEY_up_ref(ca->leaf_key);
	*cert = l->cert;
	*key = ca->leaf_key;
	pthread_mutex_unlock(&ca->lock);
	return 0;
fail:
	pthread_mutex_unlock(&ca->lock);
	return -1;
}

void tg_ca_counts(struct tg_ca *ca, unsigned long *minted, unsigned long *cached)
{
	pthread_mutex_lock(&ca->lock);
	if (minted)
		*minted = ca->minted;
	if (cached)
		*cached = (unsigned long)ca->cached;
	pthread_mutex_unlock(&ca->lock);
}
