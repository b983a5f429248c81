package seed_test

import (
	"os/exec"
	"strings"
	"testing"
)

// `masterplan dev seed` links the generator into the shipped binary, so the
// generator must not pull in package testing (and with it the benchmark
// helpers, the test flags and their init work): those live in seedbench.
func TestGeneratorDoesNotImportTesting(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/masterplan-app/masterplan/data/store/seed").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep == "testing" || strings.HasPrefix(dep, "testing/") {
			t.Errorf("package seed depends on %s", dep)
		}
	}
}
