#!/usr/bin/env bash
# 10-intercept.sh - the interception path end to end, with curl.
#
# A governed cgroup's curl to https://api.openai.com (resolved to the mock)
# goes through tollgate and is logged with its cgroup, pid and comm; its
# getpeername() still shows the address it dialled; a process outside the
# governed subtree goes direct; a non-provider server name to a provider
# address is spliced, not decrypted; a connection without an origin record is
# reset; UDP to a provider on 443 is refused; `tollgate status` shows the
# programs and maps; after the daemon stops, connections go direct again and
# no program is left attached.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/tollgate.sh"
tg_require_root

MOCK_IP=${TG_IP_BASE}1
tg_test_ca
tg_start_mock --listen "$MOCK_IP:443" || { fail "mock starts" "see log"; tg_finish; }
tg_make_cgroup agents/a >/dev/null
# The daemon itself runs inside the governed subtree, as it does when it
# governs the whole host: its own upstream sockets must not be redirected.
tg_make_cgroup system/tollgate >/dev/null
tg_tollgate_config "$TG_TMP/tollgate.json" "{\"addresses\": {\"openai\": [\"$MOCK_IP\"], \"anthropic\": [\"$MOCK_IP\"]}}"
tg_start_tollgate "$TG_CONFIG" system/tollgate || { fail "tollgate starts" "see log"; tg_finish; }
pass "tollgate starts"

CHAT='{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hello tollgate"}]}'
TG_CA="$TG_STATE/ca.pem"

# (a) governed curl goes through tollgate: it must trust tollgate's CA only
tg_bg curl-a tg_run_in_cgroup agents/a curl -sS --max-time 10 --cacert "$TG_CA" \
	--resolve "api.openai.com:443:$MOCK_IP" -o "$TG_TMP/a.body" \
	-w '%{http_code} %{remote_ip} %{remote_port}\n' \
	-H 'Authorization: Bearer sk-test-intercept-0001' -H 'Content-Type: application/json' \
	-d "$CHAT" https://api.openai.com/v1/chat/completions
curl_pid=$TG_BG_PID
wait "$curl_pid"
assert_eq "governed curl succeeds through tollgate's CA" 0 "$?"
read -r code rip rport <"$TG_TMP/curl-a.log"
assert_eq "governed curl gets the mock's 200" 200 "$code"
assert_file_contains "mock answer reaches the client" "$TG_TMP/a.body" "Hello from the mock OpenAI."
assert_eq "getpeername shows the dialled address" "$MOCK_IP:443" "$rip:$rport"
assert_eq "request log: cgroup" "/$(basename "$(tg_cgroup_root)")/agents/a" "$(tg_reqlog_last j.cgroup)"
assert_eq "request log: pid is the caller's tgid" "$curl_pid" "$(tg_reqlog_last j.pid)"
assert_eq "request log: comm" curl "$(tg_reqlog_last j.comm)"
assert_eq "request log: uid" 0 "$(tg_reqlog_last j.uid)"
assert_eq "request log: provider" openai "$(tg_reqlog_last j.provider)"
assert_eq "request log: path" /v1/chat/completions "$(tg_reqlog_last j.path)"
assert_eq "request log: status" 200 "$(tg_reqlog_last j.status)"
assert_eq "request log: ttfb and latency measured" true \
	"$(tg_reqlog_last 'j.ttfb_ms > 0 && j.latency_ms >= j.ttfb_ms && j.bytes_in > 0 && j.bytes_out > 0')"
assert_not_contains "request log never holds the API key" "$(tg_reqlog_lines)" "sk-test-intercept-0001"
rec=$(tail -n 1 "$TG_MOCK_RECORD")
assert_eq "mock received the body unchanged" "$CHAT" "$(tg_json "$rec" j.body)"
assert_eq "mock received the API key unchanged" "Bearer sk-test-intercept-0001" "$(tg_json "$rec" 'j.headers.authorization')"
assert_eq "upstream asked for identity encoding" identity "$(tg_json "$rec" 'j.headers["accept-encoding"]')"
assert_eq "upstream saw the provider name as SNI" api.openai.com "$(tg_json "$rec" j.sni)"

# Trace context: the provider sees tollgate's span as the parent, in the agent's trace
TRACE=4bf92f3577b34da6a3ce929d0e0e4736
tg_run_in_cgroup agents/a curl -sS --max-time 10 --cacert "$TG_CA" --resolve "api.openai.com:443:$MOCK_IP" \
	-H 'Authorization: Bearer sk-test-intercept-0001' -H 'Content-Type: application/json' \
	-H "traceparent: 00-$TRACE-00f067aa0ba902b7-01" -d "$CHAT" https://api.openai.com/v1/chat/completions -o /dev/null
span=$(tg_reqlog_last j.span_id)
assert_eq "trace: the agent's trace id is kept" "$TRACE" "$(tg_reqlog_last j.trace_id)"
assert_eq "trace: upstream traceparent names tollgate's span" "00-$TRACE-$span-01" \
	"$(tg_json "$(tail -n 1 "$TG_MOCK_RECORD")" 'j.headers.traceparent')"

# Keep-alive: two requests on one client connection, upstream connection reused
lines_before=$(tg_reqlog_lines | wc -l)
tg_run_in_cgroup agents/a curl -sS --max-time 10 --cacert "$TG_CA" --resolve "api.openai.com:443:$MOCK_IP" \
	-H 'Content-Type: application/json' -d "$CHAT" https://api.openai.com/v1/chat/completions \
	-o /dev/null --next --cacert "$TG_CA" --resolve "api.openai.com:443:$MOCK_IP" \
	-H 'Content-Type: application/json' -d "$CHAT" https://api.openai.com/v1/chat/completions -o /dev/null \
	-w '%{num_connects}\n' >"$TG_TMP/ka.out" 2>&1
assert_eq "keep-alive: two requests logged" $((lines_before + 2)) "$(tg_reqlog_lines | wc -l)"
assert_eq "keep-alive: second request reused the client connection" 0 "$(tail -n 1 "$TG_TMP/ka.out")"
assert_eq "keep-alive: second request reused the upstream connection" true "$(tg_reqlog_last j.upstream_reused)"

# Streaming through tollgate: the chunks arrive spread over time
tg_run_in_cgroup agents/a curl -sS -N --max-time 10 --cacert "$TG_CA" --resolve "api.openai.com:443:$MOCK_IP" \
	-H 'Content-Type: application/json' -H 'Authorization: Bearer sk-test-intercept-0001' \
	-d '{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"hi"}]}' \
	https://api.openai.com/v1/chat/completions >"$TG_TMP/stream.out"
assert_file_contains "stream ends with [DONE]" "$TG_TMP/stream.out" "data: [DONE]"
assert_ge "stream carries several events" "$(grep -c '^data: ' "$TG_TMP/stream.out")" 5

# (b) outside the governed subtree: direct to the mock (trusting only the test CA)
lines_before=$(tg_reqlog_lines | wc -l)
out=$(curl -sS --max-time 10 --cacert "$TG_CA_DIR/ca.pem" --resolve "api.openai.com:443:$MOCK_IP" \
	-H 'Authorization: Bearer sk-test-intercept-0001' \
	-H 'Content-Type: application/json' -d "$CHAT" https://api.openai.com/v1/chat/completions)
assert_contains "ungoverned process goes direct to the provider" "$out" "Hello from the mock OpenAI."
assert_eq "ungoverned request is not in the request log" "$lines_before" "$(tg_reqlog_lines | wc -l)"

# (c) a non-provider server name to a provider address is spliced
issuer=$(tg_run_in_cgroup agents/a sh -c "echo | openssl s_client -connect $MOCK_IP:443 \
	-servername www.example.com 2>/dev/null | openssl x509 -noout -issuer")
assert_contains "non-provider SNI sees the real server's certificate" "$issuer" "tollgate test root CA"
assert_file_contains "splice is logged" "$TG_DAEMON_LOG" "sni=www.example.com: not a provider name"
issuer=$(tg_run_in_cgroup agents/a sh -c "echo | openssl s_client -connect $MOCK_IP:443 \
	-servername api.openai.com 2>/dev/null | openssl x509 -noout -issuer")
assert_contains "provider SNI is terminated by tollgate's CA" "$issuer" "tollgate"
assert_not_contains "provider SNI is not the real server's certificate" "$issuer" "test root CA"

# A connection that bypassed the connect hook has no origin record: reset
UNMATCHED='j.workers.reduce((s, w) => s + w.unmatched_reset, 0)'
before=$(tg_status "$UNMATCHED")
if curl -sS --max-time 5 -k "https://127.0.0.1:$TG_PORT/" >/dev/null 2>&1; then
	fail "unmatched connection is reset" "curl got an answer"
else
	pass "unmatched connection is reset"
fi
assert_eq "unmatched resets are counted" $((before + 1)) "$(tg_status "$UNMATCHED")"

# UDP to a provider endpoint on 443 (QUIC) is refused; other UDP is not
udp=$(tg_run_in_cgroup agents/a node -e '
	const s = require("dgram").createSocket("udp4");
	s.connect(443, process.argv[1], (e) => { console.log(e ? e.code : "connected"); s.close(); });
	s.on("error", (e) => { console.log(e.code); s.close(); });' "$MOCK_IP")
assert_eq "UDP to a provider on 443 is refused" EPERM "$udp"
udp=$(tg_run_in_cgroup agents/a node -e '
	const s = require("dgram").createSocket("udp4");
	s.connect(444, process.argv[1], (e) => { console.log(e ? e.code : "connected"); s.close(); });' "$MOCK_IP")
assert_eq "UDP elsewhere is untouched" connected "$udp"

# status
st=$(tg_status)
assert_eq "status: seven programs attached" 7 "$(tg_json "$st" 'j.programs.length')"
assert_eq "status: connect4 attached" true "$(tg_json "$st" 'j.programs.some(p => p.attach === "connect4" && p.prog_id > 0)')"
assert_eq "status: endpoint map holds the static address" true \
	"$(tg_json "$st" "j.endpoints.some(e => e.address === '$MOCK_IP' && e.provider === 'openai' && e.port === 443)")"
assert_eq "status: endpoint map size matches the table" "$(tg_json "$st" j.endpoints.length)" "$(tg_json "$st" j.maps.endpoints)"
assert_ge "status: redirect counter" "$(tg_json "$st" j.counters.redirected)" 4
assert_ge "status: udp refusals counted" "$(tg_json "$st" j.counters.udp_refused)" 1
assert_ge "status: tollgate's own upstream connections were let through by their mark" \
	"$(tg_json "$st" j.counters.own_traffic)" 1
text=$("$TOLLGATE_BIN" --config "$TG_CONFIG" status)
assert_contains "status text names the programs" "$text" "connect6"

# (h) after the daemon stops, connections go direct and nothing stays attached
tg_stop_tollgate
attached=$(bpftool cgroup show "$(tg_cgroup_root)" 2>/dev/null | grep -c tg_ || true)
assert_eq "no program left attached after stop" 0 "$attached"
out=$(tg_run_in_cgroup agents/a curl -sS --max-time 10 --cacert "$TG_CA_DIR/ca.pem" \
	--resolve "api.openai.com:443:$MOCK_IP" -H 'Content-Type: application/json' -d "$CHAT" \
	-H 'Authorization: Bearer sk-test-intercept-0001' https://api.openai.com/v1/chat/completions)
assert_contains "after stop the governed process goes direct (fail-open)" "$out" "Hello from the mock OpenAI."
assert_eq "admin socket removed at stop" no "$([[ -e $TG_STATE/admin.sock ]] && echo yes || echo no)"
assert_eq "CA key is root-only" 600 "$(stat -c %a "$TG_STATE/ca.key")"
assert_eq "state dir is root-only" 700 "$(stat -c %a "$TG_STATE")"
assert_eq "request log is root-only" 600 "$(stat -c %a "$TG_STATE/requests.log")"

tg_finish
