# The two commands of the README: `make site` and `make test`. Everything they need is
# installed here, pinned: Python packages into .venv from the lock files, each file checked
# against its SHA-256 (--require-hashes; `make lock` regenerates them, docs/dependencies.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip --disable-pip-version-check -q
SITE_DIR ?= site

.PHONY: site test lint typecheck unit serve check schema bench-check clean edit

$(VENV)/.runtime: requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --require-virtualenv --require-hashes -r requirements.lock
	touch $@

$(VENV)/.test: $(VENV)/.runtime requirements-test.lock
	$(PIP) install --require-virtualenv --require-hashes -r requirements-test.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages the tests drive for real: Chromium (pages), poppler (PDF previews), faketime
# (feeds built at another wall-clock time must be byte-identical).
# Installed when missing and running as root; otherwise the tests say what is missing.
DEBIAN_PACKAGES := chromium poppler-utils faketime
.PHONY: system-deps
system-deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else echo "Missing Debian packages:$$missing (install them as root)"; exit 1; fi; \
	fi

## Build the demo site into site/ and say how to open it.
site: $(VENV)/.runtime node_modules/.installed
	$(PY) -m generator build --site-dir $(SITE_DIR)
	@echo "Pour le parcourir : make serve (http://127.0.0.1:8000/), ou ouvrez $(CURDIR)/$(SITE_DIR)/index.html"

serve: $(VENV)/.runtime node_modules/.installed
	$(PY) -m generator serve

## Edit the entries in forms, on this working copy, without logging in: Decap's local backend
## (decap-server, on 127.0.0.1:8081) writes the files of data/; the preview rebuilds the site
## and serves the editor at http://127.0.0.1:8000/admin/. Stop with Ctrl-C; review with git diff.
edit: $(VENV)/.runtime node_modules/.installed
	@echo "Éditeur : http://127.0.0.1:8000/admin/ (cliquez « Se connecter » : aucun compte n'est demandé)"
	@trap 'kill $$backend 2>/dev/null' EXIT INT TERM; \
	PORT=8081 BIND_HOST=127.0.0.1 GIT_REPO_DIRECTORY="$(CURDIR)" node node_modules/decap-server/dist/index.js & backend=$$!; \
	( sleep 8; command -v xdg-open >/dev/null && xdg-open http://127.0.0.1:8000/admin/ >/dev/null 2>&1 || true ) & \
	$(PY) -m generator serve

check: $(VENV)/.runtime
	$(PY) -m generator check

schema: $(VENV)/.runtime
	$(PY) -m generator schema --out schemas

## Lint, types and every test.
test: $(VENV)/.test node_modules/.installed system-deps
	$(VENV)/bin/ruff check generator tests benchmarks
	$(VENV)/bin/ruff format --check generator tests benchmarks
	$(VENV)/bin/mypy
	$(PY) -m pytest -n auto --dist loadscope

## PNG previews of every printed leaflet (previews/), to look at them as a reader would.
.PHONY: previews
previews: $(VENV)/.runtime system-deps
	$(PY) -m generator.outputs.leaflets.previews --out previews

## Every benchmark of docs/benchmarks.md: check (and --changed-since), the build by stage
## against a plain MkDocs build, and the preview after one edit; at 1x, 10x and 30x.
.PHONY: bench
bench: bench-check bench-build bench-serve bench-search

bench-check: $(VENV)/.test
	$(PY) benchmarks/bench_check.py

.PHONY: bench-serve
bench-serve: $(VENV)/.test node_modules/.installed
	$(PY) benchmarks/bench_serve.py --scale 10

## Build time, memory and page weights of the demo and of 10x/30x synthetic territories.
.PHONY: bench-build
bench-build: $(VENV)/.test node_modules/.installed
	$(PY) benchmarks/bench_build.py

## Bytes of a first search and time to results (docs/search.md), at 1x and 30x.
.PHONY: bench-search
bench-search: $(VENV)/.test node_modules/.installed system-deps
	$(PY) benchmarks/bench_search.py

## PNGs of the main page templates, desktop and 375 px wide, into previews/.
.PHONY: screenshots
screenshots: $(VENV)/.test node_modules/.installed system-deps
	$(PY) tests/web/screenshots.py previews

## Regenerate requirements.lock and requirements-test.lock (hashes of every file) after a
## change of pins in pyproject.toml; UPGRADE=1 lets versions move. See docs/dependencies.md.
.PHONY: lock
lock:
	test -x .venv-lock/bin/python || $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip --disable-pip-version-check -q install --require-hashes -r tools/uv.lock
	.venv-lock/bin/python tools/lock.py

clean:
	rm -rf $(SITE_DIR) .serve-site .serve-build .pytest_cache .mypy_cache .ruff_cache
