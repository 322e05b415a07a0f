# Two commands set everything up on a fresh machine:
#   make run   - create .venv if missing, install, run on data/raw/ into data/out/
#   make test  - same set-up, then the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install bench report screenshot clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,parquet,dask]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/extract run data/raw --out data/out

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/stages.py
	$(BIN)/python bench/throughput.py

report: run
	$(BIN)/extract report data/out --html data/out/report.html

# The README's screenshot: the report of data/raw in headless Chromium (Debian package chromium).
screenshot: report
	mkdir -p docs
	chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
	  --disable-sync --no-first-run --user-data-dir=$$(mktemp -d) --window-size=1280,1600 \
	  --screenshot=docs/report.png file://$(CURDIR)/data/out/report.html

clean:
	rm -rf $(VENV) data/out
