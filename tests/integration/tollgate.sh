# shellcheck shell=bash
# tollgate.sh - start and stop the tollgate daemon under test. Sourced by the
# integration tests after lib.sh.
#
#   tg_tollgate_config FILE JSON   write a config: JSON (an object) merged over
#                                  the test defaults (a governed test cgroup,
#                                  state in $TG_TMP/state, the test CA trusted
#                                  upstream, no DNS resolution, a free port)
#   tg_start_tollgate FILE [REL]   start `tollgate run --config FILE` in the
#                                  background (inside test cgroup REL if given),
#                                  wait until its admin API answers
#                                  (sets TG_DAEMON_PID, TG_DAEMON_LOG, TG_STATE)
#   tg_stop_tollgate               SIGTERM, wait, and check it exited 0 with no
#                                  sanitizer report (reports PASS/FAIL)
#   tg_status [JQ-LIKE EXPR]       `tollgate status --json`, or one value of it
#   tg_reqlog_lines                the request log, one JSON object a line
#
# The daemon binary is $TOLLGATE_BIN (tests/run.sh sets it; default build/tollgate).

TOLLGATE_BIN=${TOLLGATE_BIN:-$TG_REPO/build/tollgate}
# The proxy port: below the ephemeral range, per run, and not in use.
TG_PORT=$((10000 + TG_RUN_ID % 20000))
while ss -Hltn "sport = :$TG_PORT" 2>/dev/null | grep -q .; do TG_PORT=$((TG_PORT + 1)); done
# Loopback addresses for this run's mock servers: ${TG_IP_BASE}1, ${TG_IP_BASE}2, ...
# (per run, so concurrent runs and leftovers from other tools never collide)
TG_IP_BASE="127.$((100 + TG_RUN_ID % 100)).$(((TG_RUN_ID / 100) % 250))."

TG_STATE="$TG_TMP/state"
TG_DAEMON_PID=""
TG_DAEMON_COUNT=0
TG_DAEMON_LOG=""
TG_CONFIG=""

tg_tollgate_config() {
	local file=$1 extra=${2:-"{}"}
	TG_CONFIG=$file
	node -e '
		const [file, port, cgroup, state, ca, providers, extra] = process.argv.slice(1);
		const base = {
			listen: `127.0.0.1:${port}`, listen6: `[::1]:${port}`,
			cgroup, state_dir: state, providers_file: providers,
			upstream_ca_file: ca, resolve: { enabled: false }, workers: 2,
			log_level: "debug",
		};
		const merged = Object.assign(base, JSON.parse(extra));
		require("fs").writeFileSync(file, JSON.stringify(merged, null, 2));
	' "$file" "$TG_PORT" "/$(basename "$(tg_cgroup_root)")" "$TG_STATE" "$TG_CA_DIR/ca.pem" \
		"$TG_REPO/policies/providers.json" "$extra"
}

tg__daemon_up() {
	tg__gone "$TG_DAEMON_PID" && return 0
	"$TOLLGATE_BIN" --config "$TG_CONFIG" status >/dev/null 2>&1
}

tg_start_tollgate() {
	TG_CONFIG=$1
	local cg=${2:-}
	TG_DAEMON_LOG="$TG_TMP/tollgate-$((++TG_DAEMON_COUNT)).log"
	local cmd=("$TOLLGATE_BIN" run --config "$TG_CONFIG")
	# TG_DAEMON_RESOLV=FILE: the daemon sees FILE as /etc/resolv.conf (private mount namespace)
	if [[ -n "${TG_DAEMON_RESOLV:-}" ]]; then
		cmd=(unshare -m --propagation private sh -c 'mount --bind "$1" /etc/resolv.conf && shift && exec "$@"'
			tg-resolv "$TG_DAEMON_RESOLV" "${cmd[@]}")
	fi
	if [[ -n "$cg" ]]; then
		# an exec chain, so that $! is the daemon itself
		tg__chain tg_run_in_cgroup "$cg" "${cmd[@]}" || return 1
		cmd=("${TG__CHAIN[@]}")
	fi
	"${cmd[@]}" >"$TG_DAEMON_LOG" 2>&1 </dev/null &
	TG_DAEMON_PID=$!
	tg_on_cleanup tg_kill_pid "$TG_DAEMON_PID" 10
	# generous: under ASan on a loaded machine, compiling the redaction
	# rules into Hyperscan alone takes ~10 s
	if ! tg_wait_until 60 tg__daemon_up || tg__gone "$TG_DAEMON_PID"; then
		echo "tollgate did not start; log:" >&2
		sed 's/^/#   /' "$TG_DAEMON_LOG" >&2
		return 1
	fi
}

tg_stop_tollgate() {
	local rc
	[[ -n "$TG_DAEMON_PID" ]] || return 0
	kill -TERM "$TG_DAEMON_PID" 2>/dev/null
	if ! tg_wait_until 15 tg__gone "$TG_DAEMON_PID"; then
		fail "daemon stops on SIGTERM" "still running after 15 s"
		kill -KILL "$TG_DAEMON_PID" 2>/dev/null
	fi
	wait "$TG_DAEMON_PID"
	rc=$?
	TG_DAEMON_PID=""
	assert_eq "daemon exits 0 on SIGTERM" 0 "$rc"
	if grep -qE "ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:" "$TG_DAEMON_LOG"; then
		fail "daemon ran clean under sanitizers" "$(grep -m3 -E 'ERROR|runtime error' "$TG_DAEMON_LOG")"
	else
		pass "daemon ran clean under sanitizers"
	fi
}

tg_status() {
	local out
	out=$("$TOLLGATE_BIN" --config "$TG_CONFIG" status --json 2>/dev/null) || return 1
	if [[ $# -gt 0 ]]; then tg_json "$out" "$1"; else echo "$out"; fi
}

tg_reqlog_lines() {
	cat "$TG_STATE/requests.log" 2>/dev/null
}

# tg_reqlog_last EXPR: evaluate EXPR on the last request log line.
tg_reqlog_last() {
	local line
	line=$(tail -n 1 "$TG_STATE/requests.log" 2>/dev/null)
	[[ -n "$line" ]] || return 1
	tg_json "$line" "$1"
}
