package transfer

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

func mustDate(t *testing.T, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate("test", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// sameBudgetItem compares items field by field (Money by value).
func sameBudgetItem(a, b data.BudgetItem) bool {
	return a.ID == b.ID && a.Category == b.Category && a.Description == b.Description &&
		a.Date == b.Date && a.EndDate == b.EndDate && a.Planned.Equal(b.Planned) &&
		a.Actual.Equal(b.Actual) && a.ActualHome.Equal(b.ActualHome) && a.PaidBy == b.PaidBy &&
		a.EmployerPercent == b.EmployerPercent && a.Reimbursement == b.Reimbursement &&
		a.ReimbursementDate == b.ReimbursementDate && a.Refund == b.Refund && a.Fronter() == b.Fronter()
}

func wantRejected(t *testing.T, got []Rejected, line int, field, reason string) {
	t.Helper()
	for _, r := range got {
		if r.Line == line && r.Field == field && strings.Contains(r.Reason, reason) {
			return
		}
	}
	t.Errorf("no rejection on line %d, field %q, containing %q; got %v", line, field, reason, got)
}

const budgetSample = `date,category,description,planned,planned_currency,actual,actual_currency,paid_by,employer_percent,reimbursement
2026-02-01,Program fee,Rotation fee,"18,500.00",USD,18500,USD,employer,,claimed 2026-02-10
2026-03-14,flights,LHR-SEA,800,GBP,760.40,,me,,
2026-03-15,hotel,Redmond,3000.00,gbp,,,split,50,
2026-03-15,meals,Per diem,1200,EUR,1234.56,EUR,,25%,
2026-03-16,other,Bad currency,10,XYZ,,,,,
2026-03-16,other,Negative,-12.50,USD,,,,,
2026-03-16,other,Bad split,10,USD,,,split,150,
2026-03-16,other,Bad payer,10,USD,,,boss,,
2026-03-16,snacks,Bad category,10,USD,,,,,
2026-02-30,other,Bad date,10,USD,,,,,
2026-03-16,other,No amount,,USD,,,,,
2026-03-16,other,Claimed but mine,10,USD,10,USD,me,,claimed
2026-03-16,other,Yen decimals,10.5,JPY,,,,,
2026-03-16,other,"=HYPERLINK(""http://x"")",1,USD,,,,,
`

func TestBudgetImport(t *testing.T) {
	p, err := ImportBudget("budget.csv", []byte(budgetSample), BudgetImport{Home: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Accepted) != 5 || len(p.Lines) != 5 {
		t.Fatalf("accepted %d rows, want 5; rejected %v", len(p.Accepted), p.Rejected)
	}
	wantLines := []int{2, 3, 4, 5, 15}
	for i, l := range wantLines {
		if p.Lines[i] != l {
			t.Errorf("accepted row %d from line %d, want %d", i, p.Lines[i], l)
		}
	}
	fee := p.Accepted[0]
	if fee.Category != data.CategoryProgramFee || !fee.Planned.Equal(data.NewMoney("18500", "USD")) ||
		fee.PaidBy != data.PaidByEmployer || fee.Reimbursement != data.Claimed || fee.ReimbursementDate != mustDate(t, "2026-02-10") {
		t.Errorf("fee row = %+v", fee)
	}
	flight := p.Accepted[1]
	if !flight.Actual.Equal(data.NewMoney("760.40", "GBP")) || flight.PaidBy != data.PaidByMe {
		t.Errorf("flight row: actual currency should default to planned: %+v", flight)
	}
	if hotel := p.Accepted[2]; hotel.Planned.Currency != "GBP" || hotel.PaidBy != data.PaidBySplit || hotel.EmployerPercent != 50 {
		t.Errorf("hotel row = %+v", hotel)
	}
	if meals := p.Accepted[3]; meals.PaidBy != data.PaidBySplit || meals.EmployerPercent != 25 {
		t.Errorf("meals row: a percent without payer means split: %+v", meals)
	}
	if formula := p.Accepted[4]; formula.Description != `=HYPERLINK("http://x")` {
		t.Errorf("description = %q", formula.Description)
	}
	if p.RejectedLines() != 9 {
		t.Errorf("rejected %d lines, want 9: %v", p.RejectedLines(), p.Rejected)
	}
	wantRejected(t, p.Rejected, 6, "planned_currency", `"XYZ" is not a currency`)
	wantRejected(t, p.Rejected, 7, "planned", "only a refund may be negative")
	wantRejected(t, p.Rejected, 8, "employer_percent", "is 150; write a number from 0 to 100")
	wantRejected(t, p.Rejected, 9, "paid_by", `"boss" is not a payer`)
	wantRejected(t, p.Rejected, 10, "category", `"snacks" is not a category`)
	wantRejected(t, p.Rejected, 11, "date", `"2026-02-30" is not a date`)
	wantRejected(t, p.Rejected, 12, "planned", "is empty; give the planned amount")
	wantRejected(t, p.Rejected, 13, "reimbursement", "you pay the item yourself")
	wantRejected(t, p.Rejected, 14, "planned", "JPY has no minor unit")
	if len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], `'.' as the decimal mark`) {
		t.Errorf("warnings = %v, want the inferred decimal point", p.Warnings)
	}
}

func TestBudgetImportVariants(t *testing.T) {
	tests := []struct {
		name  string
		csv   string
		opt   BudgetImport
		check func(t *testing.T, p Preview[data.BudgetItem])
	}{
		{
			name: "header in any case and order, extra column warned",
			csv:  "Planned_Currency; CATEGORY ;Planned;Notes\nEUR;Hotel;18.500,00;x\nEUR;meals;12,50;y\n",
			check: func(t *testing.T, p Preview[data.BudgetItem]) {
				if len(p.Accepted) != 2 || !p.Accepted[0].Planned.Equal(data.NewMoney("18500", "EUR")) || !p.Accepted[1].Planned.Equal(data.NewMoney("12.5", "EUR")) {
					t.Errorf("accepted %+v, rejected %v", p.Accepted, p.Rejected)
				}
				if len(p.Warnings) != 2 || !strings.Contains(p.Warnings[0], "Notes") || !strings.Contains(p.Warnings[1], `','`) {
					t.Errorf("warnings = %v", p.Warnings)
				}
			},
		},
		{
			name: "ambiguous amounts with nothing to settle them",
			csv:  "category,planned,planned_currency\nhotel,\"1,234\",USD\nhotel,1.234,USD\n",
			check: func(t *testing.T, p Preview[data.BudgetItem]) {
				wantRejected(t, p.Rejected, 2, "planned", "ambiguous")
				wantRejected(t, p.Rejected, 3, "planned", "ambiguous")
			},
		},
		{
			name: "a file using both marks settles nothing",
			csv:  "category,description,planned,planned_currency\nhotel,Night 1,12.50,USD\nhotel,Night 2,\"12,50\",USD\nhotel,Night 3,\"1,234\",USD\n",
			check: func(t *testing.T, p Preview[data.BudgetItem]) {
				if len(p.Accepted) != 2 || len(p.Warnings) != 0 {
					t.Errorf("accepted %d, warnings %v", len(p.Accepted), p.Warnings)
				}
				wantRejected(t, p.Rejected, 4, "planned", "ambiguous")
			},
		},
		{
			name: "the decimal mark given settles it",
			csv:  "category,planned,planned_currency\nhotel,\"1,234\",USD\n",
			opt:  BudgetImport{Mark: data.DecimalComma},
			check: func(t *testing.T, p Preview[data.BudgetItem]) {
				wantRejected(t, p.Rejected, 2, "planned", "more decimal places than USD")
			},
		},
		{
			name: "refund column allows negatives; charged amount in home currency",
			csv:  "category,planned,planned_currency,actual,actual_currency,actual_home,refund,end_date,date\nother,0,GBP,-40,GBP,-50.12,yes,2026-03-20,2026-03-15\n",
			opt:  BudgetImport{Home: "USD"},
			check: func(t *testing.T, p Preview[data.BudgetItem]) {
				if len(p.Accepted) != 1 {
					t.Fatalf("rejected %v", p.Rejected)
				}
				it := p.Accepted[0]
				if !it.Refund || !it.ActualHome.Equal(data.NewMoney("-50.12", "USD")) || it.EndDate != mustDate(t, "2026-03-20") {
					t.Errorf("item = %+v", it)
				}
			},
		},
		{
			name: "charged amount without any home currency",
			csv:  "category,planned,planned_currency,actual,actual_home\nother,10,GBP,12,15\n",
			check: func(t *testing.T, p Preview[data.BudgetItem]) {
				wantRejected(t, p.Rejected, 2, "actual_home_currency", "home currency is not known")
			},
		},
		{
			name: "unplanned cost, range and refund errors",
			csv:  "category,actual,actual_currency,date,end_date,refund\ntaxi,35,EUR,,,\nhotel,10,EUR,2026-03-20,2026-03-10,\nhotel,10,EUR,,,maybe\n",
			check: func(t *testing.T, p Preview[data.BudgetItem]) {
				if len(p.Accepted) != 1 || !p.Accepted[0].Planned.Equal(data.NewMoney("0", "EUR")) || p.Accepted[0].Category != data.CategoryGroundTransport {
					t.Errorf("accepted %+v", p.Accepted)
				}
				wantRejected(t, p.Rejected, 3, "end_date", "before the start")
				wantRejected(t, p.Rejected, 4, "refund", `"maybe" is not yes or no`)
			},
		},
		{
			name: "one row wrong in several columns names each",
			csv:  "category,planned,planned_currency,paid_by,employer_percent\nsnacks,abc,USD,boss,x\n",
			check: func(t *testing.T, p Preview[data.BudgetItem]) {
				if len(p.Rejected) != 4 || p.RejectedLines() != 1 {
					t.Errorf("rejected %v", p.Rejected)
				}
				wantRejected(t, p.Rejected, 2, "planned", "contains 'a'")
				wantRejected(t, p.Rejected, 2, "employer_percent", "not a whole number")
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ImportBudget("budget.csv", []byte(tc.csv), tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, p)
		})
	}
}

func TestBudgetImportRefusesFile(t *testing.T) {
	tests := []struct {
		name, csv, want string
	}{
		{"empty", "", "empty"},
		{"binary", "category,planned\x00\n", "NUL"},
		{"not UTF-8", "category,planned,planned_currency\nhotel,10,\xff\n", "not UTF-8"},
		{"header only", "category,planned,planned_currency\n", "no rows below it"},
		{"no category column", "planned,planned_currency\n10,USD\n", "at least category and planned"},
		{"no amount column", "category,description\nhotel,x\n", "at least category and planned"},
		{"duplicate column", "category,planned,Planned\nhotel,1,2\n", "twice"},
		{"bad quoting", "category,planned\n\"hotel,1\n", "not closed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ImportBudget("budget.csv", []byte(tc.csv), BudgetImport{})
			if err == nil {
				t.Fatalf("accepted %+v, want the file refused", p)
			}
			if !errors.Is(err, data.ErrInvalid) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "import budget.csv") {
				t.Errorf("error = %v, want ErrInvalid naming the file and %q", err, tc.want)
			}
		})
	}
}

func exportFixture(t *testing.T) []data.BudgetItem {
	t.Helper()
	return []data.BudgetItem{
		data.ProgramFee(mustDate(t, "2026-02-01")),
		{Category: data.CategoryOther, Description: "=cmd|' /C calc'!A0", Date: mustDate(t, "2026-03-16"), Planned: data.NewMoney("0", "GBP"),
			Actual: data.NewMoney("-12.5", "GBP"), ActualHome: data.NewMoney("-15.87", "USD"), PaidBy: data.PaidBySplit, EmployerPercent: 40,
			Reimbursement: data.Reimbursed, ReimbursementDate: mustDate(t, "2026-04-02"), Refund: true},
		{Category: data.CategoryHotel, Description: "+@SUM(1)\nsecond line, with comma", Date: mustDate(t, "2026-03-15"), EndDate: mustDate(t, "2026-04-04"),
			Planned: data.NewMoney("1234.567", "BHD"), Actual: data.NewMoney("123456", "JPY"), PaidBy: data.PaidByEmployer, EmployerPercent: 100, Reimbursement: data.Claimed},
		{Category: data.CategoryMeals, Description: "'-already quoted", Planned: data.NewMoney("1260", "EUR"), PaidBy: data.PaidByEmployer, Reimbursement: data.NotClaimed,
			FrontedBy: data.PaidByEmployer},
	}
}

func TestBudgetExport(t *testing.T) {
	items := exportFixture(t)
	var buf bytes.Buffer
	if err := ExportBudget(&buf, items); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	lines := strings.Split(out, "\n")
	if lines[0] != "date,category,description,planned,planned_currency,actual,actual_currency,paid_by,employer_percent,reimbursement,end_date,actual_home,actual_home_currency,refund,fronted_by" {
		t.Errorf("header = %q", lines[0])
	}
	if lines[1] != "2026-02-01,program_fee,Rotation fee (includes the lab exam and one retake),18500.00,USD,,,me,,not_claimed,,,,,me" {
		t.Errorf("fee line = %q", lines[1])
	}
	for _, want := range []string{
		`'=cmd|' /C calc'!A0`, `'-12.50`, `'-15.87`, `reimbursed 2026-04-02`, `yes`, `"'+@SUM(1)`, `''-already quoted`, `1234.567,BHD,123456,JPY,employer,100,claimed`, `1260.00,EUR,,,employer,,not_claimed,,,,,employer`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q:\n%s", want, out)
		}
	}
	for _, bad := range []string{",=", ",-", ",+", ",@"} {
		if strings.Contains(out, bad) {
			t.Errorf("export has a cell starting a formula (%q):\n%s", bad, out)
		}
	}

	back, err := ImportBudget("export.csv", buf.Bytes(), BudgetImport{Mark: data.DecimalPoint})
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Rejected) != 0 || len(back.Accepted) != len(items) {
		t.Fatalf("re-import: accepted %d, rejected %v", len(back.Accepted), back.Rejected)
	}
	for i := range items {
		if !sameBudgetItem(items[i], back.Accepted[i]) {
			t.Errorf("item %d changed on the round trip:\n got %+v\nwant %+v", i, back.Accepted[i], items[i])
		}
	}
	t.Run("inferred mark also round-trips", func(t *testing.T) {
		again, err := ImportBudget("export.csv", buf.Bytes(), BudgetImport{})
		if err != nil || len(again.Accepted) != len(items) {
			t.Fatalf("accepted %d, rejected %v, err %v", len(again.Accepted), again.Rejected, err)
		}
	})
	t.Run("no items: header only", func(t *testing.T) {
		var empty bytes.Buffer
		if err := ExportBudget(&empty, nil); err != nil || strings.Count(empty.String(), "\n") != 1 {
			t.Errorf("empty export = %q, %v", empty.String(), err)
		}
	})
}

func TestBudgetImportRates(t *testing.T) {
	csv := "Currency,Rate_To_Home,As_Of\n" +
		"GBP,1.2650,2026-01-01\n" +
		"gbp,1.2710,2026-03-01\n" +
		"EUR,0,2026-01-01\n" +
		"JPY,-0.0067,2026-01-01\n" +
		"USD,1,2026-01-01\n" +
		"GBP,1.30,2026-03-01\n" +
		"CHF,1.10,2026-13-01\n" +
		"XYZ,1.10,2026-01-01\n" +
		"SEK,0.095,\n" +
		"\"=1+1\",1.5,2026-01-01\n"
	p, err := ImportRates("rates.csv", []byte(csv), "USD", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Accepted) != 2 || p.Accepted[1].Currency != "GBP" || !p.Accepted[1].ToHome.Equal(data.NewMoney("1.271", "USD").Amount) {
		t.Fatalf("accepted %+v, rejected %v", p.Accepted, p.Rejected)
	}
	wantRejected(t, p.Rejected, 4, "Rate_To_Home", "must be above 0")
	wantRejected(t, p.Rejected, 5, "Rate_To_Home", "must be above 0")
	wantRejected(t, p.Rejected, 6, "Currency", "converts at 1 by definition")
	wantRejected(t, p.Rejected, 7, "As_Of", "GBP already has a rate as of 2026-03-01 on line 3")
	wantRejected(t, p.Rejected, 8, "As_Of", "is not a date")
	wantRejected(t, p.Rejected, 9, "Currency", `"XYZ" is not a currency`)
	wantRejected(t, p.Rejected, 10, "As_Of", "is empty")
	wantRejected(t, p.Rejected, 11, "Currency", "not a currency")
	if err := data.ValidateRates("USD", p.Accepted); err != nil {
		t.Errorf("accepted rates do not validate: %v", err)
	}

	t.Run("comma decimals inferred", func(t *testing.T) {
		p, err := ImportRates("rates.csv", []byte("currency;rate_to_home;as_of\nGBP;1,265;2026-01-01\nEUR;1,0850;2026-01-01\n"), "USD", 0)
		if err != nil || len(p.Accepted) != 2 || !p.Accepted[0].ToHome.Equal(data.NewMoney("1.265", "USD").Amount) {
			t.Errorf("accepted %+v, rejected %v, err %v", p.Accepted, p.Rejected, err)
		}
	})
	t.Run("ambiguous rate alone is refused", func(t *testing.T) {
		p, err := ImportRates("rates.csv", []byte("currency,rate_to_home,as_of\nGBP,1.265,2026-01-01\n"), "USD", 0)
		if err != nil {
			t.Fatal(err)
		}
		wantRejected(t, p.Rejected, 2, "rate_to_home", "ambiguous")
		p, err = ImportRates("rates.csv", []byte("currency,rate_to_home,as_of\nGBP,1.265,2026-01-01\n"), "USD", data.DecimalPoint)
		if err != nil || len(p.Accepted) != 1 {
			t.Errorf("with a point: accepted %+v, rejected %v, err %v", p.Accepted, p.Rejected, err)
		}
	})
	for name, tc := range map[string]struct{ csv, home, want string }{
		"missing column": {"currency,rate\nGBP,1.2\n", "USD", "no rate_to_home column"},
		"bad home":       {"currency,rate_to_home,as_of\nGBP,1.2,2026-01-01\n", "usd", "capitals"},
		"binary":         {"\x00\x01", "USD", "NUL"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ImportRates("rates.csv", []byte(tc.csv), tc.home, 0)
			if !errors.Is(err, data.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want %q", err, tc.want)
			}
		})
	}
}

func FuzzBudgetCSV(f *testing.F) {
	f.Add([]byte(budgetSample))
	f.Add([]byte("category;planned;planned_currency\nhotel;18.500,00;EUR\n"))
	f.Add([]byte("category,actual,actual_currency,actual_home,refund\nother,-5,GBP,-6.1,yes\n"))
	var buf bytes.Buffer
	if err := ExportBudget(&buf, []data.BudgetItem{data.ProgramFee(data.NewDate(2026, 2, 1))}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ImportBudget("fuzz.csv", b, BudgetImport{Home: "USD"})
		if err != nil {
			if !errors.Is(err, data.ErrInvalid) {
				t.Fatalf("file refused with an error that is not ErrInvalid: %v", err)
			}
			return
		}
		if len(p.Lines) != len(p.Accepted) {
			t.Fatalf("%d lines for %d rows", len(p.Lines), len(p.Accepted))
		}
		for _, r := range p.Rejected {
			if r.Line < 1 || r.Reason == "" {
				t.Fatalf("rejection without line or reason: %+v", r)
			}
		}
		for _, it := range p.Accepted {
			if err := it.Validate(); err != nil {
				t.Fatalf("accepted an invalid item %+v: %v", it, err)
			}
		}
		if len(p.Accepted) == 0 {
			return
		}
		var out bytes.Buffer
		if err := ExportBudget(&out, p.Accepted); err != nil {
			t.Fatal(err)
		}
		back, err := ImportBudget("export.csv", out.Bytes(), BudgetImport{Home: "USD", Mark: data.DecimalPoint})
		if err != nil {
			t.Fatalf("re-import of an export refused: %v\n%s", err, out.String())
		}
		if len(back.Rejected) != 0 || len(back.Accepted) != len(p.Accepted) {
			t.Fatalf("re-import: %d accepted, rejected %v\n%s", len(back.Accepted), back.Rejected, out.String())
		}
		for i := range p.Accepted {
			if !sameBudgetItem(p.Accepted[i], back.Accepted[i]) {
				t.Fatalf("round trip changed item %d:\n got %+v\nwant %+v", i, back.Accepted[i], p.Accepted[i])
			}
		}
	})
}

func FuzzRatesCSV(f *testing.F) {
	f.Add([]byte("currency,rate_to_home,as_of\nGBP,1.2650,2026-01-01\nEUR,0,2026-01-01\n"))
	f.Add([]byte("currency;rate_to_home;as_of\nGBP;1,265;2026-01-01\n"))
	f.Add([]byte("Currency,Rate_To_Home,As_Of\nusd,1,2026-01-01\ngbp,1.2,2026-01-01\ngbp,1.3,2026-01-01\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ImportRates("fuzz.csv", b, "USD", 0)
		if err != nil {
			if !errors.Is(err, data.ErrInvalid) {
				t.Fatalf("file refused with an error that is not ErrInvalid: %v", err)
			}
			return
		}
		if len(p.Lines) != len(p.Accepted) {
			t.Fatalf("%d lines for %d rates", len(p.Lines), len(p.Accepted))
		}
		for _, r := range p.Rejected {
			if r.Line < 1 || r.Reason == "" {
				t.Fatalf("rejection without line or reason: %+v", r)
			}
		}
		if err := data.ValidateRates("USD", p.Accepted); err != nil {
			t.Fatalf("accepted invalid or duplicate rates: %v", err)
		}
	})
}
