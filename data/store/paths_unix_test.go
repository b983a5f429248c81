//go:build !windows

package store

import "testing"

func TestDefaultPath(t *testing.T) {
	t.Run("XDG_DATA_HOME", func(t *testing.T) {
		t.Setenv("XDG_DATA_HOME", "/srv/data")
		got, err := DefaultPath()
		if err != nil || got != "/srv/data/masterplan/masterplan.db" {
			t.Errorf("DefaultPath = %q, %v", got, err)
		}
	})
	t.Run("home", func(t *testing.T) {
		t.Setenv("XDG_DATA_HOME", "")
		t.Setenv("HOME", "/home/candidate")
		got, err := DefaultPath()
		if err != nil || got != "/home/candidate/.local/share/masterplan/masterplan.db" {
			t.Errorf("DefaultPath = %q, %v", got, err)
		}
	})
}
