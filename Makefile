# Two commands do everything: `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STRICT ?=
export NO_MKDOCS_2_WARNING := 1

.PHONY: build generate test serve clean deploy bench

$(VENV)/.installed: requirements.txt requirements-test.txt constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -c constraints.txt -r requirements-test.txt
	touch $@

generate: $(VENV)/.installed
	$(PY) -m generator build --seeds seeds --out docs $(if $(STRICT),--strict)

build: generate
	$(VENV)/bin/mkdocs build --strict --quiet

test: $(VENV)/.installed
	$(PY) -m pytest -q tests

serve: generate
	$(VENV)/bin/mkdocs serve

deploy: build
	$(VENV)/bin/mkdocs gh-deploy --force

bench: $(VENV)/.installed
	$(PY) -m bench

clean:
	rm -rf site .cache docs/timeline.md docs/sources docs/unresolved.md docs/index.md
