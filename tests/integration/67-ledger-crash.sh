#!/usr/bin/env bash
# 67-ledger-crash.sh - kill -9 of the daemon while 100 streamed calls are in
# flight loses no settled spend, and the reservations of the calls that died
# are released at restart (and recorded as such).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/tollgate.sh"
tg_require_root

MOCK_IP=${TG_IP_BASE}1
tg_test_ca
# 100 ms between events, a 50-word reply: each long stream lasts about 5 s
tg_start_mock --listen "$MOCK_IP:443" --chunk-delay-ms 100 || { fail "mock starts" "see log"; tg_finish; }
tg_make_cgroup crash/fast >/dev/null
tg_make_cgroup crash/slow >/dev/null
ROOT="/$(basename "$(tg_cgroup_root)")"
tg_tollgate_config "$TG_TMP/tollgate.json" "{\"addresses\": {\"openai\": [\"$MOCK_IP\"]}}"
tg_start_tollgate "$TG_CONFIG" || { fail "tollgate starts" "see log"; tg_finish; }
HOSTS=$(tg_hosts_file "$MOCK_IP")
TG=("$TOLLGATE_BIN" --config "$TG_CONFIG")
"${TG[@]}" budget set "cgroup:$ROOT/crash" 10 --window day >/dev/null

load() { # load CGROUP OUTFILE ARGS...
	local cg=$1 outf=$2
	shift 2
	tg_bg "load-$(basename "$outf")" tg_run_in_cgroup "$cg" tg_with_hosts "$HOSTS" \
		env NODE_EXTRA_CA_CERTS="$TG_STATE/ca.pem" sh -c 'timeout 60 node "$0" "$@" >"'"$outf"'"' \
		"$TG_CLIENTS/meter-load.mjs" "$@"
}
spend_json() { "${TG[@]}" spend --by cgroup --window all --json; }
rows() { tg_json "$1" "j.rows.filter(r => r.key.startsWith('$ROOT/crash')).reduce((s, r) => s + r.calls, 0)"; }
cost() { tg_json "$1" "j.rows.filter(r => r.key.startsWith('$ROOT/crash')).reduce((s, r) => s + r.cost_nusd, 0)"; }

# 20 settled calls first
tg_run_in_cgroup crash/fast tg_with_hosts "$HOSTS" env NODE_EXTRA_CA_CERTS="$TG_STATE/ca.pem" \
	timeout 60 node "$TG_CLIENTS/meter-load.mjs" --clients 20 --stream >"$TG_TMP/warm.json"
assert_eq "20 streamed calls complete first" 20 "$(tg_json "$(cat "$TG_TMP/warm.json")" 'j.completed')"
s1=$(spend_json)
assert_eq "... and are settled in the ledger" 20 "$(rows "$s1")"

# 100 long streams in flight, and short ones settling while they run
REPLY=$(printf 'w%d ' $(seq 1 50))
load crash/slow "$TG_TMP/slow.json" --clients 100 --stream --max-tokens 200 --message "MOCK_REPLY:$REPLY"
inflight() { [[ $(tg_json "$("${TG[@]}" spend --json)" 'j.in_flight.calls') -ge 100 ]]; }
tg_wait_until 30 inflight
assert_eq "100 streamed calls are in flight (reserved in the ledger)" true "$(inflight && echo true || echo false)"
tg_run_in_cgroup crash/fast tg_with_hosts "$HOSTS" env NODE_EXTRA_CA_CERTS="$TG_STATE/ca.pem" \
	timeout 60 node "$TG_CLIENTS/meter-load.mjs" --clients 10 --stream >"$TG_TMP/mid.json"
mid_done=$(tg_json "$(cat "$TG_TMP/mid.json")" 'j.completed')
assert_eq "10 more calls complete while the long ones stream" 10 "$mid_done"

kill -KILL "$TG_DAEMON_PID"
wait "$TG_DAEMON_PID" 2>/dev/null
TG_DAEMON_PID=""
pass "daemon killed with kill -9"
tg_wait_until 40 sh -c "test -s '$TG_TMP/slow.json'"
slow_done=$(tg_json "$(cat "$TG_TMP/slow.json")" 'j.completed')

tg_start_tollgate "$TG_CONFIG" || { fail "tollgate restarts" "see log"; tg_finish; }
s2=$(spend_json)
assert_ge "no settled spend lost: every call a client saw complete is in the ledger" \
	"$(rows "$s2")" "$((20 + mid_done + slow_done))"
assert_eq "each of the 100 long calls was either settled or released as dead" 100 \
	"$(($(rows "$s2") - 20 - mid_done + $(tg_json "$s2" 'j.died.calls')))"
assert_ge "the spend only grew" "$(cost "$s2")" "$(cost "$s1")"
assert_eq "reservations of the calls that died are released" "0" "$(tg_json "$s2" 'j.in_flight.calls')"
died=$(tg_json "$s2" 'j.died.calls')
assert_ge "... most of them died mid-stream" "$died" 50
assert_file_contains "... reported at start" "$TG_DAEMON_LOG" "released $died reservations"
st=$("${TG[@]}" budget list --json)
assert_eq "the budget holds nothing for dead calls" "0/0" "$(tg_json "$st" 'j.budgets.map(b => `${b.reserved_usd}/${b.in_flight}`)[0]')"
assert_eq "the budget's spend is the ledger's" "$(cost "$s2")" "$(tg_json "$st" 'Math.round(j.budgets[0].spent_usd * 1e9)')"
out=$(tg_run_in_cgroup crash/fast tg_with_hosts "$HOSTS" env NODE_EXTRA_CA_CERTS="$TG_STATE/ca.pem" \
	timeout 60 node "$TG_CLIENTS/meter-load.mjs" --clients 1 --stream)
assert_eq "calls go on after the restart" 1 "$(tg_json "$out" 'j.completed')"
tg_stop_tollgate
tg_finish
