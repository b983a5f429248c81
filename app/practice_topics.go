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
}

func newTopicOfferBar(ps *practiceScreen) *topicOfferBar {
	b := &topicOfferBar{ps: ps, label: widget.NewLabel("")}
	b.label.Wrapping = fyne.TextWrapWord
	merge := widget.NewButtonWithIcon("Merge", theme.ContentPasteIcon(), b.merge)
	merge.Importance = widget.HighImportance
	dismiss := widget.NewButton("Not the same", b.dismiss)
	b.box = container.NewBorder(nil, nil, nil, container.NewHBox(merge, dismiss), b.label)
	b.box.Hide()
	return b
}

// show offers the first of offers, or hides the bar when there is none.
func (b *topicOfferBar) show(offers []data.TopicMergeOffer) {
	b.offers = offers
	if len(offers) == 0 {
		b.box.Hide()
		return
	}
	o := offers[0]
	b.label.SetText(fmt.Sprintf("Your reading or study topic %q looks like the practice topic %q. Merge it, so its reading and study hours count there?",
		o.Other, o.Topic.Name))
	b.box.Show()
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
