# The two commands of the README, and what they are made of.
#   make run   — install what is missing, build (Release), start the GUI on the default database
#   make test  — install what is missing, build, run every test through CTest
# .ci/run calls `make test`, `make test-sanitize` (headless tests under ASan + UBSan) and a short
# `make fuzz`.
BUILD ?= build
SAN_BUILD ?= build-sanitize
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
ARGS ?=

FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60

.PHONY: run test test-sanitize fuzz build deps bench clean

deps:
	@bash scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j$(JOBS)

run: build
	./$(BUILD)/ui/drillbase $(ARGS)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

# SDL, GL and ImGui come prebuilt without sanitizers, so this build is headless only.
test-sanitize: deps
	cmake -S . -B $(SAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DDRILLBASE_HEADLESS_ONLY=ON -DDRILLBASE_SANITIZE=ON
	cmake --build $(SAN_BUILD) -j$(JOBS)
	# drillctl_ledger_crash kills real writers 56 times: what it checks is SQLite's and the
	# ledger's all-or-nothing under SIGKILL, which the sanitizers add nothing to, and Debug + ASan
	# writers take it past its time bound. flood_ea5 is 2 hours of a 1.7-million-cell valley
	# checked against LISFLOOD-FP's numbers; the same solver code runs under the sanitizers in
	# the sim suite's smaller flood tests. Both run in every `make test`.
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --test-dir $(SAN_BUILD) --output-on-failure -j$(JOBS) -E "drillctl_ledger_crash|flood_ea5"

# Every parser's libFuzzer harness for FUZZ_SECONDS each (clang-15, ASan + UBSan); fails on the
# first crash and says where the input was saved (add it to tests/fuzz/regressions/).
fuzz: deps
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDRILLBASE_FUZZ=ON \
	  -DCMAKE_C_COMPILER=clang-15 -DCMAKE_CXX_COMPILER=clang++-15
	cmake --build $(FUZZ_BUILD) --target fuzzers -j$(JOBS)
	bash scripts/run-fuzz.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(SAN_BUILD) $(FUZZ_BUILD)
