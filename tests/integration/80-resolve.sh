#!/usr/bin/env bash
# 80-resolve.sh - the endpoint map follows DNS. A test DNS server (the
# daemon sees it as its only name server, through a private resolv.conf)
# answers for api.openai.com; tollgate puts the address in the endpoint map
# for at least resolve.min_ttl_s whatever the record's TTL, a governed call
# to it is intercepted, and when DNS moves to a new address both are kept
# (clients cache answers) until the floor expires.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/tollgate.sh"
tg_require_root

IP1=${TG_IP_BASE}1 IP2=${TG_IP_BASE}2 DNS=${TG_IP_BASE}53
tg_test_ca
tg_start_mock --listen "$IP1:443" --listen "$IP2:443" || { fail "mock starts" "see log"; tg_finish; }
ZONE="$TG_TMP/zone.json"
echo "{\"api.openai.com\": {\"a\": [\"$IP1\"], \"aaaa\": [], \"ttl\": 5}}" >"$ZONE"
tg_bg dns node "$TG_REPO/tests/mock/dns-server.js" --listen "$DNS:53" --zone "$ZONE" --ready-file "$TG_TMP/dns.ready"
tg_wait_until 10 test -s "$TG_TMP/dns.ready" || { fail "dns server starts" "$(cat "$TG_TMP/dns.log")"; tg_finish; }
printf 'nameserver %s\noptions timeout:1 attempts:1\n' "$DNS" >"$TG_TMP/resolv.conf"

tg_make_cgroup agents/a >/dev/null
tg_tollgate_config "$TG_TMP/tollgate.json" '{"resolve": {"enabled": true, "interval_s": 1, "min_ttl_s": 3600}}'
TG_DAEMON_RESOLV="$TG_TMP/resolv.conf" tg_start_tollgate "$TG_CONFIG" || { fail "tollgate starts" "see log"; tg_finish; }

has_ep() { tg_status "j.endpoints.some(e => e.address === '$1' && e.source === 'api.openai.com')" | grep -q true; }
if tg_wait_until 10 has_ep "$IP1"; then pass "resolved address enters the endpoint map"; else
	fail "resolved address enters the endpoint map" "$(tg_status j.endpoints)"; fi
exp=$(tg_status "j.endpoints.find(e => e.address === '$IP1').expires_in_s")
assert_ge "kept for at least min_ttl_s although the TTL is 5 s" "${exp%.*}" 3500
assert_file_contains "the daemon asked our DNS server" "$ZONE.queries" "A api.openai.com"

out=$(tg_run_in_cgroup agents/a curl -sS --max-time 10 --cacert "$TG_STATE/ca.pem" \
	-H 'Authorization: Bearer sk-test-dns-0001' --resolve "api.openai.com:443:$IP1" \
	https://api.openai.com/v1/models)
assert_contains "a call to the resolved address is intercepted" "$out" '"object":"list"'
assert_eq "and logged" openai "$(tg_reqlog_last j.provider)"

# DNS moves (CDN churn): the new address is added, the old one stays
echo "{\"api.openai.com\": {\"a\": [\"$IP2\"], \"aaaa\": [], \"ttl\": 5}}" >"$ZONE"
if tg_wait_until 10 has_ep "$IP2"; then pass "new address added after DNS changes"; else
	fail "new address added after DNS changes" "$(tg_status j.endpoints)"; fi
if has_ep "$IP1"; then pass "old address kept until its floor expires"; else
	fail "old address kept until its floor expires" "$(tg_status j.endpoints)"; fi
assert_eq "map and table agree" "$(tg_status j.endpoints.length)" "$(tg_status j.maps.endpoints)"

tg_stop_tollgate
tg_finish
