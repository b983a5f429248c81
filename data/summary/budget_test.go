package summary

import (
	"strings"
	"testing"
)

func TestBudgetStatusText(t *testing.T) {
	tests := []struct {
		name string
		b    BudgetStatus
		want []string
		not  []string
	}{
		{"empty", BudgetStatus{HomeCurrency: "GBP", MissingRates: []string{}}, []string{"No budget items yet", "Ctrl+6"}, nil},
		{"complete", BudgetStatus{HomeCurrency: "GBP", Items: 2, Planned: "16642.25", Actual: "15712.40", Forecast: "16704.65",
			Self: "1408.53", Employer: "15296.12", SpentByYou: "15712.40", PaidByEmployer: "0.00", OutstandingReimbursement: "0.00", MissingRates: []string{}},
			[]string{"Planned GBP 16,642.25", "spent GBP 15,712.40", "You pay GBP 1,408.53, the employer GBP 15,296.12"},
			[]string{"outstanding", "No exchange rate", "directly"}},
		{"missing rates and a claim", BudgetStatus{HomeCurrency: "JPY", Items: 1, Planned: "1000", Actual: "1000", Forecast: "1000",
			Self: "0", Employer: "1000", SpentByYou: "1000", PaidByEmployer: "0", OutstandingReimbursement: "1000", MissingRates: []string{"EUR", "USD"}},
			[]string{"Spent by you JPY 1,000 (reimbursement outstanding JPY 1,000)", "No exchange rate for EUR, USD"}, []string{"directly"}},
		// Issue 18: the employer paid the fee to the program: nothing was
		// spent by you, so nothing can be outstanding.
		{"the employer paid directly", BudgetStatus{HomeCurrency: "USD", Items: 1, Planned: "18500.00", Actual: "18500.00", Forecast: "18500.00",
			Self: "0.00", Employer: "18500.00", SpentByYou: "0.00", PaidByEmployer: "18500.00", OutstandingReimbursement: "0.00", MissingRates: []string{}},
			[]string{"Spent by you USD 0.00; paid by the employer directly USD 18,500.00"}, []string{"outstanding"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.b.Text()
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("Text() = %q, want %q in it", got, w)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(got, n) {
					t.Errorf("Text() = %q, does not want %q", got, n)
				}
			}
		})
	}
}
