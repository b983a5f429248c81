package report

import (
	"context"
	"io"
	"testing"

	"github.com/masterplan-app/masterplan/data/store/seed"
)

// BenchmarkReportTenYears makes the whole PDF report of the ten-year
// database: gathering, charts and layout (see docs/performance.md).
func BenchmarkReportTenYears(b *testing.B) {
	ctx := context.Background()
	st := seed.OpenCopy(b)
	cpu := seed.StartCPU()
	defer cpu.Report(b)
	for b.Loop() {
		in, err := Gather(ctx, st, seed.BenchNow())
		if err != nil {
			b.Fatal(err)
		}
		doc, err := Build(in, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := WritePDF(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}
