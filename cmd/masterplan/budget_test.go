package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// budgetJSON is the "budget" object of `status --json`.
type budgetJSON struct {
	HomeCurrency             string   `json:"home_currency"`
	Planned                  string   `json:"planned"`
	Actual                   string   `json:"actual"`
	Employer                 string   `json:"employer"`
	Self                     string   `json:"self"`
	OutstandingReimbursement string   `json:"outstanding_reimbursement"`
	MissingRates             []string `json:"missing_rates"`
}

func statusBudget(t *testing.T, db string) budgetJSON {
	t.Helper()
	r := runCLI(t, db, "status", "--json")
	if r.code != 0 {
		t.Fatalf("status: %d %s", r.code, r.stderr)
	}
	var got struct {
		Budget *budgetJSON `json:"budget"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || got.Budget == nil {
		t.Fatalf("status --json has no budget object (%v):\n%s", err, r.stdout)
	}
	return *got.Budget
}

const budgetCSV = `date,category,description,planned,planned_currency,actual,actual_currency,paid_by,employer_percent,reimbursement
2027-01-15,program fee,Rotation fee,18500,USD,18500,USD,employer,,claimed 2027-01-20
2027-02-27,flights,LHR-SEA,850.00,GBP,912.40,GBP,me,,
2027-03-01,hotel,Hotel,1323.00,USD,,,split,50,
2027-03-02,meals,Sushi,12000,JPY,,,me,,
`

func TestImportBudgetAndStatus(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	if r := runCLI(t, db, "import", "rates", writeFile(t, "rates.csv", "currency,rate_to_home,as_of\nUSD,0.8,2027-01-01\nUSD,0.75,2027-02-15\n")); r.code != 0 {
		t.Fatalf("import rates: %d %s", r.code, r.stderr)
	}
	r := runCLI(t, db, "import", "budget", writeFile(t, "budget.csv", budgetCSV))
	if r.code != 0 || !strings.Contains(r.stdout, "imported 4 budget item(s)") {
		t.Fatalf("import budget: %d %q %s", r.code, r.stdout, r.stderr)
	}
	got := statusBudget(t, db)
	// Fee at 0.8 (the rate on or before 2027-01-15): 14,800.00; flights 850;
	// hotel at 0.75: 992.25; the yen have no rate and are left out.
	want := budgetJSON{
		HomeCurrency: "GBP", Planned: "16642.25", Actual: "15712.40",
		// Forecast: 14,800 + 912.40 + 992.25 = 16,704.65; the employer
		// bears the fee and half the hotel: 14,800 + 496.125 → 15,296.12.
		Employer: "15296.12", Self: "1408.53",
		OutstandingReimbursement: "14800.00", MissingRates: []string{"JPY"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("budget = %+v\nwant     %+v", got, want)
	}
}

func TestImportBudgetRefusesBadRows(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	bad := budgetCSV + "2027-03-05,hotel,Split too big,100,USD,,,split,140,\n2027-03-06,other,Ambiguous,\"1,234\",USD,,,me,,\n"
	path := writeFile(t, "bad.csv", bad)
	r := runCLI(t, db, "import", "budget", path)
	if r.code != exitFail || !strings.Contains(r.stderr, "line 6: employer_percent") || !strings.Contains(r.stderr, "nothing was imported") {
		t.Fatalf("import with bad rows: %d %s", r.code, r.stderr)
	}
	if got := statusBudget(t, db); got.Planned != "0.00" {
		t.Fatalf("bad file half-imported: planned %s", got.Planned)
	}
	r = runCLI(t, db, "import", "budget", "--skip-rejected", path)
	// The file's other amounts use a point, so 1,234 reads as 1234, and
	// the CLI says so.
	if r.code != 0 || !strings.Contains(r.stdout, "imported 5") || !strings.Contains(r.stderr, "read amounts with '.' as the decimal mark") {
		t.Fatalf("--skip-rejected: %d %q %s", r.code, r.stdout, r.stderr)
	}
	// A file that never settles the mark: 1,234 is refused, not guessed.
	r = runCLI(t, db, "import", "budget", writeFile(t, "ambiguous.csv", "category,planned,planned_currency\nother,\"1,234\",USD\n"))
	if r.code != exitFail || !strings.Contains(r.stderr, "line 2: planned") {
		t.Errorf("ambiguous 1,234: %d %s", r.code, r.stderr)
	}

	// The comma mark, given on the command line, settles 1.234,50.
	r = runCLI(t, db, "import", "budget", "--decimal-mark", "comma",
		writeFile(t, "comma.csv", "date,category,description,planned,planned_currency\n2027-03-07,other,Guide,\"1.234,50\",GBP\n"))
	if r.code != 0 {
		t.Fatalf("comma import: %d %s", r.code, r.stderr)
	}
	if r := runCLI(t, db, "import", "budget", "--decimal-mark", "semicolon", path); r.code != exitUsage {
		t.Errorf("bad --decimal-mark: exit %d", r.code)
	}
	if r := runCLI(t, db, "import", "budget"); r.code != exitUsage {
		t.Errorf("no FILE: exit %d", r.code)
	}
	if r := runCLI(t, db, "import", "budget", filepath.Join(t.TempDir(), "missing.csv")); r.code != exitFail {
		t.Errorf("missing file: exit %d", r.code)
	}
}

func TestImportRatesRefusesZeroAndReplaces(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	r := runCLI(t, db, "import", "rates", writeFile(t, "r.csv", "currency,rate_to_home,as_of\nUSD,0,2027-01-01\nEUR,0.85,2027-01-01\n"))
	if r.code != exitFail || !strings.Contains(r.stderr, "line 2: rate_to_home") {
		t.Fatalf("zero rate: %d %s", r.code, r.stderr)
	}
	path := writeFile(t, "ok.csv", "currency,rate_to_home,as_of\nUSD,0.8,2027-01-01\nEUR,0.85,2027-01-01\n")
	if r := runCLI(t, db, "import", "rates", path); r.code != 0 || !strings.Contains(r.stdout, "2 new, 0 replaced") {
		t.Fatalf("import: %d %q %s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, db, "import", "rates", path); r.code != 0 || !strings.Contains(r.stdout, "0 new, 0 replaced, 2 unchanged") {
		t.Fatalf("re-import: %d %q %s", r.code, r.stdout, r.stderr)
	}
}

func TestExportBudgetRoundTrip(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	if r := runCLI(t, db, "import", "budget", writeFile(t, "budget.csv", budgetCSV)); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	out := filepath.Join(t.TempDir(), "export.csv")
	if r := runCLI(t, db, "export", "budget", "-o", out); r.code != 0 {
		t.Fatalf("export: %d %s", r.code, r.stderr)
	}
	first, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(first), "date,category,description,planned,planned_currency,actual,actual_currency,paid_by,employer_percent,reimbursement") ||
		!strings.Contains(string(first), "2027-01-15,program_fee,Rotation fee,18500.00,USD,18500.00,USD,employer,,claimed 2027-01-20") {
		t.Errorf("export =\n%s", first)
	}
	other := setupDB(t)
	if r := runCLI(t, other, "import", "budget", out); r.code != 0 {
		t.Fatalf("re-import the export: %d %s", r.code, r.stderr)
	}
	r := runCLI(t, other, "export", "budget")
	if r.code != 0 || r.stdout != string(first) {
		t.Errorf("export → import → export changed the file:\n%s\nvs\n%s", first, r.stdout)
	}
	if r := runCLI(t, db, "export", "budget", "extra"); r.code != exitUsage {
		t.Errorf("stray argument: exit %d", r.code)
	}
}

func TestStatusBudgetEmpty(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	got := statusBudget(t, db)
	if got.HomeCurrency != "GBP" || got.Planned != "0.00" || got.MissingRates == nil || len(got.MissingRates) != 0 {
		t.Errorf("empty budget = %+v", got)
	}
}

// TestImportBudgetTwiceAddsNothing holds issue 16 item 1: the same file
// imported twice, and a row repeated inside one file, add each item once;
// the repeats are skipped and counted, never an error.
func TestImportBudgetTwiceAddsNothing(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	path := writeFile(t, "budget.csv", budgetCSV)
	if r := runCLI(t, db, "import", "budget", path); r.code != 0 {
		t.Fatalf("first import: %d %s", r.code, r.stderr)
	}
	first := statusBudget(t, db)
	r := runCLI(t, db, "import", "budget", path)
	if r.code != 0 || !strings.Contains(r.stdout, "imported 0 budget item(s)") || !strings.Contains(r.stdout, "4 repeats skipped") {
		t.Fatalf("second import: %d %q %s", r.code, r.stdout, r.stderr)
	}
	if got := statusBudget(t, db); !reflect.DeepEqual(got, first) {
		t.Errorf("second import changed the totals:\n%+v\nwas %+v", got, first)
	}
	// A row repeated inside one file (case and spaces of the description
	// aside, the amount written another way) is one item.
	twice := "date,category,description,planned,planned_currency\n2027-03-09,other,Guide book,40,GBP\n2027-03-09,other,guide  book,40.00,GBP\n"
	r = runCLI(t, db, "import", "budget", writeFile(t, "twice.csv", twice))
	if r.code != 0 || !strings.Contains(r.stdout, "imported 1 budget item(s)") || !strings.Contains(r.stdout, "1 repeat skipped") {
		t.Fatalf("repeat inside the file: %d %q %s", r.code, r.stdout, r.stderr)
	}
	if got, want := statusBudget(t, db).Planned, decimal.RequireFromString(first.Planned).Add(decimal.NewFromInt(40)).StringFixed(2); got != want {
		t.Errorf("planned after the guide book = %s, want %s (once 40 more)", got, want)
	}
}
