package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/masterplan-app/masterplan/data"
)

// At 1024x700, the selected item's details fit without scrolling, with the
// progress field's message showing: the Delete button is not cut off.
func TestReadingDetailFitsAt1024x700(t *testing.T) {
	sh, _, r := openReading(t, data.ReadingItem{Title: "Microsoft Exchange Server 2010 Inside Out: the complete reference for administrators",
		Author: "Tony Redmond", Topic: "Architecture", Size: 300, URL: "https://example.com/exchange-2010-inside-out", Due: mustDay(t, "2026-12-20")})
	sh.Window.Resize(fyne.NewSize(1024, 700))
	r.openRow(0)
	test.Type(r.progress, "400")
	if !r.progressErr.Visible() {
		t.Fatal("400 of 300 pages shows no message")
	}
	need, have := r.detailScroll.Content.MinSize().Height, r.detailScroll.Size().Height
	if need > have {
		t.Errorf("the details need %v high but have %v: the bottom (Delete) is cut", need, have)
	}
}
