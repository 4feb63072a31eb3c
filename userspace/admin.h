/*
 * admin.h - the admin API: HTTP/1.1 + JSON on a Unix socket in the state
 * directory (admin.sock, mode 0600). Only root may use it: the caller's
 * identity comes from SO_PEERCRED, and a non-root caller gets 403.
 *
 * Routes (all answers are JSON) are registered by the modules that own
 * them with tg_admin_route(); the daemon registers
 *   GET /v1/status     daemon, programs, maps, namespaces, workers
 * The CLI (`tollgate status`, ...) is its client: tg_admin_request().
 * Handlers run on the control thread, one request at a time.
 */
#ifndef TG_ADMIN_H
#define TG_ADMIN_H

#include <stdbool.h>
#include <sys/types.h>

#include <cjson/cJSON.h>

#include "common.h"

struct tg_daemon;
struct tg_admin;
struct tg_loop;

#include "buf.h"

/* One admin request, as a handler sees it. */
struct tg_admin_req {
	const char *method;      /* "GET", "POST", "PUT", "DELETE" */
	const char *path;        /* without the query string, e.g. "/v1/budgets" */
	const char *query;       /* after '?', or "" */
	const char *body;        /* NUL-terminated request body ("" if none) */
	size_t body_len;
	uid_t uid;               /* the caller, from SO_PEERCRED */
	pid_t pid;
	char comm[16];           /* the caller's process name */
};

/* A handler writes a JSON body into out and returns the HTTP status. */
typedef int (*tg_admin_fn)(void *ctx, const struct tg_admin_req *req, struct tg_buf *out);

/* Route METHOD requests whose path equals path, or, when path ends with
 * '/', starts with it (so "/v1/budgets/" also matches "/v1/budgets/x").
 * Routes are tried in the order they were added. */
int tg_admin_route(struct tg_admin *a, const char *method, const char *path, tg_admin_fn fn,
		   void *ctx);

/* Write o as JSON into out (pretty: indented, as the CLI shows it), free o;
 * returns status, or 500 with an error body when out of memory. */
int tg_admin_reply_json(struct tg_buf *out, cJSON *o, int status, bool pretty);

/* Write {"error": message} into out (JSON-escaped); returns status. */
int tg_admin_error(struct tg_buf *out, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

struct tg_admin *tg_admin_start(struct tg_daemon *d, struct tg_loop *loop, const char *path,
				tg_err *err);
void tg_admin_stop(struct tg_admin *a);

/* Client side: send one request, get status and the malloc'd body. */
int tg_admin_request(const char *sock_path, const char *method, const char *path,
		     const char *body, int *status, char **response, tg_err *err);

#endif
