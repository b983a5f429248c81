package data

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestReversedRateIsCaught: a rate more than 3x away from the last one
// for its currency (or, without one, from the other direction's) is
// doubted, with both readings; a normal move is not.
func TestReversedRateIsCaught(t *testing.T) {
	d := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	known := []Rate{
		{ID: 1, Currency: "JPY", ToHome: d("0.0067"), AsOf: day(t, "2026-10-01")},
		{ID: 2, Currency: "GBP", ToHome: d("1.35"), AsOf: day(t, "2026-10-01")},
		{ID: 3, Currency: "CHF", ToHome: d("1.08"), AsOf: day(t, "2026-10-01")},
		{ID: 4, Currency: "AUD", ToHome: d("0.66"), AsOf: day(t, "2026-10-01")},
	}
	tests := []struct {
		name    string
		r       Rate
		reverse []Rate
		doubt   bool
		want    []string
	}{
		{"JPY typed the other way", Rate{Currency: "JPY", ToHome: d("150"), AsOf: day(t, "2026-11-01")}, nil, true,
			[]string{"1 JPY = 150 USD is more than 3 times the JPY rate as of 2026-10-01 (1 JPY = 0.0067 USD)", "Did you mean 1 USD = 150 JPY, that is 1 JPY = 0.00666667 USD?"}},
		{"GBP a third of the last", Rate{Currency: "GBP", ToHome: d("0.40"), AsOf: day(t, "2026-11-01")}, nil, true,
			[]string{"less than a third of the GBP rate", "1 GBP = 2.5 USD"}},
		{"GBP moved 10 %", Rate{Currency: "GBP", ToHome: d("1.22"), AsOf: day(t, "2026-11-01")}, nil, false, nil},
		// 1 USD = 0.74 GBP typed into the GBP row: within 3 times of 1.35,
		// but on the other side of 1 and near its inverse.
		{"GBP typed the other way", Rate{Currency: "GBP", ToHome: d("0.74"), AsOf: day(t, "2026-11-01")}, nil, true,
			[]string{"1 GBP = 0.74 USD is 45 % less than the GBP rate as of 2026-10-01 (1 GBP = 1.35 USD)",
				"close to its inverse, 0.740741", "Did you mean 1 USD = 0.74 GBP, that is 1 GBP = 1.35135 USD?"}},
		{"AUD typed the other way", Rate{Currency: "AUD", ToHome: d("1.52"), AsOf: day(t, "2026-11-01")}, nil, true,
			[]string{"1 AUD = 1.52 USD is 130 % more than the AUD rate as of 2026-10-01 (1 AUD = 0.66 USD)", "1 AUD = 0.657895 USD?"}},
		{"GBP up 115 %, not near the inverse: a jump, not a reversal", Rate{Currency: "GBP", ToHome: d("2.9"), AsOf: day(t, "2026-11-01")}, nil, false, nil},
		{"CHF near parity moved 1.08 to 1.00", Rate{Currency: "CHF", ToHome: d("1.00"), AsOf: day(t, "2026-11-01")}, nil, false, nil},
		{"CHF crossed parity by 12 %", Rate{Currency: "CHF", ToHome: d("0.95"), AsOf: day(t, "2026-11-01")}, nil, false, nil},
		{"editing the only rate is no doubt", Rate{ID: 1, Currency: "JPY", ToHome: d("0.0070"), AsOf: day(t, "2026-10-01")}, nil, false, nil},
		{"first EUR rate: nothing to compare", Rate{Currency: "EUR", ToHome: d("1.08"), AsOf: day(t, "2026-11-01")}, nil, false, nil},
		{"first EUR rate checked against the other direction's", Rate{Currency: "EUR", ToHome: d("0.3"), AsOf: day(t, "2026-11-01")},
			[]Rate{{ID: 7, Currency: "USD", ToHome: d("0.925"), AsOf: day(t, "2026-09-01")}}, true,
			[]string{"the rate the other way as of 2026-09-01 (1 USD = 0.925 EUR)", "(1 EUR = 1.08108 USD)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doubt, ok := CheckRateDirection("USD", tc.r, known, tc.reverse)
			if ok != tc.doubt {
				t.Fatalf("doubted = %v, want %v (%+v)", ok, tc.doubt, doubt)
			}
			q := doubt.Question()
			for _, w := range tc.want {
				if !strings.Contains(q, w) {
					t.Errorf("question %q lacks %q", q, w)
				}
			}
		})
	}
	doubt, _ := CheckRateDirection("USD", tests[0].r, known, nil)
	if doubt.TypedText() != "1 JPY = 150 USD" || doubt.ReversedText() != "1 USD = 150 JPY" || !doubt.Reversed.ToHome.Equal(d("0.00666667")) {
		t.Errorf("readings %q / %q, reversed rate %s", doubt.TypedText(), doubt.ReversedText(), doubt.Reversed.ToHome)
	}
	if err := doubt.Reversed.Validate("USD"); err != nil {
		t.Errorf("the reversed reading is not a valid rate: %v", err)
	}
}
