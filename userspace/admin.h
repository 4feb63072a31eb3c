/*
 * admin.h - the admin API: HTTP/1.1 + JSON on a Unix socket in the state
 * directory (admin.sock, mode 0600). Only root may use it: the caller's
 * identity comes from SO_PEERCRED, and a non-root caller gets 403.
 *
 * Routes (all answers are JSON):
 *   GET /v1/status     daemon, programs, maps, namespaces, workers
 * The CLI (`tollgate status`, ...) is its client: tg_admin_request().
 */
#ifndef TG_ADMIN_H
#define TG_ADMIN_H

#include <sys/types.h>

#include "common.h"

struct tg_daemon;
struct tg_admin;
struct tg_loop;

struct tg_admin *tg_admin_start(struct tg_daemon *d, struct tg_loop *loop, const char *path,
				tg_err *err);
void tg_admin_stop(struct tg_admin *a);

/* Client side: send one request, get status and the malloc'd body. */
int tg_admin_request(const char *sock_path, const char *method, const char *path,
		     const char *body, int *status, char **response, tg_err *err);

#endif
