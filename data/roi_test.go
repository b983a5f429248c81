package data

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestComputeReturn(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		name       string
		cost       string
		raise, one string
		wantPct    string
		hasCost    bool
		months     int
		never      bool
	}{
		{"raise pays back in a year and a half", "24000", "16000", "0", "-33.3", true, 18, false},
		{"one-off covers it at once", "24000", "0", "30000", "25", true, 0, false},
		{"one-off then raise", "24000", "12000", "18000", "25", true, 6, false},
		{"partial month rounds up", "1000", "1200", "0", "20", true, 10, false},
		{"nothing expected never pays back", "24000", "0", "0", "-100", true, 0, true},
		{"no cost recorded", "0", "1200", "0", "0", false, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ComputeReturn(d(tc.cost), ReturnInput{AnnualRaise: d(tc.raise), OneOffValue: d(tc.one)})
			if !r.FirstYearReturn.Equal(d(tc.wantPct)) || r.HasCost != tc.hasCost || r.PaybackMonths != tc.months || r.Never != tc.never {
				t.Fatalf("got return %s%% (cost %v), payback %d months (never %v); want %s%%, %v, %d, %v",
					r.FirstYearReturn, r.HasCost, r.PaybackMonths, r.Never, tc.wantPct, tc.hasCost, tc.months, tc.never)
			}
		})
	}
}

func TestReturnInputValidate(t *testing.T) {
	if err := (ReturnInput{AnnualRaise: decimal.NewFromInt(-1)}).Validate(); len(FieldErrors(err)) != 1 {
		t.Fatalf("negative raise: %v", err)
	}
	if err := (ReturnInput{AnnualRaise: decimal.NewFromInt(5000), OneOffValue: decimal.Zero}).Validate(); err != nil {
		t.Fatalf("valid input refused: %v", err)
	}
}
