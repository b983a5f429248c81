# MasterPlan: `make run` and `make test` work on a fresh Debian/Ubuntu machine;
# each installs what it is missing first. The Go build cache is kept between
# runs on purpose: modernc SQLite takes minutes to compile cold.

GO       ?= go
BIN      := bin/masterplan
PKG      := ./cmd/masterplan
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Fyne logs an error for the bare C locale that minimal machines default to;
# give those machines a real one and leave everyone else's alone.
ifeq ($(filter-out C C.UTF-8 POSIX,$(LANG)),)
export LANG := en_US.UTF-8
endif

# Debian packages: the GL/X11 headers Fyne's GLFW driver compiles against,
# and for the tests a virtual display, a D-Bus session, a notification
# daemon, screenshots, PDF-to-text, window automation, and the sqlite3
# tool that makes "another program's" database files for the store tests.
# The Windows build cross-compiles with MinGW-w64 and zips the exe; the
# package checks validate the desktop entry and the AppStream metadata.
RUN_DEBS     := gcc pkg-config libgl1-mesa-dev xorg-dev libxkbcommon-dev
WINDOWS_DEBS := gcc-mingw-w64-x86-64 zip
TEST_DEBS    := $(RUN_DEBS) $(WINDOWS_DEBS) xvfb xauth dbus dbus-x11 dunst libnotify-bin imagemagick poppler-utils xdotool x11-utils \
                desktop-file-utils appstream xz-utils sqlite3

# FyneApp.toml is the one source of the version: every build links it in.
VERSION := $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X main.version=$(VERSION)
FYNE    := fyne.io/tools/cmd/fyne@v1.7.4
# Cross-compiling for Windows: cgo (GLFW) through MinGW-w64.
WINENV  := GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc

.PHONY: run build test unit reliability e2e bench bench-once perf fuzz vet lint fmt-check deps-run deps-test deps-windows \
	package package-test appstream-screenshots windows vet-windows test-windows clean

run: deps-run build
	./$(BIN) $(ARGS)

build:
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) $(PKG)

test: deps-test fmt-check vet vet-windows lint unit test-windows bench-once reliability e2e package-test windows

# -short leaves the reliability tests to their own target: they start child
# processes by the hundred, which the race detector would slow tenfold.
unit:
	$(GO) test -race -short -count=1 -timeout 30m ./...

# Crash safety (the writer SIGKILLed 200 times) and two processes writing
# one file; docs/reliability.md has the figures and the longer runs.
reliability:
	$(GO) test -count=1 -v -run '^(TestCrashSafetyUnderSIGKILL|TestTwoWritersOneFile)$$' ./data/store/

# The end-to-end tests: the real binary in a real X server (Xvfb), and a
# reminder through a real D-Bus session to a real notification daemon
# (the test starts dunst itself). Screenshots land in $(SHOTS) to be looked at.
SHOTS ?= $(CURDIR)/bin/screenshots
e2e: build
	mkdir -p $(SHOTS)
	dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1000x24" \
	  env E2E_BIN=$(CURDIR)/$(BIN) E2E_SHOTS=$(SHOTS) \
	  $(GO) test -tags e2e -count=1 -v -run '^TestE2E' $(PKG)

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Every benchmark once, timing nothing: a benchmark that no longer runs
# (a schema change its set-up missed) fails the tests, not the next
# measurement.
bench-once:
	$(GO) test -count=1 -run '^$$' -bench . -benchtime 1x ./...

# Whole-process timings on the ten-year database: status --json, and
# start-up and memory against a bare Fyne window (docs/performance.md).
perf: deps-test build
	scripts/status.sh 30
	scripts/startup.sh 12

FUZZTIME ?= 60s
fuzz:
	@for t in $$($(GO) test -list '^Fuzz' ./data/transfer/ | grep '^Fuzz'); do \
	  echo "== $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) ./data/transfer/ || exit 1; \
	done

vet:
	$(GO) vet ./...

# Nothing can run Windows programs here, so CI vets the code and compiles
# (and links) every package's tests for Windows: a Windows-only break fails.
vet-windows: deps-windows
	$(WINENV) $(GO) vet ./...

test-windows: deps-windows
	mkdir -p bin/windows-tests
	$(WINENV) $(GO) test -c -o bin/windows-tests/ ./...

# staticcheck, pinned, run through `go run` so that nothing is installed
# outside the Go caches.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
lint:
	$(GO) run $(STATICCHECK) ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi

# Installs the named Debian packages that are not installed yet.
define install_debs
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
endef

deps-run:
	$(call install_debs,$(RUN_DEBS))
	$(GO) mod download

deps-test:
	$(call install_debs,$(TEST_DEBS))
	$(GO) mod download

deps-windows:
	$(call install_debs,$(WINDOWS_DEBS))
	$(GO) mod download

# `fyne package` wants FyneApp.toml and main in one folder: main lives in
# cmd/masterplan, so the top-level FyneApp.toml (the one source of app
# metadata) and the icon are copied there for the duration of the build.
# fyne takes extra linker flags only from GOFLAGS. $(1) is the target OS,
# $(2) more environment for the build (the C cross-compiler).
define fyne_package
	$(GO) install $(FYNE)
	sed 's#assets/icon.png#Icon.png#' FyneApp.toml > $(PKG)/FyneApp.toml
	cp assets/icon.png $(PKG)/Icon.png
	cd $(PKG) && $(2) GOFLAGS="$$($(GO) env GOFLAGS) -ldflags=-X=main.version=$(VERSION)" \
	  $$($(GO) env GOPATH)/bin/fyne package --release -os $(1); \
	  status=$$?; rm -f FyneApp.toml Icon.png; exit $$status
endef

# The tar.xz with a Makefile that installs the app, its desktop entry,
# icon and AppStream metadata (scripts/package-linux.sh adds and checks
# the last two).
package: deps-run
	$(call install_debs,desktop-file-utils appstream xz-utils)
	$(call fyne_package,linux)
	mv $(PKG)/MasterPlan.tar.xz .
	scripts/package-linux.sh MasterPlan.tar.xz $(VERSION)
	ls -l MasterPlan.tar.xz

# The screenshots the AppStream metadata names, taken by the e2e run (light
# theme, 1600x1000): run after a change to the screens they show, look at
# them, commit them.
appstream-screenshots: e2e
	cp $(SHOTS)/dashboard-light-1600.png assets/screenshots/dashboard.png
	cp $(SHOTS)/reading-list-light-1600.png assets/screenshots/reading.png
	cp $(SHOTS)/practice-history-light-1600.png assets/screenshots/practice.png
	cp $(SHOTS)/budget-items-light-1600.png assets/screenshots/budget.png

# Install into a temporary root, check, uninstall, check nothing is left.
package-test: package
	scripts/package-test.sh MasterPlan.tar.xz $(VERSION)

# MasterPlan.exe for windows/amd64: a GUI-subsystem exe (no console
# window) with the icon and version information from FyneApp.toml, and a
# zip of it with a short README.
windows: deps-windows
	$(call fyne_package,windows,GOARCH=amd64 CC=x86_64-w64-mingw32-gcc)
	mv $(PKG)/MasterPlan.exe .
	rm -f MasterPlan-$(VERSION)-windows-amd64.zip
	zip -j -q MasterPlan-$(VERSION)-windows-amd64.zip MasterPlan.exe assets/windows/README.txt
	ls -l MasterPlan.exe MasterPlan-$(VERSION)-windows-amd64.zip

clean:
	rm -rf bin *.tar.xz MasterPlan.exe MasterPlan-*-windows-amd64.zip
