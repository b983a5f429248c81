package report

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/store/storetest"
	"github.com/masterplan-app/masterplan/data/summary"
)

// reportNow is the instant every report test runs at.
var reportNow = time.Date(2026, 11, 23, 18, 0, 0, 0, time.UTC)

// newStore opens a temporary database set up for a 2027 rotation.
func newStore(t *testing.T) (*store.Store, data.Rotation) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, storetest.Path(t, "mp.db"), store.WithClock(func() time.Time { return reportNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	set := data.DefaultSettings()
	set.HomeCurrency = "GBP"
	set.TimeZone = "Europe/London"
	rot, err := st.Setup(ctx, data.Rotation{Track: "MCM: Exchange Server 2010", Blocks: []data.Block{
		{Start: data.NewDate(2027, 3, 1), End: data.NewDate(2027, 3, 7), Location: "Redmond, Washington", TimeZone: "America/Los_Angeles"},
		{Start: data.NewDate(2027, 5, 3), End: data.NewDate(2027, 5, 16), Location: "Redmond, Washington", TimeZone: "America/Los_Angeles"},
	}}, set)
	if err != nil {
		t.Fatal(err)
	}
	return st, rot
}

// fill stores a little of everything: a budget in three currencies (one
// without a rate), study, a reading list and practice attempts.
func fill(t *testing.T, st *store.Store, rot data.Rotation) {
	t.Helper()
	ctx := context.Background()
	today := data.DateOf(reportNow, time.UTC)
	m := func(a, c string) data.Money { return data.Money{Amount: decimal.RequireFromString(a), Currency: c} }
	for _, it := range []data.BudgetItem{
		{Category: data.CategoryProgramFee, Description: "Rotation fee", Date: data.NewDate(2026, 11, 1), Planned: m("18500", "USD"), Actual: m("18500", "USD"), PaidBy: data.PaidByEmployer, Reimbursement: data.NotClaimed},
		{Category: data.CategoryFlights, Description: "LHR–SEA return", Date: data.NewDate(2026, 11, 10), Planned: m("850", "GBP"), Actual: m("912.37", "GBP"), PaidBy: data.PaidByMe, Reimbursement: data.NotClaimed},
		{Category: data.CategoryMeals, Description: "Meals in Zürich", Date: data.NewDate(2026, 11, 12), Planned: m("100", "CHF"), PaidBy: data.PaidByMe, Reimbursement: data.NotClaimed},
	} {
		if _, err := st.SaveBudgetItem(ctx, rot.ID, it); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.SaveRate(ctx, "GBP", data.Rate{Currency: "USD", ToHome: decimal.RequireFromString("0.7912"), AsOf: data.NewDate(2026, 11, 1)}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddStudySessions(ctx, []data.StudySession{
		{Start: time.Date(2026, 11, 18, 19, 0, 0, 0, time.UTC), Duration: 90 * time.Minute, Topic: "Transport"},
		{Start: time.Date(2026, 11, 20, 19, 0, 0, 0, time.UTC), Duration: 2 * time.Hour, Topic: "High availability"},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveReadingItem(ctx, data.ReadingItem{Title: "Exchange 2010 Inside Out", Kind: data.ReadingBook, Topic: "Transport",
		Size: 1200, Unit: data.ReadingPages, Done: 300, Status: "reading", Priority: 1}, today); err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnsurePracticeDefaults(ctx, rot); err != nil {
		t.Fatal(err)
	}
	exams, _ := st.Exams(ctx, rot.ID)
	topics, _ := st.Topics(ctx, rot.ID)
	for i, day := range []data.Date{data.NewDate(2026, 11, 2), data.NewDate(2026, 11, 16)} {
		a := data.Attempt{ExamID: exams[0].ID, Date: day, Source: "vendor", Scores: []data.TopicScore{
			data.CountedScore(topics[0].ID, 20+5*i, 40), data.CountedScore(topics[1].ID, 30+4*i, 40)}}
		if _, err := st.SaveAttempt(ctx, rot.ID, a, today); err != nil {
			t.Fatal(err)
		}
	}
}

func pdfText(t *testing.T, doc Document) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePDF(&buf, doc); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (make test installs poppler-utils): %v", err)
	}
	return string(out)
}

// The report's totals are the numbers `status --json` gives, to the cent.
func TestReportTotalsMatchStatus(t *testing.T) {
	ctx := context.Background()
	st, rot := newStore(t)
	fill(t, st, rot)
	in, err := Gather(ctx, st, reportNow)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Build(in, Options{Why: "A certified master shortens our escalations.",
		Return: data.ReturnInput{AnnualRaise: decimal.RequireFromString("6000")}})
	if err != nil {
		t.Fatal(err)
	}

	// What `status --json` prints, read back as a script would.
	sum, err := summary.Build(ctx, st, reportNow)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(sum)
	var status struct {
		Budget struct {
			Planned, Actual, Forecast, Self, Employer string
			Missing                                   []string `json:"missing_rates"`
		}
		Study struct {
			TotalHours float64 `json:"total_hours"`
		}
		Practice struct{ Exams []struct{ Name string } }
	}
	if err := json.Unmarshal(raw, &status); err != nil {
		t.Fatal(err)
	}
	gbp := func(s string) string { return money(decimal.RequireFromString(s), "GBP") }
	want := []string{
		gbp(status.Budget.Planned), gbp(status.Budget.Actual), gbp(status.Budget.Forecast),
		gbp(status.Budget.Self), gbp(status.Budget.Employer),
		"CHF", // named as the currency without a rate
		"Written exam 1", "High availability", "MCM: Exchange Server 2010", "Transport", "Redmond, Washington",
		"A certified master shortens our escalations.", "paid back after",
	}
	if status.Budget.Forecast != "15549.57" || len(status.Budget.Missing) != 1 {
		t.Fatalf("status budget = %+v; the fixture's forecast is 18,500 USD at 0.7912 (14,637.20) + 912.37", status.Budget)
	}
	text := pdfText(t, doc)
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF lacks %q", w)
		}
	}
	var h bytes.Buffer
	if err := WriteHTML(&h, doc); err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		if !strings.Contains(htmlText(t, h.Bytes()), w) {
			t.Errorf("the HTML lacks %q", w)
		}
	}
}

// A report of an empty database still renders, each section saying what
// to enter.
func TestReportOfEmptyDatabase(t *testing.T) {
	st, _ := newStore(t)
	in, err := Gather(context.Background(), st, reportNow)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Build(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, doc)
	for _, w := range []string{"No budget items yet", "No study logged", "No practice-test results yet", "add the budget first", "Redmond"} {
		if !strings.Contains(text, w) {
			t.Errorf("the empty report lacks %q", w)
		}
	}
}

func TestOptionsValidate(t *testing.T) {
	for _, o := range []Options{
		{Sections: []string{"gossip"}},
		{Why: strings.Repeat("x", MaxWhyLen+1)},
		{Return: data.ReturnInput{AnnualRaise: decimal.NewFromInt(-5)}},
	} {
		if err := o.Validate(); len(data.FieldErrors(err)) == 0 {
			t.Errorf("%+v: got %v, want a field error", o, err)
		}
	}
	doc, err := Build(Input{}, Options{Sections: []string{SectionReturn, SectionRotation}})
	if err != nil || len(doc.Sections) != 2 || doc.Sections[0].Title != SectionTitle(SectionRotation) {
		t.Fatalf("chosen sections: %+v, %v; want rotation then return, in report order", doc.Sections, err)
	}
}

// The readiness section, read back from the PDF: a range and a chance
// instead of a straight line capped at 100 %, the assumed pass marks said
// to be assumed, and real hours studied on a practice topic since its
// first attempt.
func TestReportReadinessIsHonest(t *testing.T) {
	ctx := context.Background()
	st, rot := newStore(t)
	fill(t, st, rot)
	exams, _ := st.Exams(ctx, rot.ID)
	topics, _ := st.Topics(ctx, rot.ID)
	// A third, steeply rising attempt: the old line reached 100 %.
	a := data.Attempt{ExamID: exams[0].ID, Date: data.NewDate(2026, 11, 22), Source: "vendor", Scores: []data.TopicScore{
		data.CountedScore(topics[0].ID, 38, 40), data.CountedScore(topics[1].ID, 39, 40)}}
	if _, err := st.SaveAttempt(ctx, rot.ID, a, data.NewDate(2026, 11, 23)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddStudySessions(ctx, []data.StudySession{
		{Start: time.Date(2026, 11, 10, 19, 0, 0, 0, time.UTC), Duration: 150 * time.Minute, Topic: topics[0].Name},
	}); err != nil {
		t.Fatal(err)
	}
	in, err := Gather(ctx, st, reportNow)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Build(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(pdfText(t, doc)), " ")
	for _, want := range []string{"80 % range", "chance to pass about", "(assumed)", "no pass mark for this exam; 70 % is assumed", "2.5"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "100.0 %") {
		t.Errorf("the PDF projects 100.0 %%:\n%s", text)
	}
}

// A report built from a database with emoji in a milestone and a study
// topic is produced as PDF (a box for each emoji) and keeps them in HTML.
func TestReportWithEmojiIsProduced(t *testing.T) {
	ctx := context.Background()
	st, rot := newStore(t)
	fill(t, st, rot)
	if _, err := st.SaveMilestone(ctx, data.Milestone{RotationID: rot.ID, Title: "Lab exam 🎯 booked", Due: data.NewDate(2027, 1, 2)}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddStudySessions(ctx, []data.StudySession{
		{Start: time.Date(2026, 11, 21, 19, 0, 0, 0, time.UTC), Duration: time.Hour, Topic: "Mailbox 📬 roles"},
	}); err != nil {
		t.Fatal(err)
	}
	in, err := Gather(ctx, st, reportNow)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Build(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, doc)
	for _, want := range []string{"Lab exam □ booked", "2027-01-02", "Mailbox □ roles"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, doc); err != nil {
		t.Fatal(err)
	}
	page := htmlText(t, buf.Bytes())
	for _, want := range []string{"Lab exam 🎯 booked", "Mailbox 📬 roles"} {
		if !strings.Contains(page, want) {
			t.Errorf("the HTML lacks %q", want)
		}
	}
}
