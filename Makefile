# tollgate - build, run, test.
#
#   make            build build/tollgate (warning-free with -Wall -Wextra)
#   make run        start the daemon with the shipped defaults (root)
#   make test       unit + integration tests, under ASan/UBSan (root)
#   make demo       intercept a small agent's calls to a local mock provider
#   make bench      side-by-side benchmarks, see bench/RESULTS.md
#   make deps       install Debian build and runtime dependencies
#
# Nothing here calls sudo: run the targets that need root as root.

BUILD     ?= build
CC        ?= gcc
CLANG     ?= clang
BPFTOOL   ?= bpftool
SAN       ?= 0

ARCH      := $(shell uname -m | sed 's/x86_64/x86/; s/aarch64/arm64/')
CFLAGS    ?= -O2 -g
CFLAGS    += -std=gnu11 -Wall -Wextra -D_GNU_SOURCE -I$(BUILD) -Ibpf -Iuserspace
LDLIBS    := -lbpf -lelf -lz -lssl -lcrypto -lcjson -lsqlite3 -lhs -lpcre2-8 -lcurl -lpthread -lresolv -lm

ifeq ($(SAN),1)
CFLAGS    += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS   += -fsanitize=address,undefined
endif

SRCS      := $(wildcard userspace/*.c)
OBJS      := $(patsubst userspace/%.c,$(BUILD)/obj/%.o,$(SRCS))
LIB_OBJS  := $(filter-out $(BUILD)/obj/main.o $(BUILD)/obj/cli_%.o,$(OBJS))
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))
HEADERS   := $(wildcard userspace/*.h) bpf/tollgate.h $(BUILD)/tollgate.skel.h

.PHONY: all deps check-deps run test unit demo bench bench-redaction bench-redaction-dev bench-usage bench-store bench-pipeline clean fuzz
all: $(BUILD)/tollgate

$(BUILD)/vmlinux.h:
	@mkdir -p $(BUILD)
	$(BPFTOOL) btf dump file /sys/kernel/btf/vmlinux format c > $@.tmp && mv $@.tmp $@

$(BUILD)/tollgate.bpf.o: bpf/tollgate.bpf.c bpf/tollgate.h $(BUILD)/vmlinux.h
	$(CLANG) -g -O2 -Wall -target bpf -D__TARGET_ARCH_$(ARCH) -I$(BUILD) -Ibpf -c $< -o $@

$(BUILD)/tollgate.skel.h: $(BUILD)/tollgate.bpf.o
	$(BPFTOOL) gen skeleton $< name tollgate_bpf > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/%.o: userspace/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

# The built-in redaction detectors and policy are compiled in (.incbin).
$(BUILD)/obj/redact_builtin.o: policies/redaction-rules.json policies/redaction-noseyparker.json \
	policies/redaction.json

# libFuzzer harnesses (tests/fuzz/): the userspace objects again, built by
# clang with the fuzzer's coverage and ASan/UBSan; each harness is linked
# with tests/fuzz/fuzz_common.c, the setup and checks they share.
FUZZ_CFLAGS := -O1 -g -std=gnu11 -D_GNU_SOURCE -I$(BUILD) -Ibpf -Iuserspace -fno-omit-frame-pointer \
	       -fsanitize=fuzzer-no-link,address,undefined
FUZZ_OBJS := $(patsubst userspace/%.c,$(BUILD)/fuzz/obj/%.o,$(filter-out userspace/main.c userspace/cli_%.c,$(SRCS)))

$(BUILD)/fuzz/obj/%.o: userspace/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CLANG) $(FUZZ_CFLAGS) -c $< -o $@

$(BUILD)/fuzz/obj/redact_builtin.o: policies/redaction-rules.json policies/redaction-noseyparker.json \
	policies/redaction.json

$(BUILD)/fuzz/fuzz_jsonspan: tests/unit/jsonspan_cjson.h

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz_common.c tests/fuzz/fuzz_common.h $(FUZZ_OBJS)
	$(CLANG) $(FUZZ_CFLAGS) -fsanitize=fuzzer $< tests/fuzz/fuzz_common.c $(FUZZ_OBJS) -o $@ $(LDLIBS)

fuzz: $(BUILD)/fuzz/fuzz_jsonrw $(BUILD)/fuzz/fuzz_sse $(BUILD)/fuzz/fuzz_jsonarray $(BUILD)/fuzz/fuzz_jsonspan \
      $(BUILD)/fuzz/fuzz_http1

# Redaction accuracy (labelled corpora) and speed: bench/RESULTS-redaction.md
CORPORA ?= ../shared/corpora
$(BUILD)/bench/redaction: bench/redaction.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(LIB_OBJS) -o $@ $(LDLIBS)

# The generated PII corpora (seeded, deterministic) are not committed. The
# rules are tuned on bench/pii_corpus.py's splits (dev and test) and on the
# first eight blind sets, bench/pii_holdout.py and bench/pii_holdout2.py to
# bench/pii_holdout8.py (each studied once it had been scored); the blind
# held-out set, bench/pii_holdout9.py, is only ever scored: never study its
# misses.
$(BUILD)/bench/pii-holdout%.jsonl: bench/pii_holdout%.py bench/pii_corpus.py
	@mkdir -p $(dir $@)
	python3 $< -o $@

$(BUILD)/bench/pii-holdout.jsonl: bench/pii_holdout.py bench/pii_corpus.py
	@mkdir -p $(dir $@)
	python3 bench/pii_holdout.py -o $@

$(BUILD)/bench/pii-%.jsonl: bench/pii_corpus.py
	@mkdir -p $(dir $@)
	python3 bench/pii_corpus.py --split $* -o $@

# The test split, the blind held-out set, then the studied blind sets,
# newest first: the order bench/redaction takes them in.
PII_SETS := $(BUILD)/bench/pii-test.jsonl $(BUILD)/bench/pii-holdout9.jsonl $(BUILD)/bench/pii-holdout8.jsonl \
	$(BUILD)/bench/pii-holdout7.jsonl $(BUILD)/bench/pii-holdout6.jsonl $(BUILD)/bench/pii-holdout5.jsonl \
	$(BUILD)/bench/pii-holdout4.jsonl $(BUILD)/bench/pii-holdout3.jsonl $(BUILD)/bench/pii-holdout2.jsonl \
	$(BUILD)/bench/pii-holdout.jsonl

bench-redaction: $(BUILD)/bench/redaction $(PII_SETS)
	$(BUILD)/bench/redaction $(CORPORA) bench/RESULTS-redaction.md $(PII_SETS)

bench-redaction-dev: $(BUILD)/bench/redaction $(BUILD)/bench/pii-dev.jsonl
	$(BUILD)/bench/redaction --misses $(BUILD)/bench/pii-dev.jsonl

# Usage extraction (the meter stage's JSON reading): CPU per call, bench/usage.c
$(BUILD)/bench/usage: bench/usage.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(LIB_OBJS) -o $@ $(LDLIBS)

bench-usage: $(BUILD)/bench/usage
	$(BUILD)/bench/usage

# The trace store's writer: CPU per span as the store grows, bench/store.c
$(BUILD)/bench/store: bench/store.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(LIB_OBJS) -o $@ $(LDLIBS)

bench-store: $(BUILD)/bench/store
	$(BUILD)/bench/store >bench/RESULTS-store.md.tmp && mv bench/RESULTS-store.md.tmp bench/RESULTS-store.md
	cat bench/RESULTS-store.md

# tollgate's own work per call on a worker (the daemon's pipeline without
# the network and TLS), step by step: bench/pipeline.c. With the daemon's
# allocator, since allocation is part of what it measures.
$(BUILD)/bench/pipeline: bench/pipeline.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(LIB_OBJS) -o $@ $(DAEMON_ALLOC) $(LDLIBS)

bench-pipeline: $(BUILD)/bench/pipeline
	$(BUILD)/bench/pipeline >bench/RESULTS-pipeline.md.tmp && mv bench/RESULTS-pipeline.md.tmp bench/RESULTS-pipeline.md
	cat bench/RESULTS-pipeline.md

# The daemon allocates with mimalloc (Debian's libmimalloc; linked first, it
# takes malloc/free for every library too): requests allocate and free small
# objects on two or more threads at a high rate, where it spends less CPU per
# call than glibc's allocator (bench/RESULTS.md). Not under ASan, which
# brings its own allocator; the tests and benches keep glibc's, which
# bench/redaction's state-per-stream check reads (mallinfo2).
ifneq ($(SAN),1)
DAEMON_ALLOC := -lmimalloc
endif

$(BUILD)/tollgate: $(OBJS)
	$(CC) $(LDFLAGS) $^ -o $@ $(DAEMON_ALLOC) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h tests/unit/detect_check.h tests/unit/ledger_rows.h $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests/unit $(LDFLAGS) $< $(LIB_OBJS) -o $@ $(LDLIBS)

unit: $(UNIT_BINS)

deps:
	scripts/install-deps.sh

check-deps:
	@scripts/install-deps.sh --if-missing

run: check-deps all
	$(BUILD)/tollgate run --config policies/tollgate.json

# Tests build a sanitized copy in build-san/ and run everything against it.
test: check-deps
	$(MAKE) BUILD=build-san SAN=1 all unit
	BUILD=build-san tests/run.sh

demo: check-deps all
	tests/demo.sh

bench: check-deps all
	bench/run.sh

clean:
	rm -rf build build-san
