#!/usr/bin/env bash
# testca.sh DIR - make the test PKI for tollgate's integration tests (openssl CLI).
#
# Everything is written into DIR (created if missing; existing files replaced).
# Keys are ECDSA P-256, unencrypted, mode 0600.
#
#   ca.pem, ca.key              "tollgate test root CA": the CA the mock
#                               provider's certificate chains to. Give it to
#                               clients (NODE_EXTRA_CA_CERTS, curl --cacert)
#                               and to tollgate as its upstream CA file.
#   server.pem, server.key      leaf from ca.pem for every provider hostname:
#                               api.openai.com, api.anthropic.com,
#                               generativelanguage.googleapis.com,
#                               *.openai.azure.com, api.mistral.ai,
#                               api.groq.com, api.deepseek.com, api.x.ai,
#                               openrouter.ai, api.together.xyz,
#                               api.fireworks.ai
#   wrongname.pem, wrongname.key  leaf from ca.pem for wrong.example.com only
#                               (trusted chain, wrong name)
#   expired.pem, expired.key    leaf from ca.pem for every provider hostname,
#                               valid only in January 2020 (trusted, expired)
#   evil-ca.pem, evil-ca.key    a second, untrusted root ("evil test CA")
#   evil-server.pem, evil-server.key  leaf from evil-ca.pem for every provider
#                               hostname (right names, untrusted chain)
#   hostnames.txt               the provider hostnames, one a line (the Azure
#                               wildcard as written in the certificate)
#
# Usage: bash tests/integration/testca.sh DIR      (takes well under a second)
set -euo pipefail

if [[ $# -ne 1 ]]; then
	echo "usage: $0 DIR" >&2
	exit 2
fi
dir=$1
mkdir -p "$dir"
umask 077

HOSTS=(
	api.openai.com
	api.anthropic.com
	generativelanguage.googleapis.com
	'*.openai.azure.com'
	api.mistral.ai
	api.groq.com
	api.deepseek.com
	api.x.ai
	openrouter.ai
	api.together.xyz
	api.fireworks.ai
)

work=$(mktemp -d "$dir/.work.XXXXXX")
trap 'rm -rf "$work"' EXIT

san_list() {
	local out="" h
	for h in "$@"; do out+="${out:+,}DNS:$h"; done
	printf '%s' "$out"
}

newkey() {
	openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null
}

# make_ca NAME CN
make_ca() {
	local name=$1 cn=$2
	newkey "$dir/$name.key"
	cat >"$work/$name.ext" <<-EOF
		basicConstraints = critical, CA:TRUE
		keyUsage = critical, keyCertSign, cRLSign
		subjectKeyIdentifier = hash
	EOF
	openssl req -new -key "$dir/$name.key" -subj "/O=tollgate tests/CN=$cn" -out "$work/$name.csr"
	openssl x509 -req -in "$work/$name.csr" -signkey "$dir/$name.key" -days 3650 \
		-sha256 -extfile "$work/$name.ext" -set_serial "0x$(openssl rand -hex 16)" \
		-out "$dir/$name.pem" 2>/dev/null
}

# leaf_ext FILE SAN...
leaf_ext() {
	local f=$1
	shift
	cat >"$f" <<-EOF
		basicConstraints = critical, CA:FALSE
		keyUsage = critical, digitalSignature, keyEncipherment
		extendedKeyUsage = serverAuth
		subjectKeyIdentifier = hash
		authorityKeyIdentifier = keyid
		subjectAltName = $(san_list "$@")
	EOF
}

# make_leaf NAME CA CN SAN...
make_leaf() {
	local name=$1 ca=$2 cn=$3
	shift 3
	newkey "$dir/$name.key"
	leaf_ext "$work/$name.ext" "$@"
	openssl req -new -key "$dir/$name.key" -subj "/O=tollgate tests/CN=$cn" -out "$work/$name.csr"
	openssl x509 -req -in "$work/$name.csr" -CA "$dir/$ca.pem" -CAkey "$dir/$ca.key" \
		-set_serial "0x$(openssl rand -hex 16)" -days 825 -sha256 \
		-extfile "$work/$name.ext" -out "$dir/$name.pem" 2>/dev/null
}

# make_expired NAME CA CN SAN...: like make_leaf, valid 2020-01-01..2020-02-01.
# (openssl x509 in 3.0 cannot back-date; "openssl ca" can.)
make_expired() {
	local name=$1 ca=$2 cn=$3
	shift 3
	newkey "$dir/$name.key"
	leaf_ext "$work/$name.ext" "$@"
	openssl req -new -key "$dir/$name.key" -subj "/O=tollgate tests/CN=$cn" -out "$work/$name.csr"
	mkdir -p "$work/ca-db"
	: >"$work/ca-db/index.txt"
	openssl rand -hex 16 >"$work/ca-db/serial"
	cat >"$work/ca.cnf" <<-EOF
		[ ca ]
		default_ca = testca
		[ testca ]
		database = $work/ca-db/index.txt
		serial = $work/ca-db/serial
		new_certs_dir = $work/ca-db
		default_md = sha256
		policy = policy_any
		unique_subject = no
		copy_extensions = none
		[ policy_any ]
		organizationName = optional
		commonName = supplied
	EOF
	openssl ca -batch -notext -config "$work/ca.cnf" -cert "$dir/$ca.pem" -keyfile "$dir/$ca.key" \
		-startdate 20200101000000Z -enddate 20200201000000Z -extfile "$work/$name.ext" \
		-in "$work/$name.csr" -out "$dir/$name.pem" 2>/dev/null
}

make_ca ca "tollgate test root CA"
make_ca evil-ca "evil test CA"
make_leaf server ca api.openai.com "${HOSTS[@]}"
make_leaf wrongname ca wrong.example.com wrong.example.com
make_leaf evil-server evil-ca api.openai.com "${HOSTS[@]}"
make_expired expired ca api.openai.com "${HOSTS[@]}"
printf '%s\n' "${HOSTS[@]}" >"$dir/hostnames.txt"
chmod 0644 "$dir"/*.pem "$dir/hostnames.txt"

# Self-check: the good leaf verifies, the others do not.
openssl verify -CAfile "$dir/ca.pem" -verify_hostname api.openai.com "$dir/server.pem" >/dev/null
if openssl verify -CAfile "$dir/ca.pem" "$dir/evil-server.pem" >/dev/null 2>&1; then
	echo "testca.sh: evil-server.pem unexpectedly verifies" >&2
	exit 1
fi
