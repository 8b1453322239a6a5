# The two commands of the README: `make demo` (set up + run) and `make test` (set up + all tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium

.PHONY: setup demo up test bench clean

$(BIN)/welkom: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

# The browser test drives Debian's chromium through Playwright (no browser download of its own).
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then \
		echo "installing Debian's chromium for the browser test"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	else \
		echo "The browser test needs Debian's chromium at $(CHROMIUM)." >&2; \
		echo "Install it as root: apt-get update && apt-get install -y chromium; then run make again." >&2; \
		exit 1; \
	fi

setup: $(BIN)/welkom $(CHROMIUM)  ## create .venv, install welkom with its test tools, and chromium

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
