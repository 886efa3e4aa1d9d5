# Everything a fresh machine needs, from the project's own files.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup drafts test lint bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/setup-system.sh
	bash scripts/setup-system.sh
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Check the example cases and build every draft the toolkit can make so far. The memo
# is built in each case file's language (English, and Russian for claims/*-ru.yaml); the
# communication in French and Spanish has no example case file of its own (the example's
# facts are English or Russian): tests/test_communication_languages.py builds it.
CASES := $(wildcard claims/*.yaml)
COVENANT := $(VENV)/bin/covenant

drafts: setup
	$(COVENANT) check
	$(COVENANT) build $(CASES) --kind memo --to docx,pdf,html
	$(COVENANT) build claims/zheksebaev.yaml claims/zheksebaev-ru.yaml --kind communication --to docx,pdf
	$(COVENANT) build claims/zheksebaev.yaml --kind fairness-report --to docx,pdf
	$(COVENANT) build claims/zheksebaev.yaml --kind fairness-report --public --to docx,pdf
	$(COVENANT) build claims/briefings/*.yaml --kind briefing --to docx,pdf

test: setup
	$(VENV)/bin/ruff check toolkit tests benchmarks
	$(PY) -m pytest -q

# The whole benchmark (30–45 minutes on 2 cores): start-up, 40/200/1,000-footnote
# documents beside pandoc and WeasyPrint, the 135-case batch; then the cost of each
# dimension at four sizes spanning 100× (benchmarks/scale.py, about an hour more);
# writes the tables into docs/performance.md. Not part of `make test`.
bench: setup
	$(PY) benchmarks/performance.py --write docs/performance.md
	$(PY) benchmarks/scale.py --write docs/performance.md

clean:
	rm -rf $(VENV) drafts/*/
