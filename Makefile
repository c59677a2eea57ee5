# dxw: two commands on a fresh machine with Python 3.11: `make run`, `make test`.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint install clean docs dev benchmark browser

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

# The browser tests open pages in Debian's headless Chromium (no browser download at test time).
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

browser: $(CHROMIUM)

run: $(STAMP)
	$(VENV)/bin/dxw run

lint: $(STAMP)
	$(VENV)/bin/ruff check dagster_project tests benchmarks
	$(VENV)/bin/ruff format --check dagster_project tests benchmarks
	$(VENV)/bin/mypy

test: $(STAMP) $(CHROMIUM) lint
	$(PY) -m pytest

dev: $(STAMP)
	$(VENV)/bin/dagster dev

# dbt's documentation site over the published warehouse: then `cd dbt && ../.venv/bin/dbt docs serve --port 8080 --profiles-dir .`
docs: $(STAMP)
	cd dbt && DXW_DUCKDB_PATH=$(CURDIR)/data/warehouse.duckdb ../$(VENV)/bin/dbt docs generate --profiles-dir .

benchmark: $(STAMP)
	$(PY) -m benchmarks.extraction_throughput --mb 50

clean:
	rm -rf $(VENV) data/warehouse.duckdb data/build dbt/target
