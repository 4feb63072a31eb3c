#!/usr/bin/env bash
# 66-budget-concurrency.sh - 50 concurrent clients against a small cgroup
# budget, through the real proxy: the ledger never records more than the
# cap, every call admitted is charged exactly, refused calls never reach the
# provider, and a 402 comes only once the budget is actually used up (the
# settled spend plus the call's worst case is over the limit); while other
# calls' reservations hold the rest, the answer is a retryable 429.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/tollgate.sh"
tg_require_root

MOCK_IP=${TG_IP_BASE}1
tg_test_ca
tg_start_mock --listen "$MOCK_IP:443" --chunk-delay-ms 5 || { fail "mock starts" "see log"; tg_finish; }
tg_make_cgroup swarm/workers >/dev/null
ROOT="/$(basename "$(tg_cgroup_root)")"
tg_tollgate_config "$TG_TMP/tollgate.json" "{\"addresses\": {\"openai\": [\"$MOCK_IP\"]}}"
tg_start_tollgate "$TG_CONFIG" || { fail "tollgate starts" "see log"; tg_finish; }
HOSTS=$(tg_hosts_file "$MOCK_IP")
LIMIT=0.005
"$TOLLGATE_BIN" --config "$TG_CONFIG" budget set "cgroup:$ROOT/swarm" "$LIMIT" --window day >/dev/null
assert_eq "budget set" 0 "$?"
before=$(wc -l <"$TG_MOCK_RECORD")

# gpt-4o, "hello tollgate" (2 words in), the mock's 5-word reply: 2*2.5 + 5*10 = $0.000055 a call
out=$(tg_run_in_cgroup swarm/workers tg_with_hosts "$HOSTS" env NODE_EXTRA_CA_CERTS="$TG_STATE/ca.pem" \
	timeout 100 node "$TG_CLIENTS/meter-load.mjs" --clients 50 --loop --model gpt-4o --max-tokens 10 --max-calls 80)
echo "# $out" >&2
ok=$(tg_json "$out" 'j.codes["200"] || 0')
assert_eq "no connection errors" 0 "$(tg_json "$out" 'j.errors')"
assert_eq "every one of the 50 clients ended with a 402" 50 "$(tg_json "$out" 'j.final.filter(s => s === 402).length')"
assert_ge "calls went through before the budget ran out" "$ok" 50
spend=$("$TOLLGATE_BIN" --config "$TG_CONFIG" spend --by cgroup --json)
total=$(tg_json "$spend" "j.rows.filter(r => r.key.startsWith('$ROOT/swarm')).reduce((s, r) => s + r.cost_nusd, 0)")
calls=$(tg_json "$spend" "j.rows.filter(r => r.key.startsWith('$ROOT/swarm')).reduce((s, r) => s + r.calls, 0)")
assert_eq "the ledger never records more than the cap (nano-USD)" true "$(node -e "process.stdout.write(String($total <= $LIMIT * 1e9))")"
assert_eq "every admitted call is in the ledger" "$ok" "$calls"
assert_eq "every admitted call is charged exactly \$0.000055" "$((ok * 55000))" "$total"
assert_eq "refused calls never reached the provider" "$((before + ok))" "$(wc -l <"$TG_MOCK_RECORD")"
# a 402 only when the settled spend plus the call's worst case is over the limit
refusals=$(grep '"type":"budget"' "$TG_STATE/events.log" | grep '"status":402' | wc -l)
assert_ge "402s were recorded as events" "$refusals" 50
bad=$(grep '"type":"budget"' "$TG_STATE/events.log" | grep '"status":402' | node -e '
	const lines = require("fs").readFileSync(0, "utf8").trim().split("\n").map(JSON.parse);
	process.stdout.write(String(lines.filter(l => !(l.detail.spent_usd + l.detail.needed_usd > l.detail.limit_usd + 1e-12)).length));')
assert_eq "each 402 came when the budget was actually used up" 0 "$bad"
needed=$(grep '"type":"budget"' "$TG_STATE/events.log" | tail -n 1 | node -e 'process.stdout.write(String(JSON.parse(require("fs").readFileSync(0, "utf8")).detail.needed_usd * 1e9))')
assert_eq "at the end, what is left is less than one call's worst case" true \
	"$(node -e "process.stdout.write(String($LIMIT * 1e9 - $total < $needed))")"
st=$("$TOLLGATE_BIN" --config "$TG_CONFIG" budget list --json)
assert_eq "nothing is left reserved once the calls are over" "0/0" "$(tg_json "$st" 'j.budgets.map(b => `${b.reserved_usd}/${b.in_flight}`)[0]')"
tg_stop_tollgate
tg_finish
