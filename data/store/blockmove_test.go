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
