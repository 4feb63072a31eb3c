/*
 * endpoints.c - static endpoints and the resolver thread.
 */
#include "endpoints.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "daemon.h"
#include "resolver.h"

#define MAX_ENTRIES 8192

struct tg_endpoints {
	struct tg_daemon *d;
	pthread_t thread;
	int running;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	int stop;
	struct tg_endpoint_info v[MAX_ENTRIES];
	size_t n;
};

static struct tg_endpoint_info *find(struct tg_endpoints *e, const uint8_t addr[16], uint8_t prefix,
				     uint16_t port)
{
	for (size_t i = 0; i < e->n; i++)
		if (e->v[i].port == port && e->v[i].prefix == prefix &&
		    memcmp(e->v[i].addr, addr, 16) == 0)
			return &e->v[i];
	return NULL;
}

/* Add or refresh one entry; called with the lock held. */
static void put(struct tg_endpoints *e, const uint8_t addr[16], uint8_t prefix, uint16_t port,
		uint32_t provider, int is_static, int64_t expires, const char *source)
{
	struct tg_endpoint_info *x = find(e, addr, prefix, port);
	tg_err err;

	if (x) {
		if (x->is_static)
			return;
		if (expires > x->expires_wall_ms)
			x->expires_wall_ms = expires;
		if (is_static) {
			x->is_static = 1;
			x->expires_wall_ms = 0;
		}
		return;
	}
	if (e->n == MAX_ENTRIES) {
		tg_warn("endpoint table full (%d entries); not adding more", MAX_ENTRIES);
		return;
	}
	if (tg_bpf_endpoint_put(e->d->bpf, addr, prefix, port, provider,
				is_static ? TG_EP_STATIC : 0, &err)) {
		tg_warn("%s", err.msg);
		return;
	}
	x = &e->v[e->n++];
	memcpy(x->addr, addr, 16);
	x->prefix = prefix;
	x->port = port;
	x->provider = provider;
	x->is_static = is_static;
	x->expires_wall_ms = is_static ? 0 : expires;
	tg_strlcpy(x->source, source, sizeof(x->source));
}

static void expire(struct tg_endpoints *e, int64_t now)
{
	for (size_t i = 0; i < e->n;) {
		struct tg_endpoint_info *x = &e->v[i];

		if (!x->is_static && x->expires_wall_ms <= now) {
			tg_bpf_endpoint_del(e->d->bpf, x->addr, x->prefix, x->port);
			e->v[i] = e->v[--e->n];
		} else {
			i++;
		}
	}
}

static void resolve_all(struct tg_endpoints *e)
{
	const struct tg_registry *reg = &e->d->reg;
	struct tg_resolved res[TG_RESOLVE_MAX];
	uint32_t floor_s = e->d->cfg.resolve_min_ttl_s;

	for (size_t p = 0; p < reg->n && !e->stop; p++) {
		const struct tg_provider *prov = &reg->v[p];

		for (size_t h = 0; h < prov->nhosts && !e->stop; h++) {
			tg_err err;
			int n;

			if (prov->hosts[h][0] == '*')
				continue;
			n = tg_resolve(prov->hosts[h], res, TG_RESOLVE_MAX, &err);
			if (n < 0) {
				tg_debug("resolve %s: %s", prov->hosts[h], err.msg);
				continue;
			}
			pthread_mutex_lock(&e->lock);
			for (int i = 0; i < n; i++) {
				uint32_t keep = res[i].ttl > floor_s ? res[i].ttl : floor_s;

				for (size_t k = 0; k < prov->nports; k++)
					put(e, res[i].addr, 128, prov->ports[k], (uint32_t)p, 0,
					    tg_wall_ms() + (int64_t)keep * 1000, prov->hosts[h]);
			}
			pthread_mutex_unlock(&e->lock);
		}
	}
	pthread_mutex_lock(&e->lock);
	expire(e, tg_wall_ms());
	pthread_mutex_unlock(&e->lock);
}

static void *resolver_main(void *arg)
{
	struct tg_endpoints *e = arg;

	pthread_mutex_lock(&e->lock);
	while (!e->stop) {
		struct timespec until;

		pthread_mutex_unlock(&e->lock);
		resolve_all(e);
		pthread_mutex_lock(&e->lock);
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += e->d->cfg.resolve_interval_s;
		while (!e->stop && pthread_cond_timedwait(&e->wake, &e->lock, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&e->lock);
	return NULL;
}

struct tg_endpoints *tg_endpoints_start(struct tg_daemon *d, tg_err *err)
{
	struct tg_endpoints *e = calloc(1, sizeof(*e));

	if (!e) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	e->d = d;
	pthread_mutex_init(&e->lock, NULL);
	pthread_cond_init(&e->wake, NULL);
	for (size_t p = 0; p < d->reg.n; p++) {
		const struct tg_provider *prov = &d->reg.v[p];

		for (size_t a = 0; a < prov->naddrs; a++)
			for (size_t k = 0; k < prov->nports; k++)
				put(e, prov->addrs[a].addr, prov->addrs[a].prefix, prov->ports[k],
				    (uint32_t)p, 1, 0, "static");
	}
	if (d->cfg.resolve_enabled) {
		if (pthread_create(&e->thread, NULL, resolver_main, e)) {
			tg_errf(err, "start the resolver thread");
			tg_endpoints_stop(e);
			return NULL;
		}
		e->running = 1;
	}
	return e;
}

void tg_endpoints_stop(struct tg_endpoints *e)
{
	if (!e)
		return;
	pthread_mutex_lock(&e->lock);
	e->stop = 1;
	pthread_cond_signal(&e->wake);
	pthread_mutex_unlock(&e->lock);
	if (e->running)
		pthread_join(e->thread, NULL);
	pthread_cond_destroy(&e->wake);
	pthread_mutex_destroy(&e->lock);
	free(e);
}

size_t tg_endpoints_list(struct tg_endpoints *e, struct tg_endpoint_info *out, size_t max)
{
	size_t n;

	pthread_mutex_lock(&e->lock);
	n = e->n < max ? e->n : max;
	memcpy(out, e->v, n * sizeof(*out));
	pthread_mutex_unlock(&e->lock);
	return n;
}

size_t tg_endpoints_count(struct tg_endpoints *e)
{
	size_t n;

	pthread_mutex_lock(&e->lock);
	n = e->n;
	pthread_mutex_unlock(&e->lock);
	return n;
}
