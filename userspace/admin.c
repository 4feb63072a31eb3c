/*
 * admin.c - the admin socket: a tiny HTTP server on the control thread,
 * and the client the CLI uses.
 *
 * Requests are small and come from root only; each is read with a short
 * receive timeout and answered at once, then the connection is closed.
 */
#include "admin.h"

#include <stdarg.h>
#include <cjson/cJSON.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include "buf.h"
#include "daemon.h"
#include "http1.h"
#include "loop.h"

#define ADMIN_MAX_REQUEST (1024 * 1024)
#define ADMIN_MAX_ROUTES 64

struct route {
	char method[8];
	char path[64];
	tg_admin_fn fn;
	void *ctx;
};

struct tg_admin {
	struct tg_daemon *d;
	struct tg_loop *loop;
	struct tg_io io;
	char path[108];
	struct route routes[ADMIN_MAX_ROUTES];
	size_t nroutes;
};

int tg_admin_route(struct tg_admin *a, const char *method, const char *path, tg_admin_fn fn,
		   void *ctx)
{
	struct route *r;

	if (a->nroutes == ADMIN_MAX_ROUTES)
		return -1;
	r = &a->routes[a->nroutes++];
	tg_strlcpy(r->method, method, sizeof(r->method));
	tg_strlcpy(r->path, path, sizeof(r->path));
	r->fn = fn;
	r->ctx = ctx;
	return 0;
}

int tg_admin_reply_json(struct tg_buf *out, cJSON *o, int status, bool pretty)
{
	char *json = pretty ? cJSON_Print(o) : cJSON_PrintUnformatted(o);

	cJSON_Delete(o);
	if (!json)
		return tg_admin_error(out, 500, "out of memory");
	tg_buf_reset(out);
	tg_buf_append(out, json, strlen(json));
	free(json);
	return status;
}

int tg_admin_error(struct tg_buf *out, int status, const char *fmt, ...)
{
	char msg[1024];
	cJSON *o = cJSON_CreateObject();
	char *json;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	cJSON_AddStringToObject(o, "error", msg);
	json = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	tg_buf_reset(out);
	if (json)
		tg_buf_append(out, json, strlen(json));
	free(json);
	return status;
}

static const struct route *find_route(const struct tg_admin *a, const char *method, const char *path)
{
	for (size_t i = 0; i < a->nroutes; i++) {
		const struct route *r = &a->routes[i];
		size_t n = strlen(r->path);

		if (strcmp(r->method, method) != 0)
			continue;
		if (strcmp(r->path, path) == 0 ||
		    (n > 0 && r->path[n - 1] == '/' && strncmp(r->path, path, n) == 0))
			return r;
	}
	return NULL;
}

static const char *reason_of(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Content Too Large";
	case 503: return "Service Unavailable";
	default: return status < 400 ? "OK" : "Error";
	}
}

static void respond(int fd, int status, const char *body)
{
	struct tg_buf out = {0};
	const char *reason = reason_of(status);
	size_t off = 0;

	tg_buf_printf(&out, "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n"
			    "Connection: close\r\n\r\n%s",
		      status, reason, strlen(body), body);
	while (off < tg_buf_used(&out)) {
		ssize_t n = send(fd, tg_buf_start(&out) + off, tg_buf_used(&out) - off, MSG_NOSIGNAL);

		if (n <= 0)
			break;
		off += (size_t)n;
	}
	tg_buf_free(&out);
}

static void respond_error(int fd, int status, const char *msg)
{
	struct tg_buf b = {0};

	/* msg is one of our own fixed strings: no escaping needed */
	tg_buf_printf(&b, "{\"error\":\"%s\"}", msg);
	respond(fd, status, b.data ? b.data : "{}");
	tg_buf_free(&b);
}

/* 403 to a caller who is not root. The request is not parsed; it is read
 * and discarded after the answer, so that closing the connection does not
 * reset it before the caller has read why it was refused. */
static void refuse(int fd)
{
	struct timeval tv = {.tv_usec = 500000};
	char discard[4096];

	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	respond_error(fd, 403, "the admin API is for root only");
	shutdown(fd, SHUT_WR);
	for (int i = 0; i < 16 && recv(fd, discard, sizeof(discard), 0) > 0; i++)
		;
}

static void comm_of(pid_t pid, char *out, size_t size)
{
	char path[64];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/comm", (int)pid);
	out[0] = 0;
	f = fopen(path, "re");
	if (!f)
		return;
	if (fgets(out, (int)size, f))
		out[strcspn(out, "\n")] = 0;
	fclose(f);
}

static void handle(struct tg_admin *a, int fd)
{
	struct ucred cred;
	socklen_t len = sizeof(cred);
	struct timeval tv = {.tv_sec = 2};
	struct tg_buf in = {0}, out = {0};
	struct tg_http_msg msg;
	struct tg_admin_req req;
	char method[8], path[512];
	const struct route *r;
	ssize_t head = 0;
	int status;
	const char *why;

	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) || cred.uid != 0) {
		refuse(fd);
		return;
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	while (head == 0) {
		char *p = tg_buf_reserve(&in, 4096);
		ssize_t n = p ? recv(fd, p, 4096, 0) : -1;

		if (n <= 0)
			goto out;
		tg_buf_commit(&in, (size_t)n);
		head = tg_http_parse_request(tg_buf_start(&in), tg_buf_used(&in), 65536, &msg, &status, &why);
		if (head < 0) {
			respond_error(fd, 400, "malformed request");
			goto out;
		}
	}
	if (msg.body == TG_BODY_CHUNKED || msg.content_length > ADMIN_MAX_REQUEST ||
	    msg.method_len >= sizeof(method) || msg.target_len >= sizeof(path)) {
		respond_error(fd, 413, "request too large (or chunked)");
		goto out;
	}
	/* the body: Content-Length bytes after the head */
	while (tg_buf_used(&in) < (size_t)head + msg.content_length) {
		char *p = tg_buf_reserve(&in, 65536);
		ssize_t n = p ? recv(fd, p, 65536, 0) : -1;

		if (n <= 0)
			goto out;
		tg_buf_commit(&in, (size_t)n);
	}
	memcpy(method, msg.method, msg.method_len);
	method[msg.method_len] = 0;
	memcpy(path, msg.target, msg.target_len);
	path[msg.target_len] = 0;
	memset(&req, 0, sizeof(req));
	req.method = method;
	req.path = path;
	req.query = "";
	{
		char *q = strchr(path, '?');

		if (q) {
			*q = 0;
			req.query = q + 1;
		}
	}
	tg_buf_append(&in, "", 1); /* NUL-terminate the body */
	req.body = tg_buf_start(&in) + head;
	req.body_len = (size_t)msg.content_length;
	req.uid = cred.uid;
	req.pid = cred.pid;
	comm_of(cred.pid, req.comm, sizeof(req.comm));
	r = find_route(a, method, path);
	if (!r) {
		respond_error(fd, 404, "no such admin route");
		goto out;
	}
	status = r->fn(r->ctx, &req, &out);
	tg_buf_append(&out, "", 1);
	respond(fd, status, tg_buf_start(&out));
out:
	tg_buf_free(&in);
	tg_buf_free(&out);
}

static void on_accept(struct tg_io *io, uint32_t events)
{
	struct tg_admin *a = io->owner;

	(void)events;
	for (;;) {
		int fd = accept4(io->fd, NULL, NULL, SOCK_CLOEXEC);

		if (fd < 0)
			return;
		handle(a, fd);
		close(fd);
	}
}

struct tg_admin *tg_admin_start(struct tg_daemon *d, struct tg_loop *loop, const char *path,
				tg_err *err)
{
	struct tg_admin *a = calloc(1, sizeof(*a));
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	mode_t old;
	int rc;

	if (!a) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	if (tg_strlcpy(a->path, path, sizeof(a->path)) || tg_strlcpy(sun.sun_path, path, sizeof(sun.sun_path))) {
		tg_errf(err, "admin socket path too long: %s", path);
		free(a);
		return NULL;
	}
	a->d = d;
	a->loop = loop;
	a->io.owner = a;
	a->io.fn = on_accept;
	a->io.fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (a->io.fd < 0) {
		tg_errf(err, "admin socket: %s", strerror(errno));
		free(a);
		return NULL;
	}
	unlink(path);
	old = umask(077);
	rc = bind(a->io.fd, (struct sockaddr *)&sun, sizeof(sun));
	umask(old);
	if (rc || chmod(path, 0600) || listen(a->io.fd, 64) ||
	    tg_loop_add(loop, &a->io, EPOLLIN, 1)) {
		tg_errf(err, "admin socket %s: %s", path, strerror(errno));
		close(a->io.fd);
		unlink(path);
		free(a);
		return NULL;
	}
	return a;
}

void tg_admin_stop(struct tg_admin *a)
{
	if (!a)
		return;
	tg_loop_del(a->loop, &a->io);
	close(a->io.fd);
	unlink(a->path);
	free(a);
}

int tg_admin_request(const char *sock_path, const char *method, const char *path,
		     const char *body, int *status, char **response, tg_err *err)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	/* a redaction policy reload compiles the detectors before it answers:
	 * 2 s here, 10 s under AddressSanitizer */
	struct timeval tv = {.tv_sec = 60};
	struct tg_buf out = {0}, in = {0};
	struct tg_http_msg msg;
	const char *why;
	ssize_t head = 0;
	int fd, pstatus, rc = -1;
	size_t off = 0;

	*response = NULL;
	if (tg_strlcpy(sun.sun_path, sock_path, sizeof(sun.sun_path)))
		return tg_errf(err, "admin socket path too long: %s", sock_path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return tg_errf(err, "socket: %s", strerror(errno));
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun))) {
		tg_errf(err, "tollgate is not running (cannot connect to %s: %s)", sock_path, strerror(errno));
		close(fd);
		return -1;
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	tg_buf_printf(&out, "%s %s HTTP/1.1\r\nHost: tollgate\r\nContent-Type: application/json\r\n"
			    "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
		      method, path, body ? strlen(body) : 0, body ? body : "");
	while (off < tg_buf_used(&out)) {
		ssize_t n = send(fd, tg_buf_start(&out) + off, tg_buf_used(&out) - off, MSG_NOSIGNAL);

		if (n <= 0) {
			tg_errf(err, "write to admin socket: %s", strerror(errno));
			goto out;
		}
		off += (size_t)n;
	}
	for (;;) {
		char *p = tg_buf_reserve(&in, 65536);
		ssize_t n = p ? recv(fd, p, 65536, 0) : -1;

		if (n < 0) {
			tg_errf(err, "read from admin socket: %s", strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		tg_buf_commit(&in, (size_t)n);
		if (tg_buf_used(&in) > 64 * 1024 * 1024) {
			tg_errf(err, "admin response too large");
			goto out;
		}
	}
	head = tg_http_parse_response(tg_buf_start(&in), tg_buf_used(&in), 65536, method, strlen(method),
				      &msg, &pstatus, &why);
	if (head <= 0) {
		tg_errf(err, "malformed answer from the admin socket");
		goto out;
	}
	*status = msg.status;
	*response = strndup(tg_buf_start(&in) + head, tg_buf_used(&in) - (size_t)head);
	rc = *response ? 0 : tg_errf(err, "out of memory");
out:
	tg_buf_free(&out);
	tg_buf_free(&in);
	close(fd);
	return rc;
}
