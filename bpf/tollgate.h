/*
 * tollgate.h - the contract between tollgate's eBPF programs and userspace.
 *
 * Map keys and values used by bpf/tollgate.bpf.c and userspace/bpf_loader.c.
 * Both sides include this file; keep it free of kernel- or libc-only types.
 *
 * Addresses are always stored as 16 bytes: IPv4 as an IPv4-mapped IPv6
 * address (::ffff:a.b.c.d), so one key layout serves both families.
 * Ports are in network byte order unless a field name says otherwise.
 */
#ifndef TOLLGATE_BPF_H
#define TOLLGATE_BPF_H

#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

#define TG_COMM_LEN 16

/* Endpoint map (LPM trie): port first, then address, so one prefix length
 * covers "this port, and this address prefix". Exact addresses use
 * TG_EP_PREFIX_BASE + 128 bits; an IPv4 /24 uses TG_EP_PREFIX_BASE + 96 + 24. */
#define TG_EP_PREFIX_BASE 32 /* port (16) + pad (16) */

struct tg_ep_key {
	__u32 prefixlen;
	__u16 port; /* network order */
	__u16 pad;
	__u8 addr[16];
};

struct tg_ep_val {
	__u32 provider; /* index into the provider registry */
	__u32 flags;    /* TG_EP_* */
};

#define TG_EP_STATIC 1u   /* from configuration: never expires */

/* Listener map: network namespace cookie -> where to send connections made
 * inside that namespace. The daemon creates loopback listeners in every
 * namespace it governs, since a rewrite to 127.0.0.1 lands on the loopback
 * of the namespace the connecting socket lives in. */
struct tg_listener {
	__u32 addr4;     /* network order */
	__u16 port4;     /* network order; 0 = no IPv4 listener */
	__u16 port6;     /* network order; 0 = no IPv6 listener */
	__u32 addr6[4];  /* network order */
};

/* Who dialled what: filled in at connect() and stored in the socket's local
 * storage, then copied into the pending map once the local port is known. */
struct tg_origin {
	__u8 addr[16];      /* original destination */
	__u16 port;         /* original destination port, network order */
	__u16 family;       /* AF_INET or AF_INET6 as the caller dialled it */
	__u32 provider;
	__u64 cgroup_id;
	__u64 netns_cookie;
	__u64 sock_cookie;
	__u64 ktime_ns;     /* bpf_ktime_get_ns() at connect */
	__u32 tgid;
	__u32 pid;          /* thread id that called connect() */
	__u32 uid;
	__u32 gid;
	char comm[TG_COMM_LEN];
};

/* Pending map key: the client's local address and port as the proxy sees
 * them with getpeername() on the accepted socket, qualified by namespace. */
struct tg_pending_key {
	__u64 netns_cookie;
	__u8 addr[16];
	__u16 port;         /* network order */
	__u16 pad1;
	__u32 pad2;
};

/* Ring buffer notices to the daemon. */
enum tg_notice_kind {
	TG_NOTICE_UNKNOWN_NETNS = 1, /* a governed connect() from a namespace without listeners */
};

struct tg_notice {
	__u32 kind;
	__u32 tgid;
	__u64 netns_cookie;
	__u64 cgroup_id;
};

/* Per-CPU counters, indexed by enum tg_stat. */
enum tg_stat {
	TG_STAT_REDIRECTED = 0,
	TG_STAT_UDP_REFUSED,
	TG_STAT_NO_LISTENER,
	TG_STAT_OWN_TRAFFIC,
	TG_STAT_STORAGE_FAIL,
	TG_STAT_MAX
};

#endif
