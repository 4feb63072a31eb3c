#!/usr/bin/env bash
# 30-ipv6-netns.sh - IPv6, v4-mapped addresses, and containers.
#
# (e) curl over IPv6, a dual-stack socket dialling a v4-mapped address, and
#     the openai SDK racing IPv6 and IPv4 (Happy Eyeballs) all go through
#     tollgate and see the address they dialled;
# (f) a "container" (its own network namespace joined to the host by a veth,
#     its own cgroup) is intercepted through a listener tollgate opens inside
#     that namespace, with attribution intact; a process that enters a brand
#     new namespace is governed as soon as tollgate adopts it.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/tollgate.sh"
tg_require_root
tg_need_clients || { fail "npm clients installed" "npm ci failed"; tg_finish; }

MOCK_IP=${TG_IP_BASE}1
tg_test_ca
tg_make_netns ctr || { fail "netns created" "tg_make_netns failed"; tg_finish; }
HOST_IP=$(tg_netns_host_ip ctr)
tg_start_mock --listen "$MOCK_IP:443" --listen "[::1]:443" --listen "$HOST_IP:443" ||
	{ fail "mock starts" "see log"; tg_finish; }
tg_make_cgroup agents/v6 >/dev/null
tg_make_cgroup containers/ctr >/dev/null
tg_tollgate_config "$TG_TMP/tollgate.json" \
	"{\"addresses\": {\"openai\": [\"$MOCK_IP\", \"::1\", \"$HOST_IP\"]}}"
tg_start_tollgate "$TG_CONFIG" || { fail "tollgate starts" "see log"; tg_finish; }
TG_CA="$TG_STATE/ca.pem"
KEY='Authorization: Bearer sk-test-v6-0001'
CG=/$(basename "$(tg_cgroup_root)")

# (e) IPv6
out=$(tg_run_in_cgroup agents/v6 curl -6 -sS --max-time 10 --cacert "$TG_CA" -H "$KEY" \
	--resolve 'api.openai.com:443:[::1]' -w '\n%{remote_ip} %{remote_port}' https://api.openai.com/v1/models)
assert_contains "IPv6: answer through tollgate" "$out" '"object":"list"'
assert_eq "IPv6: getpeername shows [::1]:443" "::1 443" "$(tail -n 1 <<<"$out")"
assert_eq "IPv6: logged with its cgroup" "$CG/agents/v6" "$(tg_reqlog_last j.cgroup)"

# v4-mapped destination on a dual-stack socket
out=$(tg_run_in_cgroup agents/v6 node -e '
	const tls = require("tls"), fs = require("fs");
	const s = tls.connect({ host: process.argv[2], port: 443, servername: "api.openai.com",
		ca: fs.readFileSync(process.argv[1]) }, () => {
		const peer = s.remoteAddress + " " + s.remotePort;
		s.write("GET /v1/models HTTP/1.1\r\nHost: api.openai.com\r\nAuthorization: Bearer sk-test-v6-0001\r\nConnection: close\r\n\r\n");
		let body = ""; s.on("data", (d) => body += d);
		s.on("end", () => console.log(peer + "|" + body.split("\r\n")[0]));
	});
	s.on("error", (e) => console.log("error " + e.message));' "$TG_CA" "::ffff:$MOCK_IP")
assert_eq "v4-mapped: answer through tollgate, peer as dialled" "::ffff:$MOCK_IP 443|HTTP/1.1 200 OK" "$out"
assert_eq "v4-mapped: logged" node "$(tg_reqlog_last j.comm)"

# Happy Eyeballs: the name has both an IPv6 and an IPv4 address
HOSTS=$(tg_hosts_file "$MOCK_IP")
printf '::1 api.openai.com\n' >>"$HOSTS"
before=$(tg_reqlog_lines | wc -l)
out=$(tg_run_in_cgroup agents/v6 tg_with_hosts "$HOSTS" env NODE_EXTRA_CA_CERTS="$TG_CA" \
	node "$TG_CLIENTS/openai-chat.mjs" --stream 2>"$TG_TMP/he.err")
assert_eq "Happy Eyeballs: SDK call succeeds" true "$(tg_json "$out" j.ok)"
assert_eq "Happy Eyeballs: call went through tollgate" $((before + 1)) "$(tg_reqlog_lines | wc -l)"

# (f) the container: wait until tollgate listens in its namespace
NS=$(tg_netns_name ctr)
adopted() { tg_status "j.namespaces.some(n => n.name === '$NS')" | grep -q true; }
if tg_wait_until 10 adopted; then pass "tollgate adopts the container's namespace"; else
	fail "tollgate adopts the container's namespace" "$(tg_status j.namespaces)"; fi
out=$(tg_run_in_cgroup containers/ctr tg_in_netns ctr curl -sS --max-time 10 --cacert "$TG_CA" -H "$KEY" \
	--resolve "api.openai.com:443:$HOST_IP" -w '\n%{remote_ip}' https://api.openai.com/v1/models 2>&1)
assert_contains "container: answer through tollgate" "$out" '"object":"list"'
assert_eq "container: getpeername shows the dialled address" "$HOST_IP" "$(tail -n 1 <<<"$out")"
assert_eq "container: logged with the container's cgroup" "$CG/containers/ctr" "$(tg_reqlog_last j.cgroup)"
assert_eq "container: logged with its comm" curl "$(tg_reqlog_last j.comm)"

# A brand-new namespace (unshare -n) in a governed cgroup: governed once adopted,
# and never direct before (nothing listens on 443 inside it).
tg_make_cgroup containers/fresh >/dev/null
before=$(tg_reqlog_lines | wc -l)
out=$(tg_run_in_cgroup containers/fresh unshare -n sh -c '
	ip link set lo up
	i=0
	while [ $i -lt 100 ]; do
		if curl -sS --max-time 5 --cacert "$1" -H "$2" --resolve "api.openai.com:443:$3" \
			https://api.openai.com/v1/models >/dev/null 2>&1; then echo "ok after $i"; exit 0; fi
		i=$((i + 1)); sleep 0.1
	done
	echo never' sh "$TG_CA" "$KEY" "$MOCK_IP")
assert_contains "fresh namespace: governed once tollgate adopts it" "$out" "ok after"
assert_eq "fresh namespace: the call is logged" "$CG/containers/fresh" "$(tg_reqlog_last j.cgroup)"

tg_stop_tollgate
tg_finish
