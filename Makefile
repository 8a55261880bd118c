# Tremplin task runner: the README and CI use these targets.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

AXE := tests/web/node_modules/axe-core/axe.min.js

.PHONY: install catalog run test check lint typecheck bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install the package (editable) with dev tools

catalog: install  ## build the catalog and search index from ../shared/data (no-op when up to date)
	$(BIN)/tremplin catalog build

run: catalog  ## set up everything, then serve the app on http://$(HOST):$(PORT)
	$(BIN)/tremplin serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check src tests bench

typecheck: install
	$(BIN)/mypy

check: lint typecheck

# axe-core (accessibility audit injected in browser tests), pinned by package-lock.json.
$(AXE): tests/web/package-lock.json
	if command -v npm >/dev/null; then (cd tests/web && npm ci --no-audit --no-fund --silent) && touch $(AXE); \
	else echo "npm not found: browser accessibility tests will be skipped"; fi

test: catalog check $(AXE)  ## set up everything, then run lint, types and the whole test suite
	$(BIN)/python -m pytest

bench: catalog  ## quality and speed benchmarks (figures printed)
	for b in bench/*_bench.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf .tremplin test-artifacts
