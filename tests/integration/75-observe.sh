#!/usr/bin/env bash
# 75-observe.sh - traces, OTLP export, the local trace store, the audit log,
# the admin socket's access control, Prometheus metrics and `tollgate top`.
#
# A call carrying a W3C traceparent is exported (to an OTLP receiver run by
# this test) as a child span of it, with the GenAI attributes; a call
# without one starts a trace; `tollgate traces` / `trace ID` / `events` find
# them; with the receiver down, spans wait in the state dir (across a daemon
# restart) and all arrive, once, when it comes back; administrative changes
# are in the audit log with the caller, and editing, deleting, swapping or
# cutting a record makes `audit --verify` fail naming it; a non-root caller
# is refused by the admin socket; /metrics parses strictly and its counters
# match the request log; `tollgate top` shows the calls.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/tollgate.sh"
tg_require_root

MOCK_IP=${TG_IP_BASE}1
OTLP_ADDR=${TG_IP_BASE}2:4318
METRICS_ADDR=${TG_IP_BASE}3:9464
RECEIVER=$TG_REPO/tests/otlp/otlp-receiver.js
PROM_PARSE=$TG_REPO/tests/otlp/prom-parse.js
SPANS=$TG_TMP/spans.jsonl
KEY=sk-test-observe-secret-0042
: >"$SPANS"

tg_test_ca
tg_start_mock --listen "$MOCK_IP:443" || { fail "mock starts" "see log"; tg_finish; }
tg_make_cgroup agents/obs >/dev/null
tg_make_cgroup agents/other >/dev/null
tg_tollgate_config "$TG_TMP/tollgate.json" "{
	\"addresses\": {\"openai\": [\"$MOCK_IP\"], \"anthropic\": [\"$MOCK_IP\"]},
	\"otlp\": {\"endpoint\": \"http://$OTLP_ADDR/\", \"headers\": {\"x-collector-token\": \"tok-123\"}, \"batch_max\": 4},
	\"metrics\": {\"listen\": \"$METRICS_ADDR\"}}"
TG="$TOLLGATE_BIN --config $TG_CONFIG"
CG="/$(basename "$(tg_cgroup_root)")/agents/obs"

RECEIVER_PID=""
start_receiver() {
	tg_bg otlp node "$RECEIVER" --listen "$OTLP_ADDR" --record "$SPANS"
	RECEIVER_PID=$TG_BG_PID
	tg_wait_until 10 grep -q "otlp receiver on" "$TG_TMP/otlp.log"
}
stop_receiver() {
	tg_kill_pid "$RECEIVER_PID" 5
	: >"$TG_TMP/otlp.log"
}
# spans_of TRACE: how many received spans belong to TRACE
spans_of() { grep -c "\"traceId\":\"$1\"" "$SPANS"; }
has_spans() { [[ $(spans_of "$1") -ge ${2:-1} ]]; }

start_receiver || { fail "otlp receiver starts" "$(cat "$TG_TMP/otlp.log")"; tg_finish; }
tg_start_tollgate "$TG_CONFIG" || { fail "tollgate starts" "see log"; tg_finish; }
pass "tollgate starts with otlp and metrics"

CHAT='{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hello observability"}]}'
# call NAME [CURL ARGS...]: a governed chat call; headers in $TG_TMP/NAME.h, body in NAME.b
call() {
	local name=$1
	shift
	tg_run_in_cgroup agents/obs curl -sS --max-time 10 --cacert "$TG_STATE/ca.pem" \
		--resolve "api.openai.com:443:$MOCK_IP" -D "$TG_TMP/$name.h" -o "$TG_TMP/$name.b" \
		-H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' "$@" \
		https://api.openai.com/v1/chat/completions
}
trace_header() { tr -d '\r' <"$TG_TMP/$1.h" | awk -F': ' 'tolower($1) == "x-tollgate-trace-id" {print $2}'; }

# ---- 1. a call carrying a traceparent continues the agent's trace --------
TRACE=4bf92f3577b34da6a3ce929d0e0e4736
PARENT=00f067aa0ba902b7
call tp -H "traceparent: 00-$TRACE-$PARENT-01" -d "$CHAT"
assert_eq "traceparent call: x-tollgate-trace-id is the agent's trace id" "$TRACE" "$(trace_header tp)"
tg_wait_until 15 has_spans "$TRACE" || fail "span exported" "no span for $TRACE at the receiver: $(tail -5 "$TG_TMP/otlp.log")"
span=$(grep "\"traceId\":\"$TRACE\"" "$SPANS" | head -1)
assert_eq "span: child of the agent's span" "$PARENT" "$(tg_json "$span" j.span.parentSpanId)"
SPAN_ID=$(tg_json "$span" j.span.spanId)
assert_eq "span: its own 16-hex span id" true "$(tg_json "$span" "/^[0-9a-f]{16}$/.test(j.span.spanId) && j.span.spanId !== '$PARENT'")"
assert_eq "span: kind CLIENT" 3 "$(tg_json "$span" j.span.kind)"
assert_eq "span: name is operation and model" "chat gpt-4o-mini" "$(tg_json "$span" j.span.name)"
assert_eq "span: gen_ai.operation.name" chat "$(tg_json "$span" 'j.attrs["gen_ai.operation.name"]')"
assert_eq "span: gen_ai.provider.name" openai "$(tg_json "$span" 'j.attrs["gen_ai.provider.name"]')"
assert_eq "span: gen_ai.system" openai "$(tg_json "$span" 'j.attrs["gen_ai.system"]')"
assert_eq "span: gen_ai.request.model" gpt-4o-mini "$(tg_json "$span" 'j.attrs["gen_ai.request.model"]')"
assert_eq "span: gen_ai.response.model" true "$(tg_json "$span" 'j.attrs["gen_ai.response.model"].startsWith("gpt-4o-mini")')"
assert_ge "span: gen_ai.usage.input_tokens" "$(tg_json "$span" 'j.attrs["gen_ai.usage.input_tokens"]')" 1
assert_ge "span: gen_ai.usage.output_tokens" "$(tg_json "$span" 'j.attrs["gen_ai.usage.output_tokens"]')" 1
assert_eq "span: gen_ai.response.finish_reasons" '["stop"]' "$(tg_json "$span" 'j.attrs["gen_ai.response.finish_reasons"]')"
assert_eq "span: server.address" api.openai.com "$(tg_json "$span" 'j.attrs["server.address"]')"
assert_eq "span: server.port" 443 "$(tg_json "$span" 'j.attrs["server.port"]')"
assert_eq "span: http.response.status_code" 200 "$(tg_json "$span" 'j.attrs["http.response.status_code"]')"
assert_eq "span: tollgate.cgroup" "$CG" "$(tg_json "$span" 'j.attrs["tollgate.cgroup"]')"
assert_eq "span: tollgate.comm" curl "$(tg_json "$span" 'j.attrs["tollgate.comm"]')"
assert_ge "span: tollgate.pid" "$(tg_json "$span" 'j.attrs["tollgate.pid"]')" 2
assert_eq "span: tollgate.uid" 0 "$(tg_json "$span" 'j.attrs["tollgate.uid"]')"
assert_eq "span: tollgate.key_fp is a fingerprint (last 4: 0042)" true \
	"$(tg_json "$span" '/^[0-9a-f]{8}-0042$/.test(j.attrs["tollgate.key_fp"])')"
assert_eq "span: tollgate.cost_usd present" true "$(tg_json "$span" 'typeof j.attrs["tollgate.cost_usd"] === "number"')"
assert_eq "span: no error status" true "$(tg_json "$span" '!j.span.status.code')"
assert_eq "resource: service.name" tollgate "$(tg_json "$span" 'j.resource["service.name"]')"
assert_eq "exporter sends the configured headers" tok-123 "$(tg_json "$span" 'j.headers["x-collector-token"]')"

# ---- 2. a call without a traceparent starts a trace ------------------------
call fresh -d "$CHAT"
NEW_TRACE=$(trace_header fresh)
assert_eq "no traceparent: a new 32-hex trace id" true \
	"$([[ $NEW_TRACE =~ ^[0-9a-f]{32}$ && $NEW_TRACE != "$TRACE" ]] && echo true)"
tg_wait_until 15 has_spans "$NEW_TRACE" || fail "new trace exported" "no span for $NEW_TRACE"
span=$(grep "\"traceId\":\"$NEW_TRACE\"" "$SPANS" | head -1)
assert_eq "new trace: the span is a root (no parent)" true "$(tg_json "$span" '!("parentSpanId" in j.span)')"
call bad -H "traceparent: 00-00000000000000000000000000000000-$PARENT-01" -d "$CHAT"
assert_ne "an all-zero (invalid) traceparent is not continued" 00000000000000000000000000000000 "$(trace_header bad)"

# ---- 3. the local store: traces, trace ID, events ---------------------------
# (the store writes spans in batches, a fraction of a second after the calls)
BAD_TRACE=$(trace_header bad)
tg_wait_until 10 bash -c "$TG traces --json | grep -q $NEW_TRACE && $TG traces --json | grep -q $BAD_TRACE"
out=$($TG traces --json)
assert_ge "traces: the calls are listed" "$(tg_json "$out" 'j.length')" 3
assert_eq "traces: the traceparent call with its parent" "$PARENT" \
	"$(tg_json "$out" "j.find(s => s.trace_id === '$TRACE').parent_span_id")"
assert_eq "traces --cgroup (a parent cgroup) finds them" 3 \
	"$($TG traces --json --cgroup "$(dirname "$CG")" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0)).length)')"
assert_eq "traces --cgroup (another cgroup) finds none (yet)" 0 \
	"$($TG traces --json --cgroup "/$(basename "$(tg_cgroup_root)")/agents/other" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0)).length)')"
assert_eq "traces --since 1h finds them; a future --since none" "3 0" \
	"$($TG traces --json --since 1h | node -e 'console.log(JSON.parse(require("fs").readFileSync(0)).length)') $($TG traces --json --since 2099-01-01 | node -e 'console.log(JSON.parse(require("fs").readFileSync(0)).length)')"
text=$($TG traces)
assert_contains "traces: text lists the trace id" "$text" "$TRACE"
out=$($TG trace "$TRACE" --json)
assert_eq "trace ID: who (cgroup, comm)" "$CG curl" "$(tg_json "$out" 'j.spans[0].cgroup + " " + j.spans[0].comm')"
assert_eq "trace ID: what (provider, model, path)" "openai gpt-4o-mini /v1/chat/completions" \
	"$(tg_json "$out" 'j.spans[0].provider + " " + j.spans[0].model + " " + j.spans[0].path')"
text=$($TG trace "$SPAN_ID")
assert_contains "trace SPAN-ID: text shows the call" "$text" "cgroup $CG"
assert_contains "trace SPAN-ID: text shows the attributes" "$text" "gen_ai.request.model"
$TG trace 0123456789abcdef0123456789abcdef >/dev/null 2>&1
assert_eq "trace of an unknown id: exit 1" 1 "$?"
$TG trace not-an-id >/dev/null 2>&1
assert_eq "trace of a malformed id: exit 2" 2 "$?"
for f in traces.db events.log audit.log; do
	[[ -e $TG_STATE/$f ]] || touch "$TG_STATE/$f.missing"
done
assert_eq "trace store is root-only" 600 "$(stat -c %a "$TG_STATE/traces.db")"
assert_not_contains "the API key is not in the trace store" "$(strings "$TG_STATE"/traces.db* 2>/dev/null)" "$KEY"
assert_not_contains "the API key is not in the exported spans" "$(cat "$SPANS")" "$KEY"

# ---- 3b. a blocked call: its 402 names the trace; the event names the span -
OTHER="/$(basename "$(tg_cgroup_root)")/agents/other"
$TG budget set "cgroup:$OTHER" 0.000001 --window day >"$TG_TMP/budget.out" 2>&1
assert_eq "budget set for the other cgroup" 0 "$?"
tg_run_in_cgroup agents/other curl -sS --max-time 10 --cacert "$TG_STATE/ca.pem" \
	--resolve "api.openai.com:443:$MOCK_IP" -D "$TG_TMP/blocked.h" -o "$TG_TMP/blocked.b" -w '%{http_code}' \
	-H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d "$CHAT" \
	https://api.openai.com/v1/chat/completions >"$TG_TMP/blocked.code"
assert_eq "blocked call: 402" 402 "$(cat "$TG_TMP/blocked.code")"
BLOCKED_TRACE=$(trace_header blocked)
assert_eq "blocked call: the 402 body names the trace id of its header" "$BLOCKED_TRACE" \
	"$(tg_json "$(cat "$TG_TMP/blocked.b")" j.error.tollgate_trace_id)"
tg_wait_until 10 bash -c "$TG events --json --trace $BLOCKED_TRACE | grep -q span_id"
tg_wait_until 10 bash -c "$TG trace $BLOCKED_TRACE --json | grep -q '\"otlp\"'" # the span, too
ev=$($TG events --json --type budget)
assert_eq "events --type budget: the block, with the call's trace id" true \
	"$(tg_json "$ev" "j.some(e => e.trace_id === '$BLOCKED_TRACE' && e.detail.status === 402 && e.cgroup === '$OTHER')")"
BLOCKED_SPAN=$(tg_json "$ev" "j.find(e => e.trace_id === '$BLOCKED_TRACE').span_id")
tr=$($TG trace "$BLOCKED_TRACE" --json)
assert_eq "the event's span id is the blocked call's span" "$BLOCKED_SPAN" "$(tg_json "$tr" 'j.spans[0].span_id')"
assert_eq "trace ID shows the blocked call's event" budget "$(tg_json "$tr" 'j.events[0].type')"
assert_eq "the blocked span: status 402, error" "402 2" "$(tg_json "$tr" 'j.spans[0].status + " " + j.spans[0].otlp.status.code')"
assert_eq "events --type redact does not list it" false \
	"$($TG events --json --type redact | node -e "console.log(JSON.parse(require('fs').readFileSync(0)).some(e => e.trace_id === '$BLOCKED_TRACE'))")"
tg_wait_until 15 has_spans "$BLOCKED_TRACE" || fail "blocked span exported" "no span for $BLOCKED_TRACE"
span=$(grep "\"traceId\":\"$BLOCKED_TRACE\"" "$SPANS" | head -1)
assert_eq "exported blocked span carries the policy event" true \
	"$(tg_json "$span" "j.span.events.some(e => e.name === 'tollgate.budget' && e.attributes.some(a => a.key === 'tollgate.status'))")"
assert_eq "exported blocked span: error.type" true "$(tg_json "$span" 'j.attrs["error.type"] !== undefined && j.span.status.code === 2')"
text=$($TG events --type budget)
assert_contains "events: text names trace and span" "$text" "trace $BLOCKED_TRACE span $BLOCKED_SPAN"

# ---- 4. exporter outage: spans wait in the state dir, none lost -----------
stop_receiver
lines_before=$(wc -l <"$SPANS")
outage=()
for i in 1 2 3; do
	call "out$i" -d "$CHAT"
	outage+=("$(trace_header "out$i")")
done
failures() { curl -s "http://$METRICS_ADDR/metrics" | awk '/^tollgate_otlp_export_failures_total /{print $2}'; }
tg_wait_until 15 bash -c "[[ \$(curl -s http://$METRICS_ADDR/metrics | awk '/^tollgate_otlp_export_failures_total /{print \$2}') -ge 1 ]]"
assert_ge "outage: the exporter counts failed attempts" "$(failures)" 1
# a daemon restart while the collector is down: the queue is in the state dir
tg_stop_tollgate
tg_start_tollgate "$TG_CONFIG" || { fail "tollgate restarts" "see log"; tg_finish; }
for i in 4 5; do
	call "out$i" -d "$CHAT"
	outage+=("$(trace_header "out$i")")
done
assert_eq "outage: nothing reached the (down) receiver" "$lines_before" "$(wc -l <"$SPANS")"
start_receiver || fail "otlp receiver restarts" "$(cat "$TG_TMP/otlp.log")"
all_there() { for t in "${outage[@]}"; do has_spans "$t" || return 1; done; }
tg_wait_until 60 all_there
missing=0
dups=0
for t in "${outage[@]}"; do
	n=$(spans_of "$t")
	((n == 0)) && missing=$((missing + 1))
	((n > 1)) && dups=$((dups + 1))
done
assert_eq "outage: every span of the outage delivered once the receiver is back (across a restart)" 0 "$missing"
assert_eq "outage: no span delivered twice" 0 "$dups"
assert_eq "no span at all delivered twice" "$(grep -o '"spanId":"[0-9a-f]*"' "$SPANS" | sort | uniq -d | wc -l)" 0

# ---- 5. metrics: strict text format, counters match the request log -------
curl -sS "http://$METRICS_ADDR/metrics" >"$TG_TMP/metrics.txt"
if parsed=$(node "$PROM_PARSE" <"$TG_TMP/metrics.txt" 2>"$TG_TMP/prom.err"); then
	pass "metrics: the exposition parses strictly"
else
	fail "metrics: the exposition parses strictly" "$(cat "$TG_TMP/prom.err")"
fi
for fam in tollgate_requests_total tollgate_spend_usd_total tollgate_tokens_total \
	tollgate_added_latency_seconds tollgate_upstream_latency_seconds tollgate_upstream_ttfb_seconds \
	tollgate_connections tollgate_bpf_map_entries tollgate_otlp_spans_exported_total; do
	assert_eq "metrics: family $fam" true "$(tg_json "$parsed" "'$fam' in j.families")"
done
# the daemon restarted: compare with the request log lines written since
since_restart=$(tg_reqlog_lines | tail -n 2)
reqs=$(tg_json "$parsed" 'j.families.tollgate_requests_total.samples.reduce((s, x) => s + x.value, 0)')
assert_eq "metrics: requests since restart match the request log" "$(wc -l <<<"$since_restart")" "$reqs"
assert_eq "metrics: requests labelled with cgroup, key and outcome" true \
	"$(tg_json "$parsed" "j.families.tollgate_requests_total.samples.every(s => s.labels.cgroup === '$CG' && /-0042\$/.test(s.labels.key_fp) && s.labels.outcome === 'ok' && s.labels.code === '200')")"
log_cost=$(tail -n 2 "$TG_STATE/requests.log" | node -e '
	const lines = require("fs").readFileSync(0, "utf8").trim().split("\n").map(JSON.parse);
	console.log(lines.every(l => typeof l.cost_usd === "number") ? lines.reduce((s, l) => s + l.cost_usd, 0) : "no cost_usd in the request log")')
metric_cost=$(tg_json "$parsed" 'j.families.tollgate_spend_usd_total.samples.reduce((s, x) => s + x.value, 0)')
assert_eq "metrics: spend matches the request log's cost" true \
	"$(node -e 'const [a, b] = process.argv.slice(1).map(Number); console.log(Number.isFinite(a) && Math.abs(a - b) < 1e-9 && a > 0)' "$log_cost" "$metric_cost")"
assert_eq "metrics: histograms count each call" "$reqs" \
	"$(tg_json "$parsed" 'j.families.tollgate_upstream_ttfb_seconds.samples.filter(s => s.name.endsWith("_count")).reduce((s, x) => s + x.value, 0)')"
assert_eq "metrics: the spend labels name the model" true \
	"$(tg_json "$parsed" 'j.families.tollgate_spend_usd_total.samples.every(s => s.labels.model === "gpt-4o-mini" && s.labels.provider === "openai")')"
dash_missing=$(node -e '
	const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
	const fams = JSON.parse(process.argv[2]).families;
	const names = new Set(JSON.stringify(d.panels).match(/tollgate_[a-z_]+/g).map(n => n.replace(/_bucket$/, "")));
	console.log([...names].filter(n => !(n in fams)).join(" ") || "none")' "$TG_REPO/dashboards/tollgate.json" "$parsed")
assert_eq "grafana dashboard: every metric it queries is exported" none "$dash_missing"
assert_eq "metrics: anything but /metrics is 404" 404 "$(curl -s -o /dev/null -w '%{http_code}' "http://$METRICS_ADDR/")"

# ---- 6. tollgate top ----------------------------------------------------------
top=$($TG top --iterations 2 --interval 0.3)
assert_eq "top: exits 0" 0 "$?"
assert_contains "top: shows calls per second" "$top" "calls/s"
assert_contains "top: shows the cgroup" "$top" "$CG"
assert_contains "top: shows the key fingerprint" "$top" "-0042"
assert_contains "top: has a budget section" "$top" "BUDGET"

# ---- 7. audit log: administrative changes, and tampering detected --------
put_level() {
	curl -sS --unix-socket "$TG_STATE/admin.sock" -X PUT -H 'Content-Type: application/json' \
		-d "{\"level\": \"$1\"}" http://tollgate/v1/log_level
}
for level in warn debug info debug; do
	out=$(put_level "$level")
done
assert_eq "admin: log level changed" debug "$(tg_json "$out" j.level)"
out=$(curl -sS --unix-socket "$TG_STATE/admin.sock" -X PUT -d '{"level": "loud"}' http://tollgate/v1/log_level)
assert_contains "admin: a bad level is refused" "$out" "expected"
out=$($TG audit --json)
assert_eq "audit: the changes are recorded" 4 "$(tg_json "$out" 'j.filter(r => r.action === "log_level.set").length')"
LL='j.filter(r => r.action === "log_level.set")'
assert_eq "audit: with the caller's uid and comm (curl on the socket)" true \
	"$(tg_json "$out" "$LL.every(r => r.uid === 0 && r.comm === 'curl' && r.pid > 0)")"
assert_eq "audit: before and after" "warn debug" "$(tg_json "$out" "$LL[1].before + ' ' + $LL[1].after")"
assert_eq "audit: the budget change made with the CLI is there too" true \
	"$(tg_json "$out" 'j.some(r => r.action.startsWith("budget") && r.uid === 0 && r.comm === "tollgate")')"
NREC=$(tg_json "$out" j.length)
$TG audit --verify >"$TG_TMP/verify.out"
assert_eq "audit --verify: intact chain exits 0" 0 "$?"
assert_contains "audit --verify: says intact" "$(cat "$TG_TMP/verify.out")" "chain intact, $NREC records"
assert_contains "audit: the daemon logs each chain head" "$(cat "$TG_DAEMON_LOG")" "audit #$NREC: log_level.set"
assert_eq "audit log is root-only" 600 "$(stat -c %a "$TG_STATE/audit.log")"

# tamper with copies: each in a state dir of its own
tamper() { # tamper NAME SCRIPT: copy the log, run SCRIPT on it, verify
	local dir=$TG_TMP/tamper-$1
	mkdir -p "$dir/state"
	cp "$TG_STATE/audit.log" "$TG_STATE/audit.log.head" "$dir/state/"
	echo "{\"state_dir\": \"$dir/state\"}" >"$dir/config.json"
	(cd "$dir/state" && bash -c "$2")
	verify_out=$("$TOLLGATE_BIN" --config "$dir/config.json" audit --verify 2>&1)
	verify_rc=$?
}
tamper edit "sed -i '3s/\"after\":\"/\"after\":\"x/' audit.log"
assert_eq "edited record: verify fails" 1 "$verify_rc"
assert_contains "edited record: named" "$verify_out" "record #3 (line 3) was altered"
tamper rehash "node -e '
	const fs = require(\"fs\"), c = require(\"crypto\");
	const l = fs.readFileSync(\"audit.log\", \"utf8\").trim().split(\"\\n\");
	let t = l[2].replace(/\"after\":\"/, \"\\\"after\\\":\\\"x\");
	const i = t.lastIndexOf(\",\\\"hash\\\":\\\"\");
	t = t.slice(0, i) + \",\\\"hash\\\":\\\"\" + c.createHash(\"sha256\").update(t.slice(0, i)).digest(\"hex\") + \"\\\"}\";
	l[2] = t; fs.writeFileSync(\"audit.log\", l.join(\"\\n\") + \"\\n\");'"
assert_eq "edited and re-hashed record: verify fails" 1 "$verify_rc"
assert_contains "edited and re-hashed record: named" "$verify_out" "record #3 (line 3) was altered or replaced"
tamper delete "sed -i '3d' audit.log"
assert_eq "deleted record: verify fails" 1 "$verify_rc"
assert_contains "deleted record: named" "$verify_out" "record #3 was removed"
tamper swap "awk 'NR == 3 { held = \$0; next } NR == 4 { print; print held; next } { print }' audit.log >swapped && mv swapped audit.log"
assert_eq "swapped records: verify fails" 1 "$verify_rc"
assert_contains "swapped records: named" "$verify_out" "record #4 (line 3) is out of order"
tamper cut "sed -i '\$d' audit.log"
assert_eq "last record cut: verify fails" 1 "$verify_rc"
assert_contains "last record cut: named" "$verify_out" "record #$NREC was removed from the end"

# ---- 8. the admin socket refuses non-root callers -------------------------
NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
out=$("${NOBODY[@]}" $TG status 2>&1)
assert_eq "non-root: status refused (exit 1)" 1 "$?"
assert_contains "non-root: cannot reach the root-only socket" "$out" "Permission denied"
out=$("${NOBODY[@]}" $TG traces 2>&1)
assert_ne "non-root: cannot read the trace store" 0 "$?"
# even with the file permissions opened, SO_PEERCRED refuses the caller
chmod 0711 "$TG_STATE"
chmod 0666 "$TG_STATE/admin.sock"
out=$("${NOBODY[@]}" $TG status 2>&1)
rc=$?
chmod 0600 "$TG_STATE/admin.sock"
chmod 0700 "$TG_STATE"
assert_eq "non-root with an open socket: refused (exit 1)" 1 "$rc"
assert_contains "non-root with an open socket: 403 root only (SO_PEERCRED)" "$out" "403"
assert_contains "non-root with an open socket: says why" "$out" "root only"

tg_stop_tollgate
tg_finish
