# Everything runs inside .venv, which this Makefile creates and fills from requirements.lock.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: extract test schema golden check bench fuzz clean browser review-shot

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

## extract: raw/ -> output/ (the main job)
extract: $(STAMP)
	$(PY) -m pipeline extract raw -o output

## test: the whole test suite (installs Debian's chromium for the review page's browser test when missing)
test: $(STAMP) browser
	$(PY) -m pytest -q

## browser: Debian's chromium, for the browser test of `pipeline review` (apt-get, as root, when missing)
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || echo "make: chromium is missing and could not be installed here; the browser tests will be skipped"

## review-shot: the README's screenshot of the seed's review page (docs/review-seed.png)
review-shot: $(STAMP) browser
	$(PY) -m pipeline review raw -o build/review
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1100 \
	  --screenshot=docs/review-seed.png "file://$(CURDIR)/build/review/diplomatic-society-2017-anti-corruption-conference-recommendations.html"

## schema: regenerate schemas/ from the pydantic models
schema: $(STAMP)
	$(PY) -m pipeline schema -o schemas/document.schema.json

## golden: regenerate output/ on purpose (review the diff before committing)
golden: extract
	git --no-pager diff --stat -- output

## check: is output/ up to date with raw/ and the parser?
check: $(STAMP)
	$(PY) -m pipeline extract raw -o output --check

BENCH_STAMP := $(VENV)/.bench-installed

$(BENCH_STAMP): $(STAMP) requirements-bench.lock
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-bench.lock
	touch $@

## bench: speed (table, bench/results/bench.json and .png) and chrome-stripping quality, side by side with trafilatura
bench: $(BENCH_STAMP)
	$(PY) bench/run_bench.py --out bench/results
	$(PY) bench/chrome_bench.py --json bench/results/chrome.json

FUZZ_STAMP := $(VENV)/.fuzz-installed
SECONDS ?= 60

$(FUZZ_STAMP): $(STAMP) requirements-fuzz.lock
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-fuzz.lock
	touch $@

## fuzz: coverage-guided fuzzing of the text and HTML paths for SECONDS (default 60)
fuzz: $(FUZZ_STAMP)
	mkdir -p fuzz/corpus fuzz/crashes
	cp -n tests/fixtures/documents/*.txt tests/fixtures/documents/*.md tests/fixtures/html/* raw/* fuzz/corpus/ 2>/dev/null || true
	cd fuzz/crashes && ../../$(PY) ../fuzz_pipeline.py -max_total_time=$(SECONDS) -rss_limit_mb=4096 -max_len=65536 ../corpus

clean:
	rm -rf $(VENV) build *.egg-info
