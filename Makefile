# Two commands for a newcomer: `make serve` and `make test`.
# Every target installs what it needs itself (venv, pinned packages, chromium).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt | cksum | cut -d' ' -f1)
NODE_STAMP := node_modules/.installed-$(shell cat package-lock.json 2>/dev/null | cksum | cut -d' ' -f1)
# Material's end-of-life banner on every build is noise, not a build warning.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site test test-unit test-site test-browser wheel bench browser clean help lock lint

help:
	@echo "make serve  - siapkan semuanya lalu sajikan situs di http://127.0.0.1:8000"
	@echo "make test   - siapkan semuanya lalu jalankan semua tes"
	@echo "make site   - bangun situs ke folder site/"
	@echo "make bench  - ukur kecepatan halaman (mencetak angka, bukan tes)"
	@echo "make lint   - ruff, mypy, eslint, actionlint dan zizmor saja (juga bagian dari make test)"

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

venv: $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -f node_modules/.installed-*
	touch $@

node: $(NODE_STAMP)

# Debian's chromium; Playwright's own browser download is not reachable.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "chromium belum terpasang: memasang lewat apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@command -v chromium >/dev/null 2>&1 || { echo "GAGAL: chromium tidak bisa dipasang" >&2; exit 1; }

# The simulators wheel on its own (pip install dist/simulators-*.whl). The site build
# makes the wheel it ships itself, with the same function (sitebuild/stdlib.py).
wheel: $(STAMP)
	rm -rf dist
	$(PY) -c 'import pathlib, sitebuild.stdlib as s; print(s.build_wheel(pathlib.Path("dist")))'

site: $(STAMP) $(NODE_STAMP)
	$(PY) -m mkdocs build --strict --site-dir site

serve: $(STAMP) $(NODE_STAMP)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

test: $(STAMP) $(NODE_STAMP) browser
	$(PY) -m pytest

# The same checks as tests/test_lint.py and tests/test_workflows.py, with the linters' own output.
lint: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check .
	$(PY) -m mypy
	node node_modules/eslint/bin/eslint.js --max-warnings 0 .
	$(PY) -m pytest -q tests/test_workflows.py

bench: $(STAMP) $(NODE_STAMP) browser site
	$(PY) bench/run.py

# requirements.in holds the pins; requirements.txt adds the hash of every file, so a
# changed or substituted package fails the install instead of running.
lock:
	$(PYTHON) -m venv .cache/lock-venv
	.cache/lock-venv/bin/pip install --quiet --disable-pip-version-check pip-tools==7.6.2
	.cache/lock-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe --no-strip-extras \
	  --no-emit-find-links --no-emit-index-url -o requirements.txt requirements.in

clean:
	rm -rf site dist .pytest_cache .hypothesis
