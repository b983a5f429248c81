package dbjson

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/store/seed/seedbench"
	"github.com/masterplan-app/masterplan/data/transfer"
)

// fillEverything stores at least one record of every kind the JSON export
// holds, with the relations between them, through the areas' own methods.
func fillEverything(t testing.TB, s *store.Store) {
	t.Helper()
	ctx := context.Background()
	today := data.DateOf(testNow, time.UTC)
	r := setUp(t, s)
	m1 := addMilestone(t, s, r, "Pay the program fee", "2026-04-01")
	addMilestone(t, s, r, "Book flights", "2026-05-01")
	if err := s.SetMilestoneDone(ctx, m1.ID, true); err != nil {
		t.Fatal(err)
	}
	book, err := s.SaveReadingItem(ctx, data.ReadingItem{Title: "Exchange 2010 Inside Out", Author: "Tony Redmond", Kind: data.ReadingBook,
		Size: 400, Unit: data.ReadingPages, Status: "to read", Priority: 1, AddedOn: today.AddDays(-30)}, today)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetReadingProgress(ctx, book.ID, 120, today); err != nil {
		t.Fatal(err)
	}
	gone, err := s.SaveReadingItem(ctx, data.ReadingItem{Title: "Old blog", Kind: data.ReadingBlogPost, URL: "https://example.com/old",
		Unit: data.ReadingMinutes, Status: "to read", Priority: 3, AddedOn: today}, today)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteReadingItem(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddStudySessions(ctx, []data.StudySession{
		{Start: testNow.Add(-26 * time.Hour), Duration: 90 * time.Minute, Topic: "Transport", ReadingItemID: book.ID, Note: "chapter 3"},
		{Start: testNow.Add(-3 * time.Hour), Duration: 45 * time.Minute, Topic: "High availability"},
	}); err != nil {
		t.Fatal(err)
	}
	written, _, err := s.SaveExam(ctx, r.ID, data.Exam{Name: "Written exam 1", Kind: data.ExamWritten, PassMark: 70}, today)
	if err != nil {
		t.Fatal(err)
	}
	lab, _, err := s.SaveExam(ctx, r.ID, data.Exam{Name: "Lab exam", Kind: data.ExamLab, PassMark: 75, Date: date(t, "2026-09-18")}, today)
	if err != nil {
		t.Fatal(err)
	}
	transport, err := s.SaveTopic(ctx, r.ID, data.Topic{Name: "Transport", ExamIDs: []int64{written.ID, lab.ID}})
	if err != nil {
		t.Fatal(err)
	}
	ha, err := s.SaveTopic(ctx, r.ID, data.Topic{Name: "High availability", ExamIDs: []int64{lab.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveAttempt(ctx, r.ID, data.Attempt{ExamID: lab.ID, Date: today.AddDays(-1), Source: "MeasureUp", Duration: time.Hour,
		Scores: []data.TopicScore{data.CountedScore(ha.ID, 7, 10), data.PercentScore(transport.ID, 82.5)}}, today); err != nil {
		t.Fatal(err)
	}
	// The fee: fronted by me, borne by the employer, and the milestone
	// "Pay the program fee" linked to it; the hotel: booked by the employer
	// directly, and made by the generator.
	budget, err := s.AddBudgetItems(ctx, r.ID, []data.BudgetItem{
		{Category: "program_fee", Description: "Program fee", Date: date(t, "2026-04-01"), Planned: data.NewMoney("18500", "USD"),
			Actual: data.NewMoney("18500", "USD"), ActualHome: data.NewMoney("14652.37", "GBP"), PaidBy: data.PaidByEmployer,
			FrontedBy: data.PaidByMe, Reimbursement: "claimed", ReimbursementDate: date(t, "2026-03-01")},
		{Category: "hotel", Description: "Hotel", Date: date(t, "2026-06-01"), EndDate: date(t, "2026-06-07"),
			Planned: data.NewMoney("1200.5", "USD"), PaidBy: data.PaidBySplit, EmployerPercent: 40, Reimbursement: "not_claimed",
			FrontedBy: data.PaidByEmployer, GeneratedBy: data.GeneratedHotel},
	})
	if err != nil {
		t.Fatal(err)
	}
	m1.BudgetItemID = budget[0].ID
	if _, err := s.SaveMilestone(ctx, m1); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveRate(ctx, "GBP", data.Rate{Currency: "USD", ToHome: data.NewMoney("0.7921", "USD").Amount, AsOf: today}); err != nil {
		t.Fatal(err)
	}
	rule, err := data.StudyRule([]time.Weekday{time.Tuesday, time.Thursday}, data.Clock{Hour: 20})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveReminder(ctx, data.Reminder{Kind: data.ReminderStudy, Title: "Study", Enabled: true, RRule: rule, Day: today}); err != nil {
		t.Fatal(err)
	}
	rems, err := s.Reminders(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, rem := range rems {
		if rem.Kind == data.ReminderMilestone {
			rem.DaysBefore = 5
			if _, err := s.SaveReminder(ctx, rem); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.SetMilestoneReminder(ctx, m1.ID, &data.MilestoneSetting{DaysBefore: 10}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetReadingLeadDays(ctx, 21); err != nil {
		t.Fatal(err)
	}
}

// exportText exports s as the JSON file's text.
func exportText(t testing.TB, s *store.Store) string {
	t.Helper()
	x, err := Export(context.Background(), s, testNow)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	var b bytes.Buffer
	if err := transfer.WriteJSON(&b, x); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// parse reads an export's text.
func parse(t testing.TB, text string) *transfer.Export {
	t.Helper()
	x, err := transfer.ReadJSON([]byte(text))
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return x
}

func TestExportImportRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	src, _ := openTemp(t)
	fillEverything(t, src)
	first := exportText(t, src)
	for _, want := range []string{`"format": "masterplan"`, `"version": 2`, `"exported_at": "2026-03-08T08:30:00Z"`,
		`"Exchange 2010 Inside Out"`, `"deleted_at": "2026-03-08T08:30:00Z"`, `"percent": 82.5`, `"planned_amount": "1200.50"`,
		`"actual_home_amount": "14652.37"`, `"to_home": "0.7921"`, `"reading.deadline_lead_days"`, `"days_before": 10`, `"days_before": 5`, `"reading_item": 1`,
		`"fronted_by": "me"`, `"fronted_by": "employer"`, `"generated_by": "hotel"`, `"budget_item": 1`} {
		if !strings.Contains(first, want) {
			t.Errorf("the export lacks %s:\n%s", want, first)
		}
	}

	dst, _ := openTemp(t)
	counts, err := importAll(t, dst, parse(t, first))
	if err != nil {
		t.Fatalf("import into an empty database: %v", err)
	}
	for _, c := range counts {
		if c.Existing != 0 && c.Kind != "reminders" {
			t.Errorf("import into an empty database found %d %s already there", c.Existing, c.Kind)
		}
	}
	if second := exportText(t, dst); second != first {
		t.Errorf("export -> import -> export changed the file:\n--- first\n%s\n--- second\n%s", first, second)
	}

	// The areas read the imported records with their relations.
	rot, err := dst.Rotation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	atts, err := dst.Attempts(ctx, rot.ID)
	if err != nil || len(atts) != 1 || len(atts[0].Scores) != 2 {
		t.Fatalf("attempts after import: %+v, %v", atts, err)
	}
	topics, err := dst.Topics(ctx, rot.ID)
	if err != nil {
		t.Fatal(err)
	}
	transport, ok := data.FindTopic(topics, "Transport")
	if got := atts[0].Scores[1]; !ok || !got.PercentOnly || got.Percent != 82.5 || got.TopicID != transport.ID {
		t.Errorf("second score after import = %+v, want 82.5%% for Transport (%+v)", got, transport)
	}
	sessions, err := dst.StudySessions(ctx, testNow.Add(-48*time.Hour), testNow)
	if err != nil {
		t.Fatal(err)
	}
	items, err := dst.ReadingItems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(sessions) != 2 || len(items) != 1 || sessions[0].ReadingItemID != items[0].ID || items[0].Done != 120 {
		t.Errorf("sessions %+v and items %+v: the first session should point at the imported book, read to 120", sessions, items)
	}

	checkBudgetRelations(t, dst, rot.ID)
}

// checkBudgetRelations checks what fillEverything's budget holds beyond
// amounts: who fronted the fee, which generator made the hotel, and the
// fee's milestone link, as the budget and rotation screens read them.
func checkBudgetRelations(t *testing.T, s *store.Store, rotationID int64) {
	t.Helper()
	ctx := context.Background()
	budget, err := s.BudgetItems(ctx, rotationID)
	if err != nil {
		t.Fatal(err)
	}
	byCategory := map[data.BudgetCategory]data.BudgetItem{}
	for _, it := range budget {
		byCategory[it.Category] = it
	}
	fee, hotel := byCategory["program_fee"], byCategory["hotel"]
	if fee.FrontedBy != data.PaidByMe || fee.PaidBy != data.PaidByEmployer {
		t.Errorf("the fee is fronted by %q and paid by %q, want fronted by me and paid by the employer", fee.FrontedBy, fee.PaidBy)
	}
	if hotel.GeneratedBy != data.GeneratedHotel || hotel.FrontedBy != data.PaidByEmployer {
		t.Errorf("the hotel is made by %q and fronted by %q, want made by %q and fronted by the employer", hotel.GeneratedBy, hotel.FrontedBy, data.GeneratedHotel)
	}
	ms, err := s.Milestones(ctx, rotationID)
	if err != nil {
		t.Fatal(err)
	}
	links := map[string]int64{}
	for _, m := range ms {
		links[m.Title] = m.BudgetItemID
	}
	if links["Pay the program fee"] != fee.ID || fee.ID == 0 || links["Book flights"] != 0 {
		t.Errorf("milestone links = %v, want only \"Pay the program fee\" linked to the fee (item %d)", links, fee.ID)
	}
}

func TestImportMergesWithoutDuplicates(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	fillEverything(t, s)
	before := exportText(t, s)
	counts, err := importAll(t, s, parse(t, before))
	if err != nil {
		t.Fatalf("import into the same database: %v", err)
	}
	for _, c := range counts {
		if c.Added != 0 {
			t.Errorf("importing a database into itself added %d %s", c.Added, c.Kind)
		}
	}
	if after := exportText(t, s); after != before {
		t.Errorf("importing a database into itself changed it:\n%s", after)
	}

	// Into a database with records of its own: new ones are added once.
	other, _ := openTemp(t)
	r := setUp(t, other)
	addMilestone(t, other, r, "Book flights", "2026-05-01")
	addMilestone(t, other, r, "Renew passport", "2026-04-15")
	for range 2 {
		if _, err := importAll(t, other, parse(t, before)); err != nil {
			t.Fatalf("merge: %v", err)
		}
	}
	if got := titles(t, other, r.ID); strings.Join(got, ", ") != "Pay the program fee, Renew passport, Book flights" {
		t.Errorf("milestones after merging twice = %v", got)
	}
	for table, want := range map[string]int{"rotations": 1, "reading_items": 2, "reading_progress": 1, "study_sessions": 2,
		"exams": 2, "topics": 2, "topic_exams": 3, "attempts": 1, "scores": 2, "budget_items": 2, "exchange_rates": 1,
		"reminders": 4, "milestone_reminders": 1} {
		if n := count(t, other, table); n != want {
			t.Errorf("%s holds %d rows after merging twice, want %d", table, n, want)
		}
	}
	checkBudgetRelations(t, other, r.ID)
}

func TestImportRefusesBadRecordsAndWritesNothing(t *testing.T) {
	t.Parallel()
	src, _ := openTemp(t)
	fillEverything(t, src)
	good := exportText(t, src)
	tests := []struct {
		name   string
		change func(x *transfer.Export)
		want   string
	}{
		{"future session", func(x *transfer.Export) { x.StudySessions[1].Start = "2026-03-09T08:00:00Z" }, "study session 2: start"},
		{"progress beyond the size", func(x *transfer.Export) { x.ReadingItems[0].Done = 401 }, "reading item 1: done"},
		{"unknown rotation", func(x *transfer.Export) { x.Milestones[1].Rotation = 9 }, "milestone 2: rotation"},
		{"bad currency", func(x *transfer.Export) { x.BudgetItems[0].PlannedCurrency = "XYZ" }, "budget item 1"},
		{"home currency", func(x *transfer.Export) {
			for i := range x.Settings {
				if x.Settings[i].Key == "home_currency" {
					x.Settings[i].Value = "pounds"
				}
			}
		}, "home currency"},
		{"score of an unknown topic", func(x *transfer.Export) { x.Attempts[0].Scores[0].Topic = 7 }, "attempt 1: score 1"},
		{"two topics of one name (table UNIQUE)", func(x *transfer.Export) { x.Topics[1].Name = "transport" }, "topic 2"},
		{"two milestone reminders", func(x *transfer.Export) {
			x.MilestoneReminders = append(x.MilestoneReminders, x.MilestoneReminders[0])
		}, "milestone reminder 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dst, _ := openTemp(t)
			empty := exportText(t, dst)
			x := parse(t, good)
			tt.change(x)
			_, err := importAll(t, dst, x)
			if !errors.Is(err, data.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("import = %v, want ErrInvalid naming %q", err, tt.want)
			}
			if after := exportText(t, dst); after != empty {
				t.Errorf("a refused import wrote:\n%s", after)
			}
		})
	}
}

// Merging keeps what the database already says about a record it has: its
// own settings, an item's progress and log, a reminder the user saved.
func TestImportKeepsTheDatabasesOwnChoices(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	src, _ := openTemp(t)
	fillEverything(t, src)
	file := exportText(t, src)

	s, _ := openTemp(t)
	setUp(t, s)
	today := data.DateOf(testNow, time.UTC)
	book, err := s.SaveReadingItem(ctx, data.ReadingItem{Title: "exchange 2010 inside out", Author: "Tony Redmond", Kind: data.ReadingBook,
		Size: 400, Unit: data.ReadingPages, Status: "to read", Priority: 2, AddedOn: today}, today)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetReadingProgress(ctx, book.ID, 50, today); err != nil {
		t.Fatal(err)
	}
	if err := s.SetReadingLeadDays(ctx, 14); err != nil {
		t.Fatal(err)
	}
	rems, err := s.Reminders(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, rem := range rems {
		if rem.Kind == data.ReminderMilestone {
			rem.DaysBefore = 7
			if _, err := s.SaveReminder(ctx, rem); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := importAll(t, s, parse(t, file)); err != nil {
		t.Fatalf("merge: %v", err)
	}
	items, err := s.ReadingItems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Done != 50 || count(t, s, "reading_progress") != 1 {
		t.Errorf("items after merge = %+v with %d log entries; want the database's own book at 50 with its one entry",
			items, count(t, s, "reading_progress"))
	}
	if days, err := s.ReadingLeadDays(ctx); err != nil || days != 14 {
		t.Errorf("reading lead days after merge = %d, %v; want the database's 14", days, err)
	}
	rems, err = s.Reminders(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, rem := range rems {
		if rem.Kind == data.ReminderMilestone && rem.DaysBefore != 7 {
			t.Errorf("milestone reminder after merge: %d days before, want the user's 7", rem.DaysBefore)
		}
	}
	sessions, err := s.StudySessions(ctx, testNow.Add(-48*time.Hour), testNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(sessions) != 2 || sessions[0].ReadingItemID != book.ID {
		t.Errorf("sessions after merge = %+v; the first should point at the database's book %d", sessions, book.ID)
	}
}

// BenchmarkJSONRoundTrip exports the ten-year database and imports the
// file into a new database, as moving to a new laptop does.
func BenchmarkJSONRoundTrip(b *testing.B) {
	ctx := context.Background()
	src := seedbench.OpenCopy(b)
	dir := b.TempDir()
	copies := 0
	for b.Loop() {
		x, err := Export(ctx, src, seedbench.Now())
		if err != nil {
			b.Fatal(err)
		}
		var text bytes.Buffer
		if err := transfer.WriteJSON(&text, x); err != nil {
			b.Fatal(err)
		}
		copies++
		dst := openAtClock(b, filepath.Join(dir, fmt.Sprintf("copy-%d.db", copies)), seedbench.Now())
		if _, err := Import(ctx, dst, parse(b, text.String()), seedbench.Now()); err != nil {
			b.Fatal(err)
		}
		if n, want := count(b, dst, "milestones"), len(x.Milestones); n != want {
			b.Fatalf("%d milestones imported, want %d", n, want)
		}
	}
}

// The import writes its sessions through the store's own batch writer, so
// the kept per-day totals include them, in the destination's zone (the
// file's settings do not replace the database's). openAt's cleanup also
// recounts every kept total from the sessions (Store.VerifyKept).
func TestImportKeepsTheStudyTotals(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	src, _ := openTemp(t)
	fillEverything(t, src)
	dst, _ := openTemp(t)
	setUp(t, dst)
	set, err := dst.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	set.TimeZone = "America/Los_Angeles"
	if err := dst.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	if _, err := importAll(t, dst, parse(t, exportText(t, src))); err != nil {
		t.Fatal(err)
	}
	if err := dst.VerifyKept(ctx); err != nil {
		t.Fatalf("after the import: %v", err)
	}
	loc, _ := time.LoadLocation("America/Los_Angeles")
	got, err := dst.StudyTotals(ctx, loc, data.DateOf(testNow, loc), 0)
	if err != nil {
		t.Fatal(err)
	}
	if got.Total != 135*time.Minute || got.Sessions != 2 {
		t.Errorf("study after the import: %s in %d sessions, want 2h15m in 2", got.Total, got.Sessions)
	}
}

// An export made before the zone was stored by name may say "time_zone":
// "" (the machine's own). That never lands as "": a database with a zone
// keeps it, and a new one gets this machine's zone by name, as setup does.
func TestImportNeverStoresAnEmptyZone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	src, _ := openTemp(t)
	fillEverything(t, src)
	file := exportText(t, src)
	noZone := func() *transfer.Export {
		x := parse(t, file)
		for i := range x.Settings {
			if x.Settings[i].Key == keyTimeZone {
				x.Settings[i].Value = ""
			}
		}
		return x
	}
	storedZone := func(s *store.Store) string {
		v, _, err := s.Setting(ctx, keyTimeZone)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}

	fresh, _ := openTemp(t)
	if _, err := importAll(t, fresh, noZone()); err != nil {
		t.Fatal(err)
	}
	if got, want := storedZone(fresh), store.SystemZone(); got == "" || got != want {
		t.Errorf("zone of a new database after importing an empty zone = %q, want this machine's %q", got, want)
	}

	own, _ := openTemp(t)
	setUp(t, own)
	if _, err := importAll(t, own, noZone()); err != nil {
		t.Fatal(err)
	}
	if got := storedZone(own); got != "Europe/London" {
		t.Errorf("zone after importing an empty zone = %q, want the database's own Europe/London", got)
	}
}

// A dry run applies the import's rules to the database as it is and
// writes nothing: it counts what the import then adds, and refuses what
// the import refuses, with the same message.
func TestDryRunSaysWhatImportDoes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	src, _ := openTemp(t)
	fillEverything(t, src)
	good := exportText(t, src)
	fresh, _ := openTemp(t)
	merged, _ := openTemp(t)
	r := setUp(t, merged)
	addMilestone(t, merged, r, "Book flights", "2026-05-01")
	for name, s := range map[string]*store.Store{"empty": fresh, "with records": merged} {
		before := exportText(t, s)
		dry, err := DryRun(ctx, s, parse(t, good), testNow)
		if err != nil {
			t.Fatalf("%s: dry run: %v", name, err)
		}
		if after := exportText(t, s); after != before {
			t.Fatalf("%s: the dry run wrote:\n%s", name, after)
		}
		real, err := importAll(t, s, parse(t, good))
		if err != nil {
			t.Fatalf("%s: import: %v", name, err)
		}
		if !slices.Equal(dry, real) {
			t.Errorf("%s: dry run counts %+v, import counts %+v", name, dry, real)
		}
	}

	refused := map[string]func(x *transfer.Export){
		"future session":         func(x *transfer.Export) { x.StudySessions[1].Start = "2026-03-09T08:00:00Z" },
		"two topics of one name": func(x *transfer.Export) { x.Topics[1].Name = "transport" },
		"two exams of one name":  func(x *transfer.Export) { x.Exams[1].Name = x.Exams[0].Name },
		"the same attempt twice": func(x *transfer.Export) { x.Attempts = append(x.Attempts, x.Attempts[0]) },
	}
	for name, change := range refused {
		t.Run(name, func(t *testing.T) {
			dst, _ := openTemp(t)
			x := parse(t, good)
			change(x)
			_, dryErr := DryRun(ctx, dst, x, testNow)
			_, err := importAll(t, dst, x)
			if !errors.Is(dryErr, data.ErrInvalid) || !errors.Is(err, data.ErrInvalid) {
				t.Fatalf("dry run = %v; import = %v; want both refused as invalid", dryErr, err)
			}
			if want := strings.SplitN(err.Error(), ":", 3)[:2]; !strings.HasPrefix(dryErr.Error(), strings.Join(want, ":")) {
				t.Errorf("dry run says %q, import says %q: they should name the same record", dryErr, err)
			}
		})
	}
}
