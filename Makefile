# derive — set-up, build, render and test.
#
#   make render   install what is missing, build, render notebooks/ into output/
#   make test     install what is missing, build, lint, run the test suite and check the gallery
#   make corpus   measure derive on the corpus of real derivations in Tests/Corpus
#   make corpus-crosscheck  recompute the corpus's expected verdicts with scikit-learn and scipy
#   make bench    derive's log marginal likelihood against scikit-learn's, timed alternately
#   make bench-render  derive render against jupyter nbconvert --execute, same derivation
#   make fixtures regenerate the scikit-learn reference values of the Numerics tests
#   make browser-test  the gallery in headless Chromium at phone and wide-screen widths
#   make math-font     remake the math font the reports embed (fonts/README.md)
#   make install  a release build that runs without the Swift toolchain, with its man page
#                 and shell completions, into $(DESTDIR)$(PREFIX) (default /usr/local)
#   make uninstall  remove what make install installed
#   make test-dist  install into a temporary prefix and test it outside the repository
#
# Every target installs the Debian packages it needs first. The check is idempotent:
# a package whose pkg-config module is already found is skipped, and `apt-get update`
# runs only when something is missing.

SWIFT ?= swift
DERIVE_DEBUG := .build/debug/derive
DERIVE_RELEASE := .build/release/derive

# Debian package : pkg-config module that proves it is installed.
BUILD_DEBS := libcmark-dev:libcmark libopenblas-dev:openblas liblapacke-dev:lapacke

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# BLAS threads and kernels are pinned for the tests and the gallery so that results do not
# depend on the machine: OpenBLAS picks its kernels by CPU (an AVX-512 Cooperlake and a
# Haswell differ in the last bits, which moves a borderline verdict of the #31366 grid),
# and OPENBLAS_CORETYPE=Haswell runs the same AVX2 kernels on every x86-64 CPU since 2013.
TEST_ENV := OPENBLAS_NUM_THREADS=1 OPENBLAS_CORETYPE=Haswell

# The gallery is trusted: its time budget is generous, so that a machine others share does
# not stop its checks (a check a limit stops is not run, and fails the run).
GALLERY_LIMITS := --time-limit 600

# The gallery's code cells run with numpy and scikit-learn pinned in notebooks/requirements.txt,
# installed into a git-ignored virtualenv; derive finds it through DERIVE_PYTHON. Only the
# gallery's own notebooks run with code allowed (DERIVE_ALLOW_CODE=1).
CODE_VENV := .venv
CODE_PYTHON := $(CODE_VENV)/bin/python
CODE_STAMP := $(CODE_VENV)/.installed
CODE_ENV := DERIVE_PYTHON=$(abspath $(CODE_PYTHON)) DERIVE_ALLOW_CODE=1

.PHONY: deps test-deps code-deps browser-deps browser-test math-font build release render test lint check-gallery corpus \
	corpus-crosscheck check-corpus bench bench-render screenshots \
	pandoc-crosscheck fixtures format clean \
	install-build install uninstall test-dist test-install \
	dist-deps test-action \
	test-pre-commit

## deps: install the Debian packages derive builds against, if missing
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="pkg-config"; \
	for pair in $(BUILD_DEBS); do \
	  deb=$${pair%%:*}; module=$${pair##*:}; \
	  pkg-config --exists $$module 2>/dev/null || missing="$$missing $$deb"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "derive: installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## test-deps: Python's jsonschema, with which the tests validate `derive check --format json`
## against docs/check-report.schema.json, if missing: from pip, or from Debian where pip
## is missing or the system Python refuses it
test-deps:
	@python3 -c 'import jsonschema' 2>/dev/null || { \
	  echo "derive: installing Python's jsonschema"; \
	  python3 -m pip install -q jsonschema 2>/dev/null || \
	  python3 -m pip install -q --break-system-packages jsonschema 2>/dev/null || \
	  { $(SUDO) apt-get update -qq && \
	    $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-jsonschema; }; }

## browser-deps: headless Chromium (the browser tests, `render --pdf`), poppler's pdftotext
## (the PDF test) and a text font, from Debian, if missing. $$DERIVE_CHROMIUM names another
## Chromium (Chrome) instead.
browser-deps:
	@missing=""; \
	[ -n "$$DERIVE_CHROMIUM" ] || command -v chromium >/dev/null 2>&1 || \
	  command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 || \
	  missing="chromium"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
	  echo "derive: installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## code-deps: the virtualenv of the gallery's code cells (Debian's python3-venv if venv is missing)
code-deps: $(CODE_STAMP)

$(CODE_STAMP): notebooks/requirements.txt
	@python3 -c 'import ensurepip, venv' 2>/dev/null || { \
	  echo "derive: installing Debian's python3-venv"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv; }
	python3 -m venv $(CODE_VENV)
	$(CODE_PYTHON) -m pip install -q -r notebooks/requirements.txt
	touch $(CODE_STAMP)

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## render: render the gallery notebooks/ into output/
render: build code-deps
	$(TEST_ENV) $(CODE_ENV) $(DERIVE_DEBUG) render $(GALLERY_LIMITS) notebooks -o output

## test: the code formatted, the whole test suite, then the gallery: every check as
## expected, output/ fresh; then the corpus (see check-corpus), then the gallery in
## Chromium (see browser-test)
test: build test-deps browser-deps code-deps lint
	$(TEST_ENV) $(CODE_ENV) $(SWIFT) test
	$(MAKE) --no-print-directory check-gallery
	$(MAKE) --no-print-directory check-corpus
	$(MAKE) --no-print-directory browser-test

## lint: fail when `make format` would change a file (swift-format ships with the toolchain)
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift Benchmarks

check-gallery: code-deps
	$(TEST_ENV) $(CODE_ENV) $(DERIVE_DEBUG) check $(GALLERY_LIMITS) notebooks
	$(TEST_ENV) $(CODE_ENV) $(DERIVE_DEBUG) render --check $(GALLERY_LIMITS) notebooks -o output

## corpus: how many relations of real derivations derive judges as written (Tests/Corpus/README.md)
corpus: build
	python3 Tests/Corpus/measure.py --derive $(DERIVE_DEBUG)

## check-corpus: measure.py's own tests, then the corpus, failing on a broken corpus. Six relations
## are judged wrongly today (Tests/Corpus/MEASUREMENTS.md); when none is, CORPUS_FLAGS becomes
## --fail-on-wrong so that make test fails on any relation judged wrongly.
CORPUS_FLAGS ?=
check-corpus:
	python3 -m unittest discover -s Tests/Corpus -p 'test_*.py'
	python3 Tests/Corpus/measure.py --derive $(DERIVE_DEBUG) $(CORPUS_FLAGS)

# The gallery as this build renders it (output/ is fresh by its inputs hash, not its bytes,
# so a change to the page itself would not show there), in Chromium at 390 and 1400 px.
BROWSER_REPORTS := .build/browser/reports

## browser-test: the gallery in headless Chromium: no sideways scrolling, nothing cut off,
## equations beside their panels on wide screens, contrast, the embedded math font; then
## `render --pdf` of three notebooks, each equation on the page of its verdict
browser-test: build browser-deps code-deps
	rm -rf $(BROWSER_REPORTS)
	$(TEST_ENV) $(CODE_ENV) $(DERIVE_DEBUG) render $(GALLERY_LIMITS) notebooks -o $(BROWSER_REPORTS) >/dev/null
	python3 Tests/Browser/layout_test.py $(BROWSER_REPORTS)/*.html
	$(TEST_ENV) python3 Tests/Browser/pdf_test.py $(DERIVE_DEBUG) notebooks/sklearn-pr-11116-wrong.md \
	  notebooks/sklearn-issue-31366-grid.md notebooks/mauna-loa-co2.md

# fontTools and brotli (WOFF2) in a git-ignored virtualenv, for the math font's subsetter.
FONT_VENV := fonts/.venv
LATIN_MODERN_MATH := /usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf

## math-font: the subset of Latin Modern Math the reports embed, from Debian's fonts-lmodern
math-font:
	@[ -e $(LATIN_MODERN_MATH) ] || { $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-lmodern; }
	@[ -x $(FONT_VENV)/bin/python ] || python3 -m venv $(FONT_VENV)
	@$(FONT_VENV)/bin/python -c 'import fontTools, brotli' 2>/dev/null || \
	  $(FONT_VENV)/bin/python -m pip install -q 'fonttools==4.69.1' 'brotli==1.2.1'
	$(FONT_VENV)/bin/python fonts/make_math_font.py $(LATIN_MODERN_MATH)

# scikit-learn (pinned in Benchmarks/requirements.txt) in a git-ignored virtualenv.
BENCH_VENV := Benchmarks/.venv
BENCH_PYTHON := $(BENCH_VENV)/bin/python
BENCH_STAMP := $(BENCH_VENV)/.installed
# BLAS threads for both sides of the benchmark: one, derive's default. With two cores and
# the sides taking turns, the idle side's BLAS threads spin on the core the other needs.
BENCH_THREADS ?= 1

$(BENCH_STAMP): Benchmarks/requirements.txt
	python3 -m venv $(BENCH_VENV)
	$(BENCH_PYTHON) -m pip install -q -r Benchmarks/requirements.txt
	touch $(BENCH_STAMP)

## bench: release build, then derive and scikit-learn on the same data and BLAS threads,
## timed alternately run by run. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, which some machines
## set for old OpenBLAS builds, slow numpy's current one: both are unset for this command
## alone (never for the tests), and the kernels each side runs are printed.
bench: deps $(BENCH_STAMP)
	$(SWIFT) build -c release --product NumericsBenchmark
	env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=$(BENCH_THREADS) \
	  $(BENCH_PYTHON) Benchmarks/bench.py .build/release/NumericsBenchmark

## bench-render: derive render of the seed notebook against jupyter nbconvert --execute of
## the same derivation (Benchmarks/render/), then the gallery's cold time per notebook
bench-render: deps
	SWIFT=$(SWIFT) OPENBLAS_NUM_THREADS=1 python3 Benchmarks/render/bench_render.py

## corpus-crosscheck: recompute the corpus's expected verdicts with numpy, scipy and scikit-learn
corpus-crosscheck: $(BENCH_STAMP)
	$(BENCH_PYTHON) Tests/Corpus/crosscheck.py
	$(BENCH_PYTHON) Tests/Corpus/crosscheck-b.py

## fixtures: regenerate Tests/NumericsTests/Fixtures/*.json from scikit-learn
fixtures: $(BENCH_STAMP)
	$(BENCH_PYTHON) Tests/NumericsTests/Fixtures/make_fixtures.py

# --- Installing -------------------------------------------------------------------------
#
# The installed binary links the Swift standard library and Foundation statically
# (--static-swift-stdlib), so it runs on a machine without the Swift toolchain; it needs only
# the Debian runtime packages of libcmark, OpenBLAS and LAPACKE (the README names them, from
# `ldd`). It is built in its own folder: the static link changes SwiftPM's build flags, and
# sharing .build/release with `make bench` would rebuild everything at each switch.
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
DATAROOTDIR ?= $(PREFIX)/share
MANDIR ?= $(DATAROOTDIR)/man
INSTALL ?= install
# `install -s` strips the symbol table and debug information (83 MB → 61 MB); `make install
# INSTALL_STRIP=` keeps them, for symbolicated crash backtraces.
INSTALL_STRIP ?= -s
INSTALL_BUILD := .build-install
INSTALL_STAGE := $(INSTALL_BUILD)/stage
DERIVE_STATIC := $(INSTALL_BUILD)/release/derive
# The man page's date: the last commit's, so that two installs of one commit are identical.
MANUAL_DATE := $(shell git log -1 --format=%cs 2>/dev/null || date -u +%F)

# Each installed file, under $(DESTDIR); `make uninstall` removes exactly these.
INSTALLED_BIN := $(BINDIR)/derive
INSTALLED_MAN := $(MANDIR)/man1/derive.1
INSTALLED_BASH := $(DATAROOTDIR)/bash-completion/completions/derive
INSTALLED_ZSH := $(DATAROOTDIR)/zsh/site-functions/_derive
INSTALLED_FISH := $(DATAROOTDIR)/fish/vendor_completions.d/derive.fish

## install-build: the static release binary, then its man page and completions, staged in
## .build-install/stage. The man page comes from swift-argument-parser's generate-manual
## tool (the engine of its `generate-manual` plugin) run on this binary: the plugin itself
## would build derive a second time, in release mode and without the static link.
install-build: deps
	$(SWIFT) build -c release --static-swift-stdlib --product derive --scratch-path $(INSTALL_BUILD)
	$(SWIFT) build --product generate-manual --scratch-path $(INSTALL_BUILD)
	rm -rf $(INSTALL_STAGE)
	mkdir -p $(INSTALL_STAGE)
	$(DERIVE_STATIC) --generate-completion-script bash > $(INSTALL_STAGE)/derive.bash
	$(DERIVE_STATIC) --generate-completion-script zsh > $(INSTALL_STAGE)/_derive
	$(DERIVE_STATIC) --generate-completion-script fish > $(INSTALL_STAGE)/derive.fish
	$(INSTALL_BUILD)/debug/generate-manual $(DERIVE_STATIC) --date $(MANUAL_DATE) \
	  --output-directory $(INSTALL_STAGE)

## install: derive, its man page and its bash, zsh and fish completions
install: install-build
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	  $(dir $(DESTDIR)$(INSTALLED_BASH)) $(dir $(DESTDIR)$(INSTALLED_ZSH)) $(dir $(DESTDIR)$(INSTALLED_FISH))
	$(INSTALL) -m 0755 $(INSTALL_STRIP) $(DERIVE_STATIC) $(DESTDIR)$(INSTALLED_BIN)
	$(INSTALL) -m 0644 $(INSTALL_STAGE)/derive.1 $(DESTDIR)$(INSTALLED_MAN)
	$(INSTALL) -m 0644 $(INSTALL_STAGE)/derive.bash $(DESTDIR)$(INSTALLED_BASH)
	$(INSTALL) -m 0644 $(INSTALL_STAGE)/_derive $(DESTDIR)$(INSTALLED_ZSH)
	$(INSTALL) -m 0644 $(INSTALL_STAGE)/derive.fish $(DESTDIR)$(INSTALLED_FISH)

## uninstall: remove the files make install installed (folders are left: others share them)
uninstall:
	rm -f $(DESTDIR)$(INSTALLED_BIN) $(DESTDIR)$(INSTALLED_MAN) $(DESTDIR)$(INSTALLED_BASH) \
	  $(DESTDIR)$(INSTALLED_ZSH) $(DESTDIR)$(INSTALLED_FISH)

# The distribution tests' tools from PyPI (pinned), in a git-ignored virtualenv.
DIST_VENV := Tests/Distribution/.venv
DIST_STAMP := $(DIST_VENV)/.installed

$(DIST_STAMP): Tests/Distribution/requirements.txt
	python3 -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/pip install -q -r Tests/Distribution/requirements.txt
	touch $(DIST_STAMP)

## dist-deps: what the distribution tests run besides derive: shellcheck and man from Debian
## (if missing), actionlint, check-jsonschema and pre-commit from PyPI
dist-deps: $(DIST_STAMP)
	@missing=""; \
	command -v shellcheck >/dev/null 2>&1 || missing="shellcheck"; \
	command -v man >/dev/null 2>&1 || missing="$$missing man-db"; \
	if [ -n "$$missing" ]; then \
	  echo "derive: installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## test-dist: the tests of derive as others use it, which need a release build (minutes on
## two cores) and so are not part of `make test`; .ci/run runs them after it
test-dist: test-install test-action test-pre-commit

## test-pre-commit: the hooks of .pre-commit-hooks.yaml through `pre-commit try-repo` on a
## fixture repository (Tests/Distribution/pre-commit.sh); pre-commit builds derive itself
test-pre-commit: dist-deps install-build
	bash Tests/Distribution/pre-commit.sh

## test-action: the Action's YAML linted, and its script run on a fixture repository with the
## runner's variables faked (Tests/Distribution/action.sh)
test-action: dist-deps install-build
	SWIFT=$(SWIFT) bash Tests/Distribution/action.sh

## test-install: make install into a temporary prefix, then run the installed derive
## outside the repository with no Swift toolchain on PATH (Tests/Distribution/install.sh)
test-install:
	SWIFT=$(SWIFT) bash Tests/Distribution/install.sh

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift Benchmarks

clean:
	rm -rf .build $(INSTALL_BUILD) .build-precommit
