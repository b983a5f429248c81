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
