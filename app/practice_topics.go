package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data"
)

// topicOfferBar is the Practice screen's offer to merge a study or reading
// topic into the practice topic of a similar name
// (Store.TopicMergeOffers), one offer at a time: Merge moves its reading
// and study hours there (with undo), "Not the same" is remembered.
type topicOfferBar struct {
	ps     *practiceScreen
	offers []data.TopicMergeOffer
	label  *widget.Label
	box    *fyne.Container
	// relayout lays the screen out again once the bar shows or hides:
	// the header it sits in does not grow by itself.
	relayout func()
}

func newTopicOfferBar(ps *practiceScreen) *topicOfferBar {
	b := &topicOfferBar{ps: ps, label: widget.NewLabel("")}
	// One line, cut with "…" in a narrow window: a wrapping label in the
	// screen's header is laid out one line high and overlaps the tabs.
	b.label.Truncation = fyne.TextTruncateEllipsis
	merge := widget.NewButtonWithIcon("Merge", theme.ContentPasteIcon(), b.merge)
	merge.Importance = widget.HighImportance
	dismiss := widget.NewButton("Not the same", b.dismiss)
	b.box = container.NewVBox(b.label, container.NewHBox(merge, dismiss))
	b.box.Hide()
	return b
}

// show offers the first of offers, or hides the bar when there is none.
func (b *topicOfferBar) show(offers []data.TopicMergeOffer) {
	b.offers = offers
	if len(offers) == 0 {
		b.box.Hide()
	} else {
		o := offers[0]
		b.label.SetText(fmt.Sprintf("Your topic %q looks like the practice topic %q: merge it, so its reading and study hours count there?",
			o.Other, o.Topic.Name))
		b.box.Show()
	}
	if b.relayout != nil {
		b.relayout()
	}
}

func (b *topicOfferBar) merge() {
	if len(b.offers) == 0 {
		return
	}
	o := b.offers[0]
	ps := b.ps
	change, err := ps.shell.Store.MergeTopicName(ps.shell.ctx(), ps.p.Rotation.ID, o.Other, o.Topic.ID)
	if err != nil {
		ps.shell.showError(err)
		return
	}
	ps.undos.offer(fmt.Sprintf("Merged %q into %q.", o.Other, o.Topic.Name), func() error {
		return ps.shell.Store.UndoTopicChange(ps.shell.ctx(), change)
	})
	ps.shell.changed()
}

func (b *topicOfferBar) dismiss() {
	if len(b.offers) == 0 {
		return
	}
	o := b.offers[0]
	if err := b.ps.shell.Store.DismissTopicMerge(b.ps.shell.ctx(), o.Topic.ID, o.Other); err != nil {
		b.ps.shell.showError(err)
		return
	}
	b.show(b.offers[1:])
}
