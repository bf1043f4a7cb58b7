# One task file: `make build` sets up and builds the site; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup setup-test chromium build serve validate test test-fast check update-golden bench clean

$(BIN)/explainer: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@touch $@

setup: $(BIN)/explainer

$(VENV)/.test-deps: $(BIN)/explainer
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

setup-test: $(VENV)/.test-deps

# Browser tests drive Debian's Chromium; never `playwright install` (it downloads a browser).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium not found: browser tests will be skipped (sudo apt-get install chromium)"; fi; }

build: setup
	$(BIN)/explainer build

serve: setup
	$(BIN)/explainer serve

validate: setup
	$(BIN)/explainer validate

test: setup-test chromium
	$(BIN)/python -m pytest

test-fast: setup-test
	$(BIN)/python -m pytest -m "not slow and not browser"

update-golden: setup-test
	$(BIN)/python -m pytest tests/golden tests/corpus --update-golden

bench: setup
	$(BIN)/python -m bench.run

clean:
	rm -rf generated site .pytest_cache
