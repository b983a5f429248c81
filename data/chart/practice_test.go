package chart

import (
	"image/color"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

var testColors = Style{
	Background: color.White,
	Foreground: color.Black,
	Primary:    color.RGBA{R: 0x20, G: 0x60, B: 0xe0, A: 0xff},
	Warning:    color.RGBA{R: 0xe0, G: 0x30, B: 0x20, A: 0xff},
	Success:    color.RGBA{R: 0x10, G: 0xa0, B: 0x40, A: 0xff},
}

func day(t *testing.T, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate("test", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestPracticeTrend(t *testing.T) {
	exam := data.Exam{ID: 1, Name: "Written exam 1", Kind: data.ExamWritten, PassMark: 70, Date: day(t, "2026-12-20")}
	var attempts []data.Attempt
	for i, d := range []string{"2026-10-01", "2026-10-15", "2026-11-01", "2026-11-20"} {
		attempts = append(attempts, data.Attempt{ID: int64(i + 1), ExamID: 1, Date: day(t, d),
			Scores: []data.TopicScore{data.CountedScore(1, 50+5*i, 100)}})
	}
	today := day(t, "2026-11-23")
	tests := []struct {
		name     string
		attempts []data.Attempt
		want     []color.Color
		absent   []color.Color
	}{
		{"rising history with a projection", attempts, []color.Color{testColors.Primary, testColors.Warning, testColors.Success}, nil},
		{"one attempt, no projection", attempts[:1], []color.Color{testColors.Primary, testColors.Warning}, []color.Color{testColors.Success}},
		{"no attempts: the pass mark alone", nil, []color.Color{testColors.Warning}, []color.Color{testColors.Primary, testColors.Success}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := data.ForecastExam(exam, tc.attempts, today, 0)
			img, err := PracticeTrend(f, today, testColors, 640, 320)
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != 640 || b.Dy() != 320 {
				t.Fatalf("image is %v, want 640x320", b)
			}
			seen := map[color.RGBA]bool{}
			for y := 0; y < 320; y++ {
				for x := 0; x < 640; x++ {
					r, g, b, a := img.At(x, y).RGBA()
					seen[color.RGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: uint8(a >> 8)}] = true
				}
			}
			for _, c := range tc.want {
				if !seen[color.RGBAModel.Convert(c).(color.RGBA)] {
					t.Errorf("colour %v is not drawn", c)
				}
			}
			for _, c := range tc.absent {
				if seen[color.RGBAModel.Convert(c).(color.RGBA)] {
					t.Errorf("colour %v is drawn, want it absent", c)
				}
			}
		})
	}
	if _, err := PracticeTrend(data.ForecastExam(exam, attempts, today, 0), today, testColors, 10, 10); err == nil {
		t.Error("a 10x10 chart was drawn")
	}
}
