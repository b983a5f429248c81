package store

import (
	"context"
	"testing"
)

// A file written before dates were limited to the years 1900-2200 may
// hold 9999-12-31: it still opens and lists, so that the user can see the
// date and correct it.
func TestDatesStoredBeforeTheYearLimitStillRead(t *testing.T) {
	s, path := openTemp(t)
	r := setUp(t, s)
	s.Close()
	rawExec(t, path, `INSERT INTO milestones (rotation_id, title, due_date) VALUES (1, 'Far away', '9999-12-31')`)
	s = openAt(t, path)
	ms, err := s.Milestones(context.Background(), r.ID)
	if err != nil || len(ms) != 1 || ms[0].Due.String() != "9999-12-31" {
		t.Fatalf("milestones = %+v, %v", ms, err)
	}
}
