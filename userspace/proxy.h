/*
 * proxy.h - the proxy's workers, client connections and upstream
 * connections. Internal to worker.c, conn.c and upstream.c.
 *
 * One worker per CPU, each a thread with its own event loop, its own
 * SO_REUSEPORT listeners and its own upstream pool: a connection lives and
 * dies on one worker and no lock is taken on the request path except for
 * the shared TLS caches.
 */
#ifndef TG_PROXY_H
#define TG_PROXY_H

#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>

#include <openssl/ssl.h>

#include "buf.h"
#include "loop.h"
#include "pipeline.h"
#include "tollgate.h"

struct tg_daemon;
struct tg_conn;

struct tg_listener_fd {
	struct tg_io io;
	struct tg_worker *w;
	uint64_t netns_cookie;
	struct tg_listener_fd *next;
};

struct tg_upstream {
	struct tg_io io;
	struct tg_worker *w;
	struct tg_conn *owner;      /* NULL while idle in the pool */
	SSL *ssl;
	enum { UP_CONNECTING, UP_HANDSHAKE, UP_READY } state;
	struct sockaddr_in6 addr;   /* original destination (v4-mapped for IPv4) */
	char host[256];
	struct tg_buf out;          /* bytes waiting to go upstream */
	struct tg_buf in;           /* bytes read from upstream not yet consumed */
	bool eof;                   /* upstream closed its side */
	bool read_drained;          /* the last read found the socket empty (tg_tls_watch_reads) */
	bool want_write;            /* the last SSL call wanted the socket writable */
	int uses;                   /* requests sent on this connection */
	struct tg_timer timer;      /* pool idle / connect timeout */
	struct tg_upstream *next;   /* pool list */
	bool dead;
};

struct tg_worker {
	int id;
	struct tg_daemon *d;
	struct tg_loop *loop;
	pthread_t thread;
	struct tg_listener_fd *listeners;
	struct tg_upstream *pool;   /* idle upstream connections */
	struct tg_conn *conns;      /* live client connections */
	struct tg_conn *dead;       /* closed this batch; freed after it */
	struct tg_upstream *dead_up;
	atomic_uint live;           /* client connections */
	atomic_uint pooled;         /* idle upstream connections */
	atomic_ulong accepted;
	atomic_ulong requests;
	atomic_ulong unmatched;     /* accepted connections without an origin record: reset */
	/* Random bytes for trace and span ids, drawn from OpenSSL's DRBG a
	 * block at a time: one RAND_bytes() per call cost microseconds. */
	unsigned char random[480];
	size_t random_left;         /* unused bytes at the end of random[] */
};

int tg_worker_start(struct tg_worker *w);
/* Hand a listening socket to the worker (any thread). */
int tg_worker_add_listener(struct tg_worker *w, int fd, uint64_t netns_cookie);
/* Close the worker's listeners for a namespace (any thread). */
void tg_worker_remove_listeners(struct tg_worker *w, uint64_t netns_cookie);
void tg_worker_stop(struct tg_worker *w);
void tg_worker_join(struct tg_worker *w);

/* conn.c */
void tg_conn_accept(struct tg_worker *w, int fd, uint64_t netns_cookie);
void tg_conn_free_dead(struct tg_worker *w);
void tg_conn_close_all(struct tg_worker *w);
void tg_conn_upstream_event(struct tg_conn *c); /* the upstream made progress */

/* upstream.c */
/* A ready or connecting upstream for (addr, host): from the pool or new. */
struct tg_upstream *tg_upstream_get(struct tg_worker *w, const struct sockaddr_in6 *addr,
				    const char *host, struct tg_conn *owner, char *why, size_t whysz);
/* Give it back: pooled when reusable, else closed. */
void tg_upstream_release(struct tg_upstream *u, bool reusable);
/* Drive the upstream's handshake; returns 1 ready, 0 in progress, -1 failed (why set). */
int tg_upstream_progress(struct tg_upstream *u, char *why, size_t whysz);
/* Write pending out bytes; 0 ok/blocked, -1 error. */
int tg_upstream_flush(struct tg_upstream *u);
/* Read into in; >0 bytes, 0 blocked, -1 EOF or error (u->eof set on clean EOF). */
int tg_upstream_read(struct tg_upstream *u);
void tg_upstream_free_dead(struct tg_worker *w);
void tg_upstream_close_pool(struct tg_worker *w);

#endif
