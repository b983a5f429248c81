package data

import "testing"

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 days"}, {1, "1 day"}, {2, "2 days"}, {14, "14 days"}} {
		if got := Count(tc.n, "day", "days"); got != tc.want {
			t.Errorf("Count(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
	if got := Count(1, "more attempt", "more attempts"); got != "1 more attempt" {
		t.Errorf("Count(1) = %q", got)
	}
}
