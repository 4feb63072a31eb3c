#!/usr/bin/env bash
# 83-gemini-stream.sh - Gemini's streamGenerateContent without alt=sse (one
# JSON array that streams in element by element) through the real proxy,
# with curl.
#
# PII split across array elements reaches the client redacted and the output
# is still a valid JSON array, compact and in Gemini's pretty-printed layout;
# the elements flow: the first one reaches the client while the mock still
# holds back the rest (it waits for a file the test makes only afterwards);
# a blocked value ends the array with an error element the client can read;
# metering reads the array as it passes: exact usage and cost, and a stream
# cut short is charged from an estimate that counts the text that came.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/tollgate.sh"
tg_require_root

MOCK_IP=${TG_IP_BASE}1
tg_test_ca
tg_start_mock --listen "$MOCK_IP:443" --chunk-delay-ms 5 || { fail "mock starts" "see log"; tg_finish; }
for cg in agents/on agents/strict; do tg_make_cgroup "$cg" >/dev/null; done
ROOT="/$(basename "$(tg_cgroup_root)")"
POLICY="$TG_TMP/redaction.json"
cat >"$POLICY" <<JSON
{"scopes": [{"scope": "cgroup:$ROOT/agents/strict", "actions": {"SSN": "block"}}]}
JSON
tg_tollgate_config "$TG_TMP/tollgate.json" "{\"addresses\": {\"gemini\": [\"$MOCK_IP\"]}, \"redaction_policy\": \"$POLICY\"}"
tg_start_tollgate "$TG_CONFIG" || { fail "tollgate starts" "see log"; tg_finish; }
HOSTS=$(tg_hosts_file "$MOCK_IP")
cp "$TG_STATE/ca.pem" "$TG_TMP/tollgate-ca.pem"
chmod 0644 "$TG_TMP/tollgate-ca.pem"
CA="$TG_TMP/tollgate-ca.pem"
URL=https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent
APIKEY=AIzaSyTestKey-gemini-array-0000000000001

SSN=123-45-6789
EMAIL=jane.doe@example.com
REPLY="Customer SSN $SSN, card 4111 1111 1111 1111, write to $EMAIL."
WANT="Customer SSN [REDACTED:SSN], card [REDACTED:CARD], write to <EMAIL_1>."
hex() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }

# body PROMPT: a generateContent request body
body() { node -e 'process.stdout.write(JSON.stringify({contents: [{role: "user", parts: [{text: process.argv[1]}]}]}))' "$1"; }
# curl_gemini CGROUP OUT PROMPT: stream the answer (no alt=sse) into OUT; curl's status
curl_gemini() {
	tg_run_in_cgroup "$1" tg_with_hosts "$HOSTS" curl -sS -N --max-time 40 --cacert "$CA" \
		-H "x-goog-api-key: $APIKEY" -H 'Content-Type: application/json' -d "$(body "$3")" "$URL" -o "$2"
}
# read_array FILE: "elements|text|error message" of the JSON array in FILE, or "INVALID"
read_array() {
	node -e '
		let a;
		try { a = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); } catch (e) { a = null; }
		if (!Array.isArray(a)) { process.stdout.write("INVALID"); process.exit(0); }
		const text = a.map((e) => ((((e.candidates || [])[0] || {}).content || {}).parts || []).map((p) => p.text || "").join("")).join("");
		const err = a.filter((e) => e.error).map((e) => `${e.error.code} ${e.error.message}`).join(";");
		process.stdout.write(`${a.length}|${text}|${err}`);
	' "$1"
}
words() { wc -w <<<"$1" | tr -d ' '; }

# --- 1. PII split across array elements -------------------------------------------
curl_gemini agents/on "$TG_TMP/a.json" "MOCK_REPLY_HEX:$(hex "$REPLY")"
assert_eq "curl gets the array stream through tollgate" 0 $?
r=$(read_array "$TG_TMP/a.json")
assert_ne "the output is a valid JSON array" INVALID "$r"
assert_eq "PII split across 4-character elements reaches the client redacted" "$WANT" "$(cut -d'|' -f2 <<<"$r")"
assert_ge "... still one element per delta" "$(cut -d'|' -f1 <<<"$r")" 15
for v in "$SSN" "$EMAIL" "4111 1111"; do
	assert_eq "... the value ${v:0:9}... is nowhere in it" 0 "$(grep -cF -- "$v" "$TG_TMP/a.json")"
done
curl_gemini agents/on "$TG_TMP/p.json" "MOCK_PRETTY MOCK_REPLY_HEX:$(hex "$REPLY")"
r=$(read_array "$TG_TMP/p.json")
assert_eq "Gemini's pretty-printed layout: redacted, still a valid array" "$WANT" "$(cut -d'|' -f2 <<<"$r")"
assert_eq "... with its layout kept (elements separated by CR LF , CR LF)" 1 \
	"$(grep -c $'^,\r$' "$TG_TMP/p.json" | awk '{print ($1 >= 10)}')"

# --- 2. metering reads the array as it passes --------------------------------------
line=$(tg_reqlog_lines | tail -n 1)
prompt_words=$(words "MOCK_PRETTY MOCK_REPLY_HEX:$(hex "$REPLY")")
assert_eq "metered from the array's last usage: input/output tokens, not estimated" \
	"$prompt_words/$(words "$REPLY")/false" \
	"$(tg_json "$line" '`${j.usage.input_tokens}/${j.usage.output_tokens}/${j.usage.estimated}`')"
assert_eq "... with a cost, operation and model" "true generate_content gemini-2.0-flash" \
	"$(tg_json "$line" '`${j.cost_usd > 0} ${j.operation} ${j.model}`')"
curl_gemini agents/on "$TG_TMP/cut.json" "MOCK_CUT MOCK_REPLY:one two three four five six seven eight nine ten eleven twelve"
assert_ne "a stream cut mid-way fails in curl" 0 $?
tg_wait_until 5 sh -c "tail -n 1 '$TG_STATE/requests.log' | grep -q '\"estimated\":true'"
line=$(tg_reqlog_lines | tail -n 1)
assert_eq "a cut array stream is charged from an estimate, marked estimated" true "$(tg_json "$line" 'j.usage.estimated')"
assert_ge "... that counts the output that came before the cut" "$(tg_json "$line" 'j.usage.output_tokens')" 2

# --- 3. elements flow: the first one arrives while the rest is held upstream -------
GATE="$TG_TMP/gate"
tg_bg gated tg_run_in_cgroup agents/on tg_with_hosts "$HOSTS" curl -sS -N --max-time 60 --cacert "$CA" \
	-H "x-goog-api-key: $APIKEY" -H 'Content-Type: application/json' \
	-d "$(body "MOCK_GATE:$GATE MOCK_REPLY:Hey, the rest comes only once the gate is open.")" "$URL" -o "$TG_TMP/g.json"
gated=$TG_BG_PID
# first_whole: what the client has so far is the array's first element, complete ("[{...}" + "]" parses)
first_whole() {
	node -e '
		const s = require("fs").readFileSync(process.argv[1], "utf8");
		const a = JSON.parse(s + "]");
		process.exit(a.length === 1 && a[0].candidates[0].content.parts[0].text === "Hey," ? 0 : 1);
	' "$TG_TMP/g.json" 2>/dev/null
}
if tg_wait_until 20 first_whole; then
	pass "the first element reaches the client, whole, while the mock still holds back the rest"
else
	fail "the first element reaches the client, whole, while the mock still holds back the rest" \
		"got: $(head -c 300 "$TG_TMP/g.json" 2>/dev/null)"
fi
assert_eq "... and nothing after it has come (the gate is still shut)" 0 "$(grep -c 'gate' "$TG_TMP/g.json")"
touch "$GATE"
tg_wait_until 20 tg__gone "$gated"
assert_eq "once the gate opens the rest follows: a valid array with all the text" \
	"Hey, the rest comes only once the gate is open." "$(read_array "$TG_TMP/g.json" | cut -d'|' -f2)"

# --- 4. a blocked value ends the array with an error element -----------------------
curl_gemini agents/strict "$TG_TMP/b.json" "MOCK_REPLY_HEX:$(hex "Your number is $SSN and more text follows here.")"
r=$(read_array "$TG_TMP/b.json")
assert_ne "block: the output is still a valid JSON array" INVALID "$r"
assert_contains "block: its last element is an error naming the type" "$(cut -d'|' -f3 <<<"$r")" \
	"403 tollgate: the redaction policy blocks responses that contain SSN"
assert_eq "block: the value is not in it" 0 "$(grep -cF -- "$SSN" "$TG_TMP/b.json")"
assert_not_contains "block: nothing after the value went on" "$(cut -d'|' -f2 <<<"$r")" "follows"

tg_stop_tollgate
tg_finish
