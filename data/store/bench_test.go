package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// tenYears builds a database at path holding ten years of data: a rotation
// per year with the split format, and a milestone for every day.
func tenYears(b *testing.B, path string) {
	b.Helper()
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	day := date(b, "2017-01-01")
	for year := range 10 {
		first := date(b, fmt.Sprintf("%d-06-01", 2017+year))
		r, err := s.Setup(ctx, data.Rotation{Track: "MCM: Exchange Server 2010", Blocks: []data.Block{
			{Start: first, End: first.AddDays(6), Location: "Redmond, Washington", TimeZone: "America/Los_Angeles"},
			{Start: first.AddDays(98), End: first.AddDays(111), Location: "Redmond, Washington", TimeZone: "America/Los_Angeles"},
		}}, data.DefaultSettings())
		if err != nil {
			b.Fatal(err)
		}
		ms := make([]data.Milestone, 0, 365)
		for i := range 365 {
			ms = append(ms, data.Milestone{RotationID: r.ID, Title: fmt.Sprintf("Step %d of year %d", i, year), Due: day, Done: i%3 == 0})
			day = day.AddDays(1)
		}
		if _, err := s.AddMilestones(ctx, ms); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen opens an existing ten-year file: pragmas, quick check,
// version check and the (empty) migration run, as every app start does.
func BenchmarkOpen(b *testing.B) {
	path := filepath.Join(b.TempDir(), "masterplan.db")
	tenYears(b, path)
	ctx := context.Background()
	for b.Loop() {
		s, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRotationRead reads the current rotation with its blocks, which
// the dashboard does on every refresh.
func BenchmarkRotationRead(b *testing.B) {
	path := filepath.Join(b.TempDir(), "masterplan.db")
	tenYears(b, path)
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		r, err := s.Rotation(ctx)
		if err != nil || len(r.Blocks) != 2 {
			b.Fatalf("rotation = %+v, %v", r, err)
		}
	}
}

// BenchmarkMilestonesRead lists a year's milestones of the current rotation.
func BenchmarkMilestonesRead(b *testing.B) {
	path := filepath.Join(b.TempDir(), "masterplan.db")
	tenYears(b, path)
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	r, err := s.Rotation(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		ms, err := s.Milestones(ctx, r.ID)
		if err != nil || len(ms) != 365 {
			b.Fatalf("%d milestones, %v", len(ms), err)
		}
	}
}
