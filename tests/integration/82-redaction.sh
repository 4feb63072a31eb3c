#!/usr/bin/env bash
# 82-redaction.sh - PII and secret redaction through the real proxy, with the
# official SDKs.
#
# An SSN and an OpenAI key in a chat message sent by the openai package never
# reach the provider (the mock's record shows placeholders) while the API key
# header goes upstream untouched; PII in a streamed reply, split across
# deltas, reaches the agent redacted with the SDK still parsing the stream
# (OpenAI chat and Responses, Anthropic, Gemini); pseudonyms make the round
# trip (the provider sees <EMAIL_1>, the agent its own address), streamed and
# not; the block action gives the SDK a readable 403; a malformed JSON body is
# refused, then passed after a policy reload, without a crash; a cgroup with
# redaction off next to a sibling with it on; events and logs carry entity
# types and counts, never a value or the key.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/tollgate.sh"
tg_require_root
tg_need_clients || { fail "npm clients installed" "npm ci failed"; tg_finish; }

MOCK_IP=${TG_IP_BASE}1
tg_test_ca
tg_start_mock --listen "$MOCK_IP:443" --chunk-delay-ms 5 || { fail "mock starts" "see log"; tg_finish; }
for cg in agents/on agents/off agents/strict; do tg_make_cgroup "$cg" >/dev/null; done
ROOT="/$(basename "$(tg_cgroup_root)")"
POLICY="$TG_TMP/redaction.json"
write_policy() { # write_policy MALFORMED_JSON_CHOICE
	cat >"$POLICY" <<JSON
{
  "malformed_json": "$1",
  "scopes": [
    {"scope": "cgroup:$ROOT/agents/off", "actions": {"*": "off"}},
    {"scope": "cgroup:$ROOT/agents/strict", "actions": {"SSN": "block"}}
  ]
}
JSON
}
write_policy refuse
tg_tollgate_config "$TG_TMP/tollgate.json" "{\"addresses\": {\"openai\": [\"$MOCK_IP\"], \"anthropic\": [\"$MOCK_IP\"], \"gemini\": [\"$MOCK_IP\"]}, \"redaction_policy\": \"$POLICY\"}"
tg_start_tollgate "$TG_CONFIG" || { fail "tollgate starts" "see log"; tg_finish; }
pass "tollgate starts with a redaction policy"
HOSTS=$(tg_hosts_file "$MOCK_IP")
cp "$TG_STATE/ca.pem" "$TG_TMP/tollgate-ca.pem"
chmod 0644 "$TG_TMP/tollgate-ca.pem"
CA="$TG_TMP/tollgate-ca.pem"
TG=("$TOLLGATE_BIN" --config "$TG_CONFIG")

SSN=123-45-6789
KEY=sk-proj-Qx7vB2mN9pL4kR8sT1wY6zA3cD5fG0hJ2kL4mN6pQ8rS0t
APIKEY=sk-test-redact-0000000000000000000001
EMAIL=jane.doe@example.com
PHONE="+1 415-555-0100"

# sdk CGROUP SCRIPT ARGS...: a client in a governed cgroup; output in $out, exit status in $rc
sdk() {
	local cg=$1 script=$2
	shift 2
	out=$(tg_run_in_cgroup "$cg" tg_with_hosts "$HOSTS" timeout 30 \
		env NODE_EXTRA_CA_CERTS="$CA" node "$TG_CLIENTS/$script" "$@" 2>"$TG_TMP/sdk.err")
	rc=$?
}
last_body() { tail -n 1 "$TG_MOCK_RECORD" | node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0)).body)'; }
last_auth() { tail -n 1 "$TG_MOCK_RECORD" | node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0)).headers.authorization || "")'; }
records() { wc -l <"$TG_MOCK_RECORD"; }
hex() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }

# --- 1. a prompt with an SSN and a key, through the openai SDK ----------------
sdk agents/on openai-chat.mjs --api-key "$APIKEY" --message "Customer SSN is $SSN and my OpenAI key is $KEY, summarize."
assert_eq "openai SDK call with PII succeeds" 0 "$rc"
body=$(last_body)
assert_not_contains "the provider never sees the SSN" "$body" "$SSN"
assert_not_contains "the provider never sees the OpenAI key" "$body" "$KEY"
assert_contains "the provider sees [REDACTED:SSN]" "$body" "Customer SSN is [REDACTED:SSN]"
assert_contains "the provider sees [REDACTED:SECRET]" "$body" "my OpenAI key is [REDACTED:SECRET]"
assert_eq "the request body is still valid JSON" object "$(tg_json "$body" 'typeof j')"
assert_eq "the agent's API key goes upstream unchanged" "Bearer $APIKEY" "$(last_auth)"

# --- 2. the sibling cgroup with redaction off --------------------------------------
sdk agents/off openai-chat.mjs --api-key "$APIKEY" --message "Customer SSN is $SSN."
assert_eq "scope off: call succeeds" 0 "$rc"
assert_contains "scope off: the SSN goes through for agents/off" "$(last_body)" "Customer SSN is $SSN."

# --- 3. PII in a streamed reply, split across deltas --------------------------------
REPLY="Customer SSN $SSN, card 4111 1111 1111 1111, write to $EMAIL."
WANT="Customer SSN [REDACTED:SSN], card [REDACTED:CARD], write to <EMAIL_1>."
sdk agents/on openai-chat.mjs --stream --message "MOCK_REPLY_HEX:$(hex "$REPLY")"
assert_eq "openai stream: the SDK parses the stream" 0 "$rc"
assert_eq "openai stream: PII split across 4-character deltas reaches the agent redacted" "$WANT" "$(tg_json "$out" j.content)"
assert_ge "openai stream: still streamed in several chunks" "$(tg_json "$out" 'j.chunks.length')" 5
sdk agents/on openai-responses.mjs --stream --message "MOCK_REPLY_HEX:$(hex "$REPLY")"
assert_eq "Responses stream: parsed" 0 "$rc"
assert_eq "Responses stream: redacted" "$WANT" "$(tg_json "$out" j.content)"
sdk agents/on anthropic-messages.mjs --stream --message "MOCK_REPLY_HEX:$(hex "$REPLY")"
assert_eq "Anthropic stream: parsed" 0 "$rc"
assert_eq "Anthropic stream: redacted" "$WANT" "$(tg_json "$out" j.content)"
sdk agents/on gemini-generate.mjs --stream --message "MOCK_REPLY_HEX:$(hex "$REPLY")"
assert_eq "Gemini stream: parsed" 0 "$rc"
assert_eq "Gemini stream: redacted" "$WANT" "$(tg_json "$out" j.content)"
sdk agents/on openai-chat.mjs --message "MOCK_REPLY_HEX:$(hex "$REPLY")"
assert_eq "plain JSON reply: redacted" "$WANT" "$(tg_json "$out" j.content)"

# --- 4. pseudonyms: the provider sees placeholders, the agent its own values -------
sdk agents/on openai-chat.mjs --message "MOCK_REPLY:Noted, I will write to $EMAIL and call $PHONE."
assert_eq "pseudonym round trip: call succeeds" 0 "$rc"
assert_contains "the provider sees <EMAIL_1> and <PHONE_1>" "$(last_body)" "write to <EMAIL_1> and call <PHONE_1>."
assert_not_contains "the provider never sees the e-mail" "$(last_body)" "$EMAIL"
assert_eq "the agent gets its own values back" "Noted, I will write to $EMAIL and call $PHONE." "$(tg_json "$out" j.content)"
sdk agents/on anthropic-messages.mjs --stream --message "MOCK_REPLY:Noted, I will write to $EMAIL and call $PHONE."
assert_eq "pseudonym round trip, streamed (Anthropic)" "Noted, I will write to $EMAIL and call $PHONE." "$(tg_json "$out" j.content)"

# --- 5. block: a readable SDK error, nothing sent -----------------------------------
before=$(records)
sdk agents/strict openai-chat.mjs --message "My SSN is $SSN."
assert_eq "block: the SDK gets an HTTP error" 3 "$rc"
assert_eq "block: status 403" 403 "$(tg_json "$out" j.error.status)"
assert_contains "block: the message names the entity type" "$(tg_json "$out" j.error.message)" "contain SSN"
assert_not_contains "block: ... never the value" "$out" "$SSN"
assert_eq "block: the provider got nothing" "$before" "$(records)"
sdk agents/strict anthropic-messages.mjs --message "My SSN is $SSN."
assert_eq "block: the Anthropic SDK sees 403 too" 403 "$(tg_json "$out" j.error.status)"

# --- 6. malformed JSON: refused, then passed after a reload ------------------------
curl_in() {
	tg_run_in_cgroup agents/on tg_with_hosts "$HOSTS" curl -sS --max-time 15 --cacert "$CA" \
		-H "Authorization: Bearer $APIKEY" -H 'Content-Type: application/json' "$@"
}
before=$(records)
res=$(curl_in -w '\n%{http_code}' -d '{"model": "gpt-4o", "messages": [{"role": "user", "content": "SSN '"$SSN"'"' \
	https://api.openai.com/v1/chat/completions)
assert_eq "malformed JSON: refused with 400" 400 "$(tail -n 1 <<<"$res")"
assert_contains "malformed JSON: in OpenAI's error shape, saying why" "$(head -n 1 <<<"$res")" '"message":"tollgate: the request body is not valid JSON'
assert_eq "malformed JSON: not forwarded" "$before" "$(records)"
write_policy pass
"${TG[@]}" redaction reload >"$TG_TMP/reload.out" 2>&1
assert_eq "tollgate redaction reload" 0 $?
curl_in -o /dev/null -d '{"model": "gpt-4o", "broken' https://api.openai.com/v1/chat/completions
assert_eq "malformed JSON: passed as it is under malformed_json: pass" '{"model": "gpt-4o", "broken' "$(last_body)"
"${TG[@]}" audit --json >"$TG_TMP/audit.json" 2>&1
assert_contains "the reload is in the audit log" "$(cat "$TG_TMP/audit.json")" "redaction.reload"
echo '{"actions": {"EMAIL": "sparkle"}}' >"$POLICY"
"${TG[@]}" redaction reload >"$TG_TMP/reload.out" 2>&1
assert_eq "a bad policy is refused on reload" 1 $?
assert_contains "... with the file and the key named" "$(cat "$TG_TMP/reload.out")" '"EMAIL": unknown action "sparkle"'
sdk agents/strict openai-chat.mjs --message "My SSN is $SSN."
assert_eq "... and the policy in force stays (strict still blocks)" 403 "$(tg_json "$out" j.error.status)"

# --- 7. the CLI: status and test ------------------------------------------------------
st=$("${TG[@]}" redaction status --json)
assert_ge "status: requests changed counted" "$(tg_json "$st" j.counters.requests_changed)" 3
assert_ge "status: SSNs found in requests counted" "$(tg_json "$st" j.counters.found_in_requests.SSN)" 1
t=$("${TG[@]}" redaction test "card 4111-1111-1111-1111 for $EMAIL" 2>/dev/null)
assert_eq "redaction test shows what a text becomes" "card [REDACTED:CARD] for <EMAIL_1>" "$t"

# --- 8. logs and events: types and counts, never values or keys -------------------
ev="$TG_STATE/events.log"
tg_wait_until 5 grep -q '"type":"redact"' "$ev"
assert_file_contains "events: a redact event with the SSN count" "$ev" '"SSN":{"count":1,"action":"redact"}'
assert_file_contains "events: a block event" "$ev" '"type":"block"'
assert_file_contains "events: response-side redactions" "$ev" '"direction":"response"'
for v in "$SSN" "$KEY" "$EMAIL" "4111 1111 1111 1111" "$APIKEY" "415-555-0100"; do
	assert_eq "no log has the value ${v:0:12}...: events.log, requests.log" 0 \
		"$(cat "$ev" "$TG_STATE/requests.log" | grep -cF -- "$v")"
done
assert_contains "the request log counts redactions by type" "$(grep -F '"SECRET"' "$TG_STATE/requests.log" | head -n 1)" '"redactions":{'

tg_stop_tollgate
tg_finish
