#!/usr/bin/env bash
# 85-fuzz.sh - a short libFuzzer run of the redaction rewriters (part of
# `make test`): the JSON rewriter, the SSE rewriter and the JSON array
# stream (splitter and rewriter), each for FUZZ_SECONDS (default 12) from
# the seeds in tests/fuzz/corpus, under ASan and UBSan. A crash, a leak,
# invalid JSON, SSE or array out of valid input, a byte lost by the
# splitter, or a split UTF-8 sequence fails the run (the harnesses abort on
# them). Also the metering stage's JSON readers (fuzz_jsonspan): they must
# accept and read exactly what cJSON does, and the usage readers must not
# crash on any input. And the HTTP/1.1 head parser (fuzz_http1): what it
# accepts must hold no smuggling material (controls in values, bad names,
# two framings) and must rebase exactly onto a copy.
# Longer runs: see README.md, "Redaction", fuzzing.
source "$(dirname "$0")/lib.sh"

SECS=${FUZZ_SECONDS:-12}
BUILD_DIR=${BUILD:-build}
[[ $BUILD_DIR == /* ]] || BUILD_DIR=$TG_REPO/$BUILD_DIR
if ! make -C "$TG_REPO" -s BUILD="$BUILD_DIR" fuzz >"$TG_TMP/build.log" 2>&1; then
	fail "fuzz harnesses build (clang -fsanitize=fuzzer)" "$(tail -n 5 "$TG_TMP/build.log")"
	tg_finish
fi
pass "fuzz harnesses build"

for h in fuzz_jsonrw fuzz_sse fuzz_jsonarray fuzz_jsonspan fuzz_http1; do
	corpus="$TG_TMP/$h"
	mkdir -p "$corpus"
	cp "$TG_REPO/tests/fuzz/corpus/${h#fuzz_}/"* "$corpus/"
	timeout $((SECS + 60)) "$BUILD_DIR/fuzz/$h" -max_total_time="$SECS" -timeout=10 \
		-artifact_prefix="$TG_TMP/" \
		-rss_limit_mb=4096 -print_final_stats=1 "$corpus" >"$TG_TMP/$h.log" 2>&1
	rc=$?
	runs=$(awk '/stat::number_of_executed_units/ {print $2}' "$TG_TMP/$h.log")
	if [[ $rc == 0 && -n "$runs" ]]; then
		pass "$h: $runs inputs in ${SECS}s, no crash, leak or broken output"
	else
		fail "$h: exit $rc" "$(grep -m3 -E 'ERROR|SUMMARY|abort|Test unit written' "$TG_TMP/$h.log")"
		# keep the log and the input that failed for whoever looks next
		mkdir -p "/tmp/tollgate-fuzz-failures"
		cp "$TG_TMP/$h.log" "$TG_TMP"/crash-* "$TG_TMP"/leak-* "/tmp/tollgate-fuzz-failures/" 2>/dev/null
	fi
done
tg_finish
