#!/usr/bin/env bash
# bench/run.sh - tollgate side by side with a direct connection, nginx and
# mitmproxy, in one run, on loopback; writes bench/RESULTS.md.
#
#   make bench            (as root; builds build/tollgate first)
#   bench/run.sh          the same, when build/tollgate is already built
#
# The upstream is nginx with canned OpenAI-shaped answers over TLS (a
# certificate for api.openai.com from the test CA, tests/integration/testca.sh):
#   POST /v1/chat/completions  a small JSON chat completion (Content-Length)
#   POST /v1/stream            a fixed text/event-stream body of 20 chunk
#                              events + [DONE], sent chunked (nginx cannot
#                              pace events: the stream arrives at once)
#
# Four ways to reach it, measured one after another:
#   direct    client -> nginx upstream            127.0.30.1:443
#   tollgate  client in a governed cgroup dials   127.0.30.1:443, eBPF
#             redirects it to tollgate, which terminates TLS with its own CA
#             and forwards over verified TLS to 127.0.30.1:443
#   nginx     client -> nginx TLS reverse proxy   127.0.30.2:443
#             (proxy_ssl_verify on, upstream keepalive pool, no buffering)
#   mitmproxy client -> mitmdump --mode reverse   127.0.30.3:443
#             (ssl_insecure=false, upstream trust = the test CA)
#
# Tests (each client verifies the certificate it is shown for api.openai.com):
#   latency  bench/tgbench.c: LAT_N sequential POSTs on a keep-alive
#            connection (LAT_ROUNDS rounds, LAT_WARMUP unmeasured in all); p50/p99
#   stream   the same for the SSE path (STREAM_N): TTFB, first body byte, total
#   rps      wrk -t WRK_T -c WRK_C -d WRK_D with bench/wrk-post.lua (after a
#            WRK_WARMUP s warm-up run), WRK_ROUNDS times, plus the proxy's CPU
#            time per request
#   idle     IDLE_N TLS connections, one request each, then held idle: the
#            proxy's RSS delta / connections
#
# The latency and stream tests run again with every process on one CPU
# (ONE_CPU=1, on a machine with more than one), where no wake-up crosses
# CPUs: each proxy's own path without the cost of waking another CPU. On a
# KVM guest with the cpuidle-haltpoll driver, they run once more with halt
# polling on (HALTPOLL_NS, see below). The report shows all three.
#
# Knobs (environment): LAT_N LAT_WARMUP LAT_ROUNDS STREAM_N WRK_C WRK_T WRK_D WRK_WARMUP
# WRK_ROUNDS IDLE_N ONE_CPU (0: no one-CPU pass) HALTPOLL_NS (0: no halt-polling pass) TOLLGATE_BIN TG_EXTRA_CONFIG (JSON members added to tollgate's config, for
# A/B runs: '"redaction": false') RESULTS (output file) BENCH_KEEP_TMP=1 (keep the temp dir),
# QUIET_WAIT_S (wait up to this long for a busy machine to settle first, 60),
# and for a partial run (written to /tmp/tollgate-bench-partial.md unless
# RESULTS says otherwise) BENCH_SCENARIOS="direct tollgate" (any of direct
# tollgate nginx mitmproxy) and BENCH_TESTS="lat stream" (any of lat stream rps
# idle), e.g. to reproduce one number quickly:
#   BENCH_SCENARIOS="direct tollgate" BENCH_TESTS=rps bench/run.sh
# Everything the script starts (nginx x2, mitmdump, tollgate, clients), its
# cgroup and temp dir are removed by one EXIT trap; the system nginx service and
# its configuration are never touched. The whole run takes about 3-4 minutes.
set -uo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
TOLLGATE_BIN=${TOLLGATE_BIN:-$REPO/build/tollgate}
BENCH_SCENARIOS=${BENCH_SCENARIOS:-direct tollgate nginx mitmproxy}
BENCH_TESTS=${BENCH_TESTS:-lat stream rps idle}
if [[ "$BENCH_SCENARIOS" == "direct tollgate nginx mitmproxy" && "$BENCH_TESTS" == "lat stream rps idle" ]]; then
	RESULTS=${RESULTS:-$BENCH_DIR/RESULTS.md}
else # a partial run never overwrites the full results
	RESULTS=${RESULTS:-/tmp/tollgate-bench-partial.md}
fi
LAT_N=${LAT_N:-2000}
LAT_WARMUP=${LAT_WARMUP:-200}
LAT_ROUNDS=${LAT_ROUNDS:-8}
STREAM_N=${STREAM_N:-1000}
WRK_C=${WRK_C:-64}
WRK_T=${WRK_T:-2}
WRK_D=${WRK_D:-10}
WRK_WARMUP=${WRK_WARMUP:-2}
WRK_ROUNDS=${WRK_ROUNDS:-2}
IDLE_N=${IDLE_N:-2000}
ONE_CPU=${ONE_CPU:-1}
DEADLINE_S=${DEADLINE_S:-540} # hard stop for the whole run

UP_IP=127.0.30.1   # nginx upstream (and what the tollgate client dials)
NGX_IP=127.0.30.2  # nginx reverse proxy
MITM_IP=127.0.30.3 # mitmdump reverse proxy
HOST=api.openai.com
read -ra SCENARIOS <<<"$BENCH_SCENARIOS"
want() { [[ " $BENCH_TESTS " == *" $1 "* ]]; }

REQ_BODY='{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello in one short sentence."}],"max_tokens":16}'
STREAM_BODY='{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Say hello in one short sentence."}]}'

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
die() {
	log "ERROR: $*"
	exit 1
}

[[ $(id -u) -eq 0 ]] || die "run as root (eBPF, cgroups, port 443)"
[[ -x "$TOLLGATE_BIN" ]] || die "$TOLLGATE_BIN not built: run make first"

# ------------------------------------------------------------------ cleanup

CLEANUPS=()
on_cleanup() { # on_cleanup CMD...: run at exit, newest first
	local q
	printf -v q '%q ' "$@"
	CLEANUPS+=("$q")
}
cleanup() {
	local rc=$? i
	trap '' INT TERM
	for ((i = ${#CLEANUPS[@]} - 1; i >= 0; i--)); do
		eval "${CLEANUPS[i]}" >/dev/null 2>&1 </dev/null || true
	done
	CLEANUPS=()
	return "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

gone() { # not running, or a zombie
	local st
	[[ -e /proc/$1 ]] || return 0
	st=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 0
	[[ "$st" == Z || -z "$st" ]]
}
wait_until() { # wait_until SECONDS CMD...: poll every 50 ms
	local deadline=$((${EPOCHREALTIME/./} + ${1%.*} * 1000000))
	shift
	until "$@"; do
		((${EPOCHREALTIME/./} < deadline)) || return 1
		sleep 0.05
	done
}
kill_pid() { # kill_pid PID [SECONDS]: TERM, bounded wait, KILL, reap
	local pid=$1 secs=${2:-5}
	[[ -n "$pid" ]] || return 0
	kill -TERM "$pid" 2>/dev/null
	wait_until "$secs" gone "$pid" || { kill -KILL "$pid" 2>/dev/null; wait_until 2 gone "$pid"; }
	wait "$pid" 2>/dev/null
	return 0
}

TMP=$(mktemp -d /tmp/tollgate-bench.$$.XXXXXX)
chmod 0755 "$TMP"
rm_tmp() { [[ -n "${BENCH_KEEP_TMP:-}" ]] && echo "kept $TMP" >&2 || rm -rf -- "$TMP"; }
on_cleanup rm_tmp
mkdir -p "$TMP/out"
# Run a private copy, so that a rebuild during the run cannot mix two binaries.
cp "$TOLLGATE_BIN" "$TMP/tollgate" || die "cannot copy $TOLLGATE_BIN"
TOLLGATE_BUILT=$(date -u -r "$TOLLGATE_BIN" '+%Y-%m-%d %H:%M:%S UTC')
TOLLGATE_BIN=$TMP/tollgate

# A watchdog, so that nothing can make the run hang for ever (every client
# also runs under its own timeout, so the TERM is acted on within ~2 minutes).
(
	sleep "$DEADLINE_S" &
	sp=$!
	trap 'kill $sp 2>/dev/null; exit 0' TERM
	if wait "$sp"; then
		echo "[bench] deadline of ${DEADLINE_S}s reached: stopping" >&2
		kill -TERM $$
	fi
) &
on_cleanup kill_pid $! 2

ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)"

# busy_pct: how busy the machine is (all CPUs, %) over 2 s; a benchmark on a
# machine that is already busy says so in its results.
busy_pct() {
	local a b
	read -ra a </proc/stat
	sleep 2
	read -ra b </proc/stat
	awk -v a="${a[*]}" -v b="${b[*]}" 'BEGIN {
		n = split(a, x, " "); split(b, y, " ")
		for (i = 2; i <= n; i++) { t += y[i] - x[i]; if (i == 5 || i == 6) idle += y[i] - x[i] }
		printf "%.0f", t ? 100 * (t - idle) / t : 0 }'
}
# Wait (up to QUIET_WAIT_S) for the machine to be quiet before starting.
BUSY_BEFORE=$(busy_pct)
quiet_deadline=$((SECONDS + ${QUIET_WAIT_S:-60}))
while ((BUSY_BEFORE >= 15 && SECONDS < quiet_deadline)); do
	echo "[bench] the machine is ${BUSY_BEFORE}% busy with other work; waiting for it to settle" >&2
	sleep 3
	BUSY_BEFORE=$(busy_pct)
done

# ------------------------------------------------------------------ dependencies

if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null || ! command -v mitmdump >/dev/null; then
	log "installing nginx, wrk, mitmproxy"
	TOLLGATE_BENCH=1 "$REPO/scripts/install-deps.sh" || die "install-deps failed"
fi
for c in nginx wrk mitmdump openssl cc python3 unshare ss; do
	command -v "$c" >/dev/null || die "missing $c"
done
for ip in $UP_IP $NGX_IP $MITM_IP; do
	if ss -Hltn src "$ip" | grep -q .; then die "something already listens on $ip"; fi
done

# ------------------------------------------------------------------ PKI, client

log "test PKI and the load client"
bash "$REPO/tests/integration/testca.sh" "$TMP/ca" || die "testca.sh failed"
TEST_CA="$TMP/ca/ca.pem"
cc -O2 -Wall -o "$TMP/tgbench" "$BENCH_DIR/tgbench.c" -lssl -lcrypto || die "building tgbench failed"
TGBENCH="$TMP/tgbench"

for scen in direct tollgate nginx mitmproxy; do
	case $scen in
	direct | tollgate) ip=$UP_IP ;; nginx) ip=$NGX_IP ;; mitmproxy) ip=$MITM_IP ;;
	esac
	printf '127.0.0.1 localhost\n::1 localhost\n%s %s\n' "$ip" "$HOST" >"$TMP/hosts.$scen"
	chmod 0644 "$TMP/hosts.$scen"
done

# ------------------------------------------------------------------ canned upstream answers

CHAT_JSON='{"id":"chatcmpl-bench000000000000000000001","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I help you today?","refusal":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":14,"completion_tokens":9,"total_tokens":23},"system_fingerprint":"fp_bench0001"}'
sse_body() {
	local words=(Hello "!" " How" " can" " I" " help" " you" " today" "?" " I" " am" " a" " canned"
		" stream" " from" " the" " bench" " upstream" "." "")
	local i=0 w
	for w in "${words[@]}"; do
		if ((i == 19)); then
			printf 'data: {"id":"chatcmpl-bench1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_bench0001","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}\n\n'
		else
			printf 'data: {"id":"chatcmpl-bench1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_bench0001","choices":[{"index":0,"delta":{"content":"%s"},"logprobs":null,"finish_reason":null}]}\n\n' "$w"
		fi
		i=$((i + 1))
	done
	printf 'data: [DONE]\n\n'
}
SSE=$(sse_body)
SSE_EVENTS=$(grep -c '^data: ' <<<"$SSE")

# ------------------------------------------------------------------ nginx (upstream, reverse proxy)

NGX_WORKERS=2
nginx_conf() { # nginx_conf DIR SERVER-BLOCKS...
	local dir=$1
	mkdir -p "$dir/tmp"
	cat >"$dir/nginx.conf" <<-EOF
		# generated by tollgate bench/run.sh; private instance, not the system nginx
		daemon off;
		master_process on;
		worker_processes $NGX_WORKERS;
		worker_rlimit_nofile 20000;
		pid $dir/nginx.pid;
		error_log $dir/error.log warn;
		events { worker_connections 16384; }
		http {
		    default_type application/octet-stream;
		    access_log off;
		    client_body_temp_path $dir/tmp/body;
		    proxy_temp_path $dir/tmp/proxy;
		    fastcgi_temp_path $dir/tmp/fastcgi;
		    uwsgi_temp_path $dir/tmp/uwsgi;
		    scgi_temp_path $dir/tmp/scgi;
		    keepalive_requests 1000000;
		    keepalive_timeout 300s;
		    ssl_protocols TLSv1.2 TLSv1.3;
		    ssl_certificate $TMP/ca/server.pem;
		    ssl_certificate_key $TMP/ca/server.key;
		    ssl_session_cache shared:bench:10m;
		    $2
		}
	EOF
}

start_nginx() { # start_nginx NAME DIR: sets NGINX_PID
	local name=$1 dir=$2
	nginx -t -q -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf" || die "nginx $name config: $(cat "$dir/error.log")"
	env ${PERTURB_ENV:+"$PERTURB_ENV"} \
		nginx -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf" >"$dir/stdout.log" 2>&1 </dev/null &
	NGINX_PID=$!
}
# The servers' pids live in these variables (a restart changes them); the
# cleanup stops whatever they hold at exit.
UP_PID="" NGX_PID="" MITM_PID="" TG_PID="" PERTURB_ENV=""
stop_var() { kill_pid "${!1}" "${2:-5}"; }
on_cleanup stop_var UP_PID
on_cleanup stop_var NGX_PID
on_cleanup stop_var MITM_PID

listening() { ss -Hltn src "$1" sport = ":$2" | grep -q .; }

log "starting nginx upstream on $UP_IP:443"
nginx_conf "$TMP/nginx-up" "
    server {
        listen $UP_IP:443 ssl reuseport;
        server_name $HOST;
        location = /v1/chat/completions {
            default_type application/json;
            return 200 '$CHAT_JSON';
        }
        location = /v1/stream {
            # a file (too long for a config string); the static module
            # answers POST with 405, which error_page turns into a GET of it
            alias $TMP/nginx-up/www/stream.sse;
            error_page 405 =200 /v1/stream;
            default_type text/event-stream;
            add_header Cache-Control no-cache always;
            # sub_filter drops Content-Length, so the stream goes out chunked
            # like a real provider's SSE; the pattern never matches
            sub_filter_types text/event-stream;
            sub_filter '@@bench-never-matches@@' '';
        }
        location / { return 404; }
    }"
mkdir -p "$TMP/nginx-up/www"
printf '%s' "$SSE" >"$TMP/nginx-up/www/stream.sse"
chmod -R a+rX "$TMP/nginx-up/www"
start_nginx upstream "$TMP/nginx-up"
UP_PID=$NGINX_PID

log "starting nginx reverse proxy on $NGX_IP:443"
nginx_conf "$TMP/nginx-proxy" "
    upstream openai_upstream {
        server $UP_IP:443;
        keepalive 64;
        keepalive_requests 1000000;
        keepalive_timeout 300s;
    }
    server {
        listen $NGX_IP:443 ssl reuseport;
        server_name $HOST;
        access_log $TMP/nginx-proxy/access.log;
        location / {
            proxy_pass https://openai_upstream;
            proxy_http_version 1.1;
            proxy_set_header Connection \"\";
            proxy_set_header Host \$host;
            proxy_ssl_verify on;
            proxy_ssl_trusted_certificate $TEST_CA;
            proxy_ssl_name $HOST;
            proxy_ssl_server_name on;
            proxy_ssl_session_reuse on;
            proxy_ssl_protocols TLSv1.2 TLSv1.3;
            proxy_buffering off;
        }
    }"
start_nginx proxy "$TMP/nginx-proxy"
NGX_PID=$NGINX_PID

# ------------------------------------------------------------------ mitmproxy

mkdir -p "$TMP/mitm"
MITM_CA="$TMP/mitm/mitmproxy-ca-cert.pem"
# Reverse mode verifies the upstream against the host in the mode spec (an IP
# there fails verification), so it names api.openai.com and resolves it
# through a private /etc/hosts that maps it to the upstream.
start_mitm() {
	env ${PERTURB_ENV:+"$PERTURB_ENV"} \
		unshare -m --propagation private sh -c 'mount --bind "$1" /etc/hosts && shift && exec "$@"' \
		with-hosts "$TMP/hosts.direct" \
		mitmdump --mode "reverse:https://$HOST:443" --listen-host "$MITM_IP" --listen-port 443 \
		--set confdir="$TMP/mitm" --set ssl_insecure=false \
		--set ssl_verify_upstream_trusted_ca="$TEST_CA" --set keep_host_header=true \
		--set stream_large_bodies=1k --set termlog_verbosity=warn --set flow_detail=0 \
		>>"$TMP/mitm/mitmdump.log" 2>&1 </dev/null &
	MITM_PID=$!
}
log "starting mitmdump (reverse mode) on $MITM_IP:443"
start_mitm

# ------------------------------------------------------------------ tollgate

CG_MOUNT=$(awk '$3 == "cgroup2" { print $2; exit }' /proc/self/mounts)
[[ -n "$CG_MOUNT" ]] || die "no cgroup2 mount"
CG_ROOT="$CG_MOUNT/tollgate-bench.$$"
CG="$CG_ROOT/agent"
rm_cgroup() {
	local d pid
	for d in "$CG" "$CG_ROOT"; do
		[[ -d "$d" ]] || continue
		if [[ -e "$d/cgroup.kill" ]]; then
			echo 1 >"$d/cgroup.kill"
		else
			while read -r pid; do kill -KILL "$pid"; done <"$d/cgroup.procs"
		fi
		wait_until 3 eval "[[ -z \$(cat $d/cgroup.procs) ]]"
		rmdir "$d"
	done
}
mkdir -p "$CG" || die "cannot make cgroup $CG"
on_cleanup rm_cgroup

TG_PORT=15443
while ss -Hltn sport = ":$TG_PORT" | grep -q .; do TG_PORT=$((TG_PORT + 1)); done
TG_STATE="$TMP/tollgate-state"
TG_CONFIG="$TMP/tollgate.json"
cat >"$TG_CONFIG" <<-EOF
	{
	  "listen": "127.0.0.1:$TG_PORT",
	  "listen6": "",
	  "cgroup": "/$(basename "$CG_ROOT")",
	  "state_dir": "$TG_STATE",
	  "providers_file": "$REPO/policies/providers.json",
	  "upstream_ca_file": "$TEST_CA",
	  "resolve": {"enabled": false},
	  "workers": 2,
	  "addresses": {"openai": ["$UP_IP"]},
	  "log_level": "warn"${TG_EXTRA_CONFIG:+,
	  $TG_EXTRA_CONFIG}
	}
EOF
on_cleanup stop_var TG_PID 10
tg_up() { gone "$TG_PID" || "$TOLLGATE_BIN" --config "$TG_CONFIG" status >/dev/null 2>&1; }
start_tollgate() {
	env ${PERTURB_ENV:+"$PERTURB_ENV"} "$TOLLGATE_BIN" run --config "$TG_CONFIG" >>"$TMP/tollgate.log" 2>&1 </dev/null &
	TG_PID=$!
	wait_until 20 tg_up && ! gone "$TG_PID" || die "tollgate did not start: $(tail -5 "$TMP/tollgate.log")"
}
log "starting tollgate (workers 2, governing $(basename "$CG_ROOT"))"
start_tollgate
TG_CA="$TG_STATE/ca.pem"

wait_until 10 listening "$UP_IP" 443 || die "nginx upstream did not start: $(cat "$TMP/nginx-up/error.log")"
wait_until 10 listening "$NGX_IP" 443 || die "nginx proxy did not start: $(cat "$TMP/nginx-proxy/error.log")"
wait_until 30 eval "listening $MITM_IP 443 && [[ -s $MITM_CA ]]" ||
	die "mitmdump did not start: $(tail -5 "$TMP/mitm/mitmdump.log")"

# restart_proxy SCEN: stop and start the scenario's proxy (a fresh process)
restart_proxy() {
	case $1 in
	tollgate)
		kill_pid "$TG_PID" 10
		start_tollgate
		;;
	nginx)
		kill_pid "$NGX_PID" 5
		wait_until 5 eval "! listening $NGX_IP 443"
		start_nginx proxy "$TMP/nginx-proxy"
		NGX_PID=$NGINX_PID
		wait_until 10 listening "$NGX_IP" 443 || die "nginx proxy did not restart"
		;;
	mitmproxy)
		kill_pid "$MITM_PID" 5
		wait_until 5 eval "! listening $MITM_IP 443"
		start_mitm
		wait_until 30 listening "$MITM_IP" 443 || die "mitmdump did not restart"
		;;
	esac
}

# ------------------------------------------------------------------ helpers per scenario

scen_addr() {
	case $1 in direct | tollgate) echo "$UP_IP:443" ;; nginx) echo "$NGX_IP:443" ;; mitmproxy) echo "$MITM_IP:443" ;; esac
}
scen_ca() {
	case $1 in direct | nginx) echo "$TEST_CA" ;; tollgate) echo "$TG_CA" ;; mitmproxy) echo "$MITM_CA" ;; esac
}
# prefix SCEN [hosts]: set the array PFX to the exec chain that runs a command
# as that scenario's client: for tollgate inside the governed cgroup (sh writes
# its own pid into cgroup.procs, then execs); with "hosts", in a private mount
# namespace whose /etc/hosts names the scenario's address for api.openai.com
# (wrk takes the name from the URL: SNI and Host must be api.openai.com).
# Every step execs, so "${PFX[@]}" CMD & gives CMD's own pid in $!.
prefix() {
	PFX=()
	if [[ -n ${PIN_CPU:-} ]]; then # the one-CPU pass: the client too
		PFX+=(taskset -c "$PIN_CPU")
	fi
	if [[ $1 == tollgate ]]; then
		PFX+=(sh -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' as-client "$CG")
	fi
	if [[ ${2:-} == hosts ]]; then
		PFX+=(unshare -m --propagation private
			sh -c 'mount --bind "$1" /etc/hosts && shift && exec "$@"' with-hosts "$TMP/hosts.$1")
	fi
}
# server_pids SCEN: the processes doing the proxying (for CPU and RSS)
server_pids() {
	case $1 in
	direct) echo "$UP_PID" $(pgrep -P "$UP_PID") ;;
	tollgate) echo "$TG_PID" ;;
	nginx) echo "$NGX_PID" $(pgrep -P "$NGX_PID") ;;
	mitmproxy) echo "$MITM_PID" ;;
	esac
}
cpu_ticks() { # utime+stime of PIDS (all threads), in clock ticks
	local t=0 p f
	for p in "$@"; do
		f=$(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null) || continue
		set -- $f
		t=$((t + ${12} + ${13}))
	done
	echo "$t"
}
thread_ticks() { # thread_ticks PID: utime+stime by thread name, one "name ticks" line each
	local t f
	for t in /proc/"$1"/task/*; do
		f=$(sed 's/.*) //' "$t/stat" 2>/dev/null) || continue
		# shellcheck disable=SC2086
		set -- $f
		echo "$(cat "$t/comm" 2>/dev/null | tr -c 'a-zA-Z0-9\n' _) $((${12} + ${13}))"
	done | awk '{ a[$1] += $2 } END { for (k in a) print k, a[k] }' | sort
}
rss_kb() { # summed VmRSS of PIDS
	local t=0 p v
	for p in "$@"; do
		v=$(awk '/^VmRSS:/ { print $2 }' "/proc/$p/status" 2>/dev/null)
		t=$((t + ${v:-0}))
	done
	echo "$t"
}
tg_requests() {
	"$TOLLGATE_BIN" --config "$TG_CONFIG" status --json 2>/dev/null |
		python3 -c 'import json,sys; j=json.load(sys.stdin); print(sum(w["requests"] for w in j["workers"]))'
}
tg_connections() {
	"$TOLLGATE_BIN" --config "$TG_CONFIG" status --json 2>/dev/null |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["connections"])'
}

# ------------------------------------------------------------------ sanity: every path works

export BENCH_BODY=$REQ_BODY # read by wrk-post.lua
log "sanity: one request per path, each client verifying what it is shown"
tg_before=$(tg_requests)
for scen in "${SCENARIOS[@]}"; do
	out=$(prefix "$scen"; "${PFX[@]}" timeout 20 "$TGBENCH" lat --addr "$(scen_addr "$scen")" --sni "$HOST" \
		--cafile "$(scen_ca "$scen")" --path /v1/chat/completions --body "$REQ_BODY" \
		--n 3 --warmup 0 --expect '"chat.completion"' 2>&1) || die "$scen: $out"
	out=$(prefix "$scen"; "${PFX[@]}" timeout 20 "$TGBENCH" lat --addr "$(scen_addr "$scen")" --sni "$HOST" \
		--cafile "$(scen_ca "$scen")" --path /v1/stream --body "$STREAM_BODY" \
		--n 3 --warmup 0 --expect 'data: [DONE]' 2>&1) || die "$scen stream: $out"
	out=$(prefix "$scen" hosts; "${PFX[@]}" timeout 20 wrk -t1 -c1 -d1s --timeout 5s \
		-s "$BENCH_DIR/wrk-post.lua" "https://$HOST/v1/chat/completions" 2>&1)
	grep -q 'WRKRESULT' <<<"$out" && ! grep -q 'Non-2xx' <<<"$out" || die "$scen wrk: $out"
done
tg_after=$(tg_requests)
((tg_after - tg_before >= 6)) || die "tollgate counted $((tg_after - tg_before)) requests, not >= 6: not intercepting?"

# ------------------------------------------------------------------ latency (sequential, one connection)

# LAT_ROUNDS rounds; in each, every scenario in turn gets its share of the
# requests on a fresh connection (after a short warm-up), so slow drifts of the
# machine (frequency, noisy neighbours) spread over all scenarios alike. Each
# round's client is a new process, and where the scheduler first places it,
# the proxy and the upstream on the CPUs tends to hold for the whole round
# (a task is woken on the CPU it last ran on when that one is idle), so more
# rounds also average over more placements. The raw per-request samples are
# pooled by report.py.
# Rescheduling and function-call interrupts, all CPUs: one is sent when a
# task is woken on (or work is pushed to) another CPU that is not polling,
# which on this kind of VM means waking a halted vCPU through the hypervisor.
cross_cpu_interrupts() {
	awk '$1 == "RES:" || $1 == "CAL:" { for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) s += $i } END { print s + 0 }' \
		/proc/interrupts
}
lat_round() { # lat_round KIND SCEN N WARMUP [TAG]: results in out/KIND[TAG].SCEN
	local kind=$1 scen=$2 n=$3 warm=$4 name=$1${5:-}.$2 path body expect
	if [[ $kind == lat ]]; then
		path=/v1/chat/completions body=$REQ_BODY expect='"chat.completion"'
	else
		path=/v1/stream body=$STREAM_BODY expect='data: [DONE]'
	fi
	prefix "$scen"
	ipis0=$(cross_cpu_interrupts)
	"${PFX[@]}" timeout 120 "$TGBENCH" lat --addr "$(scen_addr "$scen")" --sni "$HOST" \
		--cafile "$(scen_ca "$scen")" --path "$path" --body "$body" --expect "$expect" \
		--n "$n" --warmup "$warm" --raw "$TMP/out/$name.raw" \
		>"$TMP/out/$name" 2>"$TMP/out/$name.err" ||
		die "$kind $scen: $(cat "$TMP/out/$name.err")"
	echo "ipis=$(($(cross_cpu_interrupts) - ipis0)) requests=$((n + warm))" >>"$TMP/out/$name.ipi"
}
lat_rounds() { # lat_rounds [TAG]: every round of the latency and stream tests
	local round kind total scen
	for ((round = 1; round <= LAT_ROUNDS; round++)); do
		for kind in lat stream; do
			want "$kind" || continue
			if [[ $kind == lat ]]; then total=$LAT_N; else total=$STREAM_N; fi
			log "$kind${1:-} round $round/$LAT_ROUNDS: $((total / LAT_ROUNDS)) sequential requests per scenario after $((LAT_WARMUP / LAT_ROUNDS))"
			for scen in "${SCENARIOS[@]}"; do
				lat_round "$kind" "$scen" $((total / LAT_ROUNDS)) $((LAT_WARMUP / LAT_ROUNDS)) "${1:-}"
			done
		done
	done
}
lat_rounds


# ------------------------------------------------------------------ throughput (wrk)

# WRK_ROUNDS rounds, each taking the scenarios in turn (so drifts hit all alike).
wrk_round() { # wrk_round SCEN ROUND
	local scen=$1 round=$2 out="$TMP/out/wrk.$1.$2" pids up_pids c0 u0 c1 u1 log0
	prefix "$scen" hosts
	"${PFX[@]}" timeout $((WRK_WARMUP + 20)) wrk -t"$WRK_T" -c"$WRK_C" -d"${WRK_WARMUP}s" \
		--timeout 5s -s "$BENCH_DIR/wrk-post.lua" "https://$HOST/v1/chat/completions" >/dev/null 2>&1
	pids=$(server_pids "$scen")
	up_pids=$(server_pids direct)
	# shellcheck disable=SC2086
	c0=$(cpu_ticks $pids) u0=$(cpu_ticks $up_pids)
	[[ $scen == tollgate ]] && thread_ticks "$TG_PID" >"$out.threads0"
	log0=$(wc -l <"$TG_STATE/requests.log" 2>/dev/null || echo 0)
	"${PFX[@]}" timeout $((WRK_D + 30)) wrk -t"$WRK_T" -c"$WRK_C" -d"${WRK_D}s" --timeout 5s \
		--latency -s "$BENCH_DIR/wrk-post.lua" "https://$HOST/v1/chat/completions" >"$out" 2>&1
	# shellcheck disable=SC2086
	c1=$(cpu_ticks $pids) u1=$(cpu_ticks $up_pids)
	echo "cpu_ticks=$((c1 - c0)) upstream_cpu_ticks=$((u1 - u0)) clk_tck=$(getconf CLK_TCK)" >>"$out"
	if [[ $scen == tollgate ]]; then
		# tollgate's request log says which calls needed a new upstream
		# connection; after the warm-up the pool should already hold one per
		# concurrent call, so this should be close to 0
		tail -n +$((log0 + 1)) "$TG_STATE/requests.log" |
			awk '/"upstream_reused":false/ { f++ } /"upstream_reused":true/ { t++ }
				END { printf "tg_upstream_new=%d tg_upstream_reused=%d\n", f, t }' >>"$out"
		# the daemon's CPU by thread (workers, the ledger's and the trace store's writers)
		thread_ticks "$TG_PID" | join "$out.threads0" - |
			awk '{ printf "%stg_thread_%s=%d", n++ ? " " : "", $1, $3 - $2 } END { print "" }' >>"$out"
	fi
	grep -q WRKRESULT "$out" || die "wrk $scen: $(cat "$out")"
}
if want rps; then
	for ((round = 1; round <= WRK_ROUNDS; round++)); do
		for scen in "${SCENARIOS[@]}"; do
			log "throughput round $round/$WRK_ROUNDS: $scen (wrk -t$WRK_T -c$WRK_C -d${WRK_D}s, after ${WRK_WARMUP}s warm-up)"
			wrk_round "$scen" "$round"
		done
	done
fi

# ------------------------------------------------------------------ memory per idle connection

# Each proxy is restarted for this test, twice: once as is, and once with
# glibc's malloc perturbation on (GLIBC_TUNABLES=glibc.malloc.perturb), which
# writes every block it hands out. In a fresh process, memory that is
# allocated but not yet written (calloc from fresh pages, buffers only partly
# filled) is not resident, so the plain figure is a lower bound; the perturbed
# one counts every allocated byte, which is what a long-running daemon ends
# up holding once its heap has been recycled.
CLIENT_PID=""
on_cleanup stop_var CLIENT_PID 3
idle_measure() { # idle_measure SCEN N TAG: prints "rss0 rss1 client-line" or fails
	local scen=$1 n=$2 tag=$3 out="$TMP/out/idle.$1.$3.client" pids r0 r1
	restart_proxy "$scen"
	prefix "$scen" # warm-up: TLS contexts, upstream connection
	"${PFX[@]}" timeout 20 "$TGBENCH" lat --addr "$(scen_addr "$scen")" --sni "$HOST" \
		--cafile "$(scen_ca "$scen")" --path /v1/chat/completions --body "$REQ_BODY" \
		--n 5 --warmup 5 >/dev/null 2>&1 || { log "idle warm-up $scen failed"; return 1; }
	pids=$(server_pids "$scen")
	sleep 1
	# shellcheck disable=SC2086
	r0=$(rss_kb $pids)
	"${PFX[@]}" "$TGBENCH" idle --addr "$(scen_addr "$scen")" --sni "$HOST" \
		--cafile "$(scen_ca "$scen")" --path /v1/chat/completions --body "$REQ_BODY" \
		--n "$n" --hold-s 120 >"$out" 2>&1 &
	CLIENT_PID=$!
	if ! { wait_until 90 eval "grep -qs READY $out || gone $CLIENT_PID" && grep -q READY "$out"; }; then
		log "idle $scen ($tag) failed: $(tail -3 "$out")"
		kill_pid "$CLIENT_PID" 5
		return 1
	fi
	sleep 1.5
	# shellcheck disable=SC2086
	r1=$(rss_kb $pids)
	echo "${tag}rss0_kb=$r0 ${tag}rss1_kb=$r1 $(sed "s/\([a-z_]*\)=/${tag}\1=/g" "$out")"
	[[ $scen == tollgate ]] && echo "${tag}server_connections=$(tg_connections)"
	kill_pid "$CLIENT_PID" 5
	sleep 1 # let the server notice the closes
}
want idle && for scen in "${SCENARIOS[@]}"; do
	[[ $scen == direct ]] && continue
	log "idle: $scen ($IDLE_N TLS keep-alive connections, one request each; fresh process, then again with malloc perturbation)"
	{
		PERTURB_ENV=""
		idle_measure "$scen" "$IDLE_N" "" || echo "failed=plain"
		PERTURB_ENV="GLIBC_TUNABLES=glibc.malloc.perturb=165"
		idle_measure "$scen" "$IDLE_N" "p_" || echo "failed=perturb"
		PERTURB_ENV=""
	} >"$TMP/out/idle.$scen"
done
# back to normal processes for anything after this
PERTURB_ENV=""
if want idle && { want lat || want stream; }; then
	# the idle test left proxies started with malloc perturbation
	for scen in "${SCENARIOS[@]}"; do
		[[ $scen == direct ]] || restart_proxy "$scen"
	done
fi

# ------------------------------------------------------------------ the same on one CPU

# Every process of the test, the client, the proxy (all its threads) and the
# upstream, pinned to CPU 0, for every scenario alike: a wake-up never
# crosses CPUs, so what a proxy adds is its own work (its CPU and its system
# calls) without the price of waking a halted vCPU through the hypervisor,
# which sections 1 and 2 pay on every hop. Afterwards every process may run
# anywhere again.
pin_servers() { # pin_servers CPULIST
	local scen p
	for scen in "${SCENARIOS[@]}" direct; do
		for p in $(server_pids "$scen"); do
			taskset -a -p -c "$1" "$p" >/dev/null || die "taskset $p failed"
		done
	done
}
if { want lat || want stream; } && ((ONE_CPU)) && (($(nproc) > 1)); then
	log "latency and streams again with every process on CPU 0"
	pin_servers 0
	PIN_CPU=0
	lat_rounds -cpu1
	PIN_CPU=""
	pin_servers "0-$(($(nproc) - 1))"
fi

# The same again with the guest's halt polling on, where the machine has it
# (the cpuidle-haltpoll driver of a KVM guest). With guest_halt_poll_ns=0 an
# idle vCPU halts at once and waking it takes a trip through the hypervisor,
# tens of µs; every wake-up on the path (the proxy's, the upstream's, the
# client's) pays it. Polling for up to HALTPOLL_NS before halting makes a
# wake-up cost about what it costs on bare metal. The setting is the
# machine's, the same for every scenario; it is put back as it was at once
# after these rounds, and by the exit trap if the run stops early. This pass
# runs last (on the proxies restarted after the idle test), so that nothing
# else is measured while (or after) the hypervisor sees this guest poll.
HALTPOLL=/sys/module/haltpoll/parameters/guest_halt_poll_ns
HALTPOLL_NS=${HALTPOLL_NS:-200000}
HALTPOLL_WAS=""
restore_haltpoll() { [[ -n "$HALTPOLL_WAS" ]] && echo "$HALTPOLL_WAS" >"$HALTPOLL"; HALTPOLL_WAS=""; }
if { want lat || want stream; } && [[ -w $HALTPOLL ]] && ((HALTPOLL_NS > 0)); then
	HALTPOLL_WAS=$(cat "$HALTPOLL")
	on_cleanup restore_haltpoll
	echo "$HALTPOLL_NS" >"$HALTPOLL" || die "cannot set $HALTPOLL"
	log "latency and streams again with halt polling ($HALTPOLL=$HALTPOLL_NS, was $HALTPOLL_WAS)"
	echo "haltpoll_was=$HALTPOLL_WAS haltpoll_ns=$HALTPOLL_NS" >"$TMP/out/haltpoll"
	lat_rounds -poll
	restore_haltpoll
fi

# ------------------------------------------------------------------ health after the run

tg_alive=yes
gone "$TG_PID" && tg_alive=no
{
	echo "tollgate_alive=$tg_alive"
	echo "tollgate_log_lines=$(wc -l <"$TMP/tollgate.log")"
	echo "tollgate_requests_logged=$(wc -l <"$TG_STATE/requests.log" 2>/dev/null || echo 0)"
	echo "tollgate_non_ok=$(grep -vc '"outcome":"ok"' "$TG_STATE/requests.log" 2>/dev/null || echo 0)"
} >"$TMP/out/health"
grep -v 'ssl_certificate\|^$' "$TMP/tollgate.log" | tail -n 20 >"$TMP/out/tollgate.log.tail"

# The servers are done: stop them now, so the load sample below is the machine's own.
stop_var TG_PID 10
stop_var MITM_PID
stop_var NGX_PID
stop_var UP_PID

# ------------------------------------------------------------------ machine, versions, report

{
	echo "date=$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
	echo "nproc=$(nproc)"
	echo "busy_before=$BUSY_BEFORE"
	echo "busy_after=$(busy_pct)" # all of the bench's servers stopped
	echo "kernel=$(uname -r)"
	echo "cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
	if grep -qw hypervisor /proc/cpuinfo; then echo "virt=virtual machine"; else echo "virt=bare metal"; fi
	echo "mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
	echo "os=$(. /etc/os-release && echo "$PRETTY_NAME")"
	echo "nginx=$(nginx -v 2>&1 | sed 's/.*nginx\///')"
	echo "mitmproxy=$(mitmdump --version 2>/dev/null | awk '/^Mitmproxy:/ { print $2 }')"
	echo "python=$(mitmdump --version 2>/dev/null | awk '/^Python:/ { print $2 }')"
	echo "wrk=$(wrk -v 2>&1 | head -1 | awk '{ print $2 }')"
	echo "openssl=$(openssl version | awk '{ print $2 }')"
	echo "tollgate=$("$TOLLGATE_BIN" version 2>/dev/null | head -1 | sed 's/^tollgate //')"
	echo "tollgate_binary=$(sha256sum "$TOLLGATE_BIN" | cut -c1-12), built $TOLLGATE_BUILT"
	echo "tollgate_commit=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null)$(git -C "$REPO" diff --quiet HEAD -- userspace bpf 2>/dev/null || echo '+dirty')"
	echo "lat_n=$LAT_N lat_warmup=$LAT_WARMUP lat_rounds=$LAT_ROUNDS stream_n=$STREAM_N wrk_c=$WRK_C wrk_t=$WRK_T wrk_d=$WRK_D wrk_warmup=$WRK_WARMUP wrk_rounds=$WRK_ROUNDS idle_n=$IDLE_N"
	echo "sse_events=$SSE_EVENTS sse_bytes=${#SSE} chat_bytes=${#CHAT_JSON} req_bytes=${#REQ_BODY}"
} >"$TMP/out/machine"

python3 "$BENCH_DIR/report.py" "$TMP/out" >"$RESULTS.tmp" || die "report.py failed"
mv "$RESULTS.tmp" "$RESULTS"
log "wrote $RESULTS"
python3 "$BENCH_DIR/report.py" --summary "$TMP/out" >&2
