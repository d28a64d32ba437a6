# Two commands matter (see README): `make run` and `make test`.
# Both work as root on a fresh Debian 12 machine with only Python 3.11 and apt.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SCALE  ?= 1000000
# Debian packages the tests and the app need: pcscd + the vpcd virtual reader, the
# headers and swig that pyscard builds from, Qt's runtime libraries for the offscreen
# platform, fonts with Cyrillic, Xvfb for end-to-end runs, socat for serial ptys, Debian's
# chromium and its driver for the office's admin web app in a real browser (selenium).
APT_PKGS := python3-venv python3-dev gcc make pcscd vsmartcard-vpcd libpcsclite-dev swig \
            pcsc-tools socat xvfb libegl1 libgl1 libxkbcommon0 libfontconfig1 \
            chromium chromium-driver \
            libglib2.0-0 libdbus-1-3 fonts-dejavu-core sqlite3 \
            libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
            libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 \
            libusb-1.0-0 debootstrap fakeroot postgresql openssl

.PHONY: run demo screenshots deb test bench sysdeps venv check lint format clean translations

# The cashier app on a screen; without one (no $$DISPLAY), under Xvfb with a note, as
# a headless check that it starts. `make demo` is the same walk-through in a terminal.
run: sysdeps venv
	@if [ -n "$$DISPLAY" ]; then \
	  $(BIN)/loyalty-terminal --db var/demo.sqlite3 demo --app; \
	else \
	  echo "no display: running the app under Xvfb (set DISPLAY to see it); Ctrl-C stops it"; \
	  xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/loyalty-terminal --db var/demo.sqlite3 demo --app; \
	fi

# The store terminals' Debian package (installer/build-deb.sh): dist/loyalty-terminal_*.deb
deb: sysdeps
	bash installer/build-deb.sh

screenshots: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m terminal.ui.screenshots --out docs/screenshots

demo: venv
	$(BIN)/loyalty-terminal --db var/demo.sqlite3 demo

test: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: venv
	$(BIN)/python -m benchmarks.run --scale $(SCALE)

# The static checks, in seconds and without root: the linter, the formatter, the types.
# (`make format` applies the formatter.) make test runs the same checks (tests/test_lint.py).
SOURCES := common terminal drivers sync office tests benchmarks
check: venv
	$(BIN)/ruff check $(SOURCES)
	$(BIN)/ruff format --check $(SOURCES)
	$(BIN)/mypy

lint: check

format: venv
	$(BIN)/ruff check --fix $(SOURCES)
	$(BIN)/ruff format $(SOURCES)

sysdeps:
	@missing=$$(for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages: $$missing"; \
	  if [ "$$(id -u)" != 0 ]; then echo "run as root (or install: $$missing)" >&2; exit 1; fi; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

venv: $(STAMP)

$(STAMP): pyproject.toml office/pyproject.toml
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]' -e ./office
	@touch $@

# After changing texts in the UI: refresh the .ts catalogues from the code (lupdate reads
# the files and folders named in resources/i18n/sources.lst), write our translations into
# them from the data files resources/i18n/ru.toml and uk.toml (fill.py; it names any text
# with no translation and fails), and compile the .qm files the app loads (lrelease).
translations: venv
	$(BIN)/pyside6-lupdate -extensions py -no-obsolete @resources/i18n/sources.lst \
	  -ts resources/i18n/loyalty_ru.ts resources/i18n/loyalty_uk.ts
	$(BIN)/python resources/i18n/fill.py
	for l in ru uk; do $(BIN)/pyside6-lrelease resources/i18n/loyalty_$$l.ts \
	  -qm terminal/ui/translations/loyalty_$$l.qm; done

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache
