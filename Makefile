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

# Build and run the whole test suite through CTest: on SQLite, and on PostgreSQL too (the `pg`
# tests, cmake/PostgresTests.cmake) when its server is installed.
test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# ASan + UBSan build and test run (CI runs it too), at -O1 (the tests run about twice as fast as
# at -O0; docs/PERFORMANCE.md, CI time), without the benchmarks. Left out: the slow (whole-corpus), e2e
# (browser) and heavy (tens of seconds under the sanitizers: the Release run has them) tests and
# the PostgreSQL pass (pg); ASAN_LABEL_EXCLUDE='slow|e2e|heavy' runs that pass too.
ASAN_LABEL_EXCLUDE ?= slow|e2e|heavy|pg
asan: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug '-DCMAKE_CXX_FLAGS_DEBUG=-g -O1' \
	  -DDEPECHE_SANITIZE=ON -DDEPECHE_BENCHMARKS=OFF $(CMAKE_ARGS) >/dev/null
	cmake --build build-asan -j $(JOBS)
	ctest --test-dir build-asan --output-on-failure -j $(JOBS) -LE '$(ASAN_LABEL_EXCLUDE)'

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

format-check:
	git ls-files '*.cc' '*.h' | xargs clang-format --dry-run --Werror

bench: build
	$(BUILD)/bench/depeche_bench_ingest

clean:
	rm -rf build build-asan
