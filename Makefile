# Two commands do everything: `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STRICT ?=
export NO_MKDOCS_2_WARNING := 1

.PHONY: build generate test browser serve clean deploy deploy-check bench bench-scale

$(VENV)/.installed: requirements.txt requirements-test.txt constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -c constraints.txt -r requirements-test.txt
	touch $@

generate: $(VENV)/.installed
	$(PY) -m generator build --seeds seeds --out docs $(if $(STRICT),--strict)

# --dirty: hooks/incremental.py writes only what changed since the last build, and builds the
# whole site when anything but pages changed; the site is the same as a clean build's.
build: generate
	$(VENV)/bin/mkdocs build --strict --dirty

test: $(VENV)/.installed browser
	$(PY) -m pytest -q tests

# The browser tests drive Debian's Chromium (never a downloaded build). Installed here when it is
# missing and we are root, as on CI; otherwise they skip, or fail when CI=true.
CHROMIUM := /usr/bin/chromium
browser:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Chromium from Debian's packages for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else echo "No $(CHROMIUM): browser tests skip (as root: apt-get install chromium chromium-driver)"; fi

serve: generate
	$(VENV)/bin/mkdocs serve

deploy: build deploy-check
	$(VENV)/bin/mkdocs gh-deploy --force

# A push to GitHub is refused when a file is over 100 MiB: say which before trying.
deploy-check:
	@big=$$(find site -type f -size +100M | sort); \
	if [ -n "$$big" ]; then \
	  echo "make deploy: GitHub refuses to take a file over 100 MB in a push: $$big" >&2; \
	  echo "Publish this site with the GitHub Actions workflow instead (README, Publishing)." >&2; exit 1; \
	fi

# The tagging table, then the scale table (whose status does not hide the first one's).
bench: $(VENV)/.installed
	$(PY) -m bench; tagging=$$?; $(PY) -m bench.scale && exit $$tagging

bench-scale: $(VENV)/.installed
	$(PY) -m bench.scale

clean:
	rm -rf site .cache tests/artifacts docs/index.md docs/timeline.md docs/unresolved.md docs/report.md docs/tags.md \
	  docs/sources docs/timeline docs/places docs/timeline.json docs/timelinejs.json docs/timeline.csv docs/timeline.ics
