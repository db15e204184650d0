# Two commands set everything up on a fresh machine:
#   make run   - install into .venv, ingest the sample articles into the embedded store, serve API and view
#   make test  - install everything (Python packages, spaCy model, Chromium, the Neo4j test build) and run the suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= embedded://$(CURDIR)/var/graph.db
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test install install-test system-deps neo4j-build lint bench clean name-typer

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e ".[test,spark]"
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test system-deps

# Headless Chromium for the view tests (Debian packages; needs root or sudo).
system-deps:
	@{ command -v chromium && command -v chromedriver && ldconfig -p | grep -q libcairo.so.2 && [ -d /usr/share/fonts/truetype/dejavu ]; } >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium chromium-driver libcairo2 fonts-dejavu-core; }

# The trained name typer's weights (committed; rebuild after changing the knowledge base or the builder).
name-typer: $(VENV)/.installed-test
	$(BIN)/pip install -q scikit-learn==1.9.1
	$(BIN)/python -m ingest.entities.build_name_typer

neo4j-build:
	mvn -q -B -f tests/neo4j-server/pom.xml package -DskipTests

run: install
	$(BIN)/actorgraph ingest examples/articles --store "$(STORE)"; test $$? -le 1
	$(BIN)/actorgraph serve --store "$(STORE)" --host $(HOST) --port $(PORT)

test: install-test neo4j-build
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/mypy graph queries

bench: install-test neo4j-build
	$(BIN)/python bench/store.py
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/api.py

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache tests/neo4j-server/target
