/*
 * upstream.c - verified TLS connections to the real providers, pooled per
 * worker with keep-alive.
 *
 * Every upstream socket carries tollgate's socket mark, so the connect
 * hooks let it through to the original destination. The pool is keyed by
 * (destination address, port, server name).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <netinet/tcp.h>
#include <unistd.h>

#include <openssl/err.h>

#include "daemon.h"
#include "proxy.h"

static void up_kill(struct tg_upstream *u)
{
	if (u->dead)
		return;
	u->dead = true;
	tg_timer_cancel(u->w->loop, &u->timer);
	tg_loop_del(u->w->loop, &u->io);
	if (u->ssl)
		SSL_free(u->ssl);
	u->ssl = NULL;
	if (u->io.fd >= 0)
		close(u->io.fd);
	u->io.fd = -1;
	tg_buf_free(&u->in);
	tg_buf_free(&u->out);
	u->next = u->w->dead_up;
	u->w->dead_up = u;
}

static void pool_unlink(struct tg_upstream *u)
{
	for (struct tg_upstream **pp = &u->w->pool; *pp; pp = &(*pp)->next) {
		if (*pp == u) {
			*pp = u->next;
			u->next = NULL;
			atomic_fetch_sub(&u->w->pooled, 1);
			return;
		}
	}
}

static void on_up_timer(struct tg_timer *t)
{
	struct tg_upstream *u = t->owner;

	if (!u->owner) { /* idle in the pool for too long */
		pool_unlink(u);
		up_kill(u);
		return;
	}
	/* connect timeout: let the owner see a failure */
	u->eof = true;
	tg_conn_upstream_event(u->owner);
}

static void on_up_io(struct tg_io *io, uint32_t events)
{
	struct tg_upstream *u = io->owner;

	if (u->dead)
		return;
	if (!u->owner) {
		/*
		 * Idle in the pool. The event may be stale: it can be from the same
		 * epoll batch in which the connection's last response was read and
		 * the connection released. Only a real close, an error or unread
		 * bytes (junk, or a close_notify) retire it.
		 */
		char byte;
		ssize_t n;

		if (!(events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR))) {
			n = recv(u->io.fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
			if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
				return;
		}
		pool_unlink(u);
		up_kill(u);
		return;
	}
	if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
		u->read_drained = false;
	tg_conn_upstream_event(u->owner);
}

static bool same_addr(const struct sockaddr_in6 *a, const struct sockaddr_in6 *b)
{
	return a->sin6_port == b->sin6_port &&
	       memcmp(&a->sin6_addr, &b->sin6_addr, sizeof(a->sin6_addr)) == 0;
}

static int connect_socket(struct tg_daemon *d, const struct sockaddr_in6 *addr, char *why, size_t whysz)
{
	bool v4 = IN6_IS_ADDR_V4MAPPED(&addr->sin6_addr);
	int fd = socket(v4 ? AF_INET : AF_INET6, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	uint32_t mark = d->cfg.socket_mark;
	int one = 1;

	if (fd < 0) {
		snprintf(why, whysz, "upstream socket: %s", strerror(errno));
		return -1;
	}
	if (setsockopt(fd, SOL_SOCKET, SO_MARK, &mark, sizeof(mark))) {
		snprintf(why, whysz, "set socket mark on upstream socket: %s", strerror(errno));
		close(fd);
		return -1;
	}
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	if (v4) {
		struct sockaddr_in sin = {.sin_family = AF_INET, .sin_port = addr->sin6_port};

		memcpy(&sin.sin_addr, &addr->sin6_addr.s6_addr[12], 4);
		if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) && errno != EINPROGRESS)
			goto fail;
	} else if (connect(fd, (const struct sockaddr *)addr, sizeof(*addr)) && errno != EINPROGRESS) {
		goto fail;
	}
	return fd;
fail:
	snprintf(why, whysz, "connect to upstream: %s", strerror(errno));
	close(fd);
	return -1;
}

struct tg_upstream *tg_upstream_get(struct tg_worker *w, const struct sockaddr_in6 *addr,
				    const char *host, struct tg_conn *owner, char *why, size_t whysz)
{
	struct tg_upstream *u;
	tg_err err;

	for (u = w->pool; u; u = u->next) {
		if (same_addr(&u->addr, addr) && strcasecmp(u->host, host) == 0) {
			pool_unlink(u);
			tg_timer_cancel(w->loop, &u->timer);
			u->owner = owner;
			return u;
		}
	}
	u = calloc(1, sizeof(*u));
	if (!u) {
		snprintf(why, whysz, "out of memory");
		return NULL;
	}
	u->w = w;
	u->owner = owner;
	u->addr = *addr;
	tg_strlcpy(u->host, host, sizeof(u->host));
	u->io.fn = on_up_io;
	u->io.owner = u;
	u->timer.fn = on_up_timer;
	u->timer.owner = u;
	u->io.fd = connect_socket(w->d, addr, why, whysz);
	if (u->io.fd < 0) {
		free(u);
		return NULL;
	}
	u->ssl = tg_tls_upstream(w->d->tls, host, &err);
	if (!u->ssl || SSL_set_fd(u->ssl, u->io.fd) != 1) {
		snprintf(why, whysz, "%s", u->ssl ? "SSL_set_fd failed" : err.msg);
		if (u->ssl)
			SSL_free(u->ssl);
		close(u->io.fd);
		free(u);
		return NULL;
	}
	tg_tls_watch_reads(u->ssl, &u->read_drained);
	u->state = UP_CONNECTING;
	if (tg_loop_add(w->loop, &u->io, EPOLLIN | EPOLLOUT | EPOLLRDHUP, 0)) {
		snprintf(why, whysz, "epoll: %s", strerror(errno));
		SSL_free(u->ssl);
		close(u->io.fd);
		free(u);
		return NULL;
	}
	tg_timer_arm(w->loop, &u->timer, w->d->cfg.upstream_connect_timeout_ms);
	return u;
}

void tg_upstream_release(struct tg_upstream *u, bool reusable)
{
	struct tg_worker *w = u->w;

	u->owner = NULL;
	if (!reusable || u->dead || u->state != UP_READY || u->eof || tg_buf_used(&u->in) ||
	    tg_buf_used(&u->out) || SSL_pending(u->ssl) > 0) {
		up_kill(u);
		return;
	}
	tg_buf_release_if_empty(&u->in);
	tg_buf_release_if_empty(&u->out);
	u->next = w->pool;
	w->pool = u;
	atomic_fetch_add(&w->pooled, 1);
	tg_timer_arm(w->loop, &u->timer, w->d->cfg.pool_idle_timeout_ms);
}

int tg_upstream_progress(struct tg_upstream *u, char *why, size_t whysz)
{
	int rc;

	if (u->state == UP_READY)
		return 1;
	if (u->eof) {
		snprintf(why, whysz, "timed out connecting to upstream %s", u->host);
		return -1;
	}
	if (u->state == UP_CONNECTING) {
		int soerr = 0;
		socklen_t len = sizeof(soerr);

		if (getsockopt(u->io.fd, SOL_SOCKET, SO_ERROR, &soerr, &len) == 0 && soerr) {
			snprintf(why, whysz, "connect to upstream %s: %s", u->host, strerror(soerr));
			return -1;
		}
		u->state = UP_HANDSHAKE;
	}
	ERR_clear_error();
	rc = SSL_connect(u->ssl);
	if (rc == 1) {
		u->state = UP_READY;
		tg_timer_cancel(u->w->loop, &u->timer);
		if (tg_tls_upstream_resumed(u->ssl))
			tg_debug("upstream %s: TLS session resumed", u->host);
		return 1;
	}
	switch (SSL_get_error(u->ssl, rc)) {
	case SSL_ERROR_WANT_READ:
		return 0;
	case SSL_ERROR_WANT_WRITE:
		u->want_write = true;
		return 0;
	case SSL_ERROR_SYSCALL:
		if (ERR_peek_error() == 0) {
			snprintf(why, whysz, "connect to upstream %s: %s", u->host,
				 errno ? strerror(errno) : "connection closed during handshake");
			return -1;
		}
		/* fall through */
	default:
		tg_tls_upstream_error(u->ssl, u->host, why, whysz);
		return -1;
	}
}

int tg_upstream_flush(struct tg_upstream *u)
{
	while (tg_buf_used(&u->out)) {
		int n;

		ERR_clear_error();
		n = SSL_write(u->ssl, tg_buf_start(&u->out),
			      (int)(tg_buf_used(&u->out) > 1 << 30 ? 1 << 30 : tg_buf_used(&u->out)));
		if (n > 0) {
			tg_buf_consume(&u->out, (size_t)n);
			continue;
		}
		switch (SSL_get_error(u->ssl, n)) {
		case SSL_ERROR_WANT_WRITE:
		case SSL_ERROR_WANT_READ:
			return 0;
		default:
			return -1;
		}
	}
	tg_buf_release_if_empty(&u->out);
	return 0;
}

int tg_upstream_read(struct tg_upstream *u)
{
	char *p = tg_buf_reserve(&u->in, 16384);
	int n;

	if (!p)
		return -1;
	ERR_clear_error();
	if (u->read_drained && !SSL_has_pending(u->ssl))
		return 0;
	n = SSL_read(u->ssl, p, 16384);
	if (n > 0) {
		tg_buf_commit(&u->in, (size_t)n);
		return n;
	}
	switch (SSL_get_error(u->ssl, n)) {
	case SSL_ERROR_WANT_READ:
	case SSL_ERROR_WANT_WRITE:
		return 0;
	case SSL_ERROR_ZERO_RETURN:
		u->eof = true;
		return -1;
	case SSL_ERROR_SYSCALL:
		/* EOF without close_notify: many servers do this; treat as EOF. */
		u->eof = true;
		return -1;
	default:
		return -1;
	}
}

void tg_upstream_free_dead(struct tg_worker *w)
{
	while (w->dead_up) {
		struct tg_upstream *u = w->dead_up;

		w->dead_up = u->next;
		free(u);
	}
}

void tg_upstream_close_pool(struct tg_worker *w)
{
	while (w->pool) {
		struct tg_upstream *u = w->pool;

		pool_unlink(u);
		up_kill(u);
	}
	tg_upstream_free_dead(w);
}
