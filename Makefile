# The two commands of the README, plus helpers. Everything goes through CMake presets.
.PHONY: demo test deps build build-debug asan format format-check bench clean

JOBS ?= $(shell nproc)
BUILD ?= build
DEMO_DB ?= depeche.db

deps:
	./scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

# Install what is missing, build in Release, ingest the sample corpus, print a summary.
demo: build
	./scripts/demo.sh $(BUILD)/apps/depeche/depeche $(DEMO_DB)

# Build and run the whole test suite through CTest.
test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# ASan + UBSan build and test run (CI runs it too); without the slow and browser (e2e) tests.
asan: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DDEPECHE_SANITIZE=ON $(CMAKE_ARGS) >/dev/null
	cmake --build build-asan -j $(JOBS)
	ctest --test-dir build-asan --output-on-failure -j $(JOBS) -LE 'slow|e2e'

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

format-check:
	git ls-files '*.cc' '*.h' | xargs clang-format --dry-run --Werror

bench: build
	$(BUILD)/bench/depeche_bench_ingest

clean:
	rm -rf build build-asan
