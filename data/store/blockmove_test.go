package store

import (
	"context"
	"errors"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// A block move writes the block and its records in one transaction, its
// reverse puts all back, and a record that no longer has its old dates
// makes the whole move write nothing.
func TestMoveBlock(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	r := setUp(t, s)
	first := r.Blocks[0]
	m := addMilestone(t, s, r, "Written exam 1", "2026-06-03")
	moved := first
	moved.Start, moved.End = first.Start.AddDays(7), first.End.AddDays(7)
	bm := data.BlockMove{Old: first, New: moved, Offset: 7, Records: []data.RecordMove{
		{Kind: data.HangsMilestone, ID: m.ID, What: "m", OldDate: m.Due, NewDate: m.Due.AddDays(7)}}}
	state := func() (string, string) {
		rot, err := s.Rotation(ctx)
		if err != nil {
			t.Fatal(err)
		}
		ms, err := s.Milestones(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		return rot.Blocks[0].Start.String(), ms[0].Due.String()
	}

	t.Run("a failure midway writes nothing", func(t *testing.T) {
		bad := bm
		bad.Records = append(append([]data.RecordMove(nil), bm.Records...),
			data.RecordMove{Kind: data.HangsExam, ID: 999, What: "gone", OldDate: m.Due, NewDate: m.Due.AddDays(7)})
		if err := s.MoveBlock(ctx, r.ID, bad); !errors.Is(err, data.ErrConflict) {
			t.Fatalf("err = %v, want ErrConflict", err)
		}
		if b, d := state(); b != "2026-06-01" || d != "2026-06-03" {
			t.Errorf("after a failed move: block %s, milestone %s; want nothing written", b, d)
		}
	})
	t.Run("move and undo", func(t *testing.T) {
		if err := s.MoveBlock(ctx, r.ID, bm); err != nil {
			t.Fatal(err)
		}
		if b, d := state(); b != "2026-06-08" || d != "2026-06-10" {
			t.Errorf("after the move: block %s, milestone %s", b, d)
		}
		if err := s.MoveBlock(ctx, r.ID, bm.Reversed()); err != nil {
			t.Fatal(err)
		}
		if b, d := state(); b != "2026-06-01" || d != "2026-06-03" {
			t.Errorf("after undo: block %s, milestone %s", b, d)
		}
	})
}

// Undoing a block's delete puts it back with its id, so a later undo of a
// move of that block still finds it; a block added over its dates in the
// meantime makes the restore write nothing.
func TestRestoreBlock(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	r := setUp(t, s)
	gone := r.Blocks[1]
	if err := s.DeleteBlock(ctx, r.ID, gone.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RestoreBlock(ctx, r.ID, gone); err != nil {
		t.Fatal(err)
	}
	rot, err := s.Rotation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(rot.Blocks) != 2 || rot.Blocks[1] != gone {
		t.Fatalf("after restore: %+v, want %+v back", rot.Blocks, gone)
	}
	if err := s.RestoreBlock(ctx, r.ID, gone); !errors.Is(err, data.ErrConflict) {
		t.Errorf("restoring a block that is there: err = %v, want ErrConflict", err)
	}

	if err := s.DeleteBlock(ctx, r.ID, gone.ID); err != nil {
		t.Fatal(err)
	}
	over := gone
	over.ID = 0
	if _, err := s.SaveBlock(ctx, r.ID, over); err != nil {
		t.Fatal(err)
	}
	if err := s.RestoreBlock(ctx, r.ID, gone); !errors.Is(err, data.ErrConflict) {
		t.Errorf("restoring over a new block: err = %v, want ErrConflict", err)
	}
	if rot, _ := s.Rotation(ctx); len(rot.Blocks) != 2 {
		t.Errorf("a refused restore wrote: %+v", rot.Blocks)
	}
}
