#!/usr/bin/env bash
# 65-metering.sh - spend metering, budgets (402), rate limits (429) and the
# ledger, through the real proxy with curl and the official SDKs.
#
# Exact costs per provider, plain and streamed (OpenAI, Anthropic with cache
# tokens, Gemini's cumulative stream usage, Responses, embeddings); the
# include_usage injection is invisible to the client (the same chunks, byte
# for byte apart from ids, as a direct call); a cut stream is charged from an
# estimate and marked; hierarchy (a child's spend exhausts its parent's
# budget for a sibling); per-uid and per-key budgets; the openai and
# @anthropic-ai/sdk clients get a 402 and show tollgate's message; 429 with
# Retry-After; monitor-only budgets; lowering max_tokens; fail-closed 503
# when the ledger is locked; bad budget input and a bad policy file are
# refused while the previous policy stays; the spend survives a restart.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/tollgate.sh"
tg_require_root
tg_need_clients || { fail "npm clients installed" "npm ci failed"; tg_finish; }

MOCK_IP=${TG_IP_BASE}1
tg_test_ca
tg_start_mock --listen "$MOCK_IP:443" --chunk-delay-ms 10 || { fail "mock starts" "see log"; tg_finish; }
for cg in agents/a team/a team/b rl mon low uidcg keys locked; do tg_make_cgroup "$cg" >/dev/null; done
ROOT="/$(basename "$(tg_cgroup_root)")"
POLICY="$TG_TMP/budgets.json"
cat >"$POLICY" <<JSON
{
  "version": 1,
  "budgets": [
    {"scope": "cgroup:$ROOT/mon", "limit_usd": 0, "window": "day", "mode": "monitor"}
  ],
  "rate_limits": [
    {"scope": "cgroup:$ROOT/rl", "rpm": 2}
  ]
}
JSON
tg_tollgate_config "$TG_TMP/tollgate.json" "{\"addresses\": {\"openai\": [\"$MOCK_IP\"], \"anthropic\": [\"$MOCK_IP\"], \"gemini\": [\"$MOCK_IP\"]}, \"budgets_file\": \"$POLICY\"}"
tg_start_tollgate "$TG_CONFIG" || { fail "tollgate starts" "see log"; tg_finish; }
pass "tollgate starts with a budget policy"
HOSTS=$(tg_hosts_file "$MOCK_IP")
cp "$TG_STATE/ca.pem" "$TG_TMP/tollgate-ca.pem"
chmod 0644 "$TG_TMP/tollgate-ca.pem"
CA="$TG_TMP/tollgate-ca.pem"
TG=("$TOLLGATE_BIN" --config "$TG_CONFIG")

# curl_in CGROUP ARGS...: curl in a governed cgroup, through tollgate
curl_in() {
	local cg=$1
	shift
	tg_run_in_cgroup "$cg" tg_with_hosts "$HOSTS" curl -sS --max-time 15 --cacert "$CA" "$@"
}
openai() { # openai CGROUP BODY [curl args]: POST /v1/chat/completions
	local cg=$1 body=$2
	shift 2
	curl_in "$cg" -H 'Authorization: Bearer sk-test-meter-0001' -H 'Content-Type: application/json' \
		-d "$body" "$@" https://api.openai.com/v1/chat/completions
}
last() { tg_reqlog_last "$1"; }

# --- exact costs, per provider -------------------------------------------------
openai agents/a '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hello tollgate"}]}' >/dev/null
assert_eq "openai plain: usage 2 in / 5 out" "2/5/false" "$(last '`${j.usage.input_tokens}/${j.usage.output_tokens}/${j.usage.estimated}`')"
assert_eq "openai plain: cost 2*0.15 + 5*0.60 per 1M = \$0.0000033" "0.0000033" "$(last 'j.cost_usd.toFixed(7)')"
assert_eq "openai plain: operation and model logged" "chat gpt-4o-mini gpt-4o-mini" "$(last '`${j.operation} ${j.model} ${j.response_model}`')"

openai agents/a '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hello tollgate MOCK_CACHE:0:2"}]}' >/dev/null
# 3 prompt tokens of which 2 cached: 1*0.15 + 2*0.075 + 5*0.6 = 3.3
assert_eq "openai cached tokens are part of prompt_tokens (not charged twice)" "3/2/0.0000033" \
	"$(last '`${j.usage.input_tokens}/${j.usage.cached_input_tokens}/${j.cost_usd.toFixed(7)}`')"

# streamed without include_usage: tollgate asks for it and hides it
STREAM='{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"hello tollgate"}]}'
openai agents/a "$STREAM" -N >"$TG_TMP/via.sse"
curl -sS --max-time 10 --cacert "$TG_CA_DIR/ca.pem" --resolve "api.openai.com:443:$MOCK_IP" \
	-H 'Authorization: Bearer sk-test-meter-0001' -H 'Content-Type: application/json' -d "$STREAM" -N \
	https://api.openai.com/v1/chat/completions >"$TG_TMP/direct.sse"
norm() { sed -E 's/"id":"[^"]*"/"id":"X"/; s/"created":[0-9]+/"created":0/' "$1"; }
assert_eq "include_usage injection is invisible: the same stream, byte for byte (ids aside)" \
	"$(norm "$TG_TMP/direct.sse" | md5sum)" "$(norm "$TG_TMP/via.sse" | md5sum)"
assert_eq "... the same number of chunks" "$(grep -c '^data: ' "$TG_TMP/direct.sse")" "$(grep -c '^data: ' "$TG_TMP/via.sse")"
assert_not_contains "... no usage field reaches the client" "$(cat "$TG_TMP/via.sse")" '"usage"'
rec=$(grep '"stream\\":true' "$TG_MOCK_RECORD" | tail -n 2 | head -n 1)
assert_eq "upstream was asked for stream_options.include_usage" true "$(tg_json "$rec" 'JSON.parse(j.body).stream_options.include_usage')"
line=$(tg_reqlog_lines | grep '"stream":true' | tail -n 1)
assert_eq "streamed call is metered, not logged at \$0" "2/5/false/0.0000033" \
	"$(tg_json "$line" '`${j.usage.input_tokens}/${j.usage.output_tokens}/${j.usage.estimated}/${j.cost_usd.toFixed(7)}`')"

out=$(tg_run_in_cgroup agents/a tg_with_hosts "$HOSTS" env NODE_EXTRA_CA_CERTS="$CA" \
	node "$TG_CLIENTS/openai-chat.mjs" --stream --no-include-usage --message "hello tollgate")
direct=$(tg_with_hosts "$HOSTS" env NODE_EXTRA_CA_CERTS="$TG_CA_DIR/ca.pem" \
	node "$TG_CLIENTS/openai-chat.mjs" --stream --no-include-usage --message "hello tollgate")
assert_eq "openai SDK stream without include_usage: same content, same chunk count, no usage as direct" \
	"$(tg_json "$direct" '`${j.content}|${j.events}|${j.usage}`')" "$(tg_json "$out" '`${j.content}|${j.events}|${j.usage}`')"
out=$(tg_run_in_cgroup agents/a tg_with_hosts "$HOSTS" env NODE_EXTRA_CA_CERTS="$CA" \
	node "$TG_CLIENTS/openai-chat.mjs" --stream --message "hello tollgate")
assert_eq "openai SDK stream that asked for usage still gets it" 7 "$(tg_json "$out" 'j.usage.total_tokens')"

curl_in agents/a -N -H 'x-api-key: sk-ant-meter-0001' -H 'anthropic-version: 2023-06-01' -H 'Content-Type: application/json' \
	-d '{"model":"claude-sonnet-4-20250514","max_tokens":100,"stream":true,"messages":[{"role":"user","content":"hi there MOCK_CACHE:10:20"}]}' \
	https://api.anthropic.com/v1/messages >/dev/null
# 3 plain*3 + 10 written*3.75 + 20 read*0.30 + 5 out*15 = 127.5 per 1M
assert_eq "anthropic stream: cache tokens counted separately, cost \$0.0001275" "33/10/20/5/0.0001275" \
	"$(last '`${j.usage.input_tokens}/${j.usage.cache_write_tokens}/${j.usage.cached_input_tokens}/${j.usage.output_tokens}/${j.cost_usd.toFixed(7)}`')"

curl_in agents/a -N -H 'x-goog-api-key: gm-meter-0001' -H 'Content-Type: application/json' \
	-d '{"contents":[{"role":"user","parts":[{"text":"hi"}]}]}' \
	'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse' >/dev/null
# cumulative usage in 7 chunks: the last counts: 1 in * 0.10 + 5 out * 0.40 = 2.1
assert_eq "gemini stream: the last cumulative usage, not a sum: \$0.0000021" "1/5/0.0000021" \
	"$(last '`${j.usage.input_tokens}/${j.usage.output_tokens}/${j.cost_usd.toFixed(7)}`')"

out=$(tg_run_in_cgroup agents/a tg_with_hosts "$HOSTS" env NODE_EXTRA_CA_CERTS="$CA" \
	node "$TG_CLIENTS/openai-responses.mjs" --stream --message "hello tollgate")
# gpt-4.1-mini: 2*0.40 + 5*1.60 = 8.8
assert_eq "responses stream (SDK): \$0.0000088" "responses/0.0000088" "$(last '`${j.operation}/${j.cost_usd.toFixed(7)}`')"

curl_in agents/a -H 'Authorization: Bearer sk-test-meter-0001' -H 'Content-Type: application/json' \
	-d '{"model":"text-embedding-3-small","input":"a b c"}' https://api.openai.com/v1/embeddings >/dev/null
assert_eq "embeddings: 3 tokens * 0.02 per 1M" "embeddings/3/0.00000006" "$(last '`${j.operation}/${j.usage.input_tokens}/${j.cost_usd.toFixed(8)}`')"

openai agents/a '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hello MOCK_MODEL:gpt-4o-2024-08-06"}]}' >/dev/null
assert_eq "priced by the model the provider ran (gpt-4o): 2*2.5 + 5*10" "gpt-4o-2024-08-06/0.0000550" \
	"$(last '`${j.response_model}/${j.cost_usd.toFixed(7)}`')"

openai agents/a '{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"MOCK_CUT MOCK_REPLY:one two three four five six seven eight"}]}' -N >/dev/null 2>&1
tg_wait_until 5 sh -c "tail -n 1 '$TG_STATE/requests.log' | grep -q MOCK_CUT_NEVER || tail -n 1 '$TG_STATE/requests.log' | grep -q '\"estimated\":true'"
assert_eq "a cut stream is charged from an estimate, marked estimated, never \$0" "true/true" \
	"$(last '`${j.usage.estimated}/${j.cost_usd > 0}`')"

openai agents/a '{"model":"gpt-9-unknown","messages":[{"role":"user","content":"hello tollgate"}]}' >/dev/null
assert_eq "an unknown model is charged the fallback price (2*15 + 5*75)" "0.0004050" "$(last 'j.cost_usd.toFixed(7)')"
assert_file_contains "... and recorded as an unpriced_model event" "$TG_STATE/events.log" '"type":"unpriced_model"'

# prices import from LiteLLM's format, in force at once
cat >"$TG_TMP/litellm.json" <<'JSON'
{"sample_spec": {"input_cost_per_token": 0},
 "my-custom-model": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1e-06,
   "output_cost_per_token": 2e-06, "max_output_tokens": 4096},
 "dall-e-3": {"litellm_provider": "openai", "mode": "image_generation", "output_cost_per_image": 0.04}}
JSON
out=$("${TG[@]}" prices import "$TG_TMP/litellm.json" 2>&1)
assert_contains "prices import: LiteLLM's file read" "$out" "imported 1 prices"
assert_contains "prices show: the imported row" "$("${TG[@]}" prices show my-custom-model)" "LiteLLM"
openai agents/a '{"model":"my-custom-model","messages":[{"role":"user","content":"hello tollgate"}]}' >/dev/null
assert_eq "an imported price applies at once (2*1 + 5*2)" "0.0000120" "$(last 'j.cost_usd.toFixed(7)')"
assert_file_contains "the import is audited" "$TG_STATE/audit.log" '"action":"prices.import"'
assert_contains "prices show: a dated snapshot finds its base row" "$("${TG[@]}" prices show claude-sonnet-4-20250514 --provider anthropic)" "claude-sonnet-4 "

# --- budgets: hierarchy, 402 in the provider's shape, SDKs -----------------------
"${TG[@]}" budget set "cgroup:$ROOT/team" 0.002 --window day >"$TG_TMP/set.out" 2>&1
assert_eq "budget set succeeds" 0 "$?"
assert_contains "budget list shows it" "$("${TG[@]}" budget list)" "cgroup:$ROOT/team"
n=0
for i in $(seq 1 40); do
	code=$(openai team/a '{"model":"gpt-4o","max_tokens":20,"messages":[{"role":"user","content":"hello team"}]}' -o "$TG_TMP/team.out" -w '%{http_code}')
	[[ $code == 200 ]] || break
	n=$((n + 1))
done
assert_eq "team/a spends until its parent's budget refuses with 402" 402 "$code"
assert_ge "team/a made some calls first" "$n" 5
body=$(cat "$TG_TMP/team.out")
assert_contains "402 body is OpenAI's error shape" "$(tg_json "$body" 'j.error.type')" "tollgate_budget_exceeded"
assert_contains "402 names the scope" "$(tg_json "$body" 'j.error.message')" "budget cgroup:$ROOT/team window=day exceeded"
assert_contains "402 names the limit" "$(tg_json "$body" 'j.error.message')" 'limit $0.002'
assert_contains "402 says when the window resets" "$(tg_json "$body" 'j.error.message')" "resets at"
code=$(openai team/b '{"model":"gpt-4o","max_tokens":20,"messages":[{"role":"user","content":"hello team"}]}' -o /dev/null -w '%{http_code}')
assert_eq "hierarchy: team/a's spend exhausted the budget for sibling team/b" 402 "$code"
before=$(wc -l <"$TG_MOCK_RECORD")
out=$(tg_run_in_cgroup team/b tg_with_hosts "$HOSTS" env NODE_EXTRA_CA_CERTS="$CA" node "$TG_CLIENTS/openai-chat.mjs" --message hi)
assert_eq "openai SDK: the call fails with HTTP 402" "false/402" "$(tg_json "$out" '`${j.ok}/${j.error.status}`')"
assert_contains "openai SDK: its error shows tollgate's message" "$(tg_json "$out" 'j.error.message')" "budget cgroup:$ROOT/team window=day exceeded"
out=$(tg_run_in_cgroup team/b tg_with_hosts "$HOSTS" env NODE_EXTRA_CA_CERTS="$CA" node "$TG_CLIENTS/anthropic-messages.mjs" --message hi)
assert_eq "anthropic SDK: the call fails with HTTP 402" "false/402" "$(tg_json "$out" '`${j.ok}/${j.error.status}`')"
assert_contains "anthropic SDK: its error shows tollgate's message" "$(tg_json "$out" 'j.error.message')" "budget cgroup:$ROOT/team window=day exceeded"
assert_eq "refused calls never reached the provider" "$before" "$(wc -l <"$TG_MOCK_RECORD")"
spent=$("${TG[@]}" budget list --json)
assert_eq "the ledger never records more than the cap" true "$(tg_json "$spent" "j.budgets.find(b => b.scope === 'cgroup:$ROOT/team').spent_usd <= 0.002")"
assert_file_contains "budget refusals are policy events" "$TG_STATE/events.log" '"type":"budget"'

# per uid: a process of uid 4242 against uid:4242
"${TG[@]}" budget set uid:4242 0 --window month >/dev/null
code=$(tg_run_in_cgroup uidcg tg_with_hosts "$HOSTS" setpriv --reuid=4242 --regid=4242 --clear-groups \
	curl -sS --max-time 10 --cacert "$CA" -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer sk-test-meter-0001' \
	-H 'Content-Type: application/json' -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}' \
	https://api.openai.com/v1/chat/completions)
assert_eq "per-uid budget: uid 4242 gets 402" 402 "$code"
assert_contains "per-uid budget: named in the message" "$(last 'j.error')" "budget uid:4242 window=month exceeded"
code=$(openai uidcg '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}' -o /dev/null -w '%{http_code}')
assert_eq "per-uid budget: root in the same cgroup is not limited" 200 "$code"

# per key: the fingerprint, never the key
curl_in keys -o /dev/null -H 'Authorization: Bearer sk-test-keyed-AAAA' -H 'Content-Type: application/json' \
	-d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}' https://api.openai.com/v1/chat/completions
fp=$(last j.key_fp)
assert_contains "the key's fingerprint ends with its last 4 characters" "$fp" "-AAAA"
"${TG[@]}" budget set "key:$fp" 0.00001 >/dev/null
code=$(curl_in keys -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer sk-test-keyed-AAAA' -H 'Content-Type: application/json' \
	-d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}' https://api.openai.com/v1/chat/completions)
assert_eq "per-key budget: that key gets 402" 402 "$code"
code=$(curl_in keys -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer sk-test-keyed-BBBB' -H 'Content-Type: application/json' \
	-d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}' https://api.openai.com/v1/chat/completions)
assert_eq "per-key budget: another key is not limited" 200 "$code"
assert_not_contains "no raw key in the ledger's budgets or the audit log" "$(cat "$TG_STATE/audit.log")" "sk-test-keyed"
assert_file_contains "budget changes are audited" "$TG_STATE/audit.log" '"action":"budget.set"'

# --- monitor-only, rate limits ------------------------------------------------------
code=$(openai mon '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}' -o /dev/null -w '%{http_code}')
assert_eq "monitor-only budget lets the call through" 200 "$code"
assert_file_contains "... and records a would-block event" "$TG_STATE/events.log" "\"type\":\"budget_monitor\""
for i in 1 2; do openai rl '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}' -o /dev/null; done
hdrs=$(openai rl '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}' -D - -o "$TG_TMP/rl.out")
assert_contains "rate limit: the third request in a minute gets 429" "$hdrs" "HTTP/1.1 429"
assert_contains "rate limit: with Retry-After" "$hdrs" "Retry-After: "
assert_contains "rate limit: in the provider's shape, naming the limit" "$(tg_json "$(cat "$TG_TMP/rl.out")" 'j.error.message')" "2 requests per minute"

# --- bad input is refused clearly; a bad policy file leaves the old one in force -------
# a cost-deciding key given twice: providers read the last copy, so it is refused
before=$(wc -l <"$TG_MOCK_RECORD")
out=$(openai agents/a '{"model":"gpt-4o-mini","max_tokens":5,"messages":[{"role":"user","content":"hi"}],"max_tokens":100000}' \
	-w '\n%{http_code}')
assert_eq "repeated max_tokens: 400" 400 "$(tail -n 1 <<<"$out")"
assert_contains "repeated max_tokens: the message names the key" "$out" 'max_tokens\" more than once'
assert_eq "repeated max_tokens: never reached the provider" "$before" "$(wc -l <"$TG_MOCK_RECORD")"
err=$("${TG[@]}" budget set cgroup:/x -5 2>&1)
assert_eq "negative limit: refused" "1" "$?"
assert_contains "negative limit: the message names the field" "$err" "limit_usd"
err=$("${TG[@]}" budget set team:/x 5 2>&1)
assert_contains "unknown scope: refused with the scopes that exist" "$err" "unknown scope"
err=$("${TG[@]}" budget set cgroup:/x five 2>&1)
assert_contains "non-numeric limit: refused" "$err" "LIMIT_USD must be a number"
resp=$(curl -sS --unix-socket "$TG_STATE/admin.sock" -X POST -d '{"scope": "host", limit_usd: }' http://tollgate/v1/budgets)
assert_contains "malformed JSON to the admin API: refused" "$resp" "not valid JSON"
cp "$POLICY" "$TG_TMP/policy.good"
echo '{"version": 1, "budgets": [{"scope": "cgroup:/a", "limit_usd": "lots"}]}' >"$POLICY"
tg_wait_until 5 grep -q "budget policy not reloaded" "$TG_DAEMON_LOG"
assert_file_contains "the file watcher refuses an invalid policy file, keeping the previous one" "$TG_DAEMON_LOG" "the previous one stays in force"
err=$("${TG[@]}" budget reload 2>&1)
assert_contains "invalid policy file: reload refused, naming the entry" "$err" 'budgets[0]'
assert_contains "... and the key" "$err" "limit_usd"
assert_contains "the previous policy stays in force" "$("${TG[@]}" budget list)" "cgroup:$ROOT/mon"

# live change: lower max_tokens instead of refusing
cat >"$POLICY" <<JSON
{"version": 1, "on_exceed": "lower_max_tokens", "min_output_tokens": 16,
 "budgets": [{"scope": "cgroup:$ROOT/low", "limit_usd": 0.0001}],
 "rate_limits": [{"scope": "cgroup:$ROOT/rl", "rpm": 2}]}
JSON
tg_wait_until 5 sh -c "'$TOLLGATE_BIN' --config '$TG_CONFIG' budget list | grep -q '$ROOT/low'"
assert_contains "a changed policy file applies without a restart" "$("${TG[@]}" budget list)" "cgroup:$ROOT/low"
code=$(openai low '{"model":"gpt-4o-mini","max_tokens":100000,"messages":[{"role":"user","content":"hi"}]}' -o /dev/null -w '%{http_code}')
assert_eq "on_exceed lower_max_tokens: the call goes through" 200 "$code"
rec=$(tail -n 1 "$TG_MOCK_RECORD")
lowered=$(tg_json "$rec" 'JSON.parse(j.body).max_tokens')
assert_eq "... with max_tokens lowered to what the budget can pay for" true "$(node -e "process.stdout.write(String($lowered >= 16 && $lowered < 200))")"
assert_file_contains "... recorded as an event" "$TG_STATE/events.log" '"type":"budget_lowered"'

# fail closed: another process holds the ledger locked. The ledger is written
# off the request path, so the first call after the lock was taken is
# admitted (nothing has failed yet), and its spend is durable at once in the
# ledger's journal although SQLite cannot be written. Once a write has been
# stuck for a while (TG_LEDGER_STUCK_MS), new calls are refused (503), and the
# first call's spend lands in SQLite when the lock is gone.
"${TG[@]}" budget set "cgroup:$ROOT/locked" 5 >/dev/null
python3 -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=5)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(4)
c.execute("ROLLBACK")' "$TG_STATE/ledger.db" "$TG_TMP/locked" &
lock_pid=$!
tg_on_cleanup tg_kill_pid "$lock_pid"
tg_wait_until 5 test -e "$TG_TMP/locked"
hdrs=$(openai locked '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}' -D - -o "$TG_TMP/locked1.out")
assert_contains "a call admitted just as the ledger got locked completes" "$hdrs" "HTTP/1.1 200"
held_trace=$(printf '%s' "$hdrs" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-tollgate-trace-id" { print $2 }')
assert_file_contains "... its settlement is in the ledger's journal" "$TG_STATE/ledger.journal" "$held_trace"
assert_eq "... so no ledger_error event says its spend is unrecorded" 0 \
	"$(grep '"type":"ledger_error"' "$TG_STATE/events.log" | grep -c "\"trace_id\":\"$held_trace\"")"
sleep 0.5 # past TG_LEDGER_STUCK_MS (250 ms) with the commit still waiting for the lock
hdrs=$(openai locked '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}' -D - -o "$TG_TMP/locked.out")
assert_contains "ledger cannot be written: the next call gets 503 (fail closed)" "$hdrs" "HTTP/1.1 503"
assert_contains "... saying why" "$(cat "$TG_TMP/locked.out")" "spend ledger cannot be written"
wait "$lock_pid" 2>/dev/null
locked_calls() { tg_json "$("${TG[@]}" spend --by cgroup --json)" "j.rows.filter(r => r.key === '$ROOT/locked').reduce((s, r) => s + r.calls, 0)"; }
locked_settled() { [ "$(locked_calls)" = 1 ]; }
tg_wait_until 10 locked_settled
assert_eq "once the lock is gone, the held call's spend is in the ledger" 1 "$(locked_calls)"
code=$(openai locked '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}' -o /dev/null -w '%{http_code}')
assert_eq "... and calls go through again" 200 "$code"

# --- spend rollups; restart keeps the spend ------------------------------------------
s1=$("${TG[@]}" spend --by cgroup --json)
assert_eq "spend --by cgroup: team/a's row" true "$(tg_json "$s1" "j.rows.some(r => r.key === '$ROOT/team/a' && r.cost_usd > 0)")"
total1=$(tg_json "$s1" 'j.rows.reduce((s, r) => s + r.cost_nusd, 0)')
assert_contains "spend (text) shows the total" "$("${TG[@]}" spend --by provider)" "anthropic"
cp "$TG_TMP/policy.good" "$POLICY" # back to refusing (not lowering) over-budget calls
tg_stop_tollgate
tg_start_tollgate "$TG_CONFIG" || { fail "tollgate restarts" "see log"; tg_finish; }
s2=$("${TG[@]}" spend --by cgroup --json)
assert_eq "restart keeps the spend" "$total1" "$(tg_json "$s2" 'j.rows.reduce((s, r) => s + r.cost_nusd, 0)')"
code=$(openai team/b '{"model":"gpt-4o","max_tokens":20,"messages":[{"role":"user","content":"hello team"}]}' -o /dev/null -w '%{http_code}')
assert_eq "restart keeps the budget and its spend: still 402" 402 "$code"
"${TG[@]}" budget rm "cgroup:$ROOT/team" >/dev/null
assert_eq "budget rm" 0 "$?"
code=$(openai team/b '{"model":"gpt-4o-mini","max_tokens":20,"messages":[{"role":"user","content":"hello"}]}' -o /dev/null -w '%{http_code}')
assert_eq "after budget rm the call goes through" 200 "$code"
assert_eq "ledger and state files are root-only" "600 600" "$(stat -c %a "$TG_STATE/ledger.db" "$TG_STATE/audit.log" | tr '\n' ' ' | sed 's/ $//')"
tg_stop_tollgate
tg_finish
