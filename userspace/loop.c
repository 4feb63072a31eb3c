/*
 * loop.c - epoll + timer heap + a wake-up eventfd for cross-thread posts.
 */
#include "loop.h"

#include <errno.h>
#include <stdbool.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "common.h"

struct post {
	void (*fn)(void *arg);
	void *arg;
	struct post *next;
};

struct tg_loop {
	int epfd;
	struct tg_io wake;
	volatile int stop;
	struct tg_timer **heap;
	size_t nheap, cap;
	pthread_mutex_t lock; /* guards posts */
	struct post *posts;
	void (*after_fn)(void *arg);
	void *after_arg;
};

static void heap_swap(struct tg_loop *l, size_t a, size_t b)
{
	struct tg_timer *t = l->heap[a];

	l->heap[a] = l->heap[b];
	l->heap[b] = t;
	l->heap[a]->heap_index = a + 1;
	l->heap[b]->heap_index = b + 1;
}

static void heap_up(struct tg_loop *l, size_t i)
{
	while (i > 0) {
		size_t p = (i - 1) / 2;

		if (l->heap[p]->deadline_ms <= l->heap[i]->deadline_ms)
			break;
		heap_swap(l, i, p);
		i = p;
	}
}

static void heap_down(struct tg_loop *l, size_t i)
{
	for (;;) {
		size_t a = 2 * i + 1, b = a + 1, m = i;

		if (a < l->nheap && l->heap[a]->deadline_ms < l->heap[m]->deadline_ms)
			m = a;
		if (b < l->nheap && l->heap[b]->deadline_ms < l->heap[m]->deadline_ms)
			m = b;
		if (m == i)
			return;
		heap_swap(l, i, m);
		i = m;
	}
}

void tg_timer_cancel(struct tg_loop *l, struct tg_timer *t)
{
	size_t i;

	if (!t->heap_index)
		return;
	i = t->heap_index - 1;
	t->heap_index = 0;
	l->nheap--;
	if (i == l->nheap)
		return;
	l->heap[i] = l->heap[l->nheap];
	l->heap[i]->heap_index = i + 1;
	heap_up(l, i);
	heap_down(l, i);
}

void tg_timer_arm(struct tg_loop *l, struct tg_timer *t, uint64_t after_ms)
{
	tg_timer_cancel(l, t);
	if (l->nheap == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		struct tg_timer **h = realloc(l->heap, cap * sizeof(*h));

		if (!h)
			abort(); /* timers are tiny; no memory here means nothing works */
		l->heap = h;
		l->cap = cap;
	}
	t->deadline_ms = tg_now_ms() + after_ms;
	l->heap[l->nheap] = t;
	t->heap_index = ++l->nheap;
	heap_up(l, l->nheap - 1);
}

static void run_posts(struct tg_loop *l)
{
	struct post *p, *next;

	pthread_mutex_lock(&l->lock);
	p = l->posts;
	l->posts = NULL;
	pthread_mutex_unlock(&l->lock);
	/* posts were pushed LIFO; reverse to run them in order */
	struct post *rev = NULL;
	for (; p; p = next) {
		next = p->next;
		p->next = rev;
		rev = p;
	}
	for (p = rev; p; p = next) {
		next = p->next;
		p->fn(p->arg);
		free(p);
	}
}

static void on_wake(struct tg_io *io, uint32_t events)
{
	struct tg_loop *l = io->owner;
	uint64_t v;

	(void)events;
	/* one read takes the whole count; a write after it raises a new edge */
	if (read(l->wake.fd, &v, sizeof(v)) < 0 && errno != EAGAIN)
		tg_debug("loop wake: %s", strerror(errno));
	run_posts(l);
}

struct tg_loop *tg_loop_new(void)
{
	struct tg_loop *l = calloc(1, sizeof(*l));

	if (!l)
		return NULL;
	pthread_mutex_init(&l->lock, NULL);
	l->epfd = epoll_create1(EPOLL_CLOEXEC);
	l->wake.fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	l->wake.fn = on_wake;
	l->wake.owner = l;
	if (l->epfd < 0 || l->wake.fd < 0 || tg_loop_add(l, &l->wake, EPOLLIN, 0)) {
		tg_loop_free(l);
		return NULL;
	}
	return l;
}

void tg_loop_free(struct tg_loop *l)
{
	if (!l)
		return;
	run_posts(l);
	if (l->epfd >= 0)
		close(l->epfd);
	if (l->wake.fd >= 0)
		close(l->wake.fd);
	pthread_mutex_destroy(&l->lock);
	free(l->heap);
	free(l);
}

int tg_loop_add(struct tg_loop *l, struct tg_io *io, uint32_t events, int level)
{
	struct epoll_event ev = {.events = events | (level ? 0 : EPOLLET), .data.ptr = io};

	return epoll_ctl(l->epfd, EPOLL_CTL_ADD, io->fd, &ev);
}

void tg_loop_del(struct tg_loop *l, struct tg_io *io)
{
	if (io->fd >= 0)
		epoll_ctl(l->epfd, EPOLL_CTL_DEL, io->fd, NULL);
}

void tg_loop_stop(struct tg_loop *l)
{
	uint64_t one = 1;

	l->stop = 1;
	if (write(l->wake.fd, &one, sizeof(one)) < 0)
		tg_debug("loop wake: %s", strerror(errno));
}

int tg_loop_post(struct tg_loop *l, void (*fn)(void *arg), void *arg)
{
	struct post *p = malloc(sizeof(*p));
	uint64_t one = 1;

	if (!p)
		return -1;
	p->fn = fn;
	p->arg = arg;
	bool first;

	pthread_mutex_lock(&l->lock);
	first = !l->posts;
	p->next = l->posts;
	l->posts = p;
	pthread_mutex_unlock(&l->lock);
	/* posts already waiting mean a wake-up is on its way: the loop takes
	 * the whole list at once */
	if (first && write(l->wake.fd, &one, sizeof(one)) < 0)
		return -1;
	return 0;
}

static int next_timeout(struct tg_loop *l)
{
	uint64_t now;

	if (!l->nheap)
		return 1000;
	now = tg_now_ms();
	if (l->heap[0]->deadline_ms <= now)
		return 0;
	if (l->heap[0]->deadline_ms - now > 1000)
		return 1000;
	return (int)(l->heap[0]->deadline_ms - now);
}

static void run_timers(struct tg_loop *l)
{
	uint64_t now = tg_now_ms();

	while (l->nheap && l->heap[0]->deadline_ms <= now) {
		struct tg_timer *t = l->heap[0];

		tg_timer_cancel(l, t);
		t->fn(t);
	}
}

void tg_loop_run(struct tg_loop *l)
{
	struct epoll_event evs[128];

	while (!l->stop) {
		int n = epoll_wait(l->epfd, evs, (int)TG_ARRAY_LEN(evs), next_timeout(l));

		if (n < 0 && errno != EINTR) {
			tg_error("epoll_wait: %s", strerror(errno));
			break;
		}
		for (int i = 0; i < n; i++) {
			struct tg_io *io = evs[i].data.ptr;

			io->fn(io, evs[i].events);
		}
		run_timers(l);
		if (l->after_fn)
			l->after_fn(l->after_arg);
	}
}

void tg_loop_after_batch(struct tg_loop *l, void (*fn)(void *arg), void *arg)
{
	l->after_fn = fn;
	l->after_arg = arg;
}
