#!/usr/bin/env python3
"""report.py - turn the raw outputs of bench/run.sh into bench/RESULTS.md.

    python3 bench/report.py OUTDIR             markdown on stdout
    python3 bench/report.py --summary OUTDIR   a few headline lines

OUTDIR holds, per scenario S (direct, tollgate, nginx, mitmproxy):
lat.S and stream.S (tgbench lat lines; lat-cpu1.S and stream-cpu1.S the same
with every process on one CPU, lat-poll.S and stream-poll.S with halt polling
on, and haltpoll its setting), wrk.S (wrk output with a WRKRESULT
line and a cpu_ticks line), idle.S (tgbench idle line plus RSS), and machine,
health, tollgate.log.tail.
"""
import os
import re
import sys

SCENARIOS = ["direct", "tollgate", "nginx", "mitmproxy"]
LABEL = {
    "direct": "direct (no proxy)",
    "tollgate": "**tollgate**",
    "nginx": "nginx reverse proxy",
    "mitmproxy": "mitmproxy (mitmdump)",
}
# the sequential tests: as they are, with every process on one CPU, with halt polling on
LAT_KINDS = ("lat", "stream", "lat-cpu1", "stream-cpu1", "lat-poll", "stream-poll")
TARGET_ADDED_P99_US = 500
TARGET_ADDED_TTFB_US = 100
TARGET_VS_NGINX = 0.5
TARGET_VS_MITM = 20


def kv(text):
    out = {}
    for m in re.finditer(r"([A-Za-z0-9_]+)=(\S+)", text):
        v = m.group(2)
        try:
            out[m.group(1)] = float(v)
        except ValueError:
            out[m.group(1)] = v
    return out


def load(outdir, name):
    p = os.path.join(outdir, name)
    if not os.path.exists(p):
        return None
    with open(p) as f:
        return f.read()


def lines_kv(text):
    """key=value per line (values may contain spaces) for machine/health."""
    out = {}
    for line in (text or "").splitlines():
        if "=" in line and not line.startswith(" "):
            k, v = line.split("=", 1)
            if " " not in k:
                out[k] = v
    return out


def us(v):
    if v is None:
        return "n/a"
    if abs(v) >= 10000:
        return f"{v / 1000:.1f} ms"
    if abs(v) >= 1000:
        return f"{v / 1000:.2f} ms"
    return f"{v:.0f} µs"


def sus(v):
    """signed, for added latency"""
    if v is None:
        return "n/a"
    return ("+" if v >= 0 else "−") + us(abs(v))


def pct(sorted_vals, p):
    """nearest-rank percentile, as tgbench computes it"""
    n = len(sorted_vals)
    rank = min(n, max(1, int((p / 100.0) * n + 0.999999)))
    return sorted_vals[rank - 1]


def pooled(raw_text):
    """percentiles (µs) over the raw "total ttfb first_body" ns samples of all rounds"""
    cols = {"total": [], "ttfb": [], "first_body": []}
    for line in raw_text.splitlines():
        f = line.split()
        if len(f) == 3:
            for k, v in zip(("total", "ttfb", "first_body"), f):
                cols[k].append(int(v) / 1000.0)
    out = {}
    for k, v in cols.items():
        if not v:
            return {}
        v.sort()
        out.update({f"{k}_p50_us": pct(v, 50), f"{k}_p90_us": pct(v, 90),
                    f"{k}_p99_us": pct(v, 99), f"{k}_p999_us": pct(v, 99.9),
                    f"{k}_max_us": v[-1], f"{k}_mean_us": sum(v) / len(v)})
    out["n"] = len(cols["total"])
    return out


def parse_wrk(t):
    m = re.search(r"WRKRESULT (.*)", t)
    w = kv(m.group(1)) if m else {}
    for pat in (r"cpu_ticks=.*", r"tg_upstream_new=.*", r"tg_thread_.*"):
        m = re.search(pat, t)
        if m:
            w.update(kv(m.group(0)))
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
    w["non2xx"] = int(m.group(1)) if m else 0
    return w


def merge_wrk(rounds):
    """sum counters over the rounds; latency percentiles are the rounds' mean"""
    w = {"rounds_rps": []}
    sums = ("requests", "duration_us", "bytes", "err_connect", "err_read", "err_write",
            "err_status", "err_timeout", "non2xx", "cpu_ticks", "upstream_cpu_ticks",
            "tg_upstream_new", "tg_upstream_reused")
    for r in rounds:
        if not r.get("requests") or not r.get("duration_us"):
            continue
        w["rounds_rps"].append(r["requests"] / (r["duration_us"] / 1e6))
        for k in sums + tuple(k for k in r if k.startswith("tg_thread_")):
            if k in r:
                w[k] = w.get(k, 0) + r[k]
        for k in ("lat_p50_us", "lat_p90_us", "lat_p99_us"):
            w.setdefault("_" + k, []).append(r[k])
        w["clk_tck"] = r.get("clk_tck", 100)
    if not w["rounds_rps"]:
        return {}
    for k in ("lat_p50_us", "lat_p90_us", "lat_p99_us"):
        v = w.pop("_" + k)
        w[k] = sum(v) / len(v)
    w["rps"] = w["requests"] / (w["duration_us"] / 1e6)
    tick_us = 1e6 / w["clk_tck"]
    if "cpu_ticks" in w:
        w["cpu_us_per_req"] = w["cpu_ticks"] * tick_us / w["requests"]
        w["cpu_cores"] = w["cpu_ticks"] * tick_us / w["duration_us"]
    if "upstream_cpu_ticks" in w:
        w["up_cpu_us_per_req"] = w["upstream_cpu_ticks"] * tick_us / w["requests"]
    for k in [k for k in w if k.startswith("tg_thread_")]:
        w["cpu_us_per_req_" + k[len("tg_thread_"):]] = w[k] * tick_us / w["requests"]
    return w


def collect(outdir):
    d = {kind: {} for kind in LAT_KINDS + ("wrk", "idle")}
    for s in SCENARIOS:
        for kind in LAT_KINDS:
            t = load(outdir, f"{kind}.{s}")  # the last round's summary line
            if t:
                d[kind][s] = kv(t)
                raw = load(outdir, f"{kind}.{s}.raw")
                if raw:
                    d[kind][s].update(pooled(raw))
                ipi = [kv(line) for line in (load(outdir, f"{kind}.{s}.ipi") or "").splitlines()]
                n = sum(x.get("requests", 0) for x in ipi)
                if n:
                    d[kind][s]["ipi_per_req"] = sum(x.get("ipis", 0) for x in ipi) / n
        rounds = []
        for r in range(1, 100):
            t = load(outdir, f"wrk.{s}.{r}")
            if t is None:
                break
            rounds.append(parse_wrk(t))
        if rounds:
            d["wrk"][s] = merge_wrk(rounds)
        t = load(outdir, f"idle.{s}")
        if t:
            i = kv(t)
            for tag in ("", "p_"):
                if i.get(tag + "opened"):
                    i[tag + "per_conn_kib"] = ((i[tag + "rss1_kb"] - i[tag + "rss0_kb"])
                                               / i[tag + "opened"])
            have = [i[k] for k in ("per_conn_kib", "p_per_conn_kib") if k in i]
            if have:
                # the footprint to plan for: the larger of the two
                i["plan_kib"] = max(have)
            d["idle"][s] = i
    d["haltpoll"] = kv(load(outdir, "haltpoll") or "")
    d["machine"] = lines_kv(load(outdir, "machine"))
    d["machine_kv"] = kv(load(outdir, "machine") or "")
    d["health"] = lines_kv(load(outdir, "health"))
    d["tglog"] = load(outdir, "tollgate.log.tail") or ""
    return d


def added(d, kind, scen, key):
    a, b = d[kind].get(scen), d[kind].get("direct")
    if not a or not b or key not in a or key not in b:
        return None
    return a[key] - b[key]


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


NOISY = "noisy"


def verdict(ok):
    if ok is None:
        return "not measured"
    if ok == NOISY:
        return "**inconclusive**: the direct baseline was disturbed (see Background load); rerun"
    return "**met**" if ok else "**MISSED**"


def word(ok):
    """the verdict inside a sentence"""
    if ok == NOISY:
        return "inconclusive in this run (the direct baseline was disturbed)"
    return "met" if ok else "**missed**"


def judged(added_us, target_us, baseline_p99_us):
    """met / missed, or NOISY when the baseline is implausible: a proxy cannot be
    faster than the direct path, and a direct p99 over 1 ms on loopback means the
    machine was busy with something else"""
    if added_us is None:
        return None
    if added_us < 0 or (baseline_p99_us or 0) > 1000:
        return NOISY
    return added_us < target_us


def again_section(d, tag, title, text, w):
    """a section that repeats the latency and stream tables for one more pass"""
    w(f"## {title}")
    w("")
    w(text)
    w("")
    lat_table(d, "lat" + tag, w)
    w("")
    stream_table(d, "stream" + tag, w)
    w("")


def targets(d):
    t = {}
    for tag in ("", "-poll"):
        lat, st = "lat" + tag, "stream" + tag
        a99 = added(d, lat, "tollgate", "total_p99_us")
        t["added_p99" + tag] = (a99, judged(a99, TARGET_ADDED_P99_US,
                                            d[lat].get("direct", {}).get("total_p99_us")))
        a50 = added(d, st, "tollgate", "ttfb_p50_us")
        t["added_ttfb" + tag] = (a50, judged(a50, TARGET_ADDED_TTFB_US,
                                             d[st].get("direct", {}).get("ttfb_p99_us")))
        t["added_ttfb_p99" + tag] = added(d, st, "tollgate", "ttfb_p99_us")
    tg = d["wrk"].get("tollgate", {}).get("rps")
    ng = d["wrk"].get("nginx", {}).get("rps")
    mi = d["wrk"].get("mitmproxy", {}).get("rps")
    r = ratio(tg, ng)
    t["vs_nginx"] = (r, None if r is None else r >= TARGET_VS_NGINX)
    r = ratio(tg, mi)
    t["vs_mitm"] = (r, None if r is None else r >= TARGET_VS_MITM)
    return t


def fmt_ratio(r):
    return "n/a" if r is None else f"{r:.2f}×"


def ipis(x):
    v = x.get("ipi_per_req")
    return "n/a" if v is None else f"{v:.1f}"


def lat_table(d, kind, w):
    w("| scenario | p50 | p90 | p99 | p99.9 | max | mean | added p50 | added p99 | cross-CPU wake-ups / request |")
    w("|---|---|---|---|---|---|---|---|---|---|")
    for s in SCENARIOS:
        x = d[kind].get(s)
        if not x:
            w(f"| {LABEL[s]} | not measured ||||||||| ")
            continue
        w(f"| {LABEL[s]} | {us(x['total_p50_us'])} | {us(x['total_p90_us'])} | "
          f"{us(x['total_p99_us'])} | {us(x['total_p999_us'])} | {us(x['total_max_us'])} | "
          f"{us(x['total_mean_us'])} | "
          f"{'—' if s == 'direct' else sus(added(d, kind, s, 'total_p50_us'))} | "
          f"{'—' if s == 'direct' else sus(added(d, kind, s, 'total_p99_us'))} | {ipis(x)} |")


def stream_table(d, kind, w):
    w("| scenario | TTFB p50 | TTFB p99 | first event p50 | first event p99 | total p50 | "
      "total p99 | added TTFB p50 | added TTFB p99 | added total p99 | cross-CPU wake-ups / request |")
    w("|---|---|---|---|---|---|---|---|---|---|---|")
    for s in SCENARIOS:
        x = d[kind].get(s)
        if not x:
            w(f"| {LABEL[s]} | not measured ||||||||||")
            continue
        dash = s == "direct"
        w(f"| {LABEL[s]} | {us(x['ttfb_p50_us'])} | {us(x['ttfb_p99_us'])} | "
          f"{us(x['first_body_p50_us'])} | {us(x['first_body_p99_us'])} | "
          f"{us(x['total_p50_us'])} | {us(x['total_p99_us'])} | "
          f"{'—' if dash else sus(added(d, kind, s, 'ttfb_p50_us'))} | "
          f"{'—' if dash else sus(added(d, kind, s, 'ttfb_p99_us'))} | "
          f"{'—' if dash else sus(added(d, kind, s, 'total_p99_us'))} | {ipis(x)} |")


def markdown(d):
    m, mk, h = d["machine"], d["machine_kv"], d["health"]
    t = targets(d)
    o = []
    w = o.append
    w("# tollgate benchmarks")
    w("")
    w("Generated by `bench/run.sh` (`make bench`); every number below is from the run "
      "described here, and the whole file is rewritten by each run. Raw numbers are in "
      "the last section.")
    w("")
    w("## Machine and versions")
    w("")
    w(f"- Date: {m.get('date', '?')}")
    w(f"- Machine: {m.get('virt', 'machine')}, {m.get('nproc', '?')} CPUs ({m.get('cpu', '?')}), {m.get('mem', '?')} RAM, "
      f"{m.get('os', '?')}, kernel {m.get('kernel', '?')}")
    w(f"- tollgate {m.get('tollgate', '?')}: tree at commit {m.get('tollgate_commit', '?')} "
      "(`+dirty`: uncommitted changes under userspace/ or bpf/), binary sha256 "
      f"{m.get('tollgate_binary', '?')}; config `workers: 2`, `log_level: warn`, defaults "
      "otherwise (request log on)")
    bb, ba = mk.get("busy_before"), mk.get("busy_after")
    if bb is not None:
        w(f"- Background load: the machine was {bb:.0f}% busy (all CPUs, 2 s sample) before the "
          f"bench started anything, and {ba:.0f}% after it had stopped its servers"
          + (" — **other work was running, so absolute numbers are depressed; compare the "
             "scenarios with each other, which ran under the same conditions**" if max(bb, ba or 0) >= 10
             else " (quiet)"))
    w(f"- nginx {m.get('nginx', '?')} (upstream and reverse proxy, 2 workers each), "
      f"mitmproxy {m.get('mitmproxy', '?')} (Python {m.get('python', '?')}), "
      f"wrk {m.get('wrk', '?')}, OpenSSL {m.get('openssl', '?')}")
    w("")
    w("## Setup")
    w("")
    w("Everything runs on loopback on this one machine, so the client, the proxy and the "
      "upstream share the CPUs. The upstream is nginx answering from memory over TLS "
      "(a certificate for api.openai.com from the test CA), i.e. an upstream far faster "
      "than any real provider, so the proxy's own cost is what shows.")
    w("")
    w("| scenario | client connects to | what happens |")
    w("|---|---|---|")
    w("| direct | 127.0.30.1:443 | client → nginx upstream |")
    w("| tollgate | 127.0.30.1:443, from a governed cgroup | eBPF connect4 redirects to "
      "tollgate; tollgate terminates TLS with its CA, forwards over verified TLS (pooled, "
      "keep-alive) to 127.0.30.1:443 |")
    w("| nginx | 127.0.30.2:443 | nginx TLS reverse proxy → upstream (`proxy_ssl_verify on`, "
      "keepalive pool of 64, `proxy_buffering off`, access log on) — the near-limit reference |")
    w("| mitmproxy | 127.0.30.3:443 | `mitmdump --mode reverse:https://api.openai.com:443` "
      "(a private /etc/hosts maps it to 127.0.30.1), "
      "`ssl_insecure=false`, upstream trust = test CA, `stream_large_bodies=1k` — the peer "
      "reference |")
    w("")
    w(f"Request: `POST /v1/chat/completions` with a {int(mk.get('req_bytes', 0))}-byte JSON body; "
      f"answer: a {int(mk.get('chat_bytes', 0))}-byte chat completion (Content-Length). "
      f"Stream: `POST /v1/stream`, a fixed text/event-stream body of "
      f"{int(mk.get('sse_events', 0))} `data:` events ({int(mk.get('sse_bytes', 0))} bytes) sent "
      "chunked; nginx cannot pace events, so the whole stream is available at once and "
      "TTFB measures proxy overhead, not generation. TLS 1.3 everywhere; every client "
      "verifies the certificate it is shown (tollgate's CA, mitmproxy's CA, or the test CA).")
    w("")

    # ---- targets
    w("## Targets")
    w("")
    w("| target | measured | verdict |")
    w("|---|---|---|")
    polled = bool(d["lat-poll"] or d["stream-poll"])
    for tag, where in (("", " (this machine's idle setting)" if polled else ""),
                       ("-poll", " (halt polling on, section 2b)")):
        if tag and not polled:
            continue
        a, ok = t["added_p99" + tag]
        w(f"| added p99 latency for a small call < {TARGET_ADDED_P99_US} µs{where} | {sus(a)} | {verdict(ok)} |")
        a, ok = t["added_ttfb" + tag]
        w(f"| added TTFB (stream, p50) < {TARGET_ADDED_TTFB_US} µs{where} | {sus(a)} (p99: "
          f"{sus(t['added_ttfb_p99' + tag])}; nginx {sus(added(d, 'stream' + tag, 'nginx', 'ttfb_p50_us'))}) "
          f"| {verdict(ok)} |")
    r, ok = t["vs_nginx"]
    w(f"| throughput ≥ {TARGET_VS_NGINX}× nginx reverse proxy | {fmt_ratio(r)} | {verdict(ok)} |")
    r, ok = t["vs_mitm"]
    w(f"| throughput ≥ {TARGET_VS_MITM}× mitmproxy | {fmt_ratio(r)} | {verdict(ok)} |")
    w("")

    # ---- latency
    w(f"## 1. Small non-streaming calls: latency (one kept-alive connection, sequential)")
    w("")
    rounds = int(mk.get("lat_rounds", 1)) or 1
    w(f"`bench/tgbench.c lat`: {int(mk.get('lat_n', 0))} POSTs per scenario, one after another "
      f"on a kept-alive TLS connection, in {rounds} rounds that take the scenarios in turn "
      f"(each round: a fresh connection, {int(mk.get('lat_warmup', 0)) // rounds} unmeasured "
      f"requests, then {int(mk.get('lat_n', 0)) // rounds} measured; samples pooled). Time "
      "from writing the request to having the whole response. Cross-CPU wake-ups: the "
      "machine's rescheduling and function-call interrupts during the test, per request (one "
      "is sent when a task is woken on a CPU that is not polling: on this VM, a halted vCPU "
      "woken through the hypervisor).")
    w("")
    lat_table(d, "lat", w)
    w("")

    # ---- stream
    w("## 2. Streaming (SSE): TTFB and total time (one kept-alive connection, sequential)")
    w("")
    w(f"{int(mk.get('stream_n', 0))} streamed POSTs per scenario, in the same rounds. TTFB = request written → first response "
      "byte; first event = → first body byte; total = → terminating chunk.")
    w("")
    stream_table(d, "stream", w)
    w("")

    # ---- the same on one CPU
    if d["lat-cpu1"] or d["stream-cpu1"]:
        again_section(
            d, "-cpu1", "2a. Latency and streams again, every process on one CPU",
            "The same tests and rounds, run again after the throughput and idle tests (on "
            "proxies restarted after the idle test) with the client, the proxy (all its threads) "
            "and the upstream all pinned to CPU 0 (`taskset`), for every scenario alike. No "
            "wake-up crosses CPUs, so no process waits for a halted vCPU to wake: what a proxy "
            "adds here is its own work on the path, its CPU and its system calls, with the "
            "client's and the upstream's work queued on the same CPU. It is not a deployment "
            "setting, but it tells the proxy's cost apart from the machine's cost of waking "
            "another CPU, which sections 1 and 2 pay at every hop.", w)

    # ---- the same with halt polling
    if polled:
        hp = d["haltpoll"]
        again_section(
            d, "-poll", "2b. Latency and streams again, with halt polling on",
            "This machine is a KVM guest whose cpuidle driver (haltpoll) halts an idle vCPU at "
            f"once (`guest_halt_poll_ns` = {int(hp.get('haltpoll_was', 0))}), so every wake-up "
            "of a process that was waiting, the client's, the proxy's and the upstream's, goes "
            "through the hypervisor and costs tens of µs; a proxy adds two such wake-ups to "
            "each request. Sections 1 and 2 ran with that setting. The tables below are the "
            "same tests, same rounds, run again at the very end of the bench (after the "
            "throughput and idle tests, on proxies restarted after the idle test) with "
            f"`guest_halt_poll_ns` = {int(hp.get('haltpoll_ns', 0))} (an idle vCPU polls that "
            "long before halting, so a wake-up costs about what it costs on bare metal), for "
            "every scenario alike; the setting was put back afterwards. The difference between "
            "the two is the machine, not the proxies.", w)

    # ---- throughput
    wr = d["wrk"]
    w(f"## 3. Throughput: {int(mk.get('wrk_c', 0))} concurrent kept-alive connections")
    w("")
    w(f"`wrk -t{int(mk.get('wrk_t', 0))} -c{int(mk.get('wrk_c', 0))} -d{int(mk.get('wrk_d', 0))}s "
      "-s bench/wrk-post.lua` (small POST), each after a "
      f"{int(mk.get('wrk_warmup', 0))} s warm-up run, in {int(mk.get('wrk_rounds', 1))} rounds "
      "that take the scenarios in turn; requests/s over all rounds, the rounds one by one, "
      "and wrk's latency percentiles averaged over the rounds. Proxy CPU = user+system CPU time of the "
      "proxy's processes during the run (tollgate: the daemon, all threads; nginx: master + "
      "workers; direct: the upstream nginx itself) per request; upstream CPU = the upstream "
      "nginx's. With only "
      f"{m.get('nproc', '?')} CPUs shared by wrk, the proxy and the upstream, requests/s is "
      "bounded by total CPU per request, so the CPU columns say more about the proxy itself.")
    w("")
    w("| scenario | requests/s | per round | vs nginx proxy | vs mitmproxy | wrk p50 | wrk p99 | "
      "errors | proxy CPU / req | proxy CPU (cores) | upstream CPU / req |")
    w("|---|---|---|---|---|---|---|---|---|---|---|")
    ng = wr.get("nginx", {}).get("rps")
    mi = wr.get("mitmproxy", {}).get("rps")
    for s in SCENARIOS:
        x = wr.get(s)
        if not x or "rps" not in x:
            w(f"| {LABEL[s]} | not measured ||||||||||")
            continue
        errs = int(x.get("err_connect", 0) + x.get("err_read", 0) + x.get("err_write", 0) +
                   x.get("err_timeout", 0) + x.get("non2xx", 0))
        cpu = x.get("cpu_us_per_req")
        per_round = " / ".join(f"{v:,.0f}" for v in x["rounds_rps"])
        w(f"| {LABEL[s]} | {x['rps']:,.0f} | {per_round} | {fmt_ratio(ratio(x['rps'], ng))} | "
          f"{fmt_ratio(ratio(x['rps'], mi))} | {us(x['lat_p50_us'])} | {us(x['lat_p99_us'])} | "
          f"{errs} | {us(cpu) if cpu is not None else 'n/a'} | "
          f"{x.get('cpu_cores', 0):.2f} | {us(x.get('up_cpu_us_per_req'))} |")
    w("")

    # ---- idle memory
    idle = d["idle"]
    w(f"## 4. Memory per idle connection")
    w("")
    w(f"{int(mk.get('idle_n', 0))} TLS connections opened one after another, one request on "
      "each, then all held idle (keep-alive); RSS summed over the proxy's processes, 1.5 s "
      "after the last one opened, minus the RSS just before, divided by the count. Each proxy "
      "is restarted for this (and warmed up with a few requests), twice: **fresh** is the "
      "process as is, where memory that is allocated but never written (calloc'd from new "
      "pages, buffers only partly filled) is not resident, so it is a lower bound; "
      "**all touched** runs it with `GLIBC_TUNABLES=glibc.malloc.perturb`, which writes every "
      "block malloc hands out, so every allocated byte counts — what a long-running daemon "
      "holds once its heap has been recycled (Python's own small-object allocator in "
      "mitmproxy is not affected). Kernel socket buffers are not in RSS and not counted.")
    w("")
    w("| scenario | connections | fresh: RSS before → after | fresh: per connection | "
      "all touched: RSS before → after | all touched: per connection | time to open all |")
    w("|---|---|---|---|---|---|---|")
    for s in ("tollgate", "nginx", "mitmproxy"):
        x = idle.get(s)
        if not x:
            w(f"| {LABEL[s]} | not measured ||||||")
            continue
        conns = int(x.get("opened", x.get("p_opened", 0)))
        conns_s = str(conns)
        if s == "tollgate" and "server_connections" in x:
            conns_s = f"{conns} (tollgate counts {int(x['server_connections'])} live)"

        def cols(tag):
            if tag + "per_conn_kib" not in x:
                return "failed", "failed"
            return (f"{x[tag + 'rss0_kb'] / 1024:.1f} → {x[tag + 'rss1_kb'] / 1024:.1f} MiB",
                    f"**{x[tag + 'per_conn_kib']:.1f} KiB**")
        f1, f2 = cols("")
        p1, p2 = cols("p_")
        w(f"| {LABEL[s]} | {conns_s} | {f1} | {f2} | {p1} | {p2} | {x.get('open_s', 0):.1f} s |")
    w("")

    # ---- analysis
    w("## Analysis")
    w("")
    w(analysis(d, t))
    w("")
    w(f"Caveats: one small {m.get('nproc', '?')}-CPU {m.get('virt', 'machine')}, loopback only, one "
      "invocation (latency pooled over interleaved rounds, throughput over "
      f"{int(mk.get('wrk_rounds', 1))} rounds whose spread the per-round column shows; no "
      "confidence intervals, and p99 of sequential latency moves by tens of µs between runs "
      "on this machine). "
      "The upstream answers instantly and the SSE stream arrives in one burst, so these "
      "numbers isolate proxy overhead; against a real provider (tens to thousands of ms) "
      "the added microseconds are noise. tollgate also writes a request-log line per call "
      "(nginx's access log is on for comparison; mitmdump logs nothing).")
    w("")

    # ---- health and raw
    w("## Run health")
    w("")
    w(f"- tollgate alive at the end: {h.get('tollgate_alive', '?')}; request-log lines: "
      f"{h.get('tollgate_requests_logged', '?')}, of which not `ok`: {h.get('tollgate_non_ok', '?')}")
    if d["tglog"].strip():
        w("- last lines of tollgate's log (warn and above):")
        w("")
        w("```")
        w(d["tglog"].rstrip()[-3000:])
        w("```")
    else:
        w("- tollgate logged no warnings or errors")
    w("")
    w("## Raw numbers")
    w("")
    w("```")
    w(raw_dump(d))
    w("```")
    return "\n".join(o) + "\n"


def analysis(d, t):
    p = []
    lat, st, wr, idle = d["lat"], d["stream"], d["wrk"], d["idle"]
    a99, ok = t["added_p99"]
    if a99 is not None:
        a50 = added(d, "lat", "tollgate", "total_p50_us")
        s = (f"**Small calls.** tollgate adds {sus(a50)} at p50 and {sus(a99)} at p99 to a "
             f"small call (direct: p50 {us(lat['direct']['total_p50_us'])}, p99 "
             f"{us(lat['direct']['total_p99_us'])}). The target (added p99 < "
             f"{TARGET_ADDED_P99_US} µs) is " + word(ok) + ".")
        if "nginx" in lat:
            s += (f" nginx, doing the same TLS-terminate-and-re-encrypt work, adds "
                  f"{sus(added(d, 'lat', 'nginx', 'total_p50_us'))} / "
                  f"{sus(added(d, 'lat', 'nginx', 'total_p99_us'))}")
            if "mitmproxy" in lat:
                s += (f"; mitmproxy {sus(added(d, 'lat', 'mitmproxy', 'total_p50_us'))} / "
                      f"{sus(added(d, 'lat', 'mitmproxy', 'total_p99_us'))}")
            s += "."
        gap = lat["tollgate"]["total_p50_us"] - lat["tollgate"]["ttfb_p50_us"]
        ngap = lat.get("nginx", {}).get("total_p50_us", 0) - lat.get("nginx", {}).get("ttfb_p50_us", 0)
        if gap > 5 and gap > 3 * max(ngap, 1):
            s += (f" Part of it: tollgate's response reaches the client in two pieces — the "
                  f"complete response arrives {us(gap)} (p50) after its first byte, where nginx's "
                  f"arrives within {us(max(ngap, 0))} — i.e. the head is flushed on its own, "
                  "before the body, and whatever tollgate does in between delays the body.")
        p.append(s)
    a, ok = t["added_ttfb"]
    if a is not None:
        s = (f"**Streaming TTFB.** tollgate adds {sus(a)} to the median time to first byte "
             f"and {sus(t['added_ttfb_p99'])} at p99. The target (added TTFB < "
             f"{TARGET_ADDED_TTFB_US} µs, judged at p50) is " + word(ok) + ".")
        ng = added(d, "stream", "nginx", "ttfb_p50_us")
        if ng is not None:
            s += f" nginx adds {sus(ng)}"
            mi = added(d, "stream", "mitmproxy", "ttfb_p50_us")
            if mi is not None:
                s += f", mitmproxy {sus(mi)}"
            s += "."
            ipi = {k: st.get(k, {}).get("ipi_per_req") for k in ("direct", "tollgate", "nginx")}
            if None not in ipi.values():
                s += (f" Cross-CPU wake-ups per streamed request: {ipis(st['direct'])} direct, "
                      f"{ipis(st['tollgate'])} through tollgate, {ipis(st['nginx'])} through nginx.")
            if ok is False and ng >= TARGET_ADDED_TTFB_US:
                s += (" Every request through a TLS-terminating proxy costs two more loopback "
                      "hops, a decrypt and an encrypt each way and two extra process wake-ups; "
                      "on this machine nginx does not get under the target either, so it sits "
                      "at the edge of what the hardware allows.")
        a1 = added(d, "stream-cpu1", "tollgate", "ttfb_p50_us")
        ng1 = added(d, "stream-cpu1", "nginx", "ttfb_p50_us")
        own_path_even = a1 is not None and ng1 is not None and a1 <= ng1 + 10
        if ng is not None and ok is False and ng < TARGET_ADDED_TTFB_US and not own_path_even:
            s += " nginx gets under it on the same machine, so tollgate has room to improve."
        elif ng is not None and ok is False and ng < TARGET_ADDED_TTFB_US:
            s += " nginx gets under it on the same machine."
        if a1 is not None:
            s += (f" With every process on one CPU (section 2a), where no wake-up crosses CPUs, "
                  f"tollgate adds {sus(a1)}")
            if ng1 is not None:
                s += f" and nginx {sus(ng1)}"
            s += ": that is each proxy's own path to the first byte."
            if own_path_even and ok is False:
                s += (" tollgate's path is no slower than nginx's there, so what it misses by "
                      "here is in the wake-ups: which of the two vCPUs the scheduler wakes the "
                      "client, the proxy and the upstream on. A task is woken on the vCPU it last "
                      "ran on when that one is idle, so a placement, once taken, holds for the "
                      "round; one that puts the proxy alone on a vCPU makes every hop of every "
                      "request a cross-CPU wake-up.")
        ap, okp = t["added_ttfb-poll"]
        if ap is not None:
            s += (f" With halt polling on (section 2b), where a wake-up costs what it costs on "
                  f"bare metal, tollgate adds {sus(ap)} (p99 {sus(t['added_ttfb_p99-poll'])})")
            ngp = added(d, "stream-poll", "nginx", "ttfb_p50_us")
            if ngp is not None:
                s += f" and nginx {sus(ngp)}"
            s += "; there the target is " + word(okp) + "."
        p.append(s)
    r, ok = t["vs_nginx"]
    r2, ok2 = t["vs_mitm"]
    if wr.get("tollgate", {}).get("rps"):
        tg = wr.get("tollgate", {})
        s = f"**Throughput.** tollgate served {tg.get('rps', 0):,.0f} requests/s at {int(d['machine_kv'].get('wrk_c', 0))} connections"
        if r is not None:
            s += (f": {fmt_ratio(r)} the nginx reverse proxy's {wr['nginx']['rps']:,.0f} (target ≥ "
                  f"{TARGET_VS_NGINX}×: " + ("met" if ok else "**missed**") + ")")
        if r2 is not None:
            s += (f" and {fmt_ratio(r2)} mitmproxy's {wr['mitmproxy']['rps']:,.0f} (target ≥ "
                  f"{TARGET_VS_MITM}×: " + ("met" if ok2 else "**missed**") + ")")
        s += "."
        cpu = {k: wr.get(k, {}).get("cpu_us_per_req") for k in ("tollgate", "nginx", "mitmproxy")}
        if cpu["tollgate"]:
            s += f" The daemon spent {us(cpu['tollgate'])} of CPU per request"
            parts = [f"{k} {us(cpu[k])}" for k in ("nginx", "mitmproxy") if cpu[k]]
            if parts:
                s += " (" + ", ".join(parts) + ")"
            threads = {k[len("cpu_us_per_req_"):]: v for k, v in tg.items() if k.startswith("cpu_us_per_req_")}
            if threads:
                names = {"tollgate": "the proxy workers (and the control thread)", "tg_ledger": "the spend ledger's writer",
                         "tg_ledger_ckpt": "its checkpoints", "tg_store": "the trace store's writer"}
                order = sorted(threads, key=lambda k: -threads[k])
                s += ("; by thread: " + ", ".join(f"{names.get(k, k)} {us(threads[k])}" for k in order
                                                  if threads[k] >= 0.05))
            s += (". wrk, the proxy and the upstream share the machine's "
                  f"{d['machine'].get('nproc', '?')} CPUs, so requests/s follows the total CPU "
                  "cost per request.")
        up_t = tg.get("up_cpu_us_per_req")
        up_n = wr.get("nginx", {}).get("up_cpu_us_per_req")
        new = tg.get("tg_upstream_new")
        if new is not None and tg.get("requests"):
            frac = new / tg["requests"]
            s += (f" During the measured runs {int(new):,} of {int(tg['requests']):,} calls "
                  f"({frac * 100:.1f}%) needed a new upstream TLS connection (from tollgate's "
                  "request log, `upstream_reused: false`)")
            if frac > 0.01:
                s += (", although after the warm-up the pool should already hold one per "
                      f"concurrent call (≤ {int(d['machine_kv'].get('wrk_c', 0))}): pooled "
                      "connections are being discarded, and each replacement costs a full "
                      "handshake on both sides")
                if up_t and up_n:
                    s += (f" (the upstream nginx spent {us(up_t)} of CPU per request behind "
                          f"tollgate against {us(up_n)} behind the nginx proxy)")
            s += "."
        p.append(s)
    ti = idle.get("tollgate", {})
    if ti.get("plan_kib") is not None:
        s = (f"**Idle connections.** An idle keep-alive client connection costs tollgate "
             f"{ti.get('per_conn_kib', 0):.1f} KiB of RSS in a fresh process and "
             f"{ti.get('p_per_conn_kib', 0):.1f} KiB with every allocation touched")
        extra = [f"{k} {idle[k].get('per_conn_kib', 0):.1f} / {idle[k].get('p_per_conn_kib', 0):.1f} KiB"
                 for k in ("nginx", "mitmproxy") if idle.get(k, {}).get("plan_kib") is not None]
        if extra:
            s += " (" + ", ".join(extra) + ")"
        p.append(s + ". There is no target for this; it is here for sizing. For tollgate the delta also "
                 "holds what the 2000 calls of the test add to bounded caches that are not per connection: "
                 "mostly the trace store's SQLite page cache (up to 32 MiB), which fills faster when the "
                 "store already holds the spans of the earlier tests.")
    return "\n\n".join(p)


def raw_dump(d):
    out = []
    for kind in LAT_KINDS + ("wrk", "idle"):
        for s in SCENARIOS:
            x = d[kind].get(s)
            if x:
                out.append(f"{kind}.{s}: " + " ".join(
                    f"{k}={v:.1f}" if isinstance(v, float) else f"{k}={v}" for k, v in x.items()))
    for k, v in d["machine"].items():
        out.append(f"machine.{k}: {v}")
    for k, v in d["health"].items():
        out.append(f"health.{k}: {v}")
    return "\n".join(out)


def summary(d):
    t = targets(d)
    o = []
    for s in SCENARIOS:
        l, st, w, i = (d["lat"].get(s, {}), d["stream"].get(s, {}), d["wrk"].get(s, {}),
                       d["idle"].get(s, {}))
        o.append(f"{s:10s} lat p50 {us(l.get('total_p50_us')):>9s} p99 {us(l.get('total_p99_us')):>9s} | "
                 f"ttfb p50 {us(st.get('ttfb_p50_us')):>9s} p99 {us(st.get('ttfb_p99_us')):>9s} | "
                 f"{w.get('rps', 0):9,.0f} req/s | idle "
                 + (f"{i.get('per_conn_kib', 0):.1f} / {i.get('p_per_conn_kib', 0):.1f} KiB/conn"
                    if i.get("plan_kib") is not None else "-"))
    o.append(f"targets: added p99 {sus(t['added_p99'][0])} ({verdict(t['added_p99'][1])}), "
             f"added ttfb p50 {sus(t['added_ttfb'][0])} ({verdict(t['added_ttfb'][1])}), "
             f"vs nginx {fmt_ratio(t['vs_nginx'][0])} ({verdict(t['vs_nginx'][1])}), "
             f"vs mitmproxy {fmt_ratio(t['vs_mitm'][0])} ({verdict(t['vs_mitm'][1])})")
    if t["added_ttfb-poll"][0] is not None or t["added_p99-poll"][0] is not None:
        o.append(f"with halt polling: added p99 {sus(t['added_p99-poll'][0])} "
                 f"({verdict(t['added_p99-poll'][1])}), added ttfb p50 {sus(t['added_ttfb-poll'][0])} "
                 f"({verdict(t['added_ttfb-poll'][1])})")
    return "\n".join(o).replace("**", "")


def main():
    args = sys.argv[1:]
    if args and args[0] == "--summary":
        print(summary(collect(args[1])))
        return
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.stdout.write(markdown(collect(args[0])))


if __name__ == "__main__":
    main()
