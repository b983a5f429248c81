package main

import (
	"bytes"
	"context"
	"testing"
	"time"
)

// `status` asks for one processor in a process of its own (the second
// one only spins and collects beside the summary's reads in order); the
// commands tests run side by side in one process never change it.
func TestStatusAsksForOneProcessor(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	asked := 0
	var out, errOut bytes.Buffer
	e := &env{stdout: &out, stderr: &errOut, now: func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) },
		oneProcessor: func() { asked++ }}
	if code := e.run(context.Background(), []string{"--db", db, "status", "--json"}); code != 0 || asked != 1 {
		t.Errorf("status: exit %d (%s), asked for one processor %d times, want once", code, errOut.String(), asked)
	}
	asked = 0
	if code := e.run(context.Background(), []string{"--db", db, "milestone", "list"}); code != 0 || asked != 0 {
		t.Errorf("milestone list: exit %d (%s), asked for one processor %d times, want never", code, errOut.String(), asked)
	}
}
