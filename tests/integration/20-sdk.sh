#!/usr/bin/env bash
# 20-sdk.sh - the official SDKs, unmodified, through tollgate.
#
# openai, @anthropic-ai/sdk, @google/genai and @langchain/openai run in a
# governed cgroup with only NODE_EXTRA_CA_CERTS set (tollgate's CA) and the
# provider names mapped to the mock in a private /etc/hosts. Plain and
# streamed calls complete, and streamed chunks arrive as the mock sends them
# (spread over time, not buffered into one burst).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/tollgate.sh"
tg_require_root
tg_need_clients || { fail "npm clients installed" "npm ci failed"; tg_finish; }

MOCK_IP=${TG_IP_BASE}1
DELAY=60
tg_test_ca
tg_start_mock --listen "$MOCK_IP:443" --chunk-delay-ms "$DELAY" || { fail "mock starts" "see log"; tg_finish; }
tg_make_cgroup agents/sdk >/dev/null
tg_tollgate_config "$TG_TMP/tollgate.json" \
	"{\"addresses\": {\"openai\": [\"$MOCK_IP\"], \"anthropic\": [\"$MOCK_IP\"], \"gemini\": [\"$MOCK_IP\"]}}"
tg_start_tollgate "$TG_CONFIG" || { fail "tollgate starts" "see log"; tg_finish; }
HOSTS=$(tg_hosts_file "$MOCK_IP")

# sdk NAME SCRIPT ARGS...: run a client in the governed cgroup, output in $out
sdk() {
	local name=$1 script=$2
	shift 2
	out=$(tg_run_in_cgroup agents/sdk tg_with_hosts "$HOSTS" \
		env NODE_EXTRA_CA_CERTS="$TG_STATE/ca.pem" node "$TG_CLIENTS/$script" "$@" 2>"$TG_TMP/$name.err")
	local rc=$?
	assert_eq "$name: exit status" 0 "$rc"
	[[ $rc == 0 ]] || sed 's/^/#   /' "$TG_TMP/$name.err" >&2
}

# check_stream NAME: chunks arrived incrementally, as the mock paced them
check_stream() {
	assert_ge "$1: several chunks" "$(tg_json "$out" 'j.chunks.length')" 5
	assert_ge "$1: chunks spread over time (ms)" "$(tg_json "$out" 'j.spread_ms')" $((DELAY * 3))
}

lines_before=$(tg_reqlog_lines | wc -l)

sdk openai-plain openai-chat.mjs --message "hello from the sdk"
assert_eq "openai-plain: content" "Hello from the mock OpenAI." "$(tg_json "$out" j.content)"
sdk openai-stream openai-chat.mjs --stream --message "stream please"
assert_eq "openai-stream: content" "Hello from the mock OpenAI." "$(tg_json "$out" j.content)"
check_stream openai-stream
sdk openai-responses openai-responses.mjs --stream
assert_contains "openai-responses: content" "$(tg_json "$out" j.content)" "Hello from the mock"
sdk anthropic-plain anthropic-messages.mjs
assert_eq "anthropic-plain: content" "Hello from the mock Anthropic." "$(tg_json "$out" j.content)"
sdk anthropic-stream anthropic-messages.mjs --stream
assert_eq "anthropic-stream: content" "Hello from the mock Anthropic." "$(tg_json "$out" j.content)"
check_stream anthropic-stream
sdk gemini-stream gemini-generate.mjs --stream
assert_contains "gemini-stream: content" "$(tg_json "$out" j.content)" "Hello from the mock"
check_stream gemini-stream
sdk langchain langchain-chat.mjs
assert_contains "langchain: content" "$(tg_json "$out" j.content)" "Hello from the mock OpenAI."

log=$(tg_reqlog_lines | tail -n +$((lines_before + 1)))
assert_eq "every SDK call is in the request log" 7 "$(printf '%s\n' "$log" | grep -c .)"
assert_eq "every SDK call is attributed to node in the cgroup" 7 \
	"$(printf '%s\n' "$log" | grep -c "\"cgroup\":\"/$(basename "$(tg_cgroup_root)")/agents/sdk\",\"pid\":[0-9]*,\"comm\":\"node\"")"
assert_eq "providers recognised" "openai openai openai anthropic anthropic gemini openai" \
	"$(printf '%s\n' "$log" | while read -r l; do tg_json "$l" j.provider; echo; done | tr '\n' ' ' | sed 's/ $//')"
assert_eq "Gemini's ?key= query string is not logged" 0 "$(printf '%s\n' "$log" | grep -c 'key=')"

tg_stop_tollgate
tg_finish
