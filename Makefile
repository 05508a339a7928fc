# Polku: `make run` for a demo on SQLite, `make test` for the whole suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast test-browser lint messages install clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# Runs Polku with demo data on SQLite at http://127.0.0.1:8000 (`make run PORT=8123` for another port; the
# links in e-mails follow it), with a task worker beside it.
PORT ?= 8000
RUN_ENV := POLKU_DEBUG=true POLKU_SITE_URL=http://127.0.0.1:$(PORT)
run: $(STAMP)
	$(RUN_ENV) $(BIN)/polku migrate --noinput -v 0
	$(RUN_ENV) $(BIN)/polku demo --if-empty
	@echo "Starting the task worker and the web server at http://127.0.0.1:$(PORT) (Ctrl-C stops both)"
	@$(RUN_ENV) $(BIN)/polku worker & worker=$$!; \
	  trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	  $(RUN_ENV) $(BIN)/polku serve --bind 127.0.0.1:$(PORT)

# The whole suite: lint, types, schema, unit/integration tests, browser tests.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy
	POLKU_DEBUG=true $(BIN)/polku makemigrations --check --dry-run -v 0
	POLKU_DEBUG=true $(BIN)/polku spectacular --validate --fail-on-warn --file /dev/null
	$(BIN)/pytest -n 2 -m "not browser"
	$(MAKE) test-browser

test-fast: $(STAMP)
	$(BIN)/pytest -n 2 -m "not browser"

test-browser: $(STAMP)
	@test -x /usr/bin/chromium || { echo "Browser tests need Debian's chromium: apt-get install -y chromium"; exit 1; }
	$(BIN)/pytest -m browser -p no:xdist

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports --no-cache && $(BIN)/mypy

# Translators' loop: refresh the catalogues from the code, then compile them (the .mo files are committed,
# so running Polku needs no gettext tools; a test checks they match the .po files).
# Apps with a locale/ folder of their own keep their strings there; the project catalogue takes the rest.
APP_CATALOGUES := $(patsubst polku/%/locale,%,$(wildcard polku/*/locale))
messages: $(STAMP)
	cd polku && POLKU_DEBUG=true ../$(BIN)/python ../manage.py makemessages -l fi -l sv -l en --ignore=tests --ignore=testing $(foreach app,$(APP_CATALOGUES),--ignore=$(app)) --no-obsolete
	for app in $(APP_CATALOGUES); do \
	  (cd polku/$$app && POLKU_DEBUG=true ../../$(BIN)/python ../../manage.py makemessages -l fi -l sv -l en --ignore=tests --no-obsolete) || exit 1; \
	done
	POLKU_DEBUG=true $(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var
