# Back on Track. `make run` serves the site; `make test` runs the whole suite. Both set everything up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CHROMIUM ?= /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8000
# Local serving: production settings over plain HTTP on loopback, with a generated secret key.
LOCAL_ENV := set -a && . ./.env.local && set +a && export DJANGO_DEBUG=0 DJANGO_SECURE_SSL_REDIRECT=0

.PHONY: install setup-db run dev test test-postgres lint bench audit clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

.env.local:
	$(PYTHON) -c "import secrets; print('DJANGO_SECRET_KEY=' + secrets.token_urlsafe(50))" > .env.local

setup-db: $(STAMP) .env.local
	$(LOCAL_ENV) && $(BIN)/python manage.py migrate --noinput
	$(LOCAL_ENV) && $(BIN)/python manage.py load_content

run: setup-db
	$(LOCAL_ENV) && $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "Serving Back on Track on http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	$(LOCAL_ENV) && $(BIN)/gunicorn backpain.wsgi --bind $(HOST):$(PORT) --workers 3 --access-logfile -

dev: setup-db
	$(LOCAL_ENV) && DJANGO_DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .

test: $(STAMP)
	@test -x "$(CHROMIUM)" || { echo "make test needs Chromium for the browser tests, and none is at $(CHROMIUM)." \
	  "Install it with: sudo apt-get install -y chromium (or set CHROMIUM=/path/to/chromium)."; exit 1; }
	@ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || { echo "make test needs PostgreSQL's server for the" \
	  "fault test that stops a database under a running server. Install it with: sudo apt-get install -y postgresql"; exit 1; }
	@command -v redis-server >/dev/null 2>&1 || { echo "make test needs redis-server for the test of two app servers" \
	  "sharing one Redis. Install it with: sudo apt-get install -y redis-server"; exit 1; }
	$(BIN)/ruff check .
	CHROMIUM_PATH=$(CHROMIUM) $(BIN)/python -m pytest

# The same suite against a throwaway PostgreSQL on 127.0.0.1 (started by .ci/postgres).
test-postgres: $(STAMP)
	DATABASE_URL=$$(.ci/postgres start) CHROMIUM_PATH=$(CHROMIUM) $(BIN)/python -m pytest; \
	  status=$$?; .ci/postgres stop; exit $$status

# Load test: gunicorn with production settings on 127.0.0.1, driven by wrk (apt-get install -y wrk).
bench: $(STAMP)
	$(BIN)/python tests/tools/bench.py
	$(BIN)/python -m pytest tests/benchmarks --benchmark-enable --benchmark-columns=min,median,max,rounds -q

# Lighthouse over the main page types on a production-settings server (npm's lighthouse, Debian's Chromium).
node_modules/.bin/lighthouse: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

audit: $(STAMP) node_modules/.bin/lighthouse
	CHROMIUM_PATH=$(CHROMIUM) $(BIN)/python tests/tools/audit.py

clean:
	rm -rf $(VENV) staticfiles .env.local db.sqlite3 db.sqlite3-shm db.sqlite3-wal
