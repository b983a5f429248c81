package chart

import (
	"errors"
	"image/color"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

func TestBudgetBars(t *testing.T) {
	c := Style{Background: color.White, Foreground: color.Black, Primary: color.RGBA{0, 0, 200, 255}, Secondary: color.RGBA{200, 0, 0, 255}}
	t.Run("no items", func(t *testing.T) {
		if _, err := BudgetBars(data.BudgetTotals{Home: "GBP"}, c, 400, 300); !errors.Is(err, data.ErrInvalid) {
			t.Errorf("err = %v, want ErrInvalid", err)
		}
	})
	t.Run("draws both series at the asked size", func(t *testing.T) {
		items := []data.BudgetItem{
			{Category: data.CategoryHotel, Planned: data.NewMoney("1500", "GBP"), Actual: data.NewMoney("1400", "GBP"), PaidBy: data.PaidByMe, Reimbursement: data.NotClaimed},
			{Category: data.CategoryMeals, Planned: data.NewMoney("400", "GBP"), PaidBy: data.PaidByMe, Reimbursement: data.NotClaimed},
		}
		img, err := BudgetBars(data.SumBudget(items, data.NewRateTable("GBP", nil)), c, 400, 300)
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != 400 || b.Dy() != 300 {
			t.Errorf("image is %v, want 400×300", b)
		}
		var planned, actual int
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				r, g, bl, _ := img.At(x, y).RGBA()
				switch {
				case bl>>8 == 200 && r == 0 && g == 0:
					planned++
				case r>>8 == 200 && g == 0 && bl == 0:
					actual++
				}
			}
		}
		if planned == 0 || actual == 0 {
			t.Errorf("planned bars %d px, actual %d px; want both drawn", planned, actual)
		}
		if planned <= actual {
			t.Errorf("planned (1,900) drew %d px, actual (1,400) %d px; want planned larger", planned, actual)
		}
	})
}
