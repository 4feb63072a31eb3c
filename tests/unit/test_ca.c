/*
 * test_ca.c - the local CA: files and modes, reload, leaves that verify,
 * name constraints that OpenSSL enforces, the leaf cache, stale detection,
 * rotation, key-permission checks, and concurrent minting.
 */
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "ca.h"
#include "check.h"

static const char *const domains[] = {"api.openai.com", "openai.azure.com", "api.anthropic.com"};
#define NDOMAINS TG_ARRAY_LEN(domains)

static char tmpdir[64];
static char state[256];

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

static void path_in(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s/%s", state, name);
}

static unsigned file_mode(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (unsigned)(st.st_mode & 07777) : 0xffffu;
}

/* X509_verify_cert of leaf against the CA alone; host may be NULL. */
static int verify(X509 *ca, X509 *leaf, const char *host, unsigned long flags)
{
	X509_STORE *store = X509_STORE_new();
	X509_STORE_CTX *ctx = X509_STORE_CTX_new();
	int rc = -1;

	if (!store || !ctx || !X509_STORE_add_cert(store, ca) ||
	    !X509_STORE_CTX_init(ctx, store, leaf, NULL))
		goto out;
	if (host)
		X509_VERIFY_PARAM_set1_host(X509_STORE_CTX_get0_param(ctx), host, 0);
	if (flags)
		X509_VERIFY_PARAM_set_flags(X509_STORE_CTX_get0_param(ctx), flags);
	X509_VERIFY_PARAM_set_purpose(X509_STORE_CTX_get0_param(ctx), X509_PURPOSE_SSL_SERVER);
	rc = X509_verify_cert(ctx) == 1 ? X509_V_OK : X509_STORE_CTX_get_error(ctx);
out:
	X509_STORE_CTX_free(ctx);
	X509_STORE_free(store);
	ERR_clear_error();
	return rc;
}

static EVP_PKEY *read_ca_key(void)
{
	char path[512];
	EVP_PKEY *key;
	FILE *f;

	path_in(path, sizeof(path), "ca.key");
	f = fopen(path, "r");
	if (!f)
		return NULL;
	key = PEM_read_PrivateKey(f, NULL, NULL, NULL);
	fclose(f);
	return key;
}

static X509 *read_pem(const char *name)
{
	char path[512];
	X509 *x;
	FILE *f;

	path_in(path, sizeof(path), name);
	f = fopen(path, "r");
	if (!f)
		return NULL;
	x = PEM_read_X509(f, NULL, NULL, NULL);
	fclose(f);
	return x;
}

/* A leaf signed by hand with the CA key, to see what OpenSSL itself allows.
 * cn may be NULL; dns and ip (a 4- or 16-byte address) are optional SANs. */
static X509 *forge(X509 *ca, EVP_PKEY *ca_key, const char *cn, const char *dns,
		   const unsigned char *ip, int iplen)
{
	EVP_PKEY *key = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
	X509 *x = X509_new();
	GENERAL_NAMES *gens = GENERAL_NAMES_new();
	X509V3_CTX v3;
	X509_EXTENSION *ext;

	X509_set_version(x, X509_VERSION_3);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 4242);
	X509_gmtime_adj(X509_getm_notBefore(x), -3600);
	X509_gmtime_adj(X509_getm_notAfter(x), 3600);
	X509_set_issuer_name(x, X509_get_subject_name(ca));
	if (cn)
		X509_NAME_add_entry_by_txt(X509_get_subject_name(x), "CN", MBSTRING_ASC,
					   (const unsigned char *)cn, -1, -1, 0);
	X509_set_pubkey(x, key);
	if (dns) {
		GENERAL_NAME *g = GENERAL_NAME_new();
		ASN1_IA5STRING *s = ASN1_IA5STRING_new();

		ASN1_STRING_set(s, dns, -1);
		GENERAL_NAME_set0_value(g, GEN_DNS, s);
		sk_GENERAL_NAME_push(gens, g);
	}
	if (ip) {
		GENERAL_NAME *g = GENERAL_NAME_new();
		ASN1_OCTET_STRING *s = ASN1_OCTET_STRING_new();

		ASN1_OCTET_STRING_set(s, ip, iplen);
		GENERAL_NAME_set0_value(g, GEN_IPADD, s);
		sk_GENERAL_NAME_push(gens, g);
	}
	if (sk_GENERAL_NAME_num(gens) > 0)
		X509_add1_ext_i2d(x, NID_subject_alt_name, gens, 0, X509V3_ADD_DEFAULT);
	X509V3_set_ctx(&v3, ca, x, NULL, NULL, 0);
	ext = X509V3_EXT_conf_nid(NULL, &v3, NID_ext_key_usage, "serverAuth");
	X509_add_ext(x, ext, -1);
	X509_EXTENSION_free(ext);
	X509_sign(x, ca_key, EVP_sha256());
	GENERAL_NAMES_free(gens);
	EVP_PKEY_free(key);
	return x;
}

static bool has_ip_san(X509 *x, int *ndns)
{
	GENERAL_NAMES *gens = X509_get_ext_d2i(x, NID_subject_alt_name, NULL, NULL);
	bool ip = false;

	*ndns = 0;
	for (int i = 0; i < sk_GENERAL_NAME_num(gens); i++) {
		GENERAL_NAME *g = sk_GENERAL_NAME_value(gens, i);

		if (g->type == GEN_IPADD)
			ip = true;
		if (g->type == GEN_DNS)
			(*ndns)++;
	}
	GENERAL_NAMES_free(gens);
	return ip;
}

static void test_create_and_reload(void)
{
	char path[512], cn[256];
	struct tg_ca *ca, *again;
	bool stale = true;
	tg_err err = {{0}};
	X509 *cert;
	int crit = -1;
	NAME_CONSTRAINTS *nc;
	time_t now = time(NULL);
	int days, secs;

	ca = tg_ca_open(state, domains, NDOMAINS, &stale, &err);
	CHECK(ca != NULL, "ca: create in a fresh nested directory (%s)", err.msg);
	if (!ca)
		return;
	CHECK(!stale, "ca: a new CA is not stale");
	CHECK(file_mode(state) == 0700, "ca: state dir is 0700 (got %04o)", file_mode(state));
	path_in(path, sizeof(path), "ca.key");
	CHECK(file_mode(path) == 0600, "ca: ca.key is 0600 (got %04o)", file_mode(path));
	path_in(path, sizeof(path), "ca.pem");
	CHECK(file_mode(path) == 0644, "ca: ca.pem is 0644 (got %04o)", file_mode(path));
	CHECK(strcmp(tg_ca_pem_path(ca), path) == 0, "ca: pem path is %s", tg_ca_pem_path(ca));

	cert = tg_ca_cert(ca);
	CHECK(X509_get_version(cert) == X509_VERSION_3, "ca: X.509 v3");
	CHECK(X509_check_ca(cert) == 1, "ca: is a CA");
	CHECK(X509_get_pathlen(cert) == 0, "ca: pathlen 0");
	CHECK((X509_get_extension_flags(cert) & EXFLAG_CRITICAL) == 0, "ca: no unknown critical extension");
	CHECK(X509_get_key_usage(cert) == (KU_KEY_CERT_SIGN | KU_CRL_SIGN), "ca: keyUsage keyCertSign, cRLSign");
	CHECK(X509_get0_subject_key_id(cert) != NULL, "ca: has a subjectKeyIdentifier");
	X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, cn, sizeof(cn));
	CHECK(strncmp(cn, "tollgate local CA (", 19) == 0, "ca: CN \"%s\"", cn);
	CHECK(X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_organizationName, cn,
					sizeof(cn)) > 0 && strcmp(cn, "tollgate") == 0, "ca: O=tollgate");
	CHECK(X509_check_issued(cert, cert) == X509_V_OK, "ca: self-signed");
	{
		BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), NULL);

		CHECK(bn && !BN_is_negative(bn) && BN_num_bits(bn) > 64 && BN_num_bits(bn) <= 128,
		      "ca: serial positive, random 128-bit (%d bits)", bn ? BN_num_bits(bn) : -1);
		BN_free(bn);
	}
	{
		EVP_PKEY *pub = X509_get0_pubkey(cert);
		char curve[64] = "";

		EVP_PKEY_get_utf8_string_param(pub, "group", curve, sizeof(curve), NULL);
		CHECK(EVP_PKEY_is_a(pub, "EC") && strcmp(curve, "prime256v1") == 0, "ca: P-256 key (%s)", curve);
	}
	ASN1_TIME_diff(&days, &secs, NULL, X509_get0_notBefore(cert));
	CHECK(days == 0 && secs <= -3590 && secs >= -3610, "ca: notBefore one hour ago (%d s)", secs);
	ASN1_TIME_diff(&days, &secs, X509_get0_notBefore(cert), X509_get0_notAfter(cert));
	CHECK(days >= 3650 && days <= 3653, "ca: valid ten years (%d days)", days);
	(void)now;

	nc = X509_get_ext_d2i(cert, NID_name_constraints, &crit, NULL);
	CHECK(nc && crit == 1, "ca: critical nameConstraints");
	if (nc) {
		int n = sk_GENERAL_SUBTREE_num(nc->permittedSubtrees), ok = n == (int)NDOMAINS;

		for (int i = 0; ok && i < n; i++) {
			GENERAL_NAME *g = sk_GENERAL_SUBTREE_value(nc->permittedSubtrees, i)->base;

			ok = g->type == GEN_DNS &&
			     strcmp((const char *)ASN1_STRING_get0_data(g->d.dNSName), domains[i]) == 0;
		}
		CHECK(ok, "ca: permitted DNS subtrees are the domains");
		n = sk_GENERAL_SUBTREE_num(nc->excludedSubtrees);
		ok = n == 2;
		for (int i = 0; ok && i < n; i++) {
			GENERAL_NAME *g = sk_GENERAL_SUBTREE_value(nc->excludedSubtrees, i)->base;
			static const unsigned char zero[32];
			int len = ASN1_STRING_length(g->d.iPAddress);

			ok = g->type == GEN_IPADD && len == (i == 0 ? 8 : 32) &&
			     memcmp(ASN1_STRING_get0_data(g->d.iPAddress), zero, (size_t)len) == 0;
		}
		CHECK(ok, "ca: excluded IP 0.0.0.0/0 and ::/0");
		NAME_CONSTRAINTS_free(nc);
	}

	again = tg_ca_open(state, domains, NDOMAINS, &stale, &err);
	CHECK(again != NULL, "ca: reload (%s)", err.msg);
	if (again) {
		CHECK(X509_cmp(tg_ca_cert(again), cert) == 0, "ca: reload gives the same certificate");
		CHECK(!stale, "ca: reload with the same domains is not stale");
		tg_ca_free(again);
	}
	tg_ca_free(ca);
}

static void test_leaves(struct tg_ca *ca)
{
	X509 *leaf = NULL, *leaf2 = NULL, *az = NULL;
	EVP_PKEY *key = NULL, *key2 = NULL, *azkey = NULL;
	tg_err err = {{0}};
	unsigned long minted = 0, cached = 0, minted0;
	int ndns, days, secs;
	char cn[256] = "";

	tg_ca_counts(ca, &minted0, NULL);
	CHECK(tg_ca_leaf(ca, "api.openai.com", &leaf, &key, &err) == 0, "leaf: api.openai.com (%s)", err.msg);
	if (!leaf)
		return;
	CHECK(verify(tg_ca_cert(ca), leaf, "api.openai.com", 0) == X509_V_OK,
	      "leaf: api.openai.com verifies with the host check");
	CHECK(verify(tg_ca_cert(ca), leaf, "api.openai.com", X509_V_FLAG_X509_STRICT) == X509_V_OK,
	      "leaf: verifies with X509_V_FLAG_X509_STRICT too");
	CHECK(verify(tg_ca_cert(ca), leaf, "api.anthropic.com", 0) == X509_V_ERR_HOSTNAME_MISMATCH,
	      "leaf: does not verify for another host");
	CHECK(X509_check_private_key(leaf, key) == 1, "leaf: key matches the certificate");
	CHECK(X509_check_ca(leaf) == 0, "leaf: not a CA");
	CHECK(X509_check_purpose(leaf, X509_PURPOSE_SSL_SERVER, 0) == 1, "leaf: serverAuth");
	CHECK(X509_get_key_usage(leaf) == KU_DIGITAL_SIGNATURE, "leaf: keyUsage digitalSignature");
	CHECK(!has_ip_san(leaf, &ndns) && ndns == 1, "leaf: exactly one DNS SAN, no IP SAN");
	CHECK(X509_get0_authority_key_id(leaf) && X509_get0_subject_key_id(leaf), "leaf: AKID and SKID");
	CHECK(ASN1_OCTET_STRING_cmp(X509_get0_authority_key_id(leaf),
				    X509_get0_subject_key_id(tg_ca_cert(ca))) == 0, "leaf: AKID is the CA's SKID");
	X509_NAME_get_text_by_NID(X509_get_subject_name(leaf), NID_commonName, cn, sizeof(cn));
	CHECK(strcmp(cn, "api.openai.com") == 0, "leaf: CN=api.openai.com");
	CHECK(X509_get_signature_nid(leaf) == NID_ecdsa_with_SHA256, "leaf: ecdsa-with-SHA256");
	ASN1_TIME_diff(&days, &secs, X509_get0_notBefore(leaf), X509_get0_notAfter(leaf));
	CHECK((long)days * 86400 + secs == TG_LEAF_VALIDITY_S + 3600, "leaf: valid now-1h .. now+3d");

	CHECK(tg_ca_leaf(ca, "API.OpenAI.Com", &leaf2, &key2, &err) == 0, "leaf: mixed case (%s)", err.msg);
	CHECK(leaf2 == leaf, "leaf: cache returns the same certificate (case-insensitive)");
	CHECK(leaf2 && ASN1_INTEGER_cmp(X509_get0_serialNumber(leaf2), X509_get0_serialNumber(leaf)) == 0,
	      "leaf: same serial");
	CHECK(key2 == key, "leaf: one leaf key per CA");

	CHECK(tg_ca_leaf(ca, "myres.openai.azure.com", &az, &azkey, &err) == 0,
	      "leaf: subdomain of a permitted domain (%s)", err.msg);
	if (az) {
		CHECK(verify(tg_ca_cert(ca), az, "myres.openai.azure.com", X509_V_FLAG_X509_STRICT) == X509_V_OK,
		      "leaf: myres.openai.azure.com verifies");
		CHECK(ASN1_INTEGER_cmp(X509_get0_serialNumber(az), X509_get0_serialNumber(leaf)) != 0,
		      "leaf: serials differ between hosts");
	}
	tg_ca_counts(ca, &minted, &cached);
	CHECK(minted == minted0 + 2 && cached >= 2, "leaf: counts minted=%lu cached=%lu", minted, cached);

	/* Exercised with the openssl CLI too, when it is installed. */
	if (system("command -v openssl >/dev/null 2>&1") == 0) {
		char leafpath[512], cmd[2048];
		FILE *f;

		snprintf(leafpath, sizeof(leafpath), "%s/leaf.pem", tmpdir);
		f = fopen(leafpath, "w");
		if (f) {
			PEM_write_X509(f, leaf);
			fclose(f);
		}
		snprintf(cmd, sizeof(cmd),
			 "openssl verify -x509_strict -purpose sslserver -verify_hostname api.openai.com"
			 " -CAfile %s %s >/dev/null 2>&1", tg_ca_pem_path(ca), leafpath);
		CHECK(system(cmd) == 0, "cli: openssl verify accepts the leaf");
		snprintf(cmd, sizeof(cmd),
			 "openssl verify -verify_hostname www.example.com -CAfile %s %s >/dev/null 2>&1",
			 tg_ca_pem_path(ca), leafpath);
		CHECK(system(cmd) != 0, "cli: openssl verify rejects it for another name");
		snprintf(cmd, sizeof(cmd),
			 "openssl x509 -in %s -noout -text | grep -q 'X509v3 Name Constraints: critical'",
			 tg_ca_pem_path(ca));
		CHECK(system(cmd) == 0, "cli: openssl x509 shows critical name constraints");
		unlink(leafpath);
	}

	X509_free(leaf);
	X509_free(leaf2);
	X509_free(az);
	EVP_PKEY_free(key);
	EVP_PKEY_free(key2);
	EVP_PKEY_free(azkey);
}

static void test_refusals(struct tg_ca *ca)
{
	static const char *const bad[] = {
		"www.example.com",        /* not covered */
		"openai.com",             /* parent of a permitted name */
		"evilapi.openai.com",     /* not below api.openai.com, no dot boundary */
		"xopenai.azure.com",      /* same at the label boundary */
		"api.openai.com.evil.io", /* suffix trick */
		"1.2.3.4",
		"::1",
		"",
		".api.openai.com",
		"api.openai.com.",
		"a..openai.azure.com",
		"-a.openai.azure.com",
		"a-.openai.azure.com",
		"api_x.openai.azure.com",
		"*.openai.azure.com",
		"a b.openai.azure.com",
		"x.openai.azure.com\n",
		"x.openai.azure.com/",
	};
	char label64[96], longname[300];
	X509 *cert = (X509 *)1;
	EVP_PKEY *key = (EVP_PKEY *)1;
	tg_err err;
	size_t n;

	for (size_t i = 0; i < TG_ARRAY_LEN(bad); i++) {
		char shown[64];
		size_t j;

		for (j = 0; bad[i][j] && j < sizeof(shown) - 1; j++)
			shown[j] = bad[i][j] == '\n' ? '~' : bad[i][j];
		shown[j] = 0;
		err.msg[0] = 0;
		CHECK(tg_ca_leaf(ca, bad[i], &cert, &key, &err) == -1 && !cert && !key && err.msg[0],
		      "refuse: \"%s\" (%s)", shown, err.msg);
	}
	CHECK(tg_ca_leaf(ca, NULL, &cert, &key, &err) == -1, "refuse: NULL host");

	memset(label64, 'a', 64);
	strcpy(label64 + 64, ".openai.azure.com");
	CHECK(tg_ca_leaf(ca, label64, &cert, &key, &err) == -1, "refuse: a 64-character label");
	label64[0] = '.'; /* now 63 characters after a leading dot: strip it */
	err.msg[0] = 0;
	CHECK(tg_ca_leaf(ca, label64 + 1, &cert, &key, &err) == 0, "leaf: a 63-character label (%s)", err.msg);
	X509_free(cert);
	EVP_PKEY_free(key);

	/* 253 characters is fine (the SAN carries it; the CN cannot), 254 is not. */
	n = 0;
	while (n < 253 - strlen(".openai.azure.com")) {
		longname[n++] = 'b';
		if (n % 50 == 0)
			longname[n++] = '.';
	}
	strcpy(longname + n, ".openai.azure.com");
	CHECK(strlen(longname) == 253, "long name is 253 (%zu)", strlen(longname));
	err.msg[0] = 0;
	CHECK(tg_ca_leaf(ca, longname, &cert, &key, &err) == 0, "leaf: a 253-character name (%s)", err.msg);
	if (cert) {
		CHECK(verify(tg_ca_cert(ca), cert, longname, X509_V_FLAG_X509_STRICT) == X509_V_OK,
		      "leaf: the 253-character name verifies (no CN, critical SAN)");
		X509_free(cert);
		EVP_PKEY_free(key);
	}
	memmove(longname + 1, longname, strlen(longname) + 1);
	longname[0] = 'c';
	CHECK(tg_ca_leaf(ca, longname, &cert, &key, &err) == -1, "refuse: a 254-character name");

	CHECK(tg_ca_covers(ca, "API.OPENAI.COM"), "covers: case-insensitive");
	CHECK(tg_ca_covers(ca, "a.b.openai.azure.com"), "covers: deeper subdomain");
	CHECK(tg_ca_covers(ca, "openai.azure.com"), "covers: the domain itself");
	CHECK(!tg_ca_covers(ca, "azure.com"), "covers: not the parent");
	CHECK(!tg_ca_covers(ca, "xopenai.azure.com"), "covers: label boundary");
}

/* What OpenSSL itself enforces, with certificates we sign by hand. */
static void test_constraints_enforced(struct tg_ca *ca)
{
	static const unsigned char v4[4] = {1, 2, 3, 4};
	static const unsigned char v6[16] = {0x20, 0x01, 0x0d, 0xb8, [15] = 1};
	EVP_PKEY *ca_key = read_ca_key();
	X509 *x;
	int rc;

	CHECK(ca_key != NULL, "nc: CA key loads from ca.key as PEM");
	if (!ca_key)
		return;

	x = forge(tg_ca_cert(ca), ca_key, "api.openai.com", "api.openai.com", NULL, 0);
	rc = verify(tg_ca_cert(ca), x, "api.openai.com", 0);
	CHECK(rc == X509_V_OK, "nc: a hand-signed permitted name verifies (%s)", X509_verify_cert_error_string(rc));
	X509_free(x);

	x = forge(tg_ca_cert(ca), ca_key, "www.example.com", "www.example.com", NULL, 0);
	rc = verify(tg_ca_cert(ca), x, NULL, 0);
	CHECK(rc == X509_V_ERR_PERMITTED_VIOLATION, "nc: www.example.com -> permitted violation (%s)",
	      X509_verify_cert_error_string(rc));
	rc = verify(tg_ca_cert(ca), x, "www.example.com", 0);
	CHECK(rc == X509_V_ERR_PERMITTED_VIOLATION, "nc: ... also with the host check set (%s)",
	      X509_verify_cert_error_string(rc));
	X509_free(x);

	x = forge(tg_ca_cert(ca), ca_key, NULL, "xopenai.azure.com", NULL, 0);
	rc = verify(tg_ca_cert(ca), x, NULL, 0);
	CHECK(rc == X509_V_ERR_PERMITTED_VIOLATION, "nc: xopenai.azure.com -> permitted violation (%s)",
	      X509_verify_cert_error_string(rc));
	X509_free(x);

	/* No SAN: OpenSSL checks a hostname-like CN against DNS constraints. */
	x = forge(tg_ca_cert(ca), ca_key, "www.example.com", NULL, NULL, 0);
	rc = verify(tg_ca_cert(ca), x, NULL, 0);
	CHECK(rc == X509_V_ERR_PERMITTED_VIOLATION, "nc: CN-only www.example.com -> permitted violation (%s)",
	      X509_verify_cert_error_string(rc));
	X509_free(x);

	x = forge(tg_ca_cert(ca), ca_key, "api.openai.com", NULL, v4, 4);
	rc = verify(tg_ca_cert(ca), x, NULL, 0);
	CHECK(rc == X509_V_ERR_EXCLUDED_VIOLATION, "nc: IP SAN 1.2.3.4 -> excluded violation (%s)",
	      X509_verify_cert_error_string(rc));
	X509_free(x);

	x = forge(tg_ca_cert(ca), ca_key, "api.openai.com", "api.openai.com", v4, 4);
	rc = verify(tg_ca_cert(ca), x, "api.openai.com", 0);
	CHECK(rc == X509_V_ERR_EXCLUDED_VIOLATION, "nc: permitted DNS plus IP SAN -> excluded violation (%s)",
	      X509_verify_cert_error_string(rc));
	X509_free(x);

	x = forge(tg_ca_cert(ca), ca_key, NULL, NULL, v6, 16);
	rc = verify(tg_ca_cert(ca), x, NULL, 0);
	CHECK(rc == X509_V_ERR_EXCLUDED_VIOLATION, "nc: IP SAN 2001:db8::1 -> excluded violation (%s)",
	      X509_verify_cert_error_string(rc));
	X509_free(x);

	EVP_PKEY_free(ca_key);
}

static void test_cache_eviction(struct tg_ca *ca)
{
	unsigned long minted0, minted, cached;
	X509 *first = NULL, *x = NULL, *again = NULL;
	EVP_PKEY *key = NULL;
	tg_err err;
	char host[64];
	bool ok = true;
	ASN1_INTEGER *serial;

	tg_ca_counts(ca, &minted0, NULL);
	for (int i = 0; ok && i <= 4096; i++) {
		snprintf(host, sizeof(host), "h%d.openai.azure.com", i);
		ok = tg_ca_leaf(ca, host, &x, &key, &err) == 0;
		if (i == 0)
			first = x;
		else
			X509_free(x);
		EVP_PKEY_free(key);
	}
	tg_ca_counts(ca, &minted, &cached);
	CHECK(ok && minted == minted0 + 4097, "cache: minted 4097 more (%lu)", minted - minted0);
	CHECK(cached == 4096, "cache: bounded at 4096 (%lu)", cached);
	if (!first)
		return;
	serial = ASN1_INTEGER_dup(X509_get0_serialNumber(first));
	CHECK(tg_ca_leaf(ca, "h0.openai.azure.com", &again, &key, &err) == 0, "cache: h0 again");
	tg_ca_counts(ca, &minted, &cached);
	CHECK(again && again != first && ASN1_INTEGER_cmp(serial, X509_get0_serialNumber(again)) != 0 &&
	      minted == minted0 + 4098, "cache: the oldest (h0) was evicted and re-minted");
	CHECK(cached == 4096, "cache: still 4096");
	/* The caller's reference outlives eviction. */
	CHECK(X509_check_issued(tg_ca_cert(ca), first) == X509_V_OK, "cache: an evicted leaf stays usable");
	ASN1_INTEGER_free(serial);
	X509_free(first);
	X509_free(again);
	EVP_PKEY_free(key);
}

#define NTHREADS 4
#define NHOSTS 6
#define ROUNDS 300

static const char *const thread_hosts[NHOSTS] = {
	"api.openai.com", "api.anthropic.com", "t1.openai.azure.com",
	"t2.openai.azure.com", "t3.openai.azure.com", "t4.openai.azure.com",
};

struct worker {
	struct tg_ca *ca;
	int id;
	X509 *seen[NHOSTS];
	int failures;
};

static void *worker_main(void *arg)
{
	struct worker *w = arg;

	for (int r = 0; r < ROUNDS; r++) {
		/* even threads walk the hosts forwards, odd ones backwards */
		int h = (w->id & 1) ? NHOSTS - 1 - r % NHOSTS : r % NHOSTS;
		X509 *x = NULL;
		EVP_PKEY *k = NULL;
		tg_err err;

		if (tg_ca_leaf(w->ca, thread_hosts[h], &x, &k, &err) < 0) {
			w->failures++;
			continue;
		}
		if (X509_check_private_key(x, k) != 1)
			w->failures++;
		if (!w->seen[h]) {
			w->seen[h] = x;
		} else {
			if (w->seen[h] != x)
				w->failures++;
			X509_free(x);
		}
		EVP_PKEY_free(k);
	}
	return NULL;
}

static void test_threads(void)
{
	char dir[256];
	struct worker w[NTHREADS];
	pthread_t t[NTHREADS];
	struct tg_ca *ca;
	tg_err err;
	unsigned long minted, cached;
	int failures = 0;
	bool same = true;

	snprintf(dir, sizeof(dir), "%s/threads", tmpdir);
	ca = tg_ca_open(dir, domains, NDOMAINS, NULL, &err);
	CHECK(ca != NULL, "threads: open (%s)", ca ? "" : err.msg);
	if (!ca)
		return;
	memset(w, 0, sizeof(w));
	for (int i = 0; i < NTHREADS; i++) {
		w[i].ca = ca;
		w[i].id = i;
		pthread_create(&t[i], NULL, worker_main, &w[i]);
	}
	for (int i = 0; i < NTHREADS; i++) {
		pthread_join(t[i], NULL);
		failures += w[i].failures;
	}
	for (int h = 0; h < NHOSTS; h++)
		for (int i = 1; i < NTHREADS; i++)
			if (w[i].seen[h] != w[0].seen[h])
				same = false;
	tg_ca_counts(ca, &minted, &cached);
	CHECK(failures == 0, "threads: %d threads x %d leaves, no failures (%d)", NTHREADS, ROUNDS, failures);
	CHECK(same, "threads: every thread got the same certificate per host");
	CHECK(minted == NHOSTS && cached == NHOSTS, "threads: minted once per host (%lu, %lu)", minted, cached);
	for (int h = 0; h < NHOSTS; h++)
		if (w[0].seen[h])
			CHECK(verify(tg_ca_cert(ca), w[0].seen[h], thread_hosts[h], 0) == X509_V_OK,
			      "threads: %s verifies", thread_hosts[h]);
	for (int i = 0; i < NTHREADS; i++)
		for (int h = 0; h < NHOSTS; h++)
			X509_free(w[i].seen[h]);
	tg_ca_free(ca);
}

static void test_stale(void)
{
	static const char *const more[] = {"api.openai.com", "generativelanguage.googleapis.com"};
	static const char *const fewer[] = {"api.openai.com"};
	static const char *const below[] = {"eastus.openai.azure.com", "API.OPENAI.COM"};
	static const char *const bad[] = {"api.openai.com", "bad..name"};
	struct tg_ca *ca;
	bool stale;
	tg_err err;

	stale = false;
	ca = tg_ca_open(state, more, TG_ARRAY_LEN(more), &stale, &err);
	CHECK(ca && stale, "stale: a new domain makes the CA stale");
	CHECK(ca && !tg_ca_covers(ca, "generativelanguage.googleapis.com"), "stale: ... and it is not covered");
	tg_ca_free(ca);

	stale = true;
	ca = tg_ca_open(state, fewer, TG_ARRAY_LEN(fewer), &stale, &err);
	CHECK(ca && !stale, "stale: a subset is not stale");
	tg_ca_free(ca);

	stale = true;
	ca = tg_ca_open(state, below, TG_ARRAY_LEN(below), &stale, &err);
	CHECK(ca && !stale, "stale: subdomains of permitted domains are not stale");
	tg_ca_free(ca);

	stale = true;
	ca = tg_ca_open(state, NULL, 0, &stale, &err);
	CHECK(ca && !stale, "stale: loading with no domains is fine");
	tg_ca_free(ca);

	ca = tg_ca_open(state, bad, TG_ARRAY_LEN(bad), &stale, &err);
	CHECK(!ca && strstr(err.msg, "bad..name"), "open: refuses an invalid domain (%s)", err.msg);
	tg_ca_free(ca);
}

static void test_rotate(void)
{
	static const char *const more[] = {"api.openai.com", "generativelanguage.googleapis.com"};
	char path[512], oldpath[512];
	X509 *before = read_pem("ca.pem"), *old, *after;
	EVP_PKEY *old_key;
	struct tg_ca *ca;
	tg_err err;
	bool stale = true;

	CHECK(tg_ca_rotate(state, more, TG_ARRAY_LEN(more), &err) == 0, "rotate: ok (%s)", err.msg);
	old = read_pem("ca.pem.old");
	after = read_pem("ca.pem");
	CHECK(before && old && X509_cmp(before, old) == 0, "rotate: ca.pem.old is the previous CA");
	CHECK(after && X509_cmp(before, after) != 0, "rotate: ca.pem is a new CA");
	path_in(path, sizeof(path), "ca.key");
	path_in(oldpath, sizeof(oldpath), "ca.key.old");
	CHECK(file_mode(path) == 0600 && file_mode(oldpath) == 0600, "rotate: both keys 0600");
	old_key = NULL;
	{
		FILE *f = fopen(oldpath, "r");

		if (f) {
			old_key = PEM_read_PrivateKey(f, NULL, NULL, NULL);
			fclose(f);
		}
	}
	CHECK(old_key && old && X509_check_private_key(old, old_key) == 1, "rotate: ca.key.old matches ca.pem.old");
	ca = tg_ca_open(state, more, TG_ARRAY_LEN(more), &stale, &err);
	CHECK(ca && !stale, "rotate: the new CA covers the new domains");
	CHECK(ca && after && X509_cmp(tg_ca_cert(ca), after) == 0, "rotate: open loads the new CA");
	CHECK(ca && tg_ca_covers(ca, "generativelanguage.googleapis.com") && !tg_ca_covers(ca, "api.anthropic.com"),
	      "rotate: covers what it was made for");
	if (ca && old) {
		X509 *leaf;
		EVP_PKEY *k;

		if (tg_ca_leaf(ca, "api.openai.com", &leaf, &k, &err) == 0) {
			CHECK(verify(tg_ca_cert(ca), leaf, "api.openai.com", 0) == X509_V_OK, "rotate: new leaves verify");
			CHECK(verify(old, leaf, "api.openai.com", 0) != X509_V_OK, "rotate: ... not against the old CA");
			X509_free(leaf);
			EVP_PKEY_free(k);
		}
	}
	tg_ca_free(ca);
	X509_free(before);
	X509_free(old);
	X509_free(after);
	EVP_PKEY_free(old_key);
}

static void test_key_checks(void)
{
	char path[512], pem[512];
	struct tg_ca *ca;
	tg_err err;

	path_in(path, sizeof(path), "ca.key");
	chmod(path, 0644);
	err.msg[0] = 0;
	ca = tg_ca_open(state, domains, 1, NULL, &err);
	CHECK(!ca && strstr(err.msg, "0644"), "perm: refuses a world-readable ca.key (%s)", err.msg);
	tg_ca_free(ca);
	chmod(path, 0640);
	ca = tg_ca_open(state, domains, 1, NULL, &err);
	CHECK(!ca && strstr(err.msg, "0640"), "perm: refuses a group-readable ca.key (%s)", err.msg);
	tg_ca_free(ca);
	chmod(path, 0600);
	ca = tg_ca_open(state, domains, 1, NULL, &err);
	CHECK(ca != NULL, "perm: 0600 loads again (%s)", ca ? "" : err.msg);
	tg_ca_free(ca);

	if (geteuid() == 0) {
		CHECK(chown(path, 65534, 65534) == 0, "perm: chown ca.key to nobody");
		ca = tg_ca_open(state, domains, 1, NULL, &err);
		CHECK(!ca && strstr(err.msg, "owned by uid"), "perm: refuses a key owned by someone else (%s)",
		      err.msg);
		tg_ca_free(ca);
		CHECK(chown(path, 0, 0) == 0, "perm: chown back");
	} else {
		printf("SKIP perm: ownership check needs root\n");
	}

	/* A certificate without its key, and a key that does not match. */
	path_in(pem, sizeof(pem), "ca.key.moved");
	rename(path, pem);
	ca = tg_ca_open(state, domains, 1, NULL, &err);
	CHECK(!ca && strstr(err.msg, "ca.key"), "open: ca.pem without ca.key fails (%s)", err.msg);
	tg_ca_free(ca);
	{
		char oldkey[512];

		path_in(oldkey, sizeof(oldkey), "ca.key.old");
		link(oldkey, path);
		ca = tg_ca_open(state, domains, 1, NULL, &err);
		CHECK(!ca && strstr(err.msg, "does not match"), "open: a mismatched key fails (%s)", err.msg);
		tg_ca_free(ca);
		unlink(path);
	}
	rename(pem, path);
	ca = tg_ca_open(state, domains, 1, NULL, &err);
	CHECK(ca != NULL, "open: restored (%s)", ca ? "" : err.msg);
	tg_ca_free(ca);

	{
		char empty[256];

		snprintf(empty, sizeof(empty), "%s/empty", tmpdir);
		ca = tg_ca_open(empty, NULL, 0, NULL, &err);
		CHECK(!ca, "open: refuses to create a CA without domains (%s)", err.msg);
		tg_ca_free(ca);
	}
}

int main(void)
{
	struct tg_ca *ca;
	tg_err err;

	tg_log_set_level(TG_LOG_WARN);
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/tg-ca-test.XXXXXX");
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(state, sizeof(state), "%s/var/lib/tollgate", tmpdir);

	test_create_and_reload();
	ca = tg_ca_open(state, domains, NDOMAINS, NULL, &err);
	CHECK(ca != NULL, "open for leaf tests (%s)", ca ? "" : err.msg);
	if (ca) {
		test_leaves(ca);
		test_refusals(ca);
		test_constraints_enforced(ca);
		test_cache_eviction(ca);
		tg_ca_free(ca);
	}
	test_threads();
	test_stale();
	test_rotate();
	test_key_checks();

	nftw(tmpdir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	CHECK(access(tmpdir, F_OK) != 0, "temp dir removed");
	CHECK_DONE();
}
