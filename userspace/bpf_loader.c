/*
 * bpf_loader.c - open the tollgate skeleton, attach its programs to the
 * governed cgroup with BPF links, and wrap the map operations.
 */
#include "bpf_loader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "tollgate.skel.h"

struct tg_bpf {
	struct tollgate_bpf *skel;
	int cgroup_fd;
	struct bpf_link *links[8];
	const char *link_names[8];
	size_t nlinks;
	struct ring_buffer *rb;
	tg_bpf_notice_fn notice_fn;
	void *notice_ctx;
};

static int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	char line[1024];
	size_t n;

	if (level == LIBBPF_DEBUG)
		return 0;
	vsnprintf(line, sizeof(line), fmt, ap);
	n = strlen(line);
	while (n && line[n - 1] == '\n')
		line[--n] = 0;
	tg_log(level == LIBBPF_WARN ? TG_LOG_WARN : TG_LOG_INFO, "libbpf: %s", line);
	return 0;
}

static int on_notice(void *ctx, void *data, size_t size)
{
	struct tg_bpf *b = ctx;

	if (size >= sizeof(struct tg_notice) && b->notice_fn)
		b->notice_fn(b->notice_ctx, data);
	return 0;
}

static int attach(struct tg_bpf *b, struct bpf_program *prog, const char *what, tg_err *err)
{
	struct bpf_link *link = bpf_program__attach_cgroup(prog, b->cgroup_fd);

	if (!link)
		return tg_errf(err, "attach %s to the governed cgroup: %s", what, strerror(errno));
	b->links[b->nlinks] = link;
	b->link_names[b->nlinks] = what;
	b->nlinks++;
	return 0;
}

struct tg_bpf *tg_bpf_open(const struct tg_bpf_opts *opts, tg_err *err)
{
	struct tg_bpf *b = calloc(1, sizeof(*b));
	int rc;

	if (!b) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	b->cgroup_fd = -1;
	libbpf_set_print(libbpf_print);
	b->skel = tollgate_bpf__open();
	if (!b->skel) {
		tg_errf(err, "open BPF skeleton: %s", strerror(errno));
		goto fail;
	}
	b->skel->rodata->own_mark = opts->own_mark;
	b->skel->rodata->refuse_unknown_netns = opts->refuse_unknown_netns ? 1 : 0;
	rc = tollgate_bpf__load(b->skel);
	if (rc) {
		tg_errf(err, "load BPF programs: %s (is the kernel built with BTF and cgroup BPF?)",
			strerror(-rc));
		goto fail;
	}
	b->rb = ring_buffer__new(bpf_map__fd(b->skel->maps.notices), on_notice, b, NULL);
	if (!b->rb) {
		tg_errf(err, "open notice ring buffer: %s", strerror(errno));
		goto fail;
	}
	return b;
fail:
	tg_bpf_close(b);
	return NULL;
}

int tg_bpf_attach(struct tg_bpf *b, const char *cgroup_path, tg_err *err)
{
	b->cgroup_fd = open(cgroup_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (b->cgroup_fd < 0)
		return tg_errf(err, "open cgroup %s: %s", cgroup_path, strerror(errno));
	/* sockops first, so that no redirected socket misses its re-keying. */
	if (attach(b, b->skel->progs.tg_sockops, "sockops", err) ||
	    attach(b, b->skel->progs.tg_getpeername4, "getpeername4", err) ||
	    attach(b, b->skel->progs.tg_getpeername6, "getpeername6", err) ||
	    attach(b, b->skel->progs.tg_sendmsg4, "sendmsg4", err) ||
	    attach(b, b->skel->progs.tg_sendmsg6, "sendmsg6", err) ||
	    attach(b, b->skel->progs.tg_connect4, "connect4", err) ||
	    attach(b, b->skel->progs.tg_connect6, "connect6", err)) {
		tg_bpf_detach(b);
		return -1;
	}
	return 0;
}

void tg_bpf_detach(struct tg_bpf *b)
{
	/* connect hooks were attached last: detach them first */
	while (b->nlinks > 0)
		bpf_link__destroy(b->links[--b->nlinks]);
}

void tg_bpf_close(struct tg_bpf *b)
{
	if (!b)
		return;
	tg_bpf_detach(b);
	ring_buffer__free(b->rb);
	if (b->cgroup_fd >= 0)
		close(b->cgroup_fd);
	tollgate_bpf__destroy(b->skel);
	free(b);
}

static void ep_key(struct tg_ep_key *k, const uint8_t addr[16], uint8_t prefix, uint16_t port)
{
	memset(k, 0, sizeof(*k));
	k->prefixlen = TG_EP_PREFIX_BASE + prefix;
	k->port = htons(port);
	memcpy(k->addr, addr, 16);
}

int tg_bpf_endpoint_put(struct tg_bpf *b, const uint8_t addr[16], uint8_t prefix,
			uint16_t port, uint32_t provider, uint32_t flags, tg_err *err)
{
	struct tg_ep_key k;
	struct tg_ep_val v = {.provider = provider, .flags = flags};

	ep_key(&k, addr, prefix, port);
	if (bpf_map_update_elem(bpf_map__fd(b->skel->maps.endpoints), &k, &v, BPF_ANY))
		return tg_errf(err, "endpoint map update: %s", strerror(errno));
	return 0;
}

int tg_bpf_endpoint_del(struct tg_bpf *b, const uint8_t addr[16], uint8_t prefix, uint16_t port)
{
	struct tg_ep_key k;

	ep_key(&k, addr, prefix, port);
	return bpf_map_delete_elem(bpf_map__fd(b->skel->maps.endpoints), &k) ? -1 : 0;
}

int tg_bpf_listener_put(struct tg_bpf *b, uint64_t netns_cookie, uint32_t addr4_be, uint16_t port4,
			const uint8_t addr6[16], uint16_t port6, tg_err *err)
{
	struct tg_listener l = {0};

	l.addr4 = addr4_be;
	l.port4 = htons(port4);
	l.port6 = htons(port6);
	if (addr6)
		memcpy(l.addr6, addr6, 16);
	if (bpf_map_update_elem(bpf_map__fd(b->skel->maps.listeners), &netns_cookie, &l, BPF_ANY))
		return tg_errf(err, "listener map update: %s", strerror(errno));
	return 0;
}

int tg_bpf_listener_del(struct tg_bpf *b, uint64_t netns_cookie)
{
	return bpf_map_delete_elem(bpf_map__fd(b->skel->maps.listeners), &netns_cookie) ? -1 : 0;
}

int tg_bpf_take_origin(struct tg_bpf *b, uint64_t netns_cookie, const uint8_t peer[16],
		       uint16_t peer_port_be, struct tg_origin *out)
{
	struct tg_pending_key k;

	memset(&k, 0, sizeof(k));
	k.netns_cookie = netns_cookie;
	memcpy(k.addr, peer, 16);
	k.port = peer_port_be;
	return bpf_map_lookup_and_delete_elem(bpf_map__fd(b->skel->maps.pending), &k, out) ? -1 : 0;
}

int tg_bpf_notices_fd(struct tg_bpf *b)
{
	return ring_buffer__epoll_fd(b->rb);
}

int tg_bpf_poll_notices(struct tg_bpf *b, tg_bpf_notice_fn fn, void *ctx)
{
	b->notice_fn = fn;
	b->notice_ctx = ctx;
	return ring_buffer__consume(b->rb);
}

static unsigned count_keys(int fd, size_t key_size)
{
	unsigned char key[64], next[64];
	unsigned n = 0;
	void *prev = NULL;

	if (key_size > sizeof(key))
		return 0;
	while (bpf_map_get_next_key(fd, prev, next) == 0 && n < 1000000) {
		memcpy(key, next, key_size);
		prev = key;
		n++;
	}
	return n;
}

int tg_bpf_status(struct tg_bpf *b, struct tg_bpf_status *st)
{
	int ncpu = libbpf_num_possible_cpus();
	uint64_t *vals;

	memset(st, 0, sizeof(*st));
	if (ncpu <= 0)
		return -1;
	vals = calloc((size_t)ncpu, sizeof(*vals));
	if (!vals)
		return -1;
	for (uint32_t i = 0; i < TG_STAT_MAX; i++) {
		if (bpf_map_lookup_elem(bpf_map__fd(b->skel->maps.stats), &i, vals) == 0)
			for (int c = 0; c < ncpu; c++)
				st->stats[i] += vals[c];
	}
	free(vals);
	st->endpoints = count_keys(bpf_map__fd(b->skel->maps.endpoints), sizeof(struct tg_ep_key));
	st->listeners = count_keys(bpf_map__fd(b->skel->maps.listeners), sizeof(uint64_t));
	st->pending = count_keys(bpf_map__fd(b->skel->maps.pending), sizeof(struct tg_pending_key));
	for (size_t i = 0; i < b->nlinks && i < TG_ARRAY_LEN(st->progs); i++) {
		struct bpf_link_info info;
		uint32_t len = sizeof(info);

		memset(&info, 0, sizeof(info));
		tg_strlcpy(st->progs[i].attach, b->link_names[i], sizeof(st->progs[i].attach));
		if (bpf_obj_get_info_by_fd(bpf_link__fd(b->links[i]), &info, &len) == 0)
			st->progs[i].id = info.prog_id;
		snprintf(st->progs[i].name, sizeof(st->progs[i].name), "tg_%s", b->link_names[i]);
		st->nprogs++;
	}
	return 0;
}

int tg_bpf_endpoints_walk(struct tg_bpf *b, tg_bpf_ep_fn fn, void *ctx)
{
	int fd = bpf_map__fd(b->skel->maps.endpoints);
	struct tg_ep_key key, next;
	struct tg_ep_val val;
	void *prev = NULL;
	unsigned n = 0;

	while (bpf_map_get_next_key(fd, prev, &next) == 0 && n++ < 1000000) {
		key = next;
		prev = &key;
		if (bpf_map_lookup_elem(fd, &key, &val) == 0)
			fn(ctx, &key, &val);
	}
	return 0;
}
