# newsevents: every target a developer or CI needs. `make check` is what CI runs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= newsevents.duckdb
EXAMPLE := examples/presstv-north-korea-military-meeting.txt

.PHONY: help install install-dev demo test lint format typecheck check gate bench bench-stream clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(VENV)/.installed  ## install newsevents into .venv

install-dev: $(VENV)/.installed-dev  ## install newsevents with the development tools

# stamp files: install once per change of pyproject.toml, not once per target
$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev,ray]'
	touch $@ $(VENV)/.installed

demo: install  ## run the pipeline on the bundled example and print its events
	rm -f $(DB)
	$(BIN)/newsevents run $(EXAMPLE) --db $(DB) --published 2022-06-22
	$(BIN)/newsevents events --db $(DB) --format table

test: install-dev  ## run the test suite
	$(BIN)/pytest -q

lint: install-dev  ## format check and lint
	$(BIN)/ruff format --check src tests bench
	$(BIN)/ruff check src tests bench

format: install-dev  ## apply formatting and safe lint fixes
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

typecheck: install-dev  ## static types
	$(BIN)/mypy

check: lint typecheck test  ## everything CI runs

gate: install-dev  ## quality gate: score the coder and compare with pinned floors
	$(BIN)/python -m tests.gate

bench: install-dev  ## throughput and memory on ../shared/bench (not shipped); clustering 10k-1M events; API latency on 1M events
	$(BIN)/python bench/bench_clusters.py
	$(BIN)/python bench/bench_pipeline.py
	$(BIN)/python bench/bench_api.py

bench-stream: install-dev  ## peak memory streaming 100k articles through run (about an hour)
	$(BIN)/python bench/bench_pipeline.py --stream 100000

clean:  ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist src/*.egg-info $(DB)
