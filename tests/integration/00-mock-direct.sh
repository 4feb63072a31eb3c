#!/usr/bin/env bash
# 00-mock-direct.sh - proves the test tooling works without tollgate:
# the mock provider (tests/mock/mock-provider.js), the SDK clients
# (tests/clients/*.mjs), the test PKI (testca.sh) and the harness (lib.sh).
#
#   bash tests/integration/00-mock-direct.sh      (from the repo root, as root)
#
# 1. the mock on 127.0.10.1:443 and [::1]:443 (the next free 127.0.10.X, and a
#    ULA address on lo, when another run holds those); provider names mapped
#    to it by a private /etc/hosts (tg_with_hosts);
# 2. curl against every API shape, plain and streamed, errors and control
#    hooks; the record file;
# 3. every SDK client, plain and streamed, with exact token counts and proof
#    that stream chunks arrive spread over time;
# 4. upstream verification failures with the evil / wrong-name / expired certs;
# 5. a client inside a test cgroup, and one inside a test netns (mock on the
#    host end of the veth), all wrappers composed;
# 6. the harness cleans up after a child test that exits and one that is
#    killed with SIGTERM (cgroups, netns, veth, processes, temp dir).
# Prints PASS/FAIL lines; exits non-zero when anything failed.

# shellcheck disable=SC2016  # (JS template strings in single quotes)
source "$(dirname "$0")/lib.sh"
tg_require_root

DELAY=50                   # --chunk-delay-ms
MIN_SPREAD=$((3 * DELAY / 2))

tg_test_ca || { fail setup-ca "testca.sh failed"; tg_finish; }
tg_need_clients || fail setup-clients "npm ci in tests/clients failed"
CA="$TG_CA_DIR/ca.pem"

# Addresses. Other sessions may run tests on this machine at the same time,
# so take the first 127.0.10.X whose port 443 is free (127.0.10.1 normally),
# and [::1]:443 unless it is taken, in which case a private ULA address is
# added to lo for this run (and removed at cleanup).
listening443() { ss -Hltn 'sport = :443' 2>/dev/null | awk '{print $4}'; }
V4_USED=()
# start_mock_v4 VAR ARGS...: start a mock on the first free 127.0.10.X:443
# (X from 1) plus ARGS; sets VAR to the address.
start_mock_v4() {
	local var=$1 x ip busy
	shift
	busy=$(listening443)
	for ((x = 1; x < 250; x++)); do
		ip=127.0.10.$x
		[[ " ${V4_USED[*]} " == *" $ip "* ]] && continue
		grep -qxF -e "$ip:443" -e "0.0.0.0:443" -e "*:443" <<<"$busy" && continue
		V4_USED+=("$ip")
		if tg_start_mock --listen "$ip:443" "$@" 2>/dev/null; then
			printf -v "$var" '%s' "$ip"
			return 0
		fi
		grep -q EADDRINUSE "$TG_MOCK_LOG" || { sed 's/^/# /' "$TG_MOCK_LOG" >&2; return 1; }
	done
	return 1
}
V6=::1
if grep -qxF -e "[::1]:443" -e "[::]:443" -e "*:443" <<<"$(listening443)"; then
	V6=$(printf 'fd00:7e57:10::%x' $((TG_RUN_ID % 65536)))
	tg_log "[::1]:443 is taken; using $V6 on lo"
	ip -6 addr add "$V6/128" dev lo nodad && tg_on_cleanup ip -6 addr del "$V6/128" dev lo
fi

if ! start_mock_v4 MOCK_IP --listen "[$V6]:443" --chunk-delay-ms "$DELAY"; then
	fail mock-start "mock did not start (port 443 in use?)"
	tg_finish
fi
pass mock-start
REC=$TG_MOCK_RECORD
HOSTS=$(tg_hosts_file "$MOCK_IP")
HOSTS6=$(tg_hosts_file "$V6")

# tcurl ARGS...: curl through the private hosts file, trusting the test CA.
tcurl() {
	tg_with_hosts "$HOSTS" curl -sS --max-time 15 --cacert "$CA" "$@"
}
OA=(-H 'authorization: Bearer sk-test-curl' -H 'content-type: application/json')
AN=(-H 'x-api-key: sk-ant-test-curl' -H 'anthropic-version: 2023-06-01' -H 'content-type: application/json')
GE=(-H 'x-goog-api-key: AIza-test-curl' -H 'content-type: application/json')

# client SCRIPT ARGS...: run an SDK client through the hosts file; sets OUT and RC.
client() {
	tg_client "$@"
	OUT=$(tg_with_hosts "$HOSTS" "${TG_CLIENT_CMD[@]}" 2>"$TG_TMP/client.err")
	RC=$?
	[[ $RC -eq 0 || $RC -eq 3 || $RC -eq 4 ]] || OUT="$OUT (stderr: $(head -c 400 "$TG_TMP/client.err"))"
}

# j EXPR: evaluate EXPR on $OUT (see tg_json).
j() { tg_json "$OUT" "$1"; }

# check_stream NAME: OUT is a streamed client result: >= 5 text chunks spread
# over at least 1.5 chunk delays.
check_stream() {
	local n spread
	n=$(j 'j.chunk_count')
	spread=$(j 'j.spread_ms')
	assert_ge "$1-chunks" "${n:-0}" 5
	assert_ge "$1-spread" "${spread:-0}" "$MIN_SPREAD"
}

# ======================================================================
# 2. curl: every API shape
# ======================================================================

out=$(tcurl https://api.openai.com/mock/health)
assert_eq curl-health ok "$out"

# --- OpenAI chat, plain: "one two three four" -> 4 prompt, 5 completion tokens.
out=$(tcurl "${OA[@]}" https://api.openai.com/v1/chat/completions \
	-d '{"model":"gpt-4o-mini","messages":[{"role":"system","content":"be brief"},{"role":"user","content":"one two three four"}]}')
assert_eq curl-openai-chat-content "Hello from the mock OpenAI." "$(tg_json "$out" 'j.choices[0].message.content')"
assert_eq curl-openai-chat-usage "6/5/11" "$(tg_json "$out" '`${j.usage.prompt_tokens}/${j.usage.completion_tokens}/${j.usage.total_tokens}`')"
assert_eq curl-openai-chat-object "chat.completion" "$(tg_json "$out" 'j.object')"

# --- OpenAI chat, stream with include_usage; time the body.
out=$(tcurl -N -w '\nTIMES %{time_starttransfer} %{time_total}\n' "${OA[@]}" https://api.openai.com/v1/chat/completions \
	-d '{"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"one two three"}]}')
assert_contains curl-openai-stream-done "$out" $'data: [DONE]\n\n'
assert_contains curl-openai-stream-usage-chunk "$out" '"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":5,"total_tokens":8'
ndelta=$(grep -c '"delta":{"content":"' <<<"$out")
assert_ge curl-openai-stream-deltas "$ndelta" 5
read -r _ t1 t2 < <(grep '^TIMES' <<<"$out")
assert_ge curl-openai-stream-incremental "$(awk -v a="$t1" -v b="$t2" 'BEGIN{print (b-a)*1000}')" "$((5 * DELAY))"

# --- stream without include_usage: no usage anywhere.
out=$(tcurl -N "${OA[@]}" https://api.openai.com/v1/chat/completions \
	-d '{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"hi"}]}')
assert_not_contains curl-openai-stream-no-usage "$out" '"usage"'
assert_contains curl-openai-stream-no-usage-done "$out" 'data: [DONE]'

# --- Responses API.
out=$(tcurl "${OA[@]}" https://api.openai.com/v1/responses -d '{"model":"gpt-4.1","instructions":"be brief","input":"one two"}')
assert_eq curl-responses-plain "response/completed/Hello from the mock OpenAI./4/5/9" \
	"$(tg_json "$out" '[j.object, j.status, j.output[0].content[0].text, j.usage.input_tokens, j.usage.output_tokens, j.usage.total_tokens].join("/")')"
out=$(tcurl -N "${OA[@]}" https://api.openai.com/v1/responses -d '{"model":"gpt-4.1","input":[{"role":"user","content":[{"type":"input_text","text":"one two three"}]}],"stream":true}')
events=$(grep '^event: ' <<<"$out" | sed 's/^event: //' | uniq | tr '\n' ' ')
assert_eq curl-responses-stream-events "response.created response.in_progress response.output_item.added response.content_part.added response.output_text.delta response.output_text.done response.content_part.done response.output_item.done response.completed " "$events"
assert_contains curl-responses-stream-usage "$(grep -A1 '^event: response.completed' <<<"$out")" '"usage":{"input_tokens":3,'
assert_not_contains curl-responses-stream-no-done "$out" '[DONE]'

# --- Embeddings (float), legacy completions, models.
out=$(tcurl "${OA[@]}" https://api.openai.com/v1/embeddings -d '{"model":"text-embedding-3-small","input":["a b c","d e"]}')
assert_eq curl-embeddings "list/2/8/5/5" "$(tg_json "$out" '[j.object, j.data.length, j.data[0].embedding.length, j.usage.prompt_tokens, j.usage.total_tokens].join("/")')"
out=$(tcurl "${OA[@]}" https://api.openai.com/v1/completions -d '{"model":"gpt-3.5-turbo-instruct","prompt":"one two three"}')
assert_eq curl-completions "text_completion/Hello from the mock OpenAI./8" "$(tg_json "$out" '[j.object, j.choices[0].text, j.usage.total_tokens].join("/")')"
out=$(tcurl -N "${OA[@]}" https://api.openai.com/v1/completions -d '{"model":"gpt-3.5-turbo-instruct","prompt":"x","stream":true,"stream_options":{"include_usage":true}}')
assert_contains curl-completions-stream "$out" '"choices":[],"model":"gpt-3.5-turbo-instruct","system_fingerprint":null,"usage":{"prompt_tokens":1,"completion_tokens":5,"total_tokens":6}'
out=$(tcurl "${OA[@]}" https://api.openai.com/v1/models)
assert_eq curl-openai-models "list/model" "$(tg_json "$out" 'j.object + "/" + j.data[0].object')"
out=$(tcurl "${AN[@]}" https://api.anthropic.com/v1/models)
assert_eq curl-anthropic-models "false/model" "$(tg_json "$out" 'j.has_more + "/" + j.data[0].type')"

# --- Anthropic Messages.
out=$(tcurl "${AN[@]}" https://api.anthropic.com/v1/messages \
	-d '{"model":"claude-sonnet-4-20250514","max_tokens":64,"system":"be brief","messages":[{"role":"user","content":[{"type":"text","text":"one two three"}]}]}')
assert_eq curl-anthropic-plain "message/Hello from the mock Anthropic./5/5/0/0/end_turn" \
	"$(tg_json "$out" '[j.type, j.content[0].text, j.usage.input_tokens, j.usage.output_tokens, j.usage.cache_creation_input_tokens, j.usage.cache_read_input_tokens, j.stop_reason].join("/")')"
out=$(tcurl -N "${AN[@]}" https://api.anthropic.com/v1/messages \
	-d '{"model":"claude-sonnet-4-20250514","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"one two MOCK_CACHE:7:11"}]}')
events=$(grep '^event: ' <<<"$out" | sed 's/^event: //' | uniq | tr '\n' ' ')
assert_eq curl-anthropic-stream-events "message_start content_block_start ping content_block_delta ping content_block_delta content_block_stop message_delta message_stop " "$events"
assert_contains curl-anthropic-stream-start-usage "$out" '"usage":{"input_tokens":3,"cache_creation_input_tokens":7,"cache_read_input_tokens":11,"output_tokens":1'
assert_contains curl-anthropic-stream-delta-usage "$out" '"usage":{"output_tokens":5}'
out=$(tcurl "${AN[@]}" https://api.anthropic.com/v1/messages/count_tokens -d '{"model":"claude-sonnet-4-20250514","messages":[{"role":"user","content":"a b c d"}]}')
assert_eq curl-anthropic-count-tokens 4 "$(tg_json "$out" 'j.input_tokens')"

# --- Gemini.
out=$(tcurl "${GE[@]}" https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent \
	-d '{"systemInstruction":{"parts":[{"text":"be brief"}]},"contents":[{"role":"user","parts":[{"text":"one two three"}]}]}')
assert_eq curl-gemini-plain "Hello from the mock Gemini./5/5/10/STOP" \
	"$(tg_json "$out" '[j.candidates[0].content.parts[0].text, j.usageMetadata.promptTokenCount, j.usageMetadata.candidatesTokenCount, j.usageMetadata.totalTokenCount, j.candidates[0].finishReason].join("/")')"
tcurl -N "${GE[@]}" "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse" \
	-d '{"contents":[{"role":"user","parts":[{"text":"one two"}]}]}' >"$TG_TMP/gemini.sse"
ncrlf=$(grep -c $'^data: .*\r$' "$TG_TMP/gemini.sse")
assert_ge curl-gemini-sse-crlf-chunks "$ncrlf" 5
last=$(grep '^data: ' "$TG_TMP/gemini.sse" | tail -1 | sed 's/^data: //; s/\r$//')
assert_eq curl-gemini-sse-last-usage "2/5/7/STOP" \
	"$(tg_json "$last" '[j.usageMetadata.promptTokenCount, j.usageMetadata.candidatesTokenCount, j.usageMetadata.totalTokenCount, j.candidates[0].finishReason].join("/")')"
out=$(tcurl "${GE[@]}" "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent" \
	-d '{"contents":[{"role":"user","parts":[{"text":"one two"}]}]}')
assert_eq curl-gemini-stream-json-array "7/7" "$(tg_json "$out" 'j.length + "/" + j[j.length-1].usageMetadata.totalTokenCount')"

# --- Azure OpenAI and an OpenAI-compatible provider.
out=$(tcurl -H 'api-key: azure-test-key' -H 'content-type: application/json' \
	"https://$TG_AZURE_HOST/openai/deployments/my-gpt4o/chat/completions?api-version=2024-10-21" \
	-d '{"messages":[{"role":"user","content":"one two"}]}')
assert_eq curl-azure-chat "Hello from the mock Azure OpenAI./my-gpt4o/2/false" \
	"$(tg_json "$out" '[j.choices[0].message.content, j.model, j.usage.prompt_tokens, j.prompt_filter_results[0].content_filter_results.hate.filtered].join("/")')"
out=$(tcurl "${OA[@]}" https://api.mistral.ai/v1/chat/completions -d '{"model":"mistral-small-latest","messages":[{"role":"user","content":"hi"}]}')
assert_eq curl-mistral-chat "Hello from the mock Mistral." "$(tg_json "$out" 'j.choices[0].message.content')"
out=$(tcurl "${OA[@]}" https://api.groq.com/openai/v1/chat/completions -d '{"model":"llama-3.1-8b-instant","messages":[{"role":"user","content":"hi"}]}')
assert_eq curl-groq-chat "Hello from the mock Groq." "$(tg_json "$out" 'j.choices[0].message.content')"

# --- Errors, in each provider's shape.
out=$(tcurl -i "${OA[@]}" https://api.openai.com/v1/chat/completions -d '{"model":"m","messages":[{"role":"user","content":"MOCK_STATUS:429 hi"}]}')
assert_contains curl-openai-429-status "$out" "HTTP/1.1 429"
assert_contains curl-openai-429-retry-after "$out" "retry-after: 1"
body=$(tail -1 <<<"$out")
assert_eq curl-openai-429-shape "requests/rate_limit_exceeded/null" "$(tg_json "$body" '[j.error.type, j.error.code, String(j.error.param)].join("/")')"
out=$(tcurl -w '\n%{http_code}' "${AN[@]}" https://api.anthropic.com/v1/messages -d '{"model":"m","max_tokens":5,"messages":[{"role":"user","content":"MOCK_STATUS:529"}]}')
assert_eq curl-anthropic-529 "529 error/overloaded_error" "$(tail -1 <<<"$out") $(tg_json "$(head -1 <<<"$out")" 'j.type + "/" + j.error.type')"
out=$(tcurl -w '\n%{http_code}' "${GE[@]}" https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent -d '{"contents":[{"parts":[{"text":"MOCK_STATUS:503"}]}]}')
assert_eq curl-gemini-503 "503 503/UNAVAILABLE" "$(tail -1 <<<"$out") $(tg_json "$(head -1 <<<"$out")" 'j.error.code + "/" + j.error.status')"
out=$(tcurl -w '\n%{http_code}' https://api.openai.com/v1/nope)
assert_eq curl-unknown-path-404 "404 invalid_request_error" "$(tail -1 <<<"$out") $(tg_json "$(head -1 <<<"$out")" 'j.error.type')"
out=$(tcurl -w '\n%{http_code}' -H 'content-type: application/json' https://api.openai.com/v1/chat/completions -d '{}')
assert_eq curl-no-key-401 "401" "$(tail -1 <<<"$out")"
out=$(tcurl -w '\n%{http_code}' "${GE[@]/x-goog-api-key*/x-foo: 1}" https://generativelanguage.googleapis.com/v1beta/models/g:generateContent -d '{}')
assert_eq curl-gemini-no-key-401 "401 UNAUTHENTICATED" "$(tail -1 <<<"$out") $(tg_json "$(head -1 <<<"$out")" 'j.error.status')"
out=$(tcurl -w '\n%{http_code}' "${OA[@]}" https://api.openai.com/v1/chat/completions -d 'not json')
assert_eq curl-bad-json-400 "400" "$(tail -1 <<<"$out")"

# --- Hooks: MOCK_REPLY, MOCK_SLOW, MOCK_CUT.
out=$(tcurl "${OA[@]}" https://api.openai.com/v1/chat/completions -d '{"model":"m","messages":[{"role":"user","content":"x MOCK_REPLY:call me at 555-0100 MOCK_CUT"}]}')
assert_eq curl-hook-reply "call me at 555-0100 MOCK_CUT/5" "$(tg_json "$out" 'j.choices[0].message.content + "/" + j.usage.completion_tokens')"
t=$(tcurl -o /dev/null -w '%{time_starttransfer}' "${OA[@]}" https://api.openai.com/v1/chat/completions -d '{"model":"m","messages":[{"role":"user","content":"MOCK_SLOW:400"}]}')
assert_ge curl-hook-slow "$(awk -v t="$t" 'BEGIN{print t*1000}')" 400
tcurl -N "${OA[@]}" https://api.openai.com/v1/chat/completions \
	-d '{"model":"m","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"MOCK_CUT"}]}' >"$TG_TMP/cut.out" 2>"$TG_TMP/cut.err"
rc=$?
assert_ne curl-hook-cut-fails 0 "$rc"
assert_not_contains curl-hook-cut-no-done "$(cat "$TG_TMP/cut.out")" '[DONE]'
assert_contains curl-hook-cut-some-data "$(cat "$TG_TMP/cut.out")" '"content":"Hell"'

# --- IPv6 listener (names mapped to ::1, or the ULA stand-in).
out=$(tg_with_hosts "$HOSTS6" curl -sS --max-time 10 --cacert "$CA" "${OA[@]}" https://api.openai.com/v1/chat/completions -d '{"model":"m","messages":[{"role":"user","content":"ipv6 check"}]}')
assert_eq curl-ipv6 "Hello from the mock OpenAI." "$(tg_json "$out" 'j.choices[0].message.content')"

# --- The record file.
n=$(wc -l <"$REC")
assert_ge record-lines "$n" 30
line=$(grep '"ipv6 check' "$REC" | head -1)
assert_eq record-ipv6 "$V6/$V6/api.openai.com/http/1.1/TLSv1.3" "$(tg_json "$line" '[j.local_address, j.remote_address, j.sni, j.alpn, j.tls_version].join("/")')"
line=$(grep '"path":"/v1/messages"' "$REC" | grep 'MOCK_CACHE:7:11' | head -1)
assert_eq record-anthropic "POST/api.anthropic.com/sk-ant-test-curl/true/true/anthropic/$MOCK_IP" \
	"$(tg_json "$line" '[j.method, j.sni, j.headers["x-api-key"], j.body_json, j.stream, j.provider, j.local_address].join("/")')"
assert_contains record-body-verbatim "$line" '"body":"{\"model\":\"claude-sonnet-4-20250514\",\"max_tokens\":64,\"stream\":true'
line=$(grep '"body":"not json"' "$REC" | head -1)
assert_eq record-bad-json "false/400" "$(tg_json "$line" 'j.body_json + "/" + j.status')"
line=$(grep '/openai/deployments/my-gpt4o' "$REC" | head -1)
assert_eq record-azure-query "2024-10-21/tgtest.openai.azure.com/azure-test-key" "$(tg_json "$line" '[j.query["api-version"], j.sni, j.headers["api-key"]].join("/")')"
assert_not_contains record-no-health "$(cat "$REC")" '/mock/health'

# ======================================================================
# 3. SDK clients (unmodified SDKs, real hostnames, NODE_EXTRA_CA_CERTS)
# ======================================================================

MSG="please say hello now" # 4 words -> 4 input tokens

client openai-chat.mjs --message "$MSG"
assert_eq sdk-openai-chat "0 Hello from the mock OpenAI./4/5/9" "$RC $(j '[j.content, j.usage.prompt_tokens, j.usage.completion_tokens, j.usage.total_tokens].join("/")')"
client openai-chat.mjs --stream --message "$MSG" --system "two words"
assert_eq sdk-openai-chat-stream "0 Hello from the mock OpenAI./6/5/11" "$RC $(j '[j.content, j.usage.prompt_tokens, j.usage.completion_tokens, j.usage.total_tokens].join("/")')"
check_stream sdk-openai-chat-stream

client openai-responses.mjs --message "$MSG"
assert_eq sdk-openai-responses "0 Hello from the mock OpenAI./4/5/9" "$RC $(j '[j.content, j.usage.input_tokens, j.usage.output_tokens, j.usage.total_tokens].join("/")')"
client openai-responses.mjs --stream --message "$MSG"
assert_eq sdk-openai-responses-stream "0 Hello from the mock OpenAI./4/5/completed" "$RC $(j '[j.content, j.usage.input_tokens, j.usage.output_tokens, j.status].join("/")')"
check_stream sdk-openai-responses-stream

client openai-embeddings.mjs --message "$MSG" --dimensions 16
assert_eq sdk-openai-embeddings "0 16/4/4" "$RC $(j '[j.dims, j.usage.prompt_tokens, j.usage.total_tokens].join("/")')"

client anthropic-messages.mjs --message "$MSG"
assert_eq sdk-anthropic "0 Hello from the mock Anthropic./4/5" "$RC $(j '[j.content, j.usage.input_tokens, j.usage.output_tokens].join("/")')"
client anthropic-messages.mjs --stream --message "MOCK_CACHE:100:200 $MSG" --system "be brief"
assert_eq sdk-anthropic-stream "0 Hello from the mock Anthropic./7/5/100/200" "$RC $(j '[j.content, j.usage.input_tokens, j.usage.output_tokens, j.usage.cache_creation_input_tokens, j.usage.cache_read_input_tokens].join("/")')"
check_stream sdk-anthropic-stream

client gemini-generate.mjs --message "$MSG"
assert_eq sdk-gemini "0 Hello from the mock Gemini./4/5/9" "$RC $(j '[j.content, j.usage.promptTokenCount, j.usage.candidatesTokenCount, j.usage.totalTokenCount].join("/")')"
client gemini-generate.mjs --stream --message "$MSG" --system "be brief"
assert_eq sdk-gemini-stream "0 Hello from the mock Gemini./6/5/11" "$RC $(j '[j.content, j.usage.promptTokenCount, j.usage.candidatesTokenCount, j.usage.totalTokenCount].join("/")')"
check_stream sdk-gemini-stream

client langchain-chat.mjs --message "$MSG"
assert_eq sdk-langchain "0 Hello from the mock OpenAI./4/5/9" "$RC $(j '[j.content, j.usage.input_tokens, j.usage.output_tokens, j.usage.total_tokens].join("/")')"
client langchain-chat.mjs --stream --message "$MSG"
assert_eq sdk-langchain-stream "0 Hello from the mock OpenAI./4/5/9" "$RC $(j '[j.content, j.usage.input_tokens, j.usage.output_tokens, j.usage.total_tokens].join("/")')"
check_stream sdk-langchain-stream

client openai-chat.mjs --stream --azure-endpoint "https://$TG_AZURE_HOST" --deployment dep1 --message "$MSG"
assert_eq sdk-azure-stream "0 Hello from the mock Azure OpenAI./4/6" "$RC $(j '[j.content, j.usage.prompt_tokens, j.usage.completion_tokens].join("/")')"
client openai-chat.mjs --base-url https://api.deepseek.com --model deepseek-chat --message "$MSG"
assert_eq sdk-deepseek "0 Hello from the mock DeepSeek." "$RC $(j 'j.content')"

# Hooks through the SDKs.
client openai-chat.mjs --stream --message "x MOCK_REPLY:my card is 4111 1111 1111 1111"
assert_eq sdk-hook-reply-stream "0 my card is 4111 1111 1111 1111" "$RC $(j 'j.content')"
assert_eq sdk-hook-reply-split "true" "$(j 'j.chunks.every(c => c.delta.length <= 4) && j.chunks.length > 5')"
client openai-chat.mjs --message "MOCK_STATUS:429"
assert_eq sdk-openai-error "3 429/requests/rate_limit_exceeded" "$RC $(j '[j.error.status, j.error.type, j.error.code].join("/")')"
client anthropic-messages.mjs --message "MOCK_STATUS:529"
assert_eq sdk-anthropic-error "3 529/overloaded_error" "$RC $(j '[j.error.status, j.error.type].join("/")')"
client gemini-generate.mjs --message "MOCK_STATUS:429"
assert_eq sdk-gemini-error "3 429/RESOURCE_EXHAUSTED" "$RC $(j '[j.error.status, j.error.type].join("/")')"
client anthropic-messages.mjs --stream --message "MOCK_CUT"
assert_eq sdk-anthropic-cut "4 null" "$RC $(j 'String(j.error.status)')"

# IPv6 through an SDK.
tg_client openai-chat.mjs --message "ipv6 sdk"
OUT=$(tg_with_hosts "$HOSTS6" "${TG_CLIENT_CMD[@]}" 2>&1)
assert_eq sdk-ipv6 "Hello from the mock OpenAI." "$(j 'j.content')"

# Without the test CA the SDK must refuse the mock's certificate.
TG_CLIENT_CA=/dev/null client openai-chat.mjs --message "$MSG"
assert_eq sdk-untrusted-ca "4 UNABLE_TO_VERIFY_LEAF_SIGNATURE" "$RC $(j 'j.error.cause_code')"

# ======================================================================
# 4. Certificates for upstream verification failures
# ======================================================================

declare -A BAD_CODE=([evil-server]=UNABLE_TO_VERIFY_LEAF_SIGNATURE [wrongname]=ERR_TLS_CERT_ALTNAME_INVALID [expired]=CERT_HAS_EXPIRED)
for c in evil-server wrongname expired; do
	if ! start_mock_v4 bad_ip --cert "$TG_CA_DIR/$c.pem" --key "$TG_CA_DIR/$c.key"; then
		fail "badcert-$c-mock" "mock did not start"
		continue
	fi
	h=$(tg_hosts_file "$bad_ip")
	tg_with_hosts "$h" curl -sS --max-time 10 --cacert "$CA" -o /dev/null https://api.openai.com/mock/health 2>/dev/null
	assert_eq "badcert-$c-curl-rc60" 60 "$?"
	tg_client openai-chat.mjs --message "$MSG"
	OUT=$(tg_with_hosts "$h" "${TG_CLIENT_CMD[@]}" 2>&1)
	assert_eq "badcert-$c-sdk" "${BAD_CODE[$c]}" "$(j 'j.error.cause_code')"
	# (but the mock itself works: skip verification)
	out=$(tg_with_hosts "$h" curl -sS -k --max-time 10 https://api.openai.com/mock/health)
	assert_eq "badcert-$c-mock-up" ok "$out"
done

# ======================================================================
# 5. cgroup and netns helpers
# ======================================================================

tg_make_cgroup agent || fail cgroup-make "tg_make_cgroup failed"
CG=$TG_CGROUP_PATH
out=$(tg_run_in_cgroup agent cat /proc/self/cgroup)
assert_contains cgroup-membership "$out" "0::/tollgate-test.$TG_RUN_ID/agent"
tg_client openai-chat.mjs --message "$MSG"
OUT=$(tg_run_in_cgroup agent tg_with_hosts "$HOSTS" "${TG_CLIENT_CMD[@]}" 2>&1)
assert_eq cgroup-client "Hello from the mock OpenAI." "$(j 'j.content')"
# A running client is in the cgroup: MOCK_SLOW keeps it busy.
tg_client openai-chat.mjs --message "MOCK_SLOW:1500 hold on"
tg_bg slowclient tg_run_in_cgroup agent tg_with_hosts "$HOSTS" "${TG_CLIENT_CMD[@]}"
slow_pid=$TG_BG_PID
if tg_wait_until 5 grep -qx "$slow_pid" "$CG/cgroup.procs"; then
	pass cgroup-bg-pid-in-cgroup
else
	fail cgroup-bg-pid-in-cgroup "pid $slow_pid not in $CG/cgroup.procs: $(tr '\n' ' ' <"$CG/cgroup.procs")"
fi
nprocs=$(wc -l <"$CG/cgroup.procs")
assert_ge cgroup-bg-children-in-cgroup "$nprocs" 2 # timeout + node
tg_wait_until 10 tg__gone "$slow_pid"
wait "$slow_pid" 2>/dev/null
assert_eq cgroup-bg-client-ok "Hello from the mock OpenAI." "$(tg_json "$(cat "$TG_TMP/slowclient.log")" 'j.content')"

tg_make_netns agentns || fail netns-make "tg_make_netns failed"
NS=$(tg_netns_name agentns)
HOST_IP=$(tg_netns_host_ip agentns)
PEER_IP=$(tg_netns_peer_ip agentns)
assert_contains netns-exists "$(ip netns list)" "$NS"
if tg_start_mock --listen "$HOST_IP:443" --chunk-delay-ms "$DELAY"; then
	REC_NS=$TG_MOCK_RECORD
	HOSTS_NS=$(tg_hosts_file "$HOST_IP")
	# All three wrappers composed: cgroup + netns + hosts.
	tg_client openai-chat.mjs --stream --message "$MSG from the netns"
	OUT=$(tg_run_in_cgroup agent tg_in_netns agentns tg_with_hosts "$HOSTS_NS" "${TG_CLIENT_CMD[@]}" 2>&1)
	assert_eq netns-client "Hello from the mock OpenAI./7" "$(j 'j.content + "/" + j.usage.prompt_tokens')"
	check_stream netns-client-stream
	line=$(tail -1 "$REC_NS")
	assert_eq netns-record-remote "$PEER_IP/$HOST_IP/api.openai.com" "$(tg_json "$line" '[j.remote_address, j.local_address, j.sni].join("/")')"
	# Really isolated: the host's loopback mock is not reachable from the netns.
	tg_in_netns agentns tg_with_hosts "$HOSTS" curl -sS --max-time 3 --cacert "$CA" -o /dev/null https://api.openai.com/mock/health 2>/dev/null
	assert_ne netns-isolated 0 "$?"
	# The order of the wrappers does not matter.
	out=$(tg_with_hosts "$HOSTS_NS" tg_in_netns agentns tg_run_in_cgroup agent sh -c 'cat /proc/self/cgroup; getent ahostsv4 api.anthropic.com; ip -o -4 addr show')
	assert_contains netns-compose-cgroup "$out" "0::/tollgate-test.$TG_RUN_ID/agent"
	assert_contains netns-compose-hosts "$out" "$HOST_IP"
	assert_contains netns-compose-addr "$out" "$PEER_IP/30"
else
	fail netns-mock "mock on $HOST_IP:443 did not start"
fi

# ======================================================================
# 6. Cleanup: a child test that exits, and one killed by SIGTERM
# ======================================================================

cat >"$TG_TMP/child.sh" <<'EOF'
source "$1/lib.sh"
state=$2 mode=$3
tg_make_cgroup kid/deep
tg_make_netns kidns
tg_start_mock --listen "$(tg_netns_host_ip kidns):443" || exit 9
tg_bg sleeper tg_run_in_cgroup kid/deep sleep 300
sleeper=$TG_BG_PID
# Not registered anywhere: the cgroup cleanup must kill it.
sh -c 'echo $$ > "$1/cgroup.procs" && exec sleep 301' stray "$(tg_cgroup_path kid)" &
stray=$!
tg_wait_until 5 grep -qx "$stray" "$(tg_cgroup_path kid)/cgroup.procs" || exit 8
{
	echo "cgroot=$(tg_cgroup_root)"
	echo "netns=$(tg_netns_name kidns)"
	echo "hostif=${TG_NETNS_HOST_IF[kidns]}"
	echo "hostip=$(tg_netns_host_ip kidns)"
	echo "tmp=$TG_TMP"
	echo "pids='$TG_MOCK_PID $sleeper $stray'"
} >"$state.tmp"
mv "$state.tmp" "$state"
if [[ $mode == term ]]; then
	tg_bg idle sleep 60
	wait "$TG_BG_PID"
fi
exit 0
EOF

check_child_cleanup() {
	local mode=$1 state="$TG_TMP/child-$1.state" cpid
	bash "$TG_TMP/child.sh" "$TG_INTEGRATION" "$state" "$mode" >"$TG_TMP/child-$mode.log" 2>&1 &
	cpid=$!
	if ! tg_wait_until 15 test -s "$state"; then
		fail "cleanup-$mode-child" "child did not set up: $(tail -5 "$TG_TMP/child-$mode.log")"
		kill -TERM "$cpid" 2>/dev/null
		tg_kill_pid "$cpid" 10
		return
	fi
	[[ $mode == term ]] && kill -TERM "$cpid"
	if tg_wait_until 15 tg__gone "$cpid"; then pass "cleanup-$mode-child-exits"; else fail "cleanup-$mode-child-exits" "still running"; fi
	wait "$cpid" 2>/dev/null
	local cgroot netns hostif hostip tmp pids left="" p
	# shellcheck disable=SC1090
	source "$state"
	[[ -e "$cgroot" ]] && left+=" cgroup:$cgroot"
	ip netns list | awk '{print $1}' | grep -qx -- "$netns" && left+=" netns:$netns"
	ip link show "$hostif" >/dev/null 2>&1 && left+=" link:$hostif"
	ip -4 -o addr show | grep -qF " $hostip/" && left+=" addr:$hostip"
	[[ -e "$tmp" ]] && left+=" tmp:$tmp"
	for p in $pids; do
		tg__gone "$p" || left+=" pid:$p($(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null))"
	done
	assert_eq "cleanup-$mode-leaves-nothing" "" "$left"
}
check_child_cleanup exit
check_child_cleanup term

tg_finish
