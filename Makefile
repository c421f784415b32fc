# Sunlight: the two commands of README.md, and a few for developers.
#   make run   install, build, start the demo on http://127.0.0.1:8080
#   make test  install, build, run every test (also under ASan/UBSan)
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
LISTEN     ?= 127.0.0.1:8080
DATA_DIR   ?= data
CMAKE_GEN  := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")

.PHONY: run test deps build build-asan web unit asan bench format clean

run: build
	./$(BUILD)/sunlight demo --data-dir $(DATA_DIR) --listen $(LISTEN)

test: build build-asan
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 600
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  ctest --output-on-failure -j $(JOBS) --timeout 900

deps:
	bash scripts/install-deps.sh

build: deps web
	cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j $(JOBS)

# The browser app: web/dist, served by `sunlight serve` (built when web/ exists).
web: deps
	@if [ -f web/package.json ]; then cd web && npm run build; fi

build-asan: deps
	cmake -S . -B $(ASAN_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DSUNLIGHT_SANITIZE=ON \
	  -DSUNLIGHT_BUILD_BENCH=OFF
	cmake --build $(ASAN_BUILD) -j $(JOBS)

bench: build
	@for b in $(BUILD)/bench/*_bench; do echo "== $$b"; $$b; done

format:
	find src tests bench tools -name '*.h' -o -name '*.cc' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
