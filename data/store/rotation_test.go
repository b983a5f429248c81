package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

func TestSetup(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	t.Run("stores track, rotation, blocks and settings", func(t *testing.T) {
		s, _ := openTemp(t)
		in := splitRotation(t)
		in.CatalogID = "mcm-exchange-2010-r1"
		in.Blocks[0], in.Blocks[1] = in.Blocks[1], in.Blocks[0] // out of order on purpose
		r, err := s.Setup(ctx, in, testSettings())
		if err != nil {
			t.Fatal(err)
		}
		if r.ID == 0 || r.Blocks[0].ID == 0 || r.Blocks[1].ID == 0 {
			t.Errorf("Setup returned no IDs: %+v", r)
		}
		got, err := s.Rotation(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != r.ID || got.Track != in.Track || got.CatalogID != in.CatalogID {
			t.Errorf("rotation = %+v", got)
		}
		if len(got.Blocks) != 2 || got.Blocks[0].Start.String() != "2026-06-01" || got.Blocks[1].Start.String() != "2026-09-07" {
			t.Fatalf("blocks = %+v, want both in date order", got.Blocks)
		}
		for _, b := range got.Blocks {
			if b.Location != "Redmond, Washington" || b.TimeZone != "America/Los_Angeles" || b.ID == 0 {
				t.Errorf("block = %+v", b)
			}
		}
		if set, err := s.Settings(ctx); err != nil || set != testSettings() {
			t.Errorf("settings = %+v, %v", set, err)
		}
		if need, err := s.NeedsSetup(ctx); err != nil || need {
			t.Errorf("NeedsSetup after setup = %v, %v", need, err)
		}
		var created string
		if err := s.db.QueryRow(`SELECT created_at FROM rotations`).Scan(&created); err != nil || created != "2026-03-08T08:30:00Z" {
			t.Errorf("created_at = %q, %v; want the injected clock", created, err)
		}
	})

	t.Run("text is stored trimmed", func(t *testing.T) {
		s, _ := openTemp(t)
		in := splitRotation(t)
		in.Track = "  " + strings.Repeat("T", data.MaxNameLen) + " " // valid once trimmed
		in.Blocks[0].Location = " London\t"
		in.Blocks[0].TimeZone = " Europe/London "
		if _, err := s.Setup(ctx, in, testSettings()); err != nil {
			t.Fatalf("setup: %v", err)
		}
		got, err := s.Rotation(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got.Track != strings.Repeat("T", data.MaxNameLen) || got.Blocks[0].Location != "London" || got.Blocks[0].TimeZone != "Europe/London" {
			t.Errorf("stored %q, %q, %q", got.Track, got.Blocks[0].Location, got.Blocks[0].TimeZone)
		}
	})

	refusals := []struct {
		name  string
		edit  func(r *data.Rotation, set *data.Settings)
		field string
	}{
		{"empty track", func(r *data.Rotation, set *data.Settings) { r.Track = "" }, "track"},
		{"10,000-character track", func(r *data.Rotation, set *data.Settings) { r.Track = strings.Repeat("T", 10000) }, "track"},
		{"no blocks", func(r *data.Rotation, set *data.Settings) { r.Blocks = nil }, "blocks"},
		{"end before start", func(r *data.Rotation, set *data.Settings) { r.Blocks[1].End = r.Blocks[1].Start.AddDays(-1) }, "end"},
		{"overlapping blocks", func(r *data.Rotation, set *data.Settings) { r.Blocks[1].Start = r.Blocks[0].End }, "start"},
		{"unknown zone in the second block", func(r *data.Rotation, set *data.Settings) { r.Blocks[1].TimeZone = "America/Redmond" }, "time zone"},
		{"10,000-character location", func(r *data.Rotation, set *data.Settings) { r.Blocks[0].Location = strings.Repeat("L", 10000) }, "location"},
		{"bad currency", func(r *data.Rotation, set *data.Settings) { set.HomeCurrency = "usd" }, "home currency"},
		{"no weekly goal", func(r *data.Rotation, set *data.Settings) { set.WeeklyGoalHours = 0 }, "weekly goal"},
	}
	for _, tc := range refusals {
		t.Run("refuses "+tc.name, func(t *testing.T) {
			s, _ := openTemp(t)
			r, set := splitRotation(t), testSettings()
			tc.edit(&r, &set)
			_, err := s.Setup(ctx, r, set)
			if !errors.Is(err, data.ErrInvalid) {
				t.Fatalf("Setup: %v, want ErrInvalid", err)
			}
			if data.FieldMessage(err, tc.field) == "" {
				t.Errorf("no message for %q in %v", tc.field, err)
			}
			nothingStored(t, s)
		})
	}

	t.Run("a failure inside the transaction leaves nothing behind", func(t *testing.T) {
		s, _ := openTemp(t)
		// The settings are written last: make that write fail.
		if _, err := s.db.Exec(`CREATE TRIGGER refuse_settings BEFORE INSERT ON settings
			BEGIN SELECT RAISE(ABORT, 'settings refused by the test'); END`); err != nil {
			t.Fatal(err)
		}
		_, err := s.Setup(ctx, splitRotation(t), testSettings())
		if err == nil || !strings.Contains(err.Error(), "settings refused by the test") {
			t.Fatalf("Setup: %v, want the trigger's error", err)
		}
		nothingStored(t, s)
	})
}

// nothingStored checks that a refused setup left no row anywhere.
func nothingStored(t *testing.T, s *Store) {
	t.Helper()
	for _, table := range []string{"rotations", "blocks", "settings", "milestones"} {
		if n := count(t, s, table); n != 0 {
			t.Errorf("%d rows left in %s", n, table)
		}
	}
	if need, err := s.NeedsSetup(context.Background()); err != nil || !need {
		t.Errorf("NeedsSetup = %v, %v; want true", need, err)
	}
}

func TestRotationIsTheNewest(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	setUp(t, s)
	second := data.Rotation{Track: "MCM: SQL Server 2008", Blocks: []data.Block{block(t, "2009-01-12", "2009-01-31")}}
	r, err := s.Setup(ctx, second, testSettings())
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Rotation(ctx)
	if err != nil || got.ID != r.ID || got.Track != second.Track || len(got.Blocks) != 1 {
		t.Errorf("Rotation = %+v, %v; want the second one", got, err)
	}
}

func TestSaveBlock(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := []struct {
		name    string
		block   func(t *testing.T, r data.Rotation) data.Block
		rotID   func(r data.Rotation) int64
		want    error // nil, or a sentinel the error must match
		field   string
		blocks  []string // the rotation's block starts afterwards
		startAt string   // a changed block's start, checked afterwards
	}{
		{"adds a block adjacent to both", func(t *testing.T, r data.Rotation) data.Block { return block(t, "2026-06-08", "2026-09-06") },
			nil, nil, "", []string{"2026-06-01", "2026-06-08", "2026-09-07"}, ""},
		{"adds a block in the past", func(t *testing.T, r data.Rotation) data.Block { return block(t, "2009-01-05", "2009-01-24") },
			nil, nil, "", []string{"2009-01-05", "2026-06-01", "2026-09-07"}, ""},
		{"refuses a block sharing the first block's last day", func(t *testing.T, r data.Rotation) data.Block { return block(t, "2026-06-07", "2026-06-10") },
			nil, data.ErrConflict, "start", []string{"2026-06-01", "2026-09-07"}, ""},
		{"refuses a block covering both", func(t *testing.T, r data.Rotation) data.Block { return block(t, "2026-05-01", "2026-07-31") },
			nil, data.ErrConflict, "start", []string{"2026-06-01", "2026-09-07"}, ""},
		{"moves a block within its own days", func(t *testing.T, r data.Rotation) data.Block {
			b := r.Blocks[0]
			b.Start, b.End = b.Start.AddDays(2), b.End.AddDays(2)
			return b
		}, nil, nil, "", []string{"2026-06-03", "2026-09-07"}, "2026-06-03"},
		{"refuses to move a block onto the other", func(t *testing.T, r data.Rotation) data.Block {
			b := r.Blocks[0]
			b.Start, b.End = date(t, "2026-09-01"), date(t, "2026-09-07")
			return b
		}, nil, data.ErrConflict, "start", []string{"2026-06-01", "2026-09-07"}, ""},
		{"refuses an invalid block", func(t *testing.T, r data.Rotation) data.Block {
			b := block(t, "2026-10-01", "2026-10-07")
			b.TimeZone = "Nowhere/Special"
			return b
		}, nil, data.ErrInvalid, "time zone", []string{"2026-06-01", "2026-09-07"}, ""},
		{"refuses end before start", func(t *testing.T, r data.Rotation) data.Block { return block(t, "2026-10-07", "2026-10-01") },
			nil, data.ErrInvalid, "end", []string{"2026-06-01", "2026-09-07"}, ""},
		{"an unknown block", func(t *testing.T, r data.Rotation) data.Block {
			b := block(t, "2026-10-01", "2026-10-07")
			b.ID = 9999
			return b
		}, nil, data.ErrNotFound, "", []string{"2026-06-01", "2026-09-07"}, ""},
		{"an unknown rotation", func(t *testing.T, r data.Rotation) data.Block { return block(t, "2026-10-01", "2026-10-07") },
			func(r data.Rotation) int64 { return r.ID + 1 }, data.ErrNotFound, "", []string{"2026-06-01", "2026-09-07"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTemp(t)
			r := setUp(t, s)
			rotID := r.ID
			if tc.rotID != nil {
				rotID = tc.rotID(r)
			}
			saved, err := s.SaveBlock(ctx, rotID, tc.block(t, r))
			switch {
			case tc.want == nil && err != nil:
				t.Fatalf("SaveBlock: %v", err)
			case tc.want == nil && saved.ID == 0:
				t.Error("SaveBlock returned no ID")
			case tc.want != nil && !errors.Is(err, tc.want):
				t.Fatalf("SaveBlock: %v, want %v", err, tc.want)
			}
			if tc.field != "" && data.FieldMessage(err, tc.field) == "" {
				t.Errorf("no message for %q in %v", tc.field, err)
			}
			got, err := s.Rotation(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var starts []string
			for _, b := range got.Blocks {
				starts = append(starts, b.Start.String())
			}
			if strings.Join(starts, " ") != strings.Join(tc.blocks, " ") {
				t.Errorf("blocks start %v, want %v", starts, tc.blocks)
			}
			if tc.startAt != "" && got.Blocks[0].ID != r.Blocks[0].ID {
				t.Errorf("the changed block got a new ID")
			}
		})
	}
}

func TestDeleteBlock(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	r := setUp(t, s)
	if err := s.DeleteBlock(ctx, r.ID, 9999); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("delete an unknown block: %v, want ErrNotFound", err)
	}
	if err := s.DeleteBlock(ctx, r.ID, r.Blocks[0].ID); err != nil {
		t.Fatalf("delete the first of two blocks: %v", err)
	}
	err := s.DeleteBlock(ctx, r.ID, r.Blocks[1].ID)
	if !errors.Is(err, data.ErrInvalid) || data.FieldMessage(err, "blocks") == "" {
		t.Fatalf("delete the last block: %v, want ErrInvalid on blocks", err)
	}
	got, err := s.Rotation(ctx)
	if err != nil || len(got.Blocks) != 1 || got.Blocks[0].ID != r.Blocks[1].ID {
		t.Errorf("blocks left = %+v, %v; want the second block", got.Blocks, err)
	}
}

func TestSetTrack(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := []struct {
		name, track string
		rotation    int64 // 0: the stored one
		want        error
		stored      string
	}{
		{"renamed", "MCM: Lync Server 2010", 0, nil, "MCM: Lync Server 2010"},
		{"trimmed", "  Custom track ", 0, nil, "Custom track"},
		{"empty", "  ", 0, data.ErrInvalid, "MCM: Exchange Server 2010"},
		{"10,000 characters", strings.Repeat("x", 10000), 0, data.ErrInvalid, "MCM: Exchange Server 2010"},
		{"unknown rotation", "MCM", 9999, data.ErrNotFound, "MCM: Exchange Server 2010"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTemp(t)
			r := setUp(t, s)
			id := r.ID
			if tc.rotation != 0 {
				id = tc.rotation
			}
			err := s.SetTrack(ctx, id, tc.track)
			if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("SetTrack: %v, want %v", err, tc.want)
			}
			got, err := s.Rotation(ctx)
			if err != nil || got.Track != tc.stored {
				t.Errorf("track = %q, %v; want %q", got.Track, err, tc.stored)
			}
		})
	}
}
