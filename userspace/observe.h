/*
 * observe.h - the admin API routes of the observability modules:
 *   GET /v1/traces?cgroup=P&since=D&limit=N    spans (store.h)
 *   GET /v1/traces/ID                          one trace or span with its events
 *   GET /v1/events?type=T[,T]&since=D&trace=ID&cgroup=P&limit=N
 *   GET /v1/metrics/summary                    totals by cgroup and key (`tollgate top`)
 *   PUT /v1/log_level {"level": "debug"}       change the log level (audited)
 */
#ifndef TG_OBSERVE_H
#define TG_OBSERVE_H

struct tg_daemon;

/* Register the routes on d->admin. */
int tg_observe_routes(struct tg_daemon *d);

#endif
