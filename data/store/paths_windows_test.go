package store

import (
	"strings"
	"testing"
)

// Compiled by `make test` (GOOS=windows go test -c), run only on Windows.
func TestDefaultPathWindows(t *testing.T) {
	t.Setenv("AppData", `C:\Users\Zoë Müller\AppData\Roaming`)
	got, err := DefaultPath()
	if err != nil || got != `C:\Users\Zoë Müller\AppData\Roaming\MasterPlan\masterplan.db` {
		t.Errorf("DefaultPath = %q, %v", got, err)
	}
	t.Setenv("AppData", "")
	if _, err := DefaultPath(); err == nil || !strings.Contains(err.Error(), "default database") {
		t.Errorf("no %%AppData%%: %v, want an error naming the default database", err)
	}
}
