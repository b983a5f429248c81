package catalog_test

import (
	"testing"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/catalog"
)

func load(t *testing.T) catalog.Catalog {
	t.Helper()
	c, err := catalog.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return c
}

func TestTracks(t *testing.T) {
	c := load(t)
	// The tracks DOMAIN.md names from the seed articles.
	for _, name := range []string{
		"MCM: Exchange Server 2010",
		"MCM: Lync Server 2010",
		"MCM: SharePoint Server 2010",
		"MCM: SQL Server 2008",
		"MCM: Windows Server 2008 R2: Directory",
		"MCM: Exchange Server 2007",
		"MCM: Windows Server 2008 - Directory",
		"MCM: Office Communications Server 2007",
		"MCM: Office SharePoint Server 2007",
	} {
		t.Run(name, func(t *testing.T) {
			tr, ok := c.TrackByName(name)
			if !ok {
				t.Fatalf("track %q is missing", name)
			}
			if got, ok := c.Track(tr.ID); !ok || got != tr {
				t.Errorf("Track(%q) = %+v, %v", tr.ID, got, ok)
			}
			if tr.Source == "" {
				t.Errorf("track %q names no source article", name)
			}
		})
	}
	t.Run("ids and names are unique and valid", func(t *testing.T) {
		ids, names := map[string]bool{}, map[string]bool{}
		for _, tr := range c.Tracks {
			if tr.ID == "" || ids[tr.ID] || names[tr.Name] {
				t.Errorf("track %+v: empty or duplicate id or name", tr)
			}
			ids[tr.ID], names[tr.Name] = true, true
			if err := data.CheckText("track", tr.Name, true, data.MaxNameLen); err != nil {
				t.Errorf("track %q: %v", tr.Name, err)
			}
		}
	})
	t.Run("unknown track", func(t *testing.T) {
		if _, ok := c.Track("mcm-cobol"); ok {
			t.Error("Track found an id that does not exist")
		}
		if _, ok := c.TrackByName("MCM: COBOL"); ok {
			t.Error("TrackByName found a name that does not exist")
		}
	})
}

func TestPublishedRotations(t *testing.T) {
	c := load(t)
	// The schedule published in source 001, as DOMAIN.md quotes it.
	want := []struct{ track, start, end string }{
		{"MCM: Exchange Server 2007", "2008-10-06", "2008-10-25"},
		{"MCM: Exchange Server 2007", "2009-01-05", "2009-01-24"},
		{"MCM: Exchange Server 2007", "2009-03-15", "2009-04-04"},
		{"MCM: SQL Server 2008", "2008-10-13", "2008-11-01"},
		{"MCM: SQL Server 2008", "2009-01-12", "2009-01-31"},
		{"MCM: SQL Server 2008", "2009-03-16", "2009-04-04"},
		{"MCM: Windows Server 2008 - Directory", "2008-11-03", "2008-11-22"},
		{"MCM: Windows Server 2008 - Directory", "2009-01-19", "2009-02-07"},
		{"MCM: Windows Server 2008 - Directory", "2009-05-04", "2009-05-23"},
	}
	if len(c.Rotations) != len(want) {
		t.Fatalf("%d published rotations, want %d", len(c.Rotations), len(want))
	}
	byTrack := map[string][]catalog.PublishedRotation{}
	for _, w := range want {
		t.Run(w.track+" "+w.start, func(t *testing.T) {
			tr, ok := c.TrackByName(w.track)
			if !ok {
				t.Fatalf("track %q is missing", w.track)
			}
			var found *catalog.PublishedRotation
			for _, p := range c.RotationsFor(tr.ID) {
				if p.Start.String() == w.start {
					found = &p
				}
			}
			if found == nil {
				t.Fatalf("no rotation of %q starts on %s", w.track, w.start)
			}
			if found.End.String() != w.end {
				t.Errorf("rotation %s ends %s, want %s", found.ID, found.End, w.end)
			}
			if got, ok := c.Rotation(found.ID); !ok || got != *found {
				t.Errorf("Rotation(%q) = %+v, %v", found.ID, got, ok)
			}
			byTrack[tr.ID] = append(byTrack[tr.ID], *found)

			r := c.AsRotation(*found)
			if err := r.Validate(); err != nil {
				t.Fatalf("AsRotation(%s) is not valid: %v", found.ID, err)
			}
			if r.Track != w.track || r.CatalogID != found.ID || len(r.Blocks) != 1 {
				t.Errorf("AsRotation = %+v", r)
			}
			b := r.Blocks[0]
			if b.Start != found.Start || b.End != found.End || b.Location != "Redmond, Washington" || b.TimeZone != "America/Los_Angeles" {
				t.Errorf("AsRotation block = %+v", b)
			}
			if days := b.Days(); days < 20 || days > 21 {
				t.Errorf("the published rotation lasts %d days, want three weeks", days)
			}
			wantLabel := w.start + " to " + w.end + " (Redmond, Washington)"
			if got := c.Label(*found); got != wantLabel {
				t.Errorf("Label = %q, want %q", got, wantLabel)
			}
		})
	}
	t.Run("three rotations a track, in date order", func(t *testing.T) {
		for id, ps := range byTrack {
			got := c.RotationsFor(id)
			if len(got) != 3 {
				t.Errorf("RotationsFor(%s) = %d rotations, want 3", id, len(got))
				continue
			}
			for i := 1; i < len(got); i++ {
				if !got[i-1].End.Before(got[i].Start) {
					t.Errorf("%s: %s is not before %s", id, got[i-1].ID, got[i].ID)
				}
			}
			if len(ps) != 3 {
				t.Errorf("%s: %d rotations matched the schedule", id, len(ps))
			}
		}
	})
	t.Run("unknown ids", func(t *testing.T) {
		if got := c.RotationsFor("mcm-cobol"); len(got) != 0 {
			t.Errorf("RotationsFor an unknown track = %v", got)
		}
		if _, ok := c.Rotation("mcm-cobol-r1"); ok {
			t.Error("Rotation found an id that does not exist")
		}
	})
	t.Run("every rotation's track exists", func(t *testing.T) {
		for _, p := range c.Rotations {
			if _, ok := c.Track(p.TrackID); !ok {
				t.Errorf("rotation %s names unknown track %q", p.ID, p.TrackID)
			}
		}
	})
}

func TestProgram(t *testing.T) {
	c := load(t)
	if c.Program.Fee != "18500" || c.Program.FeeCurrency != "USD" {
		t.Errorf("program fee = %s %s, want 18500 USD", c.Program.Fee, c.Program.FeeCurrency)
	}
	if c.Program.WrittenPassRate != "about 70 %" || c.Program.LabPassRate != "about 60 %" {
		t.Errorf("pass rates = %q, %q; the source says about 70 %% and about 60 %%", c.Program.WrittenPassRate, c.Program.LabPassRate)
	}
	if _, err := data.LoadZone(c.Site.TimeZone); err != nil {
		t.Errorf("site time zone: %v", err)
	}
}
