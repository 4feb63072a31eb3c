#!/usr/bin/env bash
# install-deps.sh - install tollgate's Debian build, runtime and test
# dependencies. The one place that knows the package list: `make deps`,
# `make run`/`make test` (with --if-missing), .ci/run and the Vagrant
# provisioning all call it.
#
#   scripts/install-deps.sh              install everything (needs root)
#   scripts/install-deps.sh --if-missing install only if something is missing
#   scripts/install-deps.sh --check      exit 1 and list what is missing
set -euo pipefail

# Hyperscan is x86-only; elsewhere Vectorscan, its port, provides the same API (hs/hs.h, -lhs).
HS_PKG=libhyperscan-dev
[ "$(dpkg --print-architecture 2>/dev/null || echo amd64)" = amd64 ] || HS_PKG=libvectorscan-dev
BUILD_PKGS=(build-essential clang llvm bpftool libbpf-dev libelf-dev zlib1g-dev
	libssl-dev libcjson-dev libsqlite3-dev "$HS_PKG" libpcre2-dev
	libnl-3-dev libnl-route-3-dev libhiredis-dev libcurl4-openssl-dev libmimalloc-dev pkg-config)
RUNTIME_PKGS=(ca-certificates iproute2 openssl)
TEST_PKGS=(curl nodejs npm util-linux procps libclang-rt-14-dev python3)
BENCH_PKGS=(nginx wrk mitmproxy)

want=("${BUILD_PKGS[@]}" "${RUNTIME_PKGS[@]}" "${TEST_PKGS[@]}")
[ "${TOLLGATE_BENCH:-0}" = 1 ] && want+=("${BENCH_PKGS[@]}")

missing() {
	local p
	for p in "${want[@]}"; do
		# npm is not needed when a NodeSource-style nodejs already ships it
		if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
		if [ "$p" = nodejs ] && command -v node >/dev/null 2>&1; then continue; fi
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
	done
}

mode=${1:-install}
todo=$(missing)
case "$mode" in
--check)
	[ -z "$todo" ] && exit 0
	echo "missing packages: $todo" >&2
	exit 1 ;;
--if-missing)
	[ -z "$todo" ] && exit 0 ;;
install) ;;
*)
	echo "usage: $0 [--check|--if-missing]" >&2
	exit 2 ;;
esac

if [ -n "$todo" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "install-deps: these packages are missing and installing them needs root:" $todo >&2
		exit 1
	fi
	echo "install-deps: installing" $todo
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $todo
fi
