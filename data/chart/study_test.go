package chart

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

var testStyle = Style{
	Background: color.NRGBA{R: 30, G: 30, B: 30, A: 255},
	Foreground: color.NRGBA{R: 240, G: 240, B: 240, A: 255},
	Primary:    color.NRGBA{R: 41, G: 111, B: 246, A: 255},
	Empty:      color.NRGBA{R: 60, G: 60, B: 60, A: 255},
	Secondary:  color.NRGBA{R: 230, G: 140, B: 20, A: 255},
	Warning:    color.NRGBA{R: 240, G: 70, B: 50, A: 255},
	Success:    color.NRGBA{R: 40, G: 190, B: 80, A: 255},
}

// countColor counts the pixels of img equal to c.
func countColor(img image.Image, c color.Color) int {
	want := color.NRGBAModel.Convert(c)
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if color.NRGBAModel.Convert(img.At(x, y)) == want {
				n++
			}
		}
	}
	return n
}

// save keeps the image for a look when MASTERPLAN_CHART_DIR is set.
func save(t *testing.T, name string, img image.Image) {
	t.Helper()
	dir := os.Getenv("MASTERPLAN_CHART_DIR")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

func weeks(hours ...float64) []data.StudyPoint {
	start := data.NewDate(2026, 8, 31)
	out := make([]data.StudyPoint, len(hours))
	for i, h := range hours {
		out[i] = data.StudyPoint{Start: start.AddDays(7 * i), Hours: h}
	}
	return out
}

func TestWeeklyStudyChart(t *testing.T) {
	tests := []struct {
		name     string
		weeks    []data.StudyPoint
		goal     float64
		wantBars bool
	}{
		{"twelve weeks with goal", weeks(2, 5, 0, 8, 10, 12, 3, 0, 6, 9, 11, 4), 10, true},
		{"no study yet", weeks(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 10, false},
		{"no weeks at all", nil, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			img, err := WeeklyStudyChart(tc.weeks, tc.goal, testStyle, 720, 260)
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != 720 || b.Dy() != 260 {
				t.Fatalf("size %v, want 720x260", b)
			}
			save(t, "weekly-"+tc.name+".png", img)
			if bg := countColor(img, testStyle.Background); bg < 720*260/2 {
				t.Fatalf("only %d background pixels: the theme background is not used", bg)
			}
			if corner := color.NRGBAModel.Convert(img.At(1, 1)); corner != color.NRGBAModel.Convert(testStyle.Background) {
				t.Fatalf("the margin is %v, want the background colour", corner)
			}
			if bars := countColor(img, testStyle.Primary); (bars > 500) != tc.wantBars {
				t.Fatalf("%d accent pixels; bars drawn = %v, want %v", bars, bars > 500, tc.wantBars)
			}
		})
	}
}

func TestStudyHeatmap(t *testing.T) {
	days := make([]data.StudyPoint, 26*7-3)
	start := data.NewDate(2026, 5, 25)
	for i := range days {
		days[i] = data.StudyPoint{Start: start.AddDays(i)}
		if i%3 == 0 {
			days[i].Hours = float64(i%5) / 2
		}
	}
	days[40].Hours = 4 // the busiest day is drawn in the accent colour itself
	img, err := StudyHeatmap(days, testStyle, 720, 200)
	if err != nil {
		t.Fatal(err)
	}
	save(t, "heatmap.png", img)
	if n := countColor(img, testStyle.Primary); n < 20 {
		t.Fatalf("busiest day drew %d accent pixels", n)
	}
	if n := countColor(img, testStyle.Empty); n < 1000 {
		t.Fatalf("days without study drew %d pixels in the empty colour", n)
	}
	if _, err := StudyHeatmap(nil, testStyle, 720, 200); err != nil {
		t.Fatalf("empty heat map: %v", err)
	}
}
