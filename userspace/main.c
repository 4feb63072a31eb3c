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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "admin.h"
#include "cli.h"
#include "config.h"
#include "daemon.h"

#define TG_VERSION "0.1.0"

/* Subcommands other than run and version: add new ones here. */
static const struct {
	const char *name;
	tg_cli_fn fn;
} commands[] = {
	{"status", tg_cli_status},
	{"ca", tg_cli_ca},
	{"budget", tg_cli_budget},
	{"spend", tg_cli_spend},
	{"prices", tg_cli_prices},
	{"traces", tg_cli_traces},
	{"trace", tg_cli_trace},
	{"events", tg_cli_events},
	{"audit", tg_cli_audit},
	{"top", tg_cli_top},
	{"redaction", tg_cli_redaction},
};

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
		"  traces [--cgroup P] [--since D] [--limit N] [--json]\n"
		"                      recent calls (spans) from the local trace store\n"
		"  trace ID [--json]   everything known about one call: who, what, cost, events\n"
		"  events [--type T[,T]] [--since D] [--trace ID] [--cgroup P] [--json]\n"
		"                      policy events (block, redact, budget, ratelimit, ...)\n"
		"  audit [--verify] [--json]\n"
		"                      the audit log of administrative actions; verify its chain\n"
		"  top                 live calls/s, spend rate and budget use by cgroup and key\n"
		"  budget set|list|rm|reload   spend budgets: `budget set cgroup:/agents/a 5.00 --window day`\n"
		"  spend [--by cgroup|uid|key|provider|model] [--window day|month|all] [--json]\n"
		"                      spend rollups from the ledger\n"
		"  prices show|list|import|reload   model prices (import: LiteLLM's price file)\n"
		"  redaction [status|reload|test TEXT]   the PII/secret redaction policy; try it on a text\n"
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

int tg_cli_admin(const struct tg_config *cfg, const char *method, const char *path,
		 const char *body, int *status, char **response)
{
	char sock[PATH_MAX + 16];
	tg_err err;

	snprintf(sock, sizeof(sock), "%s/admin.sock", cfg->state_dir);
	if (tg_admin_request(sock, method, path, body, status, response, &err)) {
		fprintf(stderr, "tollgate: %s\n", err.msg);
		return -1;
	}
	return 0;
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
	for (size_t k = 0; k < TG_ARRAY_LEN(commands); k++)
		if (strcmp(argv[0], commands[k].name) == 0)
			return commands[k].fn(&cfg, argc, argv);
	fprintf(stderr, "tollgate: unknown command %s\n", argv[0]);
	usage(stderr);
	return 2;
}
