package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store/seed"
	"github.com/masterplan-app/masterplan/data/store/seed/seedbench"
	"github.com/masterplan-app/masterplan/data/transfer"
)

// The benchmarks below run commands in-process, through runAt as the tests
// do, on a copy of the ten-year database of package seed. Whole-process
// figures (start-up included) come from scripts/status.sh; see
// docs/performance.md.

// seededCopy copies the ten-year database into a fresh folder.
func seededCopy(b *testing.B) string {
	b.Helper()
	path, err := seedbench.CopyTo(context.Background(), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	return path
}

// benchRun runs the command and fails the benchmark when it fails.
func benchRun(b *testing.B, args ...string) {
	b.Helper()
	var stderr bytes.Buffer
	if code := runAt(context.Background(), args, io.Discard, &stderr, seedbench.Now); code != exitOK {
		b.Fatalf("masterplan %v: exit %d: %s", args, code, stderr.String())
	}
}

// BenchmarkStatusJSON is `masterplan status --json` without the process
// start: open the file, build the summary, encode it; on the ten-year
// database and on the heavy profile (target 100 ms whole-process, which
// scripts/status.sh measures).
func BenchmarkStatusJSON(b *testing.B) {
	b.Run("tenyears", func(b *testing.B) { benchStatusJSON(b, seededCopy(b)) })
	b.Run("heavy", func(b *testing.B) {
		path, err := seedbench.CopyHeavyTo(context.Background(), b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		benchStatusJSON(b, path)
	})
}

func benchStatusJSON(b *testing.B, path string) {
	cpu := seedbench.StartCPU()
	for b.Loop() {
		benchRun(b, "--db", path, "status", "--json")
	}
	cpu.Report(b)
}

// BenchmarkExportICS writes the calendar of the ten-year database.
func BenchmarkExportICS(b *testing.B) {
	path := seededCopy(b)
	out := filepath.Join(b.TempDir(), "masterplan.ics")
	cpu := seedbench.StartCPU()
	for b.Loop() {
		benchRun(b, "--db", path, "export", "ics", "-o", out)
	}
	cpu.Report(b)
}

// writeBenchCSV writes a CSV made by write into a temporary file.
func writeBenchCSV(b *testing.B, name string, write func(io.Writer) error) string {
	b.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		b.Fatal(err)
	}
	return path
}

// benchImport imports the file into a fresh copy of the ten-year database
// each time (the copy is not timed): an import adds 10,000 rows to the
// years already there.
func benchImport(b *testing.B, args ...string) {
	cpu := seedbench.StartCPU()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := seededCopy(b)
		b.StartTimer()
		benchRun(b, append([]string{"--db", path}, args...)...)
	}
	cpu.Report(b)
}

// BenchmarkImportReading10k imports a 10,000-row reading list CSV.
func BenchmarkImportReading10k(b *testing.B) {
	day := data.NewDate(2026, 6, 1)
	items := make([]data.ReadingItem, 10000)
	for i := range items {
		items[i] = data.ReadingItem{Title: fmt.Sprintf("Imported title %d", i), Author: "A. Writer", Kind: data.ReadingBook,
			Topic: fmt.Sprintf("Topic %02d", i%20), Size: 100 + i%400, Unit: data.ReadingPages, Status: data.ReadingToRead,
			Priority: 1 + i%3, AddedOn: day}
	}
	file := writeBenchCSV(b, "reading.csv", func(w io.Writer) error { return transfer.ExportReading(w, items) })
	benchImport(b, "import", "reading", file)
}

// BenchmarkImportBudget10k imports a 10,000-row budget CSV in two currencies.
func BenchmarkImportBudget10k(b *testing.B) {
	day := data.NewDate(2026, 6, 1)
	items := make([]data.BudgetItem, 10000)
	for i := range items {
		cur := []string{seed.HomeCurrency, "USD"}[i%2]
		items[i] = data.BudgetItem{Category: data.CategoryMeals, Description: fmt.Sprintf("Dinner %d", i),
			Date: day.AddDays(i % 300), Planned: data.Money{Amount: decimal.New(int64(1000+i), -2), Currency: cur},
			PaidBy: data.PaidByMe, Reimbursement: data.NotClaimed}
	}
	file := writeBenchCSV(b, "budget.csv", func(w io.Writer) error { return transfer.ExportBudget(w, items) })
	benchImport(b, "import", "budget", file)
}
