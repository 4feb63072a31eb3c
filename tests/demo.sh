#!/usr/bin/env bash
# demo.sh - `sudo make demo`: tollgate intercepting a small agent, with no
# internet and no API keys.
#
# Starts the local mock provider (standing in for api.openai.com and
# api.anthropic.com), tollgate governing a demo cgroup, and an "agent" in
# that cgroup that calls OpenAI and Anthropic with curl and the official
# openai SDK, plain and streamed. The agent changes nothing but trusting
# tollgate's CA. Then it shows the request log and `tollgate status`.
# Everything it starts is stopped and removed on exit.
source "$(dirname "$0")/integration/lib.sh"
source "$(dirname "$0")/integration/tollgate.sh"
tg_require_root

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

MOCK_IP=${TG_IP_BASE}1
say "starting the mock provider on $MOCK_IP:443 (certificate from a test CA)"
tg_test_ca
tg_start_mock --listen "$MOCK_IP:443" --chunk-delay-ms 120 >/dev/null || exit 1
tg_make_cgroup agents/demo-agent >/dev/null
tg_tollgate_config "$TG_TMP/tollgate.json" \
	"{\"addresses\": {\"openai\": [\"$MOCK_IP\"], \"anthropic\": [\"$MOCK_IP\"]}, \"log_level\": \"info\"}"
say "starting tollgate, governing cgroup $(tg_cgroup_root)"
tg_start_tollgate "$TG_CONFIG" || exit 1
HOSTS=$(tg_hosts_file "$MOCK_IP")
CA="$TG_STATE/ca.pem"

say "the agent (in cgroup agents/demo-agent) calls https://api.openai.com with curl"
tg_run_in_cgroup agents/demo-agent tg_with_hosts "$HOSTS" curl -sS --cacert "$CA" \
	-H 'Authorization: Bearer sk-demo-0000' -H 'Content-Type: application/json' \
	-d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hello"}]}' \
	https://api.openai.com/v1/chat/completions
echo
say "the agent streams from OpenAI with the official openai SDK (watch the chunks arrive)"
if tg_need_clients >/dev/null 2>&1; then
	tg_run_in_cgroup agents/demo-agent tg_with_hosts "$HOSTS" env NODE_EXTRA_CA_CERTS="$CA" \
		node -e '
		const OpenAI = require(process.argv[1] + "/node_modules/openai").default;
		(async () => {
			const c = new OpenAI({ apiKey: "sk-demo-0000" });
			const s = await c.chat.completions.create({ model: "gpt-4o-mini", stream: true,
				messages: [{ role: "user", content: "stream please" }] });
			for await (const ch of s) process.stdout.write(ch.choices[0]?.delta?.content || "");
			process.stdout.write("\n");
		})().catch((e) => { console.error(e.message); process.exit(1); });' "$TG_CLIENTS"
fi
say "the agent calls Anthropic"
tg_run_in_cgroup agents/demo-agent tg_with_hosts "$HOSTS" curl -sS --cacert "$CA" \
	-H 'x-api-key: sk-ant-demo-0000' -H 'anthropic-version: 2023-06-01' -H 'Content-Type: application/json' \
	-d '{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"hello"}]}' \
	https://api.anthropic.com/v1/messages
echo
say "tollgate's request log ($TG_STATE/requests.log): who called what"
tg_reqlog_lines | node -e '
	const lines = require("fs").readFileSync(0, "utf8").trim().split("\n").map(JSON.parse);
	for (const l of lines)
		console.log(`${l.time}  ${l.cgroup}  pid=${l.pid} comm=${l.comm} uid=${l.uid}  ` +
			`${l.provider} ${l.method} ${l.path} -> ${l.status}  ${l.latency_ms.toFixed(1)} ms`);'
say "redaction: the agent's prompt carries an SSN and an OpenAI key"
PROMPT='Customer 123-45-6789 says the deploy fails with key sk-proj-Qx7vB2mN9pL4kR8sT1wY6zA3cD5fG0hJ2kL4mN6p, email jane.doe@example.com'
echo "the agent sends:    $PROMPT"
tg_run_in_cgroup agents/demo-agent tg_with_hosts "$HOSTS" curl -sS --cacert "$CA" -o /dev/null \
	-H 'Authorization: Bearer sk-demo-0000' -H 'Content-Type: application/json' \
	-d "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"$PROMPT\"}]}" \
	https://api.openai.com/v1/chat/completions
printf 'the provider gets: '
tail -n 1 "$TG_MOCK_RECORD" | node -e 'console.log(JSON.parse(JSON.parse(require("fs").readFileSync(0, "utf8")).body).messages[0].content)'
say "a streamed model reply carrying PII reaches the agent redacted, values split across deltas included"
REPLY='Sure. The customer on file is SSN 078-05-1120, card 4111 1111 1111 1111, phone +1 415-555-0199.'
echo "the model says:     $REPLY"
if tg_need_clients >/dev/null 2>&1; then
	printf 'the agent sees:     '
	tg_run_in_cgroup agents/demo-agent tg_with_hosts "$HOSTS" env NODE_EXTRA_CA_CERTS="$CA" \
		node -e '
		const OpenAI = require(process.argv[1] + "/node_modules/openai").default;
		(async () => {
			const c = new OpenAI({ apiKey: "sk-demo-0000" });
			const s = await c.chat.completions.create({ model: "gpt-4o-mini", stream: true,
				messages: [{ role: "user", content: "MOCK_REPLY_HEX:" + Buffer.from(process.argv[2]).toString("hex") }] });
			for await (const ch of s) process.stdout.write(ch.choices[0]?.delta?.content || "");
			process.stdout.write("\n");
		})().catch((e) => { console.error(e.message); process.exit(1); });' "$TG_CLIENTS" "$REPLY"
fi
say "the policy events say what was found and done, never the values (tollgate events --type redact)"
sleep 0.5 # the trace store commits in small batches
"$TOLLGATE_BIN" --config "$TG_CONFIG" events --type redact --json 2>/dev/null | node -e '
	const ev = JSON.parse(require("fs").readFileSync(0, "utf8"));
	for (const e of ev.slice(-3)) console.log(`${e.type} ${e.detail.direction}: ${JSON.stringify(e.detail.entities)}`);' ||
	grep '"type":"redact"' "$TG_STATE/events.log" | tail -n 3
say "a budget: the agent's cgroup may spend \$0.0005 today (tollgate budget set)"
"$TOLLGATE_BIN" --config "$TG_CONFIG" budget set "cgroup:$(tg_cgroup_path agents/demo-agent | sed "s|^$(tg_cgroup2_mount)||")" 0.0005 --window day
say "the agent loops on gpt-4o until the budget stops it: a 402 in OpenAI's error shape, before the call leaves the host"
for i in $(seq 1 20); do
	code=$(tg_run_in_cgroup agents/demo-agent tg_with_hosts "$HOSTS" curl -sS --cacert "$CA" -o "$TG_TMP/demo-budget.json" \
		-w '%{http_code}' -H 'Authorization: Bearer sk-demo-0000' -H 'Content-Type: application/json' \
		-d '{"model":"gpt-4o","max_tokens":10,"messages":[{"role":"user","content":"one more time"}]}' \
		https://api.openai.com/v1/chat/completions)
	echo "call $i -> HTTP $code"
	[[ $code == 402 ]] && break
done
node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).error.message)' "$TG_TMP/demo-budget.json"
say "the spend rollup (tollgate spend --by cgroup), straight from the ledger"
"$TOLLGATE_BIN" --config "$TG_CONFIG" spend --by cgroup
"$TOLLGATE_BIN" --config "$TG_CONFIG" budget list
say "tollgate status"
"$TOLLGATE_BIN" --config "$TG_CONFIG" status
say "stopping tollgate: programs detach, agents' traffic goes direct again"
tg_stop_tollgate >/dev/null
echo "done"
