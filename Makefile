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

migrate: install ## Apply database migrations and create the cache table
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable

demo: migrate ## Load the demo content (idempotent) and a local admin user
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py ensure_dev_admin

run: demo ## Serve admin, API and docs on 127.0.0.1:$(PORT) with the webhook worker
	@trap 'kill 0' EXIT; \
	$(BIN)/python manage.py db_worker --interval 1 & \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install ## Run the whole test suite (DATABASE_URL selects PostgreSQL, else SQLite)
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

lock: install ## Re-resolve requirements/*.in into the locks
	cd requirements && ../$(BIN)/pip-compile -q --strip-extras --no-header --allow-unsafe base.in -o base.txt
	cd requirements && ../$(BIN)/pip-compile -q --strip-extras --no-header --allow-unsafe dev.in -o dev.txt

.PHONY: help install migrate demo run test lint check format bench lock
