package data_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// wantFields checks that err is valid exactly when fields is empty, and that
// every field named has a message.
func wantFields(t *testing.T, err error, fields ...string) {
	t.Helper()
	if len(fields) == 0 {
		if err != nil {
			t.Fatalf("got %v, want no error", err)
		}
		return
	}
	if !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("got %v, want ErrInvalid on %q", err, fields)
	}
	for _, f := range fields {
		if data.FieldMessage(err, f) == "" {
			t.Errorf("no message for field %q in %v", f, err)
		}
	}
	if n := len(data.FieldErrors(err)); n != len(fields) {
		t.Errorf("%d field errors (%v), want %d on %q", n, err, len(fields), fields)
	}
}

func TestBlockValidate(t *testing.T) {
	ok := func(t *testing.T) data.Block { return fBlock(t, "2026-03-16", "2026-04-04") }
	tests := []struct {
		name   string
		edit   func(b *data.Block)
		fields []string
		msg    string // part of the first field's message
	}{
		{"valid three weeks", func(b *data.Block) {}, nil, ""},
		{"one day", func(b *data.Block) { b.End = b.Start }, nil, ""},
		{"end before start", func(b *data.Block) { b.End = b.Start.AddDays(-1) }, []string{"end"}, "2026-03-15 is before the start 2026-03-16"},
		{"longest allowed", func(b *data.Block) { b.End = b.Start.AddDays(data.MaxBlockDays - 1) }, nil, ""},
		{"too long", func(b *data.Block) { b.End = b.Start.AddDays(data.MaxBlockDays) }, []string{"end"}, "93 days long"},
		{"a year typed wrong", func(b *data.Block) { b.End = b.End.AddDays(365) }, []string{"end"}, "at most 92 days"},
		{"no start", func(b *data.Block) { b.Start = data.Date{} }, []string{"start"}, "required"},
		{"no end", func(b *data.Block) { b.End = data.Date{} }, []string{"end"}, "required"},
		{"empty location", func(b *data.Block) { b.Location = "" }, []string{"location"}, "required"},
		{"blank location", func(b *data.Block) { b.Location = "   " }, []string{"location"}, "required"},
		{"10,000-character location", func(b *data.Block) { b.Location = strings.Repeat("R", 10000) }, []string{"location"}, "10000 characters"},
		{"unknown time zone", func(b *data.Block) { b.TimeZone = "Mars/Olympus_Mons" }, []string{"time zone"}, "not a known time zone"},
		{"empty time zone", func(b *data.Block) { b.TimeZone = "" }, []string{"time zone"}, "required"},
		{"Local is not a zone", func(b *data.Block) { b.TimeZone = "Local" }, []string{"time zone"}, "not a known time zone"},
		{"path in a zone name", func(b *data.Block) { b.TimeZone = "../../etc/passwd" }, []string{"time zone"}, "not a known"},
		{"UTC is a zone", func(b *data.Block) { b.TimeZone = "UTC" }, nil, ""},
		{"spaces around a zone", func(b *data.Block) { b.TimeZone = " Europe/London " }, nil, ""},
		{"everything wrong", func(b *data.Block) { *b = data.Block{TimeZone: "nowhere"} }, []string{"start", "end", "location", "time zone"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := ok(t)
			tc.edit(&b)
			err := b.Validate()
			wantFields(t, err, tc.fields...)
			if tc.msg != "" {
				if msg := data.FieldMessage(err, tc.fields[0]); !strings.Contains(msg, tc.msg) {
					t.Errorf("message %q does not contain %q", msg, tc.msg)
				}
			}
		})
	}
}

func TestBlockDays(t *testing.T) {
	tests := []struct {
		name, start, end string
		want             int
	}{
		{"one day", "2026-03-16", "2026-03-16", 1},
		{"published Exchange 2007 rotation 3", "2009-03-15", "2009-04-04", 21},
		{"published SQL 2008 rotation 1", "2008-10-13", "2008-11-01", 20},
		{"over a leap day", "2028-02-27", "2028-03-02", 5},
		{"over DST", "2026-03-07", "2026-03-09", 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := fBlock(t, tc.start, tc.end).Days(); got != tc.want {
				t.Errorf("Days = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestRotationValidate(t *testing.T) {
	tests := []struct {
		name   string
		r      func(t *testing.T) data.Rotation
		fields []string
	}{
		{"one block", func(t *testing.T) data.Rotation {
			return data.Rotation{Track: "MCM: SQL Server 2008", Blocks: []data.Block{fBlock(t, "2009-01-12", "2009-01-31")}}
		}, nil},
		{"split 1-week + 2-week", func(t *testing.T) data.Rotation {
			return data.Rotation{Track: "MCM: Exchange Server 2010", Blocks: []data.Block{
				fBlock(t, "2026-06-01", "2026-06-07"), fBlock(t, "2026-09-07", "2026-09-20")}}
		}, nil},
		{"adjacent blocks", func(t *testing.T) data.Rotation {
			return data.Rotation{Track: "MCM", Blocks: []data.Block{
				fBlock(t, "2026-06-08", "2026-06-21"), fBlock(t, "2026-06-01", "2026-06-07")}}
		}, nil},
		{"blocks sharing a day", func(t *testing.T) data.Rotation {
			return data.Rotation{Track: "MCM", Blocks: []data.Block{
				fBlock(t, "2026-06-01", "2026-06-07"), fBlock(t, "2026-06-07", "2026-06-20")}}
		}, []string{"start"}},
		{"one block inside another", func(t *testing.T) data.Rotation {
			return data.Rotation{Track: "MCM", Blocks: []data.Block{
				fBlock(t, "2026-06-01", "2026-06-21"), fBlock(t, "2026-06-05", "2026-06-06")}}
		}, []string{"start"}},
		{"the same block twice", func(t *testing.T) data.Rotation {
			return data.Rotation{Track: "MCM", Blocks: []data.Block{
				fBlock(t, "2026-06-01", "2026-06-07"), fBlock(t, "2026-06-01", "2026-06-07")}}
		}, []string{"start"}},
		{"overlap hidden behind a later block in input order", func(t *testing.T) data.Rotation {
			return data.Rotation{Track: "MCM", Blocks: []data.Block{
				fBlock(t, "2026-09-01", "2026-09-14"), fBlock(t, "2026-06-01", "2026-06-07"), fBlock(t, "2026-09-14", "2026-09-20")}}
		}, []string{"start"}},
		{"no blocks", func(t *testing.T) data.Rotation { return data.Rotation{Track: "MCM"} }, []string{"blocks"}},
		{"empty track", func(t *testing.T) data.Rotation {
			return data.Rotation{Blocks: []data.Block{fBlock(t, "2026-06-01", "2026-06-07")}}
		}, []string{"track"}},
		{"10,000-character track", func(t *testing.T) data.Rotation {
			return data.Rotation{Track: strings.Repeat("T", 10000), Blocks: []data.Block{fBlock(t, "2026-06-01", "2026-06-07")}}
		}, []string{"track"}},
		{"a bad second block", func(t *testing.T) data.Rotation {
			b := fBlock(t, "2026-09-07", "2026-09-20")
			b.TimeZone = "America/Redmond"
			return data.Rotation{Track: "MCM", Blocks: []data.Block{fBlock(t, "2026-06-01", "2026-06-07"), b}}
		}, []string{"time zone"}},
		{"end before start and overlap", func(t *testing.T) data.Rotation {
			return data.Rotation{Track: "MCM", Blocks: []data.Block{
				fBlock(t, "2026-06-01", "2026-06-10"), fBlock(t, "2026-06-09", "2026-06-02")}}
		}, []string{"end", "start"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantFields(t, tc.r(t).Validate(), tc.fields...)
		})
	}

	t.Run("the block is named", func(t *testing.T) {
		b := fBlock(t, "2026-09-07", "2026-09-20")
		b.Location = ""
		err := data.Rotation{Track: "MCM", Blocks: []data.Block{fBlock(t, "2026-06-01", "2026-06-07"), b}}.Validate()
		if !strings.Contains(err.Error(), "block 2: location") {
			t.Errorf("error %q does not say which block", err)
		}
	})
	t.Run("the overlap names both blocks", func(t *testing.T) {
		err := data.CheckOverlap([]data.Block{fBlock(t, "2026-06-07", "2026-06-20"), fBlock(t, "2026-06-01", "2026-06-07")})
		msg := data.FieldMessage(err, "start")
		for _, want := range []string{"2026-06-07 to 2026-06-20", "2026-06-01 to 2026-06-07", "must not share a day"} {
			if !strings.Contains(msg, want) {
				t.Errorf("message %q does not contain %q", msg, want)
			}
		}
	})
}

func TestRotationBlocks(t *testing.T) {
	second := fBlock(t, "2026-09-07", "2026-09-20")
	first := fBlock(t, "2026-06-01", "2026-06-07")
	r := data.Rotation{Track: "MCM", Blocks: []data.Block{second, first}}

	t.Run("sorted without touching the input", func(t *testing.T) {
		sorted := data.SortedBlocks(r.Blocks)
		if sorted[0] != first || sorted[1] != second {
			t.Errorf("SortedBlocks = %v", sorted)
		}
		if r.Blocks[0] != second {
			t.Error("SortedBlocks reordered its input")
		}
	})
	t.Run("first block", func(t *testing.T) {
		got, ok := r.FirstBlock()
		if !ok || got != first {
			t.Errorf("FirstBlock = %v, %v; want %v", got, ok, first)
		}
		if _, ok := (data.Rotation{}).FirstBlock(); ok {
			t.Error("FirstBlock of a rotation without blocks reported one")
		}
	})
	t.Run("total days", func(t *testing.T) {
		if got := r.TotalDays(); got != 21 {
			t.Errorf("TotalDays = %d, want 7 + 14 = 21", got)
		}
		if got := (data.Rotation{}).TotalDays(); got != 0 {
			t.Errorf("TotalDays without blocks = %d", got)
		}
	})
}

func TestLoadZone(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"IANA name", "America/Los_Angeles", "America/Los_Angeles", true},
		{"trimmed", "  Pacific/Auckland\n", "Pacific/Auckland", true},
		{"UTC", "UTC", "UTC", true},
		{"empty", "", "", false},
		{"Local", "local", "", false},
		{"unknown", "Europe/Atlantis", "", false},
		{"abbreviation only", "PST", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			loc, err := data.LoadZone(tc.in)
			if !tc.ok {
				if data.FieldMessage(err, "time zone") == "" {
					t.Fatalf("LoadZone(%q) = %v, %v; want a time zone field error", tc.in, loc, err)
				}
				if !strings.Contains(err.Error(), "America/Los_Angeles") {
					t.Errorf("message %q gives no example of a valid name", err)
				}
				return
			}
			if err != nil || loc.String() != tc.want {
				t.Errorf("LoadZone(%q) = %v, %v; want %s", tc.in, loc, err, tc.want)
			}
		})
	}
}

func TestMilestoneValidate(t *testing.T) {
	tests := []struct {
		name   string
		m      func(t *testing.T) data.Milestone
		fields []string
	}{
		{"valid", func(t *testing.T) data.Milestone {
			return data.Milestone{Title: "Flights booked", Due: fDate(t, "2026-02-01")}
		}, nil},
		{"empty title", func(t *testing.T) data.Milestone { return data.Milestone{Due: fDate(t, "2026-02-01")} }, []string{"title"}},
		{"10,000-character title", func(t *testing.T) data.Milestone {
			return data.Milestone{Title: strings.Repeat("t", 10000), Due: fDate(t, "2026-02-01")}
		}, []string{"title"}},
		{"no due date", func(t *testing.T) data.Milestone { return data.Milestone{Title: "Hotel booked"} }, []string{"due"}},
		{"nothing", func(t *testing.T) data.Milestone { return data.Milestone{} }, []string{"title", "due"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantFields(t, tc.m(t).Validate(), tc.fields...)
		})
	}
}

func TestPastRotationNote(t *testing.T) {
	d := func(s string) data.Date { v, _ := data.ParseDate("day", s); return v }
	today := d("2026-12-05")
	if got := data.PastRotationNote(d("2009-01-12"), d("2009-01-31"), today); !strings.Contains(got, "2009-01-12 to 2009-01-31, 17 years ago") ||
		!strings.Contains(got, "in the past") || !strings.Contains(got, "Use your own dates") {
		t.Errorf("years past: %q", got)
	}
	if got := data.PastRotationNote(d("2026-11-01"), d("2026-11-21"), today); !strings.Contains(got, "14 days ago") {
		t.Errorf("days past: %q", got)
	}
	for _, end := range []string{"2026-12-05", "2027-01-31"} {
		if got := data.PastRotationNote(d("2026-11-20"), d(end), today); got != "" {
			t.Errorf("ending %s: %q, want no note", end, got)
		}
	}
}
