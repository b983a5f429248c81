package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
)

// budgetWith opens the Budget screen of a database whose remembered
// settings remember has set first.
func budgetWith(t *testing.T, remember func(st *store.Store)) (*Shell, *budgetScreen) {
	t.Helper()
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-07"))
	remember(st)
	sh.Start()
	sh.Window.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(ctrl(fyne.Key6))
	return sh, sh.screens[budgetIndex].(*budgetScreen)
}

// The "what if" tab and the hotel form show the scenario and rate last
// remembered, as they did when they split the stored text themselves.
func TestBudgetShowsTheRememberedScenarioAndRate(t *testing.T) {
	ctx := context.Background()
	sh, b := budgetWith(t, func(st *store.Store) {
		sc := data.Scenario{Label: "Paris | Lyon", Nightly: data.NewMoney("140", "EUR"), Daily: data.NewMoney("45.5", "EUR")}
		if err := st.SaveScenario(ctx, sc); err != nil {
			t.Fatal(err)
		}
		if err := st.RememberRate(ctx, data.CategoryHotel, data.NewMoney("189", "USD")); err != nil {
			t.Fatal(err)
		}
	})
	s := b.scenario
	if s.label.Text != "Paris | Lyon" || s.nightly.Text != "140.00" || s.nightlyCur.Text != "EUR" || s.daily.Text != "45.50" || s.dailyCur.Text != "EUR" {
		t.Errorf("scenario shown: %q %q %q %q %q", s.label.Text, s.nightly.Text, s.nightlyCur.Text, s.daily.Text, s.dailyCur.Text)
	}
	if strings.Contains(s.note.Text, "could not be read") {
		t.Errorf("note %q", s.note.Text)
	}
	b.generate(data.CategoryHotel)
	form := findForm(t, sh.Window.Canvas())
	if amount, cur := form.Items[0].Widget.(*widgets.Entry).Text, form.Items[1].Widget.(*widgets.SelectEntry).Text; amount != "189" || cur != "USD" {
		t.Errorf("hotel form prefilled %q %q", amount, cur)
	}
}

// A remembered value that cannot be read leaves the fields empty and says
// so, instead of failing the screen.
func TestBudgetSaysWhenARememberedValueIsMalformed(t *testing.T) {
	ctx := context.Background()
	sh, b := budgetWith(t, func(st *store.Store) {
		if err := st.SetSetting(ctx, store.SettingScenario, "London|GBP 165"); err != nil {
			t.Fatal(err)
		}
		if err := st.SetSetting(ctx, store.SettingHotelNightly, "189 USD"); err != nil {
			t.Fatal(err)
		}
	})
	s := b.scenario
	if s.label.Text != "" || s.nightly.Text != "" || !strings.Contains(s.note.Text, "The last scenario could not be read") || !strings.Contains(s.note.Text, "is not a scenario such as") {
		t.Errorf("label %q, nightly %q, note %q", s.label.Text, s.nightly.Text, s.note.Text)
	}
	b.generate(data.CategoryHotel)
	if markup := test.RenderToMarkup(sh.Window.Canvas()); !strings.Contains(markup, "The last rate could not be read") {
		t.Error("the hotel form does not say the remembered rate could not be read")
	}
}

// The report form shows the inputs kept from the last report.
func TestReportFormShowsTheLastInputs(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	kept := data.ReportInputs{Why: "Fewer escalations.", Raise: "6000", OneOff: "2,500.00"}
	if err := st.SaveReportInputs(context.Background(), kept); err != nil {
		t.Fatal(err)
	}
	sh.Start()
	sh.showReportForm()
	form := findForm(t, sh.Window.Canvas())
	text := func(i int) string { return form.Items[i].Widget.(*widgets.Entry).Text }
	if text(1) != kept.Why || text(2) != kept.Raise || text(3) != kept.OneOff {
		t.Errorf("form shows %q %q %q, want %+v", text(1), text(2), text(3), kept)
	}
}
