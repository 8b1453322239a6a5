# The two commands of the README: `make demo` (set up + run) and `make test` (set up + all tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo up test bench clean

$(BIN)/welkom: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

setup: $(BIN)/welkom  ## create .venv and install welkom with its test tools

demo: setup  ## set up, start everything and feed the 2024 scenario (Ctrl-C stops)
	$(BIN)/welkom demo

up: setup  ## set up and start everything, without a scenario
	$(BIN)/welkom up

test: setup  ## set up and run every test: unit, then integration against Tansu and PostgreSQL
	$(BIN)/python -m pytest -ra --durations=10

bench: setup  ## raw broker/store limits and welkom's throughput and latency, as ratios
	$(BIN)/welkom bench

clean:
	rm -rf $(VENV) data *.egg-info
