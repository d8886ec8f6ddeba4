# Two entry points: `make demo` and `make test`. Both create the virtualenv they need.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python

.PHONY: demo test lint typecheck docs pytest scraper-example schema bench screenshots clean

$(VENV)/.base: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.dev: $(VENV)/.base
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

$(VENV)/.bench: $(VENV)/.dev
	$(PY) -m pip install -q -e ".[dev,bench]"
	touch $@

demo: $(VENV)/.base
	$(PY) examples/demo.py

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(VENV)/.dev
	$(VENV)/bin/mypy --strict src/

docs: $(VENV)/.dev
	$(VENV)/bin/mkdocs build --strict --site-dir $(CURDIR)/site

pytest: $(VENV)/.dev
	$(PY) -m pytest -q

# The example scraper project, as a separate project: installing it installs newsclean's pytest11 entry
# point for real; pytest runs from its own folder, so its pyproject.toml is the rootdir.
scraper-example: $(VENV)/.dev
	$(PY) -m pip install -q -e examples/scraper_tests
	cd examples/scraper_tests && $(CURDIR)/$(PY) -m pytest -q -p no:cacheprovider

test: lint typecheck docs pytest scraper-example

schema: $(VENV)/.base
	$(VENV)/bin/newsclean schema > docs/article.schema.json

# The report screenshots of docs/explain.md; needs /usr/bin/chromium (apt-get install chromium).
screenshots: $(VENV)/.dev
	$(PY) docs/_ext/screenshots.py

bench: $(VENV)/.bench
	$(PY) -m benchmarks

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
