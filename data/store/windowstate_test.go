package store

import (
	"context"
	"maps"
	"testing"
)

func TestWindowStateIsKeptPerDatabase(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, _ := openTemp(t)
	b, _ := openTemp(t)
	if got, err := a.WindowState(ctx); err != nil || len(got) != 0 {
		t.Fatalf("new database's window state = %v, %v; want empty", got, err)
	}
	for _, kv := range [][2]string{{"last_screen", "3"}, {"last_screen", "5"}, {"window_width", "1200"}} {
		if err := a.SetWindowState(ctx, kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.SetWindowState(ctx, "last_screen", "2"); err != nil {
		t.Fatal(err)
	}
	if got, want := mustWindowState(t, a), map[string]string{"last_screen": "5", "window_width": "1200"}; !maps.Equal(got, want) {
		t.Errorf("a's state = %v, want %v", got, want)
	}
	if got, want := mustWindowState(t, b), map[string]string{"last_screen": "2"}; !maps.Equal(got, want) {
		t.Errorf("b's state = %v, want %v", got, want)
	}
}

func mustWindowState(t *testing.T, s *Store) map[string]string {
	t.Helper()
	got, err := s.WindowState(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return got
}
