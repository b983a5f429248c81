package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
)

// The desktop app makes a daily backup when the screens open; Settings
// lists it, and restoring it after confirmation brings back that day's data.
func TestDailyBackupListedAndRestored(t *testing.T) {
	sh, st := newTestShell(t)
	ctx := context.Background()
	rot := setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	sh.DailyBackup = true
	sh.Start()
	waitFor(t, "the daily backup", func() bool { b, _ := st.AutoBackups(); return len(b) == 1 })

	sh.Select(7)
	set := sh.screens[7].(*settingsScreen)
	if set.backupList.Length() != 1 || set.noBackups.Visible() {
		t.Fatalf("settings lists %d backups (empty note shown: %v), want 1", set.backupList.Length(), set.noBackups.Visible())
	}
	if set.keep.Text != "7" {
		t.Errorf("keep shows %q, want the default 7", set.keep.Text)
	}

	if _, err := st.SaveMilestone(ctx, data.Milestone{RotationID: rot.ID, Title: "Made after the backup", Due: data.NewDate(2027, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	set.confirmRestore(set.backups[0].Path)
	test.Tap(dialogButton(t, sh.Window.Canvas(), "Yes"))
	waitFor(t, "the restore", func() bool { ms, _ := st.Milestones(ctx, rot.ID); return len(ms) == 0 })
}

// A number of backups to keep out of range is refused at the field.
func TestBackupKeepRefusesZero(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	sh.Start()
	sh.Select(7)
	set := sh.screens[7].(*settingsScreen)
	set.keep.SetText("0")
	set.saveKeep()
	if keep, _ := st.AutoBackupKeep(context.Background()); keep != 7 {
		t.Fatalf("keep = %d after entering 0, want 7 unchanged", keep)
	}
	if set.keep.Validate() == nil {
		t.Error("the field does not show what is wrong with 0")
	}
	set.keep.SetText("3")
	set.saveKeep()
	if keep, _ := st.AutoBackupKeep(context.Background()); keep != 3 {
		t.Fatalf("keep = %d, want 3", keep)
	}
}

// waitFor polls cond for work done off the UI goroutine.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// The About box names the version and the database's path (and where the
// daily backups go): what a support question starts with.
func TestAboutShowsVersionAndDatabase(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	sh.Version = "1.2.3"
	sh.Start()
	sh.Select(7)
	sh.screens[7].(*settingsScreen).about()
	c := sh.Window.Canvas()
	if c.Overlays().Top() == nil {
		t.Fatal("no About box")
	}
	markup := test.RenderToMarkup(c)
	for _, want := range []string{"MasterPlan 1.2.3", st.Path(), store.AutoBackupDir(st.Path())} {
		if !strings.Contains(markup, want) {
			t.Errorf("the About box does not show %q", want)
		}
	}
}
