/*
 * daemon.c - `tollgate run`: bring everything up in order, run the control
 * loop (signals, BPF notices, namespace scans, admin API), and take it all
 * down again on SIGTERM/SIGINT.
 *
 * Start order matters: the BPF programs are loaded first (their maps are
 * needed), then workers and listeners, then endpoints, and only then are the
 * programs attached, so no connection is redirected before something
 * listens for it. Stop is the reverse: detach first, so new connections go
 * direct while the workers wind down.
 */
#include "daemon.h"
#include "observe.h"

#include <arpa/inet.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#define NETNS_SCAN_MS 1000

struct control {
	struct tg_daemon *d;
	struct tg_io sig;
	struct tg_io notices;
	struct tg_timer scan;
	uint64_t last_notice_scan_ms;
};

static void on_signal(struct tg_io *io, uint32_t events)
{
	struct control *ctl = io->owner;
	struct signalfd_siginfo si;

	(void)events;
	while (read(io->fd, &si, sizeof(si)) == sizeof(si)) {
		tg_info("received %s; stopping", strsignal((int)si.ssi_signo));
		tg_loop_stop(ctl->d->control);
	}
}

static void on_notice(void *arg, const struct tg_notice *n)
{
	struct control *ctl = arg;
	uint64_t now = tg_now_ms();

	if (n->kind != TG_NOTICE_UNKNOWN_NETNS)
		return;
	tg_debug("connect from pid %u in a namespace without listeners (cookie %llu)", n->tgid,
		 (unsigned long long)n->netns_cookie);
	if (now - ctl->last_notice_scan_ms >= 100) {
		ctl->last_notice_scan_ms = now;
		tg_netns_scan(ctl->d->netns);
	}
}

static void on_notices(struct tg_io *io, uint32_t events)
{
	struct control *ctl = io->owner;

	(void)events;
	tg_bpf_poll_notices(ctl->d->bpf, on_notice, ctl);
}

static void on_scan(struct tg_timer *t)
{
	struct control *ctl = t->owner;

	tg_netns_scan(ctl->d->netns);
	tg_timer_arm(ctl->d->control, &ctl->scan, NETNS_SCAN_MS);
}

static int admin_status(void *ctx, const struct tg_admin_req *req, struct tg_buf *out)
{
	char *json = tg_daemon_status_json(ctx);

	(void)req;
	if (!json)
		return tg_admin_error(out, 500, "out of memory");
	tg_buf_append(out, json, strlen(json));
	free(json);
	return 200;
}

static int prepare_state_dir(const char *dir, tg_err *err)
{
	struct stat st;

	if (mkdir(dir, 0700) && errno != EEXIST)
		return tg_errf(err, "create state_dir %s: %s", dir, strerror(errno));
	if (stat(dir, &st) || !S_ISDIR(st.st_mode))
		return tg_errf(err, "state_dir %s is not a directory", dir);
	if (st.st_uid != geteuid())
		return tg_errf(err, "state_dir %s is owned by uid %u, not by us", dir, st.st_uid);
	if ((st.st_mode & 077) && chmod(dir, 0700))
		return tg_errf(err, "chmod 0700 %s: %s", dir, strerror(errno));
	return 0;
}

static int online_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

static void stop_workers(struct tg_daemon *d)
{
	for (int i = 0; i < d->nworkers; i++)
		tg_worker_stop(&d->workers[i]);
	for (int i = 0; i < d->nworkers; i++)
		tg_worker_join(&d->workers[i]);
}

void tg_daemon_add_stages(struct tg_pipeline *p, struct tg_redact *redact, struct tg_meter *meter,
			  struct tg_trace *trace, struct tg_metrics *metrics, struct tg_reqlog *reqlog)
{
	struct tg_stage stage;

	/*
	 * Pipeline stages, in the order they see a request. Governance stages
	 * (redact, budget and meter, trace) go before the request log, which
	 * records the outcome of everything before it.
	 */
	stage = tg_redact_stage(redact, p->n);
	tg_pipeline_add(p, &stage);
	stage = tg_meter_stage(meter, p->n);
	tg_pipeline_add(p, &stage);
	stage = tg_trace_stage(trace);
	tg_pipeline_add(p, &stage);
	stage = tg_metrics_stage(metrics);
	tg_pipeline_add(p, &stage);
	stage = tg_reqlog_stage(reqlog);
	tg_pipeline_add(p, &stage);
}

static int start(struct tg_daemon *d, tg_err *err)
{
	const char *domains[256];
	size_t ndomains;
	char path[PATH_MAX + 32];
	bool stale = false;

	if (tg_config_load(d->config_path, &d->cfg, err))
		return -1;
	tg_log_set_level(d->cfg.log_level);
	if (tg_registry_load(d->cfg.providers_file, &d->reg, err))
		return -1;
	if (tg_config_apply_overrides(&d->cfg, &d->reg, err))
		return -1;
	if (prepare_state_dir(d->cfg.state_dir, err))
		return -1;
	if (tg_cgroups_open(&d->cgroups, err))
		return -1;
	ndomains = tg_registry_domains(&d->reg, domains, TG_ARRAY_LEN(domains));
	d->ca = tg_ca_open(d->cfg.state_dir, domains, ndomains, &stale, err);
	if (!d->ca)
		return tg_err_prefix(err, "certificate authority");
	if (stale)
		tg_warn("the CA in %s does not cover every provider domain in the registry; "
			"run `tollgate ca rotate` and trust the new CA", d->cfg.state_dir);
	d->tls = tg_tls_new(d->ca, d->cfg.upstream_ca_file, err);
	if (!d->tls)
		return -1;
	d->sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
	if (!d->sha256)
		return tg_errf(err, "OpenSSL has no SHA-256");
	d->reqlog = tg_reqlog_open(d->cfg.request_log, err);
	if (!d->reqlog)
		return -1;
	d->events = tg_events_open(d->cfg.state_dir, err);
	if (!d->events)
		return -1;
	d->audit = tg_audit_open(d->cfg.state_dir, err);
	if (!d->audit)
		return -1;
	d->store = tg_store_open(d->cfg.state_dir, d->cfg.trace_retention_days, err);
	if (!d->store)
		return -1;
	tg_events_set_store(d->events, d->store);
	if (d->cfg.otlp_endpoint[0]) {
		d->otlp = tg_otlp_start(&d->cfg, err);
		if (!d->otlp)
			return -1;
		tg_store_on_commit(d->store, tg_otlp_kick, d->otlp);
	}
	d->trace = tg_trace_new(d->store, d->events, err);
	if (!d->trace)
		return -1;
	d->metrics = tg_metrics_new(d, err);
	if (!d->metrics)
		return -1;
	{
		struct tg_meter_opts mo = {
			.state_dir = d->cfg.state_dir, .prices_file = d->cfg.prices_file,
			.providers_file = d->cfg.providers_file, .budgets_file = d->cfg.budgets_file,
			.reg = &d->reg, .events = d->events, .audit = d->audit,
		};

		d->meter = tg_meter_open(&mo, err);
		if (!d->meter)
			return -1;
	}
	d->redact = tg_redact_open(d->cfg.redaction_policy, d->cfg.redaction, d->events, d->audit, err);
	if (!d->redact)
		return -1;
	tg_daemon_add_stages(&d->pipeline, d->redact, d->meter, d->trace, d->metrics, d->reqlog);

	struct tg_bpf_opts bopts = {
		.own_mark = d->cfg.socket_mark,
		.refuse_unknown_netns = d->cfg.refuse_unknown_netns,
	};
	d->bpf = tg_bpf_open(&bopts, err);
	if (!d->bpf)
		return -1;

	d->nworkers = d->cfg.workers ? d->cfg.workers : online_cpus();
	d->workers = calloc((size_t)d->nworkers, sizeof(*d->workers));
	if (!d->workers)
		return tg_errf(err, "out of memory");
	for (int i = 0; i < d->nworkers; i++) {
		d->workers[i].id = i;
		d->workers[i].d = d;
		if (tg_worker_start(&d->workers[i]))
			return tg_errf(err, "start worker %d", i);
	}
	d->netns = tg_netns_new(d, err);
	if (!d->netns)
		return -1;
	d->endpoints = tg_endpoints_start(d, err);
	if (!d->endpoints)
		return -1;
	snprintf(path, sizeof(path), "%s/admin.sock", d->cfg.state_dir);
	d->admin = tg_admin_start(d, d->control, path, err);
	if (!d->admin)
		return -1;
	tg_admin_route(d->admin, "GET", "/v1/status", admin_status, d);
	if (tg_redact_routes(d->redact, d->admin))
		return tg_errf(err, "admin API: too many routes");
	tg_meter_start(d->meter, d->admin, d->control);
	if (tg_observe_routes(d))
		return tg_errf(err, "admin API: too many routes");
	if (d->cfg.metrics_listen[0] && tg_metrics_listen(d->metrics, d->cfg.metrics_listen, err))
		return -1;
	snprintf(path, sizeof(path), "%s%s", d->cgroups.mount,
		 strcmp(d->cfg.cgroup, "/") == 0 ? "" : d->cfg.cgroup);
	if (tg_bpf_attach(d->bpf, path, err))
		return -1;
	tg_netns_scan(d->netns);
	tg_info("tollgate running: %d workers, listening on %s:%u%s%s, governing cgroup %s, "
		"%zu endpoints, state in %s",
		d->nworkers, d->cfg.listen_host, d->cfg.listen_port,
		d->cfg.listen6_host[0] ? " and " : "", d->cfg.listen6_host[0] ? d->cfg.listen6_host : "",
		path, tg_endpoints_count(d->endpoints), d->cfg.state_dir);
	return 0;
}

static void stop(struct tg_daemon *d)
{
	if (d->bpf)
		tg_bpf_detach(d->bpf);
	tg_admin_stop(d->admin);
	tg_metrics_stop(d->metrics);
	tg_endpoints_stop(d->endpoints);
	if (d->workers) {
		stop_workers(d);
		free(d->workers);
	}
	tg_meter_close(d->meter);
	tg_redact_close(d->redact);
	/* the workers are gone: flush spans, give the exporter a last chance */
	if (d->events)
		tg_events_set_store(d->events, NULL);
	tg_trace_free(d->trace);
	tg_store_close(d->store);
	tg_otlp_stop(d->otlp);
	tg_metrics_free(d->metrics);
	tg_netns_free(d->netns);
	tg_bpf_close(d->bpf);
	tg_reqlog_close(d->reqlog);
	tg_events_close(d->events);
	tg_audit_close(d->audit);
	tg_tls_free(d->tls);
	EVP_MD_free(d->sha256);
	tg_ca_free(d->ca);
	tg_cgroups_close(&d->cgroups);
	tg_registry_free(&d->reg);
}

int tg_daemon_main(const char *config_path)
{
	struct tg_daemon *d = calloc(1, sizeof(*d));
	struct control ctl = {0};
	sigset_t mask;
	tg_err err = {{0}};
	int rc = 1;

	if (!d) {
		tg_error("out of memory");
		return 1;
	}
	if (geteuid() != 0)
		tg_warn("not running as root: loading BPF programs will most likely fail");
	tg_strlcpy(d->config_path, config_path, sizeof(d->config_path));
	tg_config_defaults(&d->cfg);
	d->started_wall_ms = tg_wall_ms();
	sigemptyset(&mask);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGPIPE);
	/* Block before any thread exists, so every thread inherits the mask. */
	pthread_sigmask(SIG_BLOCK, &mask, NULL);
	d->control = tg_loop_new();
	ctl.d = d;
	ctl.sig.fd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
	ctl.sig.fn = on_signal;
	ctl.sig.owner = &ctl;
	if (!d->control || ctl.sig.fd < 0 || tg_loop_add(d->control, &ctl.sig, EPOLLIN, 1)) {
		tg_error("set up the control loop: %s", strerror(errno));
		goto out;
	}
	if (start(d, &err)) {
		tg_error("%s", err.msg);
		goto out;
	}
	ctl.notices.fd = tg_bpf_notices_fd(d->bpf);
	ctl.notices.fn = on_notices;
	ctl.notices.owner = &ctl;
	tg_loop_add(d->control, &ctl.notices, EPOLLIN, 1);
	ctl.scan.fn = on_scan;
	ctl.scan.owner = &ctl;
	tg_timer_arm(d->control, &ctl.scan, NETNS_SCAN_MS);
	tg_loop_run(d->control);
	rc = 0;
out:
	stop(d);
	if (ctl.sig.fd > 0)
		close(ctl.sig.fd);
	tg_loop_free(d->control);
	free(d);
	if (rc == 0)
		tg_info("tollgate stopped; programs detached, connections go direct");
	return rc;
}

/* ---- status ------------------------------------------------------------- */

static void add_addr(cJSON *o, const char *key, const uint8_t addr[16], unsigned prefix)
{
	char s[INET6_ADDRSTRLEN + 8];
	static const uint8_t v4mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

	if (memcmp(addr, v4mapped, 12) == 0 && prefix >= 96) {
		inet_ntop(AF_INET, addr + 12, s, sizeof(s));
		if (prefix != 128)
			snprintf(s + strlen(s), sizeof(s) - strlen(s), "/%u", prefix - 96);
	} else {
		inet_ntop(AF_INET6, addr, s, sizeof(s));
		if (prefix != 128)
			snprintf(s + strlen(s), sizeof(s) - strlen(s), "/%u", prefix);
	}
	cJSON_AddStringToObject(o, key, s);
}

char *tg_daemon_status_json(struct tg_daemon *d)
{
	static const char *stat_names[TG_STAT_MAX] = {"redirected", "udp_refused", "no_listener",
						      "own_traffic", "storage_fail"};
	cJSON *o = cJSON_CreateObject(), *a, *x;
	struct tg_bpf_status bs;
	struct tg_endpoint_info *eps;
	struct tg_netns_info ns[256];
	unsigned long minted, cached;
	unsigned live = 0;
	size_t n;
	char *json;

	if (!o)
		return NULL;
	cJSON_AddBoolToObject(o, "running", 1);
	cJSON_AddNumberToObject(o, "pid", getpid());
	cJSON_AddNumberToObject(o, "uptime_s", (double)(tg_wall_ms() - d->started_wall_ms) / 1000.0);
	cJSON_AddStringToObject(o, "config", d->config_path);
	cJSON_AddStringToObject(o, "cgroup", d->cfg.cgroup);
	cJSON_AddStringToObject(o, "cgroup2_mount", d->cgroups.mount);
	cJSON_AddStringToObject(o, "state_dir", d->cfg.state_dir);
	x = cJSON_AddObjectToObject(o, "listen");
	cJSON_AddStringToObject(x, "ipv4", d->cfg.listen_host);
	cJSON_AddNumberToObject(x, "port", d->cfg.listen_port);
	cJSON_AddStringToObject(x, "ipv6", d->cfg.listen6_host);
	if (tg_bpf_status(d->bpf, &bs) == 0) {
		a = cJSON_AddArrayToObject(o, "programs");
		for (unsigned i = 0; i < bs.nprogs; i++) {
			x = cJSON_CreateObject();
			cJSON_AddStringToObject(x, "attach", bs.progs[i].attach);
			cJSON_AddStringToObject(x, "name", bs.progs[i].name);
			cJSON_AddNumberToObject(x, "prog_id", bs.progs[i].id);
			cJSON_AddItemToArray(a, x);
		}
		x = cJSON_AddObjectToObject(o, "maps");
		cJSON_AddNumberToObject(x, "endpoints", bs.endpoints);
		cJSON_AddNumberToObject(x, "listeners", bs.listeners);
		cJSON_AddNumberToObject(x, "pending", bs.pending);
		x = cJSON_AddObjectToObject(o, "counters");
		for (int i = 0; i < TG_STAT_MAX; i++)
			cJSON_AddNumberToObject(x, stat_names[i], (double)bs.stats[i]);
	}
	eps = calloc(8192, sizeof(*eps));
	if (eps) {
		n = tg_endpoints_list(d->endpoints, eps, 8192);
		a = cJSON_AddArrayToObject(o, "endpoints");
		for (size_t i = 0; i < n; i++) {
			x = cJSON_CreateObject();
			add_addr(x, "address", eps[i].addr, eps[i].prefix);
			cJSON_AddNumberToObject(x, "port", eps[i].port);
			cJSON_AddStringToObject(x, "provider", eps[i].provider < d->reg.n
								      ? d->reg.v[eps[i].provider].name : "?");
			cJSON_AddStringToObject(x, "source", eps[i].source);
			if (eps[i].is_static)
				cJSON_AddNullToObject(x, "expires_in_s");
			else
				cJSON_AddNumberToObject(x, "expires_in_s",
							(double)(eps[i].expires_wall_ms - tg_wall_ms()) / 1000.0);
			cJSON_AddItemToArray(a, x);
		}
		free(eps);
	}
	n = tg_netns_list(d->netns, ns, TG_ARRAY_LEN(ns));
	a = cJSON_AddArrayToObject(o, "namespaces");
	for (size_t i = 0; i < n; i++) {
		x = cJSON_CreateObject();
		cJSON_AddStringToObject(x, "name", ns[i].label);
		cJSON_AddNumberToObject(x, "inode", (double)ns[i].inode);
		cJSON_AddNumberToObject(x, "cookie", (double)ns[i].cookie);
		cJSON_AddNumberToObject(x, "port4", ns[i].port4);
		cJSON_AddNumberToObject(x, "port6", ns[i].port6);
		cJSON_AddItemToArray(a, x);
	}
	a = cJSON_AddArrayToObject(o, "workers");
	for (int i = 0; i < d->nworkers; i++) {
		struct tg_worker *w = &d->workers[i];

		x = cJSON_CreateObject();
		cJSON_AddNumberToObject(x, "id", i);
		cJSON_AddNumberToObject(x, "connections", atomic_load(&w->live));
		cJSON_AddNumberToObject(x, "pooled_upstreams", atomic_load(&w->pooled));
		cJSON_AddNumberToObject(x, "accepted", (double)atomic_load(&w->accepted));
		cJSON_AddNumberToObject(x, "requests", (double)atomic_load(&w->requests));
		cJSON_AddNumberToObject(x, "unmatched_reset", (double)atomic_load(&w->unmatched));
		cJSON_AddItemToArray(a, x);
		live += atomic_load(&w->live);
	}
	cJSON_AddNumberToObject(o, "connections", live);
	tg_ca_counts(d->ca, &minted, &cached);
	x = cJSON_AddObjectToObject(o, "ca");
	cJSON_AddStringToObject(x, "pem", tg_ca_pem_path(d->ca));
	cJSON_AddNumberToObject(x, "leaves_minted", (double)minted);
	cJSON_AddNumberToObject(x, "leaves_cached", (double)cached);
	json = cJSON_Print(o);
	cJSON_Delete(o);
	return json;
}
