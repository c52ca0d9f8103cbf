# The two commands: `make run` starts ceplanner, `make test` runs the tests.
# Both create (or reuse) .venv, install what is needed, and check system libraries.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: run test bench lint screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	@sh packaging/system-deps.sh gui
	$(VENV)/bin/python -m ceplanner $(ARGS)

test: $(STAMP)
	@sh packaging/system-deps.sh test
	$(VENV)/bin/python -m ruff check ceplanner tests benchmarks
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m benchmarks.run

screenshots: $(STAMP)
	@sh packaging/system-deps.sh test
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m ceplanner.ui.screenshots docs/screenshots

clean:
	rm -rf $(VENV)
