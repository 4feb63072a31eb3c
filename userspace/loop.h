/*
 * loop.h - an epoll event loop with timers, one per thread.
 *
 * File descriptors are registered edge-triggered: the owner's callback is
 * told which events arrived and must then do all the work it can until the
 * fd would block (the proxy's "pump" does exactly that). Timers are kept in
 * a binary min-heap; a timer is a struct embedded in its owner.
 */
#ifndef TG_LOOP_H
#define TG_LOOP_H

#include <stddef.h>
#include <stdint.h>

struct tg_loop;
struct tg_io;
struct tg_timer;

typedef void (*tg_io_fn)(struct tg_io *io, uint32_t events);
typedef void (*tg_timer_fn)(struct tg_timer *t);

struct tg_io {
	int fd;
	tg_io_fn fn;
	void *owner;
};

struct tg_timer {
	uint64_t deadline_ms; /* monotonic */
	size_t heap_index;    /* 0 = not armed, else index + 1 */
	tg_timer_fn fn;
	void *owner;
};

struct tg_loop *tg_loop_new(void);
void tg_loop_free(struct tg_loop *loop);

/* Register fd for events (EPOLLIN/EPOLLOUT/... ; EPOLLET is added unless
 * level is non-zero). */
int tg_loop_add(struct tg_loop *loop, struct tg_io *io, uint32_t events, int level);
void tg_loop_del(struct tg_loop *loop, struct tg_io *io);

void tg_timer_arm(struct tg_loop *loop, struct tg_timer *t, uint64_t after_ms);
void tg_timer_cancel(struct tg_loop *loop, struct tg_timer *t);

/* Run until tg_loop_stop() (callable from any thread). */
void tg_loop_run(struct tg_loop *loop);
void tg_loop_stop(struct tg_loop *loop);

/* Call fn(arg) after every batch of events (one hook per loop): the place
 * to free objects that a callback earlier in the batch closed. */
void tg_loop_after_batch(struct tg_loop *loop, void (*fn)(void *arg), void *arg);

/* Run fn(arg) on the loop's thread soon (thread-safe). */
int tg_loop_post(struct tg_loop *loop, void (*fn)(void *arg), void *arg);

#endif
