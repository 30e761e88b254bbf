# The README's two commands are `make run` and `make test`; the rest are for developers.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# The test suite and the benchmark run against the local PostgreSQL (see README).
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/spf_coalition
REDIS_URL ?= redis://127.0.0.1:6379/0

.PHONY: run test bench lint format messages install clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e . --group dev
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py load_demo
	@echo
	@echo "  SPF Coalition Hub: http://127.0.0.1:8000/"
	@echo "  Admin:             http://127.0.0.1:8000/admin/  (user: admin  password: admin)"
	@echo
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

# In-process tests run Celery tasks eagerly (as `make run` does); the integration tests
# start real workers and gunicorn against their own Redis databases.
test: $(STAMP)
	@. scripts/ensure-services && \
	DATABASE_URL="$${SPF_TEST_DATABASE_URL:-$(TEST_DATABASE_URL)}" \
	DEBUG=1 $(PY) -m pytest $(PYTEST_ARGS)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	DEBUG=0 SECRET_KEY=check-deploy-$$(date +%s)-0123456789abcdefghijklmnopqrstuvwxyz ALLOWED_HOSTS=hub.example.org SITE_URL=https://hub.example.org \
	$(PY) manage.py check --deploy --fail-level WARNING

bench: $(STAMP)
	@. scripts/ensure-services && \
	DEBUG=1 DATABASE_URL="$(TEST_DATABASE_URL)" REDIS_URL="$(REDIS_URL)" $(PY) manage.py bench

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Update the French and Spanish catalogues from the code and compile them (GNU gettext).
messages: $(STAMP)
	DEBUG=1 $(PY) manage.py makemessages -l fr -l es --no-obsolete --ignore ".venv/*" --ignore "tests/*" --ignore "test-output/*"
	DEBUG=1 $(PY) manage.py compilemessages --ignore ".venv/*"

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles test-output
