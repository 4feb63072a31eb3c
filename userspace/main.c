/*
 * main.c - the tollgate command: subcommand dispatch and the small CLI
 * commands that do not need the daemon's insides.
 *
 *   tollgate run [--config FILE]          run the daemon in the foreground
 *   tollgate status [--json]              is it running, programs, maps, connections
 *   tollgate ca show                      print the CA certificate (PEM) and a summary
 *   tollgate ca install                   trust the CA system-wide, print runtime variables
 *   tollgate ca rotate                    make a new CA (restart the daemon afterwards)
 *   tollgate version
 *
 * Every command takes --config FILE (default: $TOLLGATE_CONFIG, else
 * /etc/tollgate/tollgate.json, else the built-in defaults), which says where
 * the state directory, and so the admin socket and the CA, are.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "admin.h"
#include "ca.h"
#include "config.h"
#include "daemon.h"
#include "providers.h"

#define TG_VERSION "0.1.0"
#define SYSTEM_CA_DIR "/usr/local/share/ca-certificates"
#define SYSTEM_CA_FILE SYSTEM_CA_DIR "/tollgate-ca.crt"
#define SYSTEM_BUNDLE "/etc/ssl/certs/ca-certificates.crt"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: tollgate [--config FILE] COMMAND [ARGS]\n"
		"\n"
		"  run                 run the daemon in the foreground (root)\n"
		"  status [--json]     daemon state: programs, endpoint map, namespaces, connections\n"
		"  ca show             print tollgate's CA certificate and what it may sign\n"
		"  ca install          add the CA to the system trust store; print the\n"
		"                      variables for runtimes with their own stores\n"
		"  ca rotate           replace the CA (restart the daemon and re-trust afterwards)\n"
		"  version             print the version\n"
		"\n"
		"--config FILE defaults to $TOLLGATE_CONFIG, else /etc/tollgate/tollgate.json,\n"
		"else built-in defaults (state in /var/lib/tollgate).\n");
}

static const char *default_config(void)
{
	const char *env = getenv("TOLLGATE_CONFIG");

	if (env && env[0])
		return env;
	if (access("/etc/tollgate/tollgate.json", R_OK) == 0)
		return "/etc/tollgate/tollgate.json";
	return NULL;
}

static int load_config(const char *path, struct tg_config *cfg)
{
	tg_err err;

	tg_config_defaults(cfg);
	if (path && tg_config_load(path, cfg, &err)) {
		fprintf(stderr, "tollgate: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static void print_status_text(cJSON *st)
{
	cJSON *x, *it;

	printf("tollgate is running (pid %d, up %.0f s)\n",
	       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(st, "pid")),
	       cJSON_GetNumberValue(cJSON_GetObjectItem(st, "uptime_s")));
	x = cJSON_GetObjectItem(st, "listen");
	printf("  governed cgroup: %s (cgroup2 at %s)\n",
	       cJSON_GetStringValue(cJSON_GetObjectItem(st, "cgroup")),
	       cJSON_GetStringValue(cJSON_GetObjectItem(st, "cgroup2_mount")));
	printf("  proxy listener:  %s:%d %s\n", cJSON_GetStringValue(cJSON_GetObjectItem(x, "ipv4")),
	       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(x, "port")),
	       cJSON_GetStringValue(cJSON_GetObjectItem(x, "ipv6")));
	printf("  connections:     %d live\n",
	       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(st, "connections")));
	printf("  programs:\n");
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(st, "programs"))
		printf("    %-14s prog id %d\n", cJSON_GetStringValue(cJSON_GetObjectItem(it, "attach")),
		       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(it, "prog_id")));
	x = cJSON_GetObjectItem(st, "maps");
	printf("  maps:            endpoints %d, listeners %d, pending %d\n",
	       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(x, "endpoints")),
	       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(x, "listeners")),
	       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(x, "pending")));
	x = cJSON_GetObjectItem(st, "counters");
	printf("  counters:        ");
	cJSON_ArrayForEach(it, x)
		printf("%s %.0f  ", it->string, cJSON_GetNumberValue(it));
	printf("\n  endpoints:\n");
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(st, "endpoints")) {
		cJSON *exp = cJSON_GetObjectItem(it, "expires_in_s");

		printf("    %-40s port %-5d %-14s %s", cJSON_GetStringValue(cJSON_GetObjectItem(it, "address")),
		       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(it, "port")),
		       cJSON_GetStringValue(cJSON_GetObjectItem(it, "provider")),
		       cJSON_GetStringValue(cJSON_GetObjectItem(it, "source")));
		if (cJSON_IsNumber(exp))
			printf(" (expires in %.0f s)", cJSON_GetNumberValue(exp));
		printf("\n");
	}
	printf("  network namespaces:\n");
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(st, "namespaces"))
		printf("    %-20s inode %.0f ports %d/%d\n", cJSON_GetStringValue(cJSON_GetObjectItem(it, "name")),
		       cJSON_GetNumberValue(cJSON_GetObjectItem(it, "inode")),
		       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(it, "port4")),
		       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(it, "port6")));
	printf("  workers:\n");
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(st, "workers"))
		printf("    #%d connections %d, pooled upstreams %d, accepted %.0f, requests %.0f, reset %.0f\n",
		       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(it, "id")),
		       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(it, "connections")),
		       (int)cJSON_GetNumberValue(cJSON_GetObjectItem(it, "pooled_upstreams")),
		       cJSON_GetNumberValue(cJSON_GetObjectItem(it, "accepted")),
		       cJSON_GetNumberValue(cJSON_GetObjectItem(it, "requests")),
		       cJSON_GetNumberValue(cJSON_GetObjectItem(it, "unmatched_reset")));
}

static int cmd_status(const struct tg_config *cfg, int argc, char **argv)
{
	char sock[PATH_MAX + 16];
	char *body = NULL;
	int status = 0, json = 0;
	tg_err err;
	cJSON *st;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0) {
			json = 1;
		} else {
			fprintf(stderr, "tollgate status: unknown option %s\n", argv[i]);
			return 2;
		}
	}
	snprintf(sock, sizeof(sock), "%s/admin.sock", cfg->state_dir);
	if (tg_admin_request(sock, "GET", "/v1/status", NULL, &status, &body, &err)) {
		if (json)
			printf("{\"running\":false}\n");
		fprintf(stderr, "tollgate: %s\n", err.msg);
		return 1;
	}
	if (status != 200) {
		fprintf(stderr, "tollgate: admin API answered %d: %s\n", status, body);
		free(body);
		return 1;
	}
	if (json) {
		printf("%s\n", body);
	} else if ((st = cJSON_Parse(body))) {
		print_status_text(st);
		cJSON_Delete(st);
	}
	free(body);
	return 0;
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

static int cmd_ca(const struct tg_config *cfg, int argc, char **argv)
{
	bool stale = false;
	struct tg_ca *ca;

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "rotate") == 0) {
		struct tg_registry reg = {0};
		const char *domains[256];
		tg_err err;
		int rc;

		if (tg_registry_load(cfg->providers_file, &reg, &err)) {
			fprintf(stderr, "tollgate: %s\n", err.msg);
			return 1;
		}
		rc = tg_ca_rotate(cfg->state_dir, domains,
				  tg_registry_domains(&reg, domains, TG_ARRAY_LEN(domains)), &err);
		tg_registry_free(&reg);
		if (rc) {
			fprintf(stderr, "tollgate: %s\n", err.msg);
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

int main(int argc, char **argv)
{
	const char *config = NULL;
	struct tg_config cfg;
	int i = 1;

	while (i < argc && argv[i][0] == '-') {
		if (strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
			config = argv[i + 1];
			i += 2;
		} else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return 0;
		} else {
			fprintf(stderr, "tollgate: unknown option %s\n", argv[i]);
			usage(stderr);
			return 2;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return 2;
	}
	argc -= i;
	argv += i;
	/* `run --config FILE` is accepted after the command too. */
	for (int j = 1; j + 1 < argc; j++)
		if (strcmp(argv[j], "--config") == 0) {
			config = argv[j + 1];
			memmove(&argv[j], &argv[j + 2], (size_t)(argc - j - 2) * sizeof(*argv));
			argc -= 2;
			break;
		}
	if (!config)
		config = default_config();
	if (strcmp(argv[0], "version") == 0) {
		printf("tollgate %s\n", TG_VERSION);
		return 0;
	}
	if (strcmp(argv[0], "run") == 0) {
		if (argc > 1) {
			fprintf(stderr, "tollgate run: unexpected argument %s\n", argv[1]);
			return 2;
		}
		if (!config) {
			fprintf(stderr, "tollgate run: no configuration (use --config FILE)\n");
			return 2;
		}
		return tg_daemon_main(config);
	}
	if (load_config(config, &cfg))
		return 1;
	if (strcmp(argv[0], "status") == 0)
		return cmd_status(&cfg, argc, argv);
	if (strcmp(argv[0], "ca") == 0)
		return cmd_ca(&cfg, argc, argv);
	fprintf(stderr, "tollgate: unknown command %s\n", argv[0]);
	usage(stderr);
	return 2;
}
