# Back on Track. `make run` serves the site; `make test` runs the whole suite. Both set everything up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# One stamp per set of Python packages: serving needs the runtime ones only; tests add the dev extra.
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
# Stamp for node_modules (npm ci), which the HTML checker and Lighthouse come from.
NODE := node_modules/.installed
# The browser tests drive Chromium's headless shell (Debian's chromium-headless-shell, the build
# Playwright itself runs headless): it renders, prints and runs scripts as Chromium does without the
# full browser's own work, and so takes the browser tests from about 180 s to 120 s on two cores.
CHROMIUM ?= /usr/bin/chromium-headless-shell
export CHROMIUM
# Lighthouse (make audit) runs the full browser, as its docs ask.
FULL_CHROMIUM ?= /usr/bin/chromium
# Python writes its compiled modules (and pytest its rewritten test modules) to __pycache__/: where the
# environment says not to (PYTHONDONTWRITEBYTECODE, set on this machine), every one of the suite's
# processes (each worker, each live server, each manage.py) compiled the whole project again, about
# 17 s of `make test`'s 175 s.
unexport PYTHONDONTWRITEBYTECODE
HOST ?= 127.0.0.1
PORT ?= 8000
# Local serving: production settings over plain HTTP on loopback, with a generated secret key.
LOCAL_ENV := set -a && . ./.env.local && set +a && export DJANGO_DEBUG=0 DJANGO_HTTPS=0 DJANGO_SITE_URL=http://$(HOST):$(PORT)
# pytest-xdist spreads the tests over every core (worksteal: an idle worker takes tests from a busy one,
# so a few long browser tests do not hold up the end); PYTEST_WORKERS=0 runs them in one process.
PYTEST_WORKERS ?= auto
PYTEST := $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist worksteal
# Browser and live-server tests are marked; the quick loop leaves them out.
FAST := -m "not e2e and not live"

.PHONY: install install-dev system-packages setup-db run dev test test-everything test-fast test-postgres lint bench audit \
	screenshots figures audio-tracks app-icons service-worker seed-fingerprint clean

install: $(RUNTIME)
install-dev: $(DEV)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The reading grade's syllable dictionary is written into the venv from a PyPI package: nothing is
# downloaded when the admin grades a draft (backpain/content/reading.py).
$(RUNTIME): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m backpain.content.reading
	touch $@

$(DEV): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m backpain.content.reading
	touch $(RUNTIME) $@

# Chromium, PostgreSQL's server, redis-server and Java (for the HTML checker): installed with apt-get
# when missing (see the script).
system-packages:
	scripts/system-packages chromium postgresql redis java

.env.local:
	$(PYTHON) -c "import secrets; print('DJANGO_SECRET_KEY=' + secrets.token_urlsafe(50))" > .env.local

setup-db: $(RUNTIME) .env.local
	$(LOCAL_ENV) && $(BIN)/python manage.py migrate --noinput
	$(LOCAL_ENV) && $(BIN)/python manage.py load_content

run: setup-db
	$(LOCAL_ENV) && $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "Serving Back on Track on http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	$(LOCAL_ENV) && $(BIN)/gunicorn backpain.wsgi --bind $(HOST):$(PORT) --workers 3 --access-logfile -

dev: setup-db
	$(LOCAL_ENV) && DJANGO_DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

# Rebuild tests/seed_fingerprint.txt (hashes of the seed articles' 8-word runs, for the copied-words
# test) from the seeds, which live outside the repository: SEEDS=path/to/seeds if not ../shared/seeds.
SEEDS ?= ../shared/seeds
seed-fingerprint: $(DEV)
	$(BIN)/python tests/tools/seed_fingerprint.py $(SEEDS)

# Redraw the exercise and anatomy figures in static/img/ from backpain/figures/ (commit the SVGs it changes).
figures: $(RUNTIME)
	$(BIN)/python -m backpain.figures

# Redraw the web app's PNG icons in static/img/icons/ from static/img/favicon.svg with Chromium (commit them).
app-icons: $(DEV)
	scripts/system-packages chromium
	$(BIN)/python scripts/app_icons.py

# Rebuild the service worker, serviceworker/sw.js (served at /sw.js), with Workbox from serviceworker/build.mjs (commit it):
# make run and make test serve the committed file, so only this needs node_modules.
service-worker: $(NODE)
	node serviceworker/build.mjs

# Rebuild static/audio/stage-N.mp3, each stage's session as an audio track (commit the MP3s it changes).
# Only this needs eSpeak NG (the words) and lameenc (the MP3): make run and make test serve the committed files.
audio-tracks: $(RUNTIME)
	scripts/system-packages espeak-ng
	$(BIN)/python -m pip install --quiet -e ".[audio]"
	$(BIN)/python -m backpain.running.audio

# The whole suite: lint, then every test, browser and live-server tests included. The HTML checker
# (npm's vnu-jar, run by Java) must be there, so its test fails rather than skips if it is not.
# It prints how long it took, set-up included.
test:
	@start=$$(date +%s); $(MAKE) --no-print-directory test-everything; status=$$?; \
	  echo "make test: $$(( $$(date +%s) - start )) s, set-up included"; exit $$status

test-everything: $(DEV) system-packages $(NODE)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	BACKPAIN_REQUIRE_VNU=1 CHROMIUM_PATH=$(CHROMIUM) $(PYTEST)

# The quick loop while you work: no browser, no live server, no system packages.
test-fast: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(PYTEST) $(FAST)

# What differs between the databases (the `database` mark: search, migrations, transactions, query
# counts, scaling; tests/conftest.py lists the modules and why) against a throwaway PostgreSQL on
# 127.0.0.1 (started by .ci/postgres). The rest runs the same on both and `make test` runs it.
test-postgres: $(DEV) system-packages
	DATABASE_URL=$$(.ci/postgres start) CHROMIUM_PATH=$(CHROMIUM) $(PYTEST) -m database; \
	  status=$$?; .ci/postgres stop; exit $$status

# What the browser tests saw, to look at: every page type at 375 and 1280 px, and each printed PDF
# turned into PNG pages, all in screenshots/.
screenshots: $(DEV)
	scripts/system-packages chromium
	BACKPAIN_SCREENSHOTS=1 CHROMIUM_PATH=$(CHROMIUM) $(PYTEST) tests/e2e -q
	$(BIN)/python tests/tools/pdf_pages.py screenshots/*.pdf

# Load test: gunicorn with production settings on 127.0.0.1, driven by wrk; then each page's single-request time.
bench: $(DEV)
	scripts/system-packages wrk
	$(BIN)/python tests/tools/bench.py
	$(BIN)/python tests/tools/timings.py
	$(BIN)/python -m pytest tests/benchmarks --benchmark-enable --benchmark-columns=min,median,max,rounds -q

# The npm packages the checks use (lighthouse for `make audit`, vnu-jar for the HTML test), exactly as
# package-lock.json pins them. --ignore-scripts: vnu-jar's install script would fetch a Java; we use the system's.
$(NODE): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

# Lighthouse over the main page types on a production-settings server (npm's lighthouse, Debian's Chromium).
audit: $(DEV) $(NODE)
	CHROMIUM=$(FULL_CHROMIUM) scripts/system-packages chromium
	CHROMIUM_PATH=$(FULL_CHROMIUM) $(BIN)/python tests/tools/audit.py

clean:
	rm -rf $(VENV) staticfiles .env.local db.sqlite3 db.sqlite3-shm db.sqlite3-wal
