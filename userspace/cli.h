/*
 * cli.h - the tollgate command's subcommands. Each lives in its own
 * cli_*.c file and is listed in main.c's command table. Subcommands that
 * talk to the daemon do so through its admin API (tg_cli_admin).
 */
#ifndef TG_CLI_H
#define TG_CLI_H

#include "config.h"

/* A subcommand: argv[0] is its own name. Returns the process exit status
 * (0 ok, 1 failed, 2 bad usage). */
typedef int (*tg_cli_fn)(const struct tg_config *cfg, int argc, char **argv);

int tg_cli_status(const struct tg_config *cfg, int argc, char **argv);
int tg_cli_ca(const struct tg_config *cfg, int argc, char **argv);
int tg_cli_budget(const struct tg_config *cfg, int argc, char **argv);
int tg_cli_spend(const struct tg_config *cfg, int argc, char **argv);
int tg_cli_prices(const struct tg_config *cfg, int argc, char **argv);
int tg_cli_traces(const struct tg_config *cfg, int argc, char **argv);
int tg_cli_trace(const struct tg_config *cfg, int argc, char **argv);
int tg_cli_events(const struct tg_config *cfg, int argc, char **argv);
int tg_cli_audit(const struct tg_config *cfg, int argc, char **argv);
int tg_cli_top(const struct tg_config *cfg, int argc, char **argv);
int tg_cli_redaction(const struct tg_config *cfg, int argc, char **argv);

/* One admin API call to the daemon of this configuration. On failure to
 * reach it, prints why ("tollgate is not running ...") and returns -1.
 * *response is malloc'd (JSON) on success. */
int tg_cli_admin(const struct tg_config *cfg, const char *method, const char *path,
		 const char *body, int *status, char **response);

#endif
