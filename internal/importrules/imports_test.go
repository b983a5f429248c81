// Package importrules holds the rules of which package may import which
// (docs/architecture.md), checked with `go list` over the whole module.
package importrules

import (
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/masterplan-app/masterplan"

// pkg is what `go list -json` says of a package that the rules read.
type pkg struct {
	ImportPath string
	Imports    []string // direct, without the tests'
	Deps       []string // every package it needs, directly or not
}

// listPackages lists every package of the module.
func listPackages(t *testing.T) map[string]pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-json=ImportPath,Imports,Deps", module+"/...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		t.Fatalf("go list: %v\n%s", err, exit.Stderr)
	}
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	pkgs := map[string]pkg{}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p pkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs[p.ImportPath] = p
	}
	if len(pkgs) < 10 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	return pkgs
}

func under(path, dir string) bool { return path == dir || strings.HasPrefix(path, dir+"/") }

// The domain package is the bottom layer: it imports nothing of ours.
func TestDataImportsNothingOfOurs(t *testing.T) {
	p := listPackages(t)[module+"/data"]
	for _, d := range p.Deps {
		if under(d, module) {
			t.Errorf("data needs %s; the domain imports nothing of ours", d)
		}
	}
}

// Nothing under data/ needs Fyne: the domain, the store and the formats
// run in the CLI and in tests without a display.
func TestNothingUnderDataNeedsFyne(t *testing.T) {
	for path, p := range listPackages(t) {
		if !under(path, module+"/data") {
			continue
		}
		for _, d := range p.Deps {
			if under(d, "fyne.io/fyne/v2") {
				t.Errorf("%s needs %s", path, d)
				break
			}
		}
	}
}

// The store does not know the JSON format: data/transfer converts to and
// from domain types, and data/transfer/dbjson holds the merge rules and
// calls the store's batch writers (issue 15).
func TestStoreDoesNotImportTransfer(t *testing.T) {
	var broken []string
	for path, p := range listPackages(t) {
		if !under(path, module+"/data/store") || under(path, module+"/data/store/seed") {
			continue // the seed generator writes a practice CSV through the import, as a user would
		}
		if slices.Contains(p.Deps, module+"/data/transfer") {
			broken = append(broken, path+" needs data/transfer")
		}
	}
	if len(broken) > 0 {
		t.Error(strings.Join(broken, "\n"))
	}
}

// Only the program's main package picks the Fyne app driver and the
// notification library: the rest takes them as interfaces, so tests run
// them with fakes. scripts/barewindow is the bare Fyne window the
// start-up measurement compares against (scripts/startup.sh).
func TestOnlyMainPicksTheDriverAndNotifier(t *testing.T) {
	allowed := []string{module + "/cmd/masterplan", module + "/scripts/barewindow"}
	for path, p := range listPackages(t) {
		if slices.Contains(allowed, path) {
			continue
		}
		for _, imp := range p.Imports {
			if imp == "fyne.io/fyne/v2/app" || under(imp, "github.com/gen2brain/beeep") {
				t.Errorf("%s imports %s; only cmd/masterplan may", path, imp)
			}
		}
	}
}
