# The two commands: `make run` starts ceplanner, `make test` runs the tests.
# Both create (or reuse) .venv, install what is needed, and check system libraries.
PYTHON ?= python3
SYSTEM_DEPS ?= sh packaging/system-deps.sh
VENV ?= .venv
STAMP := $(VENV)/.installed

.PHONY: run test bench lint screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e ".[test]"
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

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m benchmarks.run

screenshots: $(STAMP)
	@$(SYSTEM_DEPS) test
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m ceplanner.ui.screenshots docs/screenshots

clean:
	rm -rf $(VENV)
