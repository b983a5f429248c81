package chart

import (
	"fmt"
	"image"
	"image/color"
	"testing"

	"codeberg.org/go-fonts/liberation/liberationmonoregular"
	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"

	"github.com/masterplan-app/masterplan/data"
)

// figures builds each of the app's charts in st, with data enough for a
// legend, so that tests can look at how they are drawn.
func figures(t *testing.T, st Style) map[string]*figure {
	t.Helper()
	items := []data.BudgetItem{
		{Category: data.CategoryHotel, Planned: data.NewMoney("1500", "GBP"), Actual: data.NewMoney("1400", "GBP"), PaidBy: data.PaidByMe, Reimbursement: data.NotClaimed},
		{Category: data.CategoryMeals, Planned: data.NewMoney("400", "GBP"), PaidBy: data.PaidByMe, Reimbursement: data.NotClaimed},
		{Category: data.CategoryFlights, Planned: data.NewMoney("900", "GBP"), PaidBy: data.PaidByMe, Reimbursement: data.NotClaimed},
	}
	budget, err := budgetFigure(data.SumBudget(items, data.NewRateTable("GBP", nil)), st, 240)
	if err != nil {
		t.Fatal(err)
	}
	exam := data.Exam{ID: 1, Name: "Written exam 1", Kind: data.ExamWritten, PassMark: 70, Date: day(t, "2026-12-20")}
	var attempts []data.Attempt
	for i, d := range []string{"2026-10-01", "2026-10-15", "2026-11-01", "2026-11-20"} {
		attempts = append(attempts, data.Attempt{ID: int64(i + 1), ExamID: 1, Date: day(t, d), Scores: []data.TopicScore{data.CountedScore(1, 50+5*i, 100)}})
	}
	today := day(t, "2026-11-23")
	practice, err := practiceFigure(data.ForecastExam(exam, attempts, today, 0), today, st)
	if err != nil {
		t.Fatal(err)
	}
	weekly, err := weeklyFigure(weeks(2, 5, 0, 8, 10, 12, 3, 0, 6, 9, 11, 4), 10, st, 480)
	if err != nil {
		t.Fatal(err)
	}
	days := make([]data.StudyPoint, 26*7)
	for i := range days {
		days[i] = data.StudyPoint{Start: data.NewDate(2026, 5, 25).AddDays(i), Hours: float64(i % 4)}
	}
	heat, err := heatmapFigure(days, st)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*figure{"budget": budget, "practice": practice, "weekly": weekly, "heat map": heat}
}

// Every text of every chart is set in the font and size given, not in
// gonum's default serif.
func TestChartsUseTheGivenFont(t *testing.T) {
	mono, err := opentype.Parse(liberationmonoregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	st := testStyle
	st.Font, st.TextSize = liberationmonoregular.TTF, 15
	want := font.Face{Font: font.Font{Size: points(15)}, Face: mono}
	for name, f := range figures(t, st) {
		styles := map[string]text.Style{"legend": f.text, "x ticks": f.p.X.Tick.Label, "y ticks": f.p.Y.Tick.Label, "y label": f.p.Y.Label.TextStyle}
		for what, s := range styles {
			face := s.Handler.(text.Plain).Fonts.Lookup(s.Font, points(15))
			if got, w := face.Width("MasterPlan 12 %"), want.Width("MasterPlan 12 %"); got != w {
				t.Errorf("%s %s: text is %v wide, %v in the given font", name, what, got, w)
			}
		}
		if f.text.Font.Size != points(15) {
			t.Errorf("%s: legend text is %v, want 15 px", name, f.text.Font.Size)
		}
	}
	if _, err := newFigure(Style{Font: []byte("not a font")}, ""); err == nil {
		t.Error("a broken font was accepted")
	}
}

// Every chart draws in the palette given: its background, its text colour
// and its main series colour.
func TestChartsUseTheGivenPalette(t *testing.T) {
	for name, f := range figures(t, testStyle) {
		img, _ := f.draw(640, 320)
		for what, c := range map[string]color.Color{"background": testStyle.Background, "foreground": testStyle.Foreground, "primary": testStyle.Primary} {
			if countColor(img, c) == 0 {
				t.Errorf("%s: no pixel in the %s colour %v", name, what, c)
			}
		}
	}
}

// The title and legend sit in a header above the data area, inside the
// image, at the sizes the screens give the charts and at twice the scale.
func TestLegendsOutsideTheData(t *testing.T) {
	for _, scale := range []float64{1, 2} {
		st := testStyle
		st.Scale = scale
		for name, f := range figures(t, st) {
			for _, size := range []image.Point{{640, 320}, {360, 240}, {560, 150}} {
				w, h := int(float64(size.X)*scale), int(float64(size.Y)*scale)
				img, fr := f.draw(w, h)
				save(t, fmt.Sprintf("%s-%dx%d.png", name, w, h), img)
				if fr.Header.Overlaps(fr.Data) {
					t.Errorf("%s at %v×%g: legend %v overlaps the data %v", name, size, scale, fr.Header, fr.Data)
				}
				if !fr.Header.In(img.Bounds()) || fr.Header.Dy() <= 0 {
					t.Errorf("%s at %v×%g: legend %v is not inside the image %v", name, size, scale, fr.Header, img.Bounds())
				}
				if fr.Data.Dx() < w/2 || fr.Data.Dy() < h/3 {
					t.Errorf("%s at %v×%g: the data area %v is cramped", name, size, scale, fr.Data)
				}
			}
		}
	}
}

// The heat map's legend runs from "less" through its shades to "more".
func TestHeatmapLegend(t *testing.T) {
	f := figures(t, testStyle)["heat map"]
	if len(f.legend) != 1 {
		t.Fatalf("heat map legend has %d entries, want one scale", len(f.legend))
	}
	e := f.legend[0]
	if e[0].Text != "less" || e[len(e)-1].Text != "more" || len(e) < 5 {
		t.Fatalf("legend %+v, want less, shades, more", e)
	}
	if e[1].Color != testStyle.Empty || color.NRGBAModel.Convert(e[len(e)-2].Color) != color.NRGBAModel.Convert(testStyle.Primary) {
		t.Errorf("shades run from %v to %v, want the empty colour to primary", e[1].Color, e[len(e)-2].Color)
	}
}
