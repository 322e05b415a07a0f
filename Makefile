# Two commands set everything up on a fresh machine:
#   make run   - create .venv if missing, install, run on data/raw/ into data/out/
#   make test  - same set-up, then the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,parquet]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/extract run data/raw --out data/out

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) data/out
