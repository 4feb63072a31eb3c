#!/usr/bin/env bash
# 60-cli.sh - the CLI without (and with) a daemon: `ca show`, `ca install`
# (inside a private mount namespace, so the host's trust store is never
# touched), `ca rotate`, `status` when nothing runs, a bad configuration.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/tollgate.sh"
tg_require_root
tg_test_ca
tg_make_cgroup agents >/dev/null
tg_tollgate_config "$TG_TMP/tollgate.json" '{}'
TG="$TOLLGATE_BIN --config $TG_CONFIG"

out=$($TG status 2>&1)
rc=$?
assert_eq "status without a daemon: exit 1" 1 "$rc"
assert_contains "status without a daemon: says so" "$out" "tollgate is not running"

out=$($TG ca show 2>&1)
assert_contains "ca show: PEM" "$out" "-----BEGIN CERTIFICATE-----"
assert_contains "ca show: constrained to provider domains" "$out" "api.openai.com"
assert_contains "ca show: no IP addresses" "$out" "no IP address"
fp1=$(grep sha256 <<<"$out")
assert_eq "ca show: key created root-only" 600 "$(stat -c %a "$TG_STATE/ca.key")"
text=$(openssl x509 -in "$TG_STATE/ca.pem" -noout -text)
assert_contains "CA: name constraints are critical" "$text" "X509v3 Name Constraints: critical"
assert_contains "CA: every IPv4 address excluded" "$text" "IP:0.0.0.0/0.0.0.0"

# ca install in a private mount namespace: the host's store stays as it was
mkdir -p "$TG_TMP/certs" "$TG_TMP/local-ca"
cp -a /etc/ssl/certs/. "$TG_TMP/certs/"
host_bundle_before=$(sha256sum /etc/ssl/certs/ca-certificates.crt | cut -d' ' -f1)
out=$(unshare -m --propagation private sh -c '
	mount --bind "$1/certs" /etc/ssl/certs && mount --bind "$1/local-ca" /usr/local/share/ca-certificates &&
	'"$TG"' ca install &&
	openssl verify -CAfile /etc/ssl/certs/ca-certificates.crt "$2" &&
	test -r /usr/local/share/ca-certificates/tollgate-ca.crt && echo INSTALLED' sh "$TG_TMP" "$TG_STATE/ca.pem" 2>&1)
assert_contains "ca install: prints NODE_EXTRA_CA_CERTS" "$out" "export NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/tollgate-ca.crt"
assert_contains "ca install: prints REQUESTS_CA_BUNDLE" "$out" "export REQUESTS_CA_BUNDLE="
assert_contains "ca install: system bundle now trusts the CA" "$out" "INSTALLED"
assert_eq "ca install: host store untouched by the test" "$host_bundle_before" \
	"$(sha256sum /etc/ssl/certs/ca-certificates.crt | cut -d' ' -f1)"

out=$($TG ca rotate 2>&1)
assert_contains "ca rotate: tells what to do next" "$out" "Restart the daemon"
assert_eq "ca rotate: old CA kept" yes "$([[ -f $TG_STATE/ca.pem.old ]] && echo yes)"
assert_ne "ca rotate: new fingerprint" "$fp1" "$($TG ca show | grep sha256)"

# bad configuration: a clear error naming the key, and nothing started
echo '{"listen": "127.0.0.1", "cgroup": "/x"}' >"$TG_TMP/bad.json"
out=$("$TOLLGATE_BIN" run --config "$TG_TMP/bad.json" 2>&1)
rc=$?
assert_eq "bad config: exit 1" 1 "$rc"
assert_contains "bad config: names the key" "$out" '"listen"'
echo '{"listen": "127.0.0.1:1", ' >"$TG_TMP/broken.json"
out=$("$TOLLGATE_BIN" run --config "$TG_TMP/broken.json" 2>&1)
assert_contains "broken JSON: says where" "$out" "line"
echo '{"typo_key": 1}' >"$TG_TMP/typo.json"
out=$("$TOLLGATE_BIN" run --config "$TG_TMP/typo.json" 2>&1)
assert_contains "unknown key: refused by name" "$out" "typo_key"
out=$("$TOLLGATE_BIN" bogus 2>&1)
assert_eq "unknown command: exit 2" 2 "$?"

tg_finish
