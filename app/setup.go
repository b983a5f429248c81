package app

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/catalog"
	"github.com/masterplan-app/masterplan/data/store"
)

// ownDates is the rotation choice for dates the user types in.
const ownDates = "My own dates"

// commonZones are offered in time zone pickers: the program's announced
// sites first. Any other IANA name can be typed.
var commonZones = []string{
	"America/Los_Angeles", "America/Chicago", "America/New_York", "Europe/London",
	"Europe/Berlin", "Asia/Shanghai", "Asia/Kolkata", "Australia/Sydney", "UTC",
}

// setupForm is the first-launch setup: track, rotation, currency and goal.
type setupForm struct {
	shell *Shell
	done  func()

	track      *widgets.SelectEntry
	published  *widget.Select
	start, end *widgets.DateEntry
	location   *widgets.Entry
	zone       *widgets.SelectEntry
	homeZone   *widgets.SelectEntry // the user's own zone, stored by name
	currency   *widgets.Entry
	goal       *widgets.Entry
	submit     *widget.Button
	choices    map[string]catalog.PublishedRotation // published label -> rotation
	past       *pastNote                            // under the rotation choice when its dates are past
}

func newSetupForm(s *Shell, done func()) *setupForm {
	f := &setupForm{shell: s, done: done, choices: map[string]catalog.PublishedRotation{}}
	names := make([]string, len(s.Catalog.Tracks))
	for i, t := range s.Catalog.Tracks {
		names[i] = t.Name
	}
	f.track = widgets.NewSelectEntry(names)
	f.track.PlaceHolder = "Pick a track or type your own"
	f.track.Validator = func(v string) error { return data.CheckText("track", v, true, data.MaxNameLen) }
	f.published = widget.NewSelect([]string{ownDates}, f.onPublished)
	f.past = newPastNote(f.useOwnDates)
	f.track.OnChanged = f.onTrack

	f.start = f.shell.dateEntry("start", false)
	f.end = f.shell.dateEntry("end", false)
	f.end.NotBefore(f.start)
	f.location = widgets.NewEntry()
	f.location.SetText(s.Catalog.Site.Location)
	f.location.Validator = func(v string) error { return data.CheckText("location", v, true, data.MaxNameLen) }
	f.zone = widgets.NewCompletingEntry(commonZones)
	f.zone.SetText(s.Catalog.Site.TimeZone)
	f.zone.Validator = func(v string) error { _, err := data.LoadZone(v); return err }

	f.homeZone = newHomeZoneEntry()
	f.homeZone.SetText(store.SystemZone())

	def := data.DefaultSettings()
	f.currency = widgets.NewEntry()
	f.currency.SetText(def.HomeCurrency)
	f.currency.Validator = func(v string) error { return homeSettings(v).Validate() }
	f.goal = widgets.NewEntry()
	f.goal.SetText(strconv.FormatFloat(def.WeeklyGoalHours, 'f', -1, 64))
	f.goal.Validator = func(v string) error {
		_, err := parseGoal(v)
		return err
	}
	f.submit = widget.NewButtonWithIcon("Start planning", theme.ConfirmIcon(), f.onSubmit)
	f.submit.Importance = widget.HighImportance
	f.published.SetSelected(ownDates)
	return f
}

func (f *setupForm) view() fyne.CanvasObject {
	title := canvas.NewText("Welcome to MasterPlan", theme.Color(theme.ColorNameForeground))
	title.TextSize = theme.TextHeadingSize()
	title.TextStyle.Bold = true
	intro := widget.NewLabel("Four answers and you are set: the track you were accepted for, when and where the rotation is, the currency you are paid in, and how many hours a week you mean to study. You can change all of it later in Settings.")
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		&widget.FormItem{Text: "Track", Widget: f.track, HintText: "From the published list, or type your own"},
		&widget.FormItem{Text: "Rotation", Widget: container.NewVBox(f.published, f.past.box), HintText: "A published rotation fills in the dates below"},
		&widget.FormItem{Text: "First day", Widget: f.start},
		&widget.FormItem{Text: "Last day", Widget: f.end, HintText: "A split rotation? Add the second block later on the Rotation screen"},
		&widget.FormItem{Text: "Location", Widget: f.location},
		&widget.FormItem{Text: "Time zone", Widget: f.zone, HintText: "Of the location, e.g. America/Los_Angeles"},
		&widget.FormItem{Text: "Your time zone", Widget: f.homeZone, HintText: "Where you live; reminders and study days follow it"},
		&widget.FormItem{Text: "Home currency", Widget: f.currency, HintText: "The currency you are paid in (ISO code)"},
		&widget.FormItem{Text: "Weekly study goal", Widget: f.goal, HintText: "Hours per week"},
	)
	// Enter in any field starts planning, as the button does.
	for _, it := range form.Items {
		if e := baseEntry(it.Widget); e != nil {
			e.OnSubmitted = func(string) { f.onSubmit() }
		}
	}
	body := container.NewVBox(title, intro, form, container.NewHBox(layoutSpacer(), f.submit))
	// A column of readable width, centred, that scrolls when messages at
	// the fields make it taller than a small window.
	return container.NewVScroll(container.NewHBox(layoutSpacer(), container.New(columnLayout{width: 640}, body), layoutSpacer()))
}

// columnLayout gives its objects a fixed width and the height they need.
type columnLayout struct{ width float32 }

func (c columnLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(c.width, h)
}

func (c columnLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(c.width, o.MinSize().Height))
	}
}

func (f *setupForm) refresh() {}
func (f *setupForm) newItem() {}

// onTrack offers the published rotations of a catalog track.
func (f *setupForm) onTrack(name string) {
	options := []string{ownDates}
	f.choices = map[string]catalog.PublishedRotation{}
	if t, ok := f.shell.Catalog.TrackByName(name); ok {
		for _, p := range f.shell.Catalog.RotationsFor(t.ID) {
			label := f.shell.Catalog.Label(p)
			f.choices[label] = p
			options = append(options, label)
		}
	}
	f.published.SetOptions(options)
	if _, ok := f.choices[f.published.Selected]; !ok {
		f.published.SetSelected(ownDates)
	}
}

// onPublished fills the date fields from a published rotation.
func (f *setupForm) onPublished(label string) {
	p, ok := f.choices[label]
	if !ok {
		f.past.set("")
		return
	}
	f.past.check(p, localToday(f.shell.Now(), f.homeZone.Text))
	f.start.SetDate(p.Start)
	f.end.SetDate(p.End)
	f.location.SetText(f.shell.Catalog.Site.Location)
	f.zone.SetText(f.shell.Catalog.Site.TimeZone)
}

// useOwnDates leaves a past published rotation for dates the user types:
// the choice goes back to "My own dates", the dates are emptied and the
// first one has the focus.
func (f *setupForm) useOwnDates() {
	f.published.SetSelected(ownDates)
	f.start.SetText("")
	f.end.SetText("")
	f.shell.Window.Canvas().Focus(f.start)
}

// onSubmit validates everything, saves it in one transaction, and moves on.
// Problems are shown at their fields; nothing is saved until all is well.
func (f *setupForm) onSubmit() {
	goal, goalErr := parseGoal(f.goal.Text)
	set := homeSettings(f.currency.Text)
	set.WeeklyGoalHours = goal
	set.TimeZone = strings.TrimSpace(f.homeZone.Text)
	rot := data.Rotation{
		Track: strings.TrimSpace(f.track.Text),
		Blocks: []data.Block{{
			Start: f.start.Date(), End: f.end.Date(),
			Location: strings.TrimSpace(f.location.Text), TimeZone: strings.TrimSpace(f.zone.Text),
		}},
	}
	if p, ok := f.choices[f.published.Selected]; ok && p.Start == rot.Blocks[0].Start && p.End == rot.Blocks[0].End {
		rot.CatalogID = p.ID
	}
	fields := map[string]fyne.Validatable{
		"track": f.track, "start": f.start, "end": f.end, "location": f.location,
		"time zone": f.zone, "your time zone": f.homeZone, "home currency": f.currency, "weekly goal": f.goal,
	}
	// Every field is checked on the first submit, so that all that is
	// missing shows at once, each at its field.
	err := errors.Join(goalErr, f.track.Validate(), f.start.Validate(), f.end.Validate(),
		f.location.Validate(), f.zone.Validate(), checkHomeZone(set.TimeZone), f.currency.Validate(), f.goal.Validate())
	if err == nil {
		_, err = f.shell.Store.Setup(f.shell.ctx(), rot, set)
	}
	if err != nil {
		showFieldErrors(err, fields)
		// A message the fields already show is not repeated in a dialog;
		// only what no field can show (a failed write) is.
		if rest := unplacedError(err, fields); rest != nil {
			f.shell.showError(rest)
		}
		return
	}
	f.done()
}

// newHomeZoneEntry is the picker of the user's own zone: the system's
// first, then the usual ones; any IANA name can be typed.
func newHomeZoneEntry() *widgets.SelectEntry {
	e := widgets.NewCompletingEntry(append([]string{store.SystemZone()}, commonZones...))
	e.Validator = checkHomeZone
	return e
}

// checkHomeZone checks the user's own zone under its own field name (the
// block's zone is "time zone").
func checkHomeZone(v string) error {
	if _, err := data.LoadZone(v); err != nil {
		return data.Invalid("your time zone", "%s", data.FieldMessage(err, "time zone"))
	}
	return nil
}

// homeSettings builds default settings with a typed home currency.
func homeSettings(currency string) data.Settings {
	s := data.DefaultSettings()
	s.HomeCurrency = strings.ToUpper(strings.TrimSpace(currency))
	return s
}

// parseGoal reads the weekly goal in hours.
func parseGoal(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, data.Invalid("weekly goal", "%q is not a number of hours; type e.g. 10 or 7.5", s)
	}
	set := data.DefaultSettings()
	set.WeeklyGoalHours = v
	if err := set.Validate(); err != nil {
		return 0, err
	}
	return v, nil
}
