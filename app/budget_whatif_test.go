package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data"
)

// TestWhatIfDropsAnItem: a London rotation needs no LHR-SEA flight. On
// main the comparison could only change the hotel and meals; now the
// flight is dropped in the what-if dialog and the difference follows.
func TestWhatIfDropsAnItem(t *testing.T) {
	sh, _, b := openBudget(t)
	b.newItem()
	typeItem(t, sh, b, data.CategoryFlights, "LHR-SEA return", "2027-02-27", "1000", "USD")
	runHotel(t, sh, b, "189")

	s := b.scenario
	test.Type(s.label, "London")
	test.Type(s.nightly, "150")
	test.Type(s.nightlyCur, "GBP")
	s.compare()
	if last := s.rows[len(s.rows)-1]; last[2] != "-25.20" {
		t.Fatalf("difference before dropping = %q (rows %v)", last[2], s.rows)
	}

	s.changes.edit()
	form := findForm(t, sh.Window.Canvas())
	form.Items[0].Widget.(*widget.Select).SetSelectedIndex(0) // the flight, first by date
	form.OnSubmit()
	// Without the flight: 1,000 USD × 0.8 = 800.00 GBP less.
	if last := s.rows[len(s.rows)-1]; last[2] != "-825.20" {
		t.Errorf("difference without the flight = %q (rows %v)", last[2], s.rows)
	}
	if !strings.Contains(s.changes.list.Text, "Without Flights: LHR-SEA return") {
		t.Errorf("changes say %q", s.changes.list.Text)
	}

	s.changes.edit()
	form = findForm(t, sh.Window.Canvas())
	form.Items[0].Widget.(*widget.Select).SetSelectedIndex(0)
	form.Items[1].Widget.(*widget.RadioGroup).SetSelected("Replace its amount")
	amount := baseEntry(form.Items[2].Widget.(*fyne.Container).Objects[0])
	test.Type(amount, "40")
	form.OnSubmit()
	// The train at GBP 40 instead of the flight at GBP 800.
	if last := s.rows[len(s.rows)-1]; last[2] != "-785.20" {
		t.Errorf("difference with the flight replaced = %q (rows %v)", last[2], s.rows)
	}
	if !strings.Contains(s.changes.list.Text, "Flights: LHR-SEA return at GBP 40.00") {
		t.Errorf("changes say %q", s.changes.list.Text)
	}
	test.Tap(s.changes.clear)
	if last := s.rows[len(s.rows)-1]; last[2] != "-25.20" {
		t.Errorf("difference after clearing = %q", last[2])
	}
}
