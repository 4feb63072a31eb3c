// SPDX-License-Identifier: GPL-2.0
/*
 * tollgate.bpf.c - redirect governed connections to LLM providers into the
 * tollgate proxy.
 *
 * Attached at the governed cgroup:
 *   cgroup/connect4, cgroup/connect6   TCP to a provider endpoint: remember
 *                                      the origin, rewrite the destination to
 *                                      the proxy listener of the caller's
 *                                      network namespace. UDP to a provider
 *                                      endpoint on port 443 (QUIC): refused.
 *   cgroup/sendmsg4, cgroup/sendmsg6   unconnected UDP to an endpoint on 443:
 *                                      refused, so clients fall back to TCP.
 *   sockops                            once the local port is bound, publish
 *                                      the origin under the 4-tuple the proxy
 *                                      sees on accept().
 *   cgroup/getpeername4, getpeername6  the caller still sees the address it
 *                                      dialled.
 *
 * tollgate's own sockets carry a socket mark and are never touched.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "tollgate.h"

#define AF_INET 2
#define AF_INET6 10
#define SOCK_STREAM 1
#define SOCK_DGRAM 2

char LICENSE[] SEC("license") = "GPL";

/* Set by the loader before load. */
const volatile __u32 own_mark = 0;
const volatile __u8 refuse_unknown_netns = 1;

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 16384);
	__type(key, struct tg_ep_key);
	__type(value, struct tg_ep_val);
} endpoints SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);
	__type(value, struct tg_listener);
} listeners SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_SK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct tg_origin);
} origins SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, struct tg_pending_key);
	__type(value, struct tg_origin);
} pending SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} notices SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, TG_STAT_MAX);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

static __always_inline void count(__u32 which)
{
	__u64 *v = bpf_map_lookup_elem(&stats, &which);

	if (v)
		*v += 1;
}

static __always_inline void map_v4(__u8 *dst, __u32 ip4)
{
	__builtin_memset(dst, 0, 10);
	dst[10] = 0xff;
	dst[11] = 0xff;
	__builtin_memcpy(dst + 12, &ip4, 4);
}

static __always_inline int is_v4_mapped(const __u32 *ip6)
{
	return ip6[0] == 0 && ip6[1] == 0 && ip6[2] == bpf_htonl(0xffff);
}

static __always_inline struct tg_ep_val *endpoint_lookup(const __u8 *addr, __u16 port)
{
	struct tg_ep_key key = {};

	key.prefixlen = TG_EP_PREFIX_BASE + 128;
	key.port = port;
	__builtin_memcpy(key.addr, addr, 16);
	return bpf_map_lookup_elem(&endpoints, &key);
}

static __always_inline int own_socket(struct bpf_sock_addr *ctx)
{
	struct bpf_sock *sk = ctx->sk;

	return sk && own_mark && sk->mark == own_mark;
}

static __always_inline void notice_unknown_netns(__u64 netns)
{
	struct tg_notice *n = bpf_ringbuf_reserve(&notices, sizeof(*n), 0);

	if (!n)
		return;
	n->kind = TG_NOTICE_UNKNOWN_NETNS;
	n->tgid = bpf_get_current_pid_tgid() >> 32;
	n->netns_cookie = netns;
	n->cgroup_id = bpf_get_current_cgroup_id();
	bpf_ringbuf_submit(n, 0);
}

/*
 * Common part of connect4/connect6 once the destination is known to be a
 * provider endpoint. Returns the listener to rewrite to, NULL to leave the
 * connection alone (*verdict says whether to allow it).
 */
static __always_inline struct tg_listener *
claim(struct bpf_sock_addr *ctx, const __u8 *addr, __u16 family,
      struct tg_ep_val *ep, int *verdict)
{
	__u64 netns = bpf_get_netns_cookie(ctx);
	struct tg_listener *l = bpf_map_lookup_elem(&listeners, &netns);
	struct tg_origin *o;
	__u64 id;

	*verdict = 1;
	if (!l) {
		count(TG_STAT_NO_LISTENER);
		notice_unknown_netns(netns);
		if (refuse_unknown_netns)
			*verdict = 0;
		return 0;
	}
	o = bpf_sk_storage_get(&origins, ctx->sk, 0, BPF_SK_STORAGE_GET_F_CREATE);
	if (!o) {
		count(TG_STAT_STORAGE_FAIL);
		*verdict = refuse_unknown_netns ? 0 : 1;
		return 0;
	}
	__builtin_memcpy(o->addr, addr, 16);
	o->port = ctx->user_port;
	o->family = family;
	o->provider = ep->provider;
	o->cgroup_id = bpf_get_current_cgroup_id();
	o->netns_cookie = netns;
	o->sock_cookie = bpf_get_socket_cookie(ctx);
	o->ktime_ns = bpf_ktime_get_ns();
	id = bpf_get_current_pid_tgid();
	o->tgid = id >> 32;
	o->pid = (__u32)id;
	id = bpf_get_current_uid_gid();
	o->uid = (__u32)id;
	o->gid = id >> 32;
	bpf_get_current_comm(o->comm, sizeof(o->comm));
	count(TG_STAT_REDIRECTED);
	return l;
}

SEC("cgroup/connect4")
int tg_connect4(struct bpf_sock_addr *ctx)
{
	struct tg_listener *l;
	struct tg_ep_val *ep;
	__u8 addr[16];
	int verdict;

	if (own_socket(ctx)) {
		count(TG_STAT_OWN_TRAFFIC);
		return 1;
	}
	map_v4(addr, ctx->user_ip4);
	ep = endpoint_lookup(addr, (__u16)ctx->user_port);
	if (!ep)
		return 1;
	if (ctx->type == SOCK_DGRAM) {
		if (ctx->user_port == bpf_htons(443)) {
			count(TG_STAT_UDP_REFUSED);
			return 0;
		}
		return 1;
	}
	if (ctx->type != SOCK_STREAM)
		return 1;
	l = claim(ctx, addr, AF_INET, ep, &verdict);
	if (!l)
		return verdict;
	if (!l->port4)
		return refuse_unknown_netns ? 0 : 1;
	ctx->user_ip4 = l->addr4;
	ctx->user_port = l->port4;
	return 1;
}

SEC("cgroup/connect6")
int tg_connect6(struct bpf_sock_addr *ctx)
{
	struct tg_listener *l;
	struct tg_ep_val *ep;
	__u32 ip6[4];
	int verdict, mapped;

	if (own_socket(ctx)) {
		count(TG_STAT_OWN_TRAFFIC);
		return 1;
	}
	ip6[0] = ctx->user_ip6[0];
	ip6[1] = ctx->user_ip6[1];
	ip6[2] = ctx->user_ip6[2];
	ip6[3] = ctx->user_ip6[3];
	ep = endpoint_lookup((__u8 *)ip6, (__u16)ctx->user_port);
	if (!ep)
		return 1;
	if (ctx->type == SOCK_DGRAM) {
		if (ctx->user_port == bpf_htons(443)) {
			count(TG_STAT_UDP_REFUSED);
			return 0;
		}
		return 1;
	}
	if (ctx->type != SOCK_STREAM)
		return 1;
	mapped = is_v4_mapped(ip6);
	l = claim(ctx, (__u8 *)ip6, mapped ? AF_INET : AF_INET6, ep, &verdict);
	if (!l)
		return verdict;
	if (mapped) {
		/* A dual-stack socket dialling an IPv4 address: keep it IPv4. */
		if (!l->port4)
			return refuse_unknown_netns ? 0 : 1;
		ctx->user_ip6[0] = 0;
		ctx->user_ip6[1] = 0;
		ctx->user_ip6[2] = bpf_htonl(0xffff);
		ctx->user_ip6[3] = l->addr4;
		ctx->user_port = l->port4;
		return 1;
	}
	if (!l->port6)
		return refuse_unknown_netns ? 0 : 1;
	ctx->user_ip6[0] = l->addr6[0];
	ctx->user_ip6[1] = l->addr6[1];
	ctx->user_ip6[2] = l->addr6[2];
	ctx->user_ip6[3] = l->addr6[3];
	ctx->user_port = l->port6;
	return 1;
}

static __always_inline int refuse_quic(struct bpf_sock_addr *ctx, const __u8 *addr)
{
	if (ctx->type != SOCK_DGRAM || ctx->user_port != bpf_htons(443))
		return 1;
	if (own_socket(ctx))
		return 1;
	if (!endpoint_lookup(addr, (__u16)ctx->user_port))
		return 1;
	count(TG_STAT_UDP_REFUSED);
	return 0;
}

SEC("cgroup/sendmsg4")
int tg_sendmsg4(struct bpf_sock_addr *ctx)
{
	__u8 addr[16];

	map_v4(addr, ctx->user_ip4);
	return refuse_quic(ctx, addr);
}

SEC("cgroup/sendmsg6")
int tg_sendmsg6(struct bpf_sock_addr *ctx)
{
	__u32 ip6[4];

	ip6[0] = ctx->user_ip6[0];
	ip6[1] = ctx->user_ip6[1];
	ip6[2] = ctx->user_ip6[2];
	ip6[3] = ctx->user_ip6[3];
	return refuse_quic(ctx, (__u8 *)ip6);
}

SEC("sockops")
int tg_sockops(struct bpf_sock_ops *skops)
{
	struct tg_pending_key key = {};
	struct bpf_sock *sk;
	struct tg_origin *o;

	if (skops->op != BPF_SOCK_OPS_TCP_CONNECT_CB)
		return 1;
	sk = skops->sk;
	if (!sk)
		return 1;
	o = bpf_sk_storage_get(&origins, sk, 0, 0);
	if (!o)
		return 1;
	key.netns_cookie = o->netns_cookie;
	if (skops->family == AF_INET) {
		map_v4(key.addr, skops->local_ip4);
	} else {
		__u32 ip6[4];

		ip6[0] = skops->local_ip6[0];
		ip6[1] = skops->local_ip6[1];
		ip6[2] = skops->local_ip6[2];
		ip6[3] = skops->local_ip6[3];
		__builtin_memcpy(key.addr, ip6, 16);
	}
	key.port = bpf_htons((__u16)skops->local_port);
	bpf_map_update_elem(&pending, &key, o, BPF_ANY);
	return 1;
}

SEC("cgroup/getpeername4")
int tg_getpeername4(struct bpf_sock_addr *ctx)
{
	struct tg_origin *o = bpf_sk_storage_get(&origins, ctx->sk, 0, 0);
	__u32 ip4;

	if (!o || o->family != AF_INET)
		return 1;
	__builtin_memcpy(&ip4, o->addr + 12, 4);
	ctx->user_ip4 = ip4;
	ctx->user_port = o->port;
	return 1;
}

SEC("cgroup/getpeername6")
int tg_getpeername6(struct bpf_sock_addr *ctx)
{
	struct tg_origin *o = bpf_sk_storage_get(&origins, ctx->sk, 0, 0);
	__u32 ip6[4];

	if (!o)
		return 1;
	__builtin_memcpy(ip6, o->addr, 16);
	ctx->user_ip6[0] = ip6[0];
	ctx->user_ip6[1] = ip6[1];
	ctx->user_ip6[2] = ip6[2];
	ctx->user_ip6[3] = ip6[3];
	ctx->user_port = o->port;
	return 1;
}
