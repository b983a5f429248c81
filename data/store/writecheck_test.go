package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// damagedFile is a MasterPlan file, in WAL mode as the app leaves it, with
// one milestone page overwritten: it opens (only its length is checked at
// open) but PRAGMA quick_check fails.
func damagedFile(t *testing.T) (path string, rotationID int64) {
	t.Helper()
	s, path := openTemp(t)
	r := setUp(t, s)
	for i := range 300 {
		addMilestone(t, s, r, "Milestone "+strings.Repeat("x", 150)+string(rune('a'+i%26)), "2026-05-01")
	}
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(b) - 3*4096; i < len(b)-2*4096; i++ {
		b[i] = 0xA5
	}
	writeFile(t, path, b)
	return path, r.ID
}

// With CheckBeforeWrite (what every CLI command gets), the first write
// reads the whole file and a damaged file refuses every write with the
// message Check gives, leaving the file as it was (issue 16, item 5).
func TestCheckBeforeWriteRefusesADamagedFile(t *testing.T) {
	ctx := context.Background()
	path, rotID := damagedFile(t)
	before := fileSum(t, path)
	s, err := Open(ctx, path, CheckBeforeWrite())
	if err != nil {
		t.Fatalf("open: %v (only the length is checked at open)", err)
	}
	defer s.Close()
	want := s.Check(ctx)
	if !errors.Is(want, ErrCorrupt) {
		t.Fatalf("Check: %v, want ErrCorrupt", want)
	}
	for try := range 2 {
		_, err := s.SaveMilestone(ctx, data.Milestone{RotationID: rotID, Title: "After the damage", Due: data.NewDate(2026, 6, 1)})
		if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), want.Error()) {
			t.Fatalf("write %d: %v, want %v", try+1, err, want)
		}
	}
	if err := s.SetSetting(ctx, "ui.theme", "dark"); err == nil || !strings.Contains(err.Error(), want.Error()) {
		t.Errorf("setting: %v, want %v", err, want)
	}
	s.Close()
	if fileSum(t, path) != before {
		t.Error("the damaged file was changed")
	}
}

// Without the option (the GUI checks in the background) and on a healthy
// file, writes go through.
func TestCheckBeforeWriteLetsAHealthyFileBeWritten(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "masterplan.db")
	s, err := Open(ctx, path, CheckBeforeWrite(), WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := setUp(t, s)
	addMilestone(t, s, r, "Written", "2026-05-01")
	if ts := titles(t, s, r.ID); len(ts) != 1 {
		t.Errorf("titles = %q", ts)
	}
}
