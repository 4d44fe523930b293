# dolg — build, test and demo.
#   make demo   build in release, load Fixtures/ into a fresh demo ledger, show overdue, the reports,
#               a manager's work list and tonight's reminders
#   make test   build and run the whole test suite, then a short fuzzing run

SWIFT      ?= swift
PREFIX     ?= /usr/local
DEMO_DIR   := demo
DEMO_DB    := $(DEMO_DIR)/ledger.sqlite
DEMO_TODAY := 2026-11-20
RELEASE    := .build/release/dolg

.PHONY: all deps build release test fuzz torture demo dashboard bench man install clean

all: build

# System packages: SQLite's and zlib's headers, which GRDB and ZIPFoundation compile against (what
# the tool needs); the sqlite3 shell and GNU time, which the tests use to look inside a ledger and
# to measure memory; LibreOffice without a GUI, which the tests open workbooks with; headless
# Chromium and the DejaVu fonts, which the tests lay the dashboard out with; groff, which reads
# the man pages.
SYSTEM_PACKAGES := /usr/include/sqlite3.h:libsqlite3-dev /usr/include/zlib.h:zlib1g-dev \
                   /usr/bin/sqlite3:sqlite3 /usr/bin/time:time /usr/bin/soffice:libreoffice-calc-nogui \
                   /usr/bin/chromium:chromium /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:fonts-dejavu-core \
                   /usr/bin/groff:groff-base

deps:
	@missing=""; for entry in $(SYSTEM_PACKAGES); do \
	  [ -e "$${entry%%:*}" ] || missing="$$missing $${entry##*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing$$missing..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "dolg needs these packages:$$missing (e.g. sudo apt-get install$$missing)" >&2; \
	    exit 1; \
	  fi; \
	fi
	@# The JSON outputs are validated against docs/schemas by Python's jsonschema in the tests.
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The end-to-end tests run the built binary, so build it before the suite; then a short,
# fixed-seed fuzzing run of the parsers (the suite replays everything fuzzing ever kept).
test: build
	$(SWIFT) test
	$(MAKE) fuzz FUZZ_SECONDS=10 FUZZ_SEED=1

# Coverage-guided fuzzing of the parsers (money, rates, phones, dates, CSV, 1C, playbook) with libFuzzer:
# FUZZ_SECONDS per target (30), FUZZ_SEED (0: random). A crash is kept in Fuzz/regressions/.
fuzz: deps
	Fuzz/build.sh
	FUZZ_SECONDS=$${FUZZ_SECONDS:-30} FUZZ_SEED=$${FUZZ_SEED:-0} Fuzz/run.sh

# The long run: more kills, more writers at once, the bad-input corpus, and five minutes of
# fuzzing per parser. Prints what survived.
torture: build
	DOLG_TORTURE_KILLS=$${KILLS:-100} DOLG_TORTURE_WRITERS=$${WRITERS:-16} \
	  $(SWIFT) test --filter 'ReliabilityTests|BadInputTests' 2>&1 \
	  | grep -E 'killDuring|concurrentWriters|badInputs|Test run'
	$(MAKE) fuzz FUZZ_SECONDS=$${FUZZ_SECONDS:-300} FUZZ_SEED=0

demo: release
	rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	DOLG=$(RELEASE) DOLG_DB=$(DEMO_DB) DOLG_TODAY=$(DEMO_TODAY) sh Fixtures/demo/load.sh
	@echo
	@echo "== dolg overdue --as anna (the head's view, as of $(DEMO_TODAY)) =="
	@$(RELEASE) overdue --db $(DEMO_DB) --today $(DEMO_TODAY) --as anna
	@echo
	@echo "== dolg report portfolio =="
	@$(RELEASE) report portfolio --db $(DEMO_DB) --today $(DEMO_TODAY)
	@echo
	@echo "== dolg report aging =="
	@$(RELEASE) report aging --db $(DEMO_DB) --today $(DEMO_TODAY)
	@echo
	@echo "== dolg next --as petr (the work of Пётр Волков this morning) =="
	@$(RELEASE) next --db $(DEMO_DB) --now $(DEMO_TODAY)T09:00 --as petr
	@echo
	@echo "== dolg remind --dry-run (the reminders tonight's run would send) =="
	@$(RELEASE) remind --db $(DEMO_DB) --today $(DEMO_TODAY) --dry-run

# The dashboard of the demo ledger, drawn by headless Chromium into docs/dashboard.png.
dashboard: demo
	$(RELEASE) report html --db $(DEMO_DB) --today $(DEMO_TODAY) --lang ru --out $(DEMO_DIR)/dashboard.html
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1150,1100 \
	  --screenshot=docs/dashboard.png file://$(CURDIR)/$(DEMO_DIR)/dashboard.html

# The benchmark (see docs/performance.md): SIZES="1000 10000 100000", FULL=1 adds 1 000 000.
bench: deps
	@command -v hyperfine >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine; \
	  else echo "make bench needs the hyperfine package" >&2; exit 1; fi; }
	$(SWIFT) build -c release --product dolg
	$(SWIFT) build -c release --product dolg-bench
	bench/run.sh

# The man pages, written from the commands' definitions in both languages where man(1) finds
# them by the locale: MANPATH=.build/man man dolg-next (LANG=ru_RU.UTF-8, or man -L ru, for Russian).
MAN_DIR := .build/man
man: build
	rm -rf $(MAN_DIR)
	$(SWIFT) run -q dolg manual --lang en --directory $(MAN_DIR)/man1
	$(SWIFT) run -q dolg manual --lang ru --directory $(MAN_DIR)/ru/man1

# The binary, its man pages in both languages and shell completions.
install: release
	install -d $(DESTDIR)$(PREFIX)/bin \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 0755 $(RELEASE) $(DESTDIR)$(PREFIX)/bin/dolg
	$(RELEASE) manual --lang en --directory $(DESTDIR)$(PREFIX)/share/man/man1
	$(RELEASE) manual --lang ru --directory $(DESTDIR)$(PREFIX)/share/man/ru/man1
	$(RELEASE) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/dolg
	$(RELEASE) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_dolg
	$(RELEASE) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/dolg.fish

clean:
	rm -rf .build $(DEMO_DIR)
