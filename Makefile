# studyapp: `make run` to use it, `make test` to check it. Everything runs from .venv.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: venv setup run test bench lint format

venv: $(STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when requirements.txt changed since the last install.
$(STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

setup: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py ingest
	$(PY) manage.py ensure_demo_users

run: setup
	$(PY) manage.py runserver 127.0.0.1:8000

# Playwright's sync API runs an event loop in the test thread; Django would otherwise refuse the
# live_server tests' ORM calls as "async unsafe". -n auto: one pytest-xdist worker per core, each
# with its own test database and its own ingest of the five notes (tests/five_notes.py); the
# browser tests still run last in each worker (tests/conftest.py).
test: lint
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest -n auto

bench: venv
	$(PY) bench/run.py
	$(PY) bench/scale.py

# ruff; the import contracts in pyproject.toml (which layer may import which); mypy.
lint: venv
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) -m mypy

format: venv
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .
