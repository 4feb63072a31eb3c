/*
 * bpf_loader.h - load, attach and detach tollgate's eBPF programs, and the
 * map operations the daemon needs (endpoints, listeners, origin lookups).
 *
 * Programs are attached with BPF links owned by the daemon process and are
 * never pinned: if the daemon dies, the kernel detaches them and agents'
 * traffic goes direct (fail-open).
 */
#ifndef TG_BPF_LOADER_H
#define TG_BPF_LOADER_H

#include <stdbool.h>
#include <stdint.h>

#include "common.h"
#include "tollgate.h"

struct tg_bpf;

struct tg_bpf_opts {
	uint32_t own_mark;         /* socket mark that exempts tollgate's own sockets */
	bool refuse_unknown_netns; /* refuse (true) or let through (false) connections from namespaces without a listener */
};

/* Load the programs and maps (nothing attached yet). */
struct tg_bpf *tg_bpf_open(const struct tg_bpf_opts *opts, tg_err *err);
/* Attach every program at the governed cgroup (absolute directory path). */
int tg_bpf_attach(struct tg_bpf *b, const char *cgroup_path, tg_err *err);
/* Detach every program: connections go direct from now on. */
void tg_bpf_detach(struct tg_bpf *b);
/* Detach and free everything. Safe with NULL. */
void tg_bpf_close(struct tg_bpf *b);

/* Endpoint map. addr is the 16-byte form, prefix over it (128 = exact). */
int tg_bpf_endpoint_put(struct tg_bpf *b, const uint8_t addr[16], uint8_t prefix,
			uint16_t port, uint32_t provider, uint32_t flags, tg_err *err);
int tg_bpf_endpoint_del(struct tg_bpf *b, const uint8_t addr[16], uint8_t prefix, uint16_t port);

/* Listener map: netns cookie -> listener addresses (ports in host order, 0 = none). */
int tg_bpf_listener_put(struct tg_bpf *b, uint64_t netns_cookie, uint32_t addr4_be, uint16_t port4,
			const uint8_t addr6[16], uint16_t port6, tg_err *err);
int tg_bpf_listener_del(struct tg_bpf *b, uint64_t netns_cookie);

/* Take (look up and delete) the origin record of an accepted connection:
 * peer is the client's address as seen by the proxy (16-byte form), port in
 * network order. Returns 0 when found, -1 when there is no record. */
int tg_bpf_take_origin(struct tg_bpf *b, uint64_t netns_cookie, const uint8_t peer[16],
		       uint16_t peer_port_be, struct tg_origin *out);

/* Ring buffer of notices from the programs (unknown namespaces). */
typedef void (*tg_bpf_notice_fn)(void *ctx, const struct tg_notice *n);
int tg_bpf_notices_fd(struct tg_bpf *b);
int tg_bpf_poll_notices(struct tg_bpf *b, tg_bpf_notice_fn fn, void *ctx);

/* For status: attached program names, map occupancy, counters. */
struct tg_bpf_status {
	uint64_t stats[TG_STAT_MAX];
	unsigned endpoints;
	unsigned listeners;
	unsigned pending;
	unsigned nprogs;
	struct { char name[32]; char attach[32]; uint32_t id; } progs[8];
};
int tg_bpf_status(struct tg_bpf *b, struct tg_bpf_status *st);

/* Walk the endpoint map (for status): fn gets each key and value. */
typedef void (*tg_bpf_ep_fn)(void *ctx, const struct tg_ep_key *k, const struct tg_ep_val *v);
int tg_bpf_endpoints_walk(struct tg_bpf *b, tg_bpf_ep_fn fn, void *ctx);

#endif
