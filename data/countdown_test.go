package data_test

import (
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// oneBlock is a rotation with a single block in Redmond.
func oneBlock(t *testing.T, start, end string) data.Rotation {
	t.Helper()
	return data.Rotation{Track: "MCM: SQL Server 2008", Blocks: []data.Block{fBlock(t, start, end)}}
}

// splitRotation is the 1-week + 2-week format, given out of order on purpose.
func splitRotation(t *testing.T) data.Rotation {
	t.Helper()
	return data.Rotation{Track: "MCM: Exchange Server 2010", Blocks: []data.Block{
		fBlock(t, "2026-09-07", "2026-09-20"),
		fBlock(t, "2026-06-01", "2026-06-07"),
	}}
}

func TestCountdownZones(t *testing.T) {
	tests := []struct {
		name      string
		r         func(t *testing.T) data.Rotation
		now, zone string
		today     string
		daysLeft  int
		headline  string
	}{
		// 2026-03-08 is the US spring-forward day (02:00 in Los Angeles, 10:00 UTC).
		{"Los Angeles just after midnight on DST day", func(t *testing.T) data.Rotation { return oneBlock(t, "2026-03-16", "2026-04-04") },
			"2026-03-08T08:30:00Z", "America/Los_Angeles", "2026-03-08", 8, "8 days to the rotation"},
		{"London at the same instant", func(t *testing.T) data.Rotation { return oneBlock(t, "2026-03-16", "2026-04-04") },
			"2026-03-08T08:30:00Z", "Europe/London", "2026-03-08", 8, "8 days to the rotation"},
		{"Los Angeles an hour earlier is still the 7th", func(t *testing.T) data.Rotation { return oneBlock(t, "2026-03-16", "2026-04-04") },
			"2026-03-08T07:30:00Z", "America/Los_Angeles", "2026-03-07", 9, "9 days to the rotation"},
		{"London an hour earlier is already the 8th", func(t *testing.T) data.Rotation { return oneBlock(t, "2026-03-16", "2026-04-04") },
			"2026-03-08T07:30:00Z", "Europe/London", "2026-03-08", 8, "8 days to the rotation"},
		{"Los Angeles after the clocks jumped", func(t *testing.T) data.Rotation { return oneBlock(t, "2026-03-16", "2026-04-04") },
			"2026-03-08T23:30:00Z", "America/Los_Angeles", "2026-03-08", 8, "8 days to the rotation"},
		{"over the US spring-forward night: 47 hours are 2 days", func(t *testing.T) data.Rotation { return oneBlock(t, "2026-03-09", "2026-03-28") },
			"2026-03-07T08:00:00Z", "America/Los_Angeles", "2026-03-07", 2, "2 days to the rotation"},
		{"over the US fall-back night: 25 hours are 1 day", func(t *testing.T) data.Rotation { return oneBlock(t, "2026-11-02", "2026-11-21") },
			"2026-11-01T07:00:00Z", "America/Los_Angeles", "2026-11-01", 1, "1 day to the rotation"},
		// 2026-03-29 01:00 UTC is the EU spring-forward.
		{"London late evening before spring-forward", func(t *testing.T) data.Rotation { return oneBlock(t, "2026-03-30", "2026-04-18") },
			"2026-03-28T23:30:00Z", "Europe/London", "2026-03-28", 2, "2 days to the rotation"},
		{"London in summer time is a day ahead of UTC at 23:30", func(t *testing.T) data.Rotation { return oneBlock(t, "2026-03-30", "2026-04-18") },
			"2026-03-29T23:30:00Z", "Europe/London", "2026-03-30", 0, "The rotation starts today"},
		{"over a leap day", func(t *testing.T) data.Rotation { return oneBlock(t, "2028-03-01", "2028-03-20") },
			"2028-02-28T12:00:00Z", "America/Los_Angeles", "2028-02-28", 2, "2 days to the rotation"},
		{"no leap day in 2027", func(t *testing.T) data.Rotation { return oneBlock(t, "2027-03-01", "2027-03-20") },
			"2027-02-28T12:00:00Z", "America/Los_Angeles", "2027-02-28", 1, "1 day to the rotation"},
		{"block starting on the leap day, that day", func(t *testing.T) data.Rotation { return oneBlock(t, "2028-02-29", "2028-03-19") },
			"2028-02-29T20:00:00Z", "America/Los_Angeles", "2028-02-29", 0, "The rotation starts today"},
		{"the leap day seen from Auckland is already March", func(t *testing.T) data.Rotation { return oneBlock(t, "2028-02-29", "2028-03-19") },
			"2028-02-29T20:00:00Z", "Pacific/Auckland", "2028-03-01", -1, "Rotation in progress: day 2 of 20"},
		// The count is between the user's calendar day and the block's date as
		// printed: a user in Auckland is a day ahead of Redmond.
		{"Auckland user, Redmond block", func(t *testing.T) data.Rotation { return oneBlock(t, "2026-03-16", "2026-04-04") },
			"2026-03-15T10:00:00Z", "Pacific/Auckland", "2026-03-15", 1, "1 day to the rotation"},
		{"Auckland user the next morning, still Sunday in Redmond", func(t *testing.T) data.Rotation { return oneBlock(t, "2026-03-16", "2026-04-04") },
			"2026-03-15T20:00:00Z", "Pacific/Auckland", "2026-03-16", 0, "The rotation starts today"},
		{"Los Angeles user at that instant", func(t *testing.T) data.Rotation { return oneBlock(t, "2026-03-16", "2026-04-04") },
			"2026-03-15T20:00:00Z", "America/Los_Angeles", "2026-03-15", 1, "1 day to the rotation"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := data.NewCountdown(tc.r(t), fInstant(t, tc.now), fZone(t, tc.zone))
			if c.Today.String() != tc.today {
				t.Errorf("Today = %s, want %s", c.Today, tc.today)
			}
			days, ok := c.DaysLeft()
			if !ok || days != tc.daysLeft {
				t.Errorf("DaysLeft = %d, %v; want %d", days, ok, tc.daysLeft)
			}
			if got := c.Headline(); got != tc.headline {
				t.Errorf("Headline = %q, want %q", got, tc.headline)
			}
		})
	}
}

func TestCountdownPhases(t *testing.T) {
	la := "America/Los_Angeles"
	published := func(t *testing.T) data.Rotation { return oneBlock(t, "2009-01-05", "2009-01-24") }
	type blockWant struct {
		phase    data.Phase
		daysLeft int
		day      int
	}
	tests := []struct {
		name     string
		r        func(t *testing.T) data.Rotation
		now      string
		blocks   []blockWant
		over     bool
		next     int // index of Next's block, -1 for none
		headline string
	}{
		{"published rotation long past", published, "2026-03-08T20:00:00Z",
			[]blockWant{{data.Finished, -6271, 0}}, true, -1, "The rotation is over"},
		{"the day after the last day", published, "2009-01-25T20:00:00Z",
			[]blockWant{{data.Finished, -20, 0}}, true, -1, "The rotation is over"},
		{"the last day", published, "2009-01-24T20:00:00Z",
			[]blockWant{{data.InProgress, -19, 20}}, false, 0, "Rotation in progress: day 20 of 20"},
		{"day 3", published, "2009-01-07T20:00:00Z",
			[]blockWant{{data.InProgress, -2, 3}}, false, 0, "Rotation in progress: day 3 of 20"},
		{"first day", published, "2009-01-05T20:00:00Z",
			[]blockWant{{data.InProgress, 0, 1}}, false, 0, "The rotation starts today"},
		{"the day before", published, "2009-01-04T20:00:00Z",
			[]blockWant{{data.Upcoming, 1, 0}}, false, 0, "1 day to the rotation"},
		{"split, before both blocks", splitRotation, "2026-03-08T20:00:00Z",
			[]blockWant{{data.Upcoming, 85, 0}, {data.Upcoming, 183, 0}}, false, 0, "85 days to the rotation"},
		{"split, in the 1-week block", splitRotation, "2026-06-07T20:00:00Z",
			[]blockWant{{data.InProgress, -6, 7}, {data.Upcoming, 92, 0}}, false, 0, "Rotation in progress: day 7 of 7"},
		{"split, between the blocks", splitRotation, "2026-06-08T20:00:00Z",
			[]blockWant{{data.Finished, -7, 0}, {data.Upcoming, 91, 0}}, false, 1, "91 days to the rotation"},
		{"split, second block starts", splitRotation, "2026-09-07T20:00:00Z",
			[]blockWant{{data.Finished, -98, 0}, {data.InProgress, 0, 1}}, false, 1, "The rotation starts today"},
		{"split, in the 2-week block", splitRotation, "2026-09-16T20:00:00Z",
			[]blockWant{{data.Finished, -107, 0}, {data.InProgress, -9, 10}}, false, 1, "Rotation in progress: day 10 of 14"},
		{"split, all over", splitRotation, "2026-09-21T20:00:00Z",
			[]blockWant{{data.Finished, -112, 0}, {data.Finished, -14, 0}}, true, -1, "The rotation is over"},
		{"no blocks", func(t *testing.T) data.Rotation { return data.Rotation{Track: "MCM"} }, "2026-03-08T20:00:00Z",
			nil, false, -1, "No rotation dates yet"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := data.NewCountdown(tc.r(t), fInstant(t, tc.now), fZone(t, la))
			if len(c.Blocks) != len(tc.blocks) {
				t.Fatalf("%d blocks, want %d", len(c.Blocks), len(tc.blocks))
			}
			for i, w := range tc.blocks {
				b := c.Blocks[i]
				if b.Phase != w.phase || b.DaysLeft != w.daysLeft || b.Day != w.day {
					t.Errorf("block %d (%s) = %s, %d days left, day %d; want %s, %d, day %d",
						i+1, b.Block.Start, b.Phase, b.DaysLeft, b.Day, w.phase, w.daysLeft, w.day)
				}
				if i > 0 && !c.Blocks[i-1].Block.Start.Before(b.Block.Start) {
					t.Errorf("blocks not in date order: %s then %s", c.Blocks[i-1].Block.Start, b.Block.Start)
				}
			}
			if got := c.Over(); got != tc.over {
				t.Errorf("Over = %v, want %v", got, tc.over)
			}
			next, ok := c.Next()
			switch {
			case tc.next < 0 && ok:
				t.Errorf("Next = %s, want none", next.Block.Start)
			case tc.next >= 0 && (!ok || next.Block != c.Blocks[tc.next].Block):
				t.Errorf("Next = %s, %v; want block %d", next.Block.Start, ok, tc.next+1)
			}
			days, ok := c.DaysLeft()
			if len(tc.blocks) == 0 {
				if ok {
					t.Errorf("DaysLeft without blocks = %d, true", days)
				}
			} else if !ok || days != tc.blocks[0].daysLeft {
				t.Errorf("DaysLeft = %d, %v; want the first block's %d", days, ok, tc.blocks[0].daysLeft)
			}
			if got := c.Headline(); got != tc.headline {
				t.Errorf("Headline = %q, want %q", got, tc.headline)
			}
		})
	}
}

func TestPhaseString(t *testing.T) {
	for p, want := range map[data.Phase]string{data.Upcoming: "upcoming", data.InProgress: "in progress", data.Finished: "finished"} {
		if got := p.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", p, got, want)
		}
	}
}

func TestUpcomingMilestones(t *testing.T) {
	ms := func(t *testing.T) []data.Milestone {
		return []data.Milestone{
			{ID: 1, Title: "Hotel booked", Due: fDate(t, "2026-02-04")},
			{ID: 2, Title: "Application submitted", Due: fDate(t, "2025-11-16"), Done: true},
			{ID: 3, Title: "Flights booked", Due: fDate(t, "2026-01-30")},
			{ID: 4, Title: "Fee paid", Due: fDate(t, "2026-01-15")},
			{ID: 5, Title: "Leave approved", Due: fDate(t, "2026-01-15")},
			{ID: 6, Title: "Overdue reading", Due: fDate(t, "2025-12-01")},
			{ID: 7, Title: "Accepted", Due: fDate(t, "2025-12-16"), Done: true},
		}
	}
	tests := []struct {
		name string
		in   func(t *testing.T) []data.Milestone
		n    int
		want []int64
	}{
		{"next three, overdue first, done left out", ms, 3, []int64{6, 4, 5}},
		{"ties keep their order", ms, 4, []int64{6, 4, 5, 3}},
		{"more asked than open", ms, 10, []int64{6, 4, 5, 3, 1}},
		{"none asked", ms, 0, nil},
		{"a negative count asks for none", ms, -1, nil},
		{"empty list", func(t *testing.T) []data.Milestone { return nil }, 3, nil},
		{"all done", func(t *testing.T) []data.Milestone {
			return []data.Milestone{{ID: 1, Title: "a", Due: fDate(t, "2026-01-01"), Done: true}}
		}, 3, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in(t)
			before := append([]data.Milestone(nil), in...)
			got := data.UpcomingMilestones(in, tc.n)
			var ids []int64
			for _, m := range got {
				ids = append(ids, m.ID)
			}
			if len(ids) != len(tc.want) {
				t.Fatalf("UpcomingMilestones = %v, want %v", ids, tc.want)
			}
			for i := range ids {
				if ids[i] != tc.want[i] {
					t.Fatalf("UpcomingMilestones = %v, want %v", ids, tc.want)
				}
			}
			for i := range in {
				if in[i] != before[i] {
					t.Fatal("UpcomingMilestones reordered its input")
				}
			}
		})
	}
}
