# shellcheck shell=bash disable=SC2016,SC2034,SC2015
# lib.sh - the harness every tollgate integration test sources:
#
#     source "$(dirname "$0")/lib.sh"
#
# It gives a test: PASS/FAIL reporting and assertions; a per-test temp dir;
# the test PKI (testca.sh) and the mock provider (tests/mock/mock-provider.js);
# test cgroups (cgroup v2), network namespaces joined to the host by veth pairs,
# and a private /etc/hosts for a command; and one cleanup that undoes all of
# it, whatever happened.
#
# Cleanup: lib.sh installs the only EXIT trap (INT and TERM make the script
# exit, which runs it). Every resource a helper makes registers its undo step
# with tg_on_cleanup; tg_cleanup runs them newest first, each bounded in time,
# errors ignored. A test must not install its own EXIT/INT/TERM traps: use
# tg_on_cleanup CMD... instead. Set TG_KEEP_TMP=1 to keep the temp dir,
# TG_DEBUG=1 to see each cleanup step. (Bash runs the TERM trap once the
# current foreground command ends; the clients are bounded by `timeout 30`.)
# A test killed with SIGKILL cannot clean up: the next test that sources
# lib.sh removes what it left (cgroup roots, netns + veth, mocks, temp dirs
# named after a pid that is no longer running).
#
# Composing the wrappers. tg_run_in_cgroup, tg_in_netns and tg_with_hosts each
# take a command, and that command may itself start with one of the three:
#
#     tg_run_in_cgroup agent tg_in_netns ns1 tg_with_hosts "$hosts" \
#         env NODE_EXTRA_CA_CERTS="$TG_CA_DIR/ca.pem" node "$TG_CLIENTS/openai-chat.mjs"
#
# They are flattened into one exec chain, always in this order whatever the
# order written: sh writes its own pid to the cgroup's cgroup.procs and execs
# `ip netns exec NS`, which execs `unshare -m --propagation private` + sh that
# bind-mounts the hosts file over /etc/hosts and execs the command. So the
# command keeps the first process's pid (`tg_bg NAME <chain...>` returns it),
# and everything it starts stays in the cgroup. The cgroup step comes first
# because `ip netns exec` mounts a fresh /sys, which hides the cgroup2 mount
# (so code run inside a netns cannot see /sys/fs/cgroup...: give it paths
# resolved before). `ip netns exec` only replaces /etc/hosts when
# /etc/netns/NS/hosts exists, which these helpers never create. Shell
# functions other than these three cannot be the command (they are not
# executables): wrap such code in `bash -c '...'`.
#
# Helpers that make something register its cleanup, so they must run in the
# test's own shell, not in a subshell or $(...) (they refuse to): tg_bg,
# tg_start_mock, tg_make_cgroup, tg_make_netns, tg_on_cleanup.
#
# Functions (see each one's comment):
#   pass NAME | fail NAME DETAIL | skip NAME REASON | tg_finish
#   assert_eq NAME EXPECTED ACTUAL | assert_ne NAME UNEXPECTED ACTUAL
#   assert_contains NAME HAYSTACK NEEDLE | assert_not_contains NAME HAYSTACK NEEDLE
#   assert_file_contains NAME FILE NEEDLE | assert_ge NAME A B (numbers, A >= B)
#   tg_json JSON EXPR          evaluate JS expression EXPR on parsed JSON `j`
#   tg_require_root | tg_tmpdir | tg_on_cleanup CMD... | tg_cleanup
#   tg_wait_until SECONDS CMD...   poll CMD until it succeeds (bounded)
#   tg_bg NAME CMD...          start CMD in background, killed at cleanup ($TG_BG_PID)
#   tg_kill_pid PID [SECONDS]  TERM, wait (bounded), then KILL and reap
#   tg_test_ca                 make the test PKI once ($TG_CA_DIR)
#   tg_start_mock ARGS...      start the mock ($TG_MOCK_PID, $TG_MOCK_RECORD, $TG_MOCK_LOG)
#   tg_hosts_file IP [NAME...] write a hosts file mapping provider names to IP; prints path
#   tg_with_hosts HOSTSFILE CMD...
#   tg_cgroup2_mount | tg_make_cgroup REL | tg_cgroup_path REL | tg_cgroup_root
#   tg_run_in_cgroup REL CMD...
#   tg_make_netns NAME | tg_in_netns NAME CMD... | tg_netns_name NAME
#   tg_netns_host_ip NAME | tg_netns_peer_ip NAME (also _ip6 variants)
#   tg_need_clients            npm ci in tests/clients when node_modules is missing
#   tg_client SCRIPT ARGS...   the argv to run tests/clients/SCRIPT with the test CA
#                              (prints nothing; sets the array TG_CLIENT_CMD)
#
# Variables: TG_REPO (repo root), TG_CLIENTS, TG_MOCK (mock-provider.js path),
# TG_RUN_ID (the test script's pid), TG_TMP (temp dir), TG_CA_DIR,
# TG_CGROUP_PATH (last tg_make_cgroup), TG_NETNS[NAME] / TG_NETNS_HOST_IF[NAME]
# / TG_NETNS_PEER_IF[NAME] (netns and veth names), TG_PROVIDER_HOSTS (array of
# provider hostnames for hosts files; the Azure wildcard appears as
# $TG_AZURE_HOST = tgtest.openai.azure.com).

if [[ -n "${TG_LIB_LOADED:-}" ]]; then
	return 0
fi
TG_LIB_LOADED=1

set -uo pipefail

TG_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TG_INTEGRATION="$TG_REPO/tests/integration"
TG_CLIENTS="$TG_REPO/tests/clients"
TG_MOCK="$TG_REPO/tests/mock/mock-provider.js"
TG_RUN_ID=$$
TG_MAIN_PID=$BASHPID
TG_PASSES=0
TG_FAILS=0
TG_SKIPS=0
TG_CLEANUPS=()
TG_CLEANED=0
TG_CA_DIR=""
TG_CG_ROOT=""
TG_CGROUP_PATH=""
TG_AZURE_HOST=tgtest.openai.azure.com
TG_PROVIDER_HOSTS=(
	api.openai.com
	api.anthropic.com
	generativelanguage.googleapis.com
	"$TG_AZURE_HOST"
	api.mistral.ai
	api.groq.com
	api.deepseek.com
	api.x.ai
	openrouter.ai
	api.together.xyz
	api.fireworks.ai
)
declare -gA TG_NETNS=() TG_NETNS_HOST_IP=() TG_NETNS_PEER_IP=() TG_NETNS_HOST_IP6=() TG_NETNS_PEER_IP6=()
declare -gA TG_NETNS_HOST_IF=() TG_NETNS_PEER_IF=()
TG_NETNS_COUNT=0
TG_MOCK_COUNT=0
TG_BG_PID=""

tg_log() {
	echo "# $*" >&2
}

# ------------------------------------------------------------ reporting

# pass NAME
pass() {
	echo "PASS $1"
	TG_PASSES=$((TG_PASSES + 1))
}

# fail NAME DETAIL
fail() {
	local detail=${2:-}
	detail=${detail//$'\n'/ }
	echo "FAIL $1: ${detail:0:600}"
	TG_FAILS=$((TG_FAILS + 1))
}

# skip NAME REASON (counts neither way)
skip() {
	echo "SKIP $1: ${2:-}"
	TG_SKIPS=$((TG_SKIPS + 1))
}

# assert_eq NAME EXPECTED ACTUAL
assert_eq() {
	if [[ "$2" == "$3" ]]; then pass "$1"; else fail "$1" "expected [$2], got [$3]"; fi
}

# assert_ne NAME UNEXPECTED ACTUAL
assert_ne() {
	if [[ "$2" != "$3" ]]; then pass "$1"; else fail "$1" "did not expect [$2]"; fi
}

# assert_contains NAME HAYSTACK NEEDLE (fixed string)
assert_contains() {
	if [[ "$2" == *"$3"* ]]; then pass "$1"; else fail "$1" "[$3] not found in [${2:0:400}]"; fi
}

# assert_not_contains NAME HAYSTACK NEEDLE (fixed string)
assert_not_contains() {
	if [[ "$2" != *"$3"* ]]; then pass "$1"; else fail "$1" "[$3] unexpectedly found in [${2:0:400}]"; fi
}

# assert_file_contains NAME FILE NEEDLE (fixed string)
assert_file_contains() {
	if [[ ! -f "$2" ]]; then
		fail "$1" "file $2 does not exist"
	elif grep -qF -- "$3" "$2"; then
		pass "$1"
	else
		fail "$1" "[$3] not found in $2"
	fi
}

# assert_ge NAME A B: numbers (integers or decimals), passes when A >= B
assert_ge() {
	if awk -v a="$2" -v b="$3" 'BEGIN { exit !((a + 0) >= (b + 0) && a != "") }'; then
		pass "$1"
	else
		fail "$1" "expected $2 >= $3"
	fi
}

# tg_json JSON EXPR: print the value of the JavaScript expression EXPR, where
# `j` is JSON parsed. Strings print raw, other values as JSON; undefined prints
# nothing and returns 1. Examples:
#   tg_json "$out" 'j.usage.total_tokens'
#   tg_json "$out" 'j.chunks.length >= 5'
tg_json() {
	node -e '
		let j;
		try { j = JSON.parse(process.argv[1]); } catch (e) { process.stderr.write("tg_json: bad JSON\n"); process.exit(2); }
		const v = (0, eval)("(j) => (" + process.argv[2] + ")")(j);
		if (v === undefined) process.exit(1);
		process.stdout.write(typeof v === "string" ? v : JSON.stringify(v));
	' "$1" "$2"
}

# tg_finish: print the summary and exit (1 when anything failed or nothing passed).
tg_finish() {
	echo "# $(basename "$0"): $TG_PASSES passed, $TG_FAILS failed, $TG_SKIPS skipped"
	if ((TG_FAILS > 0 || TG_PASSES == 0)); then
		exit 1
	fi
	exit 0
}

tg_require_root() {
	if [[ $(id -u) -ne 0 ]]; then
		echo "SKIP $(basename "$0"): needs root"
		exit 77
	fi
}

# ------------------------------------------------------------ cleanup

# tg__main_only NAME: fail when called in a subshell (e.g. inside $(...)),
# where a registered cleanup would be lost with the subshell.
tg__main_only() {
	if [[ $BASHPID != "$TG_MAIN_PID" ]]; then
		echo "$1: must be called in the test's shell, not in a subshell or \$(...)" >&2
		return 1
	fi
}

# tg_on_cleanup CMD...: run CMD at cleanup (newest first). Main shell only.
tg_on_cleanup() {
	tg__main_only tg_on_cleanup || return 1
	local q
	printf -v q '%q ' "$@"
	TG_CLEANUPS+=("$q")
}

tg_cleanup() {
	local rc=$?
	# Only the test's own shell cleans up (not subshells), and only once.
	[[ $BASHPID == "$TG_MAIN_PID" ]] || return "$rc"
	((TG_CLEANED)) && return "$rc"
	TG_CLEANED=1
	trap '' INT TERM
	local i
	for ((i = ${#TG_CLEANUPS[@]} - 1; i >= 0; i--)); do
		[[ -n "${TG_DEBUG:-}" ]] && echo "# cleanup: ${TG_CLEANUPS[i]}" >&2
		eval "${TG_CLEANUPS[i]}" >/dev/null 2>&1 </dev/null || true
	done
	TG_CLEANUPS=()
	# A script that failed assertions but forgot tg_finish still fails.
	if ((rc == 0 && TG_FAILS > 0)); then
		exit 1
	fi
	return "$rc"
}

trap tg_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# tg_tmpdir: the per-test temp dir (created when lib.sh is sourced, removed at cleanup).
tg_tmpdir() {
	echo "$TG_TMP"
}

tg__rm_tmp() {
	if [[ -n "${TG_KEEP_TMP:-}" ]]; then
		: >"$TG_TMP/.keep"
		echo "# kept $TG_TMP" >&2
	else
		rm -rf -- "$TG_TMP"
	fi
}

TG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/tollgate-test.$TG_RUN_ID.XXXXXX")
chmod 0755 "$TG_TMP"
tg_on_cleanup tg__rm_tmp

# tg_wait_until SECONDS CMD...: run CMD every 50 ms until it succeeds; returns
# 1 when SECONDS (may be fractional) have passed without success.
tg_wait_until() {
	local secs=$1 us now deadline
	shift
	us=$(awk -v s="$secs" 'BEGIN { printf "%d", s * 1000000 }')
	now=${EPOCHREALTIME//[!0-9]/}
	deadline=$((now + us))
	while true; do
		"$@" && return 0
		now=${EPOCHREALTIME//[!0-9]/}
		((now < deadline)) || return 1
		sleep 0.05
	done
}

# tg_kill_pid PID [SECONDS]: SIGTERM, wait up to SECONDS (default 5), then
# SIGKILL; reaps the process when it is our child.
tg_kill_pid() {
	local pid=$1 secs=${2:-5}
	[[ -n "$pid" ]] || return 0
	kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }
	kill -TERM "$pid" 2>/dev/null
	if ! tg_wait_until "$secs" tg__gone "$pid"; then
		kill -KILL "$pid" 2>/dev/null
		tg_wait_until 2 tg__gone "$pid"
	fi
	wait "$pid" 2>/dev/null
	return 0
}

# gone = not running (a zombie counts as gone)
tg__gone() {
	local st
	[[ -e /proc/$1 ]] || return 0
	st=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 0
	[[ "$st" == Z || -z "$st" ]]
}

# ------------------------------------------------------------ wrapper chains

# tg__chain CMD...: flatten nested tg_run_in_cgroup / tg_in_netns /
# tg_with_hosts into the array TG__CHAIN (an exec chain). Whatever the order
# they were written in, the chain is: cgroup, then netns, then hosts (the
# cgroup step must come first: `ip netns exec` mounts a fresh /sys, which
# hides the cgroup2 mount).
tg__chain() {
	TG__CHAIN=()
	local cg_part=() ns_part=() hosts_part=()
	while (($# > 0)); do
		case $1 in
		tg_run_in_cgroup)
			(($# >= 3)) || { echo "tg_run_in_cgroup REL CMD..." >&2; return 2; }
			local cg
			cg=$(tg_cgroup_path "$2") || return 2
			[[ -d "$cg" ]] || { echo "tg_run_in_cgroup: no cgroup $2 (use tg_make_cgroup)" >&2; return 2; }
			((${#cg_part[@]} == 0)) || { echo "tg_run_in_cgroup: given twice" >&2; return 2; }
			cg_part=(sh -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' tg-cgroup "$cg")
			shift 2
			;;
		tg_in_netns)
			(($# >= 3)) || { echo "tg_in_netns NAME CMD..." >&2; return 2; }
			local ns=${TG_NETNS[$2]:-}
			[[ -n "$ns" ]] || { echo "tg_in_netns: no netns $2 (use tg_make_netns)" >&2; return 2; }
			((${#ns_part[@]} == 0)) || { echo "tg_in_netns: given twice" >&2; return 2; }
			ns_part=(ip netns exec "$ns")
			shift 2
			;;
		tg_with_hosts)
			(($# >= 3)) || { echo "tg_with_hosts HOSTSFILE CMD..." >&2; return 2; }
			[[ -f "$2" ]] || { echo "tg_with_hosts: no file $2" >&2; return 2; }
			((${#hosts_part[@]} == 0)) || { echo "tg_with_hosts: given twice" >&2; return 2; }
			hosts_part=(unshare -m --propagation private
				sh -c 'mount --bind "$1" /etc/hosts && shift && exec "$@"' tg-hosts "$(realpath "$2")")
			shift 2
			;;
		*)
			TG__CHAIN=("${cg_part[@]}" "${ns_part[@]}" "${hosts_part[@]}" "$@")
			return 0
			;;
		esac
	done
	echo "tg wrapper: no command given" >&2
	return 2
}

# tg_run_in_cgroup REL CMD...: run CMD (a child process, in the foreground)
# inside the test cgroup REL (made by tg_make_cgroup); returns CMD's status.
# (For a background command use tg_bg NAME tg_run_in_cgroup REL CMD...: with
# `tg_run_in_cgroup ... &`, $! would be a subshell's pid, not CMD's.)
tg_run_in_cgroup() {
	tg__chain tg_run_in_cgroup "$@" || return $?
	"${TG__CHAIN[@]}"
}

# tg_in_netns NAME CMD...: run CMD inside the test netns NAME (tg_make_netns).
tg_in_netns() {
	tg__chain tg_in_netns "$@" || return $?
	"${TG__CHAIN[@]}"
}

# tg_with_hosts HOSTSFILE CMD...: run CMD in a private mount namespace where
# HOSTSFILE is bind-mounted over /etc/hosts (the real file is untouched).
tg_with_hosts() {
	tg__chain tg_with_hosts "$@" || return $?
	"${TG__CHAIN[@]}"
}

# tg_bg NAME CMD...: start CMD (may start with the wrappers above) in the
# background with stdout/stderr in $TG_TMP/NAME.log; sets TG_BG_PID (the pid
# of CMD itself); killed (TERM, then KILL) at cleanup.
tg_bg() {
	tg__main_only tg_bg || return 1
	local name=$1
	shift
	tg__chain "$@" || return $?
	"${TG__CHAIN[@]}" >"$TG_TMP/$name.log" 2>&1 </dev/null &
	TG_BG_PID=$!
	tg_on_cleanup tg_kill_pid "$TG_BG_PID" 3
}

# ------------------------------------------------------------ PKI, mock, clients

# tg_test_ca: generate the test PKI once per test into $TG_TMP/ca (sets TG_CA_DIR).
# Files: see tests/integration/testca.sh (ca.pem, server.pem/key, evil-*, wrongname.*, expired.*).
tg_test_ca() {
	[[ -n "$TG_CA_DIR" && -f "$TG_CA_DIR/server.pem" ]] && return 0
	TG_CA_DIR="$TG_TMP/ca"
	bash "$TG_INTEGRATION/testca.sh" "$TG_CA_DIR" || { echo "tg_test_ca: testca.sh failed" >&2; return 1; }
}

# tg_start_mock ARGS...: start tests/mock/mock-provider.js in the background
# with ARGS (e.g. --listen 127.0.10.1:443 --listen [::1]:443). Adds, unless
# given: --cert/--key (the test CA's server cert), --record
# $TG_TMP/mock-N.jsonl, --ready-file. Waits up to 10 s for it to be ready.
# Sets TG_MOCK_PID, TG_MOCK_RECORD, TG_MOCK_LOG. Killed at cleanup.
# Returns 1 (and prints the log) if it did not come up.
tg_start_mock() {
	tg__main_only tg_start_mock || return 1
	tg_test_ca || return 1
	TG_MOCK_COUNT=$((TG_MOCK_COUNT + 1))
	local n=$TG_MOCK_COUNT args=("$@") a have_cert=0 have_record=0
	for a in "$@"; do
		[[ "$a" == --cert ]] && have_cert=1
		[[ "$a" == --record ]] && have_record=1
	done
	((have_cert)) || args+=(--cert "$TG_CA_DIR/server.pem" --key "$TG_CA_DIR/server.key")
	TG_MOCK_RECORD=""
	if ((!have_record)); then
		TG_MOCK_RECORD="$TG_TMP/mock-$n.jsonl"
		: >"$TG_MOCK_RECORD"
		args+=(--record "$TG_MOCK_RECORD")
	else
		local i
		for ((i = 0; i < ${#args[@]}; i++)); do
			[[ "${args[i]}" == --record ]] && TG_MOCK_RECORD=${args[i + 1]}
		done
	fi
	local ready="$TG_TMP/mock-$n.ready"
	TG_MOCK_LOG="$TG_TMP/mock-$n.log"
	rm -f "$ready"
	node "$TG_MOCK" "${args[@]}" --ready-file "$ready" >"$TG_MOCK_LOG" 2>&1 </dev/null &
	TG_MOCK_PID=$!
	tg_on_cleanup tg_kill_pid "$TG_MOCK_PID" 5
	if ! tg_wait_until 10 tg__mock_ready "$ready" "$TG_MOCK_PID"; then
		echo "tg_start_mock: mock did not become ready; log:" >&2
		sed 's/^/#   /' "$TG_MOCK_LOG" >&2
		return 1
	fi
	[[ -s "$ready" ]] || { sed 's/^/#   /' "$TG_MOCK_LOG" >&2; return 1; }
}

tg__mock_ready() {
	[[ -s "$1" ]] && return 0
	# Died? Stop waiting (ready stays empty).
	tg__gone "$2" && return 0
	return 1
}

# tg_hosts_file IP [NAME...]: write a hosts file mapping NAMEs (default: all of
# TG_PROVIDER_HOSTS) to IP, plus localhost; prints its path.
tg_hosts_file() {
	local ip=$1
	shift
	local names=("$@")
	((${#names[@]})) || names=("${TG_PROVIDER_HOSTS[@]}")
	local f
	f=$(mktemp "$TG_TMP/hosts.XXXXXX")
	{
		echo "127.0.0.1 localhost"
		echo "::1 localhost ip6-localhost ip6-loopback"
		echo "$ip ${names[*]}"
	} >"$f"
	chmod 0644 "$f"
	echo "$f"
}

# tg_need_clients: make sure tests/clients/node_modules is installed (npm ci,
# once; serialized with flock so parallel tests do not race). 1 on failure.
tg_need_clients() {
	[[ -f "$TG_CLIENTS/node_modules/.package-lock.json" ]] && return 0
	(
		flock -w 300 9 || exit 1
		[[ -f "$TG_CLIENTS/node_modules/.package-lock.json" ]] && exit 0
		echo "# npm ci in tests/clients" >&2
		cd "$TG_CLIENTS" && timeout 300 npm ci --no-audit --no-fund >&2
	) 9>"${TMPDIR:-/tmp}/tollgate-npm-ci.lock"
}

# tg_client SCRIPT ARGS...: set TG_CLIENT_CMD to the argv that runs
# tests/clients/SCRIPT with NODE_EXTRA_CA_CERTS=$TG_CA_DIR/ca.pem (override
# with TG_CLIENT_CA=FILE) and a 30 s timeout. Use it inside wrappers:
#   tg_client openai-chat.mjs --stream; tg_with_hosts "$h" "${TG_CLIENT_CMD[@]}"
tg_client() {
	local script=$1
	shift
	TG_CLIENT_CMD=(timeout 30 env "NODE_EXTRA_CA_CERTS=${TG_CLIENT_CA:-$TG_CA_DIR/ca.pem}"
		node "$TG_CLIENTS/$script" "$@")
}

# ------------------------------------------------------------ cgroups

# tg_cgroup2_mount: print the cgroup v2 mount point (from /proc/self/mounts).
tg_cgroup2_mount() {
	awk '$3 == "cgroup2" { print $2; exit }' /proc/self/mounts | grep . ||
		{ echo "tg_cgroup2_mount: no cgroup2 mount" >&2; return 1; }
}

# tg_cgroup_root: print this test's cgroup root, <mount>/tollgate-test.<pid>
# (created by the first tg_make_cgroup, removed at cleanup with everything
# under it); fails before that.
tg_cgroup_root() {
	[[ -n "${TG_CG_ROOT:-}" ]] || { echo "tg_cgroup_root: call tg_make_cgroup first" >&2; return 1; }
	echo "$TG_CG_ROOT"
}

tg__make_cgroup_root() {
	if [[ -z "${TG_CG_ROOT:-}" ]]; then
		local m
		m=$(tg_cgroup2_mount) || return 1
		TG_CG_ROOT="$m/tollgate-test.$TG_RUN_ID"
		mkdir "$TG_CG_ROOT" || { TG_CG_ROOT=""; return 1; }
		tg_on_cleanup tg__rm_cgroup_root "$TG_CG_ROOT"
	fi
}

# tg_cgroup_path REL: the absolute path of test cgroup REL.
tg_cgroup_path() {
	[[ "$1" != /* && "$1" != *..* ]] || { echo "tg_cgroup_path: bad REL $1" >&2; return 1; }
	if [[ -z "${TG_CG_ROOT:-}" ]]; then
		echo "tg_cgroup_path: call tg_make_cgroup first" >&2
		return 1
	fi
	echo "$TG_CG_ROOT/$1"
}

# tg_make_cgroup REL: make the cgroup REL (may be nested: "a/b") under the
# test's cgroup root (<mount>/tollgate-test.<pid>, made on first use); sets
# TG_CGROUP_PATH to its absolute path (also: tg_cgroup_path REL). Removed at
# cleanup. Main shell only (not in $(...)).
tg_make_cgroup() {
	tg__main_only tg_make_cgroup || return 1
	tg__make_cgroup_root || return 1
	local p
	p=$(tg_cgroup_path "$1") || return 1
	mkdir -p "$p" || return 1
	TG_CGROUP_PATH=$p
}

# Remove a cgroup tree, deepest first: kill what is left in each cgroup
# (cgroup.kill, else SIGKILL per pid), wait until it is empty (bounded), move
# any stragglers to the parent of the test root, then rmdir.
tg__rm_cgroup_root() {
	local root=$1 d parent
	[[ -d "$root" ]] || return 0
	parent=$(dirname "$root")
	while IFS= read -r d; do
		if [[ -e "$d/cgroup.kill" ]]; then
			echo 1 >"$d/cgroup.kill" 2>/dev/null
		else
			local pid
			while read -r pid; do kill -KILL "$pid" 2>/dev/null; done <"$d/cgroup.procs"
		fi
	done < <(find "$root" -depth -type d)
	while IFS= read -r d; do
		if ! tg_wait_until 3 tg__cgroup_empty "$d"; then
			local pid
			while read -r pid; do echo "$pid" >"$parent/cgroup.procs" 2>/dev/null; done <"$d/cgroup.procs"
		fi
		rmdir "$d" 2>/dev/null || { sleep 0.1; rmdir "$d" 2>/dev/null; }
	done < <(find "$root" -depth -type d)
	return 0
}

tg__cgroup_empty() {
	[[ ! -s "$1/cgroup.procs" ]]
}

# ------------------------------------------------------------ network namespaces

# tg_make_netns NAME: make a network namespace joined to the host by a veth
# pair. The host end gets 10.199.A.(4k+1)/30 (and fd00:199:A:k::1/64), the
# namespace end .2 (::2); lo is up inside and the default routes go via the host
# end. A free /30 is picked per call. Removed at cleanup (processes inside are
# killed, the netns deleted, the veth removed). Query with tg_netns_name,
# tg_netns_host_ip, tg_netns_peer_ip (and *_ip6) NAME. Does not set up NAT or
# forwarding: the namespace reaches the host end's addresses only.
tg_make_netns() {
	tg__main_only tg_make_netns || return 1
	local name=$1
	[[ -z "${TG_NETNS[$name]:-}" ]] || { echo "tg_make_netns: $name exists" >&2; return 1; }
	TG_NETNS_COUNT=$((TG_NETNS_COUNT + 1))
	local idx=$TG_NETNS_COUNT
	local ns="tg-$name-$TG_RUN_ID"
	local hif="tg${TG_RUN_ID}h$idx" pif="tg${TG_RUN_ID}n$idx"
	if ((${#hif} > 15)); then
		hif="tg$((TG_RUN_ID % 1000000))h$idx"
		pif="tg$((TG_RUN_ID % 1000000))n$idx"
	fi
	# Pick a free 10.199.A.B/30 (B a multiple of 4), starting from a pid-based slot.
	local slot start=$(((TG_RUN_ID * 16 + idx) % 16384)) a b tries=0 net
	slot=$start
	while true; do
		a=$((slot / 64))
		b=$(((slot % 64) * 4))
		net="10.199.$a.$b"
		if [[ -z $(ip -4 -o addr show to "$net/30" 2>/dev/null) ]]; then break; fi
		slot=$(((slot + 1) % 16384))
		tries=$((tries + 1))
		((tries < 16384)) || { echo "tg_make_netns: no free /30 in 10.199/16" >&2; return 1; }
	done
	local hip="10.199.$a.$((b + 1))" pip="10.199.$a.$((b + 2))"
	local hip6="fd00:199:$a:$((b / 4))::1" pip6="fd00:199:$a:$((b / 4))::2"

	ip netns add "$ns" || return 1
	tg_on_cleanup tg__rm_netns "$ns" "$hif"
	ip link add "$hif" type veth peer name "$pif" netns "$ns" || return 1
	ip addr add "$hip/30" dev "$hif" || return 1
	ip link set "$hif" up || return 1
	ip -n "$ns" link set lo up || return 1
	ip -n "$ns" addr add "$pip/30" dev "$pif" || return 1
	ip -n "$ns" link set "$pif" up || return 1
	ip -n "$ns" route add default via "$hip" || return 1
	# IPv6 is best effort (it may be disabled); nodad so it is usable at once.
	if ip addr add "$hip6/64" dev "$hif" nodad 2>/dev/null &&
		ip -n "$ns" addr add "$pip6/64" dev "$pif" nodad 2>/dev/null &&
		ip -n "$ns" -6 route add default via "$hip6" 2>/dev/null; then
		TG_NETNS_HOST_IP6[$name]=$hip6
		TG_NETNS_PEER_IP6[$name]=$pip6
	else
		TG_NETNS_HOST_IP6[$name]=""
		TG_NETNS_PEER_IP6[$name]=""
	fi
	TG_NETNS[$name]=$ns
	TG_NETNS_HOST_IP[$name]=$hip
	TG_NETNS_PEER_IP[$name]=$pip
	TG_NETNS_HOST_IF[$name]=$hif
	TG_NETNS_PEER_IF[$name]=$pif
	# Wait (bounded) until both ends have carrier.
	tg_wait_until 5 tg__veth_up "$ns" "$hif" "$pif" || { echo "tg_make_netns: veth not up" >&2; return 1; }
}

tg__veth_up() {
	ip -o link show "$2" 2>/dev/null | grep -q LOWER_UP &&
		ip -n "$1" -o link show "$3" 2>/dev/null | grep -q LOWER_UP
}

tg__rm_netns() {
	local ns=$1 hif=$2 pid
	if ip netns list | awk '{print $1}' | grep -qx -- "$ns"; then
		for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -TERM "$pid" 2>/dev/null; done
		tg_wait_until 2 tg__netns_empty "$ns" ||
			for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null; done
		tg_wait_until 2 tg__netns_empty "$ns"
		ip netns del "$ns" 2>/dev/null
	fi
	[[ -n "$hif" ]] && ip link del "$hif" 2>/dev/null
	return 0
}

tg__netns_empty() {
	[[ -z $(ip netns pids "$1" 2>/dev/null) ]]
}

tg_netns_name() { echo "${TG_NETNS[$1]:?no netns $1}"; }
tg_netns_host_ip() { echo "${TG_NETNS_HOST_IP[$1]:?no netns $1}"; }
tg_netns_peer_ip() { echo "${TG_NETNS_PEER_IP[$1]:?no netns $1}"; }
tg_netns_host_ip6() { echo "${TG_NETNS_HOST_IP6[$1]-}"; }
tg_netns_peer_ip6() { echo "${TG_NETNS_PEER_IP6[$1]-}"; }

# ------------------------------------------------------------ on load

# Remove what an earlier test left behind when it was SIGKILLed (so its
# cleanup never ran): cgroup roots, netns and temp dirs named after a pid that
# is no longer running.
tg__sweep_stale() {
	local m d pid ns
	if m=$(tg_cgroup2_mount 2>/dev/null); then
		for d in "$m"/tollgate-test.*; do
			[[ -d "$d" ]] || continue
			pid=${d##*.}
			[[ "$pid" =~ ^[0-9]+$ ]] && ! kill -0 "$pid" 2>/dev/null || continue
			tg__rm_cgroup_root "$d"
		done
	fi
	for ns in $(ip netns list 2>/dev/null | awk '$1 ~ /^tg-.*-[0-9]+$/ {print $1}'); do
		pid=${ns##*-}
		kill -0 "$pid" 2>/dev/null && continue
		tg__rm_netns "$ns" ""
	done
	# Mocks started by tg_start_mock name their ready file in the temp dir.
	local f cmd
	for f in /proc/[0-9]*/cmdline; do
		cmd=$(tr '\0' ' ' <"$f" 2>/dev/null) || continue
		[[ "$cmd" == *"$TG_MOCK "*"--ready-file "*/tollgate-test.* ]] || continue
		pid=${cmd##*/tollgate-test.}
		pid=${pid%%.*}
		[[ "$pid" =~ ^[0-9]+$ ]] && ! kill -0 "$pid" 2>/dev/null || continue
		f=${f#/proc/}
		kill -TERM "${f%/cmdline}" 2>/dev/null
	done
	for d in "${TMPDIR:-/tmp}"/tollgate-test.*; do
		[[ -d "$d" ]] || continue
		pid=${d#*/tollgate-test.}
		pid=${pid%%.*}
		[[ "$pid" =~ ^[0-9]+$ ]] && ! kill -0 "$pid" 2>/dev/null || continue
		[[ -e "$d/.keep" ]] || rm -rf -- "$d"
	done
}
tg__sweep_stale >/dev/null 2>&1 || true

if [[ ! -f "$TG_CLIENTS/node_modules/.package-lock.json" ]]; then
	tg_need_clients || tg_log "warning: npm ci in tests/clients failed; SDK clients will not run"
fi
