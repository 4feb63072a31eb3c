/*
 * netns.c - discover network namespaces of governed processes and keep a
 * listener set in each.
 */
#include "netns.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "daemon.h"

#ifndef SO_NETNS_COOKIE
#define SO_NETNS_COOKIE 71
#endif

#define MAX_NETNS 1024
#define MISSED_SCANS_BEFORE_GC 3
#define MAX_SCAN_DEPTH 32

struct entry {
	uint64_t inode;
	uint64_t cookie;
	int host;
	int seen;          /* found by the current scan */
	int missed;        /* consecutive scans without it */
	uint16_t port4, port6;
	char label[64];
};

struct tg_netns_set {
	struct tg_daemon *d;
	int host_fd;       /* our own namespace, to return to after setns */
	uint64_t host_inode;
	struct entry v[MAX_NETNS];
	size_t n;
};

static int open_listener(int family, const char *host, uint16_t port, tg_err *err)
{
	int fd = socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	int one = 1;
	int rc;

	if (fd < 0)
		return tg_errf(err, "socket: %s", strerror(errno));
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one));
	if (family == AF_INET) {
		struct sockaddr_in sin = {.sin_family = AF_INET, .sin_port = htons(port)};

		setsockopt(fd, IPPROTO_IP, IP_FREEBIND, &one, sizeof(one));
		inet_pton(AF_INET, host, &sin.sin_addr);
		rc = bind(fd, (struct sockaddr *)&sin, sizeof(sin));
	} else {
		struct sockaddr_in6 sin6 = {.sin6_family = AF_INET6, .sin6_port = htons(port)};

		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
		setsockopt(fd, IPPROTO_IPV6, IPV6_FREEBIND, &one, sizeof(one));
		inet_pton(AF_INET6, host, &sin6.sin6_addr);
		rc = bind(fd, (struct sockaddr *)&sin6, sizeof(sin6));
	}
	if (rc || listen(fd, 4096)) {
		tg_errf(err, "listen on %s%s%s:%u: %s", family == AF_INET6 ? "[" : "", host,
			family == AF_INET6 ? "]" : "", port, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

static uint64_t netns_cookie(int fd)
{
	uint64_t cookie = 0;
	socklen_t len = sizeof(cookie);

	if (getsockopt(fd, SOL_SOCKET, SO_NETNS_COOKIE, &cookie, &len))
		return 0;
	return cookie;
}

/*
 * Open one listener per worker and family in the current namespace, hand
 * them to the workers and publish them in the BPF map.
 */
static int open_listeners(struct tg_netns_set *s, struct entry *e, const char *host4,
			  const char *host6, tg_err *err)
{
	struct tg_daemon *d = s->d;
	uint16_t port = d->cfg.listen_port;
	uint16_t port6 = d->cfg.listen6_port ? d->cfg.listen6_port : port;
	int fds[2 * 256];
	int nfds = 0;
	uint8_t addr6[16] = {0};
	struct in_addr a4;

	for (int i = 0; i < d->nworkers; i++) {
		int fd = open_listener(AF_INET, host4, port, err);

		if (fd < 0)
			goto fail;
		fds[nfds++] = fd;
	}
	e->port4 = port;
	e->port6 = 0;
	if (host6 && host6[0]) {
		tg_err err6;
		int ok = 1;

		for (int i = 0; i < d->nworkers && ok; i++) {
			int fd = open_listener(AF_INET6, host6, port6, &err6);

			if (fd < 0) {
				tg_warn("no IPv6 listener in namespace %s: %s", e->label, err6.msg);
				ok = 0;
				while (nfds > d->nworkers)
					close(fds[--nfds]);
			} else {
				fds[nfds++] = fd;
			}
		}
		if (ok) {
			e->port6 = port6;
			inet_pton(AF_INET6, host6, addr6);
		}
	}
	e->cookie = netns_cookie(fds[0]);
	if (!e->cookie) {
		tg_errf(err, "read the namespace cookie (SO_NETNS_COOKIE needs Linux 5.14+)");
		goto fail;
	}
	inet_pton(AF_INET, host4, &a4);
	if (tg_bpf_listener_put(d->bpf, e->cookie, a4.s_addr, e->port4, addr6, e->port6, err))
		goto fail;
	for (int i = 0; i < nfds; i++)
		tg_worker_add_listener(&d->workers[i % d->nworkers], fds[i], e->cookie);
	return 0;
fail:
	while (nfds > 0)
		close(fds[--nfds]);
	return -1;
}

static uint64_t inode_of(const char *path)
{
	struct stat st;

	if (stat(path, &st))
		return 0;
	return (uint64_t)st.st_ino;
}

static struct entry *find(struct tg_netns_set *s, uint64_t inode)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].inode == inode)
			return &s->v[i];
	return NULL;
}

/* Enter the namespace at ns_path, open listeners there, come back. */
static void adopt(struct tg_netns_set *s, const char *ns_path, uint64_t inode, const char *label)
{
	struct entry *e;
	tg_err err;
	int fd, rc;

	if (s->n == MAX_NETNS) {
		tg_warn("more than %d network namespaces; not adopting %s", MAX_NETNS, label);
		return;
	}
	fd = open(ns_path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return; /* the process is gone already */
	e = &s->v[s->n];
	memset(e, 0, sizeof(*e));
	e->inode = inode;
	e->seen = 1;
	tg_strlcpy(e->label, label, sizeof(e->label));
	if (setns(fd, CLONE_NEWNET)) {
		tg_warn("enter network namespace of %s: %s", label, strerror(errno));
		close(fd);
		return;
	}
	close(fd);
	rc = open_listeners(s, e, "127.0.0.1", "::1", &err);
	if (setns(s->host_fd, CLONE_NEWNET)) {
		/* Cannot happen unless the kernel is broken; nothing sensible is left. */
		tg_error("return to the daemon's network namespace: %s", strerror(errno));
		abort();
	}
	if (rc) {
		tg_warn("network namespace of %s: %s", label, err.msg);
		return;
	}
	s->n++;
	tg_info("listening in network namespace %s (inode %llu, cookie %llu)", label,
		(unsigned long long)inode, (unsigned long long)e->cookie);
}

static void consider(struct tg_netns_set *s, const char *ns_path, const char *label)
{
	uint64_t inode = inode_of(ns_path);
	struct entry *e;

	if (!inode)
		return;
	e = find(s, inode);
	if (e) {
		e->seen = 1;
		return;
	}
	adopt(s, ns_path, inode, label);
}

static void scan_procs(struct tg_netns_set *s, const char *dir, int depth)
{
	char path[PATH_MAX];
	FILE *f;
	DIR *dh;
	struct dirent *de;
	int pid;

	snprintf(path, sizeof(path), "%s/cgroup.procs", dir);
	f = fopen(path, "re");
	if (f) {
		while (fscanf(f, "%d", &pid) == 1) {
			char ns[64], label[32];

			snprintf(ns, sizeof(ns), "/proc/%d/ns/net", pid);
			snprintf(label, sizeof(label), "pid %d", pid);
			consider(s, ns, label);
		}
		fclose(f);
	}
	if (depth >= MAX_SCAN_DEPTH)
		return;
	dh = opendir(dir);
	if (!dh)
		return;
	while ((de = readdir(dh))) {
		if (de->d_type != DT_DIR || de->d_name[0] == '.')
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", dir, de->d_name) >= (int)sizeof(path))
			continue;
		scan_procs(s, path, depth + 1);
	}
	closedir(dh);
}

static void scan_named(struct tg_netns_set *s)
{
	DIR *dh = opendir("/run/netns");
	struct dirent *de;

	if (!dh)
		return;
	while ((de = readdir(dh))) {
		char path[PATH_MAX], label[64];

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/run/netns/%s", de->d_name);
		snprintf(label, sizeof(label), "%.63s", de->d_name);
		consider(s, path, label);
	}
	closedir(dh);
}

static void retire(struct tg_netns_set *s, size_t i)
{
	struct entry *e = &s->v[i];

	tg_info("network namespace %s is gone; closing its listeners", e->label);
	tg_bpf_listener_del(s->d->bpf, e->cookie);
	for (int w = 0; w < s->d->nworkers; w++)
		tg_worker_remove_listeners(&s->d->workers[w], e->cookie);
	s->v[i] = s->v[--s->n];
}

void tg_netns_scan(struct tg_netns_set *s)
{
	char root[2 * PATH_MAX];

	for (size_t i = 0; i < s->n; i++)
		s->v[i].seen = s->v[i].host;
	snprintf(root, sizeof(root), "%s%s", s->d->cgroups.mount,
		 strcmp(s->d->cfg.cgroup, "/") == 0 ? "" : s->d->cfg.cgroup);
	scan_procs(s, root, 0);
	scan_named(s);
	for (size_t i = 0; i < s->n;) {
		if (s->v[i].seen) {
			s->v[i].missed = 0;
			i++;
		} else if (++s->v[i].missed >= MISSED_SCANS_BEFORE_GC) {
			retire(s, i);
		} else {
			i++;
		}
	}
}

struct tg_netns_set *tg_netns_new(struct tg_daemon *d, tg_err *err)
{
	struct tg_netns_set *s = calloc(1, sizeof(*s));
	struct entry *e;

	if (!s) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	s->d = d;
	s->host_fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	s->host_inode = inode_of("/proc/self/ns/net");
	if (s->host_fd < 0 || !s->host_inode) {
		tg_errf(err, "open /proc/self/ns/net: %s", strerror(errno));
		goto fail;
	}
	e = &s->v[0];
	e->inode = s->host_inode;
	e->host = 1;
	e->seen = 1;
	tg_strlcpy(e->label, "host", sizeof(e->label));
	if (open_listeners(s, e, d->cfg.listen_host, d->cfg.listen6_host, err))
		goto fail;
	s->n = 1;
	return s;
fail:
	if (s->host_fd >= 0)
		close(s->host_fd);
	free(s);
	return NULL;
}

void tg_netns_free(struct tg_netns_set *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		tg_bpf_listener_del(s->d->bpf, s->v[i].cookie);
	close(s->host_fd);
	free(s);
}

size_t tg_netns_list(struct tg_netns_set *s, struct tg_netns_info *out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < s->n && n < max; i++, n++) {
		out[n].cookie = s->v[i].cookie;
		out[n].inode = s->v[i].inode;
		out[n].host = s->v[i].host;
		out[n].port4 = s->v[i].port4;
		out[n].port6 = s->v[i].port6;
		tg_strlcpy(out[n].label, s->v[i].label, sizeof(out[n].label));
	}
	return n;
}
