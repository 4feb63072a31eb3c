#!/usr/bin/env bash
# 50-http-strict.sh - (i) malformed and smuggling-style requests get 400
# (or the precise 4xx) in the provider's error shape and never reach the
# provider; valid edge cases (pipelining, chunked bodies, Expect:
# 100-continue) still work.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/tollgate.sh"
tg_require_root
tg_need_clients || { fail "npm clients installed" "npm ci failed"; tg_finish; }

MOCK_IP=${TG_IP_BASE}1
tg_test_ca
tg_start_mock --listen "$MOCK_IP:443" || { fail "mock starts" "see log"; tg_finish; }
tg_make_cgroup agents/a >/dev/null
tg_tollgate_config "$TG_TMP/tollgate.json" \
	"{\"addresses\": {\"openai\": [\"$MOCK_IP\"]}, \"max_request_body\": 65536, \"max_header_bytes\": 16384}"
tg_start_tollgate "$TG_CONFIG" || { fail "tollgate starts" "see log"; tg_finish; }
TG_CA="$TG_STATE/ca.pem"

# raw NAME: send stdin as raw bytes through tollgate; sets $resp (the response text)
raw() {
	local out
	out=$(tg_run_in_cgroup agents/a node "$TG_CLIENTS/raw-tls.mjs" --connect "$MOCK_IP:443" \
		--servername api.openai.com --ca "$TG_CA")
	resp=$(tg_json "$out" j.response)
	true
}
status_of() { head -n 1 <<<"$1" | awk '{print $2}'; }

H='Host: api.openai.com\r\nAuthorization: Bearer sk-test-strict\r\n'
# expect NAME STATUS REQUEST(printf format)
expect() {
	local name=$1 want=$2 req=$3
	# shellcheck disable=SC2059
	raw < <(printf "$req")
	assert_eq "$name: $want" "$want" "$(status_of "$resp")"
	if [[ $want -ge 400 ]]; then
		assert_contains "$name: error in OpenAI shape" "$resp" '"error":{"message":'
	fi
}

before=$(grep -c . "$TG_MOCK_RECORD")
expect "CL and TE together" 400 "POST /v1/chat/completions HTTP/1.1\r\n${H}Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nG"
expect "TE and CL together" 400 "POST /v1/chat/completions HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\nContent-Length: 6\r\n\r\n0\r\n\r\nG"
expect "duplicate Content-Length" 400 "POST /v1/chat/completions HTTP/1.1\r\n${H}Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}"
expect "Content-Length list" 400 "POST /v1/chat/completions HTTP/1.1\r\n${H}Content-Length: 2, 2\r\n\r\n{}"
expect "negative Content-Length" 400 "POST /v1/chat/completions HTTP/1.1\r\n${H}Content-Length: -1\r\n\r\n{}"
expect "obs-fold" 400 "POST /v1/chat/completions HTTP/1.1\r\n${H}X-Folded: a\r\n b\r\nContent-Length: 2\r\n\r\n{}"
expect "bare LF" 400 "POST /v1/chat/completions HTTP/1.1\n${H}Content-Length: 2\r\n\r\n{}"
expect "space before colon" 400 "POST /v1/chat/completions HTTP/1.1\r\n${H}Content-Length : 2\r\n\r\n{}"
expect "TE other than chunked" 501 "POST /v1/chat/completions HTTP/1.1\r\n${H}Transfer-Encoding: gzip\r\n\r\n"
expect "TE chunked twice" 400 "POST /v1/chat/completions HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
expect "bad chunk size" 400 "POST /v1/chat/completions HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"
expect "missing Host" 400 "GET /v1/models HTTP/1.1\r\nAuthorization: Bearer x\r\n\r\n"
expect "two Hosts" 400 "GET /v1/models HTTP/1.1\r\n${H}Host: api.openai.com\r\n\r\n"
expect "Host other than the TLS name" 421 "GET /v1/models HTTP/1.1\r\nHost: evil.example.com\r\n\r\n"
expect "absolute-form target" 400 "GET http://evil.example.com/ HTTP/1.1\r\n${H}\r\n"
expect "NUL in a header" 400 "GET /v1/models HTTP/1.1\r\n${H}X-A: a\0b\r\n\r\n"
expect "HTTP/2 preface" 505 "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
big=$(head -c 20000 /dev/zero | tr '\0' a)
expect "oversized header" 431 "GET /v1/models HTTP/1.1\r\n${H}X-Big: $big\r\n\r\n"
expect "oversized body" 413 "POST /v1/chat/completions HTTP/1.1\r\n${H}Content-Length: 70000\r\n\r\n{}"
assert_eq "no malformed request reached the provider" "$before" "$(grep -c . "$TG_MOCK_RECORD")"
assert_eq "malformed requests are logged as refused" true \
	"$(tg_reqlog_last 'j.outcome === "refused" && j.status === 413')"

# Valid edge cases
BODY='{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}'
expect "chunked request body" 200 "POST /v1/chat/completions HTTP/1.1\r\n${H}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n10\r\n${BODY:0:16}\r\n$(printf %x $((${#BODY} - 16)))\r\n${BODY:16}\r\n0\r\n\r\n"
rec=$(tail -n 1 "$TG_MOCK_RECORD")
assert_eq "chunked body reaches the provider de-chunked and intact" "$BODY" "$(tg_json "$rec" j.body)"
raw < <(printf "GET /v1/models HTTP/1.1\r\n${H}\r\nGET /v1/models HTTP/1.1\r\n${H}Connection: close\r\n\r\n")
assert_eq "pipelined requests: both answered" 2 "$(grep -c '^HTTP/1.1 200' <<<"$resp")"
out=$(tg_run_in_cgroup agents/a curl -sS --max-time 10 --cacert "$TG_CA" --resolve "api.openai.com:443:$MOCK_IP" \
	-H 'Authorization: Bearer sk-test-strict' -H 'Content-Type: application/json' -H 'Expect: 100-continue' \
	-d "$BODY" -w '\n%{http_code}' https://api.openai.com/v1/chat/completions)
assert_eq "Expect: 100-continue works" 200 "$(tail -n 1 <<<"$out")"
rec=$(tail -n 1 "$TG_MOCK_RECORD")
assert_eq "Expect is not forwarded upstream" "" "$(tg_json "$rec" 'j.headers.expect || ""')"

tg_stop_tollgate
tg_finish
