/*
 * cli_ca.c - `tollgate ca show|install|rotate`: the local CA seen from the
 * command line. Works with or without a running daemon.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "audit.h"
#include "ca.h"
#include "cli.h"
#include "providers.h"

#define SYSTEM_CA_DIR "/usr/local/share/ca-certificates"
#define SYSTEM_CA_FILE SYSTEM_CA_DIR "/tollgate-ca.crt"
#define SYSTEM_BUNDLE "/etc/ssl/certs/ca-certificates.crt"

/* {"sha256": fingerprint} of a CA certificate file, or null when there is none. */
static cJSON *ca_fingerprint_json(const char *pem)
{
	FILE *f = fopen(pem, "re");
	X509 *cert = f ? PEM_read_X509(f, NULL, NULL, NULL) : NULL;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	char hex[2 * EVP_MAX_MD_SIZE + 1] = "";
	cJSON *o;

	if (f)
		fclose(f);
	if (!cert || !X509_digest(cert, EVP_sha256(), md, &n)) {
		X509_free(cert);
		return cJSON_CreateNull();
	}
	X509_free(cert);
	for (unsigned int i = 0; i < n; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "sha256", hex);
	return o;
}

/* The CA as the daemon would open it: needs the registry for its domains. */
static struct tg_ca *open_ca(const struct tg_config *cfg, bool *stale)
{
	struct tg_registry reg = {0};
	const char *domains[256];
	size_t n;
	struct tg_ca *ca;
	tg_err err;

	if (tg_registry_load(cfg->providers_file, &reg, &err)) {
		fprintf(stderr, "tollgate: %s\n", err.msg);
		return NULL;
	}
	if (mkdir(cfg->state_dir, 0700) && errno != EEXIST) {
		fprintf(stderr, "tollgate: create %s: %s\n", cfg->state_dir, strerror(errno));
		tg_registry_free(&reg);
		return NULL;
	}
	n = tg_registry_domains(&reg, domains, TG_ARRAY_LEN(domains));
	ca = tg_ca_open(cfg->state_dir, domains, n, stale, &err);
	if (!ca)
		fprintf(stderr, "tollgate: %s\n", err.msg);
	tg_registry_free(&reg);
	return ca;
}

static void print_ca_summary(FILE *f, X509 *cert)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	char subject[512];
	NAME_CONSTRAINTS *nc;

	X509_NAME_oneline(X509_get_subject_name(cert), subject, sizeof(subject));
	X509_digest(cert, EVP_sha256(), md, &mdlen);
	fprintf(f, "# subject:     %s\n# sha256:      ", subject);
	for (unsigned int i = 0; i < mdlen; i++)
		fprintf(f, "%02X%s", md[i], i + 1 < mdlen ? ":" : "\n");
	fprintf(f, "# valid until: ");
	{
		BIO *b = BIO_new_fp(f, BIO_NOCLOSE);

		ASN1_TIME_print(b, X509_get0_notAfter(cert));
		BIO_free(b);
	}
	fprintf(f, "\n# may sign only names under:");
	nc = X509_get_ext_d2i(cert, NID_name_constraints, NULL, NULL);
	if (nc) {
		for (int i = 0; i < sk_GENERAL_SUBTREE_num(nc->permittedSubtrees); i++) {
			GENERAL_SUBTREE *st = sk_GENERAL_SUBTREE_value(nc->permittedSubtrees, i);

			if (st->base->type == GEN_DNS)
				fprintf(f, " %s", (const char *)ASN1_STRING_get0_data(st->base->d.dNSName));
		}
		NAME_CONSTRAINTS_free(nc);
	}
	fprintf(f, "\n# and no IP address at all\n");
}

static int run_command(char *const argv[])
{
	pid_t pid = fork();
	int status;

	if (pid < 0)
		return -1;
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int copy_file(const char *from, const char *to, mode_t mode)
{
	char tmp[PATH_MAX];
	char buf[8192];
	int in, out;
	ssize_t n;

	snprintf(tmp, sizeof(tmp), "%s.tmp", to);
	in = open(from, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return -1;
	out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
	if (out < 0) {
		close(in);
		return -1;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n)
			n = -1;
	close(in);
	if (n < 0 || fchmod(out, mode) || fsync(out) || close(out) || rename(tmp, to)) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

int tg_cli_ca(const struct tg_config *cfg, int argc, char **argv)
{
	bool stale = false;
	struct tg_ca *ca;

	if (argc < 2) {
		fprintf(stderr, "usage: tollgate ca show|install|rotate\n");
		return 2;
	}
	if (strcmp(argv[1], "rotate") == 0) {
		struct tg_registry reg = {0};
		const char *domains[256];
		struct tg_audit *audit;
		char pem[PATH_MAX + 16];
		cJSON *before;
		tg_err err;
		int rc;

		if (tg_registry_load(cfg->providers_file, &reg, &err)) {
			fprintf(stderr, "tollgate: %s\n", err.msg);
			return 1;
		}
		/* the rotation is audited: refuse it when the audit log cannot be written */
		audit = tg_audit_open(cfg->state_dir, &err);
		if (!audit) {
			fprintf(stderr, "tollgate: CA not rotated: %s\n", err.msg);
			tg_registry_free(&reg);
			return 1;
		}
		snprintf(pem, sizeof(pem), "%s/ca.pem", cfg->state_dir);
		before = ca_fingerprint_json(pem);
		rc = tg_ca_rotate(cfg->state_dir, domains,
				  tg_registry_domains(&reg, domains, TG_ARRAY_LEN(domains)), &err);
		tg_registry_free(&reg);
		if (rc) {
			fprintf(stderr, "tollgate: %s\n", err.msg);
			cJSON_Delete(before);
			tg_audit_close(audit);
			return 1;
		}
		rc = tg_audit_append(audit, NULL, "ca.rotate", before, ca_fingerprint_json(pem), &err);
		tg_audit_close(audit);
		if (rc) {
			fprintf(stderr, "tollgate: the CA was rotated but the audit log could not record it: %s\n",
				err.msg);
			return 1;
		}
		printf("new CA in %s/ca.pem (the old one is kept as ca.pem.old).\n"
		       "Restart the daemon, then run `tollgate ca install` to trust the new CA.\n",
		       cfg->state_dir);
		return 0;
	}
	ca = open_ca(cfg, &stale);
	if (!ca)
		return 1;
	if (strcmp(argv[1], "show") == 0) {
		print_ca_summary(stdout, tg_ca_cert(ca));
		PEM_write_X509(stdout, tg_ca_cert(ca));
	} else if (strcmp(argv[1], "install") == 0) {
		char *update[] = {"update-ca-certificates", NULL};

		if ((mkdir(SYSTEM_CA_DIR, 0755) && errno != EEXIST) ||
		    copy_file(tg_ca_pem_path(ca), SYSTEM_CA_FILE, 0644)) {
			fprintf(stderr, "tollgate: install %s: %s\n", SYSTEM_CA_FILE, strerror(errno));
			tg_ca_free(ca);
			return 1;
		}
		if (run_command(update) != 0)
			fprintf(stderr, "tollgate: update-ca-certificates failed; %s is in place but the "
					"system bundle was not rebuilt\n", SYSTEM_CA_FILE);
		printf("# tollgate's CA is now in the system trust store (%s).\n"
		       "# Runtimes with their own trust stores need one of these:\n"
		       "export NODE_EXTRA_CA_CERTS=%s\n"
		       "export REQUESTS_CA_BUNDLE=%s\n"
		       "export SSL_CERT_FILE=%s\n",
		       SYSTEM_CA_FILE, SYSTEM_CA_FILE, SYSTEM_BUNDLE, SYSTEM_BUNDLE);
	} else {
		fprintf(stderr, "tollgate ca: unknown command %s\n", argv[1]);
		tg_ca_free(ca);
		return 2;
	}
	if (stale)
		fprintf(stderr, "tollgate: warning: the CA does not cover every provider domain in the "
				"registry; run `tollgate ca rotate`\n");
	tg_ca_free(ca);
	return 0;
}

