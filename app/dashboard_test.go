package app

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data"
)

// cardText is the text of the dashboard card titled title, a line per
// label, big figure included; the test fails when there is no such card.
func cardText(t *testing.T, d *dashboardScreen, title string) string {
	t.Helper()
	c := dashCardTitled(t, d, title)
	var lines []string
	seen := map[fyne.CanvasObject]bool{}
	for _, o := range objectsIn(c.body) {
		if seen[o] {
			continue
		}
		seen[o] = true
		switch o := o.(type) {
		case *widget.Label:
			lines = append(lines, o.Text)
		case *canvas.Text:
			lines = append(lines, o.Text)
		}
	}
	return strings.Join(lines, "\n")
}

// dashCardTitled is the dashboard's card titled title.
func dashCardTitled(t *testing.T, d *dashboardScreen, title string) *dashCard {
	t.Helper()
	var titles []string
	for _, c := range d.cards {
		if c.content.title == title {
			return c
		}
		titles = append(titles, c.content.title)
	}
	t.Fatalf("no dashboard card %q; the cards are %v", title, titles)
	return nil
}

// Each card shows its figure, and a tap on it opens its screen.
func TestDashboardCardsShowFiguresAndOpenTheirScreens(t *testing.T) {
	sh, st := newTestShell(t)
	rot := setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	ctx := context.Background()
	today := data.NewDate(2026, 11, 23)
	if _, err := st.SaveMilestone(ctx, data.Milestone{RotationID: rot.ID, Title: "Book flights", Due: today.AddDays(-2)}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveStudySession(ctx, data.StudySession{Start: fixedNow.Add(-3 * time.Hour), Duration: 2 * time.Hour, Topic: "Storage"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveReadingItem(ctx, data.ReadingItem{Title: "Internals", Kind: data.ReadingBook, Unit: data.ReadingPages, Size: 400, Done: 100, Priority: 1, Status: data.ReadingReading}, today); err != nil {
		t.Fatal(err)
	}
	sh.Start()
	d := sh.screens[0].(*dashboardScreen)
	tests := []struct {
		card, figure, screen string
		want                 []string
	}{
		{"Rotation", "98 days", "Rotation", []string{"to the rotation", "Block 1, Redmond, Washington: 2027-03-01 to 2027-03-21, in 98 days"}},
		{"Reading", "25 %", "Reading", []string{"read, ", "0 of 1 item done"}},
		{"Study", "2 h", "Study", []string{"of 10 h this week", "streak 1 day"}},
		{"Readiness", "—", "Practice", []string{"Add the exams"}},
		{"Budget", "—", "Budget", []string{"Add the program fee"}},
		{"Milestones", "1", "Rotation", []string{"overdue of 1 open", "Book flights (OVERDUE by 2 days)"}},
	}
	for _, tc := range tests {
		t.Run(tc.card, func(t *testing.T) {
			sh.Select(0)
			text := cardText(t, d, tc.card)
			for _, w := range append([]string{"\n" + tc.figure + "\n"}, tc.want...) {
				if !strings.Contains(text+"\n", w) {
					t.Errorf("card lacks %q:\n%s", w, text)
				}
			}
			test.Tap(dashCardTitled(t, d, tc.card))
			if got := sh.SelectedTitle(); got != tc.screen {
				t.Errorf("tapping the card opened %q, want %q", got, tc.screen)
			}
		})
	}
	sh.Select(0)
	if d.grid.Objects[0] != d.tonight.view() {
		t.Error("Tonight is not the first card")
	}
}

// A database with a rotation and nothing else: every card says what to do.
func TestDashboardEmptyDatabaseSaysWhatToDo(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	sh.Start()
	d := sh.screens[0].(*dashboardScreen)
	for card, want := range map[string]string{
		"Reading":    "The list is empty: add books, papers and videos on the Reading screen (Ctrl+3).",
		"Study":      "Start the timer on the Study screen (Ctrl+4)",
		"Readiness":  "Add the exams and your practice scores on the Practice screen (Ctrl+5).",
		"Budget":     "Add the program fee, flights, hotel and meals on the Budget screen (Ctrl+6).",
		"Milestones": "Nothing open: add milestones on the Rotation screen (Ctrl+2)",
	} {
		if text := cardText(t, d, card); !strings.Contains(text, want) {
			t.Errorf("empty %s card:\n%s\nwant %q", card, text, want)
		}
	}
}

// The first row of cards fits a 1024x700 window without scrolling; at
// 1600x1000 the grid shows more columns.
func TestDashboardFirstRowFitsAt1024x700(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	sh.Start()
	d := sh.screens[0].(*dashboardScreen)
	columns := func() int {
		test.WidgetRenderer(sh.tabs).Layout(sh.tabs.Size())
		grid := d.grid.Layout.(*cardGrid)
		return grid.columns(d.grid.Size().Width)
	}
	narrow := columns()
	if narrow < 2 {
		t.Errorf("%d columns at 1024 wide, want Tonight and a card side by side", narrow)
	}
	first := d.cards[0] // beside or under Tonight: the end of the first row of figures
	bottom := fyne.CurrentApp().Driver().AbsolutePositionForObject(first).Y + first.Size().Height
	if bottom > 700 {
		t.Errorf("the first row of cards ends at y=%g, below the 700 px window", bottom)
	}
	sh.Window.Resize(fyne.NewSize(1600, 1000))
	if n := columns(); n <= narrow {
		t.Errorf("%d columns at 1600 wide, as at 1024; want more", n)
	}
}

// A card's big figure takes the new theme's colour when the theme changes.
func TestDashboardFigureFollowsTheTheme(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	sh.Start()
	c := dashCardTitled(t, sh.screens[0].(*dashboardScreen), "Rotation")
	for _, name := range []string{data.ThemeDark, data.ThemeLight} {
		ApplyTheme(sh.App, name)
		c.Refresh()
		if want := theme.Color(theme.ColorNameForeground); contrastRatio(c.figure.Color, want) > 1.01 {
			t.Errorf("%s theme: figure %v, want the theme's text colour %v", name, c.figure.Color, want)
		}
	}
}

// Tonight is titled as the other cards are: its name in bold at the
// labels' size, with the shortcut of the screen it opens (Plan).
func TestTonightCardIsTitledLikeTheOthers(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	sh.Start()
	d := sh.screens[0].(*dashboardScreen)
	other := cardTitleLabel(t, d.cards[0])
	tonight := cardTitleLabel(t, d.tonight.view())
	if want := fmt.Sprintf("Tonight  (Ctrl+%d)", screenIndex("Plan")+1); tonight.Text != want {
		t.Errorf("Tonight's title is %q, want %q", tonight.Text, want)
	}
	if tonight.TextStyle != other.TextStyle || tonight.SizeName != other.SizeName {
		t.Errorf("Tonight's title style %+v %q differs from %q's %+v %q", tonight.TextStyle, tonight.SizeName, other.Text, other.TextStyle, other.SizeName)
	}
	test.Tap(d.tonight.view().(fyne.Tappable))
	if got := sh.SelectedTitle(); got != "Plan" {
		t.Errorf("tapping Tonight opened %q, want Plan", got)
	}
}

// cardTitleLabel is the first label of a dashboard card: its title.
func cardTitleLabel(t *testing.T, card fyne.CanvasObject) *widget.Label {
	t.Helper()
	for _, o := range objectsIn(card) {
		if l, ok := o.(*widget.Label); ok {
			return l
		}
	}
	t.Fatal("the card has no label")
	return nil
}
