package app

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/masterplan-app/masterplan/app/widgets"
)

// openRecorder is the app with the desktop's opener replaced by a list of
// what it was asked to open.
type openRecorder struct {
	fyne.App
	opened []string
}

func (o *openRecorder) OpenURL(u *url.URL) error {
	o.opened = append(o.opened, u.Path)
	return nil
}

// The save dialog takes a full typed path, refuses one in a missing folder
// at the field, asks before replacing a file, and once written offers to
// open the file or its folder.
func TestSaveFileTypedPathThenOpen(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	rec := &openRecorder{App: sh.App}
	sh.App = rec
	sh.Start()
	c := sh.Window.Canvas()
	dir := t.TempDir()
	write := func(text string) saveRequest {
		return saveRequest{title: "Save it", name: "out.txt", busy: "Saving…",
			write: func(path string) error {
				return os.WriteFile(path, []byte(text), 0o600)
			},
			done: func(path string) string { return "Saved " + path },
		}
	}

	sh.saveFile(write("one"))
	path := inDialog[*widgets.Entry](t, c)[0]
	path.SetText(filepath.Join(dir, "missing", "out.txt"))
	findForm(t, c).OnSubmit()
	// The message wraps in the dialog, which keeps its width: its words
	// may sit on two lines.
	if m := test.RenderToMarkup(c); !strings.Contains(m, "does not") || !strings.Contains(m, "exist") {
		t.Fatalf("a missing folder is not reported at the field:\n%s", test.RenderToMarkup(c))
	}
	target := filepath.Join(dir, "out.txt")
	path.SetText(target)
	path.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if b, err := os.ReadFile(target); err != nil || string(b) != "one" {
		t.Fatalf("the typed path holds %q (%v)", b, err)
	}
	test.Tap(dialogButton(t, c, "Open"))
	sh.saved = nil
	if len(rec.opened) != 1 || rec.opened[0] != target {
		t.Fatalf("Open asked the desktop for %v, want %s", rec.opened, target)
	}

	// A second save to the same file asks first, and Show folder opens
	// the folder.
	sh.saveFile(write("two"))
	inDialog[*widgets.Entry](t, c)[0].SetText(target)
	findForm(t, c).OnSubmit()
	if b, _ := os.ReadFile(target); string(b) != "one" {
		t.Fatal("the file was replaced without asking")
	}
	test.Tap(dialogButton(t, c, "Replace"))
	if b, _ := os.ReadFile(target); string(b) != "two" {
		t.Fatalf("after Replace the file holds %q", b)
	}
	test.Tap(dialogButton(t, c, "Show folder"))
	if len(rec.opened) != 2 || rec.opened[1] != dir {
		t.Fatalf("Show folder opened %v, want %s", rec.opened, dir)
	}
	// The next save suggests the folder used last.
	sh.saveFile(write("three"))
	if got := inDialog[*widgets.Entry](t, c)[0].Text; got != target {
		t.Errorf("the next save suggests %q, want %q", got, target)
	}
}
