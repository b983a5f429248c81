package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/catalog"
)

// rotationScreen edits the rotation: its track, its blocks and the
// milestones that lead up to it.
type rotationScreen struct {
	shell      *Shell
	rot        data.Rotation
	milestones []data.Milestone
	today      data.Date
	loads      loader[rotationData]

	track          *widget.Label
	blockList      *widget.List
	milestoneList  *widget.List
	milestoneEmpty *widget.Label
	undos          *undoer
}

func newRotationScreen(s *Shell) *rotationScreen {
	r := &rotationScreen{shell: s, track: widget.NewLabel("")}
	r.undos = newUndoer(s, r.refresh)
	r.track.TextStyle.Bold = true
	r.blockList = newEditList(func() []data.Block { return r.rot.Blocks },
		func(id int, b data.Block) string {
			return fmt.Sprintf("Block %d: %s to %s (%s), %s, %s", id+1, b.Start, b.End, data.Count(b.Days(), "day", "days"), b.Location, b.TimeZone)
		},
		r.editBlock, r.deleteBlock)
	r.milestoneList = widget.NewList(
		func() int { return len(r.milestones) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewCheck("", nil),
				container.NewHBox(
					widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), nil),
					widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)),
				wrapRowLabel(widget.NewLabel("")))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			m := r.milestones[id]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(milestoneLine(m, r.today))
			check := row.Objects[1].(*widget.Check)
			check.OnChanged = nil
			check.SetChecked(m.Done)
			check.OnChanged = func(done bool) { r.setDone(m, done) }
			if m.BudgetItemID != 0 { // done follows its budget item
				check.Disable()
			} else {
				check.Enable()
			}
			buttons := row.Objects[2].(*fyne.Container)
			buttons.Objects[0].(*widget.Button).OnTapped = func() { r.editMilestone(m) }
			buttons.Objects[1].(*widget.Button).OnTapped = func() { r.deleteMilestone(m) }
		})
	r.milestoneEmpty = widget.NewLabel("No milestones yet. Press \"Suggest milestones\" for the usual steps (fee, flights, hotel, exams), or add your own with Ctrl+N.")
	r.milestoneEmpty.Wrapping = fyne.TextWrapWord
	return r
}

// milestoneLine is one milestone as the list shows it; overdue ones say so
// in words, not only by colour.
func milestoneLine(m data.Milestone, today data.Date) string {
	line := fmt.Sprintf("%s  %s", m.Due, m.Title)
	switch days := today.DaysUntil(m.Due); {
	case m.Done:
		line += "  (done)"
	case days < 0:
		line += "  (OVERDUE by " + data.Count(-days, "day", "days") + ")"
	case days == 0:
		line += "  (due today)"
	default:
		line += "  (in " + data.Count(days, "day", "days") + ")"
	}
	// The link on a line of its own: at 1024x700 it did not fit beside.
	switch {
	case m.BudgetItem == "":
	case m.Done:
		line += "\n“" + m.BudgetItem + "” is paid"
	default:
		line += "\n" + m.PaidText()
	}
	return line
}

func (r *rotationScreen) view() fyne.CanvasObject {
	rename := widget.NewButtonWithIcon("Rename track", theme.DocumentCreateIcon(), r.renameTrack)
	addBlock := widget.NewButtonWithIcon("Add block", theme.ContentAddIcon(), func() { r.editBlock(data.Block{}) })
	addMilestone := widget.NewButtonWithIcon("Add milestone (Ctrl+N)", theme.ContentAddIcon(), r.newItem)
	suggest := widget.NewButtonWithIcon("Suggest milestones", theme.ViewRefreshIcon(), r.suggest)
	blocks := container.NewBorder(
		container.NewHBox(widget.NewLabelWithStyle("Blocks", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), layoutSpacer(), addBlock),
		nil, nil, nil, r.blockList)
	milestones := container.NewBorder(
		container.NewVBox(
			container.NewHBox(widget.NewLabelWithStyle("Milestones", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), layoutSpacer(), suggest, addMilestone),
			r.milestoneEmpty),
		r.undos.bar, nil, nil, rowsFollowWidth(r.milestoneList))
	split := container.NewVSplit(blocks, milestones)
	split.Offset = 0.3
	return container.NewBorder(container.NewHBox(r.track, layoutSpacer(), rename), nil, nil, nil, split)
}

// rotationData is what the rotation screen shows, read off the UI
// goroutine.
type rotationData struct {
	rot        data.Rotation
	milestones []data.Milestone
	today      data.Date
}

// refresh reads the rotation and its milestones off the UI goroutine (see
// loader).
func (r *rotationScreen) refresh() {
	st, now := r.shell.Store, r.shell.Now()
	r.loads.load(r.shell, func(ctx context.Context) (rotationData, error) {
		var d rotationData
		var err error
		if d.rot, err = st.Rotation(ctx); err != nil {
			return d, err
		}
		if d.milestones, err = st.Milestones(ctx, d.rot.ID); err != nil {
			return d, err
		}
		set, err := st.Settings(ctx)
		if err != nil {
			return d, err
		}
		d.today = data.DateOf(now, set.Location())
		return d, nil
	}, r.show)
}

// show puts the data read by refresh on the widgets.
func (r *rotationScreen) show(d rotationData) {
	rot, ms := d.rot, d.milestones
	r.rot, r.milestones, r.today = rot, ms, d.today
	r.track.SetText("Track: " + rot.Track)
	if len(ms) == 0 {
		r.milestoneEmpty.Show()
	} else {
		r.milestoneEmpty.Hide()
	}
	r.blockList.Refresh()
	r.milestoneList.Refresh()
}

func (r *rotationScreen) newItem() { r.editMilestone(data.Milestone{}) }

func (r *rotationScreen) renameTrack() {
	name := widgets.NewEntry()
	name.SetText(r.rot.Track)
	name.Validator = func(v string) error { return data.CheckText("track", v, true, data.MaxNameLen) }
	showFormDialog(r.shell.Window, "Rename track", "Save",
		[]*widget.FormItem{{Text: "Track", Widget: name}},
		map[string]fyne.Validatable{"track": name},
		func() error {
			old := r.rot.Track
			if err := r.shell.Store.SetTrack(r.shell.ctx(), r.rot.ID, strings.TrimSpace(name.Text)); err != nil {
				return err
			}
			r.undos.offer(fmt.Sprintf("Renamed the track “%s”.", old), func() error {
				return r.shell.Store.SetTrack(r.shell.ctx(), r.rot.ID, old)
			})
			r.shell.changed()
			return nil
		})
}

// editBlock opens the block form; a block with ID 0 is a new one, placed
// where the last block is.
func (r *rotationScreen) editBlock(b data.Block) {
	if b.ID == 0 {
		if last, ok := r.lastBlock(); ok {
			b.Location, b.TimeZone = last.Location, last.TimeZone
		}
	}
	r.blockForm(b, b)
}

// blockForm opens the form of block saved (as stored; ID 0 for a new one)
// showing shown, which differs when the form reopens with what was typed.
// Changing a stored block's dates moves what hangs on it only when the
// user says so (see changeBlock).
func (r *rotationScreen) blockForm(saved, shown data.Block) {
	start := r.shell.dateEntry("start", false)
	end := r.shell.dateEntry("end", false)
	end.NotBefore(start)
	location := widgets.NewEntry()
	location.Validator = func(v string) error { return data.CheckText("location", v, true, data.MaxNameLen) }
	zone := widgets.NewCompletingEntry(commonZones)
	zone.Validator = func(v string) error { _, err := data.LoadZone(v); return err }
	title := "Edit block"
	if saved.ID == 0 {
		title = "Add a block"
	}
	start.SetDate(shown.Start)
	end.SetDate(shown.End)
	location.SetText(shown.Location)
	zone.SetText(shown.TimeZone)
	items := []*widget.FormItem{
		{Text: "First day", Widget: start},
		{Text: "Last day", Widget: end},
		{Text: "Location", Widget: location},
		{Text: "Time zone", Widget: zone, HintText: "IANA name, e.g. Europe/London"},
	}
	if pick := r.publishedPicker(start, end, location, zone); pick != nil {
		items = append(items, &widget.FormItem{Text: "Published", Widget: pick, HintText: "Fills in the dates of a rotation the program published"})
	}
	var fd *formDialog
	fd = showFormDialog(r.shell.Window, title, "Save", items,
		map[string]fyne.Validatable{"start": start, "end": end, "location": location, "time zone": zone},
		func() error {
			typed := saved
			typed.Start, typed.End = start.Date(), end.Date()
			typed.Location, typed.TimeZone = strings.TrimSpace(location.Text), strings.TrimSpace(zone.Text)
			if saved.ID != 0 {
				ask, err := r.changeBlock(saved, typed)
				fd.next = ask // the question opens once the form has closed
				return err
			}
			if _, err := r.shell.Store.SaveBlock(r.shell.ctx(), r.rot.ID, typed); err != nil {
				return err
			}
			r.undos.forget()
			r.shell.changed()
			return nil
		})
}

// publishedPicker offers the published rotations of the rotation's track
// (nil when the catalog has none for it): picking one fills in the block's
// dates and the program's site, and says so when its dates are past
// (pastNote), offering to go back to typed dates.
func (r *rotationScreen) publishedPicker(start, end *widgets.DateEntry, location *widgets.Entry, zone *widgets.SelectEntry) fyne.CanvasObject {
	cat := r.shell.Catalog
	t, ok := cat.TrackByName(r.rot.Track)
	if !ok || len(cat.RotationsFor(t.ID)) == 0 {
		return nil
	}
	choices := map[string]catalog.PublishedRotation{}
	options := []string{ownDates}
	for _, p := range cat.RotationsFor(t.ID) {
		choices[cat.Label(p)] = p
		options = append(options, cat.Label(p))
	}
	var pick *widget.Select
	past := newPastNote(func() {
		pick.SetSelected(ownDates)
		start.SetText("")
		end.SetText("")
		r.shell.Window.Canvas().Focus(start)
	})
	pick = widget.NewSelect(options, func(label string) {
		p, ok := choices[label]
		if !ok {
			past.set("")
			return
		}
		past.check(p, r.today)
		start.SetDate(p.Start)
		end.SetDate(p.End)
		location.SetText(cat.Site.Location)
		zone.SetText(cat.Site.TimeZone)
	})
	pick.SetSelected(ownDates)
	return container.NewVBox(pick, past.box)
}

func (r *rotationScreen) lastBlock() (data.Block, bool) {
	if len(r.rot.Blocks) == 0 {
		return data.Block{}, false
	}
	return r.rot.Blocks[len(r.rot.Blocks)-1], true
}

// deleteBlock deletes at once and offers to undo: the block comes back
// with its id. What hung on it stays where it is, and the undo bar names
// what is now outside every block.
func (r *rotationScreen) deleteBlock(b data.Block) {
	h, err := r.hangers()
	if err == nil {
		err = r.shell.Store.DeleteBlock(r.shell.ctx(), r.rot.ID, b.ID)
	}
	if err != nil {
		r.shell.showError(err)
		r.shell.changed()
		return
	}
	msg := fmt.Sprintf("Deleted the block %s to %s.", b.Start, b.End)
	if out := data.LeftByDelete(b, otherBlocks(r.rot.Blocks, b.ID), h); len(out) > 0 {
		msg += " Now outside every block: " + recordList(out, false, 3) + "."
	}
	rotID := r.rot.ID
	r.undos.offer(msg, func() error {
		return r.shell.Store.RestoreBlock(r.shell.ctx(), rotID, b)
	})
	r.shell.changed()
}

// editMilestone opens the milestone form; ID 0 adds a new one.
func (r *rotationScreen) editMilestone(m data.Milestone) {
	title := widgets.NewEntry()
	title.SetText(m.Title)
	title.Validator = func(v string) error { return data.CheckText("title", v, true, data.MaxNameLen) }
	due := r.shell.dateEntry("due", false)
	if m.Due.IsZero() {
		m.Due = r.today.AddDays(7)
	}
	due.SetDate(m.Due)
	heading := "Edit milestone"
	if m.ID == 0 {
		heading = "Add a milestone"
	}
	link, err := r.budgetLinkSelect(m)
	if err != nil {
		r.shell.showError(err)
		return
	}
	showFormDialog(r.shell.Window, heading, "Save",
		[]*widget.FormItem{{Text: "Title", Widget: title}, {Text: "Due", Widget: due},
			{Text: "Done when paid", Widget: link.sel, HintText: "done once this budget item's actual amount is recorded"}},
		map[string]fyne.Validatable{"title": title, "due": due},
		func() error {
			before := m
			m.RotationID = r.rot.ID
			m.Title, m.Due = strings.TrimSpace(title.Text), due.Date()
			m.BudgetItemID, _ = link.chosen()
			if _, err := r.shell.Store.SaveMilestone(r.shell.ctx(), m); err != nil {
				return err
			}
			r.offerUndoEdit(before, m)
			r.shell.changed()
			return nil
		})
}

func (r *rotationScreen) setDone(m data.Milestone, done bool) {
	if err := r.shell.Store.SetMilestoneDone(r.shell.ctx(), m.ID, done); err != nil {
		r.shell.showError(err)
	} else {
		what := "Ticked"
		if !done {
			what = "Unticked"
		}
		r.undos.offer(fmt.Sprintf("%s the milestone “%s”.", what, m.Title), func() error {
			return r.shell.Store.SetMilestoneDone(r.shell.ctx(), m.ID, !done)
		})
	}
	r.shell.changed()
}

// offerUndoEdit offers to put back a milestone as it was before an edit
// (before has an ID); adding one forgets the last offer.
func (r *rotationScreen) offerUndoEdit(before, after data.Milestone) {
	if before.ID == 0 {
		r.undos.forget()
		return
	}
	r.undos.offer(fmt.Sprintf("Edited the milestone “%s”.", after.Title), func() error {
		_, err := r.shell.Store.SaveMilestone(r.shell.ctx(), before)
		return err
	})
}

// deleteMilestone deletes at once and offers to undo.
func (r *rotationScreen) deleteMilestone(m data.Milestone) {
	gone, err := r.shell.Store.DeleteMilestone(r.shell.ctx(), m.ID)
	if err != nil {
		r.shell.showError(err)
		r.shell.changed()
		return
	}
	r.undos.offer(fmt.Sprintf("Deleted the milestone “%s”.", m.Title), func() error {
		return r.shell.Store.RestoreMilestone(r.shell.ctx(), gone)
	})
	r.shell.changed()
}

func (r *rotationScreen) undoer() *undoer { return r.undos }

// suggest adds the usual milestones that are not there yet.
func (r *rotationScreen) suggest() {
	ms := data.SuggestMilestones(r.rot, r.milestones)
	if len(ms) == 0 {
		r.shell.showInfo("Nothing to add", "The usual milestones are already on your list.")
		return
	}
	if _, err := r.shell.Store.AddMilestones(r.shell.ctx(), ms); err != nil {
		r.shell.showError(err)
		return
	}
	r.shell.changed()
}
