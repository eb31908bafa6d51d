# The two commands of the README, and what they are made of.
#   make run   — install what is missing, build (Release), start the GUI on the default database
#   make test  — install what is missing, build, run every test through CTest
# .ci/run calls `make test` and `make test-sanitize` (headless tests under ASan + UBSan).
BUILD ?= build
SAN_BUILD ?= build-sanitize
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
ARGS ?=

.PHONY: run test test-sanitize build deps bench clean

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
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --test-dir $(SAN_BUILD) --output-on-failure -j$(JOBS)

clean:
	rm -rf $(BUILD) $(SAN_BUILD)
