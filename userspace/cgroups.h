/*
 * cgroups.h - the cgroup v2 hierarchy: where it is mounted, and the path of
 * a cgroup given the id the BPF programs report (the cgroup directory's
 * inode number). Paths are cached.
 */
#ifndef TG_CGROUPS_H
#define TG_CGROUPS_H

#include <limits.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "common.h"

#define TG_CGROUP_CACHE 1024

struct tg_cgroups {
	char mount[PATH_MAX];   /* e.g. /sys/fs/cgroup */
	int mount_fd;
	pthread_mutex_t lock;
	struct { uint64_t id; char path[512]; } cache[TG_CGROUP_CACHE];
	size_t next;            /* round-robin eviction */
};

/* Find the cgroup2 mount in /proc/self/mounts. */
int tg_cgroup2_mount(char *out, size_t size, tg_err *err);
int tg_cgroups_open(struct tg_cgroups *cg, tg_err *err);
void tg_cgroups_close(struct tg_cgroups *cg);
/* Normalize a cgroup path below the mount into out as "/a/b" (or "/"):
 * repeated slashes folded, trailing slash dropped. Returns 0, or the reason
 * it is refused, for the caller's own message. */
enum tg_cgroup_path_error {
	TG_CGPATH_OK = 0,
	TG_CGPATH_RELATIVE,   /* does not start with "/" */
	TG_CGPATH_DOT,        /* has a "." or ".." segment */
	TG_CGPATH_TOO_LONG,
};
enum tg_cgroup_path_error tg_cgroup_path_normalize(const char *s, char *out, size_t size);

/* Path relative to the mount ("/agents/team-a"), or "?<id>" if the cgroup is gone. */
void tg_cgroup_path(struct tg_cgroups *cg, uint64_t id, char *out, size_t size);

#endif
