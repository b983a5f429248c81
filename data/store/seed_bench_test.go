package store_test

import (
	"context"
	"testing"

	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/store/seed"
)

// BenchmarkOpenTenYears opens the ten-year database of package seed as
// every start of the app and of the CLI does: pragmas, the quick check,
// the schema version and the (empty) migration run.
func BenchmarkOpenTenYears(b *testing.B) {
	ctx := context.Background()
	path, err := seed.CopyTo(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	cpu := seed.StartCPU()
	for b.Loop() {
		st, err := store.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
	}
	cpu.Report(b)
}
