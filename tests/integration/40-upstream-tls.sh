#!/usr/bin/env bash
# 40-upstream-tls.sh - (g) upstream verification is never skipped.
#
# An upstream presenting a certificate from an untrusted CA, one for the
# wrong name, or an expired one, and an upstream that is down: the client
# gets a 502 in the provider's error shape with a clear message (curl and
# the openai SDK), and nothing is sent to the impostor.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/tollgate.sh"
tg_require_root
tg_need_clients || { fail "npm clients installed" "npm ci failed"; tg_finish; }

EVIL=${TG_IP_BASE}2 WRONG=${TG_IP_BASE}3 EXPIRED=${TG_IP_BASE}4 DEAD=${TG_IP_BASE}5 GOOD=${TG_IP_BASE}1
tg_test_ca
tg_start_mock --listen "$GOOD:443" || { fail "mock starts" "see log"; tg_finish; }
GOOD_RECORD=$TG_MOCK_RECORD
tg_start_mock --listen "$EVIL:443" --cert "$TG_CA_DIR/evil-server.pem" --key "$TG_CA_DIR/evil-server.key" ||
	{ fail "evil mock starts" "see log"; tg_finish; }
EVIL_RECORD=$TG_MOCK_RECORD
tg_start_mock --listen "$WRONG:443" --cert "$TG_CA_DIR/wrongname.pem" --key "$TG_CA_DIR/wrongname.key" ||
	{ fail "wrong-name mock starts" "see log"; tg_finish; }
WRONG_RECORD=$TG_MOCK_RECORD
tg_start_mock --listen "$EXPIRED:443" --cert "$TG_CA_DIR/expired.pem" --key "$TG_CA_DIR/expired.key" ||
	{ fail "expired mock starts" "see log"; tg_finish; }
tg_make_cgroup agents/a >/dev/null
tg_tollgate_config "$TG_TMP/tollgate.json" \
	"{\"addresses\": {\"openai\": [\"$GOOD\", \"$EVIL\", \"$WRONG\", \"$EXPIRED\", \"$DEAD\"], \"anthropic\": [\"$EVIL\"]}}"
tg_start_tollgate "$TG_CONFIG" || { fail "tollgate starts" "see log"; tg_finish; }
TG_CA="$TG_STATE/ca.pem"

# call IP [HOST]: curl in the governed cgroup, sets $code and $body
call() {
	local ip=$1 host=${2:-api.openai.com}
	body=$(tg_run_in_cgroup agents/a curl -sS --max-time 15 --cacert "$TG_CA" \
		--resolve "$host:443:$ip" -H 'Authorization: Bearer sk-test-tls-0001' \
		-H 'Content-Type: application/json' -d '{"model":"gpt-4o-mini","messages":[]}' \
		-w '\n%{http_code}' "https://$host/v1/chat/completions")
	code=$(tail -n 1 <<<"$body")
	body=$(sed '$d' <<<"$body")
}

call "$GOOD"
assert_eq "trusted upstream: 200" 200 "$code"

call "$EVIL"
assert_eq "untrusted CA: 502" 502 "$code"
assert_contains "untrusted CA: clear message" "$(tg_json "$body" j.error.message)" \
	"upstream certificate verification failed for api.openai.com"
assert_eq "untrusted CA: OpenAI error shape" tollgate_upstream_error "$(tg_json "$body" j.error.type)"
assert_eq "untrusted CA: trace id in the error body" true "$(tg_json "$body" 'j.error.tollgate_trace_id.length === 32')"
assert_eq "untrusted CA: nothing reached the impostor" 0 "$(grep -c . "$EVIL_RECORD")"

call "$EVIL" api.anthropic.com
assert_eq "untrusted CA (Anthropic): 502" 502 "$code"
assert_eq "untrusted CA (Anthropic): Anthropic error shape" error "$(tg_json "$body" j.type)"
assert_contains "untrusted CA (Anthropic): clear message" "$(tg_json "$body" j.error.message)" "verification failed"

call "$WRONG"
assert_eq "wrong name: 502" 502 "$code"
assert_contains "wrong name: clear message" "$(tg_json "$body" j.error.message)" "verification failed for api.openai.com"
assert_eq "wrong name: nothing reached the impostor" 0 "$(grep -c . "$WRONG_RECORD")"

call "$EXPIRED"
assert_eq "expired: 502" 502 "$code"
assert_contains "expired: clear message" "$(tg_json "$body" j.error.message)" "expired"

call "$DEAD"
assert_eq "dead upstream: 502" 502 "$code"
assert_contains "dead upstream: clear message" "$(tg_json "$body" j.error.message)" "refused"

# The SDK surfaces the message
HOSTS=$(tg_hosts_file "$EVIL" api.openai.com)
out=$(tg_run_in_cgroup agents/a tg_with_hosts "$HOSTS" env NODE_EXTRA_CA_CERTS="$TG_CA" \
	node "$TG_CLIENTS/openai-chat.mjs" 2>/dev/null)
assert_eq "openai SDK: sees status 502" 502 "$(tg_json "$out" j.error.status)"
assert_contains "openai SDK: shows tollgate's message" "$(tg_json "$out" j.error.message)" "certificate verification failed"
assert_eq "request log records the upstream failure" upstream_error "$(tg_reqlog_last j.outcome)"

assert_eq "the good upstream got exactly one request" 1 "$(grep -c . "$GOOD_RECORD")"
tg_stop_tollgate
tg_finish
