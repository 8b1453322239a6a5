# The two commands of the README: `make demo` (set up + run) and `make test` (set up + all tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
PROMTOOL := /usr/bin/promtool
KLANTEN := tests/integration/klanten

.PHONY: setup postgres kafka-jars demo up test bench clean

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

# tests/unit/test_deploy.py runs promtool on deploy/prometheus/; Debian ships it in `prometheus`.
# Installed without its recommends (no node exporter), and with a policy-rc.d that forbids
# starting services for the length of the install, so no Prometheus daemon is left on :9090; the
# unit systemd would start at boot is disabled.
$(PROMTOOL):
	@if [ "$$(id -u)" = 0 ]; then \
		echo "installing Debian's prometheus package for promtool (the daemon is not started)"; \
		own_policy=; \
		if [ ! -e /usr/sbin/policy-rc.d ]; then \
			printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 0755 /usr/sbin/policy-rc.d && own_policy=1; \
		fi; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends prometheus; \
		status=$$?; \
		if [ -n "$$own_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi; \
		if [ -d /run/systemd/system ]; then systemctl disable --now prometheus.service >/dev/null 2>&1 || true; fi; \
		exit $$status; \
	else \
		echo "The deploy tests need promtool at $(PROMTOOL) (Debian package prometheus)." >&2; \
		echo "Install it as root: apt-get update && apt-get install -y --no-install-recommends prometheus" >&2; \
		echo "(then stop and disable the daemon it starts: systemctl disable --now prometheus); then run make again." >&2; \
		exit 1; \
	fi

# The foreign-client tests' JavaScript partner (kafkajs, the CNCF CloudEvents SDK, ajv) from the committed
# lock with `npm ci`, only when node_modules is missing or older than the lock: offline, what is there stays.
# Node 20 or later comes with the machine (Debian 12's own nodejs, 18, is too old for the CloudEvents SDK).
$(KLANTEN)/node_modules/.npm-ci: $(KLANTEN)/package.json $(KLANTEN)/package-lock.json
	@node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' 2>/dev/null && command -v npm >/dev/null || { \
		echo "The foreign-client tests need node 20 or later and npm (for $(KLANTEN)); install them, then run make again." >&2; \
		exit 1; }
	cd $(KLANTEN) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The integration tests need PostgreSQL on 127.0.0.1:5432: one that answers is used as it is,
# else the project's own test cluster is started (installing Debian's server when it is missing).
postgres:  ## use or start the test PostgreSQL on 127.0.0.1:5432 (idempotent)
	@bash deploy/postgres/testbed.sh

# Apache Kafka's jars for the integration tests and `make kafka`: resolved by Maven once, into a cache
# outside the repository (~/.cache/welkom/kafka); later runs download nothing.
kafka-jars: $(BIN)/welkom  ## resolve Apache Kafka's jars from Maven Central (once)
	@$(BIN)/python -m services.kafkabed.jars

setup: $(BIN)/welkom postgres kafka-jars $(CHROMIUM) $(PROMTOOL) $(KLANTEN)/node_modules/.npm-ci  ## .venv with the test tools, PostgreSQL, Kafka's jars, chromium, promtool, the npm clients

# The demo runs on SQLite and the bundled broker: it needs only the .venv.
demo: $(BIN)/welkom  ## install welkom, start everything and feed the 2024 scenario (Ctrl-C stops)
	$(BIN)/welkom demo

up: $(BIN)/welkom  ## install welkom and start everything, without a scenario
	$(BIN)/welkom up

test: setup  ## set up and run every test: unit, then integration against Tansu and PostgreSQL
	$(BIN)/python -m pytest -ra --durations=10

bench: setup  ## raw broker/store limits and welkom's throughput and latency, as ratios
	$(BIN)/welkom bench

.PHONY: kafka
kafka: $(BIN)/welkom kafka-jars  ## Apache Kafka 4.1.1 (KRaft, SASL_SSL, ACLs) in data/kafka; prints welkom's export lines (Ctrl-C stops)
	$(BIN)/python -m services.kafkabed

.PHONY: kafka-storing
kafka-storing: $(BIN)/welkom postgres kafka-jars  ## a cluster fault: 3 Kafka brokers, one killed (kill -9) during a load of 1,000 households; checks, figures
	$(BIN)/python -m services.kafkabed.storing

clean:
	rm -rf $(VENV) data *.egg-info
