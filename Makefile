# Verity — run `make help` for the list of targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements/dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/dev.txt
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the locked dependencies

migrate: install ## Create the PostgreSQL database if missing, apply migrations, create the cache table
	$(BIN)/python manage.py ensure_database
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable

demo: migrate ## Load the demo content (idempotent) and a local admin user
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py ensure_dev_admin

run: demo ## Serve admin, API and docs on 127.0.0.1:$(PORT) with the worker (webhooks, scheduled jobs)
	@trap 'kill 0' EXIT; \
	$(BIN)/python manage.py run_worker --interval 1 & \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install ## Run the whole test suite (DATABASE_URL selects PostgreSQL, else SQLite); slow files first (tests/scheduling.py)
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

lint: install ## Lint and check formatting
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: lint ## Lint, format check, Django system checks, missing migrations and type check (what CI runs first)
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/mypy

format: install ## Format the code and fix what ruff can
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install ## Throughput ratios measured side by side (not part of `make test`)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

fuzz: demo ## Schemathesis over every API operation against a served app (bounded; FUZZ_ARGS="--port 8765")
	$(BIN)/python scripts/fuzz.py $(FUZZ_ARGS)

backup: install ## Back up the database (pg_dump -Fc) and media into backups/verity-<time>/ (BACKUP_DIR=…)
	$(BIN)/python manage.py backup --output $(or $(BACKUP_DIR),backups)

restore: install ## Replace the database and media with a backup: make restore BACKUP=backups/verity-<time>
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=backups/verity-<time>"; exit 2; }
	$(BIN)/python manage.py restore "$(BACKUP)" --yes

loadtest: install ## Locust against gunicorn with 10,000 articles and publishes; fails on any failed request or stale read
	$(BIN)/python -m loadtest.run $(LOADTEST_ARGS)

lock: install ## Re-resolve requirements/*.in into the locks
	cd requirements && ../$(BIN)/pip-compile -q --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links base.in -o base.txt
	cd requirements && ../$(BIN)/pip-compile -q --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links dev.in -o dev.txt

.PHONY: help install migrate demo run test lint check format bench fuzz loadtest backup restore lock
