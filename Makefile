# zorgnet: `make run` starts the embedded default, `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test axe install lint format bench bench-privacy worker beat clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	$(PY) -m zorgnet.lib.namen
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo
	$(PY) manage.py runserver 127.0.0.1:8000

# The whole suite in one run: pytest-xdist spreads it over the cores (one test database per
# process); the browser and real-worker tests stay together in one process, one after the other
# (tests/conftest.py). That process mostly waits for Chromium and the worker, so there is one
# process more than cores (measured on 2 cores: 325 s against 348 s with -n auto).
# PYTEST_ARGS narrows the run, e.g. PYTEST_ARGS=tests/partners.
XDIST ?= $(shell $(PYTHON) -c "import os; print((os.cpu_count() or 1) + 1)")
test: $(STAMP)
	$(PY) -m pytest -n $(XDIST) --dist loadgroup $(PYTEST_ARGS)

# The accessibility walk alone (axe-core on every readable page x persona; also part of `make test`).
axe: $(STAMP)
	$(PY) -m pytest tests/browser/test_toegankelijkheid.py -n $(XDIST) $(PYTEST_ARGS)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports

format: $(STAMP)
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Benchmarks (issue 11): PostgreSQL database whose name contains "bench" (created and filled at
# ZORGNET_BENCH_SCHAAL, default 1.0), plus its 1/100 sibling <name>_klein. Needs wrk.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/zorgnet_bench
bench: $(STAMP)
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) -m bench

# The identifier check alone (labelled set, 1,000-character timing); no database needed.
bench-privacy: $(STAMP)
	$(PY) -m bench bench_privacy

worker: $(STAMP)
	$(VENV)/bin/celery -A zorgnet worker -Q default,long --loglevel INFO

beat: $(STAMP)
	$(VENV)/bin/celery -A zorgnet beat --loglevel INFO

clean:
	rm -rf $(VENV) var staticfiles
