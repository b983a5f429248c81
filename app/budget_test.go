package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
)

// budgetIndex is the Budget screen's place in the navigation (Ctrl+6).
const budgetIndex = 5

// openBudget sets up a two-block rotation with GBP at home and a USD rate,
// and shows the Budget screen.
func openBudget(t *testing.T) (*Shell, *store.Store, *budgetScreen) {
	t.Helper()
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-07"), block("2027-05-03", "2027-05-16"))
	ctx := context.Background()
	set, _ := st.Settings(ctx)
	set.HomeCurrency = "GBP"
	if err := st.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveRate(ctx, "GBP", data.Rate{Currency: "USD", ToHome: decimal.RequireFromString("0.8"), AsOf: mustDate(t, "2026-11-01")}); err != nil {
		t.Fatal(err)
	}
	sh.Start()
	sh.Window.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(ctrl(fyne.Key6))
	if sh.SelectedTitle() != "Budget" {
		t.Fatalf("Ctrl+6 shows %q", sh.SelectedTitle())
	}
	return sh, st, sh.screens[budgetIndex].(*budgetScreen)
}

func mustDate(t *testing.T, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate("test", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func budgetItems(t *testing.T, st *store.Store) []data.BudgetItem {
	t.Helper()
	rot, _ := st.Rotation(context.Background())
	items, err := st.BudgetItems(context.Background(), rot.ID)
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// typeItem fills the open item form and submits it.
func typeItem(t *testing.T, sh *Shell, b *budgetScreen, cat data.BudgetCategory, desc, date, planned, cur string) {
	t.Helper()
	f := b.form
	if f == nil {
		t.Fatal("the item form is not open")
	}
	f.category.sel.SetSelected(cat.Label())
	test.Type(f.description, desc)
	test.Type(f.date, date)
	f.planned.SetText("")
	test.Type(f.planned, planned)
	f.plannedCur.SetText("")
	test.Type(f.plannedCur, cur)
	// Enter in an entry submits, as the Save button does.
	f.plannedCur.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

func TestBudgetAddItemsByTypingUpdatesTotals(t *testing.T) {
	sh, st, b := openBudget(t)
	if !b.empty.Visible() {
		t.Error("an empty budget does not say what to do")
	}
	sh.Window.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(ctrl(fyne.KeyN))
	typeItem(t, sh, b, data.CategoryFlights, "LHR-SEA return", "2027-02-27", "1,234.50", "usd")
	items := budgetItems(t, st)
	if len(items) != 1 || !items[0].Planned.Equal(data.NewMoney("1234.50", "USD")) || items[0].Category != data.CategoryFlights {
		t.Fatalf("stored items = %+v", items)
	}
	if b.form != nil {
		t.Error("the form stayed open after a good save")
	}
	// 1,234.50 USD at 0.8 is 987.60 GBP.
	if !strings.Contains(b.footer.Text, "GBP 987.60") {
		t.Errorf("footer = %q, want the forecast GBP 987.60", b.footer.Text)
	}

	b.newItem()
	typeItem(t, sh, b, data.CategoryMeals, "Meals", "2027-03-01", "250", "GBP")
	b.newItem()
	typeItem(t, sh, b, data.CategoryGroundTransport, "Taxi from the airport", "2027-03-01", "80,00", "EUR")
	if got := len(budgetItems(t, st)); got != 3 {
		t.Fatalf("%d items stored, want 3", got)
	}
	if b.list.Length() != 3 || b.empty.Visible() {
		t.Errorf("list shows %d rows (empty state visible: %v)", b.list.Length(), b.empty.Visible())
	}
	// No EUR rate: said plainly, never converted at 1:1.
	if !b.missing.Visible() || !strings.Contains(b.missing.Text, "EUR") {
		t.Errorf("missing rate message = %q (visible %v), want EUR named", b.missing.Text, b.missing.Visible())
	}
	if !strings.Contains(b.footer.Text, "GBP 1,237.60") || !strings.Contains(b.footer.Text, "no rate for EUR") {
		t.Errorf("footer = %q, want GBP 1,237.60 and the EUR gap", b.footer.Text)
	}
	if detail := b.itemDetail(rowNamed(t, b, "Taxi")); !strings.Contains(detail, "NO RATE for EUR") {
		t.Errorf("taxi row = %q, want the missing rate named", detail)
	}

	// Add the EUR rate by typing: the totals now include the taxi.
	b.editRate(data.Rate{})
	form := findForm(t, sh.Window.Canvas())
	cur := form.Items[0].Widget.(*widgets.SelectEntry)
	rate := form.Items[1].Widget.(*widgets.Entry)
	test.Type(cur, "EUR")
	test.Type(rate, "0.85")
	form.OnSubmit()
	if b.missing.Visible() {
		t.Errorf("the missing-rate message stays: %q", b.missing.Text)
	}
	// 987.60 + 250.00 + 80.00 × 0.85 = 1,305.60
	if !strings.Contains(b.footer.Text, "GBP 1,305.60") {
		t.Errorf("footer = %q, want GBP 1,305.60", b.footer.Text)
	}
	sum := decimal.Zero
	for _, d := range b.homeOf {
		sum = sum.Add(d)
	}
	if !sum.Equal(b.totals.Forecast.Shown("GBP").Total) {
		t.Errorf("rows add up to %s, the total shown is %s", sum, b.totals.Forecast.Shown("GBP").Total)
	}
	// The totals table's last row is the overall total.
	if got := len(b.totals.Rows); got != 3 {
		t.Errorf("totals have %d category rows, want 3", got)
	}
	if !strings.Contains(b.totalsText.Text, "Cost per rotation day") {
		t.Errorf("totals text = %q", b.totalsText.Text)
	}
	test.WidgetRenderer(b.chart).Layout(fyne.NewSize(480, 300)) // a chart draws when it is laid out
	if b.chart.Image() == nil {
		t.Error("no chart drawn for a budget with items")
	}
	b.findBox.SetText("taxi")
	if b.list.Length() != 1 {
		t.Errorf("find 'taxi' shows %d rows", b.list.Length())
	}
}

// rowNamed is the list's row whose description contains desc.
func rowNamed(t *testing.T, b *budgetScreen, desc string) data.BudgetItem {
	t.Helper()
	for i := range b.rowCount() {
		if it := b.rowAt(i); strings.Contains(it.Description, desc) {
			return it
		}
	}
	t.Fatalf("no item %q", desc)
	return data.BudgetItem{}
}

func TestBudgetFormRefusesBadInput(t *testing.T) {
	tests := []struct {
		name  string
		fill  func(f *budgetItemForm)
		field string
		want  string
	}{
		{"ambiguous separator", func(f *budgetItemForm) { f.planned.SetText("12,345") }, "planned", "decimal"},
		{"unknown currency", func(f *budgetItemForm) { f.plannedCur.SetText("ABC") }, "planned currency", "not a currency"},
		{"split over 100", func(f *budgetItemForm) { f.paidBy.SetSelected("Split"); f.percent.SetText("140") }, "employer percent", "0 to 100"},
		{"end before start", func(f *budgetItemForm) { f.date.SetText("2027-03-10"); f.end.SetText("2027-03-01") }, "end date", "before the start"},
		{"negative without refund", func(f *budgetItemForm) { f.planned.SetText("-20") }, "planned", "refund"},
		{"twenty digits", func(f *budgetItemForm) { f.planned.SetText("12345678901234567890") }, "planned", "too large"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sh, st, b := openBudget(t)
			b.newItem()
			f := b.form
			f.planned.SetText("100")
			f.plannedCur.SetText("USD")
			tc.fill(f)
			findForm(t, sh.Window.Canvas()).OnSubmit()
			if n := len(budgetItems(t, st)); n != 0 {
				t.Fatalf("%d items saved from bad input", n)
			}
			markup := test.RenderToMarkup(sh.Window.Canvas())
			if !strings.Contains(markup, tc.want) {
				t.Errorf("the dialog does not say %q", tc.want)
			}
			if b.form == nil {
				t.Error("the form closed although the save failed")
			}
		})
	}
}

func TestBudgetDecimalCommaSetting(t *testing.T) {
	sh, st, b := openBudget(t)
	b.markPick.sel.SetSelectedIndex(2)
	if m, _ := st.DecimalMark(context.Background()); m != data.DecimalComma {
		t.Fatalf("stored mark = %q", rune(m))
	}
	b.newItem()
	typeItem(t, sh, b, data.CategoryHotel, "Hotel", "2027-02-28", "1.512,40", "USD")
	b.newItem()
	typeItem(t, sh, b, data.CategoryOther, "Guide", "2027-02-28", "12,345", "USD")
	// With the comma chosen, 12,345 is 12.345, which USD cannot hold: refused.
	items := budgetItems(t, st)
	if len(items) != 1 || !items[0].Planned.Equal(data.NewMoney("1512.40", "USD")) {
		t.Fatalf("stored = %+v", items)
	}
	if !strings.Contains(test.RenderToMarkup(sh.Window.Canvas()), "more decimal places than USD") {
		t.Error("12,345 with a comma mark was not refused at the field")
	}
}

func TestBudgetDeleteUndoAndDuplicate(t *testing.T) {
	sh, st, b := openBudget(t)
	b.newItem()
	typeItem(t, sh, b, data.CategoryFlights, "LHR-SEA", "2027-02-27", "900", "USD")
	it := budgetItems(t, st)[0]

	b.editItem(it.Duplicate(), "Duplicate budget item")
	b.form.date.SetText("2027-05-01")
	findForm(t, sh.Window.Canvas()).OnSubmit()
	if items := budgetItems(t, st); len(items) != 2 || items[1].Date.String() != "2027-05-01" || items[1].Description != "LHR-SEA" {
		t.Fatalf("after duplicate: %+v", items)
	}

	b.deleteItem(it)
	if n := len(budgetItems(t, st)); n != 1 {
		t.Fatalf("%d items after delete, want 1", n)
	}
	if !b.undos.bar.Visible() || !strings.Contains(b.undos.label.Text, "LHR-SEA") {
		t.Fatalf("no undo offered: %q", b.undos.label.Text)
	}
	b.undos.run()
	if items := budgetItems(t, st); len(items) != 2 {
		t.Fatalf("%d items after undo, want 2", len(items))
	}
	if b.undos.bar.Visible() {
		t.Error("undo bar still showing")
	}
}

func TestBudgetGeneratorsAndScenario(t *testing.T) {
	sh, st, b := openBudget(t)
	b.addProgramFee()
	if b.form.planned.Text != "18500.00" || b.form.plannedCur.Text != "USD" || b.form.date.Text != "2027-01-30" {
		t.Errorf("program fee prefilled %q %q on %q", b.form.planned.Text, b.form.plannedCur.Text, b.form.date.Text)
	}
	findForm(t, sh.Window.Canvas()).OnSubmit()

	b.generate(data.CategoryHotel)
	form := findForm(t, sh.Window.Canvas())
	amount := form.Items[0].Widget.(*widgets.Entry)
	test.Type(amount, "189")
	form.OnSubmit()
	items := budgetItems(t, st)
	var hotels []data.BudgetItem
	for _, it := range items {
		if it.Category == data.CategoryHotel {
			hotels = append(hotels, it)
		}
	}
	// 7 nights and 14 nights at USD 189.
	if len(hotels) != 2 || !hotels[0].Planned.Equal(data.NewMoney("1323", "USD")) || !hotels[1].Planned.Equal(data.NewMoney("2646", "USD")) {
		t.Fatalf("hotel items = %+v", hotels)
	}
	if v, _, _ := st.Setting(context.Background(), store.SettingHotelNightly); v != "USD 189" {
		t.Errorf("nightly rate remembered as %q", v)
	}

	b.generate(data.CategoryMeals)
	form = findForm(t, sh.Window.Canvas())
	form.Items[0].Widget.(*widgets.Entry).SetText("")
	test.Type(form.Items[0].Widget.(*widgets.Entry), "0")
	form.OnSubmit()
	if !strings.Contains(test.RenderToMarkup(sh.Window.Canvas()), "above zero") {
		t.Error("a zero per diem is not refused with a message")
	}

	s := b.scenario
	test.Type(s.label, "London")
	test.Type(s.nightly, "150")
	test.Type(s.nightlyCur, "GBP")
	s.compare()
	// Redmond hotel: 3,969 USD × 0.8 = 3,175.20 GBP; London: 21 × 150 = 3,150.00 GBP.
	last := s.rows[len(s.rows)-1]
	if last[2] != "-25.20" {
		t.Errorf("difference = %q, want -25.20 (rows %v)", last[2], s.rows)
	}
	if !strings.Contains(s.note.Text, "London would cost GBP 25.20 less") {
		t.Errorf("note = %q", s.note.Text)
	}
	if v, _, _ := st.Setting(context.Background(), store.SettingScenario); !strings.HasPrefix(v, "London|GBP 150|") {
		t.Errorf("scenario remembered as %q", v)
	}
}

func TestBudgetCardOnDashboard(t *testing.T) {
	sh, _, b := openBudget(t)
	b.newItem()
	typeItem(t, sh, b, data.CategoryFlights, "Flights", "2027-02-27", "1000", "USD")
	sh.Select(0)
	if card := cardText(t, sh.screens[0].(*dashboardScreen), "Budget"); !strings.Contains(card, "of GBP 800.00 planned") {
		t.Errorf("the dashboard's budget card lacks the planned total:\n%s", card)
	}
}

func TestBudgetChargedAmountWinsOverRate(t *testing.T) {
	sh, st, b := openBudget(t)
	b.newItem()
	f := b.form
	f.category.sel.SetSelected(data.CategoryHotel.Label())
	test.Type(f.description, "Hotel deposit")
	test.Type(f.date, "2027-02-20")
	test.Type(f.planned, "100")
	f.plannedCur.SetText("USD")
	test.Type(f.actual, "100.00")
	test.Type(f.charged, "77.77")
	f.paidBy.SetSelected("Employer")
	f.reimb.sel.SetSelected(data.Claimed.Label())
	test.Type(f.reimbDate, "2027-02-25")
	findForm(t, sh.Window.Canvas()).OnSubmit()
	items := budgetItems(t, st)
	if len(items) != 1 {
		t.Fatalf("stored %d items", len(items))
	}
	it := items[0]
	if !it.Actual.Equal(data.NewMoney("100", "USD")) || !it.ActualHome.Equal(data.NewMoney("77.77", "GBP")) ||
		it.PaidBy != data.PaidByEmployer || it.Reimbursement != data.Claimed || it.ReimbursementDate.String() != "2027-02-25" {
		t.Fatalf("stored %+v", it)
	}
	// 77.77 charged wins over 100 × 0.8 = 80.00.
	if d := b.itemDetail(b.rowAt(0)); !strings.Contains(d, "= GBP 77.77") || !strings.Contains(d, "paid by you, employer reimburses: claimed 2027-02-25") {
		t.Errorf("row = %q", d)
	}
	if !strings.Contains(b.totalsText.Text, "Reimbursement outstanding: GBP 77.77") {
		t.Errorf("totals = %q", b.totalsText.Text)
	}
}

func TestBudgetKeyboardOpensItemWithDeleteAndDuplicate(t *testing.T) {
	sh, st, b := openBudget(t)
	b.newItem()
	typeItem(t, sh, b, data.CategoryFlights, "LHR-SEA", "2027-02-27", "900", "USD")
	b.list.Select(0)
	if b.form == nil || b.form.description.Text != "LHR-SEA" {
		t.Fatal("selecting a row did not open the item")
	}
	test.Tap(dialogButton(t, sh.Window.Canvas(), "Duplicate"))
	if b.form == nil || b.form.description.Text != "LHR-SEA" || b.form.actual.Text != "" {
		t.Fatal("Duplicate did not open a copy")
	}
	findForm(t, sh.Window.Canvas()).OnSubmit()
	if n := len(budgetItems(t, st)); n != 2 {
		t.Fatalf("%d items after duplicate", n)
	}
	b.list.Select(1)
	test.Tap(dialogButton(t, sh.Window.Canvas(), "Delete"))
	if n := len(budgetItems(t, st)); n != 1 || !b.undos.bar.Visible() {
		t.Fatalf("%d items after delete (undo offered: %v)", n, b.undos.bar.Visible())
	}
}

// Years of items are not read to show the budget: the list reads a page at
// a time, its home amounts and the totals come from the store's kept
// parts, and Find searches every item.
func TestBudgetListReadsPagesAsItScrolls(t *testing.T) {
	_, st, b := openBudget(t)
	var in []data.BudgetItem
	n := 2*listPage + 37
	for i := range n {
		desc := fmt.Sprintf("Taxi %d", i)
		if i == 150 {
			desc = "Ferry to the island"
		}
		in = append(in, data.BudgetItem{Category: data.CategoryGroundTransport, Description: desc,
			Date: mustDate(t, "2027-01-01").AddDays(i), Planned: data.NewMoney("10.01", "USD"), PaidBy: data.PaidByMe, Reimbursement: data.NotClaimed})
	}
	rot, err := st.Rotation(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddBudgetItems(context.Background(), rot.ID, in); err != nil {
		t.Fatal(err)
	}
	b.refresh()
	if b.list.Length() != n || len(b.pages.pages) > 1 || b.all != nil {
		t.Fatalf("list of %d rows, %d pages read, every item read: %v; want %d rows, at most the first page", b.list.Length(), len(b.pages.pages), b.all != nil, n)
	}
	if last := b.rowAt(n - 1); last.Description != fmt.Sprintf("Taxi %d", n-1) {
		t.Errorf("the last row is %q", last.Description)
	}
	if len(b.pages.pages) != 2 {
		t.Errorf("%d pages read for the first and the last row, want 2", len(b.pages.pages))
	}
	// 237 × USD 10.01 × 0.8 = GBP 1,897.896 (8.008 a row): the rows show
	// 8.01 or 8.00 so that they add up to the total shown, 1,897.90.
	sum := decimal.Zero
	for i := range n {
		d := b.homeOf[b.rowAt(i).ID]
		if !d.Equal(decimal.RequireFromString("8.01")) && !d.Equal(decimal.RequireFromString("8.00")) {
			t.Fatalf("row %d shows %s", i, d)
		}
		sum = sum.Add(d)
	}
	if !sum.Equal(b.totals.Forecast.Shown("GBP").Total) || !strings.Contains(b.footer.Text, "GBP 1,897.90") {
		t.Errorf("rows add up to %s; footer %q", sum, b.footer.Text)
	}
	if !strings.Contains(b.totalsText.Text, "Cost per rotation day") || !strings.Contains(fmt.Sprint(b.totals.Rows), "237") {
		t.Errorf("totals text %q, rows %v", b.totalsText.Text, b.totals.Rows)
	}
	b.findBox.SetText("ferry")
	if b.list.Length() != 1 || b.rowAt(0).Description != "Ferry to the island" {
		t.Fatalf("find ferry shows %d rows", b.list.Length())
	}
	b.findBox.SetText("")
	if b.list.Length() != n {
		t.Errorf("clearing Find shows %d rows, want %d", b.list.Length(), n)
	}
}
