# The two commands of the README: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE := samples
OUT := output/sample
# Prefect's embedded server: no telemetry on a closed network, no server-side services a batch run never uses.
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
# Cached bytecode halves the time Prefect takes to import; some shells switch it off.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: run test lint format clean browser

# The HTML report's browser test runs Debian's Chromium; installed here, never downloaded by a test tool.
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

$(BIN)/newsclean: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	@touch $@

run: $(BIN)/newsclean
	$(BIN)/newsclean run $(SAMPLE) --out $(OUT)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

browser: $(CHROMIUM)

test: $(BIN)/newsclean $(CHROMIUM)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: $(BIN)/newsclean
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/newsclean
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache
