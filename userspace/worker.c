/*
 * worker.c - a proxy worker thread: its event loop, the listeners it
 * accepts on, and the hand-off of new listeners from the control thread.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "daemon.h"
#include "proxy.h"

static void on_accept(struct tg_io *io, uint32_t events)
{
	struct tg_listener_fd *l = io->owner;

	(void)events;
	/* Edge-triggered: accept until the queue is empty (it is bounded by the backlog). */
	for (;;) {
		int fd = accept4(io->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);

		if (fd < 0) {
			if (errno == EINTR || errno == ECONNABORTED)
				continue;
			if (errno != EAGAIN && errno != EWOULDBLOCK)
				tg_warn("accept: %s", strerror(errno));
			return;
		}
		tg_conn_accept(l->w, fd, l->netns_cookie);
	}
}

struct add_listener {
	struct tg_worker *w;
	int fd;
	uint64_t netns_cookie;
};

static void do_add_listener(void *arg)
{
	struct add_listener *a = arg;
	struct tg_listener_fd *l = calloc(1, sizeof(*l));

	if (!l) {
		close(a->fd);
		free(a);
		return;
	}
	l->w = a->w;
	l->netns_cookie = a->netns_cookie;
	l->io.fd = a->fd;
	l->io.fn = on_accept;
	l->io.owner = l;
	if (tg_loop_add(a->w->loop, &l->io, EPOLLIN, 0)) {
		tg_error("worker %d: epoll add listener: %s", a->w->id, strerror(errno));
		close(a->fd);
		free(l);
	} else {
		l->next = a->w->listeners;
		a->w->listeners = l;
		on_accept(&l->io, EPOLLIN); /* connections may already be queued */
	}
	free(a);
}

int tg_worker_add_listener(struct tg_worker *w, int fd, uint64_t netns_cookie)
{
	struct add_listener *a = malloc(sizeof(*a));

	if (!a)
		return -1;
	a->w = w;
	a->fd = fd;
	a->netns_cookie = netns_cookie;
	if (tg_loop_post(w->loop, do_add_listener, a)) {
		free(a);
		return -1;
	}
	return 0;
}

struct remove_listeners {
	struct tg_worker *w;
	uint64_t netns_cookie;
};

static void do_remove_listeners(void *arg)
{
	struct remove_listeners *r = arg;
	struct tg_listener_fd **pp = &r->w->listeners;

	while (*pp) {
		struct tg_listener_fd *l = *pp;

		if (l->netns_cookie == r->netns_cookie) {
			*pp = l->next;
			tg_loop_del(r->w->loop, &l->io);
			close(l->io.fd);
			free(l);
		} else {
			pp = &l->next;
		}
	}
	free(r);
}

void tg_worker_remove_listeners(struct tg_worker *w, uint64_t netns_cookie)
{
	struct remove_listeners *r = malloc(sizeof(*r));

	if (!r)
		return;
	r->w = w;
	r->netns_cookie = netns_cookie;
	if (tg_loop_post(w->loop, do_remove_listeners, r))
		free(r);
}

static void after_batch(void *arg)
{
	tg_conn_free_dead(arg);
}

static void *worker_main(void *arg)
{
	struct tg_worker *w = arg;

	tg_loop_run(w->loop);
	tg_conn_close_all(w);
	tg_upstream_close_pool(w);
	while (w->listeners) {
		struct tg_listener_fd *l = w->listeners;

		w->listeners = l->next;
		close(l->io.fd);
		free(l);
	}
	return NULL;
}

int tg_worker_start(struct tg_worker *w)
{
	w->loop = tg_loop_new();
	if (!w->loop)
		return -1;
	tg_loop_after_batch(w->loop, after_batch, w);
	if (pthread_create(&w->thread, NULL, worker_main, w)) {
		tg_loop_free(w->loop);
		w->loop = NULL;
		return -1;
	}
	return 0;
}

void tg_worker_stop(struct tg_worker *w)
{
	if (w->loop)
		tg_loop_stop(w->loop);
}

void tg_worker_join(struct tg_worker *w)
{
	if (!w->loop)
		return;
	pthread_join(w->thread, NULL);
	tg_loop_free(w->loop);
	w->loop = NULL;
}
