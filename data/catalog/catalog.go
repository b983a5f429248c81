// Package catalog holds what MasterPlan knows before the user types anything:
// the tracks named in the source articles and the one published rotation
// schedule (Redmond, 2008-2009), embedded as JSON so that it ships in the
// binary and can be corrected without touching code.
package catalog

import (
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/masterplan-app/masterplan/data"
)

//go:embed catalog.json
var catalogJSON []byte

// Track is a certification track.
type Track struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Source string `json:"source"` // which seed article names it
}

// PublishedRotation is one rotation from the published schedule.
type PublishedRotation struct {
	ID      string    `json:"id"`
	TrackID string    `json:"track"`
	Start   data.Date `json:"start"`
	End     data.Date `json:"end"`
}

// Site is where the published rotations were held.
type Site struct {
	Location string `json:"location"`
	TimeZone string `json:"time_zone"`
}

// Program holds the program's published figures, as text because the
// sources state them loosely ("about 70 %").
type Program struct {
	Fee             string `json:"fee"`
	FeeCurrency     string `json:"fee_currency"`
	WrittenPassRate string `json:"written_pass_rate"`
	LabPassRate     string `json:"lab_pass_rate"`
}

// Catalog is the whole embedded catalog.
type Catalog struct {
	Tracks    []Track             `json:"tracks"`
	Rotations []PublishedRotation `json:"rotations"`
	Site      Site                `json:"site"`
	Program   Program             `json:"program"`
}

// Load parses the embedded catalog. It fails only if the shipped JSON is
// broken, which a test guards against.
func Load() (Catalog, error) {
	var c Catalog
	if err := json.Unmarshal(catalogJSON, &c); err != nil {
		return Catalog{}, fmt.Errorf("parse embedded catalog: %w", err)
	}
	return c, nil
}

// Track returns the track with the given id.
func (c Catalog) Track(id string) (Track, bool) {
	for _, t := range c.Tracks {
		if t.ID == id {
			return t, true
		}
	}
	return Track{}, false
}

// TrackByName returns the track whose name is name.
func (c Catalog) TrackByName(name string) (Track, bool) {
	for _, t := range c.Tracks {
		if t.Name == name {
			return t, true
		}
	}
	return Track{}, false
}

// RotationsFor lists the published rotations of a track, in date order as
// stored.
func (c Catalog) RotationsFor(trackID string) []PublishedRotation {
	var out []PublishedRotation
	for _, r := range c.Rotations {
		if r.TrackID == trackID {
			out = append(out, r)
		}
	}
	return out
}

// Rotation returns the published rotation with the given id.
func (c Catalog) Rotation(id string) (PublishedRotation, bool) {
	for _, r := range c.Rotations {
		if r.ID == id {
			return r, true
		}
	}
	return PublishedRotation{}, false
}

// AsRotation turns a published rotation into a one-block rotation at the
// catalog's site.
func (c Catalog) AsRotation(p PublishedRotation) data.Rotation {
	name := p.TrackID
	if t, ok := c.Track(p.TrackID); ok {
		name = t.Name
	}
	return data.Rotation{
		Track:     name,
		CatalogID: p.ID,
		Blocks: []data.Block{{
			Start: p.Start, End: p.End, Location: c.Site.Location, TimeZone: c.Site.TimeZone,
		}},
	}
}

// Label describes a published rotation for a picker: "2009-01-05 to 2009-01-24 (Redmond, Washington)".
func (c Catalog) Label(p PublishedRotation) string {
	return fmt.Sprintf("%s to %s (%s)", p.Start, p.End, c.Site.Location)
}
