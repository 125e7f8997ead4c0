# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STORE ?= output/store

.PHONY: run test bench install system clean

$(BIN)/kg: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $(BIN)/kg

install: $(BIN)/kg

## Debian packages the tests drive for real (headless Chromium); skipped with a warning where it cannot install.
system:
	@.ci/system-packages || echo "warning: could not install system packages; the browser tests will be skipped"

## Build the graph from the bundled sample filings, summarise it, draw it, query it.
run: install
	$(BIN)/kg build examples --store $(STORE)
	$(BIN)/kg viz --store $(STORE) -o output/graph.html
	$(BIN)/kg query --store $(STORE) --named board-as-of --param issuer="JL MAG RARE-EARTH CO., LTD." --param date=2026-07-31
	$(BIN)/kg query --store $(STORE) --named person-seats --param person="Cao Ying"

test: install system
	$(BIN)/python -m pytest

## Words per second: tokenizer floor, extraction alone, kg build end to end (about 2M words); then
## kg build on BENCH_FILES generated filings with --jobs 1 and 2 (files/s, words/s, peak memory, growth);
## then kg serve under 8 concurrent clients: queries/s, p50/p99 per named query.
BENCH_FILES ?= 10000
bench: install
	$(BIN)/python -m bench.throughput
	$(BIN)/python -m bench.build --files $(BENCH_FILES)
	$(BIN)/python -m bench.serve

clean:
	rm -rf $(STORE) output/graph.html .pytest_cache
