/*
 * netns.h - proxy listeners in every network namespace that governed
 * processes live in.
 *
 * The connect hooks rewrite a governed connection to the loopback listener
 * of the caller's own namespace (a rewrite to 127.0.0.1 inside a container
 * lands on the container's loopback). So the daemon finds the namespaces
 * of governed processes (and named ones in /run/netns), opens listeners
 * inside each (setns on the control thread, one SO_REUSEPORT socket per
 * worker and family), and publishes them in the BPF listener map keyed by
 * the namespace cookie. Namespaces that disappear are cleaned up.
 */
#ifndef TG_NETNS_H
#define TG_NETNS_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"

struct tg_daemon;
struct tg_netns_set;

struct tg_netns_set *tg_netns_new(struct tg_daemon *d, tg_err *err);
/* Look for new and vanished namespaces. */
void tg_netns_scan(struct tg_netns_set *s);
void tg_netns_free(struct tg_netns_set *s);

struct tg_netns_info {
	uint64_t cookie;
	uint64_t inode;
	int host;
	uint16_t port4, port6;
	char label[64]; /* "host", a /run/netns name, or "pid <n>" */
};
size_t tg_netns_list(struct tg_netns_set *s, struct tg_netns_info *out, size_t max);

#endif
