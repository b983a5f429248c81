package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/catalog"
)

// pastNote is the warning under a published rotation's choice (setup and
// the block form): the published rotations are the program's history, so
// picking one usually fills in dates long past. It says so
// (data.PastRotationNote) and offers to type one's own dates instead.
type pastNote struct {
	label *widget.Label
	own   *widget.Button
	box   *fyne.Container
}

func newPastNote(useOwnDates func()) *pastNote {
	n := &pastNote{label: widget.NewLabel(""), own: widget.NewButtonWithIcon("Use my own dates", theme.DocumentCreateIcon(), useOwnDates)}
	n.label.Wrapping = fyne.TextWrapWord
	n.label.Importance = widget.WarningImportance
	n.box = container.NewVBox(n.label, container.NewHBox(n.own))
	n.box.Hide()
	return n
}

// check shows the note for published rotation p on day today, or hides it
// when p is not past.
func (n *pastNote) check(p catalog.PublishedRotation, today data.Date) {
	n.set(data.PastRotationNote(p.Start, p.End, today))
}

func (n *pastNote) set(text string) {
	n.label.SetText(text)
	if text == "" {
		n.box.Hide()
	} else {
		n.box.Show()
	}
}

// localToday is today in the named zone, or in the machine's when the name
// is not (yet) a valid zone: setup asks before the zone is stored.
func localToday(now time.Time, zone string) data.Date {
	if loc, err := data.LoadZone(zone); err == nil {
		return data.DateOf(now, loc)
	}
	return data.DateOf(now, time.Local)
}
