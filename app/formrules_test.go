package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data"
)

// shows says whether the window shows text (the form's message lines are
// drawn as canvas text, not labels).
func shows(sh *Shell, text string) bool {
	return strings.Contains(test.RenderToMarkup(sh.Window.Canvas()), text)
}

// dialogSize is the size of the open dialog's box.
func dialogSize(t *testing.T, sh *Shell) fyne.Size {
	t.Helper()
	top, ok := sh.Window.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		t.Fatal("no dialog is open")
	}
	return top.Content.Size()
}

// keepsItsSize fails when the dialog changed size from before, or when
// the form no longer fits in it (a message cut at its edge).
func keepsItsSize(t *testing.T, sh *Shell, form *widget.Form, before fyne.Size) {
	t.Helper()
	if got := dialogSize(t, sh); got != before {
		t.Errorf("the dialog changed from %v to %v when the message appeared", before, got)
	}
	if w, box := form.MinSize().Width, form.Size().Width; w > box {
		t.Errorf("the form needs %v wide but has %v: the message is cut", w, box)
	}
}

// setText replaces what an entry holds by typing, as a user who selected
// it all would.
func setText(e fyne.Focusable, text string) {
	if s, ok := e.(interface{ SetText(string) }); ok {
		s.SetText("")
	}
	test.Type(e, text)
}

// Choosing the kind video counts the item in minutes, unless the user
// chose the unit; the unit follows the kind back to pages the same way.
func TestReadingUnitFollowsTheKind(t *testing.T) {
	sh, _, r := openReading(t)
	r.newItem()
	form := findForm(t, sh.Window.Canvas())
	kind, unit := form.Items[2].Widget.(*widget.Select), form.Items[6].Widget.(*widget.Select)
	if unit.Selected != data.ReadingPages {
		t.Fatalf("a new book is counted in %q, want pages", unit.Selected)
	}
	kind.SetSelected(data.ReadingVideo)
	if unit.Selected != data.ReadingMinutes {
		t.Errorf("a video is counted in %q, want minutes", unit.Selected)
	}
	kind.SetSelected(data.ReadingBook)
	if unit.Selected != data.ReadingPages {
		t.Errorf("back to a book: %q, want pages", unit.Selected)
	}
	unit.SetSelected(data.ReadingPercent)
	kind.SetSelected(data.ReadingVideo)
	if unit.Selected != data.ReadingPercent {
		t.Errorf("the unit the user chose became %q; want percent kept", unit.Selected)
	}
}

// Done more than the size shows at the progress field as it is typed, and
// goes as soon as the size is right; the form keeps its size meanwhile.
func TestReadingDoneAboveSizeCheckedAsYouType(t *testing.T) {
	sh, _, r := openReading(t)
	r.newItem()
	form := findForm(t, sh.Window.Canvas())
	size, done := form.Items[5].Widget.(fyne.Focusable), form.Items[7].Widget.(fyne.Focusable)
	test.Type(form.Items[0].Widget.(fyne.Focusable), "Inside Out")
	before := dialogSize(t, sh)
	setText(size, "300")
	setText(done, "400")
	if !shows(sh, "more than the size 300") {
		t.Fatalf("done 400 of 300 shows no message:\n%s", test.RenderToMarkup(sh.Window.Canvas()))
	}
	keepsItsSize(t, sh, form, before)
	setText(size, "500")
	if shows(sh, "more than the size") {
		t.Error("the message stayed after the size was made larger")
	}
	setText(size, "350")
	if !shows(sh, "more than the size 350") {
		t.Error("a size made smaller than done again shows nothing")
	}
	setText(done, "350")
	if shows(sh, "more than the size") || form.Validate() != nil {
		t.Errorf("done = size still refused: %v", form.Validate())
	}
}

// A session logged in the future shows at the field to fix as it is
// typed, and goes as soon as it is right; the form keeps its size.
func TestStudySessionInTheFutureCheckedAsYouType(t *testing.T) {
	sh, _, sc, _ := newStudyShell(t, "", nil)
	sc.newItem()
	form := findForm(t, sh.Window.Canvas())
	dur, day, start := form.Items[0].Widget.(fyne.Focusable), form.Items[1].Widget.(fyne.Focusable), form.Items[2].Widget.(fyne.Focusable)
	before := dialogSize(t, sh)
	// fixedNow is 10:00 in Los Angeles on 2026-11-23.
	setText(dur, "1h")
	setText(start, "09:30")
	if !shows(sh, "ends at 10:30") {
		t.Fatalf("a session ending after now shows no message:\n%s", test.RenderToMarkup(sh.Window.Canvas()))
	}
	keepsItsSize(t, sh, form, before)
	setText(dur, "30m")
	if shows(sh, "ends at") {
		t.Error("the message stayed after the duration was shortened")
	}
	setText(day, "2026-11-24")
	if !shows(sh, "is after today") {
		t.Error("tomorrow's date shows no message")
	}
	keepsItsSize(t, sh, form, before)
	setText(day, "2026-11-22")
	if shows(sh, "is after today") || shows(sh, "ends at") || form.Validate() != nil {
		t.Errorf("yesterday still refused: %v", form.Validate())
	}
	form.OnSubmit()
	if ss := sessions(t, sc.shell.Store); len(ss) != 1 {
		t.Errorf("%d sessions stored, want the one logged", len(ss))
	}
}

// The budget item, exchange rate and reminder forms keep their size when
// a save is refused and the messages appear (the reading and study forms
// are checked above): nothing moves under the pointer.
func TestFormDialogsKeepTheirSizeOnARefusedSave(t *testing.T) {
	t.Run("budget item", func(t *testing.T) {
		sh, _, b := openBudget(t)
		b.newItem()
		form := findForm(t, sh.Window.Canvas())
		before := dialogSize(t, sh)
		form.OnSubmit()
		if !shows(sh, "required") && !shows(sh, "is empty") {
			t.Fatalf("an empty budget item is not refused:\n%s", test.RenderToMarkup(sh.Window.Canvas()))
		}
		keepsItsSize(t, sh, form, before)
	})
	t.Run("exchange rate", func(t *testing.T) {
		sh, _, b := openBudget(t)
		b.editRate(data.Rate{})
		form := findForm(t, sh.Window.Canvas())
		before := dialogSize(t, sh)
		setText(baseEntry(form.Items[1].Widget), "lots")
		form.OnSubmit()
		keepsItsSize(t, sh, form, before)
	})
	t.Run("reminder", func(t *testing.T) {
		sh, _, r := openReminders(t)
		r.edit(data.Reminder{Kind: data.ReminderOneOff})
		form := findForm(t, sh.Window.Canvas())
		before := dialogSize(t, sh)
		form.OnSubmit()
		keepsItsSize(t, sh, form, before)
	})
}
