package report

import (
	"context"
	"io"
	"testing"

	"github.com/masterplan-app/masterplan/data/store/seed/seedbench"
)

// BenchmarkReportTenYears makes the whole PDF report of the ten-year
// database: gathering, charts and layout (see docs/performance.md).
func BenchmarkReportTenYears(b *testing.B) {
	ctx := context.Background()
	st := seedbench.OpenCopy(b)
	cpu := seedbench.StartCPU()
	defer cpu.Report(b)
	for b.Loop() {
		in, err := Gather(ctx, st, seedbench.Now())
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
