package transfer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// jsonNow is the instant the JSON tests check files at.
var jsonNow = time.Date(2026, 3, 8, 8, 30, 0, 0, time.UTC)

// validExport holds one valid record of every kind, related to each other.
func validExport() *Export {
	pct := 82.5
	return &Export{
		Format: JSONFormat, Version: JSONVersion, ExportedAt: "2026-03-08T08:30:00Z",
		Settings: []Setting{{"home_currency", "GBP"}, {"reading.deadline_lead_days", "21"}},
		Rotations: []JSONRotation{{ID: 1, Track: "MCM: Exchange Server 2010", CreatedAt: "2026-01-02T10:00:00Z",
			Blocks: []JSONBlock{{"2026-06-01", "2026-06-07", "Redmond", "America/Los_Angeles"}}}},
		Milestones: []JSONMilestone{{ID: 1, Rotation: 1, Title: "Pay the fee", Due: "2026-04-01", BudgetItem: 1}},
		ReadingItems: []JSONReadingItem{{ID: 1, Title: "Inside Out", Kind: "book", Size: 400, Unit: "pages", Done: 120,
			Status: "reading", Priority: 1, AddedOn: "2026-02-01"}},
		ReadingProgress: []JSONProgress{{Item: 1, Day: "2026-03-07", Units: 120}},
		StudySessions:   []JSONSession{{Start: "2026-03-07T18:00:00Z", DurationS: 5400, Topic: "Transport", ReadingItem: 1}},
		Exams:           []JSONExam{{ID: 1, Rotation: 1, Name: "Lab exam", Kind: "lab", PassMark: 75, Date: "2026-06-06"}},
		Topics:          []JSONTopic{{ID: 1, Rotation: 1, Name: "Transport", Exams: []int64{1}}, {ID: 2, Rotation: 1, Name: "HA", Exams: []int64{}}},
		Attempts: []JSONAttempt{{Exam: 1, Date: "2026-03-07", Source: "MeasureUp",
			Scores: []JSONScore{{Topic: 1, Correct: 7, Total: 10}, {Topic: 2, Percent: &pct}}}},
		BudgetItems: []JSONBudgetItem{{ID: 1, Rotation: 1, Category: "program_fee", PlannedAmount: "18500.00", PlannedCurrency: "USD",
			PaidBy: "employer", Reimbursement: "not_claimed", FrontedBy: "employer"}},
		ExchangeRates:      []JSONRate{{Home: "GBP", Currency: "USD", ToHome: "0.79", AsOf: "2026-03-01"}},
		Reminders:          []JSONReminder{{Kind: "milestone", Title: "Milestone coming up", Enabled: true, At: "09:00:00", DaysBefore: 3}},
		MilestoneReminders: []JSONMilestoneReminder{{Milestone: 1, DaysBefore: 10}},
	}
}

func TestJSONWriteReadValidate(t *testing.T) {
	x := validExport()
	var b bytes.Buffer
	if err := WriteJSON(&b, x); err != nil {
		t.Fatal(err)
	}
	got, err := ReadJSON(b.Bytes())
	if err != nil {
		t.Fatalf("read what was written: %v\n%s", err, b.String())
	}
	if !reflect.DeepEqual(got, x) {
		t.Errorf("read back %+v\nwant %+v", got, x)
	}
	if err := got.Validate(jsonNow); err != nil {
		t.Errorf("valid export refused: %v", err)
	}
	if !strings.HasPrefix(b.String(), "{\n  \"format\": \"masterplan\",\n  \"version\": 2,\n  \"exported_at\"") {
		t.Errorf("the file does not start with its format and version:\n%.80s", b.String())
	}
}

func TestReadJSONRefuses(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, validExport()); err != nil {
		t.Fatal(err)
	}
	good := b.String()
	sizeLine := fmt.Sprintf("line %d,", strings.Count(good[:strings.Index(good, `"size"`)], "\n")+1)
	tests := []struct {
		name, text, want string
	}{
		{"newer version", strings.Replace(good, `"version": 2`, `"version": 7`, 1), "version 7, written by a newer MasterPlan"},
		{"newer version with new fields", `{"format":"masterplan","version":3,"habits":[]}`, "newer MasterPlan"},
		{"version 0", strings.Replace(good, `"version": 2`, `"version": 0`, 1), "starts at 1"},
		{"another format", strings.Replace(good, `"masterplan"`, `"goodreads"`, 1), "not a MasterPlan export"},
		{"empty", ``, "the file is empty"},
		{"truncated", good[:len(good)-40], "ends too early"},
		{"wrong type", strings.Replace(good, `"units": 120`, `"units": "a lot"`, 1), "reading_progress.units is string"},
		{"wrong type line", strings.Replace(good, `"size": 400`, `"size": true`, 1), sizeLine},
		{"unknown field", strings.Replace(good, `"done": false`, `"done": false, "colour": "red"`, 1), `unknown field "colour"`},
		{"two objects", good + "{}", "after top-level value"},
		{"not an object", `[1, 2]`, "read JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadJSON([]byte(tt.text))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ReadJSON = %v, want an error saying %q", err, tt.want)
			}
		})
	}
}

// A version 1 file (before budget item ids, who fronted the money, the
// generator and milestone links) still reads and checks: its items are
// fronted by you, made by hand, and linked to nothing.
func TestReadJSONVersion1(t *testing.T) {
	x := validExport()
	x.Version, x.Milestones[0].BudgetItem = 1, 0
	var b bytes.Buffer
	if err := WriteJSON(&b, x); err != nil {
		t.Fatal(err)
	}
	var file map[string]any
	if err := json.Unmarshal(b.Bytes(), &file); err != nil {
		t.Fatal(err)
	}
	for _, it := range file["budget_items"].([]any) {
		for _, field := range []string{"id", "fronted_by", "generated_by"} {
			delete(it.(map[string]any), field)
		}
	}
	v1, err := json.Marshal(file)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadJSON(v1)
	if err != nil {
		t.Fatalf("read a version 1 file: %v\n%s", err, v1)
	}
	if err := got.Validate(jsonNow); err != nil {
		t.Fatalf("a version 1 file is refused: %v", err)
	}
	it, err := got.BudgetItems[0].Domain()
	if err != nil || it.Fronter() != data.PaidByMe || it.GeneratedBy != "" || got.BudgetItems[0].ID != 0 {
		t.Errorf("version 1 item = %+v (id %d), %v; want fronted by me, made by hand, no id", it, got.BudgetItems[0].ID, err)
	}
}

func TestValidateNamesTheRecord(t *testing.T) {
	tests := []struct {
		name   string
		change func(x *Export)
		want   []string
	}{
		{"duplicate id", func(x *Export) { x.Topics[1].ID = 1 }, []string{"topic 2: id: 1 is also the id of topic 1"}},
		{"zero id", func(x *Export) { x.Milestones[0].ID = 0 }, []string{"milestone 1: id"}},
		{"overlapping blocks", func(x *Export) {
			x.Rotations[0].Blocks = append(x.Rotations[0].Blocks, JSONBlock{"2026-06-05", "2026-06-09", "Redmond", "UTC"})
		}, []string{"rotation 1:"}},
		{"bad block date", func(x *Export) { x.Rotations[0].Blocks[0].End = "2026-02-30" }, []string{"rotation 1: block 1: end"}},
		{"milestone without due", func(x *Export) { x.Milestones[0].Due = "" }, []string{"milestone 1: due"}},
		{"unknown reading kind", func(x *Export) { x.ReadingItems[0].Kind = "novel" }, []string{"reading item 1: kind"}},
		{"bad deleted_at", func(x *Export) { x.ReadingItems[0].DeletedAt = "yesterday" }, []string{"reading item 1: deleted_at"}},
		{"zero progress", func(x *Export) { x.ReadingProgress[0].Units = 0 }, []string{"reading progress 1: units"}},
		{"progress of no item", func(x *Export) { x.ReadingProgress[0].Item = 4 }, []string{"reading progress 1: item: refers to item 4"}},
		{"session in the future", func(x *Export) { x.StudySessions[0].Start = "2026-03-08T08:00:00Z" }, []string{"study session 1: start"}},
		{"session of no item", func(x *Export) { x.StudySessions[0].ReadingItem = 2 }, []string{"study session 1: reading_item"}},
		{"session start not UTC", func(x *Export) { x.StudySessions[0].Start = "2026-03-07 18:00" }, []string{"study session 1: start"}},
		{"pass mark", func(x *Export) { x.Exams[0].PassMark = 0 }, []string{"exam 1: pass mark"}},
		{"topic of no exam", func(x *Export) { x.Topics[0].Exams = []int64{1, 5} }, []string{"topic 1: exam: refers to exam 5"}},
		{"score both ways", func(x *Export) { x.Attempts[0].Scores[1].Total = 10 }, []string{"attempt 1: score 2"}},
		{"score of no topic", func(x *Export) { x.Attempts[0].Scores[0].Topic = 9 }, []string{"attempt 1: score 1: topic"}},
		{"attempt in the future", func(x *Export) { x.Attempts[0].Date = "2026-03-20" }, []string{"attempt 1: date"}},
		{"budget amount", func(x *Export) { x.BudgetItems[0].PlannedAmount = "lots" }, []string{"budget item 1: planned_amount"}},
		{"budget payer", func(x *Export) { x.BudgetItems[0].PaidBy = "uncle" }, []string{"budget item 1:"}},
		{"budget fronted by", func(x *Export) { x.BudgetItems[0].FrontedBy = "uncle" }, []string{"budget item 1: fronted by"}},
		{"budget generator", func(x *Export) { x.BudgetItems[0].GeneratedBy = "flights" }, []string{"budget item 1: generated by"}},
		{"budget item id twice", func(x *Export) { x.BudgetItems = append(x.BudgetItems, x.BudgetItems[0]) }, []string{"budget item 2: id: 1 is also"}},
		{"milestone of no budget item", func(x *Export) { x.Milestones[0].BudgetItem = 3 }, []string{"milestone 1: budget_item: refers to budget_item 3"}},
		{"milestone of another rotation's item", func(x *Export) {
			x.Rotations = append(x.Rotations, JSONRotation{ID: 2, Track: "Other", CreatedAt: "2026-01-02T10:00:00Z"})
			x.BudgetItems[0].Rotation = 2
		}, []string{"milestone 1: budget_item: 1 is in another rotation's budget"}},
		{"rate for home", func(x *Export) { x.ExchangeRates[0].Currency = "GBP" }, []string{"exchange rate 1: currency"}},
		{"rate home", func(x *Export) { x.ExchangeRates[0].Home = "" }, []string{"exchange rate 1:"}},
		{"reminder kind", func(x *Export) { x.Reminders[0].Kind = "alarm" }, []string{"reminder 1: kind"}},
		{"reminder clock", func(x *Export) { x.Reminders[0].At = "25:00" }, []string{"reminder 1: at"}},
		{"milestone reminder days", func(x *Export) { x.MilestoneReminders[0].DaysBefore = 400 }, []string{"milestone reminder 1: days before"}},
		{"setting twice", func(x *Export) { x.Settings[1].Key = "home_currency" }, []string{"setting 2: key"}},
		{"two problems", func(x *Export) { x.Milestones[0].Title = ""; x.ExchangeRates[0].ToHome = "-1" },
			[]string{"milestone 1: title", "exchange rate 1: rate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := validExport()
			tt.change(x)
			err := x.Validate(jsonNow)
			if !errors.Is(err, data.ErrInvalid) {
				t.Fatalf("Validate = %v, want ErrInvalid", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Validate = %v, want it to say %q", err, w)
				}
			}
		})
	}
}

// A reminder that has rung its last and an attempt dated after its exam's
// (moved) date are records the app keeps, so an import keeps them too.
func TestValidateKeepsHistory(t *testing.T) {
	x := validExport()
	x.Reminders = append(x.Reminders, JSONReminder{Kind: "one-off", Title: "Call the hotel", Enabled: true, Day: "2025-01-01", At: "09:00:00"})
	x.Exams[0].Date = "2026-03-01"
	if err := x.Validate(jsonNow); err != nil {
		t.Fatalf("Validate = %v", err)
	}
}

func FuzzImportJSON(f *testing.F) {
	var b bytes.Buffer
	if err := WriteJSON(&b, validExport()); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte(`{"format":"masterplan","version":1,"exported_at":"","settings":null}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		x, err := ReadJSON(in)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "read JSON: ") {
				t.Fatalf("refusal without its context: %v", err)
			}
			return
		}
		if x.Format != JSONFormat || x.Version < 1 || x.Version > JSONVersion {
			t.Fatalf("accepted format %q version %d", x.Format, x.Version)
		}
		if err := x.Validate(jsonNow); err != nil {
			if !errors.Is(err, data.ErrInvalid) {
				t.Fatalf("refusal that is not ErrInvalid: %v", err)
			}
			return
		}
		// What the reader accepts, the writer writes back and the reader
		// reads again unchanged: an import's records survive the next export.
		var out bytes.Buffer
		if err := WriteJSON(&out, x); err != nil {
			t.Fatal(err)
		}
		again, err := ReadJSON(out.Bytes())
		if err != nil {
			t.Fatalf("cannot read what was written: %v\n%s", err, out.String())
		}
		if !reflect.DeepEqual(again, x) {
			t.Fatalf("written and read again:\n%+v\nwant\n%+v", again, x)
		}
	})
}

// TestValidateRefusesOverlappingSessions: a JSON file cannot bring in two
// sessions at once either (issue 16 item 7).
func TestValidateRefusesOverlappingSessions(t *testing.T) {
	x := validExport()
	x.StudySessions = append(x.StudySessions, JSONSession{Start: "2026-03-07T18:30:00Z", DurationS: 600, Topic: "DNS"})
	if err := x.Validate(jsonNow); !errors.Is(err, data.ErrInvalid) || !strings.Contains(err.Error(), "study session 2: start: overlaps") {
		t.Errorf("Validate = %v", err)
	}
}
