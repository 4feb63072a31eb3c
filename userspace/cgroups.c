/*
 * cgroups.c - find the cgroup2 mount; map cgroup ids to paths with
 * open_by_handle_at(), as bpftool does.
 */
#include "cgroups.h"

#include <errno.h>
#include <fcntl.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FILEID_KERNFS 0xfe

int tg_cgroup2_mount(char *out, size_t size, tg_err *err)
{
	FILE *f = setmntent("/proc/self/mounts", "r");
	struct mntent *m;
	int found = -1;

	if (!f)
		return tg_errf(err, "read /proc/self/mounts: %s", strerror(errno));
	while ((m = getmntent(f))) {
		if (strcmp(m->mnt_type, "cgroup2") == 0) {
			found = tg_strlcpy(out, m->mnt_dir, size);
			break;
		}
	}
	endmntent(f);
	if (found)
		return tg_errf(err, "no cgroup2 file system is mounted (see /proc/self/mounts)");
	return 0;
}

int tg_cgroups_open(struct tg_cgroups *cg, tg_err *err)
{
	memset(cg, 0, sizeof(*cg));
	cg->mount_fd = -1;
	if (tg_cgroup2_mount(cg->mount, sizeof(cg->mount), err))
		return -1;
	cg->mount_fd = open(cg->mount, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (cg->mount_fd < 0)
		return tg_errf(err, "open %s: %s", cg->mount, strerror(errno));
	pthread_mutex_init(&cg->lock, NULL);
	return 0;
}

void tg_cgroups_close(struct tg_cgroups *cg)
{
	if (cg->mount_fd >= 0) {
		close(cg->mount_fd);
		pthread_mutex_destroy(&cg->lock);
	}
	cg->mount_fd = -1;
}

static int lookup(struct tg_cgroups *cg, uint64_t id, char *out, size_t size)
{
	struct {
		struct file_handle fh;
		uint64_t id;
	} h;
	char link[64], path[PATH_MAX];
	size_t mlen = strlen(cg->mount);
	ssize_t n;
	int fd;

	h.fh.handle_bytes = sizeof(uint64_t);
	h.fh.handle_type = FILEID_KERNFS;
	memcpy(h.fh.f_handle, &id, sizeof(id));
	fd = open_by_handle_at(cg->mount_fd, &h.fh, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, path, sizeof(path) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	path[n] = 0;
	if (strncmp(path, cg->mount, mlen) != 0)
		return -1;
	tg_strlcpy(out, path[mlen] ? path + mlen : "/", size);
	return 0;
}

enum tg_cgroup_path_error tg_cgroup_path_normalize(const char *s, char *out, size_t size)
{
	size_t w = 0;
	const char *p = s;

	if (s[0] != '/')
		return TG_CGPATH_RELATIVE;
	while (*p) {
		const char *start;
		size_t n;

		while (*p == '/')
			p++;
		if (!*p)
			break;
		start = p;
		while (*p && *p != '/')
			p++;
		n = (size_t)(p - start);
		if ((n == 1 && start[0] == '.') || (n == 2 && start[0] == '.' && start[1] == '.'))
			return TG_CGPATH_DOT;
		if (w + 1 + n >= size)
			return TG_CGPATH_TOO_LONG;
		out[w++] = '/';
		memcpy(out + w, start, n);
		w += n;
	}
	if (w == 0)
		out[w++] = '/';
	out[w] = 0;
	return TG_CGPATH_OK;
}

void tg_cgroup_path(struct tg_cgroups *cg, uint64_t id, char *out, size_t size)
{
	pthread_mutex_lock(&cg->lock);
	for (size_t i = 0; i < TG_CGROUP_CACHE; i++) {
		if (cg->cache[i].id == id && cg->cache[i].path[0]) {
			tg_strlcpy(out, cg->cache[i].path, size);
			pthread_mutex_unlock(&cg->lock);
			return;
		}
	}
	pthread_mutex_unlock(&cg->lock);
	if (lookup(cg, id, out, size)) {
		snprintf(out, size, "?%llu", (unsigned long long)id);
		return;
	}
	pthread_mutex_lock(&cg->lock);
	cg->cache[cg->next].id = id;
	tg_strlcpy(cg->cache[cg->next].path, out, sizeof(cg->cache[cg->next].path));
	cg->next = (cg->next + 1) % TG_CGROUP_CACHE;
	pthread_mutex_unlock(&cg->lock);
}
