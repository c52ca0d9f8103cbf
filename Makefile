# The two commands: `make run` starts ceplanner, `make test` runs the tests.
# Both create (or reuse) .venv, install what is needed, and check system libraries.
PYTHON ?= python3
SYSTEM_DEPS ?= sh packaging/system-deps.sh
VENV ?= .venv
STAMP := $(VENV)/.installed

DIST ?= dist
BUNDLE_WORK ?= build/pyinstaller

.PHONY: run test bench lint screenshots bundle build-bundle clean translations

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e ".[test,bundle]"
	touch $(STAMP)

# ARGS naming one plan file (an existing file, or a name ending in .ceplan that is not a command)
# is passed whole, so a name with spaces opens (the default plan name has one).
run: $(STAMP)
	@$(SYSTEM_DEPS) gui
	@if [ -n "$(ARGS)" ] && { [ -e "$(ARGS)" ] || case "$(ARGS)" in -*|demo\ *|info\ *|check\ *|gui\ *|export*|import*) false;; *.ceplan) true;; *) false;; esac; }; then \
		set -x; $(VENV)/bin/python -m ceplanner "$(ARGS)"; \
	else \
		set -x; $(VENV)/bin/python -m ceplanner $(ARGS); \
	fi

test: lint
	@$(SYSTEM_DEPS) test
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest $(PYTEST_ARGS)

# Lint and format checks, and strict types in core/ and store/ (part of make test).
lint: $(STAMP)
	$(VENV)/bin/python -m ruff check ceplanner tests benchmarks
	$(VENV)/bin/python -m ruff format --check ceplanner tests benchmarks
	$(VENV)/bin/python -m mypy

# Translations (docs/translating.md): refresh every $(TS_DIR)/*.ts from the source and compile
# each to the .qm the application loads; `make translations NEW=cy` starts Welsh first.
TS_DIR := ceplanner/data/translations
translations: $(STAMP)
	@ts="$(wildcard $(TS_DIR)/*.ts)"; \
	if [ -n "$(NEW)" ]; then ts="$$ts $(TS_DIR)/ceplanner_$(NEW).ts"; fi; \
	if [ -z "$$ts" ]; then echo "No translations yet: 'make translations NEW=cy' starts one."; exit 0; fi; \
	set -ex; \
	$(VENV)/bin/pyside6-lupdate -extensions py -locations relative -no-obsolete ceplanner -ts $$ts; \
	for f in $$ts; do $(VENV)/bin/pyside6-lrelease $$f -qm $${f%.ts}.qm; done

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m benchmarks.run

screenshots: $(STAMP)
	@$(SYSTEM_DEPS) test
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m ceplanner.ui.screenshots docs/screenshots

# The Linux one-folder application, $(DIST)/ceplanner/, and $(DIST)/ceplanner-VERSION-linux-ARCH.tar.gz
# (about a minute and a half on two cores; see docs/packaging.md for Windows and macOS).
bundle: $(STAMP)
	@$(SYSTEM_DEPS) test
	@$(MAKE) --no-print-directory build-bundle

# The same with the tools already in $(VENV) (the slow test in tests/test_bundle.py runs this).
build-bundle:
	rm -rf $(BUNDLE_WORK) $(DIST)/ceplanner
	$(VENV)/bin/python -m PyInstaller --noconfirm --log-level WARN --distpath $(DIST) --workpath $(BUNDLE_WORK) packaging/ceplanner.spec
	version=$$($(VENV)/bin/python -c "import ceplanner; print(ceplanner.__version__)") && \
	archive=$(DIST)/ceplanner-$$version-linux-$$(uname -m).tar.gz && \
	tar -C $(DIST) -czf $$archive ceplanner && echo "Built $(DIST)/ceplanner/ and $$archive"

clean:
	rm -rf $(VENV) build $(DIST)
