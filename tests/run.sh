#!/usr/bin/env bash
# run.sh - run every test and print one closing line: "N passed, N failed".
#
# Unit tests are the programs in $BUILD/tests/ (built by `make unit`);
# integration tests are tests/integration/[0-9][0-9]-*.sh, run one at a
# time, each with a time limit. Both print "PASS name" / "FAIL name: why"
# lines; this script counts them. A program or script that exits non-zero
# without printing a FAIL line counts as one failure of its own.
#
#   BUILD=build-san tests/run.sh            everything
#   tests/run.sh unit | integration         one kind
#   tests/run.sh tests/integration/10-x.sh  one script
set -uo pipefail
cd "$(dirname "$0")/.."
export BUILD=${BUILD:-build}
export TOLLGATE_BIN=${TOLLGATE_BIN:-$PWD/$BUILD/tollgate}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:exitcode=86}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=87}
UNIT_TIMEOUT=${UNIT_TIMEOUT:-300}
INTEGRATION_TIMEOUT=${INTEGRATION_TIMEOUT:-240}

passed=0
failed=0
failures=()
log_dir=$(mktemp -d /tmp/tollgate-tests.XXXXXX)
trap 'rm -rf "$log_dir"' EXIT

run_one() { # run_one NAME TIMEOUT CMD...
	local name=$1 limit=$2 out rc p f
	shift 2
	out="$log_dir/$(echo "$name" | tr '/ ' '__').log"
	echo "=== $name"
	timeout --kill-after=10 "$limit" "$@" >"$out" 2>&1
	rc=$?
	grep -E '^(PASS|FAIL) ' "$out" | sed 's/^/  /'
	p=$(grep -c '^PASS ' "$out")
	f=$(grep -c '^FAIL ' "$out")
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
		f=1
		[ "$rc" = 124 ] && echo "  FAIL $name: timed out after ${limit}s" ||
			echo "  FAIL $name: exited with status $rc"
	fi
	if [ "$f" != 0 ] || [ "$rc" != 0 ]; then
		echo "  --- last lines of output ($name) ---"
		tail -n 40 "$out" | sed 's/^/  | /'
		failures+=("$name")
	fi
	passed=$((passed + p))
	failed=$((failed + f))
}

run_unit() {
	local t
	for t in "$BUILD"/tests/test_*; do
		[ -x "$t" ] || continue
		run_one "unit/$(basename "$t")" "$UNIT_TIMEOUT" "$t"
	done
}

run_integration() {
	local s
	if [ "$(id -u)" != 0 ]; then
		echo "integration tests need root (eBPF, cgroups, namespaces): run 'sudo make test'"
		failed=$((failed + 1))
		return
	fi
	for s in tests/integration/[0-9][0-9]-*.sh; do
		run_one "integration/$(basename "$s")" "$INTEGRATION_TIMEOUT" bash "$s"
	done
}

case "${1:-all}" in
all) run_unit; run_integration ;;
unit) run_unit ;;
integration) run_integration ;;
*) for s in "$@"; do run_one "$s" "$INTEGRATION_TIMEOUT" bash "$s"; done ;;
esac

echo
[ ${#failures[@]} -gt 0 ] && echo "failed: ${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
