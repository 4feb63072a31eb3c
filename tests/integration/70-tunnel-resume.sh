#!/usr/bin/env bash
# 70-tunnel-resume.sh - WebSocket upgrades are tunnelled and recorded; TLS
# sessions are resumed on both sides; SIGTERM with a live stream stops
# cleanly.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/tollgate.sh"
tg_require_root

MOCK_IP=${TG_IP_BASE}1
tg_test_ca
tg_start_mock --listen "$MOCK_IP:443" --chunk-delay-ms 200 || { fail "mock starts" "see log"; tg_finish; }
tg_make_cgroup agents/a >/dev/null
tg_tollgate_config "$TG_TMP/tollgate.json" \
	"{\"addresses\": {\"openai\": [\"$MOCK_IP\"]}, \"timeouts\": {\"pool_idle_ms\": 1}}"
tg_start_tollgate "$TG_CONFIG" || { fail "tollgate starts" "see log"; tg_finish; }
TG_CA="$TG_STATE/ca.pem"
KEY='Authorization: Bearer sk-test-resume-01'

# WebSocket (the Realtime API's transport) through tollgate
out=$(tg_run_in_cgroup agents/a node "$TG_CLIENTS/websocket.mjs" --connect "$MOCK_IP:443" \
	--servername api.openai.com --ca "$TG_CA" --path /v1/realtime --text "hello tunnel")
assert_eq "websocket: upgraded" 101 "$(tg_json "$out" j.status)"
assert_eq "websocket: messages flow both ways" "echo:hello tunnel" "$(tg_json "$out" j.reply)"
assert_eq "websocket: recorded as a tunnel" tunnel "$(tg_reqlog_last j.outcome)"
assert_eq "websocket: recorded with status 101" 101 "$(tg_reqlog_last j.status)"
assert_ge "websocket: tunnel bytes counted" "$(tg_reqlog_last j.upstream_bytes_in)" 10

# Upstream resumption: the pool drops idle connections after 1 ms here, so
# every call needs a new upstream connection. The WebSocket's full handshake
# left two tickets (the mock's server issues two, and none on resumption),
# and each is offered once, as RFC 8446 advises: both calls resume.
for i in 1 2; do
	tg_run_in_cgroup agents/a curl -sS --max-time 10 --cacert "$TG_CA" -H "$KEY" \
		--resolve "api.openai.com:443:$MOCK_IP" https://api.openai.com/v1/models -o /dev/null
	sleep 0.2
done
assert_eq "upstream: the first connection is a full handshake" false \
	"$(tg_json "$(head -n 1 "$TG_MOCK_RECORD")" j.tls_session_reused)"
assert_eq "upstream: later connections resume TLS sessions" "true true" \
	"$(tail -n 2 "$TG_MOCK_RECORD" | while read -r l; do tg_json "$l" j.tls_session_reused; echo; done | xargs)"

# Client-side resumption (session tickets)
tg_run_in_cgroup agents/a sh -c "sleep 0.5 | openssl s_client -connect $MOCK_IP:443 -servername api.openai.com \
	-CAfile $TG_CA -sess_out $TG_TMP/sess >/dev/null 2>&1"
out=$(tg_run_in_cgroup agents/a sh -c "sleep 0.5 | openssl s_client -connect $MOCK_IP:443 -servername api.openai.com \
	-CAfile $TG_CA -sess_in $TG_TMP/sess 2>/dev/null")
assert_contains "client side: TLS session resumed" "$out" "Reused, TLS"
assert_contains "client side: verified against tollgate's CA" "$out" "Verify return code: 0 (ok)"

# SIGTERM while a stream is in flight: a clean stop, nothing left behind
tg_bg stream tg_run_in_cgroup agents/a curl -sS -N --max-time 20 --cacert "$TG_CA" -H "$KEY" \
	--resolve "api.openai.com:443:$MOCK_IP" -H 'Content-Type: application/json' \
	-d '{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"one two three"}]}' \
	https://api.openai.com/v1/chat/completions
stream_pid=$TG_BG_PID
live() { [[ $(tg_status j.connections) -ge 1 ]]; }
tg_wait_until 5 live || fail "a stream is live before SIGTERM" "$(tg_status j.connections)"
tg_stop_tollgate
wait "$stream_pid"
assert_ne "the in-flight stream was cut, not completed" 0 "$?"
assert_eq "no program left attached" 0 "$(bpftool cgroup show "$(tg_cgroup_root)/agents/a" 2>/dev/null | grep -c tg_)"
assert_eq "the cut stream is in the request log" true \
	"$(tg_reqlog_last 'j.outcome === "client_gone" || j.outcome === "upstream_error"')"

tg_finish
